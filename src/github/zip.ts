/**
 * A reader for the zip archives GitHub serves for workflow artifacts. It trusts only the central
 * directory (streamed writers such as the one behind upload-artifact put sizes after the data, in
 * data descriptors), checks every size and CRC, and refuses paths that would escape the target
 * directory: a baseline artifact is data from another run and is treated as untrusted input.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { BenchgateError } from '../errors.js';

export interface ZipEntry {
  /** Relative path with `/` separators, validated not to escape the extraction directory. */
  path: string;
  data: Buffer;
}

export interface ZipLimits {
  /** Refuse archives that would expand beyond this many bytes in total (zip bombs). */
  maxTotalBytes: number;
  maxEntries: number;
}

const DEFAULT_LIMITS: ZipLimits = { maxTotalBytes: 1 << 30, maxEntries: 20000 };

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const MAX_COMMENT = 0xffff;

/** Parses a whole archive held in memory; directory entries are skipped. */
export function readZip(buf: Uint8Array, file: string, limits: ZipLimits = DEFAULT_LIMITS): ZipEntry[] {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const fail = (message: string, offset?: number): never => {
    throw new BenchgateError(message, 'zip', { file, offset });
  };
  const need = (offset: number, length: number, what: string): void => {
    if (offset < 0 || offset + length > bytes.length) fail(`truncated archive: ${what} runs past the end`, offset);
  };

  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) fail('not a zip archive: no end-of-central-directory record');
  const diskNumber = bytes.readUInt16LE(eocd + 4);
  const cdDisk = bytes.readUInt16LE(eocd + 6);
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (diskNumber !== 0 || cdDisk !== 0) fail('multi-disk archives are not supported', eocd);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    fail('zip64 archives are not supported (the artifact is larger than a baseline should be)', eocd);
  }
  if (count > limits.maxEntries) fail(`archive has ${count} entries, more than the limit ${limits.maxEntries}`, eocd);
  need(cdOffset, cdSize, 'central directory');
  if (cdOffset + cdSize > eocd) fail('central directory overlaps its end record', cdOffset);

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    need(at, CENTRAL_SIZE, 'central directory entry');
    if (bytes.readUInt32LE(at) !== SIG_CENTRAL) fail(`bad central directory entry signature (entry ${i + 1})`, at);
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    need(at + CENTRAL_SIZE, nameLength + extraLength + commentLength, 'entry name');
    const rawName = bytes.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    const entryAt = at;
    at += CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (at > cdOffset + cdSize) fail('central directory entry runs past the directory size', entryAt);

    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      fail(`zip64 entry "${rawName}" is not supported`, entryAt);
    }
    if (flags & 0x1) fail(`entry "${rawName}" is encrypted`, entryAt);
    if (rawName.endsWith('/')) continue;
    const path = safeEntryPath(rawName);
    if (path === null) fail(`entry "${rawName}" has an unsafe path (absolute, "..", or backslash)`, entryAt);
    if (seen.has(path!)) fail(`entry "${rawName}" appears twice`, entryAt);
    seen.add(path!);

    total += size;
    if (total > limits.maxTotalBytes) fail(`archive expands beyond ${limits.maxTotalBytes} bytes`, entryAt);

    need(localOffset, LOCAL_SIZE, `local header of "${rawName}"`);
    if (bytes.readUInt32LE(localOffset) !== SIG_LOCAL) fail(`bad local header signature for "${rawName}"`, localOffset);
    // The local name/extra lengths may differ from the central ones; the data follows the local ones.
    const dataAt = localOffset + LOCAL_SIZE + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    need(dataAt, compressedSize, `data of "${rawName}"`);
    const raw = bytes.subarray(dataAt, dataAt + compressedSize);

    let data: Buffer;
    if (method === 0) {
      if (compressedSize !== size) fail(`stored entry "${rawName}" has different stored and declared sizes`, entryAt);
      data = Buffer.from(raw);
    } else if (method === 8) {
      try {
        // maxOutputLength stops a lying size field from inflating without bound.
        data = inflateRawSync(raw, { maxOutputLength: Math.max(size, 1) });
      } catch (e) {
        return fail(`entry "${rawName}" does not inflate: ${(e as Error).message}`, dataAt);
      }
    } else {
      return fail(`entry "${rawName}" uses unsupported compression method ${method}`, entryAt);
    }
    if (data.length !== size) fail(`entry "${rawName}" inflates to ${data.length} bytes, not the declared ${size}`, dataAt);
    if (crc32(data) !== crc) fail(`entry "${rawName}" fails its CRC check`, dataAt);
    entries.push({ path: path!, data });
  }
  return entries;
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    // The comment length must reach exactly to the end, which rules out signatures inside comments.
    if (bytes.readUInt32LE(at) === SIG_EOCD && at + EOCD_SIZE + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  return -1;
}

/** The entry path if it stays inside the extraction directory, else null. */
export function safeEntryPath(name: string): string | null {
  if (name === '' || name.includes('\\') || name.includes('\0') || name.startsWith('/') || /^[A-Za-z]:/.test(name)) {
    return null;
  }
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.some((p) => p === '..')) return null;
  return parts.join('/');
}
