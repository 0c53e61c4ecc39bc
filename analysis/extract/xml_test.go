package extract

import (
	"bytes"
	"fmt"
	"testing"
)

func TestExtractXML(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []textWant
	}{
		{
			name: "maven dependency scope keeps its path",
			src: `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <!-- <scope>commented</scope> -->
  <dependencies>
    <dependency>
      <artifactId>junit</artifactId>
      <scope>test</scope>
    </dependency>
  </dependencies>
</project>
`,
			want: []textWant{
				{text: "http://maven.apache.org/POM/4.0.0", value: "http://maven.apache.org/POM/4.0.0", quote: `"`, esc: EscapeXML, key: "xmlns", path: "project/xmlns"},
				{text: "junit", value: "junit", esc: EscapeXML, key: "artifactId", path: "project/dependencies/dependency/artifactId"},
				{text: "test", value: "test", esc: EscapeXML, key: "scope", path: "project/dependencies/dependency/scope"},
			},
		},
		{
			name: "android string resource takes its name as key",
			src: `<resources>
    <string name="oauth_scopes">openid email &amp; profile</string>
</resources>`,
			want: []textWant{
				{text: "oauth_scopes", value: "oauth_scopes", quote: `"`, esc: EscapeXML, key: "name", path: "resources/string/name"},
				{text: "openid email &amp; profile", value: "openid email & profile", esc: EscapeXML, key: "oauth_scopes", path: "resources/string/oauth_scopes"},
			},
		},
		{
			name: "app.config add key value",
			src:  `<configuration><appSettings><add key="Scopes" value="User.Read&#32;Mail.Read" /></appSettings></configuration>`,
			want: []textWant{
				{text: "Scopes", value: "Scopes", quote: `"`, esc: EscapeXML, key: "key", path: "configuration/appSettings/add/key"},
				{text: "User.Read&#32;Mail.Read", value: "User.Read Mail.Read", quote: `"`, esc: EscapeXML, key: "Scopes", path: "configuration/appSettings/add/Scopes"},
			},
		},
		{
			name: "spring bean property, value before name, single quotes",
			src:  `<beans><bean id="client"><property value='openid' name="scope"/></bean></beans>`,
			want: []textWant{
				{text: "client", value: "client", quote: `"`, esc: EscapeXML, key: "id", path: "beans/bean/id"},
				{text: "openid", value: "openid", quote: "'", esc: EscapeXML, key: "scope", path: "beans/bean/property/scope"},
				{text: "scope", value: "scope", quote: `"`, esc: EscapeXML, key: "name", path: "beans/bean/property/name"},
			},
		},
		{
			name: "android namespaced meta-data",
			src:  `<application><meta-data android:name="com.example.SCOPES" android:value="repo gist"/></application>`,
			want: []textWant{
				{text: "com.example.SCOPES", value: "com.example.SCOPES", quote: `"`, esc: EscapeXML, key: "android:name", path: "application/meta-data/android:name"},
				{text: "repo gist", value: "repo gist", quote: `"`, esc: EscapeXML, key: "com.example.SCOPES", path: "application/meta-data/com.example.SCOPES"},
			},
		},
		{
			name: "CDATA, mixed content, doctype and processing instructions",
			src: `<!DOCTYPE r [ <!ENTITY e "x"> ]>
<r><?pi data?><scope> <![CDATA[ a<b & c ]]> </scope><s>one<b/>two</s></r>`,
			want: []textWant{
				{text: "a<b & c", value: "a<b & c", key: "scope", path: "r/scope"},
				{text: "one", value: "one", esc: EscapeXML, key: "s", path: "r/s"},
				{text: "two", value: "two", esc: EscapeXML, key: "s", path: "r/s"},
			},
		},
		{
			name: "unknown entity skips the value",
			src:  `<r><a>&nbsp;x</a><b>&#x41;&lt;</b></r>`,
			want: []textWant{
				{text: "&#x41;&lt;", value: "A<", esc: EscapeXML, key: "b", path: "r/b"},
			},
		},
		{
			name: "URL with scope in an attribute",
			src:  `<a href="https://github.com/login/oauth/authorize?client_id=1&amp;scope=repo%20gist">x</a>`,
			want: []textWant{
				{text: "https://github.com/login/oauth/authorize?client_id=1&amp;scope=repo%20gist", value: "https://github.com/login/oauth/authorize?client_id=1&scope=repo%20gist", quote: `"`, esc: EscapeXML, key: "href", path: "a/href"},
				{text: "repo%20gist", value: "repo gist", esc: EscapePercent, key: "scope", url: true},
				{text: "x", value: "x", esc: EscapeXML, key: "a", path: "a"},
			},
		},
		{
			name: "CRLF text keeps its line breaks",
			src:  "<r>\r\n  <scope>openid\r\n    email</scope>\r\n</r>\r\n",
			want: []textWant{
				{text: "openid\r\n    email", value: "openid\r\n    email", esc: EscapeXML, key: "scope", path: "r/scope"},
			},
		},
		{
			name: "mismatched end tag closes up to its element",
			src:  `<a><b><c>x</b><d>y</d></a>`,
			want: []textWant{
				{text: "x", value: "x", esc: EscapeXML, key: "c", path: "a/b/c"},
				{text: "y", value: "y", esc: EscapeXML, key: "d", path: "a/d"},
			},
		},
		{
			name: "property list keys label the following value",
			src: `<plist><dict>
  <key>GIDScopes</key>
  <array><string>openid</string><string>email</string></array>
  <key>scope</key>
  <string>profile</string>
  <string>unlabelled</string>
</dict></plist>`,
			want: []textWant{
				{text: "GIDScopes", value: "GIDScopes", esc: EscapeXML, key: "key", path: "plist/dict/key"},
				{text: "openid", value: "openid", esc: EscapeXML, key: "GIDScopes", path: "plist/dict/array/string/GIDScopes", list: 1},
				{text: "email", value: "email", esc: EscapeXML, key: "GIDScopes", path: "plist/dict/array/string/GIDScopes", list: 1},
				{text: "scope", value: "scope", esc: EscapeXML, key: "key", path: "plist/dict/key"},
				{text: "profile", value: "profile", esc: EscapeXML, key: "scope", path: "plist/dict/string/scope"},
				{text: "unlabelled", value: "unlabelled", esc: EscapeXML, key: "string", path: "plist/dict/string"},
			},
		},
		{name: "unterminated comment", src: `<a>x</a><!-- <b>y</b>`, want: []textWant{{text: "x", value: "x", esc: EscapeXML, key: "a", path: "a"}}},
		{name: "unterminated attribute", src: `<a b="x><c>y</c></a>`},
		{name: "invalid UTF-8", src: "<a>\xff\xfe</a>", want: []textWant{{text: "\xff\xfe", value: "\xff\xfe", esc: EscapeXML, key: "a", path: "a"}}},
		{name: "empty", src: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			textCheckLits(t, tt.src, Extract(FormatXML, []byte(tt.src)), tt.want)
		})
	}
}

// TestXMLOffsets checks the mapping of entity references.
func TestXMLOffsets(t *testing.T) {
	src := `<a>x&amp;&#xE9;y</a>`
	lits := Extract(FormatXML, []byte(src))
	if len(lits) != 1 {
		t.Fatalf("got %d literals", len(lits))
	}
	// x at 3, & from &amp; at 4, é (two bytes) from &#xE9; at 9, y at 15.
	want := []int{3, 4, 9, 9, 15, 16}
	if fmt.Sprint(lits[0].Offsets) != fmt.Sprint(want) {
		t.Errorf("offsets %v, want %v", lits[0].Offsets, want)
	}
}

func FuzzXML(f *testing.F) {
	for _, s := range []string{
		`<project><dependency><scope>test</scope></dependency></project>`,
		`<string name="oauth_scopes">openid &amp; email</string>`,
		`<add key="Scopes" value="User.Read&#32;Mail.Read"/>`,
		`<!DOCTYPE x [<!ENTITY a "b">]><x><![CDATA[y]]></x>`,
		`<?xml version="1.0"?><a href='https://x?scope=a+b&amp;c=d'/>`,
		`<a><!-- c --><b>t</b></a>`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { textCheckFuzz(t, FormatXML, data) })
}

func BenchmarkExtractXML(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0"?>` + "\n<project>\n  <dependencies>\n")
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, `    <dependency>
      <groupId>org.example</groupId>
      <artifactId>lib-%d</artifactId>
      <version>1.%d.0</version>
      <scope>test</scope>
      <!-- pinned -->
    </dependency>
    <add key="Scopes%d" value="User.Read Mail.Read &amp; more"/>
`, i, i, i)
	}
	buf.WriteString("  </dependencies>\n</project>\n")
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(FormatXML, src)
	}
}
