/**
 * What the runner tells the action about the event, read from the environment GitHub sets
 * (`GITHUB_*`) and the event payload file. Read here once, plainly, so tests can set it up.
 */
import { readFileSync } from 'node:fs';
import { BenchgateError } from '../errors.js';
import type { GitHubClient } from '../github/index.js';
import type { ActionInputs } from './inputs.js';

export interface PullRequestEvent {
  number: number;
  headSha: string;
  headRepoFullName: string | null;
  baseRef: string;
  baseSha: string;
  labels: string[];
}

export interface WorkflowRunEvent {
  id: number;
  headSha: string;
  headBranch: string;
  event: string;
  conclusion: string | null;
  pullRequests: number[];
}

export interface ActionContext {
  eventName: string;
  owner: string;
  repo: string;
  runId: number;
  runNumber: number;
  /** e.g. `owner/repo/.github/workflows/bench.yml@refs/heads/main`. */
  workflowRef: string;
  /** The commit and ref this run is for. */
  sha: string;
  ref: string;
  apiUrl: string;
  serverUrl: string;
  workspace: string;
  defaultBranch: string;
  pullRequest: PullRequestEvent | null;
  workflowRun: WorkflowRunEvent | null;
  /** Temporary directory for this job (RUNNER_TEMP). */
  tempDir: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null ? (v as Json) : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v) || 0);

export function readContext(env: NodeJS.ProcessEnv = process.env): ActionContext {
  const eventPath = env.GITHUB_EVENT_PATH;
  let payload: Json = {};
  if (eventPath) {
    try {
      payload = obj(JSON.parse(readFileSync(eventPath, 'utf8')));
    } catch (e) {
      throw new BenchgateError(`cannot read the event payload: ${(e as Error).message}`, 'context', { file: eventPath });
    }
  }
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  if (!owner || !repo) throw new BenchgateError('GITHUB_REPOSITORY is not set: run benchgate as a GitHub Action step', 'context');
  const pr = obj(payload.pull_request);
  const run = obj(payload.workflow_run);
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    owner,
    repo,
    runId: num(env.GITHUB_RUN_ID),
    runNumber: num(env.GITHUB_RUN_NUMBER),
    workflowRef: env.GITHUB_WORKFLOW_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref: env.GITHUB_REF ?? '',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    defaultBranch: text(obj(payload.repository).default_branch),
    tempDir: env.RUNNER_TEMP ?? '',
    pullRequest: Object.keys(pr).length
      ? {
          number: num(pr.number),
          headSha: text(obj(pr.head).sha),
          headRepoFullName: text(obj(obj(pr.head).repo).full_name) || null,
          baseRef: text(obj(pr.base).ref),
          baseSha: text(obj(pr.base).sha),
          labels: (Array.isArray(pr.labels) ? pr.labels : []).map((l) => text(obj(l).name)).filter(Boolean),
        }
      : null,
    workflowRun: Object.keys(run).length
      ? {
          id: num(run.id),
          headSha: text(run.head_sha),
          headBranch: text(run.head_branch),
          event: text(run.event),
          conclusion: text(run.conclusion) || null,
          pullRequests: (Array.isArray(run.pull_requests) ? run.pull_requests : []).map((p) => num(obj(p).number)).filter(Boolean),
        }
      : null,
  };
}

/** The branch a push was to (`refs/heads/main` → `main`), or '' for other refs. */
export function pushedBranch(ref: string): string {
  return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '';
}

/** The base branch a run compares with or records for: the input, else the PR's base, else the repository's default. */
export function baseBranchOf(inputs: Pick<ActionInputs, 'baseBranch'>, ctx: ActionContext): string {
  return inputs.baseBranch || ctx.pullRequest?.baseRef || ctx.defaultBranch || 'main';
}

/** Links into this repository on GitHub: a file at a commit (`blob/<sha>/`), a run's artifacts. */
export function blobUrl(ctx: ActionContext, commit: string): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/blob/${commit}/`;
}

/** The URL prefix of a workflow run's artifacts; an artifact's id follows. */
export function runArtifactsUrl(ctx: ActionContext, runId: number | string): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}/artifacts/`;
}

/** What every mode works with: the validated inputs, the event, and the GitHub edge. */
export interface ModeContext {
  inputs: ActionInputs;
  ctx: ActionContext;
  client: GitHubClient;
}
