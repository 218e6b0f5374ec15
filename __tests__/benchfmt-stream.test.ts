/**
 * Reading a file a chunk at a time (readBenchFile, which `benchgate compare` uses) gives what
 * reading it whole gives, wherever the chunks cut it; the in-place number fast paths give what the
 * general ones give; and measurements that are not finite numbers stay out of the statistics.
 */

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseBench, parseBenchFile, parseBenchText, readBenchFile, parseGoFloat, parseGoInt } from '../src/benchfmt/index.js';
import { plainDecimalAt, plainIntAt } from '../src/benchfmt/numbers.js';
import { ResultArray } from '../src/benchfmt/reader.js';
import { compareResults, compareTable, SampleTable } from '../src/compare/index.js';
import { compareCommand } from '../src/commands/compare.js';
import { BenchgateError } from '../src/errors.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'benchgate-stream-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
function write(content: string | Uint8Array): string {
  const path = join(dir, `f${fileNo++}.txt`);
  writeFileSync(path, content);
  return path;
}

async function readWhole(path: string) {
  const sink = new ResultArray();
  const summary = await readBenchFile(path, sink, { allowEmpty: true });
  return { results: sink.results, units: summary.units, warnings: summary.warnings, failures: summary.failures };
}

describe('the byte fast path reads every line as the general path does', () => {
  // Result-line pieces, ASCII and not: Go spaces of both kinds, control characters, numbers the
  // fast path must leave to goFloat/goInt, units that change, names that repeat.
  const piece = fc.constantFrom(
    'Benchmark', 'BenchmarkA', 'BenchmarkA-8', 'BenchmarkÄ', ' ', '  ', '\t', '\v', '\f', '\r', '\u0085', '\u00a0', '\u2003', '\x01',
    '1', '10', '1234567890123456', '12345678901234567', '1.5', '.5', '5.', '1.2.3', '-3', '+3', '1e3', '0x10', '1_000', 'NaN', 'Inf',
    'ns/op', 'B/op', 'allocs/op', 'MB/s', 'x/op', 'é/op', 'pkg: p', 'Unit ns/op a=b', '--- FAIL: BenchmarkA', '    log',
  );
  const line = fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
  const plainNumber = fc.oneof(fc.nat(10_000_000).map(String), fc.tuple(fc.nat(1_000_000), fc.nat(999)).map(([i, f]) => `${i}.${f}`));
  const realistic = fc
    .tuple(
      fc.constantFrom('A', 'A/x=1-8', 'B', 'Ä'),
      fc.nat(99999),
      fc.array(fc.tuple(plainNumber, fc.constantFrom('ns/op', 'B/op', 'allocs/op', 'MB/s', 'é/op')), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('\t', ' ', '\u00a0'),
    )
    // A non-ASCII unit or space sends a line of a known name to the general path, between fast ones.
    .map(([name, n, pairs, sep]) => `Benchmark${name} \t${n}${pairs.map(([v, u]) => `${sep}${v} ${u}`).join('')}`);

  test('a name or unit the general path changed is not taken for the one the fast path saw', async () => {
    const text = ['BenchmarkA 1 5 ns/op', 'BenchmarkÄ 1 5 ns/op', 'BenchmarkA 1 5 ns/op', 'BenchmarkA 1 5 é/op', 'BenchmarkA 1 5 ns/op', ''].join('\n');
    const path = write(text);
    const read = await readWhole(path);
    expect(read.results.map((r) => `${r.name} ${r.values[0].unit}`)).toEqual(['A sec/op', 'Ä sec/op', 'A sec/op', 'A é/op', 'A sec/op']);
    expect(read).toEqual(parseBench(text, path));
  });

  test('random files', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(line, realistic), { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), async (lines, eol) => {
        const text = lines.join(eol);
        const path = write(text);
        expect(await readWhole(path)).toEqual(parseBench(text, path));
      }),
      { numRuns: 400 },
    );
  });
});

describe('readBenchFile reads a file in chunks as parseBench reads it whole', () => {
  const CHUNK = 64 * 1024;
  const line = (i: number, pad: number) =>
    `BenchmarkLong${'x'.repeat(pad)}/n=${i}-8 \t${1000 + i}\t${(i * 1.37).toFixed(2)} ns/op\t${i % 9} B/op\t1 allocs/op`;

  test.each([
    ['lines across chunk boundaries, LF', '\n', ''],
    ['CRLF', '\r\n', ''],
    ['a UTF-8 byte order mark', '\n', '\ufeff'],
  ])('%s', async (_name, eol, bom) => {
    // ~100-byte lines, with some longer than a chunk, and multi-byte characters in names.
    const lines = ['goos: linux', 'pkg: example.com/m/é'];
    for (let i = 0; i < 3000; i++) lines.push(line(i, i % 500 === 7 ? CHUNK + 3 : i % 40));
    lines.push('Unit ns/op assume=nothing', 'BenchmarkNé-2 5 7.5 ns/op', '--- FAIL: BenchmarkBroken', '    x_test.go:12: boom', 'PASS');
    const text = lines.join(eol);
    const path = write(bom + text);
    expect(await readWhole(path)).toEqual(parseBench(text, path));
    // A last line without a newline, and one with.
    const withEol = write(bom + text + eol);
    expect(await readWhole(withEol)).toEqual(parseBench(text + eol, withEol));
  });

  test('go test -json is recognized from the first chunk', async () => {
    const text = ['{"Action":"start","Package":"m"}', ...Array.from({ length: 2000 }, (_, i) => JSON.stringify({ Action: 'output', Package: 'm', Output: `BenchmarkF-8 10 ${i + 1} ns/op\n` }))].join('\n');
    const path = write(text);
    const read = await readWhole(path);
    expect(read.results).toHaveLength(2000);
    expect(read).toEqual(parseBench(text, path));
  });

  test('binary data after the first chunk is an error at its file offset', async () => {
    const text = Array.from({ length: 2000 }, (_, i) => line(i, 20)).join('\n') + '\n';
    const bytes = Buffer.concat([Buffer.from(text), Buffer.from([0x00, 0x01])]);
    const path = write(bytes);
    await expect(readWhole(path)).rejects.toThrow(BenchgateError);
    await expect(readWhole(path)).rejects.toThrow(`(byte ${Buffer.byteLength(text)})`);
  });

  test('UTF-16 and empty files are refused as before', async () => {
    await expect(parseBenchFile(write(Buffer.from('\ufeffBenchmarkA 1 2 ns/op\n', 'utf16le')))).rejects.toThrow('UTF-16');
    await expect(parseBenchFile(write(''))).rejects.toThrow('no benchmark results found');
  });
});

describe('number fast paths agree with goFloat and goInt', () => {
  const digits = fc.stringMatching(/^[0-9]{0,18}(\.[0-9]{0,18})?$/);
  test('plainDecimalAt', () => {
    fc.assert(
      fc.property(digits, fc.double({ noNaN: true, min: 0 }).map(String), (d, dbl) => {
        for (const s of [d, dbl]) {
          const fast = plainDecimalAt(`x ${s} y`, 2, 2 + s.length);
          if (Number.isNaN(fast)) continue;
          const slow = parseGoFloat(s);
          expect(slow.ok).toBe(true);
          expect(Object.is(fast, slow.ok ? slow.value : NaN)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('plainIntAt', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,17}$/), (s) => {
        const fast = plainIntAt(s, 0, s.length);
        if (fast < 0) return;
        const slow = parseGoInt(s);
        expect(slow).toEqual({ ok: true, value: fast });
      }),
    );
  });

  test('plain digits that overflow a double are out of range, as strconv.ParseFloat says', () => {
    expect(parseGoFloat('1' + '0'.repeat(400))).toEqual({ ok: false, error: 'value out of range' });
  });
});

describe('measurements that are not finite numbers', () => {
  const samples = (values: string[]) => ['pkg: m', ...values.map((v) => `BenchmarkA-8 10 ${v}`)].join('\n') + '\n';
  const base = samples(['5 ns/op', '1e303 MB/s', '6 ns/op', '+Inf ns/op', '7 ns/op', '5 ns/op', '6 ns/op', '7 ns/op']);
  const head = samples(['5 ns/op', '6 ns/op', '7 ns/op', '5 ns/op', '6 ns/op', 'NaN ns/op']);

  test('are left out of the statistics, with a warning naming the file and line', () => {
    const b = parseBenchText(base, 'base.txt');
    // The parser keeps them, as benchfmt does (the parity tests hold it to that).
    expect(b.results).toHaveLength(8);
    const r = compareResults(b.results, parseBenchText(head, 'head.txt').results);
    const row = r.rows.find((x) => x.unit === 'sec/op')!;
    expect(row.base!.n).toBe(6);
    expect(row.head!.n).toBe(5);
    expect(Number.isFinite(row.base!.center) && Number.isFinite(row.head!.center)).toBe(true);
    // The MB/s line overflowed when tidied to B/s: the whole line is out, so no B/s row either.
    expect(r.rows.map((x) => x.unit)).toEqual(['sec/op']);
    expect(r.warnings.filter((w) => w.kind === 'input').map((w) => w.message)).toEqual([
      'base.txt:3: BenchmarkA-8: measurement +Inf B/s is not a finite number (it overflows a double, or the file says Inf or NaN); the line is left out of the statistics',
      'base.txt:5: BenchmarkA-8: measurement +Inf sec/op is not a finite number (it overflows a double, or the file says Inf or NaN); the line is left out of the statistics',
      'head.txt:7: BenchmarkA-8: measurement NaN sec/op is not a finite number (it overflows a double, or the file says Inf or NaN); the line is left out of the statistics',
    ]);
  });

  test('benchgate compare prints no Inf and names the lines', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const b = write(base + 'BenchmarkA-8 10 1e400 ns/op\n');
    const h = write(head);
    const code = await compareCommand([b, h], { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
    expect(code).toBe(0);
    const text = out.join('');
    expect(text.slice(0, text.indexOf('warning:'))).not.toMatch(/Inf|NaN/);
    expect(text).toContain(`warning: ${b}:3: BenchmarkA-8: measurement +Inf B/s is not a finite number`);
    expect(text).toContain(`warning: ${h}:7: BenchmarkA-8: measurement NaN sec/op is not a finite number`);
    // 1e400 never parses (strconv says out of range): a parse warning, as benchstat gives.
    expect(text).toContain(`warning: ${b}:10: parsing measurement "1e400": value out of range`);
  });

  test('a table filled from files and one filled from results compare alike', async () => {
    const b = write(base);
    const h = write(head);
    const table = new SampleTable();
    await readBenchFile(b, table.sink('base'));
    await readBenchFile(h, table.sink('head'));
    const fromFiles = compareTable(table);
    const fromResults = compareResults((await parseBenchFile(b)).results, (await parseBenchFile(h)).results);
    expect(fromFiles).toEqual(fromResults);
  });
});
