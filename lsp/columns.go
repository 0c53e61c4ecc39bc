package lsp

import (
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/scopels/scopels/analysis"
)

// colStep is the distance in bytes between two recorded UTF-16 columns of
// a long line.
const colStep = 1024

// colIndex makes UTF-16 columns cheap on long lines. LineIndex counts a
// column by decoding the line from its start, which costs the column's
// length; a minified file or a 1 MB list on one line with thousands of
// findings would make publishing them quadratic. For a line longer than
// colStep bytes, colIndex records on first use the UTF-16 column at every
// colStep-th byte, so a column costs at most colStep bytes of decoding
// (plus the character it lands in). It is safe for concurrent use.
type colIndex struct {
	text  []byte
	lines *analysis.LineIndex

	mu    sync.Mutex
	marks map[int][]colMark // per long line, by offset
}

// colMark is the UTF-16 column of a character start.
type colMark struct{ off, col int }

func newColIndex(text []byte, lines *analysis.LineIndex) *colIndex {
	return &colIndex{text: text, lines: lines}
}

// position returns the line and UTF-16 column of offset off, exactly as
// LineIndex.PositionUTF16 does.
func (ci *colIndex) position(off int) analysis.Position {
	p := ci.lines.Position(off) // clamped, and out of a "\r\n"
	start := ci.lines.LineStart(p.Line)
	if ci.lines.LineEnd(p.Line)-start <= colStep {
		return ci.lines.PositionUTF16(off)
	}
	marks := ci.lineMarks(p.Line, start)
	target := start + p.Col
	k := sort.Search(len(marks), func(k int) bool { return marks[k].off > target }) - 1
	i, col := marks[k].off, marks[k].col
	for i < target {
		c := ci.text[i]
		if c < utf8.RuneSelf {
			i++
			col++
			continue
		}
		r, size := utf8.DecodeRune(ci.text[i:])
		if i+size > target {
			break // inside this character: its start
		}
		i += size
		col += utf16Len(r)
	}
	return analysis.Position{Line: p.Line, Col: col}
}

// lineMarks returns the marks of a long line, recording them on first use.
func (ci *colIndex) lineMarks(line, start int) []colMark {
	ci.mu.Lock()
	defer ci.mu.Unlock()
	if m, ok := ci.marks[line]; ok {
		return m
	}
	end := ci.lines.LineEnd(line)
	marks := make([]colMark, 0, (end-start)/colStep+1)
	marks = append(marks, colMark{start, 0})
	next := start + colStep
	col := 0
	for i := start; i < end; {
		if i >= next {
			marks = append(marks, colMark{i, col})
			next = i + colStep
		}
		r, size := rune(ci.text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(ci.text[i:])
		}
		i += size
		col += utf16Len(r)
	}
	if ci.marks == nil {
		ci.marks = make(map[int][]colMark)
	}
	ci.marks[line] = marks
	return marks
}

// utf16Len returns the UTF-16 code units of r (an invalid byte, decoded as
// utf8.RuneError, counts one).
func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}
