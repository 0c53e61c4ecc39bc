package lsp

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"go.lsp.dev/jsonrpc2"
)

func TestHandlerPanicsAreRecovered(t *testing.T) {
	var logs bytes.Buffer
	s := newServer(Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	s.state = stateInitialized
	boom := func(context.Context, *jsonrpc2.Request) (any, error) { panic("handler exploded") }

	res, err := s.call(context.Background(), boom, nil, "textDocument/hover")
	var we *jsonrpc2.Error
	if res != nil || !errors.As(err, &we) || we.Code != jsonrpc2.InternalError {
		t.Errorf("call: res=%v err=%v, want an internal error", res, err)
	}
	s.notification(context.Background(), boom, nil, "textDocument/didChange")
	if got := strings.Count(logs.String(), "handler exploded"); got != 2 {
		t.Errorf("logged %d panics, want 2:\n%s", got, logs.String())
	}
	if !strings.Contains(logs.String(), "stack=") {
		t.Errorf("no stack logged:\n%s", logs.String())
	}
}

func TestWireError(t *testing.T) {
	for _, tc := range []struct {
		err  error
		code jsonrpc2.Code
	}{
		{errors.Join(jsonrpc2.ErrParse, errors.New("bad")), jsonrpc2.InvalidParams},
		{jsonrpc2.NewError(jsonrpc2.InvalidRequest, "x"), jsonrpc2.InvalidRequest},
		{errors.New("plain"), jsonrpc2.InternalError},
		{context.Canceled, -32800},
	} {
		var we *jsonrpc2.Error
		if err := wireError("m", tc.err); !errors.As(err, &we) || we.Code != tc.code {
			t.Errorf("wireError(%v) = %v, want code %d", tc.err, err, tc.code)
		}
	}
	if wireError("m", nil) != nil {
		t.Error("nil error changed")
	}
}

// pipeRWC is an in-memory transport: reads come from in, writes go to out.
type pipeRWC struct {
	in  io.Reader
	out bytes.Buffer
}

func (p *pipeRWC) Read(b []byte) (int, error)  { return p.in.Read(b) }
func (p *pipeRWC) Write(b []byte) (int, error) { return p.out.Write(b) }
func (p *pipeRWC) Close() error                { return nil }

func TestStreamSkipsBadFrames(t *testing.T) {
	frame := func(body string) string { return "Content-Length: " + strconv.Itoa(len(body)) + "\r\n\r\n" + body }
	input := strings.Join([]string{
		"garbage line\r\n\r\n",
		"Content-Length: -4\r\n\r\n",
		"Content-Length: " + strings.Repeat("1", 5000) + "\r\n\r\n",
		frame(`{"jsonrpc":"2.0","method":"a"}`),
		frame(`{not json`),
		"content-length: 31\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + `{"jsonrpc":"2.0","method":"bb"}`,
	}, "")
	rwc := &pipeRWC{in: strings.NewReader(input)}
	var trace bytes.Buffer
	st := newStream(rwc, slog.New(slog.DiscardHandler), newTracer(&trace))
	ctx := context.Background()
	var methods []string
	for {
		msg, _, err := st.Read(ctx)
		if err != nil {
			if err != io.EOF {
				t.Fatalf("read: %v", err)
			}
			break
		}
		methods = append(methods, msg.(*jsonrpc2.Notification).Method())
	}
	if strings.Join(methods, ",") != "a,bb" {
		t.Errorf("read %q, want a,bb", methods)
	}
	st.Close()
	if !strings.Contains(rwc.out.String(), `"code":-32700`) {
		t.Errorf("no parse error sent for the bad body: %q", rwc.out.String())
	}
	if !strings.Contains(trace.String(), ` recv {"jsonrpc":"2.0","method":"a"}`) || !strings.Contains(trace.String(), " send ") {
		t.Errorf("trace:\n%s", trace.String())
	}
	if _, err := st.Write(ctx, jsonrpc2.NewNotification("x", nil)); err == nil {
		t.Error("write after close accepted")
	}
}

func TestSettingsParse(t *testing.T) {
	for _, tc := range []struct {
		raw     string
		wantErr bool
		check   func(settings) bool
	}{
		{"", false, func(s settings) bool { return s.maxFileSize() == defaultMaxFileSize && !s.pullDiagnostics() }},
		{`{"pullDiagnostics": true}`, false, func(s settings) bool { return s.pullDiagnostics() }},
		{"null", false, func(s settings) bool { return s.maxFileSize() == defaultMaxFileSize }},
		{`{"maxFileSize": 5}`, false, func(s settings) bool { return s.maxFileSize() == 5 }},
		{`{"scopels": {"disabled": ["a"], "pullDiagnostics": false}}`, false, func(s settings) bool {
			return len(s.Disabled) == 1 && !s.pullDiagnostics()
		}},
		{`{"severity": {"broad-scope": "off"}}`, false, func(s settings) bool {
			return strings.Contains(string(s.projectJSON()), `"broad-scope":"off"`)
		}},
		{`{"maxFileSize": -1}`, true, nil},
		{`[1]`, true, nil},
		{`{"disabled": 3}`, true, nil},
	} {
		s, err := parseSettings([]byte(tc.raw))
		if (err != nil) != tc.wantErr {
			t.Errorf("parseSettings(%s): err = %v", tc.raw, err)
			continue
		}
		if tc.check != nil && !tc.check(s) {
			t.Errorf("parseSettings(%s) = %+v", tc.raw, s)
		}
	}
}

func TestMinimalEdit(t *testing.T) {
	for _, tc := range []struct{ old, new string }{
		{"abc", "abc"},
		{"abcdef", "abXYef"},
		{"日本語", "日木語"}, // shares the first byte of the middle character
		{"a\r\nb", "a\nb"},
		{"", "x"},
		{"x", ""},
		{"aaaa", "aa"},
	} {
		e := minimalEdit([]byte(tc.old), []byte(tc.new))
		got := tc.old[:e.Span.Start] + e.NewText + tc.old[e.Span.End:]
		if got != tc.new {
			t.Errorf("minimalEdit(%q, %q) = %+v, gives %q", tc.old, tc.new, e, got)
		}
		if !utf8Boundary(tc.old, e.Span.Start) || !utf8Boundary(tc.old, e.Span.End) {
			t.Errorf("minimalEdit(%q, %q) = %+v splits a character", tc.old, tc.new, e)
		}
	}
}

func utf8Boundary(s string, i int) bool {
	return i == 0 || i == len(s) || (s[i]&0xC0) != 0x80
}
