package catalog

import (
	"strings"
)

// Evidence is one kind of text whose presence in a file says a provider
// is in use.
type Evidence struct {
	Provider string
	// Text is what was found: a signal (import path, SDK name, env name)
	// or an authorize URL prefix (host, or host and path).
	Text string
	// URL is true for an authorize URL, false for a code signal.
	URL bool
}

// EvidenceMatcher finds every provider's signals and authorize URLs in a
// text in one pass: it looks up each identifier of the text in a table of
// anchors (the longest identifier of each piece of evidence) and checks
// the whole evidence only where an anchor occurs.
type EvidenceMatcher struct {
	anchors map[string][]anchored
	// lengths has, per first byte, bit n set when an anchor of length n
	// (63 for longer ones) starts with that byte: most words of a file are
	// ruled out without hashing them.
	lengths [256]uint64
}

// anchored is one piece of evidence and where its anchor sits in it.
type anchored struct {
	ev Evidence
	// text is what must stand in the source: ev.Text, or for a pattern
	// with a wildcard ("www.facebook.com/v*/dialog/oauth") the part after
	// it, with pre the part before.
	text, pre string
	offset    int // byte offset of the anchor inside text
}

// maxWildcard is the longest text a wildcard of an authorize path stands
// for (an API version such as "v19.0").
const maxWildcard = 12

// Evidence returns the catalog's matcher, built on first use.
func (c *Catalog) Evidence() *EvidenceMatcher { return c.evidence() }

func newEvidenceMatcher(providers []*Provider) *EvidenceMatcher {
	m := &EvidenceMatcher{anchors: map[string][]anchored{}}
	add := func(ev Evidence) {
		pre, text, wild := strings.Cut(ev.Text, "*")
		if !wild {
			pre, text = "", ev.Text
		}
		a, off := longestIdent(text)
		if len(a) < 3 || strings.Contains(text, "*") {
			return
		}
		m.anchors[a] = append(m.anchors[a], anchored{ev: ev, text: text, pre: pre, offset: off})
		m.lengths[a[0]] |= 1 << min(len(a), 63)
	}
	for _, p := range providers {
		for _, s := range p.Signals {
			if len(s) >= 4 {
				add(Evidence{Provider: p.Name, Text: s})
			}
		}
		for _, h := range p.AuthorizeHosts {
			h = strings.TrimPrefix(h, "*.")
			if h == "" || strings.ContainsAny(h, "<> ") {
				continue
			}
			if signInHost(h) {
				add(Evidence{Provider: p.Name, Text: h, URL: true})
				continue
			}
			for _, path := range p.AuthorizePaths {
				path, _, _ = strings.Cut(path, " ")
				if strings.HasPrefix(path, "/") && !strings.Contains(path, "<") {
					add(Evidence{Provider: p.Name, Text: h + path, URL: true})
				}
			}
		}
	}
	return m
}

// signInHost reports whether a host serves nothing but sign-in, so the host
// alone is evidence (accounts.google.com), unlike github.com.
func signInHost(h string) bool {
	for _, p := range []string{"login.", "accounts.", "auth.", "id.", "appleid.", "identity.", "appcenter.", "connect."} {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	return false
}

// Find calls fn for each piece of evidence found in src (each at most
// once). Signals must stand as whole words: no identifier character right
// before or after them.
func (m *EvidenceMatcher) Find(src []byte, fn func(Evidence)) {
	seen := map[*anchored]bool{}
	for i := 0; i < len(src); {
		if !isIdent(src[i]) {
			i++
			continue
		}
		j := i
		for j < len(src) && isIdent(src[j]) {
			j++
		}
		if m.lengths[src[i]]&(1<<min(j-i, 63)) == 0 {
			i = j
			continue
		}
		if cands, ok := m.anchors[string(src[i:j])]; ok {
			for k := range cands {
				c := &cands[k]
				if seen[c] {
					continue
				}
				start := i - c.offset
				end := start + len(c.text)
				if start < 0 || end > len(src) || string(src[start:end]) != c.text {
					continue
				}
				if c.pre != "" {
					if start = wildcardStart(src, start, c.pre); start < 0 {
						continue
					}
				}
				t := c.ev.Text
				if start > 0 && isIdent(src[start-1]) && isIdent(t[0]) ||
					end < len(src) && isIdent(src[end]) && isIdent(t[len(t)-1]) {
					continue
				}
				seen[c] = true
				fn(c.ev)
			}
		}
		i = j
	}
}

// wildcardStart returns where pre starts in src when it ends a short run
// of version characters before offset at (the wildcard of a pattern
// "pre*text" whose text starts at at), or -1.
func wildcardStart(src []byte, at int, pre string) int {
	for k := at; k >= 0 && at-k <= maxWildcard; k-- {
		if k < at && !isIdent(src[k]) && src[k] != '.' && src[k] != '-' {
			return -1
		}
		if k >= len(pre) && string(src[k-len(pre):k]) == pre {
			return k - len(pre)
		}
	}
	return -1
}

// longestIdent returns the longest run of identifier characters in s and
// its offset.
func longestIdent(s string) (string, int) {
	best, off := "", 0
	for i := 0; i < len(s); {
		if !isIdent(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isIdent(s[j]) {
			j++
		}
		if j-i > len(best) {
			best, off = s[i:j], i
		}
		i = j
	}
	return best, off
}

func isIdent(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}
