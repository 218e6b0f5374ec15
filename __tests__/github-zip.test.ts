/**
 * The artifact zip reader: round trips through a writer that mimics both plain and streamed
 * (data-descriptor) archives, and, whatever the bytes, either entries or a BenchgateError.
 */
import fc from 'fast-check';
import { BenchgateError } from '../src/errors.js';
import { readZip, safeEntryPath } from '../src/github/zip.js';
import { writeZip } from './helpers/zip-writer.js';

const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/).filter((s) => s !== '.' && s !== '..');
const filePath = fc.array(segment, { minLength: 1, maxLength: 3 }).map((p) => p.join('/'));
const fileSet = fc.dictionary(filePath, fc.uint8Array({ maxLength: 2000 }), { maxKeys: 6 }).filter((files) => {
  // A path cannot be both a file and a directory.
  const names = Object.keys(files);
  return names.every((a) => names.every((b) => a === b || !b.startsWith(a + '/')));
});
const writeOpts = fc.record({ method: fc.constantFrom('store' as const, 'deflate' as const), dataDescriptor: fc.boolean() });

function attempt(bytes: Uint8Array): unknown {
  try {
    return readZip(bytes, 'test.zip');
  } catch (e) {
    return e;
  }
}

describe('readZip', () => {
  test('round-trips whatever the writer produces', () => {
    fc.assert(
      fc.property(fileSet, writeOpts, (files, opts) => {
        const entries = readZip(writeZip(files, { ...opts, directories: ['dir/'] }), 'test.zip');
        expect(Object.fromEntries(entries.map((e) => [e.path, new Uint8Array(e.data)]))).toEqual(files);
      }),
    );
  });

  test('arbitrary bytes give entries or a BenchgateError, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = attempt(bytes);
        expect(Array.isArray(r) || r instanceof BenchgateError).toBe(true);
      }),
    );
  });

  test('a damaged archive gives a BenchgateError with an offset, or a consistent result', () => {
    fc.assert(
      fc.property(fileSet, writeOpts, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (files, opts, pos, flip, truncate) => {
        const zip = writeZip(files, opts);
        const damaged = truncate ? zip.subarray(0, pos % zip.length) : Buffer.from(zip);
        if (!truncate) damaged[pos % zip.length] ^= flip;
        const r = attempt(damaged);
        if (r instanceof BenchgateError) {
          expect(r.code).toBe('zip');
          expect(r.where.file).toBe('test.zip');
        } else {
          // Damage in fields we do not use (times, versions) leaves the content intact.
          expect(Array.isArray(r)).toBe(true);
          const got = Object.fromEntries((r as { path: string; data: Buffer }[]).map((e) => [e.path, new Uint8Array(e.data)]));
          for (const [path, data] of Object.entries(got)) {
            if (path in files) expect(data).toEqual(files[path]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('empty archive, unsupported method, encryption, zip bomb', () => {
    expect(readZip(writeZip({}), 'e.zip')).toEqual([]);
    const zip = writeZip({ a: 'hello' }, { method: 'store' });
    const encrypted = Buffer.from(zip);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(1, cd + 8);
    expect(() => readZip(encrypted, 'x.zip')).toThrow(/encrypted/);
    const bzip = Buffer.from(zip);
    bzip.writeUInt16LE(12, cd + 10);
    expect(() => readZip(bzip, 'x.zip')).toThrow(/compression method 12/);
    const big = writeZip({ a: Buffer.alloc(100_000) });
    expect(() => readZip(big, 'x.zip', { maxTotalBytes: 50_000, maxEntries: 10 })).toThrow(/expands beyond/);
    // A size field that lies low cannot make inflate run past it.
    const lying = Buffer.from(big);
    const cd2 = big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(10, cd2 + 24);
    expect(() => readZip(lying, 'x.zip')).toThrow(BenchgateError);
  });

  test('duplicate and unsafe names are refused', () => {
    expect(() => readZip(writeZip({ '../x': 'a' }), 'x.zip')).toThrow(/unsafe path/);
    expect(() => readZip(writeZip({ '/etc/passwd': 'a' }), 'x.zip')).toThrow(/unsafe path/);
    expect(() => readZip(writeZip({ 'a\\..\\b': 'a' }), 'x.zip')).toThrow(/unsafe path/);
    expect(() => readZip(writeZip({ 'a/b': '1', './a/b': '2' }), 'x.zip')).toThrow(/twice/);
  });
});

describe('safeEntryPath', () => {
  test('never returns a path that leaves the directory', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '..', '.', '', '/', '\\', 'C:', 'x y'), { maxLength: 6 }), (parts) => {
        const p = safeEntryPath(parts.join('/'));
        if (p !== null) {
          expect(p.split('/')).not.toContain('..');
          expect(p.startsWith('/')).toBe(false);
          expect(p).not.toContain('\\');
          expect(p).not.toBe('');
        }
      }),
    );
    expect(safeEntryPath('a/./b//c')).toBe('a/b/c');
    expect(safeEntryPath('C:/x')).toBeNull();
  });
});
