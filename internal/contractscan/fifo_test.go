//go:build unix

package contractscan

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

// `mkfifo c/dpa.txt; vigie contracts check c`: the pipe is reported as
// not read, by name, and the other documents are checked; nothing waits.
// The same holds for a pipe named directly.
func TestFIFOInFolderIsReported(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a.txt"), corpus(t, "en-restated.txt"))
	fifo := filepath.Join(dir, "dpa.txt")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	direct := filepath.Join(t.TempDir(), "direct.pdf")
	if err := syscall.Mkfifo(direct, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan map[string]check.Finding, 1)
	go func() {
		p, err := Prepare(Source{Documents: []string{dir, direct}})
		if err != nil {
			t.Error(err)
			done <- nil
			return
		}
		done <- run(t, p)
	}()
	var got map[string]check.Finding
	select {
	case got = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the check blocked on a FIFO")
	}
	for _, p := range []string{fifo, direct} {
		f := got[p+" CTR-DOC-001"]
		if f.Status != check.Error || !strings.Contains(f.Message.EN, p+": a named pipe (FIFO), not a regular file") || !strings.Contains(f.Message.FR, p+" : un tube nommé (FIFO), pas un fichier ordinaire") {
			t.Errorf("%s: %s %q", p, f.Status, f.Message.EN)
		}
	}
	if f := got[filepath.Join(dir, "a.txt")+" CTR-DOC-001"]; f.Status != check.Pass {
		t.Errorf("the regular document beside the pipe: %s %q", f.Status, f.Message.EN)
	}
}
