// Command gen turns the catalog sources (one JSON file per provider, in the
// shapes the research produced) into catalog/data/<provider>.json, one
// normalized shape: the JSON of catalog.Provider. It cleans hosts and code
// signals, marks broad and popular scopes, and writes a short description
// for every scope by rule, in our own words.
//
// The shared sources are read-only facts kept outside this repository; the
// repo-local supplement (supplement/<provider>.json, embedded in the
// generator) adds scopes they lack, each with its provenance. It is merged
// after the shared sources and may never restate a shared scope.
//
// Usage (from catalog/, via go generate):
//
//	go run ./internal/gen -src ../../shared/catalog-sources -out data
package main

import (
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

func main() {
	src := flag.String("src", "../../shared/catalog-sources", "folder of catalog source files")
	out := flag.String("out", "data", "folder to write the provider files to")
	supp := flag.String("supplement", "", "folder of supplement files (default: the ones built into the generator)")
	flag.Parse()
	var suppFS fs.FS
	if *supp != "" {
		suppFS = os.DirFS(*supp)
	} else {
		sub, err := fs.Sub(embeddedSupplement, "supplement")
		if err != nil {
			fmt.Fprintln(os.Stderr, "gen:", err)
			os.Exit(1)
		}
		suppFS = sub
	}
	if err := run(*src, *out, suppFS, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// run generates the catalog from srcDir, merged with the supplement files
// of supp (nil for none), into outDir, writing warnings and a summary to
// log.
func run(srcDir, outDir string, supp fs.FS, log io.Writer) error {
	srcs, err := readSources(srcDir)
	if err != nil {
		return err
	}
	supps, err := readSupplements(supp)
	if err != nil {
		return err
	}
	if err := mergeSupplements(srcs, supps); err != nil {
		return err
	}
	var ps []*outProvider
	for _, s := range srcs {
		p, err := build(s)
		if err != nil {
			return err
		}
		ps = append(ps, p)
	}
	if err := validate(ps); err != nil {
		return err
	}
	for _, u := range unusedOverrides(ps) {
		fmt.Fprintf(log, "gen: warning: description override for unknown scope %s\n", u)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", outDir, err)
	}
	// Remove files of providers that no longer exist.
	old, err := filepath.Glob(filepath.Join(outDir, "*.json"))
	if err != nil {
		return fmt.Errorf("listing %s: %w", outDir, err)
	}
	keep := map[string]bool{}
	for _, p := range ps {
		keep[filepath.Join(outDir, p.Name+".json")] = true
	}
	for _, f := range old {
		if !keep[f] {
			if err := os.Remove(f); err != nil {
				return fmt.Errorf("removing stale %s: %w", f, err)
			}
		}
	}
	scopes, deprecated, hidden := 0, 0, 0
	for _, p := range ps {
		if err := writeProvider(outDir, p); err != nil {
			return err
		}
		for _, s := range p.Scopes {
			scopes++
			if s.Deprecated {
				deprecated++
			}
			if s.Hidden {
				hidden++
			}
		}
	}
	supplemented := 0
	for _, sf := range supps {
		supplemented += len(sf.Scopes)
	}
	fmt.Fprintf(log, "gen: %d providers, %d scopes (%d deprecated, %d hidden; %d from the supplement) -> %s\n",
		len(ps), scopes, deprecated, hidden, supplemented, outDir)
	return nil
}
