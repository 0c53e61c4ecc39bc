package lsptest

import (
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

func TestDiagnosticsOnOpenAndChange(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, map[string]string{"go.mod": "module x\n"})
		c := session(t, enc, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)

		p := c.Diagnostics(u, 1)
		d := onlyCode(t, p.Diagnostics, "unknown-scope")
		if want := RangeOf(t, goSource, typo, 0, enc); d.Range != want {
			t.Errorf("range = %+v, want %+v (the misspelt scope)", d.Range, want)
		}
		if d.Severity != protocol.DiagnosticSeverityError {
			t.Errorf("severity = %v, want error", d.Severity)
		}
		if src, _ := d.Source.Get(); src != "scopels" {
			t.Errorf("source = %q, want scopels", src)
		}
		if want := "https://github.com/scopels/scopels/blob/main/docs/checks.md#unknown-scope"; string(d.CodeDescription.Href) != want {
			t.Errorf("codeDescription = %q, want %q", d.CodeDescription.Href, want)
		}
		if !strings.Contains(Message(d), "drive.readonly") {
			t.Errorf("message %q does not name the nearest scope", Message(d))
		}

		// An incremental edit that fixes the typo clears the diagnostic.
		r := RangeOf(t, goSource, "onyl", 0, enc)
		c.Change(u, 2, Edit(r, "only"))
		p = c.Diagnostics(u, 2)
		if got := ByCode(p.Diagnostics, "unknown-scope"); len(got) != 0 {
			t.Errorf("after the fix: %s", describe(p.Diagnostics))
		}

		// Breaking it again brings it back, at the new version.
		r = RangeOf(t, strings.Replace(goSource, "onyl", "only", 1), "only", 0, enc)
		c.Change(u, 3, Edit(r, "onyl"))
		p = c.Diagnostics(u, 3)
		onlyCode(t, p.Diagnostics, "unknown-scope")
	})
}

func TestDiagnosticsTagsAndRelated(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, map[string]string{".scopels.yaml": acmeProject, "mobile/app.py": acmeSource})
		c := session(t, enc, dir)
		u := fileURI(dir, "mobile/app.py")
		c.Open(u, "python", acmeSource)
		p := c.Diagnostics(u, 1)

		dep := onlyCode(t, p.Diagnostics, "deprecated-scope")
		if want := RangeOf(t, acmeSource, "api.multipass", 0, enc); dep.Range != want {
			t.Errorf("deprecated-scope range = %+v, want %+v", dep.Range, want)
		}
		if !slices.Contains(dep.Tags.Slice(), protocol.DiagnosticTagDeprecated) {
			t.Errorf("deprecated-scope tags = %v, want Deprecated", dep.Tags.Slice())
		}

		dup := onlyCode(t, p.Diagnostics, "duplicate-scope")
		if want := RangeOf(t, acmeSource, "api.read_profile", 1, enc); dup.Range != want {
			t.Errorf("duplicate-scope range = %+v, want %+v (the repeat)", dup.Range, want)
		}
		if !slices.Contains(dup.Tags.Slice(), protocol.DiagnosticTagUnnecessary) {
			t.Errorf("duplicate-scope tags = %v, want Unnecessary", dup.Tags.Slice())
		}
		if len(dup.RelatedInformation) != 1 {
			t.Fatalf("duplicate-scope related = %+v, want the first occurrence", dup.RelatedInformation)
		}
		rel := dup.RelatedInformation[0].Location
		if want := RangeOf(t, acmeSource, "api.read_profile", 0, enc); rel.URI != u || rel.Range != want {
			t.Errorf("related = %v %+v, want %v %+v", rel.URI, rel.Range, u, want)
		}

		ng := ByCode(p.Diagnostics, "not-granted")
		if len(ng) == 0 {
			t.Fatalf("no not-granted diagnostic: %s", describe(p.Diagnostics))
		}
		if want := RangeOf(t, acmeSource, "api.write_multipass", 0, enc); ng[0].Range != want {
			t.Errorf("not-granted range = %+v, want %+v", ng[0].Range, want)
		}
	})
}

func TestPullDiagnosticsMatchPush(t *testing.T) {
	dir := workspace(t, nil)
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	c.Open(u, "go", goSource)
	pushed := c.Diagnostics(u, 1)

	ctx, cancel := c.Context()
	defer cancel()
	rep, err := c.Server.Diagnostic(ctx, &protocol.DocumentDiagnosticParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if err != nil {
		t.Fatal(err)
	}
	full, ok := rep.(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok {
		t.Fatalf("report = %T, want a full report", rep)
	}
	if describe(full.Items) != describe(pushed.Diagnostics) || len(full.Items) == 0 {
		t.Errorf("pull = %s, push = %s", describe(full.Items), describe(pushed.Diagnostics))
	}
}

// TestNoStaleDiagnostics sends a burst of changes and checks that every
// push describes the text of the version it names, that versions only
// grow, and that the newest version is published.
func TestNoStaleDiagnostics(t *testing.T) {
	dir := workspace(t, nil)
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	texts := map[int32]string{1: goSource}
	c.Open(u, "go", goSource)
	const n = 60
	for v := int32(2); v <= n; v++ {
		// Odd versions carry the typo, even ones do not.
		text := goSource
		if v%2 == 0 {
			text = strings.Replace(goSource, typo, fixed, 1)
		}
		texts[v] = text
		c.Change(u, v, Full(text))
	}
	c.Diagnostics(u, n)
	last := int32(0)
	for _, p := range c.Pushes(u) {
		v, ok := p.Version.Get()
		if !ok {
			t.Fatalf("push without a version")
		}
		if v <= last {
			t.Errorf("version %d published after %d", v, last)
		}
		last = v
		wantTypo := strings.Contains(texts[v], typo)
		if got := len(ByCode(p.Diagnostics, "unknown-scope")) == 1; got != wantTypo {
			t.Errorf("version %d: unknown-scope reported %v, text has the typo %v", v, got, wantTypo)
		}
	}
	if pushes := len(c.Pushes(u)); pushes > n {
		t.Errorf("%d pushes for %d versions", pushes, n)
	}
}

func TestCloseClearsDiagnostics(t *testing.T) {
	dir := workspace(t, nil)
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	c.Open(u, "go", goSource)
	c.Diagnostics(u, 1)
	if err := c.Server.DidClose(c.ctx, &protocol.DidCloseTextDocumentParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}}); err != nil {
		t.Fatal(err)
	}
	c.waitFor("an empty push after close", func() bool {
		ps := c.diags[u]
		return len(ps) > 0 && len(ps[len(ps)-1].Diagnostics) == 0
	})
}
