/**
 * A protobuf wire-format reader over one buffer, just enough for the pprof schema.
 *
 * Why not protobufjs' reflection decoder: it turns every 64-bit field into a `Long`
 * object and every message into a class instance, which for a 50 MB memory profile is
 * millions of short-lived objects; this reader returns plain numbers and was measured
 * faster (bench/pprof-top.mjs). protobufjs stays the schema's source of truth: a test
 * decodes the same files with both and compares.
 */
import { BenchgateError } from '../errors.js';

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

const TWO_32 = 4294967296;

export class WireReader {
  pos: number;
  constructor(
    readonly buf: Uint8Array,
    readonly file: string,
    start = 0,
  ) {
    this.pos = start;
  }

  fail(message: string, at = this.pos): never {
    throw new BenchgateError(`${message} (offset in the uncompressed profile)`, 'pprof', { file: this.file, offset: at });
  }

  /**
   * Reads a varint as a 64-bit integer: `signed` gives int64 (two's complement) semantics,
   * otherwise uint64. Values beyond 2^53 round, as any JavaScript number does.
   */
  varint(end: number, signed: boolean): number {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    // Most varints in a profile (ids, small values) fit in one or two bytes.
    let b = buf[pos++];
    if (b < 0x80 && pos <= end) {
      this.pos = pos;
      return b;
    }
    let lo = 0;
    let hi = 0;
    let shift = 0;
    pos = start;
    // Low 28 bits, 7 per byte.
    for (; shift < 28; shift += 7) {
      if (pos >= end) this.fail('truncated varint', start);
      b = buf[pos++];
      lo |= (b & 0x7f) << shift;
      if (b < 0x80) {
        this.pos = pos;
        return lo >>> 0;
      }
    }
    // The fifth byte straddles: 4 bits for lo, 3 for hi.
    if (pos >= end) this.fail('truncated varint', start);
    b = buf[pos++];
    lo = (lo | ((b & 0x0f) << 28)) >>> 0;
    hi = (b & 0x7f) >> 4;
    if (b >= 0x80) {
      for (shift = 3; ; shift += 7) {
        if (pos >= end) this.fail('truncated varint', start);
        b = buf[pos++];
        if (shift < 32) hi |= (b & 0x7f) << shift;
        if (b < 0x80) break;
        if (shift >= 31) this.fail('varint longer than 10 bytes', start);
      }
    }
    this.pos = pos;
    return signed ? (hi | 0) * TWO_32 + lo : (hi >>> 0) * TWO_32 + lo;
  }

  /** A varint known to fit in 32 bits (tags, lengths); larger ones are an error. */
  uint32(end: number): number {
    const start = this.pos;
    const v = this.varint(end, false);
    if (v > 0xffffffff) this.fail('length or tag out of range', start);
    return v;
  }

  /** Reads a length prefix and returns the end offset of the bytes it announces. */
  lengthEnd(end: number): number {
    const len = this.uint32(end);
    const stop = this.pos + len;
    if (stop > end) this.fail(`field length ${len} runs past the end of its message`, this.pos);
    return stop;
  }

  skip(wire: number, end: number, tagAt: number): void {
    switch (wire) {
      case WIRE_VARINT:
        this.varint(end, false);
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > end) this.fail('truncated fixed64 field', tagAt);
        this.pos += 8;
        return;
      case WIRE_BYTES:
        this.pos = this.lengthEnd(end);
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > end) this.fail('truncated fixed32 field', tagAt);
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
  repeatedVarint(out: number[], wire: number, end: number, signed: boolean, tagAt: number): number[] {
    if (wire === WIRE_VARINT) {
      out.push(this.varint(end, signed));
      return out;
    }
    if (wire !== WIRE_BYTES) this.fail(`repeated integer field has wire type ${wire}`, tagAt);
    const stop = this.lengthEnd(end);
    const buf = this.buf;
    let pos = this.pos;
    if (out.length === 0) {
      // Every varint ends with exactly one byte below 0x80: that counts them.
      let n = 0;
      for (let i = pos; i < stop; i++) if (buf[i] < 0x80) n++;
      out = new Array<number>(n);
      let k = 0;
      while (pos < stop) {
        const b = buf[pos];
        if (b < 0x80) {
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
      // Location ids and small values are one byte each: take those without a call.
      const b = buf[pos];
      if (b < 0x80) {
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
  varintsInto(out: number[], n: number, wire: number, end: number, signed: boolean, tagAt: number): number {
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
      if (b < 0x80) {
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

  expect(wire: number, want: number, field: string, tagAt: number): void {
    if (wire !== want) this.fail(`field ${field} has wire type ${wire}, expected ${want}`, tagAt);
  }
}
