package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/vigie-security/vigie/internal/check"
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

// localizeHelp gives every option flag of the tree its help in lang.
func localizeHelp(root *cobra.Command, lang check.Lang) {
	if lang == check.EN {
		return
	}
	usage := map[string]config.Option{}
	for _, o := range config.Options {
		usage[o.Usage.EN] = o
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if o, ok := usage[f.Usage]; ok && o.Flag == f.Name {
				f.Usage = o.Usage.In(lang)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}
