package project

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scopels/scopels/catalog"
)

// testBase is a small built-in catalog, so that Build's tests do not
// depend on the embedded one.
func testBase() *catalog.Catalog {
	return catalog.New([]*catalog.Provider{
		{Name: "github", Title: "GitHub", Delimiter: catalog.DelimSpace, AcceptsComma: true, CaseSensitive: true,
			AuthorizeHosts: []string{"github.com"},
			Scopes:         []*catalog.Scope{{Name: "repo", Description: "Full control of repositories"}, {Name: "read:user"}}},
		{Name: "google", Title: "Google", Delimiter: catalog.DelimSpace, CaseSensitive: true,
			Prefixes: []string{"https://www.googleapis.com/auth/"},
			Scopes:   []*catalog.Scope{{Name: "openid"}, {Name: "https://www.googleapis.com/auth/drive.readonly", Short: "drive.readonly"}}},
		{Name: "microsoft", Title: "Microsoft", Delimiter: catalog.DelimSpace, CaseSensitive: false,
			Scopes: []*catalog.Scope{{Name: "User.Read"}}},
	})
}

// parseAll parses in-memory project files given as path, text pairs,
// outermost first, failing on parse errors.
func parseAll(t *testing.T, pairs ...string) []*File {
	t.Helper()
	var files []*File
	for i := 0; i+1 < len(pairs); i += 2 {
		f, errs := Parse(pairs[i], []byte(pairs[i+1]))
		if HasErrors(errs) {
			t.Fatalf("%s: %v", pairs[i], errs)
		}
		files = append(files, f)
	}
	return files
}

// treeConfig builds the Config for a file below testdata/tree/mobile from
// the two project files there.
func treeConfig(t *testing.T) (*Config, string) {
	t.Helper()
	root, err := filepath.Abs("testdata/tree")
	if err != nil {
		t.Fatal(err)
	}
	names := Find(filepath.Join(root, "mobile", "app", "main.go"), root)
	want := []string{filepath.Join(root, FileName), filepath.Join(root, "mobile", FileName)}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("Find = %v, want %v", names, want)
	}
	var files []*File
	for _, name := range names {
		f, errs := Parse(name, readFileT(t, name))
		if len(errs) > 0 {
			t.Fatalf("%s: %v", name, errs)
		}
		files = append(files, f)
	}
	cfg := BuildWith(files, testBase())
	if len(cfg.Errors) > 0 {
		t.Fatalf("Build errors: %v", cfg.Errors)
	}
	return cfg, root
}

// TestBuildNestedOverrides checks that the inner file overrides the outer
// one key by key.
func TestBuildNestedOverrides(t *testing.T) {
	cfg, root := treeConfig(t)
	inner := filepath.Join(root, "mobile", FileName)
	acme := cfg.Providers["acme"]
	mobile := cfg.Clients["mobile-app"]
	checks := []struct {
		name      string
		got, want any
	}{
		{"acme.Title (inner)", acme.Title, "Acme Mobile API"},
		{"acme.Delimiter (inner)", acme.Delimiter, catalog.DelimComma},
		{"acme.Hosts (outer)", acme.Hosts, []string{"auth.acme.example"}},
		{"acme.Signals (outer)", acme.Signals, []string{"ACME_CLIENT_ID"}},
		{"acme.Prefix (outer)", acme.Prefix, "api."},
		{"acme.ScopeOrder (merged)", acme.ScopeOrder, []string{"api.read_profile", "api.write_multipass", "api.push"}},
		{"acme.Scopes[api.read_profile] (outer description kept)", acme.Scopes["api.read_profile"], "Read the signed-in user's profile"},
		{"acme.Scopes[api.push] (inner)", acme.Scopes["api.push"], "Send push notifications"},
		{"acme.Deprecated (outer)", acme.Deprecated, map[string]string{"api.multipass": "api.write_multipass"}},
		{"acme.File (nearest)", acme.File, inner},
		{"mobile-app.Provider (outer)", mobile.Provider, "acme"},
		{"mobile-app.Paths (outer)", mobile.Paths, []string{"mobile/**"}},
		{"mobile-app.Dir (outer's folder)", mobile.Dir, root},
		{"mobile-app.Granted (inner)", mobile.Granted, []string{"api.read_profile", "api.push"}},
		{"mobile-app.GrantedFile (inner)", mobile.GrantedFile, inner},
		{"mobile-app.GrantedPos (inner)", mobile.GrantedPos.Line, 11},
		{"web.Granted (outer only)", cfg.Clients["web"].Granted, []string{"api.read_profile", "api.write_multipass"}},
		{"Severity", cfg.Severity, map[string]string{"duplicate-scope": "error", "broad-scope": "off"}},
		{"Strict", cfg.Strict, []string{"ACME_SCOPES", "MOBILE_SCOPES"}},
		{"ClientOrder", cfg.ClientOrder, []string{"mobile-app", "web"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	// The inputs are not changed by the merge.
	if got := cfg.Files[0].Providers["acme"].Title; got != "Acme API" {
		t.Errorf("outer file changed: title %q", got)
	}
	if got := cfg.Files[0].Clients["mobile-app"].Granted; !reflect.DeepEqual(got, []string{"api.read_profile"}) {
		t.Errorf("outer file changed: granted %v", got)
	}
}

// TestBuildPathQueries checks ProvidersFor, ClientFor, Ignored and
// IsStrict on the nested tree.
func TestBuildPathQueries(t *testing.T) {
	cfg, root := treeConfig(t)
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }

	providers := []struct {
		path string
		want []string
	}{
		{"infra/gcp/main.tf", []string{"google"}},
		{"mobile/legacy/old.go", []string{"acme", "github"}}, // inner file's glob first
		{"mobile/app/main.go", nil},
		{"web/index.ts", nil},
		{"../outside/infra/x.tf", nil},
	}
	for _, tt := range providers {
		if got := cfg.ProvidersFor(p(tt.path)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ProvidersFor(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}

	clients := []struct {
		path string
		want string
	}{
		{"mobile/app/main.go", "mobile-app"},
		{"mobile", "mobile-app"},
		{"web/index.ts", "web"},
		{"docs/readme.md", ""},     // both clients' globs exclude it
		{"webapp/index.ts", ""},    // web/** does not match webapp/
		{"server/mobile/x.go", ""}, // mobile/** is anchored
	}
	for _, tt := range clients {
		got := ""
		if c := cfg.ClientFor(p(tt.path)); c != nil {
			got = c.Name
		}
		if got != tt.want {
			t.Errorf("ClientFor(%s) = %q, want %q", tt.path, got, tt.want)
		}
	}

	ignored := []struct {
		path string
		want bool
	}{
		{"testdata/fixture.go", true},
		{"testdata", true},
		{"mobile/generated/api.go", true},
		{"generated/api.go", false}, // the inner glob is relative to mobile/
		{"mobile/testdata/x.go", false},
		{"mobile/app/main.go", false},
	}
	for _, tt := range ignored {
		if got := cfg.Ignored(p(tt.path)); got != tt.want {
			t.Errorf("Ignored(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}

	strict := []struct {
		name string
		want bool
	}{
		{"ACME_SCOPES", true},
		{"MOBILE_SCOPES", true},
		{"config.ACME_SCOPES", true},
		{"acme_scopes", false},
		{"ACME_SCOPES_EXTRA", false},
		{"XACME_SCOPES", false},
		{"", false},
	}
	for _, tt := range strict {
		if got := cfg.IsStrict(tt.name); got != tt.want {
			t.Errorf("IsStrict(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestClientRanking checks which client wins when several apply.
func TestClientRanking(t *testing.T) {
	files := parseAll(t, "/proj/"+FileName, `
clients:
  everything:
    provider: github
    granted: [repo]
  app:
    provider: github
    paths: ["app/**"]
    granted: [read:user]
  app-admin:
    provider: github
    paths: ["app/admin/**", "other/**"]
    granted: [repo]
`)
	cfg := BuildWith(files, testBase())
	tests := []struct {
		path string
		want []string
	}{
		{"/proj/app/admin/x.go", []string{"app-admin", "app", "everything"}},
		{"/proj/app/x.go", []string{"app", "everything"}},
		{"/proj/lib/x.go", []string{"everything"}},
		{"/elsewhere/x.go", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range cfg.ClientsFor(tt.path) {
			got = append(got, c.Name)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("ClientsFor(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
	scopes, ok := cfg.Granted("app")
	if !ok || !reflect.DeepEqual(scopes, []string{"read:user"}) {
		t.Errorf("Granted(app) = %v, %v", scopes, ok)
	}
	if _, ok := cfg.Granted("nobody"); ok {
		t.Error("Granted(nobody): want ok false")
	}
	app := cfg.Client("app")
	if !app.Grants("read:user") || app.Grants("repo") {
		t.Error("Grants: wrong answer")
	}
	if got := app.GrantedKey(); got != "clients.app.granted" {
		t.Errorf("GrantedKey = %q", got)
	}
	if file, pos := app.GrantedLocation(); file != "/proj/"+FileName || pos.Line != 9 || pos.Column != 14 {
		t.Errorf("GrantedLocation = %s %+v, want line 9 column 14", file, pos)
	}
}

// TestNilConfig checks that a nil Config answers like no project file.
func TestNilConfig(t *testing.T) {
	var c *Config
	if c.ProvidersFor("/x") != nil || c.ClientFor("/x") != nil || c.Ignored("/x") || c.IsStrict("X") ||
		c.SeverityFor("unknown-scope") != "" || c.Client("x") != nil {
		t.Error("nil Config must answer empty")
	}
	if _, ok := c.Granted("x"); ok {
		t.Error("nil Config: Granted ok")
	}
	if CatalogOf(nil) != catalog.Default() {
		t.Error("CatalogOf(nil) must be the embedded catalog")
	}
}

// TestBuildReferenceErrors checks what only the merged files show.
// Each want is "file:line:col: message prefix"; w marks warnings.
func TestBuildReferenceErrors(t *testing.T) {
	outer := "/proj/" + FileName
	inner := "/proj/sub/" + FileName
	tests := []struct {
		name  string
		files []string
		want  []string
	}{
		{"client with unknown provider", []string{outer, "providers:\n  acme: {}\nclients:\n  m:\n    provider: acmee\n"},
			[]string{`outer:5:15: clients.m.provider: "acmee" is neither declared under providers nor a built-in provider; did you mean "acme"?`}},
		{"client with built-in provider", []string{outer, "clients:\n  m:\n    provider: github\n    granted: [repo]\n"}, nil},
		{"client with provider of the outer file", []string{
			outer, "providers:\n  acme:\n    scopes: [read]\n",
			inner, "clients:\n  m:\n    provider: acme\n    granted: [read]\n"}, nil},
		{"outer client naming a provider only the inner file declares", []string{
			outer, "clients:\n  m:\n    provider: acme\n",
			inner, "providers:\n  acme: {}\n"},
			[]string{`outer:3:15: clients.m.provider: "acme" is neither declared`}},
		{"granted without provider", []string{outer, "clients:\n  m:\n    granted: [read]\n"},
			[]string{`outer:2:3: clients.m has granted scopes but no provider`}},
		{"granted scope unknown to a custom provider", []string{outer, "providers:\n  acme:\n    prefix: api.\n    scopes: [api.read, api.write]\nclients:\n  m:\n    provider: acme\n    granted: [api.reed, write]\n"},
			[]string{
				`w outer:8:15: "api.reed" in clients.m.granted is not a scope of provider "acme"; did you mean "api.read"?`,
				`w outer:8:25: "write" in clients.m.granted is not a scope of provider "acme"; did you mean "api.write"?`,
			}},
		{"deprecated replacement not a scope", []string{outer, "providers:\n  acme:\n    scopes: [api.read_profile]\n    deprecated:\n      api.profile: api.read_profil\n"},
			[]string{`outer:5:20: replacement "api.read_profil" of providers.acme.deprecated."api.profile" is not a scope of provider "acme"; did you mean "api.read_profile"?`}},
		{"deprecated replacement from the outer file", []string{
			outer, "providers:\n  acme:\n    scopes: [api.read]\n",
			inner, "providers:\n  acme:\n    deprecated: {api.old: api.read}\n"}, nil},
		{"deprecated replacement of a built-in provider", []string{outer, "providers:\n  github:\n    deprecated: {user: read:user, public_repo: repoo}\n"},
			[]string{`outer:3:48: replacement "repoo" of providers.github.deprecated.public_repo is not a scope of provider "github"; did you mean "repo"?`}},
		{"deprecated without replacement", []string{outer, "providers:\n  acme:\n    deprecated: {api.old: \"\"}\n"}, nil},
		{"paths naming an unknown provider", []string{outer, "paths:\n  \"infra/**\": [googel, github]\n"},
			[]string{`outer:2:16: paths."infra/**": "googel" is neither declared under providers nor a built-in provider; did you mean "google"?`}},
		{"prefix set by the outer file", []string{
			outer, "providers:\n  acme:\n    prefix: api.\n    scopes: [api.read]\n",
			inner, "providers:\n  acme:\n    scopes: [api.write, write_multipass]\n"},
			[]string{`inner:3:25: scope "write_multipass" of provider "acme" lacks the required prefix "api.": write "api.write_multipass"`}},
		{"case rule of a built-in provider", []string{outer, "providers:\n  github:\n    case_sensitive: false\n  microsoft:\n    case_sensitive: false\n"},
			[]string{`w outer:2:3: providers.github.case_sensitive: false has no effect`}},
		{"provider named like a built-in", []string{outer, "providers:\n  GitHub:\n    scopes: [repo]\n"},
			[]string{`w outer:2:3: providers.GitHub declares a new provider; the built-in one is called "github"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := BuildWith(parseAll(t, tt.files...), testBase())
			var got []string
			for _, e := range cfg.Errors {
				w := ""
				if e.Warning {
					w = "w "
				}
				file := map[string]string{outer: "outer", inner: "inner"}[e.Path]
				got = append(got, fmt.Sprintf("%s%s:%d:%d: %s", w, file, e.Pos.Line, e.Pos.Column, e.Msg))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %d:\n got %s\nwant %s...", i, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestBuildCatalog checks the catalog providers made from the project
// files and their merge into the built-in catalog.
func TestBuildCatalog(t *testing.T) {
	files := parseAll(t, "/proj/"+FileName, `
providers:
  acme:
    hosts: [Auth.Acme.example]
    signals: [ACME_CLIENT_ID]
    prefix: api.
    scopes:
      api.read_profile: Read the profile
      api.write_multipass: Write
    deprecated:
      api.multipass: api.write_multipass
      api.write_multipass: ""
  beta:
    title: Beta
    delimiter: comma
    case_sensitive: false
    scopes: [read]
  github:
    scopes: {copilot: Use Copilot}
    deprecated: {read:user: repo}
  microsoft:
    title: Microsoft Graph
    scopes: [Mail.Send]
`)
	cfg := BuildWith(files, testBase())
	if len(cfg.Errors) > 0 {
		t.Fatalf("errors: %v", cfg.Errors)
	}
	byName := map[string]*catalog.Provider{}
	for _, p := range cfg.catalogProviders(testBase()) {
		byName[p.Name] = p
	}
	acme := byName["acme"]
	checks := []struct {
		name      string
		got, want any
	}{
		{"acme.Title defaults to the name", acme.Title, "acme"},
		{"acme.Custom", acme.Custom, true},
		{"acme.Delimiter defaults to space", acme.Delimiter, catalog.DelimSpace},
		{"acme.CaseSensitive defaults to true", acme.CaseSensitive, true},
		{"acme.Prefixes", acme.Prefixes, []string{"api."}},
		{"acme.PrefixRequired", acme.PrefixRequired, true},
		{"acme.AuthorizeHosts", acme.AuthorizeHosts, []string{"auth.acme.example"}},
		{"acme.Signals", acme.Signals, []string{"ACME_CLIENT_ID"}},
		{"acme scopes", len(acme.Scopes), 3},
		{"acme.read_profile", *acme.Scopes[0], catalog.Scope{Provider: "acme", Name: "api.read_profile", Short: "read_profile", Description: "Read the profile"}},
		{"acme.write_multipass deprecated without replacement", *acme.Scopes[1], catalog.Scope{Provider: "acme", Name: "api.write_multipass", Short: "write_multipass", Description: "Write", Deprecated: true}},
		{"acme.multipass added as deprecated", *acme.Scopes[2], catalog.Scope{Provider: "acme", Name: "api.multipass", Deprecated: true, ReplacedBy: []string{"api.write_multipass"}}},
		{"beta.Delimiter", byName["beta"].Delimiter, catalog.DelimComma},
		{"beta.CaseSensitive", byName["beta"].CaseSensitive, false},
		{"beta.PrefixRequired", byName["beta"].PrefixRequired, false},
		{"github extension keeps the built-in delimiter", byName["github"].Delimiter, catalog.Delimiter("")},
		{"github extension keeps the built-in title", byName["github"].Title, ""},
		{"microsoft extension keeps case-insensitivity", byName["microsoft"].CaseSensitive, false},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}

	// The merged catalog.
	cat := cfg.Catalog
	if p := cat.Provider("acme"); p == nil || !p.Custom {
		t.Fatalf("merged catalog lacks custom provider acme: %+v", p)
	}
	if s := cat.Lookup("acme", "api.multipass"); s == nil || !s.Deprecated || !reflect.DeepEqual(s.ReplacedBy, []string{"api.write_multipass"}) {
		t.Errorf("acme api.multipass = %+v", s)
	}
	gh := cat.Provider("github")
	if gh == nil || !gh.AcceptsComma || gh.Title != "GitHub" || cat.Lookup("github", "copilot") == nil || cat.Lookup("github", "repo") == nil {
		t.Errorf("github extension lost built-in settings or scopes: %+v", gh)
	}
	if s := cat.Lookup("github", "read:user"); s == nil || !s.Deprecated || !reflect.DeepEqual(s.ReplacedBy, []string{"repo"}) {
		t.Errorf("github read:user deprecation not applied: %+v", s)
	}
	if ms := cat.Provider("microsoft"); ms == nil || ms.CaseSensitive || ms.Title != "Microsoft Graph" {
		t.Errorf("microsoft extension: %+v", ms)
	}
	if cat.Provider("google") == nil {
		t.Error("built-in google lost")
	}
	// Without custom providers the base catalog is used as it is.
	base := testBase()
	if c := BuildWith(parseAll(t, "/p/"+FileName, "strict: [A]\n"), base); c.Catalog != base {
		t.Error("no custom providers: want the base catalog itself")
	}
}

func readFileT(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
