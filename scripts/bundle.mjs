// Bundles the two front doors (the action and the CLI) into dist/.
// esbuild is used because it bundles the ESM-only @actions/* packages in well under a second.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const banner = [
  '#!/usr/bin/env node',
  // Some bundled CommonJS dependencies call require(); give them one under ESM.
  "import { createRequire as __benchgateCreateRequire } from 'module';",
  'const require = __benchgateCreateRequire(import.meta.url);',
].join('\n');

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.js' },
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
};

// The action: one file.
await build({ ...common, entryPoints: { index: 'src/index.ts' }, outdir: 'dist' });

// The CLI's chunks have content hashes in their names: drop the previous build's.
for (const f of readdirSync('dist')) if (/^cli-.*\.js$/.test(f)) rmSync(join('dist', f));

// The CLI: split at its dynamic imports, so that `benchgate compare` loads only what it runs
// (node start-up is a visible part of a compare's time). The chunks sit beside cli.js.
await build({
  ...common,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  splitting: true,
  chunkNames: 'cli-[name]-[hash]',
});
