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

	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/demo"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/tui"
)

func newTUICmd(e env) *cobra.Command {
	var configFile, lang string
	cmd := &cobra.Command{
		Use:   "tui",
		Short: "Open the terminal interface: run a scan, watch it, browse the findings",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runTUI(cmd.Context(), e, configFile, lang)
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "vigie.yaml to scan (default: ./vigie.yaml when there is one)")
	cmd.Flags().StringVar(&lang, "lang", "", "language: en or fr (default: from the locale)")
	return cmd
}

// runTUI opens the interface on a configuration; its targets are scanned
// when the person asks (r).
func runTUI(ctx context.Context, e env, configFile, langFlag string) error {
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
	o := tui.Options{Lang: lang, Version: toolVersion(), WaiverFile: cfg.Waivers}
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
					return scan.Session{}, fmt.Errorf("starting the demo lab: %w", err)
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
		return scanErr(fmt.Errorf("terminal interface: %w", err))
	}
	return nil
}
