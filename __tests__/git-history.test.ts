import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchgateError } from '../src/errors.js';
import { commitsTouching, commitsTouchingFile, diffBetween, mergeBaseOf } from '../src/git/history.js';
import { parseUnifiedDiff } from '../src/diff/unified.js';
import { isMergeCommit } from '../src/git/git.js';

let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
const file = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
const write = (name: string, lines: string[]) => writeFileSync(join(repo, name), lines.join('\n') + '\n');
const editLine = (name: string, line: number, text: string) => {
  const lines = readFileSync(join(repo, name), 'utf8').trimEnd().split('\n');
  lines[line - 1] = text;
  write(name, lines);
};

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'benchgate-history-'));
  git('init', '-q', '-b', 'main');
  // The user's config must not change what we read.
  git('config', 'diff.noprefix', 'true');
  git('config', 'color.ui', 'always');
  write('a.go', file(40));
  write('b.go', file(10));
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'pr');
  editLine('a.go', 5, 'first edit of 5');
  git('commit', '-qam', 'touch line 5');
  editLine('a.go', 30, 'far away');
  git('commit', '-qam', 'touch line 30');
  editLine('a.go', 5, 'second edit of 5');
  editLine('a.go', 6, 'edit of 6');
  git('commit', '-qam', 'touch lines 5 and 6');
  git('rm', '-q', 'b.go');
  git('commit', '-qm', 'remove b');
  // main moves on after the PR branched: its commits are not the PR's.
  git('checkout', '-q', 'main');
  editLine('a.go', 20, 'on main');
  git('commit', '-qam', 'main moves on');
  git('checkout', '-q', 'pr');
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

test('diffBetween diffs from the merge base, whatever the user config says', async () => {
  const files = parseUnifiedDiff(await diffBetween(repo, 'main', 'pr'));
  const a = files.find((f) => f.newPath === 'a.go')!;
  // Line 20 changed on main only: not part of the PR.
  expect(a.added).toEqual([{ start: 5, end: 6 }, { start: 30, end: 30 }]);
  expect(files.find((f) => f.oldPath === 'b.go')).toMatchObject({ status: 'deleted', newPath: null });
});

test('without a head ref, the working tree is the head', async () => {
  editLine('a.go', 35, 'uncommitted');
  try {
    const files = parseUnifiedDiff(await diffBetween(repo, 'main'));
    expect(files.find((f) => f.newPath === 'a.go')!.added).toEqual([
      { start: 5, end: 6 },
      { start: 30, end: 30 },
      { start: 35, end: 35 },
    ]);
  } finally {
    git('checkout', '--', 'a.go');
  }
});

test('commitsTouching: the PR commits that changed the lines, newest first, rewritten ones included', async () => {
  const commits = await commitsTouching(repo, 'main', 'pr', 'a.go', 4, 7);
  expect(commits.map((c) => c.subject)).toEqual(['touch lines 5 and 6', 'touch line 5']);
  expect(commits[0].sha).toMatch(/^[0-9a-f]{7,}$/);
  expect(commits[0].sha).toBe(git('rev-parse', '--short', 'pr~1'));
  expect(await commitsTouching(repo, 'main', 'pr', 'a.go', 10, 12)).toEqual([]);
  expect((await commitsTouching(repo, 'main', 'pr', 'a.go', 30, 30)).map((c) => c.subject)).toEqual(['touch line 30']);
});

test('commitsTouchingFile: for code the PR deleted', async () => {
  expect((await commitsTouchingFile(repo, 'main', 'pr', 'b.go')).map((c) => c.subject)).toEqual(['remove b']);
});

test('bad refs and ranges are typed errors, never an option injection', async () => {
  await expect(diffBetween(repo, '--output=/tmp/x')).rejects.toMatchObject({ code: 'usage' });
  await expect(diffBetween(repo, 'no-such-branch', 'pr')).rejects.toBeInstanceOf(BenchgateError);
  await expect(diffBetween(repo, 'no-such-branch', 'pr')).rejects.toMatchObject({ code: 'git' });
  await expect(commitsTouching(repo, 'main', 'pr', 'a.go', 5, 2)).rejects.toMatchObject({ code: 'usage' });
  await expect(commitsTouching(repo, 'main', 'pr', 'a.go', 500, 501)).rejects.toMatchObject({ code: 'git' });
  await expect(commitsTouching(repo, '--all', 'pr', 'a.go', 4, 7)).rejects.toMatchObject({ code: 'usage' });
  await expect(commitsTouchingFile(repo, 'main', '--output=/tmp/x', 'b.go')).rejects.toMatchObject({ code: 'usage' });
  git('checkout', '-q', '--orphan', 'lonely');
  git('commit', '-qm', 'unrelated');
  try {
    await expect(mergeBaseOf(repo, 'main', 'lonely')).rejects.toThrow(/no merge base/);
  } finally {
    git('checkout', '-qf', 'pr');
  }
});

test('isMergeCommit: a merge of main into the PR is one, its parents are not, and a shallow clone still knows', async () => {
  git('checkout', '-q', '-b', 'merged', 'main');
  git('merge', '-q', '--no-ff', '--no-edit', 'pr');
  try {
    expect(await isMergeCommit('HEAD', repo)).toBe(true);
    expect(await isMergeCommit('HEAD^1', repo)).toBe(false);
    expect(await isMergeCommit('pr', repo)).toBe(false);
    // actions/checkout's default depth 1: the merge commit is a shallow boundary whose parents
    // rev-list hides, but the commit object still names them.
    const shallow = mkdtempSync(join(tmpdir(), 'benchgate-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth', '1', '--branch', 'merged', `file://${repo}`, shallow]);
    expect(execFileSync('git', ['rev-list', '--parents', '-n', '1', 'HEAD'], { cwd: shallow, encoding: 'utf8' }).trim().split(' ')).toHaveLength(1);
    expect(await isMergeCommit('HEAD', shallow)).toBe(true);
    rmSync(shallow, { recursive: true, force: true });
    await expect(isMergeCommit('--output=x', repo)).rejects.toThrow(BenchgateError);
  } finally {
    git('checkout', '-q', 'pr');
  }
});
