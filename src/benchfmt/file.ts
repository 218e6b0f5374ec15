/** The edge: read one benchmark output file from disk. */

import { readFile } from 'node:fs/promises';
import { BenchgateError } from '../errors.js';
import type { ParsedBench } from './types.js';
import { decodeBenchBytes, EXPECTED_BENCH_INPUT } from './decode.js';
import { parseBench } from './parse.js';

export interface ParseFileOptions {
  /**
   * Accept a file without results (a package that failed to build or crashed before its first
   * result), so that the caller can report its failures instead of an error.
   */
  allowEmpty?: boolean;
}

export async function parseBenchFile(path: string, options: ParseFileOptions = {}): Promise<ParsedBench> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));
    throw new BenchgateError(`cannot read benchmark output (${reason}); ${EXPECTED_BENCH_INPUT}`, 'bench-format', { file: path });
  }
  const parsed = parseBench(decodeBenchBytes(bytes, path), path);
  if (parsed.results.length === 0 && !options.allowEmpty) {
    const failed = parsed.failures.map((f) => f.message.split('\n')[0]);
    const why = failed.length > 0 ? ` The output reports failures: ${failed.slice(0, 3).join('; ')}.` : '';
    throw new BenchgateError(`no benchmark results found; ${EXPECTED_BENCH_INPUT}.${why}`, 'bench-format', { file: path });
  }
  return parsed;
}
