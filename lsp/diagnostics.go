package lsp

import (
	"context"

	"go.lsp.dev/protocol"
)

// Diagnostics are computed off the read loop, one run at a time per
// document, with no fixed delay: a change starts a run at once; changes
// that arrive while it runs mark the document dirty, the finished run's
// result (now stale) is dropped, and one more run checks the newest text.
// A result is published only if its snapshot is still the document's
// newest, so an editor never sees diagnostics for text it no longer has.

// schedule makes sure the document's newest snapshot gets checked.
func (s *Server) schedule(doc *document) {
	doc.mu.Lock()
	doc.dirty = true
	if doc.running {
		doc.mu.Unlock()
		return
	}
	doc.running = true
	doc.mu.Unlock()
	s.wg.Add(1)
	go s.diagnose(doc)
}

// diagnose runs until the document has no unchecked snapshot.
func (s *Server) diagnose(doc *document) {
	defer s.wg.Done()
	for {
		doc.mu.Lock()
		if !doc.dirty || doc.closed || s.ctx.Err() != nil {
			doc.running = false
			doc.mu.Unlock()
			return
		}
		doc.dirty = false
		sn := doc.snap
		doc.mu.Unlock()

		diags := s.safeDiagnostics(sn)

		s.pubMu.Lock()
		doc.mu.Lock()
		fresh := doc.snap == sn && !doc.closed
		doc.mu.Unlock()
		if fresh {
			s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{
				URI:         sn.uri,
				Version:     protocol.NewOptional(sn.version),
				Diagnostics: diags,
			})
		}
		s.pubMu.Unlock()
	}
}

// safeDiagnostics is diagnosticsOf with a panic turned into no findings.
func (s *Server) safeDiagnostics(sn *snapshot) (diags []protocol.Diagnostic) {
	defer func() {
		if r := recover(); r != nil {
			s.recoverValue("diagnostics of "+sn.path, r)
			diags = []protocol.Diagnostic{}
		}
	}()
	return s.diagnosticsOf(sn)
}

// diagnosticsOf returns the protocol diagnostics of a snapshot (never nil,
// so an empty list clears the editor's).
func (s *Server) diagnosticsOf(sn *snapshot) []protocol.Diagnostic {
	enc := s.encoding()
	m := sn.mapper(enc)
	out := []protocol.Diagnostic{}
	if sn.projectFile {
		pf, errs := s.projects.problems(sn.path, s.rootFor(sn.path))
		out = append(out, projectDiagnostics(pf, errs, enc)...)
	}
	if sn.tooLarge {
		return append(out, protocol.Diagnostic{
			Range:    protocol.Range{},
			Severity: protocol.DiagnosticSeverityInformation,
			Source:   protocol.NewOptional(source),
			Message:  protocol.String(sn.skip),
		})
	}
	res := sn.result()
	other := s.projectLocator(enc)
	for i := range res.Diagnostics {
		out = append(out, toDiagnostic(m, sn.uri, &res.Diagnostics[i], other))
	}
	return out
}

// Diagnostic answers a pull request (textDocument/diagnostic) with the
// document's current diagnostics.
func (s *Server) Diagnostic(ctx context.Context, params *protocol.DocumentDiagnosticParams) (protocol.DocumentDiagnosticReport, error) {
	items := []protocol.Diagnostic{}
	if doc := s.document(params.TextDocument.URI); doc != nil {
		items = s.safeDiagnostics(doc.current())
	}
	return &protocol.RelatedFullDocumentDiagnosticReport{
		FullDocumentDiagnosticReport: protocol.FullDocumentDiagnosticReport{Kind: "full", Items: items},
	}, nil
}

// notify sends a notification to the client, logging a failure.
func (s *Server) notify(method string, params any) {
	if err := s.conn.Notify(s.ctx, method, params); err != nil {
		s.log.Debug("notification not sent", "method", method, "err", err)
	}
}
