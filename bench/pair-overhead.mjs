#!/usr/bin/env node
// What one leaf-benchmark process costs beyond its benchmark: the test binary's start-up and
// exit, and writing its CPU and memory profiles. The pairs runner pays these once per leaf, side
// and round, so they decide whether profiling every round is affordable. Not a test: run it by
// hand; it prints figures.
//
//   node bench/pair-overhead.mjs [--reps 15]
//
// It builds the test binary of __tests__/fixtures/pairmod/leaves once, then runs each variant
// `reps` times, the variants interleaved (their order rotating every repetition) so that drift on
// the machine lands on all of them. Every variant but `start` runs one leaf for one op
// (`-test.benchtime=1x`), so the differences between variants are the overheads themselves.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--reps');
const reps = i > 0 ? Number(process.argv[i + 1]) : 15;
const pkgDir = join(root, '__tests__', 'fixtures', 'pairmod', 'leaves');
const tmp = mkdtempSync(join(tmpdir(), 'benchgate-pair-overhead-'));
const binary = join(tmp, 'leaves.test');
execFileSync('go', ['test', '-c', '-o', binary, '.'], { cwd: pkgDir, stdio: 'inherit' });

const leaf = ['-test.run=^$', '-test.bench=^BenchmarkTable$/^small$', '-test.benchtime=1x', '-test.count=1', '-test.cpu=1', '-test.benchmem'];
const busy = ['-test.run=^$', '-test.bench=^BenchmarkBusy$', '-test.benchtime=20x', '-test.count=1', '-test.cpu=1', '-test.benchmem'];
const cpu = `-test.cpuprofile=${join(tmp, 'cpu.pprof')}`;
const mem = `-test.memprofile=${join(tmp, 'mem.pprof')}`;
const variants = {
  'start (no benchmark)': ['-test.run=^$', '-test.bench=^$'],
  'one leaf, 1 op': leaf,
  '+ CPU profile': [...leaf, cpu],
  '+ memory profile': [...leaf, mem],
  '+ both profiles': [...leaf, cpu, mem],
  // A leaf with real work (about 5 ms an op, 20 ops + Go's first 1-op run): the profiles of a
  // typical sample, and the CPU profiler's signal handling while it measures.
  'Busy, 20 ops': busy,
  'Busy, 20 ops + both profiles': [...busy, cpu, mem],
  'listing run (all 6 leaves, 1x)': ['-test.run=^$', '-test.bench=.', '-test.benchtime=1x', '-test.count=1', '-test.cpu=1', '-test.benchmem'],
};

function time(args) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    execFile(binary, args, { cwd: pkgDir }, (err) => {
      if (err) reject(err);
      else resolve(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  });
}

const names = Object.keys(variants);
const times = Object.fromEntries(names.map((n) => [n, []]));
const loadBefore = loadavg();
for (let r = 0; r < reps; r++) {
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + r) % names.length];
    times[name].push(await time(variants[name]));
  }
}
const loadAfter = loadavg();
rmSync(tmp, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const f = (ms) => ms.toFixed(1).padStart(7);
const base = median(times['one leaf, 1 op']);
console.log(`${reps} runs each, wall time per process in ms (median, min–max); overhead = median − the same run without profiles`);
for (const n of names) {
  const xs = times[n];
  const ref = n.startsWith('+') ? base : n === 'Busy, 20 ops + both profiles' ? median(times['Busy, 20 ops']) : null;
  const over = ref !== null ? `  overhead ${f(median(xs) - ref)}` : '';
  console.log(`${n.padEnd(32)} ${f(median(xs))}  (${f(Math.min(...xs))} – ${f(Math.max(...xs))})${over}`);
}
const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`load average before: ${la(loadBefore)}; after: ${la(loadAfter)} (${execFileSync('nproc').toString().trim()} CPUs)`);
