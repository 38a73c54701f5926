package main

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/atomicfile"
	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/engine"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/store"
	"github.com/vigie-security/vigie/internal/waiver"
)

type scanFlags struct {
	outputFlags
	config, targetsFile, caFile, waivers, history string
	failOn                                        *check.Severity
	failOnNew                                     bool
	targets                                       []string
	concurrency, failUnder                        int
	rate                                          float64
	timeout                                       time.Duration
}

func newScanCmd(e env) *cobra.Command {
	var f scanFlags
	cmd := &cobra.Command{
		Use:   "scan",
		Short: "Scan the configured targets and report findings and scores",
		Long: `Scan web endpoints for HTTPS enforcement (more families to come).

Targets come from --config (web.targets), --target (repeatable) and
--targets-file (one per line). Flags override the config file.

Exit codes: 0 no threshold crossed, 1 --fail-on/--fail-under crossed,
2 usage or configuration error, 3 the scan could not run or was interrupted.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runScan(cmd, e, f) },
	}
	fl := cmd.Flags()
	fl.StringVarP(&f.config, "config", "c", "", "configuration file (see vigie init)")
	fl.StringArrayVarP(&f.targets, "target", "t", nil, "URL or host to scan (repeatable)")
	fl.StringVar(&f.targetsFile, "targets-file", "", "file with one target per line")
	addOutputFlags(cmd, &f.outputFlags)
	fl.IntVar(&f.concurrency, "concurrency", 0, "targets probed at once (default 10)")
	fl.Float64Var(&f.rate, "rate", 0, "network requests per second for the whole scan, 0 = no limit (default 50)")
	fl.DurationVar(&f.timeout, "timeout", 0, "per-target timeout (default 10s)")
	fl.StringVar(&f.caFile, "ca-file", "", "PEM file of private CAs to trust besides the system roots")
	fl.Var(check.SeverityFlag{P: &f.failOn}, "fail-on", "exit 1 if a finding at or above this severity fails (info|low|medium|high|critical)")
	fl.IntVar(&f.failUnder, "fail-under", 0, "exit 1 if the overall score is below this (0-100)")
	fl.StringVar(&f.waivers, "waivers", "", "waiver file: accepted risks, each with a statement and an expiry date")
	fl.StringVar(&f.history, "history", "", "SQLite file keeping every scan; the report then says what changed since the last one")
	fl.BoolVar(&f.failOnNew, "fail-on-new", false, "with --history: exit 1 if a check fails that did not fail in the last scan")
	return cmd
}

func addOutputFlags(cmd *cobra.Command, o *outputFlags) {
	fl := cmd.Flags()
	fl.StringVarP(&o.format, "format", "f", "", "report format: "+strings.Join(report.Formats, "|")+" (default table)")
	fl.StringVarP(&o.output, "output", "o", "", "write the report to this file (atomically, mode 0600) instead of stdout")
	fl.StringVar(&o.lang, "lang", "", "language of the report: fr|en (default: from the locale)")
	fl.BoolVar(&o.noColor, "no-color", false, "no colours (NO_COLOR is honoured too)")
}

// merge applies the flags the user set on top of the config file.
func (f scanFlags) merge(cmd *cobra.Command, cfg *config.Config) error {
	ch := cmd.Flags().Changed
	if ch("format") {
		cfg.Output.Format = f.format
	}
	if ch("output") {
		cfg.Output.File = f.output
	}
	if ch("concurrency") {
		if f.concurrency < 1 || f.concurrency > config.MaxConcurrency {
			return usageErr("--concurrency: must be at least 1 and at most %d", config.MaxConcurrency)
		}
		cfg.Scan.Concurrency = f.concurrency
	}
	if ch("rate") {
		if math.IsNaN(f.rate) || f.rate < 0 || f.rate > config.MaxRate {
			return usageErr("--rate: must be 0 (no limit) or more, at most %d requests a second", config.MaxRate)
		}
		cfg.Scan.Rate = f.rate
	}
	if ch("timeout") {
		if f.timeout <= 0 || f.timeout > config.MaxTimeout {
			return usageErr("--timeout: must be positive and at most %s", config.MaxTimeout)
		}
		cfg.Scan.Timeout = config.Duration(f.timeout)
	}
	if ch("ca-file") {
		cfg.Web.CAFile = f.caFile
	}
	if ch("fail-on") {
		cfg.Scan.FailOn = f.failOn
	}
	if ch("waivers") {
		cfg.Waivers = f.waivers
	}
	if ch("history") {
		cfg.History = f.history
	}
	if f.failOnNew && cfg.History == "" {
		return usageErr("--fail-on-new needs --history (or history: in the config)")
	}
	if ch("fail-under") {
		if f.failUnder < 0 || f.failUnder > 100 {
			return usageErr("--fail-under: must be between 0 and 100")
		}
		cfg.Scan.FailUnder = &f.failUnder
	}
	// The file was valid alone; the flags on top of it must keep it so.
	if err := cfg.Validate(); err != nil {
		return usageErr("%v", err)
	}
	return nil
}

func runScan(cmd *cobra.Command, e env, f scanFlags) error {
	cfg := config.Defaults()
	if f.config != "" {
		var err error
		if cfg, err = config.Load(f.config, e.getenv); err != nil {
			return asUsage(err)
		}
	}
	if err := f.merge(cmd, &cfg); err != nil {
		return err
	}
	lang, err := langOf(f.lang, cfg.Lang, e.getenv)
	if err != nil {
		return err
	}
	extra := f.targets
	if f.targetsFile != "" {
		more, err := scan.ReadTargetsFile(f.targetsFile)
		if err != nil {
			return asUsage(err)
		}
		extra = append(extra, more...)
	}
	plan, err := scan.FromConfig(cfg, extra)
	if err != nil {
		return asUsage(err)
	}
	if plan.Empty() {
		return usageErr("nothing to scan: give --target, --targets-file, or web.targets / password.policies / password.hashes / contracts in --config")
	}
	out := outputFlags{format: cfg.Output.Format, output: cfg.Output.File, noColor: f.noColor}
	if _, err := report.For(out.format, report.Options{}); err != nil {
		return usageErr("--format: %v", err)
	}
	if err := preflight(cmd.Context(), out.output, cfg.History, lang); err != nil {
		return err
	}
	x := extras{waiverFile: cfg.Waivers, history: cfg.History, retention: retentionOf(cfg), failOnNew: f.failOnNew}
	if cfg.Waivers != "" {
		file, err := waiver.Load(cfg.Waivers, catalog.Known)
		if err != nil {
			return asUsage(err)
		}
		x.waivers = &file
	}
	return execute(cmd, e, plan, out, lang, cfg.Scan, x)
}

// extras are what a scan adds around the run: waivers and history.
type extras struct {
	waivers    *waiver.File
	waiverFile string
	history    string
	retention  store.Retention
	failOnNew  bool
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

// execute runs a plan and turns its report into output and an exit code.
func execute(cmd *cobra.Command, e env, plan scan.Plan, out outputFlags, lang check.Lang, s config.Scan, x extras) error {
	rep, runErr := plan.Run(cmd.Context(), progress(e), engine.WithVersion(toolVersion()))
	if runErr != nil && errors.Is(runErr, engine.ErrNoTargets) {
		return usageErr("%v", runErr)
	}
	if runErr != nil && rep.ScanID == "" {
		return scanErr(runErr)
	}
	if x.waivers != nil {
		var expired []waiver.Expired
		rep, expired = waiver.Apply(rep, *x.waivers, x.waiverFile, time.Now())
		for _, w := range expired {
			fmt.Fprintf(e.stderr, tr(lang, "vigie: %s:%d: the waiver of %s expired on %s and is no longer applied\n",
				"vigie : %s:%d : la dérogation sur %s a expiré le %s et ne s'applique plus\n"), x.waiverFile, w.Line, w.Check, w.Expires)
		}
	}
	// The report is written before the history is saved: a history that
	// fails (locked, full disk) must not throw away a finished scan.
	var hist *history
	var histErr error
	if x.history != "" {
		hist, histErr = openHistory(cmd.Context(), x.history, x.retention, &rep)
	}
	if err := deliver(cmd.Context(), e, out, lang, rep); err != nil {
		hist.close()
		return err
	}
	if histErr == nil {
		histErr = hist.save(cmd.Context(), rep)
	}
	hist.close()
	if histErr != nil {
		return scanErr(fmt.Errorf(tr(lang, "history %s: %w (the report was written)", "historique %s : %w (le rapport a été écrit)"), x.history, histErr))
	}
	if err := finish(runErr, rep, lang); err != nil {
		return err
	}
	if x.failOnNew && rep.Changes != nil && len(rep.Changes.New) > 0 {
		return &exitError{code: exitThreshold, err: fmt.Errorf(tr(lang, "%d new failure(s) since the last scan (--fail-on-new)",
			"%d nouvel(s) échec(s) depuis le dernier scan (--fail-on-new)"), len(rep.Changes.New))}
	}
	return thresholds(s, rep, lang)
}

// preflight checks, before any long work, that the report and the history
// can be written: a typo in a path must not cost a whole scan.
func preflight(ctx context.Context, output, history string, lang check.Lang) error {
	if output != "" {
		if err := atomicfile.Check(output); err != nil {
			return usageErr("%s", localized(err, lang))
		}
	}
	if history != "" {
		if err := store.Check(ctx, history); err != nil {
			return usageErr("%s", localized(err, lang))
		}
	}
	return nil
}

// localized is err in the report's language, when err knows both.
func localized(err error, lang check.Lang) string {
	var l interface{ In(check.Lang) string }
	if errors.As(err, &l) {
		return l.In(lang)
	}
	return err.Error()
}

// history is the store a scan is compared with and saved to; a nil one does nothing.
type history struct{ st *store.Store }

// openHistory adds to rep what changed since the last scan.
func openHistory(ctx context.Context, path string, keep store.Retention, rep *report.Report) (*history, error) {
	st, err := store.Open(ctx, path, store.WithRetention(keep))
	if err != nil {
		return nil, err
	}
	prev, before, err := st.Previous(ctx, rep.StartedAt)
	switch {
	case err == nil:
		c := store.Diff(prev, before, *rep)
		rep.Changes = &c
	case !errors.Is(err, store.ErrNoPrevious):
		st.Close()
		return nil, err
	}
	return &history{st: st}, nil
}

func (h *history) save(ctx context.Context, rep report.Report) error {
	if h == nil {
		return nil
	}
	return h.st.Save(ctx, rep)
}

// keepHistory compares rep with the last scan, then saves it: the TUI's way.
func keepHistory(ctx context.Context, path string, keep store.Retention, rep *report.Report) error {
	h, err := openHistory(ctx, path, keep, rep)
	if err != nil {
		return err
	}
	defer h.close()
	return h.save(ctx, *rep)
}

func (h *history) close() {
	if h != nil {
		h.st.Close()
	}
}

// thresholds decides exit code 1. A check that could not run (ERROR) counts
// like a failure: an unverified control is not a passed one.
func thresholds(s config.Scan, rep report.Report, lang check.Lang) error {
	if min := s.FailOn; min != nil {
		n := 0
		for _, f := range rep.Findings {
			if (f.Status == check.Fail || f.Status == check.Error) && f.Severity >= *min {
				n++
			}
		}
		if n > 0 {
			return &exitError{code: exitThreshold, err: fmt.Errorf(tr(lang,
				"%d finding(s) at or above %s failed (--fail-on)", "%d constat(s) de gravité %s ou plus en échec (--fail-on)"), n, min.Label(lang))}
		}
	}
	if s.FailUnder != nil && rep.Scores.Overall.Scored && rep.Scores.Overall.Score < *s.FailUnder {
		return &exitError{code: exitThreshold, err: fmt.Errorf(tr(lang,
			"overall score %d is below %d (--fail-under)", "score global %d inférieur à %d (--fail-under)"), rep.Scores.Overall.Score, *s.FailUnder)}
	}
	return nil
}
