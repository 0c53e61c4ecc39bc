package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// runDict reads `scopels catalog list --format json` and writes every
// scope name once, one a line: a cspell dictionary.
func runDict(r io.Reader, w io.Writer) error {
	var cat struct {
		Scopes []struct {
			Name string `json:"name"`
		} `json:"scopes"`
	}
	if err := json.NewDecoder(r).Decode(&cat); err != nil {
		return fmt.Errorf("dict: reading the catalog: %w", err)
	}
	seen := map[string]bool{}
	var names []string
	for _, s := range cat.Scopes {
		if s.Name != "" && !seen[s.Name] {
			seen[s.Name] = true
			names = append(names, s.Name)
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("dict: the catalog lists no scopes")
	}
	sort.Strings(names)
	for _, n := range names {
		if _, err := fmt.Fprintln(w, n); err != nil {
			return err
		}
	}
	return nil
}
