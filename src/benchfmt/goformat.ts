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

/**
 * A signed percent for our own words (reasons, the comment, the why column): `+12.3%`, `−4.0%`,
 * with the typographic minus U+2212 everywhere. benchstat-compatible columns keep Go's ASCII `-`
 * (formatSignedFixed), since the text report is compared with benchstat's byte for byte.
 */
export function signedPercent(x: number, prec = 1): string {
  return (x >= 0 ? '+' : '−') + formatFixed(Math.abs(x), prec) + '%';
}
