package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestWithURLScopes(t *testing.T) {
	// Each case is one literal written verbatim in src at offset 1 (after a
	// quote), unless offs describes an escaped parent.
	tests := []struct {
		name    string
		value   string // the parent literal's value, written verbatim
		partial bool
		want    []textWant // URL literals only
		partOK  []bool     // Partial expected for each URL literal
	}{
		{
			name:  "google authorize URL",
			value: "https://accounts.google.com/o/oauth2/v2/auth?client_id=x&scope=openid%20email+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive&state=1",
			want: []textWant{{
				text:  "openid%20email+https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fdrive",
				value: "openid email https://www.googleapis.com/auth/drive", esc: EscapePercent, key: "scope", url: true,
			}},
		},
		{
			name:  "slack scope and user_scope",
			value: "https://slack.com/oauth/v2/authorize?scope=chat:write,channels:read&user_scope=search:read#frag",
			want: []textWant{
				{text: "chat:write,channels:read", value: "chat:write,channels:read", esc: EscapePercent, key: "scope", url: true},
				{text: "search:read", value: "search:read", esc: EscapePercent, key: "user_scope", url: true},
			},
		},
		{
			name:  "bare query string",
			value: "response_type=code&scope=openid+profile",
			want:  []textWant{{text: "openid+profile", value: "openid profile", esc: EscapePercent, key: "scope", url: true}},
		},
		{
			name:  "bare query starting with scope",
			value: "scope=openid&prompt=consent",
			want:  []textWant{{text: "openid", value: "openid", esc: EscapePercent, key: "scope", url: true}},
		},
		{name: "assignment is not a query", value: "SCOPES=a,b"},
		{name: "CLI flag is not a query", value: "--scope=openid"},
		{name: "other names", value: "https://x/?scoped=1&telescope=2&scope_id=3&xscope=4"},
		{
			name:  "names ending in _scopes, any case",
			value: "https://x/?bot_scopes=a&SCOPE=b",
			want: []textWant{
				{text: "a", value: "a", esc: EscapePercent, key: "bot_scopes", url: true},
				{text: "b", value: "b", esc: EscapePercent, key: "SCOPE", url: true},
			},
		},
		{
			name:  "bad percent encodings stay as written and mark a template",
			value: "https://x/?scope=%2&y=1&scopes=a%zzb%41",
			want: []textWant{
				{text: "%2", value: "%2", esc: EscapePercent, key: "scope", url: true},
				{text: "a%zzb%41", value: "a%zzbA", esc: EscapePercent, key: "scopes", url: true},
			},
			partOK: []bool{true, true},
		},
		{
			name:   "template placeholders",
			value:  "https://x/?scope=${SCOPES}&state={state}",
			want:   []textWant{{text: "${SCOPES}", value: "${SCOPES}", esc: EscapePercent, key: "scope", url: true}},
			partOK: []bool{true},
		},
		{
			name:    "value at the end of a partial parent",
			value:   "https://x/?scope=openid ",
			partial: true,
			want:    []textWant{{text: "openid", value: "openid", esc: EscapePercent, key: "scope", url: true}},
			partOK:  []bool{false},
		},
		{
			name:    "value running into the next operand",
			value:   "https://x/?scope=openid",
			partial: true,
			want:    []textWant{{text: "openid", value: "openid", esc: EscapePercent, key: "scope", url: true}},
			partOK:  []bool{true},
		},
		{name: "empty value", value: "https://x/?scope=&a=b"},
		{
			name:  "HTML-escaped ampersand",
			value: "https://x/?a=1&amp;scope=repo",
			want:  []textWant{{text: "repo", value: "repo", esc: EscapePercent, key: "scope", url: true}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := `"` + tt.value + `"`
			parent := Literal{Span: Span{1, 1 + len(tt.value)}, Value: tt.value, Quote: `"`, Escape: EscapeBackslash, Partial: tt.partial}
			got := withURLScopes([]byte(src), []Literal{parent})
			if len(got) == 0 || got[0].URL || got[0].Value != tt.value {
				t.Fatalf("the parent literal is not kept first")
			}
			textCheckLits(t, src, got[1:], tt.want)
			for i, l := range got[1:] {
				want := i < len(tt.partOK) && tt.partOK[i]
				if l.Partial != want {
					t.Errorf("URL literal %d: Partial %v, want %v", i, l.Partial, want)
				}
			}
		})
	}
}

// TestURLScopesThroughEscapes checks that a parameter inside a literal with
// escapes maps its spans through the parent's Offsets.
func TestURLScopesThroughEscapes(t *testing.T) {
	src := `{"u": "https:\/\/x\/a?scope=a:\/b%20c\u002B&z"}`
	lits := Extract(FormatJSON, []byte(src))
	if len(lits) != 2 {
		t.Fatalf("got %d literals", len(lits))
	}
	u := lits[1]
	if !u.URL || u.Value != "a:/b c " || u.Text([]byte(src)) != `a:\/b%20c\u002B` {
		t.Fatalf("got %s", textLitString([]byte(src), u))
	}
	textCheckInvariants(t, []byte(src), lits)
	// a, :, the / from \/ (its backslash), b, the space from %20, c, the
	// space from a '+' written as \u002B.
	at := strings.Index(src, `a:\/`)
	want := []int{at, at + 1, at + 2, at + 4, at + 5, at + 8, at + 9, at + 15}
	if fmt.Sprint(u.Offsets) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", u.Offsets, want)
	}
}

// TestURLScopesSorted checks that URL literals are merged in source order
// after their parent, before later literals.
func TestURLScopesSorted(t *testing.T) {
	src := `["https://x?scope=a", "b", "https://y?scope=c"]`
	lits := Extract(FormatJSON, []byte(src))
	var got []string
	for _, l := range lits {
		got = append(got, l.Text([]byte(src)))
	}
	want := []string{"https://x?scope=a", "a", "b", "https://y?scope=c", "c"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("order %q, want %q", got, want)
	}
}

func FuzzURLScopes(f *testing.F) {
	for _, s := range []string{
		"https://x/?scope=a%20b+c&user_scope=d",
		"response_type=code&scope=openid",
		"?scope=%2&scopes=%zz",
		"&amp;scope=x",
	} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, value string, partial bool) {
		src := []byte(`"` + value + `"`)
		parent := Literal{Span: Span{1, 1 + len(value)}, Value: value, Quote: `"`, Partial: partial}
		lits := withURLScopes(src, []Literal{parent})
		textCheckInvariants(t, src, lits)
		for _, l := range lits[1:] {
			if !l.URL || l.Escape != EscapePercent || l.Span.Start < 1 || l.Span.End > 1+len(value) {
				t.Fatalf("bad URL literal %s", textLitString(src, l))
			}
		}
	})
}

func BenchmarkURLScopes(b *testing.B) {
	var buf bytes.Buffer
	var lits []Literal
	for buf.Len() < 1<<20 {
		v := "https://accounts.google.com/o/oauth2/v2/auth?client_id=abc&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=openid%20email%20profile&state=xyz"
		if len(lits)%4 != 0 {
			v = "a plain string without any query at all, as most literals are"
		}
		buf.WriteByte('"')
		lits = append(lits, Literal{Span: Span{buf.Len(), buf.Len() + len(v)}, Value: v, Quote: `"`})
		buf.WriteString(v)
		buf.WriteString("\"\n")
	}
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		withURLScopes(src, append([]Literal(nil), lits...))
	}
}

func TestURLHasTokenParam(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{"access_token=gho_x&token_type=bearer&scope=repo%2Cgist", true},
		{"https://app.example/cb#access_token=ya29&expires_in=3599&scope=email", true},
		{"https://github.com/login/oauth/authorize?client_id=abc&scope=repo,gist", false},
		{"https://x.example/authorize?scope=a&state=access_token", false},
		{"const u = \"https://x.example/authorize?scope=a b\"; // see access_token=", false},
	}
	for _, tt := range tests {
		ns := strings.Index(tt.line, "scope=")
		if got := urlHasTokenParam(tt.line, ns, ns+len("scope=")+1); got != tt.want {
			t.Errorf("urlHasTokenParam(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}
