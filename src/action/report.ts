/**
 * Report mode, under workflow_run: comment on a fork's PR from the result artifact its
 * pull_request run left. The artifact is data to validate (result-artifact.ts), never markdown to
 * post as it is: the comment is rendered anew, and only if the PR's head is still that run's.
 */
import * as core from '@actions/core';
import { BenchgateError } from '../errors.js';
import { stickyMarker } from '../github/index.js';
import { renderMarkdown, type MarkdownContext } from '../report/markdown.js';
import { blobUrl, runArtifactsUrl, type ModeContext } from './context.js';
import { workDir } from './paths.js';
import { gateFor, gateOutputs, postComment, setOutputs, summaryText } from './publish.js';
import { readResultMeta, readResultReport, reportArtifactName } from './result-artifact.js';

export async function reportMode({ inputs, ctx, client }: ModeContext): Promise<void> {
  const wr = ctx.workflowRun;
  if (!wr) throw new BenchgateError('mode report needs a workflow_run event (its payload names the run to report on)', 'usage');
  const found = await client.findRunArtifact({ runId: wr.id, artifactName: reportArtifactName(inputs) });
  if (!found.ok) {
    core.info(`benchgate: run ${wr.id} left no ${reportArtifactName(inputs)} artifact (${found.message}); nothing to report`);
    setOutputs({ verdict: 'no-baseline' });
    return;
  }
  const dest = workDir(ctx, 'report');
  await client.downloadArtifact({ artifactId: found.artifact.artifactId, dest });
  const meta = await readResultMeta(dest);
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
    setOutputs({ verdict: 'incomplete' });
    return;
  }
  const result = await readResultReport(dest);
  const gate = gateFor(result.report, inputs, pull.labels);
  const mdCtx: MarkdownContext = {
    gate,
    baseline: result.baseline,
    rounds: result.rounds,
    minRounds: result.minRounds,
    confirmRounds: result.confirmRounds,
    causal: result.causal,
    incomplete: result.incomplete,
    marker: stickyMarker(inputs.workingDirectory),
    fullReportHint: `see the summary of run ${wr.id}`,
    history: result.history,
    // The flame graphs are in the artifact just downloaded (their paths were checked by fromJsonReport).
    flameGraphUrl: `${runArtifactsUrl(ctx, wr.id)}${found.artifact.artifactId}`,
    // The artifact may come from a fork's run: only a full commit id goes into the link.
    blobUrl: blobUrl(ctx, result.sourceCommit ?? wr.headSha),
  };
  const body = renderMarkdown(result.report, mdCtx);
  await summaryText(body);
  const commentUrl = await postComment(client, meta.pr, inputs, body);
  // The same verdict output as the compare mode that wrote the artifact (failed packages: incomplete).
  setOutputs({ ...gateOutputs(gate, result.incomplete), commentUrl });
}
