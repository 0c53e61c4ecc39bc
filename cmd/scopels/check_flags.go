package main

import (
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strconv"
	"strings"

	"github.com/scopels/scopels/analysis"
)

// defaultMaxFileSize is the default of --max-file-size: larger files are
// generated or data, not code anyone hand-writes scopes into.
const defaultMaxFileSize = 10 << 20

// failNever is the --fail-on value under which findings never fail the run.
const failNever analysis.Severity = 0

// checkOptions are the parsed flags of check.
type checkOptions struct {
	format        string // text, json or sarif
	failOn        analysis.Severity
	fix, dryRun   bool
	maxFileSize   int64
	stdinFilename string
	noIgnore      bool
	listChecks    bool
	jobs          int
}

const checkUsage = `Usage: scopels check [flags] [paths...]

Checks the OAuth scope strings of files and folders (default "."). Folders
are walked in parallel; .git, vendor and node_modules folders, files the
.gitignore files ignore, files the project file's "ignore" key lists,
binary files, files of unknown formats and files over --max-file-size are
skipped. Files named on the command line are always checked. "-" reads
standard input (with --stdin-filename naming it).

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage,
I/O or project file error.

Flags:
  --format text|json|sarif  output format (default text)
  --fail-on LEVEL           lowest severity that fails the run: error,
                            warning, info, hint or never (default warning)
  --fix                     write the preferred fix of every finding
  --dry-run                 with --fix: print a unified diff, write nothing
  --max-file-size SIZE      skip larger files; SIZE is bytes or a number
                            with K, M or G (powers of 1024) (default 10M)
  --stdin-filename NAME     the name of the text read from "-"
  --no-ignore               do not read .gitignore files
  --list-checks             list the checks and exit
  -j, --jobs N              files checked at once (default: the number of CPUs)
`

// parseCheckArgs parses check's flags, which may come before, between or
// after the paths; "--" ends them. ok is false when the command must exit
// with code.
func parseCheckArgs(io stdio, args []string) (opts checkOptions, paths []string, code int, ok bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "-help" || a == "--help" {
			fmt.Fprint(io.stdout, checkUsage)
			return opts, nil, 0, false
		}
	}
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	fs.Usage = func() { fmt.Fprintln(io.stderr, "Run 'scopels check --help' for usage.") }
	failOn := "warning"
	opts.maxFileSize = defaultMaxFileSize
	fs.StringVar(&opts.format, "format", "text", "")
	fs.StringVar(&failOn, "fail-on", failOn, "")
	fs.BoolVar(&opts.fix, "fix", false, "")
	fs.BoolVar(&opts.dryRun, "dry-run", false, "")
	fs.Func("max-file-size", "", func(s string) error {
		n, err := parseSize(s)
		opts.maxFileSize = n
		return err
	})
	fs.StringVar(&opts.stdinFilename, "stdin-filename", "", "")
	fs.BoolVar(&opts.noIgnore, "no-ignore", false, "")
	fs.BoolVar(&opts.listChecks, "list-checks", false, "")
	fs.IntVar(&opts.jobs, "jobs", runtime.GOMAXPROCS(0), "")
	fs.IntVar(&opts.jobs, "j", runtime.GOMAXPROCS(0), "")

	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			return opts, nil, 2, false
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		paths = append(paths, args[0])
		args = args[1:]
	}
	paths = append(paths, tail...)

	usage := func(format string, a ...any) (checkOptions, []string, int, bool) {
		fmt.Fprintf(io.stderr, "scopels: check: "+format+"\n", a...)
		fs.Usage()
		return opts, nil, 2, false
	}
	switch opts.format {
	case "text", "json", "sarif":
	default:
		return usage("--format must be text, json or sarif, not %q", opts.format)
	}
	if strings.EqualFold(failOn, "never") || strings.EqualFold(failOn, "none") {
		opts.failOn = failNever
	} else if s, ok := analysis.ParseSeverity(failOn); ok {
		opts.failOn = s
	} else {
		return usage("--fail-on must be error, warning, info, hint or never, not %q", failOn)
	}
	if opts.dryRun && !opts.fix {
		return usage("--dry-run needs --fix")
	}
	if opts.jobs < 1 {
		return usage("--jobs must be at least 1")
	}
	if len(paths) == 0 {
		if opts.stdinFilename != "" {
			paths = []string{"-"}
		} else {
			paths = []string{"."}
		}
	}
	stdins := 0
	for _, p := range paths {
		if p == "-" {
			stdins++
		}
	}
	switch {
	case stdins > 1:
		return usage(`"-" can be given once`)
	case stdins == 1 && opts.stdinFilename == "":
		return usage(`reading "-" needs --stdin-filename NAME (the name picks the file format and project file)`)
	case stdins == 1 && opts.fix && !opts.dryRun:
		return usage(`--fix cannot write back to standard input; use --fix --dry-run for a diff`)
	}
	return opts, paths, 0, true
}

// parseSize reads a byte count: digits with an optional K, M or G suffix
// (powers of 1024; "KB", "MiB" and lower case are accepted too).
func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimSuffix(strings.TrimSuffix(t, "B"), "I")
	mult := int64(1)
	switch {
	case strings.HasSuffix(t, "K"):
		mult = 1 << 10
	case strings.HasSuffix(t, "M"):
		mult = 1 << 20
	case strings.HasSuffix(t, "G"):
		mult = 1 << 30
	}
	if mult > 1 {
		t = t[:len(t)-1]
	}
	n, err := strconv.ParseInt(strings.TrimSpace(t), 10, 64)
	if err != nil || n < 0 || n > (1<<62)/mult {
		return 0, errors.New("want a size such as 10M, 512K or 1048576")
	}
	return n * mult, nil
}
