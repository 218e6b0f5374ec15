/**
 * How much of a benchmark's change one reverted function gives back. Pure.
 *
 * r_pr = head/base is the PR's change (the row's paired ratio, else the ratio of medians);
 * r_rev = head/reverted is what reverting the function alone undoes, measured in pairs
 * (stats/paired.ts: the Hodges–Lehmann ratio and its interval). The recovered share is
 *
 *     recovered = ln(r_rev) / ln(r_pr)
 *
 * on the log scale rather than (r_rev − 1)/(r_pr − 1) because changes compose by multiplying: a
 * PR that makes one function cost ×1.5 and another ×2 is ×3 as a whole, and only the log shares
 * add up (ln 1.5/ln 3 + ln 2/ln 3 = 1; the linear ones give 25% + 50%). It is also the scale the
 * paired test works on, and it treats a slowdown and the speedup that undoes it alike. The
 * interval maps the paired interval of r_rev through the same function, which is monotone (its
 * direction flips for an improvement, so the bounds are re-ordered). r_pr comes from another
 * measurement and is taken as known: its own uncertainty is not in the interval.
 */
import type { CausalRecovered } from '../types.js';

/** What share.ts needs of a paired comparison (stats/paired.ts PairedComparison). */
export interface PairedRatio {
  n: number;
  ratio: number;
  lo: number;
  hi: number;
  p: number;
}

/** Reverting recovers at least this share for the function to be called the cause. */
export const CAUSE_SHARE = 0.5;

/**
 * The recovered share, or null when it is undefined: no change to recover (r_pr = 1) or a ratio
 * without a logarithm.
 */
export function recoveredShare(prRatio: number, rev: PairedRatio): CausalRecovered | null {
  const whole = Math.log(prRatio);
  if (!Number.isFinite(whole) || whole === 0 || !(rev.ratio > 0)) return null;
  // An interval that cannot reach the confidence is [0, +∞] (stats/paired.ts): ±∞ here.
  const at = (r: number) => Math.log(r) / whole;
  const a = at(rev.lo);
  const b = at(rev.hi);
  const recovered = Math.log(rev.ratio) / whole;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return {
    recovered,
    lo,
    hi,
    n: rev.n,
    p: rev.p,
    verified: recovered >= CAUSE_SHARE && lo > 0,
    method: 'revert-function',
  };
}

/** The PR's ratio head/base of a row as the verdict judged it: the confirmation's pairs, the row's pairs, else the medians. */
export function prRatioOf(row: {
  base: { center: number } | null;
  head: { center: number } | null;
  paired?: { ratio: number } | null;
  confirmation?: { paired?: { ratio: number } | null; base: { center: number }; head: { center: number } };
}): number {
  const c = row.confirmation;
  if (c?.paired) return c.paired.ratio;
  if (c) return c.head.center / c.base.center;
  if (row.paired) return row.paired.ratio;
  return row.head && row.base ? row.head.center / row.base.center : NaN;
}
