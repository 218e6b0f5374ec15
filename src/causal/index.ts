/**
 * Causal attribution: the function and the commit a regression is blamed on, checked by reverting
 * them and measuring again (README "Causal attribution"). plan.ts, share.ts, bisect.ts and
 * revert.ts are the pure core; measure.ts is the edge that builds and runs the trees.
 */
export { runCausal, firstError, prCommits, type CausalOptions } from './measure.js';
export { verifyCauses, candidatesFor, causalRows, formatBudget, type CausalDeps, type CausalSummary, type Measurement } from './plan.js';
export { recoveredShare, prRatioOf, CAUSE_SHARE } from './share.js';
export { Bisection, stepPresent, PRESENT_SHARE } from './bisect.js';
export { revertFunction } from './revert.js';
export { pairsOf, pairedRatio } from './pairs.js';

/** `causal`: `auto` checks counted regressions within the budget; `off` skips the step. */
export type CausalMode = 'auto' | 'off';
export const CAUSAL_MODES: readonly CausalMode[] = ['auto', 'off'];
export const DEFAULT_CAUSAL_BUDGET = '5m';
/** The paired test cannot reach p ≤ 0.05 with fewer than 6 pairs: causal measurements take at least this many. */
export const MIN_CAUSAL_ROUNDS = 6;
