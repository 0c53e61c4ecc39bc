package project

import (
	"errors"
	"fmt"
	"path"
	"strings"
)

// maxAlternatives bounds the brace expansion of one glob.
const maxAlternatives = 256

// glob is a compiled path pattern. Patterns are matched against
// slash-separated paths relative to a project file's folder:
//
//   - `*` matches any run of characters other than `/`, `?` one such
//     character, `[abc]`, `[a-z]` and `[^a-z]` a character class, `\x` a
//     literal x (see path.Match);
//   - a segment that is exactly `**` matches zero or more whole segments;
//   - `{a,b}` matches either alternative (nesting allowed);
//   - a leading `./` or `/` and a trailing `/` are ignored.
//
// A glob that matches a folder also matches everything below it, so
// `testdata` and `testdata/**` mean the same.
type glob struct {
	text string
	alts [][]string // alternatives after brace expansion, split at "/"
	// literal counts the non-wildcard bytes of the longest alternative:
	// a rough measure of how specific the glob is.
	literal int
	// segs counts the wildcard-free segments of that alternative.
	segs int
}

// compileGlob parses a pattern.
func compileGlob(pattern string) (*glob, error) {
	p := pattern
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	p = strings.TrimPrefix(p, "/")
	p = strings.TrimSuffix(p, "/")
	if p == "" {
		return nil, errors.New("empty pattern")
	}
	alts, err := expandBraces(p)
	if err != nil {
		return nil, err
	}
	g := &glob{text: pattern}
	for _, a := range alts {
		segs := strings.Split(a, "/")
		lit, fixed := 0, 0
		for _, s := range segs {
			if s == "" {
				return nil, fmt.Errorf("empty path segment in %q", pattern)
			}
			if s == ".." {
				return nil, fmt.Errorf("%q may not leave the project file's folder", pattern)
			}
			if s == "**" {
				continue
			}
			if _, err := path.Match(s, ""); err != nil {
				return nil, fmt.Errorf("bad pattern %q: %v", pattern, err)
			}
			n := 0
			for i := 0; i < len(s); i++ {
				if !strings.ContainsRune("*?[]\\", rune(s[i])) {
					n++
				}
			}
			lit += n
			if !strings.ContainsAny(s, "*?[\\") {
				fixed++
			}
		}
		if fixed > g.segs || (fixed == g.segs && lit > g.literal) {
			g.segs, g.literal = fixed, lit
		}
		g.alts = append(g.alts, segs)
	}
	return g, nil
}

// expandBraces expands `{a,b}` groups; a backslash escapes the next byte.
func expandBraces(p string) ([]string, error) {
	open := -1
	depth := 0
	var commas []int
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '\\':
			i++
		case '{':
			if depth == 0 {
				open = i
				commas = commas[:0]
			}
			depth++
		case ',':
			if depth == 1 {
				commas = append(commas, i)
			}
		case '}':
			if depth == 0 {
				return nil, errors.New("unmatched '}'")
			}
			depth--
			if depth > 0 {
				continue
			}
			var parts []string
			last := open + 1
			for _, c := range commas {
				parts = append(parts, p[last:c])
				last = c + 1
			}
			parts = append(parts, p[last:i])
			head, tail := p[:open], p[i+1:]
			tails, err := expandBraces(tail)
			if err != nil {
				return nil, err
			}
			var out []string
			for _, part := range parts {
				mids, err := expandBraces(part)
				if err != nil {
					return nil, err
				}
				for _, m := range mids {
					for _, t := range tails {
						out = append(out, head+m+t)
						if len(out) > maxAlternatives {
							return nil, fmt.Errorf("more than %d alternatives", maxAlternatives)
						}
					}
				}
			}
			return out, nil
		}
	}
	if depth > 0 {
		return nil, errors.New("unmatched '{'")
	}
	return []string{p}, nil
}

// match reports whether rel (slash-separated, relative, cleaned) or one of
// its parent folders matches g. The empty rel and "." stand for the
// folder itself.
func (g *glob) match(rel string) bool {
	var names []string
	if rel != "" && rel != "." {
		names = strings.Split(rel, "/")
	}
	for _, segs := range g.alts {
		if matchSegments(segs, names) {
			return true
		}
	}
	return false
}

// matchSegments reports whether pattern segments pat match names or a
// non-empty prefix of names (a parent folder), by dynamic programming so
// that repeated `**` cannot make it slow. With no names at all, only a
// pattern of `**` segments matches.
func matchSegments(pat, names []string) bool {
	// ok[j] reports whether pat[:i] matches names[:j], for the current i.
	ok := make([]bool, len(names)+1)
	next := make([]bool, len(names)+1)
	ok[0] = true
	for _, p := range pat {
		for j := range next {
			next[j] = false
		}
		if p == "**" {
			seen := false
			for j := 0; j <= len(names); j++ {
				seen = seen || ok[j]
				next[j] = seen
			}
		} else {
			for j := 1; j <= len(names); j++ {
				if ok[j-1] {
					if m, _ := path.Match(p, names[j-1]); m {
						next[j] = true
					}
				}
			}
		}
		ok, next = next, ok
	}
	if len(names) == 0 {
		return ok[0]
	}
	for j := 1; j <= len(names); j++ {
		if ok[j] {
			return true
		}
	}
	return false
}
