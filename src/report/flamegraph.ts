/**
 * The differential flame graph of one row: the benchmark's call trees on both sides (per op, as
 * attribution scales them) merged into one tree, and that tree as one self-contained HTML page
 * (inline CSS and JS, the data as JSON inside it, nothing fetched). Pure: trees in, a string out;
 * pipeline.ts writes the files.
 *
 * Width. Each frame is as wide as the larger of its two costs, made to hold its callees: width =
 * max(base self, head self) + Σ callees' widths. Where a frame did not get cheaper, that is exactly
 * its head cost (the flame graph of the PR); where it got cheaper, it keeps its base width, so
 * that work the PR removed stays visible as a blue frame instead of shrinking to nothing — a frame
 * only the base has would otherwise be zero wide and could not be seen or hovered at all.
 *
 * Colour. The relative change r = (head − base) ÷ max(base, head), in [−1, 1]: red when slower,
 * blue when faster, the deeper the larger |r| (full at |r| ≥ 0.5: twice or half the cost; a frame
 * only one side has is ±1).
 */
import { formatDelta } from '../attribute/quantity.js';
import { changedFunctionOf } from '../attribute/attribute.js';
import type { ChangedFunction } from '../diff/match.js';
import { packageSlug } from '../gotool/layout.js';
import type { StackNode } from '../pprof/tree.js';
import { escapeHtml } from './escape.js';
import { formatFixed } from './format.js';
import { formatValue } from './markdown.js';

/** One frame of the merged tree: a function on one call path, with both sides' cost per op. */
export interface FlameFrame {
  function: string;
  file: string;
  startLine: number;
  /** Cost per op through this frame (itself and its callees), on each side. */
  base: number;
  head: number;
  /** Cost per op of the frame itself (leaf samples). */
  baseSelf: number;
  headSelf: number;
  /** Drawn width, per op (see the file comment): ≥ max(base, head), and holds the children. */
  width: number;
  /** The function the PR changed that this frame belongs to, if any. */
  changed?: ChangedFunction;
  children: FlameFrame[];
}

const EMPTY: StackNode = { function: '', file: '', startLine: 0, value: 0, self: 0, children: [] };

/**
 * Merges the base and head trees (per op) by path: frames with the same function name under the
 * same parent are one frame (by name, as the trees are keyed: the sides' file names can differ);
 * a frame one side lacks has 0 there. The root is the whole op. Each side's own frame (its file and
 * line) is matched to the changed functions of that side.
 */
export function mergeFlameTrees(base: StackNode | null, head: StackNode | null, changed: readonly ChangedFunction[] = []): FlameFrame {
  const headSide = changed.filter((c) => c.side === 'head');
  const baseSide = changed.filter((c) => c.side === 'base');
  const merge = (b: StackNode | undefined, h: StackNode | undefined, isRoot: boolean): FlameFrame => {
    const any = (h ?? b)!;
    const children: FlameFrame[] = [];
    const key = (n: StackNode) => n.function;
    const heads = new Map((h?.children ?? []).map((c) => [key(c), c]));
    const seen = new Set<string>();
    for (const c of b?.children ?? []) {
      seen.add(key(c));
      children.push(merge(c, heads.get(key(c)), false));
    }
    for (const c of h?.children ?? []) if (!seen.has(key(c))) children.push(merge(undefined, c, false));
    children.sort((x, y) => (x.function < y.function ? -1 : x.function > y.function ? 1 : 0));
    const baseSelf = b?.self ?? 0;
    const headSelf = h?.self ?? 0;
    const frame: FlameFrame = {
      function: any.function,
      file: any.file,
      startLine: h?.startLine || b?.startLine || 0,
      base: b?.value ?? 0,
      head: h?.value ?? 0,
      baseSelf,
      headSelf,
      width: Math.max(baseSelf, headSelf) + children.reduce((s, c) => s + c.width, 0),
      children,
    };
    if (!isRoot) {
      const c = changedFunctionOf({ base: b, head: h }, headSide, baseSide);
      if (c) frame.changed = c;
    }
    return frame;
  };
  return merge(base ?? EMPTY, head ?? EMPTY, true);
}

/** `flamegraphs/<package-slug>/<benchmark-slug>.<unit-slug>.html`, relative to the output directory. */
export function flameGraphPath(pkg: string, name: string, unit: string): string {
  return `flamegraphs/${packageSlug(pkg)}/${packageSlug(name)}.${unit.replace(/[^A-Za-z0-9._-]+/g, '-')}.html`;
}

/** What the page says about its row, besides the tree. */
export interface FlameGraphInput {
  package: string;
  name: string;
  unit: string;
  /** The two sides' centers (per op) and the verdict's Δ in percent. */
  base: number;
  head: number;
  deltaPercent: number | null;
  verdict: string;
  tree: FlameFrame;
  /** Why the trees are approximate (e.g. taken from package-wide profiles). */
  note?: string;
}

/** Frames narrower than this fraction of the whole are left out (with their callees), to bound the file. */
export const MIN_FRAME_FRACTION = 1e-4;

/** One drawn frame as the page's script reads it. */
interface DrawnFrame {
  /** Function name; `src` file:line; depth; x and w in the root's width units. */
  f: string;
  src: string;
  d: number;
  x: number;
  w: number;
  /** Relative change in [−1, 1] (colour). */
  r: number;
  /** Formatted base, head, Δ per op and Δ in percent. */
  b: string;
  h: string;
  dv: string;
  dp: string;
  /** Where the PR changed it (file and lines), or null. */
  c: string | null;
}

/** The frames in drawing order (preorder), positioned; frames under MIN_FRAME_FRACTION are dropped. */
export function layoutFrames(tree: FlameFrame, unit: string): { frames: DrawnFrame[]; omitted: number } {
  const frames: DrawnFrame[] = [];
  let omitted = 0;
  const min = tree.width * MIN_FRAME_FRACTION;
  const walk = (f: FlameFrame, depth: number, x: number) => {
    const delta = f.head - f.base;
    const larger = Math.max(f.base, f.head);
    frames.push({
      f: depth === 0 ? 'all' : f.function,
      src: f.file ? `${f.file}${f.startLine ? `:${f.startLine}` : ''}` : '',
      d: depth,
      x,
      w: f.width,
      r: larger > 0 ? delta / larger : 0,
      b: formatValue(f.base, unit, [f.head]),
      h: formatValue(f.head, unit, [f.base]),
      dv: formatDelta(delta, unit),
      dp: f.base > 0 ? `${delta >= 0 ? '+' : '−'}${formatFixed(Math.abs(delta / f.base) * 100, 1)}%` : f.head > 0 ? 'new' : '',
      c: f.changed ? `${f.changed.file} L${f.changed.startLine}–${f.changed.endLine}` : null,
    });
    let at = x;
    for (const c of f.children) {
      if (c.width < min) omitted++;
      else walk(c, depth + 1, at);
      at += c.width;
    }
  };
  walk(tree, 0, 0);
  return { frames, omitted };
}

/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` as \u escapes (no `</script>` or
 * `<!--` can end or change the element), and U+2028/U+2029 (legal in JSON strings, line breaks
 * to older JavaScript parsers) escaped too. Function names come from the PR's code.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderFlameGraph(input: FlameGraphInput): string {
  const { frames, omitted } = layoutFrames(input.tree, input.unit);
  const pkg = input.package.split('/').pop() || input.package;
  const title = `${pkg} ${input.name} (${input.unit})`;
  const delta =
    input.deltaPercent === null || !Number.isFinite(input.deltaPercent)
      ? ''
      : `, ${input.deltaPercent >= 0 ? '+' : '−'}${formatFixed(Math.abs(input.deltaPercent), 1)}%`;
  const base = formatValue(input.base, input.unit, [input.head]);
  const head = formatValue(input.head, input.unit, [input.base]);
  const summary = `${input.verdict}: ${base} → ${head} per op (medians${delta})`;
  const notes = [
    input.note,
    omitted > 0 ? `${omitted} frames narrower than ${MIN_FRAME_FRACTION * 100}% of the graph are left out.` : undefined,
  ].filter((n): n is string => !!n);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>benchgate flame graph: ${escapeHtml(title)}</title>
<style>
body { font: 13px system-ui, sans-serif; margin: 16px; color: #222; }
h1 { font-size: 16px; margin: 0 0 4px; }
.sub { color: #555; margin: 0 0 8px; }
.legend span { display: inline-block; padding: 1px 6px; margin-right: 6px; border-radius: 2px; }
#flame { position: relative; width: 100%; margin-top: 8px; overflow: hidden; }
.frame { position: absolute; height: 17px; box-sizing: border-box; border: 1px solid #fff; overflow: hidden; white-space: nowrap;
  font: 11px/15px ui-monospace, monospace; padding: 0 3px; cursor: pointer; }
.frame.changed { border: 2px solid #000; font-weight: bold; }
.frame:hover { filter: brightness(0.9); }
#details { min-height: 3.6em; margin-top: 8px; padding: 6px 8px; background: #f6f6f6; border-left: 3px solid #999; white-space: pre-wrap;
  font: 12px ui-monospace, monospace; }
button { font: inherit; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="sub">${escapeHtml(input.package)} — ${escapeHtml(summary)}</p>
<p class="legend">Width: cost per op in this PR (a frame that got cheaper keeps its base width, so removed work stays visible).
Colour: <span style="background:#d7301f;color:#fff">slower</span><span style="background:#e8e4dc">unchanged</span><span style="background:#2166ac;color:#fff">faster</span>
deeper for a larger relative change. <span style="border:2px solid #000;font-weight:bold">✎ bold, framed</span> a function this PR changed.
Hover a frame for base, head and Δ; click to zoom (and keep its details); <button id="reset" type="button">reset zoom</button></p>
${notes.map((n) => `<p class="sub">${escapeHtml(n)}</p>`).join('\n')}
<div id="details">Hover a frame.</div>
<div id="flame"></div>
<script type="application/json" id="flame-data">${jsonForScript({ frames })}</script>
<script>
${FLAME_SCRIPT}
</script>
</body>
</html>
`;
}

/** The page's script: positions the frames (already laid out), colours them, shows details, zooms. */
const FLAME_SCRIPT = `(function () {
  'use strict';
  var frames = JSON.parse(document.getElementById('flame-data').textContent).frames;
  var box = document.getElementById('flame');
  var details = document.getElementById('details');
  var ROW = 18;
  var view = 0;
  var pinned = -1;
  function mix(a, b, t) { return Math.round(a + (b - a) * t); }
  function colour(r) {
    var t = Math.min(1, Math.abs(r) * 2);
    var from = [232, 228, 220];
    var to = r > 0 ? [215, 48, 31] : [33, 102, 172];
    return 'rgb(' + mix(from[0], to[0], t) + ',' + mix(from[1], to[1], t) + ',' + mix(from[2], to[2], t) + ')';
  }
  function shortName(name) { var i = name.lastIndexOf('/'); return i >= 0 ? name.slice(i + 1) : name; }
  function render() {
    box.textContent = '';
    var v = frames[view];
    var depth = 0;
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      var left, width;
      if (f.d < v.d) {
        if (f.x > v.x || f.x + f.w < v.x + v.w) continue;
        left = 0; width = 1;
      } else {
        if (f.x < v.x || f.x >= v.x + v.w || (f.d === v.d && i !== view)) continue;
        left = (f.x - v.x) / v.w; width = f.w / v.w;
      }
      if (width < 0.0005) continue;
      var el = document.createElement('div');
      el.className = f.c ? 'frame changed' : 'frame';
      el.setAttribute('data-i', String(i));
      el.style.left = (left * 100) + '%';
      el.style.width = (width * 100) + '%';
      el.style.top = (f.d * ROW) + 'px';
      el.style.background = colour(f.r);
      if (Math.abs(f.r) > 0.35) el.style.color = '#fff';
      el.textContent = (f.c ? '\\u270e ' : '') + shortName(f.f);
      box.appendChild(el);
      if (f.d > depth) depth = f.d;
    }
    box.style.height = ((depth + 1) * ROW) + 'px';
  }
  function show(i) {
    var f = frames[i];
    var lines = [f.f + (f.src ? '  (' + f.src + ')' : ''),
      'base ' + f.b + '   head ' + f.h + '   \\u0394 ' + f.dv + (f.dp ? ' (' + f.dp + ')' : '') + '   per op, itself and its callees'];
    if (f.c) lines.push('\\u270e changed in this PR: ' + f.c);
    details.textContent = lines.join('\\n');
  }
  function frameOf(e) { var t = e.target; return t && t.getAttribute ? t.getAttribute('data-i') : null; }
  box.addEventListener('mousemove', function (e) { var i = frameOf(e); if (i !== null && pinned < 0) show(Number(i)); });
  box.addEventListener('click', function (e) {
    var i = frameOf(e);
    if (i === null) return;
    view = Number(i); pinned = view;
    render(); show(view);
  });
  document.getElementById('reset').addEventListener('click', function () { view = 0; pinned = -1; render(); });
  render();
})();`;
