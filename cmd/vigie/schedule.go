package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/schedule"
)

func newScheduleCmd(e env) *cobra.Command {
	var f scanFlags
	var spec, zone string
	var dryRun, once bool
	cmd := &cobra.Command{
		Use:   "schedule",
		Short: "Scan on a cron schedule, keep the history, and post a webhook when things get worse",
		Long: `Run the scan of the configuration at the times schedule.cron (or --cron) names, in
schedule.timezone, never two at once. Each run keeps its history and writes its reports as vigie
scan would; when the overall score falls or a high or critical check newly fails, schedule.webhook
is posted to (generic JSON, Slack or Teams). --once scans now (for cron, systemd or a Kubernetes
CronJob); --dry-run prints the next five times. SIGINT or SIGTERM stops it: a run in progress ends
at once and writes the report of the targets it finished (exit 3).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, _, _, lang, err := loadScan(cmd, e, f) // the config and flags are valid: each run loads them again
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("cron") {
				cfg.Schedule.Cron = spec
			}
			if cmd.Flags().Changed("timezone") {
				cfg.Schedule.Timezone = zone
			}
			r, err := runnerOf(cmd, e, cfg, lang, f, once)
			if err != nil {
				return err
			}
			if dryRun {
				for _, t := range r.Schedule.Upcoming(time.Now(), 5) {
					fmt.Fprintln(e.stdout, schedule.FormatTime(t, lang))
				}
				return nil
			}
			if once {
				o, err := r.Once(cmd.Context())
				defer o.Report.Close()
				if err != nil {
					return scanErr(errors.Join(o.Err, err)) // a failed scan is said beside an undelivered webhook
				}
				if o.Err != nil {
					return scanErr(o.Err)
				}
				return nil
			}
			return r.Run(cmd.Context())
		},
	}
	addScanFlags(cmd, &f)
	fl := cmd.Flags()
	fl.StringVar(&spec, "cron", "", "when to scan: 5 cron fields, @daily, @every 6h (default schedule.cron)")
	fl.StringVar(&zone, "timezone", "", "IANA time zone of --cron, e.g. Europe/Paris (default schedule.timezone, else local)")
	fl.BoolVar(&dryRun, "dry-run", false, "print the next five runs and exit")
	fl.BoolVar(&once, "once", false, "scan once now and notify, then exit (for cron, systemd timers, Kubernetes CronJobs)")
	return cmd
}

// runnerOf checks the schedule and the webhook before any scan, and makes
// the job: each run loads the config and flags again into a new session.
func runnerOf(cmd *cobra.Command, e env, cfg config.Config, lang check.Lang, f scanFlags, once bool) (*schedule.Runner, error) {
	// The log (stderr, the journal) may quote a failed scan's error: its
	// secrets are masked as the webhook masks them.
	scrub := report.Scrubber{Mask: cfg.Mask}
	r := &schedule.Runner{Log: func(t check.Text) {
		if !f.quiet || !routine(t) {
			fmt.Fprintln(e.stderr, "vigie:", scrub.Clean(t.In(lang)))
		}
	}}
	if once {
		// Quiet on success for cron: a failed run or an undelivered webhook
		// comes back as the error vigie prints at exit, once.
		r.Log = nil
	}
	if !once {
		if cfg.Schedule.Cron == "" {
			return nil, usageErr("%s", tr(lang, "no schedule: give --cron or schedule.cron in the config (or --once)",
				"pas de planification : donnez --cron ou schedule.cron dans la configuration (ou --once)"))
		}
		loc := time.Local
		if cfg.Schedule.Timezone != "" {
			var err error
			if loc, err = time.LoadLocation(cfg.Schedule.Timezone); err != nil {
				return nil, usageErr("schedule.timezone: %v", err)
			}
		}
		s, err := schedule.Parse(cfg.Schedule.Cron, loc)
		if err != nil && !cmd.Flags().Changed("cron") {
			err = cfg.Problem("schedule.cron", err) // said where the file sets it
		}
		if err != nil {
			return nil, usageErr("%s", check.InLang(err, lang))
		}
		r.Schedule = s
	}
	if w := cfg.Schedule.Webhook; w != nil {
		if cfg.History == "" {
			return nil, usageErr("%s", tr(lang, "schedule.webhook needs a history (--history or history:): without one nothing can count as a regression",
				"schedule.webhook demande un historique (--history ou history:) : sans lui rien ne peut compter comme une régression"))
		}
		wc := schedule.WebhookConfig{URL: w.URL.Value(), Flavour: schedule.Flavour(w.Flavour), Lang: lang,
			Scrub: scrub, Policy: schedule.DefaultPolicy}
		for _, ev := range w.NotifyOn {
			wc.NotifyOn = append(wc.NotifyOn, schedule.Event(ev))
		}
		if w.Severity != nil {
			wc.Policy.MinSeverity = *w.Severity
		}
		if w.ScoreDrop > 0 {
			wc.Policy.MinDrop = w.ScoreDrop
		}
		wc.Retry.Attempts, wc.Retry.PerAttempt = w.Attempts, time.Duration(w.Timeout)
		hook, err := schedule.NewWebhook(wc)
		if err != nil {
			return nil, usageErr("schedule.webhook: %s", check.InLang(err, lang))
		}
		r.Webhook = hook
	}
	r.Job = func(ctx context.Context) (report.Report, error) {
		_, sess, out, lang, err := loadScan(cmd, e, f)
		if err != nil {
			return report.Report{}, err
		}
		outputs, err := outputsOf(out, lang, false, e)
		if err != nil {
			return report.Report{}, err
		}
		sess.Outputs, sess.Version = outputs, toolVersion()
		res, err := sess.Run(ctx, nil)
		sayAfterRun(e, lang, &sess, res)
		if err == nil { // as vigie scan: an interrupted run, or one that judged nothing, failed
			err = finish(res.RunErr, res.Report, lang)
		}
		if err == nil && nothingChecked(res.Report) {
			err = nothingJudged(lang)
		}
		// A crossed threshold is the webhook's business, not a failed run.
		return res.Report, err
	}
	return r, nil
}

// routine: a line of the scheduler's log that says all is well (the next
// run, a run started or finished, a webhook sent), which -q leaves out;
// failures and skipped runs are always said.
func routine(t check.Text) bool {
	for _, p := range []string{"next run at ", "run due at ", "run finished in ", "webhook to "} {
		if strings.HasPrefix(t.EN, p) {
			return true
		}
	}
	return false
}
