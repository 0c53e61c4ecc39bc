package extract

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func TestExtractYAML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []textWant
	}{
		{
			name: "spring registration scope",
			src: `spring:
  security:
    oauth2:
      client:
        registration:
          google:
            client-id: abc
            scope: openid,profile,email
`,
			want: []textWant{
				{text: "abc", value: "abc", key: "client-id", path: "spring/security/oauth2/client/registration/google/client-id"},
				{text: "openid,profile,email", value: "openid,profile,email", key: "scope", path: "spring/security/oauth2/client/registration/google/scope"},
			},
		},
		{
			name: "slack manifest flow and block sequences",
			src: `oauth_config:
  scopes:
    bot: [chat:write, "channels:read", 'im:history']
    user:
      - search:read
`,
			want: []textWant{
				{text: "chat:write", value: "chat:write", key: "bot", path: "oauth_config/scopes/bot", list: 1},
				{text: "channels:read", value: "channels:read", quote: `"`, esc: EscapeBackslash, key: "bot", path: "oauth_config/scopes/bot", list: 1},
				{text: "im:history", value: "im:history", quote: "'", esc: EscapeSingleQuoteDouble, key: "bot", path: "oauth_config/scopes/bot", list: 1},
				{text: "search:read", value: "search:read", key: "user", path: "oauth_config/scopes/user", list: 2},
			},
		},
		{
			name: "kubernetes CRD scope keeps its path",
			src: `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
spec:
  group: example.com
  scope: Namespaced
`,
			want: []textWant{
				{text: "apiextensions.k8s.io/v1", value: "apiextensions.k8s.io/v1", key: "apiVersion", path: "apiVersion"},
				{text: "CustomResourceDefinition", value: "CustomResourceDefinition", key: "kind", path: "kind"},
				{text: "example.com", value: "example.com", key: "group", path: "spec/group"},
				{text: "Namespaced", value: "Namespaced", key: "scope", path: "spec/scope"},
			},
		},
		{
			name: "docker-compose environment list splits NAME=value",
			src: `services:
  web:
    environment:
      - SCOPES=read:user,repo
      - "GOOGLE_SCOPES=openid email"
      - not an assignment
`,
			want: []textWant{
				{text: "read:user,repo", value: "read:user,repo", key: "SCOPES", path: "services/web/environment/SCOPES"},
				{text: "openid email", value: "openid email", quote: `"`, esc: EscapeBackslash, key: "GOOGLE_SCOPES", path: "services/web/environment/GOOGLE_SCOPES"},
				{text: "not an assignment", value: "not an assignment", key: "environment", path: "services/web/environment", list: 1},
			},
		},
		{
			name: "openapi scopes map: keys are scopes, values are descriptions",
			src: `components:
  securitySchemes:
    petstore_auth:
      type: oauth2
      flows:
        implicit:
          scopes:
            write:pets: modify pets in your account
            'read:pets': "read your pets"
`,
			want: []textWant{
				{text: "oauth2", value: "oauth2", key: "type", path: "components/securitySchemes/petstore_auth/type"},
				{text: "write:pets", value: "write:pets", key: "scopes", path: "components/securitySchemes/petstore_auth/flows/implicit/scopes", list: 1},
				{text: "modify pets in your account", value: "modify pets in your account", key: "write:pets", path: "components/securitySchemes/petstore_auth/flows/implicit/scopes/write:pets"},
				{text: "read:pets", value: "read:pets", quote: "'", esc: EscapeSingleQuoteDouble, key: "scopes", path: "components/securitySchemes/petstore_auth/flows/implicit/scopes", list: 1},
				{text: "read your pets", value: "read your pets", quote: `"`, esc: EscapeBackslash, key: "read:pets", path: "components/securitySchemes/petstore_auth/flows/implicit/scopes/read:pets"},
			},
		},
		{
			name: "scopes map with non-scalar values reports no keys",
			src: `scopes:
  bot: [a]
  list:
    - name: openid
`,
			want: []textWant{
				{text: "a", value: "a", key: "bot", path: "scopes/bot", list: 1},
				{text: "openid", value: "openid", key: "name", path: "scopes/list/name"},
			},
		},
		{
			name: "escapes and doubled quotes",
			src:  "a: \"User.Read\\tMail.Send \\u00e9\\\"\"\nb: 'it''s'\n",
			want: []textWant{
				{text: `User.Read\tMail.Send \u00e9\"`, value: "User.Read\tMail.Send é\"", quote: `"`, esc: EscapeBackslash, key: "a", path: "a"},
				{text: "it''s", value: "it's", quote: "'", esc: EscapeSingleQuoteDouble, key: "b", path: "b"},
			},
		},
		{
			name: "non-strings, empty and null values are skipped",
			src:  "a: 1\nb: true\nc: null\nd:\ne: ~\nf: 2.5\ng: \"\"\n",
			want: []textWant{
				{text: "", value: "", quote: `"`, esc: EscapeBackslash, key: "g", path: "g"},
			},
		},
		{
			name: "anchors and tags are skipped over, aliases not followed",
			src:  "base: &b !!str openid\ncopy: *b\nsub: !Sub \"https://${Host}/x\"\n",
			want: []textWant{
				{text: "openid", value: "openid", key: "base", path: "base"},
				{text: "https://${Host}/x", value: "https://${Host}/x", quote: `"`, esc: EscapeBackslash, key: "sub", path: "sub"},
			},
		},
		{
			name: "multi-line plain and quoted scalars fold",
			src:  "a: openid\n  profile   email\n\n  phone\nb: \"x\n   y\\\n   z\"\n",
			want: []textWant{
				{text: "openid\n  profile   email\n\n  phone", value: "openid profile   email\nphone", key: "a", path: "a"},
				{text: "x\n   y\\\n   z", value: "x yz", quote: `"`, esc: EscapeBackslash, key: "b", path: "b"},
			},
		},
		{
			name: "literal and folded block scalars",
			src:  "a: |\n  openid\n   profile\n\nb: >-\n  read\n  write\n\n  admin\nc: |2\n   x\n",
			want: []textWant{
				{text: "openid\n   profile\n", value: "openid\n profile\n", quote: "|", key: "a", path: "a"},
				{text: "read\n  write\n\n  admin", value: "read write\nadmin", quote: ">", key: "b", path: "b"},
			},
		},
		{
			name: "multiple documents",
			src:  "scope: a\n---\nscope: b\n...\n---\n- c\n",
			want: []textWant{
				{text: "a", value: "a", key: "scope", path: "scope"},
				{text: "b", value: "b", key: "scope", path: "scope"},
				{text: "c", value: "c", list: 1},
			},
		},
		{
			name: "flow mapping and nested sequences",
			src:  "x: {scope: 'openid email', n: [[a], b]}\n",
			want: []textWant{
				{text: "openid email", value: "openid email", quote: "'", esc: EscapeSingleQuoteDouble, key: "scope", path: "x/scope"},
				{text: "a", value: "a", key: "n", path: "x/n", list: 2},
				{text: "b", value: "b", key: "n", path: "x/n", list: 1},
			},
		},
		{
			name: "github actions",
			src: `jobs:
  build:
    steps:
      - uses: google-github-actions/auth@v2
        with:
          token_format: access_token
          access_token_scopes: https://www.googleapis.com/auth/cloud-platform
`,
			want: []textWant{
				{text: "google-github-actions/auth@v2", value: "google-github-actions/auth@v2", key: "uses", path: "jobs/build/steps/uses"},
				{text: "access_token", value: "access_token", key: "token_format", path: "jobs/build/steps/with/token_format"},
				{text: "https://www.googleapis.com/auth/cloud-platform", value: "https://www.googleapis.com/auth/cloud-platform", key: "access_token_scopes", path: "jobs/build/steps/with/access_token_scopes"},
			},
		},
		{
			name: "CRLF line breaks and multi-byte characters before a node",
			src:  "naïve: «x»\r\nscope: [é, \"openid\r\n  email\"]\r\n",
			want: []textWant{
				{text: "«x»", value: "«x»", key: "naïve", path: "naïve"},
				{text: "é", value: "é", key: "scope", path: "scope", list: 1},
				{text: "openid\r\n  email", value: "openid email", quote: `"`, esc: EscapeBackslash, key: "scope", path: "scope", list: 1},
			},
		},
		{
			name: "byte order mark",
			src:  "\xEF\xBB\xBFscope: openid\n",
			want: []textWant{{text: "openid", value: "openid", key: "scope", path: "scope"}},
		},
		{
			name: "invalid UTF-8 elsewhere does not stop extraction",
			src:  "# caf\xE9\nscope: openid\nbad: \"x\xFFy\"\n",
			want: []textWant{{text: "openid", value: "openid", key: "scope", path: "scope"}},
		},
		{
			name: "a syntax error keeps the documents before it",
			src:  "scope: a\n---\nscope: [b\n",
			want: []textWant{{text: "a", value: "a", key: "scope", path: "scope"}},
		},
		{
			name: "URL with scope parameter",
			src:  "authorize: https://accounts.google.com/o/oauth2/v2/auth?scope=openid%20email+profile&state=x\n",
			want: []textWant{
				{text: "https://accounts.google.com/o/oauth2/v2/auth?scope=openid%20email+profile&state=x", value: "https://accounts.google.com/o/oauth2/v2/auth?scope=openid%20email+profile&state=x", key: "authorize", path: "authorize"},
				{text: "openid%20email+profile", value: "openid email profile", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{name: "UTF-16 is not read", src: "\xFF\xFEs\x00:\x00 \x00a\x00"},
		{name: "unterminated quote", src: "scope: \"openid\n"},
		{name: "empty", src: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			textCheckLits(t, tt.src, Extract(FormatYAML, []byte(tt.src)), tt.want)
		})
	}
}

// TestYAMLOffsetsMapEscapes checks the byte-level mapping of a value
// decoded from escapes.
func TestYAMLOffsetsMapEscapes(t *testing.T) {
	src := "k: \"a\\u00e9\\x41\"\n"
	lits := Extract(FormatYAML, []byte(src))
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	l := lits[0]
	// a at 4, \u00e9 (two bytes) at 5, \x41 at 11, end at 15.
	want := []int{4, 5, 5, 11, 15}
	if fmt.Sprint(l.Offsets) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", l.Offsets, want)
	}
	if got := l.SourceSpan(1, 3); got != (Span{5, 11}) {
		t.Errorf("SourceSpan(1,3) = %v, want {5 11}", got)
	}
}

// TestYAMLAliasBomb checks that aliases are not expanded: a billion-laughs
// document yields only the literal written once.
func TestYAMLAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("a: &a [\"lol\"]\n")
	prev := "a"
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("l%d", i)
		fmt.Fprintf(&b, "%s: &%s [*%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s, *%s]\n", name, name, prev, prev, prev, prev, prev, prev, prev, prev, prev)
		prev = name
	}
	lits := Extract(FormatYAML, []byte(b.String()))
	if len(lits) != 1 || lits[0].Value != "lol" {
		t.Fatalf("got %d literals, want the one \"lol\"", len(lits))
	}
}

// TestYAMLLongFlowLine checks many nodes on one line with multi-byte
// characters, where columns count characters.
func TestYAMLLongFlowLine(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("scopes: [")
	for i := 0; i < 500; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "ü%d", i)
	}
	b.WriteString("]\n")
	src := b.Bytes()
	lits := Extract(FormatYAML, src)
	if len(lits) != 500 {
		t.Fatalf("got %d literals, want 500", len(lits))
	}
	textCheckInvariants(t, src, lits)
	for i, l := range lits {
		if want := fmt.Sprintf("ü%d", i); l.Text(src) != want {
			t.Fatalf("literal %d spans %q, want %q", i, l.Text(src), want)
		}
	}
}

func FuzzYAML(f *testing.F) {
	for _, s := range []string{
		"scope: openid\n",
		"a: [x, 'y''z', \"\\u00e9\"]\n",
		"a: |\n  x\n\n  y\n",
		"a: >+\n  x\n  y\n\n",
		"- SCOPES=a,b\n- b\n",
		"scopes:\n  read: x\n",
		"k: \"a\r\n  b\"\r\n",
		"k: &a !t x\nj: *a\n",
		"--- a\n--- b\n",
		"u: https://x?scope=a%20b&y\n",
		"k: plain\n  folded\n\n  more\n",
		"k: \"x\\\n  y\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { textCheckFuzz(t, FormatYAML, data) })
}

// yamlBenchDoc builds a realistic YAML document of about size bytes:
// Kubernetes-style manifests with sequences, quoted strings and block
// scalars.
func yamlBenchDoc(size int) []byte {
	var b bytes.Buffer
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-%d
  labels: {app: web, tier: "frontend"}
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: web
          image: "registry.example.com/web:1.%d"
          env:
            - name: OAUTH_SCOPES
              value: 'openid email profile'
            - SCOPES=read:user,repo
          args: [--port, "8080", --verbose]
          command:
            - /bin/sh
            - -c
            - |
              echo starting
              exec /app/server
`, i, i)
	}
	return b.Bytes()
}

func BenchmarkExtractYAML(b *testing.B) {
	src := yamlBenchDoc(1 << 20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(FormatYAML, src)
	}
}
