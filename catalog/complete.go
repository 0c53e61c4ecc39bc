package catalog

import (
	"cmp"
	"slices"
	"strings"

	"github.com/sahilm/fuzzy"
)

// Complete returns provider's scopes matching the typed prefix, ranked by
// fuzzy match then popularity, hidden scopes left out and deprecated ones
// last. An empty prefix returns every visible scope by popularity.
//
// Matching is a case-insensitive subsequence match over each scope's name
// without the provider's prefix (Google's short form), so "drive.ro" and
// "https://www.googleapis.com/auth/drive.ro" both find
// https://www.googleapis.com/auth/drive.readonly. The slice is new; its
// scopes are the catalog's own and must not be changed.
func (c *Catalog) Complete(provider, prefix string) []*Scope {
	x := c.providerIndex(provider)
	if x == nil {
		return nil
	}
	pattern, _ := trimAnyPrefixFold(prefix, x.prefixes)
	for _, pre := range x.prefixes {
		if strings.EqualFold(prefix, pre) {
			pattern = "" // exactly a prefix ("https://www.googleapis.com/auth/"): everything
		}
	}
	if pattern == "" {
		return append([]*Scope(nil), x.ranked...)
	}
	// Only keys that hold the pattern as a subsequence (ignoring case)
	// can match; checking that first keeps the fuzzy scorer to the few
	// real candidates.
	lower := strings.ToLower(pattern)
	mask := charMask(lower)
	var idx []int
	var keys []string
	for i := range x.complete {
		e := &x.complete[i]
		if e.mask&mask == mask && isSubsequence(lower, e.lower) {
			idx = append(idx, i)
			keys = append(keys, e.key)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	matches := fuzzy.FindNoSort(pattern, keys)
	type ranked struct {
		score int
		scope *Scope
	}
	rs := make([]ranked, len(matches))
	for i, m := range matches {
		rs[i] = ranked{m.Score, x.complete[idx[m.Index]].scope}
	}
	slices.SortFunc(rs, func(a, b ranked) int {
		switch {
		case a.scope.Deprecated != b.scope.Deprecated:
			if b.scope.Deprecated {
				return -1
			}
			return 1
		case a.score != b.score:
			return cmp.Compare(b.score, a.score)
		case a.scope.Popularity != b.scope.Popularity:
			return cmp.Compare(b.scope.Popularity, a.scope.Popularity)
		}
		return strings.Compare(a.scope.Name, b.scope.Name)
	})
	out := make([]*Scope, len(rs))
	for i, r := range rs {
		out[i] = r.scope
	}
	return out
}

// isSubsequence reports whether the bytes of p occur in s in order.
func isSubsequence(p, s string) bool {
	i := 0
	for j := 0; i < len(p) && j < len(s); j++ {
		if p[i] == s[j] {
			i++
		}
	}
	return i == len(p)
}
