/**
 * Why a row is not a change, in a table cell's width ("noisy: ±16.5% > 4%"), with the advice that
 * used to repeat on every noisy row said once under the table. Derived from the row's numbers and
 * the report's settings, never from its `reason` text: the reason is for report.json and may be
 * reworded; a cell built from the data says the same thing for a row read back from JSON.
 */
import { benchmarkKey, isChange } from '../compare/compare.js';
import { testLabel } from '../compare/row-test.js';
import { uTestSamplesNeeded } from '../stats/comparison.js';
import type { CompareReport, CompareRow, CompareSettings } from '../types.js';
import { formatFixed, formatGoV, signedPercent } from './format.js';

/** Fewer samples a side than the U test needs to ever reach α (benchstat's "need >= 4 samples"). */
function tooFewSamples(row: CompareRow, alpha: number): boolean {
  if (!row.base || !row.head) return false;
  const need = uTestSamplesNeeded(alpha);
  return row.base.n < need.n && row.head.n < need.n;
}

/** B/op rows of benchmarks that allocate nothing per op: amortized runtime bytes, never a change. */
function allocationFree(rows: CompareRow[]): Set<string> {
  return new Set(
    rows
      .filter((r) => r.unit === 'allocs/op' && r.exact && r.base?.center === 0 && r.head?.center === 0)
      .map(benchmarkKey),
  );
}

/**
 * The short "why unchanged" of each row, for the rows of one report (a B/op row's cell depends on
 * its benchmark's allocs/op row).
 */
export function shortWhy(report: Pick<CompareReport, 'rows' | 'settings'>): (row: CompareRow) => string {
  const noAllocs = allocationFree(report.rows);
  return (row) => shortWhyOf(row, report.settings, noAllocs.has(benchmarkKey(row)));
}

/** Paired rows: the interval of the ratio is the evidence, so the cell shows it. */
function pairedWhy(row: CompareRow, p: NonNullable<CompareRow['paired']>, s: CompareSettings): string {
  const interval = Number.isFinite(p.lo) ? `${signedPercent((p.lo - 1) * 100)}…${signedPercent((p.hi - 1) * 100)}` : null;
  if (row.verdict === 'noisy') return interval ? `noisy: ${interval} allows +${s.threshold}%` : `noisy: ${p.n} pairs, no interval`;
  if (isChange(row) || row.verdict === 'unconfirmed') return row.verdict;
  const judged = row.q ?? p.p;
  if (judged <= s.alpha) return `${signedPercent((p.ratio - 1) * 100)} < ${s.threshold}% threshold`;
  return interval ? `${interval}: no slowdown ≥ ${s.threshold}%` : `${row.q != null ? 'q' : 'p'}=${formatFixed(judged, 3)} > α=${formatGoV(s.alpha)}`;
}

function shortWhyOf(row: CompareRow, s: CompareSettings, allocationFreeBytes: boolean): string {
  if (row.verdict === 'new') return 'new benchmark';
  if (row.verdict === 'removed') return 'removed benchmark';
  if (row.paired && !row.exact) return pairedWhy(row, row.paired, s);
  if (row.verdict === 'noisy') {
    return row.noisePercent != null ? `noisy: ±${formatFixed(row.noisePercent, 1)}% > ${s.threshold}%` : 'noisy';
  }
  if (row.verdict === 'regression') return 'regression';
  if (row.verdict === 'improvement') return 'improvement';
  if (row.unit === 'B/op' && allocationFreeBytes && row.base?.center !== row.head?.center) {
    return 'no allocs/op: runtime bytes';
  }
  if (row.exact) return row.base?.center === row.head?.center ? 'same value' : testLabel('by-value');
  const judged = row.q ?? row.p;
  const name = row.q != null ? 'q' : 'p';
  if (judged === null || judged === undefined) return '—';
  if (judged > s.alpha) {
    if (tooFewSamples(row, s.alpha)) return `too few samples (n=${row.base!.n}+${row.head!.n})`;
    return `${name}=${formatFixed(judged, 3)} > α=${formatGoV(s.alpha)}`;
  }
  const delta = row.deltaPercent;
  if (delta !== null && row.noisePercent != null && Math.abs(delta) <= row.noisePercent) {
    return `${signedPercent(delta)} within noise ±${formatFixed(row.noisePercent, 1)}%`;
  }
  if (delta !== null && Math.abs(delta) < s.threshold) return `${signedPercent(delta)} < ${s.threshold}% threshold`;
  return 'unchanged';
}

/** What to do about rows too noisy to judge: said once under the table, not on every such row. */
export function noisyAdvice(s: CompareSettings): string {
  return (
    `noisy: too noisy to judge either way — the samples scatter around the median by more than the ${s.threshold}% ` +
    'threshold (a robust spread, the larger side), so a change of that size could hide in them; ' +
    'a longer -benchtime or more rounds makes them steadier.'
  );
}

/**
 * The notes under a table of unchanged rows, each once: what a reader can do about the rows that
 * could not be judged (too noisy; too few samples for the test to ever reach α).
 */
export function whyAdvice(report: Pick<CompareReport, 'rows' | 'settings'>, rows: CompareRow[] = report.rows): string[] {
  const s = report.settings;
  const out: string[] = [];
  if (rows.some((r) => r.verdict === 'noisy')) out.push(noisyAdvice(s));
  if (rows.some((r) => r.verdict === 'unchanged' && !r.exact && tooFewSamples(r, s.alpha) && (r.q ?? r.p ?? 0) > s.alpha)) {
    const need = uTestSamplesNeeded(s.alpha);
    out.push(`too few samples: the test needs ${need.op} ${need.n} samples a side to detect a difference at α=${formatGoV(s.alpha)}.`);
  }
  return out;
}
