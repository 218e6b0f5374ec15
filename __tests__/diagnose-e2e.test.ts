/**
 * The GC and scheduler diagnosis end to end (src/diagnose/): the bundled CLI on a throwaway git
 * repository built from the diagmod fixture (main = base; branch `more` gives every record its
 * own 512-byte buffer: 64 more allocations and ~32 KiB more per op), the real Go toolchain, gctrace,
 * `go tool trace` and git worktrees.
 *
 * What is asserted does not depend on timing: allocs/op is compared by value (1 → 65 is always a
 * regression), and GC cycles per op follow the bytes allocated (base: ~13 MiB over 5000 ops under
 * a 4–7 MiB goal, a few cycles; head: ~170 MiB, dozens), not the machine's load. 5000 ops also
 * give each side's CPU profile a few samples (base ~50 ms), so the assist share is measured.
 *
 * @lane measuring
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromJsonReport } from '../src/report/json.js';
import type { CompareRow, DiagnosisSide } from '../src/types.js';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/diagmod');
const BUDGET = ['--rounds', '5', '--benchtime', '5000x', '--threshold', '50', '--causal', 'off', '--quiet'];
const KEYS: (keyof DiagnosisSide)[] = [
  'gcCyclesPerOp',
  'stwSweepTermNsPerOp',
  'stwMarkTermNsPerOp',
  'concurrentMarkNsPerOp',
  'gcCpuFraction',
  'heapGoalBytes',
  'assistShare',
  'schedLatencyNsPerOp',
];

let cli: string;
let work: string;
let repo: string;

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-diagnose-'));
  repo = join(work, 'repo');
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'alloc: records');
  git(repo, 'checkout', '-q', '-b', 'more');
  cpSync(join(FIXTURE, 'head/alloc/alloc.go'), join(repo, 'alloc/alloc.go'));
  git(repo, 'commit', '-q', '-am', 'alloc: a value buffer per record');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function allocsRow(out: string): CompareRow {
  const report = fromJsonReport(readFileSync(join(out, 'report.json'), 'utf8'), 'report.json');
  const row = report.rows.find((r) => r.name.startsWith('Build') && r.unit === 'allocs/op');
  if (!row) throw new Error('no Build allocs/op row');
  return row;
}

test('benchgate run: a flagged row carries base and head GC figures; head allocates more, so more cycles per op', () => {
  const out = join(work, 'out');
  const r = runCli(cli, ['run', '--base', 'main', ...BUDGET, '--out', out], repo, 240_000);
  expect(r.stderr).not.toMatch(/diagnosis could not run|diagnosis of .*: /);
  expect(r.code).toBe(0);
  const row = allocsRow(out);
  expect(row.verdict).toBe('regression');
  const d = row.diagnosis!;
  expect(d).toBeDefined();
  for (const side of [d.base, d.head]) {
    expect(Object.keys(side).sort()).toEqual([...KEYS].sort());
    // The run, its gctrace, its CPU profile and its trace all worked: every figure is measured.
    for (const k of KEYS) expect(side[k]).not.toBeNull();
    expect(side.gcCpuFraction!).toBeGreaterThanOrEqual(0);
    expect(side.schedLatencyNsPerOp!).toBeGreaterThanOrEqual(0);
  }
  expect(d.head.gcCyclesPerOp!).toBeGreaterThan(d.base.gcCyclesPerOp!);
  // The raw material stays beside the report; the kept test binaries do not.
  expect(existsSync(join(out, 'diagnose', 'head'))).toBe(true);
  expect(existsSync(join(out, 'bin'))).toBe(false);
  const md = readFileSync(join(out, 'report.md'), 'utf8');
  expect(md).toMatch(/\| GC cycles per op +\| +[\d.e-]+ \| +[\d.e-]+ \|/);
  expect(md).toContain('GC and scheduler: more GC cycles per op (');
});

test('--no-diagnose: no diagnostic runs, no diagnosis', () => {
  const out = join(work, 'out-off');
  const r = runCli(cli, ['run', '--base', 'main', ...BUDGET, '--no-diagnose', '--out', out], repo, 240_000);
  expect(r.code).toBe(0);
  expect(allocsRow(out).diagnosis).toBeUndefined();
  expect(existsSync(join(out, 'diagnose'))).toBe(false);
  expect(existsSync(join(out, 'bin'))).toBe(false);
});
