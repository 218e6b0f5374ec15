/** Properties of the benchmark parser that must hold for any input, and its speed. */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeBenchBytes, parseBench, parseBenchText, parseGoTestJson, tidyUnit } from '../src/benchfmt/index.js';
import type { ParsedBench } from '../src/benchfmt/index.js';
import { BenchgateError } from '../src/errors.js';
import { ROOT } from './helpers/tools.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'benchfmt');

/** Text made of pieces that matter to the format, so that random inputs reach every branch. */
const formatPiece = fc.constantFrom(
  'Benchmark', 'BenchmarkX', 'Unit', ' ', '\t', '\n', '\r\n', ':', 'pkg: ', 'ns/op', 'MB/s', 'B/op', 'x=y',
  '20', '1.5', '1e400', '0x1p3', 'NaN', '--- FAIL: ', 'panic: ', 'FAIL\t', '# ', '    ', '{', '"Action"', '\u00a0',
);
const formatText = fc.array(fc.oneof(formatPiece, fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 60 }).map((a) => a.join(''));

describe('any input', () => {
  test('parsing arbitrary text never throws and terminates', () => {
    fc.assert(
      fc.property(fc.oneof(formatText, fc.string({ unit: 'binary' })), (text) => {
        for (const parse of [parseBench, parseBenchText, parseGoTestJson]) {
          const parsed = parse(text, 'f');
          expect(Array.isArray(parsed.results)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('arbitrary -json-looking input never throws', () => {
    const event = fc.record({ Action: fc.constantFrom('output', 'build-output', 'start', 'fail'), Package: fc.option(fc.string()), ImportPath: fc.option(fc.string()), Output: fc.oneof(formatText, fc.integer()) }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.array(fc.oneof(event.map((e) => JSON.stringify(e)), fc.json(), formatText)), (ls) => {
        parseGoTestJson(ls.join('\n'), 'f');
        parseBench(ls.join('\n'), 'f');
      }),
      { numRuns: 300 },
    );
  });

  test('arbitrary bytes decode to text or fail with a bench-format BenchgateError naming the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        try {
          const text = decodeBenchBytes(bytes, 'in.bin');
          parseBench(text, 'in.bin');
        } catch (e) {
          expect(e).toBeInstanceOf(BenchgateError);
          expect((e as BenchgateError).code).toBe('bench-format');
          expect((e as BenchgateError).where.file).toBe('in.bin');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('well-formed result lines round-trip', () => {
  const noSpace = (s: string) => !/[\s\u0085]/.test(s);
  const name = fc.string({ unit: 'binary', maxLength: 20 }).filter(noSpace);
  const unit = fc.oneof(fc.constantFrom('ns/op', 'MB/s', 'B/op', 'allocs/op', 'ns/widget', 'widgets/op'), fc.string({ minLength: 1, maxLength: 10 }).filter(noSpace));
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 1e9 }));
  // String(-0) is "0"; Go prints and reads "-0".
  const goNumber = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
  const separator = fc.constantFrom(' ', '\t', ' \t ', '\u00a0', '\u2003', '\u3000');

  test('Benchmark<name> <iterations> (<value> <unit>)+ → one result with tidied values', () => {
    fc.assert(
      fc.property(
        name,
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        fc.array(fc.tuple(value, unit), { minLength: 1, maxLength: 5 }),
        separator,
        (n, iterations, pairs, sep) => {
          const line = ['Benchmark' + n, String(iterations), ...pairs.flatMap(([v, u]) => [goNumber(v), u])].join(sep);
          const parsed = parseBenchText(`pkg: p\n${line}\n`, 'f');
          expect(parsed.warnings).toEqual([]);
          expect(parsed.results).toEqual([
            {
              pkg: 'p',
              name: n,
              config: { pkg: 'p' },
              iterations,
              values: pairs.map(([v, u]) => tidyUnit(v, u)),
              source: { file: 'f', line: 2 },
            },
          ]);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('go test -json: output split at arbitrary points reads like the text', () => {
  const realText = readFileSync(join(FIXTURES, 'alpha-beta.txt'), 'utf8');
  const withoutSources = (p: ParsedBench) => ({
    results: p.results.map(({ source: _source, ...rest }) => rest),
    units: p.units,
    warnings: p.warnings.map((w) => w.message),
    failures: p.failures.map((f) => [f.pkg, f.name, f.message]),
  });

  const text = fc.oneof(
    fc.constant(realText),
    fc.array(fc.oneof(formatText, fc.constantFrom(...realText.split('\n'))), { maxLength: 30 }).map((ls) => 'pkg: m\n' + ls.join('\n')),
  );

  test('cutting the Output into events anywhere changes nothing but line numbers', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 40 }), (body, cuts) => {
        // The Package field seeds pkg, so give the text its own pkg line first, as go test does.
        const pkg = 'm';
        const full = 'pkg: m\n' + body;
        const points = [...new Set(cuts.map((c) => c % (full.length + 1)))].sort((a, b) => a - b);
        const pieces: string[] = [];
        let last = 0;
        for (const p of [...points, full.length]) {
          pieces.push(full.slice(last, p));
          last = p;
        }
        const stream = pieces
          .filter((p) => p !== '')
          .map((p) => JSON.stringify({ Action: 'output', Package: pkg, Output: p }))
          .join('\n');
        expect(withoutSources(parseGoTestJson(stream, 'f'))).toEqual(withoutSources(parseBenchText(full, 'f')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('large inputs', () => {
  // Read in full and checked by count. How fast is measured by bench/parse-compare.mjs, on whole
  // processes against benchstat: a time bound here would fail on a busy machine, not on slow code.
  const block = [
    'goos: linux',
    'pkg: example.com/m/p',
    ...Array.from({ length: 9 }, (_, i) => `BenchmarkParse/medium-${i}   \t      20\t      1417 ns/op\t 225.88 MB/s\t    1152 B/op\t       1 allocs/op`),
    'PASS',
    'ok  \texample.com/m/p\t0.042s',
    'BenchmarkBad 1',
  ];
  const makeText = (lineCount: number) => Array.from({ length: lineCount }, (_, i) => block[i % block.length]).join('\n');

  test('200,000 lines', () => {
    const text = makeText(200_000);
    const parsed = parseBenchText(text, 'big.txt');
    const expected = text.split('\n').filter((l) => l.includes('ns/op')).length;
    expect(parsed.results.length).toBe(expected);
    expect(parsed.warnings.length).toBe(101);
  });

  test('the same lines as a -json stream', () => {
    const text = makeText(200_000);
    const json = text
      .split('\n')
      .map((l) => JSON.stringify({ Action: 'output', Package: 'example.com/m/p', Output: l + '\n' }))
      .join('\n');
    const fromJson = parseBench(json, 'big.json');
    expect(fromJson.results.length).toBe(text.split('\n').filter((l) => l.includes('ns/op')).length);
  });
});
