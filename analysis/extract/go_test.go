package extract

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

var goTestCases = []clCase{
	{"oauth2 config", `package main

import "golang.org/x/oauth2"

var conf = &oauth2.Config{
	ClientID: "id",
	Scopes:   []string{"https://www.googleapis.com/auth/drive", "email"},
	Endpoint: google.Endpoint,
}`, []clWant{
		cl("golang.org/x/oauth2", "", "", 0),
		cl("id", "ClientID", "", 0),
		cl("https://www.googleapis.com/auth/drive", "Scopes", "", 1),
		cl("email", "Scopes", "", 1),
	}},
	{"option.WithScopes", `package main

func main() {
	svc, err := drive.NewService(ctx, option.WithScopes(drive.DriveScope, "https://www.googleapis.com/auth/gmail.readonly"))
	ts := google.CredentialsFromJSON(ctx, data, "openid", "email")
}`, []clWant{
		cl("https://www.googleapis.com/auth/gmail.readonly", "", "WithScopes", 1),
		cl("openid", "", "CredentialsFromJSON", 2),
		cl("email", "", "CredentialsFromJSON", 2),
	}},
	{"declarations", `package p

const (
	ScopeRead         = "read"
	ScopeWrite string = "write"
)

var DefaultScopes []string = []string{"a", "b"}

func f() {
	scopes := []string{"c"}
	cfg.Scopes = append(cfg.Scopes, "extra")
	var s = "x " + "y"
	s += " z"
}`, []clWant{
		cl("read", "ScopeRead", "", 0),
		cl("write", "ScopeWrite", "", 0),
		cl("a", "DefaultScopes", "", 1),
		cl("b", "DefaultScopes", "", 1),
		cl("c", "scopes", "", 2),
		cl("extra", "Scopes", "append", 3),
		cl("x ", "s", "", 0).p(),
		cl("y", "s", "", 0).p(),
		cl(" z", "s", "", 0).p(),
	}},
	{"maps and url.Values", `package p

func f() {
	v := url.Values{"scope": {"openid email"}, "response_type": {"code"}}
	v.Set("scope", strings.Join(scopes, " "))
	m := map[string][]string{"github": []string{"repo"}}
	q["scope"] = []string{"read"}
}`, []clWant{
		cl("scope", "v", "", 0),
		cl("openid email", "scope", "", 2),
		cl("response_type", "v", "", 0),
		cl("code", "response_type", "", 3),
		cl("scope", "", "Set", 4),
		cl(" ", "", "Join", 5),
		cl("github", "m", "", 0),
		cl("repo", "github", "", 7),
		cl("scope", "", "", 0),
		cl("read", "scope", "", 8),
	}},
	{"calls are inputs unless they build the list", `package p

func f() {
	url := conf.AuthCodeURL(state, oauth2.SetAuthURLParam("scope", "openid email"))
	scope := fmt.Sprintf("%s %s", a, b)
	scopes := strings.Split("read,write", ",")
	cfg.Scopes = append(cfg.Scopes, "extra")
	flagScope := flag.String("scope", "openid", "OAuth scopes to request")
	pflag.StringSlice("scopes", []string{"read"}, "scopes")
}`, []clWant{
		cl("scope", "", "SetAuthURLParam", 1),
		cl("openid email", "scope", "SetAuthURLParam", 1),
		cl("%s %s", "", "Sprintf", 2),
		cl("read,write", "", "Split", 3),
		cl(",", "", "Split", 3),
		cl("extra", "Scopes", "append", 4),
		cl("scope", "", "String", 5),
		cl("openid", "scope", "String", 5),
		cl("OAuth scopes to request", "", "String", 5),
		cl("scopes", "", "StringSlice", 6),
		cl("read", "scopes", "StringSlice", 7),
		cl("scopes", "", "StringSlice", 6),
	}},
	{"blocks, headers and cases", `package p

func f(x string) string {
	for _, s := range []string{"l1", "l2"} {
		if s == "l1" {
			return "found"
		}
	}
	switch x {
	case "c1", "c2":
		return "case"
	}
	if x := (T{Name: "n"}); x.ok {
	}
	return struct{ A string }{"lit"}.A
}`, []clWant{
		cl("l1", "", "", 1),
		cl("l2", "", "", 1),
		cl("l1", "", "", 0),
		cl("found", "f", "", 0), // a return value is keyed by its function
		cl("c1", "", "", 0),
		cl("c2", "", "", 0),
		cl("case", "f", "", 0),
		cl("n", "Name", "", 0),
		cl("lit", "f", "", 2),
	}},
	{"raw strings and escapes", "package p\n\nvar (\n\ta = `raw \"x\" \\n`\n\tb = \"a\\u0020b\\t\\\"q\\\"\"\n\tc = 'c'\n)\n", []clWant{
		cl(`raw "x" \n`, "a", "", 0).q("`"),
		cl(`a\u0020b\t\"q\"`, "b", "", 0).v("a b\t\"q\""),
	}},
	{"comments and bad literals", "package p\n\n// it's a \"comment\"\n/* `not raw` */\nvar a = \"bad \\q escape\"\nvar b = \"no end\nvar c = \"ok\"\n", []clWant{
		cl("ok", "c", "", 0),
	}},
	{"crlf raw string", "package p\r\n\r\nvar a = `line1\r\nline2`\r\nvar b = \"x\"\r\n", []clWant{
		cl("line1\r\nline2", "a", "", 0).q("`").v("line1\nline2"),
		cl("x", "b", "", 0),
	}},
	{"invalid utf-8 and nul", "package p\n\nvar a = \"\xff\"\nvar b = \"\\xff\"\nvar c = \"n\x00l\"\nvar d = \"ok\"\n", []clWant{
		cl(`\xff`, "b", "", 0).v("\xff"),
		cl("ok", "d", "", 0),
	}},
}

func TestExtractGo(t *testing.T) {
	for _, tc := range goTestCases {
		t.Run(tc.name, func(t *testing.T) {
			lits := extractGo([]byte(tc.src))
			clCheck(t, tc.src, lits, tc.want)
			goCheckValues(t, []byte(tc.src), lits)
		})
	}
}

// goCheckValues checks each value against strconv.Unquote of its source.
func goCheckValues(t testing.TB, src []byte, lits []Literal) {
	t.Helper()
	for _, l := range lits {
		lit := string(src[l.Span.Start-1 : l.Span.End+1])
		v, err := strconv.Unquote(lit)
		if err != nil || v != l.Value {
			t.Fatalf("literal %s: value %q, Unquote gives %q (%v)", lit, l.Value, v, err)
		}
	}
}

func TestGoEscapeOffsets(t *testing.T) {
	cases := []struct {
		src   string
		value string
		offs  []int
	}{
		{`x = "a\u0020b"`, "a b", []int{5, 6, 12, 13}},
		{`x = "\"x\""`, `"x"`, []int{5, 7, 8, 10}},
		{`x = "é\xff\101\U0001F600"`, "é\xffA\U0001F600", []int{5, 6, 7, 11, 15, 15, 15, 15, 25}},
		{"x = `a\r\nb`", "a\nb", []int{5, 7, 8, 9}},
	}
	for _, tc := range cases {
		src := "package p\n" + tc.src
		lits := extractGo([]byte(src))
		if len(lits) != 1 {
			t.Fatalf("%s: got %d literals", tc.src, len(lits))
		}
		l := lits[0]
		offs := make([]int, len(l.Offsets))
		for i, o := range l.Offsets {
			offs[i] = o - len("package p\n")
		}
		if l.Value != tc.value || fmt.Sprint(offs) != fmt.Sprint(tc.offs) {
			t.Errorf("%s: value %q offsets %v, want %q %v", tc.src, l.Value, offs, tc.value, tc.offs)
		}
		clCheckInvariants(t, []byte(src), lits)
		goCheckValues(t, []byte(src), lits)
	}
}

func TestExtractGoNoStrings(t *testing.T) {
	if lits := extractGo([]byte("package p\n\nfunc f() int { return 'x' }\n")); lits != nil {
		t.Errorf("got %v", lits)
	}
	if lits := extractGo([]byte(strings.Repeat("{", 1000) + `"deep"`)); len(lits) != 1 {
		t.Errorf("deep nesting: got %d literals", len(lits))
	}
}

// BenchmarkExtractGo measures extractGo on a generated file of realistic
// OAuth client code (see clBenchUnits).
func BenchmarkExtractGo(b *testing.B) {
	src := clBenchSource(FormatGo, 1<<20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(extractGo(src)) == 0 {
			b.Fatal("no literals")
		}
	}
}
