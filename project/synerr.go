package project

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// maxRefine is the largest file whose syntax errors are located by
// re-parsing prefixes; larger files take yaml.v3's line as it is.
const maxRefine = 256 << 10

// decodeFirst parses the first YAML document of src into a node. It
// returns io.EOF when src holds no document, and turns a panic inside the
// YAML library into an error so bad input can never crash the caller.
func decodeFirst(src []byte) (doc *yaml.Node, dec *yaml.Decoder, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, dec, err = nil, nil, fmt.Errorf("yaml: internal error: %v", r)
		}
	}()
	dec = yaml.NewDecoder(bytes.NewReader(src))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		return nil, dec, err
	}
	return &n, dec, nil
}

// decodeNext parses the document after the first, for the "only the first
// document is read" warning.
func decodeNext(dec *yaml.Decoder) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml: internal error: %v", r)
		}
	}()
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	return &n, nil
}

// yamlErrorText returns the message of a first-document parse of src, ""
// when it parses.
func yamlErrorText(src []byte) string {
	_, _, err := decodeFirst(src)
	if err == nil || errors.Is(err, io.EOF) {
		return ""
	}
	return err.Error()
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): `)

// splitYAMLError splits a yaml.v3 error message into the line it names (0
// when none) and the bare message.
func splitYAMLError(text string) (line int, msg string) {
	if m := yamlLineRE.FindStringSubmatch(text); m != nil {
		line, _ = strconv.Atoi(m[1])
		return line, text[len(m[0]):]
	}
	return 0, strings.TrimPrefix(text, "yaml: ")
}

// syntaxError turns a YAML parse failure into an Error at the place the
// parser stopped.
//
// yaml.v3 reports only a line, and not always the right one: for some
// errors it names the line where the enclosing block starts, counted from
// 0. So the position is found again: the shortest prefix of the text (a
// whole number of lines, then characters of the next line) on which the
// parser fails the same way ends at the offending character. Character
// errors (invalid UTF-8, control characters) are located directly.
func syntaxError(path string, src []byte, x *srcIndex, err error) *Error {
	text := err.Error()
	line, msg := splitYAMLError(text)
	e := &Error{Path: path, Msg: "YAML syntax error: " + msg}
	reader := strings.Contains(msg, "UTF-8") || strings.Contains(msg, "control characters") ||
		strings.Contains(msg, "Unicode character")
	if off := badCharOffset(src); off >= 0 && reader {
		e.Pos = x.pos(off)
		_, w := utf8.DecodeRune(src[off:])
		e.EndPos = x.pos(off + w)
		return e
	}
	if len(src) <= maxRefine {
		if off, ok := locateFailure(src, text); ok {
			e.Pos = x.pos(refineOffset(src, off, msg))
			return e
		}
	}
	// Fall back to the line yaml.v3 names, clamped to the text.
	if line < 1 {
		line = 1
	}
	if line > len(x.nline) {
		line = len(x.nline)
	}
	e.Pos = x.pos(x.nline[line-1])
	return e
}

// badCharOffset returns the offset of the first byte sequence YAML
// rejects (invalid UTF-8 or a control character), or -1.
func badCharOffset(src []byte) int {
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		allowed := r == 0x09 || r == 0x0A || r == 0x0D ||
			(r >= 0x20 && r <= 0x7E) || r == 0x85 ||
			(r >= 0xA0 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) ||
			(r >= 0x10000 && r <= 0x10FFFF)
		if !allowed {
			return i
		}
		i += w
	}
	return -1
}

// locateFailure returns the offset of the character at which parsing src
// first fails with the error text full.
func locateFailure(src []byte, full string) (int, bool) {
	// Line starts ("\n" lines), plus the end of the text.
	starts := []int{0}
	for i, b := range src {
		if b == '\n' && i+1 < len(src) {
			starts = append(starts, i+1)
		}
	}
	fullLine, fullMsg := splitYAMLError(full)
	// An error at the end of the text (an unterminated quote or bracket)
	// names the last line; a prefix ending inside the same construct fails
	// with the same message but names its own last line, so only the
	// message is compared.
	eofLine := bytes.Count(src, []byte("\n"))
	atEOF := fullLine >= eofLine
	same := func(n int) bool {
		t := yamlErrorText(src[:n])
		if t == full {
			return true
		}
		if !atEOF || t == "" {
			return false
		}
		_, m := splitYAMLError(t)
		return m == fullMsg
	}
	lineEnd := func(i int) int {
		if i+1 < len(starts) {
			return starts[i+1]
		}
		return len(src)
	}
	// Smallest number of whole lines whose parse fails the same way.
	lo, hi := 0, len(starts)-1 // the answer is a line index in [lo, hi]
	if !same(len(src)) {
		return 0, false
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if same(lineEnd(mid)) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	// Then the fewest characters of that line.
	begin, end := starts[lo], lineEnd(lo)
	var cuts []int // prefix lengths ending after each character
	for i := begin; i < end; {
		_, w := utf8.DecodeRune(src[i:end])
		i += w
		cuts = append(cuts, i)
	}
	if len(cuts) == 0 {
		return begin, true
	}
	a, b := 0, len(cuts)-1
	for a < b {
		mid := (a + b) / 2
		if same(cuts[mid]) {
			b = mid
		} else {
			a = mid + 1
		}
	}
	// The failing prefix ends with the offending character.
	off := begin
	if a > 0 {
		off = cuts[a-1]
	}
	return off, true
}

// refineOffset moves the offset where parsing failed back to the start of
// the construct the message names, when that is on the same line: the
// opening bracket of an unclosed flow collection, the `*` of an unknown
// alias.
func refineOffset(src []byte, off int, msg string) int {
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	back := func(open, close byte) int {
		depth := 0
		for i := off; i >= lineStart; i-- {
			if i >= len(src) {
				continue
			}
			switch src[i] {
			case close:
				if i != off {
					depth++
				}
			case open:
				if depth == 0 {
					return i
				}
				depth--
			}
		}
		return off
	}
	switch {
	case strings.Contains(msg, "',' or ']'"):
		return back('[', ']')
	case strings.Contains(msg, "',' or '}'"):
		return back('{', '}')
	case strings.HasPrefix(msg, "unknown anchor '"):
		name := strings.TrimSuffix(strings.TrimPrefix(msg, "unknown anchor '"), "' referenced")
		if i := bytes.LastIndex(src[lineStart:min(off+1, len(src))], []byte("*"+name)); i >= 0 {
			return lineStart + i
		}
	}
	return off
}
