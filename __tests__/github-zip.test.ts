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

  /** Where the writer put what: the end record, and each central entry's name and name length. */
  function layout(zip: Buffer) {
    const eocd = zip.length - 22; // the writer adds no archive comment
    const count = zip.readUInt16LE(eocd + 10);
    const entries: { path: string; nameBytes: [number, number]; lengthField: number }[] = [];
    let at = zip.readUInt32LE(eocd + 16);
    for (let k = 0; k < count; k++) {
      const nameLength = zip.readUInt16LE(at + 28);
      entries.push({ path: zip.toString('utf8', at + 46, at + 46 + nameLength), nameBytes: [at + 46, at + 46 + nameLength], lengthField: at + 28 });
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return { eocd, entries };
  }
  const inside = (x: number, [from, to]: [number, number]) => x >= from && x < to;

  test('a damaged archive gives a BenchgateError at an offset in it, or the same files', () => {
    fc.assert(
      fc.property(fileSet, writeOpts, fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (files, opts, pos, flip, truncate) => {
        const zip = writeZip(files, opts);
        const { eocd, entries } = layout(zip);
        const at = pos % zip.length;
        const damaged = truncate ? zip.subarray(0, at) : Buffer.from(zip);
        if (!truncate) damaged[at] ^= flip;
        const r = attempt(damaged);
        if (r instanceof BenchgateError) {
          expect(r.code).toBe('zip');
          expect(r.where.file).toBe('test.zip');
          if (/no end-of-central-directory record/.test(r.message)) {
            // The one error about the whole file: only a cut or damage to the end record causes it.
            expect(truncate || inside(at, [eocd, eocd + 22])).toBe(true);
          } else {
            // Every other error names the byte where the bad structure starts: inside the archive,
            // or past its end for a structure the damaged archive says is there.
            expect(Number.isInteger(r.where.offset)).toBe(true);
            expect(r.where.offset).toBeGreaterThanOrEqual(0);
            if (r.where.offset! >= damaged.length) expect(r.message).toMatch(/runs past the end/);
            expect(r.message).toContain(`(byte ${r.where.offset})`);
          }
          return;
        }
        // A cut archive has lost its end record: it can only be an error.
        expect(truncate).toBe(false);
        const got = (r as { path: string; data: Buffer }[]).map((e) => [e.path, new Uint8Array(e.data)] as const);
        const original = entries.map((e) => [e.path, files[e.path]] as const);
        if (inside(at, [eocd + 10, eocd + 12])) {
          // The entry count, lowered: the archive now declares its first entries only.
          expect(got).toEqual(original.slice(0, got.length));
          return;
        }
        const renamed = entries.findIndex((e) => inside(at, e.nameBytes) || inside(at, [e.lengthField, e.lengthField + 2]));
        if (renamed >= 0) {
          // A changed name: that one entry is read under another name (or skipped, if it now ends
          // in "/" like a directory); every other entry, and its content, is intact.
          const others = original.filter((_, k) => k !== renamed);
          expect(got.filter(([path]) => others.some(([p]) => p === path))).toEqual(others);
          const extra = got.filter(([path]) => !others.some(([p]) => p === path));
          expect(extra.length).toBeLessThanOrEqual(1);
          for (const [path, data] of extra) {
            expect(path).not.toBe(entries[renamed].path);
            expect(data).toEqual(original[renamed][1]);
          }
          return;
        }
        // Damage anywhere else that reads without error hit a field the reader does not use (times,
        // versions, the local copy of the CRC, a data descriptor): the files come out unchanged.
        expect(got).toEqual(original);
      }),
      { numRuns: 1000 },
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
