/**
 * main's history through a sharded baseline, with the bundled CLI on a git repository of the
 * benchmod fixture and the real Go toolchain: two sharded baselines (the second's shards carry the
 * first merged baseline's history forward with --previous) merge into a baseline whose
 * history.json has every shard's benchmarks in every run, checksummed in its run.json; a PR
 * compared against it, unsharded (`run --baseline`) or sharded (`run --shard` + `merge`), shows
 * main's trend for the flagged rows of every shard. The flagged rows are allocations (one more per
 * call in every function the benchmarks run, compared by value, not gated): no timing is judged.
 *
 * @lane measuring
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256 } from '../src/store/checksums.js';
import { bundleCli, git, runCli, type CliResult } from './helpers/cli.js';
import { leakEveryCall as leakGo } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/benchmod');
const BASELINE = ['--count', '1', '--benchtime', '20x', '--no-profiles', '--quiet'];
const RUN = ['--benchtime', '20x', '--rounds', '2', '--min-rounds', '2', '--max-rounds', '2', '--no-profiles', '--confirm', 'never', '--causal', 'off', '--duet', 'off', '--quiet'];
const SHARDS = [1, 2];

let cli: string;
let work: string;
let repo: string;

/** Each function the benchmarks call allocates once more per call. */
function leakEveryCall(file: string, funcs: string[]): void {
  writeFileSync(file, leakGo(readFileSync(file, 'utf8'), funcs));
}

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-shard-history-'));
  repo = join(work, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'pr');
  leakEveryCall(join(repo, 'alpha', 'alpha.go'), ['Parse']);
  leakEveryCall(join(repo, 'beta', 'beta.go'), ['Parse', 'Spin', 'Copies']);
  git(repo, 'commit', '-q', '-am', 'allocate once more per call');
  git(repo, 'checkout', '-q', 'main');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const ok = (r: CliResult) => expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });

interface Entry {
  commit: string;
  medians: Record<string, Record<string, Record<string, number>>>;
}

/** `pkg Benchmark` for every benchmark an entry has (without the -procs suffix). */
const benchmarksOf = (e: Entry) => Object.entries(e.medians).flatMap(([pkg, names]) => Object.keys(names).map((n) => `${pkg} ${n.replace(/-\d+$/, '')}`)).sort();

/** The flagged rows of a comment's main table: benchmark cell → trend cell, by the header's columns. */
function trendCells(markdown: string): Map<string, string> {
  const lines = markdown.split('\n');
  // Cells between unescaped pipes (markdown-table pads them).
  const cells = (l: string) => l.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim());
  const header = lines.findIndex((l) => l.startsWith('|') && cells(l).includes('benchmark'));
  expect(header).toBeGreaterThanOrEqual(0);
  const cols = cells(lines[header]);
  const trend = cols.indexOf('main trend');
  const out = new Map<string, string>();
  for (const l of lines.slice(header + 2)) {
    if (!l.startsWith('|')) break;
    const row = cells(l);
    if (row[cols.indexOf('metric')] === 'allocs/op') out.set(row[cols.indexOf('benchmark')], trend < 0 ? '' : row[trend]);
  }
  return out;
}

describe('a sharded baseline keeps main’s history', () => {
  let planned: Map<number, string[]>;

  beforeAll(() => {
    const merge = (runIndex: number, previous?: string) => {
      for (const i of SHARDS) {
        const prev = previous ? ['--previous', previous] : [];
        ok(runCli(cli, ['baseline', '--shard', `${i}/2`, ...BASELINE, ...prev, '--out', join(work, `b${runIndex}-${i}`)], repo, 300_000));
      }
      const r = runCli(cli, ['merge', '--quiet', '--out', join(work, `m${runIndex}`), ...SHARDS.map((i) => join(work, `b${runIndex}-${i}`))], repo);
      ok(r);
      return r;
    };
    merge(1);
    const second = merge(2, join(work, 'm1'));
    expect(second.stdout).toContain('history: 2 run(s)');
    planned = new Map(
      SHARDS.map((i) => {
        const run = JSON.parse(readFileSync(join(work, `b2-${i}`, 'run.json'), 'utf8')) as { shard: { planned: { pkg: string; benchmark?: string }[] } };
        return [i, run.shard.planned.map((u) => u.pkg)];
      }),
    );
  }, 900_000);

  test('each shard measured a share of the suite', () => {
    for (const i of SHARDS) expect(planned.get(i)?.length).toBeGreaterThan(0);
  });

  test("the merged baseline's history has every shard's benchmarks in every run, checksummed in run.json", () => {
    const dir = join(work, 'm2');
    const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as { results: { pkg: string; name: string }[]; checksums: Record<string, string> };
    expect(run.checksums['history.json']).toBe(sha256(readFileSync(join(dir, 'history.json'))));
    const history = JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8')) as { entries: Entry[] };
    const head = git(repo, 'rev-parse', 'main').trim();
    expect(history.entries.map((e) => e.commit)).toEqual([head, head]);
    const all = [...new Set(run.results.map((r) => `${r.pkg} ${r.name.replace(/-\d+$/, '')}`))].sort();
    expect(all).toHaveLength(6);
    for (const e of history.entries) expect(benchmarksOf(e)).toEqual(all);
  });

  /** Every benchmark function regressed in allocations has its trend, in the rows of every shard's packages. */
  function expectTrendsOfEveryShard(markdown: string): void {
    const trends = trendCells(markdown);
    // Parse/large, Testdata (alpha); Parse, Spin (beta) at least (5 in 9 runs beside a CPU hog). (At 1x allocations per op vary
    // between samples — runtime allocations land on one op — and under load a row could go
    // unflagged: 20x averages them out. Alloc's +1 of 101 is below the threshold.) What matters is
    // below: every flagged row has its trend, and rows of both shards are among them.
    expect(trends.size).toBeGreaterThanOrEqual(4);
    for (const [bench, trend] of trends) expect({ bench, trend }).toEqual({ bench, trend: expect.stringMatching(/^[▁-█]{2}$/) });
    for (const i of SHARDS) {
      const pkgs = planned.get(i)!.map((p) => `\`${p.split('/').pop()}\``);
      expect([...trends.keys()].some((b) => pkgs.some((p) => b.startsWith(p)))).toBe(true);
    }
  }

  test('a PR compared against it shows main’s trend for the flagged rows of every shard', () => {
    const out = join(work, 'pr-full');
    const r = runCli(cli, ['run', '--baseline', join(work, 'm2'), '--head', 'pr', ...RUN, '--out', out], repo, 300_000);
    // Allocations are not gated by default: the rows are flagged, the run passes.
    expect(r.code).toBe(0);
    expectTrendsOfEveryShard(readFileSync(join(out, 'report.md'), 'utf8'));
  }, 300_000);

  test('benchgate merge of a sharded PR prints the same trend column', () => {
    for (const i of SHARDS) {
      ok(runCli(cli, ['run', '--baseline', join(work, 'm2'), '--head', 'pr', '--shard', `${i}/2`, ...RUN, '--out', join(work, `pr-${i}`)], repo, 300_000));
    }
    const out = join(work, 'pr-merged');
    const r = runCli(cli, ['merge', '--quiet', '--format', 'markdown', '--out', out, ...SHARDS.map((i) => join(work, `pr-${i}`))], repo);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| main trend +\|/);
    expectTrendsOfEveryShard(r.stdout);
    expectTrendsOfEveryShard(readFileSync(join(out, 'report.md'), 'utf8'));
  }, 600_000);
});
