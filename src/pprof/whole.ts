/**
 * A profile that holds exactly one benchmark: the process ran one leaf benchmark (`-test.bench`
 * anchored per name level), so every sample is that benchmark's — the goroutines of its
 * `b.RunParallel` (rooted at `testing.(*B).RunParallel.func1`, under no `BenchmarkX` frame), the
 * GC work its allocations cause (`gcBgMarkWorker`, sweeping), the harness's own few samples. No
 * stack split: the whole profile is the benchmark's, which is what a split by stack cannot give.
 */
import { FunctionAggregator, byNameAndFile, compareTop } from './aggregate.js';
import type { Profile } from './model.js';
import { sampleIndexByName } from './sample-type.js';
import type { SampleSlice } from './split.js';

/** flat/cum per function (key: name + file) over every sample of the profile. */
export function wholeProfile(p: Profile, sampleIndex?: number | string): SampleSlice {
  const index = sampleIndexByName(p, sampleIndex);
  const agg = new FunctionAggregator(byNameAndFile);
  let total = 0;
  for (const s of p.sample) {
    const w = s.value[index];
    total += w;
    agg.add(s, w);
  }
  return { total, functions: agg.nonZero().map((n) => ({ ...agg.rows[n] })).sort(compareTop) };
}
