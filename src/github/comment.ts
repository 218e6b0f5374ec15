/**
 * The sticky PR comment: one comment per working directory, found by a hidden HTML marker and
 * updated in place on every push. Only comments written by the token's own account count, so a
 * user who quotes the marker (or another bot) cannot make us overwrite or hijack their comment.
 */
import { posix } from 'node:path';
import type { GitHubApi } from './api.js';
import { GitHubApiError } from './errors.js';
import { BenchgateError } from '../errors.js';

import { MAX_COMMENT_LENGTH } from './limits.js';
export { MAX_COMMENT_LENGTH };

/** The login the Actions GITHUB_TOKEN comments as. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

/** How many pages of 100 comments we scan for our sticky comment before giving up and creating one. */
const MAX_COMMENT_PAGES = 30;

export type StickyCommentResult =
  | { ok: true; action: 'created' | 'updated'; id: number; url: string }
  | { ok: false; forbidden: true; reason: string };

interface IssueComment {
  id: number;
  body?: string | null;
  html_url: string;
  user: { login: string } | null;
}

/** The hidden marker for one working directory; `--` and `>` are escaped so the HTML comment stays closed. */
export function stickyMarker(workingDirectory: string): string {
  // One module, one marker, however its directory is spelled (`./svc/a/` is `svc/a`).
  const dir = posix
    .normalize(workingDirectory.trim() || '.')
    .replace(/(.)\/+$/, '$1')
    .replace(/--/g, '-&#45;')
    .replace(/>/g, '&gt;');
  return `<!-- benchgate:${dir} -->`;
}

/**
 * Which login the token acts as. GraphQL `viewer` answers for both personal tokens and installation
 * tokens (GITHUB_TOKEN, GitHub Apps), where REST `GET /user` answers 403 for the latter; so we ask
 * GraphQL first, then REST, and otherwise assume the Actions bot.
 */
export async function resolveTokenLogin(api: GitHubApi): Promise<string> {
  try {
    const res = await api.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
    if (res.viewer?.login) return res.viewer.login;
  } catch (e) {
    api.log.debug(`GraphQL viewer lookup failed: ${(e as Error).message}`);
  }
  try {
    const res = await api.request<{ login?: string }>('GET /user');
    if (res.data.login) return res.data.login;
  } catch (e) {
    api.log.debug(`GET /user failed: ${(e as Error).message}`);
  }
  api.log.warning(`could not tell which account the token belongs to; assuming ${ACTIONS_BOT_LOGIN} for the sticky comment`);
  return ACTIONS_BOT_LOGIN;
}

/** `login` is asked for only once the body has passed its checks. */
export async function upsertStickyComment(
  api: GitHubApi,
  login: () => Promise<string>,
  args: { issueNumber: number; marker: string; body: string },
): Promise<StickyCommentResult> {
  const body = args.body.includes(args.marker) ? args.body : `${args.marker}\n${args.body}`;
  // UTF-16 length is never below the character count, so this guard errs on the safe side.
  if (body.length > MAX_COMMENT_LENGTH) {
    throw new BenchgateError(
      `comment body is ${body.length} characters, over GitHub's limit of ${MAX_COMMENT_LENGTH}: the report must be trimmed first`,
      'comment-too-long',
    );
  }

  const existing = await findSticky(api, await login(), args.issueNumber, args.marker);
  try {
    if (existing) {
      const res = await api.request<IssueComment>('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        comment_id: existing.id,
        body,
      });
      return { ok: true, action: 'updated', id: res.data.id, url: res.data.html_url };
    }
    const res = await api.request<IssueComment>('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
      issue_number: args.issueNumber,
      body,
    });
    return { ok: true, action: 'created', id: res.data.id, url: res.data.html_url };
  } catch (e) {
    if (e instanceof GitHubApiError && e.status === 403) {
      return {
        ok: false,
        forbidden: true,
        reason:
          'the token may not write comments (403): fork pull requests get a read-only token; ' +
          'upload the results and comment from a `workflow_run` workflow, or grant `pull-requests: write`',
      };
    }
    throw e;
  }
}

/** Whether this token already left a sticky comment with `marker` (for `comment: on-change`). */
export async function hasStickyComment(api: GitHubApi, login: () => Promise<string>, args: { issueNumber: number; marker: string }): Promise<boolean> {
  return (await findSticky(api, await login(), args.issueNumber, args.marker)) !== null;
}

async function findSticky(api: GitHubApi, login: string, issueNumber: number, marker: string): Promise<IssueComment | null> {
  const me = login.toLowerCase();
  for await (const page of api.pages<IssueComment>(
    'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    { issue_number: issueNumber, per_page: 100 },
    { maxPages: MAX_COMMENT_PAGES },
  )) {
    // Comments come oldest first: the first match keeps its place in the conversation.
    const mine = page.find((c) => c.user?.login.toLowerCase() === me && (c.body ?? '').includes(marker));
    if (mine) return mine;
  }
  return null;
}
