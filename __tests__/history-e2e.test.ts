/**
 * main's history and baseline integrity in the bundled action, against the loopback GitHub (one
 * fake across the steps, as GitHub keeps state across workflow runs) on a real checkout of the
 * actionmod fixture: each push run finds the previous baseline, carries its history.json forward
 * and uploads the trend page; a PR's comment shows main's trend for the flagged row; a baseline
 * artifact whose profile lost a byte is refused with the file named, as a corrupt artifact is.
 * The flagged row is Sum's allocations (0 → 1 per op, compared by value): no timing is judged.
 *
 * @lane measuring
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../src/github/zip.js';
import { sha256 } from '../src/store/checksums.js';
import {
  bundleAction,
  checkout,
  makeRepo,
  addBranchPull,
  pullRequestPayload,
  pushPayload,
  runStep,
  workflowRunPayload,
  type FixtureRepo,
} from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub, type FakeRun } from './helpers/fake-github.js';
import { benchName, benchNamePattern } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/actionmod');
const BUDGET = { count: '3', benchtime: '20x', threshold: '50', timeout: '2m', confirm: 'never', causal: 'off' };

let fake: FakeGitHub;
let work: string;
let entry: string;
let repo: FixtureRepo;
const pushes: FakeRun[] = [];
let steps = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-history-e2e-'));
  entry = await bundleAction(join(work, 'dist'));
  // `next` is the next commit on main (a docs change); `slower` the PR.
  repo = makeRepo(join(work, 'template'), join(FIXTURE, 'base'), {
    next: { 'NOTES.md': 'Notes only: no code changes.\n' },
    slower: join(FIXTURE, 'slower'),
  });
  fake = await startFakeGitHub();
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

function artifactFiles(runId: number, name: string): Map<string, Buffer> {
  const a = fake.state.artifacts.filter((x) => x.runId === runId && x.name === name && x.finalized).at(-1);
  if (!a) throw new Error(`run ${runId} has no artifact ${name}`);
  return new Map(readZip(fake.state.blobs.get(a.blobKey)!, name).map((e) => [e.path, Buffer.from(e.data)]));
}

/** A push to main at `branch`'s commit, as the runner runs the step. */
async function push(branch: string, before: string) {
  const dir = checkout(repo, join(work, `checkout-${++steps}`), branch);
  const run = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha[branch], status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
  const step = await runStep({
    fake,
    entry,
    workspace: dir,
    run,
    event: 'push',
    payload: pushPayload(fake, repo.sha[branch], before),
    sha: repo.sha[branch],
    ref: 'refs/heads/main',
    inputs: BUDGET,
  });
  run.status = 'completed';
  run.conclusion = 'success';
  pushes.push(run);
  return step;
}

async function pullStep(number: number, inputs: Record<string, string> = {}) {
  const pull = addBranchPull(fake, repo, number, 'slower');
  const dir = checkout(repo, join(work, `checkout-${++steps}`), 'slower');
  const run = fake.addRun({ event: 'pull_request', headBranch: 'slower', headSha: pull.headSha, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
  const step = await runStep({
    fake,
    entry,
    workspace: dir,
    run,
    event: 'pull_request',
    payload: pullRequestPayload(fake, { ...pull }),
    sha: pull.headSha,
    ref: `refs/pull/${number}/merge`,
    inputs: { ...BUDGET, ...inputs },
  });
  run.status = 'completed';
  run.conclusion = 'success';
  return { ...step, run };
}

describe('push runs on main keep its history', () => {
  test('the first: history.json starts with this run, run.json lists checksums, the trend page is uploaded', async () => {
    const step = await push('main', '0'.repeat(40));
    expect(step.code).toBe(0);
    const files = artifactFiles(pushes[0].id, 'benchgate-baseline');
    const run = JSON.parse(files.get('run.json')!.toString('utf8'));
    const profiles = Object.keys(run.checksums).filter((f) => f.endsWith('.pprof'));
    expect(profiles.length).toBeGreaterThan(0);
    const history = JSON.parse(files.get('history.json')!.toString('utf8'));
    expect(history.entries).toEqual([expect.objectContaining({ commit: repo.sha.main, runId: pushes[0].id })]);
    // The history is listed with the run's files, so the next run verifies what it carries forward.
    expect(run.checksums['history.json']).toBe(sha256(files.get('history.json')!));
    expect(step.stdout).toContain('benchgate: no previous baseline for the history');
    const page = artifactFiles(pushes[0].id, 'benchgate-history').get('history.html')!.toString('utf8');
    expect(page).toContain(`<h3>${benchName('Sum')}</h3>`);
    expect(step.summary).toContain('History: 1 run of `main` kept in the baseline; trend charts in the artifact `benchgate-history`.');
  });

  test('the next: the previous baseline is found and its history carried forward', async () => {
    const step = await push('next', repo.sha.main);
    expect(step.code).toBe(0);
    const artifact = fake.state.artifacts.find((a) => a.runId === pushes[0].id && a.name === 'benchgate-baseline')!;
    expect(step.calls).toContain(`GET /repos/octo-org/octo-repo/actions/artifacts/${artifact.id}/zip`);
    const history = JSON.parse(artifactFiles(pushes[1].id, 'benchgate-baseline').get('history.json')!.toString('utf8'));
    expect(history.entries.map((e: { commit: string; runId: number }) => [e.commit, e.runId])).toEqual([
      [repo.sha.main, pushes[0].id],
      [repo.sha.next, pushes[1].id],
    ]);
    const page = artifactFiles(pushes[1].id, 'benchgate-history').get('history.html')!.toString('utf8');
    for (const name of ['Hash', 'Join', 'Sum']) expect(page).toContain(`<h3>${benchName(name)}</h3>`);
    expect(page).toContain(repo.sha.main.slice(0, 7));
    expect(page).toContain(repo.sha.next.slice(0, 7));
    expect(step.summary).toContain('History: 2 runs of `main`');
  });
});

/** The flagged row of the comment's main table: Sum's allocations. */
function sumAllocsLine(body: string): string | undefined {
  return body.split('\n').find((l) => new RegExp(`^\\| 🔴 +\\| \`calc\` ${benchNamePattern('Sum')} +\\| allocs\\/op `).test(l));
}

describe('a pull request', () => {
  let prRun: FakeRun;
  test("the comment shows main's trend for the flagged row", async () => {
    const step = await pullStep(1);
    prRun = step.run;
    expect(step.outputs['baseline-run-id']).toBe(String(pushes[1].id));
    const comment = fake.state.comments.find((c) => c.issueNumber === 1)!;
    const lines = comment.body.split('\n');
    expect(lines.find((l) => l.startsWith('|') && l.includes('main trend'))).toBeDefined();
    // Sum's allocations were 0 on both runs of main: a flat line of two.
    expect(sumAllocsLine(comment.body)).toMatch(/\| ▄▄ +\|/);
  });

  test('mode: report under workflow_run renders the same trend from the history the report carries', async () => {
    const report = JSON.parse(artifactFiles(prRun.id, 'benchgate-report').get('report.json')!.toString('utf8'));
    expect(report.history.entries).toHaveLength(2);
    const run = fake.addRun({ event: 'workflow_run', headBranch: 'main', headSha: repo.sha.main, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
    const step = await runStep({
      fake,
      entry,
      workspace: checkout(repo, join(work, `checkout-${++steps}`), 'main'),
      run,
      event: 'workflow_run',
      payload: workflowRunPayload(fake, { id: prRun.id, headSha: repo.sha.slower, headBranch: 'slower' }),
      sha: repo.sha.main,
      ref: 'refs/heads/main',
      inputs: { mode: 'report' },
    });
    expect(step.code).toBe(0);
    const comment = fake.state.comments.find((c) => c.issueNumber === 1)!;
    expect(step.calls).toContain(`PATCH /repos/octo-org/octo-repo/issues/comments/${comment.id}`);
    expect(sumAllocsLine(comment.body)).toMatch(/\| ▄▄ +\|/);
  });

  test('a baseline whose profile changed by one byte is refused, naming the file, as a corrupt artifact is', async () => {
    const files = artifactFiles(pushes[1].id, 'benchgate-baseline');
    const run = JSON.parse(files.get('run.json')!.toString('utf8'));
    const profile = Object.keys(run.checksums).find((f) => f.endsWith('.pprof'))!;
    const bytes = Buffer.from(files.get(profile)!);
    bytes[bytes.length - 1] ^= 0xff;
    files.set(profile, bytes);
    const tampered = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha.next });
    fake.addArtifact(tampered.id, 'benchgate-tampered', { files: Object.fromEntries(files) });

    const step = await pullStep(2, { 'artifact-name': 'benchgate-tampered', baseline: 'artifact' });
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(
      new RegExp(`^::warning::benchgate: the baseline artifact of run ${tampered.id} is unusable \\(.*${profile.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: does not match the SHA-256`, 'm'),
    );
    expect(step.outputs.verdict).toBe('no-baseline');
  });
});

describe('a step in main’s history', () => {
  test('is named in the push run’s summary and shaded on the page', async () => {
    // The newest baseline carries a history in which Join's allocations went from 0.5 to 1 per op
    // four runs ago; the push run adds the fifth run at 1 (its real count), completing the window.
    const files = artifactFiles(pushes[1].id, 'benchgate-baseline');
    const join = benchName('Join');
    const entries = Array.from({ length: 9 }, (_, i) => ({
      commit: String(i).repeat(40),
      time: `2026-11-2${i}T10:00:00Z`,
      medians: { 'example.com/actionmod/calc': { [join]: { 'allocs/op': i < 5 ? 0.5 : 1 } } },
    }));
    files.set('history.json', Buffer.from(JSON.stringify({ schema: 1, entries })));
    // A baseline that carries this history: run.json lists its checksum (else it would be refused as tampered).
    const run = JSON.parse(files.get('run.json')!.toString('utf8'));
    run.checksums['history.json'] = sha256(files.get('history.json')!);
    files.set('run.json', Buffer.from(JSON.stringify(run)));
    const seeded = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha.next, createdAt: new Date().toISOString() });
    fake.addArtifact(seeded.id, 'benchgate-baseline', { files: Object.fromEntries(files) });

    const step = await push('next', repo.sha.next);
    expect(step.code).toBe(0);
    expect(step.summary).toContain('History: 10 runs of `main`');
    expect(step.summary).toContain('#### ⚠️ Step changes in the history: 1 benchmark moved (the last 5 runs against the 5 before)');
    expect(step.summary).toMatch(new RegExp(`^- 🔴 \`calc\` ${benchNamePattern('Join')} allocs/op: worse by \\+100\\.0% \\(\\S+ → \\S+, p=0\\.\\d+\\) after 4444444, by ${repo.sha.next.slice(0, 7)}`, 'm'));
    const page = artifactFiles(pushes[2].id, 'benchgate-history').get('history.html')!.toString('utf8');
    expect(page).toContain('<h2>Step changes</h2>');
    expect(page).toMatch(/<rect class="step"/);
  });
});
