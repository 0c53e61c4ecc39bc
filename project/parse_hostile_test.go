package project

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// Hostile project files: an alias bomb, deep nesting, a long line, many
// entries. Parse must finish, report positions inside the text and keep
// memory linear; aliases are resolved one level at a time, never
// expanded. Nesting deeper than the YAML library's limit (10,000 levels)
// is a syntax error; finding its position re-parses prefixes of the text
// (a binary search), which costs a bounded amount of memory: about 130 MB
// at worst, whatever the file's length.

func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// aliasBomb returns a project file whose strict list denotes 9^levels
// names through aliases.
func aliasBomb(levels int) string {
	var b strings.Builder
	b.WriteString("x0: &a0 [A, B, C, D, E, F, G, H, I]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "x%d: &a%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	fmt.Fprintf(&b, "strict: *a%d\nignore: *a%d\nclients:\n  c:\n    provider: google\n    granted: *a%d\n", levels, levels, levels)
	return b.String()
}

func TestParseHostile(t *testing.T) {
	deep := func(n int) string {
		return "providers: " + strings.Repeat("{a: ", n) + "x" + strings.Repeat("}", n) + "\n"
	}
	long := func(n int) string {
		var b strings.Builder
		b.WriteString("strict: [")
		for i := range n {
			fmt.Fprintf(&b, "NAME_%d, ", i)
		}
		b.WriteString("]\n")
		return b.String()
	}
	many := func(n int) string {
		var b strings.Builder
		b.WriteString("providers:\n  acme:\n    scopes:\n")
		for i := range n {
			fmt.Fprintf(&b, "      s%d: scope number %d\n", i, i)
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		gen  func(n int) string
		n    int
	}{
		{"alias bomb", aliasBomb, 10},
		{"deep nesting", deep, 8_000},
		{"1 MB line", long, 80_000},
		{"100,000 scopes", many, 100_000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.gen(tc.n)
			_, errs := Parse("x.yaml", []byte(src))
			checkErrorPositions(t, src, errs)
			small := allocatedBy(func() { Parse("x.yaml", []byte(tc.gen(tc.n/4+1))) })
			large := allocatedBy(func() { Parse("x.yaml", []byte(src)) })
			if tc.name == "alias bomb" {
				small = allocatedBy(func() { Parse("x.yaml", []byte(aliasBomb(2))) })
			}
			if large > 8*small+4<<20 {
				t.Errorf("%d bytes allocated for %d bytes of text, %d for a quarter: not linear", large, len(src), small)
			}
		})
	}
	// Past the YAML library's depth limit: a syntax error, bounded cost.
	for _, n := range []int{10_001, 20_000, 200_000} {
		src := deep(n)
		var errs []*Error
		a := allocatedBy(func() { _, errs = Parse("x.yaml", []byte(src)) })
		checkErrorPositions(t, src, errs)
		if len(errs) != 1 || !strings.Contains(errs[0].Msg, "max depth") {
			t.Errorf("nesting %d deep: %v, want one syntax error about the depth", n, errs)
		}
		if a > 256<<20 {
			t.Errorf("nesting %d deep: %d MB allocated, more than the 256 MB bound", n, a>>20)
		}
	}
}
