/**
 * Decoding pprof profiles: the hand-written reader against protobufjs reflection on real
 * Go profiles, the encodings Go and others use (gzip or not, packed or not, 64-bit and
 * negative values), and bad input, which must always be a BenchgateError.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { ungzip } from 'pako';
import { BenchgateError } from '../src/errors.js';
import { decodeProfile, decodeRawProfile, uncompressProfile } from '../src/pprof/decode.js';
import { mergeProfiles } from '../src/pprof/merge.js';
import { readProfileFile } from '../src/pprof/read.js';
import { decodeRawWithProtobufjs } from '../src/pprof/reflect.js';
import { resolveProfile, type RawProfile } from '../src/pprof/raw.js';
import { topFunctions, topOfProtobuf } from '../src/pprof/top.js';
import { fixed2, goG2, percentage, scaledLabel } from '../src/pprof/units.js';
import { encodeSynthetic, makeProfiles, type PackageProfiles, type SyntheticProfile } from './fixtures/profmod/build.js';

let shapes: PackageProfiles;
beforeAll(async () => {
  shapes = (await makeProfiles(['shapes'])).shapes;
}, 120_000);

const withoutOffsets = (raw: RawProfile) =>
  JSON.parse(JSON.stringify(raw, (k, v) => (k === 'at' ? undefined : v)));

function expectPprofError(f: () => unknown, file?: string) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BenchgateError);
    expect((e as BenchgateError).code).toBe('pprof');
    if (file) expect((e as BenchgateError).message).toContain(file);
    return e as BenchgateError;
  }
  throw new Error('expected a BenchgateError');
}

test('the generated schema module is up to date with proto/profile.proto', async () => {
  await promisify(execFile)('node', ['scripts/gen-proto.mjs', '--check']);
});

describe('real Go profiles', () => {
  test.each(['cpu', 'mem'] as const)('%s: the hand-written reader and protobufjs agree field for field', async (kind) => {
    const bytes = ungzip(await readFile(shapes[kind]));
    const ours = decodeRawProfile(bytes, 'x');
    const theirs = decodeRawWithProtobufjs(bytes, 'x');
    expect(withoutOffsets(ours)).toEqual(withoutOffsets(theirs));
    expect(ours.sample.length).toBeGreaterThan(0);
  });

  test('gzip and plain bytes decode to the same profile', async () => {
    const gz = await readFile(shapes.mem);
    const p = decodeProfile(gz, 'mem');
    expect(decodeProfile(ungzip(gz), 'mem')).toEqual(p);
    expect(p.sampleType.map((t) => t.type)).toEqual(['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space']);
    expect(p.defaultSampleType).toBe('alloc_space');
    expect(p.periodType).toEqual({ type: 'space', unit: 'bytes' });
  });

  test('ids resolve to objects, inlined frames keep their order, start lines are there', async () => {
    const p = await readProfileFile(shapes.cpu);
    expect(p.sampleType.map((t) => `${t.type}/${t.unit}`)).toEqual(['samples/count', 'cpu/nanoseconds']);
    const spin = p.function.find((f) => f.name === 'example.com/profmod/shapes.Spin')!;
    expect(spin.filename).toMatch(/shapes[\\/]shapes\.go$/);
    expect(spin.startLine).toBeGreaterThan(0);
    // square is inlined into Spin's closure: one Location holds both, the closure last (the caller).
    const inlined = p.location.find((l) => l.line.length > 1 && l.line[0].function.name.endsWith('shapes.square'));
    if (inlined) expect(inlined.line[inlined.line.length - 1].function.name).not.toBe('example.com/profmod/shapes.square');
    for (const s of p.sample) for (const l of s.location) expect(p.location[l.index]).toBe(l);
  });

  test('a missing file is a BenchgateError naming it', async () => {
    await expect(readProfileFile('/nonexistent/x.pprof')).rejects.toThrow(/nonexistent\/x\.pprof: cannot read profile/);
  });
});

describe('encodings', () => {
  const spec: SyntheticProfile = {
    sampleTypes: [['alloc_space', 'bytes'], ['delta', 'count']],
    samples: [
      { stack: [['leaf'], ['main']], values: [2 ** 40 + 3, -5] },
      { stack: [['inner', 'outer'], ['main']], values: [7, -(2 ** 33)] },
    ],
  };

  test('packed and unpacked repeated fields decode alike; 64-bit and negative values survive', () => {
    const packed = decodeProfile(encodeSynthetic(spec), 'p');
    const unpacked = decodeProfile(encodeSynthetic(spec, { packed: false }), 'u');
    expect(unpacked).toEqual(packed);
    expect(packed.sample.map((s) => s.value)).toEqual([[2 ** 40 + 3, -5], [7, -(2 ** 33)]]);
    expect(packed.sample[1].location[0].line.map((l) => l.function.name)).toEqual(['inner', 'outer']);
  });

  test('an empty profile (no samples) decodes and has no rows', () => {
    const p = decodeProfile(encodeSynthetic({ sampleTypes: [['cpu', 'nanoseconds']], samples: [] }, { gzip: true }), 'e');
    expect(p.sample).toEqual([]);
    expect(topFunctions(p)).toMatchObject({ total: 0, rows: [] });
  });

  test('labels become string labels', () => {
    const p = decodeProfile(
      encodeSynthetic({ sampleTypes: [['cpu', 'nanoseconds']], samples: [{ stack: [['f']], values: [1], labels: { benchmark: 'BenchmarkX/a' } }] }),
    );
    expect(p.sample[0].label).toEqual({ benchmark: ['BenchmarkX/a'] });
  });
});

describe('bad input is a BenchgateError with the file and, where known, the byte', () => {
  test('an empty file', () => {
    expectPprofError(() => decodeProfile(new Uint8Array(0), 'empty.pprof'), 'empty.pprof');
  });

  test('truncated gzip', async () => {
    const gz = await readFile(shapes.cpu);
    const e = expectPprofError(() => decodeProfile(gz.subarray(0, gz.length >> 1), 'cut.pprof'), 'cut.pprof');
    expect(e.message).toMatch(/gzip/);
  });

  test('truncated protobuf names the offset', async () => {
    const raw = ungzip(await readFile(shapes.cpu));
    const e = expectPprofError(() => decodeProfile(raw.subarray(0, raw.length - 3), 'cut.pb'), 'cut.pb');
    expect(e.where.offset).toBeGreaterThanOrEqual(0);
  });

  test('text is not a profile', () => {
    expectPprofError(() => decodeProfile(new TextEncoder().encode('BenchmarkX-8  10  100 ns/op\n'), 'bench.txt'), 'bench.txt');
  });

  test('dangling ids and string indices', () => {
    const base = decodeRawProfile(encodeSynthetic({ sampleTypes: [['cpu', 'nanoseconds']], samples: [{ stack: [['f'], ['g']], values: [1] }] }), 'x');
    const broken = (edit: (r: RawProfile) => void) => {
      const r: RawProfile = structuredClone(base);
      edit(r);
      return expectPprofError(() => resolveProfile(r, 'bad.pprof'), 'bad.pprof');
    };
    expect(broken((r) => (r.sample[0].locationId[0] = 99)).message).toMatch(/unknown location id 99/);
    expect(broken((r) => (r.location[0].line[0].functionId = 42)).message).toMatch(/unknown function id 42/);
    expect(broken((r) => (r.function[0].name = 1000)).message).toMatch(/string index 1000/);
    expect(broken((r) => (r.sampleType[0].unit = -1)).message).toMatch(/string index -1/);
    expect(broken((r) => r.sample[0].value.push(3)).message).toMatch(/2 values but the profile has 1 sample types/);
    expect(broken((r) => (r.stringTable[0] = 'x')).message).toMatch(/string_table\[0\]/);
    expect(broken((r) => (r.location[1].id = r.location[0].id)).message).toMatch(/two locations/);
  });

  test('fast-check: arbitrary bytes never throw anything but BenchgateError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          decodeProfile(bytes, 'fuzz');
        } catch (e) {
          if (!(e instanceof BenchgateError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('fast-check: on a real profile with bytes cut or overwritten, the two-pass top reader fails where decoding fails and agrees where it succeeds', async () => {
    const raw = ungzip(await readFile(shapes.mem));
    const outcome = (f: () => unknown) => {
      try {
        return f();
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        return 'error';
      }
    };
    let decoded = 0;
    fc.assert(
      fc.property(
        // Whole files half the time, so that overwritten values and ids are read to the end.
        fc.oneof(fc.constant(raw.length - 1), fc.nat(raw.length - 1)),
        fc.array(fc.tuple(fc.nat(raw.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        (cut, edits) => {
          const bytes = raw.slice(0, cut + 1);
          for (const [at, v] of edits) if (at < bytes.length) bytes[at] = v;
          const whole = outcome(() => topFunctions(decodeProfile(bytes, 'fuzz'), 'alloc_space'));
          if (whole !== 'error') decoded++;
          expect(outcome(() => topOfProtobuf(bytes, 'fuzz', 'alloc_space').report)).toEqual(whole);
        },
      ),
      { numRuns: 400 },
    );
    expect(decoded).toBeGreaterThan(0);
  });

  test('fast-check: a real profile with bytes cut or overwritten never throws anything but BenchgateError', async () => {
    const raw = ungzip(await readFile(shapes.cpu));
    fc.assert(
      fc.property(
        fc.nat(raw.length - 1),
        fc.array(fc.tuple(fc.nat(raw.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (cut, edits) => {
          const bytes = raw.slice(0, cut + 1);
          for (const [at, v] of edits) if (at < bytes.length) bytes[at] = v;
          try {
            decodeProfile(bytes, 'fuzz');
          } catch (e) {
            if (!(e instanceof BenchgateError)) throw e;
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  test('fast-check: gzip of garbage is still only a BenchgateError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const gz = new Uint8Array([0x1f, 0x8b, ...bytes]);
        try {
          uncompressProfile(gz, 'fuzz.gz');
          decodeProfile(gz, 'fuzz.gz');
        } catch (e) {
          if (!(e instanceof BenchgateError)) throw e;
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('flat and cum follow pprof on synthetic stacks', () => {
  /** The definition, written the slow and obvious way: the reference for the property below. */
  function naiveTop(spec: SyntheticProfile, index: number) {
    const flat = new Map<string, number>();
    const cum = new Map<string, number>();
    for (const s of spec.samples) {
      const w = s.values[index];
      if (w === 0 || s.stack.length === 0) continue;
      const frames = s.stack.flat(); // leaf first, inlined frames expanded
      flat.set(frames[0], (flat.get(frames[0]) ?? 0) + w);
      for (const f of new Set(frames)) cum.set(f, (cum.get(f) ?? 0) + w);
    }
    return [...cum.keys()]
      .map((f) => ({ function: f, flat: flat.get(f) ?? 0, cum: cum.get(f)! }))
      .filter((r) => r.flat !== 0 || r.cum !== 0)
      .sort((a, b) => b.flat - a.flat || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0) || b.cum - a.cum);
  }

  test('recursion counts cum once per sample; flat goes to line[0] of the leaf', () => {
    const spec: SyntheticProfile = {
      sampleTypes: [['cpu', 'nanoseconds']],
      samples: [
        { stack: [['fib'], ['fib'], ['fib'], ['main']], values: [10] },
        { stack: [['sq', 'spin'], ['main']], values: [5] },
      ],
    };
    const top = topFunctions(decodeProfile(encodeSynthetic(spec)));
    expect(top.rows.map(({ function: f, flat, cum, inline }) => ({ f, flat, cum, inline }))).toEqual([
      { f: 'fib', flat: 10, cum: 10, inline: '' },
      { f: 'sq', flat: 5, cum: 5, inline: 'inline' },
      { f: 'main', flat: 0, cum: 15, inline: '' },
      { f: 'spin', flat: 0, cum: 5, inline: '' },
    ]);
  });

  test('fast-check: topFunctions equals the definition on random stacks', () => {
    const name = fc.constantFrom('a', 'b', 'c', 'd', 'e');
    const spec = fc.record({
      sampleTypes: fc.constant<[string, string][]>([['samples', 'count'], ['cpu', 'nanoseconds']]),
      samples: fc.array(
        fc.record({
          stack: fc.array(fc.array(name, { minLength: 1, maxLength: 3 }), { maxLength: 6 }),
          values: fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: -1000, max: 1000 })),
        }),
        { maxLength: 20 },
      ),
    });
    fc.assert(
      fc.property(spec, fc.boolean(), (s, packed) => {
        const bytes = encodeSynthetic(s as SyntheticProfile, { packed });
        const p = decodeProfile(bytes);
        for (const index of [0, 1]) {
          const report = topFunctions(p, index);
          // The reader that totals samples as it reads them gives the same report, markers and total included.
          expect(topOfProtobuf(bytes, 'x', index).report).toEqual(report);
          const got = report.rows.map(({ function: f, flat, cum }) => ({ function: f, flat, cum }));
          const want = naiveTop(s as SyntheticProfile, index).sort(
            (a, b) => Math.abs(b.flat) - Math.abs(a.flat) || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0) || Math.abs(b.cum) - Math.abs(a.cum),
          );
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('mergeProfiles', () => {
  test('merging a profile with itself doubles every flat and cum', async () => {
    const p = await readProfileFile(shapes.mem);
    const once = topFunctions(p, 'alloc_space').rows;
    const twice = topFunctions(mergeProfiles([p, p]), 'alloc_space').rows;
    expect(twice.map((r) => [r.function, r.flat, r.cum])).toEqual(once.map((r) => [r.function, 2 * r.flat, 2 * r.cum]));
  });

  test('profiles of different kinds do not merge', async () => {
    const [cpu, mem] = await Promise.all([readProfileFile(shapes.cpu), readProfileFile(shapes.mem)]);
    expect(() => mergeProfiles([cpu, mem])).toThrow(/different sample types/);
  });
});

test("pprof's number formatting follows Go, not JavaScript", () => {
  expect(fixed2(1.125)).toBe('1.12'); // Go rounds exact ties to even; toFixed gives 1.13
  expect(fixed2(1.375)).toBe('1.38');
  expect(fixed2(0.005)).toBe('0.01');
  expect(goG2(0.5)).toBe('0.5');
  expect(goG2(0.0000123)).toBe('1.2e-05');
  expect(goG2(0.125)).toBe('0.12');
  expect(percentage(1, 3)).toBe('33.33%');
  expect(percentage(1, 1000)).toBe('  0.1%'); // %5.2g pads to five
  expect(scaledLabel(280e6, 'nanoseconds', 'minimum')).toBe('280ms');
  expect(scaledLabel(1536, 'bytes', 'kB')).toBe('1.50kB');
  expect(scaledLabel(7, 'count', 'count')).toBe('7');
});
