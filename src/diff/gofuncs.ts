/**
 * Top-level Go function declarations and their line ranges, named as pprof names them. Pure.
 *
 * This is a hand-written, lexer-level scanner rather than a Go parser: no well-kept Go parser
 * exists for JavaScript, and we need much less than a parse. We only have to (1) skip comments,
 * strings, raw strings and runes so that braces inside them do not count, (2) match brackets,
 * and (3) recognise `func` at the start of a top-level declaration. Closures are just nested
 * braces of their enclosing function, which is what attribution wants.
 *
 * Ranges run from the `func` keyword's line (Function.start_line in profiles) to the closing
 * brace. `//line` directives, which move positions in profiles of generated code, are ignored.
 */
import { BenchgateError } from '../errors.js';

export interface GoFunc {
  /**
   * The name as pprof shows it, generic type arguments written `[...]` (profiles carry shape
   * types such as `(*Set[go.shape.int]).Add`; see normalizeFunctionName). `init` functions are
   * named `pkg.init` here though profiles number them (`pkg.init.0`): match those by line.
   */
  name: string;
  /** Line of the `func` keyword, 1-based. */
  startLine: number;
  /** Line of the closing brace (of the signature, for a declaration without body). */
  endLine: number;
  /** For methods: the receiver's base type name and whether it is a pointer. */
  receiver?: { type: string; pointer: boolean };
  /** Declared without a body (implemented in assembly or linked by name). */
  bodyless?: boolean;
}

export interface GoSource {
  /** From the package clause. */
  packageName: string;
  functions: GoFunc[];
}

type TokKind = 'ident' | 'lit' | 'op';

interface Tok {
  kind: TokKind;
  text: string;
  line: number;
  offset: number;
  /** A newline (or a comment spanning lines) precedes this token. */
  nl: boolean;
  /** For an opening bracket: index of its closing token. */
  close?: number;
}

const KEYWORDS_WITHOUT_SEMICOLON = new Set([
  'chan', 'const', 'default', 'defer', 'else', 'for', 'func', 'go', 'goto', 'if', 'import',
  'interface', 'map', 'package', 'range', 'select', 'struct', 'switch', 'type', 'var', 'case',
]);
const IDENT = /[\p{L}_][\p{L}\p{N}_]*/uy;
const NUMBER = /[0-9.][0-9a-zA-Z_.]*(?:[eEpP][+-][0-9a-zA-Z_.]*)*/y;
const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSERS = new Set([')', ']', '}']);

/**
 * Scan one Go source file.
 * @param file names the file in errors.
 * @param importPath the package's import path (see symbolPrefix for `main` and `_test`).
 * @throws BenchgateError code `go-source` for unterminated comments/strings and unbalanced brackets.
 */
export function scanGoSource(source: string, file: string, importPath: string): GoSource {
  const toks = tokenize(source, file);
  const fail = (message: string, tok: Tok | undefined): never => {
    const at = tok ?? toks[toks.length - 1];
    throw new BenchgateError(message, 'go-source', at ? { file, line: at.line, offset: at.offset } : { file, line: 1 });
  };
  if (toks[0]?.text !== 'package' || toks[1]?.kind !== 'ident') fail('not a Go file: no package clause', toks[0]);
  const packageName = toks[1].text;
  const prefix = symbolPrefix(importPath, packageName);

  const functions: GoFunc[] = [];
  let prev: Tok | undefined;
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind === 'ident' && t.text === 'func' && startsDeclaration(prev, t)) {
      const decl = readFuncDecl(toks, i, prefix);
      if (decl) {
        functions.push(decl.func);
        prev = toks[decl.next - 1];
        i = decl.next;
        continue;
      }
    }
    // Everything at top level that is not a function is skipped a bracket group at a time.
    prev = t.close !== undefined ? toks[t.close] : t;
    i = t.close !== undefined ? t.close + 1 : i + 1;
  }
  return { packageName, functions };
}

/** One import spec: `[name] "path"`, with its source span (for a single-spec `import` without parentheses, the whole declaration). */
export interface GoImport {
  /** The explicit name (`_`, `.`, or an alias), or null for the path's own package name. */
  name: string | null;
  path: string;
  /** Source offsets of the spec (end exclusive). */
  start: number;
  end: number;
}

export interface GoImports {
  imports: GoImport[];
  /** Offset just past the last import declaration (or the package clause when there is none). */
  insertAt: number;
  /** Identifiers used as `X.` outside the import declarations (qualifiers; locals can shadow them). */
  qualifiers: Set<string>;
}

/**
 * The import declarations of a Go file and the identifiers it uses as qualifiers: what reverting a
 * function needs to keep the file compiling when the function used a package nothing else does.
 * @throws BenchgateError code `go-source` as scanGoSource.
 */
export function scanImports(source: string, file: string): GoImports {
  const toks = tokenize(source, file);
  const litEnd = (t: Tok): number => {
    const q = source[t.offset];
    let i = t.offset + 1;
    while (i < source.length && source[i] !== q) i += source[i] === '\\' && q === '"' ? 2 : 1;
    return i + 1;
  };
  const pathOf = (t: Tok): string => source.slice(t.offset + 1, litEnd(t) - 1);
  const imports: GoImport[] = [];
  let i = 2; // past `package name`
  let insertAt = toks[1] ? toks[1].offset + toks[1].text.length : 0;
  while (toks[i]?.kind === 'op' && toks[i].text === ';') i++;
  while (toks[i]?.kind === 'ident' && toks[i].text === 'import') {
    const kw = toks[i];
    const open = toks[i + 1];
    if (open?.text === '(' && open.close !== undefined) {
      for (let j = i + 2; j < open.close; j++) {
        const t = toks[j];
        if (t.kind === 'lit') {
          const named = toks[j - 1].kind === 'ident' || (toks[j - 1].text === '.' && j - 1 > i + 1);
          const first = named ? toks[j - 1] : t;
          imports.push({ name: named ? toks[j - 1].text : null, path: pathOf(t), start: first.offset, end: litEnd(t) });
        }
      }
      insertAt = toks[open.close].offset + 1;
      i = open.close + 1;
    } else {
      const named = open && open.kind !== 'lit';
      const lit = named ? toks[i + 2] : open;
      if (lit?.kind !== 'lit') break;
      imports.push({ name: named ? open.text : null, path: pathOf(lit), start: kw.offset, end: litEnd(lit) });
      insertAt = litEnd(lit);
      i += named ? 3 : 2;
    }
    while (toks[i]?.kind === 'op' && toks[i].text === ';') i++;
  }
  const qualifiers = new Set<string>();
  for (let j = i; j < toks.length - 2; j++) {
    const t = toks[j];
    if (t.kind === 'ident' && toks[j + 1].text === '.' && toks[j + 2].kind === 'ident' && toks[j - 1]?.text !== '.') qualifiers.add(t.text);
  }
  return { imports, insertAt, qualifiers };
}

/**
 * The name an import binds in the file: its explicit name, else the path's last element when that
 * is a Go identifier (a trailing `/vN` major version skipped). Null when it cannot be known without
 * reading the package (e.g. `gopkg.in/yaml.v3`, `github.com/x/go-y`): callers then leave it alone.
 */
export function importedName(imp: GoImport): string | null {
  if (imp.name !== null) return imp.name;
  const parts = imp.path.split('/');
  let last = parts.pop() ?? '';
  if (/^v[0-9]+$/.test(last) && parts.length > 1) last = parts.pop() ?? '';
  return /^[\p{L}_][\p{L}\p{N}_]*$/u.test(last) ? last : null;
}

/**
 * Go's rule for the linker symbol prefix: `main` for commands, `<path>_test` for external test
 * packages, and the import path with `.` in its last element (and unusual bytes) %-escaped,
 * as in `gopkg.in/yaml%2ev3.Unmarshal`.
 */
export function symbolPrefix(importPath: string, packageName: string): string {
  if (packageName === 'main') return 'main';
  const path = packageName.endsWith('_test') && !importPath.endsWith('_test') ? importPath + '_test' : importPath;
  const slash = path.lastIndexOf('/');
  let out = '';
  for (let i = 0; i < path.length; i++) {
    const c = path.charCodeAt(i);
    const escape = c <= 0x20 || c === 0x25 || c === 0x22 || c >= 0x7f || (c === 0x2e && i > slash);
    out += escape ? '%' + c.toString(16).padStart(2, '0') : path[i];
  }
  return out;
}

/**
 * Write every generic instantiation as `[...]` so names from source and from profiles compare:
 * `p.(*Set[go.shape.int]).Add` → `p.(*Set[...]).Add`, `p.Map[go.shape.int,go.shape.string]` →
 * `p.Map[...]`.
 */
export function normalizeFunctionName(name: string): string {
  let out = '';
  let depth = 0;
  for (const c of name) {
    if (c === '[') {
      if (depth === 0) out += '[...]';
      depth++;
    } else if (c === ']' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

/**
 * The declared function a closure or wrapper belongs to: drops `.func1`, `.func1.2`, `-range1`,
 * `.gowrap1`, `.deferwrap1` and `init`'s number (`pkg.init.0.func1` → `pkg.init`). Names of
 * closures change between Go versions (nesting became `F.func1.1` in 1.21), so this is only a
 * fallback to matching by file and line.
 */
export function enclosingFunctionName(name: string): string {
  let n = normalizeFunctionName(name);
  for (;;) {
    const m = /(?:\.func\d+|\.gowrap\d+|\.deferwrap\d+|-range\d+|\.\d+)$/.exec(n);
    // Keep at least `pkg.F`: the part after the last slash must still hold a dot.
    if (!m || !n.slice(n.lastIndexOf('/') + 1, m.index).includes('.')) break;
    n = n.slice(0, m.index);
  }
  return n;
}

function startsDeclaration(prev: Tok | undefined, t: Tok): boolean {
  if (!prev || prev.text === ';') return true;
  return t.nl && insertsSemicolon(prev);
}

/** Go's automatic semicolon rule: a line ending in one of these ends a statement. */
function insertsSemicolon(t: Tok): boolean {
  if (t.kind === 'lit') return true;
  if (t.kind === 'ident') return !KEYWORDS_WITHOUT_SEMICOLON.has(t.text);
  return CLOSERS.has(t.text);
}

function readFuncDecl(toks: Tok[], at: number, prefix: string): { func: GoFunc; next: number } | undefined {
  const funcTok = toks[at];
  let i = at + 1;
  let receiver: GoFunc['receiver'];
  let genericReceiver = false;
  if (toks[i]?.text === '(') {
    const r = readReceiver(toks, i + 1, toks[i].close!);
    if (!r) return undefined;
    receiver = { type: r.type, pointer: r.pointer };
    genericReceiver = r.generic;
    i = toks[i].close! + 1;
  }
  const nameTok = toks[i];
  if (nameTok?.kind !== 'ident') return undefined; // `func(...)` at top level: not a declaration
  i++;
  let typeParams = false;
  if (toks[i]?.text === '[') {
    typeParams = true;
    i = toks[i].close! + 1;
  }
  if (toks[i]?.text !== '(') return undefined;
  let lastSignatureTok = toks[toks[i].close!];
  i = toks[i].close! + 1;

  // Results: anything up to the body's `{`. A `{` right after `struct`/`interface` belongs to a
  // type; a newline that would insert a semicolon (or EOF) means there is no body.
  for (;;) {
    const t = toks[i];
    if (!t || t.text === ';' || (t.nl && insertsSemicolon(lastSignatureTok))) {
      return { func: named(undefined), next: i };
    }
    if (t.text === '{' && !(lastSignatureTok.kind === 'ident' && (lastSignatureTok.text === 'struct' || lastSignatureTok.text === 'interface'))) {
      const close = toks[t.close!];
      return { func: named(close.line), next: t.close! + 1 };
    }
    lastSignatureTok = t.close !== undefined ? toks[t.close] : t;
    i = t.close !== undefined ? t.close + 1 : i + 1;
  }

  function named(bodyEndLine: number | undefined): GoFunc {
    let name: string;
    if (!receiver) name = `${prefix}.${nameTok.text}${typeParams ? '[...]' : ''}`;
    else {
      const type = receiver.type + (genericReceiver ? '[...]' : '');
      name = receiver.pointer ? `${prefix}.(*${type}).${nameTok.text}` : `${prefix}.${type}.${nameTok.text}`;
    }
    const f: GoFunc = { name, startLine: funcTok.line, endLine: bodyEndLine ?? lastSignatureTok.line };
    if (bodyEndLine === undefined) f.bodyless = true;
    if (receiver) f.receiver = receiver;
    return f;
  }
}

/** `(s *Set[K, V])`, `(T)`, `(t *T)`: the base type name, pointer-ness and generic-ness. */
function readReceiver(toks: Tok[], from: number, to: number): { type: string; pointer: boolean; generic: boolean } | undefined {
  let pointer = false;
  let generic = false;
  let type: string | undefined;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.text === '[') {
      generic = true;
      i = t.close!;
    } else if (t.text === '*') pointer = true;
    else if (t.kind === 'ident') type = t.text;
  }
  return type === undefined ? undefined : { type, pointer, generic };
}

/** Split into tokens, skipping comments and whitespace; match brackets. */
function tokenize(src: string, file: string): Tok[] {
  const toks: Tok[] = [];
  const open: number[] = [];
  let line = 1;
  let nl = false;
  let i = src.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (message: string, atLine: number, offset: number): never => {
    throw new BenchgateError(message, 'go-source', { file, line: atLine, offset });
  };
  const push = (kind: TokKind, text: string, tokLine: number, offset: number): Tok => {
    const t: Tok = { kind, text, line: tokLine, offset, nl };
    toks.push(t);
    nl = false;
    return t;
  };

  while (i < src.length) {
    const c = src[i];
    if (c === '\n') {
      line++, i++;
      nl = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    if (c === '/' && src[i + 1] === '/') {
      const end = src.indexOf('\n', i);
      i = end < 0 ? src.length : end;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) fail('unterminated /* comment', startLine, start);
      line += countNewlines(src, i, end);
      if (line !== startLine) nl = true;
      i = end + 2;
      continue;
    }
    if (c === '`') {
      const end = src.indexOf('`', i + 1);
      if (end < 0) fail('unterminated raw string (missing closing backquote)', startLine, start);
      line += countNewlines(src, i, end);
      i = end + 1;
      push('lit', '`', startLine, start);
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      for (;;) {
        if (i >= src.length || src[i] === '\n') {
          fail(c === '"' ? 'unterminated string literal' : 'unterminated rune literal', startLine, start);
        }
        if (src[i] === '\\' && src[i + 1] !== '\n') i += 2;
        else if (src[i] === c) break;
        else i++;
      }
      i++;
      push('lit', c, startLine, start);
      continue;
    }
    IDENT.lastIndex = i;
    const id = IDENT.exec(src);
    if (id) {
      i += id[0].length;
      push('ident', id[0], startLine, start);
      continue;
    }
    if (c >= '0' && c <= '9') {
      NUMBER.lastIndex = i;
      i += NUMBER.exec(src)![0].length;
      push('lit', '0', startLine, start);
      continue;
    }
    const t = push('op', c, startLine, start);
    if (c in OPEN) open.push(toks.length - 1);
    else if (CLOSERS.has(c)) {
      const o = open.pop();
      if (o === undefined) fail(`unbalanced "${c}": nothing to close`, startLine, start);
      const opener = toks[o!];
      if (OPEN[opener.text] !== c) {
        fail(`"${c}" closes "${opener.text}" opened at line ${opener.line}`, startLine, start);
      }
      opener.close = toks.length - 1;
      void t;
    }
    // Surrogate pairs of non-letter symbols are skipped whole.
    i += c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff ? 2 : 1;
  }
  if (open.length > 0) {
    const o = toks[open[open.length - 1]];
    fail(`unbalanced "${o.text}": not closed before the end of the file`, o.line, o.offset);
  }
  return toks;
}

function countNewlines(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i >= 0 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
