/**
 * The differential flame graph (src/report/flamegraph.ts): merging the two sides' call trees per
 * op, the layout, the escaping of the data block, and the page as headless Chromium renders it
 * (skipped with a note where /usr/bin/chromium is not installed).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { ChangedFunction } from '../src/diff/match.js';
import type { Line, Location, ProfFunction, Profile } from '../src/pprof/model.js';
import { stackTree, type StackNode } from '../src/pprof/tree.js';
import { perOpTree } from '../src/pprof/perop.js';
import { wholeProfile } from '../src/pprof/whole.js';
import {
  flameGraphPath,
  jsonForScript,
  layoutFrames,
  mergeFlameTrees,
  renderFlameGraph,
  type FlameFrame,
} from '../src/report/flamegraph.js';
import { dumpDom, haveChromium, screenshot } from './helpers/chromium.js';

const FILE = '/build/m/pkg/hot.go';
const n = (fn: string, value: number, self: number, children: StackNode[] = [], startLine = 0): StackNode => ({
  function: fn,
  file: fn.startsWith('example.com/') ? FILE : '/go/src/runtime/proc.go',
  startLine,
  value,
  self,
  children,
});
const root = (value: number, children: StackNode[]): StackNode => ({ function: '', file: '', startLine: 0, value, self: 0, children });

// Base: Sum calls weight (90 of its 100) and main also runs old (20). Head: weight costs three
// times as much, old is gone, fresh is new.
const BASE = root(120, [
  n('runtime.main', 120, 0, [
    n('example.com/m/pkg.Sum', 100, 10, [n('example.com/m/pkg.weight', 90, 90, [], 15)], 6),
    n('example.com/m/pkg.old', 20, 20, [], 30),
  ]),
]);
const HEAD = root(290, [
  n('runtime.main', 290, 0, [
    n('example.com/m/pkg.Sum', 280, 10, [n('example.com/m/pkg.weight', 270, 270, [], 15)], 6),
    n('example.com/m/pkg.fresh', 10, 10, [], 30),
  ]),
]);
const WEIGHT_CHANGED: ChangedFunction = {
  function: 'example.com/m/pkg.weight',
  file: 'pkg/hot.go',
  pkgPath: 'example.com/m/pkg',
  startLine: 15,
  endLine: 22,
  side: 'head',
};

function find(f: FlameFrame, name: string): FlameFrame | undefined {
  if (f.function === name) return f;
  for (const c of f.children) {
    const hit = find(c, name);
    if (hit) return hit;
  }
  return undefined;
}

/** A profile from stacks (leaf first; each location a list of inlined function indices, innermost first). */
function profileOf(names: string[], samples: { stack: number[][]; value: number }[]): Profile {
  const functions: ProfFunction[] = names.map((name, i) => ({
    id: i + 1,
    name,
    systemName: name,
    filename: `/r/${name}.go`,
    startLine: i + 1,
  }));
  const location: Location[] = [];
  const sample = samples.map((s) => ({
    location: s.stack.map((lines) => {
      const line: Line[] = lines.map((f) => ({ function: functions[f], line: 1, column: 0 }));
      const l: Location = { index: location.length, id: location.length + 1, mapping: null, address: 0, line, isFolded: false };
      location.push(l);
      return l;
    }),
    value: [s.value],
    label: {},
    numLabel: {},
    numUnit: {},
  }));
  return {
    sampleType: [{ type: 'cpu', unit: 'nanoseconds' }],
    defaultSampleType: '',
    sample,
    mapping: [],
    location,
    function: functions,
    dropFrames: '',
    keepFrames: '',
    timeNanos: 0,
    durationNanos: 0,
    periodType: { type: 'cpu', unit: 'nanoseconds' },
    period: 1,
    comments: [],
    docUrl: '',
  };
}

test('property: the tree holds what attribution counts — root = total, Σ self per function = its flat, Σ topmost values = its cum', () => {
  const names = ['main', 'a', 'b', 'c'];
  const stacks = fc.array(
    fc.record({
      stack: fc.array(fc.array(fc.integer({ min: 0, max: names.length - 1 }), { minLength: 1, maxLength: 3 }), {
        minLength: 1,
        maxLength: 6,
      }),
      value: fc.integer({ min: 1, max: 50 }),
    }),
    { minLength: 1, maxLength: 30 },
  );
  fc.assert(
    fc.property(stacks, (samples) => {
      const p = profileOf(names, samples);
      const tree = stackTree(p, 'cpu');
      const whole = wholeProfile(p, 'cpu');
      expect(tree.value).toBe(whole.total);
      const self = new Map<string, number>();
      const cum = new Map<string, number>();
      const walk = (n: StackNode, above: Set<string>) => {
        self.set(n.function, (self.get(n.function) ?? 0) + n.self);
        // Recursion: only the topmost node of a function on a path counts, as cum counts a sample once.
        if (!above.has(n.function)) cum.set(n.function, (cum.get(n.function) ?? 0) + n.value);
        expect(n.value).toBe(n.self + n.children.reduce((t, c) => t + c.value, 0));
        for (const c of n.children) walk(c, new Set([...above, n.function]));
      };
      tree.children.forEach((c) => walk(c, new Set()));
      for (const f of whole.functions) {
        expect(self.get(f.function) ?? 0).toBe(f.flat);
        expect(cum.get(f.function) ?? 0).toBe(f.cum);
      }
    }),
  );
});

describe('mergeFlameTrees', () => {
  const merged = mergeFlameTrees(BASE, HEAD, [WEIGHT_CHANGED]);

  test('each frame holds its base and head cost per op; frames of one side only have 0 on the other', () => {
    expect(merged).toMatchObject({ base: 120, head: 290 });
    expect(find(merged, 'example.com/m/pkg.Sum')).toMatchObject({ base: 100, head: 280, baseSelf: 10, headSelf: 10 });
    expect(find(merged, 'example.com/m/pkg.weight')).toMatchObject({ base: 90, head: 270, width: 270 });
    expect(find(merged, 'example.com/m/pkg.old')).toMatchObject({ base: 20, head: 0, width: 20 });
    expect(find(merged, 'example.com/m/pkg.fresh')).toMatchObject({ base: 0, head: 10, width: 10 });
  });

  test('width: head cost where nothing got cheaper, base cost where it did, and every frame holds its callees', () => {
    // Sum: 10 itself + weight's 270; main: Sum's 280 + old's 20 (kept visible) + fresh's 10.
    expect(find(merged, 'example.com/m/pkg.Sum')!.width).toBe(280);
    expect(find(merged, 'runtime.main')!.width).toBe(310);
    expect(merged.width).toBe(310);
  });

  test('one function is one frame even where the sides were built in different directories (a worktree)', () => {
    const moved = (t: StackNode): StackNode => ({
      ...t,
      file: t.file.replace('/build/', '/tmp/worktree-1/'),
      children: t.children.map(moved),
    });
    const m = mergeFlameTrees(moved(BASE), HEAD, [WEIGHT_CHANGED]);
    expect(m.children).toHaveLength(1);
    expect(find(m, 'example.com/m/pkg.weight')).toMatchObject({ base: 90, head: 270, file: FILE, changed: WEIGHT_CHANGED });
  });

  test('the changed function is marked (by file and line), the others are not', () => {
    expect(find(merged, 'example.com/m/pkg.weight')!.changed).toBe(WEIGHT_CHANGED);
    expect(find(merged, 'example.com/m/pkg.Sum')!.changed).toBeUndefined();
    expect(merged.changed).toBeUndefined();
  });

  test('totals are consistent on random trees: value = self + callees on both sides, width = max(self) + callees ≥ max(base, head)', () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const names = ['a', 'b', 'c', 'd'];
    const tree = (depth: number): StackNode[] =>
      depth === 0
        ? []
        : names
            .filter(() => rnd() < 0.6)
            .map((name) => {
              const children = tree(depth - 1);
              const self = Math.floor(rnd() * 10);
              return n(name, self + children.reduce((s, c) => s + c.value, 0), self, children);
            });
    for (let i = 0; i < 50; i++) {
      const b = tree(4);
      const h = tree(4);
      const sum = (xs: StackNode[]) => xs.reduce((s, c) => s + c.value, 0);
      const m = mergeFlameTrees(root(sum(b), b), root(sum(h), h));
      const check = (f: FlameFrame) => {
        const kids = (k: (c: FlameFrame) => number) => f.children.reduce((s, c) => s + k(c), 0);
        expect(f.base).toBeCloseTo(f.baseSelf + kids((c) => c.base), 9);
        expect(f.head).toBeCloseTo(f.headSelf + kids((c) => c.head), 9);
        expect(f.width).toBeCloseTo(Math.max(f.baseSelf, f.headSelf) + kids((c) => c.width), 9);
        expect(f.width).toBeGreaterThanOrEqual(Math.max(f.base, f.head) - 1e-9);
        f.children.forEach(check);
      };
      check(m);
      expect(m.base).toBe(sum(b));
      expect(m.head).toBe(sum(h));
    }
  });

  test('per op: perOpTree scales a profile tree so that its root is the row center, as attribution scales functions', () => {
    const samples = root(50, [n('runtime.main', 50, 10, [n('example.com/m/pkg.Sum', 40, 40)])]);
    const perOp = perOpTree(samples, 2e-6)!;
    expect(perOp.value).toBeCloseTo(2e-6, 15);
    expect(perOp.children[0].self).toBeCloseTo(0.4e-6, 15);
    expect(perOp.children[0].children[0].value).toBeCloseTo(1.6e-6, 15);
    expect(perOpTree(root(0, []), 1)).toBeNull();
  });
});

describe('layout and page', () => {
  test('frames are laid out in preorder, each callee inside its caller, side by side', () => {
    const { frames, omitted } = layoutFrames(mergeFlameTrees(BASE, HEAD, [WEIGHT_CHANGED]), 'sec/op');
    expect(omitted).toBe(0);
    expect(frames.map((f) => [f.f, f.d, f.x, f.w])).toEqual([
      ['all', 0, 0, 310],
      ['runtime.main', 1, 0, 310],
      ['example.com/m/pkg.Sum', 2, 0, 280],
      ['example.com/m/pkg.weight', 3, 0, 270],
      ['example.com/m/pkg.fresh', 2, 280, 10],
      ['example.com/m/pkg.old', 2, 290, 20],
    ]);
    const weight = frames[3];
    expect(weight).toMatchObject({ b: '90.00s', h: '270.00s', dv: '+180s', dp: '+200.0%', c: 'pkg/hot.go L15–22', src: `${FILE}:15` });
    expect(weight.r).toBeCloseTo(180 / 270, 12);
    expect(frames[5]).toMatchObject({ r: -1, dp: '−100.0%' });
    expect(frames[4]).toMatchObject({ r: 1, dp: 'new' });
  });

  test('the path: package and benchmark slugs, the unit with its slash replaced', () => {
    expect(flameGraphPath('example.com/m/pkg', 'Sum/large-2', 'sec/op')).toMatch(
      /^flamegraphs\/example.com_m_pkg-[0-9a-f]{8}\/Sum_large-2-[0-9a-f]{8}\.sec-op\.html$/,
    );
  });

  test('the data block cannot end its <script> element, and U+2028/U+2029 are escaped', () => {
    const nasty = 'p.F</script><script>alert(1)</script><!--\u2028\u2029&';
    const text = jsonForScript({ f: nasty });
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual({ f: nasty });
  });

  test('the page is self-contained: nothing fetched, the title escaped, only its own two scripts', () => {
    const html = page('x</script><b>');
    expect(html).not.toMatch(/\b(?:src|href)=/);
    expect(html).toContain("default-src 'none'");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('<title>benchgate flame graph: pkg Sum-2 (sec/op)</title>');
  });
});

function page(evilName: string): string {
  const head = root(290, [
    n('runtime.main', 290, 0, [
      n('example.com/m/pkg.Sum', 280, 10, [n('example.com/m/pkg.weight', 270, 270, [], 15)], 6),
      n(`example.com/m/pkg.${evilName}\u2028`, 10, 10, [], 30),
    ]),
  ]);
  return renderFlameGraph({
    package: 'example.com/m/pkg',
    name: 'Sum-2',
    unit: 'sec/op',
    base: 120e-9,
    head: 290e-9,
    deltaPercent: 141.7,
    verdict: 'regression',
    tree: mergeFlameTrees(perOpTree(BASE, 120e-9), perOpTree(head, 290e-9), [WEIGHT_CHANGED]),
  });
}

describe('in headless Chromium', () => {
  const run = haveChromium('flame graph browser test') ? test : test.skip;
  run('renders every frame, coloured by change, the changed function marked, hostile names as text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchgate-flame-'));
    try {
      const file = join(dir, 'flame.html');
      writeFileSync(file, page('x</script><script>document.title="pwned"</script>'));
      const dom = dumpDom(file);
      const frames = [...dom.matchAll(/<div class="(frame[^"]*)" data-i="(\d+)" style="([^"]*)">([^<]*)<\/div>/g)].map((m) => ({
        cls: m[1],
        i: Number(m[2]),
        style: m[3],
        text: m[4],
      }));
      expect(frames.map((f) => f.i)).toEqual([0, 1, 2, 3, 4, 5]);
      const weight = frames.find((f) => f.text.includes('pkg.weight'))!;
      expect(weight).toMatchObject({ cls: 'frame changed', text: '✎ pkg.weight' });
      expect(weight.style).toContain('background: rgb(215, 48, 31)'); // ×3: full red
      const old = frames.find((f) => f.text === 'pkg.old')!;
      expect(old.style).toContain('background: rgb(33, 102, 172)'); // gone: full blue
      expect(old.style).toMatch(/width: [\d.]+%/);
      // The hostile name is the text of a frame (cut after its last slash, as names are), not markup:
      // no third script ran or was added, and the title is unchanged.
      expect(frames.some((f) => f.text.includes('script&gt;'))).toBe(true);
      expect(dom.match(/<script/g)).toHaveLength(2);
      expect(dom).toContain('<title>benchgate flame graph: pkg Sum-2 (sec/op)</title>');
      screenshot(file, join(dir, 'flame.png'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
