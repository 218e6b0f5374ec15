/**
 * Typed reports for tests of what comes after the comparison (gate, markdown, publishing): rows
 * with fixed numbers, no Go needed. Override any field per row.
 */
import type { CompareReport, CompareRow, Summary } from '../../src/types.js';

export const GATED_UNITS = ['sec/op', 'B/op', 'allocs/op'];

export function summary(center: number): Summary {
  return { n: 10, center, lo: center * 0.98, hi: center * 1.02, warnings: [] };
}

/** A row of `example.com/m/calc` in sec/op: a regression doubles, an improvement halves, else unchanged. */
export function row(name: string, verdict: CompareRow['verdict'], over: Partial<CompareRow> = {}): CompareRow {
  const base = 1e-3;
  const head = verdict === 'regression' ? 2e-3 : verdict === 'improvement' ? 0.5e-3 : 1e-3;
  return {
    package: 'example.com/m/calc',
    name,
    unit: 'sec/op',
    base: summary(base),
    head: summary(head),
    deltaPercent: (head / base - 1) * 100,
    p: verdict === 'unchanged' ? 0.6 : 0.001,
    q: null,
    significant: verdict !== 'unchanged',
    verdict,
    reason: verdict === 'unchanged' ? 'p=0.600 > α=0.05' : 'p=0.001 ≤ α=0.05',
    ...over,
  };
}

export function report(rows: CompareRow[], over: Partial<CompareReport> = {}): CompareReport {
  return { rows, geomean: [], warnings: [], settings: { alpha: 0.05, confidence: 0.95, threshold: 5 }, ...over };
}
