package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/sahilm/fuzzy"

	"github.com/scopels/scopels/catalog"
)

const catalogUsage = `Usage: scopels catalog <command> [flags]

Browses the built-in scope catalog.

Commands:
  list                 list the scopes (text: hidden ones only with --hidden; json: all, hidden marked)
  list --providers     list the providers
  show NAME            everything known about a scope, from every provider
                       that has it: full name, short form (drive.readonly)
                       or, failing those, the name in any case
  search QUERY...      scopes whose names or descriptions match the words
                       of QUERY, best first

Flags:
  --provider P         only provider P (github, google, microsoft, ...)
  --format text|json   output format (default text)
  --hidden             list: include hidden (undocumented) scopes
  --limit N            search: at most N results (default 20, 0 for all)

Exit status: 0 success, 1 nothing found, 2 usage error.
`

// catalogOptions are the parsed flags of catalog.
type catalogOptions struct {
	provider  string
	format    string
	hidden    bool
	providers bool
	limit     int
}

// runCatalog implements `scopels catalog list|show|search`.
func runCatalog(io stdio, args []string) int {
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(io.stdout, catalogUsage)
			return 0
		}
	}
	if len(args) == 0 {
		fmt.Fprintln(io.stderr, "scopels: catalog: missing command (list, show or search)")
		fmt.Fprintln(io.stderr, "Run 'scopels catalog --help' for usage.")
		return 2
	}
	sub, rest := args[0], args[1:]
	opts, pos, ok := parseCatalogArgs(io, rest)
	if !ok {
		return 2
	}
	usage := func(format string, a ...any) int {
		fmt.Fprintf(io.stderr, "scopels: catalog: "+format+"\n", a...)
		fmt.Fprintln(io.stderr, "Run 'scopels catalog --help' for usage.")
		return 2
	}
	if opts.format != "text" && opts.format != "json" {
		return usage("--format must be text or json, not %q", opts.format)
	}
	c := catalog.Default()
	var only *catalog.Provider
	if opts.provider != "" {
		if only = c.Provider(opts.provider); only == nil {
			return usage("unknown provider %q (run 'scopels catalog list --providers')", opts.provider)
		}
	}
	switch sub {
	case "list":
		if len(pos) > 0 {
			return usage("list takes no arguments")
		}
		if opts.providers {
			return catalogProviders(io, c, only, opts)
		}
		return catalogList(io, c, only, opts)
	case "show":
		if len(pos) != 1 {
			return usage("show takes one scope name")
		}
		return catalogShow(io, c, only, opts, pos[0])
	case "search":
		if len(pos) == 0 {
			return usage("search needs a query")
		}
		return catalogSearch(io, c, only, opts, strings.Join(pos, " "))
	}
	return usage("unknown command %q (list, show or search)", sub)
}

// parseCatalogArgs parses flags that may come before, between or after the
// positional arguments; "--" ends them.
func parseCatalogArgs(io stdio, args []string) (opts catalogOptions, pos []string, ok bool) {
	fs := flag.NewFlagSet("catalog", flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	fs.Usage = func() { fmt.Fprintln(io.stderr, "Run 'scopels catalog --help' for usage.") }
	fs.StringVar(&opts.provider, "provider", "", "")
	fs.StringVar(&opts.format, "format", "text", "")
	fs.BoolVar(&opts.hidden, "hidden", false, "")
	fs.BoolVar(&opts.providers, "providers", false, "")
	fs.IntVar(&opts.limit, "limit", 20, "")
	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			return opts, nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	if opts.limit < 0 {
		fmt.Fprintln(io.stderr, "scopels: catalog: --limit must not be negative")
		return opts, nil, false
	}
	return opts, append(pos, tail...), true
}

// catProviders returns the providers a command looks at.
func catProviders(c *catalog.Catalog, only *catalog.Provider) []*catalog.Provider {
	if only != nil {
		return []*catalog.Provider{only}
	}
	return c.Providers()
}

// catScopeEntry is one scope in list and search JSON output (a contract:
// replaced_by is always a list).
type catScopeEntry struct {
	Provider    string   `json:"provider"`
	Name        string   `json:"name"`
	Deprecated  bool     `json:"deprecated"`
	ReplacedBy  []string `json:"replaced_by"`
	Description string   `json:"description"`
	// Hidden marks undocumented scopes: valid, never suggested.
	Hidden bool `json:"hidden,omitempty"`
}

func catEntry(s *catalog.Scope) catScopeEntry {
	rb := s.ReplacedBy
	if rb == nil {
		rb = []string{}
	}
	return catScopeEntry{Provider: s.Provider, Name: s.Name, Deprecated: s.Deprecated, ReplacedBy: rb, Description: s.Description, Hidden: s.Hidden}
}

// catWriteJSON writes v indented, ending in a newline.
func catWriteJSON(w io.Writer, v any) int {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return 2
	}
	return 0
}

// catFlags summarizes a scope's marks for the text tables.
func catFlags(s *catalog.Scope) string {
	var fs []string
	if s.Deprecated {
		fs = append(fs, "deprecated")
	}
	if s.Hidden {
		fs = append(fs, "hidden")
	}
	if s.Broad {
		fs = append(fs, "broad")
	}
	if s.Sensitivity == "admin" || s.Sensitivity == "restricted" || s.Sensitivity == "sensitive" {
		fs = append(fs, s.Sensitivity)
	}
	if len(fs) == 0 {
		return "-"
	}
	return strings.Join(fs, ",")
}

// catScopeTable writes scopes as aligned columns.
func catScopeTable(w io.Writer, scopes []*catalog.Scope) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tSCOPE\tFLAGS\tDESCRIPTION")
	for _, s := range scopes {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", s.Provider, s.Name, catFlags(s), catOneLine(s.Description))
	}
	tw.Flush()
}

// catOneLine keeps catalog text on one table row.
func catOneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func catalogList(io stdio, c *catalog.Catalog, only *catalog.Provider, opts catalogOptions) int {
	var scopes []*catalog.Scope
	for _, p := range catProviders(c, only) {
		for _, s := range p.Scopes {
			// The JSON listing is the whole catalog; text hides what is
			// never suggested unless asked.
			if !s.Hidden || opts.hidden || opts.format == "json" {
				scopes = append(scopes, s)
			}
		}
	}
	if opts.format == "json" {
		out := struct {
			Scopes []catScopeEntry `json:"scopes"`
		}{Scopes: make([]catScopeEntry, 0, len(scopes))}
		for _, s := range scopes {
			out.Scopes = append(out.Scopes, catEntry(s))
		}
		return catWriteJSON(io.stdout, out)
	}
	catScopeTable(io.stdout, scopes)
	return 0
}

// catProviderEntry is one provider in `list --providers --format json`.
type catProviderEntry struct {
	Name           string   `json:"name"`
	Title          string   `json:"title"`
	Delimiter      string   `json:"delimiter"`
	CaseSensitive  bool     `json:"case_sensitive"`
	Scopes         int      `json:"scopes"`
	Deprecated     int      `json:"deprecated"`
	Hidden         int      `json:"hidden"`
	AuthorizeHosts []string `json:"authorize_hosts"`
}

func catalogProviders(io stdio, c *catalog.Catalog, only *catalog.Provider, opts catalogOptions) int {
	var entries []catProviderEntry
	for _, p := range catProviders(c, only) {
		e := catProviderEntry{Name: p.Name, Title: p.Title, Delimiter: string(p.Delimiter),
			CaseSensitive: p.CaseSensitive, Scopes: len(p.Scopes), AuthorizeHosts: p.AuthorizeHosts}
		if e.AuthorizeHosts == nil {
			e.AuthorizeHosts = []string{}
		}
		for _, s := range p.Scopes {
			if s.Deprecated {
				e.Deprecated++
			}
			if s.Hidden {
				e.Hidden++
			}
		}
		entries = append(entries, e)
	}
	if opts.format == "json" {
		return catWriteJSON(io.stdout, struct {
			Providers []catProviderEntry `json:"providers"`
		}{entries})
	}
	tw := tabwriter.NewWriter(io.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "PROVIDER\tTITLE\tDELIMITER\tSCOPES\tDEPRECATED\tHOSTS")
	for _, e := range entries {
		hosts := strings.Join(e.AuthorizeHosts, " ")
		if hosts == "" {
			hosts = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", e.Name, e.Title, e.Delimiter, e.Scopes, e.Deprecated, hosts)
	}
	tw.Flush()
	return 0
}

// catMatch is one scope `show` found, and how.
type catMatch struct {
	scope *catalog.Scope
	how   string // "", "short form", "ignoring case", "after the prefix"
}

// catFind returns the scopes name stands for: exact names and short
// forms, names after a provider prefix, and only when none of those,
// names that differ in case.
func catFind(c *catalog.Catalog, only *catalog.Provider, name string) []catMatch {
	in := func(s *catalog.Scope) bool { return only == nil || s.Provider == only.Name }
	var out []catMatch
	seen := map[*catalog.Scope]bool{}
	add := func(s *catalog.Scope, how string) {
		if in(s) && !seen[s] {
			seen[s] = true
			out = append(out, catMatch{s, how})
		}
	}
	for _, s := range c.Owners(name) {
		how := ""
		if s.Name != name {
			how = "short form"
		}
		add(s, how)
	}
	for _, p := range catProviders(c, only) {
		if rest, ok := p.TrimPrefix(name); ok {
			if s := c.Resolve(p.Name, rest); s != nil {
				add(s, "after the prefix")
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, s := range c.OwnersFold(name) {
		add(s, "ignoring case")
	}
	return out
}

func catalogShow(io stdio, c *catalog.Catalog, only *catalog.Provider, opts catalogOptions, name string) int {
	matches := catFind(c, only, name)
	if len(matches) == 0 {
		msg := fmt.Sprintf("scopels: catalog: no scope %q", name)
		if only != nil {
			msg += " in " + only.Title
		}
		if ds := catDidYouMean(c, only, name); len(ds) > 0 {
			msg += "; did you mean " + strings.Join(ds, " or ") + "?"
		}
		fmt.Fprintln(io.stderr, msg)
		return 1
	}
	if opts.format == "json" {
		out := struct {
			Scopes []*catalog.Scope `json:"scopes"`
		}{}
		for _, m := range matches {
			out.Scopes = append(out.Scopes, m.scope)
		}
		return catWriteJSON(io.stdout, out)
	}
	for i, m := range matches {
		if i > 0 {
			fmt.Fprintln(io.stdout)
		}
		catCard(io.stdout, c.Provider(m.scope.Provider), m)
	}
	return 0
}

// catCard prints everything known about one scope.
func catCard(w io.Writer, p *catalog.Provider, m catMatch) {
	s := m.scope
	title := s.Provider
	if p != nil {
		title = p.Title + " (" + p.Name + ")"
	}
	fmt.Fprintf(w, "%s\n", s.Name)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	row := func(k, v string) {
		if v != "" {
			fmt.Fprintf(tw, "  %s\t%s\n", k+":", v)
		}
	}
	row("provider", title)
	row("description", catOneLine(s.Description))
	if m.how != "" {
		row("matched", m.how)
	}
	row("short form", s.Short)
	row("api", s.API)
	if s.Deprecated {
		v := "yes"
		if len(s.ReplacedBy) > 0 {
			v += "; replaced by " + strings.Join(s.ReplacedBy, ", ")
		} else if len(s.SuggestedReplacement) > 0 {
			v += "; no stated replacement (consider " + strings.Join(s.SuggestedReplacement, ", ") + ")"
		}
		row("deprecated", v)
	}
	row("implies", strings.Join(s.Implies, ", "))
	row("requires", strings.Join(s.Requires, ", "))
	row("sensitivity", s.Sensitivity)
	if s.Broad {
		row("broad", "yes: grants wide access")
	}
	if s.Hidden {
		row("hidden", "yes: accepted, but undocumented; never suggested")
	}
	row("kind", s.Kind)
	row("token types", strings.Join(s.TokenTypes, ", "))
	row("note", catOneLine(s.Note))
	row("docs", s.DocURL)
	if p != nil {
		row("delimiter", catDelimiter(p))
		if !p.CaseSensitive {
			row("case", "matched without regard to case")
		}
	}
	tw.Flush()
}

// catDelimiter says how the provider separates scopes.
func catDelimiter(p *catalog.Provider) string {
	var d string
	switch p.Delimiter {
	case catalog.DelimSpace:
		d = "space"
	case catalog.DelimComma:
		d = "comma"
	case catalog.DelimSpaceOrComma:
		d = "space or comma"
	case catalog.DelimSingle:
		d = "one scope per request"
	case catalog.DelimNone:
		d = "no scope parameter"
	default:
		d = string(p.Delimiter)
	}
	switch {
	case p.Delimiter == catalog.DelimSpace && p.AcceptsComma:
		d += " (commas accepted)"
	case p.Delimiter == catalog.DelimComma && p.AcceptsSpace:
		d += " (spaces accepted)"
	}
	return d
}

// catDidYouMean returns the nearest scope names to name, quoted and with
// their provider, nearest first.
func catDidYouMean(c *catalog.Catalog, only *catalog.Provider, name string) []string {
	type near struct {
		s *catalog.Scope
		d int
	}
	var all []near
	for _, p := range catProviders(c, only) {
		for _, sg := range c.Suggest(p.Name, name, 3) {
			all = append(all, near{sg.Scope, sg.Distance})
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].d != all[j].d {
			return all[i].d < all[j].d
		}
		return all[i].s.Popularity > all[j].s.Popularity
	})
	var out []string
	seen := map[string]bool{}
	for _, n := range all {
		if len(out) == 3 || n.d > all[0].d {
			break
		}
		key := n.s.Provider + " " + n.s.Name
		if !seen[key] {
			seen[key] = true
			out = append(out, fmt.Sprintf("%q (%s)", n.s.Name, n.s.Provider))
		}
	}
	return out
}

// catHit is one scope matching every word of a query.
type catHit struct {
	scope *catalog.Scope
	score int
}

func catalogSearch(io stdio, c *catalog.Catalog, only *catalog.Provider, opts catalogOptions, query string) int {
	hits := catSearchScopes(catProviders(c, only), query)
	if opts.limit > 0 && len(hits) > opts.limit {
		hits = hits[:opts.limit]
	}
	if len(hits) == 0 {
		fmt.Fprintf(io.stderr, "scopels: catalog: no scope matches %q\n", query)
		return 1
	}
	scopes := make([]*catalog.Scope, len(hits))
	for i, h := range hits {
		scopes[i] = h.scope
	}
	if opts.format == "json" {
		out := struct {
			Scopes []catScopeEntry `json:"scopes"`
		}{}
		for _, s := range scopes {
			out.Scopes = append(out.Scopes, catEntry(s))
		}
		return catWriteJSON(io.stdout, out)
	}
	catScopeTable(io.stdout, scopes)
	return 0
}

// catSearchScopes ranks the visible scopes of providers against the words of
// query. Every word must match the scope's name (without a provider
// prefix) or its description: a word found in the name counts most,
// more when it starts a segment of the name ("read" in drive.readonly),
// then a word starting a word of the description, then the word's letters
// in order in the name (a fuzzy match). Ties go to current, popular and
// shorter names.
func catSearchScopes(providers []*catalog.Provider, query string) []catHit {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return nil
	}
	var hits []catHit
	for _, p := range providers {
		for _, s := range p.Scopes {
			if s.Hidden {
				continue
			}
			key := s.Name
			if rest, ok := p.TrimPrefix(s.Name); ok {
				key = rest
			}
			key = strings.ToLower(key)
			desc := " " + strings.ToLower(s.Description)
			total := 0
			for _, w := range words {
				sc := catWordScore(w, key, desc)
				if sc == 0 {
					total = 0
					break
				}
				total += sc
			}
			if total > 0 {
				hits = append(hits, catHit{s, total})
			}
		}
	}
	sort.SliceStable(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.scope.Deprecated != b.scope.Deprecated {
			return !a.scope.Deprecated
		}
		if a.score != b.score {
			return a.score > b.score
		}
		if a.scope.Popularity != b.scope.Popularity {
			return a.scope.Popularity > b.scope.Popularity
		}
		if len(a.scope.Name) != len(b.scope.Name) {
			return len(a.scope.Name) < len(b.scope.Name)
		}
		if a.scope.Provider != b.scope.Provider {
			return a.scope.Provider < b.scope.Provider
		}
		return a.scope.Name < b.scope.Name
	})
	return hits
}

// catWordScore scores one query word against a lower-cased name key and a
// lower-cased description that starts with a space; 0 means no match.
func catWordScore(w, key, desc string) int {
	if i := strings.Index(key, w); i >= 0 {
		sc := 100
		if i == 0 || strings.IndexByte(".:_-/ ", key[i-1]) >= 0 {
			sc += 30
		}
		if key == w {
			sc += 20
		}
		return sc
	}
	if strings.Contains(desc, " "+w) {
		return 50
	}
	if ms := fuzzy.Find(w, []string{key}); len(ms) == 1 {
		return 10 + min(max(ms[0].Score, 0), 20)
	}
	return 0
}
