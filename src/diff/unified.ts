/**
 * Unified diffs → changed line ranges per file, pure.
 *
 * Reads `git diff` output (with its `diff --git` and extended headers), plain `diff -u` output,
 * and the REST API's per-file `patch` strings, which are bare hunks. What the rest of benchgate
 * needs is only *which lines changed*: added lines on the new side, removed lines on the old
 * side, and where on the new side a pure deletion happened (so that a function that lost lines
 * still counts as changed on the head side).
 */
import { BenchgateError } from '../errors.js';

export type FileStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/** 1-based, inclusive. */
export interface LineRange {
  start: number;
  end: number;
}

export interface FileDiff {
  /** Path on the old side without the `a/` prefix; null for an added file. */
  oldPath: string | null;
  /** Path on the new side without the `b/` prefix; null for a deleted file. */
  newPath: string | null;
  status: FileStatus;
  /** A binary change carries no line information. */
  binary: boolean;
  /** New-side lines that were added, merged into ranges. */
  added: LineRange[];
  /** Old-side lines that were removed, merged into ranges. */
  removed: LineRange[];
  /**
   * New-side positions of removed runs: lines were removed between new line `n` and `n + 1`
   * (0 = before the first line). A function spanning both n and n + 1 lost lines.
   */
  deletedAfter: number[];
}

const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** Extended header lines git may print between `diff --git` and the first hunk. */
const EXTENDED_HEADERS = [
  'old mode ',
  'new mode ',
  'deleted file mode ',
  'new file mode ',
  'copy from ',
  'copy to ',
  'rename from ',
  'rename to ',
  'similarity index ',
  'dissimilarity index ',
  'index ',
];

/**
 * Parse the output of `git diff` (or `diff -u`). Empty input means no changes.
 * @param source names the input in error messages.
 */
export function parseUnifiedDiff(text: string, source = '<diff>'): FileDiff[] {
  const lines = splitLines(text);
  const files: FileDiff[] = [];
  let i = 0;
  const fail = (message: string, index: number): never => {
    throw new BenchgateError(message, 'diff', { file: source, line: index + 1 });
  };

  while (i < lines.length) {
    const line = lines[i];
    if (line === '') {
      i++;
      continue;
    }
    if (line.startsWith('diff --git ')) {
      i = parseGitFile(lines, i, files, fail);
    } else if (line.startsWith('--- ') && lines[i + 1]?.startsWith('+++ ')) {
      // A plain `diff -u` file section has no `diff --git` line.
      const file = emptyFile(
        headerPath(lines[i].slice(4), 'a/', fail, i),
        headerPath(lines[i + 1].slice(4), 'b/', fail, i + 1),
        'modified',
      );
      file.status = file.oldPath === null ? 'added' : file.newPath === null ? 'deleted' : 'modified';
      i = parseHunks(lines, i + 2, file, fail);
      files.push(finish(file));
    } else if (line.startsWith('diff --cc ') || line.startsWith('diff --combined ')) {
      fail('combined (merge) diffs are not supported: diff against the merge base instead', i);
    } else {
      fail(`not a unified diff: expected "diff --git" or "---" but found ${quoteSnippet(line)}`, i);
    }
  }
  return files;
}

/**
 * Parse one file's `patch` as the GitHub REST API returns it (hunks only, no headers).
 * @param path the file's name, given separately by the API.
 * @param previousPath for a renamed file, its old name (`previous_filename`).
 */
export function parsePatch(
  patch: string,
  path: string,
  opts: { status?: FileStatus; previousPath?: string } = {},
): FileDiff {
  const status = opts.status ?? (opts.previousPath ? 'renamed' : 'modified');
  const file = emptyFile(
    status === 'added' ? null : (opts.previousPath ?? path),
    status === 'deleted' ? null : path,
    status,
  );
  const lines = splitLines(patch);
  const fail = (message: string, index: number): never => {
    throw new BenchgateError(message, 'diff', { file: path, line: index + 1 });
  };
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  // The API omits `patch` for binary or huge files; an empty patch is simply "no line info".
  if (i < lines.length && !HUNK_HEADER.test(lines[i])) {
    fail(`a patch must start with a hunk header "@@ -a,b +c,d @@", found ${quoteSnippet(lines[i])}`, i);
  }
  const end = parseHunks(lines, i, file, fail);
  for (let j = end; j < lines.length; j++) {
    if (lines[j] !== '') fail(`unexpected line after the last hunk: ${quoteSnippet(lines[j])}`, j);
  }
  return finish(file);
}

type Fail = (message: string, index: number) => never;

function parseGitFile(lines: string[], start: number, files: FileDiff[], fail: Fail): number {
  const header = lines[start].slice('diff --git '.length);
  let oldPath: string | null | undefined;
  let newPath: string | null | undefined;
  let status: FileStatus = 'modified';
  let binary = false;
  let i = start + 1;

  for (; i < lines.length; i++) {
    const line = lines[i];
    const ext = EXTENDED_HEADERS.find((h) => line.startsWith(h));
    if (ext !== undefined) {
      const value = line.slice(ext.length);
      if (ext === 'new file mode ') status = 'added';
      else if (ext === 'deleted file mode ') status = 'deleted';
      else if (ext === 'rename from ' || ext === 'copy from ') {
        status = ext === 'rename from ' ? 'renamed' : 'copied';
        oldPath = unquote(value, fail, i);
      } else if (ext === 'rename to ' || ext === 'copy to ') newPath = unquote(value, fail, i);
      continue;
    }
    if (line.startsWith('Binary files ') && line.endsWith(' differ')) {
      binary = true;
      i++;
      break;
    }
    if (line === 'GIT binary patch') {
      binary = true;
      // Base85 literal/delta blocks run until the next file header.
      i++;
      while (i < lines.length && !lines[i].startsWith('diff --git ')) i++;
      break;
    }
    break;
  }

  // The ---/+++ lines name the files unambiguously; the `diff --git` line is only a fallback
  // (for mode-only or binary changes), because paths with spaces make it ambiguous.
  if (i < lines.length && lines[i].startsWith('--- ')) {
    if (!lines[i + 1]?.startsWith('+++ ')) {
      fail(i + 1 >= lines.length ? 'truncated diff: "---" without "+++"' : `expected "+++" after "---", found ${quoteSnippet(lines[i + 1])}`, i + 1);
    }
    oldPath = headerPath(lines[i].slice(4), 'a/', fail, i);
    newPath = headerPath(lines[i + 1].slice(4), 'b/', fail, i + 1);
    i += 2;
  }
  if (oldPath === undefined || newPath === undefined) {
    const both = splitGitHeader(header, fail, start);
    if (oldPath === undefined) oldPath = status === 'added' ? null : both[0];
    if (newPath === undefined) newPath = status === 'deleted' ? null : both[1];
  }
  if (status === 'modified' && oldPath === null) status = 'added';
  if (status === 'modified' && newPath === null) status = 'deleted';

  const file = emptyFile(oldPath, newPath, status);
  file.binary = binary;
  i = parseHunks(lines, i, file, fail);
  files.push(finish(file));
  return i;
}

/** Consume the hunks starting at `start`; return the index of the first line after them. */
function parseHunks(lines: string[], start: number, file: FileDiff, fail: Fail): number {
  let i = start;
  while (i < lines.length && lines[i].startsWith('@@')) {
    const m = HUNK_HEADER.exec(lines[i]);
    if (!m) fail(`malformed hunk header ${quoteSnippet(lines[i])}: expected "@@ -a,b +c,d @@"`, i);
    const headerIndex = i;
    const oldCount = m![2] === undefined ? 1 : Number(m![2]);
    const newCount = m![4] === undefined ? 1 : Number(m![4]);
    // With a zero count, the start names the line *before* the (empty) range.
    let oldLine = oldCount === 0 ? Number(m![1]) + 1 : Number(m![1]);
    let newLine = newCount === 0 ? Number(m![3]) + 1 : Number(m![3]);
    let oldLeft = oldCount;
    let newLeft = newCount;
    let removedRun = false;
    i++;
    while (oldLeft > 0 || newLeft > 0) {
      if (i >= lines.length) {
        fail(
          `truncated hunk: header at line ${headerIndex + 1} promises ${oldCount} old and ${newCount} new lines, ` +
            `${oldLeft} old and ${newLeft} new are missing`,
          i - 1,
        );
      }
      const line = lines[i];
      // Some tools strip the single space of an empty context line; git apply accepts that too.
      const kind = line === '' ? ' ' : line[0];
      if (kind === '\\') {
        i++; // "\ No newline at end of file" qualifies the previous line.
        continue;
      }
      if (kind === ' ') {
        if (oldLeft === 0 || newLeft === 0) break;
        oldLeft--, newLeft--, oldLine++, newLine++;
        removedRun = false;
      } else if (kind === '-') {
        if (oldLeft === 0) break;
        file.removed.push({ start: oldLine, end: oldLine });
        if (!removedRun) file.deletedAfter.push(newLine - 1);
        removedRun = true;
        oldLeft--, oldLine++;
      } else if (kind === '+') {
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
        `hunk header at line ${headerIndex + 1} promises ${oldCount} old and ${newCount} new lines, ` +
          `but ${oldLeft} old and ${newLeft} new are missing before ${quoteSnippet(lines[i])}`,
        i,
      );
    }
    while (i < lines.length && lines[i].startsWith('\\')) i++;
    const next = lines[i];
    if (next !== undefined && (next.startsWith('+') || next.startsWith(' ')) && !next.startsWith('+++ ')) {
      fail(`hunk at line ${headerIndex + 1} has more lines than its header counts (-${oldCount} +${newCount})`, i);
    }
    if (next !== undefined && next.startsWith('-') && !(next.startsWith('--- ') && lines[i + 1]?.startsWith('+++ '))) {
      fail(`hunk at line ${headerIndex + 1} has more lines than its header counts (-${oldCount} +${newCount})`, i);
    }
  }
  return i;
}

function emptyFile(oldPath: string | null, newPath: string | null, status: FileStatus): FileDiff {
  return { oldPath, newPath, status, binary: false, added: [], removed: [], deletedAfter: [] };
}

function finish(file: FileDiff): FileDiff {
  file.added = mergeRanges(file.added);
  file.removed = mergeRanges(file.removed);
  file.deletedAfter = [...new Set(file.deletedAfter)].sort((a, b) => a - b);
  return file;
}

/** Sort and merge overlapping or adjacent ranges. */
export function mergeRanges(ranges: LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** True when some range contains a line in [start, end]. */
export function intersects(ranges: LineRange[], start: number, end: number): boolean {
  return ranges.some((r) => r.start <= end && start <= r.end);
}

/** A `---`/`+++` name: `/dev/null` → null; prefix dropped; a trailing tab+timestamp dropped. */
function headerPath(raw: string, prefix: string, fail: Fail, index: number): string | null {
  let name = raw;
  if (name.startsWith('"')) {
    name = unquote(name, fail, index);
  } else {
    // git appends a tab after names containing spaces; diff -u appends a tab and a timestamp.
    const tab = name.indexOf('\t');
    if (tab >= 0) name = name.slice(0, tab);
  }
  if (name === '/dev/null') return null;
  if (name === '') fail('empty file name in header', index);
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

/** Split `a/P b/P` (or its quoted form); only used when no ---/+++ or rename lines exist. */
function splitGitHeader(header: string, fail: Fail, index: number): [string, string] {
  if (header.startsWith('"')) {
    const end = quotedEnd(header);
    if (end < 0) fail(`unterminated quoted name in ${quoteSnippet(header)}`, index);
    const a = unquote(header.slice(0, end + 1), fail, index);
    const rest = header.slice(end + 2);
    const b = rest.startsWith('"') ? unquote(rest, fail, index) : rest;
    return [stripPrefix(a, 'a/'), stripPrefix(b, 'b/')];
  }
  // Unquoted: for a change without rename both names are equal, so the split is the middle.
  const half = (header.length - 1) / 2;
  if (Number.isInteger(half) && header[half] === ' ') {
    const a = header.slice(0, half);
    const b = header.slice(half + 1);
    if (stripPrefix(a, 'a/') === stripPrefix(b, 'b/')) return [stripPrefix(a, 'a/'), stripPrefix(b, 'b/')];
  }
  const sep = header.indexOf(' b/');
  if (sep < 0) fail(`cannot read the file names in "diff --git ${header}"`, index);
  const b = header.slice(sep + 1);
  return [stripPrefix(header.slice(0, sep), 'a/'), stripPrefix(b.startsWith('"') ? unquote(b, fail, index) : b, 'b/')];
}

function stripPrefix(name: string, prefix: string): string {
  return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}

function quotedEnd(s: string): number {
  for (let i = 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return -1;
}

const C_ESCAPES: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };

/** Undo git's C-style quoting of unusual path names (octal escapes are UTF-8 bytes). */
function unquote(s: string, fail: Fail, index: number): string {
  if (!s.startsWith('"')) return s;
  const end = quotedEnd(s);
  if (end < 0) fail(`unterminated quoted name ${quoteSnippet(s)}`, index);
  const bytes: number[] = [];
  for (let i = 1; i < end; i++) {
    const c = s[i];
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'));
      continue;
    }
    const e = s[++i];
    if (e in C_ESCAPES) bytes.push(C_ESCAPES[e]);
    else if (/[0-7]/.test(e) && /^[0-7]{3}$/.test(s.slice(i, i + 3))) {
      bytes.push(parseInt(s.slice(i, i + 3), 8) & 0xff);
      i += 2;
    } else fail(`bad escape "\\${e}" in quoted name ${quoteSnippet(s)}`, index);
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function quoteSnippet(line: string | undefined): string {
  if (line === undefined) return 'the end of the input';
  return JSON.stringify(line.length > 60 ? line.slice(0, 60) + '…' : line);
}
