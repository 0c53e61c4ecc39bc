package project

import (
	"os"
	"path/filepath"
	"strings"
)

// Find returns the project files that apply to a file or folder at path,
// outermost first, looking from path's folder (path itself when it is a
// folder) up to and including root. An empty root, or one that does not
// contain path, means up to the file system root. A path that does not
// exist is taken to be a file (an unsaved editor buffer).
func Find(path, root string) []string {
	dir := absPath(path)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		dir = filepath.Dir(dir)
	}
	stop := ""
	if root != "" {
		if r := absPath(root); within(dir, r) {
			stop = r
		}
	}
	var found []string
	for {
		name := filepath.Join(dir, FileName)
		if fi, err := os.Stat(name); err == nil && fi.Mode().IsRegular() {
			found = append(found, name)
		}
		if dir == stop {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	for i, j := 0, len(found)-1; i < j; i, j = i+1, j-1 {
		found[i], found[j] = found[j], found[i]
	}
	return found
}

// within reports whether path is dir or below it (both absolute, clean).
func within(path, dir string) bool {
	if path == dir {
		return true
	}
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}
