/**
 * The one regexp escaper (src/regexp.ts): a literal matches only itself in JavaScript's RegExp and
 * in Go's RE2, where it must equal regexp.QuoteMeta (checked with the real Go toolchain); and the
 * package paths in pprof frame patterns (split.ts) are literals through it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchmarkFramePattern } from '../src/pprof/split.js';
import { quoteMeta } from '../src/regexp.js';

const LITERALS = ['example.com/m/calc', 'Parse/a+b', 'x*y?z', '(a|b)', '[0-9]{3}', '^$', 'back\\slash', 'Sum-2', 'plain', ''];

test('in JavaScript, a quoted literal matches itself and nothing else', () => {
  for (const s of LITERALS) {
    const re = new RegExp(`^${quoteMeta(s)}$`, 'u');
    expect(re.test(s)).toBe(true);
    if (s) expect(re.test(`${s}x`)).toBe(false);
  }
  expect(new RegExp(`^${quoteMeta('a.c')}$`).test('abc')).toBe(false);
});

test("the same as Go's regexp.QuoteMeta, for the patterns handed to go test -bench", () => {
  const dir = mkdtempSync(join(tmpdir(), 'benchgate-quotemeta-'));
  try {
    writeFileSync(
      join(dir, 'main.go'),
      'package main\n\nimport (\n\t"bufio"\n\t"fmt"\n\t"os"\n\t"regexp"\n)\n\n' +
        'func main() {\n\ts := bufio.NewScanner(os.Stdin)\n\tfor s.Scan() {\n\t\tfmt.Println(regexp.QuoteMeta(s.Text()))\n\t}\n}\n',
    );
    const go = execFileSync('go', ['run', 'main.go'], { cwd: dir, input: LITERALS.join('\n') + '\n', encoding: 'utf8' });
    expect(go.split('\n').slice(0, LITERALS.length)).toEqual(LITERALS.map(quoteMeta));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

test('a package path with metacharacters is a literal in the benchmark frame pattern', () => {
  const re = benchmarkFramePattern('example.com/a+b');
  expect(re.exec('example.com/a+b.BenchmarkSum.func1')?.slice(1)).toEqual(['Sum', 'func1']);
  expect(re.test('example.com/aab.BenchmarkSum')).toBe(false);
  expect(re.test('exampleXcom/a+b.BenchmarkSum')).toBe(false);
});
