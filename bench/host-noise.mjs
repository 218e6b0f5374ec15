#!/usr/bin/env node
// The host's own noise floor, apart from benchgate's design: how much identical code scatters on
// this machine at the time scales benchgate samples at, and how many pairs each sampling design
// would need for a ±4% interval. Not a test: run it by hand (about a minute); it prints figures.
//
//   node bench/host-noise.mjs [--calls-ms 3000] [--runs 10] [--windows 200] [--count 30]
//                             [--pairs 20] [--benchtime 100ms] [--benches cpu:Score,cpu:Fib,alloc:MapBuild]
//
// (a) per-call times of a tight loop (recursive fib(18), bench/fixtures/noise): quantiles, the
//     share of calls in the slow mode, how long its runs last;
// (b) two identical copies of that loop interleaved call by call in one process, summed over 1 ms
//     windows, in `runs` processes: the sd of log(B/A) per window and the offset between runs;
// (c) `count` consecutive samples (one process, -test.count) of bench/fixtures/vq benchmarks:
//     cv, lag-1 autocorrelation, the sd of the log ratio of consecutive samples taken as pairs;
// (c') benchgate's sequential pairs: `pairs` pairs of one-sample processes, A then B, order
//     alternating (ABBA), the same binary both sides;
// (d) duet pairs: both processes of a pair at once, pinned with taskset to CPU 0 and CPU 1.
// (c), (c') and (d) run one benchmark at a time, the pairs of (c') and (d) taken in turn, so that
// a change of load hits the designs alike. Every benchmark process runs -test.cpu 1 (as a duet side
// does), so the designs differ only in how samples are taken. Then, per design, the pairs a 95%
// interval of ±4% (benchgate's default threshold) needs — n ≈ (1.96·sd/0.04)², sd the robust sd of
// the log ratio (MAD × 1.4826: the rank-based paired test shrugs off a preempted sample as it
// does) — and those a 90% detection of a +5% slowdown needs,
// beside benchgate's budget: 10 pairs at the first look, up to 30 (max-rounds, 3 × rounds).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  autocorrelation,
  betweenRuns,
  consecutivePairs,
  correlation,
  halfWidthAt,
  logRatios,
  mean,
  pairsNeeded,
  pairsToDetect,
  parseNsPerOp,
  modeAgreement,
  quantile,
  robustSd,
  sd,
  slowModes,
} from './lib/host-noise-stats.mjs';
import { runProcess } from './lib/run-process.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    'calls-ms': { type: 'string', default: '3000' },
    runs: { type: 'string', default: '10' },
    windows: { type: 'string', default: '200' },
    count: { type: 'string', default: '30' },
    pairs: { type: 'string', default: '20' },
    benchtime: { type: 'string', default: '100ms' },
    benches: { type: 'string', default: 'cpu:Score,cpu:Fib,alloc:MapBuild' },
  },
});
const BUDGET = { first: 10, max: 30 };
const THRESHOLD = 0.04;
const started = Date.now();

const tmp = mkdtempSync(join(tmpdir(), 'benchgate-host-noise-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const pc = (x) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');
const us = (ns) => (Number.isFinite(ns) ? `${(ns / 1000).toFixed(1)} µs` : 'n/a');
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const psi = () => {
  try {
    return /some avg10=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] ?? 'n/a';
  } catch {
    return 'n/a';
  }
};
const cpuModel = () => {
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const model = /^model name\s*:\s*(.*)$/m.exec(info)?.[1] ?? cpus()[0]?.model ?? 'unknown';
    const flags = /^flags\s*:\s*(.*)$/m.exec(info)?.[1].split(' ') ?? [];
    return `${model}, ${cpus().length} CPUs${flags.includes('hypervisor') ? ', virtual machine' : ''}`;
  } catch {
    return `${cpus()[0]?.model ?? 'unknown'}, ${cpus().length} CPUs`;
  }
};
const whichTaskset = () => ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p)) ?? null;
const section = (title) => console.log(`\n== ${title} (load ${load()}, cpu pressure avg10 ${psi()}%)`);

console.log(`benchgate host noise — ${new Date().toISOString()}`);
console.log(`machine: ${cpuModel()}`);
console.log(`load average (1, 5, 15 min): ${load()}; cpu pressure (some avg10): ${psi()}%`);
console.log(`go: ${execFileSync('go', ['version'], { encoding: 'utf8' }).trim()}`);

// Build first, so that no compiler runs while anything is timed.
const noiseBin = join(tmp, 'noise');
execFileSync('go', ['build', '-o', noiseBin, '.'], { cwd: join(root, 'bench/fixtures/noise'), stdio: 'inherit' });
const benches = values.benches.split(',').map((spec) => {
  const [pkg, name] = spec.split(':');
  if (!pkg || !name) throw new Error(`--benches: "${spec}" is not pkg:Name`);
  return { pkg, name, label: `${pkg}/${name}` };
});
const binaries = new Map();
for (const pkg of new Set(benches.map((b) => b.pkg))) {
  const bin = join(tmp, `${pkg}.test`);
  execFileSync('go', ['test', '-c', '-o', bin, `./${pkg}`], { cwd: join(root, 'bench/fixtures/vq'), stdio: 'inherit' });
  binaries.set(pkg, bin);
}
const benchArgs = (b, count) => [
  '-test.run=^$',
  `-test.bench=^Benchmark${b.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`,
  `-test.benchtime=${values.benchtime}`,
  `-test.count=${count}`,
  '-test.cpu=1',
];
const oneSample = async (b, prefix = []) => {
  const [file, ...args] = [...prefix, binaries.get(b.pkg), ...benchArgs(b, 1)];
  const r = await runProcess(file, args, { cwd: tmp, timeoutMs: 60_000 });
  const v = parseNsPerOp(r.stdout);
  if (v.length !== 1) throw new Error(`${b.label}: expected one sample, got ${v.length}:\n${r.stdout}`);
  return v[0];
};

/** Per design and benchmark: sd and robust sd of the per-pair log ratio, seconds per pair. */
const designs = [];
/** The fast mode of a fib(18) call, from (a): the line between the modes in (b). */
let fastNs = NaN;
const signed = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)}%` : 'n/a');

/** One line on a design's pairs: the samples' spread, the log ratios' scatter, how alike a pair's samples are. */
function describePairs(a, h, secs) {
  const lr = logRatios(a, h);
  const all = [...a, ...h];
  return (
    `median ${us(quantile(all, 0.5))}/op, cv of samples ${pc(sd(all) / mean(all))}; log ratio: sd ${pc(sd(lr))}, ` +
    `robust ${pc(robustSd(lr))}, median ${signed(quantile(lr, 0.5))}; correlation of a pair's two samples ` +
    `${f2(correlation(a.map(Math.log), h.map(Math.log)))}; ${f2(secs / lr.length)} s a pair`
  );
}

// (a) one process, per-call times.
section('(a) per-call times of fib(18), one process');
{
  const r = await runProcess(noiseBin, ['calls', '-ms', values['calls-ms']], { cwd: tmp, timeoutMs: 60_000 });
  const ns = JSON.parse(r.stdout).ns;
  const m = slowModes(ns);
  fastNs = m.fast;
  console.log(
    `${ns.length} calls in ${values['calls-ms']} ms (after 200 ms untimed); quantiles p1 ${us(quantile(ns, 0.01))}, p10 ${us(quantile(ns, 0.1))}, ` +
      `p50 ${us(quantile(ns, 0.5))}, p90 ${us(quantile(ns, 0.9))}, p99 ${us(quantile(ns, 0.99))}, p99.9 ${us(quantile(ns, 0.999))}`,
  );
  console.log(
    `fast mode ${us(m.fast)}; slow mode (≥ 1.25× fast) median ${us(m.slow)} (${f2(m.slow / m.fast)}× fast); calls in the slow mode ${pc(m.slowShare)} ` +
      `(spikes ≥ 2.5× fast: ${pc(m.spikeShare)})`,
  );
  console.log(
    `slow runs (majority filter of 9 calls): ${m.runs} runs holding ${pc(m.inRunsShare)} of the calls; length median ${m.runCalls.median} calls ` +
      `(${f1(m.runMs.median)} ms), p90 ${f1(m.runCalls.p90)} calls (${f1(m.runMs.p90)} ms), longest ${m.runCalls.max} calls (${f1(m.runMs.max)} ms)`,
  );
  const perMs = [];
  for (let i = 0, t = 0, acc = []; i < ns.length; i++) {
    acc.push(ns[i]);
    t += ns[i];
    if (t >= 10e6) {
      perMs.push(mean(acc));
      acc = [];
      t = 0;
    }
  }
  console.log(
    `mean call time per 10 ms block: cv ${pc(sd(perMs) / mean(perMs))}, lag-1 autocorrelation ${f2(autocorrelation(perMs.map(Math.log)))}, lag-10 ${f2(autocorrelation(perMs.map(Math.log), 10))}`,
  );
}

// (b) identical copies interleaved in one process.
section(`(b) fibA/fibB interleaved call by call, 1 ms windows, ${values.runs} processes × ${values.windows} windows`);
{
  const runs = [];
  let agree = { windows: 0, same: 0, bothSlow: 0, oneSlow: 0 };
  const t0 = Date.now();
  for (let i = 0; i < Number(values.runs); i++) {
    const r = await runProcess(noiseBin, ['interleave', '-windows', values.windows, '-window-us', '1000'], { cwd: tmp, timeoutMs: 60_000 });
    const { a, b, pairs } = JSON.parse(r.stdout);
    runs.push(logRatios(a, b));
    const g = modeAgreement(a, b, pairs, 1.25 * fastNs);
    agree = {
      windows: agree.windows + g.windows,
      same: agree.same + g.same,
      bothSlow: agree.bothSlow + g.bothSlow,
      oneSlow: agree.oneSlow + g.oneSlow,
    };
  }
  const perPair = (Date.now() - t0) / 1000 / (Number(values.runs) * Number(values.windows));
  const br = betweenRuns(runs);
  const rawSd = quantile(runs.map(sd), 0.5);
  console.log(
    `log(B/A) per window: robust sd (MAD × 1.4826) ${pc(br.within)}, median over runs (runs: ${runs.map((r) => pc(robustSd(r))).join(', ')}); ` +
      `plain sd ${pc(rawSd)} (windows with a preemption in them)`,
  );
  console.log(
    `median log(B/A) per run: ${br.centers.map(signed).join(', ')} — sd between runs ${pc(br.between)}, range ${signed(br.range[0])}…${signed(br.range[1])}; ` +
      `the within-run scatter alone would give ${pc(br.expected)}`,
  );
  console.log(
    `modes per window (a copy is slow when its mean call ≥ 1.25 × ${us(fastNs)}): both in the same mode ${agree.same} of ${agree.windows} ` +
      `(both slow ${agree.bothSlow}), only one slow ${agree.oneSlow} (${pc(agree.oneSlow / agree.windows)})`,
  );
  designs.push({
    design: 'interleaved 1 ms windows, one process',
    bench: 'fib(18)',
    sd: rawSd,
    rsd: br.within,
    perPair,
    note: `offset between runs: sd ${pc(br.between)}`,
  });
}

// (c), (c') and (d), one benchmark at a time, so that the designs of a benchmark see the same
// minutes of the machine: its consecutive samples first, then its sequential and duet pairs taken
// in turn, pair by pair (which goes first alternating), so that a change of load hits both alike.
const taskset = whichTaskset();
const duet = taskset !== null && cpus().length >= 2;
section(
  `(c) ${values.count} consecutive ${values.benchtime} samples in one process (-test.count); (c') ${values.pairs} sequential pairs of ` +
    `one-sample processes, ABBA order; (d) ${duet ? `${values.pairs} duet pairs, both processes at once, taskset -c 0 and -c 1` : 'duet skipped (needs taskset and two CPUs)'}; ` +
    'all -test.cpu 1, the same binary both sides',
);
for (const b of benches) {
  console.log(`-- ${b.label} (load ${load()}, cpu pressure avg10 ${psi()}%)`);
  const t0 = Date.now();
  const r = await runProcess(binaries.get(b.pkg), benchArgs(b, Number(values.count)), { cwd: tmp, timeoutMs: 300_000 });
  const secs = (Date.now() - t0) / 1000;
  const xs = parseNsPerOp(r.stdout);
  const logs = xs.map(Math.log);
  const pairs = consecutivePairs(xs);
  console.log(
    `  (c)  ${xs.length} samples, median ${us(quantile(xs, 0.5))}/op, min–max ${us(Math.min(...xs))}–${us(Math.max(...xs))}; ` +
      `cv ${pc(sd(xs) / mean(xs))}, lag-1 autocorrelation ${f2(autocorrelation(logs))}, lag-5 ${f2(autocorrelation(logs, 5))}; ` +
      `log ratio of consecutive pairs: sd ${pc(sd(pairs))}, robust ${pc(robustSd(pairs))}`,
  );
  designs.push({
    design: 'consecutive samples, one process',
    bench: b.label,
    sd: sd(pairs),
    rsd: robustSd(pairs),
    perPair: (2 * secs) / xs.length,
    note: `lag-1 ${f2(autocorrelation(logs))}`,
  });

  const seq = { a: [], h: [], secs: 0 };
  const at = { a: [], h: [], secs: 0 };
  for (let i = 0; i < Number(values.pairs); i++) {
    const takeSeq = async () => {
      const t = Date.now();
      // ABBA: the side that goes first alternates, so neither profits from going second.
      if (i % 2 === 0) {
        seq.a.push(await oneSample(b));
        seq.h.push(await oneSample(b));
      } else {
        seq.h.push(await oneSample(b));
        seq.a.push(await oneSample(b));
      }
      seq.secs += (Date.now() - t) / 1000;
    };
    const takeDuet = async () => {
      const t = Date.now();
      // Alternate which side gets CPU 0, so that a difference between the CPUs cancels.
      const [ca, ch] = i % 2 === 0 ? ['0', '1'] : ['1', '0'];
      const [x, y] = await Promise.all([oneSample(b, [taskset, '-c', ca]), oneSample(b, [taskset, '-c', ch])]);
      at.a.push(x);
      at.h.push(y);
      at.secs += (Date.now() - t) / 1000;
    };
    if (!duet) await takeSeq();
    else if (i % 4 < 2) {
      await takeSeq();
      await takeDuet();
    } else {
      await takeDuet();
      await takeSeq();
    }
  }
  for (const [label, design, d] of [
    ["(c')", 'sequential pairs (benchgate, duet off)', seq],
    ['(d) ', 'duet pairs (taskset, at once)', at],
  ]) {
    if (d.a.length === 0) continue;
    console.log(`  ${label} ${describePairs(d.a, d.h, d.secs)}`);
    const lr = logRatios(d.a, d.h);
    designs.push({ design, bench: b.label, sd: sd(lr), rsd: robustSd(lr), perPair: d.secs / lr.length, note: '' });
  }
}

// The summary.
section('summary: pairs needed per design');
const header = [
  'design',
  'benchmark',
  'sd (robust) log ratio',
  `±95% at ${BUDGET.first} / ${BUDGET.max} pairs`,
  'n for ±4%',
  'n to detect +5% (90%)',
  's a pair',
  `wall for n (±4%)`,
  'note',
];
const rows = designs.map((d) => {
  // The paired test ranks its pairs: the robust sd is the scale its interval responds to.
  const n = pairsNeeded(d.rsd, THRESHOLD);
  return [
    d.design,
    d.bench,
    `${pc(d.sd)} (${pc(d.rsd)})`,
    `±${pc(halfWidthAt(d.rsd, BUDGET.first))} / ±${pc(halfWidthAt(d.rsd, BUDGET.max))}`,
    `${n}${n <= BUDGET.first ? ' (≤ 10: first look)' : n <= BUDGET.max ? ' (≤ 30: extension)' : ' (> 30: beyond budget)'}`,
    String(pairsToDetect(d.rsd)),
    d.perPair < 0.1 ? `${f2(1000 * d.perPair)} ms` : `${f2(d.perPair)} s`,
    `${f1(n * d.perPair)} s`,
    d.note,
  ];
});
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(
  `\nbenchgate's budget: ${BUDGET.first} pairs (rounds) at the first look, up to ${BUDGET.max} (max-rounds = 3 × rounds); threshold ${100 * THRESHOLD}%. ` +
    `Intervals and n use the robust sd (MAD × 1.4826). ` +
    `"n to detect +5%": the estimate must reach 4% and the interval exclude 0, each with 90% power (normal approximation; ranks, FDR and α spending add some).`,
);
console.log(`done in ${f1((Date.now() - started) / 1000)} s; load average now ${load()}`);
