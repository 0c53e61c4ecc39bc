package catalog

//go:generate go run ./internal/gen -src ../../shared/catalog-sources -out data

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"sync"
)

// data holds one JSON file per built-in provider, written by
// internal/gen from the catalog sources.
//
//go:embed data/*.json
var data embed.FS

var defaultCatalog = sync.OnceValue(func() *Catalog {
	ps, err := loadProviders(data, "data")
	if err != nil {
		// The embedded files are checked by this package's tests; a
		// failure here is a build defect, not an input error.
		panic(fmt.Sprintf("catalog: embedded data: %v", err))
	}
	return New(ps)
})

// Default returns the embedded catalog, loaded once on first use. It is
// safe for concurrent use.
func Default() *Catalog { return defaultCatalog() }

// loadProviders decodes every *.json file of dir in fsys, one provider per
// file, in file name order. Files are decoded in parallel: the catalog is
// loaded when a server starts, and the Microsoft file alone is half of it.
func loadProviders(fsys fs.FS, dir string) ([]*Provider, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".json" {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	ps := make([]*Provider, len(names))
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				errs[i] = fmt.Errorf("reading %s: %w", name, err)
				return
			}
			p, err := decodeProvider(b)
			if err != nil {
				errs[i] = fmt.Errorf("decoding %s: %w", name, err)
				return
			}
			ps[i] = p
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return ps, nil
}

// Merge returns a new catalog with extra providers added. An extra provider
// whose Name matches a built-in one extends it: its scopes, hosts, signals,
// prefixes and deprecations are added, and its non-zero settings (title,
// delimiter, case rule, prefix requirement) win. c itself is not changed.
//
// An extra scope with the name of an existing one is laid over a copy of
// it: the extra's non-empty fields win, and Deprecated, Hidden and Broad
// can only be switched on. Because false is the zero value, an extension
// can make a provider case-sensitive or prefix-required, never the
// reverse. Merged providers are marked Custom. Scopes of c are shared with
// the new catalog, never modified.
func (c *Catalog) Merge(extra []*Provider) *Catalog {
	if len(extra) == 0 {
		return c
	}
	merged := make(map[string]*Provider, len(c.providers)+len(extra))
	var order []string
	for _, p := range c.providers {
		merged[p.Name] = p
		order = append(order, p.Name)
	}
	for _, e := range extra {
		if e == nil || e.Name == "" {
			continue
		}
		base, ok := merged[e.Name]
		if !ok {
			merged[e.Name] = customCopy(e)
			order = append(order, e.Name)
			continue
		}
		merged[e.Name] = extendProvider(base, e)
	}
	sort.Strings(order)
	ps := make([]*Provider, 0, len(order))
	for _, name := range order {
		ps = append(ps, merged[name])
	}
	return New(ps)
}

// customCopy copies a project-declared provider, so that New filling in
// Scope.Provider never writes to the caller's structs.
func customCopy(p *Provider) *Provider {
	cp := *p
	cp.Custom = true
	cp.Scopes = make([]*Scope, len(p.Scopes))
	for i, s := range p.Scopes {
		sc := *s
		sc.Provider = p.Name
		cp.Scopes[i] = &sc
	}
	return &cp
}

// extendProvider returns a new provider: base with e's additions.
func extendProvider(base, e *Provider) *Provider {
	p := *base
	p.Custom = true
	if e.Title != "" {
		p.Title = e.Title
	}
	if e.Delimiter != "" {
		p.Delimiter = e.Delimiter
	}
	if e.DelimiterNote != "" {
		p.DelimiterNote = e.DelimiterNote
	}
	p.AcceptsComma = base.AcceptsComma || e.AcceptsComma
	p.AcceptsSpace = base.AcceptsSpace || e.AcceptsSpace
	p.CaseSensitive = base.CaseSensitive || e.CaseSensitive
	p.PrefixRequired = base.PrefixRequired || e.PrefixRequired
	p.OtherNames = union(base.OtherNames, e.OtherNames)
	p.AuthorizeHosts = union(base.AuthorizeHosts, e.AuthorizeHosts)
	p.AuthorizePaths = union(base.AuthorizePaths, e.AuthorizePaths)
	p.Signals = union(base.Signals, e.Signals)
	p.Prefixes = union(base.Prefixes, e.Prefixes)
	p.Notes = union(base.Notes, e.Notes)
	p.Aliases = append(append([]Alias(nil), base.Aliases...), e.Aliases...)
	p.Provenance = append(append([]Source(nil), base.Provenance...), e.Provenance...)

	pos := make(map[string]int, len(base.Scopes))
	p.Scopes = make([]*Scope, len(base.Scopes), len(base.Scopes)+len(e.Scopes))
	for i, s := range base.Scopes {
		p.Scopes[i] = s
		pos[s.Name] = i
	}
	for _, s := range e.Scopes {
		if s == nil {
			continue
		}
		if i, ok := pos[s.Name]; ok {
			p.Scopes[i] = overlayScope(p.Scopes[i], s, p.Name)
			continue
		}
		sc := *s
		sc.Provider = p.Name
		pos[sc.Name] = len(p.Scopes)
		p.Scopes = append(p.Scopes, &sc)
	}
	return &p
}

// overlayScope returns a copy of base with e's non-empty fields laid over.
func overlayScope(base, e *Scope, provider string) *Scope {
	s := *base
	s.Provider = provider
	if e.Short != "" {
		s.Short = e.Short
	}
	if e.Description != "" {
		s.Description = e.Description
	}
	if e.Note != "" {
		s.Note = e.Note
	}
	if e.API != "" {
		s.API = e.API
	}
	s.Deprecated = base.Deprecated || e.Deprecated
	s.Hidden = base.Hidden || e.Hidden
	s.Broad = base.Broad || e.Broad
	if len(e.ReplacedBy) > 0 {
		s.ReplacedBy = append([]string(nil), e.ReplacedBy...)
	}
	if len(e.SuggestedReplacement) > 0 {
		s.SuggestedReplacement = append([]string(nil), e.SuggestedReplacement...)
	}
	if len(e.Implies) > 0 {
		s.Implies = union(base.Implies, e.Implies)
	}
	if len(e.Requires) > 0 {
		s.Requires = union(base.Requires, e.Requires)
	}
	if e.Sensitivity != "" {
		s.Sensitivity = e.Sensitivity
	}
	if e.DocURL != "" {
		s.DocURL = e.DocURL
	}
	if e.Kind != "" {
		s.Kind = e.Kind
	}
	if len(e.TokenTypes) > 0 {
		s.TokenTypes = append([]string(nil), e.TokenTypes...)
	}
	if e.Popularity != 0 {
		s.Popularity = e.Popularity
	}
	return &s
}

// union returns a new slice of a's items followed by b's items not in a.
func union(a, b []string) []string {
	if len(b) == 0 {
		return a
	}
	out := append([]string(nil), a...)
	seen := make(map[string]bool, len(a)+len(b))
	for _, s := range a {
		seen[s] = true
	}
	for _, s := range b {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
