/**
 * The `profiles` setting reaches the runner as a list: `cpu` alone takes CPU profiles only, `mem`
 * alone memory profiles only, in both ways of running (one `go test` per package, and test
 * binaries in alternating rounds). Real `go test` on the benchmod fixture, tiny budgets.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAlternating } from '../src/gotool/alternate.js';
import { wantsProfile } from '../src/gotool/flags.js';
import { runSuite } from '../src/gotool/run.js';
import { ROOT } from './helpers/tools.js';

const BENCHMOD = join(ROOT, '__tests__', 'fixtures', 'benchmod');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'benchgate-profiles-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

const pprofFiles = async (dir: string) =>
  (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.pprof')).map((f) => f.replace(/^.*\//, '').replace(/-\d+/, ''));

test('wantsProfile: a list names the kinds; true, false and unset keep their old meaning', () => {
  expect(wantsProfile(['cpu'], 'cpu')).toBe(true);
  expect(wantsProfile(['cpu'], 'mem')).toBe(false);
  expect(wantsProfile([], 'cpu')).toBe(false);
  expect(wantsProfile(undefined, 'mem')).toBe(true);
  expect(wantsProfile(true, 'mem')).toBe(true);
  expect(wantsProfile(false, 'cpu')).toBe(false);
});

test('one go test per package with profiles [cpu]: CPU profiles only', async () => {
  const outDir = join(tmp, 'suite');
  const { run } = await runSuite({ cwd: BENCHMOD, outDir, benchtime: '1x', count: 1, profiles: ['cpu'], commit: '', ref: '' });
  const ok = run.packages.filter((p) => p.status === 'ok');
  expect(ok.length).toBeGreaterThan(0);
  for (const p of ok) {
    expect(p.cpuProfiles.length).toBe(1);
    expect(p.memProfiles).toEqual([]);
  }
  expect(new Set(await pprofFiles(outDir))).toEqual(new Set(['cpu.pprof']));
});

test('alternating rounds with profiles [mem]: memory profiles only', async () => {
  const outDir = join(tmp, 'alt');
  const result = await runAlternating({
    base: { dir: BENCHMOD },
    head: { dir: BENCHMOD },
    outDir,
    rounds: 1,
    benchtime: '1x',
    profiles: ['mem'],
  });
  const ok = result.head.packages.filter((p) => p.status === 'ok');
  expect(ok.length).toBeGreaterThan(0);
  for (const p of ok) {
    expect(p.cpuProfiles).toEqual([]);
    // One per leaf benchmark (one round), each listed under its leaf too.
    expect(p.memProfiles.length).toBe(Object.keys(p.benchmarkProfiles ?? {}).length);
    expect(p.memProfiles.length).toBeGreaterThan(0);
    for (const files of Object.values(p.benchmarkProfiles ?? {}))
      expect(files).toEqual({ cpu: [], mem: [expect.stringMatching(/mem-01\.pprof$/)] });
  }
  expect(new Set(await pprofFiles(outDir))).toEqual(new Set(['mem.pprof']));
});
