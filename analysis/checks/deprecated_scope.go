package checks

import (
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// DeprecatedScope reports scopes the provider has deprecated or retired.
var DeprecatedScope = &analysis.Analyzer{
	Code:     "deprecated-scope",
	Title:    "Deprecated scope",
	Severity: analysis.SeverityWarning,
	Doc: `The scope is deprecated or retired by its provider.

A retired scope is rejected with invalid_scope; a deprecated one still works until the
provider's cut-off date, then fails. The message names the replacement when the
provider documents one.

Before:  scope: "https://www.googleapis.com/auth/plus.login"
After:   scope: "profile"

When exactly one replacement is documented, the fix writes it. To silence one place:
"scopels:ignore deprecated-scope reason".`,
	Run: runDeprecatedScope,
}

func runDeprecatedScope(pass *analysis.Pass) {
	if declarationFile(pass) {
		return
	}
	for _, s := range pass.Sets {
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if r.Scope == nil || !r.Scope.Deprecated || !r.Known(s.Provider) {
				continue
			}
			repl := liveReplacements(pass.Catalog, r.Scope)
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: r.Scope.Provider,
				Scope:    t.Text,
				Tags:     []analysis.Tag{analysis.TagDeprecated},
			}
			p := pass.Catalog.Provider(r.Scope.Provider)
			switch len(repl) {
			case 0:
				d.Message = fmt.Sprintf("%q is deprecated by %s and has no documented replacement", t.Text, title(p))
			case 1:
				d.Message = fmt.Sprintf("%q is deprecated by %s; use %q instead", t.Text, title(p), repl[0])
				d.Fixes = replaceFix(pass.File.Src, t, repl[0], true)
			default:
				d.Message = fmt.Sprintf("%q is deprecated by %s; use %s instead", t.Text, title(p), quoteList(repl))
				if s.Want == catalog.DelimSpace && t.Lit.List == 0 {
					d.Fixes = replaceFix(pass.File.Src, t, strings.Join(repl, " "), true)
				}
			}
			pass.Report(d)
		}
	}
}

// liveReplacements returns the scope's replacements that are themselves
// in the catalog and not deprecated.
func liveReplacements(cat *catalog.Catalog, s *catalog.Scope) []string {
	var out []string
	for _, r := range s.ReplacedBy {
		if rs := cat.Lookup(s.Provider, r); rs != nil && !rs.Deprecated {
			out = append(out, r)
		} else if rs := cat.Lookup("oidc", r); rs != nil {
			out = append(out, r)
		}
	}
	return out
}
