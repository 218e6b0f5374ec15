package jsonish

import (
	"fmt"
	"strconv"

	"example.com/demo/quote"
)

// Value is a parsed value: map[string]Value, []Value, string, float64, bool or nil.
type Value = any

// Parse parses one JSON-like value from src.
func Parse(src []byte) (Value, error) {
	toks, err := Tokenize(nil, src)
	if err != nil {
		return nil, err
	}
	p := parser{src: src, toks: toks}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if p.pos != len(toks) {
		return nil, fmt.Errorf("token %d: trailing data", p.pos)
	}
	return v, nil
}

type parser struct {
	src  []byte
	toks []Token
	pos  int
}

func (p *parser) next() (Token, error) {
	if p.pos >= len(p.toks) {
		return Token{}, fmt.Errorf("unexpected end of input")
	}
	t := p.toks[p.pos]
	p.pos++
	return t, nil
}

func (p *parser) expect(k Kind) error {
	t, err := p.next()
	if err != nil {
		return err
	}
	if t.Kind != k {
		return fmt.Errorf("offset %d: unexpected token", t.Start)
	}
	return nil
}

func (p *parser) value() (Value, error) {
	t, err := p.next()
	if err != nil {
		return nil, err
	}
	text := p.src[t.Start:t.End]
	switch t.Kind {
	case LBrace:
		return p.object()
	case LBracket:
		return p.array()
	case String:
		return quote.Unquote(text), nil
	case Number:
		return strconv.ParseFloat(string(text), 64)
	case Literal:
		switch string(text) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
	}
	return nil, fmt.Errorf("offset %d: unexpected token %q", t.Start, text)
}

func (p *parser) object() (Value, error) {
	obj := map[string]Value{}
	if p.pos < len(p.toks) && p.toks[p.pos].Kind == RBrace {
		p.pos++
		return obj, nil
	}
	for {
		k, err := p.next()
		if err != nil {
			return nil, err
		}
		if k.Kind != String {
			return nil, fmt.Errorf("offset %d: object key must be a string", k.Start)
		}
		if err := p.expect(Colon); err != nil {
			return nil, err
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		obj[quote.Unquote(p.src[k.Start:k.End])] = v
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.Kind == RBrace {
			return obj, nil
		}
		if t.Kind != Comma {
			return nil, fmt.Errorf("offset %d: expected , or }", t.Start)
		}
	}
}

func (p *parser) array() (Value, error) {
	var arr []Value
	if p.pos < len(p.toks) && p.toks[p.pos].Kind == RBracket {
		p.pos++
		return arr, nil
	}
	for {
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		arr = append(arr, v)
		t, err := p.next()
		if err != nil {
			return nil, err
		}
		if t.Kind == RBracket {
			return arr, nil
		}
		if t.Kind != Comma {
			return nil, fmt.Errorf("offset %d: expected , or ]", t.Start)
		}
	}
}
