package extract

import (
	"bytes"
	"strings"
)

// extractMarkdown reads a Markdown document. The content of each fenced
// code block (``` or ~~~) whose info string names a language scopels reads
// is extracted with that language's extractor, its spans moved to the
// block's place in the file and its List ids renumbered to stay unique.
// Everything else (prose, inline code, indented code blocks, fenced blocks
// in other languages) is read as text: only URLs with scope-like query
// parameters are reported. A fence may be indented by any amount (fences
// inside nested list items); an unclosed fence runs to the end of the
// document.
func extractMarkdown(src []byte) []Literal {
	var lits []Literal
	lists := 0
	prose := 0 // start of the text not yet scanned as prose
	for p := 0; p < len(src); {
		eol := textLineEnd(src, p)
		next := eol
		if next < len(src) {
			next++
		}
		f, ok := mdFenceOpen(src[p:eol])
		if !ok {
			p = next
			continue
		}
		lits = urlScanText(src, prose, p, lits)
		start, end, after := next, len(src), len(src)
		for q := next; q < len(src); {
			qe := textLineEnd(src, q)
			if mdFenceClose(src[q:qe], f) {
				end = q
				after = qe
				if after < len(src) {
					after++
				}
				break
			}
			q = qe + 1
		}
		lits, lists = mdBlock(src, start, end, mdFormat(f.info), lits, lists)
		p, prose = after, after
	}
	return urlScanText(src, prose, len(src), lits)
}

// textLineEnd returns the offset of the '\n' ending the line that starts at p,
// or len(src).
func textLineEnd(src []byte, p int) int {
	if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
		return p + i
	}
	return len(src)
}

// mdFence is an opening code fence.
type mdFence struct {
	char  byte   // '`' or '~'
	count int    // length of the fence run
	info  string // the info string's first word, lower-cased
}

// mdFenceOpen reports whether line opens a fenced code block.
func mdFenceOpen(line []byte) (mdFence, bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i >= len(line) || line[i] != '`' && line[i] != '~' {
		return mdFence{}, false
	}
	f := mdFence{char: line[i]}
	for i < len(line) && line[i] == f.char {
		i++
		f.count++
	}
	if f.count < 3 {
		return mdFence{}, false
	}
	info := bytes.TrimSpace(line[i:])
	if f.char == '`' && bytes.IndexByte(info, '`') >= 0 {
		return mdFence{}, false
	}
	info = bytes.TrimLeft(info, "{.")
	if k := bytes.IndexAny(info, " \t{},"); k >= 0 {
		info = info[:k]
	}
	f.info = strings.ToLower(string(info))
	return f, true
}

// mdFenceClose reports whether line closes the block opened by f: at least
// as many of the same fence characters and nothing after them but blanks.
func mdFenceClose(line []byte, f mdFence) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	n := 0
	for i < len(line) && line[i] == f.char {
		i++
		n++
	}
	return n >= f.count && len(bytes.TrimSpace(line[i:])) == 0
}

// mdFormat maps a fenced block's info string to the format whose extractor
// reads it; FormatText for anything else.
func mdFormat(info string) Format {
	switch info {
	case "go", "golang":
		return FormatGo
	case "js", "javascript", "jsx", "ts", "typescript", "tsx", "mjs", "cjs", "node", "vue", "svelte":
		return FormatJavaScript
	case "py", "python", "python3", "py3":
		return FormatPython
	case "yaml", "yml":
		return FormatYAML
	case "json", "jsonc", "json5":
		return FormatJSON
	case "toml":
		return FormatTOML
	case "sh", "bash", "shell", "console", "zsh", "shell-session", "shellsession":
		return FormatShell
	case "env", "dotenv":
		return FormatEnv
	case "properties", "ini", "cfg", "conf":
		return FormatProperties
	case "hcl", "terraform", "tf", "tfvars":
		return FormatHCL
	case "xml":
		return FormatXML
	case "ruby", "rb":
		return FormatRuby
	case "java", "groovy", "gradle", "scala":
		return FormatJava
	case "kotlin", "kt", "kts":
		return FormatKotlin
	case "csharp", "cs", "c#":
		return FormatCSharp
	case "php":
		return FormatPHP
	case "rust", "rs":
		return FormatRust
	case "swift":
		return FormatSwift
	}
	return FormatText
}

// mdBlock extracts the code block src[start:end] read as format, appends
// its literals moved to file offsets, and returns the new last List id.
// URL literals the block's extraction derived from its own literals are
// dropped: withURLScopes finds them again over the whole file.
func mdBlock(src []byte, start, end int, format Format, lits []Literal, lists int) ([]Literal, int) {
	if format == FormatText {
		return urlScanText(src, start, end, lits), lists
	}
	maxList := lists
	covered := -1 // end of the furthest non-URL literal so far (block offsets)
	for _, l := range Extract(format, src[start:end]) {
		if l.URL && l.Span.End <= covered {
			continue
		}
		if !l.URL && l.Span.End > covered {
			covered = l.Span.End
		}
		l.Span.Start += start
		l.Span.End += start
		if l.Lang == "" {
			l.Lang = format
		}
		for i := range l.Offsets {
			l.Offsets[i] += start
		}
		if l.List != 0 {
			l.List += lists
			maxList = max(maxList, l.List)
		}
		lits = append(lits, l)
	}
	return lits, maxList
}
