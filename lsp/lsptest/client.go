// Package lsptest drives the scopels language server from tests: an LSP
// client over an in-process pipe (or any connection, such as a subprocess's
// stdio) that records what the server sends and answers the server's
// requests (applyEdit, registerCapability, configuration).
package lsptest

import (
	"context"
	"fmt"
	"io"
	"net"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/lsp"
)

// Wait bounds every wait for a message from the server, so a broken server
// fails a test instead of hanging it. It is a guard, not a measurement.
const Wait = 20 * time.Second

// Client is a test LSP client.
type Client struct {
	protocol.UnimplementedClient

	t    testing.TB
	ctx  context.Context
	conn jsonrpc2.Conn
	// Server dispatches typed requests and notifications to the server.
	Server protocol.Server
	// Raw is the client's end of the transport, for writing malformed
	// bytes.
	Raw io.ReadWriteCloser

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced whenever something arrives
	diags    map[uri.URI][]*protocol.PublishDiagnosticsParams
	edits    []*protocol.ApplyWorkspaceEditParams
	regs     []protocol.Registration
	messages []string

	// OnApplyEdit answers workspace/applyEdit; nil applies nothing and
	// reports success.
	OnApplyEdit func(*protocol.ApplyWorkspaceEditParams) *protocol.ApplyWorkspaceEditResult
	// OnConfiguration answers workspace/configuration; nil answers nulls.
	OnConfiguration func(*protocol.ConfigurationParams) []protocol.LSPAny

	exit chan int // the in-process server's exit code
}

// Start runs a server in-process over net.Pipe and connects a client to
// it. The session is torn down when the test ends.
func Start(t testing.TB, opts lsp.Options) *Client {
	t.Helper()
	a, b := net.Pipe()
	exit := make(chan int, 1)
	if opts.Logger == nil {
		opts.Logger = TestLogger(t)
	}
	go func() { exit <- lsp.Serve(context.Background(), a, opts) }()
	c := Connect(t, b)
	c.exit = exit
	t.Cleanup(func() {
		b.Close()
		select {
		case <-exit:
		case <-time.After(Wait):
			t.Errorf("server did not stop within %v after the connection closed", Wait)
		}
	})
	return c
}

// Connect starts a client over rwc; it is closed when the test ends.
func Connect(t testing.TB, rwc io.ReadWriteCloser) *Client {
	c := newClient(t, rwc)
	t.Cleanup(c.Close)
	return c
}

// Close closes the client's connection.
func (c *Client) Close() { c.conn.Close() }

func newClient(t testing.TB, rwc io.ReadWriteCloser) *Client {
	c := &Client{
		t:       t,
		ctx:     context.Background(),
		Raw:     rwc,
		changed: make(chan struct{}),
		diags:   make(map[uri.URI][]*protocol.PublishDiagnosticsParams),
	}
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(rwc), jsonrpc2.WithCodec(codec{}))
	c.conn.Go(c.ctx, protocol.ClientHandler(c, jsonrpc2.MethodNotFoundHandler))
	c.Server = protocol.ServerDispatcher(c.conn)
	return c
}

// ExitCode waits for the in-process server to end and returns its exit
// code.
func (c *Client) ExitCode() int {
	c.t.Helper()
	select {
	case code := <-c.exit:
		c.exit <- code
		return code
	case <-time.After(Wait):
		c.t.Fatalf("server did not exit within %v", Wait)
		return -1
	}
}

// Call sends a raw request and decodes its result into result.
func (c *Client) Call(method string, params, result any) error {
	ctx, cancel := context.WithTimeout(c.ctx, Wait)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

// Notify sends a raw notification.
func (c *Client) Notify(method string, params any) error {
	return c.conn.Notify(c.ctx, method, params)
}

// Context returns a context bounded by Wait for a request.
func (c *Client) Context() (context.Context, context.CancelFunc) {
	return context.WithTimeout(c.ctx, Wait)
}

func (c *Client) signal() {
	close(c.changed)
	c.changed = make(chan struct{})
}

// PublishDiagnostics records a push.
func (c *Client) PublishDiagnostics(ctx context.Context, params *protocol.PublishDiagnosticsParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	p := params
	c.diags[p.URI] = append(c.diags[p.URI], p)
	c.signal()
	return nil
}

// ApplyEdit records (and answers) workspace/applyEdit.
func (c *Client) ApplyEdit(ctx context.Context, params *protocol.ApplyWorkspaceEditParams) (*protocol.ApplyWorkspaceEditResult, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.edits = append(c.edits, params)
	c.signal()
	if c.OnApplyEdit != nil {
		return c.OnApplyEdit(params), nil
	}
	return &protocol.ApplyWorkspaceEditResult{Applied: true}, nil
}

// Configuration answers workspace/configuration.
func (c *Client) Configuration(ctx context.Context, params *protocol.ConfigurationParams) ([]protocol.LSPAny, error) {
	if c.OnConfiguration != nil {
		return c.OnConfiguration(params), nil
	}
	out := make([]protocol.LSPAny, len(params.Items))
	for i := range out {
		out[i] = protocol.LSPAny("null")
	}
	return out, nil
}

// RegisterCapability records a registration.
func (c *Client) RegisterCapability(ctx context.Context, params *protocol.RegistrationParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.regs = append(c.regs, params.Registrations...)
	c.signal()
	return nil
}

// LogMessage records a log message.
func (c *Client) LogMessage(ctx context.Context, params *protocol.LogMessageParams) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.messages = append(c.messages, params.Message)
	return nil
}

// ShowMessage records a message.
func (c *Client) ShowMessage(ctx context.Context, params *protocol.ShowMessageParams) error {
	return c.LogMessage(ctx, &protocol.LogMessageParams{Type: params.Type, Message: params.Message})
}

// WorkspaceFolders answers with no folders.
func (c *Client) WorkspaceFolders(ctx context.Context) ([]protocol.WorkspaceFolder, error) {
	return nil, nil
}

// WorkDoneProgressCreate accepts progress tokens.
func (c *Client) WorkDoneProgressCreate(ctx context.Context, params *protocol.WorkDoneProgressCreateParams) error {
	return nil
}

// Progress ignores progress.
func (c *Client) Progress(ctx context.Context, params *protocol.ProgressParams) error { return nil }

// waitFor blocks until cond (run under the lock) is true.
func (c *Client) waitFor(what string, cond func() bool) {
	c.t.Helper()
	deadline := time.After(Wait)
	for {
		c.mu.Lock()
		ok := cond()
		ch := c.changed
		c.mu.Unlock()
		if ok {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			c.t.Fatalf("timed out after %v waiting for %s", Wait, what)
		}
	}
}

// Diagnostics waits for a push for u at version and returns it.
func (c *Client) Diagnostics(u uri.URI, version int32) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	var got *protocol.PublishDiagnosticsParams
	c.waitFor(fmt.Sprintf("diagnostics of %s version %d", u, version), func() bool {
		ps := c.diags[u]
		for i := len(ps) - 1; i >= 0; i-- {
			if v, ok := ps[i].Version.Get(); ok && v == version {
				got = ps[i]
				return true
			}
		}
		return false
	})
	return got
}

// NthDiagnostics waits for the n-th push (1-based) for u and
// returns it (for files that are not open, such as a project file).
func (c *Client) NthDiagnostics(u uri.URI, n int) *protocol.PublishDiagnosticsParams {
	c.t.Helper()
	var got *protocol.PublishDiagnosticsParams
	c.waitFor(fmt.Sprintf("push #%d of diagnostics for %s", n, u), func() bool {
		if len(c.diags[u]) >= n {
			got = c.diags[u][n-1]
			return true
		}
		return false
	})
	return got
}

// Pushes returns every push received for u so far.
func (c *Client) Pushes(u uri.URI) []*protocol.PublishDiagnosticsParams {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]*protocol.PublishDiagnosticsParams(nil), c.diags[u]...)
}

// Edits waits for n applyEdit requests and returns them.
func (c *Client) Edits(n int) []*protocol.ApplyWorkspaceEditParams {
	c.t.Helper()
	var got []*protocol.ApplyWorkspaceEditParams
	c.waitFor(fmt.Sprintf("%d applyEdit requests", n), func() bool {
		got = append([]*protocol.ApplyWorkspaceEditParams(nil), c.edits...)
		return len(got) >= n
	})
	return got
}

// Registrations waits for n registrations and returns them.
func (c *Client) Registrations(n int) []protocol.Registration {
	c.t.Helper()
	var got []protocol.Registration
	c.waitFor(fmt.Sprintf("%d registrations", n), func() bool {
		got = append([]protocol.Registration(nil), c.regs...)
		return len(got) >= n
	})
	return got
}

// codec marshals with the protocol package's union-aware codec.
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}
