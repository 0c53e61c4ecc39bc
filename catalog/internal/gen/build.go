package main

import (
	"fmt"
	"sort"
	"strings"
)

// validDelimiters are the delimiter values catalog.Delimiter defines.
var validDelimiters = map[string]bool{"space": true, "comma": true, "space_or_comma": true, "single": true, "none": true}

// prefixProviders keep their source prefixes: each is one namespace that
// names a scope in full (other sources list name patterns there, such as
// Shopify's read_ and write_, which are not prefixes to add).
var prefixProviders = map[string]bool{"google": true, "microsoft": true, "okta": true, "intuit": true}

// dropScopes are source entries left out of the catalog, with the reason.
var dropScopes = map[string]map[string]string{
	"microsoft": {
		// An empty placeholder in the permissions data whose canonical
		// spelling, Calls.JoinGroupCallAsGuest.All, is in the catalog;
		// Microsoft matches names regardless of case.
		"Calls.JoinGroupCallasGuest.All": "data artifact",
	},
}

// extraNotes are short facts in our words that the sources leave implicit.
var extraNotes = map[string][]string{
	"notion":   {"Notion takes no scope parameter: what an integration may do is set in its settings, so this provider has no scopes."},
	"keycloak": {"Keycloak runs on the deployer's own host: its authorize path (/realms/<realm>/protocol/openid-connect/auth), not a host name, is the evidence."},
	"oidc":     {"Generic OpenID Connect has no fixed host: the issuer's discovery document names the authorize endpoint."},
	"google":   {"Most scopes are full URLs under https://www.googleapis.com/auth/; openid, email and profile are not, and neither is https://mail.google.com/."},
}

// build turns one source file into the normalized provider.
func build(src *srcProvider) (*outProvider, error) {
	name := src.Provider
	if !validDelimiters[src.Delimiter] {
		return nil, fmt.Errorf("%s: unknown delimiter %q", name, src.Delimiter)
	}
	p := &outProvider{
		Name:          name,
		Title:         titles[name],
		OtherNames:    src.Aliases,
		Delimiter:     src.Delimiter,
		AcceptsComma:  acceptsComma[name] || src.Delimiter == "space_or_comma",
		AcceptsSpace:  acceptsSpace[name] || src.Delimiter == "space_or_comma",
		DelimiterNote: src.DelimiterNote,
		Signals:       cleanSignals(append(src.CodeSignals, extraSignals[src.Provider]...)),
		CaseSensitive: true,
		Provenance:    provenance(src.Source, src.Pages),
	}
	if p.Title == "" {
		p.Title = capitalize(name)
	}
	if src.CaseSensitive != nil {
		p.CaseSensitive = *src.CaseSensitive
	} else if name == "microsoft" {
		p.CaseSensitive = false
	}
	// Hosts: authorize and token hosts, and the hosts some paths name.
	var pathHosts []string
	seenPath := map[string]bool{}
	for _, raw := range src.AuthorizePaths {
		h, path := splitPath(raw)
		if h != "" {
			pathHosts = append(pathHosts, h)
		}
		if path != "" && !seenPath[path] {
			seenPath[path] = true
			p.AuthorizePaths = append(p.AuthorizePaths, path)
		}
	}
	p.AuthorizeHosts = cleanHosts(src.AuthorizeHosts, src.TokenHosts, pathHosts)
	if p.AuthorizeHosts == nil {
		p.AuthorizeHosts = []string{}
	}
	if prefixProviders[name] {
		p.Prefixes = src.Prefixes
	}
	p.PrefixRequired = name == "google"
	if src.GcloudAliases != nil {
		for _, a := range src.GcloudAliases.Aliases {
			al := outAlias{Name: a.Alias, ExpandsTo: []string{a.ExpandsTo}}
			if !a.InCatalog {
				al.Note = "gcloud alias whose target is not in the catalog"
			}
			p.Aliases = append(p.Aliases, al)
		}
	}
	p.Notes = append(p.Notes, src.Notes...)
	if src.CaseNote != "" {
		p.Notes = append(p.Notes, "Case: "+src.CaseNote)
	}
	if src.ShortFormNote != "" {
		p.Notes = append(p.Notes, src.ShortFormNote)
	}
	p.Notes = append(p.Notes, src.FormatNotes...)
	for _, d := range src.DeprecatedPrefixes {
		p.Notes = append(p.Notes, fmt.Sprintf("Scopes under %s are deprecated; use %s.", d.Prefix, d.ReplacedBy))
	}
	p.Notes = append(p.Notes, extraNotes[name]...)

	p.Scopes = []*outScope{}
	for i := range src.Scopes {
		s := &src.Scopes[i]
		if _, drop := dropScopes[name][s.Name]; drop {
			continue
		}
		p.Scopes = append(p.Scopes, buildScope(name, s))
	}
	return p, nil
}

// buildScope normalizes one scope.
func buildScope(provider string, s *srcScope) *outScope {
	o := &outScope{
		Name:                 s.Name,
		API:                  scopeAPI(s),
		Deprecated:           s.Deprecated,
		ReplacedBy:           s.ReplacedBy,
		SuggestedReplacement: s.SuggestedReplacement,
		Implies:              s.Implies,
		Requires:             s.Requires,
		Note:                 s.Note,
		Kind:                 s.Kind,
		TokenTypes:           s.TokenTypes,
		Broad:                isBroad(provider, s.Name),
		Popularity:           popularity(provider, s.Name),
	}
	if s.Short != nil && *s.Short != s.Name {
		o.Short = *s.Short
	}
	if s.DocURL != nil {
		o.DocURL = *s.DocURL
	}
	if s.Sensitivity != nil {
		o.Sensitivity = *s.Sensitivity
	}
	if provider == "keycloak" && s.DefaultType != "" {
		o.Kind = s.DefaultType
	}
	if provider == "microsoft" {
		o.Hidden = (s.Hidden != nil && *s.Hidden) || (s.Enabled != nil && !*s.Enabled)
		if o.Hidden {
			o.DocURL = "" // the generic reference page says nothing about it
		}
		o.TokenTypes = s.Types
		if msAdmin(s) {
			o.Sensitivity = "admin"
		}
	}
	d, ok := describe(provider, s)
	if !ok || d == "" {
		d = fallbackDescription(provider, s)
	}
	o.Description = d
	return o
}

// msAdmin reports whether a Microsoft permission needs an administrator's
// consent: for a delegated permission when the source says so, and always
// for an application-only permission.
func msAdmin(s *srcScope) bool {
	for t, v := range s.AdminConsent {
		if strings.HasPrefix(t, "delegated") && v {
			return true
		}
	}
	if len(s.Types) == 0 {
		return false
	}
	for _, t := range s.Types {
		if t != "application" && t != "rsc" {
			return false
		}
	}
	return s.AdminConsent["application"]
}

// scopeAPI returns the API or product a scope belongs to.
func scopeAPI(s *srcScope) string {
	if s.Product != "" {
		return s.Product
	}
	if s.API != "multiple" {
		return s.API
	}
	seen := map[string]bool{}
	var names []string
	for _, a := range s.APIs {
		n, _, _ := strings.Cut(a, ":")
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	if len(names) == 0 || len(names) > 3 {
		return ""
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// fallbackDescription is used when the rules do not understand a name: the
// source's own short wording (ours, per the sources' README), else a plain
// statement of what is known.
func fallbackDescription(provider string, s *srcScope) string {
	if s.Description != "" {
		return s.Description
	}
	switch {
	case provider == "microsoft" && s.Hidden != nil && *s.Hidden:
		return "Undocumented Microsoft Graph permission"
	case provider == "google" && s.API != "":
		return "Legacy scope of " + s.API
	}
	return "Scope " + s.Name + " of " + titles[provider]
}

// validate checks the catalog the generator is about to write: unique
// names per provider, references that resolve, non-empty descriptions.
func validate(ps []*outProvider) error {
	all := map[string]bool{}
	for _, p := range ps {
		for _, s := range p.Scopes {
			all[s.Name] = true
		}
	}
	var errs []string
	for _, p := range ps {
		names := map[string]bool{}
		for _, s := range p.Scopes {
			if names[s.Name] {
				errs = append(errs, fmt.Sprintf("%s: duplicate scope %q", p.Name, s.Name))
			}
			names[s.Name] = true
			if strings.TrimSpace(s.Description) == "" {
				errs = append(errs, fmt.Sprintf("%s: %q has no description", p.Name, s.Name))
			}
		}
		for _, s := range p.Scopes {
			for _, lists := range [][]string{s.ReplacedBy, s.SuggestedReplacement, s.Implies, s.Requires} {
				for _, r := range lists {
					if !names[r] && !all[r] {
						errs = append(errs, fmt.Sprintf("%s: %q refers to unknown scope %q", p.Name, s.Name, r))
					}
				}
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("catalog is invalid:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// unusedOverrides lists the overrides that name no scope of ps: a typo in
// the table, or a scope the sources dropped.
func unusedOverrides(ps []*outProvider) []string {
	have := map[string]map[string]bool{}
	for _, p := range ps {
		have[p.Name] = map[string]bool{}
		for _, s := range p.Scopes {
			have[p.Name][s.Name] = true
		}
	}
	var out []string
	for prov, m := range overrides {
		for name := range m {
			if have[prov] != nil && !have[prov][name] {
				out = append(out, prov+" "+name)
			}
		}
	}
	sort.Strings(out)
	return out
}
