#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  BenchgateError
} from "./cli-chunk-MK35M2OK.js";

// src/benchfmt/file.ts
import { closeSync, openSync, readSync } from "node:fs";
import { readFile } from "node:fs/promises";

// src/benchfmt/decode.ts
var EXPECTED = "expected `go test -bench` output as UTF-8 text or `go test -json`";
function decodeBenchBytes(bytes, file) {
  checkBenchBytes(bytes, file, 0);
  return new TextDecoder("utf-8").decode(bytes.subarray(utf8BomLength(bytes)));
}
function checkBenchBytes(bytes, file, offset) {
  if (offset === 0 && (bytes[0] === 255 && bytes[1] === 254 || bytes[0] === 254 && bytes[1] === 255)) {
    throw new BenchgateError(`is UTF-16 text (byte order mark); ${EXPECTED}. Convert it to UTF-8.`, "bench-format", {
      file,
      offset: 0
    });
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    if (offset === 0 && looksLikeUtf16(bytes)) {
      throw new BenchgateError(`looks like UTF-16 text (NUL bytes between characters); ${EXPECTED}. Convert it to UTF-8.`, "bench-format", {
        file,
        offset: nul
      });
    }
    const kind = offset === 0 && bytes[0] === 31 && bytes[1] === 139 ? "gzip data, perhaps a pprof profile" : "binary data";
    throw new BenchgateError(`contains a NUL byte (${kind}); ${EXPECTED}`, "bench-format", { file, offset: offset + nul });
  }
}
function utf8BomLength(bytes) {
  return bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? 3 : 0;
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
  if (isPlainDecimal(s)) {
    const value2 = Number(s);
    return Number.isFinite(value2) ? value2 : RANGE;
  }
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
var EXACT_POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
function plainDecimalAt(s, start, end) {
  if (end - start > 16) return NaN;
  let m = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      digits++;
    } else if (c === 46 && dot < 0) {
      dot = i;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || digits > 15) return NaN;
  return dot < 0 ? m : m / EXACT_POW10[end - dot - 1];
}
function plainIntAt(s, start, end) {
  if (end <= start || end - start > 15) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

// src/benchfmt/units.ts
var cache = /* @__PURE__ */ new Map();
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
  let out = "";
  let i = 0;
  while (i < unit.length) {
    const c = unit[i];
    if (c === "*" || c === "/" || c === "-" || isGoSpace(unit.charCodeAt(i))) {
      if (c === "*") denominator = false;
      else if (c === "/") denominator = true;
      out += c;
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
      out += "sec";
      factor /= 1e9;
    } else if (!denominator && token === "MB") {
      out += "B";
      factor *= 1e6;
    } else {
      out += token;
    }
    i = end;
  }
  return { unit: out, factor };
}

// src/benchfmt/ascii-line.ts
function newAsciiResult() {
  return {
    nameStart: 0,
    nameEnd: 0,
    iterations: 0,
    count: 0,
    values: new Float64Array(8),
    unitStarts: new Int32Array(8),
    unitEnds: new Int32Array(8)
  };
}
var PREFIX = [66, 101, 110, 99, 104, 109, 97, 114, 107];
function startsWithBenchmark(buf, start, end) {
  if (end - start < PREFIX.length) return false;
  for (let i = 0; i < PREFIX.length; i++) if (buf[start + i] !== PREFIX[i]) return false;
  return true;
}
function isSpace(c) {
  return c === 32 || c >= 9 && c <= 13;
}
function scanAsciiResult(buf, start, end, out) {
  let pos = start + PREFIX.length;
  let c = 0;
  while (pos < end) {
    c = buf[pos];
    if (c >= 128) return false;
    if (isSpace(c)) break;
    pos++;
  }
  out.nameStart = start + PREFIX.length;
  out.nameEnd = pos;
  if (pos < end) pos++;
  while (pos < end && isSpace(buf[pos])) pos++;
  if (pos >= end) return false;
  let iterations = 0;
  const iterStart = pos;
  for (; pos < end; pos++) {
    c = buf[pos];
    if (c < 48 || c > 57) break;
    iterations = iterations * 10 + (c - 48);
  }
  if (pos === iterStart || pos - iterStart > 15 || pos < end && !isSpace(buf[pos])) return false;
  out.iterations = iterations;
  pos = skipSpaces(buf, pos, end);
  let count = 0;
  while (pos < end) {
    const valueStart = pos;
    let m = 0;
    let digits = 0;
    let dot = -1;
    for (; pos < end; pos++) {
      c = buf[pos];
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
      } else if (c === 46 && dot < 0) {
        dot = pos;
      } else {
        break;
      }
    }
    if (digits === 0 || digits > 15 || pos - valueStart > 16 || pos === end || !isSpace(buf[pos])) return false;
    const value = dot < 0 ? m : m / EXACT_POW10[pos - dot - 1];
    pos = skipSpaces(buf, pos, end);
    const unitStart = pos;
    for (; pos < end; pos++) {
      c = buf[pos];
      if (c >= 128) return false;
      if (isSpace(c)) break;
    }
    if (pos === unitStart) return false;
    if (count === out.values.length) grow(out);
    out.values[count] = value;
    out.unitStarts[count] = unitStart;
    out.unitEnds[count] = pos;
    count++;
    pos = skipSpaces(buf, pos, end);
  }
  if (count === 0) return false;
  out.count = count;
  return true;
}
function skipSpaces(buf, pos, end) {
  if (pos < end) pos++;
  while (pos < end && isSpace(buf[pos])) pos++;
  return pos;
}
function grow(out) {
  const n = out.values.length * 2;
  const values = new Float64Array(n);
  values.set(out.values);
  const starts = new Int32Array(n);
  starts.set(out.unitStarts);
  const ends = new Int32Array(n);
  ends.set(out.unitEnds);
  out.values = values;
  out.unitStarts = starts;
  out.unitEnds = ends;
}
function asciiString(buf, start, end) {
  return ASCII.decode(buf.subarray(start, end));
}
var ASCII = new TextDecoder("utf-8");
var ByteKey = class {
  bytes = new Uint8Array(64);
  /** −1: holds nothing (the string may have changed by another path). */
  length = -1;
  matches(buf, start, end) {
    const n = end - start;
    if (n !== this.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < n; i++) if (buf[start + i] !== bytes[i]) return false;
    return true;
  }
  set(buf, start, end) {
    const n = end - start;
    if (n > this.bytes.length) this.bytes = new Uint8Array(n * 2);
    this.bytes.set(buf.subarray(start, end));
    this.length = n;
  }
  clear() {
    this.length = -1;
  }
};

// src/benchfmt/reader.ts
var MAX_WARNINGS = 100;
var MAX_FAILURES = 200;
var MAX_FAILURE_LINES = 20;
var KEY_VALUE = new RegExp(`^\\p{Ll}[^${GO_SPACE_CLASS}\\p{Lu}:]*:`, "u");
var FAIL_BENCH = /^\s*--- FAIL: (\S+)/;
var FAIL_PACKAGE = /^FAIL\t(\S+)/;
var BUILD_HEADER = /^# (\S+)/;
var INDENTED_LOG = /^(?: {4}|\t)/;
var ResultArray = class {
  results = [];
  add(r) {
    const values = new Array(r.count);
    for (let i = 0; i < r.count; i++) values[i] = { value: r.values[i], unit: r.units[i] };
    this.results.push({
      pkg: r.pkg,
      name: r.name,
      config: r.config,
      iterations: r.iterations,
      values,
      source: { file: r.file, line: r.line }
    });
  }
};
var BENCHMARK = "Benchmark";
var BenchReader = class {
  constructor(file, sink) {
    this.file = file;
    this.sink = sink ?? new ResultArray();
    this.current = { pkg: "", name: "", config: this.config, iterations: 0, file, line: 0, count: 0, units: [], values: new Float64Array(8) };
  }
  file;
  sink;
  resultCount = 0;
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
  /** Scratch for the line being read, handed to the sink; also what the next line is compared with. */
  current;
  /** The units as written on the last result line, and their tidying rules (units repeat). */
  rawUnits = [];
  rules = [];
  pkg = "";
  /** Scratch for the fast path (bytesLine). */
  ascii = newAsciiResult();
  /** The bytes of the current name and of rawUnits, when the fast path made them. */
  nameKey = new ByteKey();
  unitKeys = [];
  /** Begin a new file or package stream: configuration does not carry over (unit metadata does). */
  startStream(initialConfig = {}) {
    this.endStream();
    this.setConfig(Object.freeze({ ...initialConfig }));
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
  /**
   * One line, without its line terminator: `text` itself, or `text.slice(start, end)` (a reader of
   * a large file passes the whole chunk and the line's bounds, so that a result line is read in
   * place without a string of its own). `lineNo` is 1-based in `file`.
   */
  line(text, lineNo, start = 0, end = text.length) {
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    if (text.startsWith(BENCHMARK, start) && end - start >= BENCHMARK.length) {
      this.closeFailure();
      this.benchmarkLine(text, start, end, lineNo);
      if (this.recentLog.length > 0) this.recentLog = [];
      return;
    }
    if (start !== 0 || end !== text.length) text = text.slice(start, end);
    if (this.openFailure && INDENTED_LOG.test(text)) {
      if (this.openFailure.after.length < MAX_FAILURE_LINES) this.openFailure.after.push(text.trim());
      return;
    }
    this.closeFailure();
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
  /**
   * The fast path for a line of a file's bytes, `buf[start, end)` without its newline: reads an
   * ASCII result line with plain numbers (what a suite is made of) and returns true; returns false
   * without reading anything when the line must be decoded and given to `line` (ascii-line.ts).
   */
  bytesLine(buf, start, end, lineNo) {
    if (end > start && buf[end - 1] === 13) end--;
    if (!startsWithBenchmark(buf, start, end)) return false;
    const a = this.ascii;
    if (!scanAsciiResult(buf, start, end, a)) return false;
    this.closeFailure();
    if (this.recentLog.length > 0) this.recentLog = [];
    this.announced = void 0;
    const r = this.current;
    if (!this.nameKey.matches(buf, a.nameStart, a.nameEnd)) {
      r.name = asciiString(buf, a.nameStart, a.nameEnd);
      this.nameKey.set(buf, a.nameStart, a.nameEnd);
    }
    if (r.values.length < a.count) r.values = new Float64Array(a.values.length);
    for (let i = 0; i < a.count; i++) {
      if (i === this.unitKeys.length) this.unitKeys.push(new ByteKey());
      const key = this.unitKeys[i];
      if (!key.matches(buf, a.unitStarts[i], a.unitEnds[i])) {
        const unit = asciiString(buf, a.unitStarts[i], a.unitEnds[i]);
        this.rawUnits[i] = unit;
        this.rules[i] = tidyRule(unit);
        key.set(buf, a.unitStarts[i], a.unitEnds[i]);
      }
      const rule = this.rules[i];
      r.units[i] = rule.unit;
      r.values[i] = a.values[i] * rule.factor;
    }
    r.pkg = this.pkg;
    r.config = this.config;
    r.iterations = a.iterations;
    r.line = lineNo;
    r.count = a.count;
    this.resultCount++;
    this.sink.add(r);
    return true;
  }
  /** The results, when they went to the default sink. */
  finish() {
    const summary = this.finishSummary();
    const sink = this.sink instanceof ResultArray ? this.sink : new ResultArray();
    return { results: sink.results, units: summary.units, warnings: summary.warnings, failures: summary.failures };
  }
  /** Everything but the results, which went to the sink. */
  finishSummary() {
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
    return { resultCount: this.resultCount, units: this.units, warnings, failures: this.failures };
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
   *
   * This runs for every sample of a suite, so it reads the line in place: fields are found with
   * benchfmt's splitField rule (a field runs to the next space; that space and the spaces after it
   * are consumed), the name and units are compared with the previous line's before any string is
   * made, and plain numbers are converted from the characters. Anything unusual takes the general
   * path (goInt, goFloat) on a sliced field, with the same result.
   */
  benchmarkLine(text, start, end, lineNo) {
    const r = this.current;
    let pos = start + BENCHMARK.length;
    let fieldEnd = scanField(text, pos, end);
    let name = r.name;
    if (fieldEnd - pos !== name.length || !text.startsWith(name, pos)) name = unlinked(text.slice(pos, fieldEnd));
    pos = skipSpaces2(text, fieldEnd, end);
    if (pos >= end && fieldEnd === end) {
      if (name !== r.name) this.nameKey.clear();
      r.name = name;
      this.announced = name;
      return;
    }
    this.announced = void 0;
    fieldEnd = scanField(text, pos, end);
    if (fieldEnd === pos) return this.warn("missing iteration count", lineNo);
    let iters = plainIntAt(text, pos, fieldEnd);
    if (iters < 0) {
      const field = text.slice(pos, fieldEnd);
      const parsed = goInt(field);
      if (typeof parsed === "string") return this.warn(`parsing iteration count ${JSON.stringify(field)}: ${parsed}`, lineNo);
      iters = parsed;
    }
    pos = skipSpaces2(text, fieldEnd, end);
    let count = 0;
    for (; ; ) {
      fieldEnd = scanField(text, pos, end);
      if (fieldEnd === pos) {
        if (count > 0) break;
        return this.warn("missing measurements", lineNo);
      }
      let value = plainDecimalAt(text, pos, fieldEnd);
      if (Number.isNaN(value)) {
        const field = text.slice(pos, fieldEnd);
        const parsed = goFloat(field);
        if (typeof parsed === "string") return this.warn(`parsing measurement ${JSON.stringify(field)}: ${parsed}`, lineNo);
        value = parsed;
      }
      const valueStart = pos;
      const valueEnd = fieldEnd;
      pos = skipSpaces2(text, fieldEnd, end);
      fieldEnd = scanField(text, pos, end);
      if (fieldEnd === pos) return this.warn(`missing units after ${text.slice(valueStart, valueEnd)}`, lineNo);
      if (count === r.values.length) {
        const grown = new Float64Array(count * 2);
        grown.set(r.values);
        r.values = grown;
      }
      const known = count < this.rawUnits.length ? this.rawUnits[count] : "";
      if (known === "" || fieldEnd - pos !== known.length || !text.startsWith(known, pos)) {
        const unit = unlinked(text.slice(pos, fieldEnd));
        this.rawUnits[count] = unit;
        this.unitKeys[count]?.clear();
        this.rules[count] = tidyRule(unit);
      }
      const rule = this.rules[count];
      r.units[count] = rule.unit;
      r.values[count] = value * rule.factor;
      count++;
      pos = skipSpaces2(text, fieldEnd, end);
    }
    if (name !== r.name) this.nameKey.clear();
    r.name = name;
    r.pkg = this.pkg;
    r.config = this.config;
    r.iterations = iters;
    r.line = lineNo;
    r.count = count;
    this.resultCount++;
    this.sink.add(r);
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
    const key = unlinked(text.slice(0, colon));
    let value = unlinked(text.slice(colon + 1));
    if (value.length > 0) {
      const stripped = value.replace(/^[ \t]+/, "");
      if (stripped.length === value.length) return false;
      value = stripped;
    }
    if (value.length === 0) {
      if (Object.hasOwn(this.config, key)) {
        const next = { ...this.config };
        delete next[key];
        this.setConfig(Object.freeze(next));
      }
    } else if (!Object.hasOwn(this.config, key) || this.config[key] !== value) {
      const next = { ...this.config };
      setOwn(next, key, value);
      this.setConfig(Object.freeze(next));
    }
    return true;
  }
  setConfig(config) {
    this.config = config;
    this.pkg = configValue(config, "pkg");
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
function unlinked(s) {
  return s.length < 13 ? s : (" " + s).slice(1);
}
function scanField(s, pos, end) {
  while (pos < end) {
    const c = s.charCodeAt(pos);
    if (c > 32 && c < 127) pos++;
    else if (isGoSpace(c)) break;
    else pos++;
  }
  return pos;
}
function skipSpaces2(s, pos, end) {
  if (pos < end) pos++;
  while (pos < end && isGoSpace(s.charCodeAt(pos))) pos++;
  return pos;
}
function configValue(config, key) {
  return Object.hasOwn(config, key) ? config[key] : "";
}

// src/benchfmt/text.ts
function parseBenchText(text, file) {
  const reader = new BenchReader(file);
  reader.startStream();
  feedLines(reader, text, 1, true);
  return reader.finish();
}
function feedLines(reader, text, firstLine, final) {
  let start = 0;
  let lineNo = firstLine;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) {
      if (!final) throw new Error("feedLines: a chunk must end with a newline");
      end = text.length;
    }
    reader.line(text, lineNo, start, end);
    start = end + 1;
    lineNo++;
  }
  return lineNo;
}
function feedByteLines(reader, buf, stop, firstLine, final, decoder) {
  let start = 0;
  let lineNo = firstLine;
  while (start < stop) {
    let end = buf.indexOf(10, start);
    if (end < 0 || end >= stop) {
      if (!final) throw new Error("feedByteLines: a chunk must end with a newline");
      end = stop;
    }
    if (!reader.bytesLine(buf, start, end, lineNo)) reader.line(decoder.decode(buf.subarray(start, end)), lineNo);
    start = end + 1;
    lineNo++;
  }
  return lineNo;
}

// src/benchfmt/gojson.ts
function readGoTestJson(reader, text) {
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

// src/benchfmt/file.ts
var CHUNK = 64 * 1024;
async function readBenchFile(path, sink, options = {}) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch (e) {
    throw cannotRead(path, e);
  }
  let summary;
  try {
    summary = await readOpened(fd, path, sink);
  } finally {
    closeSync(fd);
  }
  if (summary.resultCount === 0 && !options.allowEmpty) {
    const failed = summary.failures.map((f) => f.message.split("\n")[0]);
    const why = failed.length > 0 ? ` The output reports failures: ${failed.slice(0, 3).join("; ")}.` : "";
    throw new BenchgateError(`no benchmark results found; ${EXPECTED}.${why}`, "bench-format", { file: path });
  }
  return summary;
}
async function readOpened(fd, path, sink) {
  const reader = new BenchReader(path, sink);
  const decoder = new TextDecoder("utf-8");
  let buf = new Uint8Array(CHUNK);
  let held = 0;
  let offset = 0;
  let lineNo = 1;
  let first = true;
  for (; ; ) {
    if (held === buf.length) {
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      buf = grown;
    }
    const bytesRead = read(fd, buf, held, path);
    const eof = bytesRead === 0;
    let filled = held + bytesRead;
    checkBenchBytes(buf.subarray(held, filled), path, offset + held);
    if (first) {
      first = false;
      const bom = utf8BomLength(buf.subarray(0, filled));
      if (bom > 0) {
        buf.copyWithin(0, bom, filled);
        filled -= bom;
        offset += bom;
      }
      if (looksLikeGoTestJson(decoder.decode(buf.subarray(0, filled)))) {
        const bytes = await readFile(path);
        readGoTestJson(reader, decodeBenchBytes(bytes, path));
        return reader.finishSummary();
      }
      reader.startStream();
    }
    const stop = eof ? filled : buf.lastIndexOf(10, filled - 1) + 1;
    if (stop > 0) lineNo = feedByteLines(reader, buf, stop, lineNo, eof, decoder);
    if (eof) return reader.finishSummary();
    buf.copyWithin(0, stop, filled);
    offset += stop;
    held = filled - stop;
  }
}
function read(fd, buf, at, path) {
  try {
    return readSync(fd, buf, at, buf.length - at, null);
  } catch (e) {
    throw cannotRead(path, e);
  }
}
function cannotRead(path, e) {
  const reason = e?.code ?? (e instanceof Error ? e.message : String(e));
  return new BenchgateError(`cannot read benchmark output (${reason}); ${EXPECTED}`, "bench-format", { file: path });
}

export {
  parseBenchText,
  readBenchFile
};
