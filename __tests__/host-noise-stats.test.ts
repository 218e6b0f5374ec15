/**
 * bench/lib/host-noise-stats.mjs: the statistics of bench/host-noise.mjs on constructed series
 * (nothing here is timed).
 */
import { describe, expect, it } from '@jest/globals';
import {
  autocorrelation,
  betweenRuns,
  consecutivePairs,
  correlation,
  halfWidthAt,
  logRatios,
  modeAgreement,
  pairsNeeded,
  pairsToDetect,
  parseNsPerOp,
  quantile,
  robustSd,
  sd,
  slowModes,
} from '../bench/lib/host-noise-stats.mjs';

describe('quantile, sd, robustSd', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3], 1)).toBe(3);
    expect(quantile([], 0.5)).toBeNaN();
  });
  it('sd is the n − 1 estimator; the robust sd ignores one wild value', () => {
    expect(sd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 12);
    const xs = [-0.02, -0.01, 0, 0.01, 0.02, -0.015, 0.015, 3];
    expect(sd(xs)).toBeGreaterThan(1);
    expect(robustSd(xs)).toBeLessThan(0.03);
  });
});

describe('autocorrelation and correlation', () => {
  it('is 1-like for a slow drift, negative for an alternating series', () => {
    const drift = Array.from({ length: 50 }, (_, i) => i);
    expect(autocorrelation(drift, 1)).toBeGreaterThan(0.9);
    const alt = Array.from({ length: 50 }, (_, i) => (i % 2 ? 1 : -1));
    expect(autocorrelation(alt, 1)).toBeLessThan(-0.9);
    expect(autocorrelation(alt, 2)).toBeGreaterThan(0.9);
  });
  it('correlation is ±1 for linear relations and NaN for a constant', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('log ratios and pairs', () => {
  it('logRatios is ln(b/a) per pair and refuses unequal lengths', () => {
    expect(logRatios([1, 2], [2, 2])).toEqual([Math.log(2), 0]);
    expect(() => logRatios([1], [1, 2])).toThrow(/1 base values against 2/);
  });
  it('consecutivePairs takes disjoint neighbours', () => {
    expect(consecutivePairs([1, 2, 4, 4, 9])).toEqual([Math.log(2), 0]);
  });
  it('pairsNeeded inverts halfWidthAt', () => {
    expect(pairsNeeded(0.1)).toBe(25); // (1.96 · 0.1 / 0.04)² = 24.01
    expect(halfWidthAt(0.1, 25)).toBeCloseTo(0.0392, 4);
    for (const s of [0.01, 0.05, 0.2]) expect(halfWidthAt(s, pairsNeeded(s))).toBeLessThanOrEqual(0.04 + 1e-12);
    expect(pairsNeeded(Number.NaN)).toBeNaN();
  });
  it('pairsToDetect: reaching the threshold, not significance, sets n for +5% against 4%', () => {
    const s = 0.02;
    const reach = Math.ceil(((1.281552 * s) / Math.log(1.05 / 1.04)) ** 2);
    expect(pairsToDetect(s)).toBe(reach);
    // Without a threshold only significance is asked.
    expect(pairsToDetect(s, { threshold: 0 })).toBe(Math.ceil((((1.959964 + 1.281552) * s) / Math.log(1.05)) ** 2));
  });
});

describe('slowModes', () => {
  it('finds the fast mode, the slow share, and runs without lone spikes', () => {
    const ns = [
      ...Array(100).fill(13_300),
      ...Array(50).fill(21_000),
      ...Array(100).fill(13_300),
      40_000, // a lone spike: no run of its own
      ...Array(49).fill(13_300),
    ];
    const m = slowModes(ns);
    expect(m.fast).toBe(13_300);
    expect(m.slow).toBe(21_000);
    expect(m.slowShare).toBeCloseTo(51 / 300, 12);
    expect(m.spikeShare).toBeCloseTo(1 / 300, 12);
    expect(m.runs).toBe(1);
    expect(m.runCalls.median).toBe(50);
    expect(m.runMs.median).toBeCloseTo(50 * 0.021, 9);
  });
});

describe('betweenRuns and modeAgreement', () => {
  it('sees an offset that each run carries as a whole', () => {
    const wiggle = Array.from({ length: 100 }, (_, i) => (i % 2 ? 0.01 : -0.01));
    const runs = [0.05, -0.05, 0.05, -0.05].map((o) => wiggle.map((x) => x + o));
    const b = betweenRuns(runs);
    expect(b.centers).toEqual([0.05, -0.05, 0.05, -0.05].map((o) => expect.closeTo(o, 12)));
    expect(b.between).toBeGreaterThan(10 * b.expected);
    expect(b.range[0]).toBeCloseTo(-0.05, 12);
  });
  it('counts windows where only one copy was slow', () => {
    const g = modeAgreement([10, 20, 10, 20], [10, 20, 20, 10], [1, 1, 1, 1], 15);
    expect(g).toEqual({ windows: 4, same: 2, bothSlow: 1, oneSlow: 2 });
  });
});

describe('parseNsPerOp', () => {
  it('reads ns/op of result lines only', () => {
    const text = 'goos: linux\nBenchmarkScore   \t     600\t    191234 ns/op\nBenchmarkX-2 10 1.5e+06 ns/op\t 3 B/op\nPASS\n';
    expect(parseNsPerOp(text)).toEqual([191234, 1.5e6]);
  });
});
