package checks_test

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/analysistest"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// A mutation turns one scope token of a clean file into a classic mistake.
// It returns the edit that makes the mistake and the check that must catch
// it, or ok=false when the mistake cannot be made on this token.
type mutation struct {
	class  string
	mutate func(m *mutationSite) (edit analysis.Edit, code string, ok bool)
}

// mutationSite is one token of a clean file, with what the engine knows
// of it.
type mutationSite struct {
	src []byte
	cat *catalog.Catalog
	set *analysis.ScopeSet
	i   int
	tok analysis.Token
	res analysis.Resolution
}

// replaceWith returns an edit replacing the token with text, or false when
// text is itself a scope of the provider (then it is no mistake).
func (m *mutationSite) replaceWith(text string) (analysis.Edit, bool) {
	if text == m.tok.Text || analysis.Resolve(m.cat, m.set.Provider, text).Kind != analysis.MatchNone {
		return analysis.Edit{}, false
	}
	if len(m.cat.Owners(text)) > 0 || len(m.cat.OwnersFold(text)) > 0 {
		return analysis.Edit{}, false // a scope of another provider
	}
	enc, ok := m.tok.Lit.Encode(text)
	return analysis.Edit{Span: m.tok.Span, NewText: enc}, ok
}

// namePart returns the offsets of the part of the token after any
// provider prefix, where typos are made.
func (m *mutationSite) namePart() (int, int) {
	t := m.tok.Text
	start := 0
	for _, pre := range m.set.Provider.Prefixes {
		if strings.HasPrefix(t, pre) && len(pre) > start {
			start = len(pre)
		}
	}
	return start, len(t)
}

var mutations = []mutation{
	{"typo", func(m *mutationSite) (analysis.Edit, string, bool) {
		start, end := m.namePart()
		t := []byte(m.tok.Text)
		// Replace one letter in the middle of the name with its neighbour
		// in the alphabet, keeping case.
		for _, pos := range []int{start + (end-start)/2, start + (end-start)/2 + 1, start + 1} {
			if pos <= start || pos >= end-1 || !unicode.IsLetter(rune(t[pos])) {
				continue
			}
			c := t[pos]
			if c == 'z' || c == 'Z' {
				c--
			} else {
				c++
			}
			mut := string(t[:pos]) + string(c) + string(t[pos+1:])
			if e, ok := m.replaceWith(mut); ok {
				return e, "unknown-scope", true
			}
		}
		return analysis.Edit{}, "", false
	}},
	{"swap", func(m *mutationSite) (analysis.Edit, string, bool) {
		start, end := m.namePart()
		t := []byte(m.tok.Text)
		for pos := start + (end-start)/2; pos+1 < end; pos++ {
			if t[pos] == t[pos+1] || !unicode.IsLetter(rune(t[pos])) || !unicode.IsLetter(rune(t[pos+1])) {
				continue
			}
			mut := string(t[:pos]) + string(t[pos+1]) + string(t[pos]) + string(t[pos+2:])
			if e, ok := m.replaceWith(mut); ok {
				return e, "unknown-scope", true
			}
			break
		}
		return analysis.Edit{}, "", false
	}},
	{"case", func(m *mutationSite) (analysis.Edit, string, bool) {
		start, end := m.namePart()
		t := m.tok.Text
		for pos := start; pos < end; pos++ {
			c := t[pos]
			var swapped byte
			switch {
			case 'a' <= c && c <= 'z':
				swapped = c - 'a' + 'A'
			case 'A' <= c && c <= 'Z':
				swapped = c - 'A' + 'a'
			default:
				continue
			}
			mut := t[:pos] + string(swapped) + t[pos+1:]
			if analysis.Resolve(m.cat, m.set.Provider, mut).Kind != analysis.MatchFold {
				return analysis.Edit{}, "", false
			}
			enc, ok := m.tok.Lit.Encode(mut)
			return analysis.Edit{Span: m.tok.Span, NewText: enc}, "wrong-case", ok
		}
		return analysis.Edit{}, "", false
	}},
	{"prefix", func(m *mutationSite) (analysis.Edit, string, bool) {
		p := m.set.Provider
		if !p.PrefixRequired || m.set.AllowShort {
			return analysis.Edit{}, "", false
		}
		for _, pre := range p.Prefixes {
			if strings.HasPrefix(m.tok.Text, pre) && len(m.tok.Text) > len(pre) {
				short := m.tok.Text[len(pre):]
				if analysis.Resolve(m.cat, p, short).Kind != analysis.MatchShort {
					return analysis.Edit{}, "", false
				}
				enc, ok := m.tok.Lit.Encode(short)
				return analysis.Edit{Span: m.tok.Span, NewText: enc}, "missing-prefix", ok
			}
		}
		return analysis.Edit{}, "", false
	}},
	{"deprecated", func(m *mutationSite) (analysis.Edit, string, bool) {
		// A deprecated scope whose only replacement is this token.
		p := m.set.Provider
		for _, s := range p.Scopes {
			if s.Deprecated && len(s.ReplacedBy) == 1 && s.ReplacedBy[0] == m.res.Canonical {
				enc, ok := m.tok.Lit.Encode(s.Name)
				return analysis.Edit{Span: m.tok.Span, NewText: enc}, "deprecated-scope", ok
			}
		}
		return analysis.Edit{}, "", false
	}},
}

// delimiterMutation rewrites the separators of a literal with two or more
// scopes to the delimiter the context does not want.
func delimiterMutation(set *analysis.ScopeSet, lit *extract.Literal) ([]analysis.Edit, bool) {
	var wrong string
	switch set.Want {
	case catalog.DelimSpace:
		if set.Provider.AcceptsComma || set.AcceptComma {
			wrong = ";"
		} else {
			wrong = ","
		}
	case catalog.DelimComma:
		if set.AcceptSpace || set.Provider.AcceptsSpace {
			wrong = ";"
		} else {
			wrong = " "
		}
	default:
		return nil, false
	}
	// Only strings made of scopes the provider knows exactly.
	for i, t := range set.Tokens {
		if t.Lit == lit && set.Resolutions[i].Kind != analysis.MatchExact {
			return nil, false
		}
	}
	// Only literals written with the delimiter the context wants (where
	// two are accepted, no single mistake is defined).
	want := map[catalog.Delimiter]string{catalog.DelimSpace: "space", catalog.DelimComma: "comma"}[set.Want]
	var seps []analysis.Sep
	for _, sep := range set.Seps {
		if sep.Lit != lit || sep.Start == 0 || sep.End == len(lit.Value) {
			continue
		}
		if analysis.SepKind(sep.Text) != want {
			return nil, false
		}
		seps = append(seps, sep)
	}
	// Every separator of a two-scope string; the first one of a longer
	// string, whose other separators show the style the fix should keep.
	if len(seps) > 1 {
		seps = seps[:1]
	}
	var edits []analysis.Edit
	for _, sep := range seps {
		enc, ok := lit.Encode(wrong)
		if !ok {
			return nil, false
		}
		edits = append(edits, analysis.Edit{Span: sep.Span, NewText: enc})
	}
	return edits, len(edits) > 0
}

// tally counts caught mutations and restoring fixes for one class and
// format.
type tally struct{ total, caught, restored int }

// TestMutations applies one classic mistake at a time to every scope of
// the clean fixtures and checks that it is reported on the right span with
// a preferred fix that restores the original text exactly.
func TestMutations(t *testing.T) {
	var archives []string
	filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".txtar") {
			archives = append(archives, path)
		}
		return nil
	})
	byClass := map[string]*tally{}
	byFormat := map[string]*tally{}
	var misses []string
	count := func(class string, format extract.Format, caught, restored bool) {
		for _, kv := range []struct {
			m   map[string]*tally
			key string
		}{{byClass, class}, {byFormat, string(format)}} {
			c := kv.m[kv.key]
			if c == nil {
				c = &tally{}
				kv.m[kv.key] = c
			}
			c.total++
			if caught {
				c.caught++
			}
			if restored {
				c.restored++
			}
		}
	}
	for _, path := range archives {
		ar, err := analysistest.LoadArchive(path)
		if err != nil {
			t.Fatal(err)
		}
		if len(ar.Want) > 0 || ar.Checks != nil {
			continue // only clean fixtures that run every check
		}
		dir := t.TempDir()
		if err := ar.WriteFiles(dir); err != nil {
			t.Fatal(err)
		}
		for _, f := range ar.Inputs() {
			abs := filepath.Join(dir, filepath.FromSlash(f.Name))
			cfg, err := analysistest.ConfigFor(abs, dir)
			if err != nil {
				t.Fatal(err)
			}
			file := &analysis.File{Path: abs, Src: f.Data, Format: ar.Format}
			res := analysis.Analyze(file, checks.All(), cfg)
			cat := project.CatalogOf(cfg)
			for _, set := range res.Sets {
				if set.Provider == nil {
					continue
				}
				for i, tok := range set.Tokens {
					r := set.Resolutions[i]
					if r.Kind != analysis.MatchExact || tok.Lit.Partial {
						continue
					}
					site := &mutationSite{src: f.Data, cat: cat, set: set, i: i, tok: tok, res: r}
					for _, mu := range mutations {
						edit, code, ok := mu.mutate(site)
						if !ok {
							continue
						}
						caught, restored := checkMutation(file, cfg, []analysis.Edit{edit}, code, edit.Span.Start)
						count(mu.class, res.Format, caught, restored)
						if !caught || !restored {
							misses = append(misses, fmt.Sprintf("%s %s: %s %q -> %q (caught %v, restored %v)", path, f.Name, mu.class, tok.Text, edit.NewText, caught, restored))
						}
					}
				}
				for _, lit := range set.Literals {
					if lit.Partial {
						continue
					}
					edits, ok := delimiterMutation(set, lit)
					if !ok {
						continue
					}
					caught, restored := checkMutation(file, cfg, edits, "wrong-delimiter", lit.Span.Start)
					count("delimiter", res.Format, caught, restored)
					if !caught || !restored {
						misses = append(misses, fmt.Sprintf("%s %s: delimiter in %q (caught %v, restored %v)", path, f.Name, lit.Value, caught, restored))
					}
				}
			}
		}
	}
	report := func(name string, m map[string]*tally) {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			c := m[k]
			t.Logf("%-10s %-12s %4d mutations  recall %5.1f%%  fixes restoring %5.1f%%", name, k, c.total,
				100*float64(c.caught)/float64(c.total), 100*float64(c.restored)/float64(c.total))
		}
	}
	report("class", byClass)
	report("format", byFormat)
	for _, m := range misses {
		t.Log("miss: " + m)
	}
	if len(byClass) == 0 {
		t.Skip("no clean fixtures to mutate")
	}
	for k, c := range byClass {
		if c.total == 0 {
			continue
		}
		if r := float64(c.caught) / float64(c.total); r < 0.98 {
			t.Errorf("class %s: recall %.1f%% < 98%%", k, 100*r)
		}
		if r := float64(c.restored) / float64(c.total); r < 0.98 {
			t.Errorf("class %s: restoring fixes %.1f%% < 98%%", k, 100*r)
		}
	}
}

// checkMutation applies edits to the file, analyzes the result and reports
// whether a diagnostic with code starts where the mistake is, and whether
// its preferred fix gives the original text back.
func checkMutation(file *analysis.File, cfg *project.Config, edits []analysis.Edit, code string, at int) (caught, restored bool) {
	mutated, err := analysis.ApplyFixes(file.Src, edits)
	if err != nil {
		return false, false
	}
	// The mistake's position in the mutated text.
	shift := 0
	for _, e := range edits {
		if e.Span.Start < at {
			shift += len(e.NewText) - e.Span.Len()
		}
	}
	pos := at + shift
	res := analysis.Analyze(&analysis.File{Path: file.Path, Src: mutated, Format: file.Format}, checks.All(), cfg)
	for _, d := range res.Diagnostics {
		if d.Code != code || d.Span.Start != pos {
			continue
		}
		caught = true
		if f := d.PreferredFix(); f != nil {
			fixed, err := analysis.ApplyFixes(mutated, f.Edits)
			if err == nil && string(fixed) == string(file.Src) {
				return true, true
			}
		}
	}
	return caught, false
}
