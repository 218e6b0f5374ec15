/**
 * Finding the baseline: the newest successful run of this workflow on the base branch, started by
 * an event that records baselines (`push`, `schedule`, `workflow_dispatch`), that still holds an
 * unexpired artifact of the given name. Runs are listed newest first and the scan is bounded, so a
 * repository with a long history costs a handful of requests, not thousands.
 */
import type { GitHubApi } from './api.js';
import { BenchgateError } from '../errors.js';

export interface ArtifactRef {
  runId: number;
  runNumber: number;
  headSha: string;
  artifactId: number;
  artifactName: string;
  /** ISO time the artifact was created. */
  createdAt: string;
  sizeInBytes: number;
}

export type ArtifactLookup =
  | { ok: true; artifact: ArtifactRef }
  | {
      ok: false;
      /** `no-runs`: no matching run at all; `none`: runs but no such artifact; `expired`: only expired ones. */
      reason: 'no-runs' | 'none' | 'expired';
      message: string;
    };

/** The events whose runs on the base branch record baselines (`mode: auto` records on each). */
export const BASELINE_EVENTS: readonly string[] = ['push', 'schedule', 'workflow_dispatch'];

export interface FindBaselineArgs {
  /** Workflow file name (`bench.yml`) or numeric id; see `workflowFromRef`. */
  workflow: string | number;
  branch: string;
  artifactName: string;
  /**
   * Older names of the same baseline, taken from a run that has no `artifactName` (e.g. the name
   * before per-directory names); `ArtifactRef.artifactName` says which one was found.
   */
  fallbackNames?: string[];
  /** The current run, never its own baseline. */
  excludeRunId?: number;
  /** Bounds of the scan (defaults: 5 pages of 20 runs). */
  maxPages?: number;
  perPage?: number;
}

interface RestRun {
  id: number;
  run_number: number;
  head_sha: string;
  head_branch: string | null;
  event: string;
  status: string | null;
  conclusion: string | null;
}

interface RestArtifact {
  id: number;
  name: string;
  size_in_bytes: number;
  expired: boolean;
  created_at: string | null;
  expires_at: string | null;
  workflow_run?: { id?: number; head_branch?: string; head_sha?: string } | null;
}

/**
 * The workflow file name from GITHUB_WORKFLOW_REF
 * (`owner/repo/.github/workflows/bench.yml@refs/heads/main`): the API accepts the file name as id.
 */
export function workflowFromRef(workflowRef: string): string {
  const m = /^[^/]+\/[^/]+\/\.github\/workflows\/([^/]+?\.ya?ml)@/.exec(workflowRef.trim());
  if (!m) {
    throw new BenchgateError(
      `cannot read the workflow file from GITHUB_WORKFLOW_REF "${workflowRef}" (expected owner/repo/.github/workflows/<file>.yml@<ref>)`,
      'usage',
    );
  }
  return m[1];
}

export async function findBaselineArtifact(api: GitHubApi, args: FindBaselineArgs): Promise<ArtifactLookup> {
  const maxPages = args.maxPages ?? 5;
  const perPage = args.perPage ?? 20;
  let runsSeen = 0;
  let expired = 0;
  const names = [args.artifactName, ...(args.fallbackNames ?? []).filter((n) => n !== args.artifactName)];
  // The API filters by one event only: list the branch's successful runs and keep those of the
  // baseline events here (the other runs on the base branch are rare: a fork PR from its `main`).
  for await (const runs of api.pages<RestRun>(
    'GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs',
    { workflow_id: args.workflow, branch: args.branch, status: 'success', per_page: perPage, exclude_pull_requests: true },
    { maxPages, key: 'workflow_runs' },
  )) {
    for (const run of runs) {
      // The server filters too; checking again costs nothing and guards against a lax filter.
      if (run.id === args.excludeRunId || run.head_branch !== args.branch || !BASELINE_EVENTS.includes(run.event) || run.conclusion !== 'success') {
        continue;
      }
      runsSeen++;
      const found = await newestArtifactOfRun(api, run.id, names);
      if (found.live) return { ok: true, artifact: toRef(run, found.live) };
      if (found.expired) expired++;
    }
  }
  const scope = `workflow ${args.workflow} on branch ${args.branch} (newest ${maxPages * perPage} runs)`;
  if (runsSeen === 0) {
    return { ok: false, reason: 'no-runs', message: `no successful ${BASELINE_EVENTS.join(', ')} run of ${scope}` };
  }
  if (expired > 0) {
    return {
      ok: false,
      reason: 'expired',
      message: `every "${args.artifactName}" artifact of ${scope} has expired (${expired} found); push to ${args.branch} to make a fresh baseline`,
    };
  }
  const named = names.map((n) => `"${n}"`).join(' or ');
  return { ok: false, reason: 'none', message: `${runsSeen} successful runs of ${scope}, none with an artifact named ${named}` };
}

/** An artifact of one given run by name, e.g. the PR run's results under `workflow_run`. */
export async function findRunArtifact(api: GitHubApi, args: { runId: number; artifactName: string }): Promise<ArtifactLookup> {
  const found = await newestArtifactOfRun(api, args.runId, [args.artifactName]);
  if (found.live) {
    // The run's own record has the number and head SHA the caller checks the artifact against.
    const { data: run } = await api.request<RestRun>('GET /repos/{owner}/{repo}/actions/runs/{run_id}', { run_id: args.runId });
    return { ok: true, artifact: toRef(run, found.live) };
  }
  if (found.expired) return { ok: false, reason: 'expired', message: `artifact "${args.artifactName}" of run ${args.runId} has expired` };
  return { ok: false, reason: 'none', message: `run ${args.runId} has no artifact named "${args.artifactName}"` };
}

/**
 * The live artifacts of one run whose names `match` (e.g. the parts of a sharded suite, uploaded by
 * the matrix jobs of the run that is merging them), the newest of each name.
 */
export async function listRunArtifacts(api: GitHubApi, args: { runId: number; match: (name: string) => boolean }): Promise<ArtifactRef[]> {
  const newest = new Map<string, RestArtifact>();
  const now = Date.now();
  for await (const page of api.pages<RestArtifact>(
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    { run_id: args.runId, per_page: 100 },
    { maxPages: 10, key: 'artifacts' },
  )) {
    for (const a of page) {
      const pastExpiry = a.expired || (a.expires_at !== null && Date.parse(a.expires_at) <= now);
      if (pastExpiry || !args.match(a.name)) continue;
      if ((newest.get(a.name)?.id ?? -1) < a.id) newest.set(a.name, a);
    }
  }
  const run = { id: args.runId, run_number: 0, head_sha: '' };
  return [...newest.values()].sort((a, b) => (a.name < b.name ? -1 : 1)).map((a) => toRef(run, a));
}

/** The run's newest artifact of the first of `names` it has (names in order of preference). */
async function newestArtifactOfRun(
  api: GitHubApi,
  runId: number,
  names: string[],
): Promise<{ live?: RestArtifact; expired?: RestArtifact }> {
  const live: RestArtifact[] = [];
  const dead: RestArtifact[] = [];
  const now = Date.now();
  // One name: the server filters. Several: one listing (a run has a few artifacts), filtered here.
  const filter = names.length === 1 ? { name: names[0] } : {};
  for await (const page of api.pages<RestArtifact>(
    'GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts',
    { run_id: runId, ...filter, per_page: 100 },
    { maxPages: 3, key: 'artifacts' },
  )) {
    for (const a of page) {
      if (!names.includes(a.name)) continue;
      const pastExpiry = a.expires_at !== null && Date.parse(a.expires_at) <= now;
      (a.expired || pastExpiry ? dead : live).push(a);
    }
  }
  // The preferred name first; a re-run attempt can upload the same name again: the highest id is the newest.
  const best = (xs: RestArtifact[]) => xs.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name) || b.id - a.id)[0];
  return { live: best(live), expired: best(dead) };
}

function toRef(run: Pick<RestRun, 'id' | 'run_number' | 'head_sha'>, a: RestArtifact): ArtifactRef {
  return {
    runId: run.id,
    runNumber: run.run_number,
    headSha: run.head_sha || a.workflow_run?.head_sha || '',
    artifactId: a.id,
    artifactName: a.name,
    createdAt: a.created_at ?? '',
    sizeInBytes: a.size_in_bytes,
  };
}
