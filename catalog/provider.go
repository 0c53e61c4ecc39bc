package catalog

import (
	"strings"
)

// MatchHost reports whether host (any case, without scheme or port) is one
// of the provider's authorize or token hosts. An entry "*.example.com"
// matches any host below example.com, not example.com itself.
func (p *Provider) MatchHost(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return false
	}
	for _, h := range p.AuthorizeHosts {
		if rest, ok := strings.CutPrefix(h, "*."); ok {
			if strings.HasSuffix(host, "."+rest) {
				return true
			}
			continue
		}
		if host == h {
			return true
		}
	}
	return false
}

// Accepts reports whether the provider takes scopes separated by d: its
// documented delimiter, or one it also accepts (AcceptsComma,
// AcceptsSpace, or both for DelimSpaceOrComma).
func (p *Provider) Accepts(d Delimiter) bool {
	switch d {
	case p.Delimiter:
		return true
	case DelimComma:
		return p.AcceptsComma || p.Delimiter == DelimSpaceOrComma
	case DelimSpace:
		return p.AcceptsSpace || p.Delimiter == DelimSpaceOrComma
	}
	return false
}

// TrimPrefix removes the first of the provider's Prefixes that name starts
// with (ignoring case for case-insensitive providers) and reports whether
// one did.
func (p *Provider) TrimPrefix(name string) (string, bool) {
	if p.CaseSensitive {
		return trimAnyPrefix(name, p.Prefixes)
	}
	return trimAnyPrefixFold(name, p.Prefixes)
}

// Resolve finds the provider's scope that token names: its full name, its
// short form, or its name after one of the provider's prefixes
// (https://graph.microsoft.com/User.Read is Microsoft's User.Read). Case
// must match, except for case-insensitive providers, where a unique
// case-folded match is returned as well. It returns nil when none does.
func (c *Catalog) Resolve(provider, token string) *Scope {
	p := c.byName[provider]
	if p == nil {
		return nil
	}
	try := func(name string) *Scope {
		if s := c.Lookup(p.Name, name); s != nil {
			return s
		}
		if s := c.LookupShort(p.Name, name); s != nil {
			return s
		}
		if !p.CaseSensitive {
			if ss := c.LookupFold(p.Name, name); len(ss) == 1 {
				return ss[0]
			}
		}
		return nil
	}
	if s := try(token); s != nil {
		return s
	}
	if rest, ok := p.TrimPrefix(token); ok {
		return try(rest)
	}
	return nil
}
