/**
 * The action's side of main's history (src/history/): a baseline run downloads the previous
 * baseline (the newest good one, found as a pull request finds its baseline), carries its
 * history.json forward with this run appended, writes it into the new baseline before that is
 * uploaded, uploads the trend page as an artifact, and names step changes in the job summary.
 * None of it may fail the baseline: every problem here is a warning.
 */
import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { workflowFromRef, type GitHubClient } from '../github/index.js';
import { isClearedSuspect } from '../compare/gate.js';
import { historyForRows, validateHistory, type History } from '../history/history.js';
import { renderHistoryPage, stepsMarkdown } from '../history/render.js';
import { inlineCode } from '../report/escape.js';
import { carryHistory, writeHistory } from '../history/store.js';
import { DEFAULT_STEP_WINDOW, detectSteps } from '../history/trend.js';
import type { CompareReport, Run } from '../types.js';
import type { ActionContext } from './context.js';
import { baselineArtifactName, directorySlug, type ActionInputs } from './inputs.js';

export function historyArtifactName(inputs: Pick<ActionInputs, 'workingDirectory'>): string {
  const dir = directorySlug(inputs.workingDirectory);
  return dir ? `benchgate-history-${dir}` : 'benchgate-history';
}

export interface BaselineHistoryArgs {
  inputs: ActionInputs;
  ctx: ActionContext;
  client: GitHubClient;
  run: Run;
  /** The new baseline's directory: history.json is written there, to be uploaded with it. */
  baselineDir: string;
  /** The branch the baseline is for. */
  branch: string;
  /** A scratch directory of this run (the previous baseline and the page go there). */
  workDir: string;
}

/** Records the history into the new baseline; returns the job summary's lines about it ('' for none). */
export function recordBaselineHistory(a: BaselineHistoryArgs): Promise<string> {
  return orWarning(`the history of ${a.branch} was not recorded`, () => record(a));
}

/** The history is a convenience: a problem with it is a warning (and no summary lines), never a failed baseline. */
async function orWarning(what: string, work: () => Promise<string>): Promise<string> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    core.warning(`benchgate: ${what}: ${e.message}`);
    return '';
  }
}

async function record({ inputs, ctx, client, run, baselineDir, branch, workDir }: BaselineHistoryArgs): Promise<string> {
  const previous = await previousBaseline(inputs, ctx, client, branch, join(workDir, 'previous'));
  const carried = await carryHistory({
    previousDir: previous?.dir,
    previousRunId: previous?.runId,
    run,
    runId: ctx.runId || undefined,
    length: inputs.historyLength,
  });
  for (const w of carried.warnings) core.warning(`benchgate: ${w}`);
  for (const n of carried.notes) core.info(`benchgate: ${n}`);
  await writeHistory(baselineDir, carried.history);
  // A shard's history has only its share of this run: the merge job joins the parts' histories
  // and publishes the page (one artifact name per workflow run: the shards' uploads would clash).
  if (run.shard) return `\nHistory: this shard's medians appended to the history of ${inlineCode(branch)}; the merge job joins the shards' histories.\n`;
  return await publish({ inputs, client, history: carried.history, units: run.units, branch, workDir });
}

export interface PublishHistoryArgs {
  inputs: ActionInputs;
  client: GitHubClient;
  history: History;
  /** benchfmt `better` metadata of the baseline's run, for the direction of custom units. */
  units: Run['units'];
  branch: string;
  workDir: string;
}

/**
 * A merged baseline's history (the union of its shards', src/shard/parts.ts), published as an
 * unsharded baseline's is: the trend page artifact and the step changes; the job summary's lines
 * about it ('' when that failed, with a warning).
 */
export function publishMergedHistory(a: PublishHistoryArgs): Promise<string> {
  return orWarning(`the history of ${a.branch} was not published`, () => publish(a));
}

/** The trend page (uploaded) and the step changes of a baseline's history; the job summary's lines about it. */
async function publish({ inputs, client, history, units, branch, workDir }: PublishHistoryArgs): Promise<string> {
  const opts = { window: DEFAULT_STEP_WINDOW, alpha: inputs.verdict.alpha, threshold: inputs.verdict.threshold, units };
  const steps = detectSteps(history, opts);
  const pageDir = join(workDir, 'page');
  await mkdir(pageDir, { recursive: true });
  const page = join(pageDir, 'history.html');
  const title = `benchgate: history of ${branch}${inputs.workingDirectory === '.' ? '' : ` (${inputs.workingDirectory})`}`;
  await writeFile(page, renderHistoryPage(history, { title, steps, stepWindow: opts.window }));
  const name = historyArtifactName(inputs);
  const upload = await client.uploadArtifact({ name, files: [page], rootDir: pageDir, retentionDays: inputs.retentionDays || undefined });
  if (!upload.ok) core.warning(`benchgate: the history page was not uploaded (${upload.reason}): ${upload.message}`);
  const runs = history.entries.length;
  return (
    `\nHistory: ${runs} run${runs === 1 ? '' : 's'} of ${inlineCode(branch)} kept in the baseline` +
    `${upload.ok ? `; trend charts in the artifact ${inlineCode(name)}` : ''}.\n` +
    (steps.length ? '\n' + stepsMarkdown(steps, opts.window) : '')
  );
}

/** The newest good baseline before this run, downloaded and verified; null (said in the log) when there is none. */
async function previousBaseline(
  inputs: ActionInputs,
  ctx: ActionContext,
  client: GitHubClient,
  branch: string,
  dest: string,
): Promise<{ dir: string; runId: number } | null> {
  try {
    const found = await client.findBaselineArtifact({
      workflow: workflowFromRef(ctx.workflowRef),
      branch,
      artifactName: baselineArtifactName(inputs),
      excludeRunId: ctx.runId,
    });
    if (!found.ok) {
      core.info(`benchgate: no previous baseline for the history: ${found.message}`);
      return null;
    }
    await client.downloadArtifact({ artifactId: found.artifact.artifactId, dest });
    return { dir: dest, runId: found.artifact.runId };
  } catch (e) {
    // An API outage or a damaged artifact must not lose the baseline: the history starts anew.
    core.warning(`benchgate: the previous baseline could not be fetched for the history (${(e as Error).message}); starting a new history`);
    return null;
  }
}

/**
 * The history a PR's report.json carries for `mode: report` (which renders the comment from it):
 * the last 20 runs of the rows the comment's main table can show, not the whole history.
 */
export function historyForReport(history: History | null | undefined, report: CompareReport): History | undefined {
  if (!history) return undefined;
  const shown = report.rows.filter((r) => (r.verdict !== 'unchanged' && r.verdict !== 'new' && r.verdict !== 'removed') || isClearedSuspect(r));
  return shown.length ? historyForRows(history, shown, 20) : undefined;
}

/** The history in a report.json from a PR's run: data to validate (a fork wrote it); null when absent or bad. */
export function historyFromReport(value: unknown, file: string): History | null {
  if (value === undefined || value === null) return null;
  try {
    return validateHistory(value, file);
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    core.info(`benchgate: the report's history is ignored: ${e.message}`);
    return null;
  }
}
