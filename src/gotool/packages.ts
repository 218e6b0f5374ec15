/**
 * Finding the packages worth a `go test -bench` run: `go list` resolves the patterns, then each
 * package's test files are read for benchmark declarations that the `-bench` pattern may select.
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { BenchgateError, type Warning } from '../errors.js';
import { run } from '../exec.js';
import { findBenchmarks, topLevelMatcher } from './benchfuncs.js';
import { parseJsonStream } from './jsonstream.js';

export interface BenchPackage {
  importPath: string;
  /** Absolute directory. */
  dir: string;
  /** Directory relative to the working directory, `./`-prefixed (`.` for the directory itself). */
  relDir: string;
  /** Top-level benchmark functions the pattern may select, e.g. `BenchmarkParse`. */
  benchmarks: string[];
  /** Set when a shard keeps only these functions of the package (src/shard/select.ts). */
  only?: string[];
}

export interface ListFailure {
  importPath: string;
  dir: string;
  relDir: string;
  message: string;
}

export interface Discovery {
  /** Packages to run, ordered by import path. */
  packages: BenchPackage[];
  /** Packages go list could not load and that may hold selected benchmarks. */
  failures: ListFailure[];
  warnings: Warning[];
}

export interface DiscoverOptions {
  cwd: string;
  /** Package patterns, default `./...`. */
  patterns?: readonly string[];
  /** `-bench` pattern, default `.`. */
  bench?: string;
  /** Build flags that change which files belong to a package (e.g. `-tags`). */
  buildFlags?: readonly string[];
  /** Keep only these import paths (the affected selection); a package that exists on one side only is simply absent on the other. */
  only?: readonly string[];
  env?: NodeJS.ProcessEnv;
  goBin?: string;
}

const LIST_FIELDS = 'ImportPath,Dir,TestGoFiles,XTestGoFiles,Error,DepsErrors';

export function relativeDir(cwd: string, dir: string): string {
  const rel = relative(cwd, dir).split(sep).join('/');
  if (rel === '') return '.';
  return rel.startsWith('..') ? rel : `./${rel}`;
}

interface GoListError {
  Pos?: string;
  Err?: string;
}

function listErrors(pkg: Record<string, unknown>): string[] {
  const errs: GoListError[] = [];
  if (pkg.Error && typeof pkg.Error === 'object') errs.push(pkg.Error as GoListError);
  if (Array.isArray(pkg.DepsErrors)) errs.push(...(pkg.DepsErrors as GoListError[]));
  return errs.map((e) => (e.Pos ? `${e.Pos}: ${e.Err ?? ''}` : String(e.Err ?? 'unknown error')));
}

function stringArray(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * The packages under `patterns` with benchmarks that `bench` may select. Only the first level of
 * the pattern (the top-level benchmark name) is checked — sub-benchmark names exist only at run
 * time — so a package may still run no benchmark; the runner reports that as `no-benchmarks`.
 * A package that fails to load is a failure only when it may hold selected benchmarks (or its
 * test files cannot be read); otherwise it is a warning, since nothing would have run there.
 */
export async function discoverPackages(opts: DiscoverOptions): Promise<Discovery> {
  const goBin = opts.goBin ?? 'go';
  const patterns = opts.patterns && opts.patterns.length > 0 ? opts.patterns : ['./...'];
  const args = ['list', '-e', `-json=${LIST_FIELDS}`, ...(opts.buildFlags ?? []), '--', ...patterns];
  const r = await run(goBin, args, { cwd: opts.cwd, env: opts.env, timeoutMs: 5 * 60_000 });
  if (r.code !== 0 || r.timedOut) {
    const why = r.timedOut ? 'timed out' : r.stderr.trim() || `exit status ${r.code}`;
    throw new BenchgateError(`go list ${patterns.join(' ')} failed in ${opts.cwd}: ${why}`, 'go-list');
  }
  const warnings: Warning[] = r.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((message) => ({ message: `go list: ${message}` }));

  // When JS cannot compile the pattern, keep every benchmark and let go test filter.
  const matches = topLevelMatcher(opts.bench ?? '.') ?? (() => true);
  const packages: BenchPackage[] = [];
  const failures: ListFailure[] = [];
  for (const pkg of parseJsonStream(r.stdout, 'go list -json')) {
    const importPath = typeof pkg.ImportPath === 'string' ? pkg.ImportPath : '';
    const dir = typeof pkg.Dir === 'string' ? pkg.Dir : '';
    const relDir = dir ? relativeDir(opts.cwd, dir) : importPath;
    const files = [...stringArray(pkg.TestGoFiles), ...stringArray(pkg.XTestGoFiles)];
    const benchmarks = new Set<string>();
    let unreadable = dir === '';
    for (const f of files) {
      try {
        for (const name of findBenchmarks(await readFile(join(dir, f), 'utf8'))) {
          if (matches(name)) benchmarks.add(name);
        }
      } catch {
        unreadable = true;
      }
    }
    const errors = listErrors(pkg);
    if (errors.length > 0) {
      if (benchmarks.size > 0 || unreadable) failures.push({ importPath, dir, relDir, message: errors.join('\n') });
      else warnings.push({ message: `go list: ${importPath} does not load (no selected benchmarks there): ${errors[0]}` });
      continue;
    }
    if (benchmarks.size > 0) packages.push({ importPath, dir, relDir, benchmarks: [...benchmarks].sort() });
  }
  const byPath = (a: { importPath: string }, b: { importPath: string }) =>
    a.importPath < b.importPath ? -1 : a.importPath > b.importPath ? 1 : 0;
  const only = opts.only ? new Set(opts.only) : undefined;
  const kept = <T extends { importPath: string }>(xs: T[]) => (only ? xs.filter((x) => only.has(x.importPath)) : xs);
  return { packages: kept(packages).sort(byPath), failures: kept(failures).sort(byPath), warnings };
}
