package lsptest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scopels/scopels/lsp"
)

// probeID is the id of the request that checks the server still answers;
// fuzz messages that mention it are dropped so they cannot answer or
// cancel it.
const probeID = "scopels-fuzz-probe"

// seenLog records the server's log messages, to tell a session the fuzz
// input ended on purpose (shutdown, exit) from a broken one.
type seenLog struct {
	mu   sync.Mutex
	msgs []string
}

func (l *seenLog) Enabled(context.Context, slog.Level) bool { return true }
func (l *seenLog) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.msgs = append(l.msgs, r.Message)
	return nil
}
func (l *seenLog) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *seenLog) WithGroup(string) slog.Handler      { return l }

func (l *seenLog) saw(msg string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, m := range l.msgs {
		if m == msg {
			return true
		}
	}
	return false
}

// frameReader reads the server's frames on its own goroutine and hands
// over the responses to the probe.
type frameReader struct {
	probe chan fuzzReply
	done  chan error // the read error that ended the reader
}

type fuzzReply struct {
	ID     json.RawMessage  `json:"id"`
	Method string           `json:"method"`
	Error  *json.RawMessage `json:"error"`
	Code   int              `json:"-"`
}

func readFrames(r io.Reader) *frameReader {
	fr := &frameReader{probe: make(chan fuzzReply, 4), done: make(chan error, 1)}
	in := bufio.NewReader(r)
	go func() {
		for {
			n := -1
			for {
				line, err := in.ReadString('\n')
				if err != nil {
					fr.done <- err
					return
				}
				line = strings.TrimRight(line, "\r\n")
				if line == "" {
					break
				}
				if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
					n, _ = strconv.Atoi(v)
				}
			}
			if n < 0 {
				fr.done <- errors.New("server sent a frame without Content-Length")
				return
			}
			body := make([]byte, n)
			if _, err := io.ReadFull(in, body); err != nil {
				fr.done <- err
				return
			}
			var m fuzzReply
			if err := json.Unmarshal(body, &m); err != nil {
				fr.done <- fmt.Errorf("server sent invalid JSON %q: %w", body, err)
				return
			}
			if m.Method == "" && string(m.ID) == strconv.Quote(probeID) {
				if m.Error != nil {
					var e struct{ Code int }
					json.Unmarshal(*m.Error, &e)
					m.Code = e.Code
				}
				fr.probe <- m
			}
		}
	}()
	return fr
}

// fuzzSeedMessages are valid messages of every kind the server handles,
// for the fuzzer to mutate.
func fuzzSeedMessages() []string {
	u := `"file:///scopels-fuzz/ws/main.go"`
	doc := `{"uri":` + u + `}`
	pos := `"position":{"line":4,"character":30}`
	rng := `{"start":{"line":4,"character":20},"end":{"line":4,"character":40}}`
	text, _ := json.Marshal(goSource)
	return []string{
		`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":` + u + `,"languageId":"go","version":1,"text":` + string(text) + `}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":` + u + `,"version":2},"contentChanges":[{"range":` + rng + `,"text":"drive.readonly"}]}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":` + u + `,"version":3},"contentChanges":[{"text":"package p\nvar scopes = \"repo,user\"\n"}]}}`,
		`{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{"textDocument":` + doc + `,` + pos + `}}`,
		`{"jsonrpc":"2.0","id":2,"method":"textDocument/completion","params":{"textDocument":` + doc + `,` + pos + `,"context":{"triggerKind":2,"triggerCharacter":"."}}}`,
		`{"jsonrpc":"2.0","id":3,"method":"textDocument/codeAction","params":{"textDocument":` + doc + `,"range":` + rng + `,"context":{"diagnostics":[],"only":["quickfix","source.fixAll.scopels"]}}}`,
		`{"jsonrpc":"2.0","id":4,"method":"textDocument/diagnostic","params":{"textDocument":` + doc + `}}`,
		`{"jsonrpc":"2.0","id":5,"method":"workspace/executeCommand","params":{"command":"scopels.allowScope","arguments":[{"uri":` + u + `,"scope":"x","provider":"google"}]}}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"scopels":{"maxFileSize":10,"severity":{"unknown-scope":"off"}}}}}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeWatchedFiles","params":{"changes":[{"uri":"file:///scopels-fuzz/ws/.scopels.yaml","type":2}]}}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeWorkspaceFolders","params":{"event":{"added":[{"uri":"file:///scopels-fuzz/ws","name":"ws"}],"removed":[]}}}`,
		`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":` + doc + `}}`,
		`{"jsonrpc":"2.0","id":6,"result":null}`,
		`{"jsonrpc":"2.0","id":7,"method":"shutdown"}`,
		`{"jsonrpc":"2.0","method":"exit"}`,
	}
}

// FuzzServerMessages sends the server a sequence of arbitrary messages
// after initialize: the fuzz input split at NUL bytes, each part framed as
// a body, or, when it starts with "H:", written as a header block with no
// Content-Length. Then a hover request must be answered: with a result,
// or with an error only after a shutdown the input asked for; the
// connection may only end after an exit the input sent. Nothing may panic
// or hang, and the session must end when the connection closes.
func FuzzServerMessages(f *testing.F) {
	seeds := fuzzSeedMessages()
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Add([]byte(strings.Join(seeds[:7], "\x00")))
	f.Add([]byte(seeds[0] + "\x00H:X-Junk: 1\r\nbad header\x00" + seeds[3] + "\x00{\"jsonrpc\":\"2.0\",\"id\":"))
	f.Add([]byte(`[{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}]` + "\x00\"str\"\x00null\x00{}\x00" + seeds[1]))
	f.Fuzz(func(t *testing.T, data []byte) {
		var parts [][]byte
		for _, p := range bytes.Split(data, []byte{0}) {
			if bytes.Contains(bytes.ToLower(p), []byte("probe")) {
				continue
			}
			parts = append(parts, p)
		}
		runMessages(t, parts)
	})
}

// runMessages runs one fuzz session.
func runMessages(t *testing.T, parts [][]byte) {
	a, b := net.Pipe()
	log := &seenLog{}
	exit := make(chan int, 1)
	go func() {
		exit <- lsp.Serve(context.Background(), a, lsp.Options{Logger: slog.New(log)})
	}()
	defer func() {
		b.Close()
		select {
		case <-exit:
		case <-time.After(Wait):
			t.Fatalf("server did not stop within %v after the connection closed", Wait)
		}
	}()
	frames := readFrames(b)
	write := func(s []byte) error {
		b.SetWriteDeadline(time.Now().Add(Wait))
		_, err := b.Write(s)
		return err
	}
	frame := func(body []byte) []byte {
		return append([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body))), body...)
	}
	if err := write(frame([]byte(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"capabilities":{"workspace":{"applyEdit":true},"textDocument":{"diagnostic":{}}}}}`))); err != nil {
		t.Fatalf("initialize: %v", err)
	}
	write(frame([]byte(`{"jsonrpc":"2.0","method":"initialized","params":{}}`)))

	ended := func(err error) {
		// The connection may only end because the input said exit.
		if !log.saw("exit") {
			t.Fatalf("the connection ended without an exit notification: %v", err)
		}
	}
	for _, p := range parts {
		msg := frame(p)
		if h, ok := bytes.CutPrefix(p, []byte("H:")); ok {
			if bytes.Contains(bytes.ToLower(h), []byte("content-length")) {
				continue
			}
			msg = append(h, "\r\n\r\n"...)
		}
		if err := write(msg); err != nil {
			ended(err)
			return
		}
	}
	probe := []byte(`{"jsonrpc":"2.0","id":"` + probeID + `","method":"textDocument/hover","params":{"textDocument":{"uri":"file:///scopels-fuzz/none.go"},"position":{"line":0,"character":0}}}`)
	if err := write(frame(probe)); err != nil {
		ended(err)
		return
	}
	select {
	case m := <-frames.probe:
		if m.Error != nil && !(log.saw("shutdown requested") && m.Code == -32600) {
			t.Fatalf("hover after the fuzz messages failed: %s", *m.Error)
		}
	case err := <-frames.done:
		ended(err)
	case <-time.After(Wait):
		t.Fatalf("no answer to a hover within %v after the fuzz messages", Wait)
	}
}
