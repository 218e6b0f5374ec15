/** What the pipeline needs to know about a pull request: its files (with patches), labels and refs. */
import type { GitHubApi } from './api.js';

/** GitHub lists at most this many files of a pull request. */
export const MAX_PULL_FILES = 3000;

export interface PullFile {
  filename: string;
  status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';
  /** Set for renamed files. */
  previousFilename?: string;
  additions: number;
  deletions: number;
  /** Unified diff hunks; absent for binary files and for diffs GitHub considers too large. */
  patch?: string;
}

export interface PullFiles {
  files: PullFile[];
  /** True when GitHub's 3000-file cap was reached: attribution may miss changes. */
  truncated: boolean;
}

export interface PullInfo {
  number: number;
  state: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** `owner/name` of the head repository; null when the fork was deleted. */
  headRepoFullName: string | null;
  /** The head lives in another repository: the run has a read-only token. */
  isFork: boolean;
  labels: string[];
  changedFiles: number;
}

interface RestPullFile {
  filename: string;
  status: PullFile['status'];
  previous_filename?: string;
  additions: number;
  deletions: number;
  patch?: string;
}

interface RestPull {
  number: number;
  state: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { sha: string; ref: string; repo: { full_name: string } };
  labels: { name: string }[];
  changed_files?: number;
}

export async function listPullFiles(api: GitHubApi, pullNumber: number): Promise<PullFiles> {
  const files: PullFile[] = [];
  for await (const page of api.pages<RestPullFile>(
    'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
    { pull_number: pullNumber, per_page: 100 },
    { maxPages: MAX_PULL_FILES / 100 },
  )) {
    for (const f of page) {
      files.push({
        filename: f.filename,
        status: f.status,
        ...(f.previous_filename ? { previousFilename: f.previous_filename } : {}),
        additions: f.additions,
        deletions: f.deletions,
        ...(typeof f.patch === 'string' ? { patch: f.patch } : {}),
      });
    }
  }
  return { files, truncated: files.length >= MAX_PULL_FILES };
}

export async function getPull(api: GitHubApi, pullNumber: number): Promise<PullInfo> {
  const { data: pr } = await api.request<RestPull>('GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: pullNumber });
  const headRepoFullName = pr.head.repo?.full_name ?? null;
  return {
    number: pr.number,
    state: pr.state,
    headSha: pr.head.sha,
    headRef: pr.head.ref,
    baseSha: pr.base.sha,
    baseRef: pr.base.ref,
    headRepoFullName,
    isFork: headRepoFullName === null || headRepoFullName.toLowerCase() !== `${api.owner}/${api.repo}`.toLowerCase(),
    labels: pr.labels.map((l) => l.name),
    changedFiles: pr.changed_files ?? 0,
  };
}

/** Current labels (the event payload's copy can be stale when labels change during the run). */
export async function getPullLabels(api: GitHubApi, pullNumber: number): Promise<string[]> {
  const labels: string[] = [];
  for await (const page of api.pages<{ name: string }>(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/labels',
    { issue_number: pullNumber, per_page: 100 },
    { maxPages: 10 },
  )) {
    labels.push(...page.map((l) => l.name));
  }
  return labels;
}
