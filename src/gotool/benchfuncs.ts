/**
 * Which benchmarks a package declares, read from its `_test.go` sources, and which of them a
 * `-bench` pattern selects — so that benchgate runs `go test` only where something will run.
 */

/**
 * Blanks comments and string/rune literals (keeping newlines, so offsets and lines stay put).
 * A declaration inside a comment or a raw string must not count as a benchmark.
 */
export function blankCommentsAndStrings(src: string): string {
  const out: string[] = [];
  const n = src.length;
  let i = 0;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    let end: number;
    if (c === '/' && next === '/') {
      end = src.indexOf('\n', i);
      if (end < 0) end = n;
    } else if (c === '/' && next === '*') {
      end = src.indexOf('*/', i + 2);
      end = end < 0 ? n : end + 2;
    } else if (c === '`') {
      end = src.indexOf('`', i + 1);
      end = end < 0 ? n : end + 1;
    } else if (c === '"' || c === "'") {
      end = i + 1;
      while (end < n && src[end] !== c && src[end] !== '\n') end += src[end] === '\\' ? 2 : 1;
      end = Math.min(n, end + 1);
    } else {
      out.push(c);
      i++;
      continue;
    }
    out.push(blank(src.slice(i, end)));
    i = end;
  }
  return out.join('');
}

/** Names under which the file imports "testing" (usually just `testing`). */
function testingAliases(src: string): Set<string> {
  const aliases = new Set<string>(['testing']);
  for (const m of src.matchAll(/(?:^|[\s(;])([\p{L}_][\p{L}\p{N}_]*)[ \t]+"testing"/gu)) aliases.add(m[1]);
  return aliases;
}

/**
 * The top-level benchmark functions declared in one Go test file: `func BenchmarkXxx(b *testing.B)`
 * where Xxx does not start with a lower-case letter (the rule `go test` applies), in source order.
 */
export function findBenchmarks(src: string): string[] {
  const code = blankCommentsAndStrings(src);
  const aliases = testingAliases(src);
  const names: string[] = [];
  const decl =
    /^func[ \t]+(Benchmark[\p{L}\p{N}_]*)[ \t]*\([ \t]*(?:[\p{L}_][\p{L}\p{N}_]*[ \t]+)?\*[ \t]*([\p{L}_][\p{L}\p{N}_]*)[ \t]*\.[ \t]*B[ \t]*\)/gmu;
  for (const m of code.matchAll(decl)) {
    const [, name, pkg] = m;
    const rest = name.slice('Benchmark'.length);
    if (rest !== '' && /^\p{Ll}/u.test(rest)) continue;
    if (!aliases.has(pkg)) continue;
    names.push(name);
  }
  return names;
}

/**
 * Splits a `-bench` pattern the way package testing does: top-level `|` separates alternatives,
 * and within one alternative `/` separates the pattern for each level of sub-benchmark names.
 * Brackets, parentheses and backslash escapes protect `/` and `|` from splitting.
 */
export function splitBenchPattern(pattern: string): string[][] {
  const alternatives: string[][] = [];
  let levels: string[] = [];
  let s = pattern;
  let brackets = 0;
  let parens = 0;
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '[') brackets++;
    else if (c === ']') brackets = Math.max(0, brackets - 1);
    else if (c === '(' && brackets === 0) parens++;
    else if (c === ')' && brackets === 0) parens--;
    else if (c === '\\') i++;
    else if ((c === '/' || c === '|') && brackets === 0 && parens === 0) {
      levels.push(s.slice(0, i));
      s = s.slice(i + 1);
      i = 0;
      if (c === '|') {
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

/**
 * A predicate on top-level benchmark names (`BenchmarkParse`) for a `-bench` pattern, or null when
 * the pattern uses RE2 syntax JavaScript cannot compile (then every benchmark counts as possibly
 * selected and `go test` does the exact filtering). Only the first level is checked: a package is
 * run when one of its top-level benchmarks may match; sub-benchmark names exist only at run time.
 */
export function topLevelMatcher(pattern: string): ((name: string) => boolean) | null {
  const firsts = splitBenchPattern(pattern).map((levels) => levels[0]);
  const regexps: RegExp[] = [];
  for (const p of firsts) {
    try {
      regexps.push(new RegExp(p, 'u'));
    } catch {
      return null;
    }
  }
  return (name) => regexps.some((re) => re.test(name));
}

/**
 * The `-bench` pattern with `Benchmark` put back where an alternative is anchored at a name
 * without it (`^Parse$`, `^(Parse|Format)$`): package testing matches the function's full name,
 * `BenchmarkParse`, so those select nothing. Null when no alternative reads that way.
 */
export function withBenchmarkPrefix(pattern: string): string | null {
  const alternatives = splitBenchPattern(pattern).map((levels) => levels.join('/'));
  let changed = false;
  const fixed = alternatives.map((alt) => {
    const m = /^\^(\(*(?:\?:)?)([\p{L}\p{N}_]+)/u.exec(alt);
    if (!m) return alt;
    const word = m[2];
    if (word.startsWith('Benchmark') || 'Benchmark'.startsWith(word)) return alt;
    changed = true;
    return `^Benchmark${alt.slice(1)}`;
  });
  return changed ? fixed.join('|') : null;
}
