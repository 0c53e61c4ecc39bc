// Command benchtool is the Go half of bench/run.sh: it writes the
// benchmark inputs, times commands (median wall time and peak resident
// memory of several runs), turns scopels' catalog into a cspell
// dictionary, and writes the results into docs/performance.md as a
// markdown table and an SVG chart.
//
// Usage:
//
//	benchtool inputs -out DIR
//	benchtool time -runs N -results FILE [-dir DIR] [-ok 0,1] -- NAME COMMAND [ARG...] [+ NAME COMMAND [ARG...]]...
//	benchtool gobench -results FILE NAME=KEY... < go-test-bench-output
//	benchtool dict < catalog.json > words.txt
//	benchtool report -results FILE -doc docs/performance.md -svg docs/performance.svg
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch args := os.Args[2:]; os.Args[1] {
	case "inputs":
		err = runInputs(args)
	case "time":
		err = runTime(args)
	case "gobench":
		err = runGoBench(args, os.Stdin)
	case "dict":
		err = runDict(os.Stdin, os.Stdout)
	case "report":
		err = runReport(args)
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtool:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchtool inputs|time|gobench|dict|report [flags]")
	os.Exit(2)
}
