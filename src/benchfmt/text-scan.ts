/**
 * Field splitting with Go's notion of white space (unicode.IsSpace), which benchfmt uses.
 * JavaScript's `\s` differs: it includes U+FEFF and lacks U+0085.
 */

/** unicode.IsSpace for one UTF-16 unit (no astral code point is a space). */
export function isGoSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** The characters of isGoSpace, for regular expressions. */
export const GO_SPACE_CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';

/**
 * A cursor over one line that hands out fields like benchfmt's splitField: a field runs up to the
 * next space (it is empty if the cursor is on a space), and the spaces after it are consumed.
 */
export class FieldCursor {
  private line = '';
  private pos = 0;

  constructor(line = '', start = 0) {
    this.reset(line, start);
  }

  /** Reuse the cursor for another line (one cursor per reader, not one per line). */
  reset(line: string, start = 0): this {
    this.line = line;
    this.pos = start;
    return this;
  }

  get done(): boolean {
    return this.pos >= this.line.length;
  }

  next(): string {
    const s = this.line;
    const start = this.pos;
    let i = start;
    while (i < s.length && !isGoSpace(s.charCodeAt(i))) i++;
    const field = s.slice(start, i);
    if (i < s.length) i++;
    while (i < s.length && isGoSpace(s.charCodeAt(i))) i++;
    this.pos = i;
    return field;
  }
}
