package lsptest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/project"
)

func codeActions(t *testing.T, c *Client, u uri.URI, r protocol.Range, only ...protocol.CodeActionKind) []*protocol.CodeAction {
	t.Helper()
	ctx, cancel := c.Context()
	defer cancel()
	res, err := c.Server.CodeAction(ctx, &protocol.CodeActionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Range:        r,
		Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, Only: only},
	})
	if err != nil {
		t.Fatalf("codeAction: %v", err)
	}
	var out []*protocol.CodeAction
	for _, a := range res {
		ca, ok := a.(*protocol.CodeAction)
		if !ok {
			t.Fatalf("got a %T, want code actions", a)
		}
		out = append(out, ca)
	}
	return out
}

func TestQuickFixAppliedAndRechecked(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, nil)
		c := session(t, enc, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		d := onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope")

		actions := codeActions(t, c, u, d.Range)
		var fix *protocol.CodeAction
		for _, a := range actions {
			if a.IsPreferred != nil && *a.IsPreferred {
				if fix != nil {
					t.Errorf("two preferred actions: %q and %q", fix.Title, a.Title)
				}
				fix = a
			}
		}
		if fix == nil {
			t.Fatalf("no preferred quick fix among %d actions", len(actions))
		}
		if fix.Kind == nil || *fix.Kind != protocol.CodeActionKindQuickFix {
			t.Errorf("kind = %v, want quickfix", fix.Kind)
		}
		if len(fix.Diagnostics) != 1 || Code(fix.Diagnostics[0]) != "unknown-scope" {
			t.Errorf("the fix is not linked to its diagnostic: %+v", fix.Diagnostics)
		}
		fixedText := ApplyEdits(goSource, TextEditsOf(fix.Edit, u), enc)
		if want := strings.Replace(goSource, typo, fixed, 1); fixedText != want {
			t.Fatalf("fixed text:\n%s\nwant:\n%s", fixedText, want)
		}
		c.Change(u, 2, Full(fixedText))
		if got := ByCode(c.Diagnostics(u, 2).Diagnostics, "unknown-scope"); len(got) != 0 {
			t.Errorf("still reported after the fix: %d", len(got))
		}

		// The order is stable from one request to the next.
		c.Change(u, 3, Full(goSource))
		c.Diagnostics(u, 3)
		again := codeActions(t, c, u, d.Range)
		if titles(again) != titles(actions) {
			t.Errorf("order changed: %s then %s", titles(actions), titles(again))
		}
	})
}

func titles(as []*protocol.CodeAction) string {
	var b []string
	for _, a := range as {
		b = append(b, a.Title)
	}
	return strings.Join(b, " | ")
}

func TestFixAll(t *testing.T) {
	dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	c := session(t, UTF16, dir)
	u := fileURI(dir, "mobile/app.py")
	c.Open(u, "python", acmeSource)
	before := c.Diagnostics(u, 1).Diagnostics
	all := codeActions(t, c, u, protocol.Range{}, "source.fixAll")
	if len(all) != 1 || all[0].Kind == nil || *all[0].Kind != "source.fixAll.scopels" {
		t.Fatalf("fixAll actions = %s", titles(all))
	}
	text := ApplyEdits(acmeSource, TextEditsOf(all[0].Edit, u), UTF16)
	c.Change(u, 2, Full(text))
	after := c.Diagnostics(u, 2).Diagnostics
	for _, code := range []string{"deprecated-scope", "duplicate-scope"} {
		if len(ByCode(before, code)) == 0 {
			t.Errorf("fixture gives no %s", code)
		}
		if got := ByCode(after, code); len(got) != 0 {
			t.Errorf("%s left after fix-all: %s (text %q)", code, describe(got), text)
		}
	}
	// Automatic requests (cursor moves) get no source action; invoked ones do.
	for _, tc := range []struct {
		kind protocol.CodeActionTriggerKind
		want bool
	}{{protocol.CodeActionTriggerKindAutomatic, false}, {protocol.CodeActionTriggerKindInvoked, true}} {
		v := int32(3 + tc.kind)
		c.Change(u, v, Full(acmeSource))
		c.Diagnostics(u, v)
		ctx, cancel := c.Context()
		res, err := c.Server.CodeAction(ctx, &protocol.CodeActionParams{
			TextDocument: protocol.TextDocumentIdentifier{URI: u},
			Range:        RangeOf(t, acmeSource, "api.multipass", 0, UTF16),
			Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, TriggerKind: tc.kind},
		})
		cancel()
		if err != nil {
			t.Fatal(err)
		}
		got := false
		for _, a := range res {
			if ca := a.(*protocol.CodeAction); ca.Kind != nil && *ca.Kind == "source.fixAll.scopels" {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("trigger kind %d: fix-all offered %v, want %v", tc.kind, got, tc.want)
		}
	}
	// Only quickfix asked: no source action.
	for _, a := range codeActions(t, c, u, protocol.Range{End: protocol.Position{Line: 9}}, protocol.CodeActionKindQuickFix) {
		if *a.Kind != protocol.CodeActionKindQuickFix {
			t.Errorf("asked for quickfix, got %s", *a.Kind)
		}
	}
}

func TestGrantScopeCommand(t *testing.T) {
	dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	c := session(t, UTF16, dir)
	u := fileURI(dir, "mobile/app.py")
	c.Open(u, "python", acmeSource)
	ng := ByCode(c.Diagnostics(u, 1).Diagnostics, "not-granted")
	if len(ng) == 0 {
		t.Fatal("no not-granted diagnostic")
	}
	var grant *protocol.CodeAction
	for _, a := range codeActions(t, c, u, ng[0].Range) {
		if a.Command.Command == "scopels.grantScope" {
			grant = a
		}
	}
	if grant == nil {
		t.Fatal("no grant action")
	}
	if !strings.Contains(grant.Title, "mobile-app") || !strings.Contains(grant.Title, "api.write_multipass") {
		t.Errorf("title = %q", grant.Title)
	}
	ctx, cancel := c.Context()
	defer cancel()
	if _, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: grant.Command.Command, Arguments: grant.Command.Arguments}); err != nil {
		t.Fatalf("executeCommand: %v", err)
	}
	edits := c.Edits(1)
	pu := fileURI(dir, ".scopels.yaml")
	got := ApplyEdits(acmeProject, TextEditsOf(&edits[0].Edit, pu), UTF16)
	f, errs := project.Parse(filepath.Join(dir, ".scopels.yaml"), []byte(got))
	if len(errs) > 0 {
		t.Fatalf("edited project file has problems %v:\n%s", errs, got)
	}
	if g := f.Clients["mobile-app"].Granted; !contains(g, "api.write_multipass") || !contains(g, "api.read_profile") {
		t.Errorf("granted = %q:\n%s", g, got)
	}
	// The server wrote nothing itself.
	if disk, _ := os.ReadFile(filepath.Join(dir, ".scopels.yaml")); string(disk) != acmeProject {
		t.Error("the project file was written behind the editor's back")
	}

	// The editor saves the file: the watcher re-checks the document.
	if err := os.WriteFile(filepath.Join(dir, ".scopels.yaml"), []byte(got), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := c.Server.DidChangeWatchedFiles(ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: pu, Type: protocol.FileChangeTypeChanged}}}); err != nil {
		t.Fatal(err)
	}
	c.waitFor("a re-check without not-granted for api.write_multipass", func() bool {
		ps := c.diags[u]
		last := ps[len(ps)-1]
		for _, d := range ByCode(last.Diagnostics, "not-granted") {
			if d.Range == RangeOf(t, acmeSource, "api.write_multipass", 0, UTF16) {
				return false
			}
		}
		return len(ps) > 1
	})
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestAllowScopeCommand(t *testing.T) {
	t.Run("creates the project file", func(t *testing.T) {
		dir := workspace(t, nil)
		c := session(t, UTF16, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		d := onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope")
		var allow *protocol.CodeAction
		for _, a := range codeActions(t, c, u, d.Range) {
			if a.Command.Command == "scopels.allowScope" {
				allow = a
			}
		}
		if allow == nil {
			t.Fatal("no allow action")
		}
		ctx, cancel := c.Context()
		defer cancel()
		if _, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: allow.Command.Command, Arguments: allow.Command.Arguments}); err != nil {
			t.Fatalf("executeCommand: %v", err)
		}
		we := c.Edits(1)[0].Edit
		pu := fileURI(dir, ".scopels.yaml")
		if len(we.DocumentChanges) != 2 {
			t.Fatalf("documentChanges = %d, want create + edit", len(we.DocumentChanges))
		}
		cf, ok := we.DocumentChanges[0].(*protocol.CreateFile)
		if !ok || cf.URI != pu {
			t.Fatalf("first change = %#v, want creating %s", we.DocumentChanges[0], pu)
		}
		content := ApplyEdits("", TextEditsOf(&we, pu), UTF16)
		f, errs := project.Parse(filepath.Join(dir, ".scopels.yaml"), []byte(content))
		if len(errs) > 0 {
			t.Fatalf("new project file has problems %v:\n%s", errs, content)
		}
		if _, ok := f.Providers["google"].Scopes[typo]; !ok {
			t.Errorf("scope not declared:\n%s", content)
		}
		if _, err := os.Stat(filepath.Join(dir, ".scopels.yaml")); err == nil {
			t.Error("the server created the file itself")
		}
	})
	t.Run("adds to an existing project file", func(t *testing.T) {
		dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
		c := session(t, UTF8, dir)
		u := fileURI(dir, "sub/main.go")
		c.Open(u, "go", goSource)
		d := onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope")
		var allow *protocol.CodeAction
		for _, a := range codeActions(t, c, u, d.Range) {
			if a.Command.Command == "scopels.allowScope" {
				allow = a
			}
		}
		if allow == nil {
			t.Fatal("no allow action")
		}
		ctx, cancel := c.Context()
		defer cancel()
		if _, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: allow.Command.Command, Arguments: allow.Command.Arguments}); err != nil {
			t.Fatalf("executeCommand: %v", err)
		}
		pu := fileURI(dir, ".scopels.yaml")
		got := ApplyEdits(acmeProject, TextEditsOf(&c.Edits(1)[0].Edit, pu), UTF8)
		f, errs := project.Parse(filepath.Join(dir, ".scopels.yaml"), []byte(got))
		if len(errs) > 0 {
			t.Fatalf("edited project file has problems %v:\n%s", errs, got)
		}
		if _, ok := f.Providers["google"].Scopes[typo]; !ok {
			t.Errorf("scope not declared:\n%s", got)
		}
		if len(f.Providers["acme"].Scopes) != 2 || len(f.Clients) != 1 {
			t.Errorf("the rest of the file changed:\n%s", got)
		}
	})
	t.Run("a refused edit is an error", func(t *testing.T) {
		dir := workspace(t, nil)
		c := session(t, UTF16, dir)
		reason := "read-only"
		c.OnApplyEdit = func(*protocol.ApplyWorkspaceEditParams) *protocol.ApplyWorkspaceEditResult {
			return &protocol.ApplyWorkspaceEditResult{Applied: false, FailureReason: &reason}
		}
		args := protocol.LSPAny(`{"uri":"` + string(fileURI(dir, "main.go")) + `","provider":"google","scope":"x.y"}`)
		ctx, cancel := c.Context()
		defer cancel()
		_, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: "scopels.allowScope", Arguments: []protocol.LSPAny{args}})
		if err == nil || !strings.Contains(err.Error(), reason) {
			t.Errorf("err = %v, want the client's reason", err)
		}
	})
	t.Run("bad arguments", func(t *testing.T) {
		c := session(t, UTF16)
		ctx, cancel := c.Context()
		defer cancel()
		for _, args := range [][]protocol.LSPAny{nil, {protocol.LSPAny(`42`)}, {protocol.LSPAny(`{"uri":"untitled:x","scope":"a"}`)}} {
			if _, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: "scopels.allowScope", Arguments: args}); err == nil {
				t.Errorf("arguments %q accepted", args)
			}
		}
		if _, err := c.Server.ExecuteCommand(ctx, &protocol.ExecuteCommandParams{Command: "scopels.nope"}); err == nil {
			t.Error("unknown command accepted")
		}
	})
}
