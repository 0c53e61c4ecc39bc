package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/scopels/scopels/analysis/extract"
)

// skippedDirs are folders never descended into: version control metadata
// and vendored dependencies.
var skippedDirs = map[string]bool{
	".git":         true,
	".hg":          true,
	".svn":         true,
	"vendor":       true,
	"node_modules": true,
}

// walkOptions control which files a walk yields.
type walkOptions struct {
	// noIgnore turns off .gitignore handling.
	noIgnore bool
	// jobs is the number of folders read at once.
	jobs int
	// ignored reports whether the project configuration excludes a file
	// or folder (the `ignore` key); nil means nothing is excluded.
	ignored func(abs string) bool
	// fail reports a folder or file that could not be read.
	fail func(display string, err error)
}

// walkRoot is a folder named on the command line.
type walkRoot struct {
	abs     string // absolute, clean
	display string // as given
	index   int    // position among the command-line paths
}

// walkItem is one file to check.
type walkItem struct {
	abs     string // absolute, clean
	display string // the command-line path joined with the relative path
	index   int    // the command-line path it came from
	// explicit is true for a file named on the command line: it is
	// checked even when ignored or of an unknown format.
	explicit bool
}

// dirJob is one folder waiting to be read.
type dirJob struct {
	abs, display string
	index        int
	rules        *ignoreRules
}

// dirQueue is an unbounded LIFO work queue of folders that knows when the
// walk is over: empty and nobody working.
type dirQueue struct {
	mu     sync.Mutex
	cond   sync.Cond
	items  []dirJob
	active int
}

func newDirQueue() *dirQueue {
	q := &dirQueue{}
	q.cond.L = &q.mu
	return q
}

func (q *dirQueue) push(j dirJob) {
	q.mu.Lock()
	q.items = append(q.items, j)
	q.mu.Unlock()
	q.cond.Signal()
}

// pop returns the next folder, blocking while others may still add some;
// it reports false once the walk is over.
func (q *dirQueue) pop() (dirJob, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == 0 {
		if q.active == 0 {
			return dirJob{}, false
		}
		q.cond.Wait()
	}
	j := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	q.active++
	return j, true
}

// done marks a popped folder finished.
func (q *dirQueue) done() {
	q.mu.Lock()
	q.active--
	over := q.active == 0 && len(q.items) == 0
	q.mu.Unlock()
	if over {
		q.cond.Broadcast()
	}
}

// walk reads the folders of roots with opts.jobs workers and sends every
// file to check to out, in no particular order. It returns when the walk
// is over; it does not close out.
func walk(roots []walkRoot, opts walkOptions, out chan<- walkItem) {
	q := newDirQueue()
	for _, r := range roots {
		var rules *ignoreRules
		if !opts.noIgnore {
			rules = ancestorIgnoreRules(r.abs)
		}
		q.push(dirJob{abs: r.abs, display: r.display, index: r.index, rules: rules})
	}
	var wg sync.WaitGroup
	for range max(opts.jobs, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				j, ok := q.pop()
				if !ok {
					return
				}
				walkDir(j, opts, q, out)
				q.done()
			}
		}()
	}
	wg.Wait()
}

// walkDir reads one folder: sub-folders go to q, files to out.
func walkDir(j dirJob, opts walkOptions, q *dirQueue, out chan<- walkItem) {
	entries, err := os.ReadDir(j.abs)
	if err != nil {
		opts.fail(j.display, err)
		if len(entries) == 0 {
			return
		}
	}
	rules := j.rules
	if !opts.noIgnore {
		rules = rules.with(j.abs, readIgnoreFile(filepath.Join(j.abs, ".gitignore")))
	}
	for _, e := range entries {
		name := e.Name()
		abs := filepath.Join(j.abs, name)
		display := filepath.Join(j.display, name)
		switch t := e.Type(); {
		case t&fs.ModeSymlink != 0:
			// Links are not followed: a target inside the tree is
			// checked where it lives, one outside is not ours.
			continue
		case t.IsDir():
			if skippedDirs[name] || rules.ignored(abs, true) {
				continue
			}
			if opts.ignored != nil && opts.ignored(abs) {
				continue
			}
			q.push(dirJob{abs: abs, display: display, index: j.index, rules: rules})
		case t.IsRegular():
			if rules.ignored(abs, false) || extract.FormatOf(name) == extract.FormatUnknown {
				continue
			}
			if opts.ignored != nil && opts.ignored(abs) {
				continue
			}
			// The size is checked when the file is read (one fstat there
			// instead of an lstat here).
			out <- walkItem{abs: abs, display: display, index: j.index}
		}
	}
}

// tooLargeNote says why a file was skipped for its size.
func tooLargeNote(size, limit int64) string {
	return fmt.Sprintf("skipped: %s is over --max-file-size (%s)", formatSize(size), formatSize(limit))
}

// formatSize writes a byte count the way --max-file-size reads it, to one
// decimal place when it is not a whole number of units.
func formatSize(n int64) string {
	units := []struct {
		size   int64
		suffix string
	}{{1 << 30, "G"}, {1 << 20, "M"}, {1 << 10, "K"}}
	for _, u := range units {
		if n < u.size {
			continue
		}
		if n%u.size == 0 {
			return fmt.Sprintf("%d%s", n/u.size, u.suffix)
		}
		return fmt.Sprintf("%.1f%s", float64(n)/float64(u.size), u.suffix)
	}
	return fmt.Sprintf("%d bytes", n)
}
