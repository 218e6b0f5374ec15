/**
 * The one regexp escaper: a literal string (a package path, a benchmark name) made into a pattern
 * that matches only itself. Go's RE2 (`go test -bench`) and JavaScript's RegExp share these
 * metacharacters, and a backslash before any of them is a literal in both, so one function serves
 * the patterns handed to Go and those matched here (Go's regexp.QuoteMeta escapes the same set).
 */
export function quoteMeta(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}
