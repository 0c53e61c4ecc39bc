package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// runGoBench reads `go test -bench` output on r and appends, for each
// NAME=KEY mapping given, the median MB/s of benchmark NAME (over -count
// runs) to the results file as KEY, and the best as KEY.best: on a shared
// machine, noise only ever slows a run down.
func runGoBench(args []string, r io.Reader) error {
	fs := flag.NewFlagSet("gobench", flag.ContinueOnError)
	results := fs.String("results", "", "results file to append to")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *results == "" || fs.NArg() == 0 {
		return errors.New("gobench: -results and NAME=KEY mappings are required")
	}
	speeds, err := parseGoBench(r)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(*results, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("gobench: %w", err)
	}
	defer f.Close()
	for _, m := range fs.Args() {
		name, key, ok := strings.Cut(m, "=")
		if !ok {
			return fmt.Errorf("gobench: %q is not NAME=KEY", m)
		}
		vs := speeds[name]
		if len(vs) == 0 {
			return fmt.Errorf("gobench: no MB/s for %s", name)
		}
		slices.Sort(vs)
		med, best := vs[len(vs)/2], vs[len(vs)-1]
		fmt.Printf("%-40s median %8.1f MB/s, best %.1f, over %d runs\n", name, med, best, len(vs))
		if _, err := fmt.Fprintf(f, "%s\t%.3f\tMB/s\n%s.best\t%.3f\tMB/s\n", key, med, key, best); err != nil {
			return err
		}
	}
	return f.Close()
}

// parseGoBench returns the MB/s figures of each benchmark, by name
// without the "Benchmark" prefix and the -GOMAXPROCS suffix.
func parseGoBench(r io.Reader) (map[string][]float64, error) {
	out := map[string][]float64{}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 4 || !strings.HasPrefix(fields[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(fields[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		for i := 1; i+1 < len(fields); i++ {
			if fields[i+1] == "MB/s" {
				if v, err := strconv.ParseFloat(fields[i], 64); err == nil {
					out[name] = append(out[name], v)
				}
			}
		}
	}
	return out, sc.Err()
}
