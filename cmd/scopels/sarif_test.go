package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
)

// sarifSchemaPath is the official SARIF 2.1.0 JSON schema (see
// testdata/README.md for where it comes from).
const sarifSchemaPath = "testdata/sarif-schema-2.1.0.json"

// compileSARIFSchema compiles the official schema, with format assertions.
func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(sarifSchemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateSARIF checks a log against the official schema and against the
// rules GitHub code scanning adds.
func validateSARIF(t *testing.T, schema *jsonschema.Schema, out []byte) map[string]any {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("output does not validate against the SARIF 2.1.0 schema: %v\n%s", err, out)
	}
	var log map[string]any
	if err := json.Unmarshal(out, &log); err != nil {
		t.Fatal(err)
	}
	if log["version"] != "2.1.0" || log["$schema"] == nil {
		t.Errorf("version %v, $schema %v", log["version"], log["$schema"])
	}
	run := log["runs"].([]any)[0].(map[string]any)
	rules := run["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)
	for _, res := range run["results"].([]any) {
		r := res.(map[string]any)
		i := int(r["ruleIndex"].(float64))
		if i >= len(rules) || rules[i].(map[string]any)["id"] != r["ruleId"] {
			t.Errorf("result %v: ruleIndex does not name its rule", r["ruleId"])
		}
		if r["message"].(map[string]any)["text"] == "" {
			t.Errorf("result %v has an empty message", r["ruleId"])
		}
	}
	return log
}

func TestSARIFValidatesAndCountsCodePoints(t *testing.T) {
	schema := compileSARIFSchema(t)
	src := []byte("// é\nscopes := []string{\"ünïcode\", \"https://www.googleapis.com/auth/drive.readonyl\"}\n")
	start := bytes.Index(src, []byte("https://"))
	end := start + len("https://www.googleapis.com/auth/drive.readonyl")
	lines := analysis.NewLineIndex(src)
	d := analysis.Diagnostic{
		Span: analysis.Span{Start: start, End: end}, Code: "unknown-scope", Severity: analysis.SeverityError,
		Message: `"…drive.readonyl" is not a Google scope`, Provider: "google", Scope: "drive.readonyl",
		Fixes: []analysis.Fix{{Title: "Replace with drive.readonly", Preferred: true, Edits: []analysis.Edit{
			{Span: analysis.Span{Start: end - 3, End: end}, NewText: "nly"},
		}}},
	}
	x := newFinding(d, src, lines)
	// Line 2; "ünïcode" has two 2-byte characters before the URL.
	lineStart := bytes.IndexByte(src, '\n') + 1
	if x.line != 2 || x.col != start-lineStart+1 || x.cpCol != x.col-2 || x.cpEndCol != x.endCol-2 {
		t.Errorf("positions: line %d col %d cpCol %d endCol %d cpEndCol %d", x.line, x.col, x.cpCol, x.endCol, x.cpEndCol)
	}
	hint := analysis.Diagnostic{Span: analysis.Span{Start: 0, End: 0}, Code: "broad-scope", Severity: analysis.SeverityHint, Message: "broad"}
	files := []fileFindings{
		{path: "dir with space/main.go", findings: []finding{x}},
		{path: filepath.Join(t.TempDir(), "abs.go"), findings: []finding{newFinding(hint, src, lines)}},
		{path: "x.go", findings: []finding{newFinding(analysis.Diagnostic{Code: "made-up", Severity: analysis.SeverityInfo, Message: "m"}, src, lines)}},
	}
	c := &checker{analyzers: checks.All()}
	var out bytes.Buffer
	if err := writeSARIF(&out, c.sarifRules(), files, true); err != nil {
		t.Fatal(err)
	}
	log := validateSARIF(t, schema, out.Bytes())
	run := log["runs"].([]any)[0].(map[string]any)
	if run["columnKind"] != "unicodeCodePoints" {
		t.Errorf("columnKind = %v", run["columnKind"])
	}
	results := run["results"].([]any)
	if len(results) != 3 {
		t.Fatalf("%d results, want 3", len(results))
	}
	loc := results[0].(map[string]any)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
	art := loc["artifactLocation"].(map[string]any)
	if art["uri"] != "dir%20with%20space/main.go" || art["uriBaseId"] != "%SRCROOT%" {
		t.Errorf("artifactLocation = %v", art)
	}
	region := loc["region"].(map[string]any)
	if region["startColumn"].(float64) != float64(x.cpCol) || region["endColumn"].(float64) != float64(x.cpEndCol) {
		t.Errorf("region = %v, want code-point columns %d..%d", region, x.cpCol, x.cpEndCol)
	}
	repl := results[0].(map[string]any)["fixes"].([]any)[0].(map[string]any)["artifactChanges"].([]any)[0].(map[string]any)["replacements"].([]any)[0].(map[string]any)
	del := repl["deletedRegion"].(map[string]any)
	if del["byteOffset"].(float64) != float64(end-3) || del["byteLength"].(float64) != 3 {
		t.Errorf("deletedRegion = %v", del)
	}
	abs := results[1].(map[string]any)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)["artifactLocation"].(map[string]any)
	if !strings.HasPrefix(abs["uri"].(string), "file:///") || abs["uriBaseId"] != nil {
		t.Errorf("absolute path location = %v", abs)
	}
	if results[1].(map[string]any)["level"] != "note" || results[2].(map[string]any)["level"] != "note" {
		t.Error("hint and info must be SARIF notes")
	}
}

func TestSARIFRulesDescribeEveryCheck(t *testing.T) {
	c := &checker{analyzers: checks.All()}
	rules := c.sarifRules()
	if len(rules) != len(checks.All())+1 {
		t.Fatalf("%d rules for %d checks + config", len(rules), len(checks.All()))
	}
	for i, a := range checks.All() {
		r := rules[i]
		if r.ID != a.Code || r.ShortDescription.Text != a.Title || r.DefaultConfiguration.Level != sarifLevel(a.Severity) ||
			!strings.HasSuffix(r.HelpURI, "docs/checks.md#"+a.Code) || r.FullDescription.Text == "" || r.Help.Text == "" {
			t.Errorf("rule %d = %+v does not describe %s", i, r, a.Code)
		}
	}
	if rules[len(rules)-1].ID != configCode {
		t.Errorf("last rule = %s, want config", rules[len(rules)-1].ID)
	}
}

func TestSARIFEmptyRunValidates(t *testing.T) {
	schema := compileSARIFSchema(t)
	code, stdout, stderr := scopels(t, t.TempDir(), "", "check", "--format", "sarif")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	log := validateSARIF(t, schema, []byte(stdout))
	results := log["runs"].([]any)[0].(map[string]any)["results"].([]any)
	if len(results) != 0 {
		t.Errorf("%d results in an empty tree", len(results))
	}
}

func TestRuleName(t *testing.T) {
	for code, want := range map[string]string{"unknown-scope": "UnknownScope", "config": "BrokenProjectFile", "a--b": "AB"} {
		if got := ruleName(code); got != want {
			t.Errorf("ruleName(%q) = %q, want %q", code, got, want)
		}
	}
}
