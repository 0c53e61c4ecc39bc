// Package catalog holds the OAuth scopes scopels knows: the embedded catalog
// of public providers (generated from catalog-sources into data/) plus the
// custom providers a project file declares.
//
// A Catalog is immutable once built and safe for concurrent use.
package catalog

// Delimiter is how a provider separates scopes in one scope string.
type Delimiter string

// Delimiters a provider may use.
const (
	DelimSpace        Delimiter = "space"          // RFC 6749: space-separated
	DelimComma        Delimiter = "comma"          // comma-separated (Slack v2, Shopify, Facebook, Strava)
	DelimSpaceOrComma Delimiter = "space_or_comma" // both are accepted (Reddit)
	DelimSingle       Delimiter = "single"         // one scope per request (Stripe)
	DelimNone         Delimiter = "none"           // no scope parameter at all (Notion)
)

// Source records where facts came from.
type Source struct {
	Repo   string `json:"repo,omitempty"`
	Path   string `json:"path,omitempty"`
	Commit string `json:"commit,omitempty"`
	URL    string `json:"url,omitempty"`
}

// Alias is a short name some tools accept for one or more scopes (gcloud
// and Terraform's `cloud-platform`, `storage-ro`, ...).
type Alias struct {
	Name      string   `json:"name"`
	ExpandsTo []string `json:"expands_to"`
	Note      string   `json:"note,omitempty"`
}

// Provider is one OAuth provider and its scopes.
type Provider struct {
	// Name is the stable identifier (lowercase): "google", "github", ...
	Name  string `json:"name"`
	Title string `json:"title"`
	// OtherNames are further names the provider goes by ("twitter" for x,
	// "meta" for facebook); Catalog.Provider finds it by them too.
	OtherNames []string `json:"other_names,omitempty"`
	// Delimiter is what the authorize endpoint expects between scopes.
	Delimiter Delimiter `json:"delimiter"`
	// AcceptsComma is true where the provider documents spaces but also
	// accepts commas (GitHub, Facebook, Reddit): a comma is then a hint,
	// not an error.
	AcceptsComma bool `json:"accepts_comma,omitempty"`
	// AcceptsSpace is true where the provider documents commas but also
	// accepts spaces (Facebook): a space is then a hint, not an error.
	AcceptsSpace  bool   `json:"accepts_space,omitempty"`
	DelimiterNote string `json:"delimiter_note,omitempty"`
	// AuthorizeHosts are host names (lowercase, no scheme) of the authorize
	// and token endpoints; entries may start with "*." for a wildcard label
	// (e.g. "*.myshopify.com").
	AuthorizeHosts []string `json:"authorize_hosts"`
	AuthorizePaths []string `json:"authorize_paths,omitempty"`
	// Signals are literal strings whose presence in a file is evidence of
	// this provider: import paths, package names, SDK identifiers, env
	// variable names. Each is matched as a whole word.
	Signals []string `json:"signals,omitempty"`
	// Prefixes are the forms a full scope name starts with (Google's
	// "https://www.googleapis.com/auth/", a custom provider's "api.").
	Prefixes []string `json:"prefixes,omitempty"`
	// PrefixRequired is true when every scope must carry one of Prefixes,
	// so a bare form is missing-prefix (custom providers with prefix set;
	// Google for its short forms).
	PrefixRequired bool `json:"prefix_required,omitempty"`
	// CaseSensitive is false for providers that match scope names without
	// regard to case (Microsoft).
	CaseSensitive bool    `json:"case_sensitive"`
	Aliases       []Alias `json:"aliases,omitempty"`
	// Notes are short facts in our own words.
	Notes      []string `json:"notes,omitempty"`
	Provenance []Source `json:"provenance,omitempty"`
	// Custom is true for providers declared (or extended) by a project file.
	Custom bool `json:"custom,omitempty"`

	Scopes []*Scope `json:"scopes"`
}

// Scope is one scope of one provider.
type Scope struct {
	// Provider is the owning provider's Name.
	Provider string `json:"provider"`
	// Name is the full form requested at the authorize endpoint.
	Name string `json:"name"`
	// Short is the form some libraries write (Google: the suffix after
	// https://www.googleapis.com/auth/), "" when there is none.
	Short       string `json:"short,omitempty"`
	Description string `json:"description"`
	// Note is a short fact about the scope in our own words ("approved
	// partners only", "classic scope"), "" when none.
	Note string `json:"note,omitempty"`
	// API is the API or product the scope belongs to, when known.
	API        string `json:"api,omitempty"`
	Deprecated bool   `json:"deprecated,omitempty"`
	// ReplacedBy lists the replacements the provider states.
	ReplacedBy []string `json:"replaced_by,omitempty"`
	// SuggestedReplacement lists replacements the catalog's research
	// inferred where the provider states none; never offered as a fix on
	// its own authority.
	SuggestedReplacement []string `json:"suggested_replacement,omitempty"`
	// Implies lists scopes this one grants as well (write implies read).
	Implies []string `json:"implies,omitempty"`
	// Requires lists scopes that must be requested together with this one
	// (OIDC's email requires openid); a dependency, not an implication.
	Requires []string `json:"requires,omitempty"`
	// Sensitivity is "non-sensitive", "sensitive", "restricted", or for
	// Microsoft "admin" when admin consent is required; "" when unknown.
	Sensitivity string `json:"sensitivity,omitempty"`
	DocURL      string `json:"doc_url,omitempty"`
	// Hidden scopes are accepted as valid but never suggested or completed
	// (Microsoft's undocumented permissions).
	Hidden bool `json:"hidden,omitempty"`
	// Broad marks full-access scopes (repo, cloud-platform, full, *.ReadWrite.All).
	Broad bool `json:"broad,omitempty"`
	// Kind classifies scopes where the source does (classic/granular,
	// delegated/application, authenticated/unauthenticated, ...).
	Kind       string   `json:"kind,omitempty"`
	TokenTypes []string `json:"token_types,omitempty"`
	// Popularity ranks scopes for completion and suggestion ties (higher is
	// more commonly requested); 0 when unknown.
	Popularity int `json:"popularity,omitempty"`
}

// Suggestion is a catalog scope close to a mistyped token.
type Suggestion struct {
	Scope    *Scope
	Distance int // Damerau (optimal string alignment) edit distance
}
