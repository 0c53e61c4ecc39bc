//go:build !race

package analysis_test

// hostileSize is the size of the pathological inputs of the hostile-input
// tests: a 1 MB line, as the reliability issue asks.
const hostileSize = 1 << 20

// hostileLiterals is the number of tiny literals in one list.
const hostileLiterals = 100_000
