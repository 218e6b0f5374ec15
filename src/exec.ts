/**
 * The one place where benchgate starts processes (go, git, test binaries). Arguments are always an
 * array handed to `spawn` — never a shell string — so names with spaces or quotes need no care.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { BenchgateError } from './errors.js';
import { interruptedBy, trackGroup } from './interrupt.js';

export interface RunOptions {
  cwd?: string;
  /** The full environment of the child (defaults to this process's). */
  env?: NodeJS.ProcessEnv;
  /** Wall-clock limit; on expiry the child's whole process group is killed. */
  timeoutMs?: number;
  /** Called with each complete stdout line (without the newline), e.g. to show progress. */
  onStdoutLine?: (line: string) => void;
  /** Bytes kept per stream; beyond it only the tail is kept (default 8 MiB). */
  maxOutputBytes?: number;
  /** Called once the child has started, with its pid (e.g. to watch its CPU time in /proc). */
  onSpawn?: (pid: number) => void;
  /** A clean-up's own command (removing a worktree): started even after an interrupt. */
  duringCleanup?: boolean;
}

export interface RunResult {
  /** Exit code, or null when the process ended by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the output was longer than the cap and its head was dropped. */
  truncated: boolean;
  timedOut: boolean;
  durationMs: number;
  /** When the process was started and when it ended (epoch ms): concurrent runs can be told apart. */
  startedAtMs: number;
  endedAtMs: number;
}

const DEFAULT_MAX_OUTPUT = 8 * 1024 * 1024;
/** After SIGTERM, how long a process group gets to exit before SIGKILL. */
const KILL_GRACE_MS = 2000;
/**
 * After the child exits (or is killed), how long its output pipes may stay open — held by a
 * grandchild that left the process group — before benchgate stops reading them (like Go's
 * exec.Cmd.WaitDelay). Without it, such a grandchild would hang the run.
 */
const PIPE_WAIT_MS = 5000;

/**
 * Keeps the last `cap` bytes of a stream. The tail matters most: build errors, panics and
 * `--- FAIL` lines come at the end of go's output.
 */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;

  constructor(private readonly cap: number) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    // Compact only once twice over the cap, so that pushing stays linear overall.
    if (this.size > 2 * this.cap) this.compact();
  }

  private compact(): void {
    const all = Buffer.concat(this.chunks);
    const tail = all.subarray(all.length - this.cap);
    this.chunks = [Buffer.from(tail)];
    this.size = tail.length;
    this.truncated = true;
  }

  text(): string {
    if (this.size > this.cap) this.compact();
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/** Splits a byte stream into lines across chunk boundaries (and multi-byte characters). */
function lineSplitter(onLine: (line: string) => void): { push(chunk: Buffer): void; end(): void } {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const emit = (text: string) => {
    pending += text;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      onLine(pending.slice(0, nl).replace(/\r$/, ''));
      pending = pending.slice(nl + 1);
    }
  };
  return {
    push: (chunk) => emit(decoder.write(chunk)),
    end: () => {
      emit(decoder.end());
      if (pending !== '') onLine(pending);
      pending = '';
    },
  };
}

/**
 * Runs `cmd` with `args` and resolves when it has exited and its output is drained. A non-zero
 * exit is a result, not an error (callers decide what it means); failing to start the command at
 * all (e.g. `go` not installed) rejects with a BenchgateError of code 'exec'.
 */
export function run(cmd: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const signal = interruptedBy();
    if (signal && !opts.duringCleanup) {
      reject(new BenchgateError(`interrupted (${signal}): ${cmd} not started`, 'exec'));
      return;
    }
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group, so that a timeout also kills what the child started
      // (`go test` runs the test binary as its own child).
      detached: true,
    });
    // Its own group does not get the terminal's Ctrl-C: the interrupt handler ends it.
    const untrack = child.pid !== undefined ? trackGroup(child.pid) : () => false;
    if (child.pid !== undefined) opts.onSpawn?.(child.pid);
    let endedAt: number | undefined;
    const out = new TailBuffer(cap);
    const err = new TailBuffer(cap);
    const lines = opts.onStdoutLine ? lineSplitter(opts.onStdoutLine) : null;
    let timedOut = false;
    let settled = false;
    const timers: NodeJS.Timeout[] = [];

    const stopReading = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };

    const killGroup = (signal: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };

    if (opts.timeoutMs !== undefined && opts.timeoutMs > 0) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          killGroup('SIGTERM');
          timers.push(
            setTimeout(() => {
              killGroup('SIGKILL');
              timers.push(setTimeout(stopReading, PIPE_WAIT_MS));
            }, KILL_GRACE_MS),
          );
        }, opts.timeoutMs),
      );
    }

    child.stdout.on('data', (chunk: Buffer) => {
      out.push(chunk);
      lines?.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));

    child.on('error', (e: NodeJS.ErrnoException) => {
      untrack();
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      // spawn says ENOENT for a missing working directory too: that is not a missing command.
      if (e.code === 'ENOENT' && opts.cwd !== undefined && !existsSync(opts.cwd)) {
        reject(new BenchgateError(`cannot run ${cmd} in ${opts.cwd}: the directory does not exist`, 'exec'));
        return;
      }
      const hint = e.code === 'ENOENT' ? ' (is it installed and on PATH?)' : '';
      reject(new BenchgateError(`cannot run ${cmd}: ${e.message}${hint}`, 'exec'));
    });

    child.on('exit', () => {
      endedAt = Date.now();
      timers.push(setTimeout(stopReading, PIPE_WAIT_MS));
    });

    child.on('close', (code, signal) => {
      untrack();
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      // A timed-out child may have left grandchildren holding nothing but the group id: finish them.
      if (timedOut) killGroup('SIGKILL');
      lines?.end();
      resolve({
        code,
        signal,
        stdout: out.text(),
        stderr: err.text(),
        truncated: out.truncated || err.truncated,
        timedOut,
        durationMs: Date.now() - started,
        startedAtMs: started,
        endedAtMs: endedAt ?? Date.now(),
      });
    });
  });
}
