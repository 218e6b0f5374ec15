/**
 * `go list -json` (and `go env -json`, `go test -json`) print a *stream* of JSON objects, one
 * after another, not an array. This splits such a stream into values without assuming one object
 * per line (go list pretty-prints over many lines).
 */
import { BenchgateError } from '../errors.js';

function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/**
 * Parses concatenated JSON objects separated by optional whitespace. Anything else — a stray
 * character between objects, an unterminated object, invalid JSON inside — is a BenchgateError
 * with the byte offset where the bad value starts.
 */
export function parseJsonStream(text: string, file = '<go list output>'): Record<string, unknown>[] {
  const values: Record<string, unknown>[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c !== '{') {
      throw new BenchgateError(`expected '{' to start a JSON object, found ${JSON.stringify(c)}`, 'go-json', {
        file,
        offset: byteOffset(text, i),
      });
    }
    const start = i;
    // Find the matching '}' by depth, skipping over strings (which may hold braces and escapes).
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) break;
      }
    }
    if (i >= n) {
      throw new BenchgateError('unterminated JSON object', 'go-json', { file, offset: byteOffset(text, start) });
    }
    i++;
    let value: unknown;
    try {
      value = JSON.parse(text.slice(start, i));
    } catch (e) {
      throw new BenchgateError(`invalid JSON object: ${(e as Error).message}`, 'go-json', {
        file,
        offset: byteOffset(text, start),
      });
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      // Only reachable through mismatched brackets such as `{]`, which JSON.parse rejects; kept for safety.
      throw new BenchgateError('expected a JSON object', 'go-json', { file, offset: byteOffset(text, start) });
    }
    values.push(value as Record<string, unknown>);
  }
  return values;
}
