package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// title returns the provider's display name.
func title(p *catalog.Provider) string {
	if p == nil {
		return "the provider"
	}
	if p.Title != "" {
		return p.Title
	}
	return p.Name
}

// providerName returns p's Name, or "" for nil.
func providerName(p *catalog.Provider) string {
	if p == nil {
		return ""
	}
	return p.Name
}

// anchored reports whether a set is surely OAuth: at least one of its
// tokens is a scope of its provider (in any form), or its context is
// strict. Checks that judge the string as a whole (delimiters, spacing,
// duplicates) only look at anchored sets.
func anchored(s *analysis.ScopeSet) bool {
	if s.Provider == nil {
		return false
	}
	if s.Strict {
		return true
	}
	for _, r := range s.Resolutions {
		if r.Kind != analysis.MatchNone {
			return true
		}
	}
	return false
}

// replaceToken returns an edit that replaces tok with text, encoded for
// the literal it stands in; ok is false when text cannot be written there.
func replaceToken(src []byte, tok analysis.Token, text string) (analysis.Edit, bool) {
	enc, ok := tok.Lit.Encode(text)
	if !ok {
		return analysis.Edit{}, false
	}
	return analysis.Edit{Span: tok.Span, NewText: enc}, true
}

// replaceFix is a fix that replaces tok with text.
func replaceFix(src []byte, tok analysis.Token, text string, preferred bool) []analysis.Fix {
	e, ok := replaceToken(src, tok, text)
	if !ok {
		return nil
	}
	return []analysis.Fix{{Title: fmt.Sprintf("Replace with %q", text), Edits: []analysis.Edit{e}, Preferred: preferred}}
}

// closeQuoteLen returns the length of the delimiter that closes a literal
// opened by quote: one quote, three for triple-quoted strings, one more per
// hash sign of Rust and Swift raw strings.
func closeQuoteLen(quote string) int {
	switch {
	case quote == "":
		return 0
	case strings.HasSuffix(quote, `"""`), strings.HasSuffix(quote, `'''`):
		return 3
	}
	return 1 + strings.Count(quote, "#")
}

// removeToken returns the edit that removes token i of set s with the
// separator or list punctuation that goes with it; ok is false when that
// cannot be done safely (the token is first in its list, comments stand
// between elements, ...).
func removeToken(src []byte, s *analysis.ScopeSet, i int) (analysis.Edit, bool) {
	tok := s.Tokens[i]
	lit := tok.Lit
	// Another token of the same literal: drop the token and the separator
	// before it (or after it, for the first token). Separators are in
	// source order, so the neighbours are found by binary search.
	var before, after *analysis.Sep
	if k := sort.Search(len(s.Seps), func(k int) bool { return s.Seps[k].Span.Start >= tok.Span.End }); k < len(s.Seps) {
		if sep := &s.Seps[k]; sep.Lit == lit && sep.Start == tok.End && sep.End < len(lit.Value) {
			after = sep
		}
	}
	if k := sort.Search(len(s.Seps), func(k int) bool { return s.Seps[k].Span.End > tok.Span.Start }); k > 0 {
		if sep := &s.Seps[k-1]; sep.Lit == lit && sep.End == tok.Start && sep.Start > 0 {
			before = sep
		}
	}
	if before != nil {
		return analysis.Edit{Span: analysis.Span{Start: before.Span.Start, End: tok.Span.End}}, true
	}
	if after != nil {
		return analysis.Edit{Span: analysis.Span{Start: tok.Span.Start, End: after.Span.End}}, true
	}
	// The whole literal is one list element: remove it with the
	// punctuation after the previous element.
	if tok.Start != 0 || tok.End != len(lit.Value) || lit.Partial {
		return analysis.Edit{}, false
	}
	var prev, next *analysis.Literal
	k := sort.Search(len(s.Literals), func(k int) bool { return s.Literals[k].Span.Start >= lit.Span.Start })
	if k < len(s.Literals) && s.Literals[k] == lit {
		if k > 0 {
			prev = s.Literals[k-1]
		}
		if k+1 < len(s.Literals) {
			next = s.Literals[k+1]
		}
	}
	if lit.List == 0 {
		return analysis.Edit{}, false
	}
	openLen := len(lit.Quote)
	if prev != nil && prev.List == lit.List {
		// `, "x"`: from the end of the previous element to our end.
		start := prev.Span.End + closeQuoteLen(prev.Quote)
		end := lit.Span.End + closeQuoteLen(lit.Quote)
		if start > lit.Span.Start-openLen || end > len(src) || !onlyListPunct(src[start:lit.Span.Start-openLen]) {
			return analysis.Edit{}, false
		}
		return analysis.Edit{Span: analysis.Span{Start: start, End: end}}, true
	}
	if next != nil && next.List == lit.List {
		// `"x", `: from our start to the start of the next element.
		start := lit.Span.Start - openLen
		end := next.Span.Start - len(next.Quote)
		after := lit.Span.End + closeQuoteLen(lit.Quote)
		if start < 0 || after > end || !onlyListPunct(src[after:end]) {
			return analysis.Edit{}, false
		}
		return analysis.Edit{Span: analysis.Span{Start: start, End: end}}, true
	}
	return analysis.Edit{}, false
}

// onlyListPunct reports whether b holds nothing but what separates list
// elements: white space, commas and YAML's dashes.
func onlyListPunct(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', ',', '-':
		default:
			return false
		}
	}
	return true
}

// isPlaceholder reports whether a token is a template or variable rather
// than a scope: ${VAR}, {{ .x }}, %s, <scope>, $SCOPES, *.
func isPlaceholder(tok string) bool {
	return strings.ContainsAny(tok, "${}<>*%()[]") || tok == "..." || strings.HasPrefix(tok, "@")
}

// quoteList formats names as "a", "b" and "c".
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	switch len(q) {
	case 0:
		return ""
	case 1:
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// sepsByLiteral groups a set's separators by the literal they stand in.
func sepsByLiteral(s *analysis.ScopeSet) map[*analysis.Literal][]analysis.Sep {
	m := make(map[*analysis.Literal][]analysis.Sep)
	for _, sep := range s.Seps {
		m[sep.Lit] = append(m[sep.Lit], sep)
	}
	return m
}
