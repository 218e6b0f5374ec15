/**
 * One sample set → its center and confidence interval (benchmath's `Summary`).
 *
 * `nothing` (the default): benchmark results are rarely normal, so the center is the median
 * and the interval comes from order statistics, which assume no distribution at all. The price
 * is samples: at 95% no interval exists below 6 of them, and benchstat says so.
 * `exact`: the unit is deterministic (`Unit … assume=exact`): the center is the value itself.
 */
import type { Summary } from '../types.js';
import { formatGoV } from '../benchfmt/goformat.js';
import { medianCI, medianSamplesNeeded, medianSorted } from './median.js';
import { sortedCopy } from './mannwhitney.js';

export type Assumption = 'nothing' | 'exact';

export interface SummarizeOptions {
  /** Confidence level of the interval, in (0, 1]; default 0.95. */
  confidence?: number;
  assume?: Assumption;
}

export function summarize(samples: ArrayLike<number>, opts: SummarizeOptions = {}): Summary {
  return summarizeSorted(sortedCopy(samples), opts);
}

/** `summarize` of a sample already sorted ascending by `sortedCopy`. */
export function summarizeSorted(xs: Float64Array, opts: SummarizeOptions = {}): Summary {
  const confidence = opts.confidence ?? 0.95;
  const n = xs.length;
  if (n === 0) return { n, center: NaN, lo: NaN, hi: NaN, warnings: ['no samples'] };
  return opts.assume === 'exact' ? summarizeExact(xs) : summarizeMedian(xs, confidence);
}

function summarizeMedian(xs: Float64Array, confidence: number): Summary {
  const n = xs.length;
  const ci = medianCI(n, confidence);
  // Orders outside 1…n are the infinite bounds of a too-small sample: NaN in our Summary.
  const lo = ci.lo >= 1 ? xs[ci.lo - 1] : NaN;
  const hi = ci.hi <= n ? xs[ci.hi - 1] : NaN;
  const warnings: string[] = [];
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    const need = medianSamplesNeeded(confidence);
    warnings.push(`need ${need.op} ${need.n} samples for confidence interval at level ${formatGoV(confidence)}`);
  }
  return { n, center: medianSorted(xs), lo, hi, warnings };
}

function summarizeExact(xs: Float64Array): Summary {
  // The mode (the first of the longest runs), which is *the* value when all agree.
  let val = xs[0];
  let count = 1;
  let mode = val;
  let modeCount = 1;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] === val) {
      count++;
      if (count > modeCount) {
        mode = val;
        modeCount = count;
      }
    } else {
      val = xs[i];
      count = 1;
    }
  }
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const warnings =
    modeCount === xs.length
      ? []
      : [`exact distribution expected, but values range from ${formatGoV(lo)} to ${formatGoV(hi)}`];
  return { n: xs.length, center: mode, lo, hi, warnings };
}
