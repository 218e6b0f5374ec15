/**
 * The pull request's judgement, the one sequence both front doors run once both sides are measured:
 * compare → attribute → confirm the suspects on fresh pairs → attribute the confirmed rows again
 * from the fresh profiles. The action and `benchgate run` differ only in how they measured the two
 * sides and where the diff comes from; what follows from there is this function, so a verdict
 * reproduced on a laptop is the verdict CI reached.
 */
import { join } from 'node:path';
import type { DetailedCompareReport } from './compare/compare.js';
import { attributeConfirmed, attributeReport, compareRuns, type ChangeSet, type EngineLog } from './engine.js';
import type { ProgressSink } from './gotool/progress.js';
import { applyConfirmation, confirmScope, confirmSuspects, suspectsOf } from './local.js';
import type { RunSettings, VerdictSettings } from './settings.js';
import type { StoredRun } from './store/dir.js';

/** Where confirmation re-runs the base side against the head, on this machine. */
export interface ConfirmTarget {
  /** The Go module's directory (absolute) in the head tree. */
  moduleDir: string;
  /** The base ref; the merge base with the head is run. */
  baseRef: string;
  /** The head ref; the working tree when omitted. */
  headRef?: string;
}

/**
 * Why confirmation cannot run here, and what then becomes of the suspects: `unconfirmed` (a
 * first-pass regression is not counted as one: it could not be checked where it should have been)
 * or `counted` (no base to re-run was given at all: the first pass stands, as the user asked).
 */
export interface NoConfirmTarget {
  reason: string;
  suspects: 'unconfirmed' | 'counted';
}

export interface JudgeOptions {
  base: StoredRun;
  head: StoredRun;
  /** The base side is a run stored elsewhere (an artifact, a baseline dir), not measured beside the head. */
  baseIsStored: boolean;
  /** The PR's changed functions (null: attribution names no changed function). */
  changes: ChangeSet | null;
  verdict: VerdictSettings;
  run: RunSettings;
  confirm: { policy: 'auto' | 'always' | 'never'; rounds: number; budgetMs: number };
  /** Asked only when there is something to confirm (the action fetches history for it). */
  confirmTarget: () => Promise<ConfirmTarget | NoConfirmTarget>;
  /** Confirmation's runs go to `<outDir>/confirm`. */
  outDir: string;
  log: EngineLog;
  /** Runs a measuring step with the front door's progress display. */
  track: <T>(work: (onProgress: ProgressSink | undefined) => Promise<T>) => Promise<T>;
}

export interface Judgement {
  report: DetailedCompareReport;
  /** Pairs a side confirmation planned, when it ran. */
  confirmRounds?: number;
}

export async function judgePullRequest(o: JudgeOptions): Promise<Judgement> {
  const report = compareRuns(o.base.run, o.head.run, o.verdict);
  await attributeReport(report, o.base, o.head, o.changes, o.log);

  // A stored baseline is another run at another time: its regressions are suspects until pairs on
  // this machine confirm them. Slowdowns FDR held back are suspects whatever the base.
  const scope = confirmScope(o.confirm.policy, o.baseIsStored);
  if (!scope || suspectsOf(report, o.verdict, scope).length === 0) return { report };
  const target = await o.confirmTarget();
  if ('reason' in target) {
    o.log.warning(`benchgate: ${target.reason}`);
    if (target.suspects === 'unconfirmed') for (const r of suspectsOf(report, o.verdict, scope)) applyConfirmation(r, undefined);
    return { report };
  }
  const sides = await o.track((onProgress) =>
    confirmSuspects(report, {
      scope,
      ...target,
      run: o.run,
      rounds: o.confirm.rounds,
      outDir: join(o.outDir, 'confirm'),
      verdict: o.verdict,
      budgetMs: o.confirm.budgetMs,
      log: o.log,
      onProgress,
    }),
  );
  if (!sides) return { report };
  await attributeConfirmed(report, sides, o.changes);
  return { report, confirmRounds: o.confirm.rounds };
}
