/**
 * The pairs of one benchmark and unit from two runs measured together. Pure.
 *
 * Samples carry `BenchResult.pair` when the runner measured them in pairs (one leaf per process);
 * then base and head samples with the same `pair` were taken back to back. Without it (alternating
 * rounds of a package, one sample of the benchmark per round and side), the k-th sample of each
 * side comes from round k, where the two ran back to back too, so they are paired by order.
 */
import { comparePairs, type PairedComparison } from '../stats/paired.js';
import type { Run } from '../types.js';

function samples(run: Run, pkg: string, name: string, unit: string): { pair?: number; value: number }[] {
  const out: { pair?: number; value: number }[] = [];
  for (const r of run.results) {
    if (r.pkg !== pkg || r.name !== name) continue;
    const v = r.values.find((x) => x.unit === unit);
    if (v) out.push({ pair: r.pair, value: v.value });
  }
  return out;
}

export function pairsOf(base: Run, head: Run, pkg: string, name: string, unit: string): { base: number[]; head: number[] } {
  const b = samples(base, pkg, name, unit);
  const h = samples(head, pkg, name, unit);
  if (b.length > 0 && h.length > 0 && b.every((x) => x.pair !== undefined) && h.every((x) => x.pair !== undefined)) {
    const byPair = new Map(h.map((x) => [x.pair, x.value]));
    const out = { base: [] as number[], head: [] as number[] };
    for (const x of b) {
      const hv = byPair.get(x.pair);
      if (hv !== undefined) out.base.push(x.value), out.head.push(hv);
    }
    return out;
  }
  const n = Math.min(b.length, h.length);
  return { base: b.slice(0, n).map((x) => x.value), head: h.slice(0, n).map((x) => x.value) };
}

/** head/base of one benchmark and unit, paired; null without pairs or with values that have no logarithm. */
export function pairedRatio(base: Run, head: Run, pkg: string, name: string, unit: string, confidence = 0.95): PairedComparison | null {
  const p = pairsOf(base, head, pkg, name, unit);
  return p.base.length === 0 ? null : comparePairs(p.base, p.head, { confidence });
}
