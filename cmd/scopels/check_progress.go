package main

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/scopels/scopels/analysis"
)

// progressDelay is how long a run goes before it shows a progress line:
// short runs print nothing extra.
const progressDelay = 2 * time.Second

// progressEvery is how often the progress line is redrawn.
const progressEvery = 250 * time.Millisecond

// startProgress shows a progress line on stderr once the run has taken
// progressDelay, if stderr is a terminal. The returned function stops it
// and erases the line.
func (c *checker) startProgress(start time.Time) (stop func()) {
	if !c.tty {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		delay := time.NewTimer(progressDelay)
		defer delay.Stop()
		select {
		case <-done:
			return
		case <-delay.C:
		}
		tick := time.NewTicker(progressEvery)
		defer tick.Stop()
		for {
			fmt.Fprintf(c.io.stderr, "\r\x1b[K%s", progressLine(c.filesDone.Load(), c.found.Load(), time.Since(start)))
			select {
			case <-done:
				fmt.Fprint(c.io.stderr, "\r\x1b[K")
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
	}
}

// progressLine is the text of the progress line.
func progressLine(files, findings int64, elapsed time.Duration) string {
	return fmt.Sprintf("scopels: %s checked, %s so far (%s)",
		plural(int(files), "file"), plural(int(findings), "finding"), elapsed.Round(time.Second))
}

// summaryLine is the closing line shown on a terminal: files checked,
// findings by severity, time taken.
func summaryLine(nfiles int, files []fileFindings, elapsed time.Duration) string {
	var n [analysis.SeverityHint + 1]int
	total := 0
	for _, f := range files {
		for _, x := range f.findings {
			if s := x.diag.Severity; s >= analysis.SeverityError && s <= analysis.SeverityHint {
				n[s]++
				total++
			}
		}
	}
	var parts []string
	for s := analysis.SeverityError; s <= analysis.SeverityHint; s++ {
		switch {
		case n[s] == 0:
		case s == analysis.SeverityInfo:
			parts = append(parts, fmt.Sprintf("%d info", n[s]))
		default:
			parts = append(parts, plural(n[s], s.String()))
		}
	}
	what := "no findings"
	if total > 0 {
		what = strings.Join(parts, ", ")
	}
	return fmt.Sprintf("scopels: %s checked in %s: %s", plural(nfiles, "file"), roundDuration(elapsed), what)
}

// roundDuration keeps three significant figures or so.
func roundDuration(d time.Duration) time.Duration {
	switch {
	case d >= 10*time.Second:
		return d.Round(100 * time.Millisecond)
	case d >= time.Second:
		return d.Round(10 * time.Millisecond)
	case d >= time.Millisecond:
		return d.Round(time.Millisecond)
	}
	return d.Round(time.Microsecond)
}
