package jsonish

import (
	"bytes"
	"fmt"
	"testing"
)

// document builds a JSON-like document of n records, indented (pretty) or not.
func document(n int, pretty bool) []byte {
	var b bytes.Buffer
	nl, ind := "", ""
	if pretty {
		nl, ind = "\n", "  "
	}
	b.WriteString("[" + nl)
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString("," + nl)
		}
		fmt.Fprintf(&b, `%s{%s%s"id": %d,%s%s"name": "item \"%d\"",%s%s"price": %d.%02d,%s%s"tags": ["a", "b"],%s%s"ok": true%s%s}`,
			ind, nl, ind+ind, i, nl, ind+ind, i, nl, ind+ind, i*7, i%100, nl, ind+ind, nl, ind+ind, nl, ind)
	}
	b.WriteString(nl + "]" + nl)
	return b.Bytes()
}

var (
	compact = document(60, false)
	pretty  = document(60, true)
	sinkT   []Token
	sinkV   Value
)

func TestParse(t *testing.T) {
	for _, doc := range [][]byte{compact, pretty} {
		v, err := Parse(doc)
		if err != nil {
			t.Fatal(err)
		}
		arr := v.([]Value)
		if len(arr) != 60 || arr[3].(map[string]Value)["name"] != `item "3"` {
			t.Fatalf("unexpected value %v", arr[3])
		}
	}
}

func BenchmarkTokenize(b *testing.B) {
	for _, c := range []struct {
		name string
		doc  []byte
	}{{"compact", compact}, {"pretty", pretty}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.doc)))
			buf := make([]Token, 0, 2048)
			for i := 0; i < b.N; i++ {
				sinkT, _ = Tokenize(buf[:0], c.doc)
			}
		})
	}
}

func BenchmarkParse(b *testing.B) {
	b.SetBytes(int64(len(pretty)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sinkV, _ = Parse(pretty)
	}
}
