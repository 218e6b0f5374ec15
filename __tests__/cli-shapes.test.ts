/**
 * `benchgate run` end to end on the shapes real benchmarks have (the shapesmod fixture: main = base,
 * branch `pr` = head, which plants a ×3 slowdown in one function per package and edits one other
 * function without changing its cost): the bundled CLI, the real Go toolchain, the pairs runner
 * (one leaf benchmark per process, base and head back to back, each process's profiles kept per
 * leaf: `benchmarkProfiles`) and attribution from those profiles read whole.
 *
 * Depends on the per-leaf runner (branch `runner`, merged): without `benchmarkProfiles` in run.json
 * attribution falls back to splitting package-wide profiles, which cannot tell these shapes apart.
 *
 * One `benchgate run` per shape, each with a fixed iteration count (`--benchtime Nx`, about 0.1 s of
 * base work per sample) so the planted slowdown is work, not time. Nothing is timed: the asserts are
 * on verdicts, on who is named first and on signs. --threshold 50 keeps a loaded machine's noise
 * away from the ×2–3 plants (samples of 0.1 s scatter ±35% here under parallel load, and a row
 * noisier than the threshold is "too noisy to judge"); 8 rounds give the test room for outliers.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, runCli } from './helpers/cli.js';
import { repoFromFixture, SHAPES_PR } from './helpers/repo.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/shapesmod');
const MOD = 'example.com/shapesmod';

interface Fn {
  function: string;
  changed: boolean;
  delta: number;
  share: number;
  commits: { subject: string }[];
}
interface Row {
  package: string;
  name: string;
  unit: string;
  verdict: string;
  reason: string;
  attribution: { functions: Fn[]; note: string | null } | null;
}
interface Report {
  rows: Row[];
}

let cli: string;
let work: string;
let repo: string;

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-shapes-'));
  repo = join(work, 'repo');
  repoFromFixture(repo, join(FIXTURE, 'base'), [{ branch: 'pr', overlay: join(FIXTURE, 'head'), message: SHAPES_PR }], { baseMessage: 'shapes' });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `benchgate run --base main` on one package; the report and the head side's run.json. */
function run(name: string, args: string[]): { report: Report; headRun: { packages: { pkg: string; benchmarkProfiles?: Record<string, { cpu: string[]; mem: string[] }> }[] } } {
  const out = join(work, `out-${name}`);
  const r = runCli(cli, ['run', '--base', 'main', '--rounds', '8', '--threshold', '50', '--out', out, '--format', 'json', '--quiet', ...args], repo, 300_000);
  if (r.code !== 0) throw new Error(`benchgate run exited ${r.code}: ${r.stderr}`);
  return { report: JSON.parse(r.stdout) as Report, headRun: JSON.parse(readFileSync(join(out, 'head', 'run.json'), 'utf8')) };
}

function row(report: Report, name: string, unit = 'sec/op'): Row {
  const x = report.rows.find((y) => y.name === name && y.unit === unit);
  if (!x) throw new Error(`no row ${name} ${unit}: ${report.rows.map((y) => `${y.name} ${y.unit}`).join(', ')}`);
  return x;
}

/** The row is a regression and the named function is attributed first, as changed in the PR. */
function expectCause(x: Row, fn: string): void {
  if (x.verdict !== 'regression') throw new Error(`${x.name} ${x.unit}: ${x.verdict} (${x.reason})`);
  const first = x.attribution?.functions[0];
  if (!first) throw new Error(`${x.name} ${x.unit}: nothing attributed: ${x.attribution?.note ?? 'no attribution'}`);
  expect(first).toMatchObject({ function: `${MOD}/${fn}`, changed: true, commits: [{ subject: 'shapes: slower skipSpace, mix and newNode; tidy Sum, Label and Depth' }] });
  expect(first.delta).toBeGreaterThan(0);
  expect(first.share).toBeGreaterThan(0);
  // Movers' shares are of disjoint costs: none is more than the whole change.
  for (const f of x.attribution!.functions.slice(1).filter((g) => !g.changed)) expect(Math.abs(f.share)).toBeLessThan(1);
}

test('table-driven sub-benchmarks through one helper: skipSpace first, not its changed caller Sum', () => {
  const { report, headRun } = run('table', ['--packages', './table', '--bench', 'Sum/large', '--benchtime', '1000x']);
  const x = row(report, 'Sum/large-2');
  expectCause(x, 'table.skipSpace');
  expect(x.attribution!.note ?? '').not.toMatch(/cannot be told apart/);
  expect(Object.keys(headRun.packages.find((p) => p.pkg === `${MOD}/table`)!.benchmarkProfiles ?? {})).toEqual(['Sum/large-2']);
});

test('a helper that runs b.RunParallel, at -cpu 1,2: mix first in both rows', () => {
  const { report, headRun } = run('par', ['--packages', './par', '--bench', 'Hash/64KiB', '--cpu', '1,2', '--benchtime', '1000x']);
  for (const name of ['Hash/64KiB', 'Hash/64KiB-2']) expectCause(row(report, name), 'par.mix');
  expect(Object.keys(headRun.packages.find((p) => p.pkg === `${MOD}/par`)!.benchmarkProfiles ?? {}).sort()).toEqual(['Hash/64KiB', 'Hash/64KiB-2']);
});

test('allocation-heavy, largely GC, with b.ReportMetric: newNode first for time, bytes and allocations', () => {
  const { report } = run('alloc', ['--packages', './alloc', '--benchtime', '50x']);
  for (const unit of ['sec/op', 'B/op', 'allocs/op']) expectCause(row(report, 'Build-2', unit), 'alloc.newNode');
  // The custom metric is compared (and did not change), never attributed.
  expect(row(report, 'Build-2', 'nodes/op')).toMatchObject({ verdict: 'unchanged' });
});
