// Package jsonish is a small JSON-like tokenizer and parser: the benchgate demo's workload.
package jsonish

import (
	"fmt"
	"unicode"
	"unicode/utf8"

	"example.com/demo/number"
)

// Kind is a token kind.
type Kind uint8

const (
	LBrace Kind = iota
	RBrace
	LBracket
	RBracket
	Colon
	Comma
	String
	Number
	Literal
)

// Token is one lexical token: its kind and its bytes in the source.
type Token struct {
	Kind  Kind
	Start int
	End   int
}

// skipWS returns the index of the first non-whitespace character at or after i.
// Any Unicode white space counts, not only the four ASCII ones.
func skipWS(src []byte, i int) int {
	for i < len(src) {
		r, size := utf8.DecodeRune(src[i:])
		if !unicode.IsSpace(r) {
			return i
		}
		i += size
	}
	return i
}

// Tokenize splits src into tokens, appending them to dst.
func Tokenize(dst []Token, src []byte) ([]Token, error) {
	i := skipWS(src, 0)
	for i < len(src) {
		start := i
		var kind Kind
		switch c := src[i]; {
		case c == '{':
			kind, i = LBrace, i+1
		case c == '}':
			kind, i = RBrace, i+1
		case c == '[':
			kind, i = LBracket, i+1
		case c == ']':
			kind, i = RBracket, i+1
		case c == ':':
			kind, i = Colon, i+1
		case c == ',':
			kind, i = Comma, i+1
		case c == '"':
			end, err := scanString(src, i)
			if err != nil {
				return dst, err
			}
			kind, i = String, end
		case c == '-' || (c >= '0' && c <= '9'):
			kind, i = Number, number.Scan(src, i)
		case c >= 'a' && c <= 'z':
			for i < len(src) && src[i] >= 'a' && src[i] <= 'z' {
				i++
			}
			kind = Literal
		default:
			return dst, fmt.Errorf("offset %d: unexpected byte %q", i, c)
		}
		dst = append(dst, Token{kind, start, i})
		i = skipWS(src, i)
	}
	return dst, nil
}

// scanString returns the index just past the string literal starting at src[i] == '"'.
func scanString(src []byte, i int) (int, error) {
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			j++
		case '"':
			return j + 1, nil
		}
	}
	return 0, fmt.Errorf("offset %d: unterminated string", i)
}
