/**
 * The progress display, given a fake stream (a terminal or not) and a fake clock: in a terminal
 * one line rewritten in place and a closing line per phase; in a log a few plain lines per phase
 * instead of one per test-binary run.
 */
import { jest } from '@jest/globals';
import {
  formatPhaseEnd,
  formatStatus,
  isInteractive,
  progressDisplay,
  tracked,
  type ProgressStream,
} from '../src/gotool/progress-display.js';
import { StepClock, type ProgressEvent } from '../src/gotool/progress.js';

const ERASE = '\r\x1b[2K';

class FakeStream implements ProgressStream {
  writes: string[] = [];
  constructor(
    readonly isTTY: boolean,
    public columns?: number,
  ) {}
  write(text: string) {
    this.writes.push(text);
    return true;
  }
  get text() {
    return this.writes.join('');
  }
  /** What a terminal shows at the end: per line, what follows the last erase-line. */
  get screen(): string[] {
    return this.text.split('\n').map((line) => line.slice(line.lastIndexOf(ERASE) === -1 ? 0 : line.lastIndexOf(ERASE) + ERASE.length));
  }
}

/** A fake clock the test moves. */
function fakeClock() {
  const clock = { t: 1_000_000, now: () => clock.t };
  return clock;
}

/**
 * The events of an alternating run as alternate.ts sends them: builds (one a second), then rounds
 * of two packages × two sides, each test-binary run taking stepMs.
 */
function alternatingRun(clock: { t: number; now: () => number }, sink: (e: ProgressEvent) => void, rounds = 10, stepMs = 400) {
  const pkgs = ['example.com/demo/jsonish', 'example.com/demo/quote'];
  const build = new StepClock(4, clock.now);
  for (const [i, pkg] of pkgs.entries()) {
    for (const side of ['base', 'head'] as const) {
      sink({ phase: 'build', pkg, index: i + 1, total: 2, side, ...build.next() });
      clock.t += 1000;
    }
  }
  const run = new StepClock(rounds * 4, clock.now);
  for (let round = 1; round <= rounds; round++) {
    for (const [i, pkg] of pkgs.entries()) {
      for (const side of round % 2 ? (['base', 'head'] as const) : (['head', 'base'] as const)) {
        sink({ phase: 'run', pkg, index: i + 1, total: 2, round, rounds, side, ...run.next() });
        clock.t += stepMs;
      }
    }
  }
}

describe('not a terminal (CI logs, a pipe): plain lines, few of them', () => {
  test('an alternating run: the start and end of each phase and a round every few seconds, not 44 lines', () => {
    const clock = fakeClock();
    const stream = new FakeStream(false);
    const display = progressDisplay(stream, { now: clock.now, env: {} });
    alternatingRun(clock, display.sink);
    display.end();
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      'benchgate: building package 1 of 2 (example.com/demo/jsonish), base, 0s elapsed',
      'benchgate: building done (4 test binaries) in 4s',
      'benchgate: running package 1 of 2 (example.com/demo/jsonish), round 1 of 10, base, 0s elapsed',
      'benchgate: running package 1 of 2 (example.com/demo/jsonish), round 5 of 10, base, 6s elapsed, about 10s left',
      'benchgate: running package 1 of 2 (example.com/demo/jsonish), round 9 of 10, base, 13s elapsed, about 3s left',
      'benchgate: running done (10 of 10 rounds) in 16s',
    ]);
    expect(stream.text).not.toContain('\r');
  });

  test('long steps without rounds (one side, a package at a time) each get a line; other output passes through', () => {
    const clock = fakeClock();
    const stream = new FakeStream(false);
    const display = progressDisplay(stream, { now: clock.now, env: {} });
    const steps = new StepClock(3, clock.now);
    for (let i = 1; i <= 3; i++) {
      display.sink({ phase: 'run', pkg: `example.com/m/p${i}`, index: i, total: 3, ...steps.next() });
      clock.t += 40_000;
      if (i === 2) display.print('warning: something\n');
    }
    display.end();
    expect(stream.text.split('\n').filter(Boolean)).toEqual([
      'benchgate: running package 1 of 3 (example.com/m/p1), 0s elapsed',
      'benchgate: running package 2 of 3 (example.com/m/p2), 40s elapsed, about 1m20s left',
      'warning: something',
      'benchgate: running package 3 of 3 (example.com/m/p3), 1m20s elapsed, about 40s left',
      'benchgate: running done (3 packages) in 2m00s',
    ]);
  });

  test('a terminal in CI, or a dumb one, still gets plain lines', () => {
    expect(isInteractive(new FakeStream(true), {})).toBe(true);
    expect(isInteractive(new FakeStream(true), { CI: 'true' })).toBe(false);
    expect(isInteractive(new FakeStream(true), { CI: 'false' })).toBe(true);
    expect(isInteractive(new FakeStream(true), { TERM: 'dumb' })).toBe(false);
    expect(isInteractive(new FakeStream(false), {})).toBe(false);
  });
});

describe('a terminal: one status line, rewritten in place', () => {
  test('a whole run leaves only the closing line of each phase on the screen', () => {
    const clock = fakeClock();
    const stream = new FakeStream(true, 200);
    const display = progressDisplay(stream, { now: clock.now, env: {}, refreshMs: 0 });
    alternatingRun(clock, display.sink);
    // While running: no newline since the build phase closed, and the line says where it is.
    expect(stream.text.split('\n')).toHaveLength(2);
    expect(stream.writes.at(-1)).toBe(ERASE + 'benchgate: running round 10 of 10, 16s elapsed, about 0s left · package 2 of 2 example.com/demo/quote (base)');
    display.end();
    expect(stream.screen).toEqual(['benchgate: building done (4 test binaries) in 4s', 'benchgate: running done (10 of 10 rounds) in 16s', '']);
  });

  test('other output is written on a clean line and the status line comes back under it', () => {
    const clock = fakeClock();
    const stream = new FakeStream(true, 200);
    const display = progressDisplay(stream, { now: clock.now, env: {}, refreshMs: 0 });
    display.sink({ phase: 'run', pkg: 'example.com/m/p', index: 1, total: 1, round: 1, rounds: 6, side: 'base', step: 1, steps: 12, elapsedMs: 0, remainingMs: null });
    display.print('warning: a package failed\n');
    expect(stream.screen).toEqual(['warning: a package failed', 'benchgate: running round 1 of 6, 0s elapsed · package 1 of 1 example.com/m/p (base)']);
    display.end();
    expect(stream.screen.slice(-2)).toEqual(['benchgate: running done (1 of 6 rounds) in 0s', '']);
  });

  test('the clock moves between events; the line fits the terminal; a failure only erases it', async () => {
    jest.useFakeTimers();
    try {
      const clock = fakeClock();
      const stream = new FakeStream(true, 40);
      const display = progressDisplay(stream, { now: clock.now, env: {} });
      const work = tracked(display, async (sink) => {
        sink({ phase: 'run', pkg: 'example.com/m/p', index: 1, total: 1, step: 2, steps: 3, elapsedMs: 10_000, remainingMs: 20_000, round: 2, rounds: 3, side: 'head' });
        clock.t += 3000;
        jest.advanceTimersByTime(3000);
        expect(stream.writes.at(-1)).toBe(ERASE + 'benchgate: running round 2 of 3, 13s e…');
        stream.columns = 200;
        jest.advanceTimersByTime(1000);
        expect(stream.writes.at(-1)).toBe(ERASE + 'benchgate: running round 2 of 3, 13s elapsed, about 17s left · package 1 of 1 example.com/m/p (head)');
        throw new Error('go test failed');
      });
      await expect(work).rejects.toThrow('go test failed');
      expect(stream.screen).toEqual(['']);
      // The refresh timer is gone with the phase.
      const writes = stream.writes.length;
      jest.advanceTimersByTime(5000);
      expect(stream.writes).toHaveLength(writes);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('the texts', () => {
  const run: ProgressEvent = { phase: 'run', pkg: 'example.com/x', index: 2, total: 3, round: 4, rounds: 10, side: 'head', step: 14, steps: 60, elapsedMs: 4000, remainingMs: 7000 };

  test('the status line names the leaf benchmark when the runner sends one', () => {
    expect(formatStatus(run, 4000, 7000)).toBe('benchgate: running round 4 of 10, 4s elapsed, about 7s left · package 2 of 3 example.com/x (head)');
    expect(formatStatus({ ...run, benchmark: 'Tokenize/pretty' } as ProgressEvent, 4000, null)).toBe(
      'benchgate: running round 4 of 10, 4s elapsed · package 2 of 3 example.com/x (head) Tokenize/pretty',
    );
    expect(formatStatus({ ...run, phase: 'build', round: undefined, rounds: undefined, step: 3, steps: 6 }, 2000, 2000)).toBe(
      'benchgate: building test binary 3 of 6, 2s elapsed, about 2s left · example.com/x (head)',
    );
  });

  test('events naming benchmarks within one step do not start a new phase', () => {
    const clock = fakeClock();
    const stream = new FakeStream(false);
    const display = progressDisplay(stream, { now: clock.now, env: {} });
    for (const benchmark of ['A', 'B', 'C']) display.sink({ ...run, benchmark } as ProgressEvent);
    display.end();
    expect(stream.text.split('\n').filter(Boolean)).toHaveLength(2);
  });

  test('closing lines', () => {
    expect(formatPhaseEnd({ last: { ...run, round: 7 } }, 95_000)).toBe('running done (7 of 10 rounds) in 1m35s');
    expect(formatPhaseEnd({ last: { ...run, phase: 'build', step: 1 } }, 1000)).toBe('building done (1 test binary) in 1s');
  });
});
