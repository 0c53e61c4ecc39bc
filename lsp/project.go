package lsp

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// projects finds, reads and caches project files. The text of a project
// file open in the editor (an overlay) wins over the file on disk. A file
// that stops parsing keeps its last good version in force; its problems
// are published as diagnostics on it.
type projects struct {
	log *slog.Logger

	mu       sync.Mutex
	overlays map[string][]byte
	files    map[string]*projectFile
	configs  map[string]*project.Config // by the joined paths of the files that apply
	found    map[string][]string        // find's answers by folder and root
	settings *project.File              // the editor settings, as an outermost file
	// pending are the files read since their problems were last published.
	pending map[string]bool
	// shown counts the problems last published per file.
	shown map[string]int
}

// projectFile is one project file as last read.
type projectFile struct {
	path   string
	data   []byte
	exists bool
	stale  bool // must be read again before use
	// good is the last version that parsed without errors; latest is the
	// newest parse (possibly partial).
	good   *project.File
	latest *project.File
	errs   []*project.Error
}

// effective returns the file's configuration in force: the last good
// version, else (never parsed cleanly) what could be read of it.
func (pf *projectFile) effective() *project.File {
	if !pf.exists {
		return nil
	}
	if pf.good != nil {
		return pf.good
	}
	return pf.latest
}

func newProjects(log *slog.Logger) *projects {
	return &projects{
		log:      log,
		overlays: make(map[string][]byte),
		files:    make(map[string]*projectFile),
		configs:  make(map[string]*project.Config),
		found:    make(map[string][]string),
		pending:  make(map[string]bool),
		shown:    make(map[string]int),
	}
}

// takePending returns the files whose problems may have changed and forgets
// them.
func (p *projects) takePending() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make([]string, 0, len(p.pending))
	for path := range p.pending {
		out = append(out, path)
	}
	clear(p.pending)
	slices.Sort(out)
	return out
}

// markAllPending marks every known file: a change to one file can change
// the merge problems reported in another.
func (p *projects) markAllPending() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for path := range p.files {
		p.pending[path] = true
	}
}

// shouldShow records n problems for path and reports whether they need
// publishing: always when there are some, and once more when they are gone.
func (p *projects) shouldShow(path string, n int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	prev := p.shown[path]
	p.shown[path] = n
	return n > 0 || prev > 0
}

// setSettings installs the editor settings that act as an outermost
// project file.
func (p *projects) setSettings(set settings) {
	var f *project.File
	if data := set.projectJSON(); data != nil {
		var errs []*project.Error
		f, errs = safeParse("(editor settings)", data)
		for _, e := range errs {
			p.log.Warn("editor settings", "problem", e.Msg, "line", e.Pos.Line, "column", e.Pos.Column)
		}
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settings = f
	clear(p.configs)
}

// forget drops the cached merges and searches (callers hold p.mu).
func (p *projects) forget() {
	clear(p.configs)
	clear(p.found)
}

// setOverlay records the editor's text of a project file.
func (p *projects) setOverlay(path string, data []byte) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.overlays[path] = data
	p.markStale(path)
}

// clearOverlay forgets the editor's text of a project file.
func (p *projects) clearOverlay(path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.overlays, path)
	p.markStale(path)
}

// invalidate makes the next use of path read it again.
func (p *projects) invalidate(path string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.markStale(path)
}

// invalidateAll makes every project file be read again.
func (p *projects) invalidateAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, pf := range p.files {
		pf.stale = true
	}
	p.forget()
}

func (p *projects) markStale(path string) {
	if pf := p.files[path]; pf != nil {
		pf.stale = true
	}
	p.forget()
}

// find returns the project files that apply to a document at path, outermost
// first: those in its folder and each folder above it, up to root (the
// whole way up when root is "").
//
// Answers are cached per folder until a project file changes (the watcher,
// or an open project file's edits, tell).
func (p *projects) find(path, root string) []string {
	key := filepath.Dir(path) + "\x00" + root
	if found, ok := p.found[key]; ok {
		return found
	}
	var found []string
	dir := filepath.Dir(path)
	for {
		cand := filepath.Join(dir, project.FileName)
		if p.existsLocked(cand) {
			found = append(found, cand)
		}
		if (root != "" && dir == root) || filepath.Dir(dir) == dir {
			break
		}
		if root != "" && !within(dir, root) {
			break
		}
		dir = filepath.Dir(dir)
	}
	slices.Reverse(found)
	p.found[key] = found
	return found
}

func (p *projects) existsLocked(path string) bool {
	if _, ok := p.overlays[path]; ok {
		return true
	}
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// configFor returns the configuration for a document at path in the
// workspace folder root ("" for none). An empty path gets the editor
// settings alone. nil means the defaults.
func (p *projects) configFor(path, root string) *project.Config {
	p.mu.Lock()
	defer p.mu.Unlock()
	var paths []string
	if path != "" {
		paths = p.find(path, root)
	}
	key := strings.Join(paths, "\x00")
	if c, ok := p.configs[key]; ok {
		return c
	}
	var files []*project.File
	if p.settings != nil {
		files = append(files, p.settings)
	}
	for _, fp := range paths {
		if f := p.loadLocked(fp).effective(); f != nil {
			files = append(files, f)
		}
	}
	var cfg *project.Config
	if len(files) > 0 {
		cfg = p.build(files)
	}
	p.configs[key] = cfg
	return cfg
}

// build merges files, recovering from a panic in the merge.
func (p *projects) build(files []*project.File) (cfg *project.Config) {
	defer func() {
		if r := recover(); r != nil {
			p.log.Error("panic while merging project files", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			cfg = nil
		}
	}()
	return project.Build(files)
}

// load returns the project file at path, reading it if needed.
func (p *projects) load(path string) *projectFile {
	p.mu.Lock()
	defer p.mu.Unlock()
	pf := p.loadLocked(path)
	// Hand out a copy so callers never race with a later reload.
	cp := *pf
	return &cp
}

func (p *projects) loadLocked(path string) *projectFile {
	pf := p.files[path]
	if pf != nil && !pf.stale {
		return pf
	}
	if pf == nil {
		pf = &projectFile{path: path}
		p.files[path] = pf
	}
	pf.stale = false
	p.pending[path] = true
	data, ok := p.overlays[path]
	if !ok {
		var err error
		data, err = project.ReadFile(path)
		if err != nil {
			pf.exists, pf.data, pf.errs, pf.latest = false, nil, nil, nil
			if !errors.Is(err, fs.ErrNotExist) {
				pf.exists = true
				pf.errs = []*project.Error{{Path: path, Pos: project.Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("cannot read the project file: %v", err)}}
			}
			return pf
		}
	}
	pf.exists, pf.data = true, data
	pf.latest, pf.errs = safeParse(path, data)
	if !broken(pf.errs) {
		pf.good = pf.latest
	} else {
		p.log.Info("project file has problems; keeping the last good version", "path", path, "problems", len(pf.errs), "have_good", pf.good != nil)
	}
	return pf
}

// broken reports whether errs hold a problem that stops a file from
// applying (anything but a warning).
func broken(errs []*project.Error) bool {
	for _, e := range errs {
		if !e.Warning {
			return true
		}
	}
	return false
}

// safeParse parses a project file, turning a panic into an error.
func safeParse(path string, data []byte) (f *project.File, errs []*project.Error) {
	defer func() {
		if r := recover(); r != nil {
			f = nil
			errs = []*project.Error{{Path: path, Pos: project.Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("internal error while reading the project file: %v", r)}}
		}
	}()
	return project.Parse(path, data)
}

// problems returns a project file's problems: its own (parse) and those
// the merge with the files outside it finds in it.
func (p *projects) problems(path, root string) (*projectFile, []*project.Error) {
	pf := p.load(path)
	if !pf.exists {
		return pf, nil
	}
	errs := append([]*project.Error(nil), pf.errs...)
	if cfg := p.configFor(path, root); cfg != nil {
		for _, e := range cfg.Errors {
			if e.Path == path {
				errs = append(errs, e)
			}
		}
	}
	return pf, errs
}

// projectDiagnostics converts a project file's problems.
func projectDiagnostics(pf *projectFile, errs []*project.Error, enc encoding) []protocol.Diagnostic {
	out := []protocol.Diagnostic{}
	if !pf.exists || len(errs) == 0 {
		return out
	}
	lines := analysis.NewLineIndex(pf.data)
	m := mapper{enc: enc, lines: lines}
	for _, e := range errs {
		sev := protocol.DiagnosticSeverityError
		if e.Warning {
			sev = protocol.DiagnosticSeverityWarning
		}
		out = append(out, protocol.Diagnostic{
			Range:    m.rangeOf(errorSpan(lines, e)),
			Severity: sev,
			Source:   protocol.NewOptional(source),
			Code:     protocol.String("project-file"),
			Message:  protocol.String(e.Msg),
		})
	}
	return out
}

// errorSpan returns the bytes a project file problem covers: from its
// position to its end position, or to the end of the line.
func errorSpan(lines *analysis.LineIndex, e *project.Error) analysis.Span {
	n := lines.Len()
	if !e.Pos.IsValid() {
		return analysis.Span{}
	}
	start := min(max(e.Pos.Offset, 0), n)
	end := start
	if e.EndPos.IsValid() {
		end = min(max(e.EndPos.Offset, 0), n)
	}
	if end <= start {
		end = lines.LineEnd(lines.Position(start).Line)
	}
	return analysis.Span{Start: start, End: max(end, start)}
}

// projectChanged re-reads a project file, publishes its problems and
// re-checks every open document.
func (s *Server) projectChanged(path string) {
	s.projects.invalidate(path)
	s.projects.markAllPending()
	s.publishProjectFile(path)
	s.refreshAll()
}

// publishPendingProjects publishes the problems of the project files read
// since the last time.
func (s *Server) publishPendingProjects() {
	for _, path := range s.projects.takePending() {
		s.publishProjectFile(path)
	}
}

// publishProjectFile publishes a project file's problems, unless it is open:
// then its document's diagnostics carry them.
func (s *Server) publishProjectFile(path string) {
	u := uri.File(path)
	if doc := s.document(u); doc != nil {
		return // refreshAll re-checks it
	}
	pf, errs := s.projects.problems(path, s.rootFor(path))
	diags := projectDiagnostics(pf, errs, s.encoding())
	s.pubMu.Lock()
	defer s.pubMu.Unlock()
	if s.document(u) != nil || !s.projects.shouldShow(path, len(diags)) {
		return
	}
	s.notify(protocol.MethodTextDocumentPublishDiagnostics, &protocol.PublishDiagnosticsParams{URI: u, Diagnostics: diags})
}

// refreshAll re-reads the configuration of every open document and
// re-checks it.
func (s *Server) refreshAll() {
	s.mu.Lock()
	docs := make([]*document, 0, len(s.docs))
	for _, d := range s.docs {
		docs = append(docs, d)
	}
	s.mu.Unlock()
	for _, d := range docs {
		cur := d.current()
		sn := s.newSnapshot(d, cur.version, cur.text)
		d.mu.Lock()
		swapped := d.snap == cur && !d.closed
		if swapped {
			d.snap = sn
		}
		d.mu.Unlock()
		if swapped {
			s.schedule(d)
		}
	}
	s.publishPendingProjects()
}

// projectWatchID identifies the file watcher registration.
const projectWatchID = "scopels-project-files"

// registerWatcher asks the client to report changes to project files.
func (s *Server) registerWatcher(ctx context.Context) error {
	opts, err := protocol.Marshal(&protocol.DidChangeWatchedFilesRegistrationOptions{
		Watchers: []protocol.FileSystemWatcher{{GlobPattern: protocol.Pattern("**/" + project.FileName)}},
	})
	if err != nil {
		return fmt.Errorf("encoding watcher options: %w", err)
	}
	return s.client.RegisterCapability(ctx, &protocol.RegistrationParams{Registrations: []protocol.Registration{{
		ID:              projectWatchID,
		Method:          protocol.MethodWorkspaceDidChangeWatchedFiles,
		RegisterOptions: opts,
	}}})
}

// DidChangeWatchedFiles re-reads changed project files.
func (s *Server) DidChangeWatchedFiles(ctx context.Context, params *protocol.DidChangeWatchedFilesParams) error {
	changed := false
	for _, c := range params.Changes {
		p := uriPath(c.URI)
		if !isProjectFile(p) {
			continue
		}
		changed = true
		s.projects.invalidate(p)
		s.publishProjectFile(p)
	}
	if changed {
		s.projects.markAllPending()
		s.refreshAll()
	}
	return nil
}

// projectLocator resolves Related entries that point into project files.
func (s *Server) projectLocator(enc encoding) locator {
	return func(r analysis.Related) (protocol.Location, bool) {
		pf := s.projects.load(r.Path)
		if !pf.exists {
			return protocol.Location{}, false
		}
		m := mapper{enc: enc, lines: analysis.NewLineIndex(pf.data)}
		span := r.Span
		if span.Start < 0 || span.End > len(pf.data) || span.Start > span.End {
			span = analysis.Span{}
		}
		return protocol.Location{URI: uri.File(r.Path), Range: m.rangeOf(span)}, true
	}
}
