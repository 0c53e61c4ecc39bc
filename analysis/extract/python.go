package extract

// extractPython returns the string literals of Python source with their
// context.
//
// Context rules:
//   - Key: the target of an assignment (`SCOPES = ...`, `self.scope = ...`,
//     `scope: str = ...`, `cfg["scope"] = ...`), a keyword argument or
//     parameter default (`scopes=...`), or a dict key (`{"scope": ...}`).
//     Elements of a list, tuple, set or dict value inherit the key the
//     container is assigned to. The arguments of a call do not inherit the
//     key its result is assigned to.
//   - Call: the innermost call whose argument list holds the literal,
//     directly or inside a container argument.
//   - List: shared by the elements of one list, tuple or set, and by the
//     positional arguments of one call. Keyword arguments and dict entries
//     have none.
//   - Partial: operands of implicit concatenation ("a" "b"), of '+', of '%'
//     formatting and the template of str.format.
//
// f-strings (and t-strings) with a replacement field or a brace escape are
// lexed to find their end (Python 3.12 nesting included) but not reported;
// without one they are plain literals. Raw strings carry their prefix in
// Quote ("r'", "rb\"\"\"") and EscapeNone; other prefixes are left out of
// Quote, which Literal.Encode escapes character by character. Strings
// with \N{...} or a malformed escape are skipped; a lone surrogate escape
// decodes to U+FFFD; source bytes are not re-decoded from a coding
// declaration.
func extractPython(src []byte) []Literal {
	p := &pyLexer{out: newScOut(src, "\"'", 2)}
	p.s = p.out.s
	p.stack = append(p.stack, pyFrame{kind: pyTop})
	p.run()
	return p.out.result()
}

// Frame kinds of the Python lexer.
const (
	pyTop    = iota // statement level
	pyCall          // argument list of a call
	pyParams        // parameter list of def/class
	pyGroup         // parenthesized expression or tuple
	pyList          // list display
	pySub           // subscript
	pyBrace         // dict or set display
)

// Token kinds the Python lexer remembers as the previous token.
const (
	pyTkNone = iota
	pyTkIdent
	pyTkKeyword
	pyTkString
	pyTkNumber
	pyTkOp
	pyTkClose
	pyTkSubKey // ']' closing a subscript that holds exactly one string
)

// pyMaxNest bounds the nesting of f-string replacement fields.
const pyMaxNest = 64

// pyFrame is one open bracket (or the statement level).
type pyFrame struct {
	kind    int
	call    string // call name (call frames) or inherited call (containers)
	baseKey string // key every element inherits
	key     string // key of the current element
	list    int    // list id, 0 until an element needs it
	comma   bool   // a comma at this level (a group is a tuple)
	dict    bool   // a key separator at this level ({} is a dict)
	lit0    int    // index of the first literal emitted inside
	toks    int    // tokens seen directly at this level
	oneLit  int    // with toks == 1: the literal of that single string token, or -1
	param   string // params frames: the parameter being defined
	ann     string // top: the annotated target of the statement
	chain   bool   // top: the statement so far is a dotted name
}

type pyLexer struct {
	s     string
	out   *scOut
	stack []pyFrame

	prev     int    // kind of the previous token
	prevText string // its text for identifiers and operators
	subKey   string // with prev == pyTkSubKey: the subscript's string
	defNext  bool   // the previous token was 'def' or 'class'
	defName  bool   // the previous identifier named a def or class
	funcNext bool   // the previous token was 'def'
	// funcName is the name of the last function defined: the value of a
	// return statement is keyed by it (def default_scopes(): return [...]).
	// Without indentation tracking a return after a nested def is keyed
	// by the nested one's name.
	funcName string

	// The current run of adjacent string tokens (implicit concatenation).
	grpFirst   int  // index of its first literal
	grpN       int  // string tokens in it
	grpPartial bool // it follows a '+' or '%'
	dotAfter   bool // a '.' follows the run (str.format check)
}

func (p *pyLexer) top() *pyFrame { return &p.stack[len(p.stack)-1] }

func (p *pyLexer) run() {
	s := p.s
	i := scSkipBOM(s)
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			i++
		case c == '\n' || c == '\r':
			i++
			if len(p.stack) == 1 {
				p.endStatement()
			}
		case c == '\\':
			// Explicit line joining; a stray backslash is skipped.
			i++
			if i < len(s) && s[i] == '\r' {
				i++
			}
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case c == '#':
			i = scLineEnd(s, i)
		case c == '"' || c == '\'':
			i = p.str(i, i)
		case scIdentStart(c):
			j := i + 1
			for j < len(s) && scIdentByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '"' || s[j] == '\'') && pyIsPrefix(s[i:j]) {
				i = p.str(i, j)
				continue
			}
			p.ident(s[i:j])
			i = j
		case scDigit(c) || (c == '.' && i+1 < len(s) && scDigit(s[i+1])):
			j := i + 1
			for j < len(s) && (scIdentByte(s[j]) || s[j] == '.') {
				j++
			}
			p.token(pyTkNumber, "")
			i = j
		default:
			i = p.op(i)
		}
	}
}

// pyIsPrefix reports whether w is a string prefix (r, b, u, f, t and the
// two-letter raw combinations, any case).
func pyIsPrefix(w string) bool {
	if len(w) == 0 || len(w) > 2 {
		return false
	}
	var raw, other int
	for k := 0; k < len(w); k++ {
		switch w[k] | 0x20 {
		case 'r':
			raw++
		case 'b', 'u', 'f', 't':
			other++
		default:
			return false
		}
	}
	if len(w) == 1 {
		return true
	}
	return raw == 1 && other == 1 && (w[0]|0x20) != 'u' && (w[1]|0x20) != 'u'
}

// pyKeyword reports whether w is a reserved word (these can precede '('
// or '[' without making a call or subscript).
func pyKeyword(w string) bool {
	switch w {
	case "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
		"elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
		"lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield":
		return true
	}
	return false
}

// endStatement resets the statement-level state at a logical line end.
func (p *pyLexer) endStatement() {
	f := &p.stack[0]
	f.key, f.ann, f.toks, f.chain = "", "", 0, true
	p.prev, p.prevText = pyTkNone, ""
	p.defNext, p.defName = false, false
}

// token records a token that is not a string.
func (p *pyLexer) token(kind int, text string) {
	f := p.top()
	if f.kind == pyTop && f.chain {
		isName := kind == pyTkIdent && p.prev != pyTkIdent
		if !isName && !(kind == pyTkOp && text == ".") {
			f.chain = false
		}
	}
	if p.prev == pyTkString {
		p.endGroup(kind, text)
	}
	f.toks++
	p.prev, p.prevText = kind, text
}

// endGroup closes a run of string tokens on the token that follows it.
func (p *pyLexer) endGroup(kind int, text string) {
	if kind == pyTkOp && (text == "+" || text == "%") {
		p.markGroupPartial()
	}
	p.dotAfter = kind == pyTkOp && text == "."
}

func (p *pyLexer) markGroupPartial() {
	for k := p.grpFirst; k < len(p.out.lits); k++ {
		p.out.lits[k].Partial = true
	}
}

func (p *pyLexer) ident(w string) {
	if p.dotAfter && p.prev == pyTkOp && p.prevText == "." && (w == "format" || w == "format_map") {
		p.markGroupPartial()
	}
	p.dotAfter = false
	if pyKeyword(w) {
		p.token(pyTkKeyword, w)
		p.defNext = w == "def" || w == "class"
		p.funcNext = w == "def"
		p.defName = false
		if f := p.top(); w == "return" && f.kind == pyTop {
			f.key = p.funcName
		}
		return
	}
	if p.funcNext {
		p.funcName = w
	}
	p.defName = p.defNext
	p.defNext, p.funcNext = false, false
	f := p.top()
	if f.kind == pyParams && (p.prev == pyTkNone || (p.prev == pyTkOp && (p.prevText == "," || p.prevText == "*" || p.prevText == "**"))) {
		f.param = w
	}
	p.token(pyTkIdent, w)
}

// op lexes an operator or bracket at i and returns the offset after it.
func (p *pyLexer) op(i int) int {
	s := p.s
	c := s[i]
	n := 1
	next := byte(0)
	if i+1 < len(s) {
		next = s[i+1]
	}
	switch c {
	case '(', '[', '{':
		p.open(s[i : i+1])
		return i + 1
	case ')', ']', '}':
		p.close()
		return i + 1
	case ',':
		p.comma()
		return i + 1
	case ';':
		if len(p.stack) == 1 {
			p.endStatement()
		} else {
			p.token(pyTkOp, ";")
		}
		return i + 1
	case ':':
		if next == '=' {
			p.assign(":=")
			return i + 2
		}
		p.colon()
		return i + 1
	case '=':
		if next == '=' {
			p.token(pyTkOp, "==")
			return i + 2
		}
		p.assign("=")
		return i + 1
	case '!', '<', '>':
		if next == c && c != '!' {
			n = 2
			if i+2 < len(s) && s[i+2] == '=' {
				p.assign(s[i : i+3])
				return i + 3
			}
		} else if next == '=' {
			n = 2
		}
	case '+', '-', '%', '@', '&', '|', '^':
		if next == '=' {
			p.assign(s[i : i+2])
			return i + 2
		}
		if c == '-' && next == '>' {
			n = 2
		}
	case '*', '/':
		if next == c {
			n = 2
		}
		if i+n < len(s) && s[i+n] == '=' {
			p.assign(s[i : i+n+1])
			return i + n + 1
		}
	}
	p.token(pyTkOp, s[i:i+n])
	return i + n
}

// open pushes the frame of an opening bracket.
func (p *pyLexer) open(text string) {
	parent := p.top()
	var f pyFrame
	f.lit0 = len(p.out.lits)
	f.oneLit = -1
	inherit := func() {
		f.baseKey = parent.key
		f.key = parent.key
		switch parent.kind {
		case pyCall:
			f.call = parent.call
		case pyGroup, pyList, pyBrace:
			f.call = parent.call
		}
	}
	valueEnd := p.prev == pyTkIdent || p.prev == pyTkClose || p.prev == pyTkSubKey || p.prev == pyTkString
	switch text {
	case "(":
		switch {
		case p.prev == pyTkIdent && p.defName:
			f.kind = pyParams
		case p.prev == pyTkIdent:
			f.kind, f.call = pyCall, p.prevText
		case p.prev == pyTkClose || p.prev == pyTkSubKey:
			f.kind = pyCall
		default:
			f.kind = pyGroup
			inherit()
		}
	case "[":
		if valueEnd {
			f.kind = pySub
		} else {
			f.kind = pyList
			inherit()
		}
	default:
		f.kind = pyBrace
		inherit()
	}
	p.token(pyTkOp, text)
	p.defName = false
	p.prev = pyTkNone
	p.stack = append(p.stack, f)
}

// close pops the innermost bracket frame.
func (p *pyLexer) close() {
	if len(p.stack) == 1 {
		p.token(pyTkClose, "")
		return
	}
	f := p.stack[len(p.stack)-1]
	p.stack = p.stack[:len(p.stack)-1]
	if p.prev == pyTkString {
		p.endGroup(pyTkClose, "")
	}
	if f.kind == pyGroup && !f.comma && f.list != 0 {
		// A parenthesized expression, not a tuple.
		for k := f.lit0; k < len(p.out.lits); k++ {
			if p.out.lits[k].List == f.list {
				p.out.lits[k].List = 0
			}
		}
	}
	p.token(pyTkClose, "")
	if f.kind == pySub && f.toks == 1 && f.oneLit >= 0 {
		l := &p.out.lits[f.oneLit]
		if !l.Partial {
			p.prev, p.subKey = pyTkSubKey, l.Value
		}
	}
}

func (p *pyLexer) comma() {
	f := p.top()
	switch f.kind {
	case pyTop:
		// A bare tuple keeps the statement's key.
	case pyCall, pySub:
		f.key = ""
	case pyParams:
		f.key, f.param = "", ""
	default:
		f.key = f.baseKey
	}
	f.comma = true
	p.token(pyTkOp, ",")
}

// colon handles ':' as a dict key separator or an annotation.
func (p *pyLexer) colon() {
	f := p.top()
	switch f.kind {
	case pyBrace:
		if !f.dict {
			// The first key separator: a dict, so what was taken for set
			// elements are keys and values.
			for k := f.lit0; f.list != 0 && k < len(p.out.lits); k++ {
				if p.out.lits[k].List == f.list {
					p.out.lits[k].List = 0
				}
			}
			f.dict = true
		}
		f.key = ""
		if p.prev == pyTkString && p.grpN == 1 && p.grpFirst == len(p.out.lits)-1 {
			f.key = p.out.lits[p.grpFirst].Value
		}
	case pyTop:
		if f.chain && p.prev == pyTkIdent {
			f.ann = p.prevText
		}
	}
	p.token(pyTkOp, ":")
}

// assign handles '=', augmented assignment and ':='.
func (p *pyLexer) assign(op string) {
	f := p.top()
	name := ""
	switch p.prev {
	case pyTkIdent:
		name = p.prevText
	case pyTkSubKey:
		name = p.subKey
	}
	switch f.kind {
	case pyTop:
		if f.ann != "" {
			name, f.ann = f.ann, ""
		}
		f.key = name
	case pyParams:
		f.key = f.param
	default:
		// Keyword arguments, and lambda defaults or ':=' inside brackets.
		f.key = name
	}
	p.token(pyTkOp, op)
}

// str lexes the string whose prefix starts at start and whose quote is at
// q, emits it when it is a plain literal, and returns the offset to resume
// at.
func (p *pyLexer) str(start, q int) int {
	s := p.s
	prefix := s[start:q]
	var raw, fmtStr, bytesStr bool
	for k := 0; k < len(prefix); k++ {
		switch prefix[k] | 0x20 {
		case 'r':
			raw = true
		case 'f', 't':
			fmtStr = true
		case 'b':
			bytesStr = true
		}
	}
	r := pyScan(s, q, fmtStr, raw, 0)
	if !r.ok {
		if r.end >= len(s) {
			return len(s)
		}
		// An unterminated single-line string: resume on the next line.
		return r.end
	}
	f := p.top()
	if p.prev != pyTkString {
		p.grpFirst, p.grpN = len(p.out.lits), 0
		p.grpPartial = p.prev == pyTkOp && (p.prevText == "+" || p.prevText == "%")
	}
	if f.kind == pyTop && f.chain {
		f.chain = false
	}
	p.grpN++
	lit := -1
	if !(fmtStr && r.brace) {
		quote := s[q:r.content]
		idx := -1
		switch {
		case !r.esc:
			esc := EscapeBackslash
			if raw {
				quote, esc = s[start:r.content], EscapeNone
			}
			idx = p.out.plain(r.content, r.close, quote, esc)
		case raw:
			quote = s[start:r.content]
			idx = p.decodeRaw(r.content, r.close, quote, r.triple)
		default:
			idx = p.decode(r.content, r.close, quote, bytesStr, r.triple)
		}
		if idx >= 0 {
			lit = idx
			p.setContext(&p.out.lits[idx])
		}
	}
	if p.grpN >= 2 || p.grpPartial {
		p.markGroupPartial()
	}
	f.toks++
	if f.toks == 1 {
		f.oneLit = lit
	}
	p.prev, p.prevText = pyTkString, ""
	p.dotAfter = false
	return r.end
}

// setContext fills Key, Call and List from the innermost frame.
func (p *pyLexer) setContext(l *Literal) {
	f := p.top()
	switch f.kind {
	case pyTop, pyParams:
		l.Key = f.key
	case pyCall:
		l.Call = f.call
		if f.key != "" {
			l.Key = f.key
		} else {
			l.List = p.listOf(f)
		}
	case pyGroup, pyList:
		l.Key, l.Call, l.List = f.key, f.call, p.listOf(f)
	case pyBrace:
		l.Key, l.Call = f.key, f.call
		if !f.dict {
			l.List = p.listOf(f)
		}
	}
}

func (p *pyLexer) listOf(f *pyFrame) int {
	if f.list == 0 {
		f.list = p.out.newList()
	}
	return f.list
}

// pyScanResult is where a string's parts lie.
type pyScanResult struct {
	content int  // first content byte
	close   int  // first byte of the closing quote
	end     int  // offset after the closing quote, or where to resume
	triple  bool // triple-quoted
	esc     bool // a backslash, or a CR in a triple-quoted string: the value may differ from the text
	brace   bool // an f-string holding a replacement field or brace escape
	ok      bool // terminated
}

// pySpecial marks, for each kind of string, the bytes pyScan must look at:
// backslash, line breaks, the quote and, in f-strings, braces.
var pySpecial = func() (t [4][256]bool) {
	for k := range t {
		t[k]['\\'], t[k]['\n'], t[k]['\r'] = true, true, true
		if k&1 != 0 {
			t[k]['{'], t[k]['}'] = true, true
		}
		if k&2 != 0 {
			t[k]['"'] = true
		} else {
			t[k]['\''] = true
		}
	}
	return t
}()

// pySpecialIndex picks the pySpecial table for a quote and string kind.
func pySpecialIndex(qc byte, fmtStr bool) int {
	k := 0
	if fmtStr {
		k |= 1
	}
	if qc == '"' {
		k |= 2
	}
	return k
}

// pyScan finds the end of the string whose opening quote is at q. For
// f-strings it lexes replacement fields, which may hold strings with the
// same quote (Python 3.12). depth bounds the nesting.
func pyScan(s string, q int, fmtStr, raw bool, depth int) pyScanResult {
	qc := s[q]
	r := pyScanResult{content: q + 1}
	if q+2 < len(s) && s[q+1] == qc && s[q+2] == qc {
		r.triple = true
		r.content = q + 3
	}
	if depth > pyMaxNest {
		r.end = len(s)
		return r
	}
	special := &pySpecial[pySpecialIndex(qc, fmtStr)]
	i := r.content
	for i < len(s) {
		c := s[i]
		if !special[c] {
			i++
			continue
		}
		switch {
		case c == '\\':
			r.esc = true
			i++
			if i < len(s) && s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			if i < len(s) && fmtStr && (s[i] == '{' || s[i] == '}') {
				// A backslash does not escape braces.
				continue
			}
			i++
		case c == qc:
			if !r.triple {
				r.close, r.end, r.ok = i, i+1, true
				return r
			}
			if i+2 < len(s) && s[i+1] == qc && s[i+2] == qc {
				r.close, r.end, r.ok = i, i+3, true
				return r
			}
			i++
		case c == '\n' || c == '\r':
			if !r.triple {
				r.end = i
				return r
			}
			r.esc = r.esc || c == '\r'
			i++
		case fmtStr && c == '{':
			r.brace = true
			if i+1 < len(s) && s[i+1] == '{' {
				i += 2
				continue
			}
			end, ok := pyField(s, i+1, qc, r.triple, depth+1)
			if !ok {
				r.end = len(s)
				if !r.triple && end < len(s) {
					r.end = scLineEnd(s, q)
				}
				return r
			}
			i = end
		case fmtStr && c == '}':
			r.brace = true
			i++
		default:
			i++
		}
	}
	r.end = len(s)
	return r
}

// pyField skips an f-string replacement field starting after its '{' and
// returns the offset after its '}'.
func pyField(s string, i int, qc byte, triple bool, depth int) (int, bool) {
	if depth > pyMaxNest {
		return len(s), false
	}
	nest := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '"' || c == '\'':
			r := pyScan(s, i, false, false, depth+1)
			if !r.ok {
				return r.end, false
			}
			i = r.end
		case scIdentStart(c):
			j := i + 1
			for j < len(s) && scIdentByte(s[j]) {
				j++
			}
			if j < len(s) && (s[j] == '"' || s[j] == '\'') && pyIsPrefix(s[i:j]) {
				var f, raw bool
				for k := i; k < j; k++ {
					f = f || s[k]|0x20 == 'f' || s[k]|0x20 == 't'
					raw = raw || s[k]|0x20 == 'r'
				}
				r := pyScan(s, j, f, raw, depth+1)
				if !r.ok {
					return r.end, false
				}
				j = r.end
			}
			i = j
		case c == '(' || c == '[' || c == '{':
			nest++
			i++
		case c == ')' || c == ']':
			nest--
			i++
		case c == '}':
			if nest <= 0 {
				return i + 1, true
			}
			nest--
			i++
		case c == ':' && nest <= 0:
			return pySpec(s, i+1, qc, triple, depth)
		case (c == '\n' || c == '\r') && !triple:
			// Before Python 3.12 a single-quoted f-string ends here; a
			// 3.12 field spanning lines is given up on rather than risk
			// running into the code that follows.
			return i, false
		default:
			i++
		}
	}
	return len(s), false
}

// pySpec skips the format spec of a replacement field (after ':') and
// returns the offset after the field's '}'.
func pySpec(s string, i int, qc byte, triple bool, depth int) (int, bool) {
	for i < len(s) {
		c := s[i]
		switch {
		case c == '{':
			end, ok := pyField(s, i+1, qc, triple, depth+1)
			if !ok {
				return end, false
			}
			i = end
		case c == '}':
			return i + 1, true
		case c == qc:
			return i, false
		case (c == '\n' || c == '\r') && !triple:
			return i, false
		default:
			i++
		}
	}
	return len(s), false
}

// decodeRaw emits a raw string: the text verbatim, except that a triple
// quoted string's CRLF and CR line breaks read as LF.
func (p *pyLexer) decodeRaw(start, end int, quote string, triple bool) int {
	s := p.s
	if !triple {
		return p.out.plain(start, end, quote, EscapeNone)
	}
	o := p.out
	o.reset()
	for i := start; i < end; i++ {
		c := s[i]
		if c == '\r' {
			if i+1 < end && s[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		o.addByte(c, i)
	}
	return o.decoded(start, end, quote, EscapeNone)
}

// decode emits a string with backslash escapes resolved. It returns -1
// for a literal it cannot decode with certainty (\N{...}, bad \u).
func (p *pyLexer) decode(start, end int, quote string, bytesStr, triple bool) int {
	s := p.s
	o := p.out
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c == '\r' && triple {
			if i+1 < end && s[i+1] == '\n' {
				i++
				continue
			}
			o.addByte('\n', i)
			i++
			continue
		}
		if c != '\\' || i+1 >= end {
			o.addByte(c, i)
			i++
			continue
		}
		at := i
		e := s[i+1]
		i += 2
		switch e {
		case '\n':
		case '\r':
			if i < end && s[i] == '\n' {
				i++
			}
		case '\\', '\'', '"':
			o.addByte(e, at)
		case 'a':
			o.addByte(7, at)
		case 'b':
			o.addByte(8, at)
		case 'f':
			o.addByte(12, at)
		case 'n':
			o.addByte('\n', at)
		case 'r':
			o.addByte('\r', at)
		case 't':
			o.addByte('\t', at)
		case 'v':
			o.addByte(11, at)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := rune(e - '0')
			for k := 0; k < 2 && i < end && '0' <= s[i] && s[i] <= '7'; k++ {
				v = v*8 + rune(s[i]-'0')
				i++
			}
			if bytesStr {
				o.addByte(byte(v), at)
			} else {
				o.addRune(v, at)
			}
		case 'x':
			v, ok := scParseHex(s[:end], i, 2)
			if !ok {
				return -1
			}
			i += 2
			if bytesStr {
				o.addByte(byte(v), at)
			} else {
				o.addRune(v, at)
			}
		case 'u', 'U', 'N':
			if bytesStr {
				o.addByte('\\', at)
				o.addByte(e, at+1)
				continue
			}
			if e == 'N' {
				return -1
			}
			n := 4
			if e == 'U' {
				n = 8
			}
			v, ok := scParseHex(s[:end], i, n)
			if !ok || v > 0x10FFFF {
				return -1
			}
			i += n
			o.addRune(v, at)
		default:
			// Unknown escapes keep the backslash.
			o.addByte('\\', at)
			o.addByte(e, at+1)
		}
	}
	return o.decoded(start, end, quote, EscapeBackslash)
}
