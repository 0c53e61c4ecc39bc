package main

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/scopels/scopels/analysis"
)

// dirNames lists a folder's entries.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicKeepsModeAndLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yaml")
	if err := os.WriteFile(path, []byte("scope: x\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := writeFileAtomic(path, []byte("scope: y\r\n"), before, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "scope: y\r\n" {
		t.Errorf("content = %q", got)
	}
	after, _ := os.Stat(path)
	if after.Mode().Perm() != 0o640 {
		t.Errorf("mode = %v, want 0640", after.Mode().Perm())
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v, want only a.yaml", names)
	}
}

func TestWriteFileAtomicFailureBeforeRenameKeepsOriginal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	orig := []byte("package a // original\n")
	if err := os.WriteFile(path, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	crash := errors.New("simulated crash")
	var sawTemp string
	err := writeFileAtomic(path, []byte("package a // fixed\n"), before, func(tmp string) error {
		sawTemp = tmp
		data, err := os.ReadFile(tmp)
		if err != nil || string(data) != "package a // fixed\n" {
			t.Errorf("temporary file holds %q, %v", data, err)
		}
		return crash
	})
	if !errors.Is(err, crash) {
		t.Fatalf("err = %v, want the simulated crash", err)
	}
	if filepath.Dir(sawTemp) != dir {
		t.Errorf("temporary file %s is not in the file's folder", sawTemp)
	}
	got, _ := os.ReadFile(path)
	if string(got) != string(orig) {
		t.Errorf("original changed to %q", got)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("folder holds %v after the failure, want only a.go", names)
	}
}

func TestWriteFileAtomicThroughSymlink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.env")
	link := filepath.Join(dir, "link.env")
	if err := os.WriteFile(target, []byte("A=1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real.env", link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	before, _ := os.Stat(link)
	if err := writeFileAtomic(link, []byte("A=2\n"), before, nil); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced by a file")
	}
	if got, _ := os.ReadFile(target); string(got) != "A=2\n" {
		t.Errorf("target = %q", got)
	}
}

func TestWriteFileAtomicRefusesFileChangedSinceRead(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.go")
	if err := os.WriteFile(path, []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Stat(path)
	if err := os.WriteFile(path, []byte("package a // edited meanwhile\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := writeFileAtomic(path, []byte("package b\n"), before, nil); !errors.Is(err, errFileChanged) {
		t.Fatalf("err = %v, want errFileChanged", err)
	}
	if got, _ := os.ReadFile(path); string(got) != "package a // edited meanwhile\n" {
		t.Errorf("file = %q", got)
	}
}

func TestSelectFixesCountsTakenFixes(t *testing.T) {
	fix := func(start, end int, text string) []analysis.Fix {
		return []analysis.Fix{{Title: "f", Preferred: true, Edits: []analysis.Edit{{Span: analysis.Span{Start: start, End: end}, NewText: text}}}}
	}
	diags := []analysis.Diagnostic{
		{Span: analysis.Span{Start: 0, End: 3}, Fixes: fix(0, 3, "abc")},
		{Span: analysis.Span{Start: 1, End: 2}, Fixes: fix(1, 2, "x")}, // overlaps the first
		{Span: analysis.Span{Start: 5, End: 6}, Fixes: fix(5, 6, "y")},
		{Span: analysis.Span{Start: 8, End: 9}},                                        // no fix
		{Span: analysis.Span{Start: 9, End: 9}, Fixes: []analysis.Fix{{Title: "alt"}}}, // none preferred
	}
	edits, n := selectFixes(diags)
	if n != 2 || len(edits) != 2 {
		t.Errorf("selectFixes: %d edits for %d fixes, want 2 and 2", len(edits), n)
	}
}
