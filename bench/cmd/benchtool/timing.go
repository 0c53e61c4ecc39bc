package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// command is one named command line to time.
type command struct {
	name string
	args []string
	ds   []time.Duration
	rss  int64 // the largest peak resident set of any run, KB
}

// runTime times one or more commands: after one untimed run of each (to
// warm the file cache), it runs them in turn, runs times, so that a
// machine that slows down or speeds up affects all of them alike. It
// appends each command's median, minimum and peak memory to the results
// file.
//
// The commands follow "--", each as NAME COMMAND [ARG...], separated by a
// lone "+".
func runTime(args []string) error {
	fs := flag.NewFlagSet("time", flag.ContinueOnError)
	runs := fs.Int("runs", 5, "timed runs of each command")
	results := fs.String("results", "", "results file to append to")
	dir := fs.String("dir", "", "folder to run the commands in")
	okCodes := fs.String("ok", "0,1", "exit statuses that count as success")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cmds, err := parseCommands(fs.Args())
	if err != nil {
		return err
	}
	if *results == "" || *runs < 1 {
		return errors.New("time: -results and -runs >= 1 are required")
	}
	ok, err := parseCodes(*okCodes)
	if err != nil {
		return err
	}
	for i := 0; i <= *runs; i++ {
		for _, c := range cmds {
			d, rss, err := timeOnce(c.args, *dir, ok)
			if err != nil {
				return fmt.Errorf("time %s: %w", c.name, err)
			}
			if i > 0 { // the first round warms up
				c.ds = append(c.ds, d)
				c.rss = max(c.rss, rss)
			}
		}
	}
	f, err := os.OpenFile(*results, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("time: %w", err)
	}
	for _, c := range cmds {
		slices.Sort(c.ds)
		med := c.ds[len(c.ds)/2]
		fmt.Printf("%-16s median %9.1f ms  (min %.1f, max %.1f, %d runs)  peak RSS %.1f MB\n",
			c.name, ms(med), ms(c.ds[0]), ms(c.ds[len(c.ds)-1]), len(c.ds), float64(c.rss)/1024)
		fmt.Fprintf(f, "%s\t%.3f\tms\n%s.min\t%.3f\tms\n%s.rss\t%.1f\tMB\n", c.name, ms(med), c.name, ms(c.ds[0]), c.name, float64(c.rss)/1024)
	}
	return f.Close()
}

// parseCommands splits NAME CMD ARGS... [+ NAME CMD ARGS...].
func parseCommands(args []string) ([]*command, error) {
	var cmds []*command
	for len(args) > 0 {
		end := slices.Index(args, "+")
		if end < 0 {
			end = len(args)
		}
		if end < 2 {
			return nil, errors.New("time: each command needs a name and a program")
		}
		cmds = append(cmds, &command{name: args[0], args: args[1:end]})
		args = args[min(end+1, len(args)):]
	}
	if len(cmds) == 0 {
		return nil, errors.New("time: no command")
	}
	return cmds, nil
}

// parseCodes parses a comma-separated list of exit statuses.
func parseCodes(s string) (map[int]bool, error) {
	ok := map[int]bool{}
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return nil, fmt.Errorf("time: -ok: %w", err)
		}
		ok[n] = true
	}
	return ok, nil
}

// timeOnce runs a command once, its output discarded, and returns its
// wall time and peak resident set size in KB.
func timeOnce(cmdline []string, dir string, ok map[int]bool) (time.Duration, int64, error) {
	cmd := exec.Command(cmdline[0], cmdline[1:]...)
	cmd.Dir = dir
	start := time.Now()
	err := cmd.Run()
	d := time.Since(start)
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		if !ok[exit.ExitCode()] {
			return 0, 0, fmt.Errorf("%s exited %d", cmdline[0], exit.ExitCode())
		}
	case err != nil:
		return 0, 0, err
	}
	var rss int64
	if ru, isRusage := cmd.ProcessState.SysUsage().(*syscall.Rusage); isRusage {
		rss = ru.Maxrss // KB on Linux
	}
	return d, rss, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
