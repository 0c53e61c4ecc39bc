package extract

import (
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// goScanner tokenizes Go source the way go/scanner does in mode 0
// (comments skipped, semicolons inserted), yielding the same offsets,
// tokens and literal texts. Literals are substrings of the source, so a
// token costs no allocation (the one exception: a raw string holding a
// carriage return, whose literal has them dropped as go/scanner does).
//
// go/scanner reports errors through a callback; goLexer only needs to
// know whether the call that produced a STRING token reported one. That
// is what bad tells after scan returns a STRING: the literal is
// unterminated or has an invalid escape, or a character read during the
// call is invalid (a NUL, invalid UTF-8, a byte order mark after the
// first byte) — including those of the comments skipped before the
// string and the character right after it — or a skipped comment is a
// malformed line directive. For other tokens bad is false.
type goScanner struct {
	src        string
	off        int  // offset of the next character to read
	insertSemi bool // a newline or EOF ends the statement
	utf16      bool // the source starts with a UTF-16 byte order mark
	bad        bool // the last token is a STRING with an error
}

// goBOM is the byte order mark, allowed only as the first character.
const goBOM = 0xFEFF

// init prepares s to tokenize src, skipping a leading byte order mark.
func (s *goScanner) init(src string) {
	*s = goScanner{src: src}
	switch {
	case len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF):
		// go/scanner reports UTF-16 input as one illegal character
		// and consumes it all.
		s.utf16 = true
	case strings.HasPrefix(src, "\uFEFF"):
		s.off = len("\uFEFF")
	}
}

// scan returns the next token: its offset, kind and literal text (see
// go/scanner.Scanner.Scan). At the end it returns token.EOF, repeatedly.
func (s *goScanner) scan() (int, token.Token, string) {
	s.bad = false
	src := s.src
	if s.utf16 {
		s.utf16 = false
		s.off = len(src)
		return 0, token.ILLEGAL, "\uFFFD"
	}
	start := s.off // characters after this one are read by this call
	dirErr := false
again:
	i := s.off
	for i < len(src) {
		c := src[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' && !s.insertSemi {
			i++
			continue
		}
		break
	}
	if i >= len(src) {
		s.off = i
		if s.insertSemi {
			s.insertSemi = false
			return i, token.SEMICOLON, "\n"
		}
		return i, token.EOF, ""
	}
	c := src[i]
	switch {
	case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_':
		return s.word(i, goIdentEnd(src, i+1))
	case '0' <= c && c <= '9' || c == '.' && i+1 < len(src) && '0' <= src[i+1] && src[i+1] <= '9':
		tok, end := goNumber(src, i)
		s.off, s.insertSemi = end, true
		return i, tok, src[i:end]
	case c >= utf8.RuneSelf:
		r, w := utf8.DecodeRuneInString(src[i:])
		if unicode.IsLetter(r) {
			return s.word(i, goIdentEnd(src, i+w))
		}
		// An illegal character keeps the semicolon state.
		s.off = i + w
		if r == utf8.RuneError && w == 1 {
			return i, token.ILLEGAL, "\uFFFD"
		}
		return i, token.ILLEGAL, src[i : i+w]
	}

	// One-character tokens and operators.
	tok, n, semi := token.ILLEGAL, 1, false
	at := func(k int) byte {
		if k < len(src) {
			return src[k]
		}
		return 0
	}
	c1 := at(i + 1)
	switch c {
	case '\n':
		// Only reached when a semicolon is due.
		s.off, s.insertSemi = i+1, false
		return i, token.SEMICOLON, "\n"
	case '"':
		return s.interpreted(start, i, dirErr)
	case '`':
		return s.raw(start, i, dirErr)
	case '\'':
		end := goRuneEnd(src, i+1)
		s.off, s.insertSemi = end, true
		return i, token.CHAR, src[i:end]
	case '/':
		if c1 == '/' || c1 == '*' {
			end, nl, derr := goComment(src, i)
			s.off = end
			if s.insertSemi && nl >= 0 {
				// A /*...*/ comment spanning lines ends the statement
				// at its first newline.
				s.insertSemi = false
				return nl, token.SEMICOLON, "\n"
			}
			dirErr = dirErr || derr
			goto again
		}
		tok = goOp2(c1, token.QUO, token.QUO_ASSIGN, &n)
	case ':':
		tok = goOp2(c1, token.COLON, token.DEFINE, &n)
	case '.':
		tok = token.PERIOD
		if c1 == '.' && at(i+2) == '.' {
			tok, n = token.ELLIPSIS, 3
		}
	case ',':
		tok = token.COMMA
	case ';':
		s.off, s.insertSemi = i+1, false
		return i, token.SEMICOLON, ";"
	case '(':
		tok = token.LPAREN
	case ')':
		tok, semi = token.RPAREN, true
	case '[':
		tok = token.LBRACK
	case ']':
		tok, semi = token.RBRACK, true
	case '{':
		tok = token.LBRACE
	case '}':
		tok, semi = token.RBRACE, true
	case '+':
		tok = goOp3(c1, token.ADD, token.ADD_ASSIGN, '+', token.INC, &n)
		semi = tok == token.INC
	case '-':
		tok = goOp3(c1, token.SUB, token.SUB_ASSIGN, '-', token.DEC, &n)
		semi = tok == token.DEC
	case '*':
		tok = goOp2(c1, token.MUL, token.MUL_ASSIGN, &n)
	case '%':
		tok = goOp2(c1, token.REM, token.REM_ASSIGN, &n)
	case '^':
		tok = goOp2(c1, token.XOR, token.XOR_ASSIGN, &n)
	case '<':
		if c1 == '-' {
			tok, n = token.ARROW, 2
		} else {
			tok = goOp4(c1, at(i+2), token.LSS, token.LEQ, '<', token.SHL, token.SHL_ASSIGN, &n)
		}
	case '>':
		tok = goOp4(c1, at(i+2), token.GTR, token.GEQ, '>', token.SHR, token.SHR_ASSIGN, &n)
	case '=':
		tok = goOp2(c1, token.ASSIGN, token.EQL, &n)
	case '!':
		tok = goOp2(c1, token.NOT, token.NEQ, &n)
	case '&':
		if c1 == '^' {
			tok = goOp2(at(i+2), token.AND_NOT, token.AND_NOT_ASSIGN, &n)
			n++
		} else {
			tok = goOp3(c1, token.AND, token.AND_ASSIGN, '&', token.LAND, &n)
		}
	case '|':
		tok = goOp3(c1, token.OR, token.OR_ASSIGN, '|', token.LOR, &n)
	case '~':
		tok = token.TILDE
	default:
		// An illegal ASCII character (NUL included) keeps the
		// semicolon state.
		s.off = i + 1
		return i, token.ILLEGAL, src[i : i+1]
	}
	s.off, s.insertSemi = i+n, semi
	return i, tok, ""
}

// goOp2 returns tok1 for a following '=' (and sets *n to 2), else tok0.
func goOp2(c1 byte, tok0, tok1 token.Token, n *int) token.Token {
	if c1 == '=' {
		*n = 2
		return tok1
	}
	return tok0
}

// goOp3 is goOp2 that also returns tok2 when the next character is ch2.
func goOp3(c1 byte, tok0, tok1 token.Token, ch2 byte, tok2 token.Token, n *int) token.Token {
	if c1 == ch2 {
		*n = 2
		return tok2
	}
	return goOp2(c1, tok0, tok1, n)
}

// goOp4 is goOp3 where ch2 may be followed by '=' for tok3.
func goOp4(c1, c2 byte, tok0, tok1 token.Token, ch2 byte, tok2, tok3 token.Token, n *int) token.Token {
	if c1 == ch2 {
		if c2 == '=' {
			*n = 3
			return tok3
		}
		*n = 2
		return tok2
	}
	return goOp2(c1, tok0, tok1, n)
}

// word returns the identifier or keyword src[i:end].
func (s *goScanner) word(i, end int) (int, token.Token, string) {
	lit := s.src[i:end]
	tok := token.IDENT
	if len(lit) > 1 {
		tok = goKeyword(lit)
	}
	s.off = end
	switch tok {
	case token.IDENT, token.BREAK, token.CONTINUE, token.FALLTHROUGH, token.RETURN:
		s.insertSemi = true
	default:
		s.insertSemi = false
	}
	return i, tok, lit
}

// interpreted scans the interpreted string literal whose quote is at a.
// start is where the current call began reading; dirErr tells whether a
// comment skipped by it is a malformed line directive.
func (s *goScanner) interpreted(start, a int, dirErr bool) (int, token.Token, string) {
	src := s.src
	bad := dirErr
	i := a + 1
	for {
		if i >= len(src) {
			bad = true // not terminated
			break
		}
		c := src[i]
		if c == '"' {
			i++
			break
		}
		if c == '\n' {
			bad = true // not terminated
			break
		}
		switch {
		case c == '\\':
			var ok bool
			i, ok = goEscape(src, i+1, '"')
			bad = bad || !ok
		case c == 0:
			bad = true
			i++
		case c >= utf8.RuneSelf:
			r, w := utf8.DecodeRuneInString(src[i:])
			bad = bad || r == utf8.RuneError && w == 1 || r == goBOM
			i += w
		default:
			i++
		}
	}
	s.bad = bad || goBadChars(src, start, a) || goBadCharAt(src, i)
	s.off, s.insertSemi = i, true
	return a, token.STRING, src[a:i]
}

// raw scans the raw string literal whose back quote is at a (see
// interpreted for start and dirErr).
func (s *goScanner) raw(start, a int, dirErr bool) (int, token.Token, string) {
	src := s.src
	end := len(src)
	bad := dirErr
	if e := strings.IndexByte(src[a+1:], '`'); e >= 0 {
		end = a + 1 + e + 1
	} else {
		bad = true // not terminated
	}
	s.bad = bad || goBadChars(src, start, a) || goBadChars(src, a+1, end) || goBadCharAt(src, end)
	s.off, s.insertSemi = end, true
	lit := src[a:end]
	if strings.IndexByte(lit, '\r') >= 0 {
		// go/scanner drops the carriage returns of a raw string.
		lit = strings.ReplaceAll(lit, "\r", "")
	}
	return a, token.STRING, lit
}

// goBadChars tells whether a character starting in src[from:to] is one
// go/scanner reports: a NUL, invalid UTF-8 or a byte order mark (a
// leading one is skipped before any call reads). from must start a
// character.
func goBadChars(src string, from, to int) bool {
	for i := from; i < to; {
		c := src[i]
		if c == 0 {
			return true
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(src[i:])
		if r == utf8.RuneError && w == 1 || r == goBOM {
			return true
		}
		i += w
	}
	return false
}

// goBadCharAt is goBadChars for the character at i, if any.
func goBadCharAt(src string, i int) bool {
	return i < len(src) && goBadChars(src, i, i+1)
}

// goIdentEnd returns the end of the identifier whose rest starts at i.
func goIdentEnd(src string, i int) int {
	for i < len(src) {
		c := src[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || '0' <= c && c <= '9' {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, w := utf8.DecodeRuneInString(src[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		i += w
	}
	return i
}

// goNumber scans the number literal at i (a digit, or '.' and a digit)
// and returns its kind and end. Malformed numbers (bad digits, misplaced
// '_', missing exponent digits) keep the extent go/scanner gives them.
func goNumber(src string, i int) (token.Token, int) {
	at := func(k int) byte {
		if k < len(src) {
			return src[k]
		}
		return 0
	}
	tok := token.ILLEGAL
	hex := false
	if src[i] != '.' {
		tok = token.INT
		if src[i] == '0' {
			i++
			switch at(i) | 0x20 {
			case 'x':
				i++
				hex = true
			case 'o', 'b':
				i++
			}
		}
		i = goDigits(src, i, hex)
	}
	if at(i) == '.' {
		tok = token.FLOAT
		i = goDigits(src, i+1, hex)
	}
	if e := at(i) | 0x20; e == 'e' || e == 'p' {
		tok = token.FLOAT
		i++
		if c := at(i); c == '+' || c == '-' {
			i++
		}
		i = goDigits(src, i, false)
	}
	if at(i) == 'i' {
		tok = token.IMAG
		i++
	}
	return tok, i
}

// goDigits skips decimal (or hexadecimal) digits and '_' from i.
func goDigits(src string, i int, hex bool) int {
	for i < len(src) {
		c := src[i]
		if '0' <= c && c <= '9' || c == '_' || hex && 'a' <= c|0x20 && c|0x20 <= 'f' {
			i++
			continue
		}
		break
	}
	return i
}

// goEscape checks the escape sequence after a backslash, at i, in a
// literal quoted by quote. It returns where scanning resumes — after the
// sequence, or at the offending character, which is not consumed — and
// whether the sequence is valid.
func goEscape(src string, i int, quote byte) (int, bool) {
	if i >= len(src) {
		return i, false
	}
	var n int
	var base, limit uint32
	switch c := src[i]; c {
	case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\', quote:
		return i + 1, true
	case '0', '1', '2', '3', '4', '5', '6', '7':
		n, base, limit = 3, 8, 255
	case 'x':
		i++
		n, base, limit = 2, 16, 255
	case 'u':
		i++
		n, base, limit = 4, 16, unicode.MaxRune
	case 'U':
		i++
		n, base, limit = 8, 16, unicode.MaxRune
	default:
		return i, false
	}
	var x uint32
	for ; n > 0; n-- {
		if i >= len(src) {
			return i, false
		}
		d := goDigitVal(src[i])
		if d >= base {
			return i, false
		}
		x = x*base + d
		i++
	}
	if x > limit || 0xD800 <= x && x < 0xE000 {
		return i, false
	}
	return i, true
}

// goDigitVal returns the value of a hexadecimal digit, or 16.
func goDigitVal(c byte) uint32 {
	switch {
	case '0' <= c && c <= '9':
		return uint32(c - '0')
	case 'a' <= c|0x20 && c|0x20 <= 'f':
		return uint32(c|0x20-'a') + 10
	}
	return 16
}

// goRuneEnd returns the end of the rune literal whose body starts at i:
// after its closing quote, or at the newline or EOF that cuts it short.
func goRuneEnd(src string, i int) int {
	for i < len(src) {
		switch src[i] {
		case '\n':
			return i
		case '\'':
			return i + 1
		case '\\':
			// The escaped character never closes the literal; a
			// newline still cuts it short.
			i++
			if i < len(src) && src[i] != '\n' {
				i++
			}
		default:
			i++
		}
	}
	return i
}

// goComment skips the comment starting at i ("//" or "/*"). It returns
// the comment's end, the offset of the first newline of a /*...*/
// comment (or -1), and whether the comment is a line directive that
// go/scanner reports an error for.
func goComment(src string, i int) (end, nl int, dirErr bool) {
	nl = -1
	var text string // the comment as go/scanner reads a line directive
	if src[i+1] == '/' {
		end = len(src)
		if e := strings.IndexByte(src[i+2:], '\n'); e >= 0 {
			end = i + 2 + e
		}
		if i > 0 && src[i-1] != '\n' {
			return end, nl, false // not at the start of a line
		}
		text = strings.TrimSuffix(src[i:end], "\r")
	} else {
		e := strings.Index(src[i+2:], "*/")
		if e < 0 {
			// Unterminated: runs to EOF, and is never a directive.
			if k := strings.IndexByte(src[i+2:], '\n'); k >= 0 {
				nl = i + 2 + k
			}
			return len(src), nl, false
		}
		end = i + 2 + e + 2
		if k := strings.IndexByte(src[i+2:end-2], '\n'); k >= 0 {
			nl = i + 2 + k
		}
		text = src[i:end]
	}
	if !strings.HasPrefix(text[2:], "line ") {
		return end, nl, false
	}
	return end, nl, goLineDirectiveErr(text)
}

// goLineDirectiveErr tells whether go/scanner reports an error for the
// line directive comment text ("//line " or "/*line " prefixed): a
// trailing ":N" or ":N:M" whose numbers are zero, too large, or not
// numbers.
func goLineDirectiveErr(text string) bool {
	if text[1] == '*' {
		text = text[:len(text)-2]
	}
	text = text[len("//line "):]
	i, n, ok := goTrailingDigits(text)
	if i == 0 {
		return false // not a line directive
	}
	if !ok {
		return true
	}
	const maxLineCol = 1 << 30
	line := n
	if _, n2, ok2 := goTrailingDigits(text[:i-1]); ok2 {
		if n == 0 || n > maxLineCol {
			return true // the column
		}
		line = n2
	}
	return line == 0 || line > maxLineCol
}

// goTrailingDigits returns the index after the last ':' of text (0 if
// none) and the number after it, if it is one. Like go/scanner, it
// converts the number to int, so a huge one turns negative.
func goTrailingDigits(text string) (int, int, bool) {
	i := strings.LastIndexByte(text, ':')
	if i < 0 {
		return 0, 0, false
	}
	n, err := strconv.ParseUint(text[i+1:], 10, 0)
	return i + 1, int(n), err == nil
}

// goKeyword returns the keyword token for lit, or token.IDENT.
func goKeyword(lit string) token.Token {
	if len(lit) > len("fallthrough") || lit[0] < 'b' || lit[0] > 'v' {
		return token.IDENT
	}
	switch lit {
	case "break":
		return token.BREAK
	case "case":
		return token.CASE
	case "chan":
		return token.CHAN
	case "const":
		return token.CONST
	case "continue":
		return token.CONTINUE
	case "default":
		return token.DEFAULT
	case "defer":
		return token.DEFER
	case "else":
		return token.ELSE
	case "fallthrough":
		return token.FALLTHROUGH
	case "for":
		return token.FOR
	case "func":
		return token.FUNC
	case "go":
		return token.GO
	case "goto":
		return token.GOTO
	case "if":
		return token.IF
	case "import":
		return token.IMPORT
	case "interface":
		return token.INTERFACE
	case "map":
		return token.MAP
	case "package":
		return token.PACKAGE
	case "range":
		return token.RANGE
	case "return":
		return token.RETURN
	case "select":
		return token.SELECT
	case "struct":
		return token.STRUCT
	case "switch":
		return token.SWITCH
	case "type":
		return token.TYPE
	case "var":
		return token.VAR
	}
	return token.IDENT
}
