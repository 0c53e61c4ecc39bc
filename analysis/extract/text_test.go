package extract

import (
	"bytes"
	"fmt"
	"testing"
)

func TestExtractText(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []textWant
	}{
		{
			name: "HTML link with escaped ampersands",
			src:  `<a href="https://github.com/login/oauth/authorize?client_id=1&amp;scope=repo%20gist&amp;state=x">Log in</a>`,
			want: []textWant{{text: "repo%20gist", value: "repo gist", esc: EscapePercent, key: "scope", url: true}},
		},
		{
			name: ".http request file",
			src:  "GET https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id={{id}}&scope=User.Read%20offline_access\nAccept: */*\n",
			want: []textWant{{text: "User.Read%20offline_access", value: "User.Read offline_access", esc: EscapePercent, key: "scope", url: true}},
		},
		{
			name: "prose punctuation and brackets end the value",
			src:  "See (https://x/?scope=openid). Then [x](https://y/?scope=email), or https://z/?scope=a,b.\n",
			want: []textWant{
				{text: "openid", value: "openid", esc: EscapePercent, key: "scope", url: true},
				{text: "email", value: "email", esc: EscapePercent, key: "scope", url: true},
				{text: "a,b", value: "a,b", esc: EscapePercent, key: "scope", url: true},
			},
		},
		{
			name: "Dockerfile assignments are not queries",
			src:  "FROM alpine\nENV SCOPES=repo,gist\nRUN app --scope=openid\n",
		},
		{
			name: "CRLF and invalid UTF-8",
			src:  "\xff?scope=a\xfeb\r\nx",
			want: []textWant{{text: "a\xfeb", value: "a\xfeb", esc: EscapePercent, key: "scope", url: true}},
		},
		{name: "empty", src: ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			textCheckLits(t, tt.src, Extract(FormatText, []byte(tt.src)), tt.want)
		})
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{
		"https://x/?scope=a%20b+c&user_scope=d",
		"<a href=\"?a=1&amp;scope=x\">",
		"?scope=%2&scopes=%zz.",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) { textCheckFuzz(t, FormatText, data) })
}

func BenchmarkExtractText(b *testing.B) {
	var buf bytes.Buffer
	for i := 0; buf.Len() < 1<<20; i++ {
		fmt.Fprintf(&buf, "<p>Paragraph %d with a <a href=\"https://example.com/page?id=%d&amp;ref=home\">link</a> and some text = value pairs.</p>\n", i, i)
		if i%50 == 0 {
			buf.WriteString("<a href=\"https://github.com/login/oauth/authorize?client_id=1&amp;scope=repo%20gist\">login</a>\n")
		}
	}
	src := buf.Bytes()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(FormatText, src)
	}
}
