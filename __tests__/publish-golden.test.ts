/**
 * Golden files for what a user reads: the PR comment, the job summary and the no-baseline comment,
 * rendered from fixed typed reports (no Go). A layout change shows up as a diff of
 * __tests__/golden/*.md, reviewed like code.
 *
 * To refresh them after an intended change: `UPDATE=1 npx jest __tests__/publish-golden.test.ts`
 * (with NODE_OPTIONS=--experimental-vm-modules), then read `git diff __tests__/golden`.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noBaselineBody, summaryMarkdown } from '../src/action/publish.js';
import { evaluateGate } from '../src/compare/gate.js';
import { renderMarkdown, type MarkdownContext } from '../src/report/markdown.js';
import type { CompareReport } from '../src/types.js';
import { GATED_UNITS, report, row, summary } from './helpers/reports.js';
import { ROOT } from './helpers/tools.js';

const GOLDEN = join(ROOT, '__tests__', 'golden');

function expectGolden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    if (process.env.UPDATE !== '1') throw new Error(`${file} did not exist: written; check it and commit it`);
    return;
  }
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** A PR with one attributed regression, an improvement, a noisy row, a cleared suspect, a new and a removed benchmark. */
function prReport(): CompareReport {
  return report(
    [
      row('BenchmarkParse/large-2', 'regression', {
        deltaPercent: 100,
        p: 0.0002,
        reason: '+100.0% (p=0.000 ≤ α=0.05)',
        noisePercent: 1.5,
        test: 'mann-whitney-u',
        attribution: {
          note: null,
          functions: [
            {
              function: 'example.com/m/calc.parseNumber',
              file: 'calc/parse.go',
              startLine: 10,
              endLine: 42,
              changed: true,
              commits: [{ sha: 'c'.repeat(40), subject: 'calc: parse numbers <fast>' }],
              delta: 0.9e-3,
              share: 0.9,
            },
            { function: 'runtime.mallocgc', file: 'runtime/malloc.go', startLine: 900, endLine: 1200, changed: false, commits: [], delta: 0.1e-3, share: 0.1 },
          ],
        },
      }),
      row('BenchmarkParse/large-2', 'regression', { unit: 'allocs/op', base: summary(3), head: summary(5), deltaPercent: 200 / 3, exact: true, p: null, test: 'by-value', reason: 'compared by value: deterministic on both sides' }),
      row('BenchmarkFormat-2', 'improvement', { deltaPercent: -50, noisePercent: 2, test: 'mann-whitney-u' }),
      row('BenchmarkNoisy-2', 'noisy', { deltaPercent: 12, p: 0.2, noisePercent: 20, test: 'mann-whitney-u', reason: 'too noisy to judge' }),
      row('BenchmarkCleared-2', 'unchanged', {
        deltaPercent: 1,
        p: 0.4,
        confirmed: false,
        screen: { verdict: 'regression', reason: '+9.0% (p=0.010 ≤ α=0.05)' },
        test: 'mann-whitney-u',
      }),
      row('BenchmarkSum-2', 'unchanged', { deltaPercent: 0.4, noisePercent: 1, test: 'mann-whitney-u' }),
      row('BenchmarkNew-2', 'new', { base: null, deltaPercent: null, p: null, reason: 'new benchmark' }),
      row('BenchmarkOld-2', 'removed', { head: null, deltaPercent: null, p: null, reason: 'removed benchmark' }),
    ],
    { geomean: [{ unit: 'sec/op', base: 1e-3, head: 1.1e-3, deltaPercent: 10 }] },
  );
}

function prContext(r: CompareReport): MarkdownContext {
  return {
    gate: evaluateGate(r, { failOn: 'regression', gateUnits: GATED_UNITS, failOnUnconfirmed: false, labels: [], acceptLabel: 'benchmark-regression-ok' }),
    baseline: { source: 'artifact', ref: 'main', commit: 'a'.repeat(40), runId: 4242, runNumber: 17 },
    rounds: 10,
    confirmRounds: 6,
    incomplete: ['head: example.com/m/broken build-failed: undefined: parseNumber'],
    marker: '<!-- benchgate:. -->',
    fullReportHint: 'see the job summary and the report artifact',
    blobUrl: `https://github.com/o/r/blob/${'b'.repeat(40)}/`,
  };
}

test('the PR comment', () => {
  const r = prReport();
  expectGolden('pr-comment.md', renderMarkdown(r, prContext(r)));
});

test('the job summary: the whole report, no sticky marker', () => {
  const r = prReport();
  expectGolden('job-summary.md', summaryMarkdown(r, prContext(r)));
});

test('the PR comment when nothing moved', () => {
  const r = report([row('BenchmarkSum-2', 'unchanged', { test: 'mann-whitney-u' }), row('BenchmarkSum-2', 'unchanged', { unit: 'B/op', exact: true, p: null, test: 'by-value' })]);
  expectGolden('pr-comment-pass.md', renderMarkdown(r, { ...prContext(r), incomplete: [] }));
});

test('the no-baseline comment', () => {
  expectGolden('no-baseline.md', noBaselineBody('no baseline artifact `benchgate-baseline` from a successful run on `main` was found', '.'));
});
