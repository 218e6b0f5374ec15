/**
 * The one place that talks HTTP to the GitHub REST/GraphQL API: an Octokit from @actions/github
 * with our retry policy, bounded paging, and error translation. Everything else in `src/github/`
 * is written against `GitHubApi` and never sees Octokit types.
 */
import { getOctokit } from '@actions/github';
import { GitHubApiError } from './errors.js';
import { redactingLog, type GitHubLog } from './log.js';
import { decideRetry, DEFAULT_RETRY, type AttemptFailure, type RetryPolicy } from './retry.js';

export interface GitHubApiOptions {
  token: string;
  /** REST base URL, from GITHUB_API_URL: `https://api.github.com`, or `https://<host>/api/v3` on GHES. */
  apiUrl: string;
  owner: string;
  repo: string;
  log: GitHubLog;
  retry?: Partial<RetryPolicy>;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string | undefined>;
  data: T;
}

export interface GitHubApi {
  readonly owner: string;
  readonly repo: string;
  readonly log: GitHubLog;
  /** A REST call, e.g. `request('GET /repos/{owner}/{repo}/pulls/{n}', {n: 1})`; `owner`/`repo` are filled in. */
  request<T = unknown>(route: string, params?: Record<string, unknown>): Promise<ApiResponse<T>>;
  /** Follows `Link: rel="next"` for at most `maxPages` pages; `key` picks the list out of wrapped responses. */
  pages<T>(route: string, params: Record<string, unknown>, opts: { maxPages: number; key?: string }): AsyncGenerator<T[]>;
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

type Octokit = ReturnType<typeof getOctokit>;

export function createGitHubApi(opts: GitHubApiOptions): GitHubApi {
  if (!opts.token) throw new GitHubApiError('no GitHub token: set the `github-token` input (defaults to github.token)', 0);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...opts.retry };
  const log = redactingLog(opts.log, [opts.token]);
  const baseUrl = opts.apiUrl.replace(/\/+$/, '');
  const octokit: Octokit = getOctokit(opts.token, {
    baseUrl,
    log: { debug: (m: string) => log.debug(m), info: (m: string) => log.debug(m), warn: (m: string) => log.warning(m), error: (m: string) => log.warning(m) },
  });
  installRetry(octokit, policy, log);

  const withRepo = (params: Record<string, unknown> = {}) => ({ owner: opts.owner, repo: opts.repo, ...params });

  async function request<T>(route: string, params?: Record<string, unknown>): Promise<ApiResponse<T>> {
    return call<T>(route, withRepo(params));
  }

  async function call<T>(route: string, params: Record<string, unknown>): Promise<ApiResponse<T>> {
    try {
      const res = await octokit.request(route, params);
      return { status: res.status, headers: res.headers as ApiResponse['headers'], data: res.data as T };
    } catch (e) {
      throw toApiError(e, route);
    }
  }

  async function* pages<T>(route: string, params: Record<string, unknown>, p: { maxPages: number; key?: string }): AsyncGenerator<T[]> {
    let next: string | undefined;
    for (let page = 1; page <= p.maxPages; page++) {
      const res = page === 1 ? await request<unknown>(route, params) : await call<unknown>(`GET ${next}`, {});
      const data = res.data as Record<string, unknown> | unknown[];
      const items = Array.isArray(data) ? data : p.key ? (data[p.key] as unknown[] | undefined) : undefined;
      if (!Array.isArray(items)) throw new GitHubApiError(`${route}: unexpected response shape (no ${p.key ?? 'array'})`, res.status);
      yield items as T[];
      next = nextLink(res.headers.link);
      if (!next || items.length === 0) return;
      // The token goes with every request: never follow a link off the API host.
      if (new URL(next, baseUrl).origin !== new URL(baseUrl).origin) {
        throw new GitHubApiError(`${route}: refusing to follow a pagination link to another host (${new URL(next, baseUrl).origin})`, res.status);
      }
    }
  }

  async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    try {
      return (await octokit.graphql(query, variables)) as T;
    } catch (e) {
      throw toApiError(e, 'POST /graphql');
    }
  }

  return { owner: opts.owner, repo: opts.repo, log, request, pages, graphql };
}

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  for (const part of link.split(',')) {
    const m = /<([^>]+)>\s*;\s*rel="?([^";]+)"?/.exec(part.trim());
    if (m && m[2].split(/\s+/).includes('next')) return m[1];
  }
  return undefined;
}

interface OctokitErrorLike {
  status?: number;
  message?: string;
  name?: string;
  response?: { headers?: Record<string, string | undefined>; data?: unknown };
}

function installRetry(octokit: Octokit, policy: RetryPolicy, log: GitHubLog): void {
  octokit.hook.wrap('request', async (request, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        const req = { ...options, request: { ...options.request, signal: AbortSignal.timeout(policy.timeoutMs) } };
        return await request(req);
      } catch (e) {
        const err = e as OctokitErrorLike;
        const failure: AttemptFailure = {
          // Octokit reports network errors and timeouts as status 500 without a response.
          status: err.response ? (err.status ?? 0) : 0,
          headers: err.response?.headers ?? {},
          message: err.message ?? String(e),
          method: String(options.method),
          url: String(options.url),
        };
        const decision = decideRetry(failure, attempt, policy, Date.now());
        if (!decision.retry) {
          if (decision.why && attempt > 1) log.debug(`${options.method} ${options.url}: ${decision.why}`);
          throw e;
        }
        log.info(`${options.method} ${options.url} failed (${decision.why}); retrying in ${decision.waitMs} ms (attempt ${attempt + 1} of ${policy.maxAttempts})`);
        await new Promise((r) => setTimeout(r, decision.waitMs));
      }
    }
  });
}

function toApiError(e: unknown, route: string): GitHubApiError {
  if (e instanceof GitHubApiError) return e;
  const err = e as OctokitErrorLike;
  const status = err.response ? (err.status ?? 0) : 0;
  const what = status ? `HTTP ${status}` : 'network error';
  const hint =
    status === 401 ? ' (the token is invalid or expired)'
    : status === 403 ? ' (the token lacks a permission this needs, or this is a fork PR with a read-only token)'
    : status === 404 ? ' (not found, or the token cannot see it)'
    : '';
  return new GitHubApiError(`${route}: ${what}${hint}: ${err.message ?? String(e)}`, status);
}
