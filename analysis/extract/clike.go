package extract

import "bytes"

// extractCLike lexes JavaScript/TypeScript (and JSX, TSX, Vue and Svelte
// files), Java/Groovy/Scala, Kotlin, C#, PHP, Rust and Swift source and
// returns its string literals with their context (see clike_ctx.go).
//
// What is emitted:
//   - every complete string literal: Value decoded, Offsets filled when the
//     value differs from the source text;
//   - a string with substitutions (JS `${}`, Kotlin `$x`/`${}`, Swift
//     `\(...)`, C# `{...}`, PHP `$x`/`{$x}`): each literal text chunk
//     between substitutions, marked Partial (empty chunks are dropped); the
//     string literals inside the substitutions are emitted as code;
//   - JSX/Vue attribute values in quotes, with the attribute name as Key.
//
// What is lexed but not emitted: comments, character literals, regular
// expression literals, JSX text, PHP heredoc/nowdoc and shell backticks,
// C# interpolated raw strings, text outside PHP tags, Vue/Svelte <style>
// blocks. An unterminated string (at the end of its line, or at the end
// of the text for strings that may span lines), or one with an escape its
// language does not define, is not emitted.
func extractCLike(format Format, src []byte) []Literal {
	l := clexer{f: format, src: src, s: string(src)}
	l.d.src = src
	l.identDollar = format == FormatJavaScript || format == FormatPHP || format == FormatJava || format == FormatSwift
	l.nestComment = format == FormatRust || format == FormatSwift || format == FormatKotlin
	l.t.init()
	l.t.lits = make([]Literal, 0, clEstimate(src))
	l.lex()
	return l.t.lits
}

// clEstimate guesses how many literals src holds, so that the
// result is allocated once.
func clEstimate(src []byte) int {
	return (bytes.Count(src, []byte{'"'})+bytes.Count(src, []byte{'\''})+bytes.Count(src, []byte{'`'}))/2 + 4
}

// clMaxNest bounds the nesting of string interpolations and markup, so that
// hostile input cannot exhaust the stack.
const clMaxNest = 64

// clexer is the lexer state for one file.
type clexer struct {
	f     Format
	src   []byte
	s     string // string(src): names and values are substrings of it
	pos   int
	t     clTracker
	d     clDecoder
	depth int

	identDollar bool // '$' is an identifier character
	nestComment bool // block comments nest

	opText  string   // text of the last operator token
	genName string   // identifier before the last '<' (generic call `f<T>(...)`)
	macro   string   // Rust: identifier before the last '!' (macro call)
	tags    []string // open markup elements

	markupFailed map[int]bool // positions where markup did not parse
	markupWork   int          // bytes lexed by failed markup attempts
	regexFail    int          // no regex literal may start before this offset
}

func (l *clexer) lex() {
	switch l.f {
	case FormatPHP:
		l.phpHTML()
	case FormatJavaScript:
		if len(l.src) > 1 && l.src[0] == '#' && l.src[1] == '!' {
			l.skipLine()
		}
	}
	l.run(0)
}

// run lexes code until the end of the text, or, when stop > 0, until the
// stop frame at index stop-1 is closed; it reports whether it was.
func (l *clexer) run(stop int) bool {
	src := l.src
	n := len(src)
	t := &l.t
	for l.pos < n {
		c := src[l.pos]
		switch cls := clClass[c]; {
		case cls&ccSpace != 0:
			l.pos++
			continue
		case cls&ccIdentStart != 0:
			l.word()
			continue
		}
		switch c {
		case '\n':
			l.pos++
			if !clContinues(src, l.pos) {
				t.newline()
			}
		case '"':
			l.dquote()
		case '\'':
			l.squote()
		case '`':
			l.backtick()
		case '/':
			l.slash()
		case '#':
			l.hash()
		case '@':
			l.at()
		case '$':
			l.dollar()
		case '(', '[', '{':
			l.pos++
			l.openBracket(c)
		case ')', ']', '}':
			l.pos++
			if t.atStop(stop, c) {
				t.popStop()
				return true
			}
			t.close(c)
		case ',':
			l.pos++
			t.top().flags &^= flNew
			t.comma()
		case ';':
			l.pos++
			t.top().flags &^= flNew | flHeader
			t.semi()
		case ':':
			l.colon()
		case '=':
			l.equals()
		case '+', '-', '.', '?', '<', '>', '!', '&', '|', '*', '%', '^', '~', '\\':
			l.operator(c)
		default:
			switch {
			case '0' <= c && c <= '9':
				l.number()
			default:
				l.pos++
				l.opTok("")
			}
		}
	}
	return false
}

// runNested lexes the code of an interpolation or markup expression whose
// stop frame was just opened.
func (l *clexer) runNested() bool {
	if l.depth >= clMaxNest {
		l.pos = len(l.src)
		return false
	}
	l.depth++
	ok := l.run(len(l.t.frames))
	l.depth--
	return ok
}

func (l *clexer) opTok(text string) {
	l.opText = text
	l.t.op()
}

// Byte classes of the C-family lexers.
const (
	ccIdentStart uint8 = 1 << iota // letter, '_' or a byte of a non-ASCII character
	ccIdent                        // identStart or digit
	ccSpace                        // blank other than a newline
)

// clClass holds the class bits of each byte (read-only).
var clClass = func() (t [256]uint8) {
	for c := 0; c < 256; c++ {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c >= 0x80:
			t[c] = ccIdentStart | ccIdent
		case '0' <= c && c <= '9':
			t[c] = ccIdent
		case c == ' ', c == '\t', c == '\r', c == '\f', c == '\v', c == 0:
			t[c] = ccSpace
		}
	}
	return t
}()

func clIdentStart(c byte) bool { return clClass[c]&ccIdentStart != 0 }

func clIdentByte(c byte) bool { return clClass[c]&ccIdent != 0 }

func clIsDigit(c byte) bool { return '0' <= c && c <= '9' }

// identEnd returns the end of the identifier that starts at i.
func (l *clexer) identEnd(i int) int {
	src := l.src
	for i < len(src) {
		c := src[i]
		if clClass[c]&ccIdent != 0 || c == '$' && l.identDollar {
			i++
			continue
		}
		break
	}
	return i
}

// word lexes an identifier or keyword (or a prefixed string).
func (l *clexer) word() {
	start := l.pos
	l.pos = l.identEnd(start + 1)
	w := l.s[start:l.pos]
	if l.pos < len(l.src) {
		switch l.f {
		case FormatRust:
			if l.rustPrefix(w, start) {
				return
			}
		case FormatJava:
			if l.src[l.pos] == '"' && (w == "s" || w == "f" || w == "raw") {
				l.dquote()
				return
			}
		}
	}
	l.wordTok(w)
}

// wordTok feeds an identifier or keyword to the tracker.
func (l *clexer) wordTok(w string) {
	t := &l.t
	if t.prev == tkDot {
		t.ident(w)
		return
	}
	if l.f == FormatPHP && w[0] == '$' {
		if len(w) == 1 {
			l.opTok("$")
			return
		}
		t.ident(w[1:])
		return
	}
	if l.f == FormatKotlin && w == "to" && t.prev == tkString {
		t.arrow()
		return
	}
	k := clKeyword(l.f, w)
	if k == 0 || k&kwName != 0 {
		t.ident(w)
		return
	}
	f := t.top()
	if k&kwReset != 0 {
		t.stmt()
	}
	if k&kwCase != 0 && f.kind == frBlock {
		t.caseLabel()
	}
	if k&kwNew != 0 {
		f.flags |= flNew
	}
	if k&kwHeader != 0 {
		f.flags |= flHeader
	}
	t.keyword(w)
	if w == "return" {
		t.returnKey()
	}
}

// number lexes a numeric literal.
func (l *clexer) number() {
	src := l.src
	n := len(src)
	i := l.pos + 1
	for i < n {
		c := src[i]
		switch {
		case clIdentByte(c) && c < 0x80:
			i++
		case c == '.' && i+1 < n && clIsDigit(src[i+1]):
			i++
		case (c == '+' || c == '-') && (src[i-1] == 'e' || src[i-1] == 'E') && clIsDigit(src[l.pos]) && !(i-l.pos > 1 && (src[l.pos+1] == 'x' || src[l.pos+1] == 'X')):
			i++
		default:
			l.pos = i
			l.t.atom()
			return
		}
	}
	l.pos = i
	l.t.atom()
}

// clContinues reports whether the line starting at i continues the
// expression of the line before: it starts (after blanks) with an
// operator that cannot begin a statement, such as the '?' and ':' of a
// conditional split over lines, a '.' of a method chain, a ',', '&&',
// '||', '??', '=' or an arithmetic operator. Then the line break ends no
// statement (JavaScript inserts no semicolon there, and Kotlin and Swift
// read on too). A line starting with "++" or "--" begins a statement, and
// one starting with '/' may be a comment: neither continues.
func clContinues(src []byte, i int) bool {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\r') {
		i++
	}
	if i >= len(src) {
		return false
	}
	switch c := src[i]; c {
	case '?', ':', '.', ',', '=', '*', '%', '|', '&', '^':
		return true
	case '+', '-':
		return i+1 < len(src) && src[i+1] != c
	}
	return false
}

// skipLine moves to the end of the current line (not past the newline).
func (l *clexer) skipLine() {
	src := l.src
	for l.pos < len(src) && src[l.pos] != '\n' && src[l.pos] != '\r' {
		if l.f == FormatPHP && src[l.pos] == '?' && l.pos+1 < len(src) && src[l.pos+1] == '>' {
			return
		}
		l.pos++
	}
}

// atLineStart reports whether only blanks precede pos on its line.
func (l *clexer) atLineStart(pos int) bool {
	for i := pos - 1; i >= 0; i-- {
		switch l.src[i] {
		case ' ', '\t':
			continue
		case '\n', '\r':
			return true
		}
		return false
	}
	return true
}

// clEqFold compares ASCII case-insensitively.
func clEqFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// closingTag skips a markup closing tag met in code (the `</script>` of
// a Vue or Svelte file); it reports false when the text is not one.
func (l *clexer) closingTag() bool {
	src := l.src
	n := len(src)
	i := l.pos + 2
	if i >= n || !clIdentStart(src[i]) {
		return false
	}
	for i < n && clTagByte(src[i]) {
		i++
	}
	if !clEqFold(l.s[l.pos+2:i], "script") {
		return false
	}
	for i < n && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	if i >= n || src[i] != '>' {
		return false
	}
	l.pos = i + 1
	l.t.semi()
	return true
}

// htmlComment skips `<!-- ... -->` at l.pos.
func (l *clexer) htmlComment() {
	i := clIndex(l.src, l.pos+4, "-->")
	if i < 0 {
		l.pos = len(l.src)
		return
	}
	l.pos = i + 3
}

// clIndex finds sub in src at or after from, or returns -1.
func clIndex(src []byte, from int, sub string) int {
	for i := from; i+len(sub) <= len(src); i++ {
		if src[i] == sub[0] && string(src[i:i+len(sub)]) == sub {
			return i
		}
	}
	return -1
}
