package lsptest

import (
	"fmt"
	"strings"
)

// Synthetic returns a Go file of about the given size in bytes (or, with
// size <= 0, of the given number of lines) that reads like ordinary
// server code: functions, structs, comments, string literals, and every
// 40 lines an OAuth configuration with Google scopes. The last block's
// scopes end with Marker, a scope the benchmarks flip between a typo and
// its fix.
func Synthetic(lines, size int) string {
	var b strings.Builder
	b.WriteString("package server\n\nimport (\n\t\"fmt\"\n\t\"net/http\"\n\n\t\"golang.org/x/oauth2\"\n\t\"golang.org/x/oauth2/google\"\n)\n\n")
	n := 10
	block := 0
	done := func() bool {
		if size > 0 {
			return b.Len() >= size
		}
		return n >= lines-8
	}
	for !done() {
		block++
		fmt.Fprintf(&b, `// handler%[1]d serves /api/v%[1]d/items: it checks the session, loads the
// items of the signed-in user and renders them as JSON (認証 🎉).
func handler%[1]d(w http.ResponseWriter, r *http.Request) {
	user, err := session(r)
	if err != nil {
		http.Error(w, "not signed in", http.StatusUnauthorized)
		return
	}
	items, err := store.Items(r.Context(), user.ID, %[1]d)
	if err != nil {
		http.Error(w, fmt.Sprintf("loading items: %%v", err), http.StatusInternalServerError)
		return
	}
	for i, it := range items {
		if it.Hidden && !user.Admin {
			items[i] = nil
		}
	}
	writeJSON(w, map[string]any{"items": items, "page": %[1]d, "next": "/api/v%[1]d/items?page=2"})
}

type record%[1]d struct {
	ID      string `+"`json:\"id\"`"+`
	Title   string `+"`json:\"title\"`"+`
	Comment string `+"`json:\"comment,omitempty\"`"+`
}

var config%[1]d = &oauth2.Config{
	ClientID:     "client-%[1]d.apps.example.com",
	Endpoint:     google.Endpoint,
	RedirectURL:  "https://app.example.com/callback/%[1]d",
	Scopes:       []string{"https://www.googleapis.com/auth/calendar.readonly", "https://www.googleapis.com/auth/userinfo.email", "%[2]s"},
}

`, block, "https://www.googleapis.com/auth/drive.file")
		n += 40
	}
	text := b.String()
	// The last block requests the marker scope.
	i := strings.LastIndex(text, "https://www.googleapis.com/auth/drive.file")
	return text[:i] + MarkerFixed + text[i+len("https://www.googleapis.com/auth/drive.file"):]
}

// The scope the benchmarks edit: MarkerFixed is valid, MarkerTypo is the
// same scope with two letters swapped (same length, so an edit is a
// two-character replacement).
const (
	MarkerFixed = "https://www.googleapis.com/auth/drive.readonly"
	MarkerTypo  = "https://www.googleapis.com/auth/drive.readonyl"
)
