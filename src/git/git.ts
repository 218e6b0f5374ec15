/**
 * The git edge: a handful of plumbing commands with typed results. Everything runs through
 * `run` with argument arrays; a failing git command becomes a BenchgateError carrying git's message.
 */
import { BenchgateError } from '../errors.js';
import { run } from '../exec.js';

export interface GitOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Output larger than this is an error rather than silently cut (default 8 MiB; diffs need more). */
  maxOutputBytes?: number;
  /** A clean-up's own command: runs even after Ctrl-C (see interrupt.ts). */
  duringCleanup?: boolean;
}

/** Untranslated messages (they are matched), no pager, and never a credential prompt that would hang. */
const QUIET_GIT_ENV = { LC_ALL: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0' };

/** Network operations (fetch) may be slow; local plumbing should not be. */
const LOCAL_TIMEOUT_MS = 60_000;
const FETCH_TIMEOUT_MS = 10 * 60_000;

/** Runs `git <args>` in `cwd` and returns its stdout; throws on a non-zero exit. */
export async function git(args: readonly string[], cwd: string, opts: GitOptions = {}): Promise<string> {
  const r = await run('git', args, {
    cwd,
    env: { ...(opts.env ?? process.env), ...QUIET_GIT_ENV },
    timeoutMs: opts.timeoutMs ?? LOCAL_TIMEOUT_MS,
    maxOutputBytes: opts.maxOutputBytes,
    duringCleanup: opts.duringCleanup,
  });
  if (r.timedOut) {
    throw new BenchgateError(`git ${args.join(' ')} timed out after ${r.durationMs} ms`, 'git');
  }
  if (r.code !== 0) {
    const why = (r.stderr.trim() || r.stdout.trim() || `exit status ${r.code ?? r.signal}`).split('\n').slice(-10).join('\n');
    throw new BenchgateError(`git ${args.join(' ')} failed in ${cwd} (exit code ${r.code}): ${why}`, 'git');
  }
  if (r.truncated) {
    throw new BenchgateError(`git ${args.join(' ')} printed more than ${opts.maxOutputBytes ?? 'the output limit'} bytes`, 'git');
  }
  return r.stdout;
}

/** The commit SHA a ref names (`^{commit}` peels tags, so an annotated tag gives its commit). */
export async function revParse(ref: string, cwd: string, opts?: GitOptions): Promise<string> {
  // `--end-of-options` keeps a ref that starts with '-' from being read as an option.
  return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd, opts).catch(
    () => {
      throw new BenchgateError(`unknown revision ${JSON.stringify(ref)} in ${cwd}`, 'git');
    },
  )).trim();
}

export async function headSha(cwd: string, opts?: GitOptions): Promise<string> {
  return revParse('HEAD', cwd, opts);
}

/** The best common ancestor of `a` and `b`; throws when there is none in the local history. */
export async function mergeBase(a: string, b: string, cwd: string, opts?: GitOptions): Promise<string> {
  return (await git(['merge-base', '--end-of-options', a, b], cwd, opts)).trim();
}

/**
 * Whether `ref` is a merge commit (two or more parents). Read from the commit object itself: in a
 * shallow clone the boundary commits show no parents to rev-list, but their objects still list them.
 */
export async function isMergeCommit(ref: string, cwd: string, opts?: GitOptions): Promise<boolean> {
  const object = await git(['cat-file', 'commit', await revParse(ref, cwd, opts)], cwd, opts);
  const end = object.indexOf('\n\n');
  const header = end < 0 ? object : object.slice(0, end);
  return header.split('\n').filter((l) => l.startsWith('parent ')).length >= 2;
}

/** Whether the clone is shallow (CI checkouts default to depth 1). */
export async function isShallow(cwd: string, opts?: GitOptions): Promise<boolean> {
  return (await git(['rev-parse', '--is-shallow-repository'], cwd, opts)).trim() === 'true';
}

/** Whether tracked files differ from HEAD (untracked files count only when asked). */
export async function isDirty(cwd: string, opts: GitOptions & { untracked?: boolean } = {}): Promise<boolean> {
  const untracked = opts.untracked ? '--untracked-files=normal' : '--untracked-files=no';
  return (await git(['status', '--porcelain', untracked], cwd, opts)).trim() !== '';
}

/** Fetches `refs` from `remote`, deepening history by `depth` commits. */
export async function fetchDepth(
  cwd: string,
  remote: string,
  refs: readonly string[],
  depth: number,
  opts?: GitOptions,
): Promise<void> {
  await git(['fetch', '--no-tags', `--deepen=${depth}`, remote, ...refs], cwd, {
    timeoutMs: FETCH_TIMEOUT_MS,
    ...opts,
  });
}

/** Fetches the whole history of a shallow clone. */
export async function unshallow(cwd: string, remote: string, opts?: GitOptions): Promise<void> {
  await git(['fetch', '--no-tags', '--unshallow', remote], cwd, { timeoutMs: FETCH_TIMEOUT_MS, ...opts });
}

/**
 * The merge base of `base` and `head`, fetching more history while the clone is shallow and the
 * merge base is not yet reachable: first a few deepening steps (cheap for short-lived branches),
 * then the whole history.
 */
export async function ensureMergeBase(
  cwd: string,
  base: string,
  head: string,
  opts: GitOptions & { remote?: string; steps?: readonly number[] } = {},
): Promise<string> {
  const remote = opts.remote ?? 'origin';
  const tryMergeBase = () => mergeBase(base, head, cwd, opts).catch(() => null);
  let found = await tryMergeBase();
  for (const depth of opts.steps ?? [50, 200, 1000]) {
    if (found !== null || !(await isShallow(cwd, opts))) break;
    await fetchDepth(cwd, remote, [], depth, opts);
    found = await tryMergeBase();
  }
  if (found === null && (await isShallow(cwd, opts))) {
    await unshallow(cwd, remote, opts);
    found = await tryMergeBase();
  }
  if (found === null) {
    throw new BenchgateError(`${base} and ${head} have no common ancestor in ${cwd}`, 'git');
  }
  return found;
}

/**
 * Checks that `ref`, given as `flag`, names a commit in `repo`; if not, the error says which flag,
 * which repository, and what is there (a clone whose default branch is `master`, a CI checkout
 * that fetched only the PR), instead of git's "Not a valid object name".
 */
export async function requireRef(flag: string, ref: string, repo: string): Promise<void> {
  const found = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo).then(
    () => true,
    () => false,
  );
  if (found) return;
  const branches = (await git(['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes'], repo).catch(() => ''))
    .split('\n')
    .filter((b) => b !== '' && !b.endsWith('/HEAD'));
  const shown = branches.slice(0, 8).join(', ') + (branches.length > 8 ? `, … (${branches.length} in all)` : '');
  throw new BenchgateError(
    `${flag} ${JSON.stringify(ref)} is not a branch, tag or commit in ${repo}` +
      (branches.length ? ` (branches here: ${shown})` : '') +
      `; name one of them, or fetch it first (git fetch origin ${ref})`,
    'git',
  );
}
