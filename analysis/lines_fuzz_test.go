package analysis

import (
	"testing"
	"unicode/utf8"
)

// fuzzLine is one line of a text as the reference splitter sees it: where
// it starts, where its content ends and where its line ending ends.
type fuzzLine struct{ start, end, next int }

// fuzzSplitLines splits src the way LSP does ("\n", "\r\n" and a lone
// "\r" end a line), byte by byte: the slow, obvious reference for
// LineIndex.
func fuzzSplitLines(src []byte) []fuzzLine {
	var lines []fuzzLine
	start := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			lines = append(lines, fuzzLine{start, i, i + 1})
			start = i + 1
		case '\r':
			next := i + 1
			if next < len(src) && src[next] == '\n' {
				next++
			}
			lines = append(lines, fuzzLine{start, i, next})
			start = next
			i = next - 1
		}
	}
	return append(lines, fuzzLine{start, len(src), len(src)})
}

// FuzzLineIndex checks LineIndex against the reference splitter on
// arbitrary bytes (invalid UTF-8, lone CRs, surrogate-pair characters):
// the lines, the byte and UTF-16 columns of every offset, the round trips
// offset -> position -> offset, and the clamping of positions past a line
// or the text.
func FuzzLineIndex(f *testing.F) {
	for _, s := range []string{
		"", "\n", "\r", "\r\n", "\n\r", "a\r\rb\r\n\nc", "é🎉日本\r\nx\ry\n",
		"\xff\xfe\xc3\n\xe2\x82", "\xf0\x9f\x8e\r\n\x89", "tab\tcol\n  🎉🎉\r\n",
		"scope: https://www.googleapis.com/auth/drive.readonly\r\n",
	} {
		f.Add([]byte(s), uint16(0), uint16(0))
	}
	f.Fuzz(func(t *testing.T, src []byte, pline, pcol uint16) {
		x := NewLineIndex(src)
		ref := fuzzSplitLines(src)
		if x.Len() != len(src) || x.LineCount() != len(ref) {
			t.Fatalf("Len %d LineCount %d, want %d and %d lines", x.Len(), x.LineCount(), len(src), len(ref))
		}
		for li, l := range ref {
			if x.LineStart(li) != l.start || x.LineEnd(li) != l.end {
				t.Fatalf("line %d: [%d,%d), want [%d,%d)", li, x.LineStart(li), x.LineEnd(li), l.start, l.end)
			}
			// Every offset of the line, its ending included (the last
			// line: up to the end of the text).
			starts, cols := charStarts(src[l.start:l.end])
			stop := l.next - 1
			if li == len(ref)-1 {
				stop = len(src)
			}
			for i := l.start; i <= stop; i++ {
				off := min(i, l.end) // inside a "\r\n": taken as the "\r"
				p := x.Position(i)
				if p != (Position{li, off - l.start}) {
					t.Fatalf("Position(%d) = %+v, want %d:%d", i, p, li, off-l.start)
				}
				if got, err := x.Offset(p); err != nil || got != off {
					t.Fatalf("Offset(Position(%d)) = %d, %v; want %d", i, got, err, off)
				}
				cs, col := l.start+starts[off-l.start], cols[off-l.start]
				p16 := x.PositionUTF16(i)
				if p16 != (Position{li, col}) {
					t.Fatalf("PositionUTF16(%d) = %+v, want %d:%d", i, p16, li, col)
				}
				if got, err := x.OffsetUTF16(p16); err != nil || got != cs {
					t.Fatalf("OffsetUTF16(PositionUTF16(%d)) = %d, %v; want %d", i, got, err, cs)
				}
			}
			// A column past the line's end clamps to it, in both units.
			if got, err := x.Offset(Position{li, l.end - l.start + 1 + int(pcol)}); err != nil || got != l.end {
				t.Fatalf("Offset past the end of line %d = %d, %v; want %d", li, got, err, l.end)
			}
			if got, err := x.OffsetUTF16(Position{li, utf16Cols(src[l.start:l.end]) + 1 + int(pcol)}); err != nil || got != l.end {
				t.Fatalf("OffsetUTF16 past the end of line %d = %d, %v; want %d", li, got, err, l.end)
			}
		}
		// Lines past the end and negative positions are errors; offsets
		// outside the text clamp.
		if _, err := x.Offset(Position{len(ref) + int(pline), 0}); err == nil {
			t.Fatalf("Offset of line %d of %d: no error", len(ref)+int(pline), len(ref))
		}
		if _, err := x.OffsetUTF16(Position{0, -1 - int(pcol)}); err == nil {
			t.Fatal("OffsetUTF16 of a negative column: no error")
		}
		last := ref[len(ref)-1]
		if p := x.Position(len(src) + 1 + int(pcol)); p != (Position{len(ref) - 1, last.end - last.start}) {
			t.Fatalf("Position past the end = %+v", p)
		}
		if p := x.Position(-1 - int(pcol)); p != (Position{0, 0}) {
			t.Fatalf("Position before the start = %+v", p)
		}
		// Any in-range position maps into its line.
		li := int(pline) % len(ref)
		l := ref[li]
		for _, conv := range []func(Position) (int, error){x.Offset, x.OffsetUTF16} {
			off, err := conv(Position{li, int(pcol)})
			if err != nil || off < l.start || off > l.end {
				t.Fatalf("position %d:%d maps to %d (%v), outside line [%d,%d]", li, pcol, off, err, l.start, l.end)
			}
		}
	})
}

// utf16Cols counts the UTF-16 code units of a line's content: one per
// invalid byte, two for a character beyond the Basic Multilingual Plane.
func utf16Cols(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += units16(r)
		b = b[size:]
	}
	return n
}

func units16(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// charStarts returns, for each offset 0..len(b) of a line's content, the
// start of the character holding it (the offset itself at a boundary) and
// the UTF-16 column of that start.
func charStarts(b []byte) (starts, cols []int) {
	starts = make([]int, len(b)+1)
	cols = make([]int, len(b)+1)
	col := 0
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		for k := i; k < i+size; k++ {
			starts[k], cols[k] = i, col
		}
		col += units16(r)
		i += size
	}
	starts[len(b)], cols[len(b)] = len(b), col
	return starts, cols
}
