/** evaluateGate: which rows may fail the check, the same for the action and the CLI. */
import { evaluateGate, type GateOptions } from '../src/compare/gate.js';
import type { CompareReport, CompareRow } from '../src/types.js';

function row(name: string, verdict: CompareRow['verdict'], over: Partial<CompareRow> = {}): CompareRow {
  const s = { n: 10, center: 1, lo: 0.9, hi: 1.1, warnings: [] };
  return {
    package: 'example.com/m',
    name,
    unit: 'sec/op',
    base: s,
    head: s,
    deltaPercent: verdict === 'regression' ? 50 : verdict === 'improvement' ? -50 : 0,
    p: 0.001,
    significant: verdict === 'regression' || verdict === 'improvement',
    verdict,
    reason: `${name} reason`,
    ...over,
  };
}

const report = (rows: CompareRow[]): CompareReport => ({
  rows,
  geomean: [],
  warnings: [],
  settings: { alpha: 0.05, confidence: 0.95, threshold: 5 },
});

const opts = (over: Partial<GateOptions> = {}): GateOptions => ({
  failOn: 'regression',
  gateUnits: ['sec/op', 'B/op', 'allocs/op'],
  failOnUnconfirmed: false,
  ...over,
});

describe('evaluateGate', () => {
  const rows = [
    row('Plain', 'regression'),
    row('Confirmed', 'regression', { confirmed: true }),
    row('Cleared', 'unchanged', { confirmed: false, screen: { verdict: 'regression', reason: 'first pass' } }),
    row('Unjudged', 'unconfirmed', { confirmed: null, screen: { verdict: 'regression', reason: 'first pass' } }),
    row('Faster', 'improvement'),
    row('Same', 'unchanged'),
    row('Throughput', 'regression', { unit: 'B/s' }),
  ];

  test('confirmed and unconfirmable rows are sorted apart; cleared suspects never count', () => {
    const g = evaluateGate(report(rows), opts());
    expect(g.regressions.map((r) => r.name)).toEqual(['Plain', 'Confirmed']);
    expect(g.cleared.map((r) => r.name)).toEqual(['Cleared']);
    expect(g.unconfirmed.map((r) => r.name)).toEqual(['Unjudged']);
    expect(g.improvements.map((r) => r.name)).toEqual(['Faster']);
    expect(g.failed).toBe(true);
    expect(g.reasons).toEqual(['example.com/m Plain sec/op: Plain reason', 'example.com/m Confirmed sec/op: Confirmed reason']);
  });

  test('a metric outside the gate never fails it', () => {
    expect(evaluateGate(report([rows[6]]), opts()).failed).toBe(false);
    expect(evaluateGate(report([rows[6]]), opts({ gateUnits: ['B/s'] })).failed).toBe(true);
  });

  test('suspects confirmation could not judge fail only with failOnUnconfirmed', () => {
    const only = report([rows[3], rows[2]]);
    expect(evaluateGate(only, opts()).failed).toBe(false);
    const strict = evaluateGate(only, opts({ failOnUnconfirmed: true }));
    expect(strict.failed).toBe(true);
    expect(strict.reasons).toHaveLength(1);
  });

  test('a noisy row whose estimate reaches the threshold is listed, and fails only with regression-or-noisy or failOnUnconfirmed', () => {
    const noisy = row('Wobbly', 'noisy', { deltaPercent: 30.7, p: 0.063, significant: false });
    const small = row('Small', 'noisy', { deltaPercent: 2, p: 0.5, significant: false });
    const faster = row('Faster?', 'noisy', { deltaPercent: -20, p: 0.2, significant: false });
    const r = report([noisy, small, faster]);
    const g = evaluateGate(r, opts());
    expect(g.noisy.map((x) => x.name)).toEqual(['Wobbly']);
    expect(g.failed).toBe(false);
    const strict = evaluateGate(r, opts({ failOn: 'regression-or-noisy' }));
    expect(strict.failed).toBe(true);
    expect(strict.reasons).toEqual(['example.com/m Wobbly sec/op: Wobbly reason']);
    expect(evaluateGate(r, opts({ failOnUnconfirmed: true })).failed).toBe(true);
  });

  test('a paired row is judged on its paired estimate, not the medians', () => {
    const paired = { n: 10, ratio: 1.08, lo: 0.97, hi: 1.2, p: 0.08, method: 'exact', pairing: 'sequential' as const };
    const g = evaluateGate(report([row('Paired', 'noisy', { deltaPercent: 1, paired })]), opts());
    expect(g.noisy.map((x) => x.name)).toEqual(['Paired']);
  });

  test('--fail-on none reports but never fails', () => {
    const g = evaluateGate(report(rows), opts({ failOn: 'none' }));
    expect(g.failed).toBe(false);
    expect(g.regressions).toHaveLength(2);
    expect(g.waivedBy).toBeNull();
  });

  test('the accept label waives a failure, and only a failure', () => {
    const waived = evaluateGate(report(rows), opts({ labels: ['docs', 'perf-ok'], acceptLabel: 'perf-ok' }));
    expect(waived).toMatchObject({ failed: false, waivedBy: 'perf-ok' });
    expect(evaluateGate(report(rows), opts({ labels: ['docs'], acceptLabel: 'perf-ok' })).failed).toBe(true);
    const nothingToWaive = evaluateGate(report([rows[5]]), opts({ labels: ['perf-ok'], acceptLabel: 'perf-ok' }));
    expect(nothingToWaive.waivedBy).toBeNull();
  });
});
