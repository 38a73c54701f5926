package main

import (
	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/scan"
	"github.com/vigie-security/vigie/internal/shard"
)

func newMergeCmd(e env) *cobra.Command {
	var o outputFlags
	var configFile string
	var failOnNew bool
	cmd := &cobra.Command{
		Use:   "merge SHARD.json…",
		Short: "Combine the JSON reports of vigie scan --shard I/N into one report, with the scores of a single run",
		Long: `Combine shard reports (files, folders of *.json, or patterns such as "shard-*.json", expanded by vigie
itself) into one report whose targets, findings and scores are those of one unsharded scan. Reports of
another vigie version, the same report twice, overlapping shards or an incomplete set of shards (a share
missing, counts that disagree) are refused. The merge is where the
whole scan is kept in the history and judged against fail_on / fail_under.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cfg := config.Defaults()
			if configFile != "" {
				var err error
				if cfg, err = config.Load(configFile, e.getenv); err != nil {
					return asUsage(err)
				}
			}
			lang, err := o.over(cmd, &cfg, e)
			if err != nil {
				return err
			}
			out := deliveryOf(cfg.Output, o)
			sess := scan.Session{WaiverFile: cfg.Waivers, History: cfg.History, Retention: retentionOf(cfg),
				FailOn: cfg.Scan.FailOn, FailUnder: cfg.Scan.FailUnder, FailOnNew: failOnNew, Spool: true,
				Inputs: []scan.Input{{Path: configFile, What: scan.InputConfig}}}
			// The files the merge will read, as it expands patterns and folders
			// itself: merge 'shard-*.json' -o shard-all.json, run twice, must
			// not replace one of them.
			files, err := shard.Expand(args)
			if err != nil {
				return usageErr("%s", check.InLang(err, lang))
			}
			for _, a := range files {
				sess.Inputs = append(sess.Inputs, scan.Input{Path: a, What: scan.InputShard})
			}
			return deliverWith(cmd, e, &sess, out, lang, func() (scan.Result, error) { return sess.Merge(cmd.Context(), args) })
		},
	}
	cmd.Flags().StringVarP(&configFile, "config", "c", "", "the configuration the shards ran with: history, waivers, thresholds, output")
	cmd.Flags().BoolVar(&failOnNew, "fail-on-new", false, "with history: exit 1 if a check fails that did not fail in the last scan")
	addOutputFlags(cmd, &o)
	return cmd
}
