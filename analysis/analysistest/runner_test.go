package analysistest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/project"
)

func TestRunTestdata(t *testing.T) {
	f := &fake{}
	r := &Runner{Analyze: f.analyze}
	r.Run(t, "testdata", fakeAnalyzers)
	// Every input file but the project file was analyzed; basic.txtar's
	// notes.txt twice (the text, then the fixed text, which has no fix left).
	count := map[string]int{}
	for _, c := range f.calls {
		count[filepath.Base(c.file.Path)]++
	}
	if count[project.FileName] != 0 {
		t.Errorf("project file analyzed %d times", count[project.FileName])
	}
	if count["notes.txt"] != 2 || count["clean.txt"] != 1 || count["x.yaml"] != 2 || count["x.txt"] != 4 {
		t.Errorf("analysis calls per file = %v", count)
	}
}

// writeArchive writes an archive to a temporary folder and returns its path.
func writeArchive(t *testing.T, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "case.txtar")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRunArchiveFailures(t *testing.T) {
	tests := []struct {
		name    string
		archive string
		fatal   bool
		want    []string // substrings of the failure output, in order
	}{
		{
			name:    "wrong column",
			archive: "-- a.txt --\nx TODO\n-- want --\na.txt:1:2: todo\n",
			want: []string{
				"diagnostics differ from want (rerun with -scopels.update to accept them):\n",
				"\tmissing:    a.txt:1:2: todo   (archive line 4)",
				"\tunexpected: a.txt:1:3: todo \"\\\"TODO\\\" marks unfinished work\"",
			},
		},
		{
			name:    "a file without entries must be silent",
			archive: "-- a.txt --\nok\n-- b.txt --\nFIXME\n",
			want:    []string{"unexpected: b.txt:1:1: fixme \"\\\"FIXME\\\" marks unfinished work\""},
		},
		{
			name:    "hints count",
			archive: "checks: fixme\n-- a.txt --\nFIXME FIXME\n-- want --\na.txt:1:1: fixme\n",
			want:    []string{"unexpected: a.txt:1:7: fixme"},
		},
		{
			name:    "severity differs from the default",
			archive: "-- a.txt --\nTODO!\n-- want --\na.txt:1:1: todo\n",
			want:    nil, // no severity in the entry: any is accepted
		},
		{
			name:    "severity must match when given",
			archive: "-- a.txt --\nTODO!\n-- want --\na.txt:1:1: warning todo\n",
			want: []string{
				"missing:    a.txt:1:1: warning todo",
				"unexpected: a.txt:1:1: error todo",
			},
		},
		{
			name:    "message must contain the substring",
			archive: "-- a.txt --\nTODO\n-- want --\na.txt:1:1: todo \"resolved\"\n",
			want:    []string{"missing:    a.txt:1:1: todo \"resolved\"", "unexpected: a.txt:1:1: todo"},
		},
		{
			name:    "entry listed twice",
			archive: "-- a.txt --\nTODO\n-- want --\na.txt:1:1: todo\na.txt:1:1: todo\n",
			want:    []string{"missing:    a.txt:1:1: todo   (archive line 5)"},
		},
		{
			name:    "golden differs",
			archive: "-- a.txt --\nkeep\nTODO\nkeep\n-- want --\na.txt:2:1: todo\n-- a.txt.golden --\nkeep\nFINISHED\nkeep\n",
			want: []string{
				"a.txt after fixing differs from a.txt.golden (-golden +fixed):",
				"@@ -1,3 +1,3 @@\n keep\n-FINISHED\n+DONE\n keep\n",
			},
		},
		{
			name:    "fix that does not fix",
			archive: "checks: stuck\n-- a.txt --\nSTUCK\n-- want --\na.txt:1:1: stuck\n-- a.txt.golden --\nSTUCK\n",
			want: []string{
				"a.txt: checks that offered fixes still report on the fixed text:",
				"\ta.txt:1:1: stuck \"\\\"STUCK\\\" marks unfinished work\"",
			},
		},
		{
			name:    "three rounds are not enough",
			archive: "checks: squash\n-- x.txt --\n" + strings.Repeat("X", 16) + "\n-- x.txt.golden --\nXX\n",
			want: []string{
				"unexpected: x.txt:1:1: squash",
				"x.txt: checks that offered fixes still report on the fixed text:\n\tx.txt:1:1: squash",
			},
		},
		{
			name:    "overlapping edits",
			archive: "checks: overlap\n-- a.txt --\nBAD\n-- want --\na.txt:1:1: overlap\n",
			want:    []string{"a.txt: fix round 1: applying the preferred fixes: edits [0,3) and [1,3) overlap"},
		},
		{
			name:    "span outside the text",
			archive: "checks: outside\n-- a.txt --\nOUT\n-- want --\na.txt:1:1: outside\n",
			want:    []string{"a.txt: outside diagnostic has span [0,9) outside the text (4 bytes)"},
		},
		{
			name:    "unknown check",
			archive: "checks: todo nosuch\n-- a.txt --\n",
			fatal:   true,
			want:    []string{`checks: unknown check "nosuch" (known: todo fixme squash stuck overlap outside)`},
		},
		{
			name:    "broken archive",
			archive: "-- a.txt --\n-- want --\nb.txt:1:1: todo\n",
			fatal:   true,
			want:    []string{`case.txtar:3: want entry names "b.txt", which is not an input file`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeArchive(t, tt.archive)
			f := &fake{}
			r := &Runner{Analyze: f.analyze}
			ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, fakeAnalyzers) })
			out := ft.output()
			if ft.fatal != tt.fatal {
				t.Errorf("fatal = %v, want %v", ft.fatal, tt.fatal)
			}
			if tt.want == nil && out != "" {
				t.Errorf("unexpected failure:\n%s", out)
			}
			rest := out
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("failure output lacks %q (in order); output:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
		})
	}
}

func TestRunArchiveFileAndConfig(t *testing.T) {
	path := writeArchive(t, `format: yaml
-- .scopels.yaml --
strict: [X]
-- app/conf.txt --
TODO
-- want --
app/conf.txt:1:1: todo
`)
	f := &fake{}
	r := &Runner{Analyze: f.analyze}
	ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, []*analysis.Analyzer{todo, fixme}) })
	if out := ft.output(); out != "" {
		t.Fatalf("unexpected failure:\n%s", out)
	}
	// Round 0 and one fix round.
	if len(f.calls) != 2 {
		t.Fatalf("%d calls, want 2", len(f.calls))
	}
	c := f.calls[0]
	if c.file.Format != extract.FormatYAML {
		t.Errorf("Format = %q, want yaml", c.file.Format)
	}
	if !filepath.IsAbs(c.file.Path) || !strings.HasSuffix(filepath.ToSlash(c.file.Path), "/app/conf.txt") {
		t.Errorf("Path = %q, want an absolute path ending in app/conf.txt", c.file.Path)
	}
	if string(c.file.Src) != "TODO\n" {
		t.Errorf("Src = %q", c.file.Src)
	}
	if !slices.Equal(c.analyzers, []string{"todo", "fixme"}) {
		t.Errorf("analyzers = %v", c.analyzers)
	}
	if string(f.calls[1].file.Src) != "DONE\n" {
		t.Errorf("second call Src = %q, want the fixed text", f.calls[1].file.Src)
	}
	// The project file sits in the root of the folder the file is in.
	root := strings.TrimSuffix(filepath.ToSlash(c.file.Path), "/app/conf.txt")
	if project.Find(c.file.Path, root) == nil {
		t.Skip("project.Find finds nothing yet (stub): configuration not checked")
	}
	if c.cfg == nil || len(c.cfg.Files) == 0 || filepath.Base(c.cfg.Files[len(c.cfg.Files)-1].Path) != project.FileName {
		t.Errorf("cfg = %+v, want the archive's project file", c.cfg)
	}
}

func TestSelectAnalyzers(t *testing.T) {
	got, err := selectAnalyzers(fakeAnalyzers, []string{"stuck", "todo", "stuck"})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []*analysis.Analyzer{todo, stuck}) {
		t.Errorf("got %v, want todo and stuck in registry order", got)
	}
	if got, _ := selectAnalyzers(fakeAnalyzers, nil); len(got) != len(fakeAnalyzers) {
		t.Errorf("nil codes selected %d analyzers", len(got))
	}
}

func TestRunEmptyFolder(t *testing.T) {
	dir := t.TempDir()
	ft := runFake(t, func(tb testing.TB) {
		// Run needs a *testing.T for subtests; with no archive it fails
		// before making any, through the TB methods.
		r := &Runner{}
		r.runAll(tb, dir, func(string, string) {})
	})
	if !ft.fatal || !strings.Contains(ft.output(), "no .txtar archive under") {
		t.Errorf("output = %q, want a fatal error", ft.output())
	}
}

func TestUpdate(t *testing.T) {
	const before = `A case whose want and golden are out of date.
-- a.txt --
TODO x FIXME
TODO!
-- .scopels.yaml --
strict: [X]
-- want --
# Kept: the header.
a.txt:1:1: todo "marks"
a.txt:9:9: todo

# Dropped: a comment after the first entry.
-- a.txt.golden --
stale
-- b.txt --
FIXME
`
	const after = `A case whose want and golden are out of date.
-- a.txt --
TODO x FIXME
TODO!
-- .scopels.yaml --
strict: [X]
-- want --
# Kept: the header.
a.txt:1:1: todo "marks"
a.txt:1:8: fixme "\"FIXME\" marks unfinished work"
a.txt:2:1: error todo "\"TODO\" marks unfinished work"
b.txt:1:1: fixme "\"FIXME\" marks unfinished work"
-- a.txt.golden --
DONE x FIXME
DONE!
-- b.txt --
FIXME
`
	path := writeArchive(t, before)
	r := &Runner{Analyze: (&fake{}).analyze, Update: true}
	ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, []*analysis.Analyzer{todo, fixme}) })
	if out := ft.output(); out != "" {
		t.Fatalf("update failed:\n%s", out)
	}
	if len(ft.logs) != 1 || !strings.Contains(ft.logs[0], "updated "+path) {
		t.Errorf("logs = %q", ft.logs)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if d := lineDiff(after, string(got)); d != "" {
		t.Fatalf("updated archive differs (-want +got):\n%s", d)
	}
	// The updated archive passes, and a second update changes nothing.
	for _, update := range []bool{false, true} {
		r := &Runner{Analyze: (&fake{}).analyze, Update: update}
		ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, []*analysis.Analyzer{todo, fixme}) })
		if out := ft.output(); out != "" || len(ft.logs) != 0 {
			t.Errorf("update=%v: failures %q, logs %q", update, out, ft.logs)
		}
	}
}

func TestUpdateAddsWant(t *testing.T) {
	path := writeArchive(t, "-- a.txt --\nTODO\n-- a.txt.golden --\nTODO\n")
	r := &Runner{Analyze: (&fake{}).analyze, Update: true}
	ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, []*analysis.Analyzer{todo}) })
	if out := ft.output(); out != "" {
		t.Fatalf("update failed:\n%s", out)
	}
	got, _ := os.ReadFile(path)
	want := "-- a.txt --\nTODO\n-- want --\na.txt:1:1: todo \"\\\"TODO\\\" marks unfinished work\"\n-- a.txt.golden --\nDONE\n"
	if string(got) != want {
		t.Errorf("updated archive:\n%s\nwant:\n%s", got, want)
	}
}

func TestUpdateKeepsFailuresThatAreNotDifferences(t *testing.T) {
	path := writeArchive(t, "checks: overlap\n-- a.txt --\nBAD\n")
	r := &Runner{Analyze: (&fake{}).analyze, Update: true}
	ft := runFake(t, func(tb testing.TB) { r.RunArchive(tb, path, fakeAnalyzers) })
	if !strings.Contains(ft.output(), "applying the preferred fixes") {
		t.Errorf("output = %q, want the fix error", ft.output())
	}
}
