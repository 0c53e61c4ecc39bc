package corpus

import (
	"bytes"
	"strings"
	"testing"

	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
)

func TestGenerateIsDeterministic(t *testing.T) {
	o := Options{Seed: 3, OAuth: 40, Filler: 60, Mistakes: 0.5}
	a, b := Generate(o), Generate(o)
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Src, b[i].Src) || a[i].OAuth != b[i].OAuth {
			t.Fatalf("file %d differs between runs: %s / %s", i, a[i].Path, b[i].Path)
		}
	}
	o.Seed = 4
	c := Generate(o)
	same := 0
	for i := range a {
		if bytes.Equal(a[i].Src, c[i].Src) {
			same++
		}
	}
	if same == len(a) {
		t.Error("another seed gave the same corpus")
	}
}

func TestGenerateShape(t *testing.T) {
	o := Options{Seed: 1, OAuth: 120, Filler: 480, Mistakes: 0.2}
	files := Generate(o)
	if len(files) != o.OAuth+o.Filler {
		t.Fatalf("%d files, want %d", len(files), o.OAuth+o.Filler)
	}
	paths := map[string]bool{}
	oauth := 0
	formats := map[extract.Format]bool{}
	for _, f := range files {
		if paths[f.Path] {
			t.Errorf("path %s twice", f.Path)
		}
		paths[f.Path] = true
		format := extract.FormatOf(f.Path)
		if format == extract.FormatUnknown {
			t.Errorf("%s: scopels does not read this file type", f.Path)
		}
		if f.OAuth {
			oauth++
			formats[format] = true
		}
		if len(f.Src) == 0 {
			t.Errorf("%s is empty", f.Path)
		}
	}
	if oauth != o.OAuth {
		t.Errorf("%d OAuth files, want %d", oauth, o.OAuth)
	}
	// 120 OAuth files cover every shape's format.
	for _, k := range oauthKinds {
		if f := extract.FormatOf("x." + k.ext); !formats[f] && k.base == "" {
			t.Errorf("no OAuth file of format %s", f)
		}
	}
}

// TestFillerHasNoOAuthScopes checks that filler files hold no provider
// scope URL and that only about one in ten uses the word "scope".
func TestFillerHasNoOAuthScopes(t *testing.T) {
	files := Generate(Options{Seed: 9, OAuth: 0, Filler: 1000})
	withWord := 0
	for _, f := range files {
		if f.OAuth {
			t.Fatalf("%s: OAuth file in a filler-only corpus", f.Path)
		}
		low := strings.ToLower(string(f.Src))
		if strings.Contains(low, "googleapis.com/auth") || strings.Contains(low, "graph.microsoft") {
			t.Errorf("%s: filler with a scope URL", f.Path)
		}
		if strings.Contains(low, "scope") {
			withWord++
		}
	}
	if withWord < 40 || withWord > 160 {
		t.Errorf("%d of 1000 filler files use the word scope, want about 100", withWord)
	}
}

// TestScopesAreInTheCatalog checks that the scopes the generator requests
// are catalog scopes of their provider, so that clean files are clean.
func TestScopesAreInTheCatalog(t *testing.T) {
	cat := catalog.Default()
	for _, p := range providers {
		for _, s := range p.scopes {
			if cat.Lookup(p.name, s) == nil {
				t.Errorf("%s: %q is not in the catalog", p.name, s)
			}
		}
	}
}

func TestTypo(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"repo", "reop"},
		{"read:user", "read:usre"},
		{"https://www.googleapis.com/auth/drive.file", "https://www.googleapis.com/auth/drive.fiel"},
		{"aa", "aas"},
	} {
		if got := typo(tc.in); got != tc.want {
			t.Errorf("typo(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWorstCase(t *testing.T) {
	for _, ext := range WorstFormats {
		src := WorstCase(ext, 64<<10)
		if len(src) < 64<<10 || len(src) > 66<<10 {
			t.Errorf("%s: %d bytes, want about 64 KiB", ext, len(src))
		}
		if !bytes.Equal(src, WorstCase(ext, 64<<10)) {
			t.Errorf("%s: not deterministic", ext)
		}
		lits := extract.Extract(extract.FormatOf("x."+ext), src)
		covered := 0
		for _, l := range lits {
			covered += l.Span.Len()
		}
		// Almost all scope literals: most of the bytes are literal content.
		if covered < len(src)/2 {
			t.Errorf("%s: literals cover %d of %d bytes", ext, covered, len(src))
		}
	}
}
