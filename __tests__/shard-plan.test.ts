/** The shard plan (src/shard/plan.ts) and the coverage check and run merge (src/shard/merge.ts): pure. */
import { imbalance, parseShard, planShards, shardInfo, stableHash, topLevelOf, unitKey, weightsFromRun, type SuitePackage, type Weights } from '../src/shard/plan.js';
import { checkCoverage, mergeRuns, restrictRun } from '../src/shard/merge.js';
import { narrowBenchPattern } from '../src/shard/select.js';
import type { BenchResult, PackageRun, Run } from '../src/types.js';

/** A suite of `n` packages with 1–4 benchmark functions each. */
function suite(n: number): SuitePackage[] {
  return Array.from({ length: n }, (_, i) => ({
    pkg: `example.com/m/p${String(i).padStart(2, '0')}`,
    benchmarks: Array.from({ length: 1 + (i % 4) }, (_, j) => `BenchmarkF${j}`),
  }));
}

/** Measured seconds per function: uneven on purpose (a few heavy packages). */
function weightsOf(s: SuitePackage[]): Weights {
  return new Map(s.map((p, i) => [p.pkg, new Map(p.benchmarks.map((fn, j) => [fn, ((i * 7 + j * 3) % 11) + 1 + (i % 5 === 0 ? 20 : 0)]))]));
}

const keysOf = (plan: ReturnType<typeof planShards>) => plan.shards.map((s) => s.map(unitKey));

describe('parseShard', () => {
  test.each([
    ['1/1', { index: 1, count: 1 }],
    ['2/4', { index: 2, count: 4 }],
    [' 3 / 3 ', { index: 3, count: 3 }],
  ])('%s', (text, want) => expect(parseShard('--shard', text)).toEqual(want));

  test.each(['0/3', '4/3', '1/0', '2', 'a/b', '1/300', ''])('%j is a usage error naming the flag', (text) => {
    expect(() => parseShard('--shard', text)).toThrow(/--shard must be i\/n/);
  });
});

describe('topLevelOf', () => {
  test.each([
    ['Parse-2', 'BenchmarkParse'],
    ['Parse', 'BenchmarkParse'],
    ['Parse/medium-2', 'BenchmarkParse'],
    ['Table/n-8/x', 'BenchmarkTable'],
  ])('%s → %s', (name, fn) => expect(topLevelOf(name)).toBe(fn));
});

describe('planShards', () => {
  const s = suite(23);

  test.each([1, 2, 3, 4, 7, 40])('covers every benchmark exactly once (n=%i, measured and hashed)', (n) => {
    for (const w of [weightsOf(s), undefined]) {
      const plan = planShards(s, n, w);
      expect(plan.shards).toHaveLength(n);
      // Every (package, function) is selected by exactly one shard: whole-package units or its own.
      for (const p of s) {
        for (const fn of p.benchmarks) {
          const owners = plan.shards.filter((units) => units.some((u) => u.pkg === p.pkg && (!u.benchmark || u.benchmark === fn)));
          expect(owners).toHaveLength(1);
        }
      }
      expect(plan.shards.flat()).toHaveLength(plan.units);
      expect(new Set(plan.shards.flat().map(unitKey)).size).toBe(plan.units);
    }
  });

  test('is stable: the order packages are listed in and repeated planning change nothing', () => {
    const w = weightsOf(s);
    const a = planShards(s, 4, w);
    const b = planShards([...s].reverse().map((p) => ({ ...p, benchmarks: [...p.benchmarks].reverse() })), 4, w);
    expect(keysOf(b)).toEqual(keysOf(a));
    expect(b.suite).toBe(a.suite);
    expect(keysOf(planShards(s, 4))).toEqual(keysOf(planShards([...s].reverse(), 4)));
  });

  test('hashed placement keeps a unit in its shard when another package comes', () => {
    const before = planShards(s.slice(0, 20), 4);
    const after = planShards([...s.slice(0, 20), { pkg: 'example.com/m/zz', benchmarks: ['BenchmarkNew'] }], 4);
    for (const [i, units] of before.shards.entries()) {
      for (const u of units) if (after.shards.flat().some((x) => unitKey(x) === unitKey(u))) expect(after.shards[i].map(unitKey)).toContain(unitKey(u));
    }
    expect(before.method).toBe('hash');
    expect(before.suite).not.toBe(after.suite);
  });

  test('measured placement balances: slowest shard within 4/3 of the mean, and near it here', () => {
    const plan = planShards(s, 4, weightsOf(s));
    expect(plan.method).toBe('measured');
    expect(imbalance(plan.loads)).toBeLessThan(4 / 3);
    expect(imbalance(plan.loads)).toBeLessThan(1.1);
  });

  test('a package heavier than a shard’s share is split by benchmark function', () => {
    const heavy: SuitePackage[] = [
      { pkg: 'm/big', benchmarks: ['BenchmarkA', 'BenchmarkB', 'BenchmarkC', 'BenchmarkD'] },
      { pkg: 'm/small1', benchmarks: ['BenchmarkX'] },
      { pkg: 'm/small2', benchmarks: ['BenchmarkY'] },
    ];
    const w: Weights = new Map([
      ['m/big', new Map([['BenchmarkA', 10], ['BenchmarkB', 10], ['BenchmarkC', 10], ['BenchmarkD', 10]])],
      ['m/small1', new Map([['BenchmarkX', 10]])],
      ['m/small2', new Map([['BenchmarkY', 10]])],
    ]);
    const plan = planShards(heavy, 3, w);
    expect(plan.shards.flat().filter((u) => u.pkg === 'm/big').map((u) => u.benchmark)).toEqual(
      expect.arrayContaining(['BenchmarkA', 'BenchmarkB', 'BenchmarkC', 'BenchmarkD']),
    );
    expect(plan.loads).toEqual([20, 20, 20]);
    // Without the split the best possible would be 40 vs 10 vs 10.
    expect(planShards(heavy.slice(0, 1).map((p) => ({ ...p, benchmarks: ['BenchmarkA'] })), 3, w).shards.flat()).toEqual([{ pkg: 'm/big' }]);
  });

  test('a function the baseline did not measure is estimated at the median measured one', () => {
    const w: Weights = new Map([['m/a', new Map([['BenchmarkA', 1]])], ['m/b', new Map([['BenchmarkB', 5]])], ['m/c', new Map([['BenchmarkC', 9]])]]);
    const plan = planShards([...['a', 'b', 'c'].map((x) => ({ pkg: `m/${x}`, benchmarks: [`Benchmark${x.toUpperCase()}`] })), { pkg: 'm/new', benchmarks: ['BenchmarkN'] }], 2, w);
    expect([...plan.loads].sort()).toEqual([10, 10]);
  });

  test('a package that does not load (no functions known) is planned whole, once', () => {
    const plan = planShards([{ pkg: 'm/broken', benchmarks: [] }, ...suite(3)], 2);
    expect(plan.shards.flat().filter((u) => u.pkg === 'm/broken')).toEqual([{ pkg: 'm/broken' }]);
  });

  test('stableHash is FNV-1a', () => {
    expect(stableHash('')).toBe(0x811c9dc5);
    expect(stableHash('a')).toBe(0xe40c292c);
  });
});

function result(pkg: string, name: string, sec: number, iterations = 100): BenchResult {
  return { pkg, name, config: {}, iterations, values: [{ unit: 'sec/op', value: sec }, { unit: 'B/op', value: 0 }] };
}

function pkgRun(pkg: string, over: Partial<PackageRun> = {}): PackageRun {
  const slug = pkg.replace(/\W/g, '_');
  return { pkg, dir: '.', status: 'ok', outputFiles: [`${slug}/bench.txt`], cpuProfiles: [`${slug}/cpu.pprof`], memProfiles: [], ...over };
}

function run(results: BenchResult[], packages: PackageRun[], over: Partial<Run> = {}): Run {
  const env = { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'linux' };
  return { schema: 1, commit: 'c0ffee', ref: 'main', time: '2026-11-29T10:00:00Z', env, packages, results, units: {}, incomplete: false, ...over };
}

describe('weightsFromRun', () => {
  test('sums iterations × sec/op per top-level function', () => {
    const w = weightsFromRun(run([result('m/a', 'Parse/small-2', 1e-3), result('m/a', 'Parse/large-2', 2e-3), result('m/a', 'Sum-2', 1e-6, 1000)], []));
    expect(w.get('m/a')?.get('BenchmarkParse')).toBeCloseTo(0.3);
    expect(w.get('m/a')?.get('BenchmarkSum')).toBeCloseTo(1e-3);
  });
});

describe('checkCoverage', () => {
  const s = suite(8);
  const infos = [1, 2, 3].map((i) => shardInfo({ index: i, count: 3 }, s));
  const parts = infos.map((shard, i) => ({ source: `part${i + 1}`, shard }));

  test('three shards of one plan cover it', () => {
    expect(checkCoverage(parts)).toEqual({ count: 3, missing: [], problems: [] });
  });

  test('a missing shard is named', () => {
    const c = checkCoverage([parts[0], parts[2]]);
    expect(c.missing).toEqual([2]);
    expect(c.problems).toEqual(['shard 2/3: no result (the job failed, was cancelled, or did not upload its part)']);
  });

  test('a duplicate, another plan or a part with no shard are named', () => {
    expect(checkCoverage([...parts, { source: 'again', shard: infos[1] }]).problems).toEqual(['shard 2/3 appears twice: part2 and again']);
    const other = shardInfo({ index: 3, count: 3 }, suite(9));
    expect(checkCoverage([parts[0], parts[1], { source: 'other', shard: other }]).problems[0]).toMatch(/other: shard 3\/3 was planned from another suite/);
    expect(checkCoverage([{ source: 'plain', shard: undefined }]).problems).toEqual(['plain: not a shard\'s result (its run.json names no shard)']);
  });
});

describe('mergeRuns and restrictRun', () => {
  const split = { index: 1, count: 2, planned: [{ pkg: 'm/a', benchmark: 'BenchmarkParse' }, { pkg: 'm/b' }], suite: 'x', units: 3, method: 'measured' as const };

  test('restrictRun keeps the shard’s results, packages and per-benchmark profiles', () => {
    const whole = run(
      [result('m/a', 'Parse-2', 1), result('m/a', 'Sum-2', 1), result('m/b', 'X-2', 1), result('m/c', 'Y-2', 1)],
      [pkgRun('m/a', { benchmarkProfiles: { 'Parse-2': { cpu: ['p'], mem: [] }, 'Sum-2': { cpu: ['s'], mem: [] } } }), pkgRun('m/b'), pkgRun('m/c')],
    );
    const r = restrictRun(whole, split);
    expect(r.results.map((x) => `${x.pkg} ${x.name}`)).toEqual(['m/a Parse-2', 'm/b X-2']);
    expect(r.packages.map((p) => p.pkg)).toEqual(['m/a', 'm/b']);
    expect(Object.keys(r.packages[0].benchmarkProfiles!)).toEqual(['Parse-2']);
    expect(r.shard).toBe(split);
  });

  test('a package split across two shards is joined: worse status, files of both under their prefixes', () => {
    const a = run([result('m/a', 'Parse-2', 1)], [pkgRun('m/a')], { pairing: 'sequential' });
    const b = run([result('m/a', 'Sum-2', 1)], [pkgRun('m/a', { status: 'bench-failed', message: 'boom' })], { pairing: 'duet', incomplete: true });
    const { run: m, warnings } = mergeRuns([
      { run: a, prefix: 'shard-1-of-2' },
      { run: b, prefix: 'shard-2-of-2' },
    ]);
    expect(warnings).toEqual([]);
    expect(m.results.map((x) => x.name)).toEqual(['Parse-2', 'Sum-2']);
    expect(m.packages).toEqual([
      {
        pkg: 'm/a',
        dir: '.',
        status: 'bench-failed',
        message: 'boom',
        outputFiles: ['shard-1-of-2/m_a/bench.txt', 'shard-2-of-2/m_a/bench.txt'],
        cpuProfiles: ['shard-1-of-2/m_a/cpu.pprof', 'shard-2-of-2/m_a/cpu.pprof'],
        memProfiles: [],
      },
    ]);
    expect(m.pairing).toBe('duet');
    expect(m.incomplete).toBe(true);
    expect(m.shard).toBeUndefined();
  });

  test('parts of different commits are merged with a warning', () => {
    const { warnings } = mergeRuns([
      { run: run([], []), prefix: 'shard-1-of-2' },
      { run: run([], [], { commit: 'deadbeef' }), prefix: 'shard-2-of-2' },
    ]);
    expect(warnings).toEqual(['shard-2-of-2 measured commit deadbee, shard-1-of-2 c0ffee']);
  });
});

describe('narrowBenchPattern', () => {
  test.each([
    ['.', ['BenchmarkParse'], '^(BenchmarkParse)$'],
    ['Parse|Sum', ['BenchmarkParse', 'BenchmarkSum'], '^(BenchmarkParse|BenchmarkSum)$'],
    ['Parse/large', ['BenchmarkParse'], '^(BenchmarkParse)$/large'],
    ['(a/b)/[x/]y', ['BenchmarkA'], '^(BenchmarkA)$/[x/]y'],
  ])('%s narrowed to %j → %s', (bench, only, want) => expect(narrowBenchPattern(bench, only)).toBe(want));
});
