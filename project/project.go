// Package project reads scopels project files (.scopels.yaml): custom
// providers, granted scopes per client, provider mapping per path,
// severities, strict contexts and ignored paths.
package project

import "github.com/scopels/scopels/catalog"

// FileName is the name of a project file.
const FileName = ".scopels.yaml"

// Pos is a 1-based line and column (in bytes) in a project file.
type Pos struct {
	Line   int
	Column int
}

// Error is a problem in a project file, with its position.
type Error struct {
	Path string // the project file
	Pos  Pos
	// EndPos is the end of the offending node (exclusive); zero when unknown.
	EndPos Pos
	Msg    string
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
	// Deprecated maps an old name to its replacement ("" if none).
	Deprecated map[string]string
	Pos        Pos            // position of the provider's key
	ScopePos   map[string]Pos // position of each scope key
}

// Client is one OAuth client and what it is granted.
type Client struct {
	Name     string
	Provider string
	Paths    []string // globs, relative to the project file's folder, ** allowed
	Granted  []string
	Pos      Pos // position of the client's key
	// GrantedPos is the position of the granted list (for "add it here").
	GrantedPos Pos
}

// File is one parsed project file.
type File struct {
	Path string // absolute path of the file
	Dir  string // its folder: globs are relative to it

	Providers map[string]*Provider
	// ProviderOrder lists Providers' names in file order.
	ProviderOrder []string
	Clients       map[string]*Client
	ClientOrder   []string
	// Paths maps globs to provider names, in file order in PathOrder.
	Paths     map[string][]string
	PathOrder []string
	// Severity maps check codes to "error", "warning", "info", "hint" or "off".
	Severity map[string]string
	Strict   []string
	Ignore   []string
}
