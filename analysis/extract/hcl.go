package extract

import "strings"

// extractHCL returns the string literals of an HCL (Terraform, .tfvars)
// file.
//
// Quoted strings without template sequences are reported with escapes
// resolved ($${ and %%{ included; EscapeBackslash). Strings holding ${...}
// or %{...} are lexed to their end and skipped, as are heredocs, block
// labels, object keys and comments (#, //, /* */).
//
// Path is the enclosing block types each followed by their labels, then the
// attribute name and the keys of enclosing objects: `oauth_scopes` inside
// `node_config` of `resource "google_container_cluster" "primary"` has
// Path [resource google_container_cluster primary node_config
// oauth_scopes]. Key is the last part of Path. Elements of one tuple, and
// the positional arguments of one function call, share a List id; Call is
// the innermost function call holding the literal.
func extractHCL(src []byte) []Literal {
	p := &hclLexer{out: newScOut(src, "\"", 2)}
	p.s = p.out.s
	p.body(scSkipBOM(p.s), 0, false)
	return p.out.result()
}

// hclMaxNest bounds the nesting of blocks, brackets and templates.
const hclMaxNest = 128

// Frame kinds of the HCL expression walker.
const (
	hclTuple  = iota // [ ... ]
	hclObject        // { ... }
	hclCall          // f( ... )
	hclParen         // ( ... )
	hclIndex         // x[ ... ]
)

type hclFrame struct {
	kind     int
	call     string
	list     int
	keyed    bool // object: a key of the current item is on the path
	expectKy bool // object: at the start of an item
	forExpr  bool // a for expression: no keys, no list
}

type hclLexer struct {
	s     string
	out   *scOut
	path  []string
	ver   int // bumped whenever path changes
	fver  int // the version frozen was made for
	froz  []string
	stack []hclFrame
}

func (p *hclLexer) push(name string) {
	p.path = append(p.path, name)
	p.ver++
}

func (p *hclLexer) popTo(n int) {
	if len(p.path) != n {
		p.path = p.path[:n]
		p.ver++
	}
}

// frozen returns a copy of the path shared by literals until it changes.
func (p *hclLexer) frozen() []string {
	if p.fver != p.ver || p.froz == nil {
		p.froz = scFrozenPath(p.path)
		p.fver = p.ver
	}
	return p.froz
}

// skip skips spaces and comments, and with nl also line breaks. It
// returns len(s) inside an unterminated /* comment.
func (p *hclLexer) skip(i int, nl bool) int {
	s := p.s
	for i < len(s) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '\n':
			if !nl {
				return i
			}
			i++
		case c == '#' || (c == '/' && i+1 < len(s) && s[i+1] == '/'):
			i = scLineEnd(s, i)
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := hclIndexFrom(s, i+2, "*/")
			if j < 0 {
				return len(s)
			}
			i = j + 2
		default:
			return i
		}
	}
	return i
}

// hclIndexFrom returns the offset of sub in s at or after i, or -1.
func hclIndexFrom(s string, i int, sub string) int {
	for ; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// isHCLIdentStart and isHCLIdent classify identifier bytes (letters,
// digits, '_' and '-', plus non-ASCII).
func isHCLIdentStart(c byte) bool { return scIdentStart(c) }
func isHCLIdent(c byte) bool      { return scIdentByte(c) || c == '-' }

// body reads attributes and blocks from i. With closing it stops after the
// '}' that ends the block.
func (p *hclLexer) body(i, depth int, closing bool) int {
	s := p.s
	for {
		i = p.skip(i, true)
		if i >= len(s) {
			return i
		}
		c := s[i]
		if c == '}' {
			if closing {
				return i + 1
			}
			i++
			continue
		}
		if !isHCLIdentStart(c) {
			i = scLineEnd(s, i)
			continue
		}
		j := i + 1
		for j < len(s) && isHCLIdent(s[j]) {
			j++
		}
		name := s[i:j]
		k := p.skip(j, false)
		mark := len(p.path)
		if k < len(s) && s[k] == '=' && (k+1 >= len(s) || s[k+1] != '=') {
			p.push(name)
			i = p.expr(k+1, depth)
			p.popTo(mark)
			continue
		}
		// A block: type, labels, '{'.
		p.push(name)
		i = k
		for {
			i = p.skip(i, false)
			if i >= len(s) {
				p.popTo(mark)
				return i
			}
			c := s[i]
			if c == '"' {
				end, _, ok := hclScanTemplate(s, i+1, 0)
				if !ok {
					break
				}
				p.push(s[i+1 : end-1])
				i = end
				continue
			}
			if isHCLIdentStart(c) {
				e := i + 1
				for e < len(s) && isHCLIdent(s[e]) {
					e++
				}
				p.push(s[i:e])
				i = e
				continue
			}
			if c == '{' && depth < hclMaxNest {
				i = p.body(i+1, depth+1, true)
			} else {
				i = scLineEnd(s, i)
			}
			break
		}
		p.popTo(mark)
	}
}

// expr walks the expression of an attribute starting at i and returns the
// offset where it ends: the line break (or '}') after it at bracket depth
// zero.
func (p *hclLexer) expr(i, depth int) int {
	s := p.s
	base := len(p.stack)
	mark := len(p.path)
	defer func() {
		p.stack = p.stack[:base]
		p.popTo(mark)
	}()
	prevIdent := ""    // an identifier just before: '(' makes a call
	prevValue := false // a value just before: '[' is an index
	for i < len(s) {
		c := s[i]
		top := len(p.stack) - 1
		if top >= base && p.stack[top].expectKy && !isHCLSpace(c) && !p.isComment(i) {
			i = p.itemKey(i, top)
			prevIdent, prevValue = "", false
			continue
		}
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\n':
			if top < base {
				return i
			}
			if f := &p.stack[top]; f.kind == hclObject {
				p.endItem(top)
			}
			i++
			continue
		case p.isComment(i):
			i = p.skip(i, false)
			continue
		case c == '"':
			end, interp, ok := hclScanTemplate(s, i+1, 0)
			if !ok {
				return scLineEnd(s, i)
			}
			if !interp {
				p.emit(i+1, end-1, base)
			}
			i = end
			prevIdent, prevValue = "", true
			continue
		case c == '<' && i+1 < len(s) && s[i+1] == '<':
			if end, ok := hclHeredoc(s, i); ok {
				i = end
				prevIdent = ""
				continue
			}
			i += 2
			prevIdent = ""
			continue
		case c == '[' || c == '{' || c == '(':
			if len(p.stack)-base >= hclMaxNest {
				return len(s)
			}
			f := hclFrame{kind: hclTuple}
			switch c {
			case '[':
				if prevValue {
					f.kind = hclIndex
				}
			case '{':
				f.kind = hclObject
			case '(':
				f.kind = hclParen
				if prevIdent != "" {
					f.kind, f.call = hclCall, prevIdent
				}
			}
			if f.kind != hclCall && f.kind != hclIndex && top >= base {
				f.call = p.stack[top].call
			}
			i++
			if f.kind == hclTuple || f.kind == hclObject {
				k := p.skip(i, true)
				if k+3 <= len(s) && s[k:k+3] == "for" && (k+3 == len(s) || !isHCLIdent(s[k+3])) {
					f.forExpr = true
				}
			}
			f.expectKy = f.kind == hclObject && !f.forExpr
			p.stack = append(p.stack, f)
			prevIdent, prevValue = "", false
			continue
		case c == ']' || c == '}' || c == ')':
			if top < base {
				if c == '}' {
					return i
				}
				i++
				continue
			}
			if p.stack[top].kind == hclObject {
				p.endItem(top)
			}
			p.stack = p.stack[:top]
			i++
			prevIdent, prevValue = "", true
			continue
		case c == ',':
			if top >= base && p.stack[top].kind == hclObject {
				p.endItem(top)
			}
			i++
			prevIdent = ""
			continue
		case isHCLIdentStart(c):
			j := i + 1
			for j < len(s) && (isHCLIdent(s[j]) || (s[j] == ':' && j+1 < len(s) && s[j+1] == ':')) {
				if s[j] == ':' {
					j++
				}
				j++
			}
			prevIdent, prevValue = s[i:j], true
			if k := hclLastColon(prevIdent); k >= 0 {
				prevIdent = prevIdent[k+1:]
			}
			i = j
			continue
		}
		prevIdent, prevValue = "", false
		i++
	}
	return i
}

// hclLastColon returns the offset of the last ':' in w, or -1.
func hclLastColon(w string) int {
	for k := len(w) - 1; k >= 0; k-- {
		if w[k] == ':' {
			return k
		}
	}
	return -1
}

func isHCLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// isComment reports whether a comment starts at i.
func (p *hclLexer) isComment(i int) bool {
	s := p.s
	return s[i] == '#' || (s[i] == '/' && i+1 < len(s) && (s[i+1] == '/' || s[i+1] == '*'))
}

// itemKey reads the key of an object item at i, if there is one, and
// pushes it on the path.
func (p *hclLexer) itemKey(i, top int) int {
	s := p.s
	f := &p.stack[top]
	f.expectKy = false
	var key string
	var end int
	switch c := s[i]; {
	case c == '"':
		e, interp, ok := hclScanTemplate(s, i+1, 0)
		if !ok || interp {
			return i
		}
		key, end = s[i+1:e-1], e
	case isHCLIdentStart(c):
		e := i + 1
		for e < len(s) && isHCLIdent(s[e]) {
			e++
		}
		key, end = s[i:e], e
	default:
		return i
	}
	k := end
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	if k < len(s) && (s[k] == ':' || (s[k] == '=' && (k+1 >= len(s) || (s[k+1] != '=' && s[k+1] != '>')))) {
		p.push(key)
		f.keyed = true
		return k + 1
	}
	return i
}

// endItem ends an object item: its key leaves the path.
func (p *hclLexer) endItem(top int) {
	f := &p.stack[top]
	if f.keyed {
		p.popTo(len(p.path) - 1)
		f.keyed = false
	}
	f.expectKy = !f.forExpr
}

// emit reports the string content [start, end) with the context of the
// innermost frame above base.
func (p *hclLexer) emit(start, end, base int) {
	o := p.out
	var idx int
	if strings.IndexAny(p.s[start:end], `\$%`) < 0 {
		idx = o.plain(start, end, `"`, EscapeBackslash)
	} else {
		o.reset()
		if !hclDecode(o, start, end) {
			return
		}
		idx = o.decoded(start, end, `"`, EscapeBackslash)
	}
	l := &o.lits[idx]
	l.Path = p.frozen()
	if n := len(l.Path); n > 0 {
		l.Key = l.Path[n-1]
	}
	if top := len(p.stack) - 1; top >= base {
		f := &p.stack[top]
		l.Call = f.call
		if f.kind == hclIndex {
			l.Key = ""
		}
		if (f.kind == hclTuple || f.kind == hclCall) && !f.forExpr {
			if f.list == 0 {
				f.list = o.newList()
			}
			l.List = f.list
		}
	}
}

// hclScanTemplate finds the end of a quoted template whose content starts
// at i; end is the offset after the closing quote. interp reports a ${ or
// %{ sequence.
func hclScanTemplate(s string, i, depth int) (end int, interp, ok bool) {
	if depth > hclMaxNest {
		return len(s), false, false
	}
	for i < len(s) {
		switch c := s[i]; c {
		case '"':
			return i + 1, interp, true
		case '\\':
			i += 2
			continue
		case '\n':
			return i, interp, false
		case '$', '%':
			if i+2 < len(s) && s[i+1] == c && s[i+2] == '{' {
				i += 3 // $${ and %%{ are escapes
				continue
			}
			if i+1 < len(s) && s[i+1] == '{' {
				interp = true
				e, ok := hclSkipInterp(s, i+2, depth+1)
				if !ok {
					return e, interp, false
				}
				i = e
				continue
			}
		}
		i++
	}
	return len(s), interp, false
}

// hclSkipInterp skips the expression of a template sequence starting after
// its '{' and returns the offset after its '}'.
func hclSkipInterp(s string, i, depth int) (int, bool) {
	nest := 0
	for i < len(s) {
		switch s[i] {
		case '"':
			e, _, ok := hclScanTemplate(s, i+1, depth+1)
			if !ok {
				return e, false
			}
			i = e
			continue
		case '{':
			nest++
		case '}':
			if nest == 0 {
				return i + 1, true
			}
			nest--
		}
		i++
	}
	return len(s), false
}

// hclHeredoc skips a heredoc (<<ID or <<-ID) starting at i and returns the
// offset of the line break after its terminator line.
func hclHeredoc(s string, i int) (int, bool) {
	j := i + 2
	if j < len(s) && s[j] == '-' {
		j++
	}
	k := j
	for k < len(s) && isHCLIdent(s[k]) {
		k++
	}
	if k == j {
		return i, false
	}
	id := s[j:k]
	if k < len(s) && s[k] == '\r' {
		k++
	}
	if k >= len(s) || s[k] != '\n' {
		return i, false
	}
	line := k + 1
	for line < len(s) {
		e := scLineEnd(s, line)
		t := s[line:e]
		a, b := 0, len(t)
		for a < b && (t[a] == ' ' || t[a] == '\t') {
			a++
		}
		for b > a && (t[b-1] == ' ' || t[b-1] == '\t' || t[b-1] == '\r') {
			b--
		}
		if t[a:b] == id {
			return e, true
		}
		line = e + 1
	}
	return len(s), true
}

// hclDecode decodes the template content [start, end) onto o.buf. It
// reports false for an escape it does not know.
func hclDecode(o *scOut, start, end int) bool {
	s := o.s
	for i := start; i < end; {
		c := s[i]
		switch {
		case (c == '$' || c == '%') && i+2 < end && s[i+1] == c && s[i+2] == '{':
			o.addByte(c, i)
			o.addByte('{', i+2)
			i += 3
			continue
		case c != '\\':
			o.addByte(c, i)
			i++
			continue
		}
		if i+1 >= end {
			return false
		}
		at := i
		e := s[i+1]
		i += 2
		switch e {
		case 'n':
			o.addByte('\n', at)
		case 'r':
			o.addByte('\r', at)
		case 't':
			o.addByte('\t', at)
		case '"', '\\':
			o.addByte(e, at)
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			v, ok := scParseHex(s[:end], i, n)
			if !ok || v > 0x10FFFF {
				return false
			}
			i += n
			o.addRune(v, at)
		default:
			return false
		}
	}
	return true
}
