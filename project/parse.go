package project

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/scopels/scopels/catalog"
)

// MaxFileSize is the largest project file Parse reads.
const MaxFileSize = 4 << 20

// maxErrors bounds the problems one parse reports.
const maxErrors = 100

// nodeBudget bounds the YAML nodes one parse visits, so aliases that
// expand exponentially cannot make it hang.
const nodeBudget = 1 << 18

// Parse reads one project file. It returns the file (as much as could be
// read) and every problem found, each with its position; a file with
// errors is still returned so callers can decide to keep the last good
// configuration.
//
// Parse checks what one file can tell: YAML syntax, keys, value types,
// enumerations, scope names, globs, a scope lacking its provider's prefix
// set in the same block. References that may point into another project
// file (a client's provider, a deprecated scope's replacement, the
// providers of `paths`) are checked by Build. An empty file is a valid,
// empty configuration. Only the first YAML document is read; a second one
// gets a warning.
func Parse(path string, data []byte) (*File, []*Error) {
	f := newFile(path)
	p := &parser{path: path, src: data, x: newSrcIndex(data), budget: nodeBudget, file: f}
	if len(data) > MaxFileSize {
		p.errs = append(p.errs, &Error{Path: path, Pos: p.x.pos(0),
			Msg: fmt.Sprintf("project file is %d bytes; the limit is %d", len(data), MaxFileSize)})
		return f, p.errs
	}
	doc, dec, err := decodeFirst(data)
	if errors.Is(err, io.EOF) {
		return f, nil
	}
	if err != nil {
		return f, []*Error{syntaxError(path, data, p.x, err)}
	}
	p.document(doc)
	if next, err := decodeNext(dec); next != nil {
		p.warnf(next, "only the first YAML document of a project file is read; this one is ignored")
	} else if err != nil && !errors.Is(err, io.EOF) {
		line, _ := splitYAMLError(err.Error())
		pos := p.x.pos(len(data))
		if line > 0 && line <= len(p.x.nline) {
			pos = p.x.pos(p.x.nline[line-1])
		}
		p.errs = append(p.errs, &Error{Path: path, Pos: pos, Warning: true,
			Msg: "only the first YAML document of a project file is read; the rest is ignored"})
	}
	return f, p.errs
}

func newFile(path string) *File {
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return &File{
		Path:       path,
		Dir:        dir,
		Providers:  map[string]*Provider{},
		Clients:    map[string]*Client{},
		Paths:      map[string][]string{},
		PathsPos:   map[string][]Pos{},
		PathKeyPos: map[string]Pos{},
		Severity:   map[string]string{},
	}
}

// parser holds the state of one Parse.
type parser struct {
	path      string
	src       []byte
	x         *srcIndex
	file      *File
	errs      []*Error
	budget    int
	exhausted bool
}

func (p *parser) report(n *yaml.Node, warning bool, format string, args ...any) {
	if len(p.errs) >= maxErrors {
		if len(p.errs) == maxErrors {
			p.errs = append(p.errs, &Error{Path: p.path, Pos: p.x.nodePos(n),
				Msg: fmt.Sprintf("more than %d problems; the rest are not reported", maxErrors)})
		}
		return
	}
	p.errs = append(p.errs, &Error{
		Path:    p.path,
		Pos:     p.x.nodePos(n),
		EndPos:  p.x.nodeEnd(n),
		Msg:     fmt.Sprintf(format, args...),
		Warning: warning,
	})
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.report(n, false, format, args...)
}
func (p *parser) warnf(n *yaml.Node, format string, args ...any) { p.report(n, true, format, args...) }

// resolve follows aliases and counts the node against the budget; it
// returns nil once the budget is spent.
func (p *parser) resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode; i++ {
		if i > 100 {
			return nil
		}
		n = n.Alias
	}
	if n == nil {
		return nil
	}
	p.budget--
	if p.budget < 0 {
		if !p.exhausted {
			p.exhausted = true
			p.errorf(n, "project file has too many nodes (aliases expand to more than %d); the rest is ignored", nodeBudget)
		}
		return nil
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// kindName describes a node's type for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "empty"
		case "!!int", "!!float":
			return "a number"
		case "!!bool":
			return "true/false"
		}
		return "a string"
	}
	return "something else"
}

// keyPath joins YAML keys into the dotted form messages use, quoting keys
// that contain dots, spaces or quotes.
func keyPath(parts ...string) string {
	var b strings.Builder
	for i, s := range parts {
		if i > 0 {
			b.WriteByte('.')
		}
		if s == "" || strings.ContainsAny(s, ". \t\"'[]{}:#*?") {
			b.WriteString(fmt.Sprintf("%q", s))
		} else {
			b.WriteString(s)
		}
	}
	return b.String()
}

// eachKey calls fn for every entry of mapping n, reporting keys that are
// not strings, merge keys and repeated keys. where names the mapping.
func (p *parser) eachKey(n *yaml.Node, where string, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := p.resolve(n.Content[i]), n.Content[i+1]
		if k == nil {
			return
		}
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "keys of %s must be plain names, not %s", where, kindName(k))
			continue
		}
		if k.Tag == "!!merge" {
			p.errorf(k, "merge keys (<<) are not supported in a project file")
			continue
		}
		if prev, ok := seen[k.Value]; ok {
			full := keyPath(k.Value)
			if where != "the project file" {
				full = where + "." + full
			}
			p.errorf(k, "%s is repeated (first at line %d)", full, p.x.nodePos(prev).Line)
			continue
		}
		seen[k.Value] = k
		fn(k.Value, k, v)
	}
}

// fields walks mapping n whose keys must be among known, reporting the
// others with a suggestion.
func (p *parser) fields(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node)) {
	p.eachKey(n, where, func(key string, k, v *yaml.Node) {
		for _, kn := range known {
			if kn == key {
				fn(key, k, v)
				return
			}
		}
		in := "in " + where
		if where == "the project file" {
			in = "at the top level"
		}
		if s := didYouMean(key, known); s != "" {
			p.errorf(k, "unknown key %q %s%s", key, in, s)
		} else {
			p.errorf(k, "unknown key %q %s (known keys: %s)", key, in, strings.Join(known, ", "))
		}
	})
}

// mapping resolves n and checks that it is a mapping; null gives nil
// without a report.
func (p *parser) mapping(n *yaml.Node, what, want string) *yaml.Node {
	n = p.resolve(n)
	if n == nil || isNull(n) {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be %s, not %s", what, want, kindName(n))
		return nil
	}
	return n
}

// str reads a scalar as text; ok is false for null and for a wrong type
// (reported).
func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	n = p.resolve(n)
	if n == nil || isNull(n) {
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be a string, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

// strList reads a list of strings. With single set, one string stands for
// a one-entry list. Null gives (nil, nil, false); an explicit empty list
// gives a non-nil empty slice.
func (p *parser) strList(n *yaml.Node, what string, single bool) ([]string, []*yaml.Node, bool) {
	n = p.resolve(n)
	if n == nil || isNull(n) {
		return nil, nil, false
	}
	if n.Kind == yaml.ScalarNode && single {
		return []string{n.Value}, []*yaml.Node{n}, true
	}
	if n.Kind != yaml.SequenceNode {
		if single {
			p.errorf(n, "%s must be a list of strings (or one string), not %s", what, kindName(n))
		} else {
			p.errorf(n, "%s must be a list, e.g. [a, b], not %s", what, kindName(n))
		}
		return nil, nil, false
	}
	out := []string{}
	var nodes []*yaml.Node
	for _, item := range n.Content {
		item = p.resolve(item)
		if item == nil {
			break
		}
		if item.Kind != yaml.ScalarNode || isNull(item) {
			p.errorf(item, "entries of %s must be strings, not %s", what, kindName(item))
			continue
		}
		out = append(out, item.Value)
		nodes = append(nodes, item)
	}
	return out, nodes, true
}

// document reads the root of the file.
func (p *parser) document(doc *yaml.Node) {
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return
	}
	root := p.resolve(doc.Content[0])
	if root == nil || isNull(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		p.errorf(root, "a project file must be a mapping with keys such as providers, clients, paths, severity, strict, ignore; this one is %s", kindName(root))
		return
	}
	p.fields(root, "the project file", topKeys[:], func(key string, k, v *yaml.Node) {
		switch key {
		case "providers":
			p.providers(v)
		case "clients":
			p.clients(v)
		case "paths":
			p.paths(v)
		case "severity":
			p.severity(v)
		case "strict":
			p.strict(v)
		case "ignore":
			p.ignore(v)
		}
	})
}

func (p *parser) providers(v *yaml.Node) {
	m := p.mapping(v, "providers", "a mapping of provider names to their settings")
	if m == nil {
		return
	}
	p.eachKey(m, "providers", func(name string, k, v *yaml.Node) {
		if name == "" {
			p.errorf(k, "a provider name may not be empty")
			return
		}
		pr := p.provider(name, k, v)
		p.file.Providers[name] = pr
		p.file.ProviderOrder = append(p.file.ProviderOrder, name)
	})
}

func (p *parser) provider(name string, k, v *yaml.Node) *Provider {
	pr := &Provider{
		Name:          name,
		Scopes:        map[string]string{},
		Deprecated:    map[string]string{},
		Pos:           p.x.nodePos(k),
		ScopePos:      map[string]Pos{},
		DeprecatedPos: map[string]Pos{},
		File:          p.path,
	}
	where := keyPath("providers", name)
	m := p.mapping(v, where, "a mapping of settings (title, scopes, ...)")
	if m == nil {
		return pr
	}
	scopeNodes := map[string]*yaml.Node{}
	p.fields(m, where, providerKeys[:], func(key string, k, v *yaml.Node) {
		what := keyPath("providers", name, key)
		switch key {
		case "title":
			pr.Title, _ = p.str(v, what)
		case "hosts":
			hosts, nodes, ok := p.strList(v, what, true)
			if ok {
				pr.Hosts = []string{}
			}
			for i, h := range hosts {
				if h2, ok := p.host(nodes[i], h, what); ok {
					pr.Hosts = append(pr.Hosts, h2)
				}
			}
		case "signals":
			signals, nodes, ok := p.strList(v, what, true)
			if ok {
				pr.Signals = []string{}
			}
			for i, s := range signals {
				if strings.TrimSpace(s) == "" {
					p.errorf(nodes[i], "entries of %s may not be empty", what)
					continue
				}
				pr.Signals = append(pr.Signals, s)
			}
		case "delimiter":
			s, ok := p.str(v, what)
			if !ok {
				return
			}
			if !contains(delimiterNames[:], s) {
				p.errorf(p.resolve(v), "%s must be one of %s, not %q%s", what, strings.Join(delimiterNames[:], ", "), s, didYouMean(s, delimiterNames[:]))
				return
			}
			pr.Delimiter = catalog.Delimiter(s)
		case "prefix":
			pr.Prefix, _ = p.str(v, what)
		case "case_sensitive":
			n := p.resolve(v)
			if n == nil || isNull(n) {
				return
			}
			if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
				p.errorf(n, "%s must be true or false, not %s", what, kindName(n))
				return
			}
			b := strings.EqualFold(n.Value, "true")
			pr.CaseSensitive = &b
		case "scopes":
			p.scopes(pr, v, what, scopeNodes)
		case "deprecated":
			p.deprecated(pr, v, what)
		}
	})
	if pr.Prefix != "" {
		for _, s := range pr.ScopeOrder {
			if !strings.HasPrefix(s, pr.Prefix) {
				p.errorf(scopeNodes[s], "scope %q of provider %q lacks the required prefix %q: write %q", s, name, pr.Prefix, pr.Prefix+s)
			}
		}
	}
	return pr
}

// host normalizes one `hosts` entry: a URL is accepted and its host name
// kept; names are lower-cased.
func (p *parser) host(n *yaml.Node, h, what string) (string, bool) {
	h = strings.TrimSpace(h)
	if i := strings.Index(h, "://"); i >= 0 {
		h = h[i+3:]
	}
	if i := strings.IndexAny(h, "/?#"); i >= 0 {
		h = h[:i]
	}
	if i := strings.LastIndexByte(h, '@'); i >= 0 {
		h = h[i+1:]
	}
	if i := strings.LastIndexByte(h, ':'); i >= 0 && !strings.Contains(h, "]") {
		h = h[:i]
	}
	if h == "" || strings.ContainsAny(h, " \t\"'\\") {
		p.errorf(n, "entries of %s must be host names such as auth.example.com, not %q", what, n.Value)
		return "", false
	}
	return strings.ToLower(h), true
}

// scopes reads a provider's `scopes`: a mapping of names to descriptions,
// or a list of names.
func (p *parser) scopes(pr *Provider, v *yaml.Node, what string, nodes map[string]*yaml.Node) {
	n := p.resolve(v)
	if n == nil || isNull(n) {
		return
	}
	add := func(k *yaml.Node, name, desc string) {
		if msg := ScopeNameProblem(name); msg != "" {
			p.errorf(k, "scope %q in %s %s", name, what, msg)
			return
		}
		if _, dup := pr.Scopes[name]; dup {
			p.warnf(k, "scope %q is listed twice in %s", name, what)
			return
		}
		pr.Scopes[name] = desc
		pr.ScopeOrder = append(pr.ScopeOrder, name)
		pr.ScopePos[name] = p.x.nodePos(k)
		nodes[name] = k
	}
	switch n.Kind {
	case yaml.MappingNode:
		p.eachKey(n, what, func(name string, k, v *yaml.Node) {
			desc, _ := p.str(v, keyPath("providers", pr.Name, "scopes", name)+" (its description)")
			add(k, name, desc)
		})
	case yaml.SequenceNode:
		for _, item := range n.Content {
			item = p.resolve(item)
			if item == nil {
				return
			}
			if item.Kind != yaml.ScalarNode || isNull(item) {
				p.errorf(item, "entries of %s must be scope names, not %s", what, kindName(item))
				continue
			}
			add(item, item.Value, "")
		}
	default:
		p.errorf(n, "%s must be a mapping of scope names to descriptions (or a list of scope names), not %s", what, kindName(n))
	}
}

// deprecated reads a provider's `deprecated`: old name -> replacement.
func (p *parser) deprecated(pr *Provider, v *yaml.Node, what string) {
	m := p.mapping(v, what, `a mapping of old scope names to their replacements ("" for none)`)
	if m == nil {
		return
	}
	p.eachKey(m, what, func(old string, k, v *yaml.Node) {
		if msg := ScopeNameProblem(old); msg != "" {
			p.errorf(k, "scope %q in %s %s", old, what, msg)
			return
		}
		entry := keyPath("providers", pr.Name, "deprecated", old)
		repl, ok := p.str(v, entry)
		pos := p.x.nodePos(k)
		if ok && repl != "" {
			rn := p.resolve(v)
			if msg := ScopeNameProblem(repl); msg != "" {
				p.errorf(rn, "replacement %q in %s %s", repl, entry, msg)
				return
			}
			if repl == old {
				p.errorf(rn, "%s names itself as its replacement", entry)
				return
			}
			pos = p.x.nodePos(rn)
		}
		pr.Deprecated[old] = repl
		pr.DeprecatedOrder = append(pr.DeprecatedOrder, old)
		pr.DeprecatedPos[old] = pos
	})
}

// ScopeNameProblem says what makes s unusable as a scope name in a project
// file (RFC 6749 §3.3: printable ASCII other than space, '"' and '\'; a
// comma almost always means a list), or "".
func ScopeNameProblem(s string) string {
	if s == "" {
		return "is empty"
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			return "contains a space; list each scope separately"
		case c == ',':
			// Commas are legal in a token but almost always a list.
			return "contains a comma; list each scope separately"
		case c < 0x21 || c > 0x7E || c == '"' || c == '\\':
			return fmt.Sprintf("contains %q, which a scope name may not (RFC 6749 §3.3)", rune(c))
		}
	}
	return ""
}

func (p *parser) clients(v *yaml.Node) {
	m := p.mapping(v, "clients", "a mapping of client names to their settings")
	if m == nil {
		return
	}
	p.eachKey(m, "clients", func(name string, k, v *yaml.Node) {
		if name == "" {
			p.errorf(k, "a client name may not be empty")
			return
		}
		c := &Client{Name: name, Pos: p.x.nodePos(k), File: p.path, Dir: p.file.Dir}
		where := keyPath("clients", name)
		if cm := p.mapping(v, where, "a mapping with provider, paths and granted"); cm != nil {
			p.fields(cm, where, clientKeys[:], func(key string, k, v *yaml.Node) {
				what := keyPath("clients", name, key)
				switch key {
				case "provider":
					if s, ok := p.str(v, what); ok {
						if s == "" {
							p.errorf(p.resolve(v), "%s may not be empty", what)
							return
						}
						c.Provider = s
						c.ProviderPos = p.x.nodePos(p.resolve(v))
					}
				case "paths":
					globs, nodes, ok := p.strList(v, what, true)
					if !ok {
						return
					}
					c.Paths = []string{}
					for i, g := range globs {
						if _, err := compileGlob(g); err != nil {
							p.errorf(nodes[i], "%s: %v", what, err)
							continue
						}
						c.Paths = append(c.Paths, g)
						c.PathsPos = append(c.PathsPos, p.x.nodePos(nodes[i]))
					}
				case "granted":
					scopes, nodes, ok := p.strList(v, what, false)
					if !ok {
						return
					}
					c.Granted = []string{}
					c.GrantedPos = p.x.nodePos(p.resolve(v))
					c.GrantedFile = p.path
					seen := map[string]bool{}
					for i, s := range scopes {
						if msg := ScopeNameProblem(s); msg != "" {
							p.errorf(nodes[i], "scope %q in %s %s", s, what, msg)
							continue
						}
						if seen[s] {
							p.warnf(nodes[i], "scope %q is listed twice in %s", s, what)
							continue
						}
						seen[s] = true
						c.Granted = append(c.Granted, s)
						c.GrantedItemPos = append(c.GrantedItemPos, p.x.nodePos(nodes[i]))
					}
				}
			})
		}
		p.file.Clients[name] = c
		p.file.ClientOrder = append(p.file.ClientOrder, name)
	})
}

func (p *parser) paths(v *yaml.Node) {
	m := p.mapping(v, "paths", "a mapping of globs to provider names")
	if m == nil {
		return
	}
	p.eachKey(m, "paths", func(g string, k, v *yaml.Node) {
		what := keyPath("paths", g)
		if _, err := compileGlob(g); err != nil {
			p.errorf(k, "%s: %v", what, err)
			return
		}
		names, nodes, ok := p.strList(v, what, true)
		if !ok {
			if n := p.resolve(v); n != nil && isNull(n) {
				p.errorf(k, "%s must name one or more providers", what)
			}
			return
		}
		var kept []string
		var pos []Pos
		for i, name := range names {
			if name == "" {
				p.errorf(nodes[i], "entries of %s may not be empty", what)
				continue
			}
			if contains(kept, name) {
				p.warnf(nodes[i], "provider %q is listed twice in %s", name, what)
				continue
			}
			kept = append(kept, name)
			pos = append(pos, p.x.nodePos(nodes[i]))
		}
		if len(kept) == 0 {
			if len(names) == 0 {
				p.errorf(k, "%s must name one or more providers", what)
			}
			return
		}
		p.file.Paths[g] = kept
		p.file.PathsPos[g] = pos
		p.file.PathKeyPos[g] = p.x.nodePos(k)
		p.file.PathOrder = append(p.file.PathOrder, g)
	})
}

func (p *parser) severity(v *yaml.Node) {
	m := p.mapping(v, "severity", "a mapping of check codes to error, warning, info, hint or off")
	if m == nil {
		return
	}
	p.eachKey(m, "severity", func(code string, k, v *yaml.Node) {
		if !contains(checkCodes[:], code) {
			p.errorf(k, "%q is not a check code%s", code, didYouMean(code, checkCodes[:]))
			return
		}
		what := keyPath("severity", code)
		n := p.resolve(v)
		if n == nil {
			return
		}
		if n.Kind != yaml.ScalarNode || isNull(n) {
			p.errorf(n, "%s must be one of %s, not %s", what, strings.Join(severityLevels[:], ", "), kindName(n))
			return
		}
		if !contains(severityLevels[:], n.Value) {
			hint := didYouMean(n.Value, severityLevels[:])
			if n.Tag == "!!bool" && strings.EqualFold(n.Value, "false") {
				hint = `; did you mean "off"?`
			}
			p.errorf(n, "%s must be one of %s, not %q%s", what, strings.Join(severityLevels[:], ", "), n.Value, hint)
			return
		}
		p.file.Severity[code] = n.Value
	})
}

func (p *parser) strict(v *yaml.Node) {
	names, nodes, ok := p.strList(v, "strict", true)
	if !ok {
		return
	}
	p.file.Strict = []string{}
	for i, s := range names {
		if strings.TrimSpace(s) == "" {
			p.errorf(nodes[i], "entries of strict may not be empty")
			continue
		}
		p.file.Strict = append(p.file.Strict, s)
	}
}

func (p *parser) ignore(v *yaml.Node) {
	globs, nodes, ok := p.strList(v, "ignore", true)
	if !ok {
		return
	}
	p.file.Ignore = []string{}
	for i, g := range globs {
		if _, err := compileGlob(g); err != nil {
			p.errorf(nodes[i], "ignore: %v", err)
			continue
		}
		p.file.Ignore = append(p.file.Ignore, g)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
