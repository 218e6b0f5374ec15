/**
 * Reading main's history: a sparkline of a benchmark's last runs (for the PR comment), and step
 * changes, a shift in a benchmark's level that a merge brought in without a PR gate noticing (a
 * slowdown below the gate's power, a change pushed straight to main, a toolchain update). Pure.
 */
import { higherIsBetter } from '../compare/compare.js';
import { mannWhitneyU, sortedCopy } from '../stats/mannwhitney.js';
import { medianSorted } from '../stats/median.js';
import { allSeries, seriesOf, type History } from './history.js';

const BARS = '▁▂▃▄▅▆▇█';

/**
 * One bar per value, scaled from the smallest (▁) to the largest (█); a run where the benchmark
 * did not run is a gap (·). All equal: a flat line of ▄, which reads as "no change", not "low".
 */
export function sparkline(values: readonly (number | null)[]): string {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (xs.length === 0) return '';
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return '·';
      if (hi === lo) return BARS[3];
      return BARS[Math.min(BARS.length - 1, Math.floor(((v - lo) / (hi - lo)) * BARS.length))];
    })
    .join('');
}

/** The sparkline of one benchmark's last `last` runs in the history; '' with fewer than 2 values. */
export function trendOf(history: History | null | undefined, pkg: string, name: string, unit: string, last = 20): string {
  if (!history) return '';
  const values = seriesOf(history, pkg, name, unit).values.slice(-last);
  // Leading gaps are runs from before the benchmark existed: not worth a column of dots.
  const first = values.findIndex((v) => v !== null);
  const shown = first < 0 ? [] : values.slice(first);
  return shown.filter((v) => v !== null).length >= 2 ? sparkline(shown) : '';
}

export interface StepOptions {
  /** Runs on each side of the step (the last `window` against the `window` before). */
  window: number;
  /** Two-sided Mann–Whitney U level. */
  alpha: number;
  /** Minimum change of the median, in percent (the gate's threshold). */
  threshold: number;
  /** benchfmt `better` metadata, for the direction of custom units. */
  units?: Record<string, Record<string, string>>;
}

export const DEFAULT_STEP_WINDOW = 5;

export interface StepChange {
  pkg: string;
  name: string;
  unit: string;
  /** Median of the earlier and of the later window's medians. */
  before: number;
  after: number;
  deltaPercent: number;
  p: number;
  /** True when the change is for the worse in this unit (slower, more bytes; less B/s). */
  worse: boolean;
  /** The step lies after `fromCommit` (last run of the earlier window), up to `toCommit` (the newest). */
  fromCommit: string;
  toCommit: string;
}

/**
 * Benchmarks whose level stepped: the last `window` runs against the `window` before, by the
 * Mann–Whitney U test on the runs' medians and the threshold on the change of their median, as the
 * gate judges a PR. A step shows here for about `window` runs after it landed (until the earlier
 * window is past it). A benchmark missing from any of those runs is not judged. Both conditions
 * are needed: a long history has small drifts that are significant and harmless, and single
 * noisy runs that are large and not significant. Largest changes first.
 */
export function detectSteps(history: History, opts: StepOptions): StepChange[] {
  const k = Math.max(2, Math.floor(opts.window));
  const n = history.entries.length;
  if (n < 2 * k) return [];
  const steps: StepChange[] = [];
  for (const s of allSeries(history)) {
    const recent = s.values.slice(n - 2 * k);
    if (recent.some((v) => v === null)) continue;
    const a = recent.slice(0, k) as number[];
    const b = recent.slice(k) as number[];
    const before = medianSorted(sortedCopy(a));
    const after = medianSorted(sortedCopy(b));
    if (before === 0) continue;
    const deltaPercent = (after / before - 1) * 100;
    const { p } = mannWhitneyU(a, b);
    if (p > opts.alpha || Math.abs(deltaPercent) < opts.threshold) continue;
    const higher = higherIsBetter(s.unit, opts.units ?? {});
    steps.push({
      pkg: s.pkg,
      name: s.name,
      unit: s.unit,
      before,
      after,
      deltaPercent,
      p,
      worse: higher ? after < before : after > before,
      fromCommit: history.entries[n - k - 1].commit,
      toCommit: history.entries[n - 1].commit,
    });
  }
  return steps.sort((x, y) => Number(y.worse) - Number(x.worse) || Math.abs(y.deltaPercent) - Math.abs(x.deltaPercent));
}
