package extract

import (
	"slices"
	"testing"
)

func TestExtractProperties(t *testing.T) {
	const E, N = EscapeBackslash, EscapeNone
	const reg = "spring/security/oauth2/client/registration/"
	scRun(t, extractProperties, []scCase{
		{
			name: "spring application.properties",
			src: `# OAuth2 clients
spring.security.oauth2.client.registration.github.client-id=abc
spring.security.oauth2.client.registration.github.scope=read:user,user:email
spring.security.oauth2.client.registration.google.scope = openid, \
    profile, \
    email
! old style comment
spring.security.oauth2.client.provider.okta.issuer-uri: https://dev-1.okta.com/oauth2/default
server.port 8080
`,
			want: []scWant{
				{Text: "abc", Esc: E, Key: "client-id", Path: reg + "github/client-id"},
				{Text: "read:user,user:email", Esc: E, Key: "scope", Path: reg + "github/scope"},
				{Text: "openid, \\\n    profile, \\\n    email", Val: "openid, profile, email", Esc: E, Key: "scope", Path: reg + "google/scope"},
				{Text: "https://dev-1.okta.com/oauth2/default", Esc: E, Key: "issuer-uri", Path: "spring/security/oauth2/client/provider/okta/issuer-uri"},
				{Text: "8080", Esc: E, Key: "port", Path: "server/port"},
			},
		},
		{
			name: "escapes, trailing space, empty values",
			src: "key\\ with\\ space : caf\\u00e9\\uD83D\\uDE00   \n" +
				"empty=\n" +
				"tab=\\tx\\\\y\\:z\n" +
				"bad=\\u12\n" +
				"crlf=v\r\n",
			want: []scWant{
				{Text: `caf\u00e9\uD83D\uDE00`, Val: "café😀", Esc: E, Key: "key with space", Path: "key with space"},
				{Text: `\tx\\y\:z`, Val: "\tx\\y:z", Esc: E, Key: "tab", Path: "tab"},
				{Text: "v", Esc: E, Key: "crlf", Path: "crlf"},
			},
		},
		{
			name: "ini sections",
			src: `; settings
[oauth]
scope = openid email ; inline comment
quoted = "a b"
[remote "origin"]
	url = https://example.com/repo.git
[tool.app]
multi =
    line1
    line2
after: x
`,
			want: []scWant{
				{Text: "openid email", Esc: N, Key: "scope", Path: "oauth/scope"},
				{Text: "a b", Quote: `"`, Esc: N, Key: "quoted", Path: "oauth/quoted"},
				{Text: "https://example.com/repo.git", Esc: N, Key: "url", Path: "remote/origin/url"},
				{Text: "x", Esc: N, Key: "after", Path: "tool/app/after"},
			},
		},
		{
			name: "NUL and invalid UTF-8",
			src:  "a.b=\xff\x00c\n",
			want: []scWant{
				{Text: "\xff\x00c", Esc: E, Key: "b", Path: "a/b"},
			},
		},
	})
}

func TestExtractPropertiesOffsets(t *testing.T) {
	src := []byte("s=a,\\\n  b")
	lits := extractProperties(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	if l := lits[0]; l.Value != "a,b" || !slices.Equal(l.Offsets, []int{2, 3, 8, 9}) {
		t.Errorf("Value %q Offsets %v", l.Value, l.Offsets)
	}
}

func FuzzExtractProperties(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), propBenchSample, "a=\\", "a=\\u", "[s]\nk=\n v", "[") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractProperties, data) })
}

const propBenchSample = `# Spring Boot
spring.application.name=demo
spring.security.oauth2.client.registration.github.client-id=${GITHUB_CLIENT_ID}
spring.security.oauth2.client.registration.github.client-secret=${GITHUB_CLIENT_SECRET}
spring.security.oauth2.client.registration.github.scope=read:user,user:email
spring.security.oauth2.client.registration.google.scope=openid,profile,\
  email
logging.level.org.springframework.security=DEBUG
server.port: 8080
`

func BenchmarkExtractProperties(b *testing.B) {
	scBench(b, extractProperties, scBenchSource(propBenchSample, 1<<20))
}
