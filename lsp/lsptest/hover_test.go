package lsptest

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"
)

func hover(t *testing.T, c *Client, u uri.URI, text string, off int, enc protocol.PositionEncodingKind) *protocol.Hover {
	t.Helper()
	ctx, cancel := c.Context()
	defer cancel()
	h, err := c.Server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: protocol.TextDocumentPositionParams{
		TextDocument: protocol.TextDocumentIdentifier{URI: u},
		Position:     Position(text, off, enc),
	}})
	if err != nil {
		t.Fatalf("hover: %v", err)
	}
	return h
}

func hoverText(t *testing.T, h *protocol.Hover) string {
	t.Helper()
	if h == nil {
		t.Fatal("no hover")
	}
	mc, ok := h.Contents.(*protocol.MarkupContent)
	if !ok {
		t.Fatalf("contents = %T, want markup", h.Contents)
	}
	return mc.Value
}

func TestHover(t *testing.T) {
	encodings(t, func(t *testing.T, enc protocol.PositionEncodingKind) {
		dir := workspace(t, nil)
		c := session(t, enc, dir)
		u := fileURI(dir, "main.go")
		c.Open(u, "go", goSource)

		known := googlePrefix + "calendar"
		h := hover(t, c, u, goSource, strings.Index(goSource, known)+5, enc)
		md := hoverText(t, h)
		for _, want := range []string{"calendar", "Google"} {
			if !strings.Contains(md, want) {
				t.Errorf("hover on a known scope lacks %q:\n%s", want, md)
			}
		}
		if want := RangeOf(t, goSource, known, 0, enc); h.Range == nil || *h.Range != want {
			t.Errorf("hover range = %+v, want %+v", h.Range, want)
		}

		// On the misspelt scope: why, and the nearest valid scope.
		h = hover(t, c, u, goSource, strings.Index(goSource, typo)+len(typo)-2, enc)
		md = hoverText(t, h)
		if !strings.Contains(md, "not a scope of") || !strings.Contains(md, fixed) {
			t.Errorf("hover on an unknown scope:\n%s", md)
		}
		if want := RangeOf(t, goSource, typo, 0, enc); h.Range == nil || *h.Range != want {
			t.Errorf("hover range = %+v, want %+v", h.Range, want)
		}

		// Outside scope strings: nothing.
		if h := hover(t, c, u, goSource, strings.Index(goSource, "package")+1, enc); h != nil {
			t.Errorf("hover outside a scope string: %+v", h)
		}
	})
}

func TestHoverCustomProviderDeprecated(t *testing.T) {
	dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	c := session(t, UTF16, dir)
	u := fileURI(dir, "mobile/app.py")
	c.Open(u, "python", acmeSource)
	md := hoverText(t, hover(t, c, u, acmeSource, strings.Index(acmeSource, "api.multipass")+3, UTF16))
	for _, want := range []string{"Acme API", "Deprecated", "`api.write_multipass`"} {
		if !strings.Contains(md, want) {
			t.Errorf("hover lacks %q:\n%s", want, md)
		}
	}
	md = hoverText(t, hover(t, c, u, acmeSource, strings.Index(acmeSource, "api.read_profile")+3, UTF16))
	if !strings.Contains(md, "Read the signed-in user") {
		t.Errorf("hover lacks the description:\n%s", md)
	}
}
