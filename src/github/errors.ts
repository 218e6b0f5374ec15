import { BenchgateError } from '../errors.js';

/** Why a baseline artifact could not be used; the caller warns and falls back (rerun, or no comparison). */
export type BaselineUnavailableReason =
  | 'not-found'
  | 'expired'
  | 'forbidden'
  | 'corrupt'
  | 'too-large'
  | 'unavailable';

/** A baseline that exists in principle but cannot be fetched or read: never fatal to the run. */
export class BaselineUnavailable extends BenchgateError {
  constructor(
    readonly reason: BaselineUnavailableReason,
    message: string,
    where: { file?: string; offset?: number } = {},
  ) {
    super(message, 'baseline-unavailable', where);
    this.name = 'BaselineUnavailable';
  }
}

/** A GitHub API call that failed after retries, with the status and what the user can do. */
export class GitHubApiError extends BenchgateError {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message, 'github-api');
    this.name = 'GitHubApiError';
  }
}
