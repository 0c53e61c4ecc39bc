package analysistest

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
)

func TestParseArchive(t *testing.T) {
	const text = `Prose first. Then directives.
checks: unknown-scope  wrong-case
format: yaml
See: a capitalised word is prose; so is a URL, https://example.invalid/x.
-- .scopels.yaml --
strict: [X]
-- src/app.yaml --
scope: "openid emial"
-- sub/.scopels.yaml --
-- want --
# comment

src/app.yaml:1:15: unknown-scope "did you mean \"email\"?"
src/app.yaml:1:1: hint wrong-case
-- src/app.yaml.golden --
scope: "openid email"
`
	a, err := ParseArchive("case.txtar", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"unknown-scope", "wrong-case"}; !reflect.DeepEqual(a.Checks, want) {
		t.Errorf("Checks = %q, want %q", a.Checks, want)
	}
	if a.Format != extract.FormatYAML {
		t.Errorf("Format = %q", a.Format)
	}
	var names, inputs []string
	for _, f := range a.Files {
		names = append(names, f.Name)
	}
	for _, f := range a.Inputs() {
		inputs = append(inputs, f.Name)
	}
	if want := []string{".scopels.yaml", "src/app.yaml", "sub/.scopels.yaml"}; !reflect.DeepEqual(names, want) {
		t.Errorf("Files = %q, want %q", names, want)
	}
	if want := []string{"src/app.yaml"}; !reflect.DeepEqual(inputs, want) {
		t.Errorf("Inputs() = %q, want %q", inputs, want)
	}
	want := []Want{
		{Path: "src/app.yaml", Line: 1, Col: 15, Code: "unknown-scope", Message: `did you mean "email"?`, HasMessage: true,
			Source: 13, Text: `src/app.yaml:1:15: unknown-scope "did you mean \"email\"?"`},
		{Path: "src/app.yaml", Line: 1, Col: 1, Code: "wrong-case", Severity: analysis.SeverityHint,
			Source: 14, Text: "src/app.yaml:1:1: hint wrong-case"},
	}
	if !reflect.DeepEqual(a.Want, want) {
		t.Errorf("Want =\n%+v\nwant\n%+v", a.Want, want)
	}
	for _, w := range a.Want {
		if w.String() != w.Text {
			t.Errorf("String() = %q, want %q", w.String(), w.Text)
		}
	}
	if g := string(a.Golden["src/app.yaml"]); g != "scope: \"openid email\"\n" || len(a.Golden) != 1 {
		t.Errorf("Golden = %q", a.Golden)
	}
}

func TestParseArchiveErrors(t *testing.T) {
	tests := []struct {
		name    string
		archive string
		err     string
	}{
		{"no input", "-- want --\n", "case.txtar: no input file to analyze"},
		{"only a project file", "-- .scopels.yaml --\n", "no input file to analyze"},
		{"unknown directive", "check: todo\n-- a --\n", `case.txtar:1: unknown directive "check"`},
		{"empty checks", "x\nchecks:\n-- a --\n", `case.txtar:2: "checks:" names no check`},
		{"directive twice", "format: go\nformat: go\n-- a --\n", `case.txtar:2: directive "format" given twice`},
		{"unknown format", "format: cobol\n-- a --\n", `unknown format "cobol"`},
		{"duplicate section", "-- a --\n-- a --\n", `section "a" appears twice`},
		{"parent folder", "-- ../a --\n", `file name "../a" must be a clean relative path`},
		{"absolute", "-- /etc/a --\n", `file name "/etc/a" must be`},
		{"unclean", "-- a/./b --\n", `file name "a/./b" must be`},
		{"backslash", "-- a\\b --\n", `must be a clean relative path`},
		{"golden without input", "-- a --\n-- b.golden --\n", `golden section "b.golden" has no input file "b"`},
		{"golden of a project file", "-- a --\n-- .scopels.yaml --\n-- .scopels.yaml.golden --\n", "project files are not analyzed"},
		{"bad entry", "-- a --\n-- want --\n\na:1: todo\n", `case.txtar:4: want entry "a:1: todo" is not path:line:col`},
		{"zero line", "-- a --\n-- want --\na:0:1: todo\n", "line and column must be positive"},
		{"huge line", "-- a --\n-- want --\na:99999999999999999999:1: todo\n", "line and column must be positive"},
		{"bad message", "-- a --\n-- want --\na:1:1: todo \"x\\q\"\n", `message "x\q" is not a Go string literal`},
		{"unquoted message", "-- a --\n-- want --\na:1:1: todo message\n", "is not path:line:col"},
		{"unknown path", "-- a --\n-- want --\nb:1:1: todo\n", `want entry names "b", which is not an input file`},
		{"project path", "-- a --\n-- .scopels.yaml --\n-- want --\n.scopels.yaml:1:1: todo\n", "names project file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseArchive("case.txtar", []byte(tt.archive))
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("ParseArchive() error = %v, want one containing %q", err, tt.err)
			}
		})
	}
}

func TestLoadArchive(t *testing.T) {
	if _, err := LoadArchive(filepath.Join(t.TempDir(), "missing.txtar")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("LoadArchive(missing) = %v, want a not-exist error", err)
	}
	a, err := LoadArchive("testdata/basic.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Inputs()) != 2 || len(a.Want) != 2 || len(a.Golden) != 1 || a.Path != "testdata/basic.txtar" {
		t.Errorf("LoadArchive(basic) = %+v", a)
	}
	dir := t.TempDir()
	if err := a.WriteFiles(dir); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, "notes.txt"))
	if err != nil || string(got) != string(a.Files[0].Data) {
		t.Errorf("written notes.txt = %q, %v", got, err)
	}
}
