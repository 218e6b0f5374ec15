/**
 * Profile shares → cost per op. A profile says what fraction of a benchmark's samples
 * each function accounts for; the benchmark output says what one op costs (sec/op, B/op,
 * allocs/op). Their product estimates each function's cost per op in the row's unit,
 * which is what lets two sides with different iteration counts be compared.
 *
 * The fraction is always of the same total on both sides and for flat and cum alike: the
 * samples that stand for the benchmark (its whole per-benchmark profile, or its part of a split).
 * So per side the flat costs of all functions add up to exactly the row's center, a function's
 * flat share is at most 1, and head − base of the flats, summed over all functions, is the row's
 * Δ. What the estimate cannot correct is a set of samples that is not the benchmark's work: a
 * split by stack misses `b.RunParallel` goroutines and GC workers, and the few samples left under
 * the benchmark's frame (setup, the harness) scaled to the whole op give per-function Δs many
 * times the row's (engine.ts refuses such splits; see splitCoverage).
 */
import type { BenchmarkProfile, FunctionOpCost } from '../types.js';
import type { ProfileSplit, SampleSlice } from './split.js';
import type { StackNode } from './tree.js';

/** The name as a CompareRow has it (`Parse/small-8`) → the candidates to look up, most precise first. */
function candidates(name: string): { label: string[]; top: string; sub: boolean } {
  const noProcs = name.replace(/-\d+$/, '');
  const slash = name.indexOf('/');
  // Benchmark function names are Go identifiers: the top level never contains '-'.
  const top = (slash >= 0 ? name.slice(0, slash) : name).replace(/-\d+$/, '');
  return { label: [...new Set([name, noProcs])], top, sub: slash >= 0 };
}

/**
 * Costs per op of every function in benchmark `name` of `split`, for a row whose center
 * (median) is `perOpValue` in `unit`. The `note` says when the split is approximate.
 */
export function perOpCosts(split: ProfileSplit, name: string, unit: string, perOpValue: number): BenchmarkProfile {
  const c = candidates(name);
  const result = (slice: SampleSlice | null, note?: string): BenchmarkProfile => {
    const out: BenchmarkProfile = { package: split.package, name, unit, functions: slice ? scaled(slice, perOpValue) : [] };
    const via = slice ? split.benchmarks.get(c.top)?.parallelVia ?? [] : [];
    const notes = [
      note,
      via.length ? `b.RunParallel goroutines of ${via.join(', ')} are counted as Benchmark${c.top}'s (only its stacks show that helper)` : undefined,
    ].filter((n): n is string => !!n);
    if (notes.length) out.note = notes.join('; ');
    return out;
  };

  for (const l of c.label) {
    const b = split.benchmarks.get(l);
    if (b?.byLabel) return result(b.all);
  }
  const b = split.benchmarks.get(c.top);
  if (!b || b.all.total === 0) return result(null, `the ${split.sampleType.type || 'profile'} profile has no samples for Benchmark${c.top}`);
  if (!c.sub) return result(b.all);
  if (!b.closures || b.closures.total === 0) {
    return result(b.all, `no samples ran inside Benchmark${c.top}'s sub-benchmark closures; costs are shares of the whole benchmark`);
  }
  const closures = b.closureNames.map((n) => `Benchmark${c.top}.${n}`).join(', ');
  return result(
    b.closures,
    `sub-benchmarks of Benchmark${c.top} cannot be told apart by stack (they run in ${closures}) and carry no pprof label: ` +
      'costs are shares of all of them, scaled by this row\'s value per op',
  );
}

/**
 * Costs per op from a profile that holds only this benchmark (wholeProfile): every sample counts,
 * `b.RunParallel` goroutines and GC workers included.
 */
export function perOpCostsOfSlice(slice: SampleSlice, pkg: string, name: string, unit: string, perOpValue: number): BenchmarkProfile {
  return { package: pkg, name, unit, functions: scaled(slice, perOpValue) };
}

/** The factor from a set of samples to cost per op: every estimate here (and the flame graph's) uses it. */
function perOpFactor(total: number, perOp: number): number {
  return perOp / total;
}

function scaled(slice: SampleSlice, perOp: number): FunctionOpCost[] {
  if (slice.total === 0) return [];
  const k = perOpFactor(slice.total, perOp);
  return slice.functions.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat * k, cum: f.cum * k }));
}

/**
 * A benchmark's call tree (stackTree) in cost per op: the root's value becomes the row's center, so
 * the tree's frames are in the same unit and scale as attribution's flat and cum (null: no samples).
 */
export function perOpTree(tree: StackNode, perOpValue: number): StackNode | null {
  if (tree.value === 0) return null;
  const k = perOpFactor(tree.value, perOpValue);
  const scale = (n: StackNode): StackNode => ({ ...n, value: n.value * k, self: n.self * k, children: n.children.map(scale) });
  return scale(tree);
}

export interface FunctionDelta {
  function: string;
  file: string;
  startLine: number;
  base: { flat: number; cum: number };
  head: { flat: number; cum: number };
  /** head − base, per op in the row's unit. */
  deltaFlat: number;
  deltaCum: number;
}

/** Δ per op of every function present on either side, largest |Δcum| first (then name, for stable output). */
export function diffBenchmarkProfiles(base: BenchmarkProfile, head: BenchmarkProfile): FunctionDelta[] {
  const key = (f: FunctionOpCost) => `${f.function}\u0000${f.file}`;
  const rows = new Map<string, FunctionDelta>();
  const row = (f: FunctionOpCost): FunctionDelta => {
    let r = rows.get(key(f));
    if (!r) {
      r = { function: f.function, file: f.file, startLine: f.startLine, base: { flat: 0, cum: 0 }, head: { flat: 0, cum: 0 }, deltaFlat: 0, deltaCum: 0 };
      rows.set(key(f), r);
    }
    return r;
  };
  for (const f of base.functions) Object.assign(row(f).base, { flat: f.flat, cum: f.cum });
  for (const f of head.functions) {
    const r = row(f);
    r.head = { flat: f.flat, cum: f.cum };
    if (f.startLine) r.startLine = f.startLine;
  }
  const out = [...rows.values()];
  for (const r of out) {
    r.deltaFlat = r.head.flat - r.base.flat;
    r.deltaCum = r.head.cum - r.base.cum;
  }
  return out.sort(
    (a, b) => Math.abs(b.deltaCum) - Math.abs(a.deltaCum) || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0),
  );
}
