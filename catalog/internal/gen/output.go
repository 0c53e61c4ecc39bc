package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// The types below mirror catalog.Provider, catalog.Scope, catalog.Alias and
// catalog.Source field for field and tag for tag (the generator cannot
// import the catalog package: that package embeds the files written here).
// catalog's tests decode every data file into catalog.Provider with unknown
// fields disallowed, so a drift between the two shows up there. Scope's
// provider field is left out: catalog.New fills it in.

type outProvider struct {
	Name           string      `json:"name"`
	Title          string      `json:"title"`
	OtherNames     []string    `json:"other_names,omitempty"`
	Delimiter      string      `json:"delimiter"`
	AcceptsComma   bool        `json:"accepts_comma,omitempty"`
	AcceptsSpace   bool        `json:"accepts_space,omitempty"`
	DelimiterNote  string      `json:"delimiter_note,omitempty"`
	AuthorizeHosts []string    `json:"authorize_hosts"`
	AuthorizePaths []string    `json:"authorize_paths,omitempty"`
	Signals        []string    `json:"signals,omitempty"`
	Prefixes       []string    `json:"prefixes,omitempty"`
	PrefixRequired bool        `json:"prefix_required,omitempty"`
	CaseSensitive  bool        `json:"case_sensitive"`
	Aliases        []outAlias  `json:"aliases,omitempty"`
	Notes          []string    `json:"notes,omitempty"`
	Provenance     []outSource `json:"provenance,omitempty"`
	Scopes         []*outScope `json:"scopes"`
}

type outAlias struct {
	Name      string   `json:"name"`
	ExpandsTo []string `json:"expands_to"`
	Note      string   `json:"note,omitempty"`
}

type outSource struct {
	Repo   string `json:"repo,omitempty"`
	Path   string `json:"path,omitempty"`
	Commit string `json:"commit,omitempty"`
	URL    string `json:"url,omitempty"`
}

type outScope struct {
	Name                 string   `json:"name"`
	Short                string   `json:"short,omitempty"`
	Description          string   `json:"description"`
	Note                 string   `json:"note,omitempty"`
	API                  string   `json:"api,omitempty"`
	Deprecated           bool     `json:"deprecated,omitempty"`
	ReplacedBy           []string `json:"replaced_by,omitempty"`
	SuggestedReplacement []string `json:"suggested_replacement,omitempty"`
	Implies              []string `json:"implies,omitempty"`
	Requires             []string `json:"requires,omitempty"`
	Sensitivity          string   `json:"sensitivity,omitempty"`
	DocURL               string   `json:"doc_url,omitempty"`
	Hidden               bool     `json:"hidden,omitempty"`
	Broad                bool     `json:"broad,omitempty"`
	Kind                 string   `json:"kind,omitempty"`
	TokenTypes           []string `json:"token_types,omitempty"`
	Popularity           int      `json:"popularity,omitempty"`
}

// writeProvider writes p as compact JSON to dir/<name>.json, one scope per
// line so that diffs of the generated files stay readable.
func writeProvider(dir string, p *outProvider) error {
	scopes := p.Scopes
	head := *p
	head.Scopes = nil
	var buf bytes.Buffer
	hb, err := marshal(&head)
	if err != nil {
		return fmt.Errorf("encoding %s: %w", p.Name, err)
	}
	// hb ends in `"scopes":null}`; replace that with the scope list.
	const tail = `"scopes":null}`
	if !bytes.HasSuffix(hb, []byte(tail)) {
		return fmt.Errorf("encoding %s: unexpected JSON tail", p.Name)
	}
	buf.Write(hb[:len(hb)-len(tail)])
	buf.WriteString("\"scopes\":[")
	for i, s := range scopes {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		sb, err := marshal(s)
		if err != nil {
			return fmt.Errorf("encoding %s scope %q: %w", p.Name, s.Name, err)
		}
		buf.Write(sb)
	}
	buf.WriteString("\n]}\n")
	path := filepath.Join(dir, p.Name+".json")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// marshal encodes v as compact JSON without HTML escaping.
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}
