/**
 * Numbers printed the way benchstat (Go) prints them.
 *
 * Go's `strconv.FormatFloat(x, 'f', prec)` rounds the exact binary value half-to-even, while
 * JavaScript's `toFixed` rounds ties away from zero (0.125 → "0.12" in Go, "0.13" in JS), drops
 * the sign of −0, and switches to exponents at 1e21. Go's `%v` of a float uses an exponent from
 * 1e21 down to… 1e+06 (precision 6 for the decision), JavaScript's `String` only from 1e21.
 * So the digits are produced here from the exact value, with BigInt.
 */

const view = new DataView(new ArrayBuffer(8));

/** |x| = mant · 2^exp exactly, for finite x. */
function decompose(x: number): { mant: bigint; exp: number } {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}

function isNegative(x: number): boolean {
  return x < 0 || Object.is(x, -0);
}

/** Go's `strconv.FormatFloat(x, 'f', prec, 64)` for prec ≥ 0 (also `%.Nf`). */
export function formatFixed(x: number, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  // toFixed picks the n nearest to the exact value too; the two differ only on an exact tie (and
  // on −0). Where |x|·10^prec is clearly not halfway between integers, toFixed is the answer and
  // costs a fraction of the BigInt path (a large suite's table prints tens of thousands of numbers).
  if (x !== 0 && prec <= 20) {
    const y = Math.abs(x) * 10 ** prec;
    if (y < 1e15 && Math.abs(y - Math.floor(y) - 0.5) > 1e-9) return x.toFixed(prec);
  }
  const { mant, exp } = decompose(x);
  let num = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num / den;
  const twiceRem = 2n * (num % den);
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) q += 1n;
  let digits = q.toString();
  if (prec > 0) {
    digits = digits.padStart(prec + 1, '0');
    digits = digits.slice(0, -prec) + '.' + digits.slice(-prec);
  }
  return (isNegative(x) ? '-' : '') + digits;
}

/** Go's `%+.Nf`: always signed. */
export function formatSignedFixed(x: number, prec: number): string {
  const s = formatFixed(x, prec);
  return s.startsWith('-') || s.startsWith('+') ? s : '+' + s;
}

/** Go's `%v` (shortest `%g`) for a float64: `0.95`, `1e+06`, `123456`, `1.5e-05`. */
export function formatGoV(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  if (x === 0) return isNegative(x) ? '-0' : '0';
  // toExponential() gives the shortest round-trip digits, like Go's shortest formatting.
  const [mantissa, e] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(e);
  const sign = x < 0 ? '-' : '';
  // Go decides on an exponent with precision 6 when printing the shortest digits.
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${ae < 10 ? '0' : ''}${ae}`;
  }
  if (exp < 0) return sign + '0.' + '0'.repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + '0'.repeat(exp + 1 - digits.length);
  return sign + digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
}

/** benchunit's classes: Binary units scale by 1024 (Ki, Mi…), Decimal by 1000 (k, M, µ…). */
export type UnitClass = 'decimal' | 'binary';

/** benchunit.ClassOf: a unit with B, MB or bytes in its numerator is binary. */
export function unitClass(unit: string): UnitClass {
  let denom = false;
  for (const tok of unit.split(/([*/\-\s])/)) {
    if (tok === '*') denom = false;
    else if (tok === '/') denom = true;
    else if ((tok === 'B' || tok === 'MB' || tok === 'bytes') && !denom) return 'binary';
  }
  return 'decimal';
}

export interface Scaler {
  /** Digits after the decimal point. */
  prec: number;
  factor: number;
  prefix: string;
}

interface Factor {
  factor: number;
  prefix: string;
  t100: number;
  t10: number;
  t1: number;
}

// The thresholds are where a value would round up to the next digit count (99.995 → "100.0").
const SI: Factor[] = ['T', 'G', 'M', 'k', '', 'm', 'µ', 'n'].map((prefix, i) => {
  const exp = 12 - 3 * i;
  return {
    factor: 10 ** exp,
    prefix,
    t100: Number(`99.995e${exp}`),
    t10: Number(`9.9995e${exp}`),
    t1: Number(`.99995e${exp}`),
  };
});

const IEC: Factor[] = ['Ti', 'Gi', 'Mi', 'Ki', ''].map((prefix, i) => {
  const exp = 40 - 10 * i;
  // The decimal thresholds' doubles (99.995, 9.9995, .99995) times 2^exp: exact scalings.
  return { factor: 2 ** exp, prefix, t100: 99.995 * 2 ** exp, t10: 9.9995 * 2 ** exp, t1: 0.99995 * 2 ** exp };
});

const SIGFIGS: number[] = Array.from({ length: 8 }, (_, i) => Number(`9.9995e${-1 - i}`));

/** benchunit.CommonScale: one scale for a row, chosen by its smallest non-zero magnitude. */
export function commonScale(values: number[], cls: UnitClass): Scaler {
  let min = 0;
  for (let v of values) {
    v = Math.abs(v);
    if (v !== 0 && (min === 0 || v < min)) min = v;
  }
  if (min === 0) return { prec: 3, factor: 1, prefix: '' };
  const factors = cls === 'binary' ? IEC : SI;
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
  throw new Error('unreachable');
}

export function formatScaled(value: number, s: Scaler): string {
  return formatFixed(value / s.factor, s.prec) + s.prefix;
}

/** benchunit.Scale: a single value with its own scale (the geomean row). */
export function scale(value: number, cls: UnitClass): string {
  return formatScaled(value, commonScale([value], cls));
}

/**
 * benchmath's `Summary.PctRangeString`: the interval's larger side as a percent of the center;
 * "∞" without a finite interval, "?" when the bounds straddle zero.
 */
export function pctRange(center: number, lo: number, hi: number): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return '∞';
  const cs = Math.sign(center);
  if (cs !== Math.sign(lo) || cs !== Math.sign(hi)) return '?';
  if (center === 0) return '0%';
  const v = Math.max(hi / center - 1, 1 - lo / center);
  return formatFixed(100 * v, 0) + '%';
}

/** benchmath's `Comparison.FormatDelta`: "~" when not significant, else the signed percent. */
export function formatDelta(p: number, alpha: number, base: number, head: number): string {
  if (p > alpha) return '~';
  if (base === head) return '0.00%';
  if (base === 0) return '?';
  return formatSignedFixed((head / base - 1) * 100, 2) + '%';
}

/** benchmath's `Comparison.String`: "p=0.002 n=10", "n=5+6", or without p for exact units. */
export function formatComparison(p: number, n1: number, n2: number): string {
  const s = p !== 0 ? `p=${formatFixed(p, 3)} ` : '';
  return s + (n1 === n2 ? `n=${n1}` : `n=${n1}+${n2}`);
}

/** Superscript footnote marks: ¹, ², …, ¹⁰. */
export function superscript(i: number): string {
  const digits = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  return String(i)
    .split('')
    .map((d) => digits[Number(d)])
    .join('');
}
