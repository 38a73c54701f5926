package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/demo"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/shard"
	"github.com/vigie-security/vigie/internal/store"
	"github.com/vigie-security/vigie/tui"
)

func newTUICmd(e env) *cobra.Command {
	var configFile, lang, reportFile string
	cmd := &cobra.Command{
		Use:   "tui",
		Short: "Open the terminal interface: run a scan, watch it, browse the findings, waive, export, try a password policy",
		Long: `Open the terminal interface on a configuration. It shows the last scan of the configured history
(history:) when there is one, or the JSON report given with --report; r runs a scan of the configured
targets. With no configuration, r scans the built-in demo.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd.Context(), e, configFile, lang, reportFile)
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "vigie.yaml to scan (default: ./vigie.yaml when there is one)")
	cmd.Flags().StringVar(&lang, "lang", "", "language: en or fr (default: from the locale)")
	cmd.Flags().StringVar(&reportFile, "report", "", "open a saved JSON report (vigie scan -f json -o FILE) instead of the last stored scan")
	return cmd
}

// shownFirst is the report the interface opens on: the file given, or the
// last complete scan of the history. A history that cannot be read is said
// on stderr and the interface opens without it: a scan may still run.
func shownFirst(ctx context.Context, e env, lang check.Lang, reportFile, history string) (*report.Report, string, error) {
	if reportFile != "" {
		r, err := shard.ReadFile(reportFile)
		if err != nil {
			return nil, "", usageErr("--report: %s", check.InLang(err, lang))
		}
		report.Scrubber{}.Report(&r) // the file may come from anywhere
		return &r, reportFile, nil
	}
	if history == "" {
		return nil, "", nil
	}
	if !store.IsPostgres(history) {
		if _, err := os.Stat(history); err != nil {
			return nil, "", nil // no scan kept yet; the first one creates it
		}
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	r, err := lastStored(ctx, history)
	if errors.Is(err, errNoStoredScan) {
		return nil, "", nil
	}
	if err != nil {
		fmt.Fprintln(e.stderr, check.InLang(err, lang))
		return nil, "", nil
	}
	name := history
	if store.IsPostgres(history) {
		name = store.Redact(history) // never the DSN's password
	}
	return r, tr(lang, "history ", "historique ") + name, nil
}

var errNoStoredScan = check.Errorf("no complete scan in the history", "aucune analyse complète dans l'historique")

// lastStored loads the newest complete scan of a history.
func lastStored(ctx context.Context, history string) (*report.Report, error) {
	st, err := store.Open(ctx, history)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	if l, err := st.List(ctx, 1); err != nil || len(l) == 0 {
		if err == nil {
			err = errNoStoredScan
		}
		return nil, err
	}
	id, err := st.Resolve(ctx, "last")
	if err != nil {
		return nil, errNoStoredScan // only interrupted scans so far
	}
	r, err := st.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	return &r, nil
}

// runTUI opens the interface on a configuration; its targets are scanned
// when the person asks (r).
func runTUI(ctx context.Context, e env, configFile, langFlag, reportFile string) error {
	if configFile == "" {
		if _, err := os.Stat("vigie.yaml"); err == nil {
			configFile = "vigie.yaml"
		}
	}
	cfg := config.Defaults()
	if configFile != "" {
		var err error
		if cfg, err = config.Load(configFile, e.getenv); err != nil {
			return asUsage(err)
		}
	}
	lang, err := langOf(langFlag, cfg.Lang, e.getenv)
	if err != nil {
		return err
	}
	first, err := scan.FromConfig(cfg, nil)
	if err != nil {
		return asUsage(err)
	}
	// The what-if screen starts from the configured policies: read once here,
	// before the interface starts (a scan reads them again in its units).
	o := tui.Options{Lang: lang, Version: toolVersion(), WaiverFile: cfg.Waivers, ConfigFile: configFile, ReportFile: reportFile}
	if o.Report, o.ReportSource, err = shownFirst(ctx, e, lang, reportFile, cfg.History); err != nil {
		return err
	}
	for _, file := range first.Policies {
		evs, err := scan.ReadPolicies(file)
		if err != nil {
			return asUsage(err)
		}
		o.Policies = append(o.Policies, evs...)
	}
	session := func(plan scan.Plan) scan.Session {
		return scan.Session{Plan: plan, History: cfg.History, Retention: retentionOf(cfg), Version: toolVersion(),
			FailOn: cfg.Scan.FailOn, FailUnder: cfg.Scan.FailUnder}
	}
	if !first.Empty() {
		o.Session = func() (scan.Session, error) {
			plan, err := scan.FromConfig(cfg, nil)
			return session(plan), err
		}
	} else {
		// Nothing configured: r scans the built-in demo, started on first use
		// (in the scan's goroutine, hence the lock).
		var mu sync.Mutex
		var lab *demo.Lab
		defer func() {
			mu.Lock()
			defer mu.Unlock()
			if lab != nil {
				lab.Close()
			}
		}()
		o.Demo = true
		o.Session = func() (scan.Session, error) {
			mu.Lock()
			defer mu.Unlock()
			if lab == nil {
				l, err := demo.Start(time.Now())
				if err != nil {
					return scan.Session{}, check.Errorf("starting the demo lab: %v", "démarrage du laboratoire de démonstration : %v", err)
				}
				lab = l
			}
			plan, err := lab.Plan(time.Now)
			return session(plan), err
		}
	}
	return startTUI(ctx, e, o)
}

// startTUI runs the interface full screen until the person quits.
func startTUI(ctx context.Context, e env, o tui.Options) error {
	p := tea.NewProgram(tui.New(o), tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(e.stdout))
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) && !errors.Is(err, context.Canceled) {
		return scanErr(check.Errorf("terminal interface: %v", "interface du terminal : %v", err))
	}
	return nil
}
