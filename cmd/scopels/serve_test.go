package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/scopels/scopels/lsp/lsptest"
)

// buildScopels builds the real binary into a temporary folder.
func buildScopels(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "scopels")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// procConn is a subprocess's stdout and stdin as one connection.
type procConn struct {
	io.Reader
	io.WriteCloser
}

// startServe runs `scopels serve` (or the bare binary with stdin a pipe) and
// connects a client to its stdio.
func startServe(t *testing.T, bin string, args ...string) (*lsptest.Client, *exec.Cmd, *bytes.Buffer) {
	t.Helper()
	return startServeEnv(t, nil, bin, args...)
}

// startServeEnv is startServe with an environment (nil: the test's own)
// and any program name, so that the server can run under strace.
func startServeEnv(t *testing.T, env []string, name string, args ...string) (*lsptest.Client, *exec.Cmd, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = env
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killOnCleanup(t, cmd)
	return lsptest.Connect(t, procConn{stdout, stdin}), cmd, &stderr
}

// killOnCleanup kills a started process the test did not wait for.
func killOnCleanup(t *testing.T, cmd *exec.Cmd) {
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
}

// exitCode waits for the process and returns its exit code.
func exitCode(t *testing.T, cmd *exec.Cmd) int {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			return ee.ExitCode()
		}
		if err != nil {
			t.Fatalf("wait: %v", err)
		}
		return 0
	case <-time.After(lsptest.Wait):
		t.Fatalf("the server did not exit within %v", lsptest.Wait)
		return -1
	}
}

const serveGoSource = "package main\n\nimport \"golang.org/x/oauth2\"\n\nvar conf = &oauth2.Config{\n\t// 認証 🎉\n\tScopes: []string{\"https://www.googleapis.com/auth/calendar\", /* 🎉日本 */ \"https://www.googleapis.com/auth/drive.readonyl\"},\n}\n"

func TestServeOverStdio(t *testing.T) {
	bin := buildScopels(t)
	dir := t.TempDir()
	trace := filepath.Join(dir, "trace.jsonl")
	c, cmd, stderr := startServe(t, bin, "serve", "--log-level", "debug", "--trace", trace)

	res := c.Initialize(lsptest.InitParams(lsptest.UTF16, dir))
	if res.ServerInfo.Name != "scopels" {
		t.Errorf("serverInfo = %+v", res.ServerInfo)
	}
	u := lsptest.FileURI(filepath.Join(dir, "main.go"))
	c.Open(u, "go", serveGoSource)
	p := c.Diagnostics(u, 1)
	got := lsptest.ByCode(p.Diagnostics, "unknown-scope")
	want := lsptest.RangeOf(t, serveGoSource, "https://www.googleapis.com/auth/drive.readonyl", 0, lsptest.UTF16)
	if len(got) != 1 || got[0].Range != want {
		t.Fatalf("diagnostics over stdio: %+v, want unknown-scope at %+v", p.Diagnostics, want)
	}

	ctx, cancel := c.Context()
	defer cancel()
	if err := c.Server.Shutdown(ctx); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	if err := c.Server.Exit(ctx); err != nil {
		t.Fatalf("exit: %v", err)
	}
	if code := exitCode(t, cmd); code != 0 {
		t.Errorf("exit code %d after shutdown and exit, want 0; stderr:\n%s", code, stderr)
	}
	data, err := os.ReadFile(trace)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{" recv ", " send ", `"method":"initialize"`, `"method":"textDocument/publishDiagnostics"`} {
		if !strings.Contains(string(data), w) {
			t.Errorf("trace lacks %q", w)
		}
	}
	if !strings.Contains(stderr.String(), "level=DEBUG") {
		t.Errorf("--log-level debug logged nothing at debug level:\n%s", stderr)
	}
}

func TestServeExitWithoutShutdown(t *testing.T) {
	bin := buildScopels(t)
	// No subcommand, stdin not a terminal: serve is the default.
	c, cmd, stderr := startServe(t, bin)
	c.Initialize(lsptest.InitParams(lsptest.UTF8))
	ctx, cancel := c.Context()
	defer cancel()
	if err := c.Server.Exit(ctx); err != nil {
		t.Fatalf("exit: %v", err)
	}
	if code := exitCode(t, cmd); code != 1 {
		t.Errorf("exit code %d without shutdown, want 1; stderr:\n%s", code, stderr)
	}
}

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"--help"}, 0},
		{[]string{"--log-level", "loud"}, 2},
		{[]string{"--bogus"}, 2},
		{[]string{"extra"}, 2},
		{[]string{"--trace", filepath.Join(t.TempDir(), "no", "such", "dir", "f")}, 2},
	} {
		var out, errb bytes.Buffer
		if code := Run(append([]string{"serve"}, tc.args...), strings.NewReader(""), &out, &errb); code != tc.code {
			t.Errorf("serve %q: exit %d, want %d; stderr %s", tc.args, code, tc.code, errb.String())
		}
	}
}

// Benchmarks of the real binary over stdio. Each reports the median
// ("median-ms"); the 1 MB one also the server's resident memory with the
// document open ("rss-MB").

// benchBinary builds the binary for one benchmark function (the go build
// cache makes repeated builds cheap).
func benchBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "scopels")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func medianMS(ds []time.Duration) float64 {
	slices.Sort(ds)
	return float64(ds[len(ds)/2]) / float64(time.Millisecond)
}

func BenchmarkStdioStartToInitialize(b *testing.B) {
	bin := benchBinary(b)
	ds := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		cmd := exec.Command(bin, "serve", "--log-level", "error")
		stdin, _ := cmd.StdinPipe()
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		c := lsptest.Connect(b, procConn{stdout, stdin})
		c.Initialize(lsptest.InitParams(lsptest.UTF16))
		ds = append(ds, time.Since(start))
		ctx, cancel := c.Context()
		c.Server.Shutdown(ctx)
		c.Server.Exit(ctx)
		cancel()
		cmd.Wait()
		c.Close()
	}
	b.ReportMetric(medianMS(ds), "median-ms")
}

func BenchmarkStdioDidChangeToDiagnostics(b *testing.B) {
	bin := benchBinary(b)
	for _, tc := range []struct {
		name        string
		lines, size int
	}{{"2000-lines", 2000, 0}, {"1MB", 0, 1 << 20}} {
		b.Run(tc.name, func(b *testing.B) {
			text := lsptest.Synthetic(tc.lines, tc.size)
			cmd := exec.Command(bin, "serve", "--log-level", "error")
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			if err := cmd.Start(); err != nil {
				b.Fatal(err)
			}
			defer func() { cmd.Process.Kill(); cmd.Wait() }()
			c := lsptest.Connect(b, procConn{stdout, stdin})
			c.Initialize(lsptest.InitParams(lsptest.UTF16))
			u := lsptest.FileURI("/tmp/scopels-bench/server.go")
			c.Open(u, "go", text)
			c.Diagnostics(u, 1)
			rss, rssOK := residentMB(cmd.Process.Pid)
			off := strings.LastIndex(text, lsptest.MarkerFixed) + len(lsptest.MarkerFixed) - 2
			r := lsptest.RangeOf(b, text[:off+2], text[off:off+2], strings.Count(text[:off+2], text[off:off+2])-1, lsptest.UTF16)
			ds := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				v := int32(i + 2)
				repl := "yl"
				if i%2 == 1 {
					repl = "ly"
				}
				start := time.Now()
				c.Change(u, v, lsptest.Edit(r, repl))
				c.Diagnostics(u, v)
				ds = append(ds, time.Since(start))
			}
			b.StopTimer()
			b.ReportMetric(medianMS(ds), "median-ms")
			if rssOK {
				b.ReportMetric(rss, "rss-open-MB")
			}
		})
	}
}

// residentMB reads a process's resident set size from /proc.
func residentMB(pid int) (float64, bool) {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			var kb float64
			if _, err := fmt.Sscanf(strings.TrimSpace(v), "%f kB", &kb); err == nil {
				return kb / 1024, true
			}
		}
	}
	return 0, false
}

func TestServeListen(t *testing.T) {
	bin := buildScopels(t)
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killOnCleanup(t, cmd)
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), "scopels: listening on "); ok {
				addr <- a
			}
		}
	}()
	var a string
	select {
	case a = <-addr:
	case <-time.After(lsptest.Wait):
		t.Fatal("no listening address printed")
	}
	// Two sessions, one after the other, on the same server.
	for i := range 2 {
		nc, err := net.Dial("tcp", a)
		if err != nil {
			t.Fatal(err)
		}
		c := lsptest.Connect(t, nc)
		c.Initialize(lsptest.InitParams(lsptest.UTF8))
		u := lsptest.FileURI(filepath.Join(t.TempDir(), "main.go"))
		c.Open(u, "go", serveGoSource)
		if got := lsptest.ByCode(c.Diagnostics(u, 1).Diagnostics, "unknown-scope"); len(got) != 1 {
			t.Errorf("session %d: diagnostics %+v", i, got)
		}
		ctx, cancel := c.Context()
		c.Server.Shutdown(ctx)
		c.Server.Exit(ctx)
		cancel()
		nc.Close()
	}
	cmd.Process.Signal(os.Interrupt)
	if code := exitCode(t, cmd); code != 0 {
		t.Errorf("exit code %d after an interrupt, want 0", code)
	}
}
