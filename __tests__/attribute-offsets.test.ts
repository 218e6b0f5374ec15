/**
 * Offsets: when a commit moves work from one changed function into another, the function that
 * gained can be several times the whole row; the changed functions that lost work are listed as
 * offsetting, with what all changed functions net to (src/attribute/attribute.ts), in report.json,
 * the comment and the text report.
 */
import { attribute } from '../src/attribute/attribute.js';
import { evaluateGate } from '../src/compare/gate.js';
import { formatAttributionText } from '../src/report/attribution-text.js';
import { fromJsonReport, toJsonReport } from '../src/report/json.js';
import { renderMarkdown } from '../src/report/markdown.js';
import { GATED_UNITS, report } from './helpers/reports.js';
import { changedFn, frame, NS, P, profileOf, rowOf } from './helpers/profiles.js';

const profile = profileOf('Log');
const row = rowOf('Log');
const changedOn = (name: string, startLine: number, endLine: number, side: 'head' | 'base') => changedFn(name, startLine, endLine, { side });
const commitsOf = () => [{ sha: 'abc1234', subject: 'share the stack' }];
const close = (a: number | undefined, b: number) => expect(a).toBeCloseTo(b, 12);
const HARNESS = '/ci/repo/p/p_test.go';

/** base: f (240ns) and unchanged encode (160ns); head: g (300ns) instead of f: +300 − 240 = +60ns/op. */
function movedWork() {
  const base = profile(frame(`${P}.BenchmarkLog`, 0, 400, 5, HARNESS), frame(`${P}.f`, 240, 240, 10), frame(`${P}.encode`, 160, 160, 60));
  const head = profile(frame(`${P}.BenchmarkLog`, 0, 460, 5, HARNESS), frame(`${P}.g`, 300, 300, 30), frame(`${P}.encode`, 160, 160, 60));
  const r = row(400, 460);
  r.attribution = attribute(r, base, head, [changedOn('f', 10, 20, 'base'), changedOn('g', 30, 40, 'head')], commitsOf);
  return r;
}

test('work moved from changed f into changed g: g is listed, f offsets it, and they net to the row', () => {
  const a = movedWork().attribution!;
  expect(a.functions.map((f) => f.function)).toEqual([`${P}.g`]);
  close(a.functions[0].delta, 300 * NS);
  close(a.functions[0].share, 5); // its documented meaning: delta ÷ the row's Δ
  expect(a.offsets?.map((f) => [f.function, f.changed, f.file, f.startLine, f.endLine])).toEqual([[`${P}.f`, true, 'p/p.go', 10, 20]]);
  close(a.offsets![0].delta, -240 * NS);
  close(a.offsets![0].share, -4);
  close(a.changedNet, 60 * NS);
  expect(a.note).toBeNull();
});

test('the comment names the offset in the row and lists it in the details, with the net', () => {
  const r = report([movedWork()]);
  const md = renderMarkdown(r, { gate: evaluateGate(r, { failOn: 'regression', gateUnits: GATED_UNITS, failOnUnconfirmed: false }), baseline: { source: 'rerun', ref: 'main' } });
  const mainRow = md.split('\n').find((l) => l.includes('🔴') && l.includes('Log'))!;
  expect(mainRow).toContain('`p.g` ✏️ p.go L30–40 — +300ns of +60ns/op, offset by `p.f` ↘ −240ns (changed functions net +60ns of +60ns/op)');
  expect(md).toMatch(/\| `p\.f` +\| +↘ −240ns \| −400% \| ✏️ p\.go L10–20 in `abc1234` share the stack — offsets: moved the other way \|/);
  expect(md).toContain('Changed functions net +60ns of +60ns/op: work moved between changed functions');
  const text = formatAttributionText(r);
  expect(text).toMatch(/example\.com\/m\/p\.f +↘ −240ns\/op +−400% +changed in this PR: p\/p\.go L10–20 \(abc1234 share the stack\) — offsets: moved the other way/);
  expect(text).toContain('    changed functions net +60ns of +60ns/op\n');
});

test('report.json carries offsets and changedNet, and reports written before them still read', () => {
  const r = report([movedWork()]);
  const json = JSON.parse(toJsonReport(r));
  expect(json.rows[0].attribution.offsets).toEqual([
    expect.objectContaining({ function: `${P}.f`, changed: true, delta: expect.closeTo(-240 * NS, 15), share: expect.closeTo(-4, 12), causal: null }),
  ]);
  expect(json.rows[0].attribution.changedNet).toBeCloseTo(60 * NS, 15);
  const back = fromJsonReport(JSON.stringify(json), 'report.json').rows[0].attribution!;
  expect(back.offsets?.map((f) => f.function)).toEqual([`${P}.f`]);
  close(back.changedNet, 60 * NS);
  delete json.rows[0].attribution.offsets;
  delete json.rows[0].attribution.changedNet;
  const old = fromJsonReport(JSON.stringify(json), 'report.json').rows[0].attribution!;
  expect(old.offsets).toBeUndefined();
  expect(old.changedNet).toBeUndefined();
});

test('when no changed function moved the other way, there are no offsets and the output reads as before', () => {
  // f got slower too (+20ns): both gained, nothing offsets.
  const base = profile(frame(`${P}.BenchmarkLog`, 0, 400, 5, HARNESS), frame(`${P}.f`, 240, 240, 10), frame(`${P}.encode`, 160, 160, 60));
  const head = profile(frame(`${P}.BenchmarkLog`, 0, 460, 5, HARNESS), frame(`${P}.f`, 260, 260, 10), frame(`${P}.encode`, 200, 200, 60));
  const r = row(400, 460);
  r.attribution = attribute(r, base, head, [changedOn('f', 10, 20, 'head')], commitsOf);
  expect(r.attribution).not.toHaveProperty('offsets');
  expect(r.attribution).not.toHaveProperty('changedNet');
  const rep = report([r]);
  const md = renderMarkdown(rep, { gate: evaluateGate(rep, { failOn: 'regression', gateUnits: GATED_UNITS, failOnUnconfirmed: false }), baseline: { source: 'rerun', ref: 'main' } });
  expect(md).not.toMatch(/offset|net /);
  expect(formatAttributionText(rep)).not.toMatch(/offset|net /);
  // A change the other way smaller than the movers' 5% is not an offset either.
  const small = profile(frame(`${P}.BenchmarkLog`, 0, 460, 5, HARNESS), frame(`${P}.f`, 238, 238, 10), frame(`${P}.encode`, 222, 222, 60));
  expect(attribute(r, base, small, [changedOn('f', 10, 20, 'head')], commitsOf).offsets).toBeUndefined();
});

test('a changed caller that lost work to a changed callee offsets it: its own part is its Δcum less the callee', () => {
  // take (changed) did the walk itself; now it calls the new next (changed), which does more.
  const base = profile(frame(`${P}.take`, 200, 200, 10));
  const head = profile(frame(`${P}.take`, 20, 260, 10), frame(`${P}.next`, 240, 240, 30));
  const r = row(200, 260);
  const a = attribute(r, base, head, [changedOn('take', 10, 20, 'head'), changedOn('next', 30, 40, 'head')], commitsOf);
  expect(a.functions.map((f) => f.function)).toEqual([`${P}.next`]);
  expect(a.offsets?.map((f) => f.function)).toEqual([`${P}.take`]);
  close(a.offsets![0].delta, -180 * NS); // +60 cum − 240 beneath
  close(a.changedNet, 60 * NS);
});
