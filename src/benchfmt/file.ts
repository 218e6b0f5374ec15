/** The edge: read one benchmark output file from disk. */

import { closeSync, openSync, readSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { BenchgateError } from '../errors.js';
import type { ParsedBench, ParsedBenchSummary, ResultSink } from './types.js';
import { checkBenchBytes, decodeBenchBytes, EXPECTED_BENCH_INPUT, utf8BomLength } from './decode.js';
import { looksLikeGoTestJson } from './parse.js';
import { BenchReader, ResultArray } from './reader.js';
import { feedByteLines } from './text.js';
import { readGoTestJson } from './gojson.js';

export interface ParseFileOptions {
  /**
   * Accept a file without results (a package that failed to build or crashed before its first
   * result), so that the caller can report its failures instead of an error.
   */
  allowEmpty?: boolean;
}

export async function parseBenchFile(path: string, options: ParseFileOptions = {}): Promise<ParsedBench> {
  const sink = new ResultArray();
  const summary = await readBenchFile(path, sink, options);
  return { results: sink.results, units: summary.units, warnings: summary.warnings, failures: summary.failures };
}

/**
 * Bytes read at a time. Small enough that the text of a chunk is an ordinary young-generation string
 * (V8 puts strings over 128 KiB in large-object space, where dead ones wait for a full GC: with 1 MiB
 * chunks a 13 MB file left ~26 MB of dead text in the heap). Lines longer than this grow the buffer.
 */
const CHUNK = 64 * 1024;

/**
 * Reads a benchmark output file into `sink`. Text output is read a chunk at a time and never
 * exists as one string: for a large suite the file's text would otherwise be the largest thing
 * in memory, after the per-line objects this sink design avoids. `go test -json` is read whole
 * (its events must be joined per package first).
 */
export async function readBenchFile(path: string, sink: ResultSink, options: ParseFileOptions = {}): Promise<ParsedBenchSummary> {
  // Synchronous reads: a 13 MB file is 200 chunks, and each asynchronous read is a round trip
  // through libuv's thread pool that the profile showed as idle time (on a busy machine, most of it).
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw cannotRead(path, e);
  }
  let summary: ParsedBenchSummary;
  try {
    summary = await readOpened(fd, path, sink);
  } finally {
    closeSync(fd);
  }
  if (summary.resultCount === 0 && !options.allowEmpty) {
    const failed = summary.failures.map((f) => f.message.split('\n')[0]);
    const why = failed.length > 0 ? ` The output reports failures: ${failed.slice(0, 3).join('; ')}.` : '';
    throw new BenchgateError(`no benchmark results found; ${EXPECTED_BENCH_INPUT}.${why}`, 'bench-format', { file: path });
  }
  return summary;
}

async function readOpened(fd: number, path: string, sink: ResultSink): Promise<ParsedBenchSummary> {
  const reader = new BenchReader(path, sink);
  const decoder = new TextDecoder('utf-8');
  let buf = new Uint8Array(CHUNK);
  /** Bytes in `buf` not yet read as lines (the start of a line cut by the chunk's end). */
  let held = 0;
  /** File offset of buf[0]. */
  let offset = 0;
  let lineNo = 1;
  let first = true;
  for (;;) {
    if (held === buf.length) {
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      buf = grown;
    }
    const bytesRead = read(fd, buf, held, path);
    const eof = bytesRead === 0;
    let filled = held + bytesRead;
    checkBenchBytes(buf.subarray(held, filled), path, offset + held);
    if (first) {
      // The first read of a regular file fills the buffer or reaches the end.
      first = false;
      const bom = utf8BomLength(buf.subarray(0, filled));
      if (bom > 0) {
        buf.copyWithin(0, bom, filled);
        filled -= bom;
        offset += bom;
      }
      if (looksLikeGoTestJson(decoder.decode(buf.subarray(0, filled)))) {
        // Rare and small next to text output: read it whole, as parseBench does.
        const bytes = await readFile(path);
        readGoTestJson(reader, decodeBenchBytes(bytes, path));
        return reader.finishSummary();
      }
      reader.startStream();
    }
    // Up to the last newline now, or everything at the end of the file.
    const stop = eof ? filled : buf.lastIndexOf(0x0a, filled - 1) + 1;
    if (stop > 0) lineNo = feedByteLines(reader, buf, stop, lineNo, eof, decoder);
    if (eof) return reader.finishSummary();
    buf.copyWithin(0, stop, filled);
    offset += stop;
    held = filled - stop;
  }
}

function read(fd: number, buf: Uint8Array, at: number, path: string): number {
  try {
    return readSync(fd, buf, at, buf.length - at, null);
  } catch (e) {
    throw cannotRead(path, e);
  }
}

function cannotRead(path: string, e: unknown): BenchgateError {
  const reason = (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
  return new BenchgateError(`cannot read benchmark output (${reason}); ${EXPECTED_BENCH_INPUT}`, 'bench-format', { file: path });
}
