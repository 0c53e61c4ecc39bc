package analysis

import (
	"bytes"
	"fmt"
	"os"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// engine holds the per-file state of one Analyze call.
type engine struct {
	file           *File
	format         extract.Format
	cat            *catalog.Catalog
	cfg            *project.Config
	pathProviders  []string
	clientProvider string
	fe             *fileEvidence
}

func (e *engine) fileEvidence() *fileEvidence {
	if e.fe == nil {
		e.fe = collectFileEvidence(e.file.Src, e.cat)
	}
	return e.fe
}

// Analyze extracts the scope sets of file, infers their providers and runs
// analyzers over them. cfg may be nil (no project file). Severities set in
// cfg override the analyzers' defaults; a check set to "off" does not run.
// Diagnostics are sorted by position, then code. A panic in a check is
// recovered and reported on stderr naming the file; the other checks still
// run.
func Analyze(file *File, analyzers []*Analyzer, cfg *project.Config) *Result {
	format := file.Format
	if format == "" {
		format = extract.FormatOf(file.Path)
	}
	res := &Result{File: file, Format: format, Lines: NewLineIndex(file.Src)}
	if format == extract.FormatUnknown || !mayHaveScopes(file.Src, cfg) {
		return res
	}
	e := &engine{file: file, format: format, cat: project.CatalogOf(cfg), cfg: cfg}
	if cfg != nil {
		e.pathProviders = cfg.ProvidersFor(file.Path)
		if c := cfg.ClientFor(file.Path); c != nil {
			e.clientProvider = c.Provider
		}
	}
	lits := extract.Extract(format, file.Src)
	res.Sets = e.buildSets(lits)
	if len(res.Sets) == 0 {
		return res
	}
	var diags []Diagnostic
	for _, a := range analyzers {
		var override Severity
		if cfg != nil {
			if s, ok := cfg.Severity[a.Code]; ok {
				if s == "off" {
					continue
				}
				override, _ = ParseSeverity(s)
			}
		}
		pass := &Pass{Analyzer: a, File: file, Catalog: e.cat, Config: cfg, Sets: res.Sets}
		pass.Report = func(d Diagnostic) {
			if d.Code == "" {
				d.Code = a.Code
			}
			switch {
			case override != 0:
				d.Severity = override
			case d.Severity == 0:
				d.Severity = a.Severity
			}
			diags = append(diags, d)
		}
		runAnalyzer(a, pass)
	}
	diags = suppress(file.Src, res.Lines, diags)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i], diags[j]
		if a.Span.Start != b.Span.Start {
			return a.Span.Start < b.Span.Start
		}
		return a.Code < b.Code
	})
	res.Diagnostics = diags
	return res
}

// runAnalyzer runs one check, turning a panic into a message on stderr.
func runAnalyzer(a *Analyzer, pass *Pass) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "scopels: check %s panicked on %s: %v\n%s", a.Code, pass.File.Path, r, debug.Stack())
		}
	}()
	a.Run(pass)
}

// Run returns the diagnostics of Analyze.
func Run(file *File, analyzers []*Analyzer, cfg *project.Config) []Diagnostic {
	return Analyze(file, analyzers, cfg).Diagnostics
}

// mayHaveScopes is the cheap prefilter: a file with neither the word
// "scope" (any case) nor a scope-only shape nor a strict context name has
// nothing to check.
func mayHaveScopes(src []byte, cfg *project.Config) bool {
	for _, w := range [][]byte{[]byte("cope"), []byte("COPE")} {
		for off := 0; off < len(src); {
			i := bytes.Index(src[off:], w)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && (src[i-1] == 's' || src[i-1] == 'S') {
				return true
			}
			off = i + 1
		}
	}
	if bytes.Contains(src, []byte("googleapis.com/auth/")) || bytes.Contains(src, []byte("graph.microsoft")) ||
		bytes.Contains(src, []byte("/.default")) {
		return true
	}
	if cfg != nil {
		for _, s := range cfg.Strict {
			if s != "" && bytes.Contains(src, []byte(s)) {
				return true
			}
		}
		for _, f := range cfg.Files {
			for _, p := range f.Providers {
				if p.Prefix != "" && bytes.Contains(src, []byte(p.Prefix)) {
					return true
				}
			}
		}
	}
	return false
}

// buildSets turns the file's literals into scope sets: literals in scope
// contexts (grouped by list), and literals whose every token has a
// scope-only shape.
func (e *engine) buildSets(lits []extract.Literal) []*ScopeSet {
	var sets []*ScopeSet
	byList := map[int]*ScopeSet{}
	var strictFn func(string) bool
	if e.cfg != nil {
		strictFn = e.cfg.IsStrict
	}
	for i := range lits {
		l := &lits[i]
		ctx, nonOAuth := scopeContext(l)
		if nonOAuth {
			continue
		}
		strict := isStrict(l, strictFn)
		if ctx == "" && !strict && !e.shapeOnly(l) {
			continue
		}
		if ctx == "" && strict {
			ctx = l.Key
		}
		var set *ScopeSet
		if l.List != 0 && !l.URL {
			set = byList[l.List]
		}
		if set == nil {
			set = &ScopeSet{Context: ctx, Strict: strict, InURL: l.URL}
			sets = append(sets, set)
			if l.List != 0 && !l.URL {
				byList[l.List] = set
			}
		}
		set.Literals = append(set.Literals, l)
		toks, seps := tokenize(l)
		set.Tokens = append(set.Tokens, toks...)
		set.Seps = append(set.Seps, seps...)
	}
	out := sets[:0]
	for _, s := range sets {
		if len(s.Tokens) == 0 || allNonOAuthValues(s) {
			continue
		}
		e.inferProvider(s)
		e.applyContextRules(s)
		s.Resolutions = make([]Resolution, len(s.Tokens))
		for i, t := range s.Tokens {
			s.Resolutions[i] = Resolve(e.cat, s.Provider, t.Text)
		}
		out = append(out, s)
	}
	return out
}

// shapeOnly reports whether every token of lit has a scope-only shape, so
// that the literal is a scope wherever it stands.
func (e *engine) shapeOnly(l *extract.Literal) bool {
	v := strings.TrimSpace(l.Value)
	if v == "" || len(v) > 2000 {
		return false
	}
	toks, _ := tokenize(l)
	if len(toks) == 0 || len(toks) > 8 {
		return false
	}
	for _, t := range toks {
		owner := shapeOwner(e.cat, t.Text)
		if owner == "" {
			return false
		}
		p := e.cat.Provider(owner)
		_, rest := splitPrefix(p, t.Text)
		if strings.ContainsAny(rest, "/?#=&") && !strings.HasSuffix(t.Text, "/.default") {
			return false // an API URL (graph.microsoft.com/v1.0/me), not a scope
		}
	}
	return true
}

// allNonOAuthValues reports whether every token of s is a word that
// non-OAuth "scope" settings hold (Namespaced, prototype, test, ...).
func allNonOAuthValues(s *ScopeSet) bool {
	for _, t := range s.Tokens {
		if !nonOAuthValues[strings.ToLower(t.Text)] {
			return false
		}
	}
	return true
}

// applyContextRules sets the delimiter a set wants and what its context
// tolerates, from the provider and the way the file's tools read it.
func (e *engine) applyContextRules(s *ScopeSet) {
	if s.Provider == nil {
		return
	}
	s.Want = s.Provider.Delimiter
	l := s.Literals[0]
	for _, t := range s.Tokens {
		if t.Text == "openid" && s.Provider.Name == "slack" {
			s.Want = catalog.DelimSpace // Sign in with Slack is plain OIDC
		}
	}
	switch e.format {
	case extract.FormatEnv, extract.FormatShell:
		// The program reading the variable splits it; a comma list is the
		// usual form there.
		s.AcceptComma = true
	case extract.FormatYAML, extract.FormatProperties:
		if containsFold(l.Path, "registration") {
			// Spring Security binds scope to a comma-separated set.
			s.Want = catalog.DelimComma
			s.AcceptComma = true
		} else if e.format == extract.FormatProperties {
			s.AcceptComma = true
		}
	case extract.FormatRuby:
		if l.Call == "provider" {
			// OmniAuth strategies take a comma list and expand short names.
			s.AcceptComma = true
			s.AllowShort = true
		}
	}
	if l.Key == "scopes" && e.format == extract.FormatShell {
		s.Want = catalog.DelimComma // gcloud --scopes=a,b
	}
}

func containsFold(path []string, w string) bool {
	for _, p := range path {
		if strings.EqualFold(p, w) {
			return true
		}
	}
	return false
}
