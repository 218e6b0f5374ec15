/**
 * Confirmation of screened suspects, in-process on the real engine: a slowdown that FDR control
 * held back (significant by p alone, `suspect: true`) is re-run in alternating rounds on this
 * machine, and the fresh samples decide. Real Go, real git worktrees, the climod fixture (branch
 * `slow` makes calc.Checksum ×3 slower; count.Popcount is untouched).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { confirmScope, confirmSuspects, suspectsOf } from '../src/local.js';
import { DEFAULT_RUN, DEFAULT_VERDICT } from '../src/settings.js';
import type { CompareReport, CompareRow, Summary } from '../src/types.js';
import { git } from './helpers/cli.js';
import { ROOT } from './helpers/tools.js';

const FIXTURE = join(ROOT, '__tests__/fixtures/climod');
let repo: string;

beforeAll(() => {
  const work = mkdtempSync(join(tmpdir(), 'benchgate-confirm-'));
  repo = join(work, 'repo');
  cpSync(join(FIXTURE, 'base'), repo, { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'checkout', '-q', '-b', 'slow');
  cpSync(join(FIXTURE, 'head/calc/calc.go'), join(repo, 'calc/calc.go'));
  git(repo, 'commit', '-q', '-am', 'calc: checksum in three passes');
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

test('fresh alternating rounds turn a real screened slowdown into a confirmed regression, and clear a false one', async () => {
  const real = screened('example.com/climod/calc', 'Checksum-2');
  const noise = screened('example.com/climod/count', 'Popcount-2');
  const report: CompareReport = { rows: [real, noise], geomean: [], warnings: [], settings: DEFAULT_VERDICT };
  const logs: string[] = [];
  const sides = await confirmSuspects(report, {
    scope: 'screened',
    moduleDir: repo,
    baseRef: 'main',
    run: { ...DEFAULT_RUN, benchtime: '20x' },
    rounds: 6,
    outDir: mkdtempSync(join(tmpdir(), 'benchgate-confirm-out-')),
    verdict: { ...DEFAULT_VERDICT, threshold: 25 },
    budgetMs: 120_000,
    log: { info: (m) => logs.push(m), warning: (m) => logs.push(m) },
  });
  expect(sides).not.toBeNull();
  expect(logs.join('\n')).toMatch(/confirming 2 suspect benchmark\(s\) in 6 alternating rounds against main/);

  expect(real.confirmed).toBe(true);
  expect(real.verdict).toBe('regression');
  expect(real.reason).toMatch(/^confirmed on fresh samples \(re-run in 6 alternating rounds: .*\); first pass: q=0\.090/);
  expect(real.confirmation!.head.center).toBeGreaterThan(real.confirmation!.base.center * 1.5);

  // Popcount's code is the same on both sides: the fresh rounds never make it a regression.
  expect(noise.confirmed).toBe(false);
  expect(noise.verdict).toBe('unchanged');
  expect(noise.reason).toMatch(/; re-run in 6 alternating rounds: /);
});
