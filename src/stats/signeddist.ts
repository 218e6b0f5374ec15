/**
 * The exact null distribution of the Wilcoxon signed-rank statistic, ties included.
 *
 * Under the null hypothesis (the differences are symmetric about 0) each |d_i| is equally likely
 * to carry a + or a − sign, independently: all 2ⁿ sign assignments of the observed ranks are
 * equally likely, and W⁺ (the sum of the ranks that got a +) is distributed as the sum over
 * that enumeration. Conditioning on the observed ranks is what makes ties harmless: tied |d|
 * share a midrank, the midranks are fixed, only the signs are random (the conditional test of
 * Pratt & Gibbons; scipy's permutation method and R's exactRankTests compute the same thing).
 *
 * Enumerating 2⁵⁰ assignments is out of the question, but W⁺ is a sum of independent terms
 * (0 or rank_i), so its distribution is a knapsack: add one rank at a time,
 * counts'[s] = counts[s] + counts[s − rank_i]. Midranks are multiples of ½, so the DP runs over
 * *doubled* midranks, which are integers (a tie group over ranks k+1…k+t has doubled midrank
 * 2k + t + 1). The table has n(n+1) + 1 entries and costs n·n(n+1) additions: ~130,000 at n = 50.
 * The counts are integers ≤ 2ⁿ, exact in doubles while n ≤ 53 (we stop at 50), so the tails are
 * exact sums and p = count/2ⁿ carries a single rounding.
 *
 * Without ties the doubled ranks are 2, 4, …, 2n; that table is memoized per n (every benchmark
 * of a suite with the same number of pairs shares it). With ties it is built per call.
 */

const noTiesCache = new Map<number, Float64Array>();

/**
 * Counts of each doubled W⁺ value (index s = 2·W⁺, 0…Σ doubled ranks) over the 2ⁿ sign
 * assignments of the given doubled ranks (positive integers).
 */
export function signedRankCounts(doubledRanks: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < doubledRanks.length; i++) total += doubledRanks[i];
  const counts = new Float64Array(total + 1);
  counts[0] = 1;
  let reach = 0; // highest index that can be non-zero so far
  for (let i = 0; i < doubledRanks.length; i++) {
    const r = doubledRanks[i];
    // Descending s: counts[s − r] is still the count without rank i when it is read.
    for (let s = reach; s >= 0; s--) counts[s + r] += counts[s];
    reach += r;
  }
  return counts;
}

/** `signedRankCounts` for untied ranks 1…n (doubled: 2, 4, …, 2n), memoized. */
export function signedRankCountsNoTies(n: number): Float64Array {
  let counts = noTiesCache.get(n);
  if (!counts) {
    counts = signedRankCounts(Array.from({ length: n }, (_, i) => 2 * (i + 1)));
    noTiesCache.set(n, counts);
  }
  return counts;
}
