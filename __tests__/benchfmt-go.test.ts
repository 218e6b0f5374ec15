/**
 * The parser against the real thing: golang.org/x/perf/benchfmt (through a small oracle program,
 * fixtures/benchfmt/oracle, built from the pinned x/perf that benchstat comes from), benchstat's own
 * CSV, a live `go test -bench` run, and files on disk.
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { parseBench, parseBenchFile, parseBenchText } from '../src/benchfmt/index.js';
import type { ParsedBench } from '../src/benchfmt/index.js';
import { BenchgateError } from '../src/errors.js';
import { BENCHSTAT, ROOT } from './helpers/tools.js';

const FIXTURES = join(ROOT, '__tests__', 'fixtures', 'benchfmt');
const GOMOD = join(FIXTURES, 'gomod');
let work: string;
let oracle: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-benchfmt-'));
  oracle = join(work, 'oracle');
  execFileSync('go', ['build', '-o', oracle, '.'], {
    cwd: join(FIXTURES, 'oracle'),
    env: { ...process.env, GOFLAGS: '-mod=mod' },
    stdio: 'pipe',
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface OracleView {
  results: { line: number; name: string; iters: number; config: Record<string, string>; values: [string, string][] }[];
  units: Record<string, Record<string, string>>;
  problemLines: number[];
}

/** Float64 bits as a decimal string, or a name for NaN and the infinities (as the oracle prints). */
function bits(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return view.getBigUint64(0).toString();
}

function fromBits(s: string): number {
  if (s === 'NaN') return NaN;
  if (s === 'Inf') return Infinity;
  if (s === '-Inf') return -Infinity;
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(s));
  return view.getFloat64(0);
}

function runOracle(text: string): OracleView {
  const out = spawnSync(oracle, [], { input: Buffer.from(text, 'utf8'), encoding: 'utf8', maxBuffer: 64 << 20 });
  if (out.status !== 0) throw new Error(`oracle failed: ${out.stderr}`);
  const view: OracleView = { results: [], units: {}, problemLines: [] };
  for (const line of out.stdout.split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line);
    if (rec.kind === 'result') {
      // Tidied by the oracle with x/perf's own benchunit.Tidy (see oracle/main.go).
      const values = (rec.values ?? []).map((v: { unit: string; value: string }) => [v.unit, bits(fromBits(v.value))]);
      view.results.push({ line: rec.line, name: rec.name ?? '', iters: rec.iters ?? 0, config: rec.config ?? {}, values });
    } else if (rec.kind === 'unit') {
      (view.units[rec.unit] ??= {})[rec.key] = rec.value ?? '';
    } else if (rec.kind === 'error') {
      view.problemLines.push(rec.line);
    } else {
      throw new Error(`oracle: ${rec.msg}`);
    }
  }
  view.problemLines = [...new Set(view.problemLines)];
  return view;
}

function ourView(parsed: ParsedBench): OracleView {
  return {
    results: parsed.results.map((r) => ({
      line: r.source!.line,
      name: r.name,
      iters: r.iterations,
      config: { ...r.config },
      values: r.values.map((v) => [v.unit, bits(v.value)] as [string, string]),
    })),
    units: parsed.units,
    problemLines: [...new Set(parsed.warnings.map((w) => w.where!.line!))],
  };
}

describe('same records as golang.org/x/perf/benchfmt', () => {
  test.each(['alpha-beta.txt', 'crash.txt', 'broken.txt'])('fixture %s', (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    expect(ourView(parseBenchText(text, name))).toEqual(runOracle(text));
  });

  // Lines assembled from the tokens the format turns on, with Go's and JavaScript's different ideas
  // of white space and number syntax, so that the two readers are compared where they could differ.
  const sep = fc.constantFrom(' ', '\t', '  \t', '\u00a0', '\u2003', '\u0085', '\ufeff', '\v', '\u200b');
  const numberText = fc.oneof(
    fc.constantFrom(
      '0', '-0', '1', '20', '1.5', '.5', '5.', '.', '1e3', '1E-3', '1e400', '1e-400', '1_000', '_1', '1__0', '0x1p-2',
      '0x1.8P1', '0x10', '0b1', 'Inf', '-inf', '+Infinity', 'NaN', 'nan', '+nan', '99999999999999999999',
      '9223372036854775807', '9223372036854775808', '-9223372036854775808', '+5', '-5', 'abc', '1.2.3', '0x_1p0',
      '1' + '0'.repeat(400), '123456789012345.6', '1234567890123456', '0.000000000000001',
    ),
    fc.double().map(String),
    fc.integer().map(String),
  );
  const unitText = fc.oneof(
    fc.constantFrom('ns/op', 'MB/s', 'B/op', 'allocs/op', 'ns/widget', 'B/ns', 'MB*ns/op', 'ns-per-op', 'ns', 'MB', 'x', 'ns/op*MB'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }),
  );
  const word = fc.oneof(numberText, unitText, fc.string({ unit: 'binary', maxLength: 5 }));
  const benchmarkLine = fc
    .tuple(fc.string({ unit: 'binary', maxLength: 8 }), fc.array(fc.tuple(sep, word), { maxLength: 7 }))
    .map(([name, rest]) => 'Benchmark' + name + rest.map(([s, w]) => s + w).join(''));
  const wellFormedLine = fc
    .tuple(fc.constantFrom('X', 'Parse/medium-2', 'Sort/n=10', ''), fc.nat(), fc.array(fc.tuple(numberText, unitText), { minLength: 1, maxLength: 3 }), sep)
    .map(([name, n, pairs, s]) => ['Benchmark' + name, String(n), ...pairs.flat()].join(s));
  const keyLine = fc
    .tuple(fc.oneof(fc.constantFrom('pkg', 'goos', 'cpu', 'ключ', 'Key', 'a b', 'x_y', 'é'), fc.string({ unit: 'binary', maxLength: 6 })), fc.constantFrom(':', ': ', ':\t', ':  '), fc.string({ unit: 'binary', maxLength: 8 }))
    .map(([k, c, v]) => k + c + v);
  const unitLine = fc
    .tuple(fc.array(fc.tuple(sep, fc.oneof(unitText, fc.constantFrom('assume=exact', 'assume=nothing', 'better=higher', '=x', 'k='))), { maxLength: 4 }))
    .map(([parts]) => 'Unit' + parts.map(([s, w]) => s + w).join(''));
  const anyLine = fc.oneof(benchmarkLine, wellFormedLine, wellFormedLine, keyLine, unitLine, fc.string({ unit: 'binary', maxLength: 20 }));
  const lineEnd = fc.constantFrom('\n', '\r\n');

  test('generated documents', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyLine, lineEnd), { maxLength: 12 }), (lines) => {
        const text = lines.map(([l, e]) => l + e).join('');
        // Go reads bytes: a lone surrogate would reach it as U+FFFD; such strings are not generated.
        expect(ourView(parseBenchText(text, 'f'))).toEqual(runOracle(text));
      }),
      { numRuns: 150 },
    );
  });
});

describe('benchstat agrees on the samples', () => {
  test('per benchmark and unit, our median is the center benchstat -format csv shows', () => {
    const file = join(FIXTURES, 'alpha-beta.txt');
    const csv = execFileSync(BENCHSTAT, ['-format', 'csv', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const theirs = new Map<string, number>();
    let pkg = '';
    let unit = '';
    for (const line of csv.split('\n')) {
      const cells = line.split(',');
      if (line.startsWith('pkg: ')) pkg = line.slice(5);
      else if (cells.length === 3 && cells[0] === '' && cells[2] === 'CI') unit = cells[1];
      else if (cells.length === 3 && cells[0] !== '' && cells[0] !== 'geomean') theirs.set(`${pkg} ${cells[0]} ${unit}`, Number(cells[1]));
    }

    const samples = new Map<string, number[]>();
    for (const r of parseBenchText(readFileSync(file, 'utf8'), file).results) {
      for (const v of r.values) {
        const key = `${r.pkg} ${r.name} ${v.unit}`;
        samples.set(key, [...(samples.get(key) ?? []), v.value]);
      }
    }
    const ours = new Map<string, number>();
    for (const [key, xs] of samples) {
      const s = [...xs].sort((a, b) => a - b);
      const m = s.length >> 1;
      ours.set(key, s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2);
    }
    // Zero measurements are the one place we differ on purpose (benchstat keeps 0 ns/op as ns/op).
    const comparable = (m: Map<string, number>) => new Map([...m].filter(([, v]) => v !== 0));
    expect([...comparable(ours).keys()].sort()).toEqual([...comparable(theirs).keys()].sort());
    for (const [key, v] of comparable(theirs)) expect(ours.get(key)).toBeCloseTo(v, 15 - Math.ceil(Math.log10(Math.abs(v))));
  });
});

describe('a live go test -bench run', () => {
  const run = (json: boolean) => {
    const args = ['test', ...(json ? ['-json'] : []), '-run', '^$', '-bench', '.', '-benchtime=20x', '-count=2', '-cpu', '1,2', '-benchmem', './alpha', './beta'];
    // beta fails on purpose, so go test exits 1; the output is what matters.
    const out = spawnSync('go', args, { cwd: GOMOD, encoding: 'utf8', maxBuffer: 16 << 20 });
    return out.stdout + out.stderr;
  };

  test('text and -json give the same benchmarks, and the failure', () => {
    const text = parseBench(run(false), 'live.txt');
    const json = parseBench(run(true), 'live.json');
    for (const parsed of [text, json]) {
      const names = new Set(parsed.results.map((r) => `${r.pkg} ${r.name}`));
      expect(names).toContain('example.com/benchfmt/alpha Parse/medium-2');
      expect(names).toContain('example.com/benchfmt/alpha Sort/n=100');
      expect(names).toContain('example.com/benchfmt/beta Parse');
      expect(names).toContain('example.com/benchfmt/beta Parse-2');
      expect(parsed.results).toHaveLength(20);
      expect(parsed.warnings).toEqual([]);
      expect(parsed.failures.map((f) => [f.pkg, f.name])).toEqual([['example.com/benchfmt/beta', 'Fail']]);
    }
    const shape = (p: ParsedBench) => p.results.map((r) => `${r.pkg} ${r.name} ${r.values.map((v) => v.unit)}`);
    expect(shape(json)).toEqual(shape(text));
  });
});

describe('parseBenchFile', () => {
  const write = (name: string, content: string | Buffer) => {
    const path = join(work, name);
    writeFileSync(path, content);
    return path;
  };
  const failure = async (path: string): Promise<BenchgateError> => {
    try {
      await parseBenchFile(path);
    } catch (e) {
      expect(e).toBeInstanceOf(BenchgateError);
      expect((e as BenchgateError).code).toBe('bench-format');
      expect((e as BenchgateError).where.file).toBe(path);
      return e as BenchgateError;
    }
    throw new Error('expected an error');
  };

  test('reads text and -json files', async () => {
    expect((await parseBenchFile(join(FIXTURES, 'alpha-beta.txt'))).results).toHaveLength(30);
    expect((await parseBenchFile(join(FIXTURES, 'alpha-beta.json'))).results).toHaveLength(30);
  });

  test('a UTF-8 byte order mark is skipped', async () => {
    const path = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('pkg: m\nBenchmarkX 1 1 ns/op\n')]));
    expect((await parseBenchFile(path)).results[0].pkg).toBe('m');
  });

  test.each([
    ['empty', '', /no benchmark results found; expected `go test -bench` output/],
    ['only a log', 'PASS\nok  \texample.com/m\t0.1s\n', /no benchmark results found/],
  ])('%s file → error', async (_label, content, message) => {
    expect((await failure(write('e.txt', content))).message).toMatch(message);
  });

  test('a package that did not build: the error tells why, or allowEmpty returns the failure', async () => {
    const path = join(FIXTURES, 'broken.txt');
    expect((await failure(path)).message).toMatch(/output reports failures: FAIL example.com\/benchfmt\/broken \[build failed\]/);
    const parsed = await parseBenchFile(path, { allowEmpty: true });
    expect(parsed.failures[0].message).toMatch(/cannot use/);
  });

  test('UTF-16 with and without a byte order mark', async () => {
    const body = Buffer.from('pkg: m\nBenchmarkX 1 1 ns/op\n', 'utf16le');
    expect((await failure(write('bom16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), body])))).message).toMatch(/UTF-16.*Convert it to UTF-8/);
    const e = await failure(write('le16.txt', body));
    expect(e.message).toMatch(/looks like UTF-16/);
    expect(e.where.offset).toBe(1);
  });

  test('binary: a pprof profile given by mistake', async () => {
    const e = await failure(write('cpu.pprof', gzipSync(Buffer.from('\0\0profile'))));
    expect(e.message).toMatch(/NUL byte \(gzip data, perhaps a pprof profile\)/);
  });

  test('missing file and directory', async () => {
    expect((await failure(join(work, 'nope.txt'))).message).toMatch(/cannot read benchmark output \(ENOENT\)/);
    mkdirSync(join(work, 'dir'));
    expect((await failure(join(work, 'dir'))).message).toMatch(/cannot read benchmark output \(EISDIR\)/);
  });
});
