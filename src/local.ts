/**
 * Running both sides on this machine: the base in a git worktree, the head in place (or in a
 * second worktree), alternating rounds. Used by `benchgate run`, by the action's rerun baseline,
 * and by confirmation, which re-runs only the suspects.
 */
import { join, relative } from 'node:path';
import { compareRuns, type EngineLog } from './engine.js';
import { benchmarkKey, rowKey } from './compare/compare.js';
import { openBenchmarks } from './compare/settle.js';
import { warningText } from './errors.js';
import { git, headSha } from './git/git.js';
import { mergeBaseOf } from './git/history.js';
import { withWorktree } from './git/worktree.js';
import { runAlternating, type AlternateOptions, type DiagnosticFiles, type Suspect } from './gotool/alternate.js';
import { runSuite } from './gotool/run.js';
import type { ProgressSink } from './gotool/progress.js';
import { isGated } from './compare/gate.js';
import { maxRoundsOf, type RunSettings, type VerdictSettings } from './settings.js';
import { saveRun, type StoredRun } from './store/dir.js';
import type { CompareReport, CompareRow, Run } from './types.js';

type PairPlan = NonNullable<Run['pairPlan']>;

export interface BothSidesOptions {
  /** The Go module's directory (absolute) in the head tree. */
  moduleDir: string;
  /** The base ref; the base side runs at its merge base with the head. */
  baseRef: string;
  /** The head ref; the working tree when omitted. */
  headRef?: string;
  run: RunSettings;
  /** Alternating rounds = samples per benchmark per side. */
  rounds: number;
  outDir: string;
  suspects?: Suspect[];
  /** How rows are judged; with it, benchmarks stop early once settled (from `run.minRounds` on). */
  verdict?: VerdictSettings;
  /** Wall-clock limit per test-binary run. */
  runTimeoutMs?: number;
  onProgress?: ProgressSink;
  /** Runner options of a diagnostic run (src/diagnose/): binaries to reuse, and what to capture. */
  runner?: Pick<AlternateOptions, 'prebuilt' | 'diagnostic'>;
}

export interface BothSides {
  base: StoredRun;
  head: StoredRun;
  mergeBase: string;
  repoDir: string;
  /** Problems that did not stop the run (e.g. unparsable output lines), one line each, side-prefixed where known. */
  warnings: string[];
  /** The diagnostic samples' files, for a diagnostic run. */
  diagnostics?: DiagnosticFiles[];
}

/** The runner's view of the user's settings (both ways of running take the same ones). */
export function runnerSettings(run: RunSettings) {
  return {
    patterns: run.packages,
    only: run.only,
    bench: run.bench,
    benchtime: run.benchtime,
    cpu: run.cpu,
    timeout: run.timeout,
    extraFlags: run.extraFlags,
    profiles: run.profiles,
    duet: run.duet,
    shard: run.shard,
  };
}

export interface OneSideOptions {
  /** The Go module's directory (absolute). */
  moduleDir: string;
  run: RunSettings;
  /** Run directory; `run.json` is not written here (callers decide when a run may replace one). */
  outDir: string;
  commit: string;
  ref: string;
  onProgress?: ProgressSink;
}

/** One side, `count` samples per benchmark in one `go test` per package: a baseline, or a PR's head. */
export async function runOneSide(opts: OneSideOptions): Promise<{ run: Run; warnings: string[] }> {
  const result = await runSuite({
    cwd: opts.moduleDir,
    outDir: opts.outDir,
    count: opts.run.count,
    ...runnerSettings(opts.run),
    commit: opts.commit,
    ref: opts.ref,
    onProgress: opts.onProgress,
  });
  return { run: result.run, warnings: result.warnings.map(warningText) };
}

export async function repoRoot(dir: string): Promise<string> {
  return (await git(['rev-parse', '--show-toplevel'], dir)).trim();
}

export async function runBothSides(opts: BothSidesOptions): Promise<BothSides> {
  const repoDir = await repoRoot(opts.moduleDir);
  const moduleRel = relative(repoDir, opts.moduleDir);
  const head = opts.headRef ?? 'HEAD';
  const mergeBase = await mergeBaseOf(repoDir, opts.baseRef, head);
  const headCommit = opts.headRef ? (await git(['rev-parse', '--verify', `${opts.headRef}^{commit}`], repoDir)).trim() : await headSha(repoDir);

  // The planned pairs and the extension's cap travel with the runs: the comparison judges on them.
  const plan: PairPlan = { count: opts.rounds, maxPairs: opts.verdict ? maxRoundsOf({ count: opts.rounds, maxRounds: opts.run.maxRounds }) : opts.rounds };
  const alternate = (headDir: string) =>
    withWorktree(repoDir, mergeBase, (baseTree) =>
      runAlternating({
        base: { dir: join(baseTree.dir, moduleRel), commit: mergeBase, ref: opts.baseRef },
        head: { dir: headDir, commit: headCommit, ref: opts.headRef ?? 'working tree' },
        outDir: opts.outDir,
        rounds: opts.rounds,
        maxRounds: plan.maxPairs,
        ...runnerSettings(opts.run),
        suspects: opts.suspects,
        settle: settleFor(opts, plan),
        runTimeoutMs: opts.runTimeoutMs,
        onProgress: opts.onProgress,
        // Kept for the diagnosis of flagged rows (src/diagnose/), which runs these same two trees.
        keepBinaries: opts.run.diagnose !== false,
        ...opts.runner,
      }),
    );
  const result = opts.headRef
    ? await withWorktree(repoDir, opts.headRef, (headTree) => alternate(join(headTree.dir, moduleRel)))
    : await alternate(opts.moduleDir);
  for (const r of [result.base, result.head]) if (r.pairing) r.pairPlan = plan;
  await saveRun(result.base, result.baseDir);
  await saveRun(result.head, result.headDir);
  return {
    base: { run: result.base, dir: result.baseDir, binaries: result.binaries?.base },
    head: { run: result.head, dir: result.headDir, binaries: result.binaries?.head },
    mergeBase,
    repoDir,
    warnings: result.warnings.map(warningText),
    diagnostics: result.diagnostics,
  };
}

/**
 * Early stopping and extra pairs for alternating rounds, judged as the final comparison will judge
 * (same settings, same planned looks): before `rounds`, a benchmark stops once no row of it could
 * be a threshold-sized regression (futility, from `minRounds`); from `rounds` on, only benchmarks
 * with an undecided row (noisy, or a held-back suspect, whose interval reaches the threshold) go on,
 * up to `maxRounds` (compare/settle.ts, compare/sequential.ts).
 */
function settleFor(opts: BothSidesOptions, plan: PairPlan) {
  const verdict = opts.verdict;
  const stopsEarly = opts.run.minRounds < opts.rounds;
  if (!verdict || (!stopsEarly && plan.maxPairs <= plan.count)) return undefined;
  return {
    minRounds: stopsEarly ? opts.run.minRounds : opts.rounds,
    open: (base: Run, head: Run) =>
      openBenchmarks(compareRuns({ ...base, pairPlan: plan }, { ...head, pairPlan: plan }, verdict), {
        threshold: verdict.threshold,
        gateUnits: verdict.gateUnits,
        units: { ...base.units, ...head.units },
        count: plan.count,
        maxPairs: plan.maxPairs,
      }),
  };
}

/**
 * What to re-run: `screened` rows are the suspects (compare.ts: significant slowdowns by their own
 * p that are not regressions on this evidence, but could be threshold-sized; worth fresh evidence
 * whatever the baseline); `all`, for a baseline stored from another run, adds the regressions
 * themselves, which such a baseline makes only suspects (drift between two runs shifts every delta).
 */
export type SuspectScope = 'screened' | 'all';

export function suspectsOf(
  report: CompareReport,
  verdict: Pick<VerdictSettings, 'gateUnits'>,
  scope: SuspectScope = 'all',
): CompareRow[] {
  return report.rows.filter((r) => isGated(r, verdict.gateUnits) && (r.suspect === true || (scope === 'all' && r.verdict === 'regression')));
}

/** `confirm` policy × where the base side came from → which rows to re-run. */
export function confirmScope(policy: 'auto' | 'always' | 'never', baseIsStored: boolean): SuspectScope | null {
  if (policy === 'never') return null;
  return policy === 'always' || baseIsStored ? 'all' : 'screened';
}

export interface ConfirmOptions extends Omit<BothSidesOptions, 'suspects' | 'runTimeoutMs'> {
  verdict: VerdictSettings;
  scope: SuspectScope;
  /** Time cap for the whole confirmation. */
  budgetMs: number;
  log: EngineLog;
}

/**
 * Re-runs the suspects of `report` for the merge base and the head in alternating rounds on this
 * machine and records, on each suspect row, what that evidence says: `confirmed` true (still a
 * regression), false (cleared: it was noise or drift between machines), or null (no verdict: the
 * budget ran out, a side failed, or the fresh samples hold no evidence either way; see
 * applyConfirmation). Returns the confirmation runs (their profiles are the best evidence for
 * attribution), or null when there was nothing to confirm.
 */
export async function confirmSuspects(report: CompareReport, opts: ConfirmOptions): Promise<BothSides | null> {
  const rows = suspectsOf(report, opts.verdict, opts.scope);
  if (rows.length === 0) return null;
  const seen = new Set<string>();
  const suspects: Suspect[] = [];
  for (const r of rows) {
    const key = benchmarkKey(r);
    if (!seen.has(key)) suspects.push({ pkg: r.package, name: r.name });
    seen.add(key);
  }
  const upTo = opts.run.minRounds < opts.rounds ? 'up to ' : '';
  opts.log.info(`benchgate: confirming ${suspects.length} suspect benchmark(s) in ${upTo}${opts.rounds} alternating rounds against ${opts.baseRef}`);
  let sides: BothSides;
  try {
    // Each binary run measures one suspect once (one leaf, one side, one round); spread the
    // budget over the runs it needs.
    const runTimeoutMs = Math.max(10_000, Math.floor(opts.budgetMs / (2 * opts.rounds * suspects.length)));
    sides = await runBothSides({ ...opts, suspects, runTimeoutMs });
    for (const w of sides.warnings) opts.log.warning(w);
  } catch (e) {
    opts.log.warning(`benchgate: confirmation could not run: ${(e as Error).message}`);
    for (const r of rows) applyConfirmation(r, undefined);
    return null;
  }
  // The family of tests is the suspect rows themselves: the other rows of those benchmarks came
  // along with them but are no hypotheses here, and counting them would only dilute the power.
  const tested = new Set(rows.map(rowKey));
  const confirmation = compareRuns(sides.base.run, sides.head.run, opts.verdict, (r) => tested.has(rowKey(r)));
  const byKey = new Map(confirmation.rows.map((c) => [rowKey(c), c]));
  for (const r of rows) applyConfirmation(r, byKey.get(rowKey(r)));
  return sides;
}

/**
 * Records on a suspect row what its confirmation row (the same benchmark and unit, re-run against
 * the merge base on this machine) says, and makes `verdict` the decision that counts; the first
 * pass's verdict stays in `screen`.
 * - `confirmed` true: the fresh samples make it a regression → `regression`.
 * - `confirmed` false (cleared): they speak against a regression → `unchanged`.
 * - `confirmed` null: they cannot judge it — missing (a side failed, the budget ran out), too noisy
 *   (noisier than the threshold: they could hide a threshold-sized slowdown as well as the first
 *   pass could), or a suspect themselves (a significant slowdown that does not count while its
 *   intervals still allow a threshold-sized one). Calling those "cleared" would claim evidence the
 *   samples do not hold: a first-pass regression becomes `unconfirmed`; a screened row (not a
 *   regression on the first pass) keeps its first verdict.
 */
export function applyConfirmation(r: CompareRow, c: CompareRow | undefined): void {
  const first = { verdict: r.verdict, reason: r.reason };
  const wasRegression = first.verdict === 'regression';
  if (!c || !c.base || !c.head) {
    r.confirmed = null;
    if (wasRegression) {
      r.screen = first;
      r.verdict = 'unconfirmed';
      r.reason = `not judged on fresh samples (a side failed or the budget ran out); first pass: ${first.reason}`;
    }
    return;
  }
  r.confirmation = { base: c.base, head: c.head, deltaPercent: c.deltaPercent, p: c.p, paired: c.paired ?? null, verdict: c.verdict, reason: c.reason };
  r.confirmed = c.verdict === 'noisy' || c.suspect ? null : c.verdict === 'regression';
  r.screen = first;
  const fresh = c.paired ? `${c.paired.n} fresh pairs` : `${c.head.n} fresh alternating rounds`;
  // Say each fact once: where the fresh samples give the first pass's own reason, say they agree.
  const same = c.reason === first.reason;
  if (r.confirmed === true) {
    r.verdict = 'regression';
    r.reason = same ? `${c.reason} — confirmed: ${fresh} agree` : `confirmed by ${fresh}: ${c.reason}` + (wasRegression ? '' : `; first pass: ${first.reason}`);
  } else if (r.confirmed === false) {
    r.verdict = 'unchanged';
    r.reason = `cleared by ${fresh}: ${c.reason}` + (same ? '' : `; first pass: ${first.reason}`);
  } else {
    r.verdict = wasRegression ? 'unconfirmed' : first.verdict;
    r.reason = same ? `${first.reason}; ${fresh} could not judge it either` : `${first.reason}; not judged by ${fresh}: ${c.reason}`;
  }
}
