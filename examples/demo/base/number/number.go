// Package number scans JSON-like numbers. It lives apart from jsonish so that its benchmark runs
// in a test binary of its own: a change elsewhere cannot move its code (and its speed) around.
package number

// Scan returns the index just past the number starting at src[i].
func Scan(src []byte, i int) int {
	for i < len(src) {
		switch c := src[i]; {
		case c >= '0' && c <= '9', c == '-', c == '+', c == '.', c == 'e', c == 'E':
			i++
		default:
			return i
		}
	}
	return i
}
