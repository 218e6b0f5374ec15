/**
 * The differential flame graph end to end: `benchgate run` with the real Go toolchain and git on
 * the causalmod fixture, whose PR makes `hot.weight` three times as much work (a ×3 plant, fixed
 * iteration count, threshold 50%, so that a loaded 2-core machine cannot hide it). The flagged row's
 * page must be written under --out, named in report.json and linked from report.md; headless
 * Chromium (skipped with a note where it is not installed) must draw its frames, `hot.weight`
 * marked as changed and red. Then the bundled action against the loopback GitHub: the page goes
 * into the PR's result artifact, and the comment (of the PR run, and of `mode: report` under
 * workflow_run) links that artifact. The causal check is off: it is tested in causal-e2e.
 *
 * @lane measuring
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readZip } from '../src/github/zip.js';
import {
  bundleAction,
  checkout,
  addBranchPull,
  pullRequestPayload,
  runStep,
  workflowRunPayload,
  type FixtureRepo,
} from './helpers/action-harness.js';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';
import { dumpDom, haveChromium, screenshot } from './helpers/chromium.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/causalmod');

interface Row {
  name: string;
  unit: string;
  verdict: string;
  flamegraph: string | null;
}

let work: string;
let repo: string;
let out: string;
let row: Row;
const sha: Record<string, string> = {};

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-flame-e2e-'));
  repo = join(work, 'repo');
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'hot: Sum of weights');
  sha.main = git(repo, 'rev-parse', 'HEAD').trim();
  git(repo, 'checkout', '-q', '-b', 'pr');
  cpSync(join(FIXTURE, 'callee'), repo, { recursive: true });
  git(repo, 'commit', '-q', '-am', 'hot: weight mixes three times');
  sha.pr = git(repo, 'rev-parse', 'HEAD').trim();

  const cli = await bundleCli();
  out = join(work, 'out');
  const args = [
    'run',
    '--base',
    'main',
    '--rounds',
    '6',
    '--benchtime',
    '300x',
    '--threshold',
    '50',
    '--causal',
    'off',
    '--fail-on',
    'regression',
  ];
  const r = runCli(cli, [...args, '--out', out, '--format', 'json', '--quiet'], repo, 110_000);
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 1 });
  const report = JSON.parse(r.stdout) as { rows: Row[] };
  row = report.rows.find((x) => /^Sum(-\d+)?$/.test(x.name) && x.unit === 'sec/op')!;
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the flagged row has its flame graph under --out, named in report.json and linked from report.md', () => {
  expect(row.verdict).toBe('regression');
  expect(row.flamegraph).toMatch(/^flamegraphs\/example\.com_causalmod_hot-[0-9a-f]{8}\/Sum-\d+-[0-9a-f]{8}\.sec-op\.html$/);
  expect(existsSync(join(out, row.flamegraph!))).toBe(true);
  const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { rows: Row[] };
  expect(json.rows.find((r) => r.name === row.name && r.unit === 'sec/op')!.flamegraph).toBe(row.flamegraph);
  // Unflagged rows have none.
  expect(json.rows.filter((r) => r.verdict !== 'regression' && r.verdict !== 'improvement').every((r) => r.flamegraph === null)).toBe(true);
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  expect(md).toContain(`[flame graph](${row.flamegraph})`);

  const html = readFileSync(join(out, row.flamegraph!), 'utf8');
  expect(html).toContain('example.com/causalmod/hot.weight');
  expect(html).not.toMatch(/\b(?:src|href)=/);
});

const browser = haveChromium('flame graph end-to-end browser test') ? test : test.skip;
browser('headless Chromium draws the frames: hot.weight marked as changed and coloured as slower', () => {
  const file = join(out, row.flamegraph!);
  const dom = dumpDom(file);
  const frames = [...dom.matchAll(/<div class="(frame[^"]*)" data-i="\d+" style="([^"]*)">([^<]*)<\/div>/g)].map((m) => ({
    cls: m[1],
    style: m[2],
    text: m[3],
  }));
  expect(frames.length).toBeGreaterThan(3);
  expect(frames[0].text).toBe('all');
  const weight = frames.find((f) => f.text === '✎ hot.weight');
  expect(weight).toBeDefined();
  expect(weight!.cls).toBe('frame changed');
  // The base side ran in a worktree (other file names): still one frame per function and path —
  // no two children of one frame share a name (a benchmark function may sit on two paths: the
  // samples of testing's ramp-up runs and of the timed run end in different callers).
  const data = JSON.parse(/<script type="application\/json" id="flame-data">([^<]*)<\/script>/.exec(readFileSync(file, 'utf8'))![1]) as {
    frames: { f: string; d: number; x: number; w: number }[];
  };
  const parentOf = (c: { d: number; x: number }) => data.frames.findIndex((p) => p.d === c.d - 1 && p.x <= c.x && c.x < p.x + p.w);
  const siblings = data.frames.filter((c) => c.d > 0).map((c) => `${parentOf(c)} ${c.f}`);
  expect(new Set(siblings).size).toBe(siblings.length);
  expect(data.frames.some((c) => c.f === 'example.com/causalmod/hot.BenchmarkSum')).toBe(true);
  // ×3: (head − base) ÷ head ≈ 2/3, at or past full red; sampling leaves room either way.
  const [, r, g] = /background: rgb\((\d+), (\d+), (\d+)\)/.exec(weight!.style)!.map(Number);
  expect(r).toBeGreaterThan(200);
  expect(g).toBeLessThan(120);
  const png = join(work, 'flame.png');
  screenshot(file, png);
  console.log(`flame graph screenshot: ${png} (removed with the test's temp dir)`);
});

describe('the action: the flame graph in the result artifact, linked from the comment', () => {
  let fake: FakeGitHub;
  let entry: string;
  beforeAll(async () => {
    entry = await bundleAction(join(work, 'dist'));
    fake = await startFakeGitHub();
  });
  afterAll(async () => {
    await fake?.close();
  });

  test('uploaded with report.json, linked by the artifact URL from the PR run and from mode: report', async () => {
    const fixture: FixtureRepo = { dir: repo, sha };
    const pull = addBranchPull(fake, fixture, 9, 'pr');
    const run = fake.addRun({
      event: 'pull_request',
      headBranch: 'pr',
      headSha: sha.pr,
      status: 'in_progress',
      conclusion: null,
      createdAt: new Date().toISOString(),
    });
    const step = await runStep({
      fake,
      entry,
      workspace: checkout(fixture, join(work, 'checkout'), 'pr'),
      run,
      event: 'pull_request',
      payload: pullRequestPayload(fake, pull),
      sha: sha.pr,
      ref: 'refs/pull/9/merge',
      inputs: { baseline: 'rerun', count: '6', benchtime: '300x', threshold: '50', causal: 'off', timeout: '2m' },
    });
    expect({ code: step.code, stderr: step.stderr }).toMatchObject({ code: 1 });
    run.status = 'completed';
    run.conclusion = 'failure';

    const artifact = fake.state.artifacts.find((a) => a.runId === run.id && a.name === 'benchgate-report' && a.finalized)!;
    const files = new Map(
      readZip(fake.state.blobs.get(artifact.blobKey)!, artifact.name).map((e) => [e.path, Buffer.from(e.data).toString('utf8')]),
    );
    const report = JSON.parse(files.get('report.json')!) as { rows: Row[] };
    const sum = report.rows.find((x) => /^Sum(-\d+)?$/.test(x.name) && x.unit === 'sec/op')!;
    expect(sum.verdict).toBe('regression');
    expect(sum.flamegraph).toMatch(/^flamegraphs\/.+\.sec-op\.html$/);
    expect(files.get(sum.flamegraph!)).toContain('example.com/causalmod/hot.weight');
    // report.md, beside the pages in the artifact, links them by path.
    expect(files.get('report.md')).toContain(`[flame graph](${sum.flamegraph})`);

    const link = `/${fake.state.owner}/${fake.state.repo}/actions/runs/${run.id}/artifacts/${artifact.id}>`;
    const [comment] = fake.state.comments.filter((c) => c.issueNumber === 9);
    expect(comment.body).toContain('[flame graph][flame-graphs]');
    expect(comment.body).toMatch(new RegExp(`^\\[flame-graphs\\]: <https?://\\S+${link.replace(/[/.]/g, '\\$&')}$`, 'm'));
    expect(step.summary).toContain('[flame graph][flame-graphs]');

    // mode: report renders the comment anew from the artifact: the same link, to the same artifact.
    const report2 = fake.addRun({
      event: 'workflow_run',
      headBranch: 'main',
      headSha: sha.main,
      status: 'in_progress',
      conclusion: null,
      createdAt: new Date().toISOString(),
    });
    const again = await runStep({
      fake,
      entry,
      workspace: checkout(fixture, join(work, 'checkout-report'), 'main'),
      run: report2,
      event: 'workflow_run',
      payload: workflowRunPayload(fake, { id: run.id, headSha: sha.pr, headBranch: 'pr' }),
      sha: sha.main,
      ref: 'refs/heads/main',
      inputs: { mode: 'report' },
    });
    expect({ code: again.code, stderr: again.stderr }).toMatchObject({ code: 0 });
    const bodies = fake.state.comments.filter((c) => c.issueNumber === 9).map((c) => c.body);
    expect(bodies.at(-1)).toContain('[flame graph][flame-graphs]');
    expect(bodies.at(-1)).toContain(link);
  });
});
