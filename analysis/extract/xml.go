package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// extractXML returns the attribute values and the text content of an XML
// document (Maven poms, Android resources, .NET app.config and .csproj,
// Spring bean files, plists).
//
//   - An attribute value is reported with Quote `"` or "'", EscapeXML, Key
//     the attribute name as written and Path the element path followed by
//     that name. The value attribute of an element that names itself with a
//     name or key attribute (<add key="Scopes" value="..."/>, <property
//     name="scope" value="..."/>, android:name/android:value) takes that
//     name as Key and as the last element of Path instead.
//   - Text content is reported per run between tags, trimmed of the blanks
//     around it, with Quote "", EscapeXML, Key the element name (or its
//     name/key attribute, as in <string name="oauth_scopes">) and Path the
//     element path (ending with that Key). CDATA sections are reported the
//     same way with EscapeNone.
//   - In a property list, the element after <key>NAME</key> in a <dict>
//     takes NAME as its label (Key and last element of Path), and the
//     elements of an <array> so labelled take it too and share a List id.
//   - Comments, processing instructions and the DOCTYPE are skipped.
//
// Character and predefined entity references are decoded (Offsets map a
// decoded character to its '&'); a value with any other entity reference is
// skipped. Whitespace is not normalized: Value keeps the line breaks and
// tabs of the source. Element names in Path are written as in the source,
// prefixes included; elements nested deeper than textMaxPath are not
// reported. Mismatched end tags close up to the matching open
// element, or are ignored; an unterminated tag, comment or section ends the
// extraction.
func extractXML(src []byte) []Literal {
	x := xmlParser{src: src}
	// Most tags carry a text or an attribute value: sizing the result for
	// that spares the copying of a growing slice of large structs.
	if n := bytes.Count(src, []byte{'<'}) / 2; n > 0 {
		x.lits = make([]Literal, 0, n)
	}
	x.parse()
	return x.lits
}

// xmlElem is one open element.
type xmlElem struct {
	name  string
	path  []string // element names from the root, ending with name; read-only
	label string   // value of the element's name or key attribute, or its plist key
	list  int      // List id of its text, for the elements of a labelled plist array
	deep  bool     // nested deeper than textMaxPath: nothing inside is reported

	// Property lists: a <dict> holds <key>name</key> followed by the value
	// element, which takes the key as its label.
	keyText   string // the text of a <key> element
	nextLabel string // in a <dict>: the text of the <key> just closed
}

// xmlAttr is one attribute of the tag being read.
type xmlAttr struct {
	name       string
	start, end int // the value's content
	quote      byte
}

// xmlParser holds the state of one extraction.
type xmlParser struct {
	src   []byte
	lits  []Literal
	stack []xmlElem
	attrs []xmlAttr         // scratch for the current tag
	lists int               // last List id handed out
	names map[string]string // interned element and attribute names
}

// intern returns b as a string, sharing one copy between repeated names.
func (x *xmlParser) intern(b []byte) string {
	if s, ok := x.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if x.names == nil {
		x.names = make(map[string]string)
	}
	if len(x.names) < 4096 {
		x.names[s] = s
	}
	return s
}

var (
	xmlCommentOpen  = []byte("<!--")
	xmlCommentClose = []byte("-->")
	xmlCDATAOpen    = []byte("<![CDATA[")
	xmlCDATAClose   = []byte("]]>")
	xmlPIClose      = []byte("?>")
)

func (x *xmlParser) parse() {
	src := x.src
	p := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		p = 3
	}
	for p < len(src) {
		lt := bytes.IndexByte(src[p:], '<')
		if lt < 0 {
			x.text(p, len(src))
			return
		}
		lt += p
		x.text(p, lt)
		rest := src[lt:]
		switch {
		case bytes.HasPrefix(rest, xmlCommentOpen):
			k := bytes.Index(rest[4:], xmlCommentClose)
			if k < 0 {
				return
			}
			p = lt + 4 + k + 3
		case bytes.HasPrefix(rest, xmlCDATAOpen):
			k := bytes.Index(rest[9:], xmlCDATAClose)
			if k < 0 {
				return
			}
			x.cdata(lt+9, lt+9+k)
			p = lt + 9 + k + 3
		case len(rest) > 1 && rest[1] == '!':
			if p = x.skipDecl(lt); p < 0 {
				return
			}
		case len(rest) > 1 && rest[1] == '?':
			k := bytes.Index(rest[2:], xmlPIClose)
			if k < 0 {
				return
			}
			p = lt + 2 + k + 2
		case len(rest) > 1 && rest[1] == '/':
			if p = x.endTag(lt); p < 0 {
				return
			}
		default:
			if p = x.startTag(lt); p < 0 {
				return
			}
		}
	}
}

// skipDecl skips a <!DOCTYPE ...> or other <!...> declaration, with its
// internal subset and quoted strings, and returns the offset after it (-1
// when it is unterminated).
func (x *xmlParser) skipDecl(p int) int {
	src := x.src
	depth := 0
	for q := p + 2; q < len(src); q++ {
		switch c := src[q]; c {
		case '"', '\'':
			k := bytes.IndexByte(src[q+1:], c)
			if k < 0 {
				return -1
			}
			q += 1 + k
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return q + 1
			}
		}
	}
	return -1
}

// isXMLNameByte reports whether c may stand in an element or attribute
// name (bytes of multi-byte characters included).
func isXMLNameByte(c byte) bool {
	return c >= utf8.RuneSelf || c == '_' || c == ':' || c == '-' || c == '.' ||
		'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// name returns the end of the name that starts at p.
func (x *xmlParser) name(p int) int {
	for p < len(x.src) && isXMLNameByte(x.src[p]) {
		p++
	}
	return p
}

func (x *xmlParser) skipSpace(p int) int {
	for p < len(x.src) && isXMLSpace(x.src[p]) {
		p++
	}
	return p
}

// endTag reads the end tag at p and closes the matching element.
func (x *xmlParser) endTag(p int) int {
	src := x.src
	ns := p + 2
	ne := x.name(ns)
	q := x.skipSpace(ne)
	if q >= len(src) || src[q] != '>' {
		return -1
	}
	name := src[ns:ne]
	for i := len(x.stack) - 1; i >= 0; i-- {
		if x.stack[i].name == string(name) {
			if i > 0 && x.stack[i].name == "key" && x.stack[i-1].name == "dict" {
				x.stack[i-1].nextLabel = x.stack[i].keyText
			}
			x.stack = x.stack[:i]
			break
		}
	}
	return q + 1
}

// startTag reads the start tag (or empty-element tag) at p, reports its
// attribute values and opens the element.
func (x *xmlParser) startTag(p int) int {
	src := x.src
	ns := p + 1
	ne := x.name(ns)
	if ne == ns {
		return -1
	}
	x.attrs = x.attrs[:0]
	q := ne
	selfClosing := false
	for {
		q = x.skipSpace(q)
		if q >= len(src) {
			return -1
		}
		if src[q] == '>' {
			q++
			break
		}
		if src[q] == '/' && q+1 < len(src) && src[q+1] == '>' {
			q += 2
			selfClosing = true
			break
		}
		as := q
		ae := x.name(as)
		if ae == as {
			return -1
		}
		q = x.skipSpace(ae)
		if q >= len(src) || src[q] != '=' {
			continue // an attribute without a value
		}
		q = x.skipSpace(q + 1)
		if q >= len(src) || src[q] != '"' && src[q] != '\'' {
			return -1
		}
		quote := src[q]
		k := bytes.IndexByte(src[q+1:], quote)
		if k < 0 {
			return -1
		}
		x.attrs = append(x.attrs, xmlAttr{name: x.intern(src[as:ae]), start: q + 1, end: q + 1 + k, quote: quote})
		q += 1 + k + 1
	}

	e := xmlElem{name: x.intern(src[ns:ne])}
	var parent *xmlElem
	if len(x.stack) > 0 {
		parent = &x.stack[len(x.stack)-1]
		if parent.deep || len(parent.path) >= textMaxPath {
			e.deep = true
			x.stack = append(x.stack, e)
			if selfClosing {
				x.stack = x.stack[:len(x.stack)-1]
			}
			return q
		}
		e.path = make([]string, len(parent.path)+1)
		copy(e.path, parent.path)
		e.path[len(parent.path)] = e.name
	} else {
		e.path = []string{e.name}
	}
	valueAttr := -1
	for i, a := range x.attrs {
		switch local := xmlLocal(a.name); {
		case strings.EqualFold(local, "name"), strings.EqualFold(local, "key"):
			if e.label == "" {
				if v, _, ok := xmlDecode(src, a.start, a.end); ok {
					e.label = v
				}
			}
		case strings.EqualFold(local, "value"):
			if valueAttr < 0 {
				valueAttr = i
			}
		}
	}
	if parent != nil && parent.name == "dict" && e.name != "key" {
		if e.label == "" {
			e.label = parent.nextLabel
		}
		parent.nextLabel = ""
	}
	// Collections: a plist <array>, Spring's <list>/<set> inside a named
	// <property>, Android's <string-array name="...">: their elements take
	// the collection's label and share a List id.
	if xmlCollection(e.name) && e.label == "" && parent != nil && parent.label != "" && parent.list == 0 {
		e.label = parent.label
	}
	if parent != nil && xmlCollection(parent.name) && parent.list != 0 && e.label == "" {
		e.label, e.list = parent.label, parent.list
	}
	if xmlCollection(e.name) && e.label != "" {
		x.lists++
		e.list = x.lists
	}
	for i, a := range x.attrs {
		key := a.name
		if i == valueAttr && e.label != "" {
			key = e.label
		}
		x.emit(a.start, a.end, key, extendPath(e.path, key), string(a.quote), true)
	}
	if !selfClosing {
		x.stack = append(x.stack, e)
	}
	return q
}

// xmlLocal drops the namespace prefix of a name.
func xmlLocal(name string) string {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// text reports the text content src[start:end] of the innermost element,
// trimmed of surrounding blanks.
func (x *xmlParser) text(start, end int) {
	if len(x.stack) == 0 || x.stack[len(x.stack)-1].deep {
		return
	}
	for start < end && isXMLSpace(x.src[start]) {
		start++
	}
	for end > start && isXMLSpace(x.src[end-1]) {
		end--
	}
	if start == end {
		return
	}
	e := &x.stack[len(x.stack)-1]
	if lit, ok := x.emit(start, end, e.textKey(), e.textPath(), "", true); ok {
		lit.List = e.list
		if e.name == "key" {
			e.keyText = lit.Value
		}
	}
}

// cdata reports a CDATA section's content, trimmed like text.
func (x *xmlParser) cdata(start, end int) {
	if len(x.stack) == 0 || x.stack[len(x.stack)-1].deep {
		return
	}
	for start < end && isXMLSpace(x.src[start]) {
		start++
	}
	for end > start && isXMLSpace(x.src[end-1]) {
		end--
	}
	if start == end {
		return
	}
	e := &x.stack[len(x.stack)-1]
	if lit, ok := x.emit(start, end, e.textKey(), e.textPath(), "", false); ok {
		lit.List = e.list
	}
}

// textKey is the Key of the element's text: its label or its name.
func (e *xmlElem) textKey() string {
	if e.label != "" {
		return e.label
	}
	return e.name
}

// textPath is the Path of the element's text: the element path, followed
// by the label when there is one.
func (e *xmlElem) textPath() []string {
	if e.label != "" {
		return extendPath(e.path, e.label)
	}
	return e.path
}

// extendPath returns a new path: path followed by name.
func extendPath(path []string, name string) []string {
	return append(path[:len(path):len(path)], name)
}

// emit appends the literal src[start:end] with the given key and path and
// returns it for the caller to complete; false when it cannot be decoded.
func (x *xmlParser) emit(start, end int, key string, path []string, quote string, entities bool) (*Literal, bool) {
	lit := Literal{Span: Span{start, end}, Quote: quote, Escape: EscapeNone, Key: key, Path: path}
	if entities {
		lit.Escape = EscapeXML
		v, offs, ok := xmlDecode(x.src, start, end)
		if !ok {
			return nil, false
		}
		lit.Value, lit.Offsets = v, offs
	} else {
		lit.Value = string(x.src[start:end])
	}
	x.lits = append(x.lits, lit)
	return &x.lits[len(x.lits)-1], true
}

// xmlDecode decodes the character and predefined entity references of
// src[start:end]. It reports false for any other reference.
func xmlDecode(src []byte, start, end int) (string, []int, bool) {
	raw := src[start:end]
	if bytes.IndexByte(raw, '&') < 0 {
		return string(raw), nil, true
	}
	buf := make([]byte, 0, len(raw))
	m := textOffsets{start: start, hint: len(raw) + 1}
	for p := start; p < end; {
		c := src[p]
		if c != '&' {
			buf = append(buf, c)
			m.add(p)
			p++
			continue
		}
		semi := bytes.IndexByte(src[p:end], ';')
		if semi < 0 {
			return "", nil, false
		}
		ref := src[p+1 : p+semi]
		var r rune
		switch string(ref) {
		case "amp":
			r = '&'
		case "lt":
			r = '<'
		case "gt":
			r = '>'
		case "quot":
			r = '"'
		case "apos":
			r = '\''
		default:
			var ok bool
			if r, ok = xmlCharRef(ref); !ok {
				return "", nil, false
			}
		}
		n := len(buf)
		buf = utf8.AppendRune(buf, r)
		for k := n; k < len(buf); k++ {
			m.add(p)
		}
		p += semi + 1
	}
	v := string(buf)
	return v, m.finish(src, v, end), true
}

// xmlCharRef decodes the body of a character reference (#65, #x41).
func xmlCharRef(ref []byte) (rune, bool) {
	if len(ref) < 2 || ref[0] != '#' || len(ref) > 10 {
		return 0, false
	}
	var r rune
	if ref[1] == 'x' || ref[1] == 'X' {
		if len(ref) < 3 {
			return 0, false
		}
		for _, c := range ref[2:] {
			d := textHexDigit(c)
			if d < 0 {
				return 0, false
			}
			r = r<<4 | rune(d)
		}
	} else {
		for _, c := range ref[1:] {
			if c < '0' || c > '9' {
				return 0, false
			}
			r = r*10 + rune(c-'0')
		}
	}
	if r == 0 || !utf8.ValidRune(r) {
		return 0, false
	}
	return r, true
}

// xmlCollection reports whether an element holds a list of values.
func xmlCollection(name string) bool {
	switch xmlLocal(name) {
	case "array", "list", "set", "string-array":
		return true
	}
	return false
}
