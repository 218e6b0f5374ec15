#!/usr/bin/env node
// `benchgate profile top` against `go tool pprof -top -nodefraction=0` as a user meets them: two
// whole processes (start-up included) on the same synthetic CPU profiles, alternated run by run,
// each timed the same way (bench/lib/whole-process.mjs: wall, CPU and peak RSS from
// /usr/bin/time -v). Not a test: run it by hand, on a quiet machine, and quote the load average
// it prints with the figures.
//   node bench/pprof-top.mjs [--reps 5] [--sizes 200000,1200000] [--depth 20] [--functions 5000]
// --sizes are sample counts: 200,000 × 20 frames is ~10 MB uncompressed, 1,200,000 ~60 MB
// (bench/lib/synth-profile.mjs writes them, seeded). Needs dist/cli.js (`npm run bundle`) and Go.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synthCpuProfile } from './lib/synth-profile.mjs';
import { alternate, loadLine, ratios, summarize, timeProcess } from './lib/whole-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const reps = Number(arg('reps', '5'));
const sizes = arg('sizes', '200000,1200000').split(',').map(Number);
const depth = Number(arg('depth', '20'));
const functions = Number(arg('functions', '5000'));
// BENCHGATE_CLI: another build to time (e.g. an older commit's dist/cli.js), for before/after.
const cli = process.env.BENCHGATE_CLI ?? join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error(`no ${cli}: run npm run bundle`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'benchgate-pprof-'));

for (const samples of sizes) {
  const { raw, gz } = synthCpuProfile({ samples, functions, depth });
  const file = join(dir, `cpu-${samples}.pprof`);
  writeFileSync(file, gz);
  console.log(
    `\nprofile: ${samples} samples, ${functions} functions, ~${depth} frames: ` +
      `${(raw.length / 1e6).toFixed(1)} MB uncompressed, ${(gz.length / 1e6).toFixed(1)} MB gzip (${file})`,
  );
  const tools = [
    { name: 'benchgate', run: () => timeProcess(process.execPath, [cli, 'profile', 'top', file]) },
    { name: 'pprof', run: () => timeProcess('go', ['tool', 'pprof', '-top', '-nodefraction=0', file]) },
  ];
  // The same rows from both (pprof's header has a line more: "Main binary filename not available").
  const ours = (await timeProcess(process.execPath, [cli, 'profile', 'top', file], { keepStdout: true })).stdout;
  const theirs = (await timeProcess('go', ['tool', 'pprof', '-top', '-nodefraction=0', file], { keepStdout: true })).stdout;
  const rows = (s) => s.split('\n').filter((l) => /^\s+\S+\s+[\d.]+%/.test(l)).join('\n');
  console.log(`  same rows as pprof: ${rows(ours) === rows(theirs) ? 'yes' : 'NO'}`);
  const { results, load } = await alternate(tools, reps);
  console.log(`${reps} runs each, alternating (median, min–max):`);
  summarize(results);
  ratios(results, 'benchgate', 'pprof');
  loadLine(load);
}
