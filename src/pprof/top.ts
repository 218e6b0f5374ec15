/** `go tool pprof -top` as data: flat and cum per function for one sample type. */
import { FunctionAggregator, byName, compareTop, type FunctionTotals } from './aggregate.js';
import type { Location, Profile, ValueType } from './model.js';
import { sampleIndexByName } from './sample-type.js';

export interface TopRow extends FunctionTotals {
  /** pprof's marker: every call into the function was inlined, or only some were. */
  inline: '' | 'inline' | 'partial-inline';
}

export interface TopReport {
  sampleType: ValueType;
  sampleIndex: number;
  /** Sum of |value| over all samples (before focus, as pprof's percentages are). */
  total: number;
  rows: TopRow[];
}

export interface TopOptions {
  /** Keep only samples with a frame whose function name, file or binary matches (pprof `-focus`). */
  focus?: RegExp;
  /** Compute pprof's "(inline)" markers (needs the call edges; on by default). */
  inlineMarkers?: boolean;
}

export function topFunctions(p: Profile, sampleIndex?: number | string, options: TopOptions = {}): TopReport {
  const index = sampleIndexByName(p, sampleIndex);
  let total = 0;
  for (const s of p.sample) total += Math.abs(s.value[index]);
  const focused = options.focus ? focusMatcher(p, options.focus) : null;
  const agg = new FunctionAggregator(byName, options.inlineMarkers ?? true, p.location);
  for (const s of p.sample) {
    if (focused && !s.location.some((l) => focused[l.index])) continue;
    agg.add(s, s.value[index]);
  }
  const markers = agg.inlineMarkers();
  const rows: TopRow[] = agg.nonZero().map((n) => ({ ...agg.rows[n], inline: markers[n] }));
  rows.sort(compareTop);
  return { sampleType: p.sampleType[index] ?? { type: '', unit: '' }, sampleIndex: index, total, rows };
}

/** Per Location.index: whether the location matches pprof's focus rule. */
function focusMatcher(p: Profile, re: RegExp): boolean[] {
  const test = (s: string) => {
    re.lastIndex = 0;
    return re.test(s);
  };
  return p.location.map(
    (l: Location) =>
      l.line.some((ln) => test(ln.function.name) || test(ln.function.filename)) || (l.mapping !== null && test(l.mapping.file)),
  );
}
