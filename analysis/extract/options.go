package extract

// withOptionValues appends, for every literal that is a command-line option
// with a value (`--scope=openid email`, `-scopes=a,b`), a literal for the
// value alone, with Key the option's name: container args in YAML, JSON
// and HCL, launch configurations, Dockerfile CMD arrays. The parent literal
// is kept; source order is restored by the caller.
func withOptionValues(lits []Literal) []Literal {
	n := len(lits)
	for i := 0; i < n; i++ {
		l := lits[i]
		if l.URL || l.Partial {
			continue
		}
		name, vs, ok := optionValue(l.Value)
		if !ok {
			continue
		}
		v := Literal{
			Span:   l.SourceSpan(vs, len(l.Value)),
			Value:  l.Value[vs:],
			Quote:  "",
			Escape: l.Escape,
			Key:    name,
			Path:   l.Path,
			Call:   l.Call,
			Lang:   l.Lang,
		}
		if l.Offsets != nil {
			v.Offsets = l.Offsets[vs:]
		}
		lits = append(lits, v)
	}
	return lits
}

// optionValue splits "--name=value" or "-name=value" and returns the name
// and the offset of the value; ok is false for anything else.
func optionValue(s string) (name string, valueStart int, ok bool) {
	i := 0
	for i < len(s) && i < 2 && s[i] == '-' {
		i++
	}
	if i == 0 {
		return "", 0, false
	}
	start := i
	for i < len(s) {
		c := s[i]
		if c == '=' {
			break
		}
		if !(c == '-' || c == '_' || c == '.' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return "", 0, false
		}
		i++
	}
	if i == start || i >= len(s)-1 {
		return "", 0, false
	}
	return s[start:i], i + 1, true
}
