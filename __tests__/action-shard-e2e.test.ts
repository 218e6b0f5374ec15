/**
 * A sharded suite in the action end to end: the bundled action on a git checkout of the benchmod
 * fixture (two packages, five benchmark functions), against the loopback fake GitHub. Each matrix
 * job is one step of the same workflow run (one run id, so the merge step finds the parts the shard
 * steps uploaded, as GitHub's REST API lists a run's artifacts while it is in progress).
 *
 * - push to main: 3 baseline shards + `mode: merge` → one baseline artifact with every benchmark,
 *   and main's history joined from the shards' (one trend page, uploaded by the merge);
 * - pull request: 3 shards (balanced by that baseline) + merge → one comment with every benchmark;
 * - pull request with shard 2 failed: the merge is `incomplete`, names the shard, and fails;
 * - a second sharded push carries the merged history forward, and a PR that allocates more in
 *   every function gets main's trend on its flagged rows, whichever shard measured them on main.
 *
 * Tiny budgets, a 500% threshold and only sec/op gated: nothing asserted rests on timings (the
 * flagged rows are allocations, compared by value).
 *
 * @lane measuring
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../src/github/zip.js';
import type { HistoryEntry } from '../src/history/history.js';
import { sha256 } from '../src/store/checksums.js';
import { bundleAction, checkout, makeRepo, addBranchPull, pullRequestPayload, pushPayload, runStep, type FixtureRepo, type StepResult } from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub, type FakePull, type FakeRun } from './helpers/fake-github.js';
import { leakEveryCall } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/benchmod');
const API = '/repos/octo-org/octo-repo';
/** sec/op only: 3 samples a side never make a significant U test; by-value units could differ between runs. */
const BUDGET = { 'gate-metrics': 'sec/op', count: '3', benchtime: '20x', threshold: '500', timeout: '2m', confirm: 'never', causal: 'off', profiles: 'none', duet: 'off' };
/** Every benchmark of the fixture, as the comment names them (without the -procs suffix). */
const BENCHMARKS = ['Parse', 'Parse/small', 'Parse/large', 'Testdata', 'Spin', 'Alloc'];

let fake: FakeGitHub;
let work: string;
let entry: string;
let repo: FixtureRepo;
let steps = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-action-shard-'));
  entry = await bundleAction(join(work, 'dist'));
  const leaky = (file: string, funcs: string[]) => leakEveryCall(readFileSync(join(FIXTURE, file), 'utf8'), funcs);
  repo = makeRepo(join(work, 'template'), FIXTURE, {
    docs: { 'NOTES.md': 'Notes only: no code changes.\n' },
    leaky: { 'alpha/alpha.go': leaky('alpha/alpha.go', ['Parse']), 'beta/beta.go': leaky('beta/beta.go', ['Parse', 'Spin', 'Copies']) },
  });
  fake = await startFakeGitHub();
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

function startRun(event: 'push' | 'pull_request', branch: string, sha: string): FakeRun {
  return fake.addRun({ event, headBranch: branch, headSha: sha, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
}

function finish(run: FakeRun, ok = true): void {
  run.status = 'completed';
  run.conclusion = ok ? 'success' : 'failure';
}

function artifactFiles(runId: number, name: string): Map<string, Buffer> {
  const a = fake.state.artifacts.filter((x) => x.runId === runId && x.name === name && x.finalized).at(-1);
  if (!a) throw new Error(`run ${runId} has no artifact ${name}`);
  return new Map(readZip(fake.state.blobs.get(a.blobKey)!, name).map((e) => [e.path, Buffer.from(e.data)]));
}

/** One job of a push workflow run: a shard (`shard: i/3`) or the merge. */
function pushJob(run: FakeRun, inputs: Record<string, string>): Promise<StepResult> {
  const dir = checkout(repo, join(work, `checkout-${++steps}`), 'main');
  return runStep({
    fake,
    entry,
    workspace: dir,
    run,
    event: 'push',
    payload: pushPayload(fake, repo.sha.main, '0'.repeat(40)),
    sha: repo.sha.main,
    ref: 'refs/heads/main',
    inputs: { ...BUDGET, ...inputs },
  });
}

function prJob(run: FakeRun, pull: FakePull, inputs: Record<string, string>): Promise<StepResult> {
  const dir = checkout(repo, join(work, `checkout-${++steps}`), pull.headRef);
  return runStep({
    fake,
    entry,
    workspace: dir,
    run,
    event: 'pull_request',
    payload: pullRequestPayload(fake, pull),
    sha: pull.headSha,
    ref: `refs/pull/${pull.number}/merge`,
    inputs: { ...BUDGET, ...inputs },
  });
}

const comments = (pr: number) => fake.state.comments.filter((c) => c.issueNumber === pr);

/** The benchmark functions of a history entry, as BENCHMARKS names them. */
const benchmarksOf = (e: HistoryEntry) => [...new Set(Object.values(e.medians).flatMap((names) => Object.keys(names).map((n) => n.replace(/^Benchmark|-\d+$/g, ''))))].sort();

describe('a sharded suite', () => {
  let pull: FakePull;
  let firstPush: FakeRun;

  test('push to main: 3 baseline shards, merged into one baseline artifact', async () => {
    const run = startRun('push', 'main', repo.sha.main);
    firstPush = run;
    for (const i of [1, 2, 3]) {
      const step = await pushJob(run, { shard: `${i}/3` });
      // No warnings: a shard leaves the trend page to the merge (the shards' uploads of one name would clash).
      expect({ i, code: step.code, out: step.stdout.match(/::(error|warning)::.*/g) }).toEqual({ i, code: 0, out: null });
      expect(fake.state.artifacts.some((a) => a.runId === run.id && a.name === `benchgate-baseline-shard-${i}-of-3` && a.finalized)).toBe(true);
    }
    const merge = await pushJob(run, { mode: 'merge' });
    finish(run);
    expect({ code: merge.code, out: merge.stdout.match(/::error::.*/g) }).toEqual({ code: 0, out: null });
    expect(merge.calls).toContain(`GET ${API}/actions/runs/${run.id}/artifacts`);
    expect(merge.summary).toContain('baseline merged from shards');
    const files = artifactFiles(run.id, 'benchgate-baseline');
    const stored = JSON.parse(files.get('run.json')!.toString('utf8'));
    expect(stored.shard).toBeUndefined();
    const names = new Set(stored.results.map((r: { name: string }) => r.name.replace(/-\d+$/, '')));
    expect([...names].sort()).toEqual([...BENCHMARKS].sort());
    // main's history: the shards' joined into one entry of this run with every benchmark, checksummed.
    expect(stored.checksums['history.json']).toBe(sha256(files.get('history.json')!));
    const history = JSON.parse(files.get('history.json')!.toString('utf8')) as { entries: HistoryEntry[] };
    expect(history.entries.map((e) => [e.commit, e.runId])).toEqual([[repo.sha.main, run.id]]);
    expect(benchmarksOf(history.entries[0])).toEqual([...BENCHMARKS].sort());
    expect(fake.state.artifacts.filter((a) => a.runId === run.id && a.name === 'benchgate-history' && a.finalized)).toHaveLength(1);
    expect(merge.summary).toContain('History: 1 run of `main` kept in the baseline; trend charts in the artifact `benchgate-history`.');
  }, 600_000);

  test('pull request: 3 shards balanced by the baseline + merge → one comment with every benchmark', async () => {
    pull = addBranchPull(fake, repo, 7, 'docs');
    const run = startRun('pull_request', 'docs', repo.sha.docs);
    for (const i of [1, 2, 3]) {
      const step = await prJob(run, pull, { shard: `${i}/3` });
      expect({ i, code: step.code, out: step.stdout.match(/::error::.*/g) }).toEqual({ i, code: 0, out: null });
      expect(step.summary).toMatch(new RegExp(`shard ${i}/3 measured[\\s\\S]*placed by the baseline's measured times`));
      expect(fake.state.artifacts.some((a) => a.runId === run.id && a.name === `benchgate-part-shard-${i}-of-3` && a.finalized)).toBe(true);
    }
    // The shards judge nothing and comment nothing.
    expect(comments(7)).toHaveLength(0);
    const merge = await prJob(run, pull, { mode: 'merge' });
    finish(run);
    expect({ code: merge.code, out: merge.stdout.match(/::error::.*/g) }).toEqual({ code: 0, out: null });
    expect(comments(7)).toHaveLength(1);
    const body = comments(7)[0].body;
    for (const b of BENCHMARKS) expect(body).toContain(b);
    expect(body).toContain('<!-- benchgate:. -->');
    expect(merge.outputs.verdict).toBe('pass');
    const report = JSON.parse(readFileSync(merge.outputs['report-json'], 'utf8'));
    const benchmarks = new Set(report.rows.map((r: { package: string; name: string }) => `${r.package} ${r.name.replace(/-\d+$/, '')}`));
    expect(benchmarks.size).toBe(6);
    expect(merge.summary).toContain('benchgate');
  }, 600_000);

  test('a failed shard: the merge is incomplete, names it, fails, and the comment says so', async () => {
    const run = startRun('pull_request', 'docs', repo.sha.docs);
    for (const i of [1, 3]) expect((await prJob(run, pull, { shard: `${i}/3` })).code).toBe(0);
    const merge = await prJob(run, pull, { mode: 'merge' });
    finish(run, false);
    expect(merge.code).not.toBe(0);
    expect(merge.outputs.verdict).toBe('incomplete');
    expect(merge.stdout).toMatch(/^::error::benchgate: incomplete, so no verdict on the whole suite: shard 2\/3: no result/m);
    expect(comments(7)).toHaveLength(1);
    expect(comments(7)[0].body).toMatch(/incomplete — 1 shard problem[\s\S]*shard 2\/3: no result/);
  }, 600_000);

  test("a second sharded push carries main's history; a PR against it gets the trend on rows of every shard", async () => {
    const push = startRun('push', 'main', repo.sha.main);
    for (const i of [1, 2, 3]) expect((await pushJob(push, { shard: `${i}/3` })).code).toBe(0);
    expect((await pushJob(push, { mode: 'merge' })).code).toBe(0);
    finish(push);
    const history = JSON.parse(artifactFiles(push.id, 'benchgate-baseline').get('history.json')!.toString('utf8')) as { entries: HistoryEntry[] };
    expect(history.entries.map((e) => e.runId)).toEqual([firstPush.id, push.id]);
    for (const e of history.entries) expect(benchmarksOf(e)).toEqual([...BENCHMARKS].sort());
    // Which baseline shard measured each benchmark function on main.
    const owner = new Map<string, number>();
    for (const i of [1, 2, 3]) {
      const part = JSON.parse(artifactFiles(push.id, `benchgate-baseline-shard-${i}-of-3`).get('run.json')!.toString('utf8')) as { results: { pkg: string; name: string }[] };
      for (const r of part.results) owner.set(`\`${r.pkg.split('/').pop()}\` ${r.name}`, i);
    }

    const leaky = addBranchPull(fake, repo, 8, 'leaky');
    const run = startRun('pull_request', 'leaky', repo.sha.leaky);
    for (const i of [1, 2, 3]) expect((await prJob(run, leaky, { shard: `${i}/3` })).code).toBe(0);
    const merge = await prJob(run, leaky, { mode: 'merge', comment: 'always' });
    finish(run);
    expect({ code: merge.code, out: merge.stdout.match(/::error::.*/g) }).toEqual({ code: 0, out: null });
    const lines = comments(8)[0].body.split('\n');
    const cells = (l: string) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
    const header = lines.findIndex((l) => l.startsWith('|') && cells(l).includes('benchmark'));
    const cols = cells(lines[header]);
    expect(cols).toContain('main trend');
    const flagged = lines
      .slice(header + 2)
      .filter((l) => l.startsWith('|'))
      .map(cells)
      .filter((c) => c[cols.indexOf('metric')] === 'allocs/op');
    // Parse/large, Testdata, beta's Parse and Spin at least (allocations, by value).
    expect(flagged.length).toBeGreaterThanOrEqual(4);
    for (const c of flagged) expect({ row: c[cols.indexOf('benchmark')], trend: c[cols.indexOf('main trend')] }).toEqual({ row: c[cols.indexOf('benchmark')], trend: expect.stringMatching(/^[▁-█]{2}$/) });
    // The trends come from more than one shard's part of main's history.
    const shards = new Set(flagged.map((c) => owner.get(c[cols.indexOf('benchmark')])));
    expect(shards.has(undefined)).toBe(false);
    expect(shards.size).toBeGreaterThanOrEqual(2);
  }, 900_000);
});
