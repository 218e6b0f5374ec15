/**
 * A shard applied to what discovery found: the runners (gotool/run.ts, gotool/alternate.ts) keep
 * the packages of their shard, narrowed to its benchmark functions where the plan split a package.
 */
import { quoteMeta } from '../regexp.js';
import type { Discovery } from '../gotool/packages.js';
import { selectionIn, shardInfo, type ShardInfo, type ShardRequest, type SuitePackage } from './plan.js';

/**
 * Plans over the union of the discoveries (both sides of a paired run plan one suite) and narrows
 * each discovery in place to this shard. A package that did not load is planned whole, so that
 * exactly one shard reports its failure.
 */
export function applyShard(req: ShardRequest, discoveries: Discovery[]): ShardInfo {
  const suite = new Map<string, Set<string>>();
  for (const d of discoveries) {
    for (const p of d.packages) for (const fn of p.benchmarks) (suite.get(p.importPath) ?? suite.set(p.importPath, new Set()).get(p.importPath)!).add(fn);
    for (const f of d.failures) if (!suite.has(f.importPath)) suite.set(f.importPath, new Set());
  }
  const packages: SuitePackage[] = [...suite].map(([pkg, fns]) => ({ pkg, benchmarks: [...fns] }));
  const info = shardInfo(req, packages);
  for (const d of discoveries) {
    d.packages = d.packages.flatMap((p) => {
      const sel = selectionIn(info, p.importPath);
      if (sel === null) return [];
      if (sel === 'all') return [p];
      return [{ ...p, benchmarks: p.benchmarks.filter((b) => sel.includes(b)), only: sel }];
    });
    d.failures = d.failures.filter((f) => selectionIn(info, f.importPath) !== null);
  }
  return info;
}

/**
 * The `-bench` pattern for a package the plan split: its first level anchored to the shard's
 * functions, the user's deeper levels kept (`Parse/large` with only BenchmarkParse planned here →
 * `^(BenchmarkParse)$/large`). Go splits the pattern on `/` outside brackets and parentheses.
 */
export function narrowBenchPattern(bench: string, only: readonly string[]): string {
  const first = `^(${only.map(quoteMeta).join('|')})$`;
  const levels = goBenchLevels(bench);
  return [first, ...levels.slice(1)].join('/');
}

function goBenchLevels(pattern: string): string[] {
  const levels: string[] = [];
  let depth = 0;
  let brackets = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (brackets) brackets = c !== ']';
    else if (c === '[') brackets = true;
    else if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '/' && depth === 0) {
      levels.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  levels.push(pattern.slice(start));
  return levels;
}
