/**
 * Annotations on the changed functions that regressed. GitHub shows at most 10 warnings per step
 * and drops the rest silently, so the most significant come first.
 */
import { posix } from 'node:path';
import type { CompareReport } from '../types.js';
import { formatFixed } from '../report/format.js';
import { causalPhrase, isVerified } from './causal-text.js';

export interface Annotation {
  file: string;
  startLine: number;
  endLine: number;
  title: string;
  message: string;
}

/** The annotation candidates of a report, most significant first (attribution files are repo-relative). */
export function annotationsFor(report: CompareReport, limit: number): Annotation[] {
  const seen = new Set<string>();
  const out: { a: Annotation; weight: number }[] = [];
  for (const row of report.rows) {
    if (row.verdict !== 'regression') continue;
    for (const fn of row.attribution?.functions ?? []) {
      if (!fn.changed) continue;
      const file = fn.file.startsWith('/') ? fn.file : posix.normalize(fn.file);
      const key = `${file}:${fn.startLine}:${row.name}:${row.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const delta = row.deltaPercent === null ? '' : ` ${row.deltaPercent >= 0 ? '+' : ''}${formatFixed(row.deltaPercent, 1)}%`;
      const verified = isVerified(fn);
      out.push({
        // Functions the causal step verified come first: reverting them is the evidence.
        weight: (verified ? 1e12 : 0) + Math.abs(row.deltaPercent ?? 0) * Math.max(Number.isFinite(fn.share) ? fn.share : 0, 0.01),
        a: {
          file,
          startLine: fn.startLine,
          endLine: fn.endLine,
          title: `benchgate: ${row.name} ${row.unit}${delta}`,
          message: verified
            ? `${fn.function} is the cause of the change in ${row.name} (${row.unit}), ${causalPhrase(fn)}; ${row.reason}`
            : `${fn.function} is the likely cause: ${formatFixed(fn.share * 100, 0)}% of the change in ${row.name} (${row.unit}); ${row.reason}`,
        },
      });
    }
  }
  return out.sort((x, y) => y.weight - x.weight).slice(0, limit).map((x) => x.a);
}
