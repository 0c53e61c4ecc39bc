package catalog

import (
	"sort"
	"strings"
)

// providerIndex holds what Suggest and Complete need for one provider,
// computed once when the catalog is built.
type providerIndex struct {
	prefixes []string
	// suggest holds the visible, current scopes (neither hidden nor
	// deprecated): the only ones Suggest offers.
	suggest []indexEntry
	// deprecated holds the visible, deprecated scopes, which
	// SuggestDeprecated offers.
	deprecated []indexEntry
	// complete holds every visible scope, current ones first; keys are
	// the strings fuzzy matching runs over.
	complete []indexEntry
	keys     []string
	// ranked is complete ordered for an empty prefix: current before
	// deprecated, then by popularity, then by name.
	ranked []*Scope
}

// indexEntry is one scope as Suggest and Complete see it.
type indexEntry struct {
	scope *Scope
	// key is the name without a provider prefix (Google's short form), or
	// the name itself; lower is key lower-cased.
	key, lower string
	// full is the lower-cased full name when it differs from key.
	full string
	// mask has one bit per character class of lower (see charMask).
	mask, fullMask uint64
}

func newProviderIndex(p *Provider) *providerIndex {
	x := &providerIndex{prefixes: p.Prefixes}
	var current, old []indexEntry
	for _, s := range p.Scopes {
		if s.Hidden {
			continue
		}
		e := indexEntry{scope: s, key: s.Name}
		if rest, ok := trimAnyPrefix(s.Name, p.Prefixes); ok && rest != "" {
			e.key = rest
			e.full = strings.ToLower(s.Name)
			e.fullMask = charMask(e.full)
		}
		e.lower = strings.ToLower(e.key)
		e.mask = charMask(e.lower)
		if s.Deprecated {
			old = append(old, e)
		} else {
			current = append(current, e)
		}
	}
	x.suggest, x.deprecated = current, old
	x.complete = append(append([]indexEntry(nil), current...), old...)
	x.keys = make([]string, len(x.complete))
	x.ranked = make([]*Scope, len(x.complete))
	for i, e := range x.complete {
		x.keys[i] = e.key
		x.ranked[i] = e.scope
	}
	sort.SliceStable(x.ranked, func(i, j int) bool { return rankBefore(x.ranked[i], x.ranked[j]) })
	return x
}

// rankBefore orders scopes for completion without a query: current before
// deprecated, then more popular first, then by name.
func rankBefore(a, b *Scope) bool {
	if a.Deprecated != b.Deprecated {
		return !a.Deprecated
	}
	if a.Popularity != b.Popularity {
		return a.Popularity > b.Popularity
	}
	return a.Name < b.Name
}

// trimAnyPrefix removes the first of prefixes that s starts with.
func trimAnyPrefix(s string, prefixes []string) (string, bool) {
	for _, pre := range prefixes {
		if len(s) > len(pre) && strings.HasPrefix(s, pre) {
			return s[len(pre):], true
		}
	}
	return s, false
}

// trimAnyPrefixFold is trimAnyPrefix ignoring case.
func trimAnyPrefixFold(s string, prefixes []string) (string, bool) {
	for _, pre := range prefixes {
		if len(s) > len(pre) && strings.EqualFold(s[:len(pre)], pre) {
			return s[len(pre):], true
		}
	}
	return s, false
}

// charMask maps each byte of s to one of 64 bits: letters and digits get
// their own bit, the rest share bits by value. Two strings whose masks
// differ in k bits (each way) are at least k edits apart, so the mask is a
// cheap lower bound before the real distance.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= 1 << charBit(s[i])
	}
	return m
}

func charBit(b byte) uint {
	switch {
	case b >= 'a' && b <= 'z':
		return uint(b - 'a')
	case b >= 'A' && b <= 'Z':
		return uint(b - 'A')
	case b >= '0' && b <= '9':
		return 26 + uint(b-'0')
	default:
		return 36 + uint(b)%28
	}
}
