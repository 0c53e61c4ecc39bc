package main

import (
	"strings"
)

// describe returns a short description of scope s of provider, written by
// rule from the scope's name and API (never taken from provider docs), and
// whether the rule understood the name. When it did not, the caller may
// fall back to the source's own short wording.
func describe(provider string, s *srcScope) (string, bool) {
	if d, ok := overrides[provider][s.Name]; ok {
		return d, true
	}
	return describeByRule(provider, s)
}

// describeByRule is describe without the hand-written overrides: the
// description the naming rules alone give.
func describeByRule(provider string, s *srcScope) (string, bool) {
	switch provider {
	case "google":
		return describeGoogle(s)
	case "microsoft":
		return describeMicrosoft(s)
	}
	if d, ok := commonScopes[s.Name]; ok {
		return d, true
	}
	return describeGeneric(provider, s.Name)
}

// commonScopes are the OpenID Connect and OAuth names many providers share.
var commonScopes = map[string]string{
	"openid":         "Sign the user in with OpenID Connect (ID token)",
	"profile":        "Read the user's basic profile (name, picture)",
	"email":          "Read the user's email address",
	"address":        "Read the user's postal address",
	"phone":          "Read the user's phone number",
	"offline_access": "Get a refresh token for offline access",
}

// verb is an action word of a scope name and how a description starts.
type verb struct {
	text string
	rank int // the lowest rank among a name's verbs is its main action
}

var verbs = map[string]verb{
	"read": {"Read", 1}, "view": {"View", 1}, "list": {"List", 1}, "write": {"Write", 1},
	"edit": {"Edit", 1}, "modify": {"Modify", 1}, "update": {"Update", 1}, "create": {"Create", 1},
	"delete": {"Delete", 1}, "remove": {"Remove", 1}, "manage": {"Manage", 1}, "management": {"Manage", 1},
	"send": {"Send", 1}, "upload": {"Upload", 1}, "publish": {"Publish", 1}, "share": {"Share", 1},
	"search": {"Search", 1}, "history": {"Read history of", 1}, "import": {"Import", 1},
	"export": {"Export", 1}, "ingest": {"Ingest", 1}, "join": {"Join", 1}, "invoke": {"Invoke", 1},
	"register": {"Register", 1}, "execute": {"Execute", 1}, "moderate": {"Moderate", 1},
	"readonly": {"Read-only access to", 1}, "readwrite": {"Read and write", 1},
	"writeonly": {"Write-only access to", 1}, "appendonly": {"Append to", 1}, "insert": {"Insert", 1},
	"compose": {"Compose", 1}, "lookup": {"Look up", 1}, "retrieval": {"Retrieve", 1},
	"admin": {"Fully manage", 2},
}

// qualifierWords, when not the main action, become a note in parentheses.
var qualifierWords = map[string]string{
	"admin":     "admin",
	"master":    "master account",
	"moderator": "as moderator",
}

// namePrefixes are leading words of some providers' names that say which
// API the scope belongs to rather than what it grants.
var namePrefixes = map[string]map[string]string{
	"shopify": {
		"unauthenticated": "Storefront API",
		"customer":        "Customer Account API",
	},
}

// adjectives that read better before the object ("private playlists").
var adjectives = map[string]bool{"private": true, "public": true, "collaborative": true}

// style adjusts the generic rule to one provider's naming.
type style struct {
	verbs  map[string]verb   // extra action words (LinkedIn's r_, w_, rw_)
	words  map[string]string // written forms of the provider's own words
	drop   map[string]bool   // words that say nothing (Intuit's com.intuit.quickbooks)
	bare   string            // how a name without an action reads; %s is the object
	plural bool              // a one-word object is a kind of thing: pluralize it
}

var styles = map[string]style{
	"linkedin": {
		verbs: map[string]verb{"r": {"Read", 1}, "w": {"Write", 1}, "rw": {"Read and write", 1}},
		words: map[string]string{"liteprofile": "lite profile", "basicprofile": "basic profile",
			"fullprofile": "full profile", "emailaddress": "email address", "dmp": "DMP", "1st": "first-degree"},
	},
	"facebook": {words: map[string]string{"threads": "Threads", "cta": "CTA"}},
	"bitbucket": {bare: "Read %s", plural: true, words: map[string]string{"pullrequest": "pull request"},
		drop: map[string]bool{"bitbucket": true}},
	"x":      {plural: true},
	"zoom":   {plural: true, words: map[string]string{"imchat": "IM chat"}},
	"xero":   {bare: "Read and write %s"},
	"fitbit": {bare: "Access the user's %s data"},
	"intuit": {drop: map[string]bool{"com": true, "intuit": true, "quickbooks": true}, bare: "Access QuickBooks %s"},
	"salesforce": {words: map[string]string{"cdp": "Data Cloud", "einstein": "Einstein", "gpt": "GPT",
		"pardot": "Pardot", "sfap": "SFAP", "scrt": "SCRT", "pwdless": "passwordless", "chatter": "Chatter",
		"identityresolution": "identity resolution"}},
	"slack":       {words: map[string]string{"dnd": "Do Not Disturb", "im": "direct messages", "mpim": "group direct messages"}},
	"spotify":     {words: map[string]string{"ugc": "user-generated", "soa": "Spotify Open Access"}},
	"liveconnect": {words: map[string]string{"skydrive": "OneDrive (SkyDrive)"}, bare: "Read the user's %s"},
	"hubspot":     {words: map[string]string{"e": "e-", "commerce": "commerce"}},
	"okta":        {words: map[string]string{"oauth": "OAuth", "okta": "Okta"}},
}

// describeGeneric describes names built of an action and an object in any
// order and with any separator: "read:org", "channels:history",
// "write_products", "tweet.read", "user-read-playback-state",
// "okta.users.manage", "channel:read:ads".
func describeGeneric(provider, name string) (string, bool) {
	st := styles[provider]
	if provider == "atlassian" {
		name = atlassianProductFirst(name)
	}
	words := splitWords(name)
	// The provider's own name in front says nothing ("okta.users.read").
	if len(words) > 1 && words[0] == provider {
		words = words[1:]
	}
	var ws []string
	for _, w := range words {
		if !st.drop[w] {
			ws = append(ws, w)
		}
	}
	if provider == "hubspot" {
		ws = hubspotObjects(ws)
	}
	if len(ws) == 0 {
		return "", false
	}
	var notes []string
	if pre, ok := namePrefixes[provider][ws[0]]; ok && len(ws) > 1 {
		notes = append(notes, pre)
		ws = ws[1:]
	}
	// Merge two-word actions.
	var merged []string
	for i := 0; i < len(ws); i++ {
		if i+1 < len(ws) {
			switch ws[i] + " " + ws[i+1] {
			case "read write":
				merged = append(merged, "readwrite")
				i++
				continue
			case "read only":
				merged = append(merged, "readonly")
				i++
				continue
			}
		}
		merged = append(merged, ws[i])
	}
	ws = merged
	verbOf := func(w string) (verb, bool) {
		if v, ok := st.verbs[w]; ok {
			return v, true
		}
		v, ok := verbs[w]
		return v, ok
	}
	// The main action is the last of the lowest rank ("list.read" reads).
	vi := -1
	for i, w := range ws {
		if v, ok := verbOf(w); ok {
			if vi < 0 {
				vi = i
				continue
			}
			if cur, _ := verbOf(ws[vi]); v.rank <= cur.rank {
				vi = i
			}
		}
	}
	// Role words that are not the main action become notes.
	var rest []string
	newVI := -1
	for i, w := range ws {
		if q, ok := qualifierWords[w]; ok && i != vi && len(ws) > 1 {
			notes = append(notes, q)
			continue
		}
		if i == vi {
			newVI = len(rest)
		}
		rest = append(rest, w)
	}
	ws, vi = rest, newVI
	wr := writer{st: st}
	var d string
	if vi < 0 {
		bare := st.bare
		if bare == "" {
			bare = "Access %s"
		}
		obj := wr.ownerPhrase(ws)
		if strings.HasPrefix(obj, "the user's") && st.bare == "" {
			bare = "Read %s"
		}
		if st.plural && len(ws) == 1 {
			obj = wr.phrase(plural(ws))
		}
		d = strings.Replace(bare, "%s", obj, 1)
	} else {
		v, _ := verbOf(ws[vi])
		d = v.text
		a, b := ws[:vi], ws[vi+1:]
		if st.plural && len(b) == 0 && len(a) == 1 {
			a = plural(a)
		}
		if obj := wr.object(a, b); obj != "" {
			d += " " + obj
		}
	}
	d = strings.TrimSpace(d)
	if len(notes) > 0 {
		d += " (" + strings.Join(notes, ", ") + ")"
	}
	return capitalize(d), true
}

// atlassianProductFirst moves the product of a granular Atlassian scope
// ("read:issue:jira") in front of its object ("read:jira-issue").
func atlassianProductFirst(name string) string {
	parts := strings.Split(name, ":")
	if len(parts) != 3 {
		return name
	}
	return parts[0] + ":" + parts[2] + "-" + parts[1]
}

// hubspotObjects shortens HubSpot's crm.objects.<x> to CRM <x> and
// crm.schemas.<x> to CRM <x> schemas.
func hubspotObjects(ws []string) []string {
	if len(ws) < 3 || ws[0] != "crm" {
		return ws
	}
	switch ws[1] {
	case "objects":
		return append([]string{"crm"}, ws[2:]...)
	case "schemas":
		out := []string{"crm"}
		for _, w := range ws[2:] {
			if _, ok := verbs[w]; ok {
				out = append(out, "schemas")
			}
			out = append(out, w)
		}
		return out
	}
	return ws
}

// writer writes words in a provider's style.
type writer struct{ st style }

func (wr writer) phrase(ws []string) string {
	if len(wr.st.words) == 0 {
		return phrase(ws)
	}
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if p, ok := wr.st.words[w]; ok {
			out = append(out, p)
		} else {
			out = append(out, word(w))
		}
	}
	return strings.Join(out, " ")
}

// object writes the object of an action from the words before (a) and
// after (b) the action word.
func (wr writer) object(a, b []string) string {
	if len(b) > 1 && b[len(b)-1] == "all" {
		return "all " + wr.object(a, b[:len(b)-1])
	}
	switch {
	case len(a) == 0 && len(b) == 0:
		return ""
	case len(a) > 0 && len(b) == 1 && b[0] == "all":
		return "all " + wr.phrase(a)
	case len(a) > 0 && len(b) == 1 && b[0] == "self":
		return "own " + wr.phrase(plural(a))
	case len(a) > 0 && len(b) == 1 && adjectives[b[0]]:
		return b[0] + " " + wr.phrase(plural(a))
	case len(a) > 0 && len(b) > 0:
		if owner := possessive(a); owner != "" {
			return owner + " " + wr.phrase(b)
		}
		if contains(b, a) {
			return wr.phrase(b)
		}
		return wr.phrase(b) + " of " + wr.phrase(a)
	case len(a) > 0:
		return wr.phrase(a)
	default:
		return wr.phrase(b)
	}
}

// contains reports whether the words of a all occur in b, ignoring a
// plural "s" ("meeting" in "list meetings").
func contains(b, a []string) bool {
	for _, x := range a {
		found := false
		for _, y := range b {
			if y == x || y == x+"s" {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// possessive returns "the user's" for an owner word.
func possessive(a []string) string {
	if len(a) != 1 {
		return ""
	}
	switch a[0] {
	case "user":
		return "the user's"
	case "channel":
		return "the channel's"
	}
	return ""
}

// ownerPhrase writes "user birthday" as "the user's birthday".
func (wr writer) ownerPhrase(ws []string) string {
	if len(ws) > 1 {
		if owner := possessive(ws[:1]); owner != "" {
			return owner + " " + wr.phrase(ws[1:])
		}
	}
	return wr.phrase(ws)
}
