/**
 * formatText against the real benchstat: the same generated base/head files go through
 * benchstat and through parseBenchText → compareResults → formatText; both tables are parsed
 * back and every number cell benchstat prints must be identical in ours (centers, ± ranges,
 * deltas or "~", "(p=… n=…)", geomeans). Layout and footnotes need not be byte-identical.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseBenchText } from '../src/benchfmt/index.js';
import { compareResults } from '../src/compare/index.js';
import { formatText } from '../src/report/text.js';
import {
  commonScale,
  formatFixed,
  formatGoV,
  formatScaled,
  pctRange,
  unitClass,
} from '../src/report/format.js';
import { BENCHSTAT } from './helpers/tools.js';
import { prng } from './reference/benchmath/reference.js';
import fc from 'fast-check';

const SEED = 77031;

/** Cells of one table row, by group: base [center, range], head [center, range, delta, (p n)]. */
interface ParsedRow {
  base: string[];
  head: string[];
}

/** Parses benchstat-style tables: key `${pkg}|${unit}|${name}`. */
export function parseTables(text: string): Map<string, ParsedRow> {
  const rows = new Map<string, ParsedRow>();
  let pkg = '';
  let unit = '';
  let bars: number[] = [];
  const superOnly = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/u;
  for (const line of text.split('\n')) {
    const chars = Array.from(line);
    if (line.startsWith('pkg: ')) {
      pkg = line.slice(5).trim();
      continue;
    }
    if (line.trim() === '' || /^[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(line) || /^\w+: /.test(line)) continue;
    if (line.includes('│')) {
      bars = chars.flatMap((c, i) => (c === '│' ? [i] : []));
      const between = chars.slice(bars[0] + 1, bars[1]).join('').trim();
      if (line.includes('vs base')) unit = between;
      continue;
    }
    // Tokens with their starting column.
    const tokens: { s: string; at: number }[] = [];
    for (let i = 0; i < chars.length; ) {
      if (chars[i] === ' ') {
        i++;
        continue;
      }
      let j = i;
      while (j < chars.length && chars[j] !== ' ') j++;
      tokens.push({ s: chars.slice(i, j).join(''), at: i });
      i = j;
    }
    const [name, ...rest] = tokens;
    const row: ParsedRow = { base: [], head: [] };
    let paren: string | null = null;
    for (const t of rest) {
      if (t.s === '±' || superOnly.test(t.s)) continue;
      const group = t.at > bars[1] ? row.head : row.base;
      if (paren !== null) {
        paren += ' ' + t.s;
        if (t.s.endsWith(')')) {
          group.push(paren);
          paren = null;
        }
        continue;
      }
      if (t.s.startsWith('(') && !t.s.endsWith(')')) paren = t.s;
      else group.push(t.s);
    }
    rows.set(`${pkg}|${unit}|${name.s}`, row);
  }
  return rows;
}

/** Generated benchmark output: several packages and units, ties, zeros, missing rows, few samples. */
function generate(seed: number): { base: string; head: string } {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const base: string[] = ['goos: linux', 'goarch: amd64', 'cpu: Test CPU @ 2.00GHz'];
  const head: string[] = [...base];
  for (const lines of [base, head]) lines.push('Unit frobs/op assume=exact');
  for (const pkg of ['example.com/m/alpha', 'example.com/m/beta']) {
    base.push(`pkg: ${pkg}`);
    head.push(`pkg: ${pkg}`);
    const nBench = 4 + Math.floor(rand() * 6);
    for (let b = 0; b < nBench; b++) {
      const name = `Bench${pick(['Parse', 'Encode', 'Walk', 'Sum'])}${b}/size=${pick([1, 64, 4096])}-8`;
      const ns = pick([0.3, 12, 950, 1.5e4, 2.2e6, 3e9]);
      const shift = pick([0, 0, 0.02, 0.1, -0.3, 1]);
      const bytes = pick([0, 16, 1024, 3 * 1048576]);
      const allocs = pick([0, 1, 7, 1200]);
      const deterministic = rand() < 0.7;
      const exactFrobs = rand() < 0.8;
      const nBase = pick([1, 3, 4, 5, 6, 10, 20, 30]);
      const nHead = rand() < 0.8 ? nBase : pick([2, 6, 10, 12]);
      const only = rand() < 0.1 ? pick(['base', 'head']) : null;
      const emit = (lines: string[], n: number, s: number) => {
        for (let i = 0; i < n; i++) {
          const noise = 1 + (rand() - 0.5) * 0.04 + (rand() < 0.1 ? rand() * 0.3 : 0);
          const t = +(ns * (1 + s) * noise).toPrecision(pick([2, 4, 6]));
          const bo = deterministic ? Math.round(bytes * (1 + s)) : bytes + Math.floor(rand() * 3);
          const al = deterministic ? Math.round(allocs * (1 + Math.max(s, 0))) : allocs + Math.floor(rand() * 2);
          const speed = +((1e9 / Math.max(t, 1e-3)) * 1e-6).toPrecision(4);
          const frobs = exactFrobs ? 5 : 5 + Math.floor(rand() * 3);
          lines.push(`Benchmark${name} \t ${100 + i}\t${t} ns/op\t${speed} MB/s\t${bo} B/op\t${al} allocs/op\t${frobs} frobs/op`);
        }
      };
      if (only !== 'head') emit(base, nBase, 0);
      if (only !== 'base') emit(head, nHead, shift);
    }
  }
  return { base: base.join('\n') + '\n', head: head.join('\n') + '\n' };
}

function runBoth(seed: number) {
  const dir = mkdtempSync(join(tmpdir(), 'benchgate-text-'));
  const { base, head } = generate(seed);
  writeFileSync(join(dir, 'base.txt'), base);
  writeFileSync(join(dir, 'head.txt'), head);
  const theirs = execFileSync(BENCHSTAT, ['base.txt', 'head.txt'], { cwd: dir, encoding: 'utf8' });
  const b = parseBenchText(base, 'base.txt');
  const h = parseBenchText(head, 'head.txt');
  const report = compareResults(b.results, h.results, { units: { ...b.units, ...h.units } });
  const ours = formatText(report);
  return { theirs, ours, report };
}

describe('number cells equal benchstat on generated suites', () => {
  for (const seed of [SEED, SEED + 1, SEED + 2, SEED + 3]) {
    test(`seed ${seed}`, () => {
      const { theirs, ours } = runBoth(seed);
      const t = parseTables(theirs);
      const o = parseTables(ours);
      expect(t.size).toBeGreaterThan(20);
      // Same rows (including geomean rows), same cells.
      expect([...o.keys()].sort()).toEqual([...t.keys()].sort());
      for (const [key, row] of t) expect({ key, ...o.get(key) }).toEqual({ key, ...row });
    });
  }

  test('the suites cover "~", deltas, "∞", exact units, missing rows and geomeans', () => {
    const all = [SEED, SEED + 1, SEED + 2, SEED + 3].map((s) => runBoth(s).theirs).join('\n');
    for (const needle of ['~', '∞', '(n=', 'p=1.000', 'geomean', 'Mi', 'µ', 'need >= 6 samples', 'need >= 4 samples', 'all samples are equal']) {
      expect({ needle, found: all.includes(needle) }).toEqual({ needle, found: true });
    }
    expect(all).toMatch(/[+-]\d+\.\d\d%/);
  });
});

describe('our footnotes explain every "~" and every verdict benchstat does not show', () => {
  test('a deterministic allocs/op change with 3 samples: benchstat says ~, we say why it counts', () => {
    const text = (allocs: number) =>
      ['pkg: example.com/m', ...[1, 2, 3].map((i) => `BenchmarkA-8 10 ${100 + i} ns/op ${allocs} allocs/op`)].join('\n') + '\n';
    const report = compareResults(parseBenchText(text(5), 'a').results, parseBenchText(text(6), 'b').results);
    const out = formatText(report);
    expect(out).toContain('need >= 4 samples to detect a difference at alpha level 0.05');
    expect(out).toContain('compared by value: deterministic on both sides');
    const allocRow = report.rows.find((r) => r.unit === 'allocs/op')!;
    expect(allocRow.verdict).toBe('regression');
  });
});

describe('rows too noisy to judge', () => {
  test('a short note each ("noisy: ±x% > 4%"), the advice once after the tables', () => {
    const lines = (name: string, spread: number, shift: number) =>
      [0.8, 1.2, 0.9, 1.1, 1, 0.7, 1.3, 0.95, 1.05, 1].map((f) => `Benchmark${name}-8 10 ${Math.round(1000 * shift * (1 + (f - 1) * spread))} ns/op`);
    const text = (shift: number) => ['pkg: example.com/m', ...lines('A', 1, shift), ...lines('B', 0.8, shift)].join('\n') + '\n';
    const report = compareResults(parseBenchText(text(1), 'a').results, parseBenchText(text(1.03), 'b').results, { threshold: 4 });
    expect(report.rows.map((r) => r.verdict)).toEqual(['noisy', 'noisy']);
    const out = formatText(report);
    for (const r of report.rows) expect(out).toContain(`noisy: ±${formatFixed(r.noisePercent!, 1)}% > 4%`);
    expect(out).not.toContain('no significant difference');
    expect(out.match(/longer -benchtime or more rounds/g)).toHaveLength(1);
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^noisy: too noisy to judge either way/);
  });
});

describe('Go number formatting', () => {
  test('round half to even on the exact binary value, signs, scaling', () => {
    expect(formatFixed(0.125, 2)).toBe('0.12'); // exactly halfway: even
    expect(formatFixed(0.375, 2)).toBe('0.38');
    expect(formatFixed(2.5, 0)).toBe('2');
    expect(formatFixed(1.005, 2)).toBe('1.00'); // 1.005 is 1.00499999… in binary
    expect(formatFixed(-0.001, 2)).toBe('-0.00');
    expect(formatFixed(1e21, 1)).toBe('1000000000000000000000.0');
    expect(formatGoV(0.95)).toBe('0.95');
    expect(formatGoV(1e6)).toBe('1e+06');
    expect(formatGoV(123456)).toBe('123456');
    expect(formatGoV(1.5e-5)).toBe('1.5e-05');
    expect(formatScaled(1.718e-6, commonScale([1.718e-6], unitClass('sec/op')))).toBe('1.718µ');
    expect(formatScaled(12.5 * 1048576, commonScale([12.5 * 1048576], unitClass('B/op')))).toBe('12.50Mi');
    expect(pctRange(100, 99, 101.4)).toBe('1%');
    expect(pctRange(1, NaN, 2)).toBe('∞');
    expect(pctRange(1, -1, 2)).toBe('?');
  });

  test('formatFixed agrees with toFixed except on exact binary ties', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 8 }), (x, prec) => {
        const ours = formatFixed(x, prec);
        const js = x.toFixed(prec);
        if (ours === js || (Object.is(x, -0) || (x < 0 && /^-0\.?0*$/.test(ours)))) return true;
        // Only a tie may differ: x's exact decimal expansion ends in a 5 right after the kept
        // digits (toFixed(40) is exact for such x: a tie has at most prec + 1 decimals).
        const frac = Math.abs(x).toFixed(40).split('.')[1];
        return frac[prec] === '5' && /^0*$/.test(frac.slice(prec + 1));
      }),
      { numRuns: 2000 },
    );
  });
});
