/**
 * Alternating rounds in pairs, benchgate's noise control when both sides run on one machine.
 * Running all of base and then all of head lets anything that drifts over minutes (thermal state,
 * a noisy neighbour, a CI host's turbo budget) land on one side only; and on a shared host the
 * noise has a time scale of about a second, so even a package-wide round puts a base sample and its
 * head sample too far apart. The unit is therefore one leaf benchmark, one pair:
 *
 * - each package's base and head test binaries are built once;
 * - a listing run per package, side and `-cpu` value (every selected benchmark once, `1x`) names
 *   the leaves (sub-benchmark names exist only at run time);
 * - in round r, for each leaf, base and head run back to back, one process each selecting exactly
 *   that leaf at one `-cpu` value, one sample each, in an order that flips every round (ABBA) so
 *   that going first favours neither side; both samples carry `pair = r`;
 * - each of those processes writes its own CPU and memory profiles, which hold exactly that
 *   benchmark (its sub-benchmark helper, its `b.RunParallel` goroutines and its GC included);
 * - with `duet` (gotool/duet.ts), a round the guard finds the machine free for runs each pair's two
 *   processes at the same time instead, each pinned to its own half of the CPUs (`taskset -c`,
 *   GOMAXPROCS = the half's size), the halves swapping sides every round; a leaf whose `-cpu` is
 *   wider than a half, a round the guard refuses, and a pair whose CPU shares show one side starved
 *   run back to back. Each sample records how its pair was taken (BenchResult.pairing).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../errors.js';
import { run, type RunResult } from '../exec.js';
import type { Fingerprint, PackageRun, Pairing, Run } from '../types.js';
import { cpuFromBenchOutput, fingerprint as takeFingerprint } from './env.js';
import { defaultPackageTimeoutMs, listFailureRun } from './run.js';
import { splitGoTestFlags, testBinaryArgs, wantsProfile, type BenchSettings } from './flags.js';
import { assembleRun, collectResults, nonEmptyFile, packageSlug, type CollectedResults } from './layout.js';
import {
  failedBenchmarks,
  leafPattern,
  leavesFromListing,
  listingPatternFor,
  MAX_LISTING_RUNS,
  unfinishedBenchmark,
  type Leaf,
} from './leaves.js';
import {
  cpuSets,
  duetVerdict,
  findTaskset,
  readHost,
  setOf,
  starvedSide,
  usableCpus,
  watchCpu,
  type CpuShare,
  type DuetPolicy,
  type DuetVerdict,
  type HostReadings,
} from './duet.js';
import { classify, trimOutput, type Outcome } from './outcome.js';
import { discoverPackages, type BenchPackage, type Discovery } from './packages.js';
import { StepClock, type ProgressSink, type Side } from './progress.js';
import { applyShard, narrowBenchPattern } from '../shard/select.js';
import type { ShardRequest } from '../shard/plan.js';

export interface SideTree {
  /** Working directory of this side's tree (the package patterns resolve against it). */
  dir: string;
  commit?: string;
  ref?: string;
}

/** A benchmark to re-run, named as in BenchResult (`Parse/medium-2`). */
export interface Suspect {
  pkg: string;
  name: string;
}

export interface AlternateOptions extends Partial<BenchSettings> {
  base: SideTree;
  head: SideTree;
  /** Output directory; each side's run directory is `<outDir>/base` and `<outDir>/head`. */
  outDir: string;
  /** Rounds, i.e. samples (pairs) per leaf benchmark per side. */
  rounds: number;
  /**
   * Rounds a leaf may run in all when `settle` keeps it open after `rounds` (a row that could not be
   * judged earns more pairs; compare/sequential.ts); default `rounds` (no extension). The extra
   * rounds also stop once they have taken twice as long as the planned ones (`extensionTimeFactor`).
   */
  maxRounds?: number;
  /** The extension's time cap as a multiple of the planned rounds' wall time; default 2. */
  extensionTimeFactor?: number;
  patterns?: readonly string[];
  /** Of those, only these import paths (the affected selection). */
  only?: readonly string[];
  /**
   * Re-run only these benchmarks (overrides `bench`). Names are matched exactly against what the
   * listing run prints; the `-procs` readings of a name come from `procs`.
   */
  suspects?: readonly Suspect[];
  /** The `-cpu` values (default: the `cpu` list, else GOMAXPROCS). */
  procs?: readonly number[];
  /** More `go test` flags: build flags go to `go test -c`, test flags to the binary. */
  extraFlags?: readonly string[];
  /** Wall-clock limit per binary run (one sample of one leaf, or one listing run). */
  runTimeoutMs?: number;
  buildTimeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  goBin?: string;
  onProgress?: ProgressSink;
  fingerprint?: Fingerprint;
  /** Keep the test binaries in `<outDir>/bin` (by default they are deleted at the end). */
  keepBinaries?: boolean;
  /**
   * Early stopping: after each round from `minRounds` on, `open` gets both sides' results so far
   * and names the benchmarks (leaves, as in BenchResult.name) that still need samples; the others
   * run no more rounds (the rule and why it is safe: compare/settle.ts). Both sides always run the
   * same leaves in a round.
   */
  settle?: { minRounds: number; open: (base: Run, head: Run) => Suspect[] };
  /**
   * How the two samples of a pair are taken: `sequential` (back to back) or `duet` (both at once on
   * separate CPUs; the same as `duet: 'on'`). `duet` takes precedence.
   */
  pairing?: Pairing;
  /**
   * Duet pairs (gotool/duet.ts): `auto` = at once when the guard finds the machine free, `on` = at
   * once wherever the CPUs allow, `off` = back to back. Default `off` here; the front doors default
   * to DEFAULT_DUET (settings.ts). Whatever cannot run at once runs back to back, and each sample
   * records how (BenchResult.pairing).
   */
  duet?: DuetPolicy;
  /** The guard's host readings (default: readHost); tests force each branch with their own. */
  hostReadings?: () => Promise<HostReadings>;
  /** The starvation rule for a duet pair (default: starvedSide); tests force a redo with their own. */
  starvedSide?: typeof starvedSide;
  /** The taskset binary; null runs duets unpinned; default: found on PATH (Linux). */
  taskset?: string | null;
  /** Measure only this shard of the suite (src/shard/), planned over both sides' packages; not with `suspects`. */
  shard?: ShardRequest;
  /**
   * Test binaries an earlier run built from these same two trees (import path → file, per side):
   * used as they are instead of building again (a package without one is built).
   */
  prebuilt?: { base?: ReadonlyMap<string, string>; head?: ReadonlyMap<string, string> };
  /**
   * Diagnostic runs (src/diagnose/): each sample runs `-test.benchtime=<N>x` with N from
   * `iterations` (the leaf's measured b.N; the usual benchtime where it gives none), under
   * `GODEBUG=gctrace=1` with an execution trace, and without a memory profile (writing one calls
   * runtime.GC() after the timed run, a cycle that is not the benchmark's). The standard error
   * and the trace are kept beside the sample (AlternateResult.diagnostics).
   */
  diagnostic?: { iterations: (side: Side, pkg: string, name: string) => number | undefined };
}

/** The files of one diagnostic sample (absolute paths). */
export interface DiagnosticFiles {
  side: Side;
  pkg: string;
  /** The leaf, as in BenchResult.name. */
  benchmark: string;
  /** Its -test.cpu value (GOMAXPROCS). */
  procs: number;
  output: string;
  stderr: string;
  trace: string;
  /** Absent when no CPU profile was written. */
  cpuProfile?: string;
}

/** One executed measurement (one leaf, one side), in the order they happened. */
export interface ExecutedStep {
  round: number;
  pkg: string;
  /** The leaf, as in BenchResult.name. */
  benchmark: string;
  side: Side;
  /** How this sample was taken: alone, or as one side of a duet. */
  pairing?: Pairing;
  /** When its process started and ended (epoch ms): a duet's two sides overlap. */
  startMs?: number;
  endMs?: number;
  /** The CPUs a duet side was pinned to (absent when unpinned). */
  cpus?: number[];
}

export interface AlternateResult {
  base: Run;
  head: Run;
  baseDir: string;
  headDir: string;
  order: ExecutedStep[];
  /** Rounds started (fewer than `rounds` when every benchmark settled early; more when some earned extra pairs). */
  roundsRun: number;
  /** Set when the extension's time cap ended it before `maxRounds`. */
  extensionCut?: { afterRound: number; openLeaves: number };
  warnings: Warning[];
  /** The test binaries per side (import path → file), when `keepBinaries` kept them. */
  binaries?: { base: Map<string, string>; head: Map<string, string> };
  /** One entry per diagnostic sample, with `diagnostic`. */
  diagnostics?: DiagnosticFiles[];
}

/** Sides in round `round` (1-based): base first in odd rounds, head first in even ones. */
export function roundOrder(round: number): [Side, Side] {
  return round % 2 === 1 ? ['base', 'head'] : ['head', 'base'];
}

interface SideState {
  side: Side;
  tree: SideTree;
  runDir: string;
  discovery: Discovery;
  byPkg: Map<string, BenchPackage>;
  /** Package runs by import path, filled as work proceeds. */
  runs: Map<string, PackageRun>;
  binaries: Map<string, string>;
  /** Leaves per package, found by the listing runs. */
  leaves: Map<string, Leaf[]>;
  /** `pkg\0name` of leaves that failed on this side: skipped in later rounds. */
  failed: Set<string>;
  /** Output file (relative) → the pair its results belong to. */
  pairOf: Map<string, number>;
  /** Output file (relative) → how its pair was taken. */
  pairingOf: Map<string, Pairing>;
}

function emptyRun(pkg: BenchPackage): PackageRun {
  return { pkg: pkg.importPath, dir: pkg.relDir, status: 'ok', outputFiles: [], cpuProfiles: [], memProfiles: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');
const leafKey = (pkg: string, name: string) => `${pkg}\u0000${name}`;

/** At most this many failures are spelled out in one package's message. */
const MAX_FAILURE_MESSAGES = 5;

/**
 * Records failures on package runs: the first one sets the status; each one (up to a few) adds its
 * own paragraph naming where it happened, so one failing leaf does not hide another.
 */
function failureRecorder() {
  const counts = new Map<PackageRun, number>();
  return (pr: PackageRun, status: Outcome['status'], where: string, message: string | undefined): void => {
    const text = `${where}: ${message ?? status}`;
    const count = (counts.get(pr) ?? 0) + 1;
    counts.set(pr, count);
    if (count === 1) {
      pr.status = status;
      pr.message = text;
    } else if (count <= MAX_FAILURE_MESSAGES) pr.message = `${pr.message}\n\n${text}`;
    else if (count === MAX_FAILURE_MESSAGES + 1) pr.message = `${pr.message}\n\n(more failures left out)`;
  };
}

export async function runAlternating(opts: AlternateOptions): Promise<AlternateResult> {
  const started = new Date();
  const goBin = opts.goBin ?? 'go';
  const { build: buildFlags, test: testFlags } = splitGoTestFlags(opts.extraFlags ?? []);
  const runLimitMs = opts.runTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  const buildLimitMs = opts.buildTimeoutMs ?? 10 * 60_000;
  const binDir = join(opts.outDir, 'bin');
  const warnings: Warning[] = [];
  const recordFailure = failureRecorder();

  const fp = opts.fingerprint ?? (await takeFingerprint({ goBin, cwd: opts.head.dir, env: opts.env }));
  // Every listing and every measurement names its -cpu value, so a leaf's printed suffix is exact.
  const procs = opts.procs ?? (opts.cpu ? opts.cpu.split(',').map((c) => Number(c.trim())) : [fp.gomaxprocs]);
  const suspectNames = new Map<string, Set<string>>();
  for (const s of opts.suspects ?? []) suspectNames.set(s.pkg, (suspectNames.get(s.pkg) ?? new Set()).add(s.name));
  const listingPattern = (pkg: string, only: string[] | undefined) =>
    opts.suspects
      ? listingPatternFor([...(suspectNames.get(pkg) ?? [])], procs)
      : only
        ? narrowBenchPattern(opts.bench ?? '.', only)
        : (opts.bench ?? '.');

  const sides: SideState[] = [];
  for (const side of ['base', 'head'] as const) {
    const tree = opts[side];
    const discovery = await discoverPackages({
      cwd: tree.dir,
      patterns: opts.patterns,
      only: opts.only,
      bench: opts.suspects ? '.' : (opts.bench ?? '.'),
      buildFlags,
      env: opts.env,
      goBin,
    });
    if (opts.suspects) {
      discovery.packages = discovery.packages.filter((p) => suspectNames.has(p.importPath));
      discovery.failures = discovery.failures.filter((f) => suspectNames.has(f.importPath));
    }
    const runDir = join(opts.outDir, side);
    await mkdir(runDir, { recursive: true });
    sides.push({
      side,
      tree,
      runDir,
      discovery,
      byPkg: new Map(discovery.packages.map((p) => [p.importPath, p])),
      runs: new Map(discovery.failures.map((f) => [f.importPath, listFailureRun(f)])),
      binaries: new Map(),
      leaves: new Map(),
      failed: new Set(),
      pairOf: new Map(),
      pairingOf: new Map(),
    });
  }
  const shard = opts.shard && !opts.suspects ? applyShard(opts.shard, sides.map((s) => s.discovery)) : undefined;
  if (shard) {
    for (const s of sides) {
      s.byPkg = new Map(s.discovery.packages.map((p) => [p.importPath, p]));
      s.runs = new Map(s.discovery.failures.map((f) => [f.importPath, listFailureRun(f)]));
    }
  }
  const [base, head] = sides;
  const stateOf = (side: Side) => (side === 'base' ? base : head);
  const allPkgs = [...new Set([...base.byPkg.keys(), ...head.byPkg.keys()])].sort();
  const indexOf = (pkg: string) => allPkgs.indexOf(pkg) + 1;

  // Build every test binary once.
  const builds = allPkgs.flatMap((pkg) => sides.filter((s) => s.byPkg.has(pkg)).map((s) => ({ s, pkg })));
  const toBuild: typeof builds = [];
  for (const b of builds) {
    const prebuilt = opts.prebuilt?.[b.s.side]?.get(b.pkg);
    if (prebuilt && (await nonEmptyFile(prebuilt))) {
      b.s.binaries.set(b.pkg, prebuilt);
      b.s.runs.set(b.pkg, emptyRun(b.s.byPkg.get(b.pkg)!));
    } else toBuild.push(b);
  }
  const buildClock = new StepClock(toBuild.length);
  for (const { s, pkg } of toBuild) {
    const p = s.byPkg.get(pkg)!;
    opts.onProgress?.({ phase: 'build', pkg, index: indexOf(pkg), total: allPkgs.length, side: s.side, ...buildClock.next() });
    const binary = join(binDir, s.side, `${packageSlug(pkg)}.test`);
    await mkdir(join(binDir, s.side), { recursive: true });
    const r = await run(goBin, ['test', '-c', '-o', binary, ...buildFlags, '.'], {
      cwd: p.dir,
      env: opts.env,
      timeoutMs: buildLimitMs,
    });
    const pr = emptyRun(p);
    if (r.code !== 0 || r.timedOut || !(await nonEmptyFile(binary))) {
      pr.status = r.timedOut ? 'timeout' : 'build-failed';
      pr.message = trimOutput(`${r.stderr}\n${r.stdout}`.trim()) || 'go test -c wrote no test binary';
    } else {
      s.binaries.set(pkg, binary);
    }
    s.runs.set(pkg, pr);
  }

  // Listing runs: one per package, side and -cpu value, every selected benchmark once (1x).
  let firstOutput = '';
  const listings = builds.filter(({ s, pkg }) => s.binaries.has(pkg));
  const listClock = new StepClock(listings.length * procs.length);
  const userSkips = testFlags.some((f) => /^-test\.skip(=|$)/.test(f));
  for (const { s, pkg } of listings) {
    const slug = packageSlug(pkg);
    await mkdir(join(s.runDir, slug), { recursive: true });
    const pr = s.runs.get(pkg)!;
    const wanted = suspectNames.get(pkg);
    const leaves: Leaf[] = [];
    let outcome: Outcome | undefined;
    for (const cpu of procs) {
      // A benchmark that crashes the listing run (a panic, a hang) takes the leaves after it
      // along; list again skipping it (-test.skip, unless the user set their own), a few times.
      // -test.v makes Go print each benchmark's name (without -procs) before it starts, so the
      // last name printed is the one that crashed, even where the plain output has none yet.
      const skips: string[] = [];
      for (let attempt = 1; ; attempt++) {
        opts.onProgress?.({ phase: 'list', pkg, index: indexOf(pkg), total: allPkgs.length, side: s.side, ...listClock.next() });
        const skip = skips.length > 0 ? [`-test.skip=${skips.join('|')}`] : [];
        const r = await run(
          s.binaries.get(pkg)!,
          testBinaryArgs({ bench: listingPattern(pkg, s.byPkg.get(pkg)!.only), benchtime: '1x', cpu: String(cpu), timeout: opts.timeout, extra: [...testFlags, '-test.v', ...skip] }),
          { cwd: s.byPkg.get(pkg)!.dir, env: opts.env, timeoutMs: runLimitMs },
        );
        // Kept beside the samples for whoever debugs a run, but not an output file: 1x is no sample.
        await writeFile(join(s.runDir, slug, `list-cpu${cpu}${attempt > 1 ? `-${attempt}` : ''}.txt`), r.stdout);
        if (firstOutput === '') firstOutput = r.stdout;
        for (const leaf of leavesFromListing(r.stdout, cpu)) {
          if ((!wanted || wanted.has(leaf.name)) && !leaves.some((l) => l.name === leaf.name)) leaves.push(leaf);
        }
        outcome = classify(r);
        if (outcome.status === 'ok' || outcome.status === 'no-benchmarks') break;
        const names = failedBenchmarks(r.stdout, r.stderr);
        const which = names.length > 0 ? `, benchmark ${names.join(', ')}` : '';
        recordFailure(pr, outcome.status, `listing run (-cpu ${cpu}), ${s.side}${which}`, outcome.message);
        const crashed = unfinishedBenchmark(r.stdout, r.stderr);
        if (crashed === undefined || userSkips || attempt >= MAX_LISTING_RUNS) break;
        skips.push(leafPattern(crashed));
        listClock.addStep();
      }
    }
    s.leaves.set(pkg, leaves);
    if (leaves.length === 0 && pr.status === 'ok') {
      pr.status = 'no-benchmarks';
      pr.message = outcome?.message ?? 'no benchmark matched the -bench pattern';
    }
  }

  // Per package, the leaves of both sides: base's in listing order, then those only head has.
  const leavesOf = new Map<string, Leaf[]>();
  for (const pkg of allPkgs) {
    const union = [...(base.leaves.get(pkg) ?? [])];
    for (const leaf of head.leaves.get(pkg) ?? []) if (!union.some((l) => l.name === leaf.name)) union.push(leaf);
    leavesOf.set(pkg, union);
  }
  const has = (s: SideState, pkg: string, name: string) =>
    (s.leaves.get(pkg) ?? []).some((l) => l.name === name) && !s.failed.has(leafKey(pkg, name));

  // Rounds: per leaf, the two sides back to back, in an order that flips every round.
  const active = new Set(allPkgs.flatMap((pkg) => leavesOf.get(pkg)!.map((l) => leafKey(pkg, l.name))));
  let steps = 0;
  for (const pkg of allPkgs) for (const l of leavesOf.get(pkg)!) steps += sides.filter((s) => has(s, pkg, l.name)).length * opts.rounds;
  const runClock = new StepClock(steps);
  const order: ExecutedStep[] = [];
  const diagnostics: DiagnosticFiles[] = [];
  let roundsRun = 0;
  const envOf = (): Fingerprint => (fp.cpu ? fp : { ...fp, cpu: cpuFromBenchOutput(firstOutput) });
  // Extra rounds only where a settle rule says which leaves still need them.
  const maxRounds = opts.settle ? Math.max(opts.rounds, opts.maxRounds ?? opts.rounds) : opts.rounds;

  // Duet pairs (gotool/duet.ts): the CPU sets, the guard's readings, and what fell back and why.
  const policy: DuetPolicy = opts.duet ?? (opts.pairing === 'duet' ? 'on' : 'off');
  const cpuIds = policy === 'off' ? [] : await usableCpus();
  const duet = {
    policy,
    sets: policy === 'off' ? ([[], []] as [number[], number[]]) : cpuSets(cpuIds),
    taskset: policy === 'off' ? undefined : opts.taskset === null ? undefined : (opts.taskset ?? (await findTaskset(opts.env))),
    readings: opts.hostReadings ?? (async () => ({ ...(await readHost()), cpus: cpuIds.length })),
    starved: opts.starvedSide ?? starvedSide,
    refusedRounds: 0,
    lastRefusal: undefined as string | undefined,
    tooWide: new Set<string>(),
    redone: [] as string[],
    duetPairs: 0,
    sequentialPairs: 0,
  };
  const pinned = duet.taskset !== undefined && cpuIds.length >= 2;
  // Where no leaf fits half the CPUs (Go's default -cpu is all of them), the guard is not asked.
  const duetable = [...leavesOf.values()].some((ls) => ls.some((l) => l.cpu <= duet.sets[0].length));

  interface Execution {
    side: Side;
    pkg: string;
    leaf: Leaf;
    round: number;
    files: { out: string; cpu: string; mem: string };
    r: RunResult;
    outcome: Outcome;
    share?: CpuShare;
    cpus?: number[];
  }
  /** Runs one sample (one leaf, one side, one round); `cpus` runs it as one side of a duet. */
  const execute = async (side: Side, pkg: string, leaf: Leaf, round: number, cpus?: number[]): Promise<Execution> => {
    const s = stateOf(side);
    opts.onProgress?.({
      phase: 'run',
      pkg,
      benchmark: leaf.name,
      index: indexOf(pkg),
      total: allPkgs.length,
      round,
      rounds: round > opts.rounds ? maxRounds : opts.rounds,
      side,
      ...runClock.next(),
    });
    const dir = `${packageSlug(pkg)}/${packageSlug(leaf.name)}`;
    await mkdir(join(s.runDir, dir), { recursive: true });
    const files = { out: `${dir}/round-${pad(round)}.txt`, cpu: `${dir}/cpu-${pad(round)}.pprof`, mem: `${dir}/mem-${pad(round)}.pprof` };
    const diag = opts.diagnostic;
    const iterations = diag?.iterations(side, pkg, leaf.name);
    const trace = join(s.runDir, `${dir}/trace-${pad(round)}.out`);
    // Profiles in every round: measured (bench/pair-overhead.mjs) at a few ms per process,
    // and every sample then runs under the same conditions, profiler included.
    const args = testBinaryArgs({
      bench: leaf.pattern,
      benchtime: iterations ? `${iterations}x` : opts.benchtime,
      cpu: String(leaf.cpu),
      timeout: opts.timeout,
      extra: diag ? [...testFlags, `-test.trace=${trace}`] : testFlags,
      cpuProfile: wantsProfile(opts.profiles, 'cpu') ? join(s.runDir, files.cpu) : undefined,
      memProfile: wantsProfile(opts.profiles, 'mem') && !diag ? join(s.runDir, files.mem) : undefined,
    });
    const binary = s.binaries.get(pkg)!;
    // A duet side: pinned to its CPU set where taskset exists, its runtime limited to the set's size.
    const useTaskset = cpus && pinned ? duet.taskset : undefined;
    let watch: ReturnType<typeof watchCpu> | undefined;
    const baseEnv = opts.env ?? process.env;
    const env = diag ? { ...baseEnv, GODEBUG: baseEnv.GODEBUG ? `${baseEnv.GODEBUG},gctrace=1` : 'gctrace=1' } : opts.env;
    const r = await run(useTaskset ?? binary, useTaskset ? ['-c', cpus!.join(','), binary, ...args] : args, {
      // Its own tree's package directory: benchmarks read testdata/ relative to it.
      cwd: s.byPkg.get(pkg)!.dir,
      env: cpus ? { ...(env ?? process.env), GOMAXPROCS: String(cpus.length) } : env,
      timeoutMs: runLimitMs,
      onSpawn: cpus ? (pid) => (watch = watchCpu(pid, Date.now())) : undefined,
    });
    const share = watch?.stop();
    if (diag) {
      const stderr = join(s.runDir, `${dir}/gctrace-${pad(round)}.txt`);
      await writeFile(stderr, r.stderr);
      const cpuProfile = wantsProfile(opts.profiles, 'cpu') ? join(s.runDir, files.cpu) : undefined;
      diagnostics.push({ side, pkg, benchmark: leaf.name, procs: leaf.cpu, output: join(s.runDir, files.out), stderr, trace, cpuProfile });
    }
    order.push({
      round,
      pkg,
      benchmark: leaf.name,
      side,
      pairing: cpus ? 'duet' : 'sequential',
      startMs: r.startedAtMs,
      endMs: r.endedAtMs,
      ...(cpus && useTaskset ? { cpus } : {}),
    });
    return { side, pkg, leaf, round, files, r, outcome: classify(r), share, cpus };
  };
  const starvedOf = (a: Execution, b: Execution) => {
    const [x, y] = a.side === 'base' ? [a, b] : [b, a];
    return duet.starved(x.share, y.share, duet.sets[0].length, pinned);
  };
  /** Keeps a sample: its output, its profiles, its pair and how the pair was taken, or its failure. */
  const record = async (e: Execution, pairing: Pairing): Promise<void> => {
    const s = stateOf(e.side);
    const { files, r, outcome } = e;
    if (e.side === 'head' && pairing === 'duet') duet.duetPairs++;
    else if (e.side === 'head') duet.sequentialPairs++;
    await writeFile(join(s.runDir, files.out), r.stdout);
    const pr = s.runs.get(e.pkg)!;
    if (!pr.outputFiles.includes(files.out)) pr.outputFiles.push(files.out);
    s.pairOf.set(files.out, e.round);
    s.pairingOf.set(files.out, pairing);
    if (wantsProfile(opts.profiles, 'cpu') || wantsProfile(opts.profiles, 'mem')) {
      const mine = ((pr.benchmarkProfiles ??= {})[e.leaf.name] ??= { cpu: [], mem: [] });
      // Also listed package-wide: together they are a package profile, split by stack as before.
      // A pair measured again writes the same files: listed once.
      if ((await nonEmptyFile(join(s.runDir, files.cpu))) && !mine.cpu.includes(files.cpu)) {
        mine.cpu.push(files.cpu);
        pr.cpuProfiles.push(files.cpu);
      }
      if ((await nonEmptyFile(join(s.runDir, files.mem))) && !mine.mem.includes(files.mem)) {
        mine.mem.push(files.mem);
        pr.memProfiles.push(files.mem);
      }
    }
    // A failure is kept with its round, side and leaf; later rounds of that side skip the leaf
    // (a failing benchmark fails again, and a timeout would cost the limit every round).
    if (outcome.status !== 'ok') {
      s.failed.add(leafKey(e.pkg, e.leaf.name));
      const message = outcome.status === 'no-benchmarks' ? 'no result, though the listing run found this benchmark' : outcome.message;
      recordFailure(pr, outcome.status === 'no-benchmarks' ? 'bench-failed' : outcome.status, `round ${e.round}, ${e.side}, benchmark ${e.leaf.name}`, message);
    }
  };

  const roundsStarted = Date.now();
  let plannedMs = 0;
  let extensionCut: AlternateResult['extensionCut'];
  for (let round = 1; round <= maxRounds && active.size > 0; round++) {
    if (round === opts.rounds + 1) plannedMs = Date.now() - roundsStarted;
    // The extension's time cap: rows left undecided stay so (and say so) rather than hold the job.
    if (round > opts.rounds && Date.now() - roundsStarted >= plannedMs * (1 + (opts.extensionTimeFactor ?? 2))) {
      extensionCut = { afterRound: round - 1, openLeaves: active.size };
      warnings.push({
        message: `the extra pairs for ${active.size} undecided benchmark(s) stopped after round ${round - 1}: their time cap (${opts.extensionTimeFactor ?? 2}× the planned rounds) ran out`,
      });
      break;
    }
    roundsRun = round;
    // Extra rounds were not in the plan the clock started with: count each one's steps as it
    // begins, or the estimate of what is left goes below zero ("about -8s left").
    if (round > opts.rounds) {
      for (const pkg of allPkgs) {
        for (const l of leavesOf.get(pkg)!) {
          if (active.has(leafKey(pkg, l.name))) runClock.addStep(sides.filter((s) => has(s, pkg, l.name)).length);
        }
      }
    }
    // The guard, once per round: a busy host runs this round's pairs back to back.
    let roundDuet: DuetVerdict = { ok: false };
    if (duet.policy !== 'off' && duetable) {
      const readings = await duet.readings();
      roundDuet = duetVerdict(readings, duet.sets[0].length, duet.policy);
      if (!roundDuet.ok) {
        duet.refusedRounds++;
        duet.lastRefusal = roundDuet.reason;
      }
    }
    for (const pkg of allPkgs) {
      for (const leaf of leavesOf.get(pkg)!) {
        if (!active.has(leafKey(pkg, leaf.name))) continue;
        const present = roundOrder(round).filter((side) => has(stateOf(side), pkg, leaf.name));
        const fits = leaf.cpu <= duet.sets[0].length;
        if (duet.policy === 'on' && duet.sets[0].length > 0 && !fits) duet.tooWide.add(`${pkg} ${leaf.name}`);
        if (roundDuet.ok && fits && present.length === 2) {
          // Both sides at once, each on its own CPU set; the sets swap sides every round.
          const pin = (side: Side) => duet.sets[setOf(side, round)];
          const [a, b] = await Promise.all(present.map((side) => execute(side, pkg, leaf, round, pin(side))));
          const starved = starvedOf(a, b);
          if (starved && a.outcome.status === 'ok' && b.outcome.status === 'ok') {
            // One side lost CPU the other did not: its ratio would be biased. Measure the pair again, back to back.
            duet.redone.push(`${leaf.name} round ${round} (${starved} starved)`);
            runClock.addStep();
            runClock.addStep();
            for (const side of present) await record(await execute(side, pkg, leaf, round), 'sequential');
          } else {
            await record(a, 'duet');
            await record(b, 'duet');
          }
          continue;
        }
        for (const side of present) await record(await execute(side, pkg, leaf, round), 'sequential');
      }
    }
    if (opts.settle && round >= opts.settle.minRounds && round < maxRounds) {
      const [b, h] = [await snapshot(base, started, envOf()), await snapshot(head, started, envOf())];
      const open = new Set(opts.settle.open(b.run, h.run).map((o) => leafKey(o.pkg, o.name)));
      for (const key of [...active]) if (!open.has(key)) active.delete(key);
    }
  }
  if (!opts.keepBinaries) await rm(binDir, { recursive: true, force: true });
  const binaries = opts.keepBinaries ? { base: base.binaries, head: head.binaries } : undefined;
  warnings.push(...duetWarnings(duet, roundsRun));

  const env = envOf();
  const finish = async (s: SideState): Promise<Run> => {
    const { run: r, collected } = await snapshot(s, started, env);
    warnings.push(...s.discovery.warnings.map((w) => ({ ...w, message: `${s.side}: ${w.message}` })), ...collected.warnings);
    return shard ? { ...r, shard } : r;
  };
  return {
    base: await finish(base),
    head: await finish(head),
    baseDir: base.runDir,
    headDir: head.runDir,
    order,
    roundsRun,
    extensionCut,
    warnings,
    binaries,
    ...(opts.diagnostic ? { diagnostics } : {}),
  };
}

/** A side's Run from the outputs written so far: every sample carries its pair (its round). */
async function snapshot(s: SideState, started: Date, env: Fingerprint): Promise<{ run: Run; collected: CollectedResults }> {
  const packages = [...s.runs.values()].sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0));
  const collected = await collectResults(s.runDir, packages);
  for (const r of collected.results) {
    const pair = r.source ? s.pairOf.get(r.source.file) : undefined;
    if (pair !== undefined) r.pair = pair;
    const pairing = r.source ? s.pairingOf.get(r.source.file) : undefined;
    if (pairing !== undefined) r.pairing = pairing;
  }
  const run = assembleRun({ commit: s.tree.commit, ref: s.tree.ref, started, env }, packages, collected);
  // `duet` when any pair was taken at once; each sample says how its own pair was.
  const pairing: Pairing = [...s.pairingOf.values()].includes('duet') ? 'duet' : 'sequential';
  return { run: { ...run, pairing }, collected };
}

/** What a duet run says about the pairs it could not take at once (none when duet was off). */
function duetWarnings(
  d: { policy: DuetPolicy; sets: [number[], number[]]; taskset?: string; refusedRounds: number; lastRefusal?: string; tooWide: Set<string>; redone: string[]; duetPairs: number; sequentialPairs: number },
  roundsRun: number,
): Warning[] {
  if (d.policy === 'off') return [];
  const out: Warning[] = [];
  const how = d.taskset ? `pinned to CPUs ${d.sets[0].join(',')} | ${d.sets[1].join(',')}` : 'unpinned';
  if (d.refusedRounds > 0) {
    out.push({
      message: `duet: ${d.refusedRounds} of ${roundsRun} round(s) ran their pairs back to back: the machine was not free (last: ${d.lastRefusal})`,
    });
  }
  if (d.tooWide.size > 0) {
    const names = [...d.tooWide].slice(0, 3).join('; ');
    out.push({
      message: `duet: ${d.tooWide.size} benchmark(s) run at a -cpu value above half the CPUs (${d.sets[0].length} a side) ran back to back: ${names}${d.tooWide.size > 3 ? '; …' : ''}`,
    });
  }
  if (d.redone.length > 0) {
    out.push({ message: `duet: ${d.redone.length} pair(s) measured again back to back after one side was starved of CPU: ${d.redone.slice(0, 3).join('; ')}${d.redone.length > 3 ? '; …' : ''}` });
  }
  if (d.duetPairs > 0 && out.length > 0) out.push({ message: `duet: ${d.duetPairs} pair(s) taken at once (${how}), ${d.sequentialPairs} back to back` });
  return out;
}
