package fileread

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// TestNothingBlocks: before, opening a FIFO nobody writes to hung vigie
// forever (a config, a policy, a stored-password file, a targets list).
func TestNothingBlocks(t *testing.T) {
	defer func(w time.Duration) { wait = w }(wait)
	wait = 200 * time.Millisecond
	dir := t.TempDir()
	regular := filepath.Join(dir, "vigie.yaml")
	os.WriteFile(regular, []byte("version: 1\n"), 0o600)
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	sock := filepath.Join(dir, "sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()

	cases := []struct {
		path, want string
	}{
		{dir, "a folder"},
		{fifo, "within 200ms"}, // no writer: the deadline, or an end of file with nothing read
		{sock, "not a regular file"},
		{filepath.Join(dir, "missing"), "no such file"},
	}
	for _, tc := range cases {
		done := make(chan error, 1)
		go func() { _, err := ReadAll(tc.path, 1<<20); done <- err }()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.path) {
				t.Errorf("%s: error %v, want it to name the path and say %q", tc.path, err, tc.want)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: reading blocked", tc.path)
		}
	}
	// Whether the deadline or the end of the wait comes first, a FIFO that
	// never sent a byte is said to have had no writer.
	if _, err := ReadAll(fifo, 1<<20); err == nil || !strings.Contains(err.Error(), "no writer") {
		t.Errorf("FIFO without a writer: %v", err)
	}
	if data, err := ReadAll(regular, 1<<20); err != nil || string(data) != "version: 1\n" {
		t.Errorf("regular file: %q %v", data, err)
	}
	if _, err := ReadAll(regular, 4); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("size bound: %v", err)
	}
}

// TestPipeWithAWriterIsRead: a shell's <(…) still works.
func TestPipeWithAWriterIsRead(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	go func() {
		time.Sleep(100 * time.Millisecond) // the writer starts after the reader, as <(…) may
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString("version: 1\n")
			f.Close()
		}
	}()
	data, err := ReadAll(fifo, 1<<20)
	if err != nil || string(data) != "version: 1\n" {
		t.Errorf("pipe with a writer: %q %v", data, err)
	}
}

// A file that cannot be read is said in French too, naming the path.
func TestErrorsInFrench(t *testing.T) {
	dir := t.TempDir()
	_, err := ReadAll(dir, 1<<10)
	if err == nil || err.Error() != dir+": a folder, not a file" {
		t.Fatalf("a folder: %v", err)
	}
	fr := check.InLang(err, check.FR)
	if fr != dir+" : un dossier, pas un fichier" {
		t.Errorf("French %q", fr)
	}
}
