#!/usr/bin/env node
// Times benchgate's profile decode + `top` against `go tool pprof -top` on one large
// memory profile (≥ 50 MB uncompressed), alternating the two, and prints the ratio and
// our peak memory. Not a test: run it by hand.
//
//   node bench/pprof-top.mjs [--reps 3] [--depth 20] [--extra 30]
//
// The profile comes from a small Go program written to a temp dir: at -memprofilerate=1
// it allocates along 2^depth distinct call paths, each `extra` frames deeper, which makes
// about a million samples. It is cached between runs (same depth/extra). Larger heaps:
// `node --max-old-space-size=8192 bench/pprof-top.mjs`.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { ungzip } from 'pako';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const reps = arg('reps', 3);
const depth = arg('depth', 20);
const extra = arg('extra', 30);

const GO_MAIN = `package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
)

var sink [][]byte

//go:noinline
func a(d int, path uint32) {
	if d == 0 {
		sink = append(sink, make([]byte, 16+int(path&7)*8))
		return
	}
	if path&1 == 0 {
		a(d-1, path>>1)
	} else {
		b(d-1, path>>1)
	}
}

//go:noinline
func b(d int, path uint32) {
	if d == 0 {
		sink = append(sink, make([]byte, 32))
		return
	}
	if path&1 == 0 {
		a(d-1, path>>1)
	} else {
		b(d-1, path>>1)
	}
}

//go:noinline
func chain(n, depth int, path uint32) {
	if n == 0 {
		a(depth, path)
		return
	}
	chain(n-1, depth, path)
}

func main() {
	depth, _ := strconv.Atoi(os.Args[2])
	extra, _ := strconv.Atoi(os.Args[3])
	runtime.MemProfileRate = 1
	for p := uint32(0); p < 1<<depth; p++ {
		chain(extra, depth, p)
	}
	runtime.GC()
	f, err := os.Create(os.Args[1])
	if err != nil {
		panic(err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		panic(err)
	}
	f.Close()
}
`;

async function makeProfile() {
  const dir = join(tmpdir(), 'benchgate-bigprof');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `allocs-${depth}-${extra}.pprof`);
  if (existsSync(file)) return file;
  writeFileSync(join(dir, 'go.mod'), 'module bigprof\n\ngo 1.24\n');
  writeFileSync(join(dir, 'main.go'), GO_MAIN);
  process.stdout.write(`generating ${file} (2^${depth} stacks, ~1 min)…\n`);
  await run('go', ['run', '.', file, String(depth), String(extra)], { cwd: dir, timeout: 600_000 });
  return file;
}

/** Bundles the TypeScript sources once, so this script runs on plain node. */
async function loadOurs() {
  const dir = join(tmpdir(), 'benchgate-bigprof');
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `export { decodeProfile, decodeRawProfile, uncompressProfile } from ${JSON.stringify(join(root, 'src/pprof/decode.ts'))};`,
      `export { decodeRawWithProtobufjs } from ${JSON.stringify(join(root, 'src/pprof/reflect.ts'))};`,
      `export { resolveProfile } from ${JSON.stringify(join(root, 'src/pprof/raw.ts'))};`,
      `export { topFunctions } from ${JSON.stringify(join(root, 'src/pprof/top.ts'))};`,
      `export { topText } from ${JSON.stringify(join(root, 'src/commands/profile.ts'))};`,
    ].join('\n'),
  );
  const outfile = join(dir, 'ours.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let peakRss = 0;
const sampleRss = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

const file = await makeProfile();
const ours = await loadOurs();
const gz = readFileSync(file);
const rawBytes = ungzip(gz);
console.log(`profile: ${file}`);
console.log(`  ${(statSync(file).size / 1e6).toFixed(1)} MB gzip, ${(rawBytes.length / 1e6).toFixed(1)} MB uncompressed`);

async function oursOnce() {
  const t0 = process.hrtime.bigint();
  const p = ours.decodeProfile(readFileSync(file), file);
  sampleRss();
  const top = ours.topFunctions(p);
  const text = ours.topText(top);
  sampleRss();
  return { ms: ms(t0), samples: p.sample.length, rows: top.rows.length, bytes: text.length };
}

async function pprofOnce() {
  const t0 = process.hrtime.bigint();
  const { stdout } = await run('go', ['tool', 'pprof', '-top', '-nodefraction=0', '-symbolize=none', file], { maxBuffer: 1 << 28 });
  return { ms: ms(t0), bytes: stdout.length };
}

// Warm up both (JIT; `go tool` may build pprof on first use), then alternate.
const first = await oursOnce();
await pprofOnce();
console.log(`  ${first.samples} samples, ${first.rows} functions`);
const oursMs = [];
const pprofMs = [];
for (let i = 0; i < reps; i++) {
  oursMs.push((await oursOnce()).ms);
  pprofMs.push((await pprofOnce()).ms);
}
console.log(`\ndecode + top (median of ${reps}, alternating):`);
console.log(`  benchgate       ${median(oursMs).toFixed(0)} ms   [${oursMs.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`  go tool pprof   ${median(pprofMs).toFixed(0)} ms   [${pprofMs.map((x) => x.toFixed(0)).join(', ')}]`);
console.log(`  ratio benchgate/pprof = ${(median(oursMs) / median(pprofMs)).toFixed(2)}`);

const oursPeak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
console.log(`  peak RSS of this process so far (our decode + top only): ${(oursPeak / 1e6).toFixed(0)} MB`);

// Which decoder: the hand-written reader against protobufjs reflection, protobuf only.
// One run each: protobufjs' Long objects need several GB for this profile.
const decodeMs = { hand: [], protobufjs: [] };
for (let i = 0; i < 1; i++) {
  let t0 = process.hrtime.bigint();
  ours.decodeRawProfile(rawBytes, file);
  decodeMs.hand.push(ms(t0));
  sampleRss();
  t0 = process.hrtime.bigint();
  ours.decodeRawWithProtobufjs(rawBytes, file);
  decodeMs.protobufjs.push(ms(t0));
  sampleRss();
}
console.log(`\nprotobuf decode only (one run each):`);
console.log(`  hand-written reader     ${median(decodeMs.hand).toFixed(0)} ms`);
console.log(`  protobufjs reflection   ${median(decodeMs.protobufjs).toFixed(0)} ms`);

console.log(`\npeak RSS including the protobufjs decode: ${(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6).toFixed(0)} MB`);
console.log('  (V8 heap limit: raise with node --max-old-space-size=<MB> for larger profiles)');
