package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
)

// WrongCase reports scopes that match a catalog scope only when case is
// ignored.
var WrongCase = &analysis.Analyzer{
	Code:     "wrong-case",
	Title:    "Scope written with the wrong case",
	Severity: analysis.SeverityError,
	Doc: `The token matches a scope of the provider only when upper and lower case are ignored.

Most providers compare scope names byte for byte, so "Repo" or "Write_products" is as
unknown to them as a typo. Microsoft identity platform compares permission names
without regard to case; there the canonical spelling is only a hint, for consistency
with the consent screen and the documentation.

Before:  scopes = "read_products,Write_orders"      (Shopify)
After:   scopes = "read_products,write_orders"

The fix writes the catalog's spelling. To silence one place:
"scopels:ignore wrong-case reason".`,
	Run: runWrongCase,
}

func runWrongCase(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		p := s.Provider
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if r.Kind != analysis.MatchFold && r.Kind != analysis.MatchFoldShort {
				continue
			}
			want := r.Canonical
			if r.Kind == analysis.MatchFoldShort && s.AllowShort && r.Scope.Short != "" {
				want = r.Scope.Short
			}
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: p.Name,
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q has the wrong case: %s's scope is %q", t.Text, title(p), want),
				Fixes:    replaceFix(pass.File.Src, t, want, true),
			}
			if !p.CaseSensitive && r.Kind == analysis.MatchFold {
				d.Severity = analysis.SeverityHint
				d.Message = fmt.Sprintf("%q differs in case from %s's scope %q (accepted, but the canonical spelling is clearer)", t.Text, title(p), want)
			}
			pass.Report(d)
		}
	}
}
