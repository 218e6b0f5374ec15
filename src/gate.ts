/**
 * The merge gate: which rows may fail the check. Pure, so the action and the CLI decide alike.
 */
import type { CompareReport, CompareRow } from './types.js';

export interface GateOptions {
  failOn: 'regression' | 'none';
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
  /** Gated regressions that confirmation could not judge. */
  unconfirmed: CompareRow[];
  /** Suspects that confirmation cleared as noise. */
  cleared: CompareRow[];
  improvements: CompareRow[];
  /** The label that waived a failure, if any. */
  waivedBy: string | null;
  /** One line per counted regression, for the log. */
  reasons: string[];
}

export function isGated(row: CompareRow, gateUnits: readonly string[]): boolean {
  return gateUnits.includes(row.unit);
}

export function evaluateGate(report: CompareReport, opts: GateOptions): GateResult {
  const regressions: CompareRow[] = [];
  const unconfirmed: CompareRow[] = [];
  const cleared: CompareRow[] = [];
  const improvements = report.rows.filter((r) => r.verdict === 'improvement');
  for (const row of report.rows) {
    if (row.verdict !== 'regression' || !isGated(row, opts.gateUnits)) continue;
    if (row.confirmed === false) cleared.push(row);
    else if (row.confirmed === null) unconfirmed.push(row);
    else regressions.push(row);
  }
  const counted = opts.failOnUnconfirmed ? [...regressions, ...unconfirmed] : regressions;
  const reasons = counted.map((r) => `${r.package} ${r.name} ${r.unit}: ${r.reason}`);
  const wouldFail = opts.failOn === 'regression' && counted.length > 0;
  const waivedBy =
    wouldFail && opts.acceptLabel && opts.labels?.includes(opts.acceptLabel) ? opts.acceptLabel : null;
  return { failed: wouldFail && !waivedBy, regressions, unconfirmed, cleared, improvements, waivedBy, reasons };
}
