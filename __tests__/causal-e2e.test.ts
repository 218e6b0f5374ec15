/**
 * Causal attribution end to end (src/causal/): the real Go toolchain and git on the causalmod
 * fixture, through `benchgate run` and through the bundled action against the loopback GitHub.
 *
 * The PR (branch `pr`) is two commits on BenchmarkSum's hot path: `caller` rewrites Sum's loop at
 * no cost, `callee` makes weight three times as much work. The causal step must credit weight
 * (reverting it recovers the change), not Sum (reverting it recovers none of it), and bisection
 * must name the second commit. Branch `sig` changes weight's signature and its call in Sum: reverting
 * weight alone does not compile, which is reported, not fatal.
 *
 * The plant is ×3 (+200%) with a fixed iteration count (-benchtime 300x), threshold 50%, and 8 pairs
 * per causal measurement, so that a loaded 2-core machine cannot hide it; assertions are about who
 * is credited and which commit is named, not exact percents.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { repoFromFixture } from './helpers/repo.js';
import { bundleAction, checkout, addBranchPull, pullRequestPayload, runStep, type FixtureRepo } from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/causalmod');
const BUDGET = ['--rounds', '6', '--benchtime', '300x', '--threshold', '50', '--confirm-rounds', '8', '--fail-on', 'regression'];
const WEIGHT = 'example.com/causalmod/hot.weight';
const SUM = 'example.com/causalmod/hot.Sum';

interface Causal {
  recovered?: number;
  lo?: number;
  hi?: number;
  n?: number;
  verified?: boolean;
  method?: string;
  skipped?: string;
}
interface Fn {
  function: string;
  changed: boolean;
  causal: Causal | null;
}
interface Row {
  name: string;
  unit: string;
  verdict: string;
  attribution: { functions: Fn[]; note: string | null; commit: { sha?: string; index?: number; of?: number; method?: string; steps?: unknown[]; skipped?: string } | null } | null;
}

let work: string;
let repo: string;
const sha: Record<string, string> = {};

function sumRow(report: { rows: Row[] }): Row {
  const r = report.rows.find((x) => /^Sum(-\d+)?$/.test(x.name) && x.unit === 'sec/op');
  if (!r) throw new Error('no Sum sec/op row');
  return r;
}

const fn = (row: Row, name: string) => row.attribution?.functions.find((f) => f.function === name);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-causal-e2e-'));
  repo = join(work, 'repo');
  const built = repoFromFixture(
    repo,
    join(FIXTURE, 'base'),
    [
      { branch: 'pr', overlay: join(FIXTURE, 'caller'), message: 'hot: Sum with an index loop', name: 'caller' },
      { branch: 'pr', overlay: join(FIXTURE, 'callee'), message: 'hot: weight mixes three times' },
      { branch: 'sig', overlay: join(FIXTURE, 'signature'), message: 'hot: weight takes its rounds' },
    ],
    { baseMessage: 'hot: Sum of weights', checkout: 'pr' },
  );
  Object.assign(sha, built.sha);
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('benchgate run: the causal check', () => {
  let cli: string;
  beforeAll(async () => {
    cli = await bundleCli();
  });

  test('credits the callee (reverting it recovers the change), names the second commit, and the comment says it was verified', () => {
    const out = join(work, 'out-run');
    const r = runCli(cli, ['run', '--base', 'main', ...BUDGET, '--out', out, '--format', 'json', '--quiet'], repo);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: Row[]; causal: { rounds: number; budgetMs: number } };
    const row = sumRow(report);
    expect(row.verdict).toBe('regression');
    const [first] = row.attribution!.functions;
    expect(first).toMatchObject({ function: WEIGHT, changed: true, causal: { verified: true, method: 'revert-function', n: 8 } });
    expect(first.causal!.recovered!).toBeGreaterThan(0.5);
    // The caller is not credited: the profile does not blame it, or reverting it recovers little.
    const caller = fn(row, SUM);
    if (caller?.causal) expect(caller.causal.verified ?? false).toBe(false);
    expect(row.attribution!.commit).toMatchObject({ sha: sha.pr, index: 2, of: 2, method: 'bisect' });
    expect(report.causal).toEqual({ rounds: 8, budgetMs: 300_000 });

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/\| cause +\|/);
    expect(md).toMatch(new RegExp(`\`hot\\.weight\` ✏️ hot\\.go L\\d+–\\d+ — verified: reverting it recovers −?\\d+% \\(−?\\d+–\\d+%\\); appeared in \`${sha.pr.slice(0, 7)}\` \\(commit 2 of 2\\)`));
    expect(md).toContain('Causes checked by reverting each blamed function alone');
    // Its worktrees are gone again.
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('without profiles both changed functions are tried: the caller recovers none of it, the callee all', () => {
    const r = runCli(cli, ['run', '--base', 'main', ...BUDGET, '--no-profiles', '--format', 'json', '--quiet'], repo);
    expect(r.code).toBe(1);
    const row = sumRow(JSON.parse(r.stdout));
    const caller = fn(row, SUM)!;
    const callee = fn(row, WEIGHT)!;
    expect(caller.causal).toMatchObject({ verified: false, method: 'revert-function' });
    expect(caller.causal!.recovered!).toBeLessThan(0.5);
    expect(callee.causal).toMatchObject({ verified: true });
    expect(callee.causal!.recovered!).toBeGreaterThan(0.5);
    // Verified first.
    expect(row.attribution!.functions[0].function).toBe(WEIGHT);
    expect(row.attribution!.commit).toMatchObject({ index: 2, of: 2 });
  });

  test('a revert that does not compile (a changed signature the caller uses) is reported, not fatal', () => {
    const r = runCli(cli, ['run', '--base', 'main', '--head', 'sig', ...BUDGET, '--format', 'json', '--quiet'], repo);
    expect(r.code).toBe(1); // the regression, not a failure of the run
    const row = sumRow(JSON.parse(r.stdout));
    expect(row.verdict).toBe('regression');
    expect(fn(row, WEIGHT)!.causal!.skipped).toMatch(/^could not revert hot\.weight: it does not compile: hot\.go:\d+:\d+: .*weight/);
    // One commit: nothing to bisect.
    expect(row.attribution!.commit).toBeNull();
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  test('--causal off skips the step; a bad budget is a usage error', () => {
    const r = runCli(cli, ['run', '--base', 'main', ...BUDGET, '--causal', 'off', '--no-profiles', '--format', 'json', '--quiet'], repo);
    const row = sumRow(JSON.parse(r.stdout));
    expect(row.attribution!.commit).toBeNull();
    expect(row.attribution!.functions.every((f) => f.causal === null)).toBe(true);
    const bad = runCli(cli, ['run', '--base', 'main', '--causal-budget', 'soon'], repo);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--causal-budget must be a duration');
  });
});

describe('the action: the causal check after confirmation', () => {
  let fake: FakeGitHub;
  let entry: string;
  beforeAll(async () => {
    entry = await bundleAction(join(work, 'dist'));
    fake = await startFakeGitHub();
  });
  afterAll(async () => {
    await fake?.close();
  });

  test('the comment names the verified cause and the commit; the annotation on it says so', async () => {
    const fixture: FixtureRepo = { dir: repo, sha };
    const pull = addBranchPull(fake, fixture, 7, 'pr');
    const dir = checkout(fixture, join(work, 'checkout'), 'pr');
    const run = fake.addRun({ event: 'pull_request', headBranch: 'pr', headSha: sha.pr, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
    const step = await runStep({
      fake,
      entry,
      workspace: dir,
      run,
      event: 'pull_request',
      payload: pullRequestPayload(fake, pull),
      sha: sha.pr,
      ref: 'refs/pull/7/merge',
      inputs: { baseline: 'rerun', count: '6', benchtime: '300x', threshold: '50', 'confirm-rounds': '8', timeout: '2m', 'causal-budget': '4m' },
    });
    expect({ code: step.code, stderr: step.stderr }).toMatchObject({ code: 1 });
    expect(step.stdout).toMatch(/benchgate: causal: 1 function\(s\) reverted and measured, 1 verified, 1 commit\(s\) found by bisection/);
    expect(step.stdout).toMatch(/^::warning title=benchgate%3A Sum-\d+ sec\/op[^:]*::example\.com\/causalmod\/hot\.weight is the cause of the change in Sum-\d+ \(sec\/op\), verified: reverting it recovers/m);

    const [comment] = fake.state.comments.filter((c) => c.issueNumber === 7);
    expect(comment.body).toMatch(/\| cause +\|/);
    expect(comment.body).toMatch(new RegExp(`verified: reverting it recovers −?\\d+% \\(−?\\d+–\\d+%\\); appeared in \`${sha.pr.slice(0, 7)}\` \\(commit 2 of 2\\)`));
    expect(comment.body).toContain('in 8 pairs: 1 of 1 reverted function verified');

    const report = JSON.parse(readFileSync(step.outputs['report-json'], 'utf8')) as { rows: Row[]; causal: unknown };
    const row = sumRow(report);
    expect(row.attribution!.functions[0]).toMatchObject({ function: WEIGHT, causal: { verified: true } });
    expect(row.attribution!.commit).toMatchObject({ sha: sha.pr, index: 2, of: 2, method: 'bisect' });
    expect(report.causal).toEqual({ rounds: 8, budgetMs: 240_000 });
  });
});
