package extract

// Names that tell the tracker how a call relates to the value around it.

// clCallKind says how a call relates to the value around it.
type clCallKind uint8

const (
	callPlain clCallKind = iota // the arguments are inputs of a computation: no key passes in
	callList                    // a list constructor: the key and the enclosing call's name pass in
	callWrap                    // a wrapper or constructor of the value itself: the key passes in
)

// clCallKindOf classifies a call by its name, its receiver and whether it
// is written as a constructor (`Type::new`, `Type::from`).
func clCallKindOf(name, recv string, ctor bool) clCallKind {
	switch {
	case clListCtor(name, recv):
		return callList
	case ctor:
		return callWrap
	}
	if recv == "" {
		switch name {
		case "String", "Some", "Ok", "Box", "Arc", "Rc", "Cow", "Borrowed", "Owned", "Scope", "Scopes":
			return callWrap
		}
	}
	return callPlain
}

// clNameLike reports whether s can be a key name: letters, digits and
// `_ - . :`, starting with a letter or '_'.
func clNameLike(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_':
		case '0' <= c && c <= '9', c == '-', c == '.', c == ':':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// clReceiverCall reports whether a method of this name adds its arguments to
// the receiver, which then keys them.
func clReceiverCall(name string) bool {
	switch name {
	case "Add", "add", "push", "append", "Append", "addAll", "AddRange", "extend",
		"insert", "unshift", "Insert", "Push", "concat":
		return true
	}
	return false
}

// clSetterNames are the lower-case names of calls that take a key name as
// their first argument and the value as their second.
var clSetterNames = map[string]bool{
	"set": true, "add": true, "put": true, "append": true, "insert": true, "param": true,
	"queryparam": true, "setparameter": true, "addparameter": true, "setqueryparameter": true,
	"addqueryparameter": true, "appendqueryparameter": true, "withparameter": true,
	"setproperty": true, "setdefault": true, "getenv": true, "getenvordefault": true, "env": true,
	"getproperty": true, "getordefault": true, "header": true, "setheader": true, "addheader": true,
	"field": true, "queryparameter": true, "formparam": true, "setattribute": true, "setvalue": true,
	"option": true, "setextraparameter": true, "addextraparameter": true, "putextra": true,
	"setstring": true, "putstring": true, "getstring": true, "config": true, "define": true,
	"setenv": true, "appendpair": true, "with": true, "lookupenv": true, "setauthurlparam": true,
	"string": true, "stringslice": true, "stringarray": true, "stringp": true, "stringslicep": true,
}

// clSetterCall reports whether a call of this name takes a key name as its
// first argument and the value as its second (case-insensitively).
func clSetterCall(name string) bool {
	var buf [24]byte
	if len(name) > len(buf) {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return clSetterNames[string(buf[:len(name)])]
}

// clListCtor reports whether a call builds a list from its arguments.
func clListCtor(name, recv string) bool {
	switch name {
	case "listOf", "setOf", "arrayOf", "mutableListOf", "mutableSetOf", "arrayListOf",
		"hashSetOf", "linkedSetOf", "sortedSetOf", "listOfNotNull", "asList", "singletonList",
		"singleton", "newArrayList", "newHashSet", "vec", "hashset", "array", "Set", "Array",
		"NewSet", "newSet", "ImmutableSet", "ImmutableList", "copyOf":
		return true
	case "append":
		return recv == "" // Go's built-in append(list, elems...)
	case "of":
		switch recv {
		case "List", "Set", "ImmutableList", "ImmutableSet", "Stream", "EnumSet", "Array", "Arrays", "Sets", "Lists":
			return true
		}
	}
	return false
}
