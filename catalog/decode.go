package catalog

import (
	"encoding/json"
	"fmt"
	"strconv"
)

// decodeProvider parses one embedded data file into a Provider.
//
// The files are the JSON encoding of Provider written by internal/gen, and
// the catalog is loaded whenever a server starts, so this parser is written
// for them: it knows the fields of Provider, Scope, Alias and Source and
// reads values straight into them, with no reflection and no separate
// validation pass (several times faster than encoding/json here). It
// accepts any valid JSON of that shape, whitespace and escapes included,
// and rejects unknown fields and malformed input with the byte offset.
// Tests check that it yields exactly what encoding/json does.
func decodeProvider(b []byte) (*Provider, error) {
	// Strings are cut from one copy of the file, so the scopes' names and
	// descriptions share its memory instead of each being allocated.
	d := decoder{b: string(b)}
	p := new(Provider)
	if err := d.object(func(key string) error { return d.providerField(p, key) }); err != nil {
		return nil, err
	}
	d.space()
	if d.i != len(d.b) {
		return nil, d.errorf("data after the provider object")
	}
	return p, nil
}

// decoder reads JSON from b at offset i.
type decoder struct {
	b string
	i int
}

func (d *decoder) errorf(format string, a ...any) error {
	return fmt.Errorf("offset %d: %s", d.i, fmt.Sprintf(format, a...))
}

func (d *decoder) providerField(p *Provider, key string) error {
	var err error
	switch key {
	case "name":
		p.Name, err = d.str()
	case "title":
		p.Title, err = d.str()
	case "other_names":
		p.OtherNames, err = d.strList()
	case "delimiter":
		var s string
		s, err = d.str()
		p.Delimiter = Delimiter(s)
	case "accepts_comma":
		p.AcceptsComma, err = d.boolean()
	case "accepts_space":
		p.AcceptsSpace, err = d.boolean()
	case "delimiter_note":
		p.DelimiterNote, err = d.str()
	case "authorize_hosts":
		p.AuthorizeHosts, err = d.strList()
	case "authorize_paths":
		p.AuthorizePaths, err = d.strList()
	case "signals":
		p.Signals, err = d.strList()
	case "prefixes":
		p.Prefixes, err = d.strList()
	case "prefix_required":
		p.PrefixRequired, err = d.boolean()
	case "case_sensitive":
		p.CaseSensitive, err = d.boolean()
	case "aliases":
		var null bool
		p.Aliases = nil // a repeated key replaces, as in encoding/json
		null, err = d.list(func() error {
			var a Alias
			if err := d.object(func(key string) error { return d.aliasField(&a, key) }); err != nil {
				return err
			}
			p.Aliases = append(p.Aliases, a)
			return nil
		})
		if !null && p.Aliases == nil {
			p.Aliases = []Alias{}
		}
	case "notes":
		p.Notes, err = d.strList()
	case "provenance":
		var null bool
		p.Provenance = nil
		null, err = d.list(func() error {
			var s Source
			if err := d.object(func(key string) error { return d.sourceField(&s, key) }); err != nil {
				return err
			}
			p.Provenance = append(p.Provenance, s)
			return nil
		})
		if !null && p.Provenance == nil {
			p.Provenance = []Source{}
		}
	case "custom":
		p.Custom, err = d.boolean()
	case "scopes":
		var null bool
		p.Scopes = []*Scope{}
		null, err = d.list(func() error {
			if d.null() {
				return d.errorf("null scope")
			}
			s := new(Scope)
			if err := d.object(func(key string) error { return d.scopeField(s, key) }); err != nil {
				return err
			}
			p.Scopes = append(p.Scopes, s)
			return nil
		})
		if null {
			p.Scopes = nil
		}
	default:
		return d.errorf("unknown provider field %q", key)
	}
	return err
}

func (d *decoder) scopeField(s *Scope, key string) error {
	var err error
	switch key {
	case "provider":
		s.Provider, err = d.str()
	case "name":
		s.Name, err = d.str()
	case "short":
		s.Short, err = d.str()
	case "description":
		s.Description, err = d.str()
	case "note":
		s.Note, err = d.str()
	case "api":
		s.API, err = d.str()
	case "deprecated":
		s.Deprecated, err = d.boolean()
	case "replaced_by":
		s.ReplacedBy, err = d.strList()
	case "suggested_replacement":
		s.SuggestedReplacement, err = d.strList()
	case "implies":
		s.Implies, err = d.strList()
	case "requires":
		s.Requires, err = d.strList()
	case "sensitivity":
		s.Sensitivity, err = d.str()
	case "doc_url":
		s.DocURL, err = d.str()
	case "hidden":
		s.Hidden, err = d.boolean()
	case "broad":
		s.Broad, err = d.boolean()
	case "kind":
		s.Kind, err = d.str()
	case "token_types":
		s.TokenTypes, err = d.strList()
	case "popularity":
		s.Popularity, err = d.integer()
	default:
		return d.errorf("unknown scope field %q", key)
	}
	return err
}

func (d *decoder) aliasField(a *Alias, key string) error {
	var err error
	switch key {
	case "name":
		a.Name, err = d.str()
	case "expands_to":
		a.ExpandsTo, err = d.strList()
	case "note":
		a.Note, err = d.str()
	default:
		return d.errorf("unknown alias field %q", key)
	}
	return err
}

func (d *decoder) sourceField(s *Source, key string) error {
	var err error
	switch key {
	case "repo":
		s.Repo, err = d.str()
	case "path":
		s.Path, err = d.str()
	case "commit":
		s.Commit, err = d.str()
	case "url":
		s.URL, err = d.str()
	default:
		return d.errorf("unknown source field %q", key)
	}
	return err
}

// space skips JSON whitespace.
func (d *decoder) space() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// null consumes a JSON null if one comes next.
func (d *decoder) null() bool {
	d.space()
	if len(d.b)-d.i >= 4 && d.b[d.i:d.i+4] == "null" {
		d.i += 4
		return true
	}
	return false
}

// object reads {"key": value, ...}, calling field for each key with the
// decoder positioned at the value. null reads as an empty object.
func (d *decoder) object(field func(key string) error) error {
	if d.null() {
		return nil
	}
	if d.i >= len(d.b) || d.b[d.i] != '{' {
		return d.errorf("want an object")
	}
	d.i++
	d.space()
	if d.i < len(d.b) && d.b[d.i] == '}' {
		d.i++
		return nil
	}
	for {
		d.space()
		key, err := d.str()
		if err != nil {
			return err
		}
		d.space()
		if d.i >= len(d.b) || d.b[d.i] != ':' {
			return d.errorf("want ':' after %q", key)
		}
		d.i++
		if err := field(key); err != nil {
			return err
		}
		d.space()
		if d.i >= len(d.b) {
			return d.errorf("unterminated object")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case '}':
			d.i++
			return nil
		default:
			return d.errorf("want ',' or '}' in object")
		}
	}
}

// list reads [value, ...], calling elem with the decoder at each value.
// It reports whether the list was null.
func (d *decoder) list(elem func() error) (null bool, err error) {
	if d.null() {
		return true, nil
	}
	if d.i >= len(d.b) || d.b[d.i] != '[' {
		return false, d.errorf("want a list")
	}
	d.i++
	d.space()
	if d.i < len(d.b) && d.b[d.i] == ']' {
		d.i++
		return false, nil
	}
	for {
		d.space()
		if err := elem(); err != nil {
			return false, err
		}
		d.space()
		if d.i >= len(d.b) {
			return false, d.errorf("unterminated list")
		}
		switch d.b[d.i] {
		case ',':
			d.i++
		case ']':
			d.i++
			return false, nil
		default:
			return false, d.errorf("want ',' or ']' in list")
		}
	}
}

// strList reads a list of strings; null reads as nil, [] as an empty list.
func (d *decoder) strList() ([]string, error) {
	var out []string
	null, err := d.list(func() error {
		s, err := d.str()
		out = append(out, s)
		return err
	})
	if err == nil && out == nil && !null {
		out = []string{}
	}
	return out, err
}

// str reads a string; null reads as "".
func (d *decoder) str() (string, error) {
	if d.null() {
		return "", nil
	}
	if d.i >= len(d.b) || d.b[d.i] != '"' {
		return "", d.errorf("want a string")
	}
	start := d.i
	d.i++
	plain := true
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			if plain {
				return d.b[start+1 : d.i-1], nil
			}
			// Escapes are rare in the data: let encoding/json, which
			// knows every JSON escape, decode those strings.
			var s string
			if err := json.Unmarshal([]byte(d.b[start:d.i]), &s); err != nil {
				d.i = start
				return "", d.errorf("bad string: %v", err)
			}
			return s, nil
		case c == '\\':
			plain = false
			d.i += 2
			continue
		case c < 0x20:
			return "", d.errorf("control character in string")
		case c >= 0x80:
			// Non-ASCII: let encoding/json check the UTF-8 (it replaces
			// invalid bytes, as the reference decoder does).
			plain = false
		}
		d.i++
	}
	return "", d.errorf("unterminated string")
}

// boolean reads true or false; null reads as false.
func (d *decoder) boolean() (bool, error) {
	if d.null() {
		return false, nil
	}
	switch {
	case len(d.b)-d.i >= 4 && d.b[d.i:d.i+4] == "true":
		d.i += 4
		return true, nil
	case len(d.b)-d.i >= 5 && d.b[d.i:d.i+5] == "false":
		d.i += 5
		return false, nil
	}
	return false, d.errorf("want true or false")
}

// integer reads a JSON integer; null reads as 0.
func (d *decoder) integer() (int, error) {
	if d.null() {
		return 0, nil
	}
	start := d.i
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	for d.i < len(d.b) && d.b[d.i] >= '0' && d.b[d.i] <= '9' {
		d.i++
	}
	n, err := strconv.Atoi(d.b[start:d.i])
	if err != nil {
		d.i = start
		return 0, d.errorf("want an integer")
	}
	return n, nil
}
