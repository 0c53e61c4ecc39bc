package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
)

// The markers between which runReport writes into the document.
const (
	beginMarker = "<!-- bench:results:begin -->"
	endMarker   = "<!-- bench:results:end -->"
)

// results are the values measured by one bench/run.sh run, by key.
type results struct {
	num  map[string]float64
	text map[string]string
}

// readResults reads a results file: one "key<TAB>value<TAB>unit" a line.
// Values that are not numbers (the machine's description) are kept as
// text.
func readResults(path string) (*results, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer f.Close()
	r := &results{num: map[string]float64{}, text: map[string]string{}}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		parts := strings.Split(sc.Text(), "\t")
		if len(parts) < 2 || parts[0] == "" {
			continue
		}
		if v, err := strconv.ParseFloat(parts[1], 64); err == nil {
			r.num[parts[0]] = v
		} else {
			r.text[parts[0]] = parts[1]
		}
	}
	return r, sc.Err()
}

// budgetKind says how a row's figure is held against its budget.
type budgetKind int

const (
	noBudget budgetKind = iota
	atMost              // the value (or the ratio) must stay at or below the budget
	atLeast             // the value (or the ratio) must reach the budget
)

// row is one line of the table.
type row struct {
	what    string
	key     string // scopels' figure
	unit    string
	ref     string // the reference tool's figure, "" for none
	refName string
	// With a reference, the ratio is reference/scopels ("x faster") when
	// faster is set, else scopels/reference (for times, the multiple of
	// the reference's time; for throughputs, of its throughput).
	faster bool
	kind   budgetKind
	budget float64
}

// rows lists the table: DESIGN §8's budgets first, then figures for
// context.
var rows = []row{
	{what: "Analysis throughput, mixed corpus, one core", key: "go.analyze.mixed", unit: "MB/s", kind: atLeast, budget: 200},
	{what: "`check` on the Go source tree vs `rg -c -i scope`", key: "check.goroot", unit: "ms", ref: "rg.goroot", refName: "ripgrep", kind: atMost, budget: 3},
	{what: "`check` on the corpus vs cspell with every catalog scope", key: "check.corpus.cspell", unit: "ms", ref: "cspell.corpus", refName: "cspell", faster: true, kind: atLeast, budget: 20},
	{what: "LSP start to initialize reply", key: "lsp.initialize", unit: "ms", kind: atMost, budget: 30},
	{what: "LSP didChange to diagnostics, 2,000 lines", key: "lsp.didChange.2000-lines", unit: "ms", kind: atMost, budget: 2},
	{what: "LSP didChange to diagnostics, 1 MB", key: "lsp.didChange.1MB", unit: "ms", kind: atMost, budget: 20},
	{what: "LSP completion", key: "lsp.completion", unit: "ms", kind: atMost, budget: 2},
	{what: "LSP hover", key: "lsp.hover", unit: "ms", kind: atMost, budget: 2},
	{what: "LSP codeAction", key: "lsp.codeAction", unit: "ms", kind: atMost, budget: 2},
	{what: "Server resident memory, 1 MB document open", key: "lsp.rss.1MB", unit: "MB", kind: atMost, budget: 60},
	{what: "Analysis throughput, OAuth-shaped files only, one core", key: "go.analyze.oauth", unit: "MB/s"},
	{what: "Analysis of a 1 MB file of scope literals (Go), one core", key: "go.analyze.worst", unit: "MB/s"},
	{what: "YAML extraction, 1 MB of Kubernetes manifests, vs yaml.v3", key: "go.extract.yaml", unit: "MB/s", ref: "go.extract.yamlv3", refName: "yaml.v3"},
	{what: "`check` on the corpus vs `rg -c -i scope`", key: "check.corpus", unit: "ms", ref: "rg.corpus", refName: "ripgrep"},
	{what: "LSP open to diagnostics, 2,000 lines", key: "lsp.open.2000-lines", unit: "ms"},
	{what: "LSP open to diagnostics, 1 MB", key: "lsp.open.1MB", unit: "ms"},
	{what: "Server peak resident memory, 1 MB document", key: "lsp.hwm.1MB", unit: "MB"},
	{what: "`check` peak resident memory, Go source tree", key: "check.goroot.rss", unit: "MB"},
}

// ratio returns the row's ratio, and whether it has one.
func (rw row) ratio(r *results) (float64, bool) {
	if rw.ref == "" {
		return 0, false
	}
	v, ok1 := r.num[rw.key]
	ref, ok2 := r.num[rw.ref]
	if !ok1 || !ok2 || v <= 0 || ref <= 0 {
		return 0, false
	}
	if rw.faster {
		return ref / v, true
	}
	return v / ref, true // times: scopels' share; throughputs: its multiple
}

// share returns how much of its budget a row uses (1 = all of it), and
// whether the row has a budget and a figure.
func (rw row) share(r *results) (float64, bool) {
	if rw.kind == noBudget {
		return 0, false
	}
	v, ok := r.num[rw.key]
	if rw.ref != "" {
		v, ok = rw.ratio(r)
	}
	if !ok || v <= 0 {
		return 0, false
	}
	if rw.kind == atMost {
		return v / rw.budget, true
	}
	return rw.budget / v, true
}

// runReport writes the table and the chart.
func runReport(args []string) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	in := fs.String("results", "", "results file")
	doc := fs.String("doc", "", "markdown document to write the table into")
	svgPath := fs.String("svg", "", "SVG chart to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *in == "" || *doc == "" || *svgPath == "" {
		return errors.New("report: -results, -doc and -svg are required")
	}
	r, err := readResults(*in)
	if err != nil {
		return err
	}
	if err := os.WriteFile(*svgPath, chart(r), 0o644); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	old, err := os.ReadFile(*doc)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	updated, err := replaceBetween(old, table(r))
	if err != nil {
		return fmt.Errorf("report: %s: %w", *doc, err)
	}
	return os.WriteFile(*doc, updated, 0o644)
}

// replaceBetween replaces what stands between the markers in doc.
func replaceBetween(doc, content []byte) ([]byte, error) {
	b := bytes.Index(doc, []byte(beginMarker))
	e := bytes.Index(doc, []byte(endMarker))
	if b < 0 || e < b {
		return nil, fmt.Errorf("no %s ... %s section", beginMarker, endMarker)
	}
	var out bytes.Buffer
	out.Write(doc[:b+len(beginMarker)])
	out.WriteString("\n")
	out.Write(content)
	out.Write(doc[e:])
	return out.Bytes(), nil
}

// table renders the results as markdown.
func table(r *results) []byte {
	var b bytes.Buffer
	if env := r.text["env.machine"]; env != "" {
		fmt.Fprintf(&b, "Measured on %s.\n\n", env)
	}
	b.WriteString("| measurement | scopels | reference | ratio | budget | |\n|---|---:|---:|---:|---|---|\n")
	for _, rw := range rows {
		v, ok := r.num[rw.key]
		if !ok {
			continue
		}
		ref, ratio, budget, status := "", "", "", ""
		if rw.ref != "" {
			if rv, ok := r.num[rw.ref]; ok {
				ref = fmt.Sprintf("%s %s", figure(rv, rw.unit), rw.refName)
			}
			if x, ok := rw.ratio(r); ok {
				ratio = fmt.Sprintf("%.2f×", x)
				if rw.faster {
					ratio = fmt.Sprintf("%.0f× faster", x)
				}
			}
		}
		switch rw.kind {
		case atMost:
			budget = fmt.Sprintf("≤ %g %s", rw.budget, rw.unit)
			if rw.ref != "" {
				budget = fmt.Sprintf("≤ %g× %s", rw.budget, rw.refName)
			}
		case atLeast:
			budget = fmt.Sprintf("≥ %g %s", rw.budget, rw.unit)
			if rw.ref != "" {
				budget = fmt.Sprintf("≥ %g× faster", rw.budget)
			}
		}
		if s, ok := rw.share(r); ok {
			status = "met"
			if s > 1 {
				status = "**over**"
			}
		}
		fig := figure(v, rw.unit)
		if best, ok := r.num[rw.key+".best"]; ok {
			fig += fmt.Sprintf(" (best %s)", figure(best, rw.unit))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", rw.what, fig, ref, ratio, budget, status)
	}
	b.WriteString("\n![Share of each budget used](performance.svg)\n\n")
	return b.Bytes()
}

// figure writes a value with its unit, with sensible precision.
func figure(v float64, unit string) string {
	switch {
	case v >= 100:
		return fmt.Sprintf("%.0f %s", v, unit)
	case v >= 10:
		return fmt.Sprintf("%.1f %s", v, unit)
	default:
		return fmt.Sprintf("%.2f %s", v, unit)
	}
}
