package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestExtractJSON(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []textWant
	}{
		{
			name: "appsettings with comments and trailing commas",
			src: `{
  // Azure AD
  "AzureAd": {
    "Instance": "https://login.microsoftonline.com/",
    "Scopes": ["User.Read", "Mail.Read",], /* block
    comment */
    "Timeout": 30,
  },
}`,
			want: []textWant{
				{text: "https://login.microsoftonline.com/", value: "https://login.microsoftonline.com/", quote: `"`, esc: EscapeBackslash, key: "Instance", path: "AzureAd/Instance"},
				{text: "User.Read", value: "User.Read", quote: `"`, esc: EscapeBackslash, key: "Scopes", path: "AzureAd/Scopes", list: 1},
				{text: "Mail.Read", value: "Mail.Read", quote: `"`, esc: EscapeBackslash, key: "Scopes", path: "AzureAd/Scopes", list: 1},
			},
		},
		{
			name: "slack manifest",
			src:  `{"oauth_config": {"scopes": {"bot": ["chat:write", "channels:read"], "user": ["search:read"]}}}`,
			want: []textWant{
				{text: "chat:write", value: "chat:write", quote: `"`, esc: EscapeBackslash, key: "bot", path: "oauth_config/scopes/bot", list: 1},
				{text: "channels:read", value: "channels:read", quote: `"`, esc: EscapeBackslash, key: "bot", path: "oauth_config/scopes/bot", list: 1},
				{text: "search:read", value: "search:read", quote: `"`, esc: EscapeBackslash, key: "user", path: "oauth_config/scopes/user", list: 2},
			},
		},
		{
			name: "openapi scopes object",
			src:  `{"flows": {"implicit": {"scopes": {"read:pets": "read your pets", "write:pets": "modify"}}}}`,
			want: []textWant{
				{text: "read:pets", value: "read:pets", quote: `"`, esc: EscapeBackslash, key: "scopes", path: "flows/implicit/scopes", list: 1},
				{text: "read your pets", value: "read your pets", quote: `"`, esc: EscapeBackslash, key: "read:pets", path: "flows/implicit/scopes/read:pets"},
				{text: "write:pets", value: "write:pets", quote: `"`, esc: EscapeBackslash, key: "scopes", path: "flows/implicit/scopes", list: 1},
				{text: "modify", value: "modify", quote: `"`, esc: EscapeBackslash, key: "write:pets", path: "flows/implicit/scopes/write:pets"},
			},
		},
		{
			name: "package.json and nested arrays",
			src:  `{"name": "@acme/app", "scripts": {"test": "jest"}, "files": [["a"], {"k": "v"}, "b"]}`,
			want: []textWant{
				{text: "@acme/app", value: "@acme/app", quote: `"`, esc: EscapeBackslash, key: "name", path: "name"},
				{text: "jest", value: "jest", quote: `"`, esc: EscapeBackslash, key: "test", path: "scripts/test"},
				{text: "a", value: "a", quote: `"`, esc: EscapeBackslash, key: "files", path: "files", list: 2},
				{text: "v", value: "v", quote: `"`, esc: EscapeBackslash, key: "k", path: "files/k"},
				{text: "b", value: "b", quote: `"`, esc: EscapeBackslash, key: "files", path: "files", list: 1},
			},
		},
		{
			name: "escapes and surrogate pairs",
			src:  `{"s": "a\u0020b\ud83d\ude00\"\/\\", "lone": "x\udc00y"}`,
			want: []textWant{
				{text: `a\u0020b\ud83d\ude00\"\/\\`, value: "a b😀\"/\\", quote: `"`, esc: EscapeBackslash, key: "s", path: "s"},
				{text: `x\udc00y`, value: "x\uFFFDy", quote: `"`, esc: EscapeBackslash, key: "lone", path: "lone"},
			},
		},
		{
			name: "unknown escape skips only that string",
			src:  `{"a": "x\qy", "b": "ok"}`,
			want: []textWant{
				{text: "ok", value: "ok", quote: `"`, esc: EscapeBackslash, key: "b", path: "b"},
			},
		},
		{
			name: "JSON5 single quotes and unquoted names",
			src:  `{scope: 'openid \'x\'', n: Infinity, h: 0x1F}`,
			want: []textWant{
				{text: `openid \'x\'`, value: "openid 'x'", quote: "'", esc: EscapeBackslash, key: "scope", path: "scope"},
			},
		},
		{
			name: "top-level array and JSON lines",
			src:  "[\"openid\"]\n{\"scope\": \"email\"}\n",
			want: []textWant{
				{text: "openid", value: "openid", quote: `"`, esc: EscapeBackslash, list: 1},
				{text: "email", value: "email", quote: `"`, esc: EscapeBackslash, key: "scope", path: "scope"},
			},
		},
		{
			name: "URL query with scope parameters",
			src:  `{"authorize": "https://slack.com/oauth/v2/authorize?scope=chat:write,channels:read&user_scope=search:read"}`,
			want: []textWant{
				{text: "https://slack.com/oauth/v2/authorize?scope=chat:write,channels:read&user_scope=search:read", value: "https://slack.com/oauth/v2/authorize?scope=chat:write,channels:read&user_scope=search:read", quote: `"`, esc: EscapeBackslash, key: "authorize", path: "authorize"},
				{text: "chat:write,channels:read", value: "chat:write,channels:read", esc: EscapePercent, key: "scope", url: true},
				{text: "search:read", value: "search:read", esc: EscapePercent, key: "user_scope", url: true},
			},
		},
		{
			name: "CRLF and a byte order mark",
			src:  "\xEF\xBB\xBF{\r\n  \"scope\": \"openid\"\r\n}\r\n",
			want: []textWant{
				{text: "openid", value: "openid", quote: `"`, esc: EscapeBackslash, key: "scope", path: "scope"},
			},
		},
		{
			name: "invalid UTF-8 is kept as written",
			src:  "{\"a\": \"x\xffy\"}",
			want: []textWant{
				{text: "x\xffy", value: "x\xffy", quote: `"`, esc: EscapeBackslash, key: "a", path: "a"},
			},
		},
		{
			name: "a syntax error keeps what came before",
			src:  `{"a": "x", "b" "y", "c": "z"}`,
			want: []textWant{
				{text: "x", value: "x", quote: `"`, esc: EscapeBackslash, key: "a", path: "a"},
			},
		},
		{name: "unterminated string", src: `{"a": "xyz`},
		{name: "line break in a string", src: "{\"a\": \"x\ny\"}"},
		{name: "unterminated comment", src: `{"a": /* "x"`},
		{name: "mismatched bracket", src: `{"a": ["x"}`, want: []textWant{
			{text: "x", value: "x", quote: `"`, esc: EscapeBackslash, key: "a", path: "a", list: 1},
		}},
		{name: "empty", src: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			textCheckLits(t, tt.src, Extract(FormatJSON, []byte(tt.src)), tt.want)
		})
	}
}

// TestJSONOffsets checks the byte-level mapping of escapes: every decoded
// byte of a multi-byte character maps to the escape's backslash.
func TestJSONOffsets(t *testing.T) {
	src := `["a\u00e9\n"]`
	lits := Extract(FormatJSON, []byte(src))
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	want := []int{2, 3, 3, 9, 11}
	if fmt.Sprint(lits[0].Offsets) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", lits[0].Offsets, want)
	}
}

// TestJSONDeepNesting checks that deep nesting neither overflows the stack
// nor loses the literal inside.
func TestJSONDeepNesting(t *testing.T) {
	const depth = 100000
	src := strings.Repeat("[", depth) + `"x"` + strings.Repeat("]", depth)
	lits := Extract(FormatJSON, []byte(src))
	if len(lits) != 1 || lits[0].Value != "x" {
		t.Fatalf("got %d literals", len(lits))
	}
}

func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"scope": "openid"}`,
		`{"Scopes": ["User.Read", "Mail.Read",]}`,
		`{"s": "a\u0020b\ud83d\ude00\"", // c
		}`,
		`{"scopes": {"read": "x"}}`,
		`{a: 'b\'c', n: -1.5e3}`,
		`{"u": "https://x?scope=a%20b&y=1"}`,
		"[\"x\"]\n[\"y\"]",
		`{"a": /* c */ "b"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { textCheckFuzz(t, FormatJSON, data) })
}

func BenchmarkExtractJSON(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, `  {"id": %d, "name": "client-%d", "AzureAd": {"Instance": "https://login.microsoftonline.com/", "Scopes": ["User.Read", "Mail.Send"], "note": "caf\u00e9 \"quoted\""}, "enabled": true},`+"\n", i, i)
	}
	buf.WriteString("  null\n]\n")
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(FormatJSON, src)
	}
}
