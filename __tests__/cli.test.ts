/**
 * `benchgate compare` end to end: the bundled CLI on outputs of real `go test -bench` runs of the
 * climod fixture (head plants a ×10 slowdown in calc.Checksum; count.Popcount is untouched), checked
 * against the pinned benchstat on the same files, in every format, with its exit statuses.
 *
 * Verdicts that must not depend on the machine's load are asked for at a 50% threshold: the
 * planted ×10 is far above it, and the untouched Popcount, measured in alternating rounds, never
 * moves that much, so the headline's "1 regression" and the exit statuses are fixed.
 *
 * @lane measuring
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, runCli } from './helpers/cli.js';
import { benchName, benchNamePattern } from './helpers/gobench.js';
import { BENCHSTAT, ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
const CHECKSUM = benchName('Checksum');
const POPCOUNT = benchName('Popcount');
const LOAD_PROOF = ['--threshold', '50'];
let cli: string;
let dir: string;
let base: string;
let head: string;

/**
 * Go benchmark output of both sides, taken in alternating rounds (base, head, head, base, …) from
 * test binaries built once: on a busy test machine, running one side after the other lets load
 * spikes land on one side only.
 */
function goBenchBothSides(rounds: number): { base: string; head: string } {
  const bin = mkdtempSync(join(tmpdir(), 'benchgate-cli-bin-'));
  const pkgs = ['calc', 'count'];
  const binary = (side: string, pkg: string) => join(bin, `${side}-${pkg}.test`);
  for (const side of ['base', 'head']) {
    for (const pkg of pkgs) execFileSync('go', ['test', '-c', '-o', binary(side, pkg), `./${pkg}`], { cwd: join(FIXTURE, side) });
  }
  const text: Record<string, string> = { base: '', head: '' };
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 === 0 ? ['base', 'head'] : ['head', 'base']) {
      for (const pkg of pkgs) {
        text[side] += execFileSync(binary(side, pkg), ['-test.run', '^$', '-test.bench', '.', '-test.benchtime', '20x', '-test.benchmem'], {
          cwd: join(FIXTURE, side, pkg),
          encoding: 'utf8',
        });
      }
    }
  }
  rmSync(bin, { recursive: true, force: true });
  return { base: text.base, head: text.head };
}

beforeAll(async () => {
  cli = await bundleCli();
  dir = mkdtempSync(join(tmpdir(), 'benchgate-cli-compare-'));
  base = join(dir, 'base.txt');
  head = join(dir, 'head.txt');
  // Ten samples a side: a load spike or two cannot hide the planted ×10 (p stays far below α).
  const outputs = goBenchBothSides(10);
  writeFileSync(base, outputs.base);
  writeFileSync(head, outputs.head);
});

const compare = (...args: string[]) => runCli(cli, ['compare', ...args], dir);

interface JsonSummary {
  n: number;
  center: number | null;
  lo: number | null;
  hi: number | null;
  warnings: string[];
}
interface JsonRow {
  package: string;
  name: string;
  unit: string;
  base: JsonSummary | null;
  head: JsonSummary | null;
  deltaPercent: number | null;
  p: number | null;
  q: number | null;
  significant: boolean;
  verdict: string;
  reason: string;
}

/** benchstat's own decision per (package, benchmark, unit): "~" in its "vs base" column or not. */
function benchstatDecisions(): Map<string, boolean> {
  const csv = execFileSync(BENCHSTAT, ['-format', 'csv', base, head], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const decisions = new Map<string, boolean>();
  let pkg = '';
  let unit = '';
  for (const line of csv.split('\n')) {
    const cells = line.split(',');
    if (line.startsWith('pkg: ')) pkg = line.slice(5);
    else if (cells[0] === '' && cells[6] === 'P') unit = cells[1];
    else if (cells.length === 7 && cells[0] !== '' && cells[0] !== 'geomean') {
      decisions.set(`${pkg} ${cells[0]} ${unit}`, cells[5] !== '~');
    }
  }
  return decisions;
}

describe('benchgate compare', () => {
  test('json: the documented contract, and `significant` is benchstat\'s decision', () => {
    const r = compare(base, head, '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: JsonRow[]; geomean: unknown[]; warnings: string[] };
    expect(Array.isArray(report.warnings)).toBe(true);
    expect(report.geomean.length).toBeGreaterThan(0);
    const keys = ['package', 'name', 'unit', 'base', 'head', 'deltaPercent', 'p', 'q', 'significant', 'verdict', 'reason'];
    for (const row of report.rows) {
      for (const k of keys) expect(row).toHaveProperty(k);
      for (const s of [row.base, row.head]) expect(Object.keys(s!)).toEqual(expect.arrayContaining(['n', 'center', 'lo', 'hi']));
    }
    const checksum = report.rows.find((x) => x.name === CHECKSUM && x.unit === 'sec/op')!;
    expect(checksum).toMatchObject({ package: 'example.com/climod/calc', verdict: 'regression', significant: true });
    expect(checksum.base!.n).toBe(10);
    expect(checksum.deltaPercent!).toBeGreaterThan(100);

    const decisions = benchstatDecisions();
    expect(decisions.size).toBe(report.rows.length);
    for (const row of report.rows) {
      expect([`${row.package} ${row.name} ${row.unit}`, row.significant]).toEqual([
        `${row.package} ${row.name} ${row.unit}`,
        decisions.get(`${row.package} ${row.name} ${row.unit}`),
      ]);
    }
  });

  test('json: missing values are null, not absent or NaN', () => {
    // Five samples have no interval at 95%; a benchmark only in head has no base.
    const text = readFileSync(base, 'utf8').split('\n');
    const header = text.slice(0, text.findIndex((l) => l.startsWith('Benchmark')));
    const few = join(dir, 'few.txt');
    writeFileSync(few, [...header, ...text.filter((l) => l.startsWith('BenchmarkChecksum')).slice(0, 5)].join('\n') + '\n');
    const r = compare(few, head, '--format', 'json');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: JsonRow[] }).rows;
    const checksum = rows.find((x) => x.name === CHECKSUM && x.unit === 'sec/op')!;
    // No finite interval: the infinite bound is null (JSON has no Infinity), the reason a warning.
    expect(checksum.base).toMatchObject({ n: 5, lo: null, warnings: ['need >= 6 samples for confidence interval at level 0.95'] });
    const popcount = rows.find((x) => x.name === POPCOUNT && x.unit === 'sec/op')!;
    expect(popcount).toMatchObject({ verdict: 'new', base: null, deltaPercent: null, p: null });
  });

  test('text, markdown and csv name the regression', () => {
    const text = compare(base, head, ...LOAD_PROOF);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`${benchNamePattern('Checksum')} .*\\+\\d+\\.\\d+% \\(p=0\\.000 n=10\\)`));
    const md = compare(base, head, '--format', 'markdown', ...LOAD_PROOF);
    expect(md.stdout.split('\n')[0]).toMatch(/^### ⚠️ benchgate: 1 regression in 2 benchmarks — not gating$/);
    expect(md.stdout).toMatch(new RegExp(`\\| 🔴 \\| \`calc\` ${benchNamePattern('Checksum')} +\\| sec\\/op`));
    const csv = compare(base, head, '--format', 'csv', ...LOAD_PROOF);
    const [header, ...rows] = csv.stdout.trim().split('\n');
    expect(header.split(',').slice(0, 3)).toEqual(['package', 'name', 'unit']);
    expect(rows.find((l) => l.startsWith(`example.com/climod/calc,${CHECKSUM},sec/op,`))).toContain(',regression,');
  });

  test('--fail-on regression: exit 1 on a regression, 0 without one', () => {
    expect(compare(base, head, '--fail-on', 'regression', ...LOAD_PROOF).code).toBe(1);
    expect(compare(base, base, '--fail-on', 'regression').code).toBe(0);
    expect(compare(head, base, '--fail-on', 'regression', ...LOAD_PROOF).code).toBe(0); // an improvement
    expect(compare(base, head, '--fail-on', 'regression', '--gate-metrics', 'B/op', ...LOAD_PROOF).code).toBe(0);
  });

  test.each([
    [['--bogus'], 'unknown flag "--bogus"'],
    [[], 'expected two files, got 1'],
    [['--alpha', '2'], '--alpha must be a number from 1e-9 to 0.5, got "2"'],
    [['--alpha', 'x'], '--alpha must be a number'],
    [['--format', 'xml'], '--format must be one of text, markdown, json, csv'],
  ])('usage error %j: exit 2, one line and the usage', (flags, message) => {
    const args = flags.length === 0 ? [base] : [base, head, ...flags];
    const r = compare(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, ...rest] = r.stderr.trimEnd().split('\n');
    expect(first).toContain(`benchgate compare: ${message}`);
    expect(rest.join('\n')).toMatch(/^usage: benchgate compare <base-file> <head-file>/);
  });

  test('unreadable or binary input: exit 3 naming the file', () => {
    const binary = join(dir, 'binary.dat');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]));
    for (const bad of [join(dir, 'missing.txt'), binary, dir]) {
      const r = compare(base, bad);
      expect(r.code).toBe(3);
      expect(r.stderr.split('\n')[0]).toContain(`benchgate compare: ${bad}`);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
