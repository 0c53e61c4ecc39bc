package checks

import (
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// BroadScope points at full-access scopes that have a narrower sibling.
var BroadScope = &analysis.Analyzer{
	Code:     "broad-scope",
	Title:    "Full-access scope where a narrower one exists",
	Severity: analysis.SeverityHint,
	Doc: `The scope grants full access (Google's cloud-platform or drive, GitHub's repo,
Microsoft's *.ReadWrite.All) and the provider offers a narrower one for the same API.

Broad scopes make the consent screen scarier, trigger stricter app verification, and
widen the damage a leaked token can do. If the application only reads, the read-only
scope is enough.

Before:  SCOPES = ["https://www.googleapis.com/auth/drive"]
After:   SCOPES = ["https://www.googleapis.com/auth/drive.readonly"]   (if it only reads)

No fix is offered: only you know what the code needs. To silence one place:
"scopels:ignore broad-scope reason".`,
	Run: runBroadScope,
}

func runBroadScope(pass *analysis.Pass) {
	if declarationFile(pass) {
		return
	}
	for _, s := range pass.Sets {
		if s.Declaration {
			continue
		}
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if r.Scope == nil || !r.Scope.Broad || !r.Known(s.Provider) {
				continue
			}
			narrower := narrowerScopes(pass.Catalog, r.Scope)
			if len(narrower) == 0 {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Span:     t.Span,
				Provider: r.Scope.Provider,
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q grants full access; if the code only needs part of it, %s is narrower", t.Text, quoteList(narrower)),
			})
		}
	}
}

// narrowerScopes returns up to two catalog scopes narrower than s: the
// ones it implies, or read-only siblings of its name.
func narrowerScopes(cat *catalog.Catalog, s *catalog.Scope) []string {
	var out []string
	for _, suffix := range []string{".readonly", ".read_only", ".read", "_readonly", ".Read.All", ".Read"} {
		base := strings.TrimSuffix(strings.TrimSuffix(s.Name, ".ReadWrite.All"), ".ReadWrite")
		if base == s.Name {
			base = s.Name
		}
		if n := cat.Lookup(s.Provider, base+suffix); n != nil && !n.Deprecated && !n.Hidden && n != s {
			out = append(out, n.Name)
		}
	}
	for _, imp := range s.Implies {
		if len(out) >= 2 {
			break
		}
		if n := cat.Lookup(s.Provider, imp); n != nil && !n.Deprecated && !n.Hidden && !implies(out, imp) {
			out = append(out, imp)
		}
	}
	if len(out) > 2 {
		out = out[:2]
	}
	return out
}

// declarationFile reports whether the file only declares types (a
// TypeScript .d.ts): a type that admits a scope is not a request for it.
func declarationFile(pass *analysis.Pass) bool {
	return strings.HasSuffix(pass.File.Path, ".d.ts") || strings.HasSuffix(pass.File.Path, ".d.mts") || strings.HasSuffix(pass.File.Path, ".d.cts")
}
