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
  readonly rows: FunctionTotals[] = [];
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
  /** Per node: the number of the last sample that added to its cum (the recursion rule). */
  private readonly seenIn: number[] = [];
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
      if (n === undefined) {
        n = this.rows.length;
        this.byKey.set(k, n);
        this.rows.push({
          function: frameName(line, loc),
          file: line?.function.filename ?? '',
          startLine: line?.function.startLine ?? 0,
          flat: 0,
          cum: 0,
        });
        this.seenIn.push(-1);
        if (this.incoming) this.incoming.push(this.inlinedKeys!.has(k) ? new Map() : undefined);
      }
      nodes[i] = n;
    }
    this.locNodes[loc.index] = nodes;
    return nodes;
  }

  /** Adds one sample with value `w` (its value at the chosen sample index). */
  add(sample: Sample, w: number): void {
    if (w === 0) return;
    const stamp = this.sampleNo++;
    const rows = this.rows;
    const seen = this.seenIn;
    const incoming = this.incoming;
    let parent = -1;
    const locs = sample.location;
    for (let i = locs.length - 1; i >= 0; i--) {
      const nodes = this.nodesOf(locs[i]);
      const last = nodes.length - 1;
      for (let ni = last; ni >= 0; ni--) {
        const n = nodes[ni];
        if (seen[n] !== stamp) {
          seen[n] = stamp;
          rows[n].cum += w;
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
    if (parent >= 0) rows[parent].flat += w;
  }

  /**
   * pprof's "(inline)" / "(partial-inline)" marker per node: from the node's incoming
   * edges, after dropping edges lighter than `edgeFraction` of the flat total as pprof
   * does (its `-edgefraction`, default 0.001).
   */
  inlineMarkers(edgeFraction = 0.001): ('' | 'inline' | 'partial-inline')[] {
    const inlined = new Array<boolean>(this.rows.length).fill(false);
    const called = new Array<boolean>(this.rows.length).fill(false);
    if (this.incoming) {
      let flatSum = 0;
      for (const r of this.rows) flatSum += r.flat;
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
    for (let n = 0; n < this.rows.length; n++) if (this.rows[n].flat !== 0 || this.rows[n].cum !== 0) out.push(n);
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
