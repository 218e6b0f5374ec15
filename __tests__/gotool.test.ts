/**
 * The Go runner against real `go test` on the fixture modules, with tiny budgets. The expensive
 * runs happen once in beforeAll; the tests then read what they left behind.
 *
 * @lane measuring
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAlternating, roundOrder, type AlternateOptions, type AlternateResult } from '../src/gotool/alternate.js';
import { discoverPackages } from '../src/gotool/packages.js';
import { formatProgress, type ProgressEvent } from '../src/gotool/progress.js';
import { runSuite, type SuiteResult } from '../src/gotool/run.js';
import { fingerprint } from '../src/gotool/env.js';
import { readProfileFile } from '../src/pprof/read.js';
import type { BenchResult, Fingerprint, PackageRun, Run } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

const execFileAsync = promisify(execFile);
const BENCHMOD = join(ROOT, '__tests__', 'fixtures', 'benchmod');
const BROKEN = join(ROOT, '__tests__', 'fixtures', 'broken');
const PAIRMOD = join(ROOT, '__tests__', 'fixtures', 'pairmod');

let tmp: string;
let fp: Fingerprint;
let suite: SuiteResult;
let suiteDir: string;
let suiteProgress: ProgressEvent[];
let broken: SuiteResult;
let alt: AlternateResult;
let altProgress: ProgressEvent[];
let headTree: string;
let pairs: AlternateResult;
let pairsProgress: ProgressEvent[];
let pairsHead: string;

/** Every `*.test` file under dir (a test binary left behind). */
async function testBinariesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.test')).map((e) => join(e.parentPath, e.name));
}

/** Alternating rounds with benchmod on both sides (A/A), tiny budget, into `<tmp>/<name>`. */
function alternateOnBenchmod(
  name: string,
  opts: Pick<AlternateOptions, 'rounds' | 'suspects' | 'settle' | 'maxRounds' | 'extensionTimeFactor' | 'onProgress'>,
): Promise<AlternateResult> {
  return runAlternating({ base: { dir: BENCHMOD }, head: { dir: BENCHMOD }, outDir: join(tmp, name), benchtime: '20x', fingerprint: fp, ...opts });
}

function pkgRun(run: Run, pkg: string): PackageRun {
  const p = run.packages.find((x) => x.pkg === pkg);
  if (!p) throw new Error(`no package ${pkg} in ${run.packages.map((x) => x.pkg).join(', ')}`);
  return p;
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'benchgate-gotool-'));
  fp = await fingerprint({ cwd: BENCHMOD });

  suiteDir = join(tmp, 'suite');
  suiteProgress = [];
  suite = await runSuite({
    cwd: BENCHMOD,
    outDir: suiteDir,
    benchtime: '20x',
    count: 2,
    commit: 'abc123',
    ref: 'main',
    fingerprint: fp,
    onProgress: (e) => suiteProgress.push(e),
  });

  // The limit below includes each package's build. Compiling first (the build cache keeps it; no
  // benchmark runs) leaves a link and a short run inside it, seconds even on a loaded machine.
  await execFileAsync('go', ['test', '-count=1', '-run', '^$', './fails', './fine', './panics', './sleeps'], { cwd: BROKEN });
  broken = await runSuite({
    cwd: BROKEN,
    outDir: join(tmp, 'broken'),
    benchtime: '20x',
    count: 1,
    // The sleeper sleeps 60 s: only this limit stops it (the test binary's -timeout alarm is
    // stopped before benchmarks start). The other packages have 20 s each for link and run.
    packageTimeoutMs: 20_000,
    fingerprint: fp,
  });

  // The head side is a copy whose testdata differs, to show each side runs in its own tree.
  headTree = join(tmp, 'head-tree');
  await cp(BENCHMOD, headTree, { recursive: true });
  await writeFile(join(headTree, 'alpha', 'testdata', 'input.txt'), '1,2,3\n');
  altProgress = [];
  alt = await runAlternating({
    base: { dir: BENCHMOD, commit: 'base-sha' },
    head: { dir: headTree, commit: 'head-sha' },
    outDir: join(tmp, 'alt'),
    rounds: 2,
    benchtime: '20x',
    fingerprint: fp,
    onProgress: (e) => altProgress.push(e),
  });

  // Pairs on the module with the shapes real suites have, at -cpu 1,2. The head copy adds one
  // table case (Table/extra): a leaf on one side only.
  pairsHead = join(tmp, 'pairmod-head');
  await cp(PAIRMOD, pairsHead, { recursive: true });
  await mkdir(join(pairsHead, 'leaves', 'testdata'), { recursive: true });
  await writeFile(join(pairsHead, 'leaves', 'testdata', 'extra'), '');
  pairsProgress = [];
  pairs = await runAlternating({
    base: { dir: PAIRMOD },
    head: { dir: pairsHead },
    outDir: join(tmp, 'pairs'),
    rounds: 2,
    benchtime: '20x',
    cpu: '1,2',
    fingerprint: fp,
    onProgress: (e) => pairsProgress.push(e),
  });
}, 240_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('discovery', () => {
  test('finds the packages with benchmarks the pattern selects, in import-path order', async () => {
    const all = await discoverPackages({ cwd: BENCHMOD });
    expect(all.packages.map((p) => [p.importPath, p.relDir])).toEqual([
      ['example.com/benchmod/alpha', './alpha'],
      ['example.com/benchmod/beta', './beta'],
    ]);
    expect(all.packages[1].benchmarks).toEqual(['BenchmarkAlloc', 'BenchmarkParse', 'BenchmarkSpin']);
    const spin = await discoverPackages({ cwd: BENCHMOD, bench: 'Spin' });
    expect(spin.packages.map((p) => p.importPath)).toEqual(['example.com/benchmod/beta']);
    // Only the top level decides: "Parse/large" selects both packages' BenchmarkParse.
    const sub = await discoverPackages({ cwd: BENCHMOD, bench: 'Parse/large' });
    expect(sub.packages).toHaveLength(2);
  });

  test('a package go list cannot load is a failure with the position of the error', async () => {
    const d = await discoverPackages({ cwd: BROKEN });
    expect(d.failures.map((f) => f.importPath)).toEqual(['example.com/broken/badimport']);
    expect(d.failures[0].message).toMatch(/badimport\.go:4:8: .*example\.com\/broken\/missing/);
  });

  test('a pattern that matches no package is a warning; one naming a missing directory, a failure', async () => {
    const empty = await discoverPackages({ cwd: BENCHMOD, patterns: ['./alpha/testdata/...'] });
    expect(empty.packages).toEqual([]);
    expect(empty.warnings.map((w) => w.message).join('\n')).toMatch(/matched no packages/);
    const missing = await discoverPackages({ cwd: BENCHMOD, patterns: ['./nothing/...'] });
    expect(missing.failures.map((f) => [f.importPath, f.message])).toEqual([
      ['./nothing/...', expect.stringMatching(/no such file or directory/)],
    ]);
  });
});

describe('runSuite', () => {
  test('one ok package run per package, with raw output and non-empty profiles', async () => {
    const { run } = suite;
    expect(run.incomplete).toBe(false);
    expect(run).toMatchObject({ schema: 1, commit: 'abc123', ref: 'main', env: fp });
    expect(run.packages.map((p) => [p.pkg, p.dir, p.status])).toEqual([
      ['example.com/benchmod/alpha', './alpha', 'ok'],
      ['example.com/benchmod/beta', './beta', 'ok'],
    ]);
    for (const p of run.packages) {
      expect(p.outputFiles).toHaveLength(1);
      expect(p.cpuProfiles).toHaveLength(1);
      expect(p.memProfiles).toHaveLength(1);
      for (const f of [...p.cpuProfiles, ...p.memProfiles]) expect((await stat(join(suiteDir, f))).size).toBeGreaterThan(0);
      const text = await readFile(join(suiteDir, p.outputFiles[0]), 'utf8');
      expect(text).toContain(`pkg: ${p.pkg}`);
      // -count 2: two samples of every benchmark.
      expect(text.match(/^BenchmarkParse\S*\s+20\s/gm)?.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('no test binary is left in the source tree or the run directory', async () => {
    expect(await testBinariesUnder(BENCHMOD)).toEqual([]);
    expect(await testBinariesUnder(suiteDir)).toEqual([]);
  });

  test('the same benchmark name in two packages stays apart', () => {
    const parse = suite.run.results.filter((r) => /^Parse(-\d+)?$/.test(r.name) || r.name.startsWith('Parse/'));
    const byPkg = new Map<string, Set<string>>();
    for (const r of parse) byPkg.set(r.pkg, (byPkg.get(r.pkg) ?? new Set()).add(r.name.replace(/-\d+$/, '')));
    expect([...byPkg.get('example.com/benchmod/alpha')!].sort()).toEqual(['Parse/large', 'Parse/small']);
    expect([...byPkg.get('example.com/benchmod/beta')!]).toEqual(['Parse']);
    // b.ReportMetric and allocation units come through.
    const units = new Set(suite.run.results.flatMap((r) => r.values.map((v) => v.unit)));
    for (const u of ['sec/op', 'B/op', 'allocs/op', 'B/s', 'bytes/input']) expect(units).toContain(u);
  });

  test('progress: package i of n, with an estimate after the first', () => {
    expect(suiteProgress.map((e) => [e.index, e.total, e.pkg])).toEqual([
      [1, 2, 'example.com/benchmod/alpha'],
      [2, 2, 'example.com/benchmod/beta'],
    ]);
    expect(suiteProgress[0].remainingMs).toBeNull();
    expect(suiteProgress[1].remainingMs).not.toBeNull();
    expect(formatProgress(suiteProgress[1])).toMatch(/^running package 2 of 2 \(example\.com\/benchmod\/beta\), \d+s elapsed, about \d+s left$/);
  });
});

describe('runSuite on broken packages', () => {
  const status = (pkg: string) => pkgRun(broken.run, `example.com/broken/${pkg}`);

  test('each failure is reported with its package, status and output; the rest goes on', () => {
    expect(broken.run.incomplete).toBe(true);
    expect(broken.run.packages.map((p) => [p.pkg.replace('example.com/broken/', ''), p.status])).toEqual([
      ['badimport', 'build-failed'],
      ['fails', 'bench-failed'],
      ['fine', 'ok'],
      ['nobuild', 'build-failed'],
      ['panics', 'bench-failed'],
      ['sleeps', 'timeout'],
    ]);
    expect(status('nobuild').message).toMatch(/undefined: undefinedName/);
    expect(status('fails').message).toMatch(/--- FAIL: BenchmarkBad[\s\S]*planted failure/);
    // The panic's own text (the fixture panics so that package testing cannot exit before the
    // runtime has printed it; see panics_test.go).
    expect(status('panics').message).toMatch(/^exit status 1\npanic: assignment to entry in nil map\n/);
    expect(status('sleeps').message).toMatch(/^killed after \d+\.\ds: over the time limit/);
    expect(status('badimport').message).toMatch(/^go list: .*missing/);
  });

  test('results of the packages that worked, and of the passing benchmark next to a failing one', () => {
    const names = broken.run.results.map((r) => `${r.pkg.replace('example.com/broken/', '')}.${r.name.replace(/-\d+$/, '')}`);
    expect(names.sort()).toEqual(['fails.Good', 'fine.Sum']);
  });

  test('no test binary is left in the broken tree', async () => {
    expect(await testBinariesUnder(BROKEN)).toEqual([]);
  });
});

describe('alternating rounds', () => {
  test('ABBA order: per leaf benchmark, base first in odd rounds, head first in even ones', () => {
    expect(roundOrder(1)).toEqual(['base', 'head']);
    expect(roundOrder(2)).toEqual(['head', 'base']);
    const short = (pkg: string) => pkg.replace('example.com/benchmod/', '');
    const p = fp.gomaxprocs === 1 ? '' : `-${fp.gomaxprocs}`;
    const leaves = [`alpha:Parse/small${p}`, `alpha:Parse/large${p}`, `alpha:Testdata${p}`, `beta:Parse${p}`, `beta:Spin${p}`, `beta:Alloc${p}`];
    expect(alt.order.map((s) => `${s.round}:${short(s.pkg)}:${s.benchmark}:${s.side}`)).toEqual([
      ...leaves.flatMap((l) => [`1:${l}:base`, `1:${l}:head`]),
      ...leaves.flatMap((l) => [`2:${l}:head`, `2:${l}:base`]),
    ]);
  });

  test('one output and one pair of profiles per leaf, round and side; samples carry their pair', async () => {
    for (const [run, dir] of [[alt.base, alt.baseDir], [alt.head, alt.headDir]] as const) {
      expect(run.incomplete).toBe(false);
      expect(run.pairing).toBe('sequential');
      for (const p of run.packages) {
        expect(p.status).toBe('ok');
        // Three leaves a package, two rounds.
        expect(p.outputFiles).toHaveLength(6);
        expect(p.outputFiles.filter((f) => f.endsWith('/round-01.txt'))).toHaveLength(3);
        expect(Object.keys(p.benchmarkProfiles ?? {})).toHaveLength(3);
        for (const files of Object.values(p.benchmarkProfiles ?? {})) {
          expect(files.cpu).toHaveLength(2);
          expect(files.mem).toHaveLength(2);
        }
        for (const f of p.outputFiles) expect(await readFile(join(dir, f), 'utf8')).toMatch(/^Benchmark\S+\s+20\s/m);
      }
      // -test.count=1 per round: two samples of each benchmark after two rounds, one per pair.
      const spin = run.results.filter((r) => r.name.startsWith('Spin'));
      expect(spin.map((r) => r.pair)).toEqual([1, 2]);
    }
    expect(alt.base.commit).toBe('base-sha');
    expect(alt.head.commit).toBe('head-sha');
  });

  test('each side runs in its own tree (testdata differs between them)', () => {
    const metric = (run: Run) =>
      run.results.find((r) => r.name.startsWith('Testdata'))?.values.find((v) => v.unit === 'bytes/input')?.value;
    expect(metric(alt.base)).toBe(51);
    expect(metric(alt.head)).toBe(6);
  });

  test('binaries are built outside both trees and removed', async () => {
    expect(await testBinariesUnder(BENCHMOD)).toEqual([]);
    expect(await testBinariesUnder(headTree)).toEqual([]);
    expect(await testBinariesUnder(join(tmp, 'alt'))).toEqual([]);
  });

  test('progress covers builds, listings, then every leaf, round and side', () => {
    const builds = altProgress.filter((e) => e.phase === 'build');
    const lists = altProgress.filter((e) => e.phase === 'list');
    const runs = altProgress.filter((e) => e.phase === 'run');
    expect(builds).toHaveLength(4);
    expect(lists).toHaveLength(4);
    expect(runs).toHaveLength(24);
    expect(formatProgress(runs[23])).toMatch(/^running package 2 of 2 \(.*beta\), round 2 of 2, base, benchmark Alloc(-\d+)?, \d+s elapsed, about \d+s left$/);
  });

  test('suspects: only the named benchmarks run again, matched exactly', async () => {
    const r = await alternateOnBenchmod('suspects', {
      rounds: 1,
      suspects: [
        { pkg: 'example.com/benchmod/alpha', name: `Parse/small-${fp.gomaxprocs}` },
        { pkg: 'example.com/benchmod/beta', name: `Parse-${fp.gomaxprocs}` },
      ],
    });
    for (const run of [r.base, r.head]) {
      const got = run.results.map((x) => `${x.pkg.replace('example.com/benchmod/', '')}.${x.name.replace(/-\d+$/, '')}`);
      expect(got.sort()).toEqual(['alpha.Parse/small', 'beta.Parse']);
    }
    expect(r.order).toHaveLength(4);
  });

  test('early stopping: from minRounds on, only the benchmarks still open run, on both sides', async () => {
    const seen: number[] = [];
    const small = { pkg: 'example.com/benchmod/alpha', name: `Parse/small-${fp.gomaxprocs}` };
    const r = await alternateOnBenchmod('settle', {
      rounds: 5,
      // The rule itself is compare/settle.ts's (tested there); here: one benchmark stays open after
      // round 2, none after round 3.
      settle: {
        minRounds: 2,
        open: (base, head) => {
          const n = base.results.filter((x) => x.pkg === small.pkg && x.name === small.name).length;
          expect(head.results.filter((x) => x.pkg === small.pkg && x.name === small.name)).toHaveLength(n);
          seen.push(n);
          return n < 3 ? [small] : [];
        },
      },
    });
    expect(seen).toEqual([2, 3]);
    expect(r.roundsRun).toBe(3);
    const short = (pkg: string) => pkg.replace('example.com/benchmod/', '');
    const steps = r.order.map((s) => `${s.round}:${short(s.pkg)}:${s.benchmark}:${s.side}`);
    // Six leaves in rounds 1 and 2; only the open leaf in round 3.
    expect(steps.filter((s) => s.startsWith('1:'))).toHaveLength(12);
    expect(steps.filter((s) => s.startsWith('2:'))).toHaveLength(12);
    expect(steps.filter((s) => s.startsWith('3:'))).toEqual([`3:alpha:${small.name}:base`, `3:alpha:${small.name}:head`]);
    for (const run of [r.base, r.head]) {
      const count = (name: string) => run.results.filter((x) => x.name === name).length;
      expect(count(small.name)).toBe(3);
      expect(count(`Parse/large-${fp.gomaxprocs}`)).toBe(2);
      expect(run.results.filter((x) => short(x.pkg) === 'beta').every((x) => x.name !== small.name)).toBe(true);
    }
  });
});

describe('extra pairs for undecided benchmarks', () => {
  test('after the planned rounds only the leaves the rule keeps open run on, up to maxRounds, as pairs', async () => {
    const small = { pkg: 'example.com/benchmod/alpha', name: `Parse/small-${fp.gomaxprocs}` };
    const events: ProgressEvent[] = [];
    const r = await alternateOnBenchmod('extend', {
      rounds: 2,
      maxRounds: 4,
      // Open before the planned count (no early stopping), then only `small` earns more.
      settle: { minRounds: 2, open: () => [small] },
      onProgress: (e) => events.push(e),
    });
    expect(r.roundsRun).toBe(4);
    // The extra rounds' steps are counted as they begin: no "step 9 of 8", no time left below zero.
    const runs = events.filter((e) => e.phase === 'run');
    expect(runs.at(-1)).toMatchObject({ step: runs.length, steps: runs.length });
    expect(runs.every((e) => e.remainingMs === null || e.remainingMs >= 0)).toBe(true);
    expect(r.extensionCut).toBeUndefined();
    const late = r.order.filter((s) => s.round > 2).map((s) => `${s.round}:${s.benchmark}:${s.side}`);
    // The extra rounds keep the ABBA order: base first in odd rounds.
    expect(late).toEqual([`3:${small.name}:base`, `3:${small.name}:head`, `4:${small.name}:head`, `4:${small.name}:base`]);
    for (const run of [r.base, r.head]) {
      expect(run.results.filter((x) => x.name === small.name).map((x) => x.pair)).toEqual([1, 2, 3, 4]);
      expect(run.results.filter((x) => x.name === `Parse/large-${fp.gomaxprocs}`)).toHaveLength(2);
    }
  });

  test('the extension stops at its time cap and says so', async () => {
    const small = { pkg: 'example.com/benchmod/alpha', name: `Parse/small-${fp.gomaxprocs}` };
    const r = await alternateOnBenchmod('extend-cap', {
      rounds: 2,
      maxRounds: 6,
      extensionTimeFactor: 0,
      settle: { minRounds: 2, open: () => [small] },
    });
    expect(r.roundsRun).toBe(2);
    expect(r.extensionCut).toEqual({ afterRound: 2, openLeaves: 1 });
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/extra pairs for 1 undecided benchmark\(s\) stopped after round 2/);
  });

  test('without a settle rule there is no extension', async () => {
    const r = await alternateOnBenchmod('no-extend', { rounds: 2, maxRounds: 5 });
    expect(r.roundsRun).toBe(2);
  });
});

describe('pairs: one leaf benchmark, one pair', () => {
  const LEAVES = 'example.com/pairmod/leaves';
  const FAILING = 'example.com/pairmod/failing';
  const both = (name: string) => [name, `${name}-2`];
  const leafNames = [
    ...both('Table/small'),
    ...both('Table/large'),
    ...both('Table/small#01'),
    ...both('Meta/a.b(c)|d[1]+$_x'),
    ...both('Parallel'),
    ...both('Busy'),
  ];
  const names = (run: Run, pkg: string) => [...new Set(run.results.filter((r) => r.pkg === pkg).map((r) => r.name))].sort();
  const sample = (run: Run, pkg: string, name: string, pair: number): BenchResult | undefined =>
    run.results.find((r) => r.pkg === pkg && r.name === name && r.pair === pair);

  test('each process selects exactly one leaf: one result line per output file', () => {
    for (const run of [pairs.base, pairs.head]) {
      const perFile = new Map<string, string[]>();
      for (const r of run.results) perFile.set(r.source!.file, [...(perFile.get(r.source!.file) ?? []), r.name]);
      for (const p of run.packages) for (const f of p.outputFiles) if (perFile.has(f)) expect(perFile.get(f)).toHaveLength(1);
      // Every output file of a leaf's directory holds that leaf, and no other.
      const byDir = new Map<string, Set<string>>();
      for (const [f, ns] of perFile) byDir.set(f.replace(/\/[^/]+$/, ''), new Set([...(byDir.get(f.replace(/\/[^/]+$/, '')) ?? []), ...ns]));
      for (const ns of byDir.values()) expect(ns.size).toBe(1);
    }
    expect(names(pairs.base, LEAVES)).toEqual([...leafNames].sort());
    // Present on one side only: still measured, as a new row.
    expect(names(pairs.head, LEAVES)).toEqual([...leafNames, ...both('Table/extra')].sort());
  });

  test('one process per leaf and -cpu value, in ABBA order per leaf', () => {
    const steps = pairs.order.filter((s) => s.pkg === LEAVES).map((s) => `${s.round}:${s.benchmark}:${s.side}`);
    const abba = (round: number, name: string) => (round === 1 ? [`1:${name}:base`, `1:${name}:head`] : [`2:${name}:head`, `2:${name}:base`]);
    const cpu1 = leafNames.filter((n) => !n.endsWith('-2'));
    const cpu2 = leafNames.filter((n) => n.endsWith('-2'));
    const expected = (round: number) => [
      // The listing at -cpu 1 comes first; head's own leaf follows the leaves of both sides.
      ...cpu1.flatMap((n) => abba(round, n)),
      ...cpu2.flatMap((n) => abba(round, n)),
      `${round}:Table/extra:head`,
      `${round}:Table/extra-2:head`,
    ];
    expect(steps).toEqual([...expected(1), ...expected(2)]);
  });

  test('both samples of a pair carry the same pair number; the runs say how they were paired', () => {
    expect(pairs.base.pairing).toBe('sequential');
    expect(pairs.head.pairing).toBe('sequential');
    for (const name of leafNames) {
      for (const pair of [1, 2]) {
        expect(sample(pairs.base, LEAVES, name, pair)).toBeDefined();
        expect(sample(pairs.head, LEAVES, name, pair)).toBeDefined();
      }
    }
    for (const run of [pairs.base, pairs.head]) expect(run.results.every((r) => r.pair === 1 || r.pair === 2)).toBe(true);
  });

  test('per-leaf profiles exist, are listed by benchmark name, and hold only that benchmark', async () => {
    for (const [run, dir] of [[pairs.base, pairs.baseDir], [pairs.head, pairs.headDir]] as const) {
      const p = pkgRun(run, LEAVES);
      expect(Object.keys(p.benchmarkProfiles ?? {}).sort()).toEqual(names(run, LEAVES));
      // Every raw output stays listed: one per leaf and round.
      expect(p.outputFiles).toHaveLength(names(run, LEAVES).length * 2);
      for (const [name, files] of Object.entries(p.benchmarkProfiles!)) {
        expect(files.cpu).toHaveLength(2);
        expect(files.mem).toHaveLength(2);
        const top = name.split('/')[0].replace(/-2$/, '');
        for (const f of [...files.cpu, ...files.mem]) {
          expect(f.startsWith('/') || f.includes('..')).toBe(false);
          const prof = await readProfileFile(join(dir, f));
          // The package's own Benchmark frames (not the harness's testing.BenchmarkResult.String, which a
          // CPU sample can catch while the result line is printed).
          const benchFrames = prof.function.map((fn) => /^example\.com\/pairmod\/leaves(?:_test)?\.(Benchmark[A-Za-z]+)/.exec(fn.name)?.[1]).filter((x) => x !== undefined);
          expect(new Set(benchFrames)).toEqual(new Set(benchFrames.length > 0 ? [`Benchmark${top}`] : []));
        }
      }
      // The CPU-heavy leaf's own profile has its samples, under its own frame.
      const busy = await readProfileFile(join(dir, p.benchmarkProfiles!.Busy.cpu[0]));
      expect(busy.sample.length).toBeGreaterThan(0);
      expect(busy.function.some((fn) => fn.name === `${LEAVES}.BenchmarkBusy`)).toBe(true);
      // b.RunParallel's goroutines: not under BenchmarkParallel's stack, but in its process only.
      const par = await readProfileFile(join(dir, p.benchmarkProfiles!['Parallel-2'].cpu[0]));
      expect(par.function.some((fn) => fn.name.startsWith(`${LEAVES}.BenchmarkBusy`))).toBe(false);
    }
  });

  test('a failing leaf is reported with its round, side and name; the other leaves go on', () => {
    for (const [side, run] of [['base', pairs.base], ['head', pairs.head]] as const) {
      expect(run.incomplete).toBe(true);
      const f = pkgRun(run, FAILING);
      expect(f.status).toBe('bench-failed');
      // The panic ended the listing run; listed again without it, the benchmark after it still runs.
      expect(f.message).toMatch(new RegExp(`^listing run \\(-cpu 1\\), ${side}, benchmark Panics: exit status 2\npanic: assignment to entry in nil map`));
      expect(f.message).toContain(`listing run (-cpu 2), ${side}, benchmark Panics: `);
      expect(f.message).toMatch(new RegExp(`\n\nround 1, ${side}, benchmark Mixed/bad: exit status 1\n[\\s\\S]*planted failure`));
      expect(f.message).toContain(`round 1, ${side}, benchmark Mixed/bad-2: `);
      expect(names(run, FAILING)).toEqual(['After', 'After-2', 'Mixed/good', 'Mixed/good-2']);
      for (const name of ['After', 'Mixed/good-2']) expect(run.results.filter((r) => r.pkg === FAILING && r.name === name)).toHaveLength(2);
      expect(pkgRun(run, LEAVES).status).toBe('ok');
    }
    // Skipped in round 2, on both sides (it failed on both).
    const bad = pairs.order.filter((s) => s.benchmark.startsWith('Mixed/bad'));
    expect(bad.map((s) => `${s.round}:${s.benchmark}:${s.side}`)).toEqual([
      '1:Mixed/bad:base',
      '1:Mixed/bad:head',
      '1:Mixed/bad-2:base',
      '1:Mixed/bad-2:head',
    ]);
  });

  test('progress names the benchmark', () => {
    const runs = pairsProgress.filter((e) => e.phase === 'run');
    expect(runs).toHaveLength(pairs.order.length);
    expect(runs.map((e) => e.benchmark)).toEqual(pairs.order.map((s) => s.benchmark));
    expect(formatProgress(runs.find((e) => e.benchmark === 'Table/small#01-2')!)).toMatch(
      /^running package \d of 2 \(example\.com\/pairmod\/leaves\), round 1 of 2, base, benchmark Table\/small#01-2, /,
    );
  });

  test('suspects: exactly the named leaves, however their names read', async () => {
    const r = await runAlternating({
      base: { dir: PAIRMOD },
      head: { dir: PAIRMOD },
      outDir: join(tmp, 'pairs-suspects'),
      rounds: 1,
      benchtime: '1x',
      cpu: '1,2',
      fingerprint: fp,
      suspects: [
        { pkg: LEAVES, name: 'Table/small#01-2' },
        { pkg: LEAVES, name: 'Meta/a.b(c)|d[1]+$_x' },
      ],
    });
    for (const run of [r.base, r.head]) expect(names(run, LEAVES)).toEqual(['Meta/a.b(c)|d[1]+$_x', 'Table/small#01-2']);
    expect(r.order.map((s) => `${s.benchmark}:${s.side}`)).toEqual([
      'Meta/a.b(c)|d[1]+$_x:base',
      'Meta/a.b(c)|d[1]+$_x:head',
      'Table/small#01-2:base',
      'Table/small#01-2:head',
    ]);
  });
});
