package catalog

// Suggest returns up to n scopes of provider nearest to token by Damerau
// (optimal string alignment) edit distance, nearest first, skipping hidden
// and deprecated scopes. Only scopes within a cut-off that grows with the
// token's length are returned, so a token far from every scope gets none.
// Ties are ranked by popularity. (Stub.)
func (c *Catalog) Suggest(provider, token string, n int) []Suggestion { return nil }
