// Turns the verdict-quality trial records into figures, each beside its target. Pure: records in,
// rows of text out, so that a saved results.json can be summarised again without re-running.
import { pct, share } from './proportion.mjs';

export const GATED_UNITS = ['sec/op', 'B/op', 'allocs/op'];
export const PLANTED_FUNCTION = 'planted';
/** The benchmarks that spend (almost) all their time in planted. */
export const AFFECTED = /^(Score|Rank)(-\d+)?$/;
const CPU_PKG = 'example.com/vq/cpu';

export const isAffected = (r) => r.pkg === CPU_PKG && AFFECTED.test(r.name) && r.unit === 'sec/op';
const gated = (rows) => rows.filter((r) => GATED_UNITS.includes(r.unit));
const secop = (rows) => rows.filter((r) => r.unit === 'sec/op');
const count = (rows, pred) => rows.filter(pred).length;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** A benchstat row is a slowdown when significant and worse: lower is better for all gated units. */
const benchstatSlower = (r, minPct = 0) => r.significant && r.delta !== null && r.delta > 0 && r.delta >= minPct;

/**
 * What benchgate would have called a regression at another threshold (same q, same α): q ≤ α,
 * the delta outside the row's noise (the interval half-width, when recorded), and ≥ threshold.
 */
function regressionAt(r, threshold, alpha) {
  if (r.exact) return r.verdict === 'regression';
  const judged = r.q ?? r.p;
  const outsideNoise = r.noise === null || r.noise === undefined || Math.abs(r.delta) > r.noise;
  return judged !== null && judged <= alpha && r.delta !== null && r.delta >= threshold && outsideNoise;
}

/**
 * @param {object[]} records trial records as written by verdict-quality.mjs
 * @param {{threshold: number, alpha: number, plants: number[]}} settings
 * @returns {{table: string[][], whatIf: string[][], figures: Record<string, number>}}
 */
export function summarize(records, settings) {
  const table = [];
  const figures = {};
  const by = (kind) => records.filter((r) => r.kind === kind);
  const add = (figure, value, target, met) => table.push([figure, value, target, met === undefined ? '' : met ? 'yes' : 'NO']);

  // A/A, alternating rounds.
  const aa = by('aa');
  const aaRows = aa.flatMap((r) => gated(r.rows));
  const aaSec = secop(aaRows);
  const fr = count(aaRows, (r) => r.verdict === 'regression');
  const frSec = count(aaSec, (r) => r.verdict === 'regression');
  figures.aaFalseRegression = aaRows.length ? fr / aaRows.length : NaN;
  figures.aaFalseRegressionSecOp = aaSec.length ? frSec / aaSec.length : NaN;
  add('A/A benchgate (alternating): regression verdicts, gated rows', share(fr, aaRows.length), '≤ 1%', aaRows.length ? fr / aaRows.length <= 0.01 : undefined);
  add('  … sec/op rows only', share(frSec, aaSec.length), '≤ 1%', aaSec.length ? frSec / aaSec.length <= 0.01 : undefined);
  add('  … "noisy" (no verdict: interval wider than the threshold), sec/op rows', share(count(aaSec, (r) => r.verdict === 'noisy'), aaSec.length), '');
  add('  … raw p ≤ α (benchstat\'s test), sec/op rows', share(count(aaSec, (r) => r.significant), aaSec.length), '(reference: ~α = 5%)');
  add('  … trials whose gate would fail', share(count(aa, (t) => gated(t.rows).some((r) => r.verdict === 'regression')), aa.length), '');

  // A/A, benchstat on sequential blocks.
  const seq = by('seq');
  const seqRows = seq.flatMap((r) => gated(r.rows));
  const seqSec = secop(seqRows);
  figures.seqSignificantSecOp = seqSec.length ? count(seqSec, (r) => r.significant) / seqSec.length : NaN;
  add('A/A benchstat (sequential blocks): significant, gated rows', share(count(seqRows, (r) => r.significant), seqRows.length), '(reference)');
  add('  … significant, sec/op rows', share(count(seqSec, (r) => r.significant), seqSec.length), '(reference)');
  add('  … significant slowdowns, sec/op rows', share(count(seqSec, (r) => benchstatSlower(r)), seqSec.length), '(reference)');
  add(`  … significant slowdowns ≥ ${settings.threshold}%, sec/op rows`, share(count(seqSec, (r) => benchstatSlower(r, settings.threshold)), seqSec.length), '≤ 1% (same bar)');

  // A/A, stored baseline then confirmation.
  const stored = by('stored');
  const stRows = stored.flatMap((r) => gated(r.rows));
  const suspects = stRows.filter((r) => r.verdict === 'regression');
  const survived = count(suspects, (r) => r.confirmed === true);
  const unconfirmed = count(suspects, (r) => r.confirmed === null || r.confirmed === undefined);
  figures.storedSurvivors = stRows.length ? survived / stRows.length : NaN;
  add('A/A stored baseline: suspects (regressions before confirmation), gated rows', share(suspects.length, stRows.length), '(reference)');
  add('  … suspects surviving confirmation, gated rows', share(survived, stRows.length), '≤ 1%', stRows.length ? survived / stRows.length <= 0.01 : undefined);
  add('  … of the suspects: confirmed / cleared / no verdict', `${survived} / ${count(suspects, (r) => r.confirmed === false)} / ${unconfirmed}`, '');

  // Planted slowdowns against a stored baseline: detected = a regression the gate counts
  // (confirmed, or never subject to confirmation), as in the action's default flow.
  const counted = (r) => r.verdict === 'regression' && r.confirmed !== false && r.confirmed !== null;
  for (const p of settings.plants) {
    const affected = by('storedPlant').filter((r) => r.percent === p).flatMap((t) => t.rows.filter(isAffected));
    if (!affected.length) continue;
    const d = count(affected, counted) / affected.length;
    figures[`storedDetect${p}`] = d;
    add(`Planted +${p}% against a stored baseline, after confirmation: counted`, share(count(affected, counted), affected.length), p === 5 ? '≥ 90%' : '', p === 5 ? d >= 0.9 : undefined);
    const first = affected.filter((r) => r.verdict === 'regression');
    add('  … flagged by the stored comparison / cleared / left unconfirmed (counted only with fail-on-unconfirmed)', `${first.length} / ${count(first, (r) => r.confirmed === false)} / ${count(first, (r) => r.confirmed === null)}`, '');
  }

  // Planted slowdowns.
  for (const p of settings.plants) {
    const trials = by('plant').filter((r) => r.percent === p);
    const affected = trials.flatMap((t) => t.rows.filter(isAffected));
    const detected = affected.filter((r) => r.verdict === 'regression');
    const d = affected.length ? detected.length / affected.length : NaN;
    figures[`detect${p}`] = d;
    const target = p === 5 ? '≥ 90%' : '';
    add(`Planted +${p}%: affected rows called a regression`, share(detected.length, affected.length), target, p === 5 && affected.length ? d >= 0.9 : undefined);
    add('  … called "noisy" instead (no verdict)', share(count(affected, (r) => r.verdict === 'noisy'), affected.length), '');
    add(`  … median measured delta of the affected rows`, `${median(affected.map((r) => r.delta).filter((x) => x !== null)).toFixed(2)}%`, `(planted ${p}%)`);
    const others = trials.flatMap((t) => gated(t.rows).filter((r) => !isAffected(r)));
    add('  … other rows called a regression (collateral)', share(count(others, (r) => r.verdict === 'regression'), others.length), '≤ 1%');
  }
  const detectedAll = [
    ...by('plant').flatMap((t) => t.rows.filter((r) => isAffected(r) && r.verdict === 'regression')),
    ...by('storedPlant').flatMap((t) => t.rows.filter((r) => isAffected(r) && counted(r))),
  ];
  // pprof names it example.com/vq/cpu.planted; the diff side may use a shorter qualified name.
  const first = count(detectedAll, (r) => new RegExp(`(^|[./])${PLANTED_FUNCTION}$`).test(r.firstFunction ?? ''));
  figures.attributionFirst = detectedAll.length ? first / detectedAll.length : NaN;
  add(`Attribution names ${PLANTED_FUNCTION} first, detected rows (all plants, both flows)`, share(first, detectedAll.length), '≥ 95%', detectedAll.length ? first / detectedAll.length >= 0.95 : undefined);

  // Wall time.
  const gateRuns = [...aa, ...by('plant')].map((r) => r.ms);
  const plain = by('plain').map((r) => r.ms);
  const ratio = mean(gateRuns) / mean(plain);
  figures.wallRatio = ratio;
  add('Wall time, no baseline (rerun): benchgate run, both sides / plain go test -count=rounds', `${(mean(gateRuns) / 1000).toFixed(1)} s / ${(mean(plain) / 1000).toFixed(1)} s = ${ratio.toFixed(2)}×`, '≤ 2×', Number.isFinite(ratio) ? ratio <= 2 : undefined);
  const alternating = [...aa, ...by('plant')].flatMap((t) => secop(t.rows)).map((r) => r.n).filter((n) => typeof n === 'number');
  if (alternating.length) {
    add('  … samples a side per sec/op row (early stopping), mean', `${mean(alternating).toFixed(1)} of up to ${settings.rounds}`, '');
  }
  const prRuns = [...stored, ...by('storedPlant')].map((r) => r.ms);
  if (prRuns.length) {
    const prRatio = mean(prRuns) / mean(plain);
    figures.wallRatioStored = prRatio;
    add('Wall time, stored baseline (the action\'s default): head run + confirmation / plain', `${(mean(prRuns) / 1000).toFixed(1)} s = ${prRatio.toFixed(2)}×`, '≤ 2×', Number.isFinite(prRatio) ? prRatio <= 2 : undefined);
  }
  const seqMs = mean(seq.map((r) => r.ms));
  add('  … sequential blocks (base then head go test, one benchstat)', `${(seqMs / 1000).toFixed(1)} s = ${(seqMs / mean(plain)).toFixed(2)}×`, '(reference)');

  // The threshold knob, re-judged from the same rows (the q-values do not depend on it).
  const whatIf = [];
  for (const t of [2, 3, 4, 5, 7.5]) {
    const row = [`${t}%`, share(count(aaSec, (r) => regressionAt(r, t, settings.alpha)), aaSec.length)];
    for (const p of settings.plants) {
      const affected = by('plant').filter((r) => r.percent === p).flatMap((x) => x.rows.filter(isAffected));
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
