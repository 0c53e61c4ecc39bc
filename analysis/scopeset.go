package analysis

import (
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
)

// Token is one scope as written in a file.
type Token struct {
	// Text is the decoded token.
	Text string
	// Span is where the token's source text is.
	Span Span
	// Lit is the literal holding the token.
	Lit *extract.Literal
	// Start and End delimit the token inside Lit.Value.
	Start, End int
}

// Sep is the text between two tokens of one literal (", ", "+", " ").
type Sep struct {
	Text       string
	Span       Span
	Lit        *extract.Literal
	Start, End int
}

// ScopeSet is one request for scopes: a single literal holding one or more
// delimited scopes, or a list whose elements each hold scopes.
type ScopeSet struct {
	// Literals are the literals of the set, in source order.
	Literals []*extract.Literal
	// Tokens are the scopes, in source order.
	Tokens []Token
	// Seps are the separators between tokens inside a literal.
	Seps []Sep
	// Provider is the inferred provider, nil when unknown.
	Provider *catalog.Provider
	// Evidence says why Provider was chosen (for messages and hover).
	Evidence string
	// Want is the delimiter this context wants between scopes inside one
	// string: the provider's, adjusted for the context (a list element
	// holds one scope; a Spring property holds a comma list).
	Want catalog.Delimiter
	// Context is the key or call name that made this a scope context, ""
	// when the set was found by the shape of its scopes alone.
	Context string
	// Strict is true where any unknown token is reported, not only near
	// misses.
	Strict bool
	// InURL is true for the value of a scope= query parameter.
	InURL bool
	// Declaration is true where the set lists the scopes an API offers or
	// accepts (the scopes map of an OpenAPI security scheme, the scopes of
	// a method in a discovery document) or names one (a constant such as
	// scopeEmail = "user:email") instead of requesting them: the checks
	// that judge a request as a whole (redundant, broad, duplicate, not
	// granted) skip it.
	Declaration bool
	// AllowShort is true where a library expands short forms itself
	// (omniauth-google-oauth2, gcloud --scopes, Terraform service accounts),
	// so a missing prefix is not a mistake.
	AllowShort bool
	// AcceptComma is true where the library splits a comma list itself
	// (omniauth, Spring properties), so commas are correct even for a
	// space-delimited provider.
	AcceptComma bool
	// AcceptSpace is true where spaces are correct although Want is comma.
	AcceptSpace bool
	// SoftComma is true for settings (.env, .properties, shell variables)
	// that the program may split on commas itself: a comma list for a
	// space-delimited provider is then only a hint.
	SoftComma bool
	// Confidence is the weight of the evidence for Provider.
	Confidence int
	// Resolutions holds, per token, what it is for Provider.
	Resolutions []Resolution
}

// Result is the analysis of one file.
type Result struct {
	File        *File
	Format      extract.Format
	Sets        []*ScopeSet
	Diagnostics []Diagnostic
	// Lines converts offsets of File.Src to positions.
	Lines *LineIndex
}

// At returns the scope set, literal and token at byte offset off (a cursor
// right after a token's last byte counts as in it). tok is nil when off is
// inside a literal but not on a token; all are nil outside scope sets.
func (r *Result) At(off int) (set *ScopeSet, lit *extract.Literal, tok *Token) {
	for _, s := range r.Sets {
		for _, l := range s.Literals {
			if !l.Span.Contains(off) {
				continue
			}
			for i := range s.Tokens {
				t := &s.Tokens[i]
				if t.Lit == l && t.Span.Contains(off) {
					return s, l, t
				}
			}
			return s, l, nil
		}
	}
	return nil, nil, nil
}
