/**
 * The environment fingerprint stored with every run: results from another Go version, CPU or
 * GOMAXPROCS are still comparable in form but not in substance, and the report says so.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism, cpus } from 'node:os';
import { BenchgateError } from '../errors.js';
import { run } from '../exec.js';
import type { Fingerprint } from '../types.js';
import { parseJsonStream } from './jsonstream.js';

/** The `model name` of the first processor in /proc/cpuinfo ('' when absent, e.g. on arm64). */
export function cpuFromCpuInfo(text: string): string {
  const m = /^model name\s*:\s*(.+)$/m.exec(text);
  return m ? m[1].trim() : '';
}

/** The `cpu:` configuration line of Go benchmark output ('' when absent). */
export function cpuFromBenchOutput(text: string): string {
  const m = /^cpu:\s*(.+)$/m.exec(text);
  return m ? m[1].trim() : '';
}

/**
 * GOMAXPROCS as a Go program here would see it: the GOMAXPROCS variable when it is a positive
 * integer, else the CPUs this process may use (os.availableParallelism respects affinity, like
 * runtime.NumCPU).
 */
export function effectiveGomaxprocs(env: NodeJS.ProcessEnv, available: number): number {
  const v = env.GOMAXPROCS?.trim();
  if (v && /^\d+$/.test(v) && Number(v) > 0) return Number(v);
  return available;
}

/** GitHub's names for the runner OS (RUNNER_OS), keyed by every spelling a run may have recorded. */
const OS_NAMES: Record<string, string> = {
  linux: 'Linux',
  darwin: 'macOS',
  macos: 'macOS',
  win32: 'Windows',
  windows: 'Windows',
};

/**
 * One name per operating system, whoever recorded it: the action reads RUNNER_OS ("Linux",
 * "macOS", "Windows"), the CLI node's process.platform ("linux", "darwin", "win32"). Both become
 * GitHub's spelling, so a baseline from `benchgate baseline` and a run of the action agree, and
 * runs recorded before this normalization compare equal once passed through it. Other names
 * (process.platform's "freebsd", …) are lower-cased.
 */
export function normalizeOs(name: string | undefined): string {
  const key = String(name ?? '').trim().toLowerCase();
  return OS_NAMES[key] ?? key;
}

export function runnerOs(env: NodeJS.ProcessEnv, platform: string = process.platform): string {
  return normalizeOs(env.RUNNER_OS || platform);
}

export interface FingerprintOptions {
  goBin?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Benchmark output to take the CPU model from when /proc/cpuinfo has none. */
  benchOutput?: string;
}

export async function fingerprint(opts: FingerprintOptions = {}): Promise<Fingerprint> {
  const env = opts.env ?? process.env;
  const goBin = opts.goBin ?? 'go';
  const r = await run(goBin, ['env', '-json', 'GOVERSION', 'GOOS', 'GOARCH'], {
    cwd: opts.cwd,
    env,
    timeoutMs: 60_000,
  });
  if (r.code !== 0) {
    throw new BenchgateError(`${goBin} env failed: ${r.stderr.trim() || `exit status ${r.code}`}`, 'go');
  }
  const [goEnv] = parseJsonStream(r.stdout, 'go env -json');
  const str = (k: string) => (typeof goEnv?.[k] === 'string' ? (goEnv[k] as string) : '');
  const cpuInfo = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  const cpu =
    cpuFromCpuInfo(cpuInfo) || cpuFromBenchOutput(opts.benchOutput ?? '') || (cpus()[0]?.model ?? '').trim();
  return {
    goVersion: str('GOVERSION'),
    goos: str('GOOS'),
    goarch: str('GOARCH'),
    cpu,
    gomaxprocs: effectiveGomaxprocs(env, availableParallelism()),
    runnerOs: runnerOs(env),
  };
}
