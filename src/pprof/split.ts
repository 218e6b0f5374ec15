/**
 * Splitting one package's profile by benchmark. `go test -bench` profiles the whole test
 * binary, so each sample is assigned to the benchmark whose function is the root-most
 * `<pkg>.BenchmarkX` frame (or one of its closures, `BenchmarkX.func1`, `BenchmarkX.func1.2`)
 * on its stack. Sub-benchmarks run in closures, so the stack alone cannot say which
 * sub-benchmark a sample belongs to; a pprof label (default key `benchmark`, value
 * `b.Name()`) can. Samples with no benchmark frame (GC workers, the scheduler, the test
 * harness) are kept as `unattributed`, not dropped.
 */
import { FunctionAggregator, byNameAndFile, compareTop, type FunctionTotals } from './aggregate.js';
import type { Profile, Sample, ValueType } from './model.js';
import { sampleIndexByName } from './sample-type.js';

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
}

export interface ProfileSplit {
  package: string;
  sampleType: ValueType;
  /** Sum of the sample values (the chosen index) over the whole profile. */
  total: number;
  /** Keyed by `name` (stack-derived names and label-derived names share the map). */
  benchmarks: Map<string, BenchmarkSamples>;
  unattributed: SampleSlice;
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

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function splitByBenchmark(p: Profile, pkg: string, sampleIndex?: number | string, options: SplitOptions = {}): ProfileSplit {
  const index = sampleIndexByName(p, sampleIndex);
  const labelKeys = options.labelKeys ?? ['benchmark'];
  const prefixes = [...new Set([pkg, symbolPackage(pkg)])].map(escapeRe).join('|');
  // BenchmarkX, BenchmarkX.func1, BenchmarkX.func1.2, BenchmarkX.gowrap1 … (also in the _test package).
  const benchRe = new RegExp(`^(?:${prefixes})(?:_test)?\\.Benchmark([^./]*)(?:\\.(.+))?$`);

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
  }
  const accs = new Map<string, Acc>();
  const accFor = (name: string, byLabel: boolean): Acc => {
    let a = accs.get(name);
    if (!a) {
      a = { all: new FunctionAggregator(byNameAndFile), allTotal: 0, closures: null, closuresTotal: 0, closureNames: new Set(), byLabel };
      accs.set(name, a);
    }
    return a;
  };
  const unattributed = new FunctionAggregator(byNameAndFile);
  let unattributedTotal = 0;
  let total = 0;

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
    let root: { name: string; closure: string } | null = null;
    for (let i = s.location.length - 1; i >= 0 && !root; i--) root = benchOfLoc[s.location[i].index];
    if (!root) {
      unattributed.add(s, w);
      unattributedTotal += w;
      continue;
    }
    const a = accFor(root.name, false);
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
    functions: agg.nonZero().map((n) => ({ ...agg.rows[n] })).sort(compareTop),
  });
  const benchmarks = new Map<string, BenchmarkSamples>();
  for (const [name, a] of accs) {
    benchmarks.set(name, {
      name,
      all: slice(a.all, a.allTotal),
      closures: a.closures ? slice(a.closures, a.closuresTotal) : null,
      closureNames: [...a.closureNames].sort(),
      byLabel: a.byLabel,
    });
  }
  return {
    package: pkg,
    sampleType: p.sampleType[index] ?? { type: '', unit: '' },
    total,
    benchmarks,
    unattributed: slice(unattributed, unattributedTotal),
  };
}
