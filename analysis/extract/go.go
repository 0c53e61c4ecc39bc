package extract

import (
	"bytes"
	"go/token"
	"strconv"
	"unicode/utf8"
)

// extractGo lexes Go source with goScanner (go_scan.go, which tokenizes
// exactly as go/scanner does) and returns its string literals
// (interpreted and raw; rune literals are not strings) with their
// context. A literal the scanner reports an error for (unterminated, bad
// escape, invalid UTF-8) is skipped. Value is what strconv.Unquote gives;
// Offsets are filled when it differs from the source text (escapes, or
// carriage returns dropped from a raw string).
//
// Besides the rules of the shared tracker (clike_ctx.go), Go's own: a '{'
// after a type (`T{`, `[]T{`, `map[K]V{`, `struct{...}{`) or inside a
// composite literal opens a composite literal, other braces open blocks
// (the headers of if/for/switch/select/func are tracked, as the language
// requires); `var`/`const` declarations key their values by the declared
// name, also in `var (...)` groups.
func extractGo(src []byte) []Literal {
	return extractGoWith(src, (*goLexer).run)
}

// extractGoWith runs extractGo with run feeding the lexer its tokens; the
// tests pass a go/scanner based one to compare against.
func extractGoWith(src []byte, run func(*goLexer)) []Literal {
	if bytes.IndexByte(src, '"') < 0 && bytes.IndexByte(src, '`') < 0 {
		return nil
	}
	g := goLexer{src: src, s: string(src)}
	g.t.init()
	g.t.lits = make([]Literal, 0, (bytes.Count(src, []byte{'"'})+bytes.Count(src, []byte{'`'}))/2+4)
	run(&g)
	return g.t.lits
}

// goLexer holds the state of one Go file.
type goLexer struct {
	src []byte
	s   string
	t   clTracker
	d   clDecoder

	declExpect bool   // the next identifier is a declared name (var/const)
	declName   string // the name declared by the current var/const spec
}

// run feeds the tokens of the file to the lexer.
func (g *goLexer) run() {
	var sc goScanner
	sc.init(g.s)
	for {
		off, tok, lit := sc.scan()
		if tok == token.EOF {
			return
		}
		g.token(off, tok, lit, sc.bad)
	}
}

// token handles the token tok at off with literal text lit, as
// go/scanner reports them; bad tells that the scanner reported an error
// while scanning a STRING token.
func (g *goLexer) token(off int, tok token.Token, lit string, bad bool) {
	t := &g.t
	switch tok {
	case token.IDENT:
		if g.declExpect {
			g.declName, g.declExpect = lit, false
		}
		t.ident(lit)
	case token.STRING:
		g.str(off, lit, bad)
	case token.CHAR, token.INT, token.FLOAT, token.IMAG:
		t.atom()
	case token.LPAREN:
		g.openParen()
	case token.LBRACK:
		t.open(frIndex, ']', "", "", callPlain)
	case token.LBRACE:
		g.openBrace()
	case token.RPAREN:
		t.close(')')
	case token.RBRACK:
		t.close(']')
	case token.RBRACE:
		t.close('}')
	case token.COMMA:
		t.comma()
	case token.SEMICOLON:
		f := t.top()
		f.flags &^= flFunc
		g.declExpect = f.flags&flDeclGroup != 0
		g.declName = ""
		t.semi()
	case token.COLON:
		t.colon()
	case token.ASSIGN, token.DEFINE:
		t.assignKey(g.declName, clAsPlain)
		g.declName = ""
	case token.ADD_ASSIGN:
		t.assign(clAsConcat)
	case token.SUB_ASSIGN, token.MUL_ASSIGN, token.QUO_ASSIGN, token.REM_ASSIGN,
		token.AND_ASSIGN, token.OR_ASSIGN, token.XOR_ASSIGN, token.SHL_ASSIGN,
		token.SHR_ASSIGN, token.AND_NOT_ASSIGN:
		t.assign(clAsPlain)
	case token.PERIOD:
		t.dot(false)
	case token.ADD:
		t.plus()
	default:
		if tok.IsKeyword() {
			g.keyword(tok)
		} else {
			t.op()
		}
	}
}

// keyword handles a Go keyword.
func (g *goLexer) keyword(tok token.Token) {
	t := &g.t
	f := t.top()
	switch tok {
	case token.VAR, token.CONST:
		t.stmt()
		g.declExpect, g.declName = true, ""
	case token.IF, token.FOR, token.SWITCH, token.SELECT:
		t.stmt()
		f.flags |= flHeader
	case token.FUNC:
		f.flags |= flFunc
	case token.CASE, token.DEFAULT:
		if f.kind == frBlock {
			t.caseLabel()
		}
	case token.RETURN, token.GO, token.DEFER, token.TYPE, token.IMPORT, token.PACKAGE:
		t.stmt()
	}
	t.keyword(tok.String())
	if tok == token.RETURN {
		t.returnKey()
	}
}

// openParen opens a call's argument list or grouping parentheses.
func (g *goLexer) openParen() {
	t := &g.t
	switch t.prev {
	case tkIdent:
		name := t.prevWord
		rk := ""
		if t.recv != "" && clReceiverCall(name) {
			rk = t.recv
		}
		t.open(frCall, ')', name, rk, clCallKindOf(name, t.recv, false))
		return
	case tkClose:
		if t.prevClose != '}' {
			t.open(frCall, ')', "", "", callPlain)
			return
		}
	case tkKeyword:
		if g.declExpect {
			// var ( ... ) / const ( ... )
			t.open(frParen, ')', "", "", callPlain)
			t.top().flags |= flDeclGroup
			return
		}
	}
	t.open(frParen, ')', "", "", callPlain)
}

// openBrace opens a composite literal or a block.
func (g *goLexer) openBrace() {
	t := &g.t
	f := t.top()
	header := f.flags&(flHeader|flFunc) != 0
	kind := frBlock
	switch t.prev {
	case tkIdent:
		// In a header only `[]T{`/`map[K]V{` can be a literal: the
		// TypeName form must be parenthesized there.
		// A pending func signature's brace opens its body even after a
		// slice result type: func f() []string {.
		if (!header || t.afterRB) && f.flags&flFunc == 0 {
			kind = frComposite
		}
	case tkClose:
		if !header && t.prevClose != ')' {
			kind = frComposite
		}
	case tkOpen, tkComma, tkColon:
		if f.kind == frComposite {
			kind = frComposite
		}
	}
	fn := kind == frBlock && f.flags&flFunc != 0
	if kind == frBlock {
		f.flags &^= flHeader | flFunc
	}
	g.declExpect = false
	t.open(kind, '}', "", "", callPlain)
	if fn {
		// func name(...) results {: the function's name is the call-shaped
		// name before the last parameter list; closures have none.
		t.funcBody(t.lastCall)
	}
}

// str emits the string literal lit found at off.
func (g *goLexer) str(off int, lit string, bad bool) {
	t := &g.t
	if bad || len(lit) < 2 {
		t.atom()
		return
	}
	ctx := t.ctx()
	idx := -1
	if lit[0] == '`' {
		idx = g.raw(off, ctx)
	} else {
		idx = g.interpreted(off, len(lit), ctx)
	}
	t.endString(idx)
}

// raw emits a raw string literal starting at off.
func (g *goLexer) raw(off int, ctx clCtx) int {
	e := bytes.IndexByte(g.src[off+1:], '`')
	if e < 0 {
		return -1
	}
	from, to := off+1, off+1+e
	content := g.s[from:to]
	if bytes.IndexByte(g.src[from:to], '\r') < 0 {
		return g.t.emit(Span{from, to}, content, nil, "`", EscapeNone, ctx, false)
	}
	v, err := strconv.Unquote(g.s[off : to+1])
	if err != nil {
		return -1
	}
	d := &g.d
	d.src = g.src
	d.reset()
	for i := from; i < to; i++ {
		if g.src[i] != '\r' {
			d.add(g.src[i], i)
		}
	}
	if string(d.buf) != v {
		return -1
	}
	_, offs := d.result(to)
	return g.t.emit(Span{from, to}, v, offs, "`", EscapeNone, ctx, false)
}

// interpreted emits an interpreted string literal of length n at off.
func (g *goLexer) interpreted(off, n int, ctx clCtx) int {
	from, to := off+1, off+n-1
	if to < from || g.src[to] != '"' {
		return -1
	}
	content := g.s[from:to]
	if bytes.IndexByte(g.src[from:to], '\\') < 0 {
		if !utf8.ValidString(content) {
			return -1
		}
		return g.t.emit(Span{from, to}, content, nil, `"`, EscapeBackslash, ctx, false)
	}
	v, err := strconv.Unquote(g.s[off : to+1])
	if err != nil {
		return -1
	}
	if !g.decode(from, to) || string(g.d.buf) != v {
		return -1
	}
	_, offs := g.d.result(to)
	return g.t.emit(Span{from, to}, v, offs, `"`, EscapeBackslash, ctx, false)
}

// decode resolves the escapes of src[from:to] into the decoder, keeping
// the source offset of each byte (an escape's bytes map to its backslash).
func (g *goLexer) decode(from, to int) bool {
	src := g.src
	d := &g.d
	d.src = src
	d.reset()
	for i := from; i < to; {
		c := src[i]
		if c != '\\' {
			d.add(c, i)
			i++
			continue
		}
		if i+1 >= to {
			return false
		}
		e := src[i+1]
		switch e {
		case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', '"':
			d.add(goSimpleEscape(e), i)
			i += 2
		case '0', '1', '2', '3', '4', '5', '6', '7':
			if i+4 > to {
				return false
			}
			v := 0
			for k := i + 1; k < i+4; k++ {
				if src[k] < '0' || src[k] > '7' {
					return false
				}
				v = v*8 + int(src[k]-'0')
			}
			if v > 255 {
				return false
			}
			d.add(byte(v), i)
			i += 4
		case 'x':
			v, ok := clHexN(src, i+2, to, 2)
			if !ok {
				return false
			}
			d.add(byte(v), i)
			i += 4
		case 'u', 'U':
			size := 4
			if e == 'U' {
				size = 8
			}
			v, ok := clHexN(src, i+2, to, size)
			if !ok || !utf8.ValidRune(rune(v)) {
				return false
			}
			d.addRune(rune(v), i)
			i += 2 + size
		default:
			return false
		}
	}
	return true
}

func goSimpleEscape(e byte) byte {
	switch e {
	case 'a':
		return '\a'
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'v':
		return '\v'
	}
	return e
}
