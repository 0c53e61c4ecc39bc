package lsp

import (
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

func applyEdit(t *testing.T, text string, e analysis.Edit) string {
	t.Helper()
	out, err := analysis.ApplyFixes([]byte(text), []analysis.Edit{e})
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

func TestAddScopeEdit(t *testing.T) {
	for _, tc := range []struct {
		name, text, provider, scope, want string
	}{
		{
			name:     "new file",
			text:     "",
			provider: "google", scope: "https://www.googleapis.com/auth/x",
			want: "providers:\n  google:\n    scopes:\n      \"https://www.googleapis.com/auth/x\": \"\"\n",
		},
		{
			name:     "comments only, no final newline",
			text:     "# project settings",
			provider: "acme", scope: "api.read",
			want: "# project settings\nproviders:\n  acme:\n    scopes:\n      api.read: \"\"\n",
		},
		{
			name:     "no providers key",
			text:     "severity:\n  broad-scope: off\n",
			provider: "acme", scope: "api.read",
			want: "severity:\n  broad-scope: off\nproviders:\n  acme:\n    scopes:\n      api.read: \"\"\n",
		},
		{
			name:     "new provider among others, four-space indent kept",
			text:     "providers:\n    other:\n        title: Other\n",
			provider: "acme", scope: "api.read",
			want: "providers:\n    acme:\n      scopes:\n        api.read: \"\"\n    other:\n        title: Other\n",
		},
		{
			name:     "provider without scopes",
			text:     "providers:\n  acme:\n    title: Acme # the API\n",
			provider: "acme", scope: "api.read",
			want: "providers:\n  acme:\n    scopes:\n      api.read: \"\"\n    title: Acme # the API\n",
		},
		{
			name:     "block scopes",
			text:     "providers:\n  acme:\n    scopes:\n      api.write: Write # keep\n",
			provider: "acme", scope: "api.read",
			want: "providers:\n  acme:\n    scopes:\n      api.read: \"\"\n      api.write: Write # keep\n",
		},
		{
			name:     "flow scopes",
			text:     "providers:\n  acme:\n    scopes: {api.write: Write}\n",
			provider: "acme", scope: "api.read",
			want: "providers:\n  acme:\n    scopes: {api.read: \"\", api.write: Write}\n",
		},
		{
			name:     "empty scopes key",
			text:     "providers:\n  acme:\n    scopes: # none yet\n",
			provider: "acme", scope: "api.read",
			want: "providers:\n  acme:\n    scopes:\n      api.read: \"\" # none yet\n",
		},
		{
			name:     "CJK before the key",
			text:     "# 認証 🎉\nproviders:\n  acme:\n    scopes:\n      api.write: \"書く\"\n",
			provider: "acme", scope: "api.read",
			want: "# 認証 🎉\nproviders:\n  acme:\n    scopes:\n      api.read: \"\"\n      api.write: \"書く\"\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := addScopeEdit([]byte(tc.text), tc.provider, tc.scope)
			if err != nil {
				t.Fatal(err)
			}
			got := applyEdit(t, tc.text, e)
			if got != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tc.want)
			}
			f, errs := project.Parse("/p/.scopels.yaml", []byte(got))
			if len(errs) > 0 {
				t.Fatalf("result does not parse cleanly: %v", errs)
			}
			if _, ok := f.Providers[tc.provider].Scopes[tc.scope]; !ok {
				t.Errorf("scope not declared")
			}
		})
	}
}

func TestAddScopeEditRefuses(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"broken YAML", "providers: [\n"},
		{"not a mapping", "- a\n- b\n"},
		{"already declared", "providers:\n  acme:\n    scopes:\n      api.read: R\n"},
	} {
		if _, err := addScopeEdit([]byte(tc.text), "acme", "api.read"); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
	}
}

func TestGrantEdit(t *testing.T) {
	const head = "providers:\n  acme:\n    scopes:\n      api.a: A\n      api.b: B\n"
	for _, tc := range []struct {
		name, clients, want string
	}{
		{
			name:    "flow list",
			clients: "clients:\n  web:\n    provider: acme\n    granted: [api.a]\n",
			want:    "clients:\n  web:\n    provider: acme\n    granted: [api.b, api.a]\n",
		},
		{
			name:    "empty flow list",
			clients: "clients:\n  web:\n    provider: acme\n    granted: []\n",
			want:    "clients:\n  web:\n    provider: acme\n    granted: [api.b]\n",
		},
		{
			name:    "block list",
			clients: "clients:\n  web:\n    provider: acme\n    granted:\n      - api.a # first\n",
			want:    "clients:\n  web:\n    provider: acme\n    granted:\n      - api.b\n      - api.a # first\n",
		},
		{
			name:    "no granted key",
			clients: "clients:\n  web:\n    provider: acme\n",
			want:    "clients:\n  web:\n    granted: [api.b]\n    provider: acme\n",
		},
		{
			name:    "granted with nothing",
			clients: "clients:\n  web:\n    provider: acme\n    granted:\n",
			want:    "clients:\n  web:\n    provider: acme\n    granted: [api.b]\n",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := head + tc.clients
			e, err := grantEdit([]byte(text), "web", "api.b")
			if err != nil {
				t.Fatal(err)
			}
			got := applyEdit(t, text, e)
			if want := head + tc.want; got != want {
				t.Errorf("got:\n%s\nwant:\n%s", got, want)
			}
			f, errs := project.Parse("/p/.scopels.yaml", []byte(got))
			if len(errs) > 0 {
				t.Fatalf("result does not parse cleanly: %v", errs)
			}
			if g := strings.Join(f.Clients["web"].Granted, " "); !strings.Contains(g, "api.b") {
				t.Errorf("granted = %q", g)
			}
		})
	}
	if _, err := grantEdit([]byte(head+"clients:\n  web:\n    granted: [api.b]\n"), "web", "api.b"); err == nil {
		t.Error("granting twice: no error")
	}
	if _, err := grantEdit([]byte(head), "web", "api.b"); err == nil {
		t.Error("unknown client: no error")
	}
}

func TestYAMLScalar(t *testing.T) {
	for in, want := range map[string]string{
		"api.read_profile":                  "api.read_profile",
		"https://www.googleapis.com/auth/x": `"https://www.googleapis.com/auth/x"`,
		"yes":                               `"yes"`,
		"-x":                                `"-x"`,
		"a b":                               `"a b"`,
		`q"uote`:                            `"q\"uote"`,
		"":                                  `""`,
	} {
		if got := yamlScalar(in); got != want {
			t.Errorf("yamlScalar(%q) = %s, want %s", in, got, want)
		}
	}
}
