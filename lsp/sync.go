package lsp

import (
	"context"
	"fmt"
	"path"
	"path/filepath"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/project"
)

// document is one text document the client has open.
type document struct {
	uri uri.URI
	// path is the file system path, or for other schemes a name derived
	// from the URI (it picks the format and is matched against globs).
	path string
	// fsPath is the file system path, "" for non-file URIs.
	fsPath     string
	languageID string

	mu      sync.Mutex
	snap    *snapshot
	closed  bool
	running bool // a diagnostics run is going
	dirty   bool // the snapshot changed since the run started
}

// current returns the document's newest snapshot.
func (d *document) current() *snapshot {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.snap
}

// snapshot is one immutable version of a document's text together with
// the configuration it is checked against. Analysis runs at most once per
// snapshot, on first need (diagnostics, completion, hover, code actions).
type snapshot struct {
	uri     uri.URI
	path    string
	version int32
	text    []byte
	lines   *analysis.LineIndex
	format  extract.Format

	cfg       *project.Config
	analyzers []*analysis.Analyzer
	// skip, when not empty, says why the document is not analyzed (too
	// large, ignored by the project file).
	skip string
	// tooLarge is set when skip is for the size limit.
	tooLarge bool
	// projectFile is set when the document is a project file: its own
	// problems are published with its diagnostics.
	projectFile bool

	once sync.Once
	res  *analysis.Result
	log  func(what string, r any)
}

// result returns the analysis of the snapshot. A panic in a check is
// recovered and logged; the snapshot then has no findings.
func (sn *snapshot) result() *analysis.Result {
	sn.once.Do(func() {
		if sn.skip != "" {
			sn.res = &analysis.Result{File: &analysis.File{Path: sn.path, Src: sn.text}, Lines: sn.lines}
			return
		}
		sn.res = sn.analyzeText(sn.text)
		if sn.res.Lines == nil {
			sn.res.Lines = sn.lines
		}
	})
	return sn.res
}

// analyzeText analyzes text as the snapshot's document (same path, format,
// checks and configuration). A panic is recovered and logged; the result
// then has no findings.
func (sn *snapshot) analyzeText(text []byte) (res *analysis.Result) {
	file := &analysis.File{Path: sn.path, Src: text, Format: sn.format}
	defer func() {
		if r := recover(); r != nil {
			sn.log("analysis of "+sn.path, r)
			res = &analysis.Result{File: file, Lines: analysis.NewLineIndex(text)}
		}
	}()
	res = analysis.Analyze(file, sn.analyzers, sn.cfg)
	if res == nil {
		res = &analysis.Result{File: file, Lines: analysis.NewLineIndex(text)}
	}
	return res
}

// mapper returns the position mapper of the snapshot's text.
func (sn *snapshot) mapper(enc encoding) mapper { return mapper{enc: enc, lines: sn.lines} }

// newSnapshot builds a snapshot of text for doc with the current
// configuration.
func (s *Server) newSnapshot(doc *document, version int32, text []byte) *snapshot {
	sn := &snapshot{
		uri:         doc.uri,
		path:        doc.path,
		version:     version,
		text:        text,
		lines:       analysis.NewLineIndex(text),
		format:      formatFor(doc.path, doc.languageID),
		projectFile: isProjectFile(doc.path),
		log:         s.recoverValue,
	}
	s.mu.Lock()
	set := s.settings
	s.mu.Unlock()
	sn.analyzers = set.filter(s.analyzers)
	if limit := set.maxFileSize(); int64(len(text)) > limit {
		sn.skip = fmt.Sprintf("scopels skipped this file: it is %s, more than the limit of %s (setting maxFileSize)", byteSize(int64(len(text))), byteSize(limit))
		sn.tooLarge = true
		return sn
	}
	if analysis.IsBinary(text) {
		sn.skip = "binary content"
		return sn
	}
	if doc.fsPath != "" {
		sn.cfg = s.projects.configFor(doc.fsPath, s.rootFor(doc.fsPath))
		if sn.cfg != nil && sn.cfg.Ignored(doc.fsPath) {
			sn.skip = "ignored by the project file"
		}
	} else {
		sn.cfg = s.projects.configFor("", "")
	}
	return sn
}

// document returns the open document for u, or nil.
func (s *Server) document(u uri.URI) *document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.docs[u]
}

// DidOpen starts tracking a document and checks it.
func (s *Server) DidOpen(ctx context.Context, params *protocol.DidOpenTextDocumentParams) error {
	td := params.TextDocument
	doc := &document{uri: td.URI, languageID: string(td.LanguageID)}
	doc.fsPath = uriPath(td.URI)
	doc.path = doc.fsPath
	if doc.path == "" {
		doc.path = path.Base(td.URI.Path())
		if doc.path == "" || doc.path == "." || doc.path == "/" {
			doc.path = "untitled"
		}
	}
	text := []byte(td.Text)
	if isProjectFile(doc.fsPath) {
		s.projects.setOverlay(doc.fsPath, text)
	}
	doc.snap = s.newSnapshot(doc, td.Version, text)

	s.mu.Lock()
	old := s.docs[td.URI]
	s.docs[td.URI] = doc
	s.mu.Unlock()
	if old != nil {
		s.log.Warn("didOpen for a document already open; replacing it", "uri", td.URI)
		old.mu.Lock()
		old.closed = true
		old.mu.Unlock()
	}
	if isProjectFile(doc.fsPath) {
		s.projectChanged(doc.fsPath)
	}
	s.schedule(doc)
	s.publishPendingProjects()
	return nil
}

// DidChange applies incremental (or full) changes in order and re-checks.
func (s *Server) DidChange(ctx context.Context, params *protocol.DidChangeTextDocumentParams) error {
	doc := s.document(params.TextDocument.URI)
	if doc == nil {
		s.log.Warn("didChange for a document that is not open", "uri", params.TextDocument.URI)
		return nil
	}
	cur := doc.current()
	if params.TextDocument.Version <= cur.version {
		s.log.Warn("didChange with a version that does not increase", "uri", doc.uri, "have", cur.version, "got", params.TextDocument.Version)
	}
	text, err := applyChanges(cur.text, cur.lines, params.ContentChanges, s.encoding())
	if err != nil {
		s.log.Warn("didChange: position out of range, clamped", "uri", doc.uri, "err", err)
	}
	sn := s.newSnapshot(doc, params.TextDocument.Version, text)
	doc.mu.Lock()
	doc.snap = sn
	doc.mu.Unlock()
	if sn.projectFile {
		s.projects.setOverlay(doc.fsPath, text)
		s.projectChanged(doc.fsPath)
	}
	s.schedule(doc)
	return nil
}

// DidSave re-reads a saved project file (for clients that do not watch
// files).
func (s *Server) DidSave(ctx context.Context, params *protocol.DidSaveTextDocumentParams) error {
	doc := s.document(params.TextDocument.URI)
	if doc == nil || !isProjectFile(doc.fsPath) {
		return nil
	}
	s.projectChanged(doc.fsPath)
	return nil
}

// DidClose stops tracking a document and clears its diagnostics.
func (s *Server) DidClose(ctx context.Context, params *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	doc := s.docs[params.TextDocument.URI]
	delete(s.docs, params.TextDocument.URI)
	s.mu.Unlock()
	if doc == nil {
		return nil
	}
	doc.mu.Lock()
	doc.closed = true
	doc.mu.Unlock()
	s.pubMu.Lock()
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: doc.uri, Diagnostics: []protocol.Diagnostic{}})
	s.pubMu.Unlock()
	if isProjectFile(doc.fsPath) {
		// The file on disk is what applies now; show its problems.
		s.projects.clearOverlay(doc.fsPath)
		s.projectChanged(doc.fsPath)
	}
	return nil
}

// applyChanges applies content changes in order. Each range is read
// against the text as changed by the changes before it. A position past
// the end is clamped to the end; the first such problem is returned
// (after all changes are applied) so it can be logged.
func applyChanges(text []byte, lines *analysis.LineIndex, changes []protocol.TextDocumentContentChangeEvent, enc encoding) ([]byte, error) {
	var firstErr error
	for _, ch := range changes {
		switch c := ch.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = []byte(c.Text)
			lines = nil
		case *protocol.TextDocumentContentChangePartial:
			if lines == nil {
				lines = analysis.NewLineIndex(text)
			}
			m := mapper{enc: enc, lines: lines}
			start, clampedS := m.offsetClamped(c.Range.Start)
			end, clampedE := m.offsetClamped(c.Range.End)
			if (clampedS || clampedE) && firstErr == nil {
				firstErr = fmt.Errorf("range %d:%d-%d:%d is past the end of the text (%d lines)",
					c.Range.Start.Line, c.Range.Start.Character, c.Range.End.Line, c.Range.End.Character, m.lines.LineCount())
			}
			if end < start {
				if firstErr == nil {
					firstErr = fmt.Errorf("range %d:%d-%d:%d ends before it starts", c.Range.Start.Line, c.Range.Start.Character, c.Range.End.Line, c.Range.End.Character)
				}
				start, end = end, start
			}
			out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
			out = append(out, text[:start]...)
			out = append(out, c.Text...)
			out = append(out, text[end:]...)
			text = out
			lines = nil // the text changed: index it again when needed
		case nil:
			if firstErr == nil {
				firstErr = fmt.Errorf("empty content change")
			}
		}
	}
	return text, firstErr
}

// isProjectFile reports whether path names a project file.
func isProjectFile(p string) bool {
	return p != "" && filepath.Base(p) == project.FileName
}

// formatFor picks the format of a document: from its name, else from the
// client's language id (untitled buffers, files without extension).
func formatFor(p, languageID string) extract.Format {
	if f := extract.FormatOf(p); f != extract.FormatUnknown {
		return f
	}
	switch languageID {
	case "go":
		return extract.FormatGo
	case "javascript", "javascriptreact", "typescript", "typescriptreact", "vue", "svelte":
		return extract.FormatJavaScript
	case "python":
		return extract.FormatPython
	case "java", "groovy", "scala":
		return extract.FormatJava
	case "kotlin":
		return extract.FormatKotlin
	case "csharp":
		return extract.FormatCSharp
	case "ruby":
		return extract.FormatRuby
	case "php":
		return extract.FormatPHP
	case "rust":
		return extract.FormatRust
	case "swift":
		return extract.FormatSwift
	case "yaml":
		return extract.FormatYAML
	case "json", "jsonc":
		return extract.FormatJSON
	case "toml":
		return extract.FormatTOML
	case "dotenv":
		return extract.FormatEnv
	case "properties", "ini", "java-properties":
		return extract.FormatProperties
	case "terraform", "hcl":
		return extract.FormatHCL
	case "xml":
		return extract.FormatXML
	case "shellscript", "sh", "bash", "zsh":
		return extract.FormatShell
	case "markdown":
		return extract.FormatMarkdown
	case "plaintext", "html", "dockerfile", "makefile":
		return extract.FormatText
	}
	return extract.FormatUnknown
}

// byteSize formats a size for messages.
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
