package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/store"
)

func newHistoryCmd(e env) *cobra.Command {
	var path, format, langFlag string
	var limit int
	cmd := &cobra.Command{
		Use:   "history --history FILE",
		Short: "List the scans kept in a history file, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang, err := langOf(langFlag, "", e.getenv)
			if err != nil {
				return err
			}
			if path == "" {
				return usageText("--history: name the history file", "--history : nommez le fichier d'historique")
			}
			if err := existingHistory(path); err != nil {
				return err
			}
			st, err := store.Open(cmd.Context(), path)
			if err != nil {
				return usageErr("%v", check.InLang(err, lang)) // the store's errors never hold a DSN's password
			}
			defer st.Close()
			scans, err := st.List(cmd.Context(), limit)
			if err != nil {
				return scanErr(err)
			}
			if format == "json" {
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(scans)
			}
			for _, s := range scans {
				note := ""
				if s.Interrupted {
					note = tr(lang, "  (interrupted)", "  (interrompu)")
				}
				if s.Demo {
					note += tr(lang, "  (demo)", "  (démo)")
				}
				result := fmt.Sprintf("%3d/100  %-2s", s.Score, s.Grade)
				if s.Grade == "" { // nothing was scored (an interrupted scan, every check skipped)
					result = tr(lang, "no score   ", "pas de note") // as wide as "%3d/100  %-2s"
				}
				fmt.Fprintf(e.stdout, "%s  %s  %s%s\n", s.StartedAt.UTC().Format("2006-01-02 15:04"), s.ID, result, note)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&path, "history", "", "history file written by vigie scan --history")
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().IntVar(&limit, "limit", 50, "how many scans")
	cmd.Flags().StringVar(&langFlag, "lang", "", "language: fr|en (default: from the locale)")
	cmd.AddCommand(newHistoryShowCmd(e))
	return cmd
}

// newHistoryShowCmd: one stored scan as a report, in any report format.
func newHistoryShowCmd(e env) *cobra.Command {
	var path string
	var o outputFlags
	cmd := &cobra.Command{
		Use:   "show ID --history FILE",
		Short: "Print one stored scan as a report (any format of vigie scan; ID, prefix, last, last~N or a day)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg := config.Defaults()
			lang, err := o.over(cmd, &cfg, e)
			if err != nil {
				return err
			}
			if path == "" {
				return usageText("--history: name the history file", "--history : nommez le fichier d'historique")
			}
			if err := existingHistory(path); err != nil {
				return err
			}
			d := deliveryOf(cfg.Output, o)
			outs, err := outputsOf(d, lang, useColor(d, e.getenv, isTerminal(e.stdout)), e)
			if err != nil {
				return err
			}
			if err := scan.CheckOutputs(outs, scan.HistoryInputs(path)...); err != nil {
				return asUsage(err)
			}
			st, err := store.Open(cmd.Context(), path)
			if err != nil {
				return usageErr("%v", err)
			}
			defer st.Close()
			id, err := st.Resolve(cmd.Context(), args[0])
			if err != nil {
				return usageErr("%s", check.InLang(err, lang))
			}
			rep, err := st.Load(cmd.Context(), id)
			if err != nil {
				return scanErr(err)
			}
			return scan.Deliver(cmd.Context(), outs, rep)
		},
	}
	cmd.Flags().StringVar(&path, "history", "", "history file (or postgres:// URL) written by vigie scan --history")
	addOutputFlags(cmd, &o)
	return cmd
}

// existingHistory: reading a history never creates one, so a typo is an
// error rather than an empty list.
func existingHistory(path string) error {
	if store.IsPostgres(path) {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return usageText("--history: %v (vigie scan --history %s creates it)", "--history : %v (vigie scan --history %s le crée)", err, path)
	}
	return nil
}
