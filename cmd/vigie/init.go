package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
)

func newInitCmd(e env) *cobra.Command {
	var force, quiet bool
	var lang string
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented example configuration (default vigie.yaml)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			l, err := langOf(lang, "", e.getenv)
			if err != nil {
				return err
			}
			path := "vigie.yaml"
			if len(args) == 1 {
				path = args[0]
			}
			flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
			if force {
				flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
			}
			f, err := os.OpenFile(path, flags, 0o600)
			if os.IsExist(err) {
				return usageText("%s already exists; use --force to overwrite it", "%s existe déjà ; --force pour le remplacer", path)
			}
			writing := tr(l, "writing %s: %v", "écriture de %s : %v")
			if err != nil {
				return usageErr(writing, path, err)
			}
			if _, err := f.WriteString(config.ExampleIn(l)); err != nil {
				f.Close()
				return usageErr(writing, path, err)
			}
			if err := f.Close(); err != nil {
				return usageErr(writing, path, err)
			}
			if quiet || !isTerminal(e.stderr) {
				return nil // quiet on success, for scripts; the next step is for a person at a terminal
			}
			fmt.Fprintf(e.stderr, tr(l, "wrote %s; edit web.targets, then run: vigie scan --config %s\n",
				"%s écrit ; modifiez web.targets, puis lancez : vigie scan --config %s\n"), path, path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	cmd.Flags().BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors: no \"wrote\" line")
	cmd.Flags().StringVar(&lang, "lang", "", "language of the comments: fr|en (default: from the locale)")
	return cmd
}
