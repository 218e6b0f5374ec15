/**
 * Bytes → Profile: gunzip when the bytes are gzip (as Go writes them), read the protobuf
 * with the WireReader, then resolve ids and strings (raw.ts). Pure: bytes in, data out.
 */
import { TextDecoder } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { BenchgateError } from '../errors.js';
import type { Profile } from './model.js';
import {
  emptyRawProfile,
  resolveProfile,
  type RawFunction,
  type RawLine,
  type RawLocation,
  type RawMapping,
  type RawProfile,
  type RawSample,
  type RawValueType,
} from './raw.js';
import { WIRE_BYTES, WIRE_VARINT, WireReader } from './wire.js';

/** Decodes a pprof profile, gzip-compressed or plain. Errors are BenchgateError (code 'pprof'). */
export function decodeProfile(bytes: Uint8Array, file = '<profile>'): Profile {
  return resolveProfile(decodeRawProfile(uncompressProfile(bytes, file), file), file);
}

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Returns the protobuf bytes: gunzipped when the input is gzip, else the input itself. */
export function uncompressProfile(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length === 0) throw new BenchgateError('empty file, not a pprof profile', 'pprof', { file });
  if (!isGzip(bytes)) return bytes;
  try {
    // Node's zlib (native): pako, in JavaScript, took a quarter of `profile top` on a 10 MB profile.
    return gunzipSync(bytes, { chunkSize: outputChunk(bytes) });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BenchgateError(`gzip data is corrupt or truncated: ${why}`, 'pprof', { file });
  }
}

/**
 * zlib's output piece size for gunzipping `bytes`: the size gzip's trailer gives (the last member's
 * uncompressed size, mod 2^32), so that the output is one buffer. With the default 16 KiB pieces
 * Node joins them at the end, and the profile was held twice: 60 MB more at the peak of a 60 MB
 * profile (bench/pprof-top.mjs). The trailer is only a hint: within deflate's ratio of at most
 * ~1032:1, capped, and where it is wrong (several members, a corrupt file) zlib simply needs more
 * pieces.
 */
function outputChunk(bytes: Uint8Array): number {
  const n = bytes.length;
  const trailer = n >= 18 ? (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0 : 0;
  // +1: an output that fills its buffer exactly makes zlib ask for another one.
  return Math.max(16 * 1024, Math.min(trailer + 1, n * 1032, 1 << 30));
}

/** Reads the protobuf into the wire-level form (strings and ids unresolved). */
export function decodeRawProfile(buf: Uint8Array, file: string): RawProfile {
  return decodeRaw(buf, file, true).raw;
}

/**
 * Everything but the samples, and how many samples there are: the first of two passes that
 * never hold every sample at once (forEachRawSample is the second). Samples come first in the
 * file and refer to locations that come after them, so they cannot be resolved in one pass.
 */
export function decodeProfileTables(buf: Uint8Array, file: string): { raw: RawProfile; sampleCount: number } {
  return decodeRaw(buf, file, false);
}

function decodeRaw(buf: Uint8Array, file: string, withSamples: boolean): { raw: RawProfile; sampleCount: number } {
  const r = new WireReader(buf, file);
  const p = emptyRawProfile();
  let sampleCount = 0;
  const end = buf.length;
  const decoder = new TextDecoder('utf-8');
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) r.fail('field number 0 is not valid protobuf', tagAt);
    switch (field) {
      case 1:
        r.expect(wire, WIRE_BYTES, 'sample_type', tagAt);
        p.sampleType.push(readValueType(r, r.lengthEnd(end)));
        break;
      case 2:
        r.expect(wire, WIRE_BYTES, 'sample', tagAt);
        sampleCount++;
        if (withSamples) p.sample.push(readSample(r, r.lengthEnd(end), { locationId: [], value: [], label: NO_LABELS, at: tagAt }));
        else r.pos = r.lengthEnd(end);
        break;
      case 3:
        r.expect(wire, WIRE_BYTES, 'mapping', tagAt);
        p.mapping.push(readMapping(r, r.lengthEnd(end), tagAt));
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, 'location', tagAt);
        p.location.push(readLocation(r, r.lengthEnd(end), tagAt));
        break;
      case 5:
        r.expect(wire, WIRE_BYTES, 'function', tagAt);
        p.function.push(readFunction(r, r.lengthEnd(end), tagAt));
        break;
      case 6: {
        r.expect(wire, WIRE_BYTES, 'string_table', tagAt);
        const stop = r.lengthEnd(end);
        p.stringTable.push(decodeUtf8(decoder, buf, r.pos, stop));
        r.pos = stop;
        break;
      }
      case 7:
        r.expect(wire, WIRE_VARINT, 'drop_frames', tagAt);
        p.dropFrames = r.varint(end, true);
        break;
      case 8:
        r.expect(wire, WIRE_VARINT, 'keep_frames', tagAt);
        p.keepFrames = r.varint(end, true);
        break;
      case 9:
        r.expect(wire, WIRE_VARINT, 'time_nanos', tagAt);
        p.timeNanos = r.varint(end, true);
        break;
      case 10:
        r.expect(wire, WIRE_VARINT, 'duration_nanos', tagAt);
        p.durationNanos = r.varint(end, true);
        break;
      case 11:
        r.expect(wire, WIRE_BYTES, 'period_type', tagAt);
        p.periodType = readValueType(r, r.lengthEnd(end));
        break;
      case 12:
        r.expect(wire, WIRE_VARINT, 'period', tagAt);
        p.period = r.varint(end, true);
        break;
      case 13:
        p.comment = r.repeatedVarint(p.comment, wire, end, true, tagAt);
        break;
      case 14:
        r.expect(wire, WIRE_VARINT, 'default_sample_type', tagAt);
        p.defaultSampleType = r.varint(end, true);
        break;
      case 15:
        r.expect(wire, WIRE_VARINT, 'doc_url', tagAt);
        p.docUrl = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return { raw: p, sampleCount };
}

/**
 * One Sample message read into arrays that are reused from one sample to the next: the first
 * `locations` entries of `locationId` and `values` of `value` are this sample's. Labels are
 * rare in CPU profiles and one short array in memory profiles: `label` is that sample's own.
 */
export interface SampleScratch {
  locationId: number[];
  locations: number;
  value: number[];
  values: number;
  label: number[];
  at: number;
}

/**
 * Calls `visit` with each sample in file order, read into one SampleScratch (copy what you
 * keep): the second pass after decodeProfileTables, with no object per sample.
 */
export function forEachRawSample(buf: Uint8Array, file: string, visit: (s: SampleScratch) => void): void {
  const r = new WireReader(buf, file);
  const end = buf.length;
  const s: SampleScratch = { locationId: [], locations: 0, value: [], values: 0, label: NO_LABELS, at: -1 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    if (tag >>> 3 !== 2) {
      // The first pass checked these fields; only their extent matters here.
      r.skip(tag & 7, end, tagAt);
      continue;
    }
    const stop = r.lengthEnd(end);
    s.locations = 0;
    s.values = 0;
    s.label = NO_LABELS;
    s.at = tagAt;
    while (r.pos < stop) {
      const fieldAt = r.pos;
      const t = r.uint32(stop);
      const wire = t & 7;
      switch (t >>> 3) {
        case 1:
          s.locations = r.varintsInto(s.locationId, s.locations, wire, stop, false, fieldAt);
          break;
        case 2:
          s.values = r.varintsInto(s.value, s.values, wire, stop, true, fieldAt);
          break;
        default:
          readSampleField(r, t, stop, fieldAt, s);
      }
    }
    visit(s);
  }
}

function decodeUtf8(decoder: TextDecoder, buf: Uint8Array, start: number, stop: number): string {
  // Short ASCII strings (most function and file names) are cheaper to build by hand than
  // through TextDecoder's per-call overhead.
  if (stop - start < 64) {
    let s = '';
    for (let i = start; i < stop; i++) {
      const c = buf[i];
      if (c >= 0x80) return decoder.decode(buf.subarray(start, stop));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(buf.subarray(start, stop));
}

function readValueType(r: WireReader, end: number): RawValueType {
  const v: RawValueType = { type: 0, unit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, 'ValueType.type', tagAt);
        v.type = r.varint(end, true);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, 'ValueType.unit', tagAt);
        v.unit = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return v;
}

const NO_LABELS: number[] = [];

function readSample(r: WireReader, end: number, s: RawSample): RawSample {
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        s.locationId = r.repeatedVarint(s.locationId, wire, end, false, tagAt);
        break;
      case 2:
        s.value = r.repeatedVarint(s.value, wire, end, true, tagAt);
        break;
      default:
        readSampleField(r, tag, end, tagAt, s);
    }
  }
  return s;
}

/** A Sample field other than the location ids and values: a label, or one to skip. */
function readSampleField(r: WireReader, tag: number, end: number, tagAt: number, s: { label: number[] }): void {
  const wire = tag & 7;
  if (tag >>> 3 === 3) {
    r.expect(wire, WIRE_BYTES, 'Sample.label', tagAt);
    if (s.label === NO_LABELS) s.label = [];
    readLabel(r, r.lengthEnd(end), s.label);
  } else {
    r.skip(wire, end, tagAt);
  }
}

/** Appends the label as four numbers (key, str, num, num_unit) to `out`. */
function readLabel(r: WireReader, end: number, out: number[]): void {
  const l = { key: 0, str: 0, num: 0, numUnit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 4) {
      r.expect(wire, WIRE_VARINT, 'Label field', tagAt);
      const v = r.varint(end, true);
      if (field === 1) l.key = v;
      else if (field === 2) l.str = v;
      else if (field === 3) l.num = v;
      else l.numUnit = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  out.push(l.key, l.str, l.num, l.numUnit);
}

function readMapping(r: WireReader, end: number, at: number): RawMapping {
  const m: RawMapping = {
    id: 0,
    memoryStart: 0,
    memoryLimit: 0,
    fileOffset: 0,
    filename: 0,
    buildId: 0,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
    at,
  };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field < 1 || field > 10) {
      r.skip(wire, end, tagAt);
      continue;
    }
    r.expect(wire, WIRE_VARINT, `Mapping field ${field}`, tagAt);
    const v = r.varint(end, field === 5 || field === 6);
    switch (field) {
      case 1: m.id = v; break;
      case 2: m.memoryStart = v; break;
      case 3: m.memoryLimit = v; break;
      case 4: m.fileOffset = v; break;
      case 5: m.filename = v; break;
      case 6: m.buildId = v; break;
      case 7: m.hasFunctions = v !== 0; break;
      case 8: m.hasFilenames = v !== 0; break;
      case 9: m.hasLineNumbers = v !== 0; break;
      default: m.hasInlineFrames = v !== 0;
    }
  }
  return m;
}

function readLocation(r: WireReader, end: number, at: number): RawLocation {
  const l: RawLocation = { id: 0, mappingId: 0, address: 0, line: [], isFolded: false, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, 'Location.id', tagAt);
        l.id = r.varint(end, false);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, 'Location.mapping_id', tagAt);
        l.mappingId = r.varint(end, false);
        break;
      case 3:
        r.expect(wire, WIRE_VARINT, 'Location.address', tagAt);
        l.address = r.varint(end, false);
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, 'Location.line', tagAt);
        l.line.push(readLine(r, r.lengthEnd(end)));
        break;
      case 5:
        r.expect(wire, WIRE_VARINT, 'Location.is_folded', tagAt);
        l.isFolded = r.varint(end, false) !== 0;
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return l;
}

function readLine(r: WireReader, end: number): RawLine {
  const ln: RawLine = { functionId: 0, line: 0, column: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 3) {
      r.expect(wire, WIRE_VARINT, `Line field ${field}`, tagAt);
      const v = r.varint(end, field !== 1);
      if (field === 1) ln.functionId = v;
      else if (field === 2) ln.line = v;
      else ln.column = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  return ln;
}

function readFunction(r: WireReader, end: number, at: number): RawFunction {
  const f: RawFunction = { id: 0, name: 0, systemName: 0, filename: 0, startLine: 0, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 5) {
      r.expect(wire, WIRE_VARINT, `Function field ${field}`, tagAt);
      const v = r.varint(end, field !== 1);
      if (field === 1) f.id = v;
      else if (field === 2) f.name = v;
      else if (field === 3) f.systemName = v;
      else if (field === 4) f.filename = v;
      else f.startLine = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  return f;
}
