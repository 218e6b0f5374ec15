#!/usr/bin/env node
// Duet pairs against sequential pairs, measured through benchgate's own pairs runner: how tightly
// the per-pair ratios scatter and whether they estimate the right change, on the machine as it is
// now and with a one-core CPU hog beside it. The figures choose DEFAULT_DUET (src/settings.ts) and
// the guard's thresholds (src/gotool/duet.ts). Not a test: run it by hand; it prints figures.
//
//   node bench/duet.mjs [--rounds 12] [--benchtime 100ms] [--conditions now,hog] [--modes sequential,duet,checked,auto]
//
// The fixture is a CPU-bound benchmark (an integer hash loop, no allocation) in two trees whose
// only difference is the loop's length: head runs 5% more iterations, a calibrated +5% change.
// Each mode runs `rounds` pairs of it at -cpu 1 (profiles off):
//
//   sequential  duet off: base and head back to back, alternating order (ABBA)
//   duet        duet on, the starvation check off: every pair at once, pinned where taskset exists
//   checked     duet on with the starvation check: starved pairs measured again back to back
//   auto        benchgate's guard: rounds it refuses run back to back
//
// Per mode it prints the pairs taken at once, the per-pair log-ratio scatter (MAD × 1.4826, in %),
// the estimated change (Hodges–Lehmann, as the report's Δ) against the true +5%, the CPU shares of
// duet sides (CPU time ÷ wall time, the starvation check's input), and the guard's words. Per
// condition it prints the load average and /proc/pressure/cpu before and after.
//
// The runner is bundled from src/ with esbuild (a dev dependency) into a temporary directory.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '12' },
    benchtime: { type: 'string', default: '100ms' },
    conditions: { type: 'string', default: 'now,hog' },
    modes: { type: 'string', default: 'sequential,duet,checked,auto' },
    keep: { type: 'boolean', default: false },
  },
});
const rounds = Number(values.rounds);
const conditions = values.conditions.split(',');
const modes = values.modes.split(',');
const TRUE_CHANGE = 1.05;

const tmp = mkdtempSync(join(tmpdir(), 'benchgate-duet-bench-'));
const hogs = [];
const cleanup = () => {
  for (const h of hogs.splice(0)) if (h.exitCode === null && h.signalCode === null) h.kill('SIGKILL');
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

// The runner and the comparison, bundled from src/.
const bundle = join(tmp, 'runner.mjs');
writeFileSync(
  join(tmp, 'entry.ts'),
  `export { runAlternating } from ${JSON.stringify(join(root, 'src/gotool/alternate.ts'))};
export { starvedSide } from ${JSON.stringify(join(root, 'src/gotool/duet.ts'))};
export { compareResults } from ${JSON.stringify(join(root, 'src/compare/compare.ts'))};
export { DEFAULT_DUET } from ${JSON.stringify(join(root, 'src/settings.ts'))};`,
);
execFileSync(
  join(root, 'node_modules', '.bin', 'esbuild'),
  [join(tmp, 'entry.ts'), '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning',
    "--banner:js=import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);"],
  { stdio: 'inherit' },
);
const { runAlternating, starvedSide, compareResults, DEFAULT_DUET } = await import(pathToFileURL(bundle).href);

// Two trees of one module: head's loop is 5% longer.
function tree(name, n) {
  const dir = join(tmp, name);
  mkdirSync(join(dir, 'work'), { recursive: true });
  writeFileSync(join(dir, 'go.mod'), 'module example.com/duetbench\n\ngo 1.22\n');
  writeFileSync(
    join(dir, 'work', 'work.go'),
    `package work\n\n// Hash mixes n integers: pure CPU, no memory traffic.\nfunc Hash(n int) uint64 {\n\tvar h uint64 = 1469598103934665603\n\tfor i := 0; i < n; i++ {\n\t\th ^= uint64(i)\n\t\th *= 1099511628211\n\t\th ^= h >> 29\n\t}\n\treturn h\n}\n\nconst N = ${n}\n`,
  );
  writeFileSync(
    join(dir, 'work', 'work_test.go'),
    'package work\n\nimport "testing"\n\nvar sink uint64\n\nfunc BenchmarkHash(b *testing.B) {\n\tfor i := 0; i < b.N; i++ {\n\t\tsink += Hash(N)\n\t}\n}\n',
  );
  return dir;
}
const baseDir = tree('base', 200_000);
const headDir = tree('head', 210_000);

const psi = () => {
  try {
    return /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] + '%';
  } catch {
    return 'n/a';
  }
};
const machine = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}, cpu pressure (some avg10) ${psi()}`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${x.toFixed(2)}%` : 'n/a');

async function measure(mode, condition) {
  const shares = [];
  const logShares = (b, h, size, pinned) => {
    if (b && h) shares.push([b.cpuMs / b.wallMs, h.cpuMs / h.wallMs]);
    return mode === 'duet' ? undefined : starvedSide(b, h, size, pinned);
  };
  const started = Date.now();
  const r = await runAlternating({
    base: { dir: baseDir },
    head: { dir: headDir },
    outDir: join(tmp, `${condition}-${mode}`),
    rounds,
    benchtime: values.benchtime,
    cpu: '1',
    profiles: false,
    duet: mode === 'sequential' ? 'off' : mode === 'auto' ? 'auto' : 'on',
    starvedSide: logShares,
  });
  const sec = (run) => new Map(run.results.map((x) => [x.pair, { v: x.values.find((u) => u.unit === 'sec/op').value, pairing: x.pairing }]));
  const b = sec(r.base);
  const h = sec(r.head);
  const logs = [...b.keys()].filter((k) => h.has(k)).map((k) => Math.log(h.get(k).v / b.get(k).v));
  const mad = 1.4826 * median(logs.map((x) => Math.abs(x - median(logs))));
  const row = compareResults(r.base.results, r.head.results, { pairing: r.head.pairing }).rows.find((x) => x.unit === 'sec/op');
  const atOnce = [...h.values()].filter((x) => x.pairing === 'duet').length;
  return {
    mode,
    pairs: logs.length,
    atOnce,
    scatter: 100 * mad,
    estimate: row?.paired ? 100 * (row.paired.ratio - 1) : NaN,
    seconds: (Date.now() - started) / 1000,
    shares,
    notes: r.warnings.map((w) => w.message).filter((m) => m.startsWith('duet:')),
  };
}

console.log(`benchgate duet measurement: ${rounds} pairs a mode, -benchtime ${values.benchtime}, -cpu 1, true change ${pct(100 * (TRUE_CHANGE - 1))}; DEFAULT_DUET = ${DEFAULT_DUET}`);
for (const condition of conditions) {
  if (condition === 'hog') {
    // One busy process (one core's worth), ending by itself once this script is gone.
    const spin = `const p=${process.pid};let t=0;for(;;){if(Date.now()>t){t=Date.now()+500;try{process.kill(p,0)}catch{process.exit()}}}`;
    hogs.push(spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
    await new Promise((r) => setTimeout(r, 2000));
  }
  console.log(`\n== ${condition === 'hog' ? 'with a one-core hog' : 'the machine as it is'} — before: ${machine()}`);
  console.log('mode        pairs  at once  scatter(MAD)  estimate (true +5.00%)  time   CPU share of duet sides (median base/head, min)');
  for (const mode of modes) {
    const m = await measure(mode, condition);
    const share = m.shares.length
      ? `${median(m.shares.map((s) => s[0])).toFixed(2)}/${median(m.shares.map((s) => s[1])).toFixed(2)}, min ${Math.min(...m.shares.flat()).toFixed(2)}`
      : '-';
    console.log(
      `${m.mode.padEnd(11)} ${String(m.pairs).padStart(5)}  ${String(m.atOnce).padStart(7)}  ${('±' + m.scatter.toFixed(2) + '%').padStart(12)}  ${pct(m.estimate).padStart(22)}  ${m.seconds.toFixed(0).padStart(4)}s   ${share}`,
    );
    for (const n of m.notes) console.log(`            ${n}`);
  }
  console.log(`   after: ${machine()}`);
  for (const h of hogs.splice(0)) h.kill('SIGKILL');
}
