#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);

// src/errors.ts
var BenchgateError = class extends Error {
  constructor(message, code, where = {}) {
    super(formatWhere(where) + message);
    this.code = code;
    this.where = where;
    this.name = "BenchgateError";
  }
  code;
  where;
};
function formatWhere(where) {
  if (!where.file && where.line === void 0 && where.offset === void 0) return "";
  let s = where.file ?? "<input>";
  if (where.line !== void 0) s += `:${where.line}`;
  if (where.offset !== void 0) s += ` (byte ${where.offset})`;
  return s + ": ";
}
function warningText(w) {
  return (w.where ? formatWhere(w.where) : "") + w.message;
}

// src/benchfmt/goformat.ts
var view = new DataView(new ArrayBuffer(8));
function decompose(x) {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20 & 2047;
  let mant = BigInt(hi & 1048575) << 32n | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}
function isNegative(x) {
  return x < 0 || Object.is(x, -0);
}
function formatFixed(x, prec) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x !== 0 && prec <= 20) {
    const y = Math.abs(x) * 10 ** prec;
    if (y < 1e15 && Math.abs(y - Math.floor(y) - 0.5) > 1e-9) return x.toFixed(prec);
  }
  const { mant, exp } = decompose(x);
  let num2 = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num2 <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num2 / den;
  const twiceRem = 2n * (num2 % den);
  if (twiceRem > den || twiceRem === den && (q & 1n) === 1n) q += 1n;
  let digits = q.toString();
  if (prec > 0) {
    digits = digits.padStart(prec + 1, "0");
    digits = digits.slice(0, -prec) + "." + digits.slice(-prec);
  }
  return (isNegative(x) ? "-" : "") + digits;
}
function formatSignedFixed(x, prec) {
  const s = formatFixed(x, prec);
  return s.startsWith("-") || s.startsWith("+") ? s : "+" + s;
}
function formatGoV(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return isNegative(x) ? "-0" : "0";
  const [mantissa, e] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(e);
  const sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length);
  return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
}
function signedPercent(x, prec = 1) {
  return (x >= 0 ? "+" : "\u2212") + formatFixed(Math.abs(x), prec) + "%";
}

// src/stats/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x) {
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= 2 * x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 2 * x / SQRT_PI * Math.exp(-x2) * sum;
}
function erfcContinuedFraction(x) {
  const z = x * x;
  if (z > 750) return 0;
  const a = 0.5;
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z) * Math.sqrt(z) * h / SQRT_PI;
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.25) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}
function normalCdf(x, mu = 0, sigma = 1) {
  return erfc(-(x - mu) / (sigma * Math.SQRT2)) / 2;
}
function normalInvCdf(p, mu = 0, sigma = 1) {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const lower = p <= 0.5;
  const q = lower ? p : 1 - p;
  let x = q === 0.5 ? 0 : -Math.sqrt(-2 * Math.log(q));
  if (q > 1e-3) x = Math.log(q / (1 - q)) / 1.702;
  for (let i = 0; i < 100; i++) {
    const f = normalCdf(x) - q;
    const pdf = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    if (pdf === 0) break;
    const u = f / pdf;
    const step = u / (1 + x * u / 2);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return (lower ? x : -x) * sigma + mu;
}

// src/stats/signeddist.ts
var noTiesCache = /* @__PURE__ */ new Map();
function signedRankCounts(doubledRanks) {
  let total = 0;
  for (let i = 0; i < doubledRanks.length; i++) total += doubledRanks[i];
  const counts = new Float64Array(total + 1);
  counts[0] = 1;
  let reach = 0;
  for (let i = 0; i < doubledRanks.length; i++) {
    const r = doubledRanks[i];
    for (let s = reach; s >= 0; s--) counts[s + r] += counts[s];
    reach += r;
  }
  return counts;
}
function signedRankCountsNoTies(n) {
  let counts = noTiesCache.get(n);
  if (!counts) {
    counts = signedRankCounts(Array.from({ length: n }, (_, i) => 2 * (i + 1)));
    noTiesCache.set(n, counts);
  }
  return counts;
}

// src/stats/signedrank.ts
var SIGNED_RANK_EXACT_LIMIT = 50;
function doubledAbsRanks(d) {
  const n = d.length;
  const abs = Float64Array.from({ length: n }, (_, i) => Math.abs(d[i]));
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => abs[i] - abs[j]);
  const doubled = new Int32Array(n);
  const ties = [];
  for (let k = 0; k < n; ) {
    let end = k + 1;
    while (end < n && abs[order[end]] === abs[order[k]]) end++;
    const t = end - k;
    for (let m = k; m < end; m++) doubled[order[m]] = 2 * k + t + 1;
    ties.push(t);
    k = end;
  }
  return { doubled, ties };
}
function signedRankPairsNeeded(alpha) {
  let n = 1;
  while (2 * Math.pow(2, -n) > alpha && n < 1100) n++;
  return n;
}
function signedRankTest(d, opts = {}) {
  const alpha = opts.alpha ?? 0.05;
  const warnings = [];
  const nonzero = [];
  let zeros = 0;
  for (let i = 0; i < d.length; i++) {
    const x = d[i];
    if (!Number.isFinite(x)) {
      return { n: 0, zeros: 0, wPlus: NaN, p: 1, minP: 1, method: "exact", alpha, warnings: ["differences must be finite"] };
    }
    if (x === 0) zeros++;
    else nonzero.push(x);
  }
  const n = nonzero.length;
  if (zeros > 0) {
    warnings.push(`${zeros} of ${d.length} pairs with equal values (difference 0) left out`);
  }
  if (n === 0) {
    warnings.push("all pairs are equal");
    return { n, zeros, wPlus: 0, p: 1, minP: 1, method: "exact", alpha, warnings };
  }
  const { doubled, ties } = doubledAbsRanks(nonzero);
  let twoW = 0;
  for (let i = 0; i < n; i++) if (nonzero[i] > 0) twoW += doubled[i];
  const wPlus = twoW / 2;
  const hasTies = ties.length < n;
  const method = opts.method === "exact" || opts.method === "normal" ? opts.method : n <= SIGNED_RANK_EXACT_LIMIT ? "exact" : "normal";
  const p = method === "exact" ? exactP(twoW, doubled, hasTies) : normalP(wPlus, n, ties);
  const minP = Math.min(1, 2 * Math.pow(2, -n));
  if (p > alpha && minP > alpha) {
    warnings.push(`need >= ${signedRankPairsNeeded(alpha)} pairs to detect a difference at alpha level ${formatGoV(alpha)}`);
  }
  return { n, zeros, wPlus, p, minP, method, alpha, warnings };
}
function exactP(twoW, doubled, hasTies) {
  const n = doubled.length;
  const counts = hasTies ? signedRankCounts(doubled) : signedRankCountsNoTies(n);
  let lower = 0;
  for (let s = 0; s <= twoW; s++) lower += counts[s];
  let upper = 0;
  for (let s = twoW; s < counts.length; s++) upper += counts[s];
  return Math.min(1, 2 * Math.min(lower, upper) / Math.pow(2, n));
}
function normalP(wPlus, n, ties) {
  let tieSum = 0;
  for (const t of ties) tieSum += t * t * t - t;
  const sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - tieSum / 48);
  let z = wPlus - n * (n + 1) / 4;
  z = (z - Math.sign(z) * 0.5) / sigma;
  return 2 * Math.min(normalCdf(z), normalCdf(-z));
}

// src/stats/hodges-lehmann.ts
var QUANTILE_FUZZ = 10 * Number.EPSILON;
function hodgesLehmann(d, opts = {}) {
  const confidence = opts.confidence ?? 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new RangeError(`confidence must be in (0, 1), got ${confidence}`);
  const x = [];
  let zeros = 0;
  for (let i = 0; i < d.length; i++) {
    const v = d[i];
    if (!Number.isFinite(v)) {
      return result(NaN, NaN, NaN, confidence, NaN, "exact", 0, 0, ["differences must be finite"]);
    }
    if (v === 0) zeros++;
    else x.push(v);
  }
  const n = x.length;
  const warnings = [];
  if (zeros > 0) warnings.push(`${zeros} of ${d.length} pairs with equal values (difference 0) left out`);
  if (n === 0) {
    warnings.push("all pairs are equal: no confidence interval");
    return result(0, -Infinity, Infinity, confidence, 1, "exact", n, zeros, warnings);
  }
  const walsh = walshAverages(x);
  const M = walsh.length;
  const estimate = M % 2 === 1 ? walsh[(M - 1) / 2] : (walsh[M / 2 - 1] + walsh[M / 2]) / 2;
  const alpha = 1 - confidence;
  const sorted = Float64Array.from(x).sort();
  const equalGroups = [];
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    equalGroups.push(j - i);
    i = j;
  }
  const hasEqual = equalGroups.length < n;
  if (n <= SIGNED_RANK_EXACT_LIMIT && !hasEqual) {
    const counts = signedRankCountsNoTies(n);
    const total = Math.pow(2, n);
    const target = alpha / 2 - QUANTILE_FUZZ;
    let cum = 0;
    let qu = 0;
    for (; ; qu++) {
      cum += counts[2 * qu];
      if (cum / total >= target) break;
    }
    if (qu === 0) {
      warnings.push(`need >= ${pairsForInterval(confidence)} pairs for confidence interval at level ${formatGoV(confidence)}`);
      return result(estimate, -Infinity, Infinity, confidence, 1, "exact", n, zeros, warnings);
    }
    const below = cum - counts[2 * qu];
    const achieved = 1 - 2 * below / total;
    return result(estimate, walsh[qu - 1], walsh[M - qu], confidence, achieved, "exact", n, zeros, warnings);
  }
  let tieSum = 0;
  for (const t of equalGroups) tieSum += t * t * t - t;
  const sigma = Math.sqrt(n * (n + 1) * (2 * n + 1) / 24 - tieSum / 48);
  const zq = -normalInvCdf(alpha / 2);
  const c = Math.ceil(M / 2 + 0.5 + zq * sigma);
  const c2 = Math.ceil(M / 2 - 0.5 - zq * sigma);
  if (c > M || c2 < 1) {
    warnings.push(`too few distinct pairs for confidence interval at level ${formatGoV(confidence)}`);
    return result(estimate, -Infinity, Infinity, confidence, 1, "normal", n, zeros, warnings);
  }
  return result(estimate, walsh[M - c], walsh[M - c2], confidence, confidence, "normal", n, zeros, warnings);
}
function walshAverages(x) {
  const n = x.length;
  const out = new Float64Array(n * (n + 1) / 2);
  let k = 0;
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) out[k++] = (x[i] + x[j]) / 2;
  return out.sort();
}
function pairsForInterval(confidence) {
  const target = (1 - confidence) / 2 - QUANTILE_FUZZ;
  let n = 1;
  while (Math.pow(2, -n) >= target && n < 1100) n++;
  return n;
}
function result(estimate, lo, hi, confidence, achieved, method, n, zeros, warnings) {
  return { estimate, lo, hi, confidence, achieved, method, n, zeros, warnings };
}

// src/stats/paired.ts
function logRatios(base, head) {
  if (base.length !== head.length) {
    throw new RangeError(`paired samples differ in length: ${base.length} base, ${head.length} head`);
  }
  const d = new Float64Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const b = base[i];
    const h = head[i];
    if (!(b > 0 && h > 0 && Number.isFinite(b) && Number.isFinite(h))) return null;
    d[i] = Math.log(h / b);
  }
  return d;
}
function comparePairs(base, head, opts = {}) {
  const d = logRatios(base, head);
  if (d === null || d.length === 0) return null;
  const test = signedRankTest(d, { alpha: opts.alpha });
  const hl = hodgesLehmann(d, { confidence: opts.confidence });
  const warnings = [...test.warnings];
  for (const w of hl.warnings) if (!warnings.includes(w)) warnings.push(w);
  return {
    n: d.length,
    zeros: test.zeros,
    ratio: Math.exp(hl.estimate),
    lo: Math.exp(hl.lo),
    hi: Math.exp(hl.hi),
    confidence: hl.confidence,
    achieved: hl.achieved,
    p: test.p,
    minP: test.minP,
    method: `wilcoxon-signed-rank ${test.method}`,
    intervalMethod: hl.method,
    warnings
  };
}

// src/compare/sequential.ts
function lookPoints(plan) {
  if (!(plan.count >= 1)) return [Math.max(1, plan.maxPairs || 1)];
  const points = [plan.count];
  for (let n = 2 * plan.count; n < plan.maxPairs; n += plan.count) points.push(n);
  if (plan.maxPairs > plan.count) points.push(plan.maxPairs);
  return points;
}
var FIRST_LOOK_SHARE = 0.8;
function lookWeights(plan) {
  const k = lookPoints(plan).length;
  if (k === 1) return [1];
  const rest = 1 - FIRST_LOOK_SHARE;
  return [FIRST_LOOK_SHARE, ...Array.from({ length: k - 1 }, () => rest / (k - 1))];
}
function sequentialP(n, plan, pAt) {
  const weights = lookWeights(plan);
  const looks = lookPoints(plan).filter((m) => m < n).slice(0, weights.length - 1);
  looks.push(n);
  const lookP = looks.map((m) => pAt(m));
  const p = Math.min(1, ...lookP.map((raw, j) => raw / weights[j]));
  return { p, lookP };
}
function extensionOutlook(paired, o) {
  const { n, ratio, lo, hi } = paired;
  if (!(lo > 0) || !Number.isFinite(hi) || !(ratio > 0) || n < 1) return null;
  const half = (Math.log(hi) - Math.log(lo)) / 2;
  const projected = half * Math.sqrt(n / Math.max(n, o.maxPairs));
  const est = o.higherIsBetter ? -Math.log(ratio) : Math.log(ratio);
  const bound = o.higherIsBetter ? -Math.log(Math.max(1e-12, 1 - o.threshold / 100)) : Math.log(1 + o.threshold / 100);
  const unchanged = est + projected < bound;
  const regression = est - projected > 0 && est >= bound;
  return {
    decidable: unchanged || regression,
    halfWidthPercent: 100 * Math.expm1(half),
    projectedPercent: 100 * Math.expm1(projected)
  };
}

// src/stats/choose.ts
function choose(n, k) {
  if (k < 0 || k > n) return 0;
  if (k === 0 || k === n) return 1;
  if (k > n - k) k = n - k;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = c * (n - k + i) / i;
  }
  return Math.round(c);
}
var GO_LGAMMA = [
  Infinity,
  0,
  0,
  0.6931471805599453,
  1.791759469228055,
  3.1780538303479458,
  4.787491742782046,
  6.579251212010101,
  8.525161361065413,
  10.60460290274525,
  12.80182748008147,
  15.104412573075518,
  17.502307845873887,
  19.98721449566189,
  22.552163853123428,
  25.19122118273868,
  27.89927138384089,
  30.671860106080675,
  33.50507345013689,
  36.39544520803305,
  39.339884187199495,
  42.335616460753485,
  45.380138898476915,
  48.47118135183523,
  51.60667556776438,
  54.78472939811231,
  58.003605222980525,
  61.261701761002,
  64.55753862700632,
  67.88974313718154,
  71.25703896716801,
  74.65823634883017
];
var GO_CHOOSE_LIMIT = GO_LGAMMA.length - 2;
function goChoose(n, k) {
  if (k === 0 || k === n) return 1;
  if (k < 0 || n < k) return 0;
  if (n <= 20) return choose(n, k);
  if (n > GO_CHOOSE_LIMIT) return choose(n, k);
  return Math.exp(GO_LGAMMA[n + 1] - GO_LGAMMA[k + 1] - GO_LGAMMA[n - k + 1]);
}

// src/stats/udist.ts
var noTiesCache2 = /* @__PURE__ */ new Map();
function noTiesCdfTable(n1, n2) {
  const N = Math.min(n1, n2);
  const M = Math.max(n1, n2);
  const key = `${N},${M}`;
  let cdf = noTiesCache2.get(key);
  if (cdf) return cdf;
  const U = Math.floor(N * M / 2);
  const memo = [];
  for (let n = 0; n <= N; n++) memo.push(new Float64Array(U + 1));
  for (let m = 0; m <= M; m++) {
    memo[0][0] = 1;
    const nlim = Math.min(N, m);
    for (let n = 1; n <= nlim; n++) {
      const left = memo[n - 1];
      const right = n <= m - 1 ? memo[n] : memo[m - 1];
      const out = memo[n];
      const ulim = Math.min(U, n * m);
      const nm = n + m;
      for (let u = ulim; u >= 0; u--) {
        const l = u - m >= 0 ? n * left[u - m] : 0;
        out[u] = (l + m * right[u]) / nm;
      }
    }
  }
  const pmf = memo[N];
  cdf = new Float64Array(U + 1);
  let acc = 0;
  for (let u = 0; u <= U; u++) {
    acc += pmf[u];
    cdf[u] = acc;
  }
  noTiesCache2.set(key, cdf);
  return cdf;
}
var tiesCache = /* @__PURE__ */ new Map();
function tiesCounts(n1, t) {
  const key = `${n1}|${t.join(",")}`;
  let counts = tiesCache.get(key);
  if (counts) return counts;
  const total = t.reduce((s, x) => s + x, 0);
  const smax = 2 * total * n1;
  let ways = [];
  for (let m = 0; m <= n1; m++) ways.push(new Float64Array(smax + 1));
  ways[0][0] = 1;
  let before = 0;
  for (const tk of t) {
    const ak = 2 * before + tk;
    const next = [];
    for (let m = 0; m <= n1; m++) next.push(new Float64Array(smax + 1));
    const mlim = Math.min(n1, before);
    for (let m = 0; m <= mlim; m++) {
      const row = ways[m];
      for (let s = 0; s <= smax; s++) {
        const w = row[s];
        if (w === 0) continue;
        const rlim = Math.min(tk, n1 - m);
        for (let r = 0; r <= rlim; r++) next[m + r][s + r * ak] += w * choose(tk, r);
      }
    }
    ways = next;
    before += tk;
  }
  counts = ways[n1];
  tiesCache.set(key, counts);
  return counts;
}
function uCdf(u, n1, n2, ties) {
  if (u < 0) return 0;
  if (u >= n1 * n2) return 1;
  if (ties.every((x) => x === 1)) {
    const table = noTiesCdfTable(n1, n2);
    const ui = Math.floor(u);
    if (ui < table.length) return table[ui];
    return 1 - table[n1 * n2 - ui - 1];
  }
  if (ties.length === 2) return twoGroupCdf(u, n1, n2, ties[0], ties[1]);
  const counts = tiesCounts(n1, ties);
  const limit = Math.min(Math.floor(2 * u) + n1 * n1, counts.length - 1);
  let c = 0;
  for (let s = 0; s <= limit; s++) c += counts[s];
  return c / choose(n1 + n2, n1);
}
function twoGroupCdf(u, n1, n2, t1, t2) {
  const twoU = Math.floor(2 * u);
  const rLow = Math.max(0, n1 - t1);
  const rHigh = Math.trunc((twoU - n1 * (t1 - n1)) / (t1 + t2));
  let count = 0;
  for (let r = rLow; r <= rHigh; r++) count += choose(t1, n1 - r) * choose(t2, r);
  return count / choose(n1 + n2, n1);
}

// src/stats/mannwhitney.ts
var EXACT_LIMIT = 50;
var TIES_EXACT_LIMIT = 25;
function sortedCopy(xs) {
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = xs[i] + 0;
  return out.sort();
}
function sortInPlace(xs) {
  let sorted = true;
  for (let i = 0; i < xs.length; i++) {
    xs[i] += 0;
    if (i > 0 && !(xs[i] >= xs[i - 1])) sorted = false;
  }
  return sorted ? xs : xs.sort();
}
function mannWhitneyU(a, b) {
  return mannWhitneyUSorted(sortedCopy(a), sortedCopy(b));
}
function mannWhitneyUSorted(x1, x2) {
  const n1 = x1.length;
  const n2 = x2.length;
  if (n1 === 0 || n2 === 0) return { u: NaN, p: 1, n1, n2, error: "sample is too small" };
  if (Number.isNaN(x1[n1 - 1]) || Number.isNaN(x2[n2 - 1])) {
    return { u: NaN, p: 1, n1, n2, error: "samples contain NaN" };
  }
  const keepTies = n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  let r1 = 0;
  const ties = [];
  let runs = 0;
  let tieSum = 0;
  let hasTies = false;
  let i = 0;
  let j = 0;
  let rank2 = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || i < n1 && x1[i] < x2[j] ? x1[i] : x2[j];
    let c1 = 0;
    let c2 = 0;
    while (i < n1 && x1[i] === v) {
      i++;
      c1++;
    }
    while (j < n2 && x2[j] === v) {
      j++;
      c2++;
    }
    const t = c1 + c2;
    if (c1 !== 0) r1 += (2 * rank2 + t + 1) / 2 * c1;
    if (keepTies) ties.push(t);
    runs++;
    tieSum += t * t * t - t;
    if (t > 1) hasTies = true;
    rank2 += t;
  }
  const u1 = r1 - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const uSmall = Math.min(u1, u2);
  const exact = hasTies ? n1 <= TIES_EXACT_LIMIT && n2 <= TIES_EXACT_LIMIT : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  if (exact) {
    if (runs === 1) return { u: u1, p: 1, n1, n2, error: "all samples are equal" };
    const p2 = u1 === u2 ? 1 : Math.min(1, uCdf(uSmall, n1, n2, ties) * 2);
    return { u: u1, p: p2, n1, n2 };
  }
  const N = n1 + n2;
  const mean = n1 * n2 / 2;
  const sd = Math.sqrt(n1 * n2 * (N + 1 - tieSum / (N * (N - 1))) / 12);
  if (sd === 0) return { u: u1, p: 1, n1, n2, error: "all samples are equal" };
  let numer = u1 - mean;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sd;
  const p = 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
  return { u: u1, p, n1, n2 };
}

// src/stats/comparison.ts
var U_TEST_MIN_P = Array.from({ length: 10 }, (_, n) => n === 0 ? NaN : 2 / choose(2 * n, n));
function uTestSamplesNeeded(alpha) {
  for (let n = 1; n < U_TEST_MIN_P.length; n++) {
    if (U_TEST_MIN_P[n] <= alpha) return { op: ">=", n };
  }
  return { op: ">", n: U_TEST_MIN_P.length };
}
function compareSorted(a, b, alpha = 0.05, assume = "nothing") {
  const n1 = a.length;
  const n2 = b.length;
  if (assume === "exact") return { p: 0, n1, n2, alpha: 0, warnings: [] };
  const res = mannWhitneyUSorted(a, b);
  if (res.error) return { p: 1, n1, n2, alpha, warnings: [res.error] };
  const warnings = [];
  if (res.p > alpha) {
    const need = uTestSamplesNeeded(alpha);
    if (n1 < need.n && n2 < need.n) {
      warnings.push(`need ${need.op} ${need.n} samples to detect a difference at alpha level ${formatGoV(alpha)}`);
    }
  }
  return { p: res.p, n1, n2, alpha, warnings };
}

// src/stats/median.ts
var EXACT_CI_LIMIT = 30;
function medianSorted(xs) {
  const n = xs.length;
  if (n === 0) return NaN;
  const pos = 1 / 3 + 0.5 * (n + 1 / 3);
  const k = Math.trunc(pos);
  const frac = pos - k;
  if (k <= 0) return xs[0];
  if (k >= n) return xs[n - 1];
  return xs[k - 1] + frac * (xs[k] - xs[k - 1]);
}
var ciCache = /* @__PURE__ */ new Map();
function medianCI(n, confidence) {
  const key = `${n}:${confidence}`;
  let ci = ciCache.get(key);
  if (!ci) {
    if (confidence >= 1) ci = { lo: 0, hi: n + 1, confidence: 1 };
    else ci = n <= EXACT_CI_LIMIT ? exactMedianCI(n, confidence) : approxMedianCI(n, confidence);
    ciCache.set(key, ci);
  }
  return ci;
}
function exactMedianCI(n, confidence) {
  const pmf = (k) => k < 0 || k > n ? 0 : goChoose(n, k) * 0.5 ** k * 0.5 ** (n - k);
  const x = Math.ceil((n + 1) * 0.5) - 1;
  let accum = pmf(x);
  let l = x;
  let r = x + 1;
  let lp = pmf(l - 1);
  let rp = pmf(r);
  while (accum < confidence && (lp > 0 || rp > 0)) {
    if (lp >= rp) {
      accum += lp;
      l--;
      lp = pmf(l - 1);
    } else {
      accum += rp;
      r++;
      rp = pmf(r);
    }
  }
  return clampOrders(n, l, r, accum);
}
function approxMedianCI(n, confidence) {
  const mu = n * 0.5;
  const sigma = Math.sqrt(n * 0.5 * 0.5);
  const l1 = normalInvCdf((1 - confidence) / 2, mu, sigma);
  const r1 = 2 * mu - l1;
  const l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
  let r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
  const mass = (a, b) => normalCdf(b - 0.5, mu, sigma) - normalCdf(a - 0.5, mu, sigma);
  let achieved = mass(l, r);
  const biased = mass(l, r - 1);
  if (biased >= confidence && biased < achieved) {
    achieved = biased;
    r = r - 1;
  }
  if (l <= 0 && r >= n + 1) achieved = 1;
  return clampOrders(n, l, r, achieved);
}
function clampOrders(n, l, r, confidence) {
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1), confidence };
}
function medianSamplesNeeded(confidence) {
  const limit = 50;
  for (let n = 2; n <= limit; n++) {
    const ci = medianCI(n, confidence);
    if (ci.lo > 0 && ci.hi <= n) return { op: ">=", n };
  }
  return { op: ">", n: limit };
}

// src/stats/summary.ts
function summarizeSorted(xs, opts = {}) {
  const confidence = opts.confidence ?? 0.95;
  const n = xs.length;
  if (n === 0) return { n, center: NaN, lo: NaN, hi: NaN, warnings: ["no samples"] };
  return opts.assume === "exact" ? summarizeExact(xs) : summarizeMedian(xs, confidence);
}
function summarizeMedian(xs, confidence) {
  const n = xs.length;
  const ci = medianCI(n, confidence);
  const lo = ci.lo >= 1 ? xs[ci.lo - 1] : NaN;
  const hi = ci.hi <= n ? xs[ci.hi - 1] : NaN;
  const warnings = [];
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    const need = medianSamplesNeeded(confidence);
    warnings.push(`need ${need.op} ${need.n} samples for confidence interval at level ${formatGoV(confidence)}`);
  }
  return { n, center: medianSorted(xs), lo, hi, warnings };
}
function summarizeExact(xs) {
  let val = xs[0];
  let count = 1;
  let mode = val;
  let modeCount = 1;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] === val) {
      count++;
      if (count > modeCount) {
        mode = val;
        modeCount = count;
      }
    } else {
      val = xs[i];
      count = 1;
    }
  }
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const warnings = modeCount === xs.length ? [] : [`exact distribution expected, but values range from ${formatGoV(lo)} to ${formatGoV(hi)}`];
  return { n: xs.length, center: mode, lo, hi, warnings };
}

// src/stats/geomean.ts
function geomean(xs) {
  if (xs.length === 0) return NaN;
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0)) return NaN;
    m += (Math.log(x) - m) / (i + 1);
  }
  return Math.exp(m);
}
function geomeanSummary(pairs) {
  const bases = [];
  const heads = [];
  const ratios = [];
  let badRatio = false;
  for (const { base: base2, head: head2 } of pairs) {
    if (base2 !== null) bases.push(base2);
    if (head2 === null) continue;
    heads.push(head2);
    if (base2 === null) continue;
    if (head2 === base2) ratios.push(1);
    else if (base2 === 0) {
      badRatio = true;
      ratios.push(0);
    } else ratios.push(head2 / base2);
  }
  const baseWarnings = [];
  const headWarnings = [];
  if (ratios.length !== bases.length) {
    headWarnings.push("benchmark set differs from baseline; geomeans may not be comparable");
  }
  const base = geomean(bases);
  if (Number.isNaN(base)) baseWarnings.push("summaries must be >0 to compute geomean");
  const head = geomean(heads);
  if (Number.isNaN(head)) headWarnings.push("summaries must be >0 to compute geomean");
  let ratio = NaN;
  if (!badRatio) {
    ratio = geomean(ratios);
    if (Number.isNaN(ratio)) headWarnings.push("ratios must be >0 to compute geomean");
  }
  return { base, head, ratio, deltaPercent: (ratio - 1) * 100, baseWarnings, headWarnings };
}

// src/stats/fdr.ts
function benjaminiHochberg(ps) {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
  const q = new Array(m);
  let running = 1;
  for (let rank2 = m; rank2 >= 1; rank2--) {
    const i = order[rank2 - 1];
    running = Math.min(running, ps[i] * m / rank2);
    q[i] = running;
  }
  return q;
}

// src/compare/samples.ts
var UNIT_RANK = { "sec/op": 0, "B/op": 1, "allocs/op": 2 };
var MAX_LISTED = 20;
var SampleTable = class {
  // Nested maps: no key strings built per sample.
  pkgs = /* @__PURE__ */ new Map();
  unitOrder = /* @__PURE__ */ new Map();
  cells = [];
  nameCount = 0;
  /**
   * Capacity of a new sample array: as many samples as the previous benchmark's first unit got on
   * this side. `-count N` prints a benchmark's N lines together and suites run every benchmark the
   * same number of times, so arrays are born the right size instead of doubling their way there.
   */
  capacity = 16;
  warnings = [];
  dropped = 0;
  // The last line's benchmark and cells: consecutive samples of one benchmark skip the maps.
  lastPkg = "";
  lastName = "";
  lastEntry = null;
  /** A sink that files result lines under `side`. */
  sink(side) {
    const s = side === "base" ? 0 : 1;
    return { add: (r) => this.add(s, r) };
  }
  /** Files BenchResults (the shape runs and baselines store). */
  addResults(side, results) {
    const s = side === "base" ? 0 : 1;
    const line = { pkg: "", name: "", config: {}, iterations: 0, file: "", line: 0, count: 0, units: [], values: new Float64Array(4) };
    for (const r of results) {
      if (r.values.length > line.values.length) line.values = new Float64Array(r.values.length);
      line.pkg = r.pkg;
      line.name = r.name;
      line.file = r.source?.file ?? "";
      line.line = r.source?.line ?? 0;
      line.count = r.values.length;
      for (let i = 0; i < r.values.length; i++) {
        line.units[i] = r.values[i].unit;
        line.values[i] = r.values[i].value;
      }
      this.add(s, line, r.pair, r.pairing);
    }
  }
  add(side, r, pair, pairing) {
    for (let i = 0; i < r.count; i++) {
      if (!Number.isFinite(r.values[i])) return this.nonFinite(r, i);
    }
    let entry = this.lastEntry;
    if (entry === null || r.name !== this.lastName || r.pkg !== this.lastPkg) {
      const previous = entry?.first?.counts[side] ?? 0;
      this.capacity = Math.max(16, Math.min(previous, 4096));
      entry = this.entry(r.pkg, r.name);
      this.lastEntry = entry;
      this.lastPkg = r.pkg;
      this.lastName = r.name;
    }
    for (let i = 0; i < r.count; i++) {
      const unit = r.units[i];
      let cell = entry.units.get(unit);
      if (!cell) cell = this.newCell(entry, r.pkg, r.name, unit);
      const n = cell.counts[side];
      const v = r.values[i];
      let values = cell.values[side];
      if (values === EMPTY) {
        if (n === 0) cell.first[side] = v;
        else if (!Object.is(v, cell.first[side])) values = cell.values[side] = this.spread(cell.first[side], n, Math.max(this.capacity, 2 * n));
      } else if (n === values.length) {
        const grown = new Float64Array(n * 2);
        grown.set(values);
        values = cell.values[side] = grown;
      }
      if (values !== EMPTY) values[n] = v;
      cell.counts[side] = n + 1;
      const pairs = cell.pairs[side];
      if (pairs !== null && pair !== void 0 && pairs.length === n) {
        pairs.push(pair);
        if (pairing) (cell.pairingOf ??= /* @__PURE__ */ new Map()).set(pair, pairing);
      } else cell.pairs[side] = null;
    }
  }
  entry(pkgName, name) {
    let pkg = this.pkgs.get(pkgName);
    if (!pkg) this.pkgs.set(pkgName, pkg = { order: this.pkgs.size, names: /* @__PURE__ */ new Map() });
    let entry = pkg.names.get(name);
    if (!entry) pkg.names.set(name, entry = { order: this.nameCount++, first: null, units: /* @__PURE__ */ new Map() });
    return entry;
  }
  newCell(entry, pkg, name, unit) {
    if (!this.unitOrder.has(unit)) this.unitOrder.set(unit, this.unitOrder.size);
    const pkgOrder = this.pkgs.get(pkg).order;
    const cell = {
      pkg,
      name,
      unit,
      pkgOrder,
      nameOrder: entry.order,
      values: [EMPTY, EMPTY],
      first: [0, 0],
      counts: [0, 0],
      pairs: [[], []]
    };
    entry.units.set(unit, cell);
    entry.first ??= cell;
    this.cells.push(cell);
    return cell;
  }
  nonFinite(r, i) {
    if (this.warnings.length >= MAX_LISTED) {
      this.dropped++;
      return;
    }
    const where = r.file ? formatWhere({ file: r.file, ...r.line > 0 && { line: r.line } }) : "";
    const v = r.values[i];
    const shown = Number.isNaN(v) ? "NaN" : v > 0 ? "+Inf" : "-Inf";
    this.warnings.push(
      `${where}Benchmark${r.name}: measurement ${shown} ${r.units[i]} is not a finite number (it overflows a double, or the file says Inf or NaN); the line is left out of the statistics`
    );
  }
  /** Why lines were left out. */
  takeWarnings() {
    const out = [...this.warnings];
    if (this.dropped > 0) out.push(`${this.dropped} more lines with measurements that are not finite numbers left out`);
    return out;
  }
  /**
   * The cells in benchstat's row order: package, then benchmark, as first seen; units time, memory,
   * then the rest. This consumes the table: each cell's samples are handed over as it is reached
   * and the table lets go of them, so that a caller that is done with a cell before taking the
   * next holds one row's samples at a time. A side that is a run of equal values is written into
   * a scratch array that the next cell reuses: copy a cell's samples to keep them.
   */
  *takeCells() {
    const scratch = [new Float64Array(this.capacity), new Float64Array(this.capacity)];
    const unitKey = (u) => UNIT_RANK[u] ?? 3 + this.unitOrder.get(u);
    const cells = this.cells.sort((a, b) => a.pkgOrder - b.pkgOrder || a.nameOrder - b.nameOrder || unitKey(a.unit) - unitKey(b.unit));
    this.pkgs.clear();
    this.lastEntry = null;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const side = (s) => {
        const n = c.counts[s];
        if (c.values[s] !== EMPTY) return c.values[s].subarray(0, n);
        if (scratch[s].length < n) scratch[s] = new Float64Array(2 * n);
        return scratch[s].fill(c.first[s], 0, n).subarray(0, n);
      };
      const cell = {
        pkg: c.pkg,
        name: c.name,
        unit: c.unit,
        base: side(0),
        head: side(1),
        basePairs: c.pairs[0],
        headPairs: c.pairs[1],
        pairingOf: c.pairingOf
      };
      c.values = [EMPTY, EMPTY];
      this.cells[i] = EMPTY_CELL;
      yield cell;
    }
    this.cells.length = 0;
  }
  /** `n` copies of `value` in a new array of `capacity` (≥ n). */
  spread(value, n, capacity) {
    return new Float64Array(capacity).fill(value, 0, n);
  }
};
var EMPTY = new Float64Array(0);
var EMPTY_CELL = {
  pkg: "",
  name: "",
  unit: "",
  pkgOrder: 0,
  nameOrder: 0,
  values: [EMPTY, EMPTY],
  first: [0, 0],
  counts: [0, 0],
  pairs: [null, null]
};

// src/compare/row-test.ts
var LABELS = {
  "mann-whitney-u": "two-sided Mann\u2013Whitney U on the medians",
  "wilcoxon-signed-rank": "Wilcoxon signed-rank on the pairs",
  "by-value": "compared by value"
};
function testLabel(test) {
  return LABELS[test];
}

// src/compare/compare.ts
var DEFAULT_GATED_UNITS = ["sec/op", "B/op", "allocs/op"];
var DEFAULT_THRESHOLD = 4;
var DEFAULT_VALUE_UNITS = ["B/op", "allocs/op"];
function benchmarkKey(r) {
  return `${r.package}\0${r.name}`;
}
function rowKey(r) {
  return `${benchmarkKey(r)}\0${r.unit}`;
}
function verdictDelta(row) {
  return row.paired ? (row.paired.ratio - 1) * 100 : row.deltaPercent;
}
function isChange(r) {
  return r.verdict === "regression" || r.verdict === "improvement";
}
function higherIsBetter(unit, units = {}) {
  const better = units[unit]?.better;
  if (better === "higher") return true;
  if (better === "lower") return false;
  return unit.endsWith("/s");
}
function verdictP(r) {
  return r.paired ? r.paired.p : r.p;
}
function pairedRow(cell, confidence, pairing, looks, pairsNeeded, onTooFew) {
  if (!cell.basePairs || !cell.headPairs) return null;
  const headAt = /* @__PURE__ */ new Map();
  cell.headPairs.forEach((idx, i) => headAt.set(idx, cell.head[i]));
  const matched = [];
  cell.basePairs.forEach((idx, i) => {
    const h = headAt.get(idx);
    if (h !== void 0) matched.push([idx, cell.base[i], h]);
  });
  if (matched.length === 0) return null;
  if ((looks?.count ?? matched.length) < pairsNeeded) {
    onTooFew();
    return null;
  }
  matched.sort((a, b) => a[0] - b[0]);
  const base = matched.map((m) => m[1]);
  const head = matched.map((m) => m[2]);
  const all = comparePairs(base, head, { confidence });
  if (!all) return null;
  const duetPairs = matched.filter((m) => (cell.pairingOf?.get(m[0]) ?? pairing) === "duet").length;
  const rowPairing = duetPairs === matched.length ? "duet" : duetPairs === 0 ? "sequential" : "mixed";
  const equal = all.zeros === all.n;
  const bounded = all.lo > 0 && Number.isFinite(all.hi);
  const row = {
    n: all.n,
    ratio: all.ratio,
    lo: equal ? 1 : bounded ? all.lo : NaN,
    hi: equal ? 1 : bounded ? all.hi : NaN,
    p: all.p,
    method: all.method.replace("wilcoxon-signed-rank ", ""),
    pairing: rowPairing
  };
  if (rowPairing === "mixed") row.duetPairs = duetPairs;
  if (looks) {
    const seq = sequentialP(
      matched.length,
      looks,
      (m) => m === matched.length ? all.p : comparePairs(base.slice(0, m), head.slice(0, m), { confidence })?.p ?? 1
    );
    row.p = seq.p;
    if (seq.lookP.length > 1) row.lookP = seq.lookP;
  }
  return row;
}
var allEqual = (xs) => xs.length === 0 || xs[0] === xs[xs.length - 1];
function compareResults(base, head, opts = {}) {
  const table = new SampleTable();
  table.addResults("base", base);
  table.addResults("head", head);
  return compareTable(table, opts);
}
function compareTable(table, opts = {}) {
  const alpha = opts.alpha ?? 0.05;
  const confidence = opts.confidence ?? 0.95;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const units = opts.units ?? {};
  const gated = new Set(opts.gatedUnits ?? DEFAULT_GATED_UNITS);
  const valueUnits = new Set(opts.valueUnits ?? DEFAULT_VALUE_UNITS);
  const warnings = table.takeWarnings().map((message) => ({ kind: "input", message }));
  const pairsNeeded = signedRankPairsNeeded(alpha * (opts.looks ? lookWeights(opts.looks)[0] : 1));
  let tooFewPairs = 0;
  const rows = [];
  for (const cell of table.takeCells()) rows.push(compareCell(cell));
  function compareCell(cell) {
    const assume = units[cell.unit]?.assume === "exact" ? "exact" : "nothing";
    const paired = opts.pairing ? pairedRow(cell, confidence, opts.pairing, opts.looks, pairsNeeded, () => tooFewPairs++) : null;
    const sb = sortInPlace(cell.base);
    const sh = sortInPlace(cell.head);
    const row = {
      package: cell.pkg,
      name: cell.name,
      unit: cell.unit,
      base: sb.length ? summarizeSorted(sb, { confidence, assume }) : null,
      head: sh.length ? summarizeSorted(sh, { confidence, assume }) : null,
      deltaPercent: null,
      p: null,
      significant: false,
      verdict: cell.base.length ? "removed" : "new",
      reason: cell.base.length ? "removed benchmark" : "new benchmark"
    };
    if (!row.base || !row.head) return row;
    const stats = compareSorted(sb, sh, alpha, assume);
    stats.assume = assume;
    row.stats = stats;
    row.deltaPercent = deltaPercent(row.base, row.head);
    if (assume === "exact") {
      row.exact = true;
    } else {
      row.p = stats.p;
      if (valueUnits.has(cell.unit) && allEqual(sb) && allEqual(sh)) row.exact = true;
    }
    row.noisePercent = row.exact ? null : noiseOf(row.base, row.head, sb, sh);
    row.test = row.exact ? "by-value" : "mann-whitney-u";
    if (!row.exact) {
      if (paired) {
        row.paired = paired;
        row.test = "wilcoxon-signed-rank";
        row.noisePercent = Number.isFinite(paired.lo) ? 100 * (paired.hi - paired.lo) / 2 : null;
      }
    }
    return row;
  }
  const tested = rows.filter((r) => r.p !== null && gated.has(r.unit) && !r.exact && (opts.fdrFamily?.(r) ?? true));
  if (opts.fdr) {
    const q = benjaminiHochberg(tested.map(verdictP));
    tested.forEach((r, i) => r.q = q[i]);
  }
  for (const row of rows) {
    if (!row.base || !row.head) continue;
    decide(row, { alpha, threshold, fdr: !!opts.fdr, higher: higherIsBetter(row.unit, units), looks: opts.looks });
  }
  ignoreAllocationFreeBytes(rows);
  for (const row of rows) markSuspect(row, alpha, threshold, higherIsBetter(row.unit, units));
  const geomean2 = geomeanRows(rows);
  const removed = rows.filter((r) => r.verdict === "removed").length;
  const added = rows.filter((r) => r.verdict === "new").length;
  if (removed) warnings.push({ kind: "rows-removed", message: `${removed} row(s) only in the base: benchmarks removed or failed in the head` });
  if (added) warnings.push({ kind: "rows-added", message: `${added} row(s) only in the head: new benchmarks` });
  if (tooFewPairs) {
    warnings.push({
      kind: "too-few-pairs",
      message: `${tooFewPairs} row(s) measured in pairs are judged by the U test: ${opts.looks?.count ?? "their"} pairs cannot reach the signed-rank test's level (it needs ${pairsNeeded}); use more rounds`
    });
  }
  return { rows, geomean: geomean2, warnings, settings: { alpha, confidence, threshold } };
}
function ignoreAllocationFreeBytes(rows) {
  const noAllocs = new Set(
    rows.filter((r) => r.unit === "allocs/op" && r.base && r.head && r.base.center === 0 && r.head.center === 0 && r.exact).map(benchmarkKey)
  );
  for (const r of rows) {
    if (r.unit !== "B/op" || !noAllocs.has(benchmarkKey(r))) continue;
    if (r.verdict !== "regression" && r.verdict !== "improvement" && r.verdict !== "noisy") continue;
    r.verdict = "unchanged";
    r.reason = "no allocations per op on either side: these bytes are amortized runtime allocations, not a change";
  }
}
var noiseScratch = new Float64Array(128);
function noiseOf(base, head, sb, sh) {
  const side = (s, xs) => {
    if (xs.length < 3 || s.center === 0) return null;
    if (noiseScratch.length < xs.length) noiseScratch = new Float64Array(Math.max(xs.length, 2 * noiseScratch.length));
    const dev = noiseScratch.subarray(0, xs.length);
    for (let i = 0; i < xs.length; i++) dev[i] = Math.abs(xs[i] - s.center);
    dev.sort();
    const mid = dev.length >> 1;
    const mad = dev.length % 2 ? dev[mid] : (dev[mid - 1] + dev[mid]) / 2;
    return 100 * 1.4826 * mad / Math.abs(s.center);
  };
  const b = side(base, sb);
  const h = side(head, sh);
  return b === null || h === null ? null : Math.max(b, h);
}
function deltaPercent(base, head) {
  if (head.center === base.center) return 0;
  if (base.center === 0) return null;
  return (head.center / base.center - 1) * 100;
}
function decide(row, o) {
  const base = row.base;
  const head = row.head;
  const a = formatAlpha(o.alpha);
  row.significant = row.stats ? row.stats.p <= o.alpha : false;
  let why;
  if (row.exact) {
    const changed = base.center !== head.center;
    why = row.stats?.assume === "exact" ? `${testLabel("by-value")}: assume=exact` : `${testLabel("by-value")}: deterministic on both sides`;
    if (!changed) {
      row.verdict = "unchanged";
      row.reason = `${why}, unchanged`;
      return;
    }
  } else if (row.paired) {
    decidePaired(row, row.paired, o);
    return;
  } else {
    const p = row.p;
    const judged = o.fdr && row.q != null ? row.q : p;
    const shown = o.fdr && row.q != null ? `q=${formatFixed(row.q, 3)}` : `p=${formatFixed(p, 3)}`;
    if (judged > o.alpha && row.noisePercent != null && row.noisePercent > o.threshold) {
      row.verdict = "noisy";
      row.reason = `too noisy to judge: samples scatter \xB1 ${formatFixed(row.noisePercent, 1)}% around the median, more than the ${o.threshold}% threshold (${shown}); use a longer -benchtime or more rounds`;
      return;
    }
    if (judged > o.alpha) {
      row.verdict = "unchanged";
      const warning = row.stats?.warnings[0];
      row.reason = warning ?? `${shown} > \u03B1=${a}` + (o.fdr && row.q != null ? ` (p=${formatFixed(p, 3)})` : "");
      return;
    }
    why = `${shown} \u2264 \u03B1=${a}`;
  }
  const delta = row.deltaPercent;
  if (row.noisePercent != null && delta !== null && Math.abs(delta) <= row.noisePercent) {
    row.verdict = "unchanged";
    row.reason = `${signedPercent(delta)} is inside the noise (\xB1 ${formatFixed(row.noisePercent, 1)}%) (${why})`;
    return;
  }
  if (delta !== null && Math.abs(delta) < o.threshold) {
    row.verdict = "unchanged";
    row.reason = `${signedPercent(delta)} is below the ${o.threshold}% threshold (${why})`;
    return;
  }
  row.verdict = isWorse(row, o.higher) ? "regression" : "improvement";
  row.reason = delta === null ? `changed from 0 (${why})` : `${signedPercent(delta)} (${why})`;
}
function decidePaired(row, paired, o) {
  const judged = o.fdr && row.q != null ? row.q : paired.p;
  const shown = (o.fdr && row.q != null ? `q=${formatFixed(row.q, 3)}` : `p=${formatFixed(paired.p, 3)}`) + ` (signed-rank, ${paired.n} pairs)`;
  const est = (paired.ratio - 1) * 100;
  const interval = Number.isFinite(paired.lo) ? `${signedPercent((paired.lo - 1) * 100)}\u2026${signedPercent((paired.hi - 1) * 100)}` : null;
  if (judged <= o.alpha) {
    const why = `${shown} \u2264 \u03B1=${formatAlpha(o.alpha)}`;
    if (Math.abs(est) < o.threshold) {
      row.verdict = "unchanged";
      row.reason = `${signedPercent(est)} is below the ${o.threshold}% threshold (${why})`;
      return;
    }
    row.verdict = (o.higher ? est < 0 : est > 0) ? "regression" : "improvement";
    row.reason = `${signedPercent(est)}${interval ? ` (${interval})` : ""} (${why})`;
    return;
  }
  const worst = o.higher ? (1 - paired.lo) * 100 : (paired.hi - 1) * 100;
  if (interval && worst < o.threshold) {
    row.verdict = "unchanged";
    row.reason = `no slowdown of ${o.threshold}% or more: the paired interval is ${interval} (${shown})`;
    return;
  }
  row.verdict = "noisy";
  row.reason = interval ? `too noisy to judge: the paired interval ${interval} allows a slowdown of the ${o.threshold}% threshold (${shown})` : `too noisy to judge: ${paired.n} pairs give no interval yet (${shown})`;
  const looks = o.looks;
  if (!interval || !looks || paired.n < looks.count || paired.n >= looks.maxPairs) return;
  const outlook = extensionOutlook(paired, { threshold: o.threshold, maxPairs: looks.maxPairs, higherIsBetter: o.higher });
  if (outlook && !outlook.decidable) {
    row.reason += `; stopped: ${looks.maxPairs} pairs could not decide it at this scatter (\xB1${formatFixed(outlook.halfWidthPercent, 1)}% at ${paired.n} pairs, about \xB1${formatFixed(outlook.projectedPercent, 1)}% at ${looks.maxPairs})`;
  }
}
function isWorse(row, higher) {
  if (row.paired) return higher ? row.paired.ratio < 1 : row.paired.ratio > 1;
  return higher ? row.head.center < row.base.center : row.head.center > row.base.center;
}
function worstCasePercent(row, higherBetter) {
  const { base, head } = row;
  if (!base || !head) return null;
  if (row.paired) {
    const bound = higherBetter ? row.paired.lo : row.paired.hi;
    if (!Number.isFinite(bound)) return null;
    return higherBetter ? (1 - bound) * 100 : (bound - 1) * 100;
  }
  const [num2, den] = higherBetter ? [head.lo, base.hi] : [head.hi, base.lo];
  if (!Number.isFinite(num2) || !Number.isFinite(den) || den <= 0) return null;
  const change = (num2 / den - 1) * 100;
  return higherBetter ? -change : change;
}
function markSuspect(row, alpha, threshold, higher) {
  if (!row.base || !row.head || row.exact || row.verdict === "regression" || row.p === null || verdictP(row) > alpha) return;
  if (!isWorse(row, higher)) return;
  const worst = worstCasePercent(row, higher);
  if (worst === null || worst >= threshold) row.suspect = true;
}
function formatAlpha(alpha) {
  return String(alpha);
}
function geomeanRows(rows) {
  const byUnit = /* @__PURE__ */ new Map();
  for (const r of rows) {
    let list = byUnit.get(r.unit);
    if (!list) byUnit.set(r.unit, list = []);
    list.push(r);
  }
  const out = [];
  for (const [unit, list] of byUnit) {
    if (list.length < 2) continue;
    const g = geomeanSummary(list.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
    out.push({ unit, base: g.base, head: g.head, deltaPercent: g.deltaPercent, baseWarnings: g.baseWarnings, headWarnings: g.headWarnings });
  }
  return out;
}

// src/compare/gate.ts
function isClearedSuspect(row) {
  return row.screen?.verdict === "regression" && row.confirmed === false;
}
function isGated(row, gateUnits) {
  return gateUnits.includes(row.unit);
}
function evaluateGate(report, opts) {
  const regressions = [];
  const unconfirmed = [];
  const cleared = [];
  const noisy = [];
  const improvements = report.rows.filter((r) => r.verdict === "improvement");
  for (const row of report.rows) {
    if (!isGated(row, opts.gateUnits)) continue;
    if (row.verdict === "regression") regressions.push(row);
    else if (row.verdict === "unconfirmed") unconfirmed.push(row);
    else if (isClearedSuspect(row)) cleared.push(row);
    else if (row.verdict === "noisy" && possibleSlowdown(row, report.settings.threshold)) noisy.push(row);
  }
  const counted = [
    ...regressions,
    ...opts.failOnUnconfirmed ? unconfirmed : [],
    ...opts.failOnUnconfirmed || opts.failOn === "regression-or-noisy" ? noisy : []
  ];
  const reasons = counted.map((r) => `${r.package} ${r.name} ${r.unit}: ${r.reason}`);
  const wouldFail = opts.failOn !== "none" && counted.length > 0;
  const waivedBy = wouldFail && opts.acceptLabel && opts.labels?.includes(opts.acceptLabel) ? opts.acceptLabel : null;
  return { failed: wouldFail && !waivedBy, regressions, unconfirmed, cleared, noisy, improvements, counted, waivedBy, reasons };
}
function estimatedSlowdown(row) {
  const d = verdictDelta(row);
  return d === null || !higherIsBetter(row.unit) ? d : 100 / (1 + d / 100) - 100;
}
function possibleSlowdown(row, threshold) {
  const s = estimatedSlowdown(row);
  return s !== null && s >= threshold;
}

// src/settings.ts
var PROFILE_KINDS = ["cpu", "mem"];
var DEFAULT_DUET = "auto";
var DUET_CHOICES = ["auto", "on", "off"];
var DEFAULT_VERDICT = {
  alpha: 0.05,
  confidence: 0.95,
  threshold: DEFAULT_THRESHOLD,
  fdr: true,
  gateUnits: ["sec/op", "B/op", "allocs/op"]
};
var DEFAULT_RUN = {
  packages: ["./..."],
  bench: ".",
  count: 10,
  minRounds: 6,
  extraFlags: [],
  profiles: ["cpu", "mem"],
  duet: DEFAULT_DUET
};
function maxRoundsOf(run) {
  return Math.max(run.count, run.maxRounds ?? 3 * run.count);
}
var FAIL_ON_CHOICES = ["regression", "regression-or-noisy", "none"];
function usageError(message) {
  return new BenchgateError(message, "usage");
}
function parseNumber(name, text, min, max) {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw usageError(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
function parseInteger(name, text, min, max) {
  const value = parseNumber(name, text, min, max);
  if (!Number.isInteger(value)) throw usageError(`${name} must be a whole number, got "${text}"`);
  return value;
}
function parseChoice(name, text, choices) {
  const value = text.trim();
  if (!choices.includes(value)) {
    throw usageError(`${name} must be one of ${choices.join(", ")}, got "${text}"`);
  }
  return value;
}
function parseDuration(name, text) {
  const units = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  const s = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (s === "" || matched !== s.length) {
    throw usageError(`${name} must be a duration such as 90s, 10m or 1h30m, got "${text}"`);
  }
  return total;
}
var GO_DURATION = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/;
function parseBenchtime(name, text) {
  const s = text.trim();
  if (/^[1-9]\d*x$/.test(s) || GO_DURATION.test(s)) return s;
  throw usageError(`${name} must be a duration such as 100ms or 2s, or a count such as 100x, got "${text}"`);
}
function parseCpuList(name, text) {
  const values = text.split(",").map((c) => c.trim());
  if (values.every((v) => /^[1-9]\d*$/.test(v))) return values.join(",");
  throw usageError(`${name} must be a list of GOMAXPROCS values, whole numbers from 1 (e.g. "1,2,4"), got "${text}"`);
}
function parseList(text) {
  return text.split(/[\s,]+/).filter((s) => s !== "");
}
function splitWords(name, text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw usageError(`${name} has an unterminated ${quote} quote: ${text}`);
  if (inWord) words.push(word);
  return words;
}
function compareOptions(v, units) {
  return { alpha: v.alpha, confidence: v.confidence, threshold: v.threshold, fdr: v.fdr, gatedUnits: v.gateUnits, units };
}

// src/interrupt.ts
import { rmSync } from "node:fs";
var groups = /* @__PURE__ */ new Set();
var cleanups = /* @__PURE__ */ new Set();
var dirs = /* @__PURE__ */ new Set();
var GRACE_MS = 2e3;
var interrupted;
function interruptedBy() {
  return interrupted;
}
function trackGroup(pid) {
  groups.add(pid);
  return () => groups.delete(pid);
}
function onInterrupt(fn) {
  cleanups.add(fn);
  return () => cleanups.delete(fn);
}
function removeOnInterrupt(dir) {
  dirs.add(dir);
  return () => dirs.delete(dir);
}
function removeDirs() {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
function killGroups(signal) {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
    }
  }
}
async function interrupt(signal) {
  interrupted = signal;
  killGroups(signal);
  for (let waited = 0; groups.size > 0 && waited < GRACE_MS; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  killGroups("SIGKILL");
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    await fn().catch(() => void 0);
  }
  killGroups("SIGKILL");
  removeDirs();
  await new Promise((resolve) => setTimeout(resolve, 200));
  removeDirs();
  return exitStatus(signal);
}
function exitStatus(signal) {
  return signal === "SIGINT" ? 130 : 143;
}
function installInterruptHandlers(say) {
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (interrupted) process.exit(exitStatus(signal));
      say(`benchgate: interrupted (${signal}): stopping the benchmarks and removing temporary worktrees and files
`);
      void interrupt(signal).then((code) => process.exit(code));
    });
  }
}

// src/report/format.ts
function unitClass(unit) {
  let denom = false;
  for (const tok of unit.split(/([*/\-\s])/)) {
    if (tok === "*") denom = false;
    else if (tok === "/") denom = true;
    else if ((tok === "B" || tok === "MB" || tok === "bytes") && !denom) return "binary";
  }
  return "decimal";
}
var SI = ["T", "G", "M", "k", "", "m", "\xB5", "n"].map((prefix, i) => {
  const exp = 12 - 3 * i;
  return {
    factor: 10 ** exp,
    prefix,
    t100: Number(`99.995e${exp}`),
    t10: Number(`9.9995e${exp}`),
    t1: Number(`.99995e${exp}`)
  };
});
var IEC = ["Ti", "Gi", "Mi", "Ki", ""].map((prefix, i) => {
  const exp = 40 - 10 * i;
  return { factor: 2 ** exp, prefix, t100: 99.995 * 2 ** exp, t10: 9.9995 * 2 ** exp, t1: 0.99995 * 2 ** exp };
});
var SIGFIGS = Array.from({ length: 8 }, (_, i) => Number(`9.9995e${-1 - i}`));
function commonScale(values, cls) {
  let min = 0;
  for (let v of values) {
    v = Math.abs(v);
    if (v !== 0 && (min === 0 || v < min)) min = v;
  }
  if (min === 0) return { prec: 3, factor: 1, prefix: "" };
  const factors = cls === "binary" ? IEC : SI;
  for (const f of factors) {
    if (min >= f.t100) return { prec: 1, factor: f.factor, prefix: f.prefix };
    if (min >= f.t10) return { prec: 2, factor: f.factor, prefix: f.prefix };
    if (min >= f.t1) return { prec: 3, factor: f.factor, prefix: f.prefix };
  }
  const last = factors[factors.length - 1];
  const val = min / last.factor;
  for (let i = 0; i < SIGFIGS.length; i++) {
    if (val >= SIGFIGS[i] || i === SIGFIGS.length - 1) return { prec: i + 3, factor: last.factor, prefix: last.prefix };
  }
  throw new Error("unreachable");
}
function formatScaled(value, s) {
  return formatFixed(value / s.factor, s.prec) + s.prefix;
}
function scale(value, cls) {
  return formatScaled(value, commonScale([value], cls));
}
function pctRange(center, lo, hi) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "\u221E";
  const cs = Math.sign(center);
  if (cs !== Math.sign(lo) || cs !== Math.sign(hi)) return "?";
  if (center === 0) return "0%";
  const v = Math.max(hi / center - 1, 1 - lo / center);
  return formatFixed(100 * v, 0) + "%";
}
function formatDelta(p, alpha, base, head) {
  if (p > alpha) return "~";
  if (base === head) return "0.00%";
  if (base === 0) return "?";
  return formatSignedFixed((head / base - 1) * 100, 2) + "%";
}
function formatComparison(p, n1, n2) {
  const s = p !== 0 ? `p=${formatFixed(p, 3)} ` : "";
  return s + (n1 === n2 ? `n=${n1}` : `n=${n1}+${n2}`);
}
function superscript(i) {
  const digits = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
  return String(i).split("").map((d) => digits[Number(d)]).join("");
}

// src/github/limits.ts
var MAX_COMMENT_LENGTH = 65536;
var MAX_WARNINGS_PER_STEP = 10;

// src/history/history.ts
var HISTORY_SCHEMA = 1;
var DEFAULT_HISTORY_LENGTH = 100;
function historyEntry(run, runId) {
  const samples = /* @__PURE__ */ new Map();
  for (const r of run.results) {
    for (const v of r.values) {
      const key = `${r.pkg}\0${r.name}\0${v.unit}`;
      let s = samples.get(key);
      if (!s) samples.set(key, s = { pkg: r.pkg, name: r.name, unit: v.unit, values: [] });
      s.values.push(v.value);
    }
  }
  const medians = /* @__PURE__ */ Object.create(null);
  for (const s of samples.values()) {
    const m = medianSorted(sortedCopy(s.values));
    if (!Number.isFinite(m)) continue;
    const names = medians[s.pkg] ??= /* @__PURE__ */ Object.create(null);
    (names[s.name] ??= /* @__PURE__ */ Object.create(null))[s.unit] = m;
  }
  return { commit: run.commit, time: run.time, ...runId ? { runId } : {}, ...run.ref ? { ref: run.ref } : {}, medians };
}
function appendHistory(history, entry, length = DEFAULT_HISTORY_LENGTH) {
  return { schema: HISTORY_SCHEMA, entries: [...history?.entries ?? [], entry].slice(-Math.max(1, length)) };
}
function joinHistories(histories) {
  const joined = [];
  for (const h of histories) {
    const seen = /* @__PURE__ */ new Map();
    const ids = h.entries.map((e) => [e.commit, e.runId ?? ""].join("\0")).reverse().map((key) => {
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return `${key}\0${n}`;
    }).reverse();
    let at = 0;
    for (const [i, e] of h.entries.entries()) {
      const j = joined.findIndex((x) => x.id === ids[i]);
      if (j >= 0) {
        joined[j].entry = joinEntries(joined[j].entry, e);
        at = Math.max(at, j + 1);
      } else {
        joined.splice(at, 0, { id: ids[i], entry: joinEntries(void 0, e) });
        at++;
      }
    }
  }
  const length = Math.max(1, ...histories.map((h) => h.entries.length));
  return { schema: HISTORY_SCHEMA, entries: joined.slice(-length).map((x) => x.entry) };
}
function joinEntries(a, b) {
  const medians = /* @__PURE__ */ Object.create(null);
  for (const m of [a?.medians ?? {}, b.medians]) {
    for (const [pkg, names] of Object.entries(m)) {
      const into = medians[pkg] ??= /* @__PURE__ */ Object.create(null);
      for (const [name, units] of Object.entries(names)) {
        const u = into[name] ??= /* @__PURE__ */ Object.create(null);
        for (const [unit, v] of Object.entries(units)) if (!Object.hasOwn(u, unit)) u[unit] = v;
      }
    }
  }
  const time = a && a.time && (!b.time || a.time <= b.time) ? a.time : b.time;
  const runId = a?.runId ?? b.runId;
  const ref = a?.ref || b.ref;
  return { commit: b.commit, time, ...runId ? { runId } : {}, ...ref ? { ref } : {}, medians };
}
function allSeries(history) {
  const keys = /* @__PURE__ */ new Map();
  for (const e of history.entries) {
    for (const [pkg, names] of Object.entries(e.medians)) {
      for (const [name, units] of Object.entries(names)) {
        for (const unit of Object.keys(units)) keys.set(`${pkg}\0${name}\0${unit}`, { pkg, name, unit });
      }
    }
  }
  const sorted = [...keys.values()].sort((a, b) => cmp(a.pkg, b.pkg) || cmp(a.name, b.name) || cmp(a.unit, b.unit));
  return sorted.map((k) => seriesOf(history, k.pkg, k.name, k.unit));
}
function seriesOf(history, pkg, name, unit) {
  return { pkg, name, unit, values: history.entries.map((e) => own(own(own(e.medians, pkg), name), unit) ?? null) };
}
function own(o, key) {
  return o !== void 0 && Object.hasOwn(o, key) ? o[key] : void 0;
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function parseHistory(text, file) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw new BenchgateError(`not a benchgate history: not valid JSON: ${e.message}`, "history", { file });
  }
  return validateHistory(v, file);
}
function validateHistory(v, file) {
  const fail = (what) => {
    throw new BenchgateError(`not a benchgate history: ${what}`, "history", { file });
  };
  const h = v;
  if (typeof h !== "object" || h === null) return fail("expected a JSON object");
  if (h.schema !== HISTORY_SCHEMA) return fail(`unsupported schema ${JSON.stringify(h.schema)} (this benchgate reads schema ${HISTORY_SCHEMA})`);
  if (!Array.isArray(h.entries)) return fail('"entries" is not an array');
  const isObject = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
  const entries = h.entries.map((e, i) => {
    const at = `entries[${i}]`;
    if (!isObject(e)) return fail(`${at} is not an object`);
    if (typeof e.commit !== "string" || typeof e.time !== "string") fail(`${at} lacks commit or time`);
    if (e.runId !== void 0 && !Number.isSafeInteger(e.runId)) fail(`${at}.runId is not an integer`);
    if (e.ref !== void 0 && typeof e.ref !== "string") fail(`${at}.ref is not a string`);
    if (!isObject(e.medians)) return fail(`${at}.medians is not an object`);
    for (const [pkg, names] of Object.entries(e.medians)) {
      if (!isObject(names)) fail(`${at}.medians[${JSON.stringify(pkg)}] is not an object`);
      for (const [name, units] of Object.entries(names)) {
        if (!isObject(units)) fail(`${at}.medians[${JSON.stringify(pkg)}][${JSON.stringify(name)}] is not an object`);
        for (const [unit, x] of Object.entries(units)) {
          if (typeof x !== "number" || !Number.isFinite(x)) fail(`${at}: ${pkg} ${name} ${unit} is not a finite number`);
        }
      }
    }
    return e;
  });
  return { schema: HISTORY_SCHEMA, entries };
}

// src/history/trend.ts
var BARS = "\u2581\u2582\u2583\u2584\u2585\u2586\u2587\u2588";
function sparkline(values) {
  const xs = values.filter((v) => v !== null && Number.isFinite(v));
  if (xs.length === 0) return "";
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return "\xB7";
    if (hi === lo) return BARS[3];
    return BARS[Math.min(BARS.length - 1, Math.floor((v - lo) / (hi - lo) * BARS.length))];
  }).join("");
}
function trendOf(history, pkg, name, unit, last = 20) {
  if (!history) return "";
  const values = seriesOf(history, pkg, name, unit).values.slice(-last);
  const first = values.findIndex((v) => v !== null);
  const shown = first < 0 ? [] : values.slice(first);
  return shown.filter((v) => v !== null).length >= 2 ? sparkline(shown) : "";
}
var DEFAULT_STEP_WINDOW = 5;
function detectSteps(history, opts) {
  const k = Math.max(2, Math.floor(opts.window));
  const n = history.entries.length;
  if (n < 2 * k) return [];
  const steps = [];
  for (const s of allSeries(history)) {
    const recent = s.values.slice(n - 2 * k);
    if (recent.some((v) => v === null)) continue;
    const a = recent.slice(0, k);
    const b = recent.slice(k);
    const before = medianSorted(sortedCopy(a));
    const after = medianSorted(sortedCopy(b));
    if (before === 0) continue;
    const deltaPercent2 = (after / before - 1) * 100;
    const { p } = mannWhitneyU(a, b);
    if (p > opts.alpha || Math.abs(deltaPercent2) < opts.threshold) continue;
    const higher = higherIsBetter(s.unit, opts.units ?? {});
    steps.push({
      pkg: s.pkg,
      name: s.name,
      unit: s.unit,
      before,
      after,
      deltaPercent: deltaPercent2,
      p,
      worse: higher ? after < before : after > before,
      fromCommit: history.entries[n - k - 1].commit,
      toCommit: history.entries[n - 1].commit
    });
  }
  return steps.sort((x, y) => Number(y.worse) - Number(x.worse) || Math.abs(y.deltaPercent) - Math.abs(x.deltaPercent));
}

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/gotool/gctrace.ts
var NUM = String.raw`(\d+(?:\.\d+)?)`;
var LINE = new RegExp(
  String.raw`^gc (\d+) @${NUM}s \d+%(?: \([^)]*\))?: ${NUM}\+${NUM}\+${NUM} ms clock, ` + String.raw`${NUM}\+${NUM}/${NUM}/${NUM}\+${NUM} ms cpu, \d+->\d+->\d+ MB, (\d+) MB goal, ` + String.raw`(?:\d+ ?MB stacks, )?(?:\d+ ?MB globals, )?(\d+) P( \(forced\))?$`
);
function parseGcTrace(text, file) {
  const cycles = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (!/^gc \d+ @/.test(line)) continue;
    const m = LINE.exec(line);
    if (!m) {
      throw new BenchgateError(
        `not a gctrace line in the documented format (gc # @#s #%: #+#+# ms clock, \u2026): ${JSON.stringify(line.slice(0, 200))}`,
        "gctrace",
        {
          file,
          line: i + 1
        }
      );
    }
    const f = m.slice(1).map(Number);
    cycles.push({
      n: f[0],
      atSec: f[1],
      clockMs: { sweepTerm: f[2], mark: f[3], markTerm: f[4] },
      cpuMs: { sweepTerm: f[5], assist: f[6], background: f[7], idle: f[8], markTerm: f[9] },
      heapGoalBytes: f[10] * 2 ** 20,
      procs: f[11],
      forced: m[13] !== void 0
    });
  }
  return cycles;
}
function timedRunCycles(cycles) {
  let last = -1;
  for (let i = 0; i < cycles.length; i++) if (cycles[i].forced) last = i;
  return cycles.slice(last + 1);
}

// src/pprof/sample-type.ts
function sampleIndexByName(p, name, file) {
  const types = p.sampleType.map((t) => t.type);
  if (name === void 0 || name === "") {
    const i2 = p.defaultSampleType ? types.indexOf(p.defaultSampleType) : -1;
    return i2 >= 0 ? i2 : types.length - 1;
  }
  const asNumber = typeof name === "number" ? name : /^\d+$/.test(name) ? Number(name) : NaN;
  if (!Number.isNaN(asNumber)) {
    if (asNumber >= 0 && asNumber < types.length) return asNumber;
    throw new BenchgateError(`sample index ${asNumber} is outside [0..${types.length - 1}]`, "pprof", { file });
  }
  const legacy = String(name).replace(/^inuse_/, "");
  const i = types.findIndex((t) => t === name || t === legacy);
  if (i >= 0) return i;
  throw new BenchgateError(`sample type "${name}" is not in the profile; it has: ${types.join(", ") || "none"}`, "pprof", { file });
}

// src/pprof/aggregate.ts
import { basename } from "node:path";
function frameName(line, loc) {
  const name = line?.function.name ?? "";
  if (name !== "") return name;
  const obj = loc.mapping?.file ?? "";
  return obj !== "" ? `[${basename(obj)}]` : "<unknown>";
}
var byName = frameName;
var byNameAndFile = (line, loc) => `${frameName(line, loc)}\0${line?.function.filename ?? ""}`;
var FunctionAggregator = class {
  /** `locations`: every location samples may refer to, needed with `withEdges` to know which frames are ever inlined. */
  constructor(key = byName, withEdges = false, locations = []) {
    this.key = key;
    this.incoming = withEdges ? [] : null;
    this.inlinedKeys = withEdges ? /* @__PURE__ */ new Set() : null;
    if (this.inlinedKeys) {
      for (const loc of locations) {
        for (let i = 0; i + 1 < loc.line.length; i++) this.inlinedKeys.add(this.key(loc.line[i], loc));
      }
    }
  }
  key;
  /** Per node: what it is; flat and cum live in `flat` and `cum` while samples are added (row() joins them). */
  nodes = [];
  /**
   * Per node: flat, cum, and the number of the last sample that added to its cum (the recursion
   * rule), in typed arrays: adding a sample touches ~20 nodes, and numbers in objects' fields
   * were most of `profile top`'s time on a large profile.
   */
  flat = new Float64Array(256);
  cum = new Float64Array(256);
  seenIn = new Int32Array(256).fill(-1);
  /**
   * Incoming edges per callee node, keyed by caller node, kept only when asked for (pprof's
   * "(inline)" marker needs them) and only for callees that some location inlines: a function
   * that is never an inlined frame cannot be marked, and keeping every caller → callee pair of a
   * large profile (millions of them, keyed by a non-small-integer number) was most of `profile
   * top`'s time and memory.
   */
  incoming;
  /** Keys of the frames that some location holds as an inlined (not last) line. */
  inlinedKeys;
  byKey = /* @__PURE__ */ new Map();
  /** Per Location.index: its lines' node numbers, in line order (innermost first). */
  locNodes = [];
  sampleNo = 0;
  /** The number of nodes (functions, at the key's granularity) seen so far. */
  get size() {
    return this.nodes.length;
  }
  /** Node `n`'s totals, as a new object. */
  row(n) {
    return { ...this.nodes[n], flat: this.flat[n], cum: this.cum[n] };
  }
  nodesOf(loc) {
    const locNodes = this.locNodes;
    let nodes = loc.index < locNodes.length ? locNodes[loc.index] : void 0;
    if (nodes) return nodes;
    while (locNodes.length <= loc.index) locNodes.push(void 0);
    const lines = loc.line.length > 0 ? loc.line : [null];
    nodes = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const k = this.key(line, loc);
      let n = this.byKey.get(k);
      if (n === void 0) n = this.newNode(k, line, loc);
      nodes[i] = n;
    }
    this.locNodes[loc.index] = nodes;
    return nodes;
  }
  newNode(k, line, loc) {
    const n = this.nodes.length;
    this.byKey.set(k, n);
    this.nodes.push({ function: frameName(line, loc), file: line?.function.filename ?? "", startLine: line?.function.startLine ?? 0 });
    if (n === this.flat.length) {
      const grow = (a, make) => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.flat = grow(this.flat, (size) => new Float64Array(size));
      this.cum = grow(this.cum, (size) => new Float64Array(size));
      this.seenIn = grow(this.seenIn, (size) => new Int32Array(size).fill(-1));
    }
    if (this.incoming) this.incoming.push(this.inlinedKeys.has(k) ? /* @__PURE__ */ new Map() : void 0);
    return n;
  }
  /** Adds one sample with value `w` (its value at the chosen sample index). */
  add(sample, w) {
    this.addStack(sample.location, sample.location.length, w);
  }
  /** Adds a stack (`locs[0]` the leaf, `depth` frames) with value `w`. */
  addStack(locs, depth, w) {
    if (w === 0) return;
    const stamp = this.sampleNo++;
    const incoming = this.incoming;
    let parent = -1;
    for (let i = depth - 1; i >= 0; i--) {
      const nodes = this.nodesOf(locs[i]);
      const last = nodes.length - 1;
      for (let ni = last; ni >= 0; ni--) {
        const n = nodes[ni];
        if (this.seenIn[n] !== stamp) {
          this.seenIn[n] = stamp;
          this.cum[n] += w;
        }
        const edges = incoming !== null && parent >= 0 && parent !== n ? incoming[n] : void 0;
        if (edges !== void 0) {
          const e = edges.get(parent);
          const inline = ni !== last;
          if (e === void 0) edges.set(parent, { weight: w, inline, stamp });
          else if (e.stamp !== stamp) {
            e.stamp = stamp;
            e.weight += w;
            if (!inline) e.inline = false;
          }
        }
        parent = n;
      }
    }
    if (parent >= 0) this.flat[parent] += w;
  }
  /**
   * pprof's "(inline)" / "(partial-inline)" marker per node: from the node's incoming
   * edges, after dropping edges lighter than `edgeFraction` of the flat total as pprof
   * does (its `-edgefraction`, default 0.001).
   */
  inlineMarkers(edgeFraction = 1e-3) {
    const inlined = new Array(this.size).fill(false);
    const called = new Array(this.size).fill(false);
    if (this.incoming) {
      let flatSum = 0;
      for (let n = 0; n < this.size; n++) flatSum += this.flat[n];
      const cutoff = Math.abs(Math.trunc(flatSum * edgeFraction));
      this.incoming.forEach((edges, callee) => {
        if (!edges) return;
        for (const e of edges.values()) {
          if (Math.abs(e.weight) < cutoff) continue;
          if (e.inline) inlined[callee] = true;
          else called[callee] = true;
        }
      });
    }
    return inlined.map((i, n) => i ? called[n] ? "partial-inline" : "inline" : "");
  }
  /** The nodes pprof would list: those with a non-zero flat or cum. */
  nonZero() {
    const out = [];
    for (let n = 0; n < this.size; n++) if (this.flat[n] !== 0 || this.cum[n] !== 0) out.push(n);
    return out;
  }
};
function compareTop(a, b) {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) return fb - fa;
  if (a.function !== b.function) return a.function < b.function ? -1 : 1;
  return Math.abs(b.cum) - Math.abs(a.cum);
}

// src/pprof/whole.ts
function wholeProfile(p, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  const agg = new FunctionAggregator(byNameAndFile);
  const kept = sampleFilter(options);
  let total = 0;
  for (const s of p.sample) {
    if (!kept(s)) continue;
    const w = s.value[index];
    total += w;
    agg.add(s, w);
  }
  return { total, functions: agg.nonZero().map((n) => agg.row(n)).sort(compareTop) };
}
function sampleFilter(options) {
  const keep = options.onlyUnder;
  if (!keep) return () => true;
  return (s) => s.location.some((l) => l.line.some((ln) => keep.some((re) => re.test(ln.function.name))));
}

// src/diagnose/diagnosis.ts
var MS = 1e6;
function diagnosisOf(d) {
  const n = d.iterations;
  const cycles = d.cycles ? timedRunCycles(d.cycles) : null;
  const sum = (f) => cycles ? cycles.reduce((s, c) => s + f(c), 0) : NaN;
  const perOp = (ms) => Number.isFinite(ms) && n > 0 ? ms * MS / n : null;
  const gcCpuMs = sum((c) => c.cpuMs.sweepTerm + c.cpuMs.assist + c.cpuMs.background + c.cpuMs.markTerm);
  const wallNs = n * d.nsPerOp * d.procs;
  return {
    gcCyclesPerOp: cycles && n > 0 ? cycles.length / n : null,
    stwSweepTermNsPerOp: perOp(sum((c) => c.clockMs.sweepTerm)),
    stwMarkTermNsPerOp: perOp(sum((c) => c.clockMs.markTerm)),
    concurrentMarkNsPerOp: perOp(sum((c) => c.clockMs.mark)),
    gcCpuFraction: Number.isFinite(gcCpuMs) && wallNs > 0 ? gcCpuMs * MS / wallNs : null,
    heapGoalBytes: cycles && cycles.length > 0 ? median(cycles.map((c) => c.heapGoalBytes)) : null,
    assistShare: d.cpu ? functionShare(d.cpu, "runtime.gcAssistAlloc") : null,
    schedLatencyNsPerOp: d.sched && n > 0 ? totalOf(d.sched, "delay") / n : null
  };
}
function functionShare(p, fn) {
  const slice = wholeProfile(p, sampleIndexByName(p, "cpu"));
  if (slice.total <= 0) return null;
  const cum = slice.functions.filter((f) => f.function === fn).reduce((s, f) => s + f.cum, 0);
  return cum / slice.total;
}
function totalOf(p, type) {
  if (p.sample.length === 0) return 0;
  const i = sampleIndexByName(p, type);
  return p.sample.reduce((s, x) => s + x.value[i], 0);
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
var FACTOR = 1.25;
function interpretDiagnosis(d) {
  const { base, head } = d;
  const moved = (k) => {
    const b = base[k];
    const h = head[k];
    if (b === null || h === null) return 0;
    if (b === 0 && h === 0) return 0;
    if (b === 0 || h === 0) return h > b ? Infinity : -Infinity;
    const r = h / b;
    return r >= FACTOR ? r : r <= 1 / FACTOR ? -1 / r : 0;
  };
  const arrow = (k, f) => `${f(base[k])} \u2192 ${f(head[k])}`;
  const g2 = (v) => v === 0 ? "0" : v >= 100 ? v.toFixed(0) : String(Number(v.toPrecision(2)));
  const pct = (v) => `${(v * 100).toFixed(1)}%`;
  const mib = (v) => `${(v / 2 ** 20).toFixed(0)} MiB`;
  const ns = (v) => `${g2(v)} ns`;
  const rules = [
    { key: "gcCyclesPerOp", up: "more GC cycles per op", down: "fewer GC cycles per op", f: g2 },
    { key: "heapGoalBytes", up: "a larger heap goal", down: "a smaller heap goal", f: mib },
    { key: "assistShare", up: "more CPU in mark assists", down: "less CPU in mark assists", f: pct },
    { key: "gcCpuFraction", up: "a larger GC CPU share", down: "a smaller GC CPU share", f: pct },
    { key: "stwMarkTermNsPerOp", up: "longer stop-the-world pauses per op", down: "shorter stop-the-world pauses per op", f: ns },
    { key: "schedLatencyNsPerOp", up: "more scheduler latency per op", down: "less scheduler latency per op", f: ns }
  ];
  const why = {
    gcCyclesPerOp: ["allocation grew", "allocation shrank"],
    heapGoalBytes: ["the live heap grew", "the live heap shrank"],
    assistShare: ["allocation outpaces the background collector", "allocation eased off"],
    gcCpuFraction: ["the collector takes more of the CPU", "the collector takes less of the CPU"],
    schedLatencyNsPerOp: ["goroutines wait longer to run", "goroutines wait less to run"]
  };
  for (const r of rules) {
    const m = moved(r.key);
    if (m === 0) continue;
    const [upWhy, downWhy] = why[r.key] ?? ["", ""];
    const reason = m > 0 ? upWhy : downWhy;
    return `${m > 0 ? r.up : r.down} (${arrow(r.key, r.f)})${reason ? `: ${reason}` : ""}`;
  }
  const known = rules.some((r) => base[r.key] !== null && head[r.key] !== null);
  return known ? "GC and scheduler figures about the same on both sides: the change is in the code\u2019s own work" : "GC and scheduler figures could not be measured on both sides";
}

// src/attribute/quantity.ts
var TIME = [
  [1, "s"],
  [1e-3, "ms"],
  [1e-6, "\xB5s"],
  [1e-9, "ns"]
];
var BYTES = [
  [1024 ** 3, "GiB"],
  [1024 ** 2, "MiB"],
  [1024, "KiB"],
  [1, "B"]
];
function formatDelta2(value, unit) {
  const sign = value > 0 ? "+" : value < 0 ? "\u2212" : "";
  const v = Math.abs(value);
  if (unit === "sec/op") return sign + scaled(v, TIME);
  if (unit === "B/op") return sign + scaled(v, BYTES);
  if (unit === "allocs/op") return `${sign}${significant(v)} allocs`;
  return `${sign}${significant(v)} ${unit.replace(/\/op$/, "")}`;
}
function scaled(v, scales) {
  const [factor, name] = scales.find(([f]) => v >= f) ?? scales[scales.length - 1];
  return significant(v / factor) + name;
}
function significant(v) {
  if (v === 0) return "0";
  return Number(v.toPrecision(3)).toString();
}

// src/report/escape.ts
var MARKDOWN_SPECIALS = /[\\`*_{}[\]<>|~&!#]/g;
function escapeMarkdown(text) {
  return noMentions(oneLine(text).replace(MARKDOWN_SPECIALS, (c) => "\\" + c));
}
function noMentions(text) {
  return noAutolinks(text.replace(/@/g, "@\u200B"));
}
function noAutolinks(text) {
  return text.replace(/:\/\//g, ":\u200B//").replace(/\b(www)\./gi, "$1\u200B.");
}
function inlineCode(text) {
  const safe = oneLine(text).replace(/`/g, "\u02CB").replace(/\|/g, "\\|");
  return "`" + safe + "`";
}
function escapeHtml(text) {
  return noMentions(oneLine(text).replace(/[&<>"'`|[\]]/g, (c) => `&#${c.charCodeAt(0)};`));
}
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}

// src/report/causal-text.ts
function isMeasured(fn) {
  return fn.causal !== void 0 && "recovered" in fn.causal;
}
function isVerified(fn) {
  return isMeasured(fn) && fn.causal.verified;
}
function sharePercent(x) {
  if (!Number.isFinite(x)) return x > 0 ? "\u221E" : "\u2212\u221E";
  const v = Math.round(x * 100);
  return `${v < 0 ? "\u2212" : ""}${Math.abs(v)}%`;
}
function shareRange(c) {
  return `${sharePercent(c.recovered)} (${sharePercent(c.lo).replace(/%$/, "")}\u2013${sharePercent(c.hi)})`;
}
function causalPhrase(fn) {
  const c = fn.causal;
  if (!c) return null;
  if (!("recovered" in c)) return c.skipped;
  return c.verified ? `verified: reverting it recovers ${shareRange(c)}` : `not the cause alone: reverting it recovers ${shareRange(c)}`;
}
function commitPhrase(a, code = inlineCode) {
  const c = a.commit;
  if (!c) return null;
  if ("skipped" in c) return `commit not found: ${c.skipped}`;
  return `appeared in ${code(c.sha.slice(0, 7))} (commit ${c.index} of ${c.of})`;
}
function causalFooter(report, causal) {
  if (!causal) return "";
  const fns = report.rows.flatMap((r) => r.attribution?.functions ?? []).filter((f) => f.causal);
  const measured = fns.filter(isMeasured).length;
  const verified = fns.filter(isVerified).length;
  const budget = fns.filter((f) => f.causal && "skipped" in f.causal && /budget/.test(f.causal.skipped)).length + report.rows.filter((r) => r.attribution?.commit && "skipped" in r.attribution.commit && /budget/.test(r.attribution.commit.skipped)).length;
  const bisected = report.rows.filter((r) => r.attribution?.commit && "sha" in r.attribution.commit).length;
  const minutes = causal.budgetMs % 6e4 === 0 ? `${causal.budgetMs / 6e4}m` : `${Math.round(causal.budgetMs / 1e3)}s`;
  const failed = fns.filter((f) => f.causal && "skipped" in f.causal && /^could not revert/.test(f.causal.skipped)).length;
  const counts = [
    `${verified} of ${measured} reverted function${measured === 1 ? "" : "s"} verified (reverting it recovers at least half of the change)`,
    ...failed ? [`${failed} could not be reverted`] : []
  ];
  const parts = [`Causes checked by reverting each blamed function alone and measuring that build against this PR in ${causal.rounds} pairs: ${counts.join(", ")}`];
  if (bisected) parts.push(`the commit found by bisecting the PR's commits for ${bisected} row${bisected === 1 ? "" : "s"}`);
  if (budget) parts.push(`${budget} check${budget === 1 ? "" : "s"} skipped for lack of budget (${minutes})`);
  return parts.join("; ") + ".";
}

// src/report/why.ts
function tooFewSamples(row, alpha) {
  if (!row.base || !row.head) return false;
  const need = uTestSamplesNeeded(alpha);
  return row.base.n < need.n && row.head.n < need.n;
}
function allocationFree(rows) {
  return new Set(
    rows.filter((r) => r.unit === "allocs/op" && r.exact && r.base?.center === 0 && r.head?.center === 0).map(benchmarkKey)
  );
}
function shortWhy(report) {
  const noAllocs = allocationFree(report.rows);
  return (row) => shortWhyOf(row, report.settings, noAllocs.has(benchmarkKey(row)));
}
function pairedWhy(row, p, s) {
  const interval = Number.isFinite(p.lo) ? `${signedPercent((p.lo - 1) * 100)}\u2026${signedPercent((p.hi - 1) * 100)}` : null;
  if (row.verdict === "noisy") return interval ? `noisy: ${interval} allows +${s.threshold}%` : `noisy: ${p.n} pairs, no interval`;
  if (isChange(row) || row.verdict === "unconfirmed") return row.verdict;
  const judged = row.q ?? p.p;
  if (judged <= s.alpha) return `${signedPercent((p.ratio - 1) * 100)} < ${s.threshold}% threshold`;
  return interval ? `${interval}: no slowdown \u2265 ${s.threshold}%` : `${row.q != null ? "q" : "p"}=${formatFixed(judged, 3)} > \u03B1=${formatGoV(s.alpha)}`;
}
function shortWhyOf(row, s, allocationFreeBytes) {
  if (row.verdict === "new") return "new benchmark";
  if (row.verdict === "removed") return "removed benchmark";
  if (row.paired && !row.exact) return pairedWhy(row, row.paired, s);
  if (row.verdict === "noisy") {
    return row.noisePercent != null ? `noisy: \xB1${formatFixed(row.noisePercent, 1)}% > ${s.threshold}%` : "noisy";
  }
  if (row.verdict === "regression") return "regression";
  if (row.verdict === "improvement") return "improvement";
  if (row.unit === "B/op" && allocationFreeBytes && row.base?.center !== row.head?.center) {
    return "no allocs/op: runtime bytes";
  }
  if (row.exact) return row.base?.center === row.head?.center ? "same value" : testLabel("by-value");
  const judged = row.q ?? row.p;
  const name = row.q != null ? "q" : "p";
  if (judged === null || judged === void 0) return "\u2014";
  if (judged > s.alpha) {
    if (tooFewSamples(row, s.alpha)) return `too few samples (n=${row.base.n}+${row.head.n})`;
    return `${name}=${formatFixed(judged, 3)} > \u03B1=${formatGoV(s.alpha)}`;
  }
  const delta = row.deltaPercent;
  if (delta !== null && row.noisePercent != null && Math.abs(delta) <= row.noisePercent) {
    return `${signedPercent(delta)} within noise \xB1${formatFixed(row.noisePercent, 1)}%`;
  }
  if (delta !== null && Math.abs(delta) < s.threshold) return `${signedPercent(delta)} < ${s.threshold}% threshold`;
  return "unchanged";
}
function noisyAdvice(s) {
  return `noisy: too noisy to judge either way \u2014 the samples scatter around the median by more than the ${s.threshold}% threshold (a robust spread, the larger side), so a change of that size could hide in them; a longer -benchtime or more rounds makes them steadier.`;
}
function whyAdvice(report, rows = report.rows) {
  const s = report.settings;
  const out = [];
  if (rows.some((r) => r.verdict === "noisy")) out.push(noisyAdvice(s));
  if (rows.some((r) => r.verdict === "unchanged" && !r.exact && tooFewSamples(r, s.alpha) && (r.q ?? r.p ?? 0) > s.alpha)) {
    const need = uTestSamplesNeeded(s.alpha);
    out.push(`too few samples: the test needs ${need.op} ${need.n} samples a side to detect a difference at \u03B1=${formatGoV(s.alpha)}.`);
  }
  return out;
}

// src/report/offsets-text.ts
function shareText(share) {
  return Number.isFinite(share) ? `${formatFixed(share * 100, 0).replace(/^-/, "\u2212")}%` : "?";
}
function offsetDelta(f, unit) {
  if (!Number.isFinite(f.delta)) return "?";
  return `${f.delta < 0 ? "\u2198" : "\u2197"} ${formatDelta2(f.delta, unit)}`;
}
function netPhrase(a, row) {
  if (!a.offsets?.length || a.changedNet === void 0 || !Number.isFinite(a.changedNet) || !row.base || !row.head) return null;
  return `changed functions net ${formatDelta2(a.changedNet, row.unit)} of ${formatDelta2(row.head.center - row.base.center, row.unit)}/op`;
}

// src/report/markdown.ts
var UNIT_SUFFIX = { "sec/op": "s", "B/op": "B", "B/s": "B/s", "allocs/op": "" };
function formatValue(value, unit, others = []) {
  const scaler = commonScale([value, ...others], unitClass(unit));
  return formatScaled(value, scaler) + (UNIT_SUFFIX[unit] ?? "");
}
function summaryCell(s, other, unit, exact) {
  if (!s) return "\u2014";
  const value = formatValue(s.center, unit, other ? [other.center] : []);
  if (exact || s.lo === s.hi) return value;
  return `${value} \xB1 ${pctRange(s.center, s.lo, s.hi)}`;
}
function deltaCell(row, bold) {
  if (row.verdict === "new") return "new";
  if (row.verdict === "removed") return "removed";
  if ((row.deltaPercent === null || !Number.isFinite(row.deltaPercent)) && row.base && row.head && row.base.center !== row.head.center) {
    const text2 = formatDelta2(row.head.center - row.base.center, row.unit);
    return bold ? `**${text2}**` : text2;
  }
  const delta = verdictDelta(row);
  if (delta === null || !Number.isFinite(delta)) return "?";
  if (row.verdict === "noisy" || row.verdict === "unconfirmed") return `possibly ${signedPercent(delta)}`;
  if (row.verdict !== "regression" && row.verdict !== "improvement" && !row.significant) return "~";
  const text = signedPercent(delta);
  return bold ? `**${text}**` : text;
}
function pCell(row) {
  if (row.exact) return "exact";
  const raw = row.paired ? row.paired.p : row.p;
  if (raw === null) return "\u2014";
  const p = formatFixed(raw, 3);
  return row.q !== void 0 && row.q !== null ? `${p} (q=${formatFixed(row.q, 3)})` : p;
}
function benchmarkCell(row) {
  const pkg = row.package.split("/").pop() || row.package;
  return `${inlineCode(pkg)} ${escapeMarkdown(row.name)}`;
}
function shortSha(sha) {
  return sha ? sha.slice(0, 7) : "";
}
function fileLink(fn, ctx) {
  const base = fn.file.split("/").pop() ?? fn.file;
  const label = `${base} L${fn.startLine}\u2013${fn.endLine}`;
  if (!ctx.blobUrl || !/^[\w./-]+$/.test(fn.file)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${ctx.blobUrl}${fn.file}#L${fn.startLine}-L${fn.endLine})`;
}
function shortFunction(name) {
  const slash = name.lastIndexOf("/");
  return slash >= 0 ? name.slice(slash + 1) : name;
}
function likelyCause(row, ctx) {
  const a = row.attribution;
  if (!a) return "";
  const top = a.functions[0];
  if (!top) return a.note ? escapeMarkdown(a.note) : "";
  const parts = [inlineCode(shortFunction(top.function))];
  if (top.changed) parts.push(`\u270F\uFE0F ${fileLink(top, ctx)}`);
  else parts.push("(not changed in this PR)");
  const causal = causalPhrase(top);
  if (isVerified(top)) parts.push(`\u2014 ${escapeMarkdown(causal)}`);
  else if (row.base && row.head && Number.isFinite(top.delta)) {
    parts.push(`\u2014 ${formatDelta2(top.delta, row.unit)} of ${formatDelta2(row.head.center - row.base.center, row.unit)}/op`);
    const net = netPhrase(a, row);
    const offset = a.offsets?.[0];
    if (net && offset) {
      const others = a.offsets.length > 1 ? ` and ${a.offsets.length - 1} more` : "";
      parts[parts.length - 1] += `, offset by ${inlineCode(shortFunction(offset.function))} ${offsetDelta(offset, row.unit)}${others} (${net})`;
    }
  }
  const more = [!isVerified(top) && causal ? escapeMarkdown(causal) : null, commitPhrase(a)].filter(Boolean);
  return parts.join(" ") + (more.length ? `; ${more.join("; ")}` : "");
}
var MARK = { regression: "\u{1F534}", improvement: "\u{1F7E2}", unconfirmed: "\u{1F7E1}", noisy: "\u{1F7E1}" };
function marker(row) {
  if (isClearedSuspect(row)) return "\u26AA";
  return MARK[row.verdict] ?? "";
}
function changedTable(rows, ctx) {
  const verified = rows.some((r) => r.attribution?.functions[0] && isVerified(r.attribution.functions[0]));
  const header = ["", "benchmark", "metric", "base", "this PR", "\u0394", "p", verified ? "cause" : "likely cause"];
  const body = rows.map((r) => [
    marker(r),
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, r.verdict === "regression"),
    pCell(r),
    [likelyCause(r, ctx), flameGraphLink(r, ctx)].filter(Boolean).join(" \xB7 ")
  ]);
  const align = ["l", "l", "l", "r", "r", "r", "r", "l"];
  const trends = rows.map((r) => trendOf(ctx.history, r.package, r.name, r.unit));
  if (trends.some(Boolean)) {
    header.splice(4, 0, `${escapeMarkdown(ctx.baseline.ref || "base")} trend`);
    align.splice(4, 0, "l");
    for (const [i, row] of body.entries()) row.splice(4, 0, trends[i]);
  }
  return markdownTable([header, ...body], { align });
}
var FLAME_REF = "flame-graphs";
function flameUrl(ctx) {
  return ctx.flameGraphUrl && /^https?:\/\/[^\s<>]+$/.test(ctx.flameGraphUrl) ? ctx.flameGraphUrl : void 0;
}
function flameGraphLink(r, ctx) {
  if (!r.flamegraph || !/^[\w./-]+$/.test(r.flamegraph)) return "";
  return flameUrl(ctx) ? `[flame graph][${FLAME_REF}]` : `[flame graph](${r.flamegraph})`;
}
function confirmationLine(r) {
  const c = r.confirmation;
  if (!c) return "";
  const n = `n=${c.base.n}+${c.head.n}`;
  const d = c.deltaPercent === null ? "?" : signedPercent(c.deltaPercent);
  const p = c.p === null ? "" : `, p=${formatFixed(c.p, 3)}`;
  const what = r.confirmed ? "confirmed" : r.confirmed === null ? "not judged" : "cleared";
  const how = c.paired ? `${c.paired.n} fresh pairs` : "alternating rounds";
  return `${benchmarkCell(r)} ${r.unit}: ${what} by ${how} on this runner (${d}${p}, ${n}) \u2014 ${escapeMarkdown(c.reason)}`;
}
function commitsIn(f) {
  return f.commits.length ? " in " + f.commits.slice(0, 3).map((c) => `${inlineCode(shortSha(c.sha))} ${escapeMarkdown(c.subject)}`).join(", ") : "";
}
function attributionDetails(row, ctx, withDiagnosis) {
  const a = row.attribution;
  const attributed = !!a && (a.functions.length > 0 || !!a.note);
  const diagnosis = withDiagnosis ? row.diagnosis : void 0;
  if (!attributed && !diagnosis) return "";
  const lines = [];
  const why = row.verdict === "regression" ? "why it is slower" : "why it is faster";
  const what = attributed ? row.unit === "sec/op" ? "CPU profile" : "memory profile" : "GC and scheduler";
  lines.push(`<details><summary>${marker(row)} ${escapeHtml(row.name)} (${escapeHtml(row.unit)}) \u2014 ${why} (${what}, per op)</summary>`, "");
  if (a && a.functions.length > 0) {
    const header = ["function", "\u0394 per op", "share", "changed in this PR"];
    const body = a.functions.slice(0, 8).map((f) => [
      inlineCode(shortFunction(f.function)),
      Number.isFinite(f.delta) ? formatDelta2(f.delta, row.unit) : "?",
      shareText(f.share),
      f.changed ? `\u270F\uFE0F ${fileLink(f, ctx)}${commitsIn(f)}` + (causalPhrase(f) ? ` \u2014 ${escapeMarkdown(causalPhrase(f))}` : "") : ""
    ]);
    const offsets = (a.offsets ?? []).map((f) => [
      inlineCode(shortFunction(f.function)),
      offsetDelta(f, row.unit),
      shareText(f.share),
      `\u270F\uFE0F ${fileLink(f, ctx)}${commitsIn(f)} \u2014 offsets: moved the other way`
    ]);
    lines.push(markdownTable([header, ...body, ...offsets], { align: ["l", "r", "r", "l"] }), "");
    const net = netPhrase(a, row);
    if (net) {
      lines.push(
        `${escapeMarkdown(net[0].toUpperCase() + net.slice(1))}: work moved between changed functions; the offsets are those that moved against the row by at least 5% of its \u0394.`,
        ""
      );
    }
  }
  if (a?.note) lines.push(escapeMarkdown(a.note), "");
  if (diagnosis) lines.push(diagnosisTable(diagnosis), "", `GC and scheduler: ${escapeMarkdown(interpretDiagnosis(diagnosis))}.`, "");
  lines.push("</details>");
  return lines.join("\n");
}
function diagnosisTable(d) {
  const fmt = (v, f) => v === null ? "\u2014" : f(v);
  const g3 = (x) => x === 0 ? "0" : Math.abs(x) >= 1e3 ? formatFixed(x, 0) : Number(x.toPrecision(3)).toString();
  const ns = (x) => `${g3(x)} ns`;
  const pct = (x) => `${formatFixed(x * 100, 1)}%`;
  const mib = (x) => `${formatFixed(x / 2 ** 20, 0)} MiB`;
  const rows = [
    ["GC cycles per op", "gcCyclesPerOp", g3],
    ["STW sweep termination per op", "stwSweepTermNsPerOp", ns],
    ["STW mark termination per op", "stwMarkTermNsPerOp", ns],
    ["concurrent mark per op", "concurrentMarkNsPerOp", ns],
    ["GC CPU share", "gcCpuFraction", pct],
    ["heap goal", "heapGoalBytes", mib],
    ["mark assist (CPU profile)", "assistShare", pct],
    ["scheduler latency per op", "schedLatencyNsPerOp", ns]
  ];
  const body = rows.map(([label, k, f]) => [label, fmt(d.base[k], f), fmt(d.head[k], f)]);
  return markdownTable([["GC and scheduler", "base", "this PR"], ...body], { align: ["l", "r", "r"] });
}
function unchangedSection(rows, report) {
  if (rows.length === 0) return "";
  const why = shortWhy(report);
  const header = ["benchmark", "metric", "base", "this PR", "\u0394", "p", "why unchanged"];
  const body = rows.map((r) => [
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, false),
    pCell(r),
    escapeMarkdown(why(r))
  ]);
  const advice = whyAdvice(report, rows).map((a) => escapeMarkdown(a));
  const names = new Set(rows.map(benchmarkKey));
  return [
    `<details><summary>${names.size} unchanged${rows.some((r) => r.verdict === "noisy") ? " or too noisy" : ""} benchmarks (${rows.length} rows)</summary>`,
    "",
    markdownTable([header, ...body], { align: ["l", "l", "r", "r", "r", "r", "l"] }),
    "",
    ...advice.length ? [advice.join("\n\n"), ""] : [],
    "</details>"
  ].join("\n");
}
function headline(report, ctx) {
  const g = ctx.gate;
  const benchmarks = new Set(report.rows.map(benchmarkKey)).size;
  const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const undecided = [
    g.unconfirmed.length > 0 ? `${g.unconfirmed.length} unconfirmed` : "",
    g.noisy.length > 0 ? `${count(g.noisy.length, "row")} too noisy to judge, possibly ${possibly(g.noisy)}` : ""
  ].filter(Boolean);
  if (g.regressions.length > 0 || g.failed) {
    const more = g.counted.length - g.regressions.length;
    const what = [count(g.regressions.length, "regression"), ...more > 0 ? undecided : []].join(", ");
    const tail = g.waivedBy ? `waived by label ${inlineCode(g.waivedBy)}` : g.failed ? "merge blocked" : "not gating";
    const icon2 = g.waivedBy || !g.failed ? "\u26A0\uFE0F" : "\u274C";
    return `### ${icon2} benchgate: ${what} in ${count(benchmarks, "benchmark")} \u2014 ${tail}`;
  }
  if (ctx.missingShards && ctx.missingShards.length > 0) {
    return `### \u26A0\uFE0F benchgate: incomplete \u2014 ${count(ctx.missingShards.length, "shard problem")}; no regressions in the ${count(benchmarks, "benchmark")} that ran`;
  }
  if (ctx.incomplete && ctx.incomplete.length > 0) {
    return `### \u26A0\uFE0F benchgate: incomplete \u2014 ${count(ctx.incomplete.length, "package")} failed; no regressions in the ${count(benchmarks, "benchmark")} that ran`;
  }
  const better = g.improvements.length > 0 ? `, ${count(g.improvements.length, "improvement")}` : "";
  const open = undecided.length > 0 ? `, ${undecided.join(", ")}` : "";
  const named = new Set(g.noisy.map(benchmarkKey));
  const noisy = new Set(
    report.rows.filter((r) => r.verdict === "noisy" && !named.has(benchmarkKey(r))).map(benchmarkKey)
  ).size;
  const tooNoisy = noisy > 0 ? `, ${count(noisy, named.size > 0 ? "more benchmark" : "benchmark")} too noisy to judge` : "";
  const gated = /* @__PURE__ */ new Set([...g.regressions, ...g.unconfirmed, ...g.cleared]);
  const ungated = report.rows.filter((r) => r.verdict === "regression" && !gated.has(r)).length;
  const other = ungated > 0 ? `, ${count(ungated, "regression")} in ungated metrics` : "";
  const cleared = g.cleared.length > 0 ? `, ${count(g.cleared.length, "suspect")} cleared` : "";
  if (report.rows.length === 0 && (report.skipped?.length ?? 0) > 0) return "### \u2705 benchgate: no benchmark package is affected by this PR";
  const icon = undecided.length > 0 ? "\u26A0\uFE0F" : "\u2705";
  return `### ${icon} benchgate: no regressions in ${count(benchmarks, "benchmark")}${better}${open}${cleared}${tooNoisy}${other}`;
}
function possibly(rows) {
  const ds = rows.map(verdictDelta).filter((d) => d !== null && Number.isFinite(d));
  if (ds.length === 0) return "a slowdown";
  const lo = Math.min(...ds);
  const hi = Math.max(...ds);
  return lo === hi || ds.length === 1 ? signedPercent(hi) : `${signedPercent(lo)}\u2026${formatFixed(hi, 1)}%`;
}
var MAX_SKIPPED_SHOWN = 50;
function skippedSection(report) {
  const skipped = report.skipped ?? [];
  if (skipped.length === 0) return "";
  const n = skipped.length;
  const items = skipped.slice(0, MAX_SKIPPED_SHOWN).map((s) => `- ${escapeMarkdown(s.package)}: ${escapeMarkdown(s.reason)}`);
  if (n > MAX_SKIPPED_SHOWN) items.push(`- \u2026 ${n - MAX_SKIPPED_SHOWN} more: see report.json`);
  const what = `${n} package${n === 1 ? "" : "s"} not affected by this PR ${n === 1 ? "was" : "were"} not measured`;
  return `<details><summary>${what}</summary>

${items.join("\n")}

</details>`;
}
function footer(report, ctx) {
  const b = ctx.baseline;
  const s = report.settings;
  const parts = [];
  const where = b.source === "artifact" ? `the baseline artifact of ${b.ref ? inlineCode(b.ref) : "the base branch"}${b.commit ? " @ " + shortSha(b.commit) : ""}${b.runNumber ? ` (run #${b.runNumber})` : ""}` : b.source === "rerun" ? `${b.ref ? inlineCode(b.ref) : "the merge base"}${b.commit ? " @ " + shortSha(b.commit) : ""}, run here in alternating rounds` : `${b.ref ? inlineCode(b.ref) : "the stored baseline"}${b.commit ? " @ " + shortSha(b.commit) : ""}`;
  const samples = !ctx.rounds ? "" : ctx.minRounds !== void 0 && ctx.minRounds < ctx.rounds ? `, up to ${ctx.rounds} samples a side (benchmarks whose intervals ruled out a ${s.threshold}% slowdown stopped after ${ctx.minRounds})` : `, ${ctx.rounds} samples a side`;
  parts.push(`Compared against ${where}${samples}.`);
  if (b.environmentNote) parts.push(`\u26A0\uFE0F ${escapeMarkdown(b.environmentNote)}.`);
  if (ctx.confirmRounds) parts.push(`Suspects re-run in ${ctx.confirmRounds} alternating rounds against the merge base on this runner before they count.`);
  const fdr = report.rows.some((r) => r.q !== void 0 && r.q !== null);
  const paired = report.rows.find((r) => r.paired)?.paired;
  const pairings = new Set(report.rows.flatMap((r) => r.paired ? [r.paired.pairing] : []));
  const measured = pairings.size === 1 && pairings.has("duet") ? "at once" : pairings.size === 1 && pairings.has("sequential") ? "back to back" : "at once where the machine was free, else back to back (each row in the JSON report says how)";
  const looked = report.rows.some((r) => r.paired?.lookP);
  const test = paired ? `${testLabel("wilcoxon-signed-rank")} (base and head of each benchmark measured ${measured}; \u0394 is the Hodges\u2013Lehmann estimate, medians and intervals are benchstat's)` : testLabel("mann-whitney-u");
  parts.push(
    `Test: ${test}, \u03B1 = ${s.alpha}${fdr ? " after Benjamini\u2013Hochberg false-discovery-rate control (q)" : ""}, minimum effect ${s.threshold}%; allocation counts and other deterministic metrics ${testLabel("by-value")}.` + (looked ? " Rows too noisy to judge at first earned more pairs; \u03B1 was split between the looks (80% at the first)." : "")
  );
  const causal = causalFooter(report, ctx.causal);
  if (causal) parts.push(causal);
  if (ctx.gate.waivedBy) parts.push(`The gate was waived by the label ${inlineCode(ctx.gate.waivedBy)}.`);
  return parts.join(" ");
}
function renderMarkdown(report, ctx) {
  const max = ctx.maxLength ?? MAX_COMMENT_LENGTH;
  const undecided = /* @__PURE__ */ new Set([...ctx.gate.unconfirmed, ...ctx.gate.noisy]);
  const changed = report.rows.filter((r) => isChange(r) || undecided.has(r) || isClearedSuspect(r));
  changed.sort((a, b) => rank(a) - rank(b) || Math.abs(verdictDelta(b) ?? 0) - Math.abs(verdictDelta(a) ?? 0));
  const others = report.rows.filter((r) => !changed.includes(r));
  const top = [headline(report, ctx), ""];
  for (const line of [...ctx.missingShards ?? [], ...ctx.incomplete ?? []]) top.push(`> \u26A0\uFE0F ${escapeMarkdown(line)}`);
  for (const n2 of ctx.notices ?? []) top.push(`> ${escapeMarkdown(n2)}`);
  if ((ctx.missingShards?.length ?? 0) + (ctx.incomplete?.length ?? 0) + (ctx.notices?.length ?? 0) > 0) top.push("");
  const skipped = skippedSection(report);
  const flames = changed.some((r) => flameGraphLink(r, ctx) !== "");
  const flameNote = flames && flameUrl(ctx) ? ["", `Flame graphs (width: cost per op in this PR; red slower, blue faster): in the result artifact, as \`flamegraphs/<package>/<benchmark>.<unit>.html\`.`, "", `[${FLAME_REF}]: <${flameUrl(ctx)}>`] : [];
  const end = [...skipped ? ["", skipped] : [], "", footer(report, ctx), ...flameNote, ...ctx.marker ? ["", ctx.marker] : []];
  const build = (nChanged, withDetails, withUnchanged) => {
    const out = [...top];
    const shown = changed.slice(0, nChanged);
    if (shown.length > 0) out.push(changedTable(shown, ctx), "");
    if (changed.length > nChanged) {
      out.push(`\u2026 ${changed.length - nChanged} more changed rows: ${ctx.fullReportHint ?? "see the full report"}.`, "");
    }
    const confirmations = shown.filter((r) => r.confirmation).map(confirmationLine);
    if (confirmations.length) out.push(confirmations.map((l) => `- ${l}`).join("\n"), "");
    if (withDetails) {
      const diagnosed = /* @__PURE__ */ new Set();
      for (const r of shown) {
        const key = `${r.package}\0${r.name}`;
        const d = attributionDetails(r, ctx, !diagnosed.has(key));
        if (r.diagnosis) diagnosed.add(key);
        if (d) out.push(d, "");
      }
    }
    if (withUnchanged) out.push(unchangedSection(others, report));
    else if (others.length) out.push(`${others.length} unchanged rows: ${ctx.fullReportHint ?? "see the full report"}.`);
    return out.join("\n").trimEnd() + "\n" + end.join("\n") + "\n";
  };
  let text = build(changed.length, true, true);
  if (text.length <= max) return text;
  text = build(changed.length, true, false);
  if (text.length <= max) return text;
  text = build(changed.length, false, false);
  let n = changed.length;
  while (text.length > max && n > 0) {
    n = Math.floor(n / 2);
    text = build(n, false, false);
  }
  return text.length <= max ? text : text.slice(0, max - 200) + "\n\n\u2026 cut to fit.\n" + (ctx.marker ?? "");
}
function rank(r) {
  if (r.verdict === "regression") return 0;
  if (r.verdict === "unconfirmed" || r.verdict === "noisy") return 1;
  if (r.verdict === "improvement") return 2;
  return 3;
}

// src/types.ts
function warningLine(w) {
  return w.side ? `${w.side}: ${w.message}` : w.message;
}
function failedPackageLines(report) {
  return report.warnings.filter((w) => w.kind === "package-failed").map(warningLine);
}

// src/report/json.ts
var JSON_REPORT_SCHEMA = 2;
function toJsonReport(report, extra) {
  const body = {
    ...extra ?? {},
    schema: JSON_REPORT_SCHEMA,
    rows: report.rows.map(rowToJson),
    geomean: report.geomean.map((g) => ({ unit: g.unit, base: num(g.base), head: num(g.head), deltaPercent: num(g.deltaPercent) })),
    // One line each, as before kinds existed; `warningDetails` has the same warnings as data.
    warnings: report.warnings.map(warningLine),
    warningDetails: report.warnings.map((w) => ({ kind: w.kind, side: w.side ?? null, message: w.message })),
    settings: { ...report.settings },
    skipped: (report.skipped ?? []).map((s) => ({ package: s.package, reason: s.reason }))
  };
  return JSON.stringify(body, (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value, 2) + "\n";
}
function rowToJson(row) {
  return {
    package: row.package,
    name: row.name,
    unit: row.unit,
    base: summaryToJson(row.base),
    head: summaryToJson(row.head),
    deltaPercent: num(row.deltaPercent),
    p: num(row.p),
    q: num(row.q),
    significant: row.significant,
    verdict: row.verdict,
    reason: row.reason,
    test: row.test ?? null,
    paired: pairedToJson(row.paired),
    exact: row.exact ?? false,
    noisePercent: num(row.noisePercent),
    suspect: row.suspect ?? false,
    screen: row.screen ? { verdict: row.screen.verdict, reason: row.screen.reason } : null,
    confirmed: row.confirmed ?? null,
    confirmation: row.confirmation ? {
      base: summaryToJson(row.confirmation.base),
      head: summaryToJson(row.confirmation.head),
      deltaPercent: num(row.confirmation.deltaPercent),
      p: num(row.confirmation.p),
      paired: pairedToJson(row.confirmation.paired),
      verdict: row.confirmation.verdict,
      reason: row.confirmation.reason
    } : null,
    attribution: row.attribution ? {
      functions: row.attribution.functions.map(attributedFunctionToJson),
      offsets: (row.attribution.offsets ?? []).map(attributedFunctionToJson),
      changedNet: row.attribution.changedNet === void 0 ? null : num(row.attribution.changedNet),
      note: row.attribution.note,
      commit: commitToJson(row.attribution.commit)
    } : null,
    diagnosis: row.diagnosis ? { base: diagnosisSideToJson(row.diagnosis.base), head: diagnosisSideToJson(row.diagnosis.head) } : null,
    flamegraph: row.flamegraph ?? null
  };
}
function attributedFunctionToJson(f) {
  return {
    function: f.function,
    file: f.file,
    startLine: f.startLine,
    endLine: f.endLine,
    changed: f.changed,
    commits: f.commits.map((c) => ({ sha: c.sha, subject: c.subject })),
    delta: num(f.delta),
    share: num(f.share),
    causal: causalToJson(f.causal)
  };
}
function diagnosisSideToJson(d) {
  const out = {};
  for (const k of DIAGNOSIS_KEYS) out[k] = num(d[k]);
  return out;
}
var DIAGNOSIS_KEYS = [
  "gcCyclesPerOp",
  "stwSweepTermNsPerOp",
  "stwMarkTermNsPerOp",
  "concurrentMarkNsPerOp",
  "gcCpuFraction",
  "heapGoalBytes",
  "assistShare",
  "schedLatencyNsPerOp"
];
function causalToJson(c) {
  if (!c) return null;
  if ("skipped" in c) return { skipped: c.skipped };
  return { recovered: num(c.recovered), lo: num(c.lo), hi: num(c.hi), n: c.n, p: num(c.p), verified: c.verified, method: c.method };
}
function commitToJson(c) {
  if (!c) return null;
  if ("skipped" in c) return { skipped: c.skipped };
  return {
    sha: c.sha,
    subject: c.subject,
    index: c.index,
    of: c.of,
    method: c.method,
    steps: c.steps.map((s) => ({ sha: s.sha, index: s.index, n: s.n, ratio: num(s.ratio), lo: num(s.lo), hi: num(s.hi), p: num(s.p), present: s.present }))
  };
}
function pairedToJson(p) {
  if (!p) return null;
  return {
    n: p.n,
    ratio: num(p.ratio),
    lo: num(p.lo),
    hi: num(p.hi),
    p: num(p.p),
    lookP: p.lookP ? p.lookP.map(num) : null,
    method: p.method,
    pairing: p.pairing,
    duetPairs: p.duetPairs ?? null
  };
}
function summaryToJson(s) {
  if (!s) return null;
  return { n: s.n, center: num(s.center), lo: num(s.lo), hi: num(s.hi), warnings: [...s.warnings] };
}
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

// src/commands/common.ts
import { parseArgs } from "node:util";

// src/gotool/progress.ts
function formatDuration(ms) {
  const total = Math.round(ms / 1e3);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total % 3600 / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}
function formatProgress(e) {
  const verb = e.phase === "build" ? "building" : e.phase === "list" ? "listing benchmarks of" : "running";
  const parts = [`${verb} package ${e.index} of ${e.total} (${e.pkg})`];
  if (e.round !== void 0 && e.rounds !== void 0) parts.push(`round ${e.round} of ${e.rounds}`);
  if (e.side) parts.push(e.side);
  if (e.benchmark !== void 0) parts.push(`benchmark ${e.benchmark}`);
  parts.push(`${formatDuration(e.elapsedMs)} elapsed`);
  if (e.remainingMs !== null) parts.push(`about ${formatDuration(e.remainingMs)} left`);
  return parts.join(", ");
}
var StepClock = class {
  constructor(steps, now = Date.now) {
    this.steps = steps;
    this.now = now;
    this.started = now();
  }
  steps;
  now;
  done = 0;
  started;
  /** Counts steps that turned up on the way (e.g. a listing run repeated after a crash). */
  addStep(n = 1) {
    this.steps += n;
  }
  /** Timing fields for the event announcing the start of the next step. */
  next() {
    const elapsedMs = this.now() - this.started;
    const remainingMs = this.done === 0 ? null : elapsedMs / this.done * (this.steps - this.done);
    this.done++;
    return { step: this.done, steps: this.steps, elapsedMs, remainingMs };
  }
};

// src/gotool/progress-display.ts
var ROUND_GAP_MS = 5e3;
var STEP_GAP_MS = 3e4;
var ERASE_LINE = "\r\x1B[2K";
function isInteractive(stream, env = process.env) {
  const ci = env.CI !== void 0 && env.CI !== "" && env.CI !== "false" && env.CI !== "0";
  return stream.isTTY === true && !ci && env.TERM !== "dumb";
}
function progressDisplay(stream, opts = {}) {
  if (isInteractive(stream, opts.env)) return statusLine(stream, opts);
  return { ...progressLines((line) => stream.write(line + "\n"), opts), print: (text) => stream.write(text) };
}
function isNewPhase(phase, e) {
  return phase === null || phase.last.phase !== e.phase || phase.last.steps !== e.steps || e.step < phase.last.step;
}
function formatPhaseEnd(phase, ms) {
  const e = phase.last;
  const what = e.phase === "build" ? `${e.step} test binar${e.step === 1 ? "y" : "ies"}` : e.round !== void 0 && e.rounds !== void 0 ? `${e.round} of ${e.rounds} rounds` : `${e.total} package${e.total === 1 ? "" : "s"}`;
  const verb = e.phase === "build" ? "building" : e.phase === "list" ? "listing" : "running";
  return `${verb} done (${what}) in ${formatDuration(ms)}`;
}
function formatStatus(e, elapsedMs, remainingMs) {
  const parts = [];
  if (e.phase === "build") parts.push(`building test binary ${e.step} of ${e.steps}`);
  else if (e.round !== void 0 && e.rounds !== void 0) parts.push(`running round ${e.round} of ${e.rounds}`);
  else parts.push(`running package ${e.index} of ${e.total}`);
  parts.push(`${formatDuration(elapsedMs)} elapsed` + (remainingMs !== null ? `, about ${formatDuration(remainingMs)} left` : ""));
  const where = [e.phase === "run" && e.round !== void 0 ? `package ${e.index} of ${e.total}` : "", e.pkg, e.side ? `(${e.side})` : "", e.benchmark ?? ""].filter((x) => x !== "").join(" ");
  return `benchgate: ${parts.join(", ")} \xB7 ${where}`;
}
function fitToWidth(text, columns) {
  if (!columns || columns < 10) return text;
  const chars = Array.from(text);
  return chars.length < columns ? text : chars.slice(0, columns - 2).join("") + "\u2026";
}
function statusLine(stream, opts) {
  const now = opts.now ?? Date.now;
  const refreshMs = opts.refreshMs ?? 1e3;
  let phase = null;
  let seenAt = 0;
  let shown = false;
  let timer;
  const draw = () => {
    if (!phase) return;
    const e = phase.last;
    const since = now() - seenAt;
    const remaining = e.remainingMs === null ? null : Math.max(0, e.remainingMs - since);
    stream.write(ERASE_LINE + fitToWidth(formatStatus(e, e.elapsedMs + since, remaining), stream.columns));
    shown = true;
  };
  const erase = () => {
    if (shown) stream.write(ERASE_LINE);
    shown = false;
  };
  const end = (completed = true) => {
    if (timer) clearInterval(timer);
    timer = void 0;
    erase();
    if (phase && completed) stream.write(`benchgate: ${formatPhaseEnd(phase, now() - phase.startedAt)}
`);
    phase = null;
  };
  return {
    sink: (e) => {
      if (isNewPhase(phase, e)) {
        end();
        phase = { last: e, startedAt: now() - e.elapsedMs };
        if (refreshMs > 0) {
          timer = setInterval(draw, refreshMs);
          timer.unref?.();
        }
      }
      phase.last = e;
      seenAt = now();
      draw();
    },
    print: (text) => {
      const redraw = shown;
      erase();
      stream.write(text);
      if (redraw) draw();
    },
    end
  };
}
async function tracked(display, work) {
  let completed = false;
  try {
    const result2 = await work(display.sink);
    completed = true;
    return result2;
  } finally {
    display.end(completed);
  }
}
function progressLines(writeLine, opts = {}) {
  const now = opts.now ?? Date.now;
  let phase = null;
  let lastLineAt = 0;
  const line = (text) => {
    writeLine(`benchgate: ${text}`);
    lastLineAt = now();
  };
  const end = (completed = true) => {
    if (phase && completed) line(formatPhaseEnd(phase, now() - phase.startedAt));
    phase = null;
  };
  return {
    sink: (e) => {
      if (isNewPhase(phase, e)) {
        end();
        phase = { last: e, startedAt: now() - e.elapsedMs };
        line(formatProgress(e));
        return;
      }
      const roundStarts = e.round !== void 0 && e.round !== phase.last.round;
      phase.last = e;
      const quiet = now() - lastLineAt;
      if (roundStarts && quiet >= ROUND_GAP_MS || quiet >= STEP_GAP_MS) line(formatProgress(e));
    },
    print: (text) => writeLine(text.replace(/\n$/, "")),
    end
  };
}

// src/report/csv.ts
var CSV_COLUMNS = [
  "package",
  "name",
  "unit",
  "base_n",
  "base_center",
  "base_lo",
  "base_hi",
  "head_n",
  "head_center",
  "head_lo",
  "head_hi",
  "delta_percent",
  "p",
  "q",
  "significant",
  "verdict",
  "reason",
  "exact",
  "confirmed",
  "test",
  "paired_n",
  "paired_ratio",
  "paired_lo",
  "paired_hi",
  "paired_p"
];
function toCsvReport(report) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of report.rows) lines.push(rowCells(row).map(csvField).join(","));
  return lines.join("\r\n") + "\r\n";
}
function rowCells(row) {
  return [
    row.package,
    row.name,
    row.unit,
    ...summaryCells(row.base),
    ...summaryCells(row.head),
    numberCell(row.deltaPercent),
    numberCell(row.p),
    numberCell(row.q),
    String(row.significant),
    row.verdict,
    row.reason,
    String(row.exact ?? false),
    row.confirmed === void 0 || row.confirmed === null ? "" : String(row.confirmed),
    row.test ?? "",
    row.paired ? String(row.paired.n) : "",
    numberCell(row.paired?.ratio ?? null),
    numberCell(row.paired?.lo ?? null),
    numberCell(row.paired?.hi ?? null),
    numberCell(row.paired?.p ?? null)
  ];
}
function summaryCells(s) {
  if (!s) return ["", "", "", ""];
  return [String(s.n), numberCell(s.center), numberCell(s.lo), numberCell(s.hi)];
}
function numberCell(v) {
  return typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}
function csvField(text) {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// src/report/attribution-text.ts
function formatAttributionText(report, maxFunctions = 5) {
  const out = [];
  for (const row of report.rows) {
    if (row.verdict !== "regression" && row.verdict !== "improvement" && row.verdict !== "unconfirmed" || !row.attribution) continue;
    const a = row.attribution;
    const delta = row.deltaPercent === null ? "" : ` ${row.deltaPercent >= 0 ? "+" : ""}${formatFixed(row.deltaPercent, 1)}%`;
    out.push(`${row.package} ${row.name} ${row.unit}${delta} ${row.verdict}:`);
    const offsets = a.offsets ?? [];
    const width2 = Math.max(0, ...[...a.functions.slice(0, maxFunctions), ...offsets].map((f) => f.function.length));
    const line = (f, delta2, tail) => {
      const share = shareText(f.share);
      const where = f.changed ? `  changed in this PR: ${f.file} L${f.startLine}\u2013${f.endLine}` + (f.commits.length ? ` (${f.commits.slice(0, 3).map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join("; ")})` : "") : "";
      out.push(`    ${f.function.padEnd(width2)}  ${delta2.padStart(12)}  ${share.padStart(4)}${where}${tail}`);
    };
    for (const f of a.functions.slice(0, maxFunctions)) {
      const causal = causalPhrase(f);
      line(f, Number.isFinite(f.delta) ? formatDelta2(f.delta, row.unit) + "/op" : "?", causal ? ` \u2014 ${causal}` : "");
    }
    for (const f of offsets) line(f, Number.isFinite(f.delta) ? offsetDelta(f, row.unit) + "/op" : "?", " \u2014 offsets: moved the other way");
    const net = netPhrase(a, row);
    if (net) out.push(`    ${net}`);
    const commit = commitPhrase(a, (s) => s);
    if (commit) out.push(`    ${commit}${a.commit && "subject" in a.commit ? ` "${a.commit.subject}"` : ""}`);
    if (a.note) out.push(`    note: ${a.note}`);
  }
  return out.length ? "\nlikely causes (from CPU and memory profiles, per op):\n" + out.join("\n") + "\n" : "";
}

// src/report/text.ts
var NAME = 0;
var BC = 1;
var BR = 2;
var BW = 3;
var HC = 4;
var HR = 5;
var HW = 6;
var DELTA = 7;
var PN = 8;
var CW = 9;
var RIGHT = /* @__PURE__ */ new Set([BC, BR, HC, HR, DELTA]);
var GAP = ["", "   ", " \xB1 ", " ", "   ", " \xB1 ", " ", "  ", " ", " "];
var Footnotes = class {
  list = [];
  index = /* @__PURE__ */ new Map();
  /** The superscript marks for these messages, numbering new ones. */
  mark(messages) {
    return messages.map((m) => {
      let i = this.index.get(m);
      if (i === void 0) {
        i = this.list.length;
        this.index.set(m, i);
        this.list.push(m);
      }
      return superscript(i + 1);
    }).join(" ");
  }
};
function formatText(report) {
  const out = [];
  let lastPkg;
  const why = shortWhy(report);
  const single = singlePackage(report.rows);
  for (const table of tables(report.rows)) {
    if (out.length) out.push("");
    if (table.pkg !== lastPkg && table.pkg !== "") out.push(`pkg: ${table.pkg}`);
    lastPkg = table.pkg;
    for (const line of formatTable(table.rows, report, single, why)) out.push(line);
  }
  if (report.rows.some((r) => r.verdict === "noisy")) out.push("", noisyAdvice(report.settings));
  return out.join("\n") + (out.length ? "\n" : "");
}
function tables(rows) {
  const byKey = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = r.package + "\0" + r.unit;
    let t = byKey.get(key);
    if (!t) byKey.set(key, t = { pkg: r.package, unit: r.unit, rows: [] });
    t.rows.push(r);
  }
  const list = [...byKey.values()];
  const pkgOrder = /* @__PURE__ */ new Map();
  for (const t of list) if (!pkgOrder.has(t.pkg)) pkgOrder.set(t.pkg, pkgOrder.size);
  return list.sort((a, b) => pkgOrder.get(a.pkg) - pkgOrder.get(b.pkg));
}
function singlePackage(rows) {
  for (const r of rows) if (r.package !== rows[0].package) return false;
  return true;
}
function formatTable(rows, report, single, why) {
  const { alpha, threshold } = report.settings;
  const unit = rows[0].unit;
  const cls = unitClass(unit);
  const notes = new Footnotes();
  const lines = [];
  for (const row of rows) {
    const line = Array(10).fill("");
    line[NAME] = row.name;
    const centers = [row.base?.center, row.head?.center].filter((x) => x !== void 0);
    const scaler = commonScale(centers, cls);
    if (row.base) {
      line[BC] = formatScaled(row.base.center, scaler);
      line[BR] = pctRange(row.base.center, row.base.lo, row.base.hi);
      line[BW] = notes.mark(row.base.warnings);
    }
    if (row.head) {
      line[HC] = formatScaled(row.head.center, scaler);
      line[HR] = pctRange(row.head.center, row.head.lo, row.head.hi);
      line[HW] = notes.mark(row.head.warnings);
    }
    const rowNotes = [];
    if (row.base && row.head) {
      const exactUnit = row.stats ? row.stats.assume === "exact" : row.exact === true && row.p === null;
      const p = row.stats?.p ?? row.p ?? 0;
      const a = row.stats?.alpha ?? (exactUnit ? 0 : alpha);
      const delta = formatDelta(p, a, row.base.center, row.head.center);
      line[DELTA] = delta;
      line[PN] = "(" + formatComparison(p, row.stats?.n1 ?? row.base.n, row.stats?.n2 ?? row.head.n) + ")";
      rowNotes.push(...row.stats?.warnings ?? []);
      if (row.verdict === "noisy") rowNotes.push(why(row));
      if (delta === "~" && rowNotes.length === 0) rowNotes.push(`no significant difference (p > \u03B1=${alpha})`);
      if (delta === "?") rowNotes.push("the base is 0: no percentage change");
      if (row.verdict !== "noisy") rowNotes.push(...verdictNotes(row, delta, threshold, alpha));
    } else {
      rowNotes.push(row.base ? "only in the base: benchmark removed" : "only in the head: new benchmark");
    }
    line[CW] = notes.mark(rowNotes);
    lines.push(line);
  }
  if (rows.length > 1) {
    const g = tableGeomean(rows, report, single);
    const line = Array(10).fill("");
    line[NAME] = "geomean";
    if (!Number.isNaN(g.base)) line[BC] = scale(g.base, cls);
    line[BW] = notes.mark(g.baseWarnings);
    if (!Number.isNaN(g.head)) line[HC] = scale(g.head, cls);
    line[DELTA] = Number.isNaN(g.deltaPercent) ? "?" : formatSignedFixed(g.deltaPercent, 2) + "%";
    line[CW] = notes.mark(g.headWarnings);
    lines.push(line);
  }
  return [...render(lines, unit), ...notes.list.map((m, i) => `${superscript(i + 1)} ${m}`)];
}
function verdictNotes(row, delta, threshold, alpha) {
  const changed = isChange(row);
  const shownAsChange = delta !== "~" && delta !== "0.00%";
  if (row.exact && row.p !== null && changed !== shownAsChange) return [`${testLabel("by-value")}: deterministic on both sides`];
  if (changed || !shownAsChange) return [];
  if (row.deltaPercent !== null && Math.abs(row.deltaPercent) < threshold) return [`below the ${threshold}% threshold: not counted as a change`];
  if (row.q != null && row.q > alpha) return [`not significant after false-discovery-rate control (q > \u03B1=${alpha})`];
  return [];
}
function tableGeomean(rows, report, single) {
  const g = geomeanSummary(rows.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
  const reported = single ? report.geomean.find((x) => x.unit === rows[0].unit) : void 0;
  return reported && reported.baseWarnings ? reported : { unit: rows[0].unit, ...g };
}
function width(s) {
  let w = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 55296 && c <= 56319 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 56320 && d <= 57343) {
        w--;
        i++;
      }
    }
  }
  return w;
}
function pad(s, w, right) {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
function render(lines, unit) {
  const widths = Array(10).fill(0);
  for (const l of lines) l.forEach((c, i) => widths[i] = Math.max(widths[i], width(c)));
  const groupWidth = (from, to) => {
    let w = 0;
    for (let i = from; i <= to; i++) w += (i === from ? 0 : GAP[i].length) + widths[i];
    return w;
  };
  const baseHeader = unit;
  const headHeader = `${unit} vs base`;
  if (groupWidth(BC, BW) < width(baseHeader)) widths[BW] += width(baseHeader) - groupWidth(BC, BW);
  if (groupWidth(HC, CW) < width(headHeader)) widths[CW] += width(headHeader) - groupWidth(HC, CW);
  const center = (s, w) => {
    const l = Math.floor((w - width(s)) / 2);
    return pad(" ".repeat(Math.max(0, l)) + s, w, false);
  };
  const bw = groupWidth(BC, BW);
  const hw = groupWidth(HC, CW);
  const name = " ".repeat(widths[NAME]);
  const header = [
    `${name} \u2502 ${center("base", bw)} \u2502 ${center("head", hw)} \u2502`,
    `${name} \u2502 ${center(baseHeader, bw)} \u2502 ${pad(center(unit, groupWidth(HC, HW)) + "  vs base", hw, false)} \u2502`
  ];
  const body = lines.map((l) => {
    let s = "";
    l.forEach((c, i) => {
      const gap = (i === BR || i === HR) && c === "" ? "   " : GAP[i];
      s += gap + pad(c, widths[i], RIGHT.has(i));
    });
    return s.trimEnd();
  });
  return [...header.map((h) => h.trimEnd()), ...body];
}

// src/commands/common.ts
var EXIT_OK = 0;
var EXIT_REGRESSION = 1;
var EXIT_USAGE = 2;
var EXIT_FAILED = 3;
var FORMATS = ["text", "markdown", "json", "csv"];
var VERDICT_OPTIONS = {
  alpha: { type: "string" },
  confidence: { type: "string" },
  threshold: { type: "string" },
  "no-fdr": { type: "boolean" },
  "gate-metrics": { type: "string" },
  "fail-on": { type: "string" },
  format: { type: "string" }
};
function parseFlags(argv, options, allowPositionals = true) {
  try {
    const { values, positionals } = parseArgs({ args: attachDashValues(argv, options), options, allowPositionals, strict: true });
    return { values, positionals };
  } catch (e) {
    const err = e;
    const flag = /'([^']+)'/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) throw usageError(`unknown flag "${flag}"`);
    throw usageError(err.message.split("\n")[0]);
  }
}
function attachDashValues(argv, options) {
  const isFlag = (a) => a === "--" || a === "-h" || Object.hasOwn(options, a.replace(/^--/, "").split("=")[0]);
  const out = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") return [...out, ...argv.slice(i)];
    const name = a.startsWith("--") && !a.includes("=") ? a.slice(2) : void 0;
    const next = argv[i + 1];
    if (name && Object.hasOwn(options, name) && options[name].type === "string" && next?.startsWith("-") && !isFlag(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}
function str(values, name) {
  const v = values[name];
  return typeof v === "string" ? v : void 0;
}
function verdictFrom(values) {
  const alpha = str(values, "alpha");
  const confidence = str(values, "confidence");
  const threshold = str(values, "threshold");
  const gate = str(values, "gate-metrics");
  return {
    alpha: alpha !== void 0 ? parseNumber("--alpha", alpha, 1e-9, 0.5) : DEFAULT_VERDICT.alpha,
    confidence: confidence !== void 0 ? parseNumber("--confidence", confidence, 0.5, 0.999999) : DEFAULT_VERDICT.confidence,
    threshold: threshold !== void 0 ? parseNumber("--threshold", threshold, 0, 1e4) : DEFAULT_VERDICT.threshold,
    fdr: values["no-fdr"] !== true,
    gateUnits: gate !== void 0 ? parseList(gate) : DEFAULT_VERDICT.gateUnits
  };
}
function failOnFrom(values) {
  return parseChoice("--fail-on", str(values, "fail-on") ?? "none", FAIL_ON_CHOICES);
}
function formatFrom(values, fallback = "text") {
  return parseChoice("--format", str(values, "format") ?? fallback, FORMATS);
}
function render2(report, format, ctx, extra) {
  switch (format) {
    case "json":
      return toJsonReport(report, extra);
    case "csv":
      return toCsvReport(report);
    case "markdown":
      return renderMarkdown(report, { ...ctx, maxLength: Number.MAX_SAFE_INTEGER });
    default:
      return formatText(report) + formatAttributionText(report) + warningsText(report);
  }
}
function warningsText(report) {
  return report.warnings.length ? "\n" + report.warnings.map((w) => `warning: ${warningLine(w)}`).join("\n") + "\n" : "";
}
function commandProgress(out, quiet, env = process.env) {
  if (quiet) return { out, track: (work) => work(void 0) };
  const display = progressDisplay(
    {
      write: out.stderr,
      isTTY: out.stderrTTY !== void 0,
      get columns() {
        return out.stderrTTY?.columns;
      }
    },
    { env }
  );
  return {
    out: { ...out, stderr: (s) => display.print(s) },
    track: (work) => tracked(display, work)
  };
}
function reportError(e, command, usage, out) {
  if (interruptedBy()) return EXIT_FAILED;
  if (e instanceof BenchgateError && e.code === "usage") {
    out.stderr(`benchgate ${command}: ${e.message}
${usage}
`);
    return EXIT_USAGE;
  }
  if (e instanceof BenchgateError) {
    out.stderr(`benchgate ${command}: ${e.message}
`);
    return EXIT_FAILED;
  }
  throw e;
}

// src/commands/usage.ts
var RUN_USAGE = 'usage: benchgate run --base <git-ref> [--head <git-ref>] [--baseline <dir>] [--packages ./...] [--affected] [--bench <regex>] [--rounds N] [--min-rounds N] [--max-rounds N] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--format text|markdown|json|csv] [--out <dir>] [--duet auto|on|off] [--confirm auto|always|never] [--confirm-rounds N] [--confirm-budget D] [--causal auto|off] [--causal-budget D] [--no-diagnose] [--alpha A] [--confidence C] [--threshold PCT] [--no-fdr] [--gate-metrics LIST] [--fail-on regression|regression-or-noisy|none] [--no-profiles] [--shard i/n] [--quiet]';
var BASELINE_USAGE = 'usage: benchgate baseline --out <dir> [--count N] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--no-profiles] [--previous <dir>] [--history-length N] [--shard i/n] [--quiet]';
var HISTORY_USAGE = "usage: benchgate history --out <page.html> [--window K] [--threshold PCT] [--alpha A] [--title T] <baseline-dir>...";
var MERGE_USAGE = 'usage: benchgate merge --out <dir> <part-dir>... [--base <git-ref>] [--head <git-ref>] [--confirm auto|always|never] [--confirm-rounds N] [--confirm-budget D] [--min-rounds N] [--duet auto|on|off] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--no-profiles] [--format text|markdown|json|csv] [--alpha A] [--confidence C] [--threshold PCT] [--no-fdr] [--gate-metrics LIST] [--fail-on regression|regression-or-noisy|none] [--quiet]';
var PROFILE_USAGE = "usage: benchgate profile top <file>... [--sample-index <type>] [--focus <regex>] [--format text|json]";

export {
  BenchgateError,
  warningText,
  formatFixed,
  comparePairs,
  extensionOutlook,
  SampleTable,
  benchmarkKey,
  rowKey,
  higherIsBetter,
  compareResults,
  compareTable,
  worstCasePercent,
  isGated,
  evaluateGate,
  estimatedSlowdown,
  PROFILE_KINDS,
  DEFAULT_DUET,
  DUET_CHOICES,
  DEFAULT_VERDICT,
  DEFAULT_RUN,
  maxRoundsOf,
  usageError,
  parseNumber,
  parseInteger,
  parseChoice,
  parseDuration,
  parseBenchtime,
  parseCpuList,
  parseList,
  splitWords,
  compareOptions,
  interruptedBy,
  trackGroup,
  onInterrupt,
  removeOnInterrupt,
  installInterruptHandlers,
  StepClock,
  parseGcTrace,
  sampleIndexByName,
  frameName,
  byName,
  byNameAndFile,
  FunctionAggregator,
  compareTop,
  wholeProfile,
  sampleFilter,
  diagnosisOf,
  formatDelta2 as formatDelta,
  escapeHtml,
  isVerified,
  causalPhrase,
  MAX_WARNINGS_PER_STEP,
  HISTORY_SCHEMA,
  DEFAULT_HISTORY_LENGTH,
  historyEntry,
  appendHistory,
  joinHistories,
  allSeries,
  parseHistory,
  DEFAULT_STEP_WINDOW,
  detectSteps,
  formatValue,
  renderMarkdown,
  failedPackageLines,
  toJsonReport,
  EXIT_OK,
  EXIT_REGRESSION,
  EXIT_USAGE,
  EXIT_FAILED,
  VERDICT_OPTIONS,
  parseFlags,
  str,
  verdictFrom,
  failOnFrom,
  formatFrom,
  render2 as render,
  commandProgress,
  reportError,
  RUN_USAGE,
  BASELINE_USAGE,
  HISTORY_USAGE,
  MERGE_USAGE,
  PROFILE_USAGE
};
