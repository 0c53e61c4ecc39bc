package extract

import (
	"cmp"
	"slices"
	"strings"
)

// withURLScopes appends, for every literal whose value holds a URL or query
// string with a scope-like parameter, one URL literal per such parameter
// (see urlScanParams), keeps the parent literal, and returns the
// literals sorted by Span.Start (stably). Literals that already have URL set
// (found by a raw-text scan) are not scanned again.
func withURLScopes(src []byte, lits []Literal) []Literal {
	n := len(lits)
	for i := 0; i < n; i++ {
		if lits[i].URL || !urlMayHoldScope(lits[i].Value) {
			continue
		}
		parent := lits[i]
		urlScanParams(parent.Value, true, false, func(ns, ne, vs, ve int) {
			lits = append(lits, urlLiteral(src, parent.Value, vs, ve, parent.Value[ns:ne], parent.SourceOffset))
			last := &lits[len(lits)-1]
			last.TokenResponse = urlHasTokenParam(parent.Value, ns, ve)
			if parent.Partial && ve == len(parent.Value) {
				last.Partial = true
			}
		})
	}
	urlSortLiterals(lits)
	return lits
}

// urlScanText returns the URL literals of scope-like query parameters in
// raw text: src[start:end] read as prose, HTML or any text without string
// syntax of its own.
func urlScanText(src []byte, start, end int, lits []Literal) []Literal {
	text := src[start:end]
	if !urlMayHoldScope(text) {
		return lits
	}
	srcOff := func(i int) int { return start + i }
	urlScanParams(text, false, true, func(ns, ne, vs, ve int) {
		lits = append(lits, urlLiteral(src, text, vs, ve, string(text[ns:ne]), srcOff))
		lits[len(lits)-1].TokenResponse = urlHasTokenParam(text, ns, ve)
	})
	return lits
}

// urlSortLiterals orders literals by Span.Start, keeping the order of
// literals that start at the same offset.
func urlSortLiterals(lits []Literal) {
	byStart := func(a, b Literal) int { return cmp.Compare(a.Span.Start, b.Span.Start) }
	if !slices.IsSortedFunc(lits, byStart) {
		slices.SortStableFunc(lits, byStart)
	}
}

// urlMayHoldScope is a cheap test that s contains "scope=" or
// "scopes=" in any letter case.
func urlMayHoldScope[T string | []byte](s T) bool {
	for i := 5; i < len(s); i++ {
		if s[i] != '=' {
			continue
		}
		j := i
		if s[j-1]|0x20 == 's' {
			j--
		}
		if j >= 5 && s[j-5]|0x20 == 's' && s[j-4]|0x20 == 'c' && s[j-3]|0x20 == 'o' &&
			s[j-2]|0x20 == 'p' && s[j-1]|0x20 == 'e' {
			return true
		}
	}
	return false
}

// urlIsScopeParam reports whether a query parameter name says that its
// value holds scopes: scope, scopes, or a name ending in _scope or _scopes
// (user_scope), in any letter case.
func urlIsScopeParam[T string | []byte](name T) bool {
	n := len(name)
	if n >= 1 && name[n-1]|0x20 == 's' {
		n--
	}
	if n < 5 || !(name[n-5]|0x20 == 's' && name[n-4]|0x20 == 'c' && name[n-3]|0x20 == 'o' &&
		name[n-2]|0x20 == 'p' && name[n-1]|0x20 == 'e') {
		return false
	}
	return n == 5 || name[n-6] == '_'
}

// urlTokenParams are the parameters of a token response or of an
// implicit-flow redirect.
var urlTokenParams = []string{"access_token", "id_token", "refresh_token", "token_type", "expires_in"}

// urlHasTokenParam reports whether the URL or query string around the
// parameter s[ns:ve] (up to the blanks or quotes that bound it) has a
// token parameter.
func urlHasTokenParam[T string | []byte](s T, ns, ve int) bool {
	start, end := ns, ve
	for start > 0 && !urlIsBound(s[start-1]) {
		start--
	}
	for end < len(s) && !urlIsBound(s[end]) {
		end++
	}
	for i := start; i < end; i++ {
		if i > start && s[i-1] != '?' && s[i-1] != '&' && s[i-1] != '#' {
			continue
		}
		for _, p := range urlTokenParams {
			if i+len(p) < end && s[i+len(p)] == '=' && string(s[i:i+len(p)]) == p {
				return true
			}
		}
	}
	return false
}

// urlIsBound reports whether c bounds a URL or query string in text.
func urlIsBound(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '"', '\'', '`', '<', '>':
		return true
	}
	return false
}

func urlIsNameByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// urlIsParamEnd reports whether c ends a query parameter value: the next
// parameter or the fragment, or a character that cannot stand in a URL
// and so ends the URL itself (space, quotes, brackets, a backslash).
func urlIsParamEnd(c byte) bool {
	switch c {
	case '&', '#', ' ', '\t', '\n', '\r', '\f', '\v', '"', '\'', '`', '<', '>', '(', ')', '[', ']', '\\', '|', ';':
		return true
	}
	return false
}

// urlScanParams finds the scope-like query parameters of s and calls f
// with the bounds of each one's name [ns, ne) and raw value [vs, ve). A
// parameter counts when its name follows '?' or '&' (or the HTML-escaped
// "&amp;"), or, when bare is set, when it starts s and s is a query string
// (it joins parameters with '&'). Empty values are skipped. In prose
// (trimPunct) trailing sentence punctuation is not part of the value.
func urlScanParams[T string | []byte](s T, bare, trimPunct bool, f func(ns, ne, vs, ve int)) {
	for i := 1; i < len(s); i++ {
		if s[i] != '=' {
			continue
		}
		j := i
		for j > 0 && urlIsNameByte(s[j-1]) {
			j--
		}
		if j == i || !urlIsScopeParam(s[j:i]) {
			continue
		}
		ok := false
		switch {
		case j == 0:
			ok = bare && urlIsBareQuery(s)
		case s[j-1] == '?' || s[j-1] == '&':
			ok = true
		case s[j-1] == ';':
			ok = j >= 5 && string(s[j-5:j]) == "&amp;"
		}
		if !ok {
			continue
		}
		k := i + 1
		for k < len(s) && !urlIsParamEnd(s[k]) {
			k++
		}
		ve := k
		if trimPunct {
			for ve > i+1 && strings.IndexByte(".,:!?", s[ve-1]) >= 0 {
				ve--
			}
		}
		if ve > i+1 {
			f(j, i, i+1, ve)
		}
		i = k - 1
	}
}

// urlIsBareQuery reports whether s starts as a query string: name=value
// pairs, at least two, joined by '&' before any blank.
func urlIsBareQuery[T string | []byte](s T) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '&':
			for k := i + 1; k < len(s) && urlIsNameByte(s[k]); k++ {
				if k+1 < len(s) && s[k+1] == '=' {
					return true
				}
			}
			return false
		case ' ', '\t', '\n', '\r', '?', '/':
			return false
		}
	}
	return false
}

// urlLiteral builds the URL literal of the raw parameter value s[vs:ve]:
// percent-decoded with '+' as a space, each decoded byte mapped to the
// source offset of its encoding (srcOff maps an index of s to the source).
// A '%' that does not start a valid escape stays as it is; it, '{', '}' or
// '$' in the value mark it Partial, since such values are templates
// (printf verbs, placeholders) rather than scopes.
func urlLiteral[T string | []byte](src []byte, s T, vs, ve int, key string, srcOff func(int) int) Literal {
	lit := Literal{
		Span:   Span{srcOff(vs), srcOff(ve)},
		Quote:  "",
		Escape: EscapePercent,
		Key:    key,
		URL:    true,
	}
	raw := s[vs:ve]
	plain := true
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '%', '+':
			plain = false
		case '{', '}', '$':
			lit.Partial = true
		}
	}
	if plain {
		lit.Value = string(raw)
		if lit.Span.Len() != len(lit.Value) || string(src[lit.Span.Start:lit.Span.End]) != lit.Value {
			lit.Offsets = make([]int, 0, len(raw)+1)
			for i := vs; i <= ve; i++ {
				lit.Offsets = append(lit.Offsets, srcOff(i))
			}
		}
		return lit
	}
	buf := make([]byte, 0, len(raw))
	m := textOffsets{start: lit.Span.Start, hint: len(raw) + 1}
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '+':
			c = ' '
		case c == '%' && i+2 < len(raw) && textHexDigit(raw[i+1]) >= 0 && textHexDigit(raw[i+2]) >= 0:
			m.add(srcOff(vs + i))
			d := byte(textHexDigit(raw[i+1])<<4 | textHexDigit(raw[i+2]))
			if (d == ':' || d == '/' || d == ',') && strings.IndexByte(lit.Encoded, d) < 0 {
				lit.Encoded += string(d)
			}
			buf = append(buf, d)
			i += 2
			continue
		case c == '%':
			lit.Partial = true
		}
		m.add(srcOff(vs + i))
		buf = append(buf, c)
	}
	lit.Value = string(buf)
	lit.Offsets = m.finish(src, lit.Value, lit.Span.End)
	return lit
}
