/**
 * One function's changes taken back out of the head's source. Pure: texts in, text out.
 *
 * The function's head text (its `func` line to its closing brace) is replaced by its text at the
 * merge base, found by name; a function the base does not have is removed. This is what applying
 * in reverse the PR's hunks inside the function's line range does, but exact at the edges: the
 * hunks of a diff do not follow function boundaries (a hunk with context, or a run of changed
 * lines, can cover the end of one function and the start of the next), and reverting such a hunk
 * would revert a neighbour too. Doc comments, which the range does not include, stay as they are.
 * Whether the result still compiles (a new signature other code uses, a removed helper another
 * changed function needs) is for the compiler to say.
 */
import { BenchgateError } from '../errors.js';
import { normalizeFunctionName, scanGoSource, type GoFunc } from '../diff/gofuncs.js';

export interface RevertTarget {
  /** pprof-style name as changedFunctions gives it. */
  function: string;
  /** Head line where it starts (disambiguates `init`, which is declared many times). */
  startLine: number;
  /** Its package's import path (for the scanner's names). */
  pkgPath: string;
}

export type Reverted = { text: string; how: 'restored' | 'removed' } | { error: string };

function find(funcs: GoFunc[], name: string, startLine?: number): GoFunc | undefined {
  const wanted = normalizeFunctionName(name);
  const same = funcs.filter((f) => normalizeFunctionName(f.name) === wanted);
  return same.find((f) => f.startLine === startLine) ?? (same.length === 1 ? same[0] : undefined);
}

/**
 * @param headText the file at the head.
 * @param baseText the file at the merge base (undefined when the PR added the file).
 */
export function revertFunction(headText: string, baseText: string | undefined, file: string, target: RevertTarget): Reverted {
  let headFuncs: GoFunc[];
  let baseFuncs: GoFunc[] = [];
  try {
    headFuncs = scanGoSource(headText, file, target.pkgPath).functions;
    if (baseText !== undefined) baseFuncs = scanGoSource(baseText, file, target.pkgPath).functions;
  } catch (e) {
    if (e instanceof BenchgateError) return { error: e.message };
    throw e;
  }
  const h = find(headFuncs, target.function, target.startLine);
  if (!h) return { error: `${file} has no function ${target.function} at the head` };
  const b = find(baseFuncs, target.function);
  const eol = headText.includes('\r\n') ? '\r\n' : '\n';
  const lines = headText.split(/\r?\n/);
  const old = b ? (baseText as string).split(/\r?\n/).slice(b.startLine - 1, b.endLine) : [];
  lines.splice(h.startLine - 1, h.endLine - h.startLine + 1, ...old);
  return { text: lines.join(eol), how: b ? 'restored' : 'removed' };
}
