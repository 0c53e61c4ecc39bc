//go:build race

package analysis_test

// hostileSize is the size of the pathological inputs of the hostile-input
// tests. The race detector makes the engine ten times slower, so under it
// they shrink; linearity is still checked between two sizes.
const hostileSize = 1 << 18

// hostileLiterals is the number of tiny literals in one list.
const hostileLiterals = 25_000
