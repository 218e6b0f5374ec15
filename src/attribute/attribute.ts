/**
 * Attribution: which functions explain a benchmark's significant change, and whether the PR
 * touched them. Pure: profiles, changed functions and a commit lookup come in; an Attribution
 * goes out. It never throws: whatever is missing becomes the Attribution's note.
 *
 * Per function, Δ = head − base of its estimated cost per op (cum and flat). Which of the two
 * to rank by:
 * - Changed functions are ranked by **cum**: a change in a function can make its callees
 *   (unchanged library code, the allocator) do more work, and that work is the change's fault.
 * - But cum double counts down a call chain: if the PR touched both a caller and the callee
 *   that actually got slower, both cums move by the same amount. So a changed function is only
 *   credited with the part of its Δcum not already explained by changed functions that may run
 *   beneath it (smaller cum on both sides), and never less than its own Δflat. A changed caller
 *   whose own flat did not move is then not blamed when a changed callee explains the change.
 * - Unchanged functions are "movers", ranked by **flat**: flats of different functions never
 *   overlap and add up to the whole, so the largest flat movers say where the time went without
 *   listing every caller up the stack (main, testing.(*B).runN…).
 * - Changed functions that moved the OTHER way are "offsets", listed apart (`offsets`): a commit
 *   that moves work from changed f into changed g makes g gain more than the whole row (+300ns of
 *   +60ns), and without f's −240ns that reads as nonsense. Each changed function's own part is
 *   its Δcum less the signed credits of the changed functions beneath it (so a caller that lost
 *   work to a changed callee shows the loss); one is listed when that part moved against the row
 *   by at least the movers' threshold (`moverShare`, 5% of the row's Δ) and it is not listed
 *   already. `changedNet`, the sum of every changed function's own part, is what they net to.
 * Profiles are sampled estimates, so shares are approximate; a changed function "explains" the
 * change when it is credited with at least `explainShare` (20%) of the row's delta.
 *
 * What each listed function's `delta` and `share` are, so that they add up:
 * - a changed function that explains the change: its credited Δ (the Δcum above), which callees'
 *   and callers' credits do not count again;
 * - a mover (any other listed function, changed or not): its Δflat, the quantity it was ranked by. (Its Δcum would count every callee's change
 *   again, and a mover's callers' cums all hold the same change.)
 * `share` = delta ÷ the row's Δ of centers (head − base, same sign convention: a positive share
 * pushed the row the way it moved). The Δflats of all functions add up to exactly the row's Δ
 * when both profiles are the benchmark's own (perop.ts), so movers' shares never overlap; a
 * mover's flat can lie beneath a listed changed function, whose credit includes its callees.
 */
import type { Attribution, AttributedFunction, BenchmarkProfile, CommitRef, CompareRow, FunctionOpCost } from '../types.js';
import { enclosingFunctionName, normalizeFunctionName } from '../diff/gofuncs.js';
import { matchProfileFunction, sameFile, type ChangedFunction } from '../diff/match.js';
import { formatDelta } from './quantity.js';

export interface AttributeOptions {
  /** Minimum credited share for a changed function to explain the change (default 0.2). */
  explainShare?: number;
  /** Minimum flat share for an unchanged function to be listed as a mover (default 0.05). */
  moverShare?: number;
  /** At most this many functions are listed (default 8). */
  maxFunctions?: number;
  /** At most this many offsetting changed functions are listed (default 3). */
  maxOffsets?: number;
  /** False when the PR's diff is not known (`run --baseline` without `--base`): `changed` is then empty for want of a diff, not because the PR changed none. */
  diffKnown?: boolean;
}

/** AttributedFunction with the flat delta as well (for a changed function, delta is its credited Δcum). */
export interface AttributedFunctionDetail extends AttributedFunction {
  /** Δ of the function's own (flat) cost per op. */
  flatDelta: number;
}

interface Group {
  /** The changed function the frames belong to, if any. */
  changed?: ChangedFunction;
  /** One representative frame (head side preferred) for unchanged functions. */
  frame: FunctionOpCost;
  flat: number;
  cum: number;
  cumBase: number;
  cumHead: number;
}

export function attribute(
  row: CompareRow,
  base: BenchmarkProfile | undefined,
  head: BenchmarkProfile | undefined,
  changed: ChangedFunction[],
  commitsOf: (fn: ChangedFunction) => CommitRef[],
  options: AttributeOptions = {},
): Attribution {
  const explainShare = options.explainShare ?? 0.2;
  const moverShare = options.moverShare ?? 0.05;
  const maxFunctions = options.maxFunctions ?? 8;
  const maxOffsets = options.maxOffsets ?? 3;
  const none = (note: string): Attribution => ({ functions: [], note });

  if (row.verdict !== 'regression' && row.verdict !== 'improvement') {
    return none(`not a significant change (${row.verdict}): nothing to attribute`);
  }
  if (!row.base || !row.head) return none('the benchmark is missing on one side: nothing to compare');
  const rowDelta = row.head.center - row.base.center;
  if (!Number.isFinite(rowDelta) || rowDelta === 0) return none('the centers are equal: nothing to attribute');
  if (!base && !head) return none('no CPU or memory profile on either side: cannot tell which functions moved');
  if (!base) return none('no base profile for this benchmark: cannot tell which functions moved');
  if (!head) return none('no head profile for this benchmark: cannot tell which functions moved');
  if (base.unit !== row.unit || head.unit !== row.unit) {
    return none(`the profiles measure ${base.unit}/${head.unit}, not ${row.unit}: not attributed`);
  }
  if (base.functions.length === 0 || head.functions.length === 0) {
    const side = base.functions.length === 0 ? 'base' : 'head';
    return none(`no frames of this benchmark in the ${side} profile (too short to be sampled, or not profiled)`);
  }

  const groups = groupFrames(base, head, changed);
  const direction = Math.sign(rowDelta);
  const magnitude = Math.abs(rowDelta);

  const credited = creditChanged(groups.filter((g) => g.changed), direction);
  const explaining = [...credited]
    .filter(([, c]) => c / magnitude >= explainShare)
    .sort((a, b) => b[1] - a[1])
    .map(([g]) => g);

  const listed = new Set<Group>(explaining);
  const movers = groups
    .filter((g) => !listed.has(g) && (direction * g.flat) / magnitude >= moverShare)
    .sort((a, b) => direction * (b.flat - a.flat));
  const shown = [...explaining, ...movers].slice(0, maxFunctions);
  const shownSet = new Set(shown);
  // Changed functions that moved the other way by at least the movers' threshold: the work that
  // left them, often for a listed changed function, so that the changed functions net to the row.
  const residual = residualChanged(groups.filter((g) => g.changed), direction);
  // Listed once by the changed function they name: a closure's frames and its function's (or a
  // function changed on both sides) are groups of their own that name the same function.
  const changedKey = (g: Group) => `${g.changed!.function}\0${g.changed!.file}\0${g.changed!.startLine}`;
  const named = new Set(shown.filter((g) => g.changed).map(changedKey));
  const offsetting: Group[] = [];
  for (const [g] of [...residual].filter(([g, r]) => !shownSet.has(g) && -r / magnitude >= moverShare).sort((a, b) => a[1] - b[1])) {
    if (offsetting.length === maxOffsets) break;
    if (named.has(changedKey(g))) continue;
    named.add(changedKey(g));
    offsetting.push(g);
  }

  const notes = [base.note, head.note].filter((n): n is string => !!n && n !== '');
  if (explaining.length === 0) {
    const top = movers.slice(0, 3).map((g) => `${g.frame.function} (${formatDelta(g.flat, row.unit)} self)`);
    notes.unshift(
      options.diffKnown === false
        ? `the largest movers are ${top.length ? top.join(', ') : 'none: no function moved by 5% or more of the change'}`
        : changed.length === 0
        ? `the PR changed no profiled Go function; ${top.length ? 'the largest movers are ' + top.join(', ') : 'no function moved by 5% or more of the change'}`
        : `no changed function explains this change; ${top.length ? 'the largest movers are ' + top.join(', ') : 'no function moved by 5% or more of the change'}`,
    );
  }

  // What a listed function is credited with: explaining changed functions their credit, movers
  // (a changed function that explains too little can be one) the Δflat they were ranked by.
  const deltaOf = (g: Group) => (listed.has(g) ? direction * credited.get(g)! : g.flat);
  const paths = learnPaths(groups);
  const entry = (g: Group, delta: number): AttributedFunctionDetail => {
    const c = g.changed;
    return {
      function: c ? c.function : g.frame.function,
      file: c ? c.file : (paths(g.frame.file) ?? g.frame.file),
      startLine: c ? c.startLine : g.frame.startLine,
      // 0: the range of a function the PR did not touch is not known here.
      endLine: c ? c.endLine : 0,
      changed: c !== undefined,
      commits: c ? safeCommits(commitsOf, c) : [],
      delta,
      share: delta / rowDelta,
      flatDelta: g.flat,
    };
  };
  const functions = shown.map((g) => entry(g, deltaOf(g)));
  const offsets = offsetting.map((g) => entry(g, direction * residual.get(g)!));
  // What all changed functions did together, each its own part once: shown beside the offsets.
  const changedNet = direction * [...residual.values()].reduce((sum, r) => sum + r, 0);
  return {
    functions,
    ...(offsets.length ? { offsets, changedNet } : {}),
    note: notes.length ? [...new Set(notes)].join('; ') : null,
  };
}

/**
 * Pair base and head frames by name, then fold frames that belong to one changed function
 * (its closures, its generic instantiations) into one group.
 */
function groupFrames(base: BenchmarkProfile, head: BenchmarkProfile, changed: ChangedFunction[]): Group[] {
  const byName = new Map<string, { base?: FunctionOpCost; head?: FunctionOpCost }>();
  for (const f of base.functions) byName.set(f.function, { ...byName.get(f.function), base: f });
  for (const f of head.functions) byName.set(f.function, { ...byName.get(f.function), head: f });

  const headSide = changed.filter((c) => c.side === 'head');
  const baseSide = changed.filter((c) => c.side === 'base');
  const folded = new Map<ChangedFunction, { name: string; base?: FunctionOpCost; head?: FunctionOpCost }[]>();
  const groups: Group[] = [];

  for (const [name, pair] of byName) {
    const c = changedFunctionOf(pair, headSide, baseSide);
    if (c) {
      const list = folded.get(c) ?? [];
      list.push({ name, ...pair });
      folded.set(c, list);
      continue;
    }
    const flat = (pair.head?.flat ?? 0) - (pair.base?.flat ?? 0);
    const cumBase = pair.base?.cum ?? 0;
    const cumHead = pair.head?.cum ?? 0;
    groups.push({ frame: (pair.head ?? pair.base)!, flat, cum: cumHead - cumBase, cumBase, cumHead });
  }

  for (const [c, frames] of folded) {
    // A closure usually runs beneath its enclosing function, whose cum already holds it, so
    // closures count only when their function has no frame of its own; separate generic
    // instantiations run on separate stacks and add up.
    const isClosure = (name: string) => enclosingFunctionName(name) !== normalizeFunctionName(name);
    const hasDeclared = frames.some((f) => !isClosure(f.name));
    let flat = 0;
    let cumBase = 0;
    let cumHead = 0;
    for (const f of frames) {
      flat += (f.head?.flat ?? 0) - (f.base?.flat ?? 0);
      if (hasDeclared && isClosure(f.name)) continue;
      cumBase += f.base?.cum ?? 0;
      cumHead += f.head?.cum ?? 0;
    }
    const frame = (frames[0].head ?? frames[0].base)!;
    groups.push({ changed: c, frame, flat, cum: cumHead - cumBase, cumBase, cumHead });
  }
  return groups;
}

type Frame = Pick<FunctionOpCost, 'function' | 'file' | 'startLine'>;

/**
 * The changed function a frame (seen on the head side, the base side or both) belongs to. Lines
 * are only comparable within one side: head frames against head ranges, base frames against the
 * ranges of functions only the base has; otherwise by name. The flame graph marks frames with it.
 */
export function changedFunctionOf(
  pair: { base?: Frame; head?: Frame },
  headSide: readonly ChangedFunction[],
  baseSide: readonly ChangedFunction[],
): ChangedFunction | undefined {
  if (pair.head) return matchProfileFunction(pair.head, headSide) ?? matchProfileFunction(pair.head, baseSide, { byName: true });
  if (pair.base) return matchProfileFunction(pair.base, baseSide) ?? matchProfileFunction(pair.base, headSide, { byName: true });
  return undefined;
}

/**
 * The part of each changed function's Δcum (in the row's direction) not already explained by
 * changed functions that may run beneath it. Callees are visited first (ascending cum), so each
 * credit excludes the credits below it exactly once.
 */
function creditChanged(groups: Group[], direction: number): Map<Group, number> {
  const credit = new Map<Group, number>();
  const order = [...groups].sort((a, b) => a.cumHead - b.cumHead || a.cumBase - b.cumBase);
  for (const g of order) {
    const own = direction * g.cum;
    if (own <= 0) {
      credit.set(g, own);
      continue;
    }
    let beneath = 0;
    for (const [h, c] of credit) {
      if (c > 0 && h.cumHead <= g.cumHead && h.cumBase <= g.cumBase) beneath += c;
    }
    credit.set(g, Math.min(own, Math.max(own - beneath, direction * g.flat, 0)));
  }
  return credit;
}

/**
 * Each changed function's Δcum (in the row's direction) less what the changed functions that may
 * run beneath it are credited with, signed: the change of its own part of the work. Unlike
 * creditChanged, a callee that moved the other way counts too, so work moved from a changed
 * caller into a changed callee shows as a loss in the caller.
 */
function residualChanged(groups: Group[], direction: number): Map<Group, number> {
  const residual = new Map<Group, number>();
  const order = [...groups].sort((a, b) => a.cumHead - b.cumHead || a.cumBase - b.cumBase);
  for (const g of order) {
    let beneath = 0;
    for (const [h, r] of residual) if (h.cumHead <= g.cumHead && h.cumBase <= g.cumBase) beneath += r;
    residual.set(g, direction * g.cum - beneath);
  }
  return residual;
}

/**
 * Learn how the profile's file names map to repo paths from the frames matched to changed
 * functions (an absolute checkout prefix, or a module path with `-trimpath`), and apply it to
 * the other frames, so unchanged functions of the repo are shown with repo-relative paths too.
 */
function learnPaths(groups: Group[]): (profileFile: string) => string | undefined {
  const prefixes = new Map<string, string>();
  for (const g of groups) {
    const c = g.changed;
    if (!c || !sameFile(g.frame.file, c.file, c.pkgPath)) continue;
    const p = g.frame.file.replace(/\\/g, '/');
    if (p === c.file || p.endsWith('/' + c.file)) {
      prefixes.set(p.slice(0, p.length - c.file.length), '');
      continue;
    }
    // -trimpath: `<pkgPath>/<base>` ↔ `<repo dir>/<base>`; what is left after their common
    // tail is the module path ↔ the module's directory in the repo.
    const from = p.split('/');
    const to = c.file.split('/');
    while (from.length > 0 && to.length > 0 && from[from.length - 1] === to[to.length - 1]) from.pop(), to.pop();
    if (from.length > 0) prefixes.set(from.join('/') + '/', to.length > 0 ? to.join('/') + '/' : '');
  }
  return (file) => {
    const p = file.replace(/\\/g, '/');
    for (const [from, to] of prefixes) if (p.startsWith(from)) return to + p.slice(from.length);
    return undefined;
  };
}

function safeCommits(commitsOf: (fn: ChangedFunction) => CommitRef[], c: ChangedFunction): CommitRef[] {
  try {
    return commitsOf(c);
  } catch {
    return [];
  }
}
