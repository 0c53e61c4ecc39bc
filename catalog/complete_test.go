package catalog

import (
	"testing"
)

func TestComplete(t *testing.T) {
	c := Default()
	tests := []struct {
		provider, prefix string
		first            string // expected first result
	}{
		{"google", "drive.re", "https://www.googleapis.com/auth/drive.readonly"},
		{"google", "https://www.googleapis.com/auth/drive.re", "https://www.googleapis.com/auth/drive.readonly"},
		{"microsoft", "Mail.R", "Mail.Read"},
		{"microsoft", "mail.r", "Mail.Read"},
		{"shopify", "write_prod", "write_products"},
		{"github", "rep", "repo"},
		{"slack", "chat:w", "chat:write"},
	}
	for _, tt := range tests {
		got := c.Complete(tt.provider, tt.prefix)
		if len(got) == 0 || got[0].Name != tt.first {
			t.Errorf("Complete(%s, %q) = %v, want %q first", tt.provider, tt.prefix, head(names(got), 5), tt.first)
		}
		seenDeprecated := false
		for _, s := range got {
			if s.Hidden {
				t.Errorf("Complete(%s, %q) offered hidden %q", tt.provider, tt.prefix, s.Name)
			}
			if s.Deprecated {
				seenDeprecated = true
			} else if seenDeprecated {
				t.Errorf("Complete(%s, %q): current %q after a deprecated scope", tt.provider, tt.prefix, s.Name)
			}
		}
	}
	if got := c.Complete("github", "zzzzqqq"); len(got) != 0 {
		t.Errorf("Complete(github, zzzzqqq) = %v, want none", names(got))
	}
	if got := c.Complete("nobody", "a"); got != nil {
		t.Errorf("Complete(nobody) = %v", names(got))
	}
}

func TestCompleteEmptyPrefixByPopularity(t *testing.T) {
	c := Default()
	got := c.Complete("github", "")
	if len(got) == 0 || got[0].Name != "repo" {
		t.Fatalf("Complete(github, \"\") starts with %v", head(names(got), 3))
	}
	visible := 0
	for _, s := range c.Provider("github").Scopes {
		if !s.Hidden {
			visible++
		}
	}
	if len(got) != visible {
		t.Errorf("Complete(github, \"\") gave %d scopes, want all %d visible", len(got), visible)
	}
	for i := 1; i < len(got); i++ {
		if rankBefore(got[i], got[i-1]) {
			t.Errorf("not ranked: %q before %q", got[i-1].Name, got[i].Name)
		}
	}
	// The result is a copy: changing it leaves the catalog alone.
	got[0] = nil
	if again := c.Complete("github", ""); again[0] == nil {
		t.Error("Complete returned the catalog's own slice")
	}
	mic := c.Complete("microsoft", "")
	for _, s := range mic {
		if s.Hidden {
			t.Fatalf("hidden %q offered", s.Name)
		}
	}
	if mic[0].Name != "User.Read" {
		t.Errorf("Complete(microsoft, \"\") starts with %q", mic[0].Name)
	}
}

func TestCompleteRanksPopularityOnEqualScore(t *testing.T) {
	c := New([]*Provider{{
		Name: "acme", CaseSensitive: true,
		Scopes: []*Scope{
			{Name: "read_b"},
			{Name: "read_a", Popularity: 3},
			{Name: "read_c", Deprecated: true, Popularity: 9},
			{Name: "read_d", Hidden: true},
		},
	}})
	got := names(c.Complete("acme", "read_"))
	want := []string{"acme:read_a", "acme:read_b", "acme:read_c"}
	if len(got) != len(want) {
		t.Fatalf("Complete = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Complete = %v, want %v", got, want)
		}
	}
}

func head(ss []string, n int) []string {
	if len(ss) > n {
		return ss[:n]
	}
	return ss
}

func BenchmarkComplete(b *testing.B) {
	c := Default()
	prefixes := []string{"Mail.R", "user.read", "Dev", "Sites.ReadW"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Complete("microsoft", prefixes[i%len(prefixes)])
		i++
	}
}

// TestCompleteExactPrefix: typing exactly a provider prefix lists every
// visible scope, as an empty prefix does.
func TestCompleteExactPrefix(t *testing.T) {
	c := Default()
	all := c.Complete("google", "")
	got := c.Complete("google", "https://www.googleapis.com/auth/")
	if len(got) == 0 || len(got) != len(all) {
		t.Fatalf("Complete(google, prefix) = %d scopes, want %d", len(got), len(all))
	}
}
