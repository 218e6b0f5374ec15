/**
 * The causal step's edge: the trees it measures (a worktree of the head with one function
 * reverted, worktrees of the merge base and of the PR's commits) and the paired runs between them
 * (gotool/alternate.ts, restricted to the one benchmark). Everything runs through git worktrees
 * and argument arrays; the user's working tree is only read.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative } from 'node:path';
import type { ChangeSet, EngineLog } from '../engine.js';
import type { ChangedFunction } from '../diff/match.js';
import { parseUnifiedDiff } from '../diff/unified.js';
import { git, isDirty, revParse } from '../git/git.js';
import { diffBetween, mergeBaseOf } from '../git/history.js';
import { addWorktree, type Worktree } from '../git/worktree.js';
import { runAlternating } from '../gotool/alternate.js';
import { runnerSettings } from '../local.js';
import type { RunSettings, VerdictSettings } from '../settings.js';
import type { CommitRef, CompareReport } from '../types.js';
import { pairedRatio } from './pairs.js';
import { causalRows, verifyCauses, type Bench, type CausalSummary, type Measurement } from './plan.js';
import { revertFunction } from './revert.js';

export interface CausalOptions {
  /** The git repository's top level. */
  repoDir: string;
  /** The Go module's directory in the working tree (absolute). */
  moduleDir: string;
  baseRef: string;
  /** The head as it was measured: a ref, or the working tree when omitted. */
  headRef?: string;
  /**
   * The last of the PR's own commits, for bisection (the action's checkout is GitHub's merge
   * commit, whose first parent is the base branch: the PR's head is its second). Default: the head.
   */
  commitsTip?: string;
  changes: ChangeSet;
  run: RunSettings;
  verdict: VerdictSettings;
  /** Pairs per measurement. */
  rounds: number;
  budgetMs: number;
  /** Where each measurement's raw outputs go (`<outDir>/<n>-…/base|head`). */
  outDir: string;
  log: EngineLog;
  /** At most this many functions per row (default 3). */
  maxFunctions?: number;
}

/** The most useful line of a failed build's output: the first compiler error, with its position. */
export function firstError(message: string | undefined): string {
  const lines = (message ?? '').split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  const line = lines.find((l) => /\.go:\d+/.test(l)) ?? lines[0] ?? 'no output';
  // Positions are in a temporary worktree: keep the file's name, not where it was checked out.
  const short = line.replace(/^(?:\S*\/)?([^/\s]+\.go:\d+(?::\d+)?:)/, '$1');
  return short.length > 200 ? short.slice(0, 200) + '…' : short;
}

/** The PR's first-parent commits, oldest first. */
export async function prCommits(repoDir: string, mergeBase: string, tip: string): Promise<CommitRef[]> {
  const out = await git(['log', '--first-parent', '--reverse', '--no-color', '--format=%H%x09%s', `${mergeBase}..${tip}`, '--'], repoDir);
  return out
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((l) => ({ sha: l.slice(0, l.indexOf('\t')), subject: l.slice(l.indexOf('\t') + 1) }));
}

/**
 * Runs the causal step for the counted regressions of `report` (plan.ts decides what is measured)
 * and writes its results into their attributions. Returns null when there was nothing to check.
 */
export async function runCausal(report: CompareReport, opts: CausalOptions): Promise<CausalSummary | null> {
  if (causalRows(report.rows).length === 0) return null;
  const { repoDir, log } = opts;
  const moduleRel = relative(repoDir, opts.moduleDir);
  const head = opts.headRef ?? 'HEAD';
  const mergeBase = await mergeBaseOf(repoDir, opts.baseRef, head);
  const headCommit = await revParse(head, repoDir);
  const diffs = parseUnifiedDiff(await diffBetween(repoDir, opts.baseRef, opts.headRef), 'git diff');
  const oldPathOf = new Map(diffs.filter((d) => d.newPath !== null).map((d) => [d.newPath!, d.oldPath]));

  let commits: CommitRef[] | string;
  if (!opts.headRef && !opts.commitsTip && (await isDirty(repoDir))) {
    commits = 'the working tree has uncommitted changes';
  } else {
    commits = await prCommits(repoDir, mergeBase, opts.commitsTip ?? headCommit).catch((e: unknown) => `the PR's commits are not known: ${(e as Error).message}`);
  }

  const trees: Worktree[] = [];
  const worktree = async (ref: string) => {
    const wt = await addWorktree(repoDir, ref);
    trees.push(wt);
    return wt;
  };
  let step = 0;
  const measureDir = (what: string) => join(opts.outDir, `${String(++step).padStart(2, '0')}-${what.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60)}`);
  const measure = async (baseDir: string, headDir: string, bench: Bench, what: string): Promise<Measurement> => {
    const result = await runAlternating({
      base: { dir: baseDir, ref: what },
      head: { dir: headDir },
      outDir: measureDir(what),
      rounds: opts.rounds,
      ...runnerSettings(opts.run),
      profiles: false,
      suspects: [bench],
      runTimeoutMs: Math.max(10_000, Math.floor(opts.budgetMs / (2 * opts.rounds))),
    });
    for (const [side, run] of [['base', result.base], ['head', result.head]] as const) {
      const p = run.packages.find((x) => x.pkg === bench.pkg);
      if (!p) return { ok: false, reason: `${bench.pkg} was not found on the ${side === 'base' ? what : 'head'} side` };
      if (p.status === 'build-failed') return { ok: false, reason: `${side === 'base' ? 'it' : 'the head'} does not compile: ${firstError(p.message)}` };
      if (p.status !== 'ok') return { ok: false, reason: `${p.status}: ${firstError(p.message)}` };
    }
    return { ok: true, compare: (unit) => pairedRatio(result.base, result.head, bench.pkg, bench.name, unit, opts.verdict.confidence) };
  };

  try {
    // The head as measured: the working tree, or a worktree of --head.
    const headRoot = opts.headRef ? (await worktree(headCommit)).dir : repoDir;
    const headModule = join(headRoot, moduleRel);

    // One worktree for every revert: the head commit with the PR's files as the head has them
    // (uncommitted changes included), one function's text swapped in at a time.
    let revertRoot: string | undefined;
    const revertTree = async (): Promise<string> => {
      if (revertRoot) return revertRoot;
      const wt = await worktree(headCommit);
      // Paths come from the PR's diff: never write outside the worktree.
      const inside = (p: string) => !isAbsolute(p) && !p.split(/[\\/]/).includes('..');
      for (const d of diffs) {
        if ((d.newPath !== null && !inside(d.newPath)) || (d.oldPath !== null && !inside(d.oldPath))) continue;
        if (d.newPath !== null) {
          const text = await readFile(join(headRoot, d.newPath)).catch(() => null);
          if (text !== null) {
            await mkdir(dirname(join(wt.dir, d.newPath)), { recursive: true });
            await writeFile(join(wt.dir, d.newPath), text);
          }
        } else if (d.oldPath !== null) {
          await rm(join(wt.dir, d.oldPath), { force: true });
        }
      }
      revertRoot = wt.dir;
      return revertRoot;
    };

    const measureRevert = async (fn: ChangedFunction, bench: Bench): Promise<Measurement> => {
      if (isAbsolute(fn.file) || fn.file.split(/[\\/]/).includes('..')) return { ok: false, reason: `${fn.file} is not a path inside the repository` };
      const headText = await readFile(join(headRoot, fn.file), 'utf8').catch(() => undefined);
      if (headText === undefined) return { ok: false, reason: `${fn.file} is not readable at the head` };
      const oldPath = oldPathOf.has(fn.file) ? oldPathOf.get(fn.file) : fn.file;
      const baseText = oldPath ? await git(['show', `${mergeBase}:${oldPath}`], repoDir).catch(() => undefined) : undefined;
      const reverted = revertFunction(headText, baseText, fn.file, fn);
      if ('error' in reverted) return { ok: false, reason: reverted.error };
      const root = await revertTree();
      const file = join(root, fn.file);
      await writeFile(file, reverted.text);
      try {
        const m = await measure(join(root, moduleRel), headModule, bench, `revert-${fn.function.split('/').pop()}`);
        if (!m.ok && reverted.how === 'removed' && /compile/.test(m.reason)) {
          return { ok: false, reason: `it is new, and the head needs it: ${m.reason.replace(/^it does not compile: /, '')}` };
        }
        return m;
      } finally {
        await writeFile(file, headText);
      }
    };

    let mergeBaseModule: string | undefined;
    const measureCommit = async (index: number, bench: Bench): Promise<Measurement> => {
      const list = commits as CommitRef[];
      mergeBaseModule ??= join((await worktree(mergeBase)).dir, moduleRel);
      const wt = await worktree(list[index - 1].sha);
      try {
        return await measure(mergeBaseModule, join(wt.dir, moduleRel), bench, `commit-${index}`);
      } finally {
        await wt.remove();
      }
    };

    const summary = await verifyCauses(report.rows, opts.changes.functions, opts.changes.commitsOf, {
      measureRevert,
      measureCommit,
      commits,
      budgetMs: opts.budgetMs,
      now: () => Date.now(),
      alpha: opts.verdict.alpha,
      maxFunctions: opts.maxFunctions,
      log: (m) => log.info(m),
    });
    log.info(
      `benchgate: causal: ${summary.measured} function(s) reverted and measured, ${summary.verified} verified, ` +
        `${summary.bisected} commit(s) found by bisection, in ${Math.round(summary.ms / 1000)}s` +
        (summary.skippedForBudget ? `; ${summary.skippedForBudget} left out for lack of budget` : ''),
    );
    return summary;
  } finally {
    for (const wt of trees.reverse()) await wt.remove();
  }
}
