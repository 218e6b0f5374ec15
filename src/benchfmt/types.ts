/** What parsing one benchmark output file yields. */

import type { BenchResult, UnitMetadata } from '../types.js';
import type { Warning, Where } from '../errors.js';

export interface ParsedBench {
  /** One entry per result line (one sample), in input order. */
  results: BenchResult[];
  /** `Unit` metadata lines, keyed by tidied unit. */
  units: UnitMetadata;
  /** Malformed lines and conflicting metadata: reported, not fatal (benchstat's behaviour). */
  warnings: Warning[];
  /** Failing benchmarks, panics, packages that failed or did not build: shown to the user. */
  failures: BenchFailure[];
}

export interface BenchFailure {
  /** Import path, '' when the output does not say. */
  pkg: string;
  /** Benchmark name without the `Benchmark` prefix, when the failure belongs to one benchmark. */
  name?: string;
  /** The failure line and the log or compiler lines that explain it, trimmed. */
  message: string;
  where: Where;
}
