package extract

// Brackets of the C-family lexers: which frame a bracket opens.

// openBracket handles the bracket at l.pos-1.
func (l *clexer) openBracket(c byte) {
	t := &l.t
	switch c {
	case '(':
		l.openParen()
	case '[':
		kind := frComposite
		switch t.prev {
		case tkIdent, tkClose, tkString:
			kind = frIndex
		case tkOp:
			if l.f == FormatRust && l.opText == "!" && l.macro != "" {
				name := l.macro
				l.macro = ""
				t.open(frCall, ']', name, "", clCallKindOf(name, "", false))
				return
			}
		}
		t.open(kind, ']', "", "", callPlain)
	case '{':
		kind := l.braceKind()
		t.top().flags &^= flHeader | flNew
		// A block right after a call-shaped `name(...)` that is no
		// control header, or after such a name's result type, is a
		// function or method body.
		body := kind == frBlock && (t.prev == tkClose && t.prevClose == ')' && !t.lastCtrl || t.sig)
		t.open(kind, '}', "", "", callPlain)
		if body {
			t.funcBody(t.lastCall)
		}
	}
}

// openParen opens a call's argument list or grouping parentheses.
func (l *clexer) openParen() {
	t := &l.t
	name, recv, isCall, ctor := "", "", false, false
	switch t.prev {
	case tkIdent:
		name, recv, isCall = t.prevWord, t.recv, true
		if l.f == FormatPHP && (clEqFold(name, "array") || clEqFold(name, "list")) {
			t.open(frComposite, ')', "", "", callPlain)
			return
		}
		if t.recvSep && recv != "" && (name == "new" || name == "from") {
			name, recv, ctor = recv, "", true
		}
	case tkClose:
		isCall = t.prevClose != '}'
	case tkOp:
		switch {
		case l.opText == ">" && l.genName != "":
			name, isCall = l.genName, true
		case l.opText == "!" && l.macro != "":
			name, isCall = l.macro, true
		}
	}
	l.genName, l.macro = "", ""
	if isCall {
		rk := ""
		if recv != "" && !t.recvSep && clReceiverCall(name) {
			rk = recv
		}
		t.open(frCall, ')', name, rk, clCallKindOf(name, t.recv, ctor))
		return
	}
	ctrl := t.prev == tkKeyword && clKeyword(l.f, t.prevWord)&kwCtrl != 0
	t.open(frParen, ')', "", "", callPlain)
	if ctrl {
		t.top().flags |= flCtrl
	}
}

// braceKind decides whether '{' opens a block or a composite literal.
func (l *clexer) braceKind() clFrameKind {
	t := &l.t
	f := t.top()
	switch l.f {
	case FormatJavaScript:
		switch t.prev {
		case tkOpen, tkComma, tkColon, tkAssign, tkQuestion, tkPlus:
			return frComposite
		case tkOp:
			if l.opText == "=>" {
				return frBlock
			}
			return frComposite
		case tkKeyword:
			if clKeyword(l.f, t.prevWord)&kwExpr != 0 || t.prevWord == "default" {
				return frComposite
			}
		}
	case FormatJava:
		switch t.prev {
		case tkAssign:
			return frComposite
		case tkOpen, tkComma:
			if f.kind != frBlock {
				return frComposite
			}
		case tkClose:
			if t.prevClose == ']' && f.flags&flNew != 0 {
				return frComposite
			}
		}
	case FormatCSharp:
		if f.flags&flNew != 0 {
			switch t.prev {
			case tkClose, tkIdent, tkOp:
				return frComposite
			}
		}
		switch t.prev {
		case tkAssign:
			return frComposite
		case tkOpen, tkComma:
			if f.kind == frComposite {
				return frComposite
			}
		}
	case FormatRust:
		if f.flags&flHeader != 0 {
			return frBlock
		}
		switch t.prev {
		case tkIdent:
			return frComposite
		case tkOpen, tkComma:
			if f.kind != frBlock {
				return frComposite
			}
		}
	}
	return frBlock
}
