package main

// Security properties of the binary:
//
//   - it makes no network connection: scopels check (with --fix), catalog,
//     explain and a whole language server session run with every proxy
//     variable pointing at a local listener that must see no connection,
//     and, where strace is installed, under strace, which must record no
//     connect and no Internet socket;
//   - it runs no code from the workspace: the binary links neither os/exec
//     nor plugin (nor an HTTP or TLS client);
//   - a project file cannot make it read or write outside the workspace:
//     globs that climb out with ".." are refused with an error naming the
//     glob, absolute globs are taken relative to the project file's folder,
//     symbolic links are never followed (a linked file is not checked or
//     fixed; a linked project file is refused with an error and not read).

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/lsp/lsptest"
)

// proxyTrap listens on a local port and counts the connections it gets.
type proxyTrap struct {
	ln    net.Listener
	conns atomic.Int32
}

func newProxyTrap(t *testing.T) *proxyTrap {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxyTrap{ln: ln}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			p.conns.Add(1)
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close() })
	return p
}

// env returns the environment with every proxy variable pointing at the
// trap.
func (p *proxyTrap) env() []string {
	url := "http://" + p.ln.Addr().String()
	env := os.Environ()
	for _, k := range []string{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"} {
		env = append(env, k+"="+url)
	}
	return append(env, "NO_PROXY=", "no_proxy=")
}

// traced returns the command line that runs bin with args under strace
// (network system calls only, written to log), or bin itself without
// strace.
func traced(bin, log string, args ...string) (string, []string) {
	strace, err := exec.LookPath("strace")
	if err != nil {
		return bin, args
	}
	return strace, append([]string{"-f", "-qq", "-e", "trace=%network", "-o", log, bin}, args...)
}

// dials matches the system calls of a network connection attempt.
var dials = regexp.MustCompile(`(?m)\b(connect|sendto|sendmsg)\(|socket\(AF_INET6?\b`)

// checkTrace fails if the strace log records a connection attempt.
func checkTrace(t *testing.T, log string) {
	t.Helper()
	data, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		t.Log("strace is not installed: only the proxy variables were checked")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	if m := dials.FindAll(data, -1); len(m) > 0 {
		t.Errorf("network system calls recorded:\n%s", data)
	}
}

func TestSecurityNoNetwork(t *testing.T) {
	bin := buildScopels(t)
	trap := newProxyTrap(t)
	work := t.TempDir()
	tree := readTree(t, filepath.Join("..", "..", "examples"))
	writeTree(t, work, tree)

	for i, args := range [][]string{
		{"check", "--format", "sarif", "."},
		{"check", "--fix", "."},
		{"catalog", "list"},
		{"catalog", "search", "drive"},
		{"explain", "unknown-scope"},
	} {
		log := filepath.Join(t.TempDir(), "strace.log")
		name, argv := traced(bin, log, args...)
		cmd := exec.Command(name, argv...)
		cmd.Dir = work
		cmd.Env = trap.env()
		out, err := cmd.CombinedOutput()
		if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		if i == 0 && !bytes.Contains(out, []byte(`"ruleId"`)) {
			t.Fatalf("check found nothing in the examples:\n%s", out)
		}
		checkTrace(t, log)
	}

	// A language server session that uses every feature.
	log := filepath.Join(t.TempDir(), "strace.log")
	name, argv := traced(bin, log, "serve")
	c, cmd, _ := startServeEnv(t, trap.env(), name, argv...)
	c.Initialize(lsptest.InitParams(lsptest.UTF16, work))
	u := lsptest.FileURI(filepath.Join(work, "go", "main.go"))
	text := serveGoSource
	c.Open(u, "go", text)
	c.Diagnostics(u, 1)
	ctx, cancel := c.Context()
	defer cancel()
	at := lsptest.RangeOf(t, text, "drive.readonyl", 0, lsptest.UTF16)
	td := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: at.Start}
	if _, err := c.Server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: td}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: td}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Server.CodeAction(ctx, &protocol.CodeActionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Range: at}); err != nil {
		t.Fatal(err)
	}
	if err := c.Server.Shutdown(ctx); err != nil {
		t.Fatal(err)
	}
	c.Server.Exit(ctx)
	if code := exitCode(t, cmd); code != 0 {
		t.Errorf("serve exited with %d", code)
	}
	checkTrace(t, log)
	if n := trap.conns.Load(); n > 0 {
		t.Errorf("%d connections to the proxy", n)
	}
}

func TestSecurityNoExecOrNetworkClient(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go list")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	if !deps["github.com/scopels/scopels/lsp"] {
		t.Fatalf("go list output looks wrong:\n%s", out)
	}
	for _, p := range []string{"os/exec", "plugin", "net/http", "crypto/tls", "net/rpc", "net/smtp"} {
		if deps[p] {
			t.Errorf("the binary links %s", p)
		}
	}
}

// TestSecurityProjectFileStaysInside runs check on a folder whose project
// file tries to reach outside it, next to a folder it must not affect.
func TestSecurityProjectFileStaysInside(t *testing.T) {
	root := t.TempDir()
	const typo = "package p\n\nimport \"golang.org/x/oauth2/github\"\n\nvar _ = github.Endpoint\n\nvar Scopes = []string{\"read:usr\"}\n"
	writeTree(t, root, map[string]string{
		"ws/.scopels.yaml":    "ignore: [\"../other/**\", \"/etc/**\"]\npaths:\n  \"../**\": [google]\n",
		"ws/etc/x.go":         typo, // "/etc/**" means ws/etc/**
		"ws/a.go":             typo,
		"other/b.go":          typo,
		"outside/c.go":        typo,
		"outside/secret.yaml": "LEAK_MARKER_KEY: LEAK_MARKER_VALUE\nseverity:\n  unknown-scope: LEAK_MARKER_SEVERITY\n",
	})
	// Links out of the workspace: a source file and a project file.
	writeTree(t, root, map[string]string{"ws/sub/d.go": typo})
	for link, target := range map[string]string{"ws/link.go": "outside/c.go", "ws/sub/.scopels.yaml": "outside/secret.yaml"} {
		if err := os.Symlink(filepath.Join(root, target), filepath.Join(root, link)); err != nil {
			t.Fatal(err)
		}
	}

	code, stdout, stderr := scopels(t, root, "", "check", "--format", "json", "ws", "other")
	if code != 2 {
		t.Errorf("exit %d, want 2 (broken project files)", code)
	}
	all := stdout + stderr
	if strings.Contains(all, "LEAK_MARKER") {
		t.Errorf("the output quotes a file outside the workspace:\n%s", all)
	}
	rep := decodeReport(t, stdout)
	var msgs []string
	for _, d := range rep.Diagnostics {
		msgs = append(msgs, d.Message)
	}
	for _, want := range []string{`"../other/**" may not leave the project file's folder`, `"../**" may not leave the project file's folder`, "symbolic link"} {
		if !strings.Contains(strings.Join(msgs, "\n"), want) {
			t.Errorf("no error saying %s in:\n%s", want, strings.Join(msgs, "\n"))
		}
	}
	found := map[string]bool{}
	for _, d := range rep.Diagnostics {
		if d.Code == "unknown-scope" {
			found[filepath.ToSlash(d.Path)] = true
		}
	}
	for p, want := range map[string]bool{"ws/a.go": true, "other/b.go": true, "ws/etc/x.go": false, "ws/link.go": false} {
		if found[p] != want {
			t.Errorf("unknown-scope in %s: %v, want %v (found in %v)", p, found[p], want, found)
		}
	}

	// --fix writes inside the workspace only, never through a link.
	before, _ := os.ReadFile(filepath.Join(root, "outside", "c.go"))
	scopels(t, root, "", "check", "--fix", "ws")
	after, _ := os.ReadFile(filepath.Join(root, "outside", "c.go"))
	if !bytes.Equal(before, after) {
		t.Error("--fix changed a file outside the workspace through a link")
	}
	if fixed, _ := os.ReadFile(filepath.Join(root, "ws", "a.go")); bytes.Equal(fixed, []byte(typo)) {
		t.Error("--fix did not fix ws/a.go; the test proves nothing")
	}
}
