// Package corpus generates the benchmark corpus of scopels: source and
// configuration files shaped like real OAuth code in every format scopels
// reads, mixed with scope-free filler at a realistic density, and the
// worst case of a file that is almost all scope literals.
//
// The output depends only on the seed: the same Options give the same
// files, byte for byte, on every machine and Go version (math/rand/v2's
// PCG generator is specified).
package corpus

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
)

// File is one generated file.
type File struct {
	// Path is slash-separated and relative to the corpus root.
	Path string
	// Src is the file's content.
	Src []byte
	// OAuth is true for the files shaped like OAuth code (they hold scope
	// literals); false for filler.
	OAuth bool
}

// Options size a corpus.
type Options struct {
	// Seed selects the corpus; the same seed gives the same files.
	Seed uint64
	// OAuth is the number of files shaped like OAuth code. Each is mostly
	// ordinary code with one or two OAuth blocks.
	OAuth int
	// Filler is the number of files without OAuth scopes. About one in
	// ten of them uses the word "scope" in a non-OAuth sense (CSS scoped
	// styles, Kubernetes CRDs, DI annotations, prose), as real trees do.
	Filler int
	// Mistakes is the share (0 to 1) of OAuth files with a misspelt,
	// repeated or wrongly delimited scope.
	Mistakes float64
}

// Default is the corpus bench/run.sh and the Go benchmarks use: 300 OAuth
// files among 3,000, about 10 MB.
var Default = Options{Seed: 7, OAuth: 300, Filler: 2700, Mistakes: 0.15}

// Generate returns the files of the corpus o describes, OAuth files and
// filler interleaved in a fixed order.
func Generate(o Options) []File {
	r := rand.New(rand.NewPCG(o.Seed, 0x5c0e15))
	total := o.OAuth + o.Filler
	files := make([]File, 0, total)
	oauthLeft, fillerLeft := o.OAuth, o.Filler
	for i := 0; i < total; i++ {
		// Spread the OAuth files evenly through the corpus.
		oauth := oauthLeft > 0 && (fillerLeft == 0 || r.IntN(oauthLeft+fillerLeft) < oauthLeft)
		g := &gen{r: r}
		var dir, base string
		if oauth {
			oauthLeft--
			dir, base = g.oauthFile(r.Float64() < o.Mistakes)
		} else {
			fillerLeft--
			dir, base = g.fillerFile()
		}
		files = append(files, File{
			Path:  fmt.Sprintf("%s/%03d/%04d-%s", dir, i/100, i, base),
			Src:   g.take(),
			OAuth: oauth,
		})
	}
	return files
}

// Size returns the total size of files in bytes.
func Size(files []File) int64 {
	var n int64
	for _, f := range files {
		n += int64(len(f.Src))
	}
	return n
}

// Write writes files under dir, creating folders as needed.
func Write(dir string, files []File) error {
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
		if err := os.WriteFile(p, f.Src, 0o644); err != nil {
			return fmt.Errorf("corpus: %w", err)
		}
	}
	return nil
}

// gen builds one file.
type gen struct {
	r *rand.Rand
	b bytes.Buffer
}

// pick returns a random element of xs.
func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// between returns a random integer in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// printf appends to the file being built.
func (g *gen) printf(format string, args ...any) { fmt.Fprintf(&g.b, format, args...) }

// take returns the bytes built so far and resets the buffer.
func (g *gen) take() []byte {
	out := bytes.Clone(g.b.Bytes())
	g.b.Reset()
	return out
}
