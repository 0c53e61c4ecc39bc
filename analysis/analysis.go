// Package analysis is the engine shared by the CLI and the language server:
// it extracts the scope strings of a file, infers their provider, runs the
// checks and returns diagnostics with fixes. It knows nothing of LSP.
//
// Its shape follows golang.org/x/tools/go/analysis: an Analyzer is one
// check; Run gives each a Pass over one file; a check reports Diagnostics,
// each with alternative Fixes made of non-overlapping Edits.
package analysis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// Span is a half-open range of byte offsets into a file's text.
type Span = extract.Span

// Literal is one string value found in a file.
type Literal = extract.Literal

// Severity ranks diagnostics.
type Severity int

// Severities, most severe first (the order matches LSP's numbering).
const (
	SeverityError Severity = iota + 1
	SeverityWarning
	SeverityInfo
	SeverityHint
)

// String returns the lower-case name used in output and configuration.
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	case SeverityInfo:
		return "info"
	case SeverityHint:
		return "hint"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity parses "error", "warning", "info" or "hint". It reports
// false for anything else (including "off", which callers treat apart).
func ParseSeverity(s string) (Severity, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error":
		return SeverityError, true
	case "warning", "warn":
		return SeverityWarning, true
	case "info", "information":
		return SeverityInfo, true
	case "hint":
		return SeverityHint, true
	}
	return 0, false
}

// Tag is extra presentation information for a diagnostic.
type Tag int

// Tags, as LSP defines them.
const (
	TagUnnecessary Tag = 1 // e.g. a redundant or duplicate scope: shown faded
	TagDeprecated  Tag = 2 // shown struck through
)

// Edit replaces the bytes of Span with NewText.
type Edit struct {
	Span    Span
	NewText string
}

// Fix is one way to resolve a diagnostic.
type Fix struct {
	Title     string
	Edits     []Edit
	Preferred bool
}

// Related points at another place that explains a diagnostic (the first
// occurrence of a duplicate, say). Path is empty for the same file, whose
// place is then Span; in another file (the project file line that grants a
// client) the place is Line and Column, 1-based, in bytes.
type Related struct {
	Path    string
	Span    Span
	Line    int
	Column  int
	Message string
}

// Diagnostic is one finding.
type Diagnostic struct {
	Span     Span
	Code     string
	Severity Severity
	Message  string
	// Provider is the provider's Name, "" when unknown.
	Provider string
	// Scope is the scope token the diagnostic is about, as written.
	Scope   string
	Fixes   []Fix
	Tags    []Tag
	Related []Related
}

// PreferredFix returns the preferred fix, or nil.
func (d *Diagnostic) PreferredFix() *Fix {
	for i := range d.Fixes {
		if d.Fixes[i].Preferred {
			return &d.Fixes[i]
		}
	}
	return nil
}

// Analyzer is one check.
type Analyzer struct {
	// Code is the stable kebab-case identifier (unknown-scope, ...).
	Code string
	// Title is a one-line summary.
	Title string
	// Doc is the longer documentation (what, why, before/after).
	Doc string
	// Severity is the default severity.
	Severity Severity
	// Run reports the check's findings through pass.Report.
	Run func(pass *Pass)
}

// File is a file to analyze.
type File struct {
	// Path is the file's path; it picks the format and is matched against
	// the project file's globs.
	Path string
	Src  []byte
	// Format overrides the format picked from Path when not empty.
	Format extract.Format
}

// Pass is what an Analyzer sees of one file.
type Pass struct {
	Analyzer *Analyzer
	File     *File
	Catalog  *catalog.Catalog
	// Config is the project configuration; nil without a project file.
	Config *project.Config
	// Sets are the scope requests found in the file, in source order.
	Sets []*ScopeSet
	// Report records a diagnostic; Code and Severity are filled in from
	// the Analyzer when left empty.
	Report func(Diagnostic)
}

// Reportf reports a diagnostic with a formatted message.
func (p *Pass) Reportf(span Span, format string, args ...any) {
	p.Report(Diagnostic{Span: span, Message: fmt.Sprintf(format, args...)})
}

// binarySniffLen is how much of a text IsBinary searches for a NUL byte.
const binarySniffLen = 8 << 10

// IsBinary reports whether src looks like binary data rather than text:
// it has a NUL byte in its first 8 KiB (as git and grep tell). Neither
// scopels check nor the language server analyzes such files.
func IsBinary(src []byte) bool {
	return bytes.IndexByte(src[:min(len(src), binarySniffLen)], 0) >= 0
}
