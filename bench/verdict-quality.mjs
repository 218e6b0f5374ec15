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
// --hog N keeps N busy processes running through all of it (a steady CPU hog on the machine).
// Tasks rotate their order from trial to trial so that machine drift hits every tool alike.
// Not a test: run it by hand (see bench/README.md). Needs dist/cli.js (npm run bundle) and the
// pinned benchstat in .cache/bin (installed by npm test's globalSetup).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseBenchstatCsv } from './lib/benchstat-csv.mjs';
import { runProcess } from './lib/run-process.mjs';
import { makeRepo } from './lib/vq-repo.mjs';
import { formatHeader, formatTable, summarize } from './lib/vq-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = `usage: node bench/verdict-quality.mjs [--trials N] [--rounds N] [--min-rounds N] [--max-rounds N] [--confirm-rounds N]
       [--benchtime T] [--plants 3,5,10] [--tasks aa,seq,stored,plant,plain] [--threshold PCT] [--pairing sequential|duet|auto]
       [--hog N] [--quick] [--keep] [--out DIR] [--cli PATH]
       node bench/verdict-quality.mjs --summarize DIR/results.json`;

const { values } = parseArgs({
  options: {
    trials: { type: 'string' },
    rounds: { type: 'string' },
    'min-rounds': { type: 'string' },
    'max-rounds': { type: 'string' },
    pairing: { type: 'string' },
    hog: { type: 'string' },
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
  // benchgate's own default when not given (3 × rounds): the cap on pairs for rows still noisy.
  maxRounds: values['max-rounds'] === undefined ? undefined : positiveInt('max-rounds', values['max-rounds'], 30),
  // benchgate's own default when not given; passed only when set (a CLI without --pairing refuses it).
  pairing: values.pairing,
  // Busy processes kept running through every task: a steady CPU hog on the machine.
  hog: values.hog === undefined ? 0 : positiveInt('hog', values.hog, 0),
  hogCommand: undefined,
  benchtime: values.benchtime ?? (quick ? '20x' : '100ms'),
  plants: [...new Set((values.plants ?? '3,5,10').split(',').map((p) => Number(p.trim().replace(/^\+|%$/g, ''))))],
  tasks: (values.tasks ?? 'aa,seq,stored,plant,plain').split(','),
  // benchgate's default threshold.
  threshold: values.threshold === undefined ? 4 : Number(values.threshold),
  cli: undefined,
  commit: undefined,
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
if (settings.pairing !== undefined && !['sequential', 'duet', 'auto'].includes(settings.pairing)) {
  console.error(`--pairing: expected sequential, duet or auto, got "${settings.pairing}"\n${USAGE}`);
  process.exit(2);
}

function printSummary(saved) {
  const s = saved.settings;
  const { table, whatIf } = summarize(saved.records, s);
  console.log(formatHeader(saved) + '\n');
  console.log(formatTable(['figure', 'value [95% Wilson interval]', 'target', 'met'], table));
  console.log(`\nThe threshold knob, re-judged from the same rows (q ≤ α=${s.alpha}, delta ≥ threshold; sec/op rows):`);
  console.log(formatTable(['threshold', 'A/A regression verdicts', ...s.plants.map((p) => `detects +${p}%`)], whatIf));
  // A row stops early when its intervals rule out the run's threshold; re-judged at a lower one,
  // it might have run on and been judged on more samples.
  console.log(`(Early stopping used the run's ${s.threshold}% threshold: figures below it are approximate.)`);
}

if (values.summarize) {
  printSummary(JSON.parse(readFileSync(values.summarize, 'utf8')));
  process.exit(0);
}

const cli = resolve(values.cli ?? join(root, 'dist', 'cli.js'));
settings.cli = cli;
// Which benchgate was measured: the commit of the checkout the CLI sits in (dist/ is built from it).
settings.commit = await runProcess('git', ['describe', '--always', '--dirty', '--exclude', '*'], { cwd: dirname(cli) })
  .then((r) => r.stdout.trim())
  .catch(() => null);
const benchstat = join(root, '.cache', 'bin', 'benchstat');
for (const [path, how] of [
  [cli, 'run npm run bundle'],
  // Only the seq task runs benchstat.
  ...(settings.tasks.includes('seq')
    ? [[benchstat, 'run npm test once, or GOBIN=$PWD/.cache/bin go install golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da']]
    : []),
]) {
  if (!existsSync(path)) {
    console.error(`verdict-quality: no ${path}: ${how}`);
    process.exit(1);
  }
}

// Flags passed through to `benchgate run` only when given: benchgate's own defaults otherwise.
const passthrough = [
  ...(settings.minRounds === undefined ? [] : ['--min-rounds', String(settings.minRounds)]),
  ...(settings.maxRounds === undefined ? [] : ['--max-rounds', String(settings.maxRounds)]),
  ...(settings.confirmRounds === undefined ? [] : ['--confirm-rounds', String(settings.confirmRounds)]),
  // benchgate run's --duet: on (every pair at once where the CPUs allow), off (back to back), auto (its guard decides).
  ...(settings.pairing === undefined ? [] : ['--duet', { duet: 'on', sequential: 'off', auto: 'auto' }[settings.pairing]]),
];
// Ask the CLI before measuring anything whether it takes these flags: outside a repository and
// without --base, a CLI that knows them fails on the missing --base, one that does not on the flag.
if (passthrough.length) {
  const probeDir = mkdtempSync(join(tmpdir(), 'benchgate-vq-probe-'));
  const probe = await runProcess(process.execPath, [cli, 'run', ...passthrough], { cwd: probeDir, okCodes: [0, 1, 2, 3] });
  rmSync(probeDir, { recursive: true, force: true });
  const first = probe.stderr.trim().split('\n')[0] ?? '';
  const refused = passthrough.filter((a) => a.startsWith('--') && first.includes(a));
  if (refused.length) {
    console.error(`verdict-quality: ${cli} does not accept ${refused.join(', ')} (it says: ${first}); build a benchgate that has it, or leave the flag out`);
    process.exit(2);
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
  '--threshold', String(settings.threshold), '--format', 'json', '--quiet', ...passthrough, ...extra,
];
/** The paired comparison of a row or a confirmation (schema 2), null where unpaired. */
const slimPaired = (p) => (p ? { n: p.n, ratio: p.ratio, lo: p.lo, hi: p.hi, p: p.p, lookP: p.lookP ?? null, method: p.method, pairing: p.pairing } : null);
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
  // Schema 2: `verdict` is final; `screen` the first pass where confirmation replaced it.
  screen: r.screen ? { verdict: r.screen.verdict, reason: r.screen.reason } : null,
  suspect: r.suspect ?? false,
  test: r.test ?? null,
  paired: slimPaired(r.paired),
  // Pairs taken: more than the rounds where a noisy row (or a suspect) earned more.
  pairs: r.paired?.n ?? null,
  confirmed: r.confirmed,
  // The confirmation's own evidence, where the row was re-run.
  confirmation: r.confirmation
    ? {
        delta: r.confirmation.deltaPercent,
        p: r.confirmation.p,
        n: r.confirmation.head?.n ?? null,
        paired: slimPaired(r.confirmation.paired),
        pairs: r.confirmation.paired?.n ?? null,
        verdict: r.confirmation.verdict,
        reason: r.confirmation.reason,
      }
    : null,
  firstFunction: r.attribution?.functions?.[0]?.function ?? null,
});
/** Files named like the pairs runner's listing runs (`list-cpu2.txt`) under a side's directory. */
function listingFiles(dir, depth = 0) {
  let n = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    if (e.isFile() && /^list-.*\.txt$/.test(e.name)) n++;
    else if (e.isDirectory() && depth < 2) n += listingFiles(join(dir, e.name), depth + 1);
  }
  return n;
}
/**
 * How many go test processes made how many samples: every run.json under a kept --out directory
 * (base, head, confirmation sides), as output files (one per go test invocation that measured)
 * plus listing runs (the pairs runner's `list-*.txt`, which name the leaves and measure nothing),
 * and results (one per benchmark line, i.e. per sample).
 */
function sidesOf(dir) {
  const sides = [];
  const walk = (d, depth) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && e.name === 'run.json') {
        try {
          const run = JSON.parse(readFileSync(join(d, e.name), 'utf8'));
          sides.push({
            dir: relative(dir, d) || '.',
            processes: (run.packages ?? []).reduce((a, p) => a + (p.outputFiles?.length ?? 0), 0),
            listings: listingFiles(d),
            samples: (run.results ?? []).length,
            pairing: run.pairing ?? null,
          });
        } catch {
          // A half-written or foreign run.json: not counted.
        }
      } else if (e.isDirectory() && depth < 3) walk(join(d, e.name), depth + 1);
    }
  };
  walk(dir, 0);
  return sides;
}
/** The report of one `benchgate run --format json`: its rows, and what the run says it did. */
function fromReport(stdout) {
  const j = JSON.parse(stdout);
  return {
    schema: j.schema ?? null,
    // The effective settings (threshold, max-rounds, … where the CLI reports them) and the rounds run.
    report: { rounds: j.rounds ?? null, minRounds: j.minRounds ?? null, confirmRounds: j.confirmRounds ?? null, settings: j.settings ?? null },
    rows: j.rows.map(slim),
  };
}
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
    return [{ kind: 'aa', trial, ms: r.ms, sides: sidesOf(out), ...fromReport(r.stdout) }];
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
    const records = [
      { kind: 'stored', trial, ms: r.ms, baselineMs: baseline.ms, baselineSides: sidesOf(join(out, 'baseline')), sides: sidesOf(join(out, 'run')), ...fromReport(r.stdout) },
    ];
    for (const percent of settings.plants) {
      const p = await pr(trees[`plant${percent}`], `plant${percent}`);
      records.push({ kind: 'storedPlant', percent, trial, ms: p.ms, sides: sidesOf(join(out, `plant${percent}`)), ...fromReport(p.stdout) });
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
      records.push({ kind: 'plant', percent, trial, ms: r.ms, sides: sidesOf(out), ...fromReport(r.stdout) });
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

// The CPU hog: N processes that spin until killed, started once the builds are warm and kept
// through every task. Each also exits by itself when this script is gone (checked a few times a
// second), so that a SIGKILL of the script leaves no spinning orphans behind.
const HOG_SOURCE = 'const parent = Number(process.argv[1]); for (let i = 1; ; i++) if (i % 5e7 === 0) { try { process.kill(parent, 0); } catch { process.exit(0); } }';
const hogs = [];
const stopHogs = () => {
  for (const h of hogs.splice(0)) if (h.exitCode === null && h.signalCode === null) h.kill('SIGKILL');
};
process.on('exit', stopHogs);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(signal, () => {
    stopHogs();
    process.exit(code);
  });
}
if (settings.hog) {
  settings.hogCommand = 'node -e <a spin loop that ends with this script>';
  for (let i = 0; i < settings.hog; i++) {
    const h = spawn(process.execPath, ['-e', HOG_SOURCE, String(process.pid)], { stdio: 'ignore' });
    h.on('error', (e) => log(`hog ${i + 1}: ${e.message}`));
    hogs.push(h);
  }
  log(`CPU hog: ${settings.hog} busy process(es), pids ${hogs.map((h) => h.pid).join(' ')}`);
}

const started = Date.now();
// Load while measuring, not while building the repository.
loads.length = 0;
const records = [];
const saved = () => ({ settings, machine: { cpus: availableParallelism(), loads }, minutes: (Date.now() - started) / 60000, records });
const save = () => writeFileSync(join(outDir, 'results.json'), JSON.stringify(saved(), null, 1) + '\n');
try {
  for (let trial = 0; trial < settings.trials; trial++) {
    const order = settings.tasks.map((_, i) => settings.tasks[(i + trial) % settings.tasks.length]);
    for (const name of order) {
      log(`trial ${trial + 1}/${settings.trials}: ${name}`);
      const got = await tasks[name](trial);
      const load = loadavg()[0];
      for (const g of got) g.load = load;
      records.push(...got);
      for (const g of got) {
        const flagged = g.rows?.filter((r) => r.verdict === 'regression' || (g.kind === 'seq' && r.significant)).length;
        const yellow = g.rows && g.kind !== 'seq' ? `, ${g.rows.filter((r) => r.verdict === 'unconfirmed').length} unconfirmed, ${g.rows.filter((r) => r.verdict === 'noisy').length} noisy` : '';
        log(`  ${g.kind}${g.percent ?? ''}: ${(g.ms / 1000).toFixed(1)} s${flagged === undefined ? '' : `, ${flagged} row(s) flagged${yellow}`}`);
      }
      save();
    }
  }
} finally {
  stopHogs();
  clearInterval(sampleLoad);
  save();
}

printSummary(saved());
console.log(`\nrecords: ${join(outDir, 'results.json')}`);
if (values.keep) console.log(`kept: ${work}`);
else for (const d of ['repo', 'trees', 'runs']) rmSync(join(work, d), { recursive: true, force: true });
