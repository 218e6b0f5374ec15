/**
 * The history of the base branch: each baseline run appends the medians it measured (per package,
 * benchmark and unit) to the history it carries forward from the previous baseline, keeping the
 * last N runs. Compact on purpose: one number per benchmark and unit per run, so that a hundred
 * runs of a large suite stay a small file in every baseline artifact. Pure: data in, data out.
 */
import { BenchgateError } from '../errors.js';
import { medianSorted } from '../stats/median.js';
import { sortedCopy } from '../stats/mannwhitney.js';
import type { Run } from '../types.js';

export const HISTORY_SCHEMA = 1;
export const DEFAULT_HISTORY_LENGTH = 100;

/** Medians of one run: package → benchmark name → unit → median. */
export type Medians = Record<string, Record<string, Record<string, number>>>;

export interface HistoryEntry {
  /** The commit the run measured ('' when not known). */
  commit: string;
  /** ISO time the run started. */
  time: string;
  /** The workflow run that recorded it, when it was the action. */
  runId?: number;
  ref?: string;
  medians: Medians;
}

export interface History {
  schema: typeof HISTORY_SCHEMA;
  /** Oldest first. */
  entries: HistoryEntry[];
}

/** One benchmark and unit across the history: the value per entry, null where it did not run. */
export interface Series {
  pkg: string;
  name: string;
  unit: string;
  values: (number | null)[];
}

/**
 * The part of a history a report needs: the given benchmarks' units over the last `last` runs,
 * so that a report can carry its rows' trends without carrying the whole history.
 */
export function historyForRows(history: History, rows: readonly { package: string; name: string; unit: string }[], last = 20): History {
  const entries = history.entries.slice(-last).map((e) => {
    const medians: Medians = Object.create(null);
    for (const r of rows) {
      const v = own(own(own(e.medians, r.package), r.name), r.unit);
      if (v === undefined) continue;
      const names = (medians[r.package] ??= Object.create(null) as Record<string, Record<string, number>>);
      (names[r.name] ??= Object.create(null) as Record<string, number>)[r.unit] = v;
    }
    return { commit: e.commit, time: e.time, medians };
  });
  return { schema: HISTORY_SCHEMA, entries };
}

/** The entry a run adds: the median of its samples per benchmark and unit. */
export function historyEntry(run: Pick<Run, 'commit' | 'time' | 'ref' | 'results'>, runId?: number): HistoryEntry {
  const samples = new Map<string, { pkg: string; name: string; unit: string; values: number[] }>();
  for (const r of run.results) {
    for (const v of r.values) {
      const key = `${r.pkg}\u0000${r.name}\u0000${v.unit}`;
      let s = samples.get(key);
      if (!s) samples.set(key, (s = { pkg: r.pkg, name: r.name, unit: v.unit, values: [] }));
      s.values.push(v.value);
    }
  }
  // Names and units come from benchmark output: no key may reach an object's prototype.
  const medians: Medians = Object.create(null);
  for (const s of samples.values()) {
    const m = medianSorted(sortedCopy(s.values));
    if (!Number.isFinite(m)) continue;
    const names = (medians[s.pkg] ??= Object.create(null) as Record<string, Record<string, number>>);
    (names[s.name] ??= Object.create(null) as Record<string, number>)[s.unit] = m;
  }
  return { commit: run.commit, time: run.time, ...(runId ? { runId } : {}), ...(run.ref ? { ref: run.ref } : {}), medians };
}

/**
 * The history with `entry` appended, keeping the newest `length`. Every run is an entry, a
 * scheduled run of an unchanged commit too: it shows how the runners drift.
 */
export function appendHistory(history: History | null, entry: HistoryEntry, length = DEFAULT_HISTORY_LENGTH): History {
  return { schema: HISTORY_SCHEMA, entries: [...(history?.entries ?? []), entry].slice(-Math.max(1, length)) };
}

/**
 * The history of a baseline merged from shards: the union of the parts' histories. Each part
 * carried the same previous baseline's history forward and appended its own shard's medians, so
 * an entry is one baseline run seen by several parts: entries of the same run (commit and run id)
 * are joined into one, with every part's medians; an entry only some parts have (a part whose
 * carrying failed) is kept with what it has. Repeated runs of one commit without a run id (the
 * CLI's) are told apart by their place counted from the newest, where the parts agree: they all
 * end with the run being merged. Order follows the parts' own (oldest first); at most as many
 * entries are kept as the longest part kept. A median two parts both have (a carried entry) is
 * the first part's.
 */
export function joinHistories(histories: readonly History[]): History {
  const joined: { id: string; entry: HistoryEntry }[] = [];
  for (const h of histories) {
    const seen = new Map<string, number>();
    const ids = h.entries
      .map((e) => [e.commit, e.runId ?? ''].join('\u0000'))
      .reverse()
      .map((key) => {
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        return `${key}\u0000${n}`;
      })
      .reverse();
    // Where this part's next new entry goes: after the last of its entries already placed.
    let at = 0;
    for (const [i, e] of h.entries.entries()) {
      const j = joined.findIndex((x) => x.id === ids[i]);
      if (j >= 0) {
        joined[j].entry = joinEntries(joined[j].entry, e);
        at = Math.max(at, j + 1);
      } else {
        joined.splice(at, 0, { id: ids[i], entry: joinEntries(undefined, e) });
        at++;
      }
    }
  }
  const length = Math.max(1, ...histories.map((h) => h.entries.length));
  return { schema: HISTORY_SCHEMA, entries: joined.slice(-length).map((x) => x.entry) };
}

/** One run's entry from two parts: the earliest start (as mergeRuns), each part's medians. */
function joinEntries(a: HistoryEntry | undefined, b: HistoryEntry): HistoryEntry {
  const medians: Medians = Object.create(null);
  for (const m of [a?.medians ?? {}, b.medians]) {
    for (const [pkg, names] of Object.entries(m)) {
      const into = (medians[pkg] ??= Object.create(null) as Record<string, Record<string, number>>);
      for (const [name, units] of Object.entries(names)) {
        const u = (into[name] ??= Object.create(null) as Record<string, number>);
        for (const [unit, v] of Object.entries(units)) if (!Object.hasOwn(u, unit)) u[unit] = v;
      }
    }
  }
  const time = a && a.time && (!b.time || a.time <= b.time) ? a.time : b.time;
  const runId = a?.runId ?? b.runId;
  const ref = a?.ref || b.ref;
  return { commit: b.commit, time, ...(runId ? { runId } : {}), ...(ref ? { ref } : {}), medians };
}

/** Every benchmark and unit of the history, sorted by package, name and unit. */
export function allSeries(history: History): Series[] {
  const keys = new Map<string, { pkg: string; name: string; unit: string }>();
  for (const e of history.entries) {
    for (const [pkg, names] of Object.entries(e.medians)) {
      for (const [name, units] of Object.entries(names)) {
        for (const unit of Object.keys(units)) keys.set(`${pkg}\u0000${name}\u0000${unit}`, { pkg, name, unit });
      }
    }
  }
  const sorted = [...keys.values()].sort((a, b) => cmp(a.pkg, b.pkg) || cmp(a.name, b.name) || cmp(a.unit, b.unit));
  return sorted.map((k) => seriesOf(history, k.pkg, k.name, k.unit));
}

export function seriesOf(history: History, pkg: string, name: string, unit: string): Series {
  return { pkg, name, unit, values: history.entries.map((e) => own(own(own(e.medians, pkg), name), unit) ?? null) };
}

function own<T>(o: Record<string, T> | undefined, key: string): T | undefined {
  return o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads history.json; throws a BenchgateError naming the file and what is wrong. It comes from
 * an artifact: every value is checked before it reaches a chart or a comment.
 */
export function parseHistory(text: string, file: string): History {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new BenchgateError(`not a benchgate history: not valid JSON: ${(e as Error).message}`, 'history', { file });
  }
  return validateHistory(v, file);
}

/** A parsed value checked to be a History (see parseHistory). */
export function validateHistory(v: unknown, file: string): History {
  const fail = (what: string): never => {
    throw new BenchgateError(`not a benchgate history: ${what}`, 'history', { file });
  };
  const h = v as Partial<History> | null;
  if (typeof h !== 'object' || h === null) return fail('expected a JSON object');
  if (h.schema !== HISTORY_SCHEMA) return fail(`unsupported schema ${JSON.stringify(h.schema)} (this benchgate reads schema ${HISTORY_SCHEMA})`);
  if (!Array.isArray(h.entries)) return fail('"entries" is not an array');
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const entries = h.entries.map((e: unknown, i): HistoryEntry => {
    const at = `entries[${i}]`;
    if (!isObject(e)) return fail(`${at} is not an object`);
    if (typeof e.commit !== 'string' || typeof e.time !== 'string') fail(`${at} lacks commit or time`);
    if (e.runId !== undefined && !Number.isSafeInteger(e.runId)) fail(`${at}.runId is not an integer`);
    if (e.ref !== undefined && typeof e.ref !== 'string') fail(`${at}.ref is not a string`);
    if (!isObject(e.medians)) return fail(`${at}.medians is not an object`);
    for (const [pkg, names] of Object.entries(e.medians)) {
      if (!isObject(names)) fail(`${at}.medians[${JSON.stringify(pkg)}] is not an object`);
      for (const [name, units] of Object.entries(names as Record<string, unknown>)) {
        if (!isObject(units)) fail(`${at}.medians[${JSON.stringify(pkg)}][${JSON.stringify(name)}] is not an object`);
        for (const [unit, x] of Object.entries(units as Record<string, unknown>)) {
          if (typeof x !== 'number' || !Number.isFinite(x)) fail(`${at}: ${pkg} ${name} ${unit} is not a finite number`);
        }
      }
    }
    return e as unknown as HistoryEntry;
  });
  return { schema: HISTORY_SCHEMA, entries };
}
