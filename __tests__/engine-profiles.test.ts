/**
 * Attribution from per-benchmark profiles, on the real shapes of the shapesmod fixture (table-driven
 * sub-benchmarks through one helper, a helper that runs b.RunParallel, an allocation-heavy
 * benchmark whose cost is largely the GC's), measured the way the pairs runner measures: one leaf
 * benchmark per process (`-test.bench` anchored per name level, one `-test.cpu` value), base and
 * head back to back in alternating order, each process's profiles kept under the leaf's name
 * (`PackageRun.benchmarkProfiles`). The runs are assembled here, not by the runner
 * (src/gotool/alternate.ts), so that the engine's part — compare, read the leaves' profiles whole,
 * attribute — is tested on its own; cli-shapes.test.ts runs the same shapes through
 * `benchgate run` and the runner end to end.
 *
 * Also package-wide profiles (older stored baselines), split by stack: the b.RunParallel shape,
 * whose goroutines start under no benchmark frame (left out, they made the helper's setup the
 * benchmark's only samples: the cause of a mover credited with 848% of a change), and one side
 * per-benchmark with the other package-wide.
 *
 * Nothing is timed: the plants are ×2–3 in one function, with a fixed iteration count per
 * process, and the assertions are on verdicts, on who is named first and on signs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBench } from '../src/benchfmt/index.js';
import { attributeReport, compareRuns, localChanges, type ChangeSet } from '../src/engine.js';
import { DEFAULT_VERDICT } from '../src/settings.js';
import type { StoredRun } from '../src/store/dir.js';
import type { BenchResult, CompareReport, CompareRow, Fingerprint, PackageRun, Run } from '../src/types.js';
import { repoFromFixture, SHAPES_PR } from './helpers/repo.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/shapesmod');
const MOD = 'example.com/shapesmod';
const ROUNDS = 8;
// 50%: samples of 0.1 s scatter ±35% on a loaded 2-core machine; the plants are ×2–3.
// The test is about attribution: the ×3 plants must be regressions whatever the load, and FDR over
// this handful of rows would make that hang on the load (q=0.051 at p=0.038 was seen).
const VERDICT = { ...DEFAULT_VERDICT, threshold: 50, fdr: false };
const ENV: Fingerprint = { goVersion: 'go', goos: 'linux', goarch: 'amd64', cpu: 'test', gomaxprocs: 2, runnerOs: 'linux' };

/** One leaf: the package, its anchored pattern, the -cpu value and a fixed iteration count (~0.1 s of base work). */
interface Leaf {
  pkg: string;
  bench: string;
  cpu: number;
  n: number;
}
const LEAVES: Leaf[] = [
  { pkg: 'table', bench: '^BenchmarkSum$/^large$', cpu: 2, n: 400 },
  { pkg: 'table', bench: '^BenchmarkSum$/^small$', cpu: 2, n: 8000 },
  { pkg: 'par', bench: '^BenchmarkHash$/^64KiB$', cpu: 1, n: 1000 },
  { pkg: 'par', bench: '^BenchmarkHash$/^64KiB$', cpu: 2, n: 1000 },
  { pkg: 'alloc', bench: '^BenchmarkBuild$', cpu: 2, n: 50 },
];

let work: string;
const dirs = { base: '', head: '' };
let changes: ChangeSet;
let perLeaf: { base: StoredRun; head: StoredRun };
let report: CompareReport;

function bin(side: 'base' | 'head', pkg: string): string {
  return join(work, `${side}-${pkg}.test`);
}

/** Runs one test binary in its package directory (as `go test` would); returns its output. */
function runBinary(side: 'base' | 'head', pkg: string, args: string[]): string {
  return execFileSync(bin(side, pkg), ['-test.run=^$', '-test.benchmem', ...args], { cwd: join(dirs[side], pkg), encoding: 'utf8', timeout: 60_000 });
}

function emptyRun(side: 'base' | 'head', pkgs: string[]): Run {
  return {
    schema: 1,
    commit: side,
    ref: side,
    time: new Date(0).toISOString(),
    env: ENV,
    packages: pkgs.map((p): PackageRun => ({ pkg: `${MOD}/${p}`, dir: `./${p}`, status: 'ok', outputFiles: [], cpuProfiles: [], memProfiles: [] })),
    results: [],
    units: {},
    incomplete: false,
  };
}

function addOutput(run: Run, out: string, file: string): BenchResult[] {
  const parsed = parseBench(out, file);
  expect(parsed.failures).toEqual([]);
  run.results.push(...parsed.results);
  Object.assign(run.units, parsed.units);
  return parsed.results;
}

/** Per leaf and round, base and head back to back (alternating which goes first); profiles per leaf. */
function measurePerLeaf(): { base: StoredRun; head: StoredRun } {
  const runs = { base: emptyRun('base', ['table', 'par', 'alloc']), head: emptyRun('head', ['table', 'par', 'alloc']) };
  const out = { base: join(work, 'leaf-base'), head: join(work, 'leaf-head') };
  for (const d of Object.values(out)) mkdirSync(d, { recursive: true });
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? (['base', 'head'] as const) : (['head', 'base'] as const);
    LEAVES.forEach((leaf, i) => {
      for (const side of order) {
        const stem = `leaf${i}-r${round}`;
        const args = [`-test.bench=${leaf.bench}`, `-test.benchtime=${leaf.n}x`, '-test.count=1', `-test.cpu=${leaf.cpu}`];
        const text = runBinary(side, leaf.pkg, [...args, `-test.cpuprofile=${join(out[side], stem + '.cpu')}`, `-test.memprofile=${join(out[side], stem + '.mem')}`]);
        writeFileSync(join(out[side], stem + '.txt'), text);
        const results = addOutput(runs[side], text, stem + '.txt');
        const names = [...new Set(results.map((r) => r.name))];
        expect(names).toHaveLength(1); // one leaf per process
        const entry = runs[side].packages.find((p) => p.pkg === `${MOD}/${leaf.pkg}`)!;
        entry.outputFiles.push(stem + '.txt');
        const files = ((entry.benchmarkProfiles ??= {})[names[0]] ??= { cpu: [], mem: [] });
        files.cpu.push(stem + '.cpu');
        files.mem.push(stem + '.mem');
      }
    });
  }
  return { base: { run: runs.base, dir: out.base }, head: { run: runs.head, dir: out.head } };
}

/** The old way: one process per package and side, all its benchmarks, one package-wide profile. */
function measurePackageWide(side: 'base' | 'head', pkg: string, n: number): StoredRun {
  const run = emptyRun(side, [pkg]);
  const dir = join(work, `pkg-${side}-${pkg}`);
  mkdirSync(dir, { recursive: true });
  const text = runBinary(side, pkg, ['-test.bench=.', `-test.benchtime=${n}x`, `-test.count=${ROUNDS}`, '-test.cpu=2', `-test.cpuprofile=${join(dir, 'cpu.pprof')}`]);
  writeFileSync(join(dir, 'out.txt'), text);
  addOutput(run, text, 'out.txt');
  Object.assign(run.packages[0], { outputFiles: ['out.txt'], cpuProfiles: ['cpu.pprof'] });
  return { run, dir };
}

function row(r: CompareReport, name: string, unit = 'sec/op'): CompareRow {
  const x = r.rows.find((y) => y.name === name && y.unit === unit);
  if (!x) throw new Error(`no row ${name} ${unit}: ${r.rows.map((y) => `${y.name} ${y.unit}`).join(', ')}`);
  return x;
}

/** The row's verdict must be the expected one, else the failure shows the row. */
function expectVerdict(x: CompareRow, verdict: string): void {
  if (x.verdict !== verdict) throw new Error(`${x.name} ${x.unit}: ${x.verdict} (${x.reason}), expected ${verdict}`);
}

function first(x: CompareRow): { function: string; changed: boolean; share: number; delta: number } {
  const f = x.attribution?.functions[0];
  if (!f) throw new Error(`${x.name} ${x.unit}: nothing attributed: ${x.attribution?.note ?? 'no attribution'}`);
  return f;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-shapes-'));
  const repo = join(work, 'repo');
  repoFromFixture(repo, join(FIXTURE, 'base'), [{ branch: 'pr', overlay: join(FIXTURE, 'head'), message: SHAPES_PR }], { baseMessage: 'shapes' });
  // The base is built from its own checkout, so the two sides' profiles carry different paths.
  dirs.base = join(work, 'base');
  cpSync(join(FIXTURE, 'base'), dirs.base, { recursive: true });
  dirs.head = repo;
  for (const side of ['base', 'head'] as const) {
    for (const pkg of ['table', 'par', 'alloc']) execFileSync('go', ['test', '-c', '-o', bin(side, pkg), `./${pkg}`], { cwd: dirs[side], timeout: 120_000 });
  }
  changes = await localChanges({ repoDir: repo, moduleDir: repo, baseRef: 'main', headRef: 'pr' });
  perLeaf = measurePerLeaf();
  report = compareRuns(perLeaf.base.run, perLeaf.head.run, VERDICT);
  await attributeReport(report, perLeaf.base, perLeaf.head, changes);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the fixture: six changed functions, one leaf per process, -cpu values in the names, ReportMetric kept', () => {
  expect(changes.functions.map((c) => c.function.replace(`${MOD}/`, '')).sort()).toEqual([
    'alloc.Depth',
    'alloc.newNode',
    'par.Label',
    'par.mix',
    'table.Sum',
    'table.skipSpace',
  ]);
  expect([...new Set(perLeaf.base.run.results.map((r) => r.name))].sort()).toEqual(['Build-2', 'Hash/64KiB', 'Hash/64KiB-2', 'Sum/large-2', 'Sum/small-2']);
  expect(Object.keys(perLeaf.head.run.packages.find((p) => p.pkg === `${MOD}/par`)!.benchmarkProfiles!).sort()).toEqual(['Hash/64KiB', 'Hash/64KiB-2']);
  expect(row(report, 'Build-2', 'nodes/op').verdict).toBe('unchanged');
});

describe('per-benchmark profiles: the planted function is named first', () => {
  test('table-driven sub-benchmarks through one helper: skipSpace, not its changed caller Sum', () => {
    for (const name of ['Sum/large-2', 'Sum/small-2']) {
      const x = row(report, name);
      expectVerdict(x, 'regression');
      expect(first(x)).toMatchObject({ function: `${MOD}/table.skipSpace`, changed: true });
      expect(first(x).share).toBeGreaterThan(0);
      // Whole profiles: no note about closures that cannot be told apart.
      expect(x.attribution!.note ?? '').not.toMatch(/cannot be told apart/);
    }
  });

  test('a helper that runs b.RunParallel, at -cpu 1 and 2: mix', () => {
    for (const name of ['Hash/64KiB', 'Hash/64KiB-2']) {
      const x = row(report, name);
      expectVerdict(x, 'regression');
      expect(first(x)).toMatchObject({ function: `${MOD}/par.mix`, changed: true });
      expect(first(x).delta).toBeGreaterThan(0);
    }
  });

  test('allocation-heavy, largely GC: newNode, for time, bytes and allocations', () => {
    for (const unit of ['sec/op', 'B/op', 'allocs/op']) {
      const x = row(report, 'Build-2', unit);
      expectVerdict(x, 'regression');
      expect(first(x)).toMatchObject({ function: `${MOD}/alloc.newNode`, changed: true });
    }
  });

  test("shares add up: movers' shares are of disjoint costs and none exceeds the whole change", () => {
    for (const x of report.rows.filter((y) => y.attribution && y.attribution.functions.length > 0)) {
      const movers = x.attribution!.functions.slice(1).filter((f) => !f.changed);
      for (const f of movers) expect(Math.abs(f.share)).toBeLessThan(1);
      expect(movers.reduce((s, f) => s + f.share, 0)).toBeLessThan(1);
    }
  });
});

describe('package-wide profiles (older stored baselines)', () => {
  test('the b.RunParallel shape: the goroutines are linked to the benchmark through the helper on its stacks; mix is named, not the setup', async () => {
    const base = measurePackageWide('base', 'par', 300);
    const head = measurePackageWide('head', 'par', 300);
    const r = compareRuns(base.run, head.run, VERDICT);
    await attributeReport(r, base, head, changes);
    // The helper's setup (corpus) runs on the benchmark's goroutine each time the harness calls it,
    // so the CPU profile sees benchParallel under BenchmarkHash.func1; split by the root-most
    // benchmark frame alone, the samples left to BenchmarkHash were that setup, and corpus was
    // credited with the whole change.
    const x = row(r, 'Hash/64KiB-2');
    expectVerdict(x, 'regression');
    expect(first(x)).toMatchObject({ function: `${MOD}/par.mix`, changed: true });
    expect(x.attribution!.note).toMatch(/b\.RunParallel goroutines of example\.com\/shapesmod\/par\.benchParallel are counted as BenchmarkHash's/);
    // The setup is still in the split's samples (it is not in the timed loop): a mover at most.
    for (const f of x.attribution!.functions) expect(Math.abs(f.share)).toBeLessThan(2);
  });

  test('base package-wide, head per-benchmark: still attributed, with a note on the difference', async () => {
    const base = measurePackageWide('base', 'table', 400);
    const r = compareRuns(base.run, perLeaf.head.run, VERDICT);
    await attributeReport(r, base, perLeaf.head, changes);
    const x = row(r, 'Sum/large-2');
    expectVerdict(x, 'regression');
    expect(first(x)).toMatchObject({ function: `${MOD}/table.skipSpace`, changed: true });
    expect(x.attribution!.note).toMatch(/the base side has only a package-wide profile, split by stack/);
  });
});

test('the profiles were read from the leaves, not the package lists (which are empty)', () => {
  for (const side of [perLeaf.base, perLeaf.head]) for (const p of side.run.packages) expect([p.cpuProfiles, p.memProfiles]).toEqual([[], []]);
  // And they are real files of one leaf each.
  const files = perLeaf.base.run.packages.find((p) => p.pkg === `${MOD}/alloc`)!.benchmarkProfiles!['Build-2'];
  expect(files.cpu).toHaveLength(ROUNDS);
  expect(readFileSync(join(perLeaf.base.dir, files.cpu[0])).length).toBeGreaterThan(0);
});
