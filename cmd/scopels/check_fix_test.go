package main

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// fixTree has one finding with a preferred fix per file, none of which
// needs a second round; one file has CRLF line endings.
var fixTree = map[string]string{
	"spring/application.yml": "# Spring client\r\nspring:\r\n  security:\r\n    oauth2:\r\n      client:\r\n        registration:\r\n          google:\r\n            client-id: x\r\n            scope: openid,Profile\r\n",
	"slack/manifest.yml":     "display_information:\n  name: Demo\noauth_config:\n  scopes:\n    bot:\n      - channels:read\n      - chat:write:bot\n",
	"clean/app.go":           "package app\n",
}

// preferredEdits returns, per path, the edits of the preferred fixes in a
// JSON report.
func preferredEdits(rep jsonReport) map[string][]analysis.Edit {
	out := map[string][]analysis.Edit{}
	for _, d := range rep.Diagnostics {
		for _, f := range d.Fixes {
			if !f.Preferred {
				continue
			}
			for _, e := range f.Edits {
				out[d.Path] = append(out[d.Path], analysis.Edit{Span: analysis.Span{Start: e.Offset, End: e.EndOffset}, NewText: e.NewText})
			}
		}
	}
	return out
}

func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestCheckFixThenRecheckIsClean(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, fixTree)
	cleanInfo, _ := os.Stat(filepath.Join(dir, "clean", "app.go"))

	code, stdout, stderr := scopels(t, dir, "", "check", "--format", "json")
	if code != 1 {
		t.Fatalf("before fixing: exit %d, want 1 (stderr %q)", code, stderr)
	}
	before := decodeReport(t, stdout)
	edits := preferredEdits(before)
	for _, p := range []string{"spring/application.yml", "slack/manifest.yml"} {
		if len(edits[p]) == 0 {
			t.Fatalf("no preferred fix for %s in\n%s", p, stdout)
		}
	}

	code, stdout, stderr = scopels(t, dir, "", "check", "--fix")
	if code != 0 || stdout != "" {
		t.Fatalf("--fix: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	for _, want := range []string{"scopels: slack/manifest.yml: fixed 1 finding\n", "scopels: spring/application.yml: fixed 1 finding\n", "scopels: fixed 2 findings in 2 files\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr %q lacks %q", stderr, want)
		}
	}

	// The fixed files are the originals with exactly the preferred edits
	// applied: no byte outside them changed (CRLF included).
	after := readTree(t, dir)
	for p, src := range fixTree {
		want := []byte(src)
		if e := edits[p]; len(e) > 0 {
			var err error
			if want, err = analysis.ApplyFixes([]byte(src), e); err != nil {
				t.Fatal(err)
			}
		}
		if after[p] != string(want) {
			t.Errorf("%s after --fix =\n%q\nwant\n%q", p, after[p], want)
		}
	}
	if len(after) != len(fixTree) {
		t.Errorf("the tree holds %d files after --fix, want %d (a temporary file left behind?)", len(after), len(fixTree))
	}
	if info, _ := os.Stat(filepath.Join(dir, "clean", "app.go")); !info.ModTime().Equal(cleanInfo.ModTime()) {
		t.Error("--fix touched a file it did not change")
	}

	code, stdout, stderr = scopels(t, dir, "", "check", "--format", "json")
	if code != 0 {
		t.Errorf("after fixing: exit %d, stderr %q", code, stderr)
	}
	if rep := decodeReport(t, stdout); len(rep.Diagnostics) != 0 {
		t.Errorf("findings remain after --fix:\n%s", stdout)
	}
}

func TestCheckFixDryRunPrintsTheDiffOfFix(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, fixTree)
	code, stdout, stderr := scopels(t, dir, "", "check", "--fix", "--dry-run")
	if code != 1 {
		t.Errorf("exit %d, want 1 (the findings are still there)", code)
	}
	if !strings.Contains(stderr, "scopels: would fix 2 findings in 2 files\n") {
		t.Errorf("stderr = %q", stderr)
	}
	if got := readTree(t, dir); len(got) != len(fixTree) || got["slack/manifest.yml"] != fixTree["slack/manifest.yml"] {
		t.Fatal("--dry-run wrote files")
	}
	// Splitting the diff per file and applying it gives what --fix writes.
	patched := map[string]string{}
	chunks := strings.Split("\n"+stdout, "\n--- a/")[1:]
	if len(chunks) != 2 {
		t.Fatalf("diff names %d files, want 2:\n%s", len(chunks), stdout)
	}
	for _, c := range chunks {
		path := c[:strings.IndexByte(c, '\n')]
		diff := "--- a/" + c
		if !strings.HasSuffix(diff, "\n") {
			diff += "\n"
		}
		lines, err := applyUnified(splitLines([]byte(fixTree[path])), diff)
		if err != nil {
			t.Fatalf("%s: %v\n%s", path, err, diff)
		}
		patched[path] = strings.Join(lines, "")
	}
	scopels(t, dir, "", "check", "--fix")
	fixed := readTree(t, dir)
	for p, want := range patched {
		if fixed[p] != want {
			t.Errorf("%s: the dry-run diff gives\n%q\n--fix writes\n%q", p, want, fixed[p])
		}
	}
}

func TestCheckFixInterruptedWriteKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, fixTree)
	t.Chdir(dir)
	var stdout, stderr strings.Builder
	opts, paths, _, ok := parseCheckArgs(stdio{stdout: &stdout, stderr: &stderr}, []string{"--fix", "spring"})
	if !ok {
		t.Fatal("flags")
	}
	c := newChecker(stdio{stdout: &stdout, stderr: &stderr}, opts, project.NewLoader(repoRoots(paths)...))
	c.beforeRename = func(string) error { return errors.New("simulated crash") }
	if code := c.run(paths); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stderr.String(), "scopels: spring/application.yml: writing fixes: simulated crash\n") {
		t.Errorf("stderr = %q", stderr.String())
	}
	got := readTree(t, dir)
	if got["spring/application.yml"] != fixTree["spring/application.yml"] {
		t.Errorf("the original changed:\n%q", got["spring/application.yml"])
	}
	if len(got) != len(fixTree) {
		var names []string
		for p := range got {
			names = append(names, p)
		}
		sort.Strings(names)
		t.Errorf("files after the failed write: %v", names)
	}
	// The findings of the unwritten file are still reported.
	if !strings.Contains(stdout.String(), "spring/application.yml:9:") {
		t.Errorf("stdout = %q, want the finding that could not be fixed", stdout.String())
	}
}
