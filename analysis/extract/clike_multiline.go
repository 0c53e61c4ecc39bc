package extract

// Multi-line strings whose value drops the source indentation: Java text
// blocks, Swift multi-line strings and C# raw strings. Their Offsets map
// every value byte back to the source.

// clLineEnd returns the index of the line terminator at or after i, or
// limit when there is none before it.
func clLineEnd(src []byte, i, limit int) int {
	for i < limit && src[i] != '\n' && src[i] != '\r' {
		i++
	}
	return i
}

// clNextLine returns the start of the line after the terminator at le.
func clNextLine(src []byte, le int) int {
	if le < len(src) && src[le] == '\r' && le+1 < len(src) && src[le+1] == '\n' {
		return le + 2
	}
	return le + 1
}

func clIsBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// emitDecoded emits the decoder's buffer as the literal text of
// src[from:to].
func (l *clexer) emitDecoded(from, to int, quote string, esc Escape, ctx *clCtx, partial, skipEmpty bool) int {
	if skipEmpty && len(l.d.buf) == 0 {
		return -1
	}
	if to < from {
		to = from
	}
	if string(l.d.buf) == l.s[from:to] {
		return l.t.emit(Span{from, to}, l.s[from:to], nil, quote, esc, *ctx, partial)
	}
	v, offs := l.d.result(to)
	if len(offs) > 0 && offs[0] < from {
		return -1
	}
	return l.t.emit(Span{from, to}, v, offs, quote, esc, *ctx, partial)
}

// javaTextBlock lexes a Java text block (or a Groovy/Scala triple-quoted
// string on one line) at l.pos. The value drops the common indentation and
// the trailing blanks of each line, then resolves escapes.
func (l *clexer) javaTextBlock() {
	src := l.src
	n := len(src)
	t := &l.t
	p := l.pos + 3
	j := p
	for j < n && clIsBlank(src[j]) {
		j++
	}
	if j >= n {
		l.pos = n
		return
	}
	if src[j] != '\n' && src[j] != '\r' {
		l.scanQuoted(&groovyGTrip, p)
		return
	}
	cs := clNextLine(src, j)
	e := cs
	for e < n {
		if src[e] == '\\' {
			e += 2
			continue
		}
		if src[e] == '"' && e+2 < n && src[e+1] == '"' && src[e+2] == '"' {
			break
		}
		e++
	}
	if e >= n {
		l.pos = n
		return
	}
	ctx := t.ctx()
	l.pos = e + 3
	minInd := -1
	for ls := cs; ; {
		le := clLineEnd(src, ls, e)
		ws := ls
		for ws < le && clIsBlank(src[ws]) {
			ws++
		}
		last := le == e
		if ws < le || last {
			if minInd < 0 || ws-ls < minInd {
				minInd = ws - ls
			}
		}
		if last {
			break
		}
		ls = clNextLine(src, le)
	}
	d := &l.d
	d.reset()
	ok, dollar := true, false
	from, end := cs, e
	for ls := cs; ok; {
		le := clLineEnd(src, ls, e)
		last := le == e
		ws := ls
		for ws < le && clIsBlank(src[ws]) {
			ws++
		}
		cont := false
		if ws < le {
			a, b := ls+minInd, le
			for b > a && clIsBlank(src[b-1]) {
				b--
			}
			bs := 0
			for k := b - 1; k >= a && src[k] == '\\'; k-- {
				bs++
			}
			if bs%2 == 1 && !last {
				cont = true
				b--
			}
			for k := a; k+1 < b; k++ {
				if src[k] == '$' && (src[k+1] == '{' || clIdentStart(src[k+1])) {
					dollar = true
				}
			}
			ok = d.segment(a, b, clEscJava, 0, 0)
		}
		if ls == cs && ws < le {
			from = ls + minInd
		}
		if last {
			if ws == le {
				end = ls // the closing delimiter is on a line of its own
			}
			break
		}
		if !cont {
			d.add('\n', le)
		}
		ls = clNextLine(src, le)
	}
	if !ok {
		t.atom()
		return
	}
	t.endString(l.emitDecoded(from, end, `"""`, EscapeBackslash, &ctx, dollar, false))
}

// clClosingLine finds the line, at or after ls, that starts (after blanks)
// with a run of at least q quote characters followed by h '#'. It returns
// the line start, the end of its blanks and the length of the run, or -1.
func clClosingLine(src []byte, ls, q, h int) (int, int, int) {
	n := len(src)
	for ls < n {
		k := ls
		for k < n && (src[k] == ' ' || src[k] == '\t') {
			k++
		}
		r := 0
		for k+r < n && src[k+r] == '"' {
			r++
		}
		if r >= q {
			hh := 0
			for k+r+hh < n && src[k+r+hh] == '#' && hh < h {
				hh++
			}
			if hh == h {
				return ls, k, r
			}
		}
		le := clLineEnd(src, ls, n)
		if le >= n {
			break
		}
		ls = clNextLine(src, le)
	}
	return -1, -1, 0
}

// clContentEnd returns the end of the last content line before the closing
// line that starts at closeLS (the content starts at cs).
func clContentEnd(src []byte, cs, closeLS int) int {
	if closeLS <= cs {
		return cs
	}
	e := closeLS - 1
	if src[e] == '\n' && e > cs && src[e-1] == '\r' {
		e--
	}
	return e
}

// clStripIndent skips the indentation indent at the start of a content line
// at i. A line holding only blanks may be shorter. It reports false for a
// line with less indentation (a compile error).
func clStripIndent(src []byte, i, end int, indent []byte) (int, bool) {
	if i+len(indent) <= end && string(src[i:i+len(indent)]) == string(indent) {
		return i + len(indent), true
	}
	k := i
	for k < end && (src[k] == ' ' || src[k] == '\t') {
		k++
	}
	if k < end && src[k] != '\n' && src[k] != '\r' {
		return i, false
	}
	return k, true
}

// swiftMulti lexes a Swift multi-line string whose opening (with h leading
// '#') starts at start. The indentation of the closing delimiter is removed
// from every line; the newlines after the opening and before the closing
// delimiter are not part of the value.
func (l *clexer) swiftMulti(start, h int) {
	src := l.src
	n := len(src)
	t := &l.t
	p := start + h + 3
	j := p
	for j < n && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j >= n {
		l.pos = n
		return
	}
	if src[j] != '\n' && src[j] != '\r' {
		l.pos = j
		t.atom()
		return
	}
	cs := clNextLine(src, j)
	closeLS, indEnd, _ := clClosingLine(src, cs, 3, h)
	if closeLS < 0 {
		l.pos = n
		return
	}
	indent := src[closeLS:indEnd]
	ce := clContentEnd(src, cs, closeLS)
	quote := l.s[start:p]
	esc := EscapeBackslash
	if h > 0 {
		esc = EscapeNone
	}
	mark := len(t.lits)
	ctx := t.ctx()
	d := &l.d
	d.reset()
	chunk, subs, bad := cs, 0, false
	i, lineStart := cs, true
	for i < ce && !bad {
		if lineStart {
			lineStart = false
			var ok bool
			if i, ok = clStripIndent(src, i, ce, indent); !ok {
				bad = true
				break
			}
			if len(d.buf) == 0 && subs == 0 {
				chunk = i
			}
			continue
		}
		c := src[i]
		switch {
		case c == '\n' || c == '\r':
			d.add('\n', i)
			i = clNextLine(src, i)
			lineStart = true
		case c == '\\':
			j := i + 1
			hh := 0
			for hh < h && j < n && src[j] == '#' {
				j++
				hh++
			}
			if hh < h {
				d.add('\\', i)
				i++
				continue
			}
			if j < n && src[j] == '(' {
				l.emitDecoded(chunk, i, quote, esc, &ctx, true, true)
				d.reset()
				l.pos = j + 1
				t.openStop(')', "")
				if !l.runNested() {
					t.lits = t.lits[:mark]
					l.pos = n
					return
				}
				i, chunk = l.pos, l.pos
				subs++
				d.reset()
				continue
			}
			k := j
			for k < ce && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k < ce && (src[k] == '\n' || src[k] == '\r') {
				i = clNextLine(src, k)
				lineStart = true
				continue
			}
			next, ok := d.escape(i, j, ce, clEscSwift)
			if !ok {
				bad = true
				break
			}
			i = next
		default:
			d.add(c, i)
			i++
		}
	}
	l.pos = indEnd + 3 + h
	if bad || i > ce {
		t.lits = t.lits[:mark]
		t.atom()
		return
	}
	idx := l.emitDecoded(chunk, ce, quote, esc, &ctx, subs > 0, subs > 0)
	if subs > 0 {
		idx = -1
	}
	t.endString(idx)
}

// csRaw lexes a C# raw string literal: dollars '$' from start, then the
// run of quotes at l.pos. Interpolated raw strings are lexed, not emitted.
func (l *clexer) csRaw(start, dollars int) {
	src := l.src
	n := len(src)
	t := &l.t
	qs := l.pos
	q := 0
	for qs+q < n && src[qs+q] == '"' {
		q++
	}
	p := qs + q
	quote := l.s[start:p]
	j := p
	for j < n && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	if j >= n {
		l.pos = n
		return
	}
	if src[j] != '\n' && src[j] != '\r' {
		// Single-line raw string.
		for i := p; i < n && src[i] != '\n' && src[i] != '\r'; {
			if src[i] != '"' {
				i++
				continue
			}
			r := 0
			for i+r < n && src[i+r] == '"' {
				r++
			}
			if r < q {
				i += r
				continue
			}
			ctx := t.ctx()
			idx := -1
			if dollars == 0 && r == q {
				idx = t.emit(Span{p, i}, l.s[p:i], nil, quote, EscapeNone, ctx, false)
			}
			l.pos = i + r
			t.endString(idx)
			return
		}
		l.pos = clLineEnd(src, p, n)
		t.atom()
		return
	}
	cs := clNextLine(src, j)
	closeLS, indEnd, r := clClosingLine(src, cs, q, 0)
	if closeLS < 0 {
		l.pos = n
		return
	}
	l.pos = indEnd + r
	if dollars > 0 || r != q {
		t.atom()
		return
	}
	indent := src[closeLS:indEnd]
	ce := clContentEnd(src, cs, closeLS)
	ctx := t.ctx()
	d := &l.d
	d.reset()
	from := cs
	for i, first := cs, true; i < ce; first = false {
		var ok bool
		if i, ok = clStripIndent(src, i, ce, indent); !ok {
			t.atom()
			return
		}
		if first {
			from = i
		}
		le := clLineEnd(src, i, ce)
		for ; i < le; i++ {
			d.add(src[i], i)
		}
		if le < ce {
			nl := clNextLine(src, le)
			for ; i < nl; i++ {
				d.add(src[i], i)
			}
		}
		i = clNextLine(src, le)
		if le >= ce {
			break
		}
	}
	t.endString(l.emitDecoded(from, ce, quote, EscapeNone, &ctx, false, false))
}
