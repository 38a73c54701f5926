package main

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/check"
	"github.com/vigie-security/vigie/internal/config"
	"github.com/vigie-security/vigie/internal/leadscan"
	"github.com/vigie-security/vigie/internal/scan"
)

func newLeadsPlanCmd(e env) *cobra.Command {
	var out, configFile, table, lang string
	var columns []string
	var timeout time.Duration
	var quiet bool
	cmd := &cobra.Command{
		Use:   "plan [FILE|DSN...] -o PLAN.csv",
		Short: "Write the keys of the lead records to delete, archive or stop contacting (retention and opt-out findings)",
		Long: `Read the lead sources (those given, or the configuration's leads.sources) and write to --output, mode 0600 and
in one step, one CSV line per record a retention check (LEAD-RET-*) or the opt-out check (LEAD-CON-005) lists:
source, check, action (in English and French), the key column and the record key (the primary key, or "row N").
Never a name, an e-mail, a phone or any other value of the record. A source that cannot be read writes no plan.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return usageText("--output: the plan file to write (e.g. -o retention-plan.csv)", "--output : le fichier du plan à écrire (ex. -o plan-conservation.csv)")
			}
			// A missing folder or a folder in the way is a usage mistake, found before any source is read.
			if err := scan.CheckOutputs([]scan.Output{{Path: out}}, scan.Input{Path: configFile, What: scan.InputConfig}); err != nil {
				return asUsage(err)
			}
			cols, err := columnFlags(columns)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("timeout") && (timeout <= 0 || timeout > config.MaxLeadsTimeout) {
				return usageText("--timeout: must be positive and at most %s, got %s", "--timeout : doit être positif et d'au plus %s, trouvé %s", config.Duration(config.MaxLeadsTimeout), config.Duration(timeout))
			}
			cfg := config.Defaults()
			if configFile != "" {
				if cfg, err = config.Load(configFile, e.getenv); err != nil {
					return asUsage(err)
				}
			}
			var srcs []config.LeadSource
			for _, a := range args {
				srcs = append(srcs, config.LeadSource{Path: a, Table: table, Columns: cols})
			}
			if len(srcs) == 0 {
				srcs = cfg.Leads.Sources
			}
			if len(srcs) == 0 {
				return usageText("no lead source: name a file or DSN, or --config with leads.sources", "aucune source de prospects : nommez un fichier ou une base (DSN), ou --config avec leads.sources")
			}
			for _, s := range srcs {
				if !strings.Contains(s.Path, "://") && scan.SamePath(out, s.Path) {
					return usageText("--output %s: the plan would overwrite the lead source itself; name another file", "--output %s : le plan écraserait la source de prospects elle-même ; nommez un autre fichier", out)
				}
			}
			if !cmd.Flags().Changed("timeout") && cfg.Leads.Timeout > 0 {
				timeout = time.Duration(cfg.Leads.Timeout)
			}
			l, err := langOf(lang, cfg.Lang, e.getenv)
			if err != nil {
				return err
			}
			var plans []*leadscan.Plan
			for i, s := range srcs {
				src := scan.LeadSourceOf(cfg.Leads, s)
				src.Limits.Timeout = timeout
				p, err := leadscan.Prepare(src)
				if err != nil {
					if len(args) == 0 {
						return usageErr("%s: leads.sources[%d]: %v", configFile, i, err)
					}
					return usageErr("%v", err)
				}
				plans = append(plans, p)
			}
			sums, err := leadscan.WritePlan(cmd.Context(), out, plans, time.Now())
			if err != nil {
				return &exitError{code: exitScan, err: err}
			}
			// Quiet on success for cron, as vigie scan -o: the summary is for a terminal.
			if quiet || !isTerminal(e.stderr) {
				return nil
			}
			for _, s := range sums {
				fmt.Fprintln(e.stderr, planLine(s, l))
			}
			fmt.Fprintln(e.stderr, check.Textf("plan written to %s", "plan écrit dans %s", out).In(l))
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&out, "output", "o", "", "the plan file to write (CSV, mode 0600)")
	fl.StringVarP(&configFile, "config", "c", "", "configuration whose leads.sources to plan when no source is named")
	fl.StringVar(&table, "table", "", "database table or XLSX sheet")
	fl.StringArrayVar(&columns, "column", nil, "role=label: the column of a role vigie does not find (repeatable)")
	fl.DurationVar(&timeout, "timeout", config.DefaultLeadsTimeout, "time allowed for each source")
	fl.StringVar(&lang, "lang", "", "language of the summary: en or fr")
	fl.BoolVarP(&quiet, "quiet", "q", false, "print nothing but errors: no summary of the plan")
	return cmd
}

// planLine: one source's records to act on, by check.
func planLine(s leadscan.PlanSummary, l check.Lang) string {
	ids := make([]string, 0, len(s.Records))
	total := 0
	for id, n := range s.Records {
		ids = append(ids, fmt.Sprintf("%s %d", id, n))
		total += n
	}
	sort.Strings(ids)
	by := strings.Join(ids, ", ")
	if by == "" {
		by = check.Text{EN: "nothing to do", FR: "rien à faire"}.In(l)
	}
	return check.Textf("%s: %d records to act on (%s); keys from %s", "%s : %d fiches à traiter (%s) ; clés tirées de %s",
		s.Target, total, by, s.KeyFrom).In(l)
}
