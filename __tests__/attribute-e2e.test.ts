/**
 * End to end over the pieces this module owns: a real Go module, a real git history with a
 * planted slowdown in skipWS (and a cosmetic edit in its caller Count), real CPU profiles of
 * both sides, and attribution. The per-op profiles are built from `go tool pprof` output here,
 * because the pprof module is being written concurrently; the lead's pipeline test replaces this
 * with src/pprof.
 *
 * @lane measuring
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attribute } from '../src/attribute/attribute.js';
import { changedFunctions, pkgDirIn, type ChangedFunction } from '../src/diff/match.js';
import { parseUnifiedDiff } from '../src/diff/unified.js';
import { commitsTouching, diffBetween, mergeBaseOf } from '../src/git/history.js';
import type { BenchmarkProfile, CommitRef, CompareRow, FunctionOpCost } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__', 'fixtures', 'gosrc', 'jsonish');
const PKG = 'example.com/jsonish/scan';

let work: string;
let repo: string;
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(join(repo, path), 'utf8');
  if (!text.includes(from)) throw new Error(`fixture drifted: ${from}`);
  writeFileSync(join(repo, path), text.replace(from, to));
};

interface Side {
  samples: number[];
  profiles: string[];
}

/**
 * Both sides' benchmark in alternating rounds (base, head, head, base, …), each round one sample
 * with its own CPU profile, from test binaries built once. Running all of one side and then all of
 * the other lets a burst of load on this shared machine land on one side only; alternating puts
 * it on both. Returns each side's sec/op samples and profiles (pprof merges them).
 */
function benchBothSides(dirs: Record<'base' | 'head', string>, rounds: number): Record<'base' | 'head', Side> {
  const sides = { base: { samples: [], profiles: [] } as Side, head: { samples: [], profiles: [] } as Side };
  const binary = (side: string) => join(work, `${side}.test`);
  for (const side of ['base', 'head'] as const) execFileSync('go', ['test', '-c', '-o', binary(side), './scan'], { cwd: dirs[side] });
  for (let round = 1; round <= rounds; round++) {
    for (const side of round % 2 === 1 ? (['base', 'head'] as const) : (['head', 'base'] as const)) {
      const profile = join(work, `${side}-${round}.cpu`);
      const out = execFileSync(binary(side), ['-test.run', '^$', '-test.bench', '.', '-test.benchtime', '20x', `-test.cpuprofile=${profile}`], {
        cwd: join(dirs[side], 'scan'),
        encoding: 'utf8',
      });
      sides[side].samples.push(...[...out.matchAll(/^BenchmarkCount\S*\s+\d+\s+([\d.]+) ns\/op/gm)].map((m) => Number(m[1]) * 1e-9));
      sides[side].profiles.push(profile);
    }
  }
  return sides;
}

const DURATION = /^([\d.]+)(ns|us|µs|ms|s|min|h)?$/;
const SCALE: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, min: 60, h: 3600 };
const seconds = (s: string) => {
  const m = DURATION.exec(s);
  if (!m) throw new Error(`not a duration: ${s}`);
  return Number(m[1]) * SCALE[m[2] ?? 's'];
};

/**
 * The benchmark's frames per op: `go tool pprof -top` (focused on the benchmark) gives flat and
 * cum, `-raw` gives each function's file and start line; shares of the benchmark's cum times the
 * measured sec/op give cost per op, as the design says.
 */
function perOp(profiles: string[], secPerOp: number): BenchmarkProfile {
  const pprof = (...args: string[]) => execFileSync('go', ['tool', 'pprof', ...args, ...profiles], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const where = new Map<string, { file: string; startLine: number }>();
  for (const m of pprof('-raw').matchAll(/^\s+(?:\d+: 0x[0-9a-f]+ M=\d+ )?(\S+) (\S+):\d+:\d+ s=(\d+)\s*$/gm)) {
    where.set(m[1], { file: m[2], startLine: Number(m[3]) });
  }
  const top = pprof('-top', '-nodecount=1000', '-nodefraction=0', `-focus=^${PKG.replace(/\./g, '\\.')}\\.BenchmarkCount$`);
  const rows = [...top.matchAll(/^\s*(\S+)\s+[\d.]+%\s+[\d.]+%\s+(\S+)\s+[\d.]+%\s+(\S+)(?: \(inline\))?\s*$/gm)];
  const total = rows.map((r) => ({ name: r[3], cum: seconds(r[2]) })).find((r) => r.name === `${PKG}.BenchmarkCount`)!.cum;
  // A function inlined in some places and not in others has two rows: add them up.
  const byName = new Map<string, FunctionOpCost>();
  for (const r of rows) {
    const f = byName.get(r[3]) ?? { function: r[3], file: where.get(r[3])?.file ?? '', startLine: where.get(r[3])?.startLine ?? 0, flat: 0, cum: 0 };
    f.flat += (seconds(r[1]) / total) * secPerOp;
    f.cum += (seconds(r[2]) / total) * secPerOp;
    byName.set(r[3], f);
  }
  return { package: PKG, name: 'Count', unit: 'sec/op', functions: [...byName.values()] };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

let changed: ChangedFunction[];
let commits: Map<ChangedFunction, CommitRef[]>;
const ROUNDS = 5;
let base: Side;
let head: Side;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-attr-'));
  repo = join(work, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  // The base is built from its own checkout, so the two profiles carry different absolute paths.
  const baseDir = join(work, 'base');
  cpSync(FIXTURE, baseDir, { recursive: true });

  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'pr');
  edit('scan/scan.go', '\tn := 0\n', '\tn := 0 // values seen so far\n');
  git('commit', '-qam', 'tidy Count');
  // About ×5 on Count: far above what load does to one sample against another.
  edit('scan/scan.go', '\tfor i < len(data) && isSpace(data[i]) {\n\t\ti++\n', '\tfor i < len(data) && isSpace(data[i]) {\n\t\tfor k := 0; k < 16; k++ {\n\t\t\tspin += k\n\t\t}\n\t\ti++\n');
  writeFileSync(join(repo, 'scan', 'scan.go'), readFileSync(join(repo, 'scan', 'scan.go'), 'utf8') + '\nvar spin int\n');
  git('commit', '-qam', 'slow skipWS');

  const diffs = parseUnifiedDiff(await diffBetween(repo, 'main', 'pr'));
  const mb = await mergeBaseOf(repo, 'main', 'pr');
  const found = changedFunctions(
    diffs,
    (p) => (existsSync(join(repo, p)) ? readFileSync(join(repo, p), 'utf8') : undefined),
    'example.com/jsonish',
    pkgDirIn(''),
    (p) => git('show', `${mb}:${p}`),
  );
  expect(found.warnings).toEqual([]);
  changed = found.functions;
  commits = new Map();
  for (const c of changed) commits.set(c, await commitsTouching(repo, 'main', 'pr', c.file, c.startLine, c.endLine));

  ({ base, head } = benchBothSides({ base: baseDir, head: repo }, ROUNDS));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the diff names the changed functions and their commits', () => {
  expect(changed.map((c) => c.function)).toEqual([`${PKG}.Count`, `${PKG}.skipWS`]);
  expect(commits.get(changed[1])!.map((c) => c.subject)).toEqual(['slow skipWS']);
  expect(commits.get(changed[0])!.map((c) => c.subject)).toEqual(['tidy Count']);
});

test('the planted slowdown is blamed on skipWS, not on its changed caller', () => {
  expect(base.samples).toHaveLength(ROUNDS);
  expect(head.samples).toHaveLength(ROUNDS);
  const b = median(base.samples);
  const h = median(head.samples);
  expect(h).toBeGreaterThan(b * 1.5); // a ×5 plant, medians of alternating rounds
  const row: CompareRow = {
    package: PKG,
    name: 'Count',
    unit: 'sec/op',
    base: { n: ROUNDS, center: b, lo: NaN, hi: NaN, warnings: [] },
    head: { n: ROUNDS, center: h, lo: NaN, hi: NaN, warnings: [] },
    deltaPercent: (h / b - 1) * 100,
    p: null,
    significant: true,
    verdict: 'regression',
    reason: 'planted',
  };
  const a = attribute(row, perOp(base.profiles, b), perOp(head.profiles, h), changed, (c) => commits.get(c) ?? []);
  expect(a.note).toBeNull();
  const [first] = a.functions;
  expect(first).toMatchObject({
    function: `${PKG}.skipWS`,
    file: 'scan/scan.go',
    changed: true,
    commits: [expect.objectContaining({ subject: 'slow skipWS' })],
  });
  expect(first.startLine).toBe(changed[1].startLine);
  expect(first.share).toBeGreaterThan(0.5);
  // Count changed too and its cum moved as much, but its own cost did not: it is not blamed first.
  const count = a.functions.findIndex((f) => f.function === `${PKG}.Count`);
  expect(count === -1 || count > 0).toBe(true);
});
