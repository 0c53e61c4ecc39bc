package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func rng(l1, c1, l2, c2 uint32) protocol.Range {
	return protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
}

func partial(r protocol.Range, text string) protocol.TextDocumentContentChangeEvent {
	return &protocol.TextDocumentContentChangePartial{Range: r, Text: text}
}

func TestApplyChanges(t *testing.T) {
	// Line 1 holds an emoji (2 UTF-16 units, 4 bytes) and two CJK
	// characters (1 unit, 3 bytes each) before "drive".
	const text = "line zero\n🎉日本 drive.readonyl\nlast"
	for _, tc := range []struct {
		name    string
		enc     encoding
		changes []protocol.TextDocumentContentChangeEvent
		want    string
		wantErr bool
	}{
		{
			name:    "utf-16 replace after emoji and CJK",
			enc:     encUTF16,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(1, 17, 1, 19), "ly")},
			want:    "line zero\n🎉日本 drive.readonly\nlast",
		},
		{
			name:    "utf-8 replace after emoji and CJK",
			enc:     encUTF8,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(1, 23, 1, 25), "ly")},
			want:    "line zero\n🎉日本 drive.readonly\nlast",
		},
		{
			name:    "utf-16 insert between emoji and CJK",
			enc:     encUTF16,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(1, 2, 1, 2), "+")},
			want:    "line zero\n🎉+日本 drive.readonyl\nlast",
		},
		{
			name: "sequential changes see each other's result",
			enc:  encUTF16,
			changes: []protocol.TextDocumentContentChangeEvent{
				partial(rng(0, 0, 0, 4), "LINE"),
				partial(rng(0, 0, 1, 0), ""),
				partial(rng(0, 0, 0, 0), "x"),
			},
			want: "x🎉日本 drive.readonyl\nlast",
		},
		{
			name: "full then partial",
			enc:  encUTF8,
			changes: []protocol.TextDocumentContentChangeEvent{
				&protocol.TextDocumentContentChangeWholeDocument{Text: "ab\ncd"},
				partial(rng(1, 1, 1, 2), "X"),
			},
			want: "ab\ncX",
		},
		{
			name:    "character past the line end clamps to the line end",
			enc:     encUTF16,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(0, 50, 0, 99), "!")},
			want:    "line zero!\n🎉日本 drive.readonyl\nlast",
		},
		{
			name:    "line past the end clamps to the end of the text",
			enc:     encUTF16,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(9, 0, 12, 3), "!")},
			want:    text + "!",
			wantErr: true,
		},
		{
			name:    "reversed range is reordered",
			enc:     encUTF8,
			changes: []protocol.TextDocumentContentChangeEvent{partial(rng(0, 9, 0, 5), "")},
			want:    "line \n🎉日本 drive.readonyl\nlast",
			wantErr: true,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := applyChanges([]byte(text), nil, tc.changes, tc.enc)
			if string(got) != tc.want {
				t.Errorf("text = %q, want %q", got, tc.want)
			}
			if (err != nil) != tc.wantErr {
				t.Errorf("err = %v, want error %v", err, tc.wantErr)
			}
		})
	}
}

func TestFormatFor(t *testing.T) {
	for _, tc := range []struct{ path, lang, want string }{
		{"/a/main.go", "", "go"},
		{"/a/Untitled-1", "python", "python"},
		{"/a/settings.yml", "plaintext", "yaml"},
		{"/a/noext", "unknown-language", ""},
	} {
		if got := string(formatFor(tc.path, tc.lang)); got != tc.want {
			t.Errorf("formatFor(%q, %q) = %q, want %q", tc.path, tc.lang, got, tc.want)
		}
	}
}
