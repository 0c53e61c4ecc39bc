package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestMatchSegment(t *testing.T) {
	tests := []struct {
		pat, name string
		want      bool
	}{
		{"*.go", "main.go", true},
		{"*.go", "main.go.txt", false},
		{"*", "anything", true},
		{"a*b*c", "aXXbYYc", true},
		{"a*b*c", "aXXbYY", false},
		{"?.txt", "a.txt", true},
		{"?.txt", "ab.txt", false},
		{"[abc].md", "b.md", true},
		{"[abc].md", "d.md", false},
		{"[!abc].md", "d.md", true},
		{"[^abc].md", "a.md", false},
		{"[a-c]x", "bx", true},
		{"[a-c]x", "dx", false},
		{"[]]x", "]x", true},
		{"[[:digit:]]*", "7up", true},
		{"[[:digit:]]*", "up", false},
		{`\*.go`, "*.go", true},
		{`\*.go`, "a.go", false},
		{`foo\ `, "foo ", true},
		{"[unclosed", "[unclosed", false}, // git: an unclosed bracket matches nothing
		{"[unclosed", "u", false},
		{"**", "x", true},
		{"", "", true},
		{"", "x", false},
	}
	for _, tt := range tests {
		if got := matchSegment(tt.pat, tt.name); got != tt.want {
			t.Errorf("matchSegment(%q, %q) = %v, want %v", tt.pat, tt.name, got, tt.want)
		}
	}
}

func TestParseIgnoreLine(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want ignorePattern
	}{
		{"", false, ignorePattern{}},
		{"   ", false, ignorePattern{}},
		{"# comment", false, ignorePattern{}},
		{`\#hash`, true, ignorePattern{segments: []string{"#hash"}}},
		{"!keep.go", true, ignorePattern{segments: []string{"keep.go"}, negate: true}},
		{`\!bang`, true, ignorePattern{segments: []string{"!bang"}}},
		{"build/", true, ignorePattern{segments: []string{"build"}, dirOnly: true}},
		{"/root.txt", true, ignorePattern{segments: []string{"root.txt"}, anchored: true}},
		{"a/b", true, ignorePattern{segments: []string{"a", "b"}, anchored: true}},
		{"**/x", true, ignorePattern{segments: []string{"**", "x"}, anchored: true}},
		{"a/**/**/b", true, ignorePattern{segments: []string{"a", "**", "b"}, anchored: true}},
		{"trailing   ", true, ignorePattern{segments: []string{"trailing"}}},
		{"crlf\r", true, ignorePattern{segments: []string{"crlf"}}},
		{"/", false, ignorePattern{}},
	}
	for _, tt := range tests {
		got, ok := parseIgnoreLine(tt.line)
		if ok != tt.ok {
			t.Errorf("parseIgnoreLine(%q) ok = %v, want %v", tt.line, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if strings.Join(got.segments, "/") != strings.Join(tt.want.segments, "/") || got.negate != tt.want.negate ||
			got.dirOnly != tt.want.dirOnly || got.anchored != tt.want.anchored {
			t.Errorf("parseIgnoreLine(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

// ignoreCases are trees with .gitignore files and the verdict for each
// path (a trailing slash marks a folder).
var ignoreCases = []struct {
	name    string
	ignores map[string]string // folder ("" for the root) -> .gitignore text
	paths   map[string]bool   // path -> ignored
}{
	{
		name:    "basename anywhere",
		ignores: map[string]string{"": "*.log\nsecret.env\n"},
		paths: map[string]bool{
			"a.log": true, "x/y/b.log": true, "a.go": false,
			"secret.env": true, "deep/secret.env": true, "secret.env.example": false,
		},
	},
	{
		name:    "anchored",
		ignores: map[string]string{"": "/top.txt\ndoc/*.md\n"},
		paths: map[string]bool{
			"top.txt": true, "sub/top.txt": false,
			"doc/a.md": true, "doc/sub/a.md": false, "x/doc/a.md": false,
		},
	},
	{
		name:    "dir only",
		ignores: map[string]string{"": "build/\n"},
		paths: map[string]bool{
			"build/": true, "src/build/": true, "lib/build": false, "x/y/build": false,
		},
	},
	{
		name:    "negation",
		ignores: map[string]string{"": "*.yaml\n!keep.yaml\n"},
		paths: map[string]bool{
			"a.yaml": true, "keep.yaml": false, "sub/keep.yaml": false, "sub/b.yaml": true,
		},
	},
	{
		name:    "double star",
		ignores: map[string]string{"": "**/gen/*.go\na/**/z.txt\nout/**\n"},
		paths: map[string]bool{
			"gen/x.go": true, "p/q/gen/x.go": true, "gen/x.py": false,
			"a/z.txt": true, "a/b/c/z.txt": true, "b/a/z.txt": false,
			"out/x": true, "out/d/y": true,
		},
	},
	{
		name: "nested files override",
		ignores: map[string]string{
			"":    "*.txt\n",
			"sub": "!*.txt\nlocal.go\n",
		},
		paths: map[string]bool{
			"a.txt": true, "sub/a.txt": false, "sub/deeper/b.txt": false,
			"local.go": false, "sub/local.go": true, "sub/x/local.go": true,
		},
	},
	{
		name:    "nested anchored is relative to its folder",
		ignores: map[string]string{"sub": "/only-here.go\n"},
		paths: map[string]bool{
			"sub/only-here.go": true, "sub/x/only-here.go": false, "only-here.go": false,
		},
	},
	{
		name:    "classes and escapes",
		ignores: map[string]string{"": "[Tt]emp*\n\\#not-comment\n"},
		paths: map[string]bool{
			"Temp1": true, "temp": true, "xtemp": false, "#not-comment": true,
		},
	},
	// Cases where a matcher built on filepath.Match gets git wrong.
	{
		name:    "ignore all, re-include folders and Go files",
		ignores: map[string]string{"": "*\n!*/\n!*.go\n"},
		paths:   map[string]bool{"sub/": false, "sub/a.md": true, "sub/a.go": false, "a.md": true},
	},
	{
		name:    "re-including a folder keeps its files' own exclusion",
		ignores: map[string]string{"": "*.txt\n!docs/\n"},
		paths:   map[string]bool{"docs/": false, "docs/a.txt": true},
	},
	{
		name:    "a trailing /** leaves the folder itself open",
		ignores: map[string]string{"": "out/**\n!out/keep.txt\n"},
		paths:   map[string]bool{"out/": false, "out/keep.txt": false, "out/x": true},
	},
	{
		name:    "** backtracks",
		ignores: map[string]string{"": "**/a/b\na/**/b/c\n"},
		paths:   map[string]bool{"a/a/b": true, "a/b/x/b/c": true},
	},
	{
		name:    "** inside a name is *",
		ignores: map[string]string{"": "a/b**\nc**d\n"},
		paths:   map[string]bool{"a/bxyz": true, "cxd": true},
	},
	{
		name:    "bracket expressions: dashes at the edges, ] first, negation, classes",
		ignores: map[string]string{"": "[-x]1\n[y-]2\n[!]]z\n[!abc].md\n[[:digit:]]*\n"},
		paths:   map[string]bool{"-1": true, "y2": true, "-2": true, "az": true, "]z": false, "d.md": true, "a.md": false, "7up": true},
	},
	{
		name:    "an unclosed bracket matches nothing",
		ignores: map[string]string{"": "[unclosed\n"},
		paths:   map[string]bool{"[unclosed": false, "u": false},
	},
}

// rulesAt returns the rules in force at path's folder, the way the
// walker builds them.
func rulesAt(root string, ignores map[string]string, rel string) *ignoreRules {
	var r *ignoreRules
	dirs := []string{""}
	parts := strings.Split(strings.TrimSuffix(rel, "/"), "/")
	for i := 1; i < len(parts); i++ {
		dirs = append(dirs, strings.Join(parts[:i], "/"))
	}
	for _, d := range dirs {
		if text, ok := ignores[d]; ok {
			r = r.with(filepath.Join(root, filepath.FromSlash(d)), parseIgnoreFile([]byte(text)))
		}
	}
	return r
}

func TestIgnoreRules(t *testing.T) {
	root := t.TempDir()
	for _, tc := range ignoreCases {
		t.Run(tc.name, func(t *testing.T) {
			for p, want := range tc.paths {
				isDir := strings.HasSuffix(p, "/")
				abs := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "/")))
				got := rulesAt(root, tc.ignores, p).ignored(abs, isDir)
				if got != want {
					t.Errorf("%s: ignored = %v, want %v", p, got, want)
				}
			}
		})
	}
}

// TestIgnoreRulesAgreeWithGit checks the same cases against git itself,
// when it is installed, so that the table above cannot drift from git.
func TestIgnoreRulesAgreeWithGit(t *testing.T) {
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("git not installed")
	}
	for _, tc := range ignoreCases {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			run := func(args ...string) error {
				cmd := exec.Command(git, args...)
				cmd.Dir = root
				cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_SYSTEM=/dev/null")
				return cmd.Run()
			}
			if err := run("init", "-q"); err != nil {
				t.Skipf("git init: %v", err)
			}
			for d, text := range tc.ignores {
				dir := filepath.Join(root, filepath.FromSlash(d))
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, ".gitignore"), []byte(text), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for p := range tc.paths {
				abs := filepath.Join(root, filepath.FromSlash(strings.TrimSuffix(p, "/")))
				if strings.HasSuffix(p, "/") {
					os.MkdirAll(abs, 0o755)
				} else {
					os.MkdirAll(filepath.Dir(abs), 0o755)
					os.WriteFile(abs, nil, 0o644)
				}
			}
			for p, want := range tc.paths {
				err := run("check-ignore", "-q", "--", strings.TrimSuffix(p, "/"))
				var ee *exec.ExitError
				gitSays := err == nil
				if err != nil && !(errors.As(err, &ee) && ee.ExitCode() == 1) {
					t.Fatalf("git check-ignore %s: %v", p, err)
				}
				if gitSays != want {
					t.Errorf("%s: git says ignored = %v, the table says %v", p, gitSays, want)
				}
			}
		})
	}
}

// TestReadIgnoreFile: a linked ignore file is not read (git does not follow
// one in the working tree either), and neither long lines nor CRLF endings
// lose the patterns after them.
func TestReadIgnoreFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "patterns")
	if err := os.WriteFile(target, []byte("*.md\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, ".gitignore")
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
	if got := readIgnoreFile(link); got != nil {
		t.Errorf("a linked .gitignore gave %d patterns, want none", len(got))
	}
	if got := readIgnoreFile(target); len(got) != 1 {
		t.Errorf("a regular file gave %d patterns, want 1", len(got))
	}

	long := "# " + strings.Repeat("x", 2<<20) + "\r\n*.log\r\n!keep.log"
	got := parseIgnoreFile([]byte(long))
	if len(got) != 2 || strings.Join(got[0].segments, "/") != "*.log" || !got[1].negate {
		t.Errorf("after a 2 MB comment line: %+v, want *.log and !keep.log", got)
	}
}
