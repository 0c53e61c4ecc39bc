package extract

import (
	"fmt"
	"strings"
	"testing"
)

// clWant is the expected shape of one literal.
type clWant struct {
	raw     string // source text of the Span
	value   string // decoded value; "" means the same as raw
	quote   string
	key     string
	call    string
	list    int
	partial bool
}

// cl builds an expected literal quoted with '"' whose value is its text.
func cl(raw, key, call string, list int) clWant {
	return clWant{raw: raw, quote: `"`, key: key, call: call, list: list}
}

func (w clWant) q(quote string) clWant { w.quote = quote; return w }
func (w clWant) v(value string) clWant { w.value = value; return w }
func (w clWant) p() clWant             { w.partial = true; return w }

type clCase struct {
	name string
	src  string
	want []clWant
}

// clCheck compares extracted literals with the expectations and checks
// the invariants every extractor result must hold.
func clCheck(t *testing.T, src string, got []Literal, want []clWant) {
	t.Helper()
	clCheckInvariants(t, []byte(src), got)
	ok := len(got) == len(want)
	for i := 0; ok && i < len(want); i++ {
		g, w := got[i], want[i]
		value := w.value
		if value == "" {
			value = w.raw
		}
		if src[g.Span.Start:g.Span.End] != w.raw || g.Value != value || g.Quote != w.quote ||
			g.Key != w.key || g.Call != w.call || g.List != w.list || g.Partial != w.partial || g.Path != nil || g.URL {
			ok = false
		}
	}
	if !ok {
		var b strings.Builder
		for _, g := range got {
			fmt.Fprintf(&b, "\t%s\n", clDescribe(src, g))
		}
		var e strings.Builder
		for _, w := range want {
			fmt.Fprintf(&e, "\t%+v\n", w)
		}
		t.Errorf("got %d literals:\n%swant %d:\n%s", len(got), b.String(), len(want), e.String())
	}
}

func clDescribe(src string, l Literal) string {
	return fmt.Sprintf("raw=%q value=%q quote=%s key=%q call=%q list=%d partial=%v span=%d-%d",
		src[l.Span.Start:l.Span.End], l.Value, l.Quote, l.Key, l.Call, l.List, l.Partial, l.Span.Start, l.Span.End)
}

// clCheckInvariants checks what holds for any input: spans inside the text
// and in source order, offsets consistent with the span and the value.
func clCheckInvariants(t testing.TB, src []byte, lits []Literal) {
	t.Helper()
	prev := -1
	for i, l := range lits {
		if l.Span.Start < 0 || l.Span.End > len(src) || l.Span.Start > l.Span.End {
			t.Fatalf("literal %d: span %v outside text of %d bytes", i, l.Span, len(src))
		}
		if l.Span.Start < prev {
			t.Fatalf("literal %d: span %v starts before the previous one (%d)", i, l.Span, prev)
		}
		prev = l.Span.Start
		if l.Offsets == nil {
			if l.Value != string(src[l.Span.Start:l.Span.End]) {
				t.Fatalf("literal %d: value %q differs from source %q without offsets", i, l.Value, src[l.Span.Start:l.Span.End])
			}
			continue
		}
		if len(l.Offsets) != len(l.Value)+1 || l.Offsets[len(l.Value)] != l.Span.End {
			t.Fatalf("literal %d: %d offsets for %d bytes, last %d, span %v", i, len(l.Offsets), len(l.Value), l.Offsets[len(l.Offsets)-1], l.Span)
		}
		for j := range l.Value {
			o := l.Offsets[j]
			if o < l.Span.Start || o >= l.Span.End || j > 0 && o < l.Offsets[j-1] {
				t.Fatalf("literal %d: offset %d of byte %d outside span %v or out of order", i, o, j, l.Span)
			}
			c := src[o]
			if l.Value[j] != c && c != '\\' && !(l.Value[j] == '\n' && c == '\r') {
				t.Fatalf("literal %d: byte %d %q maps to source %q at %d", i, j, l.Value[j], c, o)
			}
		}
	}
}

func clRun(t *testing.T, format Format, cases []clCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clCheck(t, tc.src, extractCLike(format, []byte(tc.src)), tc.want)
		})
	}
}

var clJSCases = []clCase{
	{"next-auth", `import GoogleProvider from "next-auth/providers/google";
export default NextAuth({
  providers: [
    GoogleProvider({
      clientId: process.env.GOOGLE_ID,
      authorization: { params: { scope: "openid email profile", prompt: "consent" } },
    }),
  ],
});`, []clWant{
		cl("next-auth/providers/google", "", "", 0),
		cl("openid email profile", "scope", "", 0),
		cl("consent", "prompt", "", 0),
	}},
	{"passport", `passport.authenticate('github', { scope: ['user:email', 'read:org'] });`, []clWant{
		cl("github", "", "authenticate", 1).q("'"),
		cl("user:email", "scope", "", 2).q("'"),
		cl("read:org", "scope", "", 2).q("'"),
	}},
	{"msal", `const loginRequest = { scopes: ["User.Read", "Mail.Send"] };
msalInstance.loginPopup({ scopes: ["openid"] });
const SCOPES = ['repo', "gist"];`, []clWant{
		cl("User.Read", "scopes", "", 1),
		cl("Mail.Send", "scopes", "", 1),
		cl("openid", "scopes", "", 2),
		cl("repo", "SCOPES", "", 3).q("'"),
		cl("gist", "SCOPES", "", 3),
	}},
	{"setters and receivers", `url.searchParams.set("scope", "repo user");
scopes.push("read:user");
obj["scope"] = "gist";
const p = new URLSearchParams({ scope: "openid" });`, []clWant{
		cl("scope", "", "set", 1),
		cl("repo user", "scope", "set", 1),
		cl("read:user", "scopes", "push", 2),
		cl("scope", "", "", 0),
		cl("gist", "scope", "", 0),
		cl("openid", "scope", "", 0),
	}},
	{"typescript declarations", `let scope: string = "read";
interface O { scope?: "a" | "b" }
class C { private readonly scopes: string[] = ["x"]; }
const y = cond ? "t" : "f";`, []clWant{
		cl("read", "scope", "", 0),
		cl("a", "scope", "", 0),
		cl("b", "scope", "", 0),
		cl("x", "scopes", "", 1),
		cl("t", "y", "", 0),
		cl("f", "y", "", 0),
	}},
	{"regex versus division", `const half = total / count / 2, s = "one";
const re = /["'\/]scope[/"]/gi;
if (ok) /'/.test(v);
i++ / 2; x = a / b; const t = "two";
return /"/.test(z) ? "yes" : 'no';`, []clWant{
		cl("one", "s", "", 0),
		cl("two", "t", "", 0),
		cl("yes", "", "", 0),
		cl("no", "", "", 0).q("'"),
	}},
	{"comments with quotes", `// it's a "comment"
/* don't "stop"
   here */ const a = "kept"; // trailing 'quote
const b = '/* not a comment */';`, []clWant{
		cl("kept", "a", "", 0),
		cl("/* not a comment */", "b", "", 0).q("'"),
	}},
	{"templates", "const u = `https://x.example/auth?scope=${encodeURIComponent(s)}&state=${st}`;\n" +
		"const plain = `openid email`;\n" +
		"const nested = `a${`b${c}d`}e`;\n" +
		"const inner = `${x ? \"in\" : 'out'}`;", []clWant{
		cl("https://x.example/auth?scope=", "u", "", 0).q("`").p(),
		cl("&state=", "u", "", 0).q("`").p(),
		cl("openid email", "plain", "", 0).q("`"),
		cl("a", "nested", "", 0).q("`").p(),
		cl("b", "", "", 0).q("`").p(),
		cl("d", "", "", 0).q("`").p(),
		cl("e", "nested", "", 0).q("`").p(),
		cl("in", "", "", 0),
		cl("out", "", "", 0).q("'"),
	}},
	{"concatenation", `const s = "openid " + "email"; const t = base + "profile"; let u = "a"; u += " b";`, []clWant{
		cl("openid ", "s", "", 0).p(),
		cl("email", "s", "", 0).p(),
		cl("profile", "t", "", 0).p(),
		cl("a", "u", "", 0),
		cl(" b", "u", "", 0).p(),
	}},
	{"escapes", `const a = "a\u0020b", b = "\"x\"", c = 'it\'s', d = "\u{1F600}";`, []clWant{
		cl(`a\u0020b`, "a", "", 0).v("a b"),
		cl(`\"x\"`, "b", "", 0).v(`"x"`),
		cl(`it\'s`, "c", "", 0).v("it's").q("'"),
		cl(`\u{1F600}`, "d", "", 0).v("\U0001F600"),
	}},
	{"unterminated", "const bad = \"no end\nconst ok = 'fine';\nconst t = `never closed ${x}", []clWant{
		cl("fine", "ok", "", 0).q("'"),
	}},
	{"jsx", `function App() {
  return <div className="app" title="Don't">Don't "quote" me, {t("key")}
    <Login scope="openid profile" scopes={["a", "b"]} /></div>;
}`, []clWant{
		cl("app", "className", "", 0),
		cl("Don't", "title", "", 0),
		cl("key", "", "t", 1),
		cl("openid profile", "scope", "", 0),
		cl("a", "scopes", "", 2),
		cl("b", "scopes", "", 2),
	}},
	{"generic arrow is not markup", `const id = <T,>(x: T) => x; const s = "after";
const n = a < b ? "lt" : "ge";`, []clWant{
		cl("after", "s", "", 0),
		cl("lt", "n", "", 0),
		cl("ge", "n", "", 0),
	}},
	{"vue single-file component", `<template>
  <div class="login">It's <b>bold</b> {{ label }}
    <button @click="signIn('google')" :scope="'openid'">Go</button>
    <input disabled>
  </div>
</template>
<script setup lang="ts">
const scopes = ["openid", "email"];
</script>
<style scoped>
.login::after { content: "it's"; }
</style>`, []clWant{
		cl("login", "class", "", 0),
		cl("signIn('google')", "@click", "", 0),
		cl("'openid'", ":scope", "", 0),
		cl("ts", "lang", "", 0),
		cl("openid", "scopes", "", 1),
		cl("email", "scopes", "", 1),
	}},
	{"svelte component", `<script>
  export let scope = "openid";
</script>
{#if user}
  <p title="it's">Hello {user.name}, it's "you"</p>
{:else}
  <button on:click={() => login({ scope: "email" })}>Log in</button>
{/if}
<style>p { content: "x"; }</style>`, []clWant{
		cl("openid", "scope", "", 0),
		cl("it's", "title", "", 0),
		cl("email", "scope", "", 0),
	}},
	{"crlf", "const a = \"x\";\r\nconst b = `line1\r\nline2`;\r\n", []clWant{
		cl("x", "a", "", 0),
		cl("line1\r\nline2", "b", "", 0).q("`").v("line1\nline2"),
	}},
	{"invalid utf-8 and nul", "const a = \"\xff\xfe\"; \x00 const b = 'ok\x00';", []clWant{
		cl("\xff\xfe", "a", "", 0),
		cl("ok\x00", "b", "", 0).q("'"),
	}},
}

func TestExtractJavaScript(t *testing.T) { clRun(t, FormatJavaScript, clJSCases) }

var clJavaCases = []clCase{
	{"spring", `@Configuration
public class Cfg {
    private static final String[] SCOPES = {"openid", "profile"};
    private static final List<String> S2 = Arrays.asList("a", "b");
    @Bean @Scope("prototype") Foo foo() { return new Foo(); }
    @Scope(value = "request", proxyMode = ScopedProxyMode.TARGET_CLASS)
    void m() {
        builder.scope("openid").scopes(List.of("email", "profile"));
        map.put("scope", "user:email");
        String[] arr = new String[] { "x1", "x2" };
    }
}`, []clWant{
		cl("openid", "SCOPES", "", 1),
		cl("profile", "SCOPES", "", 1),
		cl("a", "S2", "asList", 2),
		cl("b", "S2", "asList", 2),
		cl("prototype", "", "Scope", 3),
		cl("request", "value", "Scope", 4),
		cl("openid", "", "scope", 5),
		cl("email", "", "scopes", 6),
		cl("profile", "", "scopes", 6),
		cl("scope", "", "put", 7),
		cl("user:email", "scope", "put", 7),
		cl("x1", "arr", "", 8),
		cl("x2", "arr", "", 8),
	}},
	{"text block and chars", `char c = '"'; char d = '\'';
String tb = """
    Hello "scope"
      indented \
    joined
    """;
String s = "a\tb" + x;`, []clWant{
		cl("Hello \"scope\"\n      indented \\\n    joined\n", "tb", "", 0).q(`"""`).v("Hello \"scope\"\n  indented joined\n"),
		cl(`a\tb`, "s", "", 0).v("a\tb").p(),
	}},
	{"groovy", `def scopes = ['repo', 'gist']
def c = 'x'
def g = "Hello ${name}"
String spring = "${oauth.scope}"`, []clWant{
		cl("repo", "scopes", "", 1).q("'"),
		cl("gist", "scopes", "", 1).q("'"),
		cl("Hello ${name}", "g", "", 0).p(),
		cl("${oauth.scope}", "spring", "", 0).p(),
	}},
}

func TestExtractJava(t *testing.T) { clRun(t, FormatJava, clJavaCases) }

var clKotlinCases = []clCase{
	{"appauth", `val request = AuthorizationRequest.Builder(config, clientId, ResponseTypeValues.CODE, redirectUri)
    .setScope("openid profile")
    .setScopes("a", "b")
    .build()
val scopes = listOf("openid", "email")`, []clWant{
		cl("openid profile", "", "setScope", 1),
		cl("a", "", "setScopes", 2),
		cl("b", "", "setScopes", 2),
		cl("openid", "scopes", "listOf", 3),
		cl("email", "scopes", "listOf", 3),
	}},
	{"templates and raw strings", `fun f(scope: String = "default") {
    val t = "Hello $name and ${user.name("x")}!"
    val raw = """raw ${'$'} "q" text"""
    val c = '"'
    /* nested /* comment " */ still */
    val m = mapOf("scope" to "repo")
    foo(scopes = listOf("n1"), other = "o")
}`, []clWant{
		cl("default", "scope", "f", 1),
		cl("Hello ", "t", "", 0).p(),
		cl(" and ", "t", "", 0).p(),
		cl("x", "", "name", 2),
		cl("!", "t", "", 0).p(),
		cl("raw ", "raw", "", 0).q(`"""`).p(),
		cl(` "q" text`, "raw", "", 0).q(`"""`).p(),
		cl("scope", "", "mapOf", 3),
		cl("repo", "scope", "mapOf", 3),
		cl("n1", "scopes", "foo", 4),
		cl("o", "other", "foo", 5),
	}},
	{"escapes", `val a = "a\u0020b\$"; val b = "bad \q escape"; val c = "ok"`, []clWant{
		cl(`a\u0020b\$`, "a", "", 0).v("a b$"),
		cl("ok", "c", "", 0),
	}},
}

func TestExtractKotlin(t *testing.T) { clRun(t, FormatKotlin, clKotlinCases) }

var clCSharpCases = []clCase{
	{"msal", `using Microsoft.Identity.Client;
#region Scopes "unbalanced
string[] scopes = new[] { "User.Read" };
var result = await app.AcquireTokenInteractive(new[] { "Mail.Read" }).WithExtraScopesToConsent(new string[] { "Calendars.Read" }).ExecuteAsync();
options.Scope.Add("openid");
Call(scope: "named");
var token = await app.AcquireTokenByAuthorizationCode(scopes, code).WithScopes(new[] { "offline_access" }).ExecuteAsync();`, []clWant{
		cl("User.Read", "scopes", "", 1),
		cl("Mail.Read", "", "AcquireTokenInteractive", 2),
		cl("Calendars.Read", "", "WithExtraScopesToConsent", 3),
		cl("openid", "Scope", "Add", 4),
		cl("named", "scope", "Call", 5),
		cl("offline_access", "", "WithScopes", 6),
	}},
	{"string forms", `var p = @"C:\path\""q""";
var i = $"Hello {name} and {{braces}} {Fmt("x")}";
var raw = """
    line one "q"
      line two
    """;
var one = """a "b" c""";
var iraw = $"""{x} "y" """;
char ch = '"';
string? maybe = cond ? "t" : "f";`, []clWant{
		cl(`C:\path\""q""`, "p", "", 0).q(`@"`).v(`C:\path\"q"`),
		cl("Hello ", "i", "", 0).q(`$"`).p(),
		cl(" and {{braces}} ", "i", "", 0).q(`$"`).v(" and {braces} ").p(),
		cl("x", "", "Fmt", 1),
		cl("line one \"q\"\n      line two", "raw", "", 0).q(`"""`).v("line one \"q\"\n  line two"),
		cl(`a "b" c`, "one", "", 0).q(`"""`),
		cl("t", "maybe", "", 0),
		cl("f", "maybe", "", 0),
	}},
}

func TestExtractCSharp(t *testing.T) { clRun(t, FormatCSharp, clCSharpCases) }

var clPHPCases = []clCase{
	{"socialite", `<html><p>Don't "x"</p>
<?php
return Socialite::driver('github')->scopes(['read:user', 'public_repo'])->redirect();
$config = ['scope' => 'openid email'];
$scopes = array('a', 'b');`, []clWant{
		cl("github", "", "driver", 1).q("'"),
		cl("read:user", "", "scopes", 2).q("'"),
		cl("public_repo", "", "scopes", 2).q("'"),
		cl("scope", "config", "", 0).q("'"),
		cl("openid email", "scope", "", 0).q("'"),
		cl("a", "scopes", "", 4).q("'"),
		cl("b", "scopes", "", 4).q("'"),
	}},
	{"quotes, heredoc and tags", `<?php
$s = "Hello $name[0] and {$obj->get("x")}!";
$t = 'single \'q\' \n' . "dq\x41";
# comment with 'quote
// comment ?> <p>it's html</p> <?php
$h = <<<EOT
  heredoc "x" 'y'
  EOT;
$n = <<<'NOW'
nowdoc
NOW;
$o->scope = "os";`, []clWant{
		cl("Hello ", "s", "", 0).p(),
		cl(" and ", "s", "", 0).p(),
		cl("x", "", "get", 1),
		cl("!", "s", "", 0).p(),
		cl(`single \'q\' \n`, "t", "", 0).q("'").v(`single 'q' \n`).p(),
		cl(`dq\x41`, "t", "", 0).v("dqA").p(),
		cl("os", "scope", "", 0),
	}},
}

func TestExtractPHP(t *testing.T) { clRun(t, FormatPHP, clPHPCases) }

var clRustCases = []clCase{
	{"oauth2 crate", `let (url, _) = client.authorize_url(CsrfToken::new_random)
    .add_scope(Scope::new("read".to_string()))
    .add_scopes(vec![Scope::new("a".into())])
    .url();
const SCOPES: &[&str] = &["s1", "s2"];
let cfg = Config { scope: String::from("openid"), scopes: vec!["a".to_string()], name: format!("n{}", 1) };`, []clWant{
		cl("read", "", "Scope", 1),
		cl("a", "", "Scope", 2),
		cl("s1", "SCOPES", "", 3),
		cl("s2", "SCOPES", "", 3),
		cl("openid", "scope", "String", 4),
		cl("a", "scopes", "vec", 5),
		cl("n{}", "", "format", 6),
	}},
	{"string forms", `let r = r#"raw "quoted" \n"#;
let b = b"bytes\x41";
let c = '"'; let lt: &'a str = "life";
fn f<'a>(x: &'a str) -> Foo { Foo { scope: "fs" } }
/* outer /* inner " */ still */
let e = "multi
line\
    cont";`, []clWant{
		cl(`raw "quoted" \n`, "r", "", 0).q(`r#"`),
		cl(`bytes\x41`, "b", "", 0).q(`b"`).v("bytesA"),
		cl("life", "lt", "", 0),
		cl("fs", "scope", "", 0),
		cl("multi\nline\\\n    cont", "e", "", 0).v("multi\nlinecont"),
	}},
}

func TestExtractRust(t *testing.T) { clRun(t, FormatRust, clRustCases) }

var clSwiftCases = []clCase{
	{"appauth", `let request = OIDAuthorizationRequest(configuration: configuration,
                                      clientId: clientID,
                                      scopes: [OIDScopeOpenID, "profile"],
                                      redirectURL: redirectURI,
                                      additionalParameters: ["prompt": "consent"])`, []clWant{
		cl("profile", "scopes", "OIDAuthorizationRequest", 1),
		cl("prompt", "additionalParameters", "OIDAuthorizationRequest", 0),
		cl("consent", "prompt", "", 0),
	}},
	{"string forms", `let s = "Hello \(user.name("x")) end"
let raw = #"raw \n "q" \#(v) x"#
let multi = """
    line one
      line "two" \
    cont
    """
let t = cond ? "a" : "b"
let o: String? = "opt"`, []clWant{
		cl("Hello ", "s", "", 0).p(),
		cl("x", "", "name", 1),
		cl(" end", "s", "", 0).p(),
		cl(`raw \n "q" `, "raw", "", 0).q(`#"`).p(),
		cl(" x", "raw", "", 0).q(`#"`).p(),
		cl("line one\n      line \"two\" \\\n    cont", "multi", "", 0).q(`"""`).v("line one\n  line \"two\" cont"),
		cl("a", "t", "", 0),
		cl("b", "t", "", 0),
		cl("opt", "o", "", 0),
	}},
}

func TestExtractSwift(t *testing.T) { clRun(t, FormatSwift, clSwiftCases) }

// TestEscapeOffsets checks that every byte of a decoded value maps back to
// the escape (or character) it came from.
func TestEscapeOffsets(t *testing.T) {
	cases := []struct {
		format Format
		src    string
		value  string
		offs   []int
	}{
		{FormatJavaScript, `x = "a\u0020b"`, "a b", []int{5, 6, 12, 13}},
		{FormatJavaScript, `x = "\"x\""`, `"x"`, []int{5, 7, 8, 10}},
		{FormatJava, `x = "\u00e9!"`, "é!", []int{5, 5, 11, 12}},
		{FormatCSharp, `x = @"a""b"`, `a"b`, []int{6, 7, 9, 10}},
		{FormatRust, "x = \"a\\\n   b\"", "ab", []int{5, 11, 12}},
	}
	for _, tc := range cases {
		lits := extractCLike(tc.format, []byte(tc.src))
		if len(lits) != 1 {
			t.Fatalf("%s: got %d literals", tc.src, len(lits))
		}
		l := lits[0]
		if l.Value != tc.value || fmt.Sprint(l.Offsets) != fmt.Sprint(tc.offs) {
			t.Errorf("%s: value %q offsets %v, want %q %v", tc.src, l.Value, l.Offsets, tc.value, tc.offs)
		}
		clCheckInvariants(t, []byte(tc.src), lits)
	}
}

// TestEncodeRoundTrip checks that a value written back with Encode decodes
// to itself in every string kind that allows escapes.
func TestEncodeRoundTrip(t *testing.T) {
	values := []string{"openid email", `a "quoted" \ value`, "tab\tnew\nline"}
	forms := []struct {
		format       Format
		open, closer string
	}{
		{FormatJavaScript, `"`, `"`},
		{FormatJavaScript, `'`, `'`},
		{FormatJavaScript, "`", "`"},
		{FormatJava, `"`, `"`},
		{FormatKotlin, `"`, `"`},
		{FormatCSharp, `"`, `"`},
		{FormatSwift, `"`, `"`},
		{FormatRust, `"`, `"`},
		{FormatPHP, `"`, `"`},
	}
	for _, f := range forms {
		for _, v := range values {
			src := "x = " + f.open + "seed" + f.closer + ";"
			if f.format == FormatPHP {
				src = "<?php " + src
			}
			lits := extractCLike(f.format, []byte(src))
			if len(lits) != 1 {
				t.Fatalf("%s: %d literals", src, len(lits))
			}
			enc, ok := lits[0].Encode(v)
			if !ok {
				t.Fatalf("%s %s: cannot encode %q", f.format, f.open, v)
			}
			src2 := src[:lits[0].Span.Start] + enc + src[lits[0].Span.End:]
			lits2 := extractCLike(f.format, []byte(src2))
			if len(lits2) != 1 || lits2[0].Value != v {
				t.Errorf("%s %s: %q encoded as %q decodes to %v", f.format, f.open, v, enc, lits2)
			}
		}
	}
}

// TestMultilineCRLF checks that strings spanning CRLF lines keep or
// normalize the line ends as their language does, with offsets.
func TestMultilineCRLF(t *testing.T) {
	cases := []struct {
		format Format
		src    string
		values []string
	}{
		{FormatSwift, "let m = \"\"\"\r\n    a \\(x) b\r\n      c\r\n    \"\"\"\r\n", []string{"a ", " b\n  c"}},
		{FormatJava, "String t = \"\"\"\r\n    a\r\n      b\"\"\";\r\n", []string{"a\n  b"}},
		{FormatCSharp, "var r = \"\"\"\r\n    a\r\n    b\r\n    \"\"\";\r\n", []string{"a\r\nb"}},
		{FormatKotlin, "val k = \"\"\"\r\n  ${x}y\r\n\"\"\"\n", []string{"\r\n  ", "y\r\n"}},
		{FormatJavaScript, "x = `a\\\r\nb`; y = `c\rd`", []string{"ab", "c\nd"}},
		{FormatRust, "let s = \"a\r\nb\";", []string{"a\nb"}},
	}
	for _, tc := range cases {
		lits := extractCLike(tc.format, []byte(tc.src))
		clCheckInvariants(t, []byte(tc.src), lits)
		var got []string
		for _, l := range lits {
			got = append(got, l.Value)
		}
		if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tc.values) {
			t.Errorf("%s %q: values %q, want %q", tc.format, tc.src, got, tc.values)
		}
	}
}
