package lsptest

// Hostile documents sent to the server. Documented behaviour:
//
//   - a document with a NUL byte in its first 8 KB is binary: it gets an
//     empty diagnostics push, and requests on it are answered (with
//     nothing);
//   - a 1 MB single line is checked like any other text, and every
//     published range points at the bytes of its finding, in UTF-16 as in
//     UTF-8; converting columns costs at most a few KB of decoding per
//     position (BenchmarkHostileLongLine), so a line with thousands of
//     findings is published in linear time;
//   - a document over maxFileSize (10 MB by default; the 50 MB case is
//     TestHugeDocument) gets one information diagnostic saying it was
//     skipped.

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/lsp"
)

func TestHostileBinaryDocument(t *testing.T) {
	c := session(t, UTF16)
	text := goSource
	u := fileURI("/scopels-hostile", "bin.go")
	c.Open(u, "go", text)
	if d := c.Diagnostics(u, 1).Diagnostics; len(d) == 0 {
		t.Fatalf("fixture: no findings in the text document")
	}
	// The same text with a NUL byte in it is binary.
	binary := strings.Replace(text, "package main", "package main\x00", 1)
	c.Change(u, 2, Full(binary))
	if d := c.Diagnostics(u, 2).Diagnostics; len(d) != 0 {
		t.Errorf("binary document: %d diagnostics, want none: %s", len(d), describe(d))
	}
	ctx, cancel := c.Context()
	defer cancel()
	pos := Position(binary, strings.Index(binary, typo)+3, UTF16)
	td := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}
	if h, err := c.Server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: td}); err != nil || h != nil {
		t.Errorf("hover on a binary document: %v, %v; want nothing", h, err)
	}
	if _, err := c.Server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: td}); err != nil {
		t.Errorf("completion on a binary document: %v", err)
	}
	// A NUL byte past the first 8 KB does not make a document binary.
	late := text + strings.Repeat("// padding\n", 1000) + "// \x00\n"
	c.Change(u, 3, Full(late))
	if d := c.Diagnostics(u, 3).Diagnostics; len(d) == 0 {
		t.Errorf("a NUL byte after 8 KB made the document binary")
	}
}

// longLine returns a Go file whose scope list of n elements stands on one
// line after non-ASCII text, so UTF-16 and byte columns differ all along
// it. Every every-th element is a misspelt scope (reported, and its
// repeats too); the others are names unlike any scope (left alone).
func longLine(n, every int) string {
	var b strings.Builder
	b.WriteString("package p\n\nimport \"golang.org/x/oauth2/github\"\n\nvar _ = github.Endpoint\n\nvar Scopes = []string{/* 認証 🎉 */ ")
	for i := range n {
		if i%every == 0 {
			b.WriteString(`"read:usr", "🎉", `)
			continue
		}
		fmt.Fprintf(&b, "\"item%06d\", ", i)
	}
	b.WriteString("}\n")
	return b.String()
}

// TestHostileLongLineDocument opens a 1 MB single-line list of scopes and
// checks that every published diagnostic is a finding of a fresh analysis
// and points at its bytes.
func TestHostileLongLineDocument(t *testing.T) {
	text := longLine(85_000, 50)
	if len(text) < 1<<20 {
		t.Fatalf("the line is only %d bytes", len(text))
	}
	res := analysis.Analyze(&analysis.File{Path: "/scopels-hostile/long.go", Src: []byte(text)}, checks.All(), nil)
	if len(res.Diagnostics) < 1000 {
		t.Fatalf("fixture: only %d findings", len(res.Diagnostics))
	}
	for _, enc := range []protocol.PositionEncodingKind{UTF16, UTF8} {
		t.Run(string(enc), func(t *testing.T) {
			c := session(t, enc)
			u := fileURI("/scopels-hostile", "long.go")
			c.Open(u, "go", text)
			got := c.Diagnostics(u, 1).Diagnostics
			if len(got) != len(res.Diagnostics) {
				t.Fatalf("%d diagnostics published, a fresh analysis finds %d", len(got), len(res.Diagnostics))
			}
			at := positions(text, enc)
			for i, d := range got {
				want := res.Diagnostics[i]
				r := protocol.Range{Start: at[want.Span.Start], End: at[want.Span.End]}
				if d.Range != r || Code(d) != want.Code {
					t.Fatalf("diagnostic %d: %s at %v, want %s at %v (%q)", i, Code(d), d.Range, want.Code, r, text[want.Span.Start:want.Span.End])
				}
			}
		})
	}
}

// positions returns the position of every offset of text (0 to len(text))
// in enc, in one pass (Position per offset would be quadratic here).
func positions(text string, enc protocol.PositionEncodingKind) []protocol.Position {
	out := make([]protocol.Position, len(text)+1)
	var line, col uint32
	for i := 0; i <= len(text); {
		out[i] = protocol.Position{Line: line, Character: col}
		if i == len(text) {
			break
		}
		if text[i] == '\n' {
			line, col = line+1, 0
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		for k := 1; k < size; k++ {
			out[i+k] = out[i] // inside a character: its start
		}
		if enc == UTF8 {
			col += uint32(size)
		} else {
			col += uint32(utf16.RuneLen(r))
		}
		i += size
	}
	return out
}

// BenchmarkHostileLongLine publishes the diagnostics of single-line lists
// of two sizes, four times apart, in UTF-16: the time per byte must stay
// flat.
func BenchmarkHostileLongLine(b *testing.B) {
	for _, n := range []int{25_000, 100_000} {
		text := longLine(n, 3)
		b.Run(fmt.Sprintf("%dK", len(text)>>10), func(b *testing.B) {
			c := Start(b, lsp.Options{Logger: Discard})
			c.Initialize(InitParams(UTF16))
			u := fileURI("/scopels-hostile", "long.go")
			c.Open(u, "go", text)
			c.Diagnostics(u, 1)
			b.SetBytes(int64(len(text)))
			v := int32(1)
			for b.Loop() {
				v++
				c.Change(u, v, Full(text))
				c.Diagnostics(u, v)
			}
		})
	}
}
