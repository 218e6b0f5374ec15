/**
 * Duet pairs: base and head of a pair at the same time on separate CPUs, a guard that falls back to
 * back-to-back pairs, and rows that say how they were measured. The guard's readings and the
 * starvation rule are injected, so every branch runs on any machine, loaded or not; nothing here
 * judges a timing (overlap is shown by the runner's own start and end stamps, with a benchmark that
 * sleeps long enough for two processes started together to overlap).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAlternating, type AlternateOptions, type AlternateResult, type ExecutedStep } from '../src/gotool/alternate.js';
import {
  cpuSets,
  duetVerdict,
  findTaskset,
  readHost,
  setOf,
  starvedSide,
  usableCpus,
  DUET_GUARD,
  type HostReadings,
} from '../src/gotool/duet.js';
import { fingerprint } from '../src/gotool/env.js';
import { compareResults } from '../src/compare/compare.js';
import { DEFAULT_DUET, DEFAULT_RUN } from '../src/settings.js';
import { readInputs } from '../src/action/inputs.js';
import { runCommand, RUN_USAGE } from '../src/commands/run.js';
import { evaluateGate } from '../src/compare/gate.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { BenchResult, CompareReport, CompareRow, Fingerprint, RowPairing, Summary } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

const DUETMOD = join(ROOT, '__tests__', 'fixtures', 'duetmod');
const NAP = '^BenchmarkNap$';

const idle = (cpus: number): HostReadings => ({ cpus, load1: 0, runnableOthers: 0, cpuPressure10: 0 });
const busy = (cpus: number): HostReadings => ({ cpus, load1: 15, runnableOthers: 12, cpuPressure10: 97 });

describe('the guard (pure)', () => {
  test('an idle machine with two CPU sets may duet; too few CPUs never', () => {
    expect(duetVerdict(idle(2), 1, 'auto').ok).toBe(true);
    expect(duetVerdict(idle(4), 2, 'auto').ok).toBe(true);
    expect(duetVerdict(idle(1), 0, 'auto')).toMatchObject({ ok: false, reason: expect.stringMatching(/too few/) });
    expect(duetVerdict(idle(2), 2, 'on').ok).toBe(false);
  });

  test('CPU pressure, other runnable tasks, or (without PSI) the load average refuse a round', () => {
    expect(duetVerdict({ ...idle(2), cpuPressure10: DUET_GUARD.maxCpuPressure10 + 1 }, 1, 'auto')).toMatchObject({ ok: false, reason: expect.stringMatching(/pressure/) });
    expect(duetVerdict({ ...idle(2), runnableOthers: 1 }, 1, 'auto')).toMatchObject({ ok: false, reason: expect.stringMatching(/runnable/) });
    // Spare CPUs absorb others: 8 CPUs, two sets of 2, one other task.
    expect(duetVerdict({ ...idle(8), runnableOthers: 1 }, 2, 'auto').ok).toBe(true);
    // Our own pair accounts for 2 of the load; a third process does not fit.
    expect(duetVerdict({ cpus: 2, load1: 2 }, 1, 'auto').ok).toBe(true);
    expect(duetVerdict({ cpus: 2, load1: 3 }, 1, 'auto')).toMatchObject({ ok: false, reason: expect.stringMatching(/load/) });
  });

  test('`on` ignores the load; `off` never duets', () => {
    expect(duetVerdict(busy(2), 1, 'on').ok).toBe(true);
    expect(duetVerdict(idle(2), 1, 'off').ok).toBe(false);
  });

  test('a starved side: (pinned) below 60% of its set, or below 85% of the other side’s CPU share', () => {
    const s = (cpuMs: number, wallMs = 1000) => ({ cpuMs, wallMs });
    expect(starvedSide(s(980), s(960), 1, true)).toBeUndefined();
    expect(starvedSide(s(500), s(990), 1, true)).toBe('base');
    expect(starvedSide(s(990), s(800), 1, false)).toBe('head');
    expect(starvedSide(s(500), s(520), 1, true)).toBe('both');
    expect(starvedSide(s(500), s(520), 1, false)).toBeUndefined();
    // Too short to judge in 10 ms ticks, or no reading: the round's guard decides.
    expect(starvedSide(s(10, 90), s(80, 90), 1, true)).toBeUndefined();
    // Pinned floor from 100 ms of wall; the relative rule only once a side has 200 ms of CPU.
    expect(starvedSide(s(30, 150), s(140, 150), 1, true)).toBe('base');
    expect(starvedSide(s(100, 150), s(140, 150), 1, false)).toBeUndefined();
    expect(starvedSide(s(100, 300), s(280, 300), 1, false)).toBe('base');
    expect(starvedSide(undefined, s(900), 1, true)).toBeUndefined();
  });

  test('CPU sets are the two halves; base takes the first in odd rounds, the second in even ones', () => {
    expect(cpuSets([0, 1])).toEqual([[0], [1]]);
    expect(cpuSets([0, 1, 2, 3, 4])).toEqual([[0, 1], [2, 3]]);
    expect(cpuSets([3])).toEqual([[], []]);
    expect([1, 2, 3].map((r) => [setOf('base', r), setOf('head', r)])).toEqual([[0, 1], [1, 0], [0, 1]]);
  });
});

describe('the switches', () => {
  test('the default is one constant, auto to start with, shared by the CLI and the action', () => {
    expect(DEFAULT_DUET).toBe('auto');
    expect(DEFAULT_RUN.duet).toBe(DEFAULT_DUET);
    expect(readInputs(() => '').run.duet).toBe(DEFAULT_DUET);
    expect(readInputs((n) => (n === 'duet' ? 'off' : '')).run.duet).toBe('off');
    expect(() => readInputs((n) => (n === 'duet' ? 'sometimes' : ''))).toThrow(/duet/);
  });

  test('benchgate run --duet takes auto, on or off, and refuses anything else as a usage error', async () => {
    let err = '';
    const code = await runCommand(['--base', 'main', '--duet', 'sometimes'], { stdout: () => undefined, stderr: (x) => (err += x) });
    expect(code).toBe(2);
    expect(err).toMatch(/--duet/);
    expect(RUN_USAGE).toContain('--duet auto|on|off');
  });

  test('the host readings: the CPUs this process may use, and where Linux has them, pressure and runnable tasks', async () => {
    const h = await readHost();
    expect(h.cpus).toBe((await usableCpus()).length);
    expect(h.cpus).toBeGreaterThanOrEqual(1);
    expect(Number.isFinite(h.load1)).toBe(true);
    if (process.platform === 'linux') expect(h.runnableOthers).toBeGreaterThanOrEqual(0);
  });
});

describe('rows say how their pairs were measured', () => {
  const sample = (side: number, pair: number, pairing?: 'duet' | 'sequential'): BenchResult => ({
    pkg: 'p',
    name: 'X',
    config: {},
    iterations: 1,
    values: [{ unit: 'sec/op', value: side * (1 + pair / 100) }],
    pair,
    ...(pairing ? { pairing } : {}),
  });
  const rows = (marks: Array<'duet' | 'sequential' | undefined>, runPairing: 'duet' | 'sequential') => {
    const base = marks.map((m, i) => sample(1, i + 1, m));
    const head = marks.map((m, i) => sample(1.05, i + 1, m));
    return compareResults(base, head, { pairing: runPairing }).rows[0].paired!;
  };
  // Six pairs: fewer could never reach α with the signed-rank test, and such rows are judged unpaired.
  const six = <T>(a: T, b: T): T[] => [a, b, a, b, a, b];
  test('all at once, all back to back, or mixed with the count at once', () => {
    expect(rows(six<'duet'>('duet', 'duet'), 'duet').pairing).toBe('duet');
    expect(rows(six<'sequential'>('sequential', 'sequential'), 'duet').pairing).toBe('sequential');
    expect(rows(six<'duet' | 'sequential'>('duet', 'sequential'), 'duet')).toMatchObject({ pairing: 'mixed', duetPairs: 3 });
    // Samples without a mark (older runs) are as the run says.
    expect(rows(six<undefined>(undefined, undefined), 'sequential').pairing).toBe('sequential');
  });
});

describe('the comment footer names how the pairs were taken', () => {
  const summary = (center: number): Summary => ({ n: 10, center, lo: center * 0.98, hi: center * 1.02, warnings: [] });
  const row = (name: string, pairing: RowPairing): CompareRow => ({
    package: 'example.com/m/calc',
    name,
    unit: 'sec/op',
    base: summary(1e-3),
    head: summary(1e-3),
    deltaPercent: 0,
    p: 0.6,
    q: null,
    significant: false,
    verdict: 'unchanged',
    reason: 'no change',
    test: 'wilcoxon-signed-rank',
    paired: { n: 10, ratio: 1, lo: 0.99, hi: 1.01, p: 0.6, method: 'exact', pairing, ...(pairing === 'mixed' ? { duetPairs: 4 } : {}) },
  });
  const footer = (...pairings: RowPairing[]) => {
    const r: CompareReport = { rows: pairings.map((p, i) => row(`B${i}`, p)), geomean: [], warnings: [], settings: { alpha: 0.05, confidence: 0.95, threshold: 5 } };
    const gate = evaluateGate(r, { failOn: 'regression', gateUnits: ['sec/op'], failOnUnconfirmed: false });
    return renderMarkdown(r, { gate, baseline: { source: 'rerun', ref: 'main', commit: 'abcdef0123456789' }, rounds: 10 });
  };
  test('at once, back to back, or both', () => {
    expect(footer('duet', 'duet')).toContain('measured at once;');
    expect(footer('sequential')).toContain('measured back to back;');
    expect(footer('duet', 'sequential')).toContain('measured at once where the machine was free, else back to back');
    expect(footer('mixed')).toContain('measured at once where the machine was free, else back to back');
  });
});

describe('the runner', () => {
  let tmp: string;
  let fp: Fingerprint;
  let cpus: number[];
  let taskset: string | undefined;
  let n = 0;
  const duetRun = (opts: Partial<AlternateOptions>): Promise<AlternateResult> =>
    runAlternating({
      base: { dir: DUETMOD },
      head: { dir: DUETMOD },
      outDir: join(tmp, `run-${++n}`),
      rounds: 2,
      bench: NAP,
      benchtime: '1x',
      cpu: '1',
      fingerprint: fp,
      starvedSide: () => undefined,
      ...opts,
    });
  const overlap = (a: ExecutedStep, b: ExecutedStep) => a.startMs! < b.endMs! && b.startMs! < a.endMs!;
  const byRound = (r: AlternateResult, round: number) => r.order.filter((s) => s.round === round);

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'benchgate-duet-'));
    fp = await fingerprint({ cwd: DUETMOD });
    cpus = await usableCpus();
    taskset = await findTaskset();
  }, 60_000);
  afterAll(async () => {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  const canDuet = () => cpus.length >= 2;

  test('duet: the two processes of a pair run at once, on distinct CPU sets that swap each round', async () => {
    if (!canDuet()) return;
    const r = await duetRun({ duet: 'auto', hostReadings: async () => idle(cpus.length) });
    for (const round of [1, 2]) {
      const [a, b] = byRound(r, round);
      expect([a.side, b.side].sort()).toEqual(['base', 'head']);
      expect([a.pairing, b.pairing]).toEqual(['duet', 'duet']);
      expect(overlap(a, b)).toBe(true);
      if (taskset) {
        expect(a.cpus).toBeDefined();
        expect(a.cpus!.some((c) => b.cpus!.includes(c))).toBe(false);
      } else expect(a.cpus).toBeUndefined();
    }
    if (taskset) {
      const baseCpus = (round: number) => byRound(r, round).find((s) => s.side === 'base')!.cpus;
      expect(baseCpus(1)).not.toEqual(baseCpus(2));
    }
    for (const run of [r.base, r.head]) {
      expect(run.pairing).toBe('duet');
      expect(run.results.map((x) => [x.pair, x.pairing])).toEqual([
        [1, 'duet'],
        [2, 'duet'],
      ]);
      // Profiles per leaf as before.
      expect(run.packages[0].benchmarkProfiles?.Nap?.cpu).toHaveLength(2);
    }
    // Each sample says how its pair was taken (the row's pairing is built from these: tested above).
    expect([...r.base.results, ...r.head.results].every((x) => x.pairing === 'duet')).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  test('the guard says no: every pair back to back, one after the other, and the runs say so', async () => {
    const r = await duetRun({ duet: 'auto', hostReadings: async () => busy(cpus.length) });
    expect(r.order.map((s) => s.pairing)).toEqual(['sequential', 'sequential', 'sequential', 'sequential']);
    for (let i = 1; i < r.order.length; i++) expect(r.order[i].startMs!).toBeGreaterThanOrEqual(r.order[i - 1].endMs!);
    expect(r.order.every((s) => s.cpus === undefined)).toBe(true);
    expect(r.base.pairing).toBe('sequential');
    expect(r.head.results.every((x) => x.pairing === 'sequential')).toBe(true);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/duet: 2 of 2 round\(s\) ran their pairs back to back: .*pressure 97%/);
  });

  test('the guard is asked every round: a round it refuses runs back to back, and the row is mixed', async () => {
    if (!canDuet()) return;
    let calls = 0;
    const r = await duetRun({ duet: 'auto', hostReadings: async () => (++calls === 2 ? busy(cpus.length) : idle(cpus.length)) });
    expect(calls).toBe(2);
    expect(byRound(r, 1).map((s) => s.pairing)).toEqual(['duet', 'duet']);
    expect(byRound(r, 2).map((s) => s.pairing)).toEqual(['sequential', 'sequential']);
    // Sequential rounds keep ABBA: head first in even rounds.
    expect(byRound(r, 2).map((s) => s.side)).toEqual(['head', 'base']);
    expect(r.head.pairing).toBe('duet');
    expect(r.head.results.map((x) => [x.pair, x.pairing])).toEqual([
      [1, 'duet'],
      [2, 'sequential'],
    ]);
  });

  test('a starved side: the pair is measured again back to back, and recorded so', async () => {
    if (!canDuet()) return;
    const r = await duetRun({ duet: 'on', rounds: 1, starvedSide: () => 'head', profiles: false });
    // The duet's two sides are logged as they end, in either order; the redo keeps ABBA.
    const steps = r.order.map((s) => `${s.side}:${s.pairing}`);
    expect(steps.slice(0, 2).sort()).toEqual(['base:duet', 'head:duet']);
    expect(steps.slice(2)).toEqual(['base:sequential', 'head:sequential']);
    expect(r.base.results).toHaveLength(1);
    expect(r.base.results[0]).toMatchObject({ pair: 1, pairing: 'sequential' });
    expect(r.base.packages[0].outputFiles).toHaveLength(1);
    expect(r.base.pairing).toBe('sequential');
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/measured again back to back .*Nap round 1 \(head starved\)/);
  });

  test('a leaf wider than half the CPUs runs back to back, and says so', async () => {
    if (!canDuet()) return;
    const r = await duetRun({ duet: 'on', rounds: 1, cpu: String(cpus.length), profiles: false });
    expect(r.order.map((s) => s.pairing)).toEqual(['sequential', 'sequential']);
    expect(r.warnings.map((w) => w.message).join('\n')).toMatch(/above half the CPUs .*Nap-\d+/);
  });

  test('auto with no leaf narrow enough: the guard is not asked, and nothing to say (each row says back to back)', async () => {
    if (!canDuet()) return;
    const never = async (): Promise<HostReadings> => {
      throw new Error('the guard was asked');
    };
    const r = await duetRun({ duet: 'auto', rounds: 1, cpu: String(cpus.length), hostReadings: never, profiles: false });
    expect(r.order.map((s) => s.pairing)).toEqual(['sequential', 'sequential']);
    expect(r.base.pairing).toBe('sequential');
    expect(r.warnings).toEqual([]);
  });

  test('sequential pairs unchanged: off (the runner’s default) never asks the guard, never overlaps', async () => {
    const never = async (): Promise<HostReadings> => {
      throw new Error('the guard was asked');
    };
    for (const opts of [{}, { duet: 'off' as const }]) {
      const r = await duetRun({ ...opts, hostReadings: never, profiles: false });
      expect(r.order.map((s) => `${s.round}:${s.side}:${s.pairing}`)).toEqual(['1:base:sequential', '1:head:sequential', '2:head:sequential', '2:base:sequential']);
      for (let i = 1; i < r.order.length; i++) expect(r.order[i].startMs!).toBeGreaterThanOrEqual(r.order[i - 1].endMs!);
      expect(r.base.pairing).toBe('sequential');
      expect(r.warnings).toEqual([]);
    }
  });
});
