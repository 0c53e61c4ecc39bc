package checks

import (
	"fmt"
	"strings"
)

// Markdown renders the documentation of every check as the page
// docs/checks.md: one section per code, anchored by the code.
func Markdown() string {
	var b strings.Builder
	b.WriteString("# scopels checks\n\n")
	b.WriteString("<!-- Generated from the checks' documentation by `go test ./analysis/checks -run TestDocsUpToDate -update`; do not edit by hand. -->\n\n")
	b.WriteString("Every diagnostic names its check's code. Severities are defaults; set them per code in\n")
	b.WriteString("`.scopels.yaml` (`severity: {duplicate-scope: info}`, or `off`). To silence one place, put\n")
	b.WriteString("`scopels:ignore CODE reason` in a comment on the line or the line before (several codes\n")
	b.WriteString("may be given, comma-separated).\n\n")
	b.WriteString("| code | default | what |\n|---|---|---|\n")
	for _, a := range All() {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s |\n", a.Code, a.Code, a.Severity, a.Title)
	}
	for _, a := range All() {
		fmt.Fprintf(&b, "\n## %s\n\n", a.Code)
		fmt.Fprintf(&b, "**%s.** Default severity: %s.\n\n", a.Title, a.Severity)
		for _, para := range strings.Split(a.Doc, "\n\n") {
			lines := strings.Split(para, "\n")
			if strings.HasPrefix(lines[0], "Before:") {
				b.WriteString("```\n" + para + "\n```\n\n")
				continue
			}
			b.WriteString(para + "\n\n")
		}
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}
