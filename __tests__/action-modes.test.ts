/**
 * The action's modes in-process, as actions/typescript-action tests its `run()`: only @actions/core
 * is replaced (by a recorder of outputs, log lines, the summary and the failure), everything else is
 * ours and real, talking to the loopback GitHub. No Go runs here: the modes are driven to the
 * branches that need none (report mode from a seeded artifact, compare mode without a baseline,
 * the refusals, merge mode from seeded parts); action-e2e.test.ts runs the whole flow with Go.
 */
import { jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { toJsonReport } from '../src/report/json.js';
import { readZip } from '../src/github/zip.js';
import type { History } from '../src/history/history.js';
import { carryHistory, writeHistory } from '../src/history/store.js';
import { writeComparePart } from '../src/shard/parts.js';
import { sha256 } from '../src/store/checksums.js';
import { saveRun } from '../src/store/dir.js';
import type { BenchResult, CompareReport, Run } from '../src/types.js';
import { actionDefaults, makeRepo, pullRequestPayload, workflowRunPayload, type FixtureRepo } from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { report, row } from './helpers/reports.js';
import { repoFromFixture } from './helpers/repo.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'actionmod');

/** What the step did through @actions/core. */
const step = {
  inputs: {} as Record<string, string>,
  outputs: {} as Record<string, unknown>,
  log: [] as string[],
  summary: '',
  failed: undefined as string | undefined,
};

const core = {
  getInput: (name: string) => step.inputs[name] ?? '',
  setSecret: () => {},
  setOutput: (name: string, value: unknown) => void (step.outputs[name] = value),
  info: (m: string) => void step.log.push(m),
  debug: () => {},
  notice: (m: string) => void step.log.push(`::notice::${m}`),
  warning: (m: string) => void step.log.push(`::warning::${m}`),
  error: (m: string) => void step.log.push(`::error::${m}`),
  setFailed: (m: string) => void (step.failed = m),
  summary: {
    addRaw(text: string) {
      step.summary += text;
      return this;
    },
    async write() {
      return this;
    },
  },
};
jest.unstable_mockModule('@actions/core', () => core);
const { run } = await import('../src/action/main.js');
const { decideVerdict } = await import('../src/action/publish.js');

let fake: FakeGitHub;
let work: string;
let repo: FixtureRepo;
const savedEnv = { ...process.env };
const PR = 12;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-action-modes-'));
  repo = makeRepo(join(work, 'repo'), join(FIXTURE, 'base'), { slower: join(FIXTURE, 'slower') });
  fake = await startFakeGitHub();
  fake.addPull({ number: PR, headSha: repo.sha.slower, headRef: 'slower', baseSha: repo.sha.main, baseRef: 'main' });
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  process.env = { ...savedEnv };
});

/** Runs the action in-process on an event, with action.yml's defaults under `inputs`. */
async function act(
  event: string,
  payload: Record<string, unknown>,
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<typeof step> {
  Object.assign(step, { outputs: {}, log: [], summary: '', failed: undefined });
  step.inputs = { ...actionDefaults(), 'github-token': fake.token, ...inputs };
  const temp = mkdtempSync(join(work, 'runner-'));
  const eventPath = join(temp, 'event.json');
  writeFileSync(eventPath, JSON.stringify(payload));
  process.env = {
    ...savedEnv,
    ...fake.env(),
    GITHUB_EVENT_NAME: event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKSPACE: repo.dir,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_STEP_SUMMARY: join(temp, 'summary'),
    RUNNER_TEMP: temp,
    ...env,
  };
  await run();
  return step;
}

/** A finished pull_request run of PR 12 that left a result artifact with this report. */
function seedResult(r: CompareReport, extra: Record<string, unknown> = {}): number {
  const prRun = fake.addRun({ event: 'pull_request', headBranch: 'slower', headSha: repo.sha.slower, status: 'completed', conclusion: 'success' });
  fake.addArtifact(prRun.id, 'benchgate-report', {
    files: {
      'report.json': toJsonReport(r, { pr: PR, headSha: repo.sha.slower, baseline: { source: 'rerun', ref: 'main' }, ...extra }),
      'report.md': '(not read: the comment is rendered anew)',
      'benchgate-result.json': JSON.stringify({ schema: 1, pr: PR, headSha: repo.sha.slower }),
    },
  });
  return prRun.id;
}

const reportOn = (runId: number) => act('workflow_run', workflowRunPayload(fake, { id: runId, headSha: repo.sha.slower, headBranch: 'slower' }));

describe('the verdict output: one decision for every mode', () => {
  test.each([
    [0, false, 'pass'],
    [0, true, 'incomplete'],
    [2, false, 'regression'],
    [2, true, 'regression'],
  ] as const)('%d regressions, incomplete %s: %s', (regressions, incomplete, verdict) => {
    expect(decideVerdict({ regressions, incomplete })).toBe(verdict);
  });
});

describe('report mode (workflow_run), from the result artifact', () => {
  test('failed packages in the PR run: incomplete, as compare mode said, and the comment names them', async () => {
    const runId = seedResult(report([row('BenchmarkSum', 'unchanged')]), { incomplete: ['head: example.com/m/broken: build failed'] });
    const s = await reportOn(runId);
    expect(s.failed).toBeUndefined();
    expect(s.outputs).toMatchObject({ verdict: 'incomplete', regressions: 0, improvements: 0, 'comment-url': expect.stringContaining('#issuecomment-') });
    expect(fake.state.comments.at(-1)?.body).toContain('example.com/m/broken');
  });

  test('a regression: regression, whatever else failed', async () => {
    const runId = seedResult(report([row('BenchmarkSum', 'regression')]), { incomplete: ['head: example.com/m/broken: build failed'] });
    const s = await reportOn(runId);
    expect(s.outputs).toMatchObject({ verdict: 'regression', regressions: 1 });
  });

  test('all measured, nothing moved: pass', async () => {
    const s = await reportOn(seedResult(report([row('BenchmarkSum', 'unchanged'), row('BenchmarkJoin', 'improvement')])));
    expect(s.outputs).toMatchObject({ verdict: 'pass', regressions: 0, improvements: 1 });
  });

  test('a run that left no artifact: no-baseline, nothing commented', async () => {
    const other = fake.addRun({ event: 'pull_request', headBranch: 'slower', headSha: repo.sha.slower, status: 'completed', conclusion: 'success' });
    const before = fake.state.comments.length;
    const s = await reportOn(other.id);
    expect(s.outputs).toEqual({ verdict: 'no-baseline' });
    expect(s.failed).toBeUndefined();
    expect(fake.state.comments.length).toBe(before);
  });

  test('mode report without a workflow_run event fails, saying what it needs', async () => {
    const s = await act('push', {}, { mode: 'report' });
    expect(s.failed).toMatch(/^benchgate: mode report needs a workflow_run event/);
    expect(s.outputs).toEqual({ verdict: 'incomplete' });
    expect(s.summary).toContain('benchgate could not finish');
  });
});

describe('compare mode with no baseline to compare with', () => {
  test('baseline: artifact and none found: the check passes with the no-baseline comment', async () => {
    const payload = pullRequestPayload(fake, { number: PR, headSha: repo.sha.slower, headRef: 'slower', baseSha: repo.sha.main });
    const s = await act('pull_request', payload, { baseline: 'artifact', comment: 'always' });
    expect(s.failed).toBeUndefined();
    expect(s.outputs).toMatchObject({ verdict: 'no-baseline', regressions: 0, improvements: 0, 'comment-url': expect.any(String) });
    expect(s.summary).toMatch(/^### ⚪ benchgate: no baseline yet/);
    expect(fake.state.comments.at(-1)?.body).toBe(s.summary);
  });

  test('base-ref with baseline: artifact is refused as a usage error', async () => {
    const s = await act('pull_request', {}, { 'base-ref': 'main', baseline: 'artifact' });
    expect(s.failed).toMatch(/base-ref names a commit to run here: it takes baseline rerun \(or auto\), not artifact/);
    expect(s.outputs).toEqual({ verdict: 'incomplete' });
  });
});

/** Every file under `dir`, by its path relative to `dir`: an artifact's content. */
function filesOf(dir: string): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name));
  }
  return out;
}

/** The files of the newest finalized artifact of that name in that run. */
function artifactOf(runId: number, name: string): Map<string, Buffer> {
  const a = fake.state.artifacts.filter((x) => x.runId === runId && x.name === name && x.finalized).at(-1);
  if (!a) throw new Error(`run ${runId} has no artifact ${name}`);
  return new Map(readZip(fake.state.blobs.get(a.blobKey)!, name).map((e) => [e.path, Buffer.from(e.data)]));
}

describe('merge mode (pull request), from the parts this run uploaded', () => {
  const PKG = 'example.com/m/calc';
  const env = { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'Linux' };
  /** Six distinct samples around `seconds`: a doubling between sides is a significant regression. */
  const samples = (seconds: number): BenchResult[] =>
    [0, 1, 2, 3, 4, 5].map((i) => ({ pkg: PKG, name: 'Sum-2', config: {}, iterations: 1000, values: [{ unit: 'sec/op', value: seconds * (1 + i / 1000) }] }));
  const storedRun = (results: BenchResult[], over: Partial<Run> = {}): Run => ({
    schema: 1,
    commit: repo.sha.main,
    ref: 'main',
    time: '2026-11-01T00:00:00Z',
    env,
    packages: [],
    results,
    units: {},
    incomplete: false,
    ...over,
  });

  test("the stored baseline's history gives the comment the trend column, as in compare mode", async () => {
    const dir = mkdtempSync(join(work, 'parts-'));
    // The baseline artifact a shard downloaded: run.json and the history of main it carries.
    const baseDir = join(dir, 'baseline');
    mkdirSync(baseDir);
    const medians = [1, 1.2, 0.9, 1.1];
    const history = {
      schema: 1,
      entries: medians.map((m, i) => ({ commit: `${i}`.repeat(40), time: `2026-10-0${i + 1}T00:00:00Z`, medians: { [PKG]: { 'Sum-2': { 'sec/op': m * 1e-3 } } } })),
    };
    writeFileSync(join(baseDir, 'history.json'), JSON.stringify(history));
    const base = storedRun(samples(1e-3));
    await saveRun(base, baseDir);
    const shard = { index: 1, count: 1, planned: [{ pkg: PKG }], suite: 'suite', units: 1, method: 'hash' as const };
    const head = storedRun(samples(2e-3), { commit: repo.sha.slower, ref: 'pull/12', shard });
    const headDir = join(dir, 'head');
    await saveRun(head, headDir);
    const partDir = join(dir, 'part');
    await writeComparePart(partDir, {
      base: { run: base, dir: baseDir },
      head: { run: head, dir: headDir },
      meta: { baseline: { source: 'artifact', ref: 'main', commit: repo.sha.main, runId: 5 }, baseIsStored: true, rounds: 6 },
    });
    fake.addArtifact(fake.currentRun.id, 'benchgate-part-shard-1-of-1', { files: filesOf(partDir) });

    const payload = pullRequestPayload(fake, { number: PR, headSha: repo.sha.slower, headRef: 'slower', baseSha: repo.sha.main });
    const s = await act('pull_request', payload, { mode: 'merge', confirm: 'never', causal: 'off', comment: 'always' });
    expect(s.outputs).toMatchObject({ verdict: 'regression', regressions: 1 });
    const body = fake.state.comments.at(-1)!.body;
    // The row's trend: main's four runs and a column for it, in the comment and the summary alike.
    expect(body).toMatch(/\| main trend \|/);
    expect(body).toMatch(/\| ▃█▁▆ +\|/);
    expect(s.summary).toMatch(/\| main trend \|/);
  });
});

describe('merge mode (push to main), from the baseline shards this run uploaded', () => {
  const env = { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'x', gomaxprocs: 2, runnerOs: 'Linux' };
  const PKGS = ['example.com/m/alpha', 'example.com/m/beta'];

  test("the merged baseline carries the union of the shards' histories; the merge job publishes the trend page", async () => {
    const dir = mkdtempSync(join(work, 'baseline-parts-'));
    // The previous merged baseline: two runs of main, each with both shards' benchmarks.
    const previous = join(dir, 'previous');
    const both = (a: number, b: number): Record<string, Record<string, Record<string, number>>> => ({ [PKGS[0]]: { 'X-2': { 'sec/op': a } }, [PKGS[1]]: { 'Y-2': { 'sec/op': b } } });
    await writeHistory(previous, {
      schema: 1,
      entries: [
        { commit: '1'.repeat(40), time: '2026-10-01T00:00:00Z', runId: 1, medians: both(1, 10) },
        { commit: '2'.repeat(40), time: '2026-10-02T00:00:00Z', runId: 2, medians: both(2, 20) },
      ],
    });
    const base: Run = { schema: 1, commit: '2'.repeat(40), ref: 'main', time: '2026-10-02T00:00:00Z', env, packages: [], results: [], units: {}, incomplete: false };
    await saveRun(base, previous);
    // Each shard job carried it forward with its own share of this run appended (recordBaselineHistory).
    for (const i of [1, 2]) {
      const shard = { index: i, count: 2, planned: [{ pkg: PKGS[i - 1] }], suite: 'suite', units: 2, method: 'hash' as const };
      const name = i === 1 ? 'X-2' : 'Y-2';
      const results: BenchResult[] = [{ pkg: PKGS[i - 1], name, config: {}, iterations: 1, values: [{ unit: 'sec/op', value: 3 * 10 ** (i - 1) }] }];
      const r: Run = { ...base, commit: repo.sha.main, time: `2026-10-03T00:00:0${i}Z`, results, shard };
      const at = join(dir, `shard-${i}`);
      const carried = await carryHistory({ previousDir: previous, previousRunId: 2, run: r, runId: fake.currentRun.id });
      await writeHistory(at, carried.history);
      await saveRun(r, at);
      fake.addArtifact(fake.currentRun.id, `benchgate-baseline-sharded-shard-${i}-of-2`, { files: filesOf(at) });
    }

    const s = await act('push', {}, { mode: 'merge', 'working-directory': 'sharded' });
    expect(s.failed).toBeUndefined();
    expect(s.log.filter((l) => l.startsWith('::warning::'))).toEqual([]);
    const files = artifactOf(fake.currentRun.id, 'benchgate-baseline-sharded');
    const run = JSON.parse(files.get('run.json')!.toString('utf8')) as Run;
    expect(run.checksums?.['history.json']).toBe(sha256(files.get('history.json')!));
    const history = JSON.parse(files.get('history.json')!.toString('utf8')) as History;
    expect(history.entries.map((e) => [e.runId, e.medians[PKGS[0]]['X-2']['sec/op'], e.medians[PKGS[1]]['Y-2']['sec/op']])).toEqual([
      [1, 1, 10],
      [2, 2, 20],
      [fake.currentRun.id, 3, 30],
    ]);
    // One trend page for the suite, from the merge job, with both shards' benchmarks.
    const page = artifactOf(fake.currentRun.id, 'benchgate-history-sharded').get('history.html')!.toString('utf8');
    for (const name of ['X-2', 'Y-2']) expect(page).toContain(name);
    expect(s.summary).toContain('History: 3 runs of `main` kept in the baseline; trend charts in the artifact `benchgate-history-sharded`.');
    expect(s.log).toContain('benchgate: history: 3 run(s), joined from 2 of 2 part(s)');
  });
});

describe('baseline mode (push to main)', () => {
  test('a package that does not build: the baseline is recorded from the rest, verdict incomplete, the failure named', async () => {
    const broken = repoFromFixture(join(work, 'broken'), join(ROOT, '__tests__', 'fixtures', 'broken'));
    const s = await act(
      'push',
      {},
      { packages: './fine ./nobuild', count: '1', benchtime: '1x', profiles: 'none' },
      { GITHUB_WORKSPACE: broken.dir, GITHUB_SHA: broken.sha.main },
    );
    expect(s.failed).toBeUndefined();
    expect(s.outputs).toMatchObject({ verdict: 'incomplete', regressions: 0, improvements: 0 });
    expect(s.log.some((l) => /^::warning::benchgate: .*nobuild/.test(l))).toBe(true);
    expect(s.summary).toMatch(/baseline recorded for .*incomplete: .*nobuild/s);
  }, 300_000);
});

describe('modes refused before anything runs', () => {
  test('pull_request_target, saying what to do instead', async () => {
    const s = await act('pull_request_target', {});
    expect(s.failed).toMatch(/^benchgate: refusing to run under pull_request_target/);
    expect(s.outputs).toEqual({ verdict: 'incomplete' });
  });

  test('mode auto on an event it does not know: set the mode input', async () => {
    const s = await act('issue_comment', {});
    expect(s.failed).toMatch(/mode auto does not know what to do on a issue_comment event: set the mode input/);
  });

  test('mode auto on a push to another branch than the base', async () => {
    const s = await act('push', {}, {}, { GITHUB_REF: 'refs/heads/feature' });
    expect(s.failed).toMatch(/records baselines only on pushes to main, not/);
  });
});
