/**
 * `benchgate run` and `benchgate baseline` end to end: the bundled CLI in a throwaway git repository
 * built from the climod fixture (main = base; branch `slow` plants a ×10 slowdown in calc.Checksum;
 * branch `docs` changes no code), with the real Go toolchain and git worktrees.
 *
 * Budgets are tiny (-benchtime=20x, 5 rounds: the fewest at which the exact Mann–Whitney test can
 * reach p ≤ 0.05). What each test asserts holds however loaded the machine is: the planted ×10 is
 * far above what load does to one sample against another (a few times, on a busy 2-core machine),
 * so five alternating rounds always separate it; the doctored baseline is doctored in allocs/op,
 * which is compared by value, so its clearing does not depend on timings; and timings of untouched
 * code are only required not to be a change.
 *
 * @lane measuring
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { repoFromFixture } from './helpers/repo.js';
import { benchName } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
const BUDGET = ['--benchtime', '20x', '--threshold', '50'];
/**
 * For the stored-baseline tests: the baseline was recorded minutes earlier, under whatever load
 * the machine had then, so timings of untouched code may differ from it by more than a small
 * threshold; at 100% they do not become regressions, and the planted ×10 still is one.
 */
const CONFIRM_BUDGET = ['--benchtime', '20x', '--threshold', '100'];
const CHECKSUM = benchName('Checksum');
const POPCOUNT = benchName('Popcount');

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
  flamegraph: string | null;
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
  slowSha = repoFromFixture(
    repo,
    join(FIXTURE, 'base'),
    [
      { branch: 'docs', overlay: { 'README.md': 'climod\n' }, message: 'docs: readme' },
      { branch: 'slow', overlay: { 'calc/calc.go': { copy: join(FIXTURE, 'head/calc/calc.go') } }, message: 'calc: checksum in ten passes' },
    ],
    { baseMessage: 'calc: checksum and popcount' },
  ).sha.slow;
});

describe('benchgate run --base main', () => {
  test('names the planted function as the cause, keeps every output, leaves nothing behind', () => {
    const out = join(work, 'out');
    // --max-rounds 5: no extra pairs, so the files and progress lines below are exact.
    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '5', '--max-rounds', '5', ...BUDGET, '--out', out, '--format', 'json', '--fail-on', 'regression'], repo);
    expect(r.stderr).toMatch(/^benchgate: running package 1 of 2 \(example\.com\/climod\/calc\), round 1 of 5, base/m);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: Row[] };

    const slow = row(report, CHECKSUM);
    expect(slow.verdict).toBe('regression');
    const cause = slow.attribution!.functions[0];
    expect(cause).toMatchObject({ function: 'example.com/climod/calc.Checksum', changed: true });
    expect(cause.commits).toEqual([{ sha: slowSha.slice(0, cause.commits[0].sha.length), subject: 'calc: checksum in ten passes' }]);
    // Untouched: never a change (on a loaded machine its timings may be "too noisy to judge");
    // its one allocation per op is compared by value.
    for (const unit of ['sec/op', 'B/op']) expect(['unchanged', 'noisy']).toContain(row(report, POPCOUNT, unit).verdict);
    expect(row(report, POPCOUNT, 'allocs/op').verdict).toBe('unchanged');

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

    // Progress on a pipe (not a terminal): the start and end of each phase and a round every few
    // seconds, not one line per build and test-binary run (4 + 20 lines before).
    // (A chance suspect would be confirmed in a phase of its own afterwards: not counted here.)
    const runs = kept.filter((f) => /^(base|head)\/.*round-\d+\.txt$/.test(f)).length;
    expect(runs).toBe(20);
    const lines = r.stderr.split('\n');
    // Confirmation and the GC diagnosis run their own phases afterwards: not counted here.
    const confirming = lines.findIndex((l) => /^benchgate: (confirming|GC and scheduler diagnosis)/.test(l));
    const progress = lines.slice(0, confirming === -1 ? undefined : confirming).filter((l) => /^benchgate: (building|listing|running)/.test(l));
    expect(progress.length).toBeLessThanOrEqual(10); // at most: 2 for the builds, 2 for the listing, 1 per round, 1 closing
    expect(progress.filter((l) => / done \(/.test(l))).toEqual([
      expect.stringMatching(/^benchgate: building done \(4 test binaries\) in \d+s$/),
      expect.stringMatching(/^benchgate: listing done \(2 packages\) in \d+s$/),
      expect.stringMatching(/^benchgate: running done \(5 of 5 rounds\) in \d+s$/),
    ]);
    expect(r.stderr).not.toContain('\r');

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

    // A pattern the test binary rejects: every package runs and fails. (A bogus --benchtime is
    // now a usage error before anything runs.)
    const failed = runCli(cli, ['baseline', '--out', stored, '--count', '2', '--bench', '(', '--quiet'], repo);
    expect(failed.code).toBe(3);
    expect(failed.stderr).toContain('benchgate baseline: no benchmark results: nothing recorded');
    const after = new Map(files(stored).map((f) => [f, readFileSync(join(stored, f), 'utf8')]));
    expect(after).toEqual(before);
    expect(readdirSync(work).filter((f) => f.startsWith('.benchgate-'))).toEqual([]);
  });

  /** The stored run with Popcount's allocs/op set to 0: a baseline that does not match the code. */
  function doctorPopcountAllocs(): void {
    const file = join(stored, 'run.json');
    const run = JSON.parse(readFileSync(file, 'utf8')) as { results: { name: string; values: { unit: string; value: number }[] }[] };
    const allocs = run.results.filter((x) => x.name === POPCOUNT).flatMap((x) => x.values.filter((v) => v.unit === 'allocs/op'));
    expect(allocs.map((v) => v.value)).toEqual([1, 1, 1, 1, 1]);
    for (const v of allocs) v.value = 0;
    writeFileSync(file, JSON.stringify(run));
  }

  test('a doctored baseline flags a suspect that confirmation clears (exit 0)', () => {
    // Against the doctored baseline, Popcount's one allocation per op is a regression "from 0".
    // The fresh alternating rounds measure the same code on both sides: 1 allocs/op each, so they
    // clear it, whatever the machine's load. Only allocs/op is gated: this test is about clearing.
    doctorPopcountAllocs();
    git(repo, 'checkout', '-q', 'docs');
    const out = join(work, 'out-docs');
    const args = ['run', '--baseline', stored, '--base', 'main', '--rounds', '5', '--confirm-rounds', '5', ...CONFIRM_BUDGET, '--gate-metrics', 'allocs/op'];
    const r = runCli(cli, [...args, '--out', out, '--format', 'json', '--fail-on', 'regression'], repo);
    expect(r.stderr).toMatch(/^benchgate: confirming 1 suspect benchmark\(s\) in 5 alternating rounds against main$/m);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: Row[] };
    const popcount = row(report, POPCOUNT, 'allocs/op');
    expect(popcount).toMatchObject({ verdict: 'unchanged', confirmed: false, screen: { verdict: 'regression' }, confirmation: { verdict: 'unchanged' } });
    expect(row(report, CHECKSUM, 'allocs/op')).toMatchObject({ verdict: 'unchanged', confirmed: null, confirmation: null });
    // Ungated timings may add their own notes (improvements, noise) to the headline; the gated
    // part of it is fixed.
    expect(readFileSync(join(out, 'report.md'), 'utf8').split('\n')[0]).toMatch(
      /^### ✅ benchgate: no regressions in 2 benchmarks(, \d+ improvements?)?, 1 suspect cleared(, .*)?$/,
    );
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  test('the real slowdown of --head is confirmed (exit 1), the doctored one still cleared', () => {
    // Still on `docs`: --head slow must measure that commit, not the working tree.
    const out = join(work, 'out-slow');
    const args = ['run', '--baseline', stored, '--base', 'main', '--head', 'slow', '--rounds', '5', '--confirm-rounds', '5', ...CONFIRM_BUDGET];
    const r = runCli(cli, [...args, '--gate-metrics', 'sec/op,allocs/op', '--out', out, '--format', 'json', '--fail-on', 'regression', '--quiet'], repo);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { rows: Row[] };
    const slow = row(report, CHECKSUM);
    expect(slow).toMatchObject({ verdict: 'regression', confirmed: true, confirmation: { verdict: 'regression' } });
    expect(slow.attribution!.functions[0]).toMatchObject({ function: 'example.com/climod/calc.Checksum', changed: true });
    // Its flame graph is drawn from the confirmation's profiles (the benchmark's own), as its
    // attribution is, not from the first pass's package-wide ones; the cleared suspect has none.
    expect(slow.flamegraph).toMatch(/^flamegraphs\/.+\.sec-op\.html$/);
    const page = readFileSync(join(out, slow.flamegraph!), 'utf8');
    expect(page).toContain('example.com/climod/calc.Checksum');
    expect(page).not.toContain('package-wide');
    expect(row(report, POPCOUNT, 'allocs/op').flamegraph).toBeNull();
    expect(row(report, POPCOUNT, 'allocs/op')).toMatchObject({ verdict: 'unchanged', confirmed: false, screen: { verdict: 'regression' }, confirmation: { verdict: 'unchanged' } });
    // Popcount's timings did not change: whatever the first pass made of them against a baseline
    // recorded earlier, fresh samples of the same code never confirm a regression.
    expect(row(report, POPCOUNT).confirmed).not.toBe(true);
    const headRun = JSON.parse(readFileSync(join(out, 'head', 'run.json'), 'utf8'));
    expect(headRun).toMatchObject({ commit: slowSha, ref: 'slow' });
    expect(existsSync(join(out, 'confirm', 'base', 'run.json'))).toBe(true);
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
  });

  test('without confirmation, the flame graph comes from the package-wide profiles and says so', () => {
    const out = join(work, 'out-slow-unconfirmed');
    const args = ['run', '--baseline', stored, '--base', 'main', '--head', 'slow', '--rounds', '5', '--confirm', 'never', '--causal', 'off', ...CONFIRM_BUDGET];
    const r = runCli(cli, [...args, '--gate-metrics', 'sec/op', '--out', out, '--format', 'json', '--quiet'], repo);
    const slow = row(JSON.parse(r.stdout) as { rows: Row[] }, CHECKSUM);
    expect(slow.verdict).toBe('regression');
    const page = readFileSync(join(out, slow.flamegraph!), 'utf8');
    expect(page).toContain('example.com/climod/calc.Checksum');
    expect(page).toContain("Both sides come from a package-wide profile: only the samples under BenchmarkChecksum&#39;s frames");
  });
});

describe('package failures reach the terminal with their reasons', () => {
  test('a package pattern that does not load: run and baseline say why, exit 3', () => {
    // (No go.mod at all is caught before go runs: cli-mistakes.test.ts.)
    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '2', '--quiet', '--packages', './nosuch/...'], repo);
    expect(r.code).toBe(3);
    // Each side's failure as a warning, and the reason in the final error, not only in run.json.
    expect(r.stderr).toMatch(/^warning: base: \S+ build-failed: go list: .*nosuch/m);
    expect(r.stderr).toMatch(/^warning: head: \S+ build-failed: go list: .*nosuch/m);
    expect(r.stderr).toMatch(/^benchgate run: no benchmark results on either side: base: \S+ build-failed: go list: .*nosuch/m);
    expect(r.stderr).not.toContain('check --packages and --bench');

    const b = runCli(cli, ['baseline', '--out', join(work, 'nosuch-baseline'), '--count', '1', '--quiet', '--packages', './nosuch/...'], repo);
    expect(b.code).toBe(3);
    expect(b.stderr).toMatch(/^warning: \S+ build-failed: go list: .*nosuch/m);
    expect(b.stderr).toMatch(/^benchgate baseline: no benchmark results: nothing recorded: \S+ build-failed: go list: /m);
  });
});
