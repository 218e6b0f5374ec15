/**
 * flat and cum per function, as pprof's graph builder defines them (internal/graph
 * newGraph): walk each sample's stack from the root to the leaf, expanding inlined
 * frames (a Location's lines, last = caller); add the sample's value to cum once per
 * function per sample, even when recursion puts the function on the stack many times;
 * add it to flat only for the leaf frame (`line[0]` of `location[0]`).
 */
import { basename } from 'node:path';
import type { Line, Location, Sample } from './model.js';

export interface FunctionTotals {
  /** The name pprof prints (the function's name, or `[binary]` / `<unknown>` without one). */
  function: string;
  /** Source file of the first function seen under this key. */
  file: string;
  startLine: number;
  flat: number;
  cum: number;
}

/** Which frames are the same node: pprof at its default granularity keys by name alone. */
export type FrameKey = (line: Line | null, loc: Location) => string;

/** pprof's printable name of a frame at function granularity. */
export function frameName(line: Line | null, loc: Location): string {
  const name = line?.function.name ?? '';
  if (name !== '') return name;
  // Nameless frames fall back to the binary they came from, as pprof prints them.
  const obj = loc.mapping?.file ?? '';
  return obj !== '' ? `[${basename(obj)}]` : '<unknown>';
}

export const byName: FrameKey = frameName;
/** Name and file: two functions of one name in different files stay apart (for source matching). */
export const byNameAndFile: FrameKey = (line, loc) => `${frameName(line, loc)}\u0000${line?.function.filename ?? ''}`;

/** A caller → callee edge: its weight (once per sample) and whether every call along it was inlined. */
interface Edge {
  weight: number;
  inline: boolean;
  stamp: number;
}

export class FunctionAggregator {
  /** Per node: what it is; flat and cum live in `flat` and `cum` while samples are added (row() joins them). */
  private readonly nodes: Omit<FunctionTotals, 'flat' | 'cum'>[] = [];
  /**
   * Per node: flat, cum, and the number of the last sample that added to its cum (the recursion
   * rule), in typed arrays: adding a sample touches ~20 nodes, and numbers in objects' fields
   * were most of `profile top`'s time on a large profile.
   */
  private flat = new Float64Array(256);
  private cum = new Float64Array(256);
  private seenIn = new Int32Array(256).fill(-1);
  /**
   * Incoming edges per callee node, keyed by caller node, kept only when asked for (pprof's
   * "(inline)" marker needs them) and only for callees that some location inlines: a function
   * that is never an inlined frame cannot be marked, and keeping every caller → callee pair of a
   * large profile (millions of them, keyed by a non-small-integer number) was most of `profile
   * top`'s time and memory.
   */
  private readonly incoming: (Map<number, Edge> | undefined)[] | null;
  /** Keys of the frames that some location holds as an inlined (not last) line. */
  private readonly inlinedKeys: Set<string> | null;
  private readonly byKey = new Map<string, number>();
  /** Per Location.index: its lines' node numbers, in line order (innermost first). */
  private readonly locNodes: (Int32Array | undefined)[] = [];
  private sampleNo = 0;

  /** `locations`: every location samples may refer to, needed with `withEdges` to know which frames are ever inlined. */
  constructor(
    private readonly key: FrameKey = byName,
    withEdges = false,
    locations: readonly Location[] = [],
  ) {
    this.incoming = withEdges ? [] : null;
    this.inlinedKeys = withEdges ? new Set() : null;
    if (this.inlinedKeys) {
      for (const loc of locations) {
        for (let i = 0; i + 1 < loc.line.length; i++) this.inlinedKeys.add(this.key(loc.line[i], loc));
      }
    }
  }

  /** The number of nodes (functions, at the key's granularity) seen so far. */
  get size(): number {
    return this.nodes.length;
  }

  /** Node `n`'s totals, as a new object. */
  row(n: number): FunctionTotals {
    return { ...this.nodes[n], flat: this.flat[n], cum: this.cum[n] };
  }

  private nodesOf(loc: Location): Int32Array {
    const locNodes = this.locNodes;
    let nodes = loc.index < locNodes.length ? locNodes[loc.index] : undefined;
    if (nodes) return nodes;
    // Filled densely (holes would turn the array into a slow dictionary: locations arrive in
    // stack order, not index order).
    while (locNodes.length <= loc.index) locNodes.push(undefined);
    const lines: (Line | null)[] = loc.line.length > 0 ? loc.line : [null];
    nodes = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const k = this.key(line, loc);
      let n = this.byKey.get(k);
      if (n === undefined) n = this.newNode(k, line, loc);
      nodes[i] = n;
    }
    this.locNodes[loc.index] = nodes;
    return nodes;
  }

  private newNode(k: string, line: Line | null, loc: Location): number {
    const n = this.nodes.length;
    this.byKey.set(k, n);
    this.nodes.push({ function: frameName(line, loc), file: line?.function.filename ?? '', startLine: line?.function.startLine ?? 0 });
    if (n === this.flat.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.flat = grow(this.flat, (size) => new Float64Array(size));
      this.cum = grow(this.cum, (size) => new Float64Array(size));
      this.seenIn = grow(this.seenIn, (size) => new Int32Array(size).fill(-1));
    }
    if (this.incoming) this.incoming.push(this.inlinedKeys!.has(k) ? new Map() : undefined);
    return n;
  }

  /** Adds one sample with value `w` (its value at the chosen sample index). */
  add(sample: Sample, w: number): void {
    this.addStack(sample.location, sample.location.length, w);
  }

  /** Adds a stack (`locs[0]` the leaf, `depth` frames) with value `w`. */
  addStack(locs: readonly Location[], depth: number, w: number): void {
    if (w === 0) return;
    const stamp = this.sampleNo++;
    const incoming = this.incoming;
    let parent = -1;
    for (let i = depth - 1; i >= 0; i--) {
      const nodes = this.nodesOf(locs[i]);
      const last = nodes.length - 1;
      for (let ni = last; ni >= 0; ni--) {
        const n = nodes[ni];
        // Read after nodesOf, which may have grown them.
        if (this.seenIn[n] !== stamp) {
          this.seenIn[n] = stamp;
          this.cum[n] += w;
        }
        const edges = incoming !== null && parent >= 0 && parent !== n ? incoming[n] : undefined;
        if (edges !== undefined) {
          const e = edges.get(parent);
          const inline = ni !== last;
          if (e === undefined) edges.set(parent, { weight: w, inline, stamp });
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
  inlineMarkers(edgeFraction = 0.001): ('' | 'inline' | 'partial-inline')[] {
    const inlined = new Array<boolean>(this.size).fill(false);
    const called = new Array<boolean>(this.size).fill(false);
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
    return inlined.map((i, n) => (i ? (called[n] ? 'partial-inline' : 'inline') : ''));
  }

  /** The nodes pprof would list: those with a non-zero flat or cum. */
  nonZero(): number[] {
    const out: number[] = [];
    for (let n = 0; n < this.size; n++) if (this.flat[n] !== 0 || this.cum[n] !== 0) out.push(n);
    return out;
  }
}

/** pprof's `-top` order: |flat| descending, then name, then |cum| descending. */
export function compareTop(a: FunctionTotals, b: FunctionTotals): number {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) return fb - fa;
  if (a.function !== b.function) return a.function < b.function ? -1 : 1;
  return Math.abs(b.cum) - Math.abs(a.cum);
}
