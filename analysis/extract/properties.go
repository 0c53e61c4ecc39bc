package extract

import "strings"

// extractProperties returns the values of a Java .properties file or, when
// the file has [section] headers, of an INI/.cfg/.conf file.
//
// Properties (java.util.Properties rules): `key=value`, `key: value` or
// `key value` (a value after blanks alone that is one double-quoted string
// is reported without its quotes: Apache-style directives in .conf files); '#' and '!' comment lines; a backslash at the end of a line
// continues the value on the next one (its leading whitespace dropped);
// \t \n \r \f \uXXXX escapes; any other escaped character stands for itself.
// Such values carry Offsets. Trailing unescaped whitespace is left out of
// the literal (Spring and most readers trim it). Quote "", EscapeBackslash.
//
// INI: `key = value` or `key: value` under [section] headers, ';' and '#'
// comments (also after whitespace at the end of a value), values trimmed, a
// value wholly in matching quotes reported without them. Values continued
// on indented lines (Python configparser) are skipped. EscapeNone.
//
// Path is the section's parts (split on dots and spaces, quotes dropped)
// followed by the key split on dots; Key is the key's last dotted part
// (`spring.security.oauth2.client.registration.github.scope` has Key
// "scope"). Empty values are skipped.
func extractProperties(src []byte) []Literal {
	o := newScOut(src, "\n", 1)
	if propIsINI(o.s) {
		iniExtract(o)
	} else {
		propExtract(o)
	}
	return o.result()
}

// propIsINI reports whether s has a line that is a [section] header.
func propIsINI(s string) bool {
	for i := scSkipBOM(s); i < len(s); {
		for i < len(s) && scHSpace(s[i]) {
			i++
		}
		e := scLineEnd(s, i)
		if i < e && s[i] == '[' && strings.IndexByte(s[i:e], ']') > 0 {
			return true
		}
		i = e + 1
	}
	return false
}

// propKeyPath splits a key on dots into the path under section, and
// returns it with its last part.
func propKeyPath(section []string, key string) (string, []string) {
	path := make([]string, len(section), len(section)+strings.Count(key, ".")+1)
	copy(path, section)
	for {
		k := strings.IndexByte(key, '.')
		if k < 0 {
			path = append(path, key)
			break
		}
		path = append(path, key[:k])
		key = key[k+1:]
	}
	return path[len(path)-1], path[:len(path):len(path)]
}

// isPropSpace reports whether c is whitespace in a .properties file.
func isPropSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

// propNewline returns the length of the line break at i (1 or 2), or 0.
func propNewline(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(s) && s[i+1] == '\n' {
			return 2
		}
		return 1
	}
	return 0
}

// propContinue skips a line break at i and the next line's leading
// whitespace.
func propContinue(s string, i int) int {
	i += propNewline(s, i)
	for i < len(s) && isPropSpace(s[i]) {
		i++
	}
	return i
}

// propExtract reads a .properties file.
func propExtract(o *scOut) {
	s := o.s
	var keyBuf []byte
	i := scSkipBOM(s)
	for i < len(s) {
		for i < len(s) && isPropSpace(s[i]) {
			i++
		}
		if i >= len(s) {
			break
		}
		if n := propNewline(s, i); n > 0 {
			i += n
			continue
		}
		if s[i] == '#' || s[i] == '!' {
			i = scLineEnd(s, i)
			continue
		}
		// The key, up to an unescaped separator or whitespace.
		keyBuf = keyBuf[:0]
		keyStart, keyEsc, keyBad := i, false, false
	key:
		for i < len(s) {
			c := s[i]
			switch {
			case c == '\\':
				keyEsc = true
				if propNewline(s, i+1) > 0 {
					i = propContinue(s, i+1)
					continue
				}
				var ok bool
				keyBuf, i, ok = propEscape(s, i, keyBuf)
				keyBad = keyBad || !ok
			case c == '=' || c == ':' || isPropSpace(c) || c == '\n' || c == '\r':
				break key
			default:
				keyBuf = append(keyBuf, c)
				i++
			}
		}
		key := s[keyStart:i]
		if keyEsc {
			key = string(keyBuf)
		}
		// The separator: whitespace, at most one '=' or ':', whitespace.
		sep := false
		for i < len(s) {
			c := s[i]
			switch {
			case isPropSpace(c):
				i++
				continue
			case c == '\\' && propNewline(s, i+1) > 0:
				i = propContinue(s, i+1)
				continue
			case (c == '=' || c == ':') && !sep:
				sep = true
				i++
				continue
			}
			break
		}
		if !sep && !keyBad {
			if next, ok := propQuotedDirective(o, i, key); ok {
				i = next
				continue
			}
		}
		i = propValue(o, i, key, keyBad)
	}
}

// propQuotedDirective reads the value at s[i] of a key separated from it
// by blanks only, when the value is one double-quoted string: the
// directive syntax of Apache, nginx and ssh configuration files, which
// share the .conf extension with properties files (OIDCScope "openid
// email"). The quotes are syntax there, so the literal is their content.
// It reports false for any other value.
func propQuotedDirective(o *scOut, i int, key string) (int, bool) {
	s := o.s
	e := scLineEnd(s, i)
	end := e
	for end > i && (scHSpace(s[end-1]) || s[end-1] == '\r') {
		end--
	}
	if end-i < 3 || s[i] != '"' || s[end-1] != '"' || strings.ContainsAny(s[i+1:end-1], "\"\\") {
		return i, false
	}
	idx := o.plain(i+1, end-1, `"`, EscapeNone)
	l := &o.lits[idx]
	l.Key, l.Path = propKeyPath(nil, key)
	return e, true
}

// propEscape decodes the escape at s[i] (a backslash) onto buf.
func propEscape(s string, i int, buf []byte) ([]byte, int, bool) {
	if i+1 >= len(s) {
		return buf, i + 1, true
	}
	switch e := s[i+1]; e {
	case 't':
		return append(buf, '\t'), i + 2, true
	case 'n':
		return append(buf, '\n'), i + 2, true
	case 'r':
		return append(buf, '\r'), i + 2, true
	case 'f':
		return append(buf, '\f'), i + 2, true
	case 'u':
		v, ok := scParseHex(s, i+2, 4)
		if !ok {
			return buf, i + 2, false
		}
		return append(buf, string(rune(v))...), i + 6, true
	default:
		return append(buf, e), i + 2, true
	}
}

// propValue decodes the value starting at i up to the end of its logical
// line, emits it, and returns the offset after the line.
func propValue(o *scOut, i int, key string, bad bool) int {
	s := o.s
	o.reset()
	contentLen, contentEnd := 0, i
	for i < len(s) {
		c := s[i]
		if c == '\n' || c == '\r' {
			break
		}
		if c != '\\' {
			o.addByte(c, i)
			i++
			if !isPropSpace(c) {
				contentLen, contentEnd = len(o.buf), i
			}
			continue
		}
		if i+1 >= len(s) {
			i++
			break
		}
		if propNewline(s, i+1) > 0 {
			i = propContinue(s, i+1)
			continue
		}
		at := i
		switch e := s[i+1]; e {
		case 't':
			o.addByte('\t', at)
		case 'n':
			o.addByte('\n', at)
		case 'r':
			o.addByte('\r', at)
		case 'f':
			o.addByte('\f', at)
		case 'u':
			v, ok := scParseHex(s, i+2, 4)
			if !ok {
				bad = true
				i += 2
				continue
			}
			i += 4
			if 0xD800 <= v && v < 0xDC00 && i+8 <= len(s) && s[i+2] == '\\' && s[i+3] == 'u' {
				if lo, ok := scParseHex(s, i+4, 4); ok && 0xDC00 <= lo && lo < 0xE000 {
					v = 0x10000 + (v-0xD800)<<10 + (lo - 0xDC00)
					i += 6
				}
			}
			o.addRune(v, at)
		default:
			o.addByte(e, at)
		}
		i += 2
		contentLen, contentEnd = len(o.buf), i
	}
	if bad || contentLen == 0 {
		return i
	}
	o.buf, o.offs = o.buf[:contentLen], o.offs[:contentLen]
	idx := o.decoded(o.offs[0], contentEnd, "", EscapeBackslash)
	l := &o.lits[idx]
	l.Key, l.Path = propKeyPath(nil, key)
	return i
}

// iniExtract reads an INI file.
func iniExtract(o *scOut) {
	s := o.s
	var section []string
	i := scSkipBOM(s)
	for i < len(s) {
		eol := scLineEnd(s, i)
		next := eol + 1
		for i < eol && scHSpace(s[i]) {
			i++
		}
		end := scTrimCR(s, i, eol)
		if i >= end || s[i] == ';' || s[i] == '#' {
			i = next
			continue
		}
		if s[i] == '[' {
			if k := strings.IndexByte(s[i:end], ']'); k > 0 {
				section = iniSection(s[i+1 : i+k])
			}
			i = next
			continue
		}
		sep := i
		for sep < end && s[sep] != '=' && s[sep] != ':' {
			sep++
		}
		if sep >= end {
			i = next
			continue
		}
		key := strings.TrimRight(s[i:sep], " \t")
		// Indented lines without a separator continue the value.
		cont := false
		for next < len(s) {
			ne := scLineEnd(s, next)
			line := s[next:scTrimCR(s, next, ne)]
			t := strings.TrimLeft(line, " \t")
			if len(t) == len(line) || t == "" || t[0] == ';' || t[0] == '#' || strings.ContainsAny(t, "=:") {
				break
			}
			cont = true
			next = ne + 1
		}
		if key != "" && !cont {
			iniValue(o, sep+1, end, key, section)
		}
		i = next
	}
}

// iniValue emits the value in [i, end).
func iniValue(o *scOut, i, end int, key string, section []string) {
	s := o.s
	for i < end && scHSpace(s[i]) {
		i++
	}
	// An inline comment: ';' or '#' after whitespace.
	for j := i + 1; j < end; j++ {
		if (s[j] == ';' || s[j] == '#') && scHSpace(s[j-1]) {
			end = j
			break
		}
	}
	for end > i && scHSpace(s[end-1]) {
		end--
	}
	if end <= i {
		return
	}
	quote := ""
	if q := s[i]; (q == '"' || q == '\'') && end-i >= 2 && s[end-1] == q {
		quote = s[i : i+1]
		i++
		end--
	}
	idx := o.plain(i, end, quote, EscapeNone)
	l := &o.lits[idx]
	l.Key, l.Path = propKeyPath(section, key)
}

// iniSection splits a section name on dots and spaces outside quotes and
// drops the quotes: `remote "origin"` reads [remote origin].
func iniSection(name string) []string {
	var parts []string
	start, inQ := -1, false
	for k := 0; k <= len(name); k++ {
		if k == len(name) || (!inQ && (name[k] == '.' || name[k] == ' ' || name[k] == '\t')) || name[k] == '"' {
			if start >= 0 && k > start {
				parts = append(parts, name[start:k])
			}
			start = -1
			if k < len(name) && name[k] == '"' {
				inQ = !inQ
				if inQ {
					start = k + 1
				}
			}
			continue
		}
		if start < 0 {
			start = k
		}
	}
	return parts[:len(parts):len(parts)]
}
