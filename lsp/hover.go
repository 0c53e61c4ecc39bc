package lsp

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/catalog"
	"github.com/scopels/scopels/project"
)

// Hover shows the card of the scope under the cursor: provider, what it
// grants, sensitivity, deprecation, implied scopes, documentation link. On
// a token the catalog does not know it says why and lists the nearest
// valid scopes.
func (s *Server) Hover(ctx context.Context, params *protocol.HoverParams) (*protocol.Hover, error) {
	doc := s.document(params.TextDocument.URI)
	if doc == nil {
		return nil, nil
	}
	sn := doc.current()
	if sn.skip != "" {
		return nil, nil
	}
	m := sn.mapper(s.encoding())
	off, err := m.offset(params.Position)
	if err != nil {
		return nil, nil
	}
	var (
		md   string
		span analysis.Span
	)
	if sn.projectFile {
		site := projectCompletionSite(sn, off)
		if site == nil || site.lit.Value == "" {
			return nil, nil
		}
		md, span = hoverToken(site.cat, site.providers, site.lit.Value, "", nil), site.lit.Span
	} else {
		res := sn.result()
		set, _, tok := res.At(off)
		if set == nil || tok == nil {
			return nil, nil
		}
		cat := project.CatalogOf(sn.cfg)
		var providers []*catalog.Provider
		if set.Provider != nil {
			providers = []*catalog.Provider{set.Provider}
		}
		md, span = hoverToken(cat, providers, tok.Text, set.Evidence, diagnosticsAt(res, tok.Span)), tok.Span
	}
	if md == "" {
		return nil, nil
	}
	r := m.rangeOf(span)
	h := &protocol.Hover{Range: &r}
	if s.clientCaps().hoverMarkdown {
		h.Contents = &protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: md}
	} else {
		h.Contents = &protocol.MarkupContent{Kind: protocol.MarkupKindPlainText, Value: plain(md)}
	}
	return h, nil
}

// diagnosticsAt returns the messages of the diagnostics that cover span.
func diagnosticsAt(res *analysis.Result, span analysis.Span) []string {
	var out []string
	for i := range res.Diagnostics {
		d := &res.Diagnostics[i]
		if d.Span.Start <= span.End && span.Start <= d.Span.End {
			out = append(out, fmt.Sprintf("%s (%s)", d.Message, d.Code))
		}
	}
	return out
}

// hoverToken builds the card for tok. providers are the candidates (nil:
// unknown, look the token up in every provider).
func hoverToken(cat *catalog.Catalog, providers []*catalog.Provider, tok, evidence string, problems []string) string {
	var b strings.Builder
	writeProblems := func() {
		for _, p := range problems {
			fmt.Fprintf(&b, "\n\n⚠ %s", mdEscape(p))
		}
	}
	if len(providers) == 1 {
		p := providers[0]
		r := analysis.Resolve(cat, p, tok)
		switch {
		case r.Scope != nil:
			b.WriteString(scopeDoc(r.Scope, p))
			switch r.Kind {
			case analysis.MatchShort, analysis.MatchFoldShort:
				fmt.Fprintf(&b, "\n\nWritten in short form; the full name is `%s`.", r.Canonical)
			case analysis.MatchFold:
				fmt.Fprintf(&b, "\n\nThe case differs from the catalog's `%s`.", r.Canonical)
			}
			writeProblems()
			return b.String()
		case r.Kind == analysis.MatchOther:
			fmt.Fprintf(&b, "**%s** · %s\n\nAccepted by %s without being one of its catalog scopes (an OpenID Connect scope, an alias or an application scope).",
				mdEscape(tok), mdEscape(title(p)), mdEscape(title(p)))
			writeProblems()
			return b.String()
		}
		fmt.Fprintf(&b, "**%s** is not a scope of %s", mdEscape(tok), mdEscape(title(p)))
		if evidence != "" {
			fmt.Fprintf(&b, " (provider inferred from %s)", mdEscape(evidence))
		}
		b.WriteString(".")
		writeSuggestions(&b, cat.Suggest(p.Name, tok, 3))
		writeProblems()
		return b.String()
	}
	owners := cat.Owners(tok)
	if len(owners) > 0 {
		for i, sc := range owners {
			if i == 3 {
				break
			}
			if i > 0 {
				b.WriteString("\n\n---\n\n")
			}
			p := cat.Provider(sc.Provider)
			if p == nil {
				p = &catalog.Provider{Name: sc.Provider}
			}
			b.WriteString(scopeDoc(sc, p))
		}
		writeProblems()
		return b.String()
	}
	fmt.Fprintf(&b, "**%s** is not in the catalog, and no provider could be inferred for this scope string.", mdEscape(tok))
	var all []catalog.Suggestion
	for _, p := range cat.Providers() {
		all = append(all, cat.Suggest(p.Name, tok, 3)...)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Distance < all[j].Distance })
	if len(all) > 3 {
		all = all[:3]
	}
	writeSuggestions(&b, all)
	writeProblems()
	return b.String()
}

func writeSuggestions(b *strings.Builder, sugg []catalog.Suggestion) {
	if len(sugg) == 0 {
		return
	}
	b.WriteString("\n\nNearest valid scopes:")
	for _, sg := range sugg {
		fmt.Fprintf(b, "\n- `%s`", sg.Scope.Name)
		if sg.Scope.Description != "" {
			fmt.Fprintf(b, ": %s", mdEscape(sg.Scope.Description))
		}
	}
}

func title(p *catalog.Provider) string {
	if p.Title != "" {
		return p.Title
	}
	return p.Name
}
