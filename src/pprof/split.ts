/**
 * Splitting one package's profile by benchmark. `go test -bench` profiles the whole test
 * binary, so each sample is assigned to the benchmark whose function is the root-most
 * `<pkg>.BenchmarkX` frame (or one of its closures, `BenchmarkX.func1`, `BenchmarkX.func1.2`)
 * on its stack. Sub-benchmarks run in closures, so the stack alone cannot say which
 * sub-benchmark a sample belongs to; a pprof label (default key `benchmark`, value
 * `b.Name()`) can. Samples with no benchmark frame (GC workers, the scheduler, the test
 * harness) are kept as `unattributed`, not dropped.
 *
 * `b.RunParallel` runs the work in goroutines rooted at `testing.(*B).RunParallel.func1`, under
 * no benchmark frame. When the parallel body is a closure of a helper (`pkg.helper.func1`) and
 * that helper shows on the stacks of exactly one benchmark (its setup, or its call to
 * RunParallel, was sampled there), those goroutines are that benchmark's; otherwise they stay
 * unattributed and are counted in `parallelUnattributed`, so a caller can tell that a benchmark's
 * work may be missing from its samples.
 */
import { FunctionAggregator, byNameAndFile, compareTop, type FunctionTotals } from './aggregate.js';
import type { Profile, Sample, ValueType } from './model.js';
import { sampleIndexByName } from './sample-type.js';
import { quoteMeta } from '../regexp.js';

/** flat/cum per function over one set of samples. Function key: name + file. */
export interface SampleSlice {
  total: number;
  functions: FunctionTotals[];
}

export interface BenchmarkSamples {
  /** Benchmark name without the `Benchmark` prefix: `Parse`, or `Parse/small` from a label. */
  name: string;
  /** All the benchmark's samples (its own body and every closure). */
  all: SampleSlice;
  /** Only the samples rooted in closures (where sub-benchmarks run); null when there are none. */
  closures: SampleSlice | null;
  /** The closures that were root-most frames, e.g. ['func1', 'func2']. */
  closureNames: string[];
  /** True when the samples were picked by pprof label, not by stack. */
  byLabel: boolean;
  /** Helpers whose `b.RunParallel` goroutines were assigned to this benchmark through its stacks. */
  parallelVia: string[];
  /**
   * Helpers on this benchmark's stacks whose `b.RunParallel` goroutines could not be assigned
   * (other benchmarks' stacks show them too): some of this benchmark's work is not in its samples.
   */
  parallelLost: string[];
}

export interface ProfileSplit {
  package: string;
  sampleType: ValueType;
  /** Sum of the sample values (the chosen index) over the whole profile. */
  total: number;
  /** Keyed by `name` (stack-derived names and label-derived names share the map). */
  benchmarks: Map<string, BenchmarkSamples>;
  unattributed: SampleSlice;
  /**
   * The part of `unattributed` that ran in `b.RunParallel` goroutines (a
   * `testing.(*B).RunParallel.func1` frame, no benchmark frame) and could not be assigned: work of
   * some benchmark whose parallel body is a helper's closure that no one benchmark's stacks show.
   */
  parallelUnattributed: number;
}

export interface SplitOptions {
  /** Label keys whose value is a benchmark name (`b.Name()`). */
  labelKeys?: string[];
}

/** Go escapes dots in the last element of a package path inside symbol names. */
function symbolPackage(pkg: string): string {
  const slash = pkg.lastIndexOf('/');
  return pkg.slice(0, slash + 1) + pkg.slice(slash + 1).replace(/\./g, '%2e');
}

/** The goroutine body `b.RunParallel` starts (its stacks' root). */
export const PARALLEL_BODY = /^testing\.\(\*B\)\.RunParallel\.func\d+$/;

/** `pkg.helper.func1.2` → `pkg.helper`: the function a closure is declared in. */
const enclosing = (name: string) => name.replace(/(?:\.(?:func|gowrap)?\d+)+$/, '');

/**
 * The enclosing function of the body a `b.RunParallel` goroutine runs (the frame just above
 * `RunParallel.func1`), or null when the sample is not in such a goroutine.
 */
function parallelBody(s: Sample): string | null {
  let seen = false;
  for (let i = s.location.length - 1; i >= 0; i--) {
    const lines = s.location[i].line;
    for (let j = lines.length - 1; j >= 0; j--) {
      const name = lines[j].function.name;
      if (seen) return enclosing(name);
      if (PARALLEL_BODY.test(name)) seen = true;
    }
  }
  return null;
}

/**
 * A benchmark function of `pkg` or one of its closures, as a frame name: BenchmarkX,
 * BenchmarkX.func1, BenchmarkX.func1.2, BenchmarkX.gowrap1 … (also in the _test package);
 * group 1 is X, group 2 the closure path.
 */
export function benchmarkFramePattern(pkg: string): RegExp {
  const prefixes = [...new Set([pkg, symbolPackage(pkg)])].map(quoteMeta).join('|');
  return new RegExp(`^(?:${prefixes})(?:_test)?\\.Benchmark([^./]*)(?:\\.(.+))?$`);
}

export function splitByBenchmark(p: Profile, pkg: string, sampleIndex?: number | string, options: SplitOptions = {}): ProfileSplit {
  const index = sampleIndexByName(p, sampleIndex);
  const labelKeys = options.labelKeys ?? ['benchmark'];
  const benchRe = benchmarkFramePattern(pkg);

  // Per location: the root-most benchmark frame among its lines (the last matching line is the most caller-ward).
  const benchOfLoc: ({ name: string; closure: string } | null)[] = p.location.map((l) => {
    for (let i = l.line.length - 1; i >= 0; i--) {
      const m = benchRe.exec(l.line[i].function.name);
      if (m) return { name: m[1], closure: m[2] ?? '' };
    }
    return null;
  });

  interface Acc {
    all: FunctionAggregator;
    allTotal: number;
    closures: FunctionAggregator | null;
    closuresTotal: number;
    closureNames: Set<string>;
    byLabel: boolean;
    parallelVia: Set<string>;
  }
  const accs = new Map<string, Acc>();
  const accFor = (name: string, byLabel: boolean): Acc => {
    let a = accs.get(name);
    if (!a) {
      a = { all: new FunctionAggregator(byNameAndFile), allTotal: 0, closures: null, closuresTotal: 0, closureNames: new Set(), byLabel, parallelVia: new Set() };
      accs.set(name, a);
    }
    return a;
  };
  const unattributed = new FunctionAggregator(byNameAndFile);
  let unattributedTotal = 0;
  let parallelTotal = 0;
  let total = 0;

  const rootOf = (s: Sample): { name: string; closure: string } | null => {
    let root: { name: string; closure: string } | null = null;
    for (let i = s.location.length - 1; i >= 0 && !root; i--) root = benchOfLoc[s.location[i].index];
    return root;
  };
  const { owners, lost } = parallelOwners(p, rootOf);

  const labelled = (s: Sample): string | null => {
    for (const k of labelKeys) {
      const v = s.label[k]?.[0];
      if (v) return v.replace(/^Benchmark/, '');
    }
    return null;
  };

  for (const s of p.sample) {
    const w = s.value[index];
    total += w;
    let root = rootOf(s);
    let via: string | null = null;
    if (!root && owners.size > 0) {
      const body = parallelBody(s);
      const owner = body === null ? undefined : owners.get(body);
      if (owner) [root, via] = [owner, body];
    }
    if (!root) {
      unattributed.add(s, w);
      unattributedTotal += w;
      if (parallelBody(s) !== null) parallelTotal += w;
      continue;
    }
    const a = accFor(root.name, false);
    if (via !== null) a.parallelVia.add(via);
    a.all.add(s, w);
    a.allTotal += w;
    if (root.closure !== '') {
      a.closures ??= new FunctionAggregator(byNameAndFile);
      a.closures.add(s, w);
      a.closuresTotal += w;
      a.closureNames.add(root.closure);
    }
    const label = labelled(s);
    if (label !== null && label !== root.name) {
      const l = accFor(label, true);
      l.all.add(s, w);
      l.allTotal += w;
    }
  }

  const slice = (agg: FunctionAggregator, sliceTotal: number): SampleSlice => ({
    total: sliceTotal,
    functions: agg.nonZero().map((n) => agg.row(n)).sort(compareTop),
  });
  const benchmarks = new Map<string, BenchmarkSamples>();
  for (const [name, a] of accs) {
    benchmarks.set(name, {
      name,
      all: slice(a.all, a.allTotal),
      closures: a.closures ? slice(a.closures, a.closuresTotal) : null,
      closureNames: [...a.closureNames].sort(),
      byLabel: a.byLabel,
      parallelVia: [...a.parallelVia].sort(),
      parallelLost: [...(lost.get(name) ?? [])].sort(),
    });
  }
  return {
    package: pkg,
    sampleType: p.sampleType[index] ?? { type: '', unit: '' },
    total,
    benchmarks,
    unattributed: slice(unattributed, unattributedTotal),
    parallelUnattributed: parallelTotal,
  };
}

/**
 * For each helper whose closure is a `b.RunParallel` body in goroutines under no benchmark frame:
 * the benchmark (and its root-most closure) whose stacks show that helper, when exactly one does;
 * and per benchmark, the helpers it shares with others (their goroutines stay unassigned).
 */
function parallelOwners(
  p: Profile,
  rootOf: (s: Sample) => { name: string; closure: string } | null,
): { owners: Map<string, { name: string; closure: string }>; lost: Map<string, Set<string>> } {
  const owners = new Map<string, { name: string; closure: string }>();
  const lost = new Map<string, Set<string>>();
  const wanted = new Set<string>();
  for (const s of p.sample) {
    if (rootOf(s)) continue;
    const body = parallelBody(s);
    if (body !== null) wanted.add(body);
  }
  if (wanted.size === 0) return { owners, lost };
  const found = new Map<string, Map<string, { name: string; closure: string }>>();
  for (const s of p.sample) {
    const root = rootOf(s);
    if (!root) continue;
    for (const l of s.location) {
      for (const line of l.line) {
        const name = line.function.name;
        if (!wanted.has(name)) continue;
        let m = found.get(name);
        if (!m) found.set(name, (m = new Map()));
        if (!m.has(root.name)) m.set(root.name, root);
      }
    }
  }
  for (const [helper, benchmarks] of found) {
    if (benchmarks.size === 1) {
      owners.set(helper, [...benchmarks.values()][0]);
      continue;
    }
    for (const b of benchmarks.keys()) {
      if (!lost.has(b)) lost.set(b, new Set());
      lost.get(b)!.add(helper);
    }
  }
  return { owners, lost };
}
