package extract

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// extractYAML returns the string scalars of every document in a YAML
// stream.
//
// Scalars are reported with:
//
//   - Key: the mapping key the scalar is the value of; elements of a
//     sequence carry the key of the sequence and share a List id. Sequence
//     indexes are not part of Path.
//   - Quote "", "'", `"`, "|" or ">", with EscapeNone, EscapeSingleQuoteDouble
//     or EscapeBackslash.
//   - Only string scalars (tag !!str or an application tag such as
//     CloudFormation's !Sub); numbers, booleans and nulls are left out, and
//     so are empty plain scalars.
//
// Two shapes get special treatment:
//
//   - An element of a sequence that reads NAME=value with NAME a shell-style
//     variable name (docker-compose `environment: [SCOPES=a b]`) is
//     reported as the value part alone, with Key NAME, Path ending in NAME
//     and no List: the whole value belongs to the variable.
//   - The keys of a mapping that is the value of a `scopes` key and whose
//     values are scalars are scope names (OpenAPI security schemes list
//     scopes as keys, with descriptions as values): each key is reported
//     with Key "scopes", the mapping's path and a shared List id; the values
//     get the scope name as Key, like any other mapping value.
//
// Mapping keys are otherwise not reported. Aliases are not followed (an
// alias bomb stays linear); anchored nodes are reported once, where they
// are written. Values nested under more than textMaxPath keys are not
// reported. Block scalars with an explicit indentation indicator, scalars
// with NEL, LS or PS line breaks and anything else that cannot be mapped
// byte for byte onto the source are skipped. A document that does not
// parse ends the stream: literals of the documents before it are kept.
// UTF-16 input yields nothing.
//
// The YAML of configuration files is read by the scanner of yaml_fast.go,
// which follows libyaml's rules for the constructs such files use. A
// stream that uses anything else (directives, complex keys, explicit
// indentation indicators, tabs in indentation, control characters,
// invalid UTF-8, syntax errors ...) is read again, whole, by
// gopkg.in/yaml.v3 (extractYAMLNodes): both give the same literals on what
// the fast scanner accepts.
func extractYAML(src []byte) []Literal {
	if len(src) >= 2 && (src[0] == 0xFF && src[1] == 0xFE || src[0] == 0xFE && src[1] == 0xFF) {
		return nil
	}
	if lits, ok := extractYAMLFastSafe(src); ok {
		return lits
	}
	return extractYAMLNodes(src)
}

// extractYAMLFastSafe is extractYAMLFast, with a failure of the fast path
// itself (a panic; the fuzz tests look for them) turned into a fallback.
func extractYAMLFastSafe(src []byte) (lits []Literal, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			lits, ok = nil, false
		}
	}()
	return extractYAMLFast(src)
}

// extractYAMLNodes is extractYAML on gopkg.in/yaml.v3's node API: each
// node's line and column are turned into a byte offset and the scalar's
// source is re-read (see yaml_scalar.go) to find its end and to map every
// value byte back to the source.
func extractYAMLNodes(src []byte) []Literal {
	buf := yamlSanitize(src)
	lines := newYAMLLines(buf)
	y := &yamlExtractor{src: src, lines: lines, hint: len(lines.starts)/2 + 1}
	dec := yaml.NewDecoder(bytes.NewReader(buf))
	for {
		var doc yaml.Node
		if err := yamlDecode(dec, &doc); err != nil {
			break
		}
		y.node(&doc, "", nil, 0)
	}
	urlSortLiterals(y.lits)
	return y.lits
}

// yamlDecode decodes the next document, turning a parser panic into an
// error.
func yamlDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml parser panic: %v", r)
		}
	}()
	return dec.Decode(n)
}

// yamlExtractor collects the literals of one YAML stream: it walks the
// node trees of yaml.v3, or takes the scalars of the fast scanner.
type yamlExtractor struct {
	src   []byte
	lines *yamlLines // the yaml.v3 path only
	lits  []Literal
	lists int // last List id handed out
	hint  int // expected number of literals
}

// add appends a literal. The first one sizes the result for the expected
// number of literals (about one per two lines is typical of configuration
// YAML), which spares the repeated copying of a growing slice of large
// structs.
func (y *yamlExtractor) add(lit Literal) {
	if len(y.lits) == cap(y.lits) {
		// Grow by doubling: append grows large slices by a quarter, which
		// copies a long list of literals many times over.
		grown := make([]Literal, len(y.lits), max(y.hint, 2*cap(y.lits)))
		copy(grown, y.lits)
		y.lits = grown
	}
	y.lits = append(y.lits, lit)
}

func (y *yamlExtractor) newList() int {
	y.lists++
	return y.lists
}

// node reports the string scalars under n. key and path name the mapping
// entry n stands under (path ends with key); list is the id of the
// sequence n is an element of, or 0.
func (y *yamlExtractor) node(n *yaml.Node, key string, path []string, list int) {
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			y.node(c, "", nil, 0)
		}
	case yaml.SequenceNode:
		id := y.newList()
		for _, c := range n.Content {
			y.node(c, key, path, id)
		}
	case yaml.MappingNode:
		y.mapping(n, key, path, list)
	case yaml.ScalarNode:
		y.scalar(n, key, path, list)
	}
}

// mapping reports the values of a mapping, and its keys when it is an
// OpenAPI-style `scopes` map.
func (y *yamlExtractor) mapping(n *yaml.Node, key string, path []string, list int) {
	if len(path) >= textMaxPath {
		return
	}
	scopeKeys := key == "scopes" && list == 0
	keyList := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := ""
		if k.Kind == yaml.ScalarNode {
			name = k.Value
			if scopeKeys && v.Kind == yaml.ScalarNode {
				if lit, ok := y.literal(k); ok {
					if keyList == 0 {
						keyList = y.newList()
					}
					lit.Key, lit.Path, lit.List = key, path, keyList
					y.add(lit)
				}
			}
		}
		if v.Kind == yaml.AliasNode || v.Kind == yaml.ScalarNode && !yamlIsString(v) {
			continue
		}
		child := make([]string, len(path)+1)
		copy(child, path)
		child[len(path)] = name
		y.node(v, name, child, 0)
	}
}

// scalar reports one scalar value.
func (y *yamlExtractor) scalar(n *yaml.Node, key string, path []string, list int) {
	lit, ok := y.literal(n)
	if !ok {
		return
	}
	y.report(lit, key, path, list)
}

// report adds the literal of a string scalar found under key and path, as
// an element of list (0: none), splitting NAME=value list elements.
func (y *yamlExtractor) report(lit Literal, key string, path []string, list int) {
	lit.Key, lit.Path, lit.List = key, path, list
	if list != 0 && lit.Quote != "|" && lit.Quote != ">" {
		if eq := strings.IndexByte(lit.Value, '='); eq > 0 && textIsEnvName(lit.Value[:eq]) {
			name := lit.Value[:eq]
			start := lit.Span.Start
			if lit.SourceOffset(eq) == start+eq && string(y.src[start:start+eq]) == name {
				env := lit
				env.Span.Start = lit.SourceOffset(eq + 1)
				env.Value = lit.Value[eq+1:]
				if lit.Offsets != nil {
					env.Offsets = textIdentityOffsets(y.src, env.Value, lit.Offsets[eq+1:])
				}
				env.Key = name
				env.Path = append(path[:len(path):len(path)], name)
				env.List = 0
				lit = env
			}
		}
	}
	y.add(lit)
}

// yamlIsString reports whether a scalar holds a string: tag !!str, or an
// application tag (!Sub, !Ref ...) rather than a core-schema one.
func yamlIsString(n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	tag := n.ShortTag()
	return tag == "!!str" || !strings.HasPrefix(tag, "!!")
}

// literal locates a string scalar in the source. It reports false when the
// scalar is not a string or cannot be located exactly.
func (y *yamlExtractor) literal(n *yaml.Node) (Literal, bool) {
	if !yamlIsString(n) {
		return Literal{}, false
	}
	src := y.src
	pos := y.lines.offset(n.Line, n.Column)
	if pos < 0 {
		return Literal{}, false
	}
	pos = yamlSkipProperties(src, pos)
	if pos >= len(src) {
		return Literal{}, false
	}
	a := yamlAlign{src: src, v: n.Value}
	a.m.hint = len(n.Value) + 1
	var lit Literal
	var end int
	var ok bool
	switch n.Style &^ (yaml.TaggedStyle | yaml.FlowStyle) {
	case yaml.DoubleQuotedStyle:
		if src[pos] != '"' {
			return Literal{}, false
		}
		a.m.start = pos + 1
		end, ok = a.alignQuoted(pos+1, '"')
		lit = Literal{Span: Span{pos + 1, end}, Quote: `"`, Escape: EscapeBackslash}
	case yaml.SingleQuotedStyle:
		if src[pos] != '\'' {
			return Literal{}, false
		}
		a.m.start = pos + 1
		end, ok = a.alignQuoted(pos+1, '\'')
		lit = Literal{Span: Span{pos + 1, end}, Quote: "'", Escape: EscapeSingleQuoteDouble}
	case yaml.LiteralStyle, yaml.FoldedStyle:
		folded := n.Style&yaml.FoldedStyle != 0
		if n.Value == "" || folded && src[pos] != '>' || !folded && src[pos] != '|' {
			return Literal{}, false
		}
		a.m.lazy = true
		end, _, ok = a.alignBlock(pos, folded, -1)
		lit = Literal{Span: Span{a.m.start, end}, Quote: "|"}
		if folded {
			lit.Quote = ">"
		}
	case 0:
		if n.Value == "" {
			return Literal{}, false
		}
		switch src[pos] {
		case '"', '\'', '|', '>':
			return Literal{}, false
		}
		a.m.start = pos
		end, ok = a.alignPlain(pos)
		lit = Literal{Span: Span{pos, end}}
	default:
		return Literal{}, false
	}
	if !ok || lit.Span.Start > lit.Span.End {
		return Literal{}, false
	}
	lit.Value = n.Value
	lit.Offsets = a.m.finish(src, n.Value, end)
	return lit, true
}

// yamlSkipProperties skips the anchor and tag that may stand before a
// node's content (the parser reports the node where they start), with the
// blanks, comments and line breaks after them.
func yamlSkipProperties(src []byte, p int) int {
	n := len(src)
	for p < n && (src[p] == '&' || src[p] == '!') {
		if src[p] == '!' && p+1 < n && src[p+1] == '<' {
			for p < n && src[p] != '>' {
				p++
			}
			p++
		} else {
			for p < n && !isYAMLBlank(src[p]) && !isYAMLBreak(src[p]) {
				p++
			}
		}
		p = yamlSkipSpace(src, p)
	}
	return p
}

// yamlSkipSpace skips blanks, line breaks and comments.
func yamlSkipSpace(src []byte, p int) int {
	for p < len(src) {
		switch {
		case isYAMLBlank(src[p]) || isYAMLBreak(src[p]):
			p++
		case src[p] == '#':
			for p < len(src) && !isYAMLBreak(src[p]) {
				p++
			}
		default:
			return p
		}
	}
	return p
}
