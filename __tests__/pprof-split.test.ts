/**
 * Splitting a package's profile by benchmark and turning shares into costs per op, on
 * real profiles of the fixture module and on synthetic ones for the label and closure cases.
 */
import { decodeProfile } from '../src/pprof/decode.js';
import { diffBenchmarkProfiles, perOpCosts } from '../src/pprof/perop.js';
import { readProfileFile } from '../src/pprof/read.js';
import { splitByBenchmark } from '../src/pprof/split.js';
import { topFunctions } from '../src/pprof/top.js';
import { encodeSynthetic, makeProfiles, MODULE, type PackageProfiles } from './fixtures/profmod/build.js';

const SHAPES = `${MODULE}/shapes`;
let profiles: Record<string, PackageProfiles>;
beforeAll(async () => {
  profiles = await makeProfiles(['shapes', 'other']);
}, 120_000);

describe('real memory profile (alloc_space)', () => {
  test('every sample is in one benchmark or unattributed; nothing is dropped', async () => {
    const p = await readProfileFile(profiles.shapes.mem);
    const split = splitByBenchmark(p, SHAPES, 'alloc_space');
    const byStack = [...split.benchmarks.values()].filter((b) => !b.byLabel);
    expect(byStack.map((b) => b.name).sort()).toEqual(expect.arrayContaining(['Alloc', 'Busy', 'Labeled', 'Shared']));
    expect(byStack.reduce((s, b) => s + b.all.total, 0) + split.unattributed.total).toBe(split.total);
    expect(split.total).toBe(topFunctions(p, 'alloc_space').total);
    // The test binary's own start-up (flag parsing, profile setup) belongs to no benchmark.
    expect(split.unattributed.total).toBeGreaterThan(0);
  });

  test('per op: the benchmark function carries the whole measured value; its callees a share of it', async () => {
    const split = splitByBenchmark(await readProfileFile(profiles.shapes.mem), SHAPES, 'alloc_space');
    const bp = perOpCosts(split, 'Alloc-2', 'B/op', 9000);
    expect(bp).toMatchObject({ package: SHAPES, name: 'Alloc-2', unit: 'B/op' });
    expect(bp.note).toBeUndefined();
    const fn = (name: string) => bp.functions.find((f) => f.function === `${SHAPES}.${name}`);
    expect(fn('BenchmarkAlloc')!.cum).toBeCloseTo(9000, 6);
    const boxes = fn('Boxes')!;
    const words = fn('Words')!;
    expect(boxes.flat).toBeGreaterThan(0);
    expect(boxes.cum + words.cum).toBeLessThanOrEqual(9000 + 1e-6);
    expect(boxes.file).toMatch(/shapes[\\/]shapes\.go$/);
    expect(boxes.startLine).toBeGreaterThan(0);
    // The generic Map and Words' closure are attributed under their pprof names.
    expect(bp.functions.some((f) => f.function.startsWith(`${SHAPES}.Map[`))).toBe(true);
    expect(bp.functions.some((f) => f.function.startsWith(`${SHAPES}.Words.func`))).toBe(true);
  });

  test('sub-benchmarks sharing one closure: the estimate comes with a note saying why it is approximate', async () => {
    const split = splitByBenchmark(await readProfileFile(profiles.shapes.mem), SHAPES, 'alloc_space');
    const shared = split.benchmarks.get('Shared')!;
    expect(shared.closureNames).toEqual(['func1']);
    const bp = perOpCosts(split, 'Shared/n=4-2', 'B/op', 100);
    expect(bp.note).toMatch(/cannot be told apart by stack.*BenchmarkShared\.func1/);
    // Only the closures' samples count, not the parent's b.Run bookkeeping.
    expect(bp.functions.find((f) => f.function === `${SHAPES}.BenchmarkShared.func1`)!.cum).toBeCloseTo(100, 6);
    expect(bp.functions.find((f) => f.function === `${SHAPES}.BenchmarkShared`)).toBeUndefined();
  });

  test('a benchmark with no samples, or another package, gives an empty profile with a note', async () => {
    const p = await readProfileFile(profiles.shapes.mem);
    expect(perOpCosts(splitByBenchmark(p, SHAPES, 'alloc_space'), 'Nope-2', 'B/op', 1)).toMatchObject({ functions: [], note: expect.stringMatching(/no samples/) });
    const wrongPkg = splitByBenchmark(p, `${MODULE}/other`, 'alloc_space');
    expect(wrongPkg.benchmarks.size).toBe(0);
    expect(wrongPkg.unattributed.total).toBe(wrongPkg.total);
  });

  test('the same benchmark name in another package is that package\'s benchmark', async () => {
    const split = splitByBenchmark(await readProfileFile(profiles.other.cpu), `${MODULE}/other`, 'cpu');
    const busy = perOpCosts(split, 'Busy-2', 'sec/op', 1e-3);
    expect(busy.functions.map((f) => f.function)).toContain(`${MODULE}/other.BenchmarkBusy`);
    expect(busy.functions.map((f) => f.function)).not.toContain(`${SHAPES}.BenchmarkBusy`);
  });
});

test('real CPU profile: sec/op is spread over the busy benchmark\'s functions; labels pick sub-benchmarks', async () => {
  const split = splitByBenchmark(await readProfileFile(profiles.shapes.cpu), SHAPES, 'cpu');
  const busy = perOpCosts(split, 'Busy-2', 'sec/op', 0.01);
  expect(busy.functions[0].cum).toBeGreaterThan(0);
  expect(busy.functions.find((f) => f.function === `${SHAPES}.BenchmarkBusy`)!.cum).toBeCloseTo(0.01, 9);
  // The labeled sub-benchmarks run ~10 ms each in total: a sample or two may land in each.
  for (const [name, b] of split.benchmarks) {
    if (b.byLabel) {
      expect(name).toMatch(/^Labeled\/n=[28]$/);
      expect(perOpCosts(split, `${name}-2`, 'sec/op', 1).note).toBeUndefined();
    }
  }
});

describe('synthetic profiles', () => {
  const pkg = 'example.com/m/p';
  const f = (n: string) => `${pkg}.${n}`;
  const runN = ['testing.(*B).runN'];
  const profile = decodeProfile(
    encodeSynthetic({
      sampleTypes: [['cpu', 'nanoseconds']],
      samples: [
        // Two sub-benchmarks of X, told apart only by their label.
        { stack: [[f('work')], [f('BenchmarkX.func1')], runN], values: [30], labels: { benchmark: 'BenchmarkX/small' } },
        { stack: [[f('work')], [f('helper')], [f('BenchmarkX.func1')], runN], values: [90], labels: { benchmark: 'BenchmarkX/big' } },
        // A benchmark in the external test package, with a nested closure and an inlined callee.
        { stack: [[f('leaf'), f('mid')], [`${pkg}_test.BenchmarkY.func1.2`], [`${pkg}_test.BenchmarkY`], runN], values: [40] },
        // GC work: no benchmark frame.
        { stack: [['runtime.gcBgMarkWorker']], values: [10] },
      ],
    }),
    'synthetic',
  );
  const split = splitByBenchmark(profile, pkg, 'cpu');

  test('labels split sub-benchmarks that share a closure', () => {
    const small = perOpCosts(split, 'X/small-8', 'sec/op', 3e-6);
    const big = perOpCosts(split, 'X/big-8', 'sec/op', 9e-6);
    expect(small.note).toBeUndefined();
    expect(small.functions.map((x) => [x.function, x.flat, x.cum])).toEqual([
      [f('work'), 3e-6, 3e-6],
      [f('BenchmarkX.func1'), 0, 3e-6],
      ['testing.(*B).runN', 0, 3e-6],
    ]);
    expect(big.functions.find((x) => x.function === f('helper'))!.cum).toBeCloseTo(9e-6, 15);
  });

  test('the root-most benchmark frame names the benchmark, _test packages and nested closures included', () => {
    const y = split.benchmarks.get('Y')!;
    expect(y.all.total).toBe(40);
    // BenchmarkY's body called its closure itself, so the body is the root-most frame.
    expect(y.closureNames).toEqual([]);
    const bp = perOpCosts(split, 'Y', 'sec/op', 2);
    expect(bp.functions.find((x) => x.function === f('leaf'))).toMatchObject({ flat: 2, cum: 2 });
    expect(bp.functions.find((x) => x.function === f('mid'))).toMatchObject({ flat: 0, cum: 2 });
    expect(split.unattributed).toMatchObject({ total: 10, functions: [{ function: 'runtime.gcBgMarkWorker', flat: 10, cum: 10 }] });
  });

  test('diffBenchmarkProfiles ranks functions by |Δcum| per op', () => {
    const base = perOpCosts(split, 'X/small', 'sec/op', 3e-6);
    const head = perOpCosts(split, 'X/big', 'sec/op', 9e-6);
    const d = diffBenchmarkProfiles(base, head);
    // helper is new on the head side (+9µs); the others grew from 3µs to 9µs (+6µs), then by name.
    expect(d.map((r) => r.function)).toEqual([f('helper'), f('BenchmarkX.func1'), f('work'), 'testing.(*B).runN']);
    expect(d[0]).toMatchObject({ base: { flat: 0, cum: 0 } });
    expect(d[0].deltaCum).toBeCloseTo(9e-6, 15);
    expect(d[1].deltaCum).toBeCloseTo(6e-6, 15);
    expect(d.find((r) => r.function === f('work'))!.deltaFlat).toBeCloseTo(6e-6, 15);
  });
});
