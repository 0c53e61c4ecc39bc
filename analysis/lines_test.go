package analysis

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func TestLineIndexLines(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// ranges holds [start, end) of each line's content.
		ranges [][2]int
	}{
		{"empty", "", [][2]int{{0, 0}}},
		{"one line", "abc", [][2]int{{0, 3}}},
		{"trailing LF", "abc\n", [][2]int{{0, 3}, {4, 4}}},
		{"LF", "a\nbc\n\nd", [][2]int{{0, 1}, {2, 4}, {5, 5}, {6, 7}}},
		{"CRLF", "a\r\nbc\r\n", [][2]int{{0, 1}, {3, 5}, {7, 7}}},
		{"lone CR", "a\rb\r", [][2]int{{0, 1}, {2, 3}, {4, 4}}},
		{"CR CR LF", "a\r\r\nb", [][2]int{{0, 1}, {2, 2}, {4, 5}}},
		{"LF CR", "a\n\rb", [][2]int{{0, 1}, {2, 2}, {3, 4}}},
		{"only CRLF", "\r\n", [][2]int{{0, 0}, {2, 2}}},
		{"mixed", "x\ny\r\nz\rw", [][2]int{{0, 1}, {2, 3}, {5, 6}, {7, 8}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tt.src))
			if got := x.LineCount(); got != len(tt.ranges) {
				t.Fatalf("LineCount() = %d, want %d", got, len(tt.ranges))
			}
			for line, r := range tt.ranges {
				if got := x.LineStart(line); got != r[0] {
					t.Errorf("LineStart(%d) = %d, want %d", line, got, r[0])
				}
				if got := x.LineEnd(line); got != r[1] {
					t.Errorf("LineEnd(%d) = %d, want %d", line, got, r[1])
				}
			}
			if got := x.LineStart(-1); got != 0 {
				t.Errorf("LineStart(-1) = %d, want 0", got)
			}
			if got, want := x.LineEnd(len(tt.ranges)), len(tt.src); got != want {
				t.Errorf("LineEnd(past end) = %d, want %d", got, want)
			}
		})
	}
}

func TestLineIndexPosition(t *testing.T) {
	type pos struct {
		off          int
		line, b, u16 int // expected line, byte column, UTF-16 column
	}
	tests := []struct {
		name string
		src  string
		want []pos
	}{
		{"empty", "", []pos{{0, 0, 0, 0}, {-5, 0, 0, 0}, {7, 0, 0, 0}}},
		{"ascii", "ab\ncd", []pos{{0, 0, 0, 0}, {2, 0, 2, 2}, {3, 1, 0, 0}, {5, 1, 2, 2}}},
		{"clamp past end", "ab\ncd", []pos{{99, 1, 2, 2}, {-1, 0, 0, 0}}},
		{"tab", "\tx", []pos{{1, 0, 1, 1}, {2, 0, 2, 2}}},
		{"CRLF", "ab\r\ncd", []pos{
			{2, 0, 2, 2}, // the "\r": end of the line's content
			{3, 0, 2, 2}, // inside "\r\n": taken as the "\r"
			{4, 1, 0, 0},
		}},
		{"lone CR", "ab\rcd", []pos{{2, 0, 2, 2}, {3, 1, 0, 0}, {4, 1, 1, 1}}},
		{"trailing CR", "ab\r", []pos{{2, 0, 2, 2}, {3, 1, 0, 0}}},
		{"emoji", "a😀b", []pos{
			{1, 0, 1, 1},
			{2, 0, 2, 1}, // inside the emoji: its start in UTF-16
			{4, 0, 4, 1},
			{5, 0, 5, 3},
			{6, 0, 6, 4},
		}},
		{"CJK", "日本x", []pos{{3, 0, 3, 1}, {4, 0, 4, 1}, {6, 0, 6, 2}, {7, 0, 7, 3}}},
		{"two-byte", "é=", []pos{{2, 0, 2, 1}, {3, 0, 3, 2}}},
		{"invalid UTF-8", "a\xff\xfeb", []pos{{2, 0, 2, 2}, {3, 0, 3, 3}, {4, 0, 4, 4}}},
		{"truncated sequence", "\xe6\x97x", []pos{{1, 0, 1, 1}, {2, 0, 2, 2}, {3, 0, 3, 3}}},
		{"emoji on second line", "x\r\n😀😀", []pos{{3, 1, 0, 0}, {7, 1, 4, 2}, {11, 1, 8, 4}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tt.src))
			for _, p := range tt.want {
				if got, want := x.Position(p.off), (Position{p.line, p.b}); got != want {
					t.Errorf("Position(%d) = %+v, want %+v", p.off, got, want)
				}
				if got, want := x.PositionUTF16(p.off), (Position{p.line, p.u16}); got != want {
					t.Errorf("PositionUTF16(%d) = %+v, want %+v", p.off, got, want)
				}
			}
		})
	}
}

func TestLineIndexOffset(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		pos      Position
		byteOff  int // expected Offset; -1 for an error
		utf16Off int // expected OffsetUTF16; -1 for an error
	}{
		{"origin", "ab", Position{0, 0}, 0, 0},
		{"empty text", "", Position{0, 0}, 0, 0},
		{"column past end clamps", "ab\ncd", Position{0, 9}, 2, 2},
		{"column past end of last line", "ab\ncd", Position{1, 9}, 5, 5},
		{"line past end", "ab\ncd", Position{2, 0}, -1, -1},
		{"empty last line", "ab\n", Position{1, 0}, 3, 3},
		{"negative line", "ab", Position{-1, 0}, -1, -1},
		{"negative column", "ab", Position{0, -1}, -1, -1},
		{"CRLF clamps before the CR", "ab\r\ncd", Position{0, 3}, 2, 2},
		{"after CRLF", "ab\r\ncd", Position{1, 1}, 5, 5},
		{"lone CR", "ab\rcd", Position{1, 2}, 5, 5},
		{"lone CR clamps", "ab\rcd", Position{0, 5}, 2, 2},
		{"tab", "\t\tx", Position{0, 2}, 2, 2},
		{"emoji: after", "a😀b", Position{0, 3}, 3, 5},
		{"emoji: inside surrogate pair", "a😀b", Position{0, 2}, 2, 1},
		{"emoji: end", "a😀b", Position{0, 4}, 4, 6},
		{"CJK", "日本x", Position{0, 2}, 2, 6},
		{"CJK end", "日本x", Position{0, 3}, 3, 7},
		{"invalid bytes", "\xff\xfex", Position{0, 2}, 2, 2},
		{"truncated sequence", "\xe6\x97x", Position{0, 1}, 1, 1},
		{"emoji then CRLF clamp", "😀\r\n", Position{0, 3}, 3, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewLineIndex([]byte(tt.src))
			check := func(method string, got int, err error, want int) {
				t.Helper()
				switch {
				case want < 0 && err == nil:
					t.Errorf("%s(%+v) = %d, want an error", method, tt.pos, got)
				case want >= 0 && err != nil:
					t.Errorf("%s(%+v): %v", method, tt.pos, err)
				case want >= 0 && got != want:
					t.Errorf("%s(%+v) = %d, want %d", method, tt.pos, got, want)
				}
			}
			got, err := x.Offset(tt.pos)
			check("Offset", got, err, tt.byteOff)
			got, err = x.OffsetUTF16(tt.pos)
			check("OffsetUTF16", got, err, tt.utf16Off)
		})
	}
}

// roundTripTexts mix every kind of character and line ending.
var roundTripTexts = []string{
	"",
	"\n",
	"\r\n\r\n",
	"\r\r\n\n\r",
	"scope: read write\n",
	"a\tb 😀 日本語 é\r\nx\ry\n\xff\xc3z\n",
	"😀\n😀😀\r\n\t🇫🇷 flags\r",
	"\xf0\x9f\x98", // a truncated emoji at the end
}

// TestLineIndexRoundTrip checks Offset(Position(off)) == off for every
// offset that is not inside a line ending, and the UTF-16 variant for every
// offset that is also a character boundary; offsets inside a character or a
// "\r\n" map back to its start.
func TestLineIndexRoundTrip(t *testing.T) {
	for _, src := range roundTripTexts {
		x := NewLineIndex([]byte(src))
		for off := 0; off <= len(src); off++ {
			inCRLF := off > 0 && off < len(src) && src[off-1] == '\r' && src[off] == '\n'
			want := off
			if inCRLF {
				want = off - 1
			}
			p := x.Position(off)
			if got, err := x.Offset(p); err != nil || got != want {
				t.Errorf("%q: Offset(Position(%d) = %+v) = %d, %v; want %d", src, off, p, got, err, want)
			}
			want16 := charStart(src, want)
			p16 := x.PositionUTF16(off)
			if got, err := x.OffsetUTF16(p16); err != nil || got != want16 {
				t.Errorf("%q: OffsetUTF16(PositionUTF16(%d) = %+v) = %d, %v; want %d", src, off, p16, got, err, want16)
			}
		}
		// Every position of every line maps back to itself.
		for line := 0; line < x.LineCount(); line++ {
			start, end := x.LineStart(line), x.LineEnd(line)
			u16 := utf16Units(src[start:end])
			for col := 0; col <= u16; col++ {
				p := Position{line, col}
				off, err := x.OffsetUTF16(p)
				if err != nil {
					t.Fatalf("%q: OffsetUTF16(%+v): %v", src, p, err)
				}
				if got := x.PositionUTF16(off); got.Line != line || got.Col > col {
					t.Errorf("%q: PositionUTF16(OffsetUTF16(%+v) = %d) = %+v", src, p, off, got)
				}
			}
		}
	}
}

// TestLineIndexAgainstReference compares UTF-16 columns with a reference
// computed through unicode/utf16 over the decoded line prefix.
func TestLineIndexAgainstReference(t *testing.T) {
	for _, src := range roundTripTexts {
		x := NewLineIndex([]byte(src))
		for off := 0; off <= len(src); off++ {
			if charStart(src, off) != off {
				continue
			}
			p := x.PositionUTF16(off)
			if p.Line >= x.LineCount() {
				t.Fatalf("line %d out of range", p.Line)
			}
			start := x.LineStart(p.Line)
			o := off
			if end := x.LineEnd(p.Line); o > end {
				o = end
			}
			if want := utf16Units(src[start:o]); p.Col != want {
				t.Errorf("%q: PositionUTF16(%d).Col = %d, reference %d", src, off, p.Col, want)
			}
		}
	}
}

// charStart returns the start of the character holding byte off of s: off
// itself at a boundary or for invalid bytes.
func charStart(s string, off int) int {
	for i := 0; i < len(s); {
		_, size := utf8.DecodeRuneInString(s[i:])
		if off < i+size {
			if off > i {
				return i
			}
			return off
		}
		i += size
	}
	return off
}

// utf16Units counts UTF-16 code units the slow, obvious way.
func utf16Units(s string) int {
	n := 0
	for _, r := range s { // an invalid byte decodes as U+FFFD, one unit
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

func TestLineIndexLargeText(t *testing.T) {
	var b bytes.Buffer
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&b, "line %d 😀\r\n", i)
	}
	src := b.Bytes()
	x := NewLineIndex(src)
	if got := x.LineCount(); got != 1001 {
		t.Fatalf("LineCount() = %d, want 1001", got)
	}
	off := bytes.Index(src, []byte("line 500 "))
	if got := x.Position(off); got != (Position{500, 0}) {
		t.Errorf("Position(%d) = %+v, want {500 0}", off, got)
	}
	end := off + len("line 500 😀")
	if got := x.PositionUTF16(end); got != (Position{500, len("line 500 ") + 2}) {
		t.Errorf("PositionUTF16(%d) = %+v", end, got)
	}
}

func benchText() []byte {
	var b strings.Builder
	for b.Len() < 1<<20 {
		b.WriteString("\tscopes = \"https://www.googleapis.com/auth/drive.readonly openid\" // 😀 日本\n")
	}
	return []byte(b.String())
}

func BenchmarkNewLineIndex(b *testing.B) {
	src := benchText()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		NewLineIndex(src).LineCount() // the index is built on first use
	}
}

func BenchmarkNewLineIndexCRLF(b *testing.B) {
	src := bytes.ReplaceAll(benchText(), []byte("\n"), []byte("\r\n"))
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		NewLineIndex(src).LineCount() // the index is built on first use
	}
}

func BenchmarkPositionUTF16(b *testing.B) {
	src := benchText()
	x := NewLineIndex(src)
	offs := make([]int, 0, 1024)
	for i := 0; i < 1024; i++ {
		offs = append(offs, (i*7919)%len(src))
	}
	i := 0
	for b.Loop() {
		x.PositionUTF16(offs[i&1023])
		i++
	}
}

func BenchmarkOffsetUTF16(b *testing.B) {
	src := benchText()
	x := NewLineIndex(src)
	n := x.LineCount()
	i := 0
	for b.Loop() {
		if _, err := x.OffsetUTF16(Position{Line: (i * 7919) % n, Col: 40}); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// TestLineIndexStartsAgainstReference compares line starts with a
// byte-by-byte splitter on every text of up to six bytes over "\r", "\n"
// and "a".
func TestLineIndexStartsAgainstReference(t *testing.T) {
	alphabet := []byte("\r\na")
	var texts [][]byte
	texts = append(texts, nil)
	for n := 1; n <= 6; n++ {
		total := 1
		for i := 0; i < n; i++ {
			total *= len(alphabet)
		}
		for k := 0; k < total; k++ {
			b := make([]byte, n)
			for i, v := 0, k; i < n; i, v = i+1, v/len(alphabet) {
				b[i] = alphabet[v%len(alphabet)]
			}
			texts = append(texts, b)
		}
	}
	for _, src := range texts {
		want := []int{0}
		for i := 0; i < len(src); i++ {
			switch {
			case src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n':
				want = append(want, i+2)
				i++
			case src[i] == '\r' || src[i] == '\n':
				want = append(want, i+1)
			}
		}
		x := NewLineIndex(src)
		got := make([]int, x.LineCount())
		for i := range got {
			got[i] = x.LineStart(i)
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: line starts %v, want %v", src, got, want)
		}
		if cap(x.starts) != len(x.starts) {
			t.Errorf("%q: starts sized %d for %d lines", src, cap(x.starts), len(x.starts))
		}
	}
}
