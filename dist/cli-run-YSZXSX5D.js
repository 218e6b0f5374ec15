#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  parseBenchText
} from "./cli-chunk-KRBPBG4Y.js";
import {
  FunctionAggregator,
  byNameAndFile,
  compareTop,
  readProfiles,
  sampleIndexByName
} from "./cli-chunk-5MDYLN3K.js";
import {
  BASELINE_USAGE,
  BenchgateError,
  DEFAULT_DUET,
  DEFAULT_RUN,
  DUET_CHOICES,
  EXIT_OK,
  EXIT_REGRESSION,
  PROFILE_KINDS,
  RUN_USAGE,
  StepClock,
  VERDICT_OPTIONS,
  causalPhrase,
  commandProgress,
  compareOptions,
  comparePairs,
  compareResults,
  evaluateGate,
  failOnFrom,
  formatDelta,
  formatFixed,
  formatFrom,
  higherIsBetter,
  isGated,
  isVerified,
  maxRoundsOf,
  parseChoice,
  parseDuration,
  parseFlags,
  parseInteger,
  parseList,
  render,
  renderMarkdown,
  reportError,
  rowKey,
  splitWords,
  str,
  toJsonReport,
  usageError,
  verdictFrom,
  warningText,
  worstCasePercent
} from "./cli-chunk-RRWQSTAQ.js";

// src/commands/run.ts
import { mkdtemp as mkdtemp2, rm as rm5, writeFile as writeFile5, mkdir as mkdir5, readdir, rename as rename2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname2, join as join11, relative as relative5, resolve as resolve2 } from "node:path";

// src/engine.ts
import { readFile as readFile2 } from "node:fs/promises";
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
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const escape = c <= 32 || c === 37 || c === 34 || c >= 127 || c === 46 && i > slash;
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
    const top = movers.slice(0, 3).map((g) => `${g.frame.function} (${formatDelta(g.flat, row.unit)} self)`);
    notes.unshift(
      changed.length === 0 ? `the PR changed no profiled Go function; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}` : `no changed function explains this change; ${top.length ? "the largest movers are " + top.join(", ") : "no function moved by 5% or more of the change"}`
    );
  }
  const deltaOf = (g) => listed.has(g) ? direction * credited.get(g) : g.flat;
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
      delta: deltaOf(g),
      share: deltaOf(g) / rowDelta,
      flatDelta: g.flat
    };
  });
  return { functions, note: notes.length ? [...new Set(notes)].join("; ") : null };
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
      out.push(chunk);
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
      endedAt = Date.now();
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
async function isDirty(cwd, opts = {}) {
  const untracked = opts.untracked ? "--untracked-files=normal" : "--untracked-files=no";
  return (await git(["status", "--porcelain", untracked], cwd, opts)).trim() !== "";
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
  const slash = name.indexOf("/");
  const top = (slash >= 0 ? name.slice(0, slash) : name).replace(/-\d+$/, "");
  return { label: [.../* @__PURE__ */ new Set([name, noProcs])], top, sub: slash >= 0 };
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
function scaled(slice, perOp) {
  if (slice.total === 0) return [];
  const k = perOp / slice.total;
  return slice.functions.map((f) => ({ function: f.function, file: f.file, startLine: f.startLine, flat: f.flat * k, cum: f.cum * k }));
}

// src/pprof/split.ts
function symbolPackage(pkg) {
  const slash = pkg.lastIndexOf("/");
  return pkg.slice(0, slash + 1) + pkg.slice(slash + 1).replace(/\./g, "%2e");
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
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function benchmarkFramePattern(pkg) {
  const prefixes = [.../* @__PURE__ */ new Set([pkg, symbolPackage(pkg)])].map(escapeRe).join("|");
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
    functions: agg.nonZero().map((n) => ({ ...agg.rows[n] })).sort(compareTop)
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

// src/pprof/whole.ts
function wholeProfile(p, sampleIndex, options = {}) {
  const index = sampleIndexByName(p, sampleIndex);
  const agg = new FunctionAggregator(byNameAndFile);
  const keep = options.onlyUnder;
  let total = 0;
  for (const s of p.sample) {
    if (keep && !s.location.some((l) => l.line.some((ln) => keep.some((re) => re.test(ln.function.name))))) continue;
    const w = s.value[index];
    total += w;
    agg.add(s, w);
  }
  return { total, functions: agg.nonZero().map((n) => ({ ...agg.rows[n] })).sort(compareTop) };
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
  return run2.packages.filter((p) => p.status !== "ok" && p.status !== "no-benchmarks").map((p) => `${side}: ${p.pkg} ${p.status}${p.message ? ": " + firstLine(p.message) : ""}`);
}
function firstLine(text) {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > 200 ? line.slice(0, 200) + "\u2026" : line;
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
  if (note) report.warnings.push(note);
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
      async () => wholeProfile(await readProfiles(files.map((f) => resolve(this.stored.dir, f))), sampleType, options)
    );
  }
  split(pkg, kind, sampleType) {
    return this.once(this.splits, `${pkg}\0${sampleType}`, async () => {
      const entry = this.stored.run.packages.find((p) => p.pkg === pkg);
      const files = entry ? kind === "cpu" ? entry.cpuProfiles : entry.memProfiles : [];
      if (files.length === 0) return `no ${kind === "cpu" ? "CPU" : "memory"} profile for ${pkg}`;
      return splitByBenchmark(await readProfiles(files.map((f) => resolve(this.stored.dir, f))), pkg, sampleType);
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
  const slash = name.indexOf("/");
  return (slash >= 0 ? name.slice(0, slash) : name).replace(/-\d+$/, "");
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
async function attributeReport(report, base, head, changes, log = silentLog) {
  await attributeRows(report.rows, base, head, changes);
  for (const w of changes?.warnings ?? []) log.warning(w);
}
async function attributeConfirmed(report, confirm2, changes) {
  const rows = report.rows.filter((r) => r.confirmed === true && r.confirmation);
  const proxies = rows.map((r) => ({ ...r, base: r.confirmation.base, head: r.confirmation.head, deltaPercent: r.confirmation.deltaPercent }));
  await attributeRows(proxies, confirm2.base, confirm2.head, changes);
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
    const a = attribute(row, b.profile, h.profile, changes?.functions ?? [], changes?.commitsOf ?? (() => []));
    if (!changes && a.functions.length) {
      a.note = (a.note ? a.note + ". " : "") + "The PR diff was not available: changed functions are not marked";
    }
    row.attribution = a;
  }
}

// src/failures.ts
function packageFailures(run2, side) {
  return run2.packages.filter((p) => p.status !== "ok" && p.status !== "no-benchmarks").map((p) => ({ ...side ? { side } : {}, pkg: p.pkg, status: p.status, reason: p.message?.trim() || p.status }));
}
function formatFailure(f, maxLines = 20) {
  const lines = f.reason.split("\n").filter((l) => l.trim() !== "");
  const shown = lines.slice(0, maxLines);
  const more = lines.length > shown.length ? [`  \u2026 ${lines.length - shown.length} more lines in run.json`] : [];
  const [first = "", ...rest] = shown;
  return [`${f.side ? f.side + ": " : ""}${f.pkg} ${f.status}: ${first}`, ...rest.map((l) => "  " + l), ...more].join("\n");
}
function failureSummary(failures) {
  if (failures.length === 0) return "";
  const first = formatFailure(failures[0], 1).split("\n")[0];
  return failures.length === 1 ? first : `${first} (and ${failures.length - 1} more package failure(s))`;
}

// src/local.ts
import { join as join8, relative as relative3 } from "node:path";

// src/compare/settle.ts
function rowIsOpen(row, rule) {
  if (!rule.gateUnits.includes(row.unit)) return false;
  if (!row.base || !row.head || row.exact) return false;
  const worst = worstCasePercent(row, higherIsBetter(row.unit, rule.units ?? {}));
  const reaches = worst === null || worst >= rule.threshold;
  const n = row.paired?.n ?? Math.min(row.base.n, row.head.n);
  if (rule.count !== void 0 && n >= rule.count) {
    if (!row.paired || n >= (rule.maxPairs ?? rule.count)) return false;
    return (row.verdict === "noisy" || row.suspect === true) && reaches;
  }
  if (row.verdict === "regression") return true;
  return reaches;
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
    incomplete: packages.some((p) => p.status !== "ok" && p.status !== "no-benchmarks")
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
function escapeGoRegexp(s) {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, "\\$&");
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
    run: assembleRun({ commit: opts.commit, ref: opts.ref, started, env }, packages, collected),
    warnings: [...found.warnings, ...collected.warnings]
  };
}

// src/gotool/leaves.ts
function leafPattern(nameWithoutProcs) {
  return `Benchmark${nameWithoutProcs}`.split("/").map((part) => `^${escapeGoRegexp(part)}$`).join("/");
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
function failedBenchmarks(stdout) {
  const failed = [...stdout.matchAll(/--- FAIL: Benchmark(\S*)/g)].map((m) => m[1]);
  const innermost = failed.filter((n) => !failed.some((o) => o !== n && o.startsWith(`${n}/`)));
  const running = unfinishedBenchmark(stdout);
  if (running !== void 0 && !innermost.includes(running)) innermost.push(running);
  return [...new Set(innermost)];
}
function unfinishedBenchmark(stdout) {
  const last = stdout.replace(/\s+$/, "").split("\n").pop() ?? "";
  return /^Benchmark(\S*)\s*$/.exec(last)?.[1];
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
  const listingPattern = (pkg) => opts.suspects ? listingPatternFor([...suspectNames.get(pkg) ?? []], procs) : opts.bench ?? ".";
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
  const [base, head] = sides;
  const stateOf = (side) => side === "base" ? base : head;
  const allPkgs = [.../* @__PURE__ */ new Set([...base.byPkg.keys(), ...head.byPkg.keys()])].sort();
  const indexOf = (pkg) => allPkgs.indexOf(pkg) + 1;
  const builds = allPkgs.flatMap((pkg) => sides.filter((s) => s.byPkg.has(pkg)).map((s) => ({ s, pkg })));
  const buildClock = new StepClock(builds.length);
  for (const { s, pkg } of builds) {
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
          testBinaryArgs({ bench: listingPattern(pkg), benchtime: "1x", cpu: String(cpu), timeout: opts.timeout, extra: [...testFlags, "-test.v", ...skip] }),
          { cwd: s.byPkg.get(pkg).dir, env: opts.env, timeoutMs: runLimitMs }
        );
        await writeFile2(join6(s.runDir, slug, `list-cpu${cpu}${attempt > 1 ? `-${attempt}` : ""}.txt`), r.stdout);
        if (firstOutput === "") firstOutput = r.stdout;
        for (const leaf of leavesFromListing(r.stdout, cpu)) {
          if ((!wanted || wanted.has(leaf.name)) && !leaves.some((l) => l.name === leaf.name)) leaves.push(leaf);
        }
        outcome = classify(r);
        if (outcome.status === "ok" || outcome.status === "no-benchmarks") break;
        const names = failedBenchmarks(r.stdout);
        const which = names.length > 0 ? `, benchmark ${names.join(", ")}` : "";
        recordFailure(pr, outcome.status, `listing run (-cpu ${cpu}), ${s.side}${which}`, outcome.message);
        const crashed = unfinishedBenchmark(r.stdout);
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
    const args = testBinaryArgs({
      bench: leaf.pattern,
      benchtime: opts.benchtime,
      cpu: String(leaf.cpu),
      timeout: opts.timeout,
      extra: testFlags,
      cpuProfile: wantsProfile(opts.profiles, "cpu") ? join6(s.runDir, files.cpu) : void 0,
      memProfile: wantsProfile(opts.profiles, "mem") ? join6(s.runDir, files.mem) : void 0
    });
    const binary = s.binaries.get(pkg);
    const useTaskset = cpus2 && pinned ? duet.taskset : void 0;
    let watch;
    const r = await run(useTaskset ?? binary, useTaskset ? ["-c", cpus2.join(","), binary, ...args] : args, {
      // Its own tree's package directory: benchmarks read testdata/ relative to it.
      cwd: s.byPkg.get(pkg).dir,
      env: cpus2 ? { ...opts.env ?? process.env, GOMAXPROCS: String(cpus2.length) } : opts.env,
      timeoutMs: runLimitMs,
      onSpawn: cpus2 ? (pid) => watch = watchCpu(pid, Date.now()) : void 0
    });
    const share = watch?.stop();
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
      const open = new Set(opts.settle.open(b.run, h.run).map((o) => leafKey(o.pkg, o.name)));
      for (const key of [...active]) if (!open.has(key)) active.delete(key);
    }
  }
  if (!opts.keepBinaries) await rm3(binDir, { recursive: true, force: true });
  warnings.push(...duetWarnings(duet, roundsRun));
  const env = envOf();
  const finish2 = async (s) => {
    const { run: r, collected } = await snapshot(s, started, env);
    warnings.push(...s.discovery.warnings.map((w) => ({ ...w, message: `${s.side}: ${w.message}` })), ...collected.warnings);
    return r;
  };
  return { base: await finish2(base), head: await finish2(head), baseDir: base.runDir, headDir: head.runDir, order, roundsRun, extensionCut, warnings };
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

// src/store/dir.ts
import { readFile as readFile6, writeFile as writeFile3, rename, mkdir as mkdir3 } from "node:fs/promises";
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
    text = await readFile6(path, "utf8");
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
  if (r.pairPlan !== void 0) {
    const { count, maxPairs } = r.pairPlan ?? {};
    const ok = (x) => Number.isInteger(x) && x >= 1 && x <= 1e5;
    if (!ok(count) || !ok(maxPairs) || maxPairs < count) {
      fail(`"pairPlan" is ${JSON.stringify(r.pairPlan)} (expected whole numbers 1 \u2264 count \u2264 maxPairs)`);
    }
  }
  if (r.pairing !== void 0 && r.pairing !== "sequential" && r.pairing !== "duet") {
    fail(`"pairing" is ${JSON.stringify(r.pairing)} (expected "sequential" or "duet")`);
  }
  for (const [i, res] of r.results.entries()) {
    if (typeof res?.name !== "string" || typeof res?.pkg !== "string" || !Array.isArray(res?.values)) {
      fail(`results[${i}] lacks pkg, name or values`);
    }
    if (res.pair !== void 0 && (typeof res.pair !== "number" || !Number.isInteger(res.pair))) {
      fail(`results[${i}].pair is not an integer`);
    }
    if (res.pairing !== void 0 && res.pairing !== "sequential" && res.pairing !== "duet") {
      fail(`results[${i}].pairing is ${JSON.stringify(res.pairing)} (expected "sequential" or "duet")`);
    }
    for (const v of res.values) {
      if (typeof v?.unit !== "string" || typeof v?.value !== "number") fail(`results[${i}] has a bad value`);
    }
  }
  const checkPaths = (files, where) => {
    if (!Array.isArray(files)) fail(`${where} is not an array`);
    for (const f of files) {
      if (typeof f !== "string" || f.startsWith("/") || f.split(/[\\/]/).includes("..")) {
        fail(`${where} has an unsafe path ${JSON.stringify(f)}`);
      }
    }
  };
  for (const [i, p] of r.packages.entries()) {
    if (typeof p?.pkg !== "string") fail(`packages[${i}] lacks pkg`);
    for (const key of ["outputFiles", "cpuProfiles", "memProfiles"]) checkPaths(p[key], `packages[${i}].${key}`);
    if (p.benchmarkProfiles !== void 0) {
      const bp = p.benchmarkProfiles;
      if (typeof bp !== "object" || bp === null || Array.isArray(bp)) fail(`packages[${i}].benchmarkProfiles is not an object`);
      for (const [name, files] of Object.entries(bp)) {
        if (typeof files !== "object" || files === null) fail(`packages[${i}].benchmarkProfiles[${JSON.stringify(name)}] is not an object`);
        for (const kind of ["cpu", "mem"]) {
          checkPaths(files[kind], `packages[${i}].benchmarkProfiles[${JSON.stringify(name)}].${kind}`);
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
    profiles: run2.profiles,
    duet: run2.duet
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
      base: { dir: join8(baseTree.dir, moduleRel), commit: mergeBase, ref: opts.baseRef },
      head: { dir: headDir, commit: headCommit, ref: opts.headRef ?? "working tree" },
      outDir: opts.outDir,
      rounds: opts.rounds,
      maxRounds: plan.maxPairs,
      ...runnerSettings(opts.run),
      suspects: opts.suspects,
      settle: settleFor(opts, plan),
      runTimeoutMs: opts.runTimeoutMs,
      onProgress: opts.onProgress
    })
  );
  const result = opts.headRef ? await withWorktree(repoDir, opts.headRef, (headTree) => alternate(join8(headTree.dir, moduleRel))) : await alternate(opts.moduleDir);
  for (const r of [result.base, result.head]) if (r.pairing) r.pairPlan = plan;
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
    const key = `${r.package}\0${r.name}`;
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
import { join as join10 } from "node:path";

// src/causal/measure.ts
import { mkdir as mkdir4, readFile as readFile7, rm as rm4, writeFile as writeFile4 } from "node:fs/promises";
import { dirname, isAbsolute, join as join9, relative as relative4 } from "node:path";

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
  const slash = name.lastIndexOf("/");
  return slash >= 0 ? name.slice(slash + 1) : name;
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
  return { text: lines.join(eol), how: b ? "restored" : "removed" };
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
  const measureDir = (what) => join9(opts.outDir, `${String(++step).padStart(2, "0")}-${what.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 60)}`);
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
    const headModule = join9(headRoot, moduleRel);
    let revertRoot;
    const revertTree = async () => {
      if (revertRoot) return revertRoot;
      const wt = await worktree(headCommit);
      const inside = (p) => !isAbsolute(p) && !p.split(/[\\/]/).includes("..");
      for (const d of diffs) {
        if (d.newPath !== null && !inside(d.newPath) || d.oldPath !== null && !inside(d.oldPath)) continue;
        if (d.newPath !== null) {
          const text = await readFile7(join9(headRoot, d.newPath)).catch(() => null);
          if (text !== null) {
            await mkdir4(dirname(join9(wt.dir, d.newPath)), { recursive: true });
            await writeFile4(join9(wt.dir, d.newPath), text);
          }
        } else if (d.oldPath !== null) {
          await rm4(join9(wt.dir, d.oldPath), { force: true });
        }
      }
      revertRoot = wt.dir;
      return revertRoot;
    };
    const measureRevert = async (fn, bench) => {
      if (isAbsolute(fn.file) || fn.file.split(/[\\/]/).includes("..")) return { ok: false, reason: `${fn.file} is not a path inside the repository` };
      const headText = await readFile7(join9(headRoot, fn.file), "utf8").catch(() => void 0);
      if (headText === void 0) return { ok: false, reason: `${fn.file} is not readable at the head` };
      const oldPath = oldPathOf.has(fn.file) ? oldPathOf.get(fn.file) : fn.file;
      const baseText = oldPath ? await git(["show", `${mergeBase}:${oldPath}`], repoDir).catch(() => void 0) : void 0;
      const reverted = revertFunction(headText, baseText, fn.file, fn);
      if ("error" in reverted) return { ok: false, reason: reverted.error };
      const root = await revertTree();
      const file = join9(root, fn.file);
      await writeFile4(file, reverted.text);
      try {
        const m = await measure(join9(root, moduleRel), headModule, bench, `revert-${fn.function.split("/").pop()}`);
        if (!m.ok && reverted.how === "removed" && /compile/.test(m.reason)) {
          return { ok: false, reason: `it is new, and the head needs it: ${m.reason.replace(/^it does not compile: /, "")}` };
        }
        return m;
      } finally {
        await writeFile4(file, headText);
      }
    };
    let mergeBaseModule;
    const measureCommit = async (index, bench) => {
      const list = commits;
      mergeBaseModule ??= join9((await worktree(mergeBase)).dir, moduleRel);
      const wt = await worktree(list[index - 1].sha);
      try {
        return await measure(mergeBaseModule, join9(wt.dir, moduleRel), bench, `commit-${index}`);
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

// src/pipeline.ts
async function judgePullRequest(o) {
  const report = compareRuns(o.base.run, o.head.run, o.verdict);
  await attributeReport(report, o.base, o.head, o.changes, o.log);
  const confirmRounds = await confirm(report, o);
  const causal = await causalCheck(report, o);
  return { report, confirmRounds, causal };
}
async function confirm(report, o) {
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
  await attributeConfirmed(report, sides, o.changes);
  return o.confirm.rounds;
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
import { posix } from "node:path";
function annotationsFor(report, limit) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const row of report.rows) {
    if (row.verdict !== "regression") continue;
    for (const fn of row.attribution?.functions ?? []) {
      if (!fn.changed) continue;
      const file = fn.file.startsWith("/") ? fn.file : posix.normalize(fn.file);
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
    profiles: values["no-profiles"] === true ? [] : [...PROFILE_KINDS]
  };
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
      duet: { type: "string" }
    });
    if (positionals.length) throw usageError(`unexpected argument "${positionals[0]}"`);
    const baseRef = str(values, "base");
    const stored = str(values, "baseline");
    if (!baseRef && !stored) throw usageError("--base <git-ref> is required (or --baseline <dir>)");
    const rounds = parseInteger("--rounds", str(values, "rounds") ?? "10", 1, 1e3);
    const settings = {
      ...runSettingsFrom(values, rounds),
      minRounds: parseInteger("--min-rounds", str(values, "min-rounds") ?? String(DEFAULT_RUN.minRounds), 2, 1e3),
      maxRounds: str(values, "max-rounds") ? parseInteger("--max-rounds", str(values, "max-rounds"), 1, 1e4) : void 0,
      // Pairs at once where the machine allows (gotool/duet.ts); the rounds and the confirmation alike.
      duet: parseChoice("--duet", str(values, "duet") ?? DEFAULT_DUET, DUET_CHOICES)
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
    const outDir = str(values, "out") ? resolve2(str(values, "out")) : tmp = await mkdtemp2(join11(tmpdir2(), "benchgate-"));
    await mkdir5(outDir, { recursive: true });
    const moduleDir = process.cwd();
    const repoDir = await repoRoot(moduleDir);
    const headRef = str(values, "head");
    let base;
    let head;
    let baselineSource;
    if (stored) {
      base = await loadRun(resolve2(stored));
      const headCommit = await git(["rev-parse", "--verify", `${headRef ?? "HEAD"}^{commit}`], repoDir).then((s) => s.trim()).catch(() => "");
      const measureHead = (dir) => progress.track(
        (onProgress) => runOneSide({ moduleDir: dir, run: settings, outDir: join11(outDir, "head"), commit: headCommit, ref: headRef ?? "working tree", onProgress })
      );
      const result = headRef ? await withWorktree(repoDir, headRef, (tree) => measureHead(join11(tree.dir, relative5(repoDir, moduleDir)))) : await measureHead(moduleDir);
      for (const w of result.warnings) log.warning(w);
      await saveRun(result.run, join11(outDir, "head"));
      head = { run: result.run, dir: join11(outDir, "head") };
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
    if (head.run.results.length === 0 && base.run.results.length === 0) {
      throw new BenchgateError(
        failures.length ? `no benchmark results on either side: ${failureSummary(failures)}` : "no benchmark results on either side: check --packages and --bench",
        "run"
      );
    }
    let changes = null;
    if (baseRef) {
      try {
        changes = await localChanges({ repoDir, moduleDir, baseRef, headRef });
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
      track: (work) => progress.track(work)
    });
    const gate = evaluateGate(report, { failOn, gateUnits: verdict.gateUnits, failOnUnconfirmed: false });
    const ctx = {
      gate,
      baseline: { source: baselineSource, ref: baseRef ?? base.run.ref, commit: base.run.commit },
      rounds,
      minRounds: baselineSource === "rerun" ? settings.minRounds : void 0,
      confirmRounds: confirmRoundsUsed,
      causal: causalRan,
      incomplete: report.warnings.filter((w) => /^(base|head): /.test(w)),
      fullReportHint: `see ${join11(outDir, "report.json")}`
    };
    const extra = { baseline: ctx.baseline, rounds, minRounds: ctx.minRounds, causal: ctx.causal ?? null, annotations: annotationsFor(report, 10) };
    await writeFile5(join11(outDir, "report.json"), toJsonReport(report, extra));
    await writeFile5(join11(outDir, "report.md"), renderMarkdown(report, ctx));
    out.stdout(render(report, format, ctx, extra));
    if (!tmp) log.info(`benchgate: raw outputs, profiles, report.json and report.md are in ${outDir}`);
    return gate.failed ? EXIT_REGRESSION : EXIT_OK;
  } catch (e) {
    return reportError(e, "run", RUN_USAGE, out);
  } finally {
    if (tmp) await rm5(tmp, { recursive: true, force: true });
  }
}
async function baselineCommand(argv, out) {
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
    await mkdir5(dirname2(outDir), { recursive: true });
    const stage = await mkdtemp2(join11(dirname2(outDir), ".benchgate-baseline-"));
    try {
      return await recordBaseline(stage, outDir, settings, count, quiet, moduleDir, out);
    } finally {
      await rm5(stage, { recursive: true, force: true });
    }
  } catch (e) {
    return reportError(e, "baseline", BASELINE_USAGE, out);
  }
}
async function recordBaseline(stage, outDir, settings, count, quiet, moduleDir, out) {
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
  if (result.run.results.length === 0) {
    throw new BenchgateError(`no benchmark results: nothing recorded${failures.length ? `: ${failureSummary(failures)}` : ""}`, "run");
  }
  await mkdir5(outDir, { recursive: true });
  for (const entry of await readdir(stage)) {
    await rm5(join11(outDir, entry), { recursive: true, force: true });
    await rename2(join11(stage, entry), join11(outDir, entry));
  }
  await saveRun(result.run, outDir);
  out.stdout(
    `benchgate: recorded ${result.run.results.length} results in ${result.run.packages.length} packages to ${outDir}${result.run.incomplete ? " (incomplete)" : ""}
`
  );
  return EXIT_OK;
}
export {
  BASELINE_USAGE,
  RUN_USAGE,
  baselineCommand,
  runCommand
};
