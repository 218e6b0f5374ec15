/**
 * Retry policy for GitHub API calls. GitHub asks clients to back off on 5xx, on 429 and on the
 * 403 "secondary rate limit" response, honouring `Retry-After` (seconds or an HTTP date) and, for
 * the primary limit, `x-ratelimit-reset`. Attempts and waits are bounded so that a run never hangs:
 * a wait longer than `maxWaitMs` is not attempted, the error surfaces instead.
 */

export interface RetryPolicy {
  /** Total attempts including the first. */
  maxAttempts: number;
  /** Base of the exponential backoff when the server gives no hint. */
  baseDelayMs: number;
  /** Longest single wait we accept (from Retry-After, the reset time, or backoff). */
  maxWaitMs: number;
  /** Per-request timeout. */
  timeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1000, maxWaitMs: 60_000, timeoutMs: 30_000 };

/** What a failed attempt looked like, in the few fields the decision needs. */
export interface AttemptFailure {
  /** HTTP status; 0 for a network error or timeout (no response). */
  status: number;
  headers: Record<string, string | undefined>;
  message: string;
  method: string;
  url: string;
}

export type RetryDecision = { retry: true; waitMs: number; why: string } | { retry: false; why?: string };

/** Pure decision: should attempt number `attempt` (1-based) be followed by another one, and after how long? */
export function decideRetry(f: AttemptFailure, attempt: number, policy: RetryPolicy, now: number): RetryDecision {
  if (attempt >= policy.maxAttempts) return { retry: false, why: `gave up after ${attempt} attempts` };
  const rateLimited = isRateLimited(f);
  // A POST that may have been processed (5xx, network) must not be repeated: it would create a second
  // comment. Rate-limit rejections are never processed, and GraphQL POSTs are read-only queries here.
  const idempotent = f.method !== 'POST' || /\/graphql$/.test(new URL(f.url, 'http://x').pathname);
  const transient = f.status === 0 || f.status === 500 || f.status === 502 || f.status === 503 || f.status === 504;
  if (!rateLimited && !(transient && idempotent)) return { retry: false };

  let waitMs = backoff(attempt, policy.baseDelayMs);
  let why = f.status === 0 ? 'network error' : `HTTP ${f.status}`;
  const retryAfter = parseRetryAfter(f.headers['retry-after'], now);
  if (retryAfter !== null) {
    waitMs = retryAfter;
    why += `, Retry-After ${Math.ceil(retryAfter / 1000)}s`;
  } else if (rateLimited && f.headers['x-ratelimit-remaining'] === '0' && f.headers['x-ratelimit-reset']) {
    const reset = Number(f.headers['x-ratelimit-reset']) * 1000;
    if (Number.isFinite(reset)) waitMs = Math.max(0, reset - now) + 1000;
    why += ', primary rate limit';
  } else if (rateLimited) {
    // Secondary limits without a hint: GitHub's guidance is to wait at least a minute.
    waitMs = Math.max(waitMs, 60_000);
    why += ', secondary rate limit';
  }
  if (waitMs > policy.maxWaitMs) {
    return { retry: false, why: `${why}: the server asks to wait ${Math.ceil(waitMs / 1000)}s, more than the ${Math.ceil(policy.maxWaitMs / 1000)}s limit` };
  }
  return { retry: true, waitMs, why };
}

function isRateLimited(f: AttemptFailure): boolean {
  if (f.status === 429) return true;
  if (f.status !== 403) return false;
  return (
    f.headers['retry-after'] !== undefined ||
    f.headers['x-ratelimit-remaining'] === '0' ||
    /rate limit/i.test(f.message)
  );
}

function backoff(attempt: number, baseMs: number): number {
  const exp = baseMs * 2 ** (attempt - 1);
  // Jitter spreads retries from parallel jobs that failed together.
  return Math.round(exp * (0.75 + Math.random() * 0.5));
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const date = Date.parse(v);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - now);
}
