// Package drive signs users in with Google to read their Drive files.
//
// This is a scopels demo: it holds two classic mistakes on purpose. It is
// its own module so that the scopels module does not build it.
package drive

import (
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

// ReaderConfig lists a user's Drive files. The scope has a typo.
var ReaderConfig = &oauth2.Config{
	ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
	ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
	Endpoint:     google.Endpoint,
	RedirectURL:  "http://localhost:8080/callback",
	Scopes:       []string{"https://www.googleapis.com/auth/drive.readonyl"},
}

// ExportConfig exports files. Google wants the full scope URL here, not
// the short form some client libraries accept.
var ExportConfig = &oauth2.Config{
	ClientID:     os.Getenv("GOOGLE_CLIENT_ID"),
	ClientSecret: os.Getenv("GOOGLE_CLIENT_SECRET"),
	Endpoint:     google.Endpoint,
	Scopes:       []string{"drive.readonly"},
}
