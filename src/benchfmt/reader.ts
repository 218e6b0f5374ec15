/**
 * The line-by-line reader of the Go benchmark format (proposal 14313), following the rules of
 * golang.org/x/perf/benchfmt's Reader so that we see the samples benchstat sees. It is fed lines,
 * one stream at a time (a file, or one package's output in a `go test -json` stream), and keeps
 * the configuration in force, the unit metadata, the warnings and the failures.
 *
 * Beyond benchfmt it collects failures as data (`--- FAIL`, `panic:`, `FAIL\tpkg`), because
 * benchstat silently drops them and a gate must not.
 */

import type { BenchResult, BenchValue, UnitMetadata } from '../types.js';
import type { Warning } from '../errors.js';
import type { BenchFailure, ParsedBench } from './types.js';
import { FieldCursor, GO_SPACE_CLASS } from './text-scan.js';
import { goFloat, goInt } from './numbers.js';
import { tidyUnit, tidyUnitName } from './units.js';

/** Beyond this, warnings are counted, not listed: a garbage file must not make a huge report. */
const MAX_WARNINGS = 100;
const MAX_FAILURES = 200;
/** Log or compiler lines kept per failure. */
const MAX_FAILURE_LINES = 20;

// A key starts with a lower-case letter and has no space or upper-case letter before its colon.
const KEY_VALUE = new RegExp(`^\\p{Ll}[^${GO_SPACE_CLASS}\\p{Lu}:]*:`, 'u');
const FAIL_BENCH = /^\s*--- FAIL: (\S+)/;
const FAIL_PACKAGE = /^FAIL\t(\S+)/;
const BUILD_HEADER = /^# (\S+)/;
const INDENTED_LOG = /^(?: {4}|\t)/;

interface OpenFailure {
  failure: BenchFailure;
  /** Log lines seen just before `--- FAIL` (go test -json prints the log first). */
  before: string[];
  after: string[];
}

export class BenchReader {
  private readonly results: BenchResult[] = [];
  private readonly units: UnitMetadata = {};
  private readonly warnings: Warning[] = [];
  private droppedWarnings = 0;
  private readonly failures: BenchFailure[] = [];
  private droppedFailures = 0;
  private readonly failedPackages = new Set<string>();
  /** Compiler output per package, from `# pkg` blocks or `build-output` events. */
  private readonly buildOutput = new Map<string, string[]>();

  // Per-stream state.
  /** Shared by the results read under it; replaced, never mutated, when a line changes it. */
  private config: Readonly<Record<string, string>> = Object.freeze({});
  private recentLog: string[] = [];
  private openFailure: OpenFailure | null = null;
  /** The benchmark `go test -v`/`-json` announced last, to name a panic. */
  private announced: string | undefined;
  private buildBlock: string[] | null = null;
  private readonly cursor = new FieldCursor();

  constructor(private readonly file: string) {}

  /** Begin a new file or package stream: configuration does not carry over (unit metadata does). */
  startStream(initialConfig: Record<string, string> = {}): void {
    this.endStream();
    this.config = Object.freeze({ ...initialConfig });
    this.recentLog = [];
    this.announced = undefined;
  }

  endStream(): void {
    this.closeFailure();
    this.buildBlock = null;
  }

  /** Record compiler output that arrived outside the package's own stream. */
  addBuildOutput(pkg: string, line: string): void {
    const lines = this.buildOutput.get(pkg) ?? [];
    if (lines.length < MAX_FAILURE_LINES) lines.push(line);
    this.buildOutput.set(pkg, lines);
  }

  /** One line, without its line terminator; `lineNo` is 1-based in `file`. */
  line(text: string, lineNo: number): void {
    if (text.endsWith('\r')) text = text.slice(0, -1);

    if (this.openFailure && INDENTED_LOG.test(text)) {
      if (this.openFailure.after.length < MAX_FAILURE_LINES) this.openFailure.after.push(text.trim());
      return;
    }
    this.closeFailure();

    if (text.startsWith('Benchmark')) {
      this.benchmarkLine(text, lineNo);
      this.recentLog = [];
      return;
    }
    if (text.startsWith('Unit')) {
      const cursor = this.cursor.reset(text);
      if (cursor.next() === 'Unit') {
        this.unitLine(cursor, lineNo);
        return;
      }
    }
    // "panic: msg" is also a well-formed `key: value` line (benchfmt stores it as config), so it
    // is recorded here and then read as configuration too.
    if (text.startsWith('panic: ')) this.panicLine(text, lineNo);
    if (KEY_VALUE.test(text)) {
      if (this.keyValueLine(text)) return;
    }
    this.otherLine(text, lineNo);
  }

  finish(): ParsedBench {
    this.endStream();
    for (const f of this.failures) {
      if (!f.message.endsWith('[build failed]')) continue;
      const compiler = this.buildOutput.get(f.pkg);
      if (compiler?.length) f.message += '\n' + compiler.join('\n');
    }
    const warnings = [...this.warnings];
    if (this.droppedWarnings > 0) {
      warnings.push({
        message: `${this.droppedWarnings} more malformed lines not listed`,
        where: { file: this.file },
      });
    }
    if (this.droppedFailures > 0) {
      warnings.push({ message: `${this.droppedFailures} more failures not listed`, where: { file: this.file } });
    }
    return { results: this.results, units: this.units, warnings, failures: this.failures };
  }

  /** A problem found outside the format's own lines (e.g. a broken -json event). */
  warnAt(message: string, line: number): void {
    this.warn(message, line);
  }

  private warn(message: string, line: number): void {
    if (this.warnings.length >= MAX_WARNINGS) this.droppedWarnings++;
    else this.warnings.push({ message, where: { file: this.file, line } });
  }

  /**
   * `BenchmarkName <iterations> (<value> <unit>)+`. A line that is only a name is how `-v` and
   * `-json` announce a benchmark starting; it is not a result.
   */
  private benchmarkLine(text: string, lineNo: number): void {
    const cursor = this.cursor.reset(text, 'Benchmark'.length);
    const name = cursor.next();
    if (cursor.done && name.length === text.length - 'Benchmark'.length) {
      this.announced = name;
      return;
    }
    this.announced = undefined;
    const itersField = cursor.next();
    if (itersField === '') return this.warn('missing iteration count', lineNo);
    const iters = goInt(itersField);
    if (typeof iters === 'string') return this.warn(`parsing iteration count ${JSON.stringify(itersField)}: ${iters}`, lineNo);

    const values: BenchValue[] = [];
    for (;;) {
      const valueField = cursor.next();
      if (valueField === '') {
        if (values.length > 0) break;
        return this.warn('missing measurements', lineNo);
      }
      const value = goFloat(valueField);
      if (typeof value === 'string') return this.warn(`parsing measurement ${JSON.stringify(valueField)}: ${value}`, lineNo);
      const unit = cursor.next();
      if (unit === '') return this.warn(`missing units after ${valueField}`, lineNo);
      values.push(tidyUnit(value, unit));
    }
    this.results.push({
      pkg: configValue(this.config, 'pkg'),
      name,
      config: this.config,
      iterations: iters,
      values,
      source: { file: this.file, line: lineNo },
    });
  }

  /** `Unit <unit> key=value…`: metadata, keyed by tidied unit; the first value set wins. */
  private unitLine(cursor: FieldCursor, lineNo: number): void {
    const unit = cursor.next();
    if (unit === '') return this.warn('missing unit', lineNo);
    const tidied = tidyUnitName(unit);
    for (let field = cursor.next(); field !== ''; field = cursor.next()) {
      const eq = field.indexOf('=');
      if (eq <= 0) {
        this.warn(`expected key=value, got ${JSON.stringify(field)}`, lineNo);
        continue;
      }
      const key = field.slice(0, eq);
      const value = field.slice(eq + 1);
      if (!Object.hasOwn(this.units, tidied)) setOwn(this.units, tidied, {});
      const meta = this.units[tidied];
      const have = Object.hasOwn(meta, key) ? meta[key] : undefined;
      if (have === undefined) setOwn(meta, key, value);
      else if (have !== value) this.warn(`metadata ${key} of unit ${unit} already set to ${have}`, lineNo);
    }
  }

  /**
   * `key: value` sets a configuration value for the results after it; `key:` with nothing after
   * it deletes it. Returns false when the line only looks like one (no space after the colon).
   */
  private keyValueLine(text: string): boolean {
    const colon = text.indexOf(':');
    const key = text.slice(0, colon);
    let value = text.slice(colon + 1);
    if (value.length > 0) {
      const stripped = value.replace(/^[ \t]+/, '');
      if (stripped.length === value.length) return false;
      value = stripped;
    }
    if (value.length === 0) {
      if (Object.hasOwn(this.config, key)) {
        const next: Record<string, string> = { ...this.config };
        delete next[key];
        this.config = Object.freeze(next);
      }
    } else if (!Object.hasOwn(this.config, key) || this.config[key] !== value) {
      const next: Record<string, string> = { ...this.config };
      setOwn(next, key, value);
      this.config = Object.freeze(next);
    }
    return true;
  }

  /** Lines the format ignores; some of them tell that something failed. */
  private otherLine(text: string, lineNo: number): void {
    const pkg = configValue(this.config, 'pkg');
    const benchFail = FAIL_BENCH.exec(text);
    if (benchFail) {
      const full = benchFail[1];
      const failure: BenchFailure = {
        pkg,
        name: full.startsWith('Benchmark') ? full.slice('Benchmark'.length) : full,
        message: text.trim(),
        where: { file: this.file, line: lineNo },
      };
      this.openFailure = { failure, before: this.recentLog, after: [] };
      this.recentLog = [];
      this.addFailure(failure);
      return;
    }
    const pkgFail = FAIL_PACKAGE.exec(text);
    if (pkgFail) {
      this.buildBlock = null;
      const failedPkg = pkgFail[1];
      // The benchmark's own failure says more; the package line only matters when it is alone.
      if (!this.failedPackages.has(failedPkg) || text.endsWith('[build failed]')) {
        this.addFailure({ pkg: failedPkg, message: text.replace(/\t/g, ' ').trim(), where: { file: this.file, line: lineNo } });
      }
      return;
    }
    const header = BUILD_HEADER.exec(text);
    if (header) {
      this.buildBlock = [];
      this.buildOutput.set(header[1], this.buildBlock);
      return;
    }
    if (this.buildBlock) {
      if (text.startsWith('ok ') || text.startsWith('ok\t') || text === 'FAIL') this.buildBlock = null;
      else if (this.buildBlock.length < MAX_FAILURE_LINES && text.trim() !== '') this.buildBlock.push(text.trim());
      return;
    }
    if (INDENTED_LOG.test(text)) {
      if (this.recentLog.length < MAX_FAILURE_LINES) this.recentLog.push(text.trim());
    } else {
      this.recentLog = [];
    }
  }

  private panicLine(text: string, lineNo: number): void {
    this.addFailure({
      pkg: configValue(this.config, 'pkg'),
      ...(this.announced !== undefined && { name: this.announced }),
      message: text.trim(),
      where: { file: this.file, line: lineNo },
    });
    this.recentLog = [];
  }

  private addFailure(failure: BenchFailure): void {
    this.failedPackages.add(failure.pkg);
    if (this.failures.length >= MAX_FAILURES) this.droppedFailures++;
    else this.failures.push(failure);
  }

  private closeFailure(): void {
    const open = this.openFailure;
    if (!open) return;
    this.openFailure = null;
    const log = open.after.length > 0 ? open.after : open.before;
    if (log.length > 0) open.failure.message += '\n' + log.join('\n');
  }
}

/** Keys come from the input: `__proto__` or `constructor` must be plain data, never a prototype. */
function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function configValue(config: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(config, key) ? config[key] : '';
}
