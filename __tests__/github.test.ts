/**
 * The GitHub edge against the loopback fake GitHub, over real HTTP: @actions/artifact uploads
 * through the fake results service and blob storage, our client finds and downloads baselines,
 * keeps one sticky comment, and survives the failures GitHub really produces.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { DefaultArtifactClient } from '@actions/artifact';
import { join } from 'node:path';
import {
  BaselineUnavailable,
  createGitHubClient,
  stickyMarker,
  workflowFromRef,
  type GitHubClient,
  type GitHubLog,
} from '../src/github/index.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { writeZip } from './helpers/zip-writer.js';

const lines: string[] = [];
const log: GitHubLog = {
  info: (m) => lines.push(`info: ${m}`),
  warning: (m) => lines.push(`warning: ${m}`),
  debug: (m) => lines.push(`debug: ${m}`),
};
const stdout: string[] = [];
const FAST = { baseDelayMs: 5, maxWaitMs: 5000, timeoutMs: 10_000 };

let fake: FakeGitHub;
let work: string;
let realWrite: typeof process.stdout.write;
const savedEnv = { ...process.env };

function client(token = fake.token, extra: Partial<Parameters<typeof createGitHubClient>[0]> = {}): GitHubClient {
  return createGitHubClient({ token, apiUrl: fake.apiUrl, owner: 'octo-org', repo: 'octo-repo', log, retry: FAST, ...extra });
}

/** Acts as the given run for @actions/artifact, which reads its configuration from the environment. */
function runAs(token: string): void {
  process.env.ACTIONS_RUNTIME_TOKEN = token;
  process.env.ACTIONS_RESULTS_URL = fake.resultsUrl;
  process.env.GITHUB_SERVER_URL = 'https://github.com';
}

beforeAll(async () => {
  fake = await startFakeGitHub();
  work = await mkdtemp(join(tmpdir(), 'benchgate-github-'));
  // @actions/core writes to stdout; keep it to check that no secret reaches the job log either.
  realWrite = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
});

afterAll(async () => {
  process.stdout.write = realWrite;
  process.env = savedEnv;
  await fake.close();
  await rm(work, { recursive: true, force: true });
});

describe('baseline artifact: upload, find, download', () => {
  const NAME = 'benchgate-baseline';
  let files: Record<string, Buffer>;
  let uploadedId = 0;
  let baselineRunId = 0;

  beforeAll(async () => {
    // History of the base branch, oldest first.
    const old = fake.addRun({ headBranch: 'main' });
    fake.addArtifact(old.id, NAME, { files: { 'run.json': '{"old":true}' } });
    const stale = fake.addRun({ headBranch: 'main' });
    fake.addArtifact(stale.id, NAME, { files: { 'run.json': '{}' }, expired: true });
    const failed = fake.addRun({ headBranch: 'main', conclusion: 'failure' });
    fake.addArtifact(failed.id, NAME, { files: { 'run.json': '{"failed":true}' } });

    // The push run that uploads the baseline.
    const pushRun = fake.addRun({ headBranch: 'main', status: 'in_progress', conclusion: null });
    baselineRunId = pushRun.id;
    const dir = join(work, 'upload');
    await mkdir(join(dir, 'profiles', 'parser'), { recursive: true });
    files = {
      'run.json': Buffer.from(JSON.stringify({ schema: 1, commit: pushRun.headSha })),
      'profiles/parser/cpu.pprof': Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 251)),
      'bench.txt': Buffer.from('BenchmarkParse-2  20  1234 ns/op\n'),
    };
    for (const [path, data] of Object.entries(files)) await writeFile(join(dir, ...path.split('/')), data);
    runAs(fake.runtimeTokenFor(pushRun));
    const up = await client().uploadArtifact({
      name: NAME,
      files: Object.keys(files).map((p) => join(dir, ...p.split('/'))),
      rootDir: dir,
      retentionDays: 30,
    });
    if (!up.ok) throw new Error(`upload failed: ${up.message}`);
    uploadedId = up.id;
    pushRun.status = 'completed';
    pushRun.conclusion = 'success';

    // Newer runs that must be skipped: a page and a half of runs without the artifact,
    // a release-branch run and a PR run that have one.
    for (let i = 0; i < 14; i++) fake.addRun({ headBranch: 'main' });
    const release = fake.addRun({ headBranch: 'release' });
    fake.addArtifact(release.id, NAME, { files: { 'run.json': '{"release":true}' } });
    const pr = fake.addRun({ headBranch: 'main', event: 'pull_request' });
    fake.addArtifact(pr.id, NAME, { files: { 'run.json': '{"pr":true}' } });
  });

  test('the upload went through the results service and block blob upload', () => {
    const paths = fake.requests.map((r) => `${r.method} ${r.path}${r.query.comp ? `?comp=${r.query.comp}` : ''}`);
    const twirp = '/twirp/github.actions.results.api.v1.ArtifactService';
    expect(paths).toContain(`POST ${twirp}/CreateArtifact`);
    expect(paths.some((p) => p.startsWith('PUT /blob/') && p.endsWith('?comp=block'))).toBe(true);
    expect(paths.some((p) => p.startsWith('PUT /blob/') && p.endsWith('?comp=blocklist'))).toBe(true);
    expect(paths).toContain(`POST ${twirp}/FinalizeArtifact`);
    const create = fake.requests.find((r) => r.path === `${twirp}/CreateArtifact`)!;
    expect(JSON.parse(create.body)).toMatchObject({ name: NAME, version: 7 });
  });

  test('finds the newest successful push run on the branch with a live artifact, across pages', async () => {
    const before = fake.requests.length;
    const found = await client().findBaselineArtifact({
      workflow: workflowFromRef(fake.env().GITHUB_WORKFLOW_REF),
      branch: 'main',
      artifactName: NAME,
      excludeRunId: fake.currentRun.id,
      perPage: 10,
    });
    expect(found).toMatchObject({ ok: true, artifact: { runId: baselineRunId, artifactId: uploadedId, artifactName: NAME } });
    const calls = fake.requests.slice(before);
    const runPages = calls.filter((r) => r.path.endsWith('/actions/workflows/bench.yml/runs'));
    expect(runPages.map((r) => r.query.page ?? '1')).toEqual(['1', '2']);
    expect(runPages[0].query).toMatchObject({ branch: 'main', status: 'success' });
    // The API takes one event: the baseline events (push, schedule, workflow_dispatch) are kept here.
    expect(runPages[0].query.event).toBeUndefined();
    // Never looked at the release or PR runs' artifacts.
    const listed = calls.filter((r) => /\/actions\/runs\/\d+\/artifacts$/.test(r.path)).map((r) => Number(r.path.split('/')[6]));
    const skipped = fake.state.runs.filter((r) => r.headBranch !== 'main' || r.event !== 'push').map((r) => r.id);
    expect(listed.filter((id) => skipped.includes(id))).toEqual([]);
  });

  test('downloads the artifact byte for byte, fetching the blob without the token', async () => {
    const dest = join(work, 'download');
    const res = await client().downloadArtifact({ artifactId: uploadedId, dest });
    expect(res.files.sort()).toEqual(Object.keys(files).sort());
    for (const [path, data] of Object.entries(files)) {
      expect(Buffer.compare(await readFile(join(dest, ...path.split('/'))), data)).toBe(0);
    }
    const zipCall = fake.requests.filter((r) => r.path.endsWith(`/actions/artifacts/${uploadedId}/zip`)).at(-1)!;
    expect(zipCall.status).toBe(302);
    const blobGet = fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/blob/')).at(-1)!;
    expect(blobGet.auth).toBe('none');
  });

  test('the fake results service also serves the SDK own-run download (ListArtifacts, GetSignedArtifactURL)', async () => {
    const run = fake.state.runs.find((r) => r.id === baselineRunId)!;
    runAs(fake.runtimeTokenFor(run));
    const dest = join(work, 'sdk-download');
    await new DefaultArtifactClient().downloadArtifact(uploadedId, { path: dest });
    expect(Buffer.compare(await readFile(join(dest, 'run.json')), files['run.json'])).toBe(0);
  });

  test('says why there is no baseline: only expired, none by that name, no runs', async () => {
    const c = client();
    const stale = fake.addRun({ headBranch: 'stale-branch' });
    fake.addArtifact(stale.id, NAME, { files: { 'run.json': '{}' }, expired: true });
    await expect(c.findBaselineArtifact({ workflow: 'bench.yml', branch: 'stale-branch', artifactName: NAME })).resolves.toMatchObject({ ok: false, reason: 'expired' });
    await expect(c.findBaselineArtifact({ workflow: 'bench.yml', branch: 'main', artifactName: 'other-name' })).resolves.toMatchObject({ ok: false, reason: 'none' });
    await expect(c.findBaselineArtifact({ workflow: 'bench.yml', branch: 'no-such-branch', artifactName: NAME })).resolves.toMatchObject({ ok: false, reason: 'no-runs' });
  });

  test('finds an artifact of one run by name (workflow_run report mode)', async () => {
    const found = await client().findRunArtifact({ runId: baselineRunId, artifactName: NAME });
    expect(found).toMatchObject({ ok: true, artifact: { runId: baselineRunId, artifactId: uploadedId } });
    const run = fake.state.runs.find((r) => r.id === baselineRunId)!;
    expect(found.ok && found.artifact.headSha).toBe(run.headSha);
    await expect(client().findRunArtifact({ runId: baselineRunId, artifactName: 'missing' })).resolves.toMatchObject({ ok: false, reason: 'none' });
  });

  test('a second upload under the same name in one run is a conflict, not a throw', async () => {
    const run = fake.state.runs.find((r) => r.id === baselineRunId)!;
    runAs(fake.runtimeTokenFor(run));
    const dir = join(work, 'upload');
    const up = await client().uploadArtifact({ name: NAME, files: [join(dir, 'run.json')], rootDir: dir });
    expect(up).toMatchObject({ ok: false, reason: 'conflict' });
  });
});

describe('which runs record baselines, and under which names', () => {
  // A workflow of its own, so these runs do not mix with the history above.
  const WF = 'nightly.yml';
  const find = (artifactName: string, fallbackNames?: string[]) =>
    client().findBaselineArtifact({ workflow: WF, branch: 'main', artifactName, fallbackNames, excludeRunId: fake.currentRun.id });

  test('schedule and workflow_dispatch runs on the base branch count, as push runs do; PR runs do not', async () => {
    const pushed = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'push' });
    fake.addArtifact(pushed.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    const scheduled = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'schedule' });
    fake.addArtifact(scheduled.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    await expect(find('benchgate-baseline')).resolves.toMatchObject({ ok: true, artifact: { runId: scheduled.id } });

    const dispatched = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'workflow_dispatch' });
    fake.addArtifact(dispatched.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    await expect(find('benchgate-baseline')).resolves.toMatchObject({ ok: true, artifact: { runId: dispatched.id } });

    // A fork's PR from its own `main` is listed under branch main too: never a baseline.
    const forkPr = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'pull_request' });
    fake.addArtifact(forkPr.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    await expect(find('benchgate-baseline')).resolves.toMatchObject({ ok: true, artifact: { runId: dispatched.id } });
  });

  test('a per-directory name is preferred; the older bare name is found in runs from before it', async () => {
    const before = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'push' });
    fake.addArtifact(before.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    await expect(find('benchgate-baseline-a', ['benchgate-baseline'])).resolves.toMatchObject({
      ok: true,
      artifact: { runId: before.id, artifactName: 'benchgate-baseline' },
    });
    // Without the fallback, that run has nothing for directory a.
    await expect(find('benchgate-baseline-a')).resolves.toMatchObject({ ok: false, reason: 'none' });
    await expect(find('benchgate-baseline-a', ['benchgate-baseline-x'])).resolves.toMatchObject({
      ok: false,
      message: expect.stringContaining('none with an artifact named "benchgate-baseline-a" or "benchgate-baseline-x"'),
    });

    // A newer run uploads both modules under their own names: a's own artifact wins over a bare one.
    const after = fake.addRun({ workflowFile: WF, headBranch: 'main', event: 'push' });
    const own = fake.addArtifact(after.id, 'benchgate-baseline-a', { files: { 'run.json': '{}' } });
    fake.addArtifact(after.id, 'benchgate-baseline-b', { files: { 'run.json': '{}' } });
    fake.addArtifact(after.id, 'benchgate-baseline', { files: { 'run.json': '{}' } });
    await expect(find('benchgate-baseline-a', ['benchgate-baseline'])).resolves.toMatchObject({
      ok: true,
      artifact: { runId: after.id, artifactId: own.id, artifactName: 'benchgate-baseline-a' },
    });
  });
});

describe('download failures become BaselineUnavailable', () => {
  const dest = () => join(work, `dl-${Math.random().toString(36).slice(2)}`);

  test('corrupt zip', async () => {
    const run = fake.addRun({ headBranch: 'main' });
    const good = writeZip({ 'run.json': '{"schema":1}'.repeat(50) });
    const broken = Buffer.from(good);
    broken[40] ^= 0xff; // inside the deflated data of the only entry
    for (const zip of [Buffer.from('this is not a zip'), broken, good.subarray(0, good.length - 30)]) {
      const art = fake.addArtifact(run.id, `corrupt-${zip.length}`, { zip });
      const err = await client().downloadArtifact({ artifactId: art.id, dest: dest() }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BaselineUnavailable);
      expect((err as BaselineUnavailable).reason).toBe('corrupt');
    }
  });

  test('expired (410) and missing (404)', async () => {
    const run = fake.addRun({ headBranch: 'main' });
    const art = fake.addArtifact(run.id, 'gone', { files: { a: 'b' }, expired: true });
    await expect(client().downloadArtifact({ artifactId: art.id, dest: dest() })).rejects.toMatchObject({ reason: 'expired' });
    await expect(client().downloadArtifact({ artifactId: 42, dest: dest() })).rejects.toMatchObject({ reason: 'not-found' });
  });

  test('zip entries that would escape the destination are refused', async () => {
    const run = fake.addRun({ headBranch: 'main' });
    const art = fake.addArtifact(run.id, 'evil', { zip: writeZip({ '../../escape.txt': 'x' }) });
    await expect(client().downloadArtifact({ artifactId: art.id, dest: dest() })).rejects.toMatchObject({ reason: 'corrupt' });
  });
});

describe('upload failures are results, never throws', () => {
  const dir = () => join(work, 'upload');

  test('outside Actions (no runtime token)', async () => {
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    const up = await client().uploadArtifact({ name: 'x', files: [join(dir(), 'run.json')], rootDir: dir() });
    expect(up).toMatchObject({ ok: false, reason: 'no-runtime' });
  });

  test('storage quota reached', async () => {
    runAs(fake.runtimeToken);
    fake.inject({
      method: 'POST',
      path: '/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact',
      status: 403,
      body: { code: 'resource_exhausted', msg: 'insufficient usage to create artifact' },
    });
    const up = await client().uploadArtifact({ name: 'quota', files: [join(dir(), 'run.json')], rootDir: dir() });
    expect(up).toMatchObject({ ok: false, reason: 'quota' });
  });

  test('GHES', async () => {
    runAs(fake.runtimeToken);
    process.env.GITHUB_SERVER_URL = 'https://ghe.example.internal';
    const up = await client().uploadArtifact({ name: 'ghes', files: [join(dir(), 'run.json')], rootDir: dir() });
    expect(up).toMatchObject({ ok: false, reason: 'ghes' });
  });
});

describe('sticky comment', () => {
  const PR = 7;
  beforeAll(() => {
    fake.addPull({ number: PR });
    // Enough chatter that our comment lands on the second page.
    for (let i = 0; i < 120; i++) fake.addComment({ issueNumber: PR, body: `comment ${i}`, login: 'someone' });
    // A human quoting our marker must not be overwritten.
    fake.addComment({ issueNumber: PR, body: `look: ${stickyMarker('.')} hm`, login: 'octocat' });
  });

  const mine = () => fake.state.comments.filter((c) => c.issueNumber === PR && c.login === 'github-actions[bot]');

  test('created, then updated in place; other authors and other directories left alone', async () => {
    const c = client();
    const first = await c.upsertStickyComment({ issueNumber: PR, marker: stickyMarker('.'), body: 'v1' });
    expect(first).toMatchObject({ ok: true, action: 'created' });
    expect(mine()).toHaveLength(1);
    expect(mine()[0].body).toBe(`${stickyMarker('.')}\nv1`);

    for (let i = 0; i < 5; i++) fake.addComment({ issueNumber: PR, body: `later ${i}`, login: 'someone' });
    const second = await client().upsertStickyComment({ issueNumber: PR, marker: stickyMarker('.'), body: `${stickyMarker('.')}\nv2` });
    expect(second).toMatchObject({ ok: true, action: 'updated' });
    expect(second.ok && first.ok && second.id === first.id).toBe(true);
    expect(mine().map((m) => m.body)).toEqual([`${stickyMarker('.')}\nv2`]);
    expect(fake.state.comments.find((x) => x.login === 'octocat')!.body).toBe(`look: ${stickyMarker('.')} hm`);

    const other = await c.upsertStickyComment({ issueNumber: PR, marker: stickyMarker('services/api'), body: 'api' });
    expect(other).toMatchObject({ ok: true, action: 'created' });
    expect(mine()).toHaveLength(2);
  });

  test('the token login comes from GraphQL viewer, which works for installation tokens', async () => {
    expect(await client().tokenLogin()).toBe('github-actions[bot]');
    expect(await client(fake.userToken).tokenLogin()).toBe('octocat');
    // Without GraphQL: PATs fall back to GET /user, installation tokens (403 there) to the Actions bot.
    fake.inject({ method: 'POST', path: '/graphql', status: 400, times: 2 });
    expect(await client(fake.userToken).tokenLogin()).toBe('octocat');
    expect(await client().tokenLogin()).toBe('github-actions[bot]');
    expect(fake.requests.filter((r) => r.path === '/user').map((r) => r.status)).toEqual([200, 403]);
  });

  test('a read-only token (fork PR) gets a forbidden result, not a throw', async () => {
    const res = await client(fake.readOnlyToken).upsertStickyComment({ issueNumber: PR, marker: stickyMarker('.'), body: 'x' });
    expect(res).toMatchObject({ ok: false, forbidden: true });
  });

  test('a body over 65,536 characters is refused before any request', async () => {
    const before = fake.requests.length;
    await expect(client().upsertStickyComment({ issueNumber: PR, marker: stickyMarker('.'), body: 'x'.repeat(65537) })).rejects.toMatchObject({
      code: 'comment-too-long',
    });
    expect(fake.requests.length).toBe(before);
  });

  test('a POST that failed with 5xx is not repeated (it may have created the comment)', async () => {
    fake.addPull({ number: 8 });
    fake.inject({ method: 'POST', path: '/repos/octo-org/octo-repo/issues/8/comments', status: 502 });
    await expect(client().upsertStickyComment({ issueNumber: 8, marker: stickyMarker('.'), body: 'x' })).rejects.toMatchObject({ status: 502 });
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/8/comments'))).toHaveLength(1);
  });
});

describe('pull request data', () => {
  beforeAll(() => {
    fake.addPull({
      number: 11,
      labels: ['benchmark', 'perf-ok'],
      files: Array.from({ length: 250 }, (_, i) => ({
        filename: `pkg/f${i}.go`,
        additions: 1,
        deletions: 1,
        ...(i === 3 ? {} : { patch: `@@ -1 +1 @@\n-a${i}\n+b${i}` }),
      })),
    });
    fake.addPull({ number: 12, headRepoFullName: 'contributor/octo-repo' });
  });

  test('files across pages, a missing patch stays undefined', async () => {
    const { files, truncated } = await client().listPullFiles(11);
    expect(files).toHaveLength(250);
    expect(truncated).toBe(false);
    expect(files[0]).toEqual({ filename: 'pkg/f0.go', status: 'modified', additions: 1, deletions: 1, patch: '@@ -1 +1 @@\n-a0\n+b0' });
    expect(files[3].patch).toBeUndefined();
    expect(fake.requests.filter((r) => r.path.endsWith('/pulls/11/files')).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  test('refs, labels and fork detection', async () => {
    const c = client();
    const pr = await c.getPull(11);
    expect(pr).toMatchObject({ number: 11, baseRef: 'main', isFork: false, labels: ['benchmark', 'perf-ok'], changedFiles: 250 });
    expect(pr.headSha).toMatch(/^[0-9a-f]{40}$/);
    expect(await c.getPullLabels(11)).toEqual(['benchmark', 'perf-ok']);
    expect(await c.getPull(12)).toMatchObject({ isFork: true, headRepoFullName: 'contributor/octo-repo' });
  });
});

describe('retries', () => {
  test('a 5xx is retried, then succeeds', async () => {
    fake.inject({ method: 'GET', path: '/repos/octo-org/octo-repo/pulls/11', status: 503, times: 2 });
    expect(await client().getPull(11)).toMatchObject({ number: 11 });
    expect(fake.requests.filter((r) => r.path === '/repos/octo-org/octo-repo/pulls/11').slice(-3).map((r) => r.status)).toEqual([503, 503, 200]);
  });

  test('429 with Retry-After is honoured', async () => {
    fake.inject({ method: 'GET', path: '/repos/octo-org/octo-repo/issues/11/labels', status: 429, headers: { 'retry-after': '1' } });
    const before = lines.length;
    const start = Date.now();
    expect(await client().getPullLabels(11)).toEqual(['benchmark', 'perf-ok']);
    // A lower bound only: load can make the wait longer, never shorter.
    expect(Date.now() - start).toBeGreaterThanOrEqual(950);
    expect(lines.slice(before)).toEqual(expect.arrayContaining([expect.stringMatching(/retrying in 1000 ms/)]));
  });

  test('a secondary rate limit asking for longer than we may wait fails fast with the reason', async () => {
    fake.inject({
      method: 'GET',
      path: '/repos/octo-org/octo-repo/issues/11/labels',
      status: 403,
      headers: { 'retry-after': '600' },
      body: { message: 'You have exceeded a secondary rate limit.', documentation_url: 'https://docs.github.com' },
    });
    const before = lines.length;
    const sent = fake.requests.length;
    await expect(client().getPullLabels(11)).rejects.toMatchObject({ status: 403 });
    // Fast means no retry and no wait: one request, and no "retrying in" line (not a wall-clock
    // budget, which a busy machine can exceed without any waiting).
    expect(fake.requests.slice(sent).map((r) => `${r.status} ${r.path}`)).toEqual(['403 /repos/octo-org/octo-repo/issues/11/labels']);
    expect(lines.slice(before).filter((l) => /retrying in/.test(l))).toEqual([]);
  });

  test('persistent 5xx gives up after the bounded attempts', async () => {
    fake.inject({ method: 'GET', path: '/repos/octo-org/octo-repo/pulls/12', status: 500, times: 10 });
    await expect(client(fake.token, { retry: { ...FAST, maxAttempts: 3 } }).getPull(12)).rejects.toMatchObject({ code: 'github-api', status: 500 });
    expect(fake.requests.filter((r) => r.path === '/repos/octo-org/octo-repo/pulls/12' && r.status === 500)).toHaveLength(3);
    fake.state.rules.length = 0;
  });
});

test('GHES: REST under /api/v3, GraphQL at /api/graphql', async () => {
  const ghes = await startFakeGitHub({ ghes: true });
  try {
    const c = createGitHubClient({ token: ghes.token, apiUrl: ghes.apiUrl, owner: 'octo-org', repo: 'octo-repo', log, retry: FAST });
    const run = ghes.addRun({ headBranch: 'main' });
    const art = ghes.addArtifact(run.id, 'benchgate-baseline', { files: { 'run.json': '{"ghes":true}' } });
    const found = await c.findBaselineArtifact({ workflow: 'bench.yml', branch: 'main', artifactName: 'benchgate-baseline' });
    expect(found).toMatchObject({ ok: true, artifact: { artifactId: art.id } });
    const dest = join(work, 'ghes');
    await c.downloadArtifact({ artifactId: art.id, dest });
    expect(await readFile(join(dest, 'run.json'), 'utf8')).toBe('{"ghes":true}');
    ghes.addPull({ number: 1 });
    await expect(c.upsertStickyComment({ issueNumber: 1, marker: stickyMarker('.'), body: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(ghes.requests.some((r) => r.path === '/api/graphql')).toBe(true);
    expect(ghes.requests.every((r) => r.status < 400)).toBe(true);
  } finally {
    await ghes.close();
  }
});

test('bad credentials are a clear error, and no secret reaches any log line', async () => {
  const bad = 'ghp_thisTokenIsWrong0123456789abcdef';
  await expect(client(bad).getPull(11)).rejects.toMatchObject({ status: 401 });
  const secrets = [fake.token, fake.userToken, fake.readOnlyToken, fake.runtimeToken, bad];
  const all = [...lines, ...stdout].join('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const s of secrets) expect(all).not.toContain(s);
  // The fake never records credentials either.
  expect(JSON.stringify(fake.requests)).not.toContain(fake.token);
});
