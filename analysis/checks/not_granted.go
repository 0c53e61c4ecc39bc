package checks

import (
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// NotGranted reports scopes the project file does not grant the client
// that owns the file.
var NotGranted = &analysis.Analyzer{
	Code:     "not-granted",
	Title:    "Scope not granted to this client",
	Severity: analysis.SeverityError,
	Doc: `The scope is valid at the provider, but the project file's client for this path is not
granted it (clients.<name>.granted in .scopels.yaml).

A client may only request what its registration at the provider allows: asking for more
fails with invalid_scope or an "insufficient permissions" consent error, after a typo the
most common cause of failed sign-ins.

Before:  (mobile/ is client mobile-app, granted [api.read_profile])
         scope: "api.read_profile api.write_multipass"
After:   add api.write_multipass to clients.mobile-app.granted in .scopels.yaml and
         enable it for the client in the provider's console, or stop requesting it.

No fix is offered in the source. To silence one place: "scopels:ignore not-granted reason".`,
	Run: runNotGranted,
}

func runNotGranted(pass *analysis.Pass) {
	if pass.Config == nil {
		return
	}
	client := pass.Config.ClientFor(pass.File.Path)
	if client == nil {
		return
	}
	for _, s := range pass.Sets {
		if s.Provider == nil || client.Provider != "" && s.Provider.Name != client.Provider {
			continue
		}
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if !r.Known(s.Provider) || r.Kind == analysis.MatchOther && r.Scope == nil {
				continue
			}
			name := r.Canonical
			if granted(client, name, t.Text) {
				continue
			}
			list := "nothing"
			if len(client.Granted) > 0 {
				list = strings.Join(client.Granted, ", ")
			}
			pass.Report(analysis.Diagnostic{
				Span:     t.Span,
				Provider: s.Provider.Name,
				Scope:    t.Text,
				Message: fmt.Sprintf("%q is not granted to client %s (granted: %s); add it to clients.%s.granted in %s, and enable it for the client in %s's console",
					t.Text, client.Name, list, client.Name, project.FileName, title(s.Provider)),
			})
		}
	}
}

func granted(c *project.Client, names ...string) bool {
	for _, g := range c.Granted {
		for _, n := range names {
			if g == n {
				return true
			}
		}
	}
	return false
}
