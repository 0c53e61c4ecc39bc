package lsp

import (
	"context"
	"net"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// fuzzWait bounds each exchange with the in-process server, so a hang
// fails the fuzz target instead of stalling it.
const fuzzWait = 20 * time.Second

// fuzzSession is a server started the way Serve starts one, kept at hand
// so a test can look at its documents, with a client connection to it.
type fuzzSession struct {
	s      *Server
	server protocol.Server // the client's typed view of the server
}

func startFuzzSession(t *testing.T) *fuzzSession {
	t.Helper()
	a, b := net.Pipe()
	s := newServer(Options{})
	ctx, cancel := context.WithCancel(context.Background())
	s.ctx = ctx
	st := newStream(a, s.log, nil)
	s.conn = jsonrpc2.NewConn(st, jsonrpc2.WithCodec(codec{}))
	s.client = protocol.ClientDispatcher(s.conn)
	s.conn.Go(ctx, s.handler())

	cc := jsonrpc2.NewConn(jsonrpc2.NewStream(b), jsonrpc2.WithCodec(codec{}))
	cc.Go(ctx, func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		return nil, nil // diagnostics and registrations: accepted, ignored
	})
	t.Cleanup(func() {
		cancel()
		cc.Close()
		st.Close()
		select {
		case <-s.conn.Done():
		case <-time.After(fuzzWait):
			t.Errorf("server connection did not end")
		}
		s.wg.Wait()
	})
	return &fuzzSession{s: s, server: protocol.ServerDispatcher(cc)}
}

// fuzzEdit is one content change as the fuzz input describes it.
type fuzzEdit struct {
	kind       byte // see applyRef
	start, end int  // byte offsets into the reference text (before snapping)
	text       string
}

// decodeFuzzEdits reads edits from ops: five bytes each (kind, start,
// length, text length), the inserted text taken from pool.
func decodeFuzzEdits(ops []byte, pool string) []fuzzEdit {
	var out []fuzzEdit
	for len(ops) >= 5 && len(out) < 64 {
		e := fuzzEdit{kind: ops[0] % 8, start: int(ops[1])<<8 | int(ops[2])}
		e.end = e.start + int(ops[3]%32)
		n := int(ops[4] % 24)
		if len(pool) > 0 {
			from := (e.start * 7) % len(pool)
			// JSON carries valid UTF-8 only; a cut character becomes "?".
			e.text = strings.ToValidUTF8(pool[from:min(from+n, len(pool))], "?")
		}
		out = append(out, e)
		ops = ops[5:]
	}
	return out
}

// refLines splits text into lines as LSP does, returning for each line
// the offset where its content starts and where it ends.
func refLines(text string) (starts, ends []int) {
	start := 0
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' || text[i] == '\r' {
			starts, ends = append(starts, start), append(ends, i)
			if text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	return append(starts, start), append(ends, len(text))
}

// refUnits counts s in the position encoding.
func refUnits(s string, enc encoding) int {
	if enc == encUTF8 {
		return len(s)
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// refSnap moves off back to a character boundary that is not inside a
// "\r\n", as any position a client sends lands there.
func refSnap(text string, off int) int {
	off = max(0, min(off, len(text)))
	for off > 0 && off < len(text) && !utf8.RuneStart(text[off]) {
		off--
	}
	if off > 0 && off < len(text) && text[off-1] == '\r' && text[off] == '\n' {
		off--
	}
	return off
}

// refPosition is the reference conversion of a byte offset to a position.
func refPosition(text string, off int, enc encoding) protocol.Position {
	starts, _ := refLines(text)
	line := 0
	for line+1 < len(starts) && starts[line+1] <= off {
		line++
	}
	return protocol.Position{Line: uint32(line), Character: uint32(refUnits(text[starts[line]:off], enc))}
}

// applyRef applies one edit to the reference text and returns the new text
// and the content change that says the same to the server. Kinds: 0-3 a
// range between two offsets, 4 the range written end first (the server
// swaps it), 5 a start past the end of its line (clamped to the line's
// end), 6 an end on a line past the end of the text (clamped to the end
// of the text), 7 the whole document.
func applyRef(text string, e fuzzEdit, enc encoding) (string, protocol.TextDocumentContentChangeEvent) {
	if e.kind == 7 {
		return e.text, &protocol.TextDocumentContentChangeWholeDocument{Text: e.text}
	}
	n := len(text) + 1
	start := refSnap(text, e.start%n)
	end := refSnap(text, min(start+(e.end-e.start), len(text)))
	r := protocol.Range{Start: refPosition(text, start, enc), End: refPosition(text, end, enc)}
	switch e.kind {
	case 4:
		r.Start, r.End = r.End, r.Start
	case 5:
		starts, ends := refLines(text)
		line := int(r.Start.Line)
		r.Start.Character += uint32(refUnits(text[start:ends[line]], enc) + 1 + e.end%5)
		start = ends[line]
		_ = starts
		if end < start {
			end = start
		}
		r.End = refPosition(text, end, enc)
	case 6:
		starts, _ := refLines(text)
		r.End = protocol.Position{Line: uint32(len(starts) + e.end%3), Character: uint32(e.start % 7)}
		end = len(text)
	}
	return text[:start] + e.text + text[end:], &protocol.TextDocumentContentChangePartial{Range: r, Text: e.text}
}

// FuzzIncrementalSync sends random edit sequences to the server as
// didChange notifications (several changes per notification, in UTF-8 or
// UTF-16 positions, with clamped and reversed ranges and whole-document
// replacements) and checks that the server's text equals the reference
// implementation's after every notification.
func FuzzIncrementalSync(f *testing.F) {
	f.Add(false, "package p\n\nvar scopes = []string{\"repo\", \"read:user\"}\n", []byte("\x00\x00\x10\x03\x05\x01\x00\x02\x00\x04"), "🎉 日本\r\nx")
	f.Add(true, "a\r\nb\rc\nd🎉e", []byte("\x04\x00\x03\x04\x02\x05\x00\x01\x09\x03\x06\x00\x00\x00\x07"), "\r\n\r")
	f.Add(false, "", []byte("\x07\x00\x00\x00\x10\x00\x00\x00\x00\x05"), "scope: repo\r\n🎉")
	f.Fuzz(func(t *testing.T, utf8Enc bool, initial string, ops []byte, pool string) {
		initial = strings.ToValidUTF8(initial, "?")
		edits := decodeFuzzEdits(ops, pool)
		if len(edits) == 0 {
			return
		}
		fs := startFuzzSession(t)
		ctx, cancel := context.WithTimeout(context.Background(), fuzzWait)
		defer cancel()
		caps := protocol.ClientCapabilities{}
		enc := encUTF16
		if utf8Enc {
			caps.General = &protocol.GeneralClientCapabilities{PositionEncodings: []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF8}}
			enc = encUTF8
		}
		if _, err := fs.server.Initialize(ctx, &protocol.InitializeParams{Capabilities: caps}); err != nil {
			t.Fatalf("initialize: %v", err)
		}
		u := uri.File("/scopels-fuzz/sync/main.go")
		if err := fs.server.DidOpen(ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
			URI: u, LanguageID: "go", Version: 1, Text: initial,
		}}); err != nil {
			t.Fatalf("didOpen: %v", err)
		}
		ref := initial
		version := int32(1)
		for len(edits) > 0 {
			n := min(len(edits), 1+edits[0].start%3)
			var changes []protocol.TextDocumentContentChangeEvent
			for _, e := range edits[:n] {
				var ch protocol.TextDocumentContentChangeEvent
				ref, ch = applyRef(ref, e, enc)
				changes = append(changes, ch)
			}
			edits = edits[n:]
			version++
			if err := fs.server.DidChange(ctx, &protocol.DidChangeTextDocumentParams{
				TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
				ContentChanges: changes,
			}); err != nil {
				t.Fatalf("didChange: %v", err)
			}
			// A request is read after the notifications before it were
			// handled, so its answer means the server has the new text.
			if _, err := fs.server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
			}}); err != nil {
				t.Fatalf("hover: %v", err)
			}
			doc := fs.s.document(u)
			if doc == nil {
				t.Fatal("the document is gone")
			}
			sn := doc.current()
			if got := string(sn.text); got != ref {
				t.Fatalf("after version %d (%d changes):\nserver    %q\nreference %q", version, len(changes), got, ref)
			}
			if sn.version != version {
				t.Fatalf("server has version %d, want %d", sn.version, version)
			}
		}
	})
}
