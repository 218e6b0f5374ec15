// Shares with their uncertainty: with a handful of trials a 100% detection rate is compatible with
// a true rate far below the target, and the table should say so.

/** Wilson score interval for k successes in n trials at 95%; [NaN, NaN] when n = 0. */
export function wilson(k, n, z = 1.959964) {
  if (n === 0) return [NaN, NaN];
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const center = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}

export function pct(x, digits = 1) {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : 'n/a';
}

/** "k/n = x% [lo–hi]" */
export function share(k, n) {
  if (n === 0) return 'n/a (no cases)';
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} = ${pct(k / n)} [${pct(lo)}–${pct(hi)}]`;
}
