#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);

// src/benchfmt/text-scan.ts
function isGoSpace(c) {
  if (c <= 32) return c === 32 || c >= 9 && c <= 13;
  if (c < 133) return false;
  return c === 133 || c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288;
}
var GO_SPACE_CLASS = "\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
var FieldCursor = class {
  line = "";
  pos = 0;
  constructor(line = "", start = 0) {
    this.reset(line, start);
  }
  /** Reuse the cursor for another line (one cursor per reader, not one per line). */
  reset(line, start = 0) {
    this.line = line;
    this.pos = start;
    return this;
  }
  get done() {
    return this.pos >= this.line.length;
  }
  next() {
    const s = this.line;
    const start = this.pos;
    let i = start;
    while (i < s.length && !isGoSpace(s.charCodeAt(i))) i++;
    const field = s.slice(start, i);
    if (i < s.length) i++;
    while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
    this.pos = i;
    return field;
  }
};

// src/benchfmt/numbers.ts
var INVALID = "invalid syntax";
var RANGE = "value out of range";
var DECIMAL_FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
var HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?\d+)$/;
var INTEGER = /^[+-]?\d+$/;
var SPECIAL = /^(?:[+-]?inf(?:inity)?|nan)$/i;
function goFloat(s) {
  if (s.length === 0) return INVALID;
  if (isPlainDecimal(s)) return Number(s);
  if (SPECIAL.test(s)) {
    const lower = s.toLowerCase();
    if (lower === "nan") return NaN;
    return lower.startsWith("-") ? -Infinity : Infinity;
  }
  if (!underscoresOk(s)) return INVALID;
  const digits = s.includes("_") ? s.replace(/_/g, "") : s;
  const hex = digits.length > 2 && (digits.includes("x") || digits.includes("X")) ? HEX_FLOAT.exec(digits) : null;
  if (hex) return parseHexFloat(hex[1], hex[2], hex[3] ?? "", hex[4]);
  if (!DECIMAL_FLOAT.test(digits)) return INVALID;
  const value = Number(digits);
  if (!Number.isFinite(value)) return RANGE;
  return value;
}
function isPlainDecimal(s) {
  let dot = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (dot) return false;
      dot = true;
    } else if (c < 48 || c > 57) {
      return false;
    }
  }
  return !dot || s.length > 1;
}
var INT64_MAX = 9223372036854775807n;
var INT64_MIN = -9223372036854775808n;
function goInt(s) {
  if (!INTEGER.test(s)) return INVALID;
  if (s.length < 16) return Number(s) + 0;
  const big = BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return RANGE;
  return Number(big);
}
function underscoresOk(s) {
  if (!s.includes("_")) return true;
  let i = 0;
  if (s[0] === "+" || s[0] === "-") i = 1;
  let saw = "^";
  let hex = false;
  if (s.length - i >= 2 && s[i] === "0" && /[bBoOxX]/.test(s[i + 1])) {
    hex = s[i + 1] === "x" || s[i + 1] === "X";
    saw = "0";
    i += 2;
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if (c >= "0" && c <= "9" || hex && /[a-fA-F]/.test(c)) {
      saw = "0";
    } else if (c === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else {
      if (saw === "_") return false;
      saw = "!";
    }
  }
  return saw !== "_";
}
function parseHexFloat(sign, intPart, fracPart, exp) {
  if (intPart.length + fracPart.length === 0) return INVALID;
  let mantissa = BigInt("0x" + (intPart + fracPart || "0"));
  let binaryExp = Number(exp) - 4 * fracPart.length;
  while (mantissa >= 1n << 1100n) {
    mantissa >>= 64n;
    binaryExp += 64;
  }
  let value = Number(mantissa);
  while (binaryExp > 0 && Number.isFinite(value) && value !== 0) {
    const step = Math.min(binaryExp, 1e3);
    value *= 2 ** step;
    binaryExp -= step;
  }
  while (binaryExp < 0 && value !== 0) {
    const step = Math.min(-binaryExp, 1e3);
    value /= 2 ** step;
    binaryExp += step;
  }
  if (!Number.isFinite(value)) return RANGE;
  return sign === "-" ? -value : value;
}

// src/benchfmt/units.ts
var cache = /* @__PURE__ */ new Map();
function tidyUnit(value, unit) {
  const rule = tidyRule(unit);
  return { value: value * rule.factor, unit: rule.unit };
}
function tidyUnitName(unit) {
  return tidyRule(unit).unit;
}
var NS_PER_OP = { unit: "sec/op", factor: 1e-9 };
var MB_PER_S = { unit: "B/s", factor: 1e6 };
function tidyRule(unit) {
  if (unit === "ns/op") return NS_PER_OP;
  if (unit === "MB/s") return MB_PER_S;
  let rule = cache.get(unit);
  if (rule) return rule;
  if (!unit.includes("ns") && !unit.includes("MB")) {
    rule = { unit, factor: 1 };
  } else {
    rule = tidyRuleUncached(unit);
  }
  if (cache.size > 4096) cache.clear();
  cache.set(unit, rule);
  return rule;
}
function tidyRuleUncached(unit) {
  let factor = 1;
  let denominator = false;
  let out2 = "";
  let i = 0;
  while (i < unit.length) {
    const c = unit[i];
    if (c === "*" || c === "/" || c === "-" || isGoSpace(unit.charCodeAt(i))) {
      if (c === "*") denominator = false;
      else if (c === "/") denominator = true;
      out2 += c;
      i++;
      continue;
    }
    let end = i;
    while (end < unit.length) {
      const d = unit[end];
      if (d === "*" || d === "/" || d === "-" || isGoSpace(unit.charCodeAt(end))) break;
      end++;
    }
    const token = unit.slice(i, end);
    if (!denominator && token === "ns") {
      out2 += "sec";
      factor /= 1e9;
    } else if (!denominator && token === "MB") {
      out2 += "B";
      factor *= 1e6;
    } else {
      out2 += token;
    }
    i = end;
  }
  return { unit: out2, factor };
}

// src/benchfmt/reader.ts
var MAX_WARNINGS = 100;
var MAX_FAILURES = 200;
var MAX_FAILURE_LINES = 20;
var KEY_VALUE = new RegExp(`^\\p{Ll}[^${GO_SPACE_CLASS}\\p{Lu}:]*:`, "u");
var FAIL_BENCH = /^\s*--- FAIL: (\S+)/;
var FAIL_PACKAGE = /^FAIL\t(\S+)/;
var BUILD_HEADER = /^# (\S+)/;
var INDENTED_LOG = /^(?: {4}|\t)/;
var BenchReader = class {
  constructor(file) {
    this.file = file;
  }
  file;
  results = [];
  units = {};
  warnings = [];
  droppedWarnings = 0;
  failures = [];
  droppedFailures = 0;
  failedPackages = /* @__PURE__ */ new Set();
  /** Compiler output per package, from `# pkg` blocks or `build-output` events. */
  buildOutput = /* @__PURE__ */ new Map();
  // Per-stream state.
  /** Shared by the results read under it; replaced, never mutated, when a line changes it. */
  config = Object.freeze({});
  recentLog = [];
  openFailure = null;
  /** The benchmark `go test -v`/`-json` announced last, to name a panic. */
  announced;
  buildBlock = null;
  cursor = new FieldCursor();
  /** Begin a new file or package stream: configuration does not carry over (unit metadata does). */
  startStream(initialConfig = {}) {
    this.endStream();
    this.config = Object.freeze({ ...initialConfig });
    this.recentLog = [];
    this.announced = void 0;
  }
  endStream() {
    this.closeFailure();
    this.buildBlock = null;
  }
  /** Record compiler output that arrived outside the package's own stream. */
  addBuildOutput(pkg, line) {
    const lines = this.buildOutput.get(pkg) ?? [];
    if (lines.length < MAX_FAILURE_LINES) lines.push(line);
    this.buildOutput.set(pkg, lines);
  }
  /** One line, without its line terminator; `lineNo` is 1-based in `file`. */
  line(text, lineNo) {
    if (text.endsWith("\r")) text = text.slice(0, -1);
    if (this.openFailure && INDENTED_LOG.test(text)) {
      if (this.openFailure.after.length < MAX_FAILURE_LINES) this.openFailure.after.push(text.trim());
      return;
    }
    this.closeFailure();
    if (text.startsWith("Benchmark")) {
      this.benchmarkLine(text, lineNo);
      this.recentLog = [];
      return;
    }
    if (text.startsWith("Unit")) {
      const cursor = this.cursor.reset(text);
      if (cursor.next() === "Unit") {
        this.unitLine(cursor, lineNo);
        return;
      }
    }
    if (text.startsWith("panic: ")) this.panicLine(text, lineNo);
    if (KEY_VALUE.test(text)) {
      if (this.keyValueLine(text)) return;
    }
    this.otherLine(text, lineNo);
  }
  finish() {
    this.endStream();
    for (const f of this.failures) {
      if (!f.message.endsWith("[build failed]")) continue;
      const compiler = this.buildOutput.get(f.pkg);
      if (compiler?.length) f.message += "\n" + compiler.join("\n");
    }
    const warnings = [...this.warnings];
    if (this.droppedWarnings > 0) {
      warnings.push({
        message: `${this.droppedWarnings} more malformed lines not listed`,
        where: { file: this.file }
      });
    }
    if (this.droppedFailures > 0) {
      warnings.push({ message: `${this.droppedFailures} more failures not listed`, where: { file: this.file } });
    }
    return { results: this.results, units: this.units, warnings, failures: this.failures };
  }
  /** A problem found outside the format's own lines (e.g. a broken -json event). */
  warnAt(message, line) {
    this.warn(message, line);
  }
  warn(message, line) {
    if (this.warnings.length >= MAX_WARNINGS) this.droppedWarnings++;
    else this.warnings.push({ message, where: { file: this.file, line } });
  }
  /**
   * `BenchmarkName <iterations> (<value> <unit>)+`. A line that is only a name is how `-v` and
   * `-json` announce a benchmark starting; it is not a result.
   */
  benchmarkLine(text, lineNo) {
    const cursor = this.cursor.reset(text, "Benchmark".length);
    const name = cursor.next();
    if (cursor.done && name.length === text.length - "Benchmark".length) {
      this.announced = name;
      return;
    }
    this.announced = void 0;
    const itersField = cursor.next();
    if (itersField === "") return this.warn("missing iteration count", lineNo);
    const iters = goInt(itersField);
    if (typeof iters === "string") return this.warn(`parsing iteration count ${JSON.stringify(itersField)}: ${iters}`, lineNo);
    const values = [];
    for (; ; ) {
      const valueField = cursor.next();
      if (valueField === "") {
        if (values.length > 0) break;
        return this.warn("missing measurements", lineNo);
      }
      const value = goFloat(valueField);
      if (typeof value === "string") return this.warn(`parsing measurement ${JSON.stringify(valueField)}: ${value}`, lineNo);
      const unit = cursor.next();
      if (unit === "") return this.warn(`missing units after ${valueField}`, lineNo);
      values.push(tidyUnit(value, unit));
    }
    this.results.push({
      pkg: configValue(this.config, "pkg"),
      name,
      config: this.config,
      iterations: iters,
      values,
      source: { file: this.file, line: lineNo }
    });
  }
  /** `Unit <unit> key=value…`: metadata, keyed by tidied unit; the first value set wins. */
  unitLine(cursor, lineNo) {
    const unit = cursor.next();
    if (unit === "") return this.warn("missing unit", lineNo);
    const tidied = tidyUnitName(unit);
    for (let field = cursor.next(); field !== ""; field = cursor.next()) {
      const eq = field.indexOf("=");
      if (eq <= 0) {
        this.warn(`expected key=value, got ${JSON.stringify(field)}`, lineNo);
        continue;
      }
      const key = field.slice(0, eq);
      const value = field.slice(eq + 1);
      if (!Object.hasOwn(this.units, tidied)) setOwn(this.units, tidied, {});
      const meta = this.units[tidied];
      const have = Object.hasOwn(meta, key) ? meta[key] : void 0;
      if (have === void 0) setOwn(meta, key, value);
      else if (have !== value) this.warn(`metadata ${key} of unit ${unit} already set to ${have}`, lineNo);
    }
  }
  /**
   * `key: value` sets a configuration value for the results after it; `key:` with nothing after
   * it deletes it. Returns false when the line only looks like one (no space after the colon).
   */
  keyValueLine(text) {
    const colon = text.indexOf(":");
    const key = text.slice(0, colon);
    let value = text.slice(colon + 1);
    if (value.length > 0) {
      const stripped = value.replace(/^[ \t]+/, "");
      if (stripped.length === value.length) return false;
      value = stripped;
    }
    if (value.length === 0) {
      if (Object.hasOwn(this.config, key)) {
        const next = { ...this.config };
        delete next[key];
        this.config = Object.freeze(next);
      }
    } else if (!Object.hasOwn(this.config, key) || this.config[key] !== value) {
      const next = { ...this.config };
      setOwn(next, key, value);
      this.config = Object.freeze(next);
    }
    return true;
  }
  /** Lines the format ignores; some of them tell that something failed. */
  otherLine(text, lineNo) {
    const pkg = configValue(this.config, "pkg");
    const benchFail = FAIL_BENCH.exec(text);
    if (benchFail) {
      const full = benchFail[1];
      const failure = {
        pkg,
        name: full.startsWith("Benchmark") ? full.slice("Benchmark".length) : full,
        message: text.trim(),
        where: { file: this.file, line: lineNo }
      };
      this.openFailure = { failure, before: this.recentLog, after: [] };
      this.recentLog = [];
      this.addFailure(failure);
      return;
    }
    const pkgFail = FAIL_PACKAGE.exec(text);
    if (pkgFail) {
      this.buildBlock = null;
      const failedPkg = pkgFail[1];
      if (!this.failedPackages.has(failedPkg) || text.endsWith("[build failed]")) {
        this.addFailure({ pkg: failedPkg, message: text.replace(/\t/g, " ").trim(), where: { file: this.file, line: lineNo } });
      }
      return;
    }
    const header = BUILD_HEADER.exec(text);
    if (header) {
      this.buildBlock = [];
      this.buildOutput.set(header[1], this.buildBlock);
      return;
    }
    if (this.buildBlock) {
      if (text.startsWith("ok ") || text.startsWith("ok	") || text === "FAIL") this.buildBlock = null;
      else if (this.buildBlock.length < MAX_FAILURE_LINES && text.trim() !== "") this.buildBlock.push(text.trim());
      return;
    }
    if (INDENTED_LOG.test(text)) {
      if (this.recentLog.length < MAX_FAILURE_LINES) this.recentLog.push(text.trim());
    } else {
      this.recentLog = [];
    }
  }
  panicLine(text, lineNo) {
    this.addFailure({
      pkg: configValue(this.config, "pkg"),
      ...this.announced !== void 0 && { name: this.announced },
      message: text.trim(),
      where: { file: this.file, line: lineNo }
    });
    this.recentLog = [];
  }
  addFailure(failure) {
    this.failedPackages.add(failure.pkg);
    if (this.failures.length >= MAX_FAILURES) this.droppedFailures++;
    else this.failures.push(failure);
  }
  closeFailure() {
    const open = this.openFailure;
    if (!open) return;
    this.openFailure = null;
    const log = open.after.length > 0 ? open.after : open.before;
    if (log.length > 0) open.failure.message += "\n" + log.join("\n");
  }
};
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function configValue(config, key) {
  return Object.hasOwn(config, key) ? config[key] : "";
}

// src/benchfmt/text.ts
function parseBenchText(text, file) {
  const reader = new BenchReader(file);
  reader.startStream();
  let start = 0;
  let lineNo = 1;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end > start || end < text.length) reader.line(text.slice(start, end), lineNo);
    start = end + 1;
    lineNo++;
  }
  return reader.finish();
}

// src/benchfmt/gojson.ts
function parseGoTestJson(text, file) {
  const reader = new BenchReader(file);
  const streams = /* @__PURE__ */ new Map();
  let start = 0;
  let lineNo = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    lineNo++;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw.trim() === "") continue;
    const event = parseEvent(raw);
    if (typeof event === "string") {
      reader.warnAt(`not a go test -json event: ${event}`, lineNo);
      continue;
    }
    if (event.Action === "output" && typeof event.Output === "string") {
      const pkg = typeof event.Package === "string" ? event.Package : "";
      let stream = streams.get(pkg);
      if (!stream) {
        stream = { lines: [], partial: "", partialLine: lineNo };
        streams.set(pkg, stream);
      }
      append(stream, event.Output, lineNo);
    } else if (event.Action === "build-output" && typeof event.Output === "string") {
      const importPath = typeof event.ImportPath === "string" ? event.ImportPath.split(" ")[0] : "";
      const line = event.Output.replace(/\r?\n$/, "");
      if (line.trim() !== "" && !line.startsWith("# ")) reader.addBuildOutput(importPath, line.trim());
    }
  }
  for (const [pkg, stream] of streams) {
    reader.startStream(pkg ? { pkg } : {});
    for (const line of stream.lines) reader.line(line.text, line.lineNo);
    if (stream.partial !== "") reader.line(stream.partial, stream.partialLine);
  }
  return reader.finish();
}
function append(stream, output, lineNo) {
  let start = 0;
  for (; ; ) {
    if (stream.partial === "") stream.partialLine = lineNo;
    const nl = output.indexOf("\n", start);
    if (nl < 0) {
      stream.partial += output.slice(start);
      return;
    }
    stream.lines.push({ text: stream.partial + output.slice(start, nl), lineNo: stream.partialLine });
    stream.partial = "";
    start = nl + 1;
  }
}
function parseEvent(raw) {
  let value;
  try {
    value = JSON.parse(raw);
  } catch (e) {
    return e instanceof Error ? e.message : "invalid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object";
  if (typeof value.Action !== "string") return 'expected an "Action" field';
  return value;
}

// src/benchfmt/parse.ts
var SNIFF_LINES = 20;
function parseBench(text, file) {
  return looksLikeGoTestJson(text) ? parseGoTestJson(text, file) : parseBenchText(text, file);
}
function looksLikeGoTestJson(text) {
  let start = 0;
  let seen = 0;
  while (start < text.length && seen < SNIFF_LINES) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line === "") continue;
    seen++;
    if (!line.startsWith("{") || !line.includes('"Action"')) continue;
    try {
      const value = JSON.parse(line);
      if (typeof value === "object" && value !== null && typeof value.Action === "string") {
        return true;
      }
    } catch {
    }
  }
  return false;
}

// src/errors.ts
var BenchgateError = class extends Error {
  constructor(message, code, where = {}) {
    super(formatWhere(where) + message);
    this.code = code;
    this.where = where;
    this.name = "BenchgateError";
  }
  code;
  where;
};
function formatWhere(where) {
  if (!where.file && where.line === void 0 && where.offset === void 0) return "";
  let s = where.file ?? "<input>";
  if (where.line !== void 0) s += `:${where.line}`;
  if (where.offset !== void 0) s += ` (byte ${where.offset})`;
  return s + ": ";
}
function warningText(w) {
  return (w.where ? formatWhere(w.where) : "") + w.message;
}

// src/benchfmt/decode.ts
var EXPECTED = "expected `go test -bench` output as UTF-8 text or `go test -json`";
function decodeBenchBytes(bytes, file) {
  if (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255) {
    throw new BenchgateError(`is UTF-16 text (byte order mark); ${EXPECTED}. Convert it to UTF-8.`, "bench-format", {
      file,
      offset: 0
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(bytes)) {
      throw new BenchgateError(`looks like UTF-16 text (NUL bytes between characters); ${EXPECTED}. Convert it to UTF-8.`, "bench-format", {
        file,
        offset: nul
      });
    }
    const kind = bytes[0] === 31 && bytes[1] === 139 ? "gzip data, perhaps a pprof profile" : "binary data";
    throw new BenchgateError(`contains a NUL byte (${kind}); ${EXPECTED}`, "bench-format", { file, offset: nul });
  }
  const start = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
  return new TextDecoder("utf-8").decode(bytes.subarray(start));
}
function looksLikeUtf16(bytes) {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  return odd >= pairs * 0.4 && even <= pairs * 0.05 || even >= pairs * 0.4 && odd <= pairs * 0.05;
}

// src/benchfmt/file.ts
import { readFile } from "node:fs/promises";
async function parseBenchFile(path, options = {}) {
  let bytes;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const reason = e?.code ?? (e instanceof Error ? e.message : String(e));
    throw new BenchgateError(`cannot read benchmark output (${reason}); ${EXPECTED}`, "bench-format", { file: path });
  }
  const parsed = parseBench(decodeBenchBytes(bytes, path), path);
  if (parsed.results.length === 0 && !options.allowEmpty) {
    const failed = parsed.failures.map((f) => f.message.split("\n")[0]);
    const why = failed.length > 0 ? ` The output reports failures: ${failed.slice(0, 3).join("; ")}.` : "";
    throw new BenchgateError(`no benchmark results found; ${EXPECTED}.${why}`, "bench-format", { file: path });
  }
  return parsed;
}

// src/report/format.ts
var view = new DataView(new ArrayBuffer(8));
function decompose(x) {
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20 & 2047;
  let mant = BigInt(hi & 1048575) << 32n | BigInt(lo);
  if (biased === 0) return { mant, exp: -1074 };
  mant |= 1n << 52n;
  return { mant, exp: biased - 1075 };
}
function isNegative(x) {
  return x < 0 || Object.is(x, -0);
}
function formatFixed(x, prec) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  const { mant, exp } = decompose(x);
  let num2 = mant * 10n ** BigInt(prec);
  let den = 1n;
  if (exp >= 0) num2 <<= BigInt(exp);
  else den <<= BigInt(-exp);
  let q = num2 / den;
  const twiceRem = 2n * (num2 % den);
  if (twiceRem > den || twiceRem === den && (q & 1n) === 1n) q += 1n;
  let digits = q.toString();
  if (prec > 0) {
    digits = digits.padStart(prec + 1, "0");
    digits = digits.slice(0, -prec) + "." + digits.slice(-prec);
  }
  return (isNegative(x) ? "-" : "") + digits;
}
function formatSignedFixed(x, prec) {
  const s = formatFixed(x, prec);
  return s.startsWith("-") || s.startsWith("+") ? s : "+" + s;
}
function formatGoV(x) {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) return x > 0 ? "+Inf" : "-Inf";
  if (x === 0) return isNegative(x) ? "-0" : "0";
  const [mantissa, e] = Math.abs(x).toExponential().split("e");
  const digits = mantissa.replace(".", "");
  const exp = Number(e);
  const sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? digits[0] + "." + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${ae < 10 ? "0" : ""}${ae}`;
  }
  if (exp < 0) return sign + "0." + "0".repeat(-exp - 1) + digits;
  if (digits.length <= exp + 1) return sign + digits + "0".repeat(exp + 1 - digits.length);
  return sign + digits.slice(0, exp + 1) + "." + digits.slice(exp + 1);
}
function unitClass(unit) {
  let denom = false;
  for (const tok of unit.split(/([*/\-\s])/)) {
    if (tok === "*") denom = false;
    else if (tok === "/") denom = true;
    else if ((tok === "B" || tok === "MB" || tok === "bytes") && !denom) return "binary";
  }
  return "decimal";
}
var SI = ["T", "G", "M", "k", "", "m", "\xB5", "n"].map((prefix, i) => {
  const exp = 12 - 3 * i;
  return {
    factor: 10 ** exp,
    prefix,
    t100: Number(`99.995e${exp}`),
    t10: Number(`9.9995e${exp}`),
    t1: Number(`.99995e${exp}`)
  };
});
var IEC = ["Ti", "Gi", "Mi", "Ki", ""].map((prefix, i) => {
  const exp = 40 - 10 * i;
  return { factor: 2 ** exp, prefix, t100: 99.995 * 2 ** exp, t10: 9.9995 * 2 ** exp, t1: 0.99995 * 2 ** exp };
});
var SIGFIGS = Array.from({ length: 8 }, (_, i) => Number(`9.9995e${-1 - i}`));
function commonScale(values, cls) {
  let min = 0;
  for (let v of values) {
    v = Math.abs(v);
    if (v !== 0 && (min === 0 || v < min)) min = v;
  }
  if (min === 0) return { prec: 3, factor: 1, prefix: "" };
  const factors = cls === "binary" ? IEC : SI;
  for (const f of factors) {
    if (min >= f.t100) return { prec: 1, factor: f.factor, prefix: f.prefix };
    if (min >= f.t10) return { prec: 2, factor: f.factor, prefix: f.prefix };
    if (min >= f.t1) return { prec: 3, factor: f.factor, prefix: f.prefix };
  }
  const last = factors[factors.length - 1];
  const val = min / last.factor;
  for (let i = 0; i < SIGFIGS.length; i++) {
    if (val >= SIGFIGS[i] || i === SIGFIGS.length - 1) return { prec: i + 3, factor: last.factor, prefix: last.prefix };
  }
  throw new Error("unreachable");
}
function formatScaled(value, s) {
  return formatFixed(value / s.factor, s.prec) + s.prefix;
}
function scale(value, cls) {
  return formatScaled(value, commonScale([value], cls));
}
function pctRange(center, lo, hi) {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "\u221E";
  const cs = Math.sign(center);
  if (cs !== Math.sign(lo) || cs !== Math.sign(hi)) return "?";
  if (center === 0) return "0%";
  const v = Math.max(hi / center - 1, 1 - lo / center);
  return formatFixed(100 * v, 0) + "%";
}
function formatDelta(p, alpha, base, head) {
  if (p > alpha) return "~";
  if (base === head) return "0.00%";
  if (base === 0) return "?";
  return formatSignedFixed((head / base - 1) * 100, 2) + "%";
}
function formatComparison(p, n1, n2) {
  const s = p !== 0 ? `p=${formatFixed(p, 3)} ` : "";
  return s + (n1 === n2 ? `n=${n1}` : `n=${n1}+${n2}`);
}
function superscript(i) {
  const digits = "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079";
  return String(i).split("").map((d) => digits[Number(d)]).join("");
}

// src/stats/choose.ts
function choose(n, k) {
  if (k < 0 || k > n) return 0;
  if (k === 0 || k === n) return 1;
  if (k > n - k) k = n - k;
  let c = 1;
  for (let i = 1; i <= k; i++) {
    c = c * (n - k + i) / i;
  }
  return Math.round(c);
}
var GO_LGAMMA = [
  Infinity,
  0,
  0,
  0.6931471805599453,
  1.791759469228055,
  3.1780538303479458,
  4.787491742782046,
  6.579251212010101,
  8.525161361065413,
  10.60460290274525,
  12.80182748008147,
  15.104412573075518,
  17.502307845873887,
  19.98721449566189,
  22.552163853123428,
  25.19122118273868,
  27.89927138384089,
  30.671860106080675,
  33.50507345013689,
  36.39544520803305,
  39.339884187199495,
  42.335616460753485,
  45.380138898476915,
  48.47118135183523,
  51.60667556776438,
  54.78472939811231,
  58.003605222980525,
  61.261701761002,
  64.55753862700632,
  67.88974313718154,
  71.25703896716801,
  74.65823634883017
];
var GO_CHOOSE_LIMIT = GO_LGAMMA.length - 2;
function goChoose(n, k) {
  if (k === 0 || k === n) return 1;
  if (k < 0 || n < k) return 0;
  if (n <= 20) return choose(n, k);
  if (n > GO_CHOOSE_LIMIT) return choose(n, k);
  return Math.exp(GO_LGAMMA[n + 1] - GO_LGAMMA[k + 1] - GO_LGAMMA[n - k + 1]);
}

// src/stats/normal.ts
var SQRT_PI = Math.sqrt(Math.PI);
function erfSeries(x) {
  const x2 = x * x;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 200; n++) {
    term *= 2 * x2 / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return 2 * x / SQRT_PI * Math.exp(-x2) * sum;
}
function erfcContinuedFraction(x) {
  const z = x * x;
  if (z > 750) return 0;
  const a = 0.5;
  const tiny = 1e-300;
  let b = z + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-z) * Math.sqrt(z) * h / SQRT_PI;
}
function erfc(x) {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 1.25) return 1 - erfSeries(x);
  return erfcContinuedFraction(x);
}
function normalCdf(x, mu = 0, sigma = 1) {
  return erfc(-(x - mu) / (sigma * Math.SQRT2)) / 2;
}
function normalInvCdf(p, mu = 0, sigma = 1) {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const lower = p <= 0.5;
  const q = lower ? p : 1 - p;
  let x = q === 0.5 ? 0 : -Math.sqrt(-2 * Math.log(q));
  if (q > 1e-3) x = Math.log(q / (1 - q)) / 1.702;
  for (let i = 0; i < 100; i++) {
    const f = normalCdf(x) - q;
    const pdf = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    if (pdf === 0) break;
    const u = f / pdf;
    const step = u / (1 + x * u / 2);
    x -= step;
    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(x))) break;
  }
  return (lower ? x : -x) * sigma + mu;
}

// src/stats/udist.ts
var noTiesCache = /* @__PURE__ */ new Map();
function noTiesCdfTable(n1, n2) {
  const N = Math.min(n1, n2);
  const M = Math.max(n1, n2);
  const key = `${N},${M}`;
  let cdf = noTiesCache.get(key);
  if (cdf) return cdf;
  const U = Math.floor(N * M / 2);
  const memo = [];
  for (let n = 0; n <= N; n++) memo.push(new Float64Array(U + 1));
  for (let m = 0; m <= M; m++) {
    memo[0][0] = 1;
    const nlim = Math.min(N, m);
    for (let n = 1; n <= nlim; n++) {
      const left = memo[n - 1];
      const right = n <= m - 1 ? memo[n] : memo[m - 1];
      const out2 = memo[n];
      const ulim = Math.min(U, n * m);
      const nm = n + m;
      for (let u = ulim; u >= 0; u--) {
        const l = u - m >= 0 ? n * left[u - m] : 0;
        out2[u] = (l + m * right[u]) / nm;
      }
    }
  }
  const pmf = memo[N];
  cdf = new Float64Array(U + 1);
  let acc = 0;
  for (let u = 0; u <= U; u++) {
    acc += pmf[u];
    cdf[u] = acc;
  }
  noTiesCache.set(key, cdf);
  return cdf;
}
var tiesCache = /* @__PURE__ */ new Map();
function tiesCounts(n1, t) {
  const key = `${n1}|${t.join(",")}`;
  let counts = tiesCache.get(key);
  if (counts) return counts;
  const total = t.reduce((s, x) => s + x, 0);
  const smax = 2 * total * n1;
  let ways = [];
  for (let m = 0; m <= n1; m++) ways.push(new Float64Array(smax + 1));
  ways[0][0] = 1;
  let before = 0;
  for (const tk of t) {
    const ak = 2 * before + tk;
    const next = [];
    for (let m = 0; m <= n1; m++) next.push(new Float64Array(smax + 1));
    const mlim = Math.min(n1, before);
    for (let m = 0; m <= mlim; m++) {
      const row = ways[m];
      for (let s = 0; s <= smax; s++) {
        const w = row[s];
        if (w === 0) continue;
        const rlim = Math.min(tk, n1 - m);
        for (let r = 0; r <= rlim; r++) next[m + r][s + r * ak] += w * choose(tk, r);
      }
    }
    ways = next;
    before += tk;
  }
  counts = ways[n1];
  tiesCache.set(key, counts);
  return counts;
}
function uCdf(u, n1, n2, ties) {
  if (u < 0) return 0;
  if (u >= n1 * n2) return 1;
  if (ties.every((x) => x === 1)) {
    const table = noTiesCdfTable(n1, n2);
    const ui = Math.floor(u);
    if (ui < table.length) return table[ui];
    return 1 - table[n1 * n2 - ui - 1];
  }
  if (ties.length === 2) return twoGroupCdf(u, n1, n2, ties[0], ties[1]);
  const counts = tiesCounts(n1, ties);
  const limit = Math.min(Math.floor(2 * u) + n1 * n1, counts.length - 1);
  let c = 0;
  for (let s = 0; s <= limit; s++) c += counts[s];
  return c / choose(n1 + n2, n1);
}
function twoGroupCdf(u, n1, n2, t1, t2) {
  const twoU = Math.floor(2 * u);
  const rLow = Math.max(0, n1 - t1);
  const rHigh = Math.trunc((twoU - n1 * (t1 - n1)) / (t1 + t2));
  let count = 0;
  for (let r = rLow; r <= rHigh; r++) count += choose(t1, n1 - r) * choose(t2, r);
  return count / choose(n1 + n2, n1);
}

// src/stats/mannwhitney.ts
var EXACT_LIMIT = 50;
var TIES_EXACT_LIMIT = 25;
function sortedCopy(xs) {
  const out2 = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out2[i] = xs[i] + 0;
  return out2.sort();
}
function mannWhitneyUSorted(x1, x2) {
  const n1 = x1.length;
  const n2 = x2.length;
  if (n1 === 0 || n2 === 0) return { u: NaN, p: 1, n1, n2, error: "sample is too small" };
  if (Number.isNaN(x1[n1 - 1]) || Number.isNaN(x2[n2 - 1])) {
    return { u: NaN, p: 1, n1, n2, error: "samples contain NaN" };
  }
  let r1 = 0;
  const ties = [];
  let hasTies = false;
  let i = 0;
  let j = 0;
  let rank2 = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || i < n1 && x1[i] < x2[j] ? x1[i] : x2[j];
    let c1 = 0;
    let c2 = 0;
    while (i < n1 && x1[i] === v) {
      i++;
      c1++;
    }
    while (j < n2 && x2[j] === v) {
      j++;
      c2++;
    }
    const t = c1 + c2;
    if (c1 !== 0) r1 += (2 * rank2 + t + 1) / 2 * c1;
    ties.push(t);
    if (t > 1) hasTies = true;
    rank2 += t;
  }
  const u1 = r1 - n1 * (n1 + 1) / 2;
  const u2 = n1 * n2 - u1;
  const uSmall = Math.min(u1, u2);
  const exact = hasTies ? n1 <= TIES_EXACT_LIMIT && n2 <= TIES_EXACT_LIMIT : n1 <= EXACT_LIMIT && n2 <= EXACT_LIMIT;
  if (exact) {
    if (ties.length === 1) return { u: u1, p: 1, n1, n2, error: "all samples are equal" };
    const p2 = u1 === u2 ? 1 : Math.min(1, uCdf(uSmall, n1, n2, ties) * 2);
    return { u: u1, p: p2, n1, n2 };
  }
  let tieSum = 0;
  for (const t of ties) tieSum += t * t * t - t;
  const N = n1 + n2;
  const mean = n1 * n2 / 2;
  const sd = Math.sqrt(n1 * n2 * (N + 1 - tieSum / (N * (N - 1))) / 12);
  if (sd === 0) return { u: u1, p: 1, n1, n2, error: "all samples are equal" };
  let numer = u1 - mean;
  numer -= Math.sign(numer) * 0.5;
  const z = numer / sd;
  const p = 2 * Math.min(normalCdf(z), 1 - normalCdf(z));
  return { u: u1, p, n1, n2 };
}

// src/stats/comparison.ts
var U_TEST_MIN_P = Array.from({ length: 10 }, (_, n) => n === 0 ? NaN : 2 / choose(2 * n, n));
function uTestSamplesNeeded(alpha) {
  for (let n = 1; n < U_TEST_MIN_P.length; n++) {
    if (U_TEST_MIN_P[n] <= alpha) return { op: ">=", n };
  }
  return { op: ">", n: U_TEST_MIN_P.length };
}
function compareSorted(a, b, alpha = 0.05, assume = "nothing") {
  const n1 = a.length;
  const n2 = b.length;
  if (assume === "exact") return { p: 0, n1, n2, alpha: 0, warnings: [] };
  const res = mannWhitneyUSorted(a, b);
  if (res.error) return { p: 1, n1, n2, alpha, warnings: [res.error] };
  const warnings = [];
  if (res.p > alpha) {
    const need = uTestSamplesNeeded(alpha);
    if (n1 < need.n && n2 < need.n) {
      warnings.push(`need ${need.op} ${need.n} samples to detect a difference at alpha level ${formatGoV(alpha)}`);
    }
  }
  return { p: res.p, n1, n2, alpha, warnings };
}

// src/stats/median.ts
var EXACT_CI_LIMIT = 30;
function medianSorted(xs) {
  const n = xs.length;
  if (n === 0) return NaN;
  const pos = 1 / 3 + 0.5 * (n + 1 / 3);
  const k = Math.trunc(pos);
  const frac = pos - k;
  if (k <= 0) return xs[0];
  if (k >= n) return xs[n - 1];
  return xs[k - 1] + frac * (xs[k] - xs[k - 1]);
}
var ciCache = /* @__PURE__ */ new Map();
function medianCI(n, confidence) {
  const key = `${n}:${confidence}`;
  let ci = ciCache.get(key);
  if (!ci) {
    if (confidence >= 1) ci = { lo: 0, hi: n + 1, confidence: 1 };
    else ci = n <= EXACT_CI_LIMIT ? exactMedianCI(n, confidence) : approxMedianCI(n, confidence);
    ciCache.set(key, ci);
  }
  return ci;
}
function exactMedianCI(n, confidence) {
  const pmf = (k) => k < 0 || k > n ? 0 : goChoose(n, k) * 0.5 ** k * 0.5 ** (n - k);
  const x = Math.ceil((n + 1) * 0.5) - 1;
  let accum = pmf(x);
  let l = x;
  let r = x + 1;
  let lp = pmf(l - 1);
  let rp = pmf(r);
  while (accum < confidence && (lp > 0 || rp > 0)) {
    if (lp >= rp) {
      accum += lp;
      l--;
      lp = pmf(l - 1);
    } else {
      accum += rp;
      r++;
      rp = pmf(r);
    }
  }
  return clampOrders(n, l, r, accum);
}
function approxMedianCI(n, confidence) {
  const mu = n * 0.5;
  const sigma = Math.sqrt(n * 0.5 * 0.5);
  const l1 = normalInvCdf((1 - confidence) / 2, mu, sigma);
  const r1 = 2 * mu - l1;
  const l = Math.floor(Math.floor(l1 - 0.5) + 0.5) + 1;
  let r = Math.floor(Math.ceil(r1 - 0.5) + 0.5) + 1;
  const mass = (a, b) => normalCdf(b - 0.5, mu, sigma) - normalCdf(a - 0.5, mu, sigma);
  let achieved = mass(l, r);
  const biased = mass(l, r - 1);
  if (biased >= confidence && biased < achieved) {
    achieved = biased;
    r = r - 1;
  }
  if (l <= 0 && r >= n + 1) achieved = 1;
  return clampOrders(n, l, r, achieved);
}
function clampOrders(n, l, r, confidence) {
  return { lo: Math.max(l, 0), hi: Math.min(r, n + 1), confidence };
}
function medianSamplesNeeded(confidence) {
  const limit = 50;
  for (let n = 2; n <= limit; n++) {
    const ci = medianCI(n, confidence);
    if (ci.lo > 0 && ci.hi <= n) return { op: ">=", n };
  }
  return { op: ">", n: limit };
}

// src/stats/summary.ts
function summarizeSorted(xs, opts = {}) {
  const confidence = opts.confidence ?? 0.95;
  const n = xs.length;
  if (n === 0) return { n, center: NaN, lo: NaN, hi: NaN, warnings: ["no samples"] };
  return opts.assume === "exact" ? summarizeExact(xs) : summarizeMedian(xs, confidence);
}
function summarizeMedian(xs, confidence) {
  const n = xs.length;
  const ci = medianCI(n, confidence);
  const lo = ci.lo >= 1 ? xs[ci.lo - 1] : NaN;
  const hi = ci.hi <= n ? xs[ci.hi - 1] : NaN;
  const warnings = [];
  if (Number.isNaN(lo) || Number.isNaN(hi)) {
    const need = medianSamplesNeeded(confidence);
    warnings.push(`need ${need.op} ${need.n} samples for confidence interval at level ${formatGoV(confidence)}`);
  }
  return { n, center: medianSorted(xs), lo, hi, warnings };
}
function summarizeExact(xs) {
  let val = xs[0];
  let count = 1;
  let mode = val;
  let modeCount = 1;
  for (let i = 1; i < xs.length; i++) {
    if (xs[i] === val) {
      count++;
      if (count > modeCount) {
        mode = val;
        modeCount = count;
      }
    } else {
      val = xs[i];
      count = 1;
    }
  }
  const lo = xs[0];
  const hi = xs[xs.length - 1];
  const warnings = modeCount === xs.length ? [] : [`exact distribution expected, but values range from ${formatGoV(lo)} to ${formatGoV(hi)}`];
  return { n: xs.length, center: mode, lo, hi, warnings };
}

// src/stats/geomean.ts
function geomean(xs) {
  if (xs.length === 0) return NaN;
  let m = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (!(x > 0)) return NaN;
    m += (Math.log(x) - m) / (i + 1);
  }
  return Math.exp(m);
}
function geomeanSummary(pairs) {
  const bases = [];
  const heads = [];
  const ratios = [];
  let badRatio = false;
  for (const { base: base2, head: head2 } of pairs) {
    if (base2 !== null) bases.push(base2);
    if (head2 === null) continue;
    heads.push(head2);
    if (base2 === null) continue;
    if (head2 === base2) ratios.push(1);
    else if (base2 === 0) {
      badRatio = true;
      ratios.push(0);
    } else ratios.push(head2 / base2);
  }
  const baseWarnings = [];
  const headWarnings = [];
  if (ratios.length !== bases.length) {
    headWarnings.push("benchmark set differs from baseline; geomeans may not be comparable");
  }
  const base = geomean(bases);
  if (Number.isNaN(base)) baseWarnings.push("summaries must be >0 to compute geomean");
  const head = geomean(heads);
  if (Number.isNaN(head)) headWarnings.push("summaries must be >0 to compute geomean");
  let ratio = NaN;
  if (!badRatio) {
    ratio = geomean(ratios);
    if (Number.isNaN(ratio)) headWarnings.push("ratios must be >0 to compute geomean");
  }
  return { base, head, ratio, deltaPercent: (ratio - 1) * 100, baseWarnings, headWarnings };
}

// src/stats/fdr.ts
function benjaminiHochberg(ps) {
  const m = ps.length;
  const order = ps.map((_, i) => i).sort((i, j) => ps[i] - ps[j]);
  const q = new Array(m);
  let running = 1;
  for (let rank2 = m; rank2 >= 1; rank2--) {
    const i = order[rank2 - 1];
    running = Math.min(running, ps[i] * m / rank2);
    q[i] = running;
  }
  return q;
}

// src/compare/compare.ts
var DEFAULT_GATED_UNITS = ["sec/op", "B/op", "allocs/op"];
var DEFAULT_THRESHOLD = 4;
var DEFAULT_VALUE_UNITS = ["B/op", "allocs/op"];
function rowKey(r) {
  return `${r.package}\0${r.name}\0${r.unit}`;
}
var UNIT_RANK = { "sec/op": 0, "B/op": 1, "allocs/op": 2 };
function higherIsBetter(unit, units = {}) {
  const better = units[unit]?.better;
  if (better === "higher") return true;
  if (better === "lower") return false;
  return unit.endsWith("/s");
}
function collect(base, head) {
  const pkgs = /* @__PURE__ */ new Map();
  const unitOrder = /* @__PURE__ */ new Map();
  let nameCount = 0;
  const cells = [];
  const add = (results, side) => {
    for (const r of results) {
      let pkg = pkgs.get(r.pkg);
      if (!pkg) pkgs.set(r.pkg, pkg = { order: pkgs.size, names: /* @__PURE__ */ new Map() });
      let name = pkg.names.get(r.name);
      if (!name) pkg.names.set(r.name, name = { order: nameCount++, units: /* @__PURE__ */ new Map() });
      for (let i = 0; i < r.values.length; i++) {
        const { unit, value } = r.values[i];
        let cell = name.units.get(unit);
        if (!cell) {
          if (!unitOrder.has(unit)) unitOrder.set(unit, unitOrder.size);
          cell = { pkg: r.pkg, name: r.name, unit, base: [], head: [] };
          name.units.set(unit, cell);
          cells.push({ cell, pkg: pkg.order, name: name.order });
        }
        (side === "base" ? cell.base : cell.head).push(value);
      }
    }
  };
  add(base, "base");
  add(head, "head");
  const unitKey = (u) => UNIT_RANK[u] ?? 3 + unitOrder.get(u);
  return cells.sort((a, b) => a.pkg - b.pkg || a.name - b.name || unitKey(a.cell.unit) - unitKey(b.cell.unit)).map((c) => c.cell);
}
var allEqual = (xs) => xs.length === 0 || xs[0] === xs[xs.length - 1];
function pct(x) {
  return (x >= 0 ? "+" : "") + formatFixed(x, 1) + "%";
}
function compareResults(base, head, opts = {}) {
  const alpha = opts.alpha ?? 0.05;
  const confidence = opts.confidence ?? 0.95;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const units = opts.units ?? {};
  const gated = new Set(opts.gatedUnits ?? DEFAULT_GATED_UNITS);
  const valueUnits = new Set(opts.valueUnits ?? DEFAULT_VALUE_UNITS);
  const warnings = [];
  const rows = collect(base, head).map((cell) => {
    const assume = units[cell.unit]?.assume === "exact" ? "exact" : "nothing";
    const sb = sortedCopy(cell.base);
    const sh = sortedCopy(cell.head);
    const row = {
      package: cell.pkg,
      name: cell.name,
      unit: cell.unit,
      base: sb.length ? summarizeSorted(sb, { confidence, assume }) : null,
      head: sh.length ? summarizeSorted(sh, { confidence, assume }) : null,
      deltaPercent: null,
      p: null,
      significant: false,
      verdict: cell.base.length ? "removed" : "new",
      reason: cell.base.length ? "removed benchmark" : "new benchmark"
    };
    if (!row.base || !row.head) return row;
    const stats = { ...compareSorted(sb, sh, alpha, assume), assume };
    row.stats = stats;
    row.deltaPercent = deltaPercent(row.base, row.head);
    if (assume === "exact") {
      row.exact = true;
    } else {
      row.p = stats.p;
      if (valueUnits.has(cell.unit) && allEqual(sb) && allEqual(sh)) row.exact = true;
    }
    row.noisePercent = row.exact ? null : noiseOf(row.base, row.head, sb, sh);
    return row;
  });
  const tested = rows.filter((r) => r.p !== null && gated.has(r.unit) && !r.exact && (opts.fdrFamily?.(r) ?? true));
  if (opts.fdr) {
    const q = benjaminiHochberg(tested.map((r) => r.p));
    tested.forEach((r, i) => r.q = q[i]);
  }
  for (const row of rows) {
    if (!row.base || !row.head) continue;
    decide(row, { alpha, threshold, fdr: !!opts.fdr, higher: higherIsBetter(row.unit, units) });
  }
  ignoreAllocationFreeBytes(rows);
  for (const row of rows) markSuspect(row, alpha, threshold, higherIsBetter(row.unit, units));
  const geomean2 = geomeanRows(rows);
  const removed = rows.filter((r) => r.verdict === "removed").length;
  const added = rows.filter((r) => r.verdict === "new").length;
  if (removed) warnings.push(`${removed} row(s) only in the base: benchmarks removed or failed in the head`);
  if (added) warnings.push(`${added} row(s) only in the head: new benchmarks`);
  return { rows, geomean: geomean2, warnings, settings: { alpha, confidence, threshold } };
}
function ignoreAllocationFreeBytes(rows) {
  const noAllocs = new Set(
    rows.filter((r) => r.unit === "allocs/op" && r.base && r.head && r.base.center === 0 && r.head.center === 0 && r.exact).map((r) => r.package + "\0" + r.name)
  );
  for (const r of rows) {
    if (r.unit !== "B/op" || !noAllocs.has(r.package + "\0" + r.name)) continue;
    if (r.verdict !== "regression" && r.verdict !== "improvement") continue;
    r.verdict = "unchanged";
    r.reason = "no allocations per op on either side: these bytes are amortized runtime allocations, not a change";
  }
}
function noiseOf(base, head, sb, sh) {
  const side = (s, xs) => {
    if (xs.length < 3 || s.center === 0) return null;
    const dev = Float64Array.from(xs, (x) => Math.abs(x - s.center)).sort();
    const mid = dev.length >> 1;
    const mad = dev.length % 2 ? dev[mid] : (dev[mid - 1] + dev[mid]) / 2;
    return 100 * 1.4826 * mad / Math.abs(s.center);
  };
  const b = side(base, sb);
  const h = side(head, sh);
  return b === null || h === null ? null : Math.max(b, h);
}
function deltaPercent(base, head) {
  if (head.center === base.center) return 0;
  if (base.center === 0) return null;
  return (head.center / base.center - 1) * 100;
}
function decide(row, o) {
  const base = row.base;
  const head = row.head;
  const a = formatAlpha(o.alpha);
  row.significant = row.stats ? row.stats.p <= o.alpha : false;
  let why;
  if (row.exact) {
    const changed = base.center !== head.center;
    why = row.stats?.assume === "exact" ? "compared by value: assume=exact" : "compared by value: deterministic on both sides";
    if (!changed) {
      row.verdict = "unchanged";
      row.reason = `${why}, unchanged`;
      return;
    }
  } else {
    const p = row.p;
    const judged = o.fdr && row.q != null ? row.q : p;
    const shown = o.fdr && row.q != null ? `q=${formatFixed(row.q, 3)}` : `p=${formatFixed(p, 3)}`;
    if (judged > o.alpha && row.noisePercent != null && row.noisePercent > o.threshold) {
      row.verdict = "noisy";
      row.reason = `too noisy to judge: samples scatter \xB1 ${formatFixed(row.noisePercent, 1)}% around the median, more than the ${o.threshold}% threshold (${shown}); use a longer -benchtime or more rounds`;
      return;
    }
    if (judged > o.alpha) {
      row.verdict = "unchanged";
      const warning = row.stats?.warnings[0];
      row.reason = warning ?? `${shown} > \u03B1=${a}` + (o.fdr && row.q != null ? ` (p=${formatFixed(p, 3)})` : "");
      return;
    }
    why = `${shown} \u2264 \u03B1=${a}`;
  }
  const delta = row.deltaPercent;
  if (row.noisePercent != null && delta !== null && Math.abs(delta) <= row.noisePercent) {
    row.verdict = "unchanged";
    row.reason = `${pct(delta)} is inside the noise (\xB1 ${formatFixed(row.noisePercent, 1)}%) (${why})`;
    return;
  }
  if (delta !== null && Math.abs(delta) < o.threshold) {
    row.verdict = "unchanged";
    row.reason = `${pct(delta)} is below the ${o.threshold}% threshold (${why})`;
    return;
  }
  row.verdict = isWorse(row, o.higher) ? "regression" : "improvement";
  row.reason = delta === null ? `changed from 0 (${why})` : `${pct(delta)} (${why})`;
}
function isWorse(row, higher) {
  return higher ? row.head.center < row.base.center : row.head.center > row.base.center;
}
function worstCasePercent(row, higherBetter) {
  const { base, head } = row;
  if (!base || !head) return null;
  const [num2, den] = higherBetter ? [head.lo, base.hi] : [head.hi, base.lo];
  if (!Number.isFinite(num2) || !Number.isFinite(den) || den <= 0) return null;
  const change = (num2 / den - 1) * 100;
  return higherBetter ? -change : change;
}
function markSuspect(row, alpha, threshold, higher) {
  if (!row.base || !row.head || row.exact || row.verdict === "regression" || row.p === null || row.p > alpha) return;
  if (!isWorse(row, higher)) return;
  const worst = worstCasePercent(row, higher);
  if (worst === null || worst >= threshold) row.suspect = true;
}
function formatAlpha(alpha) {
  return String(alpha);
}
function geomeanRows(rows) {
  const byUnit = /* @__PURE__ */ new Map();
  for (const r of rows) {
    let list = byUnit.get(r.unit);
    if (!list) byUnit.set(r.unit, list = []);
    list.push(r);
  }
  const out2 = [];
  for (const [unit, list] of byUnit) {
    if (list.length < 2) continue;
    const g = geomeanSummary(list.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
    out2.push({ unit, base: g.base, head: g.head, deltaPercent: g.deltaPercent, baseWarnings: g.baseWarnings, headWarnings: g.headWarnings });
  }
  return out2;
}

// src/engine.ts
import { readFile as readFile3 } from "node:fs/promises";
import { join, relative, resolve } from "node:path";

// src/diff/gofuncs.ts
var KEYWORDS_WITHOUT_SEMICOLON = /* @__PURE__ */ new Set([
  "chan",
  "const",
  "default",
  "defer",
  "else",
  "for",
  "func",
  "go",
  "goto",
  "if",
  "import",
  "interface",
  "map",
  "package",
  "range",
  "select",
  "struct",
  "switch",
  "type",
  "var",
  "case"
]);
var IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
var NUMBER = /[0-9.][0-9a-zA-Z_.]*(?:[eEpP][+-][0-9a-zA-Z_.]*)*/y;
var OPEN = { "(": ")", "[": "]", "{": "}" };
var CLOSERS = /* @__PURE__ */ new Set([")", "]", "}"]);
function scanGoSource(source, file, importPath) {
  const toks = tokenize(source, file);
  const fail = (message, tok) => {
    const at = tok ?? toks[toks.length - 1];
    throw new BenchgateError(message, "go-source", at ? { file, line: at.line, offset: at.offset } : { file, line: 1 });
  };
  if (toks[0]?.text !== "package" || toks[1]?.kind !== "ident") fail("not a Go file: no package clause", toks[0]);
  const packageName = toks[1].text;
  const prefix = symbolPrefix(importPath, packageName);
  const functions = [];
  let prev;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind === "ident" && t.text === "func" && startsDeclaration(prev, t)) {
      const decl = readFuncDecl(toks, i, prefix);
      if (decl) {
        functions.push(decl.func);
        prev = toks[decl.next - 1];
        i = decl.next;
        continue;
      }
    }
    prev = t.close !== void 0 ? toks[t.close] : t;
    i = t.close !== void 0 ? t.close + 1 : i + 1;
  }
  return { packageName, functions };
}
function symbolPrefix(importPath, packageName) {
  if (packageName === "main") return "main";
  const path = packageName.endsWith("_test") && !importPath.endsWith("_test") ? importPath + "_test" : importPath;
  const slash = path.lastIndexOf("/");
  let out2 = "";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const escape = c <= 32 || c === 37 || c === 34 || c >= 127 || c === 46 && i > slash;
    out2 += escape ? "%" + c.toString(16).padStart(2, "0") : path[i];
  }
  return out2;
}
function normalizeFunctionName(name) {
  let out2 = "";
  let depth = 0;
  for (const c of name) {
    if (c === "[") {
      if (depth === 0) out2 += "[...]";
      depth++;
    } else if (c === "]" && depth > 0) depth--;
    else if (depth === 0) out2 += c;
  }
  return out2;
}
function enclosingFunctionName(name) {
  let n = normalizeFunctionName(name);
  for (; ; ) {
    const m = /(?:\.func\d+|\.gowrap\d+|\.deferwrap\d+|-range\d+|\.\d+)$/.exec(n);
    if (!m || !n.slice(n.lastIndexOf("/") + 1, m.index).includes(".")) break;
    n = n.slice(0, m.index);
  }
  return n;
}
function startsDeclaration(prev, t) {
  if (!prev || prev.text === ";") return true;
  return t.nl && insertsSemicolon(prev);
}
function insertsSemicolon(t) {
  if (t.kind === "lit") return true;
  if (t.kind === "ident") return !KEYWORDS_WITHOUT_SEMICOLON.has(t.text);
  return CLOSERS.has(t.text);
}
function readFuncDecl(toks, at, prefix) {
  const funcTok = toks[at];
  let i = at + 1;
  let receiver;
  let genericReceiver = false;
  if (toks[i]?.text === "(") {
    const r = readReceiver(toks, i + 1, toks[i].close);
    if (!r) return void 0;
    receiver = { type: r.type, pointer: r.pointer };
    genericReceiver = r.generic;
    i = toks[i].close + 1;
  }
  const nameTok = toks[i];
  if (nameTok?.kind !== "ident") return void 0;
  i++;
  let typeParams = false;
  if (toks[i]?.text === "[") {
    typeParams = true;
    i = toks[i].close + 1;
  }
  if (toks[i]?.text !== "(") return void 0;
  let lastSignatureTok = toks[toks[i].close];
  i = toks[i].close + 1;
  for (; ; ) {
    const t = toks[i];
    if (!t || t.text === ";" || t.nl && insertsSemicolon(lastSignatureTok)) {
      return { func: named(void 0), next: i };
    }
    if (t.text === "{" && !(lastSignatureTok.kind === "ident" && (lastSignatureTok.text === "struct" || lastSignatureTok.text === "interface"))) {
      const close = toks[t.close];
      return { func: named(close.line), next: t.close + 1 };
    }
    lastSignatureTok = t.close !== void 0 ? toks[t.close] : t;
    i = t.close !== void 0 ? t.close + 1 : i + 1;
  }
  function named(bodyEndLine) {
    let name;
    if (!receiver) name = `${prefix}.${nameTok.text}${typeParams ? "[...]" : ""}`;
    else {
      const type = receiver.type + (genericReceiver ? "[...]" : "");
      name = receiver.pointer ? `${prefix}.(*${type}).${nameTok.text}` : `${prefix}.${type}.${nameTok.text}`;
    }
    const f = { name, startLine: funcTok.line, endLine: bodyEndLine ?? lastSignatureTok.line };
    if (bodyEndLine === void 0) f.bodyless = true;
    if (receiver) f.receiver = receiver;
    return f;
  }
}
function readReceiver(toks, from, to) {
  let pointer = false;
  let generic = false;
  let type;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.text === "[") {
      generic = true;
      i = t.close;
    } else if (t.text === "*") pointer = true;
    else if (t.kind === "ident") type = t.text;
  }
  return type === void 0 ? void 0 : { type, pointer, generic };
}
function tokenize(src, file) {
  const toks = [];
  const open = [];
  let line = 1;
  let nl = false;
  let i = src.charCodeAt(0) === 65279 ? 1 : 0;
  const fail = (message, atLine, offset) => {
    throw new BenchgateError(message, "go-source", { file, line: atLine, offset });
  };
  const push = (kind, text, tokLine, offset) => {
    const t = { kind, text, line: tokLine, offset, nl };
    toks.push(t);
    nl = false;
    return t;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === "\n") {
      line++, i++;
      nl = true;
      continue;
    }
    if (c === " " || c === "	" || c === "\r") {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    if (c === "/" && src[i + 1] === "/") {
      const end = src.indexOf("\n", i);
      i = end < 0 ? src.length : end;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) fail("unterminated /* comment", startLine, start);
      line += countNewlines(src, i, end);
      if (line !== startLine) nl = true;
      i = end + 2;
      continue;
    }
    if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) fail("unterminated raw string (missing closing backquote)", startLine, start);
      line += countNewlines(src, i, end);
      i = end + 1;
      push("lit", "`", startLine, start);
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      for (; ; ) {
        if (i >= src.length || src[i] === "\n") {
          fail(c === '"' ? "unterminated string literal" : "unterminated rune literal", startLine, start);
        }
        if (src[i] === "\\" && src[i + 1] !== "\n") i += 2;
        else if (src[i] === c) break;
        else i++;
      }
      i++;
      push("lit", c, startLine, start);
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(src);
    if (id) {
      i += id[0].length;
      push("ident", id[0], startLine, start);
      continue;
    }
    if (c >= "0" && c <= "9") {
      NUMBER.lastIndex = i;
      i += NUMBER.exec(src)[0].length;
      push("lit", "0", startLine, start);
      continue;
    }
    const t = push("op", c, startLine, start);
    if (c in OPEN) open.push(toks.length - 1);
    else if (CLOSERS.has(c)) {
      const o = open.pop();
      if (o === void 0) fail(`unbalanced "${c}": nothing to close`, startLine, start);
      const opener = toks[o];
      if (OPEN[opener.text] !== c) {
        fail(`"${c}" closes "${opener.text}" opened at line ${opener.line}`, startLine, start);
      }
      opener.close = toks.length - 1;
      void t;
    }
    i += c.charCodeAt(0) >= 55296 && c.charCodeAt(0) <= 56319 ? 2 : 1;
  }
  if (open.length > 0) {
    const o = toks[open[open.length - 1]];
    fail(`unbalanced "${o.text}": not closed before the end of the file`, o.line, o.offset);
  }
  return toks;
}
function countNewlines(s, from, to) {
  let n = 0;
  for (let i = s.indexOf("\n", from); i >= 0 && i < to; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

// src/diff/unified.ts
var HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
var EXTENDED_HEADERS = [
  "old mode ",
  "new mode ",
  "deleted file mode ",
  "new file mode ",
  "copy from ",
  "copy to ",
  "rename from ",
  "rename to ",
  "similarity index ",
  "dissimilarity index ",
  "index "
];
function parseUnifiedDiff(text, source = "<diff>") {
  const lines = splitLines(text);
  const files = [];
  let i = 0;
  const fail = (message, index) => {
    throw new BenchgateError(message, "diff", { file: source, line: index + 1 });
  };
  while (i < lines.length) {
    const line = lines[i];
    if (line === "") {
      i++;
      continue;
    }
    if (line.startsWith("diff --git ")) {
      i = parseGitFile(lines, i, files, fail);
    } else if (line.startsWith("--- ") && lines[i + 1]?.startsWith("+++ ")) {
      const file = emptyFile(
        headerPath(lines[i].slice(4), "a/", fail, i),
        headerPath(lines[i + 1].slice(4), "b/", fail, i + 1),
        "modified"
      );
      file.status = file.oldPath === null ? "added" : file.newPath === null ? "deleted" : "modified";
      i = parseHunks(lines, i + 2, file, fail);
      files.push(finish(file));
    } else if (line.startsWith("diff --cc ") || line.startsWith("diff --combined ")) {
      fail("combined (merge) diffs are not supported: diff against the merge base instead", i);
    } else {
      fail(`not a unified diff: expected "diff --git" or "---" but found ${quoteSnippet(line)}`, i);
    }
  }
  return files;
}
function parseGitFile(lines, start, files, fail) {
  const header = lines[start].slice("diff --git ".length);
  let oldPath;
  let newPath;
  let status = "modified";
  let binary = false;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const line = lines[i];
    const ext = EXTENDED_HEADERS.find((h) => line.startsWith(h));
    if (ext !== void 0) {
      const value = line.slice(ext.length);
      if (ext === "new file mode ") status = "added";
      else if (ext === "deleted file mode ") status = "deleted";
      else if (ext === "rename from " || ext === "copy from ") {
        status = ext === "rename from " ? "renamed" : "copied";
        oldPath = unquote(value, fail, i);
      } else if (ext === "rename to " || ext === "copy to ") newPath = unquote(value, fail, i);
      continue;
    }
    if (line.startsWith("Binary files ") && line.endsWith(" differ")) {
      binary = true;
      i++;
      break;
    }
    if (line === "GIT binary patch") {
      binary = true;
      i++;
      while (i < lines.length && !lines[i].startsWith("diff --git ")) i++;
      break;
    }
    break;
  }
  if (i < lines.length && lines[i].startsWith("--- ")) {
    if (!lines[i + 1]?.startsWith("+++ ")) {
      fail(i + 1 >= lines.length ? 'truncated diff: "---" without "+++"' : `expected "+++" after "---", found ${quoteSnippet(lines[i + 1])}`, i + 1);
    }
    oldPath = headerPath(lines[i].slice(4), "a/", fail, i);
    newPath = headerPath(lines[i + 1].slice(4), "b/", fail, i + 1);
    i += 2;
  }
  if (oldPath === void 0 || newPath === void 0) {
    const both = splitGitHeader(header, fail, start);
    if (oldPath === void 0) oldPath = status === "added" ? null : both[0];
    if (newPath === void 0) newPath = status === "deleted" ? null : both[1];
  }
  if (status === "modified" && oldPath === null) status = "added";
  if (status === "modified" && newPath === null) status = "deleted";
  const file = emptyFile(oldPath, newPath, status);
  file.binary = binary;
  i = parseHunks(lines, i, file, fail);
  files.push(finish(file));
  return i;
}
function parseHunks(lines, start, file, fail) {
  let i = start;
  while (i < lines.length && lines[i].startsWith("@@")) {
    const m = HUNK_HEADER.exec(lines[i]);
    if (!m) fail(`malformed hunk header ${quoteSnippet(lines[i])}: expected "@@ -a,b +c,d @@"`, i);
    const headerIndex = i;
    const oldCount = m[2] === void 0 ? 1 : Number(m[2]);
    const newCount = m[4] === void 0 ? 1 : Number(m[4]);
    let oldLine = oldCount === 0 ? Number(m[1]) + 1 : Number(m[1]);
    let newLine = newCount === 0 ? Number(m[3]) + 1 : Number(m[3]);
    let oldLeft = oldCount;
    let newLeft = newCount;
    let removedRun = false;
    i++;
    while (oldLeft > 0 || newLeft > 0) {
      if (i >= lines.length) {
        fail(
          `truncated hunk: header at line ${headerIndex + 1} promises ${oldCount} old and ${newCount} new lines, ${oldLeft} old and ${newLeft} new are missing`,
          i - 1
        );
      }
      const line = lines[i];
      const kind = line === "" ? " " : line[0];
      if (kind === "\\") {
        i++;
        continue;
      }
      if (kind === " ") {
        if (oldLeft === 0 || newLeft === 0) break;
        oldLeft--, newLeft--, oldLine++, newLine++;
        removedRun = false;
      } else if (kind === "-") {
        if (oldLeft === 0) break;
        file.removed.push({ start: oldLine, end: oldLine });
        if (!removedRun) file.deletedAfter.push(newLine - 1);
        removedRun = true;
        oldLeft--, oldLine++;
      } else if (kind === "+") {
        if (newLeft === 0) break;
        file.added.push({ start: newLine, end: newLine });
        newLeft--, newLine++;
        removedRun = false;
      } else {
        break;
      }
      i++;
    }
    if (oldLeft > 0 || newLeft > 0) {
      fail(
        `hunk header at line ${headerIndex + 1} promises ${oldCount} old and ${newCount} new lines, but ${oldLeft} old and ${newLeft} new are missing before ${quoteSnippet(lines[i])}`,
        i
      );
    }
    while (i < lines.length && lines[i].startsWith("\\")) i++;
    const next = lines[i];
    if (next !== void 0 && (next.startsWith("+") || next.startsWith(" ")) && !next.startsWith("+++ ")) {
      fail(`hunk at line ${headerIndex + 1} has more lines than its header counts (-${oldCount} +${newCount})`, i);
    }
    if (next !== void 0 && next.startsWith("-") && !(next.startsWith("--- ") && lines[i + 1]?.startsWith("+++ "))) {
      fail(`hunk at line ${headerIndex + 1} has more lines than its header counts (-${oldCount} +${newCount})`, i);
    }
  }
  return i;
}
function emptyFile(oldPath, newPath, status) {
  return { oldPath, newPath, status, binary: false, added: [], removed: [], deletedAfter: [] };
}
function finish(file) {
  file.added = mergeRanges(file.added);
  file.removed = mergeRanges(file.removed);
  file.deletedAfter = [...new Set(file.deletedAfter)].sort((a, b) => a - b);
  return file;
}
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out2 = [];
  for (const r of sorted) {
    const last = out2[out2.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out2.push({ ...r });
  }
  return out2;
}
function intersects(ranges, start, end) {
  return ranges.some((r) => r.start <= end && start <= r.end);
}
function headerPath(raw, prefix, fail, index) {
  let name = raw;
  if (name.startsWith('"')) {
    name = unquote(name, fail, index);
  } else {
    const tab = name.indexOf("	");
    if (tab >= 0) name = name.slice(0, tab);
  }
  if (name === "/dev/null") return null;
  if (name === "") fail("empty file name in header", index);
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
function splitGitHeader(header, fail, index) {
  if (header.startsWith('"')) {
    const end = quotedEnd(header);
    if (end < 0) fail(`unterminated quoted name in ${quoteSnippet(header)}`, index);
    const a = unquote(header.slice(0, end + 1), fail, index);
    const rest = header.slice(end + 2);
    const b2 = rest.startsWith('"') ? unquote(rest, fail, index) : rest;
    return [stripPrefix(a, "a/"), stripPrefix(b2, "b/")];
  }
  const half = (header.length - 1) / 2;
  if (Number.isInteger(half) && header[half] === " ") {
    const a = header.slice(0, half);
    const b2 = header.slice(half + 1);
    if (stripPrefix(a, "a/") === stripPrefix(b2, "b/")) return [stripPrefix(a, "a/"), stripPrefix(b2, "b/")];
  }
  const sep2 = header.indexOf(" b/");
  if (sep2 < 0) fail(`cannot read the file names in "diff --git ${header}"`, index);
  const b = header.slice(sep2 + 1);
  return [stripPrefix(header.slice(0, sep2), "a/"), stripPrefix(b.startsWith('"') ? unquote(b, fail, index) : b, "b/")];
}
function stripPrefix(name, prefix) {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
function quotedEnd(s) {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}
var C_ESCAPES = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
function unquote(s, fail, index) {
  if (!s.startsWith('"')) return s;
  const end = quotedEnd(s);
  if (end < 0) fail(`unterminated quoted name ${quoteSnippet(s)}`, index);
  const bytes = [];
  for (let i = 1; i < end; i++) {
    const c = s[i];
    if (c !== "\\") {
      bytes.push(...Buffer.from(c, "utf8"));
      continue;
    }
    const e = s[++i];
    if (e in C_ESCAPES) bytes.push(C_ESCAPES[e]);
    else if (/[0-7]/.test(e) && /^[0-7]{3}$/.test(s.slice(i, i + 3))) {
      bytes.push(parseInt(s.slice(i, i + 3), 8) & 255);
      i += 2;
    } else fail(`bad escape "\\${e}" in quoted name ${quoteSnippet(s)}`, index);
  }
  return Buffer.from(bytes).toString("utf8");
}
function splitLines(text) {
  const lines = text.split("\n").map((l) => l.endsWith("\r") ? l.slice(0, -1) : l);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}
function quoteSnippet(line) {
  if (line === void 0) return "the end of the input";
  return JSON.stringify(line.length > 60 ? line.slice(0, 60) + "\u2026" : line);
}

// src/diff/match.ts
function pkgDirIn(moduleRoot = "") {
  const root = moduleRoot.replace(/^\.\/?/, "").replace(/\/+$/, "");
  return (repoPath) => {
    if (root !== "" && !repoPath.startsWith(root + "/")) return void 0;
    const rel = root === "" ? repoPath : repoPath.slice(root.length + 1);
    const parts = rel.split("/");
    parts.pop();
    if (parts.some((p) => p === "vendor" || p === "testdata" || p.startsWith(".") || p.startsWith("_"))) return void 0;
    return parts.join("/");
  };
}
function importPathOf(modulePath2, pkgDir) {
  return pkgDir === "" ? modulePath2 : `${modulePath2}/${pkgDir}`;
}
function changedFunctions(diffs, readSource, modulePath2, pkgDirOf, readBaseSource) {
  const functions = [];
  const warnings = [];
  const scan = (path, read) => {
    const dir = pkgDirOf(path);
    if (dir === void 0) return void 0;
    const text = read(path);
    if (text === void 0) {
      warnings.push({ message: "source not available: its changed functions are not attributed", where: { file: path } });
      return void 0;
    }
    const pkgPath = importPathOf(modulePath2, dir);
    try {
      return { funcs: scanGoSource(text, path, pkgPath).functions, pkgPath };
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push({ message: `${e.message}: its changed functions are not attributed` });
      return void 0;
    }
  };
  for (const d of diffs) {
    if (d.binary) continue;
    const headFuncs = d.newPath !== null && d.newPath.endsWith(".go") ? scan(d.newPath, readSource) : void 0;
    const headChanged = /* @__PURE__ */ new Set();
    if (headFuncs && d.newPath !== null) {
      for (const f of headFuncs.funcs) {
        const lostLines = d.deletedAfter.some((n) => f.startLine <= n && n + 1 <= f.endLine);
        if (lostLines || intersects(d.added, f.startLine, f.endLine)) {
          headChanged.add(f.name);
          functions.push(located(f, d.newPath, headFuncs.pkgPath, "head"));
        }
      }
    }
    if (!readBaseSource || d.oldPath === null || !d.oldPath.endsWith(".go") || d.removed.length === 0) continue;
    const baseFuncs = scan(d.oldPath, readBaseSource);
    if (!baseFuncs) continue;
    const headNames = new Set(headFuncs?.funcs.map((f) => f.name));
    for (const f of baseFuncs.funcs) {
      if (!intersects(d.removed, f.startLine, f.endLine) || headChanged.has(f.name)) continue;
      const onHead = headFuncs?.funcs.find((h) => h.name === f.name);
      if (onHead && d.newPath !== null) {
        headChanged.add(f.name);
        functions.push(located(onHead, d.newPath, headFuncs.pkgPath, "head"));
      } else if (!headNames.has(f.name)) {
        functions.push(located(f, d.oldPath, baseFuncs.pkgPath, "base"));
      }
    }
  }
  return { functions, warnings };
}
function located(f, file, pkgPath, side) {
  return { function: f.name, file, pkgPath, startLine: f.startLine, endLine: f.endLine, side };
}
function sameFile(profileFile, repoPath, pkgPath) {
  const p = profileFile.replace(/\\/g, "/");
  if (p === repoPath || p.endsWith("/" + repoPath)) return true;
  if (pkgPath === void 0) return false;
  const base = repoPath.slice(repoPath.lastIndexOf("/") + 1);
  return p === `${pkgPath}/${base}`;
}
function matchProfileFunction(fn, candidates2, opts = {}) {
  if (!opts.byName && fn.startLine > 0 && fn.file) {
    const inFile = candidates2.filter((c) => sameFile(fn.file, c.file, c.pkgPath));
    if (inFile.length > 0) {
      const holding = inFile.filter((c) => c.startLine <= fn.startLine && fn.startLine <= c.endLine);
      return holding.find((c) => c.startLine === fn.startLine) ?? holding[0];
    }
  }
  const wanted = enclosingFunctionName(fn.function);
  const byName2 = candidates2.filter((c) => normalizeFunctionName(c.function) === wanted);
  return byName2.length === 1 ? byName2[0] : void 0;
}

// src/attribute/quantity.ts
var TIME = [
  [1, "s"],
  [1e-3, "ms"],
  [1e-6, "\xB5s"],
  [1e-9, "ns"]
];
var BYTES = [
  [1024 ** 3, "GiB"],
  [1024 ** 2, "MiB"],
  [1024, "KiB"],
  [1, "B"]
];
function formatDelta2(value, unit) {
  const sign = value > 0 ? "+" : value < 0 ? "\u2212" : "";
  const v = Math.abs(value);
  if (unit === "sec/op") return sign + scaled(v, TIME);
  if (unit === "B/op") return sign + scaled(v, BYTES);
  if (unit === "allocs/op") return `${sign}${significant(v)} allocs`;
  return `${sign}${significant(v)} ${unit.replace(/\/op$/, "")}`;
}
function scaled(v, scales) {
  const [factor, name] = scales.find(([f]) => v >= f) ?? scales[scales.length - 1];
  return significant(v / factor) + name;
}
function significant(v) {
  if (v === 0) return "0";
  return Number(v.toPrecision(3)).toString();
}

// src/attribute/attribute.ts
function attribute(row, base, head, changed, commitsOf, options = {}) {
  const explainShare = options.explainShare ?? 0.2;
  const moverShare = options.moverShare ?? 0.05;
  const maxFunctions = options.maxFunctions ?? 8;
  const none = (note) => ({ functions: [], note });
  if (row.verdict !== "regression" && row.verdict !== "improvement") {
    return none(`not a significant change (${row.verdict}): nothing to attribute`);
  }
  if (!row.base || !row.head) return none("the benchmark is missing on one side: nothing to compare");
  const rowDelta = row.head.center - row.base.center;
  if (!Number.isFinite(rowDelta) || rowDelta === 0) return none("the centers are equal: nothing to attribute");
  if (!base && !head) return none("no CPU or memory profile on either side: cannot tell which functions moved");
  if (!base) return none("no base profile for this benchmark: cannot tell which functions moved");
  if (!head) return none("no head profile for this benchmark: cannot tell which functions moved");
  if (base.unit !== row.unit || head.unit !== row.unit) {
    return none(`the profiles measure ${base.unit}/${head.unit}, not ${row.unit}: not attributed`);
  }
  if (base.functions.length === 0 || head.functions.length === 0) {
    const side = base.functions.length === 0 ? "base" : "head";
    return none(`no frames of this benchmark in the ${side} profile (too short to be sampled, or not profiled)`);
  }
  const groups = groupFrames(base, head, changed);
  const direction = Math.sign(rowDelta);
  const magnitude = Math.abs(rowDelta);
  const credited = creditChanged(groups.filter((g) => g.changed), direction);
  const explaining = [...credited].filter(([, c]) => c / magnitude >= explainShare).sort((a, b) => b[1] - a[1]).map(([g]) => g);
  const listed = new Set(explaining);
  const movers = groups.filter((g) => !listed.has(g) && direction * g.flat / magnitude >= moverShare).sort((a, b) => direction * (b.flat - a.flat));
  const shown = [...explaining, ...movers].slice(0, maxFunctions);
  const notes = [base.note, head.note].filter((n) => !!n && n !== "");
  if (explaining.length === 0) {
    const top = movers.slice(0, 3).map((g) => `${g.frame.function} (${formatDelta2(g.flat, row.unit)} self)`);
    notes.unshift(
      changed.length === 0 ? `the PR changed no profiled Go function; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}` : `no changed function explains this change; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}`
    );
  }
  const paths = learnPaths(groups);
  const functions = shown.map((g) => {
    const c = g.changed;
    return {
      function: c ? c.function : g.frame.function,
      file: c ? c.file : paths(g.frame.file) ?? g.frame.file,
      startLine: c ? c.startLine : g.frame.startLine,
      // 0: the range of a function the PR did not touch is not known here.
      endLine: c ? c.endLine : 0,
      changed: c !== void 0,
      commits: c ? safeCommits(commitsOf, c) : [],
      delta: g.cum,
      share: g.cum / rowDelta,
      flatDelta: g.flat
    };
  });
  return { functions, note: notes.length ? [...new Set(notes)].join("; ") : null };
}
function groupFrames(base, head, changed) {
  const byName2 = /* @__PURE__ */ new Map();
  for (const f of base.functions) byName2.set(f.function, { ...byName2.get(f.function), base: f });
  for (const f of head.functions) byName2.set(f.function, { ...byName2.get(f.function), head: f });
  const headSide = changed.filter((c) => c.side === "head");
  const baseSide = changed.filter((c) => c.side === "base");
  const folded = /* @__PURE__ */ new Map();
  const groups = [];
  for (const [name, pair] of byName2) {
    const c = pair.head ? matchProfileFunction(pair.head, headSide) ?? matchProfileFunction(pair.head, baseSide, { byName: true }) : matchProfileFunction(pair.base, baseSide) ?? matchProfileFunction(pair.base, headSide, { byName: true });
    if (c) {
      const list = folded.get(c) ?? [];
      list.push({ name, ...pair });
      folded.set(c, list);
      continue;
    }
    const flat = (pair.head?.flat ?? 0) - (pair.base?.flat ?? 0);
    const cumBase = pair.base?.cum ?? 0;
    const cumHead = pair.head?.cum ?? 0;
    groups.push({ frame: pair.head ?? pair.base, flat, cum: cumHead - cumBase, cumBase, cumHead });
  }
  for (const [c, frames] of folded) {
    const isClosure = (name) => enclosingFunctionName(name) !== normalizeFunctionName(name);
    const hasDeclared = frames.some((f) => !isClosure(f.name));
    let flat = 0;
    let cumBase = 0;
    let cumHead = 0;
    for (const f of frames) {
      flat += (f.head?.flat ?? 0) - (f.base?.flat ?? 0);
      if (hasDeclared && isClosure(f.name)) continue;
      cumBase += f.base?.cum ?? 0;
      cumHead += f.head?.cum ?? 0;
    }
    const frame = frames[0].head ?? frames[0].base;
    groups.push({ changed: c, frame, flat, cum: cumHead - cumBase, cumBase, cumHead });
  }
  return groups;
}
function creditChanged(groups, direction) {
  const credit = /* @__PURE__ */ new Map();
  const order = [...groups].sort((a, b) => a.cumHead - b.cumHead || a.cumBase - b.cumBase);
  for (const g of order) {
    const own = direction * g.cum;
    if (own <= 0) {
      credit.set(g, own);
      continue;
    }
    let beneath = 0;
    for (const [h, c] of credit) {
      if (c > 0 && h.cumHead <= g.cumHead && h.cumBase <= g.cumBase) beneath += c;
    }
    credit.set(g, Math.min(own, Math.max(own - beneath, direction * g.flat, 0)));
  }
  return credit;
}
function learnPaths(groups) {
  const prefixes = /* @__PURE__ */ new Map();
  for (const g of groups) {
    const c = g.changed;
    if (!c || !sameFile(g.frame.file, c.file, c.pkgPath)) continue;
    const p = g.frame.file.replace(/\\/g, "/");
    if (p === c.file || p.endsWith("/" + c.file)) {
      prefixes.set(p.slice(0, p.length - c.file.length), "");
      continue;
    }
    const from = p.split("/");
    const to = c.file.split("/");
    while (from.length > 0 && to.length > 0 && from[from.length - 1] === to[to.length - 1]) from.pop(), to.pop();
    if (from.length > 0) prefixes.set(from.join("/") + "/", to.length > 0 ? to.join("/") + "/" : "");
  }
  return (file) => {
    const p = file.replace(/\\/g, "/");
    for (const [from, to] of prefixes) if (p.startsWith(from)) return to + p.slice(from.length);
    return void 0;
  };
}
function safeCommits(commitsOf, c) {
  try {
    return commitsOf(c);
  } catch {
    return [];
  }
}

// src/exec.ts
import { spawn } from "node:child_process";
import { StringDecoder } from "node:string_decoder";
var DEFAULT_MAX_OUTPUT = 8 * 1024 * 1024;
var KILL_GRACE_MS = 2e3;
var PIPE_WAIT_MS = 5e3;
var TailBuffer = class {
  constructor(cap) {
    this.cap = cap;
  }
  cap;
  chunks = [];
  size = 0;
  truncated = false;
  push(chunk) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size > 2 * this.cap) this.compact();
  }
  compact() {
    const all = Buffer.concat(this.chunks);
    const tail = all.subarray(all.length - this.cap);
    this.chunks = [Buffer.from(tail)];
    this.size = tail.length;
    this.truncated = true;
  }
  text() {
    if (this.size > this.cap) this.compact();
    return Buffer.concat(this.chunks).toString("utf8");
  }
};
function lineSplitter(onLine) {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  const emit = (text) => {
    pending += text;
    let nl;
    while ((nl = pending.indexOf("\n")) >= 0) {
      onLine(pending.slice(0, nl).replace(/\r$/, ""));
      pending = pending.slice(nl + 1);
    }
  };
  return {
    push: (chunk) => emit(decoder.write(chunk)),
    end: () => {
      emit(decoder.end());
      if (pending !== "") onLine(pending);
      pending = "";
    }
  };
}
function run(cmd, args, opts = {}) {
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const started = Date.now();
  return new Promise((resolve3, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so that a timeout also kills what the child started
      // (`go test` runs the test binary as its own child).
      detached: true
    });
    const out2 = new TailBuffer(cap);
    const err = new TailBuffer(cap);
    const lines = opts.onStdoutLine ? lineSplitter(opts.onStdoutLine) : null;
    let timedOut = false;
    let settled = false;
    const timers = [];
    const stopReading = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const killGroup = (signal) => {
      if (child.pid === void 0) return;
      try {
        process.kill(-child.pid, signal);
      } catch {
      }
    };
    if (opts.timeoutMs !== void 0 && opts.timeoutMs > 0) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          killGroup("SIGTERM");
          timers.push(
            setTimeout(() => {
              killGroup("SIGKILL");
              timers.push(setTimeout(stopReading, PIPE_WAIT_MS));
            }, KILL_GRACE_MS)
          );
        }, opts.timeoutMs)
      );
    }
    child.stdout.on("data", (chunk) => {
      out2.push(chunk);
      lines?.push(chunk);
    });
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (e) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      const hint = e.code === "ENOENT" ? " (is it installed and on PATH?)" : "";
      reject(new BenchgateError(`cannot run ${cmd}: ${e.message}${hint}`, "exec"));
    });
    child.on("exit", () => {
      timers.push(setTimeout(stopReading, PIPE_WAIT_MS));
    });
    child.on("close", (code, signal) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (timedOut) killGroup("SIGKILL");
      lines?.end();
      resolve3({
        code,
        signal,
        stdout: out2.text(),
        stderr: err.text(),
        truncated: out2.truncated || err.truncated,
        timedOut,
        durationMs: Date.now() - started
      });
    });
  });
}

// src/git/git.ts
var QUIET_GIT_ENV = { LC_ALL: "C", GIT_PAGER: "cat", GIT_TERMINAL_PROMPT: "0" };
var LOCAL_TIMEOUT_MS = 6e4;
var FETCH_TIMEOUT_MS = 10 * 6e4;
async function git(args, cwd, opts = {}) {
  const r = await run("git", args, {
    cwd,
    env: { ...opts.env ?? process.env, ...QUIET_GIT_ENV },
    timeoutMs: opts.timeoutMs ?? LOCAL_TIMEOUT_MS,
    maxOutputBytes: opts.maxOutputBytes
  });
  if (r.timedOut) {
    throw new BenchgateError(`git ${args.join(" ")} timed out after ${r.durationMs} ms`, "git");
  }
  if (r.code !== 0) {
    const why = (r.stderr.trim() || r.stdout.trim() || `exit status ${r.code ?? r.signal}`).split("\n").slice(-10).join("\n");
    throw new BenchgateError(`git ${args.join(" ")} failed in ${cwd} (exit code ${r.code}): ${why}`, "git");
  }
  if (r.truncated) {
    throw new BenchgateError(`git ${args.join(" ")} printed more than ${opts.maxOutputBytes ?? "the output limit"} bytes`, "git");
  }
  return r.stdout;
}
async function revParse(ref, cwd, opts) {
  return (await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd, opts).catch(
    () => {
      throw new BenchgateError(`unknown revision ${JSON.stringify(ref)} in ${cwd}`, "git");
    }
  )).trim();
}
async function headSha(cwd, opts) {
  return revParse("HEAD", cwd, opts);
}

// src/git/history.ts
var TIMEOUT_MS = 12e4;
var MAX_BUFFER = 256 * 1024 * 1024;
async function diffBetween(repoDir, baseRef, headRef) {
  checkRef(baseRef);
  if (headRef !== void 0) checkRef(headRef);
  const mergeBase = await mergeBaseOf(repoDir, baseRef, headRef ?? "HEAD");
  return git2(repoDir, [
    "-c",
    "core.quotePath=false",
    "diff",
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--no-relative",
    "-U0",
    "-M",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    mergeBase,
    ...headRef !== void 0 ? [headRef] : [],
    "--"
  ]);
}
async function mergeBaseOf(repoDir, baseRef, headRef) {
  checkRef(baseRef);
  checkRef(headRef);
  const out2 = await git2(repoDir, ["merge-base", baseRef, headRef]).catch((e) => {
    if (e instanceof BenchgateError && /exit code 1\b/.test(e.message)) {
      throw new BenchgateError(`${baseRef} and ${headRef} share no history (no merge base)`, "git");
    }
    throw e;
  });
  return out2.trim();
}
async function commitsTouching(repoDir, baseRef, headRef, file, startLine, endLine) {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) {
    throw new BenchgateError(`bad line range ${startLine},${endLine} for ${file}`, "usage");
  }
  const out2 = await git2(repoDir, ["log", "--no-color", "-s", "--format=%h%x09%s", `-L${startLine},${endLine}:${file}`, prRange(baseRef, headRef)]);
  return parseCommitLines(out2);
}
async function commitsTouchingFile(repoDir, baseRef, headRef, file) {
  const out2 = await git2(repoDir, ["log", "--no-color", "--format=%h%x09%s", prRange(baseRef, headRef), "--", file]);
  return parseCommitLines(out2);
}
function prRange(baseRef, headRef) {
  checkRef(baseRef);
  checkRef(headRef);
  return `${baseRef}..${headRef}`;
}
function parseCommitLines(out2) {
  return out2.split("\n").filter((l) => l.includes("	")).map((l) => {
    const tab = l.indexOf("	");
    return { sha: l.slice(0, tab), subject: l.slice(tab + 1) };
  });
}
function checkRef(ref) {
  if (ref === "" || ref.startsWith("-")) throw new BenchgateError(`not a git ref: "${ref}"`, "usage");
}
function git2(cwd, args) {
  return git(args, cwd, { timeoutMs: TIMEOUT_MS, maxOutputBytes: MAX_BUFFER });
}

// src/pprof/perop.ts
function candidates(name) {
  const noProcs = name.replace(/-\d+$/, "");
  const slash = name.indexOf("/");
  const top = (slash >= 0 ? name.slice(0, slash) : name).replace(/-\d+$/, "");
  return { label: [.../* @__PURE__ */ new Set([name, noProcs])], top, sub: slash >= 0 };
}
function perOpCosts(split, name, unit, perOpValue) {
  const c = candidates(name);
  const result = (slice, note) => {
    const out2 = { package: split.package, name, unit, functions: slice ? scaled2(slice, perOpValue) : [] };
    if (note) out2.note = note;
    return out2;
  };
  for (const l of c.label) {
    const b2 = split.benchmarks.get(l);
    if (b2?.byLabel) return result(b2.all);
  }
  const b = split.benchmarks.get(c.top);
  if (!b || b.all.total === 0) return result(null, `the ${split.sampleType.type || "profile"} profile has no samples for Benchmark${c.top}`);
  if (!c.sub) return result(b.all);
  if (!b.closures || b.closures.total === 0) {
    return result(b.all, `no samples ran inside Benchmark${c.top}'s sub-benchmark closures; costs are shares of the whole benchmark`);
  }
  const closures = b.closureNames.map((n) => `Benchmark${c.top}.${n}`).join(", ");
  return result(
    b.closures,
    `sub-benchmarks of Benchmark${c.top} cannot be told apart by stack (they run in ${closures}) and carry no pprof label: costs are shares of all of them, scaled by this row's value per op`
  );
}
function scaled2(slice, perOp) {
  if (slice.total === 0) return [];
  const k = perOp / slice.total;
  return slice.functions.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat * k, cum: f.cum * k }));
}

// src/pprof/read.ts
import { readFile as readFile2 } from "node:fs/promises";

// src/pprof/decode.ts
import { TextDecoder as TextDecoder2 } from "node:util";

// node_modules/pako/dist/pako.mjs
var Z_FIXED$1 = 4;
var Z_BINARY = 0;
var Z_TEXT = 1;
var Z_UNKNOWN = 2;
function zero$1(buf) {
  let len = buf.length;
  while (--len >= 0) buf[len] = 0;
}
var STORED_BLOCK = 0;
var STATIC_TREES = 1;
var DYN_TREES = 2;
var LENGTH_CODES = 29;
var LITERALS = 256;
var L_CODES = 286;
var D_CODES = 30;
var BL_CODES = 19;
var HEAP_SIZE$1 = 573;
var MAX_BITS = 15;
var Buf_size = 16;
var END_BLOCK = 256;
var REP_3_6 = 16;
var REPZ_3_10 = 17;
var REPZ_11_138 = 18;
var extra_lbits = new Uint8Array([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  1,
  1,
  1,
  1,
  2,
  2,
  2,
  2,
  3,
  3,
  3,
  3,
  4,
  4,
  4,
  4,
  5,
  5,
  5,
  5,
  0
]);
var extra_dbits = new Uint8Array([
  0,
  0,
  0,
  0,
  1,
  1,
  2,
  2,
  3,
  3,
  4,
  4,
  5,
  5,
  6,
  6,
  7,
  7,
  8,
  8,
  9,
  9,
  10,
  10,
  11,
  11,
  12,
  12,
  13,
  13
]);
var extra_blbits = new Uint8Array([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  2,
  3,
  7
]);
var bl_order = new Uint8Array([
  16,
  17,
  18,
  0,
  8,
  7,
  9,
  6,
  10,
  5,
  11,
  4,
  12,
  3,
  13,
  2,
  14,
  1,
  15
]);
var DIST_CODE_LEN = 512;
var static_ltree = new Array(288 * 2);
zero$1(static_ltree);
var static_dtree = new Array(D_CODES * 2);
zero$1(static_dtree);
var _dist_code = new Array(DIST_CODE_LEN);
zero$1(_dist_code);
var _length_code = new Array(256);
zero$1(_length_code);
var base_length = new Array(LENGTH_CODES);
zero$1(base_length);
var base_dist = new Array(D_CODES);
zero$1(base_dist);
var d_code = (dist) => {
  return dist < 256 ? _dist_code[dist] : _dist_code[256 + (dist >>> 7)];
};
var put_short = (s, w) => {
  s.pending_buf[s.pending++] = w & 255;
  s.pending_buf[s.pending++] = w >>> 8 & 255;
};
var send_bits = (s, value, length) => {
  if (s.bi_valid > Buf_size - length) {
    s.bi_buf |= value << s.bi_valid & 65535;
    put_short(s, s.bi_buf);
    s.bi_buf = value >> Buf_size - s.bi_valid;
    s.bi_valid += length - Buf_size;
  } else {
    s.bi_buf |= value << s.bi_valid & 65535;
    s.bi_valid += length;
  }
};
var send_code = (s, c, tree) => {
  send_bits(s, tree[c * 2], tree[c * 2 + 1]);
};
var bi_reverse = (code, len) => {
  let res = 0;
  do {
    res |= code & 1;
    code >>>= 1;
    res <<= 1;
  } while (--len > 0);
  return res >>> 1;
};
var gen_bitlen = (s, desc) => {
  const tree = desc.dyn_tree;
  const max_code = desc.max_code;
  const stree = desc.stat_desc.static_tree;
  const has_stree = desc.stat_desc.has_stree;
  const extra = desc.stat_desc.extra_bits;
  const base = desc.stat_desc.extra_base;
  const max_length = desc.stat_desc.max_length;
  let h;
  let n, m;
  let bits;
  let xbits;
  let f;
  let overflow = 0;
  for (bits = 0; bits <= MAX_BITS; bits++) s.bl_count[bits] = 0;
  tree[s.heap[s.heap_max] * 2 + 1] = 0;
  for (h = s.heap_max + 1; h < HEAP_SIZE$1; h++) {
    n = s.heap[h];
    bits = tree[tree[n * 2 + 1] * 2 + 1] + 1;
    if (bits > max_length) {
      bits = max_length;
      overflow++;
    }
    tree[n * 2 + 1] = bits;
    if (n > max_code) continue;
    s.bl_count[bits]++;
    xbits = 0;
    if (n >= base) xbits = extra[n - base];
    f = tree[n * 2];
    s.opt_len += f * (bits + xbits);
    if (has_stree) s.static_len += f * (stree[n * 2 + 1] + xbits);
  }
  if (overflow === 0) return;
  do {
    bits = max_length - 1;
    while (s.bl_count[bits] === 0) bits--;
    s.bl_count[bits]--;
    s.bl_count[bits + 1] += 2;
    s.bl_count[max_length]--;
    overflow -= 2;
  } while (overflow > 0);
  for (bits = max_length; bits !== 0; bits--) {
    n = s.bl_count[bits];
    while (n !== 0) {
      m = s.heap[--h];
      if (m > max_code) continue;
      if (tree[m * 2 + 1] !== bits) {
        s.opt_len += (bits - tree[m * 2 + 1]) * tree[m * 2];
        tree[m * 2 + 1] = bits;
      }
      n--;
    }
  }
};
var gen_codes = (tree, max_code, bl_count) => {
  const next_code = new Array(16);
  let code = 0;
  let bits;
  let n;
  for (bits = 1; bits <= MAX_BITS; bits++) {
    code = code + bl_count[bits - 1] << 1;
    next_code[bits] = code;
  }
  for (n = 0; n <= max_code; n++) {
    let len = tree[n * 2 + 1];
    if (len === 0) continue;
    tree[n * 2] = bi_reverse(next_code[len]++, len);
  }
};
var init_block = (s) => {
  let n;
  for (n = 0; n < L_CODES; n++) s.dyn_ltree[n * 2] = 0;
  for (n = 0; n < D_CODES; n++) s.dyn_dtree[n * 2] = 0;
  for (n = 0; n < BL_CODES; n++) s.bl_tree[n * 2] = 0;
  s.dyn_ltree[END_BLOCK * 2] = 1;
  s.opt_len = s.static_len = 0;
  s.sym_next = s.matches = 0;
};
var bi_windup = (s) => {
  if (s.bi_valid > 8) put_short(s, s.bi_buf);
  else if (s.bi_valid > 0) s.pending_buf[s.pending++] = s.bi_buf;
  s.bi_buf = 0;
  s.bi_valid = 0;
};
var smaller = (tree, n, m, depth) => {
  const _n2 = n * 2;
  const _m2 = m * 2;
  return tree[_n2] < tree[_m2] || tree[_n2] === tree[_m2] && depth[n] <= depth[m];
};
var pqdownheap = (s, tree, k) => {
  const v = s.heap[k];
  let j = k << 1;
  while (j <= s.heap_len) {
    if (j < s.heap_len && smaller(tree, s.heap[j + 1], s.heap[j], s.depth)) j++;
    if (smaller(tree, v, s.heap[j], s.depth)) break;
    s.heap[k] = s.heap[j];
    k = j;
    j <<= 1;
  }
  s.heap[k] = v;
};
var compress_block = (s, ltree, dtree) => {
  let dist;
  let lc;
  let sx = 0;
  let code;
  let extra;
  if (s.sym_next !== 0) do {
    dist = s.pending_buf[s.sym_buf + sx++] & 255;
    dist += (s.pending_buf[s.sym_buf + sx++] & 255) << 8;
    lc = s.pending_buf[s.sym_buf + sx++];
    if (dist === 0) send_code(s, lc, ltree);
    else {
      code = _length_code[lc];
      send_code(s, code + LITERALS + 1, ltree);
      extra = extra_lbits[code];
      if (extra !== 0) {
        lc -= base_length[code];
        send_bits(s, lc, extra);
      }
      dist--;
      code = d_code(dist);
      send_code(s, code, dtree);
      extra = extra_dbits[code];
      if (extra !== 0) {
        dist -= base_dist[code];
        send_bits(s, dist, extra);
      }
    }
  } while (sx < s.sym_next);
  send_code(s, END_BLOCK, ltree);
};
var build_tree = (s, desc) => {
  const tree = desc.dyn_tree;
  const stree = desc.stat_desc.static_tree;
  const has_stree = desc.stat_desc.has_stree;
  const elems = desc.stat_desc.elems;
  let n, m;
  let max_code = -1;
  let node;
  s.heap_len = 0;
  s.heap_max = HEAP_SIZE$1;
  for (n = 0; n < elems; n++) if (tree[n * 2] !== 0) {
    s.heap[++s.heap_len] = max_code = n;
    s.depth[n] = 0;
  } else tree[n * 2 + 1] = 0;
  while (s.heap_len < 2) {
    node = s.heap[++s.heap_len] = max_code < 2 ? ++max_code : 0;
    tree[node * 2] = 1;
    s.depth[node] = 0;
    s.opt_len--;
    if (has_stree) s.static_len -= stree[node * 2 + 1];
  }
  desc.max_code = max_code;
  for (n = s.heap_len >> 1; n >= 1; n--) pqdownheap(s, tree, n);
  node = elems;
  do {
    n = s.heap[1];
    s.heap[1] = s.heap[s.heap_len--];
    pqdownheap(s, tree, 1);
    m = s.heap[1];
    s.heap[--s.heap_max] = n;
    s.heap[--s.heap_max] = m;
    tree[node * 2] = tree[n * 2] + tree[m * 2];
    s.depth[node] = (s.depth[n] >= s.depth[m] ? s.depth[n] : s.depth[m]) + 1;
    tree[n * 2 + 1] = tree[m * 2 + 1] = node;
    s.heap[1] = node++;
    pqdownheap(s, tree, 1);
  } while (s.heap_len >= 2);
  s.heap[--s.heap_max] = s.heap[1];
  gen_bitlen(s, desc);
  gen_codes(tree, max_code, s.bl_count);
};
var scan_tree = (s, tree, max_code) => {
  let n;
  let prevlen = -1;
  let curlen;
  let nextlen = tree[1];
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  if (nextlen === 0) {
    max_count = 138;
    min_count = 3;
  }
  tree[(max_code + 1) * 2 + 1] = 65535;
  for (n = 0; n <= max_code; n++) {
    curlen = nextlen;
    nextlen = tree[(n + 1) * 2 + 1];
    if (++count < max_count && curlen === nextlen) continue;
    else if (count < min_count) s.bl_tree[curlen * 2] += count;
    else if (curlen !== 0) {
      if (curlen !== prevlen) s.bl_tree[curlen * 2]++;
      s.bl_tree[REP_3_6 * 2]++;
    } else if (count <= 10) s.bl_tree[REPZ_3_10 * 2]++;
    else s.bl_tree[REPZ_11_138 * 2]++;
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    } else if (curlen === nextlen) {
      max_count = 6;
      min_count = 3;
    } else {
      max_count = 7;
      min_count = 4;
    }
  }
};
var send_tree = (s, tree, max_code) => {
  let n;
  let prevlen = -1;
  let curlen;
  let nextlen = tree[1];
  let count = 0;
  let max_count = 7;
  let min_count = 4;
  if (nextlen === 0) {
    max_count = 138;
    min_count = 3;
  }
  for (n = 0; n <= max_code; n++) {
    curlen = nextlen;
    nextlen = tree[(n + 1) * 2 + 1];
    if (++count < max_count && curlen === nextlen) continue;
    else if (count < min_count) do
      send_code(s, curlen, s.bl_tree);
    while (--count !== 0);
    else if (curlen !== 0) {
      if (curlen !== prevlen) {
        send_code(s, curlen, s.bl_tree);
        count--;
      }
      send_code(s, REP_3_6, s.bl_tree);
      send_bits(s, count - 3, 2);
    } else if (count <= 10) {
      send_code(s, REPZ_3_10, s.bl_tree);
      send_bits(s, count - 3, 3);
    } else {
      send_code(s, REPZ_11_138, s.bl_tree);
      send_bits(s, count - 11, 7);
    }
    count = 0;
    prevlen = curlen;
    if (nextlen === 0) {
      max_count = 138;
      min_count = 3;
    } else if (curlen === nextlen) {
      max_count = 6;
      min_count = 3;
    } else {
      max_count = 7;
      min_count = 4;
    }
  }
};
var build_bl_tree = (s) => {
  let max_blindex;
  scan_tree(s, s.dyn_ltree, s.l_desc.max_code);
  scan_tree(s, s.dyn_dtree, s.d_desc.max_code);
  build_tree(s, s.bl_desc);
  for (max_blindex = BL_CODES - 1; max_blindex >= 3; max_blindex--) if (s.bl_tree[bl_order[max_blindex] * 2 + 1] !== 0) break;
  s.opt_len += 3 * (max_blindex + 1) + 5 + 5 + 4;
  return max_blindex;
};
var send_all_trees = (s, lcodes, dcodes, blcodes) => {
  let rank2;
  send_bits(s, lcodes - 257, 5);
  send_bits(s, dcodes - 1, 5);
  send_bits(s, blcodes - 4, 4);
  for (rank2 = 0; rank2 < blcodes; rank2++) send_bits(s, s.bl_tree[bl_order[rank2] * 2 + 1], 3);
  send_tree(s, s.dyn_ltree, lcodes - 1);
  send_tree(s, s.dyn_dtree, dcodes - 1);
};
var detect_data_type = (s) => {
  let block_mask = 4093624447;
  let n;
  for (n = 0; n <= 31; n++, block_mask >>>= 1) if (block_mask & 1 && s.dyn_ltree[n * 2] !== 0) return Z_BINARY;
  if (s.dyn_ltree[18] !== 0 || s.dyn_ltree[20] !== 0 || s.dyn_ltree[26] !== 0) return Z_TEXT;
  for (n = 32; n < LITERALS; n++) if (s.dyn_ltree[n * 2] !== 0) return Z_TEXT;
  return Z_BINARY;
};
var _tr_stored_block = (s, buf, stored_len, last) => {
  send_bits(s, (STORED_BLOCK << 1) + (last ? 1 : 0), 3);
  bi_windup(s);
  put_short(s, stored_len);
  put_short(s, ~stored_len);
  if (stored_len) s.pending_buf.set(s.window.subarray(buf, buf + stored_len), s.pending);
  s.pending += stored_len;
};
var _tr_flush_block = (s, buf, stored_len, last) => {
  let opt_lenb, static_lenb;
  let max_blindex = 0;
  if (s.level > 0) {
    if (s.strm.data_type === Z_UNKNOWN) s.strm.data_type = detect_data_type(s);
    build_tree(s, s.l_desc);
    build_tree(s, s.d_desc);
    max_blindex = build_bl_tree(s);
    opt_lenb = s.opt_len + 3 + 7 >>> 3;
    static_lenb = s.static_len + 3 + 7 >>> 3;
    if (static_lenb <= opt_lenb || s.strategy === Z_FIXED$1) opt_lenb = static_lenb;
  } else opt_lenb = static_lenb = stored_len + 5;
  if (stored_len + 4 <= opt_lenb && buf !== -1) _tr_stored_block(s, buf, stored_len, last);
  else if (s.strategy === Z_FIXED$1 || static_lenb === opt_lenb) {
    send_bits(s, (STATIC_TREES << 1) + (last ? 1 : 0), 3);
    compress_block(s, static_ltree, static_dtree);
  } else {
    send_bits(s, (DYN_TREES << 1) + (last ? 1 : 0), 3);
    send_all_trees(s, s.l_desc.max_code + 1, s.d_desc.max_code + 1, max_blindex + 1);
    compress_block(s, s.dyn_ltree, s.dyn_dtree);
  }
  init_block(s);
  if (last) bi_windup(s);
};
var _tr_tally = (s, dist, lc) => {
  s.pending_buf[s.sym_buf + s.sym_next++] = dist;
  s.pending_buf[s.sym_buf + s.sym_next++] = dist >> 8;
  s.pending_buf[s.sym_buf + s.sym_next++] = lc;
  if (dist === 0) s.dyn_ltree[lc * 2]++;
  else {
    s.matches++;
    dist--;
    s.dyn_ltree[(_length_code[lc] + LITERALS + 1) * 2]++;
    s.dyn_dtree[d_code(dist) * 2]++;
  }
  return s.sym_next === s.sym_end;
};
var adler32 = (adler, buf, len, pos) => {
  let s1 = adler & 65535 | 0, s2 = adler >>> 16 & 65535 | 0, n = 0;
  while (len !== 0) {
    n = len > 2e3 ? 2e3 : len;
    len -= n;
    do {
      s1 = s1 + buf[pos++] | 0;
      s2 = s2 + s1 | 0;
    } while (--n);
    s1 %= 65521;
    s2 %= 65521;
  }
  return s1 | s2 << 16 | 0;
};
var makeTable = () => {
  const table = new Uint32Array(256 * 8);
  let c;
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 3988292384 ^ c >>> 1 : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    c = table[n];
    for (let k = 256; k < 256 * 8; k += 256) {
      c = table[c & 255] ^ c >>> 8;
      table[k + n] = c;
    }
  }
  return table;
};
var crcTable = makeTable();
var crc32 = (crc, buf, len, pos) => {
  const t = crcTable;
  const end = pos + len;
  let i = pos;
  crc ^= -1;
  for (const end8 = end - 7; i < end8; i += 8) {
    crc ^= buf[i] | buf[i + 1] << 8 | buf[i + 2] << 16 | buf[i + 3] << 24;
    crc = t[1792 + (crc & 255)] ^ t[1536 + (crc >>> 8 & 255)] ^ t[1280 + (crc >>> 16 & 255)] ^ t[1024 + (crc >>> 24)] ^ t[768 + buf[i + 4]] ^ t[512 + buf[i + 5]] ^ t[256 + buf[i + 6]] ^ t[buf[i + 7]];
  }
  for (; i < end; i++) crc = crc >>> 8 ^ t[(crc ^ buf[i]) & 255];
  return crc ^ -1;
};
var messages_default = {
  2: "need dictionary",
  1: "stream end",
  0: "",
  "-1": "file error",
  "-2": "stream error",
  "-3": "data error",
  "-4": "insufficient memory",
  "-5": "buffer error",
  "-6": "incompatible version"
};
var MIN_MATCH = 3;
var MAX_MATCH = 258;
var MIN_LOOKAHEAD = 262;
var BS_NEED_MORE = 1;
var BS_BLOCK_DONE = 2;
var BS_FINISH_STARTED = 3;
var BS_FINISH_DONE = 4;
var slide_hash = (s) => {
  let n, m;
  let p;
  let wsize = s.w_size;
  n = s.hash_size;
  p = n;
  do {
    m = s.head[--p];
    s.head[p] = m >= wsize ? m - wsize : 0;
  } while (--n);
  n = wsize;
  p = n;
  do {
    m = s.prev[--p];
    s.prev[p] = m >= wsize ? m - wsize : 0;
  } while (--n);
};
var HASH = (s, prev, data) => (prev << s.hash_shift ^ data) & s.hash_mask;
var INSERT_STRING = (s, str2) => {
  let h;
  if (s.legacy_hash) h = s.ins_h = HASH(s, s.ins_h, s.window[str2 + MIN_MATCH - 1]);
  else {
    const w = s.window;
    const value = w[str2] | w[str2 + 1] << 8 | w[str2 + 2] << 16 | w[str2 + 3] << 24;
    h = s.ins_h = Math.imul(value, 66521) + 66521 >>> 16 & s.hash_mask;
  }
  const hash_head = s.prev[str2 & s.w_mask] = s.head[h];
  s.head[h] = str2;
  return hash_head;
};
var flush_pending = (strm) => {
  const s = strm.state;
  let len = s.pending;
  if (len > strm.avail_out) len = strm.avail_out;
  if (len === 0) return;
  strm.output.set(s.pending_buf.subarray(s.pending_out, s.pending_out + len), strm.next_out);
  strm.next_out += len;
  s.pending_out += len;
  strm.total_out += len;
  strm.avail_out -= len;
  s.pending -= len;
  if (s.pending === 0) s.pending_out = 0;
};
var flush_block_only = (s, last) => {
  _tr_flush_block(s, s.block_start >= 0 ? s.block_start : -1, s.strstart - s.block_start, last);
  s.block_start = s.strstart;
  flush_pending(s.strm);
};
var read_buf = (strm, buf, start, size) => {
  let len = strm.avail_in;
  if (len > size) len = size;
  if (len === 0) return 0;
  strm.avail_in -= len;
  buf.set(strm.input.subarray(strm.next_in, strm.next_in + len), start);
  if (strm.state.wrap === 1) strm.adler = adler32(strm.adler, buf, len, start);
  else if (strm.state.wrap === 2) strm.adler = crc32(strm.adler, buf, len, start);
  strm.next_in += len;
  strm.total_in += len;
  return len;
};
var longest_match = (s, cur_match) => {
  let chain_length = s.max_chain_length;
  let scan = s.strstart;
  let match;
  let len;
  let best_len = s.prev_length;
  let nice_match = s.nice_match;
  const limit = s.strstart > s.w_size - MIN_LOOKAHEAD ? s.strstart - (s.w_size - MIN_LOOKAHEAD) : 0;
  const _win = s.window;
  const wmask = s.w_mask;
  const prev = s.prev;
  const strend = s.strstart + MAX_MATCH;
  let scan_end1 = _win[scan + best_len - 1];
  let scan_end = _win[scan + best_len];
  if (s.prev_length >= s.good_match) chain_length >>= 2;
  if (nice_match > s.lookahead) nice_match = s.lookahead;
  do {
    match = cur_match;
    if (_win[match + best_len] !== scan_end || _win[match + best_len - 1] !== scan_end1 || _win[match] !== _win[scan] || _win[++match] !== _win[scan + 1]) continue;
    scan += 2;
    match++;
    do
      ;
    while (_win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && _win[++scan] === _win[++match] && scan < strend);
    len = MAX_MATCH - (strend - scan);
    scan = strend - MAX_MATCH;
    if (len > best_len) {
      s.match_start = cur_match;
      best_len = len;
      if (len >= nice_match) break;
      scan_end1 = _win[scan + best_len - 1];
      scan_end = _win[scan + best_len];
    }
  } while ((cur_match = prev[cur_match & wmask]) > limit && --chain_length !== 0);
  if (best_len <= s.lookahead) return best_len;
  return s.lookahead;
};
var fill_window = (s) => {
  const _w_size = s.w_size;
  let n, more, str2;
  do {
    more = s.window_size - s.lookahead - s.strstart;
    if (s.strstart >= _w_size + (_w_size - MIN_LOOKAHEAD)) {
      s.window.set(s.window.subarray(_w_size, _w_size + _w_size - more), 0);
      s.match_start -= _w_size;
      s.strstart -= _w_size;
      s.block_start -= _w_size;
      if (s.insert > s.strstart) s.insert = s.strstart;
      slide_hash(s);
      more += _w_size;
    }
    if (s.strm.avail_in === 0) break;
    n = read_buf(s.strm, s.window, s.strstart + s.lookahead, more);
    s.lookahead += n;
    if (!s.legacy_hash) {
      if (s.lookahead + s.insert > MIN_MATCH) {
        str2 = s.strstart - s.insert;
        while (s.insert) {
          INSERT_STRING(s, str2);
          str2++;
          s.insert--;
          if (s.lookahead + s.insert <= MIN_MATCH) break;
        }
      }
    } else if (s.lookahead + s.insert >= MIN_MATCH) {
      str2 = s.strstart - s.insert;
      s.ins_h = s.window[str2];
      s.ins_h = HASH(s, s.ins_h, s.window[str2 + 1]);
      while (s.insert) {
        INSERT_STRING(s, str2);
        str2++;
        s.insert--;
        if (s.lookahead + s.insert < MIN_MATCH) break;
      }
    }
  } while (s.lookahead < MIN_LOOKAHEAD && s.strm.avail_in !== 0);
};
var deflate_stored = (s, flush) => {
  let min_block = s.pending_buf_size - 5 > s.w_size ? s.w_size : s.pending_buf_size - 5;
  let len, left, have, last = 0;
  let used = s.strm.avail_in;
  do {
    len = 65535;
    have = s.bi_valid + 42 >> 3;
    if (s.strm.avail_out < have) break;
    have = s.strm.avail_out - have;
    left = s.strstart - s.block_start;
    if (len > left + s.strm.avail_in) len = left + s.strm.avail_in;
    if (len > have) len = have;
    if (len < min_block && (len === 0 && flush !== 4 || flush === 0 || len !== left + s.strm.avail_in)) break;
    last = flush === 4 && len === left + s.strm.avail_in ? 1 : 0;
    _tr_stored_block(s, 0, 0, last);
    s.pending_buf[s.pending - 4] = len;
    s.pending_buf[s.pending - 3] = len >> 8;
    s.pending_buf[s.pending - 2] = ~len;
    s.pending_buf[s.pending - 1] = ~len >> 8;
    flush_pending(s.strm);
    if (left) {
      if (left > len) left = len;
      s.strm.output.set(s.window.subarray(s.block_start, s.block_start + left), s.strm.next_out);
      s.strm.next_out += left;
      s.strm.avail_out -= left;
      s.strm.total_out += left;
      s.block_start += left;
      len -= left;
    }
    if (len) {
      read_buf(s.strm, s.strm.output, s.strm.next_out, len);
      s.strm.next_out += len;
      s.strm.avail_out -= len;
      s.strm.total_out += len;
    }
  } while (last === 0);
  used -= s.strm.avail_in;
  if (used) {
    if (used >= s.w_size) {
      s.matches = 2;
      s.window.set(s.strm.input.subarray(s.strm.next_in - s.w_size, s.strm.next_in), 0);
      s.strstart = s.w_size;
      s.insert = s.strstart;
    } else {
      if (s.window_size - s.strstart <= used) {
        s.strstart -= s.w_size;
        s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
        if (s.matches < 2) s.matches++;
        if (s.insert > s.strstart) s.insert = s.strstart;
      }
      s.window.set(s.strm.input.subarray(s.strm.next_in - used, s.strm.next_in), s.strstart);
      s.strstart += used;
      s.insert += used > s.w_size - s.insert ? s.w_size - s.insert : used;
    }
    s.block_start = s.strstart;
  }
  if (s.high_water < s.strstart) s.high_water = s.strstart;
  if (last) return BS_FINISH_DONE;
  if (flush !== 0 && flush !== 4 && s.strm.avail_in === 0 && s.strstart === s.block_start) return BS_BLOCK_DONE;
  have = s.window_size - s.strstart;
  if (s.strm.avail_in > have && s.block_start >= s.w_size) {
    s.block_start -= s.w_size;
    s.strstart -= s.w_size;
    s.window.set(s.window.subarray(s.w_size, s.w_size + s.strstart), 0);
    if (s.matches < 2) s.matches++;
    have += s.w_size;
    if (s.insert > s.strstart) s.insert = s.strstart;
  }
  if (have > s.strm.avail_in) have = s.strm.avail_in;
  if (have) {
    read_buf(s.strm, s.window, s.strstart, have);
    s.strstart += have;
    s.insert += have > s.w_size - s.insert ? s.w_size - s.insert : have;
  }
  if (s.high_water < s.strstart) s.high_water = s.strstart;
  have = s.bi_valid + 42 >> 3;
  have = s.pending_buf_size - have > 65535 ? 65535 : s.pending_buf_size - have;
  min_block = have > s.w_size ? s.w_size : have;
  left = s.strstart - s.block_start;
  if (left >= min_block || (left || flush === 4) && flush !== 0 && s.strm.avail_in === 0 && left <= have) {
    len = left > have ? have : left;
    last = flush === 4 && s.strm.avail_in === 0 && len === left ? 1 : 0;
    _tr_stored_block(s, s.block_start, len, last);
    s.block_start += len;
    flush_pending(s.strm);
  }
  return last ? BS_FINISH_STARTED : BS_NEED_MORE;
};
var deflate_fast = (s, flush) => {
  let hash_head;
  let bflush;
  for (; ; ) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === 0) return BS_NEED_MORE;
      if (s.lookahead === 0) break;
    }
    hash_head = 0;
    if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
    if (hash_head !== 0 && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) s.match_length = longest_match(s, hash_head);
    if (s.match_length >= MIN_MATCH) {
      bflush = _tr_tally(s, s.strstart - s.match_start, s.match_length - MIN_MATCH);
      s.lookahead -= s.match_length;
      if (s.match_length <= s.max_lazy_match && s.lookahead >= MIN_MATCH) {
        s.match_length--;
        do {
          s.strstart++;
          hash_head = INSERT_STRING(s, s.strstart);
        } while (--s.match_length !== 0);
        s.strstart++;
      } else {
        s.strstart += s.match_length;
        s.match_length = 0;
        if (s.legacy_hash) {
          s.ins_h = s.window[s.strstart];
          s.ins_h = HASH(s, s.ins_h, s.window[s.strstart + 1]);
        }
      }
    } else {
      bflush = _tr_tally(s, 0, s.window[s.strstart]);
      s.lookahead--;
      s.strstart++;
    }
    if (bflush) {
      flush_block_only(s, false);
      if (s.strm.avail_out === 0) return BS_NEED_MORE;
    }
  }
  s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
  if (flush === 4) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) return BS_NEED_MORE;
  }
  return BS_BLOCK_DONE;
};
var deflate_slow = (s, flush) => {
  let hash_head;
  let bflush;
  let max_insert;
  for (; ; ) {
    if (s.lookahead < MIN_LOOKAHEAD) {
      fill_window(s);
      if (s.lookahead < MIN_LOOKAHEAD && flush === 0) return BS_NEED_MORE;
      if (s.lookahead === 0) break;
    }
    hash_head = 0;
    if (s.lookahead >= MIN_MATCH) hash_head = INSERT_STRING(s, s.strstart);
    s.prev_length = s.match_length;
    s.prev_match = s.match_start;
    s.match_length = MIN_MATCH - 1;
    if (hash_head !== 0 && s.prev_length < s.max_lazy_match && s.strstart - hash_head <= s.w_size - MIN_LOOKAHEAD) {
      s.match_length = longest_match(s, hash_head);
      if (s.match_length <= 5 && (s.strategy === 1 || s.match_length === MIN_MATCH && s.strstart - s.match_start > 4096)) s.match_length = MIN_MATCH - 1;
    }
    if (s.prev_length >= MIN_MATCH && s.match_length <= s.prev_length) {
      max_insert = s.strstart + s.lookahead - MIN_MATCH;
      bflush = _tr_tally(s, s.strstart - 1 - s.prev_match, s.prev_length - MIN_MATCH);
      s.lookahead -= s.prev_length - 1;
      s.prev_length -= 2;
      do
        if (++s.strstart <= max_insert) hash_head = INSERT_STRING(s, s.strstart);
      while (--s.prev_length !== 0);
      s.match_available = 0;
      s.match_length = MIN_MATCH - 1;
      s.strstart++;
      if (bflush) {
        flush_block_only(s, false);
        if (s.strm.avail_out === 0) return BS_NEED_MORE;
      }
    } else if (s.match_available) {
      bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
      if (bflush)
        flush_block_only(s, false);
      s.strstart++;
      s.lookahead--;
      if (s.strm.avail_out === 0) return BS_NEED_MORE;
    } else {
      s.match_available = 1;
      s.strstart++;
      s.lookahead--;
    }
  }
  if (s.match_available) {
    bflush = _tr_tally(s, 0, s.window[s.strstart - 1]);
    s.match_available = 0;
  }
  s.insert = s.strstart < MIN_MATCH - 1 ? s.strstart : MIN_MATCH - 1;
  if (flush === 4) {
    flush_block_only(s, true);
    if (s.strm.avail_out === 0) return BS_FINISH_STARTED;
    return BS_FINISH_DONE;
  }
  if (s.sym_next) {
    flush_block_only(s, false);
    if (s.strm.avail_out === 0) return BS_NEED_MORE;
  }
  return BS_BLOCK_DONE;
};
var Config = class {
  constructor(good_length, max_lazy, nice_length, max_chain, func) {
    this.good_length = good_length;
    this.max_lazy = max_lazy;
    this.nice_length = nice_length;
    this.max_chain = max_chain;
    this.func = func;
  }
};
var configuration_table = [
  new Config(0, 0, 0, 0, deflate_stored),
  new Config(4, 4, 8, 4, deflate_fast),
  new Config(4, 5, 16, 8, deflate_fast),
  new Config(4, 6, 32, 32, deflate_fast),
  new Config(4, 4, 16, 16, deflate_slow),
  new Config(8, 16, 32, 32, deflate_slow),
  new Config(8, 16, 128, 128, deflate_slow),
  new Config(8, 32, 128, 256, deflate_slow),
  new Config(32, 128, 258, 1024, deflate_slow),
  new Config(32, 258, 258, 4096, deflate_slow)
];
var BAD$1 = 16209;
var TYPE$1 = 16191;
function inflate_fast(strm, start) {
  let _in;
  let last;
  let _out;
  let beg;
  let end;
  let dmax;
  let wsize;
  let whave;
  let wnext;
  let s_window;
  let hold;
  let bits;
  let lcode;
  let dcode;
  let lmask;
  let dmask;
  let here;
  let op;
  let len;
  let dist;
  let from;
  let from_source;
  let input, output;
  const state = strm.state;
  _in = strm.next_in;
  input = strm.input;
  last = _in + (strm.avail_in - 5);
  _out = strm.next_out;
  output = strm.output;
  beg = _out - (start - strm.avail_out);
  end = _out + (strm.avail_out - 257);
  dmax = state.dmax;
  wsize = state.wsize;
  whave = state.whave;
  wnext = state.wnext;
  s_window = state.window;
  hold = state.hold;
  bits = state.bits;
  lcode = state.lencode;
  dcode = state.distcode;
  lmask = (1 << state.lenbits) - 1;
  dmask = (1 << state.distbits) - 1;
  top: do {
    if (bits < 15) {
      hold += input[_in++] << bits;
      bits += 8;
      hold += input[_in++] << bits;
      bits += 8;
    }
    here = lcode[hold & lmask];
    dolen: for (; ; ) {
      op = here >>> 24;
      hold >>>= op;
      bits -= op;
      op = here >>> 16 & 255;
      if (op === 0) output[_out++] = here & 65535;
      else if (op & 16) {
        len = here & 65535;
        op &= 15;
        if (op) {
          if (bits < op) {
            hold += input[_in++] << bits;
            bits += 8;
          }
          len += hold & (1 << op) - 1;
          hold >>>= op;
          bits -= op;
        }
        if (bits < 15) {
          hold += input[_in++] << bits;
          bits += 8;
          hold += input[_in++] << bits;
          bits += 8;
        }
        here = dcode[hold & dmask];
        dodist: for (; ; ) {
          op = here >>> 24;
          hold >>>= op;
          bits -= op;
          op = here >>> 16 & 255;
          if (op & 16) {
            dist = here & 65535;
            op &= 15;
            if (bits < op) {
              hold += input[_in++] << bits;
              bits += 8;
              if (bits < op) {
                hold += input[_in++] << bits;
                bits += 8;
              }
            }
            dist += hold & (1 << op) - 1;
            if (dist > dmax) {
              strm.msg = "invalid distance too far back";
              state.mode = BAD$1;
              break top;
            }
            hold >>>= op;
            bits -= op;
            op = _out - beg;
            if (dist > op) {
              op = dist - op;
              if (op > whave) {
                if (state.sane) {
                  strm.msg = "invalid distance too far back";
                  state.mode = BAD$1;
                  break top;
                }
              }
              from = 0;
              from_source = s_window;
              if (wnext === 0) {
                from += wsize - op;
                if (op < len) {
                  len -= op;
                  do
                    output[_out++] = s_window[from++];
                  while (--op);
                  from = _out - dist;
                  from_source = output;
                }
              } else if (wnext < op) {
                from += wsize + wnext - op;
                op -= wnext;
                if (op < len) {
                  len -= op;
                  do
                    output[_out++] = s_window[from++];
                  while (--op);
                  from = 0;
                  if (wnext < len) {
                    op = wnext;
                    len -= op;
                    do
                      output[_out++] = s_window[from++];
                    while (--op);
                    from = _out - dist;
                    from_source = output;
                  }
                }
              } else {
                from += wnext - op;
                if (op < len) {
                  len -= op;
                  do
                    output[_out++] = s_window[from++];
                  while (--op);
                  from = _out - dist;
                  from_source = output;
                }
              }
              while (len > 2) {
                output[_out++] = from_source[from++];
                output[_out++] = from_source[from++];
                output[_out++] = from_source[from++];
                len -= 3;
              }
              if (len) {
                output[_out++] = from_source[from++];
                if (len > 1) output[_out++] = from_source[from++];
              }
            } else {
              from = _out - dist;
              do {
                output[_out++] = output[from++];
                output[_out++] = output[from++];
                output[_out++] = output[from++];
                len -= 3;
              } while (len > 2);
              if (len) {
                output[_out++] = output[from++];
                if (len > 1) output[_out++] = output[from++];
              }
            }
          } else if ((op & 64) === 0) {
            here = dcode[(here & 65535) + (hold & (1 << op) - 1)];
            continue dodist;
          } else {
            strm.msg = "invalid distance code";
            state.mode = BAD$1;
            break top;
          }
          break;
        }
      } else if ((op & 64) === 0) {
        here = lcode[(here & 65535) + (hold & (1 << op) - 1)];
        continue dolen;
      } else if (op & 32) {
        state.mode = TYPE$1;
        break top;
      } else {
        strm.msg = "invalid literal/length code";
        state.mode = BAD$1;
        break top;
      }
      break;
    }
  } while (_in < last && _out < end);
  len = bits >> 3;
  _in -= len;
  bits -= len << 3;
  hold &= (1 << bits) - 1;
  strm.next_in = _in;
  strm.next_out = _out;
  strm.avail_in = _in < last ? 5 + (last - _in) : 5 - (_in - last);
  strm.avail_out = _out < end ? 257 + (end - _out) : 257 - (_out - end);
  state.hold = hold;
  state.bits = bits;
}
var MAXBITS = 15;
var ENOUGH_LENS$1 = 852;
var ENOUGH_DISTS$1 = 592;
var CODES$1 = 0;
var LENS$1 = 1;
var DISTS$1 = 2;
var lbase = new Uint16Array([
  3,
  4,
  5,
  6,
  7,
  8,
  9,
  10,
  11,
  13,
  15,
  17,
  19,
  23,
  27,
  31,
  35,
  43,
  51,
  59,
  67,
  83,
  99,
  115,
  131,
  163,
  195,
  227,
  258,
  0,
  0
]);
var lext = new Uint8Array([
  16,
  16,
  16,
  16,
  16,
  16,
  16,
  16,
  17,
  17,
  17,
  17,
  18,
  18,
  18,
  18,
  19,
  19,
  19,
  19,
  20,
  20,
  20,
  20,
  21,
  21,
  21,
  21,
  16,
  199,
  75
]);
var dbase = new Uint16Array([
  1,
  2,
  3,
  4,
  5,
  7,
  9,
  13,
  17,
  25,
  33,
  49,
  65,
  97,
  129,
  193,
  257,
  385,
  513,
  769,
  1025,
  1537,
  2049,
  3073,
  4097,
  6145,
  8193,
  12289,
  16385,
  24577,
  0,
  0
]);
var dext = new Uint8Array([
  16,
  16,
  16,
  16,
  17,
  17,
  18,
  18,
  19,
  19,
  20,
  20,
  21,
  21,
  22,
  22,
  23,
  23,
  24,
  24,
  25,
  25,
  26,
  26,
  27,
  27,
  28,
  28,
  29,
  29,
  64,
  64
]);
var inflate_table = (type, lens, lens_index, codes, table, table_index, work, opts) => {
  const bits = opts.bits;
  let len = 0;
  let sym = 0;
  let min = 0, max = 0;
  let root = 0;
  let curr = 0;
  let drop = 0;
  let left = 0;
  let used = 0;
  let huff = 0;
  let incr;
  let fill;
  let low;
  let mask;
  let next;
  let base = null;
  let match;
  const count = /* @__PURE__ */ new Uint16Array(16);
  const offs = /* @__PURE__ */ new Uint16Array(16);
  let extra = null;
  let here_bits, here_op, here_val;
  for (len = 0; len <= MAXBITS; len++) count[len] = 0;
  for (sym = 0; sym < codes; sym++) count[lens[lens_index + sym]]++;
  root = bits;
  for (max = MAXBITS; max >= 1; max--) if (count[max] !== 0) break;
  if (root > max) root = max;
  if (max === 0) {
    table[table_index++] = 20971520;
    table[table_index++] = 20971520;
    opts.bits = 1;
    return 0;
  }
  for (min = 1; min < max; min++) if (count[min] !== 0) break;
  if (root < min) root = min;
  left = 1;
  for (len = 1; len <= MAXBITS; len++) {
    left <<= 1;
    left -= count[len];
    if (left < 0) return -1;
  }
  if (left > 0 && (type === CODES$1 || max !== 1)) return -1;
  offs[1] = 0;
  for (len = 1; len < MAXBITS; len++) offs[len + 1] = offs[len] + count[len];
  for (sym = 0; sym < codes; sym++) if (lens[lens_index + sym] !== 0) work[offs[lens[lens_index + sym]]++] = sym;
  if (type === CODES$1) {
    base = extra = work;
    match = 20;
  } else if (type === LENS$1) {
    base = lbase;
    extra = lext;
    match = 257;
  } else {
    base = dbase;
    extra = dext;
    match = 0;
  }
  huff = 0;
  sym = 0;
  len = min;
  next = table_index;
  curr = root;
  drop = 0;
  low = -1;
  used = 1 << root;
  mask = used - 1;
  if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) return 1;
  for (; ; ) {
    here_bits = len - drop;
    if (work[sym] + 1 < match) {
      here_op = 0;
      here_val = work[sym];
    } else if (work[sym] >= match) {
      here_op = extra[work[sym] - match];
      here_val = base[work[sym] - match];
    } else {
      here_op = 96;
      here_val = 0;
    }
    incr = 1 << len - drop;
    fill = 1 << curr;
    min = fill;
    do {
      fill -= incr;
      table[next + (huff >> drop) + fill] = here_bits << 24 | here_op << 16 | here_val | 0;
    } while (fill !== 0);
    incr = 1 << len - 1;
    while (huff & incr) incr >>= 1;
    if (incr !== 0) {
      huff &= incr - 1;
      huff += incr;
    } else huff = 0;
    sym++;
    if (--count[len] === 0) {
      if (len === max) break;
      len = lens[lens_index + work[sym]];
    }
    if (len > root && (huff & mask) !== low) {
      if (drop === 0) drop = root;
      next += min;
      curr = len - drop;
      left = 1 << curr;
      while (curr + drop < max) {
        left -= count[curr + drop];
        if (left <= 0) break;
        curr++;
        left <<= 1;
      }
      used += 1 << curr;
      if (type === LENS$1 && used > ENOUGH_LENS$1 || type === DISTS$1 && used > ENOUGH_DISTS$1) return 1;
      low = huff & mask;
      table[low] = root << 24 | curr << 16 | next - table_index | 0;
    }
  }
  if (huff !== 0) table[next + huff] = len - drop << 24 | 4194304;
  opts.bits = root;
  return 0;
};
var CODES = 0;
var LENS = 1;
var DISTS = 2;
var HEAD = 16180;
var FLAGS = 16181;
var TIME2 = 16182;
var OS = 16183;
var EXLEN = 16184;
var EXTRA = 16185;
var NAME = 16186;
var COMMENT = 16187;
var HCRC = 16188;
var DICTID = 16189;
var DICT = 16190;
var TYPE = 16191;
var TYPEDO = 16192;
var STORED = 16193;
var COPY_ = 16194;
var COPY = 16195;
var TABLE = 16196;
var LENLENS = 16197;
var CODELENS = 16198;
var LEN_ = 16199;
var LEN = 16200;
var LENEXT = 16201;
var DIST = 16202;
var DISTEXT = 16203;
var MATCH = 16204;
var LIT = 16205;
var CHECK = 16206;
var LENGTH = 16207;
var DONE = 16208;
var BAD = 16209;
var MEM = 16210;
var SYNC = 16211;
var ENOUGH_LENS = 852;
var ENOUGH_DISTS = 592;
var zswap32 = (q) => {
  return (q >>> 24 & 255) + (q >>> 8 & 65280) + ((q & 65280) << 8) + ((q & 255) << 24);
};
var InflateState = class {
  constructor() {
    this.strm = null;
    this.mode = 0;
    this.last = false;
    this.wrap = 0;
    this.havedict = false;
    this.flags = 0;
    this.dmax = 0;
    this.check = 0;
    this.total = 0;
    this.head = null;
    this.wbits = 0;
    this.wsize = 0;
    this.whave = 0;
    this.wnext = 0;
    this.window = null;
    this.hold = 0;
    this.bits = 0;
    this.length = 0;
    this.offset = 0;
    this.extra = 0;
    this.lencode = null;
    this.distcode = null;
    this.lenbits = 0;
    this.distbits = 0;
    this.ncode = 0;
    this.nlen = 0;
    this.ndist = 0;
    this.have = 0;
    this.next = null;
    this.lens = /* @__PURE__ */ new Uint16Array(320);
    this.work = /* @__PURE__ */ new Uint16Array(288);
    this.lendyn = null;
    this.distdyn = null;
    this.sane = 0;
    this.back = 0;
    this.was = 0;
  }
};
var inflateStateCheck = (strm) => {
  if (!strm) return 1;
  const state = strm.state;
  if (!state || state.strm !== strm || state.mode < HEAD || state.mode > SYNC) return 1;
  return 0;
};
var inflateResetKeep = (strm) => {
  if (inflateStateCheck(strm)) return -2;
  const state = strm.state;
  strm.total_in = strm.total_out = state.total = 0;
  strm.msg = "";
  if (state.wrap) strm.adler = state.wrap & 1;
  state.mode = HEAD;
  state.last = 0;
  state.havedict = 0;
  state.flags = -1;
  state.dmax = 32768;
  state.head = null;
  state.hold = 0;
  state.bits = 0;
  state.lencode = state.lendyn = new Int32Array(ENOUGH_LENS);
  state.distcode = state.distdyn = new Int32Array(ENOUGH_DISTS);
  state.sane = 1;
  state.back = -1;
  return 0;
};
var inflateReset = (strm) => {
  if (inflateStateCheck(strm)) return -2;
  const state = strm.state;
  state.wsize = 0;
  state.whave = 0;
  state.wnext = 0;
  return inflateResetKeep(strm);
};
var inflateReset2 = (strm, windowBits) => {
  let wrap;
  if (inflateStateCheck(strm)) return -2;
  const state = strm.state;
  if (windowBits < 0) {
    wrap = 0;
    windowBits = -windowBits;
  } else {
    wrap = (windowBits >> 4) + 5;
    if (windowBits < 48) windowBits &= 15;
  }
  if (windowBits && (windowBits < 8 || windowBits > 15)) return -2;
  if (state.window !== null && state.wbits !== windowBits) state.window = null;
  state.wrap = wrap;
  state.wbits = windowBits;
  return inflateReset(strm);
};
var inflateInit2 = (strm, windowBits) => {
  if (!strm) return -2;
  const state = new InflateState();
  strm.state = state;
  state.strm = strm;
  state.window = null;
  state.mode = HEAD;
  const ret = inflateReset2(strm, windowBits);
  if (ret !== 0) strm.state = null;
  return ret;
};
var virgin = true;
var lenfix;
var distfix;
var fixedtables = (state) => {
  if (virgin) {
    lenfix = /* @__PURE__ */ new Int32Array(512);
    distfix = /* @__PURE__ */ new Int32Array(32);
    let sym = 0;
    while (sym < 144) state.lens[sym++] = 8;
    while (sym < 256) state.lens[sym++] = 9;
    while (sym < 280) state.lens[sym++] = 7;
    while (sym < 288) state.lens[sym++] = 8;
    inflate_table(LENS, state.lens, 0, 288, lenfix, 0, state.work, { bits: 9 });
    sym = 0;
    while (sym < 32) state.lens[sym++] = 5;
    inflate_table(DISTS, state.lens, 0, 32, distfix, 0, state.work, { bits: 5 });
    virgin = false;
  }
  state.lencode = lenfix;
  state.lenbits = 9;
  state.distcode = distfix;
  state.distbits = 5;
};
var updatewindow = (strm, src, end, copy) => {
  let dist;
  const state = strm.state;
  if (state.window === null) state.window = new Uint8Array(1 << state.wbits);
  if (state.wsize === 0) {
    state.wsize = 1 << state.wbits;
    state.wnext = 0;
    state.whave = 0;
  }
  if (copy >= state.wsize) {
    state.window.set(src.subarray(end - state.wsize, end), 0);
    state.wnext = 0;
    state.whave = state.wsize;
  } else {
    dist = state.wsize - state.wnext;
    if (dist > copy) dist = copy;
    state.window.set(src.subarray(end - copy, end - copy + dist), state.wnext);
    copy -= dist;
    if (copy) {
      state.window.set(src.subarray(end - copy, end), 0);
      state.wnext = copy;
      state.whave = state.wsize;
    } else {
      state.wnext += dist;
      if (state.wnext === state.wsize) state.wnext = 0;
      if (state.whave < state.wsize) state.whave += dist;
    }
  }
  return 0;
};
var inflate$1 = (strm, flush) => {
  let state;
  let input, output;
  let next;
  let put;
  let have, left;
  let hold;
  let bits;
  let _in, _out;
  let copy;
  let from;
  let from_source;
  let here = 0;
  let here_bits, here_op, here_val;
  let last_bits, last_op, last_val;
  let len;
  let ret;
  const hbuf = /* @__PURE__ */ new Uint8Array(4);
  let opts;
  let n;
  const order = new Uint8Array([
    16,
    17,
    18,
    0,
    8,
    7,
    9,
    6,
    10,
    5,
    11,
    4,
    12,
    3,
    13,
    2,
    14,
    1,
    15
  ]);
  if (inflateStateCheck(strm) || !strm.output || !strm.input && strm.avail_in !== 0) return -2;
  state = strm.state;
  if (state.mode === TYPE) state.mode = TYPEDO;
  put = strm.next_out;
  output = strm.output;
  left = strm.avail_out;
  next = strm.next_in;
  input = strm.input;
  have = strm.avail_in;
  hold = state.hold;
  bits = state.bits;
  _in = have;
  _out = left;
  ret = 0;
  inf_leave: for (; ; ) switch (state.mode) {
    case HEAD:
      if (state.wrap === 0) {
        state.mode = TYPEDO;
        break;
      }
      while (bits < 16) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if (state.wrap & 2 && hold === 35615) {
        if (state.wbits === 0) state.wbits = 15;
        state.check = 0;
        hbuf[0] = hold & 255;
        hbuf[1] = hold >>> 8 & 255;
        state.check = crc32(state.check, hbuf, 2, 0);
        hold = 0;
        bits = 0;
        state.mode = FLAGS;
        break;
      }
      if (state.head) state.head.done = false;
      if (!(state.wrap & 1) || (((hold & 255) << 8) + (hold >> 8)) % 31) {
        strm.msg = "incorrect header check";
        state.mode = BAD;
        break;
      }
      if ((hold & 15) !== 8) {
        strm.msg = "unknown compression method";
        state.mode = BAD;
        break;
      }
      hold >>>= 4;
      bits -= 4;
      len = (hold & 15) + 8;
      if (state.wbits === 0) state.wbits = len;
      if (len > 15 || len > state.wbits) {
        strm.msg = "invalid window size";
        state.mode = BAD;
        break;
      }
      state.dmax = 1 << state.wbits;
      state.flags = 0;
      strm.adler = state.check = 1;
      state.mode = hold & 512 ? DICTID : TYPE;
      hold = 0;
      bits = 0;
      break;
    case FLAGS:
      while (bits < 16) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      state.flags = hold;
      if ((state.flags & 255) !== 8) {
        strm.msg = "unknown compression method";
        state.mode = BAD;
        break;
      }
      if (state.flags & 57344) {
        strm.msg = "unknown header flags set";
        state.mode = BAD;
        break;
      }
      if (state.head) state.head.text = hold >> 8 & 1;
      if (state.flags & 512 && state.wrap & 4) {
        hbuf[0] = hold & 255;
        hbuf[1] = hold >>> 8 & 255;
        state.check = crc32(state.check, hbuf, 2, 0);
      }
      hold = 0;
      bits = 0;
      state.mode = TIME2;
    case TIME2:
      while (bits < 32) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if (state.head) state.head.time = hold >>> 0;
      if (state.flags & 512 && state.wrap & 4) {
        hbuf[0] = hold & 255;
        hbuf[1] = hold >>> 8 & 255;
        hbuf[2] = hold >>> 16 & 255;
        hbuf[3] = hold >>> 24 & 255;
        state.check = crc32(state.check, hbuf, 4, 0);
      }
      hold = 0;
      bits = 0;
      state.mode = OS;
    case OS:
      while (bits < 16) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if (state.head) {
        state.head.xflags = hold & 255;
        state.head.os = hold >> 8;
      }
      if (state.flags & 512 && state.wrap & 4) {
        hbuf[0] = hold & 255;
        hbuf[1] = hold >>> 8 & 255;
        state.check = crc32(state.check, hbuf, 2, 0);
      }
      hold = 0;
      bits = 0;
      state.mode = EXLEN;
    case EXLEN:
      if (state.flags & 1024) {
        while (bits < 16) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        state.length = hold;
        if (state.head) state.head.extra_len = hold;
        if (state.flags & 512 && state.wrap & 4) {
          hbuf[0] = hold & 255;
          hbuf[1] = hold >>> 8 & 255;
          state.check = crc32(state.check, hbuf, 2, 0);
        }
        hold = 0;
        bits = 0;
      } else if (state.head) state.head.extra = null;
      state.mode = EXTRA;
    case EXTRA:
      if (state.flags & 1024) {
        copy = state.length;
        if (copy > have) copy = have;
        if (copy) {
          if (state.head) {
            len = state.head.extra_len - state.length;
            if (!state.head.extra) state.head.extra = new Uint8Array(state.head.extra_len);
            state.head.extra.set(input.subarray(next, next + copy), len);
          }
          if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
          have -= copy;
          next += copy;
          state.length -= copy;
        }
        if (state.length) break inf_leave;
      }
      state.length = 0;
      state.mode = NAME;
    case NAME:
      if (state.flags & 2048) {
        if (have === 0) break inf_leave;
        copy = 0;
        do {
          len = input[next + copy++];
          if (state.head && len && state.length < 65536) {
            state.head.name += String.fromCharCode(len);
            state.length++;
          }
        } while (len && copy < have);
        if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
        have -= copy;
        next += copy;
        if (len) break inf_leave;
      } else if (state.head) state.head.name = null;
      state.length = 0;
      state.mode = COMMENT;
    case COMMENT:
      if (state.flags & 4096) {
        if (have === 0) break inf_leave;
        copy = 0;
        do {
          len = input[next + copy++];
          if (state.head && len && state.length < 65536) {
            state.head.comment += String.fromCharCode(len);
            state.length++;
          }
        } while (len && copy < have);
        if (state.flags & 512 && state.wrap & 4) state.check = crc32(state.check, input, copy, next);
        have -= copy;
        next += copy;
        if (len) break inf_leave;
      } else if (state.head) state.head.comment = null;
      state.mode = HCRC;
    case HCRC:
      if (state.flags & 512) {
        while (bits < 16) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        if (state.wrap & 4 && hold !== (state.check & 65535)) {
          strm.msg = "header crc mismatch";
          state.mode = BAD;
          break;
        }
        hold = 0;
        bits = 0;
      }
      if (state.head) {
        state.head.hcrc = state.flags >> 9 & 1;
        state.head.done = true;
      }
      strm.adler = state.check = 0;
      state.mode = TYPE;
      break;
    case DICTID:
      while (bits < 32) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      strm.adler = state.check = zswap32(hold);
      hold = 0;
      bits = 0;
      state.mode = DICT;
    case DICT:
      if (state.havedict === 0) {
        strm.next_out = put;
        strm.avail_out = left;
        strm.next_in = next;
        strm.avail_in = have;
        state.hold = hold;
        state.bits = bits;
        return 2;
      }
      strm.adler = state.check = 1;
      state.mode = TYPE;
    case TYPE:
      if (flush === 5 || flush === 6) break inf_leave;
    case TYPEDO:
      if (state.last) {
        hold >>>= bits & 7;
        bits -= bits & 7;
        state.mode = CHECK;
        break;
      }
      while (bits < 3) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      state.last = hold & 1;
      hold >>>= 1;
      bits -= 1;
      switch (hold & 3) {
        case 0:
          state.mode = STORED;
          break;
        case 1:
          fixedtables(state);
          state.mode = LEN_;
          if (flush === 6) {
            hold >>>= 2;
            bits -= 2;
            break inf_leave;
          }
          break;
        case 2:
          state.mode = TABLE;
          break;
        case 3:
          strm.msg = "invalid block type";
          state.mode = BAD;
      }
      hold >>>= 2;
      bits -= 2;
      break;
    case STORED:
      hold >>>= bits & 7;
      bits -= bits & 7;
      while (bits < 32) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if ((hold & 65535) !== (hold >>> 16 ^ 65535)) {
        strm.msg = "invalid stored block lengths";
        state.mode = BAD;
        break;
      }
      state.length = hold & 65535;
      hold = 0;
      bits = 0;
      state.mode = COPY_;
      if (flush === 6) break inf_leave;
    case COPY_:
      state.mode = COPY;
    case COPY:
      copy = state.length;
      if (copy) {
        if (copy > have) copy = have;
        if (copy > left) copy = left;
        if (copy === 0) break inf_leave;
        output.set(input.subarray(next, next + copy), put);
        have -= copy;
        next += copy;
        left -= copy;
        put += copy;
        state.length -= copy;
        break;
      }
      state.mode = TYPE;
      break;
    case TABLE:
      while (bits < 14) {
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      state.nlen = (hold & 31) + 257;
      hold >>>= 5;
      bits -= 5;
      state.ndist = (hold & 31) + 1;
      hold >>>= 5;
      bits -= 5;
      state.ncode = (hold & 15) + 4;
      hold >>>= 4;
      bits -= 4;
      if (state.nlen > 286 || state.ndist > 30) {
        strm.msg = "too many length or distance symbols";
        state.mode = BAD;
        break;
      }
      state.have = 0;
      state.mode = LENLENS;
    case LENLENS:
      while (state.have < state.ncode) {
        while (bits < 3) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        state.lens[order[state.have++]] = hold & 7;
        hold >>>= 3;
        bits -= 3;
      }
      while (state.have < 19) state.lens[order[state.have++]] = 0;
      state.lencode = state.lendyn;
      state.lenbits = 7;
      opts = { bits: state.lenbits };
      ret = inflate_table(CODES, state.lens, 0, 19, state.lencode, 0, state.work, opts);
      state.lenbits = opts.bits;
      if (ret) {
        strm.msg = "invalid code lengths set";
        state.mode = BAD;
        break;
      }
      state.have = 0;
      state.mode = CODELENS;
    case CODELENS:
      while (state.have < state.nlen + state.ndist) {
        for (; ; ) {
          here = state.lencode[hold & (1 << state.lenbits) - 1];
          here_bits = here >>> 24;
          here_op = here >>> 16 & 255;
          here_val = here & 65535;
          if (here_bits <= bits) break;
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        if (here_val < 16) {
          hold >>>= here_bits;
          bits -= here_bits;
          state.lens[state.have++] = here_val;
        } else {
          if (here_val === 16) {
            n = here_bits + 2;
            while (bits < n) {
              if (have === 0) break inf_leave;
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            hold >>>= here_bits;
            bits -= here_bits;
            if (state.have === 0) {
              strm.msg = "invalid bit length repeat";
              state.mode = BAD;
              break;
            }
            len = state.lens[state.have - 1];
            copy = 3 + (hold & 3);
            hold >>>= 2;
            bits -= 2;
          } else if (here_val === 17) {
            n = here_bits + 3;
            while (bits < n) {
              if (have === 0) break inf_leave;
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            hold >>>= here_bits;
            bits -= here_bits;
            len = 0;
            copy = 3 + (hold & 7);
            hold >>>= 3;
            bits -= 3;
          } else {
            n = here_bits + 7;
            while (bits < n) {
              if (have === 0) break inf_leave;
              have--;
              hold += input[next++] << bits;
              bits += 8;
            }
            hold >>>= here_bits;
            bits -= here_bits;
            len = 0;
            copy = 11 + (hold & 127);
            hold >>>= 7;
            bits -= 7;
          }
          if (state.have + copy > state.nlen + state.ndist) {
            strm.msg = "invalid bit length repeat";
            state.mode = BAD;
            break;
          }
          while (copy--) state.lens[state.have++] = len;
        }
      }
      if (state.mode === BAD) break;
      if (state.lens[256] === 0) {
        strm.msg = "invalid code -- missing end-of-block";
        state.mode = BAD;
        break;
      }
      state.lenbits = 9;
      opts = { bits: state.lenbits };
      ret = inflate_table(LENS, state.lens, 0, state.nlen, state.lencode, 0, state.work, opts);
      state.lenbits = opts.bits;
      if (ret) {
        strm.msg = "invalid literal/lengths set";
        state.mode = BAD;
        break;
      }
      state.distbits = 6;
      state.distcode = state.distdyn;
      opts = { bits: state.distbits };
      ret = inflate_table(DISTS, state.lens, state.nlen, state.ndist, state.distcode, 0, state.work, opts);
      state.distbits = opts.bits;
      if (ret) {
        strm.msg = "invalid distances set";
        state.mode = BAD;
        break;
      }
      state.mode = LEN_;
      if (flush === 6) break inf_leave;
    case LEN_:
      state.mode = LEN;
    case LEN:
      if (have >= 6 && left >= 258) {
        strm.next_out = put;
        strm.avail_out = left;
        strm.next_in = next;
        strm.avail_in = have;
        state.hold = hold;
        state.bits = bits;
        inflate_fast(strm, _out);
        put = strm.next_out;
        output = strm.output;
        left = strm.avail_out;
        next = strm.next_in;
        input = strm.input;
        have = strm.avail_in;
        hold = state.hold;
        bits = state.bits;
        if (state.mode === TYPE) state.back = -1;
        break;
      }
      state.back = 0;
      for (; ; ) {
        here = state.lencode[hold & (1 << state.lenbits) - 1];
        here_bits = here >>> 24;
        here_op = here >>> 16 & 255;
        here_val = here & 65535;
        if (here_bits <= bits) break;
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if (here_op && (here_op & 240) === 0) {
        last_bits = here_bits;
        last_op = here_op;
        last_val = here_val;
        for (; ; ) {
          here = state.lencode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
          here_bits = here >>> 24;
          here_op = here >>> 16 & 255;
          here_val = here & 65535;
          if (last_bits + here_bits <= bits) break;
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        hold >>>= last_bits;
        bits -= last_bits;
        state.back += last_bits;
      }
      hold >>>= here_bits;
      bits -= here_bits;
      state.back += here_bits;
      state.length = here_val;
      if (here_op === 0) {
        state.mode = LIT;
        break;
      }
      if (here_op & 32) {
        state.back = -1;
        state.mode = TYPE;
        break;
      }
      if (here_op & 64) {
        strm.msg = "invalid literal/length code";
        state.mode = BAD;
        break;
      }
      state.extra = here_op & 15;
      state.mode = LENEXT;
    case LENEXT:
      if (state.extra) {
        n = state.extra;
        while (bits < n) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        state.length += hold & (1 << state.extra) - 1;
        hold >>>= state.extra;
        bits -= state.extra;
        state.back += state.extra;
      }
      state.was = state.length;
      state.mode = DIST;
    case DIST:
      for (; ; ) {
        here = state.distcode[hold & (1 << state.distbits) - 1];
        here_bits = here >>> 24;
        here_op = here >>> 16 & 255;
        here_val = here & 65535;
        if (here_bits <= bits) break;
        if (have === 0) break inf_leave;
        have--;
        hold += input[next++] << bits;
        bits += 8;
      }
      if ((here_op & 240) === 0) {
        last_bits = here_bits;
        last_op = here_op;
        last_val = here_val;
        for (; ; ) {
          here = state.distcode[last_val + ((hold & (1 << last_bits + last_op) - 1) >> last_bits)];
          here_bits = here >>> 24;
          here_op = here >>> 16 & 255;
          here_val = here & 65535;
          if (last_bits + here_bits <= bits) break;
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        hold >>>= last_bits;
        bits -= last_bits;
        state.back += last_bits;
      }
      hold >>>= here_bits;
      bits -= here_bits;
      state.back += here_bits;
      if (here_op & 64) {
        strm.msg = "invalid distance code";
        state.mode = BAD;
        break;
      }
      state.offset = here_val;
      state.extra = here_op & 15;
      state.mode = DISTEXT;
    case DISTEXT:
      if (state.extra) {
        n = state.extra;
        while (bits < n) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        state.offset += hold & (1 << state.extra) - 1;
        hold >>>= state.extra;
        bits -= state.extra;
        state.back += state.extra;
      }
      if (state.offset > state.dmax) {
        strm.msg = "invalid distance too far back";
        state.mode = BAD;
        break;
      }
      state.mode = MATCH;
    case MATCH:
      if (left === 0) break inf_leave;
      copy = _out - left;
      if (state.offset > copy) {
        copy = state.offset - copy;
        if (copy > state.whave) {
          if (state.sane) {
            strm.msg = "invalid distance too far back";
            state.mode = BAD;
            break;
          }
        }
        if (copy > state.wnext) {
          copy -= state.wnext;
          from = state.wsize - copy;
        } else from = state.wnext - copy;
        if (copy > state.length) copy = state.length;
        from_source = state.window;
      } else {
        from_source = output;
        from = put - state.offset;
        copy = state.length;
      }
      if (copy > left) copy = left;
      left -= copy;
      state.length -= copy;
      do
        output[put++] = from_source[from++];
      while (--copy);
      if (state.length === 0) state.mode = LEN;
      break;
    case LIT:
      if (left === 0) break inf_leave;
      output[put++] = state.length;
      left--;
      state.mode = LEN;
      break;
    case CHECK:
      if (state.wrap) {
        while (bits < 32) {
          if (have === 0) break inf_leave;
          have--;
          hold |= input[next++] << bits;
          bits += 8;
        }
        _out -= left;
        strm.total_out += _out;
        state.total += _out;
        if (state.wrap & 4 && _out) strm.adler = state.check = state.flags ? crc32(state.check, output, _out, put - _out) : adler32(state.check, output, _out, put - _out);
        _out = left;
        if (state.wrap & 4 && (state.flags ? hold : zswap32(hold)) !== state.check) {
          strm.msg = "incorrect data check";
          state.mode = BAD;
          break;
        }
        hold = 0;
        bits = 0;
      }
      state.mode = LENGTH;
    case LENGTH:
      if (state.wrap && state.flags) {
        while (bits < 32) {
          if (have === 0) break inf_leave;
          have--;
          hold += input[next++] << bits;
          bits += 8;
        }
        if (state.wrap & 4 && hold !== (state.total & 4294967295)) {
          strm.msg = "incorrect length check";
          state.mode = BAD;
          break;
        }
        hold = 0;
        bits = 0;
      }
      state.mode = DONE;
    case DONE:
      ret = 1;
      break inf_leave;
    case BAD:
      ret = -3;
      break inf_leave;
    case MEM:
      return -4;
    case SYNC:
    default:
      return -2;
  }
  strm.next_out = put;
  strm.avail_out = left;
  strm.next_in = next;
  strm.avail_in = have;
  state.hold = hold;
  state.bits = bits;
  if (state.wsize || _out !== strm.avail_out && state.mode < BAD && (state.mode < CHECK || flush !== 4)) {
    if (updatewindow(strm, strm.output, strm.next_out, _out - strm.avail_out)) {
      state.mode = MEM;
      return -4;
    }
  }
  _in -= strm.avail_in;
  _out -= strm.avail_out;
  strm.total_in += _in;
  strm.total_out += _out;
  state.total += _out;
  if (state.wrap & 4 && _out) strm.adler = state.check = state.flags ? crc32(state.check, output, _out, strm.next_out - _out) : adler32(state.check, output, _out, strm.next_out - _out);
  strm.data_type = state.bits + (state.last ? 64 : 0) + (state.mode === TYPE ? 128 : 0) + (state.mode === LEN_ || state.mode === COPY_ ? 256 : 0);
  if ((_in === 0 && _out === 0 || flush === 4) && ret === 0) ret = -5;
  return ret;
};
var inflateEnd = (strm) => {
  if (inflateStateCheck(strm)) return -2;
  let state = strm.state;
  if (state.window) state.window = null;
  strm.state = null;
  return 0;
};
var inflateSetDictionary = (strm, dictionary) => {
  const dictLength = dictionary.length;
  let state;
  let dictid;
  let ret;
  if (inflateStateCheck(strm)) return -2;
  state = strm.state;
  if (state.wrap !== 0 && state.mode !== DICT) return -2;
  if (state.mode === DICT) {
    dictid = 1;
    dictid = adler32(dictid, dictionary, dictLength, 0);
    if (dictid !== state.check) return -3;
  }
  ret = updatewindow(strm, dictionary, dictLength, dictLength);
  if (ret) {
    state.mode = MEM;
    return -4;
  }
  state.havedict = 1;
  return 0;
};
var ZStream = class {
  constructor() {
    this.input = null;
    this.next_in = 0;
    this.avail_in = 0;
    this.total_in = 0;
    this.output = null;
    this.next_out = 0;
    this.avail_out = 0;
    this.total_out = 0;
    this.msg = "";
    this.state = null;
    this.data_type = 2;
    this.adler = 0;
  }
};
var flattenChunks = (chunks) => {
  const result = new Uint8Array(chunks.reduce((len, chunk) => len + chunk.length, 0));
  let pos = 0;
  for (const chunk of chunks) {
    result.set(chunk, pos);
    pos += chunk.length;
  }
  return result;
};
var toString = Object.prototype.toString;
var defaultOptions = {
  chunkSize: 1024 * 64,
  windowBits: 15,
  raw: false,
  dictionary: /* @__PURE__ */ new Uint8Array(0)
};
var Inflate = class {
  options;
  /**
  * Error code after inflate finishes. {@link Z_OK} on success.
  * Should be checked when broken data is possible.
  */
  err;
  /** Error message, if {@link Inflate.err} is not {@link Z_OK}. */
  msg;
  /**
  * `true` once the compressed stream has ended. A stream may end before the
  * caller's data does (trailing bytes), so check this to know when to stop
  * pushing - further {@link Inflate.push} calls are no-ops.
  */
  ended;
  started;
  /**
  * Chunks of output data, if {@link Inflate.onData} not overridden.
  * @internal
  */
  chunks;
  strm;
  /**
  * Uncompressed result, generated by default {@link Inflate.onData}
  * and {@link Inflate.onEnd} handlers. Filled after you push last chunk
  * (call {@link Inflate.push} with {@link Z_FINISH} / `true` param).
  */
  result;
  /**
  * Creates a new inflator instance with the specified params. Throws an
  * exception on bad params. See {@link InflateOptions} for the list of
  * supported options.
  *
  * By default, when no options are set, the deflate/gzip data format is
  * autodetected via the wrapper header.
  *
  * @example
  * ```javascript
  * import { Inflate } from 'pako'
  *
  * const chunk1 = new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])
  * const chunk2 = new Uint8Array([10, 11, 12, 13, 14, 15, 16, 17, 18, 19])
  *
  * const inflate = new Inflate({ level: 3 })
  *
  * inflate.push(chunk1, false)
  * inflate.push(chunk2, true)  // true -> last chunk
  *
  * if (inflate.err) throw new Error(inflate.err)
  *
  * console.log(inflate.result)
  * ```
  */
  constructor(options = {}) {
    this.options = Object.assign({}, defaultOptions, options);
    const opt = this.options;
    if (opt.raw && opt.windowBits >= 0 && opt.windowBits < 16) {
      opt.windowBits = -opt.windowBits;
      if (opt.windowBits === 0) opt.windowBits = -15;
    }
    if (opt.windowBits >= 0 && opt.windowBits < 16 && !options.windowBits) opt.windowBits += 32;
    if (opt.windowBits > 15 && opt.windowBits < 48) {
      if ((opt.windowBits & 15) === 0) opt.windowBits |= 15;
    }
    this.err = 0;
    this.msg = "";
    this.ended = false;
    this.started = false;
    this.chunks = [];
    this.result = /* @__PURE__ */ new Uint8Array(0);
    this.strm = new ZStream();
    this.strm.avail_out = 0;
    let status = inflateInit2(this.strm, opt.windowBits);
    if (status !== 0) throw new Error(messages_default[status]);
    if (toString.call(opt.dictionary) === "[object ArrayBuffer]") opt.dictionary = new Uint8Array(opt.dictionary);
    const dictionary = opt.dictionary;
    if (opt.raw && dictionary.length) {
      status = inflateSetDictionary(this.strm, dictionary);
      if (status !== 0) throw new Error(messages_default[status]);
    }
  }
  /**
  * Sends input data to the inflate pipe, generating {@link Inflate.onData} calls
  * with new output chunks. Returns `true` on success. If end of stream is
  * detected, {@link Inflate.onEnd} will be called.
  *
  * `flush_mode` is not needed for normal operation, because end of stream
  * is detected automatically. Pass {@link Z_SYNC_FLUSH} to force the decoder
  * to emit all currently available output — handy when you need to decode
  * data frame-by-frame from a long-running stream.
  *
  * On failure, calls {@link Inflate.onEnd} with the error code and returns false.
  *
  * Once the stream has ended (a compressed stream may end before your data
  * does), further `push` calls are no-ops and return whether the decode
  * finished successfully. The final outcome is in {@link Inflate.result},
  * {@link Inflate.err} and {@link Inflate.msg}.
  *
  * @param flush_mode 0..6 for corresponding {@link Z_NO_FLUSH}..{@link Z_TREES}
  *   flush modes. See constants. Skipped or `false` means {@link Z_NO_FLUSH},
  *   `true` means {@link Z_FINISH}.
  *
  * @example
  * ```javascript
  * push(chunk, false) // push one of data chunks
  * ...
  * push(chunk, true)  // push last chunk
  * ```
  */
  push(data, flush_mode = false) {
    const strm = this.strm;
    const chunkSize = this.options.chunkSize;
    let status;
    let _flush_mode;
    let last_avail_out;
    if (this.ended) return this.err === 0;
    if (typeof flush_mode === "number") _flush_mode = flush_mode;
    else _flush_mode = flush_mode === true ? 4 : 0;
    if (toString.call(data) === "[object ArrayBuffer]") strm.input = new Uint8Array(data);
    else strm.input = data;
    strm.next_in = 0;
    strm.avail_in = strm.input.length;
    if (!this.started) {
      this.started = true;
      this.onStart(strm);
    }
    for (; ; ) {
      if (strm.avail_out === 0) {
        strm.output = new Uint8Array(chunkSize);
        strm.next_out = 0;
        strm.avail_out = chunkSize;
      }
      status = inflate$1(strm, _flush_mode);
      if (status === 2) {
        const dictionary = this.options.dictionary;
        if (dictionary.length) {
          status = inflateSetDictionary(strm, dictionary);
          if (status === 0) status = inflate$1(strm, _flush_mode);
          else if (status === -3) status = 2;
        }
      }
      while (strm.avail_in > 0 && status === 1 && strm.state.wrap & 2 && strm.state.flags !== 0 && strm.input[strm.next_in] !== 0) {
        inflateReset(strm);
        status = inflate$1(strm, _flush_mode);
      }
      if (status === -2 || status === -3 || status === 2 || status === -4) break;
      last_avail_out = strm.avail_out;
      if (strm.next_out) {
        if (strm.avail_out === 0 || status === 1 || _flush_mode > 0) {
          this.onData(strm.output.length === strm.next_out ? strm.output : strm.output.subarray(0, strm.next_out));
          strm.avail_out = 0;
          strm.next_out = 0;
        }
      }
      if ((status === 0 || status === -5) && last_avail_out === 0) continue;
      if (status === 1) {
        status = inflateEnd(this.strm);
        break;
      }
      if (strm.avail_in === 0) {
        if (_flush_mode === 4) {
          status = inflateEnd(this.strm);
          if (status === 0) status = -5;
          break;
        }
        return true;
      }
    }
    this.err = status;
    this.msg = strm.msg || messages_default[status];
    this.ended = true;
    this.onEnd(status);
    return status === 0;
  }
  /**
  * Called once before the first low-level inflate call.
  *
  * Override this handler to attach low-level inflate state, for example to read
  * gzip header metadata:
  *
  * ```javascript
  * import { Inflate, GZheader, zlibInflateGetHeader } from 'pako'
  *
  * const inflator = new Inflate()
  *
  * inflator.onStart = function (strm) {
  *   this.header = new GZheader()
  *   zlibInflateGetHeader(strm, this.header)
  * }
  *
  * inflator.push(data, true)
  * console.log(inflator.header.name)
  * ```
  */
  onStart(strm) {
  }
  /**
  * By default, stores data blocks in the {@link Inflate.chunks} property and glues
  * them in {@link Inflate.onEnd}. Override this handler if you need another behaviour.
  *
  * @param chunk output data.
  */
  onData(chunk) {
    this.chunks.push(chunk);
  }
  /**
  * Called after you tell inflate that the input stream is
  * complete ({@link Z_FINISH}). By default, joins the collected {@link Inflate.chunks},
  * frees memory and fills the {@link Inflate.result} property.
  *
  * @param status inflate status. {@link Z_OK} on success, other if not.
  */
  onEnd(status) {
    if (status === 0) this.result = flattenChunks(this.chunks);
    this.chunks = [];
  }
};
function inflate(input, options = {}) {
  const inflator = new Inflate(options);
  inflator.push(input, true);
  if (inflator.err) throw new Error(inflator.msg);
  const result = inflator.result;
  return options.toText ? new TextDecoder().decode(result) : result;
}

// src/pprof/raw.ts
var LABEL_FIELDS = 4;
function emptyRawProfile() {
  return {
    sampleType: [],
    sample: [],
    mapping: [],
    location: [],
    function: [],
    stringTable: [],
    dropFrames: 0,
    keepFrames: 0,
    timeNanos: 0,
    durationNanos: 0,
    periodType: null,
    period: 0,
    comment: [],
    defaultSampleType: 0,
    docUrl: 0
  };
}
var IdTable = class {
  dense;
  sparse = /* @__PURE__ */ new Map();
  constructor(size) {
    this.dense = new Array(size + 1);
  }
  get(id) {
    return id < this.dense.length ? this.dense[id] : this.sparse.get(id);
  }
  set(id, v) {
    if (id < this.dense.length) this.dense[id] = v;
    else this.sparse.set(id, v);
  }
};
var NO_LABELS = Object.freeze({});
var NO_NUM_LABELS = Object.freeze({});
function resolveProfile(raw, file) {
  const strings = raw.stringTable;
  const fail = (message, at = -1) => {
    throw new BenchgateError(
      at >= 0 ? `${message} (offset in the uncompressed profile)` : message,
      "pprof",
      at >= 0 ? { file, offset: at } : { file }
    );
  };
  if (strings.length === 0 || strings[0] !== "") {
    fail("not a pprof profile: string_table[0] must be the empty string");
  }
  const str2 = (i, what, at) => {
    if (!(i >= 0 && i < strings.length)) fail(`${what}: string index ${i} is outside the string table (${strings.length} entries)`, at);
    return strings[i];
  };
  const valueType = (v, what) => ({
    type: str2(v.type, `${what} type`, -1),
    unit: str2(v.unit, `${what} unit`, -1)
  });
  const mappings = new IdTable(raw.mapping.length);
  const mapping = raw.mapping.map((m) => {
    if (m.id === 0) fail("mapping with the reserved id 0", m.at);
    if (mappings.get(m.id)) fail(`two mappings with id ${m.id}`, m.at);
    const out2 = {
      id: m.id,
      memoryStart: m.memoryStart,
      memoryLimit: m.memoryLimit,
      fileOffset: m.fileOffset,
      file: str2(m.filename, "mapping file", m.at),
      buildId: str2(m.buildId, "mapping build id", m.at),
      hasFunctions: m.hasFunctions,
      hasFilenames: m.hasFilenames,
      hasLineNumbers: m.hasLineNumbers,
      hasInlineFrames: m.hasInlineFrames
    };
    mappings.set(m.id, out2);
    return out2;
  });
  const functions = new IdTable(raw.function.length);
  const fns = raw.function.map((f) => {
    if (f.id === 0) fail("function with the reserved id 0", f.at);
    if (functions.get(f.id)) fail(`two functions with id ${f.id}`, f.at);
    const out2 = {
      id: f.id,
      name: str2(f.name, "function name", f.at),
      systemName: str2(f.systemName, "function system name", f.at),
      filename: str2(f.filename, "function file", f.at),
      startLine: f.startLine
    };
    functions.set(f.id, out2);
    return out2;
  });
  const locations = new IdTable(raw.location.length);
  const location = raw.location.map((l, index) => {
    if (l.id === 0) fail("location with the reserved id 0", l.at);
    if (locations.get(l.id)) fail(`two locations with id ${l.id}`, l.at);
    const line = l.line.map((ln) => {
      const fn = ln.functionId === 0 ? void 0 : functions.get(ln.functionId);
      if (!fn) fail(`location ${l.id} has a line with unknown function id ${ln.functionId}`, l.at);
      return { function: fn, line: ln.line, column: ln.column };
    });
    const out2 = {
      index,
      id: l.id,
      mapping: l.mappingId === 0 ? null : mappings.get(l.mappingId) ?? null,
      address: l.address,
      line,
      isFolded: l.isFolded
    };
    locations.set(l.id, out2);
    return out2;
  });
  const sampleType = raw.sampleType.map((v) => valueType(v, "sample"));
  if (sampleType.length === 0 && raw.sample.length > 0) fail("profile has samples but no sample types");
  const sample = new Array(raw.sample.length);
  const labelSets = /* @__PURE__ */ new Map();
  for (let i = 0; i < raw.sample.length; i++) {
    const s = raw.sample[i];
    if (s.value.length !== sampleType.length) {
      fail(`sample has ${s.value.length} values but the profile has ${sampleType.length} sample types`, s.at);
    }
    const locs = s.locationId;
    for (let j = 0; j < locs.length; j++) {
      const loc = locations.get(s.locationId[j]);
      if (!loc) fail(`sample refers to unknown location id ${s.locationId[j]}`, s.at);
      locs[j] = loc;
    }
    if (s.label.length === 0) {
      sample[i] = { location: locs, value: s.value, label: NO_LABELS, numLabel: NO_NUM_LABELS, numUnit: NO_LABELS };
      continue;
    }
    const labelKey2 = s.label.join(",");
    const shared = labelSets.get(labelKey2);
    if (shared) {
      sample[i] = { location: locs, value: s.value, ...shared };
      continue;
    }
    const label = {};
    const numLabel = {};
    const numUnit = {};
    for (let j = 0; j + LABEL_FIELDS <= s.label.length; j += LABEL_FIELDS) {
      const [k, sv, num2, unit] = s.label.slice(j, j + LABEL_FIELDS);
      const key = str2(k, "label key", s.at);
      if (sv !== 0) {
        (label[key] ??= []).push(str2(sv, "label value", s.at));
      } else if (num2 !== 0 || unit !== 0) {
        const nums = numLabel[key] ??= [];
        const units = numUnit[key] ??= [];
        while (units.length < nums.length) units.push("");
        nums.push(num2);
        units.push(unit !== 0 ? str2(unit, "label unit", s.at) : "");
      }
    }
    if (labelSets.size < 4096) labelSets.set(labelKey2, { label, numLabel, numUnit });
    sample[i] = { location: locs, value: s.value, label, numLabel, numUnit };
  }
  return {
    sampleType,
    defaultSampleType: str2(raw.defaultSampleType, "default sample type", -1),
    sample,
    mapping,
    location,
    function: fns,
    dropFrames: str2(raw.dropFrames, "drop_frames", -1),
    keepFrames: str2(raw.keepFrames, "keep_frames", -1),
    timeNanos: raw.timeNanos,
    durationNanos: raw.durationNanos,
    periodType: raw.periodType ? valueType(raw.periodType, "period") : { type: "", unit: "" },
    period: raw.period,
    comments: raw.comment.map((c) => str2(c, "comment", -1)),
    docUrl: str2(raw.docUrl, "doc_url", -1)
  };
}

// src/pprof/wire.ts
var WIRE_VARINT = 0;
var WIRE_FIXED64 = 1;
var WIRE_BYTES = 2;
var WIRE_FIXED32 = 5;
var TWO_32 = 4294967296;
var WireReader = class {
  constructor(buf, file, start = 0) {
    this.buf = buf;
    this.file = file;
    this.pos = start;
  }
  buf;
  file;
  pos;
  fail(message, at = this.pos) {
    throw new BenchgateError(`${message} (offset in the uncompressed profile)`, "pprof", { file: this.file, offset: at });
  }
  /**
   * Reads a varint as a 64-bit integer: `signed` gives int64 (two's complement) semantics,
   * otherwise uint64. Values beyond 2^53 round, as any JavaScript number does.
   */
  varint(end, signed) {
    const buf = this.buf;
    const start = this.pos;
    let pos = start;
    let b = buf[pos++];
    if (b < 128 && pos <= end) {
      this.pos = pos;
      return b;
    }
    let lo = 0;
    let hi = 0;
    let shift = 0;
    pos = start;
    for (; shift < 28; shift += 7) {
      if (pos >= end) this.fail("truncated varint", start);
      b = buf[pos++];
      lo |= (b & 127) << shift;
      if (b < 128) {
        this.pos = pos;
        return lo >>> 0;
      }
    }
    if (pos >= end) this.fail("truncated varint", start);
    b = buf[pos++];
    lo = (lo | (b & 15) << 28) >>> 0;
    hi = (b & 127) >> 4;
    if (b >= 128) {
      for (shift = 3; ; shift += 7) {
        if (pos >= end) this.fail("truncated varint", start);
        b = buf[pos++];
        if (shift < 32) hi |= (b & 127) << shift;
        if (b < 128) break;
        if (shift >= 31) this.fail("varint longer than 10 bytes", start);
      }
    }
    this.pos = pos;
    return signed ? (hi | 0) * TWO_32 + lo : (hi >>> 0) * TWO_32 + lo;
  }
  /** A varint known to fit in 32 bits (tags, lengths); larger ones are an error. */
  uint32(end) {
    const start = this.pos;
    const v = this.varint(end, false);
    if (v > 4294967295) this.fail("length or tag out of range", start);
    return v;
  }
  /** Reads a length prefix and returns the end offset of the bytes it announces. */
  lengthEnd(end) {
    const len = this.uint32(end);
    const stop = this.pos + len;
    if (stop > end) this.fail(`field length ${len} runs past the end of its message`, this.pos);
    return stop;
  }
  skip(wire, end, tagAt) {
    switch (wire) {
      case WIRE_VARINT:
        this.varint(end, false);
        return;
      case WIRE_FIXED64:
        if (this.pos + 8 > end) this.fail("truncated fixed64 field", tagAt);
        this.pos += 8;
        return;
      case WIRE_BYTES:
        this.pos = this.lengthEnd(end);
        return;
      case WIRE_FIXED32:
        if (this.pos + 4 > end) this.fail("truncated fixed32 field", tagAt);
        this.pos += 4;
        return;
      default:
        this.fail(`unsupported protobuf wire type ${wire}`, tagAt);
    }
  }
  /**
   * Reads a repeated integer field that may arrive packed (wire type 2) or one by one,
   * appending to `out`. Returns the array to keep using: when `out` is empty and the field
   * is packed, a new array of exactly the right size (fewer reallocations, less GC, for a
   * million samples).
   */
  repeatedVarint(out2, wire, end, signed, tagAt) {
    if (wire === WIRE_VARINT) {
      out2.push(this.varint(end, signed));
      return out2;
    }
    if (wire !== WIRE_BYTES) this.fail(`repeated integer field has wire type ${wire}`, tagAt);
    const stop = this.lengthEnd(end);
    const buf = this.buf;
    let pos = this.pos;
    if (out2.length === 0) {
      let n = 0;
      for (let i = pos; i < stop; i++) if (buf[i] < 128) n++;
      out2 = new Array(n);
      let k = 0;
      while (pos < stop) {
        const b = buf[pos];
        if (b < 128) {
          out2[k++] = b;
          pos++;
        } else {
          this.pos = pos;
          out2[k++] = this.varint(stop, signed);
          pos = this.pos;
        }
      }
      this.pos = pos;
      return out2;
    }
    while (pos < stop) {
      const b = buf[pos];
      if (b < 128) {
        out2.push(b);
        pos++;
      } else {
        this.pos = pos;
        out2.push(this.varint(stop, signed));
        pos = this.pos;
      }
    }
    this.pos = pos;
    return out2;
  }
  expect(wire, want, field, tagAt) {
    if (wire !== want) this.fail(`field ${field} has wire type ${wire}, expected ${want}`, tagAt);
  }
};

// src/pprof/decode.ts
function decodeProfile(bytes, file = "<profile>") {
  return resolveProfile(decodeRawProfile(uncompressProfile(bytes, file), file), file);
}
function isGzip(bytes) {
  return bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139;
}
function uncompressProfile(bytes, file) {
  if (bytes.length === 0) throw new BenchgateError("empty file, not a pprof profile", "pprof", { file });
  if (!isGzip(bytes)) return bytes;
  try {
    return inflate(bytes);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new BenchgateError(`gzip data is corrupt or truncated: ${why}`, "pprof", { file });
  }
}
function decodeRawProfile(buf, file) {
  const r = new WireReader(buf, file);
  const p = emptyRawProfile();
  const end = buf.length;
  const decoder = new TextDecoder2("utf-8");
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) r.fail("field number 0 is not valid protobuf", tagAt);
    switch (field) {
      case 1:
        r.expect(wire, WIRE_BYTES, "sample_type", tagAt);
        p.sampleType.push(readValueType(r, r.lengthEnd(end)));
        break;
      case 2:
        r.expect(wire, WIRE_BYTES, "sample", tagAt);
        p.sample.push(readSample(r, r.lengthEnd(end), tagAt));
        break;
      case 3:
        r.expect(wire, WIRE_BYTES, "mapping", tagAt);
        p.mapping.push(readMapping(r, r.lengthEnd(end), tagAt));
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, "location", tagAt);
        p.location.push(readLocation(r, r.lengthEnd(end), tagAt));
        break;
      case 5:
        r.expect(wire, WIRE_BYTES, "function", tagAt);
        p.function.push(readFunction(r, r.lengthEnd(end), tagAt));
        break;
      case 6: {
        r.expect(wire, WIRE_BYTES, "string_table", tagAt);
        const stop = r.lengthEnd(end);
        p.stringTable.push(decodeUtf8(decoder, buf, r.pos, stop));
        r.pos = stop;
        break;
      }
      case 7:
        r.expect(wire, WIRE_VARINT, "drop_frames", tagAt);
        p.dropFrames = r.varint(end, true);
        break;
      case 8:
        r.expect(wire, WIRE_VARINT, "keep_frames", tagAt);
        p.keepFrames = r.varint(end, true);
        break;
      case 9:
        r.expect(wire, WIRE_VARINT, "time_nanos", tagAt);
        p.timeNanos = r.varint(end, true);
        break;
      case 10:
        r.expect(wire, WIRE_VARINT, "duration_nanos", tagAt);
        p.durationNanos = r.varint(end, true);
        break;
      case 11:
        r.expect(wire, WIRE_BYTES, "period_type", tagAt);
        p.periodType = readValueType(r, r.lengthEnd(end));
        break;
      case 12:
        r.expect(wire, WIRE_VARINT, "period", tagAt);
        p.period = r.varint(end, true);
        break;
      case 13:
        p.comment = r.repeatedVarint(p.comment, wire, end, true, tagAt);
        break;
      case 14:
        r.expect(wire, WIRE_VARINT, "default_sample_type", tagAt);
        p.defaultSampleType = r.varint(end, true);
        break;
      case 15:
        r.expect(wire, WIRE_VARINT, "doc_url", tagAt);
        p.docUrl = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return p;
}
function decodeUtf8(decoder, buf, start, stop) {
  if (stop - start < 64) {
    let s = "";
    for (let i = start; i < stop; i++) {
      const c = buf[i];
      if (c >= 128) return decoder.decode(buf.subarray(start, stop));
      s += String.fromCharCode(c);
    }
    return s;
  }
  return decoder.decode(buf.subarray(start, stop));
}
function readValueType(r, end) {
  const v = { type: 0, unit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, "ValueType.type", tagAt);
        v.type = r.varint(end, true);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, "ValueType.unit", tagAt);
        v.unit = r.varint(end, true);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return v;
}
var NO_LABELS2 = [];
function readSample(r, end, at) {
  const s = { locationId: [], value: [], label: NO_LABELS2, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        s.locationId = r.repeatedVarint(s.locationId, wire, end, false, tagAt);
        break;
      case 2:
        s.value = r.repeatedVarint(s.value, wire, end, true, tagAt);
        break;
      case 3:
        r.expect(wire, WIRE_BYTES, "Sample.label", tagAt);
        if (s.label === NO_LABELS2) s.label = [];
        readLabel(r, r.lengthEnd(end), s.label);
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return s;
}
function readLabel(r, end, out2) {
  const l = { key: 0, str: 0, num: 0, numUnit: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 4) {
      r.expect(wire, WIRE_VARINT, "Label field", tagAt);
      const v = r.varint(end, true);
      if (field === 1) l.key = v;
      else if (field === 2) l.str = v;
      else if (field === 3) l.num = v;
      else l.numUnit = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  out2.push(l.key, l.str, l.num, l.numUnit);
}
function readMapping(r, end, at) {
  const m = {
    id: 0,
    memoryStart: 0,
    memoryLimit: 0,
    fileOffset: 0,
    filename: 0,
    buildId: 0,
    hasFunctions: false,
    hasFilenames: false,
    hasLineNumbers: false,
    hasInlineFrames: false,
    at
  };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field < 1 || field > 10) {
      r.skip(wire, end, tagAt);
      continue;
    }
    r.expect(wire, WIRE_VARINT, `Mapping field ${field}`, tagAt);
    const v = r.varint(end, field === 5 || field === 6);
    switch (field) {
      case 1:
        m.id = v;
        break;
      case 2:
        m.memoryStart = v;
        break;
      case 3:
        m.memoryLimit = v;
        break;
      case 4:
        m.fileOffset = v;
        break;
      case 5:
        m.filename = v;
        break;
      case 6:
        m.buildId = v;
        break;
      case 7:
        m.hasFunctions = v !== 0;
        break;
      case 8:
        m.hasFilenames = v !== 0;
        break;
      case 9:
        m.hasLineNumbers = v !== 0;
        break;
      default:
        m.hasInlineFrames = v !== 0;
    }
  }
  return m;
}
function readLocation(r, end, at) {
  const l = { id: 0, mappingId: 0, address: 0, line: [], isFolded: false, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(wire, WIRE_VARINT, "Location.id", tagAt);
        l.id = r.varint(end, false);
        break;
      case 2:
        r.expect(wire, WIRE_VARINT, "Location.mapping_id", tagAt);
        l.mappingId = r.varint(end, false);
        break;
      case 3:
        r.expect(wire, WIRE_VARINT, "Location.address", tagAt);
        l.address = r.varint(end, false);
        break;
      case 4:
        r.expect(wire, WIRE_BYTES, "Location.line", tagAt);
        l.line.push(readLine(r, r.lengthEnd(end)));
        break;
      case 5:
        r.expect(wire, WIRE_VARINT, "Location.is_folded", tagAt);
        l.isFolded = r.varint(end, false) !== 0;
        break;
      default:
        r.skip(wire, end, tagAt);
    }
  }
  return l;
}
function readLine(r, end) {
  const ln = { functionId: 0, line: 0, column: 0 };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 3) {
      r.expect(wire, WIRE_VARINT, `Line field ${field}`, tagAt);
      const v = r.varint(end, field !== 1);
      if (field === 1) ln.functionId = v;
      else if (field === 2) ln.line = v;
      else ln.column = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  return ln;
}
function readFunction(r, end, at) {
  const f = { id: 0, name: 0, systemName: 0, filename: 0, startLine: 0, at };
  while (r.pos < end) {
    const tagAt = r.pos;
    const tag = r.uint32(end);
    const wire = tag & 7;
    const field = tag >>> 3;
    if (field >= 1 && field <= 5) {
      r.expect(wire, WIRE_VARINT, `Function field ${field}`, tagAt);
      const v = r.varint(end, field !== 1);
      if (field === 1) f.id = v;
      else if (field === 2) f.name = v;
      else if (field === 3) f.systemName = v;
      else if (field === 4) f.filename = v;
      else f.startLine = v;
    } else {
      r.skip(wire, end, tagAt);
    }
  }
  return f;
}

// src/pprof/merge.ts
var typeText = (p) => p.sampleType.map((t) => `${t.type}/${t.unit}`).join(",");
function mergeProfiles(profiles) {
  if (profiles.length === 0) throw new BenchgateError("no profiles to merge", "pprof");
  const first = profiles[0];
  for (const p of profiles.slice(1)) {
    if (typeText(p) !== typeText(first)) {
      throw new BenchgateError(`cannot merge profiles of different sample types: [${typeText(first)}] and [${typeText(p)}]`, "pprof");
    }
  }
  const mappings = /* @__PURE__ */ new Map();
  const functions = /* @__PURE__ */ new Map();
  const locations = /* @__PURE__ */ new Map();
  const samples = /* @__PURE__ */ new Map();
  const out2 = {
    sampleType: first.sampleType.map((t) => ({ ...t })),
    defaultSampleType: first.defaultSampleType,
    sample: [],
    mapping: [],
    location: [],
    function: [],
    dropFrames: first.dropFrames,
    keepFrames: first.keepFrames,
    timeNanos: 0,
    durationNanos: 0,
    periodType: { ...first.periodType },
    period: 0,
    comments: [],
    docUrl: first.docUrl
  };
  for (const p of profiles) {
    if (p.timeNanos !== 0 && (out2.timeNanos === 0 || p.timeNanos < out2.timeNanos)) out2.timeNanos = p.timeNanos;
    out2.durationNanos += p.durationNanos;
    out2.period = Math.max(out2.period, p.period);
    for (const c of p.comments) if (!out2.comments.includes(c)) out2.comments.push(c);
    const mapOf = /* @__PURE__ */ new Map();
    for (const m of p.mapping) {
      const key = [m.file, m.buildId, m.memoryStart, m.memoryLimit, m.fileOffset].join("\0");
      let merged = mappings.get(key);
      if (!merged) {
        merged = { ...m, id: out2.mapping.length + 1 };
        mappings.set(key, merged);
        out2.mapping.push(merged);
      }
      mapOf.set(m, merged);
    }
    const fnOf = /* @__PURE__ */ new Map();
    for (const f of p.function) {
      const key = [f.name, f.systemName, f.filename, f.startLine].join("\0");
      let merged = functions.get(key);
      if (!merged) {
        merged = { ...f, id: out2.function.length + 1 };
        functions.set(key, merged);
        out2.function.push(merged);
      }
      fnOf.set(f, merged);
    }
    const locOf = new Array(p.location.length);
    for (const l of p.location) {
      const mapping = l.mapping ? mapOf.get(l.mapping) ?? null : null;
      const line = l.line.map((ln) => ({ function: fnOf.get(ln.function), line: ln.line, column: ln.column }));
      const key = [mapping?.id ?? 0, l.address, l.isFolded ? 1 : 0, ...line.flatMap((ln) => [ln.function.id, ln.line, ln.column])].join(",");
      let merged = locations.get(key);
      if (!merged) {
        merged = { index: out2.location.length, id: out2.location.length + 1, mapping, address: l.address, line, isFolded: l.isFolded };
        locations.set(key, merged);
        out2.location.push(merged);
      }
      locOf[l.index] = merged;
    }
    for (const s of p.sample) {
      const location = s.location.map((l) => locOf[l.index]);
      const key = location.map((l) => l.id).join(",") + "|" + labelKey(s);
      const existing = samples.get(key);
      if (existing) {
        for (let i = 0; i < existing.value.length; i++) existing.value[i] += s.value[i];
        continue;
      }
      const merged = {
        location,
        value: s.value.slice(),
        label: s.label,
        numLabel: s.numLabel,
        numUnit: s.numUnit
      };
      samples.set(key, merged);
      out2.sample.push(merged);
    }
  }
  return out2;
}
function labelKey(s) {
  const parts = [];
  for (const k of Object.keys(s.label).sort()) parts.push(`${k}=${s.label[k].join("")}`);
  for (const k of Object.keys(s.numLabel).sort()) parts.push(`${k}#${s.numLabel[k].join("")}#${(s.numUnit[k] ?? []).join("")}`);
  return parts.join("\0");
}

// src/pprof/read.ts
async function readProfileFile(path) {
  let bytes;
  try {
    bytes = await readFile2(path);
  } catch (e) {
    throw new BenchgateError(`cannot read profile: ${e.code ?? String(e)}`, "pprof", { file: path });
  }
  return decodeProfile(bytes, path);
}
async function readProfiles(paths) {
  const profiles = await Promise.all(paths.map(readProfileFile));
  return profiles.length === 1 ? profiles[0] : mergeProfiles(profiles);
}

// src/pprof/aggregate.ts
import { basename } from "node:path";
function frameName(line, loc) {
  const name = line?.function.name ?? "";
  if (name !== "") return name;
  const obj = loc.mapping?.file ?? "";
  return obj !== "" ? `[${basename(obj)}]` : "<unknown>";
}
var byName = frameName;
var byNameAndFile = (line, loc) => `${frameName(line, loc)}\0${line?.function.filename ?? ""}`;
var FunctionAggregator = class {
  constructor(key = byName, withEdges = false) {
    this.key = key;
    this.edges = withEdges ? /* @__PURE__ */ new Map() : null;
  }
  key;
  rows = [];
  /** Edges keyed by caller·2^32 + callee, kept only when asked for (pprof's "(inline)" marker needs them). */
  edges;
  byKey = /* @__PURE__ */ new Map();
  /** Per Location.index: its lines' node numbers, in line order (innermost first). */
  locNodes = [];
  /** Per node: the number of the last sample that added to its cum (the recursion rule). */
  seenIn = [];
  sampleNo = 0;
  nodesOf(loc) {
    let nodes = this.locNodes[loc.index];
    if (nodes) return nodes;
    const lines = loc.line.length > 0 ? loc.line : [null];
    nodes = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const k = this.key(line, loc);
      let n = this.byKey.get(k);
      if (n === void 0) {
        n = this.rows.length;
        this.byKey.set(k, n);
        this.rows.push({
          function: frameName(line, loc),
          file: line?.function.filename ?? "",
          startLine: line?.function.startLine ?? 0,
          flat: 0,
          cum: 0
        });
        this.seenIn.push(-1);
      }
      nodes[i] = n;
    }
    this.locNodes[loc.index] = nodes;
    return nodes;
  }
  /** Adds one sample with value `w` (its value at the chosen sample index). */
  add(sample, w) {
    if (w === 0) return;
    const stamp = this.sampleNo++;
    const rows = this.rows;
    const seen = this.seenIn;
    const edges = this.edges;
    let parent = -1;
    const locs = sample.location;
    for (let i = locs.length - 1; i >= 0; i--) {
      const nodes = this.nodesOf(locs[i]);
      const last = nodes.length - 1;
      for (let ni = last; ni >= 0; ni--) {
        const n = nodes[ni];
        if (seen[n] !== stamp) {
          seen[n] = stamp;
          rows[n].cum += w;
        }
        if (edges !== null && parent >= 0 && parent !== n) {
          const k = parent * 4294967296 + n;
          const e = edges.get(k);
          const inline = ni !== last;
          if (e === void 0) edges.set(k, { weight: w, inline, stamp });
          else if (e.stamp !== stamp) {
            e.stamp = stamp;
            e.weight += w;
            if (!inline) e.inline = false;
          }
        }
        parent = n;
      }
    }
    if (parent >= 0) rows[parent].flat += w;
  }
  /**
   * pprof's "(inline)" / "(partial-inline)" marker per node: from the node's incoming
   * edges, after dropping edges lighter than `edgeFraction` of the flat total as pprof
   * does (its `-edgefraction`, default 0.001).
   */
  inlineMarkers(edgeFraction = 1e-3) {
    const inlined = new Array(this.rows.length).fill(false);
    const called = new Array(this.rows.length).fill(false);
    if (this.edges) {
      let flatSum = 0;
      for (const r of this.rows) flatSum += r.flat;
      const cutoff = Math.abs(Math.trunc(flatSum * edgeFraction));
      for (const [k, e] of this.edges) {
        if (Math.abs(e.weight) < cutoff) continue;
        const callee = k % 4294967296;
        if (e.inline) inlined[callee] = true;
        else called[callee] = true;
      }
    }
    return inlined.map((i, n) => i ? called[n] ? "partial-inline" : "inline" : "");
  }
  /** The nodes pprof would list: those with a non-zero flat or cum. */
  nonZero() {
    const out2 = [];
    for (let n = 0; n < this.rows.length; n++) if (this.rows[n].flat !== 0 || this.rows[n].cum !== 0) out2.push(n);
    return out2;
  }
};
function compareTop(a, b) {
  const fa = Math.abs(a.flat);
  const fb = Math.abs(b.flat);
  if (fa !== fb) return fb - fa;
  if (a.function !== b.function) return a.function < b.function ? -1 : 1;
  return Math.abs(b.cum) - Math.abs(a.cum);
}

// src/pprof/sample-type.ts
function sampleIndexByName(p, name, file) {
  const types = p.sampleType.map((t) => t.type);
  if (name === void 0 || name === "") {
    const i2 = p.defaultSampleType ? types.indexOf(p.defaultSampleType) : -1;
    return i2 >= 0 ? i2 : types.length - 1;
  }
  const asNumber = typeof name === "number" ? name : /^\d+$/.test(name) ? Number(name) : NaN;
  if (!Number.isNaN(asNumber)) {
    if (asNumber >= 0 && asNumber < types.length) return asNumber;
    throw new BenchgateError(`sample index ${asNumber} is outside [0..${types.length - 1}]`, "pprof", { file });
  }
  const legacy = String(name).replace(/^inuse_/, "");
  const i = types.findIndex((t) => t === name || t === legacy);
  if (i >= 0) return i;
  throw new BenchgateError(`sample type "${name}" is not in the profile; it has: ${types.join(", ") || "none"}`, "pprof", { file });
}

// src/pprof/split.ts
function symbolPackage(pkg) {
  const slash = pkg.lastIndexOf("/");
  return pkg.slice(0, slash + 1) + pkg.slice(slash + 1).replace(/\./g, "%2e");
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function splitByBenchmark(p, pkg, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  const labelKeys = options.labelKeys ?? ["benchmark"];
  const prefixes = [.../* @__PURE__ */ new Set([pkg, symbolPackage(pkg)])].map(escapeRe).join("|");
  const benchRe = new RegExp(`^(?:${prefixes})(?:_test)?\\.Benchmark([^./]*)(?:\\.(.+))?$`);
  const benchOfLoc = p.location.map((l) => {
    for (let i = l.line.length - 1; i >= 0; i--) {
      const m = benchRe.exec(l.line[i].function.name);
      if (m) return { name: m[1], closure: m[2] ?? "" };
    }
    return null;
  });
  const accs = /* @__PURE__ */ new Map();
  const accFor = (name, byLabel) => {
    let a = accs.get(name);
    if (!a) {
      a = { all: new FunctionAggregator(byNameAndFile), allTotal: 0, closures: null, closuresTotal: 0, closureNames: /* @__PURE__ */ new Set(), byLabel };
      accs.set(name, a);
    }
    return a;
  };
  const unattributed = new FunctionAggregator(byNameAndFile);
  let unattributedTotal = 0;
  let total = 0;
  const labelled = (s) => {
    for (const k of labelKeys) {
      const v = s.label[k]?.[0];
      if (v) return v.replace(/^Benchmark/, "");
    }
    return null;
  };
  for (const s of p.sample) {
    const w = s.value[index];
    total += w;
    let root = null;
    for (let i = s.location.length - 1; i >= 0 && !root; i--) root = benchOfLoc[s.location[i].index];
    if (!root) {
      unattributed.add(s, w);
      unattributedTotal += w;
      continue;
    }
    const a = accFor(root.name, false);
    a.all.add(s, w);
    a.allTotal += w;
    if (root.closure !== "") {
      a.closures ??= new FunctionAggregator(byNameAndFile);
      a.closures.add(s, w);
      a.closuresTotal += w;
      a.closureNames.add(root.closure);
    }
    const label = labelled(s);
    if (label !== null && label !== root.name) {
      const l = accFor(label, true);
      l.all.add(s, w);
      l.allTotal += w;
    }
  }
  const slice = (agg, sliceTotal) => ({
    total: sliceTotal,
    functions: agg.nonZero().map((n) => ({ ...agg.rows[n] })).sort(compareTop)
  });
  const benchmarks = /* @__PURE__ */ new Map();
  for (const [name, a] of accs) {
    benchmarks.set(name, {
      name,
      all: slice(a.all, a.allTotal),
      closures: a.closures ? slice(a.closures, a.closuresTotal) : null,
      closureNames: [...a.closureNames].sort(),
      byLabel: a.byLabel
    });
  }
  return {
    package: pkg,
    sampleType: p.sampleType[index] ?? { type: "", unit: "" },
    total,
    benchmarks,
    unattributed: slice(unattributed, unattributedTotal)
  };
}

// src/engine.ts
var silentLog = { info: () => {
}, warning: () => {
} };
function environmentNote(base, head) {
  const diffs = [];
  const field = (name, a, b) => {
    if (a !== b) diffs.push(`${name} ${String(a) || "?"} vs ${String(b) || "?"}`);
  };
  field("Go", base.goVersion, head.goVersion);
  field("GOOS/GOARCH", `${base.goos}/${base.goarch}`, `${head.goos}/${head.goarch}`);
  field("CPU", base.cpu, head.cpu);
  field("GOMAXPROCS", base.gomaxprocs, head.gomaxprocs);
  field("runner OS", base.runnerOs, head.runnerOs);
  return diffs.length ? `the baseline ran in a different environment (${diffs.join("; ")})` : null;
}
function failedPackages(run2, side) {
  return run2.packages.filter((p) => p.status !== "ok" && p.status !== "no-benchmarks").map((p) => `${side}: ${p.pkg} ${p.status}${p.message ? ": " + firstLine(p.message) : ""}`);
}
function firstLine(text) {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 200 ? line.slice(0, 200) + "\u2026" : line;
}
function compareOptions(v, units) {
  return { alpha: v.alpha, confidence: v.confidence, threshold: v.threshold, fdr: v.fdr, gatedUnits: v.gateUnits, units };
}
function compareRuns(base, head, v, fdrFamily) {
  const report = compareResults(base.results, head.results, { ...compareOptions(v, { ...base.units, ...head.units }), fdrFamily });
  const note = environmentNote(base.env, head.env);
  if (note) report.warnings.push(note);
  report.warnings.push(...failedPackages(base, "base"), ...failedPackages(head, "head"));
  return report;
}
async function modulePath(moduleDir) {
  const file = join(moduleDir, "go.mod");
  let text;
  try {
    text = await readFile3(file, "utf8");
  } catch {
    throw new BenchgateError("no go.mod here: point benchgate at a Go module", "usage", { file });
  }
  const m = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text);
  if (!m) throw new BenchgateError("no module line", "go-source", { file });
  return m[2];
}
async function localChanges(opts) {
  const warnings = [];
  const diffs = opts.diffs ?? parseUnifiedDiff(await diffBetween(opts.repoDir, opts.baseRef, opts.headRef), "git diff");
  const mod = await modulePath(opts.moduleDir);
  const moduleRoot = relative(opts.repoDir, opts.moduleDir).split("\\").join("/");
  const headSources = /* @__PURE__ */ new Map();
  const baseSources = /* @__PURE__ */ new Map();
  const mergeBase = (await git(["merge-base", opts.baseRef, opts.headRef ?? "HEAD"], opts.repoDir)).trim();
  await Promise.all(
    diffs.map(async (d) => {
      if (d.newPath?.endsWith(".go")) {
        const text = opts.headRef ? await git(["show", `${opts.headRef}:${d.newPath}`], opts.repoDir).catch(() => void 0) : await readFile3(join(opts.repoDir, d.newPath), "utf8").catch(() => void 0);
        if (text !== void 0) headSources.set(d.newPath, text);
      }
      if (d.oldPath?.endsWith(".go")) {
        const text = await git(["show", `${mergeBase}:${d.oldPath}`], opts.repoDir).catch(() => void 0);
        if (text !== void 0) baseSources.set(d.oldPath, text);
      }
    })
  );
  const found = changedFunctions(
    diffs,
    (p) => headSources.get(p),
    mod,
    pkgDirIn(moduleRoot),
    (p) => baseSources.get(p)
  );
  warnings.push(...found.warnings.map(warningText));
  const commits = /* @__PURE__ */ new Map();
  const key = (fn) => `${fn.file}:${fn.startLine}:${fn.side}`;
  const head = opts.headRef ?? "HEAD";
  for (const fn of found.functions.slice(0, 100)) {
    try {
      const list = fn.side === "head" ? await commitsTouching(opts.repoDir, mergeBase, head, fn.file, fn.startLine, fn.endLine) : await commitsTouchingFile(opts.repoDir, mergeBase, head, fn.file);
      commits.set(key(fn), list);
    } catch (e) {
      commits.set(key(fn), []);
      if (!(e instanceof BenchgateError)) throw e;
    }
  }
  return { functions: found.functions, commitsOf: (fn) => commits.get(key(fn)) ?? [], warnings };
}
function profileKind(unit) {
  if (unit === "sec/op") return { kind: "cpu", sampleType: "cpu" };
  if (unit === "B/op") return { kind: "mem", sampleType: "alloc_space" };
  if (unit === "allocs/op") return { kind: "mem", sampleType: "alloc_objects" };
  return null;
}
var ProfileCache = class {
  constructor(stored) {
    this.stored = stored;
  }
  stored;
  splits = /* @__PURE__ */ new Map();
  split(pkg, kind, sampleType) {
    const key = `${pkg}\0${sampleType}`;
    let p = this.splits.get(key);
    if (!p) {
      p = this.load(pkg, kind, sampleType);
      this.splits.set(key, p);
    }
    return p;
  }
  async load(pkg, kind, sampleType) {
    const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
    const files = entry ? kind === "cpu" ? entry.cpuProfiles : entry.memProfiles : [];
    if (files.length === 0) return `no ${kind === "cpu" ? "CPU" : "memory"} profile for ${pkg}`;
    try {
      const profile = await readProfiles(files.map((f) => resolve(this.stored.dir, f)));
      return splitByBenchmark(profile, pkg, sampleType);
    } catch (e) {
      if (e instanceof BenchgateError) return e.message;
      throw e;
    }
  }
};
async function benchmarkProfile(cache2, row, center) {
  const kind = profileKind(row.unit);
  if (!kind) return `no profile measures ${row.unit}`;
  const split = await cache2.split(row.package, kind.kind, kind.sampleType);
  if (typeof split === "string") return split;
  return perOpCosts(split, row.name, row.unit, center);
}
async function attributeReport(report, base, head, changes, log = silentLog) {
  await attributeRows(report.rows, base, head, changes);
  for (const w of changes?.warnings ?? []) log.warning(w);
}
async function attributeConfirmed(report, confirm, changes) {
  const rows = report.rows.filter((r) => r.confirmed === true && r.confirmation);
  const proxies = rows.map((r) => ({ ...r, base: r.confirmation.base, head: r.confirmation.head, deltaPercent: r.confirmation.deltaPercent }));
  await attributeRows(proxies, confirm.base, confirm.head, changes);
  rows.forEach((r, i) => {
    if (proxies[i].attribution) r.attribution = proxies[i].attribution;
  });
}
async function attributeRows(rows, base, head, changes) {
  const baseCache = new ProfileCache(base);
  const headCache = new ProfileCache(head);
  for (const row of rows) {
    if (row.verdict !== "regression" && row.verdict !== "improvement") continue;
    if (!row.base || !row.head || !profileKind(row.unit)) continue;
    const [b, h] = await Promise.all([
      benchmarkProfile(baseCache, row, row.base.center),
      benchmarkProfile(headCache, row, row.head.center)
    ]);
    const notes = [b, h].filter((x) => typeof x === "string");
    if (notes.length) {
      row.attribution = { functions: [], note: [...new Set(notes)].join("; ") };
      continue;
    }
    const a = attribute(row, b, h, changes?.functions ?? [], changes?.commitsOf ?? (() => []));
    if (!changes && a.functions.length) {
      a.note = (a.note ? a.note + ". " : "") + "The PR diff was not available: changed functions are not marked";
    }
    row.attribution = a;
  }
}

// src/gate.ts
function isGated(row, gateUnits) {
  return gateUnits.includes(row.unit);
}
function evaluateGate(report, opts) {
  const regressions = [];
  const unconfirmed = [];
  const cleared = [];
  const improvements = report.rows.filter((r) => r.verdict === "improvement");
  for (const row of report.rows) {
    if (row.verdict !== "regression" || !isGated(row, opts.gateUnits)) continue;
    if (row.confirmed === false) cleared.push(row);
    else if (row.confirmed === null) unconfirmed.push(row);
    else regressions.push(row);
  }
  const counted = opts.failOnUnconfirmed ? [...regressions, ...unconfirmed] : regressions;
  const reasons = counted.map((r) => `${r.package} ${r.name} ${r.unit}: ${r.reason}`);
  const wouldFail = opts.failOn === "regression" && counted.length > 0;
  const waivedBy = wouldFail && opts.acceptLabel && opts.labels?.includes(opts.acceptLabel) ? opts.acceptLabel : null;
  return { failed: wouldFail && !waivedBy, regressions, unconfirmed, cleared, improvements, waivedBy, reasons };
}

// src/settings.ts
var DEFAULT_VERDICT = {
  alpha: 0.05,
  confidence: 0.95,
  threshold: DEFAULT_THRESHOLD,
  fdr: true,
  gateUnits: ["sec/op", "B/op", "allocs/op"]
};
var DEFAULT_RUN = {
  packages: ["./..."],
  bench: ".",
  count: 10,
  minRounds: 6,
  extraFlags: [],
  profiles: true
};
function usageError(message) {
  return new BenchgateError(message, "usage");
}
function parseNumber(name, text, min, max) {
  const value = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw usageError(`${name} must be a number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}
function parseInteger(name, text, min, max) {
  const value = parseNumber(name, text, min, max);
  if (!Number.isInteger(value)) throw usageError(`${name} must be a whole number, got "${text}"`);
  return value;
}
function parseChoice(name, text, choices) {
  const value = text.trim();
  if (!choices.includes(value)) {
    throw usageError(`${name} must be one of ${choices.join(", ")}, got "${text}"`);
  }
  return value;
}
function parseDuration(name, text) {
  const units = { ms: 1, s: 1e3, m: 6e4, h: 36e5 };
  const s = text.trim();
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    total += Number(m[1]) * units[m[2]];
    matched = re.lastIndex;
  }
  if (s === "" || matched !== s.length) {
    throw usageError(`${name} must be a duration such as 90s, 10m or 1h30m, got "${text}"`);
  }
  return total;
}
function parseList(text) {
  return text.split(/[\s,]+/).filter((s) => s !== "");
}
function splitWords(name, text) {
  const words = [];
  let word = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\" && i + 1 < text.length && '"\\$`'.includes(text[i + 1])) word += text[++i];
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw usageError(`${name} has an unterminated ${quote} quote: ${text}`);
  if (inWord) words.push(word);
  return words;
}

// src/commands/common.ts
import { parseArgs } from "node:util";

// node_modules/markdown-table/index.js
function defaultStringLength(value) {
  return value.length;
}
function markdownTable(table, options) {
  const settings = options || {};
  const align = (settings.align || []).concat();
  const stringLength = settings.stringLength || defaultStringLength;
  const alignments = [];
  const cellMatrix = [];
  const sizeMatrix = [];
  const longestCellByColumn = [];
  let mostCellsPerRow = 0;
  let rowIndex = -1;
  while (++rowIndex < table.length) {
    const row2 = [];
    const sizes2 = [];
    let columnIndex2 = -1;
    if (table[rowIndex].length > mostCellsPerRow) {
      mostCellsPerRow = table[rowIndex].length;
    }
    while (++columnIndex2 < table[rowIndex].length) {
      const cell = serialize(table[rowIndex][columnIndex2]);
      if (settings.alignDelimiters !== false) {
        const size = stringLength(cell);
        sizes2[columnIndex2] = size;
        if (longestCellByColumn[columnIndex2] === void 0 || size > longestCellByColumn[columnIndex2]) {
          longestCellByColumn[columnIndex2] = size;
        }
      }
      row2.push(cell);
    }
    cellMatrix[rowIndex] = row2;
    sizeMatrix[rowIndex] = sizes2;
  }
  let columnIndex = -1;
  if (typeof align === "object" && "length" in align) {
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = toAlignment(align[columnIndex]);
    }
  } else {
    const code = toAlignment(align);
    while (++columnIndex < mostCellsPerRow) {
      alignments[columnIndex] = code;
    }
  }
  columnIndex = -1;
  const row = [];
  const sizes = [];
  while (++columnIndex < mostCellsPerRow) {
    const code = alignments[columnIndex];
    let before = "";
    let after = "";
    if (code === 99) {
      before = ":";
      after = ":";
    } else if (code === 108) {
      before = ":";
    } else if (code === 114) {
      after = ":";
    }
    let size = settings.alignDelimiters === false ? 1 : Math.max(
      1,
      longestCellByColumn[columnIndex] - before.length - after.length
    );
    const cell = before + "-".repeat(size) + after;
    if (settings.alignDelimiters !== false) {
      size = before.length + size + after.length;
      if (size > longestCellByColumn[columnIndex]) {
        longestCellByColumn[columnIndex] = size;
      }
      sizes[columnIndex] = size;
    }
    row[columnIndex] = cell;
  }
  cellMatrix.splice(1, 0, row);
  sizeMatrix.splice(1, 0, sizes);
  rowIndex = -1;
  const lines = [];
  while (++rowIndex < cellMatrix.length) {
    const row2 = cellMatrix[rowIndex];
    const sizes2 = sizeMatrix[rowIndex];
    const cellsInRow = settings.fillRows === false ? Math.max(1, cellMatrix[rowIndex === 1 ? 0 : rowIndex].length) : mostCellsPerRow;
    columnIndex = -1;
    const line = [];
    while (++columnIndex < cellsInRow) {
      const cell = row2[columnIndex] || "";
      let before = "";
      let after = "";
      if (settings.alignDelimiters !== false) {
        const size = longestCellByColumn[columnIndex] - (sizes2[columnIndex] || 0);
        const code = alignments[columnIndex];
        if (code === 114) {
          before = " ".repeat(size);
        } else if (code === 99) {
          const half = size / 2;
          if (size % 2) {
            before = " ".repeat(half + 0.5);
            after = " ".repeat(half - 0.5);
          } else {
            before = " ".repeat(half);
            after = before;
          }
        } else {
          after = " ".repeat(size);
        }
      }
      if (settings.delimiterStart !== false && !columnIndex) {
        line.push("|");
      }
      if (settings.padding !== false && // Don’t add the opening space if we’re not aligning and the cell is
      // empty: there will be a closing space.
      !(settings.alignDelimiters === false && cell === "") && (settings.delimiterStart !== false || columnIndex)) {
        line.push(" ");
      }
      if (settings.alignDelimiters !== false) {
        line.push(before);
      }
      line.push(cell);
      if (settings.alignDelimiters !== false) {
        line.push(after);
      }
      if (settings.padding !== false) {
        line.push(" ");
      }
      if (settings.delimiterEnd !== false || columnIndex !== cellsInRow - 1) {
        line.push("|");
      }
    }
    lines.push(
      settings.delimiterEnd === false ? line.join("").replace(/ +$/, "") : line.join("")
    );
  }
  return lines.join("\n");
}
function serialize(value) {
  return value === null || value === void 0 ? "" : String(value);
}
function toAlignment(value) {
  const code = typeof value === "string" ? value.codePointAt(0) : 0;
  return code === 67 || code === 99 ? 99 : code === 76 || code === 108 ? 108 : code === 82 || code === 114 ? 114 : 0;
}

// src/report/escape.ts
var MARKDOWN_SPECIALS = /[\\`*_{}[\]<>|~&!#]/g;
function escapeMarkdown(text) {
  return noMentions(oneLine(text).replace(MARKDOWN_SPECIALS, (c) => "\\" + c));
}
function noMentions(text) {
  return noAutolinks(text.replace(/@/g, "@\u200B"));
}
function noAutolinks(text) {
  return text.replace(/:\/\//g, ":\u200B//").replace(/\b(www)\./gi, "$1\u200B.");
}
function inlineCode(text) {
  const safe = oneLine(text).replace(/`/g, "\u02CB").replace(/\|/g, "\\|");
  return "`" + safe + "`";
}
function escapeHtml(text) {
  return noMentions(oneLine(text).replace(/[&<>"'`|[\]]/g, (c) => `&#${c.charCodeAt(0)};`));
}
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
}

// src/report/markdown.ts
var MAX_COMMENT_LENGTH = 65536;
var UNIT_SUFFIX = { "sec/op": "s", "B/op": "B", "B/s": "B/s", "allocs/op": "" };
function formatValue(value, unit, others = []) {
  const scaler = commonScale([value, ...others], unitClass(unit));
  return formatScaled(value, scaler) + (UNIT_SUFFIX[unit] ?? "");
}
function summaryCell(s, other, unit, exact) {
  if (!s) return "\u2014";
  const value = formatValue(s.center, unit, other ? [other.center] : []);
  if (exact || s.lo === s.hi) return value;
  return `${value} \xB1 ${pctRange(s.center, s.lo, s.hi)}`;
}
function deltaCell(row, bold) {
  if (row.verdict === "new") return "new";
  if (row.verdict === "removed") return "removed";
  if ((row.deltaPercent === null || !Number.isFinite(row.deltaPercent)) && row.base && row.head && row.base.center !== row.head.center) {
    const text2 = formatDelta2(row.head.center - row.base.center, row.unit);
    return bold ? `**${text2}**` : text2;
  }
  if (row.deltaPercent === null || !Number.isFinite(row.deltaPercent)) return "?";
  if (row.verdict !== "regression" && row.verdict !== "improvement" && !row.significant) return "~";
  const text = (row.deltaPercent >= 0 ? "+" : "\u2212") + formatFixed(Math.abs(row.deltaPercent), 1) + "%";
  return bold ? `**${text}**` : text;
}
function pCell(row) {
  if (row.exact) return "exact";
  if (row.p === null) return "\u2014";
  const p = formatFixed(row.p, 3);
  return row.q !== void 0 && row.q !== null ? `${p} (q=${formatFixed(row.q, 3)})` : p;
}
function benchmarkCell(row) {
  const pkg = row.package.split("/").pop() || row.package;
  return `${inlineCode(pkg)} ${escapeMarkdown(row.name)}`;
}
function shortSha(sha) {
  return sha ? sha.slice(0, 7) : "";
}
function fileLink(fn, ctx) {
  const base = fn.file.split("/").pop() ?? fn.file;
  const label = `${base} L${fn.startLine}\u2013${fn.endLine}`;
  if (!ctx.blobUrl || !/^[\w./-]+$/.test(fn.file)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](${ctx.blobUrl}${fn.file}#L${fn.startLine}-L${fn.endLine})`;
}
function shortFunction(name) {
  const slash = name.lastIndexOf("/");
  return slash >= 0 ? name.slice(slash + 1) : name;
}
function likelyCause(row, ctx) {
  const a = row.attribution;
  if (!a) return "";
  const top = a.functions[0];
  if (!top) return a.note ? escapeMarkdown(a.note) : "";
  const parts = [inlineCode(shortFunction(top.function))];
  if (top.changed) parts.push(`\u270F\uFE0F ${fileLink(top, ctx)}`);
  else parts.push("(not changed in this PR)");
  if (row.base && row.head) {
    parts.push(`\u2014 ${formatDelta2(top.delta, row.unit)} of ${formatDelta2(row.head.center - row.base.center, row.unit)}/op`);
  }
  return parts.join(" ");
}
var MARK = { regression: "\u{1F534}", improvement: "\u{1F7E2}" };
function marker(row) {
  if (row.confirmed === false) return "\u26AA";
  if (row.confirmed === null) return "\u{1F7E1}";
  return MARK[row.verdict] ?? "";
}
function changedTable(rows, ctx) {
  const header = ["", "benchmark", "metric", "base", "this PR", "\u0394", "p", "likely cause"];
  const body = rows.map((r) => [
    marker(r),
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, r.verdict === "regression" && r.confirmed !== false),
    pCell(r),
    likelyCause(r, ctx)
  ]);
  return markdownTable([header, ...body], { align: ["l", "l", "l", "r", "r", "r", "r", "l"] });
}
function confirmationLine(r) {
  const c = r.confirmation;
  if (!c) return "";
  const n = `n=${c.base.n}+${c.head.n}`;
  const d = c.deltaPercent === null ? "?" : `${c.deltaPercent >= 0 ? "+" : "\u2212"}${formatFixed(Math.abs(c.deltaPercent), 1)}%`;
  const p = c.p === null ? "" : `, p=${formatFixed(c.p, 3)}`;
  const what = r.confirmed ? "confirmed" : r.confirmed === null ? "not judged" : "cleared";
  return `${benchmarkCell(r)} ${r.unit}: ${what} by alternating rounds on this runner (${d}${p}, ${n}) \u2014 ${escapeMarkdown(c.reason)}`;
}
function attributionDetails(row, ctx) {
  const a = row.attribution;
  if (!a || a.functions.length === 0 && !a.note) return "";
  const lines = [];
  const why = row.verdict === "regression" ? "why it is slower" : "why it is faster";
  const what = row.unit === "sec/op" ? "CPU profile" : "memory profile";
  lines.push(`<details><summary>${marker(row)} ${escapeHtml(row.name)} (${escapeHtml(row.unit)}) \u2014 ${why} (${what}, per op)</summary>`, "");
  if (a.functions.length > 0) {
    const header = ["function", "\u0394 per op", "share", "changed in this PR"];
    const body = a.functions.slice(0, 8).map((f) => [
      inlineCode(shortFunction(f.function)),
      formatDelta2(f.delta, row.unit),
      Number.isFinite(f.share) ? `${formatFixed(f.share * 100, 0)}%` : "?",
      f.changed ? `\u270F\uFE0F ${fileLink(f, ctx)}${f.commits.length ? " in " + f.commits.slice(0, 3).map((c) => `${inlineCode(shortSha(c.sha))} ${escapeMarkdown(c.subject)}`).join(", ") : ""}` : ""
    ]);
    lines.push(markdownTable([header, ...body], { align: ["l", "r", "r", "l"] }), "");
  }
  if (a.note) lines.push(escapeMarkdown(a.note), "");
  lines.push("</details>");
  return lines.join("\n");
}
function unchangedSection(rows) {
  if (rows.length === 0) return "";
  const header = ["benchmark", "metric", "base", "this PR", "\u0394", "p", "why unchanged"];
  const body = rows.map((r) => [
    benchmarkCell(r),
    r.unit,
    summaryCell(r.base, r.head, r.unit, !!r.exact),
    summaryCell(r.head, r.base, r.unit, !!r.exact),
    deltaCell(r, false),
    pCell(r),
    escapeMarkdown(r.reason)
  ]);
  const names = new Set(rows.map((r) => `${r.package}\0${r.name}`));
  return [
    `<details><summary>${names.size} unchanged${rows.some((r) => r.verdict === "noisy") ? " or too noisy" : ""} benchmarks (${rows.length} rows)</summary>`,
    "",
    markdownTable([header, ...body], { align: ["l", "l", "r", "r", "r", "r", "l"] }),
    "",
    "</details>"
  ].join("\n");
}
function headline(report, ctx) {
  const g = ctx.gate;
  const benchmarks = new Set(report.rows.map((r) => `${r.package}\0${r.name}`)).size;
  const count = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (g.regressions.length > 0 || g.failed && g.unconfirmed.length > 0) {
    const n = g.regressions.length + (g.failed ? g.unconfirmed.length : 0);
    const tail = g.waivedBy ? `waived by label ${inlineCode(g.waivedBy)}` : g.failed ? "merge blocked" : "not gating";
    const icon = g.waivedBy || !g.failed ? "\u26A0\uFE0F" : "\u274C";
    return `### ${icon} benchgate: ${count(n, "regression")} in ${count(benchmarks, "benchmark")} \u2014 ${tail}`;
  }
  if (ctx.incomplete && ctx.incomplete.length > 0) {
    return `### \u26A0\uFE0F benchgate: incomplete \u2014 ${count(ctx.incomplete.length, "package")} failed; no regressions in the ${count(benchmarks, "benchmark")} that ran`;
  }
  const better = g.improvements.length > 0 ? `, ${count(g.improvements.length, "improvement")}` : "";
  const suspects = g.unconfirmed.length > 0 ? `, ${g.unconfirmed.length} unconfirmed` : "";
  const noisy = new Set(report.rows.filter((r) => r.verdict === "noisy").map((r) => `${r.package}\0${r.name}`)).size;
  const tooNoisy = noisy > 0 ? `, ${noisy} too noisy to judge` : "";
  const gated = /* @__PURE__ */ new Set([...g.regressions, ...g.unconfirmed, ...g.cleared]);
  const ungated = report.rows.filter((r) => r.verdict === "regression" && !gated.has(r)).length;
  const other = ungated > 0 ? `, ${count(ungated, "regression")} in ungated metrics` : "";
  const cleared = g.cleared.length > 0 ? `, ${count(g.cleared.length, "suspect")} cleared` : "";
  return `### \u2705 benchgate: no regressions in ${count(benchmarks, "benchmark")}${better}${suspects}${cleared}${tooNoisy}${other}`;
}
function footer(report, ctx) {
  const b = ctx.baseline;
  const s = report.settings;
  const parts = [];
  const where = b.source === "artifact" ? `the baseline artifact of ${b.ref ? inlineCode(b.ref) : "the base branch"}${b.commit ? " @ " + shortSha(b.commit) : ""}${b.runNumber ? ` (run #${b.runNumber})` : ""}` : b.source === "rerun" ? `${b.ref ? inlineCode(b.ref) : "the merge base"}${b.commit ? " @ " + shortSha(b.commit) : ""}, run here in alternating rounds` : `${b.ref ? inlineCode(b.ref) : "the stored baseline"}${b.commit ? " @ " + shortSha(b.commit) : ""}`;
  const samples = !ctx.rounds ? "" : ctx.minRounds !== void 0 && ctx.minRounds < ctx.rounds ? `, up to ${ctx.rounds} samples a side (benchmarks whose intervals ruled out a ${s.threshold}% slowdown stopped after ${ctx.minRounds})` : `, ${ctx.rounds} samples a side`;
  parts.push(`Compared against ${where}${samples}.`);
  if (b.environmentNote) parts.push(`\u26A0\uFE0F ${escapeMarkdown(b.environmentNote)}.`);
  if (ctx.confirmRounds) parts.push(`Suspects re-run in ${ctx.confirmRounds} alternating rounds against the merge base on this runner before they count.`);
  const fdr = report.rows.some((r) => r.q !== void 0 && r.q !== null);
  parts.push(
    `Test: two-sided Mann\u2013Whitney U on the medians, \u03B1 = ${s.alpha}${fdr ? " after Benjamini\u2013Hochberg false-discovery-rate control (q)" : ""}, minimum effect ${s.threshold}%; allocation counts and other deterministic metrics compared by value.`
  );
  if (ctx.gate.waivedBy) parts.push(`The gate was waived by the label ${inlineCode(ctx.gate.waivedBy)}.`);
  return parts.join(" ");
}
function renderMarkdown(report, ctx) {
  const max = ctx.maxLength ?? MAX_COMMENT_LENGTH;
  const changed = report.rows.filter((r) => r.verdict === "regression" || r.verdict === "improvement");
  changed.sort((a, b) => rank(a) - rank(b) || Math.abs(b.deltaPercent ?? 0) - Math.abs(a.deltaPercent ?? 0));
  const others = report.rows.filter((r) => !changed.includes(r));
  const top = [headline(report, ctx), ""];
  for (const pkg of ctx.incomplete ?? []) top.push(`> \u26A0\uFE0F ${escapeMarkdown(pkg)}`);
  for (const n2 of ctx.notices ?? []) top.push(`> ${escapeMarkdown(n2)}`);
  if ((ctx.incomplete?.length ?? 0) + (ctx.notices?.length ?? 0) > 0) top.push("");
  const end = ["", footer(report, ctx), ...ctx.marker ? ["", ctx.marker] : []];
  const build = (nChanged, withDetails, withUnchanged) => {
    const out2 = [...top];
    const shown = changed.slice(0, nChanged);
    if (shown.length > 0) out2.push(changedTable(shown, ctx), "");
    if (changed.length > nChanged) {
      out2.push(`\u2026 ${changed.length - nChanged} more changed rows: ${ctx.fullReportHint ?? "see the full report"}.`, "");
    }
    const confirmations = shown.filter((r) => r.confirmation).map(confirmationLine);
    if (confirmations.length) out2.push(confirmations.map((l) => `- ${l}`).join("\n"), "");
    if (withDetails) {
      for (const r of shown) {
        const d = attributionDetails(r, ctx);
        if (d) out2.push(d, "");
      }
    }
    if (withUnchanged) out2.push(unchangedSection(others));
    else if (others.length) out2.push(`${others.length} unchanged rows: ${ctx.fullReportHint ?? "see the full report"}.`);
    return out2.join("\n").trimEnd() + "\n" + end.join("\n") + "\n";
  };
  let text = build(changed.length, true, true);
  if (text.length <= max) return text;
  text = build(changed.length, true, false);
  if (text.length <= max) return text;
  text = build(changed.length, false, false);
  let n = changed.length;
  while (text.length > max && n > 0) {
    n = Math.floor(n / 2);
    text = build(n, false, false);
  }
  return text.length <= max ? text : text.slice(0, max - 200) + "\n\n\u2026 cut to fit.\n" + (ctx.marker ?? "");
}
function rank(r) {
  if (r.verdict === "regression") return r.confirmed === false ? 2 : 0;
  return 1;
}

// src/report/csv.ts
var CSV_COLUMNS = [
  "package",
  "name",
  "unit",
  "base_n",
  "base_center",
  "base_lo",
  "base_hi",
  "head_n",
  "head_center",
  "head_lo",
  "head_hi",
  "delta_percent",
  "p",
  "q",
  "significant",
  "verdict",
  "reason",
  "exact",
  "confirmed"
];
function toCsvReport(report) {
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of report.rows) lines.push(rowCells(row).map(csvField).join(","));
  return lines.join("\r\n") + "\r\n";
}
function rowCells(row) {
  return [
    row.package,
    row.name,
    row.unit,
    ...summaryCells(row.base),
    ...summaryCells(row.head),
    numberCell(row.deltaPercent),
    numberCell(row.p),
    numberCell(row.q),
    String(row.significant),
    row.verdict,
    row.reason,
    String(row.exact ?? false),
    row.confirmed === void 0 || row.confirmed === null ? "" : String(row.confirmed)
  ];
}
function summaryCells(s) {
  if (!s) return ["", "", "", ""];
  return [String(s.n), numberCell(s.center), numberCell(s.lo), numberCell(s.hi)];
}
function numberCell(v) {
  return typeof v === "number" && Number.isFinite(v) ? String(v) : "";
}
function csvField(text) {
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

// src/report/json.ts
var JSON_REPORT_SCHEMA = 1;
function toJsonReport(report, extra) {
  const body = {
    ...extra ?? {},
    schema: JSON_REPORT_SCHEMA,
    rows: report.rows.map(rowToJson),
    geomean: report.geomean.map((g) => ({ unit: g.unit, base: num(g.base), head: num(g.head), deltaPercent: num(g.deltaPercent) })),
    warnings: [...report.warnings],
    settings: { ...report.settings }
  };
  return JSON.stringify(body, (_key, value) => typeof value === "number" && !Number.isFinite(value) ? null : value, 2) + "\n";
}
function rowToJson(row) {
  return {
    package: row.package,
    name: row.name,
    unit: row.unit,
    base: summaryToJson(row.base),
    head: summaryToJson(row.head),
    deltaPercent: num(row.deltaPercent),
    p: num(row.p),
    q: num(row.q),
    significant: row.significant,
    verdict: row.verdict,
    reason: row.reason,
    exact: row.exact ?? false,
    noisePercent: num(row.noisePercent),
    suspect: row.suspect ?? false,
    confirmed: row.confirmed ?? null,
    confirmation: row.confirmation ? {
      base: summaryToJson(row.confirmation.base),
      head: summaryToJson(row.confirmation.head),
      deltaPercent: num(row.confirmation.deltaPercent),
      p: num(row.confirmation.p),
      verdict: row.confirmation.verdict,
      reason: row.confirmation.reason
    } : null,
    attribution: row.attribution ? {
      functions: row.attribution.functions.map((f) => ({
        function: f.function,
        file: f.file,
        startLine: f.startLine,
        endLine: f.endLine,
        changed: f.changed,
        commits: f.commits.map((c) => ({ sha: c.sha, subject: c.subject })),
        delta: num(f.delta),
        share: num(f.share)
      })),
      note: row.attribution.note
    } : null
  };
}
function summaryToJson(s) {
  if (!s) return null;
  return { n: s.n, center: num(s.center), lo: num(s.lo), hi: num(s.hi), warnings: [...s.warnings] };
}
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

// src/report/attribution-text.ts
function formatAttributionText(report, maxFunctions = 5) {
  const out2 = [];
  for (const row of report.rows) {
    if (row.verdict !== "regression" && row.verdict !== "improvement" || !row.attribution) continue;
    const a = row.attribution;
    const delta = row.deltaPercent === null ? "" : ` ${row.deltaPercent >= 0 ? "+" : ""}${formatFixed(row.deltaPercent, 1)}%`;
    const confirmed = row.confirmed === false ? " (cleared by confirmation)" : row.confirmed === null ? " (unconfirmed)" : "";
    out2.push(`${row.package} ${row.name} ${row.unit}${delta} ${row.verdict}${confirmed}:`);
    const width2 = Math.max(0, ...a.functions.slice(0, maxFunctions).map((f) => f.function.length));
    for (const f of a.functions.slice(0, maxFunctions)) {
      const share = Number.isFinite(f.share) ? `${formatFixed(f.share * 100, 0)}%` : "?";
      const where = f.changed ? `  changed in this PR: ${f.file} L${f.startLine}\u2013${f.endLine}` + (f.commits.length ? ` (${f.commits.slice(0, 3).map((c) => `${c.sha.slice(0, 7)} ${c.subject}`).join("; ")})` : "") : "";
      out2.push(`    ${f.function.padEnd(width2)}  ${(formatDelta2(f.delta, row.unit) + "/op").padStart(12)}  ${share.padStart(4)}${where}`);
    }
    if (a.note) out2.push(`    note: ${a.note}`);
  }
  return out2.length ? "\nlikely causes (from CPU and memory profiles, per op):\n" + out2.join("\n") + "\n" : "";
}

// src/report/text.ts
var NAME2 = 0;
var BC = 1;
var BR = 2;
var BW = 3;
var HC = 4;
var HR = 5;
var HW = 6;
var DELTA = 7;
var PN = 8;
var CW = 9;
var RIGHT = /* @__PURE__ */ new Set([BC, BR, HC, HR, DELTA]);
var GAP = ["", "   ", " \xB1 ", " ", "   ", " \xB1 ", " ", "  ", " ", " "];
var Footnotes = class {
  list = [];
  index = /* @__PURE__ */ new Map();
  /** The superscript marks for these messages, numbering new ones. */
  mark(messages) {
    return messages.map((m) => {
      let i = this.index.get(m);
      if (i === void 0) {
        i = this.list.length;
        this.index.set(m, i);
        this.list.push(m);
      }
      return superscript(i + 1);
    }).join(" ");
  }
};
function formatText(report) {
  const out2 = [];
  let lastPkg;
  for (const table of tables(report.rows)) {
    if (out2.length) out2.push("");
    if (table.pkg !== lastPkg && table.pkg !== "") out2.push(`pkg: ${table.pkg}`);
    lastPkg = table.pkg;
    out2.push(...formatTable(table.rows, report));
  }
  return out2.join("\n") + (out2.length ? "\n" : "");
}
function tables(rows) {
  const byKey = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = r.package + "\0" + r.unit;
    let t = byKey.get(key);
    if (!t) byKey.set(key, t = { pkg: r.package, unit: r.unit, rows: [] });
    t.rows.push(r);
  }
  const list = [...byKey.values()];
  const pkgOrder = /* @__PURE__ */ new Map();
  for (const t of list) if (!pkgOrder.has(t.pkg)) pkgOrder.set(t.pkg, pkgOrder.size);
  return list.sort((a, b) => pkgOrder.get(a.pkg) - pkgOrder.get(b.pkg));
}
function formatTable(rows, report) {
  const { alpha, threshold } = report.settings;
  const unit = rows[0].unit;
  const cls = unitClass(unit);
  const notes = new Footnotes();
  const lines = [];
  for (const row of rows) {
    const line = Array(10).fill("");
    line[NAME2] = row.name;
    const centers = [row.base?.center, row.head?.center].filter((x) => x !== void 0);
    const scaler = commonScale(centers, cls);
    if (row.base) {
      line[BC] = formatScaled(row.base.center, scaler);
      line[BR] = pctRange(row.base.center, row.base.lo, row.base.hi);
      line[BW] = notes.mark(row.base.warnings);
    }
    if (row.head) {
      line[HC] = formatScaled(row.head.center, scaler);
      line[HR] = pctRange(row.head.center, row.head.lo, row.head.hi);
      line[HW] = notes.mark(row.head.warnings);
    }
    const rowNotes = [];
    if (row.base && row.head) {
      const exactUnit = row.stats ? row.stats.assume === "exact" : row.exact === true && row.p === null;
      const p = row.stats?.p ?? row.p ?? 0;
      const a = row.stats?.alpha ?? (exactUnit ? 0 : alpha);
      const delta = formatDelta(p, a, row.base.center, row.head.center);
      line[DELTA] = delta;
      line[PN] = "(" + formatComparison(p, row.stats?.n1 ?? row.base.n, row.stats?.n2 ?? row.head.n) + ")";
      rowNotes.push(...row.stats?.warnings ?? []);
      if (delta === "~" && rowNotes.length === 0) rowNotes.push(`no significant difference (p > \u03B1=${alpha})`);
      if (delta === "?") rowNotes.push("the base is 0: no percentage change");
      rowNotes.push(...verdictNotes(row, delta, threshold, alpha));
    } else {
      rowNotes.push(row.base ? "only in the base: benchmark removed" : "only in the head: new benchmark");
    }
    line[CW] = notes.mark(rowNotes);
    lines.push(line);
  }
  if (rows.length > 1) {
    const g = tableGeomean(rows, report);
    const line = Array(10).fill("");
    line[NAME2] = "geomean";
    if (!Number.isNaN(g.base)) line[BC] = scale(g.base, cls);
    line[BW] = notes.mark(g.baseWarnings);
    if (!Number.isNaN(g.head)) line[HC] = scale(g.head, cls);
    line[DELTA] = Number.isNaN(g.deltaPercent) ? "?" : formatSignedFixed(g.deltaPercent, 2) + "%";
    line[CW] = notes.mark(g.headWarnings);
    lines.push(line);
  }
  return [...render(lines, unit), ...notes.list.map((m, i) => `${superscript(i + 1)} ${m}`)];
}
function verdictNotes(row, delta, threshold, alpha) {
  const changed = row.verdict === "regression" || row.verdict === "improvement";
  const shownAsChange = delta !== "~" && delta !== "0.00%";
  if (row.exact && row.p !== null && changed !== shownAsChange) return ["compared by value: deterministic on both sides"];
  if (changed || !shownAsChange) return [];
  if (row.reason.includes("threshold")) return [`below the ${threshold}% threshold: not counted as a change`];
  if (row.q != null && row.q > alpha) return [`not significant after false-discovery-rate control (q > \u03B1=${alpha})`];
  return [];
}
function tableGeomean(rows, report) {
  const g = geomeanSummary(rows.map((r) => ({ base: r.base?.center ?? null, head: r.head?.center ?? null })));
  const single = new Set(report.rows.map((r) => r.package)).size === 1;
  const reported = single ? report.geomean.find((x) => x.unit === rows[0].unit) : void 0;
  return reported && reported.baseWarnings ? reported : { unit: rows[0].unit, ...g };
}
function width(s) {
  return Array.from(s).length;
}
function pad(s, w, right) {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
function render(lines, unit) {
  const widths = Array(10).fill(0);
  for (const l of lines) l.forEach((c, i) => widths[i] = Math.max(widths[i], width(c)));
  const groupWidth = (from, to) => {
    let w = 0;
    for (let i = from; i <= to; i++) w += (i === from ? 0 : GAP[i].length) + widths[i];
    return w;
  };
  const baseHeader = unit;
  const headHeader = `${unit} vs base`;
  if (groupWidth(BC, BW) < width(baseHeader)) widths[BW] += width(baseHeader) - groupWidth(BC, BW);
  if (groupWidth(HC, CW) < width(headHeader)) widths[CW] += width(headHeader) - groupWidth(HC, CW);
  const center = (s, w) => {
    const l = Math.floor((w - width(s)) / 2);
    return pad(" ".repeat(Math.max(0, l)) + s, w, false);
  };
  const bw = groupWidth(BC, BW);
  const hw = groupWidth(HC, CW);
  const name = " ".repeat(widths[NAME2]);
  const header = [
    `${name} \u2502 ${center("base", bw)} \u2502 ${center("head", hw)} \u2502`,
    `${name} \u2502 ${center(baseHeader, bw)} \u2502 ${pad(center(unit, groupWidth(HC, HW)) + "  vs base", hw, false)} \u2502`
  ];
  const body = lines.map((l) => {
    let s = "";
    l.forEach((c, i) => {
      const gap = (i === BR || i === HR) && c === "" ? "   " : GAP[i];
      s += gap + pad(c, widths[i], RIGHT.has(i));
    });
    return s.trimEnd();
  });
  return [...header.map((h) => h.trimEnd()), ...body];
}

// src/commands/common.ts
var EXIT_OK = 0;
var EXIT_REGRESSION = 1;
var EXIT_USAGE = 2;
var EXIT_FAILED = 3;
var FORMATS = ["text", "markdown", "json", "csv"];
var VERDICT_OPTIONS = {
  alpha: { type: "string" },
  confidence: { type: "string" },
  threshold: { type: "string" },
  "no-fdr": { type: "boolean" },
  "gate-metrics": { type: "string" },
  "fail-on": { type: "string" },
  format: { type: "string" }
};
function parseFlags(argv, options, allowPositionals = true) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals, strict: true });
    return { values, positionals };
  } catch (e) {
    const err = e;
    const flag = /'([^']+)'/.exec(err.message)?.[1];
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && flag) throw usageError(`unknown flag "${flag}"`);
    throw usageError(err.message.split("\n")[0]);
  }
}
function str(values, name) {
  const v = values[name];
  return typeof v === "string" ? v : void 0;
}
function verdictFrom(values) {
  const alpha = str(values, "alpha");
  const confidence = str(values, "confidence");
  const threshold = str(values, "threshold");
  const gate = str(values, "gate-metrics");
  return {
    alpha: alpha !== void 0 ? parseNumber("--alpha", alpha, 1e-9, 0.5) : DEFAULT_VERDICT.alpha,
    confidence: confidence !== void 0 ? parseNumber("--confidence", confidence, 0.5, 0.999999) : DEFAULT_VERDICT.confidence,
    threshold: threshold !== void 0 ? parseNumber("--threshold", threshold, 0, 1e4) : DEFAULT_VERDICT.threshold,
    fdr: values["no-fdr"] !== true,
    gateUnits: gate !== void 0 ? parseList(gate) : DEFAULT_VERDICT.gateUnits
  };
}
function failOnFrom(values) {
  return parseChoice("--fail-on", str(values, "fail-on") ?? "none", ["regression", "none"]);
}
function formatFrom(values, fallback = "text") {
  return parseChoice("--format", str(values, "format") ?? fallback, FORMATS);
}
function render2(report, format, ctx, extra) {
  switch (format) {
    case "json":
      return toJsonReport(report, extra);
    case "csv":
      return toCsvReport(report);
    case "markdown":
      return renderMarkdown(report, { ...ctx, maxLength: Number.MAX_SAFE_INTEGER });
    default:
      return formatText(report) + formatAttributionText(report) + warningsText(report);
  }
}
function warningsText(report) {
  return report.warnings.length ? "\n" + report.warnings.map((w) => `warning: ${w}`).join("\n") + "\n" : "";
}
function reportError(e, command, usage, out2) {
  if (e instanceof BenchgateError && e.code === "usage") {
    out2.stderr(`benchgate ${command}: ${e.message}
${usage}
`);
    return EXIT_USAGE;
  }
  if (e instanceof BenchgateError) {
    out2.stderr(`benchgate ${command}: ${e.message}
`);
    return EXIT_FAILED;
  }
  throw e;
}

// src/commands/compare.ts
var COMPARE_USAGE = "usage: benchgate compare <base-file> <head-file> [--format text|markdown|json|csv] [--alpha 0.05] [--confidence 0.95] [--threshold 4] [--no-fdr] [--gate-metrics sec/op,B/op,allocs/op] [--fail-on regression|none]";
async function compareCommand(argv, out2) {
  try {
    const { values, positionals } = parseFlags(argv, VERDICT_OPTIONS);
    if (positionals.length !== 2) throw usageError(`expected two files, got ${positionals.length}`);
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const [base, head] = await Promise.all(positionals.map((f) => parseBenchFile(f)));
    const report = compareResults(base.results, head.results, compareOptions(verdict, { ...base.units, ...head.units }));
    report.warnings.push(...[...base.warnings, ...head.warnings].map(warningText));
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    out2.stdout(render2(report, format, { gate, baseline: { source: "files", ref: positionals[0] } }));
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, "compare", COMPARE_USAGE, out2);
  }
}

// src/commands/profile.ts
import { basename as basename2 } from "node:path";

// src/pprof/top.ts
function topFunctions(p, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  let total = 0;
  for (const s of p.sample) total += Math.abs(s.value[index]);
  const focused = options.focus ? focusMatcher(p, options.focus) : null;
  const agg = new FunctionAggregator(byName, options.inlineMarkers ?? true);
  for (const s of p.sample) {
    if (focused && !s.location.some((l) => focused[l.index])) continue;
    agg.add(s, s.value[index]);
  }
  const markers = agg.inlineMarkers();
  const rows = agg.nonZero().map((n) => ({ ...agg.rows[n], inline: markers[n] }));
  rows.sort(compareTop);
  return { sampleType: p.sampleType[index] ?? { type: "", unit: "" }, sampleIndex: index, total, rows };
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
var BYTES2 = {
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
var TIME3 = {
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
var UNIT_TYPES = [BYTES2, TIME3, GCU];
function sniff(ut, unit) {
  let u = unit.toLowerCase();
  if (u.length > 2 && u.endsWith("s")) u = u.slice(0, -1);
  return ut.units.find((x) => x.aliases.includes(u));
}
function scale2(value, from, to) {
  if (value < 0) {
    const [v, u] = scale2(-value, from, to);
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
  const [v, u] = scale2(value, from, to);
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
  const minUnit = scale2(min, sampleUnit, "minimum")[1];
  const maxUnit = scale2(max, sampleUnit, "minimum")[1];
  let unit = minUnit;
  if (minUnit !== maxUnit && min * 100 < max) unit = scale2(100 * min, sampleUnit, "minimum")[1];
  return unit !== "" ? unit : sampleUnit;
}

// src/commands/profile.ts
var USAGE = "usage: benchgate profile top <file>... [--sample-index <type>] [--focus <regex>] [--format text|json]";
function parseArgs2(argv) {
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
async function profileCommand(argv, out2) {
  const args = parseArgs2(argv);
  if (typeof args === "string") {
    out2.stderr(`benchgate profile: ${args}; ${USAGE}
`);
    return 2;
  }
  try {
    const profile = await readProfiles(args.files);
    const report = topFunctions(profile, args.sampleIndex, { focus: args.focus });
    if (args.format === "json") {
      out2.stdout(JSON.stringify(topJson(report), null, 2) + "\n");
    } else {
      const file = profile.mapping[0]?.file ? basename2(profile.mapping[0].file) : "";
      out2.stdout(topText(report, { file, focus: args.focusText }));
    }
    return 0;
  } catch (e) {
    if (e instanceof BenchgateError) {
      out2.stderr(`benchgate profile: ${e.message}
`);
      return 1;
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

// src/commands/run.ts
import { mkdtemp as mkdtemp2, rm as rm4, writeFile as writeFile4, mkdir as mkdir4, readdir, rename as rename2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname, join as join9, relative as relative4, resolve as resolve2 } from "node:path";

// src/gotool/progress.ts
function formatDuration(ms) {
  const total = Math.round(ms / 1e3);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total % 3600 / 60);
  const s = total % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}
function formatProgress(e) {
  const parts = [`${e.phase === "build" ? "building" : "running"} package ${e.index} of ${e.total} (${e.pkg})`];
  if (e.round !== void 0 && e.rounds !== void 0) parts.push(`round ${e.round} of ${e.rounds}`);
  if (e.side) parts.push(e.side);
  parts.push(`${formatDuration(e.elapsedMs)} elapsed`);
  if (e.remainingMs !== null) parts.push(`about ${formatDuration(e.remainingMs)} left`);
  return parts.join(", ");
}
function lineSink(write = (l) => process.stderr.write(l)) {
  return (e) => write(`benchgate: ${formatProgress(e)}
`);
}
var StepClock = class {
  constructor(steps, now = Date.now) {
    this.steps = steps;
    this.now = now;
    this.started = now();
  }
  steps;
  now;
  done = 0;
  started;
  /** Timing fields for the event announcing the start of the next step. */
  next() {
    const elapsedMs = this.now() - this.started;
    const remainingMs = this.done === 0 ? null : elapsedMs / this.done * (this.steps - this.done);
    this.done++;
    return { step: this.done, steps: this.steps, elapsedMs, remainingMs };
  }
};

// src/local.ts
import { join as join8, relative as relative3 } from "node:path";

// src/compare/settle.ts
function rowIsOpen(row, rule) {
  if (!rule.gateUnits.includes(row.unit)) return false;
  if (!row.base || !row.head || row.exact) return false;
  if (row.verdict === "regression") return true;
  const worst = worstCasePercent(row, higherIsBetter(row.unit, rule.units ?? {}));
  return worst === null || worst >= rule.threshold;
}
function openBenchmarks(report, rule) {
  const seen = /* @__PURE__ */ new Set();
  const open = [];
  for (const row of report.rows) {
    const key = `${row.package}\0${row.name}`;
    if (seen.has(key) || !rowIsOpen(row, rule)) continue;
    seen.add(key);
    open.push({ pkg: row.package, name: row.name });
  }
  return open;
}

// src/git/worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function addWorktree(repo, ref, opts = {}) {
  const sha = await revParse(ref, repo, opts);
  const dir = await mkdtemp(join2(tmpdir(), "benchgate-worktree-"));
  let removed = false;
  const remove = async () => {
    if (removed) return;
    removed = true;
    await git(["worktree", "remove", "--force", dir], repo, opts).catch(() => void 0);
    await rm(dir, { recursive: true, force: true });
    await git(["worktree", "prune"], repo, opts).catch(() => void 0);
  };
  try {
    await git(["worktree", "add", "--detach", "--quiet", dir, sha], repo, { timeoutMs: 10 * 6e4, ...opts });
  } catch (e) {
    await remove();
    throw e;
  }
  return { dir, sha, remove };
}
async function withWorktree(repo, ref, fn, opts = {}) {
  const wt = await addWorktree(repo, ref, opts);
  try {
    return await fn(wt);
  } finally {
    await wt.remove();
  }
}

// src/gotool/alternate.ts
import { mkdir as mkdir2, rm as rm3, writeFile as writeFile2 } from "node:fs/promises";
import { join as join6 } from "node:path";

// src/gotool/benchfuncs.ts
function blankCommentsAndStrings(src) {
  const out2 = [];
  const n = src.length;
  let i = 0;
  const blank = (s) => s.replace(/[^\n]/g, " ");
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    let end;
    if (c === "/" && next === "/") {
      end = src.indexOf("\n", i);
      if (end < 0) end = n;
    } else if (c === "/" && next === "*") {
      end = src.indexOf("*/", i + 2);
      end = end < 0 ? n : end + 2;
    } else if (c === "`") {
      end = src.indexOf("`", i + 1);
      end = end < 0 ? n : end + 1;
    } else if (c === '"' || c === "'") {
      end = i + 1;
      while (end < n && src[end] !== c && src[end] !== "\n") end += src[end] === "\\" ? 2 : 1;
      end = Math.min(n, end + 1);
    } else {
      out2.push(c);
      i++;
      continue;
    }
    out2.push(blank(src.slice(i, end)));
    i = end;
  }
  return out2.join("");
}
function testingAliases(src) {
  const aliases = /* @__PURE__ */ new Set(["testing"]);
  for (const m of src.matchAll(/(?:^|[\s(;])([\p{L}_][\p{L}\p{N}_]*)[ \t]+"testing"/gu)) aliases.add(m[1]);
  return aliases;
}
function findBenchmarks(src) {
  const code = blankCommentsAndStrings(src);
  const aliases = testingAliases(src);
  const names = [];
  const decl = /^func[ \t]+(Benchmark[\p{L}\p{N}_]*)[ \t]*\([ \t]*(?:[\p{L}_][\p{L}\p{N}_]*[ \t]+)?\*[ \t]*([\p{L}_][\p{L}\p{N}_]*)[ \t]*\.[ \t]*B[ \t]*\)/gmu;
  for (const m of code.matchAll(decl)) {
    const [, name, pkg] = m;
    const rest = name.slice("Benchmark".length);
    if (rest !== "" && new RegExp("^\\p{Ll}", "u").test(rest)) continue;
    if (!aliases.has(pkg)) continue;
    names.push(name);
  }
  return names;
}
function splitBenchPattern(pattern) {
  const alternatives = [];
  let levels = [];
  let s = pattern;
  let brackets = 0;
  let parens = 0;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === "[") brackets++;
    else if (c === "]") brackets = Math.max(0, brackets - 1);
    else if (c === "(" && brackets === 0) parens++;
    else if (c === ")" && brackets === 0) parens--;
    else if (c === "\\") i++;
    else if ((c === "/" || c === "|") && brackets === 0 && parens === 0) {
      levels.push(s.slice(0, i));
      s = s.slice(i + 1);
      i = 0;
      if (c === "|") {
        alternatives.push(levels);
        levels = [];
      }
      continue;
    }
    i++;
  }
  levels.push(s);
  alternatives.push(levels);
  return alternatives;
}
function topLevelMatcher(pattern) {
  const firsts = splitBenchPattern(pattern).map((levels) => levels[0]);
  const regexps = [];
  for (const p of firsts) {
    try {
      regexps.push(new RegExp(p, "u"));
    } catch {
      return null;
    }
  }
  return (name) => regexps.some((re) => re.test(name));
}
function escapeGoRegexp(s) {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}
function exactBenchPattern(names, procs = []) {
  const suffixes = procs.filter((p) => p !== 1).map((p) => `-${p}`);
  const patterns = /* @__PURE__ */ new Set();
  for (const raw of names) {
    let name = `Benchmark${raw}`;
    const suffix = suffixes.find((s) => name.endsWith(s));
    if (suffix) name = name.slice(0, -suffix.length);
    patterns.add(
      name.split("/").map((part) => `^${escapeGoRegexp(part)}$`).join("/")
    );
  }
  return [...patterns].join("|");
}

// src/gotool/env.ts
import { readFile as readFile4 } from "node:fs/promises";
import { availableParallelism, cpus } from "node:os";

// src/gotool/jsonstream.ts
function byteOffset(text, index) {
  return Buffer.byteLength(text.slice(0, index), "utf8");
}
function parseJsonStream(text, file = "<go list output>") {
  const values = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === " " || c === "	" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    if (c !== "{") {
      throw new BenchgateError(`expected '{' to start a JSON object, found ${JSON.stringify(c)}`, "go-json", {
        file,
        offset: byteOffset(text, i)
      });
    }
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < n; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === "\\") i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === "{" || ch === "[") depth++;
      else if (ch === "}" || ch === "]") {
        depth--;
        if (depth === 0) break;
      }
    }
    if (i >= n) {
      throw new BenchgateError("unterminated JSON object", "go-json", { file, offset: byteOffset(text, start) });
    }
    i++;
    let value;
    try {
      value = JSON.parse(text.slice(start, i));
    } catch (e) {
      throw new BenchgateError(`invalid JSON object: ${e.message}`, "go-json", {
        file,
        offset: byteOffset(text, start)
      });
    }
    if (value === null || typeof value !== "object" || Array.isArray(value)) {
      throw new BenchgateError("expected a JSON object", "go-json", { file, offset: byteOffset(text, start) });
    }
    values.push(value);
  }
  return values;
}

// src/gotool/env.ts
function cpuFromCpuInfo(text) {
  const m = /^model name\s*:\s*(.+)$/m.exec(text);
  return m ? m[1].trim() : "";
}
function cpuFromBenchOutput(text) {
  const m = /^cpu:\s*(.+)$/m.exec(text);
  return m ? m[1].trim() : "";
}
function effectiveGomaxprocs(env, available) {
  const v = env.GOMAXPROCS?.trim();
  if (v && /^\d+$/.test(v) && Number(v) > 0) return Number(v);
  return available;
}
function runnerOs(env, platform = process.platform) {
  return env.RUNNER_OS || platform;
}
async function fingerprint(opts = {}) {
  const env = opts.env ?? process.env;
  const goBin = opts.goBin ?? "go";
  const r = await run(goBin, ["env", "-json", "GOVERSION", "GOOS", "GOARCH"], {
    cwd: opts.cwd,
    env,
    timeoutMs: 6e4
  });
  if (r.code !== 0) {
    throw new BenchgateError(`${goBin} env failed: ${r.stderr.trim() || `exit status ${r.code}`}`, "go");
  }
  const [goEnv] = parseJsonStream(r.stdout, "go env -json");
  const str2 = (k) => typeof goEnv?.[k] === "string" ? goEnv[k] : "";
  const cpuInfo = await readFile4("/proc/cpuinfo", "utf8").catch(() => "");
  const cpu = cpuFromCpuInfo(cpuInfo) || cpuFromBenchOutput(opts.benchOutput ?? "") || (cpus()[0]?.model ?? "").trim();
  return {
    goVersion: str2("GOVERSION"),
    goos: str2("GOOS"),
    goarch: str2("GOARCH"),
    cpu,
    gomaxprocs: effectiveGomaxprocs(env, availableParallelism()),
    runnerOs: runnerOs(env)
  };
}

// src/gotool/run.ts
import { mkdir, rm as rm2, writeFile } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/gotool/flags.ts
var RESERVED = /* @__PURE__ */ new Set([
  "bench",
  "benchmem",
  "benchtime",
  "count",
  "cpu",
  "cpuprofile",
  "memprofile",
  "outputdir",
  "o",
  "c",
  "run",
  "json",
  "timeout",
  "exec",
  "list",
  "fuzz"
]);
var TEST_FLAGS_WITH_VALUE = /* @__PURE__ */ new Set([
  "blockprofile",
  "blockprofilerate",
  "coverprofile",
  "fuzzminimizetime",
  "fuzztime",
  "memprofilerate",
  "mutexprofile",
  "mutexprofilefraction",
  "parallel",
  "shuffle",
  "skip",
  "trace"
]);
var TEST_BOOL_FLAGS = /* @__PURE__ */ new Set(["failfast", "fullpath", "short", "v"]);
var BUILD_FLAGS_WITH_VALUE = /* @__PURE__ */ new Set([
  "asmflags",
  "buildmode",
  "compiler",
  "covermode",
  "coverpkg",
  "gccgoflags",
  "gcflags",
  "installsuffix",
  "ldflags",
  "mod",
  "modfile",
  "overlay",
  "p",
  "pgo",
  "pkgdir",
  "tags",
  "toolexec",
  "vet",
  "C"
]);
function flagName(arg) {
  const m = /^--?([^=]+)/.exec(arg);
  if (!m) return null;
  return m[1].replace(/^test\./, "");
}
function checkExtraFlags(flags) {
  for (const arg of flags) {
    const name = flagName(arg);
    if (name !== null && RESERVED.has(name)) {
      throw new BenchgateError(
        `the extra go test flag ${JSON.stringify(arg)} is set by benchgate itself; use the matching benchgate setting instead`,
        "usage"
      );
    }
  }
}
function splitGoTestFlags(flags) {
  checkExtraFlags(flags);
  const build = [];
  const test = [];
  for (let i = 0; i < flags.length; i++) {
    const arg = flags[i];
    const name = flagName(arg);
    if (name === null) {
      throw new BenchgateError(`unexpected argument ${JSON.stringify(arg)} among go test flags`, "usage");
    }
    const hasValue = arg.includes("=");
    const isTest = TEST_FLAGS_WITH_VALUE.has(name) || TEST_BOOL_FLAGS.has(name);
    const takesNext = !hasValue && (TEST_FLAGS_WITH_VALUE.has(name) || BUILD_FLAGS_WITH_VALUE.has(name));
    const value = takesNext ? flags[++i] : void 0;
    if (takesNext && value === void 0) {
      throw new BenchgateError(`go test flag ${arg} needs a value`, "usage");
    }
    if (isTest) {
      const rest = arg.replace(/^--?(test\.)?/, "");
      test.push(`-test.${rest}`, ...value !== void 0 ? [value] : []);
    } else {
      build.push(arg, ...value !== void 0 ? [value] : []);
    }
  }
  return { build, test };
}
function goTestArgs(s) {
  const args = ["test", "-run", "^$", "-bench", s.bench, "-benchmem", "-count", String(s.count)];
  if (s.benchtime) args.push("-benchtime", s.benchtime);
  if (s.cpu) args.push("-cpu", s.cpu);
  if (s.timeout) args.push("-timeout", s.timeout);
  args.push(...s.extra ?? []);
  if (s.cpuProfile) args.push("-cpuprofile", s.cpuProfile);
  if (s.memProfile) args.push("-memprofile", s.memProfile);
  args.push("-outputdir", s.outputDir, "-o", s.binary, ".");
  return args;
}
function testBinaryArgs(s) {
  const args = ["-test.run=^$", `-test.bench=${s.bench}`, "-test.benchmem", "-test.count=1", "-test.paniconexit0"];
  if (s.benchtime) args.push(`-test.benchtime=${s.benchtime}`);
  if (s.cpu) args.push(`-test.cpu=${s.cpu}`);
  if (s.timeout) args.push(`-test.timeout=${s.timeout}`);
  args.push(...s.extra ?? []);
  if (s.cpuProfile) args.push(`-test.cpuprofile=${s.cpuProfile}`);
  if (s.memProfile) args.push(`-test.memprofile=${s.memProfile}`);
  return args;
}
var UNIT_MS = { ns: 1e-6, us: 1e-3, "\xB5s": 1e-3, "\u03BCs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 36e5 };
function goDurationMs(s) {
  const text = s.trim();
  if (text === "0") return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/gy;
  let total = 0;
  let pos = 0;
  let m;
  while (pos < text.length && (m = re.exec(text)) !== null) {
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  if (pos !== text.length || text === "") {
    throw new BenchgateError(`${JSON.stringify(s)} is not a Go duration (e.g. 90s, 2m30s, 250ms)`, "usage");
  }
  return total;
}

// src/gotool/layout.ts
import { createHash } from "node:crypto";
import { readFile as readFile5, stat } from "node:fs/promises";
import { join as join3 } from "node:path";
function packageSlug(importPath) {
  const readable = importPath.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "").slice(-80);
  const hash = createHash("sha256").update(importPath).digest("hex").slice(0, 8);
  return `${readable || "pkg"}-${hash}`;
}
async function nonEmptyFile(path) {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}
async function collectResults(runDir, packages) {
  const results = [];
  const units = {};
  const warnings = [];
  for (const p of packages) {
    for (const file of p.outputFiles) {
      const text = await readFile5(join3(runDir, file), "utf8");
      const parsed = parseBenchText(text, file);
      for (const r of parsed.results) {
        results.push(r.pkg === "" ? { ...r, pkg: p.pkg, config: { ...r.config, pkg: p.pkg } } : r);
      }
      for (const [unit, meta] of Object.entries(parsed.units)) units[unit] = { ...units[unit], ...meta };
      warnings.push(...parsed.warnings);
    }
  }
  return { results, units, warnings };
}
function assembleRun(side, packages, collected) {
  return {
    schema: 1,
    commit: side.commit ?? "",
    ref: side.ref ?? "",
    time: side.started.toISOString(),
    env: side.env,
    packages,
    results: collected.results,
    units: collected.units,
    incomplete: packages.some((p) => p.status !== "ok" && p.status !== "no-benchmarks")
  };
}

// src/gotool/outcome.ts
var RESULT_LINE = /^Benchmark\S*\s+\d+\s+\S+\s+\S/m;
var FAILURE_CAUSE = /^(--- FAIL|panic:|fatal error:|\*\*\* Test killed)/m;
var FAILURE_START = /^(--- FAIL|panic:|fatal error:|\*\*\* Test killed|FAIL\s)/m;
var MAX_LINES = 40;
var MAX_CHARS = 4e3;
function hasResults(stdout) {
  return RESULT_LINE.test(stdout);
}
function trimOutput(text, from) {
  let body = text.replace(/\s+$/, "");
  const m = from ? from.exec(body) : null;
  if (m) body = body.slice(m.index);
  const lines = body.split("\n");
  let kept = lines.slice(0, MAX_LINES).join("\n");
  if (kept.length > MAX_CHARS) kept = kept.slice(0, MAX_CHARS);
  const droppedLines = lines.length - kept.split("\n").length;
  return droppedLines > 0 ? `${kept}
\u2026 (${droppedLines} more lines)` : kept;
}
function seconds(ms) {
  return `${(ms / 1e3).toFixed(1)}s`;
}
function classify(inv) {
  const all = `${inv.stdout}
${inv.stderr}`;
  if (inv.timedOut) {
    const tail = trimOutput(all.split("\n").slice(-MAX_LINES).join("\n"));
    return {
      status: "timeout",
      message: `killed after ${seconds(inv.durationMs)}: over the time limit${tail ? `
${tail}` : ""}`
    };
  }
  if (/^panic: test timed out after/m.test(all)) {
    return { status: "timeout", message: trimOutput(all, /^panic: test timed out after/m) };
  }
  if (/\[(build|setup) failed\]/.test(inv.stdout) || inv.code !== 0 && /^# /m.test(inv.stderr) && !hasResults(inv.stdout)) {
    return { status: "build-failed", message: trimOutput(inv.stderr.trim() ? inv.stderr : inv.stdout) };
  }
  if (inv.code !== 0) {
    const why = inv.code === null ? `killed by ${inv.signal}` : `exit status ${inv.code}`;
    const out2 = trimOutput(all, FAILURE_CAUSE.test(all) ? FAILURE_CAUSE : FAILURE_START);
    return { status: "bench-failed", message: out2 ? `${why}
${out2}` : why };
  }
  if (!hasResults(inv.stdout)) {
    return { status: "no-benchmarks", message: "no benchmark matched the -bench pattern" };
  }
  return { status: "ok" };
}

// src/gotool/packages.ts
import { readFile as readFile6 } from "node:fs/promises";
import { join as join4, relative as relative2, sep } from "node:path";
var LIST_FIELDS = "ImportPath,Dir,TestGoFiles,XTestGoFiles,Error,DepsErrors";
function relativeDir(cwd, dir) {
  const rel = relative2(cwd, dir).split(sep).join("/");
  if (rel === "") return ".";
  return rel.startsWith("..") ? rel : `./${rel}`;
}
function listErrors(pkg) {
  const errs = [];
  if (pkg.Error && typeof pkg.Error === "object") errs.push(pkg.Error);
  if (Array.isArray(pkg.DepsErrors)) errs.push(...pkg.DepsErrors);
  return errs.map((e) => e.Pos ? `${e.Pos}: ${e.Err ?? ""}` : String(e.Err ?? "unknown error"));
}
function stringArray(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
async function discoverPackages(opts) {
  const goBin = opts.goBin ?? "go";
  const patterns = opts.patterns && opts.patterns.length > 0 ? opts.patterns : ["./..."];
  const args = ["list", "-e", `-json=${LIST_FIELDS}`, ...opts.buildFlags ?? [], "--", ...patterns];
  const r = await run(goBin, args, { cwd: opts.cwd, env: opts.env, timeoutMs: 5 * 6e4 });
  if (r.code !== 0 || r.timedOut) {
    const why = r.timedOut ? "timed out" : r.stderr.trim() || `exit status ${r.code}`;
    throw new BenchgateError(`go list ${patterns.join(" ")} failed in ${opts.cwd}: ${why}`, "go-list");
  }
  const warnings = r.stderr.split("\n").map((l) => l.trim()).filter((l) => l !== "").map((message) => ({ message: `go list: ${message}` }));
  const matches = topLevelMatcher(opts.bench ?? ".") ?? (() => true);
  const packages = [];
  const failures = [];
  for (const pkg of parseJsonStream(r.stdout, "go list -json")) {
    const importPath = typeof pkg.ImportPath === "string" ? pkg.ImportPath : "";
    const dir = typeof pkg.Dir === "string" ? pkg.Dir : "";
    const relDir = dir ? relativeDir(opts.cwd, dir) : importPath;
    const files = [...stringArray(pkg.TestGoFiles), ...stringArray(pkg.XTestGoFiles)];
    const benchmarks = /* @__PURE__ */ new Set();
    let unreadable = dir === "";
    for (const f of files) {
      try {
        for (const name of findBenchmarks(await readFile6(join4(dir, f), "utf8"))) {
          if (matches(name)) benchmarks.add(name);
        }
      } catch {
        unreadable = true;
      }
    }
    const errors = listErrors(pkg);
    if (errors.length > 0) {
      if (benchmarks.size > 0 || unreadable) failures.push({ importPath, dir, relDir, message: errors.join("\n") });
      else warnings.push({ message: `go list: ${importPath} does not load (no selected benchmarks there): ${errors[0]}` });
      continue;
    }
    if (benchmarks.size > 0) packages.push({ importPath, dir, relDir, benchmarks: [...benchmarks].sort() });
  }
  const byPath = (a, b) => a.importPath < b.importPath ? -1 : a.importPath > b.importPath ? 1 : 0;
  return { packages: packages.sort(byPath), failures: failures.sort(byPath), warnings };
}

// src/gotool/run.ts
var BUILD_ALLOWANCE_MS = 2 * 6e4;
var DEFAULT_GO_TIMEOUT_MS = 10 * 6e4;
function defaultPackageTimeoutMs(timeout) {
  return (timeout ? goDurationMs(timeout) : DEFAULT_GO_TIMEOUT_MS) + BUILD_ALLOWANCE_MS;
}
function listFailureRun(f) {
  return {
    pkg: f.importPath,
    dir: f.relDir,
    status: "build-failed",
    message: `go list: ${f.message}`,
    outputFiles: [],
    cpuProfiles: [],
    memProfiles: []
  };
}
async function runSuite(opts) {
  const started = /* @__PURE__ */ new Date();
  const bench = opts.bench ?? ".";
  const extra = opts.extraFlags ?? [];
  const { build: buildFlags } = splitGoTestFlags(extra);
  const limitMs = opts.packageTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  await mkdir(opts.outDir, { recursive: true });
  const found = await discoverPackages({
    cwd: opts.cwd,
    patterns: opts.patterns,
    bench,
    buildFlags,
    env: opts.env,
    goBin: opts.goBin
  });
  const packages = found.failures.map(listFailureRun);
  let firstOutput = "";
  const clock = new StepClock(found.packages.length);
  for (const [i, pkg] of found.packages.entries()) {
    opts.onProgress?.({ phase: "run", pkg: pkg.importPath, index: i + 1, total: found.packages.length, ...clock.next() });
    const slug = packageSlug(pkg.importPath);
    const pkgDir = join5(opts.outDir, slug);
    await mkdir(pkgDir, { recursive: true });
    const binary = join5(pkgDir, "pkg.test");
    const r = await run(
      opts.goBin ?? "go",
      goTestArgs({
        bench,
        benchtime: opts.benchtime,
        cpu: opts.cpu,
        timeout: opts.timeout,
        count: opts.count ?? 10,
        extra,
        cpuProfile: opts.profiles === false ? void 0 : join5(pkgDir, "cpu.pprof"),
        memProfile: opts.profiles === false ? void 0 : join5(pkgDir, "mem.pprof"),
        outputDir: pkgDir,
        binary
      }),
      { cwd: pkg.dir, env: opts.env, timeoutMs: limitMs }
    );
    await rm2(binary, { force: true });
    await writeFile(join5(pkgDir, "bench.txt"), r.stdout);
    if (firstOutput === "") firstOutput = r.stdout;
    const outcome = classify(r);
    packages.push({
      pkg: pkg.importPath,
      dir: pkg.relDir,
      status: outcome.status,
      ...outcome.message !== void 0 ? { message: outcome.message } : {},
      outputFiles: [`${slug}/bench.txt`],
      cpuProfiles: await nonEmptyFile(join5(pkgDir, "cpu.pprof")) ? [`${slug}/cpu.pprof`] : [],
      memProfiles: await nonEmptyFile(join5(pkgDir, "mem.pprof")) ? [`${slug}/mem.pprof`] : []
    });
  }
  packages.sort((a, b) => a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0);
  const env = opts.fingerprint ?? await fingerprint({ goBin: opts.goBin, cwd: opts.cwd, env: opts.env, benchOutput: firstOutput });
  const collected = await collectResults(opts.outDir, packages);
  return {
    run: assembleRun({ commit: opts.commit, ref: opts.ref, started, env }, packages, collected),
    warnings: [...found.warnings, ...collected.warnings]
  };
}

// src/gotool/alternate.ts
function roundOrder(round) {
  return round % 2 === 1 ? ["base", "head"] : ["head", "base"];
}
function emptyRun(pkg) {
  return { pkg: pkg.importPath, dir: pkg.relDir, status: "ok", outputFiles: [], cpuProfiles: [], memProfiles: [] };
}
var pad2 = (n) => String(n).padStart(2, "0");
async function runAlternating(opts) {
  const started = /* @__PURE__ */ new Date();
  const goBin = opts.goBin ?? "go";
  const { build: buildFlags, test: testFlags } = splitGoTestFlags(opts.extraFlags ?? []);
  const runLimitMs = opts.runTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  const buildLimitMs = opts.buildTimeoutMs ?? 10 * 6e4;
  const binDir = join6(opts.outDir, "bin");
  const fp = opts.fingerprint ?? await fingerprint({ goBin, cwd: opts.head.dir, env: opts.env });
  const procs = opts.procs ?? (opts.cpu ? opts.cpu.split(",").map(Number) : [fp.gomaxprocs]);
  const suspectPatterns = /* @__PURE__ */ new Map();
  if (opts.suspects) {
    const names = /* @__PURE__ */ new Map();
    for (const s of opts.suspects) names.set(s.pkg, [...names.get(s.pkg) ?? [], s.name]);
    for (const [pkg, list] of names) suspectPatterns.set(pkg, exactBenchPattern(list, procs));
  }
  const benchFor = (pkg) => suspectPatterns.get(pkg) ?? opts.bench ?? ".";
  const sides = [];
  for (const side of ["base", "head"]) {
    const tree = opts[side];
    const discovery = await discoverPackages({
      cwd: tree.dir,
      patterns: opts.patterns,
      bench: opts.suspects ? "." : opts.bench ?? ".",
      buildFlags,
      env: opts.env,
      goBin
    });
    if (opts.suspects) {
      discovery.packages = discovery.packages.filter((p) => suspectPatterns.has(p.importPath));
      discovery.failures = discovery.failures.filter((f) => suspectPatterns.has(f.importPath));
    }
    const runDir = join6(opts.outDir, side);
    await mkdir2(runDir, { recursive: true });
    sides.push({
      side,
      tree,
      runDir,
      discovery,
      byPkg: new Map(discovery.packages.map((p) => [p.importPath, p])),
      runs: new Map(discovery.failures.map((f) => [f.importPath, listFailureRun(f)])),
      binaries: /* @__PURE__ */ new Map()
    });
  }
  const [base, head] = sides;
  const stateOf = (side) => side === "base" ? base : head;
  const allPkgs = [.../* @__PURE__ */ new Set([...base.byPkg.keys(), ...head.byPkg.keys()])].sort();
  const builds = allPkgs.flatMap((pkg) => sides.filter((s) => s.byPkg.has(pkg)).map((s) => ({ s, pkg })));
  const buildClock = new StepClock(builds.length);
  for (const { s, pkg } of builds) {
    const p = s.byPkg.get(pkg);
    opts.onProgress?.({
      phase: "build",
      pkg,
      index: allPkgs.indexOf(pkg) + 1,
      total: allPkgs.length,
      side: s.side,
      ...buildClock.next()
    });
    const binary = join6(binDir, s.side, `${packageSlug(pkg)}.test`);
    await mkdir2(join6(binDir, s.side), { recursive: true });
    const r = await run(goBin, ["test", "-c", "-o", binary, ...buildFlags, "."], {
      cwd: p.dir,
      env: opts.env,
      timeoutMs: buildLimitMs
    });
    const pr = emptyRun(p);
    if (r.code !== 0 || r.timedOut || !await nonEmptyFile(binary)) {
      pr.status = r.timedOut ? "timeout" : "build-failed";
      pr.message = trimOutput(`${r.stderr}
${r.stdout}`.trim()) || "go test -c wrote no test binary";
    } else {
      s.binaries.set(pkg, binary);
    }
    s.runs.set(pkg, pr);
  }
  const runnable = (s, pkg) => s.binaries.has(pkg) && s.runs.get(pkg).status === "ok";
  let steps = 0;
  for (const pkg of allPkgs) steps += sides.filter((s) => s.binaries.has(pkg)).length * opts.rounds;
  const runClock = new StepClock(steps);
  const order = [];
  let firstOutput = "";
  const active = new Map(allPkgs.map((pkg) => [pkg, benchFor(pkg)]));
  let roundsRun = 0;
  const envOf = () => fp.cpu ? fp : { ...fp, cpu: cpuFromBenchOutput(firstOutput) };
  for (let round = 1; round <= opts.rounds && active.size > 0; round++) {
    roundsRun = round;
    for (const [i, pkg] of allPkgs.entries()) {
      const bench = active.get(pkg);
      if (bench === void 0) continue;
      for (const side of roundOrder(round)) {
        const s = stateOf(side);
        if (!runnable(s, pkg)) continue;
        opts.onProgress?.({
          phase: "run",
          pkg,
          index: i + 1,
          total: allPkgs.length,
          round,
          rounds: opts.rounds,
          side,
          ...runClock.next()
        });
        const slug = packageSlug(pkg);
        await mkdir2(join6(s.runDir, slug), { recursive: true });
        const files = {
          out: `${slug}/round-${pad2(round)}.txt`,
          cpu: `${slug}/cpu-${pad2(round)}.pprof`,
          mem: `${slug}/mem-${pad2(round)}.pprof`
        };
        const r = await run(
          s.binaries.get(pkg),
          testBinaryArgs({
            bench,
            benchtime: opts.benchtime,
            cpu: opts.cpu,
            timeout: opts.timeout,
            extra: testFlags,
            cpuProfile: opts.profiles === false ? void 0 : join6(s.runDir, files.cpu),
            memProfile: opts.profiles === false ? void 0 : join6(s.runDir, files.mem)
          }),
          // Its own tree's package directory: benchmarks read testdata/ relative to it.
          { cwd: s.byPkg.get(pkg).dir, env: opts.env, timeoutMs: runLimitMs }
        );
        order.push({ round, pkg, side });
        await writeFile2(join6(s.runDir, files.out), r.stdout);
        if (firstOutput === "") firstOutput = r.stdout;
        const pr = s.runs.get(pkg);
        pr.outputFiles.push(files.out);
        if (await nonEmptyFile(join6(s.runDir, files.cpu))) pr.cpuProfiles.push(files.cpu);
        if (await nonEmptyFile(join6(s.runDir, files.mem))) pr.memProfiles.push(files.mem);
        const outcome = classify(r);
        if (outcome.status !== "ok") {
          pr.status = outcome.status;
          pr.message = `round ${round}: ${outcome.message ?? outcome.status}`;
        }
      }
    }
    if (opts.settle && round >= opts.settle.minRounds && round < opts.rounds) {
      const [b, h] = [await snapshot(base, started, envOf()), await snapshot(head, started, envOf())];
      const open = /* @__PURE__ */ new Map();
      for (const o of opts.settle.open(b.run, h.run)) open.set(o.pkg, [...open.get(o.pkg) ?? [], o.name]);
      for (const pkg of [...active.keys()]) {
        const names = open.get(pkg);
        if (names) active.set(pkg, exactBenchPattern(names, procs));
        else active.delete(pkg);
      }
    }
  }
  if (!opts.keepBinaries) await rm3(binDir, { recursive: true, force: true });
  const env = envOf();
  const warnings = [];
  const finish2 = async (s) => {
    const { run: r, collected } = await snapshot(s, started, env);
    warnings.push(...s.discovery.warnings.map((w) => ({ ...w, message: `${s.side}: ${w.message}` })), ...collected.warnings);
    return r;
  };
  return { base: await finish2(base), head: await finish2(head), baseDir: base.runDir, headDir: head.runDir, order, roundsRun, warnings };
}
async function snapshot(s, started, env) {
  const packages = [...s.runs.values()].sort((a, b) => a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0);
  const collected = await collectResults(s.runDir, packages);
  return { run: assembleRun({ commit: s.tree.commit, ref: s.tree.ref, started, env }, packages, collected), collected };
}

// src/store/dir.ts
import { readFile as readFile7, writeFile as writeFile3, rename, mkdir as mkdir3 } from "node:fs/promises";
import { join as join7 } from "node:path";
var RUN_FILE = "run.json";
async function saveRun(run2, dir) {
  await mkdir3(dir, { recursive: true });
  const path = join7(dir, RUN_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  await writeFile3(tmp, JSON.stringify(run2, null, 1) + "\n");
  await rename(tmp, path);
  return path;
}
async function loadRun(dir) {
  const path = join7(dir, RUN_FILE);
  let text;
  try {
    text = await readFile7(path, "utf8");
  } catch (e) {
    throw new BenchgateError(`cannot read the stored run: ${e.message}`, "baseline", { file: path });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BenchgateError(`not valid JSON: ${e.message}`, "baseline", { file: path });
  }
  return { run: validateRun(value, path), dir };
}
function validateRun(value, file) {
  const fail = (what) => {
    throw new BenchgateError(`not a benchgate run: ${what}`, "baseline", { file });
  };
  if (typeof value !== "object" || value === null) return fail("expected a JSON object");
  const r = value;
  if (r.schema !== 1) return fail(`unsupported schema ${JSON.stringify(r.schema)} (this benchgate reads schema 1)`);
  if (!Array.isArray(r.results)) return fail('"results" is not an array');
  if (!Array.isArray(r.packages)) return fail('"packages" is not an array');
  if (typeof r.env !== "object" || r.env === null) return fail('"env" is missing');
  for (const [i, res] of r.results.entries()) {
    if (typeof res?.name !== "string" || typeof res?.pkg !== "string" || !Array.isArray(res?.values)) {
      fail(`results[${i}] lacks pkg, name or values`);
    }
    for (const v of res.values) {
      if (typeof v?.unit !== "string" || typeof v?.value !== "number") fail(`results[${i}] has a bad value`);
    }
  }
  for (const [i, p] of r.packages.entries()) {
    if (typeof p?.pkg !== "string") fail(`packages[${i}] lacks pkg`);
    for (const key of ["outputFiles", "cpuProfiles", "memProfiles"]) {
      if (!Array.isArray(p[key])) fail(`packages[${i}].${key} is not an array`);
      for (const f of p[key]) {
        if (typeof f !== "string" || f.startsWith("/") || f.split(/[\\/]/).includes("..")) {
          fail(`packages[${i}].${key} has an unsafe path ${JSON.stringify(f)}`);
        }
      }
    }
  }
  return { units: {}, incomplete: false, commit: "", ref: "", time: "", ...r };
}

// src/local.ts
function runnerSettings(run2) {
  return {
    patterns: run2.packages,
    bench: run2.bench,
    benchtime: run2.benchtime,
    cpu: run2.cpu,
    timeout: run2.timeout,
    extraFlags: run2.extraFlags,
    profiles: run2.profiles
  };
}
async function runOneSide(opts) {
  const result = await runSuite({
    cwd: opts.moduleDir,
    outDir: opts.outDir,
    count: opts.run.count,
    ...runnerSettings(opts.run),
    commit: opts.commit,
    ref: opts.ref,
    onProgress: opts.onProgress
  });
  return { run: result.run, warnings: result.warnings.map(warningText) };
}
async function repoRoot(dir) {
  return (await git(["rev-parse", "--show-toplevel"], dir)).trim();
}
async function runBothSides(opts) {
  const repoDir = await repoRoot(opts.moduleDir);
  const moduleRel = relative3(repoDir, opts.moduleDir);
  const head = opts.headRef ?? "HEAD";
  const mergeBase = await mergeBaseOf(repoDir, opts.baseRef, head);
  const headCommit = opts.headRef ? (await git(["rev-parse", "--verify", `${opts.headRef}^{commit}`], repoDir)).trim() : await headSha(repoDir);
  const alternate = (headDir) => withWorktree(
    repoDir,
    mergeBase,
    (baseTree) => runAlternating({
      base: { dir: join8(baseTree.dir, moduleRel), commit: mergeBase, ref: opts.baseRef },
      head: { dir: headDir, commit: headCommit, ref: opts.headRef ?? "working tree" },
      outDir: opts.outDir,
      rounds: opts.rounds,
      ...runnerSettings(opts.run),
      suspects: opts.suspects,
      settle: settleFor(opts),
      runTimeoutMs: opts.runTimeoutMs,
      onProgress: opts.onProgress
    })
  );
  const result = opts.headRef ? await withWorktree(repoDir, opts.headRef, (headTree) => alternate(join8(headTree.dir, moduleRel))) : await alternate(opts.moduleDir);
  await saveRun(result.base, result.baseDir);
  await saveRun(result.head, result.headDir);
  return {
    base: { run: result.base, dir: result.baseDir },
    head: { run: result.head, dir: result.headDir },
    mergeBase,
    repoDir,
    warnings: result.warnings.map(warningText)
  };
}
function settleFor(opts) {
  const verdict = opts.verdict;
  if (!verdict || opts.run.minRounds >= opts.rounds) return void 0;
  return {
    minRounds: opts.run.minRounds,
    open: (base, head) => openBenchmarks(compareRuns(base, head, verdict), {
      threshold: verdict.threshold,
      gateUnits: verdict.gateUnits,
      units: { ...base.units, ...head.units }
    })
  };
}
function suspectsOf(report, verdict, scope = "all") {
  return report.rows.filter((r) => isGated(r, verdict.gateUnits) && (r.suspect === true || scope === "all" && r.verdict === "regression"));
}
function confirmScope(policy, baseIsStored) {
  if (policy === "never") return null;
  return policy === "always" || baseIsStored ? "all" : "screened";
}
async function confirmSuspects(report, opts) {
  const rows = suspectsOf(report, opts.verdict, opts.scope);
  if (rows.length === 0) return null;
  const seen = /* @__PURE__ */ new Set();
  const suspects = [];
  for (const r of rows) {
    const key = `${r.package}\0${r.name}`;
    if (!seen.has(key)) suspects.push({ pkg: r.package, name: r.name });
    seen.add(key);
  }
  const upTo = opts.run.minRounds < opts.rounds ? "up to " : "";
  opts.log.info(`benchgate: confirming ${suspects.length} suspect benchmark(s) in ${upTo}${opts.rounds} alternating rounds against ${opts.baseRef}`);
  let sides;
  try {
    const runTimeoutMs = Math.max(1e4, Math.floor(opts.budgetMs / (2 * opts.rounds)));
    sides = await runBothSides({ ...opts, suspects, runTimeoutMs });
    for (const w of sides.warnings) opts.log.warning(w);
  } catch (e) {
    opts.log.warning(`benchgate: confirmation could not run: ${e.message}`);
    for (const r of rows) r.confirmed = null;
    return null;
  }
  const tested = new Set(rows.map(rowKey));
  const confirmation = compareRuns(sides.base.run, sides.head.run, opts.verdict, (r) => tested.has(rowKey(r)));
  const byKey = new Map(confirmation.rows.map((c) => [rowKey(c), c]));
  for (const r of rows) applyConfirmation(r, byKey.get(rowKey(r)));
  return sides;
}
function applyConfirmation(r, c) {
  if (!c || !c.base || !c.head) {
    r.confirmed = null;
    return;
  }
  r.confirmation = { base: c.base, head: c.head, deltaPercent: c.deltaPercent, p: c.p, verdict: c.verdict, reason: c.reason };
  r.confirmed = c.verdict === "noisy" || c.suspect ? null : c.verdict === "regression";
  if (r.verdict !== "regression") {
    const how = `re-run in ${c.head.n} alternating rounds: ${c.reason}`;
    if (r.confirmed) r.verdict = "regression";
    r.reason = r.confirmed ? `confirmed on fresh samples (${how}); first pass: ${r.reason}` : `${r.reason}; ${how}`;
  }
}

// src/report/annotations.ts
import { posix } from "node:path";
function annotationsFor(report, limit) {
  const seen = /* @__PURE__ */ new Set();
  const out2 = [];
  for (const row of report.rows) {
    if (row.verdict !== "regression" || row.confirmed === false) continue;
    for (const fn of row.attribution?.functions ?? []) {
      if (!fn.changed) continue;
      const file = fn.file.startsWith("/") ? fn.file : posix.normalize(fn.file);
      const key = `${file}:${fn.startLine}:${row.name}:${row.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const delta = row.deltaPercent === null ? "" : ` ${row.deltaPercent >= 0 ? "+" : ""}${formatFixed(row.deltaPercent, 1)}%`;
      out2.push({
        weight: Math.abs(row.deltaPercent ?? 0) * Math.max(fn.share, 0.01),
        a: {
          file,
          startLine: fn.startLine,
          endLine: fn.endLine,
          title: `benchgate: ${row.name} ${row.unit}${delta}`,
          message: `${fn.function} is the likely cause: ${formatFixed(fn.share * 100, 0)}% of the change in ${row.name} (${row.unit}); ${row.reason}`
        }
      });
    }
  }
  return out2.sort((x, y) => y.weight - x.weight).slice(0, limit).map((x) => x.a);
}

// src/commands/run.ts
var RUN_OPTIONS = {
  packages: { type: "string" },
  bench: { type: "string" },
  benchtime: { type: "string" },
  cpu: { type: "string" },
  timeout: { type: "string" },
  "go-test-flags": { type: "string" },
  "no-profiles": { type: "boolean" },
  out: { type: "string" },
  quiet: { type: "boolean" }
};
var RUN_USAGE = 'usage: benchgate run --base <git-ref> [--head <git-ref>] [--baseline <dir>] [--packages ./...] [--bench <regex>] [--rounds N] [--min-rounds N] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--format text|markdown|json|csv] [--out <dir>] [--confirm auto|always|never] [--confirm-rounds N] [--confirm-budget D] [--alpha A] [--threshold PCT] [--no-fdr] [--gate-metrics LIST] [--fail-on regression|none] [--no-profiles] [--quiet]';
var BASELINE_USAGE = 'usage: benchgate baseline --out <dir> [--count N] [--packages ./...] [--bench <regex>] [--benchtime T] [--cpu LIST] [--timeout D] [--go-test-flags "..."] [--no-profiles] [--quiet]';
function runSettingsFrom(values, count) {
  const timeout = str(values, "timeout");
  if (timeout) parseDuration("--timeout", timeout);
  return {
    ...DEFAULT_RUN,
    packages: parseList(str(values, "packages") ?? "./..."),
    bench: str(values, "bench") ?? ".",
    count,
    benchtime: str(values, "benchtime"),
    cpu: str(values, "cpu"),
    timeout,
    extraFlags: splitWords("--go-test-flags", str(values, "go-test-flags") ?? ""),
    profiles: values["no-profiles"] !== true
  };
}
function stderrLog(out2, quiet) {
  return {
    info: (m) => quiet ? void 0 : out2.stderr(m + "\n"),
    warning: (m) => out2.stderr(`warning: ${m}
`)
  };
}
async function runCommand(argv, out2) {
  let tmp;
  try {
    const { values, positionals } = parseFlags(argv, {
      ...VERDICT_OPTIONS,
      ...RUN_OPTIONS,
      base: { type: "string" },
      head: { type: "string" },
      baseline: { type: "string" },
      rounds: { type: "string" },
      "min-rounds": { type: "string" },
      confirm: { type: "string" },
      "confirm-rounds": { type: "string" },
      "confirm-budget": { type: "string" }
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const baseRef = str(values, "base");
    const stored = str(values, "baseline");
    if (!baseRef && !stored) throw usageError("--base <git-ref> is required (or --baseline <dir>)");
    const rounds = parseInteger("--rounds", str(values, "rounds") ?? "10", 1, 1e3);
    const settings = {
      ...runSettingsFrom(values, rounds),
      minRounds: parseInteger("--min-rounds", str(values, "min-rounds") ?? String(DEFAULT_RUN.minRounds), 2, 1e3)
    };
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const confirm = parseChoice("--confirm", str(values, "confirm") ?? "auto", ["auto", "always", "never"]);
    const confirmRounds = parseInteger("--confirm-rounds", str(values, "confirm-rounds") ?? "10", 2, 1e3);
    const confirmBudgetMs = parseDuration("--confirm-budget", str(values, "confirm-budget") ?? "15m");
    const quiet = values.quiet === true;
    const log = stderrLog(out2, quiet);
    const onProgress = quiet ? void 0 : lineSink((l) => out2.stderr(l));
    const outDir = str(values, "out") ? resolve2(str(values, "out")) : tmp = await mkdtemp2(join9(tmpdir2(), "benchgate-"));
    await mkdir4(outDir, { recursive: true });
    const moduleDir = process.cwd();
    const repoDir = await repoRoot(moduleDir);
    const headRef = str(values, "head");
    let base;
    let head;
    let baselineSource;
    if (stored) {
      base = await loadRun(resolve2(stored));
      const headCommit = await git(["rev-parse", "--verify", `${headRef ?? "HEAD"}^{commit}`], repoDir).then((s) => s.trim()).catch(() => "");
      const measureHead = (dir) => runOneSide({ moduleDir: dir, run: settings, outDir: join9(outDir, "head"), commit: headCommit, ref: headRef ?? "working tree", onProgress });
      const result = headRef ? await withWorktree(repoDir, headRef, (tree) => measureHead(join9(tree.dir, relative4(repoDir, moduleDir)))) : await measureHead(moduleDir);
      for (const w of result.warnings) log.warning(w);
      await saveRun(result.run, join9(outDir, "head"));
      head = { run: result.run, dir: join9(outDir, "head") };
      baselineSource = "stored";
    } else {
      const sides = await runBothSides({ moduleDir, baseRef, headRef, run: settings, rounds, outDir, verdict, onProgress });
      base = sides.base;
      head = sides.head;
      baselineSource = "rerun";
      for (const w of sides.warnings) log.warning(w);
    }
    if (head.run.results.length === 0 && base.run.results.length === 0) {
      throw new BenchgateError("no benchmark results on either side: check --packages and --bench", "run");
    }
    const report = compareRuns(base.run, head.run, verdict);
    let changes = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir, moduleDir, baseRef, headRef });
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        log.warning(`the PR diff is not available, attribution will not mark changed functions: ${e.message}`);
      }
    }
    await attributeReport(report, base, head, changes, log);
    const scope = confirmScope(confirm, baselineSource === "stored");
    const wantConfirm = scope !== null && suspectsOf(report, verdict, scope).length > 0;
    let confirmRoundsUsed;
    if (wantConfirm && baseRef) {
      const sides = await confirmSuspects(report, {
        scope,
        moduleDir,
        baseRef,
        headRef,
        run: settings,
        rounds: confirmRounds,
        outDir: join9(outDir, "confirm"),
        verdict,
        budgetMs: confirmBudgetMs,
        log,
        onProgress
      });
      if (sides) {
        confirmRoundsUsed = confirmRounds;
        await attributeConfirmed(report, sides, changes);
      }
    } else if (wantConfirm) {
      log.warning("suspects are not confirmed: --base <git-ref> is needed to re-run them against the base");
    }
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx = {
      gate,
      baseline: { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit },
      rounds,
      minRounds: baselineSource === "rerun" ? settings.minRounds : void 0,
      confirmRounds: confirmRoundsUsed,
      incomplete: report.warnings.filter((w) => /^(base|head): /.test(w)),
      fullReportHint: `see ${join9(outDir, "report.json")}`
    };
    const extra = { baseline: ctx.baseline, rounds, minRounds: ctx.minRounds, annotations: annotationsFor(report, 10) };
    await writeFile4(join9(outDir, "report.json"), toJsonReport(report, extra));
    await writeFile4(join9(outDir, "report.md"), renderMarkdown(report, ctx));
    out2.stdout(render2(report, format, ctx, extra));
    if (!tmp) log.info(`benchgate: raw outputs, profiles, report.json and report.md are in ${outDir}`);
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, "run", RUN_USAGE, out2);
  } finally {
    if (tmp) await rm4(tmp, { recursive: true, force: true });
  }
}
async function baselineCommand(argv, out2) {
  try {
    const { values, positionals } = parseFlags(argv, { ...RUN_OPTIONS, count: { type: "string" } });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const outArg = str(values, "out");
    if (!outArg) throw usageError("--out <dir> is required");
    const count = parseInteger("--count", str(values, "count") ?? "10", 1, 1e3);
    const settings = runSettingsFrom(values, count);
    const quiet = values.quiet === true;
    const moduleDir = process.cwd();
    const outDir = resolve2(outArg);
    await mkdir4(dirname(outDir), { recursive: true });
    const stage = await mkdtemp2(join9(dirname(outDir), ".benchgate-baseline-"));
    try {
      return await recordBaseline(stage, outDir, settings, count, quiet, moduleDir, out2);
    } finally {
      await rm4(stage, { recursive: true, force: true });
    }
  } catch (e) {
    return reportError(e, "baseline", BASELINE_USAGE, out2);
  }
}
async function recordBaseline(stage, outDir, settings, count, quiet, moduleDir, out2) {
  const commit = await git(["rev-parse", "HEAD"], moduleDir).then((s) => s.trim()).catch(() => "");
  const ref = await git(["rev-parse", "--abbrev-ref", "HEAD"], moduleDir).then((s) => s.trim()).catch(() => "");
  const result = await runOneSide({
    moduleDir,
    run: { ...settings, count },
    outDir: stage,
    commit,
    ref,
    onProgress: quiet ? void 0 : lineSink((l) => out2.stderr(l))
  });
  for (const w of result.warnings) out2.stderr(`warning: ${w}
`);
  if (result.run.results.length === 0) {
    throw new BenchgateError("no benchmark results: nothing recorded", "run");
  }
  await mkdir4(outDir, { recursive: true });
  for (const entry of await readdir(stage)) {
    await rm4(join9(outDir, entry), { recursive: true, force: true });
    await rename2(join9(stage, entry), join9(outDir, entry));
  }
  await saveRun(result.run, outDir);
  const failed = result.run.packages.filter((p) => p.status !== "ok" && p.status !== "no-benchmarks");
  for (const p of failed) out2.stderr(`warning: ${p.pkg}: ${p.status}${p.message ? ": " + p.message.split("\n")[0] : ""}
`);
  out2.stdout(
    `benchgate: recorded ${result.run.results.length} results in ${result.run.packages.length} packages to ${outDir}${result.run.incomplete ? " (incomplete)" : ""}
`
  );
  return EXIT_OK;
}

// src/cli.ts
var USAGE2 = [
  "usage: benchgate <command> [flags]",
  "",
  "commands:",
  "  compare   compare two saved benchmark outputs (like benchstat)",
  "  run       benchmark the base ref and the working tree here, compare and attribute",
  "  baseline  record a run (as the action does on main) into a directory",
  "  profile   top functions of pprof profiles (like go tool pprof -top)",
  "",
  COMPARE_USAGE,
  RUN_USAGE,
  BASELINE_USAGE,
  "usage: benchgate profile top <file>... [--sample-index <type>] [--focus <regex>] [--format text|json]"
].join("\n");
async function main(argv, out2) {
  const [command, ...rest] = argv;
  switch (command) {
    case "compare":
      return compareCommand(rest, out2);
    case "run":
      return runCommand(rest, out2);
    case "baseline":
      return baselineCommand(rest, out2);
    case "profile":
      return profileCommand(rest, out2);
    case "help":
    case "--help":
    case "-h":
      out2.stdout(USAGE2 + "\n");
      return 0;
    default:
      out2.stderr((command ? `benchgate: unknown command "${command}"
` : "") + USAGE2 + "\n");
      return EXIT_USAGE;
  }
}
var out = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s)
};
main(process.argv.slice(2), out).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`benchgate: internal error: ${e instanceof Error ? e.stack ?? e.message : String(e)}
`);
    process.exitCode = 3;
  }
);
export {
  main
};
