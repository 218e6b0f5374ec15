/**
 * `GODEBUG=gctrace=1` lines, as the runtime prints them to standard error at the end of every
 * collection (runtime package docs, "gctrace"; Go 1.26):
 *
 *   gc # @#s #%: #+#+# ms clock, #+#/#/#+# ms cpu, #->#-># MB, # MB goal, # MB stacks, #MB globals, # P
 *
 * optionally followed by `(forced)` for a collection a `runtime.GC()` call forced. The clock triple
 * is STW sweep termination, concurrent mark and scan, STW mark termination; the CPU figures are
 * sweep termination, mark assist / background mark / idle mark, mark termination. The stacks and
 * globals fields came in Go 1.22 and are optional here. Pure: text in, cycles out.
 */
import { BenchgateError } from '../errors.js';

export interface GcCycle {
  /** The cycle's number (`gc #`). */
  n: number;
  /** When it started, in seconds since the program started (`@#s`). */
  atSec: number;
  /** Wall-clock ms of STW sweep termination, concurrent mark, STW mark termination. */
  clockMs: { sweepTerm: number; mark: number; markTerm: number };
  /** CPU ms of sweep termination, mark assist, background mark, idle mark, mark termination. */
  cpuMs: { sweepTerm: number; assist: number; background: number; idle: number; markTerm: number };
  /** The heap goal in bytes (the runtime prints whole MiB, truncated). */
  heapGoalBytes: number;
  /** GOMAXPROCS (`# P`). */
  procs: number;
  /** Forced by `runtime.GC()` (the benchmark harness does so before every timed run). */
  forced: boolean;
}

const NUM = String.raw`(\d+(?:\.\d+)?)`;
const LINE = new RegExp(
  String.raw`^gc (\d+) @${NUM}s \d+%(?: \([^)]*\))?: ${NUM}\+${NUM}\+${NUM} ms clock, ` +
    String.raw`${NUM}\+${NUM}/${NUM}/${NUM}\+${NUM} ms cpu, \d+->\d+->\d+ MB, (\d+) MB goal, ` +
    String.raw`(?:\d+ ?MB stacks, )?(?:\d+ ?MB globals, )?(\d+) P( \(forced\))?$`,
);

/**
 * Every gctrace line of a process's standard error. Lines that are not gctrace lines (the
 * benchmark's own stderr, other GODEBUG output) are skipped; a line that starts as one (`gc N @`)
 * but does not follow the format is an error naming the file and line, since its numbers would
 * otherwise be silently missing from the per-op figures.
 */
export function parseGcTrace(text: string, file: string): GcCycle[] {
  const cycles: GcCycle[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!/^gc \d+ @/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) {
      throw new BenchgateError(
        `not a gctrace line in the documented format (gc # @#s #%: #+#+# ms clock, …): ${JSON.stringify(line.slice(0, 200))}`,
        'gctrace',
        {
          file,
          line: i + 1,
        },
      );
    }
    const f = m.slice(1).map(Number);
    cycles.push({
      n: f[0],
      atSec: f[1],
      clockMs: { sweepTerm: f[2], mark: f[3], markTerm: f[4] },
      cpuMs: { sweepTerm: f[5], assist: f[6], background: f[7], idle: f[8], markTerm: f[9] },
      heapGoalBytes: f[10] * 2 ** 20,
      procs: f[11],
      forced: m[13] !== undefined,
    });
  }
  return cycles;
}

/**
 * The cycles of a benchmark's timed run. The harness calls `runtime.GC()` before every run of the
 * benchmark function (testing.(*B).runN), so the timed run — the last one — starts right after
 * the last forced cycle; that cycle, itself outside the timer, is not counted. The end is the
 * process's: the diagnostic run writes no memory profile, whose own `runtime.GC()` would follow.
 * A benchmark that calls `runtime.GC()` itself moves the start to its last call (documented).
 */
export function timedRunCycles(cycles: readonly GcCycle[]): GcCycle[] {
  let last = -1;
  for (let i = 0; i < cycles.length; i++) if (cycles[i].forced) last = i;
  return cycles.slice(last + 1);
}
