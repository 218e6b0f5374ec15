/** Plain `go test -bench` output (or any file in the Go benchmark format). */

import type { ParsedBench } from './types.js';
import { BenchReader } from './reader.js';

export function parseBenchText(text: string, file: string): ParsedBench {
  const reader = new BenchReader(file);
  reader.startStream();
  let start = 0;
  let lineNo = 1;
  // Walk newlines by index rather than split(): no second copy of a large file.
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start || end < text.length) reader.line(text.slice(start, end), lineNo);
    start = end + 1;
    lineNo++;
  }
  return reader.finish();
}
