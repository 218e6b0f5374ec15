#!/usr/bin/env node
// Times our parse + compare (+ text) against benchstat on the same large generated suite,
// alternating runs so that machine noise hits both alike. Not a test: run it by hand,
//   node bench/parse-compare.mjs [benchmarks=2000] [count=50] [reps=3]
// Needs the pinned benchstat (installed by `npm test`'s globalSetup) in .cache/bin.
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [benchmarks = 2000, count = 50, reps = 3] = process.argv.slice(2).map(Number);
const benchstat = join(root, '.cache', 'bin', 'benchstat');
if (!existsSync(benchstat)) {
  console.error(`no ${benchstat}: run npm test once (its globalSetup installs the pinned benchstat)`);
  process.exit(1);
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
const lineCount = (readFileSync(basePath, 'utf8').match(/\n/g).length + readFileSync(headPath, 'utf8').match(/\n/g).length);

// Bundle a small entry over our sources: no tsx, no build step to keep in sync.
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  `import { readFileSync } from 'node:fs';
import { parseBenchText } from ${JSON.stringify(join(root, 'src/benchfmt/index.ts'))};
import { compareResults } from ${JSON.stringify(join(root, 'src/compare/index.ts'))};
import { formatText } from ${JSON.stringify(join(root, 'src/report/text.ts'))};
export function run(basePath: string, headPath: string, text: boolean) {
  const t0 = performance.now();
  const b = parseBenchText(readFileSync(basePath, 'utf8'), basePath);
  const h = parseBenchText(readFileSync(headPath, 'utf8'), headPath);
  const t1 = performance.now();
  const report = compareResults(b.results, h.results, { units: { ...b.units, ...h.units } });
  const t2 = performance.now();
  const out = text ? formatText(report) : '';
  const t3 = performance.now();
  return { rows: report.rows.length, parse: t1 - t0, compare: t2 - t1, text: t3 - t2, out };
}
`,
);
const bundle = join(dir, 'entry.mjs');
await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'warning' });
const { run } = await import(pathToFileURL(bundle).href);

function runBenchstat() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    execFile(benchstat, [basePath, headPath], { maxBuffer: 1 << 30 }, (err, stdout) => {
      if (err) reject(err);
      else resolve({ ms: performance.now() - t0, out: stdout });
    });
  });
}

console.log(`suite: ${benchmarks} benchmarks × ${count} samples × 2 files = ${lineCount} lines, 3 units each`);
const ours = [];
const theirs = [];
for (let r = 0; r < reps; r++) {
  // Alternate who goes first.
  const order = r % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours'];
  for (const who of order) {
    if (who === 'ours') {
      const t0 = performance.now();
      const res = run(basePath, headPath, true);
      const ms = performance.now() - t0;
      ours.push({ ms, ...res });
      console.log(
        `  ours       ${ms.toFixed(0).padStart(6)} ms  (parse ${res.parse.toFixed(0)}, compare ${res.compare.toFixed(0)}, text ${res.text.toFixed(0)}; ${res.rows} rows)`,
      );
    } else {
      const res = await runBenchstat();
      theirs.push(res);
      console.log(`  benchstat  ${res.ms.toFixed(0).padStart(6)} ms`);
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const o = median(ours.map((x) => x.ms));
const oc = median(ours.map((x) => x.parse + x.compare));
const t = median(theirs.map((x) => x.ms));
console.log(`median: ours ${o.toFixed(0)} ms (parse+compare ${oc.toFixed(0)} ms), benchstat ${t.toFixed(0)} ms (parse+compare+text, ${benchstatCores()} cores)`);
console.log(`ratio ours/benchstat: ${(o / t).toFixed(2)} (parse+compare only: ${(oc / t).toFixed(2)})`);

function benchstatCores() {
  return process.env.GOMAXPROCS ?? String(availableParallelism());
}
