package catalog

// Default returns the embedded catalog, loaded once on first use. It is
// safe for concurrent use. (Stub: replaced by the embedded loader.)
func Default() *Catalog { return New(nil) }

// Merge returns a new catalog with extra providers added. An extra provider
// whose Name matches a built-in one extends it: its scopes, hosts, signals,
// prefixes and deprecations are added, and its non-zero settings (title,
// delimiter, case rule, prefix requirement) win. c itself is not changed.
// (Stub: replaced by the real merge.)
func (c *Catalog) Merge(extra []*Provider) *Catalog { return c }
