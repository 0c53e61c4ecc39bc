package extract

// This file holds the context tracker shared by the Go and C-family
// lexers. The lexers feed it a light-weight token stream (identifiers,
// brackets, separators, assignments, string literals); it keeps a stack of
// open brackets and derives, for each string literal, the Key, Call and
// List fields of Literal.
//
// The rules, in short:
//
//   - A bracket opens a frame: a block of statements, a composite literal
//     (array, object, map, struct or initializer), a call's argument list,
//     grouping parentheses, an index or type bracket, or the code inside a
//     string interpolation. The lexer decides which.
//   - Inside a frame, `name:`, `"name":`, `name =`, `name :=`, `name +=`,
//     `"name" =>` and `x["name"] =` set the pending key; `,`, `;` and a
//     statement-ending newline clear it. A typed declaration keeps the
//     name before its colon (`let scope: string = "x"` -> "scope"); a
//     multiple assignment (`a, b := ...`) sets none; Kotlin's `"k" to v`
//     keys v like `=>`.
//   - A literal takes the pending key of its frame; a composite or grouping
//     frame that has none passes on the key in force where it was opened,
//     and so does the argument list of a list constructor or a wrapper
//     (`Some`, `String`, `Type::new`): `Scopes: []string{"a", "b"}` and
//     `scopes = listOf("a")` give every element the key. The arguments of
//     other calls are inputs, not the value, and get no key from outside
//     (`scope = strings.Join(s, " ")`: " " has none).
//   - A call frame is named by the identifier before `(` (its last
//     selector); `Type::new(...)`/`Type::from(...)` are named after Type.
//     Literals directly in the argument list, or elements (not keyed
//     entries) of a composite argument, take that name as Call. List
//     constructors (listOf, asList, List.of, vec!, ...) that are themselves
//     an argument of another call pass that call's name on.
//   - `recv.Add(...)`, `.add`, `.push`, `.append`, `.Append`, `.addAll`,
//     `.AddRange`, `.extend`, `.insert`, `.unshift`: the receiver's last
//     name is the key of the arguments (`options.Scope.Add("openid")` ->
//     Key "Scope", Call "Add").
//   - Key-value setters (`v.Set("scope", x)`, `params.append("scope", x)`,
//     `put`, `queryParam`, `getenv`, `oauth2.SetAuthURLParam`,
//     `flag.String("scope", "openid", usage)`, ...) and tuples
//     (`("scope", x)`): when the first argument is a single name-like
//     string, it is the key of the second argument.
//   - Elements of a composite literal and arguments of a call share one
//     List id; keyed entries (`scope: "x"`, `"k" => "v"`) are not list
//     elements.
//   - A literal next to `+` (or PHP's `.`), or after `+=`, is Partial.

// clFrameKind says what an open bracket encloses.
type clFrameKind uint8

const (
	frBlock     clFrameKind = iota // statements
	frComposite                    // array, object, map, struct or initializer literal
	frCall                         // a call's argument list
	frParen                        // grouping parentheses, tuples, control headers
	frIndex                        // index, type or attribute brackets
	frInterp                       // code inside a string interpolation
)

// Frame flags owned by the lexers.
const (
	flHeader    uint8 = 1 << iota // a control or declaration header is pending: the next '{' opens a block
	flFunc                        // Go: a func signature is pending
	flNew                         // Java/C#: a `new` expression is pending
	flCtrl                        // a paren frame that is a control header: `if (...)`
	flDeclGroup                   // Go: `var (...)` / `const (...)`
	flStop                        // closing this frame hands control back to a string or markup scanner
	flListCtor                    // a call of a list constructor (listOf, asList, vec!, ...)
)

// clTok classifies the previous significant token.
type clTok uint8

const (
	tkNone     clTok = iota // start of text
	tkIdent                 // identifier (also a keyword used as a name)
	tkKeyword               // keyword
	tkString                // string literal
	tkAtom                  // number, char, regex, markup element
	tkOpen                  // ( [ {
	tkClose                 // ) ] }
	tkComma                 // ,
	tkColon                 // :
	tkAssign                // = := += ...
	tkDot                   // . :: -> ?.
	tkPlus                  // + (or PHP .)
	tkOp                    // other operator
	tkSemi                  // ; or the end of a case label
	tkQuestion              // ternary ?
)

// clFrame is one open bracket.
type clFrame struct {
	key       string // key in force where the frame was opened
	call      string // Call of the frame's elements
	name      string // calls: the name of the called function
	curKey    string // pending key set inside the frame
	firstCand string // arg 0 when it is a single name-like string so far
	firstArg  string // arg 0 once it ended being a single name-like string
	oneStr    string // the value of the frame's first token when it is a string

	ternary int32 // pending `?` of conditional expressions
	list    int32 // List id of the elements, 0 until the first one
	arg     int32 // index of the current argument or element
	argToks int32 // tokens in the current argument
	toks    int32 // tokens directly inside the frame
	saved   int32 // stop frames: the overflow count of the frames below

	kind     clFrameKind
	close    byte  // the byte that closes the frame
	flags    uint8 // lexer-owned flags
	colonKey bool  // curKey came from `name:` in the current element
	caseLbl  bool  // the current statement is a case label
	assigned bool  // the current statement has had an assignment
	setter   bool  // arg 0 names the key of arg 1 (key-value setter or tuple)
	hasStr   bool  // oneStr is set
	// fnBody marks a block that is a function's body; fn is the
	// function's name, "" for closures and unnamed functions. A return
	// statement's value is keyed by fn (see returnKey).
	fnBody bool
	fn     string
}

// clCtx is the context of one string literal.
type clCtx struct {
	key     string
	call    string
	list    int
	partial bool
}

// clTracker keeps the bracket stack and the recent tokens.
type clTracker struct {
	frames []clFrame
	cur    *clFrame // &frames[len(frames)-1]
	lits   []Literal
	lists  int

	prev      clTok
	prevWord  string // text of the previous identifier or keyword
	prevClose byte   // the bracket of the previous closing token
	closedKey clFrameKind
	closedFl  uint8  // flags of the frame the previous closing token closed
	indexKey  string // the one string inside the bracket pair just closed
	afterRB   bool   // the previous identifier followed a ']'
	// lastCall is the name of the call whose argument list the last ')'
	// closed ("" for other parentheses), and lastCtrl whether those were a
	// control header's: a '{' right after them opens a function body.
	lastCall string
	lastCtrl bool
	// sig is true while the tokens since a named call's ')' can be a
	// result type (`scopes(): string[] {`, `fun scopes(): List<String> {`,
	// `fn scopes() -> Vec<&str> {`): a '{' then opens that function's body.
	sig bool

	recv    string // receiver of prevWord when it followed a selector
	recvSep bool   // that selector was `::`
	dotRecv string // identifier before the last selector
	dotPath bool   // the last selector was `::`

	litTok int  // index in lits of the literal that is the previous token, or -1
	concat bool // the previous token was a concatenation operator

	overflow int // brackets opened beyond maxFrames (above the last stop frame)
}

// clMaxFrames bounds the bracket stack; deeper brackets are only counted.
const clMaxFrames = 512

// clMaxUnwind bounds how many unclosed frames a closing bracket may pop, so
// that runs of stray closers stay linear.
const clMaxUnwind = 16

// init prepares the tracker for a new file.
func (t *clTracker) init() {
	t.frames = append(t.frames[:0], clFrame{kind: frBlock})
	t.cur = &t.frames[0]
	t.litTok = -1
}

func (t *clTracker) top() *clFrame { return t.cur }

// push appends a frame.
func (t *clTracker) push(f clFrame) {
	t.frames = append(t.frames, f)
	t.cur = &t.frames[len(t.frames)-1]
}

// pop truncates the stack to n frames.
func (t *clTracker) pop(n int) {
	t.frames = t.frames[:n]
	t.cur = &t.frames[n-1]
}

// shift records the kind of the token just seen.
func (t *clTracker) shift(k clTok) {
	t.prev = k
	t.litTok = -1
	t.concat = false
	switch k {
	case tkColon, tkIdent, tkKeyword, tkDot, tkOp, tkClose, tkQuestion:
	default:
		t.sig = false
	}
}

// bump counts a token in the current frame.
func (t *clTracker) bump() {
	t.cur.argToks++
	t.cur.toks++
}

// ident records an identifier (or a keyword used as a name).
func (t *clTracker) ident(word string) {
	t.bump()
	if t.prev == tkDot {
		t.recv, t.recvSep = t.dotRecv, t.dotPath
	} else {
		t.recv, t.recvSep = "", false
	}
	t.afterRB = t.prev == tkClose && t.prevClose == ']'
	t.shift(tkIdent)
	t.prevWord = word
}

// keyword records a keyword.
func (t *clTracker) keyword(word string) {
	t.bump()
	t.recv, t.recvSep = "", false
	t.shift(tkKeyword)
	t.prevWord = word
}

// stmt clears the pending key of the current frame: a new statement or
// declaration begins.
func (t *clTracker) stmt() {
	f := t.top()
	f.curKey, f.colonKey, f.caseLbl, f.ternary, f.assigned = "", false, false, 0, false
	if f.kind == frBlock {
		f.arg = 0
	}
}

// caseLabel marks the current statement as a `case`/`default` label, whose
// colon ends it.
func (t *clTracker) caseLabel() {
	t.stmt()
	t.top().caseLbl = true
}

// dot records a member selector; path is true for `::`.
func (t *clTracker) dot(path bool) {
	t.bump()
	if t.prev == tkIdent {
		t.dotRecv = t.prevWord
	} else {
		t.dotRecv = ""
	}
	t.dotPath = path
	t.shift(tkDot)
}

// atom records a number, character, regular expression or markup element.
func (t *clTracker) atom() {
	t.bump()
	t.shift(tkAtom)
}

// op records an operator without meaning for the context.
func (t *clTracker) op() {
	t.bump()
	t.shift(tkOp)
}

// question records a conditional `?`.
func (t *clTracker) question() {
	t.bump()
	t.top().ternary++
	t.shift(tkQuestion)
}

// plus records a concatenation operator: the literal before it and the one
// after it are parts of a larger value.
func (t *clTracker) plus() {
	t.bump()
	if t.litTok >= 0 {
		t.lits[t.litTok].Partial = true
	}
	t.shift(tkPlus)
	t.concat = true
}

// comma ends an argument or element.
func (t *clTracker) comma() {
	f := t.top()
	if f.arg == 0 && f.argToks == 1 && f.firstCand != "" {
		f.firstArg = f.firstCand
		// A key-value setter, or a tuple.
		f.setter = f.kind == frParen || f.kind == frCall && clSetterCall(f.name)
	}
	f.arg++
	f.argToks = 0
	f.curKey, f.colonKey, f.ternary = "", false, 0
	t.shift(tkComma)
}

// semi ends a statement.
func (t *clTracker) semi() {
	t.stmt()
	t.shift(tkSemi)
}

// newline is a line break in the code: in a block it ends the statement
// when the line ended with something that can end one (automatic
// semicolon insertion; harmless for languages that need semicolons).
func (t *clTracker) newline() {
	f := t.top()
	if f.kind != frBlock {
		return
	}
	switch t.prev {
	case tkIdent, tkString, tkAtom, tkClose:
		t.stmt()
	}
}

// colon handles `:`: a key, a typed declaration, the end of a case label
// or the middle of a conditional.
func (t *clTracker) colon() {
	f := t.top()
	switch {
	case f.ternary > 0:
		f.ternary--
		t.bump()
		t.shift(tkOp)
		return
	case f.caseLbl:
		t.stmt()
		t.shift(tkSemi)
		return
	}
	t.keyed(true)
	t.bump()
	t.shift(tkColon)
}

// arrow handles a key arrow (`=>` in PHP, `to` in Kotlin).
func (t *clTracker) arrow() {
	t.keyed(false)
	t.bump()
	t.shift(tkColon)
}

// keyed takes the previous token as the key of what follows.
func (t *clTracker) keyed(colon bool) {
	f := t.top()
	switch t.prev {
	case tkIdent, tkKeyword:
		f.curKey, f.colonKey = t.prevWord, colon
	case tkString:
		if t.litTok >= 0 {
			l := &t.lits[t.litTok]
			f.curKey, f.colonKey = l.Value, false
			if f.kind != frCall {
				l.List = 0
			}
		}
	case tkClose:
		if t.prevClose == ']' && t.indexKey != "" {
			f.curKey, f.colonKey = t.indexKey, false
		}
	}
}

// Assignment kinds.
const (
	clAsPlain  = iota // = := ??= ...
	clAsConcat        // += .=
)

// assign handles an assignment operator.
func (t *clTracker) assign(kind int) {
	t.assignKey("", kind)
}

// assignKey handles an assignment whose target name the lexer knows
// (name != ""), or else takes it from the tokens before.
func (t *clTracker) assignKey(name string, kind int) {
	f := t.top()
	key := name
	if key == "" {
		switch {
		case f.colonKey && f.curKey != "":
			key = f.curKey
		case f.kind == frBlock && f.arg > 0 && !f.assigned:
			// a, b = ...: no single name
		case t.prev == tkIdent || t.prev == tkKeyword:
			if t.prevWord != "_" {
				key = t.prevWord
			}
		case t.prev == tkClose && t.prevClose == ']':
			key = t.indexKey
		}
	}
	f.curKey, f.colonKey, f.assigned = key, false, true
	t.bump()
	t.shift(tkAssign)
	t.concat = kind == clAsConcat
}

// clEffKey is the key that a literal or a frame opened in f stands under.
func clEffKey(f *clFrame) string {
	if f.curKey != "" {
		return f.curKey
	}
	if f.setter && f.arg == 1 && f.firstArg != "" {
		return f.firstArg
	}
	switch f.kind {
	case frCall, frComposite, frParen:
		return f.key
	}
	return ""
}

// clElemCall is the Call a frame opened in f passes on to its elements.
func clElemCall(f *clFrame) string {
	switch f.kind {
	case frCall:
		return f.call
	case frComposite, frParen:
		if f.curKey == "" {
			return f.call
		}
	}
	return ""
}

// open pushes a frame. For calls, name is the call's name, recvKey the
// receiver that keys the arguments, and how says whether the key in force
// passes into the arguments. Only list constructors and wrappers pass it
// in: the literals of other calls (`strings.Join(s, " ")`,
// `Sprintf("%s", x)`) are inputs, not the value.
func (t *clTracker) open(kind clFrameKind, close byte, name string, recvKey string, how clCallKind) {
	t.bump()
	if len(t.frames) >= clMaxFrames {
		t.overflow++
		t.shift(tkOpen)
		return
	}
	p := t.top()
	nf := clFrame{kind: kind, close: close}
	switch kind {
	case frCall:
		nf.call, nf.name = name, name
		switch how {
		case callList:
			nf.key = clEffKey(p)
			nf.flags |= flListCtor
			if c := clElemCall(p); c != "" {
				nf.call = c
			}
		case callWrap:
			nf.key = clEffKey(p)
		}
		if recvKey != "" {
			nf.key = recvKey
		}
	case frComposite, frParen:
		nf.key = clEffKey(p)
		nf.call = clElemCall(p)
	}
	keep := t.sig && close == ']' // an array result type: `(): string[] {`
	t.push(nf)
	t.shift(tkOpen)
	t.sig = keep
}

// openStop pushes a frame whose closing hands control back to the scanner
// that opened it (string interpolation, markup expression). key is the key
// of the literals directly inside it ("" for none).
func (t *clTracker) openStop(close byte, key string) {
	kind := frInterp
	if key != "" {
		kind = frParen
	}
	t.push(clFrame{kind: kind, close: close, flags: flStop, key: key, saved: int32(t.overflow)})
	t.overflow = 0
	t.shift(tkOpen)
}

// atStop reports whether the closing bracket b closes the stop frame at
// index stop-1.
func (t *clTracker) atStop(stop int, b byte) bool {
	return stop > 0 && len(t.frames) == stop && t.overflow == 0 && t.top().close == b
}

// close pops the frame closed by b, and any unclosed frames above it. It
// never pops the file frame nor past a stop frame, and ignores a stray
// closing bracket.
func (t *clTracker) close(b byte) {
	if t.overflow > 0 {
		t.overflow--
		t.shift(tkClose)
		t.prevClose = b
		return
	}
	for i := len(t.frames) - 1; i >= 1 && i >= len(t.frames)-clMaxUnwind; i-- {
		f := &t.frames[i]
		if f.close == b {
			t.indexKey = ""
			if b == ']' && f.toks == 1 && f.hasStr {
				t.indexKey = f.oneStr
			}
			t.closedKey, t.closedFl = f.kind, f.flags
			if b == ')' {
				t.lastCall, t.lastCtrl = "", f.flags&flCtrl != 0
				if f.kind == frCall {
					t.lastCall = f.name
				}
				t.sig = t.lastCall != "" && !t.lastCtrl
			}
			t.pop(i)
			t.shift(tkClose)
			t.prevClose = b
			return
		}
		if f.flags&flStop != 0 {
			break
		}
	}
	t.op()
}

// funcBody marks the frame just opened as the body of function name.
func (t *clTracker) funcBody(name string) {
	f := t.top()
	f.fnBody, f.fn = true, name
}

// returnKey keys the value of a return statement by the name of the
// function it returns from (func defaultScopes() []string { return ... }),
// when the statement stands in that function's body or in blocks nested
// in it. A return inside a closure, or in code the tracker cannot place,
// gets no key.
func (t *clTracker) returnKey() {
	top := t.top()
	for i := len(t.frames) - 1; i >= 0; i-- {
		f := &t.frames[i]
		if f.kind != frBlock {
			return
		}
		if f.fnBody {
			if f.fn != "" {
				top.curKey = f.fn
			}
			return
		}
	}
}

// popStop pops the stop frame on top of the stack.
func (t *clTracker) popStop() {
	if len(t.frames) > 1 {
		t.overflow = int(t.top().saved)
		t.pop(len(t.frames) - 1)
	}
}

// ctx computes the context of a string literal that starts now.
func (t *clTracker) ctx() clCtx {
	f := t.top()
	c := clCtx{partial: t.concat}
	switch f.kind {
	case frCall:
		c.key, c.call = clEffKey(f), f.call
		c.list = t.listID(f)
	case frComposite:
		c.key = clEffKey(f)
		if f.curKey == "" {
			c.call = f.call
			c.list = t.listID(f)
		}
	case frParen:
		c.key, c.call = clEffKey(f), f.call
	case frBlock:
		c.key = f.curKey
	}
	return c
}

func (t *clTracker) listID(f *clFrame) int {
	if f.list == 0 {
		t.lists++
		f.list = int32(t.lists)
	}
	return int(f.list)
}

// emit appends one literal with the given context.
func (t *clTracker) emit(span Span, value string, offs []int, quote string, esc Escape, c clCtx, partial bool) int {
	t.lits = append(t.lits, Literal{
		Span:    span,
		Value:   value,
		Offsets: offs,
		Quote:   quote,
		Escape:  esc,
		Key:     c.key,
		Call:    c.call,
		List:    c.list,
		Partial: partial || c.partial,
	})
	return len(t.lits) - 1
}

// endString records a finished string token. last is the index of its
// literal when it is one whole literal, or -1 (a template with
// substitutions, or a string not emitted).
func (t *clTracker) endString(last int) {
	f := t.top()
	if f.toks == 0 && last >= 0 {
		f.oneStr, f.hasStr = t.lits[last].Value, true
	}
	if f.arg == 0 && f.argToks == 0 && last >= 0 && clNameLike(t.lits[last].Value) {
		f.firstCand = t.lits[last].Value
	}
	t.bump()
	t.shift(tkString)
	t.litTok = last
}

// clSnapshot is the tracker state saved before a speculative scan.
type clSnapshot struct {
	nframes int
	top     clFrame
	nlits   int
	lists   int
	scalars clTracker
}

func (t *clTracker) save() clSnapshot {
	s := clSnapshot{nframes: len(t.frames), top: *t.top(), nlits: len(t.lits), lists: t.lists, scalars: *t}
	s.scalars.frames, s.scalars.lits, s.scalars.cur = nil, nil, nil
	return s
}

func (t *clTracker) restore(s clSnapshot) {
	frames, lits := t.frames[:s.nframes], t.lits[:s.nlits]
	*t = s.scalars
	t.frames, t.lits = frames, lits
	t.cur = &t.frames[len(t.frames)-1]
	*t.cur = s.top
	t.lists = s.lists
}
