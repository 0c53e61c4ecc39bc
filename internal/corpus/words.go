package corpus

import "strings"

// nouns and verbs make identifiers, messages and prose. None of them is,
// or contains, "scope".
var nouns = []string{
	"account", "order", "invoice", "cart", "item", "price", "customer", "report", "session", "cache",
	"request", "response", "payload", "record", "batch", "queue", "worker", "job", "event", "metric",
	"user", "profile", "address", "payment", "refund", "ticket", "message", "channel", "thread", "file",
	"folder", "upload", "image", "video", "comment", "review", "rating", "tag", "label", "page",
	"token", "config", "setting", "option", "feature", "flag", "limit", "quota", "region", "zone",
	"cluster", "node", "service", "endpoint", "route", "handler", "client", "server", "store", "index",
	"schema", "table", "column", "row", "query", "filter", "sort", "cursor", "offset", "total",
}

var verbs = []string{
	"load", "save", "fetch", "update", "delete", "create", "render", "parse", "format", "validate",
	"sync", "build", "apply", "merge", "split", "send", "receive", "check", "compute", "resolve",
	"encode", "decode", "open", "close", "start", "stop", "retry", "flush", "list", "find",
}

// adjectives qualify nouns in prose.
var adjectives = []string{
	"pending", "active", "stale", "new", "old", "large", "small", "primary", "default", "cached",
	"remote", "local", "shared", "private", "public", "first", "last", "next", "empty", "full",
}

// camel returns a camelCase identifier of a verb and n nouns.
func (g *gen) camel(n int) string {
	var b strings.Builder
	b.WriteString(g.pick(verbs))
	for range n {
		w := g.pick(nouns)
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// pascal returns a PascalCase type name of n nouns.
func (g *gen) pascal(n int) string {
	var b strings.Builder
	for range n {
		w := g.pick(nouns)
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// snake returns a snake_case name of a verb and n nouns.
func (g *gen) snake(n int) string {
	parts := []string{g.pick(verbs)}
	for range n {
		parts = append(parts, g.pick(nouns))
	}
	return strings.Join(parts, "_")
}

// noun returns a random noun.
func (g *gen) noun() string { return g.pick(nouns) }

// sentence returns a sentence of about n words.
func (g *gen) sentence(n int) string {
	words := make([]string, 0, n)
	for i := 0; i < n; i++ {
		switch i % 4 {
		case 0:
			words = append(words, g.pick(verbs)+"s")
		case 1:
			words = append(words, "the")
		case 2:
			words = append(words, g.pick(adjectives))
		default:
			words = append(words, g.pick(nouns))
		}
	}
	s := strings.Join(words, " ")
	return strings.ToUpper(s[:1]) + s[1:] + "."
}
