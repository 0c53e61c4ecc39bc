package main

import (
	"bytes"
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 3

// diffOp is one line of an edit script: ' ' kept, '-' deleted, '+' inserted.
type diffOp struct {
	kind byte
	line string // with its line ending, if it has one
}

// splitLines splits text after each "\n", keeping the line endings; the
// last line may lack one. An empty text has no lines.
func splitLines(b []byte) []string {
	var lines []string
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		if i < 0 {
			lines = append(lines, string(b))
			break
		}
		lines = append(lines, string(b[:i+1]))
		b = b[i+1:]
	}
	return lines
}

// unifiedDiff returns a unified diff from a to b, with git-style headers
// naming path, or "" when the texts are equal.
func unifiedDiff(path string, a, b []byte) string {
	if bytes.Equal(a, b) {
		return ""
	}
	return fmt.Sprintf("--- a/%s\n+++ b/%s\n%s", path, path, diffHunks(a, b))
}

// diffHunks returns the hunks of a unified diff from a to b, without the
// file headers.
func diffHunks(a, b []byte) string {
	var w strings.Builder
	writeHunks(&w, diffLines(splitLines(a), splitLines(b)))
	return w.String()
}

// diffLines returns a shortest edit script turning a into b (Myers'
// O((N+M)D) algorithm after trimming the common head and tail).
func diffLines(a, b []string) []diffOp {
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	ops := make([]diffOp, 0, len(a)+len(b))
	for _, l := range a[:head] {
		ops = append(ops, diffOp{' ', l})
	}
	ops = append(ops, myers(a[head:len(a)-tail], b[head:len(b)-tail])...)
	for _, l := range a[len(a)-tail:] {
		ops = append(ops, diffOp{' ', l})
	}
	return ops
}

// myers computes a shortest edit script with Myers' greedy algorithm,
// keeping one snapshot of the furthest-reaching paths per edit distance
// (O(D²) memory) to walk back the path.
func myers(a, b []string) []diffOp {
	n, m := len(a), len(b)
	limit := n + m
	off := limit + 1
	v := make([]int, 2*limit+3)
	var trace [][]int // trace[d][k+d] = furthest x on diagonal k after step d
	done := false
	for d := 0; d <= limit && !done; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // down: insert b[y]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[off+k] = x
			if x >= n && y >= m {
				done = true
			}
		}
		trace = append(trace, append([]int(nil), v[off-d:off+d+1]...))
	}
	// Walk back from (n, m).
	var rev []diffOp
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		prev := trace[d-1] // index k+(d-1)
		at := func(k int) int { return prev[k+d-1] }
		k := x - y
		var pk int
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x--
			y--
			rev = append(rev, diffOp{' ', a[x]})
		}
		if pk == k+1 {
			y--
			rev = append(rev, diffOp{'+', b[y]})
		} else {
			x--
			rev = append(rev, diffOp{'-', a[x]})
		}
	}
	for x > 0 && y > 0 {
		x--
		y--
		rev = append(rev, diffOp{' ', a[x]})
	}
	ops := make([]diffOp, len(rev))
	for i, op := range rev {
		ops[len(rev)-1-i] = op
	}
	return ops
}

// writeHunks writes the changes of ops as unified-diff hunks with
// diffContext lines of context, merging hunks whose context would touch.
func writeHunks(w *strings.Builder, ops []diffOp) {
	// aAt[i], bAt[i]: 0-based line numbers in a and b before ops[i].
	aAt := make([]int, len(ops)+1)
	bAt := make([]int, len(ops)+1)
	for i, op := range ops {
		aAt[i+1], bAt[i+1] = aAt[i], bAt[i]
		if op.kind != '+' {
			aAt[i+1]++
		}
		if op.kind != '-' {
			bAt[i+1]++
		}
	}
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		start := max(i-diffContext, 0)
		last := i
		j := i + 1
		for ; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				last = j
			} else if j-last > 2*diffContext {
				break
			}
		}
		end := min(last+diffContext+1, len(ops))
		aLen, bLen := aAt[end]-aAt[start], bAt[end]-bAt[start]
		fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(aAt[start], aLen), hunkRange(bAt[start], bLen))
		for _, op := range ops[start:end] {
			w.WriteByte(op.kind)
			w.WriteString(op.line)
			if !strings.HasSuffix(op.line, "\n") {
				w.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
}

// hunkRange formats a hunk's line range: 1-based start and length, the
// length left out when it is 1; an empty range names the line before it.
func hunkRange(start0, n int) string {
	switch n {
	case 0:
		return fmt.Sprintf("%d,0", start0)
	case 1:
		return fmt.Sprintf("%d", start0+1)
	}
	return fmt.Sprintf("%d,%d", start0+1, n)
}
