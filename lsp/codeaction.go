package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// CodeAction offers, for the diagnostics in the range, each fix as a
// quickfix with a plain WorkspaceEdit (the preferred one marked), then the
// project-file commands; and source.fixAll.scopels for the whole document.
// The order is stable: diagnostics by position, fixes as the check gives
// them.
func (s *Server) CodeAction(ctx context.Context, params *protocol.CodeActionParams) ([]protocol.CommandOrCodeAction, error) {
	out := []protocol.CommandOrCodeAction{}
	doc := s.document(params.TextDocument.URI)
	if doc == nil {
		return out, nil
	}
	sn := doc.current()
	if sn.skip != "" {
		return out, nil
	}
	only := params.Context.Only
	wantQuick := wantKind(only, protocol.CodeActionKindQuickFix)
	// An automatic request (the editor looking for a light bulb as the
	// cursor moves) gets no source action: editors list those only when
	// asked, and fix-all re-checks the document.
	wantFixAll := wantKind(only, codeActionKindFixAll) &&
		!(len(only) == 0 && params.Context.TriggerKind == protocol.CodeActionTriggerKindAutomatic)
	if !wantQuick && !wantFixAll {
		return out, nil
	}
	enc := s.encoding()
	m := sn.mapper(enc)
	res := sn.result()
	caps := s.clientCaps()
	other := s.projectLocator(enc)
	quick := protocol.CodeActionKindQuickFix

	if wantQuick {
		for i := range res.Diagnostics {
			d := &res.Diagnostics[i]
			pd := toDiagnostic(m, sn.uri, d, other)
			if !rangesTouch(pd.Range, params.Range) {
				continue
			}
			for _, fix := range d.Fixes {
				if len(fix.Edits) == 0 {
					continue
				}
				a := &protocol.CodeAction{
					Title:       fix.Title,
					Kind:        &quick,
					Diagnostics: []protocol.Diagnostic{pd},
					Edit:        s.documentEdit(sn, m, fix.Edits, caps),
				}
				if fix.Preferred {
					a.IsPreferred = ptr(true)
				}
				out = append(out, a)
			}
			for _, cmd := range s.projectCommands(sn, d) {
				out = append(out, &protocol.CodeAction{
					Title:       cmd.Title,
					Kind:        &quick,
					Diagnostics: []protocol.Diagnostic{pd},
					Command:     cmd,
				})
			}
		}
	}
	if wantFixAll {
		if edits := fixAllEdits(sn); len(edits) > 0 {
			kind := codeActionKindFixAll
			out = append(out, &protocol.CodeAction{
				Title: "Fix all scopels problems",
				Kind:  &kind,
				Edit:  s.documentEdit(sn, m, edits, caps),
			})
		}
	}
	return out, nil
}

// wantKind reports whether an action of kind k is asked for by only
// (empty: every kind).
func wantKind(only []protocol.CodeActionKind, k protocol.CodeActionKind) bool {
	if len(only) == 0 {
		return true
	}
	for _, o := range only {
		if k == o || strings.HasPrefix(string(k), string(o)+".") {
			return true
		}
	}
	return false
}

// maxFixRounds bounds how often fix-all re-checks its own result: a fix
// can reveal a problem (a replacement that repeats a scope already in the
// list), which the next round fixes.
const maxFixRounds = 4

// fixAllEdits returns the edits that apply the preferred fix of every
// diagnostic, round after round until nothing is left to fix, as one
// replacement of the part of the text that changed.
func fixAllEdits(sn *snapshot) []analysis.Edit {
	text := sn.text
	res := sn.result()
	for range maxFixRounds {
		edits, _ := analysis.SelectFixes(res.Diagnostics)
		if len(edits) == 0 {
			break
		}
		next, err := analysis.ApplyFixes(text, edits)
		if err != nil || bytes.Equal(next, text) {
			break
		}
		text = next
		res = sn.analyzeText(text)
	}
	if bytes.Equal(text, sn.text) {
		return nil
	}
	return []analysis.Edit{minimalEdit(sn.text, text)}
}

// minimalEdit returns one edit turning old into new: the differing middle,
// with its ends moved off the inside of a character or a "\r\n".
func minimalEdit(old, new []byte) analysis.Edit {
	p := 0
	for p < len(old) && p < len(new) && old[p] == new[p] {
		p++
	}
	q := 0
	for q < len(old)-p && q < len(new)-p && old[len(old)-1-q] == new[len(new)-1-q] {
		q++
	}
	split := func(b []byte, i int) bool {
		return i > 0 && i < len(b) && (!utf8.RuneStart(b[i]) || (b[i-1] == '\r' && b[i] == '\n'))
	}
	for split(old, p) || split(new, p) {
		p--
	}
	for q > 0 && (split(old, len(old)-q) || split(new, len(new)-q)) {
		q--
	}
	return analysis.Edit{Span: analysis.Span{Start: p, End: len(old) - q}, NewText: string(new[p : len(new)-q])}
}

// documentEdit wraps edits of the snapshot's document in a WorkspaceEdit:
// versioned documentChanges when the client takes them (so a stale edit
// is refused), else changes.
func (s *Server) documentEdit(sn *snapshot, m mapper, edits []analysis.Edit, caps clientCaps) *protocol.WorkspaceEdit {
	tes := toTextEdits(m, edits)
	if caps.documentChanges {
		v := sn.version
		elems := make([]protocol.TextDocumentEditElement, len(tes))
		for i := range tes {
			elems[i] = &tes[i]
		}
		return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{&protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: sn.uri}, Version: &v},
			Edits:        elems,
		}}}
	}
	return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{sn.uri: tes}}
}

// commandArgs is the single argument of the project-file commands.
type commandArgs struct {
	URI      string `json:"uri"`
	Provider string `json:"provider,omitempty"`
	Client   string `json:"client,omitempty"`
	Scope    string `json:"scope"`
}

// projectCommands returns the project-file commands that resolve d: allow
// an unknown scope, grant an ungranted one.
func (s *Server) projectCommands(sn *snapshot, d *analysis.Diagnostic) []protocol.Command {
	if uriPath(sn.uri) == "" || d.Scope == "" {
		return nil
	}
	var out []protocol.Command
	add := func(title, command string, args commandArgs) {
		raw, err := json.Marshal(args)
		if err != nil {
			return
		}
		out = append(out, protocol.Command{Title: title, Command: command, Arguments: []protocol.LSPAny{raw}})
	}
	switch d.Code {
	case "unknown-scope":
		if d.Provider != "" {
			add(fmt.Sprintf("Allow %q in %s", d.Scope, project.FileName), cmdAllowScope,
				commandArgs{URI: string(sn.uri), Provider: d.Provider, Scope: d.Scope})
		}
	case "not-granted":
		if sn.cfg != nil {
			if c := sn.cfg.ClientFor(uriPath(sn.uri)); c != nil {
				add(fmt.Sprintf("Grant %q to client %s", d.Scope, c.Name), cmdGrantScope,
					commandArgs{URI: string(sn.uri), Client: c.Name, Scope: d.Scope})
			}
		}
	}
	return out
}
