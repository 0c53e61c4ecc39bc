package extract

// extractJSON is a stub; replaced by the real lexer.
func extractJSON(src []byte) []Literal { return nil }
