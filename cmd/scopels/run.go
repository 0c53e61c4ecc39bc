package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
)

// stdio carries a command's standard streams, so that every subcommand can
// be run in-process by tests.
type stdio struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// command is one subcommand.
type command struct {
	name    string
	usage   string // the argument synopsis
	summary string
	run     func(io stdio, args []string) int
}

func commands() []command {
	return []command{
		{"serve", "[--listen ADDR] [--log-level LEVEL] [--trace FILE]", "run the language server on stdio (the default when stdin is not a terminal)", runServe},
		{"check", "[flags] [paths...]", "check files and folders; exit 1 on findings", runCheck},
		{"catalog", "list|show NAME|search QUERY [--provider P] [--format text|json]", "browse the scope catalog", runCatalog},
		{"explain", "CODE", "print the documentation of a check", runExplain},
		{"version", "", "print the version", runVersion},
		{"help", "[command]", "show help", nil},
	}
}

// Run runs scopels with args (without the program name) and returns the
// process exit code: 0 success, 1 findings, 2 usage or I/O error.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	io := stdio{stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		if f, ok := stdin.(*os.File); ok && !isTerminal(f) {
			return runServe(io, nil)
		}
		printHelp(stdout)
		return 2
	}
	name, rest := args[0], args[1:]
	switch name {
	case "help", "-h", "--help", "-help":
		if len(rest) > 0 {
			for _, c := range commands() {
				if c.name == rest[0] && c.run != nil {
					return c.run(io, []string{"--help"})
				}
			}
			fmt.Fprintf(stderr, "scopels: unknown command %q\n", rest[0])
			return 2
		}
		printHelp(stdout)
		return 0
	case "--version", "-version":
		return runVersion(io, rest)
	}
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(io, rest)
		}
	}
	fmt.Fprintf(stderr, "scopels: unknown command %q (run 'scopels help')\n", name)
	return 2
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "scopels finds mistakes in OAuth scope strings: typos, wrong delimiters, wrong case,")
	fmt.Fprintln(w, "missing prefixes, deprecated and ungranted scopes.")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: scopels <command> [arguments]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
		if c.usage != "" {
			fmt.Fprintf(w, "  %-*s    scopels %s %s\n", width, "", c.name, c.usage)
		}
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'scopels help <command>' for a command's flags.")
}

func runVersion(io stdio, args []string) int {
	v := "(devel)"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		v = info.Main.Version
	}
	fmt.Fprintf(io.stdout, "scopels %s\n", strings.TrimSpace(v))
	return 0
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	if err != nil {
		return false
	}
	return st.Mode()&os.ModeCharDevice != 0
}
