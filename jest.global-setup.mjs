// Installs the pinned reference tools once per `npm test`, before any test file runs,
// so that differential tests never race to install them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHSTAT_VERSION = 'v0.0.0-20260908200009-22c9c6c9d4da';

export default function globalSetup() {
  const root = dirname(fileURLToPath(import.meta.url));
  const bin = join(root, '.cache', 'bin');
  mkdirSync(bin, { recursive: true });
  const benchstat = join(bin, 'benchstat');
  if (!existsSync(benchstat)) {
    execFileSync('go', ['install', `golang.org/x/perf/cmd/benchstat@${BENCHSTAT_VERSION}`], {
      env: { ...process.env, GOBIN: bin },
      stdio: 'inherit',
    });
  }
}
