package extract

import "unicode/utf8"

// clInterp says how substitutions are written inside a string.
type clInterp uint8

const (
	clInNone   clInterp = iota
	clInJS              // ${expr}
	clInKotlin          // $name, ${expr}
	clInSwift           // \(expr), \#(expr) in raw strings
	clInCSharp          // {expr}; {{ and }} are braces
	clInPHP             // $name, $name[key], $name->prop, {$expr}, ${expr}
)

// clStrKind describes one kind of quoted string.
type clStrKind struct {
	quote  string // Literal.Quote
	q      byte   // closing quote byte
	triple bool   // closes with three quotes; a longer run leaves the extra quotes in the content
	hashes int    // raw strings: '#' that must follow the closing quote (and a backslash, Swift)
	dia    clEsc
	multi  bool // may span lines
	interp clInterp
	fl     clSegFlags
	escape Escape
	dollar bool // Groovy/Scala: `$name` or `${` marks the literal Partial
	noEmit bool // lex only
}

// String kinds, one per language and quoting.
var (
	jsDouble     = clStrKind{quote: `"`, q: '"', dia: clEscJS, escape: EscapeBackslash}
	jsSingle     = clStrKind{quote: `'`, q: '\'', dia: clEscJS, escape: EscapeBackslash}
	jsTemplate   = clStrKind{quote: "`", q: '`', dia: clEscJS, multi: true, interp: clInJS, fl: clSegCRLF, escape: EscapeBackslash}
	javaDouble   = clStrKind{quote: `"`, q: '"', dia: clEscJava, escape: EscapeBackslash, dollar: true}
	groovySingle = clStrKind{quote: `'`, q: '\'', dia: clEscJava, escape: EscapeBackslash}
	groovyTriple = clStrKind{quote: `'''`, q: '\'', triple: true, dia: clEscJava, multi: true, escape: EscapeBackslash}
	groovyGTrip  = clStrKind{quote: `"""`, q: '"', triple: true, dia: clEscJava, multi: true, escape: EscapeBackslash, dollar: true}
	ktDouble     = clStrKind{quote: `"`, q: '"', dia: clEscKotlin, interp: clInKotlin, escape: EscapeBackslash}
	ktRaw        = clStrKind{quote: `"""`, q: '"', triple: true, multi: true, interp: clInKotlin, escape: EscapeNone}
	csDouble     = clStrKind{quote: `"`, q: '"', dia: clEscCSharp, escape: EscapeBackslash}
	phpSingle    = clStrKind{quote: `'`, q: '\'', dia: clEscPHPSingle, multi: true, escape: EscapeBackslash}
	phpDouble    = clStrKind{quote: `"`, q: '"', dia: clEscPHP, multi: true, interp: clInPHP, escape: EscapeBackslash}
	phpShell     = clStrKind{quote: "`", q: '`', dia: clEscPHP, multi: true, interp: clInPHP, noEmit: true}
	rustDouble   = clStrKind{quote: `"`, q: '"', dia: clEscRust, multi: true, fl: clSegCRLF, escape: EscapeBackslash}
	swiftDouble  = clStrKind{quote: `"`, q: '"', dia: clEscSwift, interp: clInSwift, escape: EscapeBackslash}
)

// clStrPlain marks the bytes that never end, escape or interpolate in any
// kind of string (read-only).
var clStrPlain = func() (t [256]bool) {
	for c := range t {
		t[c] = true
	}
	for _, c := range "\"'`\\\n\r${}" {
		t[c] = false
	}
	return t
}()

// dquote lexes a string that opens with '"' at l.pos (or with a Scala
// interpolator just before it).
func (l *clexer) dquote() {
	src := l.src
	n := len(src)
	i := l.pos
	triple := i+2 < n && src[i+1] == '"' && src[i+2] == '"'
	switch l.f {
	case FormatJavaScript:
		l.scanQuoted(&jsDouble, i+1)
	case FormatJava:
		if triple {
			l.javaTextBlock()
			return
		}
		l.scanQuoted(&javaDouble, i+1)
	case FormatKotlin:
		if triple {
			l.scanQuoted(&ktRaw, i+3)
			return
		}
		l.scanQuoted(&ktDouble, i+1)
	case FormatCSharp:
		if triple {
			l.csRaw(i, 0)
			return
		}
		l.scanQuoted(&csDouble, i+1)
	case FormatPHP:
		l.scanQuoted(&phpDouble, i+1)
	case FormatRust:
		l.scanQuoted(&rustDouble, i+1)
	case FormatSwift:
		l.swiftString(i, 0)
	default:
		l.pos++
		l.opTok(`"`)
	}
}

// squote lexes what opens with '\” at l.pos.
func (l *clexer) squote() {
	src := l.src
	n := len(src)
	i := l.pos
	switch l.f {
	case FormatJavaScript:
		l.scanQuoted(&jsSingle, i+1)
		return
	case FormatPHP:
		l.scanQuoted(&phpSingle, i+1)
		return
	case FormatJava:
		if i+2 < n && src[i+1] == '\'' && src[i+2] == '\'' {
			l.scanQuoted(&groovyTriple, i+3)
			return
		}
		// A Java char literal, or a Groovy string.
		j := i + 1
		for j < n && src[j] != '\'' && src[j] != '\n' && src[j] != '\r' {
			if src[j] == '\\' {
				j++
			}
			j++
		}
		if j >= n || src[j] != '\'' {
			break
		}
		if clCharLiteral(src[i+1 : j]) {
			l.pos = j + 1
			l.t.atom()
			return
		}
		l.scanQuoted(&groovySingle, i+1)
		return
	case FormatKotlin, FormatCSharp:
		if l.charLiteral() {
			return
		}
	case FormatRust:
		if l.rustQuote() {
			return
		}
	}
	l.pos++
	l.opTok("'")
}

// clCharLiteral reports whether the content of a single-quoted literal is
// one character or one escape.
func clCharLiteral(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	if b[0] == '\\' {
		return len(b) <= 10
	}
	_, size := utf8.DecodeRune(b)
	return size == len(b)
}

// charLiteral skips a character literal ('a', '\n', '\u0041') at l.pos.
func (l *clexer) charLiteral() bool {
	src := l.src
	n := len(src)
	j := l.pos + 1
	if j < n && src[j] == '\\' {
		j += 2
		for j < n && j < l.pos+12 && src[j] != '\'' && src[j] != '\n' {
			j++
		}
	} else if j < n {
		_, size := utf8.DecodeRune(src[j:])
		j += size
	}
	if j < n && src[j] == '\'' {
		l.pos = j + 1
		l.t.atom()
		return true
	}
	return false
}

// rustQuote lexes a Rust char literal or a lifetime/label at l.pos.
func (l *clexer) rustQuote() bool {
	if l.charLiteral() {
		return true
	}
	j := l.pos + 1
	if j < len(l.src) && clIdentStart(l.src[j]) {
		l.pos = l.identEnd(j + 1)
		l.t.atom()
		return true
	}
	return false
}

// backtick lexes what opens with '`' at l.pos.
func (l *clexer) backtick() {
	src := l.src
	n := len(src)
	i := l.pos
	switch l.f {
	case FormatJavaScript:
		l.scanQuoted(&jsTemplate, i+1)
		return
	case FormatPHP:
		l.scanQuoted(&phpShell, i+1)
		return
	case FormatKotlin, FormatSwift, FormatJava:
		// A quoted identifier.
		j := i + 1
		for j < n && src[j] != '`' && src[j] != '\n' {
			j++
		}
		if j < n && src[j] == '`' {
			l.pos = j + 1
			l.t.ident(l.s[i+1 : j])
			return
		}
	}
	l.pos++
	l.opTok("`")
}

// rustPrefix lexes a prefixed Rust literal or raw identifier after word w
// (which started at start); it reports false when there is none.
func (l *clexer) rustPrefix(w string, start int) bool {
	src := l.src
	n := len(src)
	i := l.pos
	switch w {
	case "r", "br", "cr":
		h := 0
		for i+h < n && src[i+h] == '#' {
			h++
		}
		if i+h < n && src[i+h] == '"' {
			k := clStrKind{quote: l.s[start : i+h+1], q: '"', hashes: h, multi: true, fl: clSegCRLF, escape: EscapeNone}
			l.scanQuoted(&k, i+h+1)
			return true
		}
		if w == "r" && h == 1 && i+1 < n && clIdentStart(src[i+1]) {
			l.pos = l.identEnd(i + 2)
			l.wordTok(l.s[i+1 : l.pos])
			return true
		}
	case "b", "c":
		switch src[i] {
		case '"':
			k := rustDouble
			k.quote = l.s[start : i+1]
			l.scanQuoted(&k, i+1)
			return true
		case '\'':
			if w == "b" {
				l.pos = i
				if l.charLiteral() {
					return true
				}
				l.pos = i
			}
		}
	}
	return false
}

// swiftString lexes a Swift string whose opening (with h leading '#')
// starts at start.
func (l *clexer) swiftString(start, h int) {
	src := l.src
	n := len(src)
	q := start + h
	if q+2 < n && src[q+1] == '"' && src[q+2] == '"' {
		l.swiftMulti(start, h)
		return
	}
	k := swiftDouble
	if h > 0 {
		k.quote = l.s[start : q+1]
		k.hashes = h
		k.escape = EscapeNone
	}
	l.scanQuoted(&k, q+1)
}

// csString lexes a C# regular, verbatim or interpolated string whose
// prefix starts at start and whose opening quote is at q.
func (l *clexer) csString(start, q int, interp, verbatim bool) {
	k := csDouble
	k.quote = l.s[start : q+1]
	if interp {
		k.interp = clInCSharp
		k.fl |= clSegBraces
	}
	if verbatim {
		k.dia = clEscNone
		k.fl |= clSegVerbatim
		k.multi = true
		k.escape = EscapeNone
	}
	l.scanQuoted(&k, q+1)
}

// scanQuoted lexes a quoted string whose content starts at cs, emitting
// its literal (or, with substitutions, its literal chunks).
func (l *clexer) scanQuoted(k *clStrKind, cs int) {
	src := l.src
	n := len(src)
	t := &l.t
	mark := len(t.lits)
	ctx := t.ctx()
	chunk := cs
	special := false // the current chunk needs decoding
	subs := 0        // substitutions seen
	dollar := false  // Groovy `$` seen
	i := cs
	for i < n {
		c := src[i]
		if clStrPlain[c] {
			i++
			continue
		}
		switch {
		case c == k.q:
			end, after := i, i+1
			switch {
			case k.triple:
				if i+2 >= n || src[i+1] != k.q || src[i+2] != k.q {
					i++
					continue
				}
				r := 3
				for i+r < n && src[i+r] == k.q {
					r++
				}
				end, after = i+r-3, i+r
			case k.hashes > 0:
				h := 0
				for i+1+h < n && src[i+1+h] == '#' && h < k.hashes {
					h++
				}
				if h < k.hashes {
					i++
					continue
				}
				after = i + 1 + h
			case k.fl&clSegVerbatim != 0 && i+1 < n && src[i+1] == '"':
				special = true
				i += 2
				continue
			}
			last := l.emitChunk(k, &ctx, chunk, end, special, subs > 0 || dollar, subs > 0)
			if subs > 0 {
				last = -1
			}
			l.pos = after
			t.endString(last)
			return
		case c == '\\' && (k.dia != clEscNone || k.interp == clInSwift):
			j := i + 1
			if k.hashes > 0 {
				h := 0
				for j < n && src[j] == '#' && h < k.hashes {
					j++
					h++
				}
				if h < k.hashes {
					i = j
					continue
				}
			}
			if k.interp == clInSwift && j < n && src[j] == '(' {
				if !l.substitute(k, &ctx, mark, &chunk, &i, i, j+1, ')', special) {
					return
				}
				subs++
				special = false
				continue
			}
			special = true
			i = j + 1
			if j < n && src[j] == '\r' && j+1 < n && src[j+1] == '\n' {
				i++
			}
		case c == '\n' || c == '\r':
			if !k.multi {
				t.lits = t.lits[:mark]
				l.pos = i
				t.atom()
				return
			}
			if c == '\r' && k.fl&clSegCRLF != 0 {
				special = true
			}
			i++
		case c == '$' && k.interp != clInNone && i+1 < n:
			c1 := src[i+1]
			switch k.interp {
			case clInJS:
				if c1 == '{' {
					if !l.substitute(k, &ctx, mark, &chunk, &i, i, i+2, '}', special) {
						return
					}
					subs++
					special = false
					continue
				}
			case clInKotlin, clInPHP:
				if c1 == '{' {
					if !l.substitute(k, &ctx, mark, &chunk, &i, i, i+2, '}', special) {
						return
					}
					subs++
					special = false
					continue
				}
				if c1 == '_' || 'a' <= c1 && c1 <= 'z' || 'A' <= c1 && c1 <= 'Z' || k.interp == clInPHP && c1 >= 0x80 {
					l.emitChunk(k, &ctx, chunk, i, special, true, true)
					subs++
					special = false
					i = l.simpleSubst(k, i+1)
					chunk = i
					continue
				}
			}
			i++
		case c == '$' && k.dollar && i+1 < n && (src[i+1] == '{' || clIdentStart(src[i+1])):
			dollar = true
			i++
		case c == '{' && k.interp == clInCSharp:
			if i+1 < n && src[i+1] == '{' {
				special = true
				i += 2
				continue
			}
			if !l.substitute(k, &ctx, mark, &chunk, &i, i, i+1, '}', special) {
				return
			}
			subs++
			special = false
		case c == '{' && k.interp == clInPHP && i+1 < n && src[i+1] == '$':
			if !l.substitute(k, &ctx, mark, &chunk, &i, i, i+1, '}', special) {
				return
			}
			subs++
			special = false
		case c == '}' && k.interp == clInCSharp && i+1 < n && src[i+1] == '}':
			special = true
			i += 2
		default:
			i++
		}
	}
	// Unterminated at the end of the text.
	t.lits = t.lits[:mark]
	l.pos = n
}

// substitute emits the chunk before a substitution that starts at at,
// lexes the substitution's code (from code to the closing byte) and moves
// *i and *chunk past it. It reports false when the text ended first.
func (l *clexer) substitute(k *clStrKind, ctx *clCtx, mark int, chunk, i *int, at, code int, close byte, special bool) bool {
	t := &l.t
	l.emitChunk(k, ctx, *chunk, at, special, true, true)
	l.pos = code
	t.openStop(close, "")
	if !l.runNested() {
		t.lits = t.lits[:mark]
		l.pos = len(l.src)
		return false
	}
	*i = l.pos
	*chunk = l.pos
	return true
}

// simpleSubst skips a simple substitution `$name` (Kotlin, PHP) whose name
// starts at i, with PHP's `[key]` and `->prop` forms; it returns the end.
func (l *clexer) simpleSubst(k *clStrKind, i int) int {
	src := l.src
	n := len(src)
	for i < n && (clIdentByte(src[i]) && (k.interp == clInPHP || src[i] < 0x80)) {
		i++
	}
	if k.interp != clInPHP || i >= n {
		return i
	}
	switch {
	case src[i] == '[':
		j := i + 1
		for j < n && src[j] != ']' && src[j] != k.q && src[j] != '\n' {
			j++
		}
		if j < n && src[j] == ']' {
			return j + 1
		}
	case src[i] == '-' && i+2 < n && src[i+1] == '>' && clIdentStart(src[i+2]):
		j := i + 3
		for j < n && clIdentByte(src[j]) {
			j++
		}
		return j
	}
	return i
}

// emitChunk emits the literal text src[from:to] of a string. It returns
// the literal's index, or -1 when nothing was emitted (lex-only kind, an
// empty chunk next to a substitution, an escape the language rejects).
func (l *clexer) emitChunk(k *clStrKind, ctx *clCtx, from, to int, special, partial, skipEmpty bool) int {
	if k.noEmit || skipEmpty && from == to {
		return -1
	}
	raw := l.s[from:to]
	if !special {
		return l.t.emit(Span{from, to}, raw, nil, k.quote, k.escape, *ctx, partial)
	}
	l.d.reset()
	if !l.d.segment(from, to, k.dia, k.fl, k.hashes) {
		return -1
	}
	if string(l.d.buf) == raw {
		return l.t.emit(Span{from, to}, raw, nil, k.quote, k.escape, *ctx, partial)
	}
	v, offs := l.d.result(to)
	return l.t.emit(Span{from, to}, v, offs, k.quote, k.escape, *ctx, partial)
}
