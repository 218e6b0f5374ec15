#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  parseBenchText
} from "./cli-chunk-KZ4WF3FL.js";
import {
  readProfileFile,
  readProfiles
} from "./cli-chunk-UQ7IEQOX.js";
import {
  HISTORY_FILE,
  carryHistory,
  loadRun,
  readHistory,
  readHistoryForReport,
  saveRun,
  uncheckedNote,
  writeHistory
} from "./cli-chunk-UA4GODWJ.js";
import {
  BASELINE_USAGE,
  BenchgateError,
  DEFAULT_DUET,
  DEFAULT_HISTORY_LENGTH,
  DEFAULT_RUN,
  DEFAULT_VERDICT,
  DUET_CHOICES,
  EXIT_OK,
  EXIT_REGRESSION,
  FunctionAggregator,
  MAX_WARNINGS_PER_STEP,
  MERGE_USAGE,
  PROFILE_KINDS,
  RUN_USAGE,
  StepClock,
  VERDICT_OPTIONS,
  benchmarkKey,
  byNameAndFile,
  causalPhrase,
  commandProgress,
  compareOptions,
  comparePairs,
  compareResults,
  compareTop,
  diagnosisOf,
  escapeHtml,
  estimatedSlowdown,
  evaluateGate,
  extensionOutlook,
  failOnFrom,
  failedPackageLines,
  formatDelta,
  formatFixed,
  formatFrom,
  formatValue,
  frameName,
  higherIsBetter,
  interruptedBy,
  isGated,
  isVerified,
  joinHistories,
  maxRoundsOf,
  onInterrupt,
  parseBenchtime,
  parseChoice,
  parseCpuList,
  parseDuration,
  parseFlags,
  parseGcTrace,
  parseInteger,
  parseList,
  removeOnInterrupt,
  render,
  renderMarkdown,
  reportError,
  rowKey,
  sampleFilter,
  sampleIndexByName,
  splitWords,
  str,
  toJsonReport,
  trackGroup,
  usageError,
  verdictFrom,
  warningText,
  wholeProfile,
  worstCasePercent
} from "./cli-chunk-MK35M2OK.js";

// src/commands/merge.ts
import { mkdir as mkdir7, writeFile as writeFile7 } from "node:fs/promises";
import { join as join13, resolve as resolve3 } from "node:path";

// src/engine.ts
import { readFile as readFile2 } from "node:fs/promises";
import { existsSync as existsSync2 } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

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
function scanImports(source, file) {
  const toks = tokenize(source, file);
  const litEnd = (t) => {
    const q = source[t.offset];
    let i2 = t.offset + 1;
    while (i2 < source.length && source[i2] !== q) i2 += source[i2] === "\\" && q === '"' ? 2 : 1;
    return i2 + 1;
  };
  const pathOf = (t) => source.slice(t.offset + 1, litEnd(t) - 1);
  const imports = [];
  let i = 2;
  let insertAt = toks[1] ? toks[1].offset + toks[1].text.length : 0;
  while (toks[i]?.kind === "op" && toks[i].text === ";") i++;
  while (toks[i]?.kind === "ident" && toks[i].text === "import") {
    const kw = toks[i];
    const open2 = toks[i + 1];
    if (open2?.text === "(" && open2.close !== void 0) {
      for (let j = i + 2; j < open2.close; j++) {
        const t = toks[j];
        if (t.kind === "lit") {
          const named = toks[j - 1].kind === "ident" || toks[j - 1].text === "." && j - 1 > i + 1;
          const first = named ? toks[j - 1] : t;
          imports.push({ name: named ? toks[j - 1].text : null, path: pathOf(t), start: first.offset, end: litEnd(t) });
        }
      }
      insertAt = toks[open2.close].offset + 1;
      i = open2.close + 1;
    } else {
      const named = open2 && open2.kind !== "lit";
      const lit = named ? toks[i + 2] : open2;
      if (lit?.kind !== "lit") break;
      imports.push({ name: named ? open2.text : null, path: pathOf(lit), start: kw.offset, end: litEnd(lit) });
      insertAt = litEnd(lit);
      i += named ? 3 : 2;
    }
    while (toks[i]?.kind === "op" && toks[i].text === ";") i++;
  }
  const qualifiers = /* @__PURE__ */ new Set();
  for (let j = i; j < toks.length - 2; j++) {
    const t = toks[j];
    if (t.kind === "ident" && toks[j + 1].text === "." && toks[j + 2].kind === "ident" && toks[j - 1]?.text !== ".") qualifiers.add(t.text);
  }
  return { imports, insertAt, qualifiers };
}
function importedName(imp) {
  if (imp.name !== null) return imp.name;
  const parts = imp.path.split("/");
  let last = parts.pop() ?? "";
  if (/^v[0-9]+$/.test(last) && parts.length > 1) last = parts.pop() ?? "";
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(last) ? last : null;
}
function symbolPrefix(importPath, packageName) {
  if (packageName === "main") return "main";
  const path = packageName.endsWith("_test") && !importPath.endsWith("_test") ? importPath + "_test" : importPath;
  const slash2 = path.lastIndexOf("/");
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const escape = c <= 32 || c === 37 || c === 34 || c >= 127 || c === 46 && i > slash2;
    out += escape ? "%" + c.toString(16).padStart(2, "0") : path[i];
  }
  return out;
}
function normalizeFunctionName(name) {
  let out = "";
  let depth = 0;
  for (const c of name) {
    if (c === "[") {
      if (depth === 0) out += "[...]";
      depth++;
    } else if (c === "]" && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
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
  const open2 = [];
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
    if (c in OPEN) open2.push(toks.length - 1);
    else if (CLOSERS.has(c)) {
      const o = open2.pop();
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
  if (open2.length > 0) {
    const o = toks[open2[open2.length - 1]];
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
  const out = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
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
  const byName = candidates2.filter((c) => normalizeFunctionName(c.function) === wanted);
  return byName.length === 1 ? byName[0] : void 0;
}

// src/attribute/attribute.ts
function attribute(row, base, head, changed, commitsOf, options = {}) {
  const explainShare = options.explainShare ?? 0.2;
  const moverShare = options.moverShare ?? 0.05;
  const maxFunctions = options.maxFunctions ?? 8;
  const maxOffsets = options.maxOffsets ?? 3;
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
  const shownSet = new Set(shown);
  const residual = residualChanged(groups.filter((g) => g.changed), direction);
  const changedKey = (g) => `${g.changed.function}\0${g.changed.file}\0${g.changed.startLine}`;
  const named = new Set(shown.filter((g) => g.changed).map(changedKey));
  const offsetting = [];
  for (const [g] of [...residual].filter(([g2, r]) => !shownSet.has(g2) && -r / magnitude >= moverShare).sort((a, b) => a[1] - b[1])) {
    if (offsetting.length === maxOffsets) break;
    if (named.has(changedKey(g))) continue;
    named.add(changedKey(g));
    offsetting.push(g);
  }
  const notes = [base.note, head.note].filter((n) => !!n && n !== "");
  if (explaining.length === 0) {
    const top = movers.slice(0, 3).map((g) => `${g.frame.function} (${formatDelta(g.flat, row.unit)} self)`);
    notes.unshift(
      options.diffKnown === false ? `the largest movers are ${top.length ? top.join(", ") : "none: no function moved by 5% or more of the change"}` : changed.length === 0 ? `the PR changed no profiled Go function; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}` : `no changed function explains this change; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}`
    );
  }
  const deltaOf = (g) => listed.has(g) ? direction * credited.get(g) : g.flat;
  const paths = learnPaths(groups);
  const entry = (g, delta) => {
    const c = g.changed;
    return {
      function: c ? c.function : g.frame.function,
      file: c ? c.file : paths(g.frame.file) ?? g.frame.file,
      startLine: c ? c.startLine : g.frame.startLine,
      // 0: the range of a function the PR did not touch is not known here.
      endLine: c ? c.endLine : 0,
      changed: c !== void 0,
      commits: c ? safeCommits(commitsOf, c) : [],
      delta,
      share: delta / rowDelta,
      flatDelta: g.flat
    };
  };
  const functions = shown.map((g) => entry(g, deltaOf(g)));
  const offsets = offsetting.map((g) => entry(g, direction * residual.get(g)));
  const changedNet = direction * [...residual.values()].reduce((sum, r) => sum + r, 0);
  return {
    functions,
    ...offsets.length ? { offsets, changedNet } : {},
    note: notes.length ? [...new Set(notes)].join("; ") : null
  };
}
function groupFrames(base, head, changed) {
  const byName = /* @__PURE__ */ new Map();
  for (const f of base.functions) byName.set(f.function, { ...byName.get(f.function), base: f });
  for (const f of head.functions) byName.set(f.function, { ...byName.get(f.function), head: f });
  const headSide = changed.filter((c) => c.side === "head");
  const baseSide = changed.filter((c) => c.side === "base");
  const folded = /* @__PURE__ */ new Map();
  const groups = [];
  for (const [name, pair] of byName) {
    const c = changedFunctionOf(pair, headSide, baseSide);
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
function changedFunctionOf(pair, headSide, baseSide) {
  if (pair.head) return matchProfileFunction(pair.head, headSide) ?? matchProfileFunction(pair.head, baseSide, { byName: true });
  if (pair.base) return matchProfileFunction(pair.base, baseSide) ?? matchProfileFunction(pair.base, headSide, { byName: true });
  return void 0;
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
function residualChanged(groups, direction) {
  const residual = /* @__PURE__ */ new Map();
  const order = [...groups].sort((a, b) => a.cumHead - b.cumHead || a.cumBase - b.cumBase);
  for (const g of order) {
    let beneath = 0;
    for (const [h, r] of residual) if (h.cumHead <= g.cumHead && h.cumBase <= g.cumBase) beneath += r;
    residual.set(g, direction * g.cum - beneath);
  }
  return residual;
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
import { existsSync } from "node:fs";
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
  return new Promise((resolve4, reject) => {
    const signal = interruptedBy();
    if (signal && !opts.duringCleanup) {
      reject(new BenchgateError(`interrupted (${signal}): ${cmd} not started`, "exec"));
      return;
    }
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so that a timeout also kills what the child started
      // (`go test` runs the test binary as its own child).
      detached: true
    });
    const untrack = child.pid !== void 0 ? trackGroup(child.pid) : () => false;
    if (child.pid !== void 0) opts.onSpawn?.(child.pid);
    let endedAt;
    const out = new TailBuffer(cap);
    const err = new TailBuffer(cap);
    const lines = opts.onStdoutLine ? lineSplitter(opts.onStdoutLine) : null;
    let timedOut = false;
    let settled = false;
    const timers = [];
    const stopReading = () => {
      child.stdout.destroy();
      child.stderr.destroy();
    };
    const killGroup = (signal2) => {
      if (child.pid === void 0) return;
      try {
        process.kill(-child.pid, signal2);
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
      out.push(chunk);
      lines?.push(chunk);
    });
    child.stderr.on("data", (chunk) => err.push(chunk));
    child.on("error", (e) => {
      untrack();
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (e.code === "ENOENT" && opts.cwd !== void 0 && !existsSync(opts.cwd)) {
        reject(new BenchgateError(`cannot run ${cmd} in ${opts.cwd}: the directory does not exist`, "exec"));
        return;
      }
      const hint = e.code === "ENOENT" ? " (is it installed and on PATH?)" : "";
      reject(new BenchgateError(`cannot run ${cmd}: ${e.message}${hint}`, "exec"));
    });
    child.on("exit", () => {
      endedAt = Date.now();
      timers.push(setTimeout(stopReading, PIPE_WAIT_MS));
    });
    child.on("close", (code, signal2) => {
      untrack();
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      if (timedOut) killGroup("SIGKILL");
      lines?.end();
      resolve4({
        code,
        signal: signal2,
        stdout: out.text(),
        stderr: err.text(),
        truncated: out.truncated || err.truncated,
        timedOut,
        durationMs: Date.now() - started,
        startedAtMs: started,
        endedAtMs: endedAt ?? Date.now()
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
    maxOutputBytes: opts.maxOutputBytes,
    duringCleanup: opts.duringCleanup
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
async function isDirty(cwd, opts = {}) {
  const untracked = opts.untracked ? "--untracked-files=normal" : "--untracked-files=no";
  return (await git(["status", "--porcelain", untracked], cwd, opts)).trim() !== "";
}
async function requireRef(flag, ref, repo) {
  const found = await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], repo).then(
    () => true,
    () => false
  );
  if (found) return;
  const branches = (await git(["for-each-ref", "--format=%(refname:short)", "refs/heads", "refs/remotes"], repo).catch(() => "")).split("\n").filter((b) => b !== "" && !b.endsWith("/HEAD"));
  const shown = branches.slice(0, 8).join(", ") + (branches.length > 8 ? `, \u2026 (${branches.length} in all)` : "");
  throw new BenchgateError(
    `${flag} ${JSON.stringify(ref)} is not a branch, tag or commit in ${repo}` + (branches.length ? ` (branches here: ${shown})` : "") + `; name one of them, or fetch it first (git fetch origin ${ref})`,
    "git"
  );
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
async function changedFiles(repoDir, baseRef, headRef) {
  checkRef(baseRef);
  if (headRef !== void 0) checkRef(headRef);
  const mergeBase = await mergeBaseOf(repoDir, baseRef, headRef ?? "HEAD");
  const out = await git2(repoDir, ["diff", "--no-color", "--no-ext-diff", "--no-relative", "--name-status", "-z", "-M", mergeBase, ...headRef !== void 0 ? [headRef] : [], "--"]);
  return parseNameStatus(out);
}
function parseNameStatus(out) {
  const fields = out.split("\0");
  const files = [];
  for (let i = 0; i < fields.length && fields[i] !== ""; ) {
    const code = fields[i][0];
    if (code === "R" || code === "C") {
      const [from, to] = [fields[i + 1], fields[i + 2]];
      files.push(code === "R" ? { path: to, status: "renamed", previousPath: from } : { path: to, status: "added" });
      i += 3;
    } else {
      files.push({ path: fields[i + 1], status: code === "A" ? "added" : code === "D" ? "deleted" : "modified" });
      i += 2;
    }
  }
  return files;
}
async function mergeBaseOf(repoDir, baseRef, headRef) {
  checkRef(baseRef);
  checkRef(headRef);
  const out = await git2(repoDir, ["merge-base", baseRef, headRef]).catch((e) => {
    if (e instanceof BenchgateError && /exit code 1\b/.test(e.message)) {
      throw new BenchgateError(`${baseRef} and ${headRef} share no history (no merge base)`, "git");
    }
    throw e;
  });
  return out.trim();
}
async function commitsTouching(repoDir, baseRef, headRef, file, startLine, endLine) {
  if (!Number.isInteger(startLine) || !Number.isInteger(endLine) || startLine < 1 || endLine < startLine) {
    throw new BenchgateError(`bad line range ${startLine},${endLine} for ${file}`, "usage");
  }
  const out = await git2(repoDir, ["log", "--no-color", "-s", "--format=%h%x09%s", `-L${startLine},${endLine}:${file}`, prRange(baseRef, headRef)]);
  return parseCommitLines(out);
}
async function commitsTouchingFile(repoDir, baseRef, headRef, file) {
  const out = await git2(repoDir, ["log", "--no-color", "--format=%h%x09%s", prRange(baseRef, headRef), "--", file]);
  return parseCommitLines(out);
}
function prRange(baseRef, headRef) {
  checkRef(baseRef);
  checkRef(headRef);
  return `${baseRef}..${headRef}`;
}
function parseCommitLines(out) {
  return out.split("\n").filter((l) => l.includes("	")).map((l) => {
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

// src/gotool/env.ts
import { readFile } from "node:fs/promises";
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
var OS_NAMES = {
  linux: "Linux",
  darwin: "macOS",
  macos: "macOS",
  win32: "Windows",
  windows: "Windows"
};
function normalizeOs(name) {
  const key = String(name ?? "").trim().toLowerCase();
  return OS_NAMES[key] ?? key;
}
function runnerOs(env, platform = process.platform) {
  return normalizeOs(env.RUNNER_OS || platform);
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
  const cpuInfo = await readFile("/proc/cpuinfo", "utf8").catch(() => "");
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

// src/pprof/perop.ts
function candidates(name) {
  const noProcs = name.replace(/-\d+$/, "");
  const slash2 = name.indexOf("/");
  const top = (slash2 >= 0 ? name.slice(0, slash2) : name).replace(/-\d+$/, "");
  return { label: [.../* @__PURE__ */ new Set([name, noProcs])], top, sub: slash2 >= 0 };
}
function perOpCosts(split, name, unit, perOpValue) {
  const c = candidates(name);
  const result = (slice, note) => {
    const out = { package: split.package, name, unit, functions: slice ? scaled(slice, perOpValue) : [] };
    const via = slice ? split.benchmarks.get(c.top)?.parallelVia ?? [] : [];
    const notes = [
      note,
      via.length ? `b.RunParallel goroutines of ${via.join(", ")} are counted as Benchmark${c.top}'s (only its stacks show that helper)` : void 0
    ].filter((n) => !!n);
    if (notes.length) out.note = notes.join("; ");
    return out;
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
function perOpCostsOfSlice(slice, pkg, name, unit, perOpValue) {
  return { package: pkg, name, unit, functions: scaled(slice, perOpValue) };
}
function perOpFactor(total, perOp) {
  return perOp / total;
}
function scaled(slice, perOp) {
  if (slice.total === 0) return [];
  const k = perOpFactor(slice.total, perOp);
  return slice.functions.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat * k, cum: f.cum * k }));
}
function perOpTree(tree, perOpValue) {
  if (tree.value === 0) return null;
  const k = perOpFactor(tree.value, perOpValue);
  const scale = (n) => ({ ...n, value: n.value * k, self: n.self * k, children: n.children.map(scale) });
  return scale(tree);
}

// src/regexp.ts
function quoteMeta(s) {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
}

// src/pprof/split.ts
function symbolPackage(pkg) {
  const slash2 = pkg.lastIndexOf("/");
  return pkg.slice(0, slash2 + 1) + pkg.slice(slash2 + 1).replace(/\./g, "%2e");
}
var PARALLEL_BODY = /^testing\.\(\*B\)\.RunParallel\.func\d+$/;
var enclosing = (name) => name.replace(/(?:\.(?:func|gowrap)?\d+)+$/, "");
function parallelBody(s) {
  let seen = false;
  for (let i = s.location.length - 1; i >= 0; i--) {
    const lines = s.location[i].line;
    for (let j = lines.length - 1; j >= 0; j--) {
      const name = lines[j].function.name;
      if (seen) return enclosing(name);
      if (PARALLEL_BODY.test(name)) seen = true;
    }
  }
  return null;
}
function benchmarkFramePattern(pkg) {
  const prefixes = [.../* @__PURE__ */ new Set([pkg, symbolPackage(pkg)])].map(quoteMeta).join("|");
  return new RegExp(`^(?:${prefixes})(?:_test)?\\.Benchmark([^./]*)(?:\\.(.+))?$`);
}
function splitByBenchmark(p, pkg, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  const labelKeys = options.labelKeys ?? ["benchmark"];
  const benchRe = benchmarkFramePattern(pkg);
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
      a = { all: new FunctionAggregator(byNameAndFile), allTotal: 0, closures: null, closuresTotal: 0, closureNames: /* @__PURE__ */ new Set(), byLabel, parallelVia: /* @__PURE__ */ new Set() };
      accs.set(name, a);
    }
    return a;
  };
  const unattributed = new FunctionAggregator(byNameAndFile);
  let unattributedTotal = 0;
  let parallelTotal = 0;
  let total = 0;
  const rootOf = (s) => {
    let root = null;
    for (let i = s.location.length - 1; i >= 0 && !root; i--) root = benchOfLoc[s.location[i].index];
    return root;
  };
  const { owners, lost } = parallelOwners(p, rootOf);
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
    let root = rootOf(s);
    let via = null;
    if (!root && owners.size > 0) {
      const body = parallelBody(s);
      const owner = body === null ? void 0 : owners.get(body);
      if (owner) [root, via] = [owner, body];
    }
    if (!root) {
      unattributed.add(s, w);
      unattributedTotal += w;
      if (parallelBody(s) !== null) parallelTotal += w;
      continue;
    }
    const a = accFor(root.name, false);
    if (via !== null) a.parallelVia.add(via);
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
    functions: agg.nonZero().map((n) => agg.row(n)).sort(compareTop)
  });
  const benchmarks = /* @__PURE__ */ new Map();
  for (const [name, a] of accs) {
    benchmarks.set(name, {
      name,
      all: slice(a.all, a.allTotal),
      closures: a.closures ? slice(a.closures, a.closuresTotal) : null,
      closureNames: [...a.closureNames].sort(),
      byLabel: a.byLabel,
      parallelVia: [...a.parallelVia].sort(),
      parallelLost: [...lost.get(name) ?? []].sort()
    });
  }
  return {
    package: pkg,
    sampleType: p.sampleType[index] ?? { type: "", unit: "" },
    total,
    benchmarks,
    unattributed: slice(unattributed, unattributedTotal),
    parallelUnattributed: parallelTotal
  };
}
function parallelOwners(p, rootOf) {
  const owners = /* @__PURE__ */ new Map();
  const lost = /* @__PURE__ */ new Map();
  const wanted = /* @__PURE__ */ new Set();
  for (const s of p.sample) {
    if (rootOf(s)) continue;
    const body = parallelBody(s);
    if (body !== null) wanted.add(body);
  }
  if (wanted.size === 0) return { owners, lost };
  const found = /* @__PURE__ */ new Map();
  for (const s of p.sample) {
    const root = rootOf(s);
    if (!root) continue;
    for (const l of s.location) {
      for (const line of l.line) {
        const name = line.function.name;
        if (!wanted.has(name)) continue;
        let m = found.get(name);
        if (!m) found.set(name, m = /* @__PURE__ */ new Map());
        if (!m.has(root.name)) m.set(root.name, root);
      }
    }
  }
  for (const [helper, benchmarks] of found) {
    if (benchmarks.size === 1) {
      owners.set(helper, [...benchmarks.values()][0]);
      continue;
    }
    for (const b of benchmarks.keys()) {
      if (!lost.has(b)) lost.set(b, /* @__PURE__ */ new Set());
      lost.get(b).add(helper);
    }
  }
  return { owners, lost };
}

// src/pprof/tree.ts
function stackTree(p, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  const kept = sampleFilter(options);
  const node = (fn, file, startLine) => ({
    function: fn,
    file,
    startLine,
    value: 0,
    self: 0,
    children: [],
    byKey: /* @__PURE__ */ new Map()
  });
  const root = node("", "", 0);
  for (const s of p.sample) {
    const w = s.value[index];
    if (w === 0 || !kept(s)) continue;
    let at = root;
    at.value += w;
    for (let i = s.location.length - 1; i >= 0; i--) {
      const loc = s.location[i];
      const lines = loc.line.length > 0 ? loc.line : [null];
      for (let j = lines.length - 1; j >= 0; j--) {
        const line = lines[j];
        const name = frameName(line, loc);
        let next = at.byKey.get(name);
        if (!next) {
          next = node(name, line?.function.filename ?? "", line?.function.startLine ?? 0);
          at.byKey.set(name, next);
        }
        next.value += w;
        at = next;
      }
    }
    at.self += w;
  }
  const finish2 = (n) => ({
    function: n.function,
    file: n.file,
    startLine: n.startLine,
    value: n.value,
    self: n.self,
    children: [...n.byKey.values()].sort((a, b) => a.function < b.function ? -1 : a.function > b.function ? 1 : 0).map(finish2)
  });
  return finish2(root);
}

// src/failures.ts
function isFailedPackage(p) {
  return p.status !== "ok" && p.status !== "no-benchmarks";
}
function packageFailures(run2, side) {
  return run2.packages.filter(isFailedPackage).map((p) => ({ ...side ? { side } : {}, pkg: p.pkg, status: p.status, reason: p.message?.trim() || p.status }));
}
function failureLabel(f) {
  return `${f.side ? f.side + ": " : ""}${f.pkg} ${f.status}`;
}
function formatFailure(f, maxLines = 20) {
  const lines = f.reason.split("\n").filter((l) => l.trim() !== "");
  const shown = lines.slice(0, maxLines);
  const more = lines.length > shown.length ? [`  \u2026 ${lines.length - shown.length} more lines in run.json`] : [];
  const [first = "", ...rest] = shown;
  return [`${failureLabel(f)}: ${first}`, ...rest.map((l) => "  " + l), ...more].join("\n");
}
function failureHeadline(reason) {
  const lines = reason.split("\n").map((l) => l.trim()).filter((l) => l !== "");
  const errors = lines.filter((l) => !/^# \S/.test(l));
  let line = errors[0] ?? lines[0] ?? "";
  const crash = /exit status \d+$/.test(line) ? errors.find((l) => /^(?:panic: |fatal error: )/.test(l)) : void 0;
  if (crash) line += ` (${crash})`;
  return line.length > 200 ? line.slice(0, 200) + "\u2026" : line;
}
function failureSummary(failures) {
  if (failures.length === 0) return "";
  const first = `${failureLabel(failures[0])}: ${failureHeadline(failures[0].reason)}`;
  return failures.length === 1 ? first : `${first} (and ${failures.length - 1} more package failure(s))`;
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
  field("runner OS", normalizeOs(base.runnerOs), normalizeOs(head.runnerOs));
  return diffs.length ? `the baseline ran in a different environment (${diffs.join("; ")})` : null;
}
function failedPackages(run2, side) {
  return run2.packages.filter(isFailedPackage).map((p) => ({ kind: "package-failed", side, message: `${p.pkg} ${p.status}${p.message ? ": " + failureHeadline(p.message) : ""}` }));
}
function compareRuns(base, head, v, fdrFamily) {
  const pairing = base.pairing && base.pairing === head.pairing ? base.pairing : void 0;
  const report = compareResults(base.results, head.results, {
    ...compareOptions(v, { ...base.units, ...head.units }),
    fdrFamily,
    pairing,
    looks: pairing ? head.pairPlan : void 0
  });
  const note = environmentNote(base.env, head.env);
  if (note) report.warnings.push({ kind: "environment", message: note });
  report.warnings.push(...failedPackages(base, "base"), ...failedPackages(head, "head"));
  return report;
}
async function modulePath(moduleDir) {
  const file = join(moduleDir, "go.mod");
  let text;
  try {
    text = await readFile2(file, "utf8");
  } catch {
    throw new BenchgateError("no go.mod here: point benchgate at a Go module", "usage", { file });
  }
  const m = /^\s*module\s+("?)([^\s"]+)\1\s*$/m.exec(text);
  if (!m) throw new BenchgateError("no module line", "go-source", { file });
  return m[2];
}
function moduleRootOf(dir, top) {
  return findUp(dir, ["go.mod"], top) ?? dir;
}
function findUp(dir, names, top) {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (names.some((n) => existsSync2(join(d, n)))) return d;
    if (top !== void 0 && d === resolve(top) || dirname(d) === d) return void 0;
  }
}
function requireGoModule(dir) {
  if (process.env.GO111MODULE === "off" || findUp(dir, ["go.mod", "go.work"])) return;
  throw new BenchgateError(`no go.mod in ${dir} or any directory above it: run benchgate in a Go module (its go.mod's directory or a package directory below it)`, "run");
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
        const text = opts.headRef ? await git(["show", `${opts.headRef}:${d.newPath}`], opts.repoDir).catch(() => void 0) : await readFile2(join(opts.repoDir, d.newPath), "utf8").catch(() => void 0);
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
  wholes = /* @__PURE__ */ new Map();
  trees = /* @__PURE__ */ new Map();
  /** Read once per file set: attribution's slices and the flame graph's trees come from the same profiles. */
  profiles = /* @__PURE__ */ new Map();
  /** The benchmark's own profile files of this kind, or null when the run has none for it. */
  ownFiles(pkg, name, kind) {
    const files = this.stored.run.packages.find((p) => p.pkg === pkg)?.benchmarkProfiles?.[name]?.[kind];
    return files && files.length > 0 ? files : null;
  }
  whole(pkg, name, files, sampleType, kind) {
    const options = kind === "mem" ? { onlyUnder: [benchmarkFramePattern(pkg), PARALLEL_BODY] } : {};
    return this.once(
      this.wholes,
      `${pkg}\0${name}\0${sampleType}`,
      async () => wholeProfile(await this.read(files), sampleType, options)
    );
  }
  /**
   * The benchmark's call tree for its flame graph, from the same samples attribution used: its
   * own profile (memory: under its frames, as in whole()), else the package-wide one's samples
   * under its `BenchmarkX` frames.
   */
  tree(pkg, name, sampleType, kind) {
    return this.once(this.trees, `${pkg}\0${name}\0${sampleType}`, async () => {
      const own = this.ownFiles(pkg, name, kind);
      if (own) {
        const options = kind === "mem" ? { onlyUnder: [benchmarkFramePattern(pkg), PARALLEL_BODY] } : {};
        return stackTree(await this.read(own), sampleType, options);
      }
      const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
      const files = entry ? kind === "cpu" ? entry.cpuProfiles : entry.memProfiles : [];
      if (files.length === 0) return `no ${kind === "cpu" ? "CPU" : "memory"} profile for ${pkg}`;
      const top = topName(name);
      const pattern = benchmarkFramePattern(pkg);
      const mine = { test: (fn) => pattern.exec(fn)?.[1] === top };
      return stackTree(await this.read(files), sampleType, { onlyUnder: [mine] });
    });
  }
  read(files) {
    const key = files.join("\0");
    let p = this.profiles.get(key);
    if (!p) {
      p = readProfiles(files.map((f) => resolve(this.stored.dir, f)));
      this.profiles.set(key, p);
    }
    return p;
  }
  split(pkg, kind, sampleType) {
    return this.once(this.splits, `${pkg}\0${sampleType}`, async () => {
      const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
      const files = entry ? kind === "cpu" ? entry.cpuProfiles : entry.memProfiles : [];
      if (files.length === 0) return `no ${kind === "cpu" ? "CPU" : "memory"} profile for ${pkg}`;
      return splitByBenchmark(await this.read(files), pkg, sampleType);
    });
  }
  once(cache, key, load) {
    let p = cache.get(key);
    if (!p) {
      p = load().catch((e) => {
        if (e instanceof BenchgateError) return e.message;
        throw e;
      });
      cache.set(key, p);
    }
    return p;
  }
};
function splitCoverage(split, results, pkg, top, unit) {
  if (split.parallelUnattributed <= 0) return null;
  let measuredTop = 0;
  let measuredAll = 0;
  for (const r of results) {
    if (r.pkg !== pkg) continue;
    const v = r.values.find((x) => x.unit === unit);
    if (!v) continue;
    measuredAll += v.value * r.iterations;
    if (topName(r.name) === top) measuredTop += v.value * r.iterations;
  }
  if (!(measuredTop > 0)) return null;
  let assigned = split.parallelUnattributed;
  for (const b of split.benchmarks.values()) if (!b.byLabel) assigned += b.all.total;
  const own = split.benchmarks.get(top)?.all.total ?? 0;
  return own / assigned / (measuredTop / measuredAll);
}
function topName(name) {
  const slash2 = name.indexOf("/");
  return (slash2 >= 0 ? name.slice(0, slash2) : name).replace(/-\d+$/, "");
}
var MIN_SPLIT_COVERAGE = 0.2;
async function benchmarkProfile(cache, row, center) {
  const kind = profileKind(row.unit);
  if (!kind) return `no profile measures ${row.unit}`;
  const own = cache.ownFiles(row.package, row.name, kind.kind);
  if (own) {
    const slice = await cache.whole(row.package, row.name, own, kind.sampleType, kind.kind);
    if (typeof slice === "string") return slice;
    return { profile: perOpCostsOfSlice(slice, row.package, row.name, row.unit, center), source: "benchmark" };
  }
  const split = await cache.split(row.package, kind.kind, kind.sampleType);
  if (typeof split === "string") return split;
  const profile = perOpCosts(split, row.name, row.unit, center);
  const top = topName(row.name);
  const labelled = split.benchmarks.get(row.name)?.byLabel || split.benchmarks.get(row.name.replace(/-\d+$/, ""))?.byLabel;
  const coverage = labelled ? null : splitCoverage(split, cache.stored.run.results, row.package, top, row.unit);
  const lost = labelled ? [] : split.benchmarks.get(top)?.parallelLost ?? [];
  if (profile.functions.length > 0 && lost.length > 0) {
    return `the package-wide ${kind.kind === "cpu" ? "CPU" : "memory"} profile cannot say which b.RunParallel goroutines of ${lost.join(", ")} are Benchmark${top}'s (other benchmarks call it too): not attributed from it; profiles of one benchmark per process would be`;
  }
  if (profile.functions.length > 0 && coverage !== null && coverage < MIN_SPLIT_COVERAGE) {
    return `the package-wide ${kind.kind === "cpu" ? "CPU" : "memory"} profile holds little of Benchmark${top}'s work under its own frames (${Math.round(coverage * 100)}% of its share of the package's measured ${row.unit}; the rest ran in b.RunParallel goroutines, which a split by stack cannot assign): not attributed from it; profiles of one benchmark per process would be`;
  }
  return { profile, source: "package" };
}
async function attributeReport(report, base, head, changes, log = silentLog, flames) {
  await attributeRows(report.rows, base, head, changes, flames);
  for (const w of changes?.warnings ?? []) log.warning(w);
}
async function attributeConfirmed(report, confirm2, changes, flames) {
  const rows = report.rows.filter((r) => r.confirmed === true && r.confirmation);
  const proxies = rows.map((r) => ({ ...r, base: r.confirmation.base, head: r.confirmation.head, deltaPercent: r.confirmation.deltaPercent }));
  const original = new Map(proxies.map((p, i) => [p, rows[i]]));
  for (const r of rows) flames?.delete(r);
  await attributeRows(proxies, confirm2.base, confirm2.head, changes, flames && { set: (proxy, t) => flames.set(original.get(proxy), t), delete: () => {
  } });
  rows.forEach((r, i) => {
    if (proxies[i].attribution) r.attribution = proxies[i].attribution;
  });
}
async function flameTrees(caches, row, sources) {
  const kind = profileKind(row.unit);
  if (!kind || !row.base || !row.head) return null;
  const [b, h] = await Promise.all(caches.map((c) => c.tree(row.package, row.name, kind.sampleType, kind.kind)));
  if (typeof b === "string" || typeof h === "string") return null;
  const base = perOpTree(b, row.base.center);
  const head = perOpTree(h, row.head.center);
  if (!base && row.base.center !== 0 || !head && row.head.center !== 0 || !base && !head) return null;
  const split = sources.filter((s) => s === "package").length;
  const note = split ? `${split === 2 ? "Both sides" : sources[0] === "package" ? "The base side" : "The head side"} ${split === 2 ? "come" : "comes"} from a package-wide profile: only the samples under Benchmark${topName(row.name)}'s frames (sub-benchmarks that share a closure are not told apart; b.RunParallel goroutines and GC workers are missing)` : void 0;
  return { base, head, ...note ? { note } : {} };
}
async function attributeRows(rows, base, head, changes, flames) {
  const baseCache = new ProfileCache(base);
  const headCache = new ProfileCache(head);
  for (const row of rows) {
    if (row.verdict !== "regression" && row.verdict !== "improvement") continue;
    if (!row.base || !row.head || !profileKind(row.unit)) continue;
    const [b, h] = await Promise.all([
      benchmarkProfile(baseCache, row, row.base.center),
      benchmarkProfile(headCache, row, row.head.center)
    ]);
    if (typeof b === "string" || typeof h === "string") {
      const notes = [b, h].filter((x) => typeof x === "string");
      row.attribution = { functions: [], note: [...new Set(notes)].join("; ") };
      continue;
    }
    if (b.source !== h.source) {
      const split = b.source === "package" ? b.profile : h.profile;
      const mixed = `the ${b.source === "package" ? "base" : "head"} side has only a package-wide profile, split by stack, the other this benchmark's own: the GC's background work is counted on one side only`;
      split.note = split.note ? `${split.note}; ${mixed}` : mixed;
    }
    const a = attribute(row, b.profile, h.profile, changes?.functions ?? [], changes?.commitsOf ?? (() => []), { diffKnown: !!changes });
    if (!changes && a.functions.length) {
      a.note = (a.note ? a.note + ". " : "") + "The PR diff was not available: changed functions are not marked";
    }
    row.attribution = a;
    if (flames) {
      const trees = await flameTrees([baseCache, headCache], row, [b.source, h.source]);
      if (trees) flames.set(row, trees);
    }
  }
}

// src/local.ts
import { join as join7, relative as relative3 } from "node:path";

// src/compare/settle.ts
function rowIsOpen(row, rule) {
  if (!rule.gateUnits.includes(row.unit)) return false;
  if (!row.base || !row.head || row.exact) return false;
  const higher = higherIsBetter(row.unit, rule.units ?? {});
  const worst = worstCasePercent(row, higher);
  const reaches = worst === null || worst >= rule.threshold;
  const n = row.paired?.n ?? Math.min(row.base.n, row.head.n);
  if (rule.count !== void 0 && n >= rule.count) {
    const maxPairs = rule.maxPairs ?? rule.count;
    if (!row.paired || n >= maxPairs) return false;
    if (!((row.verdict === "noisy" || row.suspect === true) && reaches)) return false;
    const outlook = extensionOutlook(row.paired, { threshold: rule.threshold, maxPairs, higherIsBetter: higher });
    return outlook === null || outlook.decidable;
  }
  if (row.verdict === "regression" || row.verdict === "improvement") return true;
  const slowdown = estimatedSlowdown(row);
  return reaches || slowdown !== null && slowdown <= -rule.threshold;
}
function openBenchmarks(report, rule) {
  const seen = /* @__PURE__ */ new Set();
  const open2 = [];
  for (const row of report.rows) {
    const key = benchmarkKey(row);
    if (seen.has(key) || !rowIsOpen(row, rule)) continue;
    seen.add(key);
    open2.push({ pkg: row.package, name: row.name });
  }
  return open2;
}

// src/git/worktree.ts
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join2 } from "node:path";
async function addWorktree(repo, ref, opts = {}) {
  const sha = await revParse(ref, repo, opts);
  const dir = await mkdtemp(join2(tmpdir(), "benchgate-worktree-"));
  let removing;
  const remove = () => removing ??= (async () => {
    await git(["worktree", "remove", "--force", dir], repo, { ...opts, duringCleanup: true }).catch(() => void 0);
    await rm(dir, { recursive: true, force: true });
    await git(["worktree", "prune"], repo, { ...opts, duringCleanup: true }).catch(() => void 0);
    unregisters.forEach((f) => f());
  })();
  const unregisters = [onInterrupt(remove), removeOnInterrupt(dir)];
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

// src/gotool/run.ts
import { mkdir, rm as rm2, writeFile } from "node:fs/promises";
import { join as join5 } from "node:path";

// src/gotool/flags.ts
function wantsProfile(profiles, kind) {
  return profiles === void 0 || profiles === true || Array.isArray(profiles) && profiles.includes(kind);
}
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
import { readFile as readFile3, stat } from "node:fs/promises";
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
      const text = await readFile3(join3(runDir, file), "utf8");
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
    incomplete: packages.some(isFailedPackage)
  };
}

// src/gotool/outcome.ts
var RESULT_LINE = /^Benchmark\S*\s+\d+\s+\S+\s+\S/m;
var FAILURE_CAUSE = /^(?:Benchmark\S*[ \t]+)?(--- FAIL|panic:|fatal error:|\*\*\* Test killed)/m;
var FAILURE_START = /^(--- FAIL|panic:|fatal error:|\*\*\* Test killed|FAIL\s)/m;
var MAX_LINES = 40;
var MAX_CHARS = 4e3;
function hasResults(stdout) {
  return RESULT_LINE.test(stdout);
}
function trimOutput(text, from) {
  let body = text.replace(/\s+$/, "");
  const m = from ? from.exec(body) : null;
  if (m) body = body.slice(m[1] !== void 0 ? m.index + m[0].lastIndexOf(m[1]) : m.index);
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
    const out = trimOutput(all, FAILURE_CAUSE.test(all) ? FAILURE_CAUSE : FAILURE_START);
    return { status: "bench-failed", message: out ? `${why}
${out}` : why };
  }
  if (!hasResults(inv.stdout)) {
    return { status: "no-benchmarks", message: "no benchmark matched the -bench pattern" };
  }
  return { status: "ok" };
}

// src/gotool/packages.ts
import { readFile as readFile4 } from "node:fs/promises";
import { join as join4, relative as relative2, sep } from "node:path";

// src/gotool/benchfuncs.ts
function blankCommentsAndStrings(src) {
  const out = [];
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
      out.push(c);
      i++;
      continue;
    }
    out.push(blank(src.slice(i, end)));
    i = end;
  }
  return out.join("");
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
function withBenchmarkPrefix(pattern) {
  const alternatives = splitBenchPattern(pattern).map((levels) => levels.join("/"));
  let changed = false;
  const fixed = alternatives.map((alt) => {
    const m = /^\^(\(*(?:\?:)?)([\p{L}\p{N}_]+)/u.exec(alt);
    if (!m) return alt;
    const word = m[2];
    if (word.startsWith("Benchmark") || "Benchmark".startsWith(word)) return alt;
    changed = true;
    return `^Benchmark${alt.slice(1)}`;
  });
  return changed ? fixed.join("|") : null;
}

// src/gotool/packages.ts
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
        for (const name of findBenchmarks(await readFile4(join4(dir, f), "utf8"))) {
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
  const only = opts.only ? new Set(opts.only) : void 0;
  const kept = (xs) => only ? xs.filter((x) => only.has(x.importPath)) : xs;
  return { packages: kept(packages).sort(byPath), failures: kept(failures).sort(byPath), warnings };
}

// src/shard/plan.ts
import { createHash as createHash2 } from "node:crypto";
function parseShard(flag, text) {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 256 || index < 1 || index > count) {
    throw new BenchgateError(`${flag} must be i/n with 1 \u2264 i \u2264 n \u2264 256 (e.g. 2/4), not ${JSON.stringify(text)}`, "usage");
  }
  return { index, count };
}
function topLevelOf(resultName) {
  const first = resultName.split("/")[0];
  return `Benchmark${first.replace(/-\d+$/, "")}`;
}
function weightsFromRun(run2) {
  const weights = /* @__PURE__ */ new Map();
  for (const r of run2.results) {
    const secPerOp = r.values.find((v) => v.unit === "sec/op")?.value;
    if (secPerOp === void 0 || !(secPerOp > 0) || !(r.iterations > 0)) continue;
    const fns = weights.get(r.pkg) ?? /* @__PURE__ */ new Map();
    weights.set(r.pkg, fns);
    const fn = topLevelOf(r.name);
    fns.set(fn, (fns.get(fn) ?? 0) + secPerOp * r.iterations);
  }
  return weights;
}
function unitKey(u) {
  return u.benchmark ? `${u.pkg}\0${u.benchmark}` : u.pkg;
}
function unitLabel(u) {
  return u.benchmark ? `${u.pkg}.${u.benchmark}` : u.pkg;
}
function stableHash(text) {
  let h = 2166136261;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
function suiteDigest(units) {
  const keys = units.map(unitKey).sort();
  return createHash2("sha256").update(keys.join("\n")).digest("hex").slice(0, 16);
}
function unitsOf(suite, count, weights) {
  const known = weights ? [...weights.values()].flatMap((m) => [...m.values()]).sort((a, b) => a - b) : [];
  const typical = known.length ? known[Math.floor(known.length / 2)] : 1;
  const fnWeight = (pkg, fn) => weights?.get(pkg)?.get(fn) ?? typical;
  const pkgs = suite.map((p) => {
    const fns = p.benchmarks.map((fn) => ({ unit: { pkg: p.pkg, benchmark: fn }, weight: fnWeight(p.pkg, fn) }));
    return { pkg: p.pkg, fns, weight: fns.length ? fns.reduce((s, f) => s + f.weight, 0) : typical };
  });
  const share = pkgs.reduce((s, p) => s + p.weight, 0) / count;
  return pkgs.flatMap((p) => p.fns.length > 1 && p.weight > share ? p.fns : [{ unit: { pkg: p.pkg }, weight: p.weight }]);
}
function planShards(suite, count, weights) {
  const seen = /* @__PURE__ */ new Set();
  const unique = [...suite].filter((p) => !seen.has(p.pkg) && seen.add(p.pkg)).map((p) => ({ pkg: p.pkg, benchmarks: [...new Set(p.benchmarks)].sort() })).sort((a, b) => a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0);
  const hasWeights = weights !== void 0 && weights.size > 0;
  const units = unitsOf(unique, count, hasWeights ? weights : void 0);
  const shards = Array.from({ length: count }, () => []);
  const loads = new Array(count).fill(0);
  if (hasWeights) {
    const order = [...units].sort((a, b) => b.weight - a.weight || (unitKey(a.unit) < unitKey(b.unit) ? -1 : 1));
    for (const u of order) {
      let best = 0;
      for (let i = 1; i < count; i++) if (loads[i] < loads[best]) best = i;
      shards[best].push(u.unit);
      loads[best] += u.weight;
    }
  } else {
    for (const u of units) {
      const i = stableHash(unitKey(u.unit)) % count;
      shards[i].push(u.unit);
      loads[i] += u.weight;
    }
  }
  for (const s of shards) s.sort((a, b) => unitKey(a) < unitKey(b) ? -1 : 1);
  return { shards, loads, method: hasWeights ? "measured" : "hash", suite: suiteDigest(units.map((u) => u.unit)), units: units.length };
}
function shardInfo(req, suite) {
  const plan = planShards(suite, req.count, req.weights);
  return { index: req.index, count: req.count, planned: plan.shards[req.index - 1], suite: plan.suite, units: plan.units, method: plan.method };
}
function selectionIn(info, pkg) {
  const mine = info.planned.filter((u) => u.pkg === pkg);
  if (mine.length === 0) return null;
  if (mine.some((u) => !u.benchmark)) return "all";
  return mine.map((u) => u.benchmark);
}

// src/shard/select.ts
function applyShard(req, discoveries) {
  const suite = /* @__PURE__ */ new Map();
  for (const d of discoveries) {
    for (const p of d.packages) for (const fn of p.benchmarks) (suite.get(p.importPath) ?? suite.set(p.importPath, /* @__PURE__ */ new Set()).get(p.importPath)).add(fn);
    for (const f of d.failures) if (!suite.has(f.importPath)) suite.set(f.importPath, /* @__PURE__ */ new Set());
  }
  const packages = [...suite].map(([pkg, fns]) => ({ pkg, benchmarks: [...fns] }));
  const info = shardInfo(req, packages);
  for (const d of discoveries) {
    d.packages = d.packages.flatMap((p) => {
      const sel = selectionIn(info, p.importPath);
      if (sel === null) return [];
      if (sel === "all") return [p];
      return [{ ...p, benchmarks: p.benchmarks.filter((b) => sel.includes(b)), only: sel }];
    });
    d.failures = d.failures.filter((f) => selectionIn(info, f.importPath) !== null);
  }
  return info;
}
function narrowBenchPattern(bench, only) {
  const first = `^(${only.map(quoteMeta).join("|")})$`;
  const levels = goBenchLevels(bench);
  return [first, ...levels.slice(1)].join("/");
}
function goBenchLevels(pattern) {
  const levels = [];
  let depth = 0;
  let brackets = false;
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") i++;
    else if (brackets) brackets = c !== "]";
    else if (c === "[") brackets = true;
    else if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (c === "/" && depth === 0) {
      levels.push(pattern.slice(start, i));
      start = i + 1;
    }
  }
  levels.push(pattern.slice(start));
  return levels;
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
    only: opts.only,
    bench,
    buildFlags,
    env: opts.env,
    goBin: opts.goBin
  });
  const shard = opts.shard ? applyShard(opts.shard, [found]) : void 0;
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
        bench: pkg.only ? narrowBenchPattern(bench, pkg.only) : bench,
        benchtime: opts.benchtime,
        cpu: opts.cpu,
        timeout: opts.timeout,
        count: opts.count ?? 10,
        extra,
        cpuProfile: wantsProfile(opts.profiles, "cpu") ? join5(pkgDir, "cpu.pprof") : void 0,
        memProfile: wantsProfile(opts.profiles, "mem") ? join5(pkgDir, "mem.pprof") : void 0,
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
    run: { ...assembleRun({ commit: opts.commit, ref: opts.ref, started, env }, packages, collected), ...shard ? { shard } : {} },
    warnings: [...found.warnings, ...collected.warnings]
  };
}

// src/gotool/leaves.ts
function leafPattern(nameWithoutProcs) {
  return `Benchmark${nameWithoutProcs}`.split("/").map((part) => `^${quoteMeta(part)}$`).join("/");
}
function stripProcs(name, cpu) {
  const suffix = `-${cpu}`;
  return cpu !== 1 && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}
function leavesFromListing(stdout, cpu) {
  const seen = /* @__PURE__ */ new Set();
  const leaves = [];
  for (const r of parseBenchText(stdout, "listing").results) {
    if (seen.has(r.name)) continue;
    seen.add(r.name);
    leaves.push({ name: r.name, cpu, pattern: leafPattern(stripProcs(r.name, cpu)) });
  }
  return leaves;
}
function listingPatternFor(names, procs) {
  const readings = /* @__PURE__ */ new Set();
  for (const name of names) {
    readings.add(leafPattern(name));
    for (const p of procs) if (stripProcs(name, p) !== name) readings.add(leafPattern(stripProcs(name, p)));
  }
  return [...readings].join("|");
}
function failedBenchmarks(stdout, stderr = "") {
  const failed = [...stdout.matchAll(/--- FAIL: Benchmark(\S*)/g)].map((m) => m[1]);
  const innermost = failed.filter((n) => !failed.some((o) => o !== n && o.startsWith(`${n}/`)));
  const running = unfinishedBenchmark(stdout, stderr);
  if (running !== void 0 && !innermost.includes(running)) innermost.push(running);
  return [...new Set(innermost)];
}
function unfinishedBenchmark(stdout, stderr = "") {
  const lastLine = stdout.replace(/\s+$/, "").split("\n").pop() ?? "";
  const last = /^Benchmark(\S*)\s*$/.exec(lastLine)?.[1];
  const panicked = panickedBenchmark(stderr);
  if (panicked === void 0) return last;
  return last !== void 0 && (last === panicked || last.startsWith(`${panicked}/`)) ? last : panicked;
}
function panickedBenchmark(stderr) {
  const at = stderr.indexOf("\npanic: ") >= 0 ? stderr.indexOf("\npanic: ") : stderr.startsWith("panic: ") ? 0 : -1;
  if (at < 0) return void 0;
  const goroutine = /\ngoroutine \d+ \[[^\]]*\]:\n([\s\S]*?)(?:\n\n|$)/.exec(stderr.slice(at));
  return goroutine ? /\.Benchmark([\p{L}\p{N}_]*)(?:\.func\d+)*\(/u.exec(goroutine[1])?.[1] : void 0;
}
var MAX_LISTING_RUNS = 4;

// src/gotool/duet.ts
import { readFileSync } from "node:fs";
import { access, constants, readFile as readFile5 } from "node:fs/promises";
import { availableParallelism as availableParallelism2, loadavg } from "node:os";
var DUET_GUARD = {
  /** Most CPU pressure (some avg10, %) at which a duet round may start. */
  maxCpuPressure10: 20,
  /** Most other runnable tasks (median of the snapshots) beyond the CPUs the duet leaves free. */
  maxRunnableOthers: 0.5,
  /**
   * Without PSI: the most one-minute load beyond what our own pair contributes (2 when both sides
   * ran the whole minute) and the spare CPUs.
   */
  maxExcessLoad: 0.5,
  /** Snapshots of the runnable count per reading, and their spacing. */
  snapshots: 5,
  snapshotGapMs: 10
};
var DUET_STARVATION = {
  minRelativeShare: 0.85,
  minPinnedShare: 0.6,
  minWallMs: 100,
  minCpuMsRelative: 200
};
function cpuSets(cpuIds) {
  const half = Math.floor(cpuIds.length / 2);
  return [cpuIds.slice(0, half), cpuIds.slice(half, 2 * half)];
}
function setOf(side, round) {
  return side === "base" === (round % 2 === 1) ? 0 : 1;
}
function duetVerdict(h, setSize, policy) {
  if (policy === "off") return { ok: false, reason: "duet is off" };
  if (setSize < 1 || h.cpus < 2 * setSize) return { ok: false, reason: `${h.cpus} CPU(s): too few for two sides of ${setSize}` };
  if (policy === "on") return { ok: true };
  const spare = h.cpus - 2 * setSize;
  if (h.cpuPressure10 !== void 0 && h.cpuPressure10 > DUET_GUARD.maxCpuPressure10) {
    return { ok: false, reason: `CPU pressure ${h.cpuPressure10.toFixed(0)}% (some avg10) > ${DUET_GUARD.maxCpuPressure10}%` };
  }
  if (h.runnableOthers !== void 0 && h.runnableOthers > spare + DUET_GUARD.maxRunnableOthers) {
    return { ok: false, reason: `${h.runnableOthers} other runnable task(s) for ${spare} spare CPU(s)` };
  }
  if (h.cpuPressure10 === void 0 && h.load1 - 2 * setSize > spare + DUET_GUARD.maxExcessLoad) {
    return { ok: false, reason: `load average ${h.load1.toFixed(2)} on ${h.cpus} CPUs` };
  }
  return { ok: true };
}
var median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function usableCpus() {
  try {
    const status = await readFile5("/proc/self/status", "utf8");
    const list = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
    if (list) {
      const ids = [];
      for (const part of list.split(",")) {
        const [a, b] = part.split("-").map(Number);
        for (let i = a; i <= (b ?? a); i++) ids.push(i);
      }
      if (ids.length > 0) return ids;
    }
  } catch {
  }
  return Array.from({ length: availableParallelism2() }, (_, i) => i);
}
async function readHost() {
  const cpus2 = (await usableCpus()).length;
  const readings = { cpus: cpus2, load1: loadavg()[0] };
  try {
    const psi = await readFile5("/proc/pressure/cpu", "utf8");
    const m = /^some avg10=([\d.]+)/m.exec(psi);
    if (m) readings.cpuPressure10 = Number(m[1]);
  } catch {
  }
  try {
    const counts = [];
    for (let i = 0; i < DUET_GUARD.snapshots; i++) {
      if (i > 0) await sleep(DUET_GUARD.snapshotGapMs);
      const running = Number(/^\S+ \S+ \S+ (\d+)\//.exec(readFileSync("/proc/loadavg", "utf8"))?.[1]);
      if (Number.isFinite(running)) counts.push(Math.max(0, running - 1));
    }
    if (counts.length > 0) readings.runnableOthers = median(counts);
  } catch {
  }
  return readings;
}
async function findTaskset(env = process.env) {
  if (process.platform !== "linux") return void 0;
  for (const dir of (env.PATH ?? "/usr/bin:/bin").split(":").filter(Boolean)) {
    const path = `${dir}/taskset`;
    try {
      await access(path, constants.X_OK);
      return path;
    } catch {
    }
  }
  return void 0;
}
var USER_HZ = 100;
var CPU_POLL_MS = 20;
function watchCpu(pid, startedMs) {
  let last;
  let stopped = false;
  const read = () => {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
      const ticks = Number(fields[11]) + Number(fields[12]);
      if (!stopped && Number.isFinite(ticks)) last = { cpuMs: ticks * 1e3 / USER_HZ, wallMs: Date.now() - startedMs };
    } catch {
    }
  };
  read();
  const timer = setInterval(read, CPU_POLL_MS);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
      return last;
    }
  };
}
function starvedSide(base, head, setSize, pinned) {
  if (!base || !head || base.wallMs < DUET_STARVATION.minWallMs || head.wallMs < DUET_STARVATION.minWallMs) return void 0;
  const b = base.cpuMs / base.wallMs;
  const h = head.cpuMs / head.wallMs;
  if (pinned) {
    const floor = DUET_STARVATION.minPinnedShare * setSize;
    if (b < floor && h < floor) return "both";
    if (b < floor) return "base";
    if (h < floor) return "head";
  }
  if (Math.max(base.cpuMs, head.cpuMs) < DUET_STARVATION.minCpuMsRelative) return void 0;
  if (b < DUET_STARVATION.minRelativeShare * h) return "base";
  if (h < DUET_STARVATION.minRelativeShare * b) return "head";
  return void 0;
}

// src/gotool/alternate.ts
function roundOrder(round) {
  return round % 2 === 1 ? ["base", "head"] : ["head", "base"];
}
function emptyRun(pkg) {
  return { pkg: pkg.importPath, dir: pkg.relDir, status: "ok", outputFiles: [], cpuProfiles: [], memProfiles: [] };
}
var pad = (n) => String(n).padStart(2, "0");
var leafKey = (pkg, name) => `${pkg}\0${name}`;
var MAX_FAILURE_MESSAGES = 5;
function failureRecorder() {
  const counts = /* @__PURE__ */ new Map();
  return (pr, status, where, message) => {
    const text = `${where}: ${message ?? status}`;
    const count = (counts.get(pr) ?? 0) + 1;
    counts.set(pr, count);
    if (count === 1) {
      pr.status = status;
      pr.message = text;
    } else if (count <= MAX_FAILURE_MESSAGES) pr.message = `${pr.message}

${text}`;
    else if (count === MAX_FAILURE_MESSAGES + 1) pr.message = `${pr.message}

(more failures left out)`;
  };
}
async function runAlternating(opts) {
  const started = /* @__PURE__ */ new Date();
  const goBin = opts.goBin ?? "go";
  const { build: buildFlags, test: testFlags } = splitGoTestFlags(opts.extraFlags ?? []);
  const runLimitMs = opts.runTimeoutMs ?? defaultPackageTimeoutMs(opts.timeout);
  const buildLimitMs = opts.buildTimeoutMs ?? 10 * 6e4;
  const binDir = join6(opts.outDir, "bin");
  const warnings = [];
  const recordFailure = failureRecorder();
  const fp = opts.fingerprint ?? await fingerprint({ goBin, cwd: opts.head.dir, env: opts.env });
  const procs = opts.procs ?? (opts.cpu ? opts.cpu.split(",").map((c) => Number(c.trim())) : [fp.gomaxprocs]);
  const suspectNames = /* @__PURE__ */ new Map();
  for (const s of opts.suspects ?? []) suspectNames.set(s.pkg, (suspectNames.get(s.pkg) ?? /* @__PURE__ */ new Set()).add(s.name));
  const listingPattern = (pkg, only) => opts.suspects ? listingPatternFor([...suspectNames.get(pkg) ?? []], procs) : only ? narrowBenchPattern(opts.bench ?? ".", only) : opts.bench ?? ".";
  const sides = [];
  for (const side of ["base", "head"]) {
    const tree = opts[side];
    const discovery = await discoverPackages({
      cwd: tree.dir,
      patterns: opts.patterns,
      only: opts.only,
      bench: opts.suspects ? "." : opts.bench ?? ".",
      buildFlags,
      env: opts.env,
      goBin
    });
    if (opts.suspects) {
      discovery.packages = discovery.packages.filter((p) => suspectNames.has(p.importPath));
      discovery.failures = discovery.failures.filter((f) => suspectNames.has(f.importPath));
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
      binaries: /* @__PURE__ */ new Map(),
      leaves: /* @__PURE__ */ new Map(),
      failed: /* @__PURE__ */ new Set(),
      pairOf: /* @__PURE__ */ new Map(),
      pairingOf: /* @__PURE__ */ new Map()
    });
  }
  const shard = opts.shard && !opts.suspects ? applyShard(opts.shard, sides.map((s) => s.discovery)) : void 0;
  if (shard) {
    for (const s of sides) {
      s.byPkg = new Map(s.discovery.packages.map((p) => [p.importPath, p]));
      s.runs = new Map(s.discovery.failures.map((f) => [f.importPath, listFailureRun(f)]));
    }
  }
  const [base, head] = sides;
  const stateOf = (side) => side === "base" ? base : head;
  const allPkgs = [.../* @__PURE__ */ new Set([...base.byPkg.keys(), ...head.byPkg.keys()])].sort();
  const indexOf = (pkg) => allPkgs.indexOf(pkg) + 1;
  const builds = allPkgs.flatMap((pkg) => sides.filter((s) => s.byPkg.has(pkg)).map((s) => ({ s, pkg })));
  const toBuild = [];
  for (const b of builds) {
    const prebuilt = opts.prebuilt?.[b.s.side]?.get(b.pkg);
    if (prebuilt && await nonEmptyFile(prebuilt)) {
      b.s.binaries.set(b.pkg, prebuilt);
      b.s.runs.set(b.pkg, emptyRun(b.s.byPkg.get(b.pkg)));
    } else toBuild.push(b);
  }
  const buildClock = new StepClock(toBuild.length);
  for (const { s, pkg } of toBuild) {
    const p = s.byPkg.get(pkg);
    opts.onProgress?.({ phase: "build", pkg, index: indexOf(pkg), total: allPkgs.length, side: s.side, ...buildClock.next() });
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
  let firstOutput = "";
  const listings = builds.filter(({ s, pkg }) => s.binaries.has(pkg));
  const listClock = new StepClock(listings.length * procs.length);
  const userSkips = testFlags.some((f) => /^-test\.skip(=|$)/.test(f));
  for (const { s, pkg } of listings) {
    const slug = packageSlug(pkg);
    await mkdir2(join6(s.runDir, slug), { recursive: true });
    const pr = s.runs.get(pkg);
    const wanted = suspectNames.get(pkg);
    const leaves = [];
    let outcome;
    for (const cpu of procs) {
      const skips = [];
      for (let attempt = 1; ; attempt++) {
        opts.onProgress?.({ phase: "list", pkg, index: indexOf(pkg), total: allPkgs.length, side: s.side, ...listClock.next() });
        const skip = skips.length > 0 ? [`-test.skip=${skips.join("|")}`] : [];
        const r = await run(
          s.binaries.get(pkg),
          testBinaryArgs({ bench: listingPattern(pkg, s.byPkg.get(pkg).only), benchtime: "1x", cpu: String(cpu), timeout: opts.timeout, extra: [...testFlags, "-test.v", ...skip] }),
          { cwd: s.byPkg.get(pkg).dir, env: opts.env, timeoutMs: runLimitMs }
        );
        await writeFile2(join6(s.runDir, slug, `list-cpu${cpu}${attempt > 1 ? `-${attempt}` : ""}.txt`), r.stdout);
        if (firstOutput === "") firstOutput = r.stdout;
        for (const leaf of leavesFromListing(r.stdout, cpu)) {
          if ((!wanted || wanted.has(leaf.name)) && !leaves.some((l) => l.name === leaf.name)) leaves.push(leaf);
        }
        outcome = classify(r);
        if (outcome.status === "ok" || outcome.status === "no-benchmarks") break;
        const names = failedBenchmarks(r.stdout, r.stderr);
        const which = names.length > 0 ? `, benchmark ${names.join(", ")}` : "";
        recordFailure(pr, outcome.status, `listing run (-cpu ${cpu}), ${s.side}${which}`, outcome.message);
        const crashed = unfinishedBenchmark(r.stdout, r.stderr);
        if (crashed === void 0 || userSkips || attempt >= MAX_LISTING_RUNS) break;
        skips.push(leafPattern(crashed));
        listClock.addStep();
      }
    }
    s.leaves.set(pkg, leaves);
    if (leaves.length === 0 && pr.status === "ok") {
      pr.status = "no-benchmarks";
      pr.message = outcome?.message ?? "no benchmark matched the -bench pattern";
    }
  }
  const leavesOf = /* @__PURE__ */ new Map();
  for (const pkg of allPkgs) {
    const union = [...base.leaves.get(pkg) ?? []];
    for (const leaf of head.leaves.get(pkg) ?? []) if (!union.some((l) => l.name === leaf.name)) union.push(leaf);
    leavesOf.set(pkg, union);
  }
  const has = (s, pkg, name) => (s.leaves.get(pkg) ?? []).some((l) => l.name === name) && !s.failed.has(leafKey(pkg, name));
  const active = new Set(allPkgs.flatMap((pkg) => leavesOf.get(pkg).map((l) => leafKey(pkg, l.name))));
  let steps = 0;
  for (const pkg of allPkgs) for (const l of leavesOf.get(pkg)) steps += sides.filter((s) => has(s, pkg, l.name)).length * opts.rounds;
  const runClock = new StepClock(steps);
  const order = [];
  const diagnostics = [];
  let roundsRun = 0;
  const envOf = () => fp.cpu ? fp : { ...fp, cpu: cpuFromBenchOutput(firstOutput) };
  const maxRounds = opts.settle ? Math.max(opts.rounds, opts.maxRounds ?? opts.rounds) : opts.rounds;
  const policy = opts.duet ?? (opts.pairing === "duet" ? "on" : "off");
  const cpuIds = policy === "off" ? [] : await usableCpus();
  const duet = {
    policy,
    sets: policy === "off" ? [[], []] : cpuSets(cpuIds),
    taskset: policy === "off" ? void 0 : opts.taskset === null ? void 0 : opts.taskset ?? await findTaskset(opts.env),
    readings: opts.hostReadings ?? (async () => ({ ...await readHost(), cpus: cpuIds.length })),
    starved: opts.starvedSide ?? starvedSide,
    refusedRounds: 0,
    lastRefusal: void 0,
    tooWide: /* @__PURE__ */ new Set(),
    redone: [],
    duetPairs: 0,
    sequentialPairs: 0
  };
  const pinned = duet.taskset !== void 0 && cpuIds.length >= 2;
  const duetable = [...leavesOf.values()].some((ls) => ls.some((l) => l.cpu <= duet.sets[0].length));
  const execute = async (side, pkg, leaf, round, cpus2) => {
    const s = stateOf(side);
    opts.onProgress?.({
      phase: "run",
      pkg,
      benchmark: leaf.name,
      index: indexOf(pkg),
      total: allPkgs.length,
      round,
      rounds: round > opts.rounds ? maxRounds : opts.rounds,
      side,
      ...runClock.next()
    });
    const dir = `${packageSlug(pkg)}/${packageSlug(leaf.name)}`;
    await mkdir2(join6(s.runDir, dir), { recursive: true });
    const files = { out: `${dir}/round-${pad(round)}.txt`, cpu: `${dir}/cpu-${pad(round)}.pprof`, mem: `${dir}/mem-${pad(round)}.pprof` };
    const diag = opts.diagnostic;
    const iterations = diag?.iterations(side, pkg, leaf.name);
    const trace = join6(s.runDir, `${dir}/trace-${pad(round)}.out`);
    const args = testBinaryArgs({
      bench: leaf.pattern,
      benchtime: iterations ? `${iterations}x` : opts.benchtime,
      cpu: String(leaf.cpu),
      timeout: opts.timeout,
      extra: diag ? [...testFlags, `-test.trace=${trace}`] : testFlags,
      cpuProfile: wantsProfile(opts.profiles, "cpu") ? join6(s.runDir, files.cpu) : void 0,
      memProfile: wantsProfile(opts.profiles, "mem") && !diag ? join6(s.runDir, files.mem) : void 0
    });
    const binary = s.binaries.get(pkg);
    const useTaskset = cpus2 && pinned ? duet.taskset : void 0;
    let watch;
    const baseEnv = opts.env ?? process.env;
    const env2 = diag ? { ...baseEnv, GODEBUG: baseEnv.GODEBUG ? `${baseEnv.GODEBUG},gctrace=1` : "gctrace=1" } : opts.env;
    const r = await run(useTaskset ?? binary, useTaskset ? ["-c", cpus2.join(","), binary, ...args] : args, {
      // Its own tree's package directory: benchmarks read testdata/ relative to it.
      cwd: s.byPkg.get(pkg).dir,
      env: cpus2 ? { ...env2 ?? process.env, GOMAXPROCS: String(cpus2.length) } : env2,
      timeoutMs: runLimitMs,
      onSpawn: cpus2 ? (pid) => watch = watchCpu(pid, Date.now()) : void 0
    });
    const share = watch?.stop();
    if (diag) {
      const stderr = join6(s.runDir, `${dir}/gctrace-${pad(round)}.txt`);
      await writeFile2(stderr, r.stderr);
      const cpuProfile = wantsProfile(opts.profiles, "cpu") ? join6(s.runDir, files.cpu) : void 0;
      diagnostics.push({ side, pkg, benchmark: leaf.name, procs: leaf.cpu, output: join6(s.runDir, files.out), stderr, trace, cpuProfile });
    }
    order.push({
      round,
      pkg,
      benchmark: leaf.name,
      side,
      pairing: cpus2 ? "duet" : "sequential",
      startMs: r.startedAtMs,
      endMs: r.endedAtMs,
      ...cpus2 && useTaskset ? { cpus: cpus2 } : {}
    });
    return { side, pkg, leaf, round, files, r, outcome: classify(r), share, cpus: cpus2 };
  };
  const starvedOf = (a, b) => {
    const [x, y] = a.side === "base" ? [a, b] : [b, a];
    return duet.starved(x.share, y.share, duet.sets[0].length, pinned);
  };
  const record = async (e, pairing) => {
    const s = stateOf(e.side);
    const { files, r, outcome } = e;
    if (e.side === "head" && pairing === "duet") duet.duetPairs++;
    else if (e.side === "head") duet.sequentialPairs++;
    await writeFile2(join6(s.runDir, files.out), r.stdout);
    const pr = s.runs.get(e.pkg);
    if (!pr.outputFiles.includes(files.out)) pr.outputFiles.push(files.out);
    s.pairOf.set(files.out, e.round);
    s.pairingOf.set(files.out, pairing);
    if (wantsProfile(opts.profiles, "cpu") || wantsProfile(opts.profiles, "mem")) {
      const mine = (pr.benchmarkProfiles ??= {})[e.leaf.name] ??= { cpu: [], mem: [] };
      if (await nonEmptyFile(join6(s.runDir, files.cpu)) && !mine.cpu.includes(files.cpu)) {
        mine.cpu.push(files.cpu);
        pr.cpuProfiles.push(files.cpu);
      }
      if (await nonEmptyFile(join6(s.runDir, files.mem)) && !mine.mem.includes(files.mem)) {
        mine.mem.push(files.mem);
        pr.memProfiles.push(files.mem);
      }
    }
    if (outcome.status !== "ok") {
      s.failed.add(leafKey(e.pkg, e.leaf.name));
      const message = outcome.status === "no-benchmarks" ? "no result, though the listing run found this benchmark" : outcome.message;
      recordFailure(pr, outcome.status === "no-benchmarks" ? "bench-failed" : outcome.status, `round ${e.round}, ${e.side}, benchmark ${e.leaf.name}`, message);
    }
  };
  const roundsStarted = Date.now();
  let plannedMs = 0;
  let extensionCut;
  for (let round = 1; round <= maxRounds && active.size > 0; round++) {
    if (round === opts.rounds + 1) plannedMs = Date.now() - roundsStarted;
    if (round > opts.rounds && Date.now() - roundsStarted >= plannedMs * (1 + (opts.extensionTimeFactor ?? 2))) {
      extensionCut = { afterRound: round - 1, openLeaves: active.size };
      warnings.push({
        message: `the extra pairs for ${active.size} undecided benchmark(s) stopped after round ${round - 1}: their time cap (${opts.extensionTimeFactor ?? 2}\xD7 the planned rounds) ran out`
      });
      break;
    }
    roundsRun = round;
    if (round > opts.rounds) {
      for (const pkg of allPkgs) {
        for (const l of leavesOf.get(pkg)) {
          if (active.has(leafKey(pkg, l.name))) runClock.addStep(sides.filter((s) => has(s, pkg, l.name)).length);
        }
      }
    }
    let roundDuet = { ok: false };
    if (duet.policy !== "off" && duetable) {
      const readings = await duet.readings();
      roundDuet = duetVerdict(readings, duet.sets[0].length, duet.policy);
      if (!roundDuet.ok) {
        duet.refusedRounds++;
        duet.lastRefusal = roundDuet.reason;
      }
    }
    for (const pkg of allPkgs) {
      for (const leaf of leavesOf.get(pkg)) {
        if (!active.has(leafKey(pkg, leaf.name))) continue;
        const present = roundOrder(round).filter((side) => has(stateOf(side), pkg, leaf.name));
        const fits = leaf.cpu <= duet.sets[0].length;
        if (duet.policy === "on" && duet.sets[0].length > 0 && !fits) duet.tooWide.add(`${pkg} ${leaf.name}`);
        if (roundDuet.ok && fits && present.length === 2) {
          const pin = (side) => duet.sets[setOf(side, round)];
          const [a, b] = await Promise.all(present.map((side) => execute(side, pkg, leaf, round, pin(side))));
          const starved = starvedOf(a, b);
          if (starved && a.outcome.status === "ok" && b.outcome.status === "ok") {
            duet.redone.push(`${leaf.name} round ${round} (${starved} starved)`);
            runClock.addStep();
            runClock.addStep();
            for (const side of present) await record(await execute(side, pkg, leaf, round), "sequential");
          } else {
            await record(a, "duet");
            await record(b, "duet");
          }
          continue;
        }
        for (const side of present) await record(await execute(side, pkg, leaf, round), "sequential");
      }
    }
    if (opts.settle && round >= opts.settle.minRounds && round < maxRounds) {
      const [b, h] = [await snapshot(base, started, envOf()), await snapshot(head, started, envOf())];
      const open2 = new Set(opts.settle.open(b.run, h.run).map((o) => leafKey(o.pkg, o.name)));
      for (const key of [...active]) if (!open2.has(key)) active.delete(key);
    }
  }
  if (!opts.keepBinaries) await rm3(binDir, { recursive: true, force: true });
  const binaries = opts.keepBinaries ? { base: base.binaries, head: head.binaries } : void 0;
  warnings.push(...duetWarnings(duet, roundsRun));
  const env = envOf();
  const finish2 = async (s) => {
    const { run: r, collected } = await snapshot(s, started, env);
    warnings.push(...s.discovery.warnings.map((w) => ({ ...w, message: `${s.side}: ${w.message}` })), ...collected.warnings);
    return shard ? { ...r, shard } : r;
  };
  return {
    base: await finish2(base),
    head: await finish2(head),
    baseDir: base.runDir,
    headDir: head.runDir,
    order,
    roundsRun,
    extensionCut,
    warnings,
    binaries,
    ...opts.diagnostic ? { diagnostics } : {}
  };
}
async function snapshot(s, started, env) {
  const packages = [...s.runs.values()].sort((a, b) => a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0);
  const collected = await collectResults(s.runDir, packages);
  for (const r of collected.results) {
    const pair = r.source ? s.pairOf.get(r.source.file) : void 0;
    if (pair !== void 0) r.pair = pair;
    const pairing2 = r.source ? s.pairingOf.get(r.source.file) : void 0;
    if (pairing2 !== void 0) r.pairing = pairing2;
  }
  const run2 = assembleRun({ commit: s.tree.commit, ref: s.tree.ref, started, env }, packages, collected);
  const pairing = [...s.pairingOf.values()].includes("duet") ? "duet" : "sequential";
  return { run: { ...run2, pairing }, collected };
}
function duetWarnings(d, roundsRun) {
  if (d.policy === "off") return [];
  const out = [];
  const how = d.taskset ? `pinned to CPUs ${d.sets[0].join(",")} | ${d.sets[1].join(",")}` : "unpinned";
  if (d.refusedRounds > 0) {
    out.push({
      message: `duet: ${d.refusedRounds} of ${roundsRun} round(s) ran their pairs back to back: the machine was not free (last: ${d.lastRefusal})`
    });
  }
  if (d.tooWide.size > 0) {
    const names = [...d.tooWide].slice(0, 3).join("; ");
    out.push({
      message: `duet: ${d.tooWide.size} benchmark(s) run at a -cpu value above half the CPUs (${d.sets[0].length} a side) ran back to back: ${names}${d.tooWide.size > 3 ? "; \u2026" : ""}`
    });
  }
  if (d.redone.length > 0) {
    out.push({ message: `duet: ${d.redone.length} pair(s) measured again back to back after one side was starved of CPU: ${d.redone.slice(0, 3).join("; ")}${d.redone.length > 3 ? "; \u2026" : ""}` });
  }
  if (d.duetPairs > 0 && out.length > 0) out.push({ message: `duet: ${d.duetPairs} pair(s) taken at once (${how}), ${d.sequentialPairs} back to back` });
  return out;
}

// src/local.ts
function runnerSettings(run2) {
  return {
    patterns: run2.packages,
    only: run2.only,
    bench: run2.bench,
    benchtime: run2.benchtime,
    cpu: run2.cpu,
    timeout: run2.timeout,
    extraFlags: run2.extraFlags,
    profiles: run2.profiles,
    duet: run2.duet,
    shard: run2.shard
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
  const plan = { count: opts.rounds, maxPairs: opts.verdict ? maxRoundsOf({ count: opts.rounds, maxRounds: opts.run.maxRounds }) : opts.rounds };
  const alternate = (headDir) => withWorktree(
    repoDir,
    mergeBase,
    (baseTree) => runAlternating({
      base: { dir: join7(baseTree.dir, moduleRel), commit: mergeBase, ref: opts.baseRef },
      head: { dir: headDir, commit: headCommit, ref: opts.headRef ?? "working tree" },
      outDir: opts.outDir,
      rounds: opts.rounds,
      maxRounds: plan.maxPairs,
      ...runnerSettings(opts.run),
      suspects: opts.suspects,
      settle: settleFor(opts, plan),
      runTimeoutMs: opts.runTimeoutMs,
      onProgress: opts.onProgress,
      // Kept for the diagnosis of flagged rows (src/diagnose/), which runs these same two trees.
      keepBinaries: opts.run.diagnose !== false,
      ...opts.runner
    })
  );
  const result = opts.headRef ? await withWorktree(repoDir, opts.headRef, (headTree) => alternate(join7(headTree.dir, moduleRel))) : await alternate(opts.moduleDir);
  for (const r of [result.base, result.head]) if (r.pairing) r.pairPlan = plan;
  await saveRun(result.base, result.baseDir);
  await saveRun(result.head, result.headDir);
  return {
    base: { run: result.base, dir: result.baseDir, binaries: result.binaries?.base },
    head: { run: result.head, dir: result.headDir, binaries: result.binaries?.head },
    mergeBase,
    repoDir,
    warnings: result.warnings.map(warningText),
    diagnostics: result.diagnostics
  };
}
function settleFor(opts, plan) {
  const verdict = opts.verdict;
  const stopsEarly = opts.run.minRounds < opts.rounds;
  if (!verdict || !stopsEarly && plan.maxPairs <= plan.count) return void 0;
  return {
    minRounds: stopsEarly ? opts.run.minRounds : opts.rounds,
    open: (base, head) => openBenchmarks(compareRuns({ ...base, pairPlan: plan }, { ...head, pairPlan: plan }, verdict), {
      threshold: verdict.threshold,
      gateUnits: verdict.gateUnits,
      units: { ...base.units, ...head.units },
      count: plan.count,
      maxPairs: plan.maxPairs
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
    const key = benchmarkKey(r);
    if (!seen.has(key)) suspects.push({ pkg: r.package, name: r.name });
    seen.add(key);
  }
  const upTo = opts.run.minRounds < opts.rounds ? "up to " : "";
  opts.log.info(`benchgate: confirming ${suspects.length} suspect benchmark(s) in ${upTo}${opts.rounds} alternating rounds against ${opts.baseRef}`);
  let sides;
  try {
    const runTimeoutMs = Math.max(1e4, Math.floor(opts.budgetMs / (2 * opts.rounds * suspects.length)));
    sides = await runBothSides({ ...opts, suspects, runTimeoutMs });
    for (const w of sides.warnings) opts.log.warning(w);
  } catch (e) {
    opts.log.warning(`benchgate: confirmation could not run: ${e.message}`);
    for (const r of rows) applyConfirmation(r, void 0);
    return null;
  }
  const tested = new Set(rows.map(rowKey));
  const confirmation = compareRuns(sides.base.run, sides.head.run, opts.verdict, (r) => tested.has(rowKey(r)));
  const byKey = new Map(confirmation.rows.map((c) => [rowKey(c), c]));
  for (const r of rows) applyConfirmation(r, byKey.get(rowKey(r)));
  return sides;
}
function applyConfirmation(r, c) {
  const first = { verdict: r.verdict, reason: r.reason };
  const wasRegression = first.verdict === "regression";
  if (!c || !c.base || !c.head) {
    r.confirmed = null;
    if (wasRegression) {
      r.screen = first;
      r.verdict = "unconfirmed";
      r.reason = `not judged on fresh samples (a side failed or the budget ran out); first pass: ${first.reason}`;
    }
    return;
  }
  r.confirmation = { base: c.base, head: c.head, deltaPercent: c.deltaPercent, p: c.p, paired: c.paired ?? null, verdict: c.verdict, reason: c.reason };
  r.confirmed = c.verdict === "noisy" || c.suspect ? null : c.verdict === "regression";
  r.screen = first;
  const fresh = c.paired ? `${c.paired.n} fresh pairs` : `${c.head.n} fresh alternating rounds`;
  const same = c.reason === first.reason;
  if (r.confirmed === true) {
    r.verdict = "regression";
    r.reason = same ? `${c.reason} \u2014 confirmed: ${fresh} agree` : `confirmed by ${fresh}: ${c.reason}` + (wasRegression ? "" : `; first pass: ${first.reason}`);
  } else if (r.confirmed === false) {
    r.verdict = "unchanged";
    r.reason = `cleared by ${fresh}: ${c.reason}` + (same ? "" : `; first pass: ${first.reason}`);
  } else {
    r.verdict = wasRegression ? "unconfirmed" : first.verdict;
    r.reason = same ? `${first.reason}; ${fresh} could not judge it either` : `${first.reason}; not judged by ${fresh}: ${c.reason}`;
  }
}

// src/pipeline.ts
import { mkdir as mkdir4, rm as rm5, rmdir, writeFile as writeFile4 } from "node:fs/promises";
import { dirname as dirname3, join as join10 } from "node:path";

// src/causal/measure.ts
import { mkdir as mkdir3, readFile as readFile6, rm as rm4, writeFile as writeFile3 } from "node:fs/promises";
import { dirname as dirname2, isAbsolute, join as join8, relative as relative4 } from "node:path";

// src/causal/pairs.ts
function samples(run2, pkg, name, unit) {
  const out = [];
  for (const r of run2.results) {
    if (r.pkg !== pkg || r.name !== name) continue;
    const v = r.values.find((x) => x.unit === unit);
    if (v) out.push({ pair: r.pair, value: v.value });
  }
  return out;
}
function pairsOf(base, head, pkg, name, unit) {
  const b = samples(base, pkg, name, unit);
  const h = samples(head, pkg, name, unit);
  if (b.length > 0 && h.length > 0 && b.every((x) => x.pair !== void 0) && h.every((x) => x.pair !== void 0)) {
    const byPair = new Map(h.map((x) => [x.pair, x.value]));
    const out = { base: [], head: [] };
    for (const x of b) {
      const hv = byPair.get(x.pair);
      if (hv !== void 0) out.base.push(x.value), out.head.push(hv);
    }
    return out;
  }
  const n = Math.min(b.length, h.length);
  return { base: b.slice(0, n).map((x) => x.value), head: h.slice(0, n).map((x) => x.value) };
}
function pairedRatio(base, head, pkg, name, unit, confidence = 0.95) {
  const p = pairsOf(base, head, pkg, name, unit);
  return p.base.length === 0 ? null : comparePairs(p.base, p.head, { confidence });
}

// src/causal/bisect.ts
var PRESENT_SHARE = 0.5;
function stepPresent(prRatio, step, alpha) {
  const whole = Math.log(prRatio);
  if (!Number.isFinite(whole) || whole === 0 || !(step.ratio > 0)) return false;
  return step.p <= alpha && Math.log(step.ratio) / whole >= PRESENT_SHARE;
}
var Bisection = class {
  constructor(of) {
    this.of = of;
    if (!Number.isInteger(of) || of < 1) throw new RangeError(`bisection needs at least one commit, got ${of}`);
    this.hi = of;
  }
  of;
  /** The last commit known to be without the change (0 = the merge base). */
  lo = 0;
  /** The first commit known to have it (n = the head). */
  hi;
  /** The commit to measure next (1-based), or null when the answer is known. */
  next() {
    return this.hi - this.lo > 1 ? Math.floor((this.lo + this.hi) / 2) : null;
  }
  record(index, present) {
    if (index <= this.lo || index >= this.hi) throw new RangeError(`commit ${index} is outside the open range (${this.lo}, ${this.hi})`);
    if (present) this.hi = index;
    else this.lo = index;
  }
  /** The first commit with the change, once next() is null. */
  result() {
    if (this.next() !== null) throw new Error("bisection not finished");
    return this.hi;
  }
};

// src/causal/share.ts
var CAUSE_SHARE = 0.5;
function recoveredShare(prRatio, rev) {
  const whole = Math.log(prRatio);
  if (!Number.isFinite(whole) || whole === 0 || !(rev.ratio > 0)) return null;
  const at = (r) => Math.log(r) / whole;
  const a = at(rev.lo);
  const b = at(rev.hi);
  const recovered = Math.log(rev.ratio) / whole;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  return {
    recovered,
    lo,
    hi,
    n: rev.n,
    p: rev.p,
    verified: recovered >= CAUSE_SHARE && lo > 0,
    method: "revert-function"
  };
}
function prRatioOf(row) {
  const c = row.confirmation;
  if (c?.paired) return c.paired.ratio;
  if (c) return c.head.center / c.base.center;
  if (row.paired) return row.paired.ratio;
  return row.head && row.base ? row.head.center / row.base.center : NaN;
}

// src/causal/plan.ts
function causalRows(rows) {
  const size = (r) => Math.abs(Math.log(prRatioOf(r))) || 0;
  return rows.filter((r) => r.verdict === "regression" && r.base && r.head).sort((a, b) => size(b) - size(a));
}
function candidatesFor(row, changes, commitsOf) {
  const headSide = changes.filter((c) => c.side === "head");
  const a = row.attribution ??= { functions: [], note: null };
  const named = [];
  for (const entry of a.functions) {
    if (!entry.changed) continue;
    const c = headSide.find((x) => x.file === entry.file && x.startLine === entry.startLine && x.function === entry.function);
    if (c) named.push({ entry, changed: c });
  }
  if (named.length > 0) return named;
  return headSide.filter((c) => c.pkgPath === row.package).map((c) => {
    const entry = {
      function: c.function,
      file: c.file,
      startLine: c.startLine,
      endLine: c.endLine,
      changed: true,
      commits: commitsOf(c),
      delta: NaN,
      share: NaN
    };
    return { entry, changed: c };
  });
}
var Budget = class {
  constructor(limitMs, now) {
    this.limitMs = limitMs;
    this.now = now;
    this.start = now();
  }
  limitMs;
  now;
  start;
  durations = [];
  /** Whether one more measurement (as long as the mean so far) fits. */
  fits() {
    const spent = this.now() - this.start;
    const mean = this.durations.length ? this.durations.reduce((x, y) => x + y, 0) / this.durations.length : 0;
    return spent + mean <= this.limitMs && spent < this.limitMs;
  }
  record(ms) {
    this.durations.push(ms);
  }
  spent() {
    return this.now() - this.start;
  }
};
function formatBudget(ms) {
  if (ms >= 6e4 && ms % 6e4 === 0) return `${ms / 6e4}m`;
  return `${Math.round(ms / 1e3)}s`;
}
async function verifyCauses(rows, changes, commitsOf, deps) {
  const maxFunctions = deps.maxFunctions ?? 3;
  const budget = new Budget(deps.budgetMs, deps.now);
  const noBudget = { skipped: `not measured: the causal budget (${formatBudget(deps.budgetMs)}) was spent` };
  const summary = { rows: 0, measured: 0, verified: 0, skippedForBudget: 0, bisected: 0, ms: 0 };
  const cache = /* @__PURE__ */ new Map();
  const measure = async (key, run2) => {
    let p = cache.get(key);
    if (!p) {
      if (!budget.fits()) return null;
      const t0 = deps.now();
      p = run2().catch((e) => ({ ok: false, reason: e.message }));
      cache.set(key, p);
      await p;
      budget.record(deps.now() - t0);
    }
    return p;
  };
  const benchOf = (r) => ({ pkg: r.package, name: r.name });
  const targets = causalRows(rows);
  summary.rows = targets.length;
  for (const row of targets) {
    const prRatio = prRatioOf(row);
    let best = -Infinity;
    let tried = 0;
    for (const { entry, changed } of candidatesFor(row, changes, commitsOf)) {
      if (tried >= maxFunctions || best >= CAUSE_SHARE) break;
      tried++;
      if (!row.attribution.functions.includes(entry)) row.attribution.functions.push(entry);
      const key = `revert\0${row.package}\0${row.name}\0${changed.file}:${changed.startLine}`;
      if (!cache.has(key)) deps.log?.(`benchgate: causal: reverting ${changed.function} for ${row.name}`);
      const m = await measure(key, () => deps.measureRevert(changed, benchOf(row)));
      if (m === null) {
        entry.causal = noBudget;
        summary.skippedForBudget++;
        break;
      }
      if (!m.ok) {
        entry.causal = { skipped: `could not revert ${shortName(changed.function)}: ${m.reason}` };
        continue;
      }
      summary.measured++;
      const cmp = m.compare(row.unit);
      const share = cmp ? recoveredShare(prRatio, cmp) : null;
      if (!share) {
        entry.causal = { skipped: cmp ? "no change to recover" : `no ${row.unit} pairs from the reverted build` };
        continue;
      }
      entry.causal = share;
      if (share.verified) summary.verified++;
      best = Math.max(best, share.recovered);
    }
    const a = row.attribution;
    const rank = (f) => f.causal && "verified" in f.causal && f.causal.verified ? 0 : 1;
    a.functions = a.functions.map((f, i) => ({ f, i })).sort((x, y) => rank(x.f) - rank(y.f) || x.i - y.i).map((x) => x.f);
  }
  const commits = deps.commits;
  if (typeof commits !== "string" && commits.length >= 2) {
    for (const row of targets) {
      const prRatio = prRatioOf(row);
      const a = row.attribution ??= { functions: [], note: null };
      const search = new Bisection(commits.length);
      const steps = [];
      let result = null;
      for (let k = search.next(); k !== null; k = search.next()) {
        const key = `commit\0${row.package}\0${row.name}\0${k}`;
        if (!cache.has(key)) deps.log?.(`benchgate: causal: measuring commit ${k} of ${commits.length} for ${row.name}`);
        const index = k;
        const m = await measure(key, () => deps.measureCommit(index, benchOf(row)));
        if (m === null) {
          result = noBudget;
          summary.skippedForBudget++;
          break;
        }
        const cmp = m.ok ? m.compare(row.unit) : null;
        if (!m.ok || !cmp) {
          result = { skipped: `commit ${k} of ${commits.length} (${commits[k - 1].sha.slice(0, 7)}) could not be measured: ${m.ok ? `no ${row.unit} pairs` : m.reason}` };
          break;
        }
        const present = stepPresent(prRatio, cmp, deps.alpha);
        steps.push({ sha: commits[k - 1].sha, index: k, n: cmp.n, ratio: cmp.ratio, lo: cmp.lo, hi: cmp.hi, p: cmp.p, present });
        search.record(k, present);
      }
      if (!result) {
        const k = search.result();
        result = { sha: commits[k - 1].sha, subject: commits[k - 1].subject, index: k, of: commits.length, method: "bisect", steps };
        summary.bisected++;
      }
      a.commit = result;
    }
  }
  summary.ms = budget.spent();
  return summary;
}
function shortName(name) {
  const slash2 = name.lastIndexOf("/");
  return slash2 >= 0 ? name.slice(slash2 + 1) : name;
}

// src/causal/revert.ts
function find(funcs, name, startLine) {
  const wanted = normalizeFunctionName(name);
  const same = funcs.filter((f) => normalizeFunctionName(f.name) === wanted);
  return same.find((f) => f.startLine === startLine) ?? (same.length === 1 ? same[0] : void 0);
}
function revertFunction(headText, baseText, file, target) {
  let headFuncs;
  let baseFuncs = [];
  try {
    headFuncs = scanGoSource(headText, file, target.pkgPath).functions;
    if (baseText !== void 0) baseFuncs = scanGoSource(baseText, file, target.pkgPath).functions;
  } catch (e) {
    if (e instanceof BenchgateError) return { error: e.message };
    throw e;
  }
  const h = find(headFuncs, target.function, target.startLine);
  if (!h) return { error: `${file} has no function ${target.function} at the head` };
  const b = find(baseFuncs, target.function);
  const eol = headText.includes("\r\n") ? "\r\n" : "\n";
  const lines = headText.split(/\r?\n/);
  const old = b ? baseText.split(/\r?\n/).slice(b.startLine - 1, b.endLine) : [];
  lines.splice(h.startLine - 1, h.endLine - h.startLine + 1, ...old);
  const swapped = lines.join(eol);
  try {
    return { text: reconcileImports(swapped, headText, baseText, file), how: b ? "restored" : "removed" };
  } catch (e) {
    if (e instanceof BenchgateError) return { error: e.message };
    throw e;
  }
}
function reconcileImports(text, headText, baseText, file) {
  const now = scanImports(text, file);
  const usedAtHead = scanImports(headText, file).qualifiers;
  const named = (imp) => {
    const n = importedName(imp);
    return n && n !== "_" && n !== "." ? n : null;
  };
  const drop = now.imports.filter((imp) => {
    const n = named(imp);
    return n !== null && usedAtHead.has(n) && !now.qualifiers.has(n);
  });
  const have = new Set(now.imports.map((imp) => importedName(imp)));
  const add = baseText === void 0 ? [] : scanImports(baseText, file).imports.filter((imp) => {
    const n = named(imp);
    return n !== null && !have.has(n) && now.qualifiers.has(n) && !usedAtHead.has(n);
  });
  if (drop.length === 0 && add.length === 0) return text;
  const edits = [
    ...drop.map((imp) => ({ start: imp.start, end: imp.end, insert: "" })),
    ...add.length ? [{ start: now.insertAt, end: now.insertAt, insert: add.map((imp) => `
import ${imp.name ? `${imp.name} ` : ""}${JSON.stringify(imp.path)}`).join("") }] : []
  ].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.insert + out.slice(e.end);
  return out;
}

// src/causal/measure.ts
function firstError(message) {
  const lines = (message ?? "").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const line = lines.find((l) => /\.go:\d+/.test(l)) ?? lines[0] ?? "no output";
  const short = line.replace(/^(?:\S*\/)?([^/\s]+\.go:\d+(?::\d+)?:)/, "$1");
  return short.length > 200 ? short.slice(0, 200) + "\u2026" : short;
}
async function prCommits(repoDir, mergeBase, tip) {
  const out = await git(["log", "--first-parent", "--reverse", "--no-color", "--format=%H%x09%s", `${mergeBase}..${tip}`, "--"], repoDir);
  return out.split("\n").filter((l) => l.includes("	")).map((l) => ({ sha: l.slice(0, l.indexOf("	")), subject: l.slice(l.indexOf("	") + 1) }));
}
async function runCausal(report, opts) {
  if (causalRows(report.rows).length === 0) return null;
  const { repoDir, log } = opts;
  const moduleRel = relative4(repoDir, opts.moduleDir);
  const head = opts.headRef ?? "HEAD";
  const mergeBase = await mergeBaseOf(repoDir, opts.baseRef, head);
  const headCommit = await revParse(head, repoDir);
  const diffs = parseUnifiedDiff(await diffBetween(repoDir, opts.baseRef, opts.headRef), "git diff");
  const oldPathOf = new Map(diffs.filter((d) => d.newPath !== null).map((d) => [d.newPath, d.oldPath]));
  let commits;
  if (!opts.headRef && !opts.commitsTip && await isDirty(repoDir)) {
    commits = "the working tree has uncommitted changes";
  } else {
    commits = await prCommits(repoDir, mergeBase, opts.commitsTip ?? headCommit).catch((e) => `the PR's commits are not known: ${e.message}`);
  }
  const trees = [];
  const worktree = async (ref) => {
    const wt = await addWorktree(repoDir, ref);
    trees.push(wt);
    return wt;
  };
  let step = 0;
  const measureDir = (what) => join8(opts.outDir, `${String(++step).padStart(2, "0")}-${what.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)}`);
  const measure = async (baseDir, headDir, bench, what) => {
    const result = await runAlternating({
      base: { dir: baseDir, ref: what },
      head: { dir: headDir },
      outDir: measureDir(what),
      rounds: opts.rounds,
      ...runnerSettings(opts.run),
      profiles: false,
      suspects: [bench],
      runTimeoutMs: Math.max(1e4, Math.floor(opts.budgetMs / (2 * opts.rounds)))
    });
    for (const [side, run2] of [["base", result.base], ["head", result.head]]) {
      const p = run2.packages.find((x) => x.pkg === bench.pkg);
      if (!p) return { ok: false, reason: `${bench.pkg} was not found on the ${side === "base" ? what : "head"} side` };
      if (p.status === "build-failed") return { ok: false, reason: `${side === "base" ? "it" : "the head"} does not compile: ${firstError(p.message)}` };
      if (p.status !== "ok") return { ok: false, reason: `${p.status}: ${firstError(p.message)}` };
    }
    return { ok: true, compare: (unit) => pairedRatio(result.base, result.head, bench.pkg, bench.name, unit, opts.verdict.confidence) };
  };
  try {
    const headRoot = opts.headRef ? (await worktree(headCommit)).dir : repoDir;
    const headModule = join8(headRoot, moduleRel);
    let revertRoot;
    const revertTree = async () => {
      if (revertRoot) return revertRoot;
      const wt = await worktree(headCommit);
      const inside = (p) => !isAbsolute(p) && !p.split(/[\\/]/).includes("..");
      for (const d of diffs) {
        if (d.newPath !== null && !inside(d.newPath) || d.oldPath !== null && !inside(d.oldPath)) continue;
        if (d.newPath !== null) {
          const text = await readFile6(join8(headRoot, d.newPath)).catch(() => null);
          if (text !== null) {
            await mkdir3(dirname2(join8(wt.dir, d.newPath)), { recursive: true });
            await writeFile3(join8(wt.dir, d.newPath), text);
          }
        } else if (d.oldPath !== null) {
          await rm4(join8(wt.dir, d.oldPath), { force: true });
        }
      }
      revertRoot = wt.dir;
      return revertRoot;
    };
    const measureRevert = async (fn, bench) => {
      if (isAbsolute(fn.file) || fn.file.split(/[\\/]/).includes("..")) return { ok: false, reason: `${fn.file} is not a path inside the repository` };
      const headText = await readFile6(join8(headRoot, fn.file), "utf8").catch(() => void 0);
      if (headText === void 0) return { ok: false, reason: `${fn.file} is not readable at the head` };
      const oldPath = oldPathOf.has(fn.file) ? oldPathOf.get(fn.file) : fn.file;
      const baseText = oldPath ? await git(["show", `${mergeBase}:${oldPath}`], repoDir).catch(() => void 0) : void 0;
      const reverted = revertFunction(headText, baseText, fn.file, fn);
      if ("error" in reverted) return { ok: false, reason: reverted.error };
      const root = await revertTree();
      const file = join8(root, fn.file);
      await writeFile3(file, reverted.text);
      try {
        const m = await measure(join8(root, moduleRel), headModule, bench, `revert-${fn.function.split("/").pop()}`);
        if (!m.ok && reverted.how === "removed" && /compile/.test(m.reason)) {
          return { ok: false, reason: `it is new, and the head needs it: ${m.reason.replace(/^it does not compile: /, "")}` };
        }
        return m;
      } finally {
        await writeFile3(file, headText);
      }
    };
    let mergeBaseModule;
    const measureCommit = async (index, bench) => {
      const list = commits;
      mergeBaseModule ??= join8((await worktree(mergeBase)).dir, moduleRel);
      const wt = await worktree(list[index - 1].sha);
      try {
        return await measure(mergeBaseModule, join8(wt.dir, moduleRel), bench, `commit-${index}`);
      } finally {
        await wt.remove();
      }
    };
    const summary = await verifyCauses(report.rows, opts.changes.functions, opts.changes.commitsOf, {
      measureRevert,
      measureCommit,
      commits,
      budgetMs: opts.budgetMs,
      now: () => Date.now(),
      alpha: opts.verdict.alpha,
      maxFunctions: opts.maxFunctions,
      log: (m) => log.info(m)
    });
    log.info(
      `benchgate: causal: ${summary.measured} function(s) reverted and measured, ${summary.verified} verified, ${summary.bisected} commit(s) found by bisection, in ${Math.round(summary.ms / 1e3)}s` + (summary.skippedForBudget ? `; ${summary.skippedForBudget} left out for lack of budget` : "")
    );
    return summary;
  } finally {
    for (const wt of trees.reverse()) await wt.remove();
  }
}

// src/causal/index.ts
var CAUSAL_MODES = ["auto", "off"];
var DEFAULT_CAUSAL_BUDGET = "5m";
var MIN_CAUSAL_ROUNDS = 6;

// src/diagnose/run.ts
import { spawn as spawn2 } from "node:child_process";
import { open, readFile as readFile7 } from "node:fs/promises";
function flaggedRows(report) {
  return report.rows.filter((r) => r.verdict === "regression" || r.verdict === "improvement");
}
var UNMEASURED = {
  gcCyclesPerOp: null,
  stwSweepTermNsPerOp: null,
  stwMarkTermNsPerOp: null,
  concurrentMarkNsPerOp: null,
  gcCpuFraction: null,
  heapGoalBytes: null,
  assistShare: null,
  schedLatencyNsPerOp: null
};
async function diagnoseFlagged(report, o) {
  const flagged = flaggedRows(report);
  const all = diagnosisOrder(flagged);
  const suspects = all.slice(0, MAX_DIAGNOSED);
  if (suspects.length === 0) return 0;
  const keys = new Set(suspects.map((s) => `${s.pkg}\0${s.name}`));
  const rows = flagged.filter((r) => keys.has(`${r.package}\0${r.name}`));
  const left = all.length > suspects.length ? ` (the ${suspects.length} largest changes of ${all.length})` : "";
  o.log.info(`benchgate: GC and scheduler diagnosis of ${suspects.length} flagged benchmark(s)${left}, one run per side`);
  const iterations = (side, pkg, name) => medianIterations((side === "base" ? o.base : o.head).run, pkg, name);
  const prebuilt = {
    base: merged(o.base.binaries, o.confirmBinaries?.base),
    head: merged(o.head.binaries, o.confirmBinaries?.head)
  };
  const started = Date.now();
  let files;
  try {
    const sides = await runBothSides({
      ...o.target,
      // One run a side, alone on the machine (no duet), and its binaries not kept again.
      run: { ...o.run, duet: "off", diagnose: false },
      rounds: 1,
      outDir: o.outDir,
      suspects,
      onProgress: o.onProgress,
      runner: { prebuilt, diagnostic: { iterations } }
    });
    files = sides.diagnostics ?? [];
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    o.log.warning(`benchgate: the GC and scheduler diagnosis could not run: ${e.message}`);
    return 0;
  }
  const bySide = /* @__PURE__ */ new Map();
  for (const f of files) bySide.set(`${f.side}\0${f.pkg}\0${f.benchmark}`, await sideFigures(f, o));
  for (const r of rows) {
    const of = (side) => bySide.get(`${side}\0${r.package}\0${r.name}`) ?? UNMEASURED;
    r.diagnosis = { base: of("base"), head: of("head") };
  }
  o.log.info(`benchgate: the diagnosis took ${((Date.now() - started) / 1e3).toFixed(1)} s`);
  return suspects.length;
}
var MAX_DIAGNOSED = 10;
function diagnosisOrder(rows) {
  const size = /* @__PURE__ */ new Map();
  for (const r of rows) {
    const key = `${r.package}\0${r.name}`;
    const d = Math.abs(r.deltaPercent ?? 0);
    const seen = size.get(key);
    if (!seen || d > seen.delta) size.set(key, { pkg: r.package, name: r.name, delta: Number.isFinite(d) ? d : 0 });
  }
  return [...size.values()].sort((a, b) => b.delta - a.delta).map(({ pkg, name }) => ({ pkg, name }));
}
function medianIterations(run2, pkg, name) {
  const ns = run2.results.filter((r) => r.pkg === pkg && r.name === name).map((r) => r.iterations).sort((a, b) => a - b);
  return ns.length === 0 ? void 0 : ns[ns.length - 1 >> 1];
}
function merged(...maps) {
  const out = /* @__PURE__ */ new Map();
  for (const m of maps) for (const [k, v] of m ?? []) out.set(k, v);
  return out;
}
async function sideFigures(f, o) {
  const warn = (what, e) => o.log.warning(`benchgate: diagnosis of ${f.benchmark} (${f.side}): ${what}: ${e.message}`);
  let output;
  try {
    output = await readFile7(f.output, "utf8");
  } catch {
    return UNMEASURED;
  }
  const result = parseBenchText(output, f.output).results.find((r) => r.name === f.benchmark);
  const secPerOp = result?.values.find((v) => v.unit === "sec/op")?.value;
  if (!result || secPerOp === void 0) return UNMEASURED;
  let cycles = null;
  try {
    cycles = parseGcTrace(await readFile7(f.stderr, "utf8"), f.stderr);
  } catch (e) {
    warn("gctrace", e);
  }
  let cpu = null;
  if (f.cpuProfile) cpu = await readProfileFile(f.cpuProfile).catch((e) => (warn("CPU profile", e), null));
  const sched = await schedProfile(f.trace, o.goBin ?? "go").catch((e) => (warn("scheduler latency", e), null));
  return diagnosisOf({ cycles, iterations: result.iterations, nsPerOp: secPerOp * 1e9, procs: f.procs, cpu, sched });
}
async function schedProfile(trace, goBin) {
  const out = `${trace}.sched.pprof`;
  const fh = await open(out, "w");
  try {
    const { code, stderr } = await new Promise((resolve4, reject) => {
      const child = spawn2(goBin, ["tool", "trace", "-pprof=sched", trace], { stdio: ["ignore", fh.fd, "pipe"] });
      let err = "";
      child.stderr?.on("data", (d) => err += d.toString());
      const timer = setTimeout(() => child.kill("SIGKILL"), 12e4);
      child.on("error", reject);
      child.on("close", (c) => {
        clearTimeout(timer);
        resolve4({ code: c, stderr: err });
      });
    });
    if (code !== 0)
      throw new BenchgateError(`go tool trace -pprof=sched failed: ${stderr.trim().slice(0, 500) || `exit ${code}`}`, "trace", {
        file: trace
      });
  } finally {
    await fh.close();
  }
  return readProfileFile(out);
}

// src/report/flamegraph.ts
var EMPTY = { function: "", file: "", startLine: 0, value: 0, self: 0, children: [] };
function mergeFlameTrees(base, head, changed = []) {
  const headSide = changed.filter((c) => c.side === "head");
  const baseSide = changed.filter((c) => c.side === "base");
  const merge = (b, h, isRoot) => {
    const any = h ?? b;
    const children = [];
    const key = (n) => n.function;
    const heads = new Map((h?.children ?? []).map((c) => [key(c), c]));
    const seen = /* @__PURE__ */ new Set();
    for (const c of b?.children ?? []) {
      seen.add(key(c));
      children.push(merge(c, heads.get(key(c)), false));
    }
    for (const c of h?.children ?? []) if (!seen.has(key(c))) children.push(merge(void 0, c, false));
    children.sort((x, y) => x.function < y.function ? -1 : x.function > y.function ? 1 : 0);
    const baseSelf = b?.self ?? 0;
    const headSelf = h?.self ?? 0;
    const frame = {
      function: any.function,
      file: any.file,
      startLine: h?.startLine || b?.startLine || 0,
      base: b?.value ?? 0,
      head: h?.value ?? 0,
      baseSelf,
      headSelf,
      width: Math.max(baseSelf, headSelf) + children.reduce((s, c) => s + c.width, 0),
      children
    };
    if (!isRoot) {
      const c = changedFunctionOf({ base: b, head: h }, headSide, baseSide);
      if (c) frame.changed = c;
    }
    return frame;
  };
  return merge(base ?? EMPTY, head ?? EMPTY, true);
}
function flameGraphPath(pkg, name, unit) {
  return `flamegraphs/${packageSlug(pkg)}/${packageSlug(name)}.${unit.replace(/[^A-Za-z0-9._-]+/g, "-")}.html`;
}
var MIN_FRAME_FRACTION = 1e-4;
function layoutFrames(tree, unit) {
  const frames = [];
  let omitted = 0;
  const min = tree.width * MIN_FRAME_FRACTION;
  const walk = (f, depth, x) => {
    const delta = f.head - f.base;
    const larger = Math.max(f.base, f.head);
    frames.push({
      f: depth === 0 ? "all" : f.function,
      src: f.file ? `${f.file}${f.startLine ? `:${f.startLine}` : ""}` : "",
      d: depth,
      x,
      w: f.width,
      r: larger > 0 ? delta / larger : 0,
      b: formatValue(f.base, unit, [f.head]),
      h: formatValue(f.head, unit, [f.base]),
      dv: formatDelta(delta, unit),
      dp: f.base > 0 ? `${delta >= 0 ? "+" : "\u2212"}${formatFixed(Math.abs(delta / f.base) * 100, 1)}%` : f.head > 0 ? "new" : "",
      c: f.changed ? `${f.changed.file} L${f.changed.startLine}\u2013${f.changed.endLine}` : null
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
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function renderFlameGraph(input) {
  const { frames, omitted } = layoutFrames(input.tree, input.unit);
  const pkg = input.package.split("/").pop() || input.package;
  const title = `${pkg} ${input.name} (${input.unit})`;
  const delta = input.deltaPercent === null || !Number.isFinite(input.deltaPercent) ? "" : `, ${input.deltaPercent >= 0 ? "+" : "\u2212"}${formatFixed(Math.abs(input.deltaPercent), 1)}%`;
  const base = formatValue(input.base, input.unit, [input.head]);
  const head = formatValue(input.head, input.unit, [input.base]);
  const summary = `${input.verdict}: ${base} \u2192 ${head} per op (medians${delta})`;
  const notes = [
    input.note,
    omitted > 0 ? `${omitted} frames narrower than ${MIN_FRAME_FRACTION * 100}% of the graph are left out.` : void 0
  ].filter((n) => !!n);
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
<p class="sub">${escapeHtml(input.package)} \u2014 ${escapeHtml(summary)}</p>
<p class="legend">Width: cost per op in this PR (a frame that got cheaper keeps its base width, so removed work stays visible).
Colour: <span style="background:#d7301f;color:#fff">slower</span><span style="background:#e8e4dc">unchanged</span><span style="background:#2166ac;color:#fff">faster</span>
deeper for a larger relative change. <span style="border:2px solid #000;font-weight:bold">\u270E bold, framed</span> a function this PR changed.
Hover a frame for base, head and \u0394; click to zoom (and keep its details); <button id="reset" type="button">reset zoom</button></p>
${notes.map((n) => `<p class="sub">${escapeHtml(n)}</p>`).join("\n")}
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
var FLAME_SCRIPT = `(function () {
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

// src/affected.ts
import { realpath } from "node:fs/promises";
import { join as join9, relative as relative5 } from "node:path";

// src/gotool/affected.ts
import { posix } from "node:path";
var MODULE_FILES = /* @__PURE__ */ new Set(["go.mod", "go.sum"]);
var WORKSPACE_FILES = /* @__PURE__ */ new Set(["go.work", "go.work.sum"]);
var HEADER = /\.(h|hh|hpp|hxx)$/;
function basePath(importPath) {
  const i = importPath.indexOf(" [");
  return i < 0 ? importPath : importPath.slice(0, i);
}
function within(path, dir) {
  return path === dir || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
}
function selectAffected(input) {
  const { packages } = input;
  const abs = (p) => posix.join(input.repoDir, p);
  const present = [];
  const deleted = [];
  for (const f of input.changed) {
    if (f.status === "deleted") deleted.push(abs(f.path));
    else present.push(abs(f.path));
    if (f.previousPath && f.previousPath !== f.path) deleted.push(abs(f.previousPath));
  }
  const everything = (reason) => ({
    all: reason,
    selected: [...input.benchmarkPackages].sort().map((p) => ({ package: p, reason })),
    skipped: [],
    changedPackages: [],
    changedTests: []
  });
  const rel = (p) => posix.relative(input.repoDir, p);
  const reachesAll = allReason([...present, ...deleted], packages, input.moduleDir, rel);
  if (reachesAll) return everything(reachesAll);
  const byDir = /* @__PURE__ */ new Map();
  for (const p of packages) if (!p.standard && !p.forTest && !p.importPath.endsWith(".test")) byDir.set(p.dir, p);
  const changedPackages = /* @__PURE__ */ new Set();
  const changedTests = /* @__PURE__ */ new Set();
  for (const file of present) {
    const dir = posix.dirname(file);
    const name = posix.basename(file);
    const own = byDir.get(dir);
    if (own) {
      if (own.testFiles.includes(name) || name.endsWith("_test.go")) changedTests.add(own.importPath);
      else if (own.files.includes(name) || name.endsWith(".go")) changedPackages.add(own.importPath);
    }
    for (const p of byDir.values()) {
      const inPkg = (list) => list.some((e) => posix.join(p.dir, e) === file);
      if (inPkg(p.embedFiles)) changedPackages.add(p.importPath);
      if (inPkg(p.testEmbedFiles) || within(file, posix.join(p.dir, "testdata"))) changedTests.add(p.importPath);
    }
  }
  for (const file of deleted) {
    const dir = posix.dirname(file);
    const own = byDir.get(dir);
    if (own && file.endsWith("_test.go")) changedTests.add(own.importPath);
    else if (own && file.endsWith(".go")) changedPackages.add(own.importPath);
    for (const p of byDir.values()) {
      if (!within(file, p.dir) || file.endsWith(".go")) continue;
      if (p.embeds) changedPackages.add(p.importPath);
      if (p.testEmbeds || within(file, posix.join(p.dir, "testdata"))) changedTests.add(p.importPath);
    }
  }
  const listed = new Map(packages.map((p) => [p.importPath, p]));
  const selected = [];
  const skipped = [];
  const contentList = [...changedPackages].sort();
  for (const pkg of [...input.benchmarkPackages].sort()) {
    const reason = whySelected(pkg, listed, changedPackages, changedTests);
    if (reason) selected.push({ package: pkg, reason });
    else skipped.push({ package: pkg, reason: whySkipped(contentList, present.length + deleted.length) });
  }
  return { selected, skipped, changedPackages: contentList, changedTests: [...changedTests].sort() };
}
function allReason(files, packages, moduleDir, rel) {
  const moduleDirs = /* @__PURE__ */ new Set([moduleDir, ...packages.filter((p) => !p.standard && p.moduleDir).map((p) => p.moduleDir)]);
  const cgo = packages.some((p) => !p.standard && p.cgo);
  for (const file of files) {
    const dir = posix.dirname(file);
    const name = posix.basename(file);
    if (MODULE_FILES.has(name) && moduleDirs.has(dir)) return `${rel(file)} changed: the module's requirements reach every package`;
    if (WORKSPACE_FILES.has(name) && within(moduleDir, dir)) return `${rel(file)} changed: the workspace reaches every package`;
    if (file === posix.join(moduleDir, "vendor", "modules.txt")) return `${rel(file)} changed: the vendored requirements reach every package`;
    if (cgo && HEADER.test(name)) return `${rel(file)} changed: a C header can be included by any cgo package`;
  }
  return void 0;
}
function whySelected(pkg, listed, content, tests) {
  if (content.has(pkg)) return "its own code changed";
  if (tests.has(pkg)) return "its tests changed";
  const main = listed.get(`${pkg}.test`);
  const self = listed.get(pkg);
  if (!main || !self) return "go list did not describe its test binary";
  const error = main.error ?? self.error;
  if (error) return `go list could not load it fully (${error.split("\n")[0]})`;
  const hits = [...new Set(main.deps.map(basePath))].filter((d) => content.has(d)).sort();
  if (hits.length === 0) return void 0;
  const more = hits.length > 1 ? ` and ${hits.length - 1} more changed package${hits.length > 2 ? "s" : ""}` : " (changed)";
  return `its test binary links ${hits[0]}${more}`;
}
function whySkipped(changed, files) {
  if (changed.length === 0) return files === 0 ? "nothing changed" : "the change touches no Go package it builds";
  const named = changed.slice(0, 3).join(", ") + (changed.length > 3 ? `, \u2026 (${changed.length} in all)` : "");
  return `its test binary links none of the changed packages (${named})`;
}
function strings(v) {
  return Array.isArray(v) ? v.filter((x) => typeof x === "string") : [];
}
function errorText(o) {
  const errs = [];
  if (o.Error && typeof o.Error === "object") errs.push(o.Error);
  if (Array.isArray(o.DepsErrors)) errs.push(...o.DepsErrors);
  const texts = errs.map((e) => {
    const x = e;
    return `${typeof x.Pos === "string" && x.Pos ? `${x.Pos}: ` : ""}${typeof x.Err === "string" ? x.Err : "unknown error"}`;
  });
  return texts.length ? texts.join("\n") : void 0;
}
var LISTED_FIELDS = [
  "ImportPath",
  "Dir",
  "Standard",
  "ForTest",
  "Deps",
  "Module",
  "GoFiles",
  "CgoFiles",
  "IgnoredGoFiles",
  "IgnoredOtherFiles",
  "CFiles",
  "CXXFiles",
  "HFiles",
  "SFiles",
  "FFiles",
  "MFiles",
  "SwigFiles",
  "SwigCXXFiles",
  "SysoFiles",
  "TestGoFiles",
  "XTestGoFiles",
  "EmbedPatterns",
  "EmbedFiles",
  "TestEmbedPatterns",
  "TestEmbedFiles",
  "XTestEmbedPatterns",
  "XTestEmbedFiles",
  "Error",
  "DepsErrors"
];
function listedPackage(o) {
  const slash2 = (p) => p.split("\\").join("/");
  const module = o.Module && typeof o.Module === "object" ? o.Module : void 0;
  const pick = (...names) => names.flatMap((n) => strings(o[n]));
  return {
    importPath: typeof o.ImportPath === "string" ? o.ImportPath : "",
    dir: typeof o.Dir === "string" ? slash2(o.Dir) : "",
    standard: o.Standard === true,
    forTest: typeof o.ForTest === "string" ? o.ForTest : void 0,
    deps: strings(o.Deps),
    moduleDir: typeof module?.Dir === "string" ? slash2(module.Dir) : void 0,
    files: pick("GoFiles", "CgoFiles", "IgnoredGoFiles", "IgnoredOtherFiles", "CFiles", "CXXFiles", "HFiles", "SFiles", "FFiles", "MFiles", "SwigFiles", "SwigCXXFiles", "SysoFiles"),
    testFiles: pick("TestGoFiles", "XTestGoFiles"),
    embedFiles: strings(o.EmbedFiles),
    testEmbedFiles: pick("TestEmbedFiles", "XTestEmbedFiles"),
    embeds: strings(o.EmbedPatterns).length > 0,
    testEmbeds: pick("TestEmbedPatterns", "XTestEmbedPatterns").length > 0,
    cgo: strings(o.CgoFiles).length > 0,
    error: errorText(o)
  };
}

// src/gotool/deps.ts
var MAX_OUTPUT_BYTES = 1024 * 1024 * 1024;
async function listDeps(opts) {
  const patterns = opts.patterns.length > 0 ? opts.patterns : ["./..."];
  const args = ["list", "-e", "-deps", "-test", `-json=${LISTED_FIELDS.join(",")}`, ...opts.buildFlags ?? [], "--", ...patterns];
  const r = await run(opts.goBin ?? "go", args, { cwd: opts.cwd, env: opts.env, timeoutMs: 5 * 6e4, maxOutputBytes: MAX_OUTPUT_BYTES });
  if (r.code !== 0 || r.timedOut || r.truncated) {
    const why = r.timedOut ? "timed out" : r.truncated ? "printed more than 1 GiB" : r.stderr.trim() || `exit status ${r.code}`;
    throw new BenchgateError(`go list -deps -test ${patterns.join(" ")} failed in ${opts.cwd}: ${why}`, "go-list");
  }
  return parseJsonStream(r.stdout, "go list -deps -test -json").map(listedPackage);
}

// src/affected.ts
var slash = (p) => p.split("\\").join("/");
async function planAffected(opts) {
  const [repoDir, moduleDir] = await Promise.all([realpath(opts.repoDir), realpath(opts.moduleDir)]);
  const buildFlags = splitGoTestFlags(opts.run.extraFlags).build;
  const common = { cwd: moduleDir, patterns: opts.run.packages, buildFlags, env: opts.env, goBin: opts.goBin };
  const [found, packages] = await Promise.all([discoverPackages({ ...common, bench: opts.run.bench }), listDeps(common)]);
  const selection = selectAffected({
    packages,
    changed: opts.changed,
    repoDir: slash(repoDir),
    moduleDir: slash(moduleDir),
    // A package that does not load is measured (and reported as failing), never skipped on a guess.
    benchmarkPackages: [...found.packages, ...found.failures].map((p) => p.importPath)
  });
  if (selection.all) return { run: opts.run, skipped: [], selection };
  return { run: { ...opts.run, only: selection.selected.map((s) => s.package) }, skipped: selection.skipped, selection };
}
async function planLocalAffected(opts) {
  const changed = await changedFiles(opts.repoDir, opts.baseRef, opts.headRef);
  if (opts.headRef === void 0) return planAffected({ ...opts, changed });
  const moduleRel = relative5(opts.repoDir, opts.moduleDir);
  return withWorktree(opts.repoDir, opts.headRef, (tree) => planAffected({ ...opts, repoDir: tree.dir, moduleDir: join9(tree.dir, moduleRel), changed }));
}
function logSelection(plan, log) {
  const s = plan.selection;
  if (s.all) {
    log.info(`benchgate: measuring every benchmark package: ${s.all}`);
    return;
  }
  const changed = [...s.changedPackages, ...s.changedTests.filter((t) => !s.changedPackages.includes(t))];
  log.info(
    `benchgate: ${s.selected.length} of ${s.selected.length + s.skipped.length} benchmark packages affected` + (changed.length ? ` (changed: ${changed.join(", ")})` : " (no Go package changed)")
  );
  for (const x of s.selected) log.info(`  measured: ${x.package}: ${x.reason}`);
  for (const x of s.skipped) log.info(`  skipped: ${x.package}: ${x.reason}`);
}
function withoutSkipped(run2, skipped) {
  if (skipped.length === 0) return run2;
  const skip = new Set(skipped.map((s) => s.package));
  return { ...run2, results: run2.results.filter((r) => !skip.has(r.pkg)), packages: run2.packages.filter((p) => !skip.has(p.pkg)) };
}

// src/pipeline.ts
async function judgePullRequest(o) {
  const skipped = o.skipped ?? [];
  const report = compareRuns(withoutSkipped(o.base.run, skipped), withoutSkipped(o.head.run, skipped), o.verdict);
  report.skipped = skipped;
  const flames = /* @__PURE__ */ new Map();
  await attributeReport(report, o.base, o.head, o.changes, o.log, flames);
  const confirmed = await confirm(report, o, flames);
  try {
    const causal = await causalCheck(report, o);
    const diagnosed = await diagnose(report, o, confirmed?.sides);
    await writeFlameGraphs(report, flames, o);
    return { report, confirmRounds: confirmed?.rounds, causal, diagnosed };
  } finally {
    const kept = [o.base.binaries, o.head.binaries, confirmed?.sides.base.binaries, confirmed?.sides.head.binaries];
    for (const m of kept) for (const path of m?.values() ?? []) await removeBinary(path);
  }
}
async function writeFlameGraphs(report, flames, o) {
  for (const row of report.rows) {
    const trees = flames.get(row);
    if (!trees || row.verdict !== "regression" && row.verdict !== "improvement") continue;
    const path = flameGraphPath(row.package, row.name, row.unit);
    const html = renderFlameGraph({
      package: row.package,
      name: row.name,
      unit: row.unit,
      base: trees.base?.value ?? 0,
      head: trees.head?.value ?? 0,
      deltaPercent: trees.base && trees.head && trees.base.value > 0 ? (trees.head.value / trees.base.value - 1) * 100 : null,
      verdict: row.verdict,
      tree: mergeFlameTrees(trees.base, trees.head, o.changes?.functions ?? []),
      note: trees.note
    });
    try {
      await mkdir4(dirname3(join10(o.outDir, path)), { recursive: true });
      await writeFile4(join10(o.outDir, path), html);
      row.flamegraph = path;
    } catch (e) {
      o.log.warning(`benchgate: the flame graph of ${row.name} (${row.unit}) was not written: ${e.message}`);
    }
  }
}
async function confirm(report, o, flames) {
  const scope = confirmScope(o.confirm.policy, o.baseIsStored);
  if (!scope || suspectsOf(report, o.verdict, scope).length === 0) return void 0;
  const target = await o.confirmTarget();
  if ("reason" in target) {
    o.log.warning(`benchgate: ${target.reason}`);
    if (target.suspects === "unconfirmed") for (const r of suspectsOf(report, o.verdict, scope)) applyConfirmation(r, void 0);
    return void 0;
  }
  const sides = await o.track(
    (onProgress) => confirmSuspects(report, {
      scope,
      ...target,
      run: o.run,
      rounds: o.confirm.rounds,
      outDir: join10(o.outDir, "confirm"),
      verdict: o.verdict,
      budgetMs: o.confirm.budgetMs,
      log: o.log,
      onProgress
    })
  );
  if (!sides) return void 0;
  await attributeConfirmed(report, sides, o.changes, flames);
  return { rounds: o.confirm.rounds, sides };
}
async function diagnose(report, o, confirmed) {
  if (o.run.diagnose === false || flaggedRows(report).length === 0) return void 0;
  const target = await o.confirmTarget();
  if ("reason" in target) {
    o.log.warning(`benchgate: flagged rows are not diagnosed: ${target.reason}`);
    return void 0;
  }
  return o.track(
    (onProgress) => diagnoseFlagged(report, {
      target,
      run: o.run,
      base: o.base,
      head: o.head,
      confirmBinaries: { base: confirmed?.base.binaries, head: confirmed?.head.binaries },
      outDir: join10(o.outDir, "diagnose"),
      log: o.log,
      onProgress
    })
  );
}
async function removeBinary(path) {
  await rm5(path, { force: true });
  for (const dir of [dirname3(path), dirname3(dirname3(path))]) await rmdir(dir).catch(() => void 0);
}
async function causalCheck(report, o) {
  if (!o.causal || !o.changes) return void 0;
  const rounds = Math.max(MIN_CAUSAL_ROUNDS, o.confirm.rounds);
  try {
    const ran = await runCausal(report, {
      ...o.causal,
      changes: o.changes,
      run: o.run,
      verdict: o.verdict,
      rounds,
      outDir: join10(o.outDir, "causal"),
      log: o.log
    });
    return ran ? { rounds, budgetMs: o.causal.budgetMs } : void 0;
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    o.log.warning(`benchgate: the causal check could not run: ${e.message}`);
    return void 0;
  }
}

// src/report/annotations.ts
import { posix as posix2 } from "node:path";
function annotationsFor(report, limit) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const row of report.rows) {
    if (row.verdict !== "regression") continue;
    for (const fn of row.attribution?.functions ?? []) {
      if (!fn.changed) continue;
      const file = fn.file.startsWith("/") ? fn.file : posix2.normalize(fn.file);
      const key = `${file}:${fn.startLine}:${row.name}:${row.unit}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const delta = row.deltaPercent === null ? "" : ` ${row.deltaPercent >= 0 ? "+" : ""}${formatFixed(row.deltaPercent, 1)}%`;
      const verified = isVerified(fn);
      out.push({
        // Functions the causal step verified come first: reverting them is the evidence.
        weight: (verified ? 1e12 : 0) + Math.abs(row.deltaPercent ?? 0) * Math.max(Number.isFinite(fn.share) ? fn.share : 0, 0.01),
        a: {
          file,
          startLine: fn.startLine,
          endLine: fn.endLine,
          title: `benchgate: ${row.name} ${row.unit}${delta}`,
          message: verified ? `${fn.function} is the cause of the change in ${row.name} (${row.unit}), ${causalPhrase(fn)}; ${row.reason}` : `${fn.function} is the likely cause: ${formatFixed(fn.share * 100, 0)}% of the change in ${row.name} (${row.unit}); ${row.reason}`
        }
      });
    }
  }
  return out.sort((x, y) => y.weight - x.weight).slice(0, limit).map((x) => x.a);
}

// src/shard/parts.ts
import { cp, mkdir as mkdir5, readFile as readFile8, rm as rm6, stat as stat2, writeFile as writeFile5 } from "node:fs/promises";
import { join as join11 } from "node:path";

// src/shard/merge.ts
function checkCoverage(parts) {
  const problems = [];
  const sharded = parts.filter((p) => p.shard !== void 0);
  for (const p of parts) if (!p.shard) problems.push(`${p.source}: not a shard's result (its run.json names no shard)`);
  if (sharded.length === 0) return { count: 0, missing: [], problems: problems.length ? problems : ["no shard results to merge"] };
  const first = sharded[0].shard;
  const count = first.count;
  const byIndex = /* @__PURE__ */ new Map();
  for (const { source, shard } of sharded) {
    const name = `shard ${shard.index}/${shard.count}`;
    if (shard.count !== count) problems.push(`${source}: ${name} belongs to a plan of ${shard.count} shards, the others to ${count}`);
    else if (shard.suite !== first.suite || shard.units !== first.units) {
      problems.push(`${source}: ${name} was planned from another suite than ${sharded[0].source} (the jobs saw different code or baselines)`);
    } else if (byIndex.has(shard.index)) problems.push(`${name} appears twice: ${byIndex.get(shard.index)} and ${source}`);
    byIndex.set(shard.index, byIndex.get(shard.index) ?? source);
  }
  const missing = [];
  for (let i = 1; i <= count; i++) {
    if (!byIndex.has(i)) {
      missing.push(i);
      problems.push(`shard ${i}/${count}: no result (the job failed, was cancelled, or did not upload its part)`);
    }
  }
  const owner = /* @__PURE__ */ new Map();
  for (const { shard } of sharded) {
    for (const u of shard.planned) {
      const had = owner.get(unitKey(u));
      if (had !== void 0 && had !== shard.index) problems.push(`${unitLabel(u)} is planned in shard ${had} and shard ${shard.index}`);
      owner.set(unitKey(u), shard.index);
    }
  }
  if (missing.length === 0 && problems.length === 0 && owner.size !== first.units) {
    problems.push(`the shards plan ${owner.size} units, the suite has ${first.units}`);
  }
  return { count, missing, problems };
}
function restrictRun(run2, shard) {
  const keep = (pkg, name) => {
    const sel = selectionIn(shard, pkg);
    return sel === "all" || sel !== null && sel.includes(topLevelOf(name));
  };
  const packages = run2.packages.filter((p) => selectionIn(shard, p.pkg) !== null).map((p) => {
    if (!p.benchmarkProfiles || selectionIn(shard, p.pkg) === "all") return p;
    const mine = Object.entries(p.benchmarkProfiles).filter(([name]) => keep(p.pkg, name));
    return { ...p, benchmarkProfiles: Object.fromEntries(mine) };
  });
  return { ...run2, packages, results: run2.results.filter((r) => keep(r.pkg, r.name)), shard };
}
var STATUS_RANK = { "build-failed": 4, timeout: 3, "bench-failed": 2, ok: 1, "no-benchmarks": 0 };
function prefixed(p, prefix) {
  const under = (files) => files.map((f) => `${prefix}/${f}`);
  const bp = p.benchmarkProfiles ? Object.fromEntries(Object.entries(p.benchmarkProfiles).map(([k, v]) => [k, { cpu: under(v.cpu), mem: under(v.mem) }])) : void 0;
  return {
    ...p,
    outputFiles: under(p.outputFiles),
    cpuProfiles: under(p.cpuProfiles),
    memProfiles: under(p.memProfiles),
    ...bp ? { benchmarkProfiles: bp } : {}
  };
}
function joinPackage(a, b) {
  const worse = STATUS_RANK[b.status] > STATUS_RANK[a.status] ? b : a;
  const message = [a.message, b.message].filter(Boolean).join("\n") || void 0;
  const bp = a.benchmarkProfiles || b.benchmarkProfiles ? { ...a.benchmarkProfiles, ...b.benchmarkProfiles } : void 0;
  return {
    ...a,
    status: worse.status,
    ...message ? { message } : {},
    outputFiles: [...a.outputFiles, ...b.outputFiles],
    cpuProfiles: [...a.cpuProfiles, ...b.cpuProfiles],
    memProfiles: [...a.memProfiles, ...b.memProfiles],
    ...bp ? { benchmarkProfiles: bp } : {}
  };
}
function mergeRuns(parts) {
  if (parts.length === 0) throw new Error("mergeRuns: no parts");
  const warnings = [];
  const [first] = parts;
  const packages = /* @__PURE__ */ new Map();
  for (const { run: run3, prefix } of parts) {
    if (run3.commit !== first.run.commit) warnings.push(`${prefix} measured commit ${run3.commit.slice(0, 7) || "?"}, ${first.prefix} ${first.run.commit.slice(0, 7) || "?"}`);
    for (const p of run3.packages) {
      const mine = prefixed(p, prefix);
      const had = packages.get(p.pkg);
      packages.set(p.pkg, had ? joinPackage(had, mine) : mine);
    }
  }
  const pairings = parts.map((p) => p.run.pairing);
  const pairing = pairings.every((x) => x !== void 0) ? pairings.includes("duet") ? "duet" : "sequential" : void 0;
  const run2 = {
    schema: 1,
    commit: first.run.commit,
    ref: first.run.ref,
    time: parts.map((p) => p.run.time).sort()[0],
    env: first.run.env,
    packages: [...packages.values()].sort((a, b) => a.pkg < b.pkg ? -1 : a.pkg > b.pkg ? 1 : 0),
    results: parts.flatMap((p) => p.run.results),
    units: Object.assign({}, ...parts.map((p) => p.run.units)),
    incomplete: parts.some((p) => p.run.incomplete),
    ...pairing ? { pairing } : {},
    ...first.run.pairPlan ? { pairPlan: first.run.pairPlan } : {}
  };
  return { run: run2, warnings };
}

// src/shard/parts.ts
var PART_FILE = "part.json";
function shardSuffix(s) {
  return `shard-${s.index}-of-${s.count}`;
}
async function copyRun(stored, dest, run2 = stored.run) {
  if (stored.dir !== dest) {
    await mkdir5(dest, { recursive: true });
    const files = run2.packages.flatMap((p) => [
      ...p.outputFiles,
      ...p.cpuProfiles,
      ...p.memProfiles,
      ...Object.values(p.benchmarkProfiles ?? {}).flatMap((b) => [...b.cpu, ...b.mem])
    ]);
    for (const f of /* @__PURE__ */ new Set([...files, HISTORY_FILE])) await cp(join11(stored.dir, f), join11(dest, f)).catch(() => void 0);
  }
  await saveRun(run2, dest);
  return { run: run2, dir: dest };
}
async function writeComparePart(dir, o) {
  const shard = o.head.run.shard;
  if (!shard) throw new BenchgateError("the head run names no shard: not a partial result", "run");
  await copyRun(o.head, join11(dir, "head"));
  await copyRun(o.base, join11(dir, "base"), o.base.run.shard ? o.base.run : restrictRun(o.base.run, shard));
  const meta = { schema: 1, kind: "compare", ...o.meta };
  await writeFile5(join11(dir, PART_FILE), JSON.stringify(meta, null, 1) + "\n");
}
async function exists(path) {
  return stat2(path).then(
    () => true,
    () => false
  );
}
async function readPart(source, dir) {
  const metaPath = join11(dir, PART_FILE);
  if (await exists(metaPath)) {
    let meta;
    try {
      meta = JSON.parse(await readFile8(metaPath, "utf8"));
    } catch (e) {
      throw new BenchgateError(`not valid JSON: ${e.message}`, "baseline", { file: metaPath });
    }
    const head = await loadRun(join11(dir, "head"));
    checkShard(head.run.shard, join11(dir, "head", "run.json"));
    return { kind: "compare", source, base: await loadRun(join11(dir, "base")), head, meta: validateMeta(meta, metaPath) };
  }
  const run2 = await loadRun(dir);
  checkShard(run2.run.shard, join11(dir, "run.json"));
  return { kind: "baseline", source, run: run2 };
}
function checkShard(s, file) {
  if (s === void 0) return;
  const v = s;
  const whole = (x, max) => Number.isInteger(x) && x >= 1 && x <= max;
  const ok = typeof v === "object" && v !== null && whole(v.count, 256) && whole(v.index, v.count) && typeof v.suite === "string" && Number.isInteger(v.units) && Array.isArray(v.planned) && v.planned.every((u) => typeof u?.pkg === "string" && (u.benchmark === void 0 || typeof u.benchmark === "string"));
  if (!ok) throw new BenchgateError('"shard" is not {index, count, planned: [{pkg, benchmark?}], suite, units} with 1 \u2264 index \u2264 count \u2264 256', "baseline", { file });
}
function validateMeta(v, file) {
  const m = v;
  const b = m?.baseline;
  if (m?.schema !== 1 || m.kind !== "compare" || typeof b !== "object" || b === null || !["artifact", "rerun", "files", "stored"].includes(String(b.source))) {
    throw new BenchgateError('not a benchgate compare part (expected schema 1, kind "compare", baseline.source)', "baseline", { file });
  }
  const str2 = (x) => typeof x === "string" ? x.slice(0, 200) : void 0;
  const int = (x) => typeof x === "number" && Number.isInteger(x) && x >= 0 ? x : void 0;
  return {
    schema: 1,
    kind: "compare",
    baseline: {
      source: b.source,
      ref: str2(b.ref),
      commit: str2(b.commit)?.replace(/[^0-9a-f]/g, ""),
      runId: int(b.runId),
      runNumber: int(b.runNumber),
      environmentNote: str2(b.environmentNote)
    },
    baseIsStored: m.baseIsStored === true,
    rounds: int(m.rounds),
    minRounds: int(m.minRounds)
  };
}
async function mergeParts(parts, outDir) {
  if (parts.length === 0) throw new BenchgateError("no partial results to merge", "usage");
  const read = await Promise.all(parts.map((p) => readPart(p.source, p.dir)));
  const kinds = new Set(read.map((p) => p.kind));
  if (kinds.size > 1) {
    throw new BenchgateError(`the parts mix baselines and comparisons: ${read.map((p) => `${p.source} (${p.kind})`).join(", ")}`, "usage");
  }
  const shardOf = (p) => p.kind === "baseline" ? p.run.run.shard : p.head.run.shard;
  const coverage = checkCoverage(read.map((p) => ({ source: p.source, shard: shardOf(p) })));
  const usable = read.filter((p, i) => {
    const s = shardOf(p);
    return s && s.count === coverage.count && read.findIndex((q) => shardOf(q)?.index === s.index) === i;
  });
  if (usable.length === 0) throw new BenchgateError(`no usable shard results: ${coverage.problems.join("; ")}`, "run");
  const notes = [];
  const side = async (runs, dest, withHistory) => {
    const copied = [];
    for (const { stored, shard } of runs) {
      const prefix = shardSuffix(shard);
      await rm6(join11(dest, prefix), { recursive: true, force: true });
      await cp(stored.dir, join11(dest, prefix), { recursive: true });
      copied.push({ run: stored.run, prefix });
    }
    await rm6(join11(dest, HISTORY_FILE), { force: true });
    const { run: run2, warnings } = mergeRuns(copied);
    const joined = withHistory ? await joinPartHistories(runs.map((r) => r.stored.dir), warnings, notes) : null;
    if (joined) await writeHistory(dest, joined);
    await saveRun(run2, dest);
    return { stored: { run: run2, dir: dest }, warnings, history: joined };
  };
  if (read[0].kind === "baseline") {
    const runs = usable.map((p) => p.kind === "baseline" ? { stored: p.run, shard: p.run.run.shard } : null).filter((x) => x !== null);
    const merged2 = await side(runs, outDir, true);
    return { kind: "baseline", run: merged2.stored, history: merged2.history, coverage, warnings: merged2.warnings, notes };
  }
  const compares = usable.filter((p) => p.kind === "compare");
  const base = await side(
    compares.map((p) => ({ stored: p.base, shard: p.head.run.shard })),
    join11(outDir, "base"),
    // A base measured by the PR's run has no history of the branch; a stored one carries it.
    compares[0].meta.baseIsStored
  );
  const head = await side(
    compares.map((p) => ({ stored: p.head, shard: p.head.run.shard })),
    join11(outDir, "head"),
    false
  );
  const meta = compares[0].meta;
  return {
    kind: "compare",
    base: base.stored,
    head: head.stored,
    meta,
    baseHistoryDir: base.history ? base.stored.dir : void 0,
    coverage,
    warnings: [...base.warnings, ...head.warnings],
    notes
  };
}
async function joinPartHistories(dirs, warnings, notes) {
  const histories = [];
  for (const dir of dirs) {
    try {
      const read = await readHistory(dir);
      if (!read) continue;
      const note = uncheckedNote(read.integrity);
      if (note) notes.push(note);
      histories.push(read.history);
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push(`a part's history is left out of the merged history: ${e.message}`);
    }
  }
  if (histories.length === 0) {
    notes.push(`no part carries a ${HISTORY_FILE}: the merged run has no history`);
    return null;
  }
  const history = joinHistories(histories);
  notes.push(`history: ${history.entries.length} run(s), joined from ${histories.length} of ${dirs.length} part(s)`);
  return history;
}

// src/commands/run.ts
import { mkdtemp as mkdtemp2, rm as rm7, writeFile as writeFile6, mkdir as mkdir6, readdir, rename } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname4, join as join12, relative as relative6, resolve as resolve2 } from "node:path";
var RUN_OPTIONS = {
  packages: { type: "string" },
  bench: { type: "string" },
  benchtime: { type: "string" },
  cpu: { type: "string" },
  timeout: { type: "string" },
  "go-test-flags": { type: "string" },
  "no-profiles": { type: "boolean" },
  out: { type: "string" },
  quiet: { type: "boolean" },
  shard: { type: "string" }
};
function runSettingsFrom(values, count) {
  const timeout = str(values, "timeout");
  if (timeout) parseDuration("--timeout", timeout);
  const shard = str(values, "shard");
  return {
    ...shard ? { shard: parseShard("--shard", shard) } : {},
    ...DEFAULT_RUN,
    packages: parseList(str(values, "packages") ?? "./..."),
    bench: str(values, "bench") ?? ".",
    count,
    benchtime: str(values, "benchtime") !== void 0 ? parseBenchtime("--benchtime", str(values, "benchtime")) : void 0,
    cpu: str(values, "cpu") !== void 0 ? parseCpuList("--cpu", str(values, "cpu")) : void 0,
    timeout,
    extraFlags: splitWords("--go-test-flags", str(values, "go-test-flags") ?? ""),
    profiles: values["no-profiles"] === true ? [] : [...PROFILE_KINDS]
  };
}
function noMatch(settings) {
  return `--bench ${JSON.stringify(settings.bench)} matched no benchmark in --packages ${settings.packages.join(" ")}; check --packages and --bench`;
}
function prefixHint(bench) {
  const fixed = withBenchmarkPrefix(bench);
  return fixed ? ` (--bench is matched against the whole function name: did you mean '${fixed}'?)` : "";
}
function stderrLog(out, quiet) {
  return {
    info: (m) => quiet ? void 0 : out.stderr(m + "\n"),
    warning: (m) => out.stderr(`warning: ${m}
`)
  };
}
async function runCommand(argv, out) {
  let tmp;
  let unregisterTmp = () => void 0;
  try {
    const { values, positionals } = parseFlags(argv, {
      ...VERDICT_OPTIONS,
      ...RUN_OPTIONS,
      base: { type: "string" },
      head: { type: "string" },
      baseline: { type: "string" },
      rounds: { type: "string" },
      "min-rounds": { type: "string" },
      "max-rounds": { type: "string" },
      confirm: { type: "string" },
      "confirm-rounds": { type: "string" },
      "confirm-budget": { type: "string" },
      causal: { type: "string" },
      "causal-budget": { type: "string" },
      duet: { type: "string" },
      affected: { type: "boolean" },
      "no-diagnose": { type: "boolean" }
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const baseRef = str(values, "base");
    const stored = str(values, "baseline");
    if (!baseRef && !stored) throw usageError("--base <git-ref> is required (or --baseline <dir>)");
    if (values.affected === true && !baseRef) throw usageError("--affected needs --base <git-ref>: the change it selects from is the diff against it");
    const rounds = parseInteger("--rounds", str(values, "rounds") ?? "10", 1, 1e3);
    let settings = {
      ...runSettingsFrom(values, rounds),
      minRounds: parseInteger("--min-rounds", str(values, "min-rounds") ?? String(DEFAULT_RUN.minRounds), 2, 1e3),
      maxRounds: str(values, "max-rounds") ? parseInteger("--max-rounds", str(values, "max-rounds"), 1, 1e4) : void 0,
      // Pairs at once where the machine allows (gotool/duet.ts); the rounds and the confirmation alike.
      duet: parseChoice("--duet", str(values, "duet") ?? DEFAULT_DUET, DUET_CHOICES),
      // The GC and scheduler breakdown of flagged rows (src/diagnose/).
      diagnose: values["no-diagnose"] !== true
    };
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const confirm2 = parseChoice("--confirm", str(values, "confirm") ?? "auto", ["auto", "always", "never"]);
    const confirmRounds = parseInteger("--confirm-rounds", str(values, "confirm-rounds") ?? "10", 2, 1e3);
    const confirmBudgetMs = parseDuration("--confirm-budget", str(values, "confirm-budget") ?? "15m");
    const causal = parseChoice("--causal", str(values, "causal") ?? "auto", CAUSAL_MODES);
    const causalBudgetMs = parseDuration("--causal-budget", str(values, "causal-budget") ?? DEFAULT_CAUSAL_BUDGET);
    const quiet = values.quiet === true;
    const progress = commandProgress(out, quiet);
    out = progress.out;
    const log = stderrLog(out, quiet);
    const outDir = str(values, "out") ? resolve2(str(values, "out")) : tmp = await mkdtemp2(join12(tmpdir2(), "benchgate-"));
    if (tmp) unregisterTmp = removeOnInterrupt(tmp);
    await mkdir6(outDir, { recursive: true });
    const moduleDir = process.cwd();
    requireGoModule(moduleDir);
    const repoDir = await repoRoot(moduleDir);
    const headRef = str(values, "head");
    if (baseRef) await requireRef("--base", baseRef, repoDir);
    if (headRef) await requireRef("--head", headRef, repoDir);
    let skipped = [];
    if (values.affected === true) {
      const plan = await planLocalAffected({ repoDir, moduleDir, baseRef, headRef, run: settings });
      logSelection(plan, { info: (m) => out.stderr(m + "\n"), warning: log.warning });
      settings = plan.run;
      skipped = plan.skipped;
    }
    const nothingAffected = settings.only?.length === 0;
    let base;
    let head;
    let baselineSource;
    if (stored) {
      base = await loadRun(resolve2(stored));
      const note = uncheckedNote(base.integrity);
      if (note) log.info(`benchgate: note: ${note}`);
      if (settings.shard) settings.shard = { ...settings.shard, weights: weightsFromRun(base.run) };
      const headCommit = await git(["rev-parse", "--verify", `${headRef ?? "HEAD"}^{commit}`], repoDir).then((s) => s.trim()).catch(() => "");
      const measureHead = (dir) => progress.track(
        (onProgress) => runOneSide({ moduleDir: dir, run: settings, outDir: join12(outDir, "head"), commit: headCommit, ref: headRef ?? "working tree", onProgress })
      );
      const result = headRef ? await withWorktree(repoDir, headRef, (tree) => measureHead(join12(tree.dir, relative6(repoDir, moduleDir)))) : await measureHead(moduleDir);
      for (const w of result.warnings) log.warning(w);
      await saveRun(result.run, join12(outDir, "head"));
      head = { run: result.run, dir: join12(outDir, "head") };
      baselineSource = "stored";
    } else {
      const sides = await progress.track(
        (onProgress) => runBothSides({ moduleDir, baseRef, headRef, run: settings, rounds, outDir, verdict, onProgress })
      );
      base = sides.base;
      head = sides.head;
      baselineSource = "rerun";
      for (const w of sides.warnings) log.warning(w);
    }
    const failures = [...packageFailures(base.run, "base"), ...packageFailures(head.run, "head")];
    for (const f of failures) log.warning(formatFailure(f));
    if (settings.shard) {
      const baseline = { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit };
      return await finishShard(outDir, { base, head, meta: { baseline, baseIsStored: !!stored, rounds, minRounds: stored ? void 0 : settings.minRounds } }, out);
    }
    if (head.run.results.length === 0 && base.run.results.length === 0 && !nothingAffected) {
      throw new BenchgateError(
        failures.length ? `no benchmark results on either side: ${failureSummary(failures)}` : `no benchmark results on either side: ${noMatch(settings)}${prefixHint(settings.bench)}`,
        "run"
      );
    }
    let changes = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir, moduleDir: moduleRootOf(moduleDir, repoDir), baseRef, headRef });
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        log.warning(`the PR diff is not available, attribution will not mark changed functions: ${e.message}`);
      }
    }
    const { report, confirmRounds: confirmRoundsUsed, causal: causalRan } = await judgePullRequest({
      base,
      head,
      baseIsStored: baselineSource === "stored",
      changes,
      verdict,
      run: settings,
      confirm: { policy: confirm2, rounds: confirmRounds, budgetMs: confirmBudgetMs },
      confirmTarget: async () => baseRef ? { moduleDir, baseRef, headRef } : { reason: "suspects are not confirmed: --base <git-ref> is needed to re-run them against the base", suspects: "counted" },
      causal: causal !== "off" && baseRef ? { repoDir, moduleDir, baseRef, headRef, budgetMs: causalBudgetMs } : void 0,
      outDir,
      log,
      track: (work) => progress.track(work),
      skipped
    });
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx = {
      gate,
      baseline: { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit },
      rounds,
      minRounds: baselineSource === "rerun" ? settings.minRounds : void 0,
      confirmRounds: confirmRoundsUsed,
      causal: causalRan,
      incomplete: failedPackageLines(report),
      fullReportHint: `see ${join12(outDir, "report.json")}`,
      // A stored baseline with a history: the same sparklines as the action's comment.
      history: stored ? await readHistoryForReport(resolve2(stored), log) : void 0
    };
    const extra = { baseline: ctx.baseline, rounds, minRounds: ctx.minRounds, causal: ctx.causal ?? null, annotations: annotationsFor(report, MAX_WARNINGS_PER_STEP) };
    await writeFile6(join12(outDir, "report.json"), toJsonReport(report, extra));
    await writeFile6(join12(outDir, "report.md"), renderMarkdown(report, ctx));
    out.stdout(render(report, format, ctx, extra));
    const flames = report.rows.filter((r) => r.flamegraph).length;
    if (!tmp) {
      log.info(
        `benchgate: raw outputs, profiles, report.json${flames ? `, report.md and ${flames} flame graph${flames === 1 ? "" : "s"} (flamegraphs/)` : " and report.md"} are in ${outDir}`
      );
    }
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, "run", RUN_USAGE, out);
  } finally {
    if (tmp) await rm7(tmp, { recursive: true, force: true });
    unregisterTmp();
  }
}
async function baselineCommand(argv, out) {
  try {
    const { values, positionals } = parseFlags(argv, {
      ...RUN_OPTIONS,
      count: { type: "string" },
      previous: { type: "string" },
      "history-length": { type: "string" }
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const outArg = str(values, "out");
    if (!outArg) throw usageError("--out <dir> is required");
    const count = parseInteger("--count", str(values, "count") ?? "10", 1, 1e3);
    const settings = runSettingsFrom(values, count);
    const history = {
      previousDir: str(values, "previous") ? resolve2(str(values, "previous")) : void 0,
      length: parseInteger("--history-length", str(values, "history-length") ?? String(DEFAULT_HISTORY_LENGTH), 1, 1e5)
    };
    const quiet = values.quiet === true;
    const moduleDir = process.cwd();
    requireGoModule(moduleDir);
    const outDir = resolve2(outArg);
    await mkdir6(dirname4(outDir), { recursive: true });
    const stage = await mkdtemp2(join12(dirname4(outDir), ".benchgate-baseline-"));
    const unregister = removeOnInterrupt(stage);
    try {
      return await recordBaseline(stage, outDir, settings, count, history, quiet, moduleDir, out);
    } finally {
      await rm7(stage, { recursive: true, force: true });
      unregister();
    }
  } catch (e) {
    return reportError(e, "baseline", BASELINE_USAGE, out);
  }
}
async function recordBaseline(stage, outDir, settings, count, history, quiet, moduleDir, out) {
  const commit = await git(["rev-parse", "HEAD"], moduleDir).then((s) => s.trim()).catch(() => "");
  const ref = await git(["rev-parse", "--abbrev-ref", "HEAD"], moduleDir).then((s) => s.trim()).catch(() => "");
  const progress = commandProgress(out, quiet);
  out = progress.out;
  const result = await progress.track((onProgress) => runOneSide({ moduleDir, run: { ...settings, count }, outDir: stage, commit, ref, onProgress }));
  for (const w of result.warnings) out.stderr(`warning: ${w}
`);
  const failures = packageFailures(result.run);
  for (const f of failures) out.stderr(`warning: ${formatFailure(f)}
`);
  if (result.run.results.length === 0 && !result.run.shard) {
    throw new BenchgateError(
      `no benchmark results: nothing recorded: ${failures.length ? failureSummary(failures) : noMatch(settings) + prefixHint(settings.bench)}`,
      "run"
    );
  }
  const carried = await carryHistory({ previousDir: history.previousDir, run: result.run, length: history.length });
  for (const w of carried.warnings) out.stderr(`warning: ${w}
`);
  if (!quiet) for (const n of carried.notes) out.stderr(`benchgate: ${n}
`);
  await writeHistory(stage, carried.history);
  await mkdir6(outDir, { recursive: true });
  for (const entry of await readdir(stage)) {
    await rm7(join12(outDir, entry), { recursive: true, force: true });
    await rename(join12(stage, entry), join12(outDir, entry));
  }
  await saveRun(result.run, outDir);
  out.stdout(
    `benchgate: recorded ${plural(result.run.results.length, "result")} in ${plural(result.run.packages.length, "package")} to ${outDir}${result.run.shard ? ` as shard ${result.run.shard.index}/${result.run.shard.count} (merge the parts with benchgate merge)` : ""}${result.run.incomplete ? " (incomplete)" : ""}
`
  );
  return EXIT_OK;
}
function plural(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// src/commands/merge.ts
async function finishShard(outDir, part, out) {
  const shard = part.head.run.shard;
  await writeComparePart(outDir, part);
  const report = compareRuns(part.base.run, part.head.run, DEFAULT_VERDICT);
  await writeFile7(join13(outDir, "report.json"), toJsonReport(report, { partial: true, shard, baseline: part.meta.baseline }));
  const benchmarks = new Set(part.head.run.results.map((r) => `${r.pkg} ${r.name}`)).size;
  out.stdout(
    `benchgate: shard ${shard.index}/${shard.count} measured ${benchmarks} benchmarks in ${part.head.run.packages.length} packages (${shard.planned.length} of the suite's ${shard.units} units, placed by ${shard.method === "measured" ? "the baseline's measured times" : "a hash of their names"}); its part is ${outDir}: judge the suite with benchgate merge --out DIR ${outDir} <the other parts>
`
  );
  return EXIT_OK;
}
async function mergeCommand(argv, out) {
  try {
    const { values, positionals } = parseFlags(argv, {
      ...VERDICT_OPTIONS,
      out: { type: "string" },
      quiet: { type: "boolean" },
      packages: { type: "string" },
      bench: { type: "string" },
      benchtime: { type: "string" },
      cpu: { type: "string" },
      timeout: { type: "string" },
      "go-test-flags": { type: "string" },
      "no-profiles": { type: "boolean" },
      base: { type: "string" },
      head: { type: "string" },
      confirm: { type: "string" },
      "confirm-rounds": { type: "string" },
      "confirm-budget": { type: "string" },
      "min-rounds": { type: "string" },
      duet: { type: "string" }
    });
    const outArg = str(values, "out");
    if (!outArg) throw usageError("--out <dir> is required");
    if (positionals.length === 0) throw usageError("name the parts to merge: benchgate merge --out DIR PART_DIR...");
    const outDir = resolve3(outArg);
    const quiet = values.quiet === true;
    const progress = commandProgress(out, quiet);
    out = progress.out;
    const log = stderrLog(out, quiet);
    await mkdir7(outDir, { recursive: true });
    const merged2 = await mergeParts(
      positionals.map((p) => ({ source: p, dir: resolve3(p) })),
      outDir
    );
    for (const w of merged2.warnings) log.warning(w);
    for (const p of merged2.coverage.problems) log.warning(p);
    for (const n of merged2.notes) log.info(`benchgate: ${n}`);
    if (merged2.kind === "baseline") return await finishBaselineMerge(merged2.run, merged2.history, merged2.coverage, out);
    const verdict = verdictFrom(values);
    const format = formatFrom(values);
    const failOn = failOnFrom(values);
    const confirmRounds = parseInteger("--confirm-rounds", str(values, "confirm-rounds") ?? "10", 2, 1e3);
    const settings = {
      ...runSettingsFrom(values, confirmRounds),
      minRounds: parseInteger("--min-rounds", str(values, "min-rounds") ?? String(DEFAULT_RUN.minRounds), 2, 1e3),
      duet: parseChoice("--duet", str(values, "duet") ?? DEFAULT_DUET, DUET_CHOICES)
    };
    const baseRef = str(values, "base");
    const headRef = str(values, "head");
    const moduleDir = process.cwd();
    let changes = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir: await repoRoot(moduleDir), moduleDir, baseRef, headRef });
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        log.warning(`the diff is not available, attribution will not mark changed functions: ${e.message}`);
      }
    }
    const { report, confirmRounds: confirmed } = await judgePullRequest({
      base: merged2.base,
      head: merged2.head,
      baseIsStored: merged2.meta.baseIsStored,
      changes,
      verdict,
      run: settings,
      confirm: {
        policy: parseChoice("--confirm", str(values, "confirm") ?? "auto", ["auto", "always", "never"]),
        rounds: confirmRounds,
        budgetMs: parseDuration("--confirm-budget", str(values, "confirm-budget") ?? "15m")
      },
      confirmTarget: async () => baseRef ? { moduleDir, baseRef, headRef } : { reason: "suspects are not confirmed: --base <git-ref> is needed to re-run them against the base", suspects: "counted" },
      outDir,
      log,
      track: (work) => progress.track(work)
    });
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx = {
      gate,
      baseline: merged2.meta.baseline,
      rounds: merged2.meta.rounds,
      minRounds: merged2.meta.minRounds,
      confirmRounds: confirmed,
      incomplete: failedPackageLines(report),
      missingShards: merged2.coverage.problems,
      fullReportHint: `see ${join13(outDir, "report.json")}`,
      // The parts carry the stored baseline's history (shard/parts.ts): the trend column of `mode: merge`.
      history: await readHistoryForReport(merged2.baseHistoryDir, log)
    };
    const extra = { ...mergedExtra(gate, merged2.coverage), baseline: ctx.baseline, rounds: ctx.rounds, annotations: annotationsFor(report, 10) };
    await writeFile7(join13(outDir, "report.json"), toJsonReport(report, extra));
    await writeFile7(join13(outDir, "report.md"), renderMarkdown(report, ctx));
    out.stdout(render(report, format, ctx, extra));
    if (gate.failed) return EXIT_REGRESSION;
    if (merged2.coverage.problems.length > 0) {
      throw new BenchgateError(`incomplete: ${merged2.coverage.problems.join("; ")}`, "run");
    }
    return EXIT_OK;
  } catch (e) {
    return reportError(e, "merge", MERGE_USAGE, out);
  }
}
function mergedExtra(gate, coverage) {
  const verdict = gate.regressions.length > 0 ? "regression" : coverage.problems.length > 0 ? "incomplete" : "pass";
  return { verdict, shards: { count: coverage.count, missing: coverage.missing, problems: coverage.problems } };
}
async function finishBaselineMerge(stored, history, coverage, out) {
  const run2 = coverage.problems.length > 0 ? { ...stored.run, incomplete: true } : stored.run;
  await saveRun(run2, stored.dir);
  const kept = history ? `; history: ${history.entries.length} run(s)` : "";
  out.stdout(`benchgate: merged ${coverage.count} shards into the baseline ${stored.dir}: ${run2.results.length} results in ${run2.packages.length} packages${kept}
`);
  if (coverage.problems.length > 0) throw new BenchgateError(`incomplete baseline: ${coverage.problems.join("; ")}`, "run");
  return EXIT_OK;
}

export {
  finishShard,
  mergeCommand,
  mergedExtra,
  runSettingsFrom,
  stderrLog,
  runCommand,
  baselineCommand
};
