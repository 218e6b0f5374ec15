/** Compare mode's stored baseline: the newest artifact a successful run on the base branch uploaded. */
import { uncheckedNote } from '../store/checksums.js';
import * as core from '@actions/core';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import { workflowFromRef, type GitHubClient } from '../github/index.js';
import { BaselineUnavailable } from '../github/errors.js';
import type { BaselineInfo } from '../report/markdown.js';
import { loadRun, type StoredRun } from '../store/dir.js';
import type { ModeContext } from './context.js';
import { baselineArtifactName } from './inputs.js';
import { moduleDirOf } from './paths.js';

/** The base side of a comparison and where it came from (for the report's header). */
export interface BaseSide {
  stored: StoredRun;
  info: BaselineInfo;
}

/**
 * The baseline artifact, downloaded to `<outDir>/base`; null (with the reason in the log) when there
 * is none, it expired, the lookup failed, or it is unusable: the caller then runs without one.
 */
export async function artifactBaseline({ inputs, ctx, client }: ModeContext, baseBranch: string, outDir: string): Promise<BaseSide | null> {
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
    const note = uncheckedNote(stored.integrity);
    if (note) core.info(`benchgate: note: ${note}`);
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
