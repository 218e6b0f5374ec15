/**
 * One function's changes taken back out of the head's source. Pure: texts in, text out.
 *
 * The function's head text (its `func` line to its closing brace) is replaced by its text at the
 * merge base, found by name; a function the base does not have is removed. This is what applying
 * in reverse the PR's hunks inside the function's line range does, but exact at the edges: the
 * hunks of a diff do not follow function boundaries (a hunk with context, or a run of changed
 * lines, can cover the end of one function and the start of the next), and reverting such a hunk
 * would revert a neighbour too. Doc comments, which the range does not include, stay as they are.
 * The file's imports follow the swap (reconcileImports): a package only the head's text used is
 * dropped (Go refuses an unused import), one only the base's text used is brought back from the
 * base's imports. Whether the result otherwise compiles (a new signature other code uses, a removed
 * helper another changed function needs) is for the compiler to say.
 */
import { BenchgateError } from '../errors.js';
import { type GoImport, importedName, normalizeFunctionName, scanGoSource, scanImports, type GoFunc } from '../diff/gofuncs.js';

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
  const swapped = lines.join(eol);
  try {
    return { text: reconcileImports(swapped, headText, baseText, file), how: b ? 'restored' : 'removed' };
  } catch (e) {
    if (e instanceof BenchgateError) return { error: e.message };
    throw e;
  }
}

/**
 * The reverted text with its imports matching its use: an import the head used and the reverted
 * text no longer does is removed; a package the reverted text uses that the head did not import
 * but the base did is added (as the base imported it). Only imports whose name is known are touched
 * (importedName), and `_`/`.` imports never: a name shadowed by a local keeps its import, as before.
 */
export function reconcileImports(text: string, headText: string, baseText: string | undefined, file: string): string {
  const now = scanImports(text, file);
  const usedAtHead = scanImports(headText, file).qualifiers;
  const named = (imp: GoImport) => {
    const n = importedName(imp);
    return n && n !== '_' && n !== '.' ? n : null;
  };
  const drop = now.imports.filter((imp) => {
    const n = named(imp);
    return n !== null && usedAtHead.has(n) && !now.qualifiers.has(n);
  });
  const have = new Set(now.imports.map((imp) => importedName(imp)));
  const add = baseText === undefined ? [] : scanImports(baseText, file).imports.filter((imp) => {
    const n = named(imp);
    return n !== null && !have.has(n) && now.qualifiers.has(n) && !usedAtHead.has(n);
  });
  if (drop.length === 0 && add.length === 0) return text;
  // Edits from the end, so earlier offsets stay valid; added imports go after the last import.
  const edits = [
    ...drop.map((imp) => ({ start: imp.start, end: imp.end, insert: '' })),
    ...(add.length ? [{ start: now.insertAt, end: now.insertAt, insert: add.map((imp) => `\nimport ${imp.name ? `${imp.name} ` : ''}${JSON.stringify(imp.path)}`).join('') }] : []),
  ].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}
