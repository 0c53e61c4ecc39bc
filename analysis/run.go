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
	words          map[string]string // identifier -> provider it names, see wordProvider
	records        map[int]bool      // list id -> in a token response, see tokenRecord
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
	if format == extract.FormatUnknown || !mayHaveScopes(file.Src, cfg) || cfg.Ignored(file.Path) {
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
	if hasScopeEvidence(src) {
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

// hasScopeEvidence reports whether src holds the word "scope" in any case,
// a Google scope URL or a Microsoft resource. Every needle but one has a
// 'p' or 'P', a letter rare enough in text that visiting each one (with
// IndexByte, which scans in wide words) and looking around it is one fast
// pass instead of one search per needle; "/.default" gets its own.
func hasScopeEvidence(src []byte) bool {
	for _, p := range [...]byte{'p', 'P'} {
		for off := 0; ; {
			i := bytes.IndexByte(src[off:], p)
			if i < 0 {
				break
			}
			i += off
			if i >= 3 && i+1 < len(src) && src[i-3]|0x20 == 's' && src[i-2]|0x20 == 'c' &&
				src[i-1]|0x20 == 'o' && src[i+1]|0x20 == 'e' {
				return true
			}
			if p == 'p' && (hasAt(src, i-7, "googleapis.com/auth/") || hasAt(src, i-3, "graph.microsoft")) {
				return true
			}
			off = i + 1
		}
	}
	return bytes.Contains(src, []byte("/.default"))
}

// hasAt reports whether src holds s at offset i.
func hasAt(src []byte, i int, s string) bool {
	return i >= 0 && len(src)-i >= len(s) && string(src[i:i+len(s)]) == s
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
		if l.Call == "Scope" && e.annotation(l) {
			ctx, nonOAuth = "", true // @Scope("prototype"): dependency injection
		}
		if ctx == "" && !nonOAuth && e.rustScopeNew(l) {
			ctx = "Scope::new"
		}
		strict := isStrict(l, strictFn)
		if nonOAuth || ctx == "" && !strict {
			// Outside scope contexts only a scope-only shape counts, and
			// it wins over a non-OAuth call of the same name (Android's
			// Scope("https://www.googleapis.com/auth/drive.file")).
			if !e.shapeOnly(l) {
				continue
			}
			ctx = ""
		}
		if ctx == "" && strict {
			ctx = l.Key
		}
		if !strict && !l.URL && isProse(l.Value) {
			continue // a sentence in a scope-named place: a description
		}
		if !strict && e.tokenRecord(l) {
			continue // what a token response or a stored grant says was granted
		}
		var set *ScopeSet
		if l.List != 0 && !l.URL {
			set = byList[l.List]
		}
		if set == nil {
			set = &ScopeSet{Context: ctx, Strict: strict, InURL: l.URL, Declaration: isDeclaration(l) || scopeConstant(l) || ctx == "" && namedConstant(l)}
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
		out = append(out, s)
	}
	e.shareFileProvider(out)
	for _, s := range out {
		e.applyContextRules(s)
		s.Resolutions = make([]Resolution, len(s.Tokens))
		for i, t := range s.Tokens {
			s.Resolutions[i] = Resolve(e.cat, s.Provider, t.Text)
		}
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
	// Every shape has a slash (a URL, a resource's /.default) or a custom
	// provider's prefix: most strings are rejected here.
	if !strings.Contains(v, "/") && !e.hasCustomPrefix(v) {
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
	format := e.format
	if l.Lang != "" {
		format = l.Lang
	}
	for _, t := range s.Tokens {
		if t.Text == "openid" && s.Provider.Name == "slack" {
			s.Want = catalog.DelimSpace // Sign in with Slack is plain OIDC
		}
	}
	switch format {
	case extract.FormatShell:
		if l.Key == "scopes" && !l.URL {
			// gcloud --scopes=a,b splits on commas only.
			s.Want = catalog.DelimComma
		} else if !l.URL {
			s.SoftComma = true
		}
	case extract.FormatYAML, extract.FormatProperties:
		if containsFold(l.Path, "registration") {
			// Spring Security binds scope to a comma-separated set.
			s.Want = catalog.DelimComma
		} else if format == extract.FormatProperties && !l.URL {
			// Java and .ini settings bind lists from comma-separated values
			// (Quarkus, Micronaut, Grafana).
			s.AcceptComma = true
		}
	case extract.FormatEnv:
		if !l.URL {
			s.SoftComma = true
		}
	case extract.FormatRuby:
		if l.Call == "provider" || l.Call == "omniauth" {
			// OmniAuth strategies take a comma list and expand short names.
			s.AcceptComma = true
			s.AllowShort = true
		}
	}
	if s.Provider.Custom || s.Strict {
		s.SoftComma = false // the project file says what the API wants
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

// rustScopeNew reports whether lit is the argument of the Rust oauth2
// crate's Scope::new("...") (possibly with .to_string() or .into()).
func (e *engine) rustScopeNew(l *extract.Literal) bool {
	if e.format != extract.FormatRust || l.Call != "new" {
		return false
	}
	i := l.Span.Start - len(l.Quote)
	for i > 0 && (e.file.Src[i-1] == ' ' || e.file.Src[i-1] == '\n' || e.file.Src[i-1] == '\t') {
		i--
	}
	return bytes.HasSuffix(e.file.Src[:max(i, 0)], []byte("Scope::new("))
}

// annotation reports whether lit is the argument of an annotation or
// attribute (@Scope("...") in Java and Kotlin, [Scope("...")] in C#).
func (e *engine) annotation(l *extract.Literal) bool {
	src := e.file.Src
	i := l.Span.Start - len(l.Quote)
	// Back over white space and the opening parenthesis, then the name.
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '(' || src[i-1] == '\n') {
		i--
	}
	for i > 0 && isIdentByte(src[i-1]) {
		i--
	}
	return i > 0 && (src[i-1] == '@' || src[i-1] == '[')
}

// hasCustomPrefix reports whether v contains the prefix of a custom
// provider of the project file.
func (e *engine) hasCustomPrefix(v string) bool {
	if e.cfg == nil {
		return false
	}
	for _, f := range e.cfg.Files {
		for _, p := range f.Providers {
			if p.Prefix != "" && strings.Contains(v, p.Prefix) {
				return true
			}
		}
	}
	return false
}
