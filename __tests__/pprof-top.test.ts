/**
 * Differential test: our `profile top` against `go tool pprof -top -nodefraction=0` on
 * the same real profiles, for CPU and every memory sample type. Raw numbers are compared
 * with `-unit` set so pprof prints unscaled values; the text is compared line for line
 * (pprof's rounding, units, percentages and "(inline)" markers included), apart from the
 * header lines pprof takes from the binary and the clock (Build ID, Time, Duration).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { profileCommand } from '../src/commands/profile.js';
import { readProfiles } from '../src/pprof/read.js';
import { topFunctions } from '../src/pprof/top.js';
import { makeProfiles, type PackageProfiles } from './fixtures/profmod/build.js';

const run = promisify(execFile);
let profiles: Record<string, PackageProfiles>;
beforeAll(async () => {
  profiles = await makeProfiles(['shapes', 'other']);
}, 120_000);

async function pprofTop(files: string[], ...flags: string[]): Promise<string> {
  const { stdout } = await run('go', ['tool', 'pprof', '-top', '-nodefraction=0', '-symbolize=none', ...flags, ...files], {
    timeout: 60_000,
    maxBuffer: 1 << 26,
  });
  return stdout;
}

async function ours(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await profileCommand(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

/** pprof's header lines that come from the binary or the clock, which we do not print. */
const dropHeader = (text: string) =>
  text
    .split('\n')
    .filter((l) => !/^(File|Build ID|Time|Duration):/.test(l))
    .join('\n');

/** Rows of `pprof -top` printed with an unscaled unit: [name, flat, cum]. */
function parseRows(text: string): [string, number, number][] {
  const rows: [string, number, number][] = [];
  let inRows = false;
  for (const line of text.split('\n')) {
    if (/^\s+flat\s+flat%/.test(line)) {
      inRows = true;
      continue;
    }
    const m = inRows && /^\s*(-?[\d.]+)[a-zA-Z]*\s+\S+\s+\S+\s+(-?[\d.]+)[a-zA-Z]*\s+\S+\s\s(.*?)(?: \((?:partial-)?inline\))?$/.exec(line);
    if (m) rows.push([m[3], Number(m[1]), Number(m[2])]);
  }
  return rows;
}

// Sample type → the -unit that makes pprof print raw values (counts are never scaled).
const cases: [string, 'cpu' | 'mem', string, string | null][] = [
  ['cpu', 'cpu', 'cpu', 'ns'],
  ['samples', 'cpu', 'samples', null],
  ['alloc_space', 'mem', 'alloc_space', 'B'],
  ['alloc_objects', 'mem', 'alloc_objects', null],
  ['inuse_space', 'mem', 'inuse_space', 'B'],
  ['inuse_objects', 'mem', 'inuse_objects', null],
];

describe.each(cases)('%s', (_name, kind, sampleIndex, unit) => {
  test('every function, flat and cum agree with pprof (raw values)', async () => {
    const file = profiles.shapes[kind];
    const theirs = parseRows(await pprofTop([file], `-sample_index=${sampleIndex}`, ...(unit ? [`-unit=${unit}`] : [])));
    const top = topFunctions(await readProfiles([file]), sampleIndex);
    expect(top.rows.map((r) => [r.function, r.flat, r.cum])).toEqual(theirs);
    expect(theirs.length).toBeGreaterThan(5);
  });

  test('the text report matches pprof line for line', async () => {
    const file = profiles.shapes[kind];
    const theirs = dropHeader(await pprofTop([file], `-sample_index=${sampleIndex}`));
    const mine = await ours(['top', file, '--sample-index', sampleIndex]);
    expect(mine.code).toBe(0);
    expect(dropHeader(mine.stdout)).toBe(theirs);
  });
});

test('the default sample type is pprof\'s: default_sample_type (alloc_space) for memory, the last (cpu) for CPU', async () => {
  for (const file of [profiles.shapes.mem, profiles.shapes.cpu]) {
    expect(dropHeader((await ours(['top', file])).stdout)).toBe(dropHeader(await pprofTop([file])));
  }
});

test('several files are merged, as pprof merges them', async () => {
  const files = [profiles.shapes.mem, profiles.other.mem];
  expect(dropHeader((await ours(['top', ...files])).stdout)).toBe(dropHeader(await pprofTop(files)));
});

test('--focus keeps the samples through a matching frame; percentages stay of the whole', async () => {
  const file = profiles.shapes.mem;
  const re = 'shapes\\.Benchmark(Alloc|Shared)';
  const mine = await ours(['top', file, '--focus', re]);
  expect(dropHeader(mine.stdout)).toBe(dropHeader(await pprofTop([file], `-focus=${re}`)));
  expect(mine.stdout).toContain('example.com/profmod/shapes.Boxes');
  expect(mine.stdout).not.toContain('example.com/profmod/shapes.Spin\n');
});

test('the same benchmark name in two packages stays two profiles', async () => {
  const other = topFunctions(await readProfiles([profiles.other.cpu]), 'cpu');
  const names = other.rows.map((r) => r.function);
  expect(names).toContain('example.com/profmod/other.BenchmarkBusy');
  expect(names).not.toContain('example.com/profmod/shapes.BenchmarkBusy');
});

test('JSON output: sample type, unit, total, and rows in pprof order', async () => {
  const mine = await ours(['top', profiles.shapes.cpu, '--format', 'json']);
  expect(mine.code).toBe(0);
  const json = JSON.parse(mine.stdout);
  expect(json).toMatchObject({ sampleType: 'cpu', unit: 'nanoseconds' });
  const theirs = parseRows(await pprofTop([profiles.shapes.cpu], '-unit=ns'));
  expect(json.functions.map((f: { function: string; flat: number; cum: number }) => [f.function, f.flat, f.cum])).toEqual(theirs);
  const spin = json.functions.find((f: { function: string }) => f.function === 'example.com/profmod/shapes.Spin');
  expect(spin.file).toMatch(/shapes\.go$/);
  expect(json.total).toBeGreaterThan(0);
});

test('bad arguments exit 2 with one usage line; bad or corrupt files exit 3 (the work failed) with the file named', async () => {
  for (const argv of [[], ['bottom'], ['top'], ['top', 'x', '--format', 'xml'], ['top', 'x', '--focus', '('], ['top', 'x', '--bogus', '1']]) {
    const r = await ours(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('usage: benchgate profile top');
  }
  const bad = await ours(['top', '/nonexistent.pprof']);
  expect(bad.code).toBe(3);
  expect(bad.stderr).toContain('/nonexistent.pprof');
  // A corrupt profile is "the work failed" (3), never "a regression" (1).
  const corrupt = join(mkdtempSync(join(tmpdir(), 'benchgate-corrupt-')), 'corrupt.pprof');
  writeFileSync(corrupt, gzipSync(Buffer.from('\xff\xff\xff this is not a protobuf')));
  const broken = await ours(['top', corrupt]);
  expect(broken.code).toBe(3);
  expect(broken.stderr).toContain('corrupt.pprof');
  const wrongType = await ours(['top', profiles.shapes.cpu, '--sample-index', 'alloc_space']);
  expect(wrongType.code).toBe(3);
  expect(wrongType.stderr).toMatch(/samples, cpu/);
});
