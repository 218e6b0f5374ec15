import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BenchgateError } from '../src/errors.js';
import { enclosingFunctionName, normalizeFunctionName, scanGoSource, symbolPrefix } from '../src/diff/gofuncs.js';
import { matchProfileFunction } from '../src/diff/match.js';
import { ROOT } from './helpers/tools.js';

const GOSRC = join(ROOT, '__tests__', 'fixtures', 'gosrc');
const SHAPES = join(GOSRC, 'shapes', 'shapes.go');
const PKG = 'example.com/gosrc/shapes';

let work: string;
let oracle: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'benchgate-gofuncs-'));
  oracle = join(work, 'funcranges');
  execFileSync('go', ['build', '-o', oracle, './funcranges'], { cwd: GOSRC });
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** go/ast's view: "recv name start end" per function, per file. */
function oracleRanges(files: string[]): Map<string, string[]> {
  const out = execFileSync(oracle, files, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const byFile = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const line of out.split('\n').filter(Boolean)) {
    const [file, recv, name, start, end] = line.split('\t');
    byFile.get(file === 'ERROR' ? recv : file)!.push(file === 'ERROR' ? `ERROR ${name}` : `${recv} ${name} ${start} ${end}`);
  }
  return byFile;
}

/** Our view in the oracle's terms. */
function ourRanges(source: string, file: string): string[] {
  return scanGoSource(source, file, 'example.com/x/p').functions.map((f) => {
    const recv = f.receiver ? (f.receiver.pointer ? '*' : '') + f.receiver.type + (f.name.includes(`${f.receiver.type}[...]`) ? '[...]' : '') : '';
    const bare = f.name.replace(/\[\.\.\.\]/g, '');
    const name = bare.slice(bare.lastIndexOf('.') + 1);
    return `${recv} ${name} ${f.startLine} ${f.endLine}`;
  });
}

test('the fixture: the same functions and ranges as go/ast', () => {
  const source = readFileSync(SHAPES, 'utf8');
  expect(ourRanges(source, SHAPES)).toEqual(oracleRanges([SHAPES]).get(SHAPES));
  const names = scanGoSource(source, SHAPES, PKG).functions.map((f) => f.name);
  expect(names).toEqual([
    `${PKG}.Plain`,
    `${PKG}.T.Value`,
    `${PKG}.(*T).Pointer`,
    `${PKG}.(*T).WithClosures`,
    `${PKG}.NewSet[...]`,
    `${PKG}.(*Set[...]).Add`,
    `${PKG}.Pair[...].Key`,
    `${PKG}.Map[...]`,
    `${PKG}.Anonymous`,
    `${PKG}.Iface`,
    `${PKG}.Runes`,
    `${PKG}.OneLine`,
  ]);
});

test("names and start lines agree with a real Go profile's frames", () => {
  // An allocation profile at rate 1 records every allocation, so each function that allocates
  // has a frame: deterministic, unlike CPU sampling. Inlining off keeps every frame.
  const mem = join(work, 'mem.out');
  execFileSync(
    'go',
    ['test', './shapes', '-run', '^$', '-bench', '.', '-benchtime=1x', '-memprofilerate=1', `-memprofile=${mem}`, '-gcflags=all=-l', '-o', join(work, 'shapes.test')],
    { cwd: GOSRC },
  );
  const raw = execFileSync('go', ['tool', 'pprof', '-raw', mem], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const frames = new Map<string, { function: string; file: string; startLine: number }>();
  for (const m of raw.matchAll(/^\s+(?:\d+: 0x[0-9a-f]+ M=\d+ )?(\S+) (\S+):\d+:\d+ s=(\d+)\s*$/gm)) {
    if (m[2].endsWith('shapes/shapes.go')) frames.set(m[1], { function: m[1], file: m[2], startLine: Number(m[3]) });
  }
  const funcs = scanGoSource(readFileSync(SHAPES, 'utf8'), SHAPES, PKG).functions;
  const candidates = funcs.map((f) => ({ function: f.name, file: 'shapes/shapes.go', pkgPath: PKG, startLine: f.startLine, endLine: f.endLine }));

  // Go 1.26 names generic instantiations by shape type; closures nest as F.func1.1.
  expect([...frames.keys()]).toEqual(
    expect.arrayContaining([
      `${PKG}.(*Set[go.shape.int]).Add`,
      `${PKG}.Pair[go.shape.int,go.shape.string].Key`,
      `${PKG}.Map[go.shape.int,go.shape.[]uint8]`,
      `${PKG}.(*T).WithClosures.func1.1`,
    ]),
  );
  expect(frames.size).toBeGreaterThanOrEqual(15);
  for (const frame of frames.values()) {
    const declared = enclosingFunctionName(frame.function);
    const byLine = matchProfileFunction(frame, candidates);
    const byName = matchProfileFunction(frame, candidates, { byName: true });
    expect({ frame: frame.function, line: byLine?.function }).toEqual({ frame: frame.function, line: declared });
    expect(byName?.function).toBe(declared);
    if (declared === normalizeFunctionName(frame.function)) {
      expect(byLine!.startLine).toBe(frame.startLine); // Function.start_line is the func keyword's line
    } else {
      expect(frame.startLine).toBeGreaterThan(byLine!.startLine); // a closure starts inside its function
    }
  }
});

test('package clauses decide the symbol prefix', () => {
  const src = (pkg: string) => `package ${pkg}\n\nfunc F() {}\n`;
  expect(scanGoSource(src('p'), 'f.go', 'example.com/m/p').functions[0].name).toBe('example.com/m/p.F');
  expect(scanGoSource(src('main'), 'f.go', 'example.com/m/cmd/x').functions[0].name).toBe('main.F');
  expect(scanGoSource(src('p_test'), 'f_test.go', 'example.com/m/p').functions[0].name).toBe('example.com/m/p_test.F');
  // Checked against a real profile: the last path element's dots are escaped.
  expect(symbolPrefix('gopkg.in/yaml.v3', 'yaml')).toBe('gopkg.in/yaml%2ev3');
  expect(symbolPrefix('example.com/m', 'm')).toBe('example.com/m');
});

test('declarations without a body, one-line bodies, and function literals at top level', () => {
  const src = [
    'package p', // 1
    '', // 2
    'import _ "unsafe"', // 3
    '', // 4
    '//go:linkname nanotime runtime.nanotime', // 5
    'func nanotime() int64', // 6
    'func Add(a, b int) int // implemented in assembly', // 7
    'var f = func() { }', // 8
    'var g = func(', // 9
    ') {', // 10
    '}', // 11
    'func (', // 12
    '\tt *T,', // 13
    ') M() { return }; func N() {}', // 14
    'func init() {}', // 15
  ].join('\n');
  expect(scanGoSource(src, 'p.go', 'm/p').functions).toEqual([
    { name: 'm/p.nanotime', startLine: 6, endLine: 6, bodyless: true },
    { name: 'm/p.Add', startLine: 7, endLine: 7, bodyless: true },
    { name: 'm/p.(*T).M', startLine: 12, endLine: 14, receiver: { type: 'T', pointer: true } },
    { name: 'm/p.N', startLine: 14, endLine: 14 },
    { name: 'm/p.init', startLine: 15, endLine: 15 },
  ]);
});

test('closure and generic names fold to their declared function', () => {
  expect(normalizeFunctionName('p.Map[go.shape.int,go.shape.[]uint8]')).toBe('p.Map[...]');
  expect(enclosingFunctionName('p.(*Set[go.shape.int]).Add.func1.2')).toBe('p.(*Set[...]).Add');
  expect(enclosingFunctionName('p.F-range1.func2')).toBe('p.F');
  expect(enclosingFunctionName('p.init.0.func1')).toBe('p.init');
  expect(enclosingFunctionName('example.com/m/v2.F.gowrap1')).toBe('example.com/m/v2.F');
  expect(enclosingFunctionName('example.com/m/v2.F')).toBe('example.com/m/v2.F');
});

test('a file that does not scan is a go-source error with file and line', () => {
  const cases: [string, number, RegExp][] = [
    ['package p\n\nfunc F() {\n\ts := "abc\n}\n', 4, /unterminated string/],
    ['package p\n\nvar s = `raw\n\nfunc F() {}\n', 3, /raw string/],
    ['package p\n/* open\n\nfunc F() {}\n', 2, /comment/],
    ["package p\nvar r = '\n", 2, /rune/],
    ['package p\n\nfunc F() {\n\tif x {\n}\n', 3, /not closed/],
    ['package p\n\nfunc F() {\n}\n}\n', 5, /nothing to close/],
    ['package p\n\nfunc F() {\n\tg(]\n}\n', 4, /closes/],
    ['// no package\nfunc F() {}\n', 2, /package clause/],
  ];
  for (const [src, line, message] of cases) {
    let err: unknown;
    try {
      scanGoSource(src, 'bad.go', 'm/p');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BenchgateError);
    expect((err as BenchgateError).code).toBe('go-source');
    expect((err as BenchgateError).where).toMatchObject({ file: 'bad.go', line });
    expect((err as BenchgateError).message).toMatch(message);
  }
});

describe('properties', () => {
  test('arbitrary text terminates and throws nothing but a go-source error', () => {
    const piece = fc.constantFrom('package p\n', 'func ', 'F', '(', ')', '[', ']', '{', '}', '"', "'", '`', '//', '/*', '*/', '\n', '\\', ' ', 'struct', '*T', ';');
    const text = fc.oneof(fc.string(), fc.array(piece, { maxLength: 40 }).map((p) => p.join('')));
    fc.assert(
      fc.property(text, (t) => {
        try {
          scanGoSource(t, 'x.go', 'm/p');
        } catch (e) {
          if (!(e instanceof BenchgateError) || e.code !== 'go-source') throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('random Go-like sources give back the ranges they were built from, as go/ast does', () => {
    const sources = fc.sample(goSource(), { numRuns: 80, seed: 42 });
    const files = sources.map((s, i) => {
      const file = join(work, `gen${i}.go`);
      writeFileSync(file, s.text);
      return file;
    });
    expect(sources.reduce((n, s) => n + s.expected.length, 0)).toBeGreaterThan(100);
    const fromGo = oracleRanges(files);
    sources.forEach((s, i) => {
      const ours = scanGoSource(s.text, files[i], 'example.com/x/p').functions;
      expect(ours.map((f) => [f.name, f.startLine, f.endLine])).toEqual(s.expected);
      expect(ourRanges(s.text, files[i])).toEqual(fromGo.get(files[i]));
    });
  });
});

/** Go sources assembled from declarations whose ranges we know, with noise inside and between. */
function goSource(): fc.Arbitrary<{ text: string; expected: [string, number, number][] }> {
  const noise = fc.constantFrom(
    's := "}{ \\" {"',
    "r := '}'",
    "q := '\\''",
    'raw := `\n}}}\n{ "\n`',
    '// } comment {',
    '/* { */',
    '/* multi\n line } */',
    'if true {\n\t_ = 1\n}',
    'f := func() {\n\t_ = "{"\n}\n_ = f',
    '_ = struct{ a int }{1}',
    '_ = map[string]struct{}{"}": {}}',
    'for i := range 3 {\n\t_ = i\n}',
  );
  const between = fc.constantFrom(
    '',
    'type S struct {\n\tA int // }\n}',
    'var (\n\tx = "func F() {"\n\ty = `\nfunc G() {}\n`\n)',
    'var h = func() {\n}',
    '/* func Fake() {\n} */',
    'const c = \'{\'',
    'type G[T any] interface{ M() T }',
  );
  const decl = fc.record({
    recv: fc.constantFrom('', 'value', 'pointer', 'generic'),
    typeParams: fc.boolean(),
    multiline: fc.boolean(),
    result: fc.constantFrom('', ' int', ' (int, error)', ' struct{ a int }', ' interface{ M() }', ' func() int'),
    body: fc.array(noise, { maxLength: 4 }),
    oneLine: fc.boolean(),
    before: between,
  });
  return fc.array(decl, { maxLength: 6 }).map((decls) => {
    const lines: string[] = ['package p', ''];
    const expected: [string, number, number][] = [];
    decls.forEach((d, i) => {
      if (d.before) lines.push(...d.before.split('\n'));
      const name = `F${i}`;
      const recv = { '': '', value: '(t T) ', pointer: '(t *T) ', generic: '(s *Set[K, V]) ' }[d.recv];
      const tp = d.typeParams && d.recv === '' ? '[T any, U comparable]' : '';
      const qual = { '': `example.com/x/p.${name}${tp ? '[...]' : ''}`, value: `example.com/x/p.T.${name}`, pointer: `example.com/x/p.(*T).${name}`, generic: `example.com/x/p.(*Set[...]).${name}` }[d.recv];
      const start = lines.length + 1;
      const params = d.multiline ? '(\n\ta int,\n\tb string,\n)' : '(a int, b string)';
      const needsReturn = d.result !== '';
      const ret = { '': '', ' int': 'return 0', ' (int, error)': 'return 0, nil', ' struct{ a int }': 'return struct{ a int }{}', ' interface{ M() }': 'return nil', ' func() int': 'return nil' }[d.result];
      if (d.oneLine && !d.multiline) {
        lines.push(`func ${recv}${name}${tp}${params}${d.result} { ${needsReturn ? ret : ''} }`);
      } else {
        lines.push(...`func ${recv}${name}${tp}${params}${d.result} {`.split('\n'));
        for (const n of d.body) lines.push(...n.split('\n').map((l) => '\t' + l));
        if (needsReturn) lines.push('\t' + ret);
        lines.push('}');
      }
      expected.push([qual, start, lines.length]);
      lines.push('');
    });
    return { text: lines.join('\n'), expected };
  });
}
