// Package quote reads and writes string literals. Its own package, so that its benchmarks run in
// a test binary that no change to the tokenizer can rearrange.
package quote

import "strings"

// Unquote returns the content of a string literal (with its quotes), resolving simple escapes.
func Unquote(lit []byte) string {
	body := lit[1 : len(lit)-1]
	if !strings.ContainsRune(string(body), '\\') {
		return string(body)
	}
	var b strings.Builder
	for i := 0; i < len(body); i++ {
		c := body[i]
		if c == '\\' && i+1 < len(body) {
			i++
			switch body[i] {
			case 'n':
				c = '\n'
			case 't':
				c = '\t'
			default:
				c = body[i]
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Quote returns s as a string literal, escaping quotes, backslashes and control characters.
func Quote(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}
