//go:build race

package extract

// raceEnabled is true when the tests run under the race detector, which
// makes scanning ten times slower: the largest comparisons sample less.
const raceEnabled = true
