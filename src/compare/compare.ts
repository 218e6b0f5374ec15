/**
 * Base results × head results → one row per (package, benchmark, unit) with benchstat's
 * numbers and our verdict.
 *
 * The numbers (centers, intervals, p) are benchstat's, so a user can check them with benchstat.
 * The verdict adds what a gate needs: a change counts only when it is significant AND at least
 * `threshold` percent, because a suite of hundreds of benchmarks at α = 0.05 shows a handful of
 * "significant" changes by chance alone. Optionally (fdr) significance is judged on
 * Benjamini–Hochberg q-values across the gated rows instead of raw p.
 * Deterministic metrics (B/op, allocs/op with every sample equal on each side) need no test:
 * a changed value is a change, whatever a U test of a few identical samples says.
 */
import type { BenchResult, CompareReport, CompareRow, ReportWarning, GeomeanRow, Pairing, PairedRow, RowPairing, Summary, UnitMetadata } from '../types.js';
import { comparePairs } from '../stats/paired.js';
import { signedRankPairsNeeded } from '../stats/signedrank.js';
import { extensionOutlook, lookWeights, sequentialP, type LookPlan } from './sequential.js';
import { compareSorted, type SampleComparison } from '../stats/comparison.js';
import { summarizeSorted, type Assumption } from '../stats/summary.js';
import { sortInPlace } from '../stats/mannwhitney.js';
import { geomeanSummary } from '../stats/geomean.js';
import { benjaminiHochberg } from '../stats/fdr.js';
import { formatFixed, signedPercent } from '../benchfmt/goformat.js';
import { SampleTable, type Cell } from './samples.js';
import { testLabel } from './row-test.js';

export interface CompareOptions {
  /** Significance level; default 0.05. */
  alpha?: number;
  /** Confidence level of the intervals; default 0.95. */
  confidence?: number;
  /** Minimum |delta| in percent for a regression/improvement; default DEFAULT_THRESHOLD. */
  threshold?: number;
  units?: UnitMetadata;
  /** Decide significance on Benjamini–Hochberg q-values across gated rows; default false. */
  fdr?: boolean;
  /**
   * The hypotheses under test, when only some rows are (confirmation re-runs a few suspect rows;
   * the other rows of those benchmarks come along but test nothing): FDR adjusts over these rows
   * only, and the others are judged on their own p. Default: every gated row with a p-value.
   */
  fdrFamily?: (row: CompareRow) => boolean;
  /** Units the gate looks at (and that FDR adjusts over); default sec/op, B/op, allocs/op. */
  gatedUnits?: string[];
  /** Units compared by value when every sample on each side is equal; default B/op, allocs/op. */
  valueUnits?: string[];
  /**
   * How the two sides were measured against each other. When set, rows whose samples on both
   * sides carry pair indices (BenchResult.pair) are judged by the Wilcoxon signed-rank test on
   * the pairs; benchstat's unpaired numbers stay in the row.
   */
  pairing?: Pairing;
  /** The planned looks when noisy rows may earn more pairs (compare/sequential.ts). */
  looks?: LookPlan;
}

/** benchstat's comparison as computed, for renderers that print it (text.ts). */
export interface RowStats extends SampleComparison {
  /** The distributional assumption the row was summarized under. */
  assume: Assumption;
}

/** A CompareRow with the comparison details benchstat prints. */
export interface DetailedRow extends CompareRow {
  stats?: RowStats;
}

/** A GeomeanRow with benchstat's warnings; `deltaPercent` is NaN when benchstat shows "?". */
export interface DetailedGeomean extends GeomeanRow {
  baseWarnings: string[];
  headWarnings: string[];
}

export interface DetailedCompareReport extends CompareReport {
  rows: DetailedRow[];
  geomean: DetailedGeomean[];
}

export const DEFAULT_GATED_UNITS = ['sec/op', 'B/op', 'allocs/op'];
/**
 * The default minimum effect, 4%: a slowdown of exactly the threshold is measured above it only
 * about half the time, so the default sits below the 5% slowdowns a team wants caught (measured
 * within about ±1% at the default samples; bench/verdict-quality.mjs measures the trade-off).
 */
export const DEFAULT_THRESHOLD = 4;
export const DEFAULT_VALUE_UNITS = ['B/op', 'allocs/op'];

/** Identifies a benchmark (all its units): the same name in two packages is two benchmarks. */
export function benchmarkKey(r: Pick<CompareRow, 'package' | 'name'>): string {
  return `${r.package}\u0000${r.name}`;
}

/** Identifies a row within a report and across reports of the same suite: package, benchmark, unit. */
export function rowKey(r: Pick<CompareRow, 'package' | 'name' | 'unit'>): string {
  return `${benchmarkKey(r)}\u0000${r.unit}`;
}

/**
 * The change the verdict judged, head against base in percent: the paired estimate (Hodges–Lehmann
 * ratio) for rows measured in pairs, else benchstat's delta of the medians. Null without both sides.
 */
export function verdictDelta(row: Pick<CompareRow, 'paired' | 'deltaPercent'>): number | null {
  return row.paired ? (row.paired.ratio - 1) * 100 : row.deltaPercent;
}

/** A row whose verdict is a change that counts: a regression or an improvement. */
export function isChange(r: Pick<CompareRow, 'verdict'>): boolean {
  return r.verdict === 'regression' || r.verdict === 'improvement';
}

/** benchfmt's `better` metadata, else: speeds (…/s) are better higher, everything else lower. */
export function higherIsBetter(unit: string, units: UnitMetadata = {}): boolean {
  const better = units[unit]?.better;
  if (better === 'higher') return true;
  if (better === 'lower') return false;
  return unit.endsWith('/s');
}

/** The p-value the verdict rests on: the paired test's where the row has one, else benchstat's. */
function verdictP(r: CompareRow): number {
  return r.paired ? r.paired.p : r.p!;
}

/**
 * The paired comparison of a cell whose samples all carry pair indices: the samples with the same
 * index on both sides, in index order (the prefix of m pairs is what a look after m rounds saw).
 * Null when a sample lacks an index, no index is on both sides, or a value is not positive (the
 * ratio's logarithm needs positive values).
 */
function pairedRow(
  cell: Cell,
  confidence: number,
  pairing: Pairing,
  looks: LookPlan | undefined,
  pairsNeeded: number,
  onTooFew: () => void,
): PairedRow | null {
  if (!cell.basePairs || !cell.headPairs) return null;
  const headAt = new Map<number, number>();
  cell.headPairs.forEach((idx, i) => headAt.set(idx, cell.head[i]));
  const matched: Array<[number, number, number]> = [];
  cell.basePairs.forEach((idx, i) => {
    const h = headAt.get(idx);
    if (h !== undefined) matched.push([idx, cell.base[i], h]);
  });
  if (matched.length === 0) return null;
  if ((looks?.count ?? matched.length) < pairsNeeded) {
    onTooFew();
    return null;
  }
  matched.sort((a, b) => a[0] - b[0]);
  const base = matched.map((m) => m[1]);
  const head = matched.map((m) => m[2]);
  const all = comparePairs(base, head, { confidence });
  if (!all) return null;
  // A duet run records per pair how it was taken (rounds the guard refused ran back to back).
  const duetPairs = matched.filter((m) => (cell.pairingOf?.get(m[0]) ?? pairing) === 'duet').length;
  const rowPairing: RowPairing = duetPairs === matched.length ? 'duet' : duetPairs === 0 ? 'sequential' : 'mixed';
  // No interval at this confidence (too few pairs) is NaN, as in benchstat's summaries. Every pair
  // equal (a deterministic custom metric) is a ratio of exactly 1, interval and all.
  const equal = all.zeros === all.n;
  const bounded = all.lo > 0 && Number.isFinite(all.hi);
  const row: PairedRow = {
    n: all.n,
    ratio: all.ratio,
    lo: equal ? 1 : bounded ? all.lo : NaN,
    hi: equal ? 1 : bounded ? all.hi : NaN,
    p: all.p,
    method: all.method.replace('wilcoxon-signed-rank ', ''),
    pairing: rowPairing,
  };
  if (rowPairing === 'mixed') row.duetPairs = duetPairs;
  if (looks) {
    const seq = sequentialP(matched.length, looks, (m) =>
      m === matched.length ? all.p : (comparePairs(base.slice(0, m), head.slice(0, m), { confidence })?.p ?? 1),
    );
    row.p = seq.p;
    if (seq.lookP.length > 1) row.lookP = seq.lookP;
  }
  return row;
}

/** All values equal, on a sorted sample. */
const allEqual = (xs: Float64Array) => xs.length === 0 || xs[0] === xs[xs.length - 1];

export function compareResults(base: BenchResult[], head: BenchResult[], opts: CompareOptions = {}): DetailedCompareReport {
  const table = new SampleTable();
  table.addResults('base', base);
  table.addResults('head', head);
  return compareTable(table, opts);
}

/**
 * compareResults over samples already grouped (benchgate compare reads files straight into a
 * table). The table is consumed: its sample arrays are sorted in place.
 */
export function compareTable(table: SampleTable, opts: CompareOptions = {}): DetailedCompareReport {
  const alpha = opts.alpha ?? 0.05;
  const confidence = opts.confidence ?? 0.95;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const units = opts.units ?? {};
  const gated = new Set(opts.gatedUnits ?? DEFAULT_GATED_UNITS);
  const valueUnits = new Set(opts.valueUnits ?? DEFAULT_VALUE_UNITS);
  const warnings: ReportWarning[] = table.takeWarnings().map((message) => ({ kind: 'input', message }));
  // The signed-rank p of n pairs is at least 2/2ⁿ: planned pairs too few to ever reach the first
  // look's level leave the verdict to benchstat's U test (decided by the design, not the data).
  const pairsNeeded = signedRankPairsNeeded(alpha * (opts.looks ? lookWeights(opts.looks)[0] : 1));
  let tooFewPairs = 0;

  const rows: DetailedRow[] = [];
  // One cell's samples at a time: the row keeps only their summaries.
  for (const cell of table.takeCells()) rows.push(compareCell(cell));

  function compareCell(cell: Cell): DetailedRow {
    const assume: Assumption = units[cell.unit]?.assume === 'exact' ? 'exact' : 'nothing';
    // The pairs first: they need the samples in the order they were taken, before the sort.
    const paired = opts.pairing ? pairedRow(cell, confidence, opts.pairing, opts.looks, pairsNeeded, () => tooFewPairs++) : null;
    // Sort each side once for the summary and the test: in place, the table is ours to consume
    // (a copy per side and row was most of what comparing a large suite allocated).
    const sb = sortInPlace(cell.base);
    const sh = sortInPlace(cell.head);
    const row: DetailedRow = {
      package: cell.pkg,
      name: cell.name,
      unit: cell.unit,
      base: sb.length ? summarizeSorted(sb, { confidence, assume }) : null,
      head: sh.length ? summarizeSorted(sh, { confidence, assume }) : null,
      deltaPercent: null,
      p: null,
      significant: false,
      verdict: cell.base.length ? 'removed' : 'new',
      reason: cell.base.length ? 'removed benchmark' : 'new benchmark',
    };
    if (!row.base || !row.head) return row;
    const stats = compareSorted(sb, sh, alpha, assume) as RowStats;
    stats.assume = assume;
    row.stats = stats;
    row.deltaPercent = deltaPercent(row.base, row.head);
    if (assume === 'exact') {
      row.exact = true;
    } else {
      row.p = stats.p;
      if (valueUnits.has(cell.unit) && allEqual(sb) && allEqual(sh)) row.exact = true;
    }
    row.noisePercent = row.exact ? null : noiseOf(row.base, row.head, sb, sh);
    row.test = row.exact ? 'by-value' : 'mann-whitney-u';
    if (!row.exact) {
      if (paired) {
        row.paired = paired;
        row.test = 'wilcoxon-signed-rank';
        row.noisePercent = Number.isFinite(paired.lo) ? (100 * (paired.hi - paired.lo)) / 2 : null;
      }
    }
    return row;
  }

  // FDR control over the rows the gate judges by test: gated units with a p-value. Rows compared
  // by value (deterministic allocs/op, B/op) are decided without a test, so they are not part of
  // the family; counting their p = 1 would only dilute the real tests' power (a suite with three
  // units per benchmark would need a p three times smaller).
  const tested = rows.filter((r) => r.p !== null && gated.has(r.unit) && !r.exact && (opts.fdrFamily?.(r) ?? true));
  if (opts.fdr) {
    const q = benjaminiHochberg(tested.map(verdictP));
    tested.forEach((r, i) => (r.q = q[i]));
  }

  for (const row of rows) {
    if (!row.base || !row.head) continue;
    decide(row, { alpha, threshold, fdr: !!opts.fdr, higher: higherIsBetter(row.unit, units), looks: opts.looks });
  }

  ignoreAllocationFreeBytes(rows);
  for (const row of rows) markSuspect(row, alpha, threshold, higherIsBetter(row.unit, units));
  const geomean = geomeanRows(rows);
  const removed = rows.filter((r) => r.verdict === 'removed').length;
  const added = rows.filter((r) => r.verdict === 'new').length;
  if (removed) warnings.push({ kind: 'rows-removed', message: `${removed} row(s) only in the base: benchmarks removed or failed in the head` });
  if (added) warnings.push({ kind: 'rows-added', message: `${added} row(s) only in the head: new benchmarks` });
  if (tooFewPairs) {
    warnings.push({
      kind: 'too-few-pairs',
      message:
        `${tooFewPairs} row(s) measured in pairs are judged by the U test: ${opts.looks?.count ?? 'their'} pairs cannot reach ` +
        `the signed-rank test's level (it needs ${pairsNeeded}); use more rounds`,
    });
  }
  return { rows, geomean, warnings, settings: { alpha, confidence, threshold } };
}

/**
 * A benchmark that allocates nothing per op (allocs/op 0 on every sample of both sides) can still
 * report a few B/op: runtime and profiler allocations amortized over b.N. Those bytes are not the
 * code's, and they swing wildly between runs, so they never count as a change.
 */
function ignoreAllocationFreeBytes(rows: DetailedRow[]): void {
  const noAllocs = new Set(
    rows
      .filter((r) => r.unit === 'allocs/op' && r.base && r.head && r.base.center === 0 && r.head.center === 0 && r.exact)
      .map(benchmarkKey),
  );
  for (const r of rows) {
    if (r.unit !== 'B/op' || !noAllocs.has(benchmarkKey(r))) continue;
    if (r.verdict !== 'regression' && r.verdict !== 'improvement' && r.verdict !== 'noisy') continue;
    r.verdict = 'unchanged';
    r.reason = 'no allocations per op on either side: these bytes are amortized runtime allocations, not a change';
  }
}

/**
 * The row's noise: how far one sample typically lands from the median, as a percent of it — the
 * median absolute deviation scaled to a standard deviation (×1.4826), the larger of the two sides.
 * A robust spread, so that one outlier sample (common on shared runners) does not make a whole
 * row "noisy"; the confidence interval is not used because at n = 6 it is the full sample range.
 * Null with fewer than 3 samples on a side, or a zero median.
 */
let noiseScratch = new Float64Array(128);

function noiseOf(base: Summary, head: Summary, sb: Float64Array, sh: Float64Array): number | null {
  const side = (s: Summary, xs: Float64Array) => {
    if (xs.length < 3 || s.center === 0) return null;
    if (noiseScratch.length < xs.length) noiseScratch = new Float64Array(Math.max(xs.length, 2 * noiseScratch.length));
    const dev = noiseScratch.subarray(0, xs.length);
    for (let i = 0; i < xs.length; i++) dev[i] = Math.abs(xs[i] - s.center);
    dev.sort();
    const mid = dev.length >> 1;
    const mad = dev.length % 2 ? dev[mid] : (dev[mid - 1] + dev[mid]) / 2;
    return (100 * 1.4826 * mad) / Math.abs(s.center);
  };
  const b = side(base, sb);
  const h = side(head, sh);
  return b === null || h === null ? null : Math.max(b, h);
}

/** (head / base − 1) × 100; 0 when equal (even 0 → 0), null when the base is 0. */
function deltaPercent(base: Summary, head: Summary): number | null {
  if (head.center === base.center) return 0;
  if (base.center === 0) return null;
  return (head.center / base.center - 1) * 100;
}

interface DecideOptions {
  alpha: number;
  threshold: number;
  fdr: boolean;
  higher: boolean;
  looks?: LookPlan;
}

function decide(row: DetailedRow, o: DecideOptions) {
  const base = row.base!;
  const head = row.head!;
  const a = formatAlpha(o.alpha);
  // `significant` is benchstat's own decision (its "~" or not), so that users and tests can
  // check it against benchstat; the verdict below may judge differently (value, q, threshold).
  row.significant = row.stats ? row.stats.p <= o.alpha : false;
  let why: string;
  if (row.exact) {
    const changed = base.center !== head.center;
    why =
      row.stats?.assume === 'exact'
        ? `${testLabel('by-value')}: assume=exact`
        : `${testLabel('by-value')}: deterministic on both sides`;
    if (!changed) {
      row.verdict = 'unchanged';
      row.reason = `${why}, unchanged`;
      return;
    }
  } else if (row.paired) {
    decidePaired(row, row.paired, o);
    return;
  } else {
    const p = row.p!;
    const judged = o.fdr && row.q != null ? row.q : p;
    const shown = o.fdr && row.q != null ? `q=${formatFixed(row.q, 3)}` : `p=${formatFixed(p, 3)}`;
    if (judged > o.alpha && row.noisePercent != null && row.noisePercent > o.threshold) {
      row.verdict = 'noisy';
      row.reason =
        `too noisy to judge: samples scatter ± ${formatFixed(row.noisePercent, 1)}% around the median, ` +
        `more than the ${o.threshold}% threshold (${shown}); use a longer -benchtime or more rounds`;
      return;
    }
    if (judged > o.alpha) {
      row.verdict = 'unchanged';
      // benchstat's own explanation ("need >= 4 samples…", "all samples are equal") wins.
      const warning = row.stats?.warnings[0];
      row.reason = warning ?? `${shown} > α=${a}` + (o.fdr && row.q != null ? ` (p=${formatFixed(p, 3)})` : '');
      return;
    }
    why = `${shown} ≤ α=${a}`;
  }
  const delta = row.deltaPercent;
  if (row.noisePercent != null && delta !== null && Math.abs(delta) <= row.noisePercent) {
    row.verdict = 'unchanged';
    row.reason = `${signedPercent(delta)} is inside the noise (± ${formatFixed(row.noisePercent, 1)}%) (${why})`;
    return;
  }
  if (delta !== null && Math.abs(delta) < o.threshold) {
    row.verdict = 'unchanged';
    row.reason = `${signedPercent(delta)} is below the ${o.threshold}% threshold (${why})`;
    return;
  }
  row.verdict = isWorse(row, o.higher) ? 'regression' : 'improvement';
  row.reason = delta === null ? `changed from 0 (${why})` : `${signedPercent(delta)} (${why})`;
}

/**
 * The verdict of a row measured in pairs. The evidence is the paired test (signed-rank p, or its
 * q under FDR) and the Hodges–Lehmann interval of the ratio, and each outcome says which:
 * - significant and at least the threshold → regression or improvement;
 * - significant but smaller than the threshold → unchanged (a real but small change);
 * - not significant, with the interval's slow end below the threshold → unchanged: the pairs rule
 *   out a slowdown of the threshold's size (evidence of no regression, not merely absence of
 *   evidence; a possible speed-up of that size is no question for the gate);
 * - not significant, with an interval whose slow end still reaches the threshold → noisy: the pairs
 *   cannot tell (such a row may earn more pairs; compare/sequential.ts). One that had its first
 *   look and stopped short of `maxPairs` because more pairs could not decide it at its scatter
 *   (predictive futility, extensionOutlook) says so.
 */
function decidePaired(row: DetailedRow, paired: PairedRow, o: DecideOptions) {
  const judged = o.fdr && row.q != null ? row.q : paired.p;
  const shown =
    (o.fdr && row.q != null ? `q=${formatFixed(row.q, 3)}` : `p=${formatFixed(paired.p, 3)}`) + ` (signed-rank, ${paired.n} pairs)`;
  const est = (paired.ratio - 1) * 100;
  const interval = Number.isFinite(paired.lo)
    ? `${signedPercent((paired.lo - 1) * 100)}…${signedPercent((paired.hi - 1) * 100)}`
    : null;
  if (judged <= o.alpha) {
    const why = `${shown} ≤ α=${formatAlpha(o.alpha)}`;
    if (Math.abs(est) < o.threshold) {
      row.verdict = 'unchanged';
      row.reason = `${signedPercent(est)} is below the ${o.threshold}% threshold (${why})`;
      return;
    }
    row.verdict = (o.higher ? est < 0 : est > 0) ? 'regression' : 'improvement';
    row.reason = `${signedPercent(est)}${interval ? ` (${interval})` : ''} (${why})`;
    return;
  }
  // The gate asks whether a threshold-sized slowdown could hide here: the interval's bad end says.
  const worst = o.higher ? (1 - paired.lo) * 100 : (paired.hi - 1) * 100;
  if (interval && worst < o.threshold) {
    row.verdict = 'unchanged';
    row.reason = `no slowdown of ${o.threshold}% or more: the paired interval is ${interval} (${shown})`;
    return;
  }
  row.verdict = 'noisy';
  row.reason = interval
    ? `too noisy to judge: the paired interval ${interval} allows a slowdown of the ${o.threshold}% threshold (${shown})`
    : `too noisy to judge: ${paired.n} pairs give no interval yet (${shown})`;
  const looks = o.looks;
  if (!interval || !looks || paired.n < looks.count || paired.n >= looks.maxPairs) return;
  const outlook = extensionOutlook(paired, { threshold: o.threshold, maxPairs: looks.maxPairs, higherIsBetter: o.higher });
  if (outlook && !outlook.decidable) {
    row.reason +=
      `; stopped: ${looks.maxPairs} pairs could not decide it at this scatter ` +
      `(±${formatFixed(outlook.halfWidthPercent, 1)}% at ${paired.n} pairs, about ±${formatFixed(outlook.projectedPercent, 1)}% at ${looks.maxPairs})`;
  }
}

/** Whether the head is on the bad side of the base (a row with both sides): by the pairs' ratio when paired. */
function isWorse(row: CompareRow, higher: boolean): boolean {
  if (row.paired) return higher ? row.paired.ratio < 1 : row.paired.ratio > 1;
  return higher ? row.head!.center < row.base!.center : row.head!.center > row.base!.center;
}

/**
 * The largest slowdown (percent, positive = worse) that the two sides' intervals allow, on the
 * verdict's own scale (head/base − 1), so that worst < threshold implies |delta| < threshold; null
 * when there is no finite interval yet (too few samples) or the base's bound is not positive.
 */
export function worstCasePercent(row: CompareRow, higherBetter: boolean): number | null {
  const { base, head } = row;
  if (!base || !head) return null;
  if (row.paired) {
    // The paired interval of the ratio is the evidence: its bad end is the largest slowdown allowed.
    const bound = higherBetter ? row.paired.lo : row.paired.hi;
    if (!Number.isFinite(bound)) return null;
    return higherBetter ? (1 - bound) * 100 : (bound - 1) * 100;
  }
  const [num, den] = higherBetter ? [head.lo, base.hi] : [head.hi, base.lo];
  if (!Number.isFinite(num) || !Number.isFinite(den) || den <= 0) return null;
  const change = (num / den - 1) * 100;
  return higherBetter ? -change : change;
}

/**
 * A suspect: a slowdown significant by its own p that is not a regression on this evidence — held
 * back by FDR control, by the noise rule, or by a delta below the threshold — while its intervals
 * still allow a threshold-sized one. Not a verdict: a reason to take fresh samples (confirmation),
 * which face a far smaller family of tests and decide without the evidence that selected the row.
 * (A 5% slowdown measured +3.4% at p = 0.007 here is one; a tight +1% is not.)
 */
function markSuspect(row: DetailedRow, alpha: number, threshold: number, higher: boolean): void {
  if (!row.base || !row.head || row.exact || row.verdict === 'regression' || row.p === null || verdictP(row) > alpha) return;
  if (!isWorse(row, higher)) return;
  const worst = worstCasePercent(row, higher);
  if (worst === null || worst >= threshold) row.suspect = true;
}

function formatAlpha(alpha: number): string {
  return String(alpha);
}

/**
 * One geomean row per unit with more than one benchmark, computed as benchstat's geomean row:
 * base and head over each side's benchmarks, the change over those present on both.
 */
function geomeanRows(rows: DetailedRow[]): DetailedGeomean[] {
  const byUnit = new Map<string, DetailedRow[]>();
  for (const r of rows) {
    let list = byUnit.get(r.unit);
    if (!list) byUnit.set(r.unit, (list = []));
    list.push(r);
  }
  const out: DetailedGeomean[] = [];
  for (const [unit, list] of byUnit) {
    if (list.length < 2) continue;
    const g = geomeanSummary(list.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
    out.push({ unit, base: g.base, head: g.head, deltaPercent: g.deltaPercent, baseWarnings: g.baseWarnings, headWarnings: g.headWarnings });
  }
  return out;
}
