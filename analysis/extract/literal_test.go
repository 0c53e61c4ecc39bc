package extract

import "testing"

// TestEncodeBackslash: only the quote characters of the opening delimiter
// are escaped, never its prefix letters (Rust b"...", C# $"...").
func TestEncodeBackslash(t *testing.T) {
	tests := []struct {
		quote, in, want string
	}{
		{`"`, `read "b"`, `read \"b\"`},
		{`b"`, "bob", "bob"},
		{`$"`, "a$b", "a$b"},
		{`'`, "it's", `it\'s`},
		{"`", "a`b", "a\\`b"},
		{`"`, `a\b`, `a\\b`},
		{`"`, "a\nb", `a\nb`},
	}
	for _, tc := range tests {
		l := &Literal{Quote: tc.quote, Escape: EscapeBackslash}
		got, ok := l.Encode(tc.in)
		if !ok || got != tc.want {
			t.Errorf("Encode(%q) with quote %q = %q, %v; want %q", tc.in, tc.quote, got, ok, tc.want)
		}
	}
}
