/**
 * The engine both front doors call (the action and the CLI): run → compare → attribute, with the
 * I/O kept to the functions that need it. Reporting is left to the callers, which pick formats.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { attribute } from './attribute/attribute.js';
import { compareResults, type CompareOptions, type DetailedCompareReport } from './compare/compare.js';
import { changedFunctions, pkgDirIn, type ChangedFunction } from './diff/match.js';
import { parseUnifiedDiff, type FileDiff } from './diff/unified.js';
import { BenchgateError, warningText } from './errors.js';
import { git } from './git/git.js';
import { commitsTouching, commitsTouchingFile, diffBetween } from './git/history.js';
import { normalizeOs } from './gotool/env.js';
import type { Profile } from './pprof/model.js';
import { perOpCosts, perOpCostsOfSlice, perOpTree } from './pprof/perop.js';
import { readProfiles } from './pprof/read.js';
import { PARALLEL_BODY, benchmarkFramePattern, splitByBenchmark, type ProfileSplit, type SampleSlice } from './pprof/split.js';
import { stackTree, type StackNode } from './pprof/tree.js';
import { wholeProfile } from './pprof/whole.js';
import { compareOptions, type VerdictSettings } from './settings.js';
import type { StoredRun } from './store/dir.js';
import { failureHeadline, isFailedPackage } from './failures.js';
import type { BenchmarkProfile, BenchResult, CommitRef, CompareReport, CompareRow, Fingerprint, ReportWarning, Run, Side } from './types.js';

export interface EngineLog {
  info(message: string): void;
  warning(message: string): void;
}

export const silentLog: EngineLog = { info: () => {}, warning: () => {} };

/** Why two runs' environments differ (null when they match): such a comparison is usable but flagged. */
export function environmentNote(base: Fingerprint, head: Fingerprint): string | null {
  const diffs: string[] = [];
  const field = (name: string, a: unknown, b: unknown) => {
    if (a !== b) diffs.push(`${name} ${String(a) || '?'} vs ${String(b) || '?'}`);
  };
  field('Go', base.goVersion, head.goVersion);
  field('GOOS/GOARCH', `${base.goos}/${base.goarch}`, `${head.goos}/${head.goarch}`);
  field('CPU', base.cpu, head.cpu);
  field('GOMAXPROCS', base.gomaxprocs, head.gomaxprocs);
  // Normalized here too: runs recorded before runnerOs normalized it say "linux" (CLI) or "Linux" (action).
  field('runner OS', normalizeOs(base.runnerOs), normalizeOs(head.runnerOs));
  return diffs.length ? `the baseline ran in a different environment (${diffs.join('; ')})` : null;
}

/** One line per package that did not run cleanly on a side. */
function failedPackages(run: Run, side: Side): ReportWarning[] {
  return run.packages
    .filter(isFailedPackage)
    .map((p) => ({ kind: 'package-failed', side, message: `${p.pkg} ${p.status}${p.message ? ': ' + failureHeadline(p.message) : ''}` }));
}

/** The verdict settings as the comparison takes them (the CLI's compare and compareRuns share it). */
export { compareOptions };

/**
 * Compares two runs with the verdict settings; run-level problems become report warnings.
 * `fdrFamily` narrows the FDR family to the rows under test (compare.ts).
 */
export function compareRuns(base: Run, head: Run, v: VerdictSettings, fdrFamily?: CompareOptions['fdrFamily']): DetailedCompareReport {
  // Two runs measured together in pairs are judged on the pairs (and their planned looks).
  const pairing = base.pairing && base.pairing === head.pairing ? base.pairing : undefined;
  const report = compareResults(base.results, head.results, {
    ...compareOptions(v, { ...base.units, ...head.units }),
    fdrFamily,
    pairing,
    looks: pairing ? head.pairPlan : undefined,
  });
  const note = environmentNote(base.env, head.env);
  if (note) report.warnings.push({ kind: 'environment', message: note });
  report.warnings.push(...failedPackages(base, 'base'), ...failedPackages(head, 'head'));
  return report;
}

/** What the PR changed: its diff and how to read sources and history on both sides. */
export interface ChangeSet {
  functions: ChangedFunction[];
  /** Commits per changed function (key: file + start line), filled for the blamed ones. */
  commitsOf: (fn: ChangedFunction) => CommitRef[];
  warnings: string[];
}

export interface LocalChangesOptions {
  /** The git repository (top level). */
  repoDir: string;
  /** The Go module's directory (absolute), inside repoDir. */
  moduleDir: string;
  /** The base ref (the diff is taken from its merge base with the head). */
  baseRef: string;
  /** The head ref; the working tree when omitted. */
  headRef?: string;
  /** A diff fetched elsewhere (e.g. the REST API's per-file patches); else `git diff`. */
  diffs?: FileDiff[];
}

/** Reads go.mod's module path. */
export async function modulePath(moduleDir: string): Promise<string> {
  const file = join(moduleDir, 'go.mod');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new BenchgateError('no go.mod here: point benchgate at a Go module', 'usage', { file });
  }
  const m = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text);
  if (!m) throw new BenchgateError('no module line', 'go-source', { file });
  return m[2];
}

/**
 * The directory of the go.mod that governs `dir`: `dir` or its nearest parent with one, up to
 * `top` (the repository). `benchgate run` in a package's directory measures the packages there;
 * the changed functions still come from the whole module's diff.
 */
export function moduleRootOf(dir: string, top: string): string {
  return findUp(dir, ['go.mod'], top) ?? dir;
}

/** `dir` or its nearest parent, up to `top` (else the file system's root), that holds one of `names`. */
function findUp(dir: string, names: readonly string[], top?: string): string | undefined {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (names.some((n) => existsSync(join(d, n)))) return d;
    if ((top !== undefined && d === resolve(top)) || dirname(d) === d) return undefined;
  }
}

/**
 * Throws unless go would find a module (or workspace) for `dir`: a go.mod or go.work there or
 * above. Without one, go's own words are "pattern ./...: directory prefix . does not contain main
 * module", once per side, which does not say what to do.
 */
export function requireGoModule(dir: string): void {
  if (process.env.GO111MODULE === 'off' || findUp(dir, ['go.mod', 'go.work'])) return;
  throw new BenchgateError(`no go.mod in ${dir} or any directory above it: run benchgate in a Go module (its go.mod's directory or a package directory below it)`, 'run');
}

/** The changed functions between the merge base and the head, from git (and the files on disk). */
export async function localChanges(opts: LocalChangesOptions): Promise<ChangeSet> {
  const warnings: string[] = [];
  const diffs = opts.diffs ?? parseUnifiedDiff(await diffBetween(opts.repoDir, opts.baseRef, opts.headRef), 'git diff');
  const mod = await modulePath(opts.moduleDir);
  const moduleRoot = relative(opts.repoDir, opts.moduleDir).split('\\').join('/');
  const headSources = new Map<string, string>();
  const baseSources = new Map<string, string>();
  const mergeBase = (await git(['merge-base', opts.baseRef, opts.headRef ?? 'HEAD'], opts.repoDir)).trim();
  await Promise.all(
    diffs.map(async (d) => {
      if (d.newPath?.endsWith('.go')) {
        const text = opts.headRef
          ? await git(['show', `${opts.headRef}:${d.newPath}`], opts.repoDir).catch(() => undefined)
          : await readFile(join(opts.repoDir, d.newPath), 'utf8').catch(() => undefined);
        if (text !== undefined) headSources.set(d.newPath, text);
      }
      if (d.oldPath?.endsWith('.go')) {
        const text = await git(['show', `${mergeBase}:${d.oldPath}`], opts.repoDir).catch(() => undefined);
        if (text !== undefined) baseSources.set(d.oldPath, text);
      }
    }),
  );
  const found = changedFunctions(
    diffs,
    (p) => headSources.get(p),
    mod,
    pkgDirIn(moduleRoot),
    (p) => baseSources.get(p),
  );
  warnings.push(...found.warnings.map(warningText));

  // Commits are looked up for every changed function up front (attribution is synchronous);
  // a PR rarely changes more than a few dozen functions, and each lookup is one `git log -L`.
  const commits = new Map<string, CommitRef[]>();
  const key = (fn: ChangedFunction) => `${fn.file}:${fn.startLine}:${fn.side}`;
  const head = opts.headRef ?? 'HEAD';
  for (const fn of found.functions.slice(0, 100)) {
    try {
      const list =
        fn.side === 'head'
          ? await commitsTouching(opts.repoDir, mergeBase, head, fn.file, fn.startLine, fn.endLine)
          : await commitsTouchingFile(opts.repoDir, mergeBase, head, fn.file);
      commits.set(key(fn), list);
    } catch (e) {
      // Uncommitted changes in the working tree have no commit yet; shallow history has none either.
      commits.set(key(fn), []);
      if (!(e instanceof BenchgateError)) throw e;
    }
  }
  return { functions: found.functions, commitsOf: (fn) => commits.get(key(fn)) ?? [], warnings };
}

/** Which profile and sample type explain a row's unit. */
function profileKind(unit: string): { kind: 'cpu' | 'mem'; sampleType: string } | null {
  if (unit === 'sec/op') return { kind: 'cpu', sampleType: 'cpu' };
  if (unit === 'B/op') return { kind: 'mem', sampleType: 'alloc_space' };
  if (unit === 'allocs/op') return { kind: 'mem', sampleType: 'alloc_objects' };
  return null;
}

/**
 * One side's profiles, loaded on demand and kept: a benchmark's own profile (a per-benchmark run,
 * `PackageRun.benchmarkProfiles`), read whole, once per (package, benchmark, sample type); a
 * package-wide profile (older stored baselines), split by stack once per (package, sample type).
 */
class ProfileCache {
  private readonly splits = new Map<string, Promise<ProfileSplit | string>>();
  private readonly wholes = new Map<string, Promise<SampleSlice | string>>();
  private readonly trees = new Map<string, Promise<StackNode | string>>();
  /** Read once per file set: attribution's slices and the flame graph's trees come from the same profiles. */
  private readonly profiles = new Map<string, Promise<Profile>>();

  constructor(readonly stored: StoredRun) {}

  /** The benchmark's own profile files of this kind, or null when the run has none for it. */
  ownFiles(pkg: string, name: string, kind: 'cpu' | 'mem'): string[] | null {
    const files = this.stored.run.packages.find((p) => p.pkg === pkg)?.benchmarkProfiles?.[name]?.[kind];
    return files && files.length > 0 ? files : null;
  }

  whole(pkg: string, name: string, files: string[], sampleType: string, kind: 'cpu' | 'mem'): Promise<SampleSlice | string> {
    // Allocations count only under the benchmark's own frames (whole.ts says why); CPU all.
    const options = kind === 'mem' ? { onlyUnder: [benchmarkFramePattern(pkg), PARALLEL_BODY] } : {};
    return this.once(this.wholes, `${pkg}\u0000${name}\u0000${sampleType}`, async () =>
      wholeProfile(await this.read(files), sampleType, options),
    );
  }

  /**
   * The benchmark's call tree for its flame graph, from the same samples attribution used: its
   * own profile (memory: under its frames, as in whole()), else the package-wide one's samples
   * under its `BenchmarkX` frames.
   */
  tree(pkg: string, name: string, sampleType: string, kind: 'cpu' | 'mem'): Promise<StackNode | string> {
    return this.once(this.trees, `${pkg}\u0000${name}\u0000${sampleType}`, async () => {
      const own = this.ownFiles(pkg, name, kind);
      if (own) {
        const options = kind === 'mem' ? { onlyUnder: [benchmarkFramePattern(pkg), PARALLEL_BODY] } : {};
        return stackTree(await this.read(own), sampleType, options);
      }
      const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
      const files = entry ? (kind === 'cpu' ? entry.cpuProfiles : entry.memProfiles) : [];
      if (files.length === 0) return `no ${kind === 'cpu' ? 'CPU' : 'memory'} profile for ${pkg}`;
      const top = topName(name);
      const pattern = benchmarkFramePattern(pkg);
      const mine = { test: (fn: string) => pattern.exec(fn)?.[1] === top };
      return stackTree(await this.read(files), sampleType, { onlyUnder: [mine] });
    });
  }

  private read(files: string[]): Promise<Profile> {
    const key = files.join('\u0000');
    let p = this.profiles.get(key);
    if (!p) {
      p = readProfiles(files.map((f) => resolve(this.stored.dir, f)));
      this.profiles.set(key, p);
    }
    return p;
  }

  split(pkg: string, kind: 'cpu' | 'mem', sampleType: string): Promise<ProfileSplit | string> {
    return this.once(this.splits, `${pkg}\u0000${sampleType}`, async () => {
      const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
      const files = entry ? (kind === 'cpu' ? entry.cpuProfiles : entry.memProfiles) : [];
      if (files.length === 0) return `no ${kind === 'cpu' ? 'CPU' : 'memory'} profile for ${pkg}`;
      return splitByBenchmark(await this.read(files), pkg, sampleType);
    });
  }

  private once<T>(cache: Map<string, Promise<T | string>>, key: string, load: () => Promise<T>): Promise<T | string> {
    let p = cache.get(key);
    if (!p) {
      p = load().catch((e: unknown) => {
        if (e instanceof BenchgateError) return e.message;
        throw e;
      });
      cache.set(key, p);
    }
    return p;
  }
}

/** Where a side's per-op costs came from. */
type ProfileSource = 'benchmark' | 'package';

/**
 * Whether a split by stack lost the benchmark's work to `b.RunParallel` goroutines it cannot
 * assign (null when it lost none: the split is as good as a split gets). The benchmark's share of
 * the profile (its samples ÷ every benchmark's plus the unassignable parallel ones) ÷ its share of
 * what the package's benchmarks measured (Σ iterations × value per op, over this run's results):
 * about 1 when its samples are its work (host load slows every benchmark of the process alike and
 * cancels), near 0 when its work ran in goroutines under no `BenchmarkX` frame and what is left
 * under its frame (setup, the harness, a few GC assists) is not the op's cost. A serial benchmark
 * beside a parallel one on k CPUs stays at ≥ 1/k.
 */
export function splitCoverage(split: ProfileSplit, results: BenchResult[], pkg: string, top: string, unit: string): number | null {
  if (split.parallelUnattributed <= 0) return null;
  let measuredTop = 0;
  let measuredAll = 0;
  for (const r of results) {
    if (r.pkg !== pkg) continue;
    const v = r.values.find((x) => x.unit === unit);
    if (!v) continue;
    measuredAll += v.value * r.iterations;
    if (topName(r.name) === top) measuredTop += v.value * r.iterations;
  }
  if (!(measuredTop > 0)) return null;
  let assigned = split.parallelUnattributed;
  for (const b of split.benchmarks.values()) if (!b.byLabel) assigned += b.all.total;
  const own = split.benchmarks.get(top)?.all.total ?? 0;
  return own / assigned / (measuredTop / measuredAll);
}

/** `Parse/large-2` → `Parse`: the benchmark function a row belongs to. */
function topName(name: string): string {
  const slash = name.indexOf('/');
  return (slash >= 0 ? name.slice(0, slash) : name).replace(/-\d+$/, '');
}

/** Below this coverage (splitCoverage) a split by stack is not used for attribution. */
const MIN_SPLIT_COVERAGE = 0.2;

async function benchmarkProfile(
  cache: ProfileCache,
  row: CompareRow,
  center: number,
): Promise<{ profile: BenchmarkProfile; source: ProfileSource } | string> {
  const kind = profileKind(row.unit);
  if (!kind) return `no profile measures ${row.unit}`;
  const own = cache.ownFiles(row.package, row.name, kind.kind);
  if (own) {
    const slice = await cache.whole(row.package, row.name, own, kind.sampleType, kind.kind);
    if (typeof slice === 'string') return slice;
    return { profile: perOpCostsOfSlice(slice, row.package, row.name, row.unit, center), source: 'benchmark' };
  }
  const split = await cache.split(row.package, kind.kind, kind.sampleType);
  if (typeof split === 'string') return split;
  const profile = perOpCosts(split, row.name, row.unit, center);
  const top = topName(row.name);
  const labelled = split.benchmarks.get(row.name)?.byLabel || split.benchmarks.get(row.name.replace(/-\d+$/, ''))?.byLabel;
  const coverage = labelled ? null : splitCoverage(split, cache.stored.run.results, row.package, top, row.unit);
  const lost = labelled ? [] : (split.benchmarks.get(top)?.parallelLost ?? []);
  if (profile.functions.length > 0 && lost.length > 0) {
    return (
      `the package-wide ${kind.kind === 'cpu' ? 'CPU' : 'memory'} profile cannot say which b.RunParallel goroutines of ` +
      `${lost.join(', ')} are Benchmark${top}'s (other benchmarks call it too): not attributed from it; profiles of one ` +
      'benchmark per process would be'
    );
  }
  if (profile.functions.length > 0 && coverage !== null && coverage < MIN_SPLIT_COVERAGE) {
    return (
      `the package-wide ${kind.kind === 'cpu' ? 'CPU' : 'memory'} profile holds little of Benchmark${top}'s work under its ` +
      `own frames (${Math.round(coverage * 100)}% of its share of the package's measured ${row.unit}; the rest ran in ` +
      'b.RunParallel goroutines, which a split by stack cannot assign): not attributed from it; profiles of one ' +
      'benchmark per process would be'
    );
  }
  return { profile, source: 'package' };
}

/**
 * Adds an attribution to every significant regression or improvement. Profiles that are missing or
 * unreadable become the attribution's note; the comparison itself is never lost.
 */
export async function attributeReport(
  report: CompareReport,
  base: StoredRun,
  head: StoredRun,
  changes: ChangeSet | null,
  log: EngineLog = silentLog,
  flames?: FlameTreesOf,
): Promise<void> {
  await attributeRows(report.rows, base, head, changes, flames);
  for (const w of changes?.warnings ?? []) log.warning(w);
}

/**
 * Attributes rows whose numbers came from confirmation runs: the confirmation's centers and
 * profiles are the same-machine evidence, so they replace the artifact comparison's.
 */
export async function attributeConfirmed(
  report: CompareReport,
  confirm: { base: StoredRun; head: StoredRun },
  changes: ChangeSet | null,
  flames?: FlameTreesOf,
): Promise<void> {
  const rows = report.rows.filter((r) => r.confirmed === true && r.confirmation);
  const proxies = rows.map((r) => ({ ...r, base: r.confirmation!.base, head: r.confirmation!.head, deltaPercent: r.confirmation!.deltaPercent }));
  // The flame graph follows the attribution: the confirmation's trees replace the first pass's,
  // and where the confirmation's profiles explain nothing, neither does a first-pass graph.
  const original = new Map(proxies.map((p, i) => [p as CompareRow, rows[i]]));
  for (const r of rows) flames?.delete(r);
  await attributeRows(proxies, confirm.base, confirm.head, changes, flames && { set: (proxy, t) => flames.set(original.get(proxy)!, t), delete: () => {} });
  rows.forEach((r, i) => {
    if (proxies[i].attribution) r.attribution = proxies[i].attribution;
  });
}

/**
 * A row's two call trees in cost per op (the flame graph's input), from the profiles and centers
 * its attribution used; `note` says when they are approximate.
 */
export interface FlameTrees {
  /** Null for a side that costs nothing per op (e.g. 0 allocs/op): its frames are all 0. */
  base: StackNode | null;
  head: StackNode | null;
  note?: string;
}

/** Where attribution leaves each attributed row's trees (a Map works). */
export interface FlameTreesOf {
  set(row: CompareRow, trees: FlameTrees): void;
  delete(row: CompareRow): void;
}

async function flameTrees(
  caches: [ProfileCache, ProfileCache],
  row: CompareRow,
  sources: [ProfileSource, ProfileSource],
): Promise<FlameTrees | null> {
  const kind = profileKind(row.unit);
  if (!kind || !row.base || !row.head) return null;
  const [b, h] = await Promise.all(caches.map((c) => c.tree(row.package, row.name, kind.sampleType, kind.kind)));
  if (typeof b === 'string' || typeof h === 'string') return null;
  const base = perOpTree(b, row.base.center);
  const head = perOpTree(h, row.head.center);
  // A side without samples is drawn as nothing only when it costs nothing; otherwise its profile
  // was too short to be sampled and every frame would wrongly look new (or gone).
  if ((!base && row.base.center !== 0) || (!head && row.head.center !== 0) || (!base && !head)) return null;
  const split = sources.filter((s) => s === 'package').length;
  const note = split
    ? `${split === 2 ? 'Both sides' : sources[0] === 'package' ? 'The base side' : 'The head side'} ${split === 2 ? 'come' : 'comes'} from a package-wide profile: ` +
      `only the samples under Benchmark${topName(row.name)}'s frames (sub-benchmarks that share a closure are not told apart; ` +
      'b.RunParallel goroutines and GC workers are missing)'
    : undefined;
  return { base, head, ...(note ? { note } : {}) };
}

async function attributeRows(rows: CompareRow[], base: StoredRun, head: StoredRun, changes: ChangeSet | null, flames?: FlameTreesOf): Promise<void> {
  const baseCache = new ProfileCache(base);
  const headCache = new ProfileCache(head);
  for (const row of rows) {
    if (row.verdict !== 'regression' && row.verdict !== 'improvement') continue;
    if (!row.base || !row.head || !profileKind(row.unit)) continue;
    const [b, h] = await Promise.all([
      benchmarkProfile(baseCache, row, row.base.center),
      benchmarkProfile(headCache, row, row.head.center),
    ]);
    if (typeof b === 'string' || typeof h === 'string') {
      const notes = [b, h].filter((x): x is string => typeof x === 'string');
      row.attribution = { functions: [], note: [...new Set(notes)].join('; ') };
      continue;
    }
    if (b.source !== h.source) {
      // Background work (GC workers; b.RunParallel goroutines the split could not link) is in the
      // benchmark's own profile only, so its functions move between the sides for that reason alone.
      const split = b.source === 'package' ? b.profile : h.profile;
      const mixed =
        `the ${b.source === 'package' ? 'base' : 'head'} side has only a package-wide profile, split by stack, the other ` +
        "this benchmark's own: the GC's background work is counted on one side only";
      split.note = split.note ? `${split.note}; ${mixed}` : mixed;
    }
    const a = attribute(row, b.profile, h.profile, changes?.functions ?? [], changes?.commitsOf ?? (() => []), { diffKnown: !!changes });
    if (!changes && a.functions.length) {
      a.note = (a.note ? a.note + '. ' : '') + 'The PR diff was not available: changed functions are not marked';
    }
    row.attribution = a;
    if (flames) {
      const trees = await flameTrees([baseCache, headCache], row, [b.source, h.source]);
      if (trees) flames.set(row, trees);
    }
  }
}
