/**
 * A loopback GitHub for tests: the REST endpoints, GraphQL `viewer`, the Actions results service
 * (Twirp JSON) and the Azure-style blob storage behind its signed URLs, speaking the documented
 * status codes, headers (`Link` paging, `Location`, `Retry-After`) and JSON field names of exactly
 * the calls benchgate makes. It keeps state across "runs" (an artifact uploaded by one run can be
 * found and downloaded by a later one), records every request, and can inject failures.
 *
 * Listens on 127.0.0.1 only, on a free port.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mintRuntimeToken, readRuntimeToken } from './runtime-token.js';
import { writeZip } from './zip-writer.js';

export interface FakeToken {
  login: string;
  type: 'User' | 'Bot';
  /** Installation tokens (GITHUB_TOKEN, GitHub Apps) get 403 from `GET /user`. */
  installation: boolean;
  /** Read-only tokens (fork PRs) get 403 on every write. */
  readOnly: boolean;
}

export interface FakeRun {
  id: number;
  runNumber: number;
  workflowId: number;
  /** Workflow file name, e.g. `bench.yml`. */
  workflowFile: string;
  headBranch: string;
  headSha: string;
  event: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | 'cancelled' | null;
  createdAt: string;
  runBackendId: string;
  jobBackendId: string;
}

export interface FakeArtifact {
  id: number;
  runId: number;
  name: string;
  /** Key of the blob holding the zip; empty until the upload is finalized. */
  blobKey: string;
  finalized: boolean;
  sizeInBytes: number;
  digest: string | null;
  createdAt: string;
  expiresAt: string;
  expired: boolean;
}

export interface FakeComment {
  id: number;
  issueNumber: number;
  body: string;
  login: string;
  userType: 'User' | 'Bot';
  createdAt: string;
  updatedAt: string;
}

export interface FakePullFile {
  filename: string;
  status?: string;
  additions?: number;
  deletions?: number;
  /** Omit to model binary or too-large diffs. */
  patch?: string;
  previous_filename?: string;
}

export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  title: string;
  headSha: string;
  headRef: string;
  baseSha: string;
  baseRef: string;
  /** `owner/repo` of the head; a different one makes a fork PR; null models a deleted fork. */
  headRepoFullName: string | null;
  labels: string[];
  files: FakePullFile[];
}

export interface FailureRule {
  method?: string;
  /** Path without the GHES `/api/v3` prefix and without the query, e.g. `/repos/o/r/issues/1/comments`. */
  path: string | RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Path without the GHES prefix and without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-cased headers, with `authorization` and `cookie` removed. */
  headers: Record<string, string>;
  /** Text body, or `<N bytes>` for binary uploads. */
  body: string;
  /** Which kind of credential was presented (never the credential itself). */
  auth: 'none' | 'token' | 'bearer' | 'basic';
  /** The login of a recognised API token. */
  login?: string;
  status: number;
}

export interface FakeState {
  owner: string;
  repo: string;
  tokens: Map<string, FakeToken>;
  runs: FakeRun[];
  artifacts: FakeArtifact[];
  blobs: Map<string, Buffer>;
  comments: FakeComment[];
  pulls: Map<number, FakePull>;
  rules: FailureRule[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** Serve the REST API under `/api/v3` and GraphQL at `/api/graphql`, as GHES does. */
  ghes?: boolean;
  /** The run that "is executing" (owner of `runtimeToken`); defaults to an in-progress PR run. */
  currentRun?: Partial<FakeRun>;
}

export interface FakeGitHub {
  /** Server origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** GITHUB_API_URL. */
  apiUrl: string;
  /** ACTIONS_RESULTS_URL (the client only uses its origin). */
  resultsUrl: string;
  /** An installation token that acts as `github-actions[bot]`, like GITHUB_TOKEN. */
  token: string;
  /** A personal access token of user `octocat`. */
  userToken: string;
  /** An installation token that may not write (fork PR). */
  readOnlyToken: string;
  runtimeToken: string;
  currentRun: FakeRun;
  state: FakeState;
  requests: RecordedRequest[];
  addRun(run: Partial<FakeRun>): FakeRun;
  /** Seeds a finalized artifact; `zip` wins over `files` (use it for corrupt archives). */
  addArtifact(
    runId: number,
    name: string,
    content: { files?: Record<string, string | Uint8Array>; zip?: Buffer; expired?: boolean; createdAt?: string },
  ): FakeArtifact;
  addPull(pull: Partial<FakePull> & { number: number }): FakePull;
  addComment(c: { issueNumber: number; body: string; login: string; userType?: 'User' | 'Bot' }): FakeComment;
  /** A token for the results service that acts as the given run. */
  runtimeTokenFor(run: FakeRun): string;
  inject(rule: FailureRule): void;
  /** The environment a runner gives an action step running as `currentRun` (merge INPUT_* yourself). */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const DOCS = 'https://docs.github.com/rest';
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

export async function startFakeGitHub(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const state: FakeState = {
    owner: opts.owner ?? 'octo-org',
    repo: opts.repo ?? 'octo-repo',
    tokens: new Map(),
    runs: [],
    artifacts: [],
    blobs: new Map(),
    comments: [],
    pulls: new Map(),
    rules: [],
  };
  const token = 'ghs_fakeInstallationToken0123456789';
  const userToken = 'ghp_fakePersonalToken0123456789abc';
  const readOnlyToken = 'ghs_fakeReadOnlyForkToken012345678';
  state.tokens.set(token, { login: 'github-actions[bot]', type: 'Bot', installation: true, readOnly: false });
  state.tokens.set(userToken, { login: 'octocat', type: 'User', installation: false, readOnly: false });
  state.tokens.set(readOnlyToken, { login: 'github-actions[bot]', type: 'Bot', installation: true, readOnly: true });

  const requests: RecordedRequest[] = [];
  const prefix = opts.ghes ? '/api/v3' : '';
  const graphqlPath = opts.ghes ? '/api/graphql' : '/graphql';
  let nextId = { run: 7_000_000_001, runNumber: 1, artifact: 900_000_001, comment: 1_500_000_001 };
  const workflowIds = new Map<string, number>();
  let origin = '';

  function addRun(p: Partial<FakeRun>): FakeRun {
    const workflowFile = p.workflowFile ?? 'bench.yml';
    if (!workflowIds.has(workflowFile)) workflowIds.set(workflowFile, 60_000_000 + workflowIds.size + 1);
    const run: FakeRun = {
      id: p.id ?? nextId.run++,
      runNumber: p.runNumber ?? nextId.runNumber++,
      workflowId: workflowIds.get(workflowFile)!,
      workflowFile,
      headBranch: p.headBranch ?? 'main',
      headSha: p.headSha ?? randomBytes(20).toString('hex'),
      event: p.event ?? 'push',
      status: p.status ?? 'completed',
      conclusion: p.conclusion === undefined ? 'success' : p.conclusion,
      createdAt: p.createdAt ?? new Date(Date.now() - 1000 * (1000 - state.runs.length)).toISOString(),
      runBackendId: p.runBackendId ?? randomUUID(),
      jobBackendId: p.jobBackendId ?? randomUUID(),
    };
    state.runs.push(run);
    return run;
  }

  function addArtifact(
    runId: number,
    name: string,
    content: { files?: Record<string, string | Uint8Array>; zip?: Buffer; expired?: boolean; createdAt?: string },
  ): FakeArtifact {
    const zip = content.zip ?? writeZip(content.files ?? {}, { dataDescriptor: true });
    const blobKey = `actions-results/${randomUUID()}/${name}.zip`;
    state.blobs.set(blobKey, zip);
    const createdAt = content.createdAt ?? new Date().toISOString();
    const art: FakeArtifact = {
      id: nextId.artifact++,
      runId,
      name,
      blobKey,
      finalized: true,
      sizeInBytes: zip.length,
      digest: `sha256:${createHash('sha256').update(zip).digest('hex')}`,
      createdAt,
      expiresAt: new Date(Date.parse(createdAt) + 90 * 86400_000).toISOString(),
      expired: content.expired ?? false,
    };
    state.artifacts.push(art);
    return art;
  }

  function addPull(p: Partial<FakePull> & { number: number }): FakePull {
    const pull: FakePull = {
      state: 'open',
      title: `PR #${p.number}`,
      headSha: randomBytes(20).toString('hex'),
      headRef: `feature-${p.number}`,
      baseSha: randomBytes(20).toString('hex'),
      baseRef: 'main',
      headRepoFullName: `${state.owner}/${state.repo}`,
      labels: [],
      files: [],
      ...p,
    };
    state.pulls.set(pull.number, pull);
    return pull;
  }

  function addComment(c: { issueNumber: number; body: string; login: string; userType?: 'User' | 'Bot' }): FakeComment {
    const now = new Date().toISOString();
    const comment: FakeComment = {
      id: nextId.comment++,
      issueNumber: c.issueNumber,
      body: c.body,
      login: c.login,
      userType: c.userType ?? (c.login.endsWith('[bot]') ? 'Bot' : 'User'),
      createdAt: now,
      updatedAt: now,
    };
    state.comments.push(comment);
    return comment;
  }

  const currentRun = addRun({
    event: 'pull_request',
    headBranch: 'feature',
    status: 'in_progress',
    conclusion: null,
    createdAt: new Date().toISOString(),
    ...opts.currentRun,
  });
  const runtimeTokenFor = (run: FakeRun) => mintRuntimeToken(run.runBackendId, run.jobBackendId);
  const runtimeToken = runtimeTokenFor(currentRun);

  // ---- JSON shapes as GitHub returns them ----

  const repoJson = () => ({
    id: 123456789,
    name: state.repo,
    full_name: `${state.owner}/${state.repo}`,
    owner: { login: state.owner, type: 'Organization' },
    private: false,
    html_url: `${origin}/${state.owner}/${state.repo}`,
  });

  const runJson = (r: FakeRun) => ({
    id: r.id,
    name: r.workflowFile.replace(/\.ya?ml$/, ''),
    node_id: `WFR_${r.id}`,
    head_branch: r.headBranch,
    head_sha: r.headSha,
    path: `.github/workflows/${r.workflowFile}`,
    display_title: `run ${r.runNumber}`,
    run_number: r.runNumber,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    workflow_id: r.workflowId,
    url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/actions/runs/${r.id}`,
    html_url: `${origin}/${state.owner}/${state.repo}/actions/runs/${r.id}`,
    pull_requests: [],
    created_at: r.createdAt,
    updated_at: r.createdAt,
    run_attempt: 1,
    run_started_at: r.createdAt,
    repository: repoJson(),
    head_repository: repoJson(),
  });

  const isExpired = (a: FakeArtifact) => a.expired || Date.parse(a.expiresAt) <= Date.now();

  const artifactJson = (a: FakeArtifact) => {
    const run = state.runs.find((r) => r.id === a.runId);
    const base = `${origin}${prefix}/repos/${state.owner}/${state.repo}/actions/artifacts/${a.id}`;
    return {
      id: a.id,
      node_id: `MDg6QXJ0aWZhY3Q${a.id}`,
      name: a.name,
      size_in_bytes: a.sizeInBytes,
      url: base,
      archive_download_url: `${base}/zip`,
      expired: isExpired(a),
      digest: a.digest,
      created_at: a.createdAt,
      updated_at: a.createdAt,
      expires_at: a.expiresAt,
      workflow_run: run
        ? { id: run.id, repository_id: 123456789, head_repository_id: 123456789, head_branch: run.headBranch, head_sha: run.headSha }
        : null,
    };
  };

  const commentJson = (c: FakeComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/issues/comments/${c.id}`,
    html_url: `${origin}/${state.owner}/${state.repo}/pull/${c.issueNumber}#issuecomment-${c.id}`,
    issue_url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/issues/${c.issueNumber}`,
    body: c.body,
    user: { login: c.login, id: c.login.length * 1000 + 7, type: c.userType },
    author_association: c.userType === 'Bot' ? 'NONE' : 'MEMBER',
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    performed_via_github_app: null,
  });

  const labelJson = (name: string, i: number) => ({
    id: 4000 + i,
    node_id: `LA_${i}`,
    url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/labels/${encodeURIComponent(name)}`,
    name,
    color: 'ededed',
    default: false,
    description: null,
  });

  const pullJson = (p: FakePull) => ({
    url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/pulls/${p.number}`,
    id: 100_000 + p.number,
    number: p.number,
    state: p.state,
    title: p.title,
    user: { login: 'contributor', type: 'User' },
    labels: p.labels.map(labelJson),
    draft: false,
    merged: false,
    head: {
      label: `${p.headRepoFullName?.split('/')[0] ?? 'unknown'}:${p.headRef}`,
      ref: p.headRef,
      sha: p.headSha,
      repo: p.headRepoFullName
        ? { full_name: p.headRepoFullName, fork: p.headRepoFullName !== `${state.owner}/${state.repo}` }
        : null,
    },
    base: { label: `${state.owner}:${p.baseRef}`, ref: p.baseRef, sha: p.baseSha, repo: repoJson() },
    changed_files: p.files.length,
    html_url: `${origin}/${state.owner}/${state.repo}/pull/${p.number}`,
  });

  // ---- plumbing ----

  interface Ctx {
    req: IncomingMessage;
    res: ServerResponse;
    /** Path without prefix and query. */
    path: string;
    /** Path as requested (with prefix), for building Link headers. */
    rawPath: string;
    query: URLSearchParams;
    body: Buffer;
    tokenInfo?: FakeToken;
    record: RecordedRequest;
  }

  const rateHeaders = () => ({
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
    'x-github-api-version-selected': '2022-11-28',
  });

  function send(ctx: Ctx, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    ctx.record.status = status;
    const text = body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const contentType = body === undefined ? {} : { 'content-type': typeof body === 'string' || Buffer.isBuffer(body) ? 'text/plain' : 'application/json; charset=utf-8' };
    ctx.res.writeHead(status, { ...rateHeaders(), ...contentType, ...headers });
    ctx.res.end(text);
  }

  const notFound = (ctx: Ctx) => send(ctx, 404, { message: 'Not Found', documentation_url: DOCS, status: '404' });

  /** Page a list like GitHub: per_page (default 30, max 100), page, and a Link header with first/prev/next/last. */
  function paged<T>(ctx: Ctx, items: T[]): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, Number(ctx.query.get('per_page') ?? 30) || 30));
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number) => {
      const q = new URLSearchParams(ctx.query);
      q.set('page', String(n));
      q.set('per_page', String(perPage));
      return `<${origin}${ctx.rawPath}?${q.toString()}>`;
    };
    const rels: string[] = [];
    if (page > 1) rels.push(`${link(page - 1)}; rel="prev"`);
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`);
    return { items: items.slice((page - 1) * perPage, page * perPage), headers: rels.length ? { link: rels.join(', ') } : {} };
  }

  function jsonBody(ctx: Ctx): Record<string, unknown> | null {
    try {
      const v = JSON.parse(ctx.body.toString('utf8')) as unknown;
      return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }

  const forbidden = (ctx: Ctx) =>
    send(ctx, 403, { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' });

  // ---- REST ----

  type Handler = (ctx: Ctx, m: RegExpExecArray) => void;
  const repoPath = () => `/repos/${escapeRe(state.owner)}/${escapeRe(state.repo)}`;
  const routes: [string, () => RegExp, Handler][] = [
    ['GET', () => /^\/user$/, (ctx) => {
      if (ctx.tokenInfo!.installation) return forbidden(ctx);
      send(ctx, 200, { login: ctx.tokenInfo!.login, id: 583231, type: ctx.tokenInfo!.type });
    }],
    ['GET', () => new RegExp(`^${repoPath()}/actions/workflows/([^/]+)/runs$`), (ctx, m) => {
      const wf = decodeURIComponent(m[1]);
      const known = [...workflowIds.entries()].find(([file, id]) => file === wf || String(id) === wf);
      if (!known) return notFound(ctx);
      const q = ctx.query;
      const status = q.get('status');
      const conclusions = ['success', 'failure', 'neutral', 'cancelled', 'skipped', 'timed_out', 'action_required', 'stale'];
      const runs = state.runs
        .filter((r) => r.workflowFile === known[0])
        .filter((r) => !q.get('branch') || r.headBranch === q.get('branch'))
        .filter((r) => !q.get('event') || r.event === q.get('event'))
        .filter((r) => !q.get('head_sha') || r.headSha === q.get('head_sha'))
        .filter((r) => !status || (conclusions.includes(status) ? r.conclusion === status : r.status === status))
        .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
      const p = paged(ctx, runs);
      send(ctx, 200, { total_count: runs.length, workflow_runs: p.items.map(runJson) }, p.headers);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/actions/runs/(\\d+)$`), (ctx, m) => {
      const run = state.runs.find((r) => r.id === Number(m[1]));
      return run ? send(ctx, 200, runJson(run)) : notFound(ctx);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/actions/runs/(\\d+)/artifacts$`), (ctx, m) => {
      const runId = Number(m[1]);
      if (!state.runs.some((r) => r.id === runId)) return notFound(ctx);
      const name = ctx.query.get('name');
      const list = state.artifacts
        .filter((a) => a.runId === runId && a.finalized && (!name || a.name === name))
        .sort((a, b) => b.id - a.id);
      const p = paged(ctx, list);
      send(ctx, 200, { total_count: list.length, artifacts: p.items.map(artifactJson) }, p.headers);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/actions/artifacts$`), (ctx) => {
      const name = ctx.query.get('name');
      const list = state.artifacts.filter((a) => a.finalized && (!name || a.name === name)).sort((a, b) => b.id - a.id);
      const p = paged(ctx, list);
      send(ctx, 200, { total_count: list.length, artifacts: p.items.map(artifactJson) }, p.headers);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/actions/artifacts/(\\d+)/(zip)$`), (ctx, m) => {
      const a = state.artifacts.find((x) => x.id === Number(m[1]) && x.finalized);
      if (!a) return notFound(ctx);
      if (isExpired(a)) return send(ctx, 410, { message: 'Artifact has expired', documentation_url: DOCS, status: '410' });
      send(ctx, 302, undefined, { location: signedBlobUrl(a.blobKey, 'r') });
    }],
    ['GET', () => new RegExp(`^${repoPath()}/issues/(\\d+)/comments$`), (ctx, m) => {
      const n = Number(m[1]);
      if (!state.pulls.has(n)) return notFound(ctx);
      const list = state.comments.filter((c) => c.issueNumber === n).sort((a, b) => a.id - b.id);
      const p = paged(ctx, list);
      send(ctx, 200, p.items.map(commentJson), p.headers);
    }],
    ['POST', () => new RegExp(`^${repoPath()}/issues/(\\d+)/comments$`), (ctx, m) => {
      const n = Number(m[1]);
      if (!state.pulls.has(n)) return notFound(ctx);
      if (ctx.tokenInfo!.readOnly) return forbidden(ctx);
      const body = validCommentBody(ctx);
      if (body === null) return;
      const c = addComment({ issueNumber: n, body, login: ctx.tokenInfo!.login, userType: ctx.tokenInfo!.type });
      send(ctx, 201, commentJson(c), { location: commentJson(c).url });
    }],
    ['PATCH', () => new RegExp(`^${repoPath()}/issues/comments/(\\d+)$`), (ctx, m) => {
      const c = state.comments.find((x) => x.id === Number(m[1]));
      if (!c) return notFound(ctx);
      if (ctx.tokenInfo!.readOnly) return forbidden(ctx);
      // Only the author (or a maintainer, which our bot is not) may edit a comment.
      if (c.login !== ctx.tokenInfo!.login) return forbidden(ctx);
      const body = validCommentBody(ctx);
      if (body === null) return;
      c.body = body;
      c.updatedAt = new Date().toISOString();
      send(ctx, 200, commentJson(c));
    }],
    ['GET', () => new RegExp(`^${repoPath()}/pulls/(\\d+)$`), (ctx, m) => {
      const p = state.pulls.get(Number(m[1]));
      return p ? send(ctx, 200, pullJson(p)) : notFound(ctx);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/pulls/(\\d+)/files$`), (ctx, m) => {
      const pull = state.pulls.get(Number(m[1]));
      if (!pull) return notFound(ctx);
      // GitHub lists at most 3000 files of a pull request.
      const files = pull.files.slice(0, 3000).map((f) => ({
        sha: createHash('sha1').update(f.filename).digest('hex'),
        filename: f.filename,
        status: f.status ?? 'modified',
        additions: f.additions ?? 0,
        deletions: f.deletions ?? 0,
        changes: (f.additions ?? 0) + (f.deletions ?? 0),
        blob_url: `${origin}/${state.owner}/${state.repo}/blob/${pull.headSha}/${f.filename}`,
        raw_url: `${origin}/${state.owner}/${state.repo}/raw/${pull.headSha}/${f.filename}`,
        contents_url: `${origin}${prefix}/repos/${state.owner}/${state.repo}/contents/${f.filename}?ref=${pull.headSha}`,
        ...(f.patch !== undefined ? { patch: f.patch } : {}),
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      }));
      const p = paged(ctx, files);
      send(ctx, 200, p.items, p.headers);
    }],
    ['GET', () => new RegExp(`^${repoPath()}/issues/(\\d+)/labels$`), (ctx, m) => {
      const pull = state.pulls.get(Number(m[1]));
      if (!pull) return notFound(ctx);
      const p = paged(ctx, pull.labels.map(labelJson));
      send(ctx, 200, p.items, p.headers);
    }],
  ];

  function validCommentBody(ctx: Ctx): string | null {
    const body = jsonBody(ctx)?.body;
    if (typeof body !== 'string' || body === '') {
      send(ctx, 422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' });
      return null;
    }
    if ([...body].length > 65536) {
      send(ctx, 422, {
        message: 'Validation Failed',
        errors: [{ resource: 'IssueComment', code: 'custom', field: 'body', message: 'body is too long (maximum is 65536 characters)' }],
        documentation_url: DOCS,
        status: '422',
      });
      return null;
    }
    return body;
  }

  function graphql(ctx: Ctx): void {
    const query = String(jsonBody(ctx)?.query ?? '');
    if (/\bviewer\s*\{[^}]*\blogin\b/.test(query)) {
      return send(ctx, 200, { data: { viewer: { login: ctx.tokenInfo!.login } } });
    }
    send(ctx, 200, { errors: [{ message: 'the fake GitHub only answers `viewer { login }`' }] });
  }

  // ---- results service (Twirp JSON) and blob storage ----

  const sigs = new Set<string>();
  function signedBlobUrl(key: string, permissions: string): string {
    const sig = randomBytes(16).toString('base64url');
    sigs.add(sig);
    const q = new URLSearchParams({ sv: '2025-01-05', se: new Date(Date.now() + 3600_000).toISOString(), sr: 'b', sp: permissions, sig });
    return `${origin}/blob/${key}?${q.toString()}`;
  }

  const twirpError = (ctx: Ctx, status: number, code: string, msg: string) => send(ctx, status, { code, msg });

  function twirp(ctx: Ctx, method: string): void {
    const auth = ctx.req.headers.authorization ?? '';
    const ids = auth.startsWith('Bearer ') ? readRuntimeToken(auth.slice(7)) : null;
    const run = ids && state.runs.find((r) => r.runBackendId === ids.runBackendId && r.jobBackendId === ids.jobBackendId);
    if (!run) return twirpError(ctx, 401, 'unauthenticated', 'invalid runtime token');
    const body = jsonBody(ctx);
    if (!body) return twirpError(ctx, 400, 'malformed', 'request body is not JSON');
    if (body.workflow_run_backend_id !== run.runBackendId || body.workflow_job_run_backend_id !== run.jobBackendId) {
      return twirpError(ctx, 403, 'permission_denied', 'backend ids do not match the token');
    }
    const name = typeof body.name === 'string' ? body.name : '';
    const ofRun = state.artifacts.filter((a) => a.runId === run.id);
    switch (method) {
      case 'CreateArtifact': {
        if (!name) return twirpError(ctx, 400, 'invalid_argument', 'name is required');
        if (ofRun.some((a) => a.name === name && a.finalized)) {
          return twirpError(ctx, 409, 'already_exists', 'an artifact with this name already exists on the workflow run');
        }
        const now = new Date().toISOString();
        const expiresAt = typeof body.expires_at === 'string' ? body.expires_at : new Date(Date.now() + 90 * 86400_000).toISOString();
        const art: FakeArtifact = {
          id: nextId.artifact++, runId: run.id, name, blobKey: `actions-results/${randomUUID()}/${name}.zip`, finalized: false,
          sizeInBytes: 0, digest: null, createdAt: now, expiresAt, expired: false,
        };
        state.artifacts = state.artifacts.filter((a) => !(a.runId === run.id && a.name === name && !a.finalized));
        state.artifacts.push(art);
        return send(ctx, 200, { ok: true, signed_upload_url: signedBlobUrl(art.blobKey, 'cw') });
      }
      case 'FinalizeArtifact': {
        const art = ofRun.find((a) => a.name === name && !a.finalized);
        if (!art) return twirpError(ctx, 404, 'not_found', `no pending artifact named ${name}`);
        const blob = state.blobs.get(art.blobKey);
        if (!blob) return twirpError(ctx, 400, 'failed_precondition', 'nothing was uploaded for this artifact');
        art.finalized = true;
        art.sizeInBytes = blob.length;
        art.digest = typeof body.hash === 'string' ? body.hash : `sha256:${createHash('sha256').update(blob).digest('hex')}`;
        return send(ctx, 200, { ok: true, artifact_id: String(art.id) });
      }
      case 'ListArtifacts': {
        const nameFilter = typeof body.name_filter === 'string' ? body.name_filter : undefined;
        const idFilter = body.id_filter !== undefined ? Number(body.id_filter) : undefined;
        const list = ofRun.filter((a) => a.finalized && !isExpired(a) && (!nameFilter || a.name === nameFilter) && (idFilter === undefined || a.id === idFilter));
        return send(ctx, 200, {
          artifacts: list.map((a) => ({
            workflow_run_backend_id: run.runBackendId,
            workflow_job_run_backend_id: run.jobBackendId,
            database_id: String(a.id),
            name: a.name,
            size: String(a.sizeInBytes),
            created_at: a.createdAt,
            ...(a.digest ? { digest: a.digest } : {}),
          })),
        });
      }
      case 'GetSignedArtifactURL': {
        const art = ofRun.find((a) => a.name === name && a.finalized);
        if (!art) return twirpError(ctx, 404, 'not_found', `no artifact named ${name}`);
        return send(ctx, 200, { signed_url: signedBlobUrl(art.blobKey, 'r') });
      }
      default:
        return twirpError(ctx, 404, 'bad_route', `no handler for ${method}`);
    }
  }

  const blocks = new Map<string, Map<string, Buffer>>();
  function blob(ctx: Ctx): void {
    const sig = ctx.query.get('sig');
    const azureError = (status: number, code: string) =>
      send(ctx, status, `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`, {
        'content-type': 'application/xml',
        'x-ms-error-code': code,
      });
    if (!sig || !sigs.has(sig)) return azureError(403, 'AuthenticationFailed');
    const key = decodeURIComponent(ctx.path.slice('/blob/'.length));
    const ms = { 'x-ms-request-id': randomUUID(), 'x-ms-version': '2025-01-05', etag: `"0x${randomBytes(8).toString('hex')}"`, 'last-modified': new Date().toUTCString() };
    if (ctx.req.method === 'GET') {
      const data = state.blobs.get(key);
      if (!data) return azureError(404, 'BlobNotFound');
      ctx.record.status = 200;
      ctx.res.writeHead(200, { ...ms, 'content-type': 'application/zip', 'content-length': String(data.length) });
      return void ctx.res.end(data);
    }
    if (ctx.req.method !== 'PUT') return azureError(405, 'UnsupportedHttpVerb');
    const comp = ctx.query.get('comp');
    if (comp === 'block') {
      const id = ctx.query.get('blockid') ?? '';
      if (!blocks.has(key)) blocks.set(key, new Map());
      blocks.get(key)!.set(id, ctx.body);
      return send(ctx, 201, undefined, ms);
    }
    if (comp === 'blocklist') {
      const staged = blocks.get(key) ?? new Map<string, Buffer>();
      const ids = [...ctx.body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)<\//g)].map((m) => m[1]);
      if (ids.some((id) => !staged.has(id))) return azureError(400, 'InvalidBlockList');
      state.blobs.set(key, Buffer.concat(ids.map((id) => staged.get(id)!)));
      blocks.delete(key);
      return send(ctx, 201, undefined, ms);
    }
    if (!comp && ctx.req.headers['x-ms-blob-type'] === 'BlockBlob') {
      state.blobs.set(key, ctx.body);
      return send(ctx, 201, undefined, ms);
    }
    return azureError(400, 'InvalidQueryParameterValue');
  }

  // ---- dispatch ----

  function authOf(req: IncomingMessage): { kind: RecordedRequest['auth']; secret?: string } {
    const h = req.headers.authorization;
    if (!h) return { kind: 'none' };
    const [scheme, secret] = h.split(/\s+/, 2);
    const s = scheme.toLowerCase();
    return { kind: s === 'token' ? 'token' : s === 'bearer' ? 'bearer' : 'basic', secret };
  }

  function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const u = new URL(req.url ?? '/', 'http://fake');
    const rawPath = u.pathname;
    const path = prefix && rawPath.startsWith(prefix + '/') ? rawPath.slice(prefix.length) : rawPath;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (k !== 'authorization' && k !== 'cookie' && v !== undefined) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    }
    const binary = path.startsWith('/blob/') && req.method === 'PUT' && u.searchParams.get('comp') !== 'blocklist';
    const auth = authOf(req);
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(u.searchParams),
      headers,
      body: binary ? `<${body.length} bytes>` : body.toString('utf8'),
      auth: auth.kind,
      status: 0,
    };
    requests.push(record);
    const ctx: Ctx = { req, res, path, rawPath, query: u.searchParams, body, record };

    const rule = state.rules.find((r) => (!r.method || r.method === req.method) && (typeof r.path === 'string' ? r.path === path : r.path.test(path)));
    if (rule) {
      rule.times = (rule.times ?? 1) - 1;
      if (rule.times <= 0) state.rules.splice(state.rules.indexOf(rule), 1);
      return send(ctx, rule.status, rule.body ?? { message: `injected failure (${rule.status})`, documentation_url: DOCS, status: String(rule.status) }, rule.headers);
    }

    if (path.startsWith(TWIRP) && req.method === 'POST') return twirp(ctx, path.slice(TWIRP.length));
    if (path.startsWith('/blob/')) return blob(ctx);

    // Everything else is the API and needs an API token.
    const info = auth.secret ? state.tokens.get(auth.secret) : undefined;
    if (!info) {
      return send(ctx, 401, { message: auth.kind === 'none' ? 'Requires authentication' : 'Bad credentials', documentation_url: DOCS, status: '401' });
    }
    ctx.tokenInfo = info;
    record.login = info.login;
    if (req.method === 'POST' && rawPath === graphqlPath) return graphql(ctx);
    for (const [method, re, handler] of routes) {
      if (method !== req.method) continue;
      const m = re().exec(path);
      if (m) return handler(ctx, m);
    }
    notFound(ctx);
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        handle(req, res, Buffer.concat(chunks));
      } catch (e) {
        // A bug in the fake must show up as a loud 500, not as a hung request.
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake-github crashed: ${(e as Error).stack}`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    apiUrl: origin + prefix,
    resultsUrl: `${origin}/`,
    token,
    userToken,
    readOnlyToken,
    runtimeToken,
    currentRun,
    state,
    requests,
    addRun,
    addArtifact,
    addPull,
    addComment,
    runtimeTokenFor,
    inject: (rule) => void state.rules.push({ times: 1, ...rule }),
    env: () => ({
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: origin + prefix,
      GITHUB_GRAPHQL_URL: origin + graphqlPath,
      // @actions/artifact refuses GHES by host name: only a GHES fake claims a non-github.com server.
      GITHUB_SERVER_URL: opts.ghes ? origin : 'https://github.com',
      GITHUB_REPOSITORY: `${state.owner}/${state.repo}`,
      GITHUB_REPOSITORY_OWNER: state.owner,
      GITHUB_RUN_ID: String(currentRun.id),
      GITHUB_RUN_NUMBER: String(currentRun.runNumber),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_WORKFLOW_REF: `${state.owner}/${state.repo}/.github/workflows/${currentRun.workflowFile}@refs/heads/${currentRun.headBranch}`,
      GITHUB_SHA: currentRun.headSha,
      ACTIONS_RESULTS_URL: `${origin}/`,
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
