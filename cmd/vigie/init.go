package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
)

func newInitCmd(e env) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "init [FILE]",
		Short: "Write a commented example configuration (default vigie.yaml)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
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
				return usageErr("%s already exists; use --force to overwrite it", path)
			}
			if err != nil {
				return usageErr("writing %s: %v", path, err)
			}
			if _, err := f.WriteString(config.Example); err != nil {
				f.Close()
				return usageErr("writing %s: %v", path, err)
			}
			if err := f.Close(); err != nil {
				return usageErr("writing %s: %v", path, err)
			}
			fmt.Fprintf(e.stderr, "wrote %s; edit web.targets, then run: vigie scan --config %s\n", path, path)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
