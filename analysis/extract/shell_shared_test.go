package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// Helpers shared by the tests of the script and config extractors
// (Python, Ruby, shell, .env, properties, TOML, HCL).

// scWant is one expected literal.
type scWant struct {
	Text    string // the source text of Span
	Val     string // the decoded Value when it differs from Text
	Quote   string
	Esc     Escape
	Key     string
	Path    string // Path joined with "/"; "" for nil
	Call    string
	List    int // list class: literals with the same non-zero class share one id
	Partial bool
}

// scCase is a table-test case: a source and every literal it must yield.
type scCase struct {
	name string
	src  string
	want []scWant
}

// scRun runs the cases through extract and compares every field.
func scRun(t *testing.T, extract func([]byte) []Literal, cases []scCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.src)
			got := extract(src)
			scCheckInvariants(t, src, got)
			scCompare(t, src, got, tc.want)
		})
	}
}

// scCompare checks got against want, field by field.
func scCompare(t *testing.T, src []byte, got []Literal, want []scWant) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("got %d literals, want %d:\n%s", len(got), len(want), scDump(src, got))
		return
	}
	classOf := map[int]int{} // list id -> class
	idOf := map[int]int{}    // class -> list id
	for i, w := range want {
		g := got[i]
		text := string(src[g.Span.Start:g.Span.End])
		val := w.Val
		if val == "" {
			val = w.Text
		}
		path := strings.Join(g.Path, "/")
		if text != w.Text || g.Value != val || g.Quote != w.Quote || g.Escape != w.Esc ||
			g.Key != w.Key || path != w.Path || g.Call != w.Call || g.Partial != w.Partial {
			t.Errorf("literal %d:\n got text=%q value=%q quote=%q esc=%d key=%q path=%q call=%q partial=%v\nwant text=%q value=%q quote=%q esc=%d key=%q path=%q call=%q partial=%v",
				i, text, g.Value, g.Quote, g.Escape, g.Key, path, g.Call, g.Partial,
				w.Text, val, w.Quote, w.Esc, w.Key, w.Path, w.Call, w.Partial)
		}
		switch {
		case w.List == 0 && g.List != 0:
			t.Errorf("literal %d (%q): List = %d, want none", i, text, g.List)
		case w.List != 0 && g.List == 0:
			t.Errorf("literal %d (%q): List = 0, want class %d", i, text, w.List)
		case w.List != 0:
			if c, ok := classOf[g.List]; ok && c != w.List {
				t.Errorf("literal %d (%q): shares list %d with class %d, want class %d", i, text, g.List, c, w.List)
			}
			if id, ok := idOf[w.List]; ok && id != g.List {
				t.Errorf("literal %d (%q): list %d, want the list of class %d (%d)", i, text, g.List, w.List, id)
			}
			classOf[g.List], idOf[w.List] = w.List, g.List
		}
	}
}

// scDump renders literals for failure messages.
func scDump(src []byte, lits []Literal) string {
	var b strings.Builder
	for _, l := range lits {
		fmt.Fprintf(&b, "  text=%q value=%q quote=%q key=%q path=%q call=%q list=%d partial=%v\n",
			src[l.Span.Start:l.Span.End], l.Value, l.Quote, l.Key, strings.Join(l.Path, "/"), l.Call, l.List, l.Partial)
	}
	return b.String()
}

// scCheckInvariants checks what every extractor promises whatever the
// input: spans inside the text and in order, Offsets consistent with
// Value, a Value equal to the source text when Offsets is nil, list ids
// not negative, a Path ending with Key when both are set.
func scCheckInvariants(t testing.TB, src []byte, lits []Literal) {
	t.Helper()
	prev := 0
	for i, l := range lits {
		if l.Span.Start < 0 || l.Span.End > len(src) || l.Span.Start > l.Span.End {
			t.Fatalf("literal %d: span %v outside the text (len %d)", i, l.Span, len(src))
		}
		if l.Span.Start < prev {
			t.Fatalf("literal %d: span %v starts before the previous one (%d)", i, l.Span, prev)
		}
		prev = l.Span.Start
		if q := l.Quote; q != "" {
			// The text around the span is the quoting: the opening
			// delimiter before it (a TOML multi-line string drops the line
			// break after its delimiter), the closing one after it.
			open := q[len(q)-1]
			closeC := rbClosing(open)
			if l.Span.End >= len(src) || src[l.Span.End] != closeC {
				t.Fatalf("literal %d: span %v quoted with %q is not followed by %q", i, l.Span, q, closeC)
			}
			if l.Span.Start == 0 || (src[l.Span.Start-1] != open && !(len(q) == 3 && src[l.Span.Start-1] == '\n')) {
				t.Fatalf("literal %d: span %v quoted with %q does not follow %q", i, l.Span, q, open)
			}
		}
		if l.List < 0 {
			t.Fatalf("literal %d: negative list id %d", i, l.List)
		}
		if l.Offsets == nil {
			if got := string(src[l.Span.Start:l.Span.End]); got != l.Value {
				t.Fatalf("literal %d: no Offsets but Value %q differs from the source %q", i, l.Value, got)
			}
			continue
		}
		if len(l.Offsets) != len(l.Value)+1 {
			t.Fatalf("literal %d: %d offsets for a value of %d bytes", i, len(l.Offsets), len(l.Value))
		}
		if l.Offsets[len(l.Value)] != l.Span.End {
			t.Fatalf("literal %d: last offset %d, want Span.End %d", i, l.Offsets[len(l.Value)], l.Span.End)
		}
		for k, off := range l.Offsets {
			if off < l.Span.Start || off > l.Span.End {
				t.Fatalf("literal %d: offset %d = %d outside span %v", i, k, off, l.Span)
			}
			if k > 0 && off < l.Offsets[k-1] {
				t.Fatalf("literal %d: offsets decrease at %d", i, k)
			}
		}
		if len(l.Path) > 0 && l.Key != "" && l.Path[len(l.Path)-1] != l.Key {
			t.Fatalf("literal %d: Path %q does not end with Key %q", i, l.Path, l.Key)
		}
	}
}

// scSeeds are inputs every fuzz target starts from besides its own
// format's samples: binary junk, lone quotes and brackets, deep nesting.
var scSeeds = []string{
	"",
	"\x00\x01\x02\"\x00'",
	"\xff\xfe\"\xc3\x28\"\n'\xe2\x82'",
	"\"unterminated\n'also\n",
	"\r\n\"a\"\r\n'b'\r\n",
	strings.Repeat("(", 200) + "\"x\"" + strings.Repeat(")", 200),
	strings.Repeat("[{", 150) + "\"x\"",
	strings.Repeat("f\"{", 100),
	strings.Repeat("\"#{", 100),
	strings.Repeat("\"${", 100),
	strings.Repeat("$(", 100) + "'x'",
	"a = \"\\u12\" b = '\\x' c = \"\\",
	"<<EOF\n\"x\"\n",
	"x = <<-EOT\n  a\n  EOT\ny = \"z\"\n",
}

// scFuzz runs extract on data and checks the invariants.
func scFuzz(t *testing.T, extract func([]byte) []Literal, data []byte) {
	orig := bytes.Clone(data)
	lits := extract(data)
	if !bytes.Equal(orig, data) {
		t.Fatal("the extractor modified its input")
	}
	scCheckInvariants(t, data, lits)
}

// scBenchSource repeats sample up to about n bytes.
func scBenchSource(sample string, n int) []byte {
	var b bytes.Buffer
	for b.Len() < n {
		b.WriteString(sample)
	}
	return b.Bytes()
}

// scBench measures extract over src.
func scBench(b *testing.B, extract func([]byte) []Literal, src []byte) {
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = len(extract(src))
	}
	if n == 0 {
		b.Fatal("no literals found")
	}
}

// TestScOutDecoded checks the collector: a decoded value equal to the
// source text is shared with it, a different one gets Offsets.
func TestScOutDecoded(t *testing.T) {
	o := newScOut([]byte(`"ab" "a\tb"`), `"`, 2)
	o.reset()
	o.addByte('a', 1)
	o.addByte('b', 2)
	k := o.decoded(1, 3, `"`, EscapeBackslash)
	if l := o.lits[k]; l.Offsets != nil || l.Value != "ab" {
		t.Errorf("verbatim value: Offsets %v, Value %q", l.Offsets, l.Value)
	}
	o.reset()
	o.addByte('a', 6)
	o.addByte('\t', 7)
	o.addByte('b', 9)
	k = o.decoded(6, 10, `"`, EscapeBackslash)
	l := o.lits[k]
	if l.Value != "a\tb" || len(l.Offsets) != 4 || l.Offsets[1] != 7 || l.Offsets[3] != 10 {
		t.Errorf("escaped value: Value %q, Offsets %v", l.Value, l.Offsets)
	}
	o.reset()
	o.addRune('é', 4)
	if len(o.buf) != 2 || o.offs[0] != 4 || o.offs[1] != 4 || !utf8.Valid(o.buf) {
		t.Errorf("addRune: buf %q offs %v", o.buf, o.offs)
	}
}
