package project

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/scopels/scopels/catalog"
)

// The fuzzed project files are taken to live at these paths; nothing is
// read from or written to them.
const (
	fuzzOuter = "/fuzz-ws/.scopels.yaml"
	fuzzInner = "/fuzz-ws/sub/.scopels.yaml"
)

// projectFuzzSeeds returns the project files of this package's testdata,
// of the check fixtures and of the demo.
func projectFuzzSeeds(tb testing.TB) []string {
	tb.Helper()
	var out []string
	for _, pattern := range []string{
		filepath.Join("testdata", "*.yaml"),
		filepath.Join("testdata", "tree", "*", ".scopels.yaml"),
		filepath.Join("testdata", "tree", ".scopels.yaml"),
		filepath.Join("..", "examples", ".scopels.yaml"),
	} {
		names, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, n := range names {
			data, err := os.ReadFile(n)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, string(data))
		}
	}
	// Project files inside the check fixtures (txtar sections).
	archives, _ := filepath.Glob(filepath.Join("..", "analysis", "checks", "testdata", "*", "*.txtar"))
	for _, a := range archives {
		data, err := os.ReadFile(a)
		if err != nil {
			tb.Fatal(err)
		}
		parts := strings.Split(string(data), "\n-- ")
		for _, p := range parts[1:] {
			header, body, ok := strings.Cut(p, " --\n")
			if ok && strings.HasSuffix(header, FileName) {
				out = append(out, body)
			}
		}
	}
	if len(out) < 3 {
		tb.Fatalf("found only %d seed project files", len(out))
	}
	return out
}

// FuzzProjectFiles parses two project files (an outer one and one nested
// below it), merges them and asks the Config about a path. It checks that
// nothing panics, every error position is consistent and inside its file,
// and that no glob of a project file, whatever it says (`..`, absolute
// paths, braces), makes a path outside the project file's folder match.
func FuzzProjectFiles(f *testing.F) {
	seeds := projectFuzzSeeds(f)
	for i, s := range seeds {
		f.Add(s, seeds[(i+1)%len(seeds)], "mobile/app/login.js")
	}
	f.Add("ignore: [\"../**\", \"/etc/**\", \"**\"]\npaths: {\"../x/**\": [google], \"/**\": [github]}\n", "", "x/y.go")
	f.Add("clients: {c: {provider: google, paths: [\"{..,a}/**\"]}}\n", "ignore: [\"*/../../**\"]\n", "../out.go")
	// A small base catalog keeps a merge cheap, so the fuzzer runs (and
	// minimizes) fast; which providers exist only changes which references
	// are errors.
	def := catalog.Default()
	var ps []*catalog.Provider
	for _, name := range []string{"github", "slack", "shopify", "oidc"} {
		if p := def.Provider(name); p != nil {
			ps = append(ps, p)
		}
	}
	base := catalog.New(ps)
	f.Fuzz(func(t *testing.T, outer, inner, probe string) {
		fo, errs := Parse(fuzzOuter, []byte(outer))
		checkErrorPositions(t, outer, errs)
		fi, errs := Parse(fuzzInner, []byte(inner))
		checkErrorPositions(t, inner, errs)
		if fo == nil || fi == nil {
			t.Fatalf("Parse returned no file (outer %v, inner %v)", fo == nil, fi == nil)
		}
		cfg := BuildWith([]*File{fo, fi}, base)
		for _, e := range cfg.Errors {
			switch e.Path {
			case fuzzOuter:
				checkErrorPositions(t, outer, []*Error{e})
			case fuzzInner:
				checkErrorPositions(t, inner, []*Error{e})
			default:
				t.Fatalf("merge error in an unknown file %q: %v", e.Path, e)
			}
		}
		_ = cfg.Catalog.Providers()

		probe = strings.ReplaceAll(probe, "\x00", "")
		inside := filepath.Join("/fuzz-ws", probe)
		cfg.ProvidersFor(inside)
		cfg.ClientsFor(inside)
		cfg.Ignored(inside)
		for _, s := range cfg.Strict {
			if !cfg.IsStrict(s) {
				t.Fatalf("strict name %q is not strict", s)
			}
		}
		// A path outside the workspace folder is never matched.
		if outside := filepath.Join("/elsewhere", probe); !strings.HasPrefix(outside, "/fuzz-ws/") {
			if ps := cfg.ProvidersFor(outside); len(ps) > 0 {
				t.Fatalf("paths maps %s, outside the project, to %v", outside, ps)
			}
			if cs := cfg.ClientsFor(outside); len(cs) > 0 {
				t.Fatalf("client %s applies to %s, outside the project", cs[0].Name, outside)
			}
			if cfg.Ignored(outside) {
				t.Fatalf("ignore matches %s, outside the project", outside)
			}
		}
		// Nor is a sibling of the nested file's folder by its globs.
		sibling := filepath.Join("/fuzz-ws/other", probe)
		if !strings.HasPrefix(sibling, "/fuzz-ws/sub/") && filepath.Clean(sibling) != "/fuzz-ws/sub" {
			inner := BuildWith([]*File{fi}, base)
			if ps := inner.ProvidersFor(sibling); len(ps) > 0 {
				t.Fatalf("the nested file's paths map %s, outside its folder, to %v", sibling, ps)
			}
			if inner.Ignored(sibling) {
				t.Fatalf("the nested file's ignore matches %s, outside its folder", sibling)
			}
		}
	})
}
