package extract

import (
	"bytes"
	"cmp"
	"slices"
	"unicode/utf8"
)

// This file holds the pieces the script and config lexers (Python, Ruby,
// shell, .env, properties/INI, TOML, HCL) share: the literal collector with
// its scratch buffers for decoded values, and byte classes.

// scOut collects the literals of one file. Values without escapes are
// substrings of s, so a file with no escapes costs one string conversion;
// decoded values are built in buf/offs and copied once per literal.
type scOut struct {
	s     string
	lits  []Literal
	lists int // last list id handed out

	buf  []byte // decoded value under construction
	offs []int  // source offset of each byte in buf
}

// newScOut starts collecting the literals of src. marks are the bytes
// that delimit a literal in the format (quotes, '=', line breaks; a byte
// listed twice counts twice), perLit how many of them a literal takes:
// their count sizes the literal slice once, which saves the copies of
// growing it. The estimate is capped so that a file full of stray quotes
// cannot reserve much more memory than the text itself.
func newScOut(src []byte, marks string, perLit int) *scOut {
	n := 0
	for k := 0; k < len(marks); k++ {
		n += bytes.Count(src, []byte{marks[k]})
	}
	n /= perLit
	if limit := len(src)/32 + 16; n > limit {
		n = limit
	}
	return &scOut{s: string(src), lits: make([]Literal, 0, n)}
}

// scSkipBOM returns the offset just past a leading UTF-8 byte order mark.
func scSkipBOM(s string) int {
	if len(s) >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF {
		return 3
	}
	return 0
}

// newList hands out a fresh list id, unique within the file.
func (o *scOut) newList() int {
	o.lists++
	return o.lists
}

// plain appends a literal whose value is the source text of [start, end).
// It returns the literal's index.
func (o *scOut) plain(start, end int, quote string, esc Escape) int {
	o.lits = append(o.lits, Literal{
		Span:   Span{Start: start, End: end},
		Value:  o.s[start:end],
		Quote:  quote,
		Escape: esc,
	})
	return len(o.lits) - 1
}

// reset starts a decoded value.
func (o *scOut) reset() {
	o.buf = o.buf[:0]
	o.offs = o.offs[:0]
}

// addByte appends one decoded byte that came from source offset off.
func (o *scOut) addByte(c byte, off int) {
	o.buf = append(o.buf, c)
	o.offs = append(o.offs, off)
}

// addRune appends the UTF-8 encoding of r; every byte maps to off.
func (o *scOut) addRune(r rune, off int) {
	n := len(o.buf)
	o.buf = utf8.AppendRune(o.buf, r)
	for ; n < len(o.buf); n++ {
		o.offs = append(o.offs, off)
	}
}

// decoded appends a literal spanning [start, end) whose value is the
// content of buf. When buf is the source text verbatim the value is shared
// with the source and Offsets stays nil.
func (o *scOut) decoded(start, end int, quote string, esc Escape) int {
	if len(o.buf) == end-start && string(o.buf) == o.s[start:end] {
		return o.plain(start, end, quote, esc)
	}
	offs := make([]int, len(o.offs)+1)
	copy(offs, o.offs)
	offs[len(o.offs)] = end
	o.lits = append(o.lits, Literal{
		Span:    Span{Start: start, End: end},
		Value:   string(o.buf),
		Offsets: offs,
		Quote:   quote,
		Escape:  esc,
	})
	return len(o.lits) - 1
}

// result returns the literals in source order.
func (o *scOut) result() []Literal {
	byStart := func(a, b Literal) int { return cmp.Compare(a.Span.Start, b.Span.Start) }
	if !slices.IsSortedFunc(o.lits, byStart) {
		slices.SortStableFunc(o.lits, byStart)
	}
	return o.lits
}

// scFrozenPath returns a copy of p that callers cannot grow into: literals
// sharing it never see each other's appends.
func scFrozenPath(p []string) []string {
	if len(p) == 0 {
		return nil
	}
	c := make([]string, len(p))
	copy(c, p)
	return c[:len(c):len(c)]
}

// scIdentStart reports whether c may start an identifier in the script
// languages: ASCII letters, '_' and any non-ASCII byte (Unicode letters;
// invalid UTF-8 is treated alike, which is harmless for lexing).
func scIdentStart(c byte) bool {
	return c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || c >= 0x80
}

// scIdentByte reports whether c may continue an identifier.
func scIdentByte(c byte) bool {
	return scIdentStart(c) || ('0' <= c && c <= '9')
}

// scDigit reports whether c is an ASCII decimal digit.
func scDigit(c byte) bool { return '0' <= c && c <= '9' }

// scHexVal returns the value of hex digit c, or -1.
func scHexVal(c byte) int {
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

// scParseHex reads exactly n hex digits of s at i; ok is false when they are
// not all there.
func scParseHex(s string, i, n int) (v rune, ok bool) {
	if i+n > len(s) {
		return 0, false
	}
	for k := 0; k < n; k++ {
		h := scHexVal(s[i+k])
		if h < 0 {
			return 0, false
		}
		v = v<<4 | rune(h)
	}
	return v, true
}

// scHSpace reports whether c is a space or a tab.
func scHSpace(c byte) bool { return c == ' ' || c == '\t' }

// scLineEnd returns the offset of the '\n' ending the line holding i, or
// len(s).
func scLineEnd(s string, i int) int {
	for ; i < len(s); i++ {
		if s[i] == '\n' {
			return i
		}
	}
	return len(s)
}

// scTrimCR drops a '\r' just before end (a CRLF line ending).
func scTrimCR(s string, start, end int) int {
	if end > start && s[end-1] == '\r' {
		return end - 1
	}
	return end
}
