package checks

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// MalformedScope reports stray white space, invisible and look-alike
// characters, and characters RFC 6749 forbids in a scope.
var MalformedScope = &analysis.Analyzer{
	Code:     "malformed-scope",
	Title:    "Stray white space or invisible characters in a scope string",
	Severity: analysis.SeverityWarning,
	Doc: `The scope string has leading or trailing white space, doubled spaces, tabs or line
breaks between scopes, spaces around commas, or characters that cannot be in a scope:
zero-width spaces, no-break spaces, look-alike letters pasted from a document, quotes or
backslashes (RFC 6749 section 3.3 allows printable ASCII except space, " and \ ).

Providers differ in how they treat such text: some trim it, many answer invalid_scope,
and an invisible character makes a scope that looks right fail.

Before:  scope: " openid  email"
After:   scope: "openid email"

The fix removes or replaces the offending characters. To silence one place:
"scopels:ignore malformed-scope reason".`,
	Run: runMalformedScope,
}

// invisible maps characters that must go to their replacement ("" to drop).
var invisible = map[rune]string{
	'\u200b': "", '\u200c': "", '\u200d': "", '\u2060': "", '\ufeff': "", '\u00ad': "",
	'\u2010': "-", '\u2011': "-", '\u2012': "-", '\u2013': "-", '\u2014': "-", '\u2212': "-",
	'\u2024': ".", '\uff0e': ".", '\uff1a': ":", '\u2236': ":", '\uff0f': "/", '\u2215': "/",
	'\u0430': "a", '\u0435': "e", '\u043e': "o", '\u0440': "p", '\u0441': "c", '\u0445': "x",
	'\u0443': "y", '\u0456': "i", '\u0455': "s", '\u0410': "A", '\u0415': "E", '\u041e': "O",
	'\u0420': "P", '\u0421': "C", '\u0425': "X", '\u03bf': "o", '\u039f': "O",
}

func runMalformedScope(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		if !anchored(s) && !cleanResolves(pass, s) {
			continue
		}
		want := " "
		if s.Want == catalog.DelimComma {
			want = ","
		}
		// Separators: edges, doubled or odd white space.
		for _, sep := range s.Seps {
			lit := sep.Lit
			edge := sep.Start == 0 || sep.End == len(lit.Value)
			if edge && lit.Partial {
				continue // "openid " + scope: the space is meant
			}
			var msg, repl string
			kind := analysis.SepKind(sep.Text)
			switch {
			case edge && kind == "space":
				msg, repl = "leading or trailing white space in the scope string", ""
			case edge:
				msg, repl = fmt.Sprintf("stray %q at the edge of the scope string", strings.TrimSpace(sep.Text)), ""
			case kind == "space" && sep.Text != " " && want == " ":
				msg, repl = fmt.Sprintf("scopes separated by %s instead of one space", describeSpace(sep.Text)), " "
			case kind == "comma" && sep.Text != "," && want == "," && !s.AcceptComma && !s.AcceptSpace:
				msg, repl = "white space around a comma: the provider reads it as part of the scope", ","
			default:
				continue
			}
			d := analysis.Diagnostic{Span: sep.Span, Provider: providerName(s.Provider), Scope: lit.Value, Message: msg}
			if enc, ok := lit.Encode(repl); ok {
				d.Fixes = []analysis.Fix{{Title: "Clean the separator", Edits: []analysis.Edit{{Span: sep.Span, NewText: enc}}, Preferred: true}}
			}
			pass.Report(d)
		}
		// Characters inside tokens.
		for i, t := range s.Tokens {
			clean, bad := cleanToken(t.Text)
			if bad == "" {
				continue
			}
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: providerName(s.Provider),
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q contains %s", clean, bad),
			}
			if clean != "" && clean != t.Text {
				r := analysis.Resolve(pass.Catalog, s.Provider, clean)
				d.Fixes = replaceFix(pass.File.Src, t, clean, r.Kind != analysis.MatchNone || s.Resolutions[i].Kind == analysis.MatchNone)
				if r.Kind != analysis.MatchNone {
					d.Message += "; without it the scope reads " + fmt.Sprintf("%q", clean)
				}
			}
			pass.Report(d)
		}
	}
}

// cleanToken returns tok without invisible characters and with look-alikes
// replaced, and a description of what was wrong ("" when nothing was).
func cleanToken(tok string) (clean, bad string) {
	ok := true
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c < 0x21 || c > 0x7e || c == '"' || c == '\\' {
			ok = false
			break
		}
	}
	if ok {
		return tok, "" // the common case: printable ASCII only
	}
	var b strings.Builder
	for i := 0; i < len(tok); {
		r, size := utf8.DecodeRuneInString(tok[i:])
		i += size
		if repl, ok := invisible[r]; ok {
			if bad == "" {
				if repl == "" {
					bad = fmt.Sprintf("an invisible character (U+%04X)", r)
				} else {
					bad = fmt.Sprintf("a look-alike character %q (U+%04X) instead of %q", r, r, repl)
				}
			}
			b.WriteString(repl)
			continue
		}
		switch {
		case r == utf8.RuneError && size == 1:
			if bad == "" {
				bad = "an invalid UTF-8 byte"
			}
			continue
		case r < 0x21 || r == 0x7f:
			if bad == "" {
				bad = fmt.Sprintf("a control character (U+%04X)", r)
			}
			continue
		case r == '"' || r == '\\':
			if bad == "" {
				bad = fmt.Sprintf("%q, which RFC 6749 forbids in a scope", r)
			}
			continue
		case r > 0x7e:
			if bad == "" {
				bad = fmt.Sprintf("the non-ASCII character %q (U+%04X), which RFC 6749 forbids in a scope", r, r)
			}
		}
		b.WriteRune(r)
	}
	return b.String(), bad
}

// describeSpace names the white space in a separator.
func describeSpace(s string) string {
	switch {
	case strings.ContainsAny(s, "\n\r"):
		return "a line break"
	case strings.Contains(s, "\t"):
		return "a tab"
	case strings.ContainsRune(s, '\u00a0'):
		return "a no-break space"
	case strings.ContainsRune(s, '\u3000'), strings.ContainsRune(s, '\u2002'), strings.ContainsRune(s, '\u2003'), strings.ContainsRune(s, '\u2009'):
		return "a non-ASCII space"
	}
	return "several spaces"
}

// cleanResolves reports whether some token of s, once cleaned of invisible
// and look-alike characters, is a scope of the set's provider.
func cleanResolves(pass *analysis.Pass, s *analysis.ScopeSet) bool {
	if s.Provider == nil {
		return false
	}
	for _, t := range s.Tokens {
		if clean, bad := cleanToken(t.Text); bad != "" && analysis.Resolve(pass.Catalog, s.Provider, clean).Kind != analysis.MatchNone {
			return true
		}
	}
	return false
}
