package analysistest

import (
	"strings"
	"testing"
)

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name      string
		want, got string
		diff      string
	}{
		{"equal", "a\nb\n", "a\nb\n", ""},
		{"change", "a\nb\nc\n", "a\nB\nc\n", "@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"},
		{"insert", "a\nc\n", "a\nb\nc\n", "@@ -1,2 +1,3 @@\n a\n+b\n c\n"},
		{"delete", "a\nb\nc\n", "a\nc\n", "@@ -1,3 +1,2 @@\n a\n-b\n c\n"},
		{"to empty", "x\ny\n", "", "@@ -1,2 +0,0 @@\n-x\n-y\n"},
		{"from empty", "", "x\n", "@@ -0,0 +1,1 @@\n+x\n"},
		{"missing final newline", "a\n", "a", "@@ -1,1 +1,1 @@\n-a\n+a\n\\ No newline at end of file\n"},
		{
			name: "context is cut to two lines",
			want: "1\n2\n3\n4\n5\n6\n",
			got:  "1\n2\n3\nfour\n5\n6\n",
			diff: "@@ -2,5 +2,5 @@\n 2\n 3\n-4\n+four\n 5\n 6\n",
		},
		{
			name: "distant changes make two hunks",
			want: "a\n1\n2\n3\n4\n5\n6\nb\n",
			got:  "A\n1\n2\n3\n4\n5\n6\nB\n",
			diff: "@@ -1,3 +1,3 @@\n-a\n+A\n 1\n 2\n@@ -6,3 +6,3 @@\n 5\n 6\n-b\n+B\n",
		},
		{
			name: "near changes share a hunk",
			want: "a\n1\n2\n3\n4\nb\n",
			got:  "A\n1\n2\n3\n4\nB\n",
			diff: "@@ -1,6 +1,6 @@\n-a\n+A\n 1\n 2\n 3\n 4\n-b\n+B\n",
		},
		{
			name: "moved line",
			want: "x\na\nb\n",
			got:  "a\nb\nx\n",
			diff: "@@ -1,3 +1,3 @@\n-x\n a\n b\n+x\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lineDiff(tt.want, tt.got); got != tt.diff {
				t.Errorf("lineDiff() =\n%s\nwant\n%s", got, tt.diff)
			}
		})
	}
}

func TestLineDiffLarge(t *testing.T) {
	// Too many differing lines to match: both middles are shown whole.
	var a, b strings.Builder
	for i := 0; i < 3000; i++ {
		a.WriteString("a\n")
		b.WriteString("b\n")
	}
	d := lineDiff("same\n"+a.String(), "same\n"+b.String())
	if !strings.HasPrefix(d, "@@ -1,3001 +1,3001 @@\n same\n-a\n") ||
		strings.Count(d, "\n-a") != 3000 || strings.Count(d, "\n+b") != 3000 {
		t.Errorf("lineDiff() = %.80q...", d)
	}
}
