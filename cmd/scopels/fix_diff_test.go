package main

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func TestUnifiedDiffGolden(t *testing.T) {
	tests := []struct {
		name, a, b, want string
	}{
		{"equal", "x\n", "x\n", ""},
		{
			"one line changed",
			"a\nb\nc\n", "a\nB\nc\n",
			"--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n",
		},
		{
			"context is three lines",
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nFIVE\n6\n7\n8\n9\n",
			"--- a/f.txt\n+++ b/f.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+FIVE\n 6\n 7\n 8\n",
		},
		{
			"far changes make two hunks",
			"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", "one\n2\n3\n4\n5\n6\n7\n8\n9\nten\n",
			"--- a/f.txt\n+++ b/f.txt\n@@ -1,4 +1,4 @@\n-1\n+one\n 2\n 3\n 4\n@@ -7,4 +7,4 @@\n 7\n 8\n 9\n-10\n+ten\n",
		},
		{
			"no newline at end",
			"a\nb", "a\nc",
			"--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n",
		},
		{
			"from empty",
			"", "x\n",
			"--- a/f.txt\n+++ b/f.txt\n@@ -0,0 +1 @@\n+x\n",
		},
		{
			"crlf kept",
			"a\r\nb\r\n", "a\r\nc\r\n",
			"--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := unifiedDiff("f.txt", []byte(tt.a), []byte(tt.b))
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// applyUnified applies the hunks of a unified diff made by unifiedDiff to
// a, checking every context and deleted line on the way.
func applyUnified(a []string, diff string) ([]string, error) {
	if diff == "" {
		return a, nil
	}
	lines := strings.SplitAfter(diff, "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[0], "--- ") || !strings.HasPrefix(lines[1], "+++ ") {
		return nil, fmt.Errorf("no file headers")
	}
	var out []string
	next := 0 // index in a of the next line not yet copied
	i := 2
	for i < len(lines) && lines[i] != "" {
		h := lines[i]
		var aStart, aLen, bStart, bLen int
		if _, err := fmt.Sscanf(strings.NewReplacer(",", " ").Replace(expandRanges(h)), "@@ -%d %d +%d %d @@", &aStart, &aLen, &bStart, &bLen); err != nil {
			return nil, fmt.Errorf("bad hunk header %q: %v", h, err)
		}
		from := aStart - 1
		if aLen == 0 {
			from = aStart
		}
		if from < next {
			return nil, fmt.Errorf("hunks overlap or go backwards at %q", h)
		}
		out = append(out, a[next:from]...)
		next = from
		i++
		for i < len(lines) && lines[i] != "" && !strings.HasPrefix(lines[i], "@@") {
			l := lines[i]
			body := l[1:]
			if i+1 < len(lines) && lines[i+1] == "\\ No newline at end of file\n" {
				body = strings.TrimSuffix(body, "\n")
				i++
			}
			switch l[0] {
			case ' ', '-':
				if next >= len(a) || a[next] != body {
					return nil, fmt.Errorf("line %d: want %q, have %q", next+1, body, a[min(next, len(a)-1)])
				}
				if l[0] == ' ' {
					out = append(out, body)
				}
				next++
			case '+':
				out = append(out, body)
			default:
				return nil, fmt.Errorf("bad line %q", l)
			}
			i++
		}
	}
	return append(out, a[next:]...), nil
}

// expandRanges writes "-3" as "-3,1" in a hunk header, so that it scans
// with one format.
func expandRanges(h string) string {
	f := strings.Fields(h)
	for i := 1; i <= 2 && i < len(f); i++ {
		if !strings.Contains(f[i], ",") {
			f[i] += ",1"
		}
	}
	return strings.Join(f, " ")
}

// lcs is the textbook dynamic programme, to check the edit script is
// shortest.
func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func randomText(r *rand.Rand) string {
	n := r.IntN(14)
	var b strings.Builder
	for range n {
		b.WriteString(strconv.Itoa(r.IntN(4)))
		b.WriteByte('\n')
	}
	if n > 0 && r.IntN(4) == 0 {
		return strings.TrimSuffix(b.String(), "\n")
	}
	return b.String()
}

func TestUnifiedDiffRoundTripAndMinimal(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		a, b := randomText(r), randomText(r)
		al, bl := splitLines([]byte(a)), splitLines([]byte(b))
		diff := unifiedDiff("f", []byte(a), []byte(b))
		got, err := applyUnified(al, diff)
		if err != nil {
			t.Fatalf("a=%q b=%q: %v\n%s", a, b, err, diff)
		}
		if strings.Join(got, "") != b {
			t.Fatalf("a=%q b=%q: patched to %q\n%s", a, b, strings.Join(got, ""), diff)
		}
		changes := 0
		for _, op := range diffLines(al, bl) {
			if op.kind != ' ' {
				changes++
			}
		}
		if want := len(al) + len(bl) - 2*lcs(al, bl); changes != want {
			t.Fatalf("a=%q b=%q: %d changed lines, the shortest script has %d", a, b, changes, want)
		}
	}
}
