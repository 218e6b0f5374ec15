#!/usr/bin/env node
import { createRequire as __benchgateCreateRequire } from 'module';
const require = __benchgateCreateRequire(import.meta.url);
import {
  BenchgateError,
  DEFAULT_HISTORY_LENGTH,
  HISTORY_SCHEMA,
  appendHistory,
  historyEntry,
  parseHistory
} from "./cli-chunk-MK35M2OK.js";

// src/store/checksums.ts
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
function runFiles(run) {
  const files = /* @__PURE__ */ new Set();
  for (const p of run.packages) {
    for (const f of [...p.outputFiles, ...p.cpuProfiles, ...p.memProfiles]) files.add(f);
    for (const b of Object.values(p.benchmarkProfiles ?? {})) for (const f of [...b.cpu, ...b.mem]) files.add(f);
  }
  return [...files].sort();
}
function sha256(data) {
  return createHash("sha256").update(data).digest("hex");
}
async function computeChecksums(run, dir, extra = []) {
  const out = {};
  for (const f of [...runFiles(run), ...extra]) {
    const data = await readFile(join(dir, f)).catch(() => void 0);
    if (data) out[f] = sha256(data);
  }
  return out;
}
function uncheckedNote(integrity) {
  return integrity && "unchecked" in integrity ? integrity.unchecked : void 0;
}
async function verifyChecksums(run, dir, runFile, except = []) {
  if (run.checksums === void 0) return { unchecked: `${runFile} lists no checksums (recorded before benchgate checked them): its files are not verified` };
  const files = Object.keys(run.checksums).filter((f) => !except.includes(f));
  for (const f of files) checkData(run.checksums[f], await readListed(join(dir, f), runFile), join(dir, f), runFile);
  return { verified: files.length };
}
async function readVerified(run, dir, file, runFile) {
  const path = join(dir, file);
  const want = run.checksums !== void 0 && Object.hasOwn(run.checksums, file) ? run.checksums[file] : void 0;
  if (want !== void 0) {
    const data2 = await readListed(path, runFile);
    checkData(want, data2, path, runFile);
    return { data: data2, integrity: { verified: 1 } };
  }
  let data;
  try {
    data = await readFile(path);
  } catch (e) {
    if (e.code === "ENOENT") return null;
    throw new BenchgateError(`cannot be read: ${e.message}`, "integrity", { file: path });
  }
  const why = run.checksums === void 0 ? "lists no checksums" : `lists no checksum for ${file}`;
  return { data, integrity: { unchecked: `${runFile} ${why} (recorded before benchgate checked it): ${path} is not verified` } };
}
async function readListed(path, runFile) {
  try {
    return await readFile(path);
  } catch (e) {
    throw new BenchgateError(`listed in ${runFile} with a checksum, but cannot be read: ${e.message}`, "integrity", { file: path });
  }
}
function checkData(want, data, path, runFile) {
  const got = sha256(data);
  if (got !== want) {
    throw new BenchgateError(`does not match the SHA-256 in ${runFile} (expected ${want}, got ${got}): the stored run was altered or damaged`, "integrity", { file: path });
  }
}

// src/store/dir.ts
import { readFile as readFile2, writeFile, rename, mkdir } from "node:fs/promises";
import { join as join2 } from "node:path";
var RUN_FILE = "run.json";
var HISTORY_FILE = "history.json";
async function saveRun(run, dir) {
  await mkdir(dir, { recursive: true });
  const path = join2(dir, RUN_FILE);
  const tmp = `${path}.tmp-${process.pid}`;
  const stored = { ...run, checksums: await computeChecksums(run, dir, [HISTORY_FILE]) };
  await writeFile(tmp, JSON.stringify(stored, null, 1) + "\n");
  await rename(tmp, path);
  return path;
}
async function loadRun(dir) {
  const path = join2(dir, RUN_FILE);
  const run = await readRunFile(path);
  return { run, dir, integrity: await verifyChecksums(run, dir, path, [HISTORY_FILE]) };
}
async function readRunFile(path) {
  let text;
  try {
    text = await readFile2(path, "utf8");
  } catch (e) {
    throw new BenchgateError(`cannot read the stored run: ${e.message}`, "baseline", { file: path });
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new BenchgateError(`not valid JSON: ${e.message}`, "baseline", { file: path });
  }
  return validateRun(value, path);
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
  if (r.checksums !== void 0) {
    const sums = r.checksums;
    if (typeof sums !== "object" || sums === null || Array.isArray(sums)) fail('"checksums" is not an object');
    checkPaths(Object.keys(sums), '"checksums"');
    for (const [f, h] of Object.entries(sums)) {
      if (typeof h !== "string" || !/^[0-9a-f]{64}$/.test(h)) fail(`"checksums"[${JSON.stringify(f)}] is not a SHA-256 in hex`);
    }
  }
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

// src/history/store.ts
import { mkdir as mkdir2, rename as rename2, stat, writeFile as writeFile2 } from "node:fs/promises";
import { join as join3 } from "node:path";
async function readHistory(dir) {
  const file = join3(dir, HISTORY_FILE);
  const runFile = join3(dir, RUN_FILE);
  const hasRun = await stat(runFile).then(
    () => true,
    () => false
  );
  const listed = hasRun ? await readRunFile(runFile) : { checksums: void 0 };
  const read = await readVerified(listed, dir, HISTORY_FILE, runFile);
  if (!read) return null;
  const integrity = hasRun ? read.integrity : { unchecked: `${file} has no ${RUN_FILE} beside it: it is not verified` };
  return { history: parseHistory(read.data.toString("utf8"), file), integrity };
}
async function readHistoryForReport(dir, log) {
  if (!dir) return null;
  try {
    const read = await readHistory(dir);
    const note = uncheckedNote(read?.integrity);
    if (note) log.info(`benchgate: note: ${note}`);
    return read?.history ?? null;
  } catch (e) {
    if (!(e instanceof BenchgateError)) throw e;
    log.warning(`benchgate: the baseline's history is not shown: ${e.message}`);
    return null;
  }
}
async function writeHistory(dir, history) {
  await mkdir2(dir, { recursive: true });
  const file = join3(dir, HISTORY_FILE);
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile2(tmp, JSON.stringify(history) + "\n");
  await rename2(tmp, file);
  return file;
}
async function carryHistory(args) {
  const length = args.length ?? DEFAULT_HISTORY_LENGTH;
  const warnings = [];
  const notes = [];
  let previous = null;
  if (!args.previousDir) notes.push("no previous baseline: the history starts with this run");
  else {
    try {
      const stored = await loadRun(args.previousDir);
      try {
        const read = await readHistory(args.previousDir);
        previous = read?.history ?? null;
        const note = uncheckedNote(read?.integrity);
        if (note) notes.push(note);
      } catch (e) {
        if (!(e instanceof BenchgateError)) throw e;
        warnings.push(`the previous baseline's history is unusable (${e.message}); starting a new history`);
      }
      if (!previous) {
        previous = appendHistory(null, historyEntry(stored.run, args.previousRunId), length);
        if (!warnings.length) notes.push(`the previous baseline carries no ${HISTORY_FILE}: the history starts from its ${RUN_FILE}`);
      }
    } catch (e) {
      if (!(e instanceof BenchgateError)) throw e;
      warnings.push(`the previous baseline is unusable for the history (${e.message}); starting a new history`);
    }
  }
  const history = appendHistory(previous, historyEntry(args.run, args.runId), length);
  notes.push(`history: ${history.entries.length} run(s) kept (at most ${length})`);
  return { history, warnings, notes };
}
async function historyFromDirs(dirs, length = Number.MAX_SAFE_INTEGER) {
  if (dirs.length === 1) {
    const carried = await readHistory(dirs[0]);
    if (carried) return { history: carried.history, notes: [uncheckedNote(carried.integrity)].filter((n) => n !== void 0) };
  }
  const notes = [];
  let history = null;
  for (const dir of dirs) {
    const stored = await loadRun(dir);
    const note = uncheckedNote(stored.integrity);
    if (note) notes.push(note);
    history = appendHistory(history, historyEntry(stored.run), length);
  }
  return { history: history ?? { schema: HISTORY_SCHEMA, entries: [] }, notes };
}

export {
  uncheckedNote,
  HISTORY_FILE,
  saveRun,
  loadRun,
  readHistory,
  readHistoryForReport,
  writeHistory,
  carryHistory,
  historyFromDirs
};
