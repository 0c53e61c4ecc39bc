package lsptest

import (
	"context"
	"net"
	"slices"
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/lsp"
)

// Benchmarks of the in-process server over net.Pipe, through the whole
// JSON-RPC path. Each reports the median round trip ("median-ms") next to
// the mean (ns/op).

// reportMedian adds the median of ds to b's results.
func reportMedian(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	b.ReportMetric(float64(ds[len(ds)/2])/float64(time.Millisecond), "median-ms")
}

// benchSession opens text in a fresh server and waits for its first
// diagnostics.
func benchSession(b *testing.B, text string) (*Client, uri.URI) {
	return benchSessionAt(b, text, "/tmp/scopels-bench/server.go")
}

func benchSessionAt(b *testing.B, text, path string) (*Client, uri.URI) {
	b.Helper()
	c := Start(b, lsp.Options{Logger: Discard})
	c.Initialize(InitParams(UTF16))
	u := uri.File(path)
	lang := "go"
	if !strings.HasSuffix(path, ".go") {
		lang = "binary" // no format: not checked
	}
	c.Open(u, lang, text)
	c.Diagnostics(u, 1)
	return c, u
}

// benchDidChange edits text at path; analyzed says whether the path is
// checked (a file of no known format measures the server alone: sync,
// scheduling, JSON-RPC and the pipe).
func benchDidChange(b *testing.B, text, path string, analyzed bool) {
	c, u := benchSessionAt(b, text, path)
	off := strings.LastIndex(text, MarkerFixed) + len(MarkerFixed) - 2
	r := protocol.Range{Start: Position(text, off, UTF16), End: Position(text, off+2, UTF16)}
	ds := make([]time.Duration, 0, b.N)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v := int32(i + 2)
		repl := "yl"
		if i%2 == 1 {
			repl = "ly"
		}
		start := time.Now()
		c.Change(u, v, Edit(r, repl))
		p := c.Diagnostics(u, v)
		ds = append(ds, time.Since(start))
		if want := repl == "yl" && analyzed; (len(ByCode(p.Diagnostics, "unknown-scope")) == 1) != want {
			b.Fatalf("version %d: unknown-scope %v, want %v", v, !want, want)
		}
	}
	b.StopTimer()
	reportMedian(b, ds)
}

// BenchmarkDidChangeToDiagnostics measures an edit to the publication of
// the edited version's diagnostics.
func BenchmarkDidChangeToDiagnostics(b *testing.B) {
	const goPath, noFormat = "/tmp/scopels-bench/server.go", "/tmp/scopels-bench/server.unchecked"
	b.Run("2000-lines", func(b *testing.B) { benchDidChange(b, Synthetic(2000, 0), goPath, true) })
	b.Run("1MB", func(b *testing.B) { benchDidChange(b, Synthetic(0, 1<<20), goPath, true) })
	b.Run("2000-lines-server-only", func(b *testing.B) { benchDidChange(b, Synthetic(2000, 0), noFormat, false) })
	b.Run("1MB-server-only", func(b *testing.B) { benchDidChange(b, Synthetic(0, 1<<20), noFormat, false) })
}

// BenchmarkRoundTrip measures completion, hover and codeAction requests
// on a 2,000-line file holding a misspelt scope.
func BenchmarkRoundTrip(b *testing.B) {
	text := strings.Replace(Synthetic(2000, 0), MarkerFixed, MarkerTypo, 1)
	off := strings.LastIndex(text, MarkerTypo) + len(MarkerTypo) - 4
	pos := Position(text, off, UTF16)
	tdpp := protocol.TextDocumentPositionParams{Position: pos}
	for _, tc := range []struct {
		name string
		do   func(ctx context.Context, c *Client, u uri.URI) (ok bool, err error)
	}{
		{"completion", func(ctx context.Context, c *Client, u uri.URI) (bool, error) {
			p := &protocol.CompletionParams{TextDocumentPositionParams: tdpp}
			p.TextDocument.URI = u
			res, err := c.Server.Completion(ctx, p)
			l, _ := res.(*protocol.CompletionList)
			return l != nil && len(l.Items) > 0, err
		}},
		{"hover", func(ctx context.Context, c *Client, u uri.URI) (bool, error) {
			p := &protocol.HoverParams{TextDocumentPositionParams: tdpp}
			p.TextDocument.URI = u
			h, err := c.Server.Hover(ctx, p)
			return h != nil, err
		}},
		{"codeAction-automatic", func(ctx context.Context, c *Client, u uri.URI) (bool, error) {
			as, err := c.Server.CodeAction(ctx, &protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
				Range:        protocol.Range{Start: pos, End: pos},
				Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, TriggerKind: protocol.CodeActionTriggerKindAutomatic},
			})
			return len(as) > 0, err
		}},
		{"codeAction-invoked-with-fixAll", func(ctx context.Context, c *Client, u uri.URI) (bool, error) {
			as, err := c.Server.CodeAction(ctx, &protocol.CodeActionParams{
				TextDocument: protocol.TextDocumentIdentifier{URI: u},
				Range:        protocol.Range{Start: pos, End: pos},
				Context:      protocol.CodeActionContext{Diagnostics: []protocol.Diagnostic{}, TriggerKind: protocol.CodeActionTriggerKindInvoked},
			})
			return len(as) > 1, err
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			c, u := benchSession(b, text)
			ctx := context.Background()
			ds := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				ok, err := tc.do(ctx, c, u)
				ds = append(ds, time.Since(start))
				if err != nil || !ok {
					b.Fatalf("%s: ok=%v err=%v", tc.name, ok, err)
				}
			}
			b.StopTimer()
			reportMedian(b, ds)
		})
	}
}

// BenchmarkInitialize measures a new session up to the initialize reply
// (in-process; the catalog is loaded once per process).
func BenchmarkInitialize(b *testing.B) {
	ds := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		sa, ca := net.Pipe()
		done := make(chan int, 1)
		go func() { done <- lsp.Serve(context.Background(), sa, lsp.Options{Logger: Discard}) }()
		c := newClient(b, ca)
		ctx, cancel := c.Context()
		if _, err := c.Server.Initialize(ctx, InitParams(UTF16)); err != nil {
			b.Fatal(err)
		}
		ds = append(ds, time.Since(start))
		cancel()
		c.Close()
		<-done
	}
	reportMedian(b, ds)
}
