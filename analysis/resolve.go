package analysis

import (
	"strings"

	"github.com/scopels/scopels/catalog"
)

// MatchKind says how a token matched a provider's catalog.
type MatchKind int

// Match kinds, from best to worst.
const (
	// MatchNone: the token is not a scope of the provider.
	MatchNone MatchKind = iota
	// MatchExact: the full name, as written.
	MatchExact
	// MatchOther: valid without being a catalog name of this provider: an
	// OpenID Connect standard scope, a documented alias (gcloud
	// `cloud-platform`), a resource's `/.default`, an application's own
	// `api://` scope.
	MatchOther
	// MatchShort: a short form where the full form (with prefix) is
	// required.
	MatchShort
	// MatchFold: the name, but with different case.
	MatchFold
	// MatchFoldShort: a short form with different case.
	MatchFoldShort
)

// Resolution is what a token is, for one provider.
type Resolution struct {
	Kind MatchKind
	// Scope is the catalog scope matched; nil for MatchNone and for some
	// MatchOther tokens.
	Scope *catalog.Scope
	// Canonical is the text the token should read (the full name with the
	// prefix the token carried, or the provider's required prefix).
	Canonical string
}

// oidcStandard are the OpenID Connect Core scopes every OIDC provider
// accepts.
var oidcStandard = map[string]bool{"openid": true, "email": true, "profile": true, "offline_access": true, "address": true, "phone": true}

// Resolve says what tok is for provider p.
func Resolve(cat *catalog.Catalog, p *catalog.Provider, tok string) Resolution {
	if p == nil || tok == "" {
		return Resolution{}
	}
	if s := cat.Lookup(p.Name, tok); s != nil {
		return Resolution{Kind: MatchExact, Scope: s, Canonical: s.Name}
	}
	if oidcStandard[tok] {
		return Resolution{Kind: MatchOther, Scope: cat.Lookup("oidc", tok), Canonical: tok}
	}
	for _, a := range p.Aliases {
		if a.Name == tok {
			return Resolution{Kind: MatchOther, Canonical: tok}
		}
	}
	if strings.HasSuffix(tok, "/.default") || strings.HasPrefix(tok, "api://") {
		if p.Name == "microsoft" {
			return Resolution{Kind: MatchOther, Canonical: tok}
		}
	}
	// A prefixed form of a provider whose prefixes are optional
	// (https://graph.microsoft.com/User.Read).
	if pre, rest := splitPrefix(p, tok); pre != "" && !p.PrefixRequired {
		if s := cat.Lookup(p.Name, rest); s != nil {
			return Resolution{Kind: MatchExact, Scope: s, Canonical: tok}
		}
		if ss := cat.LookupFold(p.Name, rest); len(ss) == 1 {
			return Resolution{Kind: MatchFold, Scope: ss[0], Canonical: pre + ss[0].Name}
		}
	}
	if p.PrefixRequired {
		if s := cat.LookupShort(p.Name, tok); s != nil {
			return Resolution{Kind: MatchShort, Scope: s, Canonical: s.Name}
		}
		for _, pre := range p.Prefixes {
			if strings.HasPrefix(tok, pre) {
				continue
			}
			if s := cat.Lookup(p.Name, pre+tok); s != nil {
				return Resolution{Kind: MatchShort, Scope: s, Canonical: s.Name}
			}
		}
	}
	if ss := cat.LookupFold(p.Name, tok); len(ss) == 1 && ss[0].Provider == p.Name {
		if !strings.EqualFold(ss[0].Name, tok) { // a short form that folds
			if p.PrefixRequired {
				return Resolution{Kind: MatchFoldShort, Scope: ss[0], Canonical: ss[0].Name}
			}
			return Resolution{}
		}
		return Resolution{Kind: MatchFold, Scope: ss[0], Canonical: ss[0].Name}
	}
	if p.PrefixRequired {
		for _, pre := range p.Prefixes {
			if len(tok) > len(pre) && strings.EqualFold(tok[:len(pre)], pre) {
				continue
			}
			if ss := cat.LookupFold(p.Name, pre+tok); len(ss) == 1 {
				return Resolution{Kind: MatchFoldShort, Scope: ss[0], Canonical: ss[0].Name}
			}
		}
	}
	return Resolution{}
}

// splitPrefix returns the provider prefix tok starts with, and the rest.
func splitPrefix(p *catalog.Provider, tok string) (prefix, rest string) {
	for _, pre := range p.Prefixes {
		if len(tok) > len(pre) && strings.HasPrefix(tok, pre) {
			return pre, tok[len(pre):]
		}
	}
	return "", tok
}

// Known reports whether the resolution is a valid scope as written
// (exact, or valid in another way); wrong case counts as known for
// providers that ignore case.
func (r Resolution) Known(p *catalog.Provider) bool {
	switch r.Kind {
	case MatchExact, MatchOther:
		return true
	case MatchFold:
		return p != nil && !p.CaseSensitive
	}
	return false
}

// Suggest returns up to n catalog names of p close to tok, with the prefix
// tok carries (or p requires) applied, nearest first. Close means a typo
// away: at most one edit (insertion, deletion, substitution or swap of
// neighbours) for names of up to five characters after the prefix, at most
// two beyond. A catalog that lacks a real scope must not turn it into a
// "did you mean" for a different one.
func Suggest(cat *catalog.Catalog, p *catalog.Provider, tok string, n int) []string {
	return suggest(cat.Suggest, p, tok, n)
}

// SuggestDeprecated is Suggest among p's deprecated scopes.
func SuggestDeprecated(cat *catalog.Catalog, p *catalog.Provider, tok string, n int) []string {
	return suggest(cat.SuggestDeprecated, p, tok, n)
}

// suggest is Suggest with find the catalog search.
func suggest(find func(provider, token string, n int) []catalog.Suggestion, p *catalog.Provider, tok string, n int) []string {
	if p == nil {
		return nil
	}
	_, name := splitPrefix(p, tok)
	maxDist := 2
	if len(name) <= 5 {
		maxDist = 1
	}
	near := func(ss []catalog.Suggestion) []catalog.Suggestion {
		out := ss[:0:0]
		for _, s := range ss {
			if s.Distance <= maxDist {
				out = append(out, s)
			}
		}
		return out
	}
	var out []string
	add := func(s string) {
		for _, o := range out {
			if o == s {
				return
			}
		}
		out = append(out, s)
	}
	pre, rest := splitPrefix(p, tok)
	switch {
	case pre != "" && !p.PrefixRequired:
		// Suggest with the prefix the token carries: names that already
		// have a prefix (".default" forms, okta.*) stay as they are.
		for _, s := range near(find(p.Name, rest, n)) {
			switch sp, _ := splitPrefix(p, s.Scope.Name); sp {
			case pre:
				add(s.Scope.Name)
			case "":
				add(pre + s.Scope.Name)
			}
			// a name in another prefix form would change more than the typo
		}
	case pre == "" && p.PrefixRequired && len(p.Prefixes) > 0 && !looksLikeURL(tok):
		for _, s := range near(find(p.Name, p.Prefixes[0]+tok, n)) {
			add(s.Scope.Name)
		}
		for _, s := range near(find(p.Name, tok, n)) {
			add(s.Scope.Name)
		}
	default:
		for _, s := range near(find(p.Name, tok, n)) {
			add(s.Scope.Name)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func looksLikeURL(s string) bool { return strings.Contains(s, "://") }
