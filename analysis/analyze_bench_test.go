package analysis_test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/internal/corpus"
	"github.com/scopels/scopels/lsp/lsptest"
)

// Benchmarks of the whole engine (extraction, provider inference, every
// check) on one core. MB/s is the budget's figure: DESIGN §8 asks for at
// least 200 MB/s on mixed real source.

var (
	mixedOnce  sync.Once
	mixedFiles []*analysis.File
	mixedOAuth []*analysis.File
	mixedFill  []*analysis.File
)

// mixedCorpus returns the files of corpus.Default, all of them, the OAuth
// ones and the filler.
func mixedCorpus() (all, oauth, filler []*analysis.File) {
	mixedOnce.Do(func() {
		for _, f := range corpus.Generate(corpus.Default) {
			af := &analysis.File{Path: "/corpus/" + f.Path, Src: f.Src}
			mixedFiles = append(mixedFiles, af)
			if f.OAuth {
				mixedOAuth = append(mixedOAuth, af)
			} else {
				mixedFill = append(mixedFill, af)
			}
		}
	})
	return mixedFiles, mixedOAuth, mixedFill
}

// benchAnalyze analyzes files once per iteration and reports MB/s and the
// number of diagnostics.
func benchAnalyze(b *testing.B, files []*analysis.File) {
	analyzers := checks.All()
	var size int64
	for _, f := range files {
		size += int64(len(f.Src))
	}
	// The catalog and its indexes are built on first use: not per file.
	analysis.Analyze(files[0], analyzers, nil)
	b.SetBytes(size)
	b.ReportAllocs()
	diags := 0
	for b.Loop() {
		diags = 0
		for _, f := range files {
			diags += len(analysis.Analyze(f, analyzers, nil).Diagnostics)
		}
	}
	b.ReportMetric(float64(diags), "diagnostics")
}

// BenchmarkAnalyzeMixed analyzes the mixed corpus: 300 files shaped like
// OAuth code among 3,000.
func BenchmarkAnalyzeMixed(b *testing.B) {
	all, oauth, filler := mixedCorpus()
	b.Run("all", func(b *testing.B) { benchAnalyze(b, all) })
	b.Run("oauth-files", func(b *testing.B) { benchAnalyze(b, oauth) })
	b.Run("filler", func(b *testing.B) { benchAnalyze(b, filler) })
}

// BenchmarkAnalyzeWorstCase analyzes a 1 MB file that is almost all scope
// literals, one per format.
func BenchmarkAnalyzeWorstCase(b *testing.B) {
	for _, ext := range corpus.WorstFormats {
		src := corpus.WorstCase(ext, 1<<20)
		f := &analysis.File{Path: "/corpus/worst." + ext, Src: src}
		b.Run(ext, func(b *testing.B) { benchAnalyze(b, []*analysis.File{f}) })
	}
}

// BenchmarkAnalyzeLSPDocument analyzes the documents of the language
// server's didChange benchmarks (lsptest.Synthetic): the engine's share of
// a keystroke's round trip.
func BenchmarkAnalyzeLSPDocument(b *testing.B) {
	for _, tc := range []struct {
		name        string
		lines, size int
	}{{"2000-lines", 2000, 0}, {"1MB", 0, 1 << 20}} {
		f := &analysis.File{Path: "/tmp/scopels-bench/server.go", Src: []byte(lsptest.Synthetic(tc.lines, tc.size))}
		b.Run(tc.name, func(b *testing.B) { benchAnalyze(b, []*analysis.File{f}) })
	}
}

// BenchmarkExtractMixed runs only the extractors over the mixed corpus,
// format by format: the share of the engine's time that is lexing.
func BenchmarkExtractMixed(b *testing.B) {
	all, _, _ := mixedCorpus()
	byFormat := map[extract.Format][]*analysis.File{}
	var formats []extract.Format
	for _, f := range all {
		format := extract.FormatOf(f.Path)
		if byFormat[format] == nil {
			formats = append(formats, format)
		}
		byFormat[format] = append(byFormat[format], f)
	}
	for _, format := range formats {
		files := byFormat[format]
		b.Run(fmt.Sprint(format), func(b *testing.B) {
			var size int64
			for _, f := range files {
				size += int64(len(f.Src))
			}
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					extract.Extract(format, f.Src)
				}
			}
		})
	}
}
