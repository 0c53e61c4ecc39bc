package extract

import "strings"

// extractTOML returns the string values of a TOML document.
//
// Basic strings ("...", """...""") have their escapes resolved
// (EscapeBackslash); literal strings (single quotes, one or three) are verbatim
// (EscapeNone). A multi-line string's first newline is dropped, as TOML
// says. Path is the table path ([a.b], [[a.b]]) followed by the dotted
// key and the keys of enclosing inline tables; Key is its last part.
// Elements of one array share a List id (arrays of tables do not count as
// lists). Keys themselves are not reported. Text that does not lex is
// skipped up to the next line.
func extractTOML(src []byte) []Literal {
	p := &tomlLexer{out: newScOut(src, "\"'", 2)}
	p.s = p.out.s
	p.run()
	return p.out.result()
}

// tomlMaxNest bounds the nesting of arrays and inline tables.
const tomlMaxNest = 128

type tomlLexer struct {
	s     string
	out   *scOut
	table []string // the current table's path
	path  []string // scratch: table path + keys of the value being read
	kb    []byte   // scratch for decoded keys
}

func (p *tomlLexer) run() {
	s := p.s
	i := scSkipBOM(s)
	for i < len(s) {
		i = p.skipSpace(i, true)
		if i >= len(s) {
			break
		}
		var ok bool
		if s[i] == '[' {
			i, ok = p.header(i)
		} else {
			p.path = append(p.path[:0], p.table...)
			i, ok = p.keyValue(i, 0)
			if ok {
				i, ok = p.lineRest(i)
			}
		}
		if !ok && i < len(s) {
			// Resynchronize on the next line.
			i = scLineEnd(s, i)
		}
	}
}

// skipSpace skips spaces and tabs, and with nl also line breaks and
// comments.
func (p *tomlLexer) skipSpace(i int, nl bool) int {
	s := p.s
	for i < len(s) {
		switch s[i] {
		case ' ', '\t':
			i++
		case '\n', '\r':
			if !nl {
				return i
			}
			i++
		case '#':
			if !nl {
				return i
			}
			i = scLineEnd(s, i)
		default:
			return i
		}
	}
	return i
}

// lineRest checks that only a comment follows on the line.
func (p *tomlLexer) lineRest(i int) (int, bool) {
	s := p.s
	i = p.skipSpace(i, false)
	if i >= len(s) || s[i] == '\n' || s[i] == '#' || (s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n') {
		return i, true
	}
	return i, false
}

// header reads a [table] or [[array of tables]] header.
func (p *tomlLexer) header(i int) (int, bool) {
	s := p.s
	double := i+1 < len(s) && s[i+1] == '['
	i++
	if double {
		i++
	}
	p.path = p.path[:0]
	i, ok := p.key(i)
	if !ok {
		return i, false
	}
	i = p.skipSpace(i, false)
	if i >= len(s) || s[i] != ']' {
		return i, false
	}
	i++
	if double {
		if i >= len(s) || s[i] != ']' {
			return i, false
		}
		i++
	}
	p.table = append(p.table[:0], p.path...)
	return p.lineRest(i)
}

// key reads a dotted key at i and appends its parts to p.path.
func (p *tomlLexer) key(i int) (int, bool) {
	s := p.s
	for {
		i = p.skipSpace(i, false)
		if i >= len(s) {
			return i, false
		}
		switch c := s[i]; {
		case c == '"':
			end, ok := tomlScanBasic(s, i+1)
			if !ok {
				return end, false
			}
			k, ok := p.decodeKey(i+1, end-1)
			if !ok {
				return end, false
			}
			p.path = append(p.path, k)
			i = end
		case c == '\'':
			j := i + 1
			for j < len(s) && s[j] != '\'' && s[j] != '\n' {
				j++
			}
			if j >= len(s) || s[j] != '\'' {
				return j, false
			}
			p.path = append(p.path, s[i+1:j])
			i = j + 1
		case tomlBareKeyByte(c):
			j := i + 1
			for j < len(s) && tomlBareKeyByte(s[j]) {
				j++
			}
			p.path = append(p.path, s[i:j])
			i = j
		default:
			return i, false
		}
		i = p.skipSpace(i, false)
		if i >= len(s) || s[i] != '.' {
			return i, true
		}
		i++
	}
}

// tomlBareKeyByte reports whether c may appear in a bare key (TOML 1.1
// also allows non-ASCII letters).
func tomlBareKeyByte(c byte) bool {
	return c == '_' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || scDigit(c) || c >= 0x80
}

// decodeKey decodes a basic-string key in [start, end).
func (p *tomlLexer) decodeKey(start, end int) (string, bool) {
	s := p.s
	esc := false
	for k := start; k < end; k++ {
		if s[k] == '\\' {
			esc = true
			break
		}
	}
	if !esc {
		return s[start:end], true
	}
	o := p.out
	saveBuf, saveOffs := o.buf, o.offs
	o.buf, o.offs = p.kb[:0], nil
	ok := tomlDecode(o, start, end, false)
	p.kb = o.buf
	key := string(o.buf)
	o.buf, o.offs = saveBuf, saveOffs
	return key, ok
}

// keyValue reads `key = value` at i; p.path holds the enclosing path.
func (p *tomlLexer) keyValue(i, depth int) (int, bool) {
	s := p.s
	mark := len(p.path)
	i, ok := p.key(i)
	if !ok {
		p.path = p.path[:mark]
		return i, false
	}
	i = p.skipSpace(i, false)
	if i >= len(s) || s[i] != '=' {
		p.path = p.path[:mark]
		return i, false
	}
	i = p.skipSpace(i+1, false)
	i, ok = p.value(i, 0, nil, depth)
	p.path = p.path[:mark]
	return i, ok
}

// value reads a value at i. list is the id of the enclosing array (0 for
// none); frozen is the enclosing array's shared copy of p.path.
func (p *tomlLexer) value(i, list int, frozen []string, depth int) (int, bool) {
	s := p.s
	if i >= len(s) || depth > tomlMaxNest {
		return i, false
	}
	switch c := s[i]; c {
	case '"', '\'':
		return p.str(i, list, frozen)
	case '[':
		return p.array(i+1, depth+1)
	case '{':
		return p.inlineTable(i+1, depth+1)
	}
	// A number, boolean or date-time: up to a delimiter.
	j := i
	for j < len(s) {
		c := s[j]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == ']' || c == '}' || c == '#' {
			break
		}
		j++
	}
	if j == i {
		return i, false
	}
	return j, true
}

// str reads a string value at i and emits it.
func (p *tomlLexer) str(i, list int, frozen []string) (int, bool) {
	s := p.s
	q := s[i]
	triple := i+2 < len(s) && s[i+1] == q && s[i+2] == q
	var start, close, end int
	var ok bool
	if triple {
		start = i + 3
		if start < len(s) && s[start] == '\n' {
			start++
		} else if start+1 < len(s) && s[start] == '\r' && s[start+1] == '\n' {
			start += 2
		}
		close, end, ok = tomlScanMulti(s, i+3, q)
	} else if q == '"' {
		start = i + 1
		end, ok = tomlScanBasic(s, start)
		close = end - 1
	} else {
		start = i + 1
		j := start
		for j < len(s) && s[j] != '\'' && s[j] != '\n' && s[j] != '\r' {
			j++
		}
		ok = j < len(s) && s[j] == '\''
		close, end = j, j+1
	}
	if !ok {
		return end, false
	}
	if start > close {
		start = close
	}
	quote := s[i : i+1]
	if triple {
		quote = s[i : i+3]
	}
	idx := -1
	switch {
	case q == '\'':
		idx = p.out.plain(start, close, quote, EscapeNone)
	case strings.IndexByte(s[start:close], '\\') < 0 && (!triple || strings.IndexByte(s[start:close], '\r') < 0):
		idx = p.out.plain(start, close, quote, EscapeBackslash)
	default:
		o := p.out
		o.reset()
		if tomlDecode(o, start, close, triple) {
			idx = o.decoded(start, close, quote, EscapeBackslash)
		}
	}
	if idx >= 0 {
		l := &p.out.lits[idx]
		if frozen == nil {
			frozen = scFrozenPath(p.path)
		}
		l.Path = frozen
		if len(frozen) > 0 {
			l.Key = frozen[len(frozen)-1]
		}
		l.List = list
	}
	return end, true
}

// tomlScanBasic finds the end of a single-line basic string whose content
// starts at i; end is the offset after the closing quote.
func tomlScanBasic(s string, i int) (int, bool) {
	for i < len(s) {
		switch s[i] {
		case '"':
			return i + 1, true
		case '\\':
			i += 2
			continue
		case '\n', '\r':
			return i, false
		}
		i++
	}
	return len(s), false
}

// tomlScanMulti finds the closing delimiter of a multi-line string whose
// content starts at i. Up to two quotes just before the delimiter belong
// to the content.
func tomlScanMulti(s string, i int, q byte) (close, end int, ok bool) {
	for i < len(s) {
		c := s[i]
		if c == '\\' && q == '"' {
			i += 2
			continue
		}
		if c == q && i+2 < len(s) && s[i+1] == q && s[i+2] == q {
			n := 3
			for n < 5 && i+n < len(s) && s[i+n] == q {
				n++
			}
			return i + n - 3, i + n, true
		}
		i++
	}
	return len(s), len(s), false
}

// tomlDecode decodes the basic-string content [start, end) onto o.buf. It
// reports false for an invalid escape.
func tomlDecode(o *scOut, start, end int, multi bool) bool {
	s := o.s
	for i := start; i < end; {
		c := s[i]
		if c != '\\' {
			o.addByte(c, i)
			i++
			continue
		}
		if i+1 >= end {
			return false
		}
		at := i
		e := s[i+1]
		i += 2
		switch e {
		case 'b':
			o.addByte(8, at)
		case 't':
			o.addByte('\t', at)
		case 'n':
			o.addByte('\n', at)
		case 'f':
			o.addByte(12, at)
		case 'r':
			o.addByte('\r', at)
		case 'e':
			o.addByte(27, at)
		case '"', '\\':
			o.addByte(e, at)
		case 'x', 'u', 'U':
			n := 2
			switch e {
			case 'u':
				n = 4
			case 'U':
				n = 8
			}
			v, ok := scParseHex(s[:end], i, n)
			if !ok || v > 0x10FFFF || (0xD800 <= v && v < 0xE000) {
				return false
			}
			i += n
			o.addRune(v, at)
		case ' ', '\t', '\n', '\r':
			if !multi {
				return false
			}
			// A line-ending backslash: drop all whitespace up to the next
			// non-whitespace character.
			j := i - 1
			for j < end && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < end && s[j] != '\n' && s[j] != '\r' {
				return false
			}
			for j < end && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r') {
				j++
			}
			i = j
		default:
			return false
		}
	}
	return true
}

// array reads the elements of an array after its '['.
func (p *tomlLexer) array(i, depth int) (int, bool) {
	s := p.s
	list := 0
	var frozen []string
	for {
		i = p.skipSpace(i, true)
		if i >= len(s) {
			return i, false
		}
		switch s[i] {
		case ']':
			return i + 1, true
		case ',':
			i++
			continue
		}
		if list == 0 {
			list = p.out.newList()
			frozen = scFrozenPath(p.path)
		}
		var ok bool
		i, ok = p.value(i, list, frozen, depth)
		if !ok {
			return i, false
		}
	}
}

// inlineTable reads the pairs of an inline table after its '{'. Line
// breaks are accepted between pairs (TOML 1.1).
func (p *tomlLexer) inlineTable(i, depth int) (int, bool) {
	s := p.s
	for {
		i = p.skipSpace(i, true)
		if i >= len(s) {
			return i, false
		}
		switch s[i] {
		case '}':
			return i + 1, true
		case ',':
			i++
			continue
		}
		var ok bool
		i, ok = p.keyValue(i, depth)
		if !ok {
			return i, false
		}
	}
}
