#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  decodeProfileTables,
  forEachRawSample,
  readProfileProtobuf,
  readProfiles,
  resolveTables
} from "./cli-chunk-UQ7IEQOX.js";
import {
  BenchgateError,
  EXIT_FAILED,
  EXIT_USAGE,
  FunctionAggregator,
  PROFILE_USAGE,
  byName,
  compareTop,
  sampleIndexByName
} from "./cli-chunk-MK35M2OK.js";

// src/commands/profile.ts
import { basename } from "node:path";

// src/pprof/top.ts
function topFunctions(p, sampleIndex, options = {}) {
  return topOver(p, sampleIndex, options, (visit) => {
    for (const s of p.sample) visit(s.location, s.location.length, s.value);
  });
}
function topOfProtobuf(buf, file, sampleIndex, options = {}) {
  const { raw, sampleCount } = decodeProfileTables(buf, file);
  const { profile, samples } = resolveTables(raw, file, sampleCount);
  const locs = [];
  const checkedLabels = /* @__PURE__ */ new Set();
  const report = topOver(
    profile,
    sampleIndex,
    options,
    (visit) => forEachRawSample(buf, file, (s) => {
      samples.stack(s.locationId, s.locations, s.values, s.at, locs);
      if (s.label.length > 0) {
        const key = s.label.join(",");
        if (!checkedLabels.has(key)) {
          samples.labels(s);
          if (checkedLabels.size < 4096) checkedLabels.add(key);
        }
      }
      visit(locs, s.locations, s.value);
    })
  );
  return { profile, report };
}
function topOver(p, sampleIndex, options, walk) {
  const index = sampleIndexByName(p, sampleIndex);
  let total = 0;
  const focused = options.focus ? focusMatcher(p, options.focus) : null;
  const agg = new FunctionAggregator(byName, options.inlineMarkers ?? true, p.location);
  walk((locations, depth, values) => {
    const w = values[index];
    total += Math.abs(w);
    if (focused && !onStack(locations, depth, focused)) return;
    agg.addStack(locations, depth, w);
  });
  const markers = agg.inlineMarkers();
  const rows = agg.nonZero().map((n) => ({ ...agg.row(n), inline: markers[n] }));
  rows.sort(compareTop);
  return { sampleType: p.sampleType[index] ?? { type: "", unit: "" }, sampleIndex: index, total, rows };
}
function onStack(locations, depth, marked) {
  for (let i = 0; i < depth; i++) if (marked[locations[i].index]) return true;
  return false;
}
function focusMatcher(p, re) {
  const test = (s) => {
    re.lastIndex = 0;
    return re.test(s);
  };
  return p.location.map(
    (l) => l.line.some((ln) => test(ln.function.name) || test(ln.function.filename)) || l.mapping !== null && test(l.mapping.file)
  );
}

// src/pprof/units.ts
var BYTES = {
  units: [
    { name: "B", aliases: ["b", "byte"], factor: 1 },
    { name: "kB", aliases: ["kb", "kbyte", "kilobyte"], factor: 2 ** 10 },
    { name: "MB", aliases: ["mb", "mbyte", "megabyte"], factor: 2 ** 20 },
    { name: "GB", aliases: ["gb", "gbyte", "gigabyte"], factor: 2 ** 30 },
    { name: "TB", aliases: ["tb", "tbyte", "terabyte"], factor: 2 ** 40 },
    { name: "PB", aliases: ["pb", "pbyte", "petabyte"], factor: 2 ** 50 }
  ],
  default: { name: "B", aliases: [], factor: 1 }
};
var TIME = {
  units: [
    { name: "ns", aliases: ["ns", "nanosecond"], factor: 1 },
    { name: "us", aliases: ["\u03BCs", "us", "microsecond"], factor: 1e3 },
    { name: "ms", aliases: ["ms", "millisecond"], factor: 1e6 },
    { name: "s", aliases: ["s", "sec", "second"], factor: 1e9 },
    { name: "hrs", aliases: ["hour", "hr"], factor: 36e11 }
  ],
  default: { name: "s", aliases: [], factor: 1e9 }
};
var GCU = {
  units: [
    { name: "n*GCU", aliases: ["nanogcu"], factor: 1e-9 },
    { name: "u*GCU", aliases: ["microgcu"], factor: 1e-6 },
    { name: "m*GCU", aliases: ["milligcu"], factor: 1e-3 },
    { name: "GCU", aliases: ["gcu"], factor: 1 },
    { name: "k*GCU", aliases: ["kilogcu"], factor: 1e3 },
    { name: "M*GCU", aliases: ["megagcu"], factor: 1e6 },
    { name: "G*GCU", aliases: ["gigagcu"], factor: 1e9 },
    { name: "T*GCU", aliases: ["teragcu"], factor: 1e12 },
    { name: "P*GCU", aliases: ["petagcu"], factor: 1e15 }
  ],
  default: { name: "GCU", aliases: [], factor: 1 }
};
var UNIT_TYPES = [BYTES, TIME, GCU];
function sniff(ut, unit) {
  let u = unit.toLowerCase();
  if (u.length > 2 && u.endsWith("s")) u = u.slice(0, -1);
  return ut.units.find((x) => x.aliases.includes(u));
}
function scale(value, from, to) {
  if (value < 0) {
    const [v, u] = scale(-value, from, to);
    return [-v, u];
  }
  for (const ut of UNIT_TYPES) {
    const fromUnit = sniff(ut, from);
    if (!fromUnit) continue;
    const v = value * fromUnit.factor;
    if (to === "minimum" || to === "auto") {
      let best;
      for (const u of ut.units) if ((best === void 0 || u.factor >= best.factor) && v / u.factor >= 1) best = u;
      if (best) return [v / best.factor, best.name];
      return [v / ut.default.factor, ut.default.name];
    }
    const toUnit = sniff(ut, to) ?? ut.default;
    return [v / toUnit.factor, toUnit.name];
  }
  return ["count", "sample", "unit", "minimum", "auto"].includes(to) ? [value, ""] : [value, to];
}
function fixed2(v) {
  const eighths = v * 8;
  if (Number.isInteger(eighths) && Math.abs(eighths) % 2 === 1) {
    const s3 = Math.abs(v).toFixed(3);
    const hundredths = Number(s3[s3.length - 2]);
    const sign = v < 0 ? "-" : "";
    if (hundredths % 2 === 0) return sign + s3.slice(0, -1);
    return sign + (Math.abs(v) + 5e-3).toFixed(2);
  }
  return v.toFixed(2);
}
function scaledLabel(value, from, to) {
  const [v, u] = scale(value, from, to);
  let s = fixed2(v);
  if (s.endsWith(".00")) s = s.slice(0, -3);
  if (s === "0" || s === "-0") return "0";
  return s + u;
}
function goG2(x) {
  if (x === 0) return "0";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : x < 0 ? "-Inf" : "NaN";
  if (Math.abs(x) >= 0.1 && Math.abs(x) < 1 && Number.isInteger(x * 8)) {
    return fixed2(x).replace(/0+$/, "").replace(/\.$/, "");
  }
  const [mant, expStr] = x.toExponential(1).split("e");
  const exp = Number(expStr);
  if (exp < -4 || exp >= 2) {
    const m = mant.replace(/\.0$/, "");
    const e = Math.abs(exp);
    return `${m}e${exp < 0 ? "-" : "+"}${e < 10 ? "0" : ""}${e}`;
  }
  return Number(mant + "e" + exp).toFixed(Math.max(0, 1 - exp)).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
}
function percentage(value, total) {
  const ratio = total !== 0 ? Math.abs(value / total) * 100 : 0;
  if (ratio >= 99.95 && ratio <= 100.05) return "  100%";
  if (ratio >= 1) return fixed2(ratio).padStart(5) + "%";
  return goG2(ratio).padStart(5) + "%";
}
function outputUnit(sampleUnit, values, total) {
  let min = 0;
  for (const n of values) {
    let m = Math.abs(n.flat);
    if (m === 0) m = Math.abs(n.cum);
    if (m > 0 && (min === 0 || m < min)) min = m;
  }
  if (values.length === 0) return "minimum";
  const max = total;
  if (min === 0) min = max;
  const minUnit = scale(min, sampleUnit, "minimum")[1];
  const maxUnit = scale(max, sampleUnit, "minimum")[1];
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < max) unit = scale(100 * min, sampleUnit, "minimum")[1];
  return unit !== "" ? unit : sampleUnit;
}

// src/commands/profile.ts
function parseArgs(argv) {
  if (argv[0] !== "top") return argv.length === 0 ? "missing subcommand" : `unknown subcommand "${argv[0]}"`;
  const args = { files: [], format: "text" };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (!flag.startsWith("--")) {
      args.files.push(a);
      continue;
    }
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    if (value === void 0) return `${flag} needs a value`;
    switch (flag) {
      case "--sample-index":
        args.sampleIndex = value;
        break;
      case "--focus":
        try {
          args.focus = new RegExp(value);
          args.focusText = value;
        } catch {
          return `--focus: invalid regular expression "${value}"`;
        }
        break;
      case "--format":
        if (value !== "text" && value !== "json") return `--format must be text or json, not "${value}"`;
        args.format = value;
        break;
      default:
        return `unknown flag ${flag}`;
    }
  }
  if (args.files.length === 0) return "no profile files given";
  return args;
}
async function profileCommand(argv, out) {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    out.stderr(`benchgate profile: ${args}; ${PROFILE_USAGE}
`);
    return EXIT_USAGE;
  }
  try {
    const options = { focus: args.focus };
    let profile;
    let report;
    if (args.files.length === 1) {
      ({ profile, report } = topOfProtobuf(await readProfileProtobuf(args.files[0]), args.files[0], args.sampleIndex, options));
    } else {
      profile = await readProfiles(args.files);
      report = topFunctions(profile, args.sampleIndex, options);
    }
    if (args.format === "json") {
      out.stdout(JSON.stringify(topJson(report), null, 2) + "\n");
    } else {
      const file = profile.mapping[0]?.file ? basename(profile.mapping[0].file) : "";
      out.stdout(topText(report, { file, focus: args.focusText }));
    }
    return 0;
  } catch (e) {
    if (e instanceof BenchgateError) {
      out.stderr(`benchgate profile: ${e.message}
`);
      return EXIT_FAILED;
    }
    throw e;
  }
}
function topJson(r) {
  return {
    sampleType: r.sampleType.type,
    unit: r.sampleType.unit,
    total: r.total,
    functions: r.rows.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat, cum: f.cum }))
  };
}
function topText(r, meta = {}) {
  const unit = r.sampleType.unit.toLowerCase();
  const outUnit = outputUnit(unit, r.rows, r.total);
  const fmt = (v) => scaledLabel(v, unit, outUnit);
  const lines = [];
  if (meta.file) lines.push(`File: ${meta.file}`);
  lines.push(`Type: ${r.sampleType.type}`);
  if (meta.focus) lines.push("Active filters:", `   focus=${meta.focus}`);
  const shown = r.rows.reduce((s, n) => s + n.flat, 0);
  lines.push(`Showing nodes accounting for ${fmt(shown)}, ${percentage(shown, r.total).trim()} of ${fmt(r.total)} total`);
  lines.push(`${"flat".padStart(10)} ${"flat".padStart(5)}% ${"sum".padStart(5)}% ${"cum".padStart(10)} ${"cum".padStart(5)}%`);
  let sum = 0;
  for (const n of r.rows) {
    sum += n.flat;
    const inl = n.inline ? ` (${n.inline})` : "";
    lines.push(
      `${fmt(n.flat).padStart(10)} ${percentage(n.flat, r.total)} ${percentage(sum, r.total)} ${fmt(n.cum).padStart(10)} ${percentage(n.cum, r.total)}  ${n.function}${inl}`
    );
  }
  return lines.join("\n") + "\n";
}
export {
  profileCommand,
  topJson,
  topText
};
