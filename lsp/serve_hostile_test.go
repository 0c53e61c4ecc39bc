package lsp

import (
	"bytes"
	"context"
	"log/slog"
	"net"
	"strings"
	"sync"
	"testing"

	"go.lsp.dev/jsonrpc2"
)

// syncBuffer is a bytes.Buffer safe for the logger's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *syncBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *syncBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// TestPanicNamesTheDocument checks that a panic in a request or
// notification handler is logged with the document the message was about,
// and that the request still gets an error answer.
func TestPanicNamesTheDocument(t *testing.T) {
	var logs syncBuffer
	s := newServer(Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	s.state = stateInitialized
	boom := func(context.Context, *jsonrpc2.Request) (any, error) { panic("handler exploded") }

	a, b := net.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv := jsonrpc2.NewConn(jsonrpc2.NewStream(a))
	srv.Go(ctx, func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		if !req.IsCall() {
			s.notification(ctx, boom, req, req.Method())
			return nil, nil
		}
		return s.call(ctx, boom, req, req.Method())
	})
	cli := jsonrpc2.NewConn(jsonrpc2.NewStream(b))
	cli.Go(ctx, jsonrpc2.MethodNotFoundHandler)
	defer cli.Close()
	defer srv.Close()

	type doc struct {
		URI string `json:"uri"`
	}
	type params struct {
		TextDocument doc `json:"textDocument"`
	}
	if err := cli.Notify(ctx, "textDocument/didChange", params{doc{"file:///ws/note.go"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := cli.Call(ctx, "textDocument/hover", params{doc{"file:///ws/call.go"}}, nil); err == nil {
		t.Error("no error answer after a panic")
	}
	if _, err := cli.Call(ctx, "workspace/executeCommand", map[string]string{"command": "x"}, nil); err == nil {
		t.Error("no error answer after a panic")
	}
	log := logs.String()
	for _, want := range []string{"file:///ws/call.go", "file:///ws/note.go"} {
		if !strings.Contains(log, want) {
			t.Errorf("the panic log does not name %s:\n%s", want, log)
		}
	}
	if n := strings.Count(log, "handler exploded"); n != 3 {
		t.Errorf("%d panics logged, want 3:\n%s", n, log)
	}
}
