/**
 * pprof's number formatting (internal/measurement): unit scaling (`280ms`, `1.50MB`),
 * percentages, and the choice of one output unit for a report, so our `profile top`
 * text reads like `go tool pprof -top`. Go's `%.2f` and `%.2g` differ from JavaScript's
 * toFixed/toPrecision on ties and exponent thresholds; the helpers below follow Go.
 */

interface Unit {
  name: string;
  aliases: string[];
  factor: number;
}
interface UnitType {
  units: Unit[];
  default: Unit;
}

const BYTES: UnitType = {
  units: [
    { name: 'B', aliases: ['b', 'byte'], factor: 1 },
    { name: 'kB', aliases: ['kb', 'kbyte', 'kilobyte'], factor: 2 ** 10 },
    { name: 'MB', aliases: ['mb', 'mbyte', 'megabyte'], factor: 2 ** 20 },
    { name: 'GB', aliases: ['gb', 'gbyte', 'gigabyte'], factor: 2 ** 30 },
    { name: 'TB', aliases: ['tb', 'tbyte', 'terabyte'], factor: 2 ** 40 },
    { name: 'PB', aliases: ['pb', 'pbyte', 'petabyte'], factor: 2 ** 50 },
  ],
  default: { name: 'B', aliases: [], factor: 1 },
};
const TIME: UnitType = {
  units: [
    { name: 'ns', aliases: ['ns', 'nanosecond'], factor: 1 },
    { name: 'us', aliases: ['μs', 'us', 'microsecond'], factor: 1e3 },
    { name: 'ms', aliases: ['ms', 'millisecond'], factor: 1e6 },
    { name: 's', aliases: ['s', 'sec', 'second'], factor: 1e9 },
    { name: 'hrs', aliases: ['hour', 'hr'], factor: 3600e9 },
  ],
  default: { name: 's', aliases: [], factor: 1e9 },
};
const GCU: UnitType = {
  units: [
    { name: 'n*GCU', aliases: ['nanogcu'], factor: 1e-9 },
    { name: 'u*GCU', aliases: ['microgcu'], factor: 1e-6 },
    { name: 'm*GCU', aliases: ['milligcu'], factor: 1e-3 },
    { name: 'GCU', aliases: ['gcu'], factor: 1 },
    { name: 'k*GCU', aliases: ['kilogcu'], factor: 1e3 },
    { name: 'M*GCU', aliases: ['megagcu'], factor: 1e6 },
    { name: 'G*GCU', aliases: ['gigagcu'], factor: 1e9 },
    { name: 'T*GCU', aliases: ['teragcu'], factor: 1e12 },
    { name: 'P*GCU', aliases: ['petagcu'], factor: 1e15 },
  ],
  default: { name: 'GCU', aliases: [], factor: 1 },
};
const UNIT_TYPES = [BYTES, TIME, GCU];

function sniff(ut: UnitType, unit: string): Unit | undefined {
  let u = unit.toLowerCase();
  if (u.length > 2 && u.endsWith('s')) u = u.slice(0, -1);
  return ut.units.find((x) => x.aliases.includes(u));
}

/** Converts `value` in `from` to `to` ('minimum'/'auto': the largest unit keeping it ≥ 1). */
export function scale(value: number, from: string, to: string): [number, string] {
  if (value < 0) {
    const [v, u] = scale(-value, from, to);
    return [-v, u];
  }
  for (const ut of UNIT_TYPES) {
    const fromUnit = sniff(ut, from);
    if (!fromUnit) continue;
    const v = value * fromUnit.factor;
    if (to === 'minimum' || to === 'auto') {
      let best: Unit | undefined;
      for (const u of ut.units) if ((best === undefined || u.factor >= best.factor) && v / u.factor >= 1) best = u;
      if (best) return [v / best.factor, best.name];
      return [v / ut.default.factor, ut.default.name];
    }
    const toUnit = sniff(ut, to) ?? ut.default;
    return [v / toUnit.factor, toUnit.name];
  }
  return ['count', 'sample', 'unit', 'minimum', 'auto'].includes(to) ? [value, ''] : [value, to];
}

/** Go's `%.2f`: like toFixed(2) but exact ties round to even (1.125 → "1.12"). */
export function fixed2(v: number): string {
  const eighths = v * 8;
  // A value exactly halfway between two hundredths is an odd number of eighths; JS rounds those up.
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    const s3 = Math.abs(v).toFixed(3);
    const hundredths = Number(s3[s3.length - 2]);
    const sign = v < 0 ? '-' : '';
    if (hundredths % 2 === 0) return sign + s3.slice(0, -1);
    return sign + (Math.abs(v) + 0.005).toFixed(2);
  }
  return v.toFixed(2);
}

/** pprof's ScaledLabel: "280ms", "1.50MB", "12". */
export function scaledLabel(value: number, from: string, to: string): string {
  const [v, u] = scale(value, from, to);
  let s = fixed2(v);
  if (s.endsWith('.00')) s = s.slice(0, -3);
  if (s === '0' || s === '-0') return '0';
  return s + u;
}

/** Go's `%.2g` (shortest of %e/%f at 2 significant digits, trailing zeros dropped). */
export function goG2(x: number): string {
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : x < 0 ? '-Inf' : 'NaN';
  // Exact ties at two significant digits exist only in [0.1, 1) (0.125, 0.625…): round to even there.
  if (Math.abs(x) >= 0.1 && Math.abs(x) < 1 && Number.isInteger(x * 8)) {
    return fixed2(x).replace(/0+$/, '').replace(/\.$/, '');
  }
  const [mant, expStr] = x.toExponential(1).split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 2) {
    const m = mant.replace(/\.0$/, '');
    const e = Math.abs(exp);
    return `${m}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  return Number(mant + 'e' + exp)
    .toFixed(Math.max(0, 1 - exp))
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** pprof's Percentage: "  100%", "60.71%", "0.36%" (width 5 before the sign). */
export function percentage(value: number, total: number): string {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return '  100%';
  if (ratio >= 1) return fixed2(ratio).padStart(5) + '%';
  return goG2(ratio).padStart(5) + '%';
}

/**
 * pprof's report unit at the default `-unit=minimum`: the unit of the smallest non-zero
 * value, or a larger one if the smallest is under 1% of the total.
 */
export function outputUnit(sampleUnit: string, values: { flat: number; cum: number }[], total: number): string {
  let min = 0;
  for (const n of values) {
    let m = Math.abs(n.flat);
    if (m === 0) m = Math.abs(n.cum);
    if (m > 0 && (min === 0 || m < min)) min = m;
  }
  if (values.length === 0) return 'minimum';
  const max = total;
  if (min === 0) min = max;
  const minUnit = scale(min, sampleUnit, 'minimum')[1];
  const maxUnit = scale(max, sampleUnit, 'minimum')[1];
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < max) unit = scale(100 * min, sampleUnit, 'minimum')[1];
  return unit !== '' ? unit : sampleUnit;
}
