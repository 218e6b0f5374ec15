/**
 * The paired statistics (src/stats/signedrank.ts, hodges-lehmann.ts, paired.ts) against
 * independent references, plus fast-check properties.
 *
 * The golden answers in reference/paired/golden.json come from R (wilcox.test, its qsignrank
 * formula), from exactRankTests, and from an enumeration of all 2ⁿ sign assignments written in
 * reference/paired/golden.R as the definition of the exact conditional distribution; that file
 * says which reference covers which regime, and every case names its own (`pRef`, `ci95.ref`).
 * Regenerate with `__tests__/reference/paired/regen.sh` (needs R); these tests never run R.
 *
 * What must agree, and how exactly:
 * - n, zeros and W⁺: identical;
 * - p: 1e-9 relative or 1e-12 absolute (R sums the exact distribution in floating point, we in
 *   integer counts; R's pnorm and our erfc differ in the last bits);
 * - the Hodges–Lehmann estimate and the interval's ends: 1e-9 (they are Walsh averages on both
 *   sides; R's normal-regime ends are uniroot results to tol.root = 1e-13);
 * - where R could not reach the requested confidence (`reached: false`) benchgate has no finite
 *   interval in the exact regime (±∞, as benchstat has none for a median of < 6 samples), and in
 *   the normal regime an interval at least as wide as R's (R lowers the level instead).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  comparePairs,
  hodgesLehmann,
  signedRankCounts,
  signedRankTest,
  type HodgesLehmannResult,
} from '../src/stats/index.js';
import { ROOT } from './helpers/tools.js';

type Num = number | 'Inf' | '-Inf' | 'NaN';

interface GoldenCI {
  lo: Num;
  hi: Num;
  reached: boolean;
  method: 'exact' | 'normal';
  ref: string;
}

interface GoldenCase {
  kind: string;
  base?: number[];
  head?: number[];
  d: Num[];
  n: number;
  zeros: number;
  wPlus: number;
  p: number;
  pMethod: 'exact' | 'normal';
  pRef: string;
  estimate: number;
  ci95: GoldenCI;
  ci90: GoldenCI;
}

const golden: { cases: GoldenCase[] } = JSON.parse(
  readFileSync(join(ROOT, '__tests__', 'reference', 'paired', 'golden.json'), 'utf8'),
);

const num = (x: Num): number => (x === 'Inf' ? Infinity : x === '-Inf' ? -Infinity : x === 'NaN' ? NaN : x);

function closeP(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
}

function closeX(actual: number, expected: number): boolean {
  if (actual === expected) return true; // ±∞
  return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
}

function label(c: GoldenCase, i: number): string {
  return `#${i} ${c.kind} n=${c.d.length} (p: ${c.pRef})`;
}

function checkInterval(hl: HodgesLehmannResult, ref: GoldenCI, what: string): void {
  const lo = num(ref.lo);
  const hi = num(ref.hi);
  expect(hl.lo <= hl.estimate && hl.estimate <= hl.hi).toBe(true);
  if (ref.reached) {
    if (hl.method !== ref.method || !closeX(hl.lo, lo) || !closeX(hl.hi, hi)) {
      throw new Error(`${what}: [${hl.lo}, ${hl.hi}] (${hl.method}) vs ${ref.ref} [${lo}, ${hi}] (${ref.method})`);
    }
    expect(Number.isFinite(hl.lo) && Number.isFinite(hl.hi)).toBe(true);
    return;
  }
  if (ref.method === 'exact') {
    expect([hl.lo, hl.hi]).toEqual([-Infinity, Infinity]);
    expect(hl.warnings.some((w) => w.includes('confidence interval'))).toBe(true);
    return;
  }
  // R lowered the level or gave up (NaN): ours must be at least as wide as what R gave.
  if (!Number.isNaN(lo) && !(hl.lo <= lo + 1e-9 && hl.hi >= hi - 1e-9)) {
    throw new Error(`${what}: [${hl.lo}, ${hl.hi}] does not contain R's lower-level [${lo}, ${hi}]`);
  }
}

describe('paired statistics against R, exactRankTests and enumeration (golden.json)', () => {
  test('the golden file covers every regime', () => {
    const refs = new Set(golden.cases.map((c) => c.pRef));
    for (const r of ['R exact', 'enumeration', 'exactRankTests', 'R normal']) expect(refs).toContain(r);
    const ciRefs = new Set(golden.cases.flatMap((c) => [c.ci95.ref, c.ci90.ref]));
    for (const r of ['R exact', 'R qsignrank', 'R normal']) expect(ciRefs).toContain(r);
    expect(golden.cases.length).toBeGreaterThan(200);
  });

  test('signed-rank test: n, zeros, W⁺, method and p', () => {
    golden.cases.forEach((c, i) => {
      const res = signedRankTest(c.d.map(num));
      const what = label(c, i);
      expect({ what, n: res.n, zeros: res.zeros, wPlus: res.wPlus, method: res.method }).toEqual({
        what,
        n: c.n,
        zeros: c.zeros,
        wPlus: c.wPlus,
        method: c.pMethod,
      });
      if (!closeP(res.p, c.p)) throw new Error(`${what}: p ${res.p} vs ${c.p}`);
    });
  });

  test('Hodges–Lehmann estimate and intervals at 0.95 and 0.90', () => {
    golden.cases.forEach((c, i) => {
      const d = c.d.map(num);
      const what = label(c, i);
      const hl95 = hodgesLehmann(d, { confidence: 0.95 });
      const hl90 = hodgesLehmann(d, { confidence: 0.9 });
      if (!closeX(hl95.estimate, c.estimate)) throw new Error(`${what}: estimate ${hl95.estimate} vs ${c.estimate}`);
      expect(hl90.estimate).toBe(hl95.estimate);
      checkInterval(hl95, c.ci95, `${what} 95%`);
      checkInterval(hl90, c.ci90, `${what} 90%`);
    });
  });

  test('comparePairs on base/head: ratio, interval and p from the log ratios', () => {
    const pairs = golden.cases.filter((c) => c.base && c.head);
    expect(pairs.length).toBeGreaterThan(10);
    for (const c of pairs) {
      const cmp = comparePairs(c.base!, c.head!);
      expect(cmp).not.toBeNull();
      expect(cmp!.n).toBe(c.d.length);
      expect(cmp!.zeros).toBe(c.zeros);
      expect(cmp!.method).toBe(`wilcoxon-signed-rank ${c.pMethod}`);
      expect(closeP(cmp!.p, c.p)).toBe(true);
      expect(Math.abs(cmp!.ratio / Math.exp(c.estimate) - 1)).toBeLessThan(1e-9);
      if (c.ci95.reached) {
        expect(Math.abs(cmp!.lo / Math.exp(num(c.ci95.lo)) - 1)).toBeLessThan(1e-9);
        expect(Math.abs(cmp!.hi / Math.exp(num(c.ci95.hi)) - 1)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('edge cases, as documented', () => {
  test('all pairs equal: p = 1, ratio 1, no interval, warnings say why', () => {
    const cmp = comparePairs([5, 6, 7], [5, 6, 7])!;
    expect(cmp).toMatchObject({ n: 3, zeros: 3, ratio: 1, lo: 0, hi: Infinity, p: 1 });
    expect(cmp.warnings).toContain('all pairs are equal');
    expect(cmp.warnings).toContain('3 of 3 pairs with equal values (difference 0) left out');
  });

  test('five pairs can never reach 0.05; six can', () => {
    const five = signedRankTest([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(five.p).toBe(0.0625);
    expect(five.minP).toBe(0.0625);
    expect(five.warnings).toEqual(['need >= 6 pairs to detect a difference at alpha level 0.05']);
    const six = signedRankTest([0.1, 0.2, 0.3, 0.4, 0.5, 0.6]);
    expect(six.p).toBe(0.03125);
    expect(six.warnings).toEqual([]);
    expect(hodgesLehmann([0.1, 0.2, 0.3, 0.4, 0.5]).warnings).toEqual(['need >= 6 pairs for confidence interval at level 0.95']);
    expect(hodgesLehmann([0.1, 0.2, 0.3, 0.4, 0.5], { confidence: 0.9 }).lo).toBe(0.1);
  });

  test('not comparable on the log scale: null; mismatched lengths: an error', () => {
    expect(comparePairs([1, 0], [1, 1])).toBeNull();
    expect(comparePairs([1, 2], [1, -1])).toBeNull();
    expect(comparePairs([1, NaN], [1, 1])).toBeNull();
    expect(comparePairs([1, Infinity], [1, 1])).toBeNull();
    expect(comparePairs([], [])).toBeNull();
    expect(() => comparePairs([1, 2], [1])).toThrow(RangeError);
  });

  test('the exact conditional distribution is the enumeration of sign assignments', () => {
    // Doubled midranks of |d| = 1, 1, 2, 3, 3, 3: ranks 1.5, 1.5, 3, 5, 5, 5.
    const doubled = [3, 3, 6, 10, 10, 10];
    const counts = signedRankCounts(doubled);
    const brute = new Float64Array(counts.length);
    for (let mask = 0; mask < 1 << doubled.length; mask++) {
      let s = 0;
      doubled.forEach((r, i) => {
        if (mask & (1 << i)) s += r;
      });
      brute[s]++;
    }
    expect(Array.from(counts)).toEqual(Array.from(brute));
  });
});

describe('properties', () => {
  // FC_RUNS=2000 to search harder once; the default keeps the file fast.
  beforeAll(() => fc.configureGlobal({ numRuns: Number(process.env.FC_RUNS ?? 100) }));
  afterAll(() => fc.resetConfigureGlobal());
  /** Differences with ties and zeros (a coarse grid), or continuous ones. */
  const diffs = (maxLength: number) =>
    fc.oneof(
      fc.array(fc.integer({ min: -20, max: 20 }).map((k) => k / 100), { minLength: 1, maxLength }),
      fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength }),
    );

  test('negating every difference keeps p, negates the estimate and swaps the interval', () => {
    fc.assert(
      fc.property(diffs(80), fc.constantFrom(0.9, 0.95, 0.99), (d, confidence) => {
        const neg = d.map((x) => -x);
        expect(signedRankTest(neg).p).toBe(signedRankTest(d).p);
        const a = hodgesLehmann(d, { confidence });
        const b = hodgesLehmann(neg, { confidence });
        expect(b.estimate).toBe(-a.estimate + 0); // +0: −0 and 0 are the same estimate
        expect([b.lo + 0, b.hi + 0]).toEqual([-a.hi + 0, -a.lo + 0]);
      }),
    );
  });

  test('p in (0, 1] and lo ≤ estimate ≤ hi, exact and normal regimes', () => {
    fc.assert(
      fc.property(diffs(120), fc.constantFrom(0.5, 0.9, 0.95, 0.999), (d, confidence) => {
        const t = signedRankTest(d);
        expect(t.p > 0 && t.p <= 1).toBe(true);
        expect(t.p >= t.minP || t.n === 0).toBe(true);
        const hl = hodgesLehmann(d, { confidence });
        expect(hl.lo <= hl.estimate && hl.estimate <= hl.hi).toBe(true);
      }),
    );
  });

  /**
   * Pairs whose log ratios are well apart (distinct multiples of 0.003, some exactly 0 as
   * head = base), so a last-bit difference of ln(h·c / b·c) from ln(h/b) cannot reorder them.
   */
  const pairs = fc
    .uniqueArray(fc.integer({ min: -300, max: 300 }), { minLength: 1, maxLength: 60, selector: (k) => Math.abs(k) })
    .chain((ks) =>
      fc.tuple(
        fc.constant(ks),
        fc.array(fc.double({ min: 1e-9, max: 1e9, noNaN: true }), { minLength: ks.length, maxLength: ks.length }),
      ),
    )
    .map(([ks, base]) => ({ base, head: base.map((b, i) => (ks[i] === 0 ? b : b * Math.exp(ks[i] * 0.003))) }));

  const rel = (a: number, b: number) => (a === b ? 0 : Math.abs(a / b - 1));

  test('comparePairs: scaling both sides by one positive constant changes neither p nor the ratio', () => {
    fc.assert(
      fc.property(pairs, fc.double({ min: 1e-6, max: 1e6, noNaN: true }), ({ base, head }, c) => {
        const a = comparePairs(base, head)!;
        const b = comparePairs(
          base.map((x) => x * c),
          head.map((x) => x * c),
        )!;
        expect(b.p).toBe(a.p);
        expect(b.zeros).toBe(a.zeros);
        expect(rel(b.ratio, a.ratio)).toBeLessThan(1e-12);
        expect(rel(b.lo, a.lo)).toBeLessThan(1e-12);
        expect(rel(b.hi, a.hi)).toBeLessThan(1e-12);
      }),
    );
  });

  test('comparePairs: swapping base and head inverts ratio and interval and keeps p', () => {
    fc.assert(
      fc.property(pairs, ({ base, head }) => {
        const a = comparePairs(base, head)!;
        const b = comparePairs(head, base)!;
        expect(b.p).toBe(a.p);
        expect(rel(b.ratio, 1 / a.ratio)).toBeLessThan(1e-12);
        expect(rel(b.lo, 1 / a.hi)).toBeLessThan(1e-12);
        expect(rel(b.hi, 1 / a.lo)).toBeLessThan(1e-12);
      }),
    );
  });

  /**
   * How close is close: over every possible W⁺ the largest gap between the exact p and the
   * continuity-corrected normal one is 0.0041 at n = 40 (0.0033 at 50; computed in R with
   * psignrank and pnorm); near the decision region (0.01 ≤ p ≤ 0.2) it is at most 11% of p.
   * Further out the normal tail is too light (relatively), which is why n ≤ 50 stays exact.
   */
  test('exact and normal approximation agree closely at n = 40…50 without ties', () => {
    let worst = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 50 }).chain((n) =>
          fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: n, maxLength: n }),
        ),
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        (mags, shift) => {
          // Distinct magnitudes, signs leaning by `shift`: p from near 0 to 1.
          const d = mags.map((m, i) => (Math.sin(i * 12.9898 + m) * 0.5 + 0.5 < 0.5 + shift ? m : -m) / 1e5);
          const exact = signedRankTest(d, { method: 'exact' });
          const normal = signedRankTest(d, { method: 'normal' });
          expect(exact.method).toBe('exact');
          expect(normal.method).toBe('normal');
          worst = Math.max(worst, Math.abs(exact.p - normal.p));
          expect(Math.abs(exact.p - normal.p)).toBeLessThan(0.0045);
          if (exact.p >= 0.01 && exact.p <= 0.2) expect(Math.abs(normal.p / exact.p - 1)).toBeLessThan(0.12);
        },
      ),
    );
    expect(worst).toBeGreaterThan(0);
  });
});
