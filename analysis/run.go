package analysis

import (
	"github.com/scopels/scopels/project"
)

// Analyze extracts the scope sets of file, infers their providers and runs
// analyzers over them. cfg may be nil (no project file). Severities set in
// cfg override the analyzers' defaults; a check set to "off" does not run.
// Diagnostics are sorted by position, then code. (Stub: replaced by the
// engine.)
func Analyze(file *File, analyzers []*Analyzer, cfg *project.Config) *Result {
	return &Result{File: file, Lines: NewLineIndex(file.Src)}
}

// Run returns the diagnostics of Analyze.
func Run(file *File, analyzers []*Analyzer, cfg *project.Config) []Diagnostic {
	return Analyze(file, analyzers, cfg).Diagnostics
}
