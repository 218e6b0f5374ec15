/** Baseline mode, on pushes to the base branch: measure this commit and upload it as the baseline artifact. */
import * as core from '@actions/core';
import { benchmarkKey } from '../compare/compare.js';
import { failureSummary, isFailedPackage, packageFailures } from '../failures.js';
import { runOneSide } from '../local.js';
import { saveRun } from '../store/dir.js';
import { baseBranchOf, pushedBranch, type ModeContext } from './context.js';
import { recordBaselineHistory } from './history.js';
import { shardOf } from './merge.js';
import { baselineArtifactName } from './inputs.js';
import { logFailures, withProgress } from './log.js';
import { filesUnder, moduleDirOf, workDir } from './paths.js';
import { decideVerdict, setOutputs, summaryText } from './publish.js';

export async function baselineMode({ inputs, ctx, client }: ModeContext): Promise<void> {
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
  const failed = r.packages.filter(isFailedPackage);
  if (r.results.length === 0 && !r.shard) {
    // Nothing measured: upload nothing, so the last good baseline stays the newest one.
    setOutputs({ verdict: 'incomplete' });
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
  const branch = pushedBranch(ctx.ref) || baseBranchOf(inputs, ctx);
  const history = await recordBaselineHistory({ inputs, ctx, client, run: r, baselineDir: outDir, branch, workDir: workDir(ctx, 'history') });
  // run.json after history.json: it lists the history's SHA-256 with the run's files.
  await saveRun(r, outDir);
  const artifactName = baselineArtifactName(inputs, shardOf(r));
  const upload = await client.uploadArtifact({
    name: artifactName,
    files: await filesUnder(outDir),
    rootDir: outDir,
    retentionDays: inputs.retentionDays || undefined,
  });
  if (!upload.ok) core.warning(`benchgate: the baseline was measured but not uploaded (${upload.reason}): ${upload.message}`);
  const benchmarks = new Set(r.results.map((x) => benchmarkKey({ package: x.pkg, name: x.name }))).size;
  await summaryText(
    `### ${r.incomplete ? '⚠️' : '✅'} benchgate: baseline recorded for ${ctx.sha.slice(0, 7)}\n\n` +
      `${benchmarks} benchmarks in ${r.packages.length - failed.length} packages, ${inputs.run.count} samples each` +
      `${r.incomplete ? `; incomplete: ${failed.map((p) => `${p.pkg} (${p.status})`).join(', ')}` : ''}.` +
      ` ${upload.ok ? `Uploaded as artifact \`${artifactName}\`.` : 'Upload failed: see the warnings.'}\n${history}`,
  );
  setOutputs({ verdict: decideVerdict({ regressions: 0, incomplete: r.incomplete }), regressions: 0, improvements: 0 });
}
