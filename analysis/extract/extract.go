package extract

// Extract returns the string literals of src, read as format, in source
// order (by Span.Start). Text the extractor cannot lex with certainty (an
// unterminated string, an unknown escape) is skipped, never mis-spanned.
// URLs with a scope-like query parameter inside any literal, or in the
// prose of text and Markdown files, are returned as extra literals with
// URL set.
func Extract(format Format, src []byte) []Literal {
	var lits []Literal
	switch format {
	case FormatGo:
		lits = extractGo(src)
	case FormatJavaScript, FormatJava, FormatKotlin, FormatCSharp, FormatPHP, FormatRust, FormatSwift:
		lits = extractCLike(format, src)
	case FormatPython:
		lits = extractPython(src)
	case FormatRuby:
		lits = extractRuby(src)
	case FormatShell:
		lits = extractShell(src)
	case FormatEnv:
		lits = extractEnv(src)
	case FormatProperties:
		lits = extractProperties(src)
	case FormatTOML:
		lits = extractTOML(src)
	case FormatHCL:
		lits = extractHCL(src)
	case FormatYAML:
		lits = extractYAML(src)
	case FormatJSON:
		lits = extractJSON(src)
	case FormatXML:
		lits = extractXML(src)
	case FormatMarkdown:
		lits = extractMarkdown(src)
	case FormatText:
		lits = extractText(src)
	default:
		return nil
	}
	if format != FormatShell {
		lits = withOptionValues(lits)
	}
	return withURLScopes(src, lits)
}
