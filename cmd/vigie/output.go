package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

// outputFlags are the report flags of every command that produces one:
// format, output, output-dir and lang (declared in config.Options) and --no-color.
type outputFlags struct {
	opts    *options
	noColor bool
}

func addOutputFlags(cmd *cobra.Command, o *outputFlags) {
	o.opts = addOptions(cmd, "output.format", "output.file", "output.dir", "lang")
	cmd.Flags().BoolVar(&o.noColor, "no-color", false, "no colours (NO_COLOR is honoured too)")
}

// delivery is where and how a report goes, once flags are over the config.
type delivery struct {
	format, output, dir string
	noColor             bool
	handover            handover
}

// useColor: only for a terminal, never into a file, and never when the user
// said no (--no-color, NO_COLOR of any value, TERM=dumb).
func useColor(d delivery, getenv func(string) string, tty bool) bool {
	return tty && d.output == "" && !d.noColor && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// progress shows where the scan stands on a terminal's stderr, on one line.
func progress(e env) func(engine.Event) {
	if !isTerminal(e.stderr) {
		return nil
	}
	return func(ev engine.Event) {
		switch ev.Kind {
		case engine.UnitStarted, engine.UnitDone:
			fmt.Fprintf(e.stderr, "\r\x1b[K[%d/%d] %s", ev.Progress.Done, ev.Progress.Total, fit(ev.Progress.Target, 60))
		case engine.ScanDone:
			fmt.Fprint(e.stderr, "\r\x1b[K")
		}
	}
}

// finish turns the run's outcome into an exit error: an interrupted scan has
// still had its report delivered.
func finish(runErr error, rep report.Report, lang check.Lang) error {
	if runErr == nil {
		return nil
	}
	if errors.Is(runErr, context.Canceled) || rep.Interrupted {
		done := 0
		for _, t := range rep.Targets {
			if t.Completed {
				done++
			}
		}
		return scanErr(fmt.Errorf(tr(lang, "scan interrupted: the report holds %d of %d targets", "scan interrompu : le rapport contient %d cibles sur %d"), done, len(rep.Targets)))
	}
	return scanErr(runErr)
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }

func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
