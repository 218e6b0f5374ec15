/** The PR's changes as Go functions: unified diffs, function ranges, and matching to profiles. */
export { parseUnifiedDiff, parsePatch, mergeRanges, intersects, type FileDiff, type FileStatus, type LineRange } from './unified.js';
export { scanGoSource, symbolPrefix, normalizeFunctionName, enclosingFunctionName, type GoFunc, type GoSource } from './gofuncs.js';
export {
  changedFunctions,
  matchProfileFunction,
  sameFile,
  pkgDirIn,
  importPathOf,
  type ChangedFunction,
  type ChangedFunctions,
  type PkgDirOf,
  type SourceRange,
} from './match.js';
