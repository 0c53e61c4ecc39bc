package extract

import "strings"

// extractEnv returns the values of a dotenv file: `KEY=value` lines,
// optionally prefixed with `export`, with `KEY: value` accepted too.
//
// Values are double-quoted (escapes \n \r \t \" \\ \$ resolved;
// EscapeBackslash; may span lines), single- or back-quoted (verbatim;
// EscapeNone; may span lines) or bare (up to the end of the line or a '#'
// after whitespace, trailing whitespace dropped; Quote "", EscapeNone).
// Key is the variable name. A bare or double-quoted value holding a
// $NAME or ${NAME} reference (expanded by some loaders) is Partial. Empty
// bare values and lines with an unterminated quote are skipped.
func extractEnv(src []byte) []Literal {
	o := newScOut(src, "\n", 1)
	s := o.s
	i := scSkipBOM(s)
	for i < len(s) {
		i = envLine(o, i)
	}
	return o.result()
}

// envLine reads the line starting at i and returns the start of the next.
func envLine(o *scOut, i int) int {
	s := o.s
	eol := scLineEnd(s, i)
	next := eol + 1
	if next > len(s) {
		next = len(s)
	}
	for i < eol && scHSpace(s[i]) {
		i++
	}
	if i >= eol || s[i] == '#' {
		return next
	}
	if envHasWord(s, i, eol, "export") {
		i += len("export")
		for i < eol && scHSpace(s[i]) {
			i++
		}
	}
	k := i
	for i < eol && envKeyByte(s[i]) {
		i++
	}
	key := s[k:i]
	if key == "" {
		return next
	}
	for i < eol && scHSpace(s[i]) {
		i++
	}
	switch {
	case i < eol && s[i] == '=':
		i++
	case i+1 < eol && s[i] == ':' && scHSpace(s[i+1]):
		i++
	default:
		return next
	}
	for i < eol && scHSpace(s[i]) {
		i++
	}
	if i >= eol {
		return next
	}
	switch q := s[i]; q {
	case '"', '\'', '`':
		end := envCloseQuote(s, i+1, q)
		if end < 0 {
			return next
		}
		var idx int
		switch {
		case q != '"':
			idx = o.plain(i+1, end, s[i:i+1], EscapeNone)
		case strings.IndexByte(s[i+1:end], '\\') < 0:
			idx = o.plain(i+1, end, `"`, EscapeBackslash)
		default:
			idx = envDecodeDQ(o, i+1, end)
		}
		l := &o.lits[idx]
		l.Key = key
		l.Partial = q == '"' && envHasRef(s[i+1:end])
		if end >= eol {
			// The value spans lines: go on after the line it ends on.
			e := scLineEnd(s, end)
			if e < len(s) {
				e++
			}
			return e
		}
		return next
	}
	// A bare value: up to " #" or the line end, trailing space dropped.
	start := i
	end := i
	for j := i; j < eol; j++ {
		c := s[j]
		if c == '#' && j > start && scHSpace(s[j-1]) {
			break
		}
		if !scHSpace(c) && c != '\r' {
			end = j + 1
		}
	}
	if end > start {
		idx := o.plain(start, end, "", EscapeNone)
		l := &o.lits[idx]
		l.Key = key
		l.Partial = envHasRef(s[start:end])
	}
	return next
}

// envHasWord reports whether s[i:eol] starts with word followed by a space.
func envHasWord(s string, i, eol int, word string) bool {
	n := i + len(word)
	return n < eol && s[i:n] == word && scHSpace(s[n])
}

// envKeyByte reports whether c may appear in a variable name.
func envKeyByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || scDigit(c)
}

// envCloseQuote returns the offset of the quote closing a value whose
// content starts at i, or -1. A backslash keeps the next character from
// closing it.
func envCloseQuote(s string, i int, q byte) int {
	for i < len(s) {
		switch s[i] {
		case q:
			return i
		case '\\':
			i += 2
			continue
		}
		i++
	}
	return -1
}

// envDecodeDQ emits a double-quoted value with its escapes resolved.
func envDecodeDQ(o *scOut, start, end int) int {
	s := o.s
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c == '\\' && i+1 < end {
			switch e := s[i+1]; e {
			case 'n':
				o.addByte('\n', i)
			case 'r':
				o.addByte('\r', i)
			case 't':
				o.addByte('\t', i)
			case '"', '\\', '$', '\'':
				o.addByte(e, i)
			default:
				o.addByte('\\', i)
				o.addByte(e, i+1)
			}
			i += 2
			continue
		}
		o.addByte(c, i)
		i++
	}
	return o.decoded(start, end, `"`, EscapeBackslash)
}

// envHasRef reports whether the source text v holds a $NAME or ${NAME}
// reference that no backslash escapes.
func envHasRef(v string) bool {
	for k := 0; k+1 < len(v); k++ {
		switch c := v[k]; {
		case c == '\\':
			k++
		case c == '$':
			n := v[k+1]
			if n == '{' || n == '_' || ('a' <= n && n <= 'z') || ('A' <= n && n <= 'Z') {
				return true
			}
		}
	}
	return false
}
