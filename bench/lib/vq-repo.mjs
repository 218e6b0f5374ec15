// The throwaway git repository the verdict-quality trials run in: main holds the fixture module
// unchanged, and each variant is one commit on its own branch, checked out in its own worktree so
// that `benchgate run --base main` can run from it without switching branches between trials.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from './run-process.mjs';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'vq',
  GIT_AUTHOR_EMAIL: 'vq@example.com',
  GIT_COMMITTER_NAME: 'vq',
  GIT_COMMITTER_EMAIL: 'vq@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

const git = (cwd, ...args) => runProcess('git', args, { cwd, env: GIT_ENV });

/** The file and the marker of the loop bound that sets planted's cost. */
export const PLANT_FILE = 'cpu/score.go';
const PLANT_LINE = /(i < )(\d+)(; i\+\+ \{ \/\/ benchgate:plant)/;
/** The comment the A/A variant rewords: the same code, the same line numbers. */
const AA_FILE = 'cpu/work.go';
const AA_FROM = '// Input makes n deterministic pseudo-random bytes';
const AA_TO = '// Input returns n deterministic pseudo-random bytes';

/** The loop bound in the fixture, read from the marked line. */
export function plantBound(source) {
  const m = PLANT_LINE.exec(source);
  if (!m) throw new Error(`${PLANT_FILE}: no line marked "benchgate:plant" with a loop bound "i < N"`);
  return Number(m[2]);
}

/** Source with planted's work raised by `percent` (the bound times 1 + percent/100, exactly). */
export function plantSource(source, percent) {
  const bound = plantBound(source);
  const raised = (bound * (100 + percent)) / 100;
  if (!Number.isInteger(raised)) throw new Error(`a ${percent}% plant of bound ${bound} is not a whole number of steps`);
  return source.replace(PLANT_LINE, `$1${raised}$3`);
}

export function aaSource(source) {
  if (!source.includes(AA_FROM)) throw new Error(`${AA_FILE}: the comment the A/A variant rewords is missing`);
  return source.replace(AA_FROM, AA_TO);
}

/**
 * Creates `<work>/repo` (main = the fixture) and one worktree per variant under `<work>/trees`.
 * @param {string} fixtureDir
 * @param {string} work
 * @param {number[]} plants slowdowns in percent
 * @returns {Promise<{repo: string, trees: Record<string, string>, bound: number}>}
 */
export async function makeRepo(fixtureDir, work, plants) {
  const repo = join(work, 'repo');
  cpSync(fixtureDir, repo, { recursive: true });
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'vq: the fixture');
  const bound = plantBound(readFileSync(join(repo, PLANT_FILE), 'utf8'));

  const variants = [['aa', AA_FILE, aaSource, 'vq: reword a comment (A/A)']];
  for (const p of plants) variants.push([`plant${p}`, PLANT_FILE, (s) => plantSource(s, p), `vq: planted does ${p}% more work`]);
  const trees = { main: repo };
  for (const [name, file, edit, subject] of variants) {
    const dir = join(work, 'trees', name);
    await git(repo, 'worktree', 'add', '-q', '-b', name, dir, 'main');
    const path = join(dir, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    await git(dir, 'commit', '-q', '-am', subject);
    trees[name] = dir;
  }
  return { repo, trees, bound };
}
