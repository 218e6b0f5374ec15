/**
 * The JSON report: the stable, versioned contract that other tools (and our own `report` mode) read.
 * Every key is always present, with `null` where a value does not exist (a new benchmark has no
 * base; a summary of five samples has no interval). JSON cannot hold NaN or Infinity, so any
 * non-finite number is written as null, and read back as NaN where the type is a plain number.
 */

import type {
  AttributedFunction,
  Attribution,
  BisectStep,
  CausalCheck,
  CausalSkipped,
  CommitBisection,
  CommitRef,
  CompareReport,
  CompareRow,
  CompareSettings,
  Confirmation,
  DiagnosisSide,
  GeomeanRow,
  PairedRow,
  ReportWarning,
  RowTest,
  SkippedPackage,
  Summary,
  Verdict,
} from '../types.js';
import { warningLine } from '../types.js';
import { BenchgateError } from '../errors.js';

/**
 * 2: `verdict` is the decision that counts (a cleared suspect is `unchanged`, one confirmation could
 * not judge `unconfirmed`), with the first pass in `screen`; rows carry `test` and `paired`.
 */
export const JSON_REPORT_SCHEMA = 2;

const VERDICTS: readonly Verdict[] = ['regression', 'improvement', 'unchanged', 'noisy', 'unconfirmed', 'new', 'removed'];
const TESTS: readonly RowTest[] = ['mann-whitney-u', 'wilcoxon-signed-rank', 'by-value'];
const WARNING_KINDS: readonly ReportWarning['kind'][] = ['package-failed', 'environment', 'rows-removed', 'rows-added', 'too-few-pairs', 'input', 'other'];
/** What flameGraphPath writes: slugs of [A-Za-z0-9._-] only, no `..` segment. */
const FLAMEGRAPH_PATH = /^flamegraphs\/(?!\.)[A-Za-z0-9._-]+\/(?!\.)[A-Za-z0-9._-]+\.html$/;

/** Serialize a report; `extra` adds top-level keys (e.g. commits) but cannot replace the report's own. */
export function toJsonReport(report: CompareReport, extra?: object): string {
  const body = {
    ...(extra ?? {}),
    schema: JSON_REPORT_SCHEMA,
    rows: report.rows.map(rowToJson),
    geomean: report.geomean.map((g) => ({ unit: g.unit, base: num(g.base), head: num(g.head), deltaPercent: num(g.deltaPercent) })),
    // One line each, as before kinds existed; `warningDetails` has the same warnings as data.
    warnings: report.warnings.map(warningLine),
    warningDetails: report.warnings.map((w) => ({ kind: w.kind, side: w.side ?? null, message: w.message })),
    settings: { ...report.settings },
    skipped: (report.skipped ?? []).map((s) => ({ package: s.package, reason: s.reason })),
  };
  // The replacer catches non-finite numbers anywhere, including inside `extra` and settings.
  return JSON.stringify(body, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2) + '\n';
}

function rowToJson(row: CompareRow) {
  return {
    package: row.package,
    name: row.name,
    unit: row.unit,
    base: summaryToJson(row.base),
    head: summaryToJson(row.head),
    deltaPercent: num(row.deltaPercent),
    p: num(row.p),
    q: num(row.q),
    significant: row.significant,
    verdict: row.verdict,
    reason: row.reason,
    test: row.test ?? null,
    paired: pairedToJson(row.paired),
    exact: row.exact ?? false,
    noisePercent: num(row.noisePercent),
    suspect: row.suspect ?? false,
    screen: row.screen ? { verdict: row.screen.verdict, reason: row.screen.reason } : null,
    confirmed: row.confirmed ?? null,
    confirmation: row.confirmation
      ? {
          base: summaryToJson(row.confirmation.base),
          head: summaryToJson(row.confirmation.head),
          deltaPercent: num(row.confirmation.deltaPercent),
          p: num(row.confirmation.p),
          paired: pairedToJson(row.confirmation.paired),
          verdict: row.confirmation.verdict,
          reason: row.confirmation.reason,
        }
      : null,
    attribution: row.attribution
      ? {
          functions: row.attribution.functions.map(attributedFunctionToJson),
          offsets: (row.attribution.offsets ?? []).map(attributedFunctionToJson),
          changedNet: row.attribution.changedNet === undefined ? null : num(row.attribution.changedNet),
          note: row.attribution.note,
          commit: commitToJson(row.attribution.commit),
        }
      : null,
    diagnosis: row.diagnosis ? { base: diagnosisSideToJson(row.diagnosis.base), head: diagnosisSideToJson(row.diagnosis.head) } : null,
    flamegraph: row.flamegraph ?? null,
  };
}

function attributedFunctionToJson(f: AttributedFunction) {
  return {
    function: f.function,
    file: f.file,
    startLine: f.startLine,
    endLine: f.endLine,
    changed: f.changed,
    commits: f.commits.map((c) => ({ sha: c.sha, subject: c.subject })),
    delta: num(f.delta),
    share: num(f.share),
    causal: causalToJson(f.causal),
  };
}

function diagnosisSideToJson(d: DiagnosisSide) {
  const out = {} as Record<keyof DiagnosisSide, number | null>;
  for (const k of DIAGNOSIS_KEYS) out[k] = num(d[k]);
  return out;
}

/** The figures of a diagnosis side, in the order report.json lists them. */
const DIAGNOSIS_KEYS: readonly (keyof DiagnosisSide)[] = [
  'gcCyclesPerOp',
  'stwSweepTermNsPerOp',
  'stwMarkTermNsPerOp',
  'concurrentMarkNsPerOp',
  'gcCpuFraction',
  'heapGoalBytes',
  'assistShare',
  'schedLatencyNsPerOp',
];

function causalToJson(c: CausalCheck | undefined) {
  if (!c) return null;
  if ('skipped' in c) return { skipped: c.skipped };
  return { recovered: num(c.recovered), lo: num(c.lo), hi: num(c.hi), n: c.n, p: num(c.p), verified: c.verified, method: c.method };
}

function commitToJson(c: CommitBisection | CausalSkipped | undefined) {
  if (!c) return null;
  if ('skipped' in c) return { skipped: c.skipped };
  return {
    sha: c.sha,
    subject: c.subject,
    index: c.index,
    of: c.of,
    method: c.method,
    steps: c.steps.map((s) => ({ sha: s.sha, index: s.index, n: s.n, ratio: num(s.ratio), lo: num(s.lo), hi: num(s.hi), p: num(s.p), present: s.present })),
  };
}

function pairedToJson(p: PairedRow | null | undefined) {
  if (!p) return null;
  return {
    n: p.n,
    ratio: num(p.ratio),
    lo: num(p.lo),
    hi: num(p.hi),
    p: num(p.p),
    lookP: p.lookP ? p.lookP.map(num) : null,
    method: p.method,
    pairing: p.pairing,
    duetPairs: p.duetPairs ?? null,
  };
}

function summaryToJson(s: Summary | null) {
  if (!s) return null;
  return { n: s.n, center: num(s.center), lo: num(s.lo), hi: num(s.hi), warnings: [...s.warnings] };
}

function num(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Read a JSON report back, checking every field: it arrives as an artifact from another workflow
 * run, i.e. as untrusted data. Errors name the file and the JSON path that is wrong.
 */
export function fromJsonReport(text: string, file: string): CompareReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // The engine quotes the input around the error, newlines included: keep the message one line.
    const message = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ');
    const at = /position (\d+)/.exec(message);
    const where = at ? positionOf(text, Number(at[1])) : {};
    throw new BenchgateError(`not valid JSON (${message}); expected a benchgate JSON report`, 'report-json', { file, ...where });
  }
  return new ReportReader(file).report(value);
}

function positionOf(text: string, index: number): { line: number; offset: number } {
  const before = text.slice(0, index);
  return { line: before.split('\n').length, offset: Buffer.byteLength(before, 'utf8') };
}

type Json = unknown;

/** Checks shape and types; `path` in messages is like `rows[3].base.n`. */
class ReportReader {
  constructor(private readonly file: string) {}

  report(v: Json): CompareReport {
    const o = this.object(v, '');
    if (o.schema !== JSON_REPORT_SCHEMA) {
      this.fail('schema', `expected ${JSON_REPORT_SCHEMA}, got ${JSON.stringify(o.schema) ?? 'nothing'} (a report from another benchgate version?)`);
    }
    return {
      rows: this.array(o.rows, 'rows').map((r, i) => this.row(r, `rows[${i}]`)),
      geomean: this.array(o.geomean, 'geomean').map((g, i) => this.geomean(g, `geomean[${i}]`)),
      warnings:
        o.warningDetails === undefined
          ? this.array(o.warnings, 'warnings').map((w, i) => ({ kind: 'other', message: this.string(w, `warnings[${i}]`) }))
          : this.array(o.warningDetails, 'warningDetails').map((w, i) => this.warning(w, `warningDetails[${i}]`)),
      settings: this.settings(o.settings, 'settings'),
      // Reports from before `packages: affected` have no `skipped`: nothing was.
      skipped: o.skipped === undefined ? [] : this.array(o.skipped, 'skipped').map((s, i) => this.skippedPackage(s, `skipped[${i}]`)),
    };
  }

  private skippedPackage(v: Json, path: string): SkippedPackage {
    const o = this.object(v, path);
    return { package: this.string(o.package, `${path}.package`), reason: this.string(o.reason, `${path}.reason`) };
  }

  private row(v: Json, path: string): CompareRow {
    const o = this.object(v, path);
    const row: CompareRow = {
      package: this.string(o.package, `${path}.package`),
      name: this.string(o.name, `${path}.name`),
      unit: this.string(o.unit, `${path}.unit`),
      base: o.base === null ? null : this.summary(o.base, `${path}.base`),
      head: o.head === null ? null : this.summary(o.head, `${path}.head`),
      deltaPercent: this.nullableNumber(o.deltaPercent, `${path}.deltaPercent`),
      p: this.nullableNumber(o.p, `${path}.p`),
      q: this.nullableNumber(o.q, `${path}.q`),
      significant: this.boolean(o.significant, `${path}.significant`),
      verdict: this.verdict(o.verdict, `${path}.verdict`),
      reason: this.string(o.reason, `${path}.reason`),
      exact: this.boolean(o.exact, `${path}.exact`),
      // Optional: reports written before the noise rule have no noisePercent.
      noisePercent: o.noisePercent === undefined ? null : this.nullableNumber(o.noisePercent, `${path}.noisePercent`),
      suspect: o.suspect === undefined ? false : this.boolean(o.suspect, `${path}.suspect`),
      confirmed: o.confirmed === null ? null : this.boolean(o.confirmed, `${path}.confirmed`),
    };
    if (o.test !== null) row.test = this.oneOf(o.test, TESTS, `${path}.test`);
    if (o.paired !== null) row.paired = this.paired(o.paired, `${path}.paired`);
    if (o.screen !== null) {
      const sc = this.object(o.screen, `${path}.screen`);
      row.screen = { verdict: this.verdict(sc.verdict, `${path}.screen.verdict`), reason: this.string(sc.reason, `${path}.screen.reason`) };
    }
    // `confirmed: null` means "could not be judged" only on a row confirmation looked at.
    if (row.confirmed === null && !row.screen) delete row.confirmed;
    if (o.confirmation !== null) row.confirmation = this.confirmation(o.confirmation, `${path}.confirmation`);
    if (o.attribution !== null) row.attribution = this.attribution(o.attribution, `${path}.attribution`);
    // Absent in reports written before the GC and scheduler diagnosis.
    if (o.diagnosis !== undefined && o.diagnosis !== null) {
      const d = this.object(o.diagnosis, `${path}.diagnosis`);
      row.diagnosis = { base: this.diagnosisSide(d.base, `${path}.diagnosis.base`), head: this.diagnosisSide(d.head, `${path}.diagnosis.head`) };
    }
    // Absent in reports from before flame graphs. The path becomes a link in the comment: only the
    // shape the writer produces (flamegraph.ts) is accepted.
    if (o.flamegraph !== undefined && o.flamegraph !== null) {
      const fg = this.string(o.flamegraph, `${path}.flamegraph`);
      if (!FLAMEGRAPH_PATH.test(fg)) this.fail(`${path}.flamegraph`, `expected flamegraphs/<package>/<benchmark>.<unit>.html, got ${describe(fg)}`);
      row.flamegraph = fg;
    }
    return row;
  }

  private summary(v: Json, path: string): Summary {
    const o = this.object(v, path);
    return {
      n: this.integer(o.n, `${path}.n`),
      center: this.numberOrNaN(o.center, `${path}.center`),
      lo: this.numberOrNaN(o.lo, `${path}.lo`),
      hi: this.numberOrNaN(o.hi, `${path}.hi`),
      warnings: this.array(o.warnings, `${path}.warnings`).map((w, i) => this.string(w, `${path}.warnings[${i}]`)),
    };
  }

  private confirmation(v: Json, path: string): Confirmation {
    const o = this.object(v, path);
    return {
      base: this.summary(o.base, `${path}.base`),
      head: this.summary(o.head, `${path}.head`),
      deltaPercent: this.nullableNumber(o.deltaPercent, `${path}.deltaPercent`),
      p: this.nullableNumber(o.p, `${path}.p`),
      paired: o.paired === null ? null : this.paired(o.paired, `${path}.paired`),
      verdict: this.verdict(o.verdict, `${path}.verdict`),
      reason: this.string(o.reason, `${path}.reason`),
    };
  }

  private diagnosisSide(v: Json, path: string): DiagnosisSide {
    const o = this.object(v, path);
    const out = {} as DiagnosisSide;
    for (const k of DIAGNOSIS_KEYS) out[k] = this.nullableNumber(o[k] ?? null, `${path}.${k}`);
    return out;
  }

  private paired(v: Json, path: string): PairedRow {
    const o = this.object(v, path);
    const p: PairedRow = {
      n: this.integer(o.n, `${path}.n`),
      ratio: this.numberOrNaN(o.ratio, `${path}.ratio`),
      lo: this.numberOrNaN(o.lo, `${path}.lo`),
      hi: this.numberOrNaN(o.hi, `${path}.hi`),
      p: this.numberOrNaN(o.p, `${path}.p`),
      method: this.string(o.method, `${path}.method`),
      pairing: this.oneOf(o.pairing, ['sequential', 'duet', 'mixed'] as const, `${path}.pairing`),
    };
    if (o.duetPairs !== undefined && o.duetPairs !== null) p.duetPairs = this.integer(o.duetPairs, `${path}.duetPairs`);
    if (o.lookP !== null) p.lookP = this.array(o.lookP, `${path}.lookP`).map((x, i) => this.numberOrNaN(x, `${path}.lookP[${i}]`));
    return p;
  }

  private oneOf<T extends string>(v: Json, allowed: readonly T[], path: string): T {
    if (!allowed.includes(v as T)) this.fail(path, `expected one of ${allowed.join(', ')}, got ${describe(v)}`);
    return v as T;
  }

  private attribution(v: Json, path: string): Attribution {
    const o = this.object(v, path);
    const a: Attribution = {
      functions: this.array(o.functions, `${path}.functions`).map((f, i) => this.attributedFunction(f, `${path}.functions[${i}]`)),
      note: o.note === null ? null : this.string(o.note, `${path}.note`),
    };
    // `commit` and `causal` came after schema 2's first reports: absent is the same as null.
    if (o.commit !== undefined && o.commit !== null) a.commit = this.commitFound(o.commit, `${path}.commit`);
    // So did `offsets` and `changedNet`: absent is the same as none.
    if (o.offsets !== undefined && o.offsets !== null) {
      const offsets = this.array(o.offsets, `${path}.offsets`).map((f, i) => this.attributedFunction(f, `${path}.offsets[${i}]`));
      if (offsets.length) a.offsets = offsets;
    }
    if (o.changedNet !== undefined && o.changedNet !== null) a.changedNet = this.numberOrNaN(o.changedNet, `${path}.changedNet`);
    return a;
  }

  private skipped(o: Record<string, Json>, path: string): CausalSkipped {
    return { skipped: this.string(o.skipped, `${path}.skipped`) };
  }

  private causal(v: Json, path: string): CausalCheck {
    const o = this.object(v, path);
    if (o.skipped !== undefined) return this.skipped(o, path);
    return {
      recovered: this.numberOrNaN(o.recovered, `${path}.recovered`),
      lo: this.numberOrNaN(o.lo, `${path}.lo`),
      hi: this.numberOrNaN(o.hi, `${path}.hi`),
      n: this.integer(o.n, `${path}.n`),
      p: this.numberOrNaN(o.p, `${path}.p`),
      verified: this.boolean(o.verified, `${path}.verified`),
      method: this.oneOf(o.method, ['revert-function'] as const, `${path}.method`),
    };
  }

  private commitFound(v: Json, path: string): CommitBisection | CausalSkipped {
    const o = this.object(v, path);
    if (o.skipped !== undefined) return this.skipped(o, path);
    return {
      sha: this.string(o.sha, `${path}.sha`),
      subject: this.string(o.subject, `${path}.subject`),
      index: this.integer(o.index, `${path}.index`),
      of: this.integer(o.of, `${path}.of`),
      method: this.oneOf(o.method, ['bisect'] as const, `${path}.method`),
      steps: this.array(o.steps, `${path}.steps`).map((s, i) => this.bisectStep(s, `${path}.steps[${i}]`)),
    };
  }

  private warning(v: Json, path: string): ReportWarning {
    const o = this.object(v, path);
    const w: ReportWarning = { kind: this.oneOf(o.kind, WARNING_KINDS, `${path}.kind`), message: this.string(o.message, `${path}.message`) };
    if (o.side !== null && o.side !== undefined) w.side = this.oneOf(o.side, ['base', 'head'] as const, `${path}.side`);
    return w;
  }

  private bisectStep(v: Json, path: string): BisectStep {
    const o = this.object(v, path);
    return {
      sha: this.string(o.sha, `${path}.sha`),
      index: this.integer(o.index, `${path}.index`),
      n: this.integer(o.n, `${path}.n`),
      ratio: this.numberOrNaN(o.ratio, `${path}.ratio`),
      lo: this.numberOrNaN(o.lo, `${path}.lo`),
      hi: this.numberOrNaN(o.hi, `${path}.hi`),
      p: this.numberOrNaN(o.p, `${path}.p`),
      present: this.boolean(o.present, `${path}.present`),
    };
  }

  private attributedFunction(v: Json, path: string): AttributedFunction {
    const o = this.object(v, path);
    return {
      function: this.string(o.function, `${path}.function`),
      file: this.string(o.file, `${path}.file`),
      startLine: this.integer(o.startLine, `${path}.startLine`),
      endLine: this.integer(o.endLine, `${path}.endLine`),
      changed: this.boolean(o.changed, `${path}.changed`),
      commits: this.array(o.commits, `${path}.commits`).map((c, i) => this.commit(c, `${path}.commits[${i}]`)),
      delta: this.numberOrNaN(o.delta, `${path}.delta`),
      share: this.numberOrNaN(o.share, `${path}.share`),
      ...(o.causal !== undefined && o.causal !== null ? { causal: this.causal(o.causal, `${path}.causal`) } : {}),
    };
  }

  private commit(v: Json, path: string): CommitRef {
    const o = this.object(v, path);
    return { sha: this.string(o.sha, `${path}.sha`), subject: this.string(o.subject, `${path}.subject`) };
  }

  private geomean(v: Json, path: string): GeomeanRow {
    const o = this.object(v, path);
    return {
      unit: this.string(o.unit, `${path}.unit`),
      base: this.numberOrNaN(o.base, `${path}.base`),
      head: this.numberOrNaN(o.head, `${path}.head`),
      deltaPercent: this.numberOrNaN(o.deltaPercent, `${path}.deltaPercent`),
    };
  }

  /** The three known settings are checked; other scalar settings are carried along. */
  private settings(v: Json, path: string): CompareSettings {
    const o = this.object(v, path);
    const settings: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(o)) {
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        Object.defineProperty(settings, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    settings.alpha = this.numberOrNaN(o.alpha, `${path}.alpha`);
    settings.confidence = this.numberOrNaN(o.confidence, `${path}.confidence`);
    settings.threshold = this.numberOrNaN(o.threshold, `${path}.threshold`);
    return settings as unknown as CompareSettings;
  }

  private fail(path: string, expected: string): never {
    throw new BenchgateError(`${path || 'the document'}: ${expected}`, 'report-json', { file: this.file });
  }

  private object(v: Json, path: string): Record<string, Json> {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail(path, `expected an object, got ${describe(v)}`);
    return v as Record<string, Json>;
  }

  private array(v: Json, path: string): Json[] {
    if (!Array.isArray(v)) this.fail(path, `expected an array, got ${describe(v)}`);
    return v;
  }

  private string(v: Json, path: string): string {
    if (typeof v !== 'string') this.fail(path, `expected a string, got ${describe(v)}`);
    return v;
  }

  private boolean(v: Json, path: string): boolean {
    if (typeof v !== 'boolean') this.fail(path, `expected true or false, got ${describe(v)}`);
    return v;
  }

  private integer(v: Json, path: string): number {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) this.fail(path, `expected a count, got ${describe(v)}`);
    return v;
  }

  private nullableNumber(v: Json, path: string): number | null {
    if (v === null) return null;
    if (typeof v !== 'number') this.fail(path, `expected a number or null, got ${describe(v)}`);
    return v;
  }

  /** Where the type is a plain number, null stands for NaN (the writer's encoding of it). */
  private numberOrNaN(v: Json, path: string): number {
    return this.nullableNumber(v, path) ?? NaN;
  }

  private verdict(v: Json, path: string): Verdict {
    if (!VERDICTS.includes(v as Verdict)) this.fail(path, `expected one of ${VERDICTS.join(', ')}, got ${describe(v)}`);
    return v as Verdict;
  }
}

function describe(v: Json): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}
