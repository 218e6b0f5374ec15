/** Plain `go test -bench` output (or any file in the Go benchmark format). */

import type { ParsedBench } from './types.js';
import { BenchReader } from './reader.js';

export function parseBenchText(text: string, file: string): ParsedBench {
  const reader = new BenchReader(file);
  reader.startStream();
  feedLines(reader, text, 1, true);
  return reader.finish();
}

/**
 * Feeds the lines of `text` to the reader, numbered from `firstLine`, each passed as bounds in
 * `text` rather than a string of its own. Without `final`, the text must end with a newline (a
 * chunk of a larger file); with it, a last line without one is read too. Returns the number of
 * the next line.
 */
export function feedLines(reader: BenchReader, text: string, firstLine: number, final: boolean): number {
  let start = 0;
  let lineNo = firstLine;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) {
      if (!final) throw new Error('feedLines: a chunk must end with a newline');
      end = text.length;
    }
    reader.line(text, lineNo, start, end);
    start = end + 1;
    lineNo++;
  }
  return lineNo;
}

/**
 * Feeds the lines of `buf[0, stop)` to the reader, numbered from `firstLine`: result lines read in
 * place by the fast path, any other line decoded on its own (lines are whole, so no UTF-8 sequence
 * is cut). Without `final`, the bytes must end with a newline. Returns the number of the next line.
 */
export function feedByteLines(reader: BenchReader, buf: Uint8Array, stop: number, firstLine: number, final: boolean, decoder: { decode(bytes: Uint8Array): string }): number {
  let start = 0;
  let lineNo = firstLine;
  while (start < stop) {
    let end = buf.indexOf(0x0a, start);
    if (end < 0 || end >= stop) {
      if (!final) throw new Error('feedByteLines: a chunk must end with a newline');
      end = stop;
    }
    if (!reader.bytesLine(buf, start, end, lineNo)) reader.line(decoder.decode(buf.subarray(start, end)), lineNo);
    start = end + 1;
    lineNo++;
  }
  return lineNo;
}
