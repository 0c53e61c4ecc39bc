package analysistest

import (
	"reflect"
	"testing"
)

func TestParseTxtar(t *testing.T) {
	tests := []struct {
		name    string
		archive string
		comment string
		files   []section
	}{
		{"empty", "", "", nil},
		{"comment only", "just prose\n", "just prose\n", nil},
		{"one file", "-- a --\nx\n", "", []section{{"a", []byte("x\n")}}},
		{
			name:    "comment and files",
			archive: "c1\nc2\n-- a.go --\npackage a\n\n-- dir/b.yaml --\nk: v\n",
			comment: "c1\nc2\n",
			files:   []section{{"a.go", []byte("package a\n\n")}, {"dir/b.yaml", []byte("k: v\n")}},
		},
		{"empty file", "-- a --\n-- b --\nx\n", "", []section{{"a", []byte{}}, {"b", []byte("x\n")}}},
		{"last file without newline", "-- a --\nx", "", []section{{"a", []byte("x")}}},
		{"marker at the very end", "-- a --\nx\n-- b --", "", []section{{"a", []byte("x\n")}, {"b", []byte{}}}},
		{"name trimmed", "--   spaced name   --\n", "", []section{{"spaced name", []byte{}}}},
		{"CR keeps a marker-like line in the file", "-- a --\r\nx\n", "-- a --\r\nx\n", nil},
		{"CRLF content kept", "-- a --\r\n-- b --\nx\r\ny\r\n", "-- a --\r\n", []section{{"b", []byte("x\r\ny\r\n")}}},
		{"empty name is no marker", "--  --\n-- a --\n", "--  --\n", []section{{"a", []byte{}}}},
		{"marker needs spaces", "--a--\n-- a --\n", "--a--\n", []section{{"a", []byte{}}}},
		{"marker not at line start", "x -- a --\n", "x -- a --\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			comment, files := parseTxtar([]byte(tt.archive))
			if string(comment) != tt.comment {
				t.Errorf("comment = %q, want %q", comment, tt.comment)
			}
			if len(files) != len(tt.files) || (len(files) > 0 && !reflect.DeepEqual(normalize(files), normalize(tt.files))) {
				t.Errorf("files = %q, want %q", files, tt.files)
			}
		})
	}
}

// normalize makes empty and nil data compare equal.
func normalize(files []section) []section {
	out := make([]section, len(files))
	for i, f := range files {
		out[i] = section{f.Name, append([]byte{}, f.Data...)}
	}
	return out
}

func TestFormatTxtar(t *testing.T) {
	// Archives whose sections all end in a newline come back unchanged.
	for _, a := range []string{
		"",
		"prose\n-- a --\nx\n",
		"-- a --\n-- b/c.go --\npackage c\n\n-- want --\nb/c.go:1:1: x\n",
	} {
		comment, files := parseTxtar([]byte(a))
		if got := string(formatTxtar(comment, files)); got != a {
			t.Errorf("round trip of %q = %q", a, got)
		}
	}
	got := string(formatTxtar([]byte("c"), []section{{"a", []byte("x")}, {"b", nil}}))
	if want := "c\n-- a --\nx\n-- b --\n"; got != want {
		t.Errorf("formatTxtar() = %q, want %q", got, want)
	}
}
