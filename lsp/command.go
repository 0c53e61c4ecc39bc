package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// ExecuteCommand runs a server-side command. The project file is changed
// only through workspace/applyEdit, so the editor applies (and can undo)
// the change and nothing is written behind its back; the file is created
// the same way when it does not exist yet.
func (s *Server) ExecuteCommand(ctx context.Context, params *protocol.ExecuteCommandParams) (protocol.LSPAny, error) {
	if params.Command != cmdAllowScope && params.Command != cmdGrantScope {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: unknown command %q", params.Command)
	}
	if len(params.Arguments) != 1 {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s takes one argument, got %d", params.Command, len(params.Arguments))
	}
	var args commandArgs
	if err := json.Unmarshal(params.Arguments[0], &args); err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s: %v", params.Command, err)
	}
	u, err := uri.Parse(args.URI)
	docPath := ""
	if err == nil {
		docPath = uriPath(u)
	}
	if docPath == "" || args.Scope == "" {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s needs a file uri and a scope", params.Command)
	}
	// Never write a name the project file would reject.
	if msg := project.ScopeNameProblem(args.Scope); msg != "" {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s: the scope %q %s", params.Command, args.Scope, msg)
	}
	if !s.clientCaps().applyEdit {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "scopels: the editor does not support workspace/applyEdit")
	}

	var (
		edit  *protocol.WorkspaceEdit
		label string
	)
	switch params.Command {
	case cmdAllowScope:
		if args.Provider == "" {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s needs a provider", params.Command)
		}
		label = fmt.Sprintf("scopels: allow %s", args.Scope)
		edit, err = s.allowScopeEdit(docPath, args)
	case cmdGrantScope:
		if args.Client == "" {
			return nil, jsonrpc2.Errorf(jsonrpc2.InvalidParams, "scopels: %s needs a client", params.Command)
		}
		label = fmt.Sprintf("scopels: grant %s to %s", args.Scope, args.Client)
		edit, err = s.grantScopeEdit(docPath, args)
	}
	if err != nil {
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "scopels: %v", err)
	}
	res, err := s.client.ApplyEdit(ctx, &protocol.ApplyWorkspaceEditParams{Label: &label, Edit: *edit})
	if err != nil {
		return nil, fmt.Errorf("workspace/applyEdit: %w", err)
	}
	if res == nil || !res.Applied {
		reason := "no reason given"
		if res != nil && res.FailureReason != nil {
			reason = *res.FailureReason
		}
		return nil, jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "scopels: the editor did not apply the edit: %s", reason)
	}
	return nil, nil
}

// allowScopeEdit declares the scope in the nearest project file that
// applies to the document, or in a new one at the workspace folder (the
// document's folder without a workspace).
func (s *Server) allowScopeEdit(docPath string, args commandArgs) (*protocol.WorkspaceEdit, error) {
	root := s.rootFor(docPath)
	s.projects.mu.Lock()
	found := s.projects.find(docPath, root)
	s.projects.mu.Unlock()
	if len(found) > 0 {
		target := found[len(found)-1]
		pf := s.projects.load(target)
		e, err := addScopeEdit(pf.data, args.Provider, args.Scope)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", target, err)
		}
		return s.projectFileEdit(target, pf.data, e), nil
	}
	dir := root
	if dir == "" {
		dir = filepath.Dir(docPath)
	}
	target := filepath.Join(dir, project.FileName)
	e, err := addScopeEdit(nil, args.Provider, args.Scope)
	if err != nil {
		return nil, err
	}
	caps := s.clientCaps()
	if !caps.documentChanges || !caps.createFiles {
		return nil, fmt.Errorf("the editor cannot create files through LSP; create %s first", target)
	}
	tu := uri.File(target)
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
		&protocol.CreateFile{Kind: "create", URI: tu, Options: &protocol.CreateFileOptions{IgnoreIfExists: ptr(true)}},
		&protocol.TextDocumentEdit{
			TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: tu}},
			Edits:        []protocol.TextDocumentEditElement{&protocol.TextEdit{NewText: e.NewText}},
		},
	}}, nil
}

// grantScopeEdit adds the scope to the client's granted list in the
// nearest project file that declares the client.
func (s *Server) grantScopeEdit(docPath string, args commandArgs) (*protocol.WorkspaceEdit, error) {
	s.projects.mu.Lock()
	found := s.projects.find(docPath, s.rootFor(docPath))
	s.projects.mu.Unlock()
	for i := len(found) - 1; i >= 0; i-- {
		pf := s.projects.load(found[i])
		if f := pf.effective(); f == nil || f.Clients[args.Client] == nil {
			if pf.latest == nil || pf.latest.Clients[args.Client] == nil {
				continue
			}
		}
		e, err := grantEdit(pf.data, args.Client, args.Scope)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", found[i], err)
		}
		return s.projectFileEdit(found[i], pf.data, e), nil
	}
	return nil, fmt.Errorf("no project file declares client %q", args.Client)
}

// projectFileEdit wraps an edit of a project file whose current text is
// text: versioned when the file is open in the editor.
func (s *Server) projectFileEdit(path string, text []byte, e analysis.Edit) *protocol.WorkspaceEdit {
	u := uri.File(path)
	enc := s.encoding()
	m := mapper{enc: enc, lines: analysis.NewLineIndex(text)}
	te := protocol.TextEdit{Range: m.rangeOf(e.Span), NewText: e.NewText}
	if !s.clientCaps().documentChanges {
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{u: {te}}}
	}
	id := protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: u}}
	if doc := s.document(u); doc != nil {
		v := doc.current().version
		id.Version = &v
	}
	return &protocol.WorkspaceEdit{DocumentChanges: []protocol.DocumentChange{
		&protocol.TextDocumentEdit{TextDocument: id, Edits: []protocol.TextDocumentEditElement{&te}},
	}}
}
