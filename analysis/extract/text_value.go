package extract

// textOffsets records, while a literal's value is decoded or checked byte
// by byte, the source offset each value byte came from. It stays
// allocation-free while the value is the source text itself (value byte i
// at start+i) and materializes the offsets only at the first byte that
// breaks that rule.
type textOffsets struct {
	start int   // source offset of the literal's first byte
	lazy  bool  // start is unknown: take it from the first byte mapped
	hint  int   // capacity hint for the offsets (value length + 1)
	n     int   // value bytes mapped so far
	offs  []int // nil while every byte so far sits at start+i
}

// add maps the next value byte to source offset at.
func (m *textOffsets) add(at int) {
	if m.lazy && m.n == 0 {
		m.start, m.lazy = at, false
	}
	if m.offs == nil {
		if at == m.start+m.n {
			m.n++
			return
		}
		c := m.hint
		if c < m.n+2 {
			c = m.n + 2
		}
		m.offs = make([]int, m.n, c)
		for i := range m.offs {
			m.offs[i] = m.start + i
		}
	}
	m.offs = append(m.offs, at)
	m.n++
}

// finish closes the mapping at source offset end (the Span.End) and
// returns the Offsets for a Literal whose Value is value: nil when value is
// byte for byte src[start:end].
func (m *textOffsets) finish(src []byte, value string, end int) []int {
	if m.offs == nil {
		if end == m.start+m.n && string(src[m.start:end]) == value {
			return nil
		}
		m.offs = make([]int, m.n, m.n+1)
		for i := range m.offs {
			m.offs[i] = m.start + i
		}
	}
	return append(m.offs, end)
}

// textIdentityOffsets returns nil when offs (a full Offsets slice, one entry per
// value byte plus the end) describes value sitting verbatim in src, and offs
// otherwise. It lets a caller that had to build offsets eagerly honour the
// Literal contract that Offsets is nil for verbatim values.
func textIdentityOffsets(src []byte, value string, offs []int) []int {
	if len(offs) == 0 {
		return offs
	}
	start, end := offs[0], offs[len(offs)-1]
	if end-start != len(value) || string(src[start:end]) != value {
		return offs
	}
	return nil
}

// textIsEnvName reports whether s is a shell-style variable name
// ([A-Za-z_][A-Za-z0-9_]*).
func textIsEnvName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '_', 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9' && i > 0:
		default:
			return false
		}
	}
	return true
}

// textMaxPath bounds the Path of structured formats. Values nested deeper
// than this many keys or elements are not reported: real configuration
// files stay far below it, and without the bound a deeply nested file would
// cost memory quadratic in its depth (every literal carries its own Path).
const textMaxPath = 48
