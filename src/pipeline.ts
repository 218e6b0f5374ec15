/**
 * The pull request's judgement, the one sequence both front doors run once both sides are measured:
 * compare → attribute → confirm the suspects on fresh pairs → attribute the confirmed rows again
 * from the fresh profiles → verify the blame by reverting it (causal attribution) → the GC and
 * scheduler breakdown of the flagged rows (src/diagnose/) → write their differential flame graphs.
 * The action and `benchgate run` differ only in how they measured the two sides and where the diff
 * comes from; what follows from there is this function, so a verdict reproduced on a laptop is the
 * verdict CI reached.
 */
import { mkdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MIN_CAUSAL_ROUNDS, runCausal } from './causal/index.js';
import type { DetailedCompareReport } from './compare/compare.js';
import { BenchgateError } from './errors.js';
import { attributeConfirmed, attributeReport, compareRuns, type ChangeSet, type EngineLog, type FlameTrees } from './engine.js';
import type { ProgressSink } from './gotool/progress.js';
import { diagnoseFlagged, flaggedRows } from './diagnose/run.js';
import { applyConfirmation, confirmScope, confirmSuspects, suspectsOf, type BothSides } from './local.js';
import type { RunSettings, VerdictSettings } from './settings.js';
import { flameGraphPath, mergeFlameTrees, renderFlameGraph } from './report/flamegraph.js';
import type { StoredRun } from './store/dir.js';
import type { CompareRow, SkippedPackage } from './types.js';
import { withoutSkipped } from './affected.js';

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
  /**
   * The causal check (src/causal/): where the PR's history is and what it may spend; omitted, or
   * without the PR's diff, it does not run.
   */
  causal?: { repoDir: string; moduleDir: string; baseRef: string; headRef?: string; commitsTip?: string; budgetMs: number };
  /** Confirmation's runs go to `<outDir>/confirm`, the causal check's to `<outDir>/causal`. */
  outDir: string;
  log: EngineLog;
  /** Runs a measuring step with the front door's progress display. */
  track: <T>(work: (onProgress: ProgressSink | undefined) => Promise<T>) => Promise<T>;
  /** Benchmark packages left out (`packages: affected`): dropped from both sides, listed in the report. */
  skipped?: SkippedPackage[];
}

export interface Judgement {
  report: DetailedCompareReport;
  /** Pairs a side confirmation planned, when it ran. */
  confirmRounds?: number;
  /** Pairs per measurement and the budget of the causal check, when it ran. */
  causal?: { rounds: number; budgetMs: number };
  /** Benchmarks the GC and scheduler diagnosis ran, when it ran. */
  diagnosed?: number;
}

export async function judgePullRequest(o: JudgeOptions): Promise<Judgement> {
  const skipped = o.skipped ?? [];
  const report = compareRuns(withoutSkipped(o.base.run, skipped), withoutSkipped(o.head.run, skipped), o.verdict);
  report.skipped = skipped;
  const flames = new Map<CompareRow, FlameTrees>();
  await attributeReport(report, o.base, o.head, o.changes, o.log, flames);
  const confirmed = await confirm(report, o, flames);
  try {
    const causal = await causalCheck(report, o);
    const diagnosed = await diagnose(report, o, confirmed?.sides);
    await writeFlameGraphs(report, flames, o);
    return { report, confirmRounds: confirmed?.rounds, causal, diagnosed };
  } finally {
    // The measuring runs kept their test binaries for the diagnosis: it has had them.
    const kept = [o.base.binaries, o.head.binaries, confirmed?.sides.base.binaries, confirmed?.sides.head.binaries];
    for (const m of kept) for (const path of m?.values() ?? []) await removeBinary(path);
  }
}

/**
 * One differential flame graph per regression and improvement that attribution had trees for,
 * written under `<outDir>/flamegraphs/`; each row gets its path. A file that cannot be written is a
 * warning: the verdict does not depend on it.
 */
async function writeFlameGraphs(report: DetailedCompareReport, flames: Map<CompareRow, FlameTrees>, o: JudgeOptions): Promise<void> {
  for (const row of report.rows) {
    const trees = flames.get(row);
    if (!trees || (row.verdict !== 'regression' && row.verdict !== 'improvement')) continue;
    const path = flameGraphPath(row.package, row.name, row.unit);
    const html = renderFlameGraph({
      package: row.package,
      name: row.name,
      unit: row.unit,
      base: trees.base?.value ?? 0,
      head: trees.head?.value ?? 0,
      deltaPercent: trees.base && trees.head && trees.base.value > 0 ? (trees.head.value / trees.base.value - 1) * 100 : null,
      verdict: row.verdict,
      tree: mergeFlameTrees(trees.base, trees.head, o.changes?.functions ?? []),
      note: trees.note,
    });
    try {
      await mkdir(dirname(join(o.outDir, path)), { recursive: true });
      await writeFile(join(o.outDir, path), html);
      row.flamegraph = path;
    } catch (e) {
      o.log.warning(`benchgate: the flame graph of ${row.name} (${row.unit}) was not written: ${(e as Error).message}`);
    }
  }
}

/**
 * A stored baseline is another run at another time: its regressions are suspects until pairs on
 * this machine confirm them. Slowdowns FDR held back are suspects whatever the base. Returns the
 * planned pairs when confirmation ran.
 */
async function confirm(
  report: DetailedCompareReport,
  o: JudgeOptions,
  flames: Map<CompareRow, FlameTrees>,
): Promise<{ rounds: number; sides: BothSides } | undefined> {
  const scope = confirmScope(o.confirm.policy, o.baseIsStored);
  if (!scope || suspectsOf(report, o.verdict, scope).length === 0) return undefined;
  const target = await o.confirmTarget();
  if ('reason' in target) {
    o.log.warning(`benchgate: ${target.reason}`);
    if (target.suspects === 'unconfirmed') for (const r of suspectsOf(report, o.verdict, scope)) applyConfirmation(r, undefined);
    return undefined;
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
  if (!sides) return undefined;
  await attributeConfirmed(report, sides, o.changes, flames);
  return { rounds: o.confirm.rounds, sides };
}

/**
 * The GC and scheduler breakdown of the flagged rows (src/diagnose/), on the trees confirmation
 * runs; on by default (`run.diagnose`). A failure to run it is a warning. Returns the benchmarks
 * diagnosed.
 */
async function diagnose(report: DetailedCompareReport, o: JudgeOptions, confirmed: BothSides | undefined): Promise<number | undefined> {
  if (o.run.diagnose === false || flaggedRows(report).length === 0) return undefined;
  const target = await o.confirmTarget();
  if ('reason' in target) {
    o.log.warning(`benchgate: flagged rows are not diagnosed: ${target.reason}`);
    return undefined;
  }
  return o.track((onProgress) =>
    diagnoseFlagged(report, {
      target,
      run: o.run,
      base: o.base,
      head: o.head,
      confirmBinaries: { base: confirmed?.base.binaries, head: confirmed?.head.binaries },
      outDir: join(o.outDir, 'diagnose'),
      log: o.log,
      onProgress,
    }),
  );
}

/** A kept test binary, and its side's and the run's bin directories once they are empty (rmdir refuses otherwise). */
async function removeBinary(path: string): Promise<void> {
  await rm(path, { force: true });
  for (const dir of [dirname(path), dirname(dirname(path))]) await rmdir(dir).catch(() => undefined);
}

/** The causal check after confirmation; a failure to run it is a warning, never the judgement's failure. */
async function causalCheck(report: DetailedCompareReport, o: JudgeOptions): Promise<Judgement['causal']> {
  if (!o.causal || !o.changes) return undefined;
  // The signed-rank test needs 6 pairs to reach p ≤ 0.05: never fewer, whatever confirm-rounds says.
  const rounds = Math.max(MIN_CAUSAL_ROUNDS, o.confirm.rounds);
  try {
    const ran = await runCausal(report, {
      ...o.causal,
      changes: o.changes,
      run: o.run,
      verdict: o.verdict,
      rounds,
      outDir: join(o.outDir, 'causal'),
      log: o.log,
    });
    return ran ? { rounds, budgetMs: o.causal.budgetMs } : undefined;
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    o.log.warning(`benchgate: the causal check could not run: ${e.message}`);
    return undefined;
  }
}
