/**
 * Binomial coefficients as doubles.
 *
 * `choose` is exact while the result is below 2⁵³ (every coefficient the exact U distribution
 * needs: C(50, 25) ≈ 1.3·10¹⁴).
 *
 * `goChoose` reproduces go-moremath's `mathx.Choose`, which above n = 20 is
 * exp(lgamma(n+1) − lgamma(k+1) − lgamma(n−k+1)). Its rounding decides which of two equally
 * likely order statistics benchstat's median interval takes for 21 ≤ n ≤ 30 (C(n, k) and
 * C(n, n−k) come out a few ulps apart), so the bounds only match with Go's exact lgamma bits.
 */
export function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  if (k === 0 || k === n) return 1;
  if (k > n - k) k = n - k;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    // c·(n−k+i) is divisible by i and stays an exact integer for the sizes used here.
    c = (c * (n - k + i)) / i;
  }
  return Math.round(c);
}

/**
 * Go's `math.Lgamma(x)` for x = 0…31 on amd64, as printed by __tests__/reference/benchmath
 * (and checked against it by __tests__/stats.test.ts). Go's Lgamma is not correctly rounded,
 * so these cannot be recomputed from log(n!).
 */
const GO_LGAMMA = [
  Infinity, 0, 0, 0.6931471805599453, 1.791759469228055, 3.1780538303479458, 4.787491742782046,
  6.579251212010101, 8.525161361065413, 10.60460290274525, 12.80182748008147, 15.104412573075518,
  17.502307845873887, 19.98721449566189, 22.552163853123428, 25.19122118273868, 27.89927138384089,
  30.671860106080675, 33.50507345013689, 36.39544520803305, 39.339884187199495, 42.335616460753485,
  45.380138898476915, 48.47118135183523, 51.60667556776438, 54.78472939811231, 58.003605222980525,
  61.261701761002, 64.55753862700632, 67.88974313718154, 71.25703896716801, 74.65823634883017,
];

/** The largest n for which `goChoose` reproduces Go bit for bit. */
export const GO_CHOOSE_LIMIT = GO_LGAMMA.length - 2;

export function goChoose(n: number, k: number): number {
  if (k === 0 || k === n) return 1;
  if (k < 0 || n < k) return 0;
  if (n <= 20) return choose(n, k);
  if (n > GO_CHOOSE_LIMIT) return choose(n, k);
  // Same operation order as Go: a − b − c.
  return Math.exp(GO_LGAMMA[n + 1] - GO_LGAMMA[k + 1] - GO_LGAMMA[n - k + 1]);
}

/** For the test that keeps the table honest. */
export const goLgammaTable: readonly number[] = GO_LGAMMA;
