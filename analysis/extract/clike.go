package extract

// extractCLike is a stub; replaced by the C-family lexer.
func extractCLike(format Format, src []byte) []Literal { return nil }
