/**
 * A minimal zip writer for test fixtures (seeded baseline artifacts, corrupt-archive cases).
 * It can mimic streamed writers, which leave sizes out of the local header and put them in a
 * data descriptor after the data, as the zip behind upload-artifact does.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipWriteOptions {
  method?: 'store' | 'deflate';
  /** Write sizes/CRC in a trailing data descriptor instead of the local header (flag bit 3). */
  dataDescriptor?: boolean;
  /** Extra directory entries (names ending in `/`). */
  directories?: string[];
}

export function writeZip(files: Record<string, string | Uint8Array>, opts: ZipWriteOptions = {}): Buffer {
  const method = opts.method === 'store' ? 0 : 8;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const entries: [string, Buffer][] = [
    ...(opts.directories ?? []).map((d): [string, Buffer] => [d, Buffer.alloc(0)]),
    ...Object.entries(files).map(([name, data]): [string, Buffer] => [name, Buffer.from(data)]),
  ];
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const isDir = name.endsWith('/');
    const m = isDir ? 0 : method;
    const body = m === 8 ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const flags = 0x0800 | (opts.dataDescriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(m, 8);
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00
    if (!opts.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(body.length, 18);
      local.writeUInt32LE(data.length, 22);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const parts = [local, nameBytes, body];
    if (opts.dataDescriptor) {
      const dd = Buffer.alloc(16);
      dd.writeUInt32LE(0x08074b50, 0);
      dd.writeUInt32LE(crc, 4);
      dd.writeUInt32LE(body.length, 8);
      dd.writeUInt32LE(data.length, 12);
      parts.push(dd);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x031e, 4); // made by: unix, 3.0
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(m, 10);
    central.writeUInt32LE(0x00210000, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);
    for (const p of parts) {
      locals.push(p);
      offset += p.length;
    }
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
