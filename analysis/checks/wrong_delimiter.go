package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
)

// WrongDelimiter reports scope strings whose scopes are separated by
// something other than what the provider (and the context) expects.
var WrongDelimiter = &analysis.Analyzer{
	Code:     "wrong-delimiter",
	Title:    "Scopes separated by the wrong delimiter",
	Severity: analysis.SeverityError,
	Doc: `The scopes in one string are separated by a character the provider does not split on.

RFC 6749 separates scopes with spaces, and most providers follow it; Slack (v2), Shopify,
Facebook and Strava want commas. A comma list sent to Google arrives as one unknown scope
"openid,email"; a space list sent to Slack does the same. GitHub, Facebook and Reddit
accept both, so there a mismatch is only a hint. The context matters too: Spring
Security's registration.*.scope property is a comma list whatever the provider, and in
a URL a + or %20 is an encoded space. Semicolons, pipes and plus signs are never
delimiters.

Before:  scope: "read_profile,write_multipass"      (a space-delimited provider)
After:   scope: "read_profile write_multipass"

The fix rewrites every separator of the string. To silence one place:
"scopels:ignore wrong-delimiter reason".`,
	Run: runWrongDelimiter,
}

func runWrongDelimiter(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		if !anchored(s) {
			continue
		}
		want := s.Want
		if want != catalog.DelimSpace && want != catalog.DelimComma {
			continue // both accepted, single scope, or no scopes at all
		}
		// The fix writes the provider's own delimiter where the context
		// accepts it, else the context's.
		fixDelim := want
		switch native := s.Provider.Delimiter; {
		case native == catalog.DelimSpace && s.AcceptSpace, native == catalog.DelimComma && s.AcceptComma:
			fixDelim = native
		}
		wantText := map[catalog.Delimiter]string{catalog.DelimSpace: " ", catalog.DelimComma: ","}[fixDelim]
		seps := sepsByLiteral(s)
		for _, lit := range s.Literals {
			var bad []analysis.Sep
			severe := false
			badKind := ""
			for _, sep := range seps[lit] {
				if sep.Start == 0 || sep.End == len(lit.Value) {
					continue // edges are malformed-scope's business
				}
				kind := analysis.SepKind(sep.Text)
				if s.InURL && kind == "plus" {
					continue // an encoded plus sign: url-encoding's business
				}
				switch {
				case kind == "space" && (want == catalog.DelimSpace || s.AcceptSpace),
					kind == "comma" && (want == catalog.DelimComma || s.AcceptComma):
					continue
				case s.Want == s.Provider.Delimiter && (kind == "comma" && s.Provider.Accepts(catalog.DelimComma) ||
					kind == "space" && s.Provider.Accepts(catalog.DelimSpace)):
					// accepted by the provider, if not documented: a hint
				case kind == "comma" && s.SoftComma:
					// the program may split the setting itself: a hint
				default:
					severe = true
				}
				bad = append(bad, sep)
				if badKind == "" {
					badKind = kind
				}
			}
			if len(bad) == 0 {
				continue
			}
			// Write the separator the way the string already writes a good
			// one (a "+" in a URL, ", " in a comma list), else the plain one.
			enc, ok := lit.Encode(wantText)
			if good := goodSep(pass.File.Src, seps[lit], lit, bad); good != "" {
				enc, ok = good, true
			}
			var edits []analysis.Edit
			for _, sep := range bad {
				if !ok {
					edits = nil
					break
				}
				edits = append(edits, analysis.Edit{Span: sep.Span, NewText: enc})
			}
			what := map[catalog.Delimiter]string{catalog.DelimSpace: "spaces", catalog.DelimComma: "commas"}[want]
			seen := map[string]string{"space": "spaces", "comma": "commas", "semicolon": "semicolons", "pipe": "pipes", "plus": "plus signs", "mixed": "mixed separators"}[badKind]
			d := analysis.Diagnostic{
				Span:     lit.Span,
				Provider: s.Provider.Name,
				Scope:    lit.Value,
				Message:  fmt.Sprintf("%s separates scopes with %s, but this string uses %s", title(s.Provider), what, seen),
			}
			if s.Want != s.Provider.Delimiter {
				d.Message = fmt.Sprintf("this setting is read as a list separated by %s, but this string uses %s", what, seen)
			}
			if !severe {
				d.Severity = analysis.SeverityHint
				if s.SoftComma && badKind == "comma" && !s.Provider.Accepts(catalog.DelimComma) {
					d.Message += " (fine if the program splits this setting on commas; wrong if it sends it as is)"
				} else {
					d.Message += fmt.Sprintf(" (%s accepts both; %s are the documented form)", title(s.Provider), what)
				}
			}
			if len(edits) > 0 {
				d.Fixes = []analysis.Fix{{Title: "Separate the scopes with " + what, Edits: edits, Preferred: true}}
			}
			pass.Report(d)
		}
	}
}

// goodSep returns the source text of a separator of lit that is not among
// bad and that the context accepts, or "".
func goodSep(src []byte, seps []analysis.Sep, lit *analysis.Literal, bad []analysis.Sep) string {
	isBad := make(map[analysis.Span]bool, len(bad))
	for _, b := range bad {
		isBad[b.Span] = true
	}
	for _, sep := range seps {
		if sep.Start == 0 || sep.End == len(lit.Value) || isBad[sep.Span] {
			continue
		}
		return string(src[sep.Span.Start:sep.Span.End])
	}
	return ""
}
