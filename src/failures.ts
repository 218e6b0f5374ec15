/**
 * Package failures, said where the user looks. A package that did not build, whose benchmark
 * failed, that timed out, or that `go list` could not load is kept in `run.json` with its reason;
 * the front doors print each one with that reason to the terminal and the job log, because "no
 * benchmark results" without the reason sends the user digging through files.
 */
import type { PackageRun, Run } from './types.js';

export interface PackageFailure {
  /** `base` or `head` when both sides ran; absent for a single run. */
  side?: string;
  pkg: string;
  status: string;
  /** The whole message (tool output trimmed by the runner); may span lines. */
  reason: string;
}

/** A package that did not give its results: it did not build, failed, timed out or did not load (no benchmarks is not a failure). */
export function isFailedPackage(p: PackageRun): boolean {
  return p.status !== 'ok' && p.status !== 'no-benchmarks';
}

export function packageFailures(run: Run, side?: string): PackageFailure[] {
  return run.packages
    .filter(isFailedPackage)
    .map((p) => ({ ...(side ? { side } : {}), pkg: p.pkg, status: p.status, reason: p.message?.trim() || p.status }));
}

/** `head: ./... build-failed`: whose failure it is. */
function failureLabel(f: PackageFailure): string {
  return `${f.side ? f.side + ': ' : ''}${f.pkg} ${f.status}`;
}

/** `head: ./... build-failed: go list: …`, the reason's further lines indented, at most `maxLines` of them. */
export function formatFailure(f: PackageFailure, maxLines = 20): string {
  const lines = f.reason.split('\n').filter((l) => l.trim() !== '');
  const shown = lines.slice(0, maxLines);
  const more = lines.length > shown.length ? [`  … ${lines.length - shown.length} more lines in run.json`] : [];
  const [first = '', ...rest] = shown;
  return [`${failureLabel(f)}: ${first}`, ...rest.map((l) => '  ' + l), ...more].join('\n');
}

/**
 * A failure's reason in one line, for the report's warnings and the "no results" error. Not the
 * reason's first line as it stands: go build's starts with the package's `# pkg [pkg.test]`, which
 * names no error, and a panicking benchmark's with `exit status 2`; the compile error, and the
 * panic, are what the user needs to see.
 */
export function failureHeadline(reason: string): string {
  const lines = reason
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const errors = lines.filter((l) => !/^# \S/.test(l));
  let line = errors[0] ?? lines[0] ?? '';
  const crash = /exit status \d+$/.test(line) ? errors.find((l) => /^(?:panic: |fatal error: )/.test(l)) : undefined;
  if (crash) line += ` (${crash})`;
  return line.length > 200 ? line.slice(0, 200) + '…' : line;
}

/** One line for an error message: the first failure and how many more there are. */
export function failureSummary(failures: PackageFailure[]): string {
  if (failures.length === 0) return '';
  const first = `${failureLabel(failures[0])}: ${failureHeadline(failures[0].reason)}`;
  return failures.length === 1 ? first : `${first} (and ${failures.length - 1} more package failure(s))`;
}
