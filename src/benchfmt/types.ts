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

/** ParsedBench without the results, when a ResultSink took them. */
export interface ParsedBenchSummary extends Omit<ParsedBench, 'results'> {
  /** Result lines handed to the sink. */
  resultCount: number;
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

/**
 * One result line as the reader hands it on. The reader reuses the object and its arrays from one
 * line to the next: a sink copies what it keeps. Values are already tidied (`ns/op` → `sec/op`).
 */
export interface ResultLine {
  pkg: string;
  name: string;
  config: Readonly<Record<string, string>>;
  iterations: number;
  file: string;
  line: number;
  /** Number of (unit, value) pairs; `units` and `values` may be longer. */
  count: number;
  units: string[];
  values: Float64Array;
}

/**
 * Where the reader puts results. The default builds one BenchResult per line; `benchgate compare`
 * gives a sink that files each value straight into its benchmark's sample array instead, so that
 * a 400,000-line suite never exists as 400,000 objects.
 */
export interface ResultSink {
  add(r: Readonly<ResultLine>): void;
}
