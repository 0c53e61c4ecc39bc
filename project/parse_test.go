package project

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/scopels/scopels/catalog"
)

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestParseEveryKey reads a file that sets every key of DESIGN §6.
func TestParseEveryKey(t *testing.T) {
	f, errs := Parse("testdata/full.yaml", readTestdata(t, "full.yaml"))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors: %v", errs)
	}
	if want := []string{"acme", "beta", "github"}; !reflect.DeepEqual(f.ProviderOrder, want) {
		t.Errorf("ProviderOrder = %v, want %v", f.ProviderOrder, want)
	}
	acme := f.Providers["acme"]
	checks := []struct {
		name      string
		got, want any
	}{
		{"acme.Title", acme.Title, "Acme API"},
		{"acme.Hosts", acme.Hosts, []string{"auth.acme.example", "token.acme.example"}},
		{"acme.Signals", acme.Signals, []string{"ACME_CLIENT_ID", "@acme/sdk"}},
		{"acme.Delimiter", acme.Delimiter, catalog.DelimSpace},
		{"acme.Prefix", acme.Prefix, "api."},
		{"acme.CaseSensitive", *acme.CaseSensitive, true},
		{"acme.ScopeOrder", acme.ScopeOrder, []string{"api.read_profile", "api.write_multipass", "api.admin"}},
		{"acme.Scopes", acme.Scopes, map[string]string{
			"api.read_profile":    "Read the signed-in user's profile",
			"api.write_multipass": "Create Multipass login tokens",
			"api.admin":           "",
		}},
		{"acme.Deprecated", acme.Deprecated, map[string]string{"api.multipass": "api.write_multipass", "api.legacy": ""}},
		{"acme.DeprecatedOrder", acme.DeprecatedOrder, []string{"api.multipass", "api.legacy"}},
		{"acme.Pos", acme.Pos, Pos{Line: 3, Column: 3, Offset: 85}},
		{"acme.ScopePos[api.write_multipass]", acme.ScopePos["api.write_multipass"].Line, 12},
		{"acme.DeprecatedPos[api.multipass]", acme.DeprecatedPos["api.multipass"], Pos{Line: 15, Column: 22, Offset: 473}},
		{"beta.Hosts (one string)", f.Providers["beta"].Hosts, []string{"auth.beta.example"}},
		{"beta.Signals (one string)", f.Providers["beta"].Signals, []string{"BETA_TOKEN"}},
		{"beta.Delimiter", f.Providers["beta"].Delimiter, catalog.DelimComma},
		{"beta.CaseSensitive", *f.Providers["beta"].CaseSensitive, false},
		{"beta.ScopeOrder (list form)", f.Providers["beta"].ScopeOrder, []string{"read", "write"}},
		{"github.Scopes", f.Providers["github"].Scopes, map[string]string{"copilot": "Use Copilot"}},
		{"github.Delimiter unset", f.Providers["github"].Delimiter, catalog.Delimiter("")},
		{"github.CaseSensitive unset", f.Providers["github"].CaseSensitive == nil, true},
		{"ClientOrder", f.ClientOrder, []string{"mobile-app", "web"}},
		{"mobile-app.Provider", f.Clients["mobile-app"].Provider, "acme"},
		{"mobile-app.Paths", f.Clients["mobile-app"].Paths, []string{"mobile/**"}},
		{"mobile-app.Granted", f.Clients["mobile-app"].Granted, []string{"api.read_profile"}},
		{"mobile-app.GrantedPos", f.Clients["mobile-app"].GrantedPos, Pos{Line: 31, Column: 14, Offset: 793}},
		{"mobile-app.GrantedFile", f.Clients["mobile-app"].GrantedFile, "testdata/full.yaml"},
		{"web.Paths (one string)", f.Clients["web"].Paths, []string{"web/**"}},
		{"web.Granted (explicit empty)", f.Clients["web"].Granted != nil && len(f.Clients["web"].Granted) == 0, true},
		{"PathOrder", f.PathOrder, []string{"infra/**", "services/*.go", "**/acme/**"}},
		{"Paths", f.Paths, map[string][]string{"infra/**": {"google"}, "services/*.go": {"beta"}, "**/acme/**": {"acme", "beta"}}},
		{"Severity", f.Severity, map[string]string{"duplicate-scope": "info", "broad-scope": "off", "unknown-scope": "warning"}},
		{"Strict", f.Strict, []string{"ACME_SCOPES", "oauth.scopes"}},
		{"Ignore", f.Ignore, []string{"testdata/**", "vendor"}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
	abs, _ := filepath.Abs("testdata")
	if f.Dir != abs {
		t.Errorf("Dir = %q, want %q", f.Dir, abs)
	}
}

// TestParseDelimiters checks every accepted delimiter value.
func TestParseDelimiters(t *testing.T) {
	for _, d := range []catalog.Delimiter{catalog.DelimSpace, catalog.DelimComma, catalog.DelimSpaceOrComma, catalog.DelimSingle} {
		f, errs := Parse("x.yaml", []byte("providers:\n  p:\n    delimiter: "+string(d)+"\n"))
		if len(errs) > 0 || f.Providers["p"].Delimiter != d {
			t.Errorf("delimiter %s: got %q, errors %v", d, f.Providers["p"].Delimiter, errs)
		}
	}
}

// TestParseEmpty checks that files without content are valid and empty.
func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment\n", "---\n", "~\n", "null\n", "---\n...\n", "\ufeff"} {
		f, errs := Parse("x.yaml", []byte(src))
		if len(errs) > 0 {
			t.Errorf("%q: unexpected errors %v", src, errs)
		}
		if len(f.Providers)+len(f.Clients)+len(f.Paths)+len(f.Severity)+len(f.Strict)+len(f.Ignore) != 0 {
			t.Errorf("%q: not empty: %+v", src, f)
		}
	}
	// Null values leave keys unset.
	f, errs := Parse("x.yaml", []byte("providers:\nclients:\n  web:\n    granted:\nstrict:\n"))
	if len(errs) > 0 {
		t.Fatalf("unexpected errors %v", errs)
	}
	if c := f.Clients["web"]; c == nil || c.Granted != nil {
		t.Errorf("granted: with no value should leave Granted nil, got %+v", c)
	}
}

// TestParseMultipleDocuments checks that only the first document is read
// and the second gets a warning at its start.
func TestParseMultipleDocuments(t *testing.T) {
	src := "strict: [A]\n---\nstrict: [B]\n"
	f, errs := Parse("x.yaml", []byte(src))
	if !reflect.DeepEqual(f.Strict, []string{"A"}) {
		t.Errorf("Strict = %v, want [A]", f.Strict)
	}
	if len(errs) != 1 || !errs[0].Warning || errs[0].Pos.Line != 2 || !strings.Contains(errs[0].Msg, "only the first YAML document") {
		t.Fatalf("want one warning at line 2 (the ---), got %v", errs)
	}
	if HasErrors(errs) {
		t.Error("a second document must not make the file broken")
	}
}

// TestParseErrors checks the position and message of each kind of error.
// Each want is "line:col: substring of the message"; w marks warnings.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		// YAML syntax errors: the position of the character where parsing fails.
		{"syntax: mapping value in plain scalar", "strict: [A]\nignore: a: b\n", []string{"2:10: YAML syntax error: mapping values are not allowed"}},
		{"syntax: bad indentation", "providers:\n  acme:\n    title: x\n   bad: y\n", []string{"4:4: YAML syntax error: did not find expected key"}},
		{"syntax: unclosed flow list", "clients:\n  m:\n    granted: [a, b\n    paths: [x]\n", []string{"3:14: YAML syntax error: did not find expected ',' or ']'"}},
		{"syntax: unterminated quote", "strict: \"ACME\nignore: []\n", []string{"1:9: YAML syntax error: found unexpected end of stream"}},
		{"syntax: backquote", "strict: [A]\nignore: `x`\n", []string{"2:9: YAML syntax error: found character that cannot start any token"}},
		{"syntax: tab indentation", "clients:\n\tweb: {}\n", []string{"2:1: YAML syntax error: found character that cannot start any token"}},
		{"syntax: tab after indentation", "clients:\n  web:\n    x: 1\n\tgranted: []\n", []string{"4:1: YAML syntax error: found a tab character that violates indentation"}},
		{"syntax: list item in mapping", "strict: [A]\nignore: [b]\n- c\n", []string{"3:1: YAML syntax error: did not find expected key"}},
		{"syntax: invalid UTF-8", "strict: [A]\nignore: [\xff]\n", []string{"2:10: YAML syntax error: invalid leading UTF-8 octet"}},
		{"syntax: control character", "strict: [A\x01]\n", []string{"1:11: YAML syntax error: control characters are not allowed"}},
		{"syntax: unknown anchor", "strict: [A]\nignore: *nope\n", []string{"2:9: YAML syntax error: unknown anchor 'nope' referenced"}},

		// Unknown keys, with suggestions.
		{"unknown top-level key", "provders: {}\n", []string{`1:1: unknown key "provders" at the top level; did you mean "providers"?`}},
		{"unknown top-level key, no near match", "strict: []\nzzz: 1\n", []string{`2:1: unknown key "zzz" at the top level (known keys: providers, clients, paths, severity, strict, ignore)`}},
		{"unknown provider key", "providers:\n  acme:\n    delimter: comma\n", []string{`3:5: unknown key "delimter" in providers.acme; did you mean "delimiter"?`}},
		{"unknown client key", "clients:\n  mobile-app:\n    grnted: [a]\n", []string{`3:5: unknown key "grnted" in clients.mobile-app; did you mean "granted"?`}},
		{"key differing in case", "Strict: [A]\n", []string{`1:1: unknown key "Strict" at the top level; did you mean "strict"?`}},
		{"repeated key", "strict: [A]\nstrict: [B]\n", []string{`2:1: strict is repeated (first at line 1)`}},
		{"repeated nested key", "providers:\n  p:\n    scopes: {a: x, a: y}\n", []string{`3:20: providers.p.scopes.a is repeated (first at line 3)`}},
		{"merge key", "base: &b {title: x}\n", []string{`1:1: unknown key "base"`}},
		{"merge key in provider", "providers:\n  p:\n    <<: {title: x}\n", []string{`3:5: merge keys (<<) are not supported`}},

		// Wrong types.
		{"scopes is a number", "providers:\n  acme:\n    scopes: 3\n", []string{`3:13: providers.acme.scopes must be a mapping of scope names to descriptions (or a list of scope names), not a number`}},
		{"granted is a string", "clients:\n  m:\n    granted: \"a\"\n", []string{`3:14: clients.m.granted must be a list, e.g. [a, b], not a string`}},
		{"providers is a list", "providers: [acme]\n", []string{`1:12: providers must be a mapping of provider names to their settings, not a list`}},
		{"provider is a string", "providers:\n  acme: yes\n", []string{`2:9: providers.acme must be a mapping of settings (title, scopes, ...), not a string`}},
		{"case_sensitive is a string", "providers:\n  acme:\n    case_sensitive: \"no\"\n", []string{`3:21: providers.acme.case_sensitive must be true or false, not a string`}},
		{"title is a list", "providers:\n  acme:\n    title: [a]\n", []string{`3:12: providers.acme.title must be a string, not a list`}},
		{"strict is a mapping", "strict: {a: b}\n", []string{`1:9: strict must be a list of strings (or one string), not a mapping`}},
		{"list entry is a mapping", "ignore: [a, {b: c}]\n", []string{`1:13: entries of ignore must be strings, not a mapping`}},
		{"description is a list", "providers:\n  p:\n    scopes:\n      read: [x]\n", []string{`4:13: providers.p.scopes.read (its description) must be a string, not a list`}},
		{"root is a list", "- a\n- b\n", []string{`1:1: a project file must be a mapping`}},

		// Bad enumeration values.
		{"bad delimiter", "providers:\n  acme:\n    delimiter: semicolon\n", []string{`3:16: providers.acme.delimiter must be one of space, comma, space_or_comma, single, not "semicolon"`}},
		{"delimiter typo", "providers:\n  acme:\n    delimiter: coma\n", []string{`3:16: providers.acme.delimiter must be one of space, comma, space_or_comma, single, not "coma"; did you mean "comma"?`}},
		{"bad severity", "severity:\n  duplicate-scope: warn\n", []string{`2:20: severity.duplicate-scope must be one of error, warning, info, hint, off, not "warn"; did you mean "warning"?`}},
		{"severity false", "severity:\n  broad-scope: false\n", []string{`2:16: severity.broad-scope must be one of error, warning, info, hint, off, not "false"; did you mean "off"?`}},
		{"unknown check code", "severity:\n  duplicate-scopes: info\n", []string{`2:3: "duplicate-scopes" is not a check code; did you mean "duplicate-scope"?`}},

		// Scope names.
		{"scope missing the prefix", "providers:\n  acme:\n    prefix: api.\n    scopes:\n      api.read: r\n      read_profile: p\n", []string{`6:7: scope "read_profile" of provider "acme" lacks the required prefix "api.": write "api.read_profile"`}},
		{"prefix after scopes", "providers:\n  acme:\n    scopes: [read]\n    prefix: api.\n", []string{`3:14: scope "read" of provider "acme" lacks the required prefix "api."`}},
		{"scope with a space", "providers:\n  p:\n    scopes: [\"read write\"]\n", []string{`3:14: scope "read write" in providers.p.scopes contains a space`}},
		{"granted scope with a comma", "clients:\n  m:\n    granted: [\"a,b\"]\n", []string{`3:15: scope "a,b" in clients.m.granted contains a comma`}},
		{"scope listed twice", "providers:\n  p:\n    scopes: [a, b, a]\n", []string{`w 3:20: scope "a" is listed twice in providers.p.scopes`}},
		{"granted twice", "clients:\n  m:\n    granted: [a, a]\n", []string{`w 3:18: scope "a" is listed twice in clients.m.granted`}},
		{"deprecated replaces itself", "providers:\n  p:\n    deprecated: {a: a}\n", []string{`3:21: providers.p.deprecated.a names itself as its replacement`}},
		{"bad host", "providers:\n  p:\n    hosts: [\"a b\"]\n", []string{`3:13: entries of providers.p.hosts must be host names`}},

		// Globs.
		{"bad glob in ignore", "ignore: [\"a[\"]\n", []string{`1:10: ignore: bad pattern "a["`}},
		{"unmatched brace in client paths", "clients:\n  m:\n    paths: [\"{a,b\"]\n", []string{`3:13: clients.m.paths: unmatched '{'`}},
		{"glob leaving the folder", "paths:\n  \"../x/**\": [p]\n", []string{`2:3: paths."../x/**": "../x/**" may not leave the project file's folder`}},
		{"paths with no providers", "paths:\n  \"x/**\": []\n", []string{`2:3: paths."x/**" must name one or more providers`}},
		{"paths null", "paths:\n  \"x/**\":\n", []string{`2:3: paths."x/**" must name one or more providers`}},

		// Several errors in one file, in order.
		{"several", "provders: {}\nseverity:\n  unknown-scope: loud\nstrict: [3, [x]]\n", []string{
			`1:1: unknown key "provders"`,
			`3:18: severity.unknown-scope must be one of`,
			`4:13: entries of strict must be strings, not a list`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse("x.yaml", []byte(tt.src))
			var got []string
			for _, e := range errs {
				w := ""
				if e.Warning {
					w = "w "
				}
				got = append(got, fmt.Sprintf("%s%d:%d: %s", w, e.Pos.Line, e.Pos.Column, e.Msg))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d errors, want %d:\n%s", len(got), len(tt.want), strings.Join(got, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("error %d:\n got %s\nwant %s...", i, got[i], tt.want[i])
				}
			}
			checkErrorPositions(t, tt.src, errs)
		})
	}
}

// checkErrorPositions checks that every position is consistent: offset,
// line and column agree, and the span lies inside the text.
func checkErrorPositions(t *testing.T, src string, errs []*Error) {
	t.Helper()
	for _, e := range errs {
		for _, p := range []Pos{e.Pos, e.EndPos} {
			if !p.IsValid() {
				continue
			}
			if p.Offset < 0 || p.Offset > len(src) {
				t.Errorf("%v: offset %d outside the text (%d bytes)", e, p.Offset, len(src))
				continue
			}
			line := strings.Count(src[:p.Offset], "\n") + 1
			col := p.Offset - (strings.LastIndexByte(src[:p.Offset], '\n') + 1) + 1
			if line != p.Line || col != p.Column {
				t.Errorf("%v: position %d:%d does not match offset %d (%d:%d)", e, p.Line, p.Column, p.Offset, line, col)
			}
		}
		if e.EndPos.IsValid() && e.EndPos.Offset <= e.Pos.Offset {
			t.Errorf("%v: end %d not after start %d", e, e.EndPos.Offset, e.Pos.Offset)
		}
	}
}

// TestParseErrorSpans checks that errors on scalars cover the scalar.
func TestParseErrorSpans(t *testing.T) {
	tests := []struct {
		src, span string
	}{
		{"provders: {}\n", "provders"},
		{"severity:\n  duplicate-scope: \"warn\"\n", `"warn"`},
		{"severity:\n  duplicate-scope: 'warn'\n", `'warn'`},
		{"providers:\n  acme:\n    prefix: api.\n    scopes: {é_read: x}\n", "é_read"},
		{"strict: [A]\nignore: [\xff]\n", "\xff"},
	}
	for _, tt := range tests {
		_, errs := Parse("x.yaml", []byte(tt.src))
		if len(errs) != 1 {
			t.Errorf("%q: want one error, got %v", tt.src, errs)
			continue
		}
		e := errs[0]
		if !e.EndPos.IsValid() {
			t.Errorf("%q: no end position", tt.src)
			continue
		}
		if got := tt.src[e.Pos.Offset:e.EndPos.Offset]; got != tt.span {
			t.Errorf("%q: span %q, want %q", tt.src, got, tt.span)
		}
	}
}

// TestParseColumnsAreBytes checks that columns count bytes, lines end at
// "\n" only, and a byte order mark is counted, whatever yaml.v3 counts.
func TestParseColumnsAreBytes(t *testing.T) {
	tests := []struct {
		name, src string
		line, col int
	}{
		{"multi-byte key before", "providers:\n  ü: {tïtle: x}\n", 2, 8},
		{"CRLF", "strict: [A]\r\nzzz: 1\r\n", 2, 1},
		{"BOM", "\ufeffzzz: 1\n", 1, 4},
		{"line separator inside a quoted string", "strict: [\"a\u2028b\"]\nzzz: 1\n", 2, 1},
	}
	for _, tt := range tests {
		_, errs := Parse("x.yaml", []byte(tt.src))
		if len(errs) != 1 {
			t.Errorf("%s: want one error, got %v", tt.name, errs)
			continue
		}
		if p := errs[0].Pos; p.Line != tt.line || p.Column != tt.col {
			t.Errorf("%s: at %d:%d, want %d:%d (%v)", tt.name, p.Line, p.Column, tt.line, tt.col, errs[0])
		}
		checkErrorPositions(t, tt.src, errs)
	}
}

// TestParseAliases checks that aliases are followed and that an alias
// bomb stops at the node budget instead of hanging.
func TestParseAliases(t *testing.T) {
	f, errs := Parse("x.yaml", []byte("strict: &s [A, B]\nclients:\n  m:\n    granted: *s\n"))
	if len(errs) > 0 || !reflect.DeepEqual(f.Clients["m"].Granted, []string{"A", "B"}) {
		t.Errorf("alias: granted %v, errors %v", f.Clients["m"].Granted, errs)
	}
	// One list of 3,000 scopes, aliased by 100 providers: 300,000
	// nodes to visit, over the budget.
	var b strings.Builder
	b.WriteString("providers:\n  p0:\n    scopes: &s [")
	for i := 0; i < 3000; i++ {
		fmt.Fprintf(&b, "s%d, ", i)
	}
	b.WriteString("x]\n")
	for i := 1; i < 100; i++ {
		fmt.Fprintf(&b, "  p%d: {scopes: *s}\n", i)
	}
	_, errs = Parse("x.yaml", []byte(b.String()))
	found := false
	for _, e := range errs {
		if strings.Contains(e.Msg, "too many nodes") {
			found = true
		}
	}
	if !found {
		t.Errorf("alias bomb: want a too-many-nodes error, got %d errors", len(errs))
	}
}

// TestParseTooLarge checks the size limit.
func TestParseTooLarge(t *testing.T) {
	_, errs := Parse("x.yaml", make([]byte, MaxFileSize+1))
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "limit") {
		t.Errorf("want a size error, got %v", errs)
	}
}

// TestParseNeverPanics feeds every prefix of the full fixture, and some
// mangled forms, through Parse: no panic, and every position inside the
// text.
func TestParseNeverPanics(t *testing.T) {
	full := string(readTestdata(t, "full.yaml"))
	var inputs []string
	for i := 0; i <= len(full); i += 7 {
		inputs = append(inputs, full[:i])
	}
	inputs = append(inputs,
		strings.ReplaceAll(full, "  ", "\t"),
		strings.ReplaceAll(full, ":", ""),
		strings.ReplaceAll(full, "[", "{"),
		strings.ReplaceAll(full, "\n", "\r"),
		"\x00\x01\x02", "\"\\", "[[[[[[[[[[", "{{{{", "? [a]\n: b\n", "!!binary x: y\n",
		"strict: !!map {a: b}\n", "providers: {p: {scopes: {? [x] : y}}}\n",
	)
	for _, in := range inputs {
		_, errs := Parse("x.yaml", []byte(in))
		checkErrorPositions(t, in, errs)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(string(readFile(f, "full.yaml")))
	f.Add("providers:\n  acme:\n    title: x\n   bad: y\n")
	f.Fuzz(func(t *testing.T, src string) {
		_, errs := Parse("x.yaml", []byte(src))
		checkErrorPositions(t, src, errs)
	})
}

// readFile reads a testdata file for a fuzz target or benchmark.
func readFile(tb testing.TB, name string) []byte {
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		panic(err)
	}
	return data
}
