package main

import (
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// sharedGoogle is a small shared Google source for the supplement tests.
const sharedGoogle = `{"provider":"google","delimiter":"space","authorize_hosts":["accounts.google.com"],
	"prefixes":["https://www.googleapis.com/auth/"],
	"source":[{"repo":"o/r","path":"a.json","commit":"c1"}],
	"scopes":[
	  {"name":"https://www.googleapis.com/auth/drive.readonly","short":"drive.readonly","api":"drive","apis":["drive:v3"],"deprecated":false,"replaced_by":null,"doc_url":null},
	  {"name":"https://www.googleapis.com/auth/calendar","short":"calendar","api":"calendar","apis":["calendar:v3"],"deprecated":false,"replaced_by":null,"doc_url":null}]}`

// suppJSON returns a supplement file for google with the given scope
// entries (JSON objects).
func suppJSON(scopes ...string) string {
	return `{"provider":"google","note":"test","scopes":[` + strings.Join(scopes, ",") + `]}`
}

// suppEntry returns a well-formed supplement scope entry for short.
func suppEntry(short string) string {
	return `{"name":"https://www.googleapis.com/auth/` + short + `","short":"` + short + `","api":"container",
		"apis":["container:v1"],"deprecated":false,"replaced_by":null,"sensitivity":null,
		"doc_url":"https://example.org/gke","status":"current","origin":"library",
		"source":[{"module":"example.org/api","version":"v1.2.3","path":"container/v1/container-gen.go","const":"ContainerScope"}]}`
}

func sharedSources(t *testing.T) []*srcProvider {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "google.json"), []byte(sharedGoogle), 0o644); err != nil {
		t.Fatal(err)
	}
	srcs, err := readSources(dir)
	if err != nil {
		t.Fatal(err)
	}
	return srcs
}

// TestSupplementMerge checks that good supplement entries are appended
// after the shared scopes and that every kind of bad one fails the merge
// with a message naming the problem.
func TestSupplementMerge(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		err   string // "" when the merge must succeed
	}{
		{"ok", map[string]string{"google.json": suppJSON(suppEntry("container"), suppEntry("container.read-only"))}, ""},
		{"shadows a shared scope", map[string]string{"google.json": suppJSON(suppEntry("container"), suppEntry("drive.readonly"))},
			`"https://www.googleapis.com/auth/drive.readonly" is already in the shared source`},
		{"listed twice", map[string]string{"google.json": suppJSON(suppEntry("container"), suppEntry("container"))}, "listed twice"},
		{"no source", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"),
			`"source":[{"module":"example.org/api","version":"v1.2.3","path":"container/v1/container-gen.go","const":"ContainerScope"}]`, `"source":[]`, 1))},
			"has no source"},
		{"source without constant", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"), `"const":"ContainerScope"`, `"const":""`, 1))},
			"without module, version, path and constant"},
		{"source without version", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"), `"version":"v1.2.3"`, `"version":""`, 1))},
			"without module, version, path and constant"},
		{"source path escapes", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"), `"path":"container/v1/container-gen.go"`, `"path":"../x.go"`, 1))},
			"not clean and relative"},
		{"provider wording", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"), `"status"`, `"description":"See your data","status"`, 1))},
			`unknown field "description"`},
		{"short form mismatch", map[string]string{"google.json": suppJSON(strings.Replace(suppEntry("container"), `"short":"container"`, `"short":"gke"`, 1))},
			"does not end in"},
		{"not understood by the rules", map[string]string{"google.json": suppJSON(strings.NewReplacer(
			"https://www.googleapis.com/auth/container", "http://www.example.org/feeds/", `"short":"container"`, `"short":null`).Replace(suppEntry("container")))},
			"the description rules do not understand"},
		{"has an override", map[string]string{"google.json": suppJSON(suppEntry("drive"))}, "has a description override"},
		{"unknown provider", map[string]string{"nobody.json": `{"provider":"nobody","scopes":[]}`}, "no shared source for that provider"},
		{"file name mismatch", map[string]string{"other.json": suppJSON(suppEntry("container"))}, "does not match the file name"},
		{"empty name", map[string]string{"google.json": suppJSON(strings.NewReplacer(
			"https://www.googleapis.com/auth/container", " ", `"short":"container"`, `"short":null`).Replace(suppEntry("container")))},
			"empty or padded name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for name, text := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			srcs := sharedSources(t)
			supps, err := readSupplements(fsys)
			if err == nil {
				err = mergeSupplements(srcs, supps)
			}
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("merge error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			g := srcs[0]
			var names []string
			for _, s := range g.Scopes {
				names = append(names, strings.TrimPrefix(s.Name, googlePrefix))
			}
			if want := "drive.readonly calendar container container.read-only"; strings.Join(names, " ") != want {
				t.Errorf("merged scopes = %q, want %q (shared first, then the supplement in its order)", names, want)
			}
			last := g.Source[len(g.Source)-1]
			if last.Repo != "example.org/api@v1.2.3" || last.Path != "container/v1/container-gen.go" {
				t.Errorf("provenance of the supplement = %+v", last)
			}
		})
	}
}

// TestRunWithSupplement generates a catalog with a supplement and checks
// the supplement scope's output; a supplement that shadows a shared scope
// makes the whole run fail before anything is written.
func TestRunWithSupplement(t *testing.T) {
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "google.json"), []byte(sharedGoogle), 0o644); err != nil {
		t.Fatal(err)
	}
	good := fstest.MapFS{"google.json": {Data: []byte(suppJSON(suppEntry("container.read-only")))}}
	out := t.TempDir()
	if err := run(src, out, good, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "google.json"))
	if err != nil {
		t.Fatal(err)
	}
	var p outProvider
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if n := len(p.Scopes); n != 3 {
		t.Fatalf("%d scopes, want 3", n)
	}
	s := p.Scopes[2]
	if s.Name != googlePrefix+"container.read-only" || s.Short != "container.read-only" || s.API != "container" ||
		s.DocURL != "https://example.org/gke" || s.Description != "Read-only access to Google Kubernetes Engine" {
		t.Errorf("supplement scope = %+v", *s)
	}
	found := false
	for _, ps := range p.Provenance {
		if ps.Repo == "example.org/api@v1.2.3" && ps.Path == "container/v1/container-gen.go" {
			found = true
		}
	}
	if !found {
		t.Errorf("provenance %+v lacks the supplement's module", p.Provenance)
	}

	bad := fstest.MapFS{"google.json": {Data: []byte(suppJSON(suppEntry("calendar")))}}
	out2 := t.TempDir()
	if err := run(src, out2, bad, io.Discard); err == nil || !strings.Contains(err.Error(), "already in the shared source") {
		t.Fatalf("run with a shadowing supplement: %v", err)
	}
	if files, _ := filepath.Glob(filepath.Join(out2, "*.json")); len(files) != 0 {
		t.Errorf("a failed run wrote %q", files)
	}
}

// embeddedSupplements returns the supplement files built into the generator.
func embeddedSupplements(t *testing.T) []*suppFile {
	t.Helper()
	sub, err := fs.Sub(embeddedSupplement, "supplement")
	if err != nil {
		t.Fatal(err)
	}
	supps, err := readSupplements(sub)
	if err != nil {
		t.Fatal(err)
	}
	if len(supps) == 0 {
		t.Fatal("no supplement files embedded")
	}
	return supps
}

// TestEmbeddedSupplement checks the repo's own supplement: full Google
// names whose short form matches, complete provenance, and a non-empty
// description that the rules (not an override, not the fallback) write.
func TestEmbeddedSupplement(t *testing.T) {
	for _, sf := range embeddedSupplements(t) {
		seen := map[string]bool{}
		for i := range sf.Scopes {
			ss := &sf.Scopes[i]
			if msg := checkSuppScope(sf.Provider, ss, nil, seen); msg != "" {
				t.Error(msg)
			}
			seen[ss.Name] = true
			if sf.Provider == "google" {
				if !strings.HasPrefix(ss.Name, googlePrefix) || ss.Short == nil || googlePrefix+*ss.Short != ss.Name {
					t.Errorf("%s: short form %v does not match the name", ss.Name, ss.Short)
				}
				if ss.API == "" || len(ss.APIs) == 0 {
					t.Errorf("%s: no API", ss.Name)
				}
			}
			s := ss.toSource()
			d, ok := describeByRule(sf.Provider, &s)
			if !ok || strings.TrimSpace(d) == "" {
				t.Errorf("%s: the rules give no description", ss.Name)
				continue
			}
			if got := buildScope(sf.Provider, &s).Description; got != d {
				t.Errorf("%s: description %q is not the rules' %q", ss.Name, got, d)
			}
		}
	}
}

// TestSupplementMatchesModule checks every supplement fact against the Go
// module files it cites, when the module is in the local module cache:
// the constant declares the scope, the file's API id is among the scope's
// APIs, and the doc URL is the one the file of the scope's API states.
func TestSupplementMatchesModule(t *testing.T) {
	cache := os.Getenv("GOMODCACHE")
	if cache == "" {
		out, err := exec.Command("go", "env", "GOMODCACHE").Output()
		if err != nil {
			t.Skip("no module cache:", err)
		}
		cache = strings.TrimSpace(string(out))
	}
	apiIDRe := regexp.MustCompile(`(?m)^const apiId = "([^"]+)"$`)
	docRe := regexp.MustCompile(`(?m)^// For product documentation, see: (\S+)$`)
	checked := 0
	for _, sf := range embeddedSupplements(t) {
		for _, ss := range sf.Scopes {
			docs := map[string]bool{}
			for _, r := range ss.Source {
				file := filepath.Join(cache, r.Module+"@"+r.Version, filepath.FromSlash(r.Path))
				b, err := os.ReadFile(file)
				if os.IsNotExist(err) {
					continue
				}
				if err != nil {
					t.Fatal(err)
				}
				text := string(b)
				checked++
				if !strings.Contains(text, "\t"+r.Const+" = \""+ss.Name+"\"\n") {
					t.Errorf("%s: %s does not declare %s as this scope", ss.Name, r.Path, r.Const)
				}
				m := apiIDRe.FindStringSubmatch(text)
				if m == nil || !slices.Contains(ss.APIs, m[1]) {
					t.Errorf("%s: API id of %s is %q, not among %q", ss.Name, r.Path, m, ss.APIs)
					continue
				}
				if api, _, _ := strings.Cut(m[1], ":"); api == ss.API {
					if d := docRe.FindStringSubmatch(text); d != nil {
						docs[d[1]] = true
					} else {
						docs[""] = true
					}
				}
			}
			if len(docs) == 0 {
				continue
			}
			want := ""
			if len(docs) == 1 {
				for d := range docs {
					want = d
				}
			}
			got := ""
			if ss.DocURL != nil {
				got = *ss.DocURL
			}
			if got != want {
				t.Errorf("%s: doc_url %q, the module files state %q", ss.Name, got, want)
			}
		}
	}
	if checked == 0 {
		t.Skip("the supplement's modules are not in the module cache")
	}
}
