/**
 * How progress events reach a person. In a terminal: one status line, rewritten in place ("\r"
 * and erase-line) as steps start and once a second, replaced by a closing line when a phase ends.
 * In a CI log or a pipe: plain lines, but few — the start of each phase, a round's start when
 * at least ROUND_GAP_MS passed since the last line, any step after STEP_GAP_MS of silence, and the
 * end of each phase — instead of one line per test-binary run (a 16-second demo printed 70).
 *
 * Hand-written, and without a bar, rather than with a progress-bar package: the status line is
 * some fifty lines here, a package would add a dependency to the action's bundle for them, and the
 * parts that matter most — few plain lines in CI logs, warnings written between updates without
 * tearing the line (`print`) — would be ours to write either way. "Round 4 of 10" and the time
 * left already say what a bar would.
 */
import { formatDuration, formatProgress, type ProgressEvent, type ProgressSink } from './progress.js';

/** A progress event as the runner may send it; run events may name the leaf benchmark. */
type Event = ProgressEvent & { benchmark?: string };

/** Where the display writes: stderr, or a fake in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  /** A terminal: the status line is rewritten in place. */
  isTTY?: boolean;
  /** The terminal's width; the status line is cut to fit (a wrapped line cannot be rewritten). */
  columns?: number;
}

export interface ProgressDisplay {
  /** The sink for the runners' events. */
  readonly sink: ProgressSink;
  /** Other output (a warning, a log line), written without tearing the status line. */
  print(text: string): void;
  /**
   * Ends the current phase, if any: its closing line ("running done (10 of 10 rounds) in 14s")
   * replaces the status line. With completed = false (the work failed) the status line is only
   * erased. Call it when the work that reports to the sink returns.
   */
  end(completed?: boolean): void;
}

export interface DisplayOptions {
  now?: () => number;
  /** Decides terminal or plain lines together with the stream (CI, TERM=dumb mean plain lines). */
  env?: NodeJS.ProcessEnv;
  /** How often the status line refreshes its clock between events; 0: only on events. */
  refreshMs?: number;
}

/** Plain lines: a round's start is shown when this long passed since the last line… */
export const ROUND_GAP_MS = 5_000;
/** …and any step when this long passed. */
export const STEP_GAP_MS = 30_000;

const ERASE_LINE = '\r\x1b[2K';

/** Whether the status line can be used: a terminal that understands erase-line, outside CI. */
export function isInteractive(stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stream.isTTY === true && !ci && env.TERM !== 'dumb';
}

/** The display for a stream: a status line in a terminal, else plain lines. */
export function progressDisplay(stream: ProgressStream, opts: DisplayOptions = {}): ProgressDisplay {
  if (isInteractive(stream, opts.env)) return statusLine(stream, opts);
  return { ...progressLines((line) => stream.write(line + '\n'), opts), print: (text) => stream.write(text) };
}

/** The phase an event belongs to: a new one starts when the phase, or its count of steps, changes. */
interface Phase {
  /** The latest event. */
  last: Event;
  /** This display's clock when the phase began. */
  startedAt: number;
}

function isNewPhase(phase: Phase | null, e: Event): boolean {
  return phase === null || phase.last.phase !== e.phase || phase.last.steps !== e.steps || e.step < phase.last.step;
}

/** The closing line of a phase: what it did and how long it took. */
export function formatPhaseEnd(phase: Pick<Phase, 'last'>, ms: number): string {
  const e = phase.last;
  const what =
    e.phase === 'build'
      ? `${e.step} test binar${e.step === 1 ? 'y' : 'ies'}`
      : e.round !== undefined && e.rounds !== undefined
        ? `${e.round} of ${e.rounds} rounds`
        : `${e.total} package${e.total === 1 ? '' : 's'}`;
  return `${e.phase === 'build' ? 'building' : 'running'} done (${what}) in ${formatDuration(ms)}`;
}

/**
 * The status line's text: the position and the clock first (they matter most and survive the cut
 * to the terminal's width), then where: the package, the side, the benchmark when named.
 */
export function formatStatus(e: Event, elapsedMs: number, remainingMs: number | null): string {
  const parts: string[] = [];
  if (e.phase === 'build') parts.push(`building test binary ${e.step} of ${e.steps}`);
  else if (e.round !== undefined && e.rounds !== undefined) parts.push(`running round ${e.round} of ${e.rounds}`);
  else parts.push(`running package ${e.index} of ${e.total}`);
  parts.push(`${formatDuration(elapsedMs)} elapsed` + (remainingMs !== null ? `, about ${formatDuration(remainingMs)} left` : ''));
  const where = [e.phase === 'run' && e.round !== undefined ? `package ${e.index} of ${e.total}` : '', e.pkg, e.side ? `(${e.side})` : '', e.benchmark ?? '']
    .filter((x) => x !== '')
    .join(' ');
  return `benchgate: ${parts.join(', ')} · ${where}`;
}

/** Cut to fit a terminal line of `columns` (one column is left free: some terminals wrap at the last). */
function fitToWidth(text: string, columns: number | undefined): string {
  if (!columns || columns < 10) return text;
  const chars = Array.from(text);
  return chars.length < columns ? text : chars.slice(0, columns - 2).join('') + '…';
}

function statusLine(stream: ProgressStream, opts: DisplayOptions): ProgressDisplay {
  const now = opts.now ?? Date.now;
  const refreshMs = opts.refreshMs ?? 1000;
  let phase: Phase | null = null;
  /** When the latest event arrived, to advance its clock between events. */
  let seenAt = 0;
  let shown = false;
  let timer: ReturnType<typeof setInterval> | undefined;

  const draw = () => {
    if (!phase) return;
    const e = phase.last;
    const since = now() - seenAt;
    const remaining = e.remainingMs === null ? null : Math.max(0, e.remainingMs - since);
    stream.write(ERASE_LINE + fitToWidth(formatStatus(e, e.elapsedMs + since, remaining), stream.columns));
    shown = true;
  };
  const erase = () => {
    if (shown) stream.write(ERASE_LINE);
    shown = false;
  };
  const end = (completed = true) => {
    if (timer) clearInterval(timer);
    timer = undefined;
    erase();
    if (phase && completed) stream.write(`benchgate: ${formatPhaseEnd(phase, now() - phase.startedAt)}\n`);
    phase = null;
  };
  return {
    sink: (e: Event) => {
      if (isNewPhase(phase, e)) {
        end();
        phase = { last: e, startedAt: now() - e.elapsedMs };
        if (refreshMs > 0) {
          timer = setInterval(draw, refreshMs);
          // The clock must not keep the process alive.
          timer.unref?.();
        }
      }
      phase!.last = e;
      seenAt = now();
      draw();
    },
    print: (text) => {
      const redraw = shown;
      erase();
      stream.write(text);
      if (redraw) draw();
    },
    end,
  };
}

/**
 * Runs work that reports to the display's sink and ends its last phase when the work returns: the
 * closing line, or, when it throws, only the status line erased (the error is printed next).
 */
export async function tracked<T>(display: ProgressDisplay, work: (onProgress: ProgressSink) => Promise<T>): Promise<T> {
  let completed = false;
  try {
    const result = await work(display.sink);
    completed = true;
    return result;
  } finally {
    display.end(completed);
  }
}

/** Plain lines for logs: see the module comment for which events get one. */
export function progressLines(writeLine: (line: string) => void, opts: Pick<DisplayOptions, 'now'> = {}): ProgressDisplay {
  const now = opts.now ?? Date.now;
  let phase: Phase | null = null;
  let lastLineAt = 0;
  const line = (text: string) => {
    writeLine(`benchgate: ${text}`);
    lastLineAt = now();
  };
  const end = (completed = true) => {
    if (phase && completed) line(formatPhaseEnd(phase, now() - phase.startedAt));
    phase = null;
  };
  return {
    sink: (e: Event) => {
      if (isNewPhase(phase, e)) {
        end();
        phase = { last: e, startedAt: now() - e.elapsedMs };
        line(formatProgress(e));
        return;
      }
      const roundStarts = e.round !== undefined && e.round !== phase!.last.round;
      phase!.last = e;
      const quiet = now() - lastLineAt;
      if ((roundStarts && quiet >= ROUND_GAP_MS) || quiet >= STEP_GAP_MS) line(formatProgress(e));
    },
    print: (text) => writeLine(text.replace(/\n$/, '')),
    end,
  };
}
