package extract

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scopels/scopels/internal/corpus"
)

// The fast YAML path must report exactly what the yaml.v3 path reports on
// every stream it accepts. These tests check that on shapes written for
// each construct, on the fixtures of the checks and on the benchmark
// corpus, and FuzzYAMLFast checks it on anything.

// yamlCompare extracts src both ways. It fails the test when the fast
// path accepts src but disagrees with yaml.v3, and reports whether the
// fast path accepted it.
func yamlCompare(t *testing.T, name string, src []byte) bool {
	t.Helper()
	fast, ok := extractYAMLFast(src)
	if !ok {
		return false
	}
	slow := extractYAMLNodes(src)
	if !reflect.DeepEqual(fast, slow) {
		t.Errorf("%s: the fast path disagrees with yaml.v3 on\n%s\n%s", name, src, yamlDiffLits(src, fast, slow))
	}
	return true
}

// yamlDiffLits describes the first difference between two literal lists.
func yamlDiffLits(src []byte, a, b []Literal) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		if i >= len(a) {
			return fmt.Sprintf("fast lacks #%d %s", i, yamlLitString(src, b[i]))
		}
		if i >= len(b) {
			return fmt.Sprintf("fast has extra #%d %s", i, yamlLitString(src, a[i]))
		}
		if !reflect.DeepEqual(a[i], b[i]) {
			return fmt.Sprintf("#%d\n fast: %s\n slow: %s", i, yamlLitString(src, a[i]), yamlLitString(src, b[i]))
		}
	}
	return "no difference"
}

func yamlLitString(src []byte, l Literal) string {
	text := "<out of range>"
	if l.Span.Start >= 0 && l.Span.Start <= l.Span.End && l.Span.End <= len(src) {
		text = l.Text(src)
	}
	return fmt.Sprintf("%q value=%q quote=%q key=%q path=%q list=%d url=%v offsets=%v", text, l.Value, l.Quote, l.Key, l.Path, l.List, l.URL, l.Offsets)
}

// yamlFastCases are streams the fast path reads: each must be accepted,
// and agree with yaml.v3.
var yamlFastCases = []string{
	"",
	"# only a comment\n",
	"scope: openid\n",
	"a: b\nc: d",
	"a: 1\nb: true\nc: null\nd:\ne: ~\nf: 2.5\ng: \"\"\nh: 0x1F\ni: 1_000\nj: 2001-12-14\nk: .inf\nl: -.5\nm: yes\nn: +1\no: <<\np: '1'\n",
	"key with spaces: value with spaces   # comment\nk2 : v2\nk3:\tv3\n",
	"a:\n  b:\n    c: deep\n  d: [x, 'y', \"z\"]\n",
	"list:\n- a\n- b\nnext: c\n",
	"list:\n  - a\n  -   b\n  -\n    c\n  - - nested\n    - more\n  - k: v\n    k2: v2\n  -\n  - last\n",
	"- a\n- b: c\n  d: e\n- - f\n  - g\n",
	"a: |\n  line one\n   indented\n\n  after blank\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\nd: >\n\n  leading blank line\ne: |\n\nf: x\n",
	"- |\n  in a sequence\n- key: |\n    in a compact mapping\n  other: >\n    folded\n    lines\n",
	"a: plain\n  continued\n\n  after empty\n    more indented\nb: x\n",
	"a: \"double\n  quoted\\\n  escaped break\"\nb: 'single\n\n  quoted'\n",
	"a: \"esc \\t \\n \\u00e9 \\x41 \\U0001F600 \\\" \\\\ \\' \\_ \\0 \\N \\L\"\n",
	"a: 'it''s'\n",
	"flow: {a: b, 'c': \"d\", e: [f, g], h: {i: j}, k, l: , m: }\n",
	"flow: [a, b, [c, d], {e: f}, 'g', \"h\", ]\n",
	"multi: [\n  a,\n  b # comment\n  , c\n]\nnext: [x,\ny]\n",
	"json: {\"a\": \"b\", \"c\":[1, 2, \"three\"], \"d\":{\"e\":null}}\n",
	"anchors:\n  base: &base\n    a: b\n  copy: *base\n  merged:\n    <<: *base\n    c: d\n  s: &s scalar\n  t: *s\n",
	"a: &x !!str 123\nb: !Sub \"https://${Host}/x\"\nc: !!int 5\nd: !Ref thing\ne: &y\n  - 1\nf: *y\ng: !!str\n  folded\n",
	"seq: [&a x, *a, !!str 1]\n",
	"---\na: 1\n---\nb: 2\n...\n---\n- c\n",
	"--- # comment\nscope: x\n...\n",
	"---\n---\n",
	"\xEF\xBB\xBFscope: openid\n",
	"naïve: «x»\r\nscope: [é, \"openid\r\n  email\"]\r\nb: |\r\n  crlf\r\n  block\r\nc: plain\r\n  crlf\r\n",
	"scopes:\n  read:pets: read your pets\n  'write:pets': \"modify pets\"\n  admin: 1\n  empty:\n  nested: {a: b}\n  list: [x]\n",
	"components:\n  flows:\n    implicit:\n      scopes: {read: r, write: w}\n",
	"env:\n  - SCOPES=read:user,repo\n  - \"GOOGLE_SCOPES=openid email\"\n  - not an assignment\n  - A=\n",
	"u: https://accounts.google.com/o/oauth2/v2/auth?scope=openid%20email+profile&state=x\n",
	"args: [--scope=a,b, \"--scopes=c d\"]\nflags:\n  - --scope=openid email\n",
	"a: b#not a comment\nc: d #comment\ne: \"f\"#comment\ng: [h]#comment\n",
	"a:    \n  b: c\n",
	"k: v\n\n\n# trailing comment\n",
	"  indented: top\n  level: mapping\n",
	"plain top-level\nscalar\n",
	"'quoted top'\n",
	"[top, level, flow]\n",
	"|\n  top block\n",
	"a: -1\nb: -x\nc: :x\nd: ?x\ne: a:b\n",
	"a: 'x' \nb: \"y\"\t\n",
	"a:\n  # comment before\n  b: c\n  # comment between\n  d: e\n# comment at zero\nf: g\n",
	"a:\n- x\n# c\n- y\nb: z\n",
	"- a\n-\n- c\n",
	"long: " + strings.Repeat("word ", 400) + "\n",
	"k: x\n  - y\n",
	"a: [b, c]   \n",
	"a: {b: [c, {d: e}], f: g}\n",
	"a: \"x\n\n  y\"\n",
	"a: x\n\n\n  y\n",
	"é: ü\n",
	"a: |-\n  x\n\n\nb: y\n",
	"a: >+\n  x\n\n",
	"a: |\n  x\n\n  \n",
	"a: |\n  x\n   \n  y\n",
	"a: >\n  x\n   y\n  z\n",
	"a: >\n  x\n\n   y\n  z\n",
}

func TestYAMLFastAgreesWithYAMLv3(t *testing.T) {
	for i, src := range yamlFastCases {
		if !yamlCompare(t, fmt.Sprintf("case %d", i), []byte(src)) {
			t.Errorf("case %d: the fast path did not accept\n%s", i, src)
		}
	}
}

// yamlFallbackCases are streams the fast path leaves to yaml.v3.
var yamlFallbackCases = []string{
	"%YAML 1.2\n---\na: b\n",
	"? complex\n: key\n",
	"[a]: b\n",
	"&k key: value\n",
	"*a : b\n",
	"a: |2\n   x\n",
	"\ta: b\n",
	"- \tb\n",
	"--- text on the marker line\n",
	"a: \"unterminated\n",
	"a: [unterminated\n",
	"a: *undefined\n",
	"a: b: c\n",
	"a: 1\nb\n",
	"a: 1\n  b: 2\n",
	"a: 1\n...\nb: 2\n",
	"a: \"x\n---\ny\"\n",
	"[a: b]\n",
	"a: !<tag:yaml.org,2002:str> x\n",
	"a: !e!x y\n",
	"a: \x01\n",
	"a: caf\xe9\n",
	"a: x\ry\n",
	"a: \"\\q\"\n",
	"a: |\n    \n  x\n",
	"a: &x.y b\n",
	"f: x:\n",
	"a: \"\\/\"\n",
	strings.Repeat("[", yamlMaxDepth+1) + strings.Repeat("]", yamlMaxDepth+1) + "\n",
}

func TestYAMLFastFallsBack(t *testing.T) {
	for i, src := range yamlFallbackCases {
		if _, ok := extractYAMLFast([]byte(src)); ok {
			t.Errorf("case %d: the fast path accepted\n%q", i, src)
		}
		// Whatever the path, extraction stays within the text.
		textCheckInvariants(t, []byte(src), Extract(FormatYAML, []byte(src)))
	}
}

// TestYAMLFastOnFixtures compares both paths on the YAML files of the
// checks' fixtures.
func TestYAMLFastOnFixtures(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "checks", "testdata", "*", "*.txtar"))
	n := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for name, body := range yamlTxtarFiles(data) {
			if FormatOf(name) != FormatYAML {
				continue
			}
			n++
			if !yamlCompare(t, file+":"+name, body) {
				t.Errorf("%s:%s: the fast path did not accept it", file, name)
			}
		}
	}
	if n == 0 {
		t.Skip("no YAML fixtures found")
	}
}

// yamlTxtarFiles splits a txtar archive into its files.
func yamlTxtarFiles(data []byte) map[string][]byte {
	out := map[string][]byte{}
	name := ""
	var body bytes.Buffer
	flush := func() {
		if name != "" {
			out[name] = bytes.Clone(body.Bytes())
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		trimmed := strings.TrimRight(line, "\r\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		body.WriteString(line)
	}
	flush()
	return out
}

// TestYAMLFastOnCorpus compares both paths on the YAML of the benchmark
// corpus, and on the worst case.
func TestYAMLFastOnCorpus(t *testing.T) {
	files := corpus.Generate(corpus.Options{Seed: 11, OAuth: 150, Filler: 150, Mistakes: 0.3})
	for _, f := range files {
		if FormatOf(f.Path) == FormatYAML && !yamlCompare(t, f.Path, f.Src) {
			t.Errorf("%s: the fast path did not accept it", f.Path)
		}
	}
	if !yamlCompare(t, "worst case", corpus.WorstCase("yaml", 64<<10)) {
		t.Error("worst case: the fast path did not accept it")
	}
	if !yamlCompare(t, "bench doc", yamlBenchDoc(64<<10)) {
		t.Error("bench doc: the fast path did not accept it")
	}
}

// FuzzYAMLFast checks that the fast path never disagrees with yaml.v3 on a
// stream it accepts.
func FuzzYAMLFast(f *testing.F) {
	for _, s := range yamlFastCases {
		f.Add([]byte(s))
	}
	for _, s := range yamlFallbackCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if fast, ok := extractYAMLFast(data); ok {
			textCheckInvariants(t, data, fast)
			yamlCompare(t, "fuzz", data)
		}
	})
}

// BenchmarkExtractYAMLv3 is BenchmarkExtractYAML on the yaml.v3 path, for
// comparison.
func BenchmarkExtractYAMLv3(b *testing.B) {
	src := yamlBenchDoc(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		extractYAMLNodes(src)
	}
}

// BenchmarkYAMLPaths compares the two paths on Kubernetes manifests, on
// the worst case (1 MB of scope lists) and on the YAML files of the
// benchmark corpus.
func BenchmarkYAMLPaths(b *testing.B) {
	var corpusYAML [][]byte
	for _, f := range corpus.Generate(corpus.Default) {
		if FormatOf(f.Path) == FormatYAML {
			corpusYAML = append(corpusYAML, f.Src)
		}
	}
	inputs := []struct {
		name  string
		files [][]byte
	}{
		{"manifests", [][]byte{yamlBenchDoc(1 << 20)}},
		{"worst-case", [][]byte{corpus.WorstCase("yaml", 1<<20)}},
		{"corpus", corpusYAML},
	}
	paths := []struct {
		name    string
		extract func([]byte) []Literal
	}{
		{"fast", extractYAML},
		{"yaml.v3", extractYAMLNodes},
	}
	for _, in := range inputs {
		var size int64
		for _, f := range in.files {
			size += int64(len(f))
		}
		for _, p := range paths {
			b.Run(in.name+"/"+p.name, func(b *testing.B) {
				b.SetBytes(size)
				b.ReportAllocs()
				for b.Loop() {
					for _, f := range in.files {
						p.extract(f)
					}
				}
			})
		}
	}
}

// TestYAMLFastLargeInputs reads large streams of one construct each, on
// both paths: the fast path takes them (except the nesting past its
// bound) and agrees with yaml.v3.
func TestYAMLFastLargeInputs(t *testing.T) {
	const n = 20000
	tests := []struct {
		name   string
		src    string
		accept bool
	}{
		{"one-line flow sequence", "scopes: [" + strings.Repeat("a:b, ", n) + "c]\n", true},
		{"long plain scalar", "k: " + strings.Repeat("word ", n) + "\n", true},
		{"long folded plain scalar", "k: " + strings.Repeat("word\n  ", n) + "end\n", true},
		{"escapes", "k: \"" + strings.Repeat(`\u00e9\n`, n) + "\"\n", true},
		{"many aliases", "base: &a x\nlist:\n" + strings.Repeat("  - *a\n", n), true},
		{"many documents", strings.Repeat("---\nscope: openid\n", n), true},
		{"long block scalar", "k: |\n" + strings.Repeat("  line\n", n), true},
		{"nesting past the bound", strings.Repeat("- ", yamlMaxDepth+10) + "x\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			if got := yamlCompare(t, tt.name, src); got != tt.accept {
				t.Errorf("fast path accepted: %v, want %v", got, tt.accept)
			}
			textCheckInvariants(t, src, Extract(FormatYAML, src))
		})
	}
}
