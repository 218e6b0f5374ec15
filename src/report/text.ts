/**
 * A CompareReport as benchstat-style text: one table per (package, unit), every number cell
 * printed exactly as benchstat prints it (same scaling, rounding, "~", "±", "(p=… n=…)"),
 * footnotes for every warning, "~", "?" and for each verdict that differs from what benchstat's
 * columns alone suggest (threshold, FDR, comparison by value).
 */
import type { CompareReport, CompareRow } from '../types.js';
import { isChange, type DetailedGeomean, type DetailedRow } from '../compare/compare.js';
import { geomeanSummary } from '../stats/geomean.js';
import {
  commonScale,
  formatComparison,
  formatDelta,
  formatScaled,
  formatSignedFixed,
  pctRange,
  scale,
  superscript,
  unitClass,
} from './format.js';
import { noisyAdvice, shortWhy } from './why.js';
import { testLabel } from '../compare/row-test.js';

/** Cells of one printed line; index = column (see COLUMNS). */
type Line = string[];

// name │ base: center ± range notes │ head: center ± range notes  delta (p n) notes
const NAME = 0, BC = 1, BR = 2, BW = 3, HC = 4, HR = 5, HW = 6, DELTA = 7, PN = 8, CW = 9;
const RIGHT = new Set([BC, BR, HC, HR, DELTA]);
/** Text before each column in data lines; group starts get the header's bar position. */
const GAP = ['', '   ', ' ± ', ' ', '   ', ' ± ', ' ', '  ', ' ', ' '];

class Footnotes {
  readonly list: string[] = [];
  private index = new Map<string, number>();
  /** The superscript marks for these messages, numbering new ones. */
  mark(messages: readonly string[]): string {
    return messages
      .map((m) => {
        let i = this.index.get(m);
        if (i === undefined) {
          i = this.list.length;
          this.index.set(m, i);
          this.list.push(m);
        }
        return superscript(i + 1);
      })
      .join(' ');
  }
}

export function formatText(report: CompareReport): string {
  const out: string[] = [];
  let lastPkg: string | undefined;
  const why = shortWhy(report);
  const single = singlePackage(report.rows);
  for (const table of tables(report.rows)) {
    if (out.length) out.push('');
    if (table.pkg !== lastPkg && table.pkg !== '') out.push(`pkg: ${table.pkg}`);
    lastPkg = table.pkg;
    for (const line of formatTable(table.rows, report, single, why)) out.push(line);
  }
  // What to do about rows too noisy to judge, once for the report rather than in every footnote.
  // (Too few samples already has benchstat's own footnote.)
  if (report.rows.some((r) => r.verdict === 'noisy')) out.push('', noisyAdvice(report.settings));
  return out.join('\n') + (out.length ? '\n' : '');
}

function tables(rows: CompareRow[]): { pkg: string; unit: string; rows: CompareRow[] }[] {
  const byKey = new Map<string, { pkg: string; unit: string; rows: CompareRow[] }>();
  for (const r of rows) {
    const key = r.package + '\0' + r.unit;
    let t = byKey.get(key);
    if (!t) byKey.set(key, (t = { pkg: r.package, unit: r.unit, rows: [] }));
    t.rows.push(r);
  }
  // Rows come package-major, so insertion order already groups packages; units follow within.
  const list = [...byKey.values()];
  const pkgOrder = new Map<string, number>();
  for (const t of list) if (!pkgOrder.has(t.pkg)) pkgOrder.set(t.pkg, pkgOrder.size);
  return list.sort((a, b) => pkgOrder.get(a.pkg)! - pkgOrder.get(b.pkg)!);
}

function singlePackage(rows: CompareRow[]): boolean {
  for (const r of rows) if (r.package !== rows[0].package) return false;
  return true;
}

function formatTable(rows: CompareRow[], report: CompareReport, single: boolean, why: (row: CompareRow) => string): string[] {
  const { alpha, threshold } = report.settings;
  const unit = rows[0].unit;
  const cls = unitClass(unit);
  const notes = new Footnotes();
  const lines: Line[] = [];

  for (const row of rows as DetailedRow[]) {
    const line: Line = Array(10).fill('');
    line[NAME] = row.name;
    const centers = [row.base?.center, row.head?.center].filter((x): x is number => x !== undefined);
    const scaler = commonScale(centers, cls);
    if (row.base) {
      line[BC] = formatScaled(row.base.center, scaler);
      line[BR] = pctRange(row.base.center, row.base.lo, row.base.hi);
      line[BW] = notes.mark(row.base.warnings);
    }
    if (row.head) {
      line[HC] = formatScaled(row.head.center, scaler);
      line[HR] = pctRange(row.head.center, row.head.lo, row.head.hi);
      line[HW] = notes.mark(row.head.warnings);
    }
    const rowNotes: string[] = [];
    if (row.base && row.head) {
      const exactUnit = row.stats ? row.stats.assume === 'exact' : row.exact === true && row.p === null;
      const p = row.stats?.p ?? row.p ?? 0;
      const a = row.stats?.alpha ?? (exactUnit ? 0 : alpha);
      const delta = formatDelta(p, a, row.base.center, row.head.center);
      line[DELTA] = delta;
      line[PN] = '(' + formatComparison(p, row.stats?.n1 ?? row.base.n, row.stats?.n2 ?? row.head.n) + ')';
      rowNotes.push(...(row.stats?.warnings ?? []));
      // A noisy row is not "no difference": it could hide a threshold-sized one. Its note is the
      // short why ("noisy: ±16.5% > 4%"); the advice follows the tables once.
      if (row.verdict === 'noisy') rowNotes.push(why(row));
      if (delta === '~' && rowNotes.length === 0) rowNotes.push(`no significant difference (p > α=${alpha})`);
      if (delta === '?') rowNotes.push('the base is 0: no percentage change');
      if (row.verdict !== 'noisy') rowNotes.push(...verdictNotes(row, delta, threshold, alpha));
    } else {
      rowNotes.push(row.base ? 'only in the base: benchmark removed' : 'only in the head: new benchmark');
    }
    line[CW] = notes.mark(rowNotes);
    lines.push(line);
  }

  // benchstat adds the geomean row to tables of more than one benchmark.
  if (rows.length > 1) {
    const g = tableGeomean(rows, report, single);
    const line: Line = Array(10).fill('');
    line[NAME] = 'geomean';
    if (!Number.isNaN(g.base)) line[BC] = scale(g.base, cls);
    line[BW] = notes.mark(g.baseWarnings);
    if (!Number.isNaN(g.head)) line[HC] = scale(g.head, cls);
    line[DELTA] = Number.isNaN(g.deltaPercent) ? '?' : formatSignedFixed(g.deltaPercent, 2) + '%';
    line[CW] = notes.mark(g.headWarnings);
    lines.push(line);
  }

  return [...render(lines, unit), ...notes.list.map((m, i) => `${superscript(i + 1)} ${m}`)];
}

/** Notes where our verdict is not what benchstat's delta column shows. */
function verdictNotes(row: CompareRow, delta: string, threshold: number, alpha: number): string[] {
  const changed = isChange(row);
  const shownAsChange = delta !== '~' && delta !== '0.00%';
  if (row.exact && row.p !== null && changed !== shownAsChange) return [`${testLabel('by-value')}: deterministic on both sides`];
  if (changed || !shownAsChange) return [];
  if (row.deltaPercent !== null && Math.abs(row.deltaPercent) < threshold) return [`below the ${threshold}% threshold: not counted as a change`];
  if (row.q != null && row.q > alpha) return [`not significant after false-discovery-rate control (q > α=${alpha})`];
  return [];
}

/** The geomean of this table's rows (the report's own geomean rows span packages). */
function tableGeomean(rows: CompareRow[], report: CompareReport, single: boolean): DetailedGeomean {
  const g = geomeanSummary(rows.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
  const reported = single ? (report.geomean.find((x) => x.unit === rows[0].unit) as DetailedGeomean | undefined) : undefined;
  return reported && reported.baseWarnings ? reported : { unit: rows[0].unit, ...g };
}

/** Code points (what benchstat's column widths count): UTF-16 units less the surrogate pairs' second halves. */
function width(s: string): number {
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        w--;
        i++;
      }
    }
  }
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function render(lines: Line[], unit: string): string[] {
  const widths = Array(10).fill(0);
  for (const l of lines) l.forEach((c, i) => (widths[i] = Math.max(widths[i], width(c))));
  const groupWidth = (from: number, to: number) => {
    let w = 0;
    for (let i = from; i <= to; i++) w += (i === from ? 0 : GAP[i].length) + widths[i];
    return w;
  };
  // Widen the last column of a group when its header is wider than its cells.
  const baseHeader = unit;
  const headHeader = `${unit} vs base`;
  if (groupWidth(BC, BW) < width(baseHeader)) widths[BW] += width(baseHeader) - groupWidth(BC, BW);
  if (groupWidth(HC, CW) < width(headHeader)) widths[CW] += width(headHeader) - groupWidth(HC, CW);
  const center = (s: string, w: number) => {
    const l = Math.floor((w - width(s)) / 2);
    return pad(' '.repeat(Math.max(0, l)) + s, w, false);
  };
  const bw = groupWidth(BC, BW);
  const hw = groupWidth(HC, CW);
  const name = ' '.repeat(widths[NAME]);
  const header = [
    `${name} │ ${center('base', bw)} │ ${center('head', hw)} │`,
    `${name} │ ${center(baseHeader, bw)} │ ${pad(center(unit, groupWidth(HC, HW)) + '  vs base', hw, false)} │`,
  ];
  const body = lines.map((l) => {
    let s = '';
    l.forEach((c, i) => {
      // The ± belongs to a range; keep the gap blank where there is none (geomean row).
      const gap = (i === BR || i === HR) && c === '' ? '   ' : GAP[i];
      s += gap + pad(c, widths[i], RIGHT.has(i));
    });
    return s.trimEnd();
  });
  return [...header.map((h) => h.trimEnd()), ...body];
}
