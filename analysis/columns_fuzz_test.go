package analysis

import (
	"bytes"
	"fmt"
	"testing"
	"unicode/utf8"
)

// FuzzColumns checks LineIndex.PositionUTF16 on lines long enough to have
// column marks (see lineMarks) against a one-pass reference at every
// offset: the fuzz input repeated past a few colStep, with a line break or
// not.
func FuzzColumns(f *testing.F) {
	f.Add([]byte("scope 🎉日本\xff\xfe é"), uint8(3))
	f.Add([]byte("a\r\nb\rc\n"), uint8(200))
	f.Add([]byte("\xf0\x9f\x8e"), uint8(1))
	f.Fuzz(func(t *testing.T, unit []byte, every uint8) {
		if len(unit) == 0 {
			return
		}
		var b bytes.Buffer
		for i := 0; b.Len() < 3*colStep+int(every)*17; i++ {
			b.Write(unit)
			if every > 0 && i%int(every) == 0 {
				b.WriteByte('x')
			}
		}
		text := b.Bytes()
		want := refColumns(text, NewLineIndex(text))
		lines := NewLineIndex(text) // marks recorded by the calls below
		// Forward, then backward from the recorded marks, then past the
		// end.
		for k := 0; k <= len(text); k++ {
			if got := lines.PositionUTF16(k); got != want[k] {
				t.Fatalf("offset %d: PositionUTF16 %+v, want %+v", k, got, want[k])
			}
		}
		for k := len(text); k >= 0; k -= 1 + int(every) {
			if got := lines.PositionUTF16(k); got != want[k] {
				t.Fatalf("offset %d (backward): PositionUTF16 %+v, want %+v", k, got, want[k])
			}
		}
		if got := lines.PositionUTF16(len(text) + 5); got != want[len(text)] {
			t.Fatalf("past the end: PositionUTF16 %+v, want %+v", got, want[len(text)])
		}
	})
}

// refColumns returns the UTF-16 position of every offset of text, in one
// pass per line, and spot-checks it against LineIndex.PositionUTF16 (on
// its own index, so the marks of the index under test are not reused).
func refColumns(text []byte, lines *LineIndex) []Position {
	out := make([]Position, len(text)+1)
	for line := 0; line < lines.LineCount(); line++ {
		start, end := lines.LineStart(line), lines.LineEnd(line)
		next := len(text)
		if line+1 < lines.LineCount() {
			next = lines.LineStart(line+1) - 1
		}
		col := 0
		for i := start; i < end; {
			r, size := utf8.DecodeRune(text[i:])
			for k := i; k < i+size && k < end; k++ {
				out[k] = Position{Line: line, Col: col}
			}
			col += utf16Len(r)
			i += size
		}
		for k := end; k <= next; k++ { // the line ending
			out[k] = Position{Line: line, Col: col}
		}
	}
	for k := 0; k <= len(text); k += 97 {
		if p := lines.PositionUTF16(k); p != out[k] {
			panic(fmt.Sprintf("refColumns disagrees with LineIndex at %d: %+v, %+v", k, out[k], p))
		}
	}
	return out
}
