package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// UnknownScope reports scopes the provider does not have, when a catalog
// scope is close enough to be what was meant, or anywhere in a strict
// context.
var UnknownScope = &analysis.Analyzer{
	Code:     "unknown-scope",
	Title:    "Scope the provider does not know",
	Severity: analysis.SeverityError,
	Doc: `The token is not a scope of the provider, but one of its scopes is only a typo away.

The authorization server answers invalid_scope for a name it does not know, and the
sign-in fails for every user. scopels reports an unknown token only when a catalog scope
is within a small edit distance (a typo, a swapped pair of letters), or when the
context is declared strict in .scopels.yaml; a token far from every scope is left alone,
since it may belong to an API scopels does not know.

Before:  scope: "read:user user:emial"          (GitHub)
After:   scope: "read:user user:email"

The preferred fix replaces the token with the nearest scope; other close scopes are
offered as alternatives. To declare your own scopes, add them to a provider in
.scopels.yaml. To silence one place: "scopels:ignore unknown-scope reason".`,
	Run: runUnknownScope,
}

func runUnknownScope(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		p := s.Provider
		if p == nil {
			continue
		}
		for i, t := range s.Tokens {
			if s.Resolutions[i].Kind != analysis.MatchNone || isPlaceholder(t.Text) {
				continue
			}
			if _, bad := cleanToken(t.Text); bad != "" {
				continue // malformed-scope reports it, with the cleaned name
			}
			// A scope of another provider, with only weak evidence for this
			// one: the inference may be wrong, so say nothing.
			if len(pass.Catalog.Owners(t.Text)) > 0 && s.Confidence < 1000 {
				continue
			}
			sugg := analysis.Suggest(pass.Catalog, p, t.Text, 3)
			if len(sugg) == 0 {
				// A typo of a scope that is being retired: restore it, and
				// say what replaces it (deprecated-scope then offers that).
				if dep := analysis.SuggestDeprecated(pass.Catalog, p, t.Text, 1); len(dep) > 0 {
					reportDeprecatedTypo(pass, p, t, dep[0])
					continue
				}
			}
			if len(sugg) == 0 && !s.Strict {
				continue
			}
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: p.Name,
				Scope:    t.Text,
			}
			if len(sugg) == 0 {
				d.Message = fmt.Sprintf("%q is not a scope of %s (this context is strict); run 'scopels catalog list --provider %s' to see its scopes", t.Text, title(p), p.Name)
			} else {
				d.Message = fmt.Sprintf("%q is not a scope of %s; did you mean %s?", t.Text, title(p), quoteList(sugg))
				for j, sg := range sugg {
					d.Fixes = append(d.Fixes, replaceFix(pass.File.Src, t, sg, j == 0)...)
				}
			}
			pass.Report(d)
		}
	}
}

// reportDeprecatedTypo reports t, a near miss of dep, a deprecated scope of
// p. With one replacement, the preferred fix writes it (one round of
// --fix, no detour through the retired name); otherwise restoring dep is
// offered but not preferred, since deprecated-scope would report it again.
func reportDeprecatedTypo(pass *analysis.Pass, p *catalog.Provider, t analysis.Token, dep string) {
	var repl []string
	if sc := pass.Catalog.Lookup(p.Name, dep); sc != nil {
		repl = liveReplacements(pass.Catalog, sc)
	}
	d := analysis.Diagnostic{
		Span:     t.Span,
		Provider: p.Name,
		Scope:    t.Text,
		Message:  fmt.Sprintf("%q is not a scope of %s; did you mean %q? It is deprecated", t.Text, title(p), dep),
	}
	if len(repl) > 0 {
		d.Message += "; use " + quoteList(repl) + " instead"
	}
	if len(repl) == 1 {
		d.Fixes = replaceFix(pass.File.Src, t, repl[0], true)
	}
	d.Fixes = append(d.Fixes, replaceFix(pass.File.Src, t, dep, false)...)
	pass.Report(d)
}
