package extract

// extractText reads a file without string syntax of its own (plain text,
// HTML, .http request files, reStructuredText, Dockerfiles): only the
// scope-like query parameters of URLs and query strings in its raw text are
// reported, as URL literals (see urlScanParams).
func extractText(src []byte) []Literal {
	return urlScanText(src, 0, len(src), nil)
}
