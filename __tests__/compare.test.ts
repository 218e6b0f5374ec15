/**
 * compareResults: rows, order, verdicts and their reasons, exact units, FDR, geomeans.
 * Cases are lines of Go benchmark output next to the rows they become; one test runs the real
 * Go toolchain on __tests__/fixtures/benchmod.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseBenchText } from '../src/benchfmt/index.js';
import { compareResults, SampleTable, type CompareOptions } from '../src/compare/index.js';
import type { BenchResult } from '../src/types.js';
import { ROOT } from './helpers/tools.js';

/** `BenchmarkX-8 N v1 u1 v2 u2…` lines, one per sample, under a pkg line. */
function bench(pkg: string, lines: string[]): BenchResult[] {
  return parseBenchText([`pkg: ${pkg}`, ...lines].join('\n') + '\n', 'test.txt').results;
}

/** n samples of one benchmark with the given values (a function of the sample index). */
function samples(name: string, n: number, line: (i: number) => string): string[] {
  return Array.from({ length: n }, (_, i) => `Benchmark${name} 100 ${line(i)}`);
}

function compare(base: string[], head: string[], opts?: CompareOptions, pkg = 'example.com/m') {
  return compareResults(bench(pkg, base), bench(pkg, head), opts);
}

const row = (r: ReturnType<typeof compare>, name: string, unit: string) => {
  const found = r.rows.find((x) => x.name === name && x.unit === unit);
  if (!found) throw new Error(`no row ${name} ${unit}`);
  return found;
};

describe('rows and order', () => {
  test('package, then first appearance of the name, then sec/op, B/op, allocs/op, others', () => {
    const base = [
      'pkg: p1',
      'BenchmarkZ-8 10 5 ns/op 3 widgets/op 1 B/op 1 allocs/op 9 MB/s',
      'BenchmarkA-8 10 5 ns/op',
      'pkg: p2',
      'BenchmarkZ-8 10 5 ns/op',
    ];
    const head = ['pkg: p1', 'BenchmarkNew-8 10 5 ns/op', 'BenchmarkZ-8 10 6 ns/op 3 widgets/op 1 B/op 1 allocs/op 9 MB/s'];
    const r = compareResults(parseBenchText(base.join('\n'), 'b').results, parseBenchText(head.join('\n'), 'h').results);
    expect(r.rows.map((x) => `${x.package} ${x.name} ${x.unit} ${x.verdict}`)).toEqual([
      'p1 Z-8 sec/op unchanged',
      'p1 Z-8 B/op unchanged',
      'p1 Z-8 allocs/op unchanged',
      'p1 Z-8 widgets/op unchanged',
      'p1 Z-8 B/s unchanged',
      'p1 A-8 sec/op removed',
      'p1 New-8 sec/op new',
      'p2 Z-8 sec/op removed',
    ]);
    expect(row(r, 'New-8', 'sec/op')).toMatchObject({ base: null, deltaPercent: null, p: null, reason: 'new benchmark' });
    expect(r.warnings).toEqual([
      { kind: 'rows-removed', message: '2 row(s) only in the base: benchmarks removed or failed in the head' },
      { kind: 'rows-added', message: '1 row(s) only in the head: new benchmarks' },
    ]);
  });
});

test('a side is stored as a run while its values are equal: the cells hand back every sample, in order', () => {
  // Late differences, -0 among zeros (a different value: it prints as one), long equal runs.
  const sides: number[][] = [[3, 3, 3, 3, 9, 3], [0, 0, -0, 0], [2, 2, 2], [-0, -0], Array(40).fill(7).concat([8]), [5]];
  const result = (name: string, value: number): BenchResult => ({ pkg: 'p', name, config: {}, iterations: 1, values: [{ value, unit: 'B/op' }] });
  const table = new SampleTable();
  sides.forEach((values, b) => table.addResults('base', values.map((v) => result(`B${b}`, v))));
  table.addResults('head', [result('B0', 1)]);
  // Copied as they come: a run is handed over in a scratch array that the next cell reuses.
  const cells = Array.from(table.takeCells(), (c) => ({ base: [...c.base], head: [...c.head] }));
  expect(cells.map((c) => c.base)).toEqual(sides);
  expect(cells.map((c) => c.head)).toEqual([[1], [], [], [], [], []]);
  expect(Object.is(cells[1].base[2], -0) && Object.is(cells[3].base[0], -0)).toBe(true);
});

describe('verdicts', () => {
  const base = samples('F-8', 10, (i) => `${1000 + i} ns/op`);

  test('a significant slowdown above the threshold is a regression', () => {
    const r = compare(base, samples('F-8', 10, (i) => `${1200 + i} ns/op`));
    const x = row(r, 'F-8', 'sec/op');
    expect(x.verdict).toBe('regression');
    expect(x.significant).toBe(true);
    expect(x.deltaPercent).toBeCloseTo(19.9, 1);
    expect(x.reason).toBe('+19.9% (p=0.000 ≤ α=0.05)');
  });

  test('a significant change below the threshold is unchanged, and says so', () => {
    const x = row(compare(base, samples('F-8', 10, (i) => `${1021 + i} ns/op`)), 'F-8', 'sec/op');
    expect(x).toMatchObject({ verdict: 'unchanged', significant: true });
    expect(x.reason).toBe('+2.1% is below the 4% threshold (p=0.000 ≤ α=0.05)');
  });

  test('not significant: the p-value against α', () => {
    const x = row(compare(base, samples('F-8', 10, (i) => `${1000 + ((i * 7) % 10)}.5 ns/op`)), 'F-8', 'sec/op');
    expect(x.verdict).toBe('unchanged');
    expect(x.reason).toMatch(/^p=0\.\d{3} > α=0\.05$/);
  });

  test('too few samples: benchstat\'s explanation', () => {
    const x = row(compare(samples('F-8', 3, (i) => `${1000 + i} ns/op`), samples('F-8', 3, (i) => `${2000 + i} ns/op`)), 'F-8', 'sec/op');
    expect(x).toMatchObject({ verdict: 'unchanged', reason: 'need >= 4 samples to detect a difference at alpha level 0.05' });
  });

  test('speeds are better higher: a faster B/s is an improvement, a slower one a regression', () => {
    const faster = compare(samples('F-8', 8, (i) => `1 ns/op ${100 + i} MB/s`), samples('F-8', 8, (i) => `1 ns/op ${150 + i} MB/s`));
    expect(row(faster, 'F-8', 'B/s').verdict).toBe('improvement');
    const slower = compare(samples('F-8', 8, (i) => `1 ns/op ${100 + i} MB/s`), samples('F-8', 8, (i) => `1 ns/op ${50 + i} MB/s`));
    expect(row(slower, 'F-8', 'B/s').verdict).toBe('regression');
    const custom = compare(samples('F-8', 8, (i) => `${10 + i} hits/op`), samples('F-8', 8, (i) => `${20 + i} hits/op`), {
      units: { 'hits/op': { better: 'higher' } },
    });
    expect(row(custom, 'F-8', 'hits/op').verdict).toBe('improvement');
  });
});

describe('deterministic and exact units', () => {
  test('allocs/op equal within each side is compared by value, with benchstat\'s numbers kept', () => {
    const r = compare(samples('F-8', 3, () => '100 ns/op 64 B/op 2 allocs/op'), samples('F-8', 3, () => '100 ns/op 64 B/op 3 allocs/op'));
    const allocs = row(r, 'F-8', 'allocs/op');
    // significant stays benchstat's decision (p=0.1 > α: "~"); the verdict follows the values.
    expect(allocs).toMatchObject({ verdict: 'regression', exact: true, significant: false, deltaPercent: 50 });
    expect(allocs.p).toBeCloseTo(0.1, 12); // the U test's p, as benchstat prints it
    expect(allocs.reason).toBe('+50.0% (compared by value: deterministic on both sides)');
    expect(row(r, 'F-8', 'B/op')).toMatchObject({ verdict: 'unchanged', reason: 'compared by value: deterministic on both sides, unchanged' });
  });

  test('B/op of a benchmark with no allocations per op is amortized runtime noise, never a change', () => {
    const r = compare(
      samples('F-8', 6, (i) => `100 ns/op ${[7, 8, 6, 9, 7, 8][i]} B/op 0 allocs/op`),
      samples('F-8', 6, (i) => `100 ns/op ${[30, 31, 33, 29, 32, 31][i]} B/op 0 allocs/op`),
    );
    const bytes = row(r, 'F-8', 'B/op');
    expect(bytes.significant).toBe(true); // benchstat would flag it…
    expect(bytes.verdict).toBe('unchanged'); // …but no allocation of the code's moved.
    expect(bytes.reason).toMatch(/no allocations per op on either side/);
    // Scattered runtime bytes are not "too noisy to judge" either: there is nothing to judge.
    const scattered = compare(
      samples('G-8', 6, (i) => `100 ns/op ${[1, 40, 3, 90, 2, 60][i]} B/op 0 allocs/op`),
      samples('G-8', 6, (i) => `100 ns/op ${[50, 2, 70, 1, 30, 4][i]} B/op 0 allocs/op`),
    );
    expect(row(scattered, 'G-8', 'B/op').verdict).toBe('unchanged');
  });

  test('a change inside the noise is unchanged; no significance with wide scatter is "too noisy"', () => {
    // Base scattered ±~7% (robust σ) around 100, head shifted +8%: beyond the 4% threshold, not significant.
    const spread = [80, 90, 95, 100, 100, 105, 110, 120, 100, 100];
    const r = compare(samples('F-8', 10, (i) => `${spread[i]} ns/op`), samples('F-8', 10, (i) => `${spread[i] * 1.08} ns/op`));
    const x = row(r, 'F-8', 'sec/op');
    expect(x.noisePercent).toBeGreaterThan(5);
    expect(x.verdict).toBe('noisy');
    expect(x.reason).toMatch(/^too noisy to judge: samples scatter ± \d+\.\d% around the median, more than the 4% threshold .*more rounds$/);

    // Tight samples, a clear +8% shift: a regression, and the noise is reported.
    const tight = [100, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9, 100.3, 99.7, 100];
    const t = row(compare(samples('F-8', 10, (i) => `${tight[i]} ns/op`), samples('F-8', 10, (i) => `${tight[i] * 1.08} ns/op`)), 'F-8', 'sec/op');
    expect(t.verdict).toBe('regression');
    expect(t.noisePercent).toBeLessThan(1);

    // One wild outlier does not make a clear shift noisy (the scatter is robust).
    const outlier = [...tight.slice(0, 9), 300];
    const o = row(compare(samples('F-8', 10, (i) => `${outlier[i]} ns/op`), samples('F-8', 10, (i) => `${tight[i] * 1.5} ns/op`)), 'F-8', 'sec/op');
    expect(o.noisePercent).toBeLessThan(1);
    expect(o.verdict).toBe('regression');
  });

  test('a deterministic change under the threshold is still unchanged', () => {
    const r = compare(samples('F-8', 5, () => '1 ns/op 1000 B/op'), samples('F-8', 5, () => '1 ns/op 1010 B/op'));
    expect(row(r, 'F-8', 'B/op')).toMatchObject({ verdict: 'unchanged', exact: true });
  });

  test('B/op that varies on a side goes through the U test', () => {
    const r = compare(samples('F-8', 5, (i) => `1 ns/op ${1000 + i} B/op`), samples('F-8', 5, (i) => `1 ns/op ${1000 + i} B/op`));
    expect(row(r, 'F-8', 'B/op').exact).toBeUndefined();
  });

  test('assume=exact units: summarized and compared as benchstat (p = 0, no test)', () => {
    const unitLine = 'Unit frobs/op assume=exact';
    const b = parseBenchText(['pkg: m', unitLine, ...samples('F-8', 2, () => '1 ns/op 5 frobs/op')].join('\n'), 'b');
    const h = parseBenchText(['pkg: m', unitLine, ...samples('F-8', 2, () => '1 ns/op 7 frobs/op')].join('\n'), 'h');
    const r = compareResults(b.results, h.results, { units: b.units });
    const x = r.rows.find((x) => x.unit === 'frobs/op')!;
    expect(x).toMatchObject({ p: null, exact: true, verdict: 'regression', reason: '+40.0% (compared by value: assume=exact)' });
    expect(x.base).toEqual({ n: 2, center: 5, lo: 5, hi: 5, warnings: [] });
  });
});

describe('false-discovery-rate control', () => {
  // 20 benchmarks at n = 6: one clear regression (p = 0.002), two borderline shifts
  // (p = 0.035 and 0.015: "significant" alone, not among 20), the rest identical (p = 1).
  const names = Array.from({ length: 20 }, (_, i) => `B${i}-8`);
  const shiftOf = (k: number) => (k === 0 ? 1000 : k === 1 ? 30 : k === 2 ? 35 : 0);
  const base = names.flatMap((n) => samples(n, 6, (i) => `${1000 + 10 * i} ns/op`));
  const head = names.flatMap((n, k) => samples(n, 6, (i) => `${1000 + 10 * i + shiftOf(k)} ns/op`));

  test('off by default: no q', () => {
    const r = compare(base, head);
    expect(r.rows.every((x) => x.q === undefined)).toBe(true);
  });

  test('on: q from Benjamini–Hochberg over the gated rows decides the verdict', () => {
    const plain = compare(base, head, { threshold: 0 });
    const fdr = compare(base, head, { fdr: true, threshold: 0 });
    for (const x of fdr.rows) {
      expect(x.q).toBeGreaterThanOrEqual(x.p!);
      // `significant` stays benchstat's p-decision; the verdict is judged on q.
      expect(x.significant).toBe(x.p! <= 0.05);
      expect(x.verdict === 'regression' || x.verdict === 'improvement').toBe(x.q! <= 0.05);
    }
    expect(fdr.rows[0]).toMatchObject({ verdict: 'regression', significant: true });
    const changed = (r: typeof plain) => r.rows.filter((x) => x.verdict === 'regression' || x.verdict === 'improvement').length;
    expect(changed(plain)).toBe(3);
    expect(changed(fdr)).toBe(1);
    // With threshold 0 any interval is wider than the threshold: demoted rows are "noisy".
    const demoted = fdr.rows.find((x) => x.verdict === 'noisy' && x.p! <= 0.05)!;
    expect(demoted.reason).toMatch(/\(q=0\.\d{3}\)/);
    const strict = compare(base, head, { fdr: true, threshold: 50 });
    const unchanged = strict.rows.find((x) => x.verdict === 'unchanged' && x.p! <= 0.05)!;
    expect(unchanged.reason).toMatch(/^q=0\.\d{3} > α=0\.05 \(p=0\.0\d\d\)$/);
  });

  test('rows compared by value are not part of the family: their p = 1 would dilute the real tests', () => {
    const b = samples('F-8', 6, (i) => `${1000 + i} ns/op 64 B/op 1 allocs/op`);
    const h = samples('F-8', 6, (i) => `${1100 + i} ns/op 64 B/op 1 allocs/op`);
    const r = compare(b, h, { fdr: true });
    expect(row(r, 'F-8', 'allocs/op').q).toBeUndefined();
    expect(row(r, 'F-8', 'B/op').q).toBeUndefined();
    const t = row(r, 'F-8', 'sec/op');
    expect(t.q).toBe(t.p); // a family of one
    expect(t.verdict).toBe('regression');
  });

  test('significant alone but not after FDR: not a regression, but a suspect worth fresh samples', () => {
    // Twenty benchmarks: one clear +10% slowdown with some overlap, nineteen unchanged.
    const spread = [100, 101, 99, 102, 98, 100.5, 99.5, 101.5, 98.5, 100];
    const base: string[] = [];
    const head: string[] = [];
    for (let k = 0; k < 20; k++) {
      base.push(...samples(`B${k}-8`, 10, (i) => `${spread[i]} ns/op`));
      head.push(...samples(`B${k}-8`, 10, (i) => `${k === 0 ? [108, 112, 109, 97, 111, 110, 113, 99, 110, 111][i] : spread[(i + 3) % 10]} ns/op`));
    }
    const r = compare(base, head, { fdr: true });
    const x = row(r, 'B0-8', 'sec/op');
    expect(x.p!).toBeLessThanOrEqual(0.05);
    expect(x.q!).toBeGreaterThan(0.05);
    expect(x.verdict).not.toBe('regression');
    expect(x.suspect).toBe(true);
    expect(r.rows.filter((y) => y.suspect)).toHaveLength(1);
  });

  test('suspects: significant slowdowns that do not count but whose intervals allow a threshold-sized one', () => {
    const spread = [100, 101, 99, 102, 98, 100.5, 99.5, 101.5, 98.5, 100];
    const base = samples('F-8', 10, (i) => `${spread[i]} ns/op`);
    const shifted = (k: number, squeeze = 1) => samples('F-8', 10, (i) => `${(100 + (spread[(i + 3) % 10] - 100) * squeeze) * k} ns/op`);
    // +3%, significant, below the 4% threshold; the intervals (±1–2% a side) allow more than 4%.
    const masked = row(compare(base, shifted(1.03)), 'F-8', 'sec/op');
    expect(masked).toMatchObject({ verdict: 'unchanged', significant: true, suspect: true });
    expect(masked.reason).toMatch(/below the 4% threshold/);
    // The same +3% with tight samples: the intervals rule out 4%, so nothing to re-run.
    const tightBase = samples('F-8', 10, (i) => `${100 + (spread[i] - 100) * 0.1} ns/op`);
    expect(row(compare(tightBase, shifted(1.03, 0.1)), 'F-8', 'sec/op').suspect).toBeUndefined();
    // Faster, or not significant: never a suspect.
    expect(row(compare(base, shifted(0.97)), 'F-8', 'sec/op').suspect).toBeUndefined();
    expect(row(compare(base, shifted(1.005)), 'F-8', 'sec/op').suspect).toBeUndefined();
    // A counted regression is not a suspect either (confirmation scope 'all' takes those).
    const counted = row(compare(base, shifted(1.1)), 'F-8', 'sec/op');
    expect(counted.verdict).toBe('regression');
    expect(counted.suspect).toBeUndefined();
  });

  test('fdrFamily narrows the family to the rows under test; the others are judged on their own p', () => {
    // The 20 benchmarks above: among all 20, only the clear regression survives FDR; as a family
    // of the three shifted rows (as confirmation tests its suspects), the borderline ones do too.
    const family = new Set(['B0-8', 'B1-8', 'B2-8']);
    const r = compare(base, head, { fdr: true, threshold: 0, fdrFamily: (x) => family.has(x.name) });
    for (const x of r.rows) expect(x.q === undefined).toBe(!family.has(x.name));
    const shifted = r.rows.filter((x) => family.has(x.name));
    // BH over a family of three, written out by hand (p₁ ≤ p₂ ≤ p₃): q₃ = p₃, q₂ = min(q₃, 3p₂/2),
    // q₁ = min(q₂, 3p₁); not src/stats/fdr.ts, whose own examples are in stats.test.ts.
    const [p1, p2, p3] = shifted.map((x) => x.p!).sort((a, b) => a - b);
    const q3 = Math.min(1, p3);
    const q2 = Math.min(q3, (3 * p2) / 2);
    const q1 = Math.min(q2, 3 * p1);
    // Tied p-values share the q of the highest rank among them: the later entry wins in the Map.
    const qOf = new Map([[p1, q1], [p2, q2], [p3, q3]]);
    for (const x of shifted) expect(x.q).toBeCloseTo(qOf.get(x.p!)!, 15);
    const counted = (rows: typeof r.rows) => rows.filter((x) => family.has(x.name) && x.verdict === 'regression').length;
    expect(counted(compare(base, head, { fdr: true, threshold: 0 }).rows)).toBe(1);
    expect(counted(r.rows)).toBe(3);
    // Outside the family, a row's own p decides (it is no hypothesis, but its verdict stays honest).
    for (const x of r.rows.filter((y) => !family.has(y.name))) expect(x.verdict === 'regression').toBe(x.p! <= 0.05);
  });

  test('ungated units are left alone', () => {
    const r = compare(samples('F-8', 6, (i) => `1 ns/op ${i} widgets/op`), samples('F-8', 6, (i) => `1 ns/op ${i + 10} widgets/op`), { fdr: true });
    expect(row(r, 'F-8', 'widgets/op').q).toBeUndefined();
  });
});

describe('geomean rows', () => {
  test('per unit, as benchstat: over each side, the change over benchmarks on both', () => {
    const base = [...samples('A-8', 6, () => '100 ns/op'), ...samples('B-8', 6, () => '400 ns/op')];
    const head = [...samples('A-8', 6, () => '200 ns/op'), ...samples('B-8', 6, () => '400 ns/op')];
    const g = compare(base, head).geomean;
    expect(g).toHaveLength(1);
    expect(g[0].unit).toBe('sec/op');
    expect(g[0].base).toBeCloseTo(200e-9, 20);
    expect(g[0].head).toBeCloseTo(Math.sqrt(200 * 400) * 1e-9, 20);
    expect(g[0].deltaPercent).toBeCloseTo((Math.SQRT2 - 1) * 100, 10);
  });

  test('zeros: 0 → 0 counts as no change, a zero geomean is "?" with benchstat\'s warning', () => {
    const base = [...samples('A-8', 6, () => '1 ns/op 0 B/op'), ...samples('B-8', 6, () => '1 ns/op 8 B/op')];
    const g = compare(base, base).geomean.find((x) => x.unit === 'B/op')!;
    expect(g.base).toBeNaN();
    expect(g.deltaPercent).toBe(0);
    expect(g.baseWarnings).toEqual(['summaries must be >0 to compute geomean']);
  });
});

describe('on real go test output (fixtures/benchmod)', () => {
  let results: BenchResult[];
  beforeAll(() => {
    const out = execFileSync('go', ['test', '-run', '^$', '-bench', '.', '-benchmem', '-benchtime=20x', '-count=6', './...'], {
      cwd: join(ROOT, '__tests__', 'fixtures', 'benchmod'),
      encoding: 'utf8',
    });
    results = parseBenchText(out, 'go-test.txt').results;
  });

  const values = (name: string, pkg: string) =>
    results.filter((r) => r.name === name && r.pkg === pkg).map((r) => r.values.find((v) => v.unit === 'sec/op')!.value);

  test('a run against itself: every row present on both sides, nothing changed', () => {
    const r = compareResults(results, results);
    expect(r.rows.length).toBeGreaterThan(6);
    expect(new Set(r.rows.map((x) => x.package)).size).toBe(2);
    for (const x of r.rows) {
      // Tiny budgets give wide intervals: such rows are "noisy", never a change.
      expect(['unchanged', 'noisy']).toContain(x.verdict);
      expect(x.deltaPercent).toBe(0);
    }
  });

  test('the same run 10× slower is a regression wherever the samples separate', () => {
    const slower = results.map((r) => ({ ...r, values: r.values.map((v) => (v.unit === 'sec/op' ? { ...v, value: v.value * 10 } : v)) }));
    const r = compareResults(results, slower);
    const time = r.rows.filter((x) => x.unit === 'sec/op');
    // Tiny benchmarks at -benchtime=20x are noisy; only rows whose sides do not overlap are certain.
    const separated = time.filter((x) => Math.max(...values(x.name, x.package)) < 10 * Math.min(...values(x.name, x.package)));
    expect(separated.length).toBeGreaterThan(0);
    for (const x of separated) expect(x.verdict).toBe('regression');
    for (const g of r.geomean.filter((x) => x.unit === 'sec/op')) expect(g.deltaPercent).toBeCloseTo(900, 6);
  });
});
