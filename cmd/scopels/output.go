package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/scopels/scopels/analysis"
)

// finding is one diagnostic with its positions worked out, so that the
// file's text need not be kept once it has been analyzed.
type finding struct {
	diag analysis.Diagnostic
	// line, col, endLine, endCol are 1-based; columns count bytes.
	line, col, endLine, endCol int
	// cpCol and cpEndCol are 1-based columns counting Unicode code points
	// (an invalid UTF-8 byte counts as one), for SARIF.
	cpCol, cpEndCol int
}

// newFinding locates d in src.
func newFinding(d analysis.Diagnostic, src []byte, lines *analysis.LineIndex) finding {
	start := clampOffset(d.Span.Start, len(src))
	end := max(clampOffset(d.Span.End, len(src)), start)
	d.Span = analysis.Span{Start: start, End: end}
	p, q := lines.Position(start), lines.Position(end)
	return finding{
		diag:     d,
		line:     p.Line + 1,
		col:      p.Col + 1,
		endLine:  q.Line + 1,
		endCol:   q.Col + 1,
		cpCol:    codePointColumn(src, start, p.Col),
		cpEndCol: codePointColumn(src, end, q.Col),
	}
}

func clampOffset(off, n int) int { return min(max(off, 0), n) }

// codePointColumn returns the 1-based code-point column of offset off,
// whose byte column (0-based) is col.
func codePointColumn(src []byte, off, col int) int {
	lineStart := max(off-col, 0)
	return utf8.RuneCount(src[lineStart:off]) + 1
}

// fileFindings are the findings of one file, ready to print.
type fileFindings struct {
	path     string // as displayed
	findings []finding
}

// writeText prints one line per finding: path:line:col: severity code: message.
func writeText(w io.Writer, files []fileFindings) error {
	var b strings.Builder
	for _, f := range files {
		for _, x := range f.findings {
			fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s\n", f.path, x.line, x.col, x.diag.Severity, x.diag.Code, oneLine(x.diag.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// oneLine keeps a message on one output line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// jsonReport is the JSON output of check (a contract: see DESIGN §7).
type jsonReport struct {
	Version     int              `json:"version"`
	Files       int              `json:"files"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

type jsonDiagnostic struct {
	Path      string    `json:"path"`
	Offset    int       `json:"offset"`
	EndOffset int       `json:"end_offset"`
	Line      int       `json:"line"`
	Column    int       `json:"column"`
	EndLine   int       `json:"end_line"`
	EndColumn int       `json:"end_column"`
	Code      string    `json:"code"`
	Severity  string    `json:"severity"`
	Provider  string    `json:"provider"`
	Scope     string    `json:"scope"`
	Message   string    `json:"message"`
	Fixes     []jsonFix `json:"fixes"`
}

type jsonFix struct {
	Title     string     `json:"title"`
	Preferred bool       `json:"preferred"`
	Edits     []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	Offset    int    `json:"offset"`
	EndOffset int    `json:"end_offset"`
	NewText   string `json:"new_text"`
}

// jsonVersion is the version of the JSON output format.
const jsonVersion = 1

// writeCheckJSON prints the findings as one JSON document.
func writeCheckJSON(w io.Writer, nfiles int, files []fileFindings) error {
	rep := jsonReport{Version: jsonVersion, Files: nfiles, Diagnostics: []jsonDiagnostic{}}
	for _, f := range files {
		for _, x := range f.findings {
			d := x.diag
			jd := jsonDiagnostic{
				Path:      f.path,
				Offset:    d.Span.Start,
				EndOffset: d.Span.End,
				Line:      x.line,
				Column:    x.col,
				EndLine:   x.endLine,
				EndColumn: x.endCol,
				Code:      d.Code,
				Severity:  d.Severity.String(),
				Provider:  d.Provider,
				Scope:     d.Scope,
				Message:   d.Message,
				Fixes:     []jsonFix{},
			}
			for _, fix := range d.Fixes {
				jf := jsonFix{Title: fix.Title, Preferred: fix.Preferred, Edits: []jsonEdit{}}
				for _, e := range fix.Edits {
					jf.Edits = append(jf.Edits, jsonEdit{Offset: e.Span.Start, EndOffset: e.Span.End, NewText: e.NewText})
				}
				jd.Fixes = append(jd.Fixes, jf)
			}
			rep.Diagnostics = append(rep.Diagnostics, jd)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}
