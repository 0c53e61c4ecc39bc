package project

import (
	"fmt"
	"strings"
)

// distance returns the optimal string alignment (restricted Damerau)
// distance between a and b, counted in bytes.
func distance(a, b string) int {
	if a == b {
		return 0
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// nearest returns the candidate closest to s, or "" when none is close
// enough to be a likely typo. A candidate equal to s ignoring case always
// qualifies.
func nearest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		if c == s {
			continue
		}
		if strings.EqualFold(c, s) {
			return c
		}
		ls, lc := strings.ToLower(s), strings.ToLower(c)
		d := distance(ls, lc)
		// A cut-short word ("warn" for "warning") counts as close.
		short := len(ls) >= 3 && strings.HasPrefix(lc, ls)
		if d > maxTypo(max(len(s), len(c))) && !short {
			continue
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// maxTypo is the largest edit distance still taken for a typo in a word of
// n bytes.
func maxTypo(n int) int {
	switch {
	case n < 3:
		return 0
	case n < 5:
		return 1
	case n < 9:
		return 2
	default:
		return 3
	}
}

// didYouMean returns `; did you mean "x"?` for the nearest candidate, or "".
func didYouMean(s string, candidates []string) string {
	if n := nearest(s, candidates); n != "" {
		return fmt.Sprintf("; did you mean %q?", n)
	}
	return ""
}
