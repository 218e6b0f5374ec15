/**
 * The CSV report: one row per compared (package, benchmark, unit), for spreadsheets. RFC 4180:
 * CRLF line ends, and fields holding a comma, quote, CR or LF are quoted with quotes doubled —
 * benchmark names are the PR author's and can hold any of these. A missing value is an empty field.
 */

import type { CompareReport, CompareRow, Summary } from '../types.js';

export const CSV_COLUMNS = [
  'package',
  'name',
  'unit',
  'base_n',
  'base_center',
  'base_lo',
  'base_hi',
  'head_n',
  'head_center',
  'head_lo',
  'head_hi',
  'delta_percent',
  'p',
  'q',
  'significant',
  'verdict',
  'reason',
  'exact',
  'confirmed',
  'test',
  'paired_n',
  'paired_ratio',
  'paired_lo',
  'paired_hi',
  'paired_p',
] as const;

export function toCsvReport(report: CompareReport): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of report.rows) lines.push(rowCells(row).map(csvField).join(','));
  return lines.join('\r\n') + '\r\n';
}

function rowCells(row: CompareRow): string[] {
  return [
    row.package,
    row.name,
    row.unit,
    ...summaryCells(row.base),
    ...summaryCells(row.head),
    numberCell(row.deltaPercent),
    numberCell(row.p),
    numberCell(row.q),
    String(row.significant),
    row.verdict,
    row.reason,
    String(row.exact ?? false),
    row.confirmed === undefined || row.confirmed === null ? '' : String(row.confirmed),
    row.test ?? '',
    row.paired ? String(row.paired.n) : '',
    numberCell(row.paired?.ratio ?? null),
    numberCell(row.paired?.lo ?? null),
    numberCell(row.paired?.hi ?? null),
    numberCell(row.paired?.p ?? null),
  ];
}

function summaryCells(s: Summary | null): string[] {
  if (!s) return ['', '', '', ''];
  return [String(s.n), numberCell(s.center), numberCell(s.lo), numberCell(s.hi)];
}

/** Shortest text that reads back to the same double; empty where there is no finite value. */
function numberCell(v: number | null | undefined): string {
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}
