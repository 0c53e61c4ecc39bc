package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/scopels/scopels/analysis"
	"github.com/scopels/scopels/project"
)

// maxFixRounds bounds how often fixes are applied to one file: a fix can
// reveal a finding the first pass could not see (a duplicate that only
// appears once a typo is corrected), but it must settle quickly. The
// longest chain known takes four rounds: a control character removed
// (malformed-scope) leaves a typo (unknown-scope) whose correction repeats
// another element (duplicate-scope), whose removal is checked last.
const maxFixRounds = 5

// fixOutcome is the result of fixing one file's text in memory.
type fixOutcome struct {
	src     []byte           // the fixed text (the original when nothing applied)
	result  *analysis.Result // the analysis of src
	applied int              // preferred fixes applied, over all rounds
}

// fixSource applies the preferred fix of every diagnostic of file, then
// analyzes again, up to maxFixRounds times or until nothing is left to
// apply. first is the analysis of file as it is.
func fixSource(file *analysis.File, first *analysis.Result, analyzers []*analysis.Analyzer, cfg *project.Config) (fixOutcome, error) {
	out := fixOutcome{src: file.Src, result: first}
	for range maxFixRounds {
		edits, n := selectFixes(out.result.Diagnostics)
		if len(edits) == 0 {
			break
		}
		next, err := analysis.ApplyFixes(out.src, edits)
		if err != nil {
			return out, fmt.Errorf("applying fixes: %w", err)
		}
		if bytes.Equal(next, out.src) {
			break
		}
		out.src = next
		out.applied += n
		out.result = analysis.Analyze(&analysis.File{Path: file.Path, Src: next, Format: file.Format}, analyzers, cfg)
	}
	return out, nil
}

// selectFixes picks the preferred fixes to apply in one round (see
// analysis.SelectFixes) and returns their edits and how many diagnostics
// they fix; the fixes left out get another chance in the next round.
func selectFixes(diags []analysis.Diagnostic) ([]analysis.Edit, int) {
	edits, deferred := analysis.SelectFixes(diags)
	n := 0
	for i := range diags {
		if f := diags[i].PreferredFix(); f != nil && len(f.Edits) > 0 {
			n++
		}
	}
	return edits, n - len(deferred)
}

// errFileChanged is returned when a file changed on disk between reading
// and writing it back.
var errFileChanged = errors.New("file changed on disk while it was being checked; not written")

// writeFileAtomic replaces the file at path with data: it writes a
// temporary file in the same folder, gives it the original's permission
// bits, syncs it and renames it over the original, so that a reader never
// sees a half-written file and a failure leaves the original intact.
// before is the original's state when it was read; if the file on disk no
// longer matches it, nothing is written. beforeRename, when not nil, runs
// just before the rename (tests use it to simulate a crash).
func writeFileAtomic(path string, data []byte, before os.FileInfo, beforeRename func(tmp string) error) (err error) {
	// Write through a symbolic link to its target, keeping the link.
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return err
	}
	now, err := os.Stat(target)
	if err != nil {
		return err
	}
	if before != nil && (now.Size() != before.Size() || !now.ModTime().Equal(before.ModTime())) {
		return errFileChanged
	}
	dir, base := filepath.Split(target)
	tmp, err := os.CreateTemp(dir, "."+base+".scopels-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(now.Mode().Perm()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if beforeRename != nil {
		if err = beforeRename(tmp.Name()); err != nil {
			return err
		}
	}
	return os.Rename(tmp.Name(), target)
}
