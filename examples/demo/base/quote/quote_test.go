package quote

import (
	"strings"
	"testing"
)

var sink string

func TestQuote(t *testing.T) {
	s := "a \"b\"\n\tc\\"
	if got := Unquote([]byte(Quote(s))); got != s {
		t.Fatalf("round trip: %q", got)
	}
}

func BenchmarkQuote(b *testing.B) {
	s := strings.Repeat("plain text with \"quotes\" and\ttabs\n", 40)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = Quote(s)
	}
}

func BenchmarkUnquote(b *testing.B) {
	lit := []byte(Quote(strings.Repeat("escaped \"text\"\n", 40)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		sink = Unquote(lit)
	}
}
