#!/usr/bin/env node
// How often does benchgate cry wolf, and how often does it catch a real slowdown? Repeated trials
// in a throwaway git repository made from bench/fixtures/vq (main = the fixture, one branch per
// variant), measuring side by side, in one run:
//   A/A        a branch that rewords a comment: benchgate's regression verdicts (alternating
//              rounds), benchstat's significant rows on sequential blocks (go test -count=N on base,
//              then on head), and the stored-baseline path (benchgate baseline, then run --baseline
//              with confirmation).
//   plant<P>   planted() does exactly P% more work: is Score/Rank called a regression, and does the
//              attribution name planted first?
//   plain      one plain `go test -bench . -count=<rounds>`: the wall-time yardstick.
// Tasks rotate their order from trial to trial so that machine drift hits every tool alike.
// Not a test: run it by hand (see bench/README.md). Needs dist/cli.js (npm run bundle) and the
// pinned benchstat in .cache/bin (installed by npm test's globalSetup).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseBenchstatCsv } from './lib/benchstat-csv.mjs';
import { runProcess } from './lib/run-process.mjs';
import { makeRepo } from './lib/vq-repo.mjs';
import { formatTable, summarize } from './lib/vq-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node bench/verdict-quality.mjs [--trials N] [--rounds N] [--min-rounds N] [--confirm-rounds N] [--benchtime T] [--plants 3,5,10]
       [--tasks aa,seq,stored,plant,plain] [--threshold PCT] [--quick] [--keep] [--out DIR] [--cli PATH]
       node bench/verdict-quality.mjs --summarize DIR/results.json`;

const { values } = parseArgs({
  options: {
    trials: { type: 'string' },
    rounds: { type: 'string' },
    'min-rounds': { type: 'string' },
    'confirm-rounds': { type: 'string' },
    benchtime: { type: 'string' },
    plants: { type: 'string' },
    tasks: { type: 'string' },
    threshold: { type: 'string' },
    quick: { type: 'boolean' },
    keep: { type: 'boolean' },
    out: { type: 'string' },
    cli: { type: 'string' },
    summarize: { type: 'string' },
    help: { type: 'boolean' },
  },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function positiveInt(name, text, fallback) {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} must be a whole number ≥ 1, got "${text}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const quick = values.quick === true;
const settings = {
  trials: positiveInt('trials', values.trials, quick ? 1 : 3),
  rounds: positiveInt('rounds', values.rounds, quick ? 6 : 10),
  // benchgate's own default when not given (early stopping from round 6).
  minRounds: values['min-rounds'] === undefined ? undefined : positiveInt('min-rounds', values['min-rounds'], 6),
  // benchgate's own default when not given (10).
  confirmRounds: values['confirm-rounds'] === undefined ? undefined : positiveInt('confirm-rounds', values['confirm-rounds'], 10),
  benchtime: values.benchtime ?? (quick ? '20x' : '100ms'),
  plants: (values.plants ?? '3,5,10').split(',').map(Number),
  tasks: (values.tasks ?? 'aa,seq,stored,plant,plain').split(','),
  // benchgate's default threshold.
  threshold: values.threshold === undefined ? 4 : Number(values.threshold),
  alpha: 0.05,
};
for (const t of settings.tasks) {
  if (!['aa', 'seq', 'stored', 'plant', 'plain'].includes(t)) {
    console.error(`--tasks: unknown task "${t}"\n${USAGE}`);
    process.exit(2);
  }
}
if (settings.plants.some((p) => !Number.isFinite(p) || p <= 0) || !Number.isFinite(settings.threshold)) {
  console.error(`--plants and --threshold take positive percentages\n${USAGE}`);
  process.exit(2);
}

function printSummary(records, s) {
  const { table, whatIf } = summarize(records, s);
  console.log(formatTable(['figure', 'value [95% Wilson interval]', 'target', 'met'], table));
  console.log(`\nThe threshold knob, re-judged from the same rows (q ≤ α=${s.alpha}, delta ≥ threshold; sec/op rows):`);
  console.log(formatTable(['threshold', 'A/A regression verdicts', ...s.plants.map((p) => `detects +${p}%`)], whatIf));
  // A row stops early when its intervals rule out the run's threshold; re-judged at a lower one,
  // it might have run on and been judged on more samples.
  console.log(`(Early stopping used the run's ${s.threshold}% threshold: figures below it are approximate.)`);
}

if (values.summarize) {
  const saved = JSON.parse(readFileSync(values.summarize, 'utf8'));
  printSummary(saved.records, saved.settings);
  process.exit(0);
}

const cli = resolve(values.cli ?? join(root, 'dist', 'cli.js'));
const benchstat = join(root, '.cache', 'bin', 'benchstat');
for (const [path, how] of [
  [cli, 'run npm run bundle'],
  [benchstat, 'run npm test once, or GOBIN=$PWD/.cache/bin go install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da'],
]) {
  if (!existsSync(path)) {
    console.error(`verdict-quality: no ${path}: ${how}`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'benchgate-vq-'));
const outDir = resolve(values.out ?? join(work, 'results'));
mkdirSync(outDir, { recursive: true });
const log = (m) => console.error(`[vq ${new Date().toISOString().slice(11, 19)} load ${loadavg()[0].toFixed(2)}] ${m}`);
const loads = [];
const sampleLoad = setInterval(() => loads.push(loadavg()[0]), 5000);

const { repo, trees, bound } = await makeRepo(join(root, 'bench', 'fixtures', 'vq'), work, settings.plants);
log(`repository ${repo}; planted bound ${bound}; ${JSON.stringify(settings)}`);

const goBench = (count) => ['test', '-run', '^$', '-bench', '.', '-benchmem', '-count', String(count), '-benchtime', settings.benchtime, './...'];
const benchgateRun = (extra) => [
  cli, 'run', '--base', 'main', '--rounds', String(settings.rounds), '--benchtime', settings.benchtime,
  '--threshold', String(settings.threshold), '--format', 'json', '--quiet',
  ...(settings.minRounds === undefined ? [] : ['--min-rounds', String(settings.minRounds)]),
  ...(settings.confirmRounds === undefined ? [] : ['--confirm-rounds', String(settings.confirmRounds)]), ...extra,
];
/** The fields of a JSON report row that the figures need. */
const slim = (r) => ({
  pkg: r.package,
  name: r.name,
  unit: r.unit,
  verdict: r.verdict,
  delta: r.deltaPercent,
  p: r.p,
  q: r.q,
  significant: r.significant,
  noise: r.noisePercent ?? null,
  exact: r.exact,
  // Samples a side: fewer than the rounds where the benchmark settled early.
  n: r.head?.n ?? null,
  confirmed: r.confirmed,
  // The confirmation's own evidence, where the row was re-run.
  confirmation: r.confirmation
    ? { delta: r.confirmation.deltaPercent, p: r.confirmation.p, n: r.confirmation.head?.n ?? null, verdict: r.confirmation.verdict, reason: r.confirmation.reason }
    : null,
  firstFunction: r.attribution?.functions?.[0]?.function ?? null,
});
const slot = (name, trial) => {
  const dir = join(work, 'runs', `${trial}-${name}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};
// Exit 1 is benchgate's "regression found" status, a result here, not a failure.
const BENCHGATE_OK = [0, 1];
const HOUR = 3_600_000;

const tasks = {
  async aa(trial) {
    const out = slot('aa', trial);
    const r = await runProcess(process.execPath, benchgateRun(['--out', out]), { cwd: trees.aa, okCodes: BENCHGATE_OK, timeoutMs: HOUR });
    return [{ kind: 'aa', trial, ms: r.ms, rows: JSON.parse(r.stdout).rows.map(slim) }];
  },
  async seq(trial) {
    const out = slot('seq', trial);
    const base = await runProcess('go', goBench(settings.rounds), { cwd: trees.main, timeoutMs: HOUR });
    const head = await runProcess('go', goBench(settings.rounds), { cwd: trees.aa, timeoutMs: HOUR });
    writeFileSync(join(out, 'base.txt'), base.stdout);
    writeFileSync(join(out, 'head.txt'), head.stdout);
    const stat = await runProcess(benchstat, ['-format', 'csv', 'base.txt', 'head.txt'], { cwd: out });
    writeFileSync(join(out, 'benchstat.csv'), stat.stdout);
    return [{ kind: 'seq', trial, ms: base.ms + head.ms, rows: parseBenchstatCsv(stat.stdout, join(out, 'benchstat.csv')) }];
  },
  async stored(trial) {
    const out = slot('stored', trial);
    const baseline = await runProcess(
      process.execPath,
      [cli, 'baseline', '--out', join(out, 'baseline'), '--count', String(settings.rounds), '--benchtime', settings.benchtime, '--quiet'],
      { cwd: trees.main, timeoutMs: HOUR },
    );
    // What a PR pays in the action's default flow: its head run plus confirmation (the baseline was
    // recorded once, on main). The plants are judged against the same stored baseline.
    const pr = (tree, dir) =>
      runProcess(process.execPath, benchgateRun(['--baseline', join(out, 'baseline'), '--out', join(out, dir)]), {
        cwd: tree,
        okCodes: BENCHGATE_OK,
        timeoutMs: HOUR,
      });
    const r = await pr(trees.aa, 'run');
    const records = [{ kind: 'stored', trial, ms: r.ms, baselineMs: baseline.ms, rows: JSON.parse(r.stdout).rows.map(slim) }];
    for (const percent of settings.plants) {
      const p = await pr(trees[`plant${percent}`], `plant${percent}`);
      records.push({ kind: 'storedPlant', percent, trial, ms: p.ms, rows: JSON.parse(p.stdout).rows.map(slim) });
    }
    return records;
  },
  async plant(trial) {
    const records = [];
    // Within the task too, the plant sizes take turns at going first.
    const order = settings.plants.map((_, i) => settings.plants[(i + trial) % settings.plants.length]);
    for (const percent of order) {
      const out = slot(`plant${percent}`, trial);
      const r = await runProcess(process.execPath, benchgateRun(['--out', out]), { cwd: trees[`plant${percent}`], okCodes: BENCHGATE_OK, timeoutMs: HOUR });
      records.push({ kind: 'plant', percent, trial, ms: r.ms, rows: JSON.parse(r.stdout).rows.map(slim) });
    }
    return records;
  },
  async plain(trial) {
    const r = await runProcess('go', goBench(settings.rounds).filter((a) => a !== '-benchmem'), { cwd: trees.main, timeoutMs: HOUR });
    return [{ kind: 'plain', trial, ms: r.ms }];
  },
};

// Warm the build cache in every tree, so that no task pays for the first compile.
for (const dir of Object.values(trees)) await runProcess('go', ['test', '-run', '^$', '-bench', '.', '-benchtime', '1x', './...'], { cwd: dir });

const started = Date.now();
const records = [];
const save = () =>
  writeFileSync(
    join(outDir, 'results.json'),
    JSON.stringify({ settings, machine: { cpus: availableParallelism(), loads }, records }, null, 1) + '\n',
  );
try {
  for (let trial = 0; trial < settings.trials; trial++) {
    const order = settings.tasks.map((_, i) => settings.tasks[(i + trial) % settings.tasks.length]);
    for (const name of order) {
      log(`trial ${trial + 1}/${settings.trials}: ${name}`);
      const got = await tasks[name](trial);
      records.push(...got);
      for (const g of got) {
        const flagged = g.rows?.filter((r) => r.verdict === 'regression' || (g.kind === 'seq' && r.significant)).length;
        log(`  ${g.kind}${g.percent ?? ''}: ${(g.ms / 1000).toFixed(1)} s${flagged === undefined ? '' : `, ${flagged} row(s) flagged`}`);
      }
      save();
    }
  }
} finally {
  clearInterval(sampleLoad);
  save();
}

const minutes = ((Date.now() - started) / 60000).toFixed(1);
const meanLoad = loads.length ? loads.reduce((a, b) => a + b, 0) / loads.length : NaN;
console.log(
  `verdict quality: ${settings.trials} trial(s), ${settings.rounds} rounds, benchtime ${settings.benchtime}, threshold ${settings.threshold}%, ` +
    `min-rounds ${settings.minRounds ?? 'default'}, confirm-rounds ${settings.confirmRounds ?? 'default'}, ${minutes} min; ${availableParallelism()} CPUs, 1-min load average mean ${meanLoad.toFixed(2)} (max ${Math.max(...loads).toFixed(2)})\n`,
);
printSummary(records, settings);
console.log(`\nrecords: ${join(outDir, 'results.json')}`);
if (values.keep) console.log(`kept: ${work}`);
else for (const d of ['repo', 'trees', 'runs']) rmSync(join(work, d), { recursive: true, force: true });
