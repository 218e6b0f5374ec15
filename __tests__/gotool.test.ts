/**
 * The Go runner against real `go test` on the fixture modules, with tiny budgets. The expensive
 * runs happen once in beforeAll; the tests then read what they left behind.
 *
 * @lane measuring
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runAlternating, roundOrder, type AlternateOptions, type AlternateResult } from '../src/gotool/alternate.js';
import { discoverPackages } from '../src/gotool/packages.js';
import { formatProgress, type ProgressEvent } from '../src/gotool/progress.js';
import { runSuite, type SuiteResult } from '../src/gotool/run.js';
import { fingerprint } from '../src/gotool/env.js';
import type { Fingerprint, PackageRun, Run } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

const execFileAsync = promisify(execFile);
const BENCHMOD = join(ROOT, '__tests__', 'fixtures', 'benchmod');
const BROKEN = join(ROOT, '__tests__', 'fixtures', 'broken');

let tmp: string;
let fp: Fingerprint;
let suite: SuiteResult;
let suiteDir: string;
let suiteProgress: ProgressEvent[];
let broken: SuiteResult;
let alt: AlternateResult;
let altProgress: ProgressEvent[];
let headTree: string;

/** Every `*.test` file under dir (a test binary left behind). */
async function testBinariesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.test')).map((e) => join(e.parentPath, e.name));
}

/** Alternating rounds with benchmod on both sides (A/A), tiny budget, into `<tmp>/<name>`. */
function alternateOnBenchmod(name: string, opts: Pick<AlternateOptions, 'rounds' | 'suspects' | 'settle'>): Promise<AlternateResult> {
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
  test('ABBA order: base first in odd rounds, head first in even ones, per package', () => {
    expect(roundOrder(1)).toEqual(['base', 'head']);
    expect(roundOrder(2)).toEqual(['head', 'base']);
    const short = (pkg: string) => pkg.replace('example.com/benchmod/', '');
    expect(alt.order.map((s) => `${s.round}:${short(s.pkg)}:${s.side}`)).toEqual([
      '1:alpha:base',
      '1:alpha:head',
      '1:beta:base',
      '1:beta:head',
      '2:alpha:head',
      '2:alpha:base',
      '2:beta:head',
      '2:beta:base',
    ]);
  });

  test('one output and one pair of profiles per round, per side', async () => {
    for (const [run, dir] of [[alt.base, alt.baseDir], [alt.head, alt.headDir]] as const) {
      expect(run.incomplete).toBe(false);
      for (const p of run.packages) {
        expect(p.status).toBe('ok');
        expect(p.outputFiles).toEqual([expect.stringMatching(/round-01\.txt$/), expect.stringMatching(/round-02\.txt$/)]);
        expect(p.cpuProfiles).toHaveLength(2);
        expect(p.memProfiles).toHaveLength(2);
        for (const f of p.outputFiles) expect(await readFile(join(dir, f), 'utf8')).toMatch(/^Benchmark\S+\s+20\s/m);
      }
      // -test.count=1 per round: two samples of each benchmark after two rounds.
      const spin = run.results.filter((r) => r.name.startsWith('Spin'));
      expect(spin).toHaveLength(2);
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

  test('progress covers builds, then every round and side', () => {
    const builds = altProgress.filter((e) => e.phase === 'build');
    const runs = altProgress.filter((e) => e.phase === 'run');
    expect(builds).toHaveLength(4);
    expect(runs).toHaveLength(8);
    expect(formatProgress(runs[7])).toMatch(/^running package 2 of 2 \(.*beta\), round 2 of 2, base, \d+s elapsed, about \d+s left$/);
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
    expect(r.order.map((s) => `${s.round}:${short(s.pkg)}:${s.side}`)).toEqual([
      '1:alpha:base', '1:alpha:head', '1:beta:base', '1:beta:head',
      '2:alpha:head', '2:alpha:base', '2:beta:head', '2:beta:base',
      '3:alpha:base', '3:alpha:head',
    ]);
    for (const run of [r.base, r.head]) {
      const count = (name: string) => run.results.filter((x) => x.name === name).length;
      expect(count(small.name)).toBe(3);
      expect(count(`Parse/large-${fp.gomaxprocs}`)).toBe(2);
      expect(run.results.filter((x) => short(x.pkg) === 'beta').every((x) => x.name !== small.name)).toBe(true);
    }
  });
});
