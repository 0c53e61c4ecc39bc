package analysis

import (
	"bytes"
	"fmt"
	"sort"
	"sync"
	"unicode/utf8"
)

// Position is a 0-based line and column. The column counts bytes or UTF-16
// code units depending on the method that produced it.
type Position struct {
	Line int
	Col  int
}

// LineIndex converts between byte offsets and line/column positions of one
// text.
//
// Line endings follow the LSP specification, since the server must split
// lines exactly as its client does: "\n", "\r\n" and a lone "\r" each end a
// line. A line ending belongs to the line it ends; a text ending in a line
// ending has a last, empty line after it.
//
// Byte columns count bytes from the line's start. UTF-16 columns count the
// UTF-16 code units of the line's characters: one for a tab or any other
// character of the Basic Multilingual Plane (ASCII, CJK), two for a
// character outside it (an emoji), and one for each byte that is not part of
// valid UTF-8 (as if it were U+FFFD).
//
// The index is built on first use (one pass over the text, storing only
// the offsets where lines start; most files checked have no finding and
// never need it) and never changes after, so it is safe for concurrent
// use; it keeps a reference to the text, which must not be modified while
// the index is in use.
type LineIndex struct {
	src  []byte
	once sync.Once
	// starts holds the byte offset at which each line starts; starts[0]
	// is 0 and len(starts) is the number of lines. Read it through
	// lineStarts.
	starts []int

	// marks holds, per line longer than colStep bytes, UTF-16 columns
	// recorded along it on first use (see lineMarks).
	marksMu sync.Mutex
	marks   map[int][]colMark
}

// NewLineIndex returns the index of src.
func NewLineIndex(src []byte) *LineIndex { return &LineIndex{src: src} }

// lineStarts returns the line starts, computing them on first use.
func (x *LineIndex) lineStarts() []int {
	x.once.Do(func() { x.starts = lineStarts(x.src) })
	return x.starts
}

// lineStarts returns the byte offset at which each line of src starts.
func lineStarts(src []byte) []int {
	n := bytes.Count(src, []byte{'\n'})
	if bytes.IndexByte(src, '\r') < 0 {
		// Fast path: only "\n" endings, found with IndexByte.
		starts := make([]int, 1, n+1)
		for off := 0; ; {
			i := bytes.IndexByte(src[off:], '\n')
			if i < 0 {
				break
			}
			off += i + 1
			starts = append(starts, off)
		}
		return starts
	}
	// A lone "\r" ends a line too; count them so the slice is sized once,
	// then merge the positions of "\n" and "\r" found with IndexByte.
	n += bytes.Count(src, []byte{'\r'}) - bytes.Count(src, []byte("\r\n"))
	starts := make([]int, 1, n+1)
	lf, cr := indexFrom(src, 0, '\n'), indexFrom(src, 0, '\r')
	for lf >= 0 || cr >= 0 {
		if lf >= 0 && (cr < 0 || lf < cr) {
			starts = append(starts, lf+1)
			lf = indexFrom(src, lf+1, '\n')
			continue
		}
		if cr+1 == lf { // "\r\n"
			starts = append(starts, lf+1)
			lf = indexFrom(src, lf+1, '\n')
		} else {
			starts = append(starts, cr+1)
		}
		cr = indexFrom(src, cr+1, '\r')
	}
	return starts
}

// indexFrom returns the offset of the first c in src at or after from, or
// -1.
func indexFrom(src []byte, from int, c byte) int {
	if i := bytes.IndexByte(src[from:], c); i >= 0 {
		return from + i
	}
	return -1
}

// Len returns the length of the indexed text in bytes.
func (x *LineIndex) Len() int { return len(x.src) }

// LineCount returns the number of lines (an empty text has one).
func (x *LineIndex) LineCount() int { return len(x.lineStarts()) }

// LineStart returns the byte offset at which line starts. A line outside
// the text clamps to the first or last line.
func (x *LineIndex) LineStart(line int) int {
	return x.lineStarts()[x.clampLine(line)]
}

// LineEnd returns the byte offset at which line's content ends: where its
// line ending starts, or the end of the text for the last line. A line
// outside the text clamps to the first or last line.
func (x *LineIndex) LineEnd(line int) int {
	line = x.clampLine(line)
	if line+1 == len(x.lineStarts()) {
		return len(x.src)
	}
	end := x.lineStarts()[line+1] - 1 // the "\n" or the lone "\r"
	if x.src[end] == '\n' && end > x.lineStarts()[line] && x.src[end-1] == '\r' {
		end--
	}
	return end
}

func (x *LineIndex) clampLine(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(x.lineStarts()) {
		return len(x.lineStarts()) - 1
	}
	return line
}

// lineOf returns the line holding offset off, which must be in [0, len].
func (x *LineIndex) lineOf(off int) int {
	// The last start <= off.
	starts := x.lineStarts()
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
}

// locate clamps off to the text and returns it with its line. An offset
// between the "\r" and the "\n" of a "\r\n" moves back to the "\r", so a
// position never points inside a line ending.
func (x *LineIndex) locate(off int) (int, int) {
	if off < 0 {
		off = 0
	}
	if off > len(x.src) {
		off = len(x.src)
	}
	if off > 0 && off < len(x.src) && x.src[off] == '\n' && x.src[off-1] == '\r' {
		off--
	}
	return off, x.lineOf(off)
}

// Position returns the line and byte column of offset off. An offset
// outside the text clamps to its start or end; one between the "\r" and
// the "\n" of a "\r\n" is taken as the "\r".
func (x *LineIndex) Position(off int) Position {
	off, line := x.locate(off)
	return Position{Line: line, Col: off - x.lineStarts()[line]}
}

// PositionUTF16 returns the line and UTF-16 column of offset off, clamped
// like Position. Invalid UTF-8 bytes count as one code unit each (U+FFFD);
// an offset inside a multi-byte character is taken as that character's
// start.
func (x *LineIndex) PositionUTF16(off int) Position {
	off, line := x.locate(off)
	i, col := x.lineStarts()[line], 0
	if x.LineEnd(line)-i > colStep {
		// A long line (minified code, a list of thousands of scopes):
		// start from the nearest recorded column, so that converting
		// many offsets of one line stays linear.
		i, col = nearestMark(x.lineMarks(line), off)
	}
	for i < off {
		c := x.src[i]
		if c < utf8.RuneSelf {
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(x.src[i:])
		if i+size > off {
			break // off is inside this character
		}
		i += size
		col += utf16Len(r)
	}
	return Position{Line: line, Col: col}
}

// Offset returns the byte offset of a line and byte column. A column past
// the end of the line clamps to the line's end (before its line ending); a
// line past the end of the text, or a negative line or column, is an error.
func (x *LineIndex) Offset(p Position) (int, error) {
	if err := x.check(p); err != nil {
		return 0, err
	}
	start, end := x.lineStarts()[p.Line], x.LineEnd(p.Line)
	if p.Col > end-start {
		return end, nil
	}
	return start + p.Col, nil
}

// OffsetUTF16 returns the byte offset of a line and UTF-16 column, with the
// same clamping as Offset; a column inside a surrogate pair maps to the
// start of its character.
func (x *LineIndex) OffsetUTF16(p Position) (int, error) {
	if err := x.check(p); err != nil {
		return 0, err
	}
	i, end := x.lineStarts()[p.Line], x.LineEnd(p.Line)
	for col := 0; i < end; {
		c := x.src[i]
		if c < utf8.RuneSelf {
			if col == p.Col {
				return i, nil
			}
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(x.src[i:end])
		col += utf16Len(r)
		if col > p.Col {
			return i, nil
		}
		i += size
	}
	return end, nil
}

func (x *LineIndex) check(p Position) error {
	if p.Line < 0 || p.Col < 0 {
		return fmt.Errorf("invalid position %d:%d", p.Line, p.Col)
	}
	if p.Line >= len(x.lineStarts()) {
		return fmt.Errorf("line %d is past the end of the text (%d lines)", p.Line, len(x.lineStarts()))
	}
	return nil
}

// utf16Len returns the number of UTF-16 code units of r; utf8.RuneError
// (an invalid byte) counts one.
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
