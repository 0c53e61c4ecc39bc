package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/project"
)

// stdinKey stands for standard input among the files of a run.
const stdinKey = "\x00stdin"

// runCheck implements `scopels check`.
func runCheck(io stdio, args []string) int {
	opts, paths, code, ok := parseCheckArgs(io, args)
	if !ok {
		return code
	}
	if opts.listChecks {
		writeCheckList(io.stdout, checks.All())
		return 0
	}
	c := newChecker(io, opts, project.NewLoader(repoRoots(checkedPaths(paths, opts))...))
	return c.run(paths)
}

// checker is one run of check.
type checker struct {
	io        stdio
	opts      checkOptions
	analyzers []*analysis.Analyzer
	configs   *projectConfigs
	cwd       string
	// roots are the folders named on the command line.
	roots []walkRoot
	// tty is true when stderr is a terminal: progress and summary lines
	// are shown only then.
	tty bool
	// beforeRename is a test hook run before a fixed file replaces the
	// original (see writeFileAtomic).
	beforeRename func(tmp string) error

	filesDone atomic.Int64
	found     atomic.Int64

	mu       sync.Mutex
	results  map[string]*fileResult // by absolute path (stdinKey for stdin)
	notes    []pathMessage
	failures []pathMessage
}

// pathMessage is a note or error about one path, for stderr.
type pathMessage struct {
	path, msg string
}

// claim is one way a file was reached: the command-line path it came
// from and the path shown for it.
type claim struct {
	index   int
	display string
}

// fileResult is what checking one file produced.
type fileResult struct {
	claims   []claim
	checked  bool      // analyzed (not skipped)
	findings []finding // of the file as it is now (after --fix)
	// failing counts the findings at or above --fail-on before any fix
	// was written (the exit status of --dry-run).
	failing int
	fixed   int    // fixes applied (written, or shown with --dry-run)
	hunks   string // --dry-run: the diff without its headers
}

// display returns the path shown for the result: the one reached from the
// earliest command-line path.
func (r *fileResult) display() string {
	best := r.claims[0]
	for _, c := range r.claims[1:] {
		if c.index < best.index || (c.index == best.index && c.display < best.display) {
			best = c
		}
	}
	return best.display
}

// checkedPaths returns the command-line paths with "-" replaced by the
// name given to standard input.
func checkedPaths(paths []string, opts checkOptions) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		if p == "-" {
			p = opts.stdinFilename
		}
		out[i] = p
	}
	return out
}

// newChecker prepares a run that finds project configurations with src.
func newChecker(io stdio, opts checkOptions, src configSource) *checker {
	cwd, _ := os.Getwd()
	return &checker{
		io:        io,
		opts:      opts,
		analyzers: checks.All(),
		configs:   newProjectConfigs(src),
		cwd:       cwd,
		tty:       stderrIsTerminal(io.stderr),
		results:   map[string]*fileResult{},
	}
}

// stderrIsTerminal reports whether w is a terminal that can take a
// progress line.
func stderrIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f) && os.Getenv("TERM") != "dumb"
}

func (c *checker) note(path, msg string) {
	c.mu.Lock()
	c.notes = append(c.notes, pathMessage{path, msg})
	c.mu.Unlock()
}

func (c *checker) fail(path string, err error) {
	msg := err.Error()
	var pe *os.PathError
	if errors.As(err, &pe) {
		msg = pe.Err.Error()
	}
	c.mu.Lock()
	c.failures = append(c.failures, pathMessage{path, msg})
	c.mu.Unlock()
}

// run checks paths and writes the report; it returns the exit status.
func (c *checker) run(paths []string) int {
	start := time.Now()
	stopProgress := c.startProgress(start)

	items := make(chan walkItem, 256)
	var roots []walkRoot
	var explicit []walkItem
	for i, p := range paths {
		if p == "-" {
			continue
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			c.fail(p, err)
			continue
		}
		info, err := os.Stat(abs)
		if err != nil {
			c.fail(p, err)
			continue
		}
		switch {
		case info.IsDir():
			roots = append(roots, walkRoot{abs: abs, display: p, index: i})
		case !info.Mode().IsRegular():
			// A pipe or device could block or never end; "-" is the
			// way to check a stream.
			c.note(filepath.Clean(p), "skipped: not a regular file")
		default:
			explicit = append(explicit, walkItem{abs: abs, display: filepath.Clean(p), index: i, explicit: true})
		}
	}

	var workers sync.WaitGroup
	for range c.opts.jobs {
		workers.Add(1)
		go func() {
			defer workers.Done()
			for it := range items {
				c.checkItem(it)
			}
		}()
	}
	for i, p := range paths {
		if p == "-" {
			c.checkStdin(i)
		}
	}
	for _, it := range explicit {
		items <- it
	}
	walk(roots, walkOptions{
		noIgnore: c.opts.noIgnore,
		jobs:     c.opts.jobs,
		ignored:  c.configs.Ignored,
		fail:     c.fail,
	}, items)
	close(items)
	workers.Wait()
	c.roots = roots
	stopProgress()

	return c.report(time.Since(start))
}

// checkStdin checks standard input as the file --stdin-filename names.
func (c *checker) checkStdin(index int) {
	name := filepath.Clean(c.opts.stdinFilename)
	src, err := readAtMost(c.io.stdin, 64<<10, c.opts.maxFileSize)
	if err != nil {
		c.fail("-", err)
		return
	}
	if int64(len(src)) > c.opts.maxFileSize {
		c.note(name, fmt.Sprintf("skipped: standard input is over --max-file-size (%s)", formatSize(c.opts.maxFileSize)))
		return
	}
	abs, err := filepath.Abs(name)
	if err != nil {
		c.fail(name, err)
		return
	}
	r := &fileResult{claims: []claim{{index, name}}}
	c.mu.Lock()
	c.results[stdinKey] = r
	c.mu.Unlock()
	c.analyze(r, abs, name, src, nil, true)
}

// checkItem reads, analyzes and, with --fix, fixes one file.
func (c *checker) checkItem(it walkItem) {
	c.mu.Lock()
	if r, ok := c.results[it.abs]; ok {
		// Reached again through another command-line path.
		r.claims = append(r.claims, claim{it.index, it.display})
		c.mu.Unlock()
		return
	}
	r := &fileResult{claims: []claim{{it.index, it.display}}}
	c.results[it.abs] = r
	c.mu.Unlock()

	f, err := os.Open(it.abs)
	if err != nil {
		c.fail(it.display, err)
		return
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		c.fail(it.display, err)
		return
	}
	src, err := readAtMost(f, info.Size(), c.opts.maxFileSize)
	f.Close()
	if err != nil {
		c.fail(it.display, err)
		return
	}
	if int64(len(src)) > c.opts.maxFileSize {
		c.note(it.display, tooLargeNote(info.Size(), c.opts.maxFileSize))
		return
	}
	c.analyze(r, it.abs, it.display, src, info, it.explicit)
}

// analyze runs the checks on src, the text of the file at abs, and with
// --fix applies and writes (or diffs) the preferred fixes. info is the
// file's state when it was read, nil for standard input.
func (c *checker) analyze(r *fileResult, abs, display string, src []byte, info os.FileInfo, explicit bool) {
	if analysis.IsBinary(src) {
		if explicit {
			c.note(display, "skipped: binary file")
		}
		return
	}
	cfg := c.configs.For(abs)
	if filepath.Base(abs) == project.FileName {
		// A project file is checked by the project file parser (its
		// problems are "config" findings); its scope names and
		// descriptions are declarations, not requests.
		c.filesDone.Add(1)
		c.mu.Lock()
		r.checked = true
		c.mu.Unlock()
		return
	}
	format := extract.FormatOf(abs)
	if format == extract.FormatUnknown {
		// Only named files get here: read them as text (URLs only).
		format = extract.FormatText
	}
	file := &analysis.File{Path: abs, Src: src, Format: format}
	res := analysis.Analyze(file, c.analyzers, cfg)
	failing := c.countFailing(res.Diagnostics)
	c.filesDone.Add(1)

	final := res
	finalSrc := src
	fixed := 0
	hunks := ""
	if c.opts.fix {
		out, err := fixSource(file, res, c.analyzers, cfg)
		if err != nil {
			c.fail(display, err)
		} else if !bytes.Equal(out.src, src) {
			if c.opts.dryRun {
				hunks = diffHunks(src, out.src)
				fixed = out.applied
			} else if err := writeFileAtomic(abs, out.src, info, c.beforeRename); err != nil {
				c.fail(display, fmt.Errorf("writing fixes: %w", err))
			} else {
				final, finalSrc, fixed = out.result, out.src, out.applied
			}
		}
	}
	c.found.Add(int64(len(final.Diagnostics)))

	lines := final.Lines
	if lines == nil {
		lines = analysis.NewLineIndex(finalSrc)
	}
	findings := make([]finding, 0, len(final.Diagnostics))
	for _, d := range final.Diagnostics {
		findings = append(findings, newFinding(d, finalSrc, lines))
	}
	sortFindings(findings)

	c.mu.Lock()
	r.checked = true
	r.findings = findings
	r.failing = failing
	r.fixed = fixed
	r.hunks = hunks
	c.mu.Unlock()
}

// countFailing counts the diagnostics at or above --fail-on.
func (c *checker) countFailing(diags []analysis.Diagnostic) int {
	n := 0
	for _, d := range diags {
		if c.fails(d.Severity) {
			n++
		}
	}
	return n
}

// fails reports whether a finding of severity s fails the run.
func (c *checker) fails(s analysis.Severity) bool {
	return c.opts.failOn != failNever && s >= analysis.SeverityError && s <= c.opts.failOn
}

// sortFindings orders findings by position, then code and message.
func sortFindings(fs []finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i].diag, fs[j].diag
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		if a.Span.End != b.Span.End {
			return a.Span.End < b.Span.End
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Message < b.Message
	})
}

// comparePaths orders paths folder by folder, so that a folder's files
// stay together ("a/b" before "a-b"): byte order with the separator below
// every other byte, which is the order of the paths' elements compared one
// by one. It allocates nothing; check sorts every file it read.
func comparePaths(a, b string) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		ca, cb := pathOrderByte(a[i]), pathOrderByte(b[i])
		if ca != cb {
			return int(ca) - int(cb)
		}
	}
	return len(a) - len(b)
}

// pathOrderByte maps a byte of a path to its rank in comparePaths: a
// separator sorts first.
func pathOrderByte(c byte) int {
	if c == '/' || c == filepath.Separator {
		return -1
	}
	return int(c)
}

// report prints the results and returns the exit status.
func (c *checker) report(elapsed time.Duration) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	exit := 0
	if len(c.failures) > 0 {
		exit = 2
	}

	type shown struct {
		path string
		r    *fileResult
	}
	var all []shown
	nfiles := 0
	for _, r := range c.results {
		if r.checked {
			nfiles++
			all = append(all, shown{r.display(), r})
		}
	}
	sort.Slice(all, func(i, j int) bool { return comparePaths(all[i].path, all[j].path) < 0 })

	files := make([]fileFindings, 0, len(all))
	for _, s := range all {
		if len(s.r.findings) > 0 {
			files = append(files, fileFindings{path: s.path, findings: s.r.findings})
		}
	}
	if cfgFiles, broken := c.configFindings(); len(cfgFiles) > 0 {
		if broken {
			exit = 2
		}
		files = append(files, cfgFiles...)
		sort.SliceStable(files, func(i, j int) bool { return comparePaths(files[i].path, files[j].path) < 0 })
	}

	// Notes and errors first, so they stay above the findings on a terminal.
	sortMessages(c.notes)
	for _, n := range c.notes {
		fmt.Fprintf(c.io.stderr, "scopels: %s: %s\n", n.path, n.msg)
	}
	sortMessages(c.failures)
	for _, f := range c.failures {
		fmt.Fprintf(c.io.stderr, "scopels: %s: %s\n", f.path, f.msg)
	}

	failing := 0
	var err error
	if c.opts.fix && c.opts.dryRun {
		var out strings.Builder
		fixed, nf := 0, 0
		for _, s := range all {
			failing += s.r.failing
			if s.r.hunks != "" {
				fmt.Fprintf(&out, "--- a/%s\n+++ b/%s\n%s", s.path, s.path, s.r.hunks)
				fixed += s.r.fixed
				nf++
			}
		}
		_, err = io.WriteString(c.io.stdout, out.String())
		fmt.Fprintf(c.io.stderr, "scopels: would fix %s in %s\n", plural(fixed, "finding"), plural(nf, "file"))
	} else {
		if c.opts.fix {
			fixed, nf := 0, 0
			for _, s := range all {
				if s.r.fixed > 0 {
					fmt.Fprintf(c.io.stderr, "scopels: %s: fixed %s\n", s.path, plural(s.r.fixed, "finding"))
					fixed += s.r.fixed
					nf++
				}
			}
			fmt.Fprintf(c.io.stderr, "scopels: fixed %s in %s\n", plural(fixed, "finding"), plural(nf, "file"))
		}
		for _, f := range files {
			for _, x := range f.findings {
				if c.fails(x.diag.Severity) {
					failing++
				}
			}
		}
		switch c.opts.format {
		case "json":
			err = writeCheckJSON(c.io.stdout, nfiles, files)
		case "sarif":
			err = writeSARIF(c.io.stdout, c.sarifRules(), files, exit != 2)
		default:
			err = writeText(c.io.stdout, files)
		}
	}
	if err != nil {
		fmt.Fprintf(c.io.stderr, "scopels: writing output: %v\n", err)
		return 2
	}
	if c.tty {
		fmt.Fprintln(c.io.stderr, summaryLine(nfiles, files, elapsed))
	}
	if exit == 0 && failing > 0 {
		exit = 1
	}
	return exit
}

func sortMessages(ms []pathMessage) {
	sort.Slice(ms, func(i, j int) bool {
		if d := comparePaths(ms[i].path, ms[j].path); d != 0 {
			return d < 0
		}
		return ms[i].msg < ms[j].msg
	})
}

// plural writes "1 file", "2 files".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// displayPath returns how to show a path found outside the walk (a
// project file): under a command-line folder it is joined to that
// folder's path as given; otherwise it is relative to the working folder,
// or absolute when that fails.
func (c *checker) displayPath(abs string) string {
	for _, r := range c.roots {
		if rel, ok := relSlash(r.abs, abs); ok {
			return filepath.Join(r.display, filepath.FromSlash(rel))
		}
	}
	if c.cwd != "" {
		if rel, err := filepath.Rel(c.cwd, abs); err == nil {
			return rel
		}
	}
	return abs
}
