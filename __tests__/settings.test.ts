/** The shared settings parsers: flags and action inputs fail with a usage error, never anything else. */
import fc from 'fast-check';
import { BenchgateError } from '../src/errors.js';
import { parseChoice, parseDuration, parseInteger, parseList, parseNumber, splitWords } from '../src/settings.js';

function usageErrorOf(fn: () => unknown): BenchgateError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BenchgateError);
    expect((e as BenchgateError).code).toBe('usage');
    return e as BenchgateError;
  }
  throw new Error('expected a usage error');
}

describe('splitWords', () => {
  test.each([
    ['', []],
    ['  -race   -v ', ['-race', '-v']],
    [`-tags 'a b' -ldflags="-s -w"`, ['-tags', 'a b', '-ldflags=-s -w']],
    [String.raw`a\ b "c\"d" 'e\f'`, ['a b', 'c"d', String.raw`e\f`]],
    ['$HOME `x` *.go ; rm', ['$HOME', '`x`', '*.go', ';', 'rm']],
    [`''`, ['']],
  ])('%j → %j', (text, words) => {
    expect(splitWords('--go-test-flags', text)).toEqual(words);
  });

  test('an unterminated quote is a usage error naming the flag', () => {
    expect(usageErrorOf(() => splitWords('--go-test-flags', `-tags "a b`)).message).toContain('--go-test-flags');
  });

  test('never throws anything but a usage error', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\n', '"', "'", '\\', '$', '-', '=') }), (text) => {
        try {
          const words = splitWords('--x', text);
          expect(Array.isArray(words)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(BenchgateError);
          expect((e as BenchgateError).code).toBe('usage');
        }
      }),
      { numRuns: 2000 },
    );
  });

  test('words without quotes, backslashes or blanks come back unchanged', () => {
    const word = fc.string({ minLength: 1, unit: fc.constantFrom('a', 'Z', '-', '=', '.', '/', '$', '*') });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        expect(splitWords('--x', words.join(' '))).toEqual(words);
      }),
    );
  });
});

describe('parseDuration', () => {
  test.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
  ])('%s → %d ms', (text, ms) => {
    expect(parseDuration('--timeout', text)).toBe(ms);
  });

  test.each(['', '5', '5x', 'm', '10 m', '-1s', '1s junk'])('%j is a usage error', (text) => {
    expect(usageErrorOf(() => parseDuration('--timeout', text)).message).toContain('--timeout');
  });

  test('any string: a number of milliseconds or a usage error', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(\d{1,3}(ms|s|m|h)){1,3}$/)), (text) => {
        try {
          const ms = parseDuration('--d', text);
          expect(Number.isFinite(ms) && ms >= 0).toBe(true);
        } catch (e) {
          expect((e as BenchgateError).code).toBe('usage');
        }
      }),
    );
  });
});

describe('numbers, choices and lists', () => {
  test('ranges and whole numbers', () => {
    expect(parseNumber('--alpha', '0.01', 1e-9, 0.5)).toBe(0.01);
    expect(usageErrorOf(() => parseNumber('--alpha', '2', 1e-9, 0.5)).message).toBe('--alpha must be a number from 1e-9 to 0.5, got "2"');
    usageErrorOf(() => parseNumber('--alpha', 'NaN', 0, 1));
    usageErrorOf(() => parseNumber('--alpha', ' ', 0, 1));
    expect(parseInteger('--rounds', '5', 1, 10)).toBe(5);
    usageErrorOf(() => parseInteger('--rounds', '2.5', 1, 10));
  });

  test('choices and lists', () => {
    expect(parseChoice('--format', ' json ', ['text', 'json'] as const)).toBe('json');
    usageErrorOf(() => parseChoice('--format', 'xml', ['text', 'json'] as const));
    expect(parseList(' sec/op, B/op\nallocs/op ,')).toEqual(['sec/op', 'B/op', 'allocs/op']);
  });
});
