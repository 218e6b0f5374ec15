/**
 * Benchmark names as this machine's Go prints them. The testing package appends `-P` for
 * GOMAXPROCS P (and nothing when P is 1), so `Checksum-2` on a 2-core runner is `Checksum-4` on a
 * 4-core one. P is asked of Go itself, not computed the way src/gotool/env.ts computes it, so a
 * test that uses it also checks that module.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Set by jest.global-setup.mjs, so that the test files do not each compile the probe. */
const ENV = 'BENCHGATE_TEST_GOMAXPROCS';

let cached: number | undefined;

/** runtime.GOMAXPROCS(0) of a Go program started here, with this environment. */
export function goMaxProcs(): number {
  if (cached !== undefined) return cached;
  const fromSetup = Number(process.env[ENV]);
  if (Number.isInteger(fromSetup) && fromSetup > 0) return (cached = fromSetup);
  const dir = mkdtempSync(join(tmpdir(), 'benchgate-gomaxprocs-'));
  try {
    writeFileSync(join(dir, 'main.go'), 'package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\nfunc main() { fmt.Println(runtime.GOMAXPROCS(0)) }\n');
    return (cached = Number(execFileSync('go', ['run', 'main.go'], { cwd: dir, encoding: 'utf8', env: { ...process.env, GO111MODULE: 'off' } }).trim()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `name` as a benchmark result line names it here: `Checksum` → `Checksum-2` (GOMAXPROCS 2). */
export function benchName(name: string): string {
  const p = goMaxProcs();
  return p === 1 ? name : `${name}-${p}`;
}

/** benchName with the regular-expression specials escaped, for use inside a RegExp. */
export function benchNamePattern(name: string): string {
  return benchName(name).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Go source whose functions `funcs` each allocate once more per call (a 64-byte buffer that
 * escapes to a package variable): a change every benchmark that calls them shows in allocs/op and
 * B/op, compared by value, whatever the machine's timing.
 */
export function leakEveryCall(src: string, funcs: readonly string[]): string {
  let out = src;
  for (const f of funcs) {
    const next = out.replace(new RegExp(`(func ${f}\\([^)]*\\) [^{]*\\{\\n)`), '$1\tleak = make([]byte, 64)\n');
    if (next === out) throw new Error(`leakEveryCall: no func ${f}`);
    out = next;
  }
  return `${out}\nvar leak []byte\n`;
}
