/**
 * Do two sample sets differ? (benchmath's `Comparison`.)
 *
 * Under `nothing` the Mann–Whitney U test decides; a failed test (all values equal) counts as
 * "no difference" with p = 1, and when even completely separated samples could not reach α
 * (p ≥ 0.0286 with 4 a side, so 0.05 needs 4, 0.01 needs 5…) the warning says how many are
 * needed. Under `exact` there is nothing to test: p = 0 and the values speak.
 */
import { formatGoV } from '../benchfmt/goformat.js';
import { choose } from './choose.js';
import { mannWhitneyUSorted, sortedCopy } from './mannwhitney.js';
import type { Assumption } from './summary.js';

export interface SampleComparison {
  /** Two-sided p; 0 for exact units (benchstat then always shows the delta). */
  p: number;
  n1: number;
  n2: number;
  /** The α this comparison was judged at (0 for exact units, as benchstat). */
  alpha: number;
  warnings: string[];
}

/**
 * The smallest p the two-sided U test can give with n values a side is 2/C(2n, n) (complete
 * separation); benchstat tabulates it for n = 1…9 and says "> 10" beyond.
 */
const U_TEST_MIN_P = Array.from({ length: 10 }, (_, n) => (n === 0 ? NaN : 2 / choose(2 * n, n)));

/** Samples needed a side before the U test can reach α (benchstat's wording: ">= 4", "> 9"). */
export function uTestSamplesNeeded(alpha: number): { op: '>=' | '>'; n: number } {
  for (let n = 1; n < U_TEST_MIN_P.length; n++) {
    if (U_TEST_MIN_P[n] <= alpha) return { op: '>=', n };
  }
  return { op: '>', n: U_TEST_MIN_P.length };
}

export function compareSamples(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  alpha = 0.05,
  assume: Assumption = 'nothing',
): SampleComparison {
  return compareSorted(sortedCopy(a), sortedCopy(b), alpha, assume);
}

/** `compareSamples` of samples already sorted ascending by `sortedCopy`. */
export function compareSorted(a: Float64Array, b: Float64Array, alpha = 0.05, assume: Assumption = 'nothing'): SampleComparison {
  const n1 = a.length;
  const n2 = b.length;
  if (assume === 'exact') return { p: 0, n1, n2, alpha: 0, warnings: [] };
  const res = mannWhitneyUSorted(a, b);
  if (res.error) return { p: 1, n1, n2, alpha, warnings: [res.error] };
  const warnings: string[] = [];
  if (res.p > alpha) {
    const need = uTestSamplesNeeded(alpha);
    if (n1 < need.n && n2 < need.n) {
      warnings.push(`need ${need.op} ${need.n} samples to detect a difference at alpha level ${formatGoV(alpha)}`);
    }
  }
  return { p: res.p, n1, n2, alpha, warnings };
}
