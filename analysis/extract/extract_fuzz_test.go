package extract_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/scopels/scopels/analysis/analysistest"
	"github.com/scopels/scopels/analysis/extract"
)

// fuzzFormats are the formats FuzzExtract reads; its first argument picks
// one (modulo the length), so a seed keeps its format when the list grows
// at the end.
var fuzzFormats = []extract.Format{
	extract.FormatGo, extract.FormatJavaScript, extract.FormatPython, extract.FormatJava,
	extract.FormatKotlin, extract.FormatCSharp, extract.FormatRuby, extract.FormatPHP,
	extract.FormatRust, extract.FormatSwift, extract.FormatYAML, extract.FormatJSON,
	extract.FormatTOML, extract.FormatEnv, extract.FormatProperties, extract.FormatHCL,
	extract.FormatXML, extract.FormatShell, extract.FormatMarkdown, extract.FormatText,
}

func formatIndex(f extract.Format) (uint8, bool) {
	for i, g := range fuzzFormats {
		if g == f {
			return uint8(i), true
		}
	}
	return 0, false
}

// fixtureFiles returns every input file of the check fixtures
// (analysis/checks/testdata) and of the demo project with its format.
func fixtureFiles(tb testing.TB) []fixtureFile {
	tb.Helper()
	var out []fixtureFile
	archives, err := filepath.Glob(filepath.Join("..", "checks", "testdata", "*", "*.txtar"))
	if err != nil {
		tb.Fatal(err)
	}
	for _, p := range archives {
		a, err := analysistest.LoadArchive(p)
		if err != nil {
			tb.Fatalf("loading fixture: %v", err)
		}
		for _, f := range a.Inputs() {
			format := a.Format
			if format == "" {
				format = extract.FormatOf(f.Name)
			}
			out = append(out, fixtureFile{name: p + "/" + f.Name, format: format, data: f.Data})
		}
	}
	return out
}

type fixtureFile struct {
	name   string
	format extract.Format
	data   []byte
}

// hostileSeeds are shapes that have broken lexers before: unterminated
// strings and comments, escapes at the end of the text, lone CRs, invalid
// UTF-8, NUL bytes.
var hostileSeeds = []string{
	`scope = "`, `scope = "\`, "scope = '''\n", "scope: |\n", "scope: \"a\\\n", `scopes = ["a", "b`,
	"scope=\"a\rb\"", "scope: 'it''s'", "SCOPE=a\\\n b", "<scope>a&amp;b&#x20;c</scope>",
	"https://x.example/auth?scope=a%20b+c%2Cd&x", "scope = \"\xff\xfe\"", "scope = \"a\x00b\"",
	"scope: *a\n", "scope: &a [*a]\n", "[[[[[[[[[[{{{{{{{", "/* scope = \"x\"", "# scope: x\n\"",
}

// FuzzExtract runs every extractor through extract.Extract on arbitrary
// bytes and checks what must hold for any input: no panic; spans inside
// the text and in source order; Offsets consistent with Span and Value;
// the value equal to the decoding of the span's bytes; the same answer
// twice.
func FuzzExtract(f *testing.F) {
	for _, ff := range fixtureFiles(f) {
		if i, ok := formatIndex(ff.format); ok {
			f.Add(i, ff.data)
		}
	}
	for _, s := range hostileSeeds {
		for i := range fuzzFormats {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		format := fuzzFormats[int(which)%len(fuzzFormats)]
		keep := bytes.Clone(src)
		lits := extract.Extract(format, src)
		if !bytes.Equal(src, keep) {
			t.Fatalf("%s: Extract modified its input", format)
		}
		checkLiterals(t, format, src, lits)
		if again := extract.Extract(format, src); !reflect.DeepEqual(lits, again) {
			t.Fatalf("%s: a second Extract of the same text gives a different answer", format)
		}
	})
}

// checkLiterals checks the invariants of the literals of one text.
func checkLiterals(t testing.TB, format extract.Format, src []byte, lits []extract.Literal) {
	t.Helper()
	prev := 0
	for i := range lits {
		l := &lits[i]
		if l.Span.Start < 0 || l.Span.Start > l.Span.End || l.Span.End > len(src) {
			t.Fatalf("%s: literal %d: span %v outside the text of %d bytes", format, i, l.Span, len(src))
		}
		if l.Span.Start < prev {
			t.Fatalf("%s: literal %d: span %v starts before the previous literal (%d)", format, i, l.Span, prev)
		}
		prev = l.Span.Start
		if l.Offsets == nil {
			if l.Value != string(src[l.Span.Start:l.Span.End]) {
				t.Fatalf("%s: literal %d: no Offsets, but value %q is not the source %q", format, i, l.Value, l.Text(src))
			}
			continue
		}
		if len(l.Offsets) != len(l.Value)+1 || l.Offsets[len(l.Value)] != l.Span.End {
			t.Fatalf("%s: literal %d: %d offsets for a value of %d bytes (last %d, span %v)",
				format, i, len(l.Offsets), len(l.Value), l.Offsets[len(l.Offsets)-1], l.Span)
		}
		for j := range len(l.Value) {
			o := l.Offsets[j]
			if o < l.Span.Start || o >= l.Span.End || (j > 0 && o < l.Offsets[j-1]) {
				t.Fatalf("%s: literal %d (%q at %v): offset %d of value byte %d is outside the span or out of order",
					format, i, l.Value, l.Span, o, j)
			}
		}
		if msg := checkDecoding(src, l); msg != "" {
			t.Fatalf("%s: literal %d: value %q does not decode from its source %q: %s", format, i, l.Value, l.Text(src), msg)
		}
	}
}

// checkDecoding checks that each run of value bytes sharing one source
// offset is the decoding of the source bytes from that offset to the next
// one: either the same bytes (possibly followed by bytes the literal
// drops, such as a line continuation or indentation), or an escape
// sequence the literal's syntax defines that decodes to them. It returns
// "" when the value is consistent, else what is wrong.
func checkDecoding(src []byte, l *extract.Literal) string {
	v := l.Value
	for j := 0; j < len(v); {
		k := j + 1
		for k < len(v) && l.Offsets[k] == l.Offsets[j] {
			k++
		}
		val := v[j:k]
		chunk := src[l.Offsets[j]:l.Offsets[k]]
		if msg := checkChunk(l, val, chunk); msg != "" {
			return strconv.Quote(string(chunk)) + " -> " + strconv.Quote(val) + ": " + msg
		}
		j = k
	}
	return ""
}

// dropIntroducers start source text that a literal can drop from its
// value: a backslash (line continuation), line endings and indentation
// (YAML folding, heredoc indentation), quotes (adjacent-string
// concatenation inside one literal).
const dropIntroducers = "\\\r\n \t\"'`"

func checkChunk(l *extract.Literal, val string, chunk []byte) string {
	switch {
	case chunk[0] == '%' && l.Escape == extract.EscapePercent && len(chunk) >= 3 && isHex(chunk[1:3]):
		return checkPercent(val, chunk)
	case chunk[0] == '&' && l.Escape == extract.EscapeXML:
		return checkEntity(val, chunk)
	}
	rest, doubled := []byte(nil), false
	if len(chunk) >= 2 && chunk[0] == chunk[1] && val == string(chunk[:1]) && strings.IndexByte("'\"{}`", chunk[0]) >= 0 {
		// A doubled delimiter: '' in YAML/SQL quotes, "" in C# verbatim
		// strings, {{ and }} in C# interpolation.
		rest, doubled = chunk[2:], true
	}
	if doubled && (len(rest) == 0 || strings.IndexByte(dropIntroducers, rest[0]) >= 0) {
		return ""
	}
	if bytes.HasPrefix(chunk, []byte(val)) {
		rest := chunk[len(val):]
		if len(rest) == 0 || strings.IndexByte(dropIntroducers, rest[0]) >= 0 {
			return ""
		}
		return "the source has bytes the value drops without a reason"
	}
	c := chunk[0]
	switch {
	case c == '\r' || c == '\n' || c == ' ' || c == '\t':
		// A line break or indentation folded into a space or newline
		// (YAML flow and quoted scalars, CR LF normalized to LF).
		if strings.Trim(val, " \t\n") != "" {
			return "whitespace decodes to non-whitespace"
		}
		return ""
	case c == '\\':
		return checkBackslash(val, chunk)
	case c == '%' && l.Escape == extract.EscapePercent:
		return checkPercent(val, chunk)
	case c == '+' && l.Escape == extract.EscapePercent:
		if val != " " {
			return "'+' in a query decodes to a space"
		}
		return ""
	case c == '&':
		return checkEntity(val, chunk)
	case c == '\'' || c == '"' || c == '{' || c == '}' || c == '`' || c == '$':
		// A doubled delimiter ('' in YAML/SQL quotes, "" in C# verbatim,
		// {{ in C# interpolation) or a shell quote/dollar form.
		if len(chunk) >= 2 && chunk[1] == c && val == string(c) {
			return ""
		}
		if c == '\'' || c == '"' || c == '$' || c == '`' {
			return "" // shell quoting: 'a'"b" and $'...' join into one word
		}
		return "a brace decodes to something other than itself"
	}
	return "no escape syntax starts with " + strconv.QuoteRune(rune(c))
}

// checkBackslash checks a backslash escape whose letter it knows; the
// rest (language-specific escapes) only need to start with a backslash.
func checkBackslash(val string, chunk []byte) string {
	if len(chunk) == 1 {
		return "a backslash at the end of the source is decoded"
	}
	body := chunk[1:]
	if body[0] == '#' && val == "#" {
		return "" // an escaped '#' (.properties, shells), maybe followed by a line continuation
	}
	if body[0] == '#' && len(body) > 1 && body[len(body)-1] != '#' {
		// Swift raw strings escape with as many '#' as they open with: \#n.
		for len(body) > 1 && body[0] == '#' {
			body = body[1:]
		}
	}
	want := map[byte]string{'n': "\n", 't': "\t", '\\': "\\", '"': "\"", '/': "/"}
	if w, ok := want[body[0]]; ok && val != w {
		return "escape \\" + string(body[0]) + " decodes to " + strconv.Quote(val) + ", want " + strconv.Quote(w)
	}
	if body[0] == 'u' && len(body) >= 5 && isHex(body[1:5]) && !utf8.ValidString(val) {
		return "a \\u escape decodes to invalid UTF-8"
	}
	return ""
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return len(b) > 0
}

// checkPercent checks %HH against the byte it encodes.
func checkPercent(val string, chunk []byte) string {
	if len(chunk) < 3 || !isHex(chunk[1:3]) {
		return "a '%' without two hex digits is decoded"
	}
	n, _ := strconv.ParseUint(string(chunk[1:3]), 16, 8)
	if val != string([]byte{byte(n)}) {
		return "percent escape decodes to the wrong byte"
	}
	return ""
}

// checkEntity checks XML entity and character references.
func checkEntity(val string, chunk []byte) string {
	s := string(chunk)
	end := strings.IndexByte(s, ';')
	if end < 0 {
		return "an '&' without ';' is decoded"
	}
	name := s[1:end]
	named := map[string]string{"amp": "&", "lt": "<", "gt": ">", "quot": `"`, "apos": "'"}
	if w, ok := named[name]; ok {
		if val != w {
			return "entity &" + name + "; decodes to " + strconv.Quote(val)
		}
		return ""
	}
	if strings.HasPrefix(name, "#") {
		var n uint64
		var err error
		if strings.HasPrefix(name, "#x") || strings.HasPrefix(name, "#X") {
			n, err = strconv.ParseUint(name[2:], 16, 32)
		} else {
			n, err = strconv.ParseUint(name[1:], 10, 32)
		}
		if err != nil {
			return "a malformed character reference is decoded"
		}
		if r := rune(n); utf8.ValidRune(r) && val != string(r) {
			return "character reference decodes to " + strconv.Quote(val)
		}
		return ""
	}
	return "" // a DTD-declared or HTML entity: not checked
}
