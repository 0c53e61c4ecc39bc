package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
)

// ApplyFixes applies edits to src and returns the new text; src is not
// modified. Edits are applied in order of their spans (by start, then end;
// edits with equal spans keep their given order), so several insertions at
// one offset appear in the order given, and an insertion at the start of a
// replaced span goes before the replacement. Edits must not overlap: it
// returns an error naming the first pair that does, or the first edit whose
// span is not inside src.
func ApplyFixes(src []byte, edits []Edit) ([]byte, error) {
	sorted := slices.Clone(edits)
	slices.SortStableFunc(sorted, compareEdits)
	size := len(src)
	for i, e := range sorted {
		if e.Span.Start < 0 || e.Span.End < e.Span.Start || e.Span.End > len(src) {
			return nil, fmt.Errorf("edit %s is outside the text (%d bytes)", spanString(e.Span), len(src))
		}
		if i > 0 && e.Span.Start < sorted[i-1].Span.End {
			return nil, fmt.Errorf("edits %s and %s overlap", spanString(sorted[i-1].Span), spanString(e.Span))
		}
		size += len(e.NewText) - e.Span.Len()
	}
	out := make([]byte, 0, size)
	last := 0
	for _, e := range sorted {
		out = append(out, src[last:e.Span.Start]...)
		out = append(out, e.NewText...)
		last = e.Span.End
	}
	return append(out, src[last:]...), nil
}

// SelectFixes picks the preferred fix of every diagnostic, in position
// order, and returns the edits of all the fixes it took, sorted as
// ApplyFixes applies them. A fix that conflicts with one already taken is
// left out, and its diagnostic returned as the second value so that the
// caller can analyze the fixed text again and fix it then. Diagnostics
// without a preferred fix are ignored.
//
// Two fixes conflict when edits of theirs overlap, or when an insertion of
// one lies inside, at the start of or at the end of a span another
// replaces, or at the same offset as an insertion of the other: the result
// of applying both would depend on their order. Replacements of adjacent
// spans do not conflict. The edits of one fix are not checked against each
// other; ApplyFixes rejects them if they overlap.
func SelectFixes(diags []Diagnostic) ([]Edit, []Diagnostic) {
	order := make([]int, len(diags))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		sa, sb := diags[order[a]].Span, diags[order[b]].Span
		if sa.Start != sb.Start {
			return sa.Start < sb.Start
		}
		return sa.End < sb.End
	})
	var chosen []Edit // sorted by compareEdits
	var deferred []Diagnostic
	for _, i := range order {
		fix := diags[i].PreferredFix()
		if fix == nil || len(fix.Edits) == 0 {
			continue
		}
		if conflicts(chosen, fix.Edits) {
			deferred = append(deferred, diags[i])
			continue
		}
		for _, e := range fix.Edits {
			// After every edit that sorts before or with e, so the edits
			// of one fix keep their order.
			at := sort.Search(len(chosen), func(k int) bool { return compareEdits(chosen[k], e) > 0 })
			chosen = slices.Insert(chosen, at, e)
		}
	}
	return chosen, deferred
}

// conflicts reports whether any of edits conflicts with one of chosen,
// which is sorted and free of overlaps, so that the ends of its spans are
// sorted too.
func conflicts(chosen, edits []Edit) bool {
	for _, e := range edits {
		// The first chosen edit that ends at or after e starts.
		k := sort.Search(len(chosen), func(k int) bool { return chosen[k].Span.End >= e.Span.Start })
		for ; k < len(chosen) && chosen[k].Span.Start <= e.Span.End; k++ {
			if spansConflict(chosen[k].Span, e.Span) {
				return true
			}
		}
	}
	return false
}

// spansConflict reports whether edits of a and b from different fixes
// conflict: their interiors overlap, or one is empty and touches the other.
func spansConflict(a, b Span) bool {
	lo, hi := max(a.Start, b.Start), min(a.End, b.End)
	if a.Len() == 0 || b.Len() == 0 {
		return lo <= hi
	}
	return lo < hi
}

func compareEdits(a, b Edit) int {
	if c := cmp.Compare(a.Span.Start, b.Span.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.Span.End, b.Span.End)
}

func spanString(s Span) string { return fmt.Sprintf("[%d,%d)", s.Start, s.End) }
