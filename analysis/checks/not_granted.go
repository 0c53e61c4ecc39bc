package checks

import (
	"fmt"
	"path/filepath"
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
	clients := pass.Config.ClientsFor(pass.File.Path)
	if len(clients) == 0 {
		return
	}
	for _, s := range pass.Sets {
		if s.Provider == nil || s.Declaration {
			continue
		}
		client := clientOf(clients, s.Provider.Name)
		if client == nil || client.Granted == nil {
			continue // no client for this provider, or nothing said about its grants
		}
		for i, t := range s.Tokens {
			r := s.Resolutions[i]
			if !r.Known(s.Provider) {
				continue
			}
			if client.Grants(r.Canonical) || client.Grants(t.Text) || r.Scope != nil && client.Grants(r.Scope.Name) {
				continue
			}
			list := "nothing"
			if len(client.Granted) > 0 {
				list = strings.Join(client.Granted, ", ")
			}
			file, pos := client.GrantedLocation()
			where := project.FileName
			if file != "" {
				where = file
			}
			d := analysis.Diagnostic{
				Span:     t.Span,
				Provider: s.Provider.Name,
				Scope:    t.Text,
				Message: fmt.Sprintf("%q is not granted to client %s (granted: %s); add it to %s in %s, and enable it for the client in %s's console",
					t.Text, client.Name, list, client.GrantedKey(), filepath.Base(where), title(s.Provider)),
			}
			if file != "" && pos.IsValid() {
				d.Related = []analysis.Related{{Path: file, Line: pos.Line, Column: pos.Column, Message: fmt.Sprintf("what client %s is granted", client.Name)}}
			}
			pass.Report(d)
		}
	}
}

// clientOf returns the first client of provider in clients (best first),
// or the first client without a provider.
func clientOf(clients []*project.Client, provider string) *project.Client {
	for _, c := range clients {
		if c.Provider == provider {
			return c
		}
	}
	for _, c := range clients {
		if c.Provider == "" {
			return c
		}
	}
	return nil
}
