/**
 * Confirmation of screened suspects, in-process on the real engine: a slowdown that FDR control
 * held back (significant by p alone, `suspect: true`) is re-run in alternating rounds on this
 * machine, and the fresh samples decide. Real Go, real git worktrees, the climod fixture (branch
 * `slow` makes calc.Checksum ×10 slower, far above what load does to one sample against another;
 * count.Popcount is untouched and allocates one buffer per op, a count no load can move).
 *
 * @lane measuring
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyConfirmation, confirmScope, confirmSuspects, suspectsOf } from '../src/local.js';
import { DEFAULT_RUN, DEFAULT_VERDICT } from '../src/settings.js';
import type { CompareReport, CompareRow, Summary } from '../src/types.js';
import { repoFromFixture } from './helpers/repo.js';
import { benchName } from './helpers/gobench.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
let repo: string;

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'benchgate-confirm-'));
  repo = join(work, 'repo');
  repoFromFixture(repo, join(FIXTURE, 'base'), [
    { branch: 'slow', overlay: { 'calc/calc.go': { copy: join(FIXTURE, 'head/calc/calc.go') } }, message: 'calc: checksum in ten passes' },
  ]);
});

const summary = (center: number): Summary => ({ n: 5, center, lo: center * 0.9, hi: center * 1.1, warnings: [] });

/** A first-pass row the way compare leaves a slowdown that only q held back. */
function screened(pkg: string, name: string): CompareRow {
  return {
    package: pkg,
    name,
    unit: 'sec/op',
    base: summary(1e-6),
    head: summary(1.3e-6),
    deltaPercent: 30,
    p: 0.008,
    q: 0.09,
    significant: true,
    verdict: 'unchanged',
    reason: 'q=0.090 > α=0.05 (p=0.008)',
    suspect: true,
  };
}

test('which rows are re-run: screened suspects always; regressions only against a stored baseline', () => {
  const regression: CompareRow = { ...screened('p', 'R-2'), verdict: 'regression', suspect: undefined };
  const report: CompareReport = { rows: [screened('p', 'S-2'), regression], geomean: [], warnings: [], settings: DEFAULT_VERDICT };
  expect(confirmScope('auto', false)).toBe('screened');
  expect(confirmScope('auto', true)).toBe('all');
  expect(confirmScope('never', true)).toBeNull();
  const gating = (...gateUnits: string[]) => ({ ...DEFAULT_VERDICT, gateUnits });
  expect(suspectsOf(report, gating('sec/op'), 'screened').map((r) => r.name)).toEqual(['S-2']);
  expect(suspectsOf(report, gating('sec/op'), 'all').map((r) => r.name)).toEqual(['S-2', 'R-2']);
  expect(suspectsOf(report, gating('B/op'), 'all')).toEqual([]);
});

describe('fresh alternating rounds on the real engine', () => {
  // One confirmation run re-runs both suspects; the tests below read what it decided.
  const real = screened('example.com/climod/calc', benchName('Checksum'));
  // A false suspect whose fresh samples cannot be noisy: allocs/op, compared by value. (Timings
  // of identical code could be cleared, or left unconfirmed when this machine's load makes them
  // too noisy or a chance suspect; that rule is tested with fixed rows in the describe below.)
  const falseSuspect: CompareRow = { ...screened('example.com/climod/count', benchName('Popcount')), unit: 'allocs/op', base: summary(0), head: summary(1) };
  const logs: string[] = [];
  let ran: Promise<unknown>;

  beforeAll(() => {
    const report: CompareReport = { rows: [real, falseSuspect], geomean: [], warnings: [], settings: DEFAULT_VERDICT };
    ran = confirmSuspects(report, {
      scope: 'screened',
      moduleDir: repo,
      baseRef: 'main',
      run: { ...DEFAULT_RUN, benchtime: '20x' },
      rounds: 6,
      outDir: mkdtempSync(join(tmpdir(), 'benchgate-confirm-out-')),
      verdict: { ...DEFAULT_VERDICT, threshold: 50 },
      budgetMs: 120_000,
      log: { info: (m) => logs.push(m), warning: (m) => logs.push(m) },
    });
    return ran;
  });

  test('both suspects are re-run, in alternating rounds against the base', async () => {
    expect(await ran).not.toBeNull();
    expect(logs.join('\n')).toMatch(/confirming 2 suspect benchmark\(s\) in 6 alternating rounds against main/);
  });

  test('a real screened slowdown becomes a confirmed regression', () => {
    expect(real.confirmed).toBe(true);
    expect(real.verdict).toBe('regression');
    // Six planned pairs; a row the first look could not decide may have earned more.
    expect(real.reason).toMatch(/^confirmed by \d+ fresh pairs: .*; first pass: q=0\.090/);
    expect(real.confirmation!.head.center).toBeGreaterThan(real.confirmation!.base.center * 1.5);
  });

  test('a false suspect is cleared: the same code measured again on both sides', () => {
    expect(falseSuspect.confirmation).toMatchObject({ verdict: 'unchanged', base: { center: 1 }, head: { center: 1 } });
    expect(falseSuspect.confirmed).toBe(false);
    expect(falseSuspect.verdict).toBe('unchanged');
    expect(falseSuspect.reason).toMatch(/^cleared by \d+ fresh alternating rounds: compared by value: deterministic on both sides, unchanged; first pass: /);
  });
});

describe('what a confirmation row decides', () => {
  const fresh = (verdict: CompareRow['verdict'], reason: string): CompareRow => ({
    ...screened('p', 'S-2'),
    base: { ...summary(1e-6), n: 10 },
    head: { ...summary(1.05e-6), n: 10 },
    deltaPercent: 5,
    p: verdict === 'regression' ? 0.001 : 0.4,
    suspect: undefined,
    verdict,
    reason,
  });
  const stored = (): CompareRow => ({ ...screened('p', 'S-2'), verdict: 'regression', reason: '+30.0% (q=0.001 ≤ α=0.05)', suspect: undefined });

  test('a regression on fresh samples confirms; an unchanged one clears', () => {
    const a = stored();
    applyConfirmation(a, fresh('regression', '+5.0% (q=0.001 ≤ α=0.05)'));
    expect(a).toMatchObject({ confirmed: true, verdict: 'regression', confirmation: { deltaPercent: 5, verdict: 'regression' } });
    const b = stored();
    applyConfirmation(b, fresh('unchanged', 'q=0.400 > α=0.05'));
    // The verdict is the decision that counts: cleared is unchanged, the first pass kept in screen.
    expect(b).toMatchObject({ confirmed: false, verdict: 'unchanged', screen: { verdict: 'regression' } });
    expect(b.reason).toBe('cleared by 10 fresh alternating rounds: q=0.400 > α=0.05; first pass: +30.0% (q=0.001 ≤ α=0.05)');
    const s = screened('p', 'S-2');
    applyConfirmation(s, fresh('regression', '+5.0% (q=0.001 ≤ α=0.05)'));
    expect(s).toMatchObject({ confirmed: true, verdict: 'regression' });
    expect(s.reason).toBe('confirmed by 10 fresh alternating rounds: +5.0% (q=0.001 ≤ α=0.05); first pass: q=0.090 > α=0.05 (p=0.008)');
  });

  test('each fact is said once: fresh samples that give the same reason are said to agree', () => {
    // A first pass and fresh samples both saying "+1 allocs/op, compared by value".
    const same = '+100.0% (compared by value: deterministic on both sides)';
    const a: CompareRow = { ...stored(), reason: same };
    applyConfirmation(a, fresh('regression', same));
    expect(a.reason).toBe(`${same} — confirmed: 10 fresh alternating rounds agree`);
    // An allocation-free benchmark's bytes: the same note on both passes, said once.
    const note = 'no allocations per op on either side: these bytes are amortized runtime allocations, not a change';
    const b: CompareRow = { ...screened('p', 'S-2'), verdict: 'unchanged', reason: note, suspect: true };
    applyConfirmation(b, fresh('unchanged', note));
    expect(b.reason).toBe(`cleared by 10 fresh alternating rounds: ${note}`);
    for (const r of [a, b]) expect(r.reason.split(r === a ? same : note)).toHaveLength(2); // once, not twice
  });

  test('fresh samples too noisy to judge clear nothing: the suspect stays unconfirmed', () => {
    const noisy = fresh('noisy', 'too noisy to judge: samples scatter ± 12.0% around the median, more than the 4% threshold (q=0.400)');
    const a = stored();
    applyConfirmation(a, noisy);
    expect(a.confirmed).toBeNull();
    expect(a.verdict).toBe('unconfirmed'); // not cleared: the gate lists it as unconfirmed
    expect(a.screen).toEqual({ verdict: 'regression', reason: '+30.0% (q=0.001 ≤ α=0.05)' });
    expect(a.confirmation!.reason).toMatch(/^too noisy to judge/);
    const s = screened('p', 'S-2');
    applyConfirmation(s, noisy);
    expect(s).toMatchObject({ confirmed: null, verdict: 'unchanged' });
    expect(s.reason).toMatch(/; not judged by 10 fresh alternating rounds: too noisy to judge/);
  });

  test('fresh samples that are a suspect themselves (slower, significant, not counted) clear nothing either', () => {
    // A real +5% measured +3.9% at p = 0.015 on the fresh rounds: below the threshold and held
    // back by FDR, but its intervals still allow 4%. Not evidence of no regression.
    const undecided = { ...fresh('unchanged', '+3.9% is below the 4% threshold (p=0.015 ≤ α=0.05)'), p: 0.015, suspect: true };
    const a = stored();
    applyConfirmation(a, undecided);
    expect(a).toMatchObject({ confirmed: null, verdict: 'unconfirmed' });
    const s = screened('p', 'S-2');
    applyConfirmation(s, undecided);
    expect(s).toMatchObject({ confirmed: null, verdict: 'unchanged' });
  });

  test('no confirmation row (the benchmark did not run on a side): no verdict', () => {
    const a = stored();
    applyConfirmation(a, undefined);
    expect(a).toMatchObject({ confirmed: null, verdict: 'unconfirmed', screen: { verdict: 'regression' } });
    expect(a.confirmation).toBeUndefined();
  });
});
