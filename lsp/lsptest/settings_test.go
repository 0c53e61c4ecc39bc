package lsptest

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/lsp"
)

func TestSettings(t *testing.T) {
	t.Run("initializationOptions disable a code", func(t *testing.T) {
		dir := workspace(t, nil)
		c := Start(t, lsp.Options{})
		p := InitParams(UTF16, dir)
		p.InitializationOptions = protocol.LSPAny(`{"disabled":["unknown-scope"]}`)
		c.Initialize(p)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		if got := ByCode(c.Diagnostics(u, 1).Diagnostics, "unknown-scope"); len(got) != 0 {
			t.Errorf("disabled code reported: %s", describe(got))
		}
	})
	t.Run("didChangeConfiguration changes a severity and re-checks", func(t *testing.T) {
		dir := workspace(t, nil)
		c := session(t, UTF16, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		if d := onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope"); d.Severity != protocol.DiagnosticSeverityError {
			t.Fatalf("default severity = %v", d.Severity)
		}
		err := c.Server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{
			Settings: protocol.LSPAny(`{"scopels":{"severity":{"unknown-scope":"hint"}}}`),
		})
		if err != nil {
			t.Fatal(err)
		}
		c.waitFor("a re-check with severity hint", func() bool {
			ps := c.diags[u]
			ds := ByCode(ps[len(ps)-1].Diagnostics, "unknown-scope")
			return len(ds) == 1 && ds[0].Severity == protocol.DiagnosticSeverityHint
		})
	})
	t.Run("pull model asks workspace/configuration", func(t *testing.T) {
		dir := workspace(t, nil)
		c := session(t, UTF16, dir)
		c.OnConfiguration = func(p *protocol.ConfigurationParams) []protocol.LSPAny {
			return []protocol.LSPAny{protocol.LSPAny(`{"disabled":["unknown-scope"]}`)}
		}
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope")
		if err := c.Server.DidChangeConfiguration(c.ctx, &protocol.DidChangeConfigurationParams{Settings: protocol.LSPAny(`null`)}); err != nil {
			t.Fatal(err)
		}
		c.waitFor("a re-check without unknown-scope", func() bool {
			ps := c.diags[u]
			return len(ps) >= 2 && len(ByCode(ps[len(ps)-1].Diagnostics, "unknown-scope")) == 0
		})
	})
	t.Run("extra providers from settings", func(t *testing.T) {
		dir := workspace(t, nil)
		c := Start(t, lsp.Options{})
		p := InitParams(UTF16, dir)
		p.InitializationOptions = protocol.LSPAny(`{"scopels":{"providers":{"acme":{"title":"Acme API","signals":["ACME_CLIENT_ID"],"prefix":"api.","scopes":{"api.read_profile":"Read the profile"},"deprecated":{"api.multipass":"api.read_profile"}}}}}`)
		c.Initialize(p)
		u := fileURI(dir, "app.py")
		c.Open(u, "python", acmeSource)
		ds := c.Diagnostics(u, 1).Diagnostics
		if len(ByCode(ds, "deprecated-scope")) != 1 {
			t.Errorf("custom provider from settings not applied: %s", describe(ds))
		}
	})
	t.Run("max file size", func(t *testing.T) {
		dir := workspace(t, nil)
		c := Start(t, lsp.Options{})
		p := InitParams(UTF16, dir)
		p.InitializationOptions = protocol.LSPAny(`{"maxFileSize":100}`)
		c.Initialize(p)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		ds := c.Diagnostics(u, 1).Diagnostics
		if len(ds) != 1 || ds[0].Severity != protocol.DiagnosticSeverityInformation || !strings.Contains(Message(ds[0]), "maxFileSize") {
			t.Fatalf("want one info diagnostic about the size, got %s", describe(ds))
		}
		// Shrunk below the limit: checked again.
		c.Change(u, 2, Full(`package main; var s = []string{"a"}`))
		if ds := c.Diagnostics(u, 2).Diagnostics; len(ds) != 0 {
			t.Errorf("small file: %s", describe(ds))
		}
	})
	t.Run("malformed settings keep the defaults", func(t *testing.T) {
		dir := workspace(t, nil)
		c := Start(t, lsp.Options{})
		p := InitParams(UTF16, dir)
		p.InitializationOptions = protocol.LSPAny(`{"maxFileSize":"big","disabled":7}`)
		c.Initialize(p)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)
		onlyCode(t, c.Diagnostics(u, 1).Diagnostics, "unknown-scope")
	})
}
