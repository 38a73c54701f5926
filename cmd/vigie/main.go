// Command vigie is a security and GDPR baseline scanner; see README.md.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/vigie-security/vigie/internal/check"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	stop, delivering := onSignals(cancel, os.Stderr, check.LangFromEnv(os.Getenv), graceAfterSignal, graceToWrite, func() { os.Exit(exitScan) })
	code := run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv, delivering: delivering})
	stop()
	os.Exit(code)
}

// graceAfterSignal is how long vigie may take, once told to stop, to write
// the report of what finished. A read that cannot be cancelled (a FIFO, a
// hung network file system) must not keep it alive past that.
const graceAfterSignal = 15 * time.Second

// graceToWrite is how long the reports may take once the scan has ended:
// those of a large scan are streamed from disk, at the disk's speed.
const graceToWrite = 5 * time.Minute

// onSignals cancels the scan on the first SIGINT or SIGTERM, so what
// finished is still reported; a second signal, or the grace running out,
// quits at once through quit. Once delivering is called (the scan has
// ended, the reports are being written), the grace is toWrite from then.
// stop releases the signals.
func onSignals(cancel func(), stderr io.Writer, lang check.Lang, grace, toWrite time.Duration, quit func()) (stop, delivering func()) {
	sig := make(chan os.Signal, 2)
	done, writing := make(chan struct{}), make(chan struct{})
	var once sync.Once
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
		started := writing
		for {
			select {
			case <-sig:
				fmt.Fprintln(stderr, tr(lang, "vigie: stopped at once (second signal)", "vigie: arrêt immédiat (second signal)"))
			case <-started:
				timer.Reset(toWrite)
				started = nil
				continue
			case <-timer.C:
				if started == nil {
					fmt.Fprintf(stderr, tr(lang, "vigie: stopped at once: still writing the report %s after the scan ended\n",
						"vigie: arrêt immédiat : toujours en train d'écrire le rapport %s après la fin du scan\n"), toWrite)
				} else {
					fmt.Fprintf(stderr, tr(lang, "vigie: stopped at once: still busy %s after the signal\n",
						"vigie: arrêt immédiat : toujours occupé %s après le signal\n"), grace)
				}
			case <-done:
				return
			}
			quit()
			return
		}
	}()
	return func() { signal.Stop(sig); close(done) }, func() { once.Do(func() { close(writing) }) }
}
