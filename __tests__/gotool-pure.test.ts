/**
 * The runner's pure parts: go list streams, benchmark discovery in Go source, -bench patterns,
 * flags, outcome classification, progress and fingerprint helpers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { BenchgateError } from '../src/errors.js';
import {
  blankCommentsAndStrings,
  findBenchmarks,
  splitBenchPattern,
  topLevelMatcher,
  withBenchmarkPrefix,
} from '../src/gotool/benchfuncs.js';
import { cpuFromBenchOutput, cpuFromCpuInfo, effectiveGomaxprocs, fingerprint, normalizeOs, runnerOs } from '../src/gotool/env.js';
import { environmentNote } from '../src/engine.js';
import { checkExtraFlags, goDurationMs, goTestArgs, splitGoTestFlags, testBinaryArgs } from '../src/gotool/flags.js';
import { parseJsonStream } from '../src/gotool/jsonstream.js';
import { failedBenchmarks, leafPattern, leavesFromListing, listingPatternFor, stripProcs, unfinishedBenchmark } from '../src/gotool/leaves.js';
import { packageSlug } from '../src/gotool/layout.js';
import { classify, trimOutput, type Invocation } from '../src/gotool/outcome.js';
import { formatDuration, formatProgress, StepClock } from '../src/gotool/progress.js';

describe('parseJsonStream', () => {
  test('splits pretty-printed objects that follow each other, braces in strings included', () => {
    const text = '{\n\t"A": "x{}\\"",\n\t"B": [1, {"C": 2}]\n}\n{"D": null}{"E": "]"}\n';
    expect(parseJsonStream(text)).toEqual([{ A: 'x{}"', B: [1, { C: 2 }] }, { D: null }, { E: ']' }]);
    expect(parseJsonStream('  \n')).toEqual([]);
  });

  test('bad input is a BenchgateError with the byte offset of the bad value', () => {
    const bad = (text: string) => {
      try {
        parseJsonStream(text, 'list.json');
      } catch (e) {
        expect(e).toBeInstanceOf(BenchgateError);
        return (e as BenchgateError).where;
      }
      throw new Error('no error');
    };
    expect(bad('{"a":1} x')).toEqual({ file: 'list.json', offset: 8 });
    expect(bad('{"é":1} {"a":')).toEqual({ file: 'list.json', offset: 9 });
    expect(bad('{"a":1,}')).toEqual({ file: 'list.json', offset: 0 });
    expect(bad('[1]')).toEqual({ file: 'list.json', offset: 0 });
  });

  test('property: any sequence of objects, compact or indented, round-trips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.dictionary(fc.string(), fc.jsonValue()), { maxLength: 5 }),
        fc.constantFrom('', '\n', ' \t\r\n'),
        fc.boolean(),
        (objects, sep, pretty) => {
          const text = objects.map((o) => JSON.stringify(o, null, pretty ? '\t' : undefined)).join(sep);
          expect(parseJsonStream(text)).toEqual(objects.map((o) => JSON.parse(JSON.stringify(o))));
        },
      ),
    );
  });

  test('property: arbitrary text either parses or fails with a BenchgateError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ':', ',', '1', 'a', ' ') }), (text) => {
        try {
          parseJsonStream(text);
        } catch (e) {
          expect(e).toBeInstanceOf(BenchgateError);
        }
      }),
    );
  });
});

describe('finding benchmarks in Go source', () => {
  const src = `package p

import (
	tt "testing"
)

// func BenchmarkInComment(b *tt.B) {}
/*
func BenchmarkInBlock(b *tt.B) {}
*/
var s = \`
func BenchmarkInRawString(b *tt.B) {}
\`

func BenchmarkParse(b *tt.B) {}
func BenchmarkÜber(b *tt.B) {}
func Benchmark(b *tt.B) {}
func Benchmark_x(b *tt.B) {}
func Benchmarklower(b *tt.B) {}
func BenchmarkNotB(b *tt.T) {}
func BenchmarkOtherPkg(b *other.B) {}
func (r recv) BenchmarkMethod(b *tt.B) {}
func BenchmarkUnnamed(*tt.B) {}
func  BenchmarkSpaced ( b  * tt.B ) {}
`;

  test('top-level func BenchmarkXxx(*testing.B) only, under any alias of "testing"', () => {
    expect(findBenchmarks(src)).toEqual([
      'BenchmarkParse',
      'BenchmarkÜber',
      'Benchmark',
      'Benchmark_x',
      'BenchmarkUnnamed',
      'BenchmarkSpaced',
    ]);
  });

  test('agrees with go test -list on the same file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'benchgate-list-'));
    try {
      await writeFile(join(dir, 'go.mod'), 'module example.com/p\n\ngo 1.22\n');
      // go test refuses a Benchmark function with the wrong parameter type, so leave those out.
      const compilable = src
        .replace(/^func Benchmark(OtherPkg|NotB).*$/gm, '')
        .replace(/^var s/m, 'type recv struct{}\nvar s');
      await writeFile(join(dir, 'p_test.go'), compilable);
      const listed = execFileSync('go', ['test', '-vet=off', '-list', '^Benchmark', '.'], { cwd: dir, encoding: 'utf8' })
        .split('\n')
        .filter((l) => l.startsWith('Benchmark'));
      expect(findBenchmarks(compilable).sort()).toEqual(listed.sort());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('property: blanking keeps length and every newline', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('/', '*', '"', "'", '`', '\\', '\n', 'a', ' ') }), (text) => {
        const out = blankCommentsAndStrings(text);
        expect(out.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) if (text[i] === '\n') expect(out[i]).toBe('\n');
      }),
    );
  });
});

describe('-bench patterns', () => {
  test('split like package testing: top-level | separates alternatives, / separates levels', () => {
    expect(splitBenchPattern('.')).toEqual([['.']]);
    expect(splitBenchPattern('A/B|C')).toEqual([['A', 'B'], ['C']]);
    expect(splitBenchPattern('(a|b)/c')).toEqual([['(a|b)', 'c']]);
    expect(splitBenchPattern('[/|]x/y')).toEqual([['[/|]x', 'y']]);
    expect(splitBenchPattern('a\\/b|c')).toEqual([['a\\/b'], ['c']]);
  });

  test('top-level matching, and null when JavaScript cannot compile the RE2 pattern', () => {
    const m = topLevelMatcher('Parse/large|^BenchmarkSpin$')!;
    expect(['BenchmarkParse', 'BenchmarkSpin', 'BenchmarkSpinner', 'BenchmarkAlloc'].map(m)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(topLevelMatcher('[[:alpha:]]+')).toBeNull();
  });

  test('withBenchmarkPrefix: an alternative anchored at a name without its prefix gets it back', () => {
    // Package testing matches BenchmarkParse, so ^Parse$ selects nothing (uber-go/zap, a real slip).
    expect(withBenchmarkPrefix('^(AddCallerHook|TakeStacktrace)$')).toBe('^Benchmark(AddCallerHook|TakeStacktrace)$');
    expect(withBenchmarkPrefix('^Parse$/small|^BenchmarkSpin$')).toBe('^BenchmarkParse$/small|^BenchmarkSpin$');
    expect(withBenchmarkPrefix('^(?:Parse)')).toBe('^Benchmark(?:Parse)');
    for (const fine of ['.', 'Parse', '^BenchmarkParse$', '^Bench', '^(BenchmarkA|BenchmarkB)$', '^[A-Z]', 'Parse/^small$']) {
      expect(withBenchmarkPrefix(fine)).toBeNull();
    }
  });
});

describe('leaf benchmarks', () => {
  // Real output of a listing run (pairmod's leaves, -test.benchtime=1x -test.cpu=2).
  const listing = `goos: linux
goarch: amd64
pkg: example.com/pairmod/leaves
cpu: AMD EPYC
BenchmarkTable/small-2         \t       1\t      1397 ns/op
BenchmarkTable/large-2         \t       1\t     15441 ns/op
BenchmarkTable/small#01-2      \t       1\t      2607 ns/op
BenchmarkMeta/a.b(c)|d[1]+$_x-2         \t       1\t       585.1 ns/op
BenchmarkParallel-2                     \t       1\t      7079 ns/op
PASS
`;

  test('a listing run names each leaf once, with its -cpu value and an exact pattern', () => {
    expect(leavesFromListing(listing, 2)).toEqual([
      { name: 'Table/small-2', cpu: 2, pattern: '^BenchmarkTable$/^small$' },
      { name: 'Table/large-2', cpu: 2, pattern: '^BenchmarkTable$/^large$' },
      { name: 'Table/small#01-2', cpu: 2, pattern: '^BenchmarkTable$/^small#01$' },
      { name: 'Meta/a.b(c)|d[1]+$_x-2', cpu: 2, pattern: '^BenchmarkMeta$/^a\\.b\\(c\\)\\|d\\[1\\]\\+\\$_x$' },
      { name: 'Parallel-2', cpu: 2, pattern: '^BenchmarkParallel$' },
    ]);
    // At one proc Go prints no suffix, so a name ending in "-1" keeps it.
    expect(leavesFromListing('BenchmarkSize/n-1 \t 1\t 5 ns/op\n', 1)).toEqual([{ name: 'Size/n-1', cpu: 1, pattern: '^BenchmarkSize$/^n-1$' }]);
  });

  test('patterns: every level anchored and escaped; the suffix of the listing\'s -cpu only', () => {
    expect(leafPattern('Parse/large/fastjson')).toBe('^BenchmarkParse$/^large$/^fastjson$');
    expect(stripProcs('Parse/n-2-2', 2)).toBe('Parse/n-2');
    expect(stripProcs('Parse/n-2', 4)).toBe('Parse/n-2');
    // A suspect's name is read every way it could be meant: `n-2` at one proc, or `n` at two.
    expect(listingPatternFor(['Size/n-2', 'Spin'], [1, 2])).toBe('^BenchmarkSize$/^n-2$|^BenchmarkSize$/^n$|^BenchmarkSpin$');
  });

  test('failed benchmarks: the innermost --- FAIL, and a leaf whose run died before its numbers', () => {
    const fatal = `BenchmarkMixed/good-2         \t      20\t        90.70 ns/op
BenchmarkMixed/bad-2          \t--- FAIL: BenchmarkMixed/bad-2
    failing_test.go:25: planted failure at b.N=20
--- FAIL: BenchmarkMixed
BenchmarkAfter-2              \t      20\t       245.4 ns/op
FAIL
`;
    expect(failedBenchmarks(fatal)).toEqual(['Mixed/bad-2']);
    expect(failedBenchmarks('BenchmarkSubPanic/ok-2 \t 1\t 751.0 ns/op\nBenchmarkSubPanic/bad-2        \t')).toEqual(['SubPanic/bad-2']);
    expect(failedBenchmarks('PASS\n')).toEqual([]);
    expect(unfinishedBenchmark('BenchmarkA-2 \t 1\t 5 ns/op\nBenchmarkPanics-2   \t')).toBe('Panics-2');
    expect(unfinishedBenchmark('BenchmarkA-2 \t 1\t 5 ns/op\nPASS\n')).toBeUndefined();
    // At -cpu 2 the benchmark's goroutine can panic before its name reaches stdout: the trace says.
    const trace = [
      'panic: assignment to entry in nil map',
      '',
      'goroutine 4 [running]:',
      'example.com/pairmod/failing.BenchmarkPanics(0x10603e50c608?)',
      '\t/m/failing/failing_test.go:33 +0x28',
      'testing.(*B).runN(0x10603e50c608, 0x1)',
      '\t/usr/local/go/src/testing/benchmark.go:219 +0x190',
      '',
      'goroutine 1 [chan receive]:',
      'example.com/pairmod/failing.BenchmarkOther(0x1)',
      '',
    ].join('\n');
    expect(unfinishedBenchmark('BenchmarkMixed/good\nBenchmarkMixed/good-2 \t 1\t 5 ns/op\n', trace)).toBe('Panics');
    expect(failedBenchmarks('', trace)).toEqual(['Panics']);
    expect(unfinishedBenchmark('', trace.replace('BenchmarkPanics(', 'BenchmarkTable.func1('))).toBe('Table');
    expect(unfinishedBenchmark('', 'exit status 1\n')).toBeUndefined();
    // Go can print the next benchmark's name before the panic of the one before ends the process
    // (captured at -cpu 2 under load): the trace names the one to skip, not the last name printed.
    const movedOn = 'BenchmarkMixed/bad-2 \t 1\t 381.0 ns/op\nBenchmarkPanics\nBenchmarkPanics-2 \t 1\nBenchmarkAfter\n';
    expect(unfinishedBenchmark(movedOn, trace)).toBe('Panics');
    // A sub-benchmark's panic: the trace names its top level, the output the leaf.
    expect(unfinishedBenchmark('BenchmarkTable\nBenchmarkTable/big\n', trace.replace('BenchmarkPanics(', 'BenchmarkTable.func1('))).toBe('Table/big');
  });

  test('property: a leaf pattern selects its own name at every level and nothing longer', () => {
    const part = fc.string({
      unit: fc.constantFrom('a', 'Z', '.', '*', '(', ')', '[', ']', '|', '$', '^', '\\', '=', '#', '-', '1', '_'),
      minLength: 1,
    });
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), (parts) => {
        const levels = splitBenchPattern(leafPattern(parts.join('/')));
        expect(levels).toHaveLength(1);
        const names = `Benchmark${parts.join('/')}`.split('/');
        expect(levels[0]).toHaveLength(names.length);
        levels[0].forEach((re, j) => {
          expect(new RegExp(re, 'u').test(names[j])).toBe(true);
          expect(new RegExp(re, 'u').test(`${names[j]}#01`)).toBe(false);
        });
      }),
    );
  });
});

describe('flags', () => {
  test('go test arguments: profiles, -outputdir and -o are absolute, pattern last', () => {
    const args = goTestArgs({
      bench: '.',
      count: 3,
      benchtime: '20x',
      timeout: '1m',
      extra: ['-tags=x'],
      cpuProfile: '/o/cpu.pprof',
      memProfile: '/o/mem.pprof',
      outputDir: '/o',
      binary: '/o/pkg.test',
    });
    expect(args.join(' ')).toBe(
      'test -run ^$ -bench . -benchmem -count 3 -benchtime 20x -timeout 1m -tags=x -cpuprofile /o/cpu.pprof -memprofile /o/mem.pprof -outputdir /o -o /o/pkg.test .',
    );
    expect(testBinaryArgs({ bench: 'X', cpu: '1,2', cpuProfile: '/c', memProfile: '/m' })).toEqual([
      '-test.run=^$',
      '-test.bench=X',
      '-test.benchmem',
      '-test.count=1',
      '-test.paniconexit0',
      '-test.cpu=1,2',
      '-test.cpuprofile=/c',
      '-test.memprofile=/m',
    ]);
  });

  test('user flags split into build flags and test-binary flags; reserved ones are refused', () => {
    expect(splitGoTestFlags(['-tags=x', '-v', '-shuffle', 'on', '-gcflags', '-N -l', '--failfast', '-race'])).toEqual({
      build: ['-tags=x', '-gcflags', '-N -l', '-race'],
      test: ['-test.v', '-test.shuffle', 'on', '-test.failfast'],
    });
    for (const bad of [['-cpuprofile=x'], ['-test.count=3'], ['-o', 'x'], ['--json']]) {
      expect(() => checkExtraFlags(bad)).toThrow(BenchgateError);
    }
    expect(() => splitGoTestFlags(['-tags'])).toThrow(/needs a value/);
    expect(() => splitGoTestFlags(['stray'])).toThrow(/unexpected argument/);
  });

  test('Go durations', () => {
    expect(goDurationMs('1m30s')).toBe(90_000);
    expect(goDurationMs('250ms')).toBe(250);
    expect(goDurationMs('1.5h')).toBe(5_400_000);
    expect(goDurationMs('0')).toBe(0);
    for (const bad of ['', '5', 'abc', '1m x', '-1s']) expect(() => goDurationMs(bad)).toThrow(BenchgateError);
  });
});

describe('classifying a go test invocation', () => {
  const inv = (p: Partial<Invocation>): Invocation => ({
    code: 0,
    signal: null,
    stdout: '',
    stderr: '',
    timedOut: false,
    durationMs: 1500,
    ...p,
  });
  const result = 'pkg: p\nBenchmarkX-2   \t      20\t       160.5 ns/op\nPASS\n';

  test('each status', () => {
    expect(classify(inv({ stdout: result }))).toEqual({ status: 'ok' });
    expect(classify(inv({ stdout: 'PASS\nok p 0.1s\n' })).status).toBe('no-benchmarks');
    expect(classify(inv({ code: 1, stdout: 'FAIL\tp [build failed]\n', stderr: '# p\n./a.go:1:1: bad\n' }))).toEqual({
      status: 'build-failed',
      message: '# p\n./a.go:1:1: bad',
    });
    expect(classify(inv({ code: 1, stdout: 'FAIL\tp [setup failed]\n' })).status).toBe('build-failed');
    const failed = classify(inv({ code: 1, stdout: `${result}--- FAIL: BenchmarkY\n    y_test.go:3: nope\nFAIL\n` }));
    expect(failed).toEqual({ status: 'bench-failed', message: 'exit status 1\n--- FAIL: BenchmarkY\n    y_test.go:3: nope\nFAIL' });
    // A failing leaf's --- FAIL follows its name on the same line; the story starts there.
    const leaf = classify(inv({ code: 1, stdout: `BenchmarkM/bad-2 \t--- FAIL: BenchmarkM/bad-2\n    m_test.go:9: planted\n--- FAIL: BenchmarkM\nFAIL\n` }));
    expect(leaf.message).toBe('exit status 1\n--- FAIL: BenchmarkM/bad-2\n    m_test.go:9: planted\n--- FAIL: BenchmarkM\nFAIL');
    expect(classify(inv({ code: null, signal: 'SIGSEGV', stdout: result })).message).toMatch(/^killed by SIGSEGV/);
    expect(classify(inv({ code: 2, stdout: 'panic: test timed out after 1s\n' })).status).toBe('timeout');
    expect(classify(inv({ code: null, signal: 'SIGTERM', timedOut: true, stdout: 'goos: linux\n' }))).toEqual({
      status: 'timeout',
      message: 'killed after 1.5s: over the time limit\ngoos: linux',
    });
  });

  test('long output is cut to a readable message that says how much is left out', () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join('\n');
    const t = trimOutput(text, /^line 50$/m);
    expect(t.split('\n')[0]).toBe('line 50');
    expect(t).toMatch(/line 89\n… \(10 more lines\)$/);
  });
});

describe('progress', () => {
  test('estimates the rest from the mean step so far', () => {
    let now = 1000;
    const clock = new StepClock(4, () => now);
    expect(clock.next()).toEqual({ step: 1, steps: 4, elapsedMs: 0, remainingMs: null });
    now += 10_000;
    expect(clock.next()).toEqual({ step: 2, steps: 4, elapsedMs: 10_000, remainingMs: 30_000 });
    now += 30_000;
    expect(clock.next()).toEqual({ step: 3, steps: 4, elapsedMs: 40_000, remainingMs: 40_000 });
  });

  test('formats', () => {
    expect([0, 1499, 61_000, 3_725_000].map(formatDuration)).toEqual(['0s', '1s', '1m01s', '1h02m']);
    expect(
      formatProgress({
        phase: 'run',
        pkg: 'example.com/x',
        index: 2,
        total: 5,
        round: 3,
        rounds: 6,
        side: 'head',
        step: 1,
        steps: 1,
        elapsedMs: 70_000,
        remainingMs: 125_000,
      }),
    ).toBe('running package 2 of 5 (example.com/x), round 3 of 6, head, 1m10s elapsed, about 2m05s left');
    const e = { pkg: 'example.com/x', index: 1, total: 1, side: 'base' as const, step: 1, steps: 1, elapsedMs: 0, remainingMs: null };
    expect(formatProgress({ ...e, phase: 'list' })).toBe('listing benchmarks of package 1 of 1 (example.com/x), base, 0s elapsed');
    expect(formatProgress({ ...e, phase: 'run', benchmark: 'Table/small#01-2', round: 1, rounds: 2 })).toBe(
      'running package 1 of 1 (example.com/x), round 1 of 2, base, benchmark Table/small#01-2, 0s elapsed',
    );
  });
});

describe('fingerprint', () => {
  test('pieces', () => {
    expect(cpuFromCpuInfo('processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Processor\nflags\t: x\n')).toBe(
      'Intel(R) Xeon(R) Processor',
    );
    expect(cpuFromCpuInfo('processor : 0\nBogoMIPS : 50\n')).toBe('');
    expect(cpuFromBenchOutput('goos: linux\ncpu: Apple M2\n')).toBe('Apple M2');
    expect(effectiveGomaxprocs({ GOMAXPROCS: '3' }, 8)).toBe(3);
    expect(effectiveGomaxprocs({ GOMAXPROCS: 'x' }, 8)).toBe(8);
    expect(effectiveGomaxprocs({ GOMAXPROCS: '0' }, 8)).toBe(8);
    expect(runnerOs({ RUNNER_OS: 'Linux' }, 'linux')).toBe('Linux');
  });

  test('one name per OS, whether the action (RUNNER_OS) or the CLI (process.platform) recorded it', () => {
    expect(runnerOs({}, 'linux')).toBe('Linux');
    expect(runnerOs({}, 'darwin')).toBe('macOS');
    expect(runnerOs({}, 'win32')).toBe('Windows');
    expect(runnerOs({ RUNNER_OS: 'macOS' }, 'darwin')).toBe('macOS');
    expect(runnerOs({ RUNNER_OS: 'Windows' }, 'win32')).toBe('Windows');
    expect(runnerOs({}, 'freebsd')).toBe('freebsd');
    expect(normalizeOs(' LINUX ')).toBe('Linux');
    expect(normalizeOs('FreeBSD')).toBe(normalizeOs('freebsd'));
    expect(normalizeOs(undefined)).toBe('');
  });

  test('the environment note: a CLI baseline compared by the action is the same OS; a real difference is named', () => {
    const action = { goVersion: 'go1.26', goos: 'linux', goarch: 'amd64', cpu: 'Xeon', gomaxprocs: 2, runnerOs: 'Linux' };
    // A baseline recorded by `benchgate baseline` before the name was normalized.
    expect(environmentNote({ ...action, runnerOs: 'linux' }, action)).toBeNull();
    expect(environmentNote({ ...action, runnerOs: runnerOs({}, 'linux') }, action)).toBeNull();
    expect(environmentNote({ ...action, runnerOs: 'darwin' }, action)).toBe(
      'the baseline ran in a different environment (runner OS macOS vs Linux)',
    );
    expect(environmentNote({ ...action, runnerOs: 'linux', gomaxprocs: 4 }, action)).toBe(
      'the baseline ran in a different environment (GOMAXPROCS 4 vs 2)',
    );
  });

  test('measured here agrees with go env', async () => {
    const fp = await fingerprint({ env: { ...process.env, GOMAXPROCS: '7' } });
    expect(fp.goVersion).toBe(execFileSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).trim());
    const goEnv = execFileSync('go', ['env', 'GOOS', 'GOARCH'], { encoding: 'utf8' }).trim().split('\n');
    expect([fp.goos, fp.goarch]).toEqual(goEnv);
    expect(fp.gomaxprocs).toBe(7);
    expect(fp.cpu).not.toBe('');
  });
});

describe('package slugs', () => {
  test('readable and unique where sanitising collides', () => {
    expect(packageSlug('example.com/m/parser')).toMatch(/^example\.com_m_parser-[0-9a-f]{8}$/);
    expect(packageSlug('a/b_c')).not.toBe(packageSlug('a_b/c'));
  });

  test('property: safe file names, distinct for distinct paths', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(packageSlug(a)).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(packageSlug(a)).not.toMatch(/^\./);
        if (a !== b) expect(packageSlug(a)).not.toBe(packageSlug(b));
      }),
    );
  });
});
