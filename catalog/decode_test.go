package catalog

import (
	"encoding/json"
	"io/fs"
	"path"
	"reflect"
	"strings"
	"testing"
)

// TestDecodeMatchesEncodingJSON decodes every embedded file with both
// decoders and wants identical providers.
func TestDecodeMatchesEncodingJSON(t *testing.T) {
	entries, err := fs.ReadDir(data, "data")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := fs.ReadFile(data, path.Join("data", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		got, err := decodeProvider(b)
		if err != nil {
			t.Errorf("%s: %v", e.Name(), err)
			continue
		}
		want := new(Provider)
		if err := json.Unmarshal(b, want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: decoders disagree", e.Name())
		}
	}
}

func TestDecodeGeneralJSON(t *testing.T) {
	tests := []string{
		`{"name":"a","scopes":[]}`,
		`{"name":"a","scopes":null}`,
		`{"name":"a"}`,
		` { "name" : "a\u00e9\"\\/x" , "title":null, "notes":[ "x", "y\n" ], "other_names":[],
		    "aliases":[{"name":"n","expands_to":["e"],"note":"t"}],
		    "provenance":[{"repo":"r","path":"p","commit":"c"},{"url":"u"}],
		    "case_sensitive":true, "custom":false, "prefix_required": null,
		    "scopes":[ {"name":"s","popularity":-3,"implies":null,"replaced_by":[],"hidden":true,
		                "description":"caf\u00e9 ☕","provider":"a"} ] } `,
		"{\"name\":\"bad utf-8 \xff here\",\"scopes\":[]}",
		`{"aliases":[{"name":"a"}],"aliases":[{"name":"b"}],"provenance":[],"aliases":[]}`,
	}
	for _, in := range tests {
		got, err := decodeProvider([]byte(in))
		if err != nil {
			t.Errorf("decodeProvider(%q): %v", in, err)
			continue
		}
		want := new(Provider)
		if err := json.Unmarshal([]byte(in), want); err != nil {
			t.Fatalf("reference decoder: %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("decodeProvider(%q) = %+v, want %+v", in, got, want)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{``, "want an object"},
		{`[]`, "want an object"},
		{`{"name":"a"} x`, "data after"},
		{`{"name":"a"`, "unterminated object"},
		{`{"name":"a`, "unterminated string"},
		{`{"name":"a\`, "unterminated string"},
		{`{"frob":1}`, `unknown provider field "frob"`},
		{`{"scopes":[{"nmae":"x"}]}`, `unknown scope field "nmae"`},
		{`{"scopes":[{"name":"x"},]}`, "want an object"},
		{`{"scopes":[{"name":"x"} {"name":"y"}]}`, "want ',' or ']'"},
		{`{"name" "a"}`, "want ':'"},
		{`{"name":1}`, "want a string"},
		{`{"case_sensitive":"yes"}`, "want true or false"},
		{`{"scopes":[{"popularity":"x"}]}`, "want an integer"},
		{`{"scopes":[{"popularity":1.5}]}`, "want ',' or '}'"},
		{"{\"name\":\"a\x01\"}", "control character"},
		{`{"name":"\x"}`, "bad string"},
		{`{"aliases":[{"bogus":1}]}`, `unknown alias field`},
		{`{"provenance":[{"bogus":1}]}`, `unknown source field`},
		{`{"notes":"x"}`, "want a list"},
		{`{"scopes":[null]}`, "null scope"},
	}
	for _, tt := range tests {
		_, err := decodeProvider([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("decodeProvider(%q) error = %v, want %q", tt.in, err, tt.want)
		}
	}
}

// FuzzDecode checks that the decoder never panics and never accepts what
// encoding/json rejects as JSON.
func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"name":"a","scopes":[{"name":"s","popularity":2}]}`))
	f.Add([]byte(`{"name":"a\u00e9","notes":["x"],"aliases":[{"name":"n","expands_to":["e"]}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := decodeProvider(b)
		if err != nil {
			return
		}
		if !json.Valid(b) {
			t.Fatalf("accepted invalid JSON %q", b)
		}
		want := new(Provider)
		if err := json.Unmarshal(b, want); err == nil && !reflect.DeepEqual(p, want) {
			t.Fatalf("decoders disagree on %q:\n%+v\n%+v", b, p, want)
		}
	})
}
