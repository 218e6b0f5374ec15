/**
 * `benchgate run --affected` end to end: the bundled CLI in a git repository made from the
 * affectedmod fixture (a → b → c, t's tests import c, d and e stand alone). Branch `leaf` changes c:
 * only c and its importers are measured, d and e are listed as skipped on stderr and in report.json.
 * Branch `docs` changes no Go package: nothing is measured, and the run passes saying so.
 * Tiny budgets: the assertions are about which packages ran, never about timings.
 *
 * @lane measuring
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, git, runCli } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/affectedmod');
const M = 'example.com/affectedmod';
const BUDGET = ['--benchtime', '1x', '--rounds', '2', '--min-rounds', '2', '--max-rounds', '2', '--confirm', 'never', '--causal', 'off', '--no-profiles', '--duet', 'off'];

let cli: string;
let work: string;
let repo: string;

beforeAll(async () => {
  cli = await bundleCli();
  work = mkdtempSync(join(tmpdir(), 'benchgate-cli-affected-'));
  repo = join(work, 'repo');
  cpSync(FIXTURE, repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'affectedmod');
  git(repo, 'checkout', '-q', '-b', 'leaf');
  const c = join(repo, 'c/c.go');
  writeFileSync(c, readFileSync(c, 'utf8').replace('x ^= x >> 33', 'x ^= x >> 31'));
  git(repo, 'commit', '-q', '-am', 'c: another shift');
  git(repo, 'checkout', '-q', '-b', 'docs', 'main');
  writeFileSync(join(repo, 'NOTES.md'), 'notes\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'notes');
  git(repo, 'checkout', '-q', 'leaf');
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

const packagesOf = (report: { rows: { package: string }[] }) => [...new Set(report.rows.map((r) => r.package.replace(`${M}/`, '')))].sort();

test('a commit touching the leaf package c: only c and its importers are measured, the rest listed as skipped', () => {
  const out = join(work, 'leaf');
  const r = runCli(cli, ['run', '--base', 'main', '--affected', '--out', out, '--format', 'json', ...BUDGET], repo, 300_000);
  expect(r.code).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(packagesOf(report)).toEqual(['a', 'b', 'c', 't']);
  const reason = `its test binary links none of the changed packages (${M}/c)`;
  expect(report.skipped).toEqual([
    { package: `${M}/d`, reason },
    { package: `${M}/e`, reason },
  ]);
  expect(r.stderr).toContain(`4 of 6 benchmark packages affected (changed: ${M}/c)`);
  expect(r.stderr).toContain(`skipped: ${M}/d: ${reason}`);
  expect(r.stderr).toContain(`skipped: ${M}/e: ${reason}`);
  expect(r.stderr).toContain(`measured: ${M}/t: its test binary links ${M}/c (changed)`);
  // The markdown report says it in one collapsed line.
  expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('<details><summary>2 packages not affected by this PR were not measured</summary>');
});

test('--head names the commit: the selection is listed in its tree, not the working tree', () => {
  git(repo, 'checkout', '-q', 'main');
  try {
    const out = join(work, 'head');
    const r = runCli(cli, ['run', '--base', 'main', '--head', 'leaf', '--affected', '--out', out, '--format', 'json', ...BUDGET], repo, 300_000);
    expect(r.code).toBe(0);
    expect(packagesOf(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')))).toEqual(['a', 'b', 'c', 't']);
  } finally {
    git(repo, 'checkout', '-q', 'leaf');
  }
});

test('a change to no Go package: nothing is measured, and the run passes saying why', () => {
  const out = join(work, 'docs');
  const r = runCli(cli, ['run', '--base', 'main', '--head', 'docs', '--affected', '--out', out, ...BUDGET], repo, 300_000);
  expect(r.stderr).toContain('0 of 6 benchmark packages affected (no Go package changed)');
  expect(r.code).toBe(0);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  expect(report.rows).toEqual([]);
  expect(report.skipped.map((s: { reason: string }) => s.reason)).toEqual(Array(6).fill('the change touches no Go package it builds'));
  expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/^### ✅ benchgate: no benchmark package is affected by this PR/);
});

test('--affected without --base is a usage error', () => {
  const r = runCli(cli, ['run', '--baseline', join(work, 'none'), '--affected'], repo);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--affected needs --base <git-ref>');
});
