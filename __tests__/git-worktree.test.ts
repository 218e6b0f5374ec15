/** The git edge on real repositories made in a temporary directory (no network: file:// clones). */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchgateError } from '../src/errors.js';
import {
  ensureMergeBase,
  git,
  headSha,
  isDirty,
  isShallow,
  mergeBase,
  revParse,
} from '../src/git/git.js';
import { addWorktree, withWorktree } from '../src/git/worktree.js';

let tmp: string;
let repo: string;
let first: string;
let second: string;
let feature: string;

// A fixed identity and no user or system config, so that the test does not depend on the machine.
const env = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Bench Gate',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'Bench Gate',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

async function commit(dir: string, file: string, text: string, message: string): Promise<string> {
  await writeFile(join(dir, file), text);
  await git(['add', file], dir, { env });
  await git(['commit', '-q', '-m', message], dir, { env });
  return headSha(dir, { env });
}

async function worktreeDirs(): Promise<string[]> {
  return (await readdir(tmpdir())).filter((n) => n.startsWith('benchgate-worktree-'));
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'benchgate-git-'));
  repo = join(tmp, 'repo');
  await git(['init', '-q', '-b', 'main', repo], tmp, { env });
  // Older history below the merge base, so that deepening can reach the base without reaching the root.
  for (let i = 0; i < 3; i++) await commit(repo, 'old.txt', `old ${i}\n`, `old ${i}`);
  first = await commit(repo, 'a.txt', 'v1\n', 'first');
  second = await commit(repo, 'a.txt', 'v2\n', 'second');
  await git(['checkout', '-q', '-b', 'feature', first], repo, { env });
  feature = await commit(repo, 'b.txt', 'feature\n', 'feature work');
  for (let i = 0; i < 5; i++) await commit(repo, 'b.txt', `feature ${i}\n`, `more ${i}`);
  await git(['checkout', '-q', 'main'], repo, { env });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

test('revParse, headSha and mergeBase', async () => {
  expect(await headSha(repo, { env })).toBe(second);
  expect(await revParse('main~1', repo, { env })).toBe(first);
  expect(await mergeBase('main', 'feature', repo, { env })).toBe(first);
  await expect(revParse('no-such-ref', repo, { env })).rejects.toThrow(/unknown revision "no-such-ref"/);
  await expect(revParse('--output=x', repo, { env })).rejects.toThrow(BenchgateError);
  expect(feature).toMatch(/^[0-9a-f]{40}$/);
});

test('isDirty sees changes to tracked files, and untracked ones only when asked', async () => {
  expect(await isDirty(repo, { env })).toBe(false);
  await writeFile(join(repo, 'new.txt'), 'x');
  expect(await isDirty(repo, { env })).toBe(false);
  expect(await isDirty(repo, { env, untracked: true })).toBe(true);
  await rm(join(repo, 'new.txt'));
  await writeFile(join(repo, 'a.txt'), 'changed\n');
  expect(await isDirty(repo, { env })).toBe(true);
  await git(['checkout', '--', 'a.txt'], repo, { env });
});

test('a worktree checks out the ref detached, leaves branches alone, and is removed', async () => {
  const wt = await addWorktree(repo, 'main~1', { env });
  expect(wt.sha).toBe(first);
  expect(await readFile(join(wt.dir, 'a.txt'), 'utf8')).toBe('v1\n');
  expect(await headSha(wt.dir, { env })).toBe(first);
  expect((await git(['rev-parse', '--abbrev-ref', 'HEAD'], wt.dir, { env })).trim()).toBe('HEAD');
  expect(await git(['worktree', 'list'], repo, { env })).toContain(wt.dir);
  await wt.remove();
  await wt.remove();
  expect(existsSync(wt.dir)).toBe(false);
  expect(await git(['worktree', 'list'], repo, { env })).not.toContain(wt.dir);
  expect(await headSha(repo, { env })).toBe(second);
});

test('withWorktree removes the worktree when the work throws', async () => {
  let dir = '';
  await expect(
    withWorktree(
      repo,
      'feature',
      async (wt) => {
        dir = wt.dir;
        expect(existsSync(join(wt.dir, 'b.txt'))).toBe(true);
        throw new Error('benchmark exploded');
      },
      { env },
    ),
  ).rejects.toThrow('benchmark exploded');
  expect(dir).not.toBe('');
  expect(existsSync(dir)).toBe(false);
  expect(await git(['worktree', 'list'], repo, { env })).not.toContain(dir);
});

test('a bad ref fails cleanly and leaves no directory behind', async () => {
  const before = await worktreeDirs();
  await expect(addWorktree(repo, 'nope', { env })).rejects.toThrow(BenchgateError);
  expect(await worktreeDirs()).toEqual(before);
});

test('a failing git command says which command, where, and git’s message', async () => {
  await expect(git(['cat-file', '-p', 'deadbeef'], repo, { env })).rejects.toThrow(
    /git cat-file -p deadbeef failed in .*repo \(exit code 128\): .*deadbeef/,
  );
});

describe('in a shallow clone, ensureMergeBase fetches history until the merge base is there', () => {
  async function shallowClone(name: string): Promise<string> {
    const clone = join(tmp, name);
    await git(['clone', '-q', '--depth=1', '--no-single-branch', `file://${repo}`, clone], tmp, { env });
    expect(await isShallow(clone, { env })).toBe(true);
    await expect(mergeBase('origin/main', 'origin/feature', clone, { env })).rejects.toThrow(BenchgateError);
    return clone;
  }

  test('by deepening, when a step reaches far enough', async () => {
    const clone = await shallowClone('deepen');
    expect(await ensureMergeBase(clone, 'origin/main', 'origin/feature', { env, steps: [2, 4] })).toBe(first);
    expect(await isShallow(clone, { env })).toBe(true);
  });

  test('by fetching the whole history, when the steps do not', async () => {
    const clone = await shallowClone('unshallow');
    expect(await ensureMergeBase(clone, 'origin/main', 'origin/feature', { env, steps: [1] })).toBe(first);
    expect(await isShallow(clone, { env })).toBe(false);
  });

  test('no common ancestor is a clear error', async () => {
    const other = join(tmp, 'other');
    await git(['init', '-q', '-b', 'main', other], tmp, { env });
    await commit(other, 'z.txt', 'z\n', 'unrelated');
    await git(['fetch', '-q', `file://${repo}`, 'main:upstream'], other, { env });
    await expect(ensureMergeBase(other, 'main', 'upstream', { env })).rejects.toThrow(/have no common ancestor/);
  });
});
