/**
 * Early stopping of alternating rounds (compare/settle.ts): which benchmarks still need samples,
 * and the property that makes stopping safe — a row judged settled can never be a regression.
 */
import fc from 'fast-check';
import { parseBenchText } from '../src/benchfmt/index.js';
import { compareResults } from '../src/compare/index.js';
import { worstCasePercent } from '../src/compare/compare.js';
import { openBenchmarks, rowIsOpen, type SettleRule } from '../src/compare/settle.js';
import type { CompareRow, Summary } from '../src/types.js';

const RULE: SettleRule = { threshold: 5, gateUnits: ['sec/op', 'B/op', 'allocs/op'] };

const summary = (center: number, lo: number, hi: number, n = 6): Summary => ({ n, center, lo, hi, warnings: [] });

function rowOf(base: Summary | null, head: Summary | null, extra: Partial<CompareRow> = {}): CompareRow {
  return {
    package: 'p',
    name: 'X-2',
    unit: 'sec/op',
    base,
    head,
    deltaPercent: base && head ? (head.center / base.center - 1) * 100 : null,
    p: 0.5,
    significant: false,
    verdict: 'unchanged',
    reason: '',
    ...extra,
  };
}

describe('worst case and open rows', () => {
  test('lower is better: head upper bound over base lower bound', () => {
    expect(worstCasePercent(rowOf(summary(100, 98, 102), summary(100, 99, 103)), false)).toBeCloseTo(5.102, 3);
    expect(rowIsOpen(rowOf(summary(100, 98, 102), summary(100, 99, 103)), RULE)).toBe(true);
    expect(rowIsOpen(rowOf(summary(100, 99, 101), summary(100, 99, 102)), RULE)).toBe(false);
  });

  test('higher is better (B/s): on the verdict scale, head lower bound over base upper bound', () => {
    const r = rowOf(summary(100, 98, 102), summary(100, 97, 101), { unit: 'B/s' });
    expect(worstCasePercent(r, true)).toBeCloseTo((1 - 97 / 102) * 100, 9);
    expect(rowIsOpen(r, { ...RULE, gateUnits: ['B/s'] })).toBe(false);
    expect(rowIsOpen(rowOf(summary(100, 98, 102), summary(100, 95, 101), { unit: 'B/s' }), { ...RULE, gateUnits: ['B/s'] })).toBe(true);
  });

  test('no interval yet (too few samples) or a zero bound: open', () => {
    expect(rowIsOpen(rowOf(summary(100, NaN, NaN, 3), summary(100, NaN, NaN, 3)), RULE)).toBe(true);
    expect(rowIsOpen(rowOf(summary(0, 0, 0), summary(1, 0, 2), { unit: 'B/op' }), RULE)).toBe(true);
  });

  test('settled whatever the intervals: ungated units, rows compared by value, one-sided rows', () => {
    const wide = [summary(100, 50, 200), summary(150, 70, 300)] as const;
    expect(rowIsOpen(rowOf(...wide, { unit: 'widgets/op' }), RULE)).toBe(false);
    expect(rowIsOpen(rowOf(...wide, { unit: 'allocs/op', exact: true, verdict: 'regression' }), RULE)).toBe(false);
    expect(rowIsOpen(rowOf(null, wide[1], { verdict: 'new' }), RULE)).toBe(false);
    expect(rowIsOpen(rowOf(wide[0], null, { verdict: 'removed' }), RULE)).toBe(false);
  });

  test('a regression stays open', () => {
    expect(rowIsOpen(rowOf(summary(100, 99, 101), summary(100, 99, 101), { verdict: 'regression' }), RULE)).toBe(true);
  });

  test('an apparent speed-up of the threshold runs its planned pairs (6 pairs cannot make it significant), then stops', () => {
    // Head 34% faster, the interval well clear of any slowdown: open before the planned count.
    const faster = rowOf(summary(100, 98, 102), summary(66, 64, 68));
    expect(worstCasePercent(faster, false)).toBeLessThan(0);
    expect(rowIsOpen(faster, RULE)).toBe(true);
    expect(rowIsOpen(rowOf(summary(100, 98, 102), summary(97, 96, 98)), RULE)).toBe(false);
    // B/s, higher is better: the same speed-up seen from the other side.
    expect(rowIsOpen(rowOf(summary(100, 98, 102), summary(150, 148, 152), { unit: 'B/s' }), { ...RULE, gateUnits: ['B/s'] })).toBe(true);
    // At the planned count it is done, whatever its verdict.
    const paired = { n: 10, ratio: 0.66, lo: 0.6, hi: 0.7, p: 0.002, method: 'wilcoxon-signed-rank', pairing: 'sequential' as const };
    expect(rowIsOpen(rowOf(summary(100, 98, 102, 10), summary(66, 64, 68, 10), { paired }), { ...RULE, count: 10, maxPairs: 30 })).toBe(false);
  });

  test('open benchmarks: each once, in report order, by any of its open rows', () => {
    const settled = rowOf(summary(100, 99, 101), summary(100, 99, 101));
    const open = rowOf(summary(100, 90, 110), summary(100, 90, 110));
    const report = {
      rows: [
        { ...settled, name: 'A-2' },
        { ...open, name: 'B-2' },
        { ...open, name: 'B-2', unit: 'B/op' },
        { ...settled, name: 'C-2' },
        { ...open, name: 'C-2', unit: 'allocs/op' },
        { ...open, name: 'A-2', package: 'q' },
      ],
      geomean: [],
      warnings: [],
      settings: { alpha: 0.05, confidence: 0.95, threshold: 5 },
    };
    expect(openBenchmarks(report, RULE)).toEqual([
      { pkg: 'p', name: 'B-2' },
      { pkg: 'p', name: 'C-2' },
      { pkg: 'q', name: 'A-2' },
    ]);
  });
});

describe('stopping is safe', () => {
  /** n samples a side; each side's values scatter around its own center. */
  const side = fc
    .record({
      center: fc.double({ min: 50, max: 200, noNaN: true }),
      spread: fc.double({ min: 0.001, max: 0.3, noNaN: true }),
      unit: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 14 }),
    })
    .map(({ center, spread, unit }) => ({ center, scatter: unit.map((u) => u * spread) }));

  test('property: a row that is not open is never a regression (any samples, threshold, FDR)', () => {
    let settled = 0;
    fc.assert(
      fc.property(side, side, fc.double({ min: 0.5, max: 30, noNaN: true }), fc.boolean(), (b, h, threshold, fdr) => {
        const doc = (s: typeof b) =>
          parseBenchText(
            'pkg: p\n' + s.scatter.map((x) => `BenchmarkX-2 100 ${(s.center * (1 + x)).toFixed(3)} ns/op ${(s.center * (1 + x)).toFixed(0)} B/s`).join('\n') + '\n',
            't.txt',
          ).results;
        const report = compareResults(doc(b), doc(h), { threshold, fdr, gatedUnits: ['sec/op', 'B/s'] });
        for (const row of report.rows) {
          if (rowIsOpen(row, { threshold, gateUnits: ['sec/op', 'B/s'] })) continue;
          settled++;
          expect(row.verdict).not.toBe('regression');
        }
      }),
      { numRuns: 1000 },
    );
    expect(settled).toBeGreaterThan(50); // the property is not vacuous
  });
});
