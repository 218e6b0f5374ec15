/**
 * The standard normal distribution, accurate to a few ulps.
 *
 * JavaScript has no erf/erfc, and simple-statistics' `errorFunction` is a 7-digit polynomial:
 * benchstat's p-values from the normal approximation (and its median intervals for n > 30)
 * need full double precision, so erfc is computed here from the incomplete gamma function,
 * whose series and continued fraction have only positive terms (no cancellation).
 */

const SQRT_PI = Math.sqrt(Math.PI);

/** erf(x) for 0 ≤ x < 1.25: (2x/√π)·e^{−x²}·Σ (2x²)ⁿ / (1·3·…·(2n+1)). */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return ((2 * x) / SQRT_PI) * Math.exp(-x2) * sum;
}

/**
 * erfc(x) for x ≥ 1.25 = Γ(½, x²)/√π, by the Legendre continued fraction of the upper
 * incomplete gamma function (modified Lentz), which converges fast once x² > 1.5.
 */
function erfcContinuedFraction(x: number): number {
  const z = x * x;
  if (z > 750) return 0; // e^{−z} underflows
  const a = 0.5;
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  // Γ(a, z) = e^{−z} z^a · h
  return (Math.exp(-z) * Math.sqrt(z) * h) / SQRT_PI;
}

/** Complementary error function. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.25) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}

/** CDF of N(mu, sigma²), in the same form as go-moremath (so cancellation happens alike). */
export function normalCdf(x: number, mu = 0, sigma = 1): number {
  return erfc(-(x - mu) / (sigma * Math.SQRT2)) / 2;
}

/**
 * Inverse CDF of N(mu, sigma²). Newton's method on `normalCdf` from a logistic starting
 * point; converges to the double nearest the true quantile for p in (0, 1).
 */
export function normalInvCdf(p: number, mu = 0, sigma = 1): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // Work in the lower tail, where the CDF is represented accurately.
  const lower = p <= 0.5;
  const q = lower ? p : 1 - p;
  let x = q === 0.5 ? 0 : -Math.sqrt(-2 * Math.log(q));
  if (q > 1e-3) x = Math.log(q / (1 - q)) / 1.702; // logistic ≈ normal near the middle
  for (let i = 0; i < 100; i++) {
    const f = normalCdf(x) - q;
    const pdf = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
    if (pdf === 0) break;
    // Halley step: the normal's pdf' = −x·pdf.
    const u = f / pdf;
    const step = u / (1 + (x * u) / 2);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return (lower ? x : -x) * sigma + mu;
}
