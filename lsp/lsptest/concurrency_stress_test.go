package lsptest

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/analysis/checks"
	"github.com/scopels/scopels/project"
)

// stressEdits is the number of didChange notifications the stress test
// sends.
const stressEdits = 1000

// stressSource mixes a custom provider's scopes (checked against the
// project file's grants) with Google ones, non-ASCII text included so
// UTF-16 and byte columns differ.
const stressSource = `import requests  # 認証 🎉
# scopes of the mobile app
ACME_CLIENT_ID = "mobile"
SCOPES = ["api.read_profile", "api.write_multipass", "api.multipass", "api.read_profile"]
GOOGLE = ["https://www.googleapis.com/auth/drive.readonly", "https://www.googleapis.com/auth/calendar"]

def login(scope="api.read_profile api.write_multipass"):
    return requests.get("https://auth.acme.example/authorize?scope=api.read_profile%20api.multipass")
`

// stressProjectAfter is the project file written halfway through: the
// client is granted more and duplicates are no longer reported.
var stressProjectAfter = strings.Replace(acmeProject,
	"granted: [api.read_profile]", "granted: [api.read_profile, api.write_multipass]", 1) +
	"severity:\n  duplicate-scope: \"off\"\n"

// stressToggles are pairs of a right and a wrong spelling the edits flip
// between, so the text keeps producing findings.
var stressToggles = [][2]string{
	{"api.read_profile", "api.read_profil"},
	{"drive.readonly", "drive.readonyl"},
	{"api.write_multipass", "write_multipass"},
	{`", "`, `","`},
	{"calendar", "Calendar"},
}

// stressInserts are the texts inserted into comment lines.
var stressInserts = []string{" ", ",", "x", "🎉", "日", "é", "%20", "'", "scope"}

// stressEdit makes one random edit of text at character boundaries: most
// often a toggle of a spelling; else an insertion or deletion inside a
// comment line, a new comment line, or a comment line removed. Scope
// lines change only through toggles, so the text keeps its findings.
// It returns the byte range replaced and the new text.
func stressEdit(r *rand.Rand, text string) (start, end int, repl string) {
	var comments [][2]int // the comment lines, without their "\n"
	for off := 0; off < len(text); {
		eol := strings.IndexByte(text[off:], '\n')
		if eol < 0 {
			eol = len(text) - off
		}
		if strings.HasPrefix(text[off:], "#") {
			comments = append(comments, [2]int{off, off + eol})
		}
		off += eol + 1
	}
	k := r.IntN(20)
	if k < 12 {
		pair := stressToggles[r.IntN(len(stressToggles))]
		from, to := pair[0], pair[1]
		if r.IntN(2) == 0 {
			from, to = to, from
		}
		if n := strings.Count(text, from); n > 0 {
			i := -1
			for range r.IntN(n) + 1 {
				i += 1 + strings.Index(text[i+1:], from)
			}
			return i, i + len(from), to
		}
	}
	if k < 14 || len(comments) == 0 {
		// A new comment line at the start of a line.
		at := 0
		if n := strings.Count(text, "\n"); n > 0 {
			line := r.IntN(n)
			for range line {
				at += strings.IndexByte(text[at:], '\n') + 1
			}
		}
		return at, at, "# 🎉 note " + stressInserts[r.IntN(len(stressInserts))] + "\n"
	}
	c := comments[r.IntN(len(comments))]
	switch {
	case k < 17:
		at := charBoundary(text, c[0]+1+r.IntN(c[1]-c[0]))
		return at, at, stressInserts[r.IntN(len(stressInserts))]
	case k < 19 && c[1]-c[0] > 1:
		at := charBoundary(text, c[0]+1+r.IntN(c[1]-c[0]-1))
		_, size := utf8.DecodeRuneInString(text[at:])
		return at, min(at+size, c[1]), ""
	default:
		return c[0], min(c[1]+1, len(text)), "" // the whole line
	}
}

func charBoundary(s string, off int) int {
	for off > 0 && off < len(s) && !utf8.RuneStart(s[off]) {
		off--
	}
	return off
}

// TestConcurrencyStress sends stressEdits rapid didChange notifications
// (one or two changes each) while other goroutines keep sending
// completion, hover and codeAction requests, and rewrites the project file
// halfway through. Every request must be answered without error, pushes
// must never go back to an older version, and the diagnostics for the
// final version (pushed and pulled) must equal a fresh analysis of the
// final text with the final project file.
func TestConcurrencyStress(t *testing.T) {
	for _, enc := range []protocol.PositionEncodingKind{UTF16, UTF8} {
		t.Run(string(enc), func(t *testing.T) { runStress(t, enc) })
	}
}

func runStress(t *testing.T, enc protocol.PositionEncodingKind) {
	dir := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	c := session(t, enc, dir)
	path := filepath.Join(dir, "mobile", "app.py")
	u := uri.File(path)
	c.Open(u, "python", stressSource)

	var (
		mu      sync.Mutex
		current = stressSource // the text as last sent
		stop    = make(chan struct{})
		wg      sync.WaitGroup
		counts  [3]int
		errs    []error
	)
	snapshot := func() string {
		mu.Lock()
		defer mu.Unlock()
		return current
	}
	// Request senders: positions are taken from a recent text; the server
	// may already have a newer one, which is what editors do too.
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 7))
			for {
				select {
				case <-stop:
					return
				default:
				}
				text := snapshot()
				off := charBoundary(text, r.IntN(len(text)+1))
				pos := Position(text, off, enc)
				td := protocol.TextDocumentPositionParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}, Position: pos}
				ctx, cancel := c.Context()
				var err error
				switch w {
				case 0:
					_, err = c.Server.Completion(ctx, &protocol.CompletionParams{TextDocumentPositionParams: td})
				case 1:
					_, err = c.Server.Hover(ctx, &protocol.HoverParams{TextDocumentPositionParams: td})
				case 2:
					end := Position(text, charBoundary(text, min(len(text), off+40)), enc)
					_, err = c.Server.CodeAction(ctx, &protocol.CodeActionParams{
						TextDocument: protocol.TextDocumentIdentifier{URI: u},
						Range:        protocol.Range{Start: pos, End: end},
					})
				}
				cancel()
				mu.Lock()
				counts[w]++
				if err != nil {
					errs = append(errs, fmt.Errorf("request %d of kind %d: %w", counts[w], w, err))
				}
				mu.Unlock()
			}
		}()
	}

	r := rand.New(rand.NewPCG(1, 2))
	text := stressSource
	version := int32(1)
	for i := range stressEdits {
		if i == stressEdits/2 {
			if err := os.WriteFile(filepath.Join(dir, ".scopels.yaml"), []byte(stressProjectAfter), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := c.Server.DidChangeWatchedFiles(c.ctx, &protocol.DidChangeWatchedFilesParams{Changes: []protocol.FileEvent{
				{URI: fileURI(dir, ".scopels.yaml"), Type: protocol.FileChangeTypeChanged},
			}}); err != nil {
				t.Fatal(err)
			}
		}
		var changes []protocol.TextDocumentContentChangeEvent
		for range 1 + r.IntN(2) {
			start, end, repl := stressEdit(r, text)
			changes = append(changes, Edit(protocol.Range{Start: Position(text, start, enc), End: Position(text, end, enc)}, repl))
			text = text[:start] + repl + text[end:]
		}
		version++
		c.Change(u, version, changes...)
		mu.Lock()
		current = text
		mu.Unlock()
	}
	final := c.Diagnostics(u, version).Diagnostics
	close(stop)
	wg.Wait()

	for _, err := range errs {
		t.Error(err)
	}
	pushes := c.Pushes(u)
	var versions []int32
	for _, p := range pushes {
		v, _ := p.Version.Get()
		versions = append(versions, v)
	}
	if !slices.IsSorted(versions) {
		t.Errorf("pushes went back to an older version: %v", versions)
	}
	t.Logf("%s: %d didChange notifications, %d completion, %d hover, %d codeAction requests answered; %d pushes for %d versions; final text %d bytes, %d diagnostics",
		enc, stressEdits, counts[0], counts[1], counts[2], len(pushes), version, len(text), len(final))

	// The same diagnostics pulled, and from a fresh analysis.
	ctx, cancel := c.Context()
	defer cancel()
	rep, err := c.Server.Diagnostic(ctx, &protocol.DocumentDiagnosticParams{TextDocument: protocol.TextDocumentIdentifier{URI: u}})
	if err != nil {
		t.Fatalf("pull diagnostics: %v", err)
	}
	full, ok := rep.(*protocol.RelatedFullDocumentDiagnosticReport)
	if !ok {
		t.Fatalf("pull diagnostics: report of type %T", rep)
	}
	want := freshDiagnostics(t, path, text, enc)
	if got := diagKeys(final); !slices.Equal(got, want) {
		t.Errorf("pushed diagnostics of the final version differ from a fresh analysis:\ngot  %q\nwant %q", got, want)
	}
	if got := diagKeys(full.Items); !slices.Equal(got, want) {
		t.Errorf("pulled diagnostics differ from a fresh analysis:\ngot  %q\nwant %q", got, want)
	}
	if len(want) == 0 {
		t.Error("the final text has no findings; the comparison proves little")
	}
	// The project file change must matter, or the test cannot tell that
	// the server applied it.
	old := workspace(t, map[string]string{".scopels.yaml": acmeProject})
	if before := freshDiagnostics(t, filepath.Join(old, "mobile", "app.py"), text, enc); slices.Equal(before, want) {
		t.Error("the final text has the same findings under the old project file; the project change proves nothing")
	}
}

// freshDiagnostics analyzes text as the file at path with the project
// files on disk, through the engine directly, and renders the findings as
// diagKeys does.
func freshDiagnostics(t *testing.T, path, text string, enc protocol.PositionEncodingKind) []string {
	t.Helper()
	cfg, perrs := project.NewLoader(filepath.Dir(filepath.Dir(path))).For(path)
	if project.HasErrors(perrs) {
		t.Fatalf("project file: %v", errors.Join(func() []error {
			var out []error
			for _, e := range perrs {
				out = append(out, e)
			}
			return out
		}()...))
	}
	res := analysis.Analyze(&analysis.File{Path: path, Src: []byte(text)}, checks.All(), cfg)
	var keys []string
	for _, d := range res.Diagnostics {
		r := protocol.Range{Start: Position(text, d.Span.Start, enc), End: Position(text, d.Span.End, enc)}
		keys = append(keys, diagKey(r, int(d.Severity), d.Code, d.Message))
	}
	return keys
}

func diagKeys(ds []protocol.Diagnostic) []string {
	var keys []string
	for _, d := range ds {
		keys = append(keys, diagKey(d.Range, int(d.Severity), Code(d), Message(d)))
	}
	return keys
}

func diagKey(r protocol.Range, sev int, code, msg string) string {
	return fmt.Sprintf("%d:%d-%d:%d %d %s %s", r.Start.Line, r.Start.Character, r.End.Line, r.End.Character, sev, code, msg)
}
