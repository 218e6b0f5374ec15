/**
 * The samples of a comparison, grouped as benchstat groups them: one cell per (package, benchmark,
 * unit) holding each side's values in a typed array, in the order the rows will be printed.
 *
 * The reader files values straight in (it is a ResultSink), so a large suite costs a few bytes
 * per value rather than an object per result line, and nothing per value while a side's values
 * are all equal (B/op and allocs/op usually are: two of a -benchmem suite's three units). Those
 * runs become arrays only when a row is compared, one row at a time. A value that is not a finite number (a line
 * such as `+Inf ns/op`, or a value that overflows once tidied: `1e303 MB/s`) cannot be summarized
 * or ranked: its line is left out, with a warning that names it.
 */
import type { BenchResult, Pairing } from '../types.js';
import type { ResultLine, ResultSink } from '../benchfmt/types.js';
import { formatWhere } from '../errors.js';

import type { Side } from '../types.js';

export type { Side };

export interface Cell {
  pkg: string;
  name: string;
  unit: string;
  base: Float64Array;
  head: Float64Array;
  /** Pair index of each sample (BenchResult.pair), in sample order; null once a sample had none. */
  basePairs: number[] | null;
  headPairs: number[] | null;
  /** How each pair was taken, where the samples say (BenchResult.pairing). */
  pairingOf?: Map<number, Pairing>;
}

interface OpenCell {
  pkg: string;
  name: string;
  unit: string;
  pkgOrder: number;
  nameOrder: number;
  /** Per side: the values, or EMPTY while every value so far equals `first` (then `counts` of them). */
  values: [Float64Array, Float64Array];
  first: [number, number];
  counts: [number, number];
  pairs: [number[] | null, number[] | null];
  pairingOf?: Map<number, Pairing>;
}

interface NameEntry {
  order: number;
  /** The cell of the first unit seen. */
  first: OpenCell | null;
  units: Map<string, OpenCell>;
}

/** benchstat's unit order: time, then memory, then everything else as first seen. */
const UNIT_RANK: Record<string, number> = { 'sec/op': 0, 'B/op': 1, 'allocs/op': 2 };

/** Non-finite lines listed before the rest are only counted. */
const MAX_LISTED = 20;

export class SampleTable {
  // Nested maps: no key strings built per sample.
  private readonly pkgs = new Map<string, { order: number; names: Map<string, NameEntry> }>();
  private readonly unitOrder = new Map<string, number>();
  private readonly cells: OpenCell[] = [];
  private nameCount = 0;
  /**
   * Capacity of a new sample array: as many samples as the previous benchmark's first unit got on
   * this side. `-count N` prints a benchmark's N lines together and suites run every benchmark the
   * same number of times, so arrays are born the right size instead of doubling their way there.
   */
  private capacity = 16;
  private readonly warnings: string[] = [];
  private dropped = 0;
  // The last line's benchmark and cells: consecutive samples of one benchmark skip the maps.
  private lastPkg = '';
  private lastName = '';
  private lastEntry: NameEntry | null = null;

  /** A sink that files result lines under `side`. */
  sink(side: Side): ResultSink {
    const s = side === 'base' ? 0 : 1;
    return { add: (r) => this.add(s, r) };
  }

  /** Files BenchResults (the shape runs and baselines store). */
  addResults(side: Side, results: readonly BenchResult[]): void {
    const s = side === 'base' ? 0 : 1;
    const line: ResultLine = { pkg: '', name: '', config: {}, iterations: 0, file: '', line: 0, count: 0, units: [], values: new Float64Array(4) };
    for (const r of results) {
      if (r.values.length > line.values.length) line.values = new Float64Array(r.values.length);
      line.pkg = r.pkg;
      line.name = r.name;
      line.file = r.source?.file ?? '';
      line.line = r.source?.line ?? 0;
      line.count = r.values.length;
      for (let i = 0; i < r.values.length; i++) {
        line.units[i] = r.values[i].unit;
        line.values[i] = r.values[i].value;
      }
      this.add(s, line, r.pair, r.pairing);
    }
  }

  private add(side: 0 | 1, r: Readonly<ResultLine>, pair?: number, pairing?: Pairing): void {
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
        // Object.is: a -0 among zeros is a different value (it prints as one).
        if (n === 0) cell.first[side] = v;
        else if (!Object.is(v, cell.first[side])) values = cell.values[side] = this.spread(cell.first[side], n, Math.max(this.capacity, 2 * n));
      } else if (n === values.length) {
        const grown = new Float64Array(n * 2);
        grown.set(values);
        values = cell.values[side] = grown;
      }
      if (values !== EMPTY) values[n] = v;
      cell.counts[side] = n + 1;
      // Pair indices only where every sample of the side has one (samples of runs measured in pairs).
      const pairs = cell.pairs[side];
      if (pairs !== null && pair !== undefined && pairs.length === n) {
        pairs.push(pair);
        if (pairing) (cell.pairingOf ??= new Map()).set(pair, pairing);
      } else cell.pairs[side] = null;
    }
  }

  private entry(pkgName: string, name: string): NameEntry {
    let pkg = this.pkgs.get(pkgName);
    if (!pkg) this.pkgs.set(pkgName, (pkg = { order: this.pkgs.size, names: new Map() }));
    let entry = pkg.names.get(name);
    if (!entry) pkg.names.set(name, (entry = { order: this.nameCount++, first: null, units: new Map() }));
    return entry;
  }

  private newCell(entry: NameEntry, pkg: string, name: string, unit: string): OpenCell {
    if (!this.unitOrder.has(unit)) this.unitOrder.set(unit, this.unitOrder.size);
    const pkgOrder = this.pkgs.get(pkg)!.order;
    const cell: OpenCell = {
      pkg,
      name,
      unit,
      pkgOrder,
      nameOrder: entry.order,
      values: [EMPTY, EMPTY],
      first: [0, 0],
      counts: [0, 0],
      pairs: [[], []],
    };
    entry.units.set(unit, cell);
    entry.first ??= cell;
    this.cells.push(cell);
    return cell;
  }

  private nonFinite(r: Readonly<ResultLine>, i: number): void {
    if (this.warnings.length >= MAX_LISTED) {
      this.dropped++;
      return;
    }
    const where = r.file ? formatWhere({ file: r.file, ...(r.line > 0 && { line: r.line }) }) : '';
    const v = r.values[i];
    const shown = Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf';
    this.warnings.push(
      `${where}Benchmark${r.name}: measurement ${shown} ${r.units[i]} is not a finite number ` +
        '(it overflows a double, or the file says Inf or NaN); the line is left out of the statistics',
    );
  }

  /** Why lines were left out. */
  takeWarnings(): string[] {
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
  *takeCells(): Generator<Cell> {
    const scratch = [new Float64Array(this.capacity), new Float64Array(this.capacity)];
    const unitKey = (u: string) => UNIT_RANK[u] ?? 3 + this.unitOrder.get(u)!;
    const cells = this.cells.sort((a, b) => a.pkgOrder - b.pkgOrder || a.nameOrder - b.nameOrder || unitKey(a.unit) - unitKey(b.unit));
    this.pkgs.clear();
    this.lastEntry = null;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const side = (s: 0 | 1) => {
        const n = c.counts[s];
        if (c.values[s] !== EMPTY) return c.values[s].subarray(0, n);
        if (scratch[s].length < n) scratch[s] = new Float64Array(2 * n);
        return scratch[s].fill(c.first[s], 0, n).subarray(0, n);
      };
      const cell: Cell = {
        pkg: c.pkg,
        name: c.name,
        unit: c.unit,
        base: side(0),
        head: side(1),
        basePairs: c.pairs[0],
        headPairs: c.pairs[1],
        pairingOf: c.pairingOf,
      };
      c.values = [EMPTY, EMPTY];
      this.cells[i] = EMPTY_CELL;
      yield cell;
    }
    this.cells.length = 0;
  }

  /** `n` copies of `value` in a new array of `capacity` (≥ n). */
  private spread(value: number, n: number, capacity: number): Float64Array {
    return new Float64Array(capacity).fill(value, 0, n);
  }
}

const EMPTY = new Float64Array(0);
const EMPTY_CELL: OpenCell = {
  pkg: '',
  name: '',
  unit: '',
  pkgOrder: 0,
  nameOrder: 0,
  values: [EMPTY, EMPTY],
  first: [0, 0],
  counts: [0, 0],
  pairs: [null, null],
};
