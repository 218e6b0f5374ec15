/** `go tool pprof -top` as data: flat and cum per function for one sample type. */
import { FunctionAggregator, byName, compareTop, type FunctionTotals } from './aggregate.js';
import { decodeProfileTables, forEachRawSample } from './decode.js';
import type { Location, Profile, ValueType } from './model.js';
import { resolveTables } from './raw.js';
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
  return topOver(p, sampleIndex, options, (visit) => {
    for (const s of p.sample) visit(s.location, s.location.length, s.value);
  });
}

/**
 * topFunctions straight from the uncompressed protobuf of one profile, without a Sample object
 * per sample: the tables are decoded first, then each sample is read into scratch arrays and
 * added to the totals as it is read. A 60 MB CPU profile is over a million samples of ~20 frames;
 * as objects they were most of `profile top`'s time (their garbage collection) and memory (a few
 * hundred bytes each, next to the protobuf's ~50). Returns the profile's tables too (its
 * `sample` is empty), for the report's header.
 */
export function topOfProtobuf(buf: Uint8Array, file: string, sampleIndex?: number | string, options: TopOptions = {}): { profile: Profile; report: TopReport } {
  const { raw, sampleCount } = decodeProfileTables(buf, file);
  const { profile, samples } = resolveTables(raw, file, sampleCount);
  const locs: Location[] = [];
  // top reads no labels, but a label naming a string that is not there is still a broken file.
  const checkedLabels = new Set<string>();
  const report = topOver(profile, sampleIndex, options, (visit) =>
    forEachRawSample(buf, file, (s) => {
      samples.stack(s.locationId, s.locations, s.values, s.at, locs);
      if (s.label.length > 0) {
        const key = s.label.join(',');
        if (!checkedLabels.has(key)) {
          samples.labels(s);
          if (checkedLabels.size < 4096) checkedLabels.add(key);
        }
      }
      visit(locs, s.locations, s.value);
    }),
  );
  return { profile, report };
}

/**
 * Each sample's stack (the first `depth` locations, leaf first) and values; both may be scratch
 * arrays reused for the next sample.
 */
type SampleWalk = (visit: (locations: readonly Location[], depth: number, values: readonly number[]) => void) => void;

function topOver(p: Profile, sampleIndex: number | string | undefined, options: TopOptions, walk: SampleWalk): TopReport {
  const index = sampleIndexByName(p, sampleIndex);
  let total = 0;
  const focused = options.focus ? focusMatcher(p, options.focus) : null;
  const agg = new FunctionAggregator(byName, options.inlineMarkers ?? true, p.location);
  walk((locations, depth, values) => {
    const w = values[index];
    total += Math.abs(w);
    if (focused && !onStack(locations, depth, focused)) return;
    agg.addStack(locations, depth, w);
  });
  const markers = agg.inlineMarkers();
  const rows: TopRow[] = agg.nonZero().map((n) => ({ ...agg.row(n), inline: markers[n] }));
  rows.sort(compareTop);
  return { sampleType: p.sampleType[index] ?? { type: '', unit: '' }, sampleIndex: index, total, rows };
}

function onStack(locations: readonly Location[], depth: number, marked: boolean[]): boolean {
  for (let i = 0; i < depth; i++) if (marked[locations[i].index]) return true;
  return false;
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
