/**
 * Two-sided Mann–Whitney U test, as go-moremath's `MannWhitneyUTest` (which benchstat uses).
 *
 * Benchmark timings are rarely normal (long right tails, multiple modes), so a rank test is
 * the safe default; it costs a little power compared with a t-test on normal data.
 */
import { normalCdf } from './normal.js';
import { uCdf } from './udist.js';

/** Largest sample sizes for which the exact distribution is used (go-moremath's limits). */
export const EXACT_LIMIT = 50;
export const TIES_EXACT_LIMIT = 25;

export interface UTestResult {
  /** U for the first sample: pairs where a > b, plus ½ per tied pair. */
  u: number;
  /** Two-sided p-value; 1 when the test could not be made (see `error`). */
  p: number;
  n1: number;
  n2: number;
  /** go-moremath's error text when the test is meaningless: benchstat reports p = 1 with it. */
  error?: 'sample is too small' | 'all samples are equal' | 'samples contain NaN';
}

/** Ascending copy as a typed array (numeric sort, and faster than Array#sort with a comparator). */
export function sortedCopy(xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(xs.length);
  // −0 → +0: typed arrays sort −0 first, Go leaves equal zeros in any order; both compare equal,
  // but a center of "-0" would print differently.
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] + 0;
  return out.sort();
}

/** sortedCopy without the copy: sorts `xs` itself (after the same −0 → +0) and returns it. */
export function sortInPlace(xs: Float64Array): Float64Array {
  // Samples often arrive sorted (a run of equal B/op or allocs/op values): then skip the sort.
  // `!(a >= b)` also sends a NaN to the sort, which puts it last.
  let sorted = true;
  for (let i = 0; i < xs.length; i++) {
    xs[i] += 0;
    if (i > 0 && !(xs[i] >= xs[i - 1])) sorted = false;
  }
  return sorted ? xs : xs.sort();
}

export function mannWhitneyU(a: ArrayLike<number>, b: ArrayLike<number>): UTestResult {
  return mannWhitneyUSorted(sortedCopy(a), sortedCopy(b));
}

/** The U test on samples already sorted ascending by `sortedCopy` (saves two sorts a row). */
export function mannWhitneyUSorted(x1: Float64Array, x2: Float64Array): UTestResult {
  const n1 = x1.length;
  const n2 = x2.length;
  if (n1 === 0 || n2 === 0) return { u: NaN, p: 1, n1, n2, error: 'sample is too small' };
  // NaN equals nothing, not even itself: it has no rank (and would stall the walk below).
  if (Number.isNaN(x1[n1 - 1]) || Number.isNaN(x2[n2 - 1])) {
    return { u: NaN, p: 1, n1, n2, error: 'samples contain NaN' };
  }

  // Walk the merged order; each run of equal values gets the average of the ranks it spans.
  // The run lengths are kept only where the exact distribution may need them (small samples);
  // the normal approximation needs only Σ(t³ − t) and whether there was more than one run.
  const keepTies = n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  let r1 = 0;
  const ties: number[] = [];
  let runs = 0;
  let tieSum = 0;
  let hasTies = false;
  let i = 0;
  let j = 0;
  let rank = 0; // values consumed so far
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && x1[i] < x2[j]) ? x1[i] : x2[j];
    let c1 = 0;
    let c2 = 0;
    while (i < n1 && x1[i] === v) {
      i++;
      c1++;
    }
    while (j < n2 && x2[j] === v) {
      j++;
      c2++;
    }
    const t = c1 + c2;
    if (c1 !== 0) r1 += ((2 * rank + t + 1) / 2) * c1;
    if (keepTies) ties.push(t);
    runs++;
    tieSum += t * t * t - t;
    if (t > 1) hasTies = true;
    rank += t;
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const uSmall = Math.min(u1, u2);

  const exact = hasTies
    ? n1 <= TIES_EXACT_LIMIT && n2 <= TIES_EXACT_LIMIT
    : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  if (exact) {
    if (runs === 1) return { u: u1, p: 1, n1, n2, error: 'all samples are equal' };
    // At the center of the distribution the two tails cover everything. Otherwise twice the
    // lower tail of U₁'s distribution at min(U₁, U₂), as go-moremath does — with ties U₁'s
    // distribution is not symmetric, so this is not symmetric in a and b either, and can pass 1
    // (see udist.ts); p is capped at 1 here, the one place where we print other than benchstat.
    const p = u1 === u2 ? 1 : Math.min(1, uCdf(uSmall, n1, n2, ties) * 2);
    return { u: u1, p, n1, n2 };
  }

  // Normal approximation with the tie correction Σ(t³ − t) and a continuity correction.
  const N = n1 + n2;
  const mean = (n1 * n2) / 2;
  const sd = Math.sqrt((n1 * n2 * (N + 1 - tieSum / (N * (N - 1)))) / 12);
  if (sd === 0) return { u: u1, p: 1, n1, n2, error: 'all samples are equal' };
  let numer = u1 - mean;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sd;
  const p = 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
  return { u: u1, p, n1, n2 };
}
