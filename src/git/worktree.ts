/**
 * A second checkout of a commit, for running the base side next to the head side without
 * touching the user's working tree. Detached (no branch is created or moved), in a temporary
 * directory, and removed again — also when the work in it fails.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onInterrupt, removeOnInterrupt } from '../interrupt.js';
import { git, revParse, type GitOptions } from './git.js';

export interface Worktree {
  /** Absolute path of the checkout. */
  dir: string;
  /** The commit checked out. */
  sha: string;
  /** Removes the checkout and its registration in the repository; safe to call twice. */
  remove(): Promise<void>;
}

/** Checks out `ref` of `repo` into a fresh temporary directory. */
export async function addWorktree(repo: string, ref: string, opts: GitOptions = {}): Promise<Worktree> {
  const sha = await revParse(ref, repo, opts);
  const dir = await mkdtemp(join(tmpdir(), 'benchgate-worktree-'));
  let removing: Promise<void> | undefined;
  // One removal, however many ask (the run's own `finally` and Ctrl-C's clean-up), and
  // unregistered only when done: Ctrl-C must not leave the worktree registered in the user's repository.
  const remove = (): Promise<void> =>
    (removing ??= (async () => {
      // `worktree remove` can fail if git never registered it; the directory goes either way.
      await git(['worktree', 'remove', '--force', dir], repo, { ...opts, duringCleanup: true }).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      await git(['worktree', 'prune'], repo, { ...opts, duringCleanup: true }).catch(() => undefined);
      unregisters.forEach((f) => f());
    })());
  const unregisters = [onInterrupt(remove), removeOnInterrupt(dir)];
  try {
    await git(['worktree', 'add', '--detach', '--quiet', dir, sha], repo, { timeoutMs: 10 * 60_000, ...opts });
  } catch (e) {
    await remove();
    throw e;
  }
  return { dir, sha, remove };
}

/** Runs `fn` in a worktree of `ref` and removes the worktree afterwards, whatever happens. */
export async function withWorktree<T>(
  repo: string,
  ref: string,
  fn: (wt: Worktree) => Promise<T>,
  opts: GitOptions = {},
): Promise<T> {
  const wt = await addWorktree(repo, ref, opts);
  try {
    return await fn(wt);
  } finally {
    await wt.remove();
  }
}
