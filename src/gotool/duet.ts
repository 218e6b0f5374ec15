/**
 * Duet pairs: base and head of one leaf benchmark run at the same time, each on its own CPUs, so
 * that both samples of a pair see the same host noise (Bulej et al., "Duet Benchmarking: Improving
 * Measurement Accuracy in the Cloud", 2020). It only works when the machine has a free CPU set for
 * each side: a third busy process shares a core with one side only and wrecks the ratio (design §4:
 * on a 2-core host with a one-core hog, pinned duet pairs scattered ±95% and unpinned ones were
 * biased by −47%, while sequential pairs stayed usable). So a duet needs a guard, in two parts:
 *
 * - before each round, the host readings (`readHost`) must show CPUs to spare for both sides and
 *   nobody else wanting them (`duetVerdict`); otherwise the round's pairs run back to back;
 * - after each duet pair, each side's own CPU time ÷ wall time (`watchCpu`, from /proc/<pid>/stat)
 *   must show neither side starved (`starvedSide`); otherwise that pair is measured again, back to
 *   back.
 *
 * The readings are a function the runner takes, so tests can force every branch.
 */
import { readFileSync } from 'node:fs';
import { access, constants, readFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';

/** `duet` setting: `auto` = duet when the guard allows it, `on` = duet wherever the CPUs allow (no load check), `off` = sequential pairs. */
export type DuetPolicy = 'auto' | 'on' | 'off';

/** What the guard looks at before a round. */
export interface HostReadings {
  /** CPUs this process may use. */
  cpus: number;
  /** One-minute load average (0 where the OS has none). */
  load1: number;
  /**
   * Runnable tasks other than benchgate, counted between pairs (none of ours runs then): the median
   * of a few instantaneous readings of /proc/loadavg's `running` field, minus the reader itself.
   * Undefined where /proc is absent.
   */
  runnableOthers?: number;
  /** `/proc/pressure/cpu` "some avg10": % of the last 10 s in which a runnable task waited for a CPU. */
  cpuPressure10?: number;
}

/**
 * The guard's bounds. Chosen from design §4's figures and this machine's readings (README "Duet
 * pairs"): an idle 2-core host reads some avg10 ≈ 0–5% while our own duet pair runs (each side on
 * its own core: nobody waits), and any third CPU-bound process pushes it to ≥ 50% within 10 s (a
 * one-core hog on 2 busy cores: ~50%; the shared machine at load ~15: 97%). A snapshot of the
 * runnable count taken between pairs is 0 on an idle host and ≥ 1 with a hog.
 */
export const DUET_GUARD = {
  /** Most CPU pressure (some avg10, %) at which a duet round may start. */
  maxCpuPressure10: 20,
  /** Most other runnable tasks (median of the snapshots) beyond the CPUs the duet leaves free. */
  maxRunnableOthers: 0.5,
  /**
   * Without PSI: the most one-minute load beyond what our own pair contributes (2 when both sides
   * ran the whole minute) and the spare CPUs.
   */
  maxExcessLoad: 0.5,
  /** Snapshots of the runnable count per reading, and their spacing. */
  snapshots: 5,
  snapshotGapMs: 10,
} as const;

/**
 * The starvation rule for one duet pair, from each side's CPU time ÷ wall time (its share). A
 * CPU-bound test binary alone on its CPU set reads close to 1 × the set's size; one crowded by a
 * third process reads ~0.5 or less (design §4's hog: half a core), and on this shared machine at
 * load ~11 on 2 cores every side read 0.1–0.3 (bench/duet.mjs). So:
 *
 * - pinned, a side below `minPinnedShare` of its set was crowded on its own CPUs (`both` when the
 *   two were): judged once both ran `minWallMs`, where a 10 ms tick of /proc's CPU time is ≤ 10%;
 * - a side whose share is below `minRelativeShare` of the other's lost CPU the other did not
 *   (asymmetric interference, the case that biases the ratio): judged only once the busier side
 *   has `minCpuMsRelative` of CPU time, where a tick is ≤ 5%, well inside the 15% margin.
 *
 * Shorter runs are not judged (the round's guard decides for them). A benchmark that waits (sleep,
 * I/O) reads a low share alone too: with `duet: auto` its pairs are then measured again back to
 * back, which costs time but never a wrong pairing.
 */
export const DUET_STARVATION = {
  minRelativeShare: 0.85,
  minPinnedShare: 0.6,
  minWallMs: 100,
  minCpuMsRelative: 200,
} as const;

/** The verdict before a round: duet or not, and why not. */
export interface DuetVerdict {
  ok: boolean;
  reason?: string;
}

/** CPU sets for the two sides of a duet: the first and second halves of the CPUs this process may use. */
export function cpuSets(cpuIds: readonly number[]): [number[], number[]] {
  const half = Math.floor(cpuIds.length / 2);
  return [cpuIds.slice(0, half), cpuIds.slice(half, 2 * half)];
}

/** Which side gets which set in a round: base the first set in odd rounds, the second in even ones (like ABBA). */
export function setOf(side: 'base' | 'head', round: number): 0 | 1 {
  return (side === 'base') === (round % 2 === 1) ? 0 : 1;
}

/**
 * Whether a duet round may start, for `setSize` CPUs a side. `policy` `on` skips the load checks
 * (the user vouches for an idle machine) but not the CPU count.
 */
export function duetVerdict(h: HostReadings, setSize: number, policy: DuetPolicy): DuetVerdict {
  if (policy === 'off') return { ok: false, reason: 'duet is off' };
  if (setSize < 1 || h.cpus < 2 * setSize) return { ok: false, reason: `${h.cpus} CPU(s): too few for two sides of ${setSize}` };
  if (policy === 'on') return { ok: true };
  const spare = h.cpus - 2 * setSize;
  if (h.cpuPressure10 !== undefined && h.cpuPressure10 > DUET_GUARD.maxCpuPressure10) {
    return { ok: false, reason: `CPU pressure ${h.cpuPressure10.toFixed(0)}% (some avg10) > ${DUET_GUARD.maxCpuPressure10}%` };
  }
  if (h.runnableOthers !== undefined && h.runnableOthers > spare + DUET_GUARD.maxRunnableOthers) {
    return { ok: false, reason: `${h.runnableOthers} other runnable task(s) for ${spare} spare CPU(s)` };
  }
  if (h.cpuPressure10 === undefined && h.load1 - 2 * setSize > spare + DUET_GUARD.maxExcessLoad) {
    return { ok: false, reason: `load average ${h.load1.toFixed(2)} on ${h.cpus} CPUs` };
  }
  return { ok: true };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The CPUs this process may use (its affinity mask where Linux tells it), as ids. */
export async function usableCpus(): Promise<number[]> {
  try {
    const status = await readFile('/proc/self/status', 'utf8');
    const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
    if (list) {
      const ids: number[] = [];
      for (const part of list.split(',')) {
        const [a, b] = part.split('-').map(Number);
        for (let i = a; i <= (b ?? a); i++) ids.push(i);
      }
      if (ids.length > 0) return ids;
    }
  } catch {
    // Not Linux: no affinity to read.
  }
  return Array.from({ length: availableParallelism() }, (_, i) => i);
}

/** The host readings now (Linux /proc where present; elsewhere only the CPU count and load average). */
export async function readHost(): Promise<HostReadings> {
  const cpus = (await usableCpus()).length;
  const readings: HostReadings = { cpus, load1: loadavg()[0] };
  try {
    const psi = await readFile('/proc/pressure/cpu', 'utf8');
    const m = /^some avg10=([\d.]+)/m.exec(psi);
    if (m) readings.cpuPressure10 = Number(m[1]);
  } catch {
    // No PSI (older kernels, containers without it, other OSes).
  }
  try {
    const counts: number[] = [];
    for (let i = 0; i < DUET_GUARD.snapshots; i++) {
      if (i > 0) await sleep(DUET_GUARD.snapshotGapMs);
      // Read on this thread (synchronously), so that the one runnable task of ours is the reader.
      const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(readFileSync('/proc/loadavg', 'utf8'))?.[1]);
      if (Number.isFinite(running)) counts.push(Math.max(0, running - 1));
    }
    if (counts.length > 0) readings.runnableOthers = median(counts);
  } catch {
    // No /proc/loadavg.
  }
  return readings;
}

/** `taskset` where it exists (util-linux); undefined elsewhere, and the duet runs unpinned. */
export async function findTaskset(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (process.platform !== 'linux') return undefined;
  for (const dir of (env.PATH ?? '/usr/bin:/bin').split(':').filter(Boolean)) {
    const path = `${dir}/taskset`;
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** One side's CPU time while it ran: the last reading before it exited. */
export interface CpuShare {
  cpuMs: number;
  /** Wall time from the start to that reading. */
  wallMs: number;
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on every Linux port in use). */
const USER_HZ = 100;
/** How often a running child's CPU time is read. */
const CPU_POLL_MS = 20;

/**
 * Watches a child's CPU time (user + system, all its threads) by reading /proc/<pid>/stat while it
 * runs; `stop` returns the last reading, or undefined where /proc is absent or the child was too
 * quick to read. The reading misses at most one poll interval at the end, on both sides alike.
 */
export function watchCpu(pid: number, startedMs: number): { stop(): CpuShare | undefined } {
  let last: CpuShare | undefined;
  let stopped = false;
  // Read synchronously (a few µs): on a loaded host the thread pool's queue would make the last
  // reading late, after the child is gone.
  const read = () => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      // Fields after the command name start at field 3 (state); utime is 14, stime 15.
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (!stopped && Number.isFinite(ticks)) last = { cpuMs: (ticks * 1000) / USER_HZ, wallMs: Date.now() - startedMs };
    } catch {
      // Gone, or no /proc.
    }
  };
  read();
  const timer = setInterval(read, CPU_POLL_MS);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      return last;
    },
  };
}

/**
 * The side that was starved in a duet pair, if one was (DUET_STARVATION), from each side's CPU
 * share; undefined when neither was, or when the readings are missing or too short to judge.
 */
export function starvedSide(
  base: CpuShare | undefined,
  head: CpuShare | undefined,
  setSize: number,
  pinned: boolean,
): 'base' | 'head' | 'both' | undefined {
  if (!base || !head || base.wallMs < DUET_STARVATION.minWallMs || head.wallMs < DUET_STARVATION.minWallMs) return undefined;
  const b = base.cpuMs / base.wallMs;
  const h = head.cpuMs / head.wallMs;
  if (pinned) {
    const floor = DUET_STARVATION.minPinnedShare * setSize;
    if (b < floor && h < floor) return 'both';
    if (b < floor) return 'base';
    if (h < floor) return 'head';
  }
  if (Math.max(base.cpuMs, head.cpuMs) < DUET_STARVATION.minCpuMsRelative) return undefined;
  if (b < DUET_STARVATION.minRelativeShare * h) return 'base';
  if (h < DUET_STARVATION.minRelativeShare * b) return 'head';
  return undefined;
}
