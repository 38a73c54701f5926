package main

import (
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/scan"
)

func newPasswordCmd(e env) *cobra.Command {
	root := &cobra.Command{Use: "password", Short: "Password policies against CNIL 2022-100 and ANSSI, and stored hashes"}
	var th thresholdFlags
	checkCmd := &cobra.Command{
		Use:   "check FILE...",
		Short: "Judge password-policy files (any format vigie reads; a directory: its Linux PAM set and each export in it)",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			return runFiles(cmd, e, th, func(cfg *config.Config) { cfg.Password.Policies = files })
		},
	}
	th.add(checkCmd)
	root.AddCommand(checkCmd, newHashesCmd(e), newEntropyCmd(e))
	return root
}

func newHashesCmd(e env) *cobra.Command {
	var th thresholdFlags
	var column string
	cmd := &cobra.Command{
		Use:   "hashes FILE...",
		Short: "Audit stored password hashes (one per line, or a CSV column): algorithms, costs, plain text; no value is ever shown",
		Args:  cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			return runFiles(cmd, e, th, func(cfg *config.Config) {
				for _, f := range files {
					cfg.Password.Hashes = append(cfg.Password.Hashes, config.HashFile{File: f, Column: column})
				}
			})
		},
	}
	th.add(cmd)
	cmd.Flags().StringVar(&column, "column", "", "CSV column holding the hashes (header name or 1-based index; found by name when omitted)")
	return cmd
}

// thresholdFlags are the output and exit flags of commands that judge files.
type thresholdFlags struct {
	outputFlags
	limits *options
}

func (t *thresholdFlags) add(cmd *cobra.Command) {
	addOutputFlags(cmd, &t.outputFlags)
	t.limits = addOptions(cmd, "scan.fail_on", "scan.fail_under")
}

// runFiles judges local files as a scan would, with the same output and exit codes.
func runFiles(cmd *cobra.Command, e env, t thresholdFlags, fill func(*config.Config)) error {
	cfg := config.Defaults()
	fill(&cfg)
	if err := t.limits.over(cmd, &cfg); err != nil {
		return err
	}
	lang, err := t.outputFlags.over(cmd, &cfg, e)
	if err != nil {
		return err
	}
	plan, err := scan.FromConfig(cfg, nil)
	if err != nil {
		return asUsage(err)
	}
	return execute(cmd, e, scan.Session{Plan: plan, FailOn: cfg.Scan.FailOn, FailUnder: cfg.Scan.FailUnder}, deliveryOf(cfg.Output, t.outputFlags), lang)
}
