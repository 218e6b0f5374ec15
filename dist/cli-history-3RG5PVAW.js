#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  historyFromDirs
} from "./cli-chunk-UA4GODWJ.js";
import {
  DEFAULT_STEP_WINDOW,
  DEFAULT_VERDICT,
  EXIT_OK,
  HISTORY_USAGE,
  allSeries,
  detectSteps,
  escapeHtml,
  formatFixed,
  formatValue,
  parseFlags,
  parseInteger,
  parseNumber,
  reportError,
  str,
  usageError
} from "./cli-chunk-MK35M2OK.js";

// src/commands/history.ts
import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/history/render.ts
var W = 760;
var H = 210;
var PAD = { left: 78, right: 14, top: 14, bottom: 62 };
function renderHistoryPage(history, opts = {}) {
  const title = opts.title ?? "benchgate: benchmark history";
  const series = allSeries(history);
  const steps = opts.steps ?? [];
  const stepOf = (s) => steps.find((x) => x.pkg === s.pkg && x.name === s.name && x.unit === s.unit);
  const entries = history.entries;
  const span = entries.length ? `${entries.length} run${entries.length === 1 ? "" : "s"}, ${shortTime(entries[0])} to ${shortTime(entries[entries.length - 1])}` : "no runs recorded";
  const body = [];
  body.push(`<h1>${escapeHtml(title)}</h1>`, `<p class="meta">${escapeHtml(span)}. Each point is the median of one run's samples; hover a point for its commit.</p>`);
  if (steps.length) {
    body.push("<h2>Step changes</h2>", '<ul class="steps">');
    for (const st of steps) {
      const i = series.findIndex((s) => s.pkg === st.pkg && s.name === st.name && s.unit === st.unit);
      body.push(`<li><a href="#chart-${i}">${escapeHtml(`${st.pkg} ${st.name} ${st.unit}`)}</a>: ${escapeHtml(stepPhrase(st))}</li>`);
    }
    body.push("</ul>");
  }
  let pkg;
  let name;
  for (const [i, s] of series.entries()) {
    if (s.pkg !== pkg) body.push(`<h2>${escapeHtml(s.pkg || "(no package)")}</h2>`);
    if (s.pkg !== pkg || s.name !== name) body.push(`<h3>${escapeHtml(s.name)}</h3>`);
    pkg = s.pkg;
    name = s.name;
    body.push(`<figure id="chart-${i}"><figcaption>${escapeHtml(s.unit)}</figcaption>${chart(s, entries, stepOf(s), opts.stepWindow ?? 0)}</figure>`);
  }
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    // Nothing but this page's own markup: no script, no network.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    "<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}h2{margin-top:1.6em;border-bottom:1px solid #ddd}h3{margin:1.2em 0 .3em;font-family:ui-monospace,monospace}figure{margin:0 0 1em}figcaption{color:#666;font-size:12px}.meta{color:#555}.steps li{margin:.2em 0}svg text{font:11px ui-monospace,monospace;fill:#555}.line{fill:none;stroke:#2563eb;stroke-width:1.5}.pt{fill:#2563eb}.step{fill:#fde2e2}.step.better{fill:#dbeafe}.grid{stroke:#eee}</style>",
    "</head><body>",
    ...body,
    "</body></html>",
    ""
  ].join("\n");
}
function chart(s, entries, step, window) {
  const n = s.values.length;
  const xs = s.values.filter((v) => v !== null);
  let lo = Math.min(...xs);
  let hi = Math.max(...xs);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.01 || 1;
  lo -= pad;
  hi += pad;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i) => PAD.left + (n === 1 ? plotW / 2 : i * plotW / (n - 1));
  const y = (v) => PAD.top + plotH - (v - lo) / (hi - lo) * plotH;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img">`];
  if (step && window > 0 && n >= window) {
    const x0 = x(n - window) - (n > 1 ? plotW / (n - 1) / 2 : 0);
    out.push(`<rect class="step${step.worse ? "" : " better"}" x="${num(x0)}" y="${PAD.top}" width="${num(PAD.left + plotW - x0)}" height="${plotH}"><title>${escapeHtml(stepPhrase(step))}</title></rect>`);
  }
  for (const v of hi - pad > lo + pad ? [lo + pad, (lo + hi) / 2, hi - pad] : [(lo + hi) / 2]) {
    out.push(`<line class="grid" x1="${PAD.left}" x2="${PAD.left + plotW}" y1="${num(y(v))}" y2="${num(y(v))}"/>`);
    out.push(`<text x="${PAD.left - 6}" y="${num(y(v) + 4)}" text-anchor="end">${escapeHtml(formatValue(v, s.unit, xs))}</text>`);
  }
  let path = "";
  let pen = false;
  for (const [i, v] of s.values.entries()) {
    if (v === null) pen = false;
    else {
      path += `${pen ? "L" : "M"}${num(x(i))} ${num(y(v))}`;
      pen = true;
    }
  }
  if (path) out.push(`<path class="line" d="${path}"/>`);
  for (const [i, v] of s.values.entries()) {
    if (v === null) continue;
    const e = entries[i];
    const tip = [e.commit ? e.commit.slice(0, 12) : "unknown commit", shortTime(e), formatValue(v, s.unit, xs), e.runId ? `run ${e.runId}` : ""].filter(Boolean).join(" \xB7 ");
    out.push(`<circle class="pt" cx="${num(x(i))}" cy="${num(y(v))}" r="3"><title>${escapeHtml(tip)}</title></circle>`);
  }
  const every = Math.max(1, Math.ceil(n / 12));
  for (let i = 0; i < n; i++) {
    if (i % every !== 0 && i !== n - 1) continue;
    const label = entries[i].commit ? entries[i].commit.slice(0, 7) : `#${i + 1}`;
    const lx = num(x(i));
    const ly = PAD.top + plotH + 14;
    out.push(`<text x="${lx}" y="${ly}" text-anchor="end" transform="rotate(-35 ${lx} ${ly})">${escapeHtml(label)}</text>`);
  }
  out.push("</svg>");
  return out.join("");
}
function num(v) {
  return formatFixed(v, 1);
}
function shortTime(e) {
  return e.time.slice(0, 16).replace("T", " ");
}
function stepPhrase(st) {
  const sign = st.deltaPercent >= 0 ? "+" : "\u2212";
  return `${st.worse ? "worse" : "better"} by ${sign}${formatFixed(Math.abs(st.deltaPercent), 1)}% (${formatValue(st.before, st.unit, [st.after])} \u2192 ${formatValue(st.after, st.unit, [st.before])}, p=${formatFixed(st.p, 3)}) after ${st.fromCommit.slice(0, 7) || "an unknown commit"}, by ${st.toCommit.slice(0, 7) || "the newest run"}`;
}

// src/commands/history.ts
async function historyCommand(argv, out) {
  try {
    const { values, positionals } = parseFlags(argv, {
      out: { type: "string" },
      window: { type: "string" },
      alpha: { type: "string" },
      threshold: { type: "string" },
      title: { type: "string" }
    });
    const outArg = str(values, "out");
    if (!outArg) throw usageError("--out <page.html> is required");
    if (positionals.length === 0) throw usageError("name at least one baseline directory");
    const window = parseInteger("--window", str(values, "window") ?? String(DEFAULT_STEP_WINDOW), 2, 1e3);
    const alpha = parseNumber("--alpha", str(values, "alpha") ?? String(DEFAULT_VERDICT.alpha), 1e-9, 0.5);
    const threshold = parseNumber("--threshold", str(values, "threshold") ?? String(DEFAULT_VERDICT.threshold), 0, 1e4);
    const { history, notes } = await historyFromDirs(positionals.map((d) => resolve(d)));
    for (const n of notes) out.stderr(`benchgate: note: ${n}
`);
    const steps = detectSteps(history, { window, alpha, threshold });
    const page = renderHistoryPage(history, { title: str(values, "title"), steps, stepWindow: window });
    const file = resolve(outArg);
    await mkdir(dirname(file), { recursive: true });
    const tmp = `${file}.tmp-${process.pid}`;
    await writeFile(tmp, page);
    await rename(tmp, file);
    const benchmarks = new Set(allSeries(history).map((s) => `${s.pkg}\0${s.name}`)).size;
    out.stdout(`benchgate: wrote ${file}: ${history.entries.length} run(s), ${benchmarks} benchmark(s)
`);
    for (const s of steps) {
      const d = `${s.deltaPercent >= 0 ? "+" : "-"}${formatFixed(Math.abs(s.deltaPercent), 1)}%`;
      out.stdout(`step: ${s.pkg} ${s.name} ${s.unit} ${d} (${s.worse ? "worse" : "better"}, p=${formatFixed(s.p, 3)}) after ${s.fromCommit.slice(0, 7) || "?"}
`);
    }
    return EXIT_OK;
  } catch (e) {
    return reportError(e, "history", HISTORY_USAGE, out);
  }
}
export {
  historyCommand
};
