/**
 * The wire-level profile: messages as protobuf has them, strings still indices into the
 * string table and references still ids. Both decoders (the hand-written reader in
 * decode.ts and protobufjs reflection in reflect.ts) produce this; `resolveProfile` then
 * checks it the way google/pprof's postDecode + CheckValid do and links it into a Profile.
 */
import { BenchgateError } from '../errors.js';
import type { Location, Mapping, ProfFunction, Profile, Sample, ValueType } from './model.js';

export interface RawValueType {
  type: number;
  unit: number;
}

/** A label as four numbers (key, str, num, num_unit), flattened into RawSample.label. */
export const LABEL_FIELDS = 4;

export interface RawSample {
  locationId: number[];
  value: number[];
  /** Labels, LABEL_FIELDS numbers each: key, str, num, num_unit (string indices except num). */
  label: number[];
  /** Byte offset of the message in the uncompressed protobuf (-1 when unknown). */
  at: number;
}

export interface RawMapping {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  filename: number;
  buildId: number;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
  at: number;
}

export interface RawLine {
  functionId: number;
  line: number;
  column: number;
}

export interface RawLocation {
  id: number;
  mappingId: number;
  address: number;
  line: RawLine[];
  isFolded: boolean;
  at: number;
}

export interface RawFunction {
  id: number;
  name: number;
  systemName: number;
  filename: number;
  startLine: number;
  at: number;
}

export interface RawProfile {
  sampleType: RawValueType[];
  sample: RawSample[];
  mapping: RawMapping[];
  location: RawLocation[];
  function: RawFunction[];
  stringTable: string[];
  dropFrames: number;
  keepFrames: number;
  timeNanos: number;
  durationNanos: number;
  periodType: RawValueType | null;
  period: number;
  comment: number[];
  defaultSampleType: number;
  docUrl: number;
}

export function emptyRawProfile(): RawProfile {
  return {
    sampleType: [],
    sample: [],
    mapping: [],
    location: [],
    function: [],
    stringTable: [],
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0,
    durationNanos: 0,
    periodType: null,
    period: 0,
    comment: [],
    defaultSampleType: 0,
    docUrl: 0,
  };
}

/**
 * Ids are usually dense (1…n), so an array indexed by id is the fast path; a Map takes
 * the rest, as pprof does with its slice + map pair.
 */
class IdTable<T> {
  private readonly dense: (T | undefined)[];
  private readonly sparse = new Map<number, T>();
  constructor(size: number) {
    this.dense = new Array<T | undefined>(size + 1);
  }
  get(id: number): T | undefined {
    return id < this.dense.length ? this.dense[id] : this.sparse.get(id);
  }
  set(id: number, v: T): void {
    if (id < this.dense.length) this.dense[id] = v;
    else this.sparse.set(id, v);
  }
}

const NO_LABELS: Record<string, string[]> = Object.freeze({}) as Record<string, string[]>;
const NO_NUM_LABELS: Record<string, number[]> = Object.freeze({}) as Record<string, number[]>;

/**
 * Links a raw profile into a Profile; any dangling reference is a BenchgateError naming
 * `file`. The raw profile is consumed (its arrays are reused). Label records are shared
 * between samples with the same labels: treat them as read-only.
 */
export function resolveProfile(raw: RawProfile, file: string): Profile {
  const { profile, samples } = resolveTables(raw, file, raw.sample.length);
  const sample: Sample[] = new Array(raw.sample.length);
  const labelSets = new Map<string, Pick<Sample, 'label' | 'numLabel' | 'numUnit'>>();
  for (let i = 0; i < raw.sample.length; i++) {
    const s = raw.sample[i];
    // The id array becomes the Location array in place: for a million samples, one array
    // each instead of two (the raw profile is consumed by resolving it).
    const locs = s.locationId as unknown as Location[];
    samples.stack(s.locationId, s.locationId.length, s.value.length, s.at, locs);
    if (s.label.length === 0) {
      sample[i] = { location: locs, value: s.value, label: NO_LABELS, numLabel: NO_NUM_LABELS, numUnit: NO_LABELS };
      continue;
    }
    // Memory profiles give every sample a `bytes` label with one of a few values: share those.
    const labelKey = s.label.join(',');
    const shared = labelSets.get(labelKey);
    if (shared) {
      sample[i] = { location: locs, value: s.value, ...shared };
      continue;
    }
    const labels = samples.labels(s);
    if (labelSets.size < 4096) labelSets.set(labelKey, labels);
    sample[i] = { location: locs, value: s.value, ...labels };
  }
  profile.sample = sample;
  return profile;
}

/** Resolves a sample's references, checking them: what resolveTables hands back besides the profile. */
export interface SampleResolver {
  /**
   * Writes the Locations of the first `count` ids into `out` (which may be `ids` itself), after
   * checking that the sample has one value per sample type; `at` is its offset, for errors.
   */
  stack(ids: readonly number[], count: number, values: number, at: number, out: Location[]): void;
  /** A sample's labels as records; a bad string index is an error. */
  labels(s: Pick<RawSample, 'label' | 'at'>): Pick<Sample, 'label' | 'numLabel' | 'numUnit'>;
}

/**
 * Everything but the samples, resolved and checked (a profile with `sample: []`), and the means
 * to resolve samples one by one: resolveProfile for a whole raw profile, or a reader that never
 * holds every sample (`profile top`). `sampleCount` is how many samples the profile has.
 */
export function resolveTables(raw: RawProfile, file: string, sampleCount: number): { profile: Profile; samples: SampleResolver } {
  const strings = raw.stringTable;
  const fail = (message: string, at = -1): never => {
    throw new BenchgateError(
      at >= 0 ? `${message} (offset in the uncompressed profile)` : message,
      'pprof',
      at >= 0 ? { file, offset: at } : { file },
    );
  };
  if (strings.length === 0 || strings[0] !== '') {
    fail('not a pprof profile: string_table[0] must be the empty string');
  }
  const str = (i: number, what: string, at: number): string => {
    if (!(i >= 0 && i < strings.length)) fail(`${what}: string index ${i} is outside the string table (${strings.length} entries)`, at);
    return strings[i];
  };
  const valueType = (v: RawValueType, what: string): ValueType => ({
    type: str(v.type, `${what} type`, -1),
    unit: str(v.unit, `${what} unit`, -1),
  });

  const mappings = new IdTable<Mapping>(raw.mapping.length);
  const mapping: Mapping[] = raw.mapping.map((m) => {
    if (m.id === 0) fail('mapping with the reserved id 0', m.at);
    if (mappings.get(m.id)) fail(`two mappings with id ${m.id}`, m.at);
    const out: Mapping = {
      id: m.id,
      memoryStart: m.memoryStart,
      memoryLimit: m.memoryLimit,
      fileOffset: m.fileOffset,
      file: str(m.filename, 'mapping file', m.at),
      buildId: str(m.buildId, 'mapping build id', m.at),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames,
    };
    mappings.set(m.id, out);
    return out;
  });

  const functions = new IdTable<ProfFunction>(raw.function.length);
  const fns: ProfFunction[] = raw.function.map((f) => {
    if (f.id === 0) fail('function with the reserved id 0', f.at);
    if (functions.get(f.id)) fail(`two functions with id ${f.id}`, f.at);
    const out: ProfFunction = {
      id: f.id,
      name: str(f.name, 'function name', f.at),
      systemName: str(f.systemName, 'function system name', f.at),
      filename: str(f.filename, 'function file', f.at),
      startLine: f.startLine,
    };
    functions.set(f.id, out);
    return out;
  });

  const locations = new IdTable<Location>(raw.location.length);
  const location: Location[] = raw.location.map((l, index) => {
    if (l.id === 0) fail('location with the reserved id 0', l.at);
    if (locations.get(l.id)) fail(`two locations with id ${l.id}`, l.at);
    const line = l.line.map((ln) => {
      const fn = ln.functionId === 0 ? undefined : functions.get(ln.functionId);
      if (!fn) fail(`location ${l.id} has a line with unknown function id ${ln.functionId}`, l.at);
      return { function: fn!, line: ln.line, column: ln.column };
    });
    // pprof tolerates an unknown mapping id (it reads as no mapping); so do we.
    const out: Location = {
      index,
      id: l.id,
      mapping: l.mappingId === 0 ? null : (mappings.get(l.mappingId) ?? null),
      address: l.address,
      line,
      isFolded: l.isFolded,
    };
    locations.set(l.id, out);
    return out;
  });

  const sampleType = raw.sampleType.map((v) => valueType(v, 'sample'));
  if (sampleType.length === 0 && sampleCount > 0) fail('profile has samples but no sample types');
  const samples: SampleResolver = {
    stack(ids, count, values, at, out) {
      if (values !== sampleType.length) {
        fail(`sample has ${values} values but the profile has ${sampleType.length} sample types`, at);
      }
      for (let j = 0; j < count; j++) {
        const loc = locations.get(ids[j]);
        if (!loc) fail(`sample refers to unknown location id ${ids[j]}`, at);
        out[j] = loc!;
      }
    },
    labels(s) {
      const label: Record<string, string[]> = {};
      const numLabel: Record<string, number[]> = {};
      const numUnit: Record<string, string[]> = {};
      for (let j = 0; j + LABEL_FIELDS <= s.label.length; j += LABEL_FIELDS) {
        const [k, sv, num, unit] = s.label.slice(j, j + LABEL_FIELDS);
        const key = str(k, 'label key', s.at);
        // As pprof: a label is a string label when str is set, numeric when num or its unit is.
        if (sv !== 0) {
          (label[key] ??= []).push(str(sv, 'label value', s.at));
        } else if (num !== 0 || unit !== 0) {
          const nums = (numLabel[key] ??= []);
          const units = (numUnit[key] ??= []);
          while (units.length < nums.length) units.push('');
          nums.push(num);
          units.push(unit !== 0 ? str(unit, 'label unit', s.at) : '');
        }
      }
      return { label, numLabel, numUnit };
    },
  };

  const profile: Profile = {
    sampleType,
    defaultSampleType: str(raw.defaultSampleType, 'default sample type', -1),
    sample: [],
    mapping,
    location,
    function: fns,
    dropFrames: str(raw.dropFrames, 'drop_frames', -1),
    keepFrames: str(raw.keepFrames, 'keep_frames', -1),
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    periodType: raw.periodType ? valueType(raw.periodType, 'period') : { type: '', unit: '' },
    period: raw.period,
    comments: raw.comment.map((c) => str(c, 'comment', -1)),
    docUrl: str(raw.docUrl, 'doc_url', -1),
  };
  return { profile, samples };
}
