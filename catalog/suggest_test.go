package catalog

import (
	"math/rand/v2"
	"testing"
)

func TestSuggest(t *testing.T) {
	c := Default()
	tests := []struct {
		provider, token string
		want            string // first suggestion, "" for none
		dist            int
	}{
		{"github", "raed:org", "read:org", 1},  // transposition
		{"github", "read:orgs", "read:org", 1}, // insertion
		{"github", "reop", "repo", 1},          // transposition in a short name
		{"microsoft", "Mail.Raed", "Mail.Read", 1},
		{"microsoft", "Mail.reed", "Mail.Read", 1}, // case ignored by Microsoft
		{"microsoft", "User.Raed.All", "User.Read.All", 1},
		{"microsoft", "https://graph.microsoft.com/User.Raed", "User.Read", 1},
		{"shopify", "write_prodcuts", "write_products", 1},
		{"shopify", "read_product", "read_products", 1},
		{"google", "drive.readonyl", "https://www.googleapis.com/auth/drive.readonly", 1},
		{"google", "https://www.googleapis.com/auth/drive.readonyl", "https://www.googleapis.com/auth/drive.readonly", 1},
		{"google", "https://mail.google.com", "https://mail.google.com/", 1},
		{"slack", "chat:wirte", "chat:write", 1},
		{"gitlab", "read_usr", "read_user", 1},
		{"github", "Read:org", "read:org", 1}, // GitHub counts case
		// Far from everything: no suggestion.
		{"github", "xyzzy", "", 0},
		{"github", "kubernetes", "", 0},
		{"microsoft", "Frobnicate.Everything", "", 0},
		{"google", "singleton", "", 0},
		{"github", "ab", "", 0},
		{"nobody", "repo", "", 0},
	}
	for _, tt := range tests {
		got := c.Suggest(tt.provider, tt.token, 3)
		if tt.want == "" {
			if len(got) != 0 {
				t.Errorf("Suggest(%s, %q) = %v, want none", tt.provider, tt.token, suggestionNames(got))
			}
			continue
		}
		if len(got) == 0 {
			t.Errorf("Suggest(%s, %q) = none, want %q", tt.provider, tt.token, tt.want)
			continue
		}
		if got[0].Scope.Name != tt.want || got[0].Distance != tt.dist {
			t.Errorf("Suggest(%s, %q)[0] = %q at %d, want %q at %d", tt.provider, tt.token,
				got[0].Scope.Name, got[0].Distance, tt.want, tt.dist)
		}
		for i := 1; i < len(got); i++ {
			if !c.Provider(tt.provider).CaseSensitive && got[i].Distance < got[i-1].Distance {
				t.Errorf("Suggest(%s, %q) not ordered: %v", tt.provider, tt.token, suggestionNames(got))
			}
		}
	}
}

func TestSuggestSkipsHiddenAndDeprecated(t *testing.T) {
	c := Default()
	// write:discussion is deprecated; its nearest current neighbours are
	// other scopes, never itself.
	for _, s := range c.Suggest("github", "write:discusion", 5) {
		if s.Scope.Deprecated || s.Scope.Hidden {
			t.Errorf("suggested %q (deprecated %v, hidden %v)", s.Scope.Name, s.Scope.Deprecated, s.Scope.Hidden)
		}
	}
	for _, s := range c.Suggest("microsoft", "_0.AB", 5) {
		if s.Scope.Hidden {
			t.Errorf("suggested hidden %q", s.Scope.Name)
		}
	}
}

func TestSuggestTiesByPopularity(t *testing.T) {
	// Three scopes one edit from the token: popularity, then name, decide.
	c := New([]*Provider{{
		Name: "acme", CaseSensitive: true,
		Scopes: []*Scope{
			{Name: "api.read_b", Popularity: 1},
			{Name: "api.read_a"},
			{Name: "api.read_c", Popularity: 5},
		},
	}})
	got := suggestionNames(c.Suggest("acme", "api.read_x", 3))
	want := []string{"api.read_c", "api.read_b", "api.read_a"}
	if len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("Suggest order = %v, want %v", got, want)
	}
	if got := c.Suggest("acme", "api.read_x", 1); len(got) != 1 || got[0].Scope.Name != "api.read_c" {
		t.Errorf("Suggest n=1 = %v", suggestionNames(got))
	}
}

func TestSuggestCustomPrefix(t *testing.T) {
	c := New([]*Provider{{
		Name: "acme", CaseSensitive: true, Prefixes: []string{"api."}, PrefixRequired: true,
		Scopes: []*Scope{{Name: "api.write_multipass"}, {Name: "api.read_profile"}},
	}})
	got := c.Suggest("acme", "write_multipas", 1)
	if len(got) != 1 || got[0].Scope.Name != "api.write_multipass" || got[0].Distance != 1 {
		t.Errorf("Suggest(write_multipas) = %v", suggestionNames(got))
	}
	got = c.Suggest("acme", "api.raed_profile", 1)
	if len(got) != 1 || got[0].Scope.Name != "api.read_profile" {
		t.Errorf("Suggest(api.raed_profile) = %v", suggestionNames(got))
	}
}

func TestCutoff(t *testing.T) {
	for _, tt := range []struct{ n, want int }{{1, 0}, {2, 0}, {3, 1}, {4, 1}, {5, 2}, {10, 2}, {11, 3}, {24, 3}, {25, 4}, {80, 4}} {
		if got := cutoff(tt.n); got != tt.want {
			t.Errorf("cutoff(%d) = %d, want %d", tt.n, got, tt.want)
		}
	}
}

// TestOSAAgainstFullTable checks the banded, early-exit distance against
// the plain full-table definition on random strings over a small alphabet
// (so that transpositions and repeats are common).
func TestOSAAgainstFullTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	randStr := func() string {
		b := make([]byte, r.IntN(9))
		for i := range b {
			b[i] = "abc"[r.IntN(3)]
		}
		return string(b)
	}
	var buf distBuf
	for i := 0; i < 20000; i++ {
		a, b := randStr(), randStr()
		want := fullOSA(a, b)
		for limit := 0; limit <= 5; limit++ {
			got := buf.osa(a, b, limit)
			exp := want
			if want > limit {
				exp = limit + 1
			}
			if got != exp {
				t.Fatalf("osa(%q, %q, %d) = %d, want %d (full %d)", a, b, limit, got, exp, want)
			}
		}
	}
}

func fullOSA(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := 0; j <= len(b); j++ {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestMaskDistanceIsALowerBound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 5000; i++ {
		a := randomScopeLike(r)
		b := randomScopeLike(r)
		if lb, d := maskDistance(charMask(a), charMask(b)), fullOSA(a, b); lb > d {
			t.Fatalf("maskDistance(%q, %q) = %d > distance %d", a, b, lb, d)
		}
	}
}

func randomScopeLike(r *rand.Rand) string {
	const alphabet = "abcdeRW.:_-/01"
	b := make([]byte, r.IntN(12))
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func suggestionNames(ss []Suggestion) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.Scope.Name
	}
	return out
}

func BenchmarkSuggestMicrosoft(b *testing.B) {
	c := Default()
	tokens := []string{"Mail.Raed", "User.ReadWrtie.All", "DeviceManagementConfiguraton.Read.All", "Calendars.ReadWrite.Shard", "xyzzy.nothing"}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		c.Suggest("microsoft", tokens[i%len(tokens)], 3)
		i++
	}
}

func BenchmarkSuggestGoogle(b *testing.B) {
	c := Default()
	b.ReportAllocs()
	for b.Loop() {
		c.Suggest("google", "https://www.googleapis.com/auth/drive.readonyl", 3)
	}
}
