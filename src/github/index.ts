/** The GitHub edge: see client.ts for the API the action uses. */
export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';
export { BASELINE_EVENTS, findBaselineArtifact, findRunArtifact, listRunArtifacts, workflowFromRef, type ArtifactLookup, type ArtifactRef, type FindBaselineArgs } from './baseline.js';
export { stickyMarker, MAX_COMMENT_LENGTH, ACTIONS_BOT_LOGIN, type StickyCommentResult } from './comment.js';
export { type DownloadArgs, type DownloadResult } from './download.js';
export { BaselineUnavailable, GitHubApiError, type BaselineUnavailableReason } from './errors.js';
export { silentLog, type GitHubLog } from './log.js';
export { MAX_PULL_FILES, type PullFile, type PullFiles, type PullInfo } from './pulls.js';
export { isGhesServer, type UploadArgs, type UploadFailure, type UploadResult } from './upload.js';
export { type RetryPolicy } from './retry.js';
