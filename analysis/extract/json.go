package extract

import (
	"bytes"
	"unicode/utf8"
)

// extractJSON returns the string values of a JSON document. The lexer is
// lenient where real-world configuration files are (JSONC and the common
// JSON5 extensions): // and /* */ comments, trailing commas, single-quoted
// strings, unquoted member names and bare words (numbers, true, Infinity)
// are read; several top-level values (JSON Lines) are read one after
// another.
//
// Each string is reported with Quote `"` (or "'") and EscapeBackslash, and
// Offsets when it holds escapes (\uXXXX surrogate pairs decode to one
// character mapped to the first backslash; a lone surrogate decodes to
// U+FFFD as encoding/json does). Key, Path and List follow the YAML
// extractor: a member's value has the member name as Key and the names from
// the root as Path; array elements carry the key of the array and share a
// List id; array indexes are not part of Path. Member names are not
// reported, except in an object that is the value of a "scopes" member
// with primitive values (OpenAPI security schemes), whose names are
// reported with Key "scopes" and a shared List id.
//
// A string with an escape the lexer does not know is skipped, and so are
// values nested under more than textMaxPath member names. A syntax
// error (an unterminated string or comment, a stray character, unbalanced
// brackets) ends the extraction: the literals before it are kept.
func extractJSON(src []byte) []Literal {
	j := jsonParser{src: src}
	// About half the strings of a JSON file are values: sizing the result
	// for that spares the copying of a growing slice of large structs.
	if n := bytes.Count(src, []byte{'"'}) / 4; n > 0 {
		j.lits = make([]Literal, 0, n)
	}
	j.parse()
	return j.lits
}

// jsonFrame is one open object or array.
type jsonFrame struct {
	array bool
	deep  bool     // nested deeper than textMaxPath: nothing inside is reported
	key   string   // the member name the container is the value of (arrays: inherited)
	path  []string // path to the container, ending with key; read-only
	list  int      // List id of an array's elements

	// Objects only.
	scopes  bool     // the value of a "scopes" member: names are scope names
	keyList int      // List id shared by the reported names of a scopes object
	member  string   // name of the member being read
	pending *Literal // a scopes object's member name, reported once its value proves primitive
}

// jsonParser holds the state of one extraction.
type jsonParser struct {
	src   []byte
	p     int
	lits  []Literal
	lists int
	stack []jsonFrame
	nameL Literal           // storage for jsonFrame.pending
	names map[string]string // interned member names
}

// intern returns b as a string, sharing one copy between repeated member
// names (configuration files repeat them a lot).
func (j *jsonParser) intern(b []byte) string {
	if s, ok := j.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if j.names == nil {
		j.names = make(map[string]string)
	}
	if len(j.names) < 4096 {
		j.names[s] = s
	}
	return s
}

// jsonState is what the parser expects next.
type jsonState int

const (
	jsonValue      jsonState = iota // a value
	jsonFirstKey                    // a member name or '}'
	jsonKey                         // a member name (or '}' after a trailing comma)
	jsonColon                       // ':'
	jsonCommaOrEnd                  // ',' or the end of the container
)

func (j *jsonParser) parse() {
	src := j.src
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		j.p = 3
	}
	state := jsonValue
	for {
		if !j.skipSpace() {
			return
		}
		if j.p >= len(src) {
			return
		}
		c := src[j.p]
		switch state {
		case jsonValue:
			switch c {
			case '{', '[':
				j.open(c == '[')
				if c == '[' {
					state = jsonValue
				} else {
					state = jsonFirstKey
				}
				j.p++
				continue
			case ']':
				// An empty array, or a trailing comma.
				if len(j.stack) == 0 || !j.top().array {
					return
				}
				j.stack = j.stack[:len(j.stack)-1]
				j.p++
				state = jsonCommaOrEnd
				continue
			case '"', '\'':
				lit, end, ok, valid := j.lexString(j.p, false)
				if !ok {
					return
				}
				j.p = end
				j.primitive(&lit, valid)
			default:
				end := j.bareWord(j.p)
				if end == j.p {
					return
				}
				j.p = end
				j.primitive(nil, false)
			}
			state = jsonCommaOrEnd
		case jsonFirstKey, jsonKey:
			if c == '}' {
				j.stack = j.stack[:len(j.stack)-1]
				j.p++
				state = jsonCommaOrEnd
				continue
			}
			f := j.top()
			switch c {
			case '"', '\'':
				lit, end, ok, valid := j.lexString(j.p, true)
				if !ok {
					return
				}
				j.p = end
				f.member = lit.Value
				f.pending = nil
				if f.scopes && valid {
					j.nameL = lit
					f.pending = &j.nameL
				}
			default:
				end := j.bareWord(j.p)
				if end == j.p {
					return
				}
				f.member = j.intern(src[j.p:end])
				f.pending = nil
				j.p = end
			}
			state = jsonColon
		case jsonColon:
			if c != ':' {
				return
			}
			j.p++
			state = jsonValue
		case jsonCommaOrEnd:
			if len(j.stack) == 0 {
				// Another top-level value (JSON Lines).
				state = jsonValue
				continue
			}
			f := j.top()
			switch {
			case c == ',':
				j.p++
				if f.array {
					state = jsonValue
				} else {
					state = jsonKey
				}
			case c == ']' && f.array, c == '}' && !f.array:
				j.stack = j.stack[:len(j.stack)-1]
				j.p++
			default:
				return
			}
		}
	}
}

func (j *jsonParser) top() *jsonFrame { return &j.stack[len(j.stack)-1] }

// context returns the key, path and List id of a value at the current
// position, and whether it is an object member's value. Values nested too
// deep (see textMaxPath) get no context and are not reported.
func (j *jsonParser) context() (key string, path []string, list int, member bool) {
	if len(j.stack) == 0 {
		return "", nil, 0, false
	}
	f := j.top()
	if f.deep || !f.array && len(f.path) >= textMaxPath {
		return "", nil, 0, false
	}
	if f.array {
		return f.key, f.path, f.list, false
	}
	path = make([]string, len(f.path)+1)
	copy(path, f.path)
	path[len(f.path)] = f.member
	return f.member, path, 0, true
}

// open pushes a container that starts at the current position.
func (j *jsonParser) open(array bool) {
	key, path, _, member := j.context()
	if len(j.stack) > 0 {
		j.top().pending = nil
	}
	f := jsonFrame{array: array, key: key, path: path}
	if len(j.stack) > 0 {
		t := j.top()
		f.deep = t.deep || !t.array && len(t.path) >= textMaxPath
	}
	if array {
		j.lists++
		f.list = j.lists
	} else {
		f.scopes = member && key == "scopes"
	}
	j.stack = append(j.stack, f)
}

// primitive handles a value that is not a container: lit is the string
// (nil for a bare word), valid says it decoded with certainty.
func (j *jsonParser) primitive(lit *Literal, valid bool) {
	if len(j.stack) > 0 && !j.top().array {
		f := j.top()
		if f.pending != nil {
			name := *f.pending
			f.pending = nil
			if f.keyList == 0 {
				j.lists++
				f.keyList = j.lists
			}
			name.Key, name.Path, name.List = f.key, f.path, f.keyList
			j.lits = append(j.lits, name)
		}
	}
	if lit == nil || !valid || len(j.stack) > 0 && j.top().deep {
		return
	}
	if len(j.stack) > 0 && !j.top().array && len(j.top().path) >= textMaxPath {
		return
	}
	lit.Key, lit.Path, lit.List, _ = j.context()
	j.lits = append(j.lits, *lit)
}

// skipSpace skips blanks and comments; it reports false on an
// unterminated block comment.
func (j *jsonParser) skipSpace() bool {
	src := j.src
	for j.p < len(src) {
		switch src[j.p] {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			j.p++
		case '/':
			if j.p+1 >= len(src) {
				return false
			}
			switch src[j.p+1] {
			case '/':
				j.p = textLineEnd(src, j.p)
			case '*':
				k := bytes.Index(src[j.p+2:], []byte("*/"))
				if k < 0 {
					return false
				}
				j.p += 2 + k + 2
			default:
				return false
			}
		default:
			return true
		}
	}
	return true
}

// bareWord returns the end of the number, keyword or unquoted name at p.
func (j *jsonParser) bareWord(p int) int {
	src := j.src
	for p < len(src) {
		c := src[p]
		if c == '_' || c == '$' || c == '+' || c == '-' || c == '.' ||
			'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			p++
			continue
		}
		break
	}
	return p
}

// lexString reads the string whose opening quote is at p. ok is false when
// the string is unterminated (end of text or a line break); valid is false
// when it holds an escape that cannot be decoded with certainty. A member
// name (name) without escapes is interned.
func (j *jsonParser) lexString(p int, name bool) (lit Literal, end int, ok, valid bool) {
	src := j.src
	quote := src[p]
	start := p + 1
	escaped := false
	q := start
	for ; q < len(src); q++ {
		c := src[q]
		if c == quote {
			break
		}
		if c == '\n' || c == '\r' {
			return lit, q, false, false
		}
		if c == '\\' {
			escaped = true
			q++
			if q < len(src) && (src[q] == '\n' || src[q] == '\r') {
				return lit, q, false, false
			}
		}
	}
	if q >= len(src) {
		return lit, q, false, false
	}
	lit = Literal{Span: Span{start, q}, Quote: `"`, Escape: EscapeBackslash}
	if quote == '\'' {
		lit.Quote = "'"
	}
	if !escaped {
		if name {
			lit.Value = j.intern(src[start:q])
		} else {
			lit.Value = string(src[start:q])
		}
		return lit, q + 1, true, true
	}
	lit.Value, lit.Offsets, valid = decodeJSONString(src, start, q)
	return lit, q + 1, true, valid
}

// decodeJSONString decodes the escapes of src[start:end] (a string's
// content) and maps every decoded byte to the offset of the source text it
// came from.
func decodeJSONString(src []byte, start, end int) (string, []int, bool) {
	buf := make([]byte, 0, end-start)
	m := textOffsets{start: start, hint: end - start + 1}
	for p := start; p < end; {
		c := src[p]
		if c != '\\' {
			buf = append(buf, c)
			m.add(p)
			p++
			continue
		}
		if p+1 >= end {
			return "", nil, false
		}
		at := p
		var r rune
		switch src[p+1] {
		case '"', '\\', '/', '\'':
			r = rune(src[p+1])
		case 'b':
			r = '\b'
		case 'f':
			r = '\f'
		case 'n':
			r = '\n'
		case 'r':
			r = '\r'
		case 't':
			r = '\t'
		case 'u':
			var ok bool
			if r, ok = jsonHex4(src, p+2, end); !ok {
				return "", nil, false
			}
			p += 6
			if 0xD800 <= r && r < 0xDC00 {
				if p+1 < end && src[p] == '\\' && src[p+1] == 'u' {
					if lo, ok := jsonHex4(src, p+2, end); ok && 0xDC00 <= lo && lo < 0xE000 {
						r = (r-0xD800)<<10 | (lo - 0xDC00) + 0x10000
						p += 6
					} else {
						r = 0xFFFD
					}
				} else {
					r = 0xFFFD
				}
			} else if 0xDC00 <= r && r < 0xE000 {
				r = 0xFFFD
			}
			p -= 2 // balanced by the common advance below
		default:
			return "", nil, false
		}
		p += 2
		n := len(buf)
		buf = utf8.AppendRune(buf, r)
		for k := n; k < len(buf); k++ {
			m.add(at)
		}
	}
	v := string(buf)
	return v, m.finish(src, v, end), true
}

// jsonHex4 reads four hexadecimal digits at src[p:], within limit.
func jsonHex4(src []byte, p, limit int) (rune, bool) {
	if p+4 > limit {
		return 0, false
	}
	var r rune
	for k := 0; k < 4; k++ {
		d := textHexDigit(src[p+k])
		if d < 0 {
			return 0, false
		}
		r = r<<4 | rune(d)
	}
	return r, true
}
