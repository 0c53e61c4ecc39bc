// Package analysistest runs scopels checks over test cases written as txtar
// archives: input files, the diagnostics they must produce, and the text
// each file must have once the preferred fixes are applied.
//
// # Archives
//
// An archive is a text file of sections. Everything before the first
// marker line is the comment; each marker line "-- NAME --" starts a
// section that runs to the next marker line:
//
//	Google scopes written with commas in a Go string.
//	checks: wrong-delimiter
//	-- main.go --
//	package main
//
//	var scopes = "openid,email"
//	-- want --
//	main.go:3:21: wrong-delimiter "use spaces"
//	-- main.go.golden --
//	package main
//
//	var scopes = "openid email"
//
// The comment holds free prose and, each on a line of its own, these
// directives:
//
//	checks: CODE...   run only the named checks (default: every analyzer
//	                  passed to Run)
//	format: FORMAT    read every input file as FORMAT (yaml, go, json, ...)
//	                  instead of by its name
//
// A comment line that starts with a lower-case word, a colon and a space
// (or the end of the line) is a directive, and an unknown one is an
// error, so that a misspelt directive does not pass unnoticed; start prose
// with a capital letter.
//
// A section named "want" lists the expected diagnostics, one per line:
//
//	PATH:LINE:COL: [SEVERITY] CODE ["MESSAGE"]
//
// LINE and COL are the 1-based line and byte column where the diagnostic
// starts. SEVERITY (error, warning, info or hint), when given, must match;
// MESSAGE, a Go string literal, must occur in the diagnostic's message.
// Blank lines and lines starting with "#" are ignored. The list is
// complete: every diagnostic of every severity, hints included, must have
// its entry, and a file with no entry must produce no diagnostic.
//
// A section named "PATH.golden" holds the expected content of input file
// PATH after fixing. The runner takes the preferred fix of every
// diagnostic (analysis.SelectFixes), applies them (analysis.ApplyFixes),
// analyzes the result again and repeats, at most three rounds or until no
// fix is left. Applying fixes must never fail, golden or not; when there
// is a golden, the fixed text must equal it and the checks that offered
// fixes must be silent on it, apart from diagnostics that had no fix in
// the first place.
//
// Every other section is an input file, named by a clean relative path
// with forward slashes. The files are written to a fresh temporary folder
// and each is analyzed under its absolute path there. Files named
// .scopels.yaml, at any depth, are project files: they configure the files
// below them (project.Find, project.Parse, project.Build, with the
// temporary folder as the root) and are not analyzed themselves. A broken
// project file fails the test. The names "want" and "*.golden" are
// reserved.
//
// A file's content ends with the newline before the next marker line; only
// the last section of an archive can end without one. Line endings inside a
// section are kept byte for byte, so "\r\n" in an archive is "\r\n" in the
// file (keep such archives out of line-ending conversion).
//
// # Running
//
// Run runs every archive under a folder as a subtest; RunArchive runs one.
// Both use analysis.Run; a Runner can use another analysis function.
// Failures list the missing and unexpected diagnostics (the unexpected ones
// written as want entries, ready to paste) and show a line diff between a
// golden and the fixed text.
//
// The test flag -scopels.update rewrites each archive's want section and
// its existing golden sections from the actual results instead of failing
// (go test ./analysis/checks -run TestChecks -args -scopels.update).
// Entries that still match are kept as written; new ones carry the whole
// message, and their severity when it differs from the check's default.
// Comment lines at the top of a want section are kept; others are
// dropped.
package analysistest
