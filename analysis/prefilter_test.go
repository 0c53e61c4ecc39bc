package analysis

import (
	"bytes"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// prefilterReference is the prefilter written the obvious way (one search
// per needle); mayHaveScopes must agree with it wherever it says a file has
// evidence, and may only add files where a mixed-case "sCoPe" appears.
func prefilterReference(src []byte) bool {
	lower := bytes.ToLower(src)
	return bytes.Contains(lower, []byte("scope")) ||
		bytes.Contains(src, []byte("googleapis.com/auth/")) ||
		bytes.Contains(src, []byte("graph.microsoft")) ||
		bytes.Contains(src, []byte("/.default"))
}

func TestPrefilterAgreesWithReference(t *testing.T) {
	cases := []string{
		"", "p", "P", "scope", "SCOPE", "Scope", "sCoPe", "scop", "cope", "xscopex",
		"https://www.googleapis.com/auth/drive", "googleapis.com/auth", "graph.microsoft.com/.default",
		"api://app/.default", "/.defaul", "https://graph.microsoft.com/User.Read", "grap.microsoft",
		"package main\n\nfunc main() { println(\"hello\") }\n", "pppppp", "scopscope", "sc\x00ope",
	}
	for _, c := range cases {
		if got, want := mayHaveScopes([]byte(c), nil), prefilterReference([]byte(c)); got != want {
			t.Errorf("mayHaveScopes(%q) = %v, want %v", c, got, want)
		}
	}
	// Random texts built from the needles' letters, cut anywhere.
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "scopeSCOPEgraph.microsoftgoogleapis.com/auth//.default \n"
	for range 20000 {
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := mayHaveScopes(b, nil), prefilterReference(b); got != want {
			t.Fatalf("mayHaveScopes(%q) = %v, want %v", b, got, want)
		}
	}
}

// goRootFiles returns up to limit .go files of the Go source tree.
func goRootFiles(tb testing.TB, limit int) [][]byte {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		tb.Skip(err)
	}
	var files [][]byte
	root := filepath.Join(strings.TrimSpace(string(out)), "src")
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || len(files) >= limit {
			return filepath.SkipDir
		}
		if strings.HasSuffix(p, ".go") {
			if b, err := os.ReadFile(p); err == nil {
				files = append(files, b)
			}
		}
		return nil
	})
	if len(files) == 0 {
		tb.Skip("no Go source tree")
	}
	return files
}

func TestPrefilterGoRoot(t *testing.T) {
	for _, f := range goRootFiles(t, 1500) {
		if got, want := mayHaveScopes(f, nil), prefilterReference(f); got != want {
			t.Fatalf("mayHaveScopes = %v, reference %v on\n%.200s", got, want, f)
		}
	}
}

func BenchmarkPrefilter(b *testing.B) {
	files := goRootFiles(b, 3000)
	var n int64
	for _, f := range files {
		n += int64(len(f))
	}
	b.SetBytes(n)
	for b.Loop() {
		for _, f := range files {
			mayHaveScopes(f, nil)
		}
	}
}
