package project

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/scopels/scopels/catalog"
)

// Loader finds, reads, parses and merges project files for the CLI and
// the language server. It caches each parsed file by path, modification
// time and size, and each merged Config by the files it was built from,
// so asking again for a file in the same folder costs a few stat calls.
// When a project file becomes broken, its errors are reported and its last
// good version stays in force.
//
// The zero Loader is ready to use; it is safe for concurrent use.
type Loader struct {
	// Roots are workspace folders. For walks up from a path to the
	// innermost root that contains it, or to the file system root when
	// none does. Set before the first call.
	Roots []string
	// Base is the built-in catalog; nil means catalog.Default(). Set
	// before the first call.
	Base *catalog.Catalog

	mu      sync.Mutex
	gen     uint64
	files   map[string]*fileEntry
	configs map[string]*configEntry
}

// fileEntry is the cached state of one project file.
type fileEntry struct {
	modTime time.Time
	size    int64
	stale   bool
	errs    []*Error // problems of the content last read
	good    *File    // the last parse without errors
	use     *File    // what applies: the last parse, or good when that one is broken
	gen     uint64   // changes whenever use or errs change
}

// configEntry is a merged Config and the file generations it came from.
type configEntry struct {
	gens []uint64
	cfg  *Config
}

// NewLoader returns a Loader for the given workspace roots.
func NewLoader(roots ...string) *Loader { return &Loader{Roots: roots} }

func (l *Loader) base() *catalog.Catalog {
	if l.Base != nil {
		return l.Base
	}
	return catalog.Default()
}

// rootFor returns the innermost root containing abs, or "".
func (l *Loader) rootFor(abs string) string {
	best := ""
	for _, r := range l.Roots {
		if r == "" {
			continue
		}
		r = absPath(r)
		if within(abs, r) && len(r) > len(best) {
			best = r
		}
	}
	return best
}

// For returns the configuration for the file or folder at path (nil when
// no project file applies) and the problems of the project files that
// apply: parse errors of each (a broken file's errors are reported while
// its last good version is used) and the reference errors of the merge.
func (l *Loader) For(path string) (*Config, []*Error) {
	abs := absPath(path)
	names := Find(abs, l.rootFor(abs))
	if len(names) == 0 {
		return nil, nil
	}
	var files []*File
	var errs []*Error
	gens := make([]uint64, len(names))
	for i, name := range names {
		use, ferrs, gen := l.file(name)
		errs = append(errs, ferrs...)
		if use != nil {
			files = append(files, use)
			gens[i] = gen
		}
	}
	if len(files) == 0 {
		return nil, errs
	}
	cfg := l.config(strings.Join(names, "\x00"), files, gens)
	return cfg, append(errs, cfg.Errors...)
}

// Invalidate makes the next call read the project file at path again,
// whatever its modification time and size. It is meant for file watchers
// (an edit within the clock's resolution can keep both).
func (l *Loader) Invalidate(path string) {
	abs := absPath(path)
	l.mu.Lock()
	defer l.mu.Unlock()
	if e := l.files[abs]; e != nil {
		e.stale = true
	}
}

// CheckFile returns the problems of the project file at path if it held
// data (an editor's unsaved text): its parse errors and the reference
// errors found when it is merged below the project files outside it. The
// cache is neither used for nor changed by data.
func (l *Loader) CheckFile(path string, data []byte) []*Error {
	f, errs := Parse(path, data)
	abs := absPath(path)
	var files []*File
	for _, name := range Find(abs, l.rootFor(abs)) {
		if name == abs {
			continue
		}
		if use, _, _ := l.file(name); use != nil {
			files = append(files, use)
		}
	}
	files = append(files, f)
	for _, e := range BuildWith(files, l.base()).Errors {
		if e.Path == path {
			errs = append(errs, e)
		}
	}
	return errs
}

// file returns the parsed project file to use for name, the problems of
// its current content and its generation; use is nil when the file cannot
// be read and never could.
func (l *Loader) file(name string) (use *File, errs []*Error, gen uint64) {
	fi, statErr := os.Stat(name)
	if statErr != nil {
		return nil, nil, 0 // gone since Find looked
	}
	l.mu.Lock()
	if e := l.files[name]; e != nil && !e.stale && e.modTime.Equal(fi.ModTime()) && e.size == fi.Size() {
		defer l.mu.Unlock()
		return e.use, e.errs, e.gen
	}
	l.mu.Unlock()

	var f *File
	data, err := ReadFile(name)
	if err != nil {
		errs = []*Error{{Path: name, Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("cannot read the project file: %v", err)}}
	} else {
		f, errs = Parse(name, data)
	}

	l.mu.Lock()
	defer l.mu.Unlock()
	if l.files == nil {
		l.files = map[string]*fileEntry{}
	}
	e := l.files[name]
	if e == nil {
		e = &fileEntry{}
		l.files[name] = e
	}
	e.modTime, e.size, e.stale = fi.ModTime(), fi.Size(), false
	e.errs = errs
	switch {
	case f != nil && !HasErrors(errs):
		e.good, e.use = f, f
	case e.good != nil:
		e.use = e.good
	default:
		e.use = f // as much as could be read; nil when unreadable
	}
	l.gen++
	e.gen = l.gen
	return e.use, e.errs, e.gen
}

// config returns the cached Config for a chain of files, building it when
// a file changed.
func (l *Loader) config(key string, files []*File, gens []uint64) *Config {
	l.mu.Lock()
	if ce := l.configs[key]; ce != nil && slices.Equal(ce.gens, gens) {
		l.mu.Unlock()
		return ce.cfg
	}
	l.mu.Unlock()
	cfg := BuildWith(files, l.base())
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.configs == nil {
		l.configs = map[string]*configEntry{}
	}
	l.configs[key] = &configEntry{gens: gens, cfg: cfg}
	return cfg
}

// ErrSymlink is the error for a project file that is a symbolic link.
// Such a file is not read: a link in a checked-out repository could point
// anywhere on the machine (a CI runner's credentials), and the problems
// reported about a file quote its text.
var ErrSymlink = errors.New("it is a symbolic link, and scopels does not follow links to project files; copy the file instead")

// ReadFile reads the project file name for Parse: at most MaxFileSize+1
// bytes (so that Parse can report one that is too large), and never
// through a symbolic link (ErrSymlink).
func ReadFile(name string) ([]byte, error) {
	if fi, err := os.Lstat(name); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		return nil, ErrSymlink
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, MaxFileSize+1))
}

// HasErrors reports whether errs holds anything other than warnings.
func HasErrors(errs []*Error) bool {
	for _, e := range errs {
		if !e.Warning {
			return true
		}
	}
	return false
}
