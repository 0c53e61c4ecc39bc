package extract

import (
	"slices"
	"testing"
)

func TestExtractShell(t *testing.T) {
	const E, N = EscapeBackslash, EscapeNone
	scRun(t, extractShell, []scCase{
		{
			name: "gcloud commands",
			src: `#!/usr/bin/env bash
set -euo pipefail
# Create a VM with the default service account's scopes.
gcloud compute instances create vm-1 --zone us-central1-a \
  --scopes=https://www.googleapis.com/auth/cloud-platform,storage-ro \
  --service-account "sa@proj.iam.gserviceaccount.com"
gcloud auth application-default login --scopes="openid,https://www.googleapis.com/auth/userinfo.email"
gcloud container node-pools create pool --scopes 'gke-default'
`,
			want: []scWant{
				{Text: "pipefail", Esc: N, Key: "euo", Call: "set"},
				{Text: "us-central1-a", Esc: N, Key: "zone", Call: "gcloud"},
				{Text: "https://www.googleapis.com/auth/cloud-platform,storage-ro", Esc: N, Key: "scopes", Call: "gcloud"},
				{Text: "sa@proj.iam.gserviceaccount.com", Quote: `"`, Esc: E, Key: "service-account", Call: "gcloud"},
				{Text: "openid,https://www.googleapis.com/auth/userinfo.email", Quote: `"`, Esc: E, Key: "scopes", Call: "gcloud"},
				{Text: "gke-default", Quote: "'", Esc: N, Key: "scopes", Call: "gcloud"},
			},
		},
		{
			name: "assignments and exports",
			src: `SCOPES=read_products,write_orders
export SHOPIFY_SCOPES="read_products, write_orders"
local X='a b' Y=$'c\td'
readonly EMPTY=
ARR=(openid "email" 'profile') # trailing comment
PATH=$HOME/bin:$PATH
SCOPE="openid $EXTRA" cmd
`,
			want: []scWant{
				{Text: "read_products,write_orders", Esc: N, Key: "SCOPES"},
				{Text: "read_products, write_orders", Quote: `"`, Esc: E, Key: "SHOPIFY_SCOPES"},
				{Text: "a b", Quote: "'", Esc: N, Key: "X"},
				{Text: `c\td`, Val: "c\td", Quote: "$'", Esc: E, Key: "Y"},
				{Text: "openid", Esc: N, Key: "ARR", List: 1},
				{Text: "email", Quote: `"`, Esc: E, Key: "ARR", List: 1},
				{Text: "profile", Quote: "'", Esc: N, Key: "ARR", List: 1},
				{Text: "/bin:", Esc: N, Key: "PATH", Partial: true},
				{Text: "openid $EXTRA", Quote: `"`, Esc: E, Key: "SCOPE", Partial: true},
			},
		},
		{
			name: "arguments, substitutions, heredocs",
			// "x$(echo "inner")y" is not reported (its nested literal is);
			// "$u?scope=a,b" is, as written and Partial.
			src: `curl -s -d "scope=openid email" -H 'Accept: application/json' "https://example.com/token"
TOKEN=$(gcloud auth print-access-token --scopes='a,b')
cat <<'EOF' > out.txt
it's "not" code
EOF
echo "a"'b'c "x$(echo "inner")y" ` + "`date`" + `
cat <<-EOT
	still "skipped"
	EOT
echo "done"
open "$u?scope=a,b"
`,
			want: []scWant{
				{Text: "scope=openid email", Quote: `"`, Esc: E, Key: "d", Call: "curl"},
				{Text: "Accept: application/json", Quote: "'", Esc: N, Key: "H", Call: "curl"},
				{Text: "https://example.com/token", Quote: `"`, Esc: E, Call: "curl", List: 1},
				{Text: "a,b", Quote: "'", Esc: N, Key: "scopes", Call: "gcloud"},
				{Text: "a", Quote: `"`, Esc: E, Call: "echo", List: 2, Partial: true},
				{Text: "b", Quote: "'", Esc: N, Call: "echo", List: 2, Partial: true},
				{Text: "inner", Quote: `"`, Esc: E, Call: "echo", List: 3},
				{Text: "done", Quote: `"`, Esc: E, Call: "echo", List: 4},
				{Text: "$u?scope=a,b", Quote: `"`, Esc: E, Call: "open", List: 5, Partial: true},
			},
		},
		{
			name: "escapes and expansions",
			src: `A="say \"hi\" \$x"
B=one\ two
C="${SCOPES:-"openid email"}"
D='it'\''s'
`,
			want: []scWant{
				{Text: `say \"hi\" \$x`, Val: `say "hi" $x`, Quote: `"`, Esc: E, Key: "A"},
				{Text: `one\ two`, Val: "one two", Esc: N, Key: "B"},
				{Text: `${SCOPES:-"openid email"}`, Quote: `"`, Esc: E, Key: "C", Partial: true},
				{Text: "it", Quote: "'", Esc: N, Key: "D", Partial: true},
				{Text: `\'`, Val: "'", Esc: N, Key: "D", Partial: true},
				{Text: "s", Quote: "'", Esc: N, Key: "D", Partial: true},
			},
		},
		{
			name: "heredoc inside a command substitution",
			src: `BODY=$(cat <<EOF
{"scope": "not lexed"}
EOF
)
curl --data "$BODY" -H "X: y"
`,
			want: []scWant{
				{Text: "$BODY", Quote: `"`, Esc: E, Key: "data", Call: "curl", Partial: true},
				{Text: "X: y", Quote: `"`, Esc: E, Key: "H", Call: "curl"},
			},
		},
		{
			name: "unterminated quote stops the lexer",
			src:  "A='ok'\nB=\"open\nC='lost'\n",
			want: []scWant{
				{Text: "ok", Quote: "'", Esc: N, Key: "A"},
			},
		},
		{
			name: "CRLF, NUL, invalid UTF-8",
			src:  "A=x\xff\r\nB='\x00y'\r\n",
			want: []scWant{
				{Text: "x\xff", Esc: N, Key: "A"},
				{Text: "\x00y", Quote: "'", Esc: N, Key: "B"},
			},
		},
	})
}

func TestExtractShellOffsets(t *testing.T) {
	src := []byte(`X="a\"b"`)
	lits := extractShell(src)
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	want := []int{3, 4, 6, 7}
	if l := lits[0]; l.Value != `a"b` || !slices.Equal(l.Offsets, want) {
		t.Errorf("Value %q Offsets %v, want %v", l.Value, l.Offsets, want)
	}
}

func FuzzExtractShell(f *testing.F) {
	for _, s := range append(slices.Clone(scSeeds), shBenchSample, "cat <<EOF\n", "X=(a b", "$((1+(2)", "${a:-'b'}") {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { scFuzz(t, extractShell, data) })
}

const shBenchSample = `#!/usr/bin/env bash
set -euo pipefail

PROJECT="${PROJECT:-my-project}"
SCOPES=https://www.googleapis.com/auth/cloud-platform,https://www.googleapis.com/auth/devstorage.read_only

# Create the instance.
gcloud compute instances create "vm-$1" --project "$PROJECT" --zone us-central1-a \
  --machine-type=e2-medium --scopes="$SCOPES" --metadata 'enable-oslogin=TRUE'

if [ -n "${DEBUG:-}" ]; then
  echo "created vm-$1 with scopes: $SCOPES" >&2
fi
cat <<EOF > /tmp/notes.txt
instance: vm-$1
EOF
export SHOPIFY_SCOPES='read_products,write_orders'
`

func BenchmarkExtractShell(b *testing.B) {
	scBench(b, extractShell, scBenchSource(shBenchSample, 1<<20))
}
