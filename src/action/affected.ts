/**
 * `packages: affected` in compare mode: the pull request's changed files (the REST API's file list,
 * else `git diff` from the merge base) → the benchmark packages they can reach (src/affected.ts).
 * Baseline mode never comes here: a baseline measures every package.
 */
import * as core from '@actions/core';
import { logSelection, planAffected, type AffectedPlan } from '../affected.js';
import { BenchgateError } from '../errors.js';
import { ensureMergeBase } from '../git/git.js';
import { changedFiles } from '../git/history.js';
import type { GitHubClient } from '../github/index.js';
import type { PullFile } from '../github/pulls.js';
import type { ChangedFile } from '../gotool/affected.js';
import type { PullRequestEvent } from './context.js';
import type { ActionInputs } from './inputs.js';

/** The plan for this pull request, or null: measure everything (not asked for, or the diff is unknown). */
export async function affectedPlan(
  inputs: ActionInputs,
  client: GitHubClient,
  pr: PullRequestEvent,
  repoDir: string,
  moduleDir: string,
): Promise<AffectedPlan | null> {
  if (!inputs.affected) return null;
  const changed = await prFiles(inputs, client, pr, repoDir);
  if (!changed) return null;
  try {
    const plan = await planAffected({ repoDir, moduleDir, changed, run: inputs.run });
    logSelection(plan, { info: (m) => core.info(m), warning: (m) => core.warning(m) });
    return plan;
  } catch (e) {
    // The run that follows reports what go list could not do, package by package.
    if (!(e instanceof BenchgateError)) throw e;
    core.warning(`benchgate: packages: affected could not list the packages (${e.message}); measuring every package`);
    return null;
  }
}

/** The API's list names the PR's own files; git is the fallback when it is cut (3000 files) or fails, and for base-ref. */
async function prFiles(inputs: ActionInputs, client: GitHubClient, pr: PullRequestEvent, repoDir: string): Promise<ChangedFile[] | null> {
  if (pr.number && !inputs.baseRef) {
    try {
      const { files, truncated } = await client.listPullFiles(pr.number);
      if (!truncated) return files.map(changedFile);
      core.info('benchgate: the pull request lists more files than the API returns; taking the changed files from git');
    } catch (e) {
      core.info(`benchgate: the pull request's files could not be listed (${(e as Error).message}); taking them from git`);
    }
  }
  try {
    await ensureMergeBase(repoDir, pr.baseSha, 'HEAD');
    return await changedFiles(repoDir, pr.baseSha);
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    core.warning(`benchgate: packages: affected needs the changed files, which are unknown (${e.message}); measuring every package`);
    return null;
  }
}

export function changedFile(f: Pick<PullFile, 'filename' | 'status' | 'previousFilename'>): ChangedFile {
  if (f.status === 'removed') return { path: f.filename, status: 'deleted' };
  if (f.status === 'added' || f.status === 'copied') return { path: f.filename, status: 'added' };
  if (f.previousFilename) return { path: f.filename, status: 'renamed', previousPath: f.previousFilename };
  return { path: f.filename, status: 'modified' };
}
