/**
 * main's history (src/history/): the entry a baseline run adds, the window kept, a damaged
 * history.json refused with its file named, the sparkline, step changes in synthetic histories
 * (no step → nothing; a +10% step → named), the trend page (self-contained, every name escaped)
 * and the sparkline column of the PR comment.
 */
import { evaluateGate } from '../src/compare/gate.js';
import { BenchgateError } from '../src/errors.js';
import { appendHistory, allSeries, historyEntry, historyForRows, parseHistory, type History, type HistoryEntry } from '../src/history/history.js';
import { renderHistoryPage, stepsMarkdown } from '../src/history/render.js';
import { detectSteps, sparkline, trendOf } from '../src/history/trend.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { BenchResult, CompareReport, CompareRow } from '../src/types.js';

const PKG = 'example.com/m/calc';

function result(name: string, ns: number, allocs = 1): BenchResult {
  return { pkg: PKG, name, config: {}, iterations: 100, values: [{ unit: 'sec/op', value: ns * 1e-9 }, { unit: 'allocs/op', value: allocs }] };
}

function entry(i: number, medians: Record<string, number>): HistoryEntry {
  const names: Record<string, Record<string, number>> = {};
  for (const [name, v] of Object.entries(medians)) names[name] = { 'sec/op': v };
  return { commit: i.toString(16).padStart(40, 'a'), time: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z`, medians: { [PKG]: names } };
}

/** A deterministic wobble of ±1% around `level`, like medians of a quiet runner. */
function history(levels: number[]): History {
  return { schema: 1, entries: levels.map((level, i) => entry(i, { Sum: level * (1 + 0.01 * Math.sin(i * 2.3)), Flat: 100 })) };
}

describe('the entry a run adds', () => {
  test('one median per benchmark and unit, with commit, time and run id', () => {
    const run = { commit: 'c'.repeat(40), time: '2026-11-29T12:00:00Z', ref: 'main', results: [result('Sum', 30), result('Sum', 10), result('Sum', 20), result('Join', 5, 2)] };
    const e = historyEntry(run, 77);
    expect(e).toMatchObject({ commit: 'c'.repeat(40), time: '2026-11-29T12:00:00Z', runId: 77, ref: 'main' });
    expect(e.medians[PKG].Sum['sec/op']).toBeCloseTo(20e-9, 15);
    expect(e.medians[PKG].Sum['allocs/op']).toBe(1);
    expect(e.medians[PKG].Join).toEqual({ 'sec/op': 5e-9, 'allocs/op': 2 });
    // It round-trips through the file format.
    expect(parseHistory(JSON.stringify(appendHistory(null, e)), 'h.json').entries[0]).toEqual(JSON.parse(JSON.stringify(e)));
  });

  test('a benchmark or unit named like an Object property stays data', () => {
    const e = historyEntry({ commit: '', time: '', ref: '', results: [{ ...result('__proto__', 1), values: [{ unit: '__proto__', value: 3 }] }] });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
    const h = parseHistory(JSON.stringify(appendHistory(null, e)), 'h.json');
    expect(allSeries(h)).toEqual([{ pkg: PKG, name: '__proto__', unit: '__proto__', values: [3] }]);
  });

  test('the newest N runs are kept, oldest first', () => {
    let h: History | null = null;
    for (let i = 0; i < 7; i++) h = appendHistory(h, entry(i, { Sum: i }), 5);
    expect(h!.entries.map((e) => e.medians[PKG].Sum['sec/op'])).toEqual([2, 3, 4, 5, 6]);
  });
});

test("a report carries only its rows' last runs", () => {
  const h = history([1, 2, 3, 4, 5]);
  const cut = historyForRows(h, [{ package: PKG, name: 'Sum', unit: 'sec/op' }, { package: PKG, name: 'Gone', unit: 'sec/op' }], 3);
  expect(cut.entries.map((e) => e.commit)).toEqual(h.entries.slice(-3).map((e) => e.commit));
  expect(allSeries(cut).map((s) => `${s.name} ${s.values.length}`)).toEqual(['Sum 3']);
  expect(parseHistory(JSON.stringify(cut), 'report.json')).toEqual(JSON.parse(JSON.stringify(cut)));
});

describe('a damaged history.json is refused, naming the file and the fault', () => {
  test.each([
    ['{', /h\.json: not a benchgate history: not valid JSON/],
    ['{"schema":2,"entries":[]}', /unsupported schema 2/],
    ['{"schema":1}', /"entries" is not an array/],
    ['{"schema":1,"entries":[{"commit":"x","time":"t","medians":{"p":{"B":{"sec/op":"fast"}}}}]}', /entries\[0\]: p B sec\/op is not a finite number/],
    ['{"schema":1,"entries":[{"commit":1,"time":"t","medians":{}}]}', /entries\[0\] lacks commit or time/],
  ])('%s', (text, message) => {
    expect(() => parseHistory(text, 'h.json')).toThrow(BenchgateError);
    expect(() => parseHistory(text, 'h.json')).toThrow(message);
  });
});

describe('sparkline', () => {
  test('scales from the smallest to the largest value', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([10, 80, 10])).toBe('▁█▁');
  });
  test('flat, missing and empty', () => {
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([1, null, 2])).toBe('▁·█');
    expect(sparkline([])).toBe('');
  });
  test("a benchmark's trend: its last runs; nothing with fewer than two", () => {
    const h = history([10, 10, 10, 20, 20]);
    expect(trendOf(h, PKG, 'Flat', 'sec/op')).toBe('▄▄▄▄▄');
    expect(trendOf(h, PKG, 'Sum', 'sec/op', 3)).toMatch(/^[▁▂]{1}[▇█]{2}$/);
    expect(trendOf(h, PKG, 'Missing', 'sec/op')).toBe('');
    expect(trendOf(appendHistory(null, entry(0, { Sum: 1 })), PKG, 'Sum', 'sec/op')).toBe('');
    expect(trendOf(null, PKG, 'Sum', 'sec/op')).toBe('');
  });
});

describe('step changes in the history', () => {
  const opts = { window: 5, alpha: 0.05, threshold: 5 };
  test('no step: nothing named', () => {
    expect(detectSteps(history(Array(30).fill(100)), opts)).toEqual([]);
  });
  test('a +10% step in the last five runs: named, as worse, with the commits around it', () => {
    const h = history([...Array(20).fill(100), ...Array(5).fill(110)]);
    const steps = detectSteps(h, opts);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ pkg: PKG, name: 'Sum', unit: 'sec/op', worse: true, fromCommit: h.entries[19].commit, toCommit: h.entries[24].commit });
    expect(steps[0].deltaPercent).toBeGreaterThan(8);
    expect(steps[0].deltaPercent).toBeLessThan(12);
    expect(steps[0].p).toBeLessThan(0.05);
    expect(stepsMarkdown(steps, 5)).toMatch(/^#### ⚠️ Step changes in the history: 1 benchmark moved/);
    expect(stepsMarkdown(steps, 5)).toMatch(/🔴 `calc` Sum sec\/op: worse by \+\d+\.\d% /);
  });
  test('a step below the threshold, or too few runs, or one noisy run: nothing', () => {
    expect(detectSteps(history([...Array(20).fill(100), ...Array(5).fill(103)]), opts)).toEqual([]);
    expect(detectSteps(history([...Array(4).fill(100), ...Array(5).fill(110)]), opts)).toEqual([]);
    expect(detectSteps(history([...Array(24).fill(100), 150]), opts)).toEqual([]);
  });
  test('a faster step is named as better; a speed (B/s) going down as worse', () => {
    expect(detectSteps(history([...Array(10).fill(100), ...Array(5).fill(80)]), opts)[0]).toMatchObject({ worse: false });
    const speed: History = { schema: 1, entries: [...Array(5).fill(100), ...Array(5).fill(80)].map((v, i) => ({ ...entry(i, {}), medians: { [PKG]: { Copy: { 'B/s': v + i * 0.01 } } } })) };
    expect(detectSteps(speed, opts)[0]).toMatchObject({ unit: 'B/s', worse: true });
  });
});

describe('the trend page', () => {
  const hostile = '<script>alert(1)</script>"\'&';
  const h: History = {
    schema: 1,
    entries: [0, 1, 2].map((i): HistoryEntry => ({ commit: `${hostile}${i}`, time: `${hostile}`, medians: { [PKG + hostile]: { [`Sum${hostile}`]: { [`u${hostile}`]: i + 1 } }, [PKG]: { Join: { 'sec/op': 1e-6 * (i + 1) } } } })),
  };
  const page = renderHistoryPage(h, { title: `history of ${hostile}` });
  test('self-contained: no script, nothing fetched', () => {
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).not.toMatch(/<script|src=|href="http|@import|url\(/i);
    expect(page).toContain(`Content-Security-Policy" content="default-src 'none'`);
  });
  test('a chart per benchmark and unit, with each run as a point', () => {
    expect(page.match(/<svg /g)).toHaveLength(2);
    expect(page.match(/<circle /g)).toHaveLength(6);
    expect(page).toContain('<h3>Join</h3>');
  });
  test('every name, unit, commit and time escaped', () => {
    expect(page).not.toContain(hostile);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&#60;script&#62;alert(1)&#60;/script&#62;&#34;&#39;&#38;');
  });
});

describe("the PR comment's sparkline column", () => {
  const flagged: CompareRow = {
    package: PKG,
    name: 'Sum',
    unit: 'sec/op',
    base: { n: 10, center: 1e-7, lo: 0.98e-7, hi: 1.02e-7, warnings: [] },
    head: { n: 10, center: 2e-7, lo: 1.96e-7, hi: 2.04e-7, warnings: [] },
    deltaPercent: 100,
    p: 0.001,
    q: null,
    significant: true,
    verdict: 'regression',
    reason: 'p=0.001 ≤ α=0.05',
  };
  const report: CompareReport = { rows: [flagged], geomean: [], warnings: [], settings: { alpha: 0.05, confidence: 0.95, threshold: 5 } };
  const gate = evaluateGate(report, { failOn: 'regression', gateUnits: ['sec/op'], failOnUnconfirmed: false });
  const ctx = { gate, baseline: { source: 'artifact' as const, ref: 'main' } };
  test('with a history: a column of main’s last runs per flagged row', () => {
    const md = renderMarkdown(report, { ...ctx, history: history([100, 100, 100, 100, 130].map((x) => x * 1e-9)) });
    const [head, , first] = md.split('\n').filter((l) => l.startsWith('|'));
    expect(head).toMatch(/ base \| main trend \| +this PR /);
    expect(first).toMatch(/\| [▁▂▃▄▅▆▇█]{4}█ +\|/);
  });
  test('without one: the table is as before', () => {
    expect(renderMarkdown(report, ctx)).not.toContain('trend');
  });
});
