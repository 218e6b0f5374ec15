/**
 * scripts/release.mjs in a throwaway repository: the changelog section, the version, the
 * `vX.Y.Z` tag, and the moving `vX` tag that follows only the highest release of its major.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const SCRIPT = join(ROOT, 'scripts/release.mjs');
let repo: string;

function release(...args: string[]) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args, '--no-bundle'], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const commitOf = (ref: string) => git(repo, 'rev-parse', `${ref}^{commit}`).trim();

function addChange(line: string): void {
  const file = join(repo, 'CHANGELOG.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('## [Unreleased]\n', `## [Unreleased]\n\n### Fixed\n\n- ${line}\n`));
  git(repo, 'commit', '-qam', line);
}

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'benchgate-release-'));
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'package.json'), JSON.stringify({ name: 'benchgate', version: '0.1.0' }, null, 2) + '\n');
  writeFileSync(join(repo, 'CHANGELOG.md'), '# Changelog\n\n## [Unreleased]\n\n### Added\n\n- Everything.\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'init');
});

test('the first release: changelog section, version, vX.Y.Z and vX on one commit', () => {
  const r = release('1.0.0');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('git push origin main v1.0.0');
  expect(r.stdout).toContain('git push --force origin v1');
  expect(commitOf('v1.0.0')).toBe(commitOf('HEAD'));
  expect(commitOf('v1')).toBe(commitOf('HEAD'));
  const changelog = readFileSync(join(repo, 'CHANGELOG.md'), 'utf8');
  expect(changelog).toMatch(/## \[Unreleased\]\n\n## \[1\.0\.0\] - \d{4}-\d{2}-\d{2}\n\n### Added\n\n- Everything\./);
  expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version).toBe('1.0.0');
  expect(git(repo, 'log', '-1', '--format=%s').trim()).toBe('release v1.0.0');
});

test('refused: nothing in Unreleased, an existing tag, a dirty tree, a bad version', () => {
  expect(release('1.0.1')).toMatchObject({ code: 1, stderr: expect.stringContaining('lists no change') });
  addChange('A fix.');
  expect(release('1.0.0')).toMatchObject({ code: 1, stderr: expect.stringContaining('v1.0.0 already exists') });
  writeFileSync(join(repo, 'stray.txt'), 'x');
  expect(release('1.0.1')).toMatchObject({ code: 1, stderr: expect.stringContaining('not clean') });
  git(repo, 'clean', '-qf');
  expect(release('1.0')).toMatchObject({ code: 1, stderr: expect.stringContaining('usage:') });
});

test('v1 moves to a newer release, but not back to a fix of an older line', () => {
  expect(release('1.1.0').code).toBe(0);
  expect(commitOf('v1')).toBe(commitOf('v1.1.0'));

  git(repo, 'checkout', '-q', '-b', 'release-1.0', 'v1.0.0');
  addChange('A fix for 1.0 users.');
  const r = release('1.0.1');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('v1 stays where it is');
  expect(commitOf('v1.0.1')).toBe(commitOf('HEAD'));
  expect(commitOf('v1')).toBe(commitOf('v1.1.0'));
});
