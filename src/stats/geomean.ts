/**
 * The geomean row of a benchstat table.
 *
 * benchstat takes, per column, the geomean of the centers of every benchmark in that column,
 * and for the change the geomean of the per-benchmark ratios head/base over the benchmarks
 * present on both sides (not the ratio of the two geomeans: with differing benchmark sets that
 * would compare incomparable numbers). Equal centers count as ratio 1 (so 0 → 0 is fine); a
 * zero base makes the change "?"; non-positive values make a geomean undefined, with a warning.
 */

/** go-moremath's GeoMean: running mean of logs; NaN when empty or any value ≤ 0. */
export function geomean(xs: ArrayLike<number>): number {
  if (xs.length === 0) return NaN;
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0)) return NaN;
    m += (Math.log(x) - m) / (i + 1);
  }
  return Math.exp(m);
}

/** One benchmark's centers (null where the benchmark is missing on that side). */
export interface CenterPair {
  base: number | null;
  head: number | null;
}

export interface GeomeanSummary {
  /** Geomean of the base centers; NaN when undefined. */
  base: number;
  head: number;
  /** Geomean of head/base over paired benchmarks; NaN when undefined ("?"). */
  ratio: number;
  /** (ratio − 1) × 100, NaN when the ratio is undefined. */
  deltaPercent: number;
  baseWarnings: string[];
  headWarnings: string[];
}

export function geomeanSummary(pairs: readonly CenterPair[]): GeomeanSummary {
  const bases: number[] = [];
  const heads: number[] = [];
  const ratios: number[] = [];
  let badRatio = false;
  for (const { base, head } of pairs) {
    if (base !== null) bases.push(base);
    if (head === null) continue;
    heads.push(head);
    if (base === null) continue;
    if (head === base) ratios.push(1);
    else if (base === 0) {
      badRatio = true;
      ratios.push(0); // keeps the count of pairings right
    } else ratios.push(head / base);
  }
  const baseWarnings: string[] = [];
  const headWarnings: string[] = [];
  if (ratios.length !== bases.length) {
    headWarnings.push('benchmark set differs from baseline; geomeans may not be comparable');
  }
  const base = geomean(bases);
  if (Number.isNaN(base)) baseWarnings.push('summaries must be >0 to compute geomean');
  const head = geomean(heads);
  if (Number.isNaN(head)) headWarnings.push('summaries must be >0 to compute geomean');
  let ratio = NaN;
  if (!badRatio) {
    ratio = geomean(ratios);
    if (Number.isNaN(ratio)) headWarnings.push('ratios must be >0 to compute geomean');
  }
  return { base, head, ratio, deltaPercent: (ratio - 1) * 100, baseWarnings, headWarnings };
}
