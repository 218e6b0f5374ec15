/** The run directory: run.json written atomically and read back with its shape and paths checked. */
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchgateError } from '../src/errors.js';
import { loadRun, saveRun, validateRun } from '../src/store/dir.js';
import type { Run } from '../src/types.js';

function run(over: Partial<Run> = {}): Run {
  return {
    schema: 1,
    commit: 'abc',
    ref: 'main',
    time: '2026-01-01T00:00:00.000Z',
    env: { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'Linux' },
    packages: [
      { pkg: 'example.com/m', dir: '.', status: 'ok', outputFiles: ['m/bench.txt'], cpuProfiles: ['m/cpu.pprof'], memProfiles: [] },
    ],
    results: [{ pkg: 'example.com/m', name: 'X-2', config: {}, iterations: 20, values: [{ unit: 'sec/op', value: 1e-6 }] }],
    units: {},
    incomplete: false,
    ...over,
  };
}

function rejected(value: unknown, fragment: string) {
  let error: unknown;
  try {
    validateRun(value, 'art/run.json');
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BenchgateError);
  expect((error as BenchgateError).message).toMatch(/^art\/run\.json: not a benchgate run: /);
  expect((error as BenchgateError).message).toContain(fragment);
}

describe('validateRun', () => {
  test('a good run passes unchanged', () => {
    expect(validateRun(JSON.parse(JSON.stringify(run())), 'run.json')).toEqual(run());
  });

  test.each(['../x', '../../etc/passwd', '/etc/passwd', 'm/../../x', String.raw`m\..\..\x`])('unsafe path %j is rejected', (path) => {
    const r = run();
    r.packages[0].cpuProfiles = [path];
    rejected(r, 'unsafe path');
    const o = run();
    o.packages[0].outputFiles = [path];
    rejected(o, 'unsafe path');
  });

  test('a paired run (pairs, per-benchmark profiles) passes unchanged', () => {
    const r = run({ pairing: 'duet' });
    r.results[0].pair = 3;
    r.results[0].pairing = 'duet';
    r.packages[0].benchmarkProfiles = { 'X-2': { cpu: ['m/x/cpu-03.pprof'], mem: ['m/x/mem-03.pprof'] } };
    expect(validateRun(JSON.parse(JSON.stringify(r)), 'run.json')).toEqual(r);
  });

  test.each(['../x', '/etc/passwd', 'm/../../x', String.raw`m\..\x`])('unsafe per-benchmark profile path %j is rejected', (path) => {
    for (const kind of ['cpu', 'mem'] as const) {
      const r = run();
      r.packages[0].benchmarkProfiles = { 'X-2': { cpu: [], mem: [], [kind]: [path] } };
      rejected(r, `packages[0].benchmarkProfiles["X-2"].${kind} has an unsafe path`);
    }
  });

  test('pair, pairing and per-benchmark profiles are checked', () => {
    const withPair = (pair: unknown) => ({ ...run(), results: [{ ...run().results[0], pair }] });
    rejected(withPair('1'), 'results[0].pair is not an integer');
    rejected(withPair(1.5), 'results[0].pair is not an integer');
    rejected({ ...run(), pairing: 'both' }, '"pairing" is "both"');
    rejected({ ...run(), results: [{ ...run().results[0], pair: 1, pairing: 'mixed' }] }, 'results[0].pairing is "mixed"');
    // The planned looks come from an artifact: a zero count would make the looks endless.
    rejected({ ...run(), pairPlan: { count: 0, maxPairs: 30 } }, '"pairPlan" is {"count":0,"maxPairs":30}');
    rejected({ ...run(), pairPlan: { count: 10, maxPairs: 5 } }, '"pairPlan" is');
    const withProfiles = (benchmarkProfiles: unknown) => ({ ...run(), packages: [{ ...run().packages[0], benchmarkProfiles }] });
    rejected(withProfiles([]), 'packages[0].benchmarkProfiles is not an object');
    rejected(withProfiles({ X: null }), 'benchmarkProfiles["X"] is not an object');
    rejected(withProfiles({ X: { cpu: 'a', mem: [] } }), 'benchmarkProfiles["X"].cpu is not an array');
  });

  test('names what is wrong', () => {
    rejected(null, 'expected a JSON object');
    rejected({ ...run(), schema: 2 }, 'unsupported schema 2');
    rejected({ ...run(), results: {} }, '"results" is not an array');
    rejected({ ...run(), results: [{ name: 'X' }] }, 'results[0] lacks pkg, name or values');
    rejected({ ...run(), results: [{ name: 'X', pkg: 'p', values: [{ unit: 'sec/op', value: '1' }] }] }, 'results[0] has a bad value');
    rejected({ ...run(), packages: [{ pkg: 'p', outputFiles: [], cpuProfiles: 'x', memProfiles: [] }] }, 'packages[0].cpuProfiles is not an array');
    rejected({ ...run(), packages: [{ pkg: 'p', outputFiles: [1], cpuProfiles: [], memProfiles: [] }] }, 'unsafe path 1');
  });
});

describe('saveRun and loadRun', () => {
  test('round trip, with no temporary file left behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchgate-store-'));
    await saveRun(run(), dir);
    expect(readdirSync(dir)).toEqual(['run.json']);
    // The files it names are checksummed as saved (none exist here).
    expect((await loadRun(dir)).run).toEqual({ ...run(), checksums: {} });
  });

  test('missing or broken run.json: an error naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchgate-store-'));
    await expect(loadRun(dir)).rejects.toThrow(join(dir, 'run.json') + ': cannot read the stored run');
    writeFileSync(join(dir, 'run.json'), '{"schema": 1,');
    await expect(loadRun(dir)).rejects.toThrow(/run\.json: not valid JSON/);
  });
});
