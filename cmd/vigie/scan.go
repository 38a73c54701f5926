package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/shard"
	"github.com/vigie-security/vigie/internal/store"
	"github.com/vigie-security/vigie/internal/waiver"
)

type scanFlags struct {
	outputFlags
	scan                                      *options
	config, targetsFile, shard, run, baseline string
	failOnNew                                 bool
	targets                                   []string
}

func newScanCmd(e env) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan",
		Short: "Scan the configured targets and report findings and scores",
		Long: `Scan what the configuration names: web sites (HTTPS, TLS, certificates, headers, cookies,
exposed files), password policies and stored hashes, processor contracts and inventories, lead
databases. Then, once: waivers, history, reports (one format, or several with --output-dir), thresholds.

Targets come from --config (web.targets), --target (repeatable) and
--targets-file (one per line). Flags override the config file.

Exit codes: 0 no threshold crossed, 1 --fail-on/--fail-under crossed,
2 usage or configuration error, 3 the scan could not run, was interrupted,
or checked nothing (every finding ERROR, or SKIPPED beside one: all targets unreachable or unreadable).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runScan(cmd, e, f) },
	}
	addScanFlags(cmd, &f)
	return cmd
}

// addScanFlags declares what a scan takes, for vigie scan and vigie schedule.
func addScanFlags(cmd *cobra.Command, f *scanFlags) {
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (see vigie init)")
	fl.StringArrayVarP(&f.targets, "target", "t", nil, "URL or host to scan (repeatable)")
	fl.StringVar(&f.targetsFile, "targets-file", "", "file with one target per line")
	addOutputFlags(cmd, &f.outputFlags)
	f.scan = addOptions(cmd, "scan.concurrency", "scan.host_rate", "scan.rate", "scan.timeout", "web.ca_file",
		"scan.fail_on", "scan.fail_under", "waivers", "history")
	fl.BoolVar(&f.failOnNew, "fail-on-new", false, "with --history: exit 1 if a check fails that did not fail in the last scan")
	fl.StringVar(&f.baseline, "baseline", "", "with --history: compare with this stored scan (ID, prefix, last~N, a day) instead of the last; with --fail-on-new, fail only on findings new since it")
	fl.StringVar(&f.shard, "shard", "", "I/N: scan only this share of the targets (0 ≤ I < N), for vigie merge; no history, no thresholds")
	fl.StringVar(&f.run, "run", "", "with --shard: the run's ID, the same on every pod (a pipeline ID, the Job's uid); vigie merge refuses shards of different runs")
}

// merge applies the flags the user set on top of the config file.
func (f scanFlags) merge(cmd *cobra.Command, cfg *config.Config) error {
	if err := f.outputFlags.opts.over(cmd, cfg); err != nil {
		return err
	}
	if err := f.scan.over(cmd, cfg); err != nil {
		return err
	}
	if f.failOnNew && cfg.History == "" {
		return usageText("--fail-on-new needs --history (or history: in the config)", "--fail-on-new demande --history (ou history: dans la configuration)")
	}
	return nil
}

func runScan(cmd *cobra.Command, e env, f scanFlags) error {
	_, sess, out, lang, err := loadScan(cmd, e, f)
	if err != nil {
		return err
	}
	return execute(cmd, e, sess, out, lang)
}

// loadScan reads the config and the flags into the session of one scan.
func loadScan(cmd *cobra.Command, e env, f scanFlags) (cfg config.Config, sess scan.Session, out delivery, lang check.Lang, err error) {
	fail := func(err error) (config.Config, scan.Session, delivery, check.Lang, error) {
		return cfg, scan.Session{}, delivery{}, lang, err
	}
	cfg = config.Defaults()
	if f.config != "" {
		if cfg, err = config.Load(f.config, e.getenv); err != nil {
			return fail(asUsage(err))
		}
	}
	if err := f.merge(cmd, &cfg); err != nil {
		return fail(err)
	}
	if lang, err = langOf("", cfg.Lang, e.getenv); err != nil {
		return fail(err)
	}
	extra := f.targets
	if f.targetsFile != "" {
		more, err := scan.ReadTargetsFile(f.targetsFile)
		if err != nil {
			return fail(asUsage(err))
		}
		extra = append(extra, more...)
	}
	plan, err := scan.FromConfig(cfg, extra)
	if err != nil {
		return fail(asUsage(err))
	}
	if f.shard != "" {
		if plan.Shard, err = shard.Parse(f.shard); err != nil {
			return fail(usageErr("%v", err)) // the error names --shard
		}
	}
	if cmd.Flags().Changed("run") {
		if f.shard == "" {
			return fail(usageText("--run names the run of a sharded scan: give --shard I/N too", "--run nomme l'exécution d'une analyse répartie : donnez aussi --shard I/N"))
		}
		if plan.ShardRun, err = shard.ParseRun(f.run); err != nil {
			return fail(usageErr("%v", err)) // the error names --run
		}
	}
	if plan.Empty() {
		return fail(usageText("nothing to scan: give --target, --targets-file, or web.targets, password.policies, password.hashes, contracts or leads.sources in --config", "rien à analyser : donnez --target, --targets-file, ou web.targets, password.policies, password.hashes, contracts ou leads.sources dans --config"))
	}
	out = deliveryOf(cfg.Output, f.outputFlags)
	sess = scan.Session{Plan: plan, WaiverFile: cfg.Waivers, History: cfg.History, Retention: retentionOf(cfg),
		FailOn: cfg.Scan.FailOn, FailUnder: cfg.Scan.FailUnder, FailOnNew: f.failOnNew, Baseline: f.baseline, Spool: true,
		Inputs: []scan.Input{{Path: f.config, What: scan.InputConfig}, {Path: f.targetsFile, What: scan.InputTargets}}}
	return cfg, sess, out, lang, nil
}

// retentionOf is the config's history retention over the store's default.
func retentionOf(cfg config.Config) store.Retention {
	r := store.DefaultRetention
	if n := cfg.HistoryRetention.Scans; n > 0 {
		r.Keep = n
	}
	if d := cfg.HistoryRetention.Days; d > 0 {
		r.MaxAge = time.Duration(d) * 24 * time.Hour
	}
	return r
}

// execute runs a session with the report delivered as out asks, and turns
// its result into an exit code.
func execute(cmd *cobra.Command, e env, sess scan.Session, out delivery, lang check.Lang) error {
	return deliverWith(cmd, e, &sess, out, lang, func() (scan.Result, error) { return sess.Run(cmd.Context(), progress(e, out.quiet, lang, time.Now)) })
}

// sayAfterRun tells on stderr what a run leaves to say besides its
// verdict: the waivers that expired, the notes (findings kept in memory…).
func sayAfterRun(e env, lang check.Lang, sess *scan.Session, res scan.Result) {
	sayExpired(e, lang, sess.WaiverFile, res.Expired)
	for _, n := range res.Notes {
		fmt.Fprintf(e.stderr, "vigie: %s\n", n.In(lang))
	}
}

// sayExpired warns of each waiver that expired and no longer applies.
func sayExpired(e env, lang check.Lang, file string, expired []waiver.Expired) {
	for _, x := range expired {
		fmt.Fprintf(e.stderr, tr(lang, "vigie: %s:%d: the waiver of %s expired on %s and is no longer applied\n",
			"vigie: %s:%d: la dérogation sur %s a expiré le %s et ne s'applique plus\n"), file, x.Line, x.Check, x.Expires)
	}
}

func deliverWith(cmd *cobra.Command, e env, sess *scan.Session, out delivery, lang check.Lang, run func() (scan.Result, error)) error {
	outputs, err := outputsOf(out, lang, useColor(out, e.getenv, isTerminal(e.stdout)), e)
	if err != nil {
		return err
	}
	sess.Outputs = outputs
	sess.Version = toolVersion()
	sess.Delivering = e.delivering
	res, err := run()
	defer res.Report.Close()
	sayAfterRun(e, lang, sess, res)
	var histErr *scan.HistoryError
	var prepErr *scan.PrepareError
	switch {
	case errors.As(err, &prepErr):
		return asUsage(prepErr.Err)
	case errors.Is(err, engine.ErrNoTargets):
		return usageErr("%v", err)
	case errors.As(err, &histErr):
		return scanErr(fmt.Errorf(tr(lang, "history %s: %s (the report was written)", "historique %s : %s (le rapport a été écrit)"),
			store.Redact(histErr.Path), check.InLang(histErr.Err, lang)))
	case err != nil:
		return scanErr(err)
	}
	// Quiet on success for cron: where the report went is said on a terminal only.
	for _, o := range sess.Outputs {
		if o.Path != "" && isTerminal(e.stderr) && !out.quiet {
			s := res.Report.Scores.Overall
			fmt.Fprintf(e.stderr, "%s %s (%d/100 %s)\n", tr(lang, "report written to", "rapport écrit dans"), o.Path, s.Score, s.Grade)
		}
	}
	if err := finish(res.RunErr, res.Report, lang); err != nil {
		return err
	}
	if nothingChecked(res.Report) {
		return scanErr(nothingJudged(lang))
	}
	if len(res.Crossed) > 0 {
		msgs := make([]string, len(res.Crossed))
		for i, t := range res.Crossed {
			msgs[i] = t.In(lang)
		}
		return &exitError{code: exitThreshold, err: errors.New(strings.Join(msgs, "; "))}
	}
	return nil
}
