/**
 * Leaf benchmarks: the unit the pairs runner measures (one leaf, one process, one pair). A leaf is
 * a benchmark that reports a result — a top-level benchmark without sub-benchmarks, or the
 * innermost `b.Run` — at one `-cpu` value. Sub-benchmark names exist only at run time, so a
 * listing run (every selected benchmark once, `-test.benchtime=1x`) finds them; each leaf is then
 * selected alone by a pattern anchored at every name level. Pure: output text in, leaves out.
 */
import { parseBenchText } from '../benchfmt/index.js';
import { quoteMeta } from '../regexp.js';

export interface Leaf {
  /** The name as in BenchResult.name: `Table/small#01-2` (`-procs` suffix kept). */
  name: string;
  /** The `-test.cpu` value it runs at (GOMAXPROCS; Go prints it as the suffix unless 1). */
  cpu: number;
  /** A `-test.bench` pattern that selects this leaf and nothing else. */
  pattern: string;
}

/**
 * The pattern for one leaf, named as Go prints it without the `-procs` suffix and without the
 * `Benchmark` prefix (`Table/small#01`): `^BenchmarkTable$/^small#01$`. Every level is anchored
 * and escaped, so `small` does not select `small#01` or `smaller`, and a name like `a.b(c)|d`
 * matches only itself. Go matches each level against the name it prints: after its rewriting
 * (spaces become `_`) and after de-duplication (the second `small` is `small#01`), so the printed
 * name is the one to escape.
 */
export function leafPattern(nameWithoutProcs: string): string {
  return `Benchmark${nameWithoutProcs}`
    .split('/')
    .map((part) => `^${quoteMeta(part)}$`)
    .join('/');
}

/** A printed name (`Table/small-2`) without the suffix that `-test.cpu=cpu` adds (none for 1). */
export function stripProcs(name: string, cpu: number): string {
  const suffix = `-${cpu}`;
  return cpu !== 1 && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

/**
 * The leaves a listing run found: its result names, in order, once each. The listing runs at one
 * `-cpu` value, so the suffix to strip is known exactly (a name list from `-cpu 1,2` would be
 * ambiguous: `n-2` at one proc and `n` at two print alike).
 */
export function leavesFromListing(stdout: string, cpu: number): Leaf[] {
  const seen = new Set<string>();
  const leaves: Leaf[] = [];
  for (const r of parseBenchText(stdout, 'listing').results) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    leaves.push({ name: r.name, cpu, pattern: leafPattern(stripProcs(r.name, cpu)) });
  }
  return leaves;
}

/**
 * A listing pattern for benchmarks named as in BenchResult (confirmation's suspects): every reading
 * of each name, with and without a `-procs` suffix from `procs`, since `Size/n-2` may be the leaf
 * `n-2` at one proc or `n` at two. The listing at each `-cpu` value then tells which exists, and
 * the caller keeps the leaves whose printed names are the ones asked for.
 */
export function listingPatternFor(names: readonly string[], procs: readonly number[]): string {
  const readings = new Set<string>();
  for (const name of names) {
    readings.add(leafPattern(name));
    for (const p of procs) if (stripProcs(name, p) !== name) readings.add(leafPattern(stripProcs(name, p)));
  }
  return [...readings].join('|');
}

/**
 * Which benchmarks an output says failed or were running when the process died, named as in
 * BenchResult (`Mixed/bad-2`): the innermost `--- FAIL:` names (a failing sub-benchmark fails its
 * parents too; the line may follow the leaf's name on the same line), and a name printed with no result after it (Go prints a leaf's name before running
 * it; a panic or a kill leaves it without its numbers).
 */
export function failedBenchmarks(stdout: string, stderr = ''): string[] {
  const failed = [...stdout.matchAll(/--- FAIL: Benchmark(\S*)/g)].map((m) => m[1]);
  const innermost = failed.filter((n) => !failed.some((o) => o !== n && o.startsWith(`${n}/`)));
  const running = unfinishedBenchmark(stdout, stderr);
  if (running !== undefined && !innermost.includes(running)) innermost.push(running);
  return [...new Set(innermost)];
}

/**
 * The benchmark that was running when the process died (a panic, a kill). With `-test.v` Go prints
 * every benchmark's name before it starts, without the `-procs` suffix (`Mixed/bad`); without it,
 * only sometimes, with the suffix; so the name that ends the output with no result after it is
 * the one. A panic's trace says better: at `-cpu 2` the benchmark's goroutine can panic after the
 * main goroutine has moved on and printed the next name (`BenchmarkPanics-2 1`, then
 * `BenchmarkAfter`, then Panics' panic: 6 of 150 listing runs on a loaded machine), and skipping
 * that next one loses it. The printed name is kept when it is the panicking benchmark or one of
 * its sub-benchmarks (the trace names only the top level).
 */
export function unfinishedBenchmark(stdout: string, stderr = ''): string | undefined {
  const lastLine = stdout.replace(/\s+$/, '').split('\n').pop() ?? '';
  const last = /^Benchmark(\S*)\s*$/.exec(lastLine)?.[1];
  const panicked = panickedBenchmark(stderr);
  if (panicked === undefined) return last;
  return last !== undefined && (last === panicked || last.startsWith(`${panicked}/`)) ? last : panicked;
}

/**
 * The top-level benchmark in the panicking goroutine's stack (`pkg.BenchmarkX(` or
 * `pkg.BenchmarkX.func1(`): at GOMAXPROCS > 1 the benchmark's goroutine can panic before the main
 * goroutine has printed its name, so stdout alone does not always say (Go 1.26, `-cpu 2`). Only
 * the first goroutine of the trace, the one that panicked, is read.
 */
export function panickedBenchmark(stderr: string): string | undefined {
  const at = stderr.indexOf('\npanic: ') >= 0 ? stderr.indexOf('\npanic: ') : stderr.startsWith('panic: ') ? 0 : -1;
  if (at < 0) return undefined;
  const goroutine = /\ngoroutine \d+ \[[^\]]*\]:\n([\s\S]*?)(?:\n\n|$)/.exec(stderr.slice(at));
  return goroutine ? /\.Benchmark([\p{L}\p{N}_]*)(?:\.func\d+)*\(/u.exec(goroutine[1])?.[1] : undefined;
}

/** The most listing runs per package, side and `-cpu` value when benchmarks crash them. */
export const MAX_LISTING_RUNS = 4;
