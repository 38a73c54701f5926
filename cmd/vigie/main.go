// Command vigie is a security and GDPR baseline scanner; see README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

func main() {
	privateTempDir()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// privateTempDir points TMPDIR at a folder of vigie's own. httpx keeps
// on-disk caches in the temp folder and, at start, deletes any folder there
// older than two days whose name contains the program's name; confined to
// this folder, that sweep only ever removes vigie's own leftovers.
func privateTempDir() {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("vigie-%d", os.Getuid()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return // keep the default temp folder; httpx still works there
	}
	if st, err := os.Stat(dir); err != nil || st.Mode().Perm() != 0o700 {
		return
	}
	_ = os.Setenv("TMPDIR", dir)
}
