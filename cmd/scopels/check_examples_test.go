package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// expectedFinding is one row of the table in examples/README.md.
type expectedFinding struct {
	path     string
	line     int
	code     string
	severity string
}

func (e expectedFinding) String() string {
	return fmt.Sprintf("%s:%d %s %s", e.path, e.line, e.severity, e.code)
}

// tableRow matches "| [path](path) | line | code | severity | ...".
var tableRow = regexp.MustCompile(`^\| \[([^\]]+)\]\([^)]+\) \| (\d+) \| ([a-z-]+) \| ([a-z]+) \|`)

// readExpectedFindings parses the findings table of examples/README.md.
func readExpectedFindings(t *testing.T) []expectedFinding {
	t.Helper()
	data, err := os.ReadFile("../../examples/README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []expectedFinding
	for _, line := range strings.Split(string(data), "\n") {
		m := tableRow.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		out = append(out, expectedFinding{path: m[1], line: n, code: m[3], severity: m[4]})
	}
	if len(out) < 10 {
		t.Fatalf("found %d rows in the table of examples/README.md", len(out))
	}
	return out
}

// pendingExamples are rows of the table the engine does not report yet.
// The test fails when one of them starts to be reported, so that this
// list only shrinks.
var pendingExamples = map[string]bool{}

// TestExamplesMatchTheirREADME runs check on examples/ and compares the
// findings with the table in examples/README.md: every row must be found,
// and nothing else (precision: k8s/crd.yaml stays silent).
func TestExamplesMatchTheirREADME(t *testing.T) {
	want := readExpectedFindings(t)
	t.Chdir("../..")
	code, stdout, stderr := scopels(t, "", "", "check", "--format", "json", "examples/")
	if code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", code, stderr)
	}
	rep := decodeReport(t, stdout)
	var got []string
	for _, d := range rep.Diagnostics {
		got = append(got, expectedFinding{strings.TrimPrefix(d.Path, "examples/"), d.Line, d.Code, d.Severity}.String())
	}
	for _, w := range want {
		found := slices.Contains(got, w.String())
		switch {
		case !found && !pendingExamples[w.String()]:
			t.Errorf("missing: %s", w)
		case found && pendingExamples[w.String()]:
			t.Errorf("now reported, remove it from pendingExamples: %s", w)
		}
	}
	for _, g := range got {
		if !slices.ContainsFunc(want, func(w expectedFinding) bool { return w.String() == g }) {
			t.Errorf("not in examples/README.md: %s", g)
		}
	}
}

// TestExamplesGolden pins the text, JSON and diff outputs of the demo.
// Run `go test ./cmd/scopels -run Golden -update` after a deliberate
// change.
func TestExamplesGolden(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		code   int
	}{
		{"examples.txt", []string{"check", "examples/"}, 1},
		{"examples.json", []string{"check", "--format", "json", "examples/"}, 1},
		{"examples.diff", []string{"check", "--fix", "--dry-run", "examples/"}, 1},
	}
	t.Chdir("../..")
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			code, stdout, stderr := scopels(t, "", "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tt.code, stderr)
			}
			path := filepath.Join("cmd", "scopels", "testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if stdout != string(want) {
				t.Errorf("output differs from %s (run with -update after a deliberate change):\n%s", path, lineDiff(string(want), stdout))
			}
		})
	}
}

// lineDiff shows how got differs from want, as a unified diff.
func lineDiff(want, got string) string {
	return unifiedDiff("golden", []byte(want), []byte(got))
}

// copyTree copies the files below src to dst.
func copyTree(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestExamplesFixLeavesOnlyFindingsWithoutFix fixes a copy of the demo and
// checks it again: what remains has no preferred fix (not-granted).
func TestExamplesFixLeavesOnlyFindingsWithoutFix(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, "../../examples", dir)
	code, _, stderr := scopels(t, dir, "", "check", "--fix")
	if code == 2 {
		t.Fatalf("--fix: exit 2: %s", stderr)
	}
	code, stdout, stderr := scopels(t, dir, "", "check", "--format", "json")
	if code == 2 {
		t.Fatalf("re-check: exit 2: %s", stderr)
	}
	rep := decodeReport(t, stdout)
	if len(rep.Diagnostics) == 0 {
		t.Error("nothing remains; the not-granted finding has no fix and must remain")
	}
	for _, d := range rep.Diagnostics {
		for _, f := range d.Fixes {
			if f.Preferred {
				t.Errorf("after --fix, %s:%d %s still has a preferred fix: %s", d.Path, d.Line, d.Code, d.Message)
			}
		}
	}
}
