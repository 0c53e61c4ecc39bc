package analysis

import "github.com/scopels/scopels/analysis/extract"

// recordWindow bounds how far tokenRecord looks around a literal for the
// braces of its object.
const recordWindow = 2048

// tokenFields are the normalized names (see appendNormName) of the fields
// of a token response or of a stored grant: an object or query string
// holding one of them describes scopes already granted, written the way
// the provider reports them (GitHub answers "repo,gist"), not a request.
var tokenFields = map[string]bool{
	"accesstoken": true, "idtoken": true, "refreshtoken": true, "tokentype": true,
	"expiresin": true,
}

// tokenRecord reports whether lit is the scope field of a token response
// or a stored grant: an object literal ({...}) that also has a field such
// as access_token, idToken or token_type, or a query string that has one
// (extract.Literal.TokenResponse). Such a scope
// string is what a server granted, in the form it reports it; checking
// it as a request would cry wolf.
func (e *engine) tokenRecord(lit *extract.Literal) bool {
	src := e.file.Src
	if lit.URL {
		return lit.TokenResponse
	}
	if v, ok := e.records[lit.List]; ok && lit.List != 0 {
		return v // the elements of a list share its enclosing object
	}
	rec := false
	if open, close := enclosingBraces(src, lit.Span); open >= 0 {
		rec = hasTokenKey(src[open+1:close], e.format == extract.FormatJavaScript)
	}
	if lit.List != 0 {
		if e.records == nil {
			e.records = map[int]bool{}
		}
		e.records[lit.List] = rec
	}
	return rec
}

// enclosingBraces returns the offsets of the '{' and '}' around span, at
// most recordWindow bytes away, or -1, -1. Braces inside strings are not
// told apart: a mistake only makes the region smaller or larger, and a
// wrong region costs a finding, never makes one.
func enclosingBraces(src []byte, span Span) (open, close int) {
	open, close = -1, -1
	depth := 0
	for i := span.Start - 1; i >= 0 && span.Start-i <= recordWindow; i-- {
		switch src[i] {
		case '}':
			depth++
		case '{':
			if depth == 0 {
				open = i
			} else {
				depth--
			}
		}
		if open >= 0 {
			break
		}
	}
	if open < 0 {
		return -1, -1
	}
	depth = 0
	for i := span.End; i < len(src) && i-span.End <= recordWindow; i++ {
		switch src[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return open, i
			}
			depth--
		}
	}
	return -1, -1
}

// hasTokenKey reports whether the members of an object (text is what lies
// between its braces) include a token field: a key, quoted or not, at the
// object's own level, followed by ':' or "=>" (not ":=" or "=": those are
// statements of a function body, which braces also enclose). With
// shorthand (JavaScript), a name alone followed by ',' or the end counts
// too: { idToken, scope: "..." }.
func hasTokenKey(text []byte, shorthand bool) bool {
	var buf [32]byte
	depth := 0
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '{' || c == '[' || c == '(':
			depth++
			i++
			continue
		case c == '}' || c == ']' || c == ')':
			depth--
			i++
			continue
		case depth != 0 || !isIdentByte(c) || i > 0 && isIdentByte(text[i-1]):
			i++
			continue
		}
		j := i
		for j < len(text) && isIdentByte(text[j]) {
			j++
		}
		k := j
		for k < len(text) && (text[k] == '"' || text[k] == '\'' || text[k] == ' ' || text[k] == '\t') {
			k++
		}
		member := k+1 < len(text) && (text[k] == ':' && text[k+1] != '=' && text[k+1] != ':' || text[k] == '=' && text[k+1] == '>')
		if shorthand && !member {
			for k < len(text) && (text[k] == '\n' || text[k] == '\r') {
				k++
			}
			member = k == len(text) || text[k] == ','
		}
		if member && j-i <= len(buf) && tokenFields[string(appendNormName(buf[:0], string(text[i:j])))] {
			return true
		}
		i = j
	}
	return false
}
