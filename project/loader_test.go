package project

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

// writeFile writes a file below dir, creating folders, and sets its
// modification time to mtime so that tests control what the cache sees.
func writeFile(t *testing.T, dir, rel, text string, mtime time.Time) string {
	t.Helper()
	name := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(name, mtime, mtime); err != nil {
		t.Fatal(err)
	}
	return name
}

var t0 = time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)

func TestFind(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a/"+FileName, "", t0)
	c := writeFile(t, dir, "a/b/c/"+FileName, "", t0)
	writeFile(t, dir, "a/b/c/d/x.go", "", t0)
	if err := os.MkdirAll(filepath.Join(dir, "a/b/"+FileName), 0o755); err != nil { // a folder, not a project file
		t.Fatal(err)
	}
	tests := []struct {
		name, path, root string
		want             []string
	}{
		{"file", "a/b/c/d/x.go", ".", []string{a, c}},
		{"folder", "a/b/c", ".", []string{a, c}},
		{"folder above the inner file", "a/b", ".", []string{a}},
		{"missing file", "a/b/c/d/new.go", ".", []string{a, c}},
		{"the project file itself", "a/b/c/" + FileName, ".", []string{a, c}},
		{"root stops the walk", "a/b/c/d/x.go", "a/b", []string{c}},
		{"root is the file's folder", "a/b/c/d/x.go", "a/b/c/d", nil},
		{"no project file", "z/x.go", ".", nil},
	}
	for _, tt := range tests {
		root := filepath.Join(dir, tt.root)
		got := Find(filepath.Join(dir, tt.path), root)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Find = %v, want %v", tt.name, got, tt.want)
		}
	}
	// A root that does not contain the path is ignored: the walk goes up
	// to the file system root.
	got := Find(filepath.Join(dir, "a/b/c/d/x.go"), filepath.Join(dir, "z"))
	if len(got) < 2 || got[len(got)-2] != a || got[len(got)-1] != c {
		t.Errorf("outside root: Find = %v, want it to end with %v", got, []string{a, c})
	}
}

// TestLoaderCaching checks that unchanged files are not parsed again, and
// changed ones are.
func TestLoaderCaching(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, FileName, "strict: [OUTER]\n", t0)
	inner := writeFile(t, dir, "sub/"+FileName, "strict: [INNER]\n", t0)
	l := &Loader{Roots: []string{dir}, Base: testBase()}

	cfg1, errs := l.For(filepath.Join(dir, "sub/x.go"))
	if len(errs) > 0 || cfg1 == nil {
		t.Fatalf("For: %v %v", cfg1, errs)
	}
	if !reflect.DeepEqual(cfg1.Strict, []string{"OUTER", "INNER"}) {
		t.Errorf("Strict = %v", cfg1.Strict)
	}
	cfg2, _ := l.For(filepath.Join(dir, "sub/y.go"))
	if cfg2 != cfg1 {
		t.Error("same folder, unchanged files: want the cached Config")
	}
	outerCfg, _ := l.For(filepath.Join(dir, "x.go"))
	if outerCfg == cfg1 || !reflect.DeepEqual(outerCfg.Strict, []string{"OUTER"}) {
		t.Errorf("outer folder: Strict = %v", outerCfg.Strict)
	}

	// A change in size or time is seen.
	writeFile(t, dir, "sub/"+FileName, "strict: [INNER2]\n", t0.Add(time.Second))
	cfg3, _ := l.For(filepath.Join(dir, "sub/x.go"))
	if cfg3 == cfg1 || !reflect.DeepEqual(cfg3.Strict, []string{"OUTER", "INNER2"}) {
		t.Errorf("after edit: Strict = %v", cfg3.Strict)
	}
	if again, _ := l.For(filepath.Join(dir, "x.go")); again != outerCfg {
		t.Error("the outer folder's Config should stay cached when only the inner file changed")
	}

	// Same size and time: the cache cannot see it until Invalidate.
	writeFile(t, dir, "sub/"+FileName, "strict: [INNER3]\n", t0.Add(time.Second))
	if cfg, _ := l.For(filepath.Join(dir, "sub/x.go")); cfg != cfg3 {
		t.Error("same size and time: want the cached Config")
	}
	l.Invalidate(inner)
	cfg4, _ := l.For(filepath.Join(dir, "sub/x.go"))
	if !reflect.DeepEqual(cfg4.Strict, []string{"OUTER", "INNER3"}) {
		t.Errorf("after Invalidate: Strict = %v", cfg4.Strict)
	}

	// A removed file no longer applies.
	if err := os.Remove(inner); err != nil {
		t.Fatal(err)
	}
	cfg5, _ := l.For(filepath.Join(dir, "sub/x.go"))
	if !reflect.DeepEqual(cfg5.Strict, []string{"OUTER"}) {
		t.Errorf("after removal: Strict = %v", cfg5.Strict)
	}

	// No project file at all: nil Config.
	other := t.TempDir()
	if cfg, errs := (&Loader{Roots: []string{other}}).For(filepath.Join(other, "x.go")); cfg != nil || errs != nil {
		t.Errorf("no project file: %v %v", cfg, errs)
	}
}

// TestLoaderLastGood checks that a broken file reports its errors while
// its last good version stays in force.
func TestLoaderLastGood(t *testing.T) {
	dir := t.TempDir()
	name := writeFile(t, dir, FileName, "strict: [GOOD]\nseverity: {broad-scope: \"off\"}\n", t0)
	l := &Loader{Roots: []string{dir}, Base: testBase()}
	path := filepath.Join(dir, "x.go")

	if cfg, errs := l.For(path); len(errs) > 0 || !reflect.DeepEqual(cfg.Strict, []string{"GOOD"}) {
		t.Fatalf("good file: %v %v", cfg, errs)
	}
	writeFile(t, dir, FileName, "strict: [BROKEN\n", t0.Add(time.Second))
	cfg, errs := l.For(path)
	if len(errs) != 1 || errs[0].Path != name || errs[0].Pos.Line != 1 || !strings.Contains(errs[0].Msg, "YAML syntax error") {
		t.Fatalf("broken file: want one syntax error, got %v", errs)
	}
	if cfg == nil || !reflect.DeepEqual(cfg.Strict, []string{"GOOD"}) || cfg.SeverityFor("broad-scope") != "off" {
		t.Errorf("broken file: want the last good config, got %+v", cfg)
	}
	// Asking again reports the same errors from the cache.
	if _, errs2 := l.For(path); len(errs2) != 1 {
		t.Errorf("second call: %v", errs2)
	}
	// A semantic error also keeps the last good version.
	writeFile(t, dir, FileName, "strict: [NEW]\nseverity: {broad-scope: loud}\n", t0.Add(2*time.Second))
	cfg, errs = l.For(path)
	if len(errs) != 1 || errs[0].Pos.Line != 2 || !reflect.DeepEqual(cfg.Strict, []string{"GOOD"}) {
		t.Errorf("semantic error: %v, Strict %v", errs, cfg.Strict)
	}
	// Fixed: the new version applies.
	writeFile(t, dir, FileName, "strict: [FIXED]\n", t0.Add(3*time.Second))
	cfg, errs = l.For(path)
	if len(errs) > 0 || !reflect.DeepEqual(cfg.Strict, []string{"FIXED"}) {
		t.Errorf("fixed file: %v %v", errs, cfg.Strict)
	}
	// A warning does not make a file broken.
	writeFile(t, dir, FileName, "strict: [WARNED]\n---\nstrict: [X]\n", t0.Add(4*time.Second))
	cfg, errs = l.For(path)
	if len(errs) != 1 || !errs[0].Warning || !reflect.DeepEqual(cfg.Strict, []string{"WARNED"}) {
		t.Errorf("warning: %v %v", errs, cfg.Strict)
	}
}

// TestLoaderBrokenWithoutGood checks that a file broken from the start
// applies as far as it could be read.
func TestLoaderBrokenWithoutGood(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, FileName, "strict: [A]\nzzz: 1\n", t0)
	cfg, errs := (&Loader{Roots: []string{dir}, Base: testBase()}).For(filepath.Join(dir, "x.go"))
	if len(errs) != 1 || cfg == nil || !reflect.DeepEqual(cfg.Strict, []string{"A"}) {
		t.Errorf("got %v, %v", cfg, errs)
	}
}

// TestLoaderReferenceErrors checks that For reports Build's errors too,
// and CheckFile the errors of unsaved text for that file only.
func TestLoaderReferenceErrors(t *testing.T) {
	dir := t.TempDir()
	outer := writeFile(t, dir, FileName, "providers:\n  acme: {scopes: [read]}\nclients:\n  m: {provider: acme, granted: [read]}\n", t0)
	inner := writeFile(t, dir, "sub/"+FileName, "clients:\n  n: {provider: acmee}\n", t0)
	l := &Loader{Roots: []string{dir}, Base: testBase()}
	_, errs := l.For(filepath.Join(dir, "sub/x.go"))
	if len(errs) != 1 || errs[0].Path != inner || !strings.Contains(errs[0].Msg, `did you mean "acme"`) {
		t.Errorf("For: %v", errs)
	}
	// Unsaved text of the inner file: parse and reference errors, in that file.
	errs = l.CheckFile(inner, []byte("clients:\n  n: {provider: acme, grnted: []}\n  o: {provider: nope}\n"))
	var msgs []string
	for _, e := range errs {
		if e.Path != inner {
			t.Errorf("error in another file: %v", e)
		}
		msgs = append(msgs, e.Error())
	}
	if len(errs) != 2 || !strings.Contains(msgs[0], `unknown key "grnted"`) || !strings.Contains(msgs[1], `"nope" is neither`) {
		t.Errorf("CheckFile: %v", msgs)
	}
	// A client the outer file declares is checked in the outer file only.
	if errs := l.CheckFile(outer, []byte("clients:\n  m: {provider: zzz}\n")); len(errs) != 1 || errs[0].Path != outer {
		t.Errorf("CheckFile(outer): %v", errs)
	}
	// CheckFile changes nothing in the cache.
	if _, errs := l.For(filepath.Join(dir, "sub/x.go")); len(errs) != 1 || !strings.Contains(errs[0].Msg, "acmee") {
		t.Errorf("For after CheckFile: %v", errs)
	}
}

// TestLoaderConcurrent runs For from many goroutines while files change;
// run with -race.
func TestLoaderConcurrent(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, FileName, "strict: [A]\n", t0)
	writeFile(t, dir, "sub/"+FileName, "strict: [B]\n", t0)
	l := NewLoader(dir)
	l.Base = testBase()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 50; i++ {
				cfg, _ := l.For(filepath.Join(dir, "sub/x.go"))
				if cfg == nil || len(cfg.Strict) == 0 || cfg.Strict[0] != "A" {
					t.Errorf("goroutine %d: %+v", g, cfg)
					return
				}
				cfg.ProvidersFor(filepath.Join(dir, "sub/x.go"))
				cfg.IsStrict("B")
				if g == 0 && i%10 == 0 {
					l.Invalidate(filepath.Join(dir, "sub", FileName))
				}
			}
		}(g)
	}
	wg.Wait()
}
