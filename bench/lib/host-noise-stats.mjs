// The statistics of bench/host-noise.mjs: pure functions of numbers, so that they are tested
// without timing anything (__tests__/host-noise-stats.test.ts).

const Z95 = 1.959964;
const Z90_ONE_SIDED = 1.281552;

/** Quantile p (0…1) with linear interpolation between order statistics; NaN for no data. */
export function quantile(xs, p) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo] + (h - lo) * (s[hi] - s[lo]);
}

export function mean(xs) {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation (n − 1); NaN below two values. */
export function sd(xs) {
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Robust standard deviation: the median absolute deviation × 1.4826 (equal to sd for normal data).
 * A sample hit by a preemption (a call that took milliseconds) moves sd a lot and this little; the
 * paired test's ranks and Hodges–Lehmann interval respond to data the way this does.
 */
export function robustSd(xs) {
  if (xs.length < 2) return NaN;
  const m = quantile(xs, 0.5);
  return (
    1.4826 *
    quantile(
      xs.map((x) => Math.abs(x - m)),
      0.5,
    )
  );
}

/** Autocorrelation at `lag` (the usual estimator: lagged products over the total sum of squares). */
export function autocorrelation(xs, lag = 1) {
  if (xs.length <= lag + 1) return NaN;
  const m = mean(xs);
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    den += (xs[i] - m) ** 2;
    if (i + lag < xs.length) num += (xs[i] - m) * (xs[i + lag] - m);
  }
  return den === 0 ? NaN : num / den;
}

/** Pearson correlation of two equally long series; NaN when either is constant. */
export function correlation(xs, ys) {
  if (xs.length !== ys.length || xs.length < 2) return NaN;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

/** ln(b[i] / a[i]) for each pair: the per-pair change of the head (b) against the base (a). */
export function logRatios(a, b) {
  if (a.length !== b.length) throw new Error(`logRatios: ${a.length} base values against ${b.length} head values`);
  return a.map((x, i) => Math.log(b[i] / x));
}

/** Consecutive samples of one series as disjoint pairs (1st, 2nd), (3rd, 4th), …: their log ratios. */
export function consecutivePairs(xs) {
  const out = [];
  for (let i = 0; i + 1 < xs.length; i += 2) out.push(Math.log(xs[i + 1] / xs[i]));
  return out;
}

/** Half-width (in log units ≈ relative) of a 95% interval of the mean log ratio of n pairs. */
export function halfWidthAt(sdLog, n, z = Z95) {
  return (z * sdLog) / Math.sqrt(n);
}

/** Pairs for a 95% interval of the ratio of half-width ≤ `halfWidth`: ⌈(z·sd/halfWidth)²⌉. */
export function pairsNeeded(sdLog, halfWidth = 0.04, z = Z95) {
  return Number.isFinite(sdLog) ? Math.max(1, Math.ceil(((z * sdLog) / halfWidth) ** 2)) : NaN;
}

/**
 * Pairs for a `plant` slowdown to be called a regression with probability `power` (90%) when the
 * gate needs the estimate to reach `threshold` and the interval to exclude no change (normal
 * approximation; the paired test's ranks, FDR and the share of α spent per look make the true
 * figure somewhat larger). Both conditions must hold; the larger n wins.
 */
export function pairsToDetect(sdLog, { plant = 0.05, threshold = 0.04, zPower = Z90_ONE_SIDED, z = Z95 } = {}) {
  if (!Number.isFinite(sdLog)) return NaN;
  const reach = ((zPower * sdLog) / (Math.log(1 + plant) - Math.log(1 + threshold))) ** 2;
  const significant = (((z + zPower) * sdLog) / Math.log(1 + plant)) ** 2;
  return Math.max(1, Math.ceil(Math.max(reach, significant)));
}

/**
 * The modes of a series of per-call times: the fast mode (the median of calls within 10% of the
 * 1st percentile), the share of calls at least `slowFactor` × the fast mode (slow) and among them
 * those at least `spikeFactor` × (spikes: interrupts, preemption), and the runs of the slow mode.
 * Runs are found on a majority filter of width `smooth` over the slow/fast labels, so that a lone
 * spike is no run and a lone fast call does not split one.
 */
export function slowModes(ns, { slowFactor = 1.25, spikeFactor = 2.5, smooth = 9 } = {}) {
  const q01 = quantile(ns, 0.01);
  const fast = quantile(
    ns.filter((x) => x <= 1.1 * q01),
    0.5,
  );
  const slowAt = slowFactor * fast;
  const slowCalls = ns.filter((x) => x >= slowAt);
  const spikes = slowCalls.filter((x) => x >= spikeFactor * fast).length;
  const labels = ns.map((x) => (x >= slowAt ? 1 : 0));
  const half = Math.floor(smooth / 2);
  const prefix = [0];
  for (const l of labels) prefix.push(prefix[prefix.length - 1] + l);
  const smoothed = labels.map((_, i) => {
    const lo = Math.max(0, i - half);
    const hi = Math.min(labels.length, i + half + 1);
    return 2 * (prefix[hi] - prefix[lo]) > hi - lo ? 1 : 0;
  });
  const runs = [];
  for (let i = 0; i < smoothed.length; ) {
    if (!smoothed[i]) {
      i++;
      continue;
    }
    let j = i;
    let t = 0;
    while (j < smoothed.length && smoothed[j]) t += ns[j++];
    runs.push({ calls: j - i, ms: t / 1e6 });
    i = j;
  }
  const inRuns = runs.reduce((a, r) => a + r.calls, 0);
  return {
    calls: ns.length,
    fast,
    slow: quantile(
      slowCalls.filter((x) => x < spikeFactor * fast),
      0.5,
    ),
    slowShare: ns.length ? slowCalls.length / ns.length : NaN,
    spikeShare: ns.length ? spikes / ns.length : NaN,
    runs: runs.length,
    inRunsShare: ns.length ? inRuns / ns.length : NaN,
    runCalls: {
      median: quantile(
        runs.map((r) => r.calls),
        0.5,
      ),
      p90: quantile(
        runs.map((r) => r.calls),
        0.9,
      ),
      max: Math.max(0, ...runs.map((r) => r.calls)),
    },
    runMs: {
      median: quantile(
        runs.map((r) => r.ms),
        0.5,
      ),
      p90: quantile(
        runs.map((r) => r.ms),
        0.9,
      ),
      max: Math.max(0, ...runs.map((r) => r.ms)),
    },
  };
}

/**
 * Interleaved A/B runs (each a series of per-window log ratios): the scatter within a run (robust
 * sd per window, median over runs), each run's center (median: a window with a preemption in it
 * must not move it), the scatter of those centers between runs, and what the within-run scatter
 * alone would give them (1.2533 · sd/√windows, the standard error of a median). A between-run sd
 * well above that is an offset that a run carries as a whole: more windows do not average it away.
 */
export function betweenRuns(runs) {
  const centers = runs.map((r) => quantile(r, 0.5));
  const within = quantile(runs.map(robustSd), 0.5);
  const windows = quantile(
    runs.map((r) => r.length),
    0.5,
  );
  return {
    within,
    centers,
    between: sd(centers),
    expected: (1.2533 * within) / Math.sqrt(windows),
    range: [Math.min(...centers), Math.max(...centers)],
  };
}

/**
 * Windows of an interleaved run by the mode each copy was in: per-call means `a[i]/pairs[i]` and
 * `b[i]/pairs[i]` against `slowAt` (ns). If the slow mode were the whole machine's, both copies
 * would always share it and interleaving would cancel it; windows where only one is slow are
 * noise that interleaving cannot cancel.
 */
export function modeAgreement(a, b, pairs, slowAt) {
  let same = 0;
  let bothSlow = 0;
  let oneSlow = 0;
  for (let i = 0; i < a.length; i++) {
    const sa = a[i] / pairs[i] >= slowAt;
    const sb = b[i] / pairs[i] >= slowAt;
    if (sa === sb) same++;
    else oneSlow++;
    if (sa && sb) bothSlow++;
  }
  return { windows: a.length, same, bothSlow, oneSlow };
}

/** `ns/op` of each result line of `go test -bench` output, in order. */
export function parseNsPerOp(text) {
  const out = [];
  for (const line of text.split('\n')) {
    const m = /^Benchmark\S*\s+\d+\s+([\d.]+(?:e[+-]?\d+)?) ns\/op/.exec(line);
    if (m) out.push(Number(m[1]));
  }
  return out;
}
