/**
 * The causal step's plan: which rows and functions to check, in what order, within what budget,
 * and what the measurements say. Pure apart from the measurements, which come in as functions
 * (measure.ts runs them for real; tests pass fakes), so every rule here is unit-tested.
 *
 * - Rows: counted regressions (verdict `regression`), the largest change first.
 * - Functions: the changed functions the row's attribution names, in its order; when it names
 *   none (no profile, or the profile could not tell), the changed functions of the benchmark's
 *   package, in diff order. The first is reverted; while the best so far recovers less than half
 *   of the change, the next is tried, at most `maxFunctions` (3) in all. A revert that cannot be
 *   applied or built is reported on the function ("could not revert `F`: …") and counts as a try.
 * - Commits: for a PR of two or more first-parent commits, bisection (bisect.ts) names the first
 *   commit where the change is present. Functions of every row come before any bisection: the
 *   function is what a reviewer acts on.
 * - Budget: a measurement starts only when the time spent so far plus the mean duration of the
 *   measurements so far fits `budgetMs`; what does not fit is marked skipped, with that reason.
 * Measurements are cached per benchmark: the sec/op, B/op and allocs/op rows of one benchmark
 * share them, each judged on its own unit.
 */
import type { ChangedFunction } from '../diff/match.js';
import type { AttributedFunction, BisectStep, CausalSkipped, CommitBisection, CommitRef, CompareRow } from '../types.js';
import { Bisection, stepPresent } from './bisect.js';
import { CAUSE_SHARE, prRatioOf, recoveredShare, type PairedRatio } from './share.js';

/** One paired measurement of a benchmark: base side (reverted tree, or merge base) against head side. */
export type Measurement = { ok: true; compare(unit: string): PairedRatio | null } | { ok: false; reason: string };

export interface Bench {
  pkg: string;
  name: string;
}

export interface CausalDeps {
  /** The benchmark with only `fn`'s changes reverted (base side) against the head. */
  measureRevert(fn: ChangedFunction, bench: Bench): Promise<Measurement>;
  /** The merge base (base side) against the PR's commit `index` (1-based, oldest first). */
  measureCommit(index: number, bench: Bench): Promise<Measurement>;
  /** The PR's first-parent commits, oldest first, or why they are not known. */
  commits: CommitRef[] | string;
  budgetMs: number;
  now(): number;
  alpha: number;
  /** At most this many functions reverted per row (default 3). */
  maxFunctions?: number;
  log?(message: string): void;
}

export interface CausalSummary {
  rows: number;
  /** Functions measured (reverted and built). */
  measured: number;
  verified: number;
  /** Functions and bisections left out because the budget was spent. */
  skippedForBudget: number;
  bisected: number;
  ms: number;
}

/** The rows the causal step looks at: counted regressions, largest change first. */
export function causalRows(rows: readonly CompareRow[]): CompareRow[] {
  const size = (r: CompareRow) => Math.abs(Math.log(prRatioOf(r))) || 0;
  return rows.filter((r) => r.verdict === 'regression' && r.base && r.head).sort((a, b) => size(b) - size(a));
}

export interface Candidate {
  /** The attribution's entry the result is written to. */
  entry: AttributedFunction;
  changed: ChangedFunction;
}

/**
 * The functions to try for a row, in order (see the module comment). Changed functions that only
 * the base has (the PR deleted them) cannot be reverted in place and are left out. Fallback
 * entries are appended to the row's attribution, with unknown Δ and share.
 */
export function candidatesFor(row: CompareRow, changes: readonly ChangedFunction[], commitsOf: (fn: ChangedFunction) => CommitRef[]): Candidate[] {
  const headSide = changes.filter((c) => c.side === 'head');
  const a = (row.attribution ??= { functions: [], note: null });
  const named: Candidate[] = [];
  for (const entry of a.functions) {
    if (!entry.changed) continue;
    const c = headSide.find((x) => x.file === entry.file && x.startLine === entry.startLine && x.function === entry.function);
    if (c) named.push({ entry, changed: c });
  }
  if (named.length > 0) return named;
  return headSide
    .filter((c) => c.pkgPath === row.package)
    .map((c) => {
      const entry: AttributedFunction = {
        function: c.function,
        file: c.file,
        startLine: c.startLine,
        endLine: c.endLine,
        changed: true,
        commits: commitsOf(c),
        delta: NaN,
        share: NaN,
      };
      return { entry, changed: c };
    });
}

class Budget {
  private readonly start: number;
  private readonly durations: number[] = [];
  constructor(
    private readonly limitMs: number,
    private readonly now: () => number,
  ) {
    this.start = now();
  }
  /** Whether one more measurement (as long as the mean so far) fits. */
  fits(): boolean {
    const spent = this.now() - this.start;
    const mean = this.durations.length ? this.durations.reduce((x, y) => x + y, 0) / this.durations.length : 0;
    return spent + mean <= this.limitMs && spent < this.limitMs;
  }
  record(ms: number): void {
    this.durations.push(ms);
  }
  spent(): number {
    return this.now() - this.start;
  }
}

/** "5m", "90s": the budget as the user wrote it, roughly. */
export function formatBudget(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

/**
 * Runs the causal step over a report's rows: writes `causal` on the attribution's functions and
 * `commit` on the attribution. Never throws for a measurement that fails: that is the result.
 */
export async function verifyCauses(
  rows: readonly CompareRow[],
  changes: readonly ChangedFunction[],
  commitsOf: (fn: ChangedFunction) => CommitRef[],
  deps: CausalDeps,
): Promise<CausalSummary> {
  const maxFunctions = deps.maxFunctions ?? 3;
  const budget = new Budget(deps.budgetMs, deps.now);
  const noBudget: CausalSkipped = { skipped: `not measured: the causal budget (${formatBudget(deps.budgetMs)}) was spent` };
  const summary: CausalSummary = { rows: 0, measured: 0, verified: 0, skippedForBudget: 0, bisected: 0, ms: 0 };
  const cache = new Map<string, Promise<Measurement>>();
  const measure = async (key: string, run: () => Promise<Measurement>): Promise<Measurement | null> => {
    let p = cache.get(key);
    if (!p) {
      if (!budget.fits()) return null;
      const t0 = deps.now();
      p = run().catch((e: unknown) => ({ ok: false as const, reason: (e as Error).message }));
      cache.set(key, p);
      await p;
      budget.record(deps.now() - t0);
    }
    return p;
  };
  const benchOf = (r: CompareRow): Bench => ({ pkg: r.package, name: r.name });

  const targets = causalRows(rows);
  summary.rows = targets.length;
  for (const row of targets) {
    const prRatio = prRatioOf(row);
    let best = -Infinity;
    let tried = 0;
    for (const { entry, changed } of candidatesFor(row, changes, commitsOf)) {
      if (tried >= maxFunctions || best >= CAUSE_SHARE) break;
      tried++;
      // A fallback candidate becomes an entry of the attribution once it is tried.
      if (!row.attribution!.functions.includes(entry)) row.attribution!.functions.push(entry);
      const key = `revert\0${row.package}\0${row.name}\0${changed.file}:${changed.startLine}`;
      if (!cache.has(key)) deps.log?.(`benchgate: causal: reverting ${changed.function} for ${row.name}`);
      const m = await measure(key, () => deps.measureRevert(changed, benchOf(row)));
      if (m === null) {
        entry.causal = noBudget;
        summary.skippedForBudget++;
        break;
      }
      if (!m.ok) {
        entry.causal = { skipped: `could not revert ${shortName(changed.function)}: ${m.reason}` };
        continue;
      }
      summary.measured++;
      const cmp = m.compare(row.unit);
      const share = cmp ? recoveredShare(prRatio, cmp) : null;
      if (!share) {
        entry.causal = { skipped: cmp ? 'no change to recover' : `no ${row.unit} pairs from the reverted build` };
        continue;
      }
      entry.causal = share;
      if (share.verified) summary.verified++;
      best = Math.max(best, share.recovered);
    }
    // Verified functions first: they are the cause, whatever the profile ranked first.
    const a = row.attribution!;
    const rank = (f: AttributedFunction) => (f.causal && 'verified' in f.causal && f.causal.verified ? 0 : 1);
    a.functions = a.functions.map((f, i) => ({ f, i })).sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i).map((x) => x.f);
  }

  const commits = deps.commits;
  if (typeof commits !== 'string' && commits.length >= 2) {
    for (const row of targets) {
      const prRatio = prRatioOf(row);
      const a = (row.attribution ??= { functions: [], note: null });
      const search = new Bisection(commits.length);
      const steps: BisectStep[] = [];
      let result: CommitBisection | CausalSkipped | null = null;
      for (let k = search.next(); k !== null; k = search.next()) {
        const key = `commit\0${row.package}\0${row.name}\0${k}`;
        if (!cache.has(key)) deps.log?.(`benchgate: causal: measuring commit ${k} of ${commits.length} for ${row.name}`);
        const index = k;
        const m = await measure(key, () => deps.measureCommit(index, benchOf(row)));
        if (m === null) {
          result = noBudget;
          summary.skippedForBudget++;
          break;
        }
        const cmp = m.ok ? m.compare(row.unit) : null;
        if (!m.ok || !cmp) {
          result = { skipped: `commit ${k} of ${commits.length} (${commits[k - 1].sha.slice(0, 7)}) could not be measured: ${m.ok ? `no ${row.unit} pairs` : m.reason}` };
          break;
        }
        const present = stepPresent(prRatio, cmp, deps.alpha);
        steps.push({ sha: commits[k - 1].sha, index: k, n: cmp.n, ratio: cmp.ratio, lo: cmp.lo, hi: cmp.hi, p: cmp.p, present });
        search.record(k, present);
      }
      if (!result) {
        const k = search.result();
        result = { sha: commits[k - 1].sha, subject: commits[k - 1].subject, index: k, of: commits.length, method: 'bisect', steps };
        summary.bisected++;
      }
      a.commit = result;
    }
  }
  summary.ms = budget.spent();
  return summary;
}

function shortName(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash >= 0 ? name.slice(slash + 1) : name;
}
