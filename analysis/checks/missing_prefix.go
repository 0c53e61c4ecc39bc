package checks

import (
	"fmt"

	"github.com/scopels/scopels/analysis"
)

// MissingPrefix reports short forms where the provider requires the full,
// prefixed name.
var MissingPrefix = &analysis.Analyzer{
	Code:     "missing-prefix",
	Title:    "Scope without its required prefix",
	Severity: analysis.SeverityWarning,
	Doc: `The token is the short form of a scope whose provider only accepts the full name.

Google's authorization endpoint expects https://www.googleapis.com/auth/drive.readonly,
not drive.readonly (only openid, email and profile are short). A project's own API may
require a prefix such as api. on every scope. Some libraries expand short forms
themselves (OmniAuth's Google strategy, gcloud aliases); scopels stays silent there.

Before:  SCOPES = ["drive.readonly"]
After:   SCOPES = ["https://www.googleapis.com/auth/drive.readonly"]

The fix writes the full name. To silence one place:
"scopels:ignore missing-prefix reason".`,
	Run: runMissingPrefix,
}

func runMissingPrefix(pass *analysis.Pass) {
	for _, s := range pass.Sets {
		if s.AllowShort {
			continue
		}
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if r.Kind != analysis.MatchShort {
				continue
			}
			pass.Report(analysis.Diagnostic{
				Span:     t.Span,
				Provider: s.Provider.Name,
				Scope:    t.Text,
				Message:  fmt.Sprintf("%q needs its prefix: %s expects %q", t.Text, title(s.Provider), r.Canonical),
				Fixes:    replaceFix(pass.File.Src, t, r.Canonical, true),
			})
		}
	}
}
