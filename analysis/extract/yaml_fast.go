package extract

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// The fast YAML path: a scanner and recursive-descent parser for the YAML
// that configuration files are made of (block mappings and sequences,
// compact nested collections, flow collections, plain, quoted and block
// scalars over several lines, comments, anchors, aliases, tags, several
// documents). It follows libyaml's scanning rules as gopkg.in/yaml.v3
// implements them, and reports exactly the literals extractYAMLNodes
// reports for the same text (yaml_fast_test.go compares the two).
//
// It does not guess: at the first construct outside that subset, and at
// any syntax error, it gives up (yamlBail) and the stream is read by
// yaml.v3 instead. That covers directives, complex keys ("? "), keys with
// properties or aliases, flow collections as keys, single-pair mappings
// in flow sequences, explicit block indentation indicators, tabs where
// libyaml is strict about them, content on a "---" line, control
// characters and invalid UTF-8, and nesting deeper than yamlMaxDepth.
//
// The scanner works on bytes and allocates only for what it reports: the
// literals, their values and paths.

// yamlMaxDepth bounds the nesting the fast path follows.
const yamlMaxDepth = 1000

// yamlMaxKey is the longest implicit key the fast path takes, in bytes
// (libyaml allows 1024 characters).
const yamlMaxKey = 1000

// yamlBail is the panic value that abandons the fast path.
type yamlBail struct{}

// yamlKind is what a parsed node was.
type yamlKind int

const (
	yamlScalarNode yamlKind = iota + 1 // a scalar, including an empty (null) value
	yamlAliasNode
	yamlCollectionNode
)

// Where a block node stands.
const (
	yamlAtLine    = iota // first on its line (or after its properties' line)
	yamlAfterKey         // on its key's line, after "key:"
	yamlAfterDash        // on its sequence entry's line, after "- "
)

// yamlFast holds the state of one fast extraction.
type yamlFast struct {
	src     []byte
	base    int // offset of the first line (3 after a byte order mark)
	p       int // read position
	y       yamlExtractor
	anchors map[string]struct{}
	depth   int
	a       yamlAlign         // scalar decoder, reused
	paths   []string          // chunk the paths are cut from
	names   map[string]string // key names, interned: configuration repeats them
}

// yamlCtx is where a node stands: under which key and path, in which list.
type yamlCtx struct {
	key    string
	parent []string // with named: the path of the enclosing mapping
	named  bool     // the path is parent + key (see fullPath)
	path   []string // without named: the path
	list   int
	mute   bool // nested too deep: nothing under it is reported
}

// fullPath returns the node's path, built from f's arena for a mapping
// value.
func (f *yamlFast) fullPath(c yamlCtx) []string {
	if !c.named {
		return c.path
	}
	path := f.newPath(len(c.parent) + 1)
	copy(path, c.parent)
	path[len(c.parent)] = c.key
	return path
}

// newPath returns a path of n elements. Paths are cut from shared chunks,
// each with its capacity capped at its length: they are never written once
// built, and an append by a user copies.
func (f *yamlFast) newPath(n int) []string {
	if cap(f.paths)-len(f.paths) < n {
		f.paths = make([]string, 0, max(n, min(2*cap(f.paths), 1024), 32))
	}
	l := len(f.paths)
	f.paths = f.paths[:l+n]
	return f.paths[l : l+n : l+n]
}

// yamlProps are a node's properties.
type yamlProps struct {
	tag      string // "" when untagged
	any      bool   // an anchor or a tag was written
	sameLine bool   // the node's content follows on the properties' line
}

// yamlKey is a block or flow mapping key.
type yamlKey struct {
	name     string
	isString bool
	lit      Literal // its scalar's Span, Value, Offsets, Quote and Escape
}

// extractYAMLFast extracts src on the fast path. ok is false when the
// stream is not within what the fast path reads.
func extractYAMLFast(src []byte) (lits []Literal, ok bool) {
	if !yamlFastInput(src) {
		return nil, false
	}
	f := &yamlFast{src: src}
	// Kubernetes manifests, CI workflows and application settings hold two
	// to three strings every four lines.
	f.y = yamlExtractor{src: src, hint: bytes.Count(src, []byte{'\n'})*3/4 + 1}
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		f.base, f.p = 3, 3
	}
	defer func() {
		if r := recover(); r != nil {
			if _, bail := r.(yamlBail); !bail {
				panic(r)
			}
			lits, ok = nil, false
		}
	}()
	f.stream()
	urlSortLiterals(f.y.lits)
	return f.y.lits, true
}

// yamlFastInput reports whether src holds only characters the fast path
// handles: printable UTF-8, tabs and LF or CR LF line breaks, with a byte
// order mark at most at the start.
func yamlFastInput(src []byte) bool {
	i := 0
	if bytes.HasPrefix(src, []byte("\xEF\xBB\xBF")) {
		i = 3
	}
	for i < len(src) {
		// Eight printable ASCII bytes at a time.
		if i+8 <= len(src) {
			w := binary.LittleEndian.Uint64(src[i:])
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			del := w ^ 0x7F7F7F7F7F7F7F7F
			if w&highs == 0 && (w-0x20*ones)&^w&highs == 0 && (del-ones)&^del&highs == 0 {
				i += 8
				continue
			}
		}
		c := src[i]
		if c >= 0x20 && c < 0x7F || c == '\n' || c == '\t' {
			i++
			continue
		}
		if c == '\r' {
			if i+1 < len(src) && src[i+1] == '\n' {
				i += 2
				continue
			}
			return false
		}
		if c < utf8.RuneSelf {
			return false
		}
		r, w := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && w == 1 || r < 0xA0 || r == 0xFEFF || r == 0x2028 || r == 0x2029 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += w
	}
	return true
}

func (f *yamlFast) bail() { panic(yamlBail{}) }

// at returns the byte at i, or 0 at the end of the text.
func (f *yamlFast) at(i int) byte {
	if i < len(f.src) {
		return f.src[i]
	}
	return 0
}

// blankz reports whether i is at a blank, a line break or the end.
func (f *yamlFast) blankz(i int) bool {
	if i >= len(f.src) {
		return true
	}
	c := f.src[i]
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// col returns the column of offset p (every column that matters for
// indentation has only ASCII before it on its line).
func (f *yamlFast) col(p int) int {
	i := bytes.LastIndexByte(f.src[:p], '\n')
	if i < 0 {
		return p - f.base
	}
	return p - i - 1
}

// marker reports whether a document marker ("---" or "..." as c) stands at
// the read position, which must be at column 0.
func (f *yamlFast) marker(c byte) bool {
	p := f.p
	return p+3 <= len(f.src) && f.src[p] == c && f.src[p+1] == c && f.src[p+2] == c && f.blankz(p+3)
}

// anyMarker reports whether p starts a line with a document marker.
func (f *yamlFast) anyMarker(p int) bool {
	src := f.src
	if p+3 > len(src) || src[p] != '-' && src[p] != '.' {
		return false
	}
	c := src[p]
	return src[p+1] == c && src[p+2] == c && f.blankz(p+3)
}

// dash reports whether a block sequence entry indicator stands at the read
// position.
func (f *yamlFast) dash() bool { return f.at(f.p) == '-' && f.blankz(f.p+1) }

// atLineEnd reports whether only blanks and a comment, if any, follow on
// the line (the read position is after a token, so '#' starts a comment).
func (f *yamlFast) atLineEnd() bool {
	p := f.p
	for p < len(f.src) && (f.src[p] == ' ' || f.src[p] == '\t') {
		p++
	}
	return p >= len(f.src) || f.src[p] == '#' || f.src[p] == '\n' || f.src[p] == '\r'
}

// endOfLine moves past the rest of the line, which must be blanks and a
// comment at most.
func (f *yamlFast) endOfLine() {
	src := f.src
	p := f.p
	for p < len(src) && (src[p] == ' ' || src[p] == '\t') {
		p++
	}
	if p < len(src) && src[p] == '#' {
		if i := bytes.IndexByte(src[p:], '\n'); i >= 0 {
			p += i
		} else {
			p = len(src)
		}
	}
	if p < len(src) {
		if src[p] == '\r' {
			p++
		}
		if p >= len(src) || src[p] != '\n' {
			f.bail()
		}
		p++
	}
	f.p = p
}

// skipSpaces skips spaces on the line; a tab there bails (libyaml does
// not take tabs after "-", properties or a key's value).
func (f *yamlFast) skipSpaces() {
	for f.p < len(f.src) && f.src[f.p] == ' ' {
		f.p++
	}
	if f.at(f.p) == '\t' {
		f.bail()
	}
}

// skipBlanks skips spaces and tabs on the line.
func (f *yamlFast) skipBlanks() {
	for f.p < len(f.src) && (f.src[f.p] == ' ' || f.src[f.p] == '\t') {
		f.p++
	}
}

// nextContent moves to the next token of block context, skipping
// indentation, comments and empty lines, and returns its column; ok is
// false at the end of the text. It may be called again at a token.
func (f *yamlFast) nextContent() (col int, ok bool) {
	src := f.src
	p := f.p
	ls := -1 // start of the line p is on, once known
	for {
		q := p
		for q < len(src) && src[q] == ' ' {
			q++
		}
		if q >= len(src) {
			f.p = q
			return 0, false
		}
		switch src[q] {
		case '\t':
			f.bail()
		case '#':
			i := bytes.IndexByte(src[q:], '\n')
			if i < 0 {
				f.p = len(src)
				return 0, false
			}
			p = q + i + 1
			ls = p
			continue
		case '\n':
			p = q + 1
			ls = p
			continue
		case '\r':
			p = q + 2
			ls = p
			continue
		}
		f.p = q
		if ls < 0 {
			return f.col(q), true
		}
		return q - ls, true
	}
}

// stream reads the documents.
func (f *yamlFast) stream() {
	for doc := 0; ; doc++ {
		col, ok := f.nextContent()
		if !ok {
			return
		}
		switch {
		case col == 0 && f.marker('-'):
			f.p += 3
			f.endOfLine()
		case doc > 0 || col == 0 && f.marker('.'):
			f.bail()
		}
		col, ok = f.nextContent()
		if ok && !(col == 0 && (f.marker('-') || f.marker('.'))) {
			f.blockNode(-1, yamlCtx{}, yamlAtLine)
			col, ok = f.nextContent()
		}
		if !ok {
			return
		}
		switch {
		case col == 0 && f.marker('-'):
		case col == 0 && f.marker('.'):
			f.p += 3
			f.endOfLine()
			if col, ok = f.nextContent(); !ok {
				return
			}
			if col != 0 || !f.marker('-') {
				f.bail()
			}
		default:
			f.bail()
		}
	}
}

// blockNode reads the block node at the read position (its first byte)
// and returns its kind. parent is the indentation of the enclosing block
// collection (-1 at the top). It leaves the read position at the start of
// the line after the node, or at the token that ended it.
func (f *yamlFast) blockNode(parent int, c yamlCtx, where int) yamlKind {
	if f.depth++; f.depth > yamlMaxDepth {
		f.bail()
	}
	defer func() { f.depth-- }()
	var pr yamlProps
	if ch := f.src[f.p]; ch == '&' || ch == '!' {
		pr = f.props(false)
		if f.atLineEnd() {
			// The content is on the next lines (or the node is empty).
			f.endOfLine()
			col, ok := f.nextContent()
			if !ok || col == 0 && (f.marker('-') || f.marker('.')) ||
				col <= parent && !(where == yamlAfterKey && col == parent && f.dash()) {
				return yamlScalarNode
			}
			return f.blockContent(parent, c, yamlAtLine, pr)
		}
		pr.sameLine = true
	}
	return f.blockContent(parent, c, where, pr)
}

// blockContent reads a block node after its properties.
func (f *yamlFast) blockContent(parent int, c yamlCtx, where int, pr yamlProps) yamlKind {
	src := f.src
	p := f.p
	switch ch := src[p]; {
	case ch == '*':
		if pr.any {
			f.bail()
		}
		f.alias(false)
		f.skipBlanks()
		if f.at(f.p) == ':' {
			f.bail() // an alias as a key
		}
		f.endOfLine()
		return yamlAliasNode
	case ch == '-' && f.blankz(p+1):
		if where == yamlAfterKey || pr.sameLine {
			f.bail()
		}
		f.blockSeq(f.col(p), c)
		return yamlCollectionNode
	case ch == '[' || ch == '{':
		f.flowCollection(c, parent)
		f.skipBlanks()
		if f.at(f.p) == ':' {
			f.bail() // a flow collection as a key
		}
		f.endOfLine()
		return yamlCollectionNode
	case ch == '|' || ch == '>':
		f.blockScalar(parent, c, pr)
		return yamlScalarNode
	case ch == '"' || ch == '\'':
		lit, multi := f.quoted()
		f.skipBlanks()
		if f.at(f.p) == ':' && f.blankz(f.p+1) {
			if where == yamlAfterKey || pr.sameLine || multi || lit.Span.End-p > yamlMaxKey {
				f.bail()
			}
			f.blockMapping(f.col(p), c, yamlKey{name: lit.Value, isString: true, lit: lit})
			return yamlCollectionNode
		}
		f.endOfLine()
		f.report(c, lit, pr)
		return yamlScalarNode
	case !f.plainStart(p, false):
		f.bail()
	}
	end, stop, crossed, colon := f.plainScan(p, parent, false)
	if colon {
		if crossed || where == yamlAfterKey || pr.sameLine || end-p > yamlMaxKey {
			f.bail()
		}
		f.p = stop
		f.blockMapping(f.col(p), c, f.plainKey(p, end))
		return yamlCollectionNode
	}
	f.p = end
	f.endOfLine()
	f.plainScalar(c, p, end, crossed, pr)
	return yamlScalarNode
}

// blockMapping reads a block mapping at indentation n whose first key, k,
// has been read; the read position is at the ':' after it.
func (f *yamlFast) blockMapping(n int, c yamlCtx, k yamlKey) {
	path := f.fullPath(c)
	mute := c.mute || len(path) >= textMaxPath
	scopeKeys := !mute && c.key == "scopes" && c.list == 0
	keyList := 0
	for {
		f.p++ // ':'
		child := yamlCtx{key: k.name, parent: path, named: true, mute: mute}
		mark := len(f.y.lits)
		kind := f.mapValue(n, child)
		if scopeKeys && kind == yamlScalarNode && k.isString {
			if keyList == 0 {
				keyList = f.y.newList()
			}
			f.insertKey(mark, k.lit, c.key, path, keyList)
		}
		col, ok := f.nextContent()
		if !ok || col < n || col == 0 && (f.marker('-') || f.marker('.')) {
			return
		}
		if col > n || f.dash() {
			f.bail()
		}
		k = f.blockKey(n)
	}
}

// mapValue reads the value of a block mapping entry at indentation n,
// after its ':'.
func (f *yamlFast) mapValue(n int, c yamlCtx) yamlKind {
	f.skipBlanks()
	if !f.atLineEnd() {
		return f.blockNode(n, c, yamlAfterKey)
	}
	f.endOfLine()
	col, ok := f.nextContent()
	if !ok || col == 0 && (f.marker('-') || f.marker('.')) {
		return yamlScalarNode // empty
	}
	if col > n || col == n && f.dash() {
		return f.blockNode(n, c, yamlAtLine)
	}
	return yamlScalarNode // empty
}

// blockKey reads the key of the next entry of a block mapping at
// indentation n, and leaves the read position at the ':' after it.
func (f *yamlFast) blockKey(n int) yamlKey {
	p := f.p
	switch ch := f.src[p]; {
	case ch == '"' || ch == '\'':
		lit, multi := f.quoted()
		f.skipBlanks()
		if multi || lit.Span.End-p > yamlMaxKey || f.at(f.p) != ':' || !f.blankz(f.p+1) {
			f.bail()
		}
		return yamlKey{name: lit.Value, isString: true, lit: lit}
	case !f.plainStart(p, false):
		f.bail()
	}
	end, stop, crossed, colon := f.plainScan(p, n, false)
	if !colon || crossed || end-p > yamlMaxKey {
		f.bail()
	}
	f.p = stop
	return f.plainKey(p, end)
}

// plainKey returns the key of the one-line plain scalar src[start:end].
func (f *yamlFast) plainKey(start, end int) yamlKey {
	name := f.intern(f.src[start:end])
	return yamlKey{name: name, isString: yamlPlainIsString(name), lit: Literal{Span: Span{start, end}, Value: name}}
}

// intern returns b as a string, the same string for the same bytes.
func (f *yamlFast) intern(b []byte) string {
	if s, ok := f.names[string(b)]; ok {
		return s
	}
	if f.names == nil {
		f.names = map[string]string{}
	}
	s := string(b)
	f.names[s] = s
	return s
}

// insertKey adds the literal of a scopes map's key at index mark, before
// the literals of its value.
func (f *yamlFast) insertKey(mark int, lit Literal, key string, path []string, list int) {
	lit.Key, lit.Path, lit.List = key, path, list
	f.y.add(lit)
	lits := f.y.lits
	copy(lits[mark+1:], lits[mark:len(lits)-1])
	lits[mark] = lit
}

// blockSeq reads a block sequence whose first "-" is at the read position,
// at indentation n.
func (f *yamlFast) blockSeq(n int, c yamlCtx) {
	id := 0
	if !c.mute {
		id = f.y.newList()
	}
	ec := yamlCtx{key: c.key, path: f.fullPath(c), list: id, mute: c.mute}
	for {
		f.p++ // '-'
		f.skipSpaces()
		if f.atLineEnd() {
			f.endOfLine()
			if col, ok := f.nextContent(); ok && col > n {
				f.blockNode(n, ec, yamlAtLine)
			}
		} else {
			f.blockNode(n, ec, yamlAfterDash)
		}
		col, ok := f.nextContent()
		if !ok || col < n || col == 0 && (f.marker('-') || f.marker('.')) {
			return
		}
		if col > n {
			f.bail()
		}
		if !f.dash() {
			return // a key of the mapping this sequence is the value of
		}
	}
}

// blockScalar reads a literal or folded block scalar.
func (f *yamlFast) blockScalar(parent int, c yamlCtx, pr yamlProps) {
	a := f.decoder(0)
	a.m.lazy = true
	quote := "|"
	if f.src[f.p] == '>' {
		quote = ">"
	}
	end, next, ok := a.alignBlock(f.p, quote == ">", parent)
	if !ok {
		f.bail()
	}
	f.p = next
	if c.mute || len(a.buf) == 0 || pr.tag != "" && !yamlTagIsString(pr.tag) {
		return
	}
	lit := Literal{Span: Span{a.m.start, end}, Quote: quote, Value: string(a.buf)}
	lit.Offsets = a.m.finish(f.src, lit.Value, end)
	f.y.report(lit, c.key, f.fullPath(c), c.list)
}

// quoted decodes the single- or double-quoted scalar at the read position
// and moves past its closing quote. multi says it spans lines.
func (f *yamlFast) quoted() (lit Literal, multi bool) {
	src := f.src
	p := f.p
	q := src[p]
	if end, ok := f.simpleQuoted(p); ok {
		// Most quoted scalars are one line without escapes: their value
		// is their text.
		lit = Literal{Span: Span{p + 1, end}, Quote: `"`, Escape: EscapeBackslash, Value: string(src[p+1 : end])}
		if q == '\'' {
			lit.Quote, lit.Escape = "'", EscapeSingleQuoteDouble
		}
		f.p = end + 1
		return lit, false
	}
	a := f.decoder(p + 1)
	end, ok := a.alignQuoted(p+1, q)
	if !ok {
		f.bail()
	}
	// libyaml refuses a document marker at the start of a line inside.
	for i := p; ; {
		j := bytes.IndexByte(src[i:end], '\n')
		if j < 0 {
			break
		}
		multi = true
		i += j + 1
		if f.anyMarker(i) {
			f.bail()
		}
	}
	lit = Literal{Span: Span{p + 1, end}, Quote: `"`, Escape: EscapeBackslash}
	if q == '\'' {
		lit.Quote, lit.Escape = "'", EscapeSingleQuoteDouble
	}
	lit.Value = string(a.buf)
	lit.Offsets = a.m.finish(src, lit.Value, end)
	f.p = end + 1
	return lit, multi
}

// simpleQuoted reports whether the quoted scalar opening at p closes on
// its line with no escape, doubled quote or line break inside, and
// returns the offset of its closing quote.
func (f *yamlFast) simpleQuoted(p int) (end int, ok bool) {
	src := f.src
	q := src[p]
	i := bytes.IndexByte(src[p+1:], q)
	if i < 0 {
		return 0, false
	}
	end = p + 1 + i
	body := src[p+1 : end]
	if q == '\'' && end+1 < len(src) && src[end+1] == '\'' {
		return 0, false // a doubled quote
	}
	if q == '"' && bytes.IndexByte(body, '\\') >= 0 || bytes.IndexByte(body, '\n') >= 0 {
		return 0, false
	}
	return end, true
}

// decoder returns the reset scalar decoder for a scalar starting at start.
func (f *yamlFast) decoder(start int) *yamlAlign {
	f.a = yamlAlign{src: f.src, decode: true, buf: f.a.buf[:0]}
	f.a.m.start = start
	f.a.m.hint = 16
	return &f.a
}

// plainStart reports whether a plain scalar may start at p.
func (f *yamlFast) plainStart(p int, flow bool) bool {
	switch f.src[p] {
	case '-':
		return !f.blankz(p + 1)
	case '?', ':':
		return !flow && !f.blankz(p+1)
	case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
		' ', '\t', '\r', '\n':
		return false
	}
	return true
}

// plainScan scans the plain scalar starting at p, as libyaml does. parent
// is the indentation of the enclosing block collection: in block context,
// continuation lines must be indented more. It returns the end of the
// value's last byte, where scanning stopped, whether the value (or the
// ':' it stopped at) lies on a later line than p, and whether it stopped at
// a ':' that makes it a key.
func (f *yamlFast) plainScan(p, parent int, flow bool) (end, stop int, crossed, colon bool) {
	src := f.src
	n := len(src)
	indent := parent + 1
	end = p
	ls := -1       // start of the current line, once a break was crossed
	broke := false // a line break was crossed since the start
	for p < n {
		if p == ls && f.anyMarker(p) {
			break
		}
		if src[p] == '#' {
			break
		}
		q := p
	chunk:
		for q < n {
			switch c := src[q]; c {
			case ' ', '\t', '\n', '\r':
				break chunk
			case ':':
				if f.blankz(q + 1) {
					colon = true
					break chunk
				}
			case ',', '?', '[', ']', '{', '}':
				if flow {
					break chunk
				}
			}
			q++
		}
		if (q > p || colon) && broke {
			crossed = true
		}
		if q > p {
			end = q
		}
		p = q
		if colon || p >= n {
			break
		}
		if c := src[p]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break // a flow indicator
		}
		sawBreak := false
		for p < n {
			switch src[p] {
			case ' ':
				p++
				continue
			case '\t':
				if sawBreak && p-ls < indent {
					f.bail() // a tab that violates indentation
				}
				p++
				continue
			case '\n':
				p++
			case '\r':
				p += 2
			default:
				goto blanksDone
			}
			ls, sawBreak = p, true
		}
	blanksDone:
		if sawBreak {
			broke = true
			if !flow && p-ls < indent {
				break
			}
		}
	}
	return end, p, crossed, colon
}

// plainScalar reports the plain scalar src[start:end] if it is a string.
func (f *yamlFast) plainScalar(c yamlCtx, start, end int, multi bool, pr yamlProps) {
	if c.mute {
		return
	}
	src := f.src
	lit := Literal{Span: Span{start, end}}
	if multi {
		a := f.decoder(start)
		a.end = end
		a.m.hint = end - start + 1
		if _, ok := a.alignPlain(start); !ok {
			f.bail()
		}
		lit.Value = string(a.buf)
		lit.Offsets = a.m.finish(src, lit.Value, end)
	} else {
		lit.Value = string(src[start:end])
	}
	if pr.tag != "" {
		if !yamlTagIsString(pr.tag) {
			return
		}
	} else if !yamlPlainIsString(lit.Value) {
		return
	}
	f.y.report(lit, c.key, f.fullPath(c), c.list)
}

// report reports a quoted scalar.
func (f *yamlFast) report(c yamlCtx, lit Literal, pr yamlProps) {
	if c.mute || pr.tag != "" && !yamlTagIsString(pr.tag) {
		return
	}
	f.y.report(lit, c.key, f.fullPath(c), c.list)
}

// yamlPlainIsString reports whether an untagged plain scalar resolves to a
// string, as yaml.v3 resolves it: not null, a boolean, a number, a
// timestamp or the merge key. Only values made of the characters numbers
// and timestamps are written with are handed to yaml.v3's resolver, which
// allocates an error for every failed number parse.
func yamlPlainIsString(v string) bool {
	switch v {
	case "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
		".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", "<<":
		return false
	}
	if c := v[0]; c != '+' && c != '-' && c != '.' && (c < '0' || c > '9') {
		return true
	}
	for i := 0; i < len(v); i++ {
		if !yamlNumberByte(v[i]) {
			return true
		}
	}
	n := yaml.Node{Kind: yaml.ScalarNode, Value: v}
	return n.ShortTag() == "!!str"
}

// yamlNumberByte reports whether c may appear in an integer (any base,
// with underscores), a float or a timestamp as yaml.v3 parses them.
func yamlNumberByte(c byte) bool {
	switch {
	case '0' <= c && c <= '9', 'a' <= c && c <= 'f', 'A' <= c && c <= 'F':
		return true
	}
	switch c {
	case 'x', 'X', 'o', 'O', '_', '+', '-', '.', ':', 't', 'T', 'Z', ' ':
		return true
	}
	return false
}

// yamlTagIsString reports whether a tag makes a scalar a string.
func yamlTagIsString(tag string) bool {
	return tag == "!!str" || !strings.HasPrefix(tag, "!!")
}

// isYAMLAnchorByte reports whether c may be part of an anchor name as
// libyaml reads one.
func isYAMLAnchorByte(c byte) bool {
	return c == '_' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// anchorName reads the name after '&' or '*' at the read position. In flow
// context it may end at ',', ']' or '}' too.
func (f *yamlFast) anchorName(flow bool) []byte {
	src := f.src
	start := f.p + 1
	p := start
	for p < len(src) && isYAMLAnchorByte(src[p]) {
		p++
	}
	if p == start || !f.blankz(p) && !(flow && (src[p] == ',' || src[p] == ']' || src[p] == '}')) {
		f.bail()
	}
	f.p = p
	return src[start:p]
}

// alias reads an alias; its anchor must be defined earlier in the stream.
func (f *yamlFast) alias(flow bool) {
	name := f.anchorName(flow)
	if _, ok := f.anchors[string(name)]; !ok {
		f.bail()
	}
}

// props reads a node's anchor and tag, and the blanks after them.
func (f *yamlFast) props(flow bool) yamlProps {
	var pr yamlProps
	anchor := false
	for {
		switch f.at(f.p) {
		case '&':
			if anchor {
				f.bail()
			}
			anchor = true
			name := f.anchorName(false)
			if f.anchors == nil {
				f.anchors = map[string]struct{}{}
			}
			f.anchors[string(name)] = struct{}{}
		case '!':
			if pr.tag != "" {
				f.bail()
			}
			pr.tag = f.tag()
		default:
			pr.any = true
			return pr
		}
		if flow {
			f.flowSpace()
		} else {
			f.skipSpaces()
		}
	}
}

// tag reads a tag: "!!suffix" (the secondary handle) or "!suffix" (a
// local tag). Verbatim tags, named handles and escapes bail.
func (f *yamlFast) tag() string {
	src := f.src
	start := f.p
	p := start + 1
	if p < len(src) && src[p] == '!' {
		p++
	}
	s := p
	for p < len(src) {
		c := src[p]
		if !(isYAMLAnchorByte(c) || c == '.' || c == ':' || c == '/' || c == '~') {
			break
		}
		p++
	}
	if p == s || !f.blankz(p) {
		f.bail()
	}
	f.p = p
	return string(src[start:p])
}

// flowCollection reads the flow sequence or mapping at the read position.
// indent is the indentation of the enclosing block collection.
func (f *yamlFast) flowCollection(c yamlCtx, indent int) {
	if f.depth++; f.depth > yamlMaxDepth {
		f.bail()
	}
	if f.src[f.p] == '[' {
		f.flowSeq(c, indent)
	} else {
		f.flowMap(c, indent)
	}
	f.depth--
}

// flowSpace skips blanks, line breaks and comments inside a flow
// collection. The end of the text or a document marker there bails.
func (f *yamlFast) flowSpace() {
	src := f.src
	for f.p < len(src) {
		switch src[f.p] {
		case ' ', '\t':
			f.p++
		case '\n':
			f.p++
			if f.anyMarker(f.p) {
				f.bail()
			}
		case '\r':
			f.p += 2
			if f.anyMarker(f.p) {
				f.bail()
			}
		case '#':
			if i := bytes.IndexByte(src[f.p:], '\n'); i >= 0 {
				f.p += i
			} else {
				f.p = len(src)
			}
		default:
			return
		}
	}
	f.bail()
}

// flowSeq reads a flow sequence.
func (f *yamlFast) flowSeq(c yamlCtx, indent int) {
	id := 0
	if !c.mute {
		id = f.y.newList()
	}
	ec := yamlCtx{key: c.key, path: f.fullPath(c), list: id, mute: c.mute}
	f.p++ // '['
	f.flowSpace()
	for {
		if f.src[f.p] == ']' {
			f.p++
			return
		}
		f.flowNode(ec, indent)
		f.flowSpace()
		switch f.src[f.p] {
		case ',':
			f.p++
			f.flowSpace()
		case ']':
		default:
			f.bail() // a single-pair mapping, or a syntax error
		}
	}
}

// flowMap reads a flow mapping.
func (f *yamlFast) flowMap(c yamlCtx, indent int) {
	path := f.fullPath(c)
	mute := c.mute || len(path) >= textMaxPath
	scopeKeys := !mute && c.key == "scopes" && c.list == 0
	keyList := 0
	f.p++ // '{'
	f.flowSpace()
	for {
		if f.src[f.p] == '}' {
			f.p++
			return
		}
		k := f.flowKey(indent)
		f.flowSpace()
		child := yamlCtx{key: k.name, parent: path, named: true, mute: mute}
		mark := len(f.y.lits)
		kind := yamlScalarNode
		if f.src[f.p] == ':' {
			f.p++
			f.flowSpace()
			if ch := f.src[f.p]; ch != ',' && ch != '}' {
				kind = f.flowNode(child, indent)
				f.flowSpace()
			}
		}
		if scopeKeys && kind == yamlScalarNode && k.isString {
			if keyList == 0 {
				keyList = f.y.newList()
			}
			f.insertKey(mark, k.lit, c.key, path, keyList)
		}
		switch f.src[f.p] {
		case ',':
			f.p++
			f.flowSpace()
		case '}':
		default:
			f.bail()
		}
	}
}

// flowKey reads the key of a flow mapping entry: a one-line quoted or
// plain scalar.
func (f *yamlFast) flowKey(indent int) yamlKey {
	p := f.p
	switch ch := f.src[p]; {
	case ch == '"' || ch == '\'':
		lit, multi := f.quoted()
		if multi || lit.Span.End-p > yamlMaxKey {
			f.bail()
		}
		return yamlKey{name: lit.Value, isString: true, lit: lit}
	case ch == '-' && f.blankz(p+1), !f.plainStart(p, true):
		f.bail()
	}
	end, _, crossed, _ := f.plainScan(p, indent, true)
	if crossed || end-p > yamlMaxKey {
		f.bail()
	}
	f.p = end
	return f.plainKey(p, end)
}

// flowNode reads a node inside a flow collection.
func (f *yamlFast) flowNode(c yamlCtx, indent int) yamlKind {
	var pr yamlProps
	if ch := f.src[f.p]; ch == '&' || ch == '!' {
		pr = f.props(true)
	}
	p := f.p
	switch ch := f.src[p]; {
	case ch == '[' || ch == '{':
		f.flowCollection(c, indent)
		return yamlCollectionNode
	case ch == '*':
		if pr.any {
			f.bail()
		}
		f.alias(true)
		return yamlAliasNode
	case ch == '"' || ch == '\'':
		lit, _ := f.quoted()
		f.report(c, lit, pr)
		return yamlScalarNode
	case ch == '-' && f.blankz(p+1), !f.plainStart(p, true):
		f.bail()
	}
	end, _, crossed, _ := f.plainScan(p, indent, true)
	f.p = end
	f.plainScalar(c, p, end, crossed, pr)
	return yamlScalarNode
}
