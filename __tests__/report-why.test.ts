/**
 * The short "why unchanged" cell: built from a row's numbers (verdict, noise, q or p, the
 * threshold), never from its `reason` text, and short enough for a table; the advice once below.
 */
import { compareResults } from '../src/compare/index.js';
import { shortWhy, whyAdvice } from '../src/report/why.js';
import type { BenchResult, CompareReport, CompareRow, Summary } from '../src/types.js';

const settings = { alpha: 0.05, confidence: 0.95, threshold: 4 };

function summary(center: number, n = 10): Summary {
  return { n, center, lo: center * 0.98, hi: center * 1.02, warnings: [] };
}

function row(over: Partial<CompareRow>): CompareRow {
  return {
    package: 'example.com/m/calc',
    name: 'A-2',
    unit: 'sec/op',
    base: summary(1),
    head: summary(1.01),
    deltaPercent: 1,
    p: 0.6,
    q: null,
    significant: false,
    verdict: 'unchanged',
    // Deliberately unlike any real reason: the cell must not come from it.
    reason: 'REASON TEXT',
    ...over,
  };
}

const why = (r: CompareRow, rows: CompareRow[] = [r]) => shortWhy({ rows, settings })(r);

describe('the short why of a row', () => {
  test('noisy: the noise against the threshold', () => {
    expect(why(row({ verdict: 'noisy', noisePercent: 16.54, p: 0.09, q: 0.093 }))).toBe('noisy: ±16.5% > 4%');
    expect(why(row({ verdict: 'noisy', noisePercent: null }))).toBe('noisy');
  });

  test('not significant: q when FDR adjusted it, else p', () => {
    expect(why(row({ p: 0.031, q: 0.21 }))).toBe('q=0.210 > α=0.05');
    expect(why(row({ p: 0.6 }))).toBe('p=0.600 > α=0.05');
  });

  test('significant but inside the noise, or below the threshold', () => {
    expect(why(row({ p: 0.01, significant: true, deltaPercent: 2.1, noisePercent: 3 }))).toBe('+2.1% within noise ±3.0%');
    expect(why(row({ p: 0.001, significant: true, deltaPercent: -2.5, noisePercent: 0.5 }))).toBe('−2.5% < 4% threshold');
  });

  test('too few samples for the test, compared by value, new and removed', () => {
    expect(why(row({ base: summary(1, 3), head: summary(1.1, 3), p: 0.7 }))).toBe('too few samples (n=3+3)');
    expect(why(row({ unit: 'allocs/op', exact: true, p: null, base: summary(5), head: summary(5), deltaPercent: 0 }))).toBe('same value');
    expect(why(row({ verdict: 'new', base: null, deltaPercent: null, p: null }))).toBe('new benchmark');
    expect(why(row({ verdict: 'removed', head: null, deltaPercent: null, p: null }))).toBe('removed benchmark');
  });

  test('B/op of a benchmark that allocates nothing: amortized runtime bytes', () => {
    const allocs = row({ unit: 'allocs/op', exact: true, p: null, base: summary(0), head: summary(0), deltaPercent: 0 });
    const bytes = row({ unit: 'B/op', exact: true, p: null, base: summary(1), head: summary(3), deltaPercent: 200 });
    expect(why(bytes, [allocs, bytes])).toBe('no allocs/op: runtime bytes');
  });

  test('rows from the real comparison: each cell short, noisy rows say their noise', () => {
    const sample = (name: string, values: number[]): BenchResult[] =>
      values.map((value) => ({ pkg: 'example.com/m/p', name, values: [{ unit: 'sec/op', value }] }) as BenchResult);
    const scatter = [1, 1.2, 0.8, 1.1, 0.9, 1.3, 0.7, 1, 1.15, 0.85];
    const calm = [1, 1.01, 0.99, 1, 1.005, 0.995, 1, 1, 1.002, 0.998];
    const report = compareResults(
      [...sample('Noisy-2', scatter), ...sample('Calm-2', calm)],
      [...sample('Noisy-2', scatter.map((x) => x * 1.05)), ...sample('Calm-2', calm.map((x) => x * 1.02))],
      { fdr: true, threshold: 4 },
    );
    const cells = Object.fromEntries(report.rows.map((r) => [r.name, shortWhy(report)(r)]));
    expect(cells['Noisy-2']).toMatch(/^noisy: ±\d+\.\d% > 4%$/);
    expect(cells['Calm-2']).toBe('+2.0% < 4% threshold');
    // The long reason stays in the row (report.json) with its advice.
    expect(report.rows.find((r) => r.name === 'Noisy-2')!.reason).toContain('use a longer -benchtime or more rounds');
    for (const cell of Object.values(cells)) expect(cell.length).toBeLessThanOrEqual(30);
  });
});

describe('the advice under the table', () => {
  test('once, whatever the number of noisy rows; too few samples said with the number needed', () => {
    const rows = [row({ verdict: 'noisy', noisePercent: 9 }), row({ name: 'B-2', verdict: 'noisy', noisePercent: 12 })];
    const advice = whyAdvice({ rows, settings } as Pick<CompareReport, 'rows' | 'settings'>);
    expect(advice).toHaveLength(1);
    expect(advice[0]).toMatch(/^noisy: too noisy to judge either way .* 4% threshold.*longer -benchtime or more rounds/);
    expect(whyAdvice({ rows: [row({ base: summary(1, 3), head: summary(1, 3) })], settings })).toEqual([
      'too few samples: the test needs >= 4 samples a side to detect a difference at α=0.05.',
    ]);
    expect(whyAdvice({ rows: [row({})], settings })).toEqual([]);
  });
});

describe('paired rows', () => {
  const settings = { alpha: 0.05, confidence: 0.95, threshold: 4 };
  const s = { n: 10, center: 1e-6, lo: 0.9e-6, hi: 1.1e-6, warnings: [] };
  const paired = (ratio: number, lo: number, hi: number, p: number) => ({ n: 10, ratio, lo, hi, p, method: 'exact', pairing: 'sequential' as const });
  const row = (verdict: CompareRow['verdict'], pr: ReturnType<typeof paired>, q?: number): CompareRow => ({
    package: 'm', name: 'X-2', unit: 'sec/op', base: s, head: s, deltaPercent: 1, p: 0.4, q, significant: false, verdict, reason: 'r', paired: pr,
  });
  const why = (r: CompareRow) => shortWhy({ rows: [r], settings })(r);

  test('the paired interval is the evidence shown', () => {
    expect(why(row('unchanged', paired(1.001, 0.99, 1.012, 0.6)))).toBe('−1.0%…+1.2%: no slowdown ≥ 4%');
    expect(why(row('noisy', paired(1.02, 0.95, 1.09, 0.3)))).toBe('noisy: −5.0%…+9.0% allows +4%');
    expect(why(row('unchanged', paired(1.02, 1.01, 1.03, 0.002), 0.01))).toBe('+2.0% < 4% threshold');
  });
});
