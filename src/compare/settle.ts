/**
 * When a benchmark needs no more samples. Alternating rounds measure both sides, so a fixed number
 * of rounds costs twice a plain run; most benchmarks of a pull request do not change, and after a
 * few rounds their intervals already rule out a slowdown as large as the threshold. Those stop, and
 * the remaining rounds go to the benchmarks that could still be regressions.
 *
 * Why stopping early cannot add false regressions: a benchmark stops only when the worst case the
 * intervals allow (head's upper bound over base's lower bound) is below the threshold, so its
 * centers' delta is too and its verdict cannot be a regression. Every benchmark that could end as
 * one runs all its rounds and is judged on exactly the samples a fixed design would have taken.
 * (Stopped rows also have fewer samples, hence larger p, which only raises the others' q.)
 *
 * One more kind of row runs its planned samples: an apparent speed-up of at least the threshold.
 * Its interval may rule out a slowdown after 6 pairs, but 6 pairs cannot make it significant (the
 * exact signed-rank p of 6 pairs is at least 2/64); stopped there, a −34% change would read
 * "unchanged", and the reviewer asking "which benchmark, by how much" would not see it named.
 * Keeping a row open only adds samples, so the property above holds.
 */
import type { CompareReport, CompareRow, UnitMetadata } from '../types.js';
import { benchmarkKey, higherIsBetter, worstCasePercent } from './compare.js';
import { estimatedSlowdown } from './gate.js';
import { extensionOutlook } from './sequential.js';

export interface SettleRule {
  /** Minimum effect in percent, as in the verdict. */
  threshold: number;
  /**
   * The planned samples (pairs) a side, and the most a row that cannot be judged then may earn
   * (compare/sequential.ts). Without them, a row is open until the runner's rounds run out.
   */
  count?: number;
  maxPairs?: number;
  /** Units that can fail the gate; other rows never keep a benchmark running. */
  gateUnits: readonly string[];
  units?: UnitMetadata;
}

/**
 * Whether more samples could still turn this row into a regression of at least the threshold.
 * Before the planned count: every row whose intervals still allow a threshold-sized slowdown (and
 * every regression, so it is judged on the planned samples). From the planned count on, only the
 * rows that count could not decide — too noisy, or a suspect (significant on its own p, held back)
 * — whose interval still reaches the threshold earn more, up to `maxPairs`, and only while the
 * pairs up to `maxPairs` are expected to decide them at their present scatter (predictive futility,
 * compare/sequential.ts extensionOutlook: a row that more pairs would leave noisy stops now).
 */
export function rowIsOpen(row: CompareRow, rule: SettleRule): boolean {
  if (!rule.gateUnits.includes(row.unit)) return false;
  // One side only (new/removed), or compared by value: more samples change nothing.
  if (!row.base || !row.head || row.exact) return false;
  const higher = higherIsBetter(row.unit, rule.units ?? {});
  const worst = worstCasePercent(row, higher);
  const reaches = worst === null || worst >= rule.threshold;
  const n = row.paired?.n ?? Math.min(row.base.n, row.head.n);
  if (rule.count !== undefined && n >= rule.count) {
    // Extra pairs are looks of the paired test (compare/sequential.ts); other rows are done.
    const maxPairs = rule.maxPairs ?? rule.count;
    if (!row.paired || n >= maxPairs) return false;
    if (!((row.verdict === 'noisy' || row.suspect === true) && reaches)) return false;
    const outlook = extensionOutlook(row.paired, { threshold: rule.threshold, maxPairs, higherIsBetter: higher });
    return outlook === null || outlook.decidable;
  }
  if (row.verdict === 'regression' || row.verdict === 'improvement') return true;
  const slowdown = estimatedSlowdown(row);
  return reaches || (slowdown !== null && slowdown <= -rule.threshold);
}

/** The benchmarks (package, name as in the report) with at least one open row, in report order. */
export function openBenchmarks(report: CompareReport, rule: SettleRule): Array<{ pkg: string; name: string }> {
  const seen = new Set<string>();
  const open: Array<{ pkg: string; name: string }> = [];
  for (const row of report.rows) {
    const key = benchmarkKey(row);
    if (seen.has(key) || !rowIsOpen(row, rule)) continue;
    seen.add(key);
    open.push({ pkg: row.package, name: row.name });
  }
  return open;
}
