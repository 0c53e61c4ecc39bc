package lsp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// The stock header framing of jsonrpc2 ends the connection on the first
// frame whose body is not a well-formed JSON-RPC message, and on the first
// malformed header. An editor (or a fuzzer) that sends one bad message must
// not take the server down, so scopels frames messages itself: a bad body
// is answered with a JSON-RPC error response and skipped, a bad header block
// is logged and skipped, and the next message is served.

// maxBody bounds the body of one message. Larger frames are skipped
// without being buffered. 50 MB documents fit comfortably (JSON escaping
// can grow a text by a few times at worst).
const maxBody = 512 << 20

// maxHeaderLine bounds one header line.
const maxHeaderLine = 4096

// errBadHeader marks a header block that was skipped.
var errBadHeader = errors.New("malformed message header")

// stream implements jsonrpc2.Stream with LSP Content-Length framing.
//
// Writes are queued and sent by a writer goroutine, in order. The read
// loop therefore never blocks on the client: over a synchronous transport
// (a pipe without buffer) a client that is itself busy writing to the
// server could otherwise deadlock with a server writing from its read loop.
type stream struct {
	in    *bufio.Reader
	out   io.Writer
	close io.Closer
	log   *slog.Logger
	trace *tracer

	wmu    sync.Mutex
	wcond  *sync.Cond
	queue  [][]byte // frames waiting for the writer
	werr   error    // the first write error; later writes fail with it
	closed bool
	done   chan struct{} // closed when the writer has exited
}

func newStream(rwc io.ReadWriteCloser, log *slog.Logger, trace *tracer) *stream {
	s := &stream{in: bufio.NewReaderSize(rwc, 64<<10), out: rwc, close: rwc, log: log, trace: trace, done: make(chan struct{})}
	s.wcond = sync.NewCond(&s.wmu)
	go s.writer()
	return s
}

// errStreamClosed is returned by writes after Close.
var errStreamClosed = errors.New("stream closed")

// writer sends queued frames until the stream is closed and drained, or a
// write fails.
func (s *stream) writer() {
	defer close(s.done)
	for {
		s.wmu.Lock()
		for len(s.queue) == 0 && !s.closed {
			s.wcond.Wait()
		}
		batch := s.queue
		s.queue = nil
		s.wmu.Unlock()
		if len(batch) == 0 {
			return // closed and drained
		}
		for _, frame := range batch {
			if _, err := s.out.Write(frame); err != nil {
				s.wmu.Lock()
				s.werr = fmt.Errorf("writing message: %w", err)
				s.queue = nil
				s.wmu.Unlock()
				s.log.Debug("write failed; closing the transport", "err", err)
				s.close.Close()
				return
			}
			if s.trace != nil {
				s.trace.record("send", frame[bytes.Index(frame, []byte("\r\n\r\n"))+4:])
			}
		}
	}
}

// Read returns the next well-formed message. Malformed frames are answered
// (when they can be) and skipped; only transport errors are returned.
func (s *stream) Read(ctx context.Context) (jsonrpc2.Message, int64, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, 0, err
		}
		body, n, err := s.readFrame()
		if errors.Is(err, errBadHeader) {
			s.log.Warn("skipping a message with a malformed header", "err", err)
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		s.trace.record("recv", body)
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil {
			s.rejectBody(ctx, body, err)
			continue
		}
		return msg, n, nil
	}
}

// rejectBody answers a frame that is not a JSON-RPC message. The reply
// carries the request's id when one can be read, else null, as JSON-RPC
// prescribes.
func (s *stream) rejectBody(ctx context.Context, body []byte, err error) {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	code := jsonrpc2.InvalidRequest
	if !json.Valid(body) {
		code = jsonrpc2.ParseError
	}
	var id jsonrpc2.ID
	if code == jsonrpc2.InvalidRequest && json.Unmarshal(body, &probe) == nil && len(probe.ID) > 0 {
		var n int64
		var str string
		if json.Unmarshal(probe.ID, &n) == nil {
			id = jsonrpc2.NewNumberID(n)
		} else if json.Unmarshal(probe.ID, &str) == nil {
			id = jsonrpc2.NewStringID(str)
		}
	}
	if bytes.HasPrefix(bytes.TrimSpace(body), []byte("[")) {
		err = errors.New("batch messages are not used by LSP")
	}
	s.log.Warn("rejecting a malformed message", "err", err, "bytes", len(body))
	resp := jsonrpc2.NewResponse(id, nil, jsonrpc2.NewError(code, fmt.Sprintf("scopels: malformed message: %v", err)))
	if _, werr := s.Write(ctx, resp); werr != nil {
		s.log.Debug("could not answer a malformed message", "err", werr)
	}
}

// readFrame reads one header block and its body.
func (s *stream) readFrame() ([]byte, int64, error) {
	length := -1
	var headerLen int64
	sawLine := false
	for {
		line, err := s.readLine()
		headerLen += int64(len(line))
		if err != nil {
			if errors.Is(err, errBadHeader) {
				return nil, 0, err
			}
			if err == io.EOF && sawLine {
				err = io.ErrUnexpectedEOF
			}
			return nil, 0, err
		}
		sawLine = true
		text := bytes.TrimRight(line, "\r\n")
		if len(text) == 0 {
			break
		}
		name, value, ok := bytes.Cut(text, []byte(":"))
		if !ok {
			return nil, 0, fmt.Errorf("%w: line %q has no colon", errBadHeader, truncate(text, 40))
		}
		if bytes.EqualFold(bytes.TrimSpace(name), []byte("Content-Length")) {
			n, err := strconv.Atoi(string(bytes.TrimSpace(value)))
			if err != nil || n < 0 {
				return nil, 0, fmt.Errorf("%w: bad Content-Length %q", errBadHeader, truncate(value, 40))
			}
			length = n
		}
	}
	if length < 0 {
		return nil, 0, fmt.Errorf("%w: no Content-Length", errBadHeader)
	}
	if length > maxBody {
		if _, err := io.CopyN(io.Discard, s.in, int64(length)); err != nil {
			return nil, 0, err
		}
		return nil, 0, fmt.Errorf("%w: body of %d bytes exceeds the limit of %d", errBadHeader, length, maxBody)
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.in, body); err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return nil, 0, err
	}
	return body, headerLen + int64(length), nil
}

// readLine reads one line including its "\n". A line longer than
// maxHeaderLine is consumed whole and reported as a bad header.
func (s *stream) readLine() ([]byte, error) {
	var line []byte
	overlong := false
	for {
		chunk, err := s.in.ReadSlice('\n')
		if !overlong && len(line)+len(chunk) <= maxHeaderLine {
			line = append(line, chunk...)
		} else {
			overlong, line = true, nil
		}
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == nil && overlong:
			return nil, fmt.Errorf("%w: header line longer than %d bytes", errBadHeader, maxHeaderLine)
		default:
			return line, err
		}
	}
}

// Write frames one message and queues it for the writer.
func (s *stream) Write(ctx context.Context, msg jsonrpc2.Message) (int64, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	body, err := jsonrpc2.EncodeMessage(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding message: %w", err)
	}
	frame := make([]byte, 0, len(body)+32)
	frame = append(frame, "Content-Length: "...)
	frame = strconv.AppendInt(frame, int64(len(body)), 10)
	frame = append(frame, "\r\n\r\n"...)
	frame = append(frame, body...)
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if s.werr != nil {
		return 0, s.werr
	}
	if s.closed {
		return 0, errStreamClosed
	}
	s.queue = append(s.queue, frame)
	s.wcond.Signal()
	return int64(len(frame)), nil
}

// Close lets the writer send what is queued (for up to a second: a client
// that stopped reading must not hold the server), then closes the
// transport.
func (s *stream) Close() error {
	s.wmu.Lock()
	s.closed = true
	s.wcond.Signal()
	s.wmu.Unlock()
	select {
	case <-s.done:
	case <-time.After(time.Second):
	}
	return s.close.Close()
}

func truncate(b []byte, n int) string {
	if len(b) > n {
		return string(b[:n]) + "..."
	}
	return string(b)
}

// tracer writes the JSON-RPC exchange, one message per line, prefixed with
// a timestamp and its direction. A nil tracer records nothing.
type tracer struct {
	mu sync.Mutex
	w  io.Writer
}

func newTracer(w io.Writer) *tracer {
	if w == nil {
		return nil
	}
	return &tracer{w: w}
}

func (t *tracer) record(dir string, body []byte) {
	if t == nil {
		return
	}
	var line bytes.Buffer
	line.WriteString(time.Now().UTC().Format("2006-01-02T15:04:05.000000Z07:00"))
	line.WriteByte(' ')
	line.WriteString(dir)
	line.WriteByte(' ')
	if err := json.Compact(&line, body); err != nil {
		line.WriteString(strconv.Quote(string(body)))
	}
	line.WriteByte('\n')
	t.mu.Lock()
	defer t.mu.Unlock()
	t.w.Write(line.Bytes()) //nolint:errcheck // tracing is best effort
}

// codec marshals params and results with the protocol package's union-aware
// JSON codec (the one protocol.NewServer installs; it is not exported).
type codec struct{}

func (codec) Marshal(v any) ([]byte, error) {
	switch m := v.(type) {
	case jsonrpc2.RawMessage:
		if m == nil {
			return []byte("null"), nil
		}
		return m, nil
	case *jsonrpc2.RawMessage:
		if m == nil || *m == nil {
			return []byte("null"), nil
		}
		return *m, nil
	}
	return protocol.Marshal(v)
}

func (codec) Unmarshal(data []byte, v any) error {
	if p, ok := v.(*jsonrpc2.RawMessage); ok {
		*p = append(jsonrpc2.RawMessage(nil), data...)
		return nil
	}
	return protocol.Unmarshal(data, v)
}
