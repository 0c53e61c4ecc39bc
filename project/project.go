// Package project reads scopels project files (.scopels.yaml): custom
// providers, granted scopes per client, provider mapping per path,
// severities, strict contexts and ignored paths.
//
// Parse reads one file, Find locates the files that apply to a path, Build
// merges them (the nearest file wins key by key) into a Config, and Loader
// does all three with a cache shared by the CLI and the language server.
package project

import "github.com/scopels/scopels/catalog"

// FileName is the name of a project file.
const FileName = ".scopels.yaml"

// Pos is a position in a project file: a 1-based line and column (in bytes;
// lines end at "\n") and the 0-based byte offset. The zero Pos means
// "unknown".
type Pos struct {
	Line   int
	Column int
	Offset int
}

// IsValid reports whether p is a known position.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Error is a problem in a project file, with its position.
type Error struct {
	Path string // the project file
	Pos  Pos
	// EndPos is the end of the offending node (exclusive); zero when unknown.
	EndPos Pos
	Msg    string
	// Warning marks a problem that does not stop the file from applying
	// (a second YAML document, a repeated list entry). A file with any
	// other error is broken, and a Loader keeps its last good version.
	Warning bool
}

func (e *Error) Error() string { return formatError(e) }

// Provider is a custom provider or an extension of a built-in one.
type Provider struct {
	Name          string
	Title         string
	Hosts         []string
	Signals       []string
	Delimiter     catalog.Delimiter // "" when not set
	Prefix        string            // "" when not set
	CaseSensitive *bool             // nil when not set
	// Scopes maps full scope names to descriptions, in file order in
	// ScopeOrder.
	Scopes     map[string]string
	ScopeOrder []string
	// Deprecated maps an old name to its replacement ("" if none), in file
	// order in DeprecatedOrder.
	Deprecated      map[string]string
	DeprecatedOrder []string
	Pos             Pos            // position of the provider's key
	ScopePos        map[string]Pos // position of each scope key
	// DeprecatedPos is the position of each deprecated entry's replacement
	// (of its key when there is no replacement).
	DeprecatedPos map[string]Pos
	// File is the project file the provider was read from (for a merged
	// provider, the nearest file that declares it).
	File string
}

// Client is one OAuth client and what it is granted.
type Client struct {
	Name     string
	Provider string
	Paths    []string // globs, relative to the project file's folder, ** allowed
	// Granted is nil when no file sets it (nothing is known), and empty
	// but not nil for an explicit empty list (nothing is granted).
	Granted []string
	Pos     Pos // position of the client's key
	// GrantedPos is the position of the granted list (for "add it here").
	GrantedPos Pos
	// ProviderPos is the position of the provider value.
	ProviderPos Pos
	// PathsPos and GrantedItemPos hold the position of each entry of
	// Paths and Granted.
	PathsPos       []Pos
	GrantedItemPos []Pos

	// File is the project file the client was read from (for a merged
	// client, the nearest file that declares it).
	File string
	// Dir is the folder Paths are relative to: the folder of the file
	// whose `paths` won the merge (of File when no file sets paths).
	Dir string
	// GrantedFile is the file whose `granted` list won the merge; "" when
	// no file sets one.
	GrantedFile string
}

// File is one parsed project file.
type File struct {
	Path string // path of the file, as given to Parse
	Dir  string // its folder, made absolute: globs are relative to it

	Providers map[string]*Provider
	// ProviderOrder lists Providers' names in file order.
	ProviderOrder []string
	Clients       map[string]*Client
	ClientOrder   []string
	// Paths maps globs to provider names, in file order in PathOrder.
	Paths     map[string][]string
	PathOrder []string
	// PathsPos holds, per glob, the position of each provider name.
	PathsPos map[string][]Pos
	// PathKeyPos is the position of each glob key of Paths.
	PathKeyPos map[string]Pos
	// Severity maps check codes to "error", "warning", "info", "hint" or "off".
	Severity map[string]string
	Strict   []string
	Ignore   []string
}
