package project

import "testing"

func TestGlobMatch(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		want    bool
	}{
		{"mobile/**", "mobile/app/main.go", true},
		{"mobile/**", "mobile", true},
		{"mobile/**", "mobileapp/main.go", false},
		{"mobile/**", "web/mobile/main.go", false},
		{"mobile", "mobile/app/main.go", true}, // a folder covers what is below it
		{"mobile/", "mobile/app/main.go", true},
		{"./mobile/*.go", "mobile/main.go", true},
		{"/mobile/*.go", "mobile/main.go", true},
		{"mobile/*.go", "mobile/app/main.go", false},
		{"*.go", "main.go", true},
		{"*.go", "cmd/main.go", false}, // anchored at the project file's folder
		{"**/*.go", "cmd/main.go", true},
		{"**/*.go", "main.go", true},
		{"**/acme/**", "src/acme/client.ts", true},
		{"**/acme/**", "acme/client.ts", true},
		{"**/acme/**", "src/acmex/client.ts", false},
		{"a/**/b/**/c", "a/b/c", true},
		{"a/**/b/**/c", "a/x/y/b/z/c", true},
		{"a/**/b/**/c", "a/x/y/c", false},
		{"**", "anything/at/all", true},
		{"**", "", true},
		{"*", "", false},
		{"src/?.go", "src/a.go", true},
		{"src/?.go", "src/ab.go", false},
		{"src/[ab].go", "src/b.go", true},
		{"src/[^ab].go", "src/b.go", false},
		{"src/[^ab].go", "src/c.go", true},
		{`src/\*.go`, "src/*.go", true},
		{`src/\*.go`, "src/a.go", false},
		{"**/*.{js,ts}", "web/app.ts", true},
		{"**/*.{js,ts}", "web/app.tsx", false},
		{"{web,mobile}/**", "mobile/x", true},
		{"{web,mobile}/**", "server/x", false},
		{"src/{a,b{c,d}}/x", "src/bd/x", true},
		{"src/{a,b{c,d}}/x", "src/b/x", false},
		{"infra/**/*.tf", "infra/gcp/main.tf", true},
		{"infra/**/*.tf", "infra/main.tf", true},
		{"infra/**/*.tf", "infra/gcp/main.tfvars", false},
	}
	for _, tt := range tests {
		g, err := compileGlob(tt.pattern)
		if err != nil {
			t.Errorf("compileGlob(%q): %v", tt.pattern, err)
			continue
		}
		if got := g.match(tt.path); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

func TestGlobErrors(t *testing.T) {
	for _, p := range []string{"", "/", "a[", "a/[b", "{a,b", "a}", "a//b", "../x", "a/../b", "{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r}"} {
		if _, err := compileGlob(p); err == nil {
			t.Errorf("compileGlob(%q): want an error", p)
		}
	}
}

// TestGlobSpecificity checks the ranking used to put the most specific
// glob first.
func TestGlobSpecificity(t *testing.T) {
	order := []string{"infra/gcp/prod/**", "infra/gcp/**", "infra/**", "**/*.tf", "**"}
	for i := 1; i < len(order); i++ {
		a, _ := compileGlob(order[i-1])
		b, _ := compileGlob(order[i])
		if a.segs < b.segs || (a.segs == b.segs && a.literal <= b.literal) {
			t.Errorf("%q (segs %d, literal %d) should rank above %q (segs %d, literal %d)",
				order[i-1], a.segs, a.literal, order[i], b.segs, b.literal)
		}
	}
}

// TestMatchDeepDoubleStars checks that many `**` segments on a deep path
// stay cheap (the matcher is quadratic, not exponential).
func TestMatchDeepDoubleStars(t *testing.T) {
	g, err := compileGlob("**/**/**/**/**/**/**/**/**/**/**/**/z")
	if err != nil {
		t.Fatal(err)
	}
	path := ""
	for i := 0; i < 200; i++ {
		path += "a/"
	}
	if g.match(path + "b") {
		t.Error("want no match")
	}
	if !g.match(path + "z") {
		t.Error("want a match")
	}
}

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "abc", 0}, {"", "abc", 3}, {"provders", "providers", 1},
		{"reop", "repo", 1}, {"granted", "grnated", 1}, {"kitten", "sitting", 3},
	}
	for _, tt := range tests {
		if got := distance(tt.a, tt.b); got != tt.want {
			t.Errorf("distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	if got := nearest("warn", severityLevels[:]); got != "warning" {
		t.Errorf("nearest(warn) = %q, want warning", got)
	}
	if got := nearest("zz", topKeys[:]); got != "" {
		t.Errorf("nearest(zz) = %q, want none", got)
	}
}
