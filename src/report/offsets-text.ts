/**
 * The words for an attribution's offsets (changed functions that moved against the row, see
 * src/attribute/attribute.ts) and what the changed functions net to, shared by the markdown and
 * text reports so both say the same thing.
 */
import { formatDelta } from '../attribute/quantity.js';
import type { AttributedFunction, Attribution, CompareRow } from '../types.js';
import { formatFixed } from './format.js';

/** "470%", "−607%": a function's share of the row's Δ, negative with the comment's minus sign. */
export function shareText(share: number): string {
  return Number.isFinite(share) ? `${formatFixed(share * 100, 0).replace(/^-/, '−')}%` : '?';
}

/** "↘ −407ns": the arrow says which way it moved, for readers who skim past the sign. */
export function offsetDelta(f: AttributedFunction, unit: string): string {
  if (!Number.isFinite(f.delta)) return '?';
  return `${f.delta < 0 ? '↘' : '↗'} ${formatDelta(f.delta, unit)}`;
}

/**
 * "changed functions net +82ns of +67ns/op", or null when there are no offsets (then the listed
 * changed functions already move the row's way and the row reads as before).
 */
export function netPhrase(a: Attribution, row: CompareRow): string | null {
  if (!a.offsets?.length || a.changedNet === undefined || !Number.isFinite(a.changedNet) || !row.base || !row.head) return null;
  return `changed functions net ${formatDelta(a.changedNet, row.unit)} of ${formatDelta(row.head.center - row.base.center, row.unit)}/op`;
}
