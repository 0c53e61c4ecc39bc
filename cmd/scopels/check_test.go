package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
)

func TestCheckUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--format", "xml"}, `--format must be text, json or sarif, not "xml"`},
		{[]string{"check", "--fail-on", "fatal"}, `--fail-on must be error, warning, info, hint or never`},
		{[]string{"check", "--dry-run"}, "--dry-run needs --fix"},
		{[]string{"check", "--max-file-size", "lots"}, "want a size such as 10M"},
		{[]string{"check", "--jobs", "0"}, "--jobs must be at least 1"},
		{[]string{"check", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"check", "-"}, `reading "-" needs --stdin-filename`},
		{[]string{"check", "--stdin-filename", "a.go", "-", "-"}, `"-" can be given once`},
		{[]string{"check", "--fix", "--stdin-filename", "a.go", "-"}, "--fix cannot write back to standard input"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := scopels(t, t.TempDir(), "", tt.args...)
			if code != 2 {
				t.Errorf("exit %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.want)
			}
		})
	}
}

func TestCheckHelp(t *testing.T) {
	for _, args := range [][]string{{"check", "--help"}, {"help", "check"}, {"check", "x", "-h"}} {
		code, stdout, stderr := scopels(t, t.TempDir(), "", args...)
		if code != 0 || !strings.HasPrefix(stdout, "Usage: scopels check") || stderr != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

func TestCheckMissingPath(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.go": "package a\n"})
	code, _, stderr := scopels(t, dir, "", "check", "nope", "a.go")
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if want := "scopels: nope: no such file or directory\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestCheckEmptyTreeJSON(t *testing.T) {
	code, stdout, stderr := scopels(t, t.TempDir(), "", "check", "--format", "json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// The exact document: diagnostics is a list, never null.
	if want := "{\n  \"version\": 1,\n  \"files\": 0,\n  \"diagnostics\": []\n}\n"; stdout != want {
		t.Errorf("stdout = %q, want %q", stdout, want)
	}
}

func TestCheckWalkCountsFilesAndNotesSkips(t *testing.T) {
	root := makeWalkTree(t)
	code, stdout, stderr := scopels(t, root, "", "check", "--format", "json", "--max-file-size", "1K")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	rep := decodeReport(t, stdout)
	// Every file the walk yields but bin.json, which is binary (silently
	// skipped), and big.yaml, over the size limit (skipped with a note),
	// plus docs/excluded/skip.txt, which only the walk test excludes.
	if want := len(walkKept) - 1; rep.Files != want {
		t.Errorf("files = %d, want %d", rep.Files, want)
	}
	if want := "scopels: big.yaml: skipped: 2.0K is over --max-file-size (1K)\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestCheckExplicitFiles(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".gitignore":  "ignored.go\n",
		"ignored.go":  "package a\n",
		"notes.weird": "plain text\n",
		"blob.json":   "\x00\x01",
		"a.go":        "package a\n",
	})
	// Named files are checked even when ignored or of unknown format;
	// a binary one is skipped with a note; a file named twice counts once.
	code, stdout, stderr := scopels(t, dir, "", "check", "--format", "json", "ignored.go", "notes.weird", "blob.json", "a.go", ".", "./a.go")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if rep := decodeReport(t, stdout); rep.Files != 3 {
		t.Errorf("files = %d, want 3", rep.Files)
	}
	if want := "scopels: blob.json: skipped: binary file\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
}

func TestCheckStdin(t *testing.T) {
	dir := t.TempDir()
	code, stdout, stderr := scopels(t, dir, "package a\n", "check", "--format", "json", "--stdin-filename", "app.go")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	if rep := decodeReport(t, stdout); rep.Files != 1 {
		t.Errorf("files = %d, want 1", rep.Files)
	}
	code, _, stderr = scopels(t, dir, strings.Repeat("x", 2048), "check", "--max-file-size", "1K", "--stdin-filename", "app.go", "-")
	if code != 0 || !strings.Contains(stderr, "app.go: skipped: standard input is over --max-file-size (1K)") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestCheckBrokenProjectFile(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".git/HEAD":     "x",
		".scopels.yaml": "severity:\n  duplicate-scope: [oops\n",
		"app/a.go":      "package a\n",
	})
	code, stdout, stderr := scopels(t, dir, "", "check", "--format", "json", "app")
	if code != 2 {
		t.Errorf("exit %d, want 2 (stderr %q)", code, stderr)
	}
	rep := decodeReport(t, stdout)
	if rep.Files != 1 {
		t.Errorf("files = %d, want 1", rep.Files)
	}
	if len(rep.Diagnostics) == 0 {
		t.Fatalf("no diagnostics for the broken project file:\n%s", stdout)
	}
	for _, d := range rep.Diagnostics {
		if d.Path != ".scopels.yaml" || d.Code != "config" || d.Severity != "error" || d.Line < 1 || d.Line > 2 || d.Message == "" {
			t.Errorf("unexpected diagnostic %+v", d)
		}
	}
}

func TestExplain(t *testing.T) {
	code, stdout, _ := scopels(t, "", "", "explain", "config")
	if code != 0 || !strings.HasPrefix(stdout, "config (default severity: error)\n") ||
		!strings.Contains(stdout, "docs/configuration.md") {
		t.Errorf("explain config: exit %d\n%s", code, stdout)
	}
	for _, a := range checks.All() {
		code, stdout, _ := scopels(t, "", "", "explain", a.Code)
		if code != 0 || !strings.HasPrefix(stdout, a.Code+" (default severity: "+a.Severity.String()+")\n"+a.Title+"\n") {
			t.Errorf("explain %s: exit %d\n%s", a.Code, code, stdout)
		}
		if a.Doc != "" && !strings.Contains(stdout, strings.TrimSpace(a.Doc)) {
			t.Errorf("explain %s does not print the check's Doc", a.Code)
		}
	}
	if code, _, stderr := scopels(t, "", "", "explain", "no-such-check"); code != 2 || !strings.Contains(stderr, `no check has the code "no-such-check"`) {
		t.Errorf("explain no-such-check: exit %d, stderr %q", code, stderr)
	}
	if code, _, _ := scopels(t, "", "", "explain"); code != 2 {
		t.Errorf("explain without a code: exit %d, want 2", code)
	}
}

func TestListChecks(t *testing.T) {
	code, stdout, _ := scopels(t, "", "", "check", "--list-checks")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	all := checks.All()
	if len(lines) != len(all)+1 {
		t.Fatalf("%d lines for %d checks + config:\n%s", len(lines), len(all), stdout)
	}
	for i, a := range all {
		f := strings.Fields(lines[i])
		if len(f) < 2 || f[0] != a.Code || f[1] != a.Severity.String() {
			t.Errorf("line %d = %q, want %s %s ...", i, lines[i], a.Code, a.Severity)
		}
	}
}

func TestComparePaths(t *testing.T) {
	ordered := []string{"a/b/c.go", "a/b/d.go", "a/z.go", "a-b/x.go", "b.go"}
	for i := range ordered {
		for j := range ordered {
			got := comparePaths(ordered[i], ordered[j])
			if (i < j && got >= 0) || (i > j && got <= 0) || (i == j && got != 0) {
				t.Errorf("comparePaths(%q, %q) = %d", ordered[i], ordered[j], got)
			}
		}
	}
}

// TestJSONFieldsAreTheContract pins the JSON field names and order of
// DESIGN §7.
func TestJSONFieldsAreTheContract(t *testing.T) {
	var b bytes.Buffer
	d := analysis.Diagnostic{
		Span: analysis.Span{Start: 3, End: 7}, Code: "unknown-scope", Severity: analysis.SeverityError,
		Message: "m", Provider: "acme", Scope: "s",
		Fixes: []analysis.Fix{{Title: "t", Preferred: true, Edits: []analysis.Edit{{Span: analysis.Span{Start: 3, End: 7}, NewText: "<&>"}}}},
	}
	files := []fileFindings{{path: "dir/p.go", findings: []finding{
		{diag: d, line: 1, col: 4, endLine: 1, endCol: 8},
		{diag: analysis.Diagnostic{Code: "c", Severity: analysis.SeverityHint}, line: 1, col: 1, endLine: 1, endCol: 1},
	}}}
	if err := writeCheckJSON(&b, 2, files); err != nil {
		t.Fatal(err)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	want := `{"version":1,"files":2,"diagnostics":[` +
		`{"path":"dir/p.go","offset":3,"end_offset":7,"line":1,"column":4,"end_line":1,"end_column":8,"code":"unknown-scope","severity":"error","provider":"acme","scope":"s","message":"m","fixes":[{"title":"t","preferred":true,"edits":[{"offset":3,"end_offset":7,"new_text":"<&>"}]}]},` +
		`{"path":"dir/p.go","offset":0,"end_offset":0,"line":1,"column":1,"end_line":1,"end_column":1,"code":"c","severity":"hint","provider":"","scope":"","message":"","fixes":[]}]}`
	if compact.String() != want {
		t.Errorf("got  %s\nwant %s", compact.String(), want)
	}
}

func TestPlural(t *testing.T) {
	if plural(1, "file") != "1 file" || plural(0, "file") != "0 files" || plural(3, "finding") != "3 findings" {
		t.Error("plural")
	}
}

// TestCheckSkipsProjectIgnore checks that a project file's ignore key
// keeps files out of a walk but not off the command line.
func TestCheckSkipsProjectIgnore(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".git/HEAD":            "x",
		".scopels.yaml":        "ignore: [\"fixtures/**\"]\n",
		"fixtures/f.go":        "package f\n",
		"src/a.go":             "package a\n",
		"src/fixtures/keep.go": "package k\n",
	})
	code, stdout, stderr := scopels(t, dir, "", "check", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	// src/a.go, src/fixtures/keep.go and the project file itself.
	if rep := decodeReport(t, stdout); rep.Files != 3 {
		t.Errorf("files = %d, want 3", rep.Files)
	}
	_, stdout, _ = scopels(t, dir, "", "check", "--format", "json", filepath.Join("fixtures", "f.go"))
	if rep := decodeReport(t, stdout); rep.Files != 1 {
		t.Errorf("named ignored file: files = %d, want 1", rep.Files)
	}
}

func TestDisplayPathOfProjectFile(t *testing.T) {
	dir := t.TempDir()
	c := &checker{cwd: dir, roots: []walkRoot{{abs: filepath.Join(dir, "a"), display: "./a/"}}}
	tests := map[string]string{
		filepath.Join(dir, "a", "b", ".scopels.yaml"): "a/b/.scopels.yaml",
		filepath.Join(dir, ".scopels.yaml"):           ".scopels.yaml",
		filepath.Join(filepath.Dir(dir), "x.yaml"):    "../x.yaml",
	}
	for abs, want := range tests {
		if got := filepath.ToSlash(c.displayPath(abs)); got != want {
			t.Errorf("displayPath(%s) = %q, want %q", abs, got, want)
		}
	}
}

// TestProjectFilesStopAtRepositoryRoot checks that project files are
// looked for up to the repository root, and up to the file system root
// outside a repository.
func TestProjectFilesStopAtRepositoryRoot(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		".scopels.yaml":   "severity: [broken\n",
		"repo/.git/HEAD":  "x",
		"repo/src/a.go":   "package a\n",
		"norepo/src/b.go": "package b\n",
	})
	if code, _, stderr := scopels(t, filepath.Join(dir, "repo"), "", "check", "src"); code != 0 {
		t.Errorf("inside a repository: exit %d, want 0: the broken project file above the repository must not apply (stderr %q)", code, stderr)
	}
	code, stdout, _ := scopels(t, filepath.Join(dir, "norepo"), "", "check", "src")
	if code != 2 || !strings.HasPrefix(stdout, "../.scopels.yaml:1:") || !strings.Contains(stdout, " error config: ") {
		t.Errorf("outside a repository: exit %d, stdout %q; want exit 2 and the broken project file's errors", code, stdout)
	}
}

func TestCheckStdinFindingsAndDiff(t *testing.T) {
	dir := t.TempDir()
	src := fixTree["spring/application.yml"]
	code, stdout, _ := scopels(t, dir, src, "check", "--stdin-filename", "./app/application.yml", "-")
	if code != 1 || !strings.HasPrefix(stdout, "app/application.yml:9:") || !strings.Contains(stdout, " wrong-case: ") {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	code, stdout, _ = scopels(t, dir, src, "check", "--fix", "--dry-run", "--stdin-filename", "app/application.yml")
	if code != 1 || !strings.HasPrefix(stdout, "--- a/app/application.yml\n+++ b/app/application.yml\n@@ ") ||
		!strings.Contains(stdout, "+            scope: openid,profile\r\n") {
		t.Errorf("dry run on stdin: exit %d, stdout %q", code, stdout)
	}
}
