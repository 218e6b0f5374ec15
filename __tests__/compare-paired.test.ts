/**
 * Rows measured in pairs: the verdict rests on the Wilcoxon signed-rank test and the
 * Hodges–Lehmann interval of the pairs, benchstat's unpaired numbers stay in the row, and noisy
 * rows that earn more pairs keep the false-alarm guarantee (weighted Bonferroni over the looks).
 */
import fc from 'fast-check';
import { compareResults } from '../src/compare/compare.js';
import { extensionOutlook, lookPoints, lookWeights, sequentialP } from '../src/compare/sequential.js';
import { rowIsOpen } from '../src/compare/settle.js';
import { comparePairs } from '../src/stats/paired.js';
import type { BenchResult } from '../src/types.js';

/** Seeded uniform numbers in [0, 1) (mulberry32): reproducible "measurements". */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * n pairs of one benchmark: each pair shares a host factor (drift that pairing cancels), each
 * sample adds its own scatter; head = base × ratio.
 */
function pairs(n: number, ratio: number, opts: { drift?: number; scatter?: number; seed?: number; paired?: boolean } = {}) {
  const next = rng(opts.seed ?? 1);
  const drift = opts.drift ?? 0.2;
  const scatter = opts.scatter ?? 0.005;
  const base: BenchResult[] = [];
  const head: BenchResult[] = [];
  for (let i = 0; i < n; i++) {
    const host = 1 + drift * next();
    const sample = (r: number): BenchResult => ({
      pkg: 'example.com/m',
      name: 'Parse-2',
      config: {},
      iterations: 1000,
      values: [{ unit: 'sec/op', value: 1e-6 * r * host * (1 + scatter * (next() - 0.5)) }],
      ...(opts.paired === false ? {} : { pair: i + 1 }),
    });
    base.push(sample(1));
    head.push(sample(ratio));
  }
  return { base, head };
}

const secRow = (r: ReturnType<typeof compareResults>) => r.rows.find((x) => x.unit === 'sec/op')!;

describe('paired verdicts', () => {
  test('a +8% slowdown hidden in ±20% host drift: unpaired cannot tell, the pairs can', () => {
    const { base, head } = pairs(10, 1.08);
    const unpaired = secRow(compareResults(base, head, { threshold: 4 }));
    expect(unpaired.verdict).not.toBe('regression');
    const row = secRow(compareResults(base, head, { threshold: 4, pairing: 'sequential' }));
    expect(row.test).toBe('wilcoxon-signed-rank');
    expect(row.verdict).toBe('regression');
    expect(row.paired!.n).toBe(10);
    expect(row.paired!.ratio).toBeGreaterThan(1.07);
    expect(row.paired!.ratio).toBeLessThan(1.09);
    expect(row.paired!.p).toBeLessThan(0.01);
    expect(row.reason).toMatch(/signed-rank, 10 pairs/);
  });

  test('benchstat numbers are the same with and without pairing (the parity contract)', () => {
    const { base, head } = pairs(10, 1.08, { seed: 7 });
    const a = secRow(compareResults(base, head, { threshold: 4 }));
    const b = secRow(compareResults(base, head, { threshold: 4, pairing: 'sequential' }));
    for (const key of ['base', 'head', 'deltaPercent', 'p', 'significant'] as const) expect(b[key]).toEqual(a[key]);
    expect(a.test).toBe('mann-whitney-u');
    expect(a.paired).toBeUndefined();
  });

  test('identical code: "unchanged" only with evidence — the interval rules out the threshold', () => {
    const { base, head } = pairs(10, 1.0, { seed: 3 });
    const row = secRow(compareResults(base, head, { threshold: 4, pairing: 'sequential' }));
    expect(row.verdict).toBe('unchanged');
    expect(row.reason).toMatch(/^no slowdown of 4% or more: the paired interval is /);
  });

  test('an interval that allows only a threshold-sized speed-up is no question for the gate: unchanged', () => {
    const ratios = [0.85, 1.03, 0.9, 1.02, 0.88, 1.01, 0.93, 1.0, 0.95, 1.02];
    const at = (side: 'base' | 'head') =>
      ratios.map((x, i): BenchResult => ({ pkg: 'm', name: 'X-2', config: {}, iterations: 1, values: [{ unit: 'sec/op', value: side === 'base' ? 1e-6 : x * 1e-6 }], pair: i + 1 }));
    const row = secRow(compareResults(at('base'), at('head'), { threshold: 4, pairing: 'sequential' }));
    expect((row.paired!.lo - 1) * 100).toBeLessThan(-4);
    expect((row.paired!.hi - 1) * 100).toBeLessThan(4);
    expect(row.paired!.p).toBeGreaterThan(0.05);
    expect(row).toMatchObject({ verdict: 'unchanged', reason: expect.stringMatching(/^no slowdown of 4% or more/) });
  });

  test('pairs that scatter more than the threshold are noisy, not unchanged', () => {
    const { base, head } = pairs(6, 1.0, { seed: 5, scatter: 0.3 });
    const row = secRow(compareResults(base, head, { threshold: 4, pairing: 'sequential' }));
    expect(row.verdict).toBe('noisy');
    expect(row.reason).toMatch(/too noisy to judge/);
  });

  test('a sample without a pair index makes the row unpaired; so does a value with no logarithm', () => {
    const { base, head } = pairs(10, 1.08);
    delete base[3].pair;
    expect(secRow(compareResults(base, head, { pairing: 'sequential' })).paired).toBeUndefined();
    const z = pairs(10, 1.08);
    z.base[0].values[0].value = 0;
    expect(secRow(compareResults(z.base, z.head, { pairing: 'sequential' })).paired).toBeUndefined();
  });

  test('planned pairs too few for the signed-rank test to ever reach α leave the verdict to the U test, and say so', () => {
    const { base, head } = pairs(5, 3, { drift: 0, seed: 2 });
    const r = compareResults(base, head, { pairing: 'sequential' });
    const row = secRow(r);
    expect(row.paired).toBeUndefined();
    expect(row.test).toBe('mann-whitney-u');
    expect(row.verdict).toBe('regression'); // U test with 5 + 5 samples: p = 0.008
    expect(r.warnings.filter((w) => w.kind === 'too-few-pairs').map((w) => w.message).join('\n')).toMatch(/1 row\(s\) measured in pairs are judged by the U test: their pairs cannot reach the signed-rank test's level \(it needs 6\)/);
    // With extension looks, the first look spends 80% of α: 6 planned pairs reach it (2/64 ≤ 0.04).
    const six = pairs(6, 3, { drift: 0, seed: 2 });
    expect(secRow(compareResults(six.base, six.head, { pairing: 'sequential', looks: { count: 6, maxPairs: 18 } })).test).toBe('wilcoxon-signed-rank');
  });

  test('a deterministic custom metric equal in every pair is unchanged, not noisy', () => {
    const { base, head } = pairs(8, 1.0);
    for (const r of [...base, ...head]) r.values.push({ unit: 'nodes/op', value: 42 });
    const row = compareResults(base, head, { pairing: 'sequential' }).rows.find((x) => x.unit === 'nodes/op')!;
    expect(row.paired).toMatchObject({ ratio: 1, lo: 1, hi: 1, p: 1 });
    expect(row.verdict).toBe('unchanged');
  });

  test('pairs are matched by index, not by position', () => {
    const { base, head } = pairs(8, 1.1);
    const row = secRow(compareResults(base, [...head].reverse(), { pairing: 'sequential' }));
    expect(row.paired!.ratio).toBeCloseTo(secRow(compareResults(base, head, { pairing: 'sequential' })).paired!.ratio, 12);
  });

  test('FDR adjusts the paired p across rows', () => {
    const a = pairs(10, 1.08, { seed: 11 });
    const b = pairs(10, 1.0, { seed: 12 });
    b.base.forEach((r) => (r.name = 'Other-2'));
    b.head.forEach((r) => (r.name = 'Other-2'));
    const rows = compareResults([...a.base, ...b.base], [...a.head, ...b.head], { pairing: 'sequential', fdr: true }).rows;
    const parse = rows.find((r) => r.name === 'Parse-2')!;
    expect(parse.q).toBeCloseTo(Math.min(1, parse.paired!.p * 2), 12);
  });
});

describe('sequential looks', () => {
  test('one look spends all of α; several spend 80% first and share the rest', () => {
    expect(lookPoints({ count: 10, maxPairs: 10 })).toEqual([10]);
    expect(lookWeights({ count: 10, maxPairs: 10 })).toEqual([1]);
    expect(lookPoints({ count: 10, maxPairs: 30 })).toEqual([10, 20, 30]);
    const w = lookWeights({ count: 10, maxPairs: 30 });
    expect(w[0]).toBe(0.8);
    expect(w[1]).toBeCloseTo(0.1, 15);
    expect(w[2]).toBeCloseTo(0.1, 15);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(lookPoints({ count: 6, maxPairs: 15 })).toEqual([6, 12, 15]);
  });

  test('p is min over the looks reached of p_j / w_j, and never more looks than weights', () => {
    const plan = { count: 10, maxPairs: 30 };
    const seen: number[] = [];
    const r = sequentialP(25, plan, (m) => {
      seen.push(m);
      return m / 1000;
    });
    expect(seen).toEqual([10, 20, 25]);
    expect(r.p).toBeCloseTo(Math.min(0.01 / 0.8, 0.02 / 0.1, 0.025 / 0.1), 12);
    // A row that stopped early (futility) is judged once, at its n, with the first weight.
    expect(sequentialP(6, plan, () => 0.01).lookP).toEqual([0.01]);
    expect(sequentialP(6, plan, () => 0.01).p).toBeCloseTo(0.0125, 12);
    // More pairs than planned: still one look per weight.
    expect(sequentialP(40, { count: 10, maxPairs: 10 }, () => 0.04).p).toBeCloseTo(0.04, 12);
  });

  test('A/A under the extension rule: false alarms stay within α (simulated, any stopping decisions)', () => {
    // Identical sides; noise only. The rule extends every row that is not significant at a look —
    // the most extensions any policy could take — so this bounds the false-alarm rate of all of them.
    const plan = { count: 10, maxPairs: 30 };
    const alpha = 0.05;
    const next = rng(2026);
    const trials = 2000;
    let alarms = 0;
    for (let t = 0; t < trials; t++) {
      const base: number[] = [];
      const head: number[] = [];
      for (let i = 0; i < plan.maxPairs; i++) {
        const host = 1 + 0.2 * next();
        base.push(host * (1 + 0.05 * (next() - 0.5)));
        head.push(host * (1 + 0.05 * (next() - 0.5)));
      }
      const pAt = (m: number) => comparePairs(base.slice(0, m), head.slice(0, m))!.p;
      if (sequentialP(plan.maxPairs, plan, pAt).p <= alpha) alarms++;
    }
    // Binomial(2000, 0.05) is above 0.0625 with probability < 0.5%; the bound is usually far lower.
    expect(alarms / trials).toBeLessThanOrEqual(0.0625);
  });

  test('property: the sequential p is a p-value no smaller than the first look spends, and monotone in each look', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 1e-9, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }), (ps) => {
        const plan = { count: 10, maxPairs: 30 };
        const r = sequentialP(30, plan, (m) => ps[m / 10 - 1]);
        expect(r.p).toBeLessThanOrEqual(1);
        expect(r.p).toBeGreaterThanOrEqual(Math.min(...ps));
        const w = lookWeights(plan);
        expect(r.p).toBeCloseTo(Math.min(1, ps[0] / w[0], ps[1] / w[1], ps[2] / w[2]), 12);
      }),
    );
  });
});

describe('which rows earn more pairs', () => {
  const rule = { threshold: 4, gateUnits: ['sec/op'], count: 10, maxPairs: 30 };

  test('before the planned count: open while the interval allows a threshold-sized slowdown', () => {
    const noisy = secRow(compareResults(...Object.values(pairs(6, 1.0, { seed: 5, scatter: 0.3 })) as [BenchResult[], BenchResult[]], { pairing: 'sequential' }));
    expect(rowIsOpen(noisy, rule)).toBe(true);
    const tight = secRow(compareResults(...Object.values(pairs(6, 1.0, { seed: 5 })) as [BenchResult[], BenchResult[]], { pairing: 'sequential' }));
    expect(rowIsOpen(tight, rule)).toBe(false);
  });

  test('from the planned count on: only undecided rows (noisy or suspect) reaching the threshold, up to maxPairs', () => {
    const wobbly = pairs(10, 1.0, { seed: 5, scatter: 0.12 });
    const row = secRow(compareResults(wobbly.base, wobbly.head, { pairing: 'sequential', threshold: 4 }));
    expect(row.verdict).toBe('noisy');
    expect(rowIsOpen(row, rule)).toBe(true);
    const decided = secRow(compareResults(...Object.values(pairs(10, 1.2, { seed: 9 })) as [BenchResult[], BenchResult[]], { pairing: 'sequential' }));
    expect(decided.verdict).toBe('regression');
    expect(rowIsOpen(decided, rule)).toBe(false);
    expect(rowIsOpen({ ...row, verdict: 'noisy', paired: { ...row.paired!, n: 30 } }, rule)).toBe(false);
  });

  test('futility: an A/A row scattering ±20% stops at its first look, and its reason says why', () => {
    const aa = pairs(10, 1.0, { seed: 5, scatter: 0.7 });
    const row = secRow(compareResults(aa.base, aa.head, { pairing: 'sequential', threshold: 4, looks: { count: 10, maxPairs: 30 } }));
    expect(row.verdict).toBe('noisy');
    expect(rowIsOpen(row, rule)).toBe(false);
    expect(row.reason).toMatch(/; stopped: 30 pairs could not decide it at this scatter \(±\d+\.\d% at 10 pairs, about ±\d+\.\d% at 30\)$/);
    // The same row without extension looks (or at its cap) was not stopped: no such clause.
    expect(secRow(compareResults(aa.base, aa.head, { pairing: 'sequential', threshold: 4 })).reason).not.toMatch(/stopped/);
  });

  test('futility: a +30% slowdown that 10 pairs leave noisy keeps earning pairs (issue 19)', () => {
    const slow = pairs(10, 1.3, { seed: 2, scatter: 0.7 });
    const row = secRow(compareResults(slow.base, slow.head, { pairing: 'sequential', threshold: 4, looks: { count: 10, maxPairs: 30 } }));
    expect(row.verdict).toBe('noisy');
    expect(rowIsOpen(row, rule)).toBe(true);
    expect(row.reason).not.toMatch(/stopped/);
  });

  test('futility outlook: projected half-width × √(n/maxPairs) around the estimate, both ways of deciding', () => {
    const o = { threshold: 4, maxPairs: 30, higherIsBetter: false };
    // Issue 19's row: +30% with an interval 0.98…1.70 at 10 pairs → about ±17% at 30, still above 0.
    const slow = extensionOutlook({ n: 10, ratio: 1.3, lo: 0.98, hi: 1.7 }, o)!;
    expect(slow.decidable).toBe(true);
    expect(slow.projectedPercent).toBeCloseTo(100 * Math.expm1(((Math.log(1.7) - Math.log(0.98)) / 2) * Math.sqrt(10 / 30)), 9);
    // A/A at ±20%: neither below the threshold nor clear of zero at 30 pairs.
    expect(extensionOutlook({ n: 10, ratio: 1.01, lo: 0.83, hi: 1.22 }, o)!.decidable).toBe(false);
    // A/A at ±5%: 30 pairs would bring the slow end under 4%, so it earns them.
    expect(extensionOutlook({ n: 10, ratio: 1.0, lo: 0.95, hi: 1.05 }, o)!.decidable).toBe(true);
    // Higher is better (B/s): a 30% drop in speed is the slow side.
    expect(extensionOutlook({ n: 10, ratio: 0.7, lo: 0.55, hi: 0.99 }, { ...o, higherIsBetter: true })!.decidable).toBe(true);
    expect(extensionOutlook({ n: 10, ratio: 1.0, lo: 0.8, hi: 1.25 }, { ...o, higherIsBetter: true })!.decidable).toBe(false);
    // No interval yet: nothing to project from.
    expect(extensionOutlook({ n: 3, ratio: 1.0, lo: NaN, hi: NaN }, o)).toBeNull();
  });

  test('property: an interval that decides the row now still decides it when projected (projection only narrows)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 40 }),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.6, noNaN: true }),
        fc.double({ min: 0.5, max: 20, noNaN: true }),
        fc.boolean(),
        (n, logRatio, half, threshold, higherIsBetter) => {
          const paired = { n, ratio: Math.exp(logRatio), lo: Math.exp(logRatio - half), hi: Math.exp(logRatio + half) };
          const o = { threshold, maxPairs: 30, higherIsBetter };
          const now = extensionOutlook(paired, { ...o, maxPairs: n })!;
          const later = extensionOutlook(paired, o)!;
          expect(later.projectedPercent).toBeLessThanOrEqual(now.projectedPercent + 1e-9);
          if (now.decidable) expect(later.decidable).toBe(true);
        },
      ),
    );
  });

  test('A/A under futility stopping: false regressions stay within α, and most rows at ±20% stop at their first look', () => {
    // The whole loop as the runner drives it: judge after each pair from the planned count on,
    // keep the row only while rowIsOpen says so, then the final verdict on the pairs it has.
    const plan = { count: 10, maxPairs: 30 };
    const alpha = 0.05;
    const trials = 600;
    let regressions = 0;
    let stoppedAtFirstLook = 0;
    let wide = 0;
    for (let t = 0; t < trials; t++) {
      // A third each: tight (±1%), moderate (±5%), wide (±20%) per-sample scatter (uniform widths).
      const scatter = [0.035, 0.17, 0.7][t % 3];
      const all = pairs(plan.maxPairs, 1.0, { seed: 1000 + t, scatter });
      let n = plan.count;
      let row = secRow(compareResults(all.base.slice(0, n), all.head.slice(0, n), { pairing: 'sequential', threshold: 4, looks: plan }));
      while (n < plan.maxPairs && rowIsOpen(row, rule)) {
        n++;
        row = secRow(compareResults(all.base.slice(0, n), all.head.slice(0, n), { pairing: 'sequential', threshold: 4, looks: plan }));
      }
      if (row.verdict === 'regression') regressions++;
      if (scatter === 0.7) {
        wide++;
        if (n === plan.count) stoppedAtFirstLook++;
      }
    }
    // A regression needs the one-sided half of α and a threshold-sized estimate: well within α.
    expect(regressions / trials).toBeLessThanOrEqual(alpha);
    // Rows at ±20% whose estimate sits near zero stop at once; those whose estimate strayed far to
    // one side keep going (30 pairs would rule out the slowdown, or confirm one): 80% stop here.
    expect(stoppedAtFirstLook / wide).toBeGreaterThanOrEqual(0.7);
  });

});
