/**
 * The narrow, typed face of the GitHub edge. The action builds one client from its inputs and
 * environment; nothing from Octokit or @actions/* crosses this boundary.
 */
import { createGitHubApi, type GitHubApi } from './api.js';
import { findBaselineArtifact, findRunArtifact, listRunArtifacts, type ArtifactLookup, type ArtifactRef, type FindBaselineArgs } from './baseline.js';
import { hasStickyComment, resolveTokenLogin, upsertStickyComment, type StickyCommentResult } from './comment.js';
import { downloadArtifact, type DownloadArgs, type DownloadResult } from './download.js';
import type { GitHubLog } from './log.js';
import { getPull, getPullLabels, listPullFiles, type PullFiles, type PullInfo } from './pulls.js';
import type { RetryPolicy } from './retry.js';
import { uploadArtifact, type UploadArgs, type UploadResult } from './upload.js';

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL. */
  apiUrl: string;
  owner: string;
  repo: string;
  log: GitHubLog;
  /** Override the login sticky comments are matched against (skips the lookup). */
  commentAuthor?: string;
  retry?: Partial<RetryPolicy>;
}

export interface GitHubClient {
  findBaselineArtifact(args: FindBaselineArgs): Promise<ArtifactLookup>;
  findRunArtifact(args: { runId: number; artifactName: string }): Promise<ArtifactLookup>;
  /** A run's live artifacts whose names match, the newest of each name, sorted by name. */
  listRunArtifacts(args: { runId: number; match: (name: string) => boolean }): Promise<ArtifactRef[]>;
  /** Throws `BaselineUnavailable` (with a reason) when the artifact cannot be fetched or read. */
  downloadArtifact(args: DownloadArgs): Promise<DownloadResult>;
  /** Never throws: a failed upload is a `{ok: false, reason}` for the caller to warn about. */
  uploadArtifact(args: UploadArgs): Promise<UploadResult>;
  upsertStickyComment(args: { issueNumber: number; marker: string; body: string }): Promise<StickyCommentResult>;
  hasStickyComment(args: { issueNumber: number; marker: string }): Promise<boolean>;
  /** The login the token acts as (cached). */
  tokenLogin(): Promise<string>;
  listPullFiles(pullNumber: number): Promise<PullFiles>;
  getPull(pullNumber: number): Promise<PullInfo>;
  getPullLabels(pullNumber: number): Promise<string[]>;
}

export function createGitHubClient(opts: GitHubClientOptions): GitHubClient {
  const api: GitHubApi = createGitHubApi(opts);
  let login: Promise<string> | undefined = opts.commentAuthor ? Promise.resolve(opts.commentAuthor) : undefined;
  const tokenLogin = () => (login ??= resolveTokenLogin(api));
  return {
    findBaselineArtifact: (args) => findBaselineArtifact(api, args),
    findRunArtifact: (args) => findRunArtifact(api, args),
    listRunArtifacts: (args) => listRunArtifacts(api, args),
    downloadArtifact: (args) => downloadArtifact(api, args),
    uploadArtifact: (args) => uploadArtifact(args, api.log),
    upsertStickyComment: (args) => upsertStickyComment(api, tokenLogin, args),
    hasStickyComment: (args) => hasStickyComment(api, tokenLogin, args),
    tokenLogin,
    listPullFiles: (n) => listPullFiles(api, n),
    getPull: (n) => getPull(api, n),
    getPullLabels: (n) => getPullLabels(api, n),
  };
}
