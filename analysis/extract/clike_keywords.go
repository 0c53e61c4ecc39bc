package extract

// Keyword classes.
const (
	kwReset  = 1 << iota // begins a statement or declaration: clears the pending key
	kwCtrl               // a '(' after it is a control header, not a call
	kwExpr               // an operand follows: '/' starts a regex, '{' an object, '<' markup (JS)
	kwCase               // `case` / `default` label
	kwNew                // `new`
	kwHeader             // the next '{' opens a block (Rust)
	kwName               // a keyword that stands for a value (this, true, null)
)

// clKeyword returns the classes of keyword w in format f, or 0 when w
// is an ordinary identifier there.
func clKeyword(f Format, w string) int {
	switch f {
	case FormatJavaScript:
		return clJSKeyword(w)
	case FormatJava:
		return clJavaKeyword(w)
	case FormatKotlin:
		return clKotlinKeyword(w)
	case FormatCSharp:
		return clCSKeyword(w)
	case FormatPHP:
		return clPHPKeyword(w)
	case FormatRust:
		return clRustKeyword(w)
	case FormatSwift:
		return clSwiftKeyword(w)
	}
	return 0
}

func clJSKeyword(w string) int {
	switch w {
	case "var", "let", "const", "class", "interface", "enum", "import", "export", "function", "try", "finally":
		return kwReset
	case "if", "for", "while", "switch", "catch", "with":
		return kwReset | kwCtrl
	case "return", "throw":
		return kwReset | kwCtrl | kwExpr
	case "typeof", "instanceof", "in", "of", "delete", "void", "yield", "await":
		return kwCtrl | kwExpr
	case "else", "do":
		return kwReset | kwExpr
	case "new":
		return kwCtrl | kwExpr | kwNew
	case "case", "default":
		return kwCase | kwExpr
	case "this", "super", "true", "false", "null", "undefined":
		return kwName
	}
	return 0
}

func clJavaKeyword(w string) int {
	switch w {
	case "class", "interface", "enum", "import", "package", "try", "finally", "else", "do", "def", "val", "var":
		return kwReset
	case "if", "for", "while", "switch", "catch", "synchronized", "return", "throw", "assert":
		return kwReset | kwCtrl
	case "case", "default":
		return kwCase
	case "new":
		return kwCtrl | kwNew
	case "this", "super", "true", "false", "null":
		return kwName
	}
	return 0
}

func clKotlinKeyword(w string) int {
	switch w {
	case "val", "var", "fun", "class", "object", "interface", "import", "package", "typealias", "try", "finally", "else", "do":
		return kwReset
	case "if", "for", "while", "when", "catch", "return", "throw":
		return kwReset | kwCtrl
	case "this", "super", "true", "false", "null":
		return kwName
	}
	return 0
}

func clCSKeyword(w string) int {
	switch w {
	case "class", "interface", "enum", "struct", "record", "namespace", "using", "try", "finally", "else", "do", "var", "const":
		return kwReset
	case "if", "for", "foreach", "while", "switch", "catch", "lock", "fixed", "return", "throw":
		return kwReset | kwCtrl
	case "typeof", "sizeof", "checked", "unchecked":
		return kwCtrl
	case "case", "default":
		return kwCase
	case "new":
		return kwCtrl | kwNew
	case "this", "base", "true", "false", "null":
		return kwName
	}
	return 0
}

func clPHPKeyword(w string) int {
	switch w {
	case "function", "fn", "class", "interface", "trait", "enum", "namespace", "use", "const", "try", "finally", "else", "do":
		return kwReset
	case "if", "elseif", "for", "foreach", "while", "switch", "catch", "return", "throw", "echo", "print", "match":
		return kwReset | kwCtrl
	case "case", "default":
		return kwCase
	case "new":
		return kwCtrl | kwNew
	case "true", "false", "null", "TRUE", "FALSE", "NULL":
		return kwName
	}
	return 0
}

func clRustKeyword(w string) int {
	switch w {
	case "let", "use", "const", "static", "type", "pub", "break", "continue":
		return kwReset
	case "fn", "struct", "enum", "impl", "trait", "mod", "loop", "else", "unsafe", "async", "where", "union", "extern":
		return kwReset | kwHeader
	case "if", "while", "for", "match":
		return kwReset | kwHeader | kwCtrl
	case "return", "in":
		return kwCtrl
	case "self", "Self", "super", "crate", "true", "false":
		return kwName
	}
	return 0
}

func clSwiftKeyword(w string) int {
	switch w {
	case "let", "var", "func", "class", "struct", "enum", "protocol", "extension", "import", "else", "repeat", "do", "defer":
		return kwReset
	case "if", "guard", "switch", "for", "while", "return", "throw", "catch":
		return kwReset | kwCtrl
	case "case", "default":
		return kwCase
	case "self", "Self", "super", "true", "false", "nil":
		return kwName
	}
	return 0
}
