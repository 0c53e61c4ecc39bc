package project

import (
	"fmt"

	"github.com/scopels/scopels/catalog"
)

// Config is the effective configuration for one file: the project files
// from the outermost down to the nearest, merged key by key (a nearer file
// wins), applied to the embedded catalog. A nil *Config is valid and means
// "no project file": the embedded catalog with default rules.
type Config struct {
	// Files are the project files that apply, outermost first.
	Files []*File
	// Catalog is the embedded catalog merged with the custom providers.
	Catalog *catalog.Catalog
	// Severity maps check codes to severities ("off" disables a check).
	Severity map[string]string
	Strict   []string
}

// Catalog returns the catalog to check against: cfg's, or the embedded
// one when cfg is nil.
func CatalogOf(cfg *Config) *catalog.Catalog {
	if cfg == nil || cfg.Catalog == nil {
		return catalog.Default()
	}
	return cfg.Catalog
}

// Parse reads one project file. It returns the file (as much as could be
// read) and every problem found, each with its position; a file with
// errors is still returned so callers can decide to keep the last good
// configuration. (Stub.)
func Parse(path string, data []byte) (*File, []*Error) { return &File{Path: path}, nil }

// Find returns the project files that apply to a file or folder at path,
// outermost first, looking from path's folder up to (and including) root;
// an empty root means up to the file system root. (Stub.)
func Find(path, root string) []string { return nil }

// Build merges parsed files (outermost first) into a Config. (Stub.)
func Build(files []*File) *Config { return &Config{Files: files, Catalog: catalog.Default()} }

// ProvidersFor returns the provider names the `paths` key maps path to
// (nearest file and most specific glob first), or nil. (Stub.)
func (c *Config) ProvidersFor(path string) []string { return nil }

// ClientFor returns the client whose paths match path, or nil. (Stub.)
func (c *Config) ClientFor(path string) *Client { return nil }

// Ignored reports whether path matches an `ignore` glob. (Stub.)
func (c *Config) Ignored(path string) bool { return false }

// IsStrict reports whether a context name (a key, variable or call) is
// declared strict. (Stub.)
func (c *Config) IsStrict(name string) bool { return false }

func formatError(e *Error) string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Pos.Line, e.Pos.Column, e.Msg)
}
