package catalog

import (
	"sort"
	"strings"
)

// Catalog indexes the scopes of a set of providers.
type Catalog struct {
	providers []*Provider          // sorted by Name
	byName    map[string]*Provider // provider name -> provider
	exact     map[string][]*Scope  // scope name (and Short) -> scopes of every provider
	folded    map[string][]*Scope  // lower-cased name (and Short) -> scopes
}

// New builds a catalog from providers. Scopes whose Provider field is empty
// get their provider's name.
func New(providers []*Provider) *Catalog {
	c := &Catalog{
		byName: make(map[string]*Provider, len(providers)),
		exact:  make(map[string][]*Scope),
		folded: make(map[string][]*Scope),
	}
	for _, p := range providers {
		c.byName[p.Name] = p
		c.providers = append(c.providers, p)
		for _, s := range p.Scopes {
			if s.Provider == "" {
				s.Provider = p.Name
			}
			c.exact[s.Name] = append(c.exact[s.Name], s)
			c.folded[strings.ToLower(s.Name)] = append(c.folded[strings.ToLower(s.Name)], s)
			if s.Short != "" && s.Short != s.Name {
				c.exact[s.Short] = append(c.exact[s.Short], s)
				c.folded[strings.ToLower(s.Short)] = append(c.folded[strings.ToLower(s.Short)], s)
			}
		}
	}
	sort.Slice(c.providers, func(i, j int) bool { return c.providers[i].Name < c.providers[j].Name })
	return c
}

// Providers returns every provider, sorted by name.
func (c *Catalog) Providers() []*Provider { return c.providers }

// Provider returns the provider called name, or nil.
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
