import fc from 'fast-check';
import { attribute, type AttributedFunctionDetail } from '../src/attribute/attribute.js';
import { formatDelta } from '../src/attribute/quantity.js';
import type { ChangedFunction } from '../src/diff/match.js';
import type { CommitRef } from '../src/types.js';
import { changedFn, frame, NS, P, profileOf, rowOf } from './helpers/profiles.js';

const profile = profileOf('Parse');
const row = rowOf('Parse');
const commits: Record<string, CommitRef[]> = { [`${P}.skipWS`]: [{ sha: 'abc1234', subject: 'slow skipWS' }] };
const commitsOf = (c: ChangedFunction) => commits[c.function] ?? [];
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 12);

test('a changed callee explains the change; its changed caller, whose own cost did not move, is not blamed', () => {
  const base = profile(frame(`${P}.BenchmarkParse`, 0, 100, 5, '/ci/repo/p/p_test.go'), frame(`${P}.Parse`, 10, 100, 10), frame(`${P}.skipWS`, 20, 20, 40), frame('runtime.mallocgc', 5, 5, 900, '/go/src/runtime/malloc.go'));
  const head = profile(frame(`${P}.BenchmarkParse`, 0, 160, 5, '/ci/repo/p/p_test.go'), frame(`${P}.Parse`, 10, 160, 10), frame(`${P}.skipWS`, 80, 80, 40), frame('runtime.mallocgc', 5, 5, 900, '/go/src/runtime/malloc.go'));
  const a = attribute(row(100, 160), base, head, [changedFn('Parse', 10, 30), changedFn('skipWS', 40, 50)], commitsOf);
  expect(a.note).toBeNull();
  expect(a.functions.map((f) => f.function)).toEqual([`${P}.skipWS`]);
  const [s] = a.functions as AttributedFunctionDetail[];
  expect(s).toMatchObject({ file: 'p/p.go', startLine: 40, endLine: 50, changed: true, commits: commits[`${P}.skipWS`] });
  close(s.delta, 60 * NS);
  close(s.flatDelta, 60 * NS);
  close(s.share, 1);
  // A failing commit lookup costs the commits, not the attribution.
  const failing = () => {
    throw new Error('git failed');
  };
  expect(attribute(row(100, 160), base, head, [changedFn('skipWS', 40, 50)], failing).functions[0].commits).toEqual([]);
});

test('a changed caller that makes unchanged callees work harder is blamed by its cum', () => {
  const base = profile(frame(`${P}.Parse`, 10, 100, 10), frame('bytes.IndexByte', 90, 90, 20, '/go/src/bytes/bytes.go'));
  const head = profile(frame(`${P}.Parse`, 10, 150, 10), frame('bytes.IndexByte', 140, 140, 20, '/go/src/bytes/bytes.go'));
  const a = attribute(row(100, 150), base, head, [changedFn('Parse', 10, 30)], commitsOf);
  expect(a.note).toBeNull();
  expect(a.functions.map((f) => [f.function, f.changed])).toEqual([
    [`${P}.Parse`, true],
    ['bytes.IndexByte', false],
  ]);
  close(a.functions[0].share, 1);
  // Unchanged functions keep the profile's path when it is not in the repo; their end is unknown.
  expect(a.functions[1]).toMatchObject({ file: '/go/src/bytes/bytes.go', startLine: 20, endLine: 0, commits: [] });
});

test('when no changed function explains the change, the note names the largest movers by own cost', () => {
  const base = profile(frame(`${P}.Parse`, 10, 100, 10), frame(`${P}.Other`, 1, 1, 60), frame('runtime.mallocgc', 20, 30, 900, '/go/src/runtime/malloc.go'), frame('runtime.memclrNoHeapPointers', 10, 10, 1, '/go/src/runtime/memclr.s'));
  const head = profile(frame(`${P}.Parse`, 12, 160, 10), frame(`${P}.Other`, 1, 1, 60), frame('runtime.mallocgc', 60, 85, 900, '/go/src/runtime/malloc.go'), frame('runtime.memclrNoHeapPointers', 25, 25, 1, '/go/src/runtime/memclr.s'));
  const a = attribute(row(100, 160), base, head, [changedFn('Other', 60, 62)], commitsOf);
  expect(a.note).toBe(
    'no changed function explains this change; the largest movers are runtime.mallocgc (+40ns self), runtime.memclrNoHeapPointers (+15ns self)',
  );
  expect(a.functions.map((f) => f.function)).toEqual(['runtime.mallocgc', 'runtime.memclrNoHeapPointers']);
  expect(a.functions.every((f) => !f.changed)).toBe(true);
});

test('without the diff (run --baseline without --base), the note does not claim the PR changed nothing', () => {
  const base = profile(frame(`${P}.Parse`, 10, 100, 10), frame('runtime.mallocgc', 20, 30, 900, '/go/src/runtime/malloc.go'));
  const head = profile(frame(`${P}.Parse`, 12, 160, 10), frame('runtime.mallocgc', 60, 85, 900, '/go/src/runtime/malloc.go'));
  expect(attribute(row(100, 160), base, head, [], commitsOf).note).toMatch(/^the PR changed no profiled Go function; the largest movers are runtime.mallocgc/);
  expect(attribute(row(100, 160), base, head, [], commitsOf, { diffKnown: false }).note).toMatch(/^the largest movers are runtime.mallocgc \(\+40ns self\)/);
});

test("a mover's delta and share are its own (flat) cost's, the quantity it was ranked by, not its callees'", () => {
  // runtime.schedule's cum holds the whole spin in runtime.procyield beneath it; its own cost moved little.
  const base = profile(frame(`${P}.Parse`, 90, 90, 10), frame('runtime.schedule', 4, 10, 1, '/go/src/runtime/proc.go'), frame('runtime.procyield', 6, 6, 2, '/go/src/runtime/asm.s'));
  const head = profile(frame(`${P}.Parse`, 90, 90, 10), frame('runtime.schedule', 8, 60, 1, '/go/src/runtime/proc.go'), frame('runtime.procyield', 52, 52, 2, '/go/src/runtime/asm.s'));
  const a = attribute(row(100, 150), base, head, [], commitsOf);
  expect(a.functions.map((f) => f.function)).toEqual(['runtime.procyield', 'runtime.schedule']);
  close(a.functions[0].delta, 46 * NS);
  close(a.functions[1].delta, 4 * NS); // not its Δcum of +50ns
  close((a.functions[1] as AttributedFunctionDetail).flatDelta, 4 * NS);
  close(a.functions[1].share, 4 / 50);
  // Movers' shares are of disjoint costs: together at most the whole change.
  expect(a.functions.reduce((s, f) => s + f.share, 0)).toBeLessThanOrEqual(1 + 1e-12);
});

test('improvements are attributed in their own direction', () => {
  const base = profile(frame(`${P}.Parse`, 10, 100, 10), frame(`${P}.skipWS`, 60, 60, 40));
  const head = profile(frame(`${P}.Parse`, 10, 70, 10), frame(`${P}.skipWS`, 30, 30, 40));
  const a = attribute(row(100, 70), base, head, [changedFn('skipWS', 40, 50)], commitsOf);
  expect(a.note).toBeNull();
  expect(a.functions[0].function).toBe(`${P}.skipWS`);
  close(a.functions[0].delta, -30 * NS);
  close(a.functions[0].share, 1);
});

test("a changed function's closures and generic instantiations are one function, counted once", () => {
  const add = (shape: string, flat: number, cum: number) => frame(`${P}.(*Set[go.shape.${shape}]).Add`, flat, cum, 10);
  const closure = (flat: number, cum: number) => frame(`${P}.(*Set[go.shape.int]).Add.func1`, flat, cum, 12);
  const base = profile(add('int', 10, 30), add('string', 10, 10), closure(20, 20));
  const head = profile(add('int', 10, 60), add('string', 20, 20), closure(50, 50));
  const a = attribute(row(100, 140), base, head, [changedFn('(*Set[...]).Add', 10, 20)], commitsOf);
  const [f] = a.functions as AttributedFunctionDetail[];
  expect(f).toMatchObject({ function: `${P}.(*Set[...]).Add`, changed: true });
  close(f.delta, 40 * NS); // int: +30 (its closure inside), string: +10
  close(f.flatDelta, 40 * NS); // 0 + 10 + 30
});

test('a function the PR deleted is matched on the base side; unchanged repo files get repo paths', () => {
  const base = profile(frame(`${P}.Parse`, 10, 100, 10), frame(`${P}.slowPath`, 0, 0, 70), frame(`${P}.helper`, 5, 5, 3, '/ci/repo/p/util.go'));
  const head = profile(frame(`${P}.Parse`, 10, 100, 10), frame(`${P}.fastPath`, 0, 0, 70), frame(`${P}.helper`, 55, 55, 3, '/ci/repo/p/util.go'));
  const gone = changedFn('slowPath', 70, 80, { side: 'base' });
  const a = attribute(row(100, 150), base, head, [changedFn('Parse', 10, 30), gone], () => {
    throw new Error('git failed');
  });
  const helper = a.functions.find((f) => f.function === `${P}.helper`)!;
  expect(helper).toMatchObject({ file: 'p/util.go', changed: false });
  expect(a.note).toMatch(/^no changed function explains this change; the largest movers are example.com\/m\/p.helper \(\+50ns self\)/);
});

test('what cannot be attributed says why, and never throws', () => {
  const p = profile(frame(`${P}.Parse`, 10, 100, 10));
  const cases: [Attribution, RegExp][] = [
    [attribute(row(100, 101, { significant: false, verdict: 'unchanged' }), p, p, [], commitsOf), /not a significant change \(unchanged\)/],
    [attribute(row(100, 150), undefined, p, [], commitsOf), /no base profile/],
    [attribute(row(100, 150), p, undefined, [], commitsOf), /no head profile/],
    [attribute(row(100, 150), undefined, undefined, [], commitsOf), /either side/],
    [attribute(row(100, 150), p, profile(), [], commitsOf), /no frames of this benchmark in the head profile/],
    [attribute(row(100, 150), p, { ...p, unit: 'B/op' }, [], commitsOf), /B\/op/],
    [attribute(row(100, 150, { base: null, verdict: 'regression' }), p, p, [], commitsOf), /missing on one side/],
    [attribute(row(100, 100, { verdict: 'regression' }), p, p, [], commitsOf), /centers are equal/],
  ];
  for (const [a, note] of cases) {
    expect(a.functions).toEqual([]);
    expect(a.note).toMatch(note);
  }
});

test('the profile notes travel with the attribution', () => {
  const base = { ...profile(frame(`${P}.skipWS`, 10, 10, 40)), note: 'sub-benchmarks share one closure' };
  const head = profile(frame(`${P}.skipWS`, 60, 60, 40));
  expect(attribute(row(10, 60), base, head, [changedFn('skipWS', 40, 50)], commitsOf).note).toBe('sub-benchmarks share one closure');
});

test('quantities in notes', () => {
  expect(formatDelta(40e-9, 'sec/op')).toBe('+40ns');
  expect(formatDelta(-1.5e-3, 'sec/op')).toBe('−1.5ms');
  expect(formatDelta(2048, 'B/op')).toBe('+2KiB');
  expect(formatDelta(3, 'allocs/op')).toBe('+3 allocs');
  expect(formatDelta(0, 'widgets/op')).toBe('0 widgets');
});

test('a changed function is listed once: not again as an offset through its closure or its other side', () => {
  // fast-check's counterexample (CI): A's closure and A itself are groups of their own that both
  // name the changed A; one was listed as a function and the other as its offset.
  const b = [{ function: `${P}.A`, file: '/r/p/p.go', startLine: 0, flat: 0, cum: 0 }];
  const h = [
    { function: `${P}.A.func1`, file: '/r/p/p.go', startLine: 1, flat: 0, cum: 0 },
    { function: `${P}.A`, file: '/r/p/p.go', startLine: 0, flat: 0, cum: -4.1359030627651386e-26 },
  ];
  const c = (['base', 'head'] as const).map((side) => ({ function: `${P}.A`, file: 'p/p.go', pkgPath: P, startLine: 27, endLine: 0, side }));
  const a = attribute(row(1.0000000000000033, 1.000000000000003), profile(...b), profile(...h), c, commitsOf);
  const key = (f: { function: string; file: string; startLine: number }) => `${f.function} ${f.file} ${f.startLine}`;
  const listed = new Set(a.functions.map(key));
  for (const o of a.offsets ?? []) expect(listed.has(key(o))).toBe(false);
  expect(new Set((a.offsets ?? []).map(key)).size).toBe(a.offsets?.length ?? 0);
});

test('property: arbitrary profiles and changes never throw, and an empty list always says why', () => {
  const name = fc.constantFrom(`${P}.A`, `${P}.B`, `${P}.A.func1`, `${P}.G[go.shape.int]`, 'runtime.x', '');
  const frames = fc.array(
    fc.record({ function: name, file: fc.constantFrom('/r/p/p.go', 'example.com/m/p/p.go', ''), startLine: fc.nat(40), flat: fc.double({ noNaN: false }), cum: fc.double() }),
    { maxLength: 6 },
  );
  const changed = fc.array(
    fc.record({ function: name, file: fc.constantFrom('p/p.go', ''), pkgPath: fc.constant(P), startLine: fc.nat(40), endLine: fc.nat(40), side: fc.constantFrom('head' as const, 'base' as const) }),
    { maxLength: 3 },
  );
  fc.assert(
    fc.property(frames, frames, changed, fc.double({ min: 1, max: 1e6 }), fc.double({ min: 1, max: 1e6 }), (b, h, c, x, y) => {
      const a = attribute(row(x, y), profile(...b), profile(...h), c, commitsOf);
      expect(a.functions.length).toBeLessThanOrEqual(8);
      if (a.functions.length === 0) expect(a.note).not.toBeNull();
      // Offsets are changed functions that moved against the row, listed once, apart from `functions`.
      for (const o of a.offsets ?? []) {
        expect(o.changed).toBe(true);
        expect(o.share).toBeLessThan(0);
        expect(a.functions.some((f) => f.function === o.function && f.startLine === o.startLine && f.file === o.file)).toBe(false);
      }
      expect(a.offsets?.length ?? 0).toBeLessThanOrEqual(3);
      expect(new Set((a.offsets ?? []).map((o) => `${o.function} ${o.file} ${o.startLine}`)).size).toBe(a.offsets?.length ?? 0);
      expect(a.offsets === undefined).toBe(a.changedNet === undefined);
    }),
    { numRuns: 500 },
  );
});

type Attribution = ReturnType<typeof attribute>;
