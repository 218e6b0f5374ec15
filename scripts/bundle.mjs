// Bundles the two front doors (the action and the CLI) into dist/, with dist/licenses.txt: the
// license texts of every bundled package (scripts/notices.mjs).
// esbuild is used because it bundles the ESM-only @actions/* packages in well under a second.
//
// `node scripts/bundle.mjs --sourcemap` also writes dist/*.js.map for local debugging (run with
// `node --enable-source-maps`). They are not committed: without the sources they still take
// 2.5 MB, with them 9 MB, for every change of dist/; the unminified bundle keeps every name and
// marks each module's source file (`// src/action/main.ts`), which is what a stack trace needs.
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { notices } from './notices.mjs';

const banner = [
  '#!/usr/bin/env node',
  // Some bundled CommonJS dependencies call require(); give them one under ESM.
  "import { createRequire as __benchgateCreateRequire } from 'module';",
  'const require = __benchgateCreateRequire(import.meta.url);',
].join('\n');

const sourcemap = process.argv.includes('--sourcemap');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.js' },
  banner: { js: banner },
  // The packages' license texts go to dist/licenses.txt whole, not as scattered comments.
  legalComments: 'none',
  sourcemap: sourcemap ? 'linked' : false,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

// The action: one file.
const action = await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist' });

// The CLI's chunks have content hashes in their names: drop the previous build's.
for (const f of readdirSync('dist')) if (/^cli-.*\.js(\.map)?$/.test(f)) rmSync(join('dist', f));

// The CLI: split at its dynamic imports, so that `benchgate compare` loads only what it runs
// (node start-up is a visible part of a compare's time). The chunks sit beside cli.js.
const cli = await build({ ...common, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', splitting: true, chunkNames: 'cli-[name]-[hash]' });

const metafile = {
  inputs: { ...action.metafile.inputs, ...cli.metafile.inputs },
  outputs: { ...action.metafile.outputs, ...cli.metafile.outputs },
};
writeFileSync('dist/licenses.txt', notices(metafile));
