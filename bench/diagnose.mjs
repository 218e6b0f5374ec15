#!/usr/bin/env node
// What the GC and scheduler diagnosis (README "GC and scheduler breakdown") adds to `benchgate
// run`: the diagmod fixture (head allocates ~13× the bytes per op: one flagged benchmark), run with
// and without `--no-diagnose`, alternating, the order swapping every repetition. Prints the wall
// time of each run, the diagnosis' own time (its log line), the median added time and the load
// average. Not a test: run it by hand.
//
//   node bench/diagnose.mjs [--reps 3] [--benchtime 5000x] [--rounds 5]
//
// It times `dist/cli.js` (`npm run bundle` first), or BENCHGATE_CLI=<path>.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const reps = Number(flag('reps', '3'));
const cli = process.env.BENCHGATE_CLI ?? join(root, 'dist', 'cli.js');
const fixture = join(root, '__tests__', 'fixtures', 'diagmod');
const tmp = mkdtempSync(join(tmpdir(), 'benchgate-diagnose-bench-'));
const repo = join(tmp, 'repo');
const env = { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.com' };
const git = (...args) => execFileSync('git', args, { cwd: repo, env, stdio: 'pipe' });
cpSync(join(fixture, 'base'), repo, { recursive: true });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'base');
git('checkout', '-q', '-b', 'more');
cpSync(join(fixture, 'head', 'alloc', 'alloc.go'), join(repo, 'alloc', 'alloc.go'));
git('commit', '-q', '-am', 'more');

const common = ['run', '--base', 'main', '--benchtime', flag('benchtime', '5000x'), '--rounds', flag('rounds', '5'), '--threshold', '50'];
const variants = { on: [...common, '--confirm', 'never', '--causal', 'off'], off: [...common, '--confirm', 'never', '--causal', 'off', '--no-diagnose'] };
const times = { on: [], off: [], diagnosis: [] };
const loads = [];
for (let r = 0; r < reps; r++) {
  for (const name of r % 2 ? ['off', 'on'] : ['on', 'off']) {
    const out = join(tmp, `out-${name}-${r}`);
    const start = process.hrtime.bigint();
    const p = spawnSync(process.execPath, [cli, ...variants[name], '--out', out], { cwd: repo, encoding: 'utf8' });
    const s = Number(process.hrtime.bigint() - start) / 1e9;
    if (p.status !== 0) throw new Error(`benchgate run (${name}) exited ${p.status}: ${p.stderr}`);
    times[name].push(s);
    const took = /the diagnosis took ([\d.]+) s/.exec(p.stderr);
    if (took) times.diagnosis.push(Number(took[1]));
    loads.push(loadavg()[0]);
    console.log(`rep ${r + 1} ${name}: ${s.toFixed(1)} s${took ? ` (diagnosis ${took[1]} s)` : ''}`);
    rmSync(out, { recursive: true, force: true });
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
console.log(
  `median: with ${median(times.on).toFixed(1)} s, without ${median(times.off).toFixed(1)} s, added ${(median(times.on) - median(times.off)).toFixed(1)} s; ` +
    `the diagnosis logged ${Math.min(...times.diagnosis).toFixed(1)}–${Math.max(...times.diagnosis).toFixed(1)} s; load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`,
);
rmSync(tmp, { recursive: true, force: true });
