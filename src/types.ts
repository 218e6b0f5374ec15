/**
 * The data that flows through the pipeline (see README "Architecture"):
 * run → parse → compare → attribute → report. Pure modules take and return these.
 */

/** One result line of Go benchmark output: one sample of one benchmark. */
export interface BenchResult {
  /** Package import path from the `pkg:` configuration line ('' when the output has none). */
  pkg: string;
  /**
   * The name as benchstat shows it: the `Benchmark` prefix dropped, sub-benchmark parts and the
   * `-procs` suffix kept, e.g. `Parse/medium-2`.
   */
  name: string;
  /** File configuration in force for this line (goos, goarch, cpu, pkg, and any other `key: value`). */
  config: Record<string, string>;
  iterations: number;
  /** Values in tidied units (`ns/op` → `sec/op` in seconds, `MB/s` → `B/s`), as benchstat does. */
  values: BenchValue[];
  /** Where the line came from, for messages. */
  source?: { file: string; line: number };
  /**
   * The pair this sample belongs to, when the two sides were measured in pairs (one leaf benchmark
   * per process, base and head back to back, or at once in duet): a base and a head sample of the
   * same benchmark with the same `pair` were taken together and are compared as a pair. Absent for
   * samples of a whole-package run (e.g. a stored baseline's `-count N`).
   */
  pair?: number;
  /**
   * How this sample's pair was taken, where the runner recorded it per pair (a duet run falls back
   * to back-to-back pairs for some rounds or leaves); absent means as the Run's `pairing` says.
   */
  pairing?: Pairing;
}

export interface BenchValue {
  /** Tidied unit, e.g. `sec/op`, `B/op`, `allocs/op`, `B/s`, or a custom `b.ReportMetric` unit. */
  unit: string;
  /** Value in the tidied unit. */
  value: number;
}

/** `Unit <unit> key=value…` metadata, keyed by tidied unit. `assume=exact` marks deterministic units. */
export type UnitMetadata = Record<string, Record<string, string>>;

/** The environment a run happened in; a baseline from another fingerprint is usable but flagged. */
export interface Fingerprint {
  goVersion: string;
  goos: string;
  goarch: string;
  cpu: string;
  gomaxprocs: number;
  runnerOs: string;
}

/** What happened to one package in a run. */
export interface PackageRun {
  /** Import path. */
  pkg: string;
  /** Directory relative to the module/working root, e.g. `./parser`. */
  dir: string;
  status: 'ok' | 'build-failed' | 'bench-failed' | 'timeout' | 'no-benchmarks';
  /** Human-readable reason when status is not ok, with the trimmed tool output. */
  message?: string;
  /**
   * Paths, relative to the run directory, of the raw benchmark outputs and the profiles:
   * one per `go test` invocation (one per round when sides alternate), merged when read.
   */
  outputFiles: string[];
  cpuProfiles: string[];
  memProfiles: string[];
  /**
   * Profiles that hold exactly one leaf benchmark (the pairs runner runs one benchmark per
   * process), keyed by the benchmark's name as in BenchResult.name (`Parse/large-2`), paths
   * relative to the run directory. Attribution prefers these to splitting the package-wide
   * profiles by stack, which cannot separate sub-benchmarks sharing a helper, `b.RunParallel`
   * goroutines or the GC work a benchmark causes.
   */
  benchmarkProfiles?: Record<string, BenchmarkProfileFiles>;
}

export interface BenchmarkProfileFiles {
  cpu: string[];
  mem: string[];
}

/** How the samples of a run were taken against the other side's. */
export type Pairing = 'sequential' | 'duet';

/** How a row's pairs were taken: all one way, or `mixed` (some at once, some back to back). */
export type RowPairing = Pairing | 'mixed';

/** One side's run: the content of a baseline artifact (`run.json`, versioned). */
export interface Run {
  schema: 1;
  commit: string;
  ref: string;
  /** ISO time the run started. */
  time: string;
  env: Fingerprint;
  packages: PackageRun[];
  results: BenchResult[];
  units: UnitMetadata;
  /** True when some package failed: the results are partial. */
  incomplete: boolean;
  /**
   * Set when the results were measured in pairs with the other side's run (BenchResult.pair):
   * `duet` when any pair was taken at once (each sample's own `pairing` says which), else
   * `sequential`.
   */
  pairing?: Pairing;
  /**
   * The planned pairs of a paired run: judged first after `count` pairs; benchmarks that cannot be
   * judged then may run up to `maxPairs` (the looks of compare/sequential.ts).
   */
  pairPlan?: { count: number; maxPairs: number };
  /**
   * SHA-256 (lowercase hex) of every raw output and profile file the packages list, keyed by the
   * path relative to the run directory: a baseline whose files do not match is refused when read
   * (store/checksums.ts). Absent in runs recorded before checksums; those are read unverified.
   */
  checksums?: Record<string, string>;
  /** Set when the run measured one shard of the suite (src/shard/): `benchgate merge` joins the parts. */
  shard?: ShardInfo;
}

/** A unit of a sharded suite: a whole package, or one top-level benchmark function of it. */
export interface ShardUnit {
  pkg: string;
  /** `BenchmarkParse` (with its sub-benchmarks); absent = the whole package. */
  benchmark?: string;
}

/** Which share of the suite a run measured: shard `index` (1-based) of `count`. */
export interface ShardInfo {
  index: number;
  count: number;
  /** This shard's units. */
  planned: ShardUnit[];
  /** Digest of every shard's units: parts of one plan share it. */
  suite: string;
  /** Units in the whole plan. */
  units: number;
  /** Placed by the baseline's measured times, or by a stable hash of the names (no baseline). */
  method: 'measured' | 'hash';
}

/** benchstat's summary of one sample set: center (median) and its confidence interval. */
export interface Summary {
  n: number;
  center: number;
  /** Interval bounds; NaN when there is no finite interval (too few samples). */
  lo: number;
  hi: number;
  /** Why an interval is missing or wide, etc. */
  warnings: string[];
}

/**
 * `noisy`: the samples are too spread out to tell whether a change of the threshold's size
 * happened; never a pass and never a regression (the report advises how to measure better).
 */
export type Verdict = 'regression' | 'improvement' | 'unchanged' | 'noisy' | 'unconfirmed' | 'new' | 'removed';

/**
 * The statistical test a row's verdict rests on, named in the report (benchmath's `Assumption`
 * carries its own label the same way): benchstat's unpaired Mann–Whitney U test on two sample sets,
 * the Wilcoxon signed-rank test on pairs (base and head of one benchmark measured together), or a
 * comparison by value for deterministic metrics.
 */
export type RowTest = 'mann-whitney-u' | 'wilcoxon-signed-rank' | 'by-value';

/**
 * The paired comparison of a row whose samples were measured in pairs: per pair the ratio
 * head/base; the Hodges–Lehmann estimate of the typical ratio with its confidence interval, and the
 * Wilcoxon signed-rank test of "no change" on the log ratios.
 */
export interface PairedRow {
  /** Pairs compared. */
  n: number;
  /** Estimated head/base ratio (1.05 = 5% more of the unit per op). */
  ratio: number;
  /** Confidence interval of the ratio; NaN when too few pairs for one. */
  lo: number;
  hi: number;
  /**
   * The signed-rank p-value the verdict used. When noisy rows earned more pairs (sequential
   * looks), this is the look-adjusted p (compare/sequential.ts); `lookP` holds the raw ones.
   */
  p: number;
  /** Raw signed-rank p at each look (pairs 1…n_j), when there was more than one look. */
  lookP?: number[];
  /** How the test's distribution was computed, e.g. `exact` or `normal`. */
  method: string;
  /** How the pairs were measured: back to back, at once, or `mixed` (`duetPairs` of the n at once). */
  pairing: RowPairing;
  /** With `mixed`: how many of the n pairs were measured at once. */
  duetPairs?: number;
}

/** One compared (package, benchmark, unit). */
export interface CompareRow {
  package: string;
  name: string;
  unit: string;
  base: Summary | null;
  head: Summary | null;
  /** (head/base − 1) × 100 of the centers; null for new/removed rows. */
  deltaPercent: number | null;
  /** benchstat's two-sided Mann–Whitney U p-value (null when not computed). */
  p: number | null;
  /**
   * Benjamini–Hochberg adjusted p-value across the gated rows, from the p of the test the verdict
   * used (the paired p for paired rows); null where not adjusted.
   */
  q?: number | null;
  /** The test the verdict rests on. */
  test?: RowTest;
  /** The paired comparison, when both sides' samples were measured in pairs. */
  paired?: PairedRow | null;
  /** p ≤ α (or a value change for exact units). */
  significant: boolean;
  verdict: Verdict;
  /** Why the verdict is what it is, in one line (e.g. "p=0.31 > α=0.05", "below threshold 5%"). */
  reason: string;
  /** Compared by value rather than by test (assume=exact, allocs/op). */
  exact?: boolean;
  /**
   * The row's noise in percent: for unpaired rows, how far one sample typically lands from the
   * median (the larger side's median absolute deviation, scaled to a standard deviation); for
   * paired rows, half the width of the paired interval of the ratio. Null when there are too few
   * samples, or for rows compared by value.
   */
  noisePercent?: number | null;
  /**
   * A slowdown that is significant by its own p (≤ α) but not a regression on this evidence (FDR,
   * the noise rule or a delta below the threshold held it back) while its intervals still allow a
   * threshold-sized one: worth re-running (confirmation) — fresh samples of a few suspects face a
   * far smaller family of tests.
   */
  suspect?: boolean;
  /**
   * Set when a suspect was re-run in alternating rounds against the merge base: true = confirmed,
   * false = cleared (noise), null = could not be judged (budget ran out, a side failed, or the
   * fresh samples were too noisy to judge or a suspect themselves). Absent when the comparison
   * itself already came from alternating rounds.
   */
  confirmed?: boolean | null;
  /** The confirmation's own comparison (alternating rounds), when one ran. */
  confirmation?: Confirmation;
  /**
   * The first pass's verdict, when confirmation replaced it: `verdict` is always the decision that
   * counts (a cleared suspect is `unchanged`, one that could not be judged `unconfirmed`).
   */
  screen?: { verdict: Verdict; reason: string };
  attribution?: Attribution;
  /**
   * The row's differential flame graph (report/flamegraph.ts): its path relative to the output
   * directory, `flamegraphs/<package-slug>/<benchmark-slug>.<unit-slug>.html`. Set for attributed
   * regressions and improvements whose profiles hold samples on both sides.
   */
  flamegraph?: string;
  /** GC and scheduler figures of a flagged row's benchmark, one diagnostic run per side (src/diagnose/). */
  diagnosis?: Diagnosis;
}

/**
 * One side's GC and scheduler figures per op (src/diagnose/diagnosis.ts says how each is
 * computed); null where it could not be measured (the run failed, no trace, no CPU profile).
 */
export interface DiagnosisSide {
  gcCyclesPerOp: number | null;
  stwSweepTermNsPerOp: number | null;
  stwMarkTermNsPerOp: number | null;
  concurrentMarkNsPerOp: number | null;
  /** GC CPU ÷ (wall × GOMAXPROCS) over the timed run, idle mark time left out. */
  gcCpuFraction: number | null;
  /** Median heap goal of the timed run's cycles (MiB resolution: gctrace prints whole MiB). */
  heapGoalBytes: number | null;
  /** CPU samples under runtime.gcAssistAlloc ÷ all CPU samples. */
  assistShare: number | null;
  /** Scheduler delay (runnable, not running) per op, from `go tool trace -pprof=sched`. */
  schedLatencyNsPerOp: number | null;
}

export interface Diagnosis {
  base: DiagnosisSide;
  head: DiagnosisSide;
}

export interface Confirmation {
  base: Summary;
  head: Summary;
  deltaPercent: number | null;
  p: number | null;
  paired?: PairedRow | null;
  verdict: Verdict;
  reason: string;
}

export interface GeomeanRow {
  unit: string;
  base: number;
  head: number;
  deltaPercent: number;
}

export interface CompareSettings {
  alpha: number;
  confidence: number;
  /** Minimum effect, in percent. */
  threshold: number;
}

/**
 * A report-level warning as data: what it is about (so that a front door can pick, say, the failed
 * packages without reading the words), the side it concerns, and the words for the user.
 * `other`: a warning read from a JSON report that did not record kinds.
 */
export interface ReportWarning {
  kind: 'package-failed' | 'environment' | 'rows-removed' | 'rows-added' | 'too-few-pairs' | 'input' | 'other';
  side?: Side;
  message: string;
}

/** The two sides of a comparison. */
export type Side = 'base' | 'head';

/** The warning as one line: `head: example.com/m/x build-failed: …`. */
export function warningLine(w: ReportWarning): string {
  return w.side ? `${w.side}: ${w.message}` : w.message;
}

/** The packages that failed on either side, one line each (the report is then partial). */
export function failedPackageLines(report: CompareReport): string[] {
  return report.warnings.filter((w) => w.kind === 'package-failed').map(warningLine);
}

export interface CompareReport {
  rows: CompareRow[];
  geomean: GeomeanRow[];
  warnings: ReportWarning[];
  settings: CompareSettings;
  /** Benchmark packages not measured, each with why (`packages: affected`); absent or [] = none. */
  skipped?: SkippedPackage[];
}

/** A benchmark package left out of a comparison, and why (e.g. the PR cannot affect it). */
export interface SkippedPackage {
  package: string;
  reason: string;
}

/** One function's cost per op in one benchmark on one side, estimated from a profile. */
export interface FunctionOpCost {
  /** Name as pprof shows it, e.g. `example.com/m/parser.(*P).skipWS`. */
  function: string;
  /** Source file as recorded in the profile (absolute build path, or module-relative with -trimpath). */
  file: string;
  /** Function.start_line (Go ≥ 1.20), 0 when unknown. */
  startLine: number;
  /** Cost per op in the row's unit (seconds for sec/op, bytes for B/op, count for allocs/op). */
  flat: number;
  cum: number;
}

/** One benchmark's profile on one side, expressed per op. */
export interface BenchmarkProfile {
  package: string;
  /** Benchmark name as in CompareRow.name. */
  name: string;
  unit: string;
  functions: FunctionOpCost[];
  /** Why this split is approximate (e.g. sub-benchmarks sharing one closure). */
  note?: string;
}

export interface CommitRef {
  sha: string;
  subject: string;
}

export interface AttributedFunction {
  function: string;
  file: string;
  startLine: number;
  endLine: number;
  changed: boolean;
  commits: CommitRef[];
  /**
   * Δ per op (head − base) in the row's unit, estimated from the profiles: each function's cost
   * per op is its share of the benchmark's profile samples × the side's center (the same total
   * for flat and cum, so per side the flats of all functions add up to the center). For a changed
   * function that explains the change (listed first), its Δcum (itself and everything it calls)
   * minus what changed functions beneath it are already credited with, and never less than its
   * own Δflat; for any other function (a mover), its Δflat (its own cost only).
   */
  delta: number;
  /**
   * delta ÷ the row's Δ of centers (head − base): the fraction of the change this function
   * accounts for, positive when it moved the way the row did. Flats are disjoint and their Δs add
   * up to the row's Δ, so movers' shares sum to at most 100% plus what functions moving the other
   * way take back; a share far above 100% means the profile is not the benchmark's work (the
   * engine refuses such package-wide splits). Sampled: ± a few percent at hundreds of samples.
   */
  share: number;
  /**
   * The causal check (src/causal/): the benchmark measured again in pairs with only this
   * function's changes reverted, against the head. Absent when not tried.
   */
  causal?: CausalCheck;
}

export interface Attribution {
  functions: AttributedFunction[];
  /**
   * Changed functions that moved against the row (work moved out of them, often into a listed
   * changed function): each credited Δ is its Δcum less what changed functions beneath it are
   * credited with, listed when that is at least the movers' 5% of the row's Δ the other way;
   * `share` keeps its meaning, so theirs are negative. With them, the changed functions' deltas
   * net to about the row's Δ. Kept apart from `functions` so shares there, the causal check and
   * the annotations are unchanged. Absent or empty when none did.
   */
  offsets?: AttributedFunction[];
  /**
   * Δ per op of all the PR's changed functions together (each its own part once, as for
   * `offsets`), in the row's unit: what the listed changed functions and their offsets net to,
   * to set beside the row's Δ. Set only with `offsets`.
   */
  changedNet?: number;
  note: string | null;
  /** The commit of the PR where the change appeared, found by bisection (src/causal/); absent when not tried. */
  commit?: CommitBisection | CausalSkipped;
}

/**
 * What reverting one function did to the benchmark: the share of the PR's change it recovers,
 * ln(head/reverted) ÷ ln(head/base), with the interval that the paired interval of head/reverted
 * gives (the PR's own ratio taken as known). 1 = the whole change, 0 = none of it.
 */
export interface CausalRecovered {
  recovered: number;
  lo: number;
  hi: number;
  /** Pairs (reverted, head) measured. */
  n: number;
  /** Signed-rank p of head vs reverted. */
  p: number;
  /** Reverting it recovers at least half of the change, and its interval excludes none of it (lo > 0). */
  verified: boolean;
  method: 'revert-function';
}

/** Why a causal step was not done or could not be judged ("could not revert `F`: …", budget spent). */
export interface CausalSkipped {
  skipped: string;
}

export type CausalCheck = CausalRecovered | CausalSkipped;

/** One bisection step: the merge base against the PR's commit `index` (1-based), in pairs. */
export interface BisectStep {
  sha: string;
  index: number;
  n: number;
  /** Paired estimate of commit/merge base, and its interval. */
  ratio: number;
  lo: number;
  hi: number;
  p: number;
  /** The slowdown counts as present at this commit (significant and at least half of the PR's, on the log scale). */
  present: boolean;
}

export interface CommitBisection {
  sha: string;
  subject: string;
  /** 1-based position among the PR's first-parent commits, oldest first. */
  index: number;
  of: number;
  method: 'bisect';
  steps: BisectStep[];
}
