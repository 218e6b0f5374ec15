/**
 * `packages: affected` and two modules in one repository, end to end: the bundled action against
 * the loopback fake GitHub, on a git repository whose directories `a` and `b` each hold the
 * affectedmod fixture as its own module (a → b → c, t's tests import c; d and e stand alone).
 *
 * A push to main records one baseline per module, every package measured. A pull request touching
 * the leaf package a/c then runs one step per module (`working-directory` per matrix entry): module
 * a measures c and its importers and lists d and e as skipped; module b, which the PR does not
 * touch, measures nothing and says so. Each module has its own baseline artifact and its own
 * sticky comment. Budgets are tiny and `fail-on: none`: the assertions are about what ran.
 *
 * @lane measuring
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../src/github/zip.js';
import {
  bundleAction,
  checkout,
  makeRepo,
  pullFiles,
  pullRequestPayload,
  pushPayload,
  runStep,
  type FixtureRepo,
  type StepResult,
} from './helpers/action-harness.js';
import { startFakeGitHub, type FakeGitHub, type FakeRun } from './helpers/fake-github.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/affectedmod');
const A = 'example.com/affectedmod';
const B = 'example.com/affectedmod-b';
const QUICK = {
  count: '2',
  benchtime: '1x',
  profiles: 'none',
  confirm: 'never',
  causal: 'off',
  'fail-on': 'none',
  duet: 'off',
  timeout: '2m',
  comment: 'always',
};

let fake: FakeGitHub;
let work: string;
let entry: string;
let repo: FixtureRepo;
let push: FakeRun;
let steps = 0;

/** The fixture as module `path` (its own imports rewritten), under `dir`. */
function moduleCopy(dir: string, path: string): void {
  cpSync(FIXTURE, dir, { recursive: true });
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !/\.go$|^go\.mod$/.test(e.name)) continue;
    const file = join(e.parentPath, e.name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(`${A}`, path));
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-action-affected-'));
  entry = await bundleAction(join(work, 'dist'));
  const layout = join(work, 'layout');
  moduleCopy(join(layout, 'a'), A);
  moduleCopy(join(layout, 'b'), B);
  const leaf = readFileSync(join(layout, 'a/c/c.go'), 'utf8').replace('x ^= x >> 33', 'x ^= x >> 31');
  repo = makeRepo(join(work, 'template'), layout, { leaf: { 'a/c/c.go': leaf } });
  fake = await startFakeGitHub();

  // The push to main: one baseline per module, in one workflow run.
  push = fake.addRun({ event: 'push', headBranch: 'main', headSha: repo.sha.main, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
  for (const dir of ['a', 'b']) {
    const step = await runStep({
      fake,
      entry,
      workspace: checkout(repo, join(work, `checkout-${++steps}`), 'main'),
      run: push,
      event: 'push',
      payload: pushPayload(fake, repo.sha.main, '0'.repeat(40)),
      sha: repo.sha.main,
      ref: 'refs/heads/main',
      inputs: { ...QUICK, packages: 'affected', 'working-directory': dir },
    });
    if (step.code !== 0) throw new Error(`baseline of ${dir} failed:\n${step.stdout}\n${step.stderr}`);
  }
  push.status = 'completed';
  push.conclusion = 'success';
});

afterAll(async () => {
  await fake?.close();
  rmSync(work, { recursive: true, force: true });
});

/** One step of the PR's workflow run for module `dir`. */
async function prStep(run: FakeRun, pull: Parameters<typeof pullRequestPayload>[1], dir: string): Promise<StepResult> {
  return runStep({
    fake,
    entry,
    workspace: checkout(repo, join(work, `checkout-${++steps}`), 'leaf'),
    run,
    event: 'pull_request',
    payload: pullRequestPayload(fake, pull),
    sha: repo.sha.leaf,
    ref: `refs/pull/${pull.number}/merge`,
    inputs: { ...QUICK, packages: 'affected', baseline: 'artifact', 'working-directory': dir },
  });
}

function baselinePackages(name: string): string[] {
  const artifact = fake.state.artifacts.filter((x) => x.runId === push.id && x.name === name && x.finalized).at(-1);
  if (!artifact) throw new Error(`no artifact ${name}`);
  const runJson = readZip(fake.state.blobs.get(artifact.blobKey)!, name).find((e) => e.path === 'run.json')!;
  return JSON.parse(Buffer.from(runJson.data).toString('utf8')).packages.map((p: { pkg: string }) => p.pkg);
}

const shortNames = (pkgs: string[], mod: string) => [...new Set(pkgs.map((p) => p.replace(`${mod}/`, '')))].sort();

describe('a pull request touching the leaf package c of module a', () => {
  let a: StepResult;
  let b: StepResult;
  const PR = 7;

  beforeAll(async () => {
    const pull = fake.addPull({ number: PR, headSha: repo.sha.leaf, headRef: 'leaf', baseSha: repo.sha.main, labels: [], files: pullFiles(repo, 'main', 'leaf') });
    const run = fake.addRun({ event: 'pull_request', headBranch: 'leaf', headSha: repo.sha.leaf, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
    a = await prStep(run, pull, 'a');
    b = await prStep(run, pull, 'b');
    run.status = 'completed';
    run.conclusion = 'success';
  });

  test('the baselines on main measured every package, one artifact per module', () => {
    expect(shortNames(baselinePackages('benchgate-baseline-a'), A)).toEqual(['a', 'b', 'c', 'd', 'e', 't']);
    expect(shortNames(baselinePackages('benchgate-baseline-b'), B)).toEqual(['a', 'b', 'c', 'd', 'e', 't']);
  });

  test("module a measures c and its importers against a's baseline, and lists d and e as skipped", () => {
    expect(a.code).toBe(0);
    expect(a.outputs.verdict).toBe('pass');
    expect(a.stdout).toContain(`4 of 6 benchmark packages affected (changed: ${A}/c)`);
    const report = JSON.parse(readFileSync(a.outputs['report-json'], 'utf8'));
    expect(shortNames(report.rows.map((r: { package: string }) => r.package), A)).toEqual(['a', 'b', 'c', 't']);
    // The baseline's d and e were dropped, not reported as removed.
    expect(report.rows.filter((r: { verdict: string }) => r.verdict === 'removed')).toEqual([]);
    expect(report.skipped.map((s: { package: string }) => s.package)).toEqual([`${A}/d`, `${A}/e`]);
    expect(report.workingDirectory).toBe('a');
  });

  test('module b: nothing it builds changed, so nothing is measured, and its comment says so', () => {
    expect(b.code).toBe(0);
    expect(b.outputs.verdict).toBe('pass');
    expect(b.stdout).toContain('0 of 6 benchmark packages affected (no Go package changed)');
    const report = JSON.parse(readFileSync(b.outputs['report-json'], 'utf8'));
    expect(report.rows).toEqual([]);
    expect(report.skipped).toHaveLength(6);
  });

  test('one sticky comment per module, each with its own marker and its skipped line', () => {
    const comments = fake.state.comments.filter((c) => c.issueNumber === PR);
    expect(comments).toHaveLength(2);
    const [ofA, ofB] = ['a', 'b'].map((dir) => comments.find((c) => c.body.includes(`<!-- benchgate:${dir} -->`))!);
    expect(ofA.body).toContain('<details><summary>2 packages not affected by this PR were not measured</summary>');
    // Package names are escaped like every other user-controlled text.
    expect(ofA.body).toContain('- example.com/affectedmod/d: its test binary links none of the changed packages (example.com/affectedmod/c)');
    expect(ofB.body).toMatch(/^### ✅ benchgate: no benchmark package is affected by this PR/);
    expect(ofB.body).toContain('<details><summary>6 packages not affected by this PR were not measured</summary>');
  });

  test('a second push to the PR updates each module\'s comment in place', async () => {
    const pull = fake.state.pulls.get(PR)!;
    const run = fake.addRun({ event: 'pull_request', headBranch: 'leaf', headSha: repo.sha.leaf, status: 'in_progress', conclusion: null, createdAt: new Date().toISOString() });
    const again = await prStep(run, { ...pull, labels: [] }, './b/');
    run.status = 'completed';
    expect(again.code).toBe(0);
    // `./b/` is module b, spelled differently: its comment is updated, not duplicated.
    expect(fake.state.comments.filter((c) => c.issueNumber === PR)).toHaveLength(2);
  });
});
