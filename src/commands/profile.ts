/**
 * `benchgate profile top <file>… [--sample-index <type>] [--focus <regex>] [--format text|json]`:
 * pprof's `-top` report from our own decoder, as text (the layout of `go tool pprof -top`)
 * or JSON. Several files are merged first, as pprof does.
 */
import { basename } from 'node:path';
import { BenchgateError } from '../errors.js';
import { EXIT_FAILED, EXIT_USAGE } from './common.js';
import type { Profile } from '../pprof/model.js';
import { readProfileProtobuf, readProfiles } from '../pprof/read.js';
import { topFunctions, topOfProtobuf, type TopReport } from '../pprof/top.js';
import { outputUnit, percentage, scaledLabel } from '../pprof/units.js';
import { PROFILE_USAGE as USAGE } from './usage.js';

export interface CommandOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}


interface TopArgs {
  files: string[];
  sampleIndex?: string;
  focus?: RegExp;
  focusText?: string;
  format: 'text' | 'json';
}

function parseArgs(argv: string[]): TopArgs | string {
  if (argv[0] !== 'top') return argv.length === 0 ? 'missing subcommand' : `unknown subcommand "${argv[0]}"`;
  const args: TopArgs = { files: [], format: 'text' };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (!flag.startsWith('--')) {
      args.files.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === undefined) return `${flag} needs a value`;
    switch (flag) {
      case '--sample-index':
        args.sampleIndex = value;
        break;
      case '--focus':
        try {
          args.focus = new RegExp(value);
          args.focusText = value;
        } catch {
          return `--focus: invalid regular expression "${value}"`;
        }
        break;
      case '--format':
        if (value !== 'text' && value !== 'json') return `--format must be text or json, not "${value}"`;
        args.format = value;
        break;
      default:
        return `unknown flag ${flag}`;
    }
  }
  if (args.files.length === 0) return 'no profile files given';
  return args;
}

export async function profileCommand(argv: string[], out: CommandOutput): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    out.stderr(`benchgate profile: ${args}; ${USAGE}\n`);
    return EXIT_USAGE;
  }
  try {
    const options = { focus: args.focus };
    let profile: Profile;
    let report: TopReport;
    if (args.files.length === 1) {
      // One file (the usual case) is totalled as it is read, with no object per sample.
      ({ profile, report } = topOfProtobuf(await readProfileProtobuf(args.files[0]), args.files[0], args.sampleIndex, options));
    } else {
      profile = await readProfiles(args.files);
      report = topFunctions(profile, args.sampleIndex, options);
    }
    if (args.format === 'json') {
      out.stdout(JSON.stringify(topJson(report), null, 2) + '\n');
    } else {
      const file = profile.mapping[0]?.file ? basename(profile.mapping[0].file) : '';
      out.stdout(topText(report, { file, focus: args.focusText }));
    }
    return 0;
  } catch (e) {
    if (e instanceof BenchgateError) {
      // Exit statuses as the README gives them: 3 is "the work failed" (1 means a regression).
      out.stderr(`benchgate profile: ${e.message}\n`);
      return EXIT_FAILED;
    }
    throw e;
  }
}

export function topJson(r: TopReport) {
  return {
    sampleType: r.sampleType.type,
    unit: r.sampleType.unit,
    total: r.total,
    functions: r.rows.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat, cum: f.cum })),
  };
}

/** The text of `go tool pprof -top`: header, then `flat flat% sum% cum cum% name` rows. */
export function topText(r: TopReport, meta: { file?: string; focus?: string } = {}): string {
  const unit = r.sampleType.unit.toLowerCase();
  const outUnit = outputUnit(unit, r.rows, r.total);
  const fmt = (v: number) => scaledLabel(v, unit, outUnit);
  const lines: string[] = [];
  if (meta.file) lines.push(`File: ${meta.file}`);
  lines.push(`Type: ${r.sampleType.type}`);
  if (meta.focus) lines.push('Active filters:', `   focus=${meta.focus}`);
  const shown = r.rows.reduce((s, n) => s + n.flat, 0);
  lines.push(`Showing nodes accounting for ${fmt(shown)}, ${percentage(shown, r.total).trim()} of ${fmt(r.total)} total`);
  lines.push(`${'flat'.padStart(10)} ${'flat'.padStart(5)}% ${'sum'.padStart(5)}% ${'cum'.padStart(10)} ${'cum'.padStart(5)}%`);
  let sum = 0;
  for (const n of r.rows) {
    sum += n.flat;
    const inl = n.inline ? ` (${n.inline})` : '';
    lines.push(
      `${fmt(n.flat).padStart(10)} ${percentage(n.flat, r.total)} ${percentage(sum, r.total)} ${fmt(n.cum).padStart(10)} ${percentage(n.cum, r.total)}  ${n.function}${inl}`,
    );
  }
  return lines.join('\n') + '\n';
}
