package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// walkTree is a repository with every kind of file the walker must skip
// or keep.
var walkTree = map[string]string{
	".git/HEAD":              "ref: refs/heads/main\n",
	".git/config.yaml":       "x: 1\n",
	".git/info/exclude":      "excluded.toml\n",
	".gitignore":             "ignored/\n*.gen.go\n!keep.gen.go\n/rootonly.yaml\n",
	"a.go":                   "package a\n",
	"b.gen.go":               "package a\n",
	"keep.gen.go":            "package a\n",
	"rootonly.yaml":          "x: 1\n",
	"excluded.toml":          "x = 1\n",
	"ignored/x.go":           "package x\n",
	"vendor/v.go":            "package v\n",
	"node_modules/n/n.js":    "module.exports = 1\n",
	".hg/h.yaml":             "x: 1\n",
	".svn/s.yaml":            "x: 1\n",
	"unknown.xyz":            "scope=nothing\n",
	".env":                   "A=1\n",
	"sub/rootonly.yaml":      "x: 1\n",
	"sub/.gitignore":         "local.json\n!b.gen.go\n",
	"sub/local.json":         "{}\n",
	"sub/b.gen.go":           "package sub\n",
	"sub/deep/c.py":          "x = 1\n",
	"sub/deep/local.json":    "{}\n",
	"big.yaml":               strings.Repeat("# padding\n", 205),
	"bin.json":               "{\"a\":\x00}\n",
	"docs/guide.md":          "# Guide\n",
	"docs/excluded/skip.txt": "text\n",
}

// walkKept are the files a walk of walkTree yields.
var walkKept = []string{
	".env", "a.go", "big.yaml", "bin.json", "docs/guide.md", "keep.gen.go",
	"sub/b.gen.go", "sub/deep/c.py", "sub/rootonly.yaml",
}

// makeWalkTree writes walkTree under a fresh folder, with a symbolic link
// that leaves the tree and one that stays inside it.
func makeWalkTree(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	writeTree(t, root, walkTree)
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"out.go": "package out\n"})
	if err := os.Symlink(filepath.Join(outside, "out.go"), filepath.Join(root, "link-out.go")); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if err := os.Symlink(filepath.Join(root, "sub"), filepath.Join(root, "link-sub")); err != nil {
		t.Fatal(err)
	}
	return root
}

// collectWalk runs walk and returns the display paths it yields, sorted.
func collectWalk(t *testing.T, roots []walkRoot, opts walkOptions) (paths []string) {
	t.Helper()
	if opts.fail == nil {
		opts.fail = func(p string, err error) { t.Errorf("%s: %v", p, err) }
	}
	if opts.jobs == 0 {
		opts.jobs = 4
	}
	out := make(chan walkItem)
	done := make(chan struct{})
	go func() {
		for it := range out {
			paths = append(paths, filepath.ToSlash(it.display))
		}
		close(done)
	}()
	walk(roots, opts, out)
	close(out)
	<-done
	slices.Sort(paths)
	return paths
}

func TestWalkSkipsAndKeeps(t *testing.T) {
	root := makeWalkTree(t)
	ignoredByConfig := filepath.Join(root, "docs", "excluded")
	got := collectWalk(t, []walkRoot{{abs: root, display: "."}}, walkOptions{
		ignored: func(abs string) bool { return abs == ignoredByConfig },
	})
	if !slices.Equal(got, walkKept) {
		t.Errorf("walk yielded\n  %v\nwant\n  %v", got, walkKept)
	}
}

func TestWalkDisplayJoinsCommandLinePath(t *testing.T) {
	root := makeWalkTree(t)
	t.Chdir(root)
	got := collectWalk(t, []walkRoot{{abs: filepath.Join(root, "sub"), display: "./sub/"}}, walkOptions{})
	want := []string{"sub/b.gen.go", "sub/deep/c.py", "sub/rootonly.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestWalkAppliesAncestorGitignore(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".git/HEAD":         "x",
		".gitignore":        "*.skip.yaml\n/sub/anchored.yaml\n",
		"sub/a.skip.yaml":   "x: 1\n",
		"sub/anchored.yaml": "x: 1\n",
		"sub/kept.yaml":     "x: 1\n",
	})
	got := collectWalk(t, []walkRoot{{abs: filepath.Join(root, "sub"), display: "sub"}}, walkOptions{})
	if want := []string{"sub/kept.yaml"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestWalkNoIgnore(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".gitignore":  "*.yaml\n",
		"a.yaml":      "x: 1\n",
		"vendor/b.go": "package b\n",
	})
	got := collectWalk(t, []walkRoot{{abs: root, display: "r"}}, walkOptions{noIgnore: true})
	// --no-ignore drops .gitignore files but still skips vendor.
	if want := []string{"r/a.yaml"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestWalkOutsideRepositoryStillReadsGitignore(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		".gitignore": "gen/\n",
		"gen/a.go":   "package gen\n",
		"b.go":       "package b\n",
	})
	got := collectWalk(t, []walkRoot{{abs: root, display: "r"}}, walkOptions{})
	if want := []string{"r/b.go"}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1048576", 1 << 20, true},
		{"10M", 10 << 20, true},
		{"10MB", 10 << 20, true},
		{"10MiB", 10 << 20, true},
		{"512k", 512 << 10, true},
		{"1G", 1 << 30, true},
		{"0", 0, true},
		{"", 0, false},
		{"M", 0, false},
		{"-1", 0, false},
		{"ten", 0, false},
		{"99999999999G", 0, false},
	}
	for _, tt := range tests {
		got, err := parseSize(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("parseSize(%q) = %d, %v; want %d, ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormatSize(t *testing.T) {
	tests := map[int64]string{
		10 << 20:         "10M",
		1 << 30:          "1G",
		512 << 10:        "512K",
		1500:             "1.5K",
		(10 << 20) + 100: "10.0M",
		1000:             "1000 bytes",
	}
	for n, want := range tests {
		if got := formatSize(n); got != want {
			t.Errorf("formatSize(%d) = %q, want %q", n, got, want)
		}
	}
}
