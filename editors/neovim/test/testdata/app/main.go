package main

import "golang.org/x/oauth2"

var conf = &oauth2.Config{
	// 認証 🎉
	Scopes: []string{"https://www.googleapis.com/auth/calendar" /* 🎉日本 */, "https://www.googleapis.com/auth/drive.readonyl"},
}
