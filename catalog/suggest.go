package catalog

import (
	"math/bits"
	"strings"
)

// Suggest returns up to n scopes of provider nearest to token by Damerau
// (optimal string alignment) edit distance, nearest first, skipping hidden
// and deprecated scopes. Only scopes within a cut-off that grows with the
// token's length are returned, so a token far from every scope gets none.
// Ties are ranked by popularity, then by name.
//
// Letters are compared without regard to case, so "Mail.reed" finds
// "Mail.Read"; among equally near scopes the one closer in case wins. A
// token carrying one of the provider's prefixes is compared by the part
// after it, and a bare token is compared with the scopes' short forms, so
// "drive.readonyl" finds https://www.googleapis.com/auth/drive.readonly.
// The reported Distance counts case differences only for case-sensitive
// providers.
func (c *Catalog) Suggest(provider, token string, n int) []Suggestion {
	x := c.providerIndex(provider)
	if x == nil {
		return nil
	}
	return c.suggestFrom(x, x.suggest, provider, token, n)
}

// SuggestDeprecated is Suggest over the provider's deprecated scopes: the
// scope a token misspells may be one that is being retired.
func (c *Catalog) SuggestDeprecated(provider, token string, n int) []Suggestion {
	x := c.providerIndex(provider)
	if x == nil {
		return nil
	}
	return c.suggestFrom(x, x.deprecated, provider, token, n)
}

// suggestFrom is Suggest over entries, scopes of x's provider.
func (c *Catalog) suggestFrom(x *providerIndex, entries []indexEntry, provider, token string, n int) []Suggestion {
	if n <= 0 || token == "" {
		return nil
	}
	p := c.byName[provider]
	form, _ := trimAnyPrefixFold(token, x.prefixes)
	lower := strings.ToLower(form)
	limit := cutoff(len(lower))
	if limit == 0 {
		return nil
	}
	mask := charMask(lower)
	var buf distBuf
	best := make([]candidate, 0, n+1)
	for i := range entries {
		e := &entries[i]
		bound := limit
		if len(best) == n {
			bound = best[n-1].fold // only as near or nearer can enter
		}
		if d := len(e.lower) - len(lower); d > bound || -d > bound {
			continue
		}
		if maskDistance(mask, e.mask) > bound {
			continue
		}
		fold := buf.osa(lower, e.lower, bound)
		if fold > bound {
			continue
		}
		cand := candidate{entry: e, fold: fold, raw: fold}
		if form != e.key {
			cand.raw = buf.osa(form, e.key, len(form)+len(e.key))
		}
		best = insertCandidate(best, cand, n)
	}
	if len(best) == 0 {
		return nil
	}
	out := make([]Suggestion, len(best))
	for i, b := range best {
		d := b.fold
		if p != nil && p.CaseSensitive {
			d = b.raw
		}
		out[i] = Suggestion{Scope: b.entry.scope, Distance: d}
	}
	return out
}

// cutoff is the largest distance Suggest accepts for a token of length n:
// nothing for one or two characters, one edit up to four, two up to ten,
// three up to twenty-four, four beyond.
func cutoff(n int) int {
	switch {
	case n <= 2:
		return 0
	case n <= 4:
		return 1
	case n <= 10:
		return 2
	case n <= 24:
		return 3
	default:
		return 4
	}
}

// maskDistance is a lower bound of the edit distance of two strings from
// their character masks: every character class one has and the other
// lacks needs an edit, and one substitution settles at most one each way.
func maskDistance(a, b uint64) int {
	return max(bits.OnesCount64(a&^b), bits.OnesCount64(b&^a))
}

// candidate is one scope within the cut-off.
type candidate struct {
	entry *indexEntry
	fold  int // distance ignoring case
	raw   int // distance counting case
}

// less orders candidates: nearer ignoring case, nearer in case, more
// popular, then by name.
func (a candidate) less(b candidate) bool {
	if a.fold != b.fold {
		return a.fold < b.fold
	}
	if a.raw != b.raw {
		return a.raw < b.raw
	}
	pa, pb := a.entry.scope.Popularity, b.entry.scope.Popularity
	if pa != pb {
		return pa > pb
	}
	return a.entry.scope.Name < b.entry.scope.Name
}

// insertCandidate adds c to the sorted list best, keeping at most n.
func insertCandidate(best []candidate, c candidate, n int) []candidate {
	i := len(best)
	for i > 0 && c.less(best[i-1]) {
		i--
	}
	if i >= n {
		return best
	}
	best = append(best, candidate{})
	copy(best[i+1:], best[i:])
	best[i] = c
	if len(best) > n {
		best = best[:n]
	}
	return best
}

// distBuf holds the rows of the distance table between calls.
type distBuf struct {
	rows [3][]int
}

// osa returns the optimal string alignment distance of a and b (edits:
// insert, delete, substitute a byte, swap two adjacent bytes), or limit+1
// when it exceeds limit. Only cells within limit of the diagonal are
// computed, and it stops as soon as a whole row exceeds limit.
func (d *distBuf) osa(a, b string, limit int) int {
	la, lb := len(a), len(b)
	if la-lb > limit || lb-la > limit {
		return limit + 1
	}
	if la == 0 || lb == 0 {
		return max(la, lb)
	}
	inf := limit + 1
	for i := range d.rows {
		if cap(d.rows[i]) < lb+1 {
			d.rows[i] = make([]int, lb+1, max(lb+1, 64))
		}
		d.rows[i] = d.rows[i][:lb+1]
	}
	prev2, prev, cur := d.rows[0], d.rows[1], d.rows[2]
	for j := 0; j <= lb; j++ {
		prev[j] = min(j, inf)
	}
	for i := 1; i <= la; i++ {
		lo, hi := max(1, i-limit), min(lb, i+limit)
		cur[0] = min(i, inf)
		rowMin := inf
		if lo == 1 {
			rowMin = cur[0]
		} else {
			cur[lo-1] = inf
		}
		ai := a[i-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ai == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if w := prev[j] + 1; w < v {
				v = w
			}
			if w := cur[j-1] + 1; w < v {
				v = w
			}
			if i > 1 && j > 1 && ai == b[j-2] && a[i-2] == b[j-1] {
				if w := prev2[j-2] + 1; w < v {
					v = w
				}
			}
			if v > inf {
				v = inf
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if hi < lb {
			cur[hi+1] = inf
		}
		if rowMin > limit {
			return inf
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[lb], inf)
}
