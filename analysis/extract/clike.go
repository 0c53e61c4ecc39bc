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
			t.newline()
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

// slash lexes a comment, a regular expression, `/=` or `/`.
func (l *clexer) slash() {
	src := l.src
	n := len(src)
	i := l.pos
	if i+1 < n {
		switch src[i+1] {
		case '/':
			l.skipLine()
			return
		case '*':
			l.blockComment()
			return
		}
	}
	if l.f == FormatJavaScript && l.exprStart() && l.regex() {
		return
	}
	if i+1 < n && src[i+1] == '=' {
		l.pos += 2
		l.t.assign(clAsPlain)
		return
	}
	l.pos++
	l.opTok("/")
}

// blockComment skips a /* */ comment (nested where the language nests
// them). A comment that spans lines counts as a line break.
func (l *clexer) blockComment() {
	src := l.src
	n := len(src)
	depth := 0
	nl := false
	i := l.pos
	for i < n {
		c := src[i]
		switch {
		case c == '/' && i+1 < n && src[i+1] == '*':
			if depth == 0 || l.nestComment {
				depth++
			}
			i += 2
			continue
		case c == '*' && i+1 < n && src[i+1] == '/':
			depth--
			i += 2
			if depth == 0 {
				l.pos = i
				if nl {
					l.t.newline()
				}
				return
			}
			continue
		case c == '\n':
			nl = true
		}
		i++
	}
	l.pos = n
}

// exprStart reports whether an operand may start here (JS): where a '/'
// starts a regular expression and a '<' may start a JSX element.
func (l *clexer) exprStart() bool {
	t := &l.t
	switch t.prev {
	case tkNone, tkOpen, tkComma, tkColon, tkAssign, tkOp, tkPlus, tkQuestion, tkSemi:
		return true
	case tkKeyword:
		return clKeyword(l.f, t.prevWord)&kwExpr != 0
	case tkClose:
		switch t.prevClose {
		case ')':
			return t.closedFl&flCtrl != 0
		case '}':
			return t.closedKey == frBlock
		}
	}
	return false
}

// regex skips a JS regular expression literal at l.pos; it reports false
// (and consumes nothing) when none ends on this line.
func (l *clexer) regex() bool {
	src := l.src
	n := len(src)
	i := l.pos + 1
	if i <= l.regexFail {
		return false
	}
	class := false
	for i < n {
		c := src[i]
		switch c {
		case '\\':
			i += 2
			continue
		case '\n', '\r':
			// Not a regex; nor, to keep the lexer linear, any other
			// slash before the end of this line.
			l.regexFail = i
			return false
		case '[':
			class = true
		case ']':
			class = false
		case '/':
			if !class {
				i++
				for i < n && clIdentByte(src[i]) {
					i++
				}
				l.pos = i
				l.t.atom()
				return true
			}
		}
		i++
	}
	return false
}

// hash lexes '#': a PHP comment, a C# directive, a Swift raw string, a
// Rust attribute, a JS private name.
func (l *clexer) hash() {
	src := l.src
	n := len(src)
	i := l.pos
	switch l.f {
	case FormatPHP:
		if i+1 < n && src[i+1] == '[' {
			l.pos++
			l.opTok("#")
			return
		}
		l.skipLine()
		return
	case FormatCSharp:
		if l.atLineStart(i) {
			l.skipLine()
			return
		}
	case FormatSwift:
		h := 0
		for i+h < n && src[i+h] == '#' {
			h++
		}
		if i+h < n && src[i+h] == '"' {
			l.swiftString(i, h)
			return
		}
	case FormatRust:
		j := i + 1
		if j < n && src[j] == '!' {
			j++
		}
		if j < n && src[j] == '[' {
			l.pos = j + 1
			l.t.open(frIndex, ']', "", "", callPlain)
			return
		}
	case FormatJavaScript:
		if i+1 < n && clIdentStart(src[i+1]) {
			l.pos = l.identEnd(i + 1)
			l.t.ident(l.s[i+1 : l.pos])
			return
		}
	}
	l.pos++
	l.opTok("#")
}

// at lexes '@': C# verbatim strings and identifiers, annotations.
func (l *clexer) at() {
	src := l.src
	n := len(src)
	i := l.pos
	if l.f == FormatCSharp && i+1 < n {
		switch {
		case src[i+1] == '"':
			l.csString(i, i+1, false, true)
			return
		case src[i+1] == '$' && i+2 < n && src[i+2] == '"':
			l.csString(i, i+2, true, true)
			return
		case clIdentStart(src[i+1]):
			l.pos = l.identEnd(i + 2)
			l.t.ident(l.s[i+1 : l.pos])
			return
		}
	}
	l.pos++
	l.opTok("@")
}

// dollar lexes '$': C# interpolated strings, identifiers elsewhere.
func (l *clexer) dollar() {
	src := l.src
	n := len(src)
	i := l.pos
	if l.f == FormatCSharp {
		d := 0
		for i+d < n && src[i+d] == '$' {
			d++
		}
		j := i + d
		switch {
		case j+2 < n && src[j] == '"' && src[j+1] == '"' && src[j+2] == '"':
			l.pos = j
			l.csRaw(i, d)
			return
		case d == 1 && j < n && src[j] == '"':
			l.csString(i, j, true, false)
			return
		case d == 1 && j+1 < n && src[j] == '@' && src[j+1] == '"':
			l.csString(i, j+1, true, true)
			return
		}
	}
	if l.identDollar {
		l.word()
		return
	}
	l.pos++
	l.opTok("$")
}

// colon lexes ':' and '::'.
func (l *clexer) colon() {
	src := l.src
	if l.pos+1 < len(src) && src[l.pos+1] == ':' {
		l.pos += 2
		l.t.dot(true)
		return
	}
	l.pos++
	l.t.colon()
}

// equals lexes '=', '==', '===', '=>', '=~'.
func (l *clexer) equals() {
	src := l.src
	n := len(src)
	i := l.pos
	if i+1 < n {
		switch src[i+1] {
		case '=':
			l.pos += 2
			if l.pos < n && src[l.pos] == '=' {
				l.pos++
			}
			l.opTok("==")
			return
		case '>':
			l.pos += 2
			if l.f == FormatPHP {
				l.t.arrow()
				return
			}
			l.opTok("=>")
			return
		case '~':
			l.pos += 2
			l.opTok("=~")
			return
		}
	}
	l.pos++
	l.t.assign(clAsPlain)
}

// operator lexes the remaining punctuation.
func (l *clexer) operator(c byte) {
	src := l.src
	n := len(src)
	i := l.pos
	t := &l.t
	var c1, c2 byte
	if i+1 < n {
		c1 = src[i+1]
	}
	if i+2 < n {
		c2 = src[i+2]
	}
	switch c {
	case '+':
		switch c1 {
		case '+':
			l.pos += 2
			t.atom()
		case '=':
			l.pos += 2
			t.assign(clAsConcat)
		default:
			l.pos++
			t.plus()
		}
		return
	case '-':
		switch c1 {
		case '-':
			l.pos += 2
			t.atom()
		case '=':
			l.pos += 2
			t.assign(clAsPlain)
		case '>':
			l.pos += 2
			if l.f == FormatPHP {
				t.dot(false)
			} else {
				l.opTok("->")
			}
		default:
			l.pos++
			l.opTok("-")
		}
		return
	case '.':
		switch {
		case clIsDigit(c1):
			l.number()
		case c1 == '.':
			l.pos += 2
			for l.pos < n && (src[l.pos] == '.' || src[l.pos] == '<' || src[l.pos] == '=') {
				l.pos++
			}
			l.opTok("..")
		case l.f == FormatPHP && c1 == '=':
			l.pos += 2
			t.assign(clAsConcat)
		case l.f == FormatPHP:
			l.pos++
			t.plus()
		default:
			l.pos++
			t.dot(false)
		}
		return
	case '?':
		l.question(c1, c2)
		return
	case '<':
		l.less(c1, c2)
		return
	case '>':
		r := 1
		for r < 3 && i+r < n && src[i+r] == '>' {
			r++
		}
		l.pos += r
		if l.pos < n && src[l.pos] == '=' {
			l.pos++
			if r > 1 {
				t.assign(clAsPlain)
				return
			}
			l.opTok(">=")
			return
		}
		l.opTok(">")
		return
	case '!':
		if c1 == '=' {
			l.pos += 2
			if c2 == '=' {
				l.pos++
			}
			l.opTok("!=")
			return
		}
		if l.f == FormatRust && t.prev == tkIdent {
			l.macro = t.prevWord
		} else {
			l.macro = ""
		}
		l.pos++
		l.opTok("!")
		return
	case '&', '|':
		switch {
		case c1 == c && c2 == '=':
			l.pos += 3
			t.assign(clAsPlain)
		case c1 == c:
			l.pos += 2
			l.opTok("&&")
		case c1 == '=':
			l.pos += 2
			t.assign(clAsPlain)
		default:
			l.pos++
			l.opTok("|")
		}
		return
	case '*', '%', '^':
		if c1 == '=' {
			l.pos += 2
			t.assign(clAsPlain)
			return
		}
	}
	l.pos++
	l.opTok("*")
}

// question lexes '?', '?.', '??', '??=', '?:', '?->' and PHP's '?>'.
func (l *clexer) question(c1, c2 byte) {
	t := &l.t
	switch {
	case c1 == '>' && l.f == FormatPHP:
		l.pos += 2
		t.semi()
		l.phpHTML()
	case c1 == '.' && !clIsDigit(c2):
		l.pos += 2
		t.dot(false)
	case c1 == '-' && c2 == '>' && l.f == FormatPHP:
		l.pos += 3
		t.dot(false)
	case c1 == '?' && c2 == '=':
		l.pos += 3
		t.assign(clAsPlain)
	case c1 == '?':
		l.pos += 2
		l.opTok("??")
	case c1 == ':' && l.f == FormatJavaScript:
		// TypeScript optional member `name?: T`: the colon keys the name.
		l.pos++
	case c1 == ':':
		l.pos += 2
		l.opTok("?:")
	default:
		l.pos++
		switch l.f {
		case FormatJavaScript, FormatJava, FormatPHP:
			t.question()
		case FormatCSharp, FormatSwift:
			if l.pos >= 2 && (l.src[l.pos-2] == ' ' || l.src[l.pos-2] == '\t' || l.src[l.pos-2] == '\n') {
				t.question()
			} else {
				l.opTok("?")
			}
		default:
			l.opTok("?")
		}
	}
}

// less lexes '<': operators, generics, PHP heredoc, JSX.
func (l *clexer) less(c1, c2 byte) {
	t := &l.t
	src := l.src
	switch l.f {
	case FormatPHP:
		if c1 == '<' && c2 == '<' && l.heredoc() {
			return
		}
	case FormatJavaScript:
		if c1 == '/' && l.closingTag() {
			return
		}
		if (clIdentStart(c1) && c1 < 0x80 || c1 == '>') && l.exprStart() && l.tryMarkup() {
			return
		}
		if c1 == '!' && c2 == '-' && l.pos+3 < len(src) && src[l.pos+3] == '-' && l.exprStart() {
			l.htmlComment()
			return
		}
	}
	switch {
	case c1 == '<' && c2 == '=':
		l.pos += 3
		t.assign(clAsPlain)
	case c1 == '<', c1 == '=':
		l.pos += 2
		if c2 == '>' && c1 == '=' {
			l.pos++
		}
		l.opTok("<<")
	default:
		if t.prev == tkIdent {
			l.genName = t.prevWord
		} else {
			l.genName = ""
		}
		l.pos++
		l.opTok("<")
	}
}

// openBracket handles the bracket at l.pos-1.
func (l *clexer) openBracket(c byte) {
	t := &l.t
	switch c {
	case '(':
		l.openParen()
	case '[':
		kind := frComposite
		switch t.prev {
		case tkIdent, tkClose, tkString:
			kind = frIndex
		case tkOp:
			if l.f == FormatRust && l.opText == "!" && l.macro != "" {
				name := l.macro
				l.macro = ""
				t.open(frCall, ']', name, "", clCallKindOf(name, "", false))
				return
			}
		}
		t.open(kind, ']', "", "", callPlain)
	case '{':
		kind := l.braceKind()
		t.top().flags &^= flHeader | flNew
		t.open(kind, '}', "", "", callPlain)
	}
}

// openParen opens a call's argument list or grouping parentheses.
func (l *clexer) openParen() {
	t := &l.t
	name, recv, isCall, ctor := "", "", false, false
	switch t.prev {
	case tkIdent:
		name, recv, isCall = t.prevWord, t.recv, true
		if l.f == FormatPHP && (clEqFold(name, "array") || clEqFold(name, "list")) {
			t.open(frComposite, ')', "", "", callPlain)
			return
		}
		if t.recvSep && recv != "" && (name == "new" || name == "from") {
			name, recv, ctor = recv, "", true
		}
	case tkClose:
		isCall = t.prevClose != '}'
	case tkOp:
		switch {
		case l.opText == ">" && l.genName != "":
			name, isCall = l.genName, true
		case l.opText == "!" && l.macro != "":
			name, isCall = l.macro, true
		}
	}
	l.genName, l.macro = "", ""
	if isCall {
		rk := ""
		if recv != "" && !t.recvSep && clReceiverCall(name) {
			rk = recv
		}
		t.open(frCall, ')', name, rk, clCallKindOf(name, t.recv, ctor))
		return
	}
	ctrl := t.prev == tkKeyword && clKeyword(l.f, t.prevWord)&kwCtrl != 0
	t.open(frParen, ')', "", "", callPlain)
	if ctrl {
		t.top().flags |= flCtrl
	}
}

// braceKind decides whether '{' opens a block or a composite literal.
func (l *clexer) braceKind() clFrameKind {
	t := &l.t
	f := t.top()
	switch l.f {
	case FormatJavaScript:
		switch t.prev {
		case tkOpen, tkComma, tkColon, tkAssign, tkQuestion, tkPlus:
			return frComposite
		case tkOp:
			if l.opText == "=>" {
				return frBlock
			}
			return frComposite
		case tkKeyword:
			if clKeyword(l.f, t.prevWord)&kwExpr != 0 || t.prevWord == "default" {
				return frComposite
			}
		}
	case FormatJava:
		switch t.prev {
		case tkAssign:
			return frComposite
		case tkOpen, tkComma:
			if f.kind != frBlock {
				return frComposite
			}
		case tkClose:
			if t.prevClose == ']' && f.flags&flNew != 0 {
				return frComposite
			}
		}
	case FormatCSharp:
		if f.flags&flNew != 0 {
			switch t.prev {
			case tkClose, tkIdent, tkOp:
				return frComposite
			}
		}
		switch t.prev {
		case tkAssign:
			return frComposite
		case tkOpen, tkComma:
			if f.kind == frComposite {
				return frComposite
			}
		}
	case FormatRust:
		if f.flags&flHeader != 0 {
			return frBlock
		}
		switch t.prev {
		case tkIdent:
			return frComposite
		case tkOpen, tkComma:
			if f.kind != frBlock {
				return frComposite
			}
		}
	}
	return frBlock
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

// phpHTML skips text outside PHP tags, up to and past the next opening
// tag (`<?php`, `<?=` or a short `<?`).
func (l *clexer) phpHTML() {
	src := l.src
	n := len(src)
	for i := l.pos; i+1 < n; i++ {
		if src[i] != '<' || src[i+1] != '?' {
			continue
		}
		j := i + 2
		switch {
		case j+3 <= n && clEqFold(l.s[j:j+3], "php"):
			l.pos = j + 3
			return
		case j < n && src[j] == '=':
			l.pos = j + 1
			return
		case j >= n || src[j] == ' ' || src[j] == '\n' || src[j] == '\r' || src[j] == '\t':
			l.pos = j
			return
		}
	}
	l.pos = n
}

// heredoc skips a PHP heredoc or nowdoc at l.pos ("<<<"); it reports
// false when the text there is not one.
func (l *clexer) heredoc() bool {
	src := l.src
	n := len(src)
	i := l.pos + 3
	for i < n && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	var q byte
	if i < n && (src[i] == '\'' || src[i] == '"') {
		q = src[i]
		i++
	}
	if i >= n || !clIdentStart(src[i]) {
		return false
	}
	start := i
	for i < n && clIdentByte(src[i]) {
		i++
	}
	label := src[start:i]
	if q != 0 {
		if i >= n || src[i] != q {
			return false
		}
		i++
	}
	if i < n && src[i] == '\r' {
		i++
	}
	if i >= n || src[i] != '\n' {
		return false
	}
	i++
	// The closing label starts a line (after blanks) and is not followed
	// by an identifier character.
	for i < n {
		j := i
		for j < n && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j+len(label) <= n && string(src[j:j+len(label)]) == string(label) &&
			(j+len(label) == n || !clIdentByte(src[j+len(label)])) {
			l.pos = j + len(label)
			l.t.atom()
			return true
		}
		for i < n && src[i] != '\n' {
			i++
		}
		i++
	}
	l.pos = n
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
