/**
 * The line-by-line reader of the Go benchmark format (proposal 14313), following the rules of
 * golang.org/x/perf/benchfmt's Reader so that we see the samples benchstat sees. It is fed lines,
 * one stream at a time (a file, or one package's output in a `go test -json` stream), and keeps
 * the configuration in force, the unit metadata, the warnings and the failures.
 *
 * Beyond benchfmt it collects failures as data (`--- FAIL`, `panic:`, `FAIL\tpkg`), because
 * benchstat silently drops them and a gate must not.
 */

import type { BenchResult, UnitMetadata } from '../types.js';
import type { Warning } from '../errors.js';
import type { BenchFailure, ParsedBench, ParsedBenchSummary, ResultLine, ResultSink } from './types.js';
import { FieldCursor, GO_SPACE_CLASS, isGoSpace } from './text-scan.js';
import { goFloat, goInt, plainDecimalAt, plainIntAt } from './numbers.js';
import { tidyRule, tidyUnitName, type TidyRule } from './units.js';
import { asciiString, ByteKey, newAsciiResult, scanAsciiResult, startsWithBenchmark } from './ascii-line.js';

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

/** The default sink: one BenchResult per result line, in input order. */
export class ResultArray implements ResultSink {
  readonly results: BenchResult[] = [];
  add(r: Readonly<ResultLine>): void {
    const values = new Array<{ value: number; unit: string }>(r.count);
    for (let i = 0; i < r.count; i++) values[i] = { value: r.values[i], unit: r.units[i] };
    this.results.push({
      pkg: r.pkg,
      name: r.name,
      config: r.config as Record<string, string>,
      iterations: r.iterations,
      values,
      source: { file: r.file, line: r.line },
    });
  }
}

const BENCHMARK = 'Benchmark';

export class BenchReader {
  private readonly sink: ResultSink;
  private resultCount = 0;
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
  /** Scratch for the line being read, handed to the sink; also what the next line is compared with. */
  private readonly current: ResultLine;
  /** The units as written on the last result line, and their tidying rules (units repeat). */
  private readonly rawUnits: string[] = [];
  private readonly rules: TidyRule[] = [];
  private pkg = '';
  /** Scratch for the fast path (bytesLine). */
  private readonly ascii = newAsciiResult();
  /** The bytes of the current name and of rawUnits, when the fast path made them. */
  private readonly nameKey = new ByteKey();
  private readonly unitKeys: ByteKey[] = [];

  constructor(
    private readonly file: string,
    sink?: ResultSink,
  ) {
    this.sink = sink ?? new ResultArray();
    this.current = { pkg: '', name: '', config: this.config, iterations: 0, file, line: 0, count: 0, units: [], values: new Float64Array(8) };
  }

  /** Begin a new file or package stream: configuration does not carry over (unit metadata does). */
  startStream(initialConfig: Record<string, string> = {}): void {
    this.endStream();
    this.setConfig(Object.freeze({ ...initialConfig }));
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

  /**
   * One line, without its line terminator: `text` itself, or `text.slice(start, end)` (a reader of
   * a large file passes the whole chunk and the line's bounds, so that a result line is read in
   * place without a string of its own). `lineNo` is 1-based in `file`.
   */
  line(text: string, lineNo: number, start = 0, end = text.length): void {
    if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    // A result line cannot be a failure's indented log: read it where it is.
    if (text.startsWith(BENCHMARK, start) && end - start >= BENCHMARK.length) {
      this.closeFailure();
      this.benchmarkLine(text, start, end, lineNo);
      if (this.recentLog.length > 0) this.recentLog = [];
      return;
    }
    if (start !== 0 || end !== text.length) text = text.slice(start, end);

    if (this.openFailure && INDENTED_LOG.test(text)) {
      if (this.openFailure.after.length < MAX_FAILURE_LINES) this.openFailure.after.push(text.trim());
      return;
    }
    this.closeFailure();
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

  /**
   * The fast path for a line of a file's bytes, `buf[start, end)` without its newline: reads an
   * ASCII result line with plain numbers (what a suite is made of) and returns true; returns false
   * without reading anything when the line must be decoded and given to `line` (ascii-line.ts).
   */
  bytesLine(buf: Uint8Array, start: number, end: number, lineNo: number): boolean {
    if (end > start && buf[end - 1] === 0x0d) end--;
    if (!startsWithBenchmark(buf, start, end)) return false;
    const a = this.ascii;
    if (!scanAsciiResult(buf, start, end, a)) return false;
    this.closeFailure();
    if (this.recentLog.length > 0) this.recentLog = [];
    this.announced = undefined;
    const r = this.current;
    if (!this.nameKey.matches(buf, a.nameStart, a.nameEnd)) {
      r.name = asciiString(buf, a.nameStart, a.nameEnd);
      this.nameKey.set(buf, a.nameStart, a.nameEnd);
    }
    if (r.values.length < a.count) r.values = new Float64Array(a.values.length);
    for (let i = 0; i < a.count; i++) {
      // The unit: usually the one in this position on the previous line, with its rule.
      if (i === this.unitKeys.length) this.unitKeys.push(new ByteKey());
      const key = this.unitKeys[i];
      if (!key.matches(buf, a.unitStarts[i], a.unitEnds[i])) {
        const unit = asciiString(buf, a.unitStarts[i], a.unitEnds[i]);
        this.rawUnits[i] = unit;
        this.rules[i] = tidyRule(unit);
        key.set(buf, a.unitStarts[i], a.unitEnds[i]);
      }
      const rule = this.rules[i];
      r.units[i] = rule.unit;
      r.values[i] = a.values[i] * rule.factor;
    }
    r.pkg = this.pkg;
    r.config = this.config;
    r.iterations = a.iterations;
    r.line = lineNo;
    r.count = a.count;
    this.resultCount++;
    this.sink.add(r);
    return true;
  }

  /** The results, when they went to the default sink. */
  finish(): ParsedBench {
    const summary = this.finishSummary();
    const sink = this.sink instanceof ResultArray ? this.sink : new ResultArray();
    return { results: sink.results, units: summary.units, warnings: summary.warnings, failures: summary.failures };
  }

  /** Everything but the results, which went to the sink. */
  finishSummary(): ParsedBenchSummary {
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
    return { resultCount: this.resultCount, units: this.units, warnings, failures: this.failures };
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
   *
   * This runs for every sample of a suite, so it reads the line in place: fields are found with
   * benchfmt's splitField rule (a field runs to the next space; that space and the spaces after it
   * are consumed), the name and units are compared with the previous line's before any string is
   * made, and plain numbers are converted from the characters. Anything unusual takes the general
   * path (goInt, goFloat) on a sliced field, with the same result.
   */
  private benchmarkLine(text: string, start: number, end: number, lineNo: number): void {
    const r = this.current;
    // The name.
    let pos = start + BENCHMARK.length;
    let fieldEnd = scanField(text, pos, end);
    let name = r.name;
    if (fieldEnd - pos !== name.length || !text.startsWith(name, pos)) name = unlinked(text.slice(pos, fieldEnd));
    pos = skipSpaces(text, fieldEnd, end);
    if (pos >= end && fieldEnd === end) {
      if (name !== r.name) this.nameKey.clear();
      r.name = name;
      this.announced = name;
      return;
    }
    this.announced = undefined;

    // The iteration count.
    fieldEnd = scanField(text, pos, end);
    if (fieldEnd === pos) return this.warn('missing iteration count', lineNo);
    let iters = plainIntAt(text, pos, fieldEnd);
    if (iters < 0) {
      const field = text.slice(pos, fieldEnd);
      const parsed = goInt(field);
      if (typeof parsed === 'string') return this.warn(`parsing iteration count ${JSON.stringify(field)}: ${parsed}`, lineNo);
      iters = parsed;
    }
    pos = skipSpaces(text, fieldEnd, end);

    // (value, unit) pairs.
    let count = 0;
    for (;;) {
      fieldEnd = scanField(text, pos, end);
      if (fieldEnd === pos) {
        if (count > 0) break;
        return this.warn('missing measurements', lineNo);
      }
      let value = plainDecimalAt(text, pos, fieldEnd);
      if (Number.isNaN(value)) {
        const field = text.slice(pos, fieldEnd);
        const parsed = goFloat(field);
        if (typeof parsed === 'string') return this.warn(`parsing measurement ${JSON.stringify(field)}: ${parsed}`, lineNo);
        value = parsed;
      }
      const valueStart = pos;
      const valueEnd = fieldEnd;
      pos = skipSpaces(text, fieldEnd, end);
      fieldEnd = scanField(text, pos, end);
      if (fieldEnd === pos) return this.warn(`missing units after ${text.slice(valueStart, valueEnd)}`, lineNo);
      if (count === r.values.length) {
        const grown = new Float64Array(count * 2);
        grown.set(r.values);
        r.values = grown;
      }
      // The unit: usually the one in this position on the previous line, with its rule.
      const known = count < this.rawUnits.length ? this.rawUnits[count] : '';
      if (known === '' || fieldEnd - pos !== known.length || !text.startsWith(known, pos)) {
        const unit = unlinked(text.slice(pos, fieldEnd));
        this.rawUnits[count] = unit;
        this.unitKeys[count]?.clear();
        this.rules[count] = tidyRule(unit);
      }
      const rule = this.rules[count];
      r.units[count] = rule.unit;
      r.values[count] = value * rule.factor;
      count++;
      pos = skipSpaces(text, fieldEnd, end);
    }
    if (name !== r.name) this.nameKey.clear();
    r.name = name;
    r.pkg = this.pkg;
    r.config = this.config;
    r.iterations = iters;
    r.line = lineNo;
    r.count = count;
    this.resultCount++;
    this.sink.add(r);
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
    const key = unlinked(text.slice(0, colon));
    let value = unlinked(text.slice(colon + 1));
    if (value.length > 0) {
      const stripped = value.replace(/^[ \t]+/, '');
      if (stripped.length === value.length) return false;
      value = stripped;
    }
    if (value.length === 0) {
      if (Object.hasOwn(this.config, key)) {
        const next: Record<string, string> = { ...this.config };
        delete next[key];
        this.setConfig(Object.freeze(next));
      }
    } else if (!Object.hasOwn(this.config, key) || this.config[key] !== value) {
      const next: Record<string, string> = { ...this.config };
      setOwn(next, key, value);
      this.setConfig(Object.freeze(next));
    }
    return true;
  }

  private setConfig(config: Readonly<Record<string, string>>): void {
    this.config = config;
    this.pkg = configValue(config, 'pkg');
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

/**
 * The string as a copy of its own. V8 makes `slice` of a long string a view that keeps the whole
 * parent alive: a benchmark name cut from a 64 KiB chunk of a file would keep that chunk, and the
 * names of a 2,000-benchmark file kept the whole file in memory. Concatenating flattens into a new
 * string; the slice is then a view of that small copy.
 */
function unlinked(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** End of the field starting at `pos`: the next Go space, or `end`. */
function scanField(s: string, pos: number, end: number): number {
  while (pos < end) {
    const c = s.charCodeAt(pos);
    // Printable ASCII other than the space is never a space: the common case in one comparison.
    if (c > 0x20 && c < 0x7f) pos++;
    else if (isGoSpace(c)) break;
    else pos++;
  }
  return pos;
}

/** splitField's step after a field: the space that ended it, and every space after that. */
function skipSpaces(s: string, pos: number, end: number): number {
  if (pos < end) pos++;
  while (pos < end && isGoSpace(s.charCodeAt(pos))) pos++;
  return pos;
}

function configValue(config: Readonly<Record<string, string>>, key: string): string {
  return Object.hasOwn(config, key) ? config[key] : '';
}
