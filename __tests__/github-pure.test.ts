/** The pure decisions of the GitHub edge: retry policy, Link parsing, workflow refs, markers. */
import fc from 'fast-check';
import { nextLink } from '../src/github/api.js';
import { workflowFromRef } from '../src/github/baseline.js';
import { stickyMarker } from '../src/github/comment.js';
import { decideRetry, parseRetryAfter, type AttemptFailure, type RetryPolicy } from '../src/github/retry.js';
import { isGhesServer } from '../src/github/upload.js';
import { BenchgateError } from '../src/errors.js';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxWaitMs: 10_000, timeoutMs: 1000 };
const NOW = Date.parse('2026-01-01T00:00:00Z');
const failure = (f: Partial<AttemptFailure>): AttemptFailure => ({
  status: 500,
  headers: {},
  message: 'boom',
  method: 'GET',
  url: 'https://api.github.com/repos/o/r/pulls/1',
  ...f,
});

describe('decideRetry', () => {
  test.each([
    ['5xx GET', { status: 502 }, true],
    ['network error', { status: 0 }, true],
    ['404', { status: 404 }, false],
    ['422', { status: 422 }, false],
    ['plain 403 (permission)', { status: 403, message: 'Resource not accessible by integration' }, false],
    ['403 secondary rate limit with Retry-After', { status: 403, headers: { 'retry-after': '2' } }, true],
    ['429', { status: 429, headers: { 'retry-after': '1' } }, true],
    ['5xx POST comment', { status: 502, method: 'POST', url: 'https://api.github.com/repos/o/r/issues/1/comments' }, false],
    ['5xx POST graphql', { status: 502, method: 'POST', url: 'https://api.github.com/graphql' }, true],
    ['429 POST comment', { status: 429, method: 'POST', url: 'https://api.github.com/repos/o/r/issues/1/comments', headers: { 'retry-after': '1' } }, true],
  ])('%s', (_, f, retry) => {
    expect(decideRetry(failure(f as Partial<AttemptFailure>), 1, policy, NOW).retry).toBe(retry);
  });

  test('honours Retry-After, the primary reset time, and the wait bound', () => {
    expect(decideRetry(failure({ status: 429, headers: { 'retry-after': '3' } }), 1, policy, NOW)).toMatchObject({ retry: true, waitMs: 3000 });
    const reset = String(NOW / 1000 + 5);
    expect(decideRetry(failure({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } }), 1, policy, NOW)).toMatchObject({ retry: true, waitMs: 6000 });
    // Secondary limit without a hint: at least a minute, which is over this policy's bound.
    expect(decideRetry(failure({ status: 403, message: 'You have exceeded a secondary rate limit' }), 1, policy, NOW)).toMatchObject({ retry: false });
    expect(decideRetry(failure({ status: 429, headers: { 'retry-after': '60' } }), 1, policy, NOW).retry).toBe(false);
  });

  test('attempts and waits are always bounded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 403, 429, 500, 502, 503, 504),
        fc.option(fc.nat({ max: 100_000 }).map(String), { nil: undefined }),
        fc.integer({ min: 1, max: 10 }),
        (status, retryAfter, attempt) => {
          const d = decideRetry(failure({ status, headers: { 'retry-after': retryAfter } }), attempt, policy, NOW);
          if (attempt >= policy.maxAttempts) expect(d.retry).toBe(false);
          if (d.retry) {
            expect(d.waitMs).toBeGreaterThanOrEqual(0);
            expect(d.waitMs).toBeLessThanOrEqual(policy.maxWaitMs);
          }
        },
      ),
    );
  });

  test('parseRetryAfter reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000);
    expect(parseRetryAfter('soon', NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
  });
});

test('nextLink picks rel="next" out of a GitHub Link header', () => {
  const link =
    '<https://api.github.com/repositories/1/issues?page=1>; rel="prev", <https://api.github.com/repositories/1/issues?page=3>; rel="next", <https://api.github.com/repositories/1/issues?page=9>; rel="last"';
  expect(nextLink(link)).toBe('https://api.github.com/repositories/1/issues?page=3');
  expect(nextLink('<https://x/?page=9>; rel="last"')).toBeUndefined();
  expect(nextLink(undefined)).toBeUndefined();
});

test('workflowFromRef reads the workflow file from GITHUB_WORKFLOW_REF', () => {
  expect(workflowFromRef('octo-org/octo-repo/.github/workflows/bench.yml@refs/heads/main')).toBe('bench.yml');
  expect(workflowFromRef('o/r/.github/workflows/perf.yaml@refs/pull/12/merge')).toBe('perf.yaml');
  expect(workflowFromRef('o/r/.github/workflows/ci.yml@refs/heads/user@feature')).toBe('ci.yml');
  expect(() => workflowFromRef('bench.yml')).toThrow(BenchgateError);
});

test('stickyMarker is one closed HTML comment per working directory', () => {
  fc.assert(
    fc.property(fc.string(), (dir) => {
      const m = stickyMarker(dir);
      expect(m.startsWith('<!-- benchgate:')).toBe(true);
      expect(m.endsWith(' -->')).toBe(true);
      // The comment must not close early or nest.
      expect(m.slice(4, -3)).not.toMatch(/--|>/);
    }),
  );
  expect(stickyMarker('.')).not.toBe(stickyMarker('./api'));
  expect(stickyMarker('')).toBe(stickyMarker('.'));
  // One module, one comment, however the directory is spelled.
  expect(stickyMarker('./svc/api/')).toBe(stickyMarker('svc/api'));
  expect(stickyMarker('./')).toBe(stickyMarker('.'));
});

test('isGhesServer follows @actions/artifact: github.com, *.ghe.com and *.localhost are not GHES', () => {
  expect(isGhesServer(undefined)).toBe(false);
  expect(isGhesServer('https://github.com')).toBe(false);
  expect(isGhesServer('https://acme.ghe.com')).toBe(false);
  expect(isGhesServer('https://github.acme.internal')).toBe(true);
});
