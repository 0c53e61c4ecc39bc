package main

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/internal/corpus"
)

// Benchmarks of `scopels check` in-process, walk and all, on the
// generated corpus and on the Go source tree (bench/run.sh compares the
// same runs with ripgrep). MB/s counts the bytes of the files scopels
// reads (those of a format it knows).

// benchCheck runs check on dir once per iteration.
func benchCheck(b *testing.B, dir string) {
	size := checkedBytes(b, dir)
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		var out bytes.Buffer
		if code := Run([]string{"check", "--format", "json", dir}, strings.NewReader(""), &out, io.Discard); code > 1 {
			b.Fatalf("check exited %d", code)
		}
	}
}

// checkedBytes sums the sizes of the files under dir that check reads.
func checkedBytes(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && skippedDirs[d.Name()]:
			return filepath.SkipDir
		case !d.Type().IsRegular() || extract.FormatOf(d.Name()) == extract.FormatUnknown:
			return nil
		}
		if info, err := d.Info(); err == nil {
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

func BenchmarkCheckCorpus(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Generate(corpus.Default)); err != nil {
		b.Fatal(err)
	}
	benchCheck(b, dir)
}

// BenchmarkCheckGoRoot checks $(go env GOROOT)/src, the tree the issue's
// ripgrep comparison uses.
func BenchmarkCheckGoRoot(b *testing.B) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Skipf("go env GOROOT: %v", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "src")
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no Go source tree: %v", err)
	}
	benchCheck(b, dir)
}
