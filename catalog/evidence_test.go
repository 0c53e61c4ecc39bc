package catalog

import (
	"slices"
	"strings"
	"testing"
)

func TestEvidenceFind(t *testing.T) {
	m := Default().Evidence()
	tests := []struct {
		src  string
		want []string // "provider text", in the order found
	}{
		{`import "golang.org/x/oauth2/facebook"`, []string{"facebook golang.org/x/oauth2/facebook"}},
		{`url: 'https://www.facebook.com/dialog/oauth'`, []string{"facebook www.facebook.com/dialog/oauth"}},
		// Authorize paths with a version wildcard.
		{`url: 'https://www.facebook.com/v6.0/dialog/oauth'`, []string{"facebook www.facebook.com/v*/dialog/oauth"}},
		{`"https://www.facebook.com/v19.0/dialog/oauth?client_id=1"`, []string{"facebook www.facebook.com/v*/dialog/oauth"}},
		// The wildcard is a version, not any path.
		{`"https://www.facebook.com/v6.0/some/where/dialog/oauth"`, nil},
		{`"https://www.facebook.com/v123456789012345/dialog/oauth"`, nil},
		// Signals stand as whole words.
		{`FB.loginAs()`, nil},
	}
	for _, tt := range tests {
		var got []string
		m.Find([]byte(tt.src), func(ev Evidence) {
			if ev.Provider == "facebook" {
				got = append(got, ev.Provider+" "+ev.Text)
			}
		})
		if !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// BenchmarkEvidenceFind scans a megabyte of ordinary Go code with a few
// signals in it.
func BenchmarkEvidenceFind(b *testing.B) {
	const chunk = `func (s *Server) handle(ctx context.Context, req *Request) (*Response, error) {
	conf := &oauth2.Config{ClientID: os.Getenv("CLIENT_ID"), Endpoint: google.Endpoint}
	for i, item := range req.Items {
		if err := s.store.Put(ctx, item.Key, item.Value); err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
	}
	return &Response{Count: len(req.Items)}, nil
}
`
	src := []byte(strings.Repeat(chunk, (1<<20)/len(chunk)))
	m := Default().Evidence()
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		m.Find(src, func(Evidence) {})
	}
}
