/**
 * Signed per-op quantities for attribution notes, e.g. "+1.23ms", "−512B", "+3 allocs".
 * Only for prose in notes; the report module formats tables benchstat's way.
 */

const TIME: [number, string][] = [
  [1, 's'],
  [1e-3, 'ms'],
  [1e-6, 'µs'],
  [1e-9, 'ns'],
];
const BYTES: [number, string][] = [
  [1024 ** 3, 'GiB'],
  [1024 ** 2, 'MiB'],
  [1024, 'KiB'],
  [1, 'B'],
];

/** @param unit a tidied benchstat unit: `sec/op`, `B/op`, `allocs/op`, or any other. */
export function formatDelta(value: number, unit: string): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  const v = Math.abs(value);
  if (unit === 'sec/op') return sign + scaled(v, TIME);
  if (unit === 'B/op') return sign + scaled(v, BYTES);
  if (unit === 'allocs/op') return `${sign}${significant(v)} allocs`;
  return `${sign}${significant(v)} ${unit.replace(/\/op$/, '')}`;
}

function scaled(v: number, scales: [number, string][]): string {
  const [factor, name] = scales.find(([f]) => v >= f) ?? scales[scales.length - 1];
  return significant(v / factor) + name;
}

/** Three significant digits, no exponent for everyday magnitudes. */
function significant(v: number): string {
  if (v === 0) return '0';
  return Number(v.toPrecision(3)).toString();
}
