package analysis

import (
	"sort"
	"unicode/utf8"
)

// colStep is the distance in bytes between two recorded UTF-16 columns of
// a long line.
const colStep = 1024

// colMark is the UTF-16 column of a character start.
type colMark struct{ off, col int }

// lineMarks returns the marks of a line longer than colStep: the UTF-16
// column of the character start at or after every colStep-th byte,
// recorded on first use. PositionUTF16 then decodes at most colStep bytes
// (plus the character it lands in) per call, where counting from the
// line's start would make converting every finding of a 1 MB line
// quadratic.
func (x *LineIndex) lineMarks(line int) []colMark {
	x.marksMu.Lock()
	defer x.marksMu.Unlock()
	if m, ok := x.marks[line]; ok {
		return m
	}
	start, end := x.lineStarts()[line], x.LineEnd(line)
	marks := make([]colMark, 0, (end-start)/colStep+1)
	marks = append(marks, colMark{start, 0})
	next := start + colStep
	col := 0
	for i := start; i < end; {
		if i >= next {
			marks = append(marks, colMark{i, col})
			next = i + colStep
		}
		r, size := rune(x.src[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(x.src[i:])
		}
		i += size
		col += utf16Len(r)
	}
	if x.marks == nil {
		x.marks = make(map[int][]colMark)
	}
	x.marks[line] = marks
	return marks
}

// nearestMark returns the last mark at or before off.
func nearestMark(marks []colMark, off int) (int, int) {
	k := sort.Search(len(marks), func(k int) bool { return marks[k].off > off }) - 1
	return marks[k].off, marks[k].col
}
