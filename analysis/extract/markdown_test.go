package extract

import (
	"bytes"
	"fmt"
	"testing"
)

func TestExtractMarkdown(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []textWant
	}{
		{
			name: "prose URL and inline code",
			src:  "Open https://github.com/login/oauth/authorize?client_id=x&scope=repo%20read:org. Or `?scope=gist`.\n",
			want: []textWant{
				{text: "repo%20read:org", value: "repo read:org", esc: EscapePercent, key: "scope", url: true},
				{text: "gist", value: "gist", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{
			name: "yaml and json blocks are extracted in place",
			src:  "# Config\n\n```yaml\nscopes:\n  - repo\n  - gist\n```\n\n- step\n  ~~~json\n  {\"scope\": \"openid\", \"u\": \"https://x?scope=a+b\"}\n  ~~~\n",
			want: []textWant{
				{text: "repo", value: "repo", key: "scopes", path: "scopes", list: 1},
				{text: "gist", value: "gist", key: "scopes", path: "scopes", list: 1},
				{text: "openid", value: "openid", quote: `"`, esc: EscapeBackslash, key: "scope", path: "scope"},
				{text: "https://x?scope=a+b", value: "https://x?scope=a+b", quote: `"`, esc: EscapeBackslash, key: "u", path: "u"},
				{text: "a+b", value: "a b", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{
			name: "list ids stay unique across blocks",
			src:  "```yaml\na: [x]\n```\n\n```yml\nb: [y]\n```\n",
			want: []textWant{
				{text: "x", value: "x", key: "a", path: "a", list: 1},
				{text: "y", value: "y", key: "b", path: "b", list: 2},
			},
		},
		{
			name: "unknown language and indented code are text",
			src:  "```\nGET /authorize?scope=openid\n```\n\n    curl 'https://x/?a=1&scope=email'\n\n```text\nscope: nothing\n```\n",
			want: []textWant{
				{text: "openid", value: "openid", esc: EscapePercent, key: "scope", url: true},
				{text: "email", value: "email", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{
			name: "info string attributes and longer fences",
			src:  "````{.xml title=\"pom\"}\n<scope>test</scope>\n```\nstill code\n````\nafter ?scope=x\n",
			want: []textWant{
				{text: "test", value: "test", esc: EscapeXML, key: "scope", path: "scope"},
				{text: "x", value: "x", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{
			name: "unclosed fence runs to the end",
			src:  "text\n```json\n{\"scope\": \"openid\"}\n",
			want: []textWant{
				{text: "openid", value: "openid", quote: `"`, esc: EscapeBackslash, key: "scope", path: "scope"},
			},
		},
		{
			name: "CRLF",
			src:  "a\r\n```yaml\r\nscope: openid\r\n```\r\n?scope=b\r\n",
			want: []textWant{
				{text: "openid", value: "openid", key: "scope", path: "scope"},
				{text: "b", value: "b", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{name: "backticks in a backtick info string are no fence", src: "``` a`b\n?scope=x\n", want: []textWant{
			{text: "x", value: "x", esc: EscapePercent, key: "scope", url: true},
		}},
		{name: "empty", src: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			textCheckLits(t, tt.src, Extract(FormatMarkdown, []byte(tt.src)), tt.want)
		})
	}
}

func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"# t\n\n```yaml\nscope: openid\n```\n",
		"see https://x?scope=a%20b.\n",
		"~~~json\n{\"scopes\": [\"a\"]}\n~~~\n",
		"```xml\n<scope>x</scope>\n```\n```\n?scope=y\n",
		"````\n```\n````\n",
		"```go\nvar s = []string{\"repo\", `gist`}\n```\n",
		"```python\nSCOPES = ['a', \"b\"]\n```\n",
		"```sh\ncurl \"https://x?scope=a%20b\"\n```\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { textCheckFuzz(t, FormatMarkdown, data) })
}

func BenchmarkExtractMarkdown(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, "## Step %d\n\nAuthorize at https://github.com/login/oauth/authorize?client_id=abc&scope=repo%%20gist and\ncontinue with the `token` you get. Some more prose to make the section realistic.\n\n```yaml\nscopes:\n  - repo\n  - read:org\n```\n\n", i)
	}
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(FormatMarkdown, src)
	}
}

// TestMarkdownCodeBlocksOtherLanguages checks that blocks in languages read
// by other extractors land at their place in the file, whatever context
// those extractors give them.
func TestMarkdownCodeBlocksOtherLanguages(t *testing.T) {
	for _, lang := range []string{"go", "python", "js", "ts", "sh", "ruby", "java", "kotlin", "csharp", "php", "rust", "swift", "toml", "env", "properties", "hcl"} {
		var body string
		switch lang {
		case "toml", "env", "hcl":
			body = "scope = \"repo gist\"\n"
		case "properties":
			body = "scope = repo gist\n"
		case "php":
			body = "<?php $x = \"repo gist\";\n"
		case "sh":
			body = "export SCOPE=\"repo gist\"\n"
		default:
			body = "x = \"repo gist\"\n"
		}
		src := "Intro with ?scope=a.\n\n```" + lang + "\n" + body + "```\n"
		lits := Extract(FormatMarkdown, []byte(src))
		textCheckInvariants(t, []byte(src), lits)
		found := false
		for _, l := range lits {
			if l.Value == "repo gist" && l.Text([]byte(src)) == "repo gist" {
				found = true
			}
		}
		if !found {
			t.Errorf("%s block: no literal \"repo gist\" at its place; got %d literals", lang, len(lits))
		}
	}
}
