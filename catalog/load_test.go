package catalog

import (
	"sync"
	"testing"
	"testing/fstest"
)

func TestDefaultIsShared(t *testing.T) {
	var wg sync.WaitGroup
	got := make([]*Catalog, 8)
	for i := range got {
		wg.Go(func() { got[i] = Default() })
	}
	wg.Wait()
	for _, c := range got {
		if c != got[0] || c == nil {
			t.Fatal("Default returned different catalogs")
		}
	}
}

func TestLoadProvidersErrors(t *testing.T) {
	fsys := fstest.MapFS{
		"d/good.json": {Data: []byte(`{"name":"good","title":"Good","delimiter":"space","authorize_hosts":[],"case_sensitive":true,"scopes":[]}`)},
		"d/bad.json":  {Data: []byte(`{"name":`)},
		"d/README.md": {Data: []byte("not json")},
	}
	if _, err := loadProviders(fsys, "d"); err == nil {
		t.Error("loadProviders accepted a broken file")
	}
	delete(fsys, "d/bad.json")
	ps, err := loadProviders(fsys, "d")
	if err != nil || len(ps) != 1 || ps[0].Name != "good" {
		t.Errorf("loadProviders = %v, %v", ps, err)
	}
	if _, err := loadProviders(fsys, "missing"); err == nil {
		t.Error("loadProviders accepted a missing folder")
	}
}

func TestMergeNewProvider(t *testing.T) {
	base := Default()
	acme := &Provider{
		Name: "acme", Title: "Acme API", Delimiter: DelimSpace, CaseSensitive: true,
		AuthorizeHosts: []string{"auth.acme.example"}, Prefixes: []string{"api."}, PrefixRequired: true,
		Scopes: []*Scope{{Name: "api.read_profile", Description: "Read the signed-in user's profile"}},
	}
	c := base.Merge([]*Provider{acme})
	if c == base {
		t.Fatal("Merge returned the receiver")
	}
	p := c.Provider("acme")
	if p == nil || !p.Custom || p.Title != "Acme API" {
		t.Fatalf("merged acme = %+v", p)
	}
	if s := c.Lookup("acme", "api.read_profile"); s == nil || s.Provider != "acme" {
		t.Errorf("Lookup(acme, api.read_profile) = %v", s)
	}
	if base.Provider("acme") != nil {
		t.Error("Merge changed the receiver")
	}
	if acme.Scopes[0].Provider != "" || acme.Custom {
		t.Error("Merge wrote to the caller's provider")
	}
	if len(c.Providers()) != len(base.Providers())+1 {
		t.Errorf("%d providers after merge", len(c.Providers()))
	}
	if got := c.Suggest("acme", "read_profil", 1); len(got) != 1 || got[0].Scope.Name != "api.read_profile" {
		t.Errorf("Suggest on merged provider = %v", suggestionNames(got))
	}
}

func TestMergeExtendsBuiltIn(t *testing.T) {
	base := Default()
	before := base.Lookup("github", "repo")
	beforeDesc, beforeImplies := before.Description, len(before.Implies)
	ext := &Provider{
		Name:           "github",
		AuthorizeHosts: []string{"github.acme.example"},
		Signals:        []string{"ACME_GH_APP"},
		CaseSensitive:  true,
		Scopes: []*Scope{
			{Name: "repo", Deprecated: true, ReplacedBy: []string{"public_repo"}},
			{Name: "acme:custom", Description: "A scope our GHES adds"},
		},
	}
	c := base.Merge([]*Provider{ext})
	p := c.Provider("github")
	if !p.Custom || p.Title != "GitHub" || p.Delimiter != DelimSpace || !p.AcceptsComma {
		t.Errorf("extension lost built-in settings: %+v", p)
	}
	if !p.MatchHost("github.com") || !p.MatchHost("github.acme.example") {
		t.Errorf("hosts = %v", p.AuthorizeHosts)
	}
	if !contains(p.Signals, "ACME_GH_APP") || !contains(p.Signals, "golang.org/x/oauth2/github") {
		t.Errorf("signals = %v", p.Signals)
	}
	repo := c.Lookup("github", "repo")
	if repo == before || !repo.Deprecated || len(repo.ReplacedBy) != 1 || repo.Description == "" || !repo.Broad {
		t.Errorf("overlaid repo = %+v", repo)
	}
	if before.Description != beforeDesc || len(before.Implies) != beforeImplies || before.ReplacedBy != nil ||
		base.Lookup("github", "repo") != before || before.Deprecated {
		t.Error("Merge changed the built-in scope")
	}
	if c.Lookup("github", "acme:custom") == nil {
		t.Error("added scope missing")
	}
	if base.Lookup("github", "acme:custom") != nil || contains(base.Provider("github").AuthorizeHosts, "github.acme.example") {
		t.Error("Merge changed the built-in provider")
	}
	// Scopes the extension does not mention are shared, not copied.
	if c.Lookup("github", "read:org") != base.Lookup("github", "read:org") {
		t.Error("untouched scope was copied")
	}
	// Deprecated scopes are no longer suggested.
	for _, s := range c.Suggest("github", "reop", 3) {
		if s.Scope.Name == "repo" {
			t.Error("deprecated-by-project repo still suggested")
		}
	}
}

func TestMergeSettingsWin(t *testing.T) {
	c := Default().Merge([]*Provider{{Name: "microsoft", Title: "Contoso Entra", CaseSensitive: true, Delimiter: DelimComma}})
	p := c.Provider("microsoft")
	if p.Title != "Contoso Entra" || !p.CaseSensitive || p.Delimiter != DelimComma {
		t.Errorf("settings not applied: %q %v %q", p.Title, p.CaseSensitive, p.Delimiter)
	}
	if len(p.Scopes) != len(Default().Provider("microsoft").Scopes) {
		t.Error("scopes changed")
	}
	if Default().Provider("microsoft").CaseSensitive {
		t.Error("Merge changed the built-in provider")
	}
	if c2 := Default().Merge(nil); c2 != Default() {
		t.Error("Merge(nil) built a new catalog")
	}
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ps, err := loadProviders(data, "data")
		if err != nil {
			b.Fatal(err)
		}
		New(ps)
	}
}
