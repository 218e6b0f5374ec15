#!/usr/bin/env node
// `benchgate compare` against benchstat as a user meets them: two whole processes (start-up
// included) on the same two generated files, alternated run by run, each timed the same way
// (bench/lib/whole-process.mjs: wall, CPU and peak RSS from /usr/bin/time -v). Not a test: run it
// by hand, on a quiet machine, and quote the load average it prints with the figures.
//   node bench/parse-compare.mjs [benchmarks=2000] [count=100] [reps=5]
// Needs dist/cli.js (`npm run bundle`) and the pinned benchstat (installed by `npm test`'s
// globalSetup) in .cache/bin. 2000 × 100 is issue 13's suite: 400,046 lines in the two files.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alternate, loadLine, ratios, summarize, timeProcess } from './lib/whole-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [benchmarks = 2000, count = 100, reps = 5] = process.argv.slice(2).map(Number);
const benchstat = join(root, '.cache', 'bin', 'benchstat');
// BENCHGATE_CLI: another build to time (e.g. an older commit's dist/cli.js), for before/after.
const cli = process.env.BENCHGATE_CLI ?? join(root, 'dist', 'cli.js');
for (const [path, how] of [
  [benchstat, 'run npm test once (its globalSetup installs the pinned benchstat)'],
  [cli, 'run npm run bundle'],
]) {
  if (!existsSync(path)) {
    console.error(`no ${path}: ${how}`);
    process.exit(1);
  }
}
const dir = mkdtempSync(join(tmpdir(), 'benchgate-perf-'));

// Seeded so that runs are comparable.
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
};

/** One file: `benchmarks` benchmarks over 20 packages, `count` samples each, three units. */
function generate(slowdown) {
  const lines = ['goos: linux', 'goarch: amd64', 'cpu: Perf Test CPU'];
  const perPkg = Math.ceil(benchmarks / 20);
  for (let b = 0; b < benchmarks; b++) {
    if (b % perPkg === 0) lines.push(`pkg: example.com/perf/p${b / perPkg}`);
    const ns = 50 + (b % 97) * 113;
    const shift = b % 10 === 0 ? slowdown : 1;
    const bytes = (b % 7) * 64;
    const allocs = b % 5;
    for (let i = 0; i < count; i++) {
      const t = (ns * shift * (1 + (rand() - 0.5) * 0.06)).toFixed(1);
      lines.push(`BenchmarkCase${b}/size=${b % 4}-8 \t${1000 + i}\t${t} ns/op\t${bytes} B/op\t${allocs} allocs/op`);
    }
  }
  return lines.join('\n') + '\n';
}

const basePath = join(dir, 'base.txt');
const headPath = join(dir, 'head.txt');
writeFileSync(basePath, generate(1));
writeFileSync(headPath, generate(1.1));
const lineCount = readFileSync(basePath, 'utf8').split('\n').length - 1 + readFileSync(headPath, 'utf8').split('\n').length - 1;

console.log(`suite: ${benchmarks} benchmarks × ${count} samples × 2 files = ${lineCount} lines, 3 units each (${dir})`);
console.log(`ours:      node ${cli} compare base.txt head.txt`);
console.log(`benchstat: ${benchstat} base.txt head.txt`);
const tools = [
  { name: 'benchgate', run: () => timeProcess(process.execPath, [cli, 'compare', basePath, headPath]) },
  { name: 'benchstat', run: () => timeProcess(benchstat, [basePath, headPath]) },
];
const { results, load } = await alternate(tools, reps);
console.log(`\n${reps} runs each, alternating (median, min–max):`);
summarize(results);
ratios(results, 'benchgate', 'benchstat');
loadLine(load);
