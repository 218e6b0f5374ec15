/**
 * What the action leaves behind: the step's outputs, the job summary, annotations, the sticky
 * comment and the result artifact. Publishing problems (a 403 on a fork, an artifact service
 * outage) are warnings, never the reason the step fails; only the gate fails it.
 */
import * as core from '@actions/core';
import { join } from 'node:path';
import type { ChangeSet } from '../engine.js';
import { readHistoryForReport } from '../history/store.js';
import { isChange } from '../compare/compare.js';
import { evaluateGate, type GateResult } from '../compare/gate.js';
import { stickyMarker, type GitHubClient } from '../github/index.js';
import { MAX_SUMMARY_LENGTH, MAX_WARNINGS_PER_STEP } from '../github/limits.js';
import { annotationsFor } from '../report/annotations.js';
import { renderMarkdown, type BaselineInfo, type MarkdownContext } from '../report/markdown.js';
import type { CompareReport } from '../types.js';
import { blobUrl, type ActionContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import { log } from './log.js';
import { reportArtifactName, writeResultFiles } from './result-artifact.js';
import { historyForReport } from './history.js';

/** The `verdict` output (action.yml): the same decision, from the same facts, in every mode. */
export type ActionVerdict = 'pass' | 'regression' | 'no-baseline' | 'incomplete';

/** Regressions decide first; a clean result with failed packages is incomplete, not a pass. */
export function decideVerdict(o: { regressions: number; incomplete: boolean }): ActionVerdict {
  return o.regressions > 0 ? 'regression' : o.incomplete ? 'incomplete' : 'pass';
}

/** The step's outputs; those left undefined are not set. */
export interface ActionOutputs {
  verdict: ActionVerdict;
  regressions?: number;
  improvements?: number;
  reportJson?: string;
  reportMarkdown?: string;
  baselineRunId?: number;
  commentUrl?: string;
}

/** The gate as the inputs set it, for a PR with these labels (compare, merge and report modes alike). */
export function gateFor(report: CompareReport, inputs: ActionInputs, labels: readonly string[]): GateResult {
  return evaluateGate(report, {
    failOn: inputs.failOn,
    gateUnits: inputs.verdict.gateUnits,
    failOnUnconfirmed: inputs.failOnUnconfirmed,
    labels,
    acceptLabel: inputs.acceptLabel,
  });
}

/** The outputs of a gated comparison (compare mode, and report mode from its artifact). */
export function gateOutputs(gate: Pick<GateResult, 'regressions' | 'improvements'>, incomplete: readonly string[]): ActionOutputs {
  return {
    verdict: decideVerdict({ regressions: gate.regressions.length, incomplete: incomplete.length > 0 }),
    regressions: gate.regressions.length,
    improvements: gate.improvements.length,
  };
}

/** The one place the action's outputs are set (action.yml lists them). */
export function setOutputs(o: ActionOutputs): void {
  core.setOutput('verdict', o.verdict);
  if (o.regressions !== undefined) core.setOutput('regressions', o.regressions);
  if (o.improvements !== undefined) core.setOutput('improvements', o.improvements);
  if (o.reportJson !== undefined) core.setOutput('report-json', o.reportJson);
  if (o.reportMarkdown !== undefined) core.setOutput('report-markdown', o.reportMarkdown);
  if (o.baselineRunId) core.setOutput('baseline-run-id', o.baselineRunId);
  if (o.commentUrl !== undefined) core.setOutput('comment-url', o.commentUrl);
}

/** Appends markdown to the job summary (nothing outside a runner, where GITHUB_STEP_SUMMARY is unset). */
export async function summaryText(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

/** Creates or updates the sticky comment; its URL, or undefined (with a warning) when it was not posted. */
export async function postComment(client: GitHubClient, prNumber: number, inputs: ActionInputs, body: string): Promise<string | undefined> {
  try {
    const res = await client.upsertStickyComment({ issueNumber: prNumber, marker: stickyMarker(inputs.workingDirectory), body });
    if (res.ok) {
      core.info(`benchgate: comment ${res.action}: ${res.url}`);
      return res.url;
    }
    core.warning(`benchgate: the comment was not posted: ${res.reason}. The report is in the job summary and the ${reportArtifactName(inputs)} artifact.`);
  } catch (e) {
    core.warning(`benchgate: the comment was not posted: ${(e as Error).message}. The report is in the job summary.`);
  }
  return undefined;
}

/** The comment when there is nothing to compare with: the check passes and says how a baseline comes about. */
export function noBaselineBody(why: string, workingDirectory: string): string {
  return (
    `### ⚪ benchgate: no baseline yet\n\n${why}. The check passes; a baseline is recorded by the next push to the base branch ` +
    '(or set `baseline: auto` to run the merge base here).\n\n' +
    stickyMarker(workingDirectory) +
    '\n'
  );
}

export async function publishNoBaseline(inputs: ActionInputs, client: GitHubClient, prNumber: number, why: string): Promise<void> {
  const body = noBaselineBody(why, inputs.workingDirectory);
  await summaryText(body);
  // prNumber 0: no pull request (base-ref on a push): nothing to comment on.
  const commentUrl = inputs.comment === 'always' && prNumber ? await postComment(client, prNumber, inputs, body) : undefined;
  setOutputs({ verdict: 'no-baseline', regressions: 0, improvements: 0, commentUrl });
}

/** What a judged comparison knows when it is published, in compare and merge modes alike. */
export interface CommentFacts {
  gate: GateResult;
  baseline: BaselineInfo;
  rounds?: number;
  minRounds?: number;
  confirmRounds?: number;
  causal?: MarkdownContext['causal'];
  /** Failed packages, one line each. */
  incomplete: string[];
  /** A sharded suite's missing or unusable shards (merge mode). */
  missingShards?: string[];
  /** The commit whose lines the attributed functions carry: their links point there. */
  sourceCommit: string;
  /**
   * The stored baseline's directory, whose history.json gives the trend column; none when the
   * base was measured in this run (it carries no history).
   */
  storedBaseDir?: string;
}

/**
 * The comment's and the summary's context: one place, so that compare and merge modes show the
 * same columns (the trend too) and the same links.
 */
export async function commentContext(inputs: ActionInputs, ctx: ActionContext, f: CommentFacts): Promise<MarkdownContext> {
  return {
    gate: f.gate,
    baseline: f.baseline,
    rounds: f.rounds,
    minRounds: f.minRounds,
    confirmRounds: f.confirmRounds,
    causal: f.causal,
    incomplete: f.incomplete,
    missingShards: f.missingShards,
    marker: stickyMarker(inputs.workingDirectory),
    fullReportHint: 'see the job summary and the report artifact',
    blobUrl: blobUrl(ctx, f.sourceCommit),
    history: await readHistoryForReport(f.storedBaseDir, log),
  };
}

export interface Published {
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
  artifactsUrl?: string;
}

/** The job summary: the whole report (its limit is 1 MiB, the comment's 64 KiB), without the sticky marker. */
export function summaryMarkdown(report: CompareReport, mdCtx: MarkdownContext): string {
  const full = renderMarkdown(report, { ...mdCtx, maxLength: MAX_SUMMARY_LENGTH, marker: undefined });
  return full.length < MAX_SUMMARY_LENGTH ? full : renderMarkdown(report, mdCtx);
}

/** Compare mode's publishing: files, summary, annotations, result artifact, comment, outputs, and the gate's failure. */
export async function publishReport(inputs: ActionInputs, client: GitHubClient, p: Published): Promise<void> {
  const { report, gate, outDir } = p;
  let mdCtx = p.mdCtx;
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
    history: historyForReport(mdCtx.history, report),
  };
  const files = await writeResultFiles(outDir, {
    report,
    extra,
    markdown: body,
    meta: { pr: p.pr, headSha: p.headSha },
    workingDirectory: inputs.workingDirectory,
  });

  // The result artifact: what a `workflow_run` workflow needs to comment on a fork's PR (none
  // without a pull request: there is nothing to comment on), and the rows' flame graphs. Uploaded
  // before the comment is rendered, so that the comment can link the flame graphs to it.
  const flameGraphs = report.rows.flatMap((r) => (r.flamegraph ? [join(outDir, r.flamegraph)] : []));
  if (p.pr) {
    const upload = await client.uploadArtifact({
      name: reportArtifactName(inputs),
      files: [files.jsonPath, files.mdPath, files.metaPath, ...flameGraphs],
      rootDir: outDir,
      retentionDays: Math.min(inputs.retentionDays || 30, 30),
    });
    if (!upload.ok) core.warning(`benchgate: the report artifact was not uploaded (${upload.reason}): ${upload.message}`);
    else if (flameGraphs.length > 0 && p.artifactsUrl) mdCtx = { ...mdCtx, flameGraphUrl: `${p.artifactsUrl}${upload.id}` };
  }
  const comment = renderMarkdown(report, mdCtx);

  await summaryText(summaryMarkdown(report, mdCtx));

  // Annotations on the changed functions that regressed (GitHub drops the rest).
  for (const a of annotationsFor(report, MAX_WARNINGS_PER_STEP)) {
    core.warning(a.message, { title: a.title, file: a.file, startLine: a.startLine, endLine: a.endLine });
  }
  for (const reason of gate.reasons) core.info(`benchgate: regression: ${reason}`);

  const changed = report.rows.some(isChange);
  const shouldComment =
    p.pr > 0 &&
    (inputs.comment === 'always' ||
      (inputs.comment === 'on-change' &&
        (changed || (await client.hasStickyComment({ issueNumber: p.pr, marker: mdCtx.marker! }).catch(() => false)))));
  const commentUrl = shouldComment ? await postComment(client, p.pr, inputs, comment) : undefined;

  setOutputs({
    ...gateOutputs(gate, p.incomplete),
    reportJson: files.jsonPath,
    reportMarkdown: files.mdPath,
    baselineRunId: mdCtx.baseline.runId,
    commentUrl,
  });
  if (gate.failed) {
    core.setFailed(
      `benchgate: ${gate.reasons.length} regression(s) in gated metrics:\n${gate.reasons.map((r) => `  ${r}`).join('\n')}\n` +
        `Waive with the label "${inputs.acceptLabel}" if the slowdown is intended.`,
    );
  } else if (gate.waivedBy) {
    core.warning(`benchgate: ${gate.reasons.length} regression(s) waived by the label "${gate.waivedBy}"`);
  }
}
