/**
 * The merge gate: which rows may fail the check. Pure, so the action and the CLI decide alike.
 */
import { higherIsBetter, verdictDelta } from './compare.js';
import type { CompareReport, CompareRow } from '../types.js';

export interface GateOptions {
  /** `regression-or-noisy` also fails on gated rows too noisy to judge whose estimate reaches the threshold. */
  failOn: 'regression' | 'regression-or-noisy' | 'none';
  gateUnits: readonly string[];
  /** Fail on suspects that confirmation could not judge (budget ran out). */
  failOnUnconfirmed: boolean;
  /** The PR's labels and the label that waives the gate. */
  labels?: readonly string[];
  acceptLabel?: string;
}

export interface GateResult {
  /** The step fails. */
  failed: boolean;
  /** Gated regressions that count (confirmed, or not subject to confirmation). */
  regressions: CompareRow[];
  /** Gated regressions that confirmation could not judge (verdict `unconfirmed`). */
  unconfirmed: CompareRow[];
  /** Suspects that confirmation cleared as noise. */
  cleared: CompareRow[];
  /**
   * Gated rows too noisy to judge whose estimate is a slowdown of at least the threshold ("possibly
   * +31%"): neither a pass nor a regression; shown in the main table and counted in the headline.
   */
  noisy: CompareRow[];
  improvements: CompareRow[];
  /** The rows that fail the step (before any waiver): regressions, plus what fail-on-unconfirmed / regression-or-noisy add. */
  counted: CompareRow[];
  /** The label that waived a failure, if any. */
  waivedBy: string | null;
  /** One line per counted regression, for the log. */
  reasons: string[];
}

/** A cleared suspect: the first pass called it a regression, fresh samples on this runner did not. */
export function isClearedSuspect(row: CompareRow): boolean {
  return row.screen?.verdict === 'regression' && row.confirmed === false;
}

export function isGated(row: CompareRow, gateUnits: readonly string[]): boolean {
  return gateUnits.includes(row.unit);
}

export function evaluateGate(report: CompareReport, opts: GateOptions): GateResult {
  const regressions: CompareRow[] = [];
  const unconfirmed: CompareRow[] = [];
  const cleared: CompareRow[] = [];
  const noisy: CompareRow[] = [];
  const improvements = report.rows.filter((r) => r.verdict === 'improvement');
  for (const row of report.rows) {
    if (!isGated(row, opts.gateUnits)) continue;
    if (row.verdict === 'regression') regressions.push(row);
    else if (row.verdict === 'unconfirmed') unconfirmed.push(row);
    else if (isClearedSuspect(row)) cleared.push(row);
    else if (row.verdict === 'noisy' && possibleSlowdown(row, report.settings.threshold)) noisy.push(row);
  }
  const counted = [
    ...regressions,
    ...(opts.failOnUnconfirmed ? unconfirmed : []),
    ...(opts.failOnUnconfirmed || opts.failOn === 'regression-or-noisy' ? noisy : []),
  ];
  const reasons = counted.map((r) => `${r.package} ${r.name} ${r.unit}: ${r.reason}`);
  const wouldFail = opts.failOn !== 'none' && counted.length > 0;
  const waivedBy =
    wouldFail && opts.acceptLabel && opts.labels?.includes(opts.acceptLabel) ? opts.acceptLabel : null;
  return { failed: wouldFail && !waivedBy, regressions, unconfirmed, cleared, noisy, improvements, counted, waivedBy, reasons };
}

/**
 * The slowdown a row's own estimate shows, in percent (positive = worse): the paired ratio where
 * the row has one, else benchstat's delta of medians. Null without both sides.
 */
export function estimatedSlowdown(row: CompareRow): number | null {
  const d = verdictDelta(row);
  // Where higher is better (B/s), a slowdown is base/head − 1: the change seen from the head.
  return d === null || !higherIsBetter(row.unit) ? d : (100 / (1 + d / 100) - 100);
}

/** A noisy row whose estimate is a slowdown of at least the threshold: it could be a real one. */
export function possibleSlowdown(row: CompareRow, threshold: number): boolean {
  const s = estimatedSlowdown(row);
  return s !== null && s >= threshold;
}
