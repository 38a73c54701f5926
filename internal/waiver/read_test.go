package waiver

import (
	"github.com/vigie-security/vigie/internal/check"

	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Reading a waiver file never waits forever: a FIFO with no writer, a pipe
// whose writer stalls and a folder are errors naming the file.
func TestReadIsBounded(t *testing.T) {
	known := func(id string) bool { return strings.HasPrefix(id, "WEB-") }
	defer func(d time.Duration) { ReadTimeout = d }(ReadTimeout)
	ReadTimeout = 200 * time.Millisecond
	dir := t.TempDir()
	fifo := filepath.Join(dir, "waivers.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFO here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Load(fifo, known); done <- err }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), fifo) || !strings.Contains(err.Error(), "no writer") {
			t.Errorf("FIFO without a writer: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Load blocks on a FIFO without a writer")
	}
	e := Entry{Check: "WEB-HSTS-001", Statement: "legacy site", Expires: "2027-03-31"}
	if err := Append(fifo, e, known, check.EN); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Append to a FIFO: %v", err)
	}

	// A pipe, as --waivers <(…) gives: read to the end when the writer is done...
	r, w, _ := os.Pipe()
	w.WriteString("waivers:\n  - check: WEB-HSTS-001\n    statement: legacy\n    expires: 2027-01-01\n")
	w.Close()
	if f, err := Load("/dev/fd/"+strconv.Itoa(int(r.Fd())), known); err != nil || len(f.Waivers) != 1 {
		t.Errorf("pipe: %+v, %v", f, err)
	}
	r.Close()
	// ...and given up on when the writer stalls.
	r, w, _ = os.Pipe()
	defer w.Close()
	defer r.Close()
	w.WriteString("waivers:\n")
	start := time.Now()
	if _, err := Load("/dev/fd/"+strconv.Itoa(int(r.Fd())), known); err == nil || !strings.Contains(err.Error(), "nothing more came") {
		t.Errorf("stalled pipe: %v", err)
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("stalled pipe: %v", d)
	}
	if _, err := Load(dir, known); err == nil || !strings.Contains(err.Error(), "folder") {
		t.Errorf("folder: %v", err)
	}
}
