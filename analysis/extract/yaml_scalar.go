package extract

import (
	"bytes"
	"unicode/utf8"
)

// The functions here locate a scalar's content in the source and map every
// byte of its value back to the source. They follow libyaml's scanning
// rules (escapes, line folding, block indentation and chomping) and work in
// one of two modes:
//
//   - aligning (the yaml.v3 path): each decoded byte is checked against the
//     value the parser decoded, so a scalar whose source they do not
//     understand is reported as not aligned and skipped, never mis-spanned;
//   - decoding (the fast path of yaml_fast.go): the value is built from the
//     source, and anything outside the rules is reported as a failure.

// yamlAlign holds the state of one scalar alignment or decoding.
type yamlAlign struct {
	src []byte
	v   string // aligning: the value the parser decoded
	i   int    // value bytes matched or decoded so far
	m   textOffsets

	decode bool   // decoding: build the value in buf instead of checking v
	buf    []byte // decoding: the value so far
	end    int    // decoding a plain scalar: the offset after its last byte
}

// emit matches (or, decoding, appends) value byte c, which came from source
// offset at.
func (a *yamlAlign) emit(c byte, at int) bool {
	if a.decode {
		a.buf = append(a.buf, c)
	} else if a.i >= len(a.v) || a.v[a.i] != c {
		return false
	}
	a.i++
	a.m.add(at)
	return true
}

// complete reports whether the whole value was matched (always, decoding).
func (a *yamlAlign) complete() bool { return a.decode || a.i == len(a.v) }

// more reports whether a plain scalar continues at p: aligning, until the
// value is used up; decoding, until its known end.
func (a *yamlAlign) more(p int) bool {
	if a.decode {
		return p < a.end
	}
	return a.i < len(a.v)
}

// copyByte matches the source byte at p verbatim. Line breaks beyond ASCII
// (NEL, LS, PS) are refused: libyaml rewrites them.
func (a *yamlAlign) copyByte(p int) bool {
	c := a.src[p]
	if c >= 0xC2 && yamlBreakWidth(a.src, p) > 0 {
		return false
	}
	return a.emit(c, p)
}

// copyRun copies the source bytes [p, q) verbatim, decoding. The caller
// knows they hold no line break (the fast path's input has no NEL, LS or
// PS at all).
func (a *yamlAlign) copyRun(p, q int) {
	a.buf = append(a.buf, a.src[p:q]...)
	a.i += q - p
	m := &a.m
	if m.lazy && m.n == 0 && q > p {
		m.start, m.lazy = p, false
	}
	if m.offs == nil && p == m.start+m.n {
		m.n += q - p // still the source text itself
		return
	}
	for k := p; k < q; k++ {
		m.add(k)
	}
}

func isYAMLBlank(c byte) bool { return c == ' ' || c == '\t' }
func isYAMLBreak(c byte) bool { return c == '\n' || c == '\r' }

// skipBreak returns the offset after the ASCII line break at p.
func yamlSkipBreak(src []byte, p int) int {
	if src[p] == '\r' && p+1 < len(src) && src[p+1] == '\n' {
		return p + 2
	}
	return p + 1
}

// fold handles a run of blanks and line breaks starting at p inside a
// flow (plain or quoted) scalar, as libyaml joins lines: blanks before a
// break are dropped, a single break becomes a space, n+1 breaks become n
// newlines, and blanks at the start of a line are dropped. escaped says
// that the run follows an escaped line break ("\" at the end of a line in a
// double-quoted scalar), which contributes nothing. It returns the offset
// after the run.
func (a *yamlAlign) fold(p int, escaped bool) (int, bool) {
	src := a.src
	n := len(src)
	if !escaped {
		q := p
		for q < n && isYAMLBlank(src[q]) {
			q++
		}
		if q >= n || !isYAMLBreak(src[q]) {
			// Blanks inside a line are content.
			for ; p < q; p++ {
				if !a.emit(src[p], p) {
					return p, false
				}
			}
			return p, true
		}
		p = q
	}
	lead := -1
	if !escaped {
		lead = p
		p = yamlSkipBreak(src, p)
	}
	trailing := false
	for p < n {
		if isYAMLBlank(src[p]) {
			p++
			continue
		}
		if !isYAMLBreak(src[p]) {
			break
		}
		trailing = true
		if !a.emit('\n', p) {
			return p, false
		}
		p = yamlSkipBreak(src, p)
	}
	if lead >= 0 && !trailing {
		if !a.emit(' ', lead) {
			return p, false
		}
	}
	return p, true
}

// alignPlain maps a plain scalar starting at p. Its end is where the value
// is used up (aligning) or a.end (decoding).
func (a *yamlAlign) alignPlain(p int) (end int, ok bool) {
	src := a.src
	for a.more(p) {
		if p >= len(src) {
			return p, false
		}
		c := src[p]
		if isYAMLBlank(c) || isYAMLBreak(c) {
			if p, ok = a.fold(p, false); !ok {
				return p, false
			}
			continue
		}
		if !a.copyByte(p) {
			return p, false
		}
		p++
	}
	return p, true
}

// alignQuoted maps a single- or double-quoted scalar whose content starts
// at p (after the opening quote). It returns the offset of the closing
// quote.
func (a *yamlAlign) alignQuoted(p int, quote byte) (end int, ok bool) {
	src := a.src
	n := len(src)
	for p < n {
		c := src[p]
		switch {
		case c == quote && quote == '\'':
			if p+1 < n && src[p+1] == '\'' {
				if !a.emit('\'', p) {
					return p, false
				}
				p += 2
				continue
			}
			return p, a.complete()
		case c == quote:
			return p, a.complete()
		case c == '\\' && quote == '"':
			if p+1 < n && isYAMLBreak(src[p+1]) {
				if p, ok = a.fold(yamlSkipBreak(src, p+1), true); !ok {
					return p, false
				}
				continue
			}
			if p, ok = a.escape(p); !ok {
				return p, false
			}
		case isYAMLBlank(c) || isYAMLBreak(c):
			if p, ok = a.fold(p, false); !ok {
				return p, false
			}
		default:
			if !a.copyByte(p) {
				return p, false
			}
			p++
		}
	}
	return p, false
}

// escape decodes the double-quoted escape sequence at p (the backslash)
// and returns the offset after it.
func (a *yamlAlign) escape(p int) (int, bool) {
	src := a.src
	if p+1 >= len(src) {
		return p, false
	}
	var r rune
	digits := 0
	switch src[p+1] {
	case '0':
		r = 0
	case 'a':
		r = 7
	case 'b':
		r = 8
	case 't', '\t':
		r = 9
	case 'n':
		r = 10
	case 'v':
		r = 11
	case 'f':
		r = 12
	case 'r':
		r = 13
	case 'e':
		r = 0x1B
	case ' ':
		r = ' '
	case '"':
		r = '"'
	case '\'':
		r = '\''
	case '\\':
		r = '\\'
	case 'N':
		r = 0x85
	case '_':
		r = 0xA0
	case 'L':
		r = 0x2028
	case 'P':
		r = 0x2029
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return p, false
	}
	q := p + 2
	if digits > 0 {
		if q+digits > len(src) {
			return p, false
		}
		for k := 0; k < digits; k++ {
			d := textHexDigit(src[q+k])
			if d < 0 {
				return p, false
			}
			r = r<<4 | rune(d)
		}
		q += digits
	}
	if !utf8.ValidRune(r) {
		return p, false
	}
	var buf [utf8.UTFMax]byte
	w := utf8.EncodeRune(buf[:], r)
	for k := 0; k < w; k++ {
		if !a.emit(buf[k], p) {
			return p, false
		}
	}
	return q, true
}

// textHexDigit returns the value of hexadecimal digit c, or -1.
func textHexDigit(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'f':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// alignBlock maps a literal (|) or folded (>) block scalar whose indicator
// is at p. parent is the indentation of the innermost enclosing block
// collection (-1 at the top of a document, or when it is not known): the
// content must be indented more. It returns the offset after the last
// source byte the value covers, and next, the start of the line that ended
// the scalar (or the end of the text). Block scalars with an explicit
// indentation indicator are refused.
func (a *yamlAlign) alignBlock(p int, folded bool, parent int) (end, next int, ok bool) {
	src := a.src
	n := len(src)
	p++
	chomp := 0
	if p < n && (src[p] == '+' || src[p] == '-') {
		chomp = 1
		if src[p] == '-' {
			chomp = -1
		}
		p++
	}
	if p < n && '0' <= src[p] && src[p] <= '9' {
		return p, p, false // an indentation indicator
	}
	for p < n && isYAMLBlank(src[p]) {
		p++
	}
	if p < n && src[p] == '#' {
		for p < n && !isYAMLBreak(src[p]) {
			p++
		}
	}
	if p < n {
		if !isYAMLBreak(src[p]) {
			return p, p, false
		}
		p = yamlSkipBreak(src, p)
	}
	end = p

	indent := 0
	lead := -1      // offset of the break that ended the previous content line
	var trail []int // offsets of the empty lines' breaks since then
	// breaks eats the indentation and empty lines before a content line,
	// fixing the indentation on first use, and returns the column reached.
	breaks := func() (int, bool) {
		maxIndent := 0
		for {
			col := 0
			for (indent == 0 || col < indent) && p < n && src[p] == ' ' {
				p++
				col++
			}
			if col > maxIndent {
				maxIndent = col
			}
			if p < n && (indent == 0 || col < indent) && src[p] == '\t' {
				return col, false
			}
			if p >= n || !isYAMLBreak(src[p]) {
				if indent == 0 {
					indent = max(maxIndent, parent+1)
					if indent < 1 {
						indent = 1
					}
				}
				return col, true
			}
			trail = append(trail, p)
			p = yamlSkipBreak(src, p)
		}
	}
	emitBreak := func(at int) bool {
		if !a.emit('\n', at) {
			return false
		}
		end = yamlSkipBreak(src, at)
		return true
	}
	col, ok := breaks()
	if !ok {
		return p, p, false
	}
	leadBlank := false
	for col == indent && p < n {
		trailBlank := isYAMLBlank(src[p])
		if folded && lead >= 0 && !leadBlank && !trailBlank {
			if len(trail) == 0 && !a.emit(' ', lead) {
				return p, p, false
			}
		} else if lead >= 0 && !emitBreak(lead) {
			return p, p, false
		}
		lead = -1
		for _, t := range trail {
			if !emitBreak(t) {
				return p, p, false
			}
		}
		trail = trail[:0]
		leadBlank = trailBlank
		if a.decode {
			q := n
			if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
				q = p + i
				if q > p && src[q-1] == '\r' {
					q--
				}
			}
			a.copyRun(p, q)
			p = q
			end = p
		}
		for p < n && !isYAMLBreak(src[p]) {
			if !a.copyByte(p) {
				return p, p, false
			}
			p++
			end = p
		}
		if p < n {
			lead = p
			p = yamlSkipBreak(src, p)
		}
		if col, ok = breaks(); !ok {
			return p, p, false
		}
	}
	if chomp != -1 && lead >= 0 && !emitBreak(lead) {
		return p, p, false
	}
	if chomp == 1 {
		for _, t := range trail {
			if !emitBreak(t) {
				return p, p, false
			}
		}
	}
	next = len(src)
	if p < n {
		next = p - col
	}
	return end, next, a.complete()
}
