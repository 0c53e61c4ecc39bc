package extract

// Punctuation of the C-family lexers: comments, regular expressions,
// prefixed strings and operators.

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
