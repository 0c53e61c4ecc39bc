package extract

import (
	"fmt"
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// goTok is one token as a Go scanner reports it. Bad is only set for
// STRING tokens: whether the scanner reported an error while producing it.
type goTok struct {
	Off int
	Tok token.Token
	Lit string
	Bad bool
}

func (k goTok) String() string {
	return fmt.Sprintf("%d:%s:%q:%v", k.Off, k.Tok, k.Lit, k.Bad)
}

// goRefScan feeds emit the tokens of src as go/scanner reports them in
// mode 0, the reference goScanner must match.
func goRefScan(src []byte, emit func(off int, tok token.Token, lit string, bad bool)) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	errs := 0
	var sc scanner.Scanner
	sc.Init(file, src, func(token.Position, string) { errs++ }, 0)
	for {
		before := errs
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			return
		}
		emit(int(pos)-file.Base(), tok, lit, tok == token.STRING && errs != before)
	}
}

// goRefRun is goLexer.run driven by go/scanner, as it was before
// goScanner.
func goRefRun(g *goLexer) {
	goRefScan(g.src, g.token)
}

// goRefTokens returns the tokens of src from go/scanner, EOF excluded.
func goRefTokens(src []byte) []goTok {
	var toks []goTok
	goRefScan(src, func(off int, tok token.Token, lit string, bad bool) {
		toks = append(toks, goTok{off, tok, lit, bad})
	})
	return toks
}

// goScanTokens returns the tokens of src from goScanner, EOF excluded.
func goScanTokens(src []byte) []goTok {
	var toks []goTok
	var sc goScanner
	sc.init(string(src))
	for {
		off, tok, lit := sc.scan()
		if tok == token.EOF {
			if off != len(src) {
				toks = append(toks, goTok{off, tok, lit, false}) // shows up as a difference
			}
			return toks
		}
		if sc.bad && tok != token.STRING {
			toks = append(toks, goTok{off, token.ILLEGAL, "bad flag on " + tok.String(), true})
		}
		toks = append(toks, goTok{off, tok, lit, sc.bad})
		if len(toks) > len(src)+2 {
			toks = append(toks, goTok{off, token.ILLEGAL, "no progress", false})
			return toks
		}
	}
}

// goDiffTokens describes the first difference between the tokens of
// goScanner and of go/scanner for src, or returns "". The two run in
// lockstep.
func goDiffTokens(src []byte) string {
	var sc goScanner
	sc.init(string(src))
	n, diff := 0, ""
	goRefScan(src, func(off int, tok token.Token, lit string, bad bool) {
		if diff != "" {
			return
		}
		want := goTok{off, tok, lit, bad}
		o, k, l := sc.scan()
		if got := (goTok{o, k, l, sc.bad}); got != want {
			diff = fmt.Sprintf("token %d: got %v, want %v", n, got, want)
		}
		n++
	})
	if diff != "" {
		return diff
	}
	if o, k, l := sc.scan(); k != token.EOF || o != len(src) {
		return fmt.Sprintf("token %d: got %v, want EOF at %d", n, goTok{o, k, l, sc.bad}, len(src))
	}
	return ""
}

// goScanCases are inputs where a hand-written Go tokenizer easily parts
// from go/scanner.
var goScanCases = []string{
	"",
	"package p",
	"package p\n",
	// Semicolon insertion.
	"x\ny", "x \t\r\ny", "1\n2", "1.5\n", "'a'\n", "\"s\"\n", "`r`\n",
	"f()\n", "a[0]\n", "{}\n", "x++\n", "x--\n", "x+\n", "x-\n", "x,\n",
	"return\n", "break\n", "continue\n", "fallthrough\n", "goto\n", "func\n",
	"x", "x)", "x]", "x}", "return", "x++", "x;y", "x;\n", "x\n\n\ny",
	"a; b\n;c", "x := y\n.z", "_\n", "é\n", "x日本\n",
	// Comments, with and without newlines, at EOF.
	"x // c", "x // c\n", "x /* c */", "x /* c */\n", "x /* a\nb */ y", "x /* a\nb */",
	"x /* a\nb", "x /* a", "x /*", "x //", "/* a\n b */ x", "// c\nx", "x /* a */ /* b\n */ y",
	"x /* a\n */ /* b\n */ y", "return /*\n*/ 1", "/**/", "/*/ x */ y", "/*/", "a /**/ b", "x // c\r\n y",
	"x/*\r\n*/y", "x/=y", "x/ y",
	// Line directives (malformed ones are errors go/scanner reports).
	"//line a.go:1\n\"s\"", "//line a.go:0\n\"s\"", "//line a.go:x\n\"s\"", "//line :0:1\n\"s\"",
	"//line a.go:1:0\n\"s\"", "//line a.go:1:2\n\"s\"", "//line a.go:2000000000\n\"s\"",
	"//line a.go:1:2000000000\n\"s\"", "//line a.go:99999999999999999999\n\"s\"",
	"//line a.go:18446744073709551615\n\"s\"", "//line a.go:99999999999999999999:3\n\"s\"",
	"//line a.go:0\r\n\"s\"", "//line a.go:1\r\n\"s\"", "x //line a.go:0\n\"s\"",
	"x\n//line a.go:0\n\"s\"", "/*line a.go:0*/\"s\"", "x /*line a.go:0*/ \"s\"", "/*line a.go:1*/ \"s\"",
	"/*line a.go:1\r*/ \"s\"", "/*line */ \"s\"", "//line \"s\"", "//line:0\n\"s\"", "//line a:\n\"s\"",
	"\uFEFF//line a.go:0\n\"s\"", "//line a.go:0\n// x\n\"s\"", "/*line a.go:0*/ /* x */ \"s\"", "x /*line a.go:0\n*/ \"s\"", "f(x /*line a.go:0\n*/ \"s\")",
	// Strings.
	`"abc"`, `"a\"b"`, `"\\"`, `"\x41\101\u00e9\U0001F600"`, `"\q"`, `"\'"`, `'\"'`, `"\x4"`, `"\x"`, `"\400"`,
	`"\377"`, `"\08"`, `"\uD800"`, `"\U00110000"`, `"\U0010FFFF"`, `"\u12"`, "\"\\\n\"", "\"\\", "\"abc",
	"\"abc\n\"", "\"a\x00b\"", "\"a\xffb\"", "\"a\xef\xbb\xbfb\"", "\"a\xe2\x82\"", "\"é\"", "\"abc\"\x00",
	"\"abc\"\xff", "\"abc\"\xef\xbb\xbf", "\"abc\"é", "/* \x00 */ \"s\"", "/* \xff */ \"s\"", "// \xff\n\"s\"",
	"x // \xff\n\"s\"", "x /* \xff\n */ \"s\"", "\"a\" + \"b\"", "\"a\"\"b\"",
	// Raw strings.
	"`abc`", "`a\nb`", "`a\r\nb`", "`\r`", "`abc", "`a\rb", "`a\x00b`", "`a\xffb`", "`a`\x00", "`a`\xef\xbb\xbf",
	"x = `\\`", "``",
	// Runes.
	`'a'`, `'\''`, `'\\'`, `'\n'`, `'ab'`, `''`, `'\x41'`, `'\400'`, "'a", "'\\\n'", "'\\", "'\n'", `'\'`, `'"'`,
	"'é'", "'\xff'",
	// Numbers.
	"0x1p-2", "1_000i", "0b101", ".5", "1e+3", "1E-3i", "0X1P+2", "0o17", "0O17", "017", "08", "09.5", "0b12",
	"0o8", "0x", "0b", "0x_1", "1__0", "1_", "0x1.8", "0x1.8p1", "0x.p1", "1.", "1..2", "1.e5", "1e", "1e+",
	"0xep1", "0x1e+3", "1.5.5", "0.i", "x.5", "1i", "0i", "0x1i", "1.String()", "0b1.0", "0o1e3", "0x1e3",
	"12abc", "1_000_000.000_001e1_0", "0x_ff_ff", "0b_", "0.", ".e1",
	// Operators, longest match.
	"..", "...", "....", "a...", ". .", "<<=", "<<", "<=", "<-", "<", ">>=", ">>", ">=", ">", "&^=", "&^",
	"&&", "&=", "&", "||", "|=", "|", "==", "=", "!=", "!", "+=", "++", "+", "-=", "--", "-", "*=", "*",
	"%=", "%", "^=", "^", ":=", ":", "~", ",", ";", "(", ")", "[", "]", "{", "}", "<<<=", "&^^", "+++", "x+++y",
	// Illegal characters.
	"@", "#", "$", "?", "\\", "x @\n", "x\x00\n", "\x00", "\xff", "\xff\n", "x\xff\n", "\x7f", "\f", "\v",
	"x \u00a0 y", "\u201cs\u201d", "\u0663", "x\u0663", "x\uFEFFy\n", "\uFEFF", "\uFEFF\uFEFF", "\uFEFFx", "\uFEFF\"s\"",
	"\xff\xfe", "\xfe\xff", "\xff\xfex\"s\"", "\xfe\xff\n\"s\"", "\xff", "\xfe", "\xef\xbb", "x\xef\xbb\xbf\"s\"",
	// Keywords.
	"break case chan const continue default defer else fallthrough for func go goto if import interface map " +
		"package range return select struct switch type var",
	"breaks cases Chan BREAK _break", "a b c d e f g h i j k l m n o p q r s t u v w x y z",
	"package p\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"hi\", 'x', 1.5, `raw`)\n}\n",
}

func TestGoScannerCases(t *testing.T) {
	for _, src := range goScanCases {
		if d := goDiffTokens([]byte(src)); d != "" {
			t.Errorf("%q: %s\ngot  %v\nwant %v", src, d, goScanTokens([]byte(src)), goRefTokens([]byte(src)))
		}
	}
}

// TestGoScannerBad checks the error flags on a few strings directly, so
// that a reference mistake cannot hide behind the differential tests.
func TestGoScannerBad(t *testing.T) {
	cases := []struct {
		src string
		bad bool
	}{
		{`"ok"`, false},
		{`"\u00e9"`, false},
		{"`a\r\nb`", false},
		{`"\q"`, true},
		{`"abc`, true},
		{"\"abc\nx\"", true},
		{"`abc", true},
		{"\"a\xffb\"", true},
		{"\"a\x00b\"", true},
		{"\"abc\"\xff", true},
		{"/* \xff */ \"s\"", true},
		{"//line a.go:0\n\"s\"", true},
		{"//line a.go:1\n\"s\"", false},
	}
	for _, tc := range cases {
		var sc goScanner
		sc.init(tc.src)
		found := false
		for {
			_, tok, _ := sc.scan()
			if tok == token.EOF {
				break
			}
			if tok == token.STRING {
				found = true
				if sc.bad != tc.bad {
					t.Errorf("%q: bad = %v, want %v", tc.src, sc.bad, tc.bad)
				}
			}
		}
		if !found {
			t.Errorf("%q: no STRING token", tc.src)
		}
	}
}

// TestGoScannerGOROOT compares goScanner with go/scanner on the Go
// sources of the toolchain (every 10th file with -short, every 25th under
// -race), and extractGo's output with both.
func TestGoScannerGOROOT(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Skipf("go env GOROOT: %v", err)
	}
	root := filepath.Join(strings.TrimSpace(string(out)), "src")
	if _, err := os.Stat(root); err != nil {
		t.Skipf("no GOROOT sources: %v", err)
	}
	stride := 1
	switch {
	case raceEnabled:
		stride = 25
	case testing.Short():
		stride = 10
	}
	n, files := 0, 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		n++
		if n%stride != 0 {
			return nil
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return nil
		}
		files++
		if d := goDiffTokens(src); d != "" {
			t.Errorf("%s: %s", path, d)
		}
		if got, want := extractGo(src), extractGoWith(src, goRefRun); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: extractGo differs from the go/scanner reference", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files == 0 {
		t.Skip("no Go files under GOROOT")
	}
	t.Logf("%d of %d files compared", files, n)
}

// TestExtractGoReference compares extractGo with the go/scanner driven
// reference on the Go test cases, the tricky scanner inputs and the
// benchmark source.
func TestExtractGoReference(t *testing.T) {
	srcs := [][]byte{clBenchSource(FormatGo, 1<<16)}
	for _, tc := range goTestCases {
		srcs = append(srcs, []byte(tc.src))
	}
	for _, src := range goScanCases {
		srcs = append(srcs, []byte("package p\nvar x = "+src+"\nvar y = \"tail\"\n"))
	}
	for _, src := range srcs {
		if got, want := extractGo(src), extractGoWith(src, goRefRun); !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\ngot  %+v\nwant %+v", src, got, want)
		}
	}
}

// goFixtureSources returns the Go files embedded in the txtar fixtures of
// the checks package.
func goFixtureSources(tb testing.TB) [][]byte {
	paths, err := filepath.Glob(filepath.Join("..", "checks", "testdata", "go", "*.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		for _, sec := range strings.Split("\n"+string(data), "\n-- ")[1:] {
			name, body, ok := strings.Cut(sec, " --\n")
			if ok && strings.HasSuffix(name, ".go") {
				out = append(out, []byte(body))
			}
		}
	}
	return out
}

func FuzzGoScanner(f *testing.F) {
	for _, src := range goScanCases {
		f.Add([]byte(src))
	}
	for _, tc := range goTestCases {
		f.Add([]byte(tc.src))
	}
	for _, src := range goFixtureSources(f) {
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if d := goDiffTokens(src); d != "" {
			t.Fatalf("%s", d)
		}
		if got, want := extractGo(src), extractGoWith(src, goRefRun); !reflect.DeepEqual(got, want) {
			t.Fatalf("extractGo:\ngot  %+v\nwant %+v", got, want)
		}
	})
}

// BenchmarkGoScanner measures tokenizing alone, with goScanner and with
// go/scanner, on the source of BenchmarkExtractGo.
func BenchmarkGoScanner(b *testing.B) {
	src := clBenchSource(FormatGo, 1<<20)
	s := string(src)
	b.Run("goScanner", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			var sc goScanner
			sc.init(s)
			for {
				if _, tok, _ := sc.scan(); tok == token.EOF {
					break
				}
			}
		}
	})
	b.Run("go-scanner", func(b *testing.B) {
		b.SetBytes(int64(len(src)))
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			goRefScan(src, func(int, token.Token, string, bool) {})
		}
	})
}
