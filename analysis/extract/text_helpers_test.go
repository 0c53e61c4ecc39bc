package extract

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// textWant describes one expected literal. Fields left empty are compared
// as empty, except path, where "" means nil and "/" separates elements.
type textWant struct {
	text  string // the source text of Span
	value string
	quote string
	esc   Escape
	key   string
	path  string
	list  int // 0: not in a list; equal non-zero labels share one List id
	url   bool
}

// textLitString renders a literal for failure messages.
func textLitString(src []byte, l Literal) string {
	return fmt.Sprintf("{%d-%d text=%q value=%q quote=%q esc=%d key=%q path=%q list=%d url=%v partial=%v}",
		l.Span.Start, l.Span.End, l.Text(src), l.Value, l.Quote, l.Escape, l.Key, strings.Join(l.Path, "/"), l.List, l.URL, l.Partial)
}

// textCheckLits compares got with want and checks the Literal invariants.
func textCheckLits(t *testing.T, src string, got []Literal, want []textWant) {
	t.Helper()
	textCheckInvariants(t, []byte(src), got)
	if len(got) != len(want) {
		for _, l := range got {
			t.Logf("got %s", textLitString([]byte(src), l))
		}
		t.Fatalf("got %d literals, want %d", len(got), len(want))
	}
	lists := map[int]int{} // want label -> got id
	ids := map[int]int{}   // got id -> want label
	for i, w := range want {
		l := got[i]
		g := textLitString([]byte(src), l)
		if l.Text([]byte(src)) != w.text {
			t.Errorf("literal %d: text %q, want %q (%s)", i, l.Text([]byte(src)), w.text, g)
		}
		if l.Value != w.value {
			t.Errorf("literal %d: value %q, want %q (%s)", i, l.Value, w.value, g)
		}
		if l.Quote != w.quote || l.Escape != w.esc {
			t.Errorf("literal %d: quote %q escape %d, want %q %d (%s)", i, l.Quote, l.Escape, w.quote, w.esc, g)
		}
		if l.Key != w.key {
			t.Errorf("literal %d: key %q, want %q (%s)", i, l.Key, w.key, g)
		}
		if w.path == "" && l.Path != nil || w.path != "" && strings.Join(l.Path, "/") != w.path {
			t.Errorf("literal %d: path %q, want %q (%s)", i, strings.Join(l.Path, "/"), w.path, g)
		}
		if l.URL != w.url {
			t.Errorf("literal %d: URL %v, want %v (%s)", i, l.URL, w.url, g)
		}
		switch {
		case w.list == 0 && l.List != 0:
			t.Errorf("literal %d: List %d, want none (%s)", i, l.List, g)
		case w.list != 0 && l.List == 0:
			t.Errorf("literal %d: no List, want one (%s)", i, g)
		case w.list != 0:
			if id, ok := lists[w.list]; ok && id != l.List {
				t.Errorf("literal %d: List %d, want the List of an earlier literal (%d) (%s)", i, l.List, id, g)
			}
			if lbl, ok := ids[l.List]; ok && lbl != w.list {
				t.Errorf("literal %d: List %d shared with a literal of another list (%s)", i, l.List, g)
			}
			lists[w.list], ids[l.List] = l.List, w.list
		}
	}
}

// textCheckInvariants checks what every extractor promises: spans inside the
// text and in order, Offsets that honour the Literal contract, and decoded
// bytes that come from their source (the same byte, or an escape or folding
// character).
func textCheckInvariants(t testing.TB, src []byte, lits []Literal) {
	t.Helper()
	prev := 0
	for i, l := range lits {
		if l.Span.Start < 0 || l.Span.Start > l.Span.End || l.Span.End > len(src) {
			t.Fatalf("literal %d: span %v outside the text (len %d)", i, l.Span, len(src))
		}
		if l.Span.Start < prev {
			t.Fatalf("literal %d: starts at %d, before the previous one (%d)", i, l.Span.Start, prev)
		}
		prev = l.Span.Start
		if l.Offsets == nil {
			if l.Text(src) != l.Value {
				t.Fatalf("literal %d: no Offsets but value %q differs from source %q", i, l.Value, l.Text(src))
			}
			continue
		}
		if len(l.Offsets) != len(l.Value)+1 || l.Offsets[len(l.Value)] != l.Span.End {
			t.Fatalf("literal %d: %d offsets for %d value bytes, last %d, span end %d",
				i, len(l.Offsets), len(l.Value), l.Offsets[len(l.Offsets)-1], l.Span.End)
		}
		for k := 0; k < len(l.Value); k++ {
			o := l.Offsets[k]
			if o < l.Span.Start || o >= l.Span.End || k > 0 && o < l.Offsets[k-1] {
				t.Fatalf("literal %d: offset %d of value byte %d out of order or outside %v", i, o, k, l.Span)
			}
			v, s := l.Value[k], src[o]
			if v != s && !strings.ContainsRune(`\&%+'`, rune(s)) && !(s == '\r' || s == '\n') {
				t.Fatalf("literal %d: value byte %d %q comes from source byte %q at %d", i, k, v, s, o)
			}
		}
	}
}

// textCheckFuzz runs an extractor on fuzz input and checks the invariants.
func textCheckFuzz(t *testing.T, format Format, data []byte) {
	lits := Extract(format, data)
	textCheckInvariants(t, data, lits)
	for _, l := range lits {
		if l.URL && !utf8.ValidString(l.Key) {
			t.Fatalf("URL literal with key %q", l.Key)
		}
	}
}

// TestDeepNesting checks that values nested deeper than textMaxPath are
// not reported (and that such nesting costs no quadratic memory), while
// values just above the bound are.
func TestDeepNesting(t *testing.T) {
	nest := func(format Format, depth int) []Literal {
		var b strings.Builder
		switch format {
		case FormatJSON:
			b.WriteString(strings.Repeat(`{"a":`, depth) + `"x"` + strings.Repeat("}", depth))
		case FormatYAML:
			b.WriteString(strings.Repeat("{a: ", depth) + "x" + strings.Repeat("}", depth))
		case FormatXML:
			b.WriteString(strings.Repeat("<a>", depth) + "x" + strings.Repeat("</a>", depth))
		}
		return Extract(format, []byte(b.String()))
	}
	for _, format := range []Format{FormatJSON, FormatYAML, FormatXML} {
		if got := nest(format, textMaxPath); len(got) != 1 || len(got[0].Path) != textMaxPath {
			t.Errorf("%s nested %d deep: got %d literals, want one with a full path", format, textMaxPath, len(got))
		}
		if got := nest(format, textMaxPath+1); len(got) != 0 {
			t.Errorf("%s nested %d deep: got %d literals, want none", format, textMaxPath+1, len(got))
		}
	}
	// Very deep nesting must stay cheap.
	for _, format := range []Format{FormatJSON, FormatXML} {
		if got := nest(format, 200000); len(got) != 0 {
			t.Errorf("%s nested 200000 deep: got %d literals", format, len(got))
		}
	}
}
