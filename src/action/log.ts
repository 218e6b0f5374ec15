/** The job log: the engine's messages, progress lines and package failures, through @actions/core. */
import * as core from '@actions/core';
import type { EngineLog } from '../engine.js';
import { formatFailure, type PackageFailure } from '../failures.js';
import { progressLines, tracked } from '../gotool/progress-display.js';
import type { ProgressSink } from '../gotool/progress.js';

export const log: EngineLog = { info: (m) => core.info(m), warning: (m) => core.warning(m) };

/**
 * Runs work that reports progress to the job log: a few lines per phase (its start, a round every
 * few seconds, its end; see progress-display.ts), not one per test-binary run.
 */
export function withProgress<T>(work: (onProgress: ProgressSink) => Promise<T>): Promise<T> {
  return tracked(progressLines((line) => core.info(line)), work);
}

/**
 * Every package failure with its reason in the job log. The first few are also warnings (the
 * annotations a user sees on the run); GitHub keeps only 10 warnings per step, and the regression
 * annotations need room.
 */
export function logFailures(failures: PackageFailure[], asWarnings = 3): void {
  for (const [i, f] of failures.entries()) {
    const text = `benchgate: ${formatFailure(f)}`;
    if (i < asWarnings) core.warning(text);
    else core.info(text);
  }
  if (failures.length > asWarnings) core.warning(`benchgate: ${failures.length - asWarnings} more package failure(s): see the log`);
}
