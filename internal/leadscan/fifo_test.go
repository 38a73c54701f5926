//go:build unix

package leadscan

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A named pipe called leads.csv is refused by Prepare: opening it would
// wait for a writer, past any unit timeout.
func TestFIFORefused(t *testing.T) {
	for _, name := range []string{"leads.csv", "leads"} {
		p := filepath.Join(t.TempDir(), name)
		if err := syscall.Mkfifo(p, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
		done := make(chan error, 1)
		go func() { _, err := Prepare(Source{Path: p}); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "not a regular file") {
				t.Errorf("%s: %v, want not a regular file", name, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Prepare waits on a pipe", name)
		}
	}
}
