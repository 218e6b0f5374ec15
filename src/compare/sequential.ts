/**
 * Noisy rows earn more pairs: the looks of a sequential design, and the p-value that keeps the
 * false-alarm guarantee across them.
 *
 * A row measured in pairs is judged first at the planned number of pairs (`count`). When that look
 * cannot decide it — too noisy, or a slowdown significant on its own p that FDR control held back —
 * the benchmark keeps running, and the row is judged again on all its pairs at each further look
 * (every `count` pairs, up to `maxPairs`). Testing the same hypothesis several times raises the
 * chance of a false alarm unless each look spends only part of α.
 *
 * The rule here is alpha spending by weighted Bonferroni: the first look gets 80% of α, the
 * extension looks share the other 20% equally, and a row's p-value is min_j (p_j / w_j) over the
 * looks it reached. Under "no change" P(min_j p_j/w_j ≤ α) ≤ Σ_j w_j·α = α whatever the dependence
 * between looks, so the guarantee holds for the exact signed-rank test's discrete p at small n,
 * where Pocock or O'Brien–Fleming boundaries (built for normally distributed increments) would
 * need a correlation structure we cannot assume. The price: a row decided at the first look is
 * tested at 0.8·α. Why so much at the first look: the exact signed-rank p of n pairs is at least
 * 2/2ⁿ, so at the default 6–10 pairs a first look at α/2 could barely (n = 6: never) reject, while
 * an extension look has at least twice the pairs and resolution to spare (2/2¹² ≈ 0.0005 at 12).
 * With every benchmark's pairs in a fixed design, there is one look and no price.
 * Stopping for futility (early stopping, compare/settle.ts) spends nothing: it never rejects.
 */

/** The planned looks: after `count` pairs, then every `count` pairs up to `maxPairs`. */
export interface LookPlan {
  count: number;
  maxPairs: number;
}

/** Pair counts at which the plan looks, in order (the last may be `maxPairs` itself). */
export function lookPoints(plan: LookPlan): number[] {
  if (!(plan.count >= 1)) return [Math.max(1, plan.maxPairs || 1)];
  const points = [plan.count];
  for (let n = 2 * plan.count; n < plan.maxPairs; n += plan.count) points.push(n);
  if (plan.maxPairs > plan.count) points.push(plan.maxPairs);
  return points;
}

/** The share of α the first look spends when there are extension looks (they share the rest). */
export const FIRST_LOOK_SHARE = 0.8;

/** The share of α each look spends: all of it with one look; else 80% first, 20% split over the rest. */
export function lookWeights(plan: LookPlan): number[] {
  const k = lookPoints(plan).length;
  if (k === 1) return [1];
  const rest = 1 - FIRST_LOOK_SHARE;
  return [FIRST_LOOK_SHARE, ...Array.from({ length: k - 1 }, () => rest / (k - 1))];
}

/**
 * The sequential p-value of a row with `n` pairs: min over the looks reached of p_j / w_j (capped
 * at 1), where `pAt(m)` is the test's p on the first m pairs. A row with fewer pairs than the first
 * look (stopped for futility, or a side failed) is judged once, at its n, with the first look's weight.
 */
export function sequentialP(n: number, plan: LookPlan, pAt: (pairs: number) => number): { p: number; lookP: number[] } {
  const weights = lookWeights(plan);
  // The looks passed before n, then n itself as the last: never more looks than weights, so no
  // share of α is spent twice (a run with more pairs than planned is judged once more, at its n).
  const looks = lookPoints(plan)
    .filter((m) => m < n)
    .slice(0, weights.length - 1);
  looks.push(n);
  const lookP = looks.map((m) => pAt(m));
  const p = Math.min(1, ...lookP.map((raw, j) => raw / weights[j]));
  return { p, lookP };
}

/**
 * Predictive futility: whether the pairs a noisy row could still earn (up to `maxPairs`) can decide
 * it at the scatter its pairs show now. On the log scale the paired interval narrows about as
 * 1/√n, so the interval expected at `maxPairs` is today's half-width × √(n / maxPairs) around
 * today's estimate. That interval decides the row if its slow end falls below the threshold (then
 * unchanged) or if it excludes zero with the estimate at least the threshold (then a regression).
 * If neither, more pairs are expected to leave it noisy, and the row stops now.
 *
 * Why: on a host where a benchmark's pairs scatter ±20% (allocation-heavy ones on a VM), an
 * unchanged row cannot reach a ±4% decision within any affordable budget, and extending it only
 * costs wall time; a +30% slowdown against ±7% scatter is decided by a few more pairs, so it keeps
 * them. Stopping spends no α (it never rejects): a stopped row is judged once more on the pairs it
 * has, with the looks it reached (sequentialP), so the false-alarm guarantee is unchanged.
 */
export interface ExtensionOutlook {
  /** Whether `maxPairs` pairs are expected to decide the row. */
  decidable: boolean;
  /** The interval's half-width now and projected at `maxPairs`, in percent of the ratio. */
  halfWidthPercent: number;
  projectedPercent: number;
}

/**
 * The outlook of a paired row (ratio head/base with its interval lo…hi, from n pairs) if it ran to
 * `maxPairs` pairs; null without a finite interval (too few pairs to project from). `higherIsBetter`
 * turns the slow direction around (B/s); `threshold` is the verdict's, in percent.
 */
export function extensionOutlook(
  paired: { n: number; ratio: number; lo: number; hi: number },
  o: { threshold: number; maxPairs: number; higherIsBetter: boolean },
): ExtensionOutlook | null {
  const { n, ratio, lo, hi } = paired;
  if (!(lo > 0) || !Number.isFinite(hi) || !(ratio > 0) || n < 1) return null;
  const half = (Math.log(hi) - Math.log(lo)) / 2;
  const projected = half * Math.sqrt(n / Math.max(n, o.maxPairs));
  // On the slow side's log scale: positive = worse, and the threshold as decidePaired applies it.
  const est = o.higherIsBetter ? -Math.log(ratio) : Math.log(ratio);
  const bound = o.higherIsBetter ? -Math.log(Math.max(1e-12, 1 - o.threshold / 100)) : Math.log(1 + o.threshold / 100);
  const unchanged = est + projected < bound;
  const regression = est - projected > 0 && est >= bound;
  return {
    decidable: unchanged || regression,
    halfWidthPercent: 100 * Math.expm1(half),
    projectedPercent: 100 * Math.expm1(projected),
  };
}
