/**
 * The causal step's pure core (src/causal/): the recovered share and its interval, the bisection
 * rule and search, reverting one function's text, pairing samples, and the plan — which functions
 * are tried in what order, when the search stops, what the budget leaves out — with fake
 * measurements; then how the report says it (JSON, comment, annotations). One test hands a
 * reverted file to the Go compiler.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Bisection, PRESENT_SHARE, stepPresent } from '../src/causal/bisect.js';
import { firstError } from '../src/causal/measure.js';
import { pairsOf } from '../src/causal/pairs.js';
import { candidatesFor, verifyCauses, type CausalDeps, type Measurement } from '../src/causal/plan.js';
import { revertFunction } from '../src/causal/revert.js';
import { prRatioOf, recoveredShare } from '../src/causal/share.js';
import type { ChangedFunction } from '../src/diff/match.js';
import { evaluateGate } from '../src/compare/gate.js';
import { annotationsFor } from '../src/report/annotations.js';
import { fromJsonReport, toJsonReport } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import type { AttributedFunction, CompareReport, CompareRow, Run } from '../src/types.js';

const execFileP = promisify(execFile);
const paired = (ratio: number, lo = ratio * 0.97, hi = ratio * 1.03, p = 0.002, n = 10) => ({ n, ratio, lo, hi, p });

describe('recoveredShare: ln(head/reverted) ÷ ln(head/base)', () => {
  test('on the log scale, so that shares of changes that compose by multiplying add up to the whole', () => {
    // The PR is ×3: one function ×1.5, another ×2.
    const a = recoveredShare(3, paired(1.5))!;
    const b = recoveredShare(3, paired(2))!;
    expect(a.recovered + b.recovered).toBeCloseTo(1, 12);
    expect(a.recovered).toBeCloseTo(Math.log(1.5) / Math.log(3), 12);
  });

  test('the interval is the paired interval of head/reverted mapped through the same function', () => {
    const s = recoveredShare(1.456, paired(1.44, 1.4, 1.48, 0.002, 10))!;
    expect(s.lo).toBeCloseTo(Math.log(1.4) / Math.log(1.456), 12);
    expect(s.hi).toBeCloseTo(Math.log(1.48) / Math.log(1.456), 12);
    expect(s).toMatchObject({ n: 10, p: 0.002, verified: true, method: 'revert-function' });
  });

  test('an improvement: the bounds are re-ordered, a full recovery is still 100%', () => {
    const s = recoveredShare(0.5, paired(0.5, 0.45, 0.56))!;
    expect(s.recovered).toBeCloseTo(1, 12);
    expect(s.lo).toBeLessThan(s.hi);
    expect(s.verified).toBe(true);
  });

  test('verified needs at least half and an interval above none; undefined without a change', () => {
    expect(recoveredShare(2, paired(1.3))!.verified).toBe(false); // 38%
    expect(recoveredShare(2, paired(1.6, 0.9, 2.2))!.verified).toBe(false); // 68%, but the interval reaches below 0
    expect(recoveredShare(2, paired(1.01, 0.9, 1.1))!.recovered).toBeCloseTo(Math.log(1.01) / Math.log(2), 12);
    expect(recoveredShare(1, paired(1.2))).toBeNull();
    expect(recoveredShare(NaN, paired(1.2))).toBeNull();
    // An interval the confidence cannot reach is [0, ∞]: unbounded, never verified.
    const open = recoveredShare(2, { n: 3, ratio: 2, lo: 0, hi: Infinity, p: 0.25 })!;
    expect([open.lo, open.hi, open.verified]).toEqual([-Infinity, Infinity, false]);
  });

  test("the PR's ratio: the confirmation's pairs, the row's pairs, else the medians", () => {
    const s = (center: number) => ({ n: 6, center, lo: NaN, hi: NaN, warnings: [] });
    expect(prRatioOf({ base: s(1), head: s(3) })).toBe(3);
    expect(prRatioOf({ base: s(1), head: s(3), paired: { ratio: 2.5 } })).toBe(2.5);
    expect(prRatioOf({ base: s(1), head: s(3), paired: { ratio: 2.5 }, confirmation: { base: s(1), head: s(2), paired: { ratio: 2.2 } } })).toBe(2.2);
    expect(prRatioOf({ base: s(1), head: s(3), confirmation: { base: s(1), head: s(2) } })).toBe(2);
  });
});

describe('bisection', () => {
  test('a step has the change when it is significant and at least half of the PR’s, in its direction', () => {
    expect(PRESENT_SHARE).toBe(0.5);
    expect(stepPresent(3, paired(3), 0.05)).toBe(true);
    expect(stepPresent(3, paired(Math.sqrt(3) * 1.01), 0.05)).toBe(true);
    expect(stepPresent(3, paired(Math.sqrt(3) * 0.99), 0.05)).toBe(false);
    expect(stepPresent(3, paired(3, 2.9, 3.1, 0.06), 0.05)).toBe(false); // not significant
    expect(stepPresent(3, paired(1 / 3), 0.05)).toBe(false); // the other direction
    expect(stepPresent(0.5, paired(0.5), 0.05)).toBe(true); // an improvement
  });

  test.each([1, 2, 3, 5, 8, 9, 17])('finds the first commit with the change among %i in ⌈log₂ n⌉ steps', (n) => {
    for (let first = 1; first <= n; first++) {
      const b = new Bisection(n);
      let steps = 0;
      for (let k = b.next(); k !== null; k = b.next()) {
        b.record(k, k >= first);
        steps++;
      }
      expect(b.result()).toBe(first);
      expect(steps).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
    }
  });

  test('refuses what cannot be', () => {
    expect(() => new Bisection(0)).toThrow(RangeError);
    const b = new Bisection(4);
    expect(() => b.record(4, true)).toThrow(RangeError);
    expect(() => b.result()).toThrow('not finished');
  });
});

describe('revertFunction', () => {
  const base = ['package hot', '', '// Sum adds.', 'func Sum(xs []int) int {', '\treturn 0', '}', '', 'func weight(x int) int {', '\treturn x', '}', ''].join('\n');
  const head = [
    'package hot',
    '',
    '// Sum adds.',
    'func Sum(xs []int) int {',
    '\tt := 0',
    '\tfor _, x := range xs {',
    '\t\tt += weight(x)',
    '\t}',
    '\treturn t',
    '}',
    '',
    'func weight(x int) int {',
    '\treturn x * 3',
    '}',
    '',
    'func helper() {}',
    '',
  ].join('\n');
  const target = (fn: string, startLine: number) => ({ function: `example.com/m/hot.${fn}`, startLine, pkgPath: 'example.com/m/hot' });

  test('swaps in the base text of that function only', () => {
    const r = revertFunction(head, base, 'hot/hot.go', target('weight', 12));
    expect(r).toEqual({ how: 'restored', text: head.replace('\treturn x * 3', '\treturn x') });
    const s = revertFunction(head, base, 'hot/hot.go', target('Sum', 4));
    expect('text' in s && s.text).toBe(head.replace('\tt := 0\n\tfor _, x := range xs {\n\t\tt += weight(x)\n\t}\n\treturn t', '\treturn 0'));
  });

  test('removes a function the base does not have; keeps CRLF line ends', () => {
    const r = revertFunction(head.replace(/\n/g, '\r\n'), base, 'hot/hot.go', target('helper', 16));
    expect(r).toEqual({ how: 'removed', text: head.replace('func helper() {}\n', '').replace(/\n/g, '\r\n') });
    expect(revertFunction(head, undefined, 'hot/hot.go', target('Sum', 4))).toMatchObject({ how: 'removed' });
  });

  test('says why when it cannot', () => {
    expect(revertFunction(head, base, 'hot/hot.go', target('missing', 1))).toEqual({ error: 'hot/hot.go has no function example.com/m/hot.missing at the head' });
    expect(revertFunction('package hot\nfunc f() {', base, 'hot/hot.go', target('f', 2))).toHaveProperty('error');
  });
});

describe('reconcileImports: a reverted function takes its imports with it', () => {
  const target = (fn: string, startLine: number) => ({ function: `example.com/m/hot.${fn}`, startLine, pkgPath: 'example.com/m/hot' });
  const base = ['package hot', '', 'import (', '\t"strings"', '\tstr "strconv"', ')', '', 'func Up(s string) string {', '\treturn strings.ToUpper(s) + str.Itoa(1)', '}', ''].join('\n');
  const head = [
    'package hot',
    '',
    'import (',
    '\t"strings"',
    '\t"unicode"',
    '\t_ "embed"',
    ')',
    '',
    'func Up(s string) string {',
    '\treturn strings.Map(unicode.ToUpper, s)',
    '}',
    '',
    'func Trim(s string) string { return strings.TrimSpace(s) }',
    '',
  ].join('\n');

  test('drops the import only the head used, brings back the one only the base used, leaves _ and shared ones', () => {
    const r = revertFunction(head, base, 'hot/hot.go', target('Up', 9));
    expect('text' in r).toBe(true);
    const text = (r as { text: string }).text;
    expect(text).not.toContain('"unicode"');
    expect(text).toContain('\t"strings"');
    expect(text).toContain('_ "embed"');
    expect(text).toContain('import str "strconv"');
    expect(text).toContain('str.Itoa(1)');
  });

  test('a single-spec import declaration goes whole; an unknown package name is never touched', () => {
    const h = 'package hot\n\nimport "unicode"\nimport "gopkg.in/yaml.v3"\n\nfunc F() bool { _ = yaml.Node{}; return unicode.IsUpper(1) }\n';
    const b = 'package hot\n\nfunc F() bool { return false }\n';
    const r = revertFunction(h, b, 'hot/hot.go', target('F', 6)) as { text: string };
    expect(r.text).toBe('package hot\n\n\nimport "gopkg.in/yaml.v3"\n\nfunc F() bool { return false }\n');
  });

  test('the Go compiler accepts the result', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bg-revert-'));
    try {
      await writeFile(join(dir, 'go.mod'), 'module example.com/m\n\ngo 1.22\n');
      const r = revertFunction(head.replace('\t_ "embed"\n', ''), base, 'hot/hot.go', target('Up', 8)) as { text: string };
      await writeFile(join(dir, 'hot.go'), r.text);
      await execFileP('go', ['vet', '.'], { cwd: dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('firstError', () => {
  test("a failed build's first compiler error, without the temporary worktree's path", () => {
    const out = '# example.com/causalmod/hot\n/tmp/benchgate-worktree-Ab12/hot/hot.go:10:18: too many arguments in call to weight\n\thave (uint32, number)\n';
    expect(firstError(out)).toBe('hot.go:10:18: too many arguments in call to weight');
    expect(firstError('hot/hot.go:3:1: syntax error')).toBe('hot.go:3:1: syntax error');
    expect(firstError('link: out of memory')).toBe('link: out of memory');
    expect(firstError(undefined)).toBe('no output');
  });
});

describe('pairsOf', () => {
  const run = (values: [number, number?][]): Run =>
    ({
      results: values.map(([v, pair]) => ({ pkg: 'p', name: 'B-2', config: {}, iterations: 1, values: [{ unit: 'sec/op', value: v }], ...(pair === undefined ? {} : { pair }) })),
    }) as unknown as Run;

  test('by BenchResult.pair when the runner measured pairs, else by order (round k with round k)', () => {
    expect(pairsOf(run([[1, 2], [2, 1], [3, 3]]), run([[20, 2], [10, 1]]), 'p', 'B-2', 'sec/op')).toEqual({ base: [1, 2], head: [20, 10] });
    expect(pairsOf(run([[1], [2], [3]]), run([[10], [20]]), 'p', 'B-2', 'sec/op')).toEqual({ base: [1, 2], head: [10, 20] });
    expect(pairsOf(run([[1]]), run([[10]]), 'p', 'B-2', 'B/op')).toEqual({ base: [], head: [] });
  });
});

// ---------------------------------------------------------------------------------------------
// The plan, with fake measurements.

const PKG = 'example.com/m/hot';
const changed = (name: string, startLine: number): ChangedFunction => ({
  function: `${PKG}.${name}`,
  file: 'hot/hot.go',
  pkgPath: PKG,
  startLine,
  endLine: startLine + 5,
  side: 'head',
});
const CALLER = changed('Sum', 7);
const CALLEE = changed('weight', 18);
const OTHER = changed('other', 30);
const entry = (c: ChangedFunction, share: number): AttributedFunction => ({
  function: c.function,
  file: c.file,
  startLine: c.startLine,
  endLine: c.endLine,
  changed: true,
  commits: [],
  delta: share * 2e-3,
  share,
});

function regression(functions: AttributedFunction[], name = 'Sum-2'): CompareRow {
  const s = (center: number) => ({ n: 10, center, lo: center * 0.98, hi: center * 1.02, warnings: [] });
  return {
    package: PKG,
    name,
    unit: 'sec/op',
    base: s(1e-3),
    head: s(3e-3),
    deltaPercent: 200,
    p: 0.001,
    q: 0.002,
    significant: true,
    verdict: 'regression',
    reason: 'q=0.002 ≤ α=0.05',
    attribution: { functions, note: null },
  };
}

/** Fake measurements: reverting a function gives back `recovers[name]` of ×3; a commit has the change from `first` on. */
function fakes(recovers: Record<string, number | string>, opts: Partial<CausalDeps> & { first?: number; stepMs?: number } = {}) {
  let clock = 0;
  const calls: string[] = [];
  const ok = (ratio: number): Measurement => ({ ok: true, compare: (unit) => (unit === 'sec/op' ? paired(ratio, ratio * 0.97, ratio * 1.03) : null) });
  const deps: CausalDeps = {
    async measureRevert(fn) {
      calls.push(`revert ${fn.function.split('.').pop()}`);
      clock += opts.stepMs ?? 1000;
      const r = recovers[fn.function.split('.').pop()!];
      return typeof r === 'string' ? { ok: false, reason: r } : ok(Math.pow(3, r ?? 0));
    },
    async measureCommit(index) {
      calls.push(`commit ${index}`);
      clock += opts.stepMs ?? 1000;
      return ok(index >= (opts.first ?? 1) ? 3 : 1.01);
    },
    commits: [],
    budgetMs: 300_000,
    now: () => clock,
    alpha: 0.05,
    ...opts,
  };
  return { deps, calls };
}

describe('verifyCauses', () => {
  test('a profile that blames the caller: the caller recovers nothing, so the callee is tried, recovers it all, and is listed first', async () => {
    const row = regression([entry(CALLER, 0.9), entry(CALLEE, 0.3)]);
    const { deps, calls } = fakes({ Sum: 0, weight: 1 });
    const s = await verifyCauses([row], [CALLER, CALLEE], () => [], deps);
    expect(calls).toEqual(['revert Sum', 'revert weight']);
    const [first, second] = row.attribution!.functions;
    expect(first.function).toBe(CALLEE.function);
    expect(first.causal).toMatchObject({ verified: true, method: 'revert-function' });
    expect((first.causal as { recovered: number }).recovered).toBeCloseTo(1, 12);
    expect(second.causal).toMatchObject({ verified: false });
    expect((second.causal as { recovered: number }).recovered).toBeCloseTo(0, 12);
    expect(s).toMatchObject({ rows: 1, measured: 2, verified: 1, skippedForBudget: 0 });
  });

  test('stops at the first function that recovers at least half', async () => {
    const row = regression([entry(CALLEE, 0.9), entry(CALLER, 0.3)]);
    const { deps, calls } = fakes({ Sum: 0, weight: 0.97 });
    await verifyCauses([row], [CALLER, CALLEE], () => [], deps);
    expect(calls).toEqual(['revert weight']);
    expect(row.attribution!.functions[1].causal).toBeUndefined();
  });

  test('a revert that cannot be built is reported on the function and the search goes on; at most 3 tries', async () => {
    const fourth = changed('fourth', 40);
    const row = regression([entry(CALLER, 0.4), entry(CALLEE, 0.3), entry(OTHER, 0.2), entry(fourth, 0.2)]);
    const { deps, calls } = fakes({ Sum: 'it does not compile: hot.go:10:18: too many arguments in call to weight', weight: 0.1, other: 0.2, fourth: 1 });
    const s = await verifyCauses([row], [CALLER, CALLEE, OTHER, fourth], () => [], deps);
    expect(calls).toEqual(['revert Sum', 'revert weight', 'revert other']);
    const sum = row.attribution!.functions.find((f) => f.function === CALLER.function)!;
    expect(sum.causal).toEqual({ skipped: 'could not revert hot.Sum: it does not compile: hot.go:10:18: too many arguments in call to weight' });
    expect(s.measured).toBe(2);
  });

  test('without a changed function in the attribution, the changed functions of the benchmark’s package are tried in diff order', async () => {
    const elsewhere: ChangedFunction = { ...changed('x', 1), function: 'example.com/m/other.x', pkgPath: 'example.com/m/other' };
    const row = regression([]);
    row.attribution!.note = 'no CPU profile for example.com/m/hot';
    expect(candidatesFor(regression([]), [elsewhere, CALLER, CALLEE], () => []).map((c) => c.changed)).toEqual([CALLER, CALLEE]);
    const { deps, calls } = fakes({ Sum: 0.02, weight: 1 });
    await verifyCauses([row], [elsewhere, CALLER, CALLEE], (fn) => [{ sha: 'abc1234', subject: fn.function }], deps);
    expect(calls).toEqual(['revert Sum', 'revert weight']);
    expect(row.attribution!.functions.map((f) => [f.function.split('.').pop(), f.commits[0].sha])).toEqual([['weight', 'abc1234'], ['Sum', 'abc1234']]);
    expect(Number.isNaN(row.attribution!.functions[0].delta)).toBe(true);
  });

  test('the budget: a measurement starts only when the mean so far still fits; the rest says why it was skipped', async () => {
    const rows = [regression([entry(CALLER, 0.9), entry(CALLEE, 0.3)], 'Sum-2'), regression([entry(CALLER, 0.9)], 'Other-2')];
    const { deps, calls } = fakes({ Sum: 0, weight: 1 }, { budgetMs: 100_000, stepMs: 60_000 });
    const s = await verifyCauses(rows, [CALLER, CALLEE], () => [], deps);
    expect(calls).toEqual(['revert Sum']);
    expect(rows[0].attribution!.functions.find((f) => f.function === CALLEE.function)!.causal).toEqual({
      skipped: 'not measured: the causal budget (100s) was spent',
    });
    expect(rows[1].attribution!.functions[0].causal).toEqual({ skipped: 'not measured: the causal budget (100s) was spent' });
    expect(s.skippedForBudget).toBe(2);
  });

  test('measurements are shared by the rows of one benchmark, each judged on its own unit', async () => {
    const rows = [regression([entry(CALLEE, 0.9)]), { ...regression([entry(CALLEE, 0.9)]), unit: 'B/op' }];
    const { deps, calls } = fakes({ weight: 1 });
    await verifyCauses(rows, [CALLEE], () => [], deps);
    expect(calls).toEqual(['revert weight']);
    expect(rows[1].attribution!.functions[0].causal).toEqual({ skipped: 'no B/op pairs from the reverted build' });
  });

  test('bisection names the first commit with the change, with its steps; not for a single commit or unknown commits', async () => {
    const commits = [1, 2, 3, 4, 5].map((i) => ({ sha: `${i}`.repeat(40), subject: `commit ${i}` }));
    const row = regression([entry(CALLEE, 0.9)]);
    const { deps, calls } = fakes({ weight: 1 }, { commits, first: 4 });
    const s = await verifyCauses([row], [CALLEE], () => [], deps);
    expect(row.attribution!.commit).toMatchObject({ sha: '4'.repeat(40), subject: 'commit 4', index: 4, of: 5, method: 'bisect' });
    const steps = (row.attribution!.commit as { steps: { index: number; present: boolean }[] }).steps;
    expect(steps.map((x) => [x.index, x.present])).toEqual([[2, false], [3, false], [4, true]]);
    expect(calls).toEqual(['revert weight', 'commit 2', 'commit 3', 'commit 4']);
    expect(s.bisected).toBe(1);

    for (const c of [[commits[0]], 'the working tree has uncommitted changes'] as const) {
      const r = regression([entry(CALLEE, 0.9)]);
      await verifyCauses([r], [CALLEE], () => [], fakes({ weight: 1 }, { commits: c as CausalDeps['commits'] }).deps);
      expect(r.attribution!.commit).toBeUndefined();
    }
  });

  test('only counted regressions are looked at', async () => {
    const row = { ...regression([entry(CALLEE, 0.9)]), verdict: 'unconfirmed' as const };
    const { deps, calls } = fakes({ weight: 1 });
    expect((await verifyCauses([row], [CALLEE], () => [], deps)).rows).toBe(0);
    expect(calls).toEqual([]);
  });
});

describe('the report says what was verified', () => {
  async function verified(): Promise<CompareReport> {
    const row = regression([entry(CALLER, 0.9), entry(CALLEE, 0.3)]);
    const commits = [{ sha: 'a1b2c3d'.padEnd(40, '0'), subject: 'hot: Sum' }, { sha: 'b2c3d4e'.padEnd(40, '0'), subject: 'hot: weight' }];
    await verifyCauses([row], [CALLER, CALLEE], () => [], fakes({ Sum: 0, weight: 0.97 }, { commits, first: 2 }).deps);
    return { rows: [row], geomean: [], warnings: [], settings: { alpha: 0.05, confidence: 0.95, threshold: 5 } };
  }

  test('JSON: functions[i].causal and attribution.commit, read back as written; older reports without them still read', async () => {
    const report = await verified();
    const text = toJsonReport(report);
    const json = JSON.parse(text);
    expect(json.rows[0].attribution.functions[0].causal).toMatchObject({ verified: true, method: 'revert-function', n: 10 });
    expect(json.rows[0].attribution.commit).toMatchObject({ index: 2, of: 2, method: 'bisect', subject: 'hot: weight' });
    const back = fromJsonReport(text, 'report.json');
    expect(back.rows[0].attribution).toEqual(report.rows[0].attribution);
    delete json.rows[0].attribution.commit;
    for (const f of json.rows[0].attribution.functions) delete f.causal;
    expect(fromJsonReport(JSON.stringify(json), 'old.json').rows[0].attribution!.commit).toBeUndefined();
    json.rows[0].attribution.commit = { sha: 1 };
    expect(() => fromJsonReport(JSON.stringify(json), 'bad.json')).toThrow('rows[0].attribution.commit.sha: expected a string');
  });

  test('the comment: "cause" with the verified function, its recovered share and the commit; the footer counts', async () => {
    const report = await verified();
    const gate = evaluateGate(report, { failOn: 'regression', gateUnits: ['sec/op'], failOnUnconfirmed: false });
    const md = renderMarkdown(report, { gate, baseline: { source: 'rerun' }, causal: { rounds: 10, budgetMs: 300_000 } });
    expect(md).toContain('| cause ');
    expect(md).toMatch(/`hot\.weight` ✏️ hot\.go L18–23 — verified: reverting it recovers 97% \(\d+–\d+%\); appeared in `b2c3d4e` \(commit 2 of 2\)/);
    expect(md).toContain('not the cause alone: reverting it recovers 0%');
    expect(md).toContain('in 10 pairs: 1 of 2 reverted functions verified');
  });

  test('annotations: verified functions first, saying so', async () => {
    const report = await verified();
    const [a] = annotationsFor(report, 10);
    expect(a.message).toMatch(/^example\.com\/m\/hot\.weight is the cause of the change in Sum-2 \(sec\/op\), verified: reverting it recovers 97%/);
  });
});
