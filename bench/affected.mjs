#!/usr/bin/env node
// What `benchgate run --affected` saves on a pull request that touches one leaf package. Not a
// test: run it by hand; it prints figures.
//
//   node bench/affected.mjs [--chains 4] [--depth 6] [--reps 3] [--rounds 3] [--benchtime 100x]
//
// It generates a module of `chains` import chains of `depth` benchmark packages each
// (c0p0 → c0p1 → … → c0p5, the same for c1…), 24 by default, in a throwaway git repository, and
// a branch that changes the leaf of chain 0 (the package at the bottom, which imports nothing of
// the module). `run --affected` then measures that chain's `depth` packages, `run` all of them.
// Both run as whole processes (bench/lib/whole-process.mjs), one untimed warm-up of each first
// (the Go build cache), then `reps` each, alternating which goes first; it prints the median and
// range of the wall times, their ratio, and the load average before and after.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { timeProcess } from './lib/whole-process.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    chains: { type: 'string', default: '4' },
    depth: { type: 'string', default: '6' },
    reps: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    benchtime: { type: 'string', default: '100x' },
    keep: { type: 'boolean', default: false },
  },
});
const chains = Number(values.chains);
const depth = Number(values.depth);
const reps = Number(values.reps);

const GIT_ENV = { GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...GIT_ENV } });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

const work = mkdtempSync(join(tmpdir(), 'benchgate-bench-affected-'));
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

// The module: package c<k>p<i> imports c<k>p<i+1>; the last of each chain imports nothing.
const repo = join(work, 'repo');
const MOD = 'example.com/chains';
const leafSource = (salt) => `package LEAF\n\n// Step is the work at the bottom of the chain.\nfunc Step(x uint64) uint64 { return x*0x9e3779b97f4a7c15 + ${salt} }\n`;
mkdirSync(repo, { recursive: true });
writeFileSync(join(repo, 'go.mod'), `module ${MOD}\n\ngo 1.22\n`);
for (let k = 0; k < chains; k++) {
  for (let i = 0; i < depth; i++) {
    const name = `c${k}p${i}`;
    const dir = join(repo, name);
    mkdirSync(dir);
    const next = `c${k}p${i + 1}`;
    const src =
      i === depth - 1
        ? leafSource(1).replace('LEAF', name)
        : `package ${name}\n\nimport "${MOD}/${next}"\n\n// Step adds one level to the chain.\nfunc Step(x uint64) uint64 { return ${next}.Step(x) ^ ${i + 1} }\n`;
    writeFileSync(join(dir, `${name}.go`), src);
    writeFileSync(
      join(dir, `${name}_test.go`),
      `package ${name}\n\nimport "testing"\n\nvar sink uint64\n\nfunc BenchmarkStep(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tfor j := uint64(0); j < 1000; j++ {\n\t\t\tsink += Step(j)\n\t\t}\n\t}\n}\n`,
    );
  }
}
git(repo, 'init', '-q', '-b', 'main');
git(repo, 'add', '-A');
git(repo, 'commit', '-q', '-m', 'chains');
git(repo, 'checkout', '-q', '-b', 'leaf');
const leaf = `c0p${depth - 1}`;
writeFileSync(join(repo, leaf, `${leaf}.go`), leafSource(2).replace('LEAF', leaf));
git(repo, 'commit', '-q', '-am', `${leaf}: another constant`);

const common = ['run', '--base', 'main', '--quiet', '--format', 'json', '--fail-on', 'none', '--no-profiles', '--confirm', 'never', '--causal', 'off', '--duet', 'off'];
const budget = ['--rounds', values.rounds, '--min-rounds', values.rounds, '--max-rounds', values.rounds, '--benchtime', values.benchtime];
const variants = {
  all: [cli, ...common, ...budget],
  affected: [cli, ...common, ...budget, '--affected'],
};

async function once(name) {
  const r = await timeProcess(process.execPath, variants[name], { cwd: repo, keepStdout: true });
  const report = JSON.parse(r.stdout);
  return { ms: r.wallMs, packages: new Set(report.rows.map((x) => x.package)).size, skipped: report.skipped.length };
}

const load0 = loadavg();
for (const name of Object.keys(variants)) await once(name); // warm-up: the Go build cache
const times = { all: [], affected: [] };
const seen = {};
for (let r = 0; r < reps; r++) {
  for (const name of r % 2 === 0 ? ['all', 'affected'] : ['affected', 'all']) {
    const x = await once(name);
    times[name].push(x.ms);
    seen[name] = x;
  }
}
const load1 = loadavg();
if (!values.keep) rmSync(work, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `${chains * depth} benchmark packages (${chains} chains of ${depth}), a PR changing ${leaf}; ${values.rounds} rounds, -benchtime ${values.benchtime}, ${reps} runs each (after a warm-up)`,
);
for (const name of ['all', 'affected']) {
  const xs = times[name];
  console.log(
    `run${name === 'affected' ? ' --affected' : '           '}  ${s(median(xs))}  (${s(Math.min(...xs))} – ${s(Math.max(...xs))})  measured ${seen[name].packages} packages, skipped ${seen[name].skipped}`,
  );
}
console.log(`ratio of medians (all ÷ affected): ${(median(times.all) / median(times.affected)).toFixed(2)}`);
const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`load average before: ${la(load0)}, after: ${la(load1)} (${availableParallelism()} CPUs)`);
if (values.keep) console.log(`kept: ${work}`);
