/**
 * Alternating rounds, benchgate's noise control when both sides run on one machine. Running all
 * of base and then all of head lets anything that drifts over minutes (thermal state, a noisy
 * neighbour, a CI host's turbo budget) land on one side only. Instead each package's base and head
 * test binaries are built once, then run one sample at a time, side by side, for R rounds; the
 * order flips every round (ABBA) so that going first or second favours neither side.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../errors.js';
import { run } from '../exec.js';
import type { Fingerprint, PackageRun, Run } from '../types.js';
import { exactBenchPattern } from './benchfuncs.js';
import { cpuFromBenchOutput, fingerprint as takeFingerprint } from './env.js';
import { defaultPackageTimeoutMs, listFailureRun } from './run.js';
import { splitGoTestFlags, testBinaryArgs, wantsProfile, type BenchSettings } from './flags.js';
import { assembleRun, collectResults, nonEmptyFile, packageSlug, type CollectedResults } from './layout.js';
import { classify, trimOutput } from './outcome.js';
import { discoverPackages, type BenchPackage, type Discovery } from './packages.js';
import { StepClock, type ProgressSink, type Side } from './progress.js';

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
  /** Rounds, i.e. samples per benchmark per side. */
  rounds: number;
  patterns?: readonly string[];
  /**
   * Re-run only these benchmarks (overrides `bench`). Their `-procs` suffixes are recognised
   * from `procs` (default: the `-cpu` list, else GOMAXPROCS).
   */
  suspects?: readonly Suspect[];
  procs?: readonly number[];
  /** More `go test` flags: build flags go to `go test -c`, test flags to the binary. */
  extraFlags?: readonly string[];
  /** Wall-clock limit per binary run (one sample of each selected benchmark). */
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
   * and names the benchmarks that still need samples; the others run no more rounds (the rule and
   * why it is safe: compare/settle.ts). Both sides always run the same benchmarks in a round.
   */
  settle?: { minRounds: number; open: (base: Run, head: Run) => Suspect[] };
}

/** One executed binary run, in the order they happened. */
export interface ExecutedStep {
  round: number;
  pkg: string;
  side: Side;
}

export interface AlternateResult {
  base: Run;
  head: Run;
  baseDir: string;
  headDir: string;
  order: ExecutedStep[];
  /** Rounds started (fewer than `rounds` when every benchmark settled early). */
  roundsRun: number;
  warnings: Warning[];
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
}

function emptyRun(pkg: BenchPackage): PackageRun {
  return { pkg: pkg.importPath, dir: pkg.relDir, status: 'ok', outputFiles: [], cpuProfiles: [], memProfiles: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');

export async function runAlternating(opts: AlternateOptions): Promise<AlternateResult> {
  const started = new Date();
  const goBin = opts.goBin ?? 'go';
  const { build: buildFlags, test: testFlags } = splitGoTestFlags(opts.extraFlags ?? []);
  const runLimitMs = opts.runTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  const buildLimitMs = opts.buildTimeoutMs ?? 10 * 60_000;
  const binDir = join(opts.outDir, 'bin');

  // Suspects pick packages and, per package, an exact -bench pattern.
  const fp = opts.fingerprint ?? (await takeFingerprint({ goBin, cwd: opts.head.dir, env: opts.env }));
  const procs = opts.procs ?? (opts.cpu ? opts.cpu.split(',').map(Number) : [fp.gomaxprocs]);
  const suspectPatterns = new Map<string, string>();
  if (opts.suspects) {
    const names = new Map<string, string[]>();
    for (const s of opts.suspects) names.set(s.pkg, [...(names.get(s.pkg) ?? []), s.name]);
    for (const [pkg, list] of names) suspectPatterns.set(pkg, exactBenchPattern(list, procs));
  }
  const benchFor = (pkg: string) => suspectPatterns.get(pkg) ?? opts.bench ?? '.';

  const sides: SideState[] = [];
  for (const side of ['base', 'head'] as const) {
    const tree = opts[side];
    const discovery = await discoverPackages({
      cwd: tree.dir,
      patterns: opts.patterns,
      bench: opts.suspects ? '.' : (opts.bench ?? '.'),
      buildFlags,
      env: opts.env,
      goBin,
    });
    if (opts.suspects) {
      discovery.packages = discovery.packages.filter((p) => suspectPatterns.has(p.importPath));
      discovery.failures = discovery.failures.filter((f) => suspectPatterns.has(f.importPath));
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
    });
  }
  const [base, head] = sides;
  const stateOf = (side: Side) => (side === 'base' ? base : head);
  const allPkgs = [...new Set([...base.byPkg.keys(), ...head.byPkg.keys()])].sort();

  // Build every test binary once.
  const builds = allPkgs.flatMap((pkg) => sides.filter((s) => s.byPkg.has(pkg)).map((s) => ({ s, pkg })));
  const buildClock = new StepClock(builds.length);
  for (const { s, pkg } of builds) {
    const p = s.byPkg.get(pkg)!;
    opts.onProgress?.({
      phase: 'build',
      pkg,
      index: allPkgs.indexOf(pkg) + 1,
      total: allPkgs.length,
      side: s.side,
      ...buildClock.next(),
    });
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

  // Rounds: per package, the two sides back to back, in an order that flips every round.
  const runnable = (s: SideState, pkg: string) => s.binaries.has(pkg) && s.runs.get(pkg)!.status === 'ok';
  let steps = 0;
  for (const pkg of allPkgs) steps += sides.filter((s) => s.binaries.has(pkg)).length * opts.rounds;
  const runClock = new StepClock(steps);
  const order: ExecutedStep[] = [];
  let firstOutput = '';
  // The -bench pattern per package for the next round; a package leaves when nothing in it is open.
  const active = new Map(allPkgs.map((pkg) => [pkg, benchFor(pkg)]));
  let roundsRun = 0;
  const envOf = (): Fingerprint => (fp.cpu ? fp : { ...fp, cpu: cpuFromBenchOutput(firstOutput) });
  for (let round = 1; round <= opts.rounds && active.size > 0; round++) {
    roundsRun = round;
    for (const [i, pkg] of allPkgs.entries()) {
      const bench = active.get(pkg);
      if (bench === undefined) continue;
      for (const side of roundOrder(round)) {
        const s = stateOf(side);
        if (!runnable(s, pkg)) continue;
        opts.onProgress?.({
          phase: 'run',
          pkg,
          index: i + 1,
          total: allPkgs.length,
          round,
          rounds: opts.rounds,
          side,
          ...runClock.next(),
        });
        const slug = packageSlug(pkg);
        await mkdir(join(s.runDir, slug), { recursive: true });
        const files = {
          out: `${slug}/round-${pad(round)}.txt`,
          cpu: `${slug}/cpu-${pad(round)}.pprof`,
          mem: `${slug}/mem-${pad(round)}.pprof`,
        };
        const r = await run(
          s.binaries.get(pkg)!,
          testBinaryArgs({
            bench,
            benchtime: opts.benchtime,
            cpu: opts.cpu,
            timeout: opts.timeout,
            extra: testFlags,
            cpuProfile: wantsProfile(opts.profiles, 'cpu') ? join(s.runDir, files.cpu) : undefined,
            memProfile: wantsProfile(opts.profiles, 'mem') ? join(s.runDir, files.mem) : undefined,
          }),
          // Its own tree's package directory: benchmarks read testdata/ relative to it.
          { cwd: s.byPkg.get(pkg)!.dir, env: opts.env, timeoutMs: runLimitMs },
        );
        order.push({ round, pkg, side });
        await writeFile(join(s.runDir, files.out), r.stdout);
        if (firstOutput === '') firstOutput = r.stdout;
        const pr = s.runs.get(pkg)!;
        pr.outputFiles.push(files.out);
        if (await nonEmptyFile(join(s.runDir, files.cpu))) pr.cpuProfiles.push(files.cpu);
        if (await nonEmptyFile(join(s.runDir, files.mem))) pr.memProfiles.push(files.mem);
        const outcome = classify(r);
        // A failure is kept with its round; later rounds of that side skip the package
        // (a failing benchmark fails again, and a timeout would cost the limit every round).
        if (outcome.status !== 'ok') {
          pr.status = outcome.status;
          pr.message = `round ${round}: ${outcome.message ?? outcome.status}`;
        }
      }
    }
    if (opts.settle && round >= opts.settle.minRounds && round < opts.rounds) {
      const [b, h] = [await snapshot(base, started, envOf()), await snapshot(head, started, envOf())];
      const open = new Map<string, string[]>();
      for (const o of opts.settle.open(b.run, h.run)) open.set(o.pkg, [...(open.get(o.pkg) ?? []), o.name]);
      for (const pkg of [...active.keys()]) {
        const names = open.get(pkg);
        if (names) active.set(pkg, exactBenchPattern(names, procs));
        else active.delete(pkg);
      }
    }
  }
  if (!opts.keepBinaries) await rm(binDir, { recursive: true, force: true });

  const env = envOf();
  const warnings: Warning[] = [];
  const finish = async (s: SideState): Promise<Run> => {
    const { run: r, collected } = await snapshot(s, started, env);
    warnings.push(...s.discovery.warnings.map((w) => ({ ...w, message: `${s.side}: ${w.message}` })), ...collected.warnings);
    return r;
  };
  return { base: await finish(base), head: await finish(head), baseDir: base.runDir, headDir: head.runDir, order, roundsRun, warnings };
}

/** A side's Run from the outputs written so far. */
async function snapshot(s: SideState, started: Date, env: Fingerprint): Promise<{ run: Run; collected: CollectedResults }> {
  const packages = [...s.runs.values()].sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0));
  const collected = await collectResults(s.runDir, packages);
  return { run: assembleRun({ commit: s.tree.commit, ref: s.tree.ref, started, env }, packages, collected), collected };
}
