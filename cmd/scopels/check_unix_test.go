//go:build unix

package main

import (
	"path/filepath"
	"syscall"
	"testing"
)

func TestCheckSkipsNamedPipe(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.yaml"), 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// Named or walked, a pipe is never opened (it would block).
	code, _, stderr := scopels(t, dir, "", "check", ".", "pipe.yaml")
	if code != 0 || stderr != "scopels: pipe.yaml: skipped: not a regular file\n" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
