package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

func TestReadAtMost(t *testing.T) {
	text := strings.Repeat("scope=openid ", 1000) // 13,000 bytes
	tests := []struct {
		name        string
		size, limit int64
		want        int // bytes returned
	}{
		{"size right", 13000, 1 << 20, 13000},
		{"file grew after stat", 100, 1 << 20, 13000},
		{"file shrank after stat", 50000, 1 << 20, 13000},
		{"size unknown", 0, 1 << 20, 13000},
		{"over the limit", 13000, 5000, 5001},
		{"over the limit, size unknown", 0, 5000, 5001},
		{"exactly the limit", 13000, 13000, 13000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One byte per Read, the worst a reader may do.
			got, err := readAtMost(iotest.OneByteReader(strings.NewReader(text)), tt.size, tt.limit)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, []byte(text[:min(len(got), len(text))])) {
				t.Fatalf("the %d bytes read are not the start of the text", len(got))
			}
			over := int64(tt.want) > tt.limit
			switch {
			case over && int64(len(got)) <= tt.limit:
				t.Fatalf("read %d bytes: a text over the limit of %d must show it", len(got), tt.limit)
			case !over && len(got) != tt.want:
				t.Fatalf("read %d bytes, want %d", len(got), tt.want)
			}
		})
	}
	boom := errors.New("disk on fire")
	if _, err := readAtMost(iotest.ErrReader(boom), 10, 100); !errors.Is(err, boom) {
		t.Errorf("error %v, want %v", err, boom)
	}
	if got, err := readAtMost(io.LimitReader(strings.NewReader(text), 0), 10, 100); err != nil || len(got) != 0 {
		t.Errorf("empty reader: %q, %v", got, err)
	}
}
