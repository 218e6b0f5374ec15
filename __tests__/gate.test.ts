/** evaluateGate: which rows may fail the check, the same for the action and the CLI. */
import { evaluateGate, type GateOptions } from '../src/gate.js';
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
    row('Cleared', 'regression', { confirmed: false }),
    row('Unjudged', 'regression', { confirmed: null }),
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
