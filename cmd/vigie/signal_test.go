package main

import (
	"bytes"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// lockedBuffer is written by the signal goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSignalsAlwaysEndVigie: the first signal cancels the scan; a second one,
// or a read that does not return within the grace, ends vigie all the same.
// Before, a FIFO read kept vigie alive through any number of Ctrl-C.
func TestSignalsAlwaysEndVigie(t *testing.T) {
	for _, tc := range []struct {
		name       string
		signals    int
		grace      time.Duration
		delivering bool
		says       string
	}{
		{"second signal", 2, time.Hour, false, "second signal"},
		{"grace runs out", 1, 50 * time.Millisecond, false, "still busy"},
		{"writing the report", 1, time.Hour, true, "still writing the report 100ms after the scan ended"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cancelled, quit := make(chan struct{}), make(chan struct{})
			var stderr lockedBuffer
			stop, delivering := onSignals(func() { close(cancelled) }, &stderr, check.EN, tc.grace, 100*time.Millisecond, func() { close(quit) })
			defer stop()
			if tc.delivering { // the scan ended before the signal: the writers get their own time, not the scan's grace
				delivering()
			}
			for i := range tc.signals {
				if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
					t.Fatal(err)
				}
				if i == 0 {
					waitFor(t, cancelled, "the scan to be cancelled")
				}
			}
			waitFor(t, quit, "vigie to quit")
			if !strings.Contains(stderr.String(), tc.says) {
				t.Errorf("stderr = %q, want it to say %q", stderr.String(), tc.says)
			}
		})
	}
}

func TestSignalsReleasedAfterARun(t *testing.T) {
	quit := make(chan struct{})
	stop, _ := onSignals(func() { t.Error("cancelled with no signal") }, &lockedBuffer{}, check.EN, time.Millisecond, time.Millisecond, func() { close(quit) })
	stop()
	select {
	case <-quit:
		t.Error("quit after stop")
	case <-time.After(20 * time.Millisecond):
	}
}

func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
}
