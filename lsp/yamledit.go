package lsp

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/scopels/scopels/analysis"
)

// The commands add one entry to a project file with a single insertion,
// leaving everything else (comments, order, quoting) as written. The YAML
// is parsed only to find where the entry goes; the text is never
// re-serialized.

// yamlDoc is a parsed project file with its text.
type yamlDoc struct {
	text  []byte
	lines *analysis.LineIndex
	root  *yaml.Node // the top-level mapping; nil for an empty document
}

func parseYAMLDoc(text []byte) (*yamlDoc, error) {
	d := &yamlDoc{text: text, lines: analysis.NewLineIndex(text)}
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return nil, fmt.Errorf("the project file does not parse (%v); fix it first", err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return d, nil
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return d, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, errors.New("the project file is not a mapping of keys")
	}
	d.root = root
	return d, nil
}

// lookup returns the key and value nodes of key in mapping m.
func lookup(m *yaml.Node, key string) (k, v *yaml.Node) {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil, nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// offset returns the byte offset of a node's 1-based line and column
// (yaml.v3 counts columns in characters).
func (d *yamlDoc) offset(n *yaml.Node) int {
	line := n.Line - 1
	if line < 0 {
		return 0
	}
	if line >= d.lines.LineCount() {
		return len(d.text)
	}
	off, end := d.lines.LineStart(line), d.lines.LineEnd(line)
	for c := 1; c < n.Column && off < end; c++ {
		_, size := utf8.DecodeRune(d.text[off:end])
		off += size
	}
	return off
}

// lineStart returns the offset of the start of n's line.
func (d *yamlDoc) lineStart(n *yaml.Node) int {
	return d.lines.LineStart(max(n.Line-1, 0))
}

// indentOf returns the whitespace before n on its line.
func (d *yamlDoc) indentOf(n *yaml.Node) string {
	return string(d.text[d.lineStart(n):d.offset(n)])
}

// afterColon returns the offset just after the ':' that ends key node k.
func (d *yamlDoc) afterColon(k *yaml.Node) int {
	i := d.offset(k)
	if i < len(d.text) && (d.text[i] == '"' || d.text[i] == '\'') {
		q := d.text[i]
		for i++; i < len(d.text) && d.text[i] != q; i++ {
			if q == '"' && d.text[i] == '\\' {
				i++
			}
		}
		i++
	}
	for ; i < len(d.text); i++ {
		if d.text[i] == ':' && (i+1 == len(d.text) || d.text[i+1] == ' ' || d.text[i+1] == '\t' || d.text[i+1] == '\n' || d.text[i+1] == '\r') {
			return i + 1
		}
		if d.text[i] == '\n' {
			break
		}
	}
	return d.lines.LineEnd(max(k.Line-1, 0))
}

// appendAtEnd returns an edit appending block at the end of the text.
func (d *yamlDoc) appendAtEnd(block string) analysis.Edit {
	pre := ""
	if len(d.text) > 0 && !bytes.HasSuffix(d.text, []byte("\n")) {
		pre = "\n"
	}
	return analysis.Edit{Span: analysis.Span{Start: len(d.text), End: len(d.text)}, NewText: pre + block}
}

// step is the indentation unit of the file: the column difference between
// a key and its first child, 2 when the file does not show one.
func (d *yamlDoc) step(k, v *yaml.Node) string {
	if v != nil && v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle == 0 && len(v.Content) > 0 && v.Content[0].Column > k.Column {
		return strings.Repeat(" ", v.Content[0].Column-k.Column)
	}
	return "  "
}

// insertEntry adds the entry "line" (already formatted for one level, no
// indent, no newline) to the mapping or sequence v, the value of key k.
// nested lines (with "\n" and relative indentation) are indented too.
func (d *yamlDoc) insertEntry(k, v *yaml.Node, entry string, seqItem bool) (analysis.Edit, error) {
	switch {
	case v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null"):
		// "key:" with nothing after it.
		at := d.afterColon(k)
		child := d.indentOf(k) + "  "
		if seqItem {
			return analysis.Edit{Span: analysis.Span{Start: at, End: at}, NewText: " [" + entry + "]"}, nil
		}
		return analysis.Edit{Span: analysis.Span{Start: at, End: at}, NewText: "\n" + indentLines(entry, child)}, nil
	case v.Style&yaml.FlowStyle != 0 && (v.Kind == yaml.MappingNode || v.Kind == yaml.SequenceNode):
		open := d.offset(v)
		if open >= len(d.text) || (d.text[open] != '{' && d.text[open] != '[') {
			return analysis.Edit{}, fmt.Errorf("cannot find where %q starts", k.Value)
		}
		text := entry
		if strings.Contains(entry, "\n") {
			return analysis.Edit{}, fmt.Errorf("%q is written in flow style; add the entry by hand", k.Value)
		}
		if len(v.Content) > 0 {
			text += ", "
		}
		return analysis.Edit{Span: analysis.Span{Start: open + 1, End: open + 1}, NewText: text}, nil
	case v.Kind == yaml.MappingNode && !seqItem:
		if len(v.Content) == 0 {
			return analysis.Edit{}, fmt.Errorf("cannot edit %q", k.Value)
		}
		first := v.Content[0]
		return analysis.Edit{Span: analysis.Span{Start: d.lineStart(first), End: d.lineStart(first)}, NewText: indentLines(entry, d.indentOf(first)) + "\n"}, nil
	case v.Kind == yaml.SequenceNode && seqItem:
		if len(v.Content) == 0 {
			return analysis.Edit{}, fmt.Errorf("cannot edit %q", k.Value)
		}
		first := v.Content[0]
		// Reuse the first item's line prefix ("    - ").
		prefix := string(d.text[d.lineStart(first):d.offset(first)])
		if strings.TrimSpace(strings.TrimLeft(prefix, " \t")) != "-" {
			return analysis.Edit{}, fmt.Errorf("cannot edit %q: unusual list layout", k.Value)
		}
		return analysis.Edit{Span: analysis.Span{Start: d.lineStart(first), End: d.lineStart(first)}, NewText: prefix + entry + "\n"}, nil
	}
	return analysis.Edit{}, fmt.Errorf("%q has an unexpected shape; add the entry by hand", k.Value)
}

// indentLines prefixes every line of s with indent.
func indentLines(s, indent string) string {
	lines := strings.Split(s, "\n")
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return strings.Join(lines, "\n")
}

// yamlScalar writes s as a YAML scalar: plain when that is safe, else
// double-quoted (a JSON string is a valid YAML double-quoted scalar).
func yamlScalar(s string) string {
	plain := s != ""
	for i, r := range s {
		ok := r == '.' || r == '_' || r == '-' || r == '/' || r == '+' ||
			('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9')
		if !ok || (i == 0 && (r == '-' || r == '+' || r == '.')) {
			plain = false
			break
		}
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~":
		plain = false
	}
	if plain {
		return s
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// addScopeEdit returns the edit that declares scope under
// providers.PROVIDER.scopes of a project file (an empty text gets a new
// file's content).
func addScopeEdit(text []byte, provider, scope string) (analysis.Edit, error) {
	d, err := parseYAMLDoc(text)
	if err != nil {
		return analysis.Edit{}, err
	}
	entry := yamlScalar(scope) + `: ""`
	pEntry := yamlScalar(provider) + ":\n  scopes:\n    " + entry
	if d.root == nil {
		return d.appendAtEnd("providers:\n" + indentLines(pEntry, "  ") + "\n"), nil
	}
	pk, pv := lookup(d.root, "providers")
	if pk == nil {
		return d.appendAtEnd(d.indentOf(d.root.Content[0]) + "providers:\n" + indentLines(pEntry, d.indentOf(d.root.Content[0])+"  ") + "\n"), nil
	}
	k, v := lookup(pv, provider)
	if k == nil {
		return d.insertEntry(pk, pv, pEntry, false)
	}
	sk, sv := lookup(v, "scopes")
	if sk == nil {
		return d.insertEntry(k, v, "scopes:\n  "+entry, false)
	}
	if _, dup := lookup(sv, scope); dup != nil {
		return analysis.Edit{}, fmt.Errorf("%q is already declared for %s", scope, provider)
	}
	return d.insertEntry(sk, sv, entry, false)
}

// grantEdit returns the edit that adds scope to clients.CLIENT.granted.
func grantEdit(text []byte, client, scope string) (analysis.Edit, error) {
	d, err := parseYAMLDoc(text)
	if err != nil {
		return analysis.Edit{}, err
	}
	_, cv := lookup(d.root, "clients")
	k, v := lookup(cv, client)
	if k == nil {
		return analysis.Edit{}, fmt.Errorf("client %q is not declared in this project file", client)
	}
	gk, gv := lookup(v, "granted")
	if gk == nil {
		return d.insertEntry(k, v, "granted: ["+yamlScalar(scope)+"]", false)
	}
	if gv != nil {
		for _, it := range gv.Content {
			if it.Value == scope {
				return analysis.Edit{}, fmt.Errorf("%q is already granted to %s", scope, client)
			}
		}
	}
	return d.insertEntry(gk, gv, yamlScalar(scope), true)
}
