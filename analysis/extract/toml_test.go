package extract

import (
	"slices"
	"testing"
)

func TestExtractTOML(t *testing.T) {
	const E, N = EscapeBackslash, EscapeNone
	scRun(t, extractTOML, []scCase{
		{
			name: "shopify.app.toml",
			src: `# Learn more about configuring your app at https://shopify.dev/docs/apps/tools/cli/configuration
client_id = "0123456789abcdef"
name = "my-app"
application_url = "https://example.com"
embedded = true

[access_scopes]
# Learn more at https://shopify.dev/docs/apps/tools/cli/configuration#access_scopes
scopes = "read_products,write_orders"
use_legacy_install_flow = false

[auth]
redirect_urls = [
  "https://example.com/auth/callback", # primary
  'https://example.com/api/auth',
]

[webhooks]
api_version = "2024-07"

  [[webhooks.subscriptions]]
  topics = [ "app/uninstalled" ]
  uri = "/webhooks"
`,
			want: []scWant{
				{Text: "0123456789abcdef", Quote: `"`, Esc: E, Key: "client_id", Path: "client_id"},
				{Text: "my-app", Quote: `"`, Esc: E, Key: "name", Path: "name"},
				{Text: "https://example.com", Quote: `"`, Esc: E, Key: "application_url", Path: "application_url"},
				{Text: "read_products,write_orders", Quote: `"`, Esc: E, Key: "scopes", Path: "access_scopes/scopes"},
				{Text: "https://example.com/auth/callback", Quote: `"`, Esc: E, Key: "redirect_urls", Path: "auth/redirect_urls", List: 1},
				{Text: "https://example.com/api/auth", Quote: "'", Esc: N, Key: "redirect_urls", Path: "auth/redirect_urls", List: 1},
				{Text: "2024-07", Quote: `"`, Esc: E, Key: "api_version", Path: "webhooks/api_version"},
				{Text: "app/uninstalled", Quote: `"`, Esc: E, Key: "topics", Path: "webhooks/subscriptions/topics", List: 2},
				{Text: "/webhooks", Quote: `"`, Esc: E, Key: "uri", Path: "webhooks/subscriptions/uri"},
			},
		},
		{
			name: "dotted and quoted keys, inline tables, nested arrays",
			src: `[a."b.c"]
d.e = { f = "g", h = ["i", ["j"]] }
"quoted key" = 'v'
servers = [{ name = "one", scopes = ["x"] }, { name = "two" }]
`,
			want: []scWant{
				{Text: "g", Quote: `"`, Esc: E, Key: "f", Path: "a/b.c/d/e/f"},
				{Text: "i", Quote: `"`, Esc: E, Key: "h", Path: "a/b.c/d/e/h", List: 1},
				{Text: "j", Quote: `"`, Esc: E, Key: "h", Path: "a/b.c/d/e/h", List: 2},
				{Text: "v", Quote: "'", Esc: N, Key: "quoted key", Path: "a/b.c/quoted key"},
				{Text: "one", Quote: `"`, Esc: E, Key: "name", Path: "a/b.c/servers/name"},
				{Text: "x", Quote: `"`, Esc: E, Key: "scopes", Path: "a/b.c/servers/scopes", List: 3},
				{Text: "two", Quote: `"`, Esc: E, Key: "name", Path: "a/b.c/servers/name"},
			},
		},
		{
			name: "multi-line strings and escapes",
			src: "ml = \"\"\"\nline1\\\n   line2 \\u00e9\"\"\"\n" +
				"lit = '''\nraw\\n'''\n" +
				"quotes = \"\"\"a\"\"\"\"\"\n" +
				"bad = \"x\\q\"\n" +
				"dt = 1979-05-27 07:32:00Z\n" +
				"unterminated = \"abc\n" +
				"after = \"ok\"\n",
			want: []scWant{
				{Text: "line1\\\n   line2 \\u00e9", Val: "line1line2 é", Quote: `"""`, Esc: E, Key: "ml", Path: "ml"},
				{Text: `raw\n`, Quote: "'''", Esc: N, Key: "lit", Path: "lit"},
				{Text: `a""`, Quote: `"""`, Esc: E, Key: "quotes", Path: "quotes"},
				{Text: "ok", Quote: `"`, Esc: E, Key: "after", Path: "after"},
			},
		},
		{
			name: "CRLF, NUL, invalid UTF-8",
			src:  "[t]\r\na = \"x\xff\x00\"\r\nb = 'y'\r\n",
			want: []scWant{
				{Text: "x\xff\x00", Quote: `"`, Esc: E, Key: "a", Path: "t/a"},
				{Text: "y", Quote: "'", Esc: N, Key: "b", Path: "t/b"},
			},
		},
	})
}

func TestExtractTOMLOffsets(t *testing.T) {
	src := []byte(`k = "a\tb"`)
	lits := extractTOML(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	if l := lits[0]; l.Value != "a\tb" || !slices.Equal(l.Offsets, []int{5, 6, 8, 9}) {
		t.Errorf("Value %q Offsets %v", l.Value, l.Offsets)
	}
}

func FuzzExtractTOML(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), tomlBenchSample, "a = [", "[[a", "a = \"\"\"", "a.'b") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractTOML, data) })
}

const tomlBenchSample = `client_id = "0123456789abcdef"
name = "my-app"
application_url = "https://example.com"
embedded = true

[access_scopes]
# Learn more about access scopes
scopes = "read_products,write_orders,read_customers"

[auth]
redirect_urls = [ "https://example.com/auth/callback", "https://example.com/api/auth" ]

[[webhooks.subscriptions]]
topics = [ "app/uninstalled", "orders/create" ]
uri = "/webhooks"
filter = { field = "status", values = ["paid", 'pending'] }
`

func BenchmarkExtractTOML(b *testing.B) {
	scBench(b, extractTOML, scBenchSource(tomlBenchSample, 1<<20))
}
