package analysis

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/scopels/scopels/analysis/extract"
	"github.com/scopels/scopels/catalog"
)

// Evidence weights: how much one piece of evidence counts for a provider.
// The strongest kinds (project file, scope shape) outweigh any number of
// the weaker ones.
const (
	weightProjectPath = 10000
	weightClient      = 8000
	weightURLHost     = 2000
	weightShape       = 1000
	weightContextName = 300
	weightUniqueHit   = 120
	weightGenericHit  = 10
	weightNearbyWord  = 250
	weightFoldHit     = 40
	weightSharedHit   = 20
	weightFileSignal  = 60
	weightFileHost    = 100
)

// fileEvidence is what a whole file says about providers: signals (import
// paths, SDK names, env names) and authorize URLs found in its text.
type fileEvidence struct {
	score  map[string]int
	reason map[string]string
}

// collectFileEvidence scans src once for every provider's signals and
// authorize URLs. It runs once per file, and only for files that have
// scope sets.
func collectFileEvidence(src []byte, cat *catalog.Catalog) *fileEvidence {
	ev := &fileEvidence{score: map[string]int{}, reason: map[string]string{}}
	signals := map[string]int{}
	hosts := map[string]bool{}
	cat.Evidence().Find(src, func(e catalog.Evidence) {
		if e.URL {
			if !hosts[e.Provider] {
				hosts[e.Provider] = true
				ev.score[e.Provider] += weightFileHost
				if ev.reason[e.Provider] == "" {
					ev.reason[e.Provider] = "the file has an authorize URL on " + e.Text
				}
			}
			return
		}
		if signals[e.Provider] >= 3 || strings.EqualFold(e.Text, e.Provider) {
			// A bare provider name anywhere in a file ("bitbucket" in a
			// CLI flag) says little; nearby and context words cover it.
			return
		}
		signals[e.Provider]++
		ev.score[e.Provider] += weightFileSignal
		if ev.reason[e.Provider] == "" {
			ev.reason[e.Provider] = "the file mentions " + e.Text
		}
	})
	return ev
}

// providerWords maps words seen in keys, paths and calls to providers, for
// names that differ from the provider's own ("azure", "msal", "twitter").
var providerWords = map[string]string{
	"azure": "microsoft", "azuread": "microsoft", "msal": "microsoft", "entra": "microsoft", "msgraph": "microsoft",
	"graph": "microsoft", "aad": "microsoft", "office365": "microsoft", "outlook": "microsoft",
	"googleoauth2": "google", "gcp": "google", "gcloud": "google", "gke": "google", "firebase": "google", "gmail": "google",
	"twitter": "x", "quickbooks": "intuit", "qbo": "intuit", "cognito": "aws-cognito", "jira": "atlassian",
	"confluence": "atlassian", "sfdc": "salesforce", "meta": "facebook", "instagram": "facebook",
}

// contextProvider looks for a provider's name as a word in the literal's
// key, path and call (SLACK_SCOPES, registration.github.scope,
// GitHubProvider, SOCIAL_AUTH_GOOGLE_OAUTH2_SCOPE).
func contextProvider(cat *catalog.Catalog, lit *extract.Literal, extra []string) (string, string) {
	if containsFold(lit.Path, "oauth_config") && cat.Provider("slack") != nil {
		return "slack", "oauth_config" // a Slack app manifest
	}
	names := append([]string{lit.Key, lit.Call}, lit.Path...)
	names = append(names, extra...)
	for _, n := range names {
		for _, w := range splitWords(n) {
			if commonWord[w] || w == "x" && (strings.HasPrefix(n, "X-") || strings.HasPrefix(n, "x-")) {
				continue // "threads" of mail, "meta" data, X-OAuth-Scopes headers
			}
			if p := cat.Provider(w); p != nil && w != "oidc" {
				return p.Name, n
			}
			if pn, ok := providerWords[w]; ok && cat.Provider(pn) != nil {
				return pn, n
			}
		}
	}
	return "", ""
}

// splitWords splits an identifier or key into lower-case words at
// underscores, dashes, dots, slashes and lower-to-upper case changes.
func splitWords(s string) []string {
	var words []string
	var cur []byte
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			cur = append(cur, c)
		case 'A' <= c && c <= 'Z':
			if i > 0 && ('a' <= s[i-1] && s[i-1] <= 'z' || '0' <= s[i-1] && s[i-1] <= '9') {
				flush()
			} else if i > 0 && 'A' <= s[i-1] && s[i-1] <= 'Z' && i+1 < len(s) && 'a' <= s[i+1] && s[i+1] <= 'z' {
				flush() // "OAuthProvider": "O", "Auth"... keep acronyms together
			}
			cur = append(cur, c)
		default:
			flush()
		}
	}
	flush()
	// Also the whole name, for "googleoauth2" style keys.
	if len(words) > 1 {
		words = append(words, strings.ToLower(strings.Join(words, "")))
	}
	return words
}

// candidate is one provider's tally in inferProvider.
type candidate struct {
	provider string
	score    int
	// strong is set by evidence beyond plain words that many providers
	// and applications use as scope names ("read", "admin").
	strong bool
	// why is the reason given for the provider: a format with one verb
	// and its argument arg, formatted only for the winner.
	why, arg string
}

// reason returns the candidate's reason as text.
func (c *candidate) reason() string {
	if c.arg == "" && !strings.Contains(c.why, "%") {
		return c.why
	}
	return fmt.Sprintf(c.why, c.arg)
}

// inferProvider picks the provider of a set from every kind of evidence.
func (e *engine) inferProvider(set *ScopeSet) {
	// A set has one to a few candidates: a slice beats maps.
	cands := make([]candidate, 0, 8)
	add := func(p string, w int, why, arg string) {
		if e.cat.Provider(p) == nil || p == "oidc" {
			return
		}
		i := 0
		for i < len(cands) && cands[i].provider != p {
			i++
		}
		if i == len(cands) {
			cands = append(cands, candidate{provider: p})
		}
		c := &cands[i]
		if w != weightGenericHit {
			c.strong = true
		}
		c.score += w
		if c.why == "" || w >= weightShape {
			c.why, c.arg = why, arg
		}
	}
	// The project file: paths and clients.
	for _, p := range e.pathProviders {
		add(p, weightProjectPath, "the project file maps this path to it", "")
	}
	if e.clientProvider != "" {
		add(e.clientProvider, weightClient, "the project file's client for this path uses it", "")
	}
	// The URL's host.
	if set.InURL {
		if host := e.urlHost(set.Literals[0]); host != "" {
			for _, p := range e.cat.Providers() {
				for _, h := range p.AuthorizeHosts {
					if hostMatches(host, h) {
						add(p.Name, weightURLHost, "the URL's host is %s", host)
					}
				}
			}
		}
	}
	// The context's words.
	var extra []string
	for _, l := range set.Literals {
		if p, n := contextProvider(e.cat, l, extra); p != "" {
			add(p, weightContextName, "the context %q names it", n)
			break
		}
	}
	// The tokens: shape and catalog hits.
	for _, t := range set.Tokens {
		if t.Text == "*" || strings.ContainsAny(t.Text, "${}<>%") {
			continue // a wildcard or template says nothing about the provider
		}
		if owner := shapeOwner(e.cat, t.Text); owner != "" {
			add(owner, weightShape, "%q has its shape", t.Text)
			continue
		}
		owners := e.cat.Owners(t.Text)
		if len(owners) == 0 {
			owners = e.cat.OwnersFold(t.Text)
			// A bare word that matches only in another case ("ID" for
			// Salesforce's id) is as weak as a plain word.
			w := weightFoldHit
			if isPlainWord(strings.ToLower(t.Text)) {
				w = weightGenericHit
			}
			for _, s := range owners {
				add(s.Provider, w, "%q is one of its scopes", t.Text)
			}
			continue
		}
		distinct := map[string]bool{}
		for _, s := range owners {
			distinct[s.Provider] = true
		}
		for p := range distinct {
			if isPlainWord(t.Text) {
				add(p, weightGenericHit, "%q is one of its scopes", t.Text)
			} else if len(distinct) == 1 {
				add(p, weightUniqueHit, "%q is one of its scopes", t.Text)
			} else {
				add(p, weightSharedHit, "%q is one of its scopes", t.Text)
			}
		}
	}
	// Provider names in the code around the set: the enclosing call or
	// block (provider :github, Socialite::driver('facebook'), Google({...})).
	// Only needed when nothing strong has spoken yet: the scan is the
	// costliest evidence.
	strongest := 0
	for _, c := range cands {
		strongest = max(strongest, c.score)
	}
	if strongest < weightShape {
		if p, word := e.nearbyProvider(set); p != "" {
			add(p, weightNearbyWord, "the code around it names %s", word)
		}
	}
	// The file's signals.
	fe := e.fileEvidence()
	for p, w := range fe.score {
		if w > 0 {
			add(p, w, "%s", fe.reason[p])
		}
	}
	best := -1
	for i, c := range cands {
		if c.strong && (best < 0 || c.score > cands[best].score) {
			best = i
		}
	}
	if best < 0 {
		return
	}
	// A tie between unrelated providers leaves the provider unknown.
	for i, c := range cands {
		if i != best && c.score == cands[best].score {
			return
		}
	}
	set.Provider = e.cat.Provider(cands[best].provider)
	set.Evidence = cands[best].reason()
	set.Confidence = cands[best].score
}

// shapeOwner returns the provider whose scope shape tok has: a prefix only
// one provider uses (https://www.googleapis.com/auth/, graph.microsoft.com,
// a custom provider's api.), or "" when none does.
func shapeOwner(cat *catalog.Catalog, tok string) string {
	owner := ""
	for _, p := range cat.Providers() {
		for _, pre := range p.Prefixes {
			if len(pre) < 4 || !strings.HasPrefix(tok, pre) || len(tok) == len(pre) {
				continue
			}
			// Plain-word prefixes ("read_", "crm.objects.") are patterns, not shapes.
			if !strings.Contains(pre, "://") && !strings.Contains(pre, "/") && !p.Custom {
				continue
			}
			if owner != "" && owner != p.Name {
				return ""
			}
			owner = p.Name
		}
	}
	if owner == "" && strings.HasSuffix(tok, "/.default") && cat.Provider("microsoft") != nil {
		return "microsoft"
	}
	return owner
}

// hostMatches reports whether host is pattern, or matches a "*." pattern.
func hostMatches(host, pattern string) bool {
	host = strings.ToLower(host)
	if strings.HasPrefix(pattern, "*.") {
		return strings.HasSuffix(host, pattern[1:])
	}
	return host == pattern
}

// urlHost returns the host of the URL whose query holds the URL literal
// lit, or "" when the query stands alone.
func (e *engine) urlHost(lit *extract.Literal) string {
	src := e.file.Src
	// Walk back from the parameter to the start of the URL.
	i := lit.Span.Start
	for i > 0 {
		c := src[i-1]
		if c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '(' {
			break
		}
		i--
	}
	u := string(src[i:lit.Span.Start])
	_, rest, ok := strings.Cut(u, "://")
	if !ok {
		return ""
	}
	host, _, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, "?")
	host, _, _ = strings.Cut(host, ":")
	return host
}

// isPlainWord reports whether tok is a bare lower-case word ("read",
// "admin", "files"): a scope name too common to tell providers apart.
func isPlainWord(tok string) bool {
	for i := 0; i < len(tok); i++ {
		if c := tok[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// nearbyWindow is how far before a set (in bytes) the code is searched for
// a provider's name.
const nearbyWindow = 400

// nearbyProvider returns the provider named by the identifier or string
// nearest before the set's first literal, within nearbyWindow bytes and
// not before the previous blank line: the call or block the set belongs
// to. Names that are also common words ("box", "x") are not taken.
func (e *engine) nearbyProvider(set *ScopeSet) (provider, word string) {
	src := e.file.Src
	end := set.Literals[0].Span.Start
	start := max(0, end-nearbyWindow)
	if i := bytes.LastIndex(src[start:end], []byte("\n\n")); i >= 0 {
		start += i + 2
	}
	// Scan words backwards.
	i := end
	for i > start {
		for i > start && !isIdentByte(src[i-1]) {
			i--
		}
		j := i
		for j > start && isIdentByte(src[j-1]) {
			j--
		}
		if j == i {
			break
		}
		w := string(src[j:i])
		if domainLabel(src, i) {
			// "google" in http://google.com/cb: a host in a test URL, not
			// the code's provider (authorize hosts count as URL evidence).
			i = j
			continue
		}
		if p := e.wordProvider(w); p != "" {
			return p, w
		}
		i = j
	}
	return "", ""
}

// providerInWord finds a distinctive provider name (five letters or more)
// inside an identifier: AddGitHub, GoogleProvider, useSlackAuth.
func (e *engine) providerInWord(w string) string {
	parts := splitWords(w)
	if len(parts) > 1 {
		parts = parts[:len(parts)-1] // drop the joined whole
	}
	// Runs of two or three consecutive parts: Git+Hub, Linked+In.
	for i := range parts {
		joined := parts[i]
		for j := i + 1; j < len(parts) && j < i+3; j++ {
			joined += parts[j]
			if p := e.cat.Provider(joined); p != nil && len(p.Scopes) > 0 && len(joined) >= 5 {
				return p.Name
			}
		}
	}
	return ""
}

// shareFileProvider gives sets without a provider the one provider that
// the file's other sets were attributed to with strong evidence, when
// there is exactly one: the scopes "elsewhere in the same file".
func (e *engine) shareFileProvider(sets []*ScopeSet) {
	var only *catalog.Provider
	for _, s := range sets {
		if s.Provider == nil || s.Confidence < weightUniqueHit {
			continue
		}
		if only != nil && only != s.Provider {
			return
		}
		only = s.Provider
	}
	if only == nil {
		return
	}
	for _, s := range sets {
		if s.Provider == nil {
			s.Provider = only
			s.Evidence = "the file's other scopes are " + only.Title + "'s"
			s.Confidence = weightSharedHit
		}
	}
}

func isIdentByte(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// domainLabel reports whether the word ending at src[i] is followed by a
// common top-level domain (".com", ".org", ...), so that it is part of a
// host name.
func domainLabel(src []byte, i int) bool {
	for _, tld := range []string{".com", ".org", ".net", ".io", ".dev", ".co"} {
		if bytes.HasPrefix(src[i:], []byte(tld)) {
			k := i + len(tld)
			if k == len(src) || !isIdentByte(src[k]) {
				return true
			}
		}
	}
	return false
}

// commonWord are other names of providers that are also everyday words in
// code: mail threads, metadata.
var commonWord = map[string]bool{"threads": true, "meta": true}

// wordProvider returns the provider an identifier names ("" for none),
// remembering the answer: the same identifiers recur around every set of
// a file.
func (e *engine) wordProvider(w string) string {
	if p, ok := e.words[w]; ok {
		return p
	}
	p := e.providerInWord(w)
	if p == "" {
		for _, part := range splitWords(w) {
			if len(part) < 4 || part == "oidc" || part == "scope" || part == "scopes" || commonWord[part] {
				continue
			}
			if cp := e.cat.Provider(part); cp != nil && len(cp.Scopes) > 0 {
				p = cp.Name
				break
			}
			if pn, ok := providerWords[part]; ok && e.cat.Provider(pn) != nil {
				p = pn
				break
			}
		}
	}
	if e.words == nil {
		e.words = map[string]string{}
	}
	e.words[w] = p
	return p
}
