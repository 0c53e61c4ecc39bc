package extract

import "unicode/utf8"

// yamlLines converts the 1-based line and column that gopkg.in/yaml.v3
// reports for a node into a byte offset. The parser counts lines the way
// libyaml does (CR LF, CR, LF, NEL, LS and PS each end a line) and columns
// in characters, not bytes, after skipping a leading UTF-8 byte order mark.
type yamlLines struct {
	buf    []byte
	starts []int  // byte offset of each line's first byte
	kind   []byte // per line: 0 not yet known, 1 all ASCII, 2 has multi-byte characters

	// A cursor into the last non-ASCII line looked up, so that many nodes on
	// one long line cost linear time in total.
	curLine, curCol, curOff int
}

// newYAMLLines indexes the line starts of buf.
func newYAMLLines(buf []byte) *yamlLines {
	t := &yamlLines{buf: buf, curLine: -1}
	start := 0
	if len(buf) >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF {
		start = 3
	}
	t.starts = append(t.starts, start)
	for i := start; i < len(buf); {
		if w := yamlBreakWidth(buf, i); w > 0 {
			i += w
			t.starts = append(t.starts, i)
			continue
		}
		i++
	}
	t.kind = make([]byte, len(t.starts))
	return t
}

// yamlBreakWidth returns the byte length of the line break at buf[i] (CR LF
// counts as one), or 0 when there is none.
func yamlBreakWidth(buf []byte, i int) int {
	switch c := buf[i]; c {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(buf) && buf[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(buf) && buf[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(buf) && buf[i+1] == 0x80 && (buf[i+2] == 0xA8 || buf[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// offset returns the byte offset of the 1-based line and column, or -1 when
// they lie outside the text.
func (t *yamlLines) offset(line, col int) int {
	if line < 1 || line > len(t.starts) || col < 1 {
		return -1
	}
	l := line - 1
	ls := t.starts[l]
	le := len(t.buf)
	if l+1 < len(t.starts) {
		le = t.starts[l+1]
	}
	if t.kind[l] == 0 {
		t.kind[l] = 1
		for _, c := range t.buf[ls:le] {
			if c >= utf8.RuneSelf {
				t.kind[l] = 2
				break
			}
		}
	}
	if t.kind[l] == 1 {
		if off := ls + col - 1; off <= le {
			return off
		}
		return -1
	}
	c, off := 1, ls
	if t.curLine == l && t.curCol <= col {
		c, off = t.curCol, t.curOff
	}
	for c < col {
		if off >= le {
			return -1
		}
		_, w := utf8.DecodeRune(t.buf[off:le])
		off += w
		c++
	}
	t.curLine, t.curCol, t.curOff = l, c, off
	return off
}

// yamlSanitize returns src, or a copy of it in which every byte of an
// invalid UTF-8 sequence or of a character libyaml refuses (control
// characters, U+FFFE, U+FFFF) is replaced by 'x'. The copy keeps every byte
// offset, and each replaced byte counts as one character, so positions the
// parser reports on the copy map back to src. Literals that cover a replaced
// byte are dropped later because their value no longer matches src.
func yamlSanitize(src []byte) []byte {
	clean := true
	for _, c := range src {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return src
	}
	var out []byte
	for i := 0; i < len(src); {
		c := src[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F {
				out = yamlReplace(out, src, i, 1)
			}
			i++
			continue
		}
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 || r < 0xA0 && r != 0x85 || r == 0xFFFE || r == 0xFFFF {
			out = yamlReplace(out, src, i, w)
		}
		i += w
	}
	if out == nil {
		return src
	}
	return out
}

// yamlReplace overwrites n bytes at i with 'x', copying src on first use.
func yamlReplace(out, src []byte, i, n int) []byte {
	if out == nil {
		out = append([]byte(nil), src...)
	}
	for k := i; k < i+n; k++ {
		out[k] = 'x'
	}
	return out
}
