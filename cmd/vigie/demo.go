package main

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/demo"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/store"
	"github.com/vigie-security/vigie/tui"
)

// demoWaivers is where the demo's interface writes the risks a person
// accepts, in the folder it runs in; every demo scan from that folder, in the
// interface or not, reads it, so the two never disagree.
const demoWaivers = "vigie-demo-waivers.yaml"

func newDemoCmd(e env) *cobra.Command {
	var o outputFlags
	var history string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Scan a built-in lab: flawed sites on loopback, password policies, contracts, a processor inventory and two lead sources",
		Long: `Start nine small sites inside this process on 127.0.0.1 (from correct to an open
Elasticsearch, with a CA made at start), judge two embedded password policies and a
stored-hash sample, check five contracts in four formats against a French processor
inventory, and audit two synthetic lead sources (a HubSpot export and a French SQLite base),
all written to a private temporary folder removed at the end. No network is used.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg := config.Defaults()
			lang, err := o.over(cmd, &cfg, e)
			if err != nil {
				return err
			}
			now := time.Now()
			lab, err := demo.Start(now)
			if err != nil {
				return scanErr(check.Errorf("starting the demo lab: %v", "démarrage du laboratoire de démonstration : %v", err))
			}
			defer lab.Close()
			plan, err := lab.Plan(time.Now)
			if err != nil {
				return scanErr(err)
			}
			// On a terminal, with no output asked for, the demo opens the
			// interface and scans at once; otherwise it prints as always.
			if isTerminal(e.stdout) && !cmd.Flags().Changed("format") && !cmd.Flags().Changed("output") {
				return startTUI(cmd.Context(), e, tui.Options{Lang: lang, Version: toolVersion(), AutoScan: true,
					Session: func() (scan.Session, error) {
						plan, err := lab.Plan(time.Now)
						return scan.Session{Plan: plan, Version: toolVersion()}, err
					}, Policies: plan.Passwords,
					WaiverFile: demoWaivers})
			}
			// Demo scans are kept apart in the history: never compared with real ones.
			return execute(cmd, e, scan.Session{Plan: plan, WaiverFile: demoWaivers, WaiversMayBeMissing: true, History: history,
				Retention: store.DefaultRetention, Demo: true, Spool: true}, deliveryOf(cfg.Output, o), lang)
		},
	}
	addOutputFlags(cmd, &o)
	cmd.Flags().StringVar(&history, "history", "", "keep the demo scan in this history, marked as demo (try vigie history and vigie diff on it)")
	return cmd
}
