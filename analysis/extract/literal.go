// Package extract finds string literals in source and config files and
// records, for each, where it is, how it is written and in which context
// (key, field, variable, parameter or call) it stands.
//
// Extractors are real lexers (one per language family); they never use a
// regular expression to find string bounds. They report every string literal
// they can locate precisely, together with its context; deciding which
// literals hold OAuth scopes is the job of the analysis package.
package extract

import (
	"path/filepath"
	"strings"
)

// Span is a half-open range [Start, End) of byte offsets into a file's text.
type Span struct {
	Start int
	End   int
}

// Len returns the number of bytes the span covers.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether offset off lies within the span (End inclusive,
// so that a cursor just after the last byte counts).
func (s Span) Contains(off int) bool { return s.Start <= off && off <= s.End }

// Escape says how text must be written back into a literal so that it
// decodes to the intended value.
type Escape int

const (
	// EscapeNone: the content is taken verbatim (raw strings, YAML plain
	// scalars, .env bare values, Markdown prose). Characters that would end
	// the literal cannot be written; scope text never needs them.
	EscapeNone Escape = iota
	// EscapeBackslash: C-family backslash escapes (\" \\ \n \uXXXX ...).
	EscapeBackslash
	// EscapeSingleQuoteDouble: YAML/SQL-style single quotes where '' is a
	// literal quote.
	EscapeSingleQuoteDouble
	// EscapeXML: XML character and entity references (&amp; &lt; ...).
	EscapeXML
	// EscapePercent: URL percent-encoding of a query parameter value.
	EscapePercent
)

// Literal is one string value found in a file.
type Literal struct {
	// Span covers the literal's content in the source, without quotes.
	Span Span
	// Value is the decoded content (escapes resolved).
	Value string
	// Offsets maps each byte of Value to its source offset:
	// len(Offsets) == len(Value)+1 and Offsets[len(Value)] == Span.End.
	// It is nil when Value is byte-for-byte the source text of Span, in
	// which case Value[i] sits at Span.Start+i.
	Offsets []int
	// Quote is the opening delimiter as written: `"`, `'`, "`", `"""`,
	// `r#"`, `@"`, or "" for an unquoted value.
	Quote string
	// Escape says how a replacement must be encoded.
	Escape Escape

	// Key is the innermost name the literal is assigned to or stands under:
	// a map key, struct field, keyword argument, variable, constant, XML
	// element or attribute name, env key (the whole name as written), or
	// the last dotted part of a .properties key (its full key is in Path).
	// Empty when there is none.
	Key string
	// Path holds the enclosing keys of structured formats, outermost
	// first, ending with Key (YAML, JSON, TOML, HCL, XML, properties split
	// on dots). Nil for code where no such path exists.
	Path []string
	// Call is the name of the function or method whose argument list holds
	// the literal, directly or as an element of a list argument (e.g.
	// "WithScopes", "authenticate", "Scope"); only the final selector.
	Call string
	// List is non-zero when the literal is one element of a list, array,
	// set, tuple or argument list; literals of the same list share the id.
	// Ids are unique within one file.
	List int
	// Partial marks a literal that is only a part of the value: one operand
	// of a concatenation or a template with substitutions. Checks that look
	// at the whole value (delimiters at the edges, duplicates) treat it with
	// care.
	Partial bool
	// URL marks a literal that is the decoded value of a scope-like query
	// parameter (scope=, user_scope=, ...) found inside a URL or query
	// string; Key holds the parameter name.
	URL bool
	// TokenResponse marks a URL literal whose query string also carries a
	// token (access_token=, id_token=, token_type=, ...): a token response
	// body or an implicit-flow redirect, which reports the scopes granted
	// rather than requesting them.
	TokenResponse bool
	// Lang is the format of the code the literal was read as, when it
	// differs from the file's: the language of a Markdown code block.
	Lang Format
	// Encoded lists, for a percent-encoded value (EscapePercent), which of
	// the characters ':', '/' and ',' its source writes encoded (%3A, %2F,
	// %2C), so that Encode writes a replacement the same way.
	Encoded string
}

// Text returns the source bytes the literal spans.
func (l *Literal) Text(src []byte) string { return string(src[l.Span.Start:l.Span.End]) }

// SourceOffset maps an offset into Value to a source offset.
func (l *Literal) SourceOffset(i int) int {
	if l.Offsets == nil {
		return l.Span.Start + i
	}
	if i < 0 {
		return l.Offsets[0]
	}
	if i >= len(l.Offsets) {
		return l.Offsets[len(l.Offsets)-1]
	}
	return l.Offsets[i]
}

// SourceSpan maps the range [i, j) of Value to the source span it came
// from.
func (l *Literal) SourceSpan(i, j int) Span {
	return Span{Start: l.SourceOffset(i), End: l.SourceOffset(j)}
}

// Encode returns the source text that, placed inside this literal, decodes
// to s. It reports false when s cannot be represented (for example a quote
// character inside an unescaped literal). A percent-encoded value encodes
// the characters its source encodes (see Encoded): a value written as
// read%3Auser gets %3A in its replacement too.
func (l *Literal) Encode(s string) (string, bool) {
	switch l.Escape {
	case EscapeBackslash:
		var b strings.Builder
		for _, r := range s {
			switch {
			case (r == '"' || r == '\'' || r == '`') && strings.ContainsRune(l.Quote, r):
				b.WriteByte('\\')
				b.WriteRune(r)
			case r == '\\':
				b.WriteString(`\\`)
			case r == '\n':
				b.WriteString(`\n`)
			case r == '\t':
				b.WriteString(`\t`)
			default:
				b.WriteRune(r)
			}
		}
		return b.String(), true
	case EscapeSingleQuoteDouble:
		return strings.ReplaceAll(s, "'", "''"), true
	case EscapeXML:
		r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
		return r.Replace(s), true
	case EscapePercent:
		enc := percentEncode(s)
		for i := 0; i < len(l.Encoded); i++ {
			c := l.Encoded[i]
			enc = strings.ReplaceAll(enc, string(c), percentCode(c))
		}
		return enc, true
	default:
		if l.Quote != "" && strings.Contains(s, l.Quote[len(l.Quote)-1:]) {
			return "", false
		}
		if strings.ContainsAny(s, "\n\r") && l.Quote != "`" && l.Quote != `"""` && l.Quote != `'''` {
			return "", false
		}
		return s, true
	}
}

// percentCode returns the percent-encoding of byte c (upper-case hex).
func percentCode(c byte) string {
	const hex = "0123456789ABCDEF"
	return string([]byte{'%', hex[c>>4], hex[c&15]})
}

// percentEncode encodes a query-parameter value: unreserved characters and
// the characters scopes and scope lists use (':', '/', '.', ',') stay; a
// space becomes %20.
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == ':', c == '/', c == ',':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// Format names a file format that has its own extractor.
type Format string

// The formats scopels reads.
const (
	FormatUnknown    Format = ""
	FormatGo         Format = "go"
	FormatJavaScript Format = "javascript" // also TypeScript, JSX, TSX
	FormatPython     Format = "python"
	FormatJava       Format = "java"
	FormatKotlin     Format = "kotlin"
	FormatCSharp     Format = "csharp"
	FormatRuby       Format = "ruby"
	FormatPHP        Format = "php"
	FormatRust       Format = "rust"
	FormatSwift      Format = "swift"
	FormatYAML       Format = "yaml"
	FormatJSON       Format = "json" // also JSONC
	FormatTOML       Format = "toml"
	FormatEnv        Format = "env"
	FormatProperties Format = "properties" // also .ini, .cfg, .conf
	FormatHCL        Format = "hcl"
	FormatXML        Format = "xml"
	FormatShell      Format = "shell"
	FormatMarkdown   Format = "markdown"
	FormatText       Format = "text" // only URLs with scope= are looked at
)

// FormatOf picks the format of a file from its name.
func FormatOf(path string) Format {
	base := strings.ToLower(filepath.Base(path))
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasSuffix(base, ".env"):
		return FormatEnv
	case base == "dockerfile" || base == "makefile":
		return FormatText
	}
	switch strings.TrimPrefix(filepath.Ext(base), ".") {
	case "go":
		return FormatGo
	case "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte":
		return FormatJavaScript
	case "py", "pyi":
		return FormatPython
	case "java", "groovy", "gradle", "scala":
		return FormatJava
	case "kt", "kts":
		return FormatKotlin
	case "cs":
		return FormatCSharp
	case "rb", "rake", "gemspec":
		return FormatRuby
	case "php":
		return FormatPHP
	case "rs":
		return FormatRust
	case "swift":
		return FormatSwift
	case "yaml", "yml":
		return FormatYAML
	case "json", "jsonc", "json5":
		return FormatJSON
	case "toml":
		return FormatTOML
	case "properties", "ini", "cfg", "conf":
		return FormatProperties
	case "tf", "hcl", "tfvars":
		return FormatHCL
	case "xml", "plist", "csproj", "config", "xaml":
		return FormatXML
	case "sh", "bash", "zsh", "envrc":
		return FormatShell
	case "md", "markdown", "mdx":
		return FormatMarkdown
	case "txt", "html", "htm", "http", "rst", "adoc":
		return FormatText
	}
	switch base {
	case "gemfile", "rakefile", "podfile", "fastfile":
		return FormatRuby
	case ".envrc":
		return FormatShell
	}
	return FormatUnknown
}
