package analysis_test

import (
	"bytes"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/analysistest"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/project"
)

// fuzzRoot is the folder the fuzzed files and their project files are
// taken to live in; nothing is read from or written to it.
const fuzzRoot = "/scopels-fuzz"

// maxFixRounds is how many rounds of fixing must reach a text with nothing
// left to fix (the CLI's --fix stops after as many).
// The fuzzer found a chain of three dependent fixes
// (testdata/fuzz/FuzzFixes/6980cbdff28c38bb).
const maxFixRounds = 5

// fixFuzzSeeds loads the check fixtures: each input file with the
// configuration its archive's project files make (nil without one). The
// configurations are returned apart; a seed names its by index + 1 (0 is
// none).
func fixFuzzSeeds(tb testing.TB) (cfgs []*project.Config, seeds []fixSeed) {
	tb.Helper()
	archives, err := filepath.Glob(filepath.Join("checks", "testdata", "*", "*.txtar"))
	if err != nil || len(archives) == 0 {
		tb.Fatalf("no fixtures found: %v", err)
	}
	for _, p := range archives {
		a, err := analysistest.LoadArchive(p)
		if err != nil {
			tb.Fatalf("loading fixture: %v", err)
		}
		var files []*project.File
		for _, f := range a.Files {
			if !f.IsProject() {
				continue
			}
			pf, errs := project.Parse(path.Join(fuzzRoot, f.Name), f.Data)
			if project.HasErrors(errs) {
				continue // a fixture of a broken project file
			}
			files = append(files, pf)
		}
		slices.SortStableFunc(files, func(a, b *project.File) int {
			return strings.Count(a.Path, "/") - strings.Count(b.Path, "/")
		})
		cfg := uint8(0)
		if len(files) > 0 {
			cfgs = append(cfgs, project.Build(files))
			cfg = uint8(len(cfgs))
		}
		for _, f := range a.Inputs() {
			name := f.Name
			if a.Format != "" && !strings.HasSuffix(name, "."+string(a.Format)) {
				// The archive forces a format the name does not give; the
				// fuzz target picks formats from names only.
				continue
			}
			seeds = append(seeds, fixSeed{cfg: cfg, name: name, src: f.Data})
		}
	}
	return cfgs, seeds
}

type fixSeed struct {
	cfg  uint8
	name string
	src  []byte
}

// FuzzFixes analyzes arbitrary text with every check, applies the
// preferred fixes the way --fix does (SelectFixes, ApplyFixes, analyze
// again) and checks that: every span and edit lies inside the text; no fix
// has overlapping edits and SelectFixes never returns overlapping ones;
// every byte outside the edited spans is kept; and the text settles within
// maxFixRounds rounds, never coming back to an earlier state.
func FuzzFixes(f *testing.F) {
	cfgs, seeds := fixFuzzSeeds(f)
	for _, s := range seeds {
		f.Add(s.cfg, s.name, s.src)
	}
	analyzers := checks.All()
	f.Fuzz(func(t *testing.T, which uint8, name string, src []byte) {
		var cfg *project.Config
		if n := int(which) % (len(cfgs) + 1); n > 0 {
			cfg = cfgs[n-1]
		}
		name = strings.TrimLeft(path.Clean("/"+name), "/")
		file := &analysis.File{Path: path.Join(fuzzRoot, name)}
		seen := [][]byte{src}
		text := src
		for round := 0; ; round++ {
			file.Src = text
			res := analysis.Analyze(file, analyzers, cfg)
			checkDiagnostics(t, text, res.Diagnostics)
			edits, _ := analysis.SelectFixes(res.Diagnostics)
			if len(edits) == 0 {
				return
			}
			next, err := analysis.ApplyFixes(text, edits)
			if err != nil {
				t.Fatalf("round %d: SelectFixes returned edits ApplyFixes rejects: %v", round+1, err)
			}
			checkKept(t, text, next, edits)
			if bytes.Equal(next, text) {
				return
			}
			for i, old := range seen {
				if bytes.Equal(old, next) {
					t.Fatalf("fixes cycle: round %d gives back the text of round %d:\n%q", round+1, i, next)
				}
			}
			if round == maxFixRounds {
				t.Fatalf("still fixing after %d rounds; text now:\n%q\nedits: %+v", maxFixRounds, text, edits)
			}
			seen = append(seen, next)
			text = next
		}
	})
}

// checkDiagnostics checks the spans of diagnostics and of their fixes.
func checkDiagnostics(t *testing.T, src []byte, diags []analysis.Diagnostic) {
	t.Helper()
	inside := func(s analysis.Span) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(src) }
	for _, d := range diags {
		if !inside(d.Span) {
			t.Fatalf("%s at %v: span outside the text of %d bytes", d.Code, d.Span, len(src))
		}
		preferred := 0
		for _, fx := range d.Fixes {
			if fx.Preferred {
				preferred++
			}
			for _, e := range fx.Edits {
				if !inside(e.Span) {
					t.Fatalf("%s at %v: fix %q edits %v, outside the text", d.Code, d.Span, fx.Title, e.Span)
				}
			}
			edits := slices.Clone(fx.Edits)
			slices.SortFunc(edits, func(a, b analysis.Edit) int { return a.Span.Start - b.Span.Start })
			for k := 1; k < len(edits); k++ {
				if edits[k].Span.Start < edits[k-1].Span.End {
					t.Fatalf("%s at %v: fix %q has overlapping edits %v and %v", d.Code, d.Span, fx.Title, edits[k-1].Span, edits[k].Span)
				}
			}
		}
		if preferred > 1 {
			t.Fatalf("%s at %v: %d preferred fixes", d.Code, d.Span, preferred)
		}
	}
}

// checkKept checks that out is src with only the edited spans replaced:
// every byte outside them is where ApplyFixes' contract puts it.
func checkKept(t *testing.T, src, out []byte, edits []analysis.Edit) {
	t.Helper()
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, func(a, b analysis.Edit) int {
		if a.Span.Start != b.Span.Start {
			return a.Span.Start - b.Span.Start
		}
		return a.Span.End - b.Span.End
	})
	last, at := 0, 0
	for _, e := range sorted {
		keep := src[last:e.Span.Start]
		if !bytes.HasPrefix(out[at:], keep) {
			t.Fatalf("bytes [%d,%d) before the edit at %v changed", last, e.Span.Start, e.Span)
		}
		at += len(keep)
		if !bytes.HasPrefix(out[at:], []byte(e.NewText)) {
			t.Fatalf("edit at %v: new text %q not in the output", e.Span, e.NewText)
		}
		at += len(e.NewText)
		last = e.Span.End
	}
	if !bytes.Equal(out[at:], src[last:]) {
		t.Fatalf("bytes after offset %d changed", last)
	}
}
