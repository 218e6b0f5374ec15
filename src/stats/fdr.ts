/**
 * Benjamini–Hochberg adjusted p-values (q-values).
 *
 * Testing 300 benchmarks at α = 0.05 flags ~15 by chance alone; declaring a change when its
 * q ≤ α instead keeps the expected share of false discoveries among the flagged ones ≤ α.
 * q_(i) = min over j ≥ i of p_(j)·m/j, capped at 1 — monotone in p by construction.
 */
export function benjaminiHochberg(ps: readonly number[]): number[] {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
  const q = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (ps[i] * m) / rank);
    q[i] = running;
  }
  return q;
}
