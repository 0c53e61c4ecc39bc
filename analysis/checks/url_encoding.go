package checks

import (
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
)

// URLEncoding reports scope= query values that are encoded wrongly.
var URLEncoding = &analysis.Analyzer{
	Code:     "url-encoding",
	Title:    "Badly encoded scope parameter in a URL",
	Severity: analysis.SeverityWarning,
	Doc: `The scope parameter of a URL is not encoded the way a server decodes it: a raw space
(the URL breaks there, or the client sends it unencoded), double encoding (%2520 decodes
to the text "%20", not to a space), or an encoded plus sign (%2B is a literal "+", not a
separator).

Before:  https://accounts.google.com/o/oauth2/v2/auth?scope=openid%2520email&...
After:   https://accounts.google.com/o/oauth2/v2/auth?scope=openid%20email&...

The fix re-encodes the value. To silence one place: "scopels:ignore url-encoding reason".`,
	Run: runURLEncoding,
}

func runURLEncoding(pass *analysis.Pass) {
	src := pass.File.Src
	for _, s := range pass.Sets {
		if !s.InURL || s.Provider == nil {
			continue
		}
		lit := s.Literals[0]
		raw := string(src[lit.Span.Start:lit.Span.End])
		switch {
		case strings.Contains(raw, "%25"):
			once := percentDecode(lit.Value)
			if !anyKnown(pass, s, once) {
				continue
			}
			d := analysis.Diagnostic{
				Span:     lit.Span,
				Provider: s.Provider.Name,
				Scope:    lit.Value,
				Message:  fmt.Sprintf("the scope parameter is encoded twice: it decodes to %q, not %q", lit.Value, once),
			}
			var edits []analysis.Edit
			for off := 0; ; {
				i := strings.Index(raw[off:], "%25")
				if i < 0 {
					break
				}
				i += off
				edits = append(edits, analysis.Edit{Span: analysis.Span{Start: lit.Span.Start + i, End: lit.Span.Start + i + 3}, NewText: "%"})
				off = i + 3
			}
			d.Fixes = []analysis.Fix{{Title: "Encode the value once", Edits: edits, Preferred: true}}
			pass.Report(d)
		case strings.Contains(strings.ToUpper(raw), "%2B") && anchored(s):
			d := analysis.Diagnostic{
				Span:     lit.Span,
				Provider: s.Provider.Name,
				Scope:    lit.Value,
				Message:  "%2B in the scope parameter is a literal \"+\", not a separator: encode the space between scopes as %20 or +",
			}
			var edits []analysis.Edit
			up := strings.ToUpper(raw)
			for off := 0; ; {
				i := strings.Index(up[off:], "%2B")
				if i < 0 {
					break
				}
				i += off
				edits = append(edits, analysis.Edit{Span: analysis.Span{Start: lit.Span.Start + i, End: lit.Span.Start + i + 3}, NewText: "%20"})
				off = i + 3
			}
			d.Fixes = []analysis.Fix{{Title: "Encode the separators as %20", Edits: edits, Preferred: true}}
			pass.Report(d)
		default:
			reportRawSpaces(pass, s, lit, raw)
		}
	}
}

// reportRawSpaces reports a raw space inside the scope value of a URL:
// either within the value, or right after it when the text that follows
// up to the next space or quote is a scope of the provider (the scanner
// ends a value at white space).
func reportRawSpaces(pass *analysis.Pass, s *analysis.ScopeSet, lit *analysis.Literal, raw string) {
	src := pass.File.Src
	var edits []analysis.Edit
	for i := 0; i < len(raw); i++ {
		if raw[i] == ' ' {
			edits = append(edits, analysis.Edit{Span: analysis.Span{Start: lit.Span.Start + i, End: lit.Span.Start + i + 1}, NewText: "%20"})
		}
	}
	if len(edits) > 0 && !anchored(s) {
		return
	}
	// Continue past the value's end while a space is followed by a scope.
	end := lit.Span.End
	for end < len(src) && src[end] == ' ' {
		j := end + 1
		for j < len(src) && !strings.ContainsRune(" \t\r\n\"'`&#<>)", rune(src[j])) {
			j++
		}
		word := string(src[end+1 : j])
		if word == "" || analysis.Resolve(pass.Catalog, s.Provider, word).Kind == analysis.MatchNone {
			break
		}
		edits = append(edits, analysis.Edit{Span: analysis.Span{Start: end, End: end + 1}, NewText: "%20"})
		end = j
	}
	if len(edits) == 0 {
		return
	}
	d := analysis.Diagnostic{
		Span:     lit.Span,
		Provider: s.Provider.Name,
		Scope:    lit.Value,
		Message:  "raw space in the scope parameter of a URL: the URL ends there or is sent unencoded; encode it as %20",
		Fixes:    []analysis.Fix{{Title: "Encode the spaces", Edits: edits, Preferred: true}},
	}
	if whatwgURL(pass, lit) {
		d.Severity = analysis.SeverityHint
		d.Message = "raw space in the scope parameter of a URL: a URL parser (new URL, fetch) encodes it, but %20 is clearer"
	}
	pass.Report(d)
}

// anyKnown reports whether some token of value is a scope of s's provider.
func anyKnown(pass *analysis.Pass, s *analysis.ScopeSet, value string) bool {
	for _, f := range strings.FieldsFunc(value, func(r rune) bool { return r == ' ' || r == ',' || r == '+' }) {
		if analysis.Resolve(pass.Catalog, s.Provider, f).Kind != analysis.MatchNone {
			return true
		}
	}
	return false
}

// percentDecode decodes %XX sequences and '+' (as a space); malformed
// sequences are kept as they are.
func percentDecode(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '+' {
			b.WriteByte(' ')
			continue
		}
		if c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

// whatwgURL reports whether lit is in JavaScript or TypeScript code, where
// URL strings go through the WHATWG URL parser, which encodes spaces.
func whatwgURL(pass *analysis.Pass, lit *analysis.Literal) bool {
	f := lit.Lang
	if f == "" {
		f = pass.File.Format
	}
	if f == "" {
		f = extract.FormatOf(pass.File.Path)
	}
	return f == extract.FormatJavaScript
}
