package lsptest

import (
	"slices"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

// complete asks for completion at byte offset off of text.
func complete(t *testing.T, c *Client, u uri.URI, text string, off int, enc protocol.PositionEncodingKind) *protocol.CompletionList {
	t.Helper()
	ctx, cancel := c.Context()
	defer cancel()
	res, err := c.Server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Position:     Position(text, off, enc),
	}})
	if err != nil {
		t.Fatalf("completion: %v", err)
	}
	list, ok := res.(*protocol.CompletionList)
	if !ok {
		t.Fatalf("completion result = %T, want a list", res)
	}
	return list
}

func labels(items []protocol.CompletionItem) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Label
	}
	return out
}

func TestCompletionInsideScopeLiteral(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, nil)
		c := session(t, enc, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)

		// The cursor after ".../drive.re" in the misspelt token: the edit
		// must replace the whole token, including "adonyl" after the cursor.
		off := strings.Index(goSource, typo) + len(googlePrefix+"drive.re")
		list := complete(t, c, u, goSource, off, enc)
		i := slices.Index(labels(list.Items), fixed)
		if i < 0 {
			t.Fatalf("%s not offered; got %q", fixed, labels(list.Items))
		}
		it := list.Items[i]
		te, ok := it.TextEdit.(*protocol.TextEdit)
		if !ok {
			t.Fatalf("textEdit = %T, want a TextEdit", it.TextEdit)
		}
		if want := RangeOf(t, goSource, typo, 0, enc); te.Range != want {
			t.Errorf("textEdit range = %+v, want the whole token %+v", te.Range, want)
		}
		if te.NewText != fixed {
			t.Errorf("newText = %q, want %q", te.NewText, fixed)
		}
		if got := ApplyEdits(goSource, []protocol.TextEdit{*te}, enc); !strings.Contains(got, `"`+fixed+`"`) {
			t.Errorf("applying the item gives %q", got)
		}
		if d, _ := it.Detail.Get(); !strings.Contains(d, "Google") {
			t.Errorf("detail = %q, want the provider", d)
		}
		doc, ok := it.Documentation.(*protocol.MarkupContent)
		if !ok || doc.Kind != protocol.MarkupKindMarkdown || doc.Value == "" {
			t.Errorf("documentation = %#v, want markdown", it.Documentation)
		}
		for _, it := range list.Items {
			if d, _ := it.Detail.Get(); !strings.Contains(d, "Google") {
				t.Errorf("item %q of %q: only the set's provider is offered", it.Label, d)
			}
		}
	})
}

func TestCompletionOutsideScopeLiteralIsEmpty(t *testing.T) {
	dir := workspace(t, nil)
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	c.Open(u, "go", goSource)
	for _, at := range []string{"package", "oauth2.Config", "// 認証", "golang.org/x/oauth2"} {
		off := strings.Index(goSource, at) + 2
		if list := complete(t, c, u, goSource, off, UTF16); len(list.Items) != 0 {
			t.Errorf("at %q: %d items, want none", at, len(list.Items))
		}
	}
	// Not open: empty, no error.
	if list := complete(t, c, fileURI(dir, "other.go"), goSource, 0, UTF16); len(list.Items) != 0 {
		t.Errorf("unopened document: %d items", len(list.Items))
	}
}

func TestCompletionDeprecatedLastAndTagged(t *testing.T) {
	dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	c := session(t, UTF8, dir)
	const src = "ACME_CLIENT_ID = \"x\"\nSCOPES = [\"api.read_profile\", \"api.\"]\n"
	u := fileURI(dir, "other/app.py")
	c.Open(u, "python", src)
	off := strings.Index(src, `"api."`) + len(`"api.`)
	list := complete(t, c, u, src, off, UTF8)
	got := labels(list.Items)
	want := []string{"api.read_profile", "api.write_multipass", "api.multipass"}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Fatalf("items %q lack %q", got, w)
		}
	}
	last := list.Items[len(list.Items)-1]
	if last.Label != "api.multipass" {
		t.Errorf("last item = %q, want the deprecated api.multipass", last.Label)
	}
	if !slices.Contains(last.Tags, protocol.CompletionItemTagDeprecated) {
		t.Errorf("deprecated item tags = %v", last.Tags)
	}
	for i := 1; i < len(list.Items); i++ {
		a, _ := list.Items[i-1].SortText.Get()
		b, _ := list.Items[i].SortText.Get()
		if a >= b {
			t.Errorf("sortText not increasing: %q then %q", a, b)
		}
	}
}

func TestCompletionInProjectFileGrantedList(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		text := strings.Replace(acmeProject, "granted: [api.read_profile]", "granted: [api.read_profile, api.wr]", 1)
		dir := workspace(t, map[string]string{".scopels.yaml": text})
		c := session(t, enc, dir)
		u := fileURI(dir, ".scopels.yaml")
		c.Open(u, "yaml", text)
		start := strings.Index(text, "api.wr]")
		off := start + len("api.wr")
		list := complete(t, c, u, text, off, enc)
		i := slices.Index(labels(list.Items), "api.write_multipass")
		if i < 0 {
			t.Fatalf("api.write_multipass not offered: %q", labels(list.Items))
		}
		te := list.Items[i].TextEdit.(*protocol.TextEdit)
		if want := (protocol.Range{Start: Position(text, start, enc), End: Position(text, off, enc)}); te.Range != want {
			t.Errorf("range = %+v, want %+v", te.Range, want)
		}
		// Outside a scope list: nothing.
		off = strings.Index(text, "Acme API") + 2
		if l := complete(t, c, u, text, off, enc); len(l.Items) != 0 {
			t.Errorf("title: %d items, want none", len(l.Items))
		}
	})
}

func TestCompletionInEmptyString(t *testing.T) {
	// The user has typed the quotes of a new element; the provider comes
	// from the other element of the list.
	src := strings.Replace(goSource, `/* 🎉日本 */ "`+typo+`"`, `/* 🎉日本 */ ""`, 1)
	dir := workspace(t, nil)
	c := session(t, UTF16, dir)
	u := fileURI(dir, "main.go")
	c.Open(u, "go", src)
	off := strings.Index(src, `""`) + 1
	list := complete(t, c, u, src, off, UTF16)
	if i := slices.Index(labels(list.Items), fixed); i < 0 {
		t.Fatalf("%s not offered in an empty element; got %d items", fixed, len(list.Items))
	} else if te := list.Items[i].TextEdit.(*protocol.TextEdit); te.Range.Start != te.Range.End || te.Range.Start != Position(src, off, UTF16) {
		t.Errorf("edit range %+v, want an insertion at the cursor", te.Range)
	}
}
