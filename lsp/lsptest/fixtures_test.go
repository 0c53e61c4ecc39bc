package lsptest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/lsp"
)

// Fixtures. The Go file has a line where an emoji and CJK characters
// stand before the scopes, so UTF-8 and UTF-16 columns differ there.

const (
	googlePrefix = "https://www.googleapis.com/auth/"
	typo         = googlePrefix + "drive.readonyl"
	fixed        = googlePrefix + "drive.readonly"
)

// goSource is a Go file requesting Google scopes, one of them misspelt.
const goSource = `package main

import "golang.org/x/oauth2"

var conf = &oauth2.Config{
	// 認証 🎉 scopes below
	Scopes: []string{"https://www.googleapis.com/auth/calendar", /* 🎉日本 */ "https://www.googleapis.com/auth/drive.readonyl"},
}
`

// acmeProject declares a custom provider and a client.
const acmeProject = `providers:
  acme:
    title: Acme API
    hosts: [auth.acme.example]
    signals: [ACME_CLIENT_ID]
    delimiter: space
    prefix: "api."
    scopes:
      api.read_profile: Read the signed-in user's profile
      api.write_multipass: Create Multipass login tokens
    deprecated:
      api.multipass: api.write_multipass
clients:
  mobile-app:
    provider: acme
    paths: ["mobile/**"]
    granted: [api.read_profile]
`

// acmeSource is a Python file of the mobile-app client.
const acmeSource = `ACME_CLIENT_ID = "mobile"
# 認証 🎉
SCOPES = ["api.read_profile", "api.write_multipass", "api.multipass", "api.read_profile"]
`

// workspace writes files (path -> content) under a new temporary folder
// and returns the folder.
func workspace(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// session starts a server, initializes it with enc and folders.
func session(t *testing.T, enc protocol.PositionEncodingKind, folders ...string) *Client {
	t.Helper()
	c := Start(t, lsp.Options{})
	res := c.Initialize(InitParams(enc, folders...))
	if res.Capabilities.PositionEncoding != enc {
		t.Fatalf("negotiated %q, want %q", res.Capabilities.PositionEncoding, enc)
	}
	return c
}

// encodings runs f once per position encoding.
func encodings(t *testing.T, f func(t *testing.T, enc protocol.PositionEncodingKind)) {
	for _, enc := range []protocol.PositionEncodingKind{UTF16, UTF8} {
		t.Run(string(enc), func(t *testing.T) { f(t, enc) })
	}
}

// fileURI returns the URI of a file in dir.
func fileURI(dir, name string) uri.URI {
	return uri.File(filepath.Join(dir, filepath.FromSlash(name)))
}

// onlyCode returns the single diagnostic with code, failing otherwise.
func onlyCode(t *testing.T, ds []protocol.Diagnostic, code string) protocol.Diagnostic {
	t.Helper()
	got := ByCode(ds, code)
	if len(got) != 1 {
		t.Fatalf("want one %s diagnostic, got %d in %s", code, len(got), describe(ds))
	}
	return got[0]
}

// describe renders diagnostics for failure messages.
func describe(ds []protocol.Diagnostic) string {
	var b strings.Builder
	b.WriteString("[")
	for i, d := range ds {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(Code(d) + " " + Message(d))
	}
	b.WriteString("]")
	return b.String()
}
