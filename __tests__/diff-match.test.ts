import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { changedFunctions, matchProfileFunction, pkgDirIn, sameFile, type ChangedFunction } from '../src/diff/match.js';
import { parseUnifiedDiff } from '../src/diff/unified.js';
import { diffBetween, mergeBaseOf } from '../src/git/history.js';

let repo: string;
let changed: ChangedFunction[];
let warnings: string[];
const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' });
const put = (path: string, text: string) => {
  mkdirSync(join(repo, path, '..'), { recursive: true });
  writeFileSync(join(repo, path), text);
};

const BASE_P = `package p

func A() int {
	x := 1
	x++
	return x
}

func B() int {
	y := 2
	y *= 3
	y--
	return y
}

func Gone() {}

type S struct{}

func (s *S) M() {
	_ = "{"
}
`;

const BASE_Q = `package q

// F's closure is where the work is.
func F() int {
	f := func() int {
		return 1
	}
	return f()
}

func G() int { return 2 }
`;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'benchgate-match-'));
  git('init', '-q', '-b', 'main');
  // The module lives in a subdirectory of the repo.
  put('go/go.mod', 'module example.com/m\n\ngo 1.22\n');
  put('go/p/p.go', BASE_P);
  put('go/q/old.go', BASE_Q);
  put('go/README.md', 'hello\n');
  git('add', '-A');
  git('commit', '-qm', 'base');
  git('checkout', '-qb', 'pr');
  put(
    'go/p/p.go',
    BASE_P.replace('\tx++\n', '\tx += 2\n') // A: a changed line
      .replace('\ty--\n', '') // B: a pure deletion inside
      .replace('func Gone() {}\n\n', '') // Gone: deleted
      + '\nfunc C() {}\n', // C: new
  );
  git('mv', 'go/q/old.go', 'go/q/new.go');
  put('go/q/new.go', BASE_Q.replace('return 1', 'return 10'));
  put('go/README.md', 'hello again\n');
  put('go/broken/b.go', 'package broken\n\nfunc X() {\n');
  git('add', '-A');
  git('commit', '-qm', 'pr');

  const diffs = parseUnifiedDiff(await diffBetween(repo, 'main', 'pr'));
  const base = await mergeBaseOf(repo, 'main', 'pr');
  const result = changedFunctions(
    diffs,
    (path) => (existsSync(join(repo, path)) ? readFileSync(join(repo, path), 'utf8') : undefined),
    'example.com/m',
    pkgDirIn('go'),
    (path) => git('show', `${base}:${path}`),
  );
  changed = result.functions;
  warnings = result.warnings.map((w) => w.message);
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

test('changed functions: edited, lost lines, added, deleted (base side), renamed file', () => {
  const brief = changed.map((c) => `${c.side} ${c.function} ${c.file}:${c.startLine}-${c.endLine}`).sort();
  expect(brief).toEqual([
    'base example.com/m/p.Gone go/p/p.go:16-16',
    'head example.com/m/p.A go/p/p.go:3-7',
    'head example.com/m/p.B go/p/p.go:9-13',
    'head example.com/m/p.C go/p/p.go:21-21',
    'head example.com/m/q.F go/q/new.go:4-9',
  ]);
  expect(changed.find((c) => c.function.endsWith('.A'))!.pkgPath).toBe('example.com/m/p');
});

test('a head file that does not scan becomes a warning, not an exception', () => {
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toMatch(/go\/broken\/b\.go:3.*not closed.*not attributed/);
});

test('pkgDirIn: module-relative package directories; vendor and testdata are not ours', () => {
  const dirOf = pkgDirIn('go');
  expect(dirOf('go/p/p.go')).toBe('p');
  expect(dirOf('go/root.go')).toBe('');
  expect(dirOf('other/x.go')).toBeUndefined();
  expect(dirOf('go/vendor/x/y.go')).toBeUndefined();
  expect(dirOf('go/p/testdata/z.go')).toBeUndefined();
  expect(pkgDirIn()('a/b/c.go')).toBe('a/b');
});

describe('matching profile frames to changed functions', () => {
  const head = () => changed.filter((c) => c.side === 'head');
  const base = () => changed.filter((c) => c.side === 'base');

  test('by file and line: any checkout directory, or -trimpath names', () => {
    expect(sameFile('/home/runner/work/r/r/go/p/p.go', 'go/p/p.go')).toBe(true);
    expect(sameFile('/home/runner/work/r/r/go/xp/p.go', 'go/p/p.go')).toBe(false);
    expect(sameFile('example.com/m/p/p.go', 'go/p/p.go', 'example.com/m/p')).toBe(true);
    expect(sameFile('C:\\w\\r\\go\\p\\p.go', 'go/p/p.go')).toBe(true);

    const a = { function: 'example.com/m/p.A', file: '/tmp/elsewhere/go/p/p.go', startLine: 3 };
    expect(matchProfileFunction(a, head())?.function).toBe('example.com/m/p.A');
    expect(matchProfileFunction({ ...a, file: 'example.com/m/p/p.go' }, head())?.function).toBe('example.com/m/p.A');
    // A closure's start line lies inside F: it belongs to F whatever its name says.
    const closure = { function: 'example.com/m/q.F.func1.1', file: '/x/go/q/new.go', startLine: 5 };
    expect(matchProfileFunction(closure, head())?.function).toBe('example.com/m/q.F');
  });

  test('lines decide when the file is known: an unchanged function in a changed file is not matched by name', () => {
    const m = { function: 'example.com/m/p.(*S).M', file: '/x/go/p/p.go', startLine: 19 };
    expect(matchProfileFunction(m, head())).toBeUndefined();
    const renamedClosure = { function: 'example.com/m/p.A.func9', file: '/x/go/p/p.go', startLine: 19 };
    expect(matchProfileFunction(renamedClosure, head())).toBeUndefined();
  });

  test('by name when the file is not recognised or the line is unknown', () => {
    const unknown = { function: 'example.com/m/q.F.func1', file: '', startLine: 0 };
    expect(matchProfileFunction(unknown, head())?.function).toBe('example.com/m/q.F');
    expect(matchProfileFunction({ function: 'example.com/m/p.B', file: '/x/somewhere/else.go', startLine: 9 }, head())?.function).toBe('example.com/m/p.B');
    expect(matchProfileFunction({ function: 'runtime.mallocgc', file: '/usr/local/go/src/runtime/malloc.go', startLine: 900 }, head())).toBeUndefined();
  });

  test('base-side frames match the functions the PR deleted, in base line numbers', () => {
    const gone = { function: 'example.com/m/p.Gone', file: '/base/go/p/p.go', startLine: 16 };
    expect(matchProfileFunction(gone, base())?.side).toBe('base');
    // Against head ranges only the name may be used: base lines mean nothing there.
    const a = { function: 'example.com/m/p.A', file: '/base/go/p/p.go', startLine: 3 };
    expect(matchProfileFunction(a, head(), { byName: true })?.function).toBe('example.com/m/p.A');
  });
});
