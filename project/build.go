package project

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scopels/scopels/catalog"
)

// Build merges parsed files (outermost first) into a Config, against the
// embedded catalog. See BuildWith.
func Build(files []*File) *Config { return BuildWith(files, catalog.Default()) }

// BuildWith merges parsed files (outermost first) into a Config whose
// catalog is base merged with the custom providers. A nearer file wins key
// by key:
//
//   - providers merge per provider: title, hosts, signals, delimiter,
//     prefix and case_sensitive are replaced when the nearer file sets
//     them; scopes and deprecated entries merge per scope;
//   - clients merge per client: provider, paths and granted are each
//     replaced when the nearer file sets them;
//   - severity merges per code;
//   - paths, strict and ignore accumulate, each glob relative to the
//     folder of the file it is written in.
//
// References are checked here, each file against itself and the files
// outside it, and reported in Config.Errors.
func BuildWith(files []*File, base *catalog.Catalog) *Config {
	if base == nil {
		base = catalog.New(nil)
	}
	c := &Config{
		Files:     files,
		Severity:  map[string]string{},
		Providers: map[string]*Provider{},
		Clients:   map[string]*Client{},
	}
	for depth, f := range files {
		if f == nil {
			continue
		}
		for _, name := range f.ProviderOrder {
			src := f.Providers[name]
			if dst, ok := c.Providers[name]; ok {
				c.Providers[name] = mergeProvider(dst, src)
			} else {
				c.Providers[name] = mergeProvider(&Provider{Name: name}, src)
				c.ProviderOrder = append(c.ProviderOrder, name)
			}
		}
		for _, name := range f.ClientOrder {
			src := f.Clients[name]
			if dst, ok := c.Clients[name]; ok {
				c.Clients[name] = mergeClient(dst, src)
			} else {
				c.Clients[name] = mergeClient(&Client{Name: name, Dir: src.Dir}, src)
				c.ClientOrder = append(c.ClientOrder, name)
			}
		}
		for code, sev := range f.Severity {
			c.Severity[code] = sev
		}
		for _, s := range f.Strict {
			if !contains(c.Strict, s) {
				c.Strict = append(c.Strict, s)
			}
		}
		for order, g := range f.PathOrder {
			if cg, err := compileGlob(g); err == nil {
				c.paths = append(c.paths, pathRule{dir: f.Dir, g: cg, providers: f.Paths[g], depth: depth, order: order})
			}
		}
		for _, g := range f.Ignore {
			if cg, err := compileGlob(g); err == nil {
				c.ignore = append(c.ignore, dirGlob{dir: f.Dir, g: cg})
			}
		}
		c.Errors = append(c.Errors, checkRefs(f, c, base)...)
	}
	sort.SliceStable(c.paths, func(i, j int) bool {
		a, b := c.paths[i], c.paths[j]
		if a.depth != b.depth {
			return a.depth > b.depth
		}
		if a.g.segs != b.g.segs {
			return a.g.segs > b.g.segs
		}
		if a.g.literal != b.g.literal {
			return a.g.literal > b.g.literal
		}
		return a.order < b.order
	})
	c.clientGlobs = make(map[string][]*glob, len(c.Clients))
	for name, cl := range c.Clients {
		c.clientGlobs[name] = compileGlobs(cl.Paths)
	}
	c.Catalog = base
	if extra := c.catalogProviders(base); len(extra) > 0 {
		c.Catalog = base.Merge(extra)
	}
	return c
}

// mergeProvider returns dst with src's settings applied; neither is
// changed.
func mergeProvider(dst, src *Provider) *Provider {
	out := &Provider{
		Name:            dst.Name,
		Title:           dst.Title,
		Hosts:           dst.Hosts,
		Signals:         dst.Signals,
		Delimiter:       dst.Delimiter,
		Prefix:          dst.Prefix,
		CaseSensitive:   dst.CaseSensitive,
		Scopes:          make(map[string]string, len(dst.Scopes)+len(src.Scopes)),
		ScopeOrder:      append([]string(nil), dst.ScopeOrder...),
		Deprecated:      make(map[string]string, len(dst.Deprecated)+len(src.Deprecated)),
		DeprecatedOrder: append([]string(nil), dst.DeprecatedOrder...),
		Pos:             src.Pos,
		File:            src.File,
	}
	for k, v := range dst.Scopes {
		out.Scopes[k] = v
	}
	for k, v := range dst.Deprecated {
		out.Deprecated[k] = v
	}
	if src.Title != "" {
		out.Title = src.Title
	}
	if src.Hosts != nil {
		out.Hosts = src.Hosts
	}
	if src.Signals != nil {
		out.Signals = src.Signals
	}
	if src.Delimiter != "" {
		out.Delimiter = src.Delimiter
	}
	if src.Prefix != "" {
		out.Prefix = src.Prefix
	}
	if src.CaseSensitive != nil {
		out.CaseSensitive = src.CaseSensitive
	}
	for _, s := range src.ScopeOrder {
		old, ok := out.Scopes[s]
		if !ok {
			out.ScopeOrder = append(out.ScopeOrder, s)
		}
		// A nearer file listing a scope without a description keeps the
		// outer description.
		if d := src.Scopes[s]; d != "" || !ok {
			out.Scopes[s] = d
		} else {
			out.Scopes[s] = old
		}
	}
	for _, s := range src.DeprecatedOrder {
		if _, ok := out.Deprecated[s]; !ok {
			out.DeprecatedOrder = append(out.DeprecatedOrder, s)
		}
		out.Deprecated[s] = src.Deprecated[s]
	}
	return out
}

// mergeClient returns dst with src's settings applied; neither is changed.
func mergeClient(dst, src *Client) *Client {
	out := *dst
	out.Pos, out.File = src.Pos, src.File
	if src.Provider != "" {
		out.Provider, out.ProviderPos = src.Provider, src.ProviderPos
	}
	if src.Paths != nil {
		out.Paths, out.PathsPos, out.Dir = src.Paths, src.PathsPos, src.Dir
	}
	if src.Granted != nil {
		out.Granted, out.GrantedPos, out.GrantedItemPos, out.GrantedFile =
			src.Granted, src.GrantedPos, src.GrantedItemPos, src.GrantedFile
	}
	return &out
}

// providerNames returns every provider name a reference may use: the
// custom ones merged so far and the catalog's.
func providerNames(c *Config, base *catalog.Catalog) []string {
	names := append([]string(nil), c.ProviderOrder...)
	for _, p := range base.Providers() {
		if !contains(names, p.Name) {
			names = append(names, p.Name)
		}
	}
	return names
}

// knownProvider reports whether name is declared so far or built in.
func knownProvider(name string, c *Config, base *catalog.Catalog) bool {
	return c.Providers[name] != nil || base.Provider(name) != nil
}

// isScopeOf reports whether scope is a scope (or a deprecated name) of the
// provider as merged so far, or of the built-in provider of that name.
func isScopeOf(scope string, merged *Provider, base *catalog.Catalog) bool {
	if merged != nil {
		if _, ok := merged.Scopes[scope]; ok {
			return true
		}
		if _, ok := merged.Deprecated[scope]; ok {
			return true
		}
	}
	name := ""
	if merged != nil {
		name = merged.Name
	}
	return base.Lookup(name, scope) != nil || base.LookupShort(name, scope) != nil
}

// suggestScope returns `; did you mean "x"?` for the scope of the merged
// provider (or the built-in one) nearest to s, or "". A bare name whose
// prefixed form is a scope suggests that form.
func suggestScope(s string, merged *Provider, base *catalog.Catalog) string {
	if merged != nil && merged.Prefix != "" && !strings.HasPrefix(s, merged.Prefix) {
		if _, ok := merged.Scopes[merged.Prefix+s]; ok {
			return fmt.Sprintf("; did you mean %q?", merged.Prefix+s)
		}
	}
	return didYouMean(s, scopeNames(merged, base))
}

// scopeNames lists the scope names of a merged provider and of the
// built-in one, for suggestions.
func scopeNames(merged *Provider, base *catalog.Catalog) []string {
	var names []string
	if merged != nil {
		names = append(names, merged.ScopeOrder...)
		if bp := base.Provider(merged.Name); bp != nil {
			for _, s := range bp.Scopes {
				names = append(names, s.Name)
			}
		}
	}
	return names
}

// checkRefs checks the references of file f against the configuration
// merged from the files up to and including f.
func checkRefs(f *File, c *Config, base *catalog.Catalog) []*Error {
	var errs []*Error
	add := func(pos Pos, warning bool, format string, args ...any) {
		errs = append(errs, &Error{Path: f.Path, Pos: pos, Msg: fmt.Sprintf(format, args...), Warning: warning})
	}
	for _, name := range f.ProviderOrder {
		pr, merged := f.Providers[name], c.Providers[name]
		if base.Provider(name) == nil {
			for _, bp := range base.Providers() {
				if strings.EqualFold(bp.Name, name) {
					add(pr.Pos, true, "providers.%s declares a new provider; the built-in one is called %q", keyPath(name), bp.Name)
				}
			}
		}
		if bp := base.Provider(name); bp != nil && bp.CaseSensitive && pr.CaseSensitive != nil && !*pr.CaseSensitive {
			// catalog.Merge keeps a built-in provider's case rule.
			add(pr.Pos, true, "providers.%s.case_sensitive: false has no effect: the built-in provider matches scope names case-sensitively", keyPath(name))
		}
		if pr.Prefix == "" && merged.Prefix != "" {
			for _, s := range pr.ScopeOrder {
				if !strings.HasPrefix(s, merged.Prefix) {
					add(pr.ScopePos[s], false, "scope %q of provider %q lacks the required prefix %q: write %q", s, name, merged.Prefix, merged.Prefix+s)
				}
			}
		}
		for _, old := range pr.DeprecatedOrder {
			repl := pr.Deprecated[old]
			if repl == "" || isScopeOf(repl, merged, base) {
				continue
			}
			add(pr.DeprecatedPos[old], false, "replacement %q of %s is not a scope of provider %q%s",
				repl, keyPath("providers", name, "deprecated", old), name, suggestScope(repl, merged, base))
		}
	}
	for _, name := range f.ClientOrder {
		cl, merged := f.Clients[name], c.Clients[name]
		if cl.Provider != "" && !knownProvider(cl.Provider, c, base) {
			add(cl.ProviderPos, false, "%s: %q is neither declared under providers nor a built-in provider%s",
				keyPath("clients", name, "provider"), cl.Provider, didYouMean(cl.Provider, providerNames(c, base)))
		}
		if merged.Provider == "" && merged.Granted != nil {
			add(cl.Pos, false, "%s has granted scopes but no provider: add provider: NAME", keyPath("clients", name))
		}
		// Granted scopes of a provider only the project files define must
		// be among its scopes.
		if cl.Granted != nil && merged.Provider != "" && base.Provider(merged.Provider) == nil {
			if pr := c.Providers[merged.Provider]; pr != nil && len(pr.Scopes) > 0 {
				for i, s := range cl.Granted {
					if !isScopeOf(s, pr, base) {
						add(cl.GrantedItemPos[i], true, "%q in %s is not a scope of provider %q%s",
							s, cl.GrantedKey(), merged.Provider, suggestScope(s, pr, base))
					}
				}
			}
		}
	}
	for _, g := range f.PathOrder {
		for i, name := range f.Paths[g] {
			if !knownProvider(name, c, base) {
				add(f.PathsPos[g][i], false, "%s: %q is neither declared under providers nor a built-in provider%s",
					keyPath("paths", g), name, didYouMean(name, providerNames(c, base)))
			}
		}
	}
	return errs
}

// catalogProviders converts the merged custom providers for
// catalog.Merge. A provider named like a built-in one extends it: only
// what the project files set is passed on, the rest is the built-in's.
func (c *Config) catalogProviders(base *catalog.Catalog) []*catalog.Provider {
	var out []*catalog.Provider
	for _, name := range c.ProviderOrder {
		pr := c.Providers[name]
		builtin := base.Provider(name)
		cp := &catalog.Provider{
			Name:           name,
			Title:          pr.Title,
			Delimiter:      pr.Delimiter,
			AuthorizeHosts: append([]string(nil), pr.Hosts...),
			Signals:        append([]string(nil), pr.Signals...),
			Custom:         true,
		}
		if builtin == nil {
			if cp.Title == "" {
				cp.Title = name
			}
			if cp.Delimiter == "" {
				cp.Delimiter = catalog.DelimSpace
			}
			cp.CaseSensitive = true
		} else {
			cp.CaseSensitive = builtin.CaseSensitive
		}
		if pr.CaseSensitive != nil {
			cp.CaseSensitive = *pr.CaseSensitive
		}
		if pr.Prefix != "" {
			cp.Prefixes = []string{pr.Prefix}
			cp.PrefixRequired = true
		}
		byName := map[string]*catalog.Scope{}
		for _, s := range pr.ScopeOrder {
			sc := &catalog.Scope{Provider: name, Name: s, Description: pr.Scopes[s]}
			if pr.Prefix != "" && strings.HasPrefix(s, pr.Prefix) && len(s) > len(pr.Prefix) {
				sc.Short = s[len(pr.Prefix):]
			}
			byName[s] = sc
			cp.Scopes = append(cp.Scopes, sc)
		}
		for _, old := range pr.DeprecatedOrder {
			sc := byName[old]
			if sc == nil {
				sc = &catalog.Scope{Provider: name, Name: old}
				if builtin != nil {
					if bs := base.Lookup(name, old); bs != nil {
						sc.Description = bs.Description
					}
				}
				byName[old] = sc
				cp.Scopes = append(cp.Scopes, sc)
			}
			sc.Deprecated = true
			sc.ReplacedBy = nil
			if r := pr.Deprecated[old]; r != "" {
				sc.ReplacedBy = []string{r}
			}
		}
		out = append(out, cp)
	}
	return out
}
