/**
 * Running one side: one `go test` per package, because CPU and memory profiles cannot be taken
 * for several packages in one invocation. Each runs in its package's directory (benchmarks read
 * `testdata/` relative to it) and writes its output and profiles into the run directory; the test
 * binary goes there too (`-o`), never into the user's tree, and is deleted afterwards.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Warning } from '../errors.js';
import { run } from '../exec.js';
import type { Fingerprint, PackageRun, Run } from '../types.js';
import { fingerprint as takeFingerprint } from './env.js';
import { goDurationMs, goTestArgs, splitGoTestFlags, wantsProfile, type BenchSettings } from './flags.js';
import { assembleRun, collectResults, nonEmptyFile, packageSlug } from './layout.js';
import { classify } from './outcome.js';
import { discoverPackages, type ListFailure } from './packages.js';
import { StepClock, type ProgressSink } from './progress.js';
import { applyShard, narrowBenchPattern } from '../shard/select.js';
import type { ShardRequest } from '../shard/plan.js';

export interface SuiteOptions extends Partial<BenchSettings> {
  /** Working directory the package patterns resolve against (usually the module root). */
  cwd: string;
  /** Run directory (absolute); created if missing. */
  outDir: string;
  /** Package patterns, default `./...`. */
  patterns?: readonly string[];
  /** Of those, only these import paths (the affected selection). */
  only?: readonly string[];
  /** `-count`, samples per benchmark (default 10: benchstat wants at least 6 for an interval). */
  count?: number;
  /** More `go test` flags (e.g. `-tags=x`); flags benchgate sets itself are refused. */
  extraFlags?: readonly string[];
  /**
   * Wall-clock limit per package, build included. The test binary's `-timeout` alarm is stopped
   * before benchmarks start (package testing, seen with Go 1.26), so this limit is what stops a
   * runaway benchmark. Default: `timeout`
   * (or 10m) plus 2 minutes for the build.
   */
  packageTimeoutMs?: number;
  commit?: string;
  ref?: string;
  env?: NodeJS.ProcessEnv;
  goBin?: string;
  onProgress?: ProgressSink;
  /** Skip measuring the environment (e.g. when the caller already has it). */
  fingerprint?: Fingerprint;
  /** Measure only this shard of the suite (src/shard/); the run records which. */
  shard?: ShardRequest;
}

export interface SuiteResult {
  run: Run;
  /** Parser warnings and go list notes, for the report. */
  warnings: Warning[];
}

const BUILD_ALLOWANCE_MS = 2 * 60_000;
const DEFAULT_GO_TIMEOUT_MS = 10 * 60_000;

export function defaultPackageTimeoutMs(timeout: string | undefined): number {
  return (timeout ? goDurationMs(timeout) : DEFAULT_GO_TIMEOUT_MS) + BUILD_ALLOWANCE_MS;
}

export function listFailureRun(f: ListFailure): PackageRun {
  return {
    pkg: f.importPath,
    dir: f.relDir,
    status: 'build-failed',
    message: `go list: ${f.message}`,
    outputFiles: [],
    cpuProfiles: [],
    memProfiles: [],
  };
}

export async function runSuite(opts: SuiteOptions): Promise<SuiteResult> {
  const started = new Date();
  const bench = opts.bench ?? '.';
  const extra = opts.extraFlags ?? [];
  // Validates them too; go list accepts only the build flags among them.
  const { build: buildFlags } = splitGoTestFlags(extra);
  const limitMs = opts.packageTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  await mkdir(opts.outDir, { recursive: true });

  const found = await discoverPackages({
    cwd: opts.cwd,
    patterns: opts.patterns,
    only: opts.only,
    bench,
    buildFlags,
    env: opts.env,
    goBin: opts.goBin,
  });
  const shard = opts.shard ? applyShard(opts.shard, [found]) : undefined;
  const packages: PackageRun[] = found.failures.map(listFailureRun);
  let firstOutput = '';
  const clock = new StepClock(found.packages.length);
  for (const [i, pkg] of found.packages.entries()) {
    opts.onProgress?.({ phase: 'run', pkg: pkg.importPath, index: i + 1, total: found.packages.length, ...clock.next() });
    const slug = packageSlug(pkg.importPath);
    const pkgDir = join(opts.outDir, slug);
    await mkdir(pkgDir, { recursive: true });
    const binary = join(pkgDir, 'pkg.test');
    const r = await run(
      opts.goBin ?? 'go',
      goTestArgs({
        bench: pkg.only ? narrowBenchPattern(bench, pkg.only) : bench,
        benchtime: opts.benchtime,
        cpu: opts.cpu,
        timeout: opts.timeout,
        count: opts.count ?? 10,
        extra,
        cpuProfile: wantsProfile(opts.profiles, 'cpu') ? join(pkgDir, 'cpu.pprof') : undefined,
        memProfile: wantsProfile(opts.profiles, 'mem') ? join(pkgDir, 'mem.pprof') : undefined,
        outputDir: pkgDir,
        binary,
      }),
      { cwd: pkg.dir, env: opts.env, timeoutMs: limitMs },
    );
    await rm(binary, { force: true });
    await writeFile(join(pkgDir, 'bench.txt'), r.stdout);
    if (firstOutput === '') firstOutput = r.stdout;
    const outcome = classify(r);
    packages.push({
      pkg: pkg.importPath,
      dir: pkg.relDir,
      status: outcome.status,
      ...(outcome.message !== undefined ? { message: outcome.message } : {}),
      outputFiles: [`${slug}/bench.txt`],
      cpuProfiles: (await nonEmptyFile(join(pkgDir, 'cpu.pprof'))) ? [`${slug}/cpu.pprof`] : [],
      memProfiles: (await nonEmptyFile(join(pkgDir, 'mem.pprof'))) ? [`${slug}/mem.pprof`] : [],
    });
  }
  packages.sort((a, b) => (a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0));

  const env =
    opts.fingerprint ?? (await takeFingerprint({ goBin: opts.goBin, cwd: opts.cwd, env: opts.env, benchOutput: firstOutput }));
  const collected = await collectResults(opts.outDir, packages);
  return {
    run: { ...assembleRun({ commit: opts.commit, ref: opts.ref, started, env }, packages, collected), ...(shard ? { shard } : {}) },
    warnings: [...found.warnings, ...collected.warnings],
  };
}
