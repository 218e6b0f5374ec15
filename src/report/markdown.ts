/**
 * The PR comment and job summary: the verdict in the first line, the culprit in the first table,
 * everything else one click away (collapsed). Pure: report in, markdown out.
 */
import { markdownTable } from 'markdown-table';
import { isClearedSuspect, type GateResult } from '../compare/gate.js';
import type { AttributedFunction, CompareReport, CompareRow, Diagnosis, DiagnosisSide, Summary } from '../types.js';
import { interpretDiagnosis } from '../diagnose/diagnosis.js';
import { formatDelta } from '../attribute/quantity.js';
import { escapeHtml, escapeMarkdown, inlineCode } from './escape.js';
import { commonScale, formatFixed, formatScaled, pctRange, signedPercent, unitClass } from './format.js';
import { causalFooter, causalPhrase, commitPhrase, isVerified } from './causal-text.js';
import { shortWhy, whyAdvice } from './why.js';
import { netPhrase, offsetDelta, shareText } from './offsets-text.js';
import { benchmarkKey, isChange, verdictDelta } from '../compare/compare.js';
import { testLabel } from '../compare/row-test.js';
import { MAX_COMMENT_LENGTH } from '../github/limits.js';
import type { History } from '../history/history.js';
import { trendOf } from '../history/trend.js';


export interface BaselineInfo {
  /** Where the base side came from. */
  source: 'artifact' | 'rerun' | 'files' | 'stored';
  ref?: string;
  commit?: string;
  runId?: number;
  runNumber?: number;
  runUrl?: string;
  /** Why the baseline's environment differs from this run's, if it does. */
  environmentNote?: string;
}

export interface MarkdownContext {
  gate: GateResult;
  baseline: BaselineInfo;
  /** Samples per side (count or rounds). */
  rounds?: number;
  /** Alternating rounds after which a settled benchmark stopped (early stopping on); none = every round ran. */
  minRounds?: number;
  /** Whether suspects were re-run in alternating rounds, and how many rounds. */
  confirmRounds?: number;
  /** Set when the causal step ran (src/causal/): pairs per measurement and its budget. */
  causal?: { rounds: number; budgetMs: number };
  /** Packages that failed, with reasons (the report is then partial). */
  incomplete?: string[];
  /** A sharded suite's shards that are missing or unusable (`shard 2/3: …`): the verdict is incomplete. */
  missingShards?: string[];
  /** Extra warnings to show near the top (each one line). */
  notices?: string[];
  /** Hidden marker for the sticky comment. */
  marker?: string;
  /** Where the full report lives, shown when the comment had to be cut. */
  fullReportHint?: string;
  /** A link for file names, e.g. `${server}/${repo}/blob/${sha}/`; none = plain text. */
  blobUrl?: string;
  /**
   * The URL of the result artifact that holds the flame graphs: each row's "flame graph" links
   * there (one reference definition, a few characters a row). None: the link is the file's path
   * relative to the report (right for report.md beside the files, locally or in the artifact).
   */
  flameGraphUrl?: string;
  maxLength?: number;
  /** The baseline's history of the base branch: a sparkline of its last runs per flagged row. */
  history?: History | null;
}

/** Units with a short suffix that reads naturally after a scaled number (36.6µs, 1.2KiB). */
const UNIT_SUFFIX: Record<string, string> = { 'sec/op': 's', 'B/op': 'B', 'B/s': 'B/s', 'allocs/op': '' };

export function formatValue(value: number, unit: string, others: number[] = []): string {
  const scaler = commonScale([value, ...others], unitClass(unit));
  return formatScaled(value, scaler) + (UNIT_SUFFIX[unit] ?? '');
}

function summaryCell(s: Summary | null, other: Summary | null, unit: string, exact: boolean): string {
  if (!s) return '—';
  const value = formatValue(s.center, unit, other ? [other.center] : []);
  if (exact || s.lo === s.hi) return value;
  return `${value} ± ${pctRange(s.center, s.lo, s.hi)}`;
}


function deltaCell(row: CompareRow, bold: boolean): string {
  if (row.verdict === 'new') return 'new';
  if (row.verdict === 'removed') return 'removed';
  if ((row.deltaPercent === null || !Number.isFinite(row.deltaPercent)) && row.base && row.head && row.base.center !== row.head.center) {
    // From zero there is no percentage: say how much per op instead.
    const text = formatDelta(row.head.center - row.base.center, row.unit);
    return bold ? `**${text}**` : text;
  }
  const delta = verdictDelta(row);
  if (delta === null || !Number.isFinite(delta)) return '?';
  if (row.verdict === 'noisy' || row.verdict === 'unconfirmed') return `possibly ${signedPercent(delta)}`;
  if (row.verdict !== 'regression' && row.verdict !== 'improvement' && !row.significant) return '~';
  const text = signedPercent(delta);
  return bold ? `**${text}**` : text;
}

/** The p of the test the verdict used (the paired signed-rank p for paired rows), and its q. */
function pCell(row: CompareRow): string {
  if (row.exact) return 'exact';
  const raw = row.paired ? row.paired.p : row.p;
  if (raw === null) return '—';
  const p = formatFixed(raw, 3);
  return row.q !== undefined && row.q !== null ? `${p} (q=${formatFixed(row.q, 3)})` : p;
}

function benchmarkCell(row: CompareRow): string {
  const pkg = row.package.split('/').pop() || row.package;
  return `${inlineCode(pkg)} ${escapeMarkdown(row.name)}`;
}

function shortSha(sha: string | undefined): string {
  return sha ? sha.slice(0, 7) : '';
}

function fileLink(fn: AttributedFunction, ctx: MarkdownContext): string {
  const base = fn.file.split('/').pop() ?? fn.file;
  const label = `${base} L${fn.startLine}–${fn.endLine}`;
  if (!ctx.blobUrl || !/^[\w./-]+$/.test(fn.file)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${ctx.blobUrl}${fn.file}#L${fn.startLine}-L${fn.endLine})`;
}

function shortFunction(name: string): string {
  // example.com/m/parser.(*P).skipWS → parser.(*P).skipWS: the import path is in the table already.
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}


function likelyCause(row: CompareRow, ctx: MarkdownContext): string {
  const a = row.attribution;
  if (!a) return '';
  const top = a.functions[0];
  if (!top) return a.note ? escapeMarkdown(a.note) : '';
  const parts = [inlineCode(shortFunction(top.function))];
  if (top.changed) parts.push(`✏️ ${fileLink(top, ctx)}`);
  else parts.push('(not changed in this PR)');
  const causal = causalPhrase(top);
  if (isVerified(top)) parts.push(`— ${escapeMarkdown(causal!)}`);
  else if (row.base && row.head && Number.isFinite(top.delta)) {
    parts.push(`— ${formatDelta(top.delta, row.unit)} of ${formatDelta(row.head.center - row.base.center, row.unit)}/op`);
    // Work moved out of other changed functions: name the largest, and what they all net to.
    const net = netPhrase(a, row);
    const offset = a.offsets?.[0];
    if (net && offset) {
      const others = a.offsets!.length > 1 ? ` and ${a.offsets!.length - 1} more` : '';
      parts[parts.length - 1] += `, offset by ${inlineCode(shortFunction(offset.function))} ${offsetDelta(offset, row.unit)}${others} (${net})`;
    }
  }
  const more = [!isVerified(top) && causal ? escapeMarkdown(causal) : null, commitPhrase(a)].filter(Boolean);
  return parts.join(' ') + (more.length ? `; ${more.join('; ')}` : '');
}

const MARK: Record<string, string> = { regression: '🔴', improvement: '🟢', unconfirmed: '🟡', noisy: '🟡' };


function marker(row: CompareRow): string {
  if (isClearedSuspect(row)) return '⚪';
  return MARK[row.verdict] ?? '';
}

function changedTable(rows: CompareRow[], ctx: MarkdownContext): string {
  const verified = rows.some((r) => r.attribution?.functions[0] && isVerified(r.attribution.functions[0]));
  const header = ['', 'benchmark', 'metric', 'base', 'this PR', 'Δ', 'p', verified ? 'cause' : 'likely cause'];
  const body = rows.map((r) => [
    marker(r),
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, r.verdict === 'regression'),
    pCell(r),
    [likelyCause(r, ctx), flameGraphLink(r, ctx)].filter(Boolean).join(' · '),
  ]);
  const align: ('l' | 'r')[] = ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'l'];
  // main's last runs, oldest to newest, where the baseline carries a history (a column only then).
  const trends = rows.map((r) => trendOf(ctx.history, r.package, r.name, r.unit));
  if (trends.some(Boolean)) {
    header.splice(4, 0, `${escapeMarkdown(ctx.baseline.ref || 'base')} trend`);
    align.splice(4, 0, 'l');
    for (const [i, row] of body.entries()) row.splice(4, 0, trends[i]);
  }
  return markdownTable([header, ...body], { align });
}

/** The reference name the rows' links use when the artifact's URL is known. */
const FLAME_REF = 'flame-graphs';

/** The artifact's URL, if it is one a link destination can hold as it is. */
function flameUrl(ctx: MarkdownContext): string | undefined {
  return ctx.flameGraphUrl && /^https?:\/\/[^\s<>]+$/.test(ctx.flameGraphUrl) ? ctx.flameGraphUrl : undefined;
}

function flameGraphLink(r: CompareRow, ctx: MarkdownContext): string {
  // The path is one the JSON reader checked (or the writer made): slug characters only.
  if (!r.flamegraph || !/^[\w./-]+$/.test(r.flamegraph)) return '';
  return flameUrl(ctx) ? `[flame graph][${FLAME_REF}]` : `[flame graph](${r.flamegraph})`;
}

function confirmationLine(r: CompareRow): string {
  const c = r.confirmation;
  if (!c) return '';
  const n = `n=${c.base.n}+${c.head.n}`;
  const d = c.deltaPercent === null ? '?' : signedPercent(c.deltaPercent);
  const p = c.p === null ? '' : `, p=${formatFixed(c.p, 3)}`;
  const what = r.confirmed ? 'confirmed' : r.confirmed === null ? 'not judged' : 'cleared';
  const how = c.paired ? `${c.paired.n} fresh pairs` : 'alternating rounds';
  return `${benchmarkCell(r)} ${r.unit}: ${what} by ${how} on this runner (${d}${p}, ${n}) — ${escapeMarkdown(c.reason)}`;
}

/** " in `a1b2c3d` subject, …": the PR's commits that touched a changed function. */
function commitsIn(f: AttributedFunction): string {
  return f.commits.length ? ' in ' + f.commits.slice(0, 3).map((c) => `${inlineCode(shortSha(c.sha))} ${escapeMarkdown(c.subject)}`).join(', ') : '';
}

/** A row's details: its attribution, and its benchmark's GC and scheduler figures where `withDiagnosis`. */
function attributionDetails(row: CompareRow, ctx: MarkdownContext, withDiagnosis: boolean): string {
  const a = row.attribution;
  const attributed = !!a && (a.functions.length > 0 || !!a.note);
  const diagnosis = withDiagnosis ? row.diagnosis : undefined;
  if (!attributed && !diagnosis) return '';
  const lines: string[] = [];
  const why = row.verdict === 'regression' ? 'why it is slower' : 'why it is faster';
  const what = attributed ? (row.unit === 'sec/op' ? 'CPU profile' : 'memory profile') : 'GC and scheduler';
  lines.push(`<details><summary>${marker(row)} ${escapeHtml(row.name)} (${escapeHtml(row.unit)}) — ${why} (${what}, per op)</summary>`, '');
  if (a && a.functions.length > 0) {
    const header = ['function', 'Δ per op', 'share', 'changed in this PR'];
    const body = a.functions.slice(0, 8).map((f) => [
      inlineCode(shortFunction(f.function)),
      Number.isFinite(f.delta) ? formatDelta(f.delta, row.unit) : '?',
      shareText(f.share),
      f.changed
        ? `✏️ ${fileLink(f, ctx)}${commitsIn(f)}` +
          (causalPhrase(f) ? ` — ${escapeMarkdown(causalPhrase(f)!)}` : '')
        : '',
    ]);
    // Changed functions that moved the other way: without them a function can gain 5× the row.
    const offsets = (a.offsets ?? []).map((f) => [
      inlineCode(shortFunction(f.function)),
      offsetDelta(f, row.unit),
      shareText(f.share),
      `✏️ ${fileLink(f, ctx)}${commitsIn(f)} — offsets: moved the other way`,
    ]);
    lines.push(markdownTable([header, ...body, ...offsets], { align: ['l', 'r', 'r', 'l'] }), '');
    const net = netPhrase(a, row);
    if (net) {
      lines.push(
        `${escapeMarkdown(net[0].toUpperCase() + net.slice(1))}: work moved between changed functions; the offsets are those that moved against the row by at least 5% of its Δ.`,
        '',
      );
    }
  }
  if (a?.note) lines.push(escapeMarkdown(a.note), '');
  if (diagnosis) lines.push(diagnosisTable(diagnosis), '', `GC and scheduler: ${escapeMarkdown(interpretDiagnosis(diagnosis))}.`, '');
  lines.push('</details>');
  return lines.join('\n');
}

/** The GC and scheduler figures, base against head (src/diagnose/); `—` where not measured. */
function diagnosisTable(d: Diagnosis): string {
  const fmt = (v: number | null, f: (x: number) => string) => (v === null ? '—' : f(v));
  const g3 = (x: number) => (x === 0 ? '0' : Math.abs(x) >= 1000 ? formatFixed(x, 0) : Number(x.toPrecision(3)).toString());
  const ns = (x: number) => `${g3(x)} ns`;
  const pct = (x: number) => `${formatFixed(x * 100, 1)}%`;
  const mib = (x: number) => `${formatFixed(x / 2 ** 20, 0)} MiB`;
  const rows: [string, keyof DiagnosisSide, (x: number) => string][] = [
    ['GC cycles per op', 'gcCyclesPerOp', g3],
    ['STW sweep termination per op', 'stwSweepTermNsPerOp', ns],
    ['STW mark termination per op', 'stwMarkTermNsPerOp', ns],
    ['concurrent mark per op', 'concurrentMarkNsPerOp', ns],
    ['GC CPU share', 'gcCpuFraction', pct],
    ['heap goal', 'heapGoalBytes', mib],
    ['mark assist (CPU profile)', 'assistShare', pct],
    ['scheduler latency per op', 'schedLatencyNsPerOp', ns],
  ];
  const body = rows.map(([label, k, f]) => [label, fmt(d.base[k], f), fmt(d.head[k], f)]);
  return markdownTable([['GC and scheduler', 'base', 'this PR'], ...body], { align: ['l', 'r', 'r'] });
}

function unchangedSection(rows: CompareRow[], report: CompareReport): string {
  if (rows.length === 0) return '';
  // The cell is short and built from the row's numbers; what to do about it is said once below.
  const why = shortWhy(report);
  const header = ['benchmark', 'metric', 'base', 'this PR', 'Δ', 'p', 'why unchanged'];
  const body = rows.map((r) => [
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, false),
    pCell(r),
    escapeMarkdown(why(r)),
  ]);
  const advice = whyAdvice(report, rows).map((a) => escapeMarkdown(a));
  const names = new Set(rows.map(benchmarkKey));
  return [
    `<details><summary>${names.size} unchanged${rows.some((r) => r.verdict === 'noisy') ? ' or too noisy' : ''} benchmarks (${rows.length} rows)</summary>`,
    '',
    markdownTable([header, ...body], { align: ['l', 'l', 'r', 'r', 'r', 'r', 'l'] }),
    '',
    ...(advice.length ? [advice.join('\n\n'), ''] : []),
    '</details>',
  ].join('\n');
}

function headline(report: CompareReport, ctx: MarkdownContext): string {
  const g = ctx.gate;
  const benchmarks = new Set(report.rows.map(benchmarkKey)).size;
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const undecided = [
    g.unconfirmed.length > 0 ? `${g.unconfirmed.length} unconfirmed` : '',
    g.noisy.length > 0 ? `${count(g.noisy.length, 'row')} too noisy to judge, possibly ${possibly(g.noisy)}` : '',
  ].filter(Boolean);
  if (g.regressions.length > 0 || g.failed) {
    const more = g.counted.length - g.regressions.length;
    const what = [count(g.regressions.length, 'regression'), ...(more > 0 ? undecided : [])].join(', ');
    const tail = g.waivedBy ? `waived by label ${inlineCode(g.waivedBy)}` : g.failed ? 'merge blocked' : 'not gating';
    const icon = g.waivedBy || !g.failed ? '⚠️' : '❌';
    return `### ${icon} benchgate: ${what} in ${count(benchmarks, 'benchmark')} — ${tail}`;
  }
  if (ctx.missingShards && ctx.missingShards.length > 0) {
    return `### ⚠️ benchgate: incomplete — ${count(ctx.missingShards.length, 'shard problem')}; no regressions in the ${count(benchmarks, 'benchmark')} that ran`;
  }
  if (ctx.incomplete && ctx.incomplete.length > 0) {
    return `### ⚠️ benchgate: incomplete — ${count(ctx.incomplete.length, 'package')} failed; no regressions in the ${count(benchmarks, 'benchmark')} that ran`;
  }
  const better = g.improvements.length > 0 ? `, ${count(g.improvements.length, 'improvement')}` : '';
  const open = undecided.length > 0 ? `, ${undecided.join(', ')}` : '';
  // Counted in benchmarks, leaving out those the "possibly" clause already names (their other
  // noisy rows, e.g. B/s, are the same benchmark): "6 rows …, 12 more" read as 18 of 12.
  const named = new Set(g.noisy.map(benchmarkKey));
  const noisy = new Set(
    report.rows.filter((r) => r.verdict === 'noisy' && !named.has(benchmarkKey(r))).map(benchmarkKey),
  ).size;
  const tooNoisy = noisy > 0 ? `, ${count(noisy, named.size > 0 ? 'more benchmark' : 'benchmark')} too noisy to judge` : '';
  // Regressions in metrics outside the gate (e.g. B/s) are in the table with 🔴: the headline
  // must not read as if there were none at all.
  const gated = new Set([...g.regressions, ...g.unconfirmed, ...g.cleared]);
  const ungated = report.rows.filter((r) => r.verdict === 'regression' && !gated.has(r)).length;
  const other = ungated > 0 ? `, ${count(ungated, 'regression')} in ungated metrics` : '';
  const cleared = g.cleared.length > 0 ? `, ${count(g.cleared.length, 'suspect')} cleared` : '';
  if (report.rows.length === 0 && (report.skipped?.length ?? 0) > 0) return '### ✅ benchgate: no benchmark package is affected by this PR';
  // Undecided rows are no pass: the icon says so.
  const icon = undecided.length > 0 ? '⚠️' : '✅';
  return `### ${icon} benchgate: no regressions in ${count(benchmarks, 'benchmark')}${better}${open}${cleared}${tooNoisy}${other}`;
}

/** The largest estimate among undecided rows, e.g. "+31%" (or "+12…31%" for several). */
function possibly(rows: CompareRow[]): string {
  const ds = rows.map(verdictDelta).filter((d): d is number => d !== null && Number.isFinite(d));
  if (ds.length === 0) return 'a slowdown';
  const lo = Math.min(...ds);
  const hi = Math.max(...ds);
  return lo === hi || ds.length === 1 ? signedPercent(hi) : `${signedPercent(lo)}…${formatFixed(hi, 1)}%`;
}

/** Shown at most: the rest are in report.json (a large module skips hundreds). */
const MAX_SKIPPED_SHOWN = 50;

/** The packages `packages: affected` left out, as one collapsed line ('' when none). */
function skippedSection(report: CompareReport): string {
  const skipped = report.skipped ?? [];
  if (skipped.length === 0) return '';
  const n = skipped.length;
  const items = skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => `- ${escapeMarkdown(s.package)}: ${escapeMarkdown(s.reason)}`);
  if (n > MAX_SKIPPED_SHOWN) items.push(`- … ${n - MAX_SKIPPED_SHOWN} more: see report.json`);
  const what = `${n} package${n === 1 ? '' : 's'} not affected by this PR ${n === 1 ? 'was' : 'were'} not measured`;
  return `<details><summary>${what}</summary>\n\n${items.join('\n')}\n\n</details>`;
}

function footer(report: CompareReport, ctx: MarkdownContext): string {
  const b = ctx.baseline;
  const s = report.settings;
  const parts: string[] = [];
  const where =
    b.source === 'artifact'
      ? `the baseline artifact of ${b.ref ? inlineCode(b.ref) : 'the base branch'}${b.commit ? ' @ ' + shortSha(b.commit) : ''}${b.runNumber ? ` (run #${b.runNumber})` : ''}`
      : b.source === 'rerun'
        ? `${b.ref ? inlineCode(b.ref) : 'the merge base'}${b.commit ? ' @ ' + shortSha(b.commit) : ''}, run here in alternating rounds`
        : `${b.ref ? inlineCode(b.ref) : 'the stored baseline'}${b.commit ? ' @ ' + shortSha(b.commit) : ''}`;
  const samples = !ctx.rounds
    ? ''
    : ctx.minRounds !== undefined && ctx.minRounds < ctx.rounds
      ? `, up to ${ctx.rounds} samples a side (benchmarks whose intervals ruled out a ${s.threshold}% slowdown stopped after ${ctx.minRounds})`
      : `, ${ctx.rounds} samples a side`;
  parts.push(`Compared against ${where}${samples}.`);
  if (b.environmentNote) parts.push(`⚠️ ${escapeMarkdown(b.environmentNote)}.`);
  if (ctx.confirmRounds) parts.push(`Suspects re-run in ${ctx.confirmRounds} alternating rounds against the merge base on this runner before they count.`);
  const fdr = report.rows.some((r) => r.q !== undefined && r.q !== null);
  const paired = report.rows.find((r) => r.paired)?.paired;
  // How the pairs were taken, over every paired row: a duet run may fall back to back-to-back pairs.
  const pairings = new Set(report.rows.flatMap((r) => (r.paired ? [r.paired.pairing] : [])));
  const measured =
    pairings.size === 1 && pairings.has('duet')
      ? 'at once'
      : pairings.size === 1 && pairings.has('sequential')
        ? 'back to back'
        : 'at once where the machine was free, else back to back (each row in the JSON report says how)';
  const looked = report.rows.some((r) => r.paired?.lookP);
  const test = paired
    ? `${testLabel('wilcoxon-signed-rank')} (base and head of each benchmark measured ${measured}; Δ is the Hodges–Lehmann estimate, medians and intervals are benchstat's)`
    : testLabel('mann-whitney-u');
  parts.push(
    `Test: ${test}, α = ${s.alpha}${fdr ? ' after Benjamini–Hochberg false-discovery-rate control (q)' : ''}, minimum effect ${s.threshold}%; ` +
      `allocation counts and other deterministic metrics ${testLabel('by-value')}.` +
      (looked ? ' Rows too noisy to judge at first earned more pairs; α was split between the looks (80% at the first).' : ''),
  );
  const causal = causalFooter(report, ctx.causal);
  if (causal) parts.push(causal);
  if (ctx.gate.waivedBy) parts.push(`The gate was waived by the label ${inlineCode(ctx.gate.waivedBy)}.`);
  return parts.join(' ');
}

/** Renders the whole comment, cutting the least important parts to fit GitHub's limit. */
export function renderMarkdown(report: CompareReport, ctx: MarkdownContext): string {
  const max = ctx.maxLength ?? MAX_COMMENT_LENGTH;
  // The main table: every decision that counts, what could not be decided but may be a slowdown
  // of the threshold's size, and the suspects confirmation cleared (so a reviewer sees why).
  const undecided = new Set([...ctx.gate.unconfirmed, ...ctx.gate.noisy]);
  const changed = report.rows.filter((r) => isChange(r) || undecided.has(r) || isClearedSuspect(r));
  // Regressions before improvements; the largest effects first.
  changed.sort((a, b) => rank(a) - rank(b) || Math.abs(verdictDelta(b) ?? 0) - Math.abs(verdictDelta(a) ?? 0));
  const others = report.rows.filter((r) => !changed.includes(r));

  const top: string[] = [headline(report, ctx), ''];
  for (const line of [...(ctx.missingShards ?? []), ...(ctx.incomplete ?? [])]) top.push(`> ⚠️ ${escapeMarkdown(line)}`);
  for (const n of ctx.notices ?? []) top.push(`> ${escapeMarkdown(n)}`);
  if ((ctx.missingShards?.length ?? 0) + (ctx.incomplete?.length ?? 0) + (ctx.notices?.length ?? 0) > 0) top.push('');
  const skipped = skippedSection(report);
  const flames = changed.some((r) => flameGraphLink(r, ctx) !== '');
  const flameNote =
    flames && flameUrl(ctx)
      ? ['', `Flame graphs (width: cost per op in this PR; red slower, blue faster): in the result artifact, as \`flamegraphs/<package>/<benchmark>.<unit>.html\`.`, '', `[${FLAME_REF}]: <${flameUrl(ctx)}>`]
      : [];
  const end = [...(skipped ? ['', skipped] : []), '', footer(report, ctx), ...flameNote, ...(ctx.marker ? ['', ctx.marker] : [])];

  const build = (nChanged: number, withDetails: boolean, withUnchanged: boolean): string => {
    const out = [...top];
    const shown = changed.slice(0, nChanged);
    if (shown.length > 0) out.push(changedTable(shown, ctx), '');
    if (changed.length > nChanged) {
      out.push(`… ${changed.length - nChanged} more changed rows: ${ctx.fullReportHint ?? 'see the full report'}.`, '');
    }
    const confirmations = shown.filter((r) => r.confirmation).map(confirmationLine);
    if (confirmations.length) out.push(confirmations.map((l) => `- ${l}`).join('\n'), '');
    if (withDetails) {
      // The figures are the benchmark's: shown with its first changed row only.
      const diagnosed = new Set<string>();
      for (const r of shown) {
        const key = `${r.package}\u0000${r.name}`;
        const d = attributionDetails(r, ctx, !diagnosed.has(key));
        if (r.diagnosis) diagnosed.add(key);
        if (d) out.push(d, '');
      }
    }
    if (withUnchanged) out.push(unchangedSection(others, report));
    else if (others.length) out.push(`${others.length} unchanged rows: ${ctx.fullReportHint ?? 'see the full report'}.`);
    return out.join('\n').trimEnd() + '\n' + end.join('\n') + '\n';
  };

  let text = build(changed.length, true, true);
  if (text.length <= max) return text;
  text = build(changed.length, true, false);
  if (text.length <= max) return text;
  text = build(changed.length, false, false);
  // Halve the rows until it fits: the most important rows stay.
  let n = changed.length;
  while (text.length > max && n > 0) {
    n = Math.floor(n / 2);
    text = build(n, false, false);
  }
  return text.length <= max ? text : text.slice(0, max - 200) + '\n\n… cut to fit.\n' + (ctx.marker ?? '');
}

/** Order in the main table: regressions, then what could not be decided, improvements, cleared suspects. */
function rank(r: CompareRow): number {
  if (r.verdict === 'regression') return 0;
  if (r.verdict === 'unconfirmed' || r.verdict === 'noisy') return 1;
  if (r.verdict === 'improvement') return 2;
  return 3;
}
