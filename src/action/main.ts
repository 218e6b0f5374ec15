/**
 * The action: reads inputs and the event, decides the mode, calls the engine, and publishes
 * (outputs, job summary, annotations, sticky comment, artifacts). Every error ends in
 * `core.setFailed` with a message a user can act on; publishing problems (a 403 on a fork, an
 * artifact service outage) are warnings, never the reason the step fails.
 */
import * as core from '@actions/core';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { environmentNote, localChanges, type ChangeSet, type EngineLog } from '../engine.js';
import { parsePatch, type FileDiff } from '../diff/unified.js';
import { BenchgateError } from '../errors.js';
import { failureSummary, formatFailure, packageFailures, type PackageFailure } from '../failures.js';
import { evaluateGate, type GateResult } from '../gate.js';
import { ensureMergeBase, git, headSha, isMergeCommit, revParse } from '../git/git.js';
import { createGitHubClient, stickyMarker, workflowFromRef, type GitHubClient } from '../github/index.js';
import { BaselineUnavailable } from '../github/errors.js';
import { progressLines, tracked } from '../gotool/progress-display.js';
import type { ProgressSink } from '../gotool/progress.js';
import { repoRoot, runBothSides, runOneSide } from '../local.js';
import { judgePullRequest } from '../pipeline.js';
import { fromJsonReport, toJsonReport } from '../report/json.js';
import { renderMarkdown, type BaselineInfo, type MarkdownContext } from '../report/markdown.js';
import { loadRun, saveRun, type StoredRun } from '../store/dir.js';
import type { CompareReport } from '../types.js';
import { pushedBranch, readContext, type ActionContext, type PullRequestEvent } from './context.js';
import { annotationsFor } from '../report/annotations.js';
import { baselineArtifactName, directorySlug, readInputs, type ActionInputs } from './inputs.js';

export type Verdict = 'pass' | 'regression' | 'no-baseline' | 'incomplete';

/** The files of a PR's result artifact, read by `mode: report` under `workflow_run`. */
const RESULT_FILE = 'benchgate-result.json';

const log: EngineLog = { info: (m) => core.info(m), warning: (m) => core.warning(m) };

export async function run(): Promise<void> {
  try {
    const inputs = readInputs();
    const ctx = readContext();
    const mode = resolveMode(inputs, ctx);
    core.info(`benchgate: mode ${mode} (event ${ctx.eventName})`);
    const client = createGitHubClient({
      token: inputs.token,
      apiUrl: ctx.apiUrl,
      owner: ctx.owner,
      repo: ctx.repo,
      log: { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) },
    });
    if (mode === 'baseline') await baselineMode(inputs, ctx, client);
    else if (mode === 'compare') await compareMode(inputs, ctx, client);
    else await reportMode(inputs, ctx, client);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    core.setOutput('verdict', 'incomplete');
    await summaryText(`### ⚠️ benchgate could not finish\n\n${'```'}\n${message}\n${'```'}\n`).catch(() => {});
    core.setFailed(`benchgate: ${message}`);
    if (!(e instanceof BenchgateError) && e instanceof Error && e.stack) core.debug(e.stack);
  }
}

type Mode = 'baseline' | 'compare' | 'report';

export function resolveMode(inputs: ActionInputs, ctx: ActionContext): Mode {
  if (ctx.eventName === 'pull_request_target' && !inputs.allowPullRequestTarget) {
    // That event runs with a write token and the repository's secrets; benchmarking a PR means
    // building and running its code. Refuse rather than trust that the checkout is the base's.
    throw new BenchgateError(
      'refusing to run under pull_request_target: it has a write token and secrets, and benchmarking a pull request runs its code. ' +
        'Use the pull_request event (and a workflow_run workflow with mode: report for comments on fork PRs; see the README, ' +
        '"Fork pull requests, safely"), or set allow-pull-request-target: true if this job never checks out code from the pull request',
      'usage',
    );
  }
  if (inputs.mode !== 'auto') return inputs.mode;
  if (ctx.eventName === 'pull_request' || ctx.eventName === 'pull_request_target' || ctx.eventName === 'merge_group') {
    return 'compare';
  }
  if (ctx.eventName === 'workflow_run') return 'report';
  if (ctx.eventName === 'push' || ctx.eventName === 'workflow_dispatch' || ctx.eventName === 'schedule') {
    const base = baseBranchOf(inputs, ctx);
    const branch = pushedBranch(ctx.ref);
    if (branch && base && branch !== base) {
      throw new BenchgateError(
        `mode auto records baselines only on pushes to ${base}, not ${branch}: restrict the workflow's push trigger to ${base} or set mode`,
        'usage',
      );
    }
    return 'baseline';
  }
  throw new BenchgateError(`mode auto does not know what to do on a ${ctx.eventName || 'unknown'} event: set the mode input`, 'usage');
}

function baseBranchOf(inputs: ActionInputs, ctx: ActionContext): string {
  return inputs.baseBranch || ctx.pullRequest?.baseRef || ctx.defaultBranch || 'main';
}

function workDir(ctx: ActionContext, name: string): string {
  return join(ctx.tempDir || tmpdir(), 'benchgate', `${ctx.runId || process.pid}-${name}`);
}

function moduleDirOf(inputs: ActionInputs, ctx: ActionContext): string {
  return resolve(ctx.workspace, inputs.workingDirectory);
}

/**
 * Runs work that reports progress to the job log: a few lines per phase (its start, a round every
 * few seconds, its end; see progress-display.ts), not one per test-binary run.
 */
function withProgress<T>(work: (onProgress: ProgressSink) => Promise<T>): Promise<T> {
  return tracked(progressLines((line) => core.info(line)), work);
}

/** The run directory's files, for an artifact (relative paths under rootDir). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/**
 * Every package failure with its reason in the job log. The first few are also warnings (the
 * annotations a user sees on the run); GitHub keeps only 10 warnings per step, and the regression
 * annotations need room.
 */
function logFailures(failures: PackageFailure[], asWarnings = 3): void {
  for (const [i, f] of failures.entries()) {
    const text = `benchgate: ${formatFailure(f)}`;
    if (i < asWarnings) core.warning(text);
    else core.info(text);
  }
  if (failures.length > asWarnings) core.warning(`benchgate: ${failures.length - asWarnings} more package failure(s): see the log`);
}

async function summaryText(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

// ---------------------------------------------------------------------------------------------
// baseline: on pushes to the base branch

async function baselineMode(inputs: ActionInputs, ctx: ActionContext, client: GitHubClient): Promise<void> {
  const moduleDir = moduleDirOf(inputs, ctx);
  const outDir = workDir(ctx, 'baseline');
  const result = await withProgress((onProgress) =>
    runOneSide({
      moduleDir,
      run: inputs.run,
      outDir,
      commit: ctx.sha,
      ref: pushedBranch(ctx.ref) || ctx.ref,
      onProgress,
    }),
  );
  for (const w of result.warnings) core.warning(w);
  const r = result.run;
  const failures = packageFailures(r);
  logFailures(failures);
  const failed = r.packages.filter((p) => p.status !== 'ok' && p.status !== 'no-benchmarks');
  if (r.results.length === 0) {
    // Nothing measured: upload nothing, so the last good baseline stays the newest one.
    core.setOutput('verdict', 'incomplete');
    await summaryText(
      `### ⚠️ benchgate: no baseline recorded\n\nNo benchmark produced a result${failed.length ? ` (${failed.length} package(s) failed)` : ''}; the previous baseline stays in use.\n`,
    );
    core.setFailed(
      failures.length
        ? `benchgate: no benchmark results, so no baseline was recorded: ${failureSummary(failures)}`
        : 'benchgate: no benchmark results, so no baseline was recorded: check the packages and bench inputs and the log above',
    );
    return;
  }
  await saveRun(r, outDir);
  const artifactName = baselineArtifactName(inputs);
  const upload = await client.uploadArtifact({
    name: artifactName,
    files: await filesUnder(outDir),
    rootDir: outDir,
    retentionDays: inputs.retentionDays || undefined,
  });
  if (!upload.ok) core.warning(`benchgate: the baseline was measured but not uploaded (${upload.reason}): ${upload.message}`);
  const benchmarks = new Set(r.results.map((x) => `${x.pkg} ${x.name}`)).size;
  await summaryText(
    `### ${r.incomplete ? '⚠️' : '✅'} benchgate: baseline recorded for ${ctx.sha.slice(0, 7)}\n\n` +
      `${benchmarks} benchmarks in ${r.packages.length - failed.length} packages, ${inputs.run.count} samples each` +
      `${r.incomplete ? `; incomplete: ${failed.map((p) => `${p.pkg} (${p.status})`).join(', ')}` : ''}.` +
      ` ${upload.ok ? `Uploaded as artifact \`${artifactName}\`.` : 'Upload failed: see the warnings.'}\n`,
  );
  core.setOutput('verdict', r.incomplete ? 'incomplete' : 'pass');
  core.setOutput('regressions', 0);
  core.setOutput('improvements', 0);
}

// ---------------------------------------------------------------------------------------------
// compare: on pull requests

interface BaseSide {
  stored: StoredRun;
  info: BaselineInfo;
}

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

async function compareMode(inputs: ActionInputs, ctx: ActionContext, client: GitHubClient): Promise<void> {
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

  // 1. The baseline: an artifact from the base branch, or the merge base run here.
  let base: BaseSide | null = null;
  if (inputs.baseline !== 'rerun' && !inputs.baseRef) base = await artifactBaseline(inputs, ctx, client, baseBranch, outDir);
  let head: StoredRun;
  let rerun = false;
  if (!base && inputs.baseline === 'artifact') {
    await noBaseline(inputs, client, pr.number, `no baseline artifact \`${baselineArtifactName(inputs)}\` from a successful run on \`${baseBranch}\` was found`);
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
  if (head.run.results.length === 0) {
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
  });


  // 3. Gate and publish.
  const labels = pr.number ? await client.getPullLabels(pr.number).catch(() => pr.labels) : [];
  const gate = evaluateGate(report, {
    failOn: inputs.failOn,
    gateUnits: inputs.verdict.gateUnits,
    failOnUnconfirmed: inputs.failOnUnconfirmed,
    labels,
    acceptLabel: inputs.acceptLabel,
  });
  const incomplete = report.warnings.filter((w) => /^(base|head): /.test(w));
  const mdCtx: MarkdownContext = {
    gate,
    baseline: base.info,
    rounds: inputs.run.count,
    minRounds: rerun ? inputs.run.minRounds : undefined,
    confirmRounds,
    causal,
    incomplete,
    marker: stickyMarker(inputs.workingDirectory),
    fullReportHint: 'see the job summary and the report artifact',
    blobUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${sourceCommit}/`,
  };
  const artifactsUrl = `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${ctx.runId}/artifacts/`;
  await publish(inputs, client, { report, gate, mdCtx, outDir, pr: pr.number, headSha: pr.headSha, sourceCommit, changes, incomplete, moduleDir, repoDir, artifactsUrl });
}


/**
 * The PR diff: the REST API's per-file patches, or `git diff` when HEAD is the merge commit (its
 * lines differ from the PR head's), when a patch is missing, or when the API fails.
 */
async function prChanges(client: GitHubClient, prNumber: number, repoDir: string, moduleDir: string, baseSha: string): Promise<ChangeSet | null> {
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

async function artifactBaseline(
  inputs: ActionInputs,
  ctx: ActionContext,
  client: GitHubClient,
  baseBranch: string,
  outDir: string,
): Promise<BaseSide | null> {
  const workflow = workflowFromRef(ctx.workflowRef);
  const artifactName = baselineArtifactName(inputs);
  // Before per-directory names, every directory uploaded the bare `artifact-name`: a run from then
  // still serves, if what it measured is this module (checked after the download).
  const legacyName = artifactName === inputs.artifactName ? undefined : inputs.artifactName;
  let found: Awaited<ReturnType<GitHubClient['findBaselineArtifact']>>;
  try {
    found = await client.findBaselineArtifact({
      workflow,
      branch: baseBranch,
      artifactName,
      fallbackNames: legacyName ? [legacyName] : [],
      excludeRunId: ctx.runId,
    });
  } catch (e) {
    // The API is down or refuses (after retries): run without an artifact rather than not at all.
    core.warning(`benchgate: the baseline artifact could not be looked up (${(e as Error).message}); treating it as no baseline`);
    return null;
  }
  if (!found.ok) {
    // Expired baselines need a push to the base branch to recover: say so where it is seen.
    if (found.reason === 'expired') core.warning(`benchgate: no usable baseline artifact: ${found.message}`);
    else core.info(`benchgate: no usable baseline artifact: ${found.message}`);
    return null;
  }
  const a = found.artifact;
  const dest = join(outDir, 'base');
  try {
    await client.downloadArtifact({ artifactId: a.artifactId, dest });
    const stored = await loadRun(dest);
    if (a.artifactName === legacyName) {
      const foreign = await foreignPackages(stored, moduleDirOf(inputs, ctx));
      if (foreign.length > 0) {
        core.warning(
          `benchgate: the baseline artifact "${legacyName}" of run ${a.runId} measured another module (${foreign.slice(0, 3).join(', ')}), ` +
            `not ${inputs.workingDirectory}; treating it as no baseline until a run on ${baseBranch} uploads "${artifactName}"`,
        );
        return null;
      }
      core.info(`benchgate: using the baseline artifact "${legacyName}" of run ${a.runId} (from before per-directory names)`);
    }
    return {
      stored,
      info: { source: 'artifact', ref: baseBranch, commit: stored.run.commit || a.headSha, runId: a.runId, runNumber: a.runNumber },
    };
  } catch (e) {
    if (e instanceof BaselineUnavailable || e instanceof BenchgateError) {
      core.warning(`benchgate: the baseline artifact of run ${a.runId} is unusable (${e.message}); treating it as no baseline`);
      return null;
    }
    throw e;
  }
}

/**
 * The packages of a stored run that are not in the module at `moduleDir` (by the module path in
 * its go.mod); [] when they all are, or when go.mod cannot be read (the run itself will say why).
 */
async function foreignPackages(stored: StoredRun, moduleDir: string): Promise<string[]> {
  const gomod = await readFile(join(moduleDir, 'go.mod'), 'utf8').catch(() => '');
  const modulePath = /^\s*module\s+"?([^\s"]+)"?/m.exec(gomod)?.[1];
  if (!modulePath) return [];
  const pkgs = new Set(stored.run.results.map((r) => r.pkg));
  return [...pkgs].filter((p) => p !== modulePath && !p.startsWith(modulePath + '/'));
}

async function noBaseline(inputs: ActionInputs, client: GitHubClient, prNumber: number, why: string): Promise<void> {
  // prNumber 0: no pull request (base-ref on a push): nothing to comment on.
  const body =
    `### ⚪ benchgate: no baseline yet\n\n${why}. The check passes; a baseline is recorded by the next push to the base branch ` +
    '(or set `baseline: auto` to run the merge base here).\n\n' +
    stickyMarker(inputs.workingDirectory) +
    '\n';
  await summaryText(body);
  core.setOutput('verdict', 'no-baseline');
  core.setOutput('regressions', 0);
  core.setOutput('improvements', 0);
  if (inputs.comment === 'always' && prNumber) await postComment(client, prNumber, inputs, body);
}

interface Published {
  report: CompareReport;
  gate: GateResult;
  mdCtx: MarkdownContext;
  outDir: string;
  pr: number;
  headSha: string;
  /** The commit whose line numbers the attributed functions carry. */
  sourceCommit: string;
  changes: ChangeSet | null;
  incomplete: string[];
  moduleDir: string;
  repoDir: string;
  /** This run's artifacts' URL prefix (an artifact's id follows): where the comment links the flame graphs. */
  artifactsUrl: string;
}

async function publish(inputs: ActionInputs, client: GitHubClient, p: Published): Promise<void> {
  const { report, gate, outDir } = p;
  let mdCtx = p.mdCtx;
  const jsonPath = join(outDir, 'report.json');
  const mdPath = join(outDir, 'report.md');
  // report.md links the flame graphs by their paths, right beside them in the artifact.
  const body = renderMarkdown(report, mdCtx);
  const extra = {
    pr: p.pr,
    headSha: p.headSha,
    sourceCommit: p.sourceCommit,
    baseline: mdCtx.baseline,
    gate: { ...gate, regressions: undefined, unconfirmed: undefined, cleared: undefined, improvements: undefined },
    workingDirectory: inputs.workingDirectory,
    rounds: mdCtx.rounds,
    minRounds: mdCtx.minRounds,
    confirmRounds: mdCtx.confirmRounds,
    causal: mdCtx.causal ?? null,
    incomplete: p.incomplete,
  };
  await writeFile(jsonPath, toJsonReport(report, extra));
  await writeFile(mdPath, body);
  await writeFile(join(outDir, RESULT_FILE), JSON.stringify({ schema: 1, pr: p.pr, headSha: p.headSha, workingDirectory: inputs.workingDirectory }) + '\n');

  // The result artifact: what a `workflow_run` workflow needs to comment on a fork's PR (none
  // without a pull request: there is nothing to comment on), and the rows' flame graphs. Uploaded
  // before the comment is rendered, so that the comment can link the flame graphs to it.
  const flameGraphs = report.rows.flatMap((r) => (r.flamegraph ? [join(outDir, r.flamegraph)] : []));
  if (p.pr) {
    const upload = await client.uploadArtifact({
      name: reportArtifactName(inputs),
      files: [jsonPath, mdPath, join(outDir, RESULT_FILE), ...flameGraphs],
      rootDir: outDir,
      retentionDays: Math.min(inputs.retentionDays || 30, 30),
    });
    if (!upload.ok) core.warning(`benchgate: the report artifact was not uploaded (${upload.reason}): ${upload.message}`);
    else if (flameGraphs.length > 0) mdCtx = { ...mdCtx, flameGraphUrl: `${p.artifactsUrl}${upload.id}` };
  }
  const comment = renderMarkdown(report, mdCtx);
  const full = renderMarkdown(report, { ...mdCtx, maxLength: 1_000_000, marker: undefined });

  // The job summary always has the whole report (its limit is 1 MiB, the comment's 64 KiB).
  await summaryText(full.length < 1_000_000 ? full : comment);

  // Annotations on the changed functions that regressed (at most 10: GitHub drops the rest).
  for (const a of annotationsFor(report, 10)) {
    core.warning(a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine });
  }
  for (const reason of gate.reasons) core.info(`benchgate: regression: ${reason}`);

  const changed = report.rows.some((r) => r.verdict === 'regression' || r.verdict === 'improvement');
  const shouldComment =
    p.pr > 0 &&
    (inputs.comment === 'always' ||
    (inputs.comment === 'on-change' &&
      (changed || (await client.hasStickyComment({ issueNumber: p.pr, marker: mdCtx.marker! }).catch(() => false)))));
  if (shouldComment) await postComment(client, p.pr, inputs, comment);

  const verdict: string = gate.regressions.length > 0 ? 'regression' : p.incomplete.length ? 'incomplete' : 'pass';
  core.setOutput('verdict', verdict);
  core.setOutput('regressions', gate.regressions.length);
  core.setOutput('improvements', gate.improvements.length);
  core.setOutput('report-json', jsonPath);
  core.setOutput('report-markdown', mdPath);
  if (mdCtx.baseline.runId) core.setOutput('baseline-run-id', mdCtx.baseline.runId);
  if (gate.failed) {
    core.setFailed(
      `benchgate: ${gate.reasons.length} regression(s) in gated metrics:\n${gate.reasons.map((r) => `  ${r}`).join('\n')}\n` +
        `Waive with the label "${inputs.acceptLabel}" if the slowdown is intended.`,
    );
  } else if (gate.waivedBy) {
    core.warning(`benchgate: ${gate.reasons.length} regression(s) waived by the label "${gate.waivedBy}"`);
  }
}

export function reportArtifactName(inputs: Pick<ActionInputs, 'workingDirectory'>): string {
  const dir = directorySlug(inputs.workingDirectory);
  return dir ? `benchgate-report-${dir}` : 'benchgate-report';
}

async function postComment(client: GitHubClient, prNumber: number, inputs: ActionInputs, body: string): Promise<void> {
  try {
    const res = await client.upsertStickyComment({ issueNumber: prNumber, marker: stickyMarker(inputs.workingDirectory), body });
    if (res.ok) {
      core.info(`benchgate: comment ${res.action}: ${res.url}`);
      core.setOutput('comment-url', res.url);
    } else {
      core.warning(`benchgate: the comment was not posted: ${res.reason}. The report is in the job summary and the ${reportArtifactName(inputs)} artifact.`);
    }
  } catch (e) {
    core.warning(`benchgate: the comment was not posted: ${(e as Error).message}. The report is in the job summary.`);
  }
}

// ---------------------------------------------------------------------------------------------
// report: under workflow_run, comment on a fork's PR from the result artifact (data only)

async function reportMode(inputs: ActionInputs, ctx: ActionContext, client: GitHubClient): Promise<void> {
  const wr = ctx.workflowRun;
  if (!wr) throw new BenchgateError('mode report needs a workflow_run event (its payload names the run to report on)', 'usage');
  const found = await client.findRunArtifact({ runId: wr.id, artifactName: reportArtifactName(inputs) });
  if (!found.ok) {
    core.info(`benchgate: run ${wr.id} left no ${reportArtifactName(inputs)} artifact (${found.message}); nothing to report`);
    core.setOutput('verdict', 'no-baseline');
    return;
  }
  const dest = workDir(ctx, 'report');
  await client.downloadArtifact({ artifactId: found.artifact.artifactId, dest });
  // Everything in the artifact was written by a run of the PR's code: it is data to validate,
  // never markdown to post as it is. The comment is rendered anew from the validated JSON.
  const meta = parseResultMeta(await readFile(join(dest, RESULT_FILE), 'utf8'), join(dest, RESULT_FILE));
  if (meta.headSha !== wr.headSha) {
    throw new BenchgateError(
      `the artifact claims PR #${meta.pr} at ${meta.headSha.slice(0, 7)}, but run ${wr.id} was for ${wr.headSha.slice(0, 7)}: not commenting`,
      'report',
    );
  }
  const pull = await client.getPull(meta.pr);
  if (pull.headSha !== wr.headSha) {
    // A push to the PR since that run: the newer run reports on the newer head, so this old
    // result must not overwrite the comment; nothing is wrong, so the step does not fail.
    core.notice(
      `benchgate: PR #${meta.pr} has moved on to ${pull.headSha.slice(0, 7)} since run ${wr.id} (${wr.headSha.slice(0, 7)}); not commenting with an outdated result`,
    );
    core.setOutput('verdict', 'incomplete');
    return;
  }
  const jsonPath = join(dest, 'report.json');
  const text = await readFile(jsonPath, 'utf8');
  const report = fromJsonReport(text, jsonPath);
  const extra = JSON.parse(text) as {
    sourceCommit?: unknown;
    baseline?: BaselineInfo;
    rounds?: number;
    minRounds?: number;
    confirmRounds?: number;
    causal?: { rounds?: unknown; budgetMs?: unknown } | null;
    incomplete?: unknown;
  };
  const gate = evaluateGate(report, {
    failOn: inputs.failOn,
    gateUnits: inputs.verdict.gateUnits,
    failOnUnconfirmed: inputs.failOnUnconfirmed,
    labels: pull.labels,
    acceptLabel: inputs.acceptLabel,
  });
  const mdCtx: MarkdownContext = {
    gate,
    baseline: sanitizeBaseline(extra.baseline),
    rounds: typeof extra.rounds === 'number' ? extra.rounds : undefined,
    minRounds: typeof extra.minRounds === 'number' ? extra.minRounds : undefined,
    confirmRounds: typeof extra.confirmRounds === 'number' ? extra.confirmRounds : undefined,
    causal:
      typeof extra.causal?.rounds === 'number' && typeof extra.causal.budgetMs === 'number'
        ? { rounds: extra.causal.rounds, budgetMs: extra.causal.budgetMs }
        : undefined,
    incomplete: Array.isArray(extra.incomplete) ? extra.incomplete.filter((x): x is string => typeof x === 'string').slice(0, 50) : [],
    marker: stickyMarker(inputs.workingDirectory),
    fullReportHint: `see the summary of run ${wr.id}`,
    // The artifact may come from a fork's run: only a full commit id goes into the link.
    blobUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${isCommitId(extra.sourceCommit) ? extra.sourceCommit : wr.headSha}/`,
    // The flame graphs are in the artifact just downloaded (their paths were checked by fromJsonReport).
    flameGraphUrl: `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${wr.id}/artifacts/${found.artifact.artifactId}`,
  };
  const body = renderMarkdown(report, mdCtx);
  await summaryText(body);
  await postComment(client, meta.pr, inputs, body);
  // The same verdict output as the compare mode that wrote the artifact (failed packages: incomplete).
  core.setOutput('verdict', gate.regressions.length ? 'regression' : mdCtx.incomplete?.length ? 'incomplete' : 'pass');
  core.setOutput('regressions', gate.regressions.length);
  core.setOutput('improvements', gate.improvements.length);
}


function parseResultMeta(text: string, file: string): { pr: number; headSha: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new BenchgateError('not JSON', 'report', { file });
  }
  const o = v as { pr?: unknown; headSha?: unknown };
  if (typeof o.pr !== 'number' || !Number.isInteger(o.pr) || o.pr <= 0 || !isCommitId(o.headSha)) {
    throw new BenchgateError('expected {"pr": <number>, "headSha": <40 hex digits>}', 'report', { file });
  }
  return { pr: o.pr, headSha: o.headSha };
}

function sanitizeBaseline(b: BaselineInfo | undefined): BaselineInfo {
  const source = b && ['artifact', 'rerun', 'files', 'stored'].includes(b.source) ? b.source : 'artifact';
  const str = (x: unknown) => (typeof x === 'string' ? x.slice(0, 200) : undefined);
  const num = (x: unknown) => (typeof x === 'number' && Number.isInteger(x) ? x : undefined);
  return {
    source,
    ref: str(b?.ref),
    commit: str(b?.commit)?.replace(/[^0-9a-f]/g, ''),
    runId: num(b?.runId),
    runNumber: num(b?.runNumber),
    environmentNote: str(b?.environmentNote),
  };
}

function isCommitId(x: unknown): x is string {
  return typeof x === 'string' && /^[0-9a-f]{40}$/.test(x);
}
