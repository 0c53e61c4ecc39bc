// Package lsp is scopels' language server: diagnostics while typing,
// completion inside scope strings, hover cards, quick fixes and the
// commands that edit the project file. It is the only package that imports
// go.lsp.dev; analysis results are mapped to the protocol in convert.go.
package lsp

import (
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
)

// Options configure a server.
type Options struct {
	// Logger receives the server's log; nil discards it.
	Logger *slog.Logger
	// Trace, when not nil, receives every JSON-RPC message exchanged.
	Trace io.Writer
	// Analyzers are the checks to run; nil means checks.All().
	Analyzers []*analysis.Analyzer
	// Version is reported in serverInfo.
	Version string
}

// lifecycle is where the server is in the LSP lifecycle.
type lifecycle int

const (
	stateNew         lifecycle = iota // before initialize
	stateInitialized                  // initialize answered
	stateShutdown                     // shutdown answered; only exit is accepted
)

// clientCaps are the client capabilities the server acts on.
type clientCaps struct {
	pullDiagnostics   bool
	watchDynamic      bool
	configuration     bool
	applyEdit         bool
	documentChanges   bool
	createFiles       bool
	hoverMarkdown     bool
	completionMD      bool
	completionTags    bool
	completionDepr    bool
	codeActionLiteral bool
}

func readCaps(c protocol.ClientCapabilities) clientCaps {
	var cc clientCaps
	if w := c.Workspace; w != nil {
		cc.watchDynamic = w.DidChangeWatchedFiles != nil && isTrue(w.DidChangeWatchedFiles.DynamicRegistration)
		cc.configuration = isTrue(w.Configuration)
		cc.applyEdit = isTrue(w.ApplyEdit)
		if we := w.WorkspaceEdit; we != nil {
			cc.documentChanges = isTrue(we.DocumentChanges)
			cc.createFiles = slices.Contains(we.ResourceOperations, protocol.ResourceOperationKindCreate)
		}
	}
	if td := c.TextDocument; td != nil {
		cc.pullDiagnostics = td.Diagnostic != nil
		if td.Hover != nil {
			cc.hoverMarkdown = len(td.Hover.ContentFormat) == 0 || slices.Contains(td.Hover.ContentFormat, protocol.MarkupKindMarkdown)
		}
		if td.Completion != nil && td.Completion.CompletionItem != nil {
			ci := td.Completion.CompletionItem
			cc.completionMD = slices.Contains(ci.DocumentationFormat, protocol.MarkupKindMarkdown)
			cc.completionTags = slices.Contains(ci.TagSupport.ValueSet, protocol.CompletionItemTagDeprecated)
			cc.completionDepr = isTrue(ci.DeprecatedSupport)
		}
		if td.CodeAction != nil {
			cc.codeActionLiteral = len(td.CodeAction.CodeActionLiteralSupport.CodeActionKind.ValueSet) > 0
		}
	}
	return cc
}

func isTrue(b *bool) bool { return b != nil && *b }

// Server is one language server session. Create it with Serve.
type Server struct {
	protocol.UnimplementedServer

	log       *slog.Logger
	analyzers []*analysis.Analyzer
	version   string

	conn   jsonrpc2.Conn
	client protocol.Client
	ctx    context.Context // the session's lifetime

	mu       sync.Mutex
	state    lifecycle
	shutdown bool // a shutdown request was answered
	exited   chan struct{}
	exitOnce sync.Once
	enc      encoding
	caps     clientCaps
	folders  []string // workspace folder paths, cleaned
	settings settings
	docs     map[uri.URI]*document

	projects *projects

	pubMu sync.Mutex     // makes check-then-publish atomic per session
	wg    sync.WaitGroup // diagnostics runs and client calls in flight
}

func newServer(opts Options) *Server {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	as := opts.Analyzers
	if as == nil {
		as = checks.All()
	}
	v := opts.Version
	if v == "" {
		v = "(devel)"
	}
	s := &Server{
		log:       log,
		analyzers: as,
		version:   v,
		exited:    make(chan struct{}),
		docs:      make(map[uri.URI]*document),
		settings:  defaultSettings(),
	}
	s.projects = newProjects(log)
	return s
}

// Commands the server executes (workspace/executeCommand).
const (
	cmdAllowScope = "scopels.allowScope"
	cmdGrantScope = "scopels.grantScope"
)

// codeActionKindFixAll fixes every problem of the document at once.
const codeActionKindFixAll protocol.CodeActionKind = "source.fixAll.scopels"

// triggerCharacters start completion: quotes open a scope string; space,
// comma and colon separate or follow scopes; dot and slash are inside
// scope names.
var triggerCharacters = []string{`"`, `'`, " ", ",", ":", ".", "/"}

// Initialize negotiates the session.
func (s *Server) Initialize(ctx context.Context, params *protocol.InitializeParams) (*protocol.InitializeResult, error) {
	set, err := parseSettings(params.InitializationOptions)
	if err != nil {
		s.log.Warn("ignoring malformed initializationOptions", "err", err)
		set = defaultSettings()
	}
	caps := readCaps(params.Capabilities)
	enc := negotiateEncoding(params.Capabilities)

	var folders []string
	if fs, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range fs {
			if p := uriPath(f.URI); p != "" {
				folders = append(folders, p)
			}
		}
	} else if params.RootURI != nil {
		if p := uriPath(*params.RootURI); p != "" {
			folders = append(folders, p)
		}
	} else if p, ok := params.RootPath.Get(); ok && p != "" {
		folders = append(folders, filepath.Clean(p))
	}

	s.mu.Lock()
	s.state = stateInitialized
	s.caps = caps
	s.enc = enc
	s.folders = folders
	s.settings = set
	s.mu.Unlock()
	s.projects.setSettings(set)
	s.log.Info("initialized", "client", params.ClientInfo.Name, "encoding", enc.kind(), "folders", folders)

	sync := protocol.TextDocumentSyncKindIncremental
	result := &protocol.InitializeResult{
		ServerInfo: protocol.ServerInfo{Name: "scopels", Version: protocol.NewOptional(s.version)},
		Capabilities: protocol.ServerCapabilities{
			PositionEncoding: enc.kind(),
			TextDocumentSync: &protocol.TextDocumentSyncOptions{
				OpenClose: ptr(true),
				Change:    &sync,
				Save:      &protocol.SaveOptions{IncludeText: ptr(false)},
			},
			CompletionProvider: &protocol.CompletionOptions{
				TriggerCharacters: triggerCharacters,
				ResolveProvider:   ptr(false),
			},
			HoverProvider:          protocol.Boolean(true),
			ExecuteCommandProvider: protocol.ExecuteCommandOptions{Commands: []string{cmdAllowScope, cmdGrantScope}},
			Workspace: &protocol.WorkspaceOptions{
				WorkspaceFolders: &protocol.WorkspaceFoldersServerCapabilities{
					Supported:           ptr(true),
					ChangeNotifications: protocol.Boolean(true),
				},
			},
		},
	}
	if caps.codeActionLiteral {
		result.Capabilities.CodeActionProvider = &protocol.CodeActionOptions{
			CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix, codeActionKindFixAll},
		}
	} else {
		result.Capabilities.CodeActionProvider = protocol.Boolean(true)
	}
	if caps.pullDiagnostics && set.pullDiagnostics() {
		result.Capabilities.DiagnosticProvider = &protocol.DiagnosticOptions{
			Identifier:            ptr(source),
			InterFileDependencies: false,
			WorkspaceDiagnostics:  false,
		}
	}
	return result, nil
}

// Initialized registers the project-file watcher when the client can take
// a dynamic registration.
func (s *Server) Initialized(ctx context.Context, params *protocol.InitializedParams) error {
	s.mu.Lock()
	dynamic := s.caps.watchDynamic
	s.mu.Unlock()
	if dynamic {
		// A call to the client from a notification handler would block the
		// read loop that must read its answer, so it goes on its own.
		s.goClient(func(ctx context.Context) {
			if err := s.registerWatcher(ctx); err != nil {
				s.log.Warn("could not register the project file watcher", "err", err)
			}
		})
	}
	return nil
}

// Shutdown answers the shutdown request; only exit is accepted afterwards.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.state = stateShutdown
	s.shutdown = true
	s.mu.Unlock()
	s.log.Info("shutdown requested")
	return nil
}

// Exit ends the session. Serve then returns 0 if shutdown came first, 1
// otherwise.
func (s *Server) Exit(ctx context.Context) error {
	s.log.Info("exit")
	s.exitOnce.Do(func() { close(s.exited) })
	return nil
}

// SetTrace accepts $/setTrace; the trace file is set on the command line.
func (s *Server) SetTrace(ctx context.Context, params *protocol.SetTraceParams) error {
	return nil
}

// DidChangeWorkspaceFolders updates the folders and re-checks.
func (s *Server) DidChangeWorkspaceFolders(ctx context.Context, params *protocol.DidChangeWorkspaceFoldersParams) error {
	s.mu.Lock()
	for _, f := range params.Event.Removed {
		p := uriPath(f.URI)
		s.folders = slices.DeleteFunc(s.folders, func(x string) bool { return x == p })
	}
	for _, f := range params.Event.Added {
		if p := uriPath(f.URI); p != "" && !slices.Contains(s.folders, p) {
			s.folders = append(s.folders, p)
		}
	}
	s.mu.Unlock()
	s.projects.invalidateAll()
	s.refreshAll()
	return nil
}

// exitCode is the process exit code once the session has ended.
func (s *Server) exitCode() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.shutdown {
		return 0
	}
	return 1
}

// rootFor returns the workspace folder holding path (the deepest one), or
// "" when it is in none.
func (s *Server) rootFor(path string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	best := ""
	for _, f := range s.folders {
		if within(path, f) && len(f) > len(best) {
			best = f
		}
	}
	return best
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// uriPath returns the file system path of a file URI, "" for other schemes.
func uriPath(u uri.URI) string {
	if u.Scheme() != "file" {
		return ""
	}
	p := u.FsPath()
	if p == "" {
		return ""
	}
	return filepath.Clean(p)
}

// goClient runs f, which talks to the client, on its own goroutine tied
// to the session.
func (s *Server) goClient(f func(ctx context.Context)) {
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		defer s.recoverLog("client call")
		f(s.ctx)
	}()
}

// encoding returns the negotiated position encoding.
func (s *Server) encoding() encoding {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.enc
}

// clientCaps returns the client's capabilities.
func (s *Server) clientCaps() clientCaps {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.caps
}

func ptr[T any](v T) *T { return &v }
