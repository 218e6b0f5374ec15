/**
 * Ctrl-C (SIGINT) or SIGTERM in the middle of a run. The processes benchgate starts run in their
 * own process groups (so that a timeout kills what they started), which also means the terminal's
 * Ctrl-C does not reach them; and Node's default exit on a signal runs no `finally`, so temporary
 * git worktrees stayed registered in the user's repository. Here the live groups and the pending
 * clean-ups are known, and the signal handler ends the one and runs the other before exiting.
 */
import { rmSync } from 'node:fs';

const groups = new Set<number>();
const cleanups = new Set<() => Promise<unknown>>();
const dirs = new Set<string>();
/** How long the processes get to exit after the signal (go removes its build directory then). */
const GRACE_MS = 2000;
let interrupted: NodeJS.Signals | undefined;

/** The signal that interrupted this process, if one did: no new process should be started then. */
export function interruptedBy(): NodeJS.Signals | undefined {
  return interrupted;
}

/** Marks a child's process group as live until the returned function is called. */
export function trackGroup(pid: number): () => void {
  groups.add(pid);
  return () => groups.delete(pid);
}

/** Runs `fn` if the process is interrupted before the returned function is called. */
export function onInterrupt(fn: () => Promise<unknown>): () => void {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}

/**
 * Removes `dir` if the process is interrupted before the returned function is called. Last, and
 * twice: the run's own code goes on while the clean-ups run and may still write its files there.
 */
export function removeOnInterrupt(dir: string): () => void {
  dirs.add(dir);
  return () => dirs.delete(dir);
}

function removeDirs(): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

function killGroups(signal: NodeJS.Signals): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  }
}

/**
 * Ends the live process groups, runs the clean-ups (in registration order's reverse: a worktree's
 * removal before the directory that holds it) and resolves with the exit status for `signal`.
 */
export async function interrupt(signal: NodeJS.Signals): Promise<number> {
  interrupted = signal;
  // The same signal first, as a terminal's Ctrl-C would have sent it to them: go then removes its
  // own temporary build directory. What is left after a grace period is killed.
  killGroups(signal);
  for (let waited = 0; groups.size > 0 && waited < GRACE_MS; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  killGroups('SIGKILL');
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    await fn().catch(() => undefined);
  }
  // A process started while the clean-ups ran (the run's own code goes on meanwhile) goes too.
  killGroups('SIGKILL');
  removeDirs();
  // A write already handed to libuv's thread pool may land after that: once more, a little later.
  await new Promise((resolve) => setTimeout(resolve, 200));
  removeDirs();
  return exitStatus(signal);
}

/** The shell's convention: 128 + the signal's number. */
function exitStatus(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 130 : 143;
}

/** For the CLI: on SIGINT or SIGTERM, clean up and exit 130 or 143; a second signal exits at once. */
export function installInterruptHandlers(say: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (interrupted) process.exit(exitStatus(signal));
      say(`benchgate: interrupted (${signal}): stopping the benchmarks and removing temporary worktrees and files\n`);
      void interrupt(signal).then((code) => process.exit(code));
    });
  }
}
