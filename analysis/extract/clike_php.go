package extract

// PHP outside code: the text around PHP tags and heredoc/nowdoc strings.

// phpHTML skips text outside PHP tags, up to and past the next opening
// tag (`<?php`, `<?=` or a short `<?`).
func (l *clexer) phpHTML() {
	src := l.src
	n := len(src)
	for i := l.pos; i+1 < n; i++ {
		if src[i] != '<' || src[i+1] != '?' {
			continue
		}
		j := i + 2
		switch {
		case j+3 <= n && clEqFold(l.s[j:j+3], "php"):
			l.pos = j + 3
			return
		case j < n && src[j] == '=':
			l.pos = j + 1
			return
		case j >= n || src[j] == ' ' || src[j] == '\n' || src[j] == '\r' || src[j] == '\t':
			l.pos = j
			return
		}
	}
	l.pos = n
}

// heredoc skips a PHP heredoc or nowdoc at l.pos ("<<<"); it reports
// false when the text there is not one.
func (l *clexer) heredoc() bool {
	src := l.src
	n := len(src)
	i := l.pos + 3
	for i < n && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	var q byte
	if i < n && (src[i] == '\'' || src[i] == '"') {
		q = src[i]
		i++
	}
	if i >= n || !clIdentStart(src[i]) {
		return false
	}
	start := i
	for i < n && clIdentByte(src[i]) {
		i++
	}
	label := src[start:i]
	if q != 0 {
		if i >= n || src[i] != q {
			return false
		}
		i++
	}
	if i < n && src[i] == '\r' {
		i++
	}
	if i >= n || src[i] != '\n' {
		return false
	}
	i++
	// The closing label starts a line (after blanks) and is not followed
	// by an identifier character.
	for i < n {
		j := i
		for j < n && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j+len(label) <= n && string(src[j:j+len(label)]) == string(label) &&
			(j+len(label) == n || !clIdentByte(src[j+len(label)])) {
			l.pos = j + len(label)
			l.t.atom()
			return true
		}
		for i < n && src[i] != '\n' {
			i++
		}
		i++
	}
	l.pos = n
	return true
}
