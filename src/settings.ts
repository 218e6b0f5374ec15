/**
 * Settings shared by the two front doors (the action's inputs and the CLI's flags), validated once
 * here so that both reject the same bad values with the same messages.
 */
import { DEFAULT_THRESHOLD, type CompareOptions } from './compare/compare.js';
import { BenchgateError } from './errors.js';
import type { ProfileKind } from './gotool/flags.js';
import type { DuetPolicy } from './gotool/duet.js';
import type { UnitMetadata } from './types.js';
import type { ShardRequest } from './shard/plan.js';

/** What to run. */
export interface RunSettings {
  /** Go package patterns, e.g. ['./...']. */
  packages: string[];
  /** The -bench regular expression. */
  bench: string;
  /** Repetitions per side (-count, or alternating rounds). */
  count: number;
  /**
   * In alternating rounds, a benchmark may stop after this many rounds once its intervals rule out
   * a slowdown of the threshold (compare/settle.ts); `count` (or more) turns early stopping off.
   */
  minRounds: number;
  /**
   * In paired rounds, the most pairs a benchmark may earn when `count` could not judge one of its
   * rows (too noisy, or a held-back suspect whose interval reaches the threshold); `count` turns
   * the extension off. Default: 3 × count (maxRoundsOf).
   */
  maxRounds?: number;
  benchtime?: string;
  cpu?: string;
  /** go test -timeout per package invocation. */
  timeout?: string;
  /** Extra go test flags, already split into words. */
  extraFlags: string[];
  /** The profiles to capture, e.g. ['cpu', 'mem'] (attribution needs them); [] for none. */
  profiles: ProfileKind[];
  /** Duet pairs in paired rounds (gotool/duet.ts); default DEFAULT_DUET. */
  duet?: DuetPolicy;
  /**
   * Measure only these packages (import paths) of those `packages` finds: the affected selection
   * (gotool/affected.ts). Absent: every one.
   */
  only?: readonly string[];
  /** Measure only this shard of the suite (src/shard/); confirmation re-runs its suspects whole. */
  shard?: ShardRequest;
  /** GC and scheduler diagnosis of flagged rows (src/diagnose/); default true. */
  diagnose?: boolean;
}

export type { ProfileKind };
export const PROFILE_KINDS: readonly ProfileKind[] = ['cpu', 'mem'];

/**
 * The default `duet` setting of both front doors: the one constant to change when measurements
 * (bench/duet.mjs, README "Duet pairs") say otherwise. `auto` takes pairs at once only when the
 * guard finds the machine free, so on a busy host it costs nothing but the guard's readings.
 */
export const DEFAULT_DUET: DuetPolicy = 'auto';
export const DUET_CHOICES = ['auto', 'on', 'off'] as const;

/** How to judge. */
export interface VerdictSettings {
  alpha: number;
  confidence: number;
  /** Minimum effect in percent. */
  threshold: number;
  /** Benjamini–Hochberg across the gated rows; decide with q instead of p. */
  fdr: boolean;
  /** Units that can fail the gate. */
  gateUnits: string[];
}

export const DEFAULT_VERDICT: VerdictSettings = {
  alpha: 0.05,
  confidence: 0.95,
  threshold: DEFAULT_THRESHOLD,
  fdr: true,
  gateUnits: ['sec/op', 'B/op', 'allocs/op'],
};

export const DEFAULT_RUN: RunSettings = {
  packages: ['./...'],
  bench: '.',
  count: 10,
  minRounds: 6,
  extraFlags: [],
  profiles: ['cpu', 'mem'],
  duet: DEFAULT_DUET,
};

/** The extension's cap: `maxRounds`, else three times the planned count; never below the count. */
export function maxRoundsOf(run: Pick<RunSettings, 'count' | 'maxRounds'>): number {
  return Math.max(run.count, run.maxRounds ?? 3 * run.count);
}

/** `fail-on`: what fails the step. */
export type FailOn = 'regression' | 'regression-or-noisy' | 'none';
export const FAIL_ON_CHOICES: readonly FailOn[] = ['regression', 'regression-or-noisy', 'none'];

export function usageError(message: string): BenchgateError {
  return new BenchgateError(message, 'usage');
}

/** A number within [min, max]; `name` is the flag or input name, for the message. */
export function parseNumber(name: string, text: string, min: number, max: number): number {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw usageError(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

export function parseInteger(name: string, text: string, min: number, max: number): number {
  const value = parseNumber(name, text, min, max);
  if (!Number.isInteger(value)) throw usageError(`${name} must be a whole number, got "${text}"`);
  return value;
}

export function parseChoice<T extends string>(name: string, text: string, choices: readonly T[]): T {
  const value = text.trim() as T;
  if (!choices.includes(value)) {
    throw usageError(`${name} must be one of ${choices.join(', ')}, got "${text}"`);
  }
  return value;
}

/** A Go-style duration ("90s", "10m", "1h30m") in milliseconds. */
export function parseDuration(name: string, text: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const s = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (s === '' || matched !== s.length) {
    throw usageError(`${name} must be a duration such as 90s, 10m or 1h30m, got "${text}"`);
  }
  return total;
}

const GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/;

/**
 * `-benchtime` as `go test` takes it, a duration (`100ms`, `1m30s`) or a count (`100x`), checked
 * here: otherwise every benchmark run fails the same way after the build, and the run exits 3.
 */
export function parseBenchtime(name: string, text: string): string {
  const s = text.trim();
  if (/^[1-9]\d*x$/.test(s) || GO_DURATION.test(s)) return s;
  throw usageError(`${name} must be a duration such as 100ms or 2s, or a count such as 100x, got "${text}"`);
}

/** `-cpu` as `go test` takes it: a list of GOMAXPROCS values, each a whole number ≥ 1 (`1,2,4`). */
export function parseCpuList(name: string, text: string): string {
  const values = text.split(',').map((c) => c.trim());
  if (values.every((v) => /^[1-9]\d*$/.test(v))) return values.join(',');
  throw usageError(`${name} must be a list of GOMAXPROCS values, whole numbers from 1 (e.g. "1,2,4"), got "${text}"`);
}

/** The profiles input: a list of `cpu` and `mem` (`cpu,mem`, `cpu`), or `none` alone. */
export function parseProfiles(name: string, text: string): ProfileKind[] {
  const words = parseList(text.toLowerCase());
  if (words.length === 1 && words[0] === 'none') return [];
  const bad = words.filter((w) => !PROFILE_KINDS.includes(w as ProfileKind));
  if (words.length === 0 || bad.length > 0) {
    throw usageError(`${name} must be a list of ${PROFILE_KINDS.join(', ')} (e.g. "cpu,mem" or "cpu"), or "none", got "${text}"`);
  }
  return PROFILE_KINDS.filter((k) => words.includes(k));
}

/** "a, b\nc" → ['a', 'b', 'c']. */
export function parseList(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '');
}

/**
 * Splits flags the way a POSIX shell splits words (quotes and backslashes), without expanding
 * anything: no variables, globs or operators, since no shell ever sees these words.
 * Hand-written because the shell-parsing libraries also expand variables and operators.
 */
export function splitWords(name: string, text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw usageError(`${name} has an unterminated ${quote} quote: ${text}`);
  if (inWord) words.push(word);
  return words;
}

/** The verdict settings as compareResults' options. */
export function compareOptions(v: VerdictSettings, units: UnitMetadata): CompareOptions {
  return { alpha: v.alpha, confidence: v.confidence, threshold: v.threshold, fdr: v.fdr, gatedUnits: v.gateUnits, units };
}
