package main

import (
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/report"
	"github.com/vigie-security/vigie/internal/scan"
)

func newPasswordCmd(e env) *cobra.Command {
	root := &cobra.Command{Use: "password", Short: "Password policies against CNIL 2022-100 and ANSSI"}
	var o outputFlags
	var failOn string
	var failUnder int
	checkCmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Judge password-policy files (vigie's YAML policy format) without scanning anything else",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			lang, err := langOf(o.lang, "", e.getenv)
			if err != nil {
				return err
			}
			if o.format == "" {
				o.format = "table"
			}
			if _, err := report.For(o.format, report.Options{}); err != nil {
				return usageErr("--format: %v", err)
			}
			cfg := config.Defaults()
			cfg.Password.Policies = files
			if cmd.Flags().Changed("fail-on") {
				if _, err := check.ParseSeverity(failOn); err != nil {
					return usageErr("--fail-on: %v", err)
				}
				cfg.Scan.FailOn = failOn
			}
			if cmd.Flags().Changed("fail-under") {
				cfg.Scan.FailUnder = &failUnder
			}
			plan, err := scan.FromConfig(cfg, nil)
			if err != nil {
				return asUsage(err)
			}
			return execute(cmd, e, plan, o, lang, cfg.Scan)
		},
	}
	addOutputFlags(checkCmd, &o)
	checkCmd.Flags().StringVar(&failOn, "fail-on", "", "exit 1 if a finding at or above this severity fails")
	checkCmd.Flags().IntVar(&failUnder, "fail-under", 0, "exit 1 if the overall score is below this (0-100)")
	root.AddCommand(checkCmd, newHashesCmd(e), newEntropyCmd(e))
	return root
}

func newHashesCmd(e env) *cobra.Command {
	var o outputFlags
	var column, failOn string
	cmd := &cobra.Command{
		Use:   "hashes FILE...",
		Short: "Audit stored password hashes (one per line, or a CSV column): algorithms, costs, plain text; no value is ever shown",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			lang, err := langOf(o.lang, "", e.getenv)
			if err != nil {
				return err
			}
			if o.format == "" {
				o.format = "table"
			}
			if _, err := report.For(o.format, report.Options{}); err != nil {
				return usageErr("--format: %v", err)
			}
			cfg := config.Defaults()
			for _, f := range files {
				cfg.Password.Hashes = append(cfg.Password.Hashes, config.HashFile{File: f, Column: column})
			}
			if cmd.Flags().Changed("fail-on") {
				if _, err := check.ParseSeverity(failOn); err != nil {
					return usageErr("--fail-on: %v", err)
				}
				cfg.Scan.FailOn = failOn
			}
			plan, err := scan.FromConfig(cfg, nil)
			if err != nil {
				return asUsage(err)
			}
			return execute(cmd, e, plan, o, lang, cfg.Scan)
		},
	}
	addOutputFlags(cmd, &o)
	cmd.Flags().StringVar(&column, "column", "", "CSV column holding the hashes (header name or 1-based index; found by name when omitted)")
	cmd.Flags().StringVar(&failOn, "fail-on", "", "exit 1 if a finding at or above this severity fails")
	return cmd
}
