package main

import (
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/config"
)

func newLeadsCmd(e env) *cobra.Command {
	root := &cobra.Command{Use: "leads", Short: "Lead and prospect databases: retention, consent, information, sensitive data, card data, NIR"}
	var th thresholdFlags
	var table string
	var columns []string
	var timeout time.Duration
	checkCmd := &cobra.Command{
		Use:   "check FILE|DSN...",
		Short: "Check lead exports (CSV, TSV, XLSX), SQLite files or PostgreSQL/MySQL tables, read-only, against the CNIL rules for prospect data",
		Long: `Check lead tables read-only and streamed: how long prospects are kept and from which dates, consent and its
proof, whether people were told, special categories in notes, card numbers (Luhn), IBAN (mod-97), NIR (its key),
passwords, the file's own permissions, and for a database the account's rights, audit logging and TLS.
A DSN is postgres://user:password@host:port/db or mysql://user:password@host:port/db (read-only session,
statement timeout; shown as host:port/db only, never with its password). Columns are found by the labels HubSpot, Salesforce, Pipedrive, Brevo,
Zoho, Dynamics and French exports use, and by their values; --column role=label maps the others. Findings hold
counts, record keys and masked samples, never a personal value.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, files []string) error {
			cols, err := columnFlags(columns)
			if err != nil {
				return err
			}
			if cmd.Flags().Changed("timeout") && (timeout <= 0 || timeout > config.MaxLeadsTimeout) {
				return usageText("--timeout: must be positive and at most %s, got %s", "--timeout : doit être positif et d'au plus %s, trouvé %s", config.Duration(config.MaxLeadsTimeout), config.Duration(timeout))
			}
			return runFiles(cmd, e, th, func(cfg *config.Config) {
				for _, f := range files {
					cfg.Leads.Sources = append(cfg.Leads.Sources, config.LeadSource{Path: f, Table: table, Columns: cols})
				}
				cfg.Leads.Timeout = config.Duration(timeout)
			})
		},
	}
	th.add(checkCmd)
	fl := checkCmd.Flags()
	fl.StringVar(&table, "table", "", "database table (schema.name for PostgreSQL) or XLSX sheet (default: the one that holds e-mail or phone columns)")
	fl.StringArrayVar(&columns, "column", nil, "role=label: the column of a role vigie does not find (repeatable; roles: email, phone, created, consent…)")
	fl.DurationVar(&timeout, "timeout", config.DefaultLeadsTimeout, "time allowed for each source (a database's statement timeout too)")
	root.AddCommand(checkCmd, newLeadsPlanCmd(e))
	return root
}

// columnFlags reads --column role=label flags.
func columnFlags(columns []string) (map[string]string, error) {
	cols := map[string]string{}
	for _, c := range columns {
		role, label, ok := strings.Cut(c, "=")
		if !ok || strings.TrimSpace(role) == "" || strings.TrimSpace(label) == "" {
			return nil, usageText("--column %q: write role=label, e.g. --column email=Adresse", "--column %q : écrivez rôle=libellé, ex. --column email=Adresse", c)
		}
		cols[strings.TrimSpace(role)] = strings.TrimSpace(label)
	}
	return cols, nil
}
