// A synthetic Go-style CPU profile (gzip-compressed perftools.profiles.Profile), written without
// Go: `samples` samples of `samples/count` and `cpu/nanoseconds`, stacks of about `depth` frames
// over `functions` functions (one location each, some with an inlined frame), seeded so that two
// runs write the same bytes. Size grows with samples × depth: 200,000 × 20 is about 10 MB
// uncompressed, 1,200,000 × 20 about 60 MB.
import { gzipSync } from 'node:zlib';

class Writer {
  len = 0;
  constructor(size = 1 << 20) {
    this.buf = new Uint8Array(size);
  }
  ensure(n) {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  varint(v) {
    this.ensure(10);
    while (v >= 0x80) {
      this.buf[this.len++] = (v % 0x80) | 0x80;
      v = Math.floor(v / 0x80);
    }
    this.buf[this.len++] = v;
  }
  tag(field, wire) {
    this.varint(field * 8 + wire);
  }
  /** A length-delimited field whose body `body(w)` writes into a scratch writer. */
  message(field, body) {
    const w = new Writer(64);
    body(w);
    this.bytes(field, w.buf.subarray(0, w.len));
  }
  bytes(field, bytes) {
    this.tag(field, 2);
    this.varint(bytes.length);
    this.ensure(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }
  packed(field, values) {
    this.message(field, (w) => values.forEach((v) => w.varint(v)));
  }
  int(field, v) {
    this.tag(field, 0);
    this.varint(v);
  }
}

export function synthCpuProfile({ samples = 200_000, functions = 5_000, depth = 20, seed = 1 } = {}) {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const strings = [''];
  const str = (x) => strings.push(x) - 1;
  const p = new Writer();
  const samplesS = str('samples');
  const countS = str('count');
  const cpuS = str('cpu');
  const nsS = str('nanoseconds');
  p.message(1, (w) => (w.int(1, samplesS), w.int(2, countS)));
  p.message(1, (w) => (w.int(1, cpuS), w.int(2, nsS)));
  // Samples: call paths down a fixed call graph (each function calls one of four others, a few
  // roots), so that there are as many distinct caller → callee edges as in a real program, not
  // one per random pair; now and then a frame recurses.
  const callee = (f, k) => 1 + ((f * 7919 + k * 104729) % functions);
  for (let i = 0; i < samples; i++) {
    const d = Math.max(1, Math.round(depth * (0.5 + rand())));
    const stack = new Array(d);
    // Built root first, stored leaf first (location_id[0] is the leaf).
    let f = 1 + Math.floor(rand() * 8);
    for (let j = d - 1; j >= 0; j--) {
      stack[j] = f;
      if (rand() >= 0.05) f = callee(f, Math.floor(rand() * 4));
    }
    const n = 1 + Math.floor(rand() * 3);
    p.message(2, (w) => {
      w.packed(1, stack);
      w.packed(2, [n, n * 10_000_000]);
    });
  }
  const fileS = [];
  for (let f = 0; f < 50; f++) fileS.push(str(`/home/user/src/example.com/app/pkg${f}/file${f}.go`));
  for (let f = 1; f <= functions; f++) {
    p.message(4, (w) => {
      w.int(1, f);
      // Every tenth location has an inlined callee in front of its own frame.
      if (f % 10 === 0 && f > 1) w.message(4, (l) => (l.int(1, f - 1), l.int(2, 7)));
      w.message(4, (l) => (l.int(1, f), l.int(2, 10 + (f % 300))));
    });
  }
  for (let f = 1; f <= functions; f++) {
    const name = str(`example.com/app/pkg${f % 50}.(*T${f % 13}).Method${f}`);
    p.message(5, (w) => (w.int(1, f), w.int(2, name), w.int(3, name), w.int(4, fileS[f % 50]), w.int(5, 5 + (f % 300))));
  }
  const enc = new TextEncoder();
  for (const x of strings) p.bytes(6, enc.encode(x));
  p.message(11, (w) => (w.int(1, cpuS), w.int(2, nsS)));
  p.int(12, 10_000_000);
  const raw = p.buf.subarray(0, p.len);
  return { raw, gz: gzipSync(raw) };
}
