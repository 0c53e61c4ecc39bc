package corpus

import (
	"math/rand/v2"
	"strings"
)

// WorstFormats are the formats WorstCase can write.
var WorstFormats = []string{"go", "ts", "py", "yaml", "json"}

// WorstCase returns a file of about size bytes in format ext (one of
// WorstFormats) that is almost all scope literals: lists of five Google,
// GitHub and Microsoft scopes, one after the other, each list in its own
// scope context. One scope in fifty is misspelt, so the checks also
// compute suggestions. The file is the same for the same arguments.
func WorstCase(ext string, size int) []byte {
	g := &gen{r: rand.New(rand.NewPCG(uint64(size), 0x3057))}
	switch ext {
	case "go":
		g.printf("package scopes\n\nimport \"golang.org/x/oauth2\"\n\n")
	case "ts":
		g.printf("import { Config } from \"./config\";\n\n")
	case "json":
		g.printf("{\n  \"clients\": [\n")
	case "py", "yaml":
	default:
		panic("corpus: no worst case for " + ext)
	}
	n := 0
	for i := 0; g.b.Len() < size; i++ {
		p := providers[[]int{0, 1, 2}[i%3]] // google, github, microsoft
		s := make([]string, 5)
		for j := range s {
			s[j] = p.scopes[(i+j*3)%len(p.scopes)]
			if n++; n%50 == 0 {
				s[j] = typo(s[j])
			}
		}
		switch ext {
		case "go":
			g.printf("var config%d = &oauth2.Config{ClientID: \"c%d\", Scopes: []string{%s}}\n", i, i, quoted(s, `"`))
		case "ts":
			g.printf("export const scopes%d = [%s];\n", i, quoted(s, `"`))
		case "py":
			g.printf("SCOPES_%d = [%s]\n", i, quoted(s, "'"))
		case "yaml":
			g.printf("client%d:\n  scopes:\n    - %s\n", i, strings.Join(s, "\n    - "))
		case "json":
			g.printf("    {\"id\": \"c%d\", \"scopes\": [%s]},\n", i, quoted(s, `"`))
		}
	}
	if ext == "json" {
		g.printf("    {\"id\": \"end\"}\n  ]\n}\n")
	}
	return g.take()
}
