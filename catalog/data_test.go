package catalog

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"
)

// TestDataMatchesTypes decodes every embedded file into Provider with
// unknown fields disallowed, so the generator's output types and the
// catalog's types cannot drift apart unnoticed.
func TestDataMatchesTypes(t *testing.T) {
	entries, err := fs.ReadDir(data, "data")
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) == 0 {
		t.Fatal("no embedded data files")
	}
	for _, e := range entries {
		b, err := fs.ReadFile(data, path.Join("data", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		var p Provider
		if err := dec.Decode(&p); err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		if want := strings.TrimSuffix(e.Name(), ".json"); p.Name != want {
			t.Errorf("%s: provider name %q", e.Name(), p.Name)
		}
	}
}

func TestCatalogInvariants(t *testing.T) {
	c := Default()
	valid := map[Delimiter]bool{DelimSpace: true, DelimComma: true, DelimSpaceOrComma: true, DelimSingle: true, DelimNone: true}
	var scopes, deprecated int
	for _, p := range c.Providers() {
		if p.Title == "" {
			t.Errorf("%s: no title", p.Name)
		}
		if !valid[p.Delimiter] {
			t.Errorf("%s: delimiter %q", p.Name, p.Delimiter)
		}
		// Notion takes no scope; Keycloak and generic OpenID Connect run on
		// the deployer's own host, so they have no fixed authorize host.
		if len(p.AuthorizeHosts) == 0 && p.Name != "notion" && p.Name != "keycloak" && p.Name != "oidc" {
			t.Errorf("%s: no authorize host", p.Name)
		}
		for _, h := range p.AuthorizeHosts {
			if h != strings.ToLower(h) || strings.ContainsAny(h, " /<>()") || strings.Contains(strings.TrimPrefix(h, "*."), "*") {
				t.Errorf("%s: host %q is not a plain host name", p.Name, h)
			}
		}
		for _, s := range p.Signals {
			if strings.ContainsAny(s, " \t*") || s == "" {
				t.Errorf("%s: signal %q is not a literal token", p.Name, s)
			}
		}
		names := map[string]bool{}
		for _, s := range p.Scopes {
			if names[s.Name] {
				t.Errorf("%s: duplicate scope %q", p.Name, s.Name)
			}
			names[s.Name] = true
			if strings.TrimSpace(s.Description) == "" {
				t.Errorf("%s: %q has no description", p.Name, s.Name)
			}
			if s.Provider != p.Name {
				t.Errorf("%s: %q has provider %q", p.Name, s.Name, s.Provider)
			}
			scopes++
			if s.Deprecated {
				deprecated++
			}
		}
		for _, s := range p.Scopes {
			for _, lists := range [][]string{s.ReplacedBy, s.SuggestedReplacement, s.Implies, s.Requires} {
				for _, r := range lists {
					if !names[r] && len(c.Owners(r)) == 0 {
						t.Errorf("%s: %q refers to %q, which is in no catalog", p.Name, s.Name, r)
					}
				}
			}
		}
	}
	if n := len(c.Providers()); n < 33 {
		t.Errorf("%d providers, want at least 33 (31 + oidc + notion)", n)
	}
	if scopes < 3900 {
		t.Errorf("%d scopes, want at least 3,900", scopes)
	}
	if deprecated < 150 {
		t.Errorf("%d deprecated scopes, want at least 150", deprecated)
	}
}

func TestProviderFacts(t *testing.T) {
	c := Default()
	tests := []struct {
		provider       string
		delim          Delimiter
		comma, space   bool
		caseSensitive  bool
		prefixRequired bool
		host           string
	}{
		{"github", DelimSpace, true, true, true, false, "github.com"},
		{"google", DelimSpace, false, true, true, true, "accounts.google.com"},
		{"microsoft", DelimSpace, false, true, false, false, "login.microsoftonline.com"},
		{"slack", DelimComma, true, false, true, false, "acme.slack.com"},
		{"shopify", DelimComma, true, false, true, false, "my-shop.myshopify.com"},
		{"reddit", DelimSpaceOrComma, true, true, true, false, "www.reddit.com"},
		{"facebook", DelimComma, true, true, true, false, "www.facebook.com"},
		{"stripe", DelimSingle, false, false, true, false, "connect.stripe.com"},
		{"notion", DelimNone, false, false, true, false, "api.notion.com"},
		{"oidc", DelimSpace, false, true, true, false, ""},
	}
	for _, tt := range tests {
		p := c.Provider(tt.provider)
		if p == nil {
			t.Errorf("no provider %q", tt.provider)
			continue
		}
		if p.Delimiter != tt.delim {
			t.Errorf("%s: delimiter %q, want %q", tt.provider, p.Delimiter, tt.delim)
		}
		if got := p.Accepts(DelimComma); got != tt.comma {
			t.Errorf("%s: Accepts(comma) = %v", tt.provider, got)
		}
		if got := p.Accepts(DelimSpace); got != tt.space {
			t.Errorf("%s: Accepts(space) = %v", tt.provider, got)
		}
		if p.CaseSensitive != tt.caseSensitive {
			t.Errorf("%s: case sensitive %v", tt.provider, p.CaseSensitive)
		}
		if p.PrefixRequired != tt.prefixRequired {
			t.Errorf("%s: prefix required %v", tt.provider, p.PrefixRequired)
		}
		if tt.host != "" && !p.MatchHost(tt.host) {
			t.Errorf("%s: MatchHost(%q) = false", tt.provider, tt.host)
		}
	}
	if kc := c.Provider("keycloak"); len(kc.AuthorizePaths) == 0 || !strings.HasPrefix(kc.AuthorizePaths[0], "/realms/*/") {
		t.Errorf("keycloak paths = %q", kc.AuthorizePaths)
	}
	if c.Provider("twitter") != c.Provider("x") || c.Provider("x") == nil {
		t.Error("twitter does not name the x provider")
	}
	if c.Provider("shopify").MatchHost("myshopify.com") {
		t.Error("*.myshopify.com matched the bare domain")
	}
	if g := c.Provider("github"); !contains(g.Signals, "golang.org/x/oauth2/github") || !contains(g.Signals, "endpoints.GitHub") || contains(g.Signals, "SCOPES") {
		t.Errorf("github signals not cleaned: %q", g.Signals)
	}
}

func TestScopeFacts(t *testing.T) {
	c := Default()
	tests := []struct {
		provider, name string
		check          func(*Scope) bool
		what           string
	}{
		{"google", "https://www.googleapis.com/auth/drive.readonly", func(s *Scope) bool { return s.Short == "drive.readonly" }, "short form"},
		{"google", "https://www.googleapis.com/auth/cloud-platform", func(s *Scope) bool { return s.Broad }, "broad"},
		{"google", "https://www.googleapis.com/auth/plus.me", func(s *Scope) bool { return s.Deprecated && len(s.ReplacedBy) == 1 && s.ReplacedBy[0] == "openid" }, "deprecated, replaced by openid"},
		{"github", "repo", func(s *Scope) bool { return s.Broad && s.Popularity > 0 }, "broad and popular"},
		{"github", "write:discussion", func(s *Scope) bool { return s.Deprecated }, "deprecated"},
		{"microsoft", "User.Read", func(s *Scope) bool { return s.Description == "Read the signed-in user's profile" }, "described"},
		{"microsoft", "Directory.ReadWrite.All", func(s *Scope) bool { return s.Broad && s.Sensitivity == "admin" }, "broad, admin consent"},
		{"microsoft", "Files.ReadWrite.All", func(s *Scope) bool { return s.Broad && s.Sensitivity == "" }, "broad, user consent"},
		{"keycloak", "offline_access", func(s *Scope) bool { return s.Kind == "optional" }, "optional client scope"},
		{"microsoft", "https://graph.microsoft.com/.default", func(s *Scope) bool { return !s.Broad }, "not broad"},
		{"microsoft", "_0.AA", func(s *Scope) bool { return s.Hidden }, "hidden"},
		{"shopify", "write_products", func(s *Scope) bool { return len(s.Implies) == 1 && s.Implies[0] == "read_products" }, "implies read_products"},
		{"slack", "chat:write", func(s *Scope) bool { return contains(s.TokenTypes, "bot") }, "bot token type"},
		{"oidc", "email", func(s *Scope) bool { return contains(s.Requires, "openid") }, "requires openid"},
	}
	for _, tt := range tests {
		s := c.Lookup(tt.provider, tt.name)
		if s == nil {
			t.Errorf("%s: no scope %q", tt.provider, tt.name)
			continue
		}
		if !tt.check(s) {
			t.Errorf("%s %q: want %s, got %+v", tt.provider, tt.name, tt.what, *s)
		}
	}
}

func TestLookup(t *testing.T) {
	c := Default()
	const drive = "https://www.googleapis.com/auth/drive.readonly"
	if s := c.Lookup("google", drive); s == nil || s.Name != drive {
		t.Errorf("Lookup(google, drive.readonly URL) = %v", s)
	}
	if s := c.Lookup("google", "drive.readonly"); s != nil {
		t.Errorf("Lookup matched a short form: %v", s.Name)
	}
	if s := c.LookupShort("google", "drive.readonly"); s == nil || s.Name != drive {
		t.Errorf("LookupShort(google, drive.readonly) = %v", s)
	}
	if ss := c.LookupFold("microsoft", "user.read"); len(ss) != 1 || ss[0].Name != "User.Read" {
		t.Errorf("LookupFold(microsoft, user.read) = %v", names(ss))
	}
	if s := c.Lookup("github", "READ:ORG"); s != nil {
		t.Error("Lookup ignored case")
	}
	owners := map[string]bool{}
	for _, s := range c.Owners("openid") {
		owners[s.Provider] = true
	}
	for _, p := range []string{"oidc", "google", "microsoft", "gitlab", "slack"} {
		if !owners[p] {
			t.Errorf("Owners(openid) lacks %s", p)
		}
	}
	if got := c.Owners("write_products"); len(got) != 1 || got[0].Provider != "shopify" {
		t.Errorf("Owners(write_products) = %v", names(got))
	}
	if got := c.OwnersFold("MAIL.READ"); len(got) == 0 || got[0].Name != "Mail.Read" {
		t.Errorf("OwnersFold(MAIL.READ) = %v", names(got))
	}
}

func TestResolve(t *testing.T) {
	c := Default()
	tests := []struct{ provider, token, want string }{
		{"microsoft", "User.Read", "User.Read"},
		{"microsoft", "https://graph.microsoft.com/User.Read", "User.Read"},
		{"microsoft", "user.read", "User.Read"},
		{"google", "drive.readonly", "https://www.googleapis.com/auth/drive.readonly"},
		{"google", "openid", "openid"},
		{"github", "Repo", ""},
		{"github", "repo", "repo"},
		{"nobody", "repo", ""},
	}
	for _, tt := range tests {
		got := ""
		if s := c.Resolve(tt.provider, tt.token); s != nil {
			got = s.Name
		}
		if got != tt.want {
			t.Errorf("Resolve(%s, %q) = %q, want %q", tt.provider, tt.token, got, tt.want)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func names(ss []*Scope) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Provider + ":" + s.Name
	}
	return out
}
