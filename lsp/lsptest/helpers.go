package lsptest

import (
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// Encodings a test can ask for.
const (
	UTF8  = protocol.PositionEncodingKindUTF8
	UTF16 = protocol.PositionEncodingKindUTF16
)

// TestLogger logs to the test log at warning level (debug when
// SCOPELS_TEST_DEBUG is set).
func TestLogger(t testing.TB) *slog.Logger {
	level := slog.LevelWarn
	if os.Getenv("SCOPELS_TEST_DEBUG") != "" {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(&testWriter{t: t}, &slog.HandlerOptions{Level: level}))
}

type testWriter struct {
	mu sync.Mutex
	t  testing.TB
}

func (w *testWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// Discard is a logger that drops everything (for benchmarks).
var Discard = slog.New(slog.NewTextHandler(io.Discard, nil))

// Caps returns the capabilities of a full-featured client using enc
// (utf-16 offers only utf-16; utf-8 offers utf-8 and utf-16).
func Caps(enc protocol.PositionEncodingKind) protocol.ClientCapabilities {
	encs := []protocol.PositionEncodingKind{UTF16}
	if enc == UTF8 {
		encs = []protocol.PositionEncodingKind{UTF8, UTF16}
	}
	t := true
	return protocol.ClientCapabilities{
		General: &protocol.GeneralClientCapabilities{PositionEncodings: encs},
		Workspace: &protocol.WorkspaceClientCapabilities{
			ApplyEdit:              &t,
			Configuration:          &t,
			WorkspaceFolders:       &t,
			DidChangeWatchedFiles:  &protocol.DidChangeWatchedFilesClientCapabilities{DynamicRegistration: &t},
			DidChangeConfiguration: &protocol.DidChangeConfigurationClientCapabilities{DynamicRegistration: &t},
			WorkspaceEdit: &protocol.WorkspaceEditClientCapabilities{
				DocumentChanges:    &t,
				ResourceOperations: []protocol.ResourceOperationKind{protocol.ResourceOperationKindCreate},
			},
		},
		TextDocument: &protocol.TextDocumentClientCapabilities{
			Synchronization: &protocol.TextDocumentSyncClientCapabilities{DidSave: &t},
			Hover:           &protocol.HoverClientCapabilities{ContentFormat: []protocol.MarkupKind{protocol.MarkupKindMarkdown, protocol.MarkupKindPlainText}},
			Completion: &protocol.CompletionClientCapabilities{CompletionItem: &protocol.ClientCompletionItemOptions{
				DocumentationFormat: []protocol.MarkupKind{protocol.MarkupKindMarkdown},
				TagSupport:          protocol.CompletionItemTagOptions{ValueSet: []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}},
			}},
			CodeAction: &protocol.CodeActionClientCapabilities{
				CodeActionLiteralSupport: protocol.ClientCodeActionLiteralOptions{CodeActionKind: protocol.ClientCodeActionKindOptions{
					ValueSet: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, protocol.CodeActionKindSource},
				}},
				IsPreferredSupport: &t,
			},
			PublishDiagnostics: &protocol.PublishDiagnosticsClientCapabilities{
				VersionSupport: &t,
				DiagnosticsCapabilities: protocol.DiagnosticsCapabilities{
					RelatedInformation:     &t,
					CodeDescriptionSupport: &t,
					TagSupport:             protocol.ClientDiagnosticsTagOptions{ValueSet: []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary, protocol.DiagnosticTagDeprecated}},
				},
			},
			Diagnostic: &protocol.DiagnosticClientCapabilities{},
		},
	}
}

// InitParams returns initialize parameters for a full-featured client with
// the given encoding and workspace folders (none: a single-file session).
func InitParams(enc protocol.PositionEncodingKind, folders ...string) *protocol.InitializeParams {
	p := &protocol.InitializeParams{
		ClientInfo:   protocol.ClientInfo{Name: "lsptest"},
		Capabilities: Caps(enc),
	}
	var wf []protocol.WorkspaceFolder
	for _, f := range folders {
		wf = append(wf, protocol.WorkspaceFolder{URI: uri.File(f), Name: f})
	}
	if len(wf) > 0 {
		p.WorkspaceFolders = protocol.NewNullable(wf)
	}
	return p
}

// Initialize runs initialize and initialized.
func (c *Client) Initialize(params *protocol.InitializeParams) *protocol.InitializeResult {
	c.t.Helper()
	ctx, cancel := c.Context()
	defer cancel()
	res, err := c.Server.Initialize(ctx, params)
	if err != nil {
		c.t.Fatalf("initialize: %v", err)
	}
	if err := c.Server.Initialized(ctx, &protocol.InitializedParams{}); err != nil {
		c.t.Fatalf("initialized: %v", err)
	}
	return res
}

// Open opens a document at version 1.
func (c *Client) Open(u uri.URI, languageID, text string) {
	c.t.Helper()
	err := c.Server.DidOpen(c.ctx, &protocol.DidOpenTextDocumentParams{TextDocument: protocol.TextDocumentItem{
		URI: u, LanguageID: protocol.LanguageKind(languageID), Version: 1, Text: text,
	}})
	if err != nil {
		c.t.Fatalf("didOpen: %v", err)
	}
}

// Change sends changes for version.
func (c *Client) Change(u uri.URI, version int32, changes ...protocol.TextDocumentContentChangeEvent) {
	c.t.Helper()
	err := c.Server.DidChange(c.ctx, &protocol.DidChangeTextDocumentParams{
		TextDocument:   protocol.VersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}, Version: version},
		ContentChanges: changes,
	})
	if err != nil {
		c.t.Fatalf("didChange: %v", err)
	}
}

// Edit is a partial content change.
func Edit(r protocol.Range, text string) protocol.TextDocumentContentChangeEvent {
	return &protocol.TextDocumentContentChangePartial{Range: r, Text: text}
}

// Full is a whole-document content change.
func Full(text string) protocol.TextDocumentContentChangeEvent {
	return &protocol.TextDocumentContentChangeWholeDocument{Text: text}
}

// Position returns the position of byte offset off in text, counted in
// enc. It is computed here independently of the server.
func Position(text string, off int, enc protocol.PositionEncodingKind) protocol.Position {
	line := strings.Count(text[:off], "\n")
	start := strings.LastIndex(text[:off], "\n") + 1
	return protocol.Position{Line: uint32(line), Character: uint32(width(text[start:off], enc))}
}

// width counts s in enc units.
func width(s string, enc protocol.PositionEncodingKind) int {
	if enc == UTF8 {
		return len(s)
	}
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// Offset returns the byte offset of a position in text, counted in enc.
func Offset(text string, p protocol.Position, enc protocol.PositionEncodingKind) int {
	off := 0
	for range p.Line {
		i := strings.IndexByte(text[off:], '\n')
		if i < 0 {
			return len(text)
		}
		off += i + 1
	}
	end := strings.IndexByte(text[off:], '\n')
	if end < 0 {
		end = len(text)
	} else {
		end += off
	}
	col := 0
	for off < end && col < int(p.Character) {
		r, size := utf8.DecodeRuneInString(text[off:])
		if enc == UTF8 {
			col += size
		} else {
			col += utf16.RuneLen(r)
		}
		off += size
	}
	return off
}

// RangeOf returns the range of the n-th (0-based) occurrence of sub in
// text, or fails the test.
func RangeOf(t testing.TB, text, sub string, n int, enc protocol.PositionEncodingKind) protocol.Range {
	t.Helper()
	off := -1
	from := 0
	for i := 0; i <= n; i++ {
		j := strings.Index(text[from:], sub)
		if j < 0 {
			t.Fatalf("occurrence %d of %q not found in the text", n, sub)
		}
		off = from + j
		from = off + 1
	}
	return protocol.Range{Start: Position(text, off, enc), End: Position(text, off+len(sub), enc)}
}

// ApplyEdits applies text edits (non-overlapping) to text.
func ApplyEdits(text string, edits []protocol.TextEdit, enc protocol.PositionEncodingKind) string {
	type span struct {
		start, end int
		text       string
	}
	spans := make([]span, len(edits))
	for i, e := range edits {
		spans[i] = span{Offset(text, e.Range.Start, enc), Offset(text, e.Range.End, enc), e.NewText}
	}
	sort.SliceStable(spans, func(i, j int) bool { return spans[i].start > spans[j].start })
	for _, s := range spans {
		text = text[:s.start] + s.text + text[s.end:]
	}
	return text
}

// TextEditsOf returns the text edits a WorkspaceEdit makes to u.
func TextEditsOf(we *protocol.WorkspaceEdit, u uri.URI) []protocol.TextEdit {
	if we == nil {
		return nil
	}
	out := append([]protocol.TextEdit(nil), we.Changes[u]...)
	for _, dc := range we.DocumentChanges {
		tde, ok := dc.(*protocol.TextDocumentEdit)
		if !ok || tde.TextDocument.URI != u {
			continue
		}
		for _, e := range tde.Edits {
			switch e := e.(type) {
			case *protocol.TextEdit:
				out = append(out, *e)
			case *protocol.AnnotatedTextEdit:
				out = append(out, e.TextEdit)
			}
		}
	}
	return out
}

// Code returns a diagnostic's code as a string.
func Code(d protocol.Diagnostic) string {
	if s, ok := d.Code.(protocol.String); ok {
		return string(s)
	}
	return ""
}

// Message returns a diagnostic's message as a string.
func Message(d protocol.Diagnostic) string {
	switch m := d.Message.(type) {
	case protocol.String:
		return string(m)
	case *protocol.MarkupContent:
		return m.Value
	}
	return ""
}

// ByCode returns the diagnostics with the given code.
func ByCode(ds []protocol.Diagnostic, code string) []protocol.Diagnostic {
	var out []protocol.Diagnostic
	for _, d := range ds {
		if Code(d) == code {
			out = append(out, d)
		}
	}
	return out
}

// FileURI returns the file URI of a path.
func FileURI(path string) uri.URI { return uri.File(path) }
