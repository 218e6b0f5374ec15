/**
 * bench/lib/vq-summary.mjs: the verdict-quality figures from trial records, schema 2 rows (final
 * verdict, screen, paired) and records written before it (first-pass verdict + confirmed).
 */
import { describe, expect, it } from '@jest/globals';
import {
  estimate,
  formatHeader,
  isCleared,
  isCounted,
  isSuspect,
  isYellow,
  normalizeRow,
  summarize,
  type VqRecord,
  type VqRow,
  type VqSettings,
} from '../bench/lib/vq-summary.mjs';

const settings: VqSettings = { threshold: 4, alpha: 0.05, plants: [5], rounds: 10, maxRounds: 30 };

function row(over: Partial<VqRow>): VqRow {
  return {
    pkg: 'example.com/vq/alloc',
    name: 'Copy',
    unit: 'sec/op',
    verdict: 'unchanged',
    delta: 0.5,
    p: 0.5,
    q: 0.9,
    significant: false,
    noise: 1,
    exact: false,
    n: 10,
    screen: null,
    suspect: false,
    test: 'wilcoxon-signed-rank',
    paired: { n: 10, ratio: 1.005, lo: 0.99, hi: 1.02, p: 0.5, lookP: null },
    pairs: 10,
    confirmed: null,
    confirmation: null,
    firstFunction: null,
    ...over,
  };
}
const paired = (n: number, ratio = 1.0) => ({ n, ratio, lo: ratio - 0.05, hi: ratio + 0.05, p: 0.4, lookP: null });
const affected = (over: Partial<VqRow>) => row({ pkg: 'example.com/vq/cpu', name: 'Score', ...over });
const figure = (table: string[][], start: string) => table.find((r) => r[0].startsWith(start));

describe('schema 2 rows', () => {
  it('a stored-flow suspect is a first-pass regression or an unconfirmed row; cleared and counted follow the final verdict', () => {
    const cleared = row({ verdict: 'unchanged', screen: { verdict: 'regression' }, confirmed: false });
    const unconfirmed = row({ verdict: 'unconfirmed', screen: { verdict: 'regression' }, confirmed: null });
    const confirmed = row({ verdict: 'regression', screen: { verdict: 'regression' }, confirmed: true });
    const plain = row({});
    expect([cleared, unconfirmed, confirmed, plain].map(isSuspect)).toEqual([true, true, true, false]);
    expect([cleared, unconfirmed, confirmed, plain].map(isCleared)).toEqual([true, false, false, false]);
    expect([cleared, unconfirmed, confirmed, plain].map(isCounted)).toEqual([false, false, true, false]);
  });

  it('the estimate is the paired ratio where there is one, else the delta; 🟡 is unconfirmed or possibly ≥ threshold', () => {
    expect(estimate(row({ paired: paired(10, 1.06), delta: 1 }))).toBeCloseTo(6, 9);
    expect(estimate(row({ paired: null, delta: 3 }))).toBe(3);
    expect(isYellow(row({ verdict: 'noisy', paired: paired(30, 1.05) }), 4)).toBe(true);
    expect(isYellow(row({ verdict: 'noisy', paired: paired(30, 1.01) }), 4)).toBe(false);
    expect(isYellow(row({ verdict: 'unconfirmed' }), 4)).toBe(true);
  });
});

describe('records written before schema 2', () => {
  const old = (over: Partial<VqRow>): VqRow => {
    const r = row({ test: undefined, paired: undefined, pairs: undefined, ...over });
    delete r.screen;
    delete r.test;
    delete r.paired;
    delete r.pairs;
    delete r.suspect;
    return r;
  };

  it('are read as schema 2: a stored-flow regression with confirmed false was cleared, with null left unconfirmed', () => {
    expect(normalizeRow(old({ verdict: 'regression', confirmed: false }), 'stored')).toMatchObject({ verdict: 'unchanged', screen: { verdict: 'regression' } });
    expect(normalizeRow(old({ verdict: 'regression', confirmed: null }), 'storedPlant')).toMatchObject({ verdict: 'unconfirmed' });
    expect(normalizeRow(old({ verdict: 'regression', confirmed: true }), 'stored')).toMatchObject({ verdict: 'regression' });
    // No confirmation in the no-baseline flows' records: a regression counted as it stood.
    expect(normalizeRow(old({ verdict: 'regression', confirmed: null }), 'plant')).toMatchObject({ verdict: 'regression', screen: null });
  });

  it('summarize the same figures as before (stored suspects, counted, detection)', () => {
    const records: VqRecord[] = [
      { kind: 'stored', trial: 0, ms: 1000, rows: [old({ verdict: 'regression', confirmed: null }), old({ verdict: 'regression', confirmed: false }), old({})] },
      { kind: 'storedPlant', percent: 5, trial: 0, ms: 1000, rows: [affected({ verdict: 'regression', confirmed: true }), affected({ verdict: 'regression', confirmed: null })].map((r) => { delete r.screen; return r; }) },
      { kind: 'plain', trial: 0, ms: 1000 },
    ];
    const { table, figures } = summarize(records, { ...settings, maxRounds: undefined });
    expect(figure(table, '  … of the suspects')?.[1]).toBe('0 / 1 / 1');
    expect(figures.storedSurvivors).toBe(0);
    expect(figures.storedDetect5).toBe(0.5);
  });
});

describe('summarize', () => {
  const aa: VqRecord[] = [0, 1].map((trial) => ({
    kind: 'aa',
    trial,
    ms: 30_000,
    load: 1.5,
    sides: [
      { dir: 'base', processes: 40, samples: 40, pairing: 'sequential' },
      { dir: 'head', processes: 40, samples: 40, pairing: 'sequential' },
    ],
    rows: [
      row({ name: 'A', paired: paired(10) }),
      row({ name: 'B', verdict: 'noisy', paired: paired(30, 1.06) }),
      row({ name: 'C', verdict: 'unchanged', paired: paired(20) }),
      row({ name: 'D', unit: 'B/op', test: 'by-value', paired: null }),
    ],
  }));
  const plants: VqRecord[] = [
    {
      kind: 'plant',
      percent: 5,
      trial: 0,
      ms: 40_000,
      rows: [
        affected({ verdict: 'regression', paired: paired(10, 1.05), firstFunction: 'example.com/vq/cpu.planted' }),
        affected({ name: 'Rank', verdict: 'noisy', paired: paired(30, 1.03) }),
        row({ name: 'A', paired: paired(10) }),
      ],
    },
  ];
  const { table, figures } = summarize([...aa, ...plants, { kind: 'plain', trial: 0, ms: 20_000 }], settings);

  it('counts noisy sec/op rows and 🟡 rows per A/A run', () => {
    expect(figures.aaNoisySecOp).toBeCloseTo(2 / 6, 9);
    // B is noisy with an estimate of +6% ≥ 4%: one 🟡 row in each of the two runs.
    expect(figures.aaYellowPerRun).toBe(1);
    expect(figure(table, '  … 🟡 rows per run')?.[3]).toBe('yes');
  });

  it('splits noisy sec/op rows into CPU-bound (vq/cpu) and allocation-heavy (vq/alloc) packages', () => {
    // The A/A rows above are all in vq/alloc; one CPU-bound row, decided, joins each run.
    const cpu = affected({ verdict: 'unchanged', paired: paired(10, 1.0) });
    const split = summarize([...aa.map((t) => ({ ...t, rows: [...(t.rows ?? []), cpu] })), { kind: 'plain', trial: 0, ms: 20_000 }], settings).figures;
    expect(split.aaNoisySecOpAlloc).toBeCloseTo(2 / 6, 9);
    expect(split.aaNoisySecOpCpu).toBe(0);
  });

  it('measures extra pairs from paired.n against the rounds', () => {
    // sec/op rows of aa and plant: pairs 10, 30, 20 (twice), then 10, 30, 10: five extended rows, 80 extra of 170.
    expect(figures.extendedShare).toBeCloseTo(5 / 9, 9);
    expect(figures.extraPairsPerExtended).toBeCloseTo((20 + 10 + 20 + 10 + 20) / 5, 9);
    expect(figures.extraPairsShare).toBeCloseTo(80 / (2 * 60 + 50), 9);
  });

  it('detection, attribution, wall time and processes per sample', () => {
    expect(figures.detect5).toBe(0.5);
    expect(figures.attributionFirst).toBe(1);
    expect(figures.wallRatio).toBeCloseTo(((30 + 30 + 40) / 3) / 20, 9);
    expect(figures.processesPerSample).toBe(1);
  });

  it('the header names the hog, the pairing and the load', () => {
    const header = formatHeader({
      settings: { ...settings, trials: 1, benchtime: '100ms', hog: 1, hogCommand: 'node -e spin', pairing: 'sequential' },
      machine: { cpus: 2, loads: [1, 3] },
      minutes: 2,
    });
    expect(header).toContain('CPU hog: 1 busy process(es) (node -e spin)');
    expect(header).toContain('pairing sequential');
    expect(header).toContain('load average mean 2.00 (max 3.00');
  });
});
