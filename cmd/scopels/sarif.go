package main

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/scopels/scopels/analysis"
)

// SARIF 2.1.0 output, as GitHub code scanning reads it. Only the parts
// scopels fills are modelled.

const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// sarifSrcRoot is the base of every relative artifact URI: the folder
	// scopels ran in (GitHub resolves it to the repository root).
	sarifSrcRoot = "%SRCROOT%"
	// projectURL is where the tool and its check docs live.
	projectURL = "https://github.com/scopels/scopels"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool         `json:"tool"`
	Invocations []sarifInvocation `json:"invocations"`
	// ColumnKind is "unicodeCodePoints": columns count code points.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifMarkdown      `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifMarkdown struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags      []string `json:"tags"`
	Precision string   `json:"precision"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool `json:"executionSuccessful"`
}

type sarifResult struct {
	RuleID     string            `json:"ruleId"`
	RuleIndex  int               `json:"ruleIndex"`
	Level      string            `json:"level"`
	Message    sarifText         `json:"message"`
	Locations  []sarifLocation   `json:"locations"`
	Fixes      []sarifFix        `json:"fixes,omitempty"`
	Properties *sarifResultProps `json:"properties,omitempty"`
}

type sarifResultProps struct {
	Provider string `json:"provider,omitempty"`
	Scope    string `json:"scope,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

// sarifRegion is a text region: 1-based lines and code-point columns, the
// end column one past the last character.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

// sarifReplacement replaces a byte range: fixes are byte-exact, so their
// regions use byteOffset and byteLength, never columns.
type sarifReplacement struct {
	DeletedRegion   sarifByteRegion `json:"deletedRegion"`
	InsertedContent sarifText       `json:"insertedContent"`
}

type sarifByteRegion struct {
	ByteOffset int `json:"byteOffset"`
	ByteLength int `json:"byteLength"`
}

// sarifLevel maps a severity to a SARIF level (SARIF has no hint: it and
// info are notes).
func sarifLevel(s analysis.Severity) string {
	switch s {
	case analysis.SeverityError:
		return "error"
	case analysis.SeverityWarning:
		return "warning"
	}
	return "note"
}

// sarifURI returns the artifact location of a displayed path: a relative
// URI against %SRCROOT%, or a file URI for an absolute path.
func sarifURI(path string) sarifArtifactLocation {
	slash := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		u := url.URL{Scheme: "file", Path: slash}
		return sarifArtifactLocation{URI: u.String()}
	}
	slash = strings.TrimPrefix(slash, "./")
	u := url.URL{Path: slash}
	return sarifArtifactLocation{URI: u.String(), URIBaseID: sarifSrcRoot}
}

// ruleName turns a kebab-case code into the PascalCase name SARIF viewers
// show (unknown-scope -> UnknownScope). SARIF wants the name to differ
// from the id even in case, so a one-word code gets a longer name.
func ruleName(code string) string {
	if code == configCode {
		return "BrokenProjectFile"
	}
	var b strings.Builder
	for _, part := range strings.Split(code, "-") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

// firstParagraph returns the text up to the first blank line, on one line.
func firstParagraph(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "\n\n"); i >= 0 {
		s = s[:i]
	}
	return strings.Join(strings.Fields(s), " ")
}

// sarifRules describes every check, plus the project file check.
func (c *checker) sarifRules() []sarifRule {
	var rules []sarifRule
	for _, a := range append(append([]*analysis.Analyzer{}, c.analyzers...), configAnalyzer()) {
		rules = append(rules, newSARIFRule(a))
	}
	return rules
}

func newSARIFRule(a *analysis.Analyzer) sarifRule {
	title := a.Title
	if title == "" {
		title = a.Code
	}
	full := firstParagraph(a.Doc)
	if full == "" {
		full = title
	}
	help := strings.TrimSpace(a.Doc)
	if help == "" {
		help = title
	}
	sev := a.Severity
	if sev == 0 {
		sev = analysis.SeverityWarning
	}
	return sarifRule{
		ID:                   a.Code,
		Name:                 ruleName(a.Code),
		ShortDescription:     sarifText{Text: title},
		FullDescription:      sarifText{Text: full},
		Help:                 sarifMarkdown{Text: help, Markdown: help},
		HelpURI:              checkDocURL(a.Code),
		DefaultConfiguration: sarifConfiguration{Level: sarifLevel(sev)},
		Properties:           sarifRuleProps{Tags: []string{"oauth", "scopes"}, Precision: "high"},
	}
}

// checkDocURL is where a check is documented; project file problems are
// explained with the project file's keys.
func checkDocURL(code string) string {
	if code == configCode {
		return projectURL + "/blob/main/docs/configuration.md"
	}
	return projectURL + "/blob/main/docs/checks.md#" + code
}

// toolVersion is the module version scopels was built as, without its
// "v" (SARIF viewers compare versions that start with a number), or
// "0.0.0-devel" for a development build.
func toolVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && strings.HasPrefix(info.Main.Version, "v") {
		return strings.TrimPrefix(info.Main.Version, "v")
	}
	return "0.0.0-devel"
}

// writeSARIF prints the findings as a SARIF 2.1.0 log with one run.
// successful is false when the run hit an I/O or project file error.
func writeSARIF(w io.Writer, rules []sarifRule, files []fileFindings, successful bool) error {
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	results := []sarifResult{}
	for _, f := range files {
		loc := sarifURI(f.path)
		for _, x := range f.findings {
			d := x.diag
			i, ok := index[d.Code]
			if !ok {
				// A code no check declares: describe it so the ruleIndex
				// stays valid.
				i = len(rules)
				index[d.Code] = i
				rules = append(rules, newSARIFRule(&analysis.Analyzer{Code: d.Code, Severity: d.Severity}))
			}
			r := sarifResult{
				RuleID:    d.Code,
				RuleIndex: i,
				Level:     sarifLevel(d.Severity),
				Message:   sarifText{Text: d.Message},
				Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
					ArtifactLocation: loc,
					Region: sarifRegion{
						StartLine:   x.line,
						StartColumn: x.cpCol,
						EndLine:     x.endLine,
						EndColumn:   x.cpEndCol,
					},
				}}},
			}
			if r.Message.Text == "" {
				r.Message.Text = d.Code
			}
			if d.Provider != "" || d.Scope != "" {
				r.Properties = &sarifResultProps{Provider: d.Provider, Scope: d.Scope}
			}
			for _, fix := range d.Fixes {
				if len(fix.Edits) == 0 {
					continue
				}
				ch := sarifArtifactChange{ArtifactLocation: loc}
				for _, e := range fix.Edits {
					ch.Replacements = append(ch.Replacements, sarifReplacement{
						DeletedRegion:   sarifByteRegion{ByteOffset: e.Span.Start, ByteLength: e.Span.Len()},
						InsertedContent: sarifText{Text: e.NewText},
					})
				}
				title := fix.Title
				if title == "" {
					title = "Apply the fix"
				}
				r.Fixes = append(r.Fixes, sarifFix{Description: sarifText{Text: title}, ArtifactChanges: []sarifArtifactChange{ch}})
			}
			results = append(results, r)
		}
	}
	log := sarifLog{
		Schema:  sarifSchema,
		Version: sarifVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:           "scopels",
				Version:        toolVersion(),
				InformationURI: projectURL,
				Rules:          rules,
			}},
			Invocations: []sarifInvocation{{ExecutionSuccessful: successful}},
			ColumnKind:  "unicodeCodePoints",
			Results:     results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(log)
}
