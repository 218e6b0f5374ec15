/**
 * `benchgate run` and `benchgate baseline` end to end: the bundled CLI in a throwaway git repository
 * built from the climod fixture (main = base; branch `slow` plants a ×3 slowdown in calc.Checksum;
 * branch `docs` changes no code), with the real Go toolchain and git worktrees.
 *
 * Budgets are tiny (-benchtime=20x, 5 rounds: the fewest at which the exact Mann–Whitney test can
 * reach p ≤ 0.05), and --threshold 50 keeps a loaded test machine's noise away from a planted +200%
 * (samples of a few ms scatter ±30% here under parallel load, and a confirmation noisier than the
 * threshold clears nothing).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
const BUDGET = ['--benchtime', '20x', '--threshold', '50'];
/**
 * For the doctored-baseline tests: confirmation clears Popcount only when its fresh samples (the
 * same code on both sides) are neither too noisy nor a chance suspect, whose intervals must still
 * allow a threshold-sized slowdown; at 100% a loaded machine's few-ms samples cannot.
 */
const CONFIRM_BUDGET = ['--benchtime', '20x', '--threshold', '100'];

let cli: string;
let work: string;
let repo: string;
let slowSha: string;

interface Row {
  package: string;
  name: string;
  unit: string;
  verdict: string;
  confirmed: boolean | null;
  screen: { verdict: string } | null;
  confirmation: { verdict: string } | null;
  attribution: { functions: { function: string; changed: boolean; commits: { sha: string; subject: string }[] }[] } | null;
}

function row(report: { rows: Row[] }, name: string, unit = 'sec/op'): Row {
  const r = report.rows.find((x) => x.name === name && x.unit === unit);
  if (!r) throw new Error(`no row ${name} ${unit}`);
  return r;
}

/** Every file under dir, relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-run-'));
  repo = join(work, 'repo');
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'calc: checksum and popcount');
  git(repo, 'checkout', '-q', '-b', 'docs');
  writeFileSync(join(repo, 'README.md'), 'climod\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'docs: readme');
  git(repo, 'checkout', '-q', '-b', 'slow', 'main');
  cpSync(join(FIXTURE, 'head/calc/calc.go'), join(repo, 'calc/calc.go'));
  git(repo, 'commit', '-q', '-am', 'calc: checksum in three passes');
  slowSha = git(repo, 'rev-parse', 'HEAD').trim();
});

describe('benchgate run --base main', () => {
  test('names the planted function as the cause, keeps every output, leaves nothing behind', () => {
    const out = join(work, 'out');
    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '5', ...BUDGET, '--out', out, '--format', 'json', '--fail-on', 'regression'], repo);
    expect(r.stderr).toMatch(/^benchgate: running package 1 of 2 \(example\.com\/climod\/calc\), round 1 of 5, base/m);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: Row[] };

    const slow = row(report, 'Checksum-2');
    expect(slow.verdict).toBe('regression');
    const cause = slow.attribution!.functions[0];
    expect(cause).toMatchObject({ function: 'example.com/climod/calc.Checksum', changed: true });
    expect(cause.commits).toEqual([{ sha: slowSha.slice(0, cause.commits[0].sha.length), subject: 'calc: checksum in three passes' }]);
    // Untouched: never a change (on a loaded machine its timings may be "too noisy to judge").
    for (const unit of ['sec/op', 'B/op', 'allocs/op']) expect(['unchanged', 'noisy']).toContain(row(report, 'Popcount-2', unit).verdict);

    // --out keeps both sides' raw outputs, profiles and run.json, and both reports.
    const kept = files(out);
    for (const side of ['base', 'head']) {
      expect(kept).toContain(`${side}/run.json`);
      for (const pattern of [/round-05\.txt$/, /cpu-05\.pprof$/, /mem-05\.pprof$/]) {
        expect(kept.filter((f) => f.startsWith(side + '/') && pattern.test(f))).toHaveLength(2); // one per package
      }
    }
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).rows).toHaveLength(report.rows.length);
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toBe('### ❌ benchgate: 1 regression in 2 benchmarks — merge blocked');

    // No test binaries and no worktrees are left behind.
    expect([...kept, ...files(repo)].filter((f) => f.endsWith('.test'))).toEqual([]);
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(git(repo, 'status', '--porcelain')).toBe('');
  });

  test('--min-rounds: benchmarks whose gated rows are settled stop early, and the report says so', () => {
    // Gating only allocs/op (compared by value, so settled at once) makes the stop deterministic;
    // when intervals settle sec/op rows is compare/settle.ts's rule, tested on its own.
    const out = join(work, 'out-settle');
    const args = ['run', '--base', 'main', '--rounds', '4', '--min-rounds', '2', '--gate-metrics', 'allocs/op', ...BUDGET, '--out', out, '--format', 'json'];
    const r = runCli(cli, args, repo);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: (Row & { base: { n: number }; head: { n: number } })[]; rounds: number; minRounds: number };
    expect(report).toMatchObject({ rounds: 4, minRounds: 2 });
    for (const x of report.rows) expect([x.base.n, x.head.n]).toEqual([2, 2]);
    expect(files(out).filter((f) => /round-03\.txt$/.test(f))).toEqual([]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(
      'up to 4 samples a side (benchmarks whose intervals ruled out a 50% slowdown stopped after 2)',
    );
  });
});

describe('benchgate baseline, then run --baseline', () => {
  let stored: string;

  test('baseline records a run; a run with no results writes nothing', () => {
    git(repo, 'checkout', '-q', 'main');
    stored = join(work, 'baseline');
    const r = runCli(cli, ['baseline', '--out', stored, '--count', '5', '--benchtime', '20x', '--quiet'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`benchgate: recorded 10 results in 2 packages to ${stored}\n`);
    const before = new Map(files(stored).map((f) => [f, readFileSync(join(stored, f), 'utf8')]));

    // A benchtime the test binary rejects: every package runs and fails.
    const failed = runCli(cli, ['baseline', '--out', stored, '--count', '2', '--benchtime', 'bogus', '--quiet'], repo);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('benchgate baseline: no benchmark results: nothing recorded');
    const after = new Map(files(stored).map((f) => [f, readFileSync(join(stored, f), 'utf8')]));
    expect(after).toEqual(before);
    expect(readdirSync(work).filter((f) => f.startsWith('.benchgate-'))).toEqual([]);
  });

  test('a doctored baseline flags a suspect that confirmation clears (exit 0)', () => {
    // The stored Popcount is made 3× faster than it really is: drift, not a change in the code.
    // Every stored time is first set to its side's fastest sample, so that a load spike on the
    // test machine while the baseline was recorded cannot mask the doctoring or the planted slowdown.
    const file = join(stored, 'run.json');
    const run = JSON.parse(readFileSync(file, 'utf8')) as { results: { name: string; values: { unit: string; value: number }[] }[] };
    const times = (name: string) => run.results.filter((x) => x.name === name).flatMap((x) => x.values.filter((v) => v.unit === 'sec/op'));
    for (const [name, factor] of [['Checksum-2', 1], ['Popcount-2', 1 / 3]] as const) {
      const fastest = Math.min(...times(name).map((v) => v.value));
      for (const v of times(name)) v.value = fastest * factor;
    }
    writeFileSync(file, JSON.stringify(run));

    git(repo, 'checkout', '-q', 'docs');
    const out = join(work, 'out-docs');
    const args = ['run', '--baseline', stored, '--base', 'main', '--rounds', '5', '--confirm-rounds', '5', ...CONFIRM_BUDGET];
    const r = runCli(cli, [...args, '--out', out, '--format', 'json', '--fail-on', 'regression'], repo);
    expect(r.stderr).toMatch(/^benchgate: confirming [12] suspect benchmark\(s\) in 5 alternating rounds against main$/m);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: Row[] };
    expect(row(report, 'Popcount-2')).toMatchObject({ verdict: 'unchanged', confirmed: false, screen: { verdict: 'regression' } });
    expect(row(report, 'Popcount-2').confirmation!.verdict).not.toBe('regression');
    // Checksum did not change: at most a suspect (a slow moment of this machine) that is cleared.
    expect(row(report, 'Checksum-2').confirmed ?? false).toBe(false);
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toMatch(
      /^### ✅ benchgate: no regressions in 2 benchmarks, [12] suspects? cleared$/,
    );
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  test('the real slowdown of --head is confirmed (exit 1), the doctored one still cleared', () => {
    // Still on `docs`: --head slow must measure that commit, not the working tree.
    const out = join(work, 'out-slow');
    const args = ['run', '--baseline', stored, '--base', 'main', '--head', 'slow', '--rounds', '5', '--confirm-rounds', '5', ...CONFIRM_BUDGET];
    const r = runCli(cli, [...args, '--out', out, '--format', 'json', '--fail-on', 'regression', '--quiet'], repo);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: Row[] };
    const slow = row(report, 'Checksum-2');
    expect(slow).toMatchObject({ verdict: 'regression', confirmed: true });
    expect(slow.attribution!.functions[0]).toMatchObject({ function: 'example.com/climod/calc.Checksum', changed: true });
    expect(row(report, 'Popcount-2')).toMatchObject({ confirmed: false });
    const headRun = JSON.parse(readFileSync(join(out, 'head', 'run.json'), 'utf8'));
    expect(headRun).toMatchObject({ commit: slowSha, ref: 'slow' });
    expect(existsSync(join(out, 'confirm', 'base', 'run.json'))).toBe(true);
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });
});

describe('package failures reach the terminal with their reasons', () => {
  test('a module that does not load (no go.mod): run and baseline say why, exit 3', () => {
    const dir = join(work, 'nomod');
    cpSync(join(FIXTURE, 'base'), dir, { recursive: true });
    rmSync(join(dir, 'go.mod'));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'no go.mod');

    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '2', '--quiet'], dir);
    expect(r.code).toBe(3);
    // Each side's failure as a warning, and the reason in the final error, not only in run.json.
    expect(r.stderr).toMatch(/^warning: base: \S+ build-failed: go list: .*does not contain main module/m);
    expect(r.stderr).toMatch(/^warning: head: \S+ build-failed: go list: .*does not contain main module/m);
    expect(r.stderr).toMatch(/^benchgate run: no benchmark results on either side: base: \S+ build-failed: go list: .*does not contain main module/m);
    expect(r.stderr).not.toContain('check --packages and --bench');

    const b = runCli(cli, ['baseline', '--out', join(work, 'nomod-baseline'), '--count', '1', '--quiet'], dir);
    expect(b.code).toBe(3);
    expect(b.stderr).toMatch(/^warning: \S+ build-failed: go list: .*does not contain main module/m);
    expect(b.stderr).toMatch(/^benchgate baseline: no benchmark results: nothing recorded: \S+ build-failed: go list: /m);
  });
});
