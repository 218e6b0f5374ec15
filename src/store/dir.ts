/**
 * A run on disk: `run.json` (the versioned Run) beside the raw outputs and profiles it names.
 * The same layout is the baseline artifact's content, `benchgate baseline --out`'s output and
 * each side of `benchgate run --out`.
 */
import { readFile, writeFile, rename, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { BenchgateError } from '../errors.js';
import type { Run } from '../types.js';
import { computeChecksums, verifyChecksums, type Integrity } from './checksums.js';

export const RUN_FILE = 'run.json';

/**
 * The history a baseline carries (src/history/store.ts). run.json lists its SHA-256 with the run's
 * files, but loadRun leaves it to the history's reader: a damaged history costs the trend, never
 * the baseline.
 */
export const HISTORY_FILE = 'history.json';

/** A Run and the directory its relative file paths resolve against. */
export interface StoredRun {
  run: Run;
  dir: string;
  /** Set by loadRun: the files matched their checksums, or why they were not checked. */
  integrity?: Integrity;
  /** The test binaries that measured it (import path → file), where the runner kept them (local.ts). */
  binaries?: ReadonlyMap<string, string>;
}

/**
 * Writes run.json atomically, so a crash never leaves a half-written baseline behind, with the
 * SHA-256 of every file it names and of history.json as they are in `dir` now (store/checksums.ts):
 * write the history first.
 */
export async function saveRun(run: Run, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, RUN_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  const stored: Run = { ...run, checksums: await computeChecksums(run, dir, [HISTORY_FILE]) };
  await writeFile(tmp, JSON.stringify(stored, null, 1) + '\n');
  await rename(tmp, path);
  return path;
}

export async function loadRun(dir: string): Promise<StoredRun> {
  const path = join(dir, RUN_FILE);
  const run = await readRunFile(path);
  // A stored run whose files changed since it was written is refused like a corrupt one.
  return { run, dir, integrity: await verifyChecksums(run, dir, path, [HISTORY_FILE]) };
}

/** run.json read and checked in shape, its files not yet verified (loadRun does that). */
export async function readRunFile(path: string): Promise<Run> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new BenchgateError(`cannot read the stored run: ${(e as Error).message}`, 'baseline', { file: path });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BenchgateError(`not valid JSON: ${(e as Error).message}`, 'baseline', { file: path });
  }
  return validateRun(value, path);
}

/** Checks the shape enough that the rest of the code can trust it; names what is wrong. */
export function validateRun(value: unknown, file: string): Run {
  const fail = (what: string): never => {
    throw new BenchgateError(`not a benchgate run: ${what}`, 'baseline', { file });
  };
  if (typeof value !== 'object' || value === null) return fail('expected a JSON object');
  const r = value as Partial<Run>;
  if (r.schema !== 1) return fail(`unsupported schema ${JSON.stringify(r.schema)} (this benchgate reads schema 1)`);
  if (!Array.isArray(r.results)) return fail('"results" is not an array');
  if (!Array.isArray(r.packages)) return fail('"packages" is not an array');
  if (typeof r.env !== 'object' || r.env === null) return fail('"env" is missing');
  if (r.pairPlan !== undefined) {
    const { count, maxPairs } = (r.pairPlan ?? {}) as { count?: unknown; maxPairs?: unknown };
    const ok = (x: unknown) => Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 100_000;
    if (!ok(count) || !ok(maxPairs) || (maxPairs as number) < (count as number)) {
      fail(`"pairPlan" is ${JSON.stringify(r.pairPlan)} (expected whole numbers 1 ≤ count ≤ maxPairs)`);
    }
  }
  if (r.pairing !== undefined && r.pairing !== 'sequential' && r.pairing !== 'duet') {
    fail(`"pairing" is ${JSON.stringify(r.pairing)} (expected "sequential" or "duet")`);
  }
  for (const [i, res] of r.results.entries()) {
    if (typeof res?.name !== 'string' || typeof res?.pkg !== 'string' || !Array.isArray(res?.values)) {
      fail(`results[${i}] lacks pkg, name or values`);
    }
    if (res.pair !== undefined && (typeof res.pair !== 'number' || !Number.isInteger(res.pair))) {
      fail(`results[${i}].pair is not an integer`);
    }
    if (res.pairing !== undefined && res.pairing !== 'sequential' && res.pairing !== 'duet') {
      fail(`results[${i}].pairing is ${JSON.stringify(res.pairing)} (expected "sequential" or "duet")`);
    }
    for (const v of res.values) {
      if (typeof v?.unit !== 'string' || typeof v?.value !== 'number') fail(`results[${i}] has a bad value`);
    }
  }
  // Paths come from an artifact: refuse anything that could read outside the run directory.
  const checkPaths = (files: unknown, where: string) => {
    if (!Array.isArray(files)) fail(`${where} is not an array`);
    for (const f of files as unknown[]) {
      if (typeof f !== 'string' || f.startsWith('/') || f.split(/[\\/]/).includes('..')) {
        fail(`${where} has an unsafe path ${JSON.stringify(f)}`);
      }
    }
  };
  if (r.checksums !== undefined) {
    const sums: unknown = r.checksums;
    if (typeof sums !== 'object' || sums === null || Array.isArray(sums)) fail('"checksums" is not an object');
    checkPaths(Object.keys(sums as object), '"checksums"');
    for (const [f, h] of Object.entries(sums as Record<string, unknown>)) {
      if (typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h)) fail(`"checksums"[${JSON.stringify(f)}] is not a SHA-256 in hex`);
    }
  }
  for (const [i, p] of r.packages.entries()) {
    if (typeof p?.pkg !== 'string') fail(`packages[${i}] lacks pkg`);
    for (const key of ['outputFiles', 'cpuProfiles', 'memProfiles'] as const) checkPaths(p[key], `packages[${i}].${key}`);
    if (p.benchmarkProfiles !== undefined) {
      const bp: unknown = p.benchmarkProfiles;
      if (typeof bp !== 'object' || bp === null || Array.isArray(bp)) fail(`packages[${i}].benchmarkProfiles is not an object`);
      for (const [name, files] of Object.entries(bp as Record<string, unknown>)) {
        if (typeof files !== 'object' || files === null) fail(`packages[${i}].benchmarkProfiles[${JSON.stringify(name)}] is not an object`);
        for (const kind of ['cpu', 'mem'] as const) {
          checkPaths((files as Record<string, unknown>)[kind], `packages[${i}].benchmarkProfiles[${JSON.stringify(name)}].${kind}`);
        }
      }
    }
  }
  return { units: {}, incomplete: false, commit: '', ref: '', time: '', ...r } as Run;
}
