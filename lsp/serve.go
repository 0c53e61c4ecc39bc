package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/catalog"
)

// Serve runs one LSP session over rwc (stdio, a TCP connection, a pipe)
// until the client sends exit, the transport closes or ctx is canceled. It
// returns the exit code the LSP specification prescribes: 0 when a
// shutdown request came before the end, 1 otherwise.
//
// Notifications are handled one at a time in the order they arrive, so
// document changes are never reordered; requests run concurrently once
// read, each on the document snapshot current when it arrived.
func Serve(ctx context.Context, rwc io.ReadWriteCloser, opts Options) int {
	s := newServer(opts)
	// Load the catalog while the client starts up, so the first check
	// does not wait for it.
	go func() {
		defer s.recoverLog("catalog load")
		catalog.Default()
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.ctx = ctx

	st := newStream(rwc, s.log, newTracer(opts.Trace))
	s.conn = jsonrpc2.NewConn(st, jsonrpc2.WithCodec(codec{}))
	s.client = protocol.ClientDispatcher(s.conn)
	s.conn.Go(ctx, s.handler())

	select {
	case <-s.conn.Done():
		if err := s.conn.Err(); err != nil {
			s.log.Warn("connection ended", "err", err)
		} else {
			s.log.Info("connection closed by the client")
		}
	case <-s.exited:
	case <-ctx.Done():
	}
	// Cancel everything in flight (calls waiting for the client included),
	// then close the transport so the read loop ends.
	cancel()
	if err := st.Close(); err != nil {
		s.log.Debug("closing the transport", "err", err)
	}
	select {
	case <-s.conn.Done():
	case <-time.After(5 * time.Second):
		s.log.Warn("connection did not drain within 5s")
	}
	s.wg.Wait()
	return s.exitCode()
}

// handler wraps the protocol dispatcher with what the stock wiring lacks:
// lifecycle checks, in-order notifications and concurrent requests, panic
// recovery, and notifications that never fail the connection.
func (s *Server) handler() jsonrpc2.Handler {
	plain := protocol.ServerHandler(s, jsonrpc2.MethodNotFoundHandler)
	dispatch := protocol.CancelHandler(plain)
	return func(ctx context.Context, req *jsonrpc2.Request) (any, error) {
		method := strings.Clone(req.Method())
		if !req.IsCall() {
			s.notification(ctx, dispatch, req, method)
			return nil, nil // an error here would close the connection
		}
		if err := s.admitCall(method); err != nil {
			return nil, err
		}
		// initialize and shutdown change the lifecycle state the following
		// messages are judged by, so they finish before the next is read.
		// They bypass the cancel handler: it derives a context.WithCancel
		// from the request context, whose watcher goroutine can outlive a
		// synchronous request, and jsonrpc2 recycles that context (it is
		// pooled) as soon as the handler returns. Released requests are not
		// recycled, so the others are safe.
		if method == protocol.MethodInitialize || method == protocol.MethodShutdown {
			return s.call(ctx, plain, req, method)
		}
		jsonrpc2.Async(ctx)
		return s.call(ctx, dispatch, req, method)
	}
}

// notification handles one notification inline, logging failures.
func (s *Server) notification(ctx context.Context, dispatch jsonrpc2.Handler, req *jsonrpc2.Request, method string) {
	defer func() {
		if r := recover(); r != nil {
			s.recoverValue(strings.TrimSpace(method+" "+documentOf(req)), r)
		}
	}()
	if !s.admitNotification(method) {
		s.log.Debug("dropping notification", "method", method)
		return
	}
	start := time.Now()
	if _, err := dispatch(ctx, req); err != nil {
		if errors.Is(err, jsonrpc2.ErrMethodNotFound) {
			s.log.Debug("ignoring unknown notification", "method", method)
			return
		}
		s.log.Warn("notification failed", "method", method, "err", err)
		return
	}
	s.log.Debug("handled", "method", method, "took", time.Since(start))
}

// call handles one request and turns every failure into a JSON-RPC error.
func (s *Server) call(ctx context.Context, dispatch jsonrpc2.Handler, req *jsonrpc2.Request, method string) (result any, err error) {
	defer func() {
		if r := recover(); r != nil {
			s.log.Error("panic in request handler", "method", method, "document", documentOf(req), "panic", r, "stack", string(debug.Stack()))
			result, err = nil, jsonrpc2.Errorf(jsonrpc2.InternalError, "scopels: internal error in %s: %v", method, r)
		}
	}()
	start := time.Now()
	result, err = dispatch(ctx, req)
	s.log.Debug("handled", "method", method, "took", time.Since(start), "err", err)
	return result, wireError(method, err)
}

// wireError gives every error a JSON-RPC code: parameters that do not
// decode are invalid params, uncoded failures are internal errors.
func wireError(method string, err error) error {
	if err == nil {
		return nil
	}
	var we *jsonrpc2.Error
	if errors.Is(err, jsonrpc2.ErrParse) {
		return jsonrpc2.Errorf(jsonrpc2.InvalidParams, "%s: invalid params: %v", method, err)
	}
	if errors.As(err, &we) {
		return err
	}
	if errors.Is(err, context.Canceled) {
		return protocol.ErrRequestCancelled
	}
	return jsonrpc2.Errorf(jsonrpc2.InternalError, "%s: %v", method, err)
}

// admitCall checks a request against the lifecycle.
func (s *Server) admitCall(method string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch s.state {
	case stateNew:
		if method != protocol.MethodInitialize {
			return jsonrpc2.Errorf(jsonrpc2.ServerNotInitialized, "scopels: %s before initialize", method)
		}
	case stateInitialized:
		if method == protocol.MethodInitialize {
			return jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "scopels: initialize sent twice")
		}
	case stateShutdown:
		return jsonrpc2.Errorf(jsonrpc2.InvalidRequest, "scopels: %s after shutdown", method)
	}
	return nil
}

// admitNotification reports whether a notification is processed: exit
// always, the rest only between initialize and shutdown.
func (s *Server) admitNotification(method string) bool {
	if method == protocol.MethodExit {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.state == stateInitialized
}

// documentOf returns the document a message is about (its
// params.textDocument.uri), "" when it names none: a panic's log names
// the file that caused it.
func documentOf(req *jsonrpc2.Request) string {
	if req == nil {
		return ""
	}
	var p struct {
		TextDocument struct {
			URI string `json:"uri"`
		} `json:"textDocument"`
	}
	if json.Unmarshal(req.Params(), &p) != nil {
		return ""
	}
	return p.TextDocument.URI
}

// recoverLog recovers a panic and logs it with its stack. It must be
// deferred directly.
func (s *Server) recoverLog(what string) {
	if r := recover(); r != nil {
		s.recoverValue(what, r)
	}
}

// recoverValue logs a recovered panic value with the stack of the
// panicking goroutine (call it from the deferred function).
func (s *Server) recoverValue(what string, r any) {
	s.log.Error("panic recovered", "in", what, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
}
