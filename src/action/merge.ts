/**
 * Sharded suites in the action. A matrix job with `shard: i/n` measures its share and uploads it as
 * a part (compare mode: `benchgate-part-<dir>-shard-i-of-n`; baseline mode: the baseline's name with
 * `-shard-i-of-n`); nothing is judged there. `mode: merge`, in a job that `needs:` the matrix,
 * downloads this workflow run's parts, checks that they cover the plan exactly once, and judges the
 * whole suite as compare mode judges one run (pipeline.ts): FDR over every benchmark, one sticky
 * comment, one job summary, one gate. A missing or unusable shard makes the verdict `incomplete`
 * and fails the step, by name: never a silent pass.
 */
import * as core from '@actions/core';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { packageFailures } from '../failures.js';
import { benchmarkKey } from '../compare/compare.js';
import type { History } from '../history/history.js';
import { ensureMergeBase, headSha } from '../git/git.js';
import type { GitHubClient } from '../github/index.js';
import { repoRoot } from '../local.js';
import { judgePullRequest } from '../pipeline.js';
import { escapeMarkdown } from '../report/escape.js';
import type { BaselineInfo } from '../report/markdown.js';
import { isShardOf, mergeParts, shardSuffix, writeComparePart } from '../shard/parts.js';
import { weightsFromRun } from '../shard/plan.js';
import { saveRun, type StoredRun } from '../store/dir.js';
import { failedPackageLines, type Run } from '../types.js';
import { baseBranchOf, pushedBranch, runArtifactsUrl, type ModeContext } from './context.js';
import { publishMergedHistory } from './history.js';
import { baselineArtifactName, directorySlug, type ActionInputs } from './inputs.js';
import { log, logFailures, withProgress } from './log.js';
import { filesUnder, moduleDirOf, workDir } from './paths.js';
import { prChanges } from './pr-diff.js';
import { commentContext, decideVerdict, gateFor, publishReport, setOutputs, summaryText } from './publish.js';


/** `benchgate-part[-<dir>]`: the compare parts' names before `-shard-i-of-n`. */
export function partArtifactPrefix(inputs: Pick<ActionInputs, 'workingDirectory'>): string {
  return ['benchgate-part', directorySlug(inputs.workingDirectory)].filter(Boolean).join('-');
}

/** `shard-2-of-4` for a shard's run (its baseline part's name ends so), else undefined. */
export function shardOf(run: Run): string | undefined {
  return run.shard && shardSuffix(run.shard);
}

/** Compare mode, sharded: balance by the baseline (when there is one) before measuring. */
export function shardWithBaseline(inputs: ActionInputs, base: Run | undefined): void {
  if (inputs.run.shard && base) inputs.run.shard = { ...inputs.run.shard, weights: weightsFromRun(base) };
}

/**
 * Compare mode, sharded, once both sides are measured: the part is uploaded instead of judged.
 * Without its upload the merge would miss the shard, so a failed upload fails this job.
 */
export async function uploadComparePart(
  inputs: ActionInputs,
  client: GitHubClient,
  o: { outDir: string; base: { stored: StoredRun; info: BaselineInfo }; head: StoredRun; rerun: boolean },
): Promise<void> {
  const shard = o.head.run.shard!;
  const dir = join(o.outDir, 'part');
  await writeComparePart(dir, {
    base: o.base.stored,
    head: o.head,
    meta: { baseline: o.base.info, baseIsStored: !o.rerun, rounds: inputs.run.count, minRounds: o.rerun ? inputs.run.minRounds : undefined },
  });
  const name = `${partArtifactPrefix(inputs)}-${shardSuffix(shard)}`;
  const upload = await client.uploadArtifact({ name, files: await filesUnder(dir), rootDir: dir, retentionDays: Math.min(inputs.retentionDays || 7, 7) });
  if (!upload.ok) throw new BenchgateError(`shard ${shard.index}/${shard.count} was measured but its part was not uploaded (${upload.reason}): ${upload.message}`, 'run');
  const benchmarks = new Set(o.head.run.results.map((r) => `${r.pkg} ${r.name}`)).size;
  await summaryText(
    `### benchgate: shard ${shard.index}/${shard.count} measured\n\n${benchmarks} benchmarks in ${o.head.run.packages.length} packages ` +
      `(${shard.planned.length} of ${shard.units} units, placed by ${shard.method === 'measured' ? "the baseline's measured times" : 'a hash of their names'}), ` +
      `uploaded as \`${name}\`. The job with \`mode: merge\` judges the whole suite.\n`,
  );
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

/** `mode: merge`: this run's parts → one verdict (pull requests) or one baseline (pushes). */
export async function mergeMode(mc: ModeContext): Promise<void> {
  const { inputs, ctx, client } = mc;
  const runId = ctx.runId;
  if (!runId) throw new BenchgateError('mode merge needs GITHUB_RUN_ID: it merges the parts this workflow run uploaded', 'usage');
  const isPart = (n: string) => isShardOf(n, partArtifactPrefix(inputs));
  const all = await client.listRunArtifacts({ runId, match: (n) => isPart(n) || isShardOf(n, baselineArtifactName(inputs)) });
  const compares = all.filter((a) => isPart(a.artifactName));
  const found = compares.length > 0 ? compares : all;
  if (found.length === 0) {
    throw new BenchgateError(
      `no shard results in run ${runId} (artifacts ${partArtifactPrefix(inputs)}-shard-i-of-n or ${baselineArtifactName(inputs)}-shard-i-of-n): ` +
        'every shard job failed or none ran with the shard input and this working-directory',
      'run',
    );
  }
  const dir = workDir(ctx, 'merge');
  const parts = [];
  for (const a of found) {
    const dest = join(dir, 'parts', a.artifactName);
    await client.downloadArtifact({ artifactId: a.artifactId, dest });
    parts.push({ source: a.artifactName, dir: dest });
  }
  core.info(`benchgate: merging ${parts.length} part(s): ${parts.map((p) => p.source).join(', ')}`);
  const merged = await mergeParts(parts, join(dir, 'merged'));
  for (const w of merged.warnings) core.warning(`benchgate: ${w}`);
  for (const n of merged.notes) core.info(`benchgate: ${n}`);
  const problems = merged.coverage.problems;
  if (merged.kind === 'baseline') return mergeBaseline(mc, merged.run, merged.history, problems);

  const moduleDir = moduleDirOf(inputs, ctx);
  // Confirmation and the PR's diff need the repository: a merge job with a checkout has it.
  const repoDir = (await exists(join(moduleDir, 'go.mod'))) ? await repoRoot(moduleDir).catch(() => null) : null;
  const pr = ctx.pullRequest ?? { number: 0, headSha: ctx.sha, baseSha: '', labels: [] as string[] };
  const changes = repoDir && pr.baseSha ? await prChanges(client, pr.number, repoDir, moduleDir, pr.baseSha) : null;
  const { report, confirmRounds } = await judgePullRequest({
    base: merged.base,
    head: merged.head,
    baseIsStored: merged.meta.baseIsStored,
    changes,
    verdict: inputs.verdict,
    run: { ...inputs.run, shard: undefined },
    confirm: { policy: inputs.confirm, rounds: inputs.confirmRounds, budgetMs: inputs.confirmBudgetMs },
    confirmTarget: async () =>
      repoDir && pr.baseSha
        ? ensureMergeBase(repoDir, pr.baseSha, 'HEAD').then(
            () => ({ moduleDir, baseRef: pr.baseSha }),
            (e: unknown) => ({ reason: `suspects cannot be confirmed, the merge base is not reachable: ${(e as Error).message}`, suspects: 'unconfirmed' as const }),
          )
        : {
            reason: 'suspects are not confirmed: the merge job has no checkout of the module (add actions/checkout with fetch-depth: 0 and actions/setup-go)',
            suspects: 'unconfirmed' as const,
          },
    outDir: join(dir, 'merged'),
    log,
    track: withProgress,
  });
  const labels = pr.number ? await client.getPullLabels(pr.number).catch(() => pr.labels) : [];
  const gate = gateFor(report, inputs, labels);
  logFailures([...(merged.meta.baseIsStored ? [] : packageFailures(merged.base.run, 'base')), ...packageFailures(merged.head.run, 'head')]);
  const failed = failedPackageLines(report);
  const sourceCommit = repoDir ? await headSha(repoDir).catch(() => pr.headSha) : pr.headSha;
  const mdCtx = await commentContext(inputs, ctx, {
    gate,
    baseline: merged.meta.baseline,
    rounds: merged.meta.rounds,
    minRounds: merged.meta.minRounds,
    confirmRounds,
    incomplete: failed,
    missingShards: problems,
    sourceCommit,
    // The parts carry the stored baseline's history (shard/parts.ts): the same trend column as compare mode.
    storedBaseDir: merged.baseHistoryDir,
  });
  await publishReport(inputs, client, {
    report,
    gate,
    mdCtx,
    outDir: join(dir, 'merged'),
    pr: pr.number,
    headSha: pr.headSha,
    sourceCommit,
    changes,
    incomplete: [...problems, ...failed],
    moduleDir,
    repoDir: repoDir ?? moduleDir,
    artifactsUrl: runArtifactsUrl(ctx, ctx.runId),
  });
  if (problems.length > 0 && !gate.failed) core.setFailed(`benchgate: incomplete, so no verdict on the whole suite: ${problems.join('; ')}`);
}

/** Pushes: the parts become the one baseline artifact the pull requests look up. */
async function mergeBaseline({ inputs, ctx, client }: ModeContext, stored: StoredRun, history: History | null, problems: string[]): Promise<void> {
  const run = problems.length > 0 ? { ...stored.run, incomplete: true } : stored.run;
  // run.json lists the checksum of the joined history.json beside it (mergeParts wrote it).
  await saveRun(run, stored.dir);
  const name = baselineArtifactName(inputs);
  const upload = await client.uploadArtifact({ name, files: await filesUnder(stored.dir), rootDir: stored.dir, retentionDays: inputs.retentionDays || undefined });
  if (!upload.ok) core.warning(`benchgate: the merged baseline was not uploaded (${upload.reason}): ${upload.message}`);
  const benchmarks = new Set(run.results.map((r) => benchmarkKey({ package: r.pkg, name: r.name }))).size;
  const branch = pushedBranch(ctx.ref) || baseBranchOf(inputs, ctx);
  const historyLines = history
    ? await publishMergedHistory({ inputs, client, history, units: run.units, branch, workDir: workDir(ctx, 'history') })
    : '';
  await summaryText(
    `### ${problems.length ? '⚠️' : '✅'} benchgate: baseline merged from shards\n\n${benchmarks} benchmarks in ${run.packages.length} packages` +
      `${upload.ok ? `, uploaded as \`${name}\`` : '; the upload failed: see the warnings'}.\n` +
      problems.map((p) => `\n> ⚠️ ${escapeMarkdown(p)}`).join('') +
      historyLines +
      '\n',
  );
  setOutputs({ verdict: decideVerdict({ regressions: 0, incomplete: problems.length > 0 || run.incomplete }), regressions: 0, improvements: 0 });
  if (problems.length > 0) core.setFailed(`benchgate: the baseline is incomplete: ${problems.join('; ')}`);
}
