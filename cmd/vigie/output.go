package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
)

// outputFlags are the report flags of every command that produces one:
// format, output, output-dir and lang (declared in config.Options) and --no-color.
type outputFlags struct {
	opts           *options
	noColor, quiet bool
}

func addOutputFlags(cmd *cobra.Command, o *outputFlags) {
	o.opts = addOptions(cmd, "output.format", "output.file", "output.dir", "lang")
	cmd.Flags().BoolVar(&o.noColor, "no-color", false, "no colours (NO_COLOR is honoured too)")
	cmd.Flags().BoolVarP(&o.quiet, "quiet", "q", false, "print nothing but errors and warnings: no progress, no \"report written\"")
}

// over puts the report flags given on cfg and returns the report's
// language: the flag's, the config's, or the locale's.
func (o outputFlags) over(cmd *cobra.Command, cfg *config.Config, e env) (check.Lang, error) {
	if err := o.opts.over(cmd, cfg); err != nil {
		return "", err
	}
	return langOf("", cfg.Lang, e.getenv)
}

// delivery is where and how a report goes, once flags are over the config.
type delivery struct {
	formats        []string
	output, dir    string
	noColor, quiet bool
	handover       handover
}

// useColor: only for a terminal, never into a file, and never when the user
// said no (--no-color, NO_COLOR of any value, TERM=dumb).
func useColor(d delivery, getenv func(string) string, tty bool) bool {
	return tty && d.output == "" && !d.noColor && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// progress shows where the scan stands on a terminal's stderr, on one line:
// targets done, time spent and, once a target is done, an estimate of what is left.
func progress(e env, quiet bool, lang check.Lang, now func() time.Time) func(engine.Event) {
	if quiet || !isTerminal(e.stderr) {
		return nil
	}
	start := now()
	return func(ev engine.Event) {
		switch ev.Kind {
		case engine.UnitStarted, engine.UnitDone:
			fmt.Fprintf(e.stderr, "\r\x1b[K%s %s", progressLine(ev.Progress, now().Sub(start), lang), fit(ev.Progress.Target, 50))
		case engine.ScanDone:
			fmt.Fprint(e.stderr, "\r\x1b[K")
		}
	}
}

// progressLine is "[12/40] 0:31, ~1:12 left": the estimate assumes the
// targets left take as long as the ones done.
func progressLine(p engine.Progress, spent time.Duration, lang check.Lang) string {
	line := fmt.Sprintf("[%d/%d] %s", p.Done, p.Total, clock(spent))
	if p.Done > 0 && p.Done < p.Total {
		left := spent / time.Duration(p.Done) * time.Duration(p.Total-p.Done)
		line += fmt.Sprintf(tr(lang, ", ~%s left", ", encore ~%s"), clock(left))
	}
	return line
}

func clock(d time.Duration) string {
	s := int(d.Round(time.Second) / time.Second)
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
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
		msg := fmt.Sprintf(tr(lang, "scan interrupted: the report holds %d of %d targets", "scan interrompu : le rapport contient %d cibles sur %d"), done, len(rep.Targets))
		if !errors.Is(runErr, context.Canceled) { // stopped by vigie itself: say why
			msg += " (" + check.InLang(runErr, lang) + ")"
		}
		return scanErr(errors.New(msg))
	}
	return scanErr(runErr)
}

// nothingChecked: the scan ran, but it judged nothing: every finding is an
// ERROR, or not applicable because of one (every site unreachable, the one
// contract unreadable and its other checks skipped). That is exit 3, not a
// pass: a cron job must not take a dead network for a clean bill.
func nothingChecked(rep report.Report) bool {
	errored := false
	for f := range rep.Verdicts() {
		switch f.Status {
		case check.Error:
			errored = true
		case check.Skipped:
		default:
			return false
		}
	}
	return errored
}

// nothingJudged is the error of a scan whose every check ended in ERROR.
func nothingJudged(lang check.Lang) error {
	return errors.New(tr(lang, "no target could be checked: every check ended in ERROR (unreachable, timed out or unreadable) or was not applicable because of it; the report says why",
		"aucune cible n'a pu être vérifiée : chaque contrôle a fini en ERREUR (injoignable, délai dépassé ou illisible) ou était sans objet de ce fait ; le rapport dit pourquoi"))
}

func tr(l check.Lang, en, fr string) string { return check.Text{EN: en, FR: fr}.In(l) }

func fit(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
