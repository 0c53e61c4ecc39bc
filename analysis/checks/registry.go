// Package checks holds scopels' checks, one file each.
package checks

import "github.com/scopels/scopels/analysis"

// All returns every check, in a stable order.
func All() []*analysis.Analyzer {
	return []*analysis.Analyzer{
		UnknownScope,
		WrongCase,
		WrongDelimiter,
		MissingPrefix,
		DeprecatedScope,
		NotGranted,
		DuplicateScope,
		MalformedScope,
		URLEncoding,
		RedundantScope,
		BroadScope,
	}
}

// ByCode returns the check with the given code, or nil.
func ByCode(code string) *analysis.Analyzer {
	for _, a := range All() {
		if a.Code == code {
			return a
		}
	}
	return nil
}
