package project

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/scopels/scopels/catalog"
)

// Config is the effective configuration for one file: the project files
// from the outermost down to the nearest, merged key by key (a nearer file
// wins), applied to the embedded catalog. A nil *Config is valid and means
// "no project file": the embedded catalog with default rules. Every method
// accepts a nil receiver.
//
// A Config is not changed after Build and is safe for concurrent use.
type Config struct {
	// Files are the project files that apply, outermost first.
	Files []*File
	// Catalog is the embedded catalog merged with the custom providers.
	Catalog *catalog.Catalog
	// Severity maps check codes to severities ("off" disables a check).
	Severity map[string]string
	// Strict lists the context names declared strict, outermost file first.
	Strict []string

	// Providers are the merged `providers` entries by name, in first
	// appearance order in ProviderOrder. A merged provider's Pos and File
	// are those of its nearest declaration; ScopePos and DeprecatedPos are
	// left nil (per-entry positions are in Files).
	Providers     map[string]*Provider
	ProviderOrder []string
	// Clients are the merged `clients` entries by name, in first
	// appearance order in ClientOrder.
	Clients     map[string]*Client
	ClientOrder []string
	// Errors are the problems only the merged files show: a client or a
	// `paths` entry naming a provider that no file declares and the
	// catalog lacks, a deprecated scope whose replacement is not a scope
	// of its provider, a scope lacking a prefix another file requires.
	// Each is reported in the file that holds the reference.
	Errors []*Error

	paths       []pathRule // nearest file and most specific glob first
	ignore      []dirGlob
	clientGlobs map[string][]*glob // compiled Clients[name].Paths
}

// pathRule is one `paths` entry with the folder its glob is relative to.
type pathRule struct {
	dir       string
	g         *glob
	providers []string
	depth     int // index of the file in Files
	order     int // index of the glob in its file
}

// dirGlob is a glob with the folder it is relative to.
type dirGlob struct {
	dir string
	g   *glob
}

// CatalogOf returns the catalog to check against: cfg's, or the embedded
// one when cfg is nil.
func CatalogOf(cfg *Config) *catalog.Catalog {
	if cfg == nil || cfg.Catalog == nil {
		return catalog.Default()
	}
	return cfg.Catalog
}

// relTo returns path relative to dir, slash-separated, and whether path is
// inside dir. A relative path is taken relative to the working directory.
func relTo(dir, path string) (string, bool) {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	if rel == ".." || strings.HasPrefix(rel, "../") {
		return "", false
	}
	return rel, true
}

func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return filepath.Clean(path)
}

// ProvidersFor returns the provider names the `paths` key maps path to
// (nearest file and most specific glob first, without repeats), or nil.
func (c *Config) ProvidersFor(path string) []string {
	if c == nil || len(c.paths) == 0 {
		return nil
	}
	abs := absPath(path)
	var out []string
	for _, r := range c.paths {
		rel, ok := relTo(r.dir, abs)
		if !ok || !r.g.match(rel) {
			continue
		}
		for _, p := range r.providers {
			if !contains(out, p) {
				out = append(out, p)
			}
		}
	}
	return out
}

// ClientFor returns the client whose paths match path, or nil. When
// several do, the one with the most specific matching glob wins; a client
// without `paths` applies to every file below its project file and comes
// after those whose globs match.
func (c *Config) ClientFor(path string) *Client {
	if cs := c.ClientsFor(path); len(cs) > 0 {
		return cs[0]
	}
	return nil
}

// ClientsFor returns every client that applies to path, best first (see
// ClientFor). A check that knows the scope's provider should take the
// first client of that provider.
func (c *Config) ClientsFor(path string) []*Client {
	if c == nil || len(c.Clients) == 0 {
		return nil
	}
	abs := absPath(path)
	type cand struct {
		c          *Client
		segs, lits int
		pathless   bool
		order      int
	}
	var cands []cand
	for i, name := range c.ClientOrder {
		cl := c.Clients[name]
		rel, ok := relTo(cl.Dir, abs)
		if !ok {
			continue
		}
		if cl.Paths == nil {
			cands = append(cands, cand{c: cl, pathless: true, order: i})
			continue
		}
		best := cand{c: cl, segs: -1, order: i}
		for _, g := range c.globsOf(cl) {
			if !g.match(rel) {
				continue
			}
			if g.segs > best.segs || (g.segs == best.segs && g.literal > best.lits) {
				best.segs, best.lits = g.segs, g.literal
			}
		}
		if best.segs >= 0 {
			cands = append(cands, best)
		}
	}
	// Insertion sort: few clients, stable.
	less := func(a, b cand) bool {
		if a.pathless != b.pathless {
			return !a.pathless
		}
		if a.segs != b.segs {
			return a.segs > b.segs
		}
		if a.lits != b.lits {
			return a.lits > b.lits
		}
		return a.order < b.order
	}
	for i := 1; i < len(cands); i++ {
		for j := i; j > 0 && less(cands[j], cands[j-1]); j-- {
			cands[j], cands[j-1] = cands[j-1], cands[j]
		}
	}
	out := make([]*Client, len(cands))
	for i, x := range cands {
		out[i] = x.c
	}
	return out
}

// globsOf returns the compiled paths of a client.
func (c *Config) globsOf(cl *Client) []*glob {
	if gs, ok := c.clientGlobs[cl.Name]; ok {
		return gs
	}
	return compileGlobs(cl.Paths)
}

// compileGlobs compiles the valid globs of a list.
func compileGlobs(list []string) []*glob {
	var out []*glob
	for _, p := range list {
		if g, err := compileGlob(p); err == nil {
			out = append(out, g)
		}
	}
	return out
}

// Client returns the merged client called name, or nil.
func (c *Config) Client(name string) *Client {
	if c == nil {
		return nil
	}
	return c.Clients[name]
}

// Granted returns the scopes granted to the named client and whether the
// project files say anything about them: ok is false for an unknown
// client and for one without a `granted` list, in which case nothing may
// be reported as not granted.
func (c *Config) Granted(client string) (scopes []string, ok bool) {
	cl := c.Client(client)
	if cl == nil || cl.Granted == nil {
		return nil, false
	}
	return cl.Granted, true
}

// Grants reports whether the client's `granted` list holds scope exactly.
// It is false when no list is set.
func (cl *Client) Grants(scope string) bool {
	return cl != nil && contains(cl.Granted, scope)
}

// GrantedKey returns the dotted key of the client's granted list, for
// messages: "clients.mobile-app.granted".
func (cl *Client) GrantedKey() string { return keyPath("clients", cl.Name, "granted") }

// GrantedLocation returns where to add a scope to the client's granted
// list: the file and position of the list, or of the client's key when no
// file sets `granted`.
func (cl *Client) GrantedLocation() (file string, pos Pos) {
	if cl.GrantedFile != "" {
		return cl.GrantedFile, cl.GrantedPos
	}
	return cl.File, cl.Pos
}

// Ignored reports whether path (a file or folder) matches an `ignore`
// glob, itself or through a parent folder.
func (c *Config) Ignored(path string) bool {
	if c == nil || len(c.ignore) == 0 {
		return false
	}
	abs := absPath(path)
	for _, ig := range c.ignore {
		if rel, ok := relTo(ig.dir, abs); ok && ig.g.match(rel) {
			return true
		}
	}
	return false
}

// IsStrict reports whether a context name (a key, variable or call) is
// declared strict. Names match exactly, case included; a dotted name also
// matches by its last segments, so `ACME_SCOPES` is strict when
// `config.ACME_SCOPES` is asked about, and `oauth.scopes` when
// `app.oauth.scopes` is.
func (c *Config) IsStrict(name string) bool {
	if c == nil || name == "" {
		return false
	}
	for _, s := range c.Strict {
		if name == s || (len(name) > len(s) && strings.HasSuffix(name, s) && name[len(name)-len(s)-1] == '.') {
			return true
		}
	}
	return false
}

// SeverityFor returns the severity the project files set for a check code
// ("error", "warning", "info", "hint" or "off"), or "" when none does.
func (c *Config) SeverityFor(code string) string {
	if c == nil {
		return ""
	}
	return c.Severity[code]
}

func formatError(e *Error) string {
	kind := ""
	if e.Warning {
		kind = "warning: "
	}
	return fmt.Sprintf("%s:%d:%d: %s%s", e.Path, e.Pos.Line, e.Pos.Column, kind, e.Msg)
}
