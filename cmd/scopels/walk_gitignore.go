package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
)

// ignorePattern is one line of a .gitignore file.
type ignorePattern struct {
	// segments are the pattern's slash-separated parts; "**" stands for
	// any number of whole path segments.
	segments []string
	negate   bool
	dirOnly  bool
	// anchored patterns match the path relative to the .gitignore's
	// folder; the others match the last path element at any depth.
	anchored bool
}

// parseIgnoreLine parses one .gitignore line. It reports false for blank
// lines and comments.
func parseIgnoreLine(line string) (ignorePattern, bool) {
	line = strings.TrimSuffix(line, "\r")
	line = trimUnescapedTrailingSpaces(line)
	if line == "" || line[0] == '#' {
		return ignorePattern{}, false
	}
	var p ignorePattern
	switch {
	case line[0] == '!':
		p.negate = true
		line = line[1:]
	case strings.HasPrefix(line, `\!`), strings.HasPrefix(line, `\#`):
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = strings.TrimRight(line, "/")
	}
	if line == "" {
		return ignorePattern{}, false
	}
	if strings.Contains(line, "/") {
		p.anchored = true
		line = strings.TrimPrefix(line, "/")
	}
	p.segments = strings.Split(line, "/")
	// A leading "**/" makes an anchored pattern match at any depth, which
	// the segment matcher does by itself; "a/**/**/b" equals "a/**/b".
	p.segments = squashDoubleStars(p.segments)
	return p, true
}

// trimUnescapedTrailingSpaces drops trailing spaces unless the last one is
// escaped with a backslash.
func trimUnescapedTrailingSpaces(s string) string {
	for strings.HasSuffix(s, " ") {
		if strings.HasSuffix(s, `\ `) {
			// "\ " keeps one space; the backslash is resolved by the
			// glob matcher.
			return s
		}
		s = s[:len(s)-1]
	}
	return s
}

func squashDoubleStars(segs []string) []string {
	out := segs[:0:0]
	for _, s := range segs {
		if s == "**" && len(out) > 0 && out[len(out)-1] == "**" {
			continue
		}
		out = append(out, s)
	}
	return out
}

// match reports whether rel (slash-separated, relative to the folder of
// the pattern's file, no leading slash) matches the pattern, ignoring
// negation.
func (p *ignorePattern) match(rel string, isDir bool) bool {
	if p.dirOnly && !isDir {
		return false
	}
	if !p.anchored {
		base := rel
		if i := strings.LastIndexByte(rel, '/'); i >= 0 {
			base = rel[i+1:]
		}
		return matchSegment(p.segments[0], base)
	}
	return matchSegments(p.segments, strings.Split(rel, "/"))
}

// matchSegments matches pattern segments against path segments; "**"
// matches zero or more segments, except as the last segment, where it
// matches one or more (so "dir/**" is everything inside dir, not dir).
func matchSegments(pat, path []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			rest := pat[1:]
			if len(rest) == 0 {
				return len(path) > 0
			}
			for i := 0; i <= len(path); i++ {
				if matchSegments(rest, path[i:]) {
					return true
				}
			}
			return false
		}
		if len(path) == 0 || !matchSegment(pat[0], path[0]) {
			return false
		}
		pat, path = pat[1:], path[1:]
	}
	return len(path) == 0
}

// matchSegment matches one path element against a glob with *, ?,
// [classes] and backslash escapes. It never matches "/".
func matchSegment(pat, name string) bool {
	// Iterative matcher with single-star backtracking: the classic
	// linear-ish wildcard algorithm, extended with classes and escapes.
	px, nx := 0, 0
	starPx, starNx := -1, -1
	for nx < len(name) {
		if px < len(pat) {
			switch c := pat[px]; c {
			case '*':
				for px < len(pat) && pat[px] == '*' {
					px++
				}
				starPx, starNx = px, nx
				continue
			case '?':
				px++
				nx++
				continue
			case '[':
				if ok, width, valid := matchClass(pat[px:], name[nx]); valid {
					if ok {
						px += width
						nx++
						continue
					}
				} else {
					// An unclosed '[' makes the pattern match nothing,
					// as in git.
					return false
				}
			case '\\':
				if px+1 < len(pat) && pat[px+1] == name[nx] {
					px += 2
					nx++
					continue
				}
			default:
				if c == name[nx] {
					px++
					nx++
					continue
				}
			}
		}
		if starPx >= 0 {
			starNx++
			px, nx = starPx, starNx
			continue
		}
		return false
	}
	for px < len(pat) && pat[px] == '*' {
		px++
	}
	return px == len(pat)
}

// matchClass matches byte c against the bracket expression at the start of
// pat. valid is false when pat holds no closing bracket (then the pattern
// matches nothing); width is the expression's length.
func matchClass(pat string, c byte) (ok bool, width int, valid bool) {
	i := 1
	negate := false
	if i < len(pat) && (pat[i] == '!' || pat[i] == '^') {
		negate = true
		i++
	}
	matched := false
	first := true
	for i < len(pat) {
		if pat[i] == ']' && !first {
			return matched != negate, i + 1, true
		}
		first = false
		if strings.HasPrefix(pat[i:], "[:") {
			if end := strings.Index(pat[i+2:], ":]"); end >= 0 {
				if classHas(pat[i+2:i+2+end], c) {
					matched = true
				}
				i += end + 4
				continue
			}
		}
		lo := pat[i]
		if lo == '\\' && i+1 < len(pat) {
			i++
			lo = pat[i]
		}
		i++
		hi := lo
		if i+1 < len(pat) && pat[i] == '-' && pat[i+1] != ']' {
			hi = pat[i+1]
			if hi == '\\' && i+2 < len(pat) {
				hi = pat[i+2]
				i++
			}
			i += 2
		}
		if lo <= c && c <= hi {
			matched = true
		}
	}
	return false, 0, false
}

// classHas implements the POSIX character classes git's wildmatch knows.
func classHas(class string, c byte) bool {
	isLower := 'a' <= c && c <= 'z'
	isUpper := 'A' <= c && c <= 'Z'
	isDigit := '0' <= c && c <= '9'
	switch class {
	case "alnum":
		return isLower || isUpper || isDigit
	case "alpha":
		return isLower || isUpper
	case "digit":
		return isDigit
	case "lower":
		return isLower
	case "upper":
		return isUpper
	case "space":
		return c == ' ' || ('\t' <= c && c <= '\r')
	case "blank":
		return c == ' ' || c == '\t'
	case "punct":
		return c > ' ' && c < 0x7f && !isLower && !isUpper && !isDigit
	case "xdigit":
		return isDigit || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
	case "print":
		return c >= ' ' && c < 0x7f
	case "graph":
		return c > ' ' && c < 0x7f
	case "cntrl":
		return c < ' ' || c == 0x7f
	}
	return false
}

// ignoreRules is the chain of ignore files that applies in one folder:
// the folder's own .gitignore first, then its parents'. It is immutable
// and shared by the folders below.
type ignoreRules struct {
	parent   *ignoreRules
	dir      string // absolute folder the patterns are relative to
	patterns []ignorePattern
}

// with returns rules extended by the patterns of a file read from dir, or r
// itself when there are none.
func (r *ignoreRules) with(dir string, patterns []ignorePattern) *ignoreRules {
	if len(patterns) == 0 {
		return r
	}
	return &ignoreRules{parent: r, dir: dir, patterns: patterns}
}

// ignored reports whether the absolute path is ignored: the nearest file
// decides, and inside a file the last matching line.
func (r *ignoreRules) ignored(abs string, isDir bool) bool {
	for x := r; x != nil; x = x.parent {
		rel, ok := relSlash(x.dir, abs)
		if !ok {
			continue
		}
		for i := len(x.patterns) - 1; i >= 0; i-- {
			p := &x.patterns[i]
			if p.match(rel, isDir) {
				return !p.negate
			}
		}
	}
	return false
}

// relSlash returns abs relative to dir with forward slashes, and false
// when abs is not strictly inside dir.
func relSlash(dir, abs string) (string, bool) {
	if dir == abs {
		return "", false
	}
	prefix := dir
	if !strings.HasSuffix(prefix, string(filepath.Separator)) {
		prefix += string(filepath.Separator)
	}
	if !strings.HasPrefix(abs, prefix) {
		return "", false
	}
	return filepath.ToSlash(abs[len(prefix):]), true
}

// parseIgnoreFile parses the text of a .gitignore file.
func parseIgnoreFile(data []byte) []ignorePattern {
	var out []ignorePattern
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		if p, ok := parseIgnoreLine(string(line)); ok {
			out = append(out, p)
		}
	}
	return out
}

// maxIgnoreFileSize is the largest ignore file read; a larger one is not
// a real list of patterns.
const maxIgnoreFileSize = 100 << 20

// readIgnoreFile reads and parses a .gitignore-style file; a missing or
// unreadable file yields no patterns, and so does one that is a symbolic
// link (git does not follow those in the working tree either) or larger
// than maxIgnoreFileSize.
func readIgnoreFile(path string) []ignorePattern {
	fi, err := os.Lstat(path)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxIgnoreFileSize {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	return parseIgnoreFile(data)
}

// findRepoRoot returns the nearest folder at or above dir holding a .git
// entry (a folder, or a file for worktrees and submodules), or "".
func findRepoRoot(dir string) string {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ancestorIgnoreRules builds the rules in force at folder dir before its
// own .gitignore is read: .git/info/exclude and the .gitignore files from
// the repository root down to dir's parent. Outside a repository there
// are none.
func ancestorIgnoreRules(dir string) *ignoreRules {
	root := findRepoRoot(dir)
	if root == "" {
		return nil
	}
	var r *ignoreRules
	r = r.with(root, readIgnoreFile(filepath.Join(root, ".git", "info", "exclude")))
	var chain []string
	for d := dir; d != root; d = filepath.Dir(d) {
		p := filepath.Dir(d)
		if p == d {
			break
		}
		chain = append(chain, p)
	}
	for i := len(chain) - 1; i >= 0; i-- {
		r = r.with(chain[i], readIgnoreFile(filepath.Join(chain[i], ".gitignore")))
	}
	return r
}
