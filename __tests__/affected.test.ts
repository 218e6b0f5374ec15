/**
 * The affected selection (src/gotool/affected.ts) on the real `go list -deps -test` of
 * __tests__/fixtures/affectedmod: a → b → c, t's tests import c, d stands alone, e embeds
 * e/data/table.txt. Listing once (fast: no build) and then pure cases, each a changed-file list
 * next to the packages it selects.
 */
import { join } from 'node:path';
import { selectAffected, type ChangedFile, type ListedPackage } from '../src/gotool/affected.js';
import { listDeps } from '../src/gotool/deps.js';
import { parseNameStatus } from '../src/git/history.js';
import { discoverPackages } from '../src/gotool/packages.js';
import { compareResults } from '../src/compare/compare.js';
import { evaluateGate } from '../src/compare/gate.js';
import { fromJsonReport, toJsonReport } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { ROOT } from './helpers/tools.js';

const MOD = join(ROOT, '__tests__', 'fixtures', 'affectedmod').split('\\').join('/');
const M = 'example.com/affectedmod';

let packages: ListedPackage[];
let benchmarkPackages: string[];

beforeAll(async () => {
  packages = await listDeps({ cwd: MOD, patterns: ['./...'] });
  benchmarkPackages = (await discoverPackages({ cwd: MOD })).packages.map((p) => p.importPath);
});

/** Paths relative to the module (the fixture plays the repository root). */
function select(changed: (string | ChangedFile)[], extra: ListedPackage[] = []) {
  const files = changed.map((c): ChangedFile => (typeof c === 'string' ? { path: c, status: 'modified' } : c));
  return selectAffected({ packages: [...packages, ...extra], changed: files, repoDir: MOD, moduleDir: MOD, benchmarkPackages });
}

const names = (xs: { package: string }[]) => xs.map((x) => x.package.replace(`${M}/`, ''));

test('the fixture has six benchmark packages', () => {
  expect(benchmarkPackages.map((p) => p.replace(`${M}/`, ''))).toEqual(['a', 'b', 'c', 'd', 'e', 't']);
});

test('a change in the leaf c selects its importers (a test-only import included) and nothing else', () => {
  const s = select(['c/c.go']);
  expect(s.all).toBeUndefined();
  expect(names(s.selected)).toEqual(['a', 'b', 'c', 't']);
  expect(s.selected.map((x) => x.reason)).toEqual([
    `its test binary links ${M}/c (changed)`,
    `its test binary links ${M}/c (changed)`,
    'its own code changed',
    `its test binary links ${M}/c (changed)`,
  ]);
  expect(s.skipped).toEqual([
    { package: `${M}/d`, reason: `its test binary links none of the changed packages (${M}/c)` },
    { package: `${M}/e`, reason: `its test binary links none of the changed packages (${M}/c)` },
  ]);
  expect(s.changedPackages).toEqual([`${M}/c`]);
});

test('a change in the middle selects upward only: b and a, not c', () => {
  expect(names(select(['b/b.go']).selected)).toEqual(['a', 'b']);
});

test("a change to a package's tests selects that package alone, not its importers", () => {
  const s = select(['c/c_test.go']);
  expect(s.selected).toEqual([{ package: `${M}/c`, reason: 'its tests changed' }]);
  expect(s.changedTests).toEqual([`${M}/c`]);
  expect(s.changedPackages).toEqual([]);
});

test.each(['go.mod', 'go.sum', 'go.work', { path: 'vendor/modules.txt', status: 'added' } as ChangedFile])('%j changed: everything is measured', (f) => {
  const s = select(['c/c.go', f]);
  const path = typeof f === 'string' ? f : f.path;
  expect(s.all).toMatch(new RegExp(`^${path.replace('.', '\\.')} changed: `));
  expect(names(s.selected)).toEqual(['a', 'b', 'c', 'd', 'e', 't']);
  expect(s.skipped).toEqual([]);
});

test("another module's go.mod (a sibling in the repository, not a dependency) reaches nothing here", () => {
  const s = selectAffected({ packages, changed: [{ path: 'other/go.mod', status: 'modified' }], repoDir: MOD, moduleDir: `${MOD}/sub`, benchmarkPackages });
  expect(s.all).toBeUndefined();
  expect(s.selected).toEqual([]);
});

test('an embedded file selects the embedding package; its deletion too (it may have matched the pattern)', () => {
  expect(select(['e/data/table.txt']).selected).toEqual([{ package: `${M}/e`, reason: 'its own code changed' }]);
  expect(names(select([{ path: 'e/data/old.txt', status: 'deleted' }]).selected)).toEqual(['e']);
  // A rename away from the embedded name is a deletion there.
  expect(names(select([{ path: 'e/data/new.txt', status: 'renamed', previousPath: 'e/data/table.txt' }]).selected)).toEqual(['e']);
});

test('non-Go files outside any package, and testdata, select only what reads them', () => {
  const docs = select(['README.md', 'docs/guide.md']);
  expect(docs.selected).toEqual([]);
  expect(docs.skipped[0].reason).toBe('the change touches no Go package it builds');
  expect(select(['d/testdata/input.json']).selected).toEqual([{ package: `${M}/d`, reason: 'its tests changed' }]);
});

test('a file excluded by build constraints counts for its directory', () => {
  // Its //go:build line may have been what changed: the base may have compiled it.
  expect(names(select([{ path: 'c/c_windows.go', status: 'added' }]).selected)).toEqual(['a', 'b', 'c', 't']);
});

test('a deleted package is a change: a deleted file in a package directory selects its importers', () => {
  expect(names(select([{ path: 'c/old.go', status: 'deleted' }]).selected)).toEqual(['a', 'b', 'c', 't']);
  // A whole directory gone: nothing in the head imports it (its importers changed too).
  const gone = select([{ path: 'gone/gone.go', status: 'deleted' }]);
  expect(gone.selected).toEqual([]);
  expect(gone.skipped).toHaveLength(6);
});

test('a C header changed in a module that uses cgo: everything', () => {
  const cgoPkg: ListedPackage = { ...packages.find((p) => p.importPath === `${M}/d`)!, importPath: `${M}/cg`, dir: `${MOD}/cg`, cgo: true };
  expect(select(['include/x.h'], [cgoPkg]).all).toBe('include/x.h changed: a C header can be included by any cgo package');
  expect(select(['include/x.h']).all).toBeUndefined();
});

test('a package go list could not load is measured, never skipped on a guess', () => {
  const broken = packages.map((p) => (p.importPath === `${M}/d.test` ? { ...p, error: 'd/x.go:3:1: expected declaration' } : p));
  const s = selectAffected({ packages: broken, changed: [{ path: 'c/c.go', status: 'modified' }], repoDir: MOD, moduleDir: MOD, benchmarkPackages });
  expect(s.selected.find((x) => x.package === `${M}/d`)?.reason).toBe('go list could not load it fully (d/x.go:3:1: expected declaration)');
});

describe('the report of what was skipped', () => {
  const report = { ...compareResults([], []), skipped: [{ package: 'example.com/m/<img src=x>', reason: 'its test binary links none of the changed packages ([x](http://evil) @team)' }] };
  const gate = evaluateGate(report, { failOn: 'regression', gateUnits: ['sec/op'], failOnUnconfirmed: false });

  test('one collapsed line in the comment, its names and reasons escaped', () => {
    const md = renderMarkdown(report, { gate, baseline: { source: 'rerun' } });
    expect(md).toMatch(/^### ✅ benchgate: no benchmark package is affected by this PR/);
    expect(md).toContain('<details><summary>1 package not affected by this PR was not measured</summary>');
    expect(md).toContain('- example.com/m/\\<img src=x\\>: its test binary links none of the changed packages (\\[x\\](http:\u200b//evil) @\u200bteam)');
  });

  test('report.json carries it, and reads it back (a report from before it has none)', () => {
    const text = toJsonReport(report);
    expect(JSON.parse(text).skipped).toEqual(report.skipped);
    expect(fromJsonReport(text, 'report.json').skipped).toEqual(report.skipped);
    const old = JSON.parse(text);
    delete old.skipped;
    expect(fromJsonReport(JSON.stringify(old), 'report.json').skipped).toEqual([]);
    expect(() => fromJsonReport(JSON.stringify({ ...old, skipped: [{ package: 1 }] }), 'report.json')).toThrow(/skipped\[0\]\.package/);
  });
});

test('git diff --name-status -z: statuses, renames as old and new path, names with spaces and tabs kept whole', () => {
  const out = ['M', 'c/c.go', 'A', 'e/data/new table.txt', 'D', 'gone/gone.go', 'R087', 'b/old.go', 'b/new\tname.go', 'C100', 'a/a.go', 'a/copy.go', ''].join('\0');
  expect(parseNameStatus(out)).toEqual([
    { path: 'c/c.go', status: 'modified' },
    { path: 'e/data/new table.txt', status: 'added' },
    { path: 'gone/gone.go', status: 'deleted' },
    { path: 'b/new\tname.go', status: 'renamed', previousPath: 'b/old.go' },
    { path: 'a/copy.go', status: 'added' },
  ]);
  expect(parseNameStatus('')).toEqual([]);
});
