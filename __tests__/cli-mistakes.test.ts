/**
 * The mistakes a new user makes with `benchgate run`, with the bundled CLI, real git and real Go:
 * Ctrl-C in the middle of a run (nothing may stay behind: no git worktree, no temporary
 * directory), flag values that `go test` would refuse only after the build, and values that start
 * with '-' (`--go-test-flags "-tags=x"`, as the usage shows it). Also the one-line reason of a
 * failed package, as the report's warnings give it.
 *
 * @lane measuring
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attachDashValues } from '../src/commands/common.js';
import { failureHeadline } from '../src/failures.js';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { repoFromFixture } from './helpers/repo.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');

let cli: string;
let work: string;
let repo: string;

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-mistakes-'));
  repo = join(work, 'repo');
  repoFromFixture(repo, join(FIXTURE, 'base'), [
    { branch: 'slow', overlay: { 'calc/calc.go': { copy: join(FIXTURE, 'head/calc/calc.go') } }, message: 'calc: checksum in ten passes' },
  ]);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Ctrl-C in the middle of benchgate run', () => {
  test('ends the benchmarks, removes the worktree and the temporary directory, exits 130', async () => {
    // A TMPDIR of its own: what benchgate leaves there is exactly what is left.
    const tmp = join(work, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [cli, 'run', '--base', 'main', '--rounds', '30', '--benchtime', '200x', '--no-profiles'], {
      cwd: repo,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        // In the rounds: the base worktree and the test binaries exist, a benchmark is running.
        if (/round 1 of 30/.test(stderr)) resolve();
      });
      child.on('close', () => reject(new Error(`benchgate ended before its first round:\n${stderr}`)));
    });
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('benchgate: interrupted (SIGINT): stopping the benchmarks and removing temporary worktrees and files');
    // No "benchgate run: …" error after it: the killed processes are Ctrl-C's echo, not news.
    expect(stderr).not.toMatch(/^benchgate run: /m);
    expect(git(repo, 'worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(readdirSync(tmp).filter((e) => e.startsWith('benchgate'))).toEqual([]);
  }, 120_000);
});

describe('flag values', () => {
  test.each([
    [['--benchtime', '5'], '--benchtime must be a duration such as 100ms or 2s, or a count such as 100x, got "5"'],
    [['--benchtime', '0x'], '--benchtime must be a duration such as 100ms or 2s, or a count such as 100x, got "0x"'],
    [['--cpu', 'a,b'], '--cpu must be a list of GOMAXPROCS values, whole numbers from 1 (e.g. "1,2,4"), got "a,b"'],
    [['--cpu', '0'], '--cpu must be a list of GOMAXPROCS values, whole numbers from 1 (e.g. "1,2,4"), got "0"'],
    // A value starting with '-' reaches the flag's own check, not node's "argument is ambiguous".
    [['--threshold', '-3'], '--threshold must be a number from 0 to 10000, got "-3"'],
    [['--rounds', '-1'], '--rounds must be a number from 1 to 1000, got "-1"'],
  ])('run %j is a usage error naming the flag, before anything is built', (flags, message) => {
    const r = runCli(cli, ['run', '--base', 'main', ...flags], repo);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`benchgate run: ${message}`);
  });

  test('go test flags that start with a dash are taken as the usage shows them', () => {
    expect(attachDashValues(['--go-test-flags', '-tags=x -count=1', '--quiet'], { 'go-test-flags': { type: 'string' }, quiet: { type: 'boolean' } })).toEqual([
      '--go-test-flags=-tags=x -count=1',
      '--quiet',
    ]);
    // A forgotten value stays forgotten: the next flag is not taken as it.
    expect(attachDashValues(['--bench', '--quiet'], { bench: { type: 'string' }, quiet: { type: 'boolean' } })).toEqual(['--bench', '--quiet']);
    expect(attachDashValues(['--bench', '-h'], { bench: { type: 'string' } })).toEqual(['--bench', '-h']);
    // After '--' nothing is touched.
    expect(attachDashValues(['--', '--bench', '-x'], { bench: { type: 'string' } })).toEqual(['--', '--bench', '-x']);
  });

  test('baseline --go-test-flags "-tags=…" records (it used to be "argument is ambiguous")', () => {
    const out = join(work, 'baseline');
    const r = runCli(cli, ['baseline', '--out', out, '--count', '1', '--benchtime', '1x', '--no-profiles', '--packages', './calc', '--go-test-flags', '-tags=benchgate_test', '--quiet'], repo);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^benchgate: recorded 1 result in 1 package to /);
  }, 120_000);
});

describe('where run looks', () => {
  test('a --base that does not exist: the flag, the repository and its branches', () => {
    const r = runCli(cli, ['run', '--base', 'master'], repo);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^benchgate run: --base "master" is not a branch, tag or commit in .*repo \(branches here: main, slow\); name one of them, or fetch it first \(git fetch origin master\)$/m);
  });

  test('a --bench that matches nothing: the pattern and the packages, for run and baseline', () => {
    git(repo, 'checkout', '-q', 'main');
    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '5', '--benchtime', '1x', '--bench', 'Nope', '--quiet'], repo);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('benchgate run: no benchmark results on either side: --bench "Nope" matched no benchmark in --packages ./...; check --packages and --bench\n');
    const b = runCli(cli, ['baseline', '--out', join(work, 'nope'), '--count', '1', '--benchtime', '1x', '--bench', '^Checksum$', '--quiet'], repo);
    expect(b.code).toBe(3);
    expect(b.stderr).toBe(
      "benchgate baseline: no benchmark results: nothing recorded: --bench \"^Checksum$\" matched no benchmark in --packages ./...; check --packages and --bench (--bench is matched against the whole function name: did you mean '^BenchmarkChecksum$'?)\n",
    );
  }, 120_000);

  test('no go.mod: says so once, for run and baseline, and records nothing', () => {
    const dir = join(work, 'nomod');
    mkdirSync(dir);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'empty');
    for (const args of [['run', '--base', 'main'], ['baseline', '--out', join(dir, 'out')]]) {
      const r = runCli(cli, args, dir);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(`benchgate ${args[0]}: no go.mod in ${dir} or any directory above it: run benchgate in a Go module (its go.mod's directory or a package directory below it)\n`);
    }
    expect(readdirSync(dir)).toEqual(['.git']);
  });
});

describe('run from a package directory below the module', () => {
  test('measures the packages there and still marks the changed function', () => {
    git(repo, 'checkout', '-q', 'slow');
    const r = runCli(
      cli,
      ['run', '--base', 'main', '--rounds', '5', '--max-rounds', '5', '--benchtime', '20x', '--threshold', '50', '--causal', 'off', '--no-diagnose', '--format', 'json', '--quiet'],
      join(repo, 'calc'),
    );
    // It used to warn "…/calc/go.mod: no go.mod here" and leave changed functions unmarked.
    expect(r.stderr).not.toContain('go.mod');
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: { package: string; unit: string; attribution: { functions: { function: string; changed: boolean }[] } | null }[] }).rows;
    expect(new Set(rows.map((x) => x.package))).toEqual(new Set(['example.com/climod/calc']));
    const slow = rows.find((x) => x.unit === 'sec/op')!;
    expect(slow.attribution!.functions[0]).toMatchObject({ function: 'example.com/climod/calc.Checksum', changed: true });
  }, 180_000);

  test('a directory the base does not have: the error says so, not "is go installed?"', () => {
    git(repo, 'checkout', '-q', '-b', 'newpkg', 'main');
    mkdirSync(join(repo, 'fresh'));
    writeFileSync(join(repo, 'fresh', 'fresh_test.go'), 'package fresh\n\nimport "testing"\n\nfunc BenchmarkNew(b *testing.B) {}\n');
    git(repo, 'add', 'fresh');
    git(repo, 'commit', '-q', '-m', 'fresh');
    const r = runCli(cli, ['run', '--base', 'main', '--rounds', '5', '--benchtime', '1x', '--quiet'], join(repo, 'fresh'));
    git(repo, 'checkout', '-q', 'main');
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^benchgate run: cannot run go in .*benchgate-worktree-[^/]+\/fresh: the directory does not exist$/m);
    expect(r.stderr).not.toContain('PATH');
  }, 120_000);
});

describe('a failed package in one line', () => {
  test("a compile error, not go build's package header", () => {
    const reason = '# example.com/m/calc [example.com/m/calc.test]\n./calc.go:12:9: cannot use "x" (untyped string constant) as int value in return statement\n';
    expect(failureHeadline(reason)).toBe('./calc.go:12:9: cannot use "x" (untyped string constant) as int value in return statement');
  });

  test('a panicking benchmark: the panic beside the exit status', () => {
    const reason = 'round 1, head, benchmark Get-2: exit status 2\npanic: boom in get\n\ngoroutine 9 [running]:\nexample.com/m.get(…)\n';
    expect(failureHeadline(reason)).toBe('round 1, head, benchmark Get-2: exit status 2 (panic: boom in get)');
  });

  test('other reasons: their first line', () => {
    expect(failureHeadline('go list: pattern ./x/...: lstat ./x/: no such file or directory')).toBe('go list: pattern ./x/...: lstat ./x/: no such file or directory');
  });
});
