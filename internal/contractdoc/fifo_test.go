//go:build unix

package contractdoc

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe is refused at once, with its name and why, instead of
// waiting forever for a writer.
func TestFIFOIsRefusedNotOpened(t *testing.T) {
	p := filepath.Join(t.TempDir(), "dpa.txt")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Extract(context.Background(), p, DefaultLimits())
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) || !strings.HasPrefix(err.Error(), p+": a named pipe (FIFO)") {
			t.Errorf("FIFO: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Extract blocked on a FIFO") // the pipe is left without a writer: the goroutine stays blocked
	}
}
