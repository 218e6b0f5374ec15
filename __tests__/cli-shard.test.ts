/**
 * Sharded runs on the CLI end to end: the bundled CLI on a git repository built from the benchmod
 * fixture (two packages, five benchmark functions, sub-benchmarks in one), the real Go toolchain.
 * Three shards and a merge must give the rows of one unsharded run; a missing shard must make the
 * merge incomplete, by name, never a pass. Budgets are tiny (1x, 2 rounds): nothing here asserts
 * on timings or verdicts that rest on them.
 *
 * @lane measuring
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, git, runCli, type CliResult } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/benchmod');
const BUDGET = ['--gate-metrics', 'sec/op', '--benchtime', '1x', '--rounds', '2', '--min-rounds', '2', '--max-rounds', '2', '--no-profiles', '--confirm', 'never', '--causal', 'off', '--duet', 'off', '--quiet'];

let cli: string;
let work: string;
let repo: string;

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-shard-'));
  repo = join(work, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  verdict?: string;
  shards?: { count: number; missing: number[]; problems: string[] };
  rows: { package: string; name: string; unit: string }[];
}

const readReport = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;
const rowKeys = (r: Report) => r.rows.map((x) => `${x.package} ${x.name} ${x.unit}`).sort();
const ok = (r: CliResult) => expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: expect.any(String) });

describe('benchgate run --shard i/n and benchgate merge', () => {
  let full: Report;

  beforeAll(() => {
    ok(runCli(cli, ['run', '--base', 'main', ...BUDGET, '--out', join(work, 'full')], repo, 300_000));
    full = readReport(join(work, 'full'));
    for (const i of [1, 2, 3]) {
      const r = runCli(cli, ['run', '--base', 'main', '--shard', `${i}/3`, ...BUDGET, '--out', join(work, `part${i}`)], repo, 300_000);
      ok(r);
      expect(r.stdout).toContain(`shard ${i}/3 measured`);
    }
  }, 900_000);

  test('each part names its shard; together they plan every benchmark function once', () => {
    const planned = [1, 2, 3].flatMap((i) => {
      const head = JSON.parse(readFileSync(join(work, `part${i}`, 'head', 'run.json'), 'utf8')) as { shard: { index: number; count: number; planned: { pkg: string; benchmark?: string }[] } };
      expect(head.shard).toMatchObject({ index: i, count: 3, method: 'hash' });
      expect(existsSync(join(work, `part${i}`, 'part.json'))).toBe(true);
      return head.shard.planned.map((u) => `${u.pkg} ${u.benchmark ?? '*'}`);
    });
    expect(planned.sort()).toEqual(
      [
        'example.com/benchmod/alpha BenchmarkParse',
        'example.com/benchmod/alpha BenchmarkTestdata',
        'example.com/benchmod/beta BenchmarkAlloc',
        'example.com/benchmod/beta BenchmarkParse',
        'example.com/benchmod/beta BenchmarkSpin',
      ].sort(),
    );
  });

  test('3 shards + merge give the rows of one unsharded run, judged once', () => {
    const out = join(work, 'merged');
    // sec/op only: 2 pairs can never make a significant change there; allocs/op, compared by value
    // at 1x, could differ between two runs of the same code.
    const r = runCli(cli, ['merge', '--out', out, '--format', 'json', '--gate-metrics', 'sec/op', join(work, 'part1'), join(work, 'part2'), join(work, 'part3')], repo);
    ok(r);
    const merged = readReport(out);
    expect(rowKeys(merged)).toEqual(rowKeys(full));
    expect(full.rows.length).toBeGreaterThan(10);
    expect(merged.verdict).toBe('pass');
    expect(merged.shards).toEqual({ count: 3, missing: [], problems: [] });
    expect(JSON.parse(r.stdout).rows).toHaveLength(full.rows.length);
  });

  test('a missing shard: the merge is incomplete, names it, and does not pass', () => {
    const out = join(work, 'merged-missing');
    const r = runCli(cli, ['merge', '--out', out, '--gate-metrics', 'sec/op', join(work, 'part1'), join(work, 'part3')], repo);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('shard 2/3: no result');
    const merged = readReport(out);
    expect(merged.verdict).toBe('incomplete');
    expect(merged.shards?.missing).toEqual([2]);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/incomplete — 1 shard problem[\s\S]*shard 2\/3: no result/);
  });

  test('baselines the same way: 3 shards merged into one run.json with every benchmark', () => {
    for (const i of [1, 2, 3]) ok(runCli(cli, ['baseline', '--shard', `${i}/3`, '--count', '1', '--benchtime', '1x', '--no-profiles', '--quiet', '--out', join(work, `base${i}`)], repo, 300_000));
    const out = join(work, 'baseline');
    ok(runCli(cli, ['merge', '--out', out, join(work, 'base1'), join(work, 'base2'), join(work, 'base3')], repo));
    const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')) as { shard?: unknown; results: { pkg: string; name: string }[]; packages: { pkg: string; outputFiles: string[] }[] };
    expect(run.shard).toBeUndefined();
    const names = [...new Set(run.results.map((x) => `${x.pkg} ${x.name}`))].sort();
    expect(names).toEqual([...new Set(full.rows.map((x) => `${x.package} ${x.name}`))].sort());
    // Every output file the merged run names is there, under its shard's directory.
    for (const p of run.packages) for (const f of p.outputFiles) expect(existsSync(join(out, f))).toBe(true);

    const missing = runCli(cli, ['merge', '--out', join(work, 'baseline-missing'), join(work, 'base1'), join(work, 'base2')], repo);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('shard 3/3: no result');
  }, 600_000);

  test('a baseline balances the shards by its measured times', () => {
    const r = runCli(cli, ['run', '--baseline', join(work, 'baseline'), '--shard', '1/2', ...BUDGET, '--out', join(work, 'measured1')], repo, 300_000);
    ok(r);
    expect(r.stdout).toContain("placed by the baseline's measured times");
  }, 300_000);
});
