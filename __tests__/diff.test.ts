import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, chmodSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BenchgateError } from '../src/errors.js';
import { mergeRanges, parsePatch, parseUnifiedDiff, type FileDiff, type LineRange } from '../src/diff/unified.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });

const lines = (n: number, tag = 'line') => Array.from({ length: n }, (_, i) => `${tag} ${i + 1}`).join('\n') + '\n';

function expectDiffError(f: () => unknown, line?: number): BenchgateError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(BenchgateError);
    const err = e as BenchgateError;
    expect(err.code).toBe('diff');
    if (line !== undefined) expect(err.where.line).toBe(line);
    return err;
  }
  throw new Error('expected a BenchgateError');
}

describe('real git diff output', () => {
  let repo: string;
  let byPath: Map<string, FileDiff>;
  let withContext: Map<string, FileDiff>;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'benchgate-diff-'));
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'edit.txt'), lines(20));
    writeFileSync(join(repo, 'gone.txt'), lines(3));
    writeFileSync(join(repo, 'moved.txt'), lines(30, 'moved'));
    writeFileSync(join(repo, 'bin.dat'), Buffer.from([0, 1, 2, 3]));
    writeFileSync(join(repo, 'mode.sh'), 'echo hi\n');
    writeFileSync(join(repo, 'tail.txt'), 'a\nb');
    mkdirSync(join(repo, 'dir with space'));
    writeFileSync(join(repo, 'dir with space', 'ünï "q".txt'), lines(4));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'base');

    const edit = lines(20).split('\n');
    edit[1] = 'changed 2'; // line 2 replaced
    edit.splice(9, 2); // lines 10-11 removed
    edit.splice(15, 0, 'new A', 'new B'); // two lines added
    writeFileSync(join(repo, 'edit.txt'), edit.join('\n'));
    unlinkSync(join(repo, 'gone.txt'));
    writeFileSync(join(repo, 'added.txt'), lines(2, 'fresh'));
    git(repo, 'mv', 'moved.txt', 'renamed.txt');
    const moved = lines(30, 'moved').split('\n');
    moved[29] = 'moved 30 changed';
    writeFileSync(join(repo, 'renamed.txt'), moved.join('\n'));
    writeFileSync(join(repo, 'bin.dat'), Buffer.from([0, 9, 9, 3]));
    chmodSync(join(repo, 'mode.sh'), 0o755);
    writeFileSync(join(repo, 'tail.txt'), 'a\nc');
    writeFileSync(join(repo, 'dir with space', 'ünï "q".txt'), lines(4).replace('line 4', 'line four'));
    git(repo, 'add', '-A');
    const diff = (u: string) =>
      git(repo, '-c', 'core.quotePath=true', 'diff', '--cached', '--no-color', u, '-M', '--src-prefix=a/', '--dst-prefix=b/');
    byPath = new Map(parseUnifiedDiff(diff('-U0')).map((f) => [f.newPath ?? f.oldPath!, f]));
    withContext = new Map(parseUnifiedDiff(diff('-U3')).map((f) => [f.newPath ?? f.oldPath!, f]));
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test('a modified file: replaced, removed and added lines, on both sides', () => {
    for (const m of [byPath, withContext]) {
      const f = m.get('edit.txt')!;
      expect(f).toMatchObject({ oldPath: 'edit.txt', newPath: 'edit.txt', status: 'modified', binary: false });
      // New side: line 2 replaced; "new A", "new B" land at 16-17 after the removal of 10-11.
      expect(f.added).toEqual([{ start: 2, end: 2 }, { start: 16, end: 17 }]);
      expect(f.removed).toEqual([{ start: 2, end: 2 }, { start: 10, end: 11 }]);
      // The pure removal of old 10-11 sits between new lines 9 and 10.
      expect(f.deletedAfter).toContain(9);
    }
  });

  test('added, deleted, renamed, binary and mode-only files', () => {
    expect(byPath.get('added.txt')).toMatchObject({ oldPath: null, status: 'added', added: [{ start: 1, end: 2 }], removed: [] });
    expect(byPath.get('gone.txt')).toMatchObject({ newPath: null, status: 'deleted', added: [], removed: [{ start: 1, end: 3 }] });
    expect(byPath.get('gone.txt')!.deletedAfter).toEqual([0]);
    expect(byPath.get('renamed.txt')).toMatchObject({
      oldPath: 'moved.txt',
      status: 'renamed',
      added: [{ start: 30, end: 30 }],
      removed: [{ start: 30, end: 30 }],
    });
    expect(byPath.get('bin.dat')).toMatchObject({ oldPath: 'bin.dat', newPath: 'bin.dat', binary: true, added: [] });
    expect(byPath.get('mode.sh')).toMatchObject({ oldPath: 'mode.sh', status: 'modified', added: [], removed: [] });
  });

  test('"\\ No newline at end of file" and quoted non-ASCII names with spaces and quotes', () => {
    expect(byPath.get('tail.txt')).toMatchObject({ added: [{ start: 2, end: 2 }], removed: [{ start: 2, end: 2 }] });
    const q = byPath.get('dir with space/ünï "q".txt');
    expect(q).toMatchObject({ oldPath: 'dir with space/ünï "q".txt', added: [{ start: 4, end: 4 }] });
  });
});

describe('hand-written inputs', () => {
  test('omitted counts mean 1; zero counts name the line before', () => {
    const [f] = parseUnifiedDiff(
      ['diff --git a/x.go b/x.go', '--- a/x.go', '+++ b/x.go', '@@ -3 +3 @@', '-a', '+b', '@@ -7,0 +8,2 @@', '+c', '+d', '@@ -10,2 +11,0 @@', '-e', '-f', ''].join('\n'),
    );
    expect(f.added).toEqual([{ start: 3, end: 3 }, { start: 8, end: 9 }]);
    expect(f.removed).toEqual([{ start: 3, end: 3 }, { start: 10, end: 11 }]);
    expect(f.deletedAfter).toEqual([2, 11]);
  });

  test('plain diff -u output with timestamps, and CRLF line ends', () => {
    const text = '--- old/a.txt\t2024-01-01 00:00:00\r\n+++ new/a.txt\t2024-01-02 00:00:00\r\n@@ -1,2 +1,2 @@\r\n x\r\n-y\r\n+z\r\n';
    expect(parseUnifiedDiff(text)).toEqual([
      { oldPath: 'old/a.txt', newPath: 'new/a.txt', status: 'modified', binary: false, added: [{ start: 2, end: 2 }], removed: [{ start: 2, end: 2 }], deletedAfter: [1] },
    ]);
  });

  test('a GitHub REST patch: hunks only, the name given separately', () => {
    const patch = '@@ -1,4 +1,5 @@\n package p\n+// doc\n func F() {\n-\treturn\n+\tpanic(1)\n }';
    const f = parsePatch(patch, 'p/f.go');
    expect(f).toMatchObject({ oldPath: 'p/f.go', newPath: 'p/f.go', status: 'modified' });
    expect(f.added).toEqual([{ start: 2, end: 2 }, { start: 4, end: 4 }]);
    expect(f.removed).toEqual([{ start: 3, end: 3 }]);
    expect(parsePatch('@@ -0,0 +1,2 @@\n+a\n+b', 'n.go', { status: 'added' })).toMatchObject({ oldPath: null, added: [{ start: 1, end: 2 }] });
    expect(parsePatch('@@ -1 +1 @@\n-a\n+b', 'new.go', { previousPath: 'old.go' })).toMatchObject({ oldPath: 'old.go', status: 'renamed' });
    expect(parsePatch('', 'big.bin')).toMatchObject({ added: [], removed: [] });
    expect(parseUnifiedDiff('')).toEqual([]);
  });

  test('bad input is a diff error with file and line', () => {
    const e = expectDiffError(() => parseUnifiedDiff('commit abc\nAuthor: x\n', 'pr.diff'), 1);
    expect(e.where.file).toBe('pr.diff');
    expect(e.message).toMatch(/not a unified diff/);
    // Counts promise 2 new lines but the hunk has 1, then a new header.
    expectDiffError(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n-a\n+b\n@@ -5 +6 @@\n-c\n+d\n'), 6);
    // Truncated: the input ends inside the hunk.
    expect(expectDiffError(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1,3 +1,3 @@\n a\n')).message).toMatch(/truncated/);
    // More lines than counted.
    expectDiffError(() => parseUnifiedDiff('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n+c\n'), 6);
    expectDiffError(() => parseUnifiedDiff('diff --git a/x b/x\n--- a/x\n@@ -1 +1 @@\n'), 3);
    expectDiffError(() => parseUnifiedDiff('diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -a +1 @@\n'), 4);
    expect(expectDiffError(() => parseUnifiedDiff('diff --cc x.go\n')).message).toMatch(/merge base/);
    expectDiffError(() => parsePatch('oops\n@@ -1 +1 @@\n-a\n+b', 'p.go'), 1);
  });
});

describe('properties', () => {
  test('arbitrary text terminates and throws nothing but a diff error', () => {
    const fragment = fc.constantFrom(
      'diff --git a/x b/x', '--- a/x', '+++ b/x', '--- /dev/null', '+++ /dev/null', '@@ -1 +1 @@', '@@ -1,2 +1,0 @@',
      '@@ -0,0 +1 @@', '+a', '-b', ' c', '', '\\ No newline at end of file', 'rename from "q\\"', 'Binary files a/x and b/x differ',
      'GIT binary patch', 'new file mode 100644', 'index 1..2', '"', '@@', 'diff --git "a/x',
    );
    const text = fc.oneof(fc.string({ unit: 'grapheme-ascii' }), fc.array(fc.oneof(fragment, fc.string()), { maxLength: 20 }).map((l) => l.join('\n')));
    fc.assert(
      fc.property(text, (t) => {
        for (const f of [() => parseUnifiedDiff(t), () => parsePatch(t, 'p.go')]) {
          try {
            f();
          } catch (e) {
            if (!(e instanceof BenchgateError) || e.code !== 'diff') throw e;
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  /** A file as runs of unchanged lines and changes; the truth is where the changes are. */
  const segments = fc.array(
    fc.record({
      same: fc.array(fc.constantFrom('x', 'y', 'z', '}', ''), { maxLength: 6 }),
      removed: fc.array(fc.constantFrom('x', 'y', 'r'), { maxLength: 3 }),
      added: fc.array(fc.constantFrom('x', 'y', 'a'), { maxLength: 3 }),
    }),
    { maxLength: 8 },
  );

  test('diffs written from random edits parse back to the true changed lines', () => {
    fc.assert(
      fc.property(segments, fc.integer({ min: 0, max: 3 }), fc.boolean(), (segs, context, omitOnes) => {
        const { text, added, removed, deletedAfter } = writeDiff(segs, context, omitOnes);
        const files = parseUnifiedDiff(text);
        if (added.length === 0 && removed.length === 0) return;
        expect(files).toHaveLength(1);
        expect(files[0].added).toEqual(mergeRanges(added));
        expect(files[0].removed).toEqual(mergeRanges(removed));
        expect(files[0].deletedAfter).toEqual(deletedAfter);
      }),
      { numRuns: 1000 },
    );
  });

  test('real git diffs of random edits: the unchanged lines of both sides are the same sequence', () => {
    const dir = mkdtempSync(join(tmpdir(), 'benchgate-diffprop-'));
    try {
      fc.assert(
        fc.property(segments, (segs) => {
          const oldLines = segs.flatMap((s) => [...s.same, ...s.removed]);
          const newLines = segs.flatMap((s) => [...s.same, ...s.added]);
          writeFileSync(join(dir, 'old'), oldLines.map((l) => l + '\n').join(''));
          writeFileSync(join(dir, 'new'), newLines.map((l) => l + '\n').join(''));
          let text = '';
          try {
            execFileSync('git', ['diff', '--no-index', '--no-color', '-U0', 'old', 'new'], { cwd: dir, encoding: 'utf8' });
          } catch (e) {
            text = (e as { stdout: string }).stdout; // exit status 1: the files differ
          }
          const files = parseUnifiedDiff(text);
          const f = files[0] ?? { added: [], removed: [] };
          const keep = (all: string[], ranges: LineRange[]) => all.filter((_, i) => !ranges.some((r) => r.start <= i + 1 && i + 1 <= r.end));
          expect(keep(newLines, f.added)).toEqual(keep(oldLines, f.removed));
        }),
        { numRuns: 25 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * Serialize segments as one file's git-style diff: each change becomes a hunk with up to
 * `context` lines around it; changes whose gap is short share a hunk, as git does.
 */
function writeDiff(
  segs: { same: string[]; removed: string[]; added: string[] }[],
  context: number,
  omitOnes: boolean,
): { text: string; added: LineRange[]; removed: LineRange[]; deletedAfter: number[] } {
  // Flatten into a line-by-line script with positions on both sides.
  type Op = { kind: ' ' | '-' | '+'; text: string; oldNo: number; newNo: number };
  const ops: Op[] = [];
  let o = 1;
  let n = 1;
  const added: LineRange[] = [];
  const removed: LineRange[] = [];
  const deletedAfter: number[] = [];
  for (const s of segs) {
    for (const t of s.same) ops.push({ kind: ' ', text: t, oldNo: o++, newNo: n++ });
    if (s.removed.length > 0 && (deletedAfter.length === 0 || deletedAfter[deletedAfter.length - 1] !== n - 1 || ops[ops.length - 1]?.kind !== '-')) {
      deletedAfter.push(n - 1);
    }
    for (const t of s.removed) {
      removed.push({ start: o, end: o });
      ops.push({ kind: '-', text: t, oldNo: o++, newNo: n });
    }
    for (const t of s.added) {
      added.push({ start: n, end: n });
      ops.push({ kind: '+', text: t, oldNo: o, newNo: n++ });
    }
  }
  // Which ops are shown: changes, and context within `context` lines of one.
  const shown = ops.map((op, i) => op.kind !== ' ' || ops.slice(Math.max(0, i - context), i + context + 1).some((x) => x.kind !== ' '));
  const out = ['diff --git a/f b/f', '--- a/f', '+++ b/f'];
  for (let i = 0; i < ops.length; ) {
    if (!shown[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < ops.length && shown[j]) j++;
    const hunk = ops.slice(i, j);
    const oldCount = hunk.filter((x) => x.kind !== '+').length;
    const newCount = hunk.filter((x) => x.kind !== '-').length;
    const oldStart = oldCount === 0 ? hunk[0].oldNo - 1 : hunk[0].oldNo;
    const newStart = newCount === 0 ? hunk[0].newNo - 1 : hunk[0].newNo;
    const range = (start: number, count: number) => (omitOnes && count === 1 ? `${start}` : `${start},${count}`);
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`);
    for (const x of hunk) out.push(x.kind + x.text);
    i = j;
  }
  // deletedAfter dedups removal runs that continue across segments with nothing between.
  return { text: out.join('\n') + '\n', added, removed, deletedAfter: [...new Set(deletedAfter)] };
}
