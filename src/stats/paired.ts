/**
 * One benchmark measured in pairs (base and head back to back, or at once): is head different,
 * and by what factor?
 *
 * Each pair's datum is d_i = ln(head_i / base_i). Logs because benchmark changes are
 * multiplicative (a 5% slowdown is ×1.05 whether the benchmark takes 10 ns or 10 ms), and on the
 * log scale a slowdown and the speedup that undoes it are symmetric (ln 1.25 = −ln 0.8), which
 * the signed-rank test's symmetry assumption needs. The pair's ratio cancels what its two
 * samples share (design §4): the host's state during that second. The test is the Wilcoxon
 * signed-rank test of the d_i (signedrank.ts), the estimate their Hodges–Lehmann center
 * (hodges-lehmann.ts), and both come back to the ratio scale by exp: ratio = e^HL, the interval
 * [e^lo, e^hi]. exp is monotone, so the interval keeps its coverage and the ratio is still the
 * center the test points at (e^median = median of e^…); swapping base and head negates every d_i and so inverts ratio and
 * interval and keeps p.
 *
 * Not comparable (null): a value ≤ 0 or not finite has no logarithm, or a ratio that means
 * nothing (0 ns/op base); silently dropping that pair would hide a broken measurement, and
 * clamping it would invent one. Also null for no pairs. The caller reports the row as not
 * compared, as it does for a unit missing on one side.
 */
import { hodgesLehmann, type HodgesLehmannResult } from './hodges-lehmann.js';
import { signedRankTest, type SignedRankMethod } from './signedrank.js';

export type PairedMethod = `wilcoxon-signed-rank ${SignedRankMethod}`;

export interface PairedOptions {
  /** Confidence level of the ratio's interval, in (0, 1); default 0.95. */
  confidence?: number;
  /** The α the test's warnings speak of; default 0.05. */
  alpha?: number;
}

export interface PairedComparison {
  /** Pairs compared (including those with equal values). */
  n: number;
  /** Pairs with head = base, left out of test and estimate (Wilcoxon's rule). */
  zeros: number;
  /** Hodges–Lehmann estimate of head/base: e^HL of the log ratios. */
  ratio: number;
  /** Confidence interval of the ratio; 0 and +∞ when the confidence cannot be reached. */
  lo: number;
  hi: number;
  /** Requested confidence level, and the interval's own coverage (see hodges-lehmann.ts). */
  confidence: number;
  achieved: number;
  /** Two-sided p of the signed-rank test. */
  p: number;
  /** The smallest p this many non-zero pairs could give. */
  minP: number;
  /** The test and the distribution its p came from. */
  method: PairedMethod;
  /** Where the interval's critical value came from (exact even when p's is normal, and vice versa). */
  intervalMethod: SignedRankMethod;
  warnings: string[];
}

/** ln(head_i/base_i) for each pair, or null when a value has no logarithm. */
export function logRatios(base: ArrayLike<number>, head: ArrayLike<number>): Float64Array | null {
  if (base.length !== head.length) {
    throw new RangeError(`paired samples differ in length: ${base.length} base, ${head.length} head`);
  }
  const d = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    const h = head[i];
    if (!(b > 0 && h > 0 && Number.isFinite(b) && Number.isFinite(h))) return null;
    // One division then one log: equal values give exactly 0 (a zero, by the rule above), and
    // scaling both by a power of two changes nothing.
    d[i] = Math.log(h / b);
  }
  return d;
}

export function comparePairs(
  base: ArrayLike<number>,
  head: ArrayLike<number>,
  opts: PairedOptions = {},
): PairedComparison | null {
  const d = logRatios(base, head);
  if (d === null || d.length === 0) return null;
  const test = signedRankTest(d, { alpha: opts.alpha });
  const hl: HodgesLehmannResult = hodgesLehmann(d, { confidence: opts.confidence });
  const warnings = [...test.warnings];
  for (const w of hl.warnings) if (!warnings.includes(w)) warnings.push(w);
  return {
    n: d.length,
    zeros: test.zeros,
    ratio: Math.exp(hl.estimate),
    lo: Math.exp(hl.lo),
    hi: Math.exp(hl.hi),
    confidence: hl.confidence,
    achieved: hl.achieved,
    p: test.p,
    minP: test.minP,
    method: `wilcoxon-signed-rank ${test.method}`,
    intervalMethod: hl.method,
    warnings,
  };
}
