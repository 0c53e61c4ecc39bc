package analysistest

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/project"
)

// wantName is the name of the section holding the expected diagnostics.
const wantName = "want"

// goldenSuffix ends the name of a section holding a file's expected
// content after fixing.
const goldenSuffix = ".golden"

// Archive is one parsed test case.
type Archive struct {
	// Path is the file the archive was read from.
	Path string
	// Checks are the codes named by the "checks:" directive, nil when
	// there is none (every analyzer runs).
	Checks []string
	// Format is the format named by the "format:" directive, "" when
	// there is none (each file's format follows from its name).
	Format extract.Format
	// Files are the input files, project files included, in archive order.
	Files []File
	// Want are the expected diagnostics, in archive order.
	Want []Want
	// Golden maps an input file's name to its expected content after
	// fixing; files without a golden section are absent.
	Golden map[string][]byte

	comment  []byte
	sections []section
	// wantHeader holds the comment and blank lines at the top of the want
	// section, kept by an update.
	wantHeader []byte
}

// File is one input file of an archive.
type File struct {
	// Name is the file's path relative to the archive's root, with
	// forward slashes.
	Name string
	Data []byte
}

// IsProject reports whether f is a project file (.scopels.yaml): written
// to the test's folder to configure the others, never analyzed itself.
func (f File) IsProject() bool { return path.Base(f.Name) == project.FileName }

// Want is one expected diagnostic.
type Want struct {
	// Path is the name of the input file.
	Path string
	// Line and Col are the 1-based line and byte column of the
	// diagnostic's start.
	Line, Col int
	Code      string
	// Severity is the expected severity; 0 accepts any.
	Severity analysis.Severity
	// Message must occur in the diagnostic's message when HasMessage.
	Message    string
	HasMessage bool
	// Source is the line of the archive on which the entry stands.
	Source int
	// Text is the entry as written.
	Text string
}

// String formats w as an entry of a want section.
func (w Want) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: ", w.Path, w.Line, w.Col)
	if w.Severity != 0 {
		b.WriteString(w.Severity.String() + " ")
	}
	b.WriteString(w.Code)
	if w.HasMessage {
		b.WriteString(" " + strconv.Quote(w.Message))
	}
	return b.String()
}

// accepts reports whether a diagnostic at the given place matches w.
func (w *Want) accepts(name string, line, col int, d *analysis.Diagnostic) bool {
	return w.Path == name && w.Line == line && w.Col == col && w.Code == d.Code &&
		(w.Severity == 0 || w.Severity == d.Severity) &&
		(!w.HasMessage || strings.Contains(d.Message, w.Message))
}

// LoadArchive reads and parses the archive at path.
func LoadArchive(path string) (*Archive, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading archive: %w", err)
	}
	return ParseArchive(path, data)
}

// ParseArchive parses an archive read from path (used in messages only).
func ParseArchive(path string, data []byte) (*Archive, error) {
	a := &Archive{Path: path, Golden: map[string][]byte{}}
	a.comment, a.sections = parseTxtar(data)
	if err := a.parseDirectives(); err != nil {
		return nil, err
	}
	// The archive line on which each section's content starts.
	lineOf := map[string]int{}
	line := 1 + bytes.Count(a.comment, []byte("\n"))
	for _, s := range a.sections {
		line++ // the marker
		lineOf[s.Name] = line
		line += bytes.Count(s.Data, []byte("\n"))
	}

	seen := map[string]bool{}
	var want *section
	for i := range a.sections {
		s := &a.sections[i]
		if seen[s.Name] {
			return nil, fmt.Errorf("%s: section %q appears twice", path, s.Name)
		}
		seen[s.Name] = true
		switch {
		case s.Name == wantName:
			want = s
		case strings.HasSuffix(s.Name, goldenSuffix):
			a.Golden[strings.TrimSuffix(s.Name, goldenSuffix)] = s.Data
		default:
			if err := checkName(s.Name); err != nil {
				return nil, fmt.Errorf("%s: %w", path, err)
			}
			a.Files = append(a.Files, File{Name: s.Name, Data: s.Data})
		}
	}
	if len(a.Inputs()) == 0 {
		return nil, fmt.Errorf("%s: no input file to analyze", path)
	}
	for name := range a.Golden {
		f := a.file(name)
		switch {
		case f == nil:
			return nil, fmt.Errorf("%s: golden section %q has no input file %q", path, name+goldenSuffix, name)
		case f.IsProject():
			return nil, fmt.Errorf("%s: golden section %q: project files are not analyzed", path, name+goldenSuffix)
		}
	}
	if want != nil {
		if err := a.parseWant(want.Data, lineOf[wantName]); err != nil {
			return nil, err
		}
	}
	return a, nil
}

// Inputs returns the files that are analyzed: every input file but the
// project files.
func (a *Archive) Inputs() []File {
	var in []File
	for _, f := range a.Files {
		if !f.IsProject() {
			in = append(in, f)
		}
	}
	return in
}

func (a *Archive) file(name string) *File {
	for i := range a.Files {
		if a.Files[i].Name == name {
			return &a.Files[i]
		}
	}
	return nil
}

// WriteFiles writes every input file, project files included, under dir.
func (a *Archive) WriteFiles(dir string) error {
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("writing %s: %w", f.Name, err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", f.Name, err)
		}
	}
	return nil
}

// ConfigFor loads the configuration that applies to the file at path: the
// project files found from its folder up to root, parsed and merged. It
// returns nil when there is none, and an error listing every problem of a
// broken project file.
func ConfigFor(path, root string) (*project.Config, error) {
	paths := project.Find(path, root)
	if len(paths) == 0 {
		return nil, nil
	}
	var files []*project.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("reading project file: %w", err)
		}
		f, errs := project.Parse(p, data)
		if len(errs) > 0 {
			msgs := make([]string, len(errs))
			for i, e := range errs {
				msgs[i] = e.Error()
			}
			return nil, fmt.Errorf("project file %s is broken:\n\t%s", p, strings.Join(msgs, "\n\t"))
		}
		files = append(files, f)
	}
	return project.Build(files), nil
}

// checkName rejects input file names that would land outside the test's
// folder or that the runner reserves.
func checkName(name string) error {
	if name != path.Clean(name) || strings.HasPrefix(name, "/") || strings.Contains(name, `\`) ||
		!filepath.IsLocal(filepath.FromSlash(name)) {
		return fmt.Errorf("file name %q must be a clean relative path with forward slashes", name)
	}
	return nil
}

// directiveRE matches a directive line of the comment: a lower-case word,
// a colon, then a space or the end of the line.
var directiveRE = regexp.MustCompile(`^([a-z]+):(?:[ \t]+(.*))?$`)

// formats are the values the "format:" directive accepts.
var formats = []extract.Format{
	extract.FormatGo, extract.FormatJavaScript, extract.FormatPython, extract.FormatJava,
	extract.FormatKotlin, extract.FormatCSharp, extract.FormatRuby, extract.FormatPHP,
	extract.FormatRust, extract.FormatSwift, extract.FormatYAML, extract.FormatJSON,
	extract.FormatTOML, extract.FormatEnv, extract.FormatProperties, extract.FormatHCL,
	extract.FormatXML, extract.FormatShell, extract.FormatMarkdown, extract.FormatText,
}

func (a *Archive) parseDirectives() error {
	seen := map[string]bool{}
	for i, line := range strings.Split(string(a.comment), "\n") {
		m := directiveRE.FindStringSubmatch(strings.TrimRight(line, " \t\r"))
		if m == nil {
			continue
		}
		key, value := m[1], strings.TrimSpace(m[2])
		where := fmt.Sprintf("%s:%d", a.Path, i+1)
		if seen[key] {
			return fmt.Errorf("%s: directive %q given twice", where, key)
		}
		seen[key] = true
		switch key {
		case "checks":
			a.Checks = strings.Fields(value)
			if len(a.Checks) == 0 {
				return fmt.Errorf("%s: \"checks:\" names no check", where)
			}
		case "format":
			f := extract.Format(value)
			if !slices.Contains(formats, f) {
				return fmt.Errorf("%s: unknown format %q", where, value)
			}
			a.Format = f
		default:
			return fmt.Errorf("%s: unknown directive %q (known: checks, format; write prose with a capital letter)", where, key)
		}
	}
	return nil
}

// wantRE matches an entry of the want section.
var wantRE = regexp.MustCompile(`^(.+?):(\d+):(\d+): (?:(error|warning|info|hint) )?([a-z0-9][a-z0-9-]*)(?: (".*"))?$`)

// parseWant parses the want section, whose content starts on archive line
// first.
func (a *Archive) parseWant(data []byte, first int) error {
	header := true
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, " \t\r")
		if line == "" || strings.HasPrefix(line, "#") {
			if header && i < bytes.Count(data, []byte("\n")) {
				a.wantHeader = append(a.wantHeader, line+"\n"...)
			}
			continue
		}
		header = false
		where := fmt.Sprintf("%s:%d", a.Path, first+i)
		m := wantRE.FindStringSubmatch(line)
		if m == nil {
			return fmt.Errorf("%s: want entry %q is not path:line:col: [severity] code [\"message\"]", where, line)
		}
		w := Want{Path: m[1], Code: m[5], Source: first + i, Text: line}
		var err1, err2 error
		w.Line, err1 = strconv.Atoi(m[2])
		w.Col, err2 = strconv.Atoi(m[3])
		if err1 != nil || err2 != nil || w.Line < 1 || w.Col < 1 {
			return fmt.Errorf("%s: line and column must be positive numbers in %q", where, line)
		}
		if m[4] != "" {
			w.Severity, _ = analysis.ParseSeverity(m[4])
		}
		if m[6] != "" {
			msg, err := strconv.Unquote(m[6])
			if err != nil {
				return fmt.Errorf("%s: message %s is not a Go string literal: %w", where, m[6], err)
			}
			w.Message, w.HasMessage = msg, true
		}
		switch f := a.file(w.Path); {
		case f == nil:
			return fmt.Errorf("%s: want entry names %q, which is not an input file", where, w.Path)
		case f.IsProject():
			return fmt.Errorf("%s: want entry names project file %q, which is not analyzed", where, w.Path)
		}
		a.Want = append(a.Want, w)
	}
	return nil
}

// update returns the archive's text with the want section replaced by
// entries and each golden section replaced by its content in golden.
// Sections keep their order; a missing want section is added after the
// last input file when there are entries.
func (a *Archive) update(entries []string, golden map[string][]byte) []byte {
	var want []byte
	want = append(want, a.wantHeader...)
	for _, e := range entries {
		want = append(want, e+"\n"...)
	}
	sections := slices.Clone(a.sections)
	hasWant := false
	lastInput := -1
	for i := range sections {
		s := &sections[i]
		switch {
		case s.Name == wantName:
			hasWant = true
			s.Data = want
		case strings.HasSuffix(s.Name, goldenSuffix):
			if g, ok := golden[strings.TrimSuffix(s.Name, goldenSuffix)]; ok {
				s.Data = g
			}
		default:
			lastInput = i
		}
	}
	if !hasWant && len(entries) > 0 {
		sections = slices.Insert(sections, lastInput+1, section{Name: wantName, Data: want})
	}
	return formatTxtar(a.comment, sections)
}
