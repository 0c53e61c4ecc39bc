package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// configSource finds the effective project configuration of a file or
// folder (project.Loader).
type configSource interface {
	For(path string) (*project.Config, []*project.Error)
}

// projectConfigs hands out project configurations to the workers of one
// check run, cached per folder, and remembers every problem of the
// project files met on the way.
type projectConfigs struct {
	src configSource

	mu     sync.Mutex
	byDir  map[string]*project.Config
	seen   map[string]bool             // problems already recorded
	broken map[string][]*project.Error // by project file path
}

func newProjectConfigs(src configSource) *projectConfigs {
	return &projectConfigs{
		src:    src,
		byDir:  map[string]*project.Config{},
		seen:   map[string]bool{},
		broken: map[string][]*project.Error{},
	}
}

// repoRoots returns the repository roots (folders with a .git) of paths,
// without repeats: the project files that apply to a file are looked for
// up to its repository root, or up to the file system root outside one.
func repoRoots(paths []string) []string {
	var roots []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
			abs = filepath.Dir(abs)
		}
		if r := findRepoRoot(abs); r != "" && !slices.Contains(roots, r) {
			roots = append(roots, r)
		}
	}
	return roots
}

// forDir returns the configuration of the files in folder dir (nil
// without a project file) and records the problems it comes with.
func (p *projectConfigs) forDir(dir string) *project.Config {
	p.mu.Lock()
	cfg, ok := p.byDir[dir]
	p.mu.Unlock()
	if ok {
		return cfg
	}
	cfg, errs := p.src.For(dir)
	p.mu.Lock()
	defer p.mu.Unlock()
	p.byDir[dir] = cfg
	for _, e := range errs {
		key := fmt.Sprintf("%s\x00%d\x00%d\x00%s", e.Path, e.Pos.Line, e.Pos.Column, e.Msg)
		if !p.seen[key] {
			p.seen[key] = true
			p.broken[e.Path] = append(p.broken[e.Path], e)
		}
	}
	return cfg
}

// For returns the configuration for the file at abs (nil without a
// project file).
func (p *projectConfigs) For(abs string) *project.Config {
	return p.forDir(filepath.Dir(abs))
}

// Ignored reports whether the project files that apply to the file or
// folder at abs exclude it: those of its parent folder.
func (p *projectConfigs) Ignored(abs string) bool {
	cfg := p.forDir(filepath.Dir(abs))
	return cfg != nil && cfg.Ignored(abs)
}

// Broken returns the project files with problems, sorted, and their
// problems.
func (p *projectConfigs) Broken() (paths []string, errs map[string][]*project.Error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for path := range p.broken {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	return paths, p.broken
}

// configCode is the code of findings about a broken project file.
const configCode = "config"

// configFindings turns the problems of project files into findings of
// code "config", one fileFindings per project file. broken is true when
// one of them is an error rather than a warning.
func (c *checker) configFindings() (files []fileFindings, broken bool) {
	paths, errs := c.configs.Broken()
	for _, p := range paths {
		src, _ := os.ReadFile(p) // without the text, positions clamp to 1:1
		lines := analysis.NewLineIndex(src)
		var fs []finding
		for _, e := range errs[p] {
			start := 0
			if e.Pos.IsValid() {
				start = clampOffset(e.Pos.Offset, len(src))
			}
			end := start
			if e.EndPos.IsValid() {
				end = max(clampOffset(e.EndPos.Offset, len(src)), start)
			}
			sev := analysis.SeverityError
			if e.Warning {
				sev = analysis.SeverityWarning
			} else {
				broken = true
			}
			d := analysis.Diagnostic{
				Span:     analysis.Span{Start: start, End: end},
				Code:     configCode,
				Severity: sev,
				Message:  e.Msg,
			}
			fs = append(fs, newFinding(d, src, lines))
		}
		sortFindings(fs)
		files = append(files, fileFindings{path: c.displayPath(p), findings: fs})
	}
	return files, broken
}
