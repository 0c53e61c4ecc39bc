package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
)

// DuplicateScope reports a scope requested twice in one request.
var DuplicateScope = &analysis.Analyzer{
	Code:     "duplicate-scope",
	Title:    "Scope requested twice",
	Severity: analysis.SeverityWarning,
	Doc: `The same scope appears twice in one scope string or list.

Most providers accept the repeat, but it hides intent (was another scope meant?) and
some reject it. The duplicate is usually a copy-paste slip or a merge left-over.

Before:  SCOPES = ["openid", "email", "openid"]
After:   SCOPES = ["openid", "email"]

The fix removes the later occurrence. To silence one place:
"scopels:ignore duplicate-scope reason".`,
	Run: runDuplicateScope,
}

func runDuplicateScope(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		if !anchored(s) || s.Declaration {
			continue
		}
		first := map[string]int{}
		for i, t := range s.Tokens {
			if isPlaceholder(t.Text) {
				continue
			}
			key := t.Text
			if r := s.Resolutions[i]; r.Scope != nil && r.Known(s.Provider) {
				key = r.Scope.Name
			}
			j, seen := first[key]
			if !seen {
				first[key] = i
				continue
			}
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: providerName(s.Provider),
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q is requested twice in this list", t.Text),
				Tags:     []analysis.Tag{analysis.TagUnnecessary},
				Related:  []analysis.Related{{Span: s.Tokens[j].Span, Message: "first requested here"}},
			}
			if e, ok := removeToken(pass.File.Src, s, i); ok {
				d.Fixes = []analysis.Fix{{Title: "Remove the repeated scope", Edits: []analysis.Edit{e}, Preferred: true}}
			}
			pass.Report(d)
		}
	}
}
