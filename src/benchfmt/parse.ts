/** Text or `go test -json`, whichever the input is. */

import type { ParsedBench } from './types.js';
import { parseBenchText } from './text.js';
import { parseGoTestJson } from './gojson.js';

/** How many leading non-blank lines to look at: -json streams may start with `go: downloading` lines. */
const SNIFF_LINES = 20;

export function parseBench(text: string, file: string): ParsedBench {
  return looksLikeGoTestJson(text) ? parseGoTestJson(text, file) : parseBenchText(text, file);
}

/** True when one of the first lines is a JSON object with an "Action" field. */
export function looksLikeGoTestJson(text: string): boolean {
  let start = 0;
  let seen = 0;
  while (start < text.length && seen < SNIFF_LINES) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === '') continue;
    seen++;
    if (!line.startsWith('{') || !line.includes('"Action"')) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null && typeof (value as { Action?: unknown }).Action === 'string') {
        return true;
      }
    } catch {
      // A text line that happens to start with a brace.
    }
  }
  return false;
}
