package project

// checkCodes are the codes of scopels' checks, the keys `severity` accepts.
// Keep in step with analysis/checks (DESIGN §5).
var checkCodes = [...]string{
	"unknown-scope",
	"wrong-case",
	"wrong-delimiter",
	"missing-prefix",
	"deprecated-scope",
	"not-granted",
	"duplicate-scope",
	"malformed-scope",
	"url-encoding",
	"redundant-scope",
	"broad-scope",
}

// severityLevels are the values a `severity` entry may take.
var severityLevels = [...]string{"error", "warning", "info", "hint", "off"}

// CheckCodes returns the check codes the `severity` key accepts.
func CheckCodes() []string { return append([]string(nil), checkCodes[:]...) }

// SeverityLevels returns the values a `severity` entry may take.
func SeverityLevels() []string { return append([]string(nil), severityLevels[:]...) }

// The keys the parser accepts at each level; the JSON Schema in
// docs/scopels.schema.json must list the same.
var (
	topKeys      = [...]string{"providers", "clients", "paths", "severity", "strict", "ignore"}
	providerKeys = [...]string{"title", "hosts", "signals", "delimiter", "prefix", "case_sensitive", "scopes", "deprecated"}
	clientKeys   = [...]string{"provider", "paths", "granted"}
)

// delimiterNames are the values `delimiter` accepts (catalog.Delimiter names).
var delimiterNames = [...]string{"space", "comma", "space_or_comma", "single"}
