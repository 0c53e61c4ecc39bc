package analysis

import (
	"unicode/utf8"

	"github.com/scopels/scopels/analysis/extract"
)

// isSepRune reports whether r separates scopes inside one string: ASCII
// white space, the delimiters people use by mistake (',', ';', '|', '+'),
// and the no-break and ideographic spaces that paste in from documents.
func isSepRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', ',', ';', '|', '+', '\u00a0', '\u3000', '\u2002', '\u2003', '\u2009':
		return true
	}
	return false
}

// tokenize splits a literal's value into scope tokens and the separators
// between them (separators at the edges are kept too: they are malformed).
// In a URL literal '+' has already been decoded to a space.
func tokenize(lit *extract.Literal) (toks []Token, seps []Sep) {
	v := lit.Value
	i := 0
	for i < len(v) {
		start := i
		r, size := utf8.DecodeRuneInString(v[i:])
		if isSepRune(r) {
			for i < len(v) {
				r, size = utf8.DecodeRuneInString(v[i:])
				if !isSepRune(r) {
					break
				}
				i += size
			}
			seps = append(seps, Sep{Text: v[start:i], Span: lit.SourceSpan(start, i), Lit: lit, Start: start, End: i})
			continue
		}
		for i < len(v) {
			r, size = utf8.DecodeRuneInString(v[i:])
			if isSepRune(r) {
				break
			}
			i += size
		}
		toks = append(toks, Token{Text: v[start:i], Span: lit.SourceSpan(start, i), Lit: lit, Start: start, End: i})
	}
	return toks, seps
}

// SepKind classifies a separator by the punctuation in it, ignoring white
// space: "comma", "semicolon", "pipe", "plus", "mixed" (more than one kind),
// or "space" when it is white space only.
func SepKind(s string) string {
	kind := ""
	for _, r := range s {
		var k string
		switch r {
		case ',':
			k = "comma"
		case ';':
			k = "semicolon"
		case '|':
			k = "pipe"
		case '+':
			k = "plus"
		default:
			continue
		}
		if kind != "" && kind != k {
			return "mixed"
		}
		kind = k
	}
	if kind == "" {
		return "space"
	}
	return kind
}
