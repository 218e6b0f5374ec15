/**
 * Per-op profiles and rows for attribution tests (src/attribute/): frames in nanoseconds per op,
 * a sec/op row of one benchmark of `example.com/m/p`, changed functions of `p/p.go`. No Go needed.
 */
import type { ChangedFunction } from '../../src/diff/match.js';
import type { BenchmarkProfile, CompareRow, FunctionOpCost } from '../../src/types.js';

export const NS = 1e-9;
export const P = 'example.com/m/p';

/** A frame as the pprof module reports it: cost per op in seconds. */
export const frame = (fn: string, flatNs: number, cumNs: number, startLine = 0, file = '/ci/repo/p/p.go'): FunctionOpCost => ({
  function: fn,
  file,
  startLine,
  flat: flatNs * NS,
  cum: cumNs * NS,
});

export const profileOf =
  (name: string) =>
  (...functions: FunctionOpCost[]): BenchmarkProfile => ({ package: P, name, unit: 'sec/op', functions });

const summary = (ns: number) => ({ n: 10, center: ns * NS, lo: ns * NS, hi: ns * NS, warnings: [] });

/** A significant sec/op row of benchmark `name`: a regression when head > base, else an improvement. */
export const rowOf =
  (name: string) =>
  (baseNs: number, headNs: number, over: Partial<CompareRow> = {}): CompareRow => ({
    package: P,
    name,
    unit: 'sec/op',
    base: summary(baseNs),
    head: summary(headNs),
    deltaPercent: (headNs / baseNs - 1) * 100,
    p: 0.001,
    significant: true,
    verdict: headNs > baseNs ? 'regression' : 'improvement',
    reason: 'p=0.001',
    ...over,
  });

export const changedFn = (name: string, startLine: number, endLine: number, over: Partial<ChangedFunction> = {}): ChangedFunction => ({
  function: `${P}.${name}`,
  file: 'p/p.go',
  pkgPath: P,
  startLine,
  endLine,
  side: 'head',
  ...over,
});
