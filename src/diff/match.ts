/**
 * Which Go functions a PR changed, and which of them a profile frame belongs to. Pure: sources
 * come in through reader callbacks.
 */
import { BenchgateError, type Warning } from '../errors.js';
import type { FunctionOpCost } from '../types.js';
import { enclosingFunctionName, normalizeFunctionName, scanGoSource, type GoFunc } from './gofuncs.js';
import { intersects, type FileDiff } from './unified.js';

export interface ChangedFunction {
  /** pprof-style name, generic arguments as `[...]` (see normalizeFunctionName). */
  function: string;
  /** Repo-relative path: the head path, or the base path for a function only the base has. */
  file: string;
  /** Import path of the function's package (unescaped), to recognise `-trimpath` file names. */
  pkgPath: string;
  startLine: number;
  endLine: number;
  /**
   * Where the range is: `head` for functions present after the PR (lines added or removed
   * inside them); `base` for functions the PR deleted (or renamed away), in base line numbers.
   */
  side: 'head' | 'base';
}

/** Repo-relative file path → its package's directory relative to the module root, or undefined if not in the module. */
export type PkgDirOf = (repoPath: string) => string | undefined;

/**
 * The usual PkgDirOf: the module lives at `moduleRoot` inside the repo ('' for the root);
 * files outside it, and under `vendor/` or `testdata/`, belong to no package of ours.
 */
export function pkgDirIn(moduleRoot = ''): PkgDirOf {
  const root = moduleRoot.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return (repoPath) => {
    if (root !== '' && !repoPath.startsWith(root + '/')) return undefined;
    const rel = root === '' ? repoPath : repoPath.slice(root.length + 1);
    const parts = rel.split('/');
    parts.pop();
    if (parts.some((p) => p === 'vendor' || p === 'testdata' || p.startsWith('.') || p.startsWith('_'))) return undefined;
    return parts.join('/');
  };
}

export function importPathOf(modulePath: string, pkgDir: string): string {
  return pkgDir === '' ? modulePath : `${modulePath}/${pkgDir}`;
}

export interface ChangedFunctions {
  functions: ChangedFunction[];
  /** Files that could not be read or scanned: their changes are not attributed. */
  warnings: Warning[];
}

/**
 * The functions whose range intersects the PR's changed lines.
 * @param readSource head-side source by new path (undefined when unavailable).
 * @param readBaseSource base-side source by old path; without it, functions the PR deleted are
 *   not reported.
 */
export function changedFunctions(
  diffs: FileDiff[],
  readSource: (newPath: string) => string | undefined,
  modulePath: string,
  pkgDirOf: PkgDirOf,
  readBaseSource?: (oldPath: string) => string | undefined,
): ChangedFunctions {
  const functions: ChangedFunction[] = [];
  const warnings: Warning[] = [];

  const scan = (path: string, read: (p: string) => string | undefined): { funcs: GoFunc[]; pkgPath: string } | undefined => {
    const dir = pkgDirOf(path);
    if (dir === undefined) return undefined;
    const text = read(path);
    if (text === undefined) {
      warnings.push({ message: 'source not available: its changed functions are not attributed', where: { file: path } });
      return undefined;
    }
    const pkgPath = importPathOf(modulePath, dir);
    try {
      return { funcs: scanGoSource(text, path, pkgPath).functions, pkgPath };
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push({ message: `${e.message}: its changed functions are not attributed` });
      return undefined;
    }
  };

  for (const d of diffs) {
    if (d.binary) continue;
    const headFuncs = d.newPath !== null && d.newPath.endsWith('.go') ? scan(d.newPath, readSource) : undefined;
    const headChanged = new Set<string>();
    if (headFuncs && d.newPath !== null) {
      for (const f of headFuncs.funcs) {
        const lostLines = d.deletedAfter.some((n) => f.startLine <= n && n + 1 <= f.endLine);
        if (lostLines || intersects(d.added, f.startLine, f.endLine)) {
          headChanged.add(f.name);
          functions.push(located(f, d.newPath, headFuncs.pkgPath, 'head'));
        }
      }
    }
    if (!readBaseSource || d.oldPath === null || !d.oldPath.endsWith('.go') || d.removed.length === 0) continue;
    const baseFuncs = scan(d.oldPath, readBaseSource);
    if (!baseFuncs) continue;
    const headNames = new Set(headFuncs?.funcs.map((f) => f.name));
    for (const f of baseFuncs.funcs) {
      if (!intersects(d.removed, f.startLine, f.endLine) || headChanged.has(f.name)) continue;
      const onHead = headFuncs?.funcs.find((h) => h.name === f.name);
      if (onHead && d.newPath !== null) {
        // Lost lines at its edges (e.g. a rewritten signature) without a deletion point inside.
        headChanged.add(f.name);
        functions.push(located(onHead, d.newPath, headFuncs!.pkgPath, 'head'));
      } else if (!headNames.has(f.name)) {
        functions.push(located(f, d.oldPath, baseFuncs.pkgPath, 'base'));
      }
    }
  }
  return { functions, warnings };
}

function located(f: GoFunc, file: string, pkgPath: string, side: 'head' | 'base'): ChangedFunction {
  return { function: f.name, file, pkgPath, startLine: f.startLine, endLine: f.endLine, side };
}

/** What matching needs of a candidate: a name, a repo-relative file, a line range. */
export interface SourceRange {
  function: string;
  file: string;
  pkgPath?: string;
  startLine: number;
  endLine: number;
}

/**
 * Whether a file name recorded in a profile is this repo-relative file: an absolute build path
 * ends with it (whatever the checkout directory was), and a `-trimpath` name is the package's
 * import path plus the file's base name.
 */
export function sameFile(profileFile: string, repoPath: string, pkgPath?: string): boolean {
  const p = profileFile.replace(/\\/g, '/');
  if (p === repoPath || p.endsWith('/' + repoPath)) return true;
  if (pkgPath === undefined) return false;
  const base = repoPath.slice(repoPath.lastIndexOf('/') + 1);
  return p === `${pkgPath}/${base}`;
}

/**
 * The candidate a profile function belongs to. By file and line first: when the profile's file
 * is a candidate's file, the answer is decided by lines alone — the range holding `startLine`
 * (a closure's start line falls inside its enclosing function, which owns it), or none, since
 * then the function is one the PR did not touch. By name only when the file is not recognised
 * or the start line is unknown, because closure names change between Go versions.
 * Candidates must use the same side's line numbers as the profile; pass `byName` to skip lines
 * (e.g. a base-profile frame against head ranges).
 */
export function matchProfileFunction<T extends SourceRange>(
  fn: Pick<FunctionOpCost, 'function' | 'file' | 'startLine'>,
  candidates: readonly T[],
  opts: { byName?: boolean } = {},
): T | undefined {
  if (!opts.byName && fn.startLine > 0 && fn.file) {
    const inFile = candidates.filter((c) => sameFile(fn.file, c.file, c.pkgPath));
    if (inFile.length > 0) {
      const holding = inFile.filter((c) => c.startLine <= fn.startLine && fn.startLine <= c.endLine);
      // Top-level functions do not nest, so at most one holds the line; prefer an exact start.
      return holding.find((c) => c.startLine === fn.startLine) ?? holding[0];
    }
  }
  const wanted = enclosingFunctionName(fn.function);
  const byName = candidates.filter((c) => normalizeFunctionName(c.function) === wanted);
  // `init` is declared many times per package: a name alone cannot pick one.
  return byName.length === 1 ? byName[0] : undefined;
}
