/**
 * The CLI as a user runs it: bundled by esbuild exactly as `npm run bundle` does, but into a
 * temporary directory (dist/ belongs to the lead's build and other tests may bundle at the same
 * time), then run with node in a child process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './tools.js';

export async function bundleCli(): Promise<string> {
  const outdir = mkdtempSync(join(tmpdir(), 'benchgate-cli-'));
  await build({
    entryPoints: { cli: join(ROOT, 'src/cli.ts') },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    chunkNames: 'cli-[name]-[hash]',
    banner: { js: "import { createRequire as __cr } from 'module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(outdir, 'cli.js');
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cli: string, args: string[], cwd: string, timeoutMs = 90_000): CliResult {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: timeoutMs });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs git with a fixed identity, so that commits work on any machine. */
export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      // No system gitconfig: a test repository behaves the same on every machine.
      GIT_CONFIG_NOSYSTEM: '1',
    },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
