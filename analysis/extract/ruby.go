package extract

import "strings"

// extractRuby returns the string literals of Ruby source with their
// context.
//
// Reported: '...' and "..." strings without interpolation, %q/%Q/%()
// strings without escapes or interpolation, and each word of %w/%W/%i/%I
// arrays (Quote "", EscapeNone, one List per array). Skipped but lexed so
// that nothing after them is mis-spanned: interpolated strings, regexps,
// backticks, symbols, character literals, heredocs, comments and
// =begin/=end blocks.
//
// Context rules:
//   - Key: an assignment target (`SCOPE = `, `@scope = `, `config.scope =
//     `, `ENV["SCOPES"] = `, `||=`), a hash or keyword-argument key
//     (`scope: `, `"scope": `, `:scope => `, `"scope" => `) or a parameter
//     default. Elements of an array or hash inherit the key the container
//     stands under.
//   - Call: the innermost method call whose arguments hold the literal,
//     with or without parentheses (`provider :github, ..., scope: "x"`).
//   - List: shared by the elements of one array and by the positional
//     arguments of one call.
//   - Partial: operands of adjacent-string concatenation, '+', '<<' and '%'.
func extractRuby(src []byte) []Literal {
	p := &rbLexer{out: newScOut(src, "\"'", 2)}
	p.s = p.out.s
	p.stack = append(p.stack, rbFrame{kind: rbTop})
	p.run()
	return p.out.result()
}

// Frame kinds of the Ruby lexer.
const (
	rbTop    = iota // statement level
	rbBlock         // { ... } block body: statement level
	rbCall          // f( ... )
	rbCmd           // f a, b: arguments without parentheses, up to the line end
	rbParams        // def f( ... )
	rbParen         // ( ... ) group
	rbArray         // [ ... ]
	rbIndex         // x[ ... ]
	rbHash          // { ... } hash literal
)

// Token kinds the Ruby lexer remembers as the previous token.
const (
	rbTkNone    = iota // start of a statement
	rbTkOp             // operator, opening bracket or comma: a value may follow
	rbTkKeyword        // keyword after which a value may follow
	rbTkValue          // literal value, keyword value (nil, end, self), number
	rbTkIdent          // identifier (method or local name)
	rbTkVar            // @ivar, @@cvar, $gvar, Constant
	rbTkString         // string literal
	rbTkSymbol         // :symbol
	rbTkClose          // ) ] }
	rbTkLabel          // scope:
	rbTkSubKey         // ] closing an index that holds one string or symbol
)

// rbMaxNest bounds the nesting of interpolations.
const rbMaxNest = 64

type rbFrame struct {
	kind    int
	call    string
	baseKey string
	key     string
	list    int
	lit0    int
	toks    int
	oneKey  string // with toks == 1: the value of that single string or symbol
	oneOK   bool
}

// rbHeredoc is a heredoc whose body starts after the current line.
type rbHeredoc struct {
	id     string
	indent bool // <<- or <<~: the terminator may be indented
}

type rbLexer struct {
	s     string
	out   *scOut
	stack []rbFrame

	prev     int
	prevText string
	space    bool // whitespace since the previous token
	symKey   string
	defNext  bool // the previous token was 'def'
	defName  bool // the previous identifier is a method being defined

	pending []rbHeredoc

	grpFirst   int
	grpN       int
	grpPartial bool
}

func (p *rbLexer) top() *rbFrame { return &p.stack[len(p.stack)-1] }

// rbKeyword reports whether w is a reserved word, and whether a value may
// follow it.
func rbKeyword(w string) (valueAfter, ok bool) {
	switch w {
	case "and", "begin", "break", "case", "defined?", "do", "else", "elsif", "ensure", "for",
		"if", "in", "next", "not", "or", "rescue", "return", "then", "unless", "until", "when",
		"while", "yield":
		return true, true
	case "alias", "class", "def", "end", "false", "module", "nil", "redo", "retry", "self",
		"super", "true", "undef", "__FILE__", "__LINE__", "__method__", "__dir__":
		return false, true
	}
	return false, false
}

// rbEndsCmd reports whether keyword w ends an argument list without
// parentheses.
func rbEndsCmd(w string) bool {
	switch w {
	case "if", "unless", "while", "until", "and", "or", "rescue", "then", "do", "end":
		return true
	}
	return false
}

func (p *rbLexer) run() {
	s := p.s
	i := scSkipBOM(s)
	i = p.lineStart(i)
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r':
			p.space = true
			i++
		case c == '\n':
			i = p.newline(i + 1)
		case c == '\\' && i+1 < len(s) && (s[i+1] == '\n' || s[i+1] == '\r'):
			i += 2
			if i < len(s) && s[i-1] == '\r' && s[i] == '\n' {
				i++
			}
			p.space = true
		case c == '#':
			i = scLineEnd(s, i)
		case c == '"' || c == '\'' || c == '`':
			i = p.quoted(i)
		case c == ':':
			i = p.colon(i)
		case c == '@' || c == '$':
			i = p.variable(i)
		case scDigit(c):
			j := i + 1
			for j < len(s) && (scIdentByte(s[j]) || (s[j] == '.' && j+1 < len(s) && scDigit(s[j+1]))) {
				j++
			}
			p.token(rbTkValue, "")
			i = j
		case scIdentStart(c):
			i = p.ident(i)
		default:
			i = p.op(i)
		}
	}
}

// valueExpected reports whether the next token starts a value rather than
// continuing an expression.
func (p *rbLexer) valueExpected() bool {
	switch p.prev {
	case rbTkNone, rbTkOp, rbTkKeyword, rbTkLabel:
		return true
	}
	return false
}

// argStart reports whether an operator-like character at i starts an
// argument: either a value is expected, or the previous token is an
// identifier followed by a space and the character is not.
func (p *rbLexer) argStart(i int) bool {
	if p.valueExpected() {
		return true
	}
	return p.prev == rbTkIdent && p.space && i+1 < len(p.s) && !isRbSpace(p.s[i+1]) && p.s[i+1] != '='
}

func isRbSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// token records a token that is not a string.
func (p *rbLexer) token(kind int, text string) {
	if p.prev == rbTkString && kind == rbTkOp && (text == "+" || text == "%" || text == "<<") {
		p.markGroupPartial()
	}
	f := p.top()
	f.toks++
	p.prev, p.prevText, p.space = kind, text, false
	p.defName = false
}

func (p *rbLexer) markGroupPartial() {
	for k := p.grpFirst; k < len(p.out.lits); k++ {
		p.out.lits[k].Partial = true
	}
}

// lineStart handles what only counts at the start of a line: =begin blocks
// and __END__. It returns where lexing goes on.
func (p *rbLexer) lineStart(i int) int {
	s := p.s
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], "=begin") && (i+6 == len(s) || isRbSpace(s[i+6])):
			// Skip to the line after the next line starting with =end.
			j := scLineEnd(s, i)
			for {
				if j >= len(s) {
					return len(s)
				}
				j++
				if strings.HasPrefix(s[j:], "=end") && (j+4 == len(s) || isRbSpace(s[j+4])) {
					i = scLineEnd(s, j)
					if i < len(s) {
						i++
					}
					break
				}
				j = scLineEnd(s, j)
			}
		case strings.HasPrefix(s[i:], "__END__"):
			e := scLineEnd(s, i)
			if scTrimCR(s, i, e) == i+7 {
				return len(s)
			}
			return i
		default:
			return i
		}
	}
	return i
}

// newline handles a line break; i is the offset after it.
func (p *rbLexer) newline(i int) int {
	if len(p.pending) > 0 {
		var ok bool
		i, ok = rbSkipHeredocs(p.s, i, p.pending)
		p.pending = p.pending[:0]
		if !ok {
			return len(p.s)
		}
	}
	p.space = true
	if !p.continued(i) {
		for p.top().kind == rbCmd {
			p.stack = p.stack[:len(p.stack)-1]
		}
		f := p.top()
		if f.kind == rbTop || f.kind == rbBlock {
			f.key = ""
			f.toks = 0
			p.prev, p.prevText = rbTkNone, ""
			p.defNext, p.defName = false, false
		}
	}
	return p.lineStart(i)
}

// continued reports whether the statement goes on after a line break: the
// line ended in an operator or comma, or the next line starts with '.'.
func (p *rbLexer) continued(i int) bool {
	switch p.prev {
	case rbTkOp:
		return true
	case rbTkKeyword:
		switch p.prevText {
		case "and", "or", "not":
			return true
		}
	}
	s := p.s
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i+1 < len(s) && (s[i] == '.' && s[i+1] != '.' || s[i] == '&' && s[i+1] == '.')
}

// rbSkipHeredocs skips the bodies of the pending heredocs, the first of
// which starts at i. ok is false when a terminator is missing.
func rbSkipHeredocs(s string, i int, pend []rbHeredoc) (int, bool) {
	for _, h := range pend {
		for {
			if i >= len(s) {
				return len(s), false
			}
			e := scLineEnd(s, i)
			line := s[i:scTrimCR(s, i, e)]
			if h.indent {
				line = strings.TrimLeft(line, " \t")
			}
			i = e + 1
			if line == h.id {
				break
			}
			if e >= len(s) {
				return len(s), false
			}
		}
	}
	if i > len(s) {
		i = len(s)
	}
	return i, true
}

// ident lexes an identifier or keyword at i.
func (p *rbLexer) ident(i int) int {
	s := p.s
	j := i + 1
	for j < len(s) && scIdentByte(s[j]) {
		j++
	}
	if j < len(s) && (s[j] == '?' || s[j] == '!') && (j+1 >= len(s) || s[j+1] != '=') {
		j++
	}
	w := s[i:j]
	afterDot := p.prev == rbTkOp && (p.prevText == "." || p.prevText == "&.")
	// A label, `scope: value`: not `Foo::Bar`, not the middle of `a ? b:c`.
	if j < len(s) && s[j] == ':' && (j+1 >= len(s) || s[j+1] != ':') && !afterDot && !(p.prev == rbTkOp && p.prevText == "?") {
		p.label(w)
		return j + 1
	}
	if p.defNext {
		// The method being defined: `def name(`, `def self.name(`.
		p.token(rbTkIdent, w)
		p.defNext = w == "self" || (j < len(s) && s[j] == '.')
		p.defName = true
		return j
	}
	if valueAfter, kw := rbKeyword(w); kw && !afterDot {
		if rbEndsCmd(w) {
			p.popCmds()
		}
		switch w {
		case "end":
			p.top().key = ""
		}
		kind := rbTkValue
		if valueAfter {
			kind = rbTkKeyword
		}
		p.token(kind, w)
		p.defNext = w == "def"
		return j
	}
	kind := rbTkIdent
	if 'A' <= w[0] && w[0] <= 'Z' && !afterDot {
		kind = rbTkVar
	}
	p.token(kind, w)
	if kind == rbTkIdent && j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		k := j
		for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
			k++
		}
		if p.cmdArgStart(k) {
			p.push(rbFrame{kind: rbCmd, call: w})
			p.prev, p.prevText = rbTkOp, ""
			p.space = true
			return k
		}
	}
	return j
}

// cmdArgStart reports whether the text at k (after an identifier and a
// space) starts the first argument of a call without parentheses.
func (p *rbLexer) cmdArgStart(k int) bool {
	s := p.s
	if k >= len(s) {
		return false
	}
	next := byte(0)
	if k+1 < len(s) {
		next = s[k+1]
	}
	switch c := s[k]; {
	case c == '"' || c == '\'' || c == '@' || c == '$' || c == '(' || c == '[' || scDigit(c):
		return true
	case c == ':':
		return next == '"' || next == '\'' || scIdentStart(next)
	case c == '%':
		return rbPercentStart(s, k)
	case c == '/':
		return next != ' ' && next != '=' && next != '\n'
	case c == '<':
		_, _, ok := rbHeredocAt(s, k)
		return ok
	case scIdentStart(c):
		j := k + 1
		for j < len(s) && scIdentByte(s[j]) {
			j++
		}
		if j < len(s) && s[j] == ':' && (j+1 >= len(s) || s[j+1] != ':') {
			return true // a label: keyword arguments
		}
		w := s[k:j]
		if _, kw := rbKeyword(w); kw {
			return !rbEndsCmd(w) && w != "in"
		}
		return true
	}
	return false
}

// push opens a frame.
func (p *rbLexer) push(f rbFrame) {
	f.lit0 = len(p.out.lits)
	p.stack = append(p.stack, f)
}

// popCmds closes argument lists without parentheses.
func (p *rbLexer) popCmds() {
	for p.top().kind == rbCmd {
		p.stack = p.stack[:len(p.stack)-1]
	}
}

// label handles `name:` (a hash or keyword-argument key).
func (p *rbLexer) label(name string) {
	f := p.top()
	f.key = name
	p.token(rbTkLabel, name)
}

// variable lexes @ivar, @@cvar, $gvar and the special globals ($', $" ...).
func (p *rbLexer) variable(i int) int {
	s := p.s
	j := i + 1
	if s[i] == '@' && j < len(s) && s[j] == '@' {
		j++
	}
	switch {
	case j < len(s) && scIdentStart(s[j]):
		for j < len(s) && scIdentByte(s[j]) {
			j++
		}
	case s[i] == '$' && j < len(s) && s[j] == '-':
		j += 2
	case s[i] == '$' && j < len(s):
		j++
		for s[j-1] >= '0' && s[j-1] <= '9' && j < len(s) && scDigit(s[j]) {
			j++
		}
	}
	if j > len(s) {
		j = len(s)
	}
	name := strings.TrimLeft(s[i:j], "@$")
	p.token(rbTkVar, name)
	return j
}

// colon lexes '::', ':symbol', ':"symbol"' and the ternary ':'.
func (p *rbLexer) colon(i int) int {
	s := p.s
	if i+1 < len(s) && s[i+1] == ':' {
		p.token(rbTkOp, "::")
		return i + 2
	}
	if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\'') {
		end, hasInterp, hasBackslash, ok := rbScanDelim(s, i+2, s[i+1], s[i+1], s[i+1] == '"', len(p.pending) > 0, 0)
		if !ok {
			return len(s)
		}
		p.token(rbTkSymbol, "")
		p.symKey = ""
		if !hasInterp && !hasBackslash {
			p.symKey = s[i+2 : end-1]
		}
		return end
	}
	if i+1 < len(s) && scIdentStart(s[i+1]) && (p.valueExpected() || p.space) {
		j := i + 2
		for j < len(s) && scIdentByte(s[j]) {
			j++
		}
		if j < len(s) && (s[j] == '?' || s[j] == '!' || s[j] == '=') && (j+1 >= len(s) || (s[j+1] != '=' && s[j+1] != '>' && s[j+1] != '~')) {
			j++
		}
		p.token(rbTkSymbol, "")
		p.symKey = s[i+1 : j]
		f := p.top()
		if f.toks == 1 {
			f.oneKey, f.oneOK = p.symKey, true
		}
		return j
	}
	p.token(rbTkOp, ":")
	return i + 1
}

// op lexes an operator, bracket, regexp, percent literal, heredoc start or
// character literal at i.
func (p *rbLexer) op(i int) int {
	s := p.s
	c := s[i]
	next := byte(0)
	if i+1 < len(s) {
		next = s[i+1]
	}
	switch c {
	case '(':
		f := rbFrame{kind: rbParen}
		switch {
		case p.prev == rbTkIdent && p.defName:
			f.kind = rbParams
		case (p.prev == rbTkIdent || p.prev == rbTkVar) && !p.space:
			f.kind, f.call = rbCall, p.prevText
		case p.prev == rbTkOp && (p.prevText == "." || p.prevText == "&."):
			f.kind = rbCall
		default:
			p.inherit(&f)
		}
		p.defName = false
		p.token(rbTkOp, "(")
		p.push(f)
		return i + 1
	case '[':
		f := rbFrame{kind: rbArray}
		if !p.valueExpected() && !(p.prev == rbTkIdent && p.space) {
			f.kind = rbIndex
		} else {
			p.inherit(&f)
		}
		p.token(rbTkOp, "[")
		p.push(f)
		return i + 1
	case '{':
		f := rbFrame{kind: rbBlock}
		if p.valueExpected() && !(p.prev == rbTkOp && p.prevText == "->") {
			f.kind = rbHash
			p.inherit(&f)
		}
		p.token(rbTkOp, "{")
		p.push(f)
		return i + 1
	case ')', ']', '}':
		p.close()
		return i + 1
	case '<', '>':
		if c == '<' && next == '<' && p.argStart(i) {
			if id, end, ok := rbHeredocAt(s, i); ok {
				p.pending = append(p.pending, rbHeredoc{id: id, indent: s[i+2] == '-' || s[i+2] == '~'})
				p.token(rbTkValue, "")
				return end
			}
		}
		if next == '=' {
			// <=, >=, <=> (not assignments).
			n := 2
			if c == '<' && i+2 < len(s) && s[i+2] == '>' {
				n = 3
			}
			p.token(rbTkOp, s[i:i+n])
			return i + n
		}
	case ',':
		f := p.top()
		switch f.kind {
		case rbTop, rbBlock:
		case rbArray, rbHash, rbParen:
			f.key = f.baseKey
		default:
			f.key = ""
		}
		p.token(rbTkOp, ",")
		return i + 1
	case ';':
		p.popCmds()
		if f := p.top(); f.kind == rbTop || f.kind == rbBlock {
			f.key = ""
			p.token(rbTkNone, "")
			p.prev = rbTkNone
			return i + 1
		}
		p.token(rbTkOp, ";")
		return i + 1
	case '=':
		switch {
		case next == '>':
			p.rocket()
			return i + 2
		case next == '=' || next == '~':
			n := 2
			if next == '=' && i+2 < len(s) && s[i+2] == '=' {
				n = 3
			}
			p.token(rbTkOp, s[i:i+n])
			return i + n
		}
		p.assign()
		p.token(rbTkOp, "=")
		return i + 1
	case '/':
		if p.argStart(i) {
			return p.literalEnd(rbScanDelim(s, i+1, '/', '/', true, len(p.pending) > 0, 0))
		}
	case '%':
		if rbPercentStart(s, i) && p.argStart(i) {
			return p.percent(i)
		}
	case '?':
		if p.argStart(i) && next != 0 && !isRbSpace(next) {
			// A character literal: ?a, ?\n, ?\u{41}.
			j := i + 2
			if next == '\\' {
				j = i + 3
				for j < len(s) && scIdentByte(s[j]) {
					j++
				}
				if j < len(s) && s[j] == '{' {
					for j < len(s) && s[j] != '}' && s[j] != '\n' {
						j++
					}
					j++
				}
			} else if j < len(s) && scIdentByte(s[j]) && scIdentByte(next) {
				break // `?ab` is not a character literal
			}
			if j > len(s) {
				j = len(s)
			}
			p.token(rbTkValue, "")
			return j
		}
	}
	// Plain operators: take the longest run the lexer cares about.
	n := 1
	switch c {
	case '&', '|':
		if next == c {
			n = 2
		} else if c == '&' && next == '.' {
			n = 2
		}
	case '*', '<', '>':
		if next == c {
			n = 2
		}
	case '-':
		if next == '>' {
			n = 2
		}
	case '!':
		if next == '=' || next == '~' {
			n = 2
		}
	case '.':
		for i+n < len(s) && s[i+n] == '.' && n < 3 {
			n++
		}
	}
	if i+n < len(s) && s[i+n] == '=' && c != '.' && c != '!' && !(c == '-' && n == 2) && !(c == '&' && n == 2 && next == '.') {
		// Operator assignment: `||=`, `+=`, `<<=`.
		p.assign()
		p.token(rbTkOp, "=")
		return i + n + 1
	}
	p.token(rbTkOp, s[i:i+n])
	return i + n
}

// inherit gives a container frame the context of the frame it opens in.
func (p *rbLexer) inherit(f *rbFrame) {
	parent := p.top()
	f.baseKey, f.key = parent.key, parent.key
	switch parent.kind {
	case rbCall, rbCmd, rbArray, rbHash, rbParen:
		f.call = parent.call
	}
}

// close pops the frame a closing bracket ends.
func (p *rbLexer) close() {
	p.popCmds()
	if len(p.stack) == 1 {
		p.token(rbTkClose, "")
		return
	}
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	p.token(rbTkClose, "")
	if f.kind == rbIndex && f.toks == 1 && f.oneOK {
		p.prev, p.symKey = rbTkSubKey, f.oneKey
	}
}

// assign sets the key from the target of an assignment.
func (p *rbLexer) assign() {
	f := p.top()
	switch p.prev {
	case rbTkIdent, rbTkVar:
		f.key = p.prevText
	case rbTkSubKey:
		f.key = p.symKey
	default:
		f.key = ""
	}
}

// rocket handles `=>`: the symbol or string before it is a hash key.
func (p *rbLexer) rocket() {
	f := p.top()
	key := ""
	switch p.prev {
	case rbTkSymbol:
		key = p.symKey
	case rbTkString:
		if p.grpN == 1 && p.grpFirst == len(p.out.lits)-1 {
			l := &p.out.lits[p.grpFirst]
			key = l.Value
			l.List = 0
			l.Key = f.baseKey
		}
	}
	f.key = key
	p.token(rbTkOp, "=>")
}

// literalEnd turns the result of a skipped literal into a token.
func (p *rbLexer) literalEnd(end int, _, _ bool, ok bool) int {
	if !ok {
		return len(p.s)
	}
	p.token(rbTkValue, "")
	return end
}

// rbPercentStart reports whether a percent literal starts at i.
func rbPercentStart(s string, i int) bool {
	if i+1 >= len(s) {
		return false
	}
	c := s[i+1]
	if strings.IndexByte("qQwWiIrsx", c) >= 0 {
		return i+2 < len(s) && rbPercentDelim(s[i+2])
	}
	return rbPercentDelim(c) && c != '='
}

// rbPercentDelim reports whether c can delimit a percent literal.
func rbPercentDelim(c byte) bool {
	return c > ' ' && c < 0x7f && !scIdentByte(c)
}

// rbClosing returns the closing delimiter for open.
func rbClosing(open byte) byte {
	switch open {
	case '(':
		return ')'
	case '[':
		return ']'
	case '{':
		return '}'
	case '<':
		return '>'
	}
	return open
}

// percent lexes a percent literal at i.
func (p *rbLexer) percent(i int) int {
	s := p.s
	kind := byte('Q')
	d := i + 1
	if strings.IndexByte("qQwWiIrsx", s[i+1]) >= 0 {
		kind = s[i+1]
		d = i + 2
	}
	open := s[d]
	closeC := rbClosing(open)
	interp := kind == 'Q' || kind == 'W' || kind == 'I' || kind == 'r' || kind == 'x'
	end, hasInterp, hasBackslash, ok := rbScanDelim(s, d+1, open, closeC, interp, len(p.pending) > 0, 0)
	if !ok {
		return len(s)
	}
	switch kind {
	case 'w', 'W', 'i', 'I':
		p.words(d+1, end-1, interp)
		p.stringToken(-1, end)
		p.prev = rbTkValue
	case 'q', 'Q':
		lit := -1
		if !hasInterp && !hasBackslash {
			lit = p.out.plain(d+1, end-1, s[i:d+1], EscapeNone)
			p.setContext(lit)
		}
		p.stringToken(lit, end)
	default:
		p.token(rbTkValue, "")
	}
	return end
}

// words emits each word of a %w/%i array held in [start, end).
func (p *rbLexer) words(start, end int, interp bool) {
	s := p.s
	f := p.top()
	list := 0
	i := start
	for i < end {
		for i < end && isRbWordSpace(s[i]) {
			i++
		}
		if i >= end {
			break
		}
		w := i
		skip := false
		for i < end && !isRbWordSpace(s[i]) {
			c := s[i]
			switch {
			case c == '\\':
				skip = true
				i += 2
				continue
			case interp && c == '#' && i+1 < end && s[i+1] == '{':
				skip = true
				e, ok := rbSkipInterp(s, i+2, false, 1)
				if !ok || e > end {
					return
				}
				i = e
				continue
			}
			i++
		}
		if i > end {
			i = end
		}
		if skip {
			continue
		}
		if list == 0 {
			list = p.out.newList()
		}
		k := p.out.plain(w, i, "", EscapeNone)
		l := &p.out.lits[k]
		l.Key, l.List = f.key, list
		switch f.kind {
		case rbCall, rbCmd, rbArray, rbHash, rbParen:
			l.Call = f.call
		}
		if f.kind == rbIndex {
			l.Key = ""
		}
	}
}

func isRbWordSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

// rbHeredocAt reports whether a heredoc start (<<ID, <<~ID, <<-'ID' ...)
// begins at i and returns its terminator and the offset after it.
func rbHeredocAt(s string, i int) (id string, end int, ok bool) {
	j := i + 2
	if j < len(s) && (s[j] == '~' || s[j] == '-') {
		j++
	}
	if j >= len(s) {
		return "", 0, false
	}
	switch q := s[j]; {
	case q == '\'' || q == '"' || q == '`':
		k := j + 1
		for k < len(s) && s[k] != q && s[k] != '\n' {
			k++
		}
		if k >= len(s) || s[k] != q || k == j+1 {
			return "", 0, false
		}
		return s[j+1 : k], k + 1, true
	case scIdentStart(q):
		k := j + 1
		for k < len(s) && scIdentByte(s[k]) {
			k++
		}
		if j == i+2 && !('A' <= q && q <= 'Z') && q != '_' {
			// `x <<foo` is more likely a shift by a method call.
			return "", 0, false
		}
		return s[j:k], k, true
	}
	return "", 0, false
}

// quoted lexes a '...', "..." or `...` string at i.
func (p *rbLexer) quoted(i int) int {
	s := p.s
	q := s[i]
	end, hasInterp, hasBackslash, ok := rbScanDelim(s, i+1, q, q, q != '\'', len(p.pending) > 0, 0)
	if !ok {
		return len(s)
	}
	if q == '`' {
		p.token(rbTkValue, "")
		return end
	}
	// "scope": value is a string label.
	if end+1 < len(s) && s[end] == ':' && s[end+1] != ':' && !hasInterp && (p.prev != rbTkOp || p.prevText != "?") {
		if k := p.decodeRb(i+1, end-1, q); k >= 0 {
			name := p.out.lits[k].Value
			p.out.lits = p.out.lits[:k]
			p.label(name)
			return end + 1
		}
	}
	lit := -1
	switch {
	case hasInterp:
	case !hasBackslash:
		lit = p.out.plain(i+1, end-1, s[i:i+1], EscapeBackslash)
	default:
		lit = p.decodeRb(i+1, end-1, q)
	}
	if lit >= 0 {
		p.setContext(lit)
	}
	p.stringToken(lit, end)
	return end
}

// stringToken records a string token (lit is -1 when nothing was emitted).
func (p *rbLexer) stringToken(lit int, end int) {
	f := p.top()
	if p.prev != rbTkString {
		p.grpFirst, p.grpN = len(p.out.lits), 0
		if lit >= 0 {
			p.grpFirst = lit
		}
		p.grpPartial = p.prev == rbTkOp && (p.prevText == "+" || p.prevText == "<<" || p.prevText == "%")
	}
	p.grpN++
	if p.grpN >= 2 || p.grpPartial {
		p.markGroupPartial()
	}
	f.toks++
	if f.toks == 1 && lit >= 0 {
		f.oneKey, f.oneOK = p.out.lits[lit].Value, true
	}
	p.prev, p.prevText, p.space = rbTkString, "", false
}

// setContext fills Key, Call and List of literal k from the innermost
// frame.
func (p *rbLexer) setContext(k int) {
	l := &p.out.lits[k]
	f := p.top()
	switch f.kind {
	case rbTop, rbBlock, rbParams:
		l.Key = f.key
	case rbCall, rbCmd:
		l.Call = f.call
		if f.key != "" {
			l.Key = f.key
		} else {
			l.List = p.listOf(f)
		}
	case rbArray:
		l.Key, l.Call, l.List = f.key, f.call, p.listOf(f)
	case rbHash, rbParen:
		l.Key, l.Call = f.key, f.call
	}
}

func (p *rbLexer) listOf(f *rbFrame) int {
	if f.list == 0 {
		f.list = p.out.newList()
	}
	return f.list
}

// rbScanDelim finds the end of a literal whose content starts at i and
// which closes with closeC (nesting open/closeC pairs when they differ).
// With interp, #{...} is skipped as code. end is the offset after the
// closing delimiter.
func rbScanDelim(s string, i int, open, closeC byte, interp, nlFails bool, depth int) (end int, hasInterp, hasBackslash, ok bool) {
	if depth > rbMaxNest {
		return len(s), false, false, false
	}
	nest := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\\':
			hasBackslash = true
			if i+1 < len(s) && s[i+1] == '\n' && nlFails {
				return len(s), hasInterp, hasBackslash, false
			}
			i += 2
			continue
		case c == closeC:
			if nest == 0 {
				return i + 1, hasInterp, hasBackslash, true
			}
			nest--
		case c == open && open != closeC:
			nest++
		case c == '\n' && nlFails:
			return len(s), hasInterp, hasBackslash, false
		case interp && c == '#' && i+1 < len(s):
			switch s[i+1] {
			case '{':
				hasInterp = true
				e, ok := rbSkipInterp(s, i+2, nlFails, depth+1)
				if !ok {
					return len(s), hasInterp, hasBackslash, false
				}
				i = e
				continue
			case '@', '$':
				hasInterp = true
			}
		}
		i++
	}
	return len(s), hasInterp, hasBackslash, false
}

// rbSkipInterp skips the code of an interpolation starting after its
// "#{" and returns the offset after its '}'.
func rbSkipInterp(s string, i int, nlFails bool, depth int) (int, bool) {
	if depth > rbMaxNest {
		return len(s), false
	}
	nest := 0
	for i < len(s) {
		c := s[i]
		switch c {
		case '"', '\'', '`':
			e, _, _, ok := rbScanDelim(s, i+1, c, c, c != '\'', nlFails, depth+1)
			if !ok {
				return len(s), false
			}
			i = e
			continue
		case '{':
			nest++
		case '}':
			if nest == 0 {
				return i + 1, true
			}
			nest--
		case '\n':
			if nlFails {
				return len(s), false
			}
		}
		i++
	}
	return len(s), false
}

// decodeRb emits the content [start, end) of a quoted string with its
// escapes resolved, or returns -1 when an escape cannot be decoded with
// certainty (control and meta escapes).
func (p *rbLexer) decodeRb(start, end int, q byte) int {
	s := p.s
	o := p.out
	quote := s[start-1 : start]
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c != '\\' || i+1 >= end {
			o.addByte(c, i)
			i++
			continue
		}
		at := i
		e := s[i+1]
		i += 2
		if q == '\'' {
			if e == '\\' || e == '\'' {
				o.addByte(e, at)
			} else {
				o.addByte('\\', at)
				o.addByte(e, at+1)
			}
			continue
		}
		switch e {
		case '\n':
		case '\r':
			if i < end && s[i] == '\n' {
				i++
			} else {
				o.addByte('\r', at)
			}
		case 'n':
			o.addByte('\n', at)
		case 't':
			o.addByte('\t', at)
		case 's':
			o.addByte(' ', at)
		case 'r':
			o.addByte('\r', at)
		case 'a':
			o.addByte(7, at)
		case 'b':
			o.addByte(8, at)
		case 'e':
			o.addByte(27, at)
		case 'f':
			o.addByte(12, at)
		case 'v':
			o.addByte(11, at)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			for k := 0; k < 2 && i < end && '0' <= s[i] && s[i] <= '7'; k++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			o.addByte(byte(v), at)
		case 'x':
			v := -1
			for k := 0; k < 2 && i < end && scHexVal(s[i]) >= 0; k++ {
				if v < 0 {
					v = 0
				}
				v = v*16 + scHexVal(s[i])
				i++
			}
			if v < 0 {
				return -1
			}
			o.addByte(byte(v), at)
		case 'u':
			if i < end && s[i] == '{' {
				i++
				for {
					for i < end && (s[i] == ' ' || s[i] == '\t') {
						i++
					}
					if i < end && s[i] == '}' {
						i++
						break
					}
					n := 0
					var v rune
					for i < end && scHexVal(s[i]) >= 0 && n < 6 {
						v = v<<4 | rune(scHexVal(s[i]))
						i++
						n++
					}
					if n == 0 || v > 0x10FFFF {
						return -1
					}
					o.addRune(v, at)
				}
				continue
			}
			v, ok := scParseHex(s[:end], i, 4)
			if !ok {
				return -1
			}
			i += 4
			o.addRune(v, at)
		case 'c', 'C', 'M':
			return -1
		default:
			o.addByte(e, at)
		}
	}
	return o.decoded(start, end, quote, EscapeBackslash)
}
