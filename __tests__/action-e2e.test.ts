/**
 * The GitHub Action end to end: the bundled `dist/index.js` runs as the runner runs it, on a real
 * git checkout of a tiny Go module (__tests__/fixtures/actionmod), against the loopback fake
 * GitHub. One fake holds the state across the steps, as GitHub does across workflow runs: the push
 * to main records the baseline once, and the pull request runs find and reuse it.
 *
 * @lane measuring
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../src/github/zip.js';
import {
  bundleAction,
  checkout,
  git as gitIn,
  makeRepo,
  addBranchPull,
  pullRequestPayload,
  pushPayload,
  runStep,
  schedulePayload,
  workflowRunPayload,
  type FixtureRepo,
  type StepResult,
} from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub, type FakePull, type FakeRun } from './helpers/fake-github.js';
import { benchName, benchNamePattern } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/actionmod');
const API = '/repos/octo-org/octo-repo';
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService';
/**
 * Tiny Go budgets; 6 samples a side is the fewest at which a Mann–Whitney p survives FDR over 9 rows.
 * The verdicts asserted do not rest on timings, which a loaded machine moves by several times at
 * these budgets: the planted Sum allocates (0 → 1 allocs/op) and the doctored Join's allocations are
 * compared by value.
 */
const BUDGET = { count: '6', benchtime: '20x', 'confirm-rounds': '6', threshold: '50', timeout: '2m' };
/** Benchmark names as Go prints them on this machine (`Sum-2` with GOMAXPROCS 2). */
const SUM = benchNamePattern('Sum');
const JOIN = benchNamePattern('Join');

let fake: FakeGitHub;
let work: string;
let entry: string;
let repo: FixtureRepo;
let baselineRun: FakeRun;
let steps = 0;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-action-e2e-'));
  entry = await bundleAction(join(work, 'dist'));
  repo = makeRepo(join(work, 'template'), join(FIXTURE, 'base'), {
    slower: join(FIXTURE, 'slower'),
    docs: { 'NOTES.md': 'Notes only: no code changes.\n' },
  });
  fake = await startFakeGitHub();
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

/** A workflow run of `bench.yml` in progress, as the runner starts one for an event. */
function startRun(event: 'push' | 'pull_request' | 'workflow_run' | 'schedule', branch: string, sha: string): FakeRun {
  return fake.addRun({ event, headBranch: branch, headSha: sha, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
}

function finish(run: FakeRun): void {
  run.status = 'completed';
  run.conclusion = 'success';
}

/** A pull request from `branch` into main, known to the fake (files, labels) and checked out. */
function openPull(number: number, branch: string, opts: { labels?: string[]; fork?: string } = {}): { pull: FakePull; dir: string } {
  const pull = addBranchPull(fake, repo, number, branch, opts);
  return { pull, dir: checkout(repo, join(work, `checkout-${++steps}`), branch) };
}

async function prStep(
  pull: FakePull,
  dir: string,
  inputs: Record<string, string>,
  opts: { token?: string; fork?: string } = {},
): Promise<StepResult & { run: FakeRun }> {
  const run = startRun('pull_request', pull.headRef, pull.headSha);
  const result = await runStep({
    fake,
    entry,
    workspace: dir,
    run,
    event: 'pull_request',
    payload: pullRequestPayload(fake, { ...pull, labels: pull.labels, fork: opts.fork }),
    sha: pull.headSha,
    ref: `refs/pull/${pull.number}/merge`,
    inputs: { ...BUDGET, ...inputs },
    token: opts.token,
  });
  finish(run);
  return { ...result, run };
}

function commentsOn(pr: number) {
  return fake.state.comments.filter((c) => c.issueNumber === pr);
}

/** The token only ever reaches the log in the runner's own `::add-mask::` command. */
function expectNoTokenLeak(step: StepResult, token = fake.token): void {
  const unmasked = step.stdout.split('\n').filter((l) => l.includes(token) && l !== `::add-mask::${token}`);
  expect(unmasked).toEqual([]);
  expect(step.stderr).not.toContain(token);
  expect(step.summary).not.toContain(token);
  expect(JSON.stringify(step.outputs)).not.toContain(token);
  // Blob storage is reached through signed URLs: the token must not travel there.
  expect(step.requests.filter((r) => r.path.startsWith('/blob/') && r.auth !== 'none')).toEqual([]);
}

/** The newest artifact of a run by name, unpacked as the fake stores it. */
function artifactFiles(runId: number, name: string): Map<string, Buffer> {
  const a = fake.state.artifacts.filter((x) => x.runId === runId && x.name === name && x.finalized).at(-1);
  if (!a) throw new Error(`run ${runId} has no artifact ${name}`);
  return new Map(readZip(fake.state.blobs.get(a.blobKey)!, name).map((e) => [e.path, Buffer.from(e.data)]));
}

describe('a push to main', () => {
  test('records the baseline: benchmarks run and the run is uploaded as an artifact', async () => {
    const dir = checkout(repo, join(work, `checkout-${++steps}`), 'main');
    baselineRun = startRun('push', 'main', repo.sha.main);
    const step = await runStep({
      fake,
      entry,
      workspace: dir,
      run: baselineRun,
      event: 'push',
      payload: pushPayload(fake, repo.sha.main, '0'.repeat(40)),
      sha: repo.sha.main,
      ref: 'refs/heads/main',
      inputs: BUDGET,
    });
    finish(baselineRun);

    expect(step.code).toBe(0);
    expect(step.calls).toEqual(expect.arrayContaining([`POST ${TWIRP}/CreateArtifact`, `POST ${TWIRP}/FinalizeArtifact`]));
    const files = artifactFiles(baselineRun.id, 'benchgate-baseline');
    const stored = JSON.parse(files.get('run.json')!.toString('utf8'));
    expect(stored).toMatchObject({ schema: 1, commit: repo.sha.main });
    const names = new Set(stored.results.map((r: { name: string }) => r.name.replace(/-\d+$/, '')));
    expect([...names].sort()).toEqual(['Hash', 'Join', 'Sum']);
    expect(stored.results.filter((r: { name: string }) => r.name.startsWith('Sum'))).toHaveLength(6);
    expect(step.summary).toMatch(/baseline recorded for [0-9a-f]{7}/);
    expect(step.outputs.verdict).toBe('pass');
    expectNoTokenLeak(step);
  });
});

describe('a pull request against the baseline artifact', () => {
  test('a real slowdown: baseline downloaded, suspect confirmed in alternating rounds, comment created, step fails', async () => {
    const { pull, dir } = openPull(1, 'slower');
    const step = await prStep(pull, dir, {});
    const artifact = fake.state.artifacts.find((a) => a.runId === baselineRun.id && a.name === 'benchgate-baseline')!;

    expect(step.calls).toEqual(
      expect.arrayContaining([
        `GET ${API}/actions/workflows/bench.yml/runs`,
        `GET ${API}/actions/runs/${baselineRun.id}/artifacts`,
        `GET ${API}/actions/artifacts/${artifact.id}/zip`,
        `POST ${API}/issues/1/comments`,
        `POST ${TWIRP}/CreateArtifact`,
      ]),
    );
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(new RegExp(`^::error::benchgate: \\d+ regression\\(s\\) in gated metrics:.*calc ${SUM} allocs\\/op`, 'm'));
    expect(step.stdout).toContain('Waive with the label "benchgate-accept" if the slowdown is intended.');
    // An annotation on the changed function the profiles blame.
    expect(step.stdout).toMatch(
      new RegExp(`^::warning title=benchgate%3A ${SUM} allocs\\/op[^,]*,file=calc\\/calc.go,line=\\d+,endLine=\\d+::example.com\\/actionmod\\/calc.Sum is the likely cause`, 'm'),
    );
    // The confirmation re-ran only the suspect, in alternating rounds against the merge base.
    // Sum at least; on a loaded machine another benchmark can be a suspect too.
    expect(step.stdout).toMatch(new RegExp(`confirming \\d+ suspect benchmark\\(s\\) in 6 alternating rounds against ${repo.sha.main}`));

    const [comment] = commentsOn(1);
    expect(commentsOn(1)).toHaveLength(1);
    expect(comment.body).toContain('<!-- benchgate:. -->');
    expect(comment.body).toMatch(/merge blocked/);
    expect(comment.body).toMatch(new RegExp(`\`calc\` ${SUM} allocs\\/op: confirmed by alternating rounds`));
    expect(comment.body).toContain(`baseline artifact of \`main\` @ ${repo.sha.main.slice(0, 7)}`);
    // The job summary carries the same report.
    expect(step.summary).toContain('merge blocked');

    expect(step.outputs).toMatchObject({
      verdict: 'regression',
      'baseline-run-id': String(baselineRun.id),
      'comment-url': `${fake.url}/octo-org/octo-repo/pull/1#issuecomment-${comment.id}`,
    });
    expect(Number(step.outputs.regressions)).toBeGreaterThanOrEqual(1);
    const report = JSON.parse(readFileSync(step.outputs['report-json'], 'utf8'));
    const sumRow = report.rows.find((r: { name: string; unit: string }) => r.name === benchName('Sum') && r.unit === 'allocs/op');
    expect(sumRow).toMatchObject({ verdict: 'regression', confirmed: true });
    // The GC and scheduler breakdown (diagnose: true by default), with the binaries confirmation built.
    expect(Object.keys(sumRow.diagnosis.base)).toContain('gcCyclesPerOp');
    expect(sumRow.diagnosis.head.gcCyclesPerOp).not.toBeNull();
    expect(comment.body).toMatch(/\| GC and scheduler +\| +base \| +this PR \|/);
    expect(comment.body).toMatch(/^GC and scheduler: .+\.$/m);
    expectNoTokenLeak(step);
  });

  test('the next run on the PR updates the same comment, and the accept label waives the gate', async () => {
    const pull = fake.state.pulls.get(1)!;
    pull.labels = ['benchgate-accept'];
    const dir = checkout(repo, join(work, `checkout-${++steps}`), 'slower');
    const step = await prStep(pull, dir, { confirm: 'never' });

    const [comment] = commentsOn(1);
    expect(commentsOn(1)).toHaveLength(1);
    expect(step.calls).toContain(`PATCH ${API}/issues/comments/${comment.id}`);
    expect(step.calls).not.toContain(`POST ${API}/issues/1/comments`);
    expect(step.code).toBe(0);
    expect(step.stdout).toMatch(/^::warning::benchgate: \d+ regression\(s\) waived by the label "benchgate-accept"/m);
    expect(step.stdout).not.toMatch(/^::error::/m);
    expect(comment.body).toContain('waived by label `benchgate-accept`');
    expect(step.outputs.verdict).toBe('regression');
    expect(step.outputs['comment-url']).toContain(`#issuecomment-${comment.id}`);
    expectNoTokenLeak(step);
  });

  test('a suspect that alternating rounds clear does not fail the step', async () => {
    // A baseline whose Join allocations were doctored to none: against it the PR looks like a Join
    // regression (0 → 1 allocs/op), but the code did not change. Fresh alternating rounds count one
    // allocation per op on both sides, compared by value, so they clear it however busy the
    // machine is. (Doctored timings could instead be left unconfirmed by a loaded machine.)
    const files = artifactFiles(baselineRun.id, 'benchgate-baseline');
    const run = JSON.parse(files.get('run.json')!.toString('utf8'));
    const joins = run.results.filter((r: { name: string }) => r.name === benchName('Join'));
    expect(joins).toHaveLength(6);
    for (const r of joins) {
      const v = r.values.find((x: { unit: string }) => x.unit === 'allocs/op');
      expect(v.value).toBe(1);
      v.value = 0;
    }
    files.set('run.json', Buffer.from(JSON.stringify(run)));
    const doctoredRun = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha.main });
    fake.addArtifact(doctoredRun.id, 'benchgate-doctored', { files: Object.fromEntries(files) });

    const { pull, dir } = openPull(2, 'docs');
    // Only Join runs, and only allocs/op is gated: timings against a baseline recorded at another
    // time are suspects of their own on a loaded test machine, and this test is about the doctored one.
    const step = await prStep(pull, dir, { 'artifact-name': 'benchgate-doctored', bench: '^BenchmarkJoin$', 'gate-metrics': 'allocs/op' });

    expect(step.outputs['baseline-run-id']).toBe(String(doctoredRun.id));
    expect(step.stdout).toMatch(/confirming 1 suspect benchmark\(s\) in 6 alternating rounds/);
    // The gate's reasons, if any, make a failure readable.
    expect({ code: step.code, errors: step.stdout.match(/^::error::.*$/gm) }).toEqual({ code: 0, errors: null });
    const [comment] = commentsOn(2);
    expect(comment.body).toMatch(new RegExp(`\`calc\` ${JOIN} allocs\\/op: cleared by alternating rounds`));
    const report = JSON.parse(readFileSync(step.outputs['report-json'], 'utf8'));
    expect(report.rows.find((r: { name: string; unit: string }) => r.name === benchName('Join') && r.unit === 'allocs/op')).toMatchObject({
      verdict: 'unchanged',
      screen: { verdict: 'regression' },
      confirmed: false,
      confirmation: { verdict: 'unchanged' },
    });
    expect(step.outputs.verdict).toBe('pass');
    expect(step.outputs.regressions).toBe('0');
    expectNoTokenLeak(step);
  });
});

describe('no usable baseline artifact: the merge base is run here instead', () => {
  test('none at all: both sides run in alternating rounds, the slowdown fails the step', async () => {
    const { pull, dir } = openPull(3, 'slower');
    const step = await prStep(pull, dir, { 'artifact-name': 'benchgate-never-uploaded' });

    expect(step.calls).toContain(`GET ${API}/actions/workflows/bench.yml/runs`);
    expect(step.calls.filter((c) => c.endsWith('/zip'))).toEqual([]);
    expect(step.stdout).toMatch(/no usable baseline artifact: .*none with an artifact named "benchgate-never-uploaded"/);
    expect(step.stdout).toContain('running the merge base and this PR in 6 alternating rounds');
    // Regressions found in alternating rounds are not re-run (only screened suspects would be):
    // Sum's is counted as it stands, with no confirmation.
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(new RegExp(`^::error::benchgate: .*calc ${SUM} allocs\\/op`, 'm'));
    const report = JSON.parse(readFileSync(step.outputs['report-json'], 'utf8'));
    expect(report.rows.find((r: { name: string; unit: string }) => r.name === benchName('Sum') && r.unit === 'allocs/op')).toMatchObject({
      verdict: 'regression',
      confirmed: null,
      confirmation: null,
    });
    const [comment] = commentsOn(3);
    expect(comment.body).toMatch(/Compared against `main` @ [0-9a-f]{7}, run here in alternating rounds/);
    expect(step.outputs.verdict).toBe('regression');
    expect(step.outputs['baseline-run-id']).toBeUndefined();
    expectNoTokenLeak(step);
  });

  test('on the merge commit of a base that moved on, the diff comes from git: its lines match the profiles', async () => {
    // main gains a function above Sum after the PR branched, and the runner checks out GitHub's
    // merge commit: there Sum sits 8 lines lower than in the PR head, whose lines the API's
    // patches number. Matched by those, the profile's Sum frames would miss the changed function.
    const dir = checkout(repo, join(work, `checkout-${++steps}`), 'main');
    const calc = join(dir, 'calc/calc.go');
    const above = '// Negate flips the signs.\nfunc Negate(xs []int) {\n\tfor i := range xs {\n\t\txs[i] = -xs[i]\n\t}\n}\n\n';
    writeFileSync(calc, readFileSync(calc, 'utf8').replace('// Sum adds the numbers.', above + '// Sum adds the numbers.'));
    gitIn(dir, 'commit', '-qam', 'main: Negate');
    const moved = gitIn(dir, 'rev-parse', 'HEAD');
    gitIn(dir, 'merge', '-q', '--no-ff', '--no-edit', 'slower');
    const merge = gitIn(dir, 'rev-parse', 'HEAD');
    const sumStart = readFileSync(calc, 'utf8').split('\n').indexOf('func Sum(xs []int) int {') + 1;
    const pull = addBranchPull(fake, repo, 7, 'slower', { baseSha: moved });
    const step = await prStep(pull, dir, { 'artifact-name': 'benchgate-never-uploaded', bench: '^BenchmarkSum$', 'fail-on': 'none' });

    expect(step.code).toBe(0);
    expect(step.stdout).toContain('HEAD is the merge commit; taking the diff from git');
    expect(step.calls.filter((c) => c.includes('/pulls/7/files'))).toEqual([]);
    const [comment] = commentsOn(7);
    expect(sumStart).toBeGreaterThan(12);
    expect(comment.body).toMatch(new RegExp('`calc\\.Sum` ✏️ \\[calc\\.go L' + sumStart + '–'));
    // The link shows the lines where they are: in the merge commit, not the PR head.
    expect(comment.body).toContain(`/blob/${merge}/calc/calc.go#L${sumStart}-L`);
    expectNoTokenLeak(step);
  });

  test.each([
    ['an expired', 'expired', { expired: true }, /every "benchgate-expired" artifact .* has expired/],
    ['a corrupt', 'corrupt', { zip: Buffer.from('PK\u0003\u0004 this is not a zip archive at all') }, /baseline artifact of run \d+ is unusable \(artifact \d+: not a readable zip: not a zip archive/],
  ] as const)('%s artifact: a warning, then the rerun', async (_, kind, content, warning) => {
    const pushRun = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha.main });
    fake.addArtifact(pushRun.id, `benchgate-${kind}`, content);
    const pull = fake.state.pulls.get(3)!;
    const dir = checkout(repo, join(work, `checkout-${++steps}`), 'slower');
    const step = await prStep(pull, dir, { 'artifact-name': `benchgate-${kind}`, count: '2', bench: 'Join', comment: 'never', 'fail-on': 'none' });

    const warnings = step.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
    expect(step.stdout).toContain('running the merge base and this PR in 2 alternating rounds');
    expect(step.code).toBe(0);
    expect(step.outputs.verdict).toBe('pass');
    expectNoTokenLeak(step);
  });
});

describe('a pull request from a fork, then `mode: report` under workflow_run', () => {
  const FORK = 'contributor/octo-repo';
  let forkRun: FakeRun;

  test('the read-only token gets 403 on the comment: a warning, the summary and the report artifact stay', async () => {
    const { pull, dir } = openPull(4, 'slower', { fork: FORK });
    const step = await prStep(pull, dir, { confirm: 'never', 'fail-on': 'none' }, { token: fake.readOnlyToken, fork: FORK });
    forkRun = step.run;

    expect(step.requests.find((r) => r.method === 'POST' && r.path === `${API}/issues/4/comments`)?.status).toBe(403);
    expect(commentsOn(4)).toEqual([]);
    expect(step.stdout).toMatch(/^::warning::benchgate: the comment was not posted: the token may not write comments \(403\)/m);
    expect(step.code).toBe(0);
    expect(step.summary).toContain(benchName('Sum'));
    const files = artifactFiles(forkRun.id, 'benchgate-report');
    // And the flame graph of every row report.json gives one (whether a row at these budgets gets one
    // depends on its profiles' samples; flamegraph-e2e checks one that must).
    const flames = (JSON.parse(files.get('report.json')!.toString('utf8')) as { rows: { flamegraph: string | null }[] }).rows.flatMap((r) =>
      r.flamegraph ? [r.flamegraph] : [],
    );
    expect([...files.keys()].sort()).toEqual(['benchgate-result.json', 'report.json', 'report.md', ...flames].sort());
    expect(JSON.parse(files.get('benchgate-result.json')!.toString('utf8'))).toMatchObject({ pr: 4, headSha: repo.sha.slower });
    expect(step.outputs.verdict).toBe('regression');
    expect(step.outputs['comment-url']).toBeUndefined();
    expectNoTokenLeak(step, fake.readOnlyToken);
  });

  async function reportStep(payload: Record<string, unknown>): Promise<StepResult> {
    const run = startRun('workflow_run', 'main', repo.sha.main);
    const step = await runStep({
      fake,
      entry,
      workspace: checkout(repo, join(work, `checkout-${++steps}`), 'main'),
      run,
      event: 'workflow_run',
      payload,
      sha: repo.sha.main,
      ref: 'refs/heads/main',
      inputs: { mode: 'report' },
    });
    finish(run);
    return step;
  }

  test('downloads the fork run’s report as data, checks the head SHA, and comments', async () => {
    const step = await reportStep(workflowRunPayload(fake, { id: forkRun.id, headSha: repo.sha.slower, headBranch: 'slower' }));

    expect(step.calls).toEqual(
      expect.arrayContaining([
        `GET ${API}/actions/runs/${forkRun.id}/artifacts`,
        `GET ${API}/pulls/4`,
        `POST ${API}/issues/4/comments`,
      ]),
    );
    expect(step.calls.some((c) => /^GET \/repos\/.*\/actions\/artifacts\/\d+\/zip$/.test(c))).toBe(true);
    // Nothing of the PR's code runs here: no Go at all.
    expect(step.stdout).not.toMatch(/running package/);
    expect(step.code).toBe(0);
    const [comment] = commentsOn(4);
    expect(comment.login).toBe('github-actions[bot]');
    // Rendered anew from the validated JSON, with the verdict the PR run reached.
    expect(comment.body).toMatch(/regressions? in 3 benchmarks/);
    expect(comment.body).toMatch(new RegExp(`🔴 \\|\\s+\`calc\` ${SUM}\\s+\\|\\s+allocs\\/op`));
    expect(comment.body).toContain('<!-- benchgate:. -->');
    expect(step.outputs).toMatchObject({ verdict: 'regression', 'comment-url': expect.stringContaining(`#issuecomment-${comment.id}`) });
    expectNoTokenLeak(step);
  });

  test('a run for an older head of the PR does not comment', async () => {
    const pull = fake.state.pulls.get(4)!;
    const before = commentsOn(4).map((c) => c.body);
    pull.headSha = 'f'.repeat(40);
    try {
      const step = await reportStep(workflowRunPayload(fake, { id: forkRun.id, headSha: repo.sha.slower, headBranch: 'slower' }));
      expect(step.calls.filter((c) => /\/comments/.test(c) && !c.startsWith('GET'))).toEqual([]);
      expect(step.stdout).toMatch(/^::notice::benchgate: PR #4 has moved on to fffffff/m);
      expect(step.code).toBe(0);
      expect(commentsOn(4).map((c) => c.body)).toEqual(before);
    } finally {
      pull.headSha = repo.sha.slower;
    }
  });

  test('an artifact that claims another head than its run fails without commenting', async () => {
    const files = artifactFiles(forkRun.id, 'benchgate-report');
    files.set('benchgate-result.json', Buffer.from(JSON.stringify({ schema: 1, pr: 4, headSha: repo.sha.slower })));
    const other = fake.addRun({ event: 'pull_request', headBranch: 'other', headSha: 'e'.repeat(40) });
    fake.addArtifact(other.id, 'benchgate-report', { files: Object.fromEntries(files) });
    const before = commentsOn(4).map((c) => c.body);

    const step = await reportStep(workflowRunPayload(fake, { id: other.id, headSha: other.headSha, headBranch: 'other' }));
    expect(step.calls.filter((c) => /\/comments/.test(c) && !c.startsWith('GET'))).toEqual([]);
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(/^::error::benchgate: the artifact claims PR #4 at [0-9a-f]{7}, but run \d+ was for eeeeeee/m);
    expect(commentsOn(4).map((c) => c.body)).toEqual(before);
  });
});

describe('what a user trips over', () => {
  test('pull_request_target is refused before anything runs, saying what to do instead', async () => {
    const pull = fake.addPull({ number: 30, headSha: repo.sha.slower, headRef: 'slower', baseSha: repo.sha.main });
    const run = startRun('pull_request', pull.headRef, pull.headSha);
    const step = await runStep({
      fake,
      entry,
      workspace: checkout(repo, join(work, `checkout-${++steps}`), 'main'),
      run,
      event: 'pull_request_target',
      payload: pullRequestPayload(fake, pull),
      sha: repo.sha.main,
      ref: 'refs/heads/main',
      inputs: BUDGET,
    });
    finish(run);
    expect(step.code).toBe(1);
    expect(step.stdout).toMatch(/^::error::benchgate: refusing to run under pull_request_target: .*allow-pull-request-target: true/m);
    expect(step.stdout).not.toMatch(/running package|alternating rounds/);
    expect(step.calls.filter((c) => c.includes('/comments') || c.includes('Artifact'))).toEqual([]);
  });

  describe('two modules in one workflow', () => {
    const QUICK = { count: '2', bench: '^BenchmarkJoin$', profiles: 'none', confirm: 'never', 'fail-on': 'none', comment: 'never' };
    let two: FixtureRepo;
    let nightly: FakeRun;

    /** One step of a workflow run on main for module `dir` (a or b). */
    async function baselineStep(run: FakeRun, dir: string, event: 'schedule' | 'push'): Promise<StepResult> {
      return runStep({
        fake,
        entry,
        workspace: checkout(two, join(work, `checkout-${++steps}`), 'main'),
        run,
        event,
        payload: event === 'schedule' ? schedulePayload(fake) : pushPayload(fake, two.sha.main, '0'.repeat(40)),
        sha: two.sha.main,
        ref: 'refs/heads/main',
        inputs: { ...BUDGET, ...QUICK, 'working-directory': dir },
      });
    }

    async function prStepOf(dir: string, inputs: Record<string, string> = {}): Promise<StepResult> {
      const pull = fake.addPull({ number: 40 + ++steps, headSha: two.sha.main, headRef: 'main', baseSha: two.sha.main, labels: [] });
      const run = startRun('pull_request', 'feature', two.sha.main);
      const step = await runStep({
        fake,
        entry,
        workspace: checkout(two, join(work, `checkout-${++steps}`), 'main'),
        run,
        event: 'pull_request',
        payload: pullRequestPayload(fake, pull),
        sha: two.sha.main,
        ref: `refs/pull/${pull.number}/merge`,
        inputs: { ...BUDGET, ...QUICK, baseline: 'artifact', 'working-directory': dir, ...inputs },
      });
      finish(run);
      return step;
    }

    beforeAll(() => {
      // Directories a and b hold two modules (b under another module path).
      const layout = join(work, 'two-layout');
      cpSync(join(FIXTURE, 'base'), join(layout, 'a'), { recursive: true });
      cpSync(join(FIXTURE, 'base'), join(layout, 'b'), { recursive: true });
      writeFileSync(join(layout, 'b', 'go.mod'), 'module example.com/actionmod-b\n\ngo 1.22\n');
      // And a directory of Go code that is no module at all (its go.mod forgotten).
      cpSync(join(FIXTURE, 'base', 'calc'), join(layout, 'nomod'), { recursive: true });
      two = makeRepo(join(work, 'two-template'), layout, {});
    });

    test('a scheduled run uploads one baseline per directory, without a conflict', async () => {
      nightly = startRun('schedule', 'main', two.sha.main);
      const a = await baselineStep(nightly, 'a', 'schedule');
      const b = await baselineStep(nightly, 'b', 'schedule');
      finish(nightly);
      for (const step of [a, b]) {
        expect({ code: step.code, warnings: step.stdout.match(/^::warning::.*$/gm) }).toEqual({ code: 0, warnings: null });
      }
      expect(a.summary).toContain('Uploaded as artifact `benchgate-baseline-a`');
      expect(b.summary).toContain('Uploaded as artifact `benchgate-baseline-b`');
      const pkgs = (name: string) => JSON.parse(artifactFiles(nightly.id, name).get('run.json')!.toString('utf8')).packages.map((p: { pkg: string }) => p.pkg);
      expect(pkgs('benchgate-baseline-a')).toEqual(['example.com/actionmod/calc']);
      expect(pkgs('benchgate-baseline-b')).toEqual(['example.com/actionmod-b/calc']);
    });

    test("a PR of module b compares against b's baseline, found in the scheduled run", async () => {
      const step = await prStepOf('b');
      expect(step.code).toBe(0);
      expect(step.outputs).toMatchObject({ verdict: 'pass', 'baseline-run-id': String(nightly.id) });
      const b = fake.state.artifacts.find((x) => x.runId === nightly.id && x.name === 'benchgate-baseline-b')!;
      expect(step.calls).toContain(`GET ${API}/actions/artifacts/${b.id}/zip`);
    });

    test('a directory that is not a Go module: the step fails with go list\'s reason in the log', async () => {
      const dir = checkout(two, join(work, `checkout-${++steps}`), 'main');
      const run = startRun('push', 'main', two.sha.main);
      const step = await runStep({
        fake,
        entry,
        workspace: dir,
        run,
        event: 'push',
        payload: pushPayload(fake, two.sha.main, '0'.repeat(40)),
        sha: two.sha.main,
        ref: 'refs/heads/main',
        inputs: { ...BUDGET, 'working-directory': 'nomod', count: '1' },
      });
      finish(run);
      expect(step.code).toBe(1);
      expect(step.stdout).toMatch(/^::warning::benchgate: \S+ build-failed: go list: .*(does not contain main module|go\.mod file not found)/m);
      expect(step.stdout).toMatch(/^::error::benchgate: no benchmark results, so no baseline was recorded: \S+ build-failed: go list: /m);
      expect(step.calls.filter((c) => c.includes('CreateArtifact'))).toEqual([]);
    });

    test('compare without a pull request, against base-ref (as the self-test workflow runs it)', async () => {
      const run = startRun('push', 'main', two.sha.main);
      const step = await runStep({
        fake,
        entry,
        workspace: checkout(two, join(work, `checkout-${++steps}`), 'main'),
        run,
        event: 'push',
        payload: pushPayload(fake, two.sha.main, '0'.repeat(40)),
        sha: two.sha.main,
        ref: 'refs/heads/main',
        inputs: { ...BUDGET, ...QUICK, mode: 'compare', baseline: 'rerun', 'base-ref': 'main', 'working-directory': 'a', comment: 'always' },
      });
      finish(run);
      expect(step.code).toBe(0);
      expect(step.stdout).toContain(`comparing with base-ref main (${two.sha.main.slice(0, 7)}); no pull request, so no comment`);
      expect(step.outputs.verdict).toBe('pass');
      const report = JSON.parse(readFileSync(step.outputs['report-json'], 'utf8'));
      expect(report.rows.map((r: { name: string }) => r.name)).toContain('Join-2');
      expect(readFileSync(step.outputs['report-markdown'], 'utf8')).toContain('benchgate');
      // No PR: no comment, no PR API, no result artifact.
      expect(step.calls.filter((c) => /\/(issues|pulls)\/|CreateArtifact/.test(c))).toEqual([]);
    });

    test("an older bare-named baseline serves only the module it measured", async () => {
      // Runs from before per-directory names: each uploaded `benchgate-baseline`.
      const aFiles = Object.fromEntries(artifactFiles(nightly.id, 'benchgate-baseline-a'));
      const ofA = fake.addRun({ event: 'push', headBranch: 'main', headSha: two.sha.main, createdAt: new Date(Date.now() + 1000).toISOString() });
      fake.addArtifact(ofA.id, 'benchgate-baseline', { files: aFiles });
      const refused = await prStepOf('b');
      expect(refused.stdout).toMatch(/^::warning::benchgate: the baseline artifact "benchgate-baseline" of run \d+ measured another module \(example\.com\/actionmod\/calc\), not b/m);
      expect(refused.outputs.verdict).toBe('no-baseline');

      const bFiles = Object.fromEntries(artifactFiles(nightly.id, 'benchgate-baseline-b'));
      const ofB = fake.addRun({ event: 'push', headBranch: 'main', headSha: two.sha.main, createdAt: new Date(Date.now() + 2000).toISOString() });
      fake.addArtifact(ofB.id, 'benchgate-baseline', { files: bFiles });
      const used = await prStepOf('b');
      expect(used.stdout).toContain(`using the baseline artifact "benchgate-baseline" of run ${ofB.id} (from before per-directory names)`);
      expect(used.outputs).toMatchObject({ verdict: 'pass', 'baseline-run-id': String(ofB.id) });
    });
  });
});
