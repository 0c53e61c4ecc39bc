package analysis

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func edit(start, end int, text string) Edit {
	return Edit{Span: Span{Start: start, End: end}, NewText: text}
}

func TestApplyFixes(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		edits []Edit
		want  string
		err   string // substring of the error; "" for success
	}{
		{"no edits", "abc", nil, "abc", ""},
		{"replace", "read_prodcts", []Edit{edit(5, 12, "products")}, "read_products", ""},
		{"delete", "a, a", []Edit{edit(1, 4, "")}, "a", ""},
		{"insert at start", "drive", []Edit{edit(0, 0, "auth/")}, "auth/drive", ""},
		{"insert at end", "ab", []Edit{edit(2, 2, "c")}, "abc", ""},
		{"unsorted", "a,b,c", []Edit{edit(3, 4, " "), edit(1, 2, " ")}, "a b c", ""},
		{"adjacent replacements", "a,b", []Edit{edit(1, 2, " "), edit(0, 1, "x"), edit(2, 3, "y")}, "x y", ""},
		{"two inserts at one offset keep order", "ab", []Edit{edit(1, 1, "1"), edit(1, 1, "2")}, "a12b", ""},
		{"two inserts, other order", "ab", []Edit{edit(1, 1, "2"), edit(1, 1, "1")}, "a21b", ""},
		{"insert before a replacement at its start", "abc", []Edit{edit(1, 2, "X"), edit(1, 1, "+")}, "a+Xc", ""},
		{"insert at the end of a replacement", "abc", []Edit{edit(2, 2, "+"), edit(1, 2, "X")}, "aX+c", ""},
		{"whole text", "abc", []Edit{edit(0, 3, "")}, "", ""},
		{"empty text insert", "", []Edit{edit(0, 0, "x")}, "x", ""},
		{"multi-byte", "日本", []Edit{edit(3, 6, "語")}, "日語", ""},

		{"overlap", "abcdef", []Edit{edit(1, 4, "x"), edit(3, 5, "y")}, "", "edits [1,4) and [3,5) overlap"},
		{"overlap given in reverse", "abcdef", []Edit{edit(3, 5, "y"), edit(1, 4, "x")}, "", "edits [1,4) and [3,5) overlap"},
		{"same span twice", "abc", []Edit{edit(0, 1, "x"), edit(0, 1, "y")}, "", "edits [0,1) and [0,1) overlap"},
		{"insert inside a replacement", "abcd", []Edit{edit(1, 3, "x"), edit(2, 2, "y")}, "", "edits [1,3) and [2,2) overlap"},
		{"nested", "abcdef", []Edit{edit(0, 6, ""), edit(2, 3, "")}, "", "edits [0,6) and [2,3) overlap"},
		{"past end", "abc", []Edit{edit(2, 4, "")}, "", "edit [2,4) is outside the text (3 bytes)"},
		{"negative start", "abc", []Edit{edit(-1, 1, "")}, "", "edit [-1,1) is outside"},
		{"reversed span", "abc", []Edit{edit(2, 1, "")}, "", "edit [2,1) is outside"},
		{"insert past end", "", []Edit{edit(1, 1, "x")}, "", "edit [1,1) is outside"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			given := slices.Clone(tt.edits)
			got, err := ApplyFixes(src, tt.edits)
			if string(src) != tt.src {
				t.Errorf("src modified: %q", src)
			}
			if !slices.Equal(given, tt.edits) {
				t.Errorf("edits reordered: %v", tt.edits)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ApplyFixes() = %q, %v; want error containing %q", got, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ApplyFixes(): %v", err)
			}
			if string(got) != tt.want {
				t.Errorf("ApplyFixes() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestApplyFixesDoesNotAlias(t *testing.T) {
	src := []byte("abc")
	got, err := ApplyFixes(src, nil)
	if err != nil {
		t.Fatal(err)
	}
	got[0] = 'X'
	if string(src) != "abc" {
		t.Errorf("result shares memory with src: src = %q", src)
	}
}

// diag builds a diagnostic at span with a preferred fix made of edits (no
// fix when edits is nil).
func diag(code string, start, end int, edits ...Edit) Diagnostic {
	d := Diagnostic{Span: Span{Start: start, End: end}, Code: code}
	if edits != nil {
		d.Fixes = []Fix{{Title: "fix " + code, Edits: edits, Preferred: true}}
	}
	return d
}

func TestSelectFixes(t *testing.T) {
	tests := []struct {
		name     string
		diags    []Diagnostic
		edits    []Edit
		deferred []string // codes of the deferred diagnostics
	}{
		{"none", nil, nil, nil},
		{
			name:  "no preferred fix",
			diags: []Diagnostic{{Code: "a", Fixes: []Fix{{Title: "alt", Edits: []Edit{edit(0, 1, "x")}}}}, diag("b", 2, 3)},
		},
		{
			name:  "disjoint fixes all taken, sorted",
			diags: []Diagnostic{diag("b", 5, 8, edit(5, 8, "B")), diag("a", 0, 3, edit(0, 3, "A"))},
			edits: []Edit{edit(0, 3, "A"), edit(5, 8, "B")},
		},
		{
			name: "adjacent replacements do not conflict",
			diags: []Diagnostic{
				diag("delim", 3, 4, edit(3, 4, " ")),
				diag("typo", 4, 8, edit(4, 8, "read")),
			},
			edits: []Edit{edit(3, 4, " "), edit(4, 8, "read")},
		},
		{
			name: "overlap: the later one waits",
			diags: []Diagnostic{
				diag("second", 4, 8, edit(4, 8, "x")),
				diag("first", 2, 6, edit(2, 6, "y")),
			},
			edits:    []Edit{edit(2, 6, "y")},
			deferred: []string{"second"},
		},
		{
			name: "same span, position then input order",
			diags: []Diagnostic{
				diag("case", 0, 4, edit(0, 4, "Read")),
				diag("typo", 0, 4, edit(0, 4, "reed")),
			},
			edits:    []Edit{edit(0, 4, "Read")},
			deferred: []string{"typo"},
		},
		{
			name: "insert at the start of a replaced span conflicts",
			diags: []Diagnostic{
				diag("prefix", 4, 8, edit(4, 4, "api.")),
				diag("typo", 4, 8, edit(4, 8, "read")),
			},
			edits:    []Edit{edit(4, 4, "api.")},
			deferred: []string{"typo"},
		},
		{
			name: "insert at the end of a replaced span conflicts",
			diags: []Diagnostic{
				diag("sep", 2, 4, edit(2, 4, " ")),
				diag("prefix", 4, 8, edit(4, 4, "api.")),
			},
			edits:    []Edit{edit(2, 4, " ")},
			deferred: []string{"prefix"},
		},
		{
			name: "inserts at one offset from two fixes conflict",
			diags: []Diagnostic{
				diag("a", 4, 4, edit(4, 4, "x")),
				diag("b", 4, 4, edit(4, 4, "y")),
			},
			edits:    []Edit{edit(4, 4, "x")},
			deferred: []string{"b"},
		},
		{
			name: "inserts at one offset within one fix keep their order",
			diags: []Diagnostic{
				diag("a", 0, 9, edit(4, 4, "1"), edit(0, 1, "z"), edit(4, 4, "2")),
			},
			edits: []Edit{edit(0, 1, "z"), edit(4, 4, "1"), edit(4, 4, "2")},
		},
		{
			name: "a fix with several edits conflicts through any of them",
			diags: []Diagnostic{
				diag("dup", 10, 14, edit(8, 14, "")),
				diag("delims", 12, 20, edit(3, 4, " "), edit(9, 10, " ")),
				diag("typo", 16, 20, edit(16, 20, "x")),
			},
			edits:    []Edit{edit(8, 14, ""), edit(16, 20, "x")},
			deferred: []string{"delims"},
		},
		{
			name: "a fix far from its diagnostic",
			diags: []Diagnostic{
				diag("a", 0, 2, edit(50, 52, "x")),
				diag("b", 10, 12, edit(51, 53, "y")),
				diag("c", 20, 22, edit(20, 22, "z")),
			},
			edits:    []Edit{edit(20, 22, "z"), edit(50, 52, "x")},
			deferred: []string{"b"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			edits, deferred := SelectFixes(tt.diags)
			if !slices.Equal(edits, tt.edits) {
				t.Errorf("edits = %v, want %v", edits, tt.edits)
			}
			var codes []string
			for _, d := range deferred {
				codes = append(codes, d.Code)
			}
			if !slices.Equal(codes, tt.deferred) {
				t.Errorf("deferred = %q, want %q", codes, tt.deferred)
			}
			// What SelectFixes returns always applies.
			if _, err := ApplyFixes([]byte(strings.Repeat(".", 60)), edits); err != nil {
				t.Errorf("ApplyFixes(selected): %v", err)
			}
		})
	}
}

// TestSelectFixesManyDiagnostics fixes every other token of a long list in
// one round and the rest after re-analysis, as a front end would.
func TestSelectFixesManyDiagnostics(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&b, "tok%03d ", i)
	}
	src := []byte(b.String())
	var diags []Diagnostic
	for i := 0; i < 500; i++ {
		start := i * 7
		diags = append(diags, diag("upper", start, start+3, edit(start, start+3, "TOK")))
		// A second fix touching the same token: always deferred.
		diags = append(diags, diag("prefix", start, start+3, edit(start, start, "x.")))
	}
	edits, deferred := SelectFixes(diags)
	if len(edits) != 500 || len(deferred) != 500 {
		t.Fatalf("got %d edits and %d deferred, want 500 and 500", len(edits), len(deferred))
	}
	got, err := ApplyFixes(src, edits)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.ReplaceAll(string(src), "tok", "TOK"); string(got) != want {
		t.Errorf("round 1 = %.40q..., want %.40q...", got, want)
	}
	for _, d := range deferred {
		if d.Code != "prefix" {
			t.Fatalf("deferred %s", d.Code)
		}
	}
}

func BenchmarkApplyFixes(b *testing.B) {
	src := []byte(strings.Repeat("read_prodcts,write_orders ", 40000))
	var edits []Edit
	for i := 0; i < 40000; i++ {
		base := i * 26
		edits = append(edits, edit(base+5, base+12, "products"), edit(base+12, base+13, " "))
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := ApplyFixes(src, edits); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSelectFixes(b *testing.B) {
	var diags []Diagnostic
	for i := 0; i < 10000; i++ {
		base := i * 26
		diags = append(diags, diag("typo", base+5, base+12, edit(base+5, base+12, "products")))
		diags = append(diags, diag("delim", base+12, base+13, edit(base+12, base+13, " ")))
	}
	for b.Loop() {
		SelectFixes(diags)
	}
}
