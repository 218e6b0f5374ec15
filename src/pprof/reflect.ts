/**
 * The pprof schema through protobufjs reflection, built from the generated descriptor
 * (profile-schema.ts, made from proto/profile.proto) so it needs no file at run time.
 * It is the reference the hand-written reader (wire.ts, decode.ts) is tested against,
 * and a second decode path for the benchmark script.
 */
import protobuf from 'protobufjs';
import { BenchgateError } from '../errors.js';
import { profileSchema } from './profile-schema.js';
import type { RawProfile } from './raw.js';

let profileType: protobuf.Type | undefined;

export function profileMessageType(): protobuf.Type {
  profileType ??= protobuf.Root.fromJSON(profileSchema).lookupType('perftools.profiles.Profile');
  return profileType;
}

/** protobufjs gives `Long` for 64-bit fields; pprof values fit in a double. */
function num(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'toNumber' in (v as object)) return (v as { toNumber(): number }).toNumber();
  return Number(v);
}

type Obj = Record<string, unknown>;
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** Decodes uncompressed protobuf bytes with protobufjs into the wire-level form. */
export function decodeRawWithProtobufjs(buf: Uint8Array, file: string): RawProfile {
  let m: Obj;
  try {
    m = profileMessageType().decode(buf) as unknown as Obj;
  } catch (e) {
    throw new BenchgateError(`not a pprof profile: ${e instanceof Error ? e.message : String(e)}`, 'pprof', { file });
  }
  const vt = (v: Obj) => ({ type: num(v.type), unit: num(v.unit) });
  return {
    sampleType: arr(m.sample_type).map(vt),
    sample: arr(m.sample).map((s) => ({
      locationId: (s.location_id as unknown[] | undefined ?? []).map(num),
      value: (s.value as unknown[] | undefined ?? []).map(num),
      label: arr(s.label).flatMap((l) => [num(l.key), num(l.str), num(l.num), num(l.num_unit)]),
      at: -1,
    })),
    mapping: arr(m.mapping).map((x) => ({
      id: num(x.id),
      memoryStart: num(x.memory_start),
      memoryLimit: num(x.memory_limit),
      fileOffset: num(x.file_offset),
      filename: num(x.filename),
      buildId: num(x.build_id),
      hasFunctions: !!x.has_functions,
      hasFilenames: !!x.has_filenames,
      hasLineNumbers: !!x.has_line_numbers,
      hasInlineFrames: !!x.has_inline_frames,
      at: -1,
    })),
    location: arr(m.location).map((l) => ({
      id: num(l.id),
      mappingId: num(l.mapping_id),
      address: num(l.address),
      line: arr(l.line).map((ln) => ({ functionId: num(ln.function_id), line: num(ln.line), column: num(ln.column) })),
      isFolded: !!l.is_folded,
      at: -1,
    })),
    function: arr(m.function).map((f) => ({
      id: num(f.id),
      name: num(f.name),
      systemName: num(f.system_name),
      filename: num(f.filename),
      startLine: num(f.start_line),
      at: -1,
    })),
    stringTable: (m.string_table as string[] | undefined) ?? [],
    dropFrames: num(m.drop_frames),
    keepFrames: num(m.keep_frames),
    timeNanos: num(m.time_nanos),
    durationNanos: num(m.duration_nanos),
    periodType: m.period_type ? vt(m.period_type as Obj) : null,
    period: num(m.period),
    comment: (m.comment as unknown[] | undefined ?? []).map(num),
    defaultSampleType: num(m.default_sample_type),
    docUrl: num(m.doc_url),
  };
}
