/**
 * Per-op costs add up: whatever the stacks (recursion, inlined frames, goroutines under no
 * benchmark frame), a function's flat share of a profile is at most the whole, disjoint functions'
 * flat shares together too, and the flats per op of all functions sum to the row's center — for a
 * benchmark's own profile (wholeProfile) and for its part of a package-wide split alike. So head −
 * base of the flats, summed over all functions, is the row's Δ, and no mover can be credited with
 * more than the change unless others moved the other way. And how a split by stack treats the
 * goroutines of b.RunParallel, which start under no benchmark frame.
 */
import fc from 'fast-check';
import type { Line, Location, ProfFunction, Profile, Sample } from '../src/pprof/model.js';
import { diffBenchmarkProfiles, perOpCosts, perOpCostsOfSlice } from '../src/pprof/perop.js';
import { splitByBenchmark } from '../src/pprof/split.js';
import { splitCoverage } from '../src/engine.js';
import type { BenchResult } from '../src/types.js';
import { wholeProfile } from '../src/pprof/whole.js';

const PKG = 'example.com/m/p';
const NAMES = [
  `${PKG}.BenchmarkX`,
  `${PKG}.BenchmarkX.func1`,
  `${PKG}.helper`,
  `${PKG}.helper.func1`,
  `${PKG}.skipWS`,
  'testing.(*B).runN',
  'testing.(*B).RunParallel.func1',
  'runtime.gcBgMarkWorker',
  'runtime.mallocgc',
  'runtime.(*spanSet).pop',
  `${PKG}.BenchmarkY`,
  `${PKG}.shared`,
  `${PKG}.shared.func1`,
];
const [bench, fn1, helper, helperFn1, skipWS, runN, parallel, gc, , , benchY, shared, sharedFn1] = NAMES.map((_, i) => i);

/** A profile from stacks given as lists of locations (each a list of inlined names, innermost first), leaf first. */
function build(samples: { stack: number[][]; value: number }[]): Profile {
  const functions: ProfFunction[] = NAMES.map((name, i) => ({ id: i + 1, name, systemName: name, filename: name.startsWith(PKG) ? '/r/p/p.go' : '/go/src/x.go', startLine: i + 1 }));
  const locations = new Map<string, Location>();
  const location = (lines: number[]): Location => {
    const key = lines.join(',');
    let l = locations.get(key);
    if (!l) {
      const line: Line[] = lines.map((f) => ({ function: functions[f], line: 10, column: 0 }));
      l = { index: locations.size, id: locations.size + 1, mapping: null, address: 0, line, isFolded: false };
      locations.set(key, l);
    }
    return l;
  };
  const sample: Sample[] = samples.map((s) => ({ location: s.stack.map(location), value: [s.value / 1e7, s.value], label: {}, numLabel: {}, numUnit: {} }));
  return {
    sampleType: [{ type: 'samples', unit: 'count' }, { type: 'cpu', unit: 'nanoseconds' }],
    defaultSampleType: '',
    sample,
    mapping: [],
    location: [...locations.values()],
    function: functions,
    dropFrames: '',
    keepFrames: '',
    timeNanos: 0,
    durationNanos: 0,
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    period: 1e7,
    comments: [],
    docUrl: '',
  };
}

const frameIndex = fc.integer({ min: 0, max: NAMES.length - 1 });
const stacks = fc.array(
  fc.record({
    stack: fc.array(fc.array(frameIndex, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }),
    value: fc.integer({ min: 1, max: 50 }).map((n) => n * 1e7),
  }),
  { minLength: 1, maxLength: 40 },
);
const center = fc.double({ min: 1e-9, max: 1, noNaN: true });
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

test('property: a whole profile — flat shares of disjoint functions never exceed the total, flats per op sum to the center', () => {
  fc.assert(
    fc.property(stacks, center, fc.array(fc.boolean(), { minLength: NAMES.length, maxLength: NAMES.length }), (samples, c, pick) => {
      const slice = wholeProfile(build(samples), 'cpu');
      expect(slice.total).toBe(sum(samples.map((s) => s.value)));
      // Disjoint functions: any subset of distinct functions.
      const subset = slice.functions.filter((f) => pick[NAMES.indexOf(f.function)]);
      expect(sum(subset.map((f) => f.flat))).toBeLessThanOrEqual(slice.total);
      for (const f of slice.functions) expect(f.cum).toBeLessThanOrEqual(slice.total);

      const bp = perOpCostsOfSlice(slice, PKG, 'X/large-2', 'sec/op', c);
      expect(sum(bp.functions.map((f) => f.flat))).toBeCloseTo(c, 12);
      for (const f of bp.functions) {
        expect(f.flat).toBeLessThanOrEqual(c * (1 + 1e-12));
        expect(f.cum).toBeLessThanOrEqual(c * (1 + 1e-12));
        expect(f.flat).toBeLessThanOrEqual(f.cum * (1 + 1e-12));
      }
    }),
    { numRuns: 300 },
  );
});

test("property: the split benchmark's flats per op sum to the center too (same total for flat and cum)", () => {
  fc.assert(
    fc.property(stacks, center, (samples, c) => {
      const split = splitByBenchmark(build(samples), PKG, 'cpu');
      for (const b of split.benchmarks.values()) {
        const bp = perOpCosts(split, b.name, 'sec/op', c);
        if (bp.functions.length === 0) continue;
        expect(sum(bp.functions.map((f) => f.flat))).toBeCloseTo(c, 12);
        for (const f of bp.functions) expect(f.cum).toBeLessThanOrEqual(c * (1 + 1e-12));
      }
    }),
    { numRuns: 300 },
  );
});

test('property: head − base of the flats, over all functions, is the row\'s Δ', () => {
  fc.assert(
    fc.property(stacks, stacks, center, center, (b, h, cb, ch) => {
      const base = perOpCostsOfSlice(wholeProfile(build(b), 'cpu'), PKG, 'X', 'sec/op', cb);
      const head = perOpCostsOfSlice(wholeProfile(build(h), 'cpu'), PKG, 'X', 'sec/op', ch);
      const deltas = diffBenchmarkProfiles(base, head);
      expect(sum(deltas.map((d) => d.deltaFlat))).toBeCloseTo(ch - cb, 12);
      // No one function's Δflat exceeds the larger center: at most its whole cost moved.
      for (const d of deltas) expect(Math.abs(d.deltaFlat)).toBeLessThanOrEqual(Math.max(cb, ch) * (1 + 1e-12));
    }),
    { numRuns: 300 },
  );
});

test("b.RunParallel goroutines and GC workers are all in a benchmark's own profile", () => {
  const p = build([
    { stack: [[helper], [fn1], [bench], [runN]], value: 2e7 }, // setup under the benchmark frame
    { stack: [[skipWS], [helperFn1], [parallel]], value: 90e7 }, // the work, in RunParallel goroutines
    { stack: [[gc]], value: 8e7 },
  ]);
  const whole = perOpCostsOfSlice(wholeProfile(p, 'cpu'), PKG, 'X/large-2', 'sec/op', 1e-3);
  expect(whole.functions.find((f) => f.function === `${PKG}.skipWS`)!.flat).toBeCloseTo(0.9e-3, 15);
  expect(whole.functions.find((f) => f.function === 'runtime.gcBgMarkWorker')!.flat).toBeCloseTo(0.08e-3, 15);
});

describe('a split by stack and b.RunParallel goroutines (under no benchmark frame)', () => {
  test("are the benchmark's when its stacks, and only its, show the helper whose closure they run", () => {
    const p = build([
      { stack: [[helper], [fn1], [runN]], value: 2e7 }, // X's setup in the helper, in a sub-benchmark's closure
      { stack: [[skipWS], [helperFn1], [parallel]], value: 90e7 }, // the helper's parallel body
      { stack: [[skipWS], [benchY], [runN]], value: 30e7 },
      { stack: [[gc]], value: 8e7 },
    ]);
    const split = splitByBenchmark(p, PKG, 'cpu');
    const x = split.benchmarks.get('X')!;
    expect(x).toMatchObject({ parallelVia: [`${PKG}.helper`], parallelLost: [] });
    expect([x.all.total, x.closures!.total]).toEqual([92e7, 92e7]);
    expect(split.benchmarks.get('Y')!.all.total).toBe(30e7);
    expect([split.unattributed.total, split.parallelUnattributed]).toEqual([8e7, 0]);
    const bp = perOpCosts(split, 'X/large-2', 'sec/op', 1e-3);
    expect(bp.functions.find((f) => f.function === `${PKG}.skipWS`)!.flat).toBeCloseTo((90 / 92) * 1e-3, 15);
    expect(bp.note).toMatch(/b\.RunParallel goroutines of example\.com\/m\/p\.helper are counted as BenchmarkX's/);
  });

  test('stay unassigned when several benchmarks show the helper, and those benchmarks say their work is lost', () => {
    const p = build([
      { stack: [[shared], [fn1], [bench], [runN]], value: 2e7 },
      { stack: [[shared], [benchY], [runN]], value: 1e7 },
      { stack: [[skipWS], [sharedFn1], [parallel]], value: 90e7 },
    ]);
    const split = splitByBenchmark(p, PKG, 'cpu');
    expect(split.parallelUnattributed).toBe(90e7);
    for (const name of ['X', 'Y']) expect(split.benchmarks.get(name)).toMatchObject({ parallelVia: [], parallelLost: [`${PKG}.shared`] });
  });

  test('splitCoverage: a benchmark whose work ran in goroutines no stack links covers little; a serial one beside it does not', () => {
    const p = build([
      { stack: [[skipWS], [bench], [runN]], value: 2e7 }, // X's setup (the helper was not sampled)
      { stack: [[skipWS], [sharedFn1], [parallel]], value: 180e7 }, // X's work on 2 CPUs
      { stack: [[skipWS], [benchY], [runN]], value: 100e7 }, // Y, serial
    ]);
    const split = splitByBenchmark(p, PKG, 'cpu');
    expect(split.parallelUnattributed).toBe(180e7);
    // X and Y measured 1 s each (wall).
    const result = (name: string): BenchResult => ({ pkg: PKG, name, config: {}, iterations: 1000, values: [{ unit: 'sec/op', value: 1e-3 }] });
    const results = [result('X/large-2'), result('Y-2')];
    expect(splitCoverage(split, results, PKG, 'X', 'sec/op')).toBeLessThan(0.05);
    expect(splitCoverage(split, results, PKG, 'Y', 'sec/op')).toBeGreaterThan(0.5);
    // With no parallel work lost, a split is taken as it is.
    expect(splitCoverage(splitByBenchmark(build([{ stack: [[skipWS], [benchY], [runN]], value: 1e7 }]), PKG, 'cpu'), results, PKG, 'Y', 'sec/op')).toBeNull();
  });
});

describe('a benchmark’s own memory profile', () => {
  test('onlyUnder keeps the allocations made under the benchmark’s frames or its RunParallel goroutines, not the harness’s', async () => {
    const { benchmarkFramePattern, PARALLEL_BODY } = await import('../src/pprof/split.js');
    const p = build([
      { stack: [[skipWS], [bench], [runN]], value: 30 }, // the benchmark's own allocation
      { stack: [[skipWS], [parallel]], value: 10 }, // its b.RunParallel goroutine
      { stack: [[gc]], value: 60 }, // outside any benchmark frame: the harness's, for allocations
    ]);
    const all = wholeProfile(p, 'cpu');
    expect(all.total).toBe(100);
    const mine = wholeProfile(p, 'cpu', { onlyUnder: [benchmarkFramePattern(PKG), PARALLEL_BODY] });
    expect(mine.total).toBe(40);
    expect(mine.functions.find((f) => f.function === `${PKG}.skipWS`)?.flat).toBe(40);
    expect(mine.functions.some((f) => f.function === "runtime.gcBgMarkWorker")).toBe(false);
  });
});
