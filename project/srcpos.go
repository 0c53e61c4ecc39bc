package project

import (
	"sort"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// srcIndex converts the positions yaml.v3 reports into Pos values.
//
// yaml.v3 counts lines the YAML way (a line ends at "\n", "\r\n", a lone
// "\r", U+0085, U+2028 or U+2029) and columns in characters, after a
// leading byte order mark. A Pos counts lines at "\n" only and columns in
// bytes, like analysis.LineIndex, so an editor shows the same place.
type srcIndex struct {
	src   []byte
	yline []int // byte offset of each YAML line's start
	nline []int // byte offset of each "\n" line's start
	ascii bool  // src is all ASCII: a character column is a byte column

	// The last conversion, to continue from on the same line.
	lastLine, lastCol, lastOff int
}

func newSrcIndex(src []byte) *srcIndex {
	x := &srcIndex{src: src, nline: []int{0}, ascii: true}
	for _, b := range src {
		if b >= utf8.RuneSelf {
			x.ascii = false
			break
		}
	}
	start := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		start = 3
	}
	x.yline = []int{start}
	for i := start; i < len(src); {
		switch {
		case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
			i += 2
		case src[i] == '\n' || src[i] == '\r':
			i++
		case src[i] == 0xC2 && i+1 < len(src) && src[i+1] == 0x85:
			i += 2
		case src[i] == 0xE2 && i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9):
			i += 3
		default:
			i++
			continue
		}
		x.yline = append(x.yline, i)
	}
	for i, b := range src {
		if b == '\n' {
			x.nline = append(x.nline, i+1)
		}
	}
	return x
}

// offsetOf returns the byte offset of a 1-based YAML line and character
// column, clamped to the text.
func (x *srcIndex) offsetOf(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(x.yline) {
		return len(x.src)
	}
	off := x.yline[line-1]
	end := len(x.src)
	if line < len(x.yline) {
		end = x.yline[line]
	}
	if x.ascii {
		return min(off+max(col-1, 0), end)
	}
	c := 1
	if x.lastLine == line && x.lastCol <= col && x.lastCol > 0 {
		c, off = x.lastCol, x.lastOff
	}
	for ; c < col && off < end; c++ {
		_, w := utf8.DecodeRune(x.src[off:end])
		off += w
	}
	x.lastLine, x.lastCol, x.lastOff = line, c, off
	return off
}

// pos returns the Pos of byte offset off (clamped to the text).
func (x *srcIndex) pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	i := sort.Search(len(x.nline), func(i int) bool { return x.nline[i] > off }) - 1
	return Pos{Line: i + 1, Column: off - x.nline[i] + 1, Offset: off}
}

// nodePos returns the position where n starts.
func (x *srcIndex) nodePos(n *yaml.Node) Pos {
	if n == nil || n.Line == 0 {
		return Pos{}
	}
	return x.pos(x.offsetOf(n.Line, n.Column))
}

// nodeEnd returns the position just after a scalar node written on one
// line, plain or quoted; the zero Pos for anything else.
func (x *srcIndex) nodeEnd(n *yaml.Node) Pos {
	if n == nil || n.Kind != yaml.ScalarNode || n.Line == 0 {
		return Pos{}
	}
	start := x.offsetOf(n.Line, n.Column)
	if end := x.scalarEnd(start, n); end > start {
		return x.pos(end)
	}
	return Pos{}
}

// scalarEnd finds the end of the scalar n whose text starts at off, or
// returns -1 when it cannot be found on the same line.
func (x *srcIndex) scalarEnd(off int, n *yaml.Node) int {
	src := x.src
	if off >= len(src) {
		return -1
	}
	switch n.Style {
	case yaml.DoubleQuotedStyle:
		if src[off] != '"' {
			return -1
		}
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			case '\n', '\r':
				return -1
			}
		}
	case yaml.SingleQuotedStyle:
		if src[off] != '\'' {
			return -1
		}
		for i := off + 1; i < len(src); i++ {
			switch src[i] {
			case '\'':
				if i+1 < len(src) && src[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			case '\n', '\r':
				return -1
			}
		}
	case 0, yaml.FlowStyle:
		v := n.Value
		if v != "" && off+len(v) <= len(src) && string(src[off:off+len(v)]) == v {
			for i := 0; i < len(v); i++ {
				if v[i] == '\n' || v[i] == '\r' {
					return -1
				}
			}
			return off + len(v)
		}
	}
	return -1
}
