// Package e2e runs scopels under real LSP clients: Neovim's built-in
// client, and a client built on the vscode-languageserver-protocol npm
// package (the protocol stack of VS Code's client). Each test is skipped
// when its client is not installed; set SCOPELS_E2E=1 to make a missing
// client a failure instead (CI).
package e2e

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// source is the checked document: a misspelt Google scope on a line where
// an emoji and CJK characters stand before it.
const source = `package main

import "golang.org/x/oauth2"

var conf = &oauth2.Config{
	// 認証 🎉
	Scopes: []string{"https://www.googleapis.com/auth/calendar", /* 🎉日本 */ "https://www.googleapis.com/auth/drive.readonyl"},
}
`

// need returns the path of a client program, skipping the test without it.
func need(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("SCOPELS_E2E") != "" {
			t.Fatalf("%s is not installed", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

// build builds scopels and writes the document into a new folder.
func build(t *testing.T) (bin, file string) {
	t.Helper()
	dir := t.TempDir()
	bin = filepath.Join(dir, "scopels")
	out, err := exec.Command("go", "build", "-o", bin, "github.com/scopels/scopels/cmd/scopels").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	file = filepath.Join(dir, "work", "main.go")
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(source), 0o644); err != nil {
		t.Fatal(err)
	}
	return bin, file
}

func TestNeovim(t *testing.T) {
	nvim := need(t, "nvim")
	bin, file := build(t)
	script, err := filepath.Abs("testdata/nvim.lua")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(nvim, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile "+script)
	cmd.Env = append(os.Environ(), "SCOPELS_BIN="+bin, "SCOPELS_FILE="+file, "XDG_STATE_HOME="+t.TempDir(), "XDG_DATA_HOME="+t.TempDir())
	out, err := cmd.CombinedOutput()
	t.Logf("neovim:\n%s", out)
	if err != nil || !strings.Contains(string(out), "PASS") {
		t.Fatalf("neovim end-to-end failed: %v", err)
	}
}

// protocolPackage installs the npm packages of testdata/vscode into a
// cache folder (once) and returns its node_modules.
func protocolPackage(t *testing.T, npm string) string {
	t.Helper()
	manifest, err := os.ReadFile("testdata/vscode/package.json")
	if err != nil {
		t.Fatal(err)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "scopels", "e2e-vscode")
	modules := filepath.Join(dir, "node_modules")
	if old, err := os.ReadFile(filepath.Join(dir, "package.json")); err == nil && string(old) == string(manifest) {
		if _, err := os.Stat(filepath.Join(modules, "vscode-languageserver-protocol", "package.json")); err == nil {
			return modules
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "package.json"), manifest, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(npm, "install", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		if os.Getenv("SCOPELS_E2E") != "" {
			t.Fatalf("npm install: %v\n%s", err, out)
		}
		t.Skipf("npm install failed (offline?): %v\n%s", err, out)
	}
	return modules
}

func TestVSCodeProtocolClient(t *testing.T) {
	node := need(t, "node")
	npm := need(t, "npm")
	modules := protocolPackage(t, npm)
	bin, file := build(t)
	script, err := filepath.Abs("testdata/vscode/client.js")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, script)
	cmd.Env = append(os.Environ(), "SCOPELS_BIN="+bin, "SCOPELS_FILE="+file, "NODE_PATH="+modules)
	out, err := cmd.CombinedOutput()
	t.Logf("client:\n%s", out)
	if err != nil || !strings.Contains(string(out), "PASS") {
		t.Fatalf("vscode-languageserver-protocol end-to-end failed: %v", err)
	}
}
