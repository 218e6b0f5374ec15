/**
 * Numbers as Go's strconv reads them in benchfmt (its bytesconv copy of Go 1.13's strconv), so
 * that a line benchstat accepts we accept, with the same value, and a line it rejects we reject.
 * JavaScript's Number() is not that: it takes "0x10", "0b1", "Infinity", " 5 " and "".
 */

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

const INVALID = 'invalid syntax';
const RANGE = 'value out of range';

const DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;
const INTEGER = /^[+-]?\d+$/;
const SPECIAL = /^(?:[+-]?inf(?:inity)?|nan)$/i;

/** strconv.ParseFloat(s, 64): decimal or hexadecimal (with a mandatory `p` exponent), Inf, NaN. */
export function parseGoFloat(s: string): Parsed {
  const r = goFloat(s);
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, value: r };
}

/** strconv.Atoi on a 64-bit platform: an optional sign and decimal digits, in the int64 range. */
export function parseGoInt(s: string): Parsed {
  const r = goInt(s);
  return typeof r === 'string' ? { ok: false, error: r } : { ok: true, value: r };
}

/** parseGoFloat without an allocation per call: the value, or the error message. */
export function goFloat(s: string): number | string {
  if (s.length === 0) return INVALID;
  // Nearly every measurement is plain digits with at most one dot: skip the general grammar.
  // Plain digits can overflow too (a 400-digit integer): Go calls that out of range, not +Inf.
  if (isPlainDecimal(s)) {
    const value = Number(s);
    return Number.isFinite(value) ? value : RANGE;
  }
  if (SPECIAL.test(s)) {
    const lower = s.toLowerCase();
    if (lower === 'nan') return NaN;
    return lower.startsWith('-') ? -Infinity : Infinity;
  }
  if (!underscoresOk(s)) return INVALID;
  const digits = s.includes('_') ? s.replace(/_/g, '') : s;
  const hex = digits.length > 2 && (digits.includes('x') || digits.includes('X')) ? HEX_FLOAT.exec(digits) : null;
  if (hex) return parseHexFloat(hex[1], hex[2], hex[3] ?? '', hex[4]);
  if (!DECIMAL_FLOAT.test(digits)) return INVALID;
  const value = Number(digits);
  // Go reports overflow as an error; underflow to zero is not one.
  if (!Number.isFinite(value)) return RANGE;
  return value;
}

/** Digits with at most one dot and at least one digit: a number in both Go's and JS's syntax. */
function isPlainDecimal(s: string): boolean {
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2e) {
      if (dot) return false;
      dot = true;
    } else if (c < 0x30 || c > 0x39) {
      return false;
    }
  }
  return !dot || s.length > 1;
}

const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/** parseGoInt without an allocation per call. */
export function goInt(s: string): number | string {
  if (!INTEGER.test(s)) return INVALID;
  // `+ 0` turns "-0" into 0: Go's int has no negative zero.
  if (s.length < 16) return Number(s) + 0;
  const big = BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return RANGE;
  return Number(big);
}

/**
 * strconv's placement rule: an underscore only between digits, or between a base prefix and a
 * digit (Go literal syntax, which ParseFloat accepts).
 */
function underscoresOk(s: string): boolean {
  if (!s.includes('_')) return true;
  let i = 0;
  if (s[0] === '+' || s[0] === '-') i = 1;
  let saw = '^';
  let hex = false;
  if (s.length - i >= 2 && s[i] === '0' && /[bBoOxX]/.test(s[i + 1])) {
    hex = s[i + 1] === 'x' || s[i + 1] === 'X';
    saw = '0';
    i += 2;
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
    } else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/**
 * Exact for normal results: the mantissa is an integer held exactly as a BigInt, converted with one
 * rounding, then scaled by a power of two. (Results in the subnormal range may round twice.)
 */
function parseHexFloat(sign: string, intPart: string, fracPart: string, exp: string): number | string {
  if (intPart.length + fracPart.length === 0) return INVALID;
  let mantissa = BigInt('0x' + (intPart + fracPart || '0'));
  let binaryExp = Number(exp) - 4 * fracPart.length;
  // Absurdly long mantissas would convert to Infinity before scaling; shed low bits first.
  while (mantissa >= 1n << 1100n) {
    mantissa >>= 64n;
    binaryExp += 64;
  }
  let value = Number(mantissa);
  // Scale in steps so that an intermediate power of two does not overflow.
  while (binaryExp > 0 && Number.isFinite(value) && value !== 0) {
    const step = Math.min(binaryExp, 1000);
    value *= 2 ** step;
    binaryExp -= step;
  }
  while (binaryExp < 0 && value !== 0) {
    const step = Math.min(-binaryExp, 1000);
    value /= 2 ** step;
    binaryExp += step;
  }
  if (!Number.isFinite(value)) return RANGE;
  return sign === '-' ? -value : value;
}

/** Powers of ten that are exact doubles. */
export const EXACT_POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * `s.slice(start, end)` as goFloat reads it, without making the string, when it is plain digits
 * with at most one dot and at most 15 digits; NaN otherwise (then use goFloat). Exact: the digits
 * form an integer below 2^53 and the power of ten is exact, so the one division rounds correctly,
 * to the double that Number() and Go's ParseFloat give (the fast path of every correct strtod).
 */
export function plainDecimalAt(s: string, start: number, end: number): number {
  if (end - start > 16) return NaN;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      m = m * 10 + (c - 0x30);
      digits++;
    } else if (c === 0x2e && dot < 0) {
      dot = i;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  return dot < 0 ? m : m / EXACT_POW10[end - dot - 1];
}

/** `s.slice(start, end)` as goInt reads it when it is 1–15 plain digits; −1 otherwise (then use goInt). */
export function plainIntAt(s: string, start: number, end: number): number {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
    n = n * 10 + (c - 0x30);
  }
  return n;
}
