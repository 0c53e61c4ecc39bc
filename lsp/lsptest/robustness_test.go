package lsptest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/lsp"
)

// rawClient speaks LSP framing by hand, to send what a well-behaved client
// never would.
type rawClient struct {
	t    *testing.T
	conn net.Conn
	in   *bufio.Reader
	exit chan int
}

func startRaw(t *testing.T, opts lsp.Options) *rawClient {
	t.Helper()
	a, b := net.Pipe()
	if opts.Logger == nil {
		opts.Logger = TestLogger(t)
	}
	r := &rawClient{t: t, conn: b, in: bufio.NewReader(b), exit: make(chan int, 1)}
	go func() { r.exit <- lsp.Serve(context.Background(), a, opts) }()
	t.Cleanup(func() {
		b.Close()
		select {
		case <-r.exit:
		case <-time.After(Wait):
			t.Errorf("server did not stop")
		}
	})
	return r
}

// write sends bytes as they are.
func (r *rawClient) write(s string) {
	r.t.Helper()
	r.conn.SetWriteDeadline(time.Now().Add(Wait))
	if _, err := io.WriteString(r.conn, s); err != nil {
		r.t.Fatalf("write: %v", err)
	}
}

// send frames a body.
func (r *rawClient) send(body string) {
	r.t.Helper()
	r.write(fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(body), body))
}

// call sends a request with params (marshaled) and returns its response.
func (r *rawClient) call(id int, method string, params any) rawMessage {
	r.t.Helper()
	p, err := json.Marshal(params)
	if err != nil {
		r.t.Fatal(err)
	}
	r.send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":%q,"params":%s}`, id, method, p))
	return r.response(strconv.Itoa(id))
}

// notify sends a notification.
func (r *rawClient) notify(method string, params any) {
	r.t.Helper()
	p, err := json.Marshal(params)
	if err != nil {
		r.t.Fatal(err)
	}
	r.send(fmt.Sprintf(`{"jsonrpc":"2.0","method":%q,"params":%s}`, method, p))
}

type rawMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// read reads one frame.
func (r *rawClient) read() rawMessage {
	r.t.Helper()
	r.conn.SetReadDeadline(time.Now().Add(Wait))
	n := -1
	for {
		line, err := r.in.ReadString('\n')
		if err != nil {
			r.t.Fatalf("reading a header: %v", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
			n, _ = strconv.Atoi(v)
		}
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r.in, body); err != nil {
		r.t.Fatalf("reading a body: %v", err)
	}
	var m rawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		r.t.Fatalf("server sent invalid JSON %q: %v", body, err)
	}
	return m
}

// response reads until the response with the given id (JSON text, such
// as "3" or "null"), skipping notifications.
func (r *rawClient) response(id string) rawMessage {
	r.t.Helper()
	for {
		m := r.read()
		if m.Method != "" {
			continue
		}
		got := string(m.ID)
		if got == "" {
			got = "null"
		}
		if got == id {
			return m
		}
		r.t.Fatalf("unexpected response id %s (waiting for %s)", got, id)
	}
}

// errCode is the response's error code, 0 for a success.
func (m rawMessage) errCode() int {
	if m.Error == nil {
		return 0
	}
	return m.Error.Code
}

func (r *rawClient) initialize() {
	r.t.Helper()
	m := r.call(1, "initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{}},
	}})
	if m.errCode() != 0 {
		r.t.Fatalf("initialize: %+v", m.Error)
	}
	r.notify("initialized", map[string]any{})
}

// alive checks that a request is still answered.
func (r *rawClient) alive(id int) {
	r.t.Helper()
	m := r.call(id, "textDocument/hover", map[string]any{
		"textDocument": map[string]any{"uri": "file:///nowhere/x.go"},
		"position":     map[string]any{"line": 0, "character": 0},
	})
	if m.errCode() != 0 {
		r.t.Fatalf("hover after the bad input: %+v", m.Error)
	}
}

func TestMalformedInput(t *testing.T) {
	r := startRaw(t, lsp.Options{})

	// Not JSON at all: a parse error with a null id.
	r.send(`{"jsonrpc":"2.0","id":`)
	if m := r.response("null"); m.errCode() != -32700 {
		t.Errorf("truncated JSON: error %+v, want -32700", m.Error)
	}
	r.initialize()
	r.alive(2)

	// Valid JSON, not a request: invalid request, with the id when it
	// can be read.
	r.send(`{"jsonrpc":"1.0","id":3,"method":"textDocument/hover"}`)
	if m := r.response("3"); m.errCode() != -32600 {
		t.Errorf("wrong version: error %+v, want -32600", m.Error)
	}
	r.send(`[{"jsonrpc":"2.0","id":4,"method":"shutdown"}]`)
	if m := r.response("null"); m.errCode() == 0 {
		t.Error("a batch was accepted")
	}
	r.send(`"just a string"`)
	if m := r.response("null"); m.errCode() != -32600 {
		t.Errorf("a string: error %+v, want -32600", m.Error)
	}
	r.alive(5)

	// Broken headers are skipped; the next frame is served.
	r.write("this is not a header\r\n\r\n")
	r.write("Content-Length: many\r\n\r\n")
	r.write("X-Nothing: 1\r\n\r\n")
	r.write("Content-Length: " + strings.Repeat("9", 5000) + "\r\n\r\n")
	r.alive(6)

	// Unknown methods.
	if m := r.call(7, "scopels/doesNotExist", map[string]any{}); m.errCode() != -32601 {
		t.Errorf("unknown method: error %+v, want -32601", m.Error)
	}
	r.notify("scopels/unknownNotification", []int{1, 2})
	r.notify("$/cancelRequest", map[string]any{"id": map[string]any{"no": "pe"}})
	r.alive(8)

	// Wrong parameter types.
	if m := r.call(9, "textDocument/hover", map[string]any{"textDocument": 5, "position": "x"}); m.errCode() != -32602 {
		t.Errorf("hover with wrong params: error %+v, want -32602", m.Error)
	}
	if m := r.call(10, "textDocument/completion", []string{"no"}); m.errCode() != -32602 {
		t.Errorf("completion with an array: error %+v, want -32602", m.Error)
	}
	r.notify("textDocument/didChange", map[string]any{"textDocument": "x", "contentChanges": 5})
	r.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": 7}})
	r.alive(11)

	// Edits with out-of-range positions are clamped, never fatal.
	u := "file:///tmp/scopels-robust/main.go"
	r.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "go", "version": 1, "text": goSource}})
	r.notify("textDocument/didChange", map[string]any{
		"textDocument": map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{
			map[string]any{"range": map[string]any{"start": map[string]any{"line": 900, "character": 0}, "end": map[string]any{"line": 1000, "character": 4}}, "text": "// tail\n"},
			map[string]any{"range": map[string]any{"start": map[string]any{"line": 0, "character": 4000}, "end": map[string]any{"line": 0, "character": 2}}, "text": "x"},
		},
	})
	m := r.call(12, "textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": u}})
	if m.errCode() != 0 {
		t.Fatalf("diagnostic after out-of-range edits: %+v", m.Error)
	}
	r.alive(13)

	// A proper end.
	if m := r.call(14, "shutdown", nil); m.errCode() != 0 {
		t.Fatalf("shutdown: %+v", m.Error)
	}
	r.notify("exit", nil)
	select {
	case code := <-r.exit:
		r.exit <- code
		if code != 0 {
			t.Errorf("exit code %d, want 0", code)
		}
	case <-time.After(Wait):
		t.Fatal("no exit")
	}
}

func TestHugeDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB document")
	}
	r := startRaw(t, lsp.Options{})
	r.initialize()
	var b strings.Builder
	line := `x = "https://www.googleapis.com/auth/drive.readonyl" # 🎉 padding padding padding` + "\n"
	for b.Len() < 50<<20 {
		b.WriteString(line)
	}
	u := "file:///tmp/scopels-robust/huge.py"
	r.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": u, "languageId": "python", "version": 1, "text": b.String()}})
	m := r.call(2, "textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": u}})
	if m.errCode() != 0 {
		t.Fatalf("diagnostic: %+v", m.Error)
	}
	var rep protocol.FullDocumentDiagnosticReport
	if err := protocol.Unmarshal(m.Result, &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Items) != 1 || rep.Items[0].Severity != protocol.DiagnosticSeverityInformation {
		t.Fatalf("want one info diagnostic saying the file was skipped, got %s", m.Result)
	}
	// An edit at the end of the huge document, then more requests.
	r.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": u, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": map[string]any{"line": 1 << 30, "character": 0}, "end": map[string]any{"line": 1 << 30, "character": 0}}, "text": "y = 1\n"}},
	})
	if m := r.call(3, "textDocument/completion", map[string]any{"textDocument": map[string]any{"uri": u}, "position": map[string]any{"line": 3, "character": 10}}); m.errCode() != 0 {
		t.Fatalf("completion: %+v", m.Error)
	}
	r.alive(4)
}

// panicky is a check that panics on every file with a scope set.
var panicky = &analysis.Analyzer{
	Code:     "test-panic",
	Title:    "panics",
	Severity: analysis.SeverityError,
	Run:      func(*analysis.Pass) { panic("check exploded") },
}

func TestPanickingCheck(t *testing.T) {
	c := Start(t, lsp.Options{Analyzers: []*analysis.Analyzer{panicky}})
	c.Initialize(InitParams(UTF16))
	u := uri.File("/tmp/scopels-robust/main.go")
	c.Open(u, "go", goSource)
	c.Diagnostics(u, 1)
	c.Change(u, 2, Full(goSource+"\n"))
	c.Diagnostics(u, 2)
	ctx, cancel := c.Context()
	defer cancel()
	if _, err := c.Server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: Position(goSource, strings.Index(goSource, typo), UTF16),
	}}); err != nil {
		t.Fatalf("hover after a panicking check: %v", err)
	}
}
