package main

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// embeddedSupplement holds the repo-local supplement files the generator
// merges with the shared sources (see readSupplements).
//
//go:embed supplement/*.json
var embeddedSupplement embed.FS

// suppFile is one supplement/<provider>.json: scopes the shared source of
// that provider lacks, each with the place its facts were read from.
// Unknown fields are an error, so provider wording (a "description") can
// never slip in: descriptions are always written by rule.
type suppFile struct {
	Provider string      `json:"provider"`
	Note     string      `json:"note"`
	Scopes   []suppScope `json:"scopes"`
}

// suppScope has the fields of a shared source's scope entry that a
// supplement may state, plus its provenance.
type suppScope struct {
	Name        string    `json:"name"`
	Short       *string   `json:"short"`
	API         string    `json:"api"`
	APIs        []string  `json:"apis"`
	Deprecated  bool      `json:"deprecated"`
	ReplacedBy  []string  `json:"replaced_by"`
	Sensitivity *string   `json:"sensitivity"`
	DocURL      *string   `json:"doc_url"`
	Status      string    `json:"status"`
	Origin      string    `json:"origin"`
	Source      []suppRef `json:"source"`
}

// suppRef names the file of a versioned Go module, and the constant in it,
// that declares a scope.
type suppRef struct {
	Module  string `json:"module"`
	Version string `json:"version"`
	Path    string `json:"path"`
	Const   string `json:"const"`
}

// readSupplements reads every *.json file at the root of fsys, sorted by
// file name. A nil fsys has no supplements.
func readSupplements(fsys fs.FS) ([]*suppFile, error) {
	if fsys == nil {
		return nil, nil
	}
	files, err := fs.Glob(fsys, "*.json")
	if err != nil {
		return nil, fmt.Errorf("listing supplements: %w", err)
	}
	sort.Strings(files)
	var out []*suppFile
	for _, f := range files {
		data, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("reading supplement: %w", err)
		}
		var s suppFile
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("decoding supplement %s: %w", f, err)
		}
		if s.Provider == "" {
			return nil, fmt.Errorf("supplement %s: no provider name", f)
		}
		if want := strings.TrimSuffix(f, ".json"); s.Provider != want {
			return nil, fmt.Errorf("supplement %s: provider %q does not match the file name", f, s.Provider)
		}
		out = append(out, &s)
	}
	return out, nil
}

// mergeSupplements appends each supplement's scopes to the shared source of
// its provider, after the shared scopes, and adds the supplement's modules
// to the provider's provenance. Shared facts always win: a supplement scope
// the shared source already has is an error, never a silent override, and
// so is a supplement for a provider no shared source describes, a scope
// without complete provenance, or one the describer's rules do not
// understand.
func mergeSupplements(srcs []*srcProvider, supps []*suppFile) error {
	byName := map[string]*srcProvider{}
	for _, p := range srcs {
		byName[p.Provider] = p
	}
	var errs []string
	for _, sf := range supps {
		p := byName[sf.Provider]
		if p == nil {
			errs = append(errs, fmt.Sprintf("supplement for %s: no shared source for that provider", sf.Provider))
			continue
		}
		shared := map[string]bool{}
		for _, s := range p.Scopes {
			shared[s.Name] = true
		}
		seen := map[string]bool{}
		var refs []srcRef
		for i := range sf.Scopes {
			ss := &sf.Scopes[i]
			if msg := checkSuppScope(sf.Provider, ss, shared, seen); msg != "" {
				errs = append(errs, msg)
				continue
			}
			seen[ss.Name] = true
			s := ss.toSource()
			if d, ok := describeByRule(sf.Provider, &s); !ok || strings.TrimSpace(d) == "" {
				errs = append(errs, fmt.Sprintf("supplement %s: the description rules do not understand %q; extend them", sf.Provider, ss.Name))
				continue
			}
			p.Scopes = append(p.Scopes, s)
			for _, r := range ss.Source {
				refs = append(refs, srcRef{Repo: r.Module + "@" + r.Version, Path: r.Path})
			}
		}
		p.Source = append(p.Source, refs...)
	}
	if len(errs) > 0 {
		return fmt.Errorf("supplement is invalid:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// checkSuppScope returns what is wrong with one supplement scope, or "".
func checkSuppScope(provider string, s *suppScope, shared, seen map[string]bool) string {
	switch {
	case strings.TrimSpace(s.Name) == "" || s.Name != strings.TrimSpace(s.Name):
		return fmt.Sprintf("supplement %s: scope with an empty or padded name %q", provider, s.Name)
	case shared[s.Name]:
		return fmt.Sprintf("supplement %s: %q is already in the shared source; a supplement may not shadow a shared fact, remove it", provider, s.Name)
	case seen[s.Name]:
		return fmt.Sprintf("supplement %s: %q is listed twice", provider, s.Name)
	case len(s.Source) == 0:
		return fmt.Sprintf("supplement %s: %q has no source", provider, s.Name)
	case s.Short != nil && !strings.HasSuffix(s.Name, *s.Short):
		return fmt.Sprintf("supplement %s: %q has short form %q, which it does not end in", provider, s.Name, *s.Short)
	case len(overrides[provider]) > 0 && overrides[provider][s.Name] != "":
		return fmt.Sprintf("supplement %s: %q has a description override; supplement scopes are described by rule", provider, s.Name)
	}
	for _, r := range s.Source {
		if r.Module == "" || r.Version == "" || r.Path == "" || r.Const == "" {
			return fmt.Sprintf("supplement %s: %q has a source without module, version, path and constant", provider, s.Name)
		}
		if path.Clean(r.Path) != r.Path || path.IsAbs(r.Path) || strings.HasPrefix(r.Path, "../") {
			return fmt.Sprintf("supplement %s: %q has a source path %q that is not clean and relative", provider, s.Name, r.Path)
		}
	}
	return ""
}

// toSource returns s as a shared source's scope entry.
func (s *suppScope) toSource() srcScope {
	return srcScope{
		Name:        s.Name,
		Short:       s.Short,
		API:         s.API,
		APIs:        s.APIs,
		Deprecated:  s.Deprecated,
		ReplacedBy:  s.ReplacedBy,
		Sensitivity: s.Sensitivity,
		DocURL:      s.DocURL,
		Status:      s.Status,
	}
}
