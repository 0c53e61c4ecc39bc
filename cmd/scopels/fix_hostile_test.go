package main

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/analysistest"
)

// fixCorpus returns every check fixture as one tree (each archive in a
// folder of its own, project files included) plus hostile variants of a
// file with several fixes: CRLF line endings, a byte order mark, no final
// line break, invalid UTF-8 in a comment, and a NUL byte (a binary file,
// never written).
func fixCorpus(t *testing.T) map[string]string {
	t.Helper()
	archives, err := filepath.Glob(filepath.Join("..", "..", "analysis", "checks", "testdata", "*", "*.txtar"))
	if err != nil || len(archives) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	tree := map[string]string{}
	for _, p := range archives {
		a, err := analysistest.LoadArchive(p)
		if err != nil {
			t.Fatal(err)
		}
		dir := path.Join(filepath.Base(filepath.Dir(p)), strings.TrimSuffix(filepath.Base(p), ".txtar"))
		for _, f := range a.Files {
			tree[path.Join(dir, f.Name)] = string(f.Data)
		}
	}
	const base = "go/x_oauth2_google_mistakes/auth/google.go"
	src, ok := tree[base]
	if !ok {
		t.Fatalf("fixture %s is gone", base)
	}
	crlf := strings.ReplaceAll(src, "\n", "\r\n")
	tree["hostile/crlf.go"] = crlf
	tree["hostile/bom.go"] = "\ufeff" + src
	tree["hostile/no_final_newline.go"] = strings.TrimRight(src, "\n")
	tree["hostile/invalid_utf8.go"] = strings.Replace(src, "// Config signs", "// \xff\xfe\xc3( Config signs", 1)
	tree["hostile/binary.go"] = strings.Replace(src, "package auth", "package auth\x00", 1)
	tree["hostile/mixed_endings.go"] = strings.Replace(crlf, "\r\n", "\n", 5)
	return tree
}

// applyReported applies, per file, the preferred fixes a JSON report lists,
// chosen as SelectFixes chooses them; it returns the files it changed.
func applyReported(t *testing.T, dir string, rep jsonReport) int {
	t.Helper()
	byPath := map[string][]analysis.Diagnostic{}
	for _, d := range rep.Diagnostics {
		ad := analysis.Diagnostic{Span: analysis.Span{Start: d.Offset, End: d.EndOffset}, Code: d.Code}
		for _, f := range d.Fixes {
			fx := analysis.Fix{Title: f.Title, Preferred: f.Preferred}
			for _, e := range f.Edits {
				fx.Edits = append(fx.Edits, analysis.Edit{Span: analysis.Span{Start: e.Offset, End: e.EndOffset}, NewText: e.NewText})
			}
			ad.Fixes = append(ad.Fixes, fx)
		}
		byPath[d.Path] = append(byPath[d.Path], ad)
	}
	changed := 0
	for p, diags := range byPath {
		edits, _ := analysis.SelectFixes(diags)
		if len(edits) == 0 {
			continue
		}
		name := filepath.Join(dir, filepath.FromSlash(p))
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		out, err := analysis.ApplyFixes(src, edits)
		if err != nil {
			t.Fatalf("%s: the reported fixes do not apply: %v", p, err)
		}
		if bytes.Equal(out, src) {
			continue
		}
		if err := os.WriteFile(name, out, 0o644); err != nil {
			t.Fatal(err)
		}
		changed++
	}
	return changed
}

// TestFixWritesOnlyTheReportedEdits runs check --fix over every fixture
// and the hostile variants, and compares the result byte for byte with the
// originals changed by exactly the preferred edits check reports, round
// after round (up to three, as --fix does): no byte outside an edit is
// lost or changed, line endings and encodings included; files without a
// fix, binary files and symbolic links are not written at all; no
// temporary file is left behind.
func TestFixWritesOnlyTheReportedEdits(t *testing.T) {
	tree := fixCorpus(t)
	root := t.TempDir()
	orig, want := filepath.Join(root, "orig"), filepath.Join(root, "want")
	writeTree(t, orig, tree)
	writeTree(t, want, tree)
	link := filepath.Join(orig, "hostile", "link.go")
	if err := os.Symlink(filepath.Join(orig, "hostile", "crlf.go"), link); err != nil {
		t.Fatal(err)
	}

	// The expected tree: the reported edits applied by the test itself.
	rounds := 0
	for ; rounds < maxFixRounds; rounds++ {
		_, stdout, _ := scopels(t, want, "", "check", "--format", "json", ".")
		if applyReported(t, want, decodeReport(t, stdout)) == 0 {
			break
		}
	}
	expected := readTree(t, want)
	changed := 0
	for p, src := range tree {
		if expected[p] != src {
			changed++
		}
	}
	if changed < 20 {
		t.Fatalf("only %d fixture files have fixes; the comparison proves little", changed)
	}
	for _, p := range []string{"hostile/crlf.go", "hostile/bom.go", "hostile/no_final_newline.go", "hostile/invalid_utf8.go", "hostile/mixed_endings.go"} {
		if expected[p] == tree[p] {
			t.Errorf("%s: no fix reported; the hostile variant proves nothing", p)
		}
	}

	mtimes := map[string]os.FileInfo{}
	for p := range tree {
		info, err := os.Lstat(filepath.Join(orig, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		mtimes[p] = info
	}
	code, _, stderr := scopels(t, orig, "", "check", "--fix", ".")
	if code == 2 {
		t.Fatalf("check --fix failed: %s", stderr)
	}
	got := readTree(t, orig)
	delete(got, "hostile/link.go") // read through the link: checked below
	for p, w := range expected {
		if got[p] != w {
			t.Errorf("%s after --fix differs from the original with the reported edits applied:\ngot  %q\nwant %q", p, got[p], w)
		}
	}
	for p := range got {
		if _, ok := expected[p]; !ok {
			t.Errorf("--fix left %s behind", p)
		}
	}
	for p, before := range mtimes {
		if expected[p] != tree[p] {
			continue
		}
		after, err := os.Lstat(filepath.Join(orig, filepath.FromSlash(p)))
		if err != nil || !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
			t.Errorf("%s has no fix but was written", p)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the symbolic link was replaced: %v", err)
	}
	t.Logf("%d files, %d changed by --fix in %d rounds", len(tree), changed, rounds)
}
