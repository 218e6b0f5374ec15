/**
 * A decoded pprof profile, shaped like google/pprof's `profile.Profile`: the protobuf
 * messages with string indices replaced by strings and ids replaced by the objects they
 * name. Nothing clever lives here; decoding, merging and aggregating are separate files.
 *
 * 64-bit integers become JavaScript numbers: exact up to 2^53, which every sample value,
 * id and line number of a real profile stays under. Addresses above 2^53 lose their low
 * bits; nothing in benchgate uses addresses.
 */

export interface ValueType {
  type: string;
  unit: string;
}

export interface ProfFunction {
  id: number;
  name: string;
  systemName: string;
  filename: string;
  /** Line where the function starts (Go ≥ 1.20), 0 when unknown. */
  startLine: number;
}

export interface Line {
  function: ProfFunction;
  line: number;
  column: number;
}

export interface Mapping {
  id: number;
  memoryStart: number;
  memoryLimit: number;
  fileOffset: number;
  file: string;
  buildId: string;
  hasFunctions: boolean;
  hasFilenames: boolean;
  hasLineNumbers: boolean;
  hasInlineFrames: boolean;
}

export interface Location {
  /** Position in `Profile.location` (not in the format): lets aggregation index arrays instead of hashing. */
  index: number;
  id: number;
  mapping: Mapping | null;
  address: number;
  /** Inlined frames: `line[0]` is the innermost, the last one is the real caller. */
  line: Line[];
  isFolded: boolean;
}

export interface Sample {
  /** `location[0]` is the leaf. */
  location: Location[];
  /** One value per `Profile.sampleType`. */
  value: number[];
  /** String labels (e.g. set with `pprof.Do`), key → values. */
  label: Record<string, string[]>;
  /** Numeric labels, key → values, with their units (same length, '' when unset). */
  numLabel: Record<string, number[]>;
  numUnit: Record<string, string[]>;
}

export interface Profile {
  sampleType: ValueType[];
  /** The sample type viewers show by default ('' → the last one). */
  defaultSampleType: string;
  sample: Sample[];
  mapping: Mapping[];
  location: Location[];
  function: ProfFunction[];
  dropFrames: string;
  keepFrames: string;
  timeNanos: number;
  durationNanos: number;
  periodType: ValueType;
  period: number;
  comments: string[];
  docUrl: string;
}
