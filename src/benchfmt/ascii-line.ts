/**
 * The fast path of the reader: a result line read straight from the file's bytes, for the lines a
 * suite is made of (ASCII, plain numbers). A profile of `benchgate compare` on 400,000 lines spent
 * most of its time reading result lines out of decoded text, and V8 reads a byte of a Uint8Array
 * about 2.5× faster than a character of a string (`charCodeAt`), besides the decoding and the
 * garbage of a string per chunk. Anything else (a non-ASCII byte, a number goFloat must read, a
 * malformed line) is left to the reader's general path on the decoded line, which gives the
 * warnings; the property test in benchfmt-props checks that both paths read every line alike.
 *
 * Only ASCII lines are taken: there Go's unicode.IsSpace is the six bytes below, so fields split
 * exactly as benchfmt's splitField splits them. The number rule is numbers.ts's plainDecimalAt /
 * plainIntAt, read from bytes instead of characters (the same loop over the other kind of array).
 */

import { EXACT_POW10 } from './numbers.js';

/** Where the parts of one result line are, in the bytes it was read from. */
export interface AsciiResult {
  nameStart: number;
  nameEnd: number;
  iterations: number;
  /** Number of (value, unit) pairs. */
  count: number;
  values: Float64Array;
  unitStarts: Int32Array;
  unitEnds: Int32Array;
}

export function newAsciiResult(): AsciiResult {
  return {
    nameStart: 0,
    nameEnd: 0,
    iterations: 0,
    count: 0,
    values: new Float64Array(8),
    unitStarts: new Int32Array(8),
    unitEnds: new Int32Array(8),
  };
}

/** `Benchmark` in bytes. */
const PREFIX = [0x42, 0x65, 0x6e, 0x63, 0x68, 0x6d, 0x61, 0x72, 0x6b];

/** Whether `buf[start, end)` begins with `Benchmark` (what makes a line a result line). */
export function startsWithBenchmark(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start < PREFIX.length) return false;
  for (let i = 0; i < PREFIX.length; i++) if (buf[start + i] !== PREFIX[i]) return false;
  return true;
}

/** unicode.IsSpace for an ASCII byte. */
function isSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * Reads `buf[start, end)` (a line without its terminator, starting with `Benchmark`) into `out`:
 * true when it is an ASCII result line with plain numbers (at most 15 digits, at most one dot),
 * false when the general path must read it. The name is what follows `Benchmark`.
 */
export function scanAsciiResult(buf: Uint8Array, start: number, end: number, out: AsciiResult): boolean {
  let pos = start + PREFIX.length;
  // The name: up to the next space.
  let c = 0;
  while (pos < end) {
    c = buf[pos];
    if (c >= 0x80) return false;
    if (isSpace(c)) break;
    pos++;
  }
  out.nameStart = start + PREFIX.length;
  out.nameEnd = pos;
  // splitField consumes the space that ended a field and every space after it.
  if (pos < end) pos++;
  while (pos < end && isSpace(buf[pos])) pos++;
  // A name alone announces a benchmark (-v, -json): the general path keeps track of those.
  if (pos >= end) return false;

  // The iteration count: 1–15 digits up to a space.
  let iterations = 0;
  const iterStart = pos;
  for (; pos < end; pos++) {
    c = buf[pos];
    if (c < 0x30 || c > 0x39) break;
    iterations = iterations * 10 + (c - 0x30);
  }
  if (pos === iterStart || pos - iterStart > 15 || (pos < end && !isSpace(buf[pos]))) return false;
  out.iterations = iterations;
  pos = skipSpaces(buf, pos, end);

  let count = 0;
  while (pos < end) {
    // The value: digits with at most one dot, at most 15 digits (then the one division is exact).
    const valueStart = pos;
    let m = 0;
    let digits = 0;
    let dot = -1;
    for (; pos < end; pos++) {
      c = buf[pos];
      if (c >= 0x30 && c <= 0x39) {
        m = m * 10 + (c - 0x30);
        digits++;
      } else if (c === 0x2e && dot < 0) {
        dot = pos;
      } else {
        break;
      }
    }
    if (digits === 0 || digits > 15 || pos - valueStart > 16 || pos === end || !isSpace(buf[pos])) return false;
    const value = dot < 0 ? m : m / EXACT_POW10[pos - dot - 1];
    pos = skipSpaces(buf, pos, end);
    // The unit: up to the next space.
    const unitStart = pos;
    for (; pos < end; pos++) {
      c = buf[pos];
      if (c >= 0x80) return false;
      if (isSpace(c)) break;
    }
    if (pos === unitStart) return false;
    if (count === out.values.length) grow(out);
    out.values[count] = value;
    out.unitStarts[count] = unitStart;
    out.unitEnds[count] = pos;
    count++;
    pos = skipSpaces(buf, pos, end);
  }
  if (count === 0) return false;
  out.count = count;
  return true;
}

/** splitField's step after a field: the space that ended it, and every space after that. */
function skipSpaces(buf: Uint8Array, pos: number, end: number): number {
  if (pos < end) pos++;
  while (pos < end && isSpace(buf[pos])) pos++;
  return pos;
}

function grow(out: AsciiResult): void {
  const n = out.values.length * 2;
  const values = new Float64Array(n);
  values.set(out.values);
  const starts = new Int32Array(n);
  starts.set(out.unitStarts);
  const ends = new Int32Array(n);
  ends.set(out.unitEnds);
  out.values = values;
  out.unitStarts = starts;
  out.unitEnds = ends;
}

/** Whether `buf[start, end)` holds exactly the characters of the ASCII string `s`. */
export function bytesEqual(buf: Uint8Array, start: number, end: number, s: string): boolean {
  if (end - start !== s.length) return false;
  for (let i = 0; i < s.length; i++) if (buf[start + i] !== s.charCodeAt(i)) return false;
  return true;
}

/** `buf[start, end)`, known to be ASCII, as a string. */
export function asciiString(buf: Uint8Array, start: number, end: number): string {
  return ASCII.decode(buf.subarray(start, end));
}

const ASCII = new TextDecoder('utf-8');

/**
 * The bytes a string was made from, kept to recognise the same name or unit on the next line
 * without making the string again (comparing bytes with bytes: the string's characters are the
 * slow side of the comparison).
 */
export class ByteKey {
  private bytes = new Uint8Array(64);
  /** −1: holds nothing (the string may have changed by another path). */
  private length = -1;

  matches(buf: Uint8Array, start: number, end: number): boolean {
    const n = end - start;
    if (n !== this.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < n; i++) if (buf[start + i] !== bytes[i]) return false;
    return true;
  }

  set(buf: Uint8Array, start: number, end: number): void {
    const n = end - start;
    if (n > this.bytes.length) this.bytes = new Uint8Array(n * 2);
    this.bytes.set(buf.subarray(start, end));
    this.length = n;
  }

  clear(): void {
    this.length = -1;
  }
}
