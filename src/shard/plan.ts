/**
 * Sharding a suite across matrix jobs: which benchmarks job i of n measures. Pure: the suite (the
 * packages and their top-level benchmark functions, as discovery found them) and optionally a
 * baseline's measured times in, each shard's share out. Every job computes the whole plan from the
 * same suite and baseline and keeps its own share, so the jobs agree without talking to each other;
 * the suite's digest travels with each part so that the merge can check they did.
 */
import { createHash } from 'node:crypto';
import { BenchgateError } from '../errors.js';
import type { Run, ShardInfo, ShardUnit } from '../types.js';

export type { ShardInfo, ShardUnit };

/** One package of the suite: its import path and the top-level benchmark functions (`BenchmarkParse`). */
export interface SuitePackage {
  pkg: string;
  /** Empty for a package that does not load: it is still planned (whole), so one shard reports it. */
  benchmarks: readonly string[];
}

/** Seconds measured per top-level benchmark function, per package (from a baseline run). */
export type Weights = Map<string, Map<string, number>>;

/** What a job was asked to measure: shard `index` (1-based) of `count`, balanced by `weights` when known. */
export interface ShardRequest {
  index: number;
  count: number;
  weights?: Weights;
}

/** `2/4` → {index 2, count 4}; a usage error naming the flag otherwise. */
export function parseShard(flag: string, text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 256 || index < 1 || index > count) {
    throw new BenchgateError(`${flag} must be i/n with 1 ≤ i ≤ n ≤ 256 (e.g. 2/4), not ${JSON.stringify(text)}`, 'usage');
  }
  return { index, count };
}

/** `Parse/medium-2` → `BenchmarkParse`: the function a leaf result belongs to. */
export function topLevelOf(resultName: string): string {
  const first = resultName.split('/')[0];
  // Go identifiers have no '-': a trailing -N on the first level is the -procs suffix.
  return `Benchmark${first.replace(/-\d+$/, '')}`;
}

/**
 * The time each top-level benchmark took in a run: iterations × sec/op summed over its samples
 * (about the wall time `go test` spent measuring it, warm-up runs aside).
 */
export function weightsFromRun(run: Pick<Run, 'results'>): Weights {
  const weights: Weights = new Map();
  for (const r of run.results) {
    const secPerOp = r.values.find((v) => v.unit === 'sec/op')?.value;
    if (secPerOp === undefined || !(secPerOp > 0) || !(r.iterations > 0)) continue;
    const fns = weights.get(r.pkg) ?? new Map<string, number>();
    weights.set(r.pkg, fns);
    const fn = topLevelOf(r.name);
    fns.set(fn, (fns.get(fn) ?? 0) + secPerOp * r.iterations);
  }
  return weights;
}

export function unitKey(u: ShardUnit): string {
  return u.benchmark ? `${u.pkg}\u0000${u.benchmark}` : u.pkg;
}

/** `example.com/m/parse` or `example.com/m/parse.BenchmarkParse`, for messages. */
export function unitLabel(u: ShardUnit): string {
  return u.benchmark ? `${u.pkg}.${u.benchmark}` : u.pkg;
}

/** FNV-1a (32 bits) of the unit's key: stable across runs, machines and Node versions. */
export function stableHash(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A digest of the whole plan's units (all shards): parts planned from the same suite share it. */
export function suiteDigest(units: readonly ShardUnit[]): string {
  const keys = units.map(unitKey).sort();
  return createHash('sha256').update(keys.join('\n')).digest('hex').slice(0, 16);
}

interface Weighted {
  unit: ShardUnit;
  weight: number;
}

/**
 * The units of the suite with their estimated cost. A package is one unit unless it alone exceeds
 * a shard's share (total ÷ count): then each of its benchmark functions is one. With weights, a
 * function the baseline did not measure (new, or renamed) is estimated at the median measured one;
 * without, every function counts 1.
 */
function unitsOf(suite: readonly SuitePackage[], count: number, weights: Weights | undefined): Weighted[] {
  const known = weights ? [...weights.values()].flatMap((m) => [...m.values()]).sort((a, b) => a - b) : [];
  const typical = known.length ? known[Math.floor(known.length / 2)] : 1;
  const fnWeight = (pkg: string, fn: string) => weights?.get(pkg)?.get(fn) ?? typical;
  const pkgs = suite.map((p) => {
    const fns = p.benchmarks.map((fn) => ({ unit: { pkg: p.pkg, benchmark: fn }, weight: fnWeight(p.pkg, fn) }));
    return { pkg: p.pkg, fns, weight: fns.length ? fns.reduce((s, f) => s + f.weight, 0) : typical };
  });
  const share = pkgs.reduce((s, p) => s + p.weight, 0) / count;
  return pkgs.flatMap((p) => (p.fns.length > 1 && p.weight > share ? p.fns : [{ unit: { pkg: p.pkg }, weight: p.weight }]));
}

export interface Plan {
  /** shards[i] = the units of shard i + 1. */
  shards: ShardUnit[][];
  /** Estimated cost per shard (seconds with weights, benchmark functions without). */
  loads: number[];
  /** How the units were placed. */
  method: 'measured' | 'hash';
  suite: string;
  units: number;
}

/**
 * The whole plan. With weights: longest first into the least-loaded shard (LPT; within 4/3 of the
 * best possible slowest shard), ties broken by name so every job places alike. Without: each unit
 * to shard hash(name) mod count, which keeps a unit in its shard when others come and go.
 */
export function planShards(suite: readonly SuitePackage[], count: number, weights?: Weights): Plan {
  const seen = new Set<string>();
  const unique = [...suite]
    .filter((p) => !seen.has(p.pkg) && seen.add(p.pkg))
    .map((p) => ({ pkg: p.pkg, benchmarks: [...new Set(p.benchmarks)].sort() }))
    .sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0));
  const hasWeights = weights !== undefined && weights.size > 0;
  const units = unitsOf(unique, count, hasWeights ? weights : undefined);
  const shards: ShardUnit[][] = Array.from({ length: count }, () => []);
  const loads = new Array<number>(count).fill(0);
  if (hasWeights) {
    const order = [...units].sort((a, b) => b.weight - a.weight || (unitKey(a.unit) < unitKey(b.unit) ? -1 : 1));
    for (const u of order) {
      let best = 0;
      for (let i = 1; i < count; i++) if (loads[i] < loads[best]) best = i;
      shards[best].push(u.unit);
      loads[best] += u.weight;
    }
  } else {
    for (const u of units) {
      const i = stableHash(unitKey(u.unit)) % count;
      shards[i].push(u.unit);
      loads[i] += u.weight;
    }
  }
  for (const s of shards) s.sort((a, b) => (unitKey(a) < unitKey(b) ? -1 : 1));
  return { shards, loads, method: hasWeights ? 'measured' : 'hash', suite: suiteDigest(units.map((u) => u.unit)), units: units.length };
}

/** This job's share, as the runs and the report record it. */
export function shardInfo(req: ShardRequest, suite: readonly SuitePackage[]): ShardInfo {
  const plan = planShards(suite, req.count, req.weights);
  return { index: req.index, count: req.count, planned: plan.shards[req.index - 1], suite: plan.suite, units: plan.units, method: plan.method };
}

/**
 * What a shard selects in one package: `all` of it, the named benchmark functions only, or
 * nothing (null).
 */
export function selectionIn(info: Pick<ShardInfo, 'planned'>, pkg: string): 'all' | string[] | null {
  const mine = info.planned.filter((u) => u.pkg === pkg);
  if (mine.length === 0) return null;
  if (mine.some((u) => !u.benchmark)) return 'all';
  return mine.map((u) => u.benchmark!);
}

/** Slowest shard ÷ mean: 1 is perfect balance. */
export function imbalance(loads: readonly number[]): number {
  const mean = loads.reduce((s, x) => s + x, 0) / loads.length;
  return mean > 0 ? Math.max(...loads) / mean : 1;
}
