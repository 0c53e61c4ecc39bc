package analysistest

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// The fake checks look for a marker word and do not need scope sets:
//
//	todo     "TODO" (an error when followed by "!"), fixed to "DONE"
//	fixme    "FIXME", a hint without a fix
//	squash   "XX", fixed to "X"
//	stuck    "STUCK", whose fix rewrites it unchanged
//	overlap  "BAD", whose fix has two overlapping edits
//	outside  "OUT", reported with a span past the end of the text
var (
	todo    = &analysis.Analyzer{Code: "todo", Title: "TODO left", Severity: analysis.SeverityWarning}
	fixme   = &analysis.Analyzer{Code: "fixme", Title: "FIXME left", Severity: analysis.SeverityHint}
	squash  = &analysis.Analyzer{Code: "squash", Title: "doubled X", Severity: analysis.SeverityWarning}
	stuck   = &analysis.Analyzer{Code: "stuck", Title: "fix that fixes nothing", Severity: analysis.SeverityWarning}
	overlap = &analysis.Analyzer{Code: "overlap", Title: "bad fix", Severity: analysis.SeverityError}
	outside = &analysis.Analyzer{Code: "outside", Title: "bad span", Severity: analysis.SeverityError}

	fakeAnalyzers = []*analysis.Analyzer{todo, fixme, squash, stuck, overlap, outside}
)

// call records one call of the fake analysis.
type call struct {
	file      analysis.File
	analyzers []string
	cfg       *project.Config
}

// fake is an analysis function over the fake checks that records its calls.
type fake struct {
	mu    sync.Mutex
	calls []call
}

func (f *fake) analyze(file *analysis.File, analyzers []*analysis.Analyzer, cfg *project.Config) []analysis.Diagnostic {
	c := call{file: *file, cfg: cfg}
	var diags []analysis.Diagnostic
	src := file.Src
	for _, a := range analyzers {
		c.analyzers = append(c.analyzers, a.Code)
		word := map[string]string{"squash": "XX", "overlap": "BAD", "outside": "OUT"}[a.Code]
		if word == "" {
			word = strings.ToUpper(a.Code)
		}
		for off := 0; ; {
			i := bytes.Index(src[off:], []byte(word))
			if i < 0 {
				break
			}
			start, end := off+i, off+i+len(word)
			off = end
			d := analysis.Diagnostic{
				Span:     analysis.Span{Start: start, End: end},
				Code:     a.Code,
				Severity: a.Severity,
				Message:  fmt.Sprintf("%q marks unfinished work", word),
			}
			span := d.Span
			switch a.Code {
			case "todo":
				if end < len(src) && src[end] == '!' {
					d.Severity = analysis.SeverityError
				}
				d.Fixes = []analysis.Fix{
					{Title: "Mark it undone", Edits: []analysis.Edit{{Span: span, NewText: "UNDONE"}}},
					{Title: "Mark it done", Edits: []analysis.Edit{{Span: span, NewText: "DONE"}}, Preferred: true},
				}
			case "squash":
				d.Fixes = []analysis.Fix{{Title: "Squash", Edits: []analysis.Edit{{Span: span, NewText: "X"}}, Preferred: true}}
			case "stuck":
				d.Fixes = []analysis.Fix{{Title: "Nothing", Edits: []analysis.Edit{{Span: span, NewText: word}}, Preferred: true}}
			case "overlap":
				d.Fixes = []analysis.Fix{{Title: "Overlap", Preferred: true, Edits: []analysis.Edit{
					{Span: span, NewText: "a"},
					{Span: analysis.Span{Start: start + 1, End: end}, NewText: "b"},
				}}}
			case "outside":
				d.Span.End = len(src) + 5
			}
			diags = append(diags, d)
		}
	}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	f.mu.Unlock()
	return diags
}

// fakeT is a testing.TB that records failures instead of failing; the
// methods it does not override (TempDir, Cleanup, ...) go to the real test.
type fakeT struct {
	testing.TB
	mu     sync.Mutex
	errors []string
	logs   []string
	fatal  bool
}

func (f *fakeT) Helper() {}

func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
}

func (f *fakeT) Error(args ...any) { f.Errorf("%s", fmt.Sprint(args...)) }

func (f *fakeT) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	f.mu.Lock()
	f.fatal = true
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeT) Fatal(args ...any) { f.Fatalf("%s", fmt.Sprint(args...)) }

func (f *fakeT) Fail() { f.Errorf("Fail called") }

func (f *fakeT) FailNow() { f.Fatalf("FailNow called") }

func (f *fakeT) Logf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}

func (f *fakeT) Log(args ...any) { f.Logf("%s", fmt.Sprint(args...)) }

// output joins the recorded failures.
func (f *fakeT) output() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return strings.Join(f.errors, "\n")
}

// runFake runs body with a fakeT on its own goroutine, so that Fatalf can
// end it, and returns the fakeT.
func runFake(t *testing.T, body func(tb testing.TB)) *fakeT {
	t.Helper()
	ft := &fakeT{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		body(ft)
	}()
	<-done
	return ft
}
