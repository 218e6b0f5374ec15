/**
 * gctrace lines (gotool/gctrace.ts) and the figures per op built from them (diagnose/diagnosis.ts).
 * The fixtures under fixtures/gctrace/ are real Go 1.26 output of the diagmod benchmark run as the
 * diagnostic run runs it (capture.sh beside them regenerates them): base allocates one 2.6 KiB
 * slice per op, head 64 more 512-byte buffers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBenchText } from '../src/benchfmt/index.js';
import { diagnosisOf, interpretDiagnosis } from '../src/diagnose/diagnosis.js';
import { diagnosisOrder } from '../src/diagnose/run.js';
import { BenchgateError } from '../src/errors.js';
import { parseGcTrace, timedRunCycles } from '../src/gotool/gctrace.js';
import type { CompareRow, DiagnosisSide } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

const DIR = join(ROOT, '__tests__/fixtures/gctrace');
const read = (name: string) => readFileSync(join(DIR, name), 'utf8');

function captured(side: 'base' | 'head') {
  const stderr = `go1.26-${side}.stderr.txt`;
  const result = parseBenchText(read(`go1.26-${side}.stdout.txt`), 'stdout').results[0];
  const secPerOp = result.values.find((v) => v.unit === 'sec/op')!.value;
  return { cycles: parseGcTrace(read(stderr), stderr), iterations: result.iterations, nsPerOp: secPerOp * 1e9 };
}

describe('parseGcTrace on real Go 1.26 lines', () => {
  test('every field of a line, the forced flag and MiB → bytes', () => {
    const { cycles } = captured('base');
    expect(cycles).toHaveLength(5);
    // gc 1 @0.002s 10%: 0.061+1.5+0.005 ms clock, 0.12+0.12/0.60/0.27+0.011 ms cpu, 3->4->3 MB, 4 MB goal, 0 MB stacks, 0 MB globals, 2 P
    expect(cycles[0]).toEqual({
      n: 1,
      atSec: 0.002,
      clockMs: { sweepTerm: 0.061, mark: 1.5, markTerm: 0.005 },
      cpuMs: { sweepTerm: 0.12, assist: 0.12, background: 0.6, idle: 0.27, markTerm: 0.011 },
      heapGoalBytes: 4 * 2 ** 20,
      procs: 2,
      forced: false,
    });
    expect(cycles.map((c) => c.forced)).toEqual([false, true, true, true, false]);
  });

  test('the timed run: the cycles after the harness forced its last collection', () => {
    // Three forced cycles: runN(1) of the top-level runner, the leaf's run1 (b.N = 1), its runN(2000).
    expect(timedRunCycles(captured('base').cycles).map((c) => c.n)).toEqual([5]);
    expect(timedRunCycles(captured('head').cycles).map((c) => c.n)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  test('per op: head, which allocates more, runs more cycles per op', () => {
    const side = (s: 'base' | 'head') => diagnosisOf({ ...captured(s), procs: 2, cpu: null, sched: null });
    const [base, head] = [side('base'), side('head')];
    expect(base.gcCyclesPerOp).toBe(1 / 2000);
    expect(head.gcCyclesPerOp).toBe(15 / 2000);
    expect(interpretDiagnosis({ base, head })).toBe('more GC cycles per op (0.0005 → 0.0075): allocation grew');
    // Without a profile or a trace those figures are not measured: null, not 0.
    expect(base.assistShare).toBeNull();
    expect(base.schedLatencyNsPerOp).toBeNull();
  });

  test('lines that are not gctrace lines are skipped', () => {
    const text = `some benchmark log line\n${read('go1.26-base.stderr.txt')}\ngc is a word too\n`;
    expect(parseGcTrace(text, 'mixed.txt')).toHaveLength(5);
  });

  test('the optional parts: no stacks/globals (before Go 1.22), the goroutine-leak note, CRLF', () => {
    // Constructed from the runtime's print statements (mgc.go), not captured.
    const old = 'gc 3 @1.250s 2%: 0.026+0.39+0.002 ms clock, 0.10+0.16/0.35/0.47+0.008 ms cpu, 4->4->0 MB, 5 MB goal, 4 P\r';
    const leak =
      'gc 4 @1.3s 2% (checking for goroutine leaks): 0.02+0.3+0.001 ms clock, 0.08+0/0.3/0.4+0.004 ms cpu, 4->4->0 MB, 5 MB goal, 0 MB stacks, 0 MB globals, 4 P (forced)';
    const cycles = parseGcTrace(`${old}\n${leak}\n`, 'x.txt');
    expect(cycles.map((c) => [c.n, c.heapGoalBytes, c.procs, c.forced])).toEqual([
      [3, 5 * 2 ** 20, 4, false],
      [4, 5 * 2 ** 20, 4, true],
    ]);
  });
});

describe('parseGcTrace on malformed lines', () => {
  const base = read('go1.26-base.stderr.txt').split('\n');
  test.each([
    ['a cut-off line', base[0].slice(0, 60)],
    ['a number that is not one', base[0].replace('0.061', '0.0x1')],
    ['a missing cpu triple part', base[0].replace('0.12+0.12/0.60/0.27+0.011', '0.12+0.12/0.60+0.011')],
  ])('%s: a typed error naming the file and line', (_what, bad) => {
    const text = [base[0], bad, base[1]].join('\n');
    let err: unknown;
    try {
      parseGcTrace(text, 'run/gctrace-01.txt');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BenchgateError);
    expect((err as BenchgateError).code).toBe('gctrace');
    expect((err as BenchgateError).where).toEqual({ file: 'run/gctrace-01.txt', line: 2 });
    expect((err as Error).message).toMatch(/^run\/gctrace-01\.txt:2: not a gctrace line/);
  });
});

describe('diagnosisOf', () => {
  const cycle = (forced: boolean, clock: [number, number, number], cpu: [number, number, number, number, number], goalMiB: number) => ({
    n: 0,
    atSec: 0,
    clockMs: { sweepTerm: clock[0], mark: clock[1], markTerm: clock[2] },
    cpuMs: { sweepTerm: cpu[0], assist: cpu[1], background: cpu[2], idle: cpu[3], markTerm: cpu[4] },
    heapGoalBytes: goalMiB * 2 ** 20,
    procs: 4,
    forced,
  });

  test('the clock triple per op, the GC CPU fraction without idle mark time, the median heap goal', () => {
    const cycles = [
      cycle(true, [9, 9, 9], [9, 9, 9, 9, 9], 1), // the harness's forced collection: not counted
      cycle(false, [0.1, 2, 0.02], [0.4, 1, 3, 100, 0.08], 8),
      cycle(false, [0.3, 4, 0.04], [1.2, 2, 5, 100, 0.16], 12),
      cycle(false, [0.2, 3, 0.03], [0.8, 0, 4, 100, 0.12], 10),
    ];
    // 1000 ops at 10 µs: 10 ms of wall time × 4 procs = 40 ms of CPU.
    const d = diagnosisOf({ cycles, iterations: 1000, nsPerOp: 10_000, procs: 4, cpu: null, sched: null });
    expect(d.gcCyclesPerOp).toBe(0.003);
    expect(d.stwSweepTermNsPerOp).toBeCloseTo(600, 9); // 0.6 ms / 1000
    expect(d.concurrentMarkNsPerOp).toBeCloseTo(9000, 9);
    expect(d.stwMarkTermNsPerOp).toBeCloseTo(90, 9);
    // (2.4 + 3 + 12 + 0.36) ms of GC CPU, idle's 300 ms left out, over 40 ms.
    expect(d.gcCpuFraction).toBeCloseTo(17.76 / 40, 12);
    expect(d.heapGoalBytes).toBe(10 * 2 ** 20);
  });

  test('no gctrace captured: its figures are null; no cycle in the timed run: zero cycles, no heap goal', () => {
    const none = diagnosisOf({ cycles: null, iterations: 10, nsPerOp: 5, procs: 1, cpu: null, sched: null });
    expect(none.gcCyclesPerOp).toBeNull();
    expect(none.gcCpuFraction).toBeNull();
    const idle = diagnosisOf({
      cycles: [cycle(true, [1, 1, 1], [1, 1, 1, 1, 1], 4)],
      iterations: 10,
      nsPerOp: 5,
      procs: 1,
      cpu: null,
      sched: null,
    });
    expect(idle.gcCyclesPerOp).toBe(0);
    expect(idle.stwMarkTermNsPerOp).toBe(0);
    expect(idle.heapGoalBytes).toBeNull();
  });
});

describe('interpretDiagnosis', () => {
  const side = (over: Partial<DiagnosisSide>): DiagnosisSide => ({
    gcCyclesPerOp: 0.01,
    stwSweepTermNsPerOp: 10,
    stwMarkTermNsPerOp: 10,
    concurrentMarkNsPerOp: 100,
    gcCpuFraction: 0.05,
    heapGoalBytes: 8 * 2 ** 20,
    assistShare: 0.02,
    schedLatencyNsPerOp: 50,
    ...over,
  });

  test.each([
    [{ gcCyclesPerOp: 0.8 }, { gcCyclesPerOp: 2.1 }, 'more GC cycles per op (0.8 → 2.1): allocation grew'],
    [{ gcCyclesPerOp: 2 }, { gcCyclesPerOp: 0.5 }, 'fewer GC cycles per op (2 → 0.5): allocation shrank'],
    [{ gcCyclesPerOp: 0 }, { gcCyclesPerOp: 0.001 }, 'more GC cycles per op (0 → 0.001): allocation grew'],
    [{}, { heapGoalBytes: 64 * 2 ** 20 }, 'a larger heap goal (8 MiB → 64 MiB): the live heap grew'],
    [{}, { assistShare: 0.2 }, 'more CPU in mark assists (2.0% → 20.0%): allocation outpaces the background collector'],
    [{}, { schedLatencyNsPerOp: 500 }, 'more scheduler latency per op (50 ns → 500 ns): goroutines wait longer to run'],
    // Small moves (under ×1.25) are not called changes.
    [
      {},
      { gcCyclesPerOp: 0.011, schedLatencyNsPerOp: 55 },
      'GC and scheduler figures about the same on both sides: the change is in the code’s own work',
    ],
  ])('%j → %j', (b, h, line) => {
    expect(interpretDiagnosis({ base: side(b), head: side(h) })).toBe(line);
  });

  test('a figure measured on one side only is not compared', () => {
    const nulls = side({
      gcCyclesPerOp: null,
      heapGoalBytes: null,
      assistShare: null,
      gcCpuFraction: null,
      stwMarkTermNsPerOp: null,
      schedLatencyNsPerOp: null,
    });
    expect(interpretDiagnosis({ base: nulls, head: side({ gcCyclesPerOp: 5 }) })).toBe(
      'GC and scheduler figures could not be measured on both sides',
    );
  });
});

describe('diagnosisOrder', () => {
  test('each flagged benchmark once, the largest change of any of its rows first', () => {
    const row = (pkg: string, name: string, unit: string, deltaPercent: number | null) =>
      ({ package: pkg, name, unit, deltaPercent }) as CompareRow;
    const order = diagnosisOrder([
      row('m/a', 'X-2', 'sec/op', 8),
      row('m/a', 'Y-2', 'sec/op', -30),
      row('m/a', 'X-2', 'allocs/op', 100),
      row('m/b', 'X-2', 'sec/op', null),
    ]);
    expect(order).toEqual([
      { pkg: 'm/a', name: 'X-2' },
      { pkg: 'm/a', name: 'Y-2' },
      { pkg: 'm/b', name: 'X-2' },
    ]);
  });
});
