/**
 * The exact null distribution of the Mann–Whitney U statistic.
 *
 * Without ties: Mann & Whitney's (1947) recurrence on probabilities,
 *   p_{n,m}(u) = (n·p_{n−1,m}(u−m) + m·p_{n,m−1}(u)) / (n+m),
 * computed once per (n, m) for every u up to ⌊nm/2⌋ and memoized: a suite of thousands of
 * benchmarks with the same -count reuses one table (this was the hot spot of the comparison).
 *
 * With ties (Klotz 1966; Cheung & Klotz 1997): tied values share a midrank, so the statistic
 * depends only on how many of the first sample's values fall in each tie group. Counting the
 * ways to pick r_k of the t_k values in group k (∏ C(t_k, r_k)) for every total of
 * 2U = Σ r_k·a_k − n₁², with a_k = 2·(values before group k) + t_k, is a small knapsack over the
 * groups. The counts are integers below C(50, 25) < 2⁵³, so they are exact in doubles.
 */
import { choose } from './choose.js';

const noTiesCache = new Map<string, Float64Array>();

/** P(U ≤ u) for all u in 0…⌊n1·n2/2⌋ with no ties, as cumulative sums of the pmf. */
function noTiesCdfTable(n1: number, n2: number): Float64Array {
  const N = Math.min(n1, n2);
  const M = Math.max(n1, n2);
  const key = `${N},${M}`;
  let cdf = noTiesCache.get(key);
  if (cdf) return cdf;
  const U = Math.floor((N * M) / 2);
  // memo[n] holds p_{n,m}(0…U) for the current m (only n ≤ m is stored; symmetry gives the rest).
  const memo: Float64Array[] = [];
  for (let n = 0; n <= N; n++) memo.push(new Float64Array(U + 1));
  for (let m = 0; m <= M; m++) {
    memo[0][0] = 1;
    const nlim = Math.min(N, m);
    for (let n = 1; n <= nlim; n++) {
      const left = memo[n - 1]; // p_{n−1,m}
      const right = n <= m - 1 ? memo[n] : memo[m - 1]; // p_{n,m−1}, or p_{m−1,n} when n = m
      const out = memo[n];
      const ulim = Math.min(U, n * m);
      const nm = n + m;
      // Descending u so that out[u] may overwrite p_{n,m−1}(u) after it has been read.
      for (let u = ulim; u >= 0; u--) {
        const l = u - m >= 0 ? n * left[u - m] : 0;
        out[u] = (l + m * right[u]) / nm;
      }
    }
  }
  const pmf = memo[N];
  cdf = new Float64Array(U + 1);
  let acc = 0;
  for (let u = 0; u <= U; u++) {
    acc += pmf[u];
    cdf[u] = acc;
  }
  noTiesCache.set(key, cdf);
  return cdf;
}

const tiesCache = new Map<string, Float64Array>();

/**
 * Number of ways (out of C(n1+n2, n1)) to get each value of 2U + n1², for tie groups `t`
 * (sizes in ascending value order), indexed by s = Σ r_k·a_k.
 */
function tiesCounts(n1: number, t: readonly number[]): Float64Array {
  const key = `${n1}|${t.join(',')}`;
  let counts = tiesCache.get(key);
  if (counts) return counts;
  const total = t.reduce((s, x) => s + x, 0);
  // s ≤ n1 · max a_k ≤ n1 · 2·total
  const smax = 2 * total * n1;
  // ways[m][s]: ways to pick m values from the groups seen so far with Σ r·a = s
  let ways: Float64Array[] = [];
  for (let m = 0; m <= n1; m++) ways.push(new Float64Array(smax + 1));
  ways[0][0] = 1;
  let before = 0;
  for (const tk of t) {
    const ak = 2 * before + tk;
    const next: Float64Array[] = [];
    for (let m = 0; m <= n1; m++) next.push(new Float64Array(smax + 1));
    const mlim = Math.min(n1, before);
    for (let m = 0; m <= mlim; m++) {
      const row = ways[m];
      for (let s = 0; s <= smax; s++) {
        const w = row[s];
        if (w === 0) continue;
        const rlim = Math.min(tk, n1 - m);
        for (let r = 0; r <= rlim; r++) next[m + r][s + r * ak] += w * choose(tk, r);
      }
    }
    ways = next;
    before += tk;
  }
  counts = ways[n1];
  tiesCache.set(key, counts);
  return counts;
}

/**
 * P(U ≤ u) under the null hypothesis for samples of sizes n1 and n2 whose pooled values form
 * tie groups `ties` (sizes in ascending order; all 1 means no ties). `u` is a multiple of ½.
 */
export function uCdf(u: number, n1: number, n2: number, ties: readonly number[]): number {
  if (u < 0) return 0;
  if (u >= n1 * n2) return 1;
  if (ties.every((x) => x === 1)) {
    const table = noTiesCdfTable(n1, n2);
    const ui = Math.floor(u);
    if (ui < table.length) return table[ui];
    // Upper half by symmetry: P(U ≤ u) = 1 − P(U ≤ n1·n2 − u − 1).
    return 1 - table[n1 * n2 - ui - 1];
  }
  if (ties.length === 2) return twoGroupCdf(u, n1, n2, ties[0], ties[1]);
  const counts = tiesCounts(n1, ties);
  const limit = Math.min(Math.floor(2 * u) + n1 * n1, counts.length - 1);
  let c = 0;
  for (let s = 0; s <= limit; s++) c += counts[s];
  return c / choose(n1 + n2, n1);
}

/**
 * Two tie groups (only two distinct values): go-moremath's closed form, kept as it is written
 * there. It bounds r₂ (first-sample values in the upper group) by (2U − n₁(t₁ − n₁)) / (t₁ + t₂)
 * with Go's integer division, which truncates toward zero: when 2U is below the smallest
 * achievable value the bound should be −1 (count 0) but is 0. benchstat's p then exceeds the
 * exact count (even above 1, e.g. [5e-324] vs [0, 0] gives p = 4/3); callers cap p at 1.
 */
function twoGroupCdf(u: number, n1: number, n2: number, t1: number, t2: number): number {
  const twoU = Math.floor(2 * u);
  const rLow = Math.max(0, n1 - t1);
  const rHigh = Math.trunc((twoU - n1 * (t1 - n1)) / (t1 + t2));
  let count = 0;
  for (let r = rLow; r <= rHigh; r++) count += choose(t1, n1 - r) * choose(t2, r);
  return count / choose(n1 + n2, n1);
}
