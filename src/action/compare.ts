/**
 * Compare mode, on pull requests: measure the PR against a baseline (the base branch's artifact, or
 * the merge base run here), judge it (src/pipeline.ts, as `benchgate run` does), gate and publish.
 */
import * as core from '@actions/core';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentNote } from '../engine.js';
import { BenchgateError } from '../errors.js';
import { failureSummary, packageFailures } from '../failures.js';
import { ensureMergeBase, git, headSha, revParse } from '../git/git.js';
import { repoRoot, runBothSides, runOneSide } from '../local.js';
import { judgePullRequest } from '../pipeline.js';
import { saveRun, type StoredRun } from '../store/dir.js';
import { failedPackageLines } from '../types.js';
import { artifactBaseline, type BaseSide } from './baseline-artifact.js';
import { baseBranchOf, runArtifactsUrl, type ActionContext, type ModeContext, type PullRequestEvent } from './context.js';
import { baselineArtifactName, type ActionInputs } from './inputs.js';
import { log, logFailures, withProgress } from './log.js';
import { moduleDirOf, workDir } from './paths.js';
import { prChanges } from './pr-diff.js';
import { commentContext, gateFor, publishNoBaseline, publishReport } from './publish.js';
import { affectedPlan } from './affected.js';
import { shardWithBaseline, uploadComparePart } from './merge.js';

/**
 * What compare mode compares: the event's pull request, with the `base-ref` input's commit as
 * its base when set. Without a pull request (push, workflow_dispatch: e.g. a self-test, or a
 * branch compared before its PR exists) number is 0: nothing is commented and no PR API is asked.
 */
async function comparedPull(inputs: ActionInputs, ctx: ActionContext, repoDir: string): Promise<PullRequestEvent> {
  const pr = ctx.pullRequest ?? { number: 0, headSha: await headSha(repoDir), headRepoFullName: null, baseRef: '', baseSha: '', labels: [] };
  if (!inputs.baseRef) return pr;
  const baseSha = await resolveCommit(repoDir, inputs.baseRef);
  core.info(`benchgate: comparing with base-ref ${inputs.baseRef} (${baseSha.slice(0, 7)})${pr.number ? '' : '; no pull request, so no comment'}`);
  return { ...pr, baseRef: inputs.baseRef, baseSha };
}

/** A ref as the checkout knows it: the ref itself, else the remote-tracking branch of that name. */
async function resolveCommit(repoDir: string, ref: string): Promise<string> {
  for (const candidate of [ref, `origin/${ref}`]) {
    const sha = await git(['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], repoDir).then(
      (s) => s.trim(),
      () => '',
    );
    if (sha) return sha;
  }
  throw new BenchgateError(`base-ref ${ref} is not a commit in ${repoDir}: fetch it (actions/checkout with fetch-depth: 0)`, 'usage');
}

export async function compareMode(mc: ModeContext): Promise<void> {
  const { ctx, client } = mc;
  let { inputs } = mc;
  if (!ctx.pullRequest && !inputs.baseRef) {
    throw new BenchgateError('mode compare needs a pull_request event (its payload names the PR and its base), or the base-ref input', 'usage');
  }
  if (inputs.baseRef && inputs.baseline === 'artifact') {
    throw new BenchgateError('base-ref names a commit to run here: it takes baseline rerun (or auto), not artifact', 'usage');
  }
  const moduleDir = moduleDirOf(inputs, ctx);
  const outDir = workDir(ctx, 'compare');
  await mkdir(outDir, { recursive: true });
  const repoDir = await repoRoot(moduleDir);
  const pr = await comparedPull(inputs, ctx, repoDir);
  const baseBranch = inputs.baseRef || baseBranchOf(inputs, ctx);
  // packages: affected: only what the PR can reach is measured; the rest is listed as skipped.
  const affected = await affectedPlan(inputs, client, pr, repoDir, moduleDir);
  if (affected) inputs = { ...inputs, run: affected.run };

  // 1. The baseline: an artifact from the base branch, or the merge base run here.
  let base: BaseSide | null = null;
  if (inputs.baseline !== 'rerun' && !inputs.baseRef) base = await artifactBaseline(mc, baseBranch, outDir);
  shardWithBaseline(inputs, base?.stored.run);
  let head: StoredRun;
  let rerun = false;
  if (!base && inputs.baseline === 'artifact') {
    await publishNoBaseline(inputs, client, pr.number, `no baseline artifact \`${baselineArtifactName(inputs)}\` from a successful run on \`${baseBranch}\` was found`);
    return;
  }
  if (!base) {
    rerun = true;
    await ensureMergeBase(repoDir, pr.baseSha, 'HEAD').catch((e: unknown) => {
      throw new BenchgateError(`cannot find the merge base with ${baseBranch}: ${(e as Error).message}; use actions/checkout with fetch-depth: 0`, 'git');
    });
    core.info(`benchgate: running the merge base and this PR in ${inputs.run.count} alternating rounds`);
    const sides = await withProgress((onProgress) =>
      runBothSides({
        moduleDir,
        baseRef: pr.baseSha,
        run: inputs.run,
        rounds: inputs.run.count,
        outDir: join(outDir, 'rerun'),
        verdict: inputs.verdict,
        onProgress,
      }),
    );
    for (const w of sides.warnings) core.warning(w);
    base = { stored: sides.base, info: { source: 'rerun', ref: baseBranch, commit: sides.mergeBase } };
    head = sides.head;
  } else {
    const result = await withProgress((onProgress) =>
      runOneSide({
        moduleDir,
        run: inputs.run,
        outDir: join(outDir, 'head'),
        commit: pr.headSha,
        ref: pr.number ? `pull/${pr.number}` : 'HEAD',
        onProgress,
      }),
    );
    for (const w of result.warnings) core.warning(w);
    await saveRun(result.run, join(outDir, 'head'));
    head = { run: result.run, dir: join(outDir, 'head') };
    const note = environmentNote(base.stored.run.env, head.run.env);
    if (note) base.info.environmentNote = note;
  }
  const failures = [...(rerun ? packageFailures(base.stored.run, 'base') : []), ...packageFailures(head.run, 'head')];
  logFailures(failures);
  if (inputs.run.shard) return uploadComparePart(inputs, client, { outDir, base, head, rerun });
  if (head.run.results.length === 0 && affected?.run.only?.length !== 0) {
    const headFailures = failures.filter((f) => f.side === 'head');
    throw new BenchgateError(
      headFailures.length
        ? `no benchmark of this PR produced a result: ${failureSummary(headFailures)}`
        : 'no benchmark of this PR produced a result: check the packages and bench inputs',
      'run',
    );
  }

  // 2. Compare, attribute, confirm.
  const changes = await prChanges(client, inputs.baseRef ? 0 : pr.number, repoDir, moduleDir, pr.baseSha);
  // Links to changed functions point at the commit whose lines they carry: the checkout (GitHub's
  // merge commit on pull_request events, whose lines can differ from the PR head's).
  const sourceCommit = await headSha(repoDir).catch(() => pr.headSha);
  // The checkout may be GitHub's merge commit: the PR's own commits end at its head.
  const commitsTip = inputs.causal === 'off' ? undefined : await revParse(pr.headSha, repoDir).catch(() => undefined);
  const { report, confirmRounds, causal } = await judgePullRequest({
    base: base.stored,
    head,
    baseIsStored: !rerun,
    changes,
    verdict: inputs.verdict,
    run: inputs.run,
    confirm: { policy: inputs.confirm, rounds: inputs.confirmRounds, budgetMs: inputs.confirmBudgetMs },
    confirmTarget: () =>
      ensureMergeBase(repoDir, pr.baseSha, 'HEAD').then(
        () => ({ moduleDir, baseRef: pr.baseSha }),
        (e: unknown) => ({ reason: `suspects cannot be confirmed, the merge base is not reachable: ${(e as Error).message}`, suspects: 'unconfirmed' as const }),
      ),
    causal: inputs.causal === 'off' ? undefined : { repoDir, moduleDir, baseRef: pr.baseSha, commitsTip, budgetMs: inputs.causalBudgetMs },
    outDir,
    log,
    track: withProgress,
    skipped: affected?.skipped,
  });

  // 3. Gate and publish.
  const labels = pr.number ? await client.getPullLabels(pr.number).catch(() => pr.labels) : [];
  const gate = gateFor(report, inputs, labels);
  const incomplete = failedPackageLines(report);
  const mdCtx = await commentContext(inputs, ctx, {
    gate,
    baseline: base.info,
    rounds: inputs.run.count,
    minRounds: rerun ? inputs.run.minRounds : undefined,
    confirmRounds,
    causal,
    incomplete,
    sourceCommit,
    storedBaseDir: rerun ? undefined : base.stored.dir,
  });
  const artifactsUrl = runArtifactsUrl(ctx, ctx.runId);
  await publishReport(inputs, client, { report, gate, mdCtx, outDir, pr: pr.number, headSha: pr.headSha, sourceCommit, changes, incomplete, moduleDir, repoDir, artifactsUrl });
}
