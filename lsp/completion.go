package lsp

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// maxCompletionItems caps one completion answer; the list is marked
// incomplete, so the client asks again as the user types.
const maxCompletionItems = 200

// Completion offers catalog scopes inside scope strings (and in the
// project file's granted lists). Anywhere else the answer is empty.
func (s *Server) Completion(ctx context.Context, params *protocol.CompletionParams) (protocol.CompletionResult, error) {
	empty := &protocol.CompletionList{IsIncomplete: false, Items: []protocol.CompletionItem{}}
	doc := s.document(params.TextDocument.URI)
	if doc == nil {
		return empty, nil
	}
	sn := doc.current()
	if sn.skip != "" {
		return empty, nil
	}
	enc := s.encoding()
	m := sn.mapper(enc)
	off, err := m.offset(params.Position)
	if err != nil {
		return empty, nil
	}
	var site *completionSite
	if sn.projectFile {
		site = projectCompletionSite(sn, off)
	} else {
		site = scopeCompletionSite(sn, off)
	}
	if site == nil {
		return empty, nil
	}
	items := s.completionItems(site, m)
	return &protocol.CompletionList{IsIncomplete: true, Items: items}, nil
}

// completionSite is where a scope is being typed.
type completionSite struct {
	cat       *catalog.Catalog
	providers []*catalog.Provider
	lit       *extract.Literal
	// prefix is the decoded text of the token before the cursor.
	prefix string
	// replace is the source span of the whole current token.
	replace analysis.Span
	// allowShort: the context takes short forms.
	allowShort bool
}

// scopeCompletionSite finds the scope token at off in a source file.
func scopeCompletionSite(sn *snapshot, off int) *completionSite {
	res := sn.result()
	set, lit, tok := res.At(off)
	if set == nil || lit == nil {
		return nil
	}
	cat := project.CatalogOf(sn.cfg)
	vi := valueIndex(lit, off)
	start, end := vi, vi
	if tok != nil && tok.Lit == lit {
		start, end = tok.Start, tok.End
	}
	start = min(start, vi)
	site := &completionSite{
		cat:        cat,
		lit:        lit,
		prefix:     lit.Value[start:vi],
		replace:    lit.SourceSpan(start, end),
		allowShort: set.AllowShort,
	}
	switch {
	case set.Provider != nil:
		site.providers = []*catalog.Provider{set.Provider}
	default:
		site.providers = ownersOf(cat, set, tok)
	}
	return site
}

// ownersOf returns the providers owning the set's other tokens, else every
// provider.
func ownersOf(cat *catalog.Catalog, set *analysis.ScopeSet, skip *analysis.Token) []*catalog.Provider {
	var names []string
	for i := range set.Tokens {
		t := &set.Tokens[i]
		if skip != nil && t.Span == skip.Span {
			continue
		}
		for _, sc := range cat.Owners(t.Text) {
			if !slices.Contains(names, sc.Provider) {
				names = append(names, sc.Provider)
			}
		}
	}
	var out []*catalog.Provider
	for _, n := range names {
		if p := cat.Provider(n); p != nil {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return cat.Providers()
	}
	return out
}

// projectCompletionSite finds a scope being typed in a project file: an
// element of clients.NAME.granted (the client's provider), or a value of
// providers.NAME.deprecated (that provider).
func projectCompletionSite(sn *snapshot, off int) *completionSite {
	var lit *extract.Literal
	lits := extract.Extract(extract.FormatYAML, sn.text)
	for i := range lits {
		if lits[i].Span.Contains(off) {
			lit = &lits[i]
			break
		}
	}
	if lit == nil || len(lit.Path) != 3 {
		return nil
	}
	cat := project.CatalogOf(sn.cfg)
	f, _ := safeParse(sn.path, sn.text)
	var provider string
	switch {
	case lit.Path[0] == "clients" && lit.Path[2] == "granted":
		if f != nil {
			if c := f.Clients[lit.Path[1]]; c != nil {
				provider = c.Provider
			}
		}
	case lit.Path[0] == "providers" && lit.Path[2] == "deprecated":
		provider = lit.Path[1]
	default:
		return nil
	}
	site := &completionSite{
		cat:     cat,
		lit:     lit,
		prefix:  lit.Value[:valueIndex(lit, off)],
		replace: lit.Span,
	}
	if p := cat.Provider(provider); p != nil {
		site.providers = []*catalog.Provider{p}
	} else {
		site.providers = cat.Providers()
	}
	return site
}

// valueIndex maps a source offset inside lit to an index into lit.Value.
func valueIndex(lit *extract.Literal, off int) int {
	if lit.Offsets == nil {
		return min(max(off-lit.Span.Start, 0), len(lit.Value))
	}
	// The last value byte whose source offset is <= off.
	i, found := slices.BinarySearch(lit.Offsets, off)
	if found {
		return min(i, len(lit.Value))
	}
	return min(max(i-1, 0), len(lit.Value))
}

// completionItems ranks the providers' scopes for the site.
func (s *Server) completionItems(site *completionSite, m mapper) []protocol.CompletionItem {
	caps := s.clientCaps()
	lists := make([][]*catalog.Scope, len(site.providers))
	for i, p := range site.providers {
		lists[i] = site.cat.Complete(p.Name, completionQuery(p, site.prefix))
	}
	edit := m.rangeOf(site.replace)
	items := []protocol.CompletionItem{}
	seen := map[string]bool{}
	// Round robin over providers, so each one's best matches come first.
	for rank := 0; len(items) < maxCompletionItems; rank++ {
		more := false
		for pi, list := range lists {
			if rank >= len(list) {
				continue
			}
			more = true
			sc := list[rank]
			if sc.Hidden {
				continue
			}
			text := insertForm(site, site.providers[pi], sc)
			enc, ok := site.lit.Encode(text)
			if !ok || seen[sc.Provider+"\x00"+text] {
				continue
			}
			seen[sc.Provider+"\x00"+text] = true
			items = append(items, completionItem(sc, site.providers[pi], text, enc, edit, len(items), caps))
			if len(items) == maxCompletionItems {
				break
			}
		}
		if !more {
			break
		}
	}
	return items
}

// completionQuery is the prefix to rank by. A prefix that is exactly one
// of the provider's name prefixes ("api.", Google's URL) says nothing
// about the scope yet, so it ranks like an empty one.
func completionQuery(p *catalog.Provider, prefix string) string {
	for _, pre := range p.Prefixes {
		if strings.EqualFold(prefix, pre) {
			return ""
		}
	}
	return prefix
}

// insertForm picks the spelling to insert: the full name, or the short
// form where the context expands short forms itself and the user is not
// typing a prefixed name.
func insertForm(site *completionSite, p *catalog.Provider, sc *catalog.Scope) string {
	if site.allowShort && sc.Short != "" {
		for _, pre := range p.Prefixes {
			if strings.HasPrefix(site.prefix, pre) || (site.prefix != "" && strings.HasPrefix(pre, site.prefix)) {
				return sc.Name
			}
		}
		return sc.Short
	}
	return sc.Name
}

// completionItem builds one item.
func completionItem(sc *catalog.Scope, p *catalog.Provider, text, encoded string, edit protocol.Range, rank int, caps clientCaps) protocol.CompletionItem {
	detail := p.Title
	if detail == "" {
		detail = p.Name
	}
	if sc.Deprecated {
		detail += " (deprecated)"
	}
	it := protocol.CompletionItem{
		Label:      text,
		Kind:       protocol.CompletionItemKindValue,
		Detail:     protocol.NewOptional(detail),
		SortText:   protocol.NewOptional(fmt.Sprintf("%05d", rank)),
		FilterText: protocol.NewOptional(text),
		TextEdit:   &protocol.TextEdit{Range: edit, NewText: encoded},
	}
	doc := scopeDoc(sc, p)
	if caps.completionMD {
		it.Documentation = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: doc}
	} else {
		it.Documentation = protocol.String(plain(doc))
	}
	if sc.Deprecated {
		if caps.completionTags {
			it.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		} else if caps.completionDepr {
			it.Deprecated = protocol.NewOptional(true)
		}
	}
	return it
}

// scopeDoc is the markdown card of a catalog scope, shared by completion
// and hover.
func scopeDoc(sc *catalog.Scope, p *catalog.Provider) string {
	var b strings.Builder
	title := p.Title
	if title == "" {
		title = p.Name
	}
	fmt.Fprintf(&b, "**%s** · %s\n\n", mdEscape(sc.Name), mdEscape(title))
	if sc.Description != "" {
		b.WriteString(mdEscape(sc.Description))
		b.WriteString("\n\n")
	}
	if sc.API != "" {
		fmt.Fprintf(&b, "API: %s\n\n", mdEscape(sc.API))
	}
	switch sc.Sensitivity {
	case "admin":
		b.WriteString("Requires admin consent.\n\n")
	case "sensitive", "restricted":
		fmt.Fprintf(&b, "Sensitivity: **%s** (needs verification before production use).\n\n", sc.Sensitivity)
	case "non-sensitive":
		b.WriteString("Sensitivity: non-sensitive.\n\n")
	}
	if sc.Broad {
		b.WriteString("Broad: grants wide access; prefer a narrower scope where one fits.\n\n")
	}
	if sc.Deprecated {
		if len(sc.ReplacedBy) > 0 {
			fmt.Fprintf(&b, "**Deprecated**: use %s.\n\n", codeList(sc.ReplacedBy))
		} else {
			b.WriteString("**Deprecated**.\n\n")
		}
	}
	if len(sc.Implies) > 0 {
		fmt.Fprintf(&b, "Also grants: %s.\n\n", codeList(sc.Implies))
	}
	if sc.Short != "" && sc.Short != sc.Name {
		fmt.Fprintf(&b, "Short form: `%s`.\n\n", sc.Short)
	}
	if sc.DocURL != "" {
		fmt.Fprintf(&b, "[Documentation](%s)\n", sc.DocURL)
	}
	return strings.TrimRight(b.String(), "\n")
}

func codeList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "`" + n + "`"
	}
	return strings.Join(q, ", ")
}

// mdEscape escapes the markdown characters that could change how a
// catalog text renders.
func mdEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`)
	return r.Replace(s)
}

// plain turns the markdown cards into plain text for clients without
// markdown.
func plain(md string) string {
	r := strings.NewReplacer(`\\`, `\`, `\*`, "*", `\_`, "_", "\\`", "`", `\[`, "[", `\]`, "]", `\<`, "<", `\>`, ">", "**", "", "`", "")
	return r.Replace(md)
}
