// Bundles the two front doors (the action and the CLI) into dist/.
// esbuild is used because it bundles the ESM-only @actions/* packages in well under a second.
import { build } from 'esbuild';

const banner = [
  '#!/usr/bin/env node',
  // Some bundled CommonJS dependencies call require(); give them one under ESM.
  "import { createRequire as __benchgateCreateRequire } from 'module';",
  'const require = __benchgateCreateRequire(import.meta.url);',
].join('\n');

await build({
  entryPoints: { index: 'src/index.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outExtension: { '.js': '.js' },
  banner: { js: banner },
  legalComments: 'none',
  logLevel: 'warning',
});
