package lsptest

import (
	"errors"
	"slices"
	"testing"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/lsp"
)

func TestInitializeAdvertisesWhatIsImplemented(t *testing.T) {
	for _, tc := range []struct {
		name    string
		caps    func() protocol.ClientCapabilities
		wantEnc protocol.PositionEncodingKind
		opts    string // initializationOptions
		pull    bool   // textDocument/diagnostic advertised
	}{
		{"utf-8 offered", func() protocol.ClientCapabilities { return Caps(UTF8) }, UTF8, "", false},
		{"utf-16 only", func() protocol.ClientCapabilities { return Caps(UTF16) }, UTF16, "", false},
		{"no encodings listed", func() protocol.ClientCapabilities { return protocol.ClientCapabilities{} }, UTF16, "", false},
		{"utf-32 and utf-8 offered", func() protocol.ClientCapabilities {
			c := Caps(UTF16)
			c.General.PositionEncodings = []protocol.PositionEncodingKind{protocol.PositionEncodingKindUTF32, UTF8}
			return c
		}, UTF8, "", false},
		{"pull diagnostics turned on", func() protocol.ClientCapabilities { return Caps(UTF16) }, UTF16, `{"pullDiagnostics":true}`, true},
		{"pull turned on, client cannot pull", func() protocol.ClientCapabilities { return protocol.ClientCapabilities{} }, UTF16, `{"pullDiagnostics":true}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := Start(t, lsp.Options{})
			p := &protocol.InitializeParams{Capabilities: tc.caps()}
			if tc.opts != "" {
				p.InitializationOptions = protocol.LSPAny(tc.opts)
			}
			res := c.Initialize(p)
			caps := res.Capabilities
			if caps.PositionEncoding != tc.wantEnc {
				t.Errorf("positionEncoding = %q, want %q", caps.PositionEncoding, tc.wantEnc)
			}
			sync, ok := caps.TextDocumentSync.(*protocol.TextDocumentSyncOptions)
			if !ok || sync.Change == nil || *sync.Change != protocol.TextDocumentSyncKindIncremental || sync.OpenClose == nil || !*sync.OpenClose {
				t.Errorf("textDocumentSync = %#v, want incremental with open/close", caps.TextDocumentSync)
			}
			if caps.CompletionProvider == nil {
				t.Fatal("no completion provider")
			}
			for _, ch := range []string{`"`, `'`, " ", ",", ":", ".", "/"} {
				if !slices.Contains(caps.CompletionProvider.TriggerCharacters, ch) {
					t.Errorf("trigger character %q missing from %q", ch, caps.CompletionProvider.TriggerCharacters)
				}
			}
			if caps.HoverProvider == nil {
				t.Error("no hover provider")
			}
			if !slices.Equal(caps.ExecuteCommandProvider.Commands, []string{"scopels.allowScope", "scopels.grantScope"}) {
				t.Errorf("commands = %q", caps.ExecuteCommandProvider.Commands)
			}
			if got := caps.DiagnosticProvider != nil; got != tc.pull {
				t.Errorf("diagnosticProvider advertised = %v, want %v", got, tc.pull)
			}
			// Nothing that is not implemented.
			if caps.DefinitionProvider != nil || caps.RenameProvider != nil || caps.DocumentFormattingProvider != nil || caps.SemanticTokensProvider != nil {
				t.Error("advertises features scopels does not implement")
			}
			if res.ServerInfo.Name != "scopels" {
				t.Errorf("serverInfo.name = %q", res.ServerInfo.Name)
			}
		})
	}
}

func TestCodeActionKindsNeedLiteralSupport(t *testing.T) {
	c := Start(t, lsp.Options{})
	res := c.Initialize(InitParams(UTF16))
	opts, ok := res.Capabilities.CodeActionProvider.(*protocol.CodeActionOptions)
	if !ok {
		t.Fatalf("codeActionProvider = %#v, want options", res.Capabilities.CodeActionProvider)
	}
	want := []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, "source.fixAll.scopels"}
	if !slices.Equal(opts.CodeActionKinds, want) {
		t.Errorf("codeActionKinds = %q, want %q", opts.CodeActionKinds, want)
	}

	c2 := Start(t, lsp.Options{})
	res2 := c2.Initialize(&protocol.InitializeParams{})
	if b, ok := res2.Capabilities.CodeActionProvider.(protocol.Boolean); !ok || !bool(b) {
		t.Errorf("without literal support codeActionProvider = %#v, want true", res2.Capabilities.CodeActionProvider)
	}
}

// rpcCode returns the JSON-RPC error code of err, or 0.
func rpcCode(err error) jsonrpc2.Code {
	var we *jsonrpc2.Error
	if errors.As(err, &we) {
		return we.Code
	}
	return 0
}

func TestLifecycle(t *testing.T) {
	t.Run("request before initialize", func(t *testing.T) {
		c := Start(t, lsp.Options{})
		var h protocol.Hover
		err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///x.go"}, "position": map[string]any{"line": 0, "character": 0}}, &h)
		if rpcCode(err) != jsonrpc2.ServerNotInitialized {
			t.Errorf("hover before initialize: err = %v, want code %d", err, jsonrpc2.ServerNotInitialized)
		}
		// The session still initializes afterwards.
		c.Initialize(InitParams(UTF16))
	})
	t.Run("initialize twice", func(t *testing.T) {
		c := Start(t, lsp.Options{})
		c.Initialize(InitParams(UTF16))
		ctx, cancel := c.Context()
		defer cancel()
		_, err := c.Server.Initialize(ctx, InitParams(UTF16))
		if rpcCode(err) != jsonrpc2.InvalidRequest {
			t.Errorf("second initialize: err = %v, want code %d", err, jsonrpc2.InvalidRequest)
		}
	})
	t.Run("shutdown then exit", func(t *testing.T) {
		c := Start(t, lsp.Options{})
		c.Initialize(InitParams(UTF16))
		ctx, cancel := c.Context()
		defer cancel()
		if err := c.Server.Shutdown(ctx); err != nil {
			t.Fatalf("shutdown: %v", err)
		}
		var h *protocol.Hover
		err := c.Call("textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": "file:///x.go"}, "position": map[string]any{"line": 0, "character": 0}}, &h)
		if rpcCode(err) != jsonrpc2.InvalidRequest {
			t.Errorf("request after shutdown: err = %v, want code %d", err, jsonrpc2.InvalidRequest)
		}
		if err := c.Server.Exit(ctx); err != nil {
			t.Fatalf("exit: %v", err)
		}
		if code := c.ExitCode(); code != 0 {
			t.Errorf("exit code = %d, want 0", code)
		}
	})
	t.Run("exit without shutdown", func(t *testing.T) {
		c := Start(t, lsp.Options{})
		c.Initialize(InitParams(UTF16))
		ctx, cancel := c.Context()
		defer cancel()
		if err := c.Server.Exit(ctx); err != nil {
			t.Fatalf("exit: %v", err)
		}
		if code := c.ExitCode(); code != 1 {
			t.Errorf("exit code = %d, want 1", code)
		}
	})
	t.Run("connection closed without exit", func(t *testing.T) {
		c := Start(t, lsp.Options{})
		c.Initialize(InitParams(UTF16))
		c.Raw.Close()
		if code := c.ExitCode(); code != 1 {
			t.Errorf("exit code = %d, want 1", code)
		}
	})
}
