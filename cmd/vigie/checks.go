package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vigie-security/vigie/internal/catalog"
	"github.com/vigie-security/vigie/internal/check"
)

func newChecksCmd(e env) *cobra.Command {
	var format, lang string
	cmd := &cobra.Command{
		Use:   "checks",
		Short: "List every check with its severity, references and remediation",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			l, err := langOf(lang, "", e.getenv)
			if err != nil {
				return err
			}
			metas := make([]check.Meta, 0)
			for _, c := range catalog.All() {
				metas = append(metas, c.Meta())
			}
			switch format {
			case "json":
				enc := json.NewEncoder(e.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(metas)
			case "table":
				for _, m := range metas {
					fmt.Fprintf(e.stdout, "%-14s %-9s %-9s %s\n", m.ID, m.Family, m.Severity.Label(l), m.Title.In(l))
					if m.CapOnFail != "" {
						fmt.Fprintf(e.stdout, "%-34s %s %s\n", "", map[check.Lang]string{check.EN: "caps the grade at", check.FR: "plafonne la note à"}[l], m.CapOnFail)
					}
					var refs []string
					for _, r := range m.References {
						refs = append(refs, r.Source)
					}
					fmt.Fprintf(e.stdout, "%-34s %s\n", "", strings.Join(refs, ", "))
				}
				return nil
			}
			return usageErr("--format: %q is not table or json", format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "table", "table or json")
	cmd.Flags().StringVar(&lang, "lang", "", "fr or en (default: from the locale)")
	return cmd
}
