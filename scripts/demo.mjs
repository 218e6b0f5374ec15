// `npm run demo`: the whole benchgate flow on the bundled example. It builds a throwaway git
// repository from examples/demo (base → main, head → a PR branch with one commit that plants a
// regression in jsonish.skipWS), runs `benchgate run --base main` there, and prints the report.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'benchgate-demo-'));
const repo = join(work, 'repo');
const out = join(work, 'out');
const git = (...args) =>
  execFileSync('git', args, {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, GIT_AUTHOR_NAME: 'demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'demo', GIT_COMMITTER_EMAIL: 'demo@example.com' },
  });

cpSync(join(root, 'examples/demo/base'), repo, { recursive: true });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'jsonish: tokenizer and parser');
git('checkout', '-q', '-b', 'unicode-whitespace');
cpSync(join(root, 'examples/demo/head'), repo, { recursive: true });
git('add', '-A');
git('commit', '-q', '-m', 'jsonish: accept any Unicode white space');

console.error(`benchgate demo: repository in ${repo}; running benchgate run --base main (about a minute)…`);
const started = Date.now();
const r = spawnSync(
  process.execPath,
  // Ten short rounds rather than six long ones: at six a side the smallest possible p-value, after
  // false-discovery-rate control across the suite, leaves a real +80% on a busy machine undecided.
  [join(root, 'dist/cli.js'), 'run', '--base', 'main', '--rounds', '10', '--benchtime', '50ms', '--format', 'markdown', '--out', out],
  { cwd: repo, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
);
process.stdout.write(r.stdout ?? '');
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (r.status !== 0 && r.status !== 1) {
  console.error(`benchgate demo: benchgate run failed (exit ${r.status})`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
const regressions = report.rows.filter((row) => row.verdict === 'regression');
console.error(
  `\nbenchgate demo: done in ${seconds}s. ${regressions.length} regression row(s) found. ` +
    `Raw outputs, profiles, report.json and report.md are in ${out}`,
);
