/**
 * What the CLI's subcommands share: flag parsing (node's own `util.parseArgs`), output formats,
 * exit statuses and the verdict flags.
 */
import { interruptedBy } from '../interrupt.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { BenchgateError } from '../errors.js';
import { progressDisplay, tracked, type ProgressDisplay } from '../gotool/progress-display.js';
import type { ProgressSink } from '../gotool/progress.js';
import { renderMarkdown, type MarkdownContext } from '../report/markdown.js';
import { toCsvReport } from '../report/csv.js';
import { toJsonReport } from '../report/json.js';
import { formatAttributionText } from '../report/attribution-text.js';
import { formatText } from '../report/text.js';
import { DEFAULT_VERDICT, FAIL_ON_CHOICES, parseChoice, parseList, parseNumber, usageError, type FailOn, type VerdictSettings } from '../settings.js';
import { warningLine, type CompareReport } from '../types.js';

export interface CommandOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Set when stderr is a terminal (its width read when needed): progress is then one updating line. */
  stderrTTY?: { readonly columns?: number };
}

/** Exit statuses: documented in the README. */
export const EXIT_OK = 0;
export const EXIT_REGRESSION = 1;
export const EXIT_USAGE = 2;
export const EXIT_FAILED = 3;

export type Format = 'text' | 'markdown' | 'json' | 'csv';
export const FORMATS = ['text', 'markdown', 'json', 'csv'] as const;

type Options = NonNullable<ParseArgsConfig['options']>;

export const VERDICT_OPTIONS: Options = {
  alpha: { type: 'string' },
  confidence: { type: 'string' },
  threshold: { type: 'string' },
  'no-fdr': { type: 'boolean' },
  'gate-metrics': { type: 'string' },
  'fail-on': { type: 'string' },
  format: { type: 'string' },
};

export interface ParsedFlags {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses flags strictly: an unknown flag or a missing value is a usage error (exit 2). */
export function parseFlags(argv: string[], options: Options, allowPositionals = true): ParsedFlags {
  try {
    const { values, positionals } = parseArgs({ args: attachDashValues(argv, options), options, allowPositionals, strict: true });
    return { values: values as ParsedFlags['values'], positionals };
  } catch (e) {
    // node's message for an unknown flag goes on about positionals and '--'; the flag is what matters.
    const err = e as Error & { code?: string };
    const flag = /'([^']+)'/.exec(err.message)?.[1];
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) throw usageError(`unknown flag "${flag}"`);
    throw usageError(err.message.split('\n')[0]);
  }
}

/**
 * `--go-test-flags "-tags=x"` and `--threshold -3` as `--name=value`. node's parseArgs refuses a
 * value that starts with '-' after a space ("argument is ambiguous"), but the usage shows
 * `--go-test-flags "..."`, whose value is go flags. A following token that is itself one of this
 * command's flags stays a flag, so a forgotten value is still reported as missing.
 */
export function attachDashValues(argv: readonly string[], options: Options): string[] {
  const isFlag = (a: string) => a === '--' || a === '-h' || Object.hasOwn(options, a.replace(/^--/, '').split('=')[0]);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') return [...out, ...argv.slice(i)];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && Object.hasOwn(options, name) && options[name].type === 'string' && next?.startsWith('-') && !isFlag(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

export function str(values: ParsedFlags['values'], name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function verdictFrom(values: ParsedFlags['values']): VerdictSettings {
  const alpha = str(values, 'alpha');
  const confidence = str(values, 'confidence');
  const threshold = str(values, 'threshold');
  const gate = str(values, 'gate-metrics');
  return {
    alpha: alpha !== undefined ? parseNumber('--alpha', alpha, 1e-9, 0.5) : DEFAULT_VERDICT.alpha,
    confidence: confidence !== undefined ? parseNumber('--confidence', confidence, 0.5, 0.999999) : DEFAULT_VERDICT.confidence,
    threshold: threshold !== undefined ? parseNumber('--threshold', threshold, 0, 10000) : DEFAULT_VERDICT.threshold,
    fdr: values['no-fdr'] !== true,
    gateUnits: gate !== undefined ? parseList(gate) : DEFAULT_VERDICT.gateUnits,
  };
}

export function failOnFrom(values: ParsedFlags['values']): FailOn {
  return parseChoice('--fail-on', str(values, 'fail-on') ?? 'none', FAIL_ON_CHOICES);
}

export function formatFrom(values: ParsedFlags['values'], fallback: Format = 'text'): Format {
  return parseChoice('--format', str(values, 'format') ?? fallback, FORMATS);
}

export function render(report: CompareReport, format: Format, ctx: MarkdownContext, extra?: object): string {
  switch (format) {
    case 'json':
      return toJsonReport(report, extra);
    case 'csv':
      return toCsvReport(report);
    case 'markdown':
      return renderMarkdown(report, { ...ctx, maxLength: Number.MAX_SAFE_INTEGER });
    default:
      return formatText(report) + formatAttributionText(report) + warningsText(report);
  }
}

function warningsText(report: CompareReport): string {
  return report.warnings.length ? '\n' + report.warnings.map((w) => `warning: ${warningLine(w)}`).join('\n') + '\n' : '';
}

export interface CommandProgress {
  /** The command's output, written around the status line (a warning does not tear it). */
  out: CommandOutput;
  /**
   * Runs work that reports progress (none with --quiet); the work's last phase ends with it:
   * its closing line, or on failure the status line erased before the error is printed.
   */
  track<T>(work: (onProgress: ProgressSink | undefined) => Promise<T>): Promise<T>;
}

/** Progress on stderr for a command: a status line in a terminal, a few plain lines otherwise. */
export function commandProgress(out: CommandOutput, quiet: boolean, env: NodeJS.ProcessEnv = process.env): CommandProgress {
  if (quiet) return { out, track: (work) => work(undefined) };
  const display: ProgressDisplay = progressDisplay(
    {
      write: out.stderr,
      isTTY: out.stderrTTY !== undefined,
      get columns() {
        return out.stderrTTY?.columns;
      },
    },
    { env },
  );
  return {
    out: { ...out, stderr: (s) => display.print(s) },
    track: (work) => tracked(display, work),
  };
}

/** Turns an error into the right exit status and a message a user can act on. */
export function reportError(e: unknown, command: string, usage: string, out: CommandOutput): number {
  // After Ctrl-C the failures that follow (processes killed, none started) are its echo, not news.
  if (interruptedBy()) return EXIT_FAILED;
  if (e instanceof BenchgateError && e.code === 'usage') {
    out.stderr(`benchgate ${command}: ${e.message}\n${usage}\n`);
    return EXIT_USAGE;
  }
  if (e instanceof BenchgateError) {
    out.stderr(`benchgate ${command}: ${e.message}\n`);
    return EXIT_FAILED;
  }
  throw e;
}
