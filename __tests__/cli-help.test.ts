/**
 * `--help` and `-h` on every subcommand of the bundled CLI, run with node as a user runs it: the
 * subcommand's usage on stdout and exit 0, never "unknown flag" (no Go needed).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, runCli } from './helpers/cli.js';

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await bundleCli();
  dir = mkdtempSync(join(tmpdir(), 'benchgate-cli-help-'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each subcommand's arguments and the start of the usage it prints. */
const SUBCOMMANDS: [string[], string][] = [
  [['compare'], 'usage: benchgate compare <base-file> <head-file>'],
  [['run'], 'usage: benchgate run --base <git-ref>'],
  [['baseline'], 'usage: benchgate baseline --out <dir>'],
  [['merge'], 'usage: benchgate merge --out <dir> <part-dir>...'],
  [['history'], 'usage: benchgate history --out <page.html>'],
  [['profile', 'top'], 'usage: benchgate profile top <file>...'],
  [['profile'], 'usage: benchgate profile top <file>...'],
];

describe.each(SUBCOMMANDS)('benchgate %j', (args, usage) => {
  test.each(['--help', '-h'])('%s: its usage on stdout, exit 0', (flag) => {
    const r = runCli(cli, [...args, flag], dir);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(r.stdout.startsWith(usage)).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  test('--help among other flags still asks for help: nothing runs', () => {
    const r = runCli(cli, [...args, '--quiet', 'x', '--help'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(usage)).toBe(true);
  });
});

test('benchgate help run: the same usage as run --help', () => {
  const r = runCli(cli, ['help', 'run'], dir);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(runCli(cli, ['run', '--help'], dir).stdout);
});

test('after --, -h is an argument, not a request for help', () => {
  const r = runCli(cli, ['compare', '--', '-h'], dir);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^benchgate compare: expected two files, got 1/);
});

test('an unknown flag is still a usage error (exit 2), with the usage on stderr', () => {
  const r = runCli(cli, ['run', '--bogus'], dir);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^benchgate run: unknown flag "--bogus"\nusage: benchgate run /);
});
