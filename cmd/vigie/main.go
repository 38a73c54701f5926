// Command vigie is a security and GDPR baseline scanner; see README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func main() {
	privateTempDir()
	ctx, cancel := context.WithCancel(context.Background())
	stop := onSignals(cancel, os.Stderr, check.LangFromEnv(os.Getenv), graceAfterSignal, func() { os.Exit(exitScan) })
	code := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv})
	stop()
	os.Exit(code)
}

// graceAfterSignal is how long vigie may take, once told to stop, to write
// the report of what finished. A read that cannot be cancelled (a FIFO, a
// hung network file system) must not keep it alive past that.
const graceAfterSignal = 15 * time.Second

// onSignals cancels the scan on the first SIGINT or SIGTERM, so what
// finished is still reported; a second signal, or the grace running out,
// quits at once through quit. stop releases the signals.
func onSignals(cancel func(), stderr io.Writer, lang check.Lang, grace time.Duration, quit func()) (stop func()) {
	sig := make(chan os.Signal, 2)
	done := make(chan struct{})
	signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case <-sig:
		case <-done:
			return
		}
		cancel()
		timer := time.NewTimer(grace)
		defer timer.Stop()
		select {
		case <-sig:
			fmt.Fprintln(stderr, tr(lang, "vigie: stopped at once (second signal)", "vigie: arrêt immédiat (second signal)"))
		case <-timer.C:
			fmt.Fprintf(stderr, tr(lang, "vigie: stopped at once: still busy %s after the signal\n",
				"vigie: arrêt immédiat : toujours occupé %s après le signal\n"), grace)
		case <-done:
			return
		}
		quit()
	}()
	return func() { signal.Stop(sig); close(done) }
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
