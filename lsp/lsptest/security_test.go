package lsptest

// Security properties of the language server:
//
//   - a project file that is a symbolic link is not read: the server
//     publishes one problem on it saying so, and quotes nothing of the
//     file the link points to;
//   - the project-file commands never touch the disk: they send a
//     workspace/applyEdit for a file named .scopels.yaml, whatever the
//     arguments say, and the text they insert is data, never YAML
//     structure (a scope or provider name cannot add keys); a scope that
//     RFC 6749 does not allow is refused.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/project"
)

func TestSecurityLinkedProjectFile(t *testing.T) {
	outside := t.TempDir()
	secret := filepath.Join(outside, "secret.yaml")
	if err := os.WriteFile(secret, []byte("LEAK_MARKER: x\nseverity:\n  unknown-scope: \"off\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := workspace(t, nil)
	if err := os.Symlink(secret, filepath.Join(dir, ".scopels.yaml")); err != nil {
		t.Fatal(err)
	}
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	c.Open(u, "go", goSource)
	if d := c.Diagnostics(u, 1).Diagnostics; len(ByCode(d, "unknown-scope")) != 1 {
		t.Errorf("the linked project file's severity applied: %s", describe(d))
	}
	pd := c.NthDiagnostics(fileURI(dir, ".scopels.yaml"), 1).Diagnostics
	if len(pd) != 1 || !strings.Contains(Message(pd[0]), "symbolic link") {
		t.Errorf("problems of the linked project file: %s, want one saying it is a symbolic link", describe(pd))
	}
	if strings.Contains(describe(pd), "LEAK_MARKER") {
		t.Errorf("the server quotes the file a link points to: %s", describe(pd))
	}
}

// snapshotTree returns every file under dir with its content.
func snapshotTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			out[p] = string(data)
		}
		return nil
	})
	return out
}

func TestSecurityCommandArguments(t *testing.T) {
	const plainProject = "providers:\n  plain:\n    title: Plain\n    scopes:\n      read: Read\nclients:\n  app:\n    provider: plain\n    paths: [\"mobile/**\"]\n    granted: [read]\n"
	dir := workspace(t, map[string]string{".scopels.yaml": plainProject, "mobile/app.py": "PLAIN_SCOPES = [\"read\"]\n"})
	before := snapshotTree(t, dir)
	c := session(t, UTF16, dir)
	doc := string(fileURI(dir, "mobile/app.py"))
	// Scope tokens RFC 6749 allows that mean something in YAML, and
	// strings that are not tokens at all (refused).
	valid := []string{"x:y", "&anchor", "*alias", "!tag", "x#c", "#c", "-", "?", "|", ">", "'q'", "[a]", "{a}", "%TAG", "@x", "`x`", "true", "null", "0x1F", "~"}
	invalid := []string{"api.x\nseverity: {unknown-scope: off}", "api.x: y", "api.x #c", "\"q\"", "a\\b", "api.x\t😀", "", "x,y"}
	hostile := append(append([]string(nil), valid...), invalid...)
	var cmds []protocol.ExecuteCommandParams
	for _, scope := range hostile {
		for _, args := range []map[string]string{
			{"uri": doc, "provider": "plain", "scope": scope},
			{"uri": doc, "provider": "plain\nclients: {}", "scope": "y"},
		} {
			raw, _ := json.Marshal(args)
			cmds = append(cmds, protocol.ExecuteCommandParams{Command: "scopels.allowScope", Arguments: []protocol.LSPAny{protocol.LSPAny(raw)}})
		}
		raw, _ := json.Marshal(map[string]string{"uri": doc, "client": "app", "scope": scope})
		cmds = append(cmds, protocol.ExecuteCommandParams{Command: "scopels.grantScope", Arguments: []protocol.LSPAny{protocol.LSPAny(raw)}})
	}
	// A document URI that climbs out of the workspace with "..".
	raw, _ := json.Marshal(map[string]string{"uri": string(fileURI(dir, "mobile")) + "/../../x.go", "provider": "plain", "scope": "z"})
	cmds = append(cmds, protocol.ExecuteCommandParams{Command: "scopels.allowScope", Arguments: []protocol.LSPAny{protocol.LSPAny(raw)}})

	for _, cmd := range cmds {
		var args struct{ Provider, Client, Scope string }
		json.Unmarshal(cmd.Arguments[0], &args)
		n := len(c.edits)
		ctx, cancel := c.Context()
		_, err := c.Server.ExecuteCommand(ctx, &cmd)
		cancel()
		if slices.Contains(invalid, args.Scope) {
			if err == nil {
				t.Errorf("%s %s: accepted a scope RFC 6749 does not allow", cmd.Command, cmd.Arguments[0])
			}
			continue
		}
		if err != nil {
			t.Errorf("%s %s: %v", cmd.Command, cmd.Arguments[0], err)
			continue
		}
		we := c.Edits(n + 1)[n].Edit
		var target string
		for u := range we.Changes {
			target = u.FsPath()
		}
		for _, dc := range we.DocumentChanges {
			switch x := dc.(type) {
			case *protocol.TextDocumentEdit:
				target = x.TextDocument.URI.FsPath()
			case *protocol.CreateFile:
				target = x.URI.FsPath()
			default:
				t.Errorf("%s %s: a document change of type %T", cmd.Command, cmd.Arguments[0], dc)
			}
		}
		if filepath.Base(target) != project.FileName {
			t.Errorf("%s %s: edits %s, not a project file", cmd.Command, cmd.Arguments[0], target)
			continue
		}
		if target != filepath.Join(dir, project.FileName) {
			// Only the ".." URI may land elsewhere: in the folder it names.
			if !strings.Contains(string(cmd.Arguments[0]), "/../") {
				t.Errorf("%s %s: edits %s, outside the workspace", cmd.Command, cmd.Arguments[0], target)
			}
			continue
		}
		text := ApplyEdits(plainProject, TextEditsOf(&we, fileURI(dir, project.FileName)), UTF16)
		f, errs := project.Parse(target, []byte(text))
		if project.HasErrors(errs) {
			t.Errorf("%s %s: the edited project file is broken: %v\n%s", cmd.Command, cmd.Arguments[0], errs[0], text)
			continue
		}
		// The argument is data: exactly one scope added, no other key.
		switch {
		case len(f.Severity) != 0 || len(f.Strict) != 0 || len(f.ClientOrder) != 1 || len(f.ProviderOrder) > 2:
			t.Errorf("%s %s: the arguments changed the file's structure:\n%s", cmd.Command, cmd.Arguments[0], text)
		case cmd.Command == "scopels.allowScope" && f.Providers[args.Provider] == nil:
			t.Errorf("%s %s: provider %q not declared:\n%s", cmd.Command, cmd.Arguments[0], args.Provider, text)
		case cmd.Command == "scopels.allowScope" && f.Providers[args.Provider].Scopes[args.Scope] != "" ||
			cmd.Command == "scopels.allowScope" && !slices.Contains(f.Providers[args.Provider].ScopeOrder, args.Scope):
			t.Errorf("%s %s: scope %q not declared as written:\n%s", cmd.Command, cmd.Arguments[0], args.Scope, text)
		case cmd.Command == "scopels.grantScope" && !slices.Contains(f.Clients["app"].Granted, args.Scope):
			t.Errorf("%s %s: scope %q not granted as written:\n%s", cmd.Command, cmd.Arguments[0], args.Scope, text)
		}
	}
	if after := snapshotTree(t, dir); len(after) != len(before) {
		t.Errorf("the server created files: %d before, %d after", len(before), len(after))
	} else {
		for p, data := range before {
			if after[p] != data {
				t.Errorf("the server wrote %s", p)
			}
		}
	}
}
