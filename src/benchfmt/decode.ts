/**
 * Bytes to text, refusing what cannot be benchmark output: binary files (a pprof profile given by
 * mistake) and UTF-16 (PowerShell's `>` writes it), which would otherwise parse as "no results".
 */

import { BenchgateError } from '../errors.js';

const EXPECTED = 'expected `go test -bench` output as UTF-8 text or `go test -json`';

export function decodeBenchBytes(bytes: Uint8Array, file: string): string {
  checkBenchBytes(bytes, file, 0);
  return new TextDecoder('utf-8').decode(bytes.subarray(utf8BomLength(bytes)));
}

/**
 * Throws what decodeBenchBytes throws for these bytes, which begin at `offset` in the file (a
 * reader of a large file checks each chunk; the byte order marks only count at offset 0).
 */
export function checkBenchBytes(bytes: Uint8Array, file: string, offset: number): void {
  if (offset === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new BenchgateError(`is UTF-16 text (byte order mark); ${EXPECTED}. Convert it to UTF-8.`, 'bench-format', {
      file,
      offset: 0,
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (offset === 0 && looksLikeUtf16(bytes)) {
      throw new BenchgateError(`looks like UTF-16 text (NUL bytes between characters); ${EXPECTED}. Convert it to UTF-8.`, 'bench-format', {
        file,
        offset: nul,
      });
    }
    const kind = offset === 0 && bytes[0] === 0x1f && bytes[1] === 0x8b ? 'gzip data, perhaps a pprof profile' : 'binary data';
    throw new BenchgateError(`contains a NUL byte (${kind}); ${EXPECTED}`, 'bench-format', { file, offset: offset + nul });
  }
}

/** 3 when the bytes start with a UTF-8 byte order mark (which is not part of the text), else 0. */
export function utf8BomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** ASCII in UTF-16 puts a NUL in every other byte: look at the first kilobyte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return (odd >= pairs * 0.4 && even <= pairs * 0.05) || (even >= pairs * 0.4 && odd <= pairs * 0.05);
}

export { EXPECTED as EXPECTED_BENCH_INPUT };
