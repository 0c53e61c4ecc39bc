package analysistest

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// update is the -scopels.update flag of test binaries that import this
// package.
var update = flag.Bool("scopels.update", false, "rewrite the want and golden sections of scopels test archives from the actual results")

// maxFixRounds is how many times fixes are selected, applied and the file
// analyzed again.
const maxFixRounds = 3

// AnalyzeFunc analyzes one file, as analysis.Run does.
type AnalyzeFunc func(file *analysis.File, analyzers []*analysis.Analyzer, cfg *project.Config) []analysis.Diagnostic

// Runner runs archives with a given analysis function. The zero Runner
// uses analysis.Run and does not update archives.
type Runner struct {
	// Analyze analyzes one file; nil means analysis.Run.
	Analyze AnalyzeFunc
	// Update rewrites each archive's want section and its existing golden
	// sections from the actual results instead of reporting differences.
	Update bool
}

// Run runs every archive under dir (see Runner.Run) with analysis.Run,
// updating them when the test binary was given -scopels.update.
func Run(t *testing.T, dir string, analyzers []*analysis.Analyzer) {
	t.Helper()
	r := Runner{Update: *update}
	r.Run(t, dir, analyzers)
}

// RunArchive runs the archive at path (see Runner.RunArchive) with
// analysis.Run, updating it when the test binary was given -scopels.update.
func RunArchive(t testing.TB, path string, analyzers []*analysis.Analyzer) {
	t.Helper()
	r := Runner{Update: *update}
	r.RunArchive(t, path, analyzers)
}

// Run runs every file named *.txtar under dir, at any depth, as a subtest
// named by its path below dir without the extension. It fails when there is
// none.
func (r *Runner) Run(t *testing.T, dir string, analyzers []*analysis.Analyzer) {
	t.Helper()
	r.runAll(t, dir, func(name, path string) {
		t.Run(name, func(t *testing.T) {
			r.RunArchive(t, path, analyzers)
		})
	})
}

// runAll calls run with the subtest name and path of every archive under
// dir, in lexical order.
func (r *Runner) runAll(t testing.TB, dir string, run func(name, path string)) {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txtar") {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("finding archives: %v", err)
	}
	if len(paths) == 0 {
		t.Fatalf("no .txtar archive under %s", dir)
	}
	for _, p := range paths {
		name, err := filepath.Rel(dir, p)
		if err != nil {
			name = p
		}
		run(filepath.ToSlash(strings.TrimSuffix(name, ".txtar")), p)
	}
}

// RunArchive runs the archive at path. It writes the input files to a
// temporary folder, analyzes each (project files excepted) with the
// configuration its project files give, and reports through t:
//   - a diagnostic whose span or related span lies outside its file;
//   - expected diagnostics that were not reported, and reported ones that
//     were not expected;
//   - an error from selecting and applying the preferred fixes, which are
//     applied up to three rounds, analyzing the fixed text again each time;
//   - for a file with a golden section: a difference between the fixed text
//     and the golden, and any diagnostic of a check that offered fixes left
//     on the fixed text beyond those that had no fix to begin with.
//
// With Update set, differences from want and golden sections are written
// back to the archive instead of being reported.
func (r *Runner) RunArchive(t testing.TB, path string, analyzers []*analysis.Analyzer) {
	t.Helper()
	a, err := LoadArchive(path)
	if err != nil {
		t.Fatalf("%v", err)
	}
	analyzers, err = selectAnalyzers(analyzers, a.Checks)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	dir := t.TempDir()
	if err := a.WriteFiles(dir); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	c := &archiveRun{r: r, t: t, a: a, analyzers: analyzers, dir: dir}
	c.run()
}

// selectAnalyzers returns the analyzers named by codes, in the order of
// all; all of them when codes is nil.
func selectAnalyzers(all []*analysis.Analyzer, codes []string) ([]*analysis.Analyzer, error) {
	if codes == nil {
		return all, nil
	}
	var out []*analysis.Analyzer
	for _, code := range codes {
		i := slices.IndexFunc(all, func(a *analysis.Analyzer) bool { return a.Code == code })
		if i < 0 {
			known := make([]string, len(all))
			for k, a := range all {
				known[k] = a.Code
			}
			return nil, fmt.Errorf("checks: unknown check %q (known: %s)", code, strings.Join(known, " "))
		}
		if !slices.Contains(out, all[i]) {
			out = append(out, all[i])
		}
	}
	slices.SortStableFunc(out, func(x, y *analysis.Analyzer) int {
		return slices.Index(all, x) - slices.Index(all, y)
	})
	return out, nil
}

// archiveRun is the state of one RunArchive.
type archiveRun struct {
	r         *Runner
	t         testing.TB
	a         *Archive
	analyzers []*analysis.Analyzer
	dir       string
}

// fileResult is what one input file gave.
type fileResult struct {
	file  File
	diags []analysis.Diagnostic
	lines *analysis.LineIndex
}

func (c *archiveRun) run() {
	t := c.t
	t.Helper()
	var results []*fileResult
	cfgs := map[string]*project.Config{}
	for _, f := range c.a.Inputs() {
		cfg, err := ConfigFor(c.abs(f.Name), c.dir)
		if err != nil {
			t.Fatalf("%s: %s: %v", c.a.Path, f.Name, err)
		}
		cfgs[f.Name] = cfg
		res := &fileResult{file: f, lines: analysis.NewLineIndex(f.Data)}
		res.diags = c.analyze(f.Name, f.Data, cfg, "")
		results = append(results, res)
	}
	entries, problems := c.compare(results)
	if problems != "" && !c.r.Update {
		t.Errorf("%s: diagnostics differ from want (rerun with -scopels.update to accept them):\n%s", c.a.Path, problems)
	}
	golden := map[string][]byte{}
	for _, res := range results {
		fixed := c.fix(res, cfgs[res.file.Name])
		g, ok := c.a.Golden[res.file.Name]
		if !ok || fixed == nil {
			continue
		}
		golden[res.file.Name] = fixed
		if c.r.Update {
			continue
		}
		if d := lineDiff(string(g), string(fixed)); d != "" {
			t.Errorf("%s: %s after fixing differs from %s (-golden +fixed):\n%s",
				c.a.Path, res.file.Name, res.file.Name+goldenSuffix, d)
		}
	}
	if c.r.Update {
		c.write(entries, golden)
	}
}

func (c *archiveRun) abs(name string) string {
	return filepath.Join(c.dir, filepath.FromSlash(name))
}

// analyze runs the analysis on one text of the named file and reports
// spans outside the text; stage says which text it is in messages.
func (c *archiveRun) analyze(name string, src []byte, cfg *project.Config, stage string) []analysis.Diagnostic {
	c.t.Helper()
	analyze := c.r.Analyze
	if analyze == nil {
		analyze = analysis.Run
	}
	file := &analysis.File{Path: c.abs(name), Src: bytes.Clone(src), Format: c.a.Format}
	diags := analyze(file, c.analyzers, cfg)
	bad := func(s analysis.Span) bool { return s.Start < 0 || s.End < s.Start || s.End > len(src) }
	for _, d := range diags {
		if bad(d.Span) {
			c.t.Errorf("%s: %s%s: %s diagnostic has span [%d,%d) outside the text (%d bytes): %s",
				c.a.Path, name, stage, d.Code, d.Span.Start, d.Span.End, len(src), d.Message)
		}
		for _, rel := range d.Related {
			if rel.Path == "" && bad(rel.Span) {
				c.t.Errorf("%s: %s%s: %s diagnostic has related span [%d,%d) outside the text (%d bytes)",
					c.a.Path, name, stage, d.Code, rel.Span.Start, rel.Span.End, len(src))
			}
		}
	}
	return diags
}

// fix applies the preferred fixes to res's file, analyzing again after
// each round, and returns the fixed text (nil after a failure). When the
// file has a golden section, it checks that the checks that offered fixes
// are silent on the result.
func (c *archiveRun) fix(res *fileResult, cfg *project.Config) []byte {
	t := c.t
	t.Helper()
	name := res.file.Name
	src, diags := res.file.Data, res.diags
	fixed := map[string]bool{} // codes that offered a fix
	for round := 1; round <= maxFixRounds; round++ {
		for _, d := range diags {
			if f := d.PreferredFix(); f != nil && len(f.Edits) > 0 {
				fixed[d.Code] = true
			}
		}
		edits, _ := analysis.SelectFixes(diags)
		if len(edits) == 0 {
			break
		}
		next, err := analysis.ApplyFixes(src, edits)
		if err != nil {
			t.Errorf("%s: %s: fix round %d: applying the preferred fixes: %v", c.a.Path, name, round, err)
			return nil
		}
		src = next
		diags = c.analyze(name, src, cfg, fmt.Sprintf(" (after fix round %d)", round))
	}
	if _, ok := c.a.Golden[name]; !ok || len(fixed) == 0 {
		return src
	}
	// Diagnostics without a fix may stay; any other left by a check that
	// offered fixes means its fix did not work.
	fixless := map[string]int{}
	for _, d := range res.diags {
		if d.PreferredFix() == nil {
			fixless[d.Code]++
		}
	}
	lines := analysis.NewLineIndex(src)
	var left []string
	for _, d := range diags {
		if !fixed[d.Code] {
			continue
		}
		if d.PreferredFix() == nil && fixless[d.Code] > 0 {
			fixless[d.Code]--
			continue
		}
		left = append(left, "\t"+entry(name, lines, &d, severityOf(c.analyzers, d.Code)))
	}
	if len(left) > 0 {
		t.Errorf("%s: %s: checks that offered fixes still report on the fixed text:\n%s",
			c.a.Path, name, strings.Join(left, "\n"))
	}
	return src
}

// compare matches the diagnostics of every file with the want section. It
// returns the entries of an updated want section and a description of the
// differences ("" when there are none).
func (c *archiveRun) compare(results []*fileResult) (entries []string, problems string) {
	matched := make([]bool, len(c.a.Want))
	var missing, unexpected []string
	for _, res := range results {
		name := res.file.Name
		type found struct {
			pos  analysis.Position
			text string
		}
		var out []found
		for i := range res.diags {
			d := &res.diags[i]
			p := res.lines.Position(d.Span.Start)
			line, col := p.Line+1, p.Col+1
			// The most specific unmatched entry that accepts d.
			best := -1
			for k := range c.a.Want {
				w := &c.a.Want[k]
				if matched[k] || !w.accepts(name, line, col, d) {
					continue
				}
				if best < 0 || len(w.Message) > len(c.a.Want[best].Message) ||
					(w.Severity != 0 && c.a.Want[best].Severity == 0) {
					best = k
				}
			}
			text := entry(name, res.lines, d, severityOf(c.analyzers, d.Code))
			if best >= 0 {
				matched[best] = true
				out = append(out, found{p, c.a.Want[best].Text})
				continue
			}
			unexpected = append(unexpected, "\tunexpected: "+text)
			out = append(out, found{p, text})
		}
		sort.SliceStable(out, func(i, j int) bool {
			if out[i].pos.Line != out[j].pos.Line {
				return out[i].pos.Line < out[j].pos.Line
			}
			return out[i].pos.Col < out[j].pos.Col
		})
		for _, f := range out {
			entries = append(entries, f.text)
		}
	}
	for k, w := range c.a.Want {
		if !matched[k] {
			missing = append(missing, fmt.Sprintf("\tmissing:    %s   (archive line %d)", w.Text, w.Source))
		}
	}
	return entries, strings.Join(append(missing, unexpected...), "\n")
}

// entry formats d as a want entry: with its whole message, and with its
// severity when it is not the check's default.
func entry(name string, lines *analysis.LineIndex, d *analysis.Diagnostic, def analysis.Severity) string {
	p := lines.Position(d.Span.Start)
	w := Want{Path: name, Line: p.Line + 1, Col: p.Col + 1, Code: d.Code, Message: d.Message, HasMessage: true}
	if d.Severity != def {
		w.Severity = d.Severity
	}
	return w.String()
}

// severityOf returns the default severity of the analyzer with code, 0
// when none has it.
func severityOf(analyzers []*analysis.Analyzer, code string) analysis.Severity {
	for _, a := range analyzers {
		if a.Code == code {
			return a.Severity
		}
	}
	return 0
}

// write rewrites the archive with the given want entries and goldens when
// its text changes.
func (c *archiveRun) write(entries []string, golden map[string][]byte) {
	c.t.Helper()
	old, err := os.ReadFile(c.a.Path)
	if err != nil {
		c.t.Fatalf("updating %s: %v", c.a.Path, err)
	}
	data := c.a.update(entries, golden)
	if bytes.Equal(old, data) {
		return
	}
	tmp := c.a.Path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		c.t.Fatalf("updating %s: %v", c.a.Path, err)
	}
	if err := os.Rename(tmp, c.a.Path); err != nil {
		os.Remove(tmp)
		c.t.Fatalf("updating %s: %v", c.a.Path, err)
	}
	c.t.Logf("updated %s", c.a.Path)
}
