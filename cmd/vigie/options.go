package main

import (
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
)

// options are config settings a command also takes as flags. They are
// declared once, in config.Options; the flags read into a copy of the
// defaults, so the help shows the real default, and over puts only the
// flags the user gave on top of the config file.
type options struct {
	given *config.Config
	opts  []config.Option
}

func addOptions(cmd *cobra.Command, keys ...string) *options {
	given := config.Defaults()
	o := &options{given: &given, opts: config.OptionsFor(keys...)}
	for _, op := range o.opts {
		cmd.Flags().VarP(op.Bind(o.given), op.Flag, op.Short, op.Usage.EN)
	}
	return o
}

// over puts the flags the user gave on cfg, and checks cfg again.
func (o *options) over(cmd *cobra.Command, cfg *config.Config) error {
	if o == nil {
		return nil
	}
	if err := cfg.ApplyFlags(o.given, o.opts, cmd.Flags().Changed); err != nil {
		return asUsage(err)
	}
	return nil
}
