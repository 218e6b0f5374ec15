/**
 * The median and its distribution-free confidence interval, as benchstat computes them.
 *
 * The number of samples below the population median is Binomial(n, ½), so the interval between
 * two order statistics covers the median with a probability read off that distribution. Which
 * order statistics are chosen, and the median's interpolation, follow go-moremath
 * (`QuantileCI`, `Sample.Quantile`) step for step so that the bounds are the *same samples*.
 */
import { goChoose } from './choose.js';
import { normalCdf, normalInvCdf } from './normal.js';

/** The 1-based order statistics bounding the interval; outside 1…n means ±∞. */
export interface OrderInterval {
  lo: number;
  hi: number;
  /** Achieved confidence (≥ the requested one). */
  confidence: number;
}

/** go-moremath switches from the exact binomial to its normal approximation above this n. */
const EXACT_CI_LIMIT = 30;

/**
 * Median of an ascending array with Hyndman & Fan's definition 8, as go-moremath does
 * (for an even n this is xs[k−1] + ½(xs[k] − xs[k−1]), not (a+b)/2 — the rounding differs).
 */
export function medianSorted(xs: ArrayLike<number>): number {
  const n = xs.length;
  if (n === 0) return NaN;
  const pos = 1 / 3 + 0.5 * (n + 1 / 3);
  const k = Math.trunc(pos);
  const frac = pos - k;
  if (k <= 0) return xs[0];
  if (k >= n) return xs[n - 1];
  return xs[k - 1] + frac * (xs[k] - xs[k - 1]);
}

const ciCache = new Map<string, OrderInterval>();

/** Order statistics of the median's confidence interval for n samples (memoized, like benchstat). */
export function medianCI(n: number, confidence: number): OrderInterval {
  const key = `${n}:${confidence}`;
  let ci = ciCache.get(key);
  if (!ci) {
    if (confidence >= 1) ci = { lo: 0, hi: n + 1, confidence: 1 };
    else ci = n <= EXACT_CI_LIMIT ? exactMedianCI(n, confidence) : approxMedianCI(n, confidence);
    ciCache.set(key, ci);
  }
  return ci;
}

/**
 * Start at the (lower) mode of Binomial(n, ½) and grow the interval one order statistic at a
 * time toward the more probable side, preferring the left on ties, until the mass reaches the
 * confidence level.
 */
function exactMedianCI(n: number, confidence: number): OrderInterval {
  const pmf = (k: number) => (k < 0 || k > n ? 0 : goChoose(n, k) * 0.5 ** k * 0.5 ** (n - k));
  const x = Math.ceil((n + 1) * 0.5) - 1;
  let accum = pmf(x);
  let l = x;
  let r = x + 1;
  let lp = pmf(l - 1);
  let rp = pmf(r);
  while (accum < confidence && (lp > 0 || rp > 0)) {
    if (lp >= rp) {
      accum += lp;
      l--;
      lp = pmf(l - 1);
    } else {
      accum += rp;
      r++;
      rp = pmf(r);
    }
  }
  return clampOrders(n, l, r, accum);
}

/**
 * Normal approximation with continuity correction: widen the central `confidence` band to
 * half-integers, then take a one-step-narrower, left-biased band if it still suffices.
 */
function approxMedianCI(n: number, confidence: number): OrderInterval {
  const mu = n * 0.5;
  const sigma = Math.sqrt(n * 0.5 * 0.5);
  const l1 = normalInvCdf((1 - confidence) / 2, mu, sigma);
  const r1 = 2 * mu - l1;
  const l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
  let r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
  const mass = (a: number, b: number) => normalCdf(b - 0.5, mu, sigma) - normalCdf(a - 0.5, mu, sigma);
  let achieved = mass(l, r);
  const biased = mass(l, r - 1);
  if (biased >= confidence && biased < achieved) {
    achieved = biased;
    r = r - 1;
  }
  if (l <= 0 && r >= n + 1) achieved = 1;
  return clampOrders(n, l, r, achieved);
}

function clampOrders(n: number, l: number, r: number, confidence: number): OrderInterval {
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1), confidence };
}

/**
 * benchstat's wording for the smallest n with a finite interval at this confidence
 * (it looks no further than 50 samples).
 */
export function medianSamplesNeeded(confidence: number): { op: '>=' | '>'; n: number } {
  const limit = 50;
  for (let n = 2; n <= limit; n++) {
    const ci = medianCI(n, confidence);
    if (ci.lo > 0 && ci.hi <= n) return { op: '>=', n };
  }
  return { op: '>', n: limit };
}
