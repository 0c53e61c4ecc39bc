package analysistest

import (
	"fmt"
	"strings"
)

// diffContext is the number of unchanged lines shown around a change.
const diffContext = 2

// maxDiffCells bounds the work of the line matching; larger differences
// are shown as the two texts' differing middles, whole.
const maxDiffCells = 4_000_000

// lineDiff returns a unified-style diff from want to got, line by line:
// hunks headed "@@ -l,n +l,n @@" with lines marked " ", "-" (only in want)
// and "+" (only in got). A missing final newline is shown as a line of its
// own. It returns "" when the texts are equal.
func lineDiff(want, got string) string {
	if want == got {
		return ""
	}
	a, b := splitLines(want), splitLines(got)
	// Strip the common prefix and suffix; match the middles.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ops := make([]diffOp, 0, len(a)+len(b))
	for i := 0; i < pre; i++ {
		ops = append(ops, diffOp{' ', a[i]})
	}
	ops = append(ops, matchLines(a[pre:len(a)-suf], b[pre:len(b)-suf])...)
	for i := len(a) - suf; i < len(a); i++ {
		ops = append(ops, diffOp{' ', a[i]})
	}
	return formatHunks(ops)
}

type diffOp struct {
	kind byte // ' ', '-' or '+'
	line string
}

// splitLines splits s into lines without their "\n"; a last line without
// one is marked.
func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, l := range lines {
		if strings.HasSuffix(l, "\n") {
			lines[i] = l[:len(l)-1]
		} else {
			lines[i] = l + "\n\\ No newline at end of file"
		}
	}
	return lines
}

// matchLines returns the edit script from a to b along a longest common
// subsequence of lines.
func matchLines(a, b []string) []diffOp {
	var ops []diffOp
	if len(a)*len(b) > maxDiffCells || len(a) == 0 || len(b) == 0 {
		for _, l := range a {
			ops = append(ops, diffOp{'-', l})
		}
		for _, l := range b {
			ops = append(ops, diffOp{'+', l})
		}
		return ops
	}
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	w := len(b) + 1
	lcs := make([]int32, (len(a)+1)*w)
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else {
				lcs[i*w+j] = max(lcs[(i+1)*w+j], lcs[i*w+j+1])
			}
		}
	}
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			ops = append(ops, diffOp{' ', a[i]})
			i++
			j++
		case lcs[(i+1)*w+j] >= lcs[i*w+j+1]:
			ops = append(ops, diffOp{'-', a[i]})
			i++
		default:
			ops = append(ops, diffOp{'+', b[j]})
			j++
		}
	}
	for ; i < len(a); i++ {
		ops = append(ops, diffOp{'-', a[i]})
	}
	for ; j < len(b); j++ {
		ops = append(ops, diffOp{'+', b[j]})
	}
	return ops
}

// formatHunks writes the changed operations with diffContext lines of
// context, grouped into hunks.
func formatHunks(ops []diffOp) string {
	var b strings.Builder
	// lineA and lineB are the 1-based line numbers of ops[k] in each text.
	lineA, lineB := make([]int, len(ops)+1), make([]int, len(ops)+1)
	lineA[0], lineB[0] = 1, 1
	for k, op := range ops {
		lineA[k+1], lineB[k+1] = lineA[k], lineB[k]
		if op.kind != '+' {
			lineA[k+1]++
		}
		if op.kind != '-' {
			lineB[k+1]++
		}
	}
	for k := 0; k < len(ops); {
		if ops[k].kind == ' ' {
			k++
			continue
		}
		// A hunk: from diffContext lines before this change to
		// diffContext lines after the last change that is no more than
		// 2*diffContext unchanged lines away from the next.
		start := max(k-diffContext, 0)
		end := k
		for end < len(ops) {
			if ops[end].kind != ' ' {
				end++
				continue
			}
			run := end
			for run < len(ops) && ops[run].kind == ' ' {
				run++
			}
			if run == len(ops) || run-end > 2*diffContext {
				end = min(end+diffContext, len(ops))
				break
			}
			end = run
		}
		fmt.Fprintf(&b, "@@ -%s +%s @@\n",
			hunkRange(lineA[start], lineA[end]), hunkRange(lineB[start], lineB[end]))
		for _, op := range ops[start:end] {
			b.WriteByte(op.kind)
			b.WriteString(op.line)
			b.WriteByte('\n')
		}
		k = end
	}
	return b.String()
}

// hunkRange formats the lines [from, to) of one side of a hunk; an empty
// range names the line before it, as unified diffs do.
func hunkRange(from, to int) string {
	if from == to {
		return fmt.Sprintf("%d,0", from-1)
	}
	return fmt.Sprintf("%d,%d", from, to-from)
}
