/**
 * What one `go test` (or test binary) invocation amounted to, decided from its exit status and
 * output. Pure: the runner hands in what the process did.
 */
import type { PackageRun } from '../types.js';

export interface Invocation {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Killed by benchgate's wall-clock limit. */
  timedOut: boolean;
  durationMs: number;
}

export interface Outcome {
  status: PackageRun['status'];
  message?: string;
}

/** A benchmark result line: name, iteration count, then a value. */
const RESULT_LINE = /^Benchmark\S*\s+\d+\s+\S+\s+\S/m;
/**
 * Where a failure's story starts. A panic may arrive on stderr after stdout's FAIL summary lines, so
 * look for the telling lines first. A failing leaf's `--- FAIL` follows its name on the same line
 * (Go prints the name before running it): `BenchmarkMixed/bad-2 \t--- FAIL: BenchmarkMixed/bad-2`.
 */
const FAILURE_CAUSE = /^(?:Benchmark\S*[ \t]+)?(--- FAIL|panic:|fatal error:|\*\*\* Test killed)/m;
const FAILURE_START = /^(--- FAIL|panic:|fatal error:|\*\*\* Test killed|FAIL\s)/m;
const MAX_LINES = 40;
const MAX_CHARS = 4000;

/** True when the output holds at least one benchmark result line. */
export function hasResults(stdout: string): boolean {
  return RESULT_LINE.test(stdout);
}

/**
 * Keeps a failure message readable: from `from` (the first failure line, when known), at most
 * MAX_LINES lines and MAX_CHARS characters, saying how much was left out.
 */
export function trimOutput(text: string, from?: RegExp): string {
  let body = text.replace(/\s+$/, '');
  const m = from ? from.exec(body) : null;
  // From the first group when the pattern has one (what precedes it only locates the line).
  if (m) body = body.slice(m[1] !== undefined ? m.index + m[0].lastIndexOf(m[1]) : m.index);
  const lines = body.split('\n');
  let kept = lines.slice(0, MAX_LINES).join('\n');
  if (kept.length > MAX_CHARS) kept = kept.slice(0, MAX_CHARS);
  const droppedLines = lines.length - kept.split('\n').length;
  return droppedLines > 0 ? `${kept}\n… (${droppedLines} more lines)` : kept;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

export function classify(inv: Invocation): Outcome {
  const all = `${inv.stdout}\n${inv.stderr}`;
  if (inv.timedOut) {
    const tail = trimOutput(all.split('\n').slice(-MAX_LINES).join('\n'));
    return {
      status: 'timeout',
      message: `killed after ${seconds(inv.durationMs)}: over the time limit${tail ? `\n${tail}` : ''}`,
    };
  }
  if (/^panic: test timed out after/m.test(all)) {
    return { status: 'timeout', message: trimOutput(all, /^panic: test timed out after/m) };
  }
  if (/\[(build|setup) failed\]/.test(inv.stdout) || (inv.code !== 0 && /^# /m.test(inv.stderr) && !hasResults(inv.stdout))) {
    return { status: 'build-failed', message: trimOutput(inv.stderr.trim() ? inv.stderr : inv.stdout) };
  }
  if (inv.code !== 0) {
    const why = inv.code === null ? `killed by ${inv.signal}` : `exit status ${inv.code}`;
    const out = trimOutput(all, FAILURE_CAUSE.test(all) ? FAILURE_CAUSE : FAILURE_START);
    return { status: 'bench-failed', message: out ? `${why}\n${out}` : why };
  }
  if (!hasResults(inv.stdout)) {
    return { status: 'no-benchmarks', message: 'no benchmark matched the -bench pattern' };
  }
  return { status: 'ok' };
}
