// Turns the verdict-quality trial records into figures, each beside its target. Pure: records in,
// rows of text out, so that a saved results.json can be summarised again without re-running.
//
// Rows are read as JSON report schema 2 (`verdict` final, `screen` the first pass, `test`,
// `paired`). Records written before schema 2 (rows without a `screen` key) are normalised first, so
// that `--summarize` of an old results.json gives the same figures as it did.
import { pct, share } from './proportion.mjs';

export const GATED_UNITS = ['sec/op', 'B/op', 'allocs/op'];
export const PLANTED_FUNCTION = 'planted';
/** The benchmarks that spend (almost) all their time in planted. */
export const AFFECTED = /^(Score|Rank)(-\d+)?$/;
const CPU_PKG = 'example.com/vq/cpu';
/** The kinds of record measured in the stored-baseline flow (head run + confirmation). */
const STORED_KINDS = ['stored', 'storedPlant'];

export const isAffected = (r) => r.pkg === CPU_PKG && AFFECTED.test(r.name) && r.unit === 'sec/op';
const gated = (rows) => rows.filter((r) => GATED_UNITS.includes(r.unit));
const secop = (rows) => rows.filter((r) => r.unit === 'sec/op');
const count = (rows, pred) => rows.filter(pred).length;
const isNoisy = (r) => r.verdict === 'noisy';
/**
 * Noisy sec/op rows split by package: vq/cpu is CPU-bound, vq/alloc allocation-heavy (its cost is
 * the allocator and GC, which scatter far more on a VM). Sets figures[key + 'Cpu' | 'Alloc'].
 */
function noisySplit(sec, figures, key) {
  const cpu = sec.filter((r) => r.pkg === CPU_PKG);
  const alloc = sec.filter((r) => r.pkg !== CPU_PKG);
  figures[`${key}Cpu`] = cpu.length ? count(cpu, isNoisy) / cpu.length : NaN;
  figures[`${key}Alloc`] = alloc.length ? count(alloc, isNoisy) / alloc.length : NaN;
  return `CPU-bound ${share(count(cpu, isNoisy), cpu.length)}; allocation-heavy ${share(count(alloc, isNoisy), alloc.length)}`;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const fixed = (x, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
const seconds = (ms) => `${fixed(ms / 1000, 1)} s`;

/**
 * A row as schema 2 reads it. Rows recorded before schema 2 had a first-pass `verdict` and
 * `confirmed`: in the stored flow a regression with `confirmed: false` was cleared and one with
 * `confirmed: null` left unconfirmed; in the no-baseline flows a regression counted as it stood.
 */
export function normalizeRow(r, kind) {
  if (r.screen !== undefined) return r;
  const out = { ...r, screen: null, test: r.test ?? null, paired: r.paired ?? null, suspect: r.suspect ?? false };
  if (r.verdict === 'regression' && r.confirmed === false) {
    out.screen = { verdict: 'regression' };
    out.verdict = 'unchanged';
  } else if (r.verdict === 'regression' && STORED_KINDS.includes(kind) && (r.confirmed === null || r.confirmed === undefined)) {
    out.screen = { verdict: 'regression' };
    out.verdict = 'unconfirmed';
  }
  return out;
}

/** Records with their rows normalised to schema 2. */
export function normalizeRecords(records) {
  return records.map((t) => (t.rows ? { ...t, rows: t.rows.map((r) => normalizeRow(r, t.kind)) } : t));
}

/** Stored flow: a suspect is a row the stored comparison called a regression (first pass), or one left unconfirmed. */
export const isSuspect = (r) => r.screen?.verdict === 'regression' || r.verdict === 'unconfirmed';
/** Confirmation cleared it: the first pass said regression, the fresh samples spoke against it. */
export const isCleared = (r) => r.screen?.verdict === 'regression' && r.confirmed === false;
/** What the gate counts: the final verdict. */
export const isCounted = (r) => r.verdict === 'regression';

/** The slowdown the row's own estimate shows, in percent: the paired ratio where there is one, else the delta of medians. */
export function estimate(r) {
  if (r.paired && Number.isFinite(r.paired.ratio)) return (r.paired.ratio - 1) * 100;
  return r.delta ?? null;
}

/**
 * 🟡 in the comment: unconfirmed, or too noisy to judge with an estimate of at least the threshold
 * ("possibly +31%"); both fail the check only with fail-on-unconfirmed / regression-or-noisy.
 */
export const isYellow = (r, threshold) => r.verdict === 'unconfirmed' || (r.verdict === 'noisy' && (estimate(r) ?? -Infinity) >= threshold);

/** Pairs a row took: paired.n where it was measured in pairs, null otherwise. */
export const pairsOf = (r) => (r.paired && Number.isInteger(r.paired.n) ? r.paired.n : null);

/** A benchstat row is a slowdown when significant and worse: lower is better for all gated units. */
const benchstatSlower = (r, minPct = 0) => r.significant && r.delta !== null && r.delta > 0 && r.delta >= minPct;

/**
 * What benchgate would have called a regression at another threshold (same q, same α). Unpaired
 * rows: q ≤ α, the delta outside the row's noise (the interval half-width, when recorded), and
 * ≥ threshold. Paired rows: q ≤ α and the Hodges–Lehmann ratio ≥ 1 + threshold.
 */
function regressionAt(r, threshold, alpha) {
  if (r.exact) return r.verdict === 'regression';
  const judged = r.q ?? (r.paired ? r.paired.p : r.p);
  if (judged === null || judged === undefined || judged > alpha) return false;
  if (r.paired && Number.isFinite(r.paired.ratio)) return (r.paired.ratio - 1) * 100 >= threshold;
  const outsideNoise = r.noise === null || r.noise === undefined || Math.abs(r.delta) > r.noise;
  return r.delta !== null && r.delta >= threshold && outsideNoise;
}

/** Processes per sample across a set of invocation records (from the kept run.json files). */
function processesPerSample(records) {
  let processes = 0;
  let listings = 0;
  let samples = 0;
  for (const t of records) {
    for (const side of t.sides ?? []) {
      processes += side.processes;
      listings += side.listings ?? 0;
      samples += side.samples;
    }
  }
  return { processes, listings, samples, invocations: records.filter((t) => t.sides?.length).length };
}

/**
 * The header: what was measured, and how busy the machine was while it was.
 * @param {{settings: object, machine?: {cpus?: number, loads?: number[]}, minutes?: number}} saved
 */
export function formatHeader(saved) {
  const s = saved.settings;
  const loads = saved.machine?.loads ?? [];
  const hog = s.hog ? `${s.hog} busy process(es) (${s.hogCommand ?? 'a CPU hog'})` : 'none';
  return [
    `verdict quality: ${s.trials} trial(s), ${s.rounds} rounds, benchtime ${s.benchtime}, threshold ${s.threshold}%, ` +
      `min-rounds ${s.minRounds ?? 'default'}, max-rounds ${s.maxRounds ?? 'default'}, confirm-rounds ${s.confirmRounds ?? 'default'}, ` +
      `pairing ${s.pairing ?? 'default'}, plants ${s.plants.map((p) => `+${p}%`).join(' ')}` +
      (saved.minutes === undefined ? '' : `, ${fixed(saved.minutes, 1)} min`),
    `machine: ${saved.machine?.cpus ?? '?'} CPUs; CPU hog: ${hog}; 1-min load average mean ${fixed(mean(loads))} (max ${loads.length ? fixed(Math.max(...loads)) : 'n/a'}, ${loads.length} samples)` +
      (s.cli ? `; cli ${s.cli}${s.commit ? ` (${s.commit})` : ''}` : ''),
  ].join('\n');
}

/**
 * @param {object[]} rawRecords trial records as written by verdict-quality.mjs (any version)
 * @param {{threshold: number, alpha: number, plants: number[], rounds: number, confirmRounds?: number}} settings
 * @returns {{table: string[][], whatIf: string[][], figures: Record<string, number>}}
 */
export function summarize(rawRecords, settings) {
  const records = normalizeRecords(rawRecords);
  const table = [];
  const figures = {};
  const by = (kind) => records.filter((r) => r.kind === kind);
  const add = (figure, value, target, met) => table.push([figure, value, target, met === undefined ? '' : met ? 'yes' : 'NO']);
  const atMost = (x, bar) => (Number.isFinite(x) ? x <= bar : undefined);
  const th = settings.threshold;
  const yellow = (r) => isYellow(r, th);

  // A/A, no baseline: both sides here (alternating rounds, or pairs).
  const aa = by('aa');
  const aaRows = aa.flatMap((r) => gated(r.rows));
  const aaSec = secop(aaRows);
  const fr = count(aaRows, isCounted);
  const frSec = count(aaSec, isCounted);
  figures.aaFalseRegression = aaRows.length ? fr / aaRows.length : NaN;
  figures.aaFalseRegressionSecOp = aaSec.length ? frSec / aaSec.length : NaN;
  figures.aaNoisySecOp = aaSec.length ? count(aaSec, (r) => r.verdict === 'noisy') / aaSec.length : NaN;
  figures.aaYellowPerRun = aa.length ? count(aaRows, yellow) / aa.length : NaN;
  figures.aaUnconfirmedPerRun = aa.length ? count(aaRows, (r) => r.verdict === 'unconfirmed') / aa.length : NaN;
  add('A/A, no baseline (run --base main): regression verdicts, gated rows', share(fr, aaRows.length), '≤ 1%', atMost(figures.aaFalseRegression, 0.01));
  add('  … sec/op rows only', share(frSec, aaSec.length), '≤ 1%', atMost(figures.aaFalseRegressionSecOp, 0.01));
  add('  … sec/op rows "too noisy to judge" (noisy)', share(count(aaSec, (r) => r.verdict === 'noisy'), aaSec.length), '≤ 10%', atMost(figures.aaNoisySecOp, 0.1));
  add('  … … by package', noisySplit(aaSec, figures, 'aaNoisySecOp'), '');
  add(
    '  … 🟡 rows per run (unconfirmed + noisy possibly ≥ threshold), gated',
    `${fixed(figures.aaYellowPerRun)} (${count(aaRows, (r) => r.verdict === 'unconfirmed')} unconfirmed + ${count(aaRows, (r) => r.verdict === 'noisy' && yellow(r))} noisy in ${aa.length} run(s))`,
    '≤ 1',
    atMost(figures.aaYellowPerRun, 1),
  );
  add('  … sec/op rows judged on pairs (test wilcoxon-signed-rank)', share(count(aaSec, (r) => r.test === 'wilcoxon-signed-rank'), aaSec.length), '');
  add("  … raw p ≤ α (the verdict's test: paired p where paired), sec/op rows", share(count(aaSec, (r) => (r.paired ? r.paired.p <= settings.alpha : r.significant)), aaSec.length), '(reference: ~α = 5%)');
  add('  … trials whose gate would fail', share(count(aa, (t) => gated(t.rows).some(isCounted)), aa.length), '');

  // A/A, benchstat on sequential blocks.
  const seq = by('seq');
  const seqRows = seq.flatMap((r) => gated(r.rows));
  const seqSec = secop(seqRows);
  figures.seqSignificantSecOp = seqSec.length ? count(seqSec, (r) => r.significant) / seqSec.length : NaN;
  if (seq.length) {
    add('A/A benchstat (sequential blocks): significant, gated rows', share(count(seqRows, (r) => r.significant), seqRows.length), '(reference)');
    add('  … significant, sec/op rows', share(count(seqSec, (r) => r.significant), seqSec.length), '(reference)');
    add('  … significant slowdowns, sec/op rows', share(count(seqSec, (r) => benchstatSlower(r)), seqSec.length), '(reference)');
    add(`  … significant slowdowns ≥ ${th}%, sec/op rows`, share(count(seqSec, (r) => benchstatSlower(r, th)), seqSec.length), '≤ 1% (same bar)');
  }

  // A/A, stored baseline then confirmation.
  const stored = by('stored');
  const stRows = stored.flatMap((r) => gated(r.rows));
  const stSec = secop(stRows);
  if (stored.length) {
    const suspects = stRows.filter(isSuspect);
    const counted = count(stRows, isCounted);
    const unconfirmed = count(stRows, (r) => r.verdict === 'unconfirmed');
    figures.storedSurvivors = stRows.length ? counted / stRows.length : NaN;
    figures.storedUnconfirmedPerRun = unconfirmed / stored.length;
    figures.storedYellowPerRun = count(stRows, yellow) / stored.length;
    figures.storedNoisySecOp = stSec.length ? count(stSec, (r) => r.verdict === 'noisy') / stSec.length : NaN;
    add('A/A, stored baseline (baseline, then run --baseline): suspects (first pass regression, or unconfirmed), gated rows', share(suspects.length, stRows.length), '(reference)');
    add('  … counted (final verdict regression), gated rows', share(counted, stRows.length), '≤ 1%', atMost(figures.storedSurvivors, 0.01));
    add('  … of the suspects: counted / cleared / unconfirmed', `${count(suspects, isCounted)} / ${count(suspects, isCleared)} / ${count(suspects, (r) => r.verdict === 'unconfirmed')}`, '');
    add(
      '  … 🟡 rows per run (unconfirmed + noisy possibly ≥ threshold), gated',
      `${fixed(figures.storedYellowPerRun)} (${unconfirmed} unconfirmed + ${count(stRows, (r) => r.verdict === 'noisy' && yellow(r))} noisy in ${stored.length} run(s))`,
      '≤ 1',
      atMost(figures.storedYellowPerRun, 1),
    );
    add('  … sec/op rows "too noisy to judge" (noisy)', share(count(stSec, (r) => r.verdict === 'noisy'), stSec.length), '≤ 10%', atMost(figures.storedNoisySecOp, 0.1));
    add('  … … by package', noisySplit(stSec, figures, 'storedNoisySecOp'), '');
  }

  // Planted slowdowns, both flows: detected = the final verdict is regression (what the gate counts).
  const plantRows = (kind, p) => by(kind).filter((r) => r.percent === p);
  for (const p of settings.plants) {
    const target = p === 5 ? '≥ 90%' : '';
    for (const [kind, flow, key] of [
      ['plant', 'no baseline', 'detect'],
      ['storedPlant', 'stored baseline + confirmation', 'storedDetect'],
    ]) {
      const trials = plantRows(kind, p);
      const affected = trials.flatMap((t) => t.rows.filter(isAffected));
      if (!affected.length) continue;
      const detected = count(affected, isCounted);
      const d = detected / affected.length;
      figures[`${key}${p}`] = d;
      add(`Planted +${p}%, ${flow}: Score/Rank sec/op rows counted as a regression`, share(detected, affected.length), target, p === 5 ? d >= 0.9 : undefined);
      add(
        '  … of the others: noisy / unconfirmed / cleared / unchanged',
        `${count(affected, (r) => r.verdict === 'noisy')} / ${count(affected, (r) => r.verdict === 'unconfirmed')} / ${count(affected, isCleared)} / ${count(affected, (r) => r.verdict === 'unchanged' && !isCleared(r))}`,
        '',
      );
      const estimates = affected.map(estimate).filter((x) => x !== null && Number.isFinite(x));
      add('  … median estimate of the affected rows (paired ratio where paired)', `${fixed(median(estimates))}%`, `(planted ${p}%)`);
      const others = trials.flatMap((t) => gated(t.rows).filter((r) => !isAffected(r)));
      add(
        '  … other rows counted as a regression (collateral; unconfirmed in brackets)',
        `${share(count(others, isCounted), others.length)} (${count(others, (r) => r.verdict === 'unconfirmed')})`,
        '≤ 1%',
        others.length ? count(others, isCounted) / others.length <= 0.01 : undefined,
      );
      const sec = trials.flatMap((t) => secop(t.rows));
      const noisyShare = sec.length ? count(sec, (r) => r.verdict === 'noisy') / sec.length : NaN;
      figures[`${key}Noisy${p}`] = noisyShare;
      add('  … all sec/op rows of these runs "too noisy to judge"', share(count(sec, (r) => r.verdict === 'noisy'), sec.length), '≤ 10%', atMost(noisyShare, 0.1));
      add('  … … by package', noisySplit(sec, figures, `${key}Noisy${p}`), '');
    }
  }
  const detectedAll = [...by('plant'), ...by('storedPlant')].flatMap((t) => t.rows.filter((r) => isAffected(r) && isCounted(r)));
  // pprof names it example.com/vq/cpu.planted; the diff side may use a shorter qualified name.
  const first = count(detectedAll, (r) => new RegExp(`(^|[./])${PLANTED_FUNCTION}$`).test(r.firstFunction ?? ''));
  figures.attributionFirst = detectedAll.length ? first / detectedAll.length : NaN;
  add(`Attribution names ${PLANTED_FUNCTION} first, detected rows (all plants, both flows)`, share(first, detectedAll.length), '≥ 95%', detectedAll.length ? first / detectedAll.length >= 0.95 : undefined);

  // Extra pairs: rows still noisy (or suspects) after `rounds` pairs run on, up to max-rounds.
  const rerunRuns = [...aa, ...by('plant')];
  const pairedSec = rerunRuns.flatMap((t) => secop(t.rows)).filter((r) => pairsOf(r) !== null);
  if (pairedSec.length) {
    const extended = pairedSec.filter((r) => pairsOf(r) > settings.rounds);
    const extra = extended.map((r) => pairsOf(r) - settings.rounds);
    const allPairs = pairedSec.reduce((a, r) => a + pairsOf(r), 0);
    const extraPairs = extra.reduce((a, b) => a + b, 0);
    figures.extendedShare = extended.length / pairedSec.length;
    figures.extraPairsPerExtended = mean(extra);
    figures.extraPairsShare = allPairs ? extraPairs / allPairs : NaN;
    const meanMs = mean(rerunRuns.map((t) => t.ms));
    add(`Extra pairs, no baseline: sec/op rows that took more than ${settings.rounds} pairs`, share(extended.length, pairedSec.length), '');
    add('  … extra pairs per extended row, mean (max)', extra.length ? `${fixed(mean(extra), 1)} (${Math.max(...extra)}), up to ${settings.maxRounds ?? 3 * settings.rounds} pairs a row` : '0', '');
    add(
      '  … extra pairs / all pairs (≈ the share of sampling time, at a fixed -benchtime)',
      `${extraPairs} / ${allPairs} = ${pct(figures.extraPairsShare)} ≈ ${seconds(figures.extraPairsShare * meanMs)} of a ${seconds(meanMs)} run`,
      '',
    );
    add('  … pairs per sec/op row, mean', `${fixed(mean(pairedSec.map(pairsOf)), 1)} (fewer than ${settings.rounds}: stopped early)`, '');
    // Noisy rows short of the cap stopped there: more pairs could not decide them (predictive
    // futility), or the extension's time cap ran out.
    const cap = settings.maxRounds ?? 3 * settings.rounds;
    const noisyRows = pairedSec.filter(isNoisy);
    add('  … noisy sec/op rows that stopped short of the cap (futility or time cap) / all noisy', `${count(noisyRows, (r) => pairsOf(r) < cap)} / ${noisyRows.length}`, '');
  }
  const confirmPairs = [...stored, ...by('storedPlant')].flatMap((t) => secop(t.rows)).map((r) => r.confirmation?.pairs).filter((n) => Number.isInteger(n));
  if (confirmPairs.length) {
    add('Confirmation pairs per confirmed sec/op row, mean (max)', `${fixed(mean(confirmPairs), 1)} (${Math.max(...confirmPairs)}) of ${settings.confirmRounds ?? 10} planned`, '');
  }

  // Wall time.
  const plain = by('plain').map((r) => r.ms);
  const gateRuns = rerunRuns.map((r) => r.ms);
  const ratio = mean(gateRuns) / mean(plain);
  figures.wallRatio = ratio;
  add('Wall time, no baseline: benchgate run (both sides) / plain go test -count=rounds', `${seconds(mean(gateRuns))} / ${seconds(mean(plain))} = ${fixed(ratio)}×`, '≤ 2×', atMost(ratio, 2));
  const alternating = rerunRuns.flatMap((t) => secop(t.rows)).map((r) => r.n).filter((n) => typeof n === 'number');
  if (alternating.length && !pairedSec.length) {
    add('  … samples a side per sec/op row (early stopping), mean', `${fixed(mean(alternating), 1)} of up to ${settings.rounds}`, '');
  }
  const prRuns = [...stored, ...by('storedPlant')].map((r) => r.ms);
  if (prRuns.length) {
    const prRatio = mean(prRuns) / mean(plain);
    figures.wallRatioStored = prRatio;
    add("Wall time, stored baseline (the action's default): head run + confirmation / plain", `${seconds(mean(prRuns))} = ${fixed(prRatio)}×`, '≤ 2×', atMost(prRatio, 2));
    const baselineMs = mean(stored.map((r) => r.baselineMs).filter((x) => typeof x === 'number'));
    add('  … benchgate baseline (once per push to main) / plain', `${seconds(baselineMs)} = ${fixed(baselineMs / mean(plain))}×`, '(reference)');
  }
  if (seq.length) {
    const seqMs = mean(seq.map((r) => r.ms));
    add('  … sequential blocks (base then head go test, one benchstat)', `${seconds(seqMs)} = ${fixed(seqMs / mean(plain))}×`, '(reference)');
  }
  const procs = processesPerSample(rerunRuns);
  if (procs.samples) {
    figures.processesPerSample = procs.processes / procs.samples;
    add(
      '  … go test processes per sample, no baseline (run.json: output files / results; + listing runs)',
      `${procs.processes} / ${procs.samples} = ${fixed(figures.processesPerSample, 3)} (${fixed(procs.processes / procs.invocations, 0)} a run` +
        `${procs.listings ? `, + ${fixed(procs.listings / procs.invocations, 0)} listing runs a run` : ''})`,
      '',
    );
  }
  const loads = records.map((t) => t.load).filter((x) => typeof x === 'number');
  if (loads.length) add('1-min load average at the end of each task: mean (max)', `${fixed(mean(loads))} (${fixed(Math.max(...loads))})`, '');

  // The threshold knob, re-judged from the same rows (the q-values do not depend on it).
  const whatIf = [];
  for (const t of [2, 3, 4, 5, 7.5]) {
    const row = [`${t}%`, share(count(aaSec, (r) => regressionAt(r, t, settings.alpha)), aaSec.length)];
    for (const p of settings.plants) {
      const affected = plantRows('plant', p).flatMap((x) => x.rows.filter(isAffected));
      row.push(share(count(affected, (r) => regressionAt(r, t, settings.alpha)), affected.length));
    }
    whatIf.push(row);
  }
  return { table, whatIf, figures };
}

/** Renders rows as a plain-text table with padded columns. */
export function formatTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => [...(r[i] ?? '')].length)));
  const line = (r) => r.map((c, i) => (c ?? '').padEnd(widths[i])).join(' │ ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

export { pct };
