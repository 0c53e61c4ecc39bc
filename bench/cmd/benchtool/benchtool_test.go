package main

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParseCommands(t *testing.T) {
	cmds, err := parseCommands([]string{"rg.x", "rg", "-c", "scope", "+", "check.x", "scopels", "check", "."})
	if err != nil {
		t.Fatal(err)
	}
	if len(cmds) != 2 || cmds[0].name != "rg.x" || !reflect.DeepEqual(cmds[0].args, []string{"rg", "-c", "scope"}) ||
		cmds[1].name != "check.x" || !reflect.DeepEqual(cmds[1].args, []string{"scopels", "check", "."}) {
		t.Errorf("got %+v %+v", cmds[0], cmds[1])
	}
	for _, bad := range [][]string{nil, {"name"}, {"a", "b", "+", "c"}, {"+"}} {
		if _, err := parseCommands(bad); err == nil {
			t.Errorf("parseCommands(%q): no error", bad)
		}
	}
}

func TestParseGoBench(t *testing.T) {
	out := `goos: linux
BenchmarkAnalyzeMixed/all         	       3	  80000000 ns/op	 290.50 MB/s	  77.00 diagnostics
BenchmarkAnalyzeMixed/all         	       3	  80000000 ns/op	 310.25 MB/s	  77.00 diagnostics
BenchmarkAnalyzeMixed/all-2       	       3	  80000000 ns/op	 300.00 MB/s
BenchmarkExtractYAML-16   	      10	  10000000 ns/op	 100.0 MB/s	 100 B/op
BenchmarkNoSpeed   	      10	  10 ns/op
PASS
`
	got, err := parseGoBench(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]float64{
		"AnalyzeMixed/all": {290.5, 310.25, 300},
		"ExtractYAML":      {100},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestRunGoBenchWritesMedians(t *testing.T) {
	res := filepath.Join(t.TempDir(), "r.tsv")
	out := "BenchmarkA 1 1 ns/op 10 MB/s\nBenchmarkA 1 1 ns/op 30 MB/s\nBenchmarkA 1 1 ns/op 20 MB/s\n"
	if err := runGoBench([]string{"-results", res, "A=go.a"}, strings.NewReader(out)); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(res)
	if string(data) != "go.a\t20.000\tMB/s\ngo.a.best\t30.000\tMB/s\n" {
		t.Errorf("results %q", data)
	}
	if err := runGoBench([]string{"-results", res, "B=go.b"}, strings.NewReader(out)); err == nil {
		t.Error("a missing benchmark gave no error")
	}
}

func TestDict(t *testing.T) {
	in := `{"scopes":[{"provider":"b","name":"repo"},{"provider":"a","name":"openid"},{"provider":"c","name":"openid"},{"provider":"d","name":""}]}`
	var out bytes.Buffer
	if err := runDict(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	if out.String() != "openid\nrepo\n" {
		t.Errorf("got %q", out.String())
	}
	if err := runDict(strings.NewReader(`{"scopes":[]}`), io.Discard); err == nil {
		t.Error("an empty catalog gave no error")
	}
	if err := runDict(strings.NewReader(`not json`), io.Discard); err == nil {
		t.Error("bad JSON gave no error")
	}
}

func TestReplaceBetween(t *testing.T) {
	doc := []byte("# T\n\nintro\n" + beginMarker + "\nold\n" + endMarker + "\nafter\n")
	got, err := replaceBetween(doc, []byte("new\n"))
	if err != nil {
		t.Fatal(err)
	}
	want := "# T\n\nintro\n" + beginMarker + "\nnew\n" + endMarker + "\nafter\n"
	if string(got) != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if _, err := replaceBetween([]byte("no markers"), nil); err == nil {
		t.Error("no markers: no error")
	}
}

// sample are results with every row's figures: some budgets met, two not.
func sample() *results {
	return &results{
		num: map[string]float64{
			"go.analyze.mixed": 250, "go.analyze.mixed.best": 280, "check.goroot": 900, "rg.goroot": 250, "check.corpus.cspell": 300,
			"cspell.corpus": 40000, "lsp.initialize": 10, "lsp.didChange.2000-lines": 1,
			"lsp.didChange.1MB": 25, "lsp.rss.1MB": 35, "go.extract.yaml": 80, "go.extract.yamlv3": 10,
		},
		text: map[string]string{"env.machine": "a test machine"},
	}
}

func TestShareAndRatio(t *testing.T) {
	r := sample()
	find := func(key string) row {
		for _, rw := range rows {
			if rw.key == key {
				return rw
			}
		}
		t.Fatalf("no row %s", key)
		return row{}
	}
	for _, tc := range []struct {
		key   string
		share float64
	}{
		{"go.analyze.mixed", 200.0 / 250}, // at least 200 MB/s
		{"check.goroot", 900.0 / 250 / 3}, // at most 3x ripgrep
		{"lsp.didChange.1MB", 25.0 / 20},  // at most 20 ms
		{"lsp.rss.1MB", 35.0 / 60},        // at most 60 MB
	} {
		s, ok := find(tc.key).share(r)
		if !ok || math.Abs(s-tc.share) > 1e-9 {
			t.Errorf("%s: share %v %v, want %v", tc.key, s, ok, tc.share)
		}
	}
	// cspell: 40000/300 = 133x faster, against at least 20x.
	cs := rows[2]
	if x, ok := cs.ratio(r); !ok || math.Abs(x-40000.0/300) > 1e-9 {
		t.Errorf("cspell ratio %v %v", x, ok)
	}
	if _, ok := find("lsp.completion").share(r); ok {
		t.Error("a row without a figure has a share")
	}
}

func TestTable(t *testing.T) {
	tab := string(table(sample()))
	for _, want := range []string{
		"Measured on a test machine.",
		"| Analysis throughput, mixed corpus, one core | 250 MB/s (best 280 MB/s) |  |  | ≥ 200 MB/s | met |",
		"| 900 ms | 250 ms ripgrep | 3.60× | ≤ 3× ripgrep | **over** |",
		"| 300 ms | 40000 ms cspell | 133× faster | ≥ 20× faster | met |",
		"| LSP didChange to diagnostics, 1 MB | 25.0 ms |  |  | ≤ 20 ms | **over** |",
		"80.0 MB/s | 10.0 MB/s yaml.v3 | 8.00× |",
		"performance.svg",
	} {
		if !strings.Contains(tab, want) {
			t.Errorf("table lacks %q:\n%s", want, tab)
		}
	}
	if strings.Contains(tab, "LSP hover") {
		t.Error("a row without a figure is in the table")
	}
}

func TestChart(t *testing.T) {
	svg := chart(sample())
	dec := xml.NewDecoder(bytes.NewReader(svg))
	rects := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "rect" {
			rects++
		}
	}
	// The background and one bar per budget with a figure: mixed,
	// goroot, cspell, initialize, didChange 2000 and 1MB, rss.
	if rects != 1+7 {
		t.Errorf("%d rects, want 8", rects)
	}
	if !bytes.Contains(svg, []byte("#c0392b")) || !bytes.Contains(svg, []byte("#2e8b57")) {
		t.Error("the chart does not color budgets met and missed apart")
	}
}
