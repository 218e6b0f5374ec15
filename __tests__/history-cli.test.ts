/**
 * main's history and the integrity of stored runs through the bundled CLI, on a throwaway git
 * repository of the climod fixture with the real Go toolchain: `benchgate baseline --previous`
 * carries the history forward, `benchgate history` writes the trend page, and a baseline whose
 * profile lost one byte is refused by `run --baseline` (naming the file) and does not stop the
 * next baseline, whose history then starts anew. Nothing here judges timings.
 *
 * @lane measuring
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { benchName } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
const TINY = ['--count', '2', '--benchtime', '1x', '--quiet'];

let cli: string;
let work: string;
let repo: string;
const sha: string[] = [];

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-history-cli-'));
  repo = join(work, 'repo');
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'calc: checksum and popcount');
  sha.push(git(repo, 'rev-parse', 'HEAD').trim());
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface StoredHistory {
  schema: number;
  entries: { commit: string; time: string; medians: Record<string, Record<string, Record<string, number>>> }[];
}

function history(dir: string): StoredHistory {
  return JSON.parse(readFileSync(join(dir, 'history.json'), 'utf8'));
}

describe('benchgate baseline keeps a history; benchgate history draws it', () => {
  test('the first baseline starts the history with its own run', () => {
    const r = runCli(cli, ['baseline', '--out', join(work, 'b1'), ...TINY], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = history(join(work, 'b1'));
    expect(h.schema).toBe(1);
    expect(h.entries.map((e) => e.commit)).toEqual([sha[0]]);
    expect(Object.keys(h.entries[0].medians['example.com/climod/calc'])).toEqual([benchName('Checksum')]);
    expect(Object.keys(h.entries[0].medians['example.com/climod/count'][benchName('Popcount')]).sort()).toEqual(['B/op', 'allocs/op', 'sec/op']);
  });

  test('the next, with --previous: two entries, oldest first', () => {
    writeFileSync(join(repo, 'NOTES.md'), 'notes\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'notes');
    sha.push(git(repo, 'rev-parse', 'HEAD').trim());
    const r = runCli(cli, ['baseline', '--out', join(work, 'b2'), '--previous', join(work, 'b1'), ...TINY], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const h = history(join(work, 'b2'));
    expect(h.entries.map((e) => e.commit)).toEqual(sha);
    expect(h.entries[1].medians['example.com/climod/calc'][benchName('Checksum')]['allocs/op']).toBeGreaterThanOrEqual(0);
  });

  test('--history-length keeps the newest runs, and --previous may be the --out directory itself', () => {
    const out = join(work, 'b2');
    const r = runCli(cli, ['baseline', '--out', out, '--previous', out, '--history-length', '2', ...TINY], repo);
    expect(r.code).toBe(0);
    expect(history(out).entries.map((e) => e.commit)).toEqual([sha[1], sha[1]]);
  });

  test('history --out: one page with a chart per benchmark, from the carried history or from stored runs', () => {
    const page = join(work, 'page.html');
    const r = runCli(cli, ['history', '--out', page, join(work, 'b2')], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^benchgate: wrote .*page\.html: 2 run\(s\), 2 benchmark\(s\)$/m);
    const html = readFileSync(page, 'utf8');
    for (const name of ['Checksum', 'Popcount']) expect(html).toContain(`<h3>${benchName(name)}</h3>`);
    expect(html).toContain('<h2>example.com/climod/calc</h2>');
    expect(html).toContain('<h2>example.com/climod/count</h2>');
    expect(html).toContain(sha[1].slice(0, 7));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);

    const runs = runCli(cli, ['history', '--out', join(work, 'runs.html'), join(work, 'b1'), join(work, 'b2')], repo);
    expect(runs.code).toBe(0);
    expect(runs.stdout).toContain(': 2 run(s),');
    expect(readFileSync(join(work, 'runs.html'), 'utf8')).toContain(sha[0].slice(0, 7));
  });

  test('usage errors exit 2', () => {
    expect(runCli(cli, ['history', join(work, 'b2')], repo)).toMatchObject({ code: 2, stderr: expect.stringContaining('--out <page.html> is required') });
    expect(runCli(cli, ['history', '--out', join(work, 'x.html')], repo).code).toBe(2);
  });
});

describe('a stored run whose profile changed by one byte', () => {
  let profile: string;
  beforeAll(() => {
    const dir = join(work, 'b1');
    const rel = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.pprof'))
      .map((e) => relative(dir, join(e.parentPath, e.name)))[0];
    expect(rel).toBeDefined();
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).checksums[rel]).toMatch(/^[0-9a-f]{64}$/);
    profile = join(dir, rel);
    const bytes = readFileSync(profile);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(profile, bytes);
  });

  test('run --baseline refuses it, naming the file (exit 3)', () => {
    const r = runCli(cli, ['run', '--baseline', join(work, 'b1'), '--quiet'], repo);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`benchgate run: ${profile}: does not match the SHA-256 in ${join(work, 'b1', 'run.json')}`);
  });

  test('baseline --previous on it: recorded anyway, the history starts anew with a warning', () => {
    const out = join(work, 'b3');
    const r = runCli(cli, ['baseline', '--out', out, '--previous', join(work, 'b1'), ...TINY], repo);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: the previous baseline is unusable for the history \(.*\.pprof: does not match the SHA-256/m);
    expect(history(out).entries).toHaveLength(1);
  });
});

describe('run --baseline with a baseline that carries a history', () => {
  test("the markdown report shows main's trend for the flagged row (the planted ×10 in Checksum)", () => {
    git(repo, 'checkout', '-q', '-b', 'slow');
    cpSync(join(FIXTURE, 'head/calc/calc.go'), join(repo, 'calc/calc.go'));
    git(repo, 'commit', '-q', '-am', 'calc: checksum in ten passes');
    // Five samples a side: the fewest at which the exact U test can separate the planted ×10.
    git(repo, 'checkout', '-q', 'main');
    const b4 = join(work, 'b4');
    expect(runCli(cli, ['baseline', '--out', b4, '--previous', join(work, 'b2'), '--count', '5', '--benchtime', '20x', '--quiet'], repo).code).toBe(0);
    const r = runCli(
      cli,
      ['run', '--baseline', b4, '--head', 'slow', '--rounds', '5', '--benchtime', '20x', '--threshold', '100', '--confirm', 'never', '--causal', 'off', '--format', 'markdown', '--quiet'],
      repo,
    );
    git(repo, 'checkout', '-q', 'main');
    const header = r.stdout.split('\n').find((l) => l.startsWith('|') && l.includes('benchmark'));
    expect(header).toMatch(/ base \| main trend \| +this PR /);
    const row = r.stdout.split('\n').find((l) => l.includes(`\`calc\` ${benchName('Checksum')} `) && l.includes('sec/op'));
    expect(row).toMatch(/\| [▁▂▃▄▅▆▇█]{3} +\|/);
  });
});
