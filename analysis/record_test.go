package analysis

import (
	"bytes"
	"testing"
)

func TestHasTokenKey(t *testing.T) {
	tests := []struct {
		members   string
		shorthand bool
		want      bool
	}{
		{`access_token: "x", scope: "a,b"`, false, true},
		{`"accessToken": "x", "scope": "a b"`, false, true},
		{`'refresh_token' => 'x', 'scope' => 'a'`, false, true},
		{`AccessToken: tok, Scope: "a,b"`, false, true},
		{"\n  token_type: \"bearer\",\n  scope: \"repo,gist\"\n", false, true},
		{`provider: "google", idToken, scope: "a,b"`, true, true},
		{`provider: "google", idToken, scope: "a,b"`, false, false},
		// Statements of a function body are not members.
		{`accessToken := fetch(); scope := "a,b"`, false, false},
		{`const accessToken = await f(); go({ scope: "a" })`, true, false},
		{`access_token = get(); scope = "a,b"`, false, false},
		// Nested objects are not this object's members.
		{`session: { accessToken: true }, scope: "a,b"`, false, false},
		{`clientId: "x", scope: "openid,profile"`, false, false},
		{`my_access_token_cache: x, scope: "a"`, false, false},
	}
	for _, tt := range tests {
		if got := hasTokenKey([]byte(tt.members), tt.shorthand); got != tt.want {
			t.Errorf("hasTokenKey(%q, %v) = %v, want %v", tt.members, tt.shorthand, got, tt.want)
		}
	}
}

func TestEnclosingBraces(t *testing.T) {
	src := []byte(`f({ a: { b: 1 }, scope: "x", c: [ { d } ] })`)
	i := bytes.Index(src, []byte(`"x"`)) + 1
	open, close := enclosingBraces(src, Span{Start: i, End: i + 1})
	if got := string(src[open : close+1]); got != `{ a: { b: 1 }, scope: "x", c: [ { d } ] }` {
		t.Errorf("enclosingBraces = %q", got)
	}
	if open, _ := enclosingBraces([]byte(`scope = "x"`), Span{Start: 9, End: 10}); open != -1 {
		t.Errorf("no braces: open = %d, want -1", open)
	}
}
