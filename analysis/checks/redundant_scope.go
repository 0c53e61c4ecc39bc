package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
)

// RedundantScope reports a scope that another scope of the same request
// already implies.
var RedundantScope = &analysis.Analyzer{
	Code:     "redundant-scope",
	Title:    "Scope implied by another one in the list",
	Severity: analysis.SeverityHint,
	Doc: `The scope is granted anyway by a broader scope in the same request (write_products
implies read_products on Shopify; repo implies public_repo on GitHub).

Requesting both is harmless, but it hides what the application really needs and the
provider drops the narrower one from the granted list, which surprises code that
checks for it.

Before:  scopes = "read_products,write_products"
After:   scopes = "write_products"

The fix removes the implied scope. To silence one place:
"scopels:ignore redundant-scope reason".`,
	Run: runRedundantScope,
}

func runRedundantScope(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		if s.Provider == nil || s.Declaration {
			continue
		}
		// impliedBy maps a scope name to the first token that implies it:
		// one pass over the tokens, whatever the length of the list.
		impliedBy := map[string]int{}
		for j := range s.Tokens {
			rj := s.Resolutions[j]
			if rj.Scope == nil || !rj.Known(s.Provider) {
				continue
			}
			for _, imp := range rj.Scope.Implies {
				if _, ok := impliedBy[imp]; !ok {
					impliedBy[imp] = j
				}
			}
		}
		if len(impliedBy) == 0 {
			continue
		}
		for i, t := range s.Tokens {
			ri := s.Resolutions[i]
			if ri.Scope == nil || !ri.Known(s.Provider) {
				continue
			}
			j, ok := impliedBy[ri.Scope.Name]
			if !ok || s.Resolutions[j].Scope == ri.Scope {
				continue
			}
			other := s.Tokens[j]
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: s.Provider.Name,
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q is already granted by %q", t.Text, other.Text),
				Tags:     []analysis.Tag{analysis.TagUnnecessary},
				Related:  []analysis.Related{{Span: other.Span, Message: fmt.Sprintf("%q implies it", other.Text)}},
			}
			if e, ok := removeToken(pass.File.Src, s, i); ok {
				d.Fixes = []analysis.Fix{{Title: "Remove the implied scope", Edits: []analysis.Edit{e}, Preferred: true}}
			}
			pass.Report(d)
		}
	}
}

func implies(list []string, name string) bool {
	for _, n := range list {
		if n == name {
			return true
		}
	}
	return false
}
