package main

import (
	"path"
	"sort"
	"strings"
)

// stripNote cuts a source entry at its first explanatory parenthesis or
// bracket ("www.box.com (legacy ...)" -> "www.box.com") and trims it.
func stripNote(s string) string {
	if i := strings.IndexAny(s, "(["); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSpace(s)
}

// isPlaceholder reports whether a host label is a placeholder such as
// "<shop>" or "<tenant>".
func isPlaceholder(label string) bool {
	return strings.HasPrefix(label, "<") && strings.HasSuffix(label, ">")
}

// normalizeHost turns one authorize_hosts entry into a plain lowercase host
// name, or a wildcard "*.<domain>" when it starts with placeholders
// ("<shop>.myshopify.com" -> "*.myshopify.com",
// "<prefix>.auth.<region>.amazoncognito.com" -> "*.amazoncognito.com").
// Entries that are only placeholders ("<custom-domain>", "<ghes-host> ...")
// yield "".
func normalizeHost(s string) string {
	s = strings.ToLower(stripNote(s))
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "http://")
	if i := strings.IndexByte(s, '/'); i >= 0 {
		s = s[:i]
	}
	if s == "" || strings.ContainsAny(s, " \t") {
		return ""
	}
	labels := strings.Split(s, ".")
	last := -1
	for i, l := range labels {
		if isPlaceholder(l) || strings.ContainsAny(l, "<>") {
			last = i
		}
	}
	if last < 0 {
		return s
	}
	rest := labels[last+1:]
	if len(rest) < 2 {
		return ""
	}
	return "*." + strings.Join(rest, ".")
}

// splitPath turns one authorize_paths entry into a path (placeholders
// become "*", one path segment each) and, when the entry names a host
// ("api.dropboxapi.com/oauth2/token (token)"), that host as well.
func splitPath(s string) (host, p string) {
	s = stripNote(s)
	if i := strings.Index(s, ": "); i >= 0 { // "OIDC discovery: /oauth/..."
		s = strings.TrimSpace(s[i+2:])
	}
	s = strings.TrimPrefix(s, "https://")
	s = strings.TrimPrefix(s, "http://")
	if s == "" || strings.ContainsAny(s, " \t") {
		return "", ""
	}
	if !strings.HasPrefix(s, "/") {
		i := strings.IndexByte(s, '/')
		if i < 0 {
			return "", ""
		}
		host, s = normalizeHost(s[:i]), s[i:]
	}
	segs := strings.Split(s, "/")
	for i, seg := range segs {
		segs[i] = replacePlaceholders(seg)
	}
	p = strings.Join(segs, "/")
	if p == "/*" {
		p = ""
	}
	return host, p
}

// signalRewrites maps source code_signals entries that are prose to the
// literal tokens a file would contain (nil: drop the entry).
var signalRewrites = map[string][]string{
	"gh auth login -s": nil,
	"manifest.json / manifest.yml oauth_config.scopes": nil,
	"manifest.yml permissions.scopes (Forge)":          nil,
	"app-hsmeta.json auth.requiredScopes":              {"app-hsmeta.json"},
	"boto3 cognito-idp":                                {"cognito-idp"},
	"ShopifyAPI / import shopify (Python)":             {"ShopifyAPI"},
	"FB.login(..., {scope: ...})":                      {"FB.login"},
	"connected account ids acct_...":                   nil,
	"AuthenticationServices / ASAuthorizationAppleIDProvider (requestedScopes = [.fullName, .email])": {"ASAuthorizationAppleIDProvider"},
}

// genericSignals are tokens too common to be evidence of one provider.
var genericSignals = map[string]bool{
	"SCOPES":        true,
	"authlib":       true,
	"manifest.json": true,
	"manifest.yml":  true,
}

// cleanSignals turns the source code_signals into literal tokens: it drops
// prose ("token prefixes ..."), wildcards ("KC_*") and too-generic names,
// strips explanations in parentheses and splits "a / b" alternatives.
func cleanSignals(in []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] || genericSignals[s] {
			return
		}
		if strings.ContainsAny(s, " \t*") || strings.HasSuffix(s, "...") {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	for _, raw := range in {
		if rw, ok := signalRewrites[raw]; ok {
			for _, s := range rw {
				add(s)
			}
			continue
		}
		if strings.HasPrefix(raw, "token prefixes") {
			continue
		}
		for _, alt := range strings.Split(stripNote(raw), " / ") {
			add(alt)
		}
	}
	return out
}

// cleanHosts normalizes authorize and token hosts, dropping placeholders
// and duplicates, keeping the source order.
func cleanHosts(lists ...[]string) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lists {
		for _, h := range l {
			if h = normalizeHost(h); h != "" && !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// provenance collapses the source references: entries of one repository at
// one commit become one entry whose path is a glob over their common
// folder, so a provider built from hundreds of files of one snapshot stays
// short. Page URLs follow.
func provenance(refs []srcRef, pages []string) []outSource {
	type key struct{ repo, commit string }
	groups := map[key][]string{}
	var order []key
	var out []outSource
	seenURL := map[string]bool{}
	for _, r := range refs {
		if r.Repo == "" {
			if r.URL != "" && !seenURL[r.URL] {
				seenURL[r.URL] = true
				out = append(out, outSource{URL: r.URL})
			}
			continue
		}
		k := key{r.Repo, r.Commit}
		if _, ok := groups[k]; !ok {
			order = append(order, k)
		}
		groups[k] = append(groups[k], r.Path)
	}
	var repos []outSource
	for _, k := range order {
		repos = append(repos, outSource{Repo: k.repo, Path: collapsePaths(groups[k]), Commit: k.commit})
	}
	for _, u := range pages {
		if !seenURL[u] {
			seenURL[u] = true
			out = append(out, outSource{URL: u})
		}
	}
	return append(repos, out...)
}

// collapsePaths returns the one path of ps, or a glob covering them all.
func collapsePaths(ps []string) string {
	uniq := map[string]bool{}
	for _, p := range ps {
		uniq[p] = true
	}
	if len(uniq) == 1 {
		return ps[0]
	}
	list := make([]string, 0, len(uniq))
	for p := range uniq {
		list = append(list, p)
	}
	sort.Strings(list)
	dir := path.Dir(list[0])
	for _, p := range list[1:] {
		for dir != "." && !strings.HasPrefix(p, dir+"/") {
			dir = path.Dir(dir)
		}
	}
	ext := path.Ext(list[0])
	for _, p := range list[1:] {
		if path.Ext(p) != ext {
			ext = ""
		}
	}
	if dir == "." {
		return "**/*" + ext
	}
	sameDir := true
	for _, p := range list {
		if path.Dir(p) != dir {
			sameDir = false
		}
	}
	if sameDir {
		return dir + "/*" + ext
	}
	return dir + "/**/*" + ext
}

// replacePlaceholders turns every "<name>" in s into "*"
// ("v<version>" -> "v*").
func replacePlaceholders(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		b.WriteByte('*')
		s = s[i+j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// extraSignals adds code signals for providers whose source files carry
// none (Google's and Microsoft's sources are catalog dumps): the client
// libraries and identifiers their OAuth code names.
var extraSignals = map[string][]string{
	"google": {
		"golang.org/x/oauth2/google", "google.golang.org/api", "endpoints.Google", "google_auth_oauthlib",
		"google.oauth2", "googleapiclient", "google-auth-library", "googleapis", "@googleapis",
		"passport-google-oauth20", "passport-google-oauth2", "omniauth-google-oauth2", "google_oauth2",
		"social_core.backends.google", "next-auth/providers/google", "@auth/core/providers/google",
		"com.google.api.client", "com.google.auth", "Google.Apis", "GoogleCredential", "GoogleCredentials",
		"GoogleAuthorizationCodeFlow", "GoogleSignIn", "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET",
		"GOOGLE_APPLICATION_CREDENTIALS",
	},
	"microsoft": {
		"golang.org/x/oauth2/microsoft", "endpoints.AzureAD", "AzureADEndpoint", "msal", "@azure/msal-browser",
		"@azure/msal-node", "@azure/msal-angular", "@azure/msal-react", "Microsoft.Identity.Client",
		"Microsoft.Identity.Web", "com.microsoft.aad.msal4j", "msal4j", "MSAL", "azure-identity", "@azure/identity",
		"Azure.Identity", "github.com/AzureAD/microsoft-authentication-library-for-go", "msgraph-sdk",
		"@microsoft/microsoft-graph-client", "Microsoft.Graph", "next-auth/providers/azure-ad",
		"next-auth/providers/microsoft-entra-id", "passport-azure-ad", "omniauth-microsoft_graph",
		"social_core.backends.azuread", "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_AD_CLIENT_ID",
	},
}
