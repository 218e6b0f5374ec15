/**
 * Git repositories built from the Go modules in __tests__/fixtures/, for the tests that need
 * history (a base branch, a PR's commits): `main` holds the base directory, and each commit lays a
 * directory, or files, over a branch. Real git, with a fixed identity (helpers/cli.ts's `git`).
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from './cli.js';

/** The subject of shapesmod's PR commit (the shapes tests' one commit on top of main). */
export const SHAPES_PR = 'shapes: slower skipSpace, mix and newNode; tidy Sum, Label and Depth';

export interface FixtureCommit {
  /** The branch to commit on; created from `from` (default main) the first time it is named. */
  branch: string;
  from?: string;
  /** The commit's subject (default: the branch name). */
  message?: string;
  /** A directory copied over the tree, or files by path: their text, or `{ copy: file }`. */
  overlay: string | Record<string, string | { copy: string }>;
  /** The key of this commit in `sha` (default: the branch, so a branch's last commit wins). */
  name?: string;
}

export interface FixtureRepo {
  dir: string;
  /** Commit of main, and of each commit by its name. */
  sha: Record<string, string>;
}

export interface RepoOptions {
  /** The subject of main's one commit. */
  baseMessage?: string;
  /** The branch checked out at the end (default: the last one committed to). */
  checkout?: string;
}

export function repoFromFixture(dir: string, base: string, commits: FixtureCommit[] = [], opts: RepoOptions = {}): FixtureRepo {
  mkdirSync(dir, { recursive: true });
  cpSync(base, dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', opts.baseMessage ?? 'base');
  const head = () => git(dir, 'rev-parse', 'HEAD').trim();
  const sha: Record<string, string> = { main: head() };
  const branches = new Set(['main']);
  let current = 'main';
  for (const c of commits) {
    if (!branches.has(c.branch)) git(dir, 'checkout', '-q', '-b', c.branch, c.from ?? 'main');
    else if (c.branch !== current) git(dir, 'checkout', '-q', c.branch);
    branches.add(c.branch);
    current = c.branch;
    if (typeof c.overlay === 'string') cpSync(c.overlay, dir, { recursive: true });
    else {
      for (const [path, content] of Object.entries(c.overlay)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        if (typeof content === 'string') writeFileSync(join(dir, path), content);
        else cpSync(content.copy, join(dir, path));
      }
    }
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', c.message ?? c.branch);
    sha[c.name ?? c.branch] = head();
  }
  if (opts.checkout && opts.checkout !== current) git(dir, 'checkout', '-q', opts.checkout);
  return { dir, sha };
}
