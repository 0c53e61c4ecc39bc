package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
)

// configAnalyzer describes the findings check reports about a broken
// project file. It is not a check that runs on files; it exists so that
// explain, --list-checks and SARIF rules can describe the code.
func configAnalyzer() *analysis.Analyzer {
	return &analysis.Analyzer{
		Code:     configCode,
		Title:    "Project file (.scopels.yaml) that cannot be used",
		Severity: analysis.SeverityError,
		Doc: `A project file (.scopels.yaml) that does not parse, has an unknown key, or
gives a key a value of the wrong kind is reported at the offending line and
column, with the code "config". scopels check exits with status 2 while a
project file is broken, whatever else it found, because its results would
depend on a configuration that is not the one written down.

Fix the file as the message says; docs/configuration.md lists every key.`,
	}
}

// lookupCheck returns the check with code, including the config code.
func lookupCheck(code string) *analysis.Analyzer {
	if code == configCode {
		return configAnalyzer()
	}
	return checks.ByCode(code)
}

// runExplain implements `scopels explain CODE`.
func runExplain(io stdio, args []string) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
		fmt.Fprintln(io.stdout, "Usage: scopels explain CODE\n\nPrints the documentation of a check. Codes:")
		writeCheckList(io.stdout, checks.All())
		return 0
	}
	if len(args) != 1 {
		fmt.Fprintln(io.stderr, "Usage: scopels explain CODE (run 'scopels check --list-checks' for the codes)")
		return 2
	}
	a := lookupCheck(strings.TrimSpace(args[0]))
	if a == nil {
		fmt.Fprintf(io.stderr, "scopels: explain: no check has the code %q; the codes are:\n", args[0])
		writeCheckList(io.stderr, checks.All())
		return 2
	}
	writeExplanation(io.stdout, a)
	return 0
}

// writeExplanation prints a check's code, default severity, title and
// documentation.
func writeExplanation(w io.Writer, a *analysis.Analyzer) {
	fmt.Fprintf(w, "%s (default severity: %s)\n", a.Code, a.Severity)
	if a.Title != "" {
		fmt.Fprintf(w, "%s\n", a.Title)
	}
	if doc := strings.TrimSpace(a.Doc); doc != "" {
		fmt.Fprintf(w, "\n%s\n", doc)
	}
	fmt.Fprintf(w, "\nMore: %s\n", checkDocURL(a.Code))
}

// writeCheckList prints one line per check: code, default severity,
// title; the config code comes last.
func writeCheckList(w io.Writer, analyzers []*analysis.Analyzer) {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	for _, a := range append(append([]*analysis.Analyzer{}, analyzers...), configAnalyzer()) {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Code, a.Severity, a.Title)
	}
	tw.Flush()
}
