package analysistest

import (
	"bytes"
	"strings"
)

// section is one file of a txtar archive.
type section struct {
	Name string
	Data []byte
}

// parseTxtar splits a txtar archive into its comment and its files. A file
// starts after a marker line "-- NAME --" and runs to the next marker line
// or the end of the archive; the comment is everything before the first
// marker. A marker line must end with "\n" or the end of the archive (a
// "\r" before the "\n" makes it an ordinary line). Nothing is lost: joining
// the comment and each marker and file gives back the archive, except that
// formatTxtar adds a final newline to a section that lacks one.
func parseTxtar(data []byte) (comment []byte, files []section) {
	name, start, after, ok := findMarker(data)
	if !ok {
		return data, nil
	}
	comment, rest := data[:start], data[after:]
	for {
		next, start, after, ok := findMarker(rest)
		if !ok {
			return comment, append(files, section{Name: name, Data: rest})
		}
		files = append(files, section{Name: name, Data: rest[:start]})
		name, rest = next, rest[after:]
	}
}

// findMarker returns the first marker line of data: its name, the offset
// at which the line starts and the offset after its "\n".
func findMarker(data []byte) (name string, start, after int, ok bool) {
	for start < len(data) {
		after = len(data)
		line := data[start:]
		if i := bytes.IndexByte(line, '\n'); i >= 0 {
			line, after = line[:i], start+i+1
		}
		if name, ok := markerName(line); ok {
			return name, start, after, true
		}
		start = after
	}
	return "", 0, 0, false
}

// markerName reports whether line is a marker "-- NAME --" and returns NAME.
func markerName(line []byte) (string, bool) {
	s := string(line)
	if !strings.HasPrefix(s, "-- ") || !strings.HasSuffix(s, " --") || len(s) < len("-- x --") {
		return "", false
	}
	name := strings.TrimSpace(s[len("-- ") : len(s)-len(" --")])
	if name == "" {
		return "", false
	}
	return name, true
}

// formatTxtar writes an archive. Every section that does not end in a
// newline gets one, so that the next marker starts a line.
func formatTxtar(comment []byte, files []section) []byte {
	var b bytes.Buffer
	writeSection(&b, comment)
	for _, f := range files {
		b.WriteString("-- " + f.Name + " --\n")
		writeSection(&b, f.Data)
	}
	return b.Bytes()
}

func writeSection(b *bytes.Buffer, data []byte) {
	b.Write(data)
	if len(data) > 0 && data[len(data)-1] != '\n' {
		b.WriteByte('\n')
	}
}
