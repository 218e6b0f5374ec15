/**
 * Numbers and units for reports: benchunit's scaling, percent ranges, benchstat's delta cells. Go's
 * own float printing lives in benchfmt/goformat.ts (the statistics' warnings use it too) and is
 * re-exported here for the report's modules.
 */
export { formatFixed, formatGoV, formatSignedFixed, signedPercent } from '../benchfmt/goformat.js';
import { formatFixed, formatSignedFixed } from '../benchfmt/goformat.js';

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
