/**
 * The history of a baseline merged from shards (joinHistories): the parts' histories joined entry
 * by entry (one baseline run seen by several parts is one entry with every part's medians), an
 * entry only some parts have kept with what it has, repeated runs of one commit kept apart, the
 * parts' order kept, and no more entries than the longest part kept.
 */
import { joinHistories, type History, type HistoryEntry } from '../src/history/history.js';
import { trendOf } from '../src/history/trend.js';

const A = 'example.com/m/a';
const B = 'example.com/m/b';

function entry(commit: string, time: string, medians: HistoryEntry['medians'], runId?: number): HistoryEntry {
  return { commit: commit.repeat(40), time, ...(runId ? { runId } : {}), medians };
}

const h = (...entries: HistoryEntry[]): History => ({ schema: 1, entries });

describe('joinHistories', () => {
  test("entries of the same run across parts are one entry with each part's medians", () => {
    // Both parts carried the same previous merged history (run 1, every benchmark) and appended
    // their own shard of run 2.
    const previous = entry('1', '2026-11-01T10:00:00Z', { [A]: { X: { 'sec/op': 1 } }, [B]: { Y: { 'sec/op': 2 } } }, 11);
    const p1 = h(previous, entry('2', '2026-11-02T10:00:05Z', { [A]: { X: { 'sec/op': 1.5 } } }, 12));
    const p2 = h(previous, entry('2', '2026-11-02T10:00:01Z', { [B]: { Y: { 'sec/op': 2.5 } } }, 12));
    const joined = joinHistories([p1, p2]);
    expect(joined.entries).toEqual([previous, entry('2', '2026-11-02T10:00:01Z', { [A]: { X: { 'sec/op': 1.5 } }, [B]: { Y: { 'sec/op': 2.5 } } }, 12)]);
    // Every shard's benchmark has its trend.
    expect(trendOf(joined, A, 'X', 'sec/op')).toBe('▁█');
    expect(trendOf(joined, B, 'Y', 'sec/op')).toBe('▁█');
  });

  test('an entry only some parts have is kept with what it has, in its place', () => {
    const e1 = entry('1', 't1', { [A]: { X: { 'sec/op': 1 } } }, 1);
    const e2 = entry('2', 't2', { [A]: { X: { 'sec/op': 2 } }, [B]: { Y: { 'sec/op': 2 } } }, 2);
    // Part 2 could not fetch the previous baseline: its history started anew with run 3.
    const p1 = h(e1, e2, entry('3', 't3', { [A]: { X: { 'sec/op': 3 } } }, 3));
    const p2 = h(entry('3', 't3', { [B]: { Y: { 'sec/op': 3 } } }, 3));
    const joined = joinHistories([p2, p1]);
    expect(joined.entries.map((e) => [e.runId, Object.keys(e.medians).sort()])).toEqual([
      [1, [A]],
      [2, [A, B]],
      [3, [A, B]],
    ]);
  });

  test('repeated runs of one commit without a run id (the CLI) stay apart, matched from the newest', () => {
    const old = entry('c', 't1', { [A]: { X: { 'sec/op': 1 } }, [B]: { Y: { 'sec/op': 1 } } });
    const p1 = h(old, entry('c', 't2', { [A]: { X: { 'sec/op': 2 } } }));
    // This part's carry failed: only the newest run, of the same commit.
    const p2 = h(entry('c', 't2', { [B]: { Y: { 'sec/op': 2 } } }));
    const joined = joinHistories([p1, p2]);
    expect(joined.entries).toHaveLength(2);
    expect(joined.entries[0]).toEqual(old);
    expect(joined.entries[1].medians).toEqual({ [A]: { X: { 'sec/op': 2 } }, [B]: { Y: { 'sec/op': 2 } } });
  });

  test('no more entries than the longest part kept; a median both parts have is the first part’s', () => {
    const p1 = h(entry('1', 't1', { [A]: { X: { 'sec/op': 1 } } }, 1), entry('2', 't2', { [A]: { X: { 'sec/op': 2 } } }, 2));
    const p2 = h(entry('0', 't0', { [A]: { X: { 'sec/op': 7 } } }, 9), entry('2', 't2', { [A]: { X: { 'sec/op': 5 } } }, 2));
    const joined = joinHistories([p1, p2]);
    // Run 9, only in part 2, goes before what part 2 has after it; the oldest is cut.
    expect(joined.entries.map((e) => e.runId)).toEqual([1, 2]);
    expect(joined.entries[1].medians[A].X['sec/op']).toBe(2);
  });

  test('names from benchmark output never reach a prototype', () => {
    const p1 = h(entry('1', 't', JSON.parse('{"__proto__": {"x": {"sec/op": 1}}}')));
    const p2 = h(entry('1', 't', JSON.parse('{"__proto__": {"y": {"sec/op": 2}}}')));
    const joined = joinHistories([p1, p2]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.entries(joined.entries[0].medians).map(([pkg, names]) => [pkg, Object.keys(names).sort()])).toEqual([['__proto__', ['x', 'y']]]);
  });

  test('one part: its history as it is', () => {
    const p = h(entry('1', 't1', { [A]: { X: { 'sec/op': 1 } } }, 1), entry('1', 't2', { [A]: { X: { 'sec/op': 1 } } }, 2));
    expect(joinHistories([p])).toEqual(p);
  });
});
