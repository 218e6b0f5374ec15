/**
 * A profile that holds exactly one benchmark: the process ran one leaf benchmark (`-test.bench`
 * anchored per name level), so every sample is that benchmark's — the goroutines of its
 * `b.RunParallel` (rooted at `testing.(*B).RunParallel.func1`, under no `BenchmarkX` frame), the
 * GC work its allocations cause (`gcBgMarkWorker`, sweeping), the harness's own few samples. No
 * stack split: the whole profile is the benchmark's, which is what a split by stack cannot give.
 */
import { FunctionAggregator, byNameAndFile, compareTop } from './aggregate.js';
import type { Profile, Sample } from './model.js';
import { sampleIndexByName } from './sample-type.js';
import type { SampleSlice } from './split.js';

export interface WholeOptions {
  /**
   * Keep only samples with a frame matching one of these (e.g. the package's Benchmark frames and
   * `b.RunParallel`'s goroutine body). For memory profiles: an allocation is always recorded on the
   * stack of the goroutine that made it, so one under none of the benchmark's frames is the
   * harness's (process start, printing the result line) — few bytes, but in allocs/op as many
   * objects as the benchmark's own. CPU profiles keep every sample: the GC and scheduler work a
   * benchmark causes runs on no benchmark stack and is its cost all the same.
   */
  onlyUnder?: { test(functionName: string): boolean }[];
}

/** flat/cum per function (key: name + file) over every sample of the profile (or those `onlyUnder` keeps). */
export function wholeProfile(p: Profile, sampleIndex?: number | string, options: WholeOptions = {}): SampleSlice {
  const index = sampleIndexByName(p, sampleIndex);
  const agg = new FunctionAggregator(byNameAndFile);
  const kept = sampleFilter(options);
  let total = 0;
  for (const s of p.sample) {
    if (!kept(s)) continue;
    const w = s.value[index];
    total += w;
    agg.add(s, w);
  }
  return { total, functions: agg.nonZero().map((n) => agg.row(n)).sort(compareTop) };
}

/** Which samples count as the benchmark's (WholeOptions.onlyUnder); the flame graph's tree keeps the same ones. */
export function sampleFilter(options: WholeOptions): (s: Sample) => boolean {
  const keep = options.onlyUnder;
  if (!keep) return () => true;
  return (s) => s.location.some((l) => l.line.some((ln) => keep.some((re) => re.test(ln.function.name))));
}
