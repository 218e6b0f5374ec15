/**
 * The call tree of a profile, root to leaf, for flame graphs: where aggregate.ts folds every stack
 * into flat and cum per function, this keeps the paths. A node is one function on one path, keyed
 * by name as pprof keys its nodes and attribution pairs the two sides' functions: the two sides of
 * a comparison are often built in different directories (a worktree), so the same function's file
 * name differs. A node keeps the file of its first sample (for matching it to source). Inlined
 * frames are expanded as aggregate.ts does
 * (a Location's last line is the caller, `line[0]` the innermost). Recursion makes deeper nodes,
 * never double counts: a node's value is the sum of the samples whose stack passes through it.
 */
import { frameName } from './aggregate.js';
import type { Profile } from './model.js';
import { sampleIndexByName } from './sample-type.js';
import { sampleFilter, type WholeOptions } from './whole.js';

export interface StackNode {
  function: string;
  file: string;
  startLine: number;
  /** Samples through this node (its own plus its callees'), in the profile's unit or per op once scaled. */
  value: number;
  /** Samples where this node is the leaf. */
  self: number;
  /** Callees, by name (a stable order for output and tests). */
  children: StackNode[];
}

/** The root is a synthetic node (`function: ''`) whose value is the total of the kept samples. */
export function stackTree(p: Profile, sampleIndex?: number | string, options: WholeOptions = {}): StackNode {
  const index = sampleIndexByName(p, sampleIndex);
  const kept = sampleFilter(options);
  interface Building extends StackNode {
    byKey: Map<string, Building>;
  }
  const node = (fn: string, file: string, startLine: number): Building => ({
    function: fn,
    file,
    startLine,
    value: 0,
    self: 0,
    children: [],
    byKey: new Map(),
  });
  const root = node('', '', 0);
  for (const s of p.sample) {
    const w = s.value[index];
    if (w === 0 || !kept(s)) continue;
    let at = root;
    at.value += w;
    for (let i = s.location.length - 1; i >= 0; i--) {
      const loc = s.location[i];
      const lines = loc.line.length > 0 ? loc.line : [null];
      for (let j = lines.length - 1; j >= 0; j--) {
        const line = lines[j];
        const name = frameName(line, loc);
        let next = at.byKey.get(name);
        if (!next) {
          next = node(name, line?.function.filename ?? '', line?.function.startLine ?? 0);
          at.byKey.set(name, next);
        }
        next.value += w;
        at = next;
      }
    }
    at.self += w;
  }
  const finish = (n: Building): StackNode => ({
    function: n.function,
    file: n.file,
    startLine: n.startLine,
    value: n.value,
    self: n.self,
    children: [...n.byKey.values()].sort((a, b) => (a.function < b.function ? -1 : a.function > b.function ? 1 : 0)).map(finish),
  });
  return finish(root);
}
