package corpus

import "strings"

// provider is an OAuth provider the generated code talks to.
type provider struct {
	name   string // as code names it: google, github, ...
	env    string // prefix of its environment variables
	comma  bool   // its scope lists are comma-separated
	scopes []string
}

// providers and the scopes the generated code requests from them: real
// scope names, so that the clean files are clean.
var providers = []provider{
	{name: "google", env: "GOOGLE", scopes: []string{
		"openid", "email", "profile",
		"https://www.googleapis.com/auth/drive.readonly", "https://www.googleapis.com/auth/drive.file",
		"https://www.googleapis.com/auth/calendar.readonly", "https://www.googleapis.com/auth/gmail.send",
		"https://www.googleapis.com/auth/spreadsheets", "https://www.googleapis.com/auth/userinfo.email",
		"https://www.googleapis.com/auth/userinfo.profile", "https://www.googleapis.com/auth/devstorage.read_only",
	}},
	{name: "github", env: "GITHUB", scopes: []string{
		"repo", "read:user", "user:email", "read:org", "gist", "workflow", "write:packages", "admin:repo_hook",
	}},
	{name: "microsoft", env: "AZURE", scopes: []string{
		"User.Read", "Mail.Read", "Mail.Send", "Calendars.ReadWrite", "Files.Read.All", "offline_access",
	}},
	{name: "slack", env: "SLACK", comma: true, scopes: []string{
		"chat:write", "channels:read", "users:read", "im:history", "commands", "channels:history", "users:read.email",
	}},
	{name: "shopify", env: "SHOPIFY", comma: true, scopes: []string{
		"read_products", "write_products", "read_orders", "write_orders", "read_customers", "read_inventory",
	}},
	{name: "spotify", env: "SPOTIFY", scopes: []string{
		"user-read-email", "user-read-private", "playlist-read-private", "user-top-read", "streaming",
	}},
	{name: "discord", env: "DISCORD", scopes: []string{"identify", "email", "guilds", "guilds.join"}},
	{name: "gitlab", env: "GITLAB", scopes: []string{"read_user", "api", "read_repository", "openid"}},
}

// provider returns a random provider.
func (g *gen) provider() provider { return providers[g.r.IntN(len(providers))] }

// providerNamed returns the provider called name.
func providerNamed(name string) provider {
	for _, p := range providers {
		if p.name == name {
			return p
		}
	}
	panic("corpus: no provider " + name)
}

// scopeList returns between lo and hi distinct scopes of p. With mistake,
// one of them is misspelt (two letters swapped) or repeated.
func (g *gen) scopeList(p provider, lo, hi int, mistake bool) []string {
	n := min(g.between(lo, hi), len(p.scopes))
	perm := g.r.Perm(len(p.scopes))[:n]
	out := make([]string, n)
	for i, j := range perm {
		out[i] = p.scopes[j]
	}
	if mistake {
		i := g.r.IntN(n)
		if g.r.IntN(3) == 0 {
			out = append(out, out[i])
		} else {
			out[i] = typo(out[i])
		}
	}
	return out
}

// typo swaps the last two adjacent, different letters of s (or, without
// any, appends an "s").
func typo(s string) string {
	b := []byte(s)
	for i := len(b) - 2; i > 0; i-- {
		if isLetter(b[i]) && isLetter(b[i+1]) && b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			return string(b)
		}
	}
	return s + "s"
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// joined writes scopes as one string with the provider's delimiter.
func joined(p provider, scopes []string) string {
	if p.comma {
		return strings.Join(scopes, ",")
	}
	return strings.Join(scopes, " ")
}

// quoted returns the scopes quoted with q and separated by ", ".
func quoted(scopes []string, q string) string {
	parts := make([]string, len(scopes))
	for i, s := range scopes {
		parts[i] = q + s + q
	}
	return strings.Join(parts, ", ")
}

// encoded returns a scope list as a URL query value (%20 between scopes,
// ':' and '/' encoded as browsers do).
func encoded(p provider, scopes []string) string {
	r := strings.NewReplacer(":", "%3A", "/", "%2F", " ", "%20", ",", "%2C")
	return r.Replace(joined(p, scopes))
}
