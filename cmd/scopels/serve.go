package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"syscall"

	"github.com/scopels/scopels/lsp"
)

// runServe runs the language server on stdio, or on TCP with --listen.
func runServe(io stdio, args []string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.stderr)
	listen := fs.String("listen", "", "serve LSP over TCP on `ADDR` (host:port, e.g. 127.0.0.1:7777) instead of stdio, for debugging")
	level := fs.String("log-level", "warn", "log `LEVEL` on stderr: debug, info, warn or error")
	trace := fs.String("trace", "", "write every JSON-RPC message exchanged to `FILE`")
	fs.Usage = func() {
		fmt.Fprintln(io.stderr, "Usage: scopels serve [--listen ADDR] [--log-level LEVEL] [--trace FILE]")
		fmt.Fprintln(io.stderr)
		fmt.Fprintln(io.stderr, "Runs the scopels language server on stdin/stdout. Logs go to stderr.")
		fmt.Fprintln(io.stderr)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(io.stderr, "scopels serve: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(strings.ToUpper(*level))); err != nil {
		fmt.Fprintf(io.stderr, "scopels serve: bad --log-level %q (want debug, info, warn or error)\n", *level)
		return 2
	}
	logger := slog.New(slog.NewTextHandler(io.stderr, &slog.HandlerOptions{Level: lv}))
	opts := lsp.Options{Logger: logger, Version: serverVersion()}
	if *trace != "" {
		f, err := os.Create(*trace)
		if err != nil {
			fmt.Fprintf(io.stderr, "scopels serve: %v\n", err)
			return 2
		}
		defer f.Close()
		opts.Trace = f
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *listen != "" {
		return serveTCP(ctx, io, *listen, opts)
	}
	return lsp.Serve(ctx, newStdioConn(io.stdin, io.stdout), opts)
}

// serveTCP accepts connections on addr and runs one session per
// connection until interrupted.
func serveTCP(ctx context.Context, io stdio, addr string, opts lsp.Options) int {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(io.stderr, "scopels serve: %v\n", err)
		return 2
	}
	fmt.Fprintf(io.stderr, "scopels: listening on %s\n", ln.Addr())
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	var wg sync.WaitGroup
	defer wg.Wait()
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return 0
			}
			fmt.Fprintf(io.stderr, "scopels serve: %v\n", err)
			return 2
		}
		opts.Logger.Info("client connected", "remote", c.RemoteAddr())
		wg.Add(1)
		go func() {
			defer wg.Done()
			lsp.Serve(ctx, c, opts)
		}()
	}
}

// stdioConn is stdin and stdout as one connection. Reads go through a pipe
// fed by its own goroutine, so that Close ends a pending read at once even
// though a blocking stdin cannot be interrupted.
type stdioConn struct {
	r *io.PipeReader
	w io.Writer
}

func newStdioConn(in io.Reader, out io.Writer) *stdioConn {
	pr, pw := io.Pipe()
	go func() {
		_, err := io.Copy(pw, in)
		pw.CloseWithError(err) // nil: readers see io.EOF
	}()
	return &stdioConn{r: pr, w: out}
}

func (c *stdioConn) Read(p []byte) (int, error)  { return c.r.Read(p) }
func (c *stdioConn) Write(p []byte) (int, error) { return c.w.Write(p) }
func (c *stdioConn) Close() error                { return c.r.Close() }

// serverVersion is the module version the binary was built from.
func serverVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" {
		return info.Main.Version
	}
	return "(devel)"
}
