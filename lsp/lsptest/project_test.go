package lsptest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func TestWatcherRegistered(t *testing.T) {
	c := session(t, UTF16, workspace(t, nil))
	regs := c.Registrations(1)
	if regs[0].Method != "workspace/didChangeWatchedFiles" {
		t.Fatalf("registered %q", regs[0].Method)
	}
	var opts protocol.DidChangeWatchedFilesRegistrationOptions
	if err := protocol.Unmarshal(regs[0].RegisterOptions, &opts); err != nil {
		t.Fatal(err)
	}
	if len(opts.Watchers) != 1 || opts.Watchers[0].GlobPattern != protocol.Pattern("**/.scopels.yaml") {
		t.Errorf("watchers = %+v", opts.Watchers)
	}

}

func TestProjectFileProblemsAndLastGoodConfig(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
		c := session(t, enc, dir)
		u := fileURI(dir, "mobile/app.py")
		c.Open(u, "python", acmeSource)
		before := c.Diagnostics(u, 1).Diagnostics
		if len(ByCode(before, "not-granted")) == 0 {
			t.Fatalf("fixture: no not-granted: %s", describe(before))
		}

		// The project file is opened and broken in the editor (unsaved).
		pu := fileURI(dir, ".scopels.yaml")
		c.Open(pu, "yaml", acmeProject)
		c.Diagnostics(pu, 1)
		broken := strings.Replace(acmeProject, "clients:", "clients:\n  # 🎉 日本\n  bogus_key_here: [", 1)
		c.Change(pu, 2, Full(broken))
		pd := c.Diagnostics(pu, 2).Diagnostics
		probs := ByCode(pd, "project-file")
		if len(probs) == 0 {
			t.Fatalf("no project-file problem published on the project file: %s", describe(pd))
		}

		// The document is re-checked with the last good configuration: the
		// client and its grants still apply.
		c.waitFor("a re-check of the document", func() bool { return len(c.diags[u]) >= 2 })
		after := c.Pushes(u)
		last := after[len(after)-1].Diagnostics
		if describe(ByCode(last, "not-granted")) != describe(ByCode(before, "not-granted")) {
			t.Errorf("not-granted changed with a broken project file: %s -> %s", describe(before), describe(last))
		}

		// An unsaved fix of the project file applies at once.
		granted := strings.Replace(acmeProject, "granted: [api.read_profile]", "granted: [api.read_profile, api.write_multipass, api.multipass]", 1)
		c.Change(pu, 3, Full(granted))
		if pd := c.Diagnostics(pu, 3).Diagnostics; len(ByCode(pd, "project-file")) != 0 {
			t.Errorf("problems left after the fix: %s", describe(pd))
		}
		c.waitFor("not-granted cleared by the unsaved project file", func() bool {
			ps := c.diags[u]
			return len(ByCode(ps[len(ps)-1].Diagnostics, "not-granted")) == 0
		})
	})
}

func TestProjectFileProblemsOnDisk(t *testing.T) {
	dir := workspace(t, map[string]string{".scopels.yaml": "providers:\n  acme:\n    scopes: [oops\n"})
	c := session(t, UTF16, dir)
	u := fileURI(dir, "app.py")
	c.Open(u, "python", acmeSource)
	c.Diagnostics(u, 1)
	pu := fileURI(dir, ".scopels.yaml")
	p := c.NthDiagnostics(pu, 1)
	if len(ByCode(p.Diagnostics, "project-file")) == 0 {
		t.Fatalf("no problem published for the broken file on disk")
	}
	// Fixed on disk: the watcher notification clears them.
	if err := os.WriteFile(filepath.Join(dir, ".scopels.yaml"), []byte(acmeProject), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := c.Context()
	defer cancel()
	if err := c.Server.DidChangeWatchedFiles(ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{{URI: pu, Type: protocol.FileChangeTypeChanged}}}); err != nil {
		t.Fatal(err)
	}
	c.waitFor("an empty push for the fixed project file", func() bool {
		ps := c.diags[pu]
		return len(ps) >= 2 && len(ps[len(ps)-1].Diagnostics) == 0
	})
}

func TestMultiRootAndSingleFile(t *testing.T) {
	grantAll := strings.Replace(acmeProject, "granted: [api.read_profile]", "granted: [api.read_profile, api.write_multipass, api.multipass]", 1)
	a := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	b := workspace(t, map[string]string{".scopels.yaml": grantAll})
	c := session(t, UTF16, a, b)
	ua, ub := fileURI(a, "mobile/app.py"), fileURI(b, "mobile/app.py")
	c.Open(ua, "python", acmeSource)
	c.Open(ub, "python", acmeSource)
	if got := ByCode(c.Diagnostics(ua, 1).Diagnostics, "not-granted"); len(got) == 0 {
		t.Error("folder a: not-granted missing")
	}
	if got := ByCode(c.Diagnostics(ub, 1).Diagnostics, "not-granted"); len(got) != 0 {
		t.Errorf("folder b grants everything, got %s", describe(got))
	}

	// A single file, no workspace folder.
	single := session(t, UTF8)
	solo := workspace(t, nil)
	us := fileURI(solo, "main.go")
	single.Open(us, "go", goSource)
	onlyCode(t, single.Diagnostics(us, 1).Diagnostics, "unknown-scope")

	// An untitled buffer, checked by its language id.
	uu := uri.URI("untitled:Untitled-1")
	single.Open(uu, "go", goSource)
	onlyCode(t, single.Diagnostics(uu, 1).Diagnostics, "unknown-scope")
}
