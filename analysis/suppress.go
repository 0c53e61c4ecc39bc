package analysis

import (
	"bytes"
	"strings"
)

// suppressMarker starts a suppression comment: `scopels:ignore CODE reason`
// (several codes may be given, comma-separated; `all` matches every code).
const suppressMarker = "scopels:ignore"

// suppress drops the diagnostics silenced by a suppression comment on
// their own line or on the line before. The marker is found in any comment
// syntax, since only the text after it is read.
func suppress(src []byte, lines *LineIndex, diags []Diagnostic) []Diagnostic {
	if len(diags) == 0 || !bytes.Contains(src, []byte(suppressMarker)) {
		return diags
	}
	// line -> codes silenced there
	silenced := map[int][]string{}
	for off := 0; ; {
		i := bytes.Index(src[off:], []byte(suppressMarker))
		if i < 0 {
			break
		}
		i += off
		off = i + len(suppressMarker)
		rest := src[off:]
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[:nl]
		}
		fields := strings.Fields(string(rest))
		var codes []string
		if len(fields) > 0 {
			for _, c := range strings.Split(fields[0], ",") {
				if c = strings.TrimSpace(c); c != "" {
					codes = append(codes, c)
				}
			}
		}
		if len(codes) == 0 {
			codes = []string{"all"}
		}
		line := lines.Position(i).Line
		silenced[line] = append(silenced[line], codes...)
		silenced[line+1] = append(silenced[line+1], codes...)
	}
	out := diags[:0]
	for _, d := range diags {
		if !matchesCode(silenced[lines.Position(d.Span.Start).Line], d.Code) {
			out = append(out, d)
		}
	}
	return out
}

func matchesCode(codes []string, code string) bool {
	for _, c := range codes {
		if c == code || c == "all" || c == "*" {
			return true
		}
	}
	return false
}
