#!/usr/bin/env node
// The causal check's figures (src/causal/): what share of a planted slowdown reverting the planted
// function recovers, what share reverting a neutral changed function recovers, whether bisection
// names the right commit, and the wall time the causal step adds to `benchgate run`.
//
// Kept apart from verdict-quality.mjs (which another branch is changing) on purpose: a small
// script on its own fixture. It builds a throwaway repository from __tests__/fixtures/causalmod:
// `main` is the base with `weight` doing --base-steps mixing steps; branch `pr` is two commits,
// `caller` (Sum's loop rewritten, the same cost: the neutral function) and `callee` (weight does
// --plant percent more steps: the planted function). Each trial runs `benchgate run --base main
// --no-profiles` twice, with `--causal off` and `--causal auto`, in an order that swaps between
// trials. Without profiles the causal step tries the PR's changed functions in diff order, so the
// neutral Sum is reverted first and the planted weight next: both shares are measured every trial.
//
//   node bench/causal.mjs [--trials 3] [--plant 20] [--base-steps 40] [--rounds 10]
//                         [--confirm-rounds 10] [--benchtime 300x] [--threshold 10] [--keep]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    trials: { type: 'string', default: '3' },
    plant: { type: 'string', default: '20' },
    'base-steps': { type: 'string', default: '40' },
    rounds: { type: 'string', default: '10' },
    'confirm-rounds': { type: 'string', default: '10' },
    benchtime: { type: 'string', default: '300x' },
    threshold: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const trials = Number(values.trials);
const baseSteps = Number(values['base-steps']);
const plantSteps = Math.round(baseSteps * (1 + Number(values.plant) / 100));

function sh(cmd, args, cwd, env = {}) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20 });
  if (r.error) throw r.error;
  return r;
}
const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
function git(cwd, ...args) {
  const r = sh('git', args, cwd, GIT_ENV);
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const work = mkdtempSync(join(tmpdir(), 'benchgate-bench-causal-'));
const cli = join(work, 'cli.js');
await build({
  entryPoints: [join(ROOT, 'src/cli.ts')],
  outfile: cli,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});

// The repository: the fixture with the step counts of this run.
const fixture = join(ROOT, '__tests__/fixtures/causalmod');
const repo = join(work, 'repo');
cpSync(join(fixture, 'base'), repo, { recursive: true });
const hot = join(repo, 'hot/hot.go');
const withSteps = (file, steps) => readFileSync(join(fixture, file), 'utf8').replace(/i < (8|24); i\+\+/, `i < ${steps}; i++`);
writeFileSync(hot, withSteps('base/hot/hot.go', baseSteps));
git(repo, 'init', '-q', '-b', 'main');
git(repo, 'add', '-A');
git(repo, 'commit', '-q', '-m', 'base');
git(repo, 'checkout', '-q', '-b', 'pr');
writeFileSync(hot, withSteps('caller/hot/hot.go', baseSteps));
git(repo, 'commit', '-q', '-am', 'caller: Sum with an index loop (neutral)');
writeFileSync(hot, withSteps('callee/hot/hot.go', plantSteps));
git(repo, 'commit', '-q', '-am', `callee: weight does ${plantSteps} steps instead of ${baseSteps} (planted)`);
const plantedSha = git(repo, 'rev-parse', 'HEAD');

const common = ['run', '--base', 'main', '--no-profiles', '--quiet', '--format', 'json', '--fail-on', 'none',
  '--rounds', values.rounds, '--confirm-rounds', values['confirm-rounds'], '--benchtime', values.benchtime, '--threshold', values.threshold];

function runOnce(causal) {
  const t0 = performance.now();
  const r = sh(process.execPath, [cli, ...common, '--causal', causal], repo);
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`benchgate run --causal ${causal} exited ${r.status}: ${r.stderr}`);
  return { ms, report: JSON.parse(r.stdout) };
}

const fmt = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
const cell = (c) => (!c ? 'not tried' : c.skipped ? `skipped: ${c.skipped}` : `${fmt(c.recovered)} (${fmt(c.lo)}…${fmt(c.hi)})${c.verified ? ' verified' : ''}`);
const results = [];
for (let t = 1; t <= trials; t++) {
  const order = t % 2 === 1 ? ['off', 'auto'] : ['auto', 'off'];
  const got = {};
  for (const c of order) got[c] = runOnce(c);
  const row = got.auto.report.rows.find((r) => /^Sum(-\d+)?$/.test(r.name) && r.unit === 'sec/op');
  const fns = row?.attribution?.functions ?? [];
  const planted = fns.find((f) => f.function.endsWith('.weight'))?.causal ?? null;
  const neutral = fns.find((f) => f.function.endsWith('.Sum'))?.causal ?? null;
  const commit = row?.attribution?.commit ?? null;
  const res = {
    trial: t,
    verdict: row?.verdict,
    delta: row?.deltaPercent,
    planted,
    neutral,
    commitRight: commit?.sha === plantedSha,
    commit: commit?.sha ? `${commit.index} of ${commit.of}` : commit?.skipped ?? 'not tried',
    offMs: got.off.ms,
    autoMs: got.auto.ms,
  };
  results.push(res);
  console.error(
    `trial ${t}: Sum ${res.verdict} ${res.delta?.toFixed(1)}%; planted ${cell(planted)}; neutral ${cell(neutral)}; ` +
      `commit ${res.commit}${res.commitRight ? ' (right)' : ''}; off ${(res.offMs / 1000).toFixed(1)}s, auto ${(res.autoMs / 1000).toFixed(1)}s`,
  );
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const counted = results.filter((r) => r.verdict === 'regression');
const shares = (k) => counted.map((r) => r[k]).filter((c) => c && c.recovered !== undefined);
console.log(`# benchgate causal check: ${trials} trials, plant +${values.plant}% (${baseSteps}→${plantSteps} steps), ` +
  `${values.rounds} rounds, ${values['confirm-rounds']} pairs per causal measurement (at least 6), -benchtime ${values.benchtime}, ` +
  `threshold ${values.threshold}%; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end`);
console.log('');
console.log('| figure | measured |');
console.log('|---|---|');
console.log(`| planted regression counted (causal step ran) | ${counted.length} of ${trials} |`);
console.log(`| reverting the planted function: recovered share, per trial | ${shares('planted').map(cell).join('; ') || '—'} |`);
console.log(`| … verified (≥ 50%, interval above 0) | ${shares('planted').filter((c) => c.verified).length} of ${shares('planted').length} |`);
console.log(`| reverting the neutral changed function: recovered share, per trial | ${shares('neutral').map(cell).join('; ') || '—'} |`);
console.log(`| … wrongly verified | ${shares('neutral').filter((c) => c.verified).length} of ${shares('neutral').length} |`);
console.log(`| bisection names the planted commit | ${counted.filter((r) => r.commitRight).length} of ${counted.length} |`);
const ran = counted.length ? counted : results;
const off = mean(ran.map((r) => r.offMs));
const auto = mean(ran.map((r) => r.autoMs));
console.log(`| wall time of \`benchgate run\`, trials where the causal step ran: \`--causal off\` / \`auto\` (means) | ${(off / 1000).toFixed(1)} s / ${(auto / 1000).toFixed(1)} s |`);
console.log(`| time the causal step adds (2 reverts and 1 bisection step, each ${values['confirm-rounds']} pairs) | ${((auto - off) / 1000).toFixed(1)} s (the run ×${(auto / off).toFixed(2)}) |`);

if (values.keep) console.error(`kept ${work}`);
else rmSync(work, { recursive: true, force: true });
