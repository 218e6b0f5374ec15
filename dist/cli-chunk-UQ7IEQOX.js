#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  BenchgateError
} from "./cli-chunk-MK35M2OK.js";

// src/pprof/read.ts
import { readFile } from "node:fs/promises";

// src/pprof/decode.ts
import { TextDecoder } from "node:util";
import { gunzipSync } from "node:zlib";

// src/pprof/raw.ts
var LABEL_FIELDS = 4;
function emptyRawProfile() {
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
    docUrl: 0
  };
}
var IdTable = class {
  dense;
  sparse = /* @__PURE__ */ new Map();
  constructor(size) {
    this.dense = new Array(size + 1);
  }
  get(id) {
    return id < this.dense.length ? this.dense[id] : this.sparse.get(id);
  }
  set(id, v) {
    if (id < this.dense.length) this.dense[id] = v;
    else this.sparse.set(id, v);
  }
};
var NO_LABELS = Object.freeze({});
var NO_NUM_LABELS = Object.freeze({});
function resolveProfile(raw, file) {
  const { profile, samples } = resolveTables(raw, file, raw.sample.length);
  const sample = new Array(raw.sample.length);
  const labelSets = /* @__PURE__ */ new Map();
  for (let i = 0; i < raw.sample.length; i++) {
    const s = raw.sample[i];
    const locs = s.locationId;
    samples.stack(s.locationId, s.locationId.length, s.value.length, s.at, locs);
    if (s.label.length === 0) {
      sample[i] = { location: locs, value: s.value, label: NO_LABELS, numLabel: NO_NUM_LABELS, numUnit: NO_LABELS };
      continue;
    }
    const labelKey2 = s.label.join(",");
    const shared = labelSets.get(labelKey2);
    if (shared) {
      sample[i] = { location: locs, value: s.value, ...shared };
      continue;
    }
    const labels = samples.labels(s);
    if (labelSets.size < 4096) labelSets.set(labelKey2, labels);
    sample[i] = { location: locs, value: s.value, ...labels };
  }
  profile.sample = sample;
  return profile;
}
function resolveTables(raw, file, sampleCount) {
  const strings = raw.stringTable;
  const fail = (message, at = -1) => {
    throw new BenchgateError(
      at >= 0 ? `${message} (offset in the uncompressed profile)` : message,
      "pprof",
      at >= 0 ? { file, offset: at } : { file }
    );
  };
  if (strings.length === 0 || strings[0] !== "") {
    fail("not a pprof profile: string_table[0] must be the empty string");
  }
  const str = (i, what, at) => {
    if (!(i >= 0 && i < strings.length)) fail(`${what}: string index ${i} is outside the string table (${strings.length} entries)`, at);
    return strings[i];
  };
  const valueType = (v, what) => ({
    type: str(v.type, `${what} type`, -1),
    unit: str(v.unit, `${what} unit`, -1)
  });
  const mappings = new IdTable(raw.mapping.length);
  const mapping = raw.mapping.map((m) => {
    if (m.id === 0) fail("mapping with the reserved id 0", m.at);
    if (mappings.get(m.id)) fail(`two mappings with id ${m.id}`, m.at);
    const out = {
      id: m.id,
      memoryStart: m.memoryStart,
      memoryLimit: m.memoryLimit,
      fileOffset: m.fileOffset,
      file: str(m.filename, "mapping file", m.at),
      buildId: str(m.buildId, "mapping build id", m.at),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames
    };
    mappings.set(m.id, out);
    return out;
  });
  const functions = new IdTable(raw.function.length);
  const fns = raw.function.map((f) => {
    if (f.id === 0) fail("function with the reserved id 0", f.at);
    if (functions.get(f.id)) fail(`two functions with id ${f.id}`, f.at);
    const out = {
      id: f.id,
      name: str(f.name, "function name", f.at),
      systemName: str(f.systemName, "function system name", f.at),
      filename: str(f.filename, "function file", f.at),
      startLine: f.startLine
    };
    functions.set(f.id, out);
    return out;
  });
  const locations = new IdTable(raw.location.length);
  const location = raw.location.map((l, index) => {
    if (l.id === 0) fail("location with the reserved id 0", l.at);
    if (locations.get(l.id)) fail(`two locations with id ${l.id}`, l.at);
    const line = l.line.map((ln) => {
      const fn = ln.functionId === 0 ? void 0 : functions.get(ln.functionId);
      if (!fn) fail(`location ${l.id} has a line with unknown function id ${ln.functionId}`, l.at);
      return { function: fn, line: ln.line, column: ln.column };
    });
    const out = {
      index,
      id: l.id,
      mapping: l.mappingId === 0 ? null : mappings.get(l.mappingId) ?? null,
      address: l.address,
      line,
      isFolded: l.isFolded
    };
    locations.set(l.id, out);
    return out;
  });
  const sampleType = raw.sampleType.map((v) => valueType(v, "sample"));
  if (sampleType.length === 0 && sampleCount > 0) fail("profile has samples but no sample types");
  const samples = {
    stack(ids, count, values, at, out) {
      if (values !== sampleType.length) {
        fail(`sample has ${values} values but the profile has ${sampleType.length} sample types`, at);
      }
      for (let j = 0; j < count; j++) {
        const loc = locations.get(ids[j]);
        if (!loc) fail(`sample refers to unknown location id ${ids[j]}`, at);
        out[j] = loc;
      }
    },
    labels(s) {
      const label = {};
      const numLabel = {};
      const numUnit = {};
      for (let j = 0; j + LABEL_FIELDS <= s.label.length; j += LABEL_FIELDS) {
        const [k, sv, num, unit] = s.label.slice(j, j + LABEL_FIELDS);
        const key = str(k, "label key", s.at);
        if (sv !== 0) {
          (label[key] ??= []).push(str(sv, "label value", s.at));
        } else if (num !== 0 || unit !== 0) {
          const nums = numLabel[key] ??= [];
          const units = numUnit[key] ??= [];
          while (units.length < nums.length) units.push("");
          nums.push(num);
          units.push(unit !== 0 ? str(unit, "label unit", s.at) : "");
        }
      }
      return { label, numLabel, numUnit };
    }
  };
  const profile = {
    sampleType,
    defaultSampleType: str(raw.defaultSampleType, "default sample type", -1),
    sample: [],
    mapping,
    location,
    function: fns,
    dropFrames: str(raw.dropFrames, "drop_frames", -1),
    keepFrames: str(raw.keepFrames, "keep_frames", -1),
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    periodType: raw.periodType ? valueType(raw.periodType, "period") : { type: "", unit: "" },
    period: raw.period,
    comments: raw.comment.map((c) => str(c, "comment", -1)),
    docUrl: str(raw.docUrl, "doc_url", -1)
  };
  return { profile, samples };
}

// src/pprof/wire.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_BYTES = 2;
var WIRE_FIXED32 = 5;
var TWO_32 = 4294967296;
var WireReader = class {
  constructor(buf, file, start = 0) {
    this.buf = buf;
    this.file = file;
    this.pos = start;
  }
  buf;
  file;
  pos;
  fail(message, at = this.pos) {
    throw new BenchgateError(`${message} (offset in the uncompressed profile)`, "pprof", { file: this.file, offset: at });
  }
  /**
   * Reads a varint as a 64-bit integer: `signed` gives int64 (two's complement) semantics,
   * otherwise uint64. Values beyond 2^53 round, as any JavaScript number does.
   */
  varint(end, signed) {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let b = buf[pos++];
    if (b < 128 && pos <= end) {
      this.pos = pos;
      return b;
    }
    let lo = 0;
    let hi = 0;
    let shift = 0;
    pos = start;
    for (; shift < 28; shift += 7) {
      if (pos >= end) this.fail("truncated varint", start);
      b = buf[pos++];
      lo |= (b & 127) << shift;
      if (b < 128) {
        this.pos = pos;
        return lo >>> 0;
      }
    }
    if (pos >= end) this.fail("truncated varint", start);
    b = buf[pos++];
    lo = (lo | (b & 15) << 28) >>> 0;
    hi = (b & 127) >> 4;
    if (b >= 128) {
      for (shift = 3; ; shift += 7) {
        if (pos >= end) this.fail("truncated varint", start);
        b = buf[pos++];
        if (shift < 32) hi |= (b & 127) << shift;
        if (b < 128) break;
        if (shift >= 31) this.fail("varint longer than 10 bytes", start);
      }
    }
    this.pos = pos;
    return signed ? (hi | 0) * TWO_32 + lo : (hi >>> 0) * TWO_32 + lo;
  }
  /** A varint known to fit in 32 bits (tags, lengths); larger ones are an error. */
  uint32(end) {
    const start = this.pos;
    const v = this.varint(end, false);
    if (v > 4294967295) this.fail("length or tag out of range", start);
    return v;
  }
  /** Reads a length prefix and returns the end offset of the bytes it announces. */
  lengthEnd(end) {
    const len = this.uint32(end);
    const stop = this.pos + len;
    if (stop > end) this.fail(`field length ${len} runs past the end of its message`, this.pos);
    return stop;
  }
  skip(wire, end, tagAt) {
    switch (wire) {
      case WIRE_VARINT:
        this.varint(end, false);
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > end) this.fail("truncated fixed64 field", tagAt);
        this.pos += 8;
        return;
      case WIRE_BYTES:
        this.pos = this.lengthEnd(end);
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > end) this.fail("truncated fixed32 field", tagAt);
        this.pos += 4;
        return;
      default:
        this.fail(`unsupported protobuf wire type ${wire}`, tagAt);
    }
  }
  /**
   * Reads a repeated integer field that may arrive packed (wire type 2) or one by one,
   * appending to `out`. Returns the array to keep using: when `out` is empty and the field
   * is packed, a new array of exactly the right size (fewer reallocations, less GC, for a
   * million samples).
   */
  repeatedVarint(out, wire, end, signed, tagAt) {
    if (wire === WIRE_VARINT) {
      out.push(this.varint(end, signed));
      return out;
    }
    if (wire !== WIRE_BYTES) this.fail(`repeated integer field has wire type ${wire}`, tagAt);
    const stop = this.lengthEnd(end);
    const buf = this.buf;
    let pos = this.pos;
    if (out.length === 0) {
      let n = 0;
      for (let i = pos; i < stop; i++) if (buf[i] < 128) n++;
      out = new Array(n);
      let k = 0;
      while (pos < stop) {
        const b = buf[pos];
        if (b < 128) {
          out[k++] = b;
          pos++;
        } else {
          this.pos = pos;
          out[k++] = this.varint(stop, signed);
          pos = this.pos;
        }
      }
      this.pos = pos;
      return out;
    }
    while (pos < stop) {
      const b = buf[pos];
      if (b < 128) {
        out.push(b);
        pos++;
      } else {
        this.pos = pos;
        out.push(this.varint(stop, signed));
        pos = this.pos;
      }
    }
    this.pos = pos;
    return out;
  }
  /**
   * repeatedVarint into a scratch array read into message after message: the values go to
   * `out[n]`, `out[n + 1]`…, and the new count is returned. The array is never shrunk (emptying
   * an array with `length = 0` frees its storage, and refilling it allocates again).
   */
  varintsInto(out, n, wire, end, signed, tagAt) {
    if (wire === WIRE_VARINT) {
      out[n] = this.varint(end, signed);
      return n + 1;
    }
    if (wire !== WIRE_BYTES) this.fail(`repeated integer field has wire type ${wire}`, tagAt);
    const stop = this.lengthEnd(end);
    const buf = this.buf;
    let pos = this.pos;
    while (pos < stop) {
      const b = buf[pos];
      if (b < 128) {
        out[n++] = b;
        pos++;
      } else {
        this.pos = pos;
        out[n++] = this.varint(stop, signed);
        pos = this.pos;
      }
    }
    this.pos = pos;
    return n;
  }
  expect(wire, want, field, tagAt) {
    if (wire !== want) this.fail(`field ${field} has wire type ${wire}, expected ${want}`, tagAt);
  }
};

// src/pprof/decode.ts
function decodeProfile(bytes, file = "<profile>") {
  return resolveProfile(decodeRawProfile(uncompressProfile(bytes, file), file), file);
}
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139;
}
function uncompressProfile(bytes, file) {
  if (bytes.length === 0) throw new BenchgateError("empty file, not a pprof profile", "pprof", { file });
  if (!isGzip(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { chunkSize: outputChunk(bytes) });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BenchgateError(`gzip data is corrupt or truncated: ${why}`, "pprof", { file });
  }
}
function outputChunk(bytes) {
  const n = bytes.length;
  const trailer = n >= 18 ? (bytes[n - 4] | bytes[n - 3] << 8 | bytes[n - 2] << 16 | bytes[n - 1] << 24) >>> 0 : 0;
  return Math.max(16 * 1024, Math.min(trailer + 1, n * 1032, 1 << 30));
}
function decodeRawProfile(buf, file) {
  return decodeRaw(buf, file, true).raw;
}
function decodeProfileTables(buf, file) {
  return decodeRaw(buf, file, false);
}
function decodeRaw(buf, file, withSamples) {
  const r = new WireReader(buf, file);
  const p = emptyRawProfile();
  let sampleCount = 0;
  const end = buf.length;
  const decoder = new TextDecoder("utf-8");
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) r.fail("field number 0 is not valid protobuf", tagAt);
    switch (field) {
      case 1:
        r.expect(wire, WIRE_BYTES, "sample_type", tagAt);
        p.sampleType.push(readValueType(r, r.lengthEnd(end)));
        break;
      case 2:
        r.expect(wire, WIRE_BYTES, "sample", tagAt);
        sampleCount++;
        if (withSamples) p.sample.push(readSample(r, r.lengthEnd(end), { locationId: [], value: [], label: NO_LABELS2, at: tagAt }));
        else r.pos = r.lengthEnd(end);
        break;
      case 3:
        r.expect(wire, WIRE_BYTES, "mapping", tagAt);
        p.mapping.push(readMapping(r, r.lengthEnd(end), tagAt));
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, "location", tagAt);
        p.location.push(readLocation(r, r.lengthEnd(end), tagAt));
        break;
      case 5:
        r.expect(wire, WIRE_BYTES, "function", tagAt);
        p.function.push(readFunction(r, r.lengthEnd(end), tagAt));
        break;
      case 6: {
        r.expect(wire, WIRE_BYTES, "string_table", tagAt);
        const stop = r.lengthEnd(end);
        p.stringTable.push(decodeUtf8(decoder, buf, r.pos, stop));
        r.pos = stop;
        break;
      }
      case 7:
        r.expect(wire, WIRE_VARINT, "drop_frames", tagAt);
        p.dropFrames = r.varint(end, true);
        break;
      case 8:
        r.expect(wire, WIRE_VARINT, "keep_frames", tagAt);
        p.keepFrames = r.varint(end, true);
        break;
      case 9:
        r.expect(wire, WIRE_VARINT, "time_nanos", tagAt);
        p.timeNanos = r.varint(end, true);
        break;
      case 10:
        r.expect(wire, WIRE_VARINT, "duration_nanos", tagAt);
        p.durationNanos = r.varint(end, true);
        break;
      case 11:
        r.expect(wire, WIRE_BYTES, "period_type", tagAt);
        p.periodType = readValueType(r, r.lengthEnd(end));
        break;
      case 12:
        r.expect(wire, WIRE_VARINT, "period", tagAt);
        p.period = r.varint(end, true);
        break;
      case 13:
        p.comment = r.repeatedVarint(p.comment, wire, end, true, tagAt);
        break;
      case 14:
        r.expect(wire, WIRE_VARINT, "default_sample_type", tagAt);
        p.defaultSampleType = r.varint(end, true);
        break;
      case 15:
        r.expect(wire, WIRE_VARINT, "doc_url", tagAt);
        p.docUrl = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return { raw: p, sampleCount };
}
function forEachRawSample(buf, file, visit) {
  const r = new WireReader(buf, file);
  const end = buf.length;
  const s = { locationId: [], locations: 0, value: [], values: 0, label: NO_LABELS2, at: -1 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    if (tag >>> 3 !== 2) {
      r.skip(tag & 7, end, tagAt);
      continue;
    }
    const stop = r.lengthEnd(end);
    s.locations = 0;
    s.values = 0;
    s.label = NO_LABELS2;
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
function decodeUtf8(decoder, buf, start, stop) {
  if (stop - start < 64) {
    let s = "";
    for (let i = start; i < stop; i++) {
      const c = buf[i];
      if (c >= 128) return decoder.decode(buf.subarray(start, stop));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(buf.subarray(start, stop));
}
function readValueType(r, end) {
  const v = { type: 0, unit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, "ValueType.type", tagAt);
        v.type = r.varint(end, true);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, "ValueType.unit", tagAt);
        v.unit = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return v;
}
var NO_LABELS2 = [];
function readSample(r, end, s) {
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
function readSampleField(r, tag, end, tagAt, s) {
  const wire = tag & 7;
  if (tag >>> 3 === 3) {
    r.expect(wire, WIRE_BYTES, "Sample.label", tagAt);
    if (s.label === NO_LABELS2) s.label = [];
    readLabel(r, r.lengthEnd(end), s.label);
  } else {
    r.skip(wire, end, tagAt);
  }
}
function readLabel(r, end, out) {
  const l = { key: 0, str: 0, num: 0, numUnit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 4) {
      r.expect(wire, WIRE_VARINT, "Label field", tagAt);
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
function readMapping(r, end, at) {
  const m = {
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
    at
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
      case 1:
        m.id = v;
        break;
      case 2:
        m.memoryStart = v;
        break;
      case 3:
        m.memoryLimit = v;
        break;
      case 4:
        m.fileOffset = v;
        break;
      case 5:
        m.filename = v;
        break;
      case 6:
        m.buildId = v;
        break;
      case 7:
        m.hasFunctions = v !== 0;
        break;
      case 8:
        m.hasFilenames = v !== 0;
        break;
      case 9:
        m.hasLineNumbers = v !== 0;
        break;
      default:
        m.hasInlineFrames = v !== 0;
    }
  }
  return m;
}
function readLocation(r, end, at) {
  const l = { id: 0, mappingId: 0, address: 0, line: [], isFolded: false, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, "Location.id", tagAt);
        l.id = r.varint(end, false);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, "Location.mapping_id", tagAt);
        l.mappingId = r.varint(end, false);
        break;
      case 3:
        r.expect(wire, WIRE_VARINT, "Location.address", tagAt);
        l.address = r.varint(end, false);
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, "Location.line", tagAt);
        l.line.push(readLine(r, r.lengthEnd(end)));
        break;
      case 5:
        r.expect(wire, WIRE_VARINT, "Location.is_folded", tagAt);
        l.isFolded = r.varint(end, false) !== 0;
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return l;
}
function readLine(r, end) {
  const ln = { functionId: 0, line: 0, column: 0 };
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
function readFunction(r, end, at) {
  const f = { id: 0, name: 0, systemName: 0, filename: 0, startLine: 0, at };
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

// src/pprof/merge.ts
var typeText = (p) => p.sampleType.map((t) => `${t.type}/${t.unit}`).join(",");
function mergeProfiles(profiles) {
  if (profiles.length === 0) throw new BenchgateError("no profiles to merge", "pprof");
  const first = profiles[0];
  for (const p of profiles.slice(1)) {
    if (typeText(p) !== typeText(first)) {
      throw new BenchgateError(`cannot merge profiles of different sample types: [${typeText(first)}] and [${typeText(p)}]`, "pprof");
    }
  }
  const mappings = /* @__PURE__ */ new Map();
  const functions = /* @__PURE__ */ new Map();
  const locations = /* @__PURE__ */ new Map();
  const samples = /* @__PURE__ */ new Map();
  const out = {
    sampleType: first.sampleType.map((t) => ({ ...t })),
    defaultSampleType: first.defaultSampleType,
    sample: [],
    mapping: [],
    location: [],
    function: [],
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    timeNanos: 0,
    durationNanos: 0,
    periodType: { ...first.periodType },
    period: 0,
    comments: [],
    docUrl: first.docUrl
  };
  for (const p of profiles) {
    if (p.timeNanos !== 0 && (out.timeNanos === 0 || p.timeNanos < out.timeNanos)) out.timeNanos = p.timeNanos;
    out.durationNanos += p.durationNanos;
    out.period = Math.max(out.period, p.period);
    for (const c of p.comments) if (!out.comments.includes(c)) out.comments.push(c);
    const mapOf = /* @__PURE__ */ new Map();
    for (const m of p.mapping) {
      const key = [m.file, m.buildId, m.memoryStart, m.memoryLimit, m.fileOffset].join("\0");
      let merged = mappings.get(key);
      if (!merged) {
        merged = { ...m, id: out.mapping.length + 1 };
        mappings.set(key, merged);
        out.mapping.push(merged);
      }
      mapOf.set(m, merged);
    }
    const fnOf = /* @__PURE__ */ new Map();
    for (const f of p.function) {
      const key = [f.name, f.systemName, f.filename, f.startLine].join("\0");
      let merged = functions.get(key);
      if (!merged) {
        merged = { ...f, id: out.function.length + 1 };
        functions.set(key, merged);
        out.function.push(merged);
      }
      fnOf.set(f, merged);
    }
    const locOf = new Array(p.location.length);
    for (const l of p.location) {
      const mapping = l.mapping ? mapOf.get(l.mapping) ?? null : null;
      const line = l.line.map((ln) => ({ function: fnOf.get(ln.function), line: ln.line, column: ln.column }));
      const key = [mapping?.id ?? 0, l.address, l.isFolded ? 1 : 0, ...line.flatMap((ln) => [ln.function.id, ln.line, ln.column])].join(",");
      let merged = locations.get(key);
      if (!merged) {
        merged = { index: out.location.length, id: out.location.length + 1, mapping, address: l.address, line, isFolded: l.isFolded };
        locations.set(key, merged);
        out.location.push(merged);
      }
      locOf[l.index] = merged;
    }
    for (const s of p.sample) {
      const location = s.location.map((l) => locOf[l.index]);
      const key = location.map((l) => l.id).join(",") + "|" + labelKey(s);
      const existing = samples.get(key);
      if (existing) {
        for (let i = 0; i < existing.value.length; i++) existing.value[i] += s.value[i];
        continue;
      }
      const merged = {
        location,
        value: s.value.slice(),
        label: s.label,
        numLabel: s.numLabel,
        numUnit: s.numUnit
      };
      samples.set(key, merged);
      out.sample.push(merged);
    }
  }
  return out;
}
function labelKey(s) {
  const parts = [];
  for (const k of Object.keys(s.label).sort()) parts.push(`${k}=${s.label[k].join("")}`);
  for (const k of Object.keys(s.numLabel).sort()) parts.push(`${k}#${s.numLabel[k].join("")}#${(s.numUnit[k] ?? []).join("")}`);
  return parts.join("\0");
}

// src/pprof/read.ts
async function readProfileFile(path) {
  return decodeProfile(await readBytes(path), path);
}
async function readProfileProtobuf(path) {
  return uncompressProfile(await readBytes(path), path);
}
async function readBytes(path) {
  try {
    return await readFile(path);
  } catch (e) {
    throw new BenchgateError(`cannot read profile: ${e.code ?? String(e)}`, "pprof", { file: path });
  }
}
async function readProfiles(paths) {
  const profiles = await Promise.all(paths.map(readProfileFile));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}

export {
  resolveTables,
  decodeProfileTables,
  forEachRawSample,
  readProfileFile,
  readProfileProtobuf,
  readProfiles
};
