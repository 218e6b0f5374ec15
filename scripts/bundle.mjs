// Bundles the two front doors (the action and the CLI) into dist/, with dist/licenses.txt: the
// license texts of every bundled package (scripts/notices.mjs).
// esbuild is used because it bundles the ESM-only @actions/* packages in well under a second.
//
// `node scripts/bundle.mjs --sourcemap` also writes dist/*.js.map for local debugging (run with
// `node --enable-source-maps`). They are not committed: without the sources they still take
// 2.5 MB, with them 9 MB, for every change of dist/; the unminified bundle keeps every name and
// marks each module's source file (`// src/action/main.ts`), which is what a stack trace needs.
import { writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { notices } from './notices.mjs';

const banner = [
  '#!/usr/bin/env node',
  // Some bundled CommonJS dependencies call require(); give them one under ESM.
  "import { createRequire as __benchgateCreateRequire } from 'module';",
  'const require = __benchgateCreateRequire(import.meta.url);',
].join('\n');

const sourcemap = process.argv.includes('--sourcemap');

const result = await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
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
});
writeFileSync('dist/licenses.txt', notices(result.metafile));
