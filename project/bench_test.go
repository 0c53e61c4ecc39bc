package project

import (
	"path/filepath"
	"testing"
)

func BenchmarkParse(b *testing.B) {
	data := readFile(nil, "full.yaml")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		Parse("full.yaml", data)
	}
}

// BenchmarkLoaderFor measures a cached lookup, as the language server does
// on every change of a document.
func BenchmarkLoaderFor(b *testing.B) {
	root, _ := filepath.Abs("testdata/tree")
	l := &Loader{Roots: []string{root}, Base: testBase()}
	path := filepath.Join(root, "mobile", "app", "main.go")
	if cfg, errs := l.For(path); cfg == nil || len(errs) > 0 {
		b.Fatal(cfg, errs)
	}
	for b.Loop() {
		l.For(path)
	}
}

func BenchmarkProvidersFor(b *testing.B) {
	root, _ := filepath.Abs("testdata/tree")
	cfg, _ := (&Loader{Roots: []string{root}, Base: testBase()}).For(filepath.Join(root, "mobile", "x.go"))
	path := filepath.Join(root, "mobile", "legacy", "a", "b.go")
	for b.Loop() {
		cfg.ProvidersFor(path)
		cfg.ClientFor(path)
		cfg.Ignored(path)
	}
}
