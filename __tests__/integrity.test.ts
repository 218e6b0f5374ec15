/**
 * Integrity of stored runs (store/checksums.ts): saveRun lists a SHA-256 for every raw output and
 * profile, loadRun checks them and refuses a run whose files changed, naming the file; a run from
 * before checksums is read with a note; the history carried forward from a refused baseline starts
 * anew with a warning instead of failing the new baseline. history.json is listed in run.json too,
 * and verified by its reader: a tampered one is refused (the run is not), an older one read with a note.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchgateError } from '../src/errors.js';
import { carryHistory, historyFromDirs, readHistory, readHistoryForReport } from '../src/history/store.js';
import { loadRun, saveRun } from '../src/store/dir.js';
import { runFiles, sha256 } from '../src/store/checksums.js';
import type { Run } from '../src/types.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'benchgate-integrity-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(): Run {
  return {
    schema: 1,
    commit: 'a'.repeat(40),
    ref: 'main',
    time: '2026-11-29T12:00:00Z',
    env: { goVersion: 'go1.23', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'Linux' },
    packages: [
      {
        pkg: 'example.com/m/calc',
        dir: './calc',
        status: 'ok',
        outputFiles: ['calc/out-1.txt'],
        cpuProfiles: ['calc/cpu-1.pprof'],
        memProfiles: ['calc/mem-1.pprof', 'calc/missing.pprof'],
        benchmarkProfiles: { 'Sum-2': { cpu: ['calc/Sum/cpu.pprof'], mem: [] } },
      },
    ],
    results: [{ pkg: 'example.com/m/calc', name: 'Sum-2', config: {}, iterations: 10, values: [{ unit: 'sec/op', value: 1e-8 }] }],
    units: {},
    incomplete: false,
  };
}

function writeFiles(): void {
  mkdirSync(join(dir, 'calc/Sum'), { recursive: true });
  writeFileSync(join(dir, 'calc/out-1.txt'), 'BenchmarkSum-2 10 10 ns/op\n');
  writeFileSync(join(dir, 'calc/cpu-1.pprof'), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  writeFileSync(join(dir, 'calc/mem-1.pprof'), Buffer.from([0x1f, 0x8b, 4, 5, 6]));
  writeFileSync(join(dir, 'calc/Sum/cpu.pprof'), Buffer.from([0x1f, 0x8b, 7, 8, 9]));
}

test('run.json lists a SHA-256 for every raw output and profile that exists', async () => {
  writeFiles();
  await saveRun(run(), dir);
  const stored = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Run;
  expect(runFiles(run())).toContain('calc/missing.pprof');
  expect(stored.checksums).toEqual({
    'calc/out-1.txt': sha256(readFileSync(join(dir, 'calc/out-1.txt'))),
    'calc/cpu-1.pprof': sha256(readFileSync(join(dir, 'calc/cpu-1.pprof'))),
    'calc/mem-1.pprof': sha256(readFileSync(join(dir, 'calc/mem-1.pprof'))),
    'calc/Sum/cpu.pprof': sha256(readFileSync(join(dir, 'calc/Sum/cpu.pprof'))),
  });
  expect(stored.checksums!['calc/out-1.txt']).toMatch(/^[0-9a-f]{64}$/);
  expect((await loadRun(dir)).integrity).toEqual({ verified: 4 });
});

test('one byte of a profile changed: refused, naming the file', async () => {
  writeFiles();
  await saveRun(run(), dir);
  const file = join(dir, 'calc/Sum/cpu.pprof');
  const bytes = readFileSync(file);
  bytes[3] ^= 1;
  writeFileSync(file, bytes);
  const err = await loadRun(dir).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BenchgateError);
  expect((err as BenchgateError).code).toBe('integrity');
  expect((err as BenchgateError).message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: does not match the SHA-256 in .*run\\.json`));
});

test('a checksummed file that is gone: refused, naming it', async () => {
  writeFiles();
  await saveRun(run(), dir);
  rmSync(join(dir, 'calc/out-1.txt'));
  await expect(loadRun(dir)).rejects.toThrow(/calc\/out-1\.txt: listed in .*run\.json with a checksum, but cannot be read/);
});

test('a run from before checksums: accepted, with a note', async () => {
  writeFiles();
  writeFileSync(join(dir, 'run.json'), JSON.stringify(run()));
  const stored = await loadRun(dir);
  expect(stored.integrity).toEqual({ unchecked: expect.stringContaining('lists no checksums') });
});

test.each([
  [{ '../etc/passwd': 'a'.repeat(64) }, /"checksums" has an unsafe path/],
  [{ 'calc/out-1.txt': 'not-hex' }, /"checksums"\["calc\/out-1\.txt"\] is not a SHA-256 in hex/],
  [['x'], /"checksums" is not an object/],
])('a bad checksums field %j is refused', async (checksums, message) => {
  writeFileSync(join(dir, 'run.json'), JSON.stringify({ ...run(), checksums }));
  await expect(loadRun(dir)).rejects.toThrow(message);
});

test('a history carried from a tampered baseline starts anew with a warning', async () => {
  writeFiles();
  await saveRun(run(), dir);
  writeFileSync(join(dir, 'history.json'), JSON.stringify({ schema: 1, entries: [{ commit: 'b', time: 't', medians: {} }] }));
  writeFileSync(join(dir, 'calc/cpu-1.pprof'), 'tampered');
  const carried = await carryHistory({ previousDir: dir, run: { ...run(), commit: 'c'.repeat(40) } });
  expect(carried.history.entries.map((e) => e.commit)).toEqual(['c'.repeat(40)]);
  expect(carried.warnings).toEqual([expect.stringMatching(/previous baseline is unusable for the history \(.*cpu-1\.pprof: does not match/)]);
});

test('a damaged history.json starts anew from the previous run, with a warning', async () => {
  writeFiles();
  await saveRun(run(), dir);
  writeFileSync(join(dir, 'history.json'), '{"schema":1,');
  const carried = await carryHistory({ previousDir: dir, previousRunId: 5, run: { ...run(), commit: 'c'.repeat(40) } });
  expect(carried.history.entries.map((e) => [e.commit, e.runId])).toEqual([
    ['a'.repeat(40), 5],
    ['c'.repeat(40), undefined],
  ]);
  expect(carried.warnings).toEqual([expect.stringMatching(/history\.json: not a benchgate history: not valid JSON/)]);
});

describe('history.json: listed in run.json, verified by its reader', () => {
  const history = JSON.stringify({ schema: 1, entries: [{ commit: 'b'.repeat(40), time: 't', medians: {} }] });
  /** A baseline as the action and `benchgate baseline` now write it: the history first, then run.json. */
  async function baselineWithHistory(): Promise<void> {
    writeFiles();
    writeFileSync(join(dir, 'history.json'), history);
    await saveRun(run(), dir);
  }

  test('its SHA-256 is in run.json; a read checks it', async () => {
    await baselineWithHistory();
    const stored = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Run;
    expect(stored.checksums!['history.json']).toBe(sha256(readFileSync(join(dir, 'history.json'))));
    expect((await readHistory(dir))?.integrity).toEqual({ verified: 1 });
    // The run's own files are verified as before; the history is its reader's to check.
    expect((await loadRun(dir)).integrity).toEqual({ verified: 4 });
  });

  test('a tampered history is refused, naming the file; the baseline itself stays usable', async () => {
    await baselineWithHistory();
    const file = join(dir, 'history.json');
    writeFileSync(file, history.replace('"t"', '"u"'));
    const err = await readHistory(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BenchgateError);
    expect((err as BenchgateError).code).toBe('integrity');
    expect((err as BenchgateError).message).toContain(`${file}: does not match the SHA-256 in ${join(dir, 'run.json')}`);
    expect((await loadRun(dir)).run.commit).toBe('a'.repeat(40));
    // For a report's trend column: none, and the refusal said in the log, naming the file.
    const said: string[] = [];
    expect(await readHistoryForReport(dir, { info: (m) => said.push(m), warning: (m) => said.push(`warning: ${m}`) })).toBeNull();
    expect(said).toEqual([expect.stringContaining(`warning: benchgate: the baseline's history is not shown: ${file}: does not match the SHA-256`)]);
    // Carried forward: a new history from the previous run.json, with a warning naming the file.
    const carried = await carryHistory({ previousDir: dir, previousRunId: 5, run: { ...run(), commit: 'c'.repeat(40) } });
    expect(carried.history.entries.map((e) => e.commit)).toEqual(['a'.repeat(40), 'c'.repeat(40)]);
    expect(carried.warnings).toEqual([expect.stringMatching(/history is unusable \(.*history\.json: does not match the SHA-256/)]);
  });

  test('a listed history that is gone is refused, naming it', async () => {
    await baselineWithHistory();
    rmSync(join(dir, 'history.json'));
    await expect(readHistory(dir)).rejects.toThrow(/history\.json: listed in .*run\.json with a checksum, but cannot be read/);
  });

  test('a history from before its checksum (written after run.json): read, with a note', async () => {
    writeFiles();
    await saveRun(run(), dir);
    writeFileSync(join(dir, 'history.json'), history);
    const read = await readHistory(dir);
    expect(read?.history.entries).toHaveLength(1);
    expect(read?.integrity).toEqual({ unchecked: expect.stringMatching(/run\.json lists no checksum for history\.json \(recorded before benchgate checked it\): .*history\.json is not verified/) });
    const carried = await carryHistory({ previousDir: dir, run: { ...run(), commit: 'c'.repeat(40) } });
    expect(carried.warnings).toEqual([]);
    expect(carried.history.entries.map((e) => e.commit)).toEqual(['b'.repeat(40), 'c'.repeat(40)]);
    expect(carried.notes).toContainEqual(expect.stringContaining('lists no checksum for history.json'));
  });

  test('beside a run.json from before checksums, or with no run.json: read, with a note', async () => {
    writeFiles();
    writeFileSync(join(dir, 'run.json'), JSON.stringify(run()));
    writeFileSync(join(dir, 'history.json'), history);
    expect((await readHistory(dir))?.integrity).toEqual({ unchecked: expect.stringContaining('run.json lists no checksums') });
    rmSync(join(dir, 'run.json'));
    expect((await readHistory(dir))?.integrity).toEqual({ unchecked: expect.stringContaining('has no run.json beside it') });
    const { history: fromDir, notes } = await historyFromDirs([dir]);
    expect(fromDir.entries).toHaveLength(1);
    expect(notes).toEqual([expect.stringContaining('has no run.json beside it')]);
  });

  test('no history at all: none, and nothing to refuse', async () => {
    writeFiles();
    await saveRun(run(), dir);
    expect(await readHistory(dir)).toBeNull();
  });
});
