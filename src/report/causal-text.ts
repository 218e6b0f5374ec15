/**
 * The causal step's results in words (src/causal/), for the comment, the text report and the
 * annotations: the same facts everywhere. Pure.
 */
import type { AttributedFunction, Attribution, CausalRecovered, CompareReport } from '../types.js';
import { inlineCode } from './escape.js';

export function isMeasured(fn: AttributedFunction): fn is AttributedFunction & { causal: CausalRecovered } {
  return fn.causal !== undefined && 'recovered' in fn.causal;
}

export function isVerified(fn: AttributedFunction): boolean {
  return isMeasured(fn) && fn.causal.verified;
}

/** 0.971 → "97%", −0.05 → "−5%"; an unbounded end → "∞". */
export function sharePercent(x: number): string {
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const v = Math.round(x * 100);
  return `${v < 0 ? '−' : ''}${Math.abs(v)}%`;
}

function shareRange(c: CausalRecovered): string {
  return `${sharePercent(c.recovered)} (${sharePercent(c.lo).replace(/%$/, '')}–${sharePercent(c.hi)})`;
}

/**
 * "verified: reverting it recovers 97% (90–104%)", "reverting it alone recovers 3% (−5–8%)",
 * or the reason it was not measured (plain text: the caller escapes). Null when not tried.
 */
export function causalPhrase(fn: AttributedFunction): string | null {
  const c = fn.causal;
  if (!c) return null;
  if (!('recovered' in c)) return c.skipped;
  return c.verified ? `verified: reverting it recovers ${shareRange(c)}` : `not the cause alone: reverting it recovers ${shareRange(c)}`;
}

/** "appeared in `a1b2c3d` (commit 2 of 3)" (markdown), or why it is not known. Null when not tried. */
export function commitPhrase(a: Attribution, code: (s: string) => string = inlineCode): string | null {
  const c = a.commit;
  if (!c) return null;
  if ('skipped' in c) return `commit not found: ${c.skipped}`;
  return `appeared in ${code(c.sha.slice(0, 7))} (commit ${c.index} of ${c.of})`;
}

/** The footer's sentence on the causal step, or '' when it did not run. */
export function causalFooter(report: CompareReport, causal: { rounds: number; budgetMs: number } | undefined): string {
  if (!causal) return '';
  const fns = report.rows.flatMap((r) => r.attribution?.functions ?? []).filter((f) => f.causal);
  const measured = fns.filter(isMeasured).length;
  const verified = fns.filter(isVerified).length;
  const budget = fns.filter((f) => f.causal && 'skipped' in f.causal && /budget/.test(f.causal.skipped)).length +
    report.rows.filter((r) => r.attribution?.commit && 'skipped' in r.attribution.commit && /budget/.test(r.attribution.commit.skipped)).length;
  const bisected = report.rows.filter((r) => r.attribution?.commit && 'sha' in r.attribution.commit).length;
  const minutes = causal.budgetMs % 60_000 === 0 ? `${causal.budgetMs / 60_000}m` : `${Math.round(causal.budgetMs / 1000)}s`;
  const failed = fns.filter((f) => f.causal && 'skipped' in f.causal && /^could not revert/.test(f.causal.skipped)).length;
  const counts = [
    `${verified} of ${measured} reverted function${measured === 1 ? '' : 's'} verified (reverting it recovers at least half of the change)`,
    ...(failed ? [`${failed} could not be reverted`] : []),
  ];
  const parts = [`Causes checked by reverting each blamed function alone and measuring that build against this PR in ${causal.rounds} pairs: ${counts.join(', ')}`];
  if (bisected) parts.push(`the commit found by bisecting the PR's commits for ${bisected} row${bisected === 1 ? '' : 's'}`);
  if (budget) parts.push(`${budget} check${budget === 1 ? '' : 's'} skipped for lack of budget (${minutes})`);
  return parts.join('; ') + '.';
}
