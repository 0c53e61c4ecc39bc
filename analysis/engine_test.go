package analysis_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// acmeConfig is a project configuration with two custom providers: acme
// (space-delimited, no prefix) and acmeapi (every scope carries "api.").
func acmeConfig() *project.Config {
	acme := &catalog.Provider{
		Name: "acme", Title: "Acme", Delimiter: catalog.DelimSpace, CaseSensitive: true, Custom: true,
		Scopes: []*catalog.Scope{
			{Name: "read_profile", Description: "Read the profile"},
			{Name: "write_multipass", Description: "Create Multipass tokens", Implies: []string{"read_multipass"}},
			{Name: "read_multipass", Description: "Read Multipass tokens"},
			{Name: "multipass", Description: "Old", Deprecated: true, ReplacedBy: []string{"write_multipass"}},
		},
	}
	api := &catalog.Provider{
		Name: "acmeapi", Title: "Acme API", Delimiter: catalog.DelimSpace, CaseSensitive: true, Custom: true,
		Prefixes: []string{"api."}, PrefixRequired: true,
		Scopes: []*catalog.Scope{
			{Name: "api.read_account", Description: "Read the account"},
			{Name: "api.write_ledger", Description: "Write the ledger"},
		},
	}
	return &project.Config{Catalog: catalog.New([]*catalog.Provider{acme, api})}
}

// diagString renders a diagnostic as "code@text" for compact assertions.
func diagString(src string, d analysis.Diagnostic) string {
	return fmt.Sprintf("%s@%s", d.Code, src[d.Span.Start:d.Span.End])
}

func fixAll(t *testing.T, src string, diags []analysis.Diagnostic) string {
	t.Helper()
	edits, _ := analysis.SelectFixes(diags)
	out, err := analysis.ApplyFixes([]byte(src), edits)
	if err != nil {
		t.Fatalf("ApplyFixes: %v", err)
	}
	return string(out)
}

func TestSeedCases(t *testing.T) {
	cfg := acmeConfig()
	tests := []struct {
		name  string
		path  string
		src   string
		want  []string
		fixed string
	}{
		{"comma", "a.py", `scope = "read_profile,write_multipass"`,
			[]string{"wrong-delimiter@read_profile,write_multipass"}, `scope = "read_profile write_multipass"`},
		{"typo", "a.py", `scope = "read_profile write_multipas"`,
			[]string{"unknown-scope@write_multipas"}, `scope = "read_profile write_multipass"`},
		{"case", "a.py", `scope = "Write_multipass"`,
			[]string{"wrong-case@Write_multipass"}, `scope = "write_multipass"`},
		{"prefix", "a.py", `scope = "api.read_account write_ledger"`,
			[]string{"missing-prefix@write_ledger"}, `scope = "api.read_account api.write_ledger"`},
		{"prefix typo", "a.py", `scope = "api.read_account write_ledgr"`,
			[]string{"unknown-scope@write_ledgr"}, `scope = "api.read_account api.write_ledger"`},
		{"deprecated", "a.py", `scope = "read_profile multipass"`,
			[]string{"deprecated-scope@multipass"}, `scope = "read_profile write_multipass"`},
		{"duplicate in list", "a.py", `SCOPES = ["read_profile", "write_multipass", "read_profile"]`,
			[]string{"duplicate-scope@read_profile"}, `SCOPES = ["read_profile", "write_multipass"]`},
		{"redundant", "a.py", `scope = "write_multipass read_multipass"`,
			[]string{"redundant-scope@read_multipass"}, `scope = "write_multipass"`},
		{"spaces", "a.py", `scope = " read_profile  write_multipass"`,
			[]string{"malformed-scope@ ", "malformed-scope@  "}, `scope = "read_profile write_multipass"`},
		{"zero width", "a.py", "scope = \"read_profile write\u200b_multipass\"",
			[]string{"malformed-scope@write\u200b_multipass"}, `scope = "read_profile write_multipass"`},
		{"clean", "a.py", `scope = "read_profile write_multipass"`, nil, ""},
		{"far token left alone", "a.py", `scope = "read_profile something_else"`, nil, ""},
		{"non-oauth scope", "a.java", `@Scope("prototype") class A {}`, nil, ""},
		{"suppressed", "a.py", "# scopels:ignore unknown-scope legacy server\nscope = \"read_profile write_multipas\"", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := analysis.Analyze(&analysis.File{Path: tc.path, Src: []byte(tc.src)}, checks.All(), cfg)
			var got []string
			for _, d := range res.Diagnostics {
				got = append(got, diagString(tc.src, d))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Fatalf("diagnostics:\n got %q\nwant %q\n%+v", got, tc.want, res.Diagnostics)
			}
			for _, d := range res.Diagnostics {
				if d.Provider == "" || d.Message == "" {
					t.Errorf("%s: missing provider or message: %+v", d.Code, d)
				}
			}
			if tc.fixed != "" {
				if got := fixAll(t, tc.src, res.Diagnostics); got != tc.fixed {
					t.Errorf("fixed:\n got %s\nwant %s", got, tc.fixed)
				}
			}
		})
	}
}
