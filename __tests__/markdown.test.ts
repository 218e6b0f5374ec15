/**
 * renderMarkdown, the PR comment: the headline states the gate's decision in words, everything a PR
 * author controls is escaped so it cannot break the table or inject links, HTML or mentions, and
 * the cut to GitHub's 65,536 characters keeps what matters.
 */
import { evaluateGate, type GateOptions } from '../src/compare/gate.js';
import { MAX_COMMENT_LENGTH } from '../src/github/limits.js';
import { renderMarkdown, type MarkdownContext } from '../src/report/markdown.js';
import type { CompareReport, CompareRow } from '../src/types.js';
import { GATED_UNITS, report, row, summary } from './helpers/reports.js';

const GATED = GATED_UNITS;

function ctxFor(r: CompareReport, gate: Partial<GateOptions> = {}, extra: Partial<MarkdownContext> = {}): MarkdownContext {
  return {
    gate: evaluateGate(r, { failOn: 'regression', gateUnits: GATED, failOnUnconfirmed: false, ...gate }),
    baseline: { source: 'rerun', ref: 'main', commit: 'abcdef0123456789' },
    rounds: 10,
    ...extra,
  };
}

const headline = (md: string) => md.split('\n')[0];

describe('headline', () => {
  test('pass: no regressions, counting benchmarks and improvements', () => {
    const r = report([row('A', 'unchanged'), row('B', 'improvement'), row('B', 'unchanged', { unit: 'B/op' })]);
    expect(headline(renderMarkdown(r, ctxFor(r)))).toBe('### ✅ benchgate: no regressions in 2 benchmarks, 1 improvement');
  });

  test('regression: merge blocked, or not gating without --fail-on', () => {
    const r = report([row('A', 'regression'), row('B', 'unchanged')]);
    expect(headline(renderMarkdown(r, ctxFor(r)))).toBe('### ❌ benchgate: 1 regression in 2 benchmarks — merge blocked');
    expect(headline(renderMarkdown(r, ctxFor(r, { failOn: 'none' })))).toBe(
      '### ⚠️ benchgate: 1 regression in 2 benchmarks — not gating',
    );
  });

  test('waived by a label: says so in the headline and the footer', () => {
    const r = report([row('A', 'regression')]);
    const md = renderMarkdown(r, ctxFor(r, { labels: ['perf-ok'], acceptLabel: 'perf-ok' }));
    expect(headline(md)).toBe('### ⚠️ benchgate: 1 regression in 1 benchmark — waived by label `perf-ok`');
    expect(md).toContain('The gate was waived by the label `perf-ok`.');
  });

  test('the footer gives the samples a side, and says when settled benchmarks stopped early', () => {
    const r = report([row('A', 'unchanged')]);
    expect(renderMarkdown(r, ctxFor(r))).toContain('run here in alternating rounds, 10 samples a side.');
    expect(renderMarkdown(r, ctxFor(r, {}, { minRounds: 6 }))).toContain(
      'run here in alternating rounds, up to 10 samples a side (benchmarks whose intervals ruled out a 5% slowdown stopped after 6).',
    );
    expect(renderMarkdown(r, ctxFor(r, {}, { minRounds: 10 }))).toContain('10 samples a side.');
  });

  test('incomplete: failed packages are named above the table', () => {
    const r = report([row('A', 'unchanged')]);
    const md = renderMarkdown(r, ctxFor(r, {}, { incomplete: ['head: example.com/m/broken build-failed: undefined: x'] }));
    expect(headline(md)).toBe('### ⚠️ benchgate: incomplete — 1 package failed; no regressions in the 1 benchmark that ran');
    expect(md).toContain('> ⚠️ head: example.com/m/broken build-failed: undefined: x');
  });

  test('noisy benchmarks beyond the "possibly" rows are counted once, as benchmarks', () => {
    // The shape of klauspost/compress 8b78fa8 on a loaded host: every benchmark noisy in sec/op and
    // B/s; only A's sec/op estimate is a possible slowdown. A's B/s row must not count A again.
    const noisy = (name: string, unit: string, deltaPercent: number) =>
      row(name, 'noisy', { unit, deltaPercent, noisePercent: 20, reason: 'too noisy to judge' });
    const r = report([
      noisy('A', 'sec/op', 12),
      noisy('A', 'B/s', -11),
      noisy('B', 'sec/op', -6),
      noisy('B', 'B/s', 6),
      noisy('C', 'B/s', 1),
    ]);
    expect(headline(renderMarkdown(r, ctxFor(r)))).toBe(
      '### ⚠️ benchgate: no regressions in 3 benchmarks, 1 row too noisy to judge, possibly +12.0%, 2 more benchmarks too noisy to judge',
    );
    const quiet = report([noisy('B', 'sec/op', -6), noisy('B', 'B/s', 6)]);
    expect(headline(renderMarkdown(quiet, ctxFor(quiet)))).toBe(
      '### ✅ benchgate: no regressions in 1 benchmark, 1 benchmark too noisy to judge',
    );
  });

  test('cleared suspects and ungated regressions are not passed over in silence', () => {
    const r = report([
      row('A', 'unchanged', { confirmed: false, screen: { verdict: 'regression', reason: 'first pass' } }),
      row('B', 'regression', { unit: 'B/s' }),
    ]);
    const md = renderMarkdown(r, ctxFor(r));
    expect(headline(md)).toBe('### ✅ benchgate: no regressions in 2 benchmarks, 1 suspect cleared, 1 regression in ungated metrics');
    expect(md).toContain('⚪');
  });
});

describe('confirmation lines', () => {
  const confirmation = (verdict: CompareRow['verdict'], reason: string) => ({
    base: summary(1e-3),
    head: summary(1.01e-3),
    deltaPercent: 1,
    p: 0.4,
    verdict,
    reason,
  });

  test('cleared, and not judged (too noisy), each say so; only the unjudged one is 🟡 unconfirmed', () => {
    const r = report([
      row('A', 'unchanged', {
        confirmed: false,
        screen: { verdict: 'regression', reason: 'first pass' },
        confirmation: confirmation('unchanged', 'p=0.400 > α=0.05'),
      }),
      row('B', 'unconfirmed', {
        confirmed: null,
        screen: { verdict: 'regression', reason: 'first pass' },
        confirmation: confirmation('noisy', 'too noisy to judge: samples scatter ± 12.0% around the median, more than the 5% threshold (p=0.400)'),
      }),
    ]);
    const md = renderMarkdown(r, ctxFor(r));
    expect(headline(md)).toBe('### ⚠️ benchgate: no regressions in 2 benchmarks, 1 unconfirmed, 1 suspect cleared');
    expect(md).toContain('- `calc` A sec/op: cleared by alternating rounds on this runner (+1.0%, p=0.400, n=10+10) — p=0.400 \\> α=0.05');
    expect(md).toContain('- `calc` B sec/op: not judged by alternating rounds on this runner (+1.0%, p=0.400, n=10+10) — too noisy to judge');
    expect(md).toContain('🟡');
  });
});

describe('the GC and scheduler breakdown in the details', () => {
  const side = (cycles: number, sched: number | null) => ({
    gcCyclesPerOp: cycles,
    stwSweepTermNsPerOp: 140,
    stwMarkTermNsPerOp: 5,
    concurrentMarkNsPerOp: 1400,
    gcCpuFraction: 0.035,
    heapGoalBytes: 7 * 2 ** 20,
    assistShare: 0,
    schedLatencyNsPerOp: sched,
  });
  const diagnosis = { base: side(0.0005, 23697), head: side(0.0075, null) };

  test('a base/this PR table and one line reading it, once per benchmark; — where not measured', () => {
    const r = report([row('Build-2', 'regression', { diagnosis }), row('Build-2', 'regression', { unit: 'B/op', diagnosis })]);
    const md = renderMarkdown(r, ctxFor(r));
    const cells = (label: string) => md.split('\n').find((l) => l.startsWith(`| ${label} `))?.split('|').slice(1, -1).map((c) => c.trim());
    expect(cells('GC cycles per op')).toEqual(['GC cycles per op', '0.0005', '0.0075']);
    expect(cells('scheduler latency per op')).toEqual(['scheduler latency per op', '23697 ns', '—']);
    expect(cells('heap goal')).toEqual(['heap goal', '7 MiB', '7 MiB']);
    expect(cells('GC CPU share')).toEqual(['GC CPU share', '3.5%', '3.5%']);
    expect(md).toContain('GC and scheduler: more GC cycles per op (0.0005 → 0.0075): allocation grew.');
    // Both rows are the one benchmark's: its figures are shown with the first only.
    expect(md.match(/\| GC and scheduler /g)).toHaveLength(1);
    expect(md.match(/<details><summary>/g)).toHaveLength(1);
  });
});

describe('the unchanged table', () => {
  test('short why cells from the rows\' numbers; the advice for noisy rows once, under the table', () => {
    const long =
      'too noisy to judge: samples scatter ± 16.5% around the median, more than the 5% threshold (q=0.093); ' +
      'use a longer -benchtime or more rounds';
    const r = report([
      row('A', 'regression'),
      row('N1', 'noisy', { noisePercent: 16.5, p: 0.09, q: 0.093, reason: long }),
      row('N2', 'noisy', { noisePercent: 8.04, p: 0.3, q: 0.4, reason: long }),
      row('U', 'unchanged', { q: 0.21, p: 0.031 }),
    ]);
    const md = renderMarkdown(r, ctxFor(r));
    const cells = (name: string) => md.split('\n').find((l) => l.startsWith(`| \`calc\` ${name} `))!.split('|').map((c) => c.trim());
    expect(cells('N1').at(-2)).toBe('noisy: ±16.5% \\> 5%');
    expect(cells('N2').at(-2)).toBe('noisy: ±8.0% \\> 5%');
    expect(cells('U').at(-2)).toBe('q=0.210 \\> α=0.05');
    expect(md).not.toContain('samples scatter ± 16.5%');
    expect(md.match(/longer -benchtime or more rounds/g)).toHaveLength(1);
    // Under the table, inside the collapsed section.
    const table = md.indexOf('| `calc` N1');
    const advice = md.indexOf('noisy: too noisy to judge either way');
    expect(advice).toBeGreaterThan(table);
    expect(advice).toBeLessThan(md.indexOf('</details>', table));
  });
});

describe('escaping what a PR author controls', () => {
  const hostile = 'Evil|cell`code`<img src=x onerror=alert(1)>[x](http://evil.example/a) @someone\nsecond line';

  function hostileReport(): CompareReport {
    return report([
      row(hostile, 'regression', {
        attribution: {
          functions: [
            {
              function: 'example.com/m/calc.Evil|fn`<b>',
              file: 'calc/[x](http://evil.example).go',
              startLine: 3,
              endLine: 9,
              changed: true,
              commits: [{ sha: '0123456789abcdef', subject: 'fix @someone <img src=x> [y](https://evil.example) | `z`\nmore' }],
              delta: 1e-3,
              share: 1,
            },
          ],
          note: 'note with <script>alert(1)</script> and @someone',
        },
      }),
      row(hostile, 'unchanged', { unit: 'B/op' }),
    ]);
  }

  const md = () => renderMarkdown(hostileReport(), ctxFor(hostileReport(), {}, { blobUrl: 'https://github.com/o/r/blob/abc/', marker: '<!-- benchgate -->' }));

  /** The text markdown would interpret: code spans (literal) and our own tags removed. */
  function interpreted(text: string): string {
    return text
      .replace(/(?<!\\)`[^`\n]*`/g, '')
      .replace(/<\/?(details|summary)>|<!-- benchgate -->/g, '');
  }

  test('no HTML, links, images or mentions come from the input', () => {
    const text = interpreted(md());
    expect(text).not.toMatch(/(?<!\\)</); // HTML needs an unescaped <
    expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // [x](url) needs unescaped brackets
    expect(text).not.toMatch(/@\w/); // a mention needs @ right before the name
    expect(text).not.toMatch(/https?:\/\/|www\./i); // bare URLs are autolinked
    expect(md()).toContain('<!-- benchgate -->');
  });

  test('every table row keeps its cell count (no stray pipes, no newlines)', () => {
    const text = md();
    const tables = text.split(/\n\s*\n/).filter((block) => block.startsWith('|'));
    expect(tables.length).toBeGreaterThanOrEqual(3);
    for (const t of tables) {
      const counts = t.split('\n').map((line) => line.replace(/\\\|/g, '').split('|').length);
      expect(new Set(counts).size).toBe(1);
    }
  });

  test('the names stay readable', () => {
    const text = md();
    expect(text).toContain('Evil\\|cell');
    expect(text).toContain('second line');
  });
});

describe('the cut to 65,536 characters', () => {
  function big(): CompareReport {
    const rows: CompareRow[] = [];
    for (let i = 0; i < 1500; i++) rows.push(row(`Unchanged/${'x'.repeat(40)}/${i}`, 'unchanged'));
    for (let i = 0; i < 600; i++) rows.push(row(`Faster/${i}`, 'improvement'));
    for (let i = 0; i < 300; i++) rows.push(row(`Slower/${i}`, 'regression', { deltaPercent: 100 + i }));
    return report(rows);
  }

  test('keeps the headline, the regressions first (largest first) and the marker', () => {
    const r = big();
    const md = renderMarkdown(r, ctxFor(r, {}, { marker: '<!-- benchgate:sticky -->', fullReportHint: 'see the artifact' }));
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(headline(md)).toBe('### ❌ benchgate: 300 regressions in 2400 benchmarks — merge blocked');
    expect(md.trimEnd().endsWith('<!-- benchgate:sticky -->')).toBe(true);
    expect(md).toContain('see the artifact');
    const firstRow = md.split('\n').find((l) => l.startsWith('| 🔴') || l.startsWith('| 🟢'));
    expect(firstRow).toContain('Slower/299');
    // No improvement is shown before the last shown regression.
    const lines = md.split('\n');
    const lastRed = lines.map((l) => l.startsWith('| 🔴')).lastIndexOf(true);
    const firstGreen = lines.findIndex((l) => l.startsWith('| 🟢'));
    expect(firstGreen === -1 || firstGreen > lastRed).toBe(true);
  });

  test('a small report is left whole', () => {
    const r = report([row('A', 'regression'), row('B', 'unchanged')]);
    const md = renderMarkdown(r, ctxFor(r));
    expect(md).toContain('1 unchanged benchmarks');
  });
});

describe('flame graph links', () => {
  const PATH = 'flamegraphs/example.com_m_calc-0123abcd/A-89abcdef.sec-op.html';
  const URL = 'https://github.com/o/r/actions/runs/42/artifacts/7';

  test('without the artifact URL, the row links the file by its path (report.md beside the files)', () => {
    const r = report([row('A', 'regression', { flamegraph: PATH }), row('B', 'unchanged')]);
    const md = renderMarkdown(r, ctxFor(r));
    expect(md).toContain(`| [flame graph](${PATH}) |`);
    expect(md).not.toContain('[flame-graphs]:');
  });

  test('with it, each row links the artifact by one reference, defined once under the footer', () => {
    const r = report([row('A', 'regression', { flamegraph: PATH }), row('C', 'improvement', { flamegraph: PATH.replace('A-', 'C-') })]);
    const md = renderMarkdown(r, ctxFor(r, {}, { flameGraphUrl: URL, marker: '<!-- m -->' }));
    expect(md.match(/\[flame graph\]\[flame-graphs\]/g)).toHaveLength(2);
    expect(md.match(/^\[flame-graphs\]: /gm)).toHaveLength(1);
    expect(md).toContain(`[flame-graphs]: <${URL}>`);
    expect(md).toContain('in the result artifact, as `flamegraphs/<package>/<benchmark>.<unit>.html`');
    expect(md.trimEnd().endsWith('<!-- m -->')).toBe(true);
  });

  test('a row without a flame graph has no link, and a malformed path is not linked', () => {
    const r = report([row('A', 'regression'), row('B', 'regression', { flamegraph: 'x)(javascript:alert(1)' })]);
    const md = renderMarkdown(r, ctxFor(r, {}, { flameGraphUrl: URL }));
    expect(md).not.toContain('flame graph');
  });

  test('300 regressions with flame graphs and the artifact URL still fit in a comment', () => {
    const rows = Array.from({ length: 300 }, (_, i) => row(`Slower/${i}`, 'regression', { deltaPercent: 100 + i, flamegraph: PATH }));
    const r = report(rows);
    const md = renderMarkdown(r, ctxFor(r, {}, { flameGraphUrl: URL, marker: '<!-- m -->' }));
    expect(md.length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(md.match(/\[flame graph\]\[flame-graphs\]/g)!.length).toBe(300);
    expect(md).toContain(`[flame-graphs]: <${URL}>`);
  });
});
