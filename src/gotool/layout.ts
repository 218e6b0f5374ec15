/**
 * Where a run's files go, and turning those files back into results. A run directory is
 * self-contained (it is what a baseline artifact holds): `run.json` paths are relative to it.
 *
 *   <run dir>/<package slug>/bench.txt, cpu.pprof, mem.pprof          (one go test per package)
 *   <run dir>/<package slug>/<leaf slug>/round-01.txt, cpu-01.pprof, mem-01.pprof
 *                                        (alternating rounds in pairs: one leaf benchmark a process)
 *   <run dir>/<package slug>/list-cpu2.txt (a listing run: names the leaves; 1x, so no sample and
 *                                           not among the output files)
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBenchText } from '../benchfmt/index.js';
import type { Warning } from '../errors.js';
import { isFailedPackage } from '../failures.js';
import type { BenchResult, Fingerprint, PackageRun, Run, UnitMetadata } from '../types.js';

/**
 * A directory name for a package: readable, and unique even where sanitising makes two import
 * paths look alike (`a/b_c` and `a_b/c`), thanks to a short hash of the exact path.
 */
export function packageSlug(importPath: string): string {
  const readable = importPath.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(-80);
  const hash = createHash('sha256').update(importPath).digest('hex').slice(0, 8);
  return `${readable || 'pkg'}-${hash}`;
}

/** Whether a profile file was written and holds data (a crashed benchmark leaves it empty or absent). */
export async function nonEmptyFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}

export interface CollectedResults {
  results: BenchResult[];
  units: UnitMetadata;
  warnings: Warning[];
}

/**
 * Parses every package's raw outputs. Output cut short by a crash may lack the `pkg:` line; the
 * runner knows which package it ran, so such results get that package.
 */
export async function collectResults(runDir: string, packages: readonly PackageRun[]): Promise<CollectedResults> {
  const results: BenchResult[] = [];
  const units: UnitMetadata = {};
  const warnings: Warning[] = [];
  for (const p of packages) {
    for (const file of p.outputFiles) {
      const text = await readFile(join(runDir, file), 'utf8');
      const parsed = parseBenchText(text, file);
      for (const r of parsed.results) {
        results.push(r.pkg === '' ? { ...r, pkg: p.pkg, config: { ...r.config, pkg: p.pkg } } : r);
      }
      for (const [unit, meta] of Object.entries(parsed.units)) units[unit] = { ...units[unit], ...meta };
      warnings.push(...parsed.warnings);
    }
  }
  return { results, units, warnings };
}

/** A side's Run from its package runs and what their outputs held. */
export function assembleRun(
  side: { commit?: string; ref?: string; started: Date; env: Fingerprint },
  packages: PackageRun[],
  collected: CollectedResults,
): Run {
  return {
    schema: 1,
    commit: side.commit ?? '',
    ref: side.ref ?? '',
    time: side.started.toISOString(),
    env: side.env,
    packages,
    results: collected.results,
    units: collected.units,
    incomplete: packages.some(isFailedPackage),
  };
}
