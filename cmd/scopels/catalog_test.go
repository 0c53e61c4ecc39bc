package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/scopels/scopels/catalog"
)

// runCatalogCmd runs scopels with args in-process.
func runCatalogCmd(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestCatalogShow(t *testing.T) {
	tests := []struct {
		args []string
		want []string // substrings of stdout
	}{
		{[]string{"catalog", "show", "User.Read"}, []string{
			"User.Read\n", "Microsoft identity platform (microsoft)", "Read the signed-in user's profile",
			"matched without regard to case"}},
		{[]string{"catalog", "show", "write_products"}, []string{
			"write_products\n", "Shopify (shopify)", "implies:", "read_products", "delimiter:", "comma"}},
		{[]string{"catalog", "show", "https://www.googleapis.com/auth/drive.readonly"}, []string{
			"https://www.googleapis.com/auth/drive.readonly\n", "Google (google)", "Read-only access to Google Drive",
			"short form:", "drive.readonly", "restricted"}},
		{[]string{"catalog", "show", "drive.readonly"}, []string{"matched:", "short form", "https://www.googleapis.com/auth/drive.readonly"}},
		{[]string{"catalog", "show", "user.read", "--provider", "microsoft"}, []string{"User.Read\n", "ignoring case"}},
		{[]string{"catalog", "show", "https://graph.microsoft.com/Mail.Send"}, []string{"Mail.Send\n", "after the prefix"}},
		{[]string{"catalog", "show", "r_liteprofile"}, []string{"deprecated:", "replaced by openid, profile"}},
	}
	for _, tt := range tests {
		out, errOut, code := runCatalogCmd(t, tt.args...)
		if code != 0 {
			t.Errorf("%v: exit %d, stderr %q", tt.args, code, errOut)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestCatalogShowEveryProvider(t *testing.T) {
	out, _, code := runCatalogCmd(t, "catalog", "show", "openid", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got struct {
		Scopes []catalog.Scope `json:"scopes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	providers := map[string]bool{}
	for _, s := range got.Scopes {
		if s.Name != "openid" {
			t.Errorf("show openid printed %q", s.Name)
		}
		providers[s.Provider] = true
	}
	want := len(catalog.Default().Owners("openid"))
	if len(got.Scopes) != want || !providers["oidc"] || !providers["google"] {
		t.Errorf("show openid: %d scopes from %v, want %d", len(got.Scopes), providers, want)
	}
}

func TestCatalogShowUnknown(t *testing.T) {
	tests := []struct {
		args     []string
		wantErr  string
		wantCode int
	}{
		{[]string{"catalog", "show", "Mail.Raed"}, `did you mean "Mail.Read" (microsoft)?`, 1},
		{[]string{"catalog", "show", "raed:org", "--provider", "github"}, `did you mean "read:org" (github)?`, 1},
		{[]string{"catalog", "show", "zzzqqqxxx"}, `no scope "zzzqqqxxx"`, 1},
		{[]string{"catalog", "show"}, "show takes one scope name", 2},
		{[]string{"catalog", "show", "repo", "--provider", "nope"}, `unknown provider "nope"`, 2},
	}
	for _, tt := range tests {
		out, errOut, code := runCatalogCmd(t, tt.args...)
		if code != tt.wantCode || !strings.Contains(errOut, tt.wantErr) || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit %d and %q", tt.args, code, out, errOut, tt.wantCode, tt.wantErr)
		}
	}
	_, errOut, _ := runCatalogCmd(t, "catalog", "show", "zzzqqqxxx")
	if strings.Contains(errOut, "did you mean") {
		t.Errorf("far token got a suggestion: %q", errOut)
	}
}

func TestCatalogListJSON(t *testing.T) {
	c := catalog.Default()
	var visible, all, deprecated int
	for _, p := range c.Providers() {
		for _, s := range p.Scopes {
			all++
			if !s.Hidden {
				visible++
			}
			if s.Deprecated && !s.Hidden {
				deprecated++
			}
		}
	}
	for _, tt := range []struct {
		args []string
		want int
	}{
		{[]string{"catalog", "list", "--format", "json"}, all},
		{[]string{"catalog", "list", "--format", "json", "--hidden"}, all},
		{[]string{"catalog", "list", "--format=json", "--provider", "github"}, len(c.Provider("github").Scopes)},
	} {
		out, errOut, code := runCatalogCmd(t, tt.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errOut)
		}
		// Decode generically: replaced_by must be a list, never null.
		var raw struct {
			Scopes []map[string]any `json:"scopes"`
		}
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if len(raw.Scopes) != tt.want {
			t.Errorf("%v: %d scopes, want %d", tt.args, len(raw.Scopes), tt.want)
		}
		dep := 0
		for _, s := range raw.Scopes {
			for _, k := range []string{"provider", "name", "deprecated", "replaced_by", "description"} {
				if _, ok := s[k]; !ok {
					t.Fatalf("%v: entry %v lacks %q", tt.args, s, k)
				}
			}
			if _, hidden := s["hidden"]; len(s) != 5 && !(hidden && len(s) == 6 && s["hidden"] == true) {
				t.Fatalf("%v: entry has extra fields: %v", tt.args, s)
			}
			if _, ok := s["replaced_by"].([]any); !ok {
				t.Fatalf("%v: replaced_by of %v is not a list", tt.args, s["name"])
			}
			if s["deprecated"] == true {
				dep++
			}
		}
		if tt.want == visible && dep != deprecated {
			t.Errorf("%d deprecated entries, want %d", dep, deprecated)
		}
	}
}

func TestCatalogListText(t *testing.T) {
	out, _, code := runCatalogCmd(t, "catalog", "list", "--provider", "stripe")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("want a header and 2 rows, got:\n%s", out)
	}
	// Columns are aligned: every row's description starts where the
	// header's does.
	col := strings.Index(lines[0], "DESCRIPTION")
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l, "stripe ") || len(l) <= col || l[col-1] != ' ' || l[col] == ' ' {
			t.Errorf("row not aligned with the header:\n%s\n%s", lines[0], l)
		}
	}
	if !strings.Contains(out, "read_write") || !strings.Contains(out, "broad") {
		t.Errorf("stripe list lacks read_write or its broad flag:\n%s", out)
	}

	out, _, code = runCatalogCmd(t, "catalog", "list", "--providers")
	if code != 0 || !strings.Contains(out, "microsoft") || !strings.Contains(out, "*.myshopify.com") {
		t.Errorf("list --providers: exit %d\n%s", code, out)
	}
}

func TestCatalogSearch(t *testing.T) {
	tests := []struct {
		args  []string
		first string
	}{
		{[]string{"catalog", "search", "drive read"}, "https://www.googleapis.com/auth/drive.readonly"},
		{[]string{"catalog", "search", "drive", "read"}, "https://www.googleapis.com/auth/drive.readonly"},
		{[]string{"catalog", "search", "write products"}, "write_products"},
		{[]string{"catalog", "search", "mail", "send", "--provider", "microsoft"}, "Mail.Send"},
		{[]string{"catalog", "search", "org", "--provider", "github"}, "read:org"},
	}
	for _, tt := range tests {
		out, errOut, code := runCatalogCmd(t, append(tt.args, "--format", "json")...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, code, errOut)
			continue
		}
		var got struct {
			Scopes []struct {
				Provider, Name string
			} `json:"scopes"`
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatal(err)
		}
		if len(got.Scopes) == 0 || got.Scopes[0].Name != tt.first {
			t.Errorf("%v: first result %v, want %q", tt.args, got.Scopes[:min(3, len(got.Scopes))], tt.first)
		}
	}
	out, _, code := runCatalogCmd(t, "catalog", "search", "drive", "read", "--limit", "2")
	if code != 0 || strings.Count(out, "\n") != 3 {
		t.Errorf("--limit 2 printed:\n%s", out)
	}
	if _, errOut, code := runCatalogCmd(t, "catalog", "search", "qqqzzzxxx"); code != 1 || !strings.Contains(errOut, "no scope matches") {
		t.Errorf("search without hits: exit %d, %q", code, errOut)
	}
}

func TestCatalogUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"catalog"}, 2},
		{[]string{"catalog", "frob"}, 2},
		{[]string{"catalog", "list", "--format", "xml"}, 2},
		{[]string{"catalog", "list", "--bogus"}, 2},
		{[]string{"catalog", "list", "extra"}, 2},
		{[]string{"catalog", "search"}, 2},
		{[]string{"catalog", "search", "x", "--limit", "-1"}, 2},
	} {
		out, errOut, code := runCatalogCmd(t, tt.args...)
		if code != tt.code || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tt.args, code, out, errOut)
		}
	}
	out, _, code := runCatalogCmd(t, "catalog", "--help")
	if code != 0 || !strings.Contains(out, "Usage: scopels catalog") {
		t.Errorf("--help: exit %d\n%s", code, out)
	}
	if out, _, code := runCatalogCmd(t, "help", "catalog"); code != 0 || !strings.Contains(out, "search QUERY") {
		t.Errorf("help catalog: exit %d\n%s", code, out)
	}
}
