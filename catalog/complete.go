package catalog

// Complete returns provider's scopes matching the typed prefix, ranked by
// fuzzy match then popularity, hidden scopes left out and deprecated ones
// last. An empty prefix returns every visible scope by popularity. (Stub.)
func (c *Catalog) Complete(provider, prefix string) []*Scope { return nil }
