/**
 * The action: reads inputs and the event, decides the mode, and hands over to it (baseline.ts,
 * compare.ts, report.ts; what they leave behind is publish.ts). Every error ends in
 * `core.setFailed` with a message a user can act on; publishing problems (a 403 on a fork, an
 * artifact service outage) are warnings, never the reason the step fails.
 */
import * as core from '@actions/core';
import { BenchgateError } from '../errors.js';
import { createGitHubClient } from '../github/index.js';
import { baselineMode } from './baseline.js';
import { compareMode } from './compare.js';
import { baseBranchOf, pushedBranch, readContext, type ActionContext, type ModeContext } from './context.js';
import { readInputs, type ActionInputs, type Mode } from './inputs.js';
import { setOutputs, summaryText } from './publish.js';
import { mergeMode } from './merge.js';
import { reportMode } from './report.js';

const MODES: Record<Mode, (mc: ModeContext) => Promise<void>> = { baseline: baselineMode, compare: compareMode, report: reportMode, merge: mergeMode };

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
    await MODES[mode]({ inputs, ctx, client });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    setOutputs({ verdict: 'incomplete' });
    await summaryText(`### ⚠️ benchgate could not finish\n\n${'```'}\n${message}\n${'```'}\n`).catch(() => {});
    core.setFailed(`benchgate: ${message}`);
    if (!(e instanceof BenchgateError) && e instanceof Error && e.stack) core.debug(e.stack);
  }
}

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
