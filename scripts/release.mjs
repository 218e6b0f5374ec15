#!/usr/bin/env node
// Cuts a release: `node scripts/release.mjs 1.2.3 [--push] [--remote origin]`.
//
// On a clean checkout of the main branch, after the changes to ship are merged:
//  1. CHANGELOG.md: the `## [Unreleased]` section becomes `## [1.2.3] - <today>` (it must not be
//     empty), and a new empty `## [Unreleased]` goes above it; package.json gets the version.
//  2. `npm run bundle`, and dist/ must come out as committed (the release ships what CI checked).
//  3. One commit `release v1.2.3`, the annotated tag `v1.2.3`, and the moving major tag `v1`
//     moved to it, unless a higher 1.x.y already exists (a fix on an older line keeps v1 where it is).
//  4. With --push: the branch and `v1.2.3` are pushed, then `v1` with --force (it is meant to move).
// Without --push nothing leaves the machine: check with `git show v1.2.3`, then push as printed.
// `--no-bundle` skips step 2 (for this script's own tests, which have no Go or npm project).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(1);
}

const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim();
const tryGit = (...args) => {
  try {
    return git(...args);
  } catch {
    return null;
  }
};

const args = process.argv.slice(2);
const version = args.find((a) => !a.startsWith('--'));
const push = args.includes('--push');
const bundle = !args.includes('--no-bundle');
const remote = args.includes('--remote') ? args[args.indexOf('--remote') + 1] : 'origin';
if (!version || !/^\d+\.\d+\.\d+$/.test(version)) fail('usage: node scripts/release.mjs X.Y.Z [--push] [--remote origin]');
const [major, minor, patch] = version.split('.').map(Number);
const tag = `v${version}`;
const majorTag = `v${major}`;

if (git('status', '--porcelain') !== '') fail('the working tree is not clean: commit or stash first');
if (tryGit('rev-parse', '--verify', '--quiet', `refs/tags/${tag}`)) fail(`${tag} already exists`);

// The changelog: Unreleased → this version.
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const unreleased = /^## \[Unreleased\][^\n]*\n([\s\S]*?)(?=^## \[|^\[[^\]]+\]:|(?![\s\S]))/m.exec(changelog);
if (!unreleased) fail('CHANGELOG.md has no "## [Unreleased]" section');
if (!/^\s*[-*] /m.test(unreleased[1]))
  fail('the Unreleased section of CHANGELOG.md lists no change: write what this release changes first');
const today = new Date().toISOString().slice(0, 10);
writeFileSync('CHANGELOG.md', changelog.replace(/^## \[Unreleased\][^\n]*\n/m, `## [Unreleased]\n\n## [${version}] - ${today}\n`));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
pkg.version = version;
writeFileSync('package.json', JSON.stringify(pkg, null, 2) + '\n');
// package-lock.json carries the version twice; keep it in step when there is one.
try {
  const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
} catch {
  // no lock file
}

if (bundle) {
  execFileSync('npm', ['run', 'bundle'], { stdio: 'inherit' });
  if (git('status', '--porcelain', '--', 'dist') !== '') {
    git('checkout', '--', '.');
    fail('dist/ is not the fresh bundle of src/: run `npm run bundle`, commit dist/, and release again');
  }
}

git('add', '-A');
git('commit', '-q', '-m', `release ${tag}`);
git('tag', '-a', tag, '-m', `benchgate ${tag}`);

// The major tag follows the highest release of its major version only.
const higher = git('tag', '-l', `v${major}.*.*`)
  .split('\n')
  .filter(Boolean)
  .map((t) => t.slice(1).split('.').map(Number))
  .some(([M, m, p]) => M === major && (m > minor || (m === minor && p > patch)));
if (higher) {
  process.stdout.write(`release: ${majorTag} stays where it is: a higher ${major}.x release exists\n`);
} else {
  git('tag', '-f', '-a', majorTag, '-m', `benchgate ${tag}`, `${tag}^{commit}`);
}

const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
const pushes = [['push', remote, branch, tag], ...(higher ? [] : [['push', '--force', remote, majorTag]])];
if (push) {
  for (const p of pushes) execFileSync('git', p, { stdio: 'inherit' });
  process.stdout.write(`release: pushed ${tag}${higher ? '' : ` and moved ${majorTag}`}\n`);
} else {
  process.stdout.write(`release: ${tag} made locally${higher ? '' : `, ${majorTag} moved`}. To publish:\n`);
  for (const p of pushes) process.stdout.write(`  git ${p.join(' ')}\n`);
}
