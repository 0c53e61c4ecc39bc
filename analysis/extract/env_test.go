package extract

import (
	"slices"
	"testing"
)

func TestExtractEnv(t *testing.T) {
	const E, N = EscapeBackslash, EscapeNone
	scRun(t, extractEnv, []scCase{
		{
			name: "shopify app",
			src: `# Shopify app
SHOPIFY_API_KEY=abc123
SHOPIFY_API_SECRET="shpss_xyz"
SCOPES=write_products,read_orders # comma separated
export SHOPIFY_SCOPES="read_products, write_orders"
HOST='https://example.ngrok.io'
`,
			want: []scWant{
				{Text: "abc123", Esc: N, Key: "SHOPIFY_API_KEY"},
				{Text: "shpss_xyz", Quote: `"`, Esc: E, Key: "SHOPIFY_API_SECRET"},
				{Text: "write_products,read_orders", Esc: N, Key: "SCOPES"},
				{Text: "read_products, write_orders", Quote: `"`, Esc: E, Key: "SHOPIFY_SCOPES"},
				{Text: "https://example.ngrok.io", Quote: "'", Esc: N, Key: "HOST"},
			},
		},
		{
			name: "quoting, comments, references",
			src: `EMPTY=
HASH=a#b
SPACED = openid email   
COLON: yaml-style
ESC="a\tb\"c\\d\x"
REF="${BASE}/auth"
BARE_REF=$HOME/x
NOT_REF='$HOME'
ESCAPED="\${HOME}"
MULTI="line1
line2"
AFTER=ok
BROKEN="never closed
LAST=` + "`tick`" + `
`,
			want: []scWant{
				{Text: "a#b", Esc: N, Key: "HASH"},
				{Text: "openid email", Esc: N, Key: "SPACED"},
				{Text: "yaml-style", Esc: N, Key: "COLON"},
				{Text: `a\tb\"c\\d\x`, Val: "a\tb\"c\\d\\x", Quote: `"`, Esc: E, Key: "ESC"},
				{Text: "${BASE}/auth", Quote: `"`, Esc: E, Key: "REF", Partial: true},
				{Text: "$HOME/x", Esc: N, Key: "BARE_REF", Partial: true},
				{Text: "$HOME", Quote: "'", Esc: N, Key: "NOT_REF"},
				{Text: `\${HOME}`, Val: "${HOME}", Quote: `"`, Esc: E, Key: "ESCAPED"},
				{Text: "line1\nline2", Quote: `"`, Esc: E, Key: "MULTI"},
				{Text: "ok", Esc: N, Key: "AFTER"},
				{Text: "tick", Quote: "`", Esc: N, Key: "LAST"},
			},
		},
		{
			name: "CRLF, BOM, NUL, invalid UTF-8",
			src:  "\xef\xbb\xbfA=x\xff\r\nB=\"y\"\r\nC=\x00z\r\n",
			want: []scWant{
				{Text: "x\xff", Esc: N, Key: "A"},
				{Text: "y", Quote: `"`, Esc: E, Key: "B"},
				{Text: "\x00z", Esc: N, Key: "C"},
			},
		},
	})
}

func TestExtractEnvOffsets(t *testing.T) {
	src := []byte("K=\"a\\nb\"")
	lits := extractEnv(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	if l := lits[0]; l.Value != "a\nb" || !slices.Equal(l.Offsets, []int{3, 4, 6, 7}) {
		t.Errorf("Value %q Offsets %v", l.Value, l.Offsets)
	}
}

func FuzzExtractEnv(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), envBenchSample, "A=\"\\", "export =x", "A='") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractEnv, data) })
}

const envBenchSample = `# Application settings
SHOPIFY_API_KEY=0123456789abcdef0123456789abcdef
SHOPIFY_API_SECRET="shpss_0123456789abcdef0123456789abcdef"
SCOPES=write_products,read_orders,read_customers
HOST='https://example.ngrok.io'
DATABASE_URL=postgres://user:pass@localhost:5432/app # local only
export GOOGLE_SCOPES="openid email https://www.googleapis.com/auth/drive.readonly"

`

func BenchmarkExtractEnv(b *testing.B) {
	scBench(b, extractEnv, scBenchSource(envBenchSample, 1<<20))
}
