/**
 * A flagged benchmark's GC and scheduler figures per op, from one diagnostic run per side (one
 * leaf, `-test.benchtime=Nx`, `GODEBUG=gctrace=1`, `-test.trace`, a CPU profile), and the one line
 * that says which of them moved. Pure: parsed cycles and decoded profiles in, figures out.
 */
import { timedRunCycles, type GcCycle } from '../gotool/gctrace.js';
import type { Profile } from '../pprof/model.js';
import { sampleIndexByName } from '../pprof/sample-type.js';
import { wholeProfile } from '../pprof/whole.js';
import type { Diagnosis, DiagnosisSide } from '../types.js';

export interface DiagnosticRun {
  /** Every gctrace cycle of the process (the ramp-up's and the forced ones included); null: none captured. */
  cycles: readonly GcCycle[] | null;
  /** b.N and ns/op of the timed run, from its benchmark output line. */
  iterations: number;
  nsPerOp: number;
  /** GOMAXPROCS of the run (its `-test.cpu` value). */
  procs: number;
  /** The run's CPU profile; null when none was written. */
  cpu: Profile | null;
  /** `go tool trace -pprof=sched` of the run's trace; null when the trace or the tool failed. */
  sched: Profile | null;
}

const MS = 1e6;

/**
 * The figures of one side. Per op = over the timed run's cycles (timedRunCycles) ÷ its b.N.
 * GC CPU fraction = (sweep termination + assist + background mark + mark termination CPU) ÷
 * (b.N × ns/op × GOMAXPROCS): the share of the CPU the run had that the collector took. Idle mark
 * time is left out: it runs only on Ps that had nothing else to do, so it takes nothing from the
 * benchmark. Scheduler latency is the sched profile's total delay (time goroutines were runnable
 * but not running) ÷ b.N; the trace covers the whole process, so the harness's single b.N = 1 run
 * before the timed one is in it too (at most 1/(b.N+1) of the iterations).
 */
export function diagnosisOf(d: DiagnosticRun): DiagnosisSide {
  const n = d.iterations;
  const cycles = d.cycles ? timedRunCycles(d.cycles) : null;
  const sum = (f: (c: GcCycle) => number) => (cycles ? cycles.reduce((s, c) => s + f(c), 0) : NaN);
  const perOp = (ms: number) => (Number.isFinite(ms) && n > 0 ? (ms * MS) / n : null);
  const gcCpuMs = sum((c) => c.cpuMs.sweepTerm + c.cpuMs.assist + c.cpuMs.background + c.cpuMs.markTerm);
  const wallNs = n * d.nsPerOp * d.procs;
  return {
    gcCyclesPerOp: cycles && n > 0 ? cycles.length / n : null,
    stwSweepTermNsPerOp: perOp(sum((c) => c.clockMs.sweepTerm)),
    stwMarkTermNsPerOp: perOp(sum((c) => c.clockMs.markTerm)),
    concurrentMarkNsPerOp: perOp(sum((c) => c.clockMs.mark)),
    gcCpuFraction: Number.isFinite(gcCpuMs) && wallNs > 0 ? (gcCpuMs * MS) / wallNs : null,
    heapGoalBytes: cycles && cycles.length > 0 ? median(cycles.map((c) => c.heapGoalBytes)) : null,
    assistShare: d.cpu ? functionShare(d.cpu, 'runtime.gcAssistAlloc') : null,
    schedLatencyNsPerOp: d.sched && n > 0 ? totalOf(d.sched, 'delay') / n : null,
  };
}

/** cum of `fn` ÷ the profile's total, by CPU time (null for an empty profile). */
function functionShare(p: Profile, fn: string): number | null {
  const slice = wholeProfile(p, sampleIndexByName(p, 'cpu'));
  if (slice.total <= 0) return null;
  // wholeProfile keys by name and file; the runtime function has one file, but add up to be sure.
  const cum = slice.functions.filter((f) => f.function === fn).reduce((s, f) => s + f.cum, 0);
  return cum / slice.total;
}

function totalOf(p: Profile, type: string): number {
  // A process whose goroutines never waited writes a profile without samples (or types).
  if (p.sample.length === 0) return 0;
  const i = sampleIndexByName(p, type);
  return p.sample.reduce((s, x) => s + x.value[i], 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A change counts in the interpretation when it is at least this factor (or one cycle per op appears). */
const FACTOR = 1.25;

/**
 * One line saying what the figures show, from the biggest relative change among them, in the order
 * a Go developer reads them: GC cycles (allocation), heap goal (live heap), assist (allocation
 * outpacing the background collector), STW pauses, scheduler latency. Pure.
 */
export function interpretDiagnosis(d: Diagnosis): string {
  const { base, head } = d;
  const moved = (k: keyof DiagnosisSide) => {
    const b = base[k];
    const h = head[k];
    if (b === null || h === null) return 0;
    if (b === 0 && h === 0) return 0;
    if (b === 0 || h === 0) return h > b ? Infinity : -Infinity;
    const r = h / b;
    return r >= FACTOR ? r : r <= 1 / FACTOR ? -1 / r : 0;
  };
  const arrow = (k: keyof DiagnosisSide, f: (v: number) => string) => `${f(base[k]!)} → ${f(head[k]!)}`;
  const g2 = (v: number) => (v === 0 ? '0' : v >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(2))));
  const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
  const mib = (v: number) => `${(v / 2 ** 20).toFixed(0)} MiB`;
  const ns = (v: number) => `${g2(v)} ns`;
  const rules: { key: keyof DiagnosisSide; up: string; down: string; f: (v: number) => string }[] = [
    { key: 'gcCyclesPerOp', up: 'more GC cycles per op', down: 'fewer GC cycles per op', f: g2 },
    { key: 'heapGoalBytes', up: 'a larger heap goal', down: 'a smaller heap goal', f: mib },
    { key: 'assistShare', up: 'more CPU in mark assists', down: 'less CPU in mark assists', f: pct },
    { key: 'gcCpuFraction', up: 'a larger GC CPU share', down: 'a smaller GC CPU share', f: pct },
    { key: 'stwMarkTermNsPerOp', up: 'longer stop-the-world pauses per op', down: 'shorter stop-the-world pauses per op', f: ns },
    { key: 'schedLatencyNsPerOp', up: 'more scheduler latency per op', down: 'less scheduler latency per op', f: ns },
  ];
  const why: Partial<Record<keyof DiagnosisSide, [string, string]>> = {
    gcCyclesPerOp: ['allocation grew', 'allocation shrank'],
    heapGoalBytes: ['the live heap grew', 'the live heap shrank'],
    assistShare: ['allocation outpaces the background collector', 'allocation eased off'],
    gcCpuFraction: ['the collector takes more of the CPU', 'the collector takes less of the CPU'],
    schedLatencyNsPerOp: ['goroutines wait longer to run', 'goroutines wait less to run'],
  };
  // The first rule that moved, in reading order; its direction says which phrase.
  for (const r of rules) {
    const m = moved(r.key);
    if (m === 0) continue;
    const [upWhy, downWhy] = why[r.key] ?? ['', ''];
    const reason = m > 0 ? upWhy : downWhy;
    return `${m > 0 ? r.up : r.down} (${arrow(r.key, r.f)})${reason ? `: ${reason}` : ''}`;
  }
  const known = rules.some((r) => base[r.key] !== null && head[r.key] !== null);
  return known
    ? 'GC and scheduler figures about the same on both sides: the change is in the code’s own work'
    : 'GC and scheduler figures could not be measured on both sides';
}
