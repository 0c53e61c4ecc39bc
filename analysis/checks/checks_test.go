package checks_test

import (
	"testing"

	"github.com/scopels/scopels/analysis/analysistest"
	"github.com/scopels/scopels/analysis/checks"
)

// TestFixtures runs every txtar case under testdata: realistic files of
// every format with their expected diagnostics and fixed goldens, and
// non-OAuth uses of the word "scope" that must stay silent.
func TestFixtures(t *testing.T) {
	analysistest.Run(t, "testdata", checks.All())
}
