package extract

import "strings"

// extractShell returns the string literals of a POSIX/bash script with
// their context.
//
// Reported:
//   - quoted words and word parts: '...' (EscapeNone), "..." without
//     expansions (EscapeBackslash) and $'...' (EscapeBackslash);
//   - unquoted values where a name says what they are: assignments
//     (`SCOPES=read,write`, `export X=...`, `local X=...`, array elements of
//     `X=(a b)`), option values (`--scopes=a,b`, `--scopes a,b`): Quote "",
//     EscapeNone.
//
// Other unquoted words (command names, plain arguments) are not reported.
// Double-quoted strings with $VAR or ${...} expansions are reported as
// written and Partial (a URL in them stays readable); those with a command
// substitution are skipped. Parts of a word with several parts are Partial.
// Heredoc bodies, comments, ${...}, $((...)) and backticks are skipped;
// $(...) is lexed as a nested script whose literals are reported.
//
// Context: Key is the assigned variable or the option name without its
// dashes; Call is the command name (its base name); List is shared by the
// positional arguments of one command and by the elements of one array.
func extractShell(src []byte) []Literal {
	p := &shLexer{out: newScOut(src, "\"'==", 2)}
	p.s = p.out.s
	p.run(scSkipBOM(p.s), 0)
	return p.out.result()
}

// shMaxNest bounds the nesting of command substitutions.
const shMaxNest = 64

// Kinds of word parts.
const (
	shBare = iota // unquoted text
	shSQ          // '...'
	shDQ          // "..."
	shANSI        // $'...'
	shExp         // an expansion: $x, ${...}, $(...), `...`
)

// shSeg is one part of a word.
type shSeg struct {
	kind       int
	start, end int  // the text (inside the quotes for quoted parts)
	esc        bool // a backslash inside
	exp        bool // "...": holds an expansion
	sub        bool // "...": holds a command substitution, $(...) or `...`
	brace      bool // bare: holds '{' (brace expansion in arguments)
}

// shHeredoc is a heredoc whose body starts after the current line.
type shHeredoc struct {
	delim string
	tabs  bool // <<-: leading tabs are stripped
}

// shCmd is the state of the simple command being read.
type shCmd struct {
	call     string
	started  bool   // the command name has been read
	decl     bool   // export/local/declare...: NAME=value words are assignments
	optKey   string // the previous word was an option without '='
	list     int
	redirect bool // the next word is a redirection target
	heredoc  int  // the next word is a heredoc delimiter: 1 for <<, 2 for <<-
}

type shLexer struct {
	s       string
	out     *scOut
	pending []shHeredoc
	segs    []shSeg
	failed  bool
}

// shWrappers run the command named by their first argument.
var shWrappers = map[string]bool{
	"sudo": true, "env": true, "exec": true, "command": true, "nohup": true, "time": true, "builtin": true,
}

// shDecl are the builtins whose NAME=value arguments are assignments.
var shDecl = map[string]bool{
	"export": true, "local": true, "declare": true, "typeset": true, "readonly": true,
}

// shReserved are reserved words after which a command starts.
var shReserved = map[string]bool{
	"if": true, "then": true, "else": true, "elif": true, "fi": true, "do": true, "done": true,
	"while": true, "until": true, "!": true, "{": true, "}": true, "esac": true,
}

// run lexes commands from i. With depth > 0 it reads the body of a
// command substitution and returns the offset after its ')'. ok is false
// when the text ends inside a construct.
func (p *shLexer) run(i, depth int) (int, bool) {
	s := p.s
	var cmd shCmd
	parens := 0
	outerPending := len(p.pending) // heredocs of an enclosing line

	for i < len(s) && !p.failed {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\f' || c == '\v':
			i++
		case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
			i++
		case c == '\n':
			i++
			if len(p.pending) > 0 {
				if outerPending > 0 {
					// The enclosing line's heredoc bodies would start
					// here; too unusual to follow with certainty.
					p.failed = true
					return len(s), false
				}
				var ok bool
				if i, ok = shSkipHeredocs(s, i, p.pending); !ok {
					p.failed = true
					return len(s), false
				}
				p.pending = p.pending[:0]
			}
			cmd = shCmd{}
		case c == '\\' && i+1 < len(s) && s[i+1] == '\n':
			i += 2
		case c == '\\' && i+2 < len(s) && s[i+1] == '\r' && s[i+2] == '\n':
			i += 3
		case c == '#':
			i = scLineEnd(s, i)
		case c == ';' || c == '&' || c == '|':
			if c == '&' && i+1 < len(s) && s[i+1] == '>' {
				// &> and &>>: redirect stdout and stderr.
				i += 2
				if i < len(s) && s[i] == '>' {
					i++
				}
				cmd.redirect = true
				continue
			}
			i++
			for i < len(s) && (s[i] == ';' || s[i] == '&' || s[i] == '|') {
				i++
			}
			cmd = shCmd{}
		case c == '(':
			if i+1 < len(s) && s[i+1] == '(' && !cmd.started {
				// ((arithmetic))
				end, ok := shSkipParens(s, i)
				if !ok {
					p.failed = true
					return len(s), false
				}
				i = end
				continue
			}
			parens++
			i++
			cmd = shCmd{}
		case c == ')':
			i++
			if depth > 0 && parens == 0 {
				return i, true
			}
			if parens > 0 {
				parens--
			}
			cmd = shCmd{}
		case c == '<' || c == '>':
			var ok bool
			i, ok = p.redirection(i, &cmd, depth)
			if !ok {
				p.failed = true
				return len(s), false
			}
		default:
			var ok bool
			if i, ok = p.word(i, &cmd, depth); !ok {
				p.failed = true
				return len(s), false
			}
		}
	}
	if depth > 0 {
		return len(s), false
	}
	return i, !p.failed
}

// redirection lexes a redirection operator at i.
func (p *shLexer) redirection(i int, cmd *shCmd, depth int) (int, bool) {
	s := p.s
	c := s[i]
	if i+1 < len(s) && s[i+1] == '(' {
		// <(...) and >(...): process substitution.
		if depth >= shMaxNest {
			return len(s), false
		}
		return p.run(i+2, depth+1)
	}
	if c == '<' && strings.HasPrefix(s[i:], "<<<") {
		return i + 3, true // here-string: the next word is an ordinary word
	}
	if c == '<' && strings.HasPrefix(s[i:], "<<") {
		i += 2
		cmd.heredoc = 1
		if i < len(s) && s[i] == '-' {
			cmd.heredoc = 2
			i++
		}
		return i, true
	}
	i++
	for i < len(s) && (s[i] == '>' || s[i] == '&' || s[i] == '|' || s[i] == '<') {
		i++
	}
	cmd.redirect = true
	return i, true
}

// shSkipHeredocs skips the bodies of the pending heredocs, the first of
// which starts at i.
func shSkipHeredocs(s string, i int, pend []shHeredoc) (int, bool) {
	for _, h := range pend {
		for {
			if i >= len(s) {
				return len(s), false
			}
			e := scLineEnd(s, i)
			line := s[i:e]
			if h.tabs {
				line = strings.TrimLeft(line, "\t")
			}
			i = e + 1
			if line == h.delim || strings.TrimSuffix(line, "\r") == h.delim {
				break
			}
			if e >= len(s) {
				return len(s), false
			}
		}
	}
	if i > len(s) {
		i = len(s)
	}
	return i, true
}

// shSkipParens skips a balanced run of parentheses starting at i (as in
// ((...)) and $((...))).
func shSkipParens(s string, i int) (int, bool) {
	depth := 0
	for ; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1, true
			}
		}
	}
	return len(s), false
}

// isShTerm reports whether s[i] ends an unquoted word.
func isShTerm(s string, i int) bool {
	switch s[i] {
	case ' ', '\t', '\n', ';', '&', '|', '<', '>', '(', ')':
		return true
	case '\r':
		return i+1 < len(s) && s[i+1] == '\n'
	}
	return false
}

// scanWord reads the parts of the word at i onto p.segs from index base
// (nested substitutions push and pop their own words above it); the caller
// truncates p.segs back to base when done. arr is true when the word is
// `NAME=` followed by '(' (an array assignment); end is then the offset of
// the '('.
func (p *shLexer) scanWord(i, depth int) (base, end int, arr, ok bool) {
	s := p.s
	base = len(p.segs)
	bare := -1 // start of the current bare part
	var bareEsc, bareBrace bool
	flush := func(at int) {
		if bare >= 0 {
			p.segs = append(p.segs, shSeg{kind: shBare, start: bare, end: at, esc: bareEsc, brace: bareBrace})
			bare, bareEsc, bareBrace = -1, false, false
		}
	}
	for i < len(s) {
		c := s[i]
		if c == '(' && bare >= 0 && len(p.segs) == base && !bareEsc && shAssignPrefix(s[bare:i]) == i-bare {
			flush(i)
			return base, i, true, true
		}
		if isShTerm(s, i) {
			break
		}
		switch c {
		case '\'':
			flush(i)
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return base, len(s), false, false
			}
			p.segs = append(p.segs, shSeg{kind: shSQ, start: i + 1, end: i + 1 + j})
			i += j + 2
		case '"':
			flush(i)
			e, esc, exp, sub, ok := p.scanDQ(i+1, depth)
			if !ok {
				return base, len(s), false, false
			}
			p.segs = append(p.segs, shSeg{kind: shDQ, start: i + 1, end: e - 1, esc: esc, exp: exp, sub: sub})
			i = e
		case '`':
			flush(i)
			e, ok := shSkipBackticks(s, i+1)
			if !ok {
				return base, len(s), false, false
			}
			p.segs = append(p.segs, shSeg{kind: shExp, start: i, end: e})
			i = e
		case '$':
			if i+1 < len(s) && s[i+1] == '\'' {
				flush(i)
				e, ok := shSkipANSI(s, i+2)
				if !ok {
					return base, len(s), false, false
				}
				p.segs = append(p.segs, shSeg{kind: shANSI, start: i + 2, end: e - 1})
				i = e
				continue
			}
			if i+1 < len(s) && s[i+1] == '"' {
				// $"...": a locale-translated string, read as "...".
				flush(i)
				e, esc, exp, sub, ok := p.scanDQ(i+2, depth)
				if !ok {
					return base, len(s), false, false
				}
				p.segs = append(p.segs, shSeg{kind: shDQ, start: i + 2, end: e - 1, esc: esc, exp: exp, sub: sub})
				i = e
				continue
			}
			e, ok := p.expansion(i, false, depth)
			if !ok {
				return base, len(s), false, false
			}
			if e == i+1 {
				// A lone '$' is a literal character.
				if bare < 0 {
					bare = i
				}
				i++
				continue
			}
			flush(i)
			p.segs = append(p.segs, shSeg{kind: shExp, start: i, end: e})
			i = e
		case '\\':
			if bare < 0 {
				bare = i
			}
			bareEsc = true
			i += 2
			if i <= len(s) && s[i-1] == '\r' && i < len(s) && s[i] == '\n' {
				i++
			}
			if i > len(s) {
				i = len(s)
			}
		default:
			if bare < 0 {
				bare = i
			}
			if c == '{' {
				bareBrace = true
			}
			i++
		}
	}
	flush(i)
	return base, i, false, true
}

// expansion skips a $-expansion at i ($name, $1, $@, ${...}, $(...),
// $((...))) and returns the offset after it; i+1 when the '$' starts none.
func (p *shLexer) expansion(i int, inDQ bool, depth int) (int, bool) {
	s := p.s
	if i+1 >= len(s) {
		return i + 1, true
	}
	switch c := s[i+1]; {
	case c == '(':
		if i+2 < len(s) && s[i+2] == '(' {
			return shSkipParens(s, i+1)
		}
		if depth >= shMaxNest {
			return len(s), false
		}
		return p.run(i+2, depth+1)
	case c == '{':
		return p.skipParam(i+2, inDQ, depth)
	case c == '_' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z'):
		j := i + 2
		for j < len(s) && (s[j] == '_' || ('a' <= s[j] && s[j] <= 'z') || ('A' <= s[j] && s[j] <= 'Z') || scDigit(s[j])) {
			j++
		}
		return j, true
	case scDigit(c) || strings.IndexByte("@*#?$!-", c) >= 0:
		return i + 2, true
	}
	return i + 1, true
}

// skipParam skips the rest of a ${...} expansion starting after "${".
func (p *shLexer) skipParam(i int, inDQ bool, depth int) (int, bool) {
	s := p.s
	nest := 0
	for i < len(s) {
		switch c := s[i]; c {
		case '\\':
			i += 2
			continue
		case '\'':
			if !inDQ {
				j := strings.IndexByte(s[i+1:], '\'')
				if j < 0 {
					return len(s), false
				}
				i += j + 2
				continue
			}
		case '"':
			e, _, _, _, ok := p.scanDQ(i+1, depth)
			if !ok {
				return len(s), false
			}
			i = e
			continue
		case '`':
			e, ok := shSkipBackticks(s, i+1)
			if !ok {
				return len(s), false
			}
			i = e
			continue
		case '$':
			e, ok := p.expansion(i, inDQ, depth)
			if !ok {
				return len(s), false
			}
			if e > i+1 {
				i = e
				continue
			}
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

// scanDQ finds the end of a double-quoted string whose content starts at
// i; end is the offset after the closing quote. esc reports a backslash,
// exp an expansion, sub a command substitution ($(...), $((...)) or
// backticks).
func (p *shLexer) scanDQ(i, depth int) (end int, esc, exp, sub, ok bool) {
	s := p.s
	for i < len(s) {
		switch s[i] {
		case '"':
			return i + 1, esc, exp, sub, true
		case '\\':
			esc = true
			i += 2
			continue
		case '`':
			e, ok := shSkipBackticks(s, i+1)
			if !ok {
				return len(s), esc, exp, sub, false
			}
			exp, sub = true, true
			i = e
			continue
		case '$':
			e, ok := p.expansion(i, true, depth)
			if !ok {
				return len(s), esc, exp, sub, false
			}
			if e > i+1 {
				exp = true
				sub = sub || s[i+1] == '('
				i = e
				continue
			}
		}
		i++
	}
	return len(s), esc, exp, sub, false
}

// shSkipBackticks finds the end of a `...` command substitution whose
// content starts at i.
func shSkipBackticks(s string, i int) (int, bool) {
	for i < len(s) {
		switch s[i] {
		case '\\':
			i += 2
			continue
		case '`':
			return i + 1, true
		}
		i++
	}
	return len(s), false
}

// shSkipANSI finds the end of a $'...' string whose content starts at i.
func shSkipANSI(s string, i int) (int, bool) {
	for i < len(s) {
		switch s[i] {
		case '\\':
			i += 2
			continue
		case '\'':
			return i + 1, true
		}
		i++
	}
	return len(s), false
}

// shAssignPrefix returns the length of a `NAME=`, `NAME+=` or
// `NAME[sub]=` prefix of w, or 0.
func shAssignPrefix(w string) int {
	if w == "" || !(w[0] == '_' || ('a' <= w[0] && w[0] <= 'z') || ('A' <= w[0] && w[0] <= 'Z')) {
		return 0
	}
	j := 1
	for j < len(w) && (w[j] == '_' || ('a' <= w[j] && w[j] <= 'z') || ('A' <= w[j] && w[j] <= 'Z') || scDigit(w[j])) {
		j++
	}
	if j < len(w) && w[j] == '[' {
		k := strings.IndexByte(w[j:], ']')
		if k < 0 {
			return 0
		}
		j += k + 1
	}
	if j < len(w) && w[j] == '+' {
		j++
	}
	if j < len(w) && w[j] == '=' {
		return j + 1
	}
	return 0
}

// shName returns the variable name of an assignment prefix.
func shName(prefix string) string {
	for j := 0; j < len(prefix); j++ {
		if c := prefix[j]; c == '[' || c == '+' || c == '=' {
			return prefix[:j]
		}
	}
	return prefix
}

// word lexes the word at i and emits what it holds.
func (p *shLexer) word(i int, cmd *shCmd, depth int) (int, bool) {
	s := p.s
	base, end, arr, ok := p.scanWord(i, depth)
	defer func() { p.segs = p.segs[:base] }()
	if !ok {
		return len(s), false
	}
	segs := p.segs[base:]
	if len(segs) == 0 {
		// Nothing but a stray character the lexer does not know.
		if end == i {
			end++
		}
		return end, true
	}
	switch {
	case cmd.heredoc != 0:
		var b strings.Builder
		for _, g := range segs {
			t := s[g.start:g.end]
			if g.kind == shBare {
				t = strings.ReplaceAll(t, `\`, "")
			}
			b.WriteString(t)
		}
		p.pending = append(p.pending, shHeredoc{delim: b.String(), tabs: cmd.heredoc == 2})
		cmd.heredoc = 0
		return end, true
	case cmd.redirect:
		cmd.redirect = false
		p.emitWord(segs, 0, 0, "", "", 0, false)
		return end, true
	}
	first := segs[0]
	if first.kind == shBare && (!cmd.started || cmd.decl) {
		if n := shAssignPrefix(s[first.start:first.end]); n > 0 || arr {
			name := shName(s[first.start:first.end])
			cmd.optKey = ""
			if arr {
				return p.array(end+1, name, depth)
			}
			p.emitWord(segs, 0, first.start+n, name, "", 0, true)
			return end, true
		}
	}
	if !cmd.started {
		w := ""
		if len(segs) == 1 && first.kind == shBare && !first.esc {
			w = s[first.start:first.end]
			if k := strings.LastIndexByte(w, '/'); k >= 0 {
				w = w[k+1:]
			}
		}
		switch {
		case shReserved[w] || shWrappers[w]:
			return end, true
		case shDecl[w]:
			cmd.decl = true
		}
		cmd.started, cmd.call = true, w
		return end, true
	}
	if first.kind == shBare && first.end > first.start && s[first.start] == '-' {
		text := s[first.start:first.end]
		if eq := strings.IndexByte(text, '='); eq >= 0 {
			if name := shOptName(text[:eq]); name != "" {
				p.emitWord(segs, 0, first.start+eq+1, name, cmd.call, 0, true)
				cmd.optKey = ""
				return end, true
			}
		} else if len(segs) == 1 {
			cmd.optKey = shOptName(text)
			return end, true
		}
	}
	if cmd.optKey != "" {
		p.emitWord(segs, 0, first.start, cmd.optKey, cmd.call, 0, true)
		cmd.optKey = ""
		return end, true
	}
	p.emitArg(segs, cmd)
	return end, true
}

// shOptName returns an option's name without its leading dashes, or ""
// when it is not a plain name.
func shOptName(opt string) string {
	name := strings.TrimLeft(opt, "-")
	if name == "" || len(opt)-len(name) > 2 {
		return ""
	}
	for k := 0; k < len(name); k++ {
		c := name[k]
		if !(c == '_' || c == '-' || c == '.' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || scDigit(c)) {
			return ""
		}
	}
	return name
}

// emitArg emits the quoted parts of a positional argument.
func (p *shLexer) emitArg(segs []shSeg, cmd *shCmd) {
	for _, g := range segs {
		if g.kind == shSQ || g.kind == shANSI || (g.kind == shDQ && !g.sub) {
			if cmd.list == 0 {
				cmd.list = p.out.newList()
			}
			p.emitWord(segs, 0, segs[0].start, "", cmd.call, cmd.list, false)
			return
		}
	}
}

// emitWord emits the parts of a word from part first, starting at offset
// from inside it (the value after `NAME=` or `--opt=`). With bare, unquoted
// parts are reported too. Every part is Partial when the value has more
// than one.
func (p *shLexer) emitWord(segs []shSeg, first, from int, key, call string, list int, bare bool) {
	n := 0
	for k := first; k < len(segs); k++ {
		g := segs[k]
		if k == first && g.kind == shBare && from >= g.end {
			continue
		}
		n++
	}
	for k := first; k < len(segs); k++ {
		g := segs[k]
		start := g.start
		if k == first && g.kind == shBare {
			if from >= g.end {
				continue
			}
			if from > start {
				start = from
			}
		}
		idx := -1
		switch g.kind {
		case shSQ:
			idx = p.out.plain(g.start, g.end, "'", EscapeNone)
		case shDQ:
			// With $VAR or ${...} expansions the text is reported as
			// written (Partial), so that a URL in it can still be read.
			// With a command substitution it is not: the literals of the
			// nested command are, and spans must not overlap.
			switch {
			case g.sub:
			case !g.esc:
				idx = p.out.plain(g.start, g.end, `"`, EscapeBackslash)
			default:
				idx = p.decodeDQ(g.start, g.end)
			}
		case shANSI:
			idx = p.decodeANSI(g.start, g.end)
		case shBare:
			switch {
			case !bare || (g.brace && call != ""):
			case !g.esc:
				idx = p.out.plain(start, g.end, "", EscapeNone)
			default:
				idx = p.decodeBare(start, g.end)
			}
		}
		if idx < 0 {
			continue
		}
		l := &p.out.lits[idx]
		l.Key, l.Call, l.List, l.Partial = key, call, list, n > 1 || g.exp
	}
}

// array emits the elements of `NAME=( ... )`; i is after the '('.
func (p *shLexer) array(i int, name string, depth int) (int, bool) {
	s := p.s
	list := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '#':
			i = scLineEnd(s, i)
		case c == ')':
			return i + 1, true
		case isShTerm(s, i):
			// Not an array after all; leave the rest to the command lexer.
			return i, true
		default:
			base, end, _, ok := p.scanWord(i, depth)
			if !ok {
				return len(s), false
			}
			segs := p.segs[base:]
			if len(segs) > 0 {
				if list == 0 {
					list = p.out.newList()
				}
				p.emitWord(segs, 0, segs[0].start, name, "", list, true)
			}
			p.segs = p.segs[:base]
			if end == i {
				return i + 1, true
			}
			i = end
		}
	}
	return len(s), false
}

// decodeDQ emits a double-quoted string without expansions.
func (p *shLexer) decodeDQ(start, end int) int {
	s := p.s
	o := p.out
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c == '\\' && i+1 < end {
			switch e := s[i+1]; e {
			case '"', '\\', '$', '`':
				o.addByte(e, i)
				i += 2
				continue
			case '\n':
				i += 2
				continue
			case '\r':
				if i+2 < end && s[i+2] == '\n' {
					i += 3
					continue
				}
			}
		}
		o.addByte(c, i)
		i++
	}
	return o.decoded(start, end, `"`, EscapeBackslash)
}

// decodeBare emits an unquoted word part: a backslash quotes the next
// character, a backslash-newline disappears.
func (p *shLexer) decodeBare(start, end int) int {
	s := p.s
	o := p.out
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c == '\\' && i+1 < end {
			switch s[i+1] {
			case '\n':
				i += 2
				continue
			case '\r':
				if i+2 < end && s[i+2] == '\n' {
					i += 3
					continue
				}
			}
			o.addByte(s[i+1], i)
			i += 2
			continue
		}
		o.addByte(c, i)
		i++
	}
	if len(o.buf) == 0 {
		return -1
	}
	return o.decoded(start, end, "", EscapeNone)
}

// decodeANSI emits a $'...' string with its C escapes resolved, or
// returns -1 for escapes it does not decode with certainty.
func (p *shLexer) decodeANSI(start, end int) int {
	s := p.s
	o := p.out
	o.reset()
	for i := start; i < end; {
		c := s[i]
		if c != '\\' || i+1 >= end {
			o.addByte(c, i)
			i++
			continue
		}
		at := i
		e := s[i+1]
		i += 2
		switch e {
		case 'a':
			o.addByte(7, at)
		case 'b':
			o.addByte(8, at)
		case 'e', 'E':
			o.addByte(27, at)
		case 'f':
			o.addByte(12, at)
		case 'n':
			o.addByte('\n', at)
		case 'r':
			o.addByte('\r', at)
		case 't':
			o.addByte('\t', at)
		case 'v':
			o.addByte(11, at)
		case '\\', '\'', '"', '?':
			o.addByte(e, at)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(e - '0')
			for k := 0; k < 2 && i < end && '0' <= s[i] && s[i] <= '7'; k++ {
				v = v*8 + int(s[i]-'0')
				i++
			}
			o.addByte(byte(v), at)
		case 'x':
			v := -1
			for k := 0; k < 2 && i < end && scHexVal(s[i]) >= 0; k++ {
				if v < 0 {
					v = 0
				}
				v = v*16 + scHexVal(s[i])
				i++
			}
			if v < 0 {
				return -1
			}
			o.addByte(byte(v), at)
		case 'u', 'U':
			n := 4
			if e == 'U' {
				n = 8
			}
			var v rune
			k := 0
			for ; k < n && i < end && scHexVal(s[i]) >= 0; k++ {
				v = v<<4 | rune(scHexVal(s[i]))
				i++
			}
			if k == 0 || v > 0x10FFFF {
				return -1
			}
			o.addRune(v, at)
		default:
			// \c and unknown escapes.
			return -1
		}
	}
	return o.decoded(start, end, "$'", EscapeBackslash)
}
