// Installs the pinned reference tools once per `npm test`, before any test file runs,
// so that differential tests never race to install them.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCHSTAT_MODULE = 'golang.org/x/perf';
export const BENCHSTAT_VERSION = 'v0.0.0-20260908200009-22c9c6c9d4da';

/**
 * The golang.org/x/perf version a benchstat binary was built from, as `go version -m` reads it
 * from the binary's build info (its `mod` line); null when the file is not a Go binary of that
 * module.
 */
export function builtVersion(binary) {
  let info;
  try {
    info = execFileSync('go', ['version', '-m', binary], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
  const mod = info.split('\n').map((l) => l.trim().split(/\s+/)).find((f) => f[0] === 'mod' && f[1] === BENCHSTAT_MODULE);
  return mod?.[2] ?? null;
}

/**
 * runtime.GOMAXPROCS(0) of a Go program started here, handed to the test workers (which inherit
 * this environment) so that __tests__/helpers/gobench.ts need not compile its probe in each file.
 */
function goMaxProcs() {
  const dir = mkdtempSync(join(tmpdir(), 'benchgate-gomaxprocs-'));
  try {
    writeFileSync(join(dir, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nfunc main() { fmt.Println(runtime.GOMAXPROCS(0)) }\n');
    return execFileSync('go', ['run', 'main.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off' } }).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default function globalSetup() {
  const root = dirname(fileURLToPath(import.meta.url));
  const bin = join(root, '.cache', 'bin');
  mkdirSync(bin, { recursive: true });
  const benchstat = join(bin, 'benchstat');
  // A cached binary is reused only when it was built from the pinned version: after the pin
  // moves, a stale benchstat would make every differential test check against the wrong oracle.
  const found = existsSync(benchstat) ? builtVersion(benchstat) : null;
  if (found !== BENCHSTAT_VERSION) {
    if (found) console.log(`\n.cache/bin/benchstat is ${BENCHSTAT_MODULE}@${found}, not the pinned ${BENCHSTAT_VERSION}: reinstalling`);
    rmSync(benchstat, { force: true });
    execFileSync('go', ['install', `${BENCHSTAT_MODULE}/cmd/benchstat@${BENCHSTAT_VERSION}`], {
      env: { ...process.env, GOBIN: bin },
      stdio: 'inherit',
    });
    const installed = builtVersion(benchstat);
    if (installed !== BENCHSTAT_VERSION) {
      throw new Error(`installed benchstat reports ${BENCHSTAT_MODULE}@${installed ?? '?'}, not the pinned ${BENCHSTAT_VERSION}`);
    }
  }
  process.env.BENCHGATE_TEST_GOMAXPROCS ??= goMaxProcs();
}
