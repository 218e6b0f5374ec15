/**
 * Joining the parts of a sharded suite, pure: whether they cover the plan exactly once, and the one
 * Run their samples make. The comparison, FDR and the gate then run on the merged runs as on any
 * other (pipeline.ts), so the family of tests is the whole suite, never one shard's.
 */
import type { PackageRun, Run, ShardInfo } from '../types.js';
import { selectionIn, topLevelOf, unitKey, unitLabel } from './plan.js';

/** A part as found: where it came from (a directory or an artifact name) and its shard. */
export interface PartShard {
  source: string;
  shard: ShardInfo | undefined;
}

export interface Coverage {
  /** Shards of the plan: the parts' count (0 when no part says). */
  count: number;
  /** 1-based indexes of the shards with no part. */
  missing: number[];
  /** What keeps the parts from covering the plan exactly once, one line each (missing shards included). */
  problems: string[];
}

/** Checks that the parts are the n shards of one plan, each once, and that their units add up to it. */
export function checkCoverage(parts: readonly PartShard[]): Coverage {
  const problems: string[] = [];
  const sharded = parts.filter((p): p is PartShard & { shard: ShardInfo } => p.shard !== undefined);
  for (const p of parts) if (!p.shard) problems.push(`${p.source}: not a shard's result (its run.json names no shard)`);
  if (sharded.length === 0) return { count: 0, missing: [], problems: problems.length ? problems : ['no shard results to merge'] };
  const first = sharded[0].shard;
  const count = first.count;
  const byIndex = new Map<number, string>();
  for (const { source, shard } of sharded) {
    const name = `shard ${shard.index}/${shard.count}`;
    if (shard.count !== count) problems.push(`${source}: ${name} belongs to a plan of ${shard.count} shards, the others to ${count}`);
    else if (shard.suite !== first.suite || shard.units !== first.units) {
      problems.push(`${source}: ${name} was planned from another suite than ${sharded[0].source} (the jobs saw different code or baselines)`);
    } else if (byIndex.has(shard.index)) problems.push(`${name} appears twice: ${byIndex.get(shard.index)} and ${source}`);
    byIndex.set(shard.index, byIndex.get(shard.index) ?? source);
  }
  const missing: number[] = [];
  for (let i = 1; i <= count; i++) {
    if (!byIndex.has(i)) {
      missing.push(i);
      problems.push(`shard ${i}/${count}: no result (the job failed, was cancelled, or did not upload its part)`);
    }
  }
  // The units of distinct shards must not overlap, and all of them must make the plan's number.
  const owner = new Map<string, number>();
  for (const { shard } of sharded) {
    for (const u of shard.planned) {
      const had = owner.get(unitKey(u));
      if (had !== undefined && had !== shard.index) problems.push(`${unitLabel(u)} is planned in shard ${had} and shard ${shard.index}`);
      owner.set(unitKey(u), shard.index);
    }
  }
  if (missing.length === 0 && problems.length === 0 && owner.size !== first.units) {
    problems.push(`the shards plan ${owner.size} units, the suite has ${first.units}`);
  }
  return { count, missing, problems };
}

/** Keeps what a shard planned of a run (a stored baseline measured whole): its results and packages. */
export function restrictRun(run: Run, shard: ShardInfo): Run {
  const keep = (pkg: string, name: string) => {
    const sel = selectionIn(shard, pkg);
    return sel === 'all' || (sel !== null && sel.includes(topLevelOf(name)));
  };
  const packages = run.packages
    .filter((p) => selectionIn(shard, p.pkg) !== null)
    .map((p) => {
      if (!p.benchmarkProfiles || selectionIn(shard, p.pkg) === 'all') return p;
      const mine = Object.entries(p.benchmarkProfiles).filter(([name]) => keep(p.pkg, name));
      return { ...p, benchmarkProfiles: Object.fromEntries(mine) };
    });
  return { ...run, packages, results: run.results.filter((r) => keep(r.pkg, r.name)), shard };
}

const STATUS_RANK: Record<PackageRun['status'], number> = { 'build-failed': 4, timeout: 3, 'bench-failed': 2, ok: 1, 'no-benchmarks': 0 };

/** Every path of a package run under `prefix/` (the part's files are copied there). */
function prefixed(p: PackageRun, prefix: string): PackageRun {
  const under = (files: string[]) => files.map((f) => `${prefix}/${f}`);
  const bp = p.benchmarkProfiles
    ? Object.fromEntries(Object.entries(p.benchmarkProfiles).map(([k, v]) => [k, { cpu: under(v.cpu), mem: under(v.mem) }]))
    : undefined;
  return {
    ...p,
    outputFiles: under(p.outputFiles),
    cpuProfiles: under(p.cpuProfiles),
    memProfiles: under(p.memProfiles),
    ...(bp ? { benchmarkProfiles: bp } : {}),
  };
}

/** Two shards' runs of one package (the plan split it by benchmark): the worse status, all files. */
function joinPackage(a: PackageRun, b: PackageRun): PackageRun {
  const worse = STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a;
  const message = [a.message, b.message].filter(Boolean).join('\n') || undefined;
  const bp = a.benchmarkProfiles || b.benchmarkProfiles ? { ...a.benchmarkProfiles, ...b.benchmarkProfiles } : undefined;
  return {
    ...a,
    status: worse.status,
    ...(message ? { message } : {}),
    outputFiles: [...a.outputFiles, ...b.outputFiles],
    cpuProfiles: [...a.cpuProfiles, ...b.cpuProfiles],
    memProfiles: [...a.memProfiles, ...b.memProfiles],
    ...(bp ? { benchmarkProfiles: bp } : {}),
  };
}

/**
 * One Run from the shards' runs of one side, each with the directory prefix its files were copied
 * under. Results are the union (the plan gives each benchmark to one shard); the environment and
 * the commit are the first part's, and `warnings` says where the parts disagree.
 */
export function mergeRuns(parts: readonly { run: Run; prefix: string }[]): { run: Run; warnings: string[] } {
  if (parts.length === 0) throw new Error('mergeRuns: no parts');
  const warnings: string[] = [];
  const [first] = parts;
  const packages = new Map<string, PackageRun>();
  for (const { run, prefix } of parts) {
    if (run.commit !== first.run.commit) warnings.push(`${prefix} measured commit ${run.commit.slice(0, 7) || '?'}, ${first.prefix} ${first.run.commit.slice(0, 7) || '?'}`);
    for (const p of run.packages) {
      const mine = prefixed(p, prefix);
      const had = packages.get(p.pkg);
      packages.set(p.pkg, had ? joinPackage(had, mine) : mine);
    }
  }
  const pairings = parts.map((p) => p.run.pairing);
  const pairing = pairings.every((x) => x !== undefined) ? (pairings.includes('duet') ? 'duet' : 'sequential') : undefined;
  const run: Run = {
    schema: 1,
    commit: first.run.commit,
    ref: first.run.ref,
    time: parts.map((p) => p.run.time).sort()[0],
    env: first.run.env,
    packages: [...packages.values()].sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0)),
    results: parts.flatMap((p) => p.run.results),
    units: Object.assign({}, ...parts.map((p) => p.run.units)),
    incomplete: parts.some((p) => p.run.incomplete),
    ...(pairing ? { pairing } : {}),
    ...(first.run.pairPlan ? { pairPlan: first.run.pairPlan } : {}),
  };
  return { run, warnings };
}
