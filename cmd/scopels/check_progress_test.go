package main

import (
	"bytes"
	"os"
	"testing"
	"time"

	"github.com/scopels/scopels/analysis"
)

func TestSummaryLine(t *testing.T) {
	f := func(s analysis.Severity) finding { return finding{diag: analysis.Diagnostic{Severity: s}} }
	files := []fileFindings{
		{path: "a", findings: []finding{f(analysis.SeverityError), f(analysis.SeverityInfo)}},
		{path: "b", findings: []finding{f(analysis.SeverityInfo), f(analysis.SeverityHint)}},
	}
	tests := []struct {
		n       int
		files   []fileFindings
		elapsed time.Duration
		want    string
	}{
		{3, files, 1534 * time.Millisecond, "scopels: 3 files checked in 1.53s: 1 error, 2 info, 1 hint"},
		{1, nil, 2*time.Millisecond + 300*time.Microsecond, "scopels: 1 file checked in 2ms: no findings"},
		{0, nil, 12345 * time.Millisecond, "scopels: 0 files checked in 12.3s: no findings"},
	}
	for _, tt := range tests {
		if got := summaryLine(tt.n, tt.files, tt.elapsed); got != tt.want {
			t.Errorf("summaryLine = %q, want %q", got, tt.want)
		}
	}
}

func TestProgressLine(t *testing.T) {
	if got, want := progressLine(1200, 1, 3400*time.Millisecond), "scopels: 1200 files checked, 1 finding so far (3s)"; got != want {
		t.Errorf("progressLine = %q, want %q", got, want)
	}
}

func TestNoProgressOrSummaryOffTerminal(t *testing.T) {
	if stderrIsTerminal(&bytes.Buffer{}) {
		t.Error("a buffer is not a terminal")
	}
	f, err := os.CreateTemp(t.TempDir(), "stderr")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if stderrIsTerminal(f) {
		t.Error("a regular file is not a terminal")
	}
	c := &checker{tty: false}
	stop := c.startProgress(time.Now())
	stop() // returns at once, writes nothing (c.io.stderr is nil)
}
