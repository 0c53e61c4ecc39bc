package analysis

// ApplyFixes applies edits to src and returns the new text. Edits must not
// overlap; it returns an error naming the first pair that does. (Stub.)
func ApplyFixes(src []byte, edits []Edit) ([]byte, error) { return src, nil }
