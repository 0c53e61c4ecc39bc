package extract

import "unicode/utf8"

// clEsc selects the backslash escapes of a language.
type clEsc uint8

const (
	clEscNone      clEsc = iota // no escapes: raw and verbatim strings
	clEscJS                     // JavaScript / TypeScript
	clEscJava                   // Java, Groovy, Scala (plus Groovy's \$)
	clEscKotlin                 // Kotlin
	clEscCSharp                 // C#
	clEscSwift                  // Swift
	clEscRust                   // Rust
	clEscPHP                    // PHP double quotes and heredoc
	clEscPHPSingle              // PHP single quotes: only \' and \\
)

// clDecoder builds decoded values together with the source offset of each
// byte. Its buffers are reused from literal to literal; only a literal
// whose value differs from its source text costs an allocation.
type clDecoder struct {
	src  []byte
	buf  []byte
	offs []int
}

func (d *clDecoder) reset() {
	d.buf = d.buf[:0]
	d.offs = d.offs[:0]
}

func (d *clDecoder) add(b byte, off int) {
	d.buf = append(d.buf, b)
	d.offs = append(d.offs, off)
}

func (d *clDecoder) addRune(r rune, off int) {
	n := len(d.buf)
	d.buf = utf8.AppendRune(d.buf, r)
	for i := n; i < len(d.buf); i++ {
		d.offs = append(d.offs, off)
	}
}

// result returns the decoded value and its offsets, ending at end.
func (d *clDecoder) result(end int) (string, []int) {
	offs := make([]int, len(d.offs)+1)
	copy(offs, d.offs)
	offs[len(d.offs)] = end
	return string(d.buf), offs
}

// clSegFlags modify how a segment is decoded.
type clSegFlags uint8

const (
	clSegCRLF     clSegFlags = 1 << iota // CR LF and lone CR become LF
	clSegVerbatim                        // "" is one quote (C# verbatim)
	clSegBraces                          // {{ and }} are one brace (C# interpolation)
)

// segment appends the decoding of src[from:to]. hashes is the number of
// '#' that must follow a backslash for it to escape (Swift raw strings).
// It reports false for an escape the language does not define.
func (d *clDecoder) segment(from, to int, dia clEsc, fl clSegFlags, hashes int) bool {
	src := d.src
	for i := from; i < to; {
		c := src[i]
		switch {
		case c == '\\' && dia != clEscNone:
			j := i + 1
			if hashes > 0 {
				h := 0
				for j < to && src[j] == '#' && h < hashes {
					j++
					h++
				}
				if h < hashes {
					d.add(c, i)
					i++
					continue
				}
			}
			if j >= to {
				return false
			}
			next, ok := d.escape(i, j, to, dia)
			if !ok {
				return false
			}
			i = next
		case c == '\r' && fl&clSegCRLF != 0:
			d.add('\n', i)
			i++
			if i < to && src[i] == '\n' {
				i++
			}
		case c == '"' && fl&clSegVerbatim != 0 && i+1 < to && src[i+1] == '"':
			d.add('"', i)
			i += 2
		case (c == '{' || c == '}') && fl&clSegBraces != 0 && i+1 < to && src[i+1] == c:
			d.add(c, i)
			i += 2
		default:
			d.add(c, i)
			i++
		}
	}
	return true
}

// escape decodes the escape whose backslash is at bs and whose first
// character after the backslash (and any raw-string hashes) is at j.
func (d *clDecoder) escape(bs, j, to int, dia clEsc) (int, bool) {
	src := d.src
	c := src[j]
	// Line continuations.
	if c == '\n' || c == '\r' {
		switch dia {
		case clEscJS, clEscJava, clEscSwift:
			k := j + 1
			if c == '\r' && k < to && src[k] == '\n' {
				k++
			}
			return k, true
		case clEscRust:
			k := j + 1
			for k < to && (src[k] == ' ' || src[k] == '\t' || src[k] == '\n' || src[k] == '\r') {
				k++
			}
			return k, true
		case clEscPHP, clEscPHPSingle:
			d.add('\\', bs)
			return j, true
		}
		return 0, false
	}
	if simple, ok := clSimpleEscape(dia, c); ok {
		d.add(simple, bs)
		return j + 1, true
	}
	switch dia {
	case clEscJS:
		switch {
		case c == 'x':
			if v, ok := clHexN(src, j+1, to, 2); ok {
				d.addRune(rune(v), bs)
				return j + 3, true
			}
			return 0, false
		case c == 'u':
			return d.utf16Escape(bs, j, to, true)
		case '0' <= c && c <= '7':
			return d.octal(bs, j, to, clOctalMax(c), false)
		}
		// Any other character stands for itself.
		r, size := utf8.DecodeRune(src[j:to])
		if r == utf8.RuneError && size <= 1 {
			d.add(c, bs)
			return j + 1, true
		}
		for k := 0; k < size; k++ {
			d.add(src[j+k], bs)
		}
		return j + size, true
	case clEscJava:
		switch {
		case c == 'u':
			k := j
			for k < to && src[k] == 'u' {
				k++
			}
			return d.utf16Escape(bs, k-1, to, false)
		case '0' <= c && c <= '7':
			return d.octal(bs, j, to, clOctalMax(c), false)
		}
	case clEscKotlin:
		if c == 'u' {
			return d.utf16Escape(bs, j, to, false)
		}
	case clEscCSharp:
		switch c {
		case 'u':
			return d.utf16Escape(bs, j, to, false)
		case 'U':
			if v, ok := clHexN(src, j+1, to, 8); ok && v <= utf8.MaxRune {
				d.addRune(rune(v), bs)
				return j + 9, true
			}
			return 0, false
		case 'x':
			k, v := j+1, 0
			for k < to && k < j+5 && clIsHex(src[k]) {
				v = v<<4 | clHexVal(src[k])
				k++
			}
			if k == j+1 {
				return 0, false
			}
			d.addRune(rune(v), bs)
			return k, true
		}
	case clEscSwift, clEscRust:
		switch c {
		case 'u':
			return d.braceEscape(bs, j, to)
		case 'x':
			if dia == clEscRust {
				if v, ok := clHexN(src, j+1, to, 2); ok {
					d.add(byte(v), bs)
					return j + 3, true
				}
			}
			return 0, false
		}
	case clEscPHP:
		switch {
		case c == 'x':
			k, v := j+1, 0
			for k < to && k < j+3 && clIsHex(src[k]) {
				v = v<<4 | clHexVal(src[k])
				k++
			}
			if k == j+1 {
				d.add('\\', bs)
				return j, true
			}
			d.add(byte(v), bs)
			return k, true
		case c == 'u' && j+1 < to && src[j+1] == '{':
			return d.braceEscape(bs, j, to)
		case '0' <= c && c <= '7':
			return d.octal(bs, j, to, 3, true)
		}
		// Unknown escapes stay as written.
		d.add('\\', bs)
		return j, true
	case clEscPHPSingle:
		d.add('\\', bs)
		return j, true
	}
	return 0, false
}

// clSimpleEscape maps single-character escapes.
func clSimpleEscape(dia clEsc, c byte) (byte, bool) {
	switch c {
	case '\\':
		return '\\', true
	case '"':
		return '"', dia != clEscPHPSingle
	case '\'':
		switch dia {
		case clEscJS, clEscJava, clEscKotlin, clEscCSharp, clEscSwift, clEscRust, clEscPHPSingle:
			return '\'', true
		}
		return 0, false
	case 'n':
		return '\n', dia != clEscPHPSingle
	case 't':
		return '\t', dia != clEscPHPSingle
	case 'r':
		return '\r', dia != clEscPHPSingle
	case 'b':
		switch dia {
		case clEscJS, clEscJava, clEscKotlin, clEscCSharp:
			return '\b', true
		}
	case 'f':
		switch dia {
		case clEscJS, clEscJava, clEscCSharp, clEscPHP:
			return '\f', true
		}
	case 'v':
		switch dia {
		case clEscJS, clEscCSharp, clEscPHP:
			return '\v', true
		}
	case 'a':
		if dia == clEscCSharp {
			return '\a', true
		}
	case 'e':
		if dia == clEscCSharp || dia == clEscPHP {
			return 0x1b, true
		}
	case 's':
		if dia == clEscJava {
			return ' ', true
		}
	case '$':
		switch dia {
		case clEscJava, clEscKotlin, clEscPHP:
			return '$', true
		}
	case '0':
		switch dia {
		case clEscCSharp, clEscSwift, clEscRust:
			return 0, true
		}
	}
	return 0, false
}

// utf16Escape decodes \uXXXX at j ('u'), combining a surrogate pair
// written as two escapes. With braces, \u{X...} is accepted too.
func (d *clDecoder) utf16Escape(bs, j, to int, braces bool) (int, bool) {
	src := d.src
	if braces && j+1 < to && src[j+1] == '{' {
		return d.braceEscape(bs, j, to)
	}
	v, ok := clHexN(src, j+1, to, 4)
	if !ok {
		return 0, false
	}
	next := j + 5
	if 0xD800 <= v && v < 0xDC00 && next+6 <= to && src[next] == '\\' && src[next+1] == 'u' {
		if lo, ok := clHexN(src, next+2, to, 4); ok && 0xDC00 <= lo && lo < 0xE000 {
			d.addRune(rune((v-0xD800)<<10|(lo-0xDC00)+0x10000), bs)
			return next + 6, true
		}
	}
	d.addRune(rune(v), bs)
	return next, true
}

// braceEscape decodes \u{X...} at j ('u').
func (d *clDecoder) braceEscape(bs, j, to int) (int, bool) {
	src := d.src
	k := j + 1
	if k >= to || src[k] != '{' {
		return 0, false
	}
	k++
	v, n := 0, 0
	for k < to && src[k] != '}' {
		if src[k] == '_' {
			k++
			continue
		}
		if !clIsHex(src[k]) || n >= 8 {
			return 0, false
		}
		v = v<<4 | clHexVal(src[k])
		n++
		k++
	}
	if k >= to || n == 0 || v > utf8.MaxRune {
		return 0, false
	}
	d.addRune(rune(v), bs)
	return k + 1, true
}

// octal decodes up to max octal digits at j, as one byte (PHP) or as a
// code point.
func (d *clDecoder) octal(bs, j, to, max int, asByte bool) (int, bool) {
	src := d.src
	v, k := 0, j
	for k < to && k < j+max && '0' <= src[k] && src[k] <= '7' {
		v = v*8 + int(src[k]-'0')
		k++
	}
	if asByte {
		d.add(byte(v), bs)
	} else {
		d.addRune(rune(v), bs)
	}
	return k, true
}

// clOctalMax is the longest octal escape that starts with digit c.
func clOctalMax(c byte) int {
	if c <= '3' {
		return 3
	}
	return 2
}

// clHexN reads exactly n hex digits at i.
func clHexN(src []byte, i, to, n int) (int, bool) {
	if i+n > to {
		return 0, false
	}
	v := 0
	for k := i; k < i+n; k++ {
		if !clIsHex(src[k]) {
			return 0, false
		}
		v = v<<4 | clHexVal(src[k])
	}
	return v, true
}

func clIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func clHexVal(c byte) int {
	switch {
	case c <= '9':
		return int(c - '0')
	case c >= 'a':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}
