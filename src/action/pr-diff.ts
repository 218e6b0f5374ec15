/** The pull request's diff, for attribution: the changed Go functions, from the REST API or git. */
import * as core from '@actions/core';
import { localChanges, type ChangeSet } from '../engine.js';
import { parsePatch, type FileDiff } from '../diff/unified.js';
import { BenchgateError } from '../errors.js';
import { ensureMergeBase, isMergeCommit } from '../git/git.js';
import type { GitHubClient } from '../github/index.js';

/**
 * The PR diff: the REST API's per-file patches, or `git diff` when HEAD is the merge commit (its
 * lines differ from the PR head's), when a patch is missing, or when the API fails.
 */
export async function prChanges(
  client: GitHubClient,
  prNumber: number,
  repoDir: string,
  moduleDir: string,
  baseSha: string,
): Promise<ChangeSet | null> {
  try {
    await ensureMergeBase(repoDir, baseSha, 'HEAD');
    // A pull_request checkout is GitHub's merge commit: its files also hold what the base gained
    // since the PR branched, so a function's lines there can differ from the PR head's, which the
    // API's patches number. The profiles come from this checkout, so its own diff (base → merge
    // commit) is the one whose lines match them.
    const merged = await isMergeCommit('HEAD', repoDir);
    if (merged) core.info('benchgate: HEAD is the merge commit; taking the diff from git, so that its line numbers match the profiles');
    // prNumber 0: no pull request to ask the API about (base-ref): git has the diff.
    const diffs = merged || !prNumber ? undefined : await apiDiffs(client, prNumber);
    return await localChanges({ repoDir, moduleDir, baseRef: baseSha, headRef: 'HEAD', diffs });
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    core.warning(`benchgate: changed functions are not known (${e.message}); attribution shows the largest movers only`);
    return null;
  }
}

/** The PR's Go patches from the REST API; undefined (take the diff from git) when it left any out. */
async function apiDiffs(client: GitHubClient, prNumber: number): Promise<FileDiff[] | undefined> {
  try {
    const { files, truncated } = await client.listPullFiles(prNumber);
    const goFiles = files.filter((f) => f.filename.endsWith('.go') || f.previousFilename?.endsWith('.go'));
    if (!truncated && goFiles.every((f) => f.patch !== undefined || f.status === 'removed')) {
      return goFiles.map((f) =>
        parsePatch(f.patch ?? '', f.filename, {
          status: f.status === 'removed' ? 'deleted' : f.status === 'added' ? 'added' : f.previousFilename ? 'renamed' : 'modified',
          previousPath: f.previousFilename,
        }),
      );
    }
    core.info('benchgate: the API left out some patches; taking the diff from git');
  } catch (e) {
    core.info(`benchgate: the PR's files could not be listed (${(e as Error).message}); taking the diff from git`);
  }
  return undefined;
}
