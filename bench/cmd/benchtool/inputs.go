package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scopels/scopels/internal/corpus"
	"github.com/scopels/scopels/lsp/lsptest"
)

// runInputs writes what the benchmarks read: the generated corpus
// (corpus/), and the two documents of the language-server measurements
// (lsp/lines2000.go and lsp/size1mb.go, Go files with Google scopes every
// 40 lines, the last of which the client edits).
func runInputs(args []string) error {
	fs := flag.NewFlagSet("inputs", flag.ContinueOnError)
	out := fs.String("out", "", "folder to write into")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("inputs: -out is required")
	}
	files := corpus.Generate(corpus.Default)
	if err := corpus.Write(filepath.Join(*out, "corpus"), files); err != nil {
		return err
	}
	lspDir := filepath.Join(*out, "lsp")
	if err := os.MkdirAll(lspDir, 0o755); err != nil {
		return fmt.Errorf("inputs: %w", err)
	}
	docs := map[string]string{
		"lines2000.go": lsptest.Synthetic(2000, 0),
		"size1mb.go":   lsptest.Synthetic(0, 1<<20),
	}
	for name, text := range docs {
		if err := os.WriteFile(filepath.Join(lspDir, name), []byte(text), 0o644); err != nil {
			return fmt.Errorf("inputs: %w", err)
		}
	}
	fmt.Printf("corpus: %d files, %.1f MB; marker %s\n", len(files), float64(corpus.Size(files))/(1<<20), lsptest.MarkerFixed)
	return nil
}
