package catalog

import (
	"sort"
	"strings"
	"sync"
)

// Catalog indexes the scopes of a set of providers.
type Catalog struct {
	providers []*Provider                      // sorted by Name
	byName    map[string]*Provider             // provider name -> provider
	exact     map[string][]*Scope              // scope name (and Short) -> scopes of every provider
	folded    map[string][]*Scope              // lower-cased name (and Short) -> scopes
	index     map[string]func() *providerIndex // provider name -> Suggest/Complete index, built on first use
	evidence  func() *EvidenceMatcher          // signals and authorize URLs, built on first use
}

// New builds a catalog from providers. Scopes whose Provider field is empty
// get their provider's name.
func New(providers []*Provider) *Catalog {
	n := 0
	for _, p := range providers {
		n += len(p.Scopes)
	}
	c := &Catalog{
		evidence: sync.OnceValue(func() *EvidenceMatcher { return newEvidenceMatcher(providers) }),
		byName:   make(map[string]*Provider, len(providers)),
		exact:    make(map[string][]*Scope, n+n/4),
		folded:   make(map[string][]*Scope, n+n/4),
		index:    make(map[string]func() *providerIndex, len(providers)),
	}
	for _, p := range providers {
		c.byName[p.Name] = p
		c.providers = append(c.providers, p)
		for _, s := range p.Scopes {
			if s.Provider == "" {
				s.Provider = p.Name
			}
			c.add(s.Name, s)
			if s.Short != "" && s.Short != s.Name {
				c.add(s.Short, s)
			}
		}
	}
	sort.Slice(c.providers, func(i, j int) bool { return c.providers[i].Name < c.providers[j].Name })
	// Other names never shadow a provider's own name.
	for _, p := range c.providers {
		for _, o := range p.OtherNames {
			if _, taken := c.byName[o]; !taken {
				c.byName[o] = p
			}
		}
		c.index[p.Name] = sync.OnceValue(func() *providerIndex { return newProviderIndex(p) })
	}
	return c
}

// providerIndex returns the Suggest and Complete index of the provider
// called name, building it on first use, or nil.
func (c *Catalog) providerIndex(name string) *providerIndex {
	if f := c.index[name]; f != nil {
		return f()
	}
	if p := c.byName[name]; p != nil && c.index[p.Name] != nil {
		return c.index[p.Name]()
	}
	return nil
}

// add indexes s under name, exactly and case-folded.
func (c *Catalog) add(name string, s *Scope) {
	c.exact[name] = append(c.exact[name], s)
	lower := strings.ToLower(name)
	c.folded[lower] = append(c.folded[lower], s)
}

// Providers returns every provider, sorted by name.
func (c *Catalog) Providers() []*Provider { return c.providers }

// Provider returns the provider called name (or one of its OtherNames), or nil.
func (c *Catalog) Provider(name string) *Provider { return c.byName[name] }

// Lookup returns provider's scope whose full name is exactly name, or nil.
// It does not match short forms; see LookupShort.
func (c *Catalog) Lookup(provider, name string) *Scope {
	for _, s := range c.exact[name] {
		if s.Provider == provider && s.Name == name {
			return s
		}
	}
	return nil
}

// LookupShort returns provider's scope whose Short form is exactly name, or nil.
func (c *Catalog) LookupShort(provider, name string) *Scope {
	for _, s := range c.exact[name] {
		if s.Provider == provider && s.Short == name {
			return s
		}
	}
	return nil
}

// LookupFold returns provider's scopes whose full name equals name when
// case is ignored.
func (c *Catalog) LookupFold(provider, name string) []*Scope {
	var out []*Scope
	for _, s := range c.folded[strings.ToLower(name)] {
		if s.Provider == provider && strings.EqualFold(s.Name, name) {
			out = append(out, s)
		}
	}
	return out
}

// Owners returns the scopes of every provider whose full name or short form
// is exactly name.
func (c *Catalog) Owners(name string) []*Scope { return c.exact[name] }

// OwnersFold returns the scopes of every provider whose full name or short
// form equals name when case is ignored.
func (c *Catalog) OwnersFold(name string) []*Scope { return c.folded[strings.ToLower(name)] }
