/**
 * Which benchmark packages a change can affect (`packages: affected`, `benchgate run --affected`):
 * pure, from `go list -e -deps -test -json` of the head and the changed files.
 *
 * A benchmark's result can only move when its test binary changed, so a benchmark package is
 * selected when its test binary (the listing's `P.test` entry, whose `Deps` are everything the binary
 * links, test-only imports included) links a package whose content changed, or when its own tests
 * changed. Changed files map to packages by directory, the way the go command assigns them:
 * - a file go list names for the package (Go files, those excluded by build constraints too, C,
 *   assembly, syso) or any `.go` file in its directory changes the package's content;
 * - a file the package embeds (`EmbedFiles`) changes its content; one its tests embed
 *   (`TestEmbedFiles`, `XTestEmbedFiles`) or one under its `testdata/` (read by tests at run time)
 *   changes its tests only, so its importers are not selected for it;
 * - a `_test.go` file changes only its package's tests.
 * Some changes reach every package: then everything is measured, and the reason says which file.
 *
 * One listing, of the head, is enough: an import the PR removed is a change to the importing file,
 * which is in the head (or the importer is gone, and its benchmarks are `removed` rows); a deleted
 * package is imported by nothing in the head. A file that build constraints exclude still counts
 * for its directory's package, so a changed `//go:build` line selects that package and its
 * importers, whichever side compiled the file.
 */
import { posix } from 'node:path';
import type { SkippedPackage } from '../types.js';

/** What the selection needs of one `go list -json` entry. */
export interface ListedPackage {
  /** As go list prints it; test variants carry a suffix, e.g. `m/b [m/a.test]`. */
  importPath: string;
  /** Absolute directory, `/`-separated. */
  dir: string;
  standard: boolean;
  /** Set on test variants: the package under test. */
  forTest?: string;
  /** Transitive dependencies (for a `P.test` entry: everything the test binary links). */
  deps: string[];
  /** The directory of the module the package belongs to. */
  moduleDir?: string;
  /** Files of the package proper (non-test), relative to dir. */
  files: string[];
  /** Test files (`_test.go`), relative to dir. */
  testFiles: string[];
  embedFiles: string[];
  testEmbedFiles: string[];
  /** Whether it has any `//go:embed` pattern (a deleted file may have matched one). */
  embeds: boolean;
  testEmbeds: boolean;
  cgo: boolean;
  /** go list's error for the package or its dependencies, if any. */
  error?: string;
}

export interface ChangedFile {
  /** Repository-relative path, `/`-separated (as git and the GitHub API print it). */
  path: string;
  status: 'added' | 'modified' | 'deleted' | 'renamed';
  /** A rename's old path: a deletion there. */
  previousPath?: string;
}

export interface AffectedInput {
  /** The head's `go list -e -deps -test -json` entries. */
  packages: ListedPackage[];
  changed: ChangedFile[];
  /** Absolute, `/`-separated. */
  repoDir: string;
  /** The Go module's directory, absolute, `/`-separated. */
  moduleDir: string;
  /** The import paths of the packages that would be measured (discovery's benchmark packages). */
  benchmarkPackages: string[];
}

export interface SelectedPackage {
  package: string;
  /** Why it is measured, e.g. `its test binary links example.com/m/c (changed)`. */
  reason: string;
}

export interface AffectedSelection {
  /** Set when every package is measured: which change reaches them all. */
  all?: string;
  selected: SelectedPackage[];
  skipped: SkippedPackage[];
  /** Packages whose content changed (their importers are selected), sorted. */
  changedPackages: string[];
  /** Packages whose tests alone changed, sorted. */
  changedTests: string[];
}

/** Files whose change alters what every package builds against. */
const MODULE_FILES = new Set(['go.mod', 'go.sum']);
const WORKSPACE_FILES = new Set(['go.work', 'go.work.sum']);
/** C headers: cgo's `#include` can reach them from any directory, which go list does not report. */
const HEADER = /\.(h|hh|hpp|hxx)$/;

/** `m/b [m/a.test]` → `m/b`. */
export function basePath(importPath: string): string {
  const i = importPath.indexOf(' [');
  return i < 0 ? importPath : importPath.slice(0, i);
}

/** Whether `path` is `dir` or inside it (both absolute, `/`-separated). */
function within(path: string, dir: string): boolean {
  return path === dir || path.startsWith(dir.endsWith('/') ? dir : dir + '/');
}

export function selectAffected(input: AffectedInput): AffectedSelection {
  const { packages } = input;
  const abs = (p: string) => posix.join(input.repoDir, p);
  // A rename deletes its old path and adds its new one.
  const present: string[] = [];
  const deleted: string[] = [];
  for (const f of input.changed) {
    if (f.status === 'deleted') deleted.push(abs(f.path));
    else present.push(abs(f.path));
    if (f.previousPath && f.previousPath !== f.path) deleted.push(abs(f.previousPath));
  }

  const everything = (reason: string): AffectedSelection => ({
    all: reason,
    selected: [...input.benchmarkPackages].sort().map((p) => ({ package: p, reason })),
    skipped: [],
    changedPackages: [],
    changedTests: [],
  });
  const rel = (p: string) => posix.relative(input.repoDir, p);
  const reachesAll = allReason([...present, ...deleted], packages, input.moduleDir, rel);
  if (reachesAll) return everything(reachesAll);

  // The package proper of each directory (not its test variants, not the test mains).
  const byDir = new Map<string, ListedPackage>();
  for (const p of packages) if (!p.standard && !p.forTest && !p.importPath.endsWith('.test')) byDir.set(p.dir, p);
  const changedPackages = new Set<string>();
  const changedTests = new Set<string>();
  for (const file of present) {
    const dir = posix.dirname(file);
    const name = posix.basename(file);
    const own = byDir.get(dir);
    if (own) {
      if (own.testFiles.includes(name) || name.endsWith('_test.go')) changedTests.add(own.importPath);
      else if (own.files.includes(name) || name.endsWith('.go')) changedPackages.add(own.importPath);
    }
    for (const p of byDir.values()) {
      const inPkg = (list: string[]) => list.some((e) => posix.join(p.dir, e) === file);
      if (inPkg(p.embedFiles)) changedPackages.add(p.importPath);
      if (inPkg(p.testEmbedFiles) || within(file, posix.join(p.dir, 'testdata'))) changedTests.add(p.importPath);
    }
  }
  for (const file of deleted) {
    const dir = posix.dirname(file);
    const own = byDir.get(dir);
    if (own && file.endsWith('_test.go')) changedTests.add(own.importPath);
    else if (own && file.endsWith('.go')) changedPackages.add(own.importPath);
    // A file that is gone may have matched an embed pattern of a package above it.
    for (const p of byDir.values()) {
      if (!within(file, p.dir) || file.endsWith('.go')) continue;
      if (p.embeds) changedPackages.add(p.importPath);
      if (p.testEmbeds || within(file, posix.join(p.dir, 'testdata'))) changedTests.add(p.importPath);
    }
  }

  const listed = new Map(packages.map((p) => [p.importPath, p]));
  const selected: SelectedPackage[] = [];
  const skipped: SkippedPackage[] = [];
  const contentList = [...changedPackages].sort();
  for (const pkg of [...input.benchmarkPackages].sort()) {
    const reason = whySelected(pkg, listed, changedPackages, changedTests);
    if (reason) selected.push({ package: pkg, reason });
    else skipped.push({ package: pkg, reason: whySkipped(contentList, present.length + deleted.length) });
  }
  return { selected, skipped, changedPackages: contentList, changedTests: [...changedTests].sort() };
}

/** The reason a changed file reaches every package, or undefined. */
function allReason(files: string[], packages: ListedPackage[], moduleDir: string, rel: (p: string) => string): string | undefined {
  const moduleDirs = new Set([moduleDir, ...packages.filter((p) => !p.standard && p.moduleDir).map((p) => p.moduleDir!)]);
  const cgo = packages.some((p) => !p.standard && p.cgo);
  for (const file of files) {
    const dir = posix.dirname(file);
    const name = posix.basename(file);
    if (MODULE_FILES.has(name) && moduleDirs.has(dir)) return `${rel(file)} changed: the module's requirements reach every package`;
    if (WORKSPACE_FILES.has(name) && within(moduleDir, dir)) return `${rel(file)} changed: the workspace reaches every package`;
    if (file === posix.join(moduleDir, 'vendor', 'modules.txt')) return `${rel(file)} changed: the vendored requirements reach every package`;
    if (cgo && HEADER.test(name)) return `${rel(file)} changed: a C header can be included by any cgo package`;
  }
  return undefined;
}

function whySelected(pkg: string, listed: Map<string, ListedPackage>, content: Set<string>, tests: Set<string>): string | undefined {
  if (content.has(pkg)) return 'its own code changed';
  if (tests.has(pkg)) return 'its tests changed';
  const main = listed.get(`${pkg}.test`);
  const self = listed.get(pkg);
  // Without the test binary's dependencies (a load error), nothing says it is safe to skip.
  if (!main || !self) return 'go list did not describe its test binary';
  const error = main.error ?? self.error;
  if (error) return `go list could not load it fully (${error.split('\n')[0]})`;
  const hits = [...new Set(main.deps.map(basePath))].filter((d) => content.has(d)).sort();
  if (hits.length === 0) return undefined;
  const more = hits.length > 1 ? ` and ${hits.length - 1} more changed package${hits.length > 2 ? 's' : ''}` : ' (changed)';
  return `its test binary links ${hits[0]}${more}`;
}

function whySkipped(changed: string[], files: number): string {
  if (changed.length === 0) return files === 0 ? 'nothing changed' : 'the change touches no Go package it builds';
  const named = changed.slice(0, 3).join(', ') + (changed.length > 3 ? `, … (${changed.length} in all)` : '');
  return `its test binary links none of the changed packages (${named})`;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function errorText(o: Record<string, unknown>): string | undefined {
  const errs: unknown[] = [];
  if (o.Error && typeof o.Error === 'object') errs.push(o.Error);
  if (Array.isArray(o.DepsErrors)) errs.push(...o.DepsErrors);
  const texts = errs.map((e) => {
    const x = e as { Pos?: unknown; Err?: unknown };
    return `${typeof x.Pos === 'string' && x.Pos ? `${x.Pos}: ` : ''}${typeof x.Err === 'string' ? x.Err : 'unknown error'}`;
  });
  return texts.length ? texts.join('\n') : undefined;
}

/** The `go list -json` fields listedPackage reads (for `-json=<fields>`, which keeps the output small). */
export const LISTED_FIELDS = [
  'ImportPath',
  'Dir',
  'Standard',
  'ForTest',
  'Deps',
  'Module',
  'GoFiles',
  'CgoFiles',
  'IgnoredGoFiles',
  'IgnoredOtherFiles',
  'CFiles',
  'CXXFiles',
  'HFiles',
  'SFiles',
  'FFiles',
  'MFiles',
  'SwigFiles',
  'SwigCXXFiles',
  'SysoFiles',
  'TestGoFiles',
  'XTestGoFiles',
  'EmbedPatterns',
  'EmbedFiles',
  'TestEmbedPatterns',
  'TestEmbedFiles',
  'XTestEmbedPatterns',
  'XTestEmbedFiles',
  'Error',
  'DepsErrors',
] as const;

/** One `go list -json` object as the selection reads it; paths become `/`-separated. */
export function listedPackage(o: Record<string, unknown>): ListedPackage {
  const slash = (p: string) => p.split('\\').join('/');
  const module = o.Module && typeof o.Module === 'object' ? (o.Module as { Dir?: unknown }) : undefined;
  const pick = (...names: string[]) => names.flatMap((n) => strings(o[n]));
  return {
    importPath: typeof o.ImportPath === 'string' ? o.ImportPath : '',
    dir: typeof o.Dir === 'string' ? slash(o.Dir) : '',
    standard: o.Standard === true,
    forTest: typeof o.ForTest === 'string' ? o.ForTest : undefined,
    deps: strings(o.Deps),
    moduleDir: typeof module?.Dir === 'string' ? slash(module.Dir) : undefined,
    files: pick('GoFiles', 'CgoFiles', 'IgnoredGoFiles', 'IgnoredOtherFiles', 'CFiles', 'CXXFiles', 'HFiles', 'SFiles', 'FFiles', 'MFiles', 'SwigFiles', 'SwigCXXFiles', 'SysoFiles'),
    testFiles: pick('TestGoFiles', 'XTestGoFiles'),
    embedFiles: strings(o.EmbedFiles),
    testEmbedFiles: pick('TestEmbedFiles', 'XTestEmbedFiles'),
    embeds: strings(o.EmbedPatterns).length > 0,
    testEmbeds: pick('TestEmbedPatterns', 'XTestEmbedPatterns').length > 0,
    cgo: strings(o.CgoFiles).length > 0,
    error: errorText(o),
  };
}
