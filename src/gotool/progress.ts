/**
 * Progress for long runs ("package 2 of 5, round 3 of 6, 1m10s elapsed, about 2m left"), handed to
 * a callback so that tests can capture it and the action can route it to the job log.
 */
import type { Side } from '../types.js';

export type { Side };

export interface ProgressEvent {
  /** `list`: a listing run, which names a package's leaf benchmarks (alternating rounds only). */
  phase: 'build' | 'list' | 'run';
  /** Import path of the package being worked on. */
  pkg: string;
  /** The leaf benchmark being measured, as in BenchResult.name (alternating rounds only). */
  benchmark?: string;
  /** 1-based position of the package, and how many there are. */
  index: number;
  total: number;
  /** Alternating rounds only. */
  round?: number;
  rounds?: number;
  side?: Side;
  /** 1-based step within the phase, and how many steps it has. */
  step: number;
  steps: number;
  elapsedMs: number;
  /** Estimated from the steps done so far; null before the first one has finished. */
  remainingMs: number | null;
}

export type ProgressSink = (event: ProgressEvent) => void;

export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

export function formatProgress(e: ProgressEvent): string {
  const verb = e.phase === 'build' ? 'building' : e.phase === 'list' ? 'listing benchmarks of' : 'running';
  const parts = [`${verb} package ${e.index} of ${e.total} (${e.pkg})`];
  if (e.round !== undefined && e.rounds !== undefined) parts.push(`round ${e.round} of ${e.rounds}`);
  if (e.side) parts.push(e.side);
  if (e.benchmark !== undefined) parts.push(`benchmark ${e.benchmark}`);
  parts.push(`${formatDuration(e.elapsedMs)} elapsed`);
  if (e.remainingMs !== null) parts.push(`about ${formatDuration(e.remainingMs)} left`);
  return parts.join(', ');
}

/**
 * Times the steps of one phase and estimates what is left from the mean step so far: benchmark
 * steps of one suite take similar time, and the estimate settles after a round.
 */
export class StepClock {
  private done = 0;
  private readonly started: number;

  constructor(
    private steps: number,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** Counts steps that turned up on the way (e.g. a listing run repeated after a crash). */
  addStep(n = 1): void {
    this.steps += n;
  }

  /** Timing fields for the event announcing the start of the next step. */
  next(): Pick<ProgressEvent, 'step' | 'steps' | 'elapsedMs' | 'remainingMs'> {
    const elapsedMs = this.now() - this.started;
    const remainingMs = this.done === 0 ? null : (elapsedMs / this.done) * (this.steps - this.done);
    this.done++;
    return { step: this.done, steps: this.steps, elapsedMs, remainingMs };
  }
}
