package checks

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/checks.md")

// TestDocsUpToDate keeps docs/checks.md equal to the checks' own
// documentation, which `scopels explain` and SARIF rules also show.
func TestDocsUpToDate(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "checks.md")
	want := Markdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("docs/checks.md: %v (run go test ./analysis/checks -run TestDocsUpToDate -update)", err)
	}
	if string(got) != want {
		t.Errorf("docs/checks.md is out of date: run go test ./analysis/checks -run TestDocsUpToDate -update")
	}
}

// TestEveryCheckDocumented makes sure each check has a code, a title, a
// before/after example and says how to silence it.
func TestEveryCheckDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range All() {
		if seen[a.Code] {
			t.Errorf("duplicate code %s", a.Code)
		}
		seen[a.Code] = true
		if a.Title == "" || a.Severity == 0 || a.Run == nil {
			t.Errorf("%s: missing title, severity or Run", a.Code)
		}
		if !strings.Contains(a.Doc, "Before:") || !strings.Contains(a.Doc, "scopels:ignore "+a.Code) {
			t.Errorf("%s: Doc needs a Before/After example and the suppression comment", a.Code)
		}
		if ByCode(a.Code) != a {
			t.Errorf("ByCode(%s) does not return the check", a.Code)
		}
	}
	if len(seen) != 11 {
		t.Errorf("got %d checks, want the 11 codes of DESIGN §5", len(seen))
	}
}
