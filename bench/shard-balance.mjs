#!/usr/bin/env node
// How evenly `--shard i/n` splits a suite: slowest shard ÷ mean (1.00 is perfect). Not a test: run
// it by hand; it prints figures.
//
//   node bench/shard-balance.mjs [--packages 24] [--shards 4] [--benchtime 20x] [--count 3] [--seed 1]
//
// It generates a Go module of `--packages` benchmark packages (uneven on purpose: 1–4 benchmark
// functions each, some with sub-benchmarks, per-op costs from 0.2 to 8 ms, and two packages ten
// times heavier than the rest, so that the plan must split them), records a baseline of it with
// the CLI, and then:
// - predicts each shard's load from the baseline's measured times, for the measured plan (longest
//   first into the least-loaded shard) and for the hash plan (what a suite without a baseline gets);
// - runs the measured plan's shards for real, one after the other (`benchgate run --baseline
//   <dir> --shard i/n`), and reports each shard's measured benchmark time (iterations × sec/op
//   from its part) and its wall time (builds and listing included).
// With fixed iterations (`-benchtime Nx`) a benchmark's time follows its per-op cost; with a
// duration (`1s`) every benchmark takes about that long, and the plan balances leaf counts.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const nPackages = Number(arg('packages', '24'));
const nShards = Number(arg('shards', '4'));
const benchtime = arg('benchtime', '20x');
const count = arg('count', '3');
let seed = Number(arg('seed', '1'));
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const tmp = mkdtempSync(join(tmpdir(), 'benchgate-shard-balance-'));
const mod = join(tmp, 'mod');

// The CLI and the planner, bundled from this tree.
await build({
  entryPoints: { cli: join(root, 'src/cli.ts'), plan: join(root, 'src/shard/plan.ts') },
  outdir: join(tmp, 'dist'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  splitting: true,
  banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
});
const cli = join(tmp, 'dist', 'cli.js');
const { planShards, weightsFromRun, imbalance } = await import(pathToFileURL(join(tmp, 'dist', 'plan.js')).href);

// The module: package pNN, each benchmark spinning for its per-op cost.
mkdirSync(mod, { recursive: true });
writeFileSync(join(mod, 'go.mod'), 'module example.com/shardbench\n\ngo 1.22\n');
for (let p = 0; p < nPackages; p++) {
  const name = `p${String(p).padStart(2, '0')}`;
  mkdirSync(join(mod, name));
  const heavy = p % 11 === 3 ? 10 : 1;
  const funcs = [];
  for (let f = 0; f < 1 + Math.floor(random() * 4); f++) {
    const micros = Math.round((200 + random() * 7800) * heavy);
    const subs = random() < 0.3 ? 1 + Math.floor(random() * 4) : 0;
    const body = subs
      ? `for _, n := range []int{${Array.from({ length: subs }, (_, i) => i + 1).join(', ')}} {\n\t\tb.Run(fmt.Sprint("n", n), func(b *testing.B) {\n\t\t\tfor i := 0; i < b.N; i++ {\n\t\t\t\tspin(${micros} * n / ${subs})\n\t\t\t}\n\t\t})\n\t}`
      : `for i := 0; i < b.N; i++ {\n\t\tspin(${micros})\n\t}`;
    funcs.push(`func BenchmarkF${f}(b *testing.B) {\n\t${body}\n}\n`);
  }
  writeFileSync(
    join(mod, name, `${name}_test.go`),
    `package ${name}\n\nimport (\n\t"fmt"\n\t"testing"\n\t"time"\n)\n\nvar _ = fmt.Sprint\n\n` +
      `// spin burns CPU for about us microseconds.\nfunc spin(us int) {\n\tend := time.Now().Add(time.Duration(us) * time.Microsecond)\n\tx := 0\n\tfor time.Now().Before(end) {\n\t\tx++\n\t}\n\t_ = x\n}\n\n` +
      funcs.join('\n'),
  );
}
const git = (...a) => execFileSync('git', a, { cwd: mod, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@x', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@x' } });
git('init', '-q', '-b', 'main');
git('add', '-A');
git('commit', '-q', '-m', 'suite');

const benchgate = (...a) => execFileSync(process.execPath, [cli, ...a], { cwd: mod, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const loads = [loadavg()[0]];
const t0 = Date.now();
benchgate('baseline', '--out', join(tmp, 'base'), '--count', count, '--benchtime', benchtime, '--no-profiles', '--quiet');
const baselineSec = (Date.now() - t0) / 1000;
loads.push(loadavg()[0]);
const baseline = JSON.parse(readFileSync(join(tmp, 'base', 'run.json'), 'utf8'));
const weights = weightsFromRun(baseline);
const suite = baseline.packages.map((p) => ({ pkg: p.pkg, benchmarks: [...(weights.get(p.pkg)?.keys() ?? [])] }));
const fns = suite.reduce((s, p) => s + p.benchmarks.length, 0);
const leaves = new Set(baseline.results.map((r) => `${r.pkg} ${r.name}`)).size;

const measured = planShards(suite, nShards, weights);
const hashed = planShards(suite, nShards);
// The hash plan's loads in measured seconds (the plan itself counts functions, knowing no times).
const secondsOf = (units) =>
  units.reduce((s, u) => s + (u.benchmark ? (weights.get(u.pkg)?.get(u.benchmark) ?? 0) : [...(weights.get(u.pkg)?.values() ?? [])].reduce((a, b) => a + b, 0)), 0);
const hashedLoads = hashed.shards.map(secondsOf);

// The measured plan's shards, run for real.
const real = [];
for (let i = 1; i <= nShards; i++) {
  const t = Date.now();
  benchgate('run', '--baseline', join(tmp, 'base'), '--shard', `${i}/${nShards}`, '--rounds', count, '--benchtime', benchtime, '--no-profiles', '--confirm', 'never', '--causal', 'off', '--quiet', '--out', join(tmp, `part${i}`));
  const head = JSON.parse(readFileSync(join(tmp, `part${i}`, 'head', 'run.json'), 'utf8'));
  const sec = head.results.reduce((s, r) => s + (r.values.find((v) => v.unit === 'sec/op')?.value ?? 0) * r.iterations, 0);
  real.push({ wall: (Date.now() - t) / 1000, bench: sec, units: head.shard.planned.length });
  loads.push(loadavg()[0]);
}
rmSync(tmp, { recursive: true, force: true });

const f2 = (x) => x.toFixed(2);
const f1 = (x) => x.toFixed(1);
console.log(`suite: ${nPackages} packages, ${fns} benchmark functions, ${leaves} leaves; -benchtime ${benchtime}, -count ${count}; baseline took ${f1(baselineSec)} s`);
console.log(`measured plan: ${measured.units} units (${measured.shards.flat().filter((u) => u.benchmark).length} of them functions of split packages)`);
console.log(`n = ${nShards}                         slowest ÷ mean   per shard`);
console.log(`predicted, measured plan         ${f2(imbalance(measured.loads))}             ${measured.loads.map(f1).join(' / ')} s`);
console.log(`predicted, hash plan (no base)   ${f2(imbalance(hashedLoads))}             ${hashedLoads.map(f1).join(' / ')} s`);
console.log(`run, measured plan: bench time   ${f2(imbalance(real.map((r) => r.bench)))}             ${real.map((r) => f1(r.bench)).join(' / ')} s`);
console.log(`run, measured plan: wall time    ${f2(imbalance(real.map((r) => r.wall)))}             ${real.map((r) => f1(r.wall)).join(' / ')} s (builds and listing included)`);
console.log(`load average (1 min) during the runs: ${loads.map(f1).join(', ')} on ${execFileSync('nproc', { encoding: 'utf8' }).trim()} CPUs`);
