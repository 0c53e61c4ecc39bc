package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// srcProvider is one catalog-sources/<provider>.json file. Only the fields
// the generator uses are declared; the rest are ignored.
type srcProvider struct {
	Provider           string            `json:"provider"`
	Source             []srcRef          `json:"source"`
	Pages              []string          `json:"pages"`
	Delimiter          string            `json:"delimiter"`
	DelimiterNote      string            `json:"delimiter_note"`
	AuthorizeHosts     []string          `json:"authorize_hosts"`
	TokenHosts         []string          `json:"token_hosts"`
	AuthorizePaths     []string          `json:"authorize_paths"`
	CodeSignals        []string          `json:"code_signals"`
	Prefixes           []string          `json:"prefixes"`
	CaseSensitive      *bool             `json:"case_sensitive"`
	CaseNote           string            `json:"case_note"`
	Aliases            []string          `json:"aliases"`
	Notes              []string          `json:"notes"`
	ShortFormNote      string            `json:"short_form_note"`
	FormatNotes        []string          `json:"format_notes"`
	GcloudAliases      *srcGcloudAliases `json:"gcloud_aliases"`
	DeprecatedPrefixes []struct {
		Prefix     string `json:"prefix"`
		ReplacedBy string `json:"replaced_by"`
	} `json:"deprecated_prefixes"`
	Scopes []srcScope `json:"scopes"`
}

type srcRef struct {
	Repo   string `json:"repo"`
	Path   string `json:"path"`
	Commit string `json:"commit"`
	URL    string `json:"url"`
}

type srcGcloudAliases struct {
	Source  srcRef `json:"source"`
	Note    string `json:"note"`
	Aliases []struct {
		Alias     string `json:"alias"`
		ExpandsTo string `json:"expands_to"`
		InCatalog bool   `json:"target_in_catalog"`
		Note      string `json:"note"`
	} `json:"aliases"`
}

type srcScope struct {
	Name                 string          `json:"name"`
	Short                *string         `json:"short"`
	API                  string          `json:"api"`
	APIs                 []string        `json:"apis"`
	Deprecated           bool            `json:"deprecated"`
	ReplacedBy           []string        `json:"replaced_by"`
	SuggestedReplacement []string        `json:"suggested_replacement"`
	Implies              []string        `json:"implies"`
	Requires             []string        `json:"requires"`
	Sensitivity          *string         `json:"sensitivity"`
	DocURL               *string         `json:"doc_url"`
	Status               string          `json:"status"`
	Description          string          `json:"description"`
	Note                 string          `json:"note"`
	Kind                 string          `json:"kind"`
	Product              string          `json:"product"`
	TokenTypes           []string        `json:"token_types"`
	DefaultType          string          `json:"default_type"`
	Resource             *string         `json:"resource"`
	Types                []string        `json:"types"`
	AdminConsent         map[string]bool `json:"admin_consent"`
	Hidden               *bool           `json:"hidden"`
	Enabled              *bool           `json:"enabled"`
}

// readSources reads every *.json file of dir, sorted by file name.
func readSources(dir string) ([]*srcProvider, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no *.json files in %s", dir)
	}
	sort.Strings(files)
	var out []*srcProvider
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("reading source: %w", err)
		}
		var p srcProvider
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&p); err != nil {
			return nil, fmt.Errorf("decoding %s: %w", f, err)
		}
		if p.Provider == "" {
			return nil, fmt.Errorf("%s: no provider name", f)
		}
		if strings.ToLower(p.Provider) != p.Provider {
			return nil, fmt.Errorf("%s: provider name %q is not lowercase", f, p.Provider)
		}
		out = append(out, &p)
	}
	return out, nil
}
