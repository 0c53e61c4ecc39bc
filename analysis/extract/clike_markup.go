package extract

// Markup inside JavaScript files: JSX/TSX elements, and the HTML-like
// top level of Vue and Svelte single-file components. Element text is not
// a string; quoted attribute values are, with the attribute name as Key;
// `{...}` holds code. A '<' that does not start well-formed markup (a
// TypeScript type assertion `<T>x`, a generic arrow `<T,>() => x`) is
// lexed again as an operator.

// tryMarkup lexes a markup element at l.pos, or restores the state and
// reports false.
//
// A failed attempt is remembered by position, and the text re-lexed after
// failures is bounded by the size of the file, so that nested failures
// cannot make the lexer slower than linear by more than a constant.
func (l *clexer) tryMarkup() bool {
	if l.depth >= clMaxNest || l.markupWork > 2*len(l.src)+1<<16 || l.markupFailed[l.pos] {
		return false
	}
	snap := l.t.save()
	pos, ntags := l.pos, len(l.tags)
	l.depth++
	ok := l.element()
	l.depth--
	l.tags = l.tags[:ntags]
	if !ok {
		if l.pos > pos {
			l.markupWork += l.pos - pos
		}
		if l.markupFailed == nil {
			l.markupFailed = make(map[int]bool)
		}
		l.markupFailed[pos] = true
		l.t.restore(snap)
		l.pos = pos
		return false
	}
	if l.t.top().kind == frBlock {
		// A top-level element of a component file, or a JSX statement.
		l.t.semi()
	} else {
		l.t.atom()
	}
	return true
}

func clTagByte(c byte) bool {
	return clIdentByte(c) || c == '.' || c == ':' || c == '-' || c == '$'
}

func clAttrStart(c byte) bool {
	return clIdentStart(c) || c == '$' || c == '@' || c == ':' || c == '#' || c == '*'
}

func clAttrByte(c byte) bool {
	return clTagByte(c) || c == '@' || c == '#' || c == '[' || c == ']' || c == '(' || c == ')' || c == '*'
}

func clIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

func (l *clexer) skipSpace(i int) int {
	for i < len(l.src) && clIsSpace(l.src[i]) {
		i++
	}
	return i
}

// clVoidTag reports HTML elements that have no closing tag.
func clVoidTag(name string) bool {
	switch name {
	case "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "!DOCTYPE", "!doctype":
		return true
	}
	return false
}

// element lexes one element (with its children) whose '<' is at l.pos.
func (l *clexer) element() bool {
	src := l.src
	n := len(src)
	t := &l.t
	i := l.pos + 1
	ns := i
	for i < n && clTagByte(src[i]) {
		i++
	}
	name := l.s[ns:i]
	// Attributes.
	for {
		i = l.skipSpace(i)
		if i >= n {
			return false
		}
		c := src[i]
		if c == '/' {
			if i+1 < n && src[i+1] == '>' {
				l.pos = i + 2
				return true
			}
			return false
		}
		if c == '>' {
			i++
			break
		}
		if c == '{' {
			l.pos = i + 1
			t.openStop('}', "")
			if !l.runNested() {
				return false
			}
			i = l.pos
			continue
		}
		if name == "" || !clAttrStart(c) {
			return false
		}
		as := i
		for i < n && clAttrByte(src[i]) {
			i++
		}
		if i == as {
			return false
		}
		attr := l.s[as:i]
		i = l.skipSpace(i)
		if i >= n || src[i] != '=' {
			continue
		}
		i = l.skipSpace(i + 1)
		if i >= n {
			return false
		}
		switch q := src[i]; q {
		case '"', '\'':
			e := i + 1
			for e < n && src[e] != q {
				e++
			}
			if e >= n {
				return false
			}
			quote := `"`
			if q == '\'' {
				quote = `'`
			}
			t.emit(Span{i + 1, e}, l.s[i+1:e], nil, quote, EscapeNone, clCtx{key: attr}, false)
			i = e + 1
		case '{':
			l.pos = i + 1
			t.openStop('}', attr)
			if !l.runNested() {
				return false
			}
			i = l.pos
		default:
			for i < n && !clIsSpace(src[i]) && src[i] != '>' {
				i++
			}
		}
	}
	switch {
	case clVoidTag(name):
		l.pos = i
		return true
	case clEqFold(name, "script"):
		// The body is code; the code lexer skips the closing tag.
		l.pos = i
		return true
	case clEqFold(name, "style"):
		for e := i; e+7 < n; e++ {
			if src[e] == '<' && src[e+1] == '/' && clEqFold(l.s[e+2:e+7], "style") {
				l.pos = clLineEnd(src, e, n)
				if g := clIndex(src, e, ">"); g >= 0 {
					l.pos = g + 1
				}
				return true
			}
		}
		l.pos = n
		return true
	}
	l.tags = append(l.tags, name)
	// Children.
	for {
		for i < n && src[i] != '<' && src[i] != '{' {
			if src[i] == '}' {
				return false
			}
			i++
		}
		if i >= n {
			return false
		}
		if src[i] == '{' {
			if i+1 < n && (src[i+1] == '#' || src[i+1] == '/' || src[i+1] == ':' || src[i+1] == '@') {
				// A Svelte block tag ({#if x}, {:else}, {/if}, {@html x}).
				e := clIndex(src, i+1, "}")
				if e < 0 {
					return false
				}
				i = e + 1
				continue
			}
			l.pos = i + 1
			t.openStop('}', "")
			if !l.runNested() {
				return false
			}
			i = l.pos
			continue
		}
		if i+1 < n && src[i+1] == '/' {
			j := i + 2
			cs := j
			for j < n && clTagByte(src[j]) {
				j++
			}
			cname := l.s[cs:j]
			j = l.skipSpace(j)
			if j >= n || src[j] != '>' {
				return false
			}
			if cname == name {
				l.tags = l.tags[:len(l.tags)-1]
				l.pos = j + 1
				return true
			}
			// An unclosed HTML element ends where an ancestor closes.
			for k := len(l.tags) - 2; k >= 0; k-- {
				if l.tags[k] == cname {
					l.tags = l.tags[:len(l.tags)-1]
					l.pos = i
					return true
				}
			}
			return false
		}
		if i+3 < n && src[i+1] == '!' && src[i+2] == '-' && src[i+3] == '-' {
			e := clIndex(src, i+4, "-->")
			if e < 0 {
				return false
			}
			i = e + 3
			continue
		}
		if i+1 < n && src[i+1] == '!' {
			// <!DOCTYPE ...> and the like.
			e := clIndex(src, i+2, ">")
			if e < 0 {
				return false
			}
			i = e + 1
			continue
		}
		if i+1 >= n || !(clIdentStart(src[i+1]) && src[i+1] < 0x80 || src[i+1] == '>') {
			return false
		}
		if l.depth >= clMaxNest {
			return false
		}
		l.pos = i
		l.depth++
		ok := l.element()
		l.depth--
		if !ok {
			return false
		}
		i = l.pos
	}
}
